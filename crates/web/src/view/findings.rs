//! The linter's findings with the signed text around each.

use jointplan_core::Plan;
use jointplan_core::lint::{self, LintConfig, Severity};

use crate::i18n::Tr;

/// Most bytes of context shown on either side of a finding.
const CONTEXT: usize = 240;

/// The source around a finding, in three parts so the template marks the middle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// From the start of the line before.
    pub before: String,
    /// The text the finding is about.
    pub marked: String,
    /// To the end of the finding's last line.
    pub after: String,
}

/// One finding.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The rule's code (`JP012`).
    pub code: String,
    /// `error`, `warning` or `info`, for the style.
    pub severity: &'static str,
    /// The severity in the language.
    pub severity_label: String,
    /// The core's message (translation comes later).
    pub message: String,
    /// The core's suggestion.
    pub help: Option<String>,
    /// "line 12, column 3", in the language.
    pub location: String,
    /// The action it is about, linked, if any.
    pub action: Option<String>,
    /// The source around it, when the signed text is at hand.
    pub snippet: Option<Snippet>,
}

/// Every finding of the linter on `plan`, in source order.
pub fn of(t: &Tr, plan: &Plan, source: Option<&str>) -> Vec<Finding> {
    lint::lint(plan, &LintConfig::default())
        .diagnostics
        .into_iter()
        .map(|d| Finding {
            severity: severity(d.severity),
            severity_label: t.get(&format!("severity-{}", severity(d.severity))),
            location: t.args(
                "finding-location",
                &[
                    ("line", d.span.line.to_string()),
                    ("column", d.span.column.to_string()),
                ],
            ),
            snippet: source.and_then(|s| snippet(s, d.span.start, d.span.end)),
            action: d.action,
            code: d.code,
            message: d.message,
            help: d.help,
        })
        .collect()
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// The text from the start of the line before `start` to the end of the
/// line holding `end`, cut to [`CONTEXT`] bytes each side; none when the
/// range does not fit the text.
pub fn snippet(text: &str, start: usize, end: usize) -> Option<Snippet> {
    let marked = text.get(start..end)?;
    let line_start = |at: usize| text[..at].rfind('\n').map_or(0, |i| i + 1);
    let this_line = line_start(start);
    let mut from = if this_line > 0 {
        line_start(this_line - 1)
    } else {
        0
    };
    from = from.max(start.saturating_sub(CONTEXT));
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = text[end..].find('\n').map_or(text.len(), |i| end + i);
    to = to.min(end + CONTEXT);
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    Some(Snippet {
        before: text[from..start].to_owned(),
        marked: marked.to_owned(),
        after: text[end..to].to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_holds_the_line_before_and_the_rest_of_the_line() {
        let text = "first\nsecond line\nthird word here\nfourth";
        let start = text.find("word").expect("word");
        let s = snippet(text, start, start + 4).expect("fits");
        assert_eq!(s.before, "second line\nthird ");
        assert_eq!(s.marked, "word");
        assert_eq!(s.after, " here");
    }

    #[test]
    fn a_span_outside_the_text_has_no_snippet() {
        assert_eq!(snippet("short", 3, 99), None);
    }

    #[test]
    fn the_reference_plan_has_findings_with_snippets() {
        let imported = jointplan_import::example::import().expect("example imports");
        let t = Tr::of(crate::i18n::Lang::En);
        let found = of(t, &imported.plan, Some(&imported.source));
        assert!(!found.is_empty());
        assert!(
            found
                .iter()
                .all(|f| f.snippet.as_ref().is_some_and(|s| !s.marked.is_empty()))
        );
    }
}
