//! The linter's findings with the signed text around each.

use jointplan_core::Plan;
use jointplan_core::lint::{self, LintConfig, Phrase, Severity};

use crate::i18n::{Lang, Tr};

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
    /// What is wrong, in the language where the rule's phrase is
    /// translated, else the core's English.
    pub message: String,
    /// How to fix it, likewise.
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
            message: translated(t, d.phrase.as_ref()).unwrap_or(d.message),
            help: translated(t, d.help_phrase.as_ref()).or(d.help),
            action: d.action,
            code: d.code,
        })
        .collect()
}

/// A finding's phrase in the reader's language, when the language has it.
/// An argument `X-title` beside a goal number `X` is that goal's short
/// title in the language (the core gives the English).
fn translated(t: &Tr, phrase: Option<&Phrase>) -> Option<String> {
    let phrase = phrase?;
    if !t.has(&phrase.id) {
        return None;
    }
    let number = |name: &str| {
        phrase
            .args
            .iter()
            .find(|(k, _)| k == name)
            .and_then(|(_, v)| v.parse::<u32>().ok())
    };
    let args: Vec<(&str, String)> = phrase
        .args
        .iter()
        .map(|(k, v)| {
            let title = k
                .strip_suffix("-title")
                .and_then(number)
                .filter(|_| t.lang() != Lang::En)
                .and_then(jointplan_core::sdg::goal)
                .map(|g| g.short(t.lang().sdg()).to_owned());
            (k.as_str(), title.unwrap_or_else(|| v.clone()))
        })
        .collect();
    Some(t.args(&phrase.id, &args))
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

    /// The reference plan, changed so that every rule with a phrase fires.
    fn plan_with_every_finding() -> Plan {
        let mut plan = jointplan_import::example::import()
            .expect("example imports")
            .plan;
        plan.lines[0].sdgs.clear();
        if let Some(m) = plan.lines[1].sdgs.first_mut() {
            m.goal = 18;
        }
        if let Some(m) = plan.lines[2].sdgs.first_mut() {
            m.target = Some(format!("{}.99", m.goal));
        }
        let first = plan.lines[3].tracks[0].actions[0].text.clone();
        plan.lines[3].tracks[0].actions[1].text = first;
        plan.targets[0].year = None;
        plan
    }

    /// The rules whose findings have no phrase yet: read in English.
    const UNPHRASED: [&str; 6] = ["JP010", "JP011", "JP012", "JP013", "JP020", "JP090"];

    #[test]
    fn english_phrases_read_exactly_as_the_core_writes_them() {
        let en = Tr::of(Lang::En);
        let report = lint::lint(&plan_with_every_finding(), &LintConfig::default());
        let mut codes = std::collections::BTreeSet::new();
        for d in &report.diagnostics {
            if UNPHRASED.contains(&d.code.as_str()) {
                continue;
            }
            codes.insert(d.code.clone());
            let phrase = d.phrase.as_ref();
            assert!(phrase.is_some(), "{} has no phrase: {}", d.code, d.message);
            assert_eq!(
                translated(en, phrase).as_deref(),
                Some(d.message.as_str()),
                "{}",
                d.code
            );
            assert_eq!(
                translated(en, d.help_phrase.as_ref()),
                d.help,
                "{} help",
                d.code
            );
        }
        let expected = [
            "JP001", "JP002", "JP003", "JP021", "JP030", "JP031", "JP040", "JP050", "JP060",
            "JP061", "JP070", "JP071", "JP080", "JP081",
        ];
        let seen: Vec<&str> = codes.iter().map(String::as_str).collect();
        assert_eq!(seen, expected, "every phrased rule is compared");
    }

    #[test]
    fn findings_are_read_in_danish_and_korean_with_the_goals_titles_translated() {
        let plan = plan_with_every_finding();
        let report = lint::lint(&plan, &LintConfig::default());
        let d = report
            .diagnostics
            .iter()
            .find(|d| d.code == "JP071")
            .expect("JP071 fires");
        let goal = d
            .phrase
            .as_ref()
            .and_then(|p| p.args.iter().find(|(k, _)| k == "goal"))
            .and_then(|(_, v)| v.parse::<u32>().ok())
            .and_then(jointplan_core::sdg::goal)
            .expect("the phrase names the goal");
        for (lang, word) in [(Lang::Da, "Verdensmål"), (Lang::Ko, "지속가능발전목표")] {
            let message = translated(Tr::of(lang), d.phrase.as_ref()).expect("translated");
            assert!(message.contains(word), "{lang:?}: {message}");
            let title = goal.short(lang.sdg());
            assert!(message.contains(title), "{lang:?}: {message} lacks {title}");
            assert_ne!(message, d.message);
        }
    }
}
