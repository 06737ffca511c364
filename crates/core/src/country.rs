//! Countries, and finding them in plan text.
//!
//! Plans name their parties as "Denmark", "the Kingdom of Denmark", "Danish",
//! "Denmark's", "Korea", "the Republic of Korea", "Korean" or "ROK".
//! [`mentions`] finds every such mention and says which ISO 3166-1 alpha-2
//! code it names.
//!
//! Codes and names of all countries come from the IATI Standard Country
//! codelist (<http://iatistandard.org/>, CC BY 4.0), embedded as
//! `data/countries.tsv`; see `data/SOURCES-countries.md`. The short names,
//! long names, adjectives and aliases in `data/country-extras.tsv` and the
//! phrases of `data/not-countries.txt` are our own.
//!
//! Matching rules:
//! - The text is split into words (runs of letters and digits). Every phrase
//!   is indexed once (in a `LazyLock`) by its first word; at each
//!   word the longest phrase that matches wins and its words are consumed, so
//!   "Democratic People's Republic of Korea" is one KP mention, not also a KR
//!   one, and "South Sudan" is not "Sudan". Separators must match too, with
//!   any run of white space (line breaks included) equal to one space, and
//!   curly apostrophes and Unicode hyphens equal to ASCII ones.
//! - Names match whole words only and in any case, but a match must not
//!   start with a lower-case letter: "THE KINGDOM OF DENMARK" and "Danish"
//!   match, "polish the draft" and "turkey" do not.
//! - Abbreviations ("ROK", "US", "UK", "DPRK") match only as written, so the
//!   pronoun "us" never matches. An all-caps line can still produce them
//!   ("WORKING WITH US" names the US).
//! - A possessive "'s" is part of the mention ("Korea's"), which then counts
//!   as an adjective (`is_adjective` and `is_possessive` are both set).
//! - Korean names may carry a particle ("대한민국과", "한국의"); the mention
//!   covers the name only. Danish adjectives ("dansk", "koreansk") are not
//!   matched: they are lower case.
//! - "Korea" and "Korean" alone mean the Republic of Korea (KR); "North
//!   Korea", "DPRK", "Democratic People's Republic of Korea" and "North
//!   Korean" are KP. "Korean Peninsula" and "inter-Korean" name no country;
//!   neither do "Indian Ocean", "Latin America", "New Mexico" and the like.
//! - Greenland (GL) and the Faroe Islands (FO) are their own codes, not DK.

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::sync::LazyLock;

use crate::extract::is_hangul;
use serde::Serialize;

/// A country (or territory) of ISO 3166-1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Country {
    /// ISO 3166-1 alpha-2, upper case: "DK", "KR".
    pub code: &'static str,
    /// Short English name: "Denmark", "Korea", "North Korea".
    pub name: &'static str,
    /// The name in the IATI codelist: "Korea (the Republic of)".
    pub iati_name: &'static str,
    /// Official and other long names: "Kingdom of Denmark", "Republic of Korea".
    pub long_names: Vec<&'static str>,
    /// Adjectives and demonyms: "Danish", "Dane", "Korean".
    pub adjectives: Vec<&'static str>,
    /// Other names, matched in any case: "South Korea", "Danmark", "대한민국".
    pub aliases: Vec<&'static str>,
    /// Abbreviations, matched only exactly as written: "ROK", "US".
    pub abbreviations: Vec<&'static str>,
    /// Withdrawn from the codelist (Netherlands Antilles).
    pub withdrawn: bool,
}

/// One mention of a country in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct CountryMention {
    /// ISO 3166-1 alpha-2 code of the country named.
    pub code: &'static str,
    /// Byte offset of the mention's start in the text.
    pub start: usize,
    /// Byte offset just past the mention (after any possessive "'s").
    pub end: usize,
    /// The mention qualifies something rather than naming the country
    /// itself: an adjective or demonym ("Danish", "Koreans") or a possessive
    /// ("Korea's").
    pub is_adjective: bool,
    /// The mention ends in a possessive "'s" ("Denmark's").
    pub is_possessive: bool,
}

