//! Plain-text plans shaped unlike the reference plan: Roman numerals and
//! lettered tracks, decimal numbering with numbered actions, and a plan with
//! no line headings at all.

use jointplan_core::{AgreementStatus, Plan, TrackKind};

fn import(name: &str) -> Plan {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/text")
        .join(name);
    jointplan_import::import_file(&path, None)
        .expect("imports")
        .plan
}

#[test]
fn roman_lines_lettered_tracks_and_bullets() {
    let p = import("no-ju-roman.txt");
    assert_eq!(p.slug, "no-jp-2024-2027");
    assert_eq!(p.title, "Strategic Partnership Work Programme");
    assert_eq!(
        p.lines.len(),
        3,
        "the table of contents is not three more lines"
    );
    assert_eq!(p.tracks().count(), 5);
    assert_eq!(p.actions().count(), 10);
    // An item over three lines is one action, with its words joined.
    let a = p.action("1.1.1").expect("1.1.1");
    assert!(
        a.text.ends_with("alternating between Oslo and Tokyo."),
        "{}",
        a.text
    );
    // The item after a blank line still belongs to the track.
    assert!(p.action("1.1.3").is_some_and(|a| a.strength.is_hedged()));
    assert_eq!(
        p.signed.map(|d| (d.year, d.month, d.day)),
        Some((2024, Some(3), Some(12)))
    );
    let names: Vec<(&str, &str)> = p
        .signatories
        .iter()
        .map(|s| (s.name.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("Espen Barth Eide", "Minister of Foreign Affairs"),
            ("Yoko Kamikawa", "Minister for Foreign Affairs")
        ]
    );
    assert_eq!(p.agreements.len(), 3);
    assert_eq!(p.agreements_pending(), 1);
    assert_eq!(
        p.agreements
            .iter()
            .find(|a| a.status == AgreementStatus::Pending)
            .map(|a| a.years.clone()),
        Some(vec![2024])
    );
    assert!(
        p.organisations
            .iter()
            .any(|o| o.acronyms.contains(&"METI".to_owned()))
    );
    assert!(
        p.organisations
            .iter()
            .any(|o| o.acronyms.contains(&"JETRO".to_owned()))
    );
    assert_eq!(p.mechanisms.len(), 2);
    assert!(
        p.targets
            .iter()
            .any(|t| t.party.as_deref() == Some("JP") && t.value == 46.0)
    );
    assert_eq!(
        p.lines[1]
            .sdgs
            .first()
            .and_then(|s| s.title_as_written.as_deref()),
        Some("Life Below Water")
    );
}

#[test]
fn decimal_numbering_and_numbered_actions() {
    let p = import("de-in-decimal.txt");
    assert_eq!(p.slug, "de-in-2022-2025");
    let numbers: Vec<u32> = p.lines.iter().map(|l| l.number).collect();
    assert_eq!(
        numbers,
        [2, 3],
        "the document's own numbers; the preamble is no line"
    );
    assert_eq!(p.actions().count(), 6);
    // Sub-items "(a)", "(b)" belong to their action.
    let a = p.action("2.1.2").expect("2.1.2");
    assert!(a.text.contains("workshops on forecasting"), "{}", a.text);
    assert_eq!(p.lines[0].tracks[0].kind, TrackKind::GovernmentToGovernment);
    assert_eq!(p.lines[1].tracks[0].kind, TrackKind::RegionalLocal);
    assert_eq!(p.signatories.len(), 2);
    assert_eq!(p.signatories[1].party.as_deref(), Some("IN"));
    // "4.1 A Joint Steering Committee meets annually" is implementation, not an action.
    assert!(p.actions().all(|a| !a.text.contains("Steering Committee")));
}

#[test]
fn plan_without_line_headings_is_one_line() {
    let p = import("flat-tracks.txt");
    assert_eq!(p.slug, "se-ke-2023-2026");
    assert_eq!(p.lines.len(), 1);
    assert_eq!(p.lines[0].title, p.title);
    let headings: Vec<&str> = p.tracks().map(|t| t.heading.as_str()).collect();
    assert_eq!(
        headings,
        ["Climate cooperation", "Trade and investment", "Health"]
    );
    assert_eq!(p.actions().count(), 5);
    assert!(
        p.organisations
            .iter()
            .any(|o| o.acronyms.contains(&"KEMRI".to_owned()))
    );
}

#[test]
fn prose_without_commitments_imports_paragraph_by_paragraph() {
    let outcome = jointplan_import::import_bytes_with_guesses(
        "notes.txt",
        b"Notes\n\nJust a paragraph of prose.\n\nAnd another one.\n",
        None,
    )
    .expect("text always imports");
    let p = &outcome.imported.plan;
    assert_eq!(p.lines.len(), 1);
    let texts: Vec<&str> = p.actions().map(|a| a.text.as_str()).collect();
    assert_eq!(texts, ["Just a paragraph of prose.", "And another one."]);
    // One finding for the whole document, one for each guessed action.
    let messages: Vec<&str> = outcome.guesses.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(
        messages[0].contains("whole document is one line"),
        "{messages:?}"
    );
    assert!(outcome.guesses.iter().all(|d| d.code == "JP090"));
    assert_eq!(outcome.guesses[1].action.as_deref(), Some("1.1.1"));
}

#[test]
fn only_a_text_without_words_is_refused() {
    let err = jointplan_import::import_bytes("dots.txt", b"...\n\n-- 12 --\n", None)
        .expect_err("no words");
    let msg = err.to_string();
    assert!(
        msg.contains("dots.txt") && msg.contains("no sentences"),
        "{msg}"
    );
}
