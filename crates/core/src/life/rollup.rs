//! Progress roll-up: from actions to tracks, lines, the plan and a
//! portfolio of plans, per party.
//!
//! An action counts by its current completion level for the party (its
//! latest report); an action the party has not reported on counts as not
//! started, so silence never looks like progress.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::Plan;
use crate::progress::{Level, Report, latest};

/// Completion over a set of actions.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Score {
    /// Actions counted.
    pub actions: usize,
    /// Actions with at least one report.
    pub reported: usize,
    /// Actions per level, in [`Level::ALL`] order (unreported count as not started).
    pub by_level: [usize; 4],
    /// Mean share done, 0.0 to 1.0 (0 when there are no actions).
    pub completion: f64,
}

impl Score {
    fn add(&mut self, level: Option<Level>) {
        self.actions += 1;
        if level.is_some() {
            self.reported += 1;
        }
        let level = level.unwrap_or(Level::NotStarted);
        self.by_level[level.index()] += 1;
        self.recompute();
    }

    fn merge(&mut self, other: &Score) {
        self.actions += other.actions;
        self.reported += other.reported;
        for (a, b) in self.by_level.iter_mut().zip(other.by_level) {
            *a += b;
        }
        self.recompute();
    }

    fn recompute(&mut self) {
        let done: f64 = Level::ALL
            .iter()
            .zip(self.by_level)
            .map(|(l, n)| l.fraction() * n as f64)
            .sum();
        self.completion = if self.actions == 0 {
            0.0
        } else {
            done / self.actions as f64
        };
    }

    /// The score of `actions` actions whose reported ones stand at the
    /// levels counted in `reported` ([`Level::ALL`] order); the rest count
    /// as not started, as in [`plan_rollup`]. For roll-ups a database
    /// aggregated.
    pub fn from_counts(actions: usize, reported: [usize; 4]) -> Score {
        let reported_total: usize = reported.iter().sum();
        let mut by_level = reported;
        by_level[Level::NotStarted.index()] += actions.saturating_sub(reported_total);
        let mut s = Score {
            actions: actions.max(reported_total),
            reported: reported_total,
            by_level,
            completion: 0.0,
        };
        s.recompute();
        s
    }

    /// Completion as a whole percentage.
    pub fn percent(&self) -> u32 {
        (self.completion * 100.0).round() as u32
    }
}

/// One track's roll-up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrackRollup {
    /// `line.track`.
    pub code: String,
    /// Completion over its actions.
    pub score: Score,
}

/// One line's roll-up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineRollup {
    /// Line number.
    pub number: u32,
    /// Line title.
    pub title: String,
    /// Completion over its actions.
    pub score: Score,
    /// Its tracks.
    pub tracks: Vec<TrackRollup>,
}

/// One plan's roll-up for one party.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanRollup {
    /// The plan's slug.
    pub plan: String,
    /// The party the reports are from.
    pub party: String,
    /// Completion over all actions.
    pub score: Score,
    /// Per line.
    pub lines: Vec<LineRollup>,
}

/// Rolls one party's reports up through a plan. `reports` are oldest first.
pub fn plan_rollup(plan: &Plan, party: &str, reports: &[Report]) -> PlanRollup {
    let current = latest(reports);
    let party_key = party.to_uppercase();
    let mut total = Score::default();
    let lines = plan
        .lines
        .iter()
        .map(|line| {
            let mut line_score = Score::default();
            let tracks = line
                .tracks
                .iter()
                .map(|track| {
                    let mut s = Score::default();
                    for a in &track.actions {
                        s.add(
                            current
                                .get(&(a.code.clone(), party_key.clone()))
                                .map(|r| r.level),
                        );
                    }
                    line_score.merge(&s);
                    TrackRollup {
                        code: track.code.clone(),
                        score: s,
                    }
                })
                .collect();
            total.merge(&line_score);
            LineRollup {
                number: line.number,
                title: line.title.clone(),
                score: line_score,
                tracks,
            }
        })
        .collect();
    PlanRollup {
        plan: plan.slug.clone(),
        party: party_key,
        score: total,
        lines,
    }
}

