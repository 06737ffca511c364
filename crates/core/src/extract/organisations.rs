//! Organisations: "Full Name (ACRONYM)", "ACRONYM – Full Name", named bodies
//! ("Danish Ministry of Health", "Innovation Fund Denmark"), well-known
//! international bodies, and bare acronyms; merged into one register with
//! parties from "Korean"/"Danish"/country qualifiers.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::Regex;

use super::known_bodies;
use super::words::{is_acronym, normalise};
use crate::country;
use crate::model::{OrgRef, Organisation};
use crate::span::Span;

/// Words that make a capitalised name an organisation.
const HEADS: &[&str] = &[
    "Ministry",
    "Agency",
    "Institute",
    "Fund",
    "Alliance",
    "Service",
    "Authority",
    "Administration",
    "Centre",
    "Center",
    "Council",
    "Committee",
    "Coalition",
    "Organization",
    "Organisation",
    "Office",
    "Commission",
    "Cluster",
    "University",
    "Foundation",
    "Command",
    "Hub",
    "Bank",
    "Secretariat",
    "Parliament",
    "Embassy",
    "Department",
    "Board",
    "Corporation",
    "Association",
    "Federation",
    "Panel",
    "Directorate",
    "Bureau",
    "Academy",
    "Initiative",
    "Union",
    "Court",
    "Institution",
];

/// Heads whose name continues with a list ("Ministry of Industry, Business and Financial Affairs").
const LIST_HEADS: &[&str] = &["Ministry", "Department", "Office", "Directorate"];

/// Final words that make a name a meeting, not a body ("Joint Committee Meetings").
const MEETING_WORDS: &[&str] = &[
    "Meeting",
    "Meetings",
    "Consultation",
    "Consultations",
    "Summit",
    "Summits",
    "Conference",
    "Dialogue",
    "Talks",
    "Session",
    "Sessions",
];

/// Small words allowed inside a name.
const CONNECTORS: &[&str] = &[
    "of", "for", "and", "the", "&", "on", "to", "de", "du", "des",
];

fn is_head(word: &str) -> bool {
    HEADS.contains(&word)
}

fn is_meeting_word(word: &str) -> bool {
    MEETING_WORDS.contains(&word)
}

fn is_capitalised(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !word.chars().all(|c| c.is_ascii_digit())
}

/// One word of a text, with its byte range, punctuation trimmed.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    /// Punctuation right after the word (`,` `.` `(` …), or ' ' for none.
    after: char,
    /// Punctuation right before the word.
    before: char,
}

/// The word inside a token, without punctuation around it (a hyphen may
/// start it but not end it): the offset where it starts, and the word.
fn trim_word(raw: &str) -> (usize, &str) {
    let bytes = raw.as_bytes();
    if bytes.is_ascii() {
        // Most tokens are ASCII: trim bytes, not characters.
        let keep = |b: u8| b.is_ascii_alphanumeric() || b == b'&' || b == b'-';
        let start = bytes.iter().position(|&b| keep(b)).unwrap_or(bytes.len());
        let end = bytes[start..]
            .iter()
            .rposition(|&b| b.is_ascii_alphanumeric() || b == b'&')
            .map_or(start, |e| start + e + 1);
        return (start, &raw[start..end]);
    }
    let is_edge = |c: char| !(c.is_alphanumeric() || c == '&' || c == '-');
    let core = raw.trim_start_matches(is_edge);
    let lead = raw.len() - core.len();
    (
        lead,
        core.trim_end_matches(|c: char| is_edge(c) || c == '-'),
    )
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::with_capacity(text.len() / 6);
    // Tokens run between white space; split_ascii_whitespace misses only
    // exotic spaces, which plans do not put inside names.
    let base = text.as_ptr() as usize;
    for raw in text.split_ascii_whitespace() {
        let start = raw.as_ptr() as usize - base;
        let end = start + raw.len();
        let (lead, core) = trim_word(raw);
        let mut core_end = start + lead + core.len();
        // Possessive "Korea's" keeps its apostrophe-s as part of the word.
        let tail = &text[core_end..end];
        let extra = if tail.starts_with("'s") {
            2
        } else if tail.starts_with("’s") {
            "’s".len()
        } else {
            0
        };
        core_end += extra;
        let core = &text[start + lead..core_end];
        if core.is_empty() {
            continue;
        }
        let before = text[start..start + lead].chars().next_back().unwrap_or(' ');
        let after = text[core_end..end].chars().next().unwrap_or(' ');
        out.push(Word {
            text: core,
            start: start + lead,
            end: core_end,
            after,
            before,
        });
    }
    out
}

