//! JP010-JP013: acronyms never spelled out, spelled out two ways, one
//! organisation under two acronyms, and letters that do not fit the name.
//!
//! The rules read the prose itself: an expansion is "Full Name (ACR)" or
//! "ACR (Full Name)"; a gloss "ACR - description -" explains an acronym
//! without expanding it. Letter fitting is in [`fit`].

use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::extract::{is_acronym, known_bodies, normalise};
use crate::lint::text::Piece;
use crate::lint::{Diagnostic, Sink};
use crate::model::Plan;
use crate::span::Span;

/// Terms every reader of a plan knows, which need no expansion. Not the
/// extractor's [`known_bodies::COMMON_TERMS`] on purpose: that list says what
/// is not an agency, and holds terms a reader still needs spelled out (RWD,
/// STI, KPI); this one says what needs no spelling out (and adds COP, EUREKA).
const WELL_KNOWN: &[&str] = &[
    "UN", "EU", "SDG", "ICT", "IT", "AI", "IOT", "R&D", "CO2", "GHG", "GDP", "COVID", "MOU", "MOC",
    "TBC", "TBD", "NGO", "SME", "FDI", "FTA", "ODA", "CEO", "PHD", "USD", "EUR", "DKK", "KRW",
    "LNG", "NDC", "COP", "ESG", "CSR", "OK", "EUREKA", "II", "III", "IV", "VI", "VII", "VIII",
    "IX", "XI", "XII",
];

/// Generic nouns after which a word in capitals is a proper name ("CLEAN cluster").
const NAME_NOUNS: &[&str] = &[
    "cluster",
    "programme",
    "program",
    "initiative",
    "network",
    "project",
    "platform",
];

/// True for a word that says whose body it is: a country's name or
/// adjective from the country table ("Korean", "Denmark's", "Swedish").
fn is_nationality(word: &str) -> bool {
    crate::country::first_mention(word).is_some_and(|m| m.start == 0 && m.end == word.len())
}

/// Small words that join the capitalised words of a name ("Ministry of Food and Drug Safety").
const JOINERS: &[&str] = &["of", "and", "for", "the", "&", "og"];

/// Words that may stand unmatched inside a name and start none of its letters.
const STOP: &[&str] = &[
    "of", "and", "the", "for", "on", "in", "to", "a", "an", "&", "de", "og", "i", "at", "with",
];

static PARENS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\([^()]{1,120}\)").expect("parenthesis pattern is valid"));

static GLOSS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([A-Za-z0-9][A-Za-z0-9&-]*[A-Za-z0-9])\s+[-–—]\s+[^-–—.;()]{3,80}?\s+[-–—]")
        .expect("gloss pattern is valid")
});

/// An acronym written in the text.
struct Occurrence {
    key: String,
    piece: usize,
    range: Range<usize>,
}

/// "Full Name (ACR)" or "ACR (Full Name)".
struct Definition {
    key: String,
    written: String,
    /// The name the letters were fitted to (or the capitalised run when none fits).
    name: String,
    /// The name with everything before it that is part of it ("Korean …").
    full_name: String,
    fits: bool,
    span: Span,
    plan_line: Option<u32>,
    action: Option<String>,
}

