//! The words organisation names are made of, and the vocabulary that says
//! which runs of words name a body.

// The word lists are `matches!` patterns rather than slices: a match on
// the length and bytes rejects most words at once, where `contains` compared
// each word with every entry.

/// True for a word that makes a capitalised name a body ("Ministry").
pub(super) fn is_head(word: &str) -> bool {
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
        "of" | "for" | "and" | "the" | "&" | "on" | "to" | "de" | "du" | "des"
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

/// The word inside a token, without punctuation around it (a hyphen may
/// start it but not end it): the offset where it starts, and its length.
fn trim_word(raw: &str, ascii: bool) -> (usize, usize) {
    if ascii {
        // Most tokens are ASCII: trim bytes, not characters.
        let bytes = raw.as_bytes();
        let keep = |b: u8| b.is_ascii_alphanumeric() || b == b'&' || b == b'-';
        let start = bytes.iter().position(|&b| keep(b)).unwrap_or(bytes.len());
        let end = bytes[start..]
            .iter()
            .rposition(|&b| b.is_ascii_alphanumeric() || b == b'&')
            .map_or(start, |e| start + e + 1);
        return (start, end - start);
    }
    let is_edge = |c: char| !(c.is_alphanumeric() || c == '&' || c == '-');
    let core = raw.trim_start_matches(is_edge);
    let lead = raw.len() - core.len();
    let core = core.trim_end_matches(|c: char| is_edge(c) || c == '-');
    (lead, core.len())
}

/// The word of the token `text[start..end]` (no white space inside), if
/// any is left once its punctuation is trimmed.
fn token_word(text: &str, start: usize, end: usize, ascii: bool) -> Option<Word<'_>> {
    let (lead, len) = trim_word(&text[start..end], ascii);
    core_word(text, start, end, start + lead, start + lead + len, ascii)
}

/// The word of the token `text[start..end]` whose trimmed core is
/// `text[core_start..core_end]`, with its possessive "'s".
#[inline(always)]
fn core_word(
    text: &str,
    start: usize,
    end: usize,
    core_start: usize,
    mut core_end: usize,
    ascii: bool,
) -> Option<Word<'_>> {
    let bytes = text.as_bytes();
    let lead = core_start - start;
    // Possessive "Korea's" keeps its apostrophe-s as part of the word.
    let tail = &bytes[core_end..end];
    if tail.starts_with(b"'s") {
        core_end += 2;
    } else if tail.starts_with("’s".as_bytes()) {
        core_end += "’s".len();
    }
    if core_end == core_start {
        return None;
    }
    let (before, after) = if ascii {
        (
            if lead > 0 {
                char::from(bytes[core_start - 1])
            } else {
                ' '
            },
            if core_end < end {
                char::from(bytes[core_end])
            } else {
                ' '
            },
        )
    } else {
        (
            text[start..core_start].chars().next_back().unwrap_or(' '),
            text[core_end..end].chars().next().unwrap_or(' '),
        )
    };
    Some(Word {
        text: &text[core_start..core_end],
        start: core_start,
        end: core_end,
        after,
        before,
    })
}

/// A letter, digit or `&`: what a word's core starts and ends with.
const CORE: u8 = 1;
/// `-`, which may start a word's core but not end it.
const HYPHEN: u8 = 2;
/// ASCII white space, between tokens.
const SPACE: u8 = 4;
/// A byte of a non-ASCII character.
const NON_ASCII: u8 = 8;

/// What each byte is to [`words`] (0: punctuation), looked up once per byte.
const BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() || c == b'&' {
            CORE
        } else if c == b'-' {
            HYPHEN
        } else if c.is_ascii_whitespace() {
            SPACE
        } else if !c.is_ascii() {
            NON_ASCII
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The words of `text`, in order.
pub(super) fn words(text: &str) -> Vec<Word<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 6);
    // Tokens run between white space; ASCII white space only, as exotic
    // spaces do not occur inside names.
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        // One pass finds the token's end and, for ASCII, its trimmed core
        // (from the first letter, digit, `&` or `-` to the last letter,
        // digit or `&`), as `trim_word` would.
        let start = i;
        let mut ascii = true;
        let mut core_start = usize::MAX;
        let mut core_end = 0;
        while i < bytes.len() {
            let class = BYTE_CLASS[usize::from(bytes[i])];
            if class == 0 {
                i += 1;
                continue;
            }
            if class == CORE {
                // Most bytes are letters in a run: take the run in a tight loop.
                core_start = core_start.min(i);
                i += 1;
                while i < bytes.len() && BYTE_CLASS[usize::from(bytes[i])] == CORE {
                    i += 1;
                }
                core_end = i;
                continue;
            } else if class & HYPHEN != 0 {
                core_start = core_start.min(i);
            } else if class & SPACE != 0 {
                break;
            } else {
                ascii = false;
            }
            i += 1;
        }
        let word = if ascii {
            let core_start = core_start.min(i);
            core_word(text, start, i, core_start, core_end.max(core_start), true)
        } else {
            token_word(text, start, i, false)
        };
        out.extend(word);
    }
    out
}

