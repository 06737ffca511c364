//! Ten plans shaped as governments publish them (written for these tests,
//! under `tests/fixtures/shapes/`): each imports with the lines and actions
//! its text has, and says where its structure had to be guessed.

use jointplan_core::{Frequency, Plan};
use jointplan_import::{Outcome, import_file_with_guesses};

fn import(name: &str) -> Outcome {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/shapes")
        .join(name);
    import_file_with_guesses(&path, None).unwrap_or_else(|e| panic!("{name} imports: {e}"))
}

/// Each line's title with its number of actions.
fn lines(p: &Plan) -> Vec<(String, usize)> {
    p.lines
        .iter()
        .map(|l| (l.title.clone(), l.actions().count()))
        .collect()
}

fn headings(p: &Plan) -> Vec<&str> {
    p.tracks().map(|t| t.heading.as_str()).collect()
}

fn parties(p: &Plan) -> Vec<&str> {
    p.partnership
        .parties
        .iter()
        .map(|x| x.code.as_str())
        .collect()
}

fn orgs<'p>(p: &'p Plan, code: &str) -> Vec<&'p str> {
    p.action(code)
        .map(|a| a.organisations.iter().map(|o| o.id.as_str()).collect())
        .unwrap_or_default()
}

fn hedged(p: &Plan) -> Vec<&str> {
    p.actions()
        .filter(|a| a.strength.is_hedged())
        .map(|a| a.code.as_str())
        .collect()
}

fn signed(p: &Plan) -> Option<(i32, Option<u8>, Option<u8>)> {
    p.signed.map(|d| (d.year, d.month, d.day))
}

fn recurrence(p: &Plan, code: &str) -> Option<Frequency> {
    p.action(code)
        .and_then(|a| a.recurrence.as_ref())
        .map(|r| r.frequency)
}

fn yearly(interval: u32) -> Option<Frequency> {
    Some(Frequency::Years { interval })
}

#[test]
fn press_release_fact_sheet_with_bold_headings_and_lead_ins() {
    let o = import("fact-sheet-us-kr.txt");
    let p = &o.imported.plan;
    assert_eq!(parties(p), ["US", "KR"]);
    assert_eq!(signed(p), Some((2021, Some(5), Some(21))));
    // The alliance's history (1953) is no period.
    assert_eq!(p.period, None);
    assert_eq!(p.lines.len(), 1);
    assert_eq!(
        headings(p),
        [
            "Climate and Clean Energy",
            "Health Security",
            "Emerging Technologies"
        ]
    );
    assert_eq!(p.actions().count(), 7);
    assert_eq!(hedged(p), ["1.1.3"]);
    assert_eq!(recurrence(p, "1.1.2"), yearly(1));
    // The lead-in names the agency both of its items are done through.
    assert_eq!(orgs(p, "1.2.1"), ["kdca"]);
    assert!(orgs(p, "1.2.2").contains(&"kdca"));
    assert_eq!(orgs(p, "1.1.1"), ["doe", "motie"]);
    assert!(o.guesses.is_empty(), "{:?}", o.guesses);
}

#[test]
fn leaders_statement_in_prose_only() {
    let o = import("joint-statement-nl-id.txt");
    let p = &o.imported.plan;
    assert_eq!(parties(p), ["NL", "ID"]);
    assert_eq!(signed(p), Some((2021, Some(2), Some(23))));
    assert_eq!(p.period, None, "1949 and 2013 are history, not the period");
    assert_eq!(lines(p), [("Joint Statement".to_owned(), 5)]);
    let texts: Vec<&str> = p.actions().map(|a| a.text.as_str()).collect();
    assert_eq!(
        texts[0],
        "The two leaders agreed to hold an annual Joint Commission meeting chaired by the foreign ministers."
    );
    // "noted" states no commitment.
    assert!(!texts.iter().any(|t| t.contains("noted")));
    assert_eq!(p.action("1.1.2").map(|a| a.sdgs[0].goal), Some(6));
    // One finding for the whole document, one per inferred action, each
    // naming the word that made the sentence a commitment.
    assert_eq!(o.guesses.len(), 6);
    assert!(o.guesses[0].message.contains("whole document is one line"));
    let words: Vec<&str> = o.guesses[1..].iter().map(|d| d.message.as_str()).collect();
    assert!(words[0].contains("\"agreed to\""), "{words:?}");
    assert!(words[4].contains("\"decided to\""), "{words:?}");
    assert_eq!(o.guesses[5].action.as_deref(), Some("1.1.5"));
    // The linter reports them with its own findings.
    let report = o.lint(&jointplan_core::lint::LintConfig::default());
    let guessed = report
        .diagnostics
        .iter()
        .filter(|d| d.name == "inferred-structure")
        .count();
    assert_eq!(guessed, 6);
}