/// Our additions to the IATI data, one country a line (see the file's header).
const EXTRAS_TSV: &str = include_str!("../data/country-extras.tsv");

/// Phrases that name no country, one a line.
const NOT_COUNTRIES_TXT: &str = include_str!("../data/not-countries.txt");

/// The data lines of an embedded file: no comments, no blank lines.
fn data_lines(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

/// One line of [`EXTRAS_TSV`]: what we add to a country of the IATI data.
struct Extra {
    code: &'static str,
    /// Empty to keep the derived short name.
    name: &'static str,
    long_names: Vec<&'static str>,
    adjectives: Vec<&'static str>,
    aliases: Vec<&'static str>,
    abbreviations: Vec<&'static str>,
}

impl Extra {
    fn parse(line: &'static str) -> Extra {
        let cols: Vec<&'static str> = line.split('\t').collect();
        assert!(
            cols.len() == 6,
            "data/country-extras.tsv has 6 columns: {line}"
        );
        let list = |col: &'static str| col.split('|').filter(|s| !s.is_empty()).collect();
        Extra {
            code: cols[0],
            name: cols[1],
            long_names: list(cols[2]),
            adjectives: list(cols[3]),
            aliases: list(cols[4]),
            abbreviations: list(cols[5]),
        }
    }
}

/// The embedded IATI country list: code, IATI name, derived short name,
/// derived long name, status (tab-separated; `#` lines are comments).
const COUNTRIES_TSV: &str = include_str!("../data/countries.tsv");

static COUNTRIES: LazyLock<Vec<Country>> = LazyLock::new(|| {
    let extras: HashMap<&str, Extra> = data_lines(EXTRAS_TSV)
        .map(Extra::parse)
        .map(|e| (e.code, e))
        .collect();
    data_lines(COUNTRIES_TSV)
        .map(|line| {
            let cols: Vec<&'static str> = line.split('\t').collect();
            assert!(cols.len() == 5, "data/countries.tsv has 5 columns: {line}");
            let (code, iati_name, derived, derived_long, status) =
                (cols[0], cols[1], cols[2], cols[3], cols[4]);
            let extra = extras.get(code);
            let name = extra
                .map(|e| e.name)
                .filter(|n| !n.is_empty())
                .unwrap_or(derived);
            let mut long_names: Vec<&'static str> = Vec::new();
            for n in std::iter::once(derived_long)
                .chain(extra.iter().flat_map(|e| e.long_names.iter().copied()))
            {
                if !n.is_empty() && n != name && !long_names.contains(&n) {
                    long_names.push(n);
                }
            }
            let mut aliases: Vec<&'static str> = extra.map_or_else(Vec::new, |e| e.aliases.clone());
            // The derived short name stays an alias when ours replaces it
            // ("Russian Federation" → "Russia"), unless another country
            // shares it ("Korea" for KP, "Congo" for CD).
            if derived != name
                && !matches!(code, "KP" | "CD" | "VG" | "VI")
                && !long_names.contains(&derived)
                && !aliases.contains(&derived)
            {
                aliases.push(derived);
            }
            Country {
                code,
                name,
                iati_name,
                long_names,
                adjectives: extra.map_or_else(Vec::new, |e| e.adjectives.clone()),
                aliases,
                abbreviations: extra.map_or_else(Vec::new, |e| e.abbreviations.clone()),
                withdrawn: status == "withdrawn",
            }
        })
        .collect()
});

/// All countries of the IATI codelist, in its order (active and withdrawn).
pub fn countries() -> &'static [Country] {
    &COUNTRIES
}

/// The country with ISO 3166-1 alpha-2 `code`, in any case ("dk", "KR").
pub fn by_code(code: &str) -> Option<&'static Country> {
    let code = code.trim();
    countries()
        .iter()
        .find(|c| c.code.eq_ignore_ascii_case(code))
}

/// What a phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    /// `None` for a phrase that names no country ("Korean Peninsula").
    code: Option<&'static str>,
    is_adjective: bool,
    /// Abbreviations match only exactly as written ("ROK", not "rok").
    exact_case: bool,
}

