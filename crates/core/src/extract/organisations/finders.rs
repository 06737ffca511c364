//! Finding the names a text defines: "Full Name (ACRONYM)", "ACRONYM – Full
//! Name", and named bodies ("Danish Ministry of Health"), each with the party
//! its country qualifier names.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::super::known_bodies;
use super::super::words::is_acronym;
use super::dashes;
use super::tokens::{
    Word, is_capitalised, is_connector, is_head, is_list_head, is_meeting_word, words,
};
use crate::country;

/// A name found in a text, before it is merged into the register; it
/// borrows the text it was found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundName<'a> {
    /// Full name, without a leading country qualifier.
    pub name: Option<&'a str>,
    /// Acronym, when defined here.
    pub acronym: Option<&'a str>,
    /// Name as written, with the qualifier, when it differs from `name`.
    pub written: Option<&'a str>,
    /// Party code from a country word in the name.
    pub party: Option<&'static str>,
    /// True for a body (ministry, agency…); false for a term ("Antimicrobial Resistance (AMR)").
    pub is_organisation: bool,
    /// Byte range of the whole definition.
    pub range: Range<usize>,
}

/// What [`strip_qualifier`] made of each name already seen: a body named
/// in forty actions is looked up in the country list once.
#[derive(Debug, Default)]
pub(super) struct Qualifiers {
    /// The length of the qualifier (and the space after it), and the party.
    seen: HashMap<String, (usize, Option<&'static str>)>,
}

impl Qualifiers {
    /// [`strip_qualifier`] of `name`, remembered.
    pub fn strip<'n>(&mut self, name: &'n str) -> (&'n str, Option<&'static str>) {
        if let Some(&(cut, party)) = self.seen.get(name) {
            return (&name[cut..], party);
        }
        let (rest, party) = strip_qualifier(name);
        self.seen
            .insert(name.to_owned(), (name.len() - rest.len(), party));
        (rest, party)
    }

    /// Party code of the first country word in `name` (the party
    /// [`strip_qualifier`] gives, whether or not it strips a qualifier).
    fn party_in(&mut self, name: &str) -> Option<&'static str> {
        self.strip(name).1
    }
}

/// Splits a leading country qualifier ("Korean", "Danish", "Korea's") off a
/// name; the party is the qualifier's, or else that of the first country
/// word in the name.
fn strip_qualifier(name: &str) -> (&str, Option<&'static str>) {
    let first = country::first_mention(name);
    if let Some(m) = first
        && m.start == 0
        && m.is_adjective
        && name.len() > m.end
    {
        let rest = name[m.end..].trim_start();
        if rest.split_whitespace().next().is_some_and(is_capitalised) {
            return (rest, Some(m.code));
        }
    }
    (name, first.map(|m| m.code))
}

/// The initial a digit stands for in an acronym ("4iR": Fourth).
fn digit_initial(c: char) -> char {
    match c {
        '1' => 'o',
        '2' | '3' => 't',
        '4' | '5' => 'f',
        '6' | '7' => 's',
        '8' => 'e',
        '9' => 'n',
        other => other.to_ascii_lowercase(),
    }
}

/// Definitions in `text`: "Name (ACR)", "ACR – Name", and named bodies.
pub fn find_names(text: &str) -> Vec<FoundName<'_>> {
    find_names_with(text, &mut Qualifiers::default())
}

/// [`find_names`], with the qualifiers of names seen before.
pub(super) fn find_names_with<'a>(text: &'a str, quals: &mut Qualifiers) -> Vec<FoundName<'a>> {
    let mut out = Vec::new();
    let ws = words(text);
    paren_definitions(text, &ws, quals, &mut out);
    korean_definitions(text, &mut out);
    dash_definitions(text, quals, &mut out);
    named_bodies(text, &ws, quals, &mut out);
    out.sort_by_key(|f| f.range.start);
    out
}

/// A parenthesis around one acronym-shaped word: a letter or digit, then
/// letters, digits and `&`, in parts joined by single hyphens ("(MSIT)",
/// "( K-SURE )").
static PAREN_GROUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\(\s*(?<acronym>[A-Za-z0-9][A-Za-z0-9&]*(?:-[A-Za-z0-9&]+)*)\s*\)")
        .expect("parenthesised acronym pattern is valid")
});

/// Every "( ACR )" group, left to right: the range of the group and of the
/// acronym-shaped word inside.
fn paren_groups(text: &str) -> impl Iterator<Item = (Range<usize>, Range<usize>)> + '_ {
    PAREN_GROUP
        .captures_iter(text)
        .filter_map(|c| Some((c.get(0)?.range(), c.name("acronym")?.range())))
}