#[test]
fn roadmap_with_bold_headings_bold_lead_phrases_and_nested_items() {
    let o = import("roadmap-jp-au.md");
    let p = &o.imported.plan;
    assert_eq!(parties(p), ["JP", "AU"]);
    assert_eq!(
        p.title,
        "Japan–Australia Roadmap for Economic Security Cooperation"
    );
    assert_eq!(p.period.map(|x| (x.start, x.end)), Some((2023, 2026)));
    assert_eq!(signed(p), Some((2023, Some(10), Some(14))));
    assert_eq!(
        lines(p),
        [
            ("Critical minerals".to_owned(), 2),
            ("Clean energy".to_owned(), 3)
        ]
    );
    // Sub-items belong to their parent, not beside it.
    let a = p.action("1.1.1").expect("1.1.1");
    assert!(a.text.starts_with("Supply chains: develop"), "{}", a.text);
    assert!(
        a.text
            .ends_with("including: joint screening of processing projects; a shared register of strategic deposits."),
        "{}",
        a.text
    );
    assert_eq!(orgs(p, "1.1.2"), ["jogmec"]);
    assert_eq!(recurrence(p, "2.1.2"), yearly(2));
    assert_eq!(hedged(p), ["2.1.3"]);
}

#[test]
fn numbered_paragraphs_under_upper_case_headings() {
    let o = import("numbered-statement-ca-mx.txt");
    let p = &o.imported.plan;
    assert_eq!(parties(p), ["CA", "MX"]);
    assert_eq!(p.period.map(|x| (x.start, x.end)), Some((2024, 2026)));
    assert_eq!(signed(p), Some((2024, Some(3), Some(14))));
    assert_eq!(
        headings(p),
        ["TRADE AND INVESTMENT", "LABOUR MOBILITY", "ENVIRONMENT"]
    );
    // Paragraph 1 is the introduction's history; 2-7 are the actions,
    // "(6)" and "(7)" as well as "2." to "5.".
    assert_eq!(p.actions().count(), 6);
    assert!(p.action("1.3.1").is_some_and(|a| a.sdgs[0].goal == 13));
    assert_eq!(hedged(p), ["1.2.2"]);
    assert_eq!(recurrence(p, "1.1.1"), yearly(1));
}

#[test]
fn ministry_web_page_with_strong_underlined_and_bold_paragraph_headings() {
    let o = import("ministry-page-se-kr.html");
    let p = &o.imported.plan;
    assert_eq!(parties(p), ["SE", "KR"]);
    assert_eq!(p.title, "Sweden – Korea Innovation Partnership Action Plan");
    assert_eq!(signed(p), Some((2024, Some(6), Some(14))));
    assert_eq!(
        lines(p),
        [
            ("Digital transition".to_owned(), 2),
            ("Life sciences".to_owned(), 2),
            ("Sustainable cities".to_owned(), 1)
        ]
    );
    // The site's navigation and footer are not the plan.
    assert!(!p.actions().any(|a| a.text.contains("Cookies")));
    // "will, where possible:" hedges both items under it.
    assert_eq!(hedged(p), ["1.1.1", "1.1.2", "2.1.2"]);
    assert!(orgs(p, "1.1.1").contains(&"msit"));
    assert_eq!(p.action("2.1.1").map(|a| a.sdgs[0].goal), Some(3));
}

#[test]
fn word_document_with_bold_paragraphs_for_headings() {
    let o = import("bold-headings-fi-vn.docx");
    let p = &o.imported.plan;
    assert_eq!(parties(p), ["FI", "VN"]);
    assert_eq!(p.title, "Finland – Viet Nam Action Plan for Cooperation");
    assert_eq!(p.period.map(|x| (x.start, x.end)), Some((2024, 2027)));
    assert_eq!(signed(p), Some((2024, Some(11), Some(5))));
    assert_eq!(
        headings(p),
        ["Education", "Forestry and bioeconomy", "Water"]
    );
    assert_eq!(p.actions().count(), 5);
    assert_eq!(hedged(p), ["1.2.2"]);
    assert_eq!(recurrence(p, "1.1.2"), yearly(1));
}

