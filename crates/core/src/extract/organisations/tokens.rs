//! The words organisation names are made of, and the vocabulary that says
//! which runs of words name a body.

use std::sync::LazyLock;

use regex::Regex;

/// The endings of Danish words that name a body, written as one word with
/// their subject: "Energistyrelsen", "Udenrigsministeriet", "Innovationsfonden".
static DANISH_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:styrelsen?|ministeri(?:et|um)|agenturet|fonden|rådet|instituttet|universitet(?:et)?)$")
        .expect("Danish head pattern is valid")
});

/// True for a word that makes a capitalised name a body ("Ministry",
/// "Energistyrelsen").
pub(super) fn is_head(word: &str) -> bool {
    is_english_head(word) || DANISH_HEAD.is_match(word)
}

fn is_english_head(word: &str) -> bool {
    matches!(
        word,
        "Ministry"
            | "Agency"
            | "Institute"
            | "Fund"
            | "Alliance"
            | "Service"
            | "Authority"
            | "Administration"
            | "Centre"
            | "Center"
            | "Council"
            | "Committee"
            | "Coalition"
            | "Organization"
            | "Organisation"
            | "Office"
            | "Commission"
            | "Cluster"
            | "University"
            | "Foundation"
            | "Command"
            | "Hub"
            | "Bank"
            | "Secretariat"
            | "Parliament"
            | "Embassy"
            | "Department"
            | "Board"
            | "Corporation"
            | "Association"
            | "Federation"
            | "Panel"
            | "Directorate"
            | "Bureau"
            | "Academy"
            | "Initiative"
            | "Union"
            | "Court"
            | "Institution"
    )
}

/// True for a head whose name goes on with a list after a comma
/// ("Ministry of Industry, Business and Financial Affairs").
pub(super) fn is_list_head(word: &str) -> bool {
    matches!(word, "Ministry" | "Department" | "Office" | "Directorate")
}

/// True for a last word that makes a name a meeting, not a body ("Joint
/// Committee Meetings").
pub(super) fn is_meeting_word(word: &str) -> bool {
    matches!(
        word,
        "Meeting"
            | "Meetings"
            | "Consultation"
            | "Consultations"
            | "Summit"
            | "Summits"
            | "Conference"
            | "Dialogue"
            | "Talks"
            | "Session"
            | "Sessions"
    )
}

/// True for a small word allowed inside a name ("of", "&").
pub(super) fn is_connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "for" | "and" | "the" | "&" | "on" | "to" | "de" | "du" | "des" | "og"
    )
}

/// True for a word that starts with a capital or a digit and is not a number.
pub(super) fn is_capitalised(word: &str) -> bool {
    let bytes = word.as_bytes();
    match bytes.first() {
        None => false,
        Some(b) if b.is_ascii_uppercase() => true,
        Some(b) if b.is_ascii_digit() => !bytes.iter().all(u8::is_ascii_digit),
        Some(b) if b.is_ascii() => false,
        Some(_) => word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// One word of a text, with its byte range, punctuation trimmed.
#[derive(Debug, Clone, Copy)]
pub(super) struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// Punctuation right after the word (`,` `.` `(` …), or ' ' for none.
    pub after: char,
    /// Punctuation right before the word.
    pub before: char,
}

/// A token: a run of characters between ASCII white space (exotic spaces
/// do not occur inside names).
static TOKEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[^\t\n\x0C\r ]+").expect("token pattern is valid"));

/// True for a character that edges a word rather than belonging to it.
fn is_edge(c: char) -> bool {
    !(c.is_alphanumeric() || c == '&' || c == '-')
}

/// The word of the token `text[start..end]`, if any is left once the
/// punctuation around it is trimmed (a hyphen may start it but not end it),
/// with its possessive "'s".
fn token_word(text: &str, start: usize, end: usize) -> Option<Word<'_>> {
    let raw = &text[start..end];
    let core = raw.trim_start_matches(is_edge);
    let core_start = start + raw.len() - core.len();
    let mut core_end = core_start + core.trim_end_matches(|c| is_edge(c) || c == '-').len();
    // Possessive "Korea's" keeps its apostrophe-s as part of the word.
    let tail = &text[core_end..end];
    if let Some(s) = ["'s", "’s"].iter().find(|s| tail.starts_with(**s)) {
        core_end += s.len();
    }
    if core_end == core_start {
        return None;
    }
    Some(Word {
        text: &text[core_start..core_end],
        start: core_start,
        end: core_end,
        before: text[start..core_start].chars().next_back().unwrap_or(' '),
        after: text[core_end..end].chars().next().unwrap_or(' '),
    })
}

/// The words of `text`, in order.
pub(super) fn words(text: &str) -> Vec<Word<'_>> {
    TOKEN
        .find_iter(text)
        .filter_map(|t| token_word(text, t.start(), t.end()))
        .collect()
}

/// True for the bytes a bare acronym is written with ("K-SURE", "S&T").
fn is_bare_acronym_byte(b: u8) -> bool {
    b.is_ascii_uppercase() || b == b'-' || b == b'&'
}

/// The words of `text` that may be bare acronyms: three or more capitals,
/// `-` and `&`, one capital at least.
pub(super) fn bare_acronyms(text: &str) -> impl Iterator<Item = Word<'_>> + '_ {
    words(text).into_iter().filter(|w| {
        w.text.len() >= 3
            && w.text.bytes().all(is_bare_acronym_byte)
            && w.text.bytes().any(|b| b.is_ascii_uppercase())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_trim_punctuation_and_keep_possessives() {
        let ws = words("the “Korea’s Fund” (KF), -K-SURE- and Denmark's.");
        let texts: Vec<_> = ws.iter().map(|w| w.text).collect();
        assert_eq!(
            texts,
            [
                "the",
                "Korea’s",
                "Fund",
                "KF",
                "-K-SURE",
                "and",
                "Denmark's"
            ]
        );
        assert_eq!(ws[1].before, '“');
        assert_eq!(ws[2].after, '”');
        assert_eq!(ws[3].before, '(');
        assert_eq!(ws[3].after, ')');
        assert_eq!(ws[6].after, '.');
    }

    #[test]
    fn bare_acronyms_are_capitals_with_hyphens_and_ampersands() {
        let found: Vec<&str> = bare_acronyms("S&T &-& AB- A-B (MSIT). &AB ÉAB KIAT’s AbC ABC")
            .map(|w| w.text)
            .collect();
        assert_eq!(found, ["S&T", "A-B", "MSIT", "&AB", "ABC"]);
    }

    #[test]
    fn capitalised_words() {
        for w in ["Ministry", "4iR", "Ørsted", "P4G"] {
            assert!(is_capitalised(w), "{w}");
        }
        for w in ["of", "2030", "", "økonomi", "-"] {
            assert!(!is_capitalised(w), "{w}");
        }
    }
}