/// Roll-ups for every party of a plan, in the plan's party order.
pub fn plan_rollups(plan: &Plan, reports: &[Report]) -> Vec<PlanRollup> {
    plan.partnership
        .parties
        .iter()
        .map(|p| plan_rollup(plan, &p.code, reports))
        .collect()
}

/// A portfolio's completion per party, over every action of every plan.
pub fn portfolio(rollups: &[PlanRollup]) -> BTreeMap<String, Score> {
    let mut out: BTreeMap<String, Score> = BTreeMap::new();
    for r in rollups {
        out.entry(r.party.clone()).or_default().merge(&r.score);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Status;
    use crate::{Line, Partnership, Party, Track, TrackKind};

    fn plan() -> Plan {
        let action = |code: &str| crate::Action {
            code: code.into(),
            text: "Cooperation".into(),
            kind: crate::ActionKind::Cooperation,
            strength: crate::Strength::Firm,
            organisations: vec![],
            sdgs: vec![],
            recurrence: None,
            mechanisms: vec![],
            origins: vec![],
            span: Default::default(),
        };
        let track = |code: &str, actions: Vec<crate::Action>| Track {
            code: code.into(),
            kind: TrackKind::Other,
            heading: String::new(),
            actions,
            span: Default::default(),
        };
        Plan {
            format: 1,
            slug: "dk-kr".into(),
            title: "T".into(),
            partnership: Partnership {
                parties: vec![
                    Party {
                        code: "DK".into(),
                        name: "Denmark".into(),
                    },
                    Party {
                        code: "KR".into(),
                        name: "Korea".into(),
                    },
                ],
                name: None,
            },
            period: None,
            signed: None,
            signatories: vec![],
            preamble: vec![],
            cross_cutting: vec![],
            lines: vec![
                Line {
                    number: 1,
                    title: "One".into(),
                    ambition: vec![],
                    sdgs: vec![],
                    tracks: vec![
                        track("1.1", vec![action("1.1.1"), action("1.1.2")]),
                        track("1.2", vec![action("1.2.1")]),
                    ],
                    span: Default::default(),
                },
                Line {
                    number: 2,
                    title: "Two".into(),
                    ambition: vec![],
                    sdgs: vec![],
                    tracks: vec![track("2.1", vec![action("2.1.1")])],
                    span: Default::default(),
                },
            ],
            organisations: vec![],
            mechanisms: vec![],
            agreements: vec![],
            targets: vec![],
            source: None,
        }
    }

    fn report(action: &str, party: &str, level: Level) -> Report {
        Report {
            action: action.into(),
            party: party.into(),
            organisation: None,
            date: "2022-01-01".into(),
            status: Status::OnTrack,
            level,
            narrative: String::new(),
            evidence: vec![],
        }
    }

    #[test]
    fn unreported_actions_count_as_not_started() {
        let r = plan_rollup(&plan(), "DK", &[report("1.1.1", "DK", Level::Complete)]);
        assert_eq!(r.score.actions, 4);
        assert_eq!(r.score.reported, 1);
        assert_eq!(r.score.by_level, [3, 0, 0, 1]);
        assert_eq!(r.score.percent(), 25);
        assert_eq!(r.lines[0].tracks[0].score.percent(), 50);
        assert_eq!(r.lines[1].score.percent(), 0);
    }

    #[test]
    fn counts_give_the_same_score_as_reports() {
        let r = plan_rollup(&plan(), "DK", &[report("1.1.1", "DK", Level::Complete)]);
        assert_eq!(Score::from_counts(4, [0, 0, 0, 1]), r.score);
    }

    #[test]
    fn parties_roll_up_separately_and_into_a_portfolio() {
        let reports = [
            report("1.1.1", "DK", Level::Complete),
            report("2.1.1", "kr", Level::Substantial),
        ];
        let rs = plan_rollups(&plan(), &reports);
        assert_eq!(rs[0].score.percent(), 25);
        assert_eq!(rs[1].lines[1].score.percent(), 67);
        let mut second = rs.clone();
        for r in &mut second {
            r.plan = "other".into();
        }
        let p = portfolio(&[rs, second].concat());
        assert_eq!(p["DK"].actions, 8);
        assert_eq!(p["KR"].reported, 2);
    }
}