/// A phrase split into words (runs of letters and digits) and the
/// separators between them.
#[derive(Debug)]
struct Phrase {
    /// The words, lower-cased unless the phrase is matched exactly.
    words: Vec<String>,
    /// Normalised separators between the words (`words.len() - 1` of them).
    seps: Vec<String>,
    /// Punctuation after the last word that belongs to the phrase ("." of "U.S.").
    tail: String,
    /// Length in characters: longer phrases are tried first.
    chars: usize,
    entry: Entry,
}

/// A word of the text being searched.
struct Word<'t> {
    start: usize,
    end: usize,
    /// The word lower-cased (a slice of one buffer per text).
    folded: &'t str,
}

/// Normalised separator text: white space runs become one space, curly
/// apostrophes straight, Unicode hyphens ASCII.
fn norm_sep(sep: &str) -> String {
    let mut out = String::with_capacity(sep.len());
    let mut space = false;
    for c in sep.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(match c {
            '\u{2019}' => '\'',
            '\u{2010}' | '\u{2011}' => '-',
            c => c,
        });
    }
    if space {
        out.push(' ');
    }
    out
}

/// Is `raw` (text between two words) the same separator as the normalised
/// `norm`? Like `norm_sep(raw) == norm`, without allocating.
fn sep_matches(raw: &str, norm: &str) -> bool {
    let mut want = norm.chars();
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        let c = if c.is_whitespace() {
            while chars.peek().is_some_and(|c| c.is_whitespace()) {
                chars.next();
            }
            ' '
        } else {
            match c {
                '\u{2019}' => '\'',
                '\u{2010}' | '\u{2011}' => '-',
                c => c,
            }
        };
        if want.next() != Some(c) {
            return false;
        }
    }
    want.next().is_none()
}

