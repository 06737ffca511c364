//! Progress reports: what an agency says about an action, and which report is current.
//!
//! Reports are append-only; the current state of an action for a party is
//! its latest report (by date, then by the order the reports were recorded).

use std::collections::BTreeMap;
use std::str::FromStr;
use std::sync::LazyLock;

use regex::Regex;

use serde::{Deserialize, Serialize};

/// Where an action stands, in the reporter's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Work proceeds as planned.
    OnTrack,
    /// Work proceeds, later than planned.
    Delayed,
    /// Work cannot proceed until something changes.
    Blocked,
    /// The commitment is fulfilled.
    Done,
    /// The parties no longer pursue it.
    Dropped,
}

/// How much of an action is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Nothing done yet.
    NotStarted,
    /// A small part done.
    Limited,
    /// Most of it done.
    Substantial,
    /// All of it done.
    Complete,
}

/// A word that is not a status or level; names what is accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{word:?} is not a {what}; use one of: {accepted}")]
pub struct UnknownWord {
    /// What was given.
    pub word: String,
    /// What it should have been ("status").
    pub what: &'static str,
    /// The accepted words, comma-separated.
    pub accepted: &'static str,
}

impl Status {
    /// Every status, in a stable order.
    pub const ALL: [Status; 5] = [
        Status::OnTrack,
        Status::Delayed,
        Status::Blocked,
        Status::Done,
        Status::Dropped,
    ];

    /// The snake_case name used in files and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::OnTrack => "on_track",
            Status::Delayed => "delayed",
            Status::Blocked => "blocked",
            Status::Done => "done",
            Status::Dropped => "dropped",
        }
    }
}

/// Whether `input` names the snake_case `word`, ignoring case, surrounding
/// space and `-` or ` ` for `_` ("On track", "not-started"). Compared in
/// place: bulk loads parse a status and a level on every row.
fn names_word(input: &str, word: &str) -> bool {
    let input = input.trim();
    input.len() == word.len()
        && input.bytes().zip(word.bytes()).all(|(i, w)| {
            let i = match i {
                b'-' | b' ' => b'_',
                other => other.to_ascii_lowercase(),
            };
            i == w
        })
}

impl FromStr for Status {
    type Err = UnknownWord;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Status::ALL
            .into_iter()
            .find(|v| names_word(s, v.as_str()))
            .ok_or_else(|| UnknownWord {
                word: s.to_string(),
                what: "status",
                accepted: "on_track, delayed, blocked, done, dropped",
            })
    }
}

impl Level {
    /// Every level, from none to all.
    pub const ALL: [Level; 4] = [
        Level::NotStarted,
        Level::Limited,
        Level::Substantial,
        Level::Complete,
    ];

    /// The snake_case name used in files and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::NotStarted => "not_started",
            Level::Limited => "limited",
            Level::Substantial => "substantial",
            Level::Complete => "complete",
        }
    }

    /// The share of the action done, 0.0 to 1.0, for roll-ups.
    pub fn fraction(self) -> f64 {
        match self {
            Level::NotStarted => 0.0,
            Level::Limited => 1.0 / 3.0,
            Level::Substantial => 2.0 / 3.0,
            Level::Complete => 1.0,
        }
    }

    /// Position in [`Level::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

impl FromStr for Level {
    type Err = UnknownWord;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Level::ALL
            .into_iter()
            .find(|v| names_word(s, v.as_str()))
            .ok_or_else(|| UnknownWord {
                word: s.to_string(),
                what: "completion level",
                accepted: "not_started, limited, substantial, complete",
            })
    }
}

/// One progress report against one action, as a reporter files it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The action's code (`1.1.3`).
    pub action: String,
    /// The reporting party's code (`DK`).
    pub party: String,
    /// Id of the reporting organisation, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// The date the report speaks for, `YYYY-MM-DD`.
    pub date: String,
    /// Where the action stands.
    pub status: Status,
    /// How much is done.
    pub level: Level,
    /// What happened, in the reporter's words.
    #[serde(default)]
    pub narrative: String,
    /// Links to evidence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
}

/// Why a report cannot be accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    /// The date is not a real `YYYY-MM-DD` calendar date.
    #[error("date {0:?} is not a calendar date written YYYY-MM-DD")]
    BadDate(String),
    /// The plan has no action with this code.
    #[error("the plan has no action {0}")]
    UnknownAction(String),
    /// The party is not a party to the plan.
    #[error("{party} is not a party to this plan (parties: {parties})")]
    UnknownParty {
        /// The party given.
        party: String,
        /// The plan's parties, comma-separated.
        parties: String,
    },
}

impl Report {
    /// Checks the report against the plan it is filed for.
    pub fn validate(&self, plan: &crate::Plan) -> Result<(), ReportError> {
        let parties: Vec<&str> = plan
            .partnership
            .parties
            .iter()
            .map(|p| p.code.as_str())
            .collect();
        self.validate_against(|code| plan.action(code).is_some(), &parties)
    }

