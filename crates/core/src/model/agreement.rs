use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::span::Span;

/// An MoU, MoC, joint statement or agreement the plan rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Agreement {
    /// Title as written, without the trailing year and status.
    pub title: String,
    /// What sort of instrument it is.
    pub kind: AgreementKind,
    /// Party codes, where the title names them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<String>,
    /// Year, or first and last year of a period.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<i32>,
    /// Signed, or still to be confirmed.
    pub status: AgreementStatus,
    /// Numbers of the lines of effort it is listed under.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<u32>,
    /// Where it is listed; one span per listing.
    pub spans: Vec<Span>,
}

/// The kind of an agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AgreementKind {
    /// Memorandum of understanding.
    Mou,
    /// Memorandum of cooperation.
    Moc,
    /// A formal agreement or treaty.
    Agreement,
    /// A joint statement or declaration.
    JointStatement,
    /// An action plan or work programme.
    ActionPlan,
    /// Anything else (a commitment, a charter).
    Other,
}

impl AgreementKind {
    /// The kind a title names, by its words.
    pub fn from_title(title: &str) -> AgreementKind {
        if title.is_ascii() {
            // ASCII folds byte for byte, without the Unicode tables.
            kind_in(&title.to_ascii_lowercase())
        } else {
            kind_in(&title.to_lowercase())
        }
    }
}

/// [`AgreementKind::from_title`] on the lower-cased title.
fn kind_in(lower: &str) -> AgreementKind {
    // One pass notes the deciding words; a list of all words cost more than the rest.
    let (mut mou, mut moc, mut agreement) = (false, false, false);
    for word in lower.split(|c: char| !c.is_alphanumeric()) {
        match word {
            "mou" => mou = true,
            "moc" => moc = true,
            "agreement" | "treaty" | "convention" => agreement = true,
            _ => {}
        }
    }
    if mou || lower.contains("memorandum of understanding") {
        AgreementKind::Mou
    } else if moc || lower.contains("memorandum of cooperation") {
        AgreementKind::Moc
    } else if lower.contains("joint statement")
        || lower.contains("joint declaration")
        || lower.contains("joint communiqu")
    {
        AgreementKind::JointStatement
    } else if lower.contains("action plan") || lower.contains("work programme") {
        AgreementKind::ActionPlan
    } else if agreement {
        AgreementKind::Agreement
    } else {
        AgreementKind::Other
    }
}

/// Whether an agreement is in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AgreementStatus {
    /// Signed.
    Signed,
    /// Still to be confirmed ("TBC").
    Pending,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_titles() {
        assert_eq!(
            AgreementKind::from_title("MoU on Circular Economy"),
            AgreementKind::Mou
        );
        assert_eq!(
            AgreementKind::from_title("MoC on Information Exchange"),
            AgreementKind::Moc
        );
        assert_eq!(
            AgreementKind::from_title(
                "Joint Statement on the Establishment of a Strategic Partnership"
            ),
            AgreementKind::JointStatement
        );
        assert_eq!(
            AgreementKind::from_title("Action Plan for 2020-2021 between MSIT and MHES"),
            AgreementKind::ActionPlan
        );
        assert_eq!(
            AgreementKind::from_title("Agreement on the Korean-Danish Green Growth Alliance"),
            AgreementKind::Agreement
        );
        assert_eq!(
            AgreementKind::from_title("The Copenhagen Commitment"),
            AgreementKind::Other
        );
    }
}
