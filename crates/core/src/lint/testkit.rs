//! Small plans for the rules' unit tests, built the way the importer builds
//! them (the same extraction functions), one source line per piece of text.

use std::ops::Range;

use crate::extract::sdg_mentions;
use crate::lint::text::sub_span;
use crate::lint::{Diagnostic, LintConfig, lint};
use crate::model::{
    Action, ActionKind, Agreement, AgreementKind, AgreementStatus, Direction, Line, OrgRef,
    Organisation, Paragraph, Partnership, Plan, SdgMention, Target, Track, TrackKind,
};
use crate::recurrence::{self, Recurrence};
use crate::span::Span;
use crate::strength;

/// Builds a plan piece by piece; every piece stands on its own source line.
pub struct PlanBuilder {
    plan: Plan,
    offset: usize,
    next_line: u32,
}

impl PlanBuilder {
    /// An empty plan.
    pub fn new() -> PlanBuilder {
        PlanBuilder {
            plan: Plan {
                format: 1,
                slug: "aa-bb-2021-2024".into(),
                title: "Test plan".into(),
                partnership: Partnership::default(),
                period: None,
                signed: None,
                signatories: Vec::new(),
                preamble: Vec::new(),
                cross_cutting: Vec::new(),
                lines: Vec::new(),
                organisations: Vec::new(),
                mechanisms: Vec::new(),
                agreements: Vec::new(),
                targets: Vec::new(),
                source: None,
            },
            offset: 0,
            next_line: 1,
        }
    }

    fn span(&mut self, text: &str) -> Span {
        let span = Span {
            start: self.offset,
            end: self.offset + text.len(),
            line: self.next_line,
            column: 1,
            end_line: self.next_line,
            end_column: 1 + u32::try_from(text.chars().count()).unwrap_or(0),
        };
        self.offset += text.len() + 1;
        self.next_line += 1;
        span
    }

    /// A line of effort whose ambition text is `ambition` (SDG mentions read from it).
    pub fn line(mut self, title: &str, ambition: &str) -> PlanBuilder {
        let number = u32::try_from(self.plan.lines.len() + 1).unwrap_or(0);
        let span = self.span(title);
        let amb_span = self.span(ambition);
        let sdgs = sdgs(ambition, &|r| sub_span(amb_span, ambition, r));
        self.plan.lines.push(Line {
            number,
            title: title.into(),
            ambition: vec![Paragraph {
                text: ambition.into(),
                span: amb_span,
            }],
            sdgs,
            tracks: vec![Track {
                code: format!("{number}.1"),
                kind: TrackKind::GovernmentToGovernment,
                heading: String::new(),
                actions: Vec::new(),
                span,
            }],
            span,
        });
        self
    }

    /// An action in the last line, naming the organisations with these ids.
    pub fn action_by(mut self, text: &str, orgs: &[&str]) -> PlanBuilder {
        let span = self.span(text);
        let map = |r: Range<usize>| sub_span(span, text, r);
        let recurrence = recurrence::find(text).map(|(r, frequency, alternative)| Recurrence {
            phrase: text[r.clone()].into(),
            frequency,
            alternative,
            span: map(r),
        });
        let sdgs = sdgs(text, &map);
        let organisations = orgs
            .iter()
            .map(|id| OrgRef {
                id: (*id).into(),
                span,
            })
            .collect();
        let strength = strength::assess(text, &map);
        let Some(line) = self.plan.lines.last_mut() else {
            return self;
        };
        let number = line.number;
        let Some(track) = line.tracks.last_mut() else {
            return self;
        };
        let code = format!("{number}.1.{}", track.actions.len() + 1);
        track.actions.push(Action {
            code,
            text: text.into(),
            kind: ActionKind::classify(text),
            strength,
            organisations,
            sdgs,
            recurrence,
            mechanisms: Vec::new(),
            origins: Vec::new(),
            span,
        });
        self
    }

    /// An action in the last line.
    pub fn action(self, text: &str) -> PlanBuilder {
        self.action_by(text, &[])
    }

    /// A paragraph of preamble.
    pub fn preamble(mut self, text: &str) -> PlanBuilder {
        let span = self.span(text);
        self.plan.preamble.push(Paragraph {
            text: text.into(),
            span,
        });
        self
    }

    /// An organisation.
    pub fn org(mut self, id: &str, name: &str, acronyms: &[&str], party: &str) -> PlanBuilder {
        let span = self.span(name);
        self.plan.organisations.push(Organisation {
            id: id.into(),
            name: Some(name.into()),
            acronyms: acronyms.iter().map(|a| (*a).into()).collect(),
            aliases: Vec::new(),
            party: (!party.is_empty()).then(|| party.into()),
            multilateral: party.is_empty(),
            span,
        });
        self
    }

    /// An agreement listed once per entry of `lines`.
    pub fn agreement(
        mut self,
        title: &str,
        year: i32,
        pending: bool,
        lines: &[u32],
    ) -> PlanBuilder {
        let listing = format!("{title}, {year}{}.", if pending { " TBC" } else { "" });
        let spans = lines.iter().map(|_| self.span(&listing)).collect();
        self.plan.agreements.push(Agreement {
            title: title.into(),
            kind: AgreementKind::from_title(title),
            parties: Vec::new(),
            years: vec![year],
            status: if pending {
                AgreementStatus::Pending
            } else {
                AgreementStatus::Signed
            },
            lines: lines.to_vec(),
            spans,
        });
        self
    }

    /// A target.
    pub fn target(
        mut self,
        text: &str,
        direction: Option<Direction>,
        year: Option<i32>,
    ) -> PlanBuilder {
        let span = self.span(text);
        self.plan.targets.push(Target {
            party: None,
            measure: text.into(),
            value: 20.0,
            unit: "%".into(),
            direction,
            year,
            baseline: None,
            text: text.into(),
            span,
        });
        self
    }

    /// The plan.
    pub fn build(self) -> Plan {
        self.plan
    }
}

/// The SDG mentions of `text`, placed by `map`.
fn sdgs(text: &str, map: &dyn Fn(Range<usize>) -> Span) -> Vec<SdgMention> {
    sdg_mentions::find(text)
        .into_iter()
        .map(|f| SdgMention {
            goal: f.goal,
            target: f.target,
            title_as_written: f.title,
            span: map(f.range),
        })
        .collect()
}

/// The findings of one rule on a plan, with the default configuration.
pub fn findings(plan: &Plan, code: &str) -> Vec<Diagnostic> {
    lint(plan, &LintConfig::default())
        .diagnostics
        .into_iter()
        .filter(|d| d.code == code)
        .collect()
}
