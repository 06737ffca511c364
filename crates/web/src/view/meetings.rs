//! Meetings of the plan's mechanisms: the records as a person reads them.

use jointplan_core::Plan;
use jointplan_store::{OccurrenceStatus, StoredOccurrence};

use super::{Link, labels};
use crate::format;
use crate::i18n::Tr;

/// One meeting record.
#[derive(Debug, Clone)]
pub struct Meeting {
    /// `YYYY-MM-DD`, for ordering.
    pub iso: String,
    /// The date as the language writes it.
    pub date: String,
    /// The mechanism, linked.
    pub mechanism: Link,
    /// Planned, held, postponed or cancelled.
    pub status: String,
    /// Where, and hosted by whom.
    pub place: String,
    /// What came out of it.
    pub outcomes: String,
    /// Whether it is still to come.
    pub upcoming: bool,
}

/// Every meeting record of a plan, by date; those of `mechanism` only when given.
pub fn all(
    t: &Tr,
    plan: &Plan,
    records: &[StoredOccurrence],
    mechanism: Option<&str>,
    today: &str,
) -> Vec<Meeting> {
    let mut out: Vec<Meeting> = records
        .iter()
        .filter(|r| mechanism.is_none_or(|m| r.occurrence.mechanism == m))
        // A record a later one supersedes (a postponed meeting held later) is history.
        .filter(|r| {
            !records
                .iter()
                .any(|o| o.occurrence.supersedes == Some(r.id))
        })
        .map(|r| {
            let o = &r.occurrence;
            let name = plan
                .mechanisms
                .iter()
                .find(|m| m.id == o.mechanism)
                .map_or_else(|| o.mechanism.clone(), |m| m.name.clone());
            let host = o
                .host_party
                .as_deref()
                .map(|h| labels::party(t, plan, h))
                .unwrap_or_default();
            let place = match (o.place.as_deref(), host.is_empty()) {
                (Some(p), false) => format!("{p} ({host})"),
                (Some(p), true) => p.to_owned(),
                (None, _) => host,
            };
            Meeting {
                iso: o.date.clone(),
                date: format::date(t, &o.date),
                mechanism: Link::new(
                    format!("/plans/{}/mechanisms/{}", plan.slug, o.mechanism),
                    name,
                ),
                status: labels::meeting_status(t, o.status),
                place,
                outcomes: o.outcomes.clone(),
                upcoming: o.status == OccurrenceStatus::Planned && o.date.as_str() >= today,
            }
        })
        .collect();
    out.sort_by(|a, b| a.iso.cmp(&b.iso));
    out
}

/// The meetings still to come, soonest first, at most `n`.
pub fn next(
    t: &Tr,
    plan: &Plan,
    records: &[StoredOccurrence],
    today: &str,
    n: usize,
) -> Vec<Meeting> {
    all(t, plan, records, None, today)
        .into_iter()
        .filter(|m| m.upcoming)
        .take(n)
        .collect()
}
