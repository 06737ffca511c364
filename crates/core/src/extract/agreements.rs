//! Agreements listed as a plan's basis: "MoU on Circular Economy between the
//! Ministries of Environment, 2018.", "…, 2021 TBC.", "… for the period, 2018-2022."

use std::sync::LazyLock;

use regex::Regex;

mod tail;

use super::normalise;
use crate::country;
use crate::model::{AgreementKind, AgreementStatus};

/// One agreement entry, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedAgreement {
    /// Title without the trailing year and status.
    pub title: String,
    /// Kind, from the title.
    pub kind: AgreementKind,
    /// Party codes named in the title.
    pub parties: Vec<String>,
    /// Year, or first and last year.
    pub years: Vec<i32>,
    /// Signed or pending.
    pub status: AgreementStatus,
}

static PENDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:{})(?-u:\b)",
        tail::STATUSES.join("|")
    ))
    .expect("valid pattern")
});

/// Reads one agreement entry.
pub fn parse(entry: &str) -> ParsedAgreement {
    let entry = entry.trim().trim_start_matches(['•', '-', '*', '–']).trim();
    let (title, years, pending_tail) = match tail::read(entry) {
        Some(t) => {
            let mut years: Vec<i32> = Vec::new();
            for g in std::iter::once(t.first).chain(t.last) {
                if let Ok(y) = entry[g].parse() {
                    years.push(y);
                }
            }
            (&entry[..t.start], years, t.pending)
        }
        None => (entry.trim_end_matches(['.', ';']), Vec::new(), false),
    };
    let title = title.trim().trim_end_matches([',', ';', '.']).trim();
    // "for the period, 2018-2022": the period belongs to the years, not the title.
    let title = title
        .strip_suffix(" for the period")
        .unwrap_or(title)
        .trim()
        .to_owned();
    let status = if pending_tail || PENDING.is_match(entry) {
        AgreementStatus::Pending
    } else {
        AgreementStatus::Signed
    };
    let mut parties: Vec<String> = Vec::new();
    for m in country::mentions(&title) {
        let code = m.code.to_string();
        if !parties.contains(&code) {
            parties.push(code);
        }
    }
    ParsedAgreement {
        kind: AgreementKind::from_title(&title),
        title,
        parties,
        years,
        status,
    }
}

/// True when two entries list the same agreement (one may spell out the parties).
pub fn same_agreement(a: &ParsedAgreement, b: &ParsedAgreement) -> bool {
    AgreementKey::new(a).same(&AgreementKey::new(b))
}

/// What [`same_agreement`] compares of an entry, worked out once: an entry
/// compared with every agreement listed before it is normalised once.
#[derive(Debug, Clone)]
pub struct AgreementKey<'a> {
    agreement: &'a ParsedAgreement,
    /// The title, normalised.
    title: String,
    /// The title before any " between …", normalised.
    short: String,
}

impl<'a> AgreementKey<'a> {
    /// The key of an entry.
    pub fn new(agreement: &'a ParsedAgreement) -> Self {
        let t = &agreement.title;
        let short = t.split(" between ").next().unwrap_or(t);
        let title = normalise(t);
        Self {
            agreement,
            // Mostly the title itself, whose key is made already.
            short: if short.len() == t.len() {
                title.clone()
            } else {
                normalise(short)
            },
            title,
        }
    }

    /// True when the two entries list the same agreement.
    pub fn same(&self, other: &AgreementKey<'_>) -> bool {
        let (a, b) = (self.agreement, other.agreement);
        if a.kind != b.kind || a.years != b.years {
            return false;
        }
        if self.title == other.title {
            return true;
        }
        // "Joint Statement on X" and "Joint Statement on X between A and B".
        self.short == other.short && self.short.split(' ').count() >= 3
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_with_year() {
        let a = parse("MoU on Circular Economy between the Ministries of Environment, 2018.");
        assert_eq!(
            a.title,
            "MoU on Circular Economy between the Ministries of Environment"
        );
        assert_eq!(a.kind, AgreementKind::Mou);
        assert_eq!(a.years, [2018]);
        assert_eq!(a.status, AgreementStatus::Signed);
    }

    #[test]
    fn pending_and_periods() {
        let a = parse(
            "MoU on Technology and Digitalization between the Korean Ministry of Foreign Affairs and Danish Ministry of Foreign Affairs, 2021 TBC.",
        );
        assert_eq!(a.status, AgreementStatus::Pending);
        assert_eq!(a.years, [2021]);
        assert_eq!(a.parties, ["KR", "DK"]);
        let b = parse("MoU on Cultural Cooperation for the period, 2018-2022.");
        assert_eq!(b.title, "MoU on Cultural Cooperation");
        assert_eq!(b.years, [2018, 2022]);
        let c = parse(
            "MoU between the Korean Health Insurance Review Assessment Service (HIRA) and Danish Medicine Agency (DKMA) 2016.",
        );
        assert_eq!(c.years, [2016]);
        assert!(c.title.ends_with("(DKMA)"));
        let d = parse("The Copenhagen Commitment, 2018.");
        assert_eq!(d.kind, AgreementKind::Other);
    }

    #[test]
    fn duplicates_are_recognised() {
        let a = parse(
            "Joint Statement on the Establishment of a Strategic Partnership between the Government of the Republic of Korea and the Government of the Kingdom of Denmark, 2011.",
        );
        let b = parse("Joint Statement on the Establishment of a Strategic Partnership, 2011.");
        assert!(same_agreement(&a, &b));
        let c = parse("MoU between KIAT and Innovation Fund Denmark, 2018.");
        let d = parse(
            "MoU between the Korean Ministry of Oceans and Fisheries (MOF) and the Danish Ministry of Industry, 2018.",
        );
        assert!(!same_agreement(&c, &d));
    }
}
