//! Headings written in capitals, read as titles: "SUSTAINABILITY & GREEN
//! TRANSITION" → "Sustainability & Green Transition".

const SMALL: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",
];

/// Title case for text in capitals; other text is returned as written.
pub fn title_case(text: &str) -> String {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let upper = text.chars().filter(|c| c.is_uppercase()).count();
    if letters == 0 || upper * 10 < letters * 9 {
        return text.trim().to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let lower = word.to_lowercase();
        if i > 0 && SMALL.contains(&lower.as_str()) {
            out.push_str(&lower);
            continue;
        }
        // Capitalise each part of "GOVERNMENT-TO-GOVERNMENT" and "CANADA–MEXICO".
        let mut cap = true;
        for c in lower.chars() {
            if cap && c.is_alphabetic() {
                out.extend(c.to_uppercase());
                cap = false;
            } else {
                out.push(c);
            }
            if matches!(c, '-' | '/' | '\u{2013}' | '\u{2014}') {
                cap = true;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_become_titles() {
        assert_eq!(
            title_case("SUSTAINABILITY & GREEN TRANSITION"),
            "Sustainability & Green Transition"
        );
        assert_eq!(
            title_case(
                "JOINT ACTION PLAN FOR THE STRATEGIC PARTNERSHIP AND THE GREEN GROWTH ALLIANCE"
            ),
            "Joint Action Plan for the Strategic Partnership and the Green Growth Alliance"
        );
        assert_eq!(title_case("Already Mixed case"), "Already Mixed case");
        assert_eq!(
            title_case("CANADA\u{2013}MEXICO PARTNERSHIP"),
            "Canada\u{2013}Mexico Partnership"
        );
        assert_eq!(title_case("NORTH\u{2014}SOUTH"), "North\u{2014}South");
    }
}
