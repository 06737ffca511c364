//! Which SDGs an action serves: the goals it names, and the goals whose
//! subject its words speak of. Used by the lines rule (JP071) and the summary.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::RegexSet;

use crate::model::{Action, Line};

/// Word stems that speak of each goal's subject, written for plans of
/// bilateral cooperation (not an official mapping). Goal 17 has none: every
/// action of a joint plan is a partnership, so any action serves it.
const SUBJECTS: &[(u32, &str)] = &[
    (1, r"povert|social protection|social security"),
    (2, r"hunger|food|agricultur|farm|nutrition|fisher"),
    (
        3,
        r"health|medic|disease|vaccin|pandemic|clinical|drug|care\b|ageing|elderly|welfare|antimicrobial|\bamr\b|pharma|hospital|life science",
    ),
    (
        4,
        r"educat|school|universit|student|scholar|training|skills|learning",
    ),
    (5, r"gender|women|girls|equality"),
    (6, r"water|sanitation|wastewater"),
    (
        7,
        r"energy|renewable|power generation|electricit|wind|solar|coal|hydrogen|grid",
    ),
    (
        8,
        r"trade|job|employment|econom|business|tourism|growth|export|investment|startup|start-up|entrepreneur",
    ),
    (
        9,
        r"industr|innovation|infrastructure|technolog|research|r&d|digital|tech\b|connectivity|ict|iot|robotic|science",
    ),
    (10, r"inequalit|migration|inclusion|diversity"),
    (
        11,
        r"cities|city|urban|municipal|housing|transport|local government|regions",
    ),
    (
        12,
        r"circular|consumption|production pattern|sustainable production|waste|recycl|resource efficien|chemical|food loss",
    ),
    (
        13,
        r"climate|emission|carbon|greenhouse|ghg|net zero|low-carbon|zero emission",
    ),
    (14, r"ocean|marine|maritime|sea\b|fisher|coastal|shipping"),
    (
        15,
        r"forest|biodiversity|land\b|ecosystem|wildlife|desertification|arctic",
    ),
    (
        16,
        r"peace|justice|human rights|governance|institution|security|rule of law|democra|cyber|law\b",
    ),
];

/// All subjects in one set, so each action's text is scanned once, not once per goal.
static PATTERNS: LazyLock<RegexSet> = LazyLock::new(|| {
    // ASCII word boundaries keep the set on the fast DFA; the stems are ASCII.
    RegexSet::new(
        SUBJECTS
            .iter()
            .map(|(_, p)| format!(r"(?i)(?-u:\b)(?:{})", p.replace(r"\b", r"(?-u:\b)"))),
    )
    .expect("the SDG subject patterns are valid (tested)")
});

/// The goals one action serves.
pub fn served_by_action(action: &Action) -> BTreeSet<u32> {
    let mut goals: BTreeSet<u32> = action.sdgs.iter().map(|m| m.goal).collect();
    goals.insert(17);
    goals.extend(
        PATTERNS
            .matches(&action.text)
            .into_iter()
            .filter_map(|i| SUBJECTS.get(i).map(|(g, _)| *g)),
    );
    goals
}

/// The goals some action of a line serves.
pub fn served_by_line(line: &Line) -> BTreeSet<u32> {
    line.actions().flat_map(served_by_action).collect()
}

/// The goals each line serves, one set per line in plan order.
pub fn served_by_lines(plan: &crate::model::Plan) -> Vec<BTreeSet<u32>> {
    plan.lines.iter().map(served_by_line).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        assert_eq!(PATTERNS.len(), SUBJECTS.len());
    }
}
