//! The canonical JSON is lossless: import of an exported plan gives back an equal plan.

use jointplan_core::canonical::{content_hash, from_json, to_json};
use proptest::prelude::*;

fn round_trips(plan: &jointplan_core::Plan) {
    let json = to_json(plan);
    let back = from_json(&json).expect("reads back");
    assert_eq!(&back, plan);
    assert_eq!(to_json(&back), json, "the canonical form is stable");
    assert_eq!(content_hash(&back), content_hash(plan));
}

#[test]
fn reference_plan_round_trips() {
    let imported = jointplan_import::example::import().expect("imports");
    round_trips(&imported.plan);
}

#[test]
fn export_then_import_json_gives_the_same_plan() {
    let imported = jointplan_import::example::import().expect("imports");
    let dir = std::env::temp_dir().join(format!("jp-rt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let path = dir.join("plan.json");
    std::fs::write(&path, to_json(&imported.plan)).expect("write");
    let text = std::fs::read_to_string(&path).expect("read");
    assert_eq!(from_json(&text).expect("plan"), imported.plan);
    let _ = std::fs::remove_dir_all(&dir);
}

const WORDS: &[&str] = &[
    "cooperation",
    "annual",
    "biennial",
    "possible",
    "explore",
    "SDG 7",
    "SDG 13 (Climate Action)",
    "Danish",
    "Korean",
    "Ministry of Energy (MOE)",
    "WHO",
    "20% by 2030",
    "net zero by 2050",
    "dialogue",
    "– dash",
    "ü",
    "한국",
    "\"quoted\"",
    "regular",
    "meetings",
    "K-SURE - Korea's Export Credit Agency -",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..12).prop_map(|w| w.join(" "))
}

fn line_of_effort() -> impl Strategy<Value = (String, String, Vec<(String, Vec<String>)>)> {
    (
        "[A-Z]{3,10}( [A-Z]{2,8}){0,2}",
        sentence(),
        prop::collection::vec(
            (
                "[A-Z]{4,9} [A-Z]{4,9}",
                prop::collection::vec(sentence(), 1..5),
            ),
            1..4,
        ),
    )
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(line_of_effort(), 1..5).prop_map(|lines| {
        let mut doc = String::from(
            "JOINT PLAN\nTHE GOVERNMENT OF DENMARK AND THE GOVERNMENT OF KOREA\n2021-2024\n\n",
        );
        for (i, (title, ambition, tracks)) in lines.into_iter().enumerate() {
            doc.push_str(&format!("{}. {title}\n\n{ambition}.\n\n", i + 1));
            for (heading, items) in tracks {
                doc.push_str(&format!("{heading}\n\n"));
                for item in items {
                    doc.push_str(&format!("- {item}.\n"));
                }
                doc.push('\n');
            }
        }
        doc.push_str("APPENDIX\n\n- MoU on Energy, 2018.\n- MoU on Health, 2021 TBC.\n");
        doc
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_imported_plan_round_trips(doc in document()) {
        let imported = jointplan_import::import_bytes("gen.txt", doc.as_bytes(), None).expect("generated plans import");
        prop_assert!(imported.plan.actions().count() > 0);
        round_trips(&imported.plan);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let _ = jointplan_import::import_bytes("any.txt", text.as_bytes(), None);
    }
}
