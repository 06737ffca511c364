//! Why a change set does not fit the version it is applied to.

/// A change that does not fit the version it is applied to; `index` is the
/// change's 1-based position in its set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RevisionError {
    /// Nothing to change.
    #[error("the change set is empty")]
    Empty,
    /// No such line.
    #[error("change {index}: the plan has no line {line}")]
    NoLine {
        /// 1-based position of the change.
        index: usize,
        /// The line asked for.
        line: u32,
    },
    /// No such track.
    #[error("change {index}: the plan has no track {track}")]
    NoTrack {
        /// 1-based position of the change.
        index: usize,
        /// The track asked for.
        track: String,
    },
    /// No such action.
    #[error("change {index}: the plan has no action {code}")]
    NoAction {
        /// 1-based position of the change.
        index: usize,
        /// The action asked for.
        code: String,
    },
    /// Empty text where text is needed.
    #[error("change {index}: the text is empty")]
    EmptyText {
        /// 1-based position of the change.
        index: usize,
    },
    /// A move to the track the action is already in.
    #[error("change {index}: action {code} is already in track {track}")]
    SameTrack {
        /// 1-based position of the change.
        index: usize,
        /// The action.
        code: String,
        /// Its track.
        track: String,
    },
    /// A merge of fewer than two actions.
    #[error("change {index}: merging needs at least two actions, got {count}")]
    MergeTooFew {
        /// 1-based position of the change.
        index: usize,
        /// How many were named.
        count: usize,
    },
    /// A merge naming one action twice.
    #[error("change {index}: action {code} is named twice in the merge")]
    MergeRepeats {
        /// 1-based position of the change.
        index: usize,
        /// The repeated code.
        code: String,
    },
    /// A split into fewer than two actions.
    #[error("change {index}: splitting needs at least two texts, got {count}")]
    SplitTooFew {
        /// 1-based position of the change.
        index: usize,
        /// How many texts were given.
        count: usize,
    },
    /// An SDG id that is neither a goal (1-17) nor a target of the catalogue.
    #[error("change {index}: {sdg:?} is neither an SDG goal nor an SDG target")]
    UnknownSdg {
        /// 1-based position of the change.
        index: usize,
        /// The id as given.
        sdg: String,
    },
}
