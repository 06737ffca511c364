//! The Markdown reader: a plan written in Markdown (setext and ATX headings,
//! nested and ordered lists, an HTML block, a GFM table of agreements), and
//! arbitrary input.

use jointplan_import::{Block, BlockKind, Document, Format, markdown};
use proptest::prelude::*;

mod support;
use support::{assert_maps, assert_spans_valid, find, headings, items};

const PLAN: &str = include_str!("fixtures/markdown/fr-de-plan.md");

fn doc() -> Document {
    markdown::parse(PLAN)
}

#[test]
fn headings_keep_level_and_number() {
    let doc = doc();
    assert_eq!(
        headings(&doc.blocks),
        [
            (
                Some(1),
                "Joint Action Plan between France and Germany 2023–2026"
            ),
            (Some(2), "1. Energy"),
            (Some(3), "Government cooperation"),
            (Some(3), "Business cooperation"),
            (Some(2), "2. Culture"),
            (Some(2), "Appendix"),
        ]
    );
    let title = &doc.blocks[0];
    assert_maps(&doc.source, title, "France and Germany 2023–2026");
    // A setext heading's range covers its underline.
    assert!(
        doc.source[title.range.clone()]
            .ends_with("2026\n======================================================")
    );
}

#[test]
fn paragraphs_drop_inline_markup_and_join_lines() {
    let doc = doc();
    let para = &doc.blocks[1];
    assert_eq!(para.kind, BlockKind::Paragraph);
    assert_eq!(
        para.as_str(),
        "The Government of the French Republic and the Government of the Federal \
         Republic of Germany (the Parties) agree on the following."
    );
    assert_maps(&doc.source, para, "Republic of Germany (the ");
    assert_maps(&doc.source, para, "Parties");
    // The soft break maps to the line end it replaced.
    let space = para.as_str().find("Federal ").expect("Federal") + "Federal".len();
    assert_eq!(&doc.source[para.text.source_range(space..space + 1)], "\n");
}

#[test]
fn lists_keep_depth_and_markers_as_written() {
    let doc = doc();
    assert_eq!(
        items(&doc.blocks),
        [
            (
                0,
                "-",
                "Hold an annual energy dialogue between the ministries."
            ),
            (0, "-", "Work together on hydrogen:"),
            (1, "-", "electrolyser standards;"),
            (1, "-", "import corridors."),
            (0, "3)", "Support joint ventures."),
            (0, "4)", "Organise a trade fair in Lyon *every* year."),
            (0, "*", "Exchange museum curators."),
        ]
    );
    let hold = find(&doc.blocks, "Hold");
    assert_maps(&doc.source, hold, "energy");
    assert_maps(&doc.source, hold, "between the ministries.");
    assert_maps(&doc.source, find(&doc.blocks, "Work"), "hydrogen");
    assert_maps(&doc.source, find(&doc.blocks, "Organise"), "Lyon");
}

#[test]
fn html_blocks_are_read_as_html() {
    let doc = doc();
    let para = find(&doc.blocks, "Youth");
    assert_eq!(para.kind, BlockKind::Paragraph);
    assert_eq!(
        para.as_str(),
        "Youth exchanges & school partnerships continue."
    );
    assert_maps(&doc.source, para, "school partnerships");
}

#[test]
fn gfm_table_is_a_table_of_line_and_agreements() {
    let doc = doc();
    let Some(BlockKind::Table { rows }) = doc.blocks.last().map(|b| &b.kind) else {
        panic!("the last block is not a table: {:?}", doc.blocks.last());
    };
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0][1][0].as_str(), "Agreements");
    assert_eq!(rows[1][0][0].as_str(), "Energy");
    assert_eq!(
        items(&rows[1][1]),
        [
            (0, "•", "Energy Agreement, 2019."),
            (0, "•", "MoU on Hydrogen, 2021.")
        ]
    );
    assert_eq!(
        items(&rows[2][1]),
        [
            (0, "•", "Cultural Treaty, 1963."),
            (0, "•", "MoU on Museums & Archives, 2018.")
        ]
    );
    assert_maps(&doc.source, &rows[1][1][1], "MoU on Hydrogen");
    assert_maps(&doc.source, &rows[2][1][1], "Archives, 2018.");
    assert_spans_valid(&doc.source, &doc.blocks);
}

#[test]
fn loose_items_and_blockquotes() {
    let src = "> quoted plan text\n\n1. first\n\n   more of first\n2. second\n";
    let doc = markdown::parse(src);
    let texts: Vec<&str> = doc.blocks.iter().map(Block::as_str).collect();
    assert_eq!(texts, ["quoted plan text", "first more of first", "second"]);
    assert_eq!(items(&doc.blocks)[1], (0, "2.", "second"));
}

#[test]
fn images_are_not_text() {
    let doc = markdown::parse("A ![flag of Denmark](dk.png) flag.");
    assert_eq!(doc.blocks[0].as_str(), "A flag.");
}

#[test]
fn import_reads_markdown_end_to_end() {
    assert_eq!(Format::detect("plan.md", PLAN.as_bytes()), Format::Markdown);
    let (read, _) = jointplan_import::read_document("plan.md", PLAN.as_bytes(), Format::Markdown)
        .expect("readable");
    assert_eq!(read.blocks.len(), doc().blocks.len());
    let imported =
        jointplan_import::import_bytes("plan.md", PLAN.as_bytes(), None).expect("imports");
    assert_eq!(imported.source, PLAN);
    let plan = imported.plan;
    let lines: Vec<&str> = plan.lines.iter().map(|l| l.title.as_str()).collect();
    assert_eq!(lines, ["Energy", "Culture"]);
    assert_eq!(plan.lines[0].tracks.len(), 2);
    assert_eq!(plan.lines[0].tracks[0].actions.len(), 2);
    let agreements: Vec<&str> = plan.agreements.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        agreements,
        [
            "Energy Agreement",
            "MoU on Hydrogen",
            "Cultural Treaty",
            "MoU on Museums & Archives"
        ]
    );
    // Spans of the plan index the Markdown source.
    let line = &plan.lines[1];
    assert!(PLAN[line.span.range()].contains("Culture"));
}

#[test]
fn hostile_nesting_stays_linear() {
    // `- - - …` opens a list per two bytes.
    let src = "- ".repeat(100_000) + "deep";
    let doc = markdown::parse(&src);
    assert_eq!(items(&doc.blocks), [(31, "-", "deep")]);
    let cell = format!(
        "| a | b |\n|---|---|\n| x | {} |\n",
        "• item ".repeat(50_000)
    );
    let doc = markdown::parse(&cell);
    let Some(BlockKind::Table { rows }) = doc.blocks.first().map(|b| &b.kind) else {
        panic!("no table");
    };
    assert_eq!(rows[1][1].len(), 50_000);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(src in any::<String>()) {
        let doc = markdown::parse(&src);
        assert_spans_valid(&doc.source, &doc.blocks);
    }

    #[test]
    fn markdown_like_text_keeps_spans_valid(
        src in "((#{1,3} |  |- |1\\) |\\| |> |<p>|<ul><li>|&amp;|\\\\\\*|\\*|`|ø|•|[a-z]{1,6}| |\n|\\|---\\|)){0,60}"
    ) {
        let doc = markdown::parse(&src);
        assert_spans_valid(&doc.source, &doc.blocks);
    }
}
