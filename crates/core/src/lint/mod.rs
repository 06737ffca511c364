//! The plan linter: compiler-grade diagnostics for a plan's text.
//!
//! [`lint`] runs every rule family in [`rules`] over a [`Plan`] and returns
//! a [`Report`]: the diagnostics (sorted by position), a specificity rating
//! per action and a summary per line of effort. Rules are listed, with their
//! codes, default severities and `--explain` texts, in [`explain::RULES`].
//! Pure: the CLI reads files and configuration and renders the report.

pub mod config;
pub mod diagnostic;
pub mod explain;
pub mod rules;
pub mod sdg_served;
pub mod specificity;
mod text;

#[cfg(test)]
pub(crate) mod testkit;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use config::{LintConfig, UnknownRule};
pub use diagnostic::{Diagnostic, JsonDiagnostic, Phrase, Related, Severity, output_schema};
pub use explain::{RULES, Rule, explain, rule};
pub use specificity::{ActionSpecificity, LineSummary, Specificity};

use crate::model::{Action, Plan};

/// What the linter found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Report {
    /// Findings, ordered by position in the source.
    pub diagnostics: Vec<Diagnostic>,
    /// A specificity rating for every action, in document order.
    pub actions: Vec<ActionSpecificity>,
    /// One summary per line of effort.
    pub lines: Vec<LineSummary>,
}

impl Report {
    /// Number of findings of a severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// True when any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// The findings in their flat JSON form.
    pub fn to_json(&self) -> Vec<JsonDiagnostic> {
        self.diagnostics.iter().map(Diagnostic::to_json).collect()
    }
}

/// Collects findings, applying the configuration as they arrive.
pub struct Sink<'c> {
    config: &'c LintConfig,
    out: Vec<Diagnostic>,
}

impl<'c> Sink<'c> {
    /// An empty sink for a (normalised) configuration.
    pub fn new(config: &'c LintConfig) -> Sink<'c> {
        Sink {
            config,
            out: Vec::new(),
        }
    }

    /// True when rule `code` runs; rules skip their work when it does not.
    pub fn on(&self, code: &str) -> bool {
        self.config.level(code).is_some()
    }

    /// Records a finding at its configured severity, or drops it if the rule is off.
    pub fn push(&mut self, mut d: Diagnostic) {
        if let Some(severity) = self.config.level(&d.code) {
            d.severity = severity;
            self.out.push(d);
        }
    }

    /// The findings so far.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.out
    }
}

/// Every action of the plan with the number of its line, in document order.
fn actions_by_line(plan: &Plan) -> impl Iterator<Item = (u32, &Action)> {
    plan.lines
        .iter()
        .flat_map(|l| l.actions().map(move |a| (l.number, a)))
}

/// Lints a plan. A configuration naming unknown rules is used as far as it
/// goes (the CLI rejects such a file before it gets here).
pub fn lint(plan: &Plan, config: &LintConfig) -> Report {
    lint_with_guesses(plan, &[], config)
}

/// Lints a plan together with what its import had to guess about the
/// document's structure (rule JP090, `inferred-structure`).
pub fn lint_with_guesses(plan: &Plan, guesses: &[Diagnostic], config: &LintConfig) -> Report {
    let normalised = config.normalised().unwrap_or_else(|_| config.clone());
    let mut sink = Sink::new(&normalised);
    for guess in guesses {
        sink.push(guess.clone());
    }
    let pieces = text::pieces(plan);
    let actions = specificity::rate_all(plan);
    rules::sdg::check(plan, &mut sink);
    rules::acronyms::check(plan, &pieces, &mut sink);
    rules::frequency::check(plan, &mut sink);
    rules::hedges::check(plan, &mut sink);
    rules::verifiability::check(plan, &actions, &mut sink);
    rules::duplicates::check(plan, &mut sink);
    rules::agreements::check(plan, &mut sink);
    let served = sdg_served::served_by_lines(plan);
    rules::lines::check(plan, &served, &mut sink);
    rules::targets::check(plan, &mut sink);
    let mut diagnostics = sink.into_diagnostics();
    diagnostics.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.code).cmp(&(b.span.start, b.span.end, &b.code))
    });
    let lines = specificity::summarise_with(plan, &actions, &diagnostics, &served);
    Report {
        diagnostics,
        actions,
        lines,
    }
}
