use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Agreement, Line, Mechanism, Organisation, Target};
use crate::span::Span;

/// One signed version of a joint action plan, with everything extracted from it.
///
/// Field order is the canonical key order of the JSON form; do not reorder
/// fields without bumping [`crate::canonical::FORMAT_VERSION`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Plan {
    /// Version of the canonical JSON format.
    pub format: u32,
    /// Parties' codes and the period, lower case: `dk-kr-2021-2024`.
    pub slug: String,
    /// Title as written.
    pub title: String,
    /// The parties and their standing relationship.
    pub partnership: Partnership,
    /// Years the plan covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// When it was signed, as precisely as the text says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<PartialDate>,
    /// Who signed, for which party.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signatories: Vec<Signatory>,
    /// Preamble paragraphs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<Paragraph>,
    /// Priorities the plan says cut across all lines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cross_cutting: Vec<Priority>,
    /// Strategic lines of effort, in document order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<Line>,
    /// Organisations named anywhere in the plan.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<Organisation>,
    /// Recurring bodies and meetings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mechanisms: Vec<Mechanism>,
    /// Agreements the plan rests on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreements: Vec<Agreement>,
    /// National or joint quantitative targets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
    /// The document the plan was imported from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceInfo>,
}

impl Plan {
    /// All actions of the plan in document order.
    pub fn actions(&self) -> impl Iterator<Item = &super::Action> {
        self.lines.iter().flat_map(Line::actions)
    }

    /// All tracks of the plan in document order.
    pub fn tracks(&self) -> impl Iterator<Item = &super::Track> {
        self.lines.iter().flat_map(|l| l.tracks.iter())
    }

    /// The action with this code (`1.2.3`).
    pub fn action(&self, code: &str) -> Option<&super::Action> {
        self.actions().find(|a| a.code == code)
    }

    /// The organisation with this id.
    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.id == id)
    }

    /// Agreements still waiting for signature ("TBC").
    pub fn agreements_pending(&self) -> usize {
        self.agreements
            .iter()
            .filter(|a| a.status == super::AgreementStatus::Pending)
            .count()
    }
}

/// The parties to a plan and their standing relationship.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Partnership {
    /// The parties, in the order the document names them.
    pub parties: Vec<Party>,
    /// Name of the relationship, when stated ("Strategic Partnership").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A party: a state, by ISO 3166-1 alpha-2 code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Party {
    /// ISO 3166-1 alpha-2 code, upper case (`DK`).
    pub code: String,
    /// Short English name (`Denmark`).
    pub name: String,
}

impl std::fmt::Display for Party {
    /// "Denmark (DK)".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.name, self.code)
    }
}

/// The years a plan covers, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Period {
    /// First year.
    pub start: i32,
    /// Last year.
    pub end: i32,
}

/// A date known to the year, month or day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PartialDate {
    /// Year.
    pub year: i32,
    /// Month, 1-12.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    /// Day of month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<u8>,
}

impl std::fmt::Display for PartialDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => write!(f, "{:04}-{:02}", self.year, m),
            _ => write!(f, "{:04}", self.year),
        }
    }
}

/// A person who signed the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Signatory {
    /// Name as written.
    pub name: String,
    /// Office as written ("Minister of Foreign Affairs").
    pub title: String,
    /// Party code, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// Where the signatory is named.
    pub span: Span,
}

/// A paragraph of prose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Paragraph {
    /// Text, with line breaks inside the paragraph joined.
    pub text: String,
    /// Where it stands.
    pub span: Span,
}

/// A cross-cutting priority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Priority {
    /// The priority, as written.
    pub text: String,
    /// Where it stands.
    pub span: Span,
}

/// The document a plan came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SourceInfo {
    /// File name, without directories.
    pub name: String,
    /// Format it was read as: `text`, `markdown`, `html`, `docx`.
    pub format: String,
    /// Character encoding it was decoded from.
    pub encoding: String,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
    /// Size in bytes.
    pub bytes: u64,
}
