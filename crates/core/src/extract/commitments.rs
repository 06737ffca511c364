//! Commitments written as prose: the sentences of a section without bullets
//! that state what the parties will do ("The two leaders agreed to hold …"),
//! and the lead-in sentences that introduce a list ("The leaders will:").
//!
//! A sentence is a commitment when it holds one of the words of
//! [`COMMITMENT`]; the word is kept as the rule that found it, so that the
//! linter and the coordinator can see the action was inferred.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// The words that make a sentence a commitment, in English, Danish and
/// Korean (a Korean plan states its actions with the verb ending -한다,
/// "추진한다", "개최한다").
static COMMITMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b(?:will|shall|agreed\ to|agree\ to|agrees\ to|committed\ to|commit\ to|commits\ to
           |decided\ to|decide\ to|intend\ to|intends\ to|plan\ to|plans\ to|undertake\ to
           |undertook\ to|launched|launch|welcomed|welcome|established|establish
           |vil|skal|aftalt\ at|besluttet\ at|forpligter\ sig\ til)\b
        |[\p{Hangul}]+한다\b",
    )
    .expect("commitment pattern is valid")
});

/// A sentence: up to a full stop, question or exclamation mark followed by
/// white space, or the end of the text.
static SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[^\s].*?(?:[.!?](?:\s|$)|$)").expect("sentence pattern is valid")
});

/// A lead-in: a sentence that ends in a colon and introduces the items
/// under it ("The leaders will:", "… committed to the following:").
static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:will|shall|to|following|including|include|includes|as\ follows|are|is|vil|skal)\s*:$")
        .expect("lead-in pattern is valid")
});

/// The word that makes `sentence` a commitment, as written, if any.
pub fn commitment_word(sentence: &str) -> Option<&str> {
    COMMITMENT.find(sentence).map(|m| m.as_str())
}

/// True when `text` introduces a list of commitments rather than heading it:
/// it ends in a colon after a word that leads in, or it states a commitment
/// ("Japan and Australia will, where possible:").
pub fn is_lead_in(text: &str) -> bool {
    let text = text.trim_end();
    LEAD_IN.is_match(text) || (text.ends_with(':') && commitment_word(text).is_some())
}

/// The sentences of `text`, as byte ranges without the white space after them.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    SENTENCE
        .find_iter(text)
        .map(|m| m.start()..m.start() + m.as_str().trim_end().len())
        .filter(|r| !r.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commitments_by_their_words() {
        for s in [
            "The two leaders agreed to hold an annual Joint Commission meeting.",
            "Both sides will cooperate on water management.",
            "The leaders welcomed the signing of a Memorandum of Understanding.",
            "The Netherlands intends to support Indonesian universities.",
            "Both governments decided to launch a joint working group.",
            "Danmark og Vietnam vil styrke samarbejdet.",
            "공동 연구를 추진한다.",
        ] {
            assert!(commitment_word(s).is_some(), "{s}");
        }
        for s in [
            "The leaders noted the long history of trade between the two countries.",
            "The Netherlands and Indonesia have worked together since 1949.",
            "Goodwill between the parties.",
        ] {
            assert_eq!(commitment_word(s), None, "{s}");
        }
        assert_eq!(commitment_word("They agreed to meet."), Some("agreed to"));
    }

    #[test]
    fn lead_ins_end_in_a_colon() {
        assert!(is_lead_in("The leaders will:"));
        assert!(is_lead_in("The two governments committed to:"));
        assert!(is_lead_in("Priorities include the following:"));
        assert!(is_lead_in("The two governments will, where possible:"));
        assert!(!is_lead_in("Research and innovation:"));
        assert!(!is_lead_in("The leaders will meet."));
    }

    #[test]
    fn sentences_split_at_full_stops() {
        let t = "One sentence. Another one! A third, without a stop";
        let got: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            got,
            ["One sentence.", "Another one!", "A third, without a stop"]
        );
        let t = "The value is 2.5 per cent. Next.";
        let got: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(got, ["The value is 2.5 per cent.", "Next."]);
    }
}
