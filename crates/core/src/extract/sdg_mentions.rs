//! SDG mentions in every form plans use: "SDG 7", "SDG7", "SDGs 6 and 7",
//! "SDG 6 (Clean Water and Sanitation)", "SDG 5 (…), 16 (…) and 17 (…)",
//! "Goal 13", "SDG target 7.2".

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// One SDG named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Goal number as written.
    pub goal: u32,
    /// Target id, dotted, when a target is named (`7.2`, `1.a`).
    pub target: Option<String>,
    /// The title in parentheses after the number, if any.
    pub title: Option<String>,
    /// Byte range of the number and its title.
    pub range: Range<usize>,
}

// "SDG", "SDGs", "SDG target(s)", "Sustainable Development Goal(s)", "Goal(s)",
// and the goals' Danish and Korean names ("Verdensmål 7", "지속가능발전목표 7").
static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)(?:(?-u:\b)(?:SDGs?|Sustainable\ Development\ Goals?|Goals?|Verdensmål(?:ene)?)|지속가능발전목표)(?:\ targets?)?(?:\ (?:no\.|nos\.|number|numbers))?[\ \u{a0}]*(?:\#)?([0-9]{1,3}(?:\.(?:[0-9]{1,2}|[a-z])(?-u:\b))?)",
    )
    .expect("SDG lead pattern is valid")
});

// After one number: ", 7 (…)", " and 17 (…)", ", and 17", " & 9", "/13".
static NEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&|or)\s+|\s*/\s*)(?:SDG\s?)?([0-9]{1,3}(?:\.(?:[0-9]{1,2}|[a-z])(?-u:\b))?)")
        .expect("SDG list pattern is valid")
});

// A title in parentheses right after a number: "7 (Affordable and Clean Energy)".
static TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\(([^()]{2,120})\)").expect("SDG title pattern is valid"));

static TITLE_COLON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[:–-]\s*([A-Z][A-Za-z ,&'-]{2,80}?)(?:[.;]|$)")
        .expect("SDG colon title pattern is valid")
});

/// Every SDG mention in `text`, in order.
pub fn find(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for caps in LEAD.captures_iter(text) {
        let (Some(whole), Some(first)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let first = first.range();
        // A bare "Goal 3" is only an SDG when the text speaks of SDGs or the lead says so.
        let lead = &text[whole.start()..first.start];
        if lead.starts_with("Goal")
            && !text.contains("SDG")
            && !text.contains("Sustainable Development")
        {
            continue;
        }
        let mut pos = push(text, first.clone(), first.start, &mut out);
        // Continue the list: ", 7 (…), 12 (…) and 17 (…)".
        while let Some(next) = NEXT.captures(&text[pos..]) {
            let Some(num) = next.get(1) else { break };
            let r = (pos + num.start())..(pos + num.end());
            pos = push(text, r.clone(), r.start, &mut out);
        }
    }
    out
}

/// Records the mention at `num` (with its title), returns the byte after it.
fn push(text: &str, num: Range<usize>, start: usize, out: &mut Vec<Found>) -> usize {
    let digits = &text[num.clone()];
    let (goal_str, target) = match digits.split_once('.') {
        Some((g, _)) => (g, Some(digits.to_lowercase())),
        None => (digits, None),
    };
    let goal = goal_str.parse().unwrap_or(0);
    let rest = &text[num.end..];
    let (title, end) = if let Some(t) = TITLE.captures(rest)
        && let (Some(all), Some(title)) = (t.get(0), t.get(1))
    {
        (Some(title.as_str().trim().to_owned()), num.end + all.end())
    } else if let Some(t) = TITLE_COLON.captures(rest).filter(|_| target.is_none()) {
        let g = t.get(1).map_or(0..0, |m| m.range());
        (Some(rest[g.clone()].trim().to_owned()), num.end + g.end)
    } else {
        (None, num.end)
    };
    // "prioritized SDG7" and "SDG 7 (…)" are both one mention each; drop exact repeats.
    if !out.iter().any(|f: &Found| f.range.start == start) {
        out.push(Found {
            goal,
            target,
            title,
            range: start..end,
        });
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goals(text: &str) -> Vec<u32> {
        find(text).iter().map(|f| f.goal).collect()
    }

    #[test]
    fn danish_and_korean_names_of_the_goals() {
        assert_eq!(goals("som bidrager til Verdensmål 7."), [7]);
        assert_eq!(goals("지속가능발전목표 7 달성을 위한 공동 연구"), [7]);
        assert_eq!(goals("SDG 3 관련 공동 세미나"), [3]);
    }

    #[test]
    fn every_written_form() {
        assert_eq!(goals("implementation of SDG7 with a focus"), [7]);
        assert_eq!(goals("in line with SDG 7."), [7]);
        assert_eq!(goals("SDGs 6 and 7"), [6, 7]);
        assert_eq!(
            goals(
                "SDG 5 (Gender Equality), 16 (Peace, Justice and Strong Institutions) and 17 (Partnerships)."
            ),
            [5, 16, 17]
        );
        assert_eq!(
            goals(
                "SDG 6 (Clean Water and Sanitation), 7 (Affordable and Clean Energy), 12 (Responsible Consumption and Production), 13 (Climate Action), and 17 (Partnerships)."
            ),
            [6, 7, 12, 13, 17]
        );
        assert_eq!(goals("Sustainable Development Goal 13"), [13]);
        assert_eq!(goals("SDG 3/13"), [3, 13]);
    }

    #[test]
    fn titles_and_targets() {
        let f = find("SDG 6 (Clean Water and Sanitation), 7 (Affordable and Clean Energy)");
        assert_eq!(f[0].title.as_deref(), Some("Clean Water and Sanitation"));
        assert_eq!(f[1].title.as_deref(), Some("Affordable and Clean Energy"));
        let f = find("contributing to SDG target 7.2 and 1.a");
        assert_eq!(f[0].target.as_deref(), Some("7.2"));
        assert_eq!(f[1].target.as_deref(), Some("1.a"));
        assert_eq!(f[0].goal, 7);
    }

    #[test]
    fn out_of_range_numbers_are_kept_for_the_linter() {
        assert_eq!(goals("SDG 18 (Nonsense)"), [18]);
    }

    #[test]
    fn no_sdg_no_mention() {
        assert!(goals("the Sustainable Development Goals and the Paris Agreement").is_empty());
        assert!(goals("Goal 3 of the company").is_empty());
        assert!(goals("a 20% target by 2030").is_empty());
    }

    #[test]
    fn ranges_cover_number_and_title() {
        let t = "promotion of SDG 3 (Good Health and Well-being), 13 (Climate Action).";
        let f = find(t);
        assert_eq!(&t[f[0].range.clone()], "3 (Good Health and Well-being)");
        assert_eq!(&t[f[1].range.clone()], "13 (Climate Action)");
    }
}