/// Runs the acronym rules over the plan's prose.
pub fn check(plan: &Plan, pieces: &[Piece<'_>], sink: &mut Sink) {
    let occurrences = occurrences(pieces);
    let mut definitions = Vec::new();
    let mut glossed: HashSet<String> = HashSet::new();
    for p in pieces {
        definitions.extend(definitions_in(p));
        // The gloss pattern starts at any word: run it only where a dash stands.
        if !p.text.contains([' ', '\u{a0}']) || !p.text.contains(['-', '–', '—']) {
            continue;
        }
        for c in GLOSS.captures_iter(p.text) {
            if let Some(m) = c.get(1).filter(|m| is_acronym(m.as_str())) {
                glossed.insert(key(m.as_str()));
            }
        }
    }
    unexpanded(plan, pieces, &occurrences, &definitions, &glossed, sink);
    expanded_twice(&definitions, sink);
    two_acronyms(plan, pieces, &occurrences, &definitions, sink);
    letters(&definitions, sink);
}

/// The comparison key of an acronym: plural "s" dropped ("NDCs" → "NDC").
fn key(acronym: &str) -> String {
    if let Some(base) = acronym.strip_suffix('s')
        && base
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && is_acronym(base)
    {
        return base.to_owned();
    }
    acronym.to_owned()
}

fn well_known(key: &str) -> bool {
    if known_bodies::by_acronym(key).is_some() {
        return true;
    }
    let upper = key.to_ascii_uppercase();
    // "COVID-19", "COP26", "SDG7": the term without its number.
    let base = upper.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-');
    WELL_KNOWN.contains(&upper.as_str()) || (base.len() >= 2 && WELL_KNOWN.contains(&base))
}

/// Words with at least two capitals or digits: the only ones that can be
/// acronyms. Matching them with one pattern is several times faster than
/// walking every word of the plan.
static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)[A-Za-z0-9&-]*[A-Z0-9][A-Za-z0-9&-]*[A-Z0-9][A-Za-z0-9&-]*")
        .expect("candidate pattern is valid")
});

/// Every acronym-shaped word of every piece ("P4G-initiative" gives P4G).
fn occurrences(pieces: &[Piece<'_>]) -> Vec<Occurrence> {
    let mut out = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        for m in CANDIDATE.find_iter(p.text) {
            let word = m.as_str().trim_end_matches(['-', '&']);
            let r = m.start()..m.start() + word.len();
            if is_acronym(word) {
                out.push(Occurrence {
                    key: key(word),
                    piece: i,
                    range: r,
                });
                continue;
            }
            let mut at = r.start;
            for part in word.split('-') {
                if is_acronym(part) {
                    out.push(Occurrence {
                        key: key(part),
                        piece: i,
                        range: at..at + part.len(),
                    });
                }
                at += part.len() + 1;
            }
        }
    }
    out
}

fn definitions_in(p: &Piece<'_>) -> Vec<Definition> {
    let mut out = Vec::new();
    // find_iter, not captures_iter: the inside is the match less its
    // parentheses, and captures cost a slower engine on every paragraph.
    for whole in PARENS.find_iter(p.text) {
        let inside = whole.as_str()[1..whole.len() - 1].trim();
        let before = &p.text[..whole.start()];
        if is_acronym(inside) {
            // "Full Name (ACR)": the name is the words just before.
            let window = name_window(before);
            let words = words_of(window);
            let k = key(inside);
            let letters = fit::letters(&k);
            let prepared = fit::prepare(&words);
            let fitted = (0..words.len())
                .rev()
                .find(|&s| fit::fits_prepared(&letters, &prepared[s..]));
            let run = capitalised_run(&words);
            let (name, fits) = match fitted {
                Some(s) => (words[s..].join(" "), true),
                None => (run.join(" "), false),
            };
            if name.is_empty() {
                continue;
            }
            // The body's full name keeps a nationality word the letters skip
            // ("Korean Ministry of …"), so two countries' ministries stay apart.
            let full = match fitted {
                Some(s) if s > 0 && is_nationality(&words[s - 1]) => {
                    format!("{} {name}", words[s - 1])
                }
                _ => name.clone(),
            };
            let name_start = find_name_start(before, &name).unwrap_or(whole.start());
            out.push(Definition {
                key: k,
                written: inside.to_owned(),
                name,
                full_name: full,
                fits,
                span: p.sub_span(name_start..whole.end()),
                plan_line: p.plan_line,
                action: p.action.map(str::to_owned),
            });
        } else if let Some(acr) = before.trim_end().rsplit(char::is_whitespace).next()
            && is_acronym(acr)
            && inside.split_whitespace().count() >= 2
            && inside.starts_with(|c: char| c.is_uppercase())
            && !inside.contains(['.', ',', ';'])
        {
            // "ACR (Full Name)".
            let words = words_of(inside);
            let k = key(acr);
            let fits = fit::fits(&k, &words);
            let start = before.trim_end().len() - acr.len();
            out.push(Definition {
                key: k,
                written: acr.to_owned(),
                name: words.join(" "),
                full_name: words.join(" "),
                fits,
                span: p.sub_span(start..whole.end()),
                plan_line: p.plan_line,
                action: p.action.map(str::to_owned),
            });
        }
    }
    out
}