#[test]
fn work_programme_with_two_heading_levels_and_no_numbers() {
    let o = import("work-programme-ie-in.txt");
    let p = &o.imported.plan;
    assert_eq!(parties(p), ["IE", "IN"]);
    assert_eq!(p.title, "Ireland – India Work Programme");
    assert_eq!(p.period.map(|x| (x.start, x.end)), Some((2025, 2027)));
    assert_eq!(
        lines(p),
        [
            ("Education and Research".to_owned(), 3),
            ("Culture and People".to_owned(), 3)
        ]
    );
    assert_eq!(
        headings(p),
        [
            "Higher education",
            "Research",
            "Film and festivals",
            "Tourism"
        ]
    );
    assert_eq!(recurrence(p, "2.2.1"), yearly(2));
}

#[test]
fn another_party_pair_with_wrapped_and_colon_headings() {
    let o = import("wrapped-headings-de-ca.txt");
    let p = &o.imported.plan;
    assert_eq!(parties(p), ["DE", "CA"]);
    assert_eq!(p.period.map(|x| (x.start, x.end)), Some((2022, 2025)));
    assert_eq!(signed(p), Some((2022, Some(8), Some(23))));
    assert_eq!(
        lines(p),
        [
            (
                "Energy Security and the Transatlantic Hydrogen Alliance".to_owned(),
                2
            ),
            (
                "Critical Raw Materials and Responsible Supply Chains".to_owned(),
                2
            ),
            ("Research and innovation".to_owned(), 1)
        ]
    );
    assert_eq!(orgs(p, "3.1.1"), ["dfg", "nserc"]);
    assert_eq!(hedged(p), ["2.1.2"]);
}

#[test]
fn plan_in_korean() {
    let o = import("plan-ko-kr-dk.txt");
    let p = &o.imported.plan;
    assert_eq!(parties(p), ["KR", "DK"]);
    assert_eq!(p.period.map(|x| (x.start, x.end)), Some((2025, 2028)));
    assert_eq!(signed(p), Some((2025, Some(5), Some(20))));
    // 가. 나. are the lines, □ the tracks, ○ and ㅇ the actions, - a sub-item.
    assert_eq!(
        lines(p),
        [("에너지 전환".to_owned(), 3), ("보건 협력".to_owned(), 2)]
    );
    assert_eq!(
        headings(p),
        ["해상풍력 협력", "수소 협력", "의약품 규제 협력"]
    );
    assert_eq!(orgs(p, "1.1.1"), ["motie", "dea"]);
    assert_eq!(orgs(p, "2.1.1"), ["mfds", "dkma"]);
    let dea = p.organisation("dea").expect("dea");
    assert_eq!(dea.party.as_deref(), Some("DK"));
    assert_eq!(recurrence(p, "1.1.1"), yearly(1));
    let a = p.action("1.2.1").expect("1.2.1");
    assert!(
        a.text
            .ends_with("추진한다. 격년으로 전문가 회의를 개최한다."),
        "{}",
        a.text
    );
    assert_eq!(recurrence(p, "1.2.1"), yearly(2));
    assert_eq!(p.action("1.1.2").map(|a| a.sdgs[0].goal), Some(7));
    assert_eq!(p.action("2.1.2").map(|a| a.sdgs[0].goal), Some(3));
}

#[test]
fn plan_in_danish() {
    let o = import("plan-da-dk-vn.txt");
    let p = &o.imported.plan;
    assert_eq!(parties(p), ["DK", "VN"]);
    assert_eq!(p.period.map(|x| (x.start, x.end)), Some((2024, 2027)));
    assert_eq!(
        lines(p),
        [("Grøn omstilling".to_owned(), 3), ("Sundhed".to_owned(), 2)]
    );
    assert_eq!(recurrence(p, "1.1.1"), yearly(1));
    assert_eq!(recurrence(p, "2.1.1"), yearly(2));
    assert_eq!(p.action("1.1.2").map(|a| a.sdgs[0].goal), Some(7));
    assert_eq!(hedged(p), ["2.1.2"]);
    let found = orgs(p, "1.1.1");
    assert!(
        found.contains(&"dea") && found.contains(&"moit"),
        "{found:?}"
    );
}