fn paren_definitions<'a>(
    text: &'a str,
    ws: &[Word<'a>],
    quals: &mut Qualifiers,
    out: &mut Vec<FoundName<'a>>,
) {
    for (whole, acr) in paren_groups(text) {
        let acronym = &text[acr];
        if !is_acronym(acronym) {
            continue;
        }
        // Walk back over the capitalised run before the parenthesis.
        let Some(last) = ws.partition_point(|w| w.end <= whole.start).checked_sub(1) else {
            continue;
        };
        let mut first = last;
        let mut i = last;
        loop {
            let w = &ws[i];
            let ok = is_capitalised(w.text) || is_connector(w.text);
            if !ok {
                break;
            }
            first = i;
            if i == 0 || w.before == '\'' || w.before == '"' || w.before == '‘' || w.before == '“'
            {
                break;
            }
            let prev = &ws[i - 1];
            // A comma only continues a list name ("Ministry of Industry, Business …").
            let comma_ok =
                prev.after == ',' && ws[..i].iter().rev().take(6).any(|w| is_list_head(w.text));
            if prev.after != ' ' && !comma_ok {
                break;
            }
            if prev.after == ' ' && !matches!(text[prev.end..w.start].trim(), "" | "-" | "–") {
                break;
            }
            i -= 1;
        }
        // Trim connectors at the start.
        while first < last && is_connector(ws[first].text) {
            first += 1;
        }
        if !is_capitalised(ws[first].text) {
            continue;
        }
        let want = acronym.chars().next().map(digit_initial).unwrap_or(' ');
        // Start the name at the first word whose initial fits the acronym.
        let fit = (first..=last).find(|&k| {
            ws[k].text.chars().next().map(|c| c.to_ascii_lowercase()) == Some(want)
                && !is_connector(ws[k].text)
        });
        let qualifier_party = fit.and_then(|k| {
            let q = &text[ws[first].start..ws[k].start];
            (!q.trim().is_empty()).then(|| quals.party_in(q)).flatten()
        });
        let name_start = fit.map_or(ws[first].start, |k| ws[k].start);
        let name = text[name_start..ws[last].end].trim();
        let written = text[ws[first].start..ws[last].end].trim();
        let run = &ws[first..=last];
        let is_org = run.iter().any(|w| is_head(w.text))
            && !run.last().is_some_and(|w| is_meeting_word(w.text));
        let party = qualifier_party.or_else(|| quals.party_in(name));
        out.push(FoundName {
            written: (written != name).then_some(written),
            name: Some(name),
            acronym: Some(acronym),
            party,
            is_organisation: is_org,
            range: ws[first].start..whole.end,
        });
    }
}

/// A Korean name with its acronym in parentheses, as Korean plans write
/// them ("산업통상자원부(MOTIE)", "덴마크 에너지청(DEA)"), the word before it
/// when that names a country.
static KOREAN_DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?<country>\p{Hangul}+)\s)?(?<name>\p{Hangul}+)\s?\((?<acronym>[A-Z][A-Za-z0-9&-]*)\)",
    )
    .expect("Korean definition pattern is valid")
});

/// The endings of Korean names of bodies: ministry (부), agency (처, 청),
/// institute (원), committee (위원회), corporation (공사), foundation (재단).
static KOREAN_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:부|처|청|원|위원회|공사|재단|연구소|기관)$")
        .expect("Korean head pattern is valid")
});

fn korean_definitions<'a>(text: &'a str, out: &mut Vec<FoundName<'a>>) {
    for c in KOREAN_DEFINITION.captures_iter(text) {
        let (Some(name), Some(acronym)) = (c.name("name"), c.name("acronym")) else {
            continue;
        };
        if !is_acronym(acronym.as_str()) {
            continue;
        }
        // "덴마크 에너지청" is the agency of Denmark; another word before the
        // name is no part of it.
        let country = c.name("country").and_then(|w| {
            country::first_mention(w.as_str())
                .filter(|m| m.end == w.len())
                .map(|m| (w, m.code))
        });
        let start = country.map_or(name.start(), |(w, _)| w.start());
        out.push(FoundName {
            name: Some(name.as_str()),
            acronym: Some(acronym.as_str()),
            written: country.map(|_| &text[start..name.end()]),
            party: country.map(|(_, code)| code),
            is_organisation: KOREAN_HEAD.is_match(name.as_str()),
            range: start..acronym.end() + 1,
        });
    }
}

fn dash_definitions<'a>(text: &'a str, quals: &mut Qualifiers, out: &mut Vec<FoundName<'a>>) {
    for def in dashes::dash_definitions(text) {
        let acr = &text[def.acronym.clone()];
        if !is_acronym(acr) || known_bodies::is_common_term(acr) {
            continue;
        }
        let desc_text = text[def.description.clone()].trim();
        if !desc_text
            .split_whitespace()
            .any(|w| is_head(w.trim_matches(|c: char| !c.is_alphanumeric())))
        {
            continue;
        }
        let (name, party) = quals.strip(desc_text);
        out.push(FoundName {
            written: (name != desc_text).then_some(desc_text),
            name: Some(name),
            acronym: Some(acr),
            party,
            is_organisation: true,
            range: def.acronym.start..def.description.end,
        });
    }
}