/// Byte ranges of the words (maximal runs of letters and digits) of `text`.
fn word_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let alnum = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        match (alnum, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

impl Phrase {
    fn new(text: &'static str, entry: Entry) -> Phrase {
        let ranges = word_ranges(text);
        let fold = |w: &str| {
            if entry.exact_case {
                w.to_owned()
            } else {
                w.to_lowercase()
            }
        };
        let words = ranges.iter().map(|&(s, e)| fold(&text[s..e])).collect();
        let seps = ranges
            .windows(2)
            .map(|w| norm_sep(&text[w[0].1..w[1].0]))
            .collect();
        let tail = ranges
            .last()
            .map_or_else(String::new, |&(_, e)| norm_sep(&text[e..]));
        Phrase {
            words,
            seps,
            tail,
            chars: text.chars().count(),
            entry,
        }
    }

    /// The key the phrase is indexed by: its first word, folded.
    fn key(&self) -> String {
        self.words
            .first()
            .map_or_else(String::new, |w| w.to_lowercase())
    }

    /// Does the phrase match the text at word `i`? Returns the end offset.
    /// `first_len` is how much of word `i` the phrase's first word must
    /// cover: all of it, or, for a one-word Korean name, a prefix (the rest
    /// is a particle: "대한민국과").
    fn match_at(
        &self,
        text: &str,
        words: &[Word<'_>],
        i: usize,
        first_len: usize,
    ) -> Option<usize> {
        // Cheap rejection first: most candidates fail on their second word.
        let n = self.words.len();
        if words.len() < i + n {
            return None;
        }
        // Phrases sharing a first word ("Republic of …") mostly differ in
        // the last one: compare it first.
        if n > 1 && !self.entry.exact_case {
            let (pw, w) = (&self.words[n - 1], words[i + n - 1].folded);
            if !w.starts_with(pw.as_str()) {
                return None;
            }
        }
        let mut end = 0;
        for (k, pw) in self.words.iter().enumerate() {
            let w = words.get(i + k)?;
            let word: &str = if self.entry.exact_case {
                &text[w.start..w.end]
            } else {
                w.folded
            };
            let hangul_tail = k == n - 1 && is_hangul(pw);
            let used = if k == 0 {
                first_len
            } else if hangul_tail && word.starts_with(pw.as_str()) {
                pw.len()
            } else {
                word.len()
            };
            if word.get(..used) != Some(pw.as_str()) || (used != word.len() && !hangul_tail) {
                return None;
            }
            if k + 1 < n && !sep_matches(&text[w.end..words.get(i + k + 1)?.start], &self.seps[k]) {
                return None;
            }
            // Hangul has no case, so a partial word's length is the same
            // in the folded and the original text.
            end = if used == word.len() {
                w.end
            } else {
                w.start + used
            };
        }
        if self.tail.is_empty() {
            return Some(end);
        }
        text[end..]
            .starts_with(self.tail.as_str())
            .then(|| end + self.tail.len())
    }
}

struct Matcher {
    /// Phrases by folded first word, longest first.
    index: HashMap<String, Vec<Phrase>>,
    /// Phrases given to two countries (must stay empty; tested).
    #[cfg_attr(not(test), allow(dead_code))]
    conflicts: Vec<String>,
}

static MATCHER: LazyLock<Matcher> = LazyLock::new(|| {
    let mut index: HashMap<String, Vec<Phrase>> = HashMap::new();
    let mut seen: HashMap<String, Option<&str>> = HashMap::new();
    let mut conflicts = Vec::new();
    let mut add = |text: &'static str, entry: Entry| {
        let phrase = Phrase::new(text, entry);
        let key = format!(
            "{}|{:?}|{:?}|{}",
            entry.exact_case, phrase.words, phrase.seps, phrase.tail
        );
        match seen.insert(key, entry.code) {
            Some(old) if old != entry.code => conflicts.push(text.to_owned()),
            Some(_) => {}
            None => index.entry(phrase.key()).or_default().push(phrase),
        }
    };
    for c in countries() {
        let base = Entry {
            code: Some(c.code),
            is_adjective: false,
            exact_case: false,
        };
        for &n in std::iter::once(&c.name)
            .chain(&c.long_names)
            .chain(&c.aliases)
        {
            add(n, base);
        }
        for &a in &c.adjectives {
            add(
                a,
                Entry {
                    is_adjective: true,
                    ..base
                },
            );
        }
        for &a in &c.abbreviations {
            add(
                a,
                Entry {
                    exact_case: true,
                    ..base
                },
            );
        }
    }
    for p in data_lines(NOT_COUNTRIES_TXT) {
        add(
            p,
            Entry {
                code: None,
                is_adjective: false,
                exact_case: false,
            },
        );
    }
    for phrases in index.values_mut() {
        phrases.sort_by_key(|p| std::cmp::Reverse(p.chars));
    }
    Matcher { index, conflicts }
});

impl Matcher {
    /// The phrases that may start at a word: those whose first word is the
    /// word, and for a Korean word also those whose only word is a prefix
    /// of it (the rest is a particle). Each with the length of the part of
    /// the word it uses, longest first.
    fn candidates<'a>(&'a self, word: &str, out: &mut Vec<(&'a Phrase, usize)>) {
        out.clear();
        if let Some(phrases) = self.index.get(word) {
            out.extend(phrases.iter().map(|p| (p, word.len())));
        }
        if !word.is_ascii() && is_hangul(word) {
            let cuts: Vec<usize> = word.char_indices().map(|(i, _)| i).skip(2).collect();
            for &cut in cuts.iter().rev() {
                let prefix = &word[..cut];
                out.extend(
                    self.index
                        .get(prefix)
                        .into_iter()
                        .flatten()
                        .filter(|p| p.words.len() == 1)
                        .map(|p| (p, cut)),
                );
            }
        }
    }
}

/// The words of `text` (see [`word_ranges`]), lower-cased into `folded`.
fn fold_words<'f>(text: &str, folded: &'f mut String) -> Vec<Word<'f>> {
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    for (start, end) in word_ranges(text) {
        let from = folded.len();
        folded.extend(text[start..end].chars().flat_map(char::to_lowercase));
        spans.push((start, end, from));
    }
    let folded: &'f str = folded;
    let mut words = Vec::with_capacity(spans.len());
    for (k, &(start, end, from)) in spans.iter().enumerate() {
        let to = spans.get(k + 1).map_or(folded.len(), |s| s.2);
        words.push(Word {
            start,
            end,
            folded: &folded[from..to],
        });
    }
    words
}

