//! The rules: code, name, default severity, and the `--explain` text.

use super::diagnostic::Severity;

/// A lint rule's identity and teaching text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable code (`JP001`).
    pub code: &'static str,
    /// Kebab-case name (`sdg-title-mismatch`).
    pub name: &'static str,
    /// Severity unless configured otherwise.
    pub severity: Severity,
    /// What it finds, in one line (the rule table).
    pub summary: &'static str,
    /// Why it matters, an example, and the fix.
    pub explanation: &'static str,
}

/// Every rule, ordered by code.
pub static RULES: &[Rule] = &[
    Rule {
        code: "JP001",
        name: "sdg-title-mismatch",
        severity: Severity::Error,
        summary: "an SDG number is paired with a title that is not that goal's",
        explanation: "A line of effort declares the goals it serves as a number and a title. \
When the title belongs to another goal, readers cannot tell which goal was meant, and \
reporting against the SDGs counts the wrong one. Titles are checked against the official \
UN titles and short names in English, Korean and Danish; case, '&' for 'and', hyphens and \
fragments such as 'Partnerships' are accepted.\n\n\
Example:\n    The initiatives will support the promotion of SDG 3 (Good Health and Well-being),\n    13 (Responsible Consumption and Production), and 17 (Partnerships).\n\n\
'Responsible Consumption and Production' is the title of SDG 12; SDG 13 is 'Climate Action'.\n\n\
Fix: write the number that goes with the title (12), or the title that goes with the number.",
    },
    Rule {
        code: "JP002",
        name: "sdg-out-of-range",
        severity: Severity::Error,
        summary: "an SDG number outside 1-17",
        explanation: "There are 17 Sustainable Development Goals. 'SDG 18' or 'SDG 0' is a typo \
or a national goal written as if it were a UN one.\n\n\
Example:\n    … the promotion of SDG 18 (Climate Action).\n\n\
Fix: write the goal's number (13 for Climate Action).",
    },
    Rule {
        code: "JP003",
        name: "sdg-unknown-target",
        severity: Severity::Error,
        summary: "an SDG target id that does not exist",
        explanation: "SDG targets have ids like 7.2, 1.a or 16.10. Goal 7 has targets 7.1-7.3, 7.a \
and 7.b, so 'SDG 7.9' names nothing and cannot be reported against.\n\n\
Example:\n    … contributing to SDG target 7.9 on energy efficiency.\n\n\
Fix: look the target up in the UN list (energy efficiency is 7.3).",
    },
    Rule {
        code: "JP010",
        name: "acronym-unexpanded",
        severity: Severity::Warning,
        summary: "an acronym used but never spelled out",
        explanation: "Plans are read by people of two governments and the public; an acronym \
nobody spells out is a name only insiders know. Well-known bodies (UN, WHO, OECD, …) and \
common terms (ICT, R&D, CO2, GHG, SDG, MoU, …) are exempt; so is an acronym glossed \
between dashes ('EKF - Denmark's Export Credit Agency -') or used as a proper name before \
'cluster', 'programme' and the like.\n\n\
Example:\n    MoU between KIAT and Innovation Fund Denmark, 2018.\n\n\
Fix: spell it out at its first use: 'Korea Institute for Advancement of Technology (KIAT)'.",
    },
    Rule {
        code: "JP011",
        name: "acronym-expanded-twice",
        severity: Severity::Warning,
        summary: "one acronym spelled out two different ways",
        explanation: "When the same acronym is given two different full names, at least one of \
them is wrong, or two bodies share an acronym and readers cannot tell them apart. \
Differences of case, plural, articles and a leading 'Korean'/'Danish' do not count.\n\n\
Example:\n    … the Danish Maritime Authority (DMA) … the Danish Medicines Agency (DMA) …\n\n\
Fix: use one full name per acronym, or give the second body its own acronym.",
    },
    Rule {
        code: "JP012",
        name: "organisation-two-acronyms",
        severity: Severity::Warning,
        summary: "one organisation appears under two acronyms",
        explanation: "An agency named by two acronyms looks like two agencies: progress gets \
reported under both, or under neither.\n\n\
Example:\n    … Danish Medicines Agency (DKMA) …\n    … the Danish Medicines Agency (DMA), 2020.\n\n\
Fix: choose the agency's own acronym (DKMA) and use it everywhere.",
    },
    Rule {
        code: "JP013",
        name: "acronym-letters-mismatch",
        severity: Severity::Warning,
        summary: "an acronym whose letters do not fit its spelled-out name",
        explanation: "When the letters of an acronym cannot be read out of the name written beside \
it, a word is missing from the name or the acronym belongs to another body. The check \
allows the common conventions: small words dropped (of, and, the), letters taken from inside \
a word (MSIT: Ministry of Science and ICT), 'K' for Korea(n) and 'DK' for Danish, digits for \
words (P4G, 4iR, B2B) and hyphenated names.\n\n\
Example:\n    Cooperation with the National Insurance Service (NHIS) …\n\n\
There is no H in 'National Insurance Service': the body is the National Health Insurance \
Service.\n\n\
Fix: write the full name (National Health Insurance Service (NHIS)).",
    },
    Rule {
        code: "JP020",
        name: "ambiguous-frequency",
        severity: Severity::Warning,
        summary: "a frequency word with two readings (bi-annual, biannual, bimonthly, biweekly)",
        explanation: "'Bi-annual' means twice a year in the dictionary, and every two years to many \
drafters; 'bimonthly' is every two months or twice a month. Two ministries can read the same \
commitment and plan a different number of meetings.\n\n\
Example:\n    … including bi-annual senior official consultations …\n\n\
Fix: write 'twice a year' or 'every two years' (biennial).",
    },
    Rule {
        code: "JP021",
        name: "vague-frequency",
        severity: Severity::Warning,
        summary: "a recurrence with no interval (regular, frequent, periodic)",
        explanation: "'Regular' and 'frequent' promise that something recurs without saying how \
often, so nobody can tell whether the commitment was kept.\n\n\
Example:\n    Regular political consultations to discuss issues of mutual interest …\n\n\
Fix: state the interval: 'Annual political consultations …'.",
    },
    Rule {
        code: "JP030",
        name: "hedged-action",
        severity: Severity::Info,
        summary: "a hedged commitment (possible, explore, when relevant, where possible)",
        explanation: "A hedged action commits the parties only if they later choose to act. That \
may be intended, but reviewers should see how many commitments are conditional.\n\n\
Example:\n    Possible joint P4G events in relevant fora …\n\n\
Fix: if the parties mean to do it, say so ('Joint P4G events at …'); otherwise keep the \
hedge knowingly.",
    },
    Rule {
        code: "JP031",
        name: "hedged-line",
        severity: Severity::Info,
        summary: "how many of a line's actions are hedged",
        explanation: "Reported once per line of effort that has hedged actions, at the line's \
heading, so a reviewer sees how firm each line is at a glance.\n\n\
Example:\n    line 3 (Health & Life Science): 3 of 15 actions are hedged: 3.5.1, 3.5.2, 3.5.3\n\n\
Fix: firm up the hedged actions the parties mean to carry out.",
    },
    Rule {
        code: "JP040",
        name: "unverifiable-action",
        severity: Severity::Info,
        summary: "an action with no responsible organisation, no output and no date or frequency",
        explanation: "In the spirit of SMART objectives and the Open Government Partnership's \
verifiability test, an action can be checked when it says who does it, what comes out of \
it (a meeting, a workshop, an agreement, a programme) and when or how often. An action with \
none of the three cannot be shown to be done or not done.\n\n\
Example:\n    Cooperation on circular economy, including more sustainable production and consumption patterns.\n\n\
Fix: name the lead agency, the output and a date: 'The environment ministries hold a joint \
workshop on circular economy in 2022.'",
    },
    Rule {
        code: "JP050",
        name: "duplicate-action",
        severity: Severity::Warning,
        summary: "the same or nearly the same action in two places",
        explanation: "An action written twice gets two codes, two progress reports and double \
weight in evaluation. Actions count as near duplicates when their content words overlap by \
at least 80% (Jaccard similarity, found with MinHash so large plans stay fast).\n\n\
Example:\n    1.1.4 Knowledge-sharing and cooperation on clean energy transition …\n    4.2.1 Knowledge-sharing and cooperation on the clean energy transition …\n\n\
Fix: keep one and refer to it from the other line, or make the difference explicit.",
    },
    Rule {
        code: "JP060",
        name: "agreement-pending",
        severity: Severity::Warning,
        summary: "an agreement listed as a basis but still to be confirmed (TBC)",
        explanation: "The appendix lists the agreements the plan rests on. One marked 'TBC' is not \
yet a basis: actions that depend on it may have nothing to stand on.\n\n\
Example:\n    MoU on Technology and Digitalization … 2021 TBC.\n\n\
Fix: confirm it before signature, or move it to the actions ('Conclude an MoU on …').",
    },
    Rule {
        code: "JP061",
        name: "agreement-listed-twice",
        severity: Severity::Warning,
        summary: "the same agreement listed twice",
        explanation: "An agreement listed under two lines (or twice under one) inflates the count \
of the plan's basis and invites two different titles for one instrument.\n\n\
Example:\n    Joint Statement on the Establishment of a Strategic Partnership between …, 2011. (line 1)\n    Joint Statement on the Establishment of a Strategic Partnership, 2011. (line 4)\n\n\
Fix: list it once, under the line it mainly supports, or in a general section.",
    },
    Rule {
        code: "JP070",
        name: "line-without-sdg",
        severity: Severity::Warning,
        summary: "a line of effort that declares no SDG",
        explanation: "Plans that promote the SDGs as a cross-cutting priority should say which goals \
each line serves, so progress can be reported against them.\n\n\
Example:\n    A line whose ambition text names no 'SDG n (Title)'.\n\n\
Fix: add 'The initiatives will support the promotion of SDG n (Title), …'.",
    },
    Rule {
        code: "JP071",
        name: "sdg-not-served",
        severity: Severity::Warning,
        summary: "an SDG a line declares that none of its actions serves",
        explanation: "A declared goal that no action works towards is a promise without a vehicle. \
An action serves a goal when it names it (SDG7) or speaks of its subject (energy for 7, \
water for 6, climate for 13, health for 3, …). Goal 17 (Partnerships) is served by any \
action, since every action of a joint plan is a partnership.\n\n\
Example:\n    Line 2 declares SDG 12 (Responsible Consumption and Production), but none of its actions\n    is about consumption, production, waste or circular economy.\n\n\
Fix: add an action that serves the goal, or drop the goal from the line.",
    },
    Rule {
        code: "JP080",
        name: "target-without-direction",
        severity: Severity::Warning,
        summary: "a quantitative target that does not say what rises or falls",
        explanation: "'70% GHG emissions by 2030' does not say whether emissions fall by 70% or \
fall to 70% of a baseline; the two differ by a factor of more than two.\n\n\
Example:\n    … the Danish Climate Act sets out an ambition of 70% GHG emissions by 2030 …\n\n\
Fix: 'a 70% reduction in GHG emissions by 2030 compared with 1990'.",
    },
    Rule {
        code: "JP081",
        name: "target-without-year",
        severity: Severity::Warning,
        summary: "a quantitative target without a year",
        explanation: "A target without a year cannot be missed, so it cannot be met either.\n\n\
Example:\n    … to increase the share of renewable power to 20%.\n\n\
Fix: add the year: '… to 20% by 2030'.",
    },
    Rule {
        code: "JP090",
        name: "inferred-structure",
        severity: Severity::Warning,
        summary: "the import guessed a line or an action where the document marks none",
        explanation: "Plans are often published without lists: a joint statement in prose, \
sections under bold titles, commitments written as sentences. The import then guesses: each \
sentence that states a commitment (will, shall, agreed to, committed to, decided to, intend \
to, launched, welcomed …) becomes an action, and a document without sections becomes one \
line. The finding names the rule that made each guess, so a coordinator can check it and \
correct the plan before it is adopted.\n\n\
Example:\n    The two leaders agreed to hold an annual Joint Commission meeting.\n\n\
This sentence of a prose statement became an action because of 'agreed to'.\n\n\
Fix: confirm or correct the guessed actions and lines in the plan, or give the document \
headings and lists and import it again.",
    },
];

/// The rule with this code or name (case-insensitive).
pub fn rule(code_or_name: &str) -> Option<&'static Rule> {
    let key = code_or_name.trim();
    RULES
        .iter()
        .find(|r| r.code.eq_ignore_ascii_case(key) || r.name.eq_ignore_ascii_case(key))
}

/// The full `--explain` text of a rule.
pub fn explain(code_or_name: &str) -> Option<String> {
    let r = rule(code_or_name)?;
    Some(format!(
        "{} {} (default: {})\n\n{}.\n\n{}\n",
        r.code, r.name, r.severity, r.summary, r.explanation
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_sorted() {
        for w in RULES.windows(2) {
            assert!(w[0].code < w[1].code, "{} before {}", w[0].code, w[1].code);
        }
        let mut names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RULES.len());
    }

    #[test]
    fn every_rule_explains_with_an_example_and_a_fix() {
        for r in RULES {
            let text = explain(r.code).expect("explained");
            assert!(text.contains("Example:"), "{}", r.code);
            assert!(text.contains("Fix:"), "{}", r.code);
        }
        assert!(explain("acronym-unexpanded").is_some());
        assert!(explain("JP999").is_none());
    }
}