/// A name found in a text, before it is merged into the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundName {
    /// Full name, without a leading country qualifier.
    pub name: Option<String>,
    /// Acronym, when defined here.
    pub acronym: Option<String>,
    /// Name as written, with the qualifier, when it differs from `name`.
    pub written: Option<String>,
    /// Party code from a country word in the name.
    pub party: Option<String>,
    /// True for a body (ministry, agency…); false for a term ("Antimicrobial Resistance (AMR)").
    pub is_organisation: bool,
    /// Byte range of the whole definition.
    pub range: Range<usize>,
}

static PAREN_ACRONYM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\(\s*([A-Za-z0-9][A-Za-z0-9&]*(?:-[A-Za-z0-9&]+)*)\s*\)").expect("valid pattern")
});

static DASH_DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([A-Z][A-Z0-9&]*(?:-[A-Z0-9&]+)*)\s+[-–—]\s+([^-–—,;.()]{3,80}?)\s*(?:\s[-–—]|[,;.()]|$)")
        .expect("valid pattern")
});

/// Party code of the first country word in `name`.
fn party_in(name: &str) -> Option<String> {
    country::first_mention(name).map(|m| m.code.to_string())
}

/// Splits a leading country qualifier ("Korean", "Danish", "Korea's") off a name.
fn strip_qualifier(name: &str) -> (&str, Option<String>) {
    if let Some(m) = country::first_mention(name)
        && m.start == 0
        && m.is_adjective
        && name.len() > m.end
    {
        let rest = name[m.end..].trim_start();
        if rest.split_whitespace().next().is_some_and(is_capitalised) {
            return (rest, Some(m.code.to_string()));
        }
    }
    (name, party_in(name))
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
pub fn find_names(text: &str) -> Vec<FoundName> {
    let ws = words(text);
    let mut out = Vec::new();
    paren_definitions(text, &ws, &mut out);
    dash_definitions(text, &mut out);
    named_bodies(text, &ws, &mut out);
    out.sort_by_key(|f| f.range.start);
    out
}

fn paren_definitions(text: &str, ws: &[Word<'_>], out: &mut Vec<FoundName>) {
    for caps in PAREN_ACRONYM.captures_iter(text) {
        let (Some(whole), Some(acr)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        if !is_acronym(acr.as_str()) {
            continue;
        }
        // Walk back over the capitalised run before the parenthesis.
        let Some(last) = ws.iter().rposition(|w| w.end <= whole.start()) else {
            continue;
        };
        let mut first = last;
        let mut i = last;
        loop {
            let w = &ws[i];
            let ok = is_capitalised(w.text) || CONNECTORS.contains(&w.text);
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
            let comma_ok = prev.after == ','
                && ws[..i]
                    .iter()
                    .rev()
                    .take(6)
                    .any(|w| LIST_HEADS.contains(&w.text));
            if prev.after != ' ' && !comma_ok {
                break;
            }
            if prev.after == ' ' && !matches!(text[prev.end..w.start].trim(), "" | "-" | "–") {
                break;
            }
            i -= 1;
        }
        // Trim connectors at the start.
        while first < last && CONNECTORS.contains(&ws[first].text) {
            first += 1;
        }
        if !is_capitalised(ws[first].text) {
            continue;
        }
        let acronym = acr.as_str();
        let want = acronym.chars().next().map(digit_initial).unwrap_or(' ');
        // Start the name at the first word whose initial fits the acronym.
        let fit = (first..=last).find(|&k| {
            ws[k].text.chars().next().map(|c| c.to_ascii_lowercase()) == Some(want)
                && !CONNECTORS.contains(&ws[k].text)
        });
        let qualifier_party = fit.and_then(|k| {
            let q = &text[ws[first].start..ws[k].start];
            (!q.trim().is_empty()).then(|| party_in(q)).flatten()
        });
        let name_start = fit.map_or(ws[first].start, |k| ws[k].start);
        let name = text[name_start..ws[last].end].trim().to_owned();
        let written = text[ws[first].start..ws[last].end].trim().to_owned();
        let run_words: Vec<&str> = ws[first..=last].iter().map(|w| w.text).collect();
        let is_org = run_words.iter().any(|w| is_head(w))
            && !run_words.last().is_some_and(|w| is_meeting_word(w));
        let party = qualifier_party.or_else(|| party_in(&name));
        out.push(FoundName {
            written: (written != name).then_some(written),
            name: Some(name),
            acronym: Some(acronym.to_owned()),
            party,
            is_organisation: is_org,
            range: ws[first].start..whole.end(),
        });
    }
}

fn dash_definitions(text: &str, out: &mut Vec<FoundName>) {
    for caps in DASH_DEFINITION.captures_iter(text) {
        let (Some(acr), Some(desc)) = (caps.get(1), caps.get(2)) else {
            continue;
        };
        if !is_acronym(acr.as_str()) || known_bodies::is_common_term(acr.as_str()) {
            continue;
        }
        let desc_text = desc.as_str().trim();
        let desc_words: Vec<&str> = desc_text.split_whitespace().collect();
        if !desc_words
            .iter()
            .any(|w| is_head(w.trim_matches(|c: char| !c.is_alphanumeric())))
        {
            continue;
        }
        let (name, party) = strip_qualifier(desc_text);
        out.push(FoundName {
            written: (name != desc_text).then(|| desc_text.to_owned()),
            name: Some(name.to_owned()),
            acronym: Some(acr.as_str().to_owned()),
            party,
            is_organisation: true,
            range: acr.start()..desc.end(),
        });
    }
}

fn named_bodies(text: &str, ws: &[Word<'_>], out: &mut Vec<FoundName>) {
    let mut i = 0;
    while i < ws.len() {
        if !is_capitalised(ws[i].text) || CONNECTORS.contains(&ws[i].text) {
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
                let comma_ok = gap == ","
                    && ws[start..j]
                        .iter()
                        .take(3)
                        .any(|w| LIST_HEADS.contains(&w.text));
                if !gap.is_empty() && !comma_ok {
                    break;
                }
            }
            if is_capitalised(w.text) {
                end = j;
            } else if !CONNECTORS.contains(&w.text)
                || w.text == "on"
                || w.text == "to" && !ws.get(j + 1).is_some_and(|n| is_capitalised(n.text))
            {
                break;
            }
            j += 1;
        }
        let run = &ws[start..=end];
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
                    || known_bodies_for(left_text).is_some();
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
                if CONNECTORS.contains(&first.text) || first.text.eq_ignore_ascii_case("the") {
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
            let written = text[first.start..last.end].to_owned();
            // "Korean Ministry of Education" is the Ministry of Education of
            // Korea; "Danish Business Authority" is a name as it stands.
            let (name, party) = match strip_qualifier(&written) {
                (bare, party) if bare.starts_with("Ministry") => (bare, party),
                (_, party) => (written.as_str(), party),
            };
            out.push(FoundName {
                name: Some(name.to_owned()),
                acronym: None,
                written: (name != written).then_some(written.clone()),
                party,
                is_organisation: true,
                range: first.start..last.end,
            });
        }
        i = end + 1;
    }
}

/// A find as found: acronym, name, name as written, party.
type FoundKey = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// The register of a plan's organisations, built in two passes: first
/// [`Register::learn`] over every text, then [`Register::mentions`].
#[derive(Debug, Default)]
pub struct Register {
    orgs: Vec<Organisation>,
    by_acronym: HashMap<String, usize>,
    by_key: HashMap<String, usize>,
    /// Acronyms defined as terms (not bodies), so bare mentions are not bodies.
    terms: HashSet<String>,
    matcher: Option<(AhoCorasick, Vec<usize>)>,
    /// Finds already merged, exactly as found: a body named in forty
    /// actions is resolved once, not forty times.
    merged: HashMap<FoundKey, usize>,
    /// Bare names (no qualifier, normalised) with the party each was keyed under.
    by_bare: HashMap<String, Vec<(Option<String>, usize)>>,
}

impl Register {
    /// An empty register.
    pub fn new() -> Self {
        Self::default()
    }

    /// Learns the definitions and named bodies of one text.
    ///
    /// Bodies found later by [`Register::mentions`] (bare acronyms, known
    /// bodies) do not rebuild the matcher: they are found again by the same
    /// route and resolved by acronym, so one matcher serves the whole plan.
    pub fn learn(&mut self, text: &str, span: &dyn Fn(Range<usize>) -> Span) {
        for found in find_names(text) {
            if found.is_organisation {
                self.add(found, span);
            } else if let Some(acr) = found.acronym {
                self.terms.insert(acr);
            }
        }
        self.matcher = None;
    }

    fn key(name: &str, party: Option<&str>) -> String {
        Self::key_of_bare(&Self::bare_name(name), party)
    }

    /// A name without its country qualifier, normalised for comparison.
    fn bare_name(name: &str) -> String {
        normalise(strip_qualifier(name).0)
    }

    fn key_of_bare(bare: &str, party: Option<&str>) -> String {
        format!("{}|{bare}", party.unwrap_or(""))
    }

    fn add(&mut self, found: FoundName, span: &dyn Fn(Range<usize>) -> Span) -> usize {
        let seen_key = (
            found.acronym.clone(),
            found.name.clone(),
            found.written.clone(),
            found.party.clone(),
        );
        if let Some(&idx) = self.merged.get(&seen_key) {
            return idx;
        }
        let idx = self.merge(found, span);
        self.merged.insert(seen_key, idx);
        idx
    }

    fn merge(&mut self, found: FoundName, span: &dyn Fn(Range<usize>) -> Span) -> usize {
        let bare = found.name.as_deref().map(Self::bare_name);
        let key = bare
            .as_deref()
            .map(|b| Self::key_of_bare(b, found.party.as_deref()));
        let existing = found
            .acronym
            .as_ref()
            .and_then(|a| self.by_acronym.get(a).copied())
            .or_else(|| key.as_ref().and_then(|k| self.by_key.get(k).copied()))
            .or_else(|| {
                // The same name with the party known on one side only.
                let same_name = self.by_bare.get(bare.as_deref()?)?;
                same_name
                    .iter()
                    .find(|(party, _)| party.is_none() || found.party.is_none())
                    .map(|&(_, i)| i)
            });
        let idx = match existing {
            Some(i) => i,
            None => {
                let id = unique_id(
                    &self.orgs,
                    found
                        .acronym
                        .as_deref()
                        .or(found.name.as_deref())
                        .unwrap_or("organisation"),
                );
                self.orgs.push(Organisation {
                    id,
                    name: None,
                    acronyms: Vec::new(),
                    aliases: Vec::new(),
                    party: None,
                    multilateral: false,
                    span: span(found.range.clone()),
                });
                self.orgs.len() - 1
            }
        };
        let org = &mut self.orgs[idx];
        if let Some(name) = &found.name {
            match &org.name {
                None => org.name = Some(name.clone()),
                Some(n) if normalise(n) != normalise(name) && !org.aliases.contains(name) => {
                    org.aliases.push(name.clone())
                }
                _ => {}
            }
        }
        if let Some(w) = found.written
            && org.name.as_deref() != Some(w.as_str())
            && !org.aliases.contains(&w)
        {
            org.aliases.push(w);
        }
        if let Some(a) = &found.acronym {
            if !org.acronyms.contains(a) {
                org.acronyms.push(a.clone());
            }
            self.by_acronym.insert(a.clone(), idx);
        }
        if org.party.is_none() {
            org.party = found.party.clone();
        }
        if let Some(k) = key
            && let std::collections::hash_map::Entry::Vacant(e) = self.by_key.entry(k)
        {
            e.insert(idx);
            if let Some(b) = bare {
                self.by_bare
                    .entry(b)
                    .or_default()
                    .push((found.party.clone(), idx));
            }
        }
        idx
    }

    fn build_matcher(&mut self) {
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        for (i, o) in self.orgs.iter().enumerate() {
            for p in o
                .acronyms
                .iter()
                .chain(o.name.iter())
                .chain(o.aliases.iter())
            {
                patterns.push(p.clone());
                owners.push(i);
            }
        }
        // A DFA searches faster but takes a millisecond to build, more than
        // all the searches of one plan together: use the contiguous NFA.
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .ok();
        self.matcher = ac.map(|ac| (ac, owners));
    }

    /// Organisations mentioned in `text` (acronyms, names, known bodies, and
    /// bare acronyms of unknown bodies, which are added to the register).
    pub fn mentions(&mut self, text: &str, span: &dyn Fn(Range<usize>) -> Span) -> Vec<OrgRef> {
        if self.matcher.is_none() {
            self.build_matcher();
        }
        let mut hits: Vec<(Range<usize>, usize)> = Vec::new();
        let mut known: Vec<(Range<usize>, &'static known_bodies::KnownBody)> = Vec::new();
        if let Some((ac, owners)) = &self.matcher {
            for m in ac.find_iter(text) {
                if on_word_boundary(text, m.range()) {
                    hits.push((m.range(), owners[m.pattern().as_usize()]));
                }
            }
        }
        // Well-known bodies, from a matcher built once for every plan.
        for m in KNOWN_MATCHER.0.find_iter(text) {
            let r = m.range();
            if on_word_boundary(text, r.clone())
                && !hits
                    .iter()
                    .any(|(h, _)| h.start <= r.start && r.end <= h.end)
            {
                known.push((r, KNOWN_MATCHER.1[m.pattern().as_usize()]));
            }
        }
        for (range, body) in known {
            let idx = self.known_body(body, span(range.clone()));
            hits.push((range, idx));
        }
        // Bare acronyms of bodies the text never spells out ("KIAT").
        if !mostly_upper_case(text) {
            for w in words(text) {
                let r = w.start..w.end;
                if hits
                    .iter()
                    .any(|(h, _)| h.start <= r.start && r.end <= h.end)
                {
                    continue;
                }
                let bare = w
                    .text
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c == '-' || c == '&');
                if bare
                    && w.text.len() >= 3
                    && is_acronym(w.text)
                    && !known_bodies::is_common_term(w.text)
                    && !self.terms.contains(w.text)
                {
                    let idx = self.add(
                        FoundName {
                            name: None,
                            acronym: Some(w.text.to_owned()),
                            written: None,
                            party: None,
                            is_organisation: true,
                            range: r.clone(),
                        },
                        span,
                    );
                    hits.push((r, idx));
                }
            }
        }
        hits.sort_by_key(|(r, _)| r.start);
        let mut out: Vec<OrgRef> = Vec::new();
        for (r, idx) in hits {
            let id = self.orgs[idx].id.clone();
            if !out.iter().any(|o| o.id == id) {
                out.push(OrgRef { id, span: span(r) });
            }
        }
        out
    }

    fn known_body(&mut self, body: &'static known_bodies::KnownBody, at: Span) -> usize {
        if let Some(&i) = self.by_acronym.get(body.acronym) {
            return i;
        }
        let key = Self::key(body.name, None);
        if let Some(&i) = self.by_key.get(&key) {
            return i;
        }
        let id = unique_id(
            &self.orgs,
            if body.acronym.is_empty() {
                body.name
            } else {
                body.acronym
            },
        );
        self.orgs.push(Organisation {
            id,
            name: Some(body.name.to_owned()),
            acronyms: if body.acronym.is_empty() {
                vec![]
            } else {
                vec![body.acronym.to_owned()]
            },
            aliases: body.aliases.iter().map(|a| (*a).to_owned()).collect(),
            party: None,
            multilateral: true,
            span: at,
        });
        let idx = self.orgs.len() - 1;
        if !body.acronym.is_empty() {
            self.by_acronym.insert(body.acronym.to_owned(), idx);
        }
        self.by_key.insert(key, idx);
        self.by_bare
            .entry(Self::bare_name(body.name))
            .or_default()
            .push((None, idx));
        idx
    }

    /// The register as the plan's organisation list, in order of first appearance.
    pub fn into_organisations(self) -> Vec<Organisation> {
        let mut orgs = self.orgs;
        for o in &mut orgs {
            if known_bodies::KNOWN_BODIES.iter().any(|b| {
                o.acronyms.iter().any(|a| a == b.acronym) || o.name.as_deref() == Some(b.name)
            }) {
                o.multilateral = true;
            }
        }
        orgs.sort_by_key(|o| o.span.start);
        orgs
    }
}

/// The gazetteer's names and acronyms, each with its body.
static KNOWN_MATCHER: LazyLock<(AhoCorasick, Vec<&'static known_bodies::KnownBody>)> =
    LazyLock::new(|| {
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        for b in known_bodies::KNOWN_BODIES {
            for p in std::iter::once(&b.acronym)
                .filter(|a| !a.is_empty())
                .chain(std::iter::once(&b.name))
                .chain(b.aliases.iter())
            {
                patterns.push(*p);
                owners.push(b);
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("the gazetteer's patterns are valid");
        (ac, owners)
    });

fn known_bodies_for(matched: &str) -> Option<&'static known_bodies::KnownBody> {
    known_bodies::KNOWN_BODIES.iter().find(|b| {
        (!b.acronym.is_empty() && b.acronym == matched)
            || b.name == matched
            || b.aliases.contains(&matched)
    })
}

fn on_word_boundary(text: &str, r: Range<usize>) -> bool {
    let before = text[..r.start].chars().next_back();
    let after = text[r.end..].chars().next();
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '&';
    !before.is_some_and(is_word) && !after.is_some_and(|c| is_word(c) && c != '-')
}

fn mostly_upper_case(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let upper = text.chars().filter(|c| c.is_uppercase()).count();
    letters > 0 && upper * 10 > letters * 6
}

fn unique_id(orgs: &[Organisation], label: &str) -> String {
    super::unique(super::slug(label, usize::MAX, "organisation"), |id| {
        orgs.iter().any(|o| o.id == id)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    type Def = (Option<String>, Option<String>, Option<String>, bool);

    fn defs(text: &str) -> Vec<Def> {
        find_names(text)
            .into_iter()
            .map(|f| (f.name, f.acronym, f.party, f.is_organisation))
            .collect()
    }

    fn no_span(_: Range<usize>) -> Span {
        Span::default()
    }

    #[test]
    fn name_then_acronym() {
        let d = defs(
            "between the Korean Ministry of Science and ICT (MSIT) and the Danish Ministry for Higher Education and Science (MHES).",
        );
        assert!(d.contains(&(
            Some("Ministry of Science and ICT".into()),
            Some("MSIT".into()),
            Some("KR".into()),
            true
        )));
        assert!(d.contains(&(
            Some("Ministry for Higher Education and Science".into()),
            Some("MHES".into()),
            Some("DK".into()),
            true
        )));
    }

    #[test]
    fn list_names_with_commas() {
        let d = defs("and Ministry of Industry, Business and Financial Affairs (MIBF).");
        assert_eq!(
            d[0].0.as_deref(),
            Some("Ministry of Industry, Business and Financial Affairs")
        );
        assert_eq!(d[0].1.as_deref(), Some("MIBF"));
    }

    #[test]
    fn terms_are_not_bodies() {
        let d = defs(
            "Tech and the Fourth Industrial Revolution (4iR) and Antimicrobial Resistance (AMR)",
        );
        assert_eq!(d[0].0.as_deref(), Some("Fourth Industrial Revolution"));
        assert!(!d[0].3);
        assert!(!d.iter().any(|x| x.3));
    }

    #[test]
    fn acronym_then_name() {
        let d = defs(
            "cooperation between K-SURE - Korea's Export Credit Agency - and EKF - Denmark's Export Credit Agency - with regard",
        );
        let k = d
            .iter()
            .find(|x| x.1.as_deref() == Some("K-SURE"))
            .expect("K-SURE");
        assert_eq!(k.0.as_deref(), Some("Export Credit Agency"));
        assert_eq!(k.2.as_deref(), Some("KR"));
        let e = d
            .iter()
            .find(|x| x.1.as_deref() == Some("EKF"))
            .expect("EKF");
        assert_eq!(e.2.as_deref(), Some("DK"));
    }

    #[test]
    fn named_bodies_without_acronyms() {
        let d = defs(
            "MoU between KIAT and Innovation Fund Denmark, 2018 and the Danish Ministry of Health.",
        );
        let names: Vec<_> = d.iter().filter_map(|x| x.0.clone()).collect();
        assert!(
            names.contains(&"Innovation Fund Denmark".to_owned()),
            "{names:?}"
        );
        assert!(
            names.contains(&"Ministry of Health".to_owned()),
            "{names:?}"
        );
        let d = defs(
            "through the Joint Green Ships Expert Committee and Zero Emission Coalition Initiative.",
        );
        let names: Vec<_> = d.iter().filter_map(|x| x.0.clone()).collect();
        assert_eq!(
            names,
            [
                "Joint Green Ships Expert Committee",
                "Zero Emission Coalition Initiative"
            ]
        );
        assert!(defs("between the Ministries of Energy, 2018").is_empty());
        assert!(defs("Biennial Joint Committee Meetings").is_empty());
    }

    #[test]
    fn register_merges_two_acronyms_of_one_agency() {
        let mut reg = Register::new();
        reg.learn("Knowledge-sharing between the Ministry of Food and Drug Safety (MFDS) and Danish Medicines Agency (DKMA).", &no_span);
        reg.learn("MoC between the Korean Ministry of Food and Drug Safety (MFDS) and the Danish Medicines Agency (DMA), 2020.", &no_span);
        reg.learn(
            "MoU between HIRA and Danish Medicine Agency (DKMA) 2016.",
            &no_span,
        );
        let orgs = reg.into_organisations();
        let dkma: Vec<_> = orgs
            .iter()
            .filter(|o| o.acronyms.contains(&"DKMA".to_owned()))
            .collect();
        assert_eq!(dkma.len(), 1);
        assert_eq!(dkma[0].acronyms, ["DKMA", "DMA"]);
        assert_eq!(dkma[0].party.as_deref(), Some("DK"));
        let mfds: Vec<_> = orgs
            .iter()
            .filter(|o| o.acronyms.contains(&"MFDS".to_owned()))
            .collect();
        assert_eq!(mfds.len(), 1);
    }

    #[test]
    fn same_description_different_parties_stay_apart() {
        let mut reg = Register::new();
        reg.learn("between K-SURE - Korea's Export Credit Agency - and EKF - Denmark's Export Credit Agency - with", &no_span);
        assert_eq!(reg.into_organisations().len(), 2);
    }

    #[test]
    fn mentions_find_acronyms_names_known_and_bare_bodies() {
        let mut reg = Register::new();
        reg.learn("the Korean Ministry of Science and ICT (MSIT)", &no_span);
        let m = reg.mentions(
            "Meetings between MSIT and KIAT in WHO and OECD fora, not the ICT sector.",
            &no_span,
        );
        let ids: Vec<_> = m.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(ids, ["msit", "kiat", "who", "oecd"]);
        let orgs = reg.into_organisations();
        assert!(orgs.iter().any(|o| o.id == "who" && o.multilateral));
    }

    #[test]
    fn mentions_skip_all_caps_titles() {
        let mut reg = Register::new();
        let m = reg.mentions("THE GOVERNMENT OF THE KINGDOM OF DENMARK", &no_span);
        assert!(m.is_empty());
    }
}
