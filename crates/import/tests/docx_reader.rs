//! The DOCX reader: a document built here part by part (styles, numbering,
//! tables, tracked changes), a DOCX written by python-docx, damaged files,
//! and arbitrary bytes.

use std::io::{Cursor, Write};

use jointplan_import::{Block, BlockKind, Document, Format, ImportError, docx};
use proptest::prelude::*;
use zip::write::SimpleFileOptions;

mod support;
use support::{assert_maps, assert_ranges_valid, first_table, flatten};

/// Written by `fixtures/docx/make_fixture.py` (python-docx's real Word styles).
const FIXTURE: &[u8] = include_bytes!("fixtures/docx/no-fi-plan.docx");

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Overskrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:numPr><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Overskrift2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Spor"><w:name w:val="Track"/><w:basedOn w:val="Overskrift2"/></w:style>
<w:style w:type="paragraph" w:styleId="Listeafsnit"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="character" w:styleId="Overskrift1Tegn"><w:name w:val="Heading 1 Char"/></w:style>
</w:styles>"#;

const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"#;

/// A paragraph of one run.
fn para(style: Option<&str>, num: Option<(u32, u32)>, runs: &str) -> String {
    let style = style
        .map(|s| format!(r#"<w:pStyle w:val="{s}"/>"#))
        .unwrap_or_default();
    let num = num
        .map(|(id, lvl)| {
            format!(r#"<w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{id}"/></w:numPr>"#)
        })
        .unwrap_or_default();
    format!(r#"<w:p><w:pPr>{style}{num}<w:rPr><w:b/></w:rPr></w:pPr>{runs}</w:p>"#)
}

fn run(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

fn cell(paragraphs: &str) -> String {
    format!("<w:tc><w:tcPr/>{paragraphs}</w:tc>")
}

/// `word/document.xml` of a small plan.
fn document_xml() -> String {
    let body = [
        para(Some("Titel"), None, &run("Joint Action Plan Denmark–Chile")),
        para(
            None,
            None,
            &format!("{}{}", run("Signed in Santiago "), run("&amp; Copenhagen.")),
        ),
        para(Some("Overskrift1"), None, &run("Green Energy")),
        para(Some("Spor"), None, &run("Government cooperation")),
        para(
            Some("Listeafsnit"),
            Some((1, 0)),
            &format!(
                "{}<w:r><w:tab/><w:t>dialogue</w:t><w:br/><w:t>yearly.</w:t></w:r>",
                run("Energy")
            ),
        ),
        para(Some("Listeafsnit"), Some((1, 1)), &run("on offshore wind")),
        // Tracked deletion and the fallback copy of alternate content are not text.
        para(
            Some("Listeafsnit"),
            Some((2, 0)),
            &format!(
                "{}<w:del><w:r><w:delText>removed </w:delText></w:r></w:del>{}\
                 <mc:AlternateContent><mc:Choice Requires=\"wps\">{}</mc:Choice>\
                 <mc:Fallback>{}</mc:Fallback></mc:AlternateContent>",
                run("Lettered "),
                run("item"),
                run(" once"),
                run(" twice")
            ),
        ),
        para(
            Some("Listeafsnit"),
            Some((2, 0)),
            &run("Second lettered item"),
        ),
        para(Some("Overskrift1"), None, &run("Health")),
        para(None, Some((0, 0)), &run("Numbering removed: a paragraph")),
        para(Some("Overskrift1"), None, &run("Appendix")),
        format!(
            "<w:tbl><w:tblPr/><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            cell(&para(None, None, &run("Line"))),
            cell(&para(None, None, &run("Agreements"))),
            cell(&para(None, None, &run("Green Energy"))),
            cell(&format!(
                "{}{}<w:tbl><w:tr>{}</w:tr></w:tbl>",
                para(
                    Some("Listeafsnit"),
                    Some((1, 0)),
                    &run("MoU on Energy, 2018.")
                ),
                para(
                    Some("Listeafsnit"),
                    Some((1, 0)),
                    &run("Green Alliance, 2012.")
                ),
                cell(&para(None, None, &run("Nested agreement, 2020.")))
            )),
        ),
        para(None, None, "<w:r><w:t>Done in two copies.</w:t></w:r>"),
    ]
    .concat();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
<w:body>{body}<w:sectPr/></w:body></w:document>"#
    )
}

/// A ZIP of the given parts.
fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in parts {
        zip.start_file(*name, options).expect("start file");
        zip.write_all(content).expect("write");
    }
    zip.finish().expect("finish").into_inner()
}

/// The small plan as a DOCX file.
fn built_docx() -> Vec<u8> {
    let document = document_xml();
    zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/styles.xml", STYLES.as_bytes()),
        ("word/numbering.xml", NUMBERING.as_bytes()),
    ])
}

fn summary(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .map(|b| match &b.kind {
            BlockKind::Heading { level } => format!("H{} {}", level.unwrap_or(0), b.as_str()),
            BlockKind::Paragraph => format!("P {}", b.as_str()),
            BlockKind::ListItem { depth, marker } => format!("L{depth} {marker} {}", b.as_str()),
            BlockKind::Table { rows } => {
                format!("T {}x{}", rows.len(), rows.first().map_or(0, Vec::len))
            }
        })
        .collect()
}

fn read_built() -> Document {
    docx::read("plan.docx", &built_docx()).expect("the built DOCX reads")
}

#[test]
fn built_docx_reads_styles_numbering_and_text() {
    let doc = read_built();
    assert_eq!(
        summary(&doc.blocks),
        [
            "H1 Joint Action Plan Denmark–Chile",
            "P Signed in Santiago & Copenhagen.",
            "H1 1. Green Energy",
            "H2 Government cooperation",
            "L0 • Energy dialogue yearly.",
            "L1 • on offshore wind",
            "L0 a) Lettered item once",
            "L0 b) Second lettered item",
            "H1 2. Health",
            "P Numbering removed: a paragraph",
            "H1 3. Appendix",
            "T 2x2",
            "P Done in two copies.",
        ]
    );
    assert_ranges_valid(&doc.source, &doc.blocks);
}

#[test]
fn source_is_one_paragraph_a_line() {
    let doc = read_built();
    let lines: Vec<&str> = doc.source.lines().collect();
    assert_eq!(lines[0], "Joint Action Plan Denmark–Chile");
    // Tabs stay in the source; the block text collapses them.
    assert!(lines.contains(&"Energy\tdialogue yearly."));
    // Numbered headings carry their number in the source, as Word shows them.
    assert!(lines.contains(&"1. Green Energy"));
    assert!(lines.contains(&"Nested agreement, 2020."));
    assert!(!doc.source.contains("Lettered removed") && !doc.source.contains("twice"));
    for block in flatten(&doc.blocks) {
        if !matches!(block.kind, BlockKind::Table { .. }) {
            assert!(!doc.source[block.range.clone()].contains('\n'), "{block:?}");
        }
    }
}

#[test]
fn spans_map_into_the_extracted_text() {
    let doc = read_built();
    assert_maps(&doc.source, &doc.blocks[1], "Santiago & Copenhagen");
    assert_maps(&doc.source, &doc.blocks[2], "1. Green Energy");
    assert_maps(&doc.source, &doc.blocks[4], "dialogue yearly.");
    assert_eq!(
        &doc.source[doc.blocks[4].range.clone()],
        "Energy\tdialogue yearly."
    );
}

#[test]
fn table_cells_hold_paragraphs_and_nested_tables_flatten() {
    let doc = read_built();
    let rows = first_table(&doc.blocks);
    assert_eq!(rows[0][0][0].as_str(), "Line");
    assert_eq!(rows[1][0][0].as_str(), "Green Energy");
    assert_eq!(
        summary(&rows[1][1]),
        [
            "L0 • MoU on Energy, 2018.",
            "L0 • Green Alliance, 2012.",
            "P Nested agreement, 2020."
        ]
    );
    assert_maps(&doc.source, &rows[1][1][1], "Green Alliance");
}

#[test]
fn python_docx_fixture_reads() {
    let doc = docx::read("no-fi-plan.docx", FIXTURE).expect("fixture reads");
    let all = summary(&doc.blocks);
    assert_eq!(
        all[0],
        "H1 Joint Action Plan between Norway and Finland 2025-2028"
    );
    assert_eq!(all[2], "H1 1. Digital Transition");
    assert_eq!(all[3], "H2 Government cooperation");
    assert_eq!(all[4], "L0 • Hold a yearly digital policy dialogue.");
    assert_eq!(all[6], "L1 • exchange of threat information;");
    assert_eq!(all[9], "L0 1. Fund joint research on permafrost.");
    assert_eq!(
        all[10],
        "L0 2. Open the research vessels to both countries’ scientists."
    );
    assert_eq!(all[12], "T 3x2");
    assert_eq!(all[13], "P Signed in Oslo on 3 March 2025.");
    let Some(BlockKind::Table { rows }) = doc.blocks.get(12).map(|b| &b.kind) else {
        panic!("no table");
    };
    assert_eq!(
        summary(&rows[1][1]),
        [
            "L0 • MoU on Digitalisation, 2019.",
            "L0 • Cyber Security Agreement, 2022."
        ]
    );
    // A cell bulleted by hand with • splits into items too.
    assert_eq!(
        summary(&rows[2][1]),
        [
            "L0 • Arctic Science Accord, 2017.",
            "L0 • MoU on Polar Research, 2021."
        ]
    );
    assert_maps(&doc.source, &rows[2][1][1], "Polar Research");
    assert_ranges_valid(&doc.source, &doc.blocks);
}

fn docx_error(bytes: &[u8]) -> String {
    match docx::read("bad.docx", bytes) {
        Err(ImportError::Docx { name, reason }) => {
            assert_eq!(name, "bad.docx");
            reason
        }
        other => panic!("expected a DOCX error, got {other:?}"),
    }
}

#[test]
fn damaged_files_are_errors_not_panics() {
    let truncated = docx_error(b"PK\x03\x04garbage");
    assert!(
        truncated.contains("damaged") || truncated.contains("ZIP"),
        "{truncated}"
    );
    let random = docx_error(&[0x13, 0x37, 0x00, 0xff, 0x42]);
    assert!(random.contains("ZIP"), "{random}");
    let full = built_docx();
    docx_error(&full[..full.len() / 2]);
    docx_error(&full[..full.len() - 10]);
}

#[test]
fn zip_without_document_is_an_error() {
    let zip = zip_of(&[("[Content_Types].xml", CONTENT_TYPES.as_bytes())]);
    assert_eq!(
        docx_error(&zip),
        "it has no word/document.xml (is it a Word document?)"
    );
}

#[test]
fn invalid_xml_is_an_error() {
    let zip = zip_of(&[(
        "word/document.xml",
        b"<w:document><w:body><w:p></w:body>".as_slice(),
    )]);
    let reason = docx_error(&zip);
    assert!(
        reason.starts_with("word/document.xml is not well-formed XML"),
        "{reason}"
    );
}

#[test]
fn damaged_styles_are_ignored() {
    let document = document_xml();
    let zip = zip_of(&[
        ("word/document.xml", document.as_bytes()),
        ("word/styles.xml", b"<w:styles><oops".as_slice()),
    ]);
    let doc = docx::read("plan.docx", &zip).expect("reads without styles");
    // Style ids still tell a list paragraph; without numbering.xml bullets are •.
    assert!(summary(&doc.blocks).contains(&"L0 • Second lettered item".to_owned()));
}

#[test]
fn import_reads_docx_end_to_end() {
    let bytes = built_docx();
    assert_eq!(Format::detect("plan.bin", &bytes), Format::Docx);
    let (doc, encoding) =
        jointplan_import::read_document("plan.docx", &bytes, Format::Docx).expect("reads");
    assert_eq!(encoding, "UTF-8");
    assert_eq!(doc.blocks.len(), 13);
    let imported =
        jointplan_import::import_bytes("no-fi-plan.docx", FIXTURE, None).expect("imports");
    let plan = &imported.plan;
    let lines: Vec<&str> = plan.lines.iter().map(|l| l.title.as_str()).collect();
    assert_eq!(lines, ["Digital Transition", "Arctic Research"]);
    assert_eq!(plan.lines[1].tracks[0].actions.len(), 2);
    assert_eq!(plan.agreements.len(), 4);
    // Spans index the extracted text, one paragraph a line.
    let action = &plan.lines[0].tracks[0].actions[0];
    assert_eq!(
        &imported.source[action.span.range()],
        "Hold a yearly digital policy dialogue."
    );
    let err = jointplan_import::import_bytes("plan.docx", b"PK\x03\x04garbage", None)
        .expect_err("damaged");
    assert!(matches!(err, ImportError::Docx { .. }), "{err}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = docx::read("x.docx", &bytes);
        let mut zipped = b"PK\x03\x04".to_vec();
        zipped.extend_from_slice(&bytes);
        let _ = docx::read("x.docx", &zipped);
    }

    #[test]
    fn damaged_docx_never_panics(flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = built_docx();
        for (at, byte) in flips {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        if let Ok(doc) = docx::read("x.docx", &bytes) {
            assert_ranges_valid(&doc.source, &doc.blocks);
        }
    }

    #[test]
    fn arbitrary_document_xml_never_panics(
        xml in "(<w:(p|r|t|tbl|tr|tc|pPr|numPr|tab/|br/|pStyle w:val=\"Overskrift1\"/|ilvl w:val=\"[0-9]{1,3}\"/|numId w:val=\"[0-3]\"/)>|</w:(p|r|t|tbl|tr|tc|pPr|numPr)>|[a-zø •&;]{0,8}){0,60}"
    ) {
        let doc = format!(
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{xml}</w:body></w:document>"#
        );
        let zip = zip_of(&[
            ("word/document.xml", doc.as_bytes()),
            ("word/styles.xml", STYLES.as_bytes()),
            ("word/numbering.xml", NUMBERING.as_bytes()),
        ]);
        if let Ok(doc) = docx::read("x.docx", &zip) {
            assert_ranges_valid(&doc.source, &doc.blocks);
        }
    }
}
