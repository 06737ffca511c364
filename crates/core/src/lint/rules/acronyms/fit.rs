//! Can an acronym's letters be read out of a name?

use std::collections::HashSet;

/// Words that count as a digit ("P4G": Partnering for Green …).
const DIGITS: &[(char, &[&str])] = &[
    ('1', &["one", "first"]),
    ('2', &["two", "second", "to"]),
    ('3', &["three", "third"]),
    ('4', &["four", "fourth", "for"]),
];

/// True when `acronym`'s letters can be read, in order, from the initials
/// of `words` (the first word's initial first) or from later letters of
/// the word last used; small and other words may be skipped, and at most
/// three content words may follow the last letter used. "K" reads
/// Korea/Korean and "DK" reads Danish/Denmark; a digit reads its number
/// word; hyphens, `&` and dots in the acronym are ignored.
pub fn fits(acronym: &str, words: &[String]) -> bool {
    fits_prepared(&letters(acronym), &prepare(words))
}

/// The letters of an acronym that must be read: lower case, no `-`, `&` or dots.
pub fn letters(acronym: &str) -> Vec<char> {
    acronym
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Words in lower case, as characters: prepared once per name, tried from every start.
pub fn prepare(words: &[String]) -> Vec<Vec<char>> {
    words
        .iter()
        .map(|w| w.chars().flat_map(char::to_lowercase).collect())
        .collect()
}

/// [`fits`] on prepared letters and words.
pub fn fits_prepared(letters: &[char], words: &[Vec<char>]) -> bool {
    let Some(&first) = letters.first() else {
        return false;
    };
    // Cheap rejection: a letter (not a digit) must start the first word.
    if words
        .first()
        .is_none_or(|w| first.is_alphabetic() && w.first() != Some(&first))
    {
        return false;
    }
    let mut failed = HashSet::new();
    initial(letters, 0, words, 0)
        .is_some_and(|(k, pos)| walk(letters, k, words, 0, pos, &mut failed))
}

/// How many letters from `ai` the initial of `word` reads, and where in the word that leaves us.
fn initial(letters: &[char], ai: usize, words: &[Vec<char>], wi: usize) -> Option<(usize, usize)> {
    let word = &words[wi];
    let c = *letters.get(ai)?;
    let is = |w: &str| word.iter().copied().eq(w.chars());
    if c == 'd'
        && letters.get(ai + 1) == Some(&'k')
        && (is("danish") || is("denmark") || is("dansk"))
    {
        return Some((ai + 2, 0));
    }
    if c.is_ascii_digit() {
        let reads = DIGITS
            .iter()
            .any(|(d, ws)| *d == c && ws.iter().any(|w| is(w)))
            || word.first() == Some(&c);
        return reads.then_some((ai + 1, word.len()));
    }
    (word.first() == Some(&c)).then_some((ai + 1, 0))
}

fn walk(
    letters: &[char],
    ai: usize,
    words: &[Vec<char>],
    wi: usize,
    pos: usize,
    failed: &mut HashSet<(usize, usize, usize)>,
) -> bool {
    if ai == letters.len() {
        let trailing = words[wi + 1..]
            .iter()
            .filter(|w| !super::STOP.iter().any(|s| w.iter().copied().eq(s.chars())))
            .count();
        return trailing <= 3;
    }
    if failed.contains(&(ai, wi, pos)) {
        return false;
    }
    let c = letters[ai];
    let word = &words[wi];
    for (q, &ch) in word.iter().enumerate().skip(pos + 1) {
        if ch == c && walk(letters, ai + 1, words, wi, q, failed) {
            return true;
        }
    }
    for wj in wi + 1..words.len() {
        if let Some((next, p)) = initial(letters, ai, words, wj)
            && walk(letters, next, words, wj, p, failed)
        {
            return true;
        }
    }
    failed.insert((ai, wi, pos));
    false
}

#[cfg(test)]
mod tests {
    use super::fits;

    fn w(s: &str) -> Vec<String> {
        super::super::words_of(s)
    }

    #[test]
    fn conventions_fit() {
        for (a, name) in [
            ("MSIT", "Ministry of Science and ICT"),
            ("DKMA", "Danish Medicines Agency"),
            ("DMA", "Danish Medicines Agency"),
            ("MOF", "Ministry of Oceans and Fisheries"),
            (
                "MIBF",
                "Ministry of Industry, Business and Financial Affairs",
            ),
            ("HIRA", "Health Insurance Review Assessment Service"),
            (
                "KAIA",
                "Korea Agency for Infrastructure Technology Advancement",
            ),
            ("P4G", "Partnering for Green Growth and Global Goals"),
            ("4iR", "Fourth Industrial Revolution"),
            ("B2B", "business-to-business"),
            ("S&T", "Science and Technology"),
            ("AMR", "Antimicrobial Resistance"),
            ("K-ETS", "Korea Emissions Trading Scheme"),
            ("IoT", "Internet of Things"),
        ] {
            assert!(fits(a, &w(name)), "{a} = {name}");
        }
    }

    #[test]
    fn missing_letters_do_not_fit() {
        for (a, name) in [
            ("NHIS", "National Insurance Service"),
            ("DKMA", "Korean Medicines Agency"),
            ("WHO", "World Trade Organization"),
            ("ABC", "Alpha Beta"),
        ] {
            assert!(!fits(a, &w(name)), "{a} = {name}");
        }
    }
}
