//! The change kinds a revision is made of, as stored (JSON tagged by `op`).

use serde::{Deserialize, Serialize};

/// One change to a plan.
///
/// The JSON form is `{"op": "<kind in snake case>", …fields}`; stored
/// revisions hold it, so a kind's name and fields never change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Change {
    /// Rename the plan.
    SetTitle {
        /// The new title.
        title: String,
    },
    /// Rename a line of effort.
    SetLineTitle {
        /// The line's number.
        line: u32,
        /// The new title.
        title: String,
    },
    /// Reword an action (its kind and strength follow the new words).
    SetActionText {
        /// The action's code.
        code: String,
        /// The new text.
        text: String,
    },
    /// Add an action at the end of a track; it gets the track's next code.
    AddAction {
        /// The track's code (`1.2`).
        track: String,
        /// The action's text.
        text: String,
    },
    /// Remove an action. Codes of the others do not change.
    RemoveAction {
        /// The action's code.
        code: String,
    },
    /// Add a line of effort after the last; it gets the next number.
    AddLine {
        /// The line's title.
        title: String,
    },
    /// Add a track at the end of a line; it gets the line's next track code
    /// and the kind its title's words name.
    AddTrack {
        /// The line's number.
        line: u32,
        /// The track's heading.
        title: String,
    },
    /// Rename a track (its kind follows the new words).
    SetTrackTitle {
        /// The track's code (`1.2`).
        track: String,
        /// The new heading.
        title: String,
    },
    /// Move an action to the end of another track. It gets that track's next
    /// code and keeps its old code as an origin; no other code changes.
    MoveAction {
        /// The action's code.
        code: String,
        /// The target track's code (`2.1`).
        track: String,
    },
    /// Merge actions into one new action with a new text, standing where the
    /// first of them stood, with the next code of that track; the old codes
    /// become its origins, and it names the organisations, SDGs and
    /// mechanisms any of them named.
    MergeActions {
        /// The actions' codes, at least two.
        codes: Vec<String>,
        /// The merged action's text.
        text: String,
    },
    /// Split an action into new actions standing where it stood, each with
    /// the track's next code and the old code as its origin; each names the
    /// organisations, SDGs and mechanisms the old one named.
    SplitAction {
        /// The action's code.
        code: String,
        /// The new actions' texts, at least two.
        texts: Vec<String>,
    },
    /// Replace the SDGs an action declares, by goal (`7`) or target (`7.2`);
    /// an empty list clears them. The goals its words speak of are still
    /// inferred from its text, as for every action.
    SetActionSdgs {
        /// The action's code.
        code: String,
        /// Goal numbers or dotted target ids.
        sdgs: Vec<String>,
    },
}

/// A proposed set of changes, applied in order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ChangeSet {
    /// Why the parties change the plan.
    #[serde(default)]
    pub reason: String,
    /// The changes.
    pub changes: Vec<Change>,
}