    /// The same check as [`Report::validate`], given only what it needs:
    /// whether the plan has an action code, and the plan's party codes.
    /// Bulk loads use it with an index of codes instead of a whole plan.
    pub fn validate_against<S: AsRef<str>>(
        &self,
        has_action: impl Fn(&str) -> bool,
        parties: &[S],
    ) -> Result<(), ReportError> {
        if !is_iso_date(&self.date) {
            return Err(ReportError::BadDate(self.date.clone()));
        }
        if !has_action(&self.action) {
            return Err(ReportError::UnknownAction(self.action.clone()));
        }
        if !parties
            .iter()
            .any(|p| p.as_ref().eq_ignore_ascii_case(&self.party))
        {
            let names: Vec<&str> = parties.iter().map(AsRef::as_ref).collect();
            return Err(ReportError::UnknownParty {
                party: self.party.clone(),
                parties: names.join(", "),
            });
        }
        Ok(())
    }
}

/// `YYYY-MM-DD` in ASCII digits: the shape a date must have before its
/// numbers are read.
static ISO_DATE_SHAPE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$").expect("valid pattern"));

/// The calendar date `s` names, if it is written `YYYY-MM-DD` and exists
/// (2024-02-29 does, 2023-02-29 and 2023-02-31 do not).
pub fn iso_date(s: &str) -> Option<jiff::civil::Date> {
    if !ISO_DATE_SHAPE.is_match(s) {
        return None;
    }
    // The shape guarantees ASCII digits at these positions.
    let year = s[0..4].parse().ok()?;
    let month = s[5..7].parse().ok()?;
    let day = s[8..10].parse().ok()?;
    jiff::civil::Date::new(year, month, day).ok()
}

/// True for a real `YYYY-MM-DD` calendar date.
pub fn is_iso_date(s: &str) -> bool {
    iso_date(s).is_some()
}

/// The current report per (action, party): the latest by date, ties broken
/// by recording order (the position in `reports`, which is oldest first).
pub fn latest(reports: &[Report]) -> BTreeMap<(String, String), &Report> {
    let mut out: BTreeMap<(String, String), &Report> = BTreeMap::new();
    for r in reports {
        let key = (r.action.clone(), r.party.to_uppercase());
        match out.get(&key) {
            Some(prev) if prev.date > r.date => {}
            _ => {
                out.insert(key, r);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(action: &str, party: &str, date: &str, level: Level) -> Report {
        Report {
            action: action.into(),
            party: party.into(),
            organisation: None,
            date: date.into(),
            status: Status::OnTrack,
            level,
            narrative: String::new(),
            evidence: vec![],
        }
    }

    #[test]
    fn words_parse_leniently_and_errors_name_the_choices() {
        assert_eq!("on-track".parse::<Status>(), Ok(Status::OnTrack));
        assert_eq!("Not started".parse::<Level>(), Ok(Level::NotStarted));
        let err = "halfway".parse::<Level>().unwrap_err().to_string();
        assert!(
            err.contains("not_started, limited, substantial, complete"),
            "{err}"
        );
    }

    #[test]
    fn latest_report_wins_by_date_then_order() {
        let rs = vec![
            report("1.1.1", "DK", "2022-05-01", Level::Substantial),
            report("1.1.1", "DK", "2022-01-01", Level::Limited),
            report("1.1.1", "KR", "2022-01-01", Level::Limited),
            report("1.1.1", "KR", "2022-01-01", Level::Complete),
        ];
        let l = latest(&rs);
        assert_eq!(l[&("1.1.1".into(), "DK".into())].level, Level::Substantial);
        assert_eq!(l[&("1.1.1".into(), "KR".into())].level, Level::Complete);
    }

    #[test]
    fn dates_must_be_iso() {
        assert!(is_iso_date("2023-02-28"));
        assert!(!is_iso_date("2023-13-01"));
        assert!(!is_iso_date("28/02/2023"));
        assert!(!is_iso_date("2023-2-28"));
        assert!(!is_iso_date("2023-02-28T00:00"));
        assert!(!is_iso_date("+2023-02-28"));
    }

    #[test]
    fn dates_must_exist_in_the_calendar() {
        assert!(!is_iso_date("2023-02-31"));
        assert!(!is_iso_date("2023-02-29"));
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2024-04-31"));
        assert!(!is_iso_date("2024-00-10"));
        assert!(!is_iso_date("2024-01-00"));
        assert_eq!(
            iso_date("2024-12-31").map(|d| (d.year(), d.month(), d.day())),
            Some((2024, 12, 31))
        );
    }

    #[test]
    fn a_report_on_a_day_that_does_not_exist_is_refused() {
        let r = report("1.1.1", "DK", "2023-02-31", Level::Limited);
        let err = r
            .validate_against(|_| true, &["DK"])
            .expect_err("no such day");
        assert_eq!(err, ReportError::BadDate("2023-02-31".into()));
    }
}