/// The text a name can come from: back to the last sentence mark or parenthesis.
fn name_window(before: &str) -> &str {
    let cut = before
        .rfind(['.', ';', ':', '(', ')', '!', '?'])
        .map_or(0, |i| i + 1);
    &before[cut..]
}

/// Words of a name: split on space, hyphen, slash and comma; quotes dropped; at most 12.
fn words_of(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '/' | ','))
        .map(|w| w.trim_matches(|c: char| !(c.is_alphanumeric() || c == '&')))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    words.drain(..words.len().saturating_sub(12));
    words
}

/// The capitalised words just before the parenthesis, small words allowed
/// between them ("the Ministry of Food and Drug Safety" → without "the").
fn capitalised_run(words: &[String]) -> Vec<String> {
    let mut start = words.len();
    for (i, w) in words.iter().enumerate().rev() {
        let capital = w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        if capital || JOINERS.contains(&w.to_lowercase().as_str()) {
            start = i;
        } else {
            break;
        }
    }
    let mut run: Vec<String> = words[start..].to_vec();
    while run
        .first()
        .is_some_and(|w| JOINERS.contains(&w.to_lowercase().as_str()))
    {
        run.remove(0);
    }
    run
}

/// Where the name's first word starts in `before` (its last occurrence).
fn find_name_start(before: &str, name: &str) -> Option<usize> {
    let first = name.split(' ').next()?;
    before.rfind(first)
}