/// Calls `found` with every mention of a country in `text`, in order, until
/// it breaks.
fn scan(text: &str, mut found: impl FnMut(CountryMention) -> ControlFlow<()>) {
    let matcher = &*MATCHER;
    // All words lower-cased into one buffer, sliced by the words.
    let mut folded = String::with_capacity(text.len());
    let words = fold_words(text, &mut folded);
    let mut candidates = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = &words[i];
        let accept = |p: &'static Phrase, first_len: usize| {
            let end = p.match_at(text, &words, i, first_len)?;
            // Names in any case, but not starting lower-case ("polish").
            let lower = text[word.start..]
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            (p.entry.code.is_none() || p.entry.exact_case || !lower).then_some((p, end))
        };
        matcher.candidates(word.folded, &mut candidates);
        let found_here = candidates
            .iter()
            .find_map(|&(p, first_len)| accept(p, first_len));
        let Some((phrase, mut end)) = found_here else {
            i += 1;
            continue;
        };
        let mut next = i + phrase.words.len();
        // A possessive "'s" belongs to the mention.
        let is_possessive = phrase.entry.code.is_some()
            && words.get(next).is_some_and(|w| {
                &text[w.start..w.end] == "s" && sep_matches(&text[end..w.start], "'")
            });
        if is_possessive {
            end = words[next].end;
            next += 1;
        }
        if let Some(code) = phrase.entry.code {
            let mention = CountryMention {
                code,
                start: word.start,
                end,
                is_adjective: phrase.entry.is_adjective || is_possessive,
                is_possessive,
            };
            if found(mention).is_break() {
                return;
            }
        }
        // Skip every word the mention covers (a tail such as "U.S." covers none).
        while next < words.len() && words[next].start < end {
            next += 1;
        }
        i = next;
    }
}

/// Every mention of a country in `text` (name, long name, alias, adjective,
/// abbreviation, possessive), in order, non-overlapping, longest first.
pub fn mentions(text: &str) -> Vec<CountryMention> {
    let mut out = Vec::new();
    scan(text, |m| {
        out.push(m);
        ControlFlow::Continue(())
    });
    out
}

