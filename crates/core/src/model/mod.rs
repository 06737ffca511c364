//! The plan model: what a signed joint action plan is, as data.

mod action;
mod agreement;
mod line;
mod mechanism;
mod organisation;
mod plan;
mod target;

pub use action::{Action, ActionKind, OrgRef, SdgMention};
pub use agreement::{Agreement, AgreementKind, AgreementStatus};
pub use line::{Line, Track, TrackKind};
pub use mechanism::Mechanism;
pub use organisation::Organisation;
pub use plan::{
    Paragraph, PartialDate, Partnership, Party, Period, Plan, Priority, Signatory, SourceInfo,
};
pub use target::{Direction, Target};