/// Known bodies named exactly `matched` (by acronym, name or alias).
fn is_known_body(matched: &str) -> bool {
    known_bodies::KNOWN_BODIES.iter().any(|b| {
        (!b.acronym.is_empty() && b.acronym == matched)
            || b.name == matched
            || b.aliases.contains(&matched)
    })
}

fn named_bodies<'a>(
    text: &'a str,
    ws: &[Word<'a>],
    quals: &mut Qualifiers,
    out: &mut Vec<FoundName<'a>>,
) {
    let mut i = 0;
    while i < ws.len() {
        if !is_capitalised(ws[i].text) || is_connector(ws[i].text) {
            i += 1;
            continue;
        }
        // Grow a run of capitalised words and connectors.
        let start = i;
        let mut end = i;
        let mut j = i;
        while j < ws.len() {
            let w = &ws[j];
            if j > start {
                let prev = &ws[j - 1];
                let gap = text[prev.end..w.start].trim();
                let comma_ok =
                    gap == "," && ws[start..j].iter().take(3).any(|w| is_list_head(w.text));
                if !gap.is_empty() && !comma_ok {
                    break;
                }
            }
            if is_capitalised(w.text) {
                end = j;
            } else if !is_connector(w.text)
                || w.text == "on"
                || w.text == "to" && !ws.get(j + 1).is_some_and(|n| is_capitalised(n.text))
            {
                break;
            }
            j += 1;
        }
        let run = &ws[start..=end];
        i = end + 1;
        // Only a run with a head word can name a body.
        if !run.iter().any(|w| is_head(w.text)) {
            continue;
        }
        // Split "X Committee and Y Coalition" into two bodies.
        let mut parts: Vec<&[Word<'_>]> = Vec::new();
        let mut from = 0;
        for (k, w) in run.iter().enumerate() {
            if w.text == "and" {
                let left = &run[from..k];
                let right = &run[k + 1..];
                let left_text = left
                    .first()
                    .zip(left.last())
                    .map_or("", |(a, b)| &text[a.start..b.end]);
                let left_is_body = left.iter().any(|w| is_head(w.text))
                    || (left.len() == 1 && is_acronym(left[0].text))
                    || is_known_body(left_text);
                // The right side is a new body when its head comes before any further "and".
                let next_and = right
                    .iter()
                    .position(|w| w.text == "and")
                    .unwrap_or(right.len());
                let right_head = right.iter().position(|w| is_head(w.text));
                if left_is_body && right_head.is_some_and(|h| h < next_and) {
                    parts.push(left);
                    from = k + 1;
                }
            }
        }
        parts.push(&run[from..]);
        for part in parts {
            let mut p = part;
            while let Some((first, rest)) = p.split_first() {
                if is_connector(first.text) || first.text.eq_ignore_ascii_case("the") {
                    p = rest;
                } else {
                    break;
                }
            }
            let Some(head_at) = p.iter().position(|w| is_head(w.text)) else {
                continue;
            };
            let (Some(first), Some(last)) = (p.first(), p.last()) else {
                continue;
            };
            if is_meeting_word(last.text) || p.len() < 2 || last.text.ends_with("ies") {
                continue;
            }
            // "Ministries of Energy" names two bodies, not one.
            if p[head_at].text.ends_with('s') && !p[head_at].text.ends_with("ss") {
                continue;
            }
            let written = &text[first.start..last.end];
            // "Korean Ministry of Education" is the Ministry of Education of
            // Korea; "Danish Business Authority" is a name as it stands.
            let (name, party) = match quals.strip(written) {
                (bare, party) if bare.starts_with("Ministry") => (bare, party),
                (_, party) => (written, party),
            };
            out.push(FoundName {
                name: Some(name),
                acronym: None,
                written: (name != written).then_some(written),
                party,
                is_organisation: true,
                range: first.start..last.end,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_names_with_their_acronyms() {
        let found = find_names("산업통상자원부(MOTIE)와 덴마크 에너지청(DEA) 간 정책대화");
        let defs: Vec<_> = found
            .iter()
            .filter(|f| f.acronym.is_some())
            .map(|f| (f.name, f.acronym, f.party, f.is_organisation))
            .collect();
        assert_eq!(
            defs,
            [
                (Some("산업통상자원부"), Some("MOTIE"), None, true),
                (Some("에너지청"), Some("DEA"), Some("DK"), true)
            ]
        );
    }

    #[test]
    fn paren_groups_take_acronym_shapes_only() {
        let text = "A (MSIT) b ( K-SURE ) c (see) (4iR)(A-) (x-y-z) (A B) ((GGA)";
        let found: Vec<&str> = paren_groups(text).map(|(_, a)| &text[a]).collect();
        assert_eq!(found, ["MSIT", "K-SURE", "see", "4iR", "x-y-z", "GGA"]);
        let (whole, _) = paren_groups("x ( AB\u{a0})").next().expect("a group");
        assert_eq!(whole, 2.."x ( AB\u{a0})".len());
    }
}