/// The first country mentioned in `text`.
pub fn first_mention(text: &str) -> Option<CountryMention> {
    let mut first = None;
    scan(text, |m| {
        first = Some(m);
        ControlFlow::Break(())
    });
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<&'static str> {
        mentions(text).into_iter().map(|m| m.code).collect()
    }

    #[test]
    fn embedded_data_loads() {
        assert_eq!(countries().len(), 251);
        assert!(
            countries()
                .iter()
                .all(|c| c.code.len() == 2 && c.code.chars().all(|ch| ch.is_ascii_uppercase()))
        );
        let mut seen: Vec<&str> = countries().iter().map(|c| c.code).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), 251, "codes are unique");
        let mut names: Vec<&str> = countries().iter().map(|c| c.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 251, "short names are unique");
        let known: Vec<&str> = countries().iter().map(|c| c.code).collect();
        let extras: Vec<Extra> = data_lines(EXTRAS_TSV).map(Extra::parse).collect();
        for e in &extras {
            assert!(known.contains(&e.code), "extra for unknown code {}", e.code);
        }
        assert!(extras.len() >= 80);
        assert!(by_code("AN").is_some_and(|c| c.withdrawn));
    }

    #[test]
    fn matcher_builds_without_conflicts() {
        assert!(MATCHER.conflicts.is_empty(), "{:?}", MATCHER.conflicts);
        assert!(!MATCHER.index.is_empty());
    }

    #[test]
    fn by_code_is_case_insensitive() {
        assert_eq!(by_code("dk").map(|c| c.name), Some("Denmark"));
        assert_eq!(by_code("KR").map(|c| c.name), Some("Korea"));
        assert_eq!(by_code(" kp ").map(|c| c.name), Some("North Korea"));
        assert_eq!(by_code("GL").map(|c| c.name), Some("Greenland"));
        assert_eq!(by_code("FO").map(|c| c.name), Some("Faroe Islands"));
        assert_eq!(
            by_code("GB").map(|c| c.iati_name),
            Some("United Kingdom of Great Britain and Northern Ireland (the)")
        );
        assert!(by_code("ZZ").is_none());
        assert!(by_code("").is_none());
        assert!(by_code("DNK").is_none());
    }

    #[test]
    fn finds_the_parties_of_a_plan() {
        assert_eq!(codes("Denmark"), ["DK"]);
        assert_eq!(
            codes("the Kingdom of Denmark and the Republic of Korea"),
            ["DK", "KR"]
        );
        assert_eq!(codes("Danish and Korean ministries"), ["DK", "KR"]);
        assert_eq!(codes("Korea"), ["KR"]);
        assert_eq!(codes("ROK"), ["KR"]);
        assert_eq!(codes("South Korea"), ["KR"]);
        assert_eq!(codes("대한민국과 덴마크"), ["KR", "DK"]);
        assert_eq!(codes("Danmark og Sydkorea"), ["DK", "KR"]);
        let m = mentions("the Kingdom of Denmark");
        assert_eq!((m[0].start, m[0].end), (4, 22));
        assert!(!m[0].is_adjective);
    }

    #[test]
    fn north_korea_is_not_south_korea() {
        for text in [
            "North Korea",
            "DPRK",
            "the Democratic People's Republic of Korea",
            "the Democratic People’s Republic of Korea",
            "a North Korean delegation",
            "NORTH KOREA",
        ] {
            assert_eq!(codes(text), ["KP"], "{text}");
        }
        let m = mentions("Democratic People's Republic of Korea");
        assert_eq!(m.len(), 1);
        assert_eq!((m[0].start, m[0].end), (0, 37));
        assert_eq!(codes("Republic of Korea and DPRK"), ["KR", "KP"]);
        assert_eq!(codes("South Korean and North Korean"), ["KR", "KP"]);
    }

    #[test]
    fn adjectives_hyphens_and_possessives() {
        let m = mentions("Danish-Korean cooperation");
        assert_eq!(m.iter().map(|m| m.code).collect::<Vec<_>>(), ["DK", "KR"]);
        assert!(m.iter().all(|m| m.is_adjective));
        assert_eq!((m[0].start, m[0].end, m[1].start, m[1].end), (0, 6, 7, 13));

        let m = mentions("Korea's and Denmark’s goals");
        assert_eq!(m.len(), 2);
        assert_eq!(
            (m[0].code, m[0].start, m[0].end, m[0].is_possessive),
            ("KR", 0, 7, true)
        );
        assert_eq!((m[1].code, m[1].is_possessive), ("DK", true));
        assert!(
            m[0].is_adjective,
            "a possessive qualifies like an adjective"
        );
        assert_eq!(codes("Koreas"), Vec::<&str>::new());
        assert_eq!(codes("Koreans and Danes"), ["KR", "DK"]);
    }

    #[test]
    fn upper_case_title_lines() {
        assert_eq!(
            codes(
                "THE GOVERNMENT OF THE KINGDOM OF DENMARK AND THE GOVERNMENT OF THE REPUBLIC OF KOREA"
            ),
            ["DK", "KR"]
        );
        assert_eq!(
            codes("DANISH-KOREAN GREEN STRATEGIC PARTNERSHIP"),
            ["DK", "KR"]
        );
        let m = mentions("JOINT ACTION PLAN: DENMARK");
        assert_eq!((m[0].code, m[0].start), ("DK", 19));
    }

    #[test]
    fn abbreviations_only_as_written() {
        assert_eq!(codes("the US and the UK"), ["US", "GB"]);
        assert_eq!(codes("the U.S. and the U.K."), ["US", "GB"]);
        assert_eq!(codes("let us work with them"), Vec::<&str>::new());
        assert_eq!(codes("Us and uk and rok and dprk"), Vec::<&str>::new());
        assert_eq!(codes("USA"), ["US"]);
        assert_eq!(codes("UAE"), ["AE"]);
        assert_eq!(codes("USB drives in the UKRAINE"), ["UA"]);
    }

    #[test]
    fn lower_case_lookalikes_do_not_match() {
        assert_eq!(
            codes("polish the draft, roast a turkey, chad"),
            Vec::<&str>::new()
        );
        assert_eq!(codes("Polish and Turkish partners"), ["PL", "TR"]);
        assert_eq!(codes("the republic of Korea"), ["KR"]);
    }

    #[test]
    fn longest_match_wins_and_non_countries_are_skipped() {
        assert_eq!(codes("South Sudan and Sudan"), ["SS", "SD"]);
        assert_eq!(
            codes("Papua New Guinea, Guinea-Bissau, Equatorial Guinea, Guinea"),
            ["PG", "GW", "GQ", "GN"]
        );
        assert_eq!(codes("Niger and Nigeria"), ["NE", "NG"]);
        assert_eq!(
            codes("Democratic Republic of the Congo and Republic of the Congo"),
            ["CD", "CG"]
        );
        assert_eq!(codes("Dominican Republic, Dominica"), ["DO", "DM"]);
        assert_eq!(codes("peace on the Korean Peninsula"), Vec::<&str>::new());
        assert_eq!(codes("inter-Korean dialogue"), Vec::<&str>::new());
        assert_eq!(
            codes("the Indian Ocean and Latin America"),
            Vec::<&str>::new()
        );
        assert_eq!(codes("British Indian Ocean Territory"), ["IO"]);
        assert_eq!(codes("American Samoa"), ["AS"]);
        assert_eq!(codes("Northern Ireland and Ireland"), ["GB", "IE"]);
        assert_eq!(
            codes("Côte d'Ivoire and Türkiye and Åland Islands"),
            ["CI", "TR", "AX"]
        );
        assert_eq!(codes("Turkey"), ["TR"]);
    }

    #[test]
    fn korean_names_take_particles() {
        let m = mentions("대한민국과 덴마크 왕국은 한국의 북한");
        let got: Vec<(&str, &str)> = m
            .iter()
            .map(|m| {
                (
                    m.code,
                    &"대한민국과 덴마크 왕국은 한국의 북한"[m.start..m.end],
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("KR", "대한민국"),
                ("DK", "덴마크 왕국"),
                ("KR", "한국"),
                ("KP", "북한")
            ]
        );
        assert_eq!(codes("남북한"), Vec::<&str>::new());
    }

    #[test]
    fn case_changing_letters_keep_offsets_right() {
        // "K" (Kelvin sign) lower-cases to a shorter "k"; offsets stay in the original.
        let text = "\u{212A}orea and Denmark";
        let m = mentions(text);
        assert_eq!(m.last().map(|m| &text[m.start..m.end]), Some("Denmark"));
    }

    #[test]
    fn greenland_and_faroes_are_their_own() {
        assert_eq!(
            codes("Denmark, Greenland and the Faroe Islands"),
            ["DK", "GL", "FO"]
        );
        assert_eq!(codes("Faroese and Greenlandic"), ["FO", "GL"]);
    }

    #[test]
    fn word_boundaries() {
        assert_eq!(codes("Omanisation"), Vec::<&str>::new());
        assert_eq!(codes("Indiana"), Vec::<&str>::new());
        assert_eq!(codes("Denmarks"), Vec::<&str>::new());
        assert_eq!(codes("(Denmark)"), ["DK"]);
        assert_eq!(codes("Republic\nof Korea"), ["KR"]);
        assert_eq!(
            first_mention("The Danish Energy Agency and KEA").map(|m| m.code),
            Some("DK")
        );
        assert!(first_mention("no country here").is_none());
        assert!(first_mention("").is_none());
    }

    #[test]
    fn every_name_finds_its_own_country() {
        for c in countries() {
            let mut phrases = vec![c.name];
            phrases.extend(&c.long_names);
            phrases.extend(&c.aliases);
            phrases.extend(&c.adjectives);
            phrases.extend(&c.abbreviations);
            for p in phrases {
                let found = first_mention(p);
                assert_eq!(found.map(|m| m.code), Some(c.code), "{p:?}");
                assert_eq!(found.map(|m| (m.start, m.end)), Some((0, p.len())), "{p:?}");
            }
        }
    }
}