fn unexpanded(
    plan: &Plan,
    pieces: &[Piece<'_>],
    occurrences: &[Occurrence],
    definitions: &[Definition],
    glossed: &HashSet<String>,
    sink: &mut Sink,
) {
    if !sink.on("JP010") {
        return;
    }
    let defined: HashSet<&str> = definitions.iter().map(|d| d.key.as_str()).collect();
    // An organisation the register named from the text is explained too.
    let named: HashSet<String> = plan
        .organisations
        .iter()
        .filter(|o| o.name.is_some())
        .flat_map(|o| o.acronyms.iter().map(|a| key(a)))
        .collect();
    let mut uses: HashMap<&str, (usize, &Occurrence)> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    for o in occurrences {
        let entry = uses.entry(o.key.as_str()).or_insert_with(|| {
            order.push(o.key.as_str());
            (0, o)
        });
        entry.0 += 1;
    }
    for k in order {
        let Some(&(count, first)) = uses.get(k) else {
            continue;
        };
        if defined.contains(k) || glossed.contains(k) || named.contains(k) || well_known(k) {
            continue;
        }
        let piece = &pieces[first.piece];
        if is_proper_name(piece.text, &first.range) {
            continue;
        }
        let times = if count > 1 {
            format!(" (used {count} times)")
        } else {
            String::new()
        };
        sink.push(
            Diagnostic::new(
                "JP010",
                piece.sub_span(first.range.clone()),
                format!("{k} is used but never spelled out{times}"),
            )
            .help(format!(
                "spell it out at its first use: \"Full Name ({k})\""
            ))
            .in_line(piece.plan_line)
            .for_action(piece.action),
        );
    }
}

/// "CLEAN cluster": a word in capitals followed by a generic noun is a name.
fn is_proper_name(text: &str, range: &Range<usize>) -> bool {
    let next = text[range.end..]
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let word = &text[range.clone()];
    word.len() >= 4
        && word.chars().all(|c| c.is_ascii_uppercase())
        && NAME_NOUNS.contains(&next.to_lowercase().as_str())
}

fn expanded_twice(definitions: &[Definition], sink: &mut Sink) {
    if !sink.on("JP011") {
        return;
    }
    let mut first: HashMap<&str, &Definition> = HashMap::new();
    let mut reported: HashSet<(String, String)> = HashSet::new();
    for d in definitions {
        let Some(f) = first.get(d.key.as_str()) else {
            first.insert(&d.key, d);
            continue;
        };
        if normalise(&f.name) == normalise(&d.name)
            || !reported.insert((d.key.clone(), normalise(&d.name)))
        {
            continue;
        }
        sink.push(
            Diagnostic::new(
                "JP011",
                d.span,
                format!(
                    "{} is spelled out as \"{}\" here but as \"{}\" before",
                    d.written, d.name, f.name
                ),
            )
            .help(format!(
                "use one full name for {}, or give the two bodies different acronyms",
                d.written
            ))
            .related(f.span, format!("first spelled out as \"{}\"", f.name))
            .in_line(d.plan_line)
            .for_action(d.action.as_deref()),
        );
    }
}

fn two_acronyms(
    plan: &Plan,
    pieces: &[Piece<'_>],
    occurrences: &[Occurrence],
    definitions: &[Definition],
    sink: &mut Sink,
) {
    if !sink.on("JP012") {
        return;
    }
    let first_use = |k: &str| -> Option<(Span, Option<u32>, Option<&str>)> {
        let o = occurrences.iter().find(|o| o.key == k)?;
        let p = &pieces[o.piece];
        Some((p.sub_span(o.range.clone()), p.plan_line, p.action))
    };
    // (name, acronyms) pairs from the register and from the text's expansions.
    let mut groups: Vec<(String, Vec<String>)> = plan
        .organisations
        .iter()
        .filter(|o| o.acronyms.len() >= 2)
        .map(|o| {
            (
                o.name.clone().unwrap_or_else(|| o.label().to_owned()),
                o.acronyms.iter().map(|a| key(a)).collect(),
            )
        })
        .collect();
    let mut by_name: HashMap<String, (String, Vec<String>)> = HashMap::new();
    for d in definitions {
        let entry = by_name
            .entry(normalise(&d.full_name))
            .or_insert_with(|| (d.full_name.clone(), Vec::new()));
        if !entry.1.contains(&d.key) {
            entry.1.push(d.key.clone());
        }
    }
    let mut named: Vec<(String, Vec<String>)> = by_name
        .into_values()
        .filter(|(_, a)| a.len() >= 2)
        .collect();
    named.sort();
    groups.extend(named);
    let mut seen: HashSet<BTreeSet<String>> = HashSet::new();
    for (name, acronyms) in groups {
        let set: BTreeSet<String> = acronyms.iter().cloned().collect();
        if set.len() < 2 || !seen.insert(set) {
            continue;
        }
        let mut uses: Vec<(Span, Option<u32>, Option<&str>, &str)> = acronyms
            .iter()
            .filter_map(|a| first_use(a).map(|(s, l, c)| (s, l, c, a.as_str())))
            .collect();
        uses.sort_by_key(|u| u.0.start);
        let (Some(first), Some(second)) = (uses.first(), uses.get(1)) else {
            continue;
        };
        let all: Vec<&str> = uses.iter().map(|u| u.3).collect();
        sink.push(
            Diagnostic::new(
                "JP012",
                second.0,
                format!(
                    "the {name} appears under two acronyms: {}",
                    all.join(" and ")
                ),
            )
            .help(format!(
                "use one acronym for the {name} throughout (its own, e.g. {})",
                first.3
            ))
            .related(first.0, format!("first written as {}", first.3))
            .in_line(second.1)
            .for_action(second.2),
        );
    }
}

fn letters(definitions: &[Definition], sink: &mut Sink) {
    if !sink.on("JP013") {
        return;
    }
    let mut reported: HashSet<(String, String)> = HashSet::new();
    for d in definitions.iter().filter(|d| !d.fits) {
        // One word before a parenthesis is rarely an expansion ("companies (SMEs)").
        let content = d
            .name
            .split(' ')
            .filter(|w| !STOP.contains(&w.to_lowercase().as_str()))
            .count();
        if content < 2 || !reported.insert((d.key.clone(), normalise(&d.name))) {
            continue;
        }
        sink.push(
            Diagnostic::new(
                "JP013",
                d.span,
                format!(
                    "the letters of {} do not fit \"{}\"",
                    d.written, d.name
                ),
            )
            .help(format!(
                "a word of the name is missing, or {} belongs to another body: write the full official name before ({})",
                d.written, d.written
            ))
            .in_line(d.plan_line)
            .for_action(d.action.as_deref()),
        );
    }
}

pub mod fit;

#[cfg(test)]
mod tests {
    use crate::lint::testkit::{PlanBuilder, findings};

    #[test]
    fn unexpanded_acronym_fires_once_with_count() {
        let p = PlanBuilder::new()
            .line("Health", "SDG 3 (Good Health and Well-being).")
            .action("Knowledge-sharing on RWD and evidence.")
            .action("Workshops on RWD in 2022.")
            .build();
        let f = findings(&p, "JP010");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("RWD") && f[0].message.contains("2 times"));
        assert_eq!(f[0].action.as_deref(), Some("1.1.1"));
        assert_eq!(f[0].span.column, 22);
    }

    #[test]
    fn expanded_glossed_known_and_named_acronyms_do_not_fire() {
        let p = PlanBuilder::new()
            .preamble("Science and Technology (S&T) drive change; S&T is a priority.")
            .line("Health", "Antimicrobial Resistance (AMR) is a challenge for the WHO and the EU.")
            .action("Research on AMR, COVID-19, CO2 and NDCs.")
            .action("Cooperation between K-SURE - Korea's Export Credit Agency - and others.")
            .action("Collaboration with the Danish CLEAN cluster on the Fourth Industrial Revolution (4iR) and 4iR.")
            .build();
        assert!(
            findings(&p, "JP010").is_empty(),
            "{:?}",
            findings(&p, "JP010")
        );
    }

    #[test]
    fn two_expansions_fire() {
        let p = PlanBuilder::new()
            .line("Health", "SDG 3 (Good Health and Well-being).")
            .action("Cooperation with the Danish Maritime Authority (DMA).")
            .action("Cooperation with the Danish Medicines Agency (DMA).")
            .build();
        let f = findings(&p, "JP011");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].related.len(), 1);
    }

    #[test]
    fn the_same_expansion_twice_does_not_fire() {
        let p = PlanBuilder::new()
            .line("Science", "SDG 9 (Industry, Innovation and Infrastructure).")
            .action("Meetings with the Korean Ministry of Science and ICT (MSIT).")
            .action("Workshops with the Ministry of Science and ICT (MSIT).")
            .action("Sharing with the Danish Medicines Agency (DKMA) and the Danish Medicine Agency (DKMA).")
            .build();
        assert!(findings(&p, "JP011").is_empty());
    }

    #[test]
    fn one_agency_two_acronyms_fires() {
        let p = PlanBuilder::new()
            .line("Health", "SDG 3 (Good Health and Well-being).")
            .action("Knowledge-sharing with the Danish Medicines Agency (DKMA).")
            .action("Workshops with the Danish Medicines Agency (DMA).")
            .build();
        let f = findings(&p, "JP012");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("DKMA and DMA"), "{}", f[0].message);
        assert_eq!(f[0].action.as_deref(), Some("1.1.2"));
    }

    #[test]
    fn two_ministries_with_two_acronyms_do_not_fire() {
        let p = PlanBuilder::new()
            .line("Politics", "SDG 16 (Peace, Justice and Strong Institutions).")
            .action("Consultations between the Korean Ministry of Foreign Affairs (MOFA) and the Danish Ministry of Foreign Affairs (MFA).")
            .build();
        assert!(findings(&p, "JP012").is_empty());
    }

    #[test]
    fn letters_that_do_not_fit_fire() {
        let p = PlanBuilder::new()
            .line("Health", "SDG 3 (Good Health and Well-being).")
            .action("Cooperation with the National Insurance Service (NHIS) in 2022.")
            .build();
        let f = findings(&p, "JP013");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("National Insurance Service"));
    }

    #[test]
    fn letters_that_fit_do_not_fire() {
        let p = PlanBuilder::new()
            .line("Health", "SDG 3 (Good Health and Well-being).")
            .action("Cooperation with the National Health Insurance Service (NHIS), the Korea Agency for Infrastructure Technology Advancement (KAIA) and companies (SMEs).")
            .build();
        assert!(findings(&p, "JP013").is_empty());
    }
}
