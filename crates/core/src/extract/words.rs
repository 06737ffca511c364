//! Small word helpers shared by the extraction rules.

/// A comparison key for names: lower case, `&` as "and", punctuation and
/// articles dropped, plurals folded ("Medicines Agency" = "Medicine Agency").
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !(c.is_alphanumeric() || c == '&'))
        .filter(|w| !w.is_empty())
    {
        let lower = word.to_lowercase();
        let w = if lower == "&" {
            "and".to_owned()
        } else {
            lower
        };
        if matches!(w.as_str(), "the" | "a" | "an") {
            continue;
        }
        let w = if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
            w[..w.len() - 1].to_owned()
        } else {
            w
        };
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w);
    }
    out
}

/// True when a word is written as an acronym: two or more capitals or digits,
/// optionally with `&`, `-` and lower-case letters between ("P4G", "4iR", "K-SURE", "S&T").
pub fn is_acronym(word: &str) -> bool {
    let upper = word.chars().filter(|c| c.is_ascii_uppercase()).count();
    let digits = word.chars().filter(|c| c.is_ascii_digit()).count();
    let lower = word.chars().filter(|c| c.is_lowercase()).count();
    let ok_chars = word
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '&' | '-'));
    ok_chars
        && word.len() >= 2
        && word.len() <= 10
        && upper >= 1
        && upper + digits >= 2
        && lower <= upper
        && !word.starts_with('-')
        && !word.ends_with('-')
        && !word.chars().all(|c| c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_folds_case_articles_and_plurals() {
        assert_eq!(
            normalise("the Danish Medicines Agency"),
            normalise("Danish Medicine Agency")
        );
        assert_eq!(
            normalise("Industry, Innovation & Infrastructure"),
            "industry innovation and infrastructure"
        );
    }

    #[test]
    fn acronym_shapes() {
        for a in ["GGA", "P4G", "4iR", "K-SURE", "S&T", "DKMA", "IoT", "NDCs"] {
            assert!(is_acronym(a), "{a}");
        }
        for w in ["Denmark", "a", "2030", "-", "I", "Korea"] {
            assert!(!is_acronym(w), "{w}");
        }
    }
}