/// True when one of the eight bytes of `x` is an ASCII capital.
fn has_capital(x: u64) -> bool {
    has_byte_in(x, b'A', b'Z')
}

/// True when one of the eight bytes of `x` is an ASCII byte from `lo` to
/// `hi` (both ASCII, `lo` not 0).
pub(super) fn has_byte_in(x: u64, lo: u8, hi: u8) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // On the low seven bits no sum carries into the next byte; a byte's
    // high bit then says whether it reached `lo`, and then `hi` + 1.
    let low = x & !HIGH;
    let from_lo = low.wrapping_add(ONES * (0x80 - u64::from(lo)));
    let past_hi = low.wrapping_add(ONES * (0x80 - u64::from(hi) - 1));
    from_lo & !past_hi & !x & HIGH != 0
}

/// The first position from `from` whose eight bytes (read as one
/// little-endian word) `hit` accepts, passing eight bytes at a time; when
/// none does, where fewer than eight bytes are left.
pub(super) fn skip_eights(bytes: &[u8], from: usize, hit: impl Fn(u64) -> bool) -> usize {
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        if hit(u64::from_le_bytes(eight)) {
            break;
        }
        at += 8;
    }
    at
}

/// The first ASCII capital in `bytes` from `from`. Capitals are a few
/// bytes in a hundred: eight bytes at a time pass the stretches without.
pub(super) fn next_capital(bytes: &[u8], from: usize) -> Option<usize> {
    let at = skip_eights(bytes, from, has_capital);
    bytes
        .get(at..)?
        .iter()
        .position(u8::is_ascii_uppercase)
        .map(|p| at + p)
}

/// True for the bytes a bare acronym is written with ("K-SURE", "S&T").
fn is_bare_acronym_byte(b: u8) -> bool {
    b.is_ascii_uppercase() || b == b'-' || b == b'&'
}

/// The words of `text` (as [`words`] finds them) that may be bare acronyms:
/// three or more capitals, `-` and `&`, one capital at least. Found from
/// the capitals, without looking at the rest.
pub(super) fn bare_acronyms(text: &str) -> impl Iterator<Item = Word<'_>> + '_ {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(capital) = next_capital(bytes, from) {
            let end = bytes[capital..]
                .iter()
                .position(u8::is_ascii_whitespace)
                .map_or(bytes.len(), |w| capital + w);
            let start_from = from;
            from = end;
            // A word of such bytes with its first capital followed by none
            // would have one capital only, and no other letters or digits:
            // one byte rules out most words ("Ministry") without trimming.
            if !bytes
                .get(capital + 1)
                .copied()
                .is_some_and(is_bare_acronym_byte)
            {
                continue;
            }
            let start = bytes[start_from..capital]
                .iter()
                .rposition(u8::is_ascii_whitespace)
                .map_or(start_from, |w| start_from + w + 1);
            let ascii = bytes[start..end].is_ascii();
            if let Some(w) = token_word(text, start, end, ascii)
                && w.text.len() >= 3
                && w.text.bytes().all(is_bare_acronym_byte)
            {
                return Some(w);
            }
        }
        None
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
    fn bare_acronyms_are_those_of_words() {
        for text in [
            "the “Korea’s Fund” (KF), -K-SURE- and Denmark's.",
            "  KIAT\tand\nWHO's OECD-led x (a) ",
            "A",
            "ok ÆØ Éx",
            "S&T &-& AB- A-B (MSIT). &AB ÉAB AÉB KIAT’s AbC ABC",
            "MSIT",
        ] {
            let all: Vec<_> = words(text)
                .into_iter()
                .filter(|w| {
                    w.text.len() >= 3
                        && w.text.bytes().all(is_bare_acronym_byte)
                        && w.text.bytes().any(|b| b.is_ascii_uppercase())
                })
                .map(|w| (w.text, w.start, w.before, w.after))
                .collect();
            let some: Vec<_> = bare_acronyms(text)
                .map(|w| (w.text, w.start, w.before, w.after))
                .collect();
            assert_eq!(some, all, "{text}");
        }
    }

    #[test]
    fn capitals_eight_bytes_at_a_time() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut eight = [b'a'; 8];
                eight[at] = b;
                let x = u64::from_le_bytes(eight);
                assert_eq!(has_capital(x), b.is_ascii_uppercase(), "{b} at {at}");
                // A non-ASCII byte before must not carry into it.
                if at > 0 {
                    eight[at - 1] = 0xFF;
                    let x = u64::from_le_bytes(eight);
                    assert_eq!(has_capital(x), b.is_ascii_uppercase(), "{b} at {at}");
                }
            }
        }
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut eight = [0xFF; 8];
                eight[at] = b;
                let x = u64::from_le_bytes(eight);
                assert_eq!(has_byte_in(x, b'0', b'9'), b.is_ascii_digit(), "{b}");
                assert_eq!(has_byte_in(x, 1, 0x7F), (1..0x80).contains(&b), "{b}");
            }
        }
        let text = b"abcdefghijklmnopqrsTuvwxyz Ab";
        for from in 0..=text.len() + 1 {
            let want = (from..text.len()).find(|&i| text[i].is_ascii_uppercase());
            assert_eq!(next_capital(text, from), want, "{from}");
        }
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
