//! DOCX reader: `word/document.xml` (with `styles.xml` for heading and list
//! styles and `numbering.xml` for list numbers) into the document model.
//!
//! The document's `source` is the extracted text, one paragraph a line (table
//! cells' paragraphs too); block spans index that text. A numbered heading
//! gets its number written into the line (`1.2 Energy`), since Word shows it
//! and plans are structured by it.

mod styles;

use std::io::{Cursor, Read};

use quick_xml::NsReader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};
use zip::ZipArchive;
use zip::result::ZipError;

use self::styles::{Counters, NumberingDefs, Styles};
use crate::builder::{BULLET, Builder};
use crate::{BlockKind, Document, ImportError};

/// The main part of a Word document.
const DOCUMENT_XML: &str = "word/document.xml";

/// Largest uncompressed part read, against ZIP bombs (a real plan's
/// `document.xml` is a few MB).
pub const MAX_PART_BYTES: u64 = 200 * 1024 * 1024;

/// WordprocessingML namespaces: transitional (what Word writes) and strict.
const WORD_NAMESPACES: [&[u8]; 2] = [
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
];

/// Elements whose content is not the document's current text: the fallback
/// copy of alternate content, moved-away text, previous paragraph properties.
const SKIPPED: &[&str] = &["Fallback", "moveFrom", "pPrChange", "rPrChange", "del"];

/// Reads a DOCX file's bytes.
pub fn read(name: &str, bytes: &[u8]) -> Result<Document, ImportError> {
    let fail = |reason: String| ImportError::Docx {
        name: name.to_owned(),
        reason,
    };
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| fail(archive_reason(&e)))?;
    let document = read_part(&mut archive, DOCUMENT_XML, MAX_PART_BYTES)
        .map_err(fail)?
        .ok_or_else(|| fail(format!("it has no {DOCUMENT_XML} (is it a Word document?)")))?;
    // Styles and numbering only refine the reading: a damaged one is ignored.
    let styles = read_part(&mut archive, "word/styles.xml", MAX_PART_BYTES)
        .ok()
        .flatten()
        .map(|xml| Styles::parse(&xml))
        .unwrap_or_default();
    let numbering = read_part(&mut archive, "word/numbering.xml", MAX_PART_BYTES)
        .ok()
        .flatten()
        .map(|xml| NumberingDefs::parse(&xml))
        .unwrap_or_default();
    BodyReader::new(&styles, &numbering)
        .read(&document)
        .map_err(fail)
}

/// Why the bytes are not a readable ZIP archive, in words.
fn archive_reason(error: &ZipError) -> String {
    match error {
        ZipError::Io(e) => format!("it is truncated or damaged ({e})"),
        ZipError::InvalidArchive(why) => {
            format!("it is not a ZIP archive or it is damaged ({why})")
        }
        ZipError::UnsupportedArchive(why) => {
            format!("it uses a ZIP feature jointplan cannot read ({why})")
        }
        ZipError::InvalidPassword => "it is password-protected".to_owned(),
        ZipError::FileNotFound => "it is damaged (a file is missing)".to_owned(),
        other => format!("it is damaged ({other})"),
    }
}

/// Reads one part of the archive, refusing parts over `limit` bytes
/// uncompressed; `Ok(None)` when the part does not exist.
fn read_part<R: Read + std::io::Seek>(
    archive: &mut ZipArchive<R>,
    path: &str,
    limit: u64,
) -> Result<Option<Vec<u8>>, String> {
    let too_large = || {
        format!(
            "{path} is over {} uncompressed, too large for a plan",
            size_words(limit)
        )
    };
    let file = match archive.by_name(path) {
        Ok(file) => file,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(ZipError::UnsupportedArchive(why)) => return Err(format!("cannot open {path}: {why}")),
        Err(e) => return Err(format!("cannot open {path}: {e}")),
    };
    if file.size() > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    // The declared size may lie: the limit is enforced on what is inflated.
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{path} is damaged ({e})"))?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(Some(bytes))
}

/// `209715200` → `200 MB`; small limits in bytes.
fn size_words(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        format!("{} MB", bytes / MB)
    } else {
        format!("{bytes} bytes")
    }
}

/// True for an element in the WordprocessingML namespace (or with the `w`
/// prefix left undeclared, which some generators do).
pub(crate) fn is_word(ns: &ResolveResult<'_>) -> bool {
    match ns {
        ResolveResult::Bound(Namespace(uri)) => WORD_NAMESPACES.contains(uri),
        ResolveResult::Unknown(prefix) => prefix.as_slice() == b"w",
        ResolveResult::Unbound => false,
    }
}

/// A local name as text (names that are not UTF-8 match nothing).
pub(crate) fn local(name: &[u8]) -> &str {
    std::str::from_utf8(name).unwrap_or_default()
}

/// The value of the attribute whose local name is `name` (`w:val` → `val`).
pub(crate) fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name.as_bytes())
        .map(|a| {
            a.unescape_value()
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned())
        })
}

/// A paragraph being read.
#[derive(Debug, Default)]
struct Para {
    text: String,
    /// Some of its text stands in a run that is neither bold nor underlined.
    plain: bool,
    style: Option<String>,
    num_id: Option<String>,
    ilvl: Option<u8>,
    outline: Option<u8>,
}

/// State of one pass over `document.xml`.
struct BodyReader<'a> {
    styles: &'a Styles,
    numbering: &'a NumberingDefs,
    counters: Counters,
    source: String,
    build: Builder,
    /// Open paragraphs, innermost last (a text box's paragraphs sit inside a run).
    paras: Vec<Para>,
    in_text: bool,
    run_depth: usize,
    /// The open run is bold or underlined.
    run_emphasised: bool,
    ppr_depth: usize,
    /// Depth inside a skipped element; 0 when reading.
    skip_depth: usize,
    /// Table nesting; only the outermost table makes rows and cells.
    table_depth: usize,
}

impl<'a> BodyReader<'a> {
    fn new(styles: &'a Styles, numbering: &'a NumberingDefs) -> Self {
        BodyReader {
            styles,
            numbering,
            counters: Counters::default(),
            source: String::new(),
            build: Builder::new(false).split_leading_bullets(),
            paras: Vec::new(),
            in_text: false,
            run_depth: 0,
            run_emphasised: false,
            ppr_depth: 0,
            skip_depth: 0,
            table_depth: 0,
        }
    }

    fn read(mut self, xml: &[u8]) -> Result<Document, String> {
        let mut reader = NsReader::from_reader(xml);
        loop {
            let (ns, event) = match reader.read_resolved_event() {
                Ok(next) => next,
                Err(e) => {
                    let at = reader.error_position();
                    return Err(format!(
                        "{DOCUMENT_XML} is not well-formed XML (at byte {at}: {e})"
                    ));
                }
            };
            let word = is_word(&ns);
            match event {
                Event::Start(e) => self.start(&e, word),
                Event::Empty(e) => self.empty(&e, word),
                Event::End(e) => self.end(local(e.local_name().as_ref()), word),
                Event::Text(t) => self.push_text(&String::from_utf8_lossy(&t)),
                Event::CData(t) => self.push_text(&String::from_utf8_lossy(&t)),
                Event::GeneralRef(r) => self.push_text(&resolve_reference(&r)),
                Event::Eof => break,
                _ => {}
            }
        }
        // Paragraphs left open by a truncated part still count.
        while let Some(para) = self.paras.pop() {
            self.emit(para);
        }
        Ok(Document {
            source: self.source,
            blocks: self.build.finish(),
        })
    }

    fn start(&mut self, e: &BytesStart<'_>, word: bool) {
        let name = e.local_name();
        let name = local(name.as_ref());
        if self.skip_depth > 0 || SKIPPED.contains(&name) {
            self.skip_depth += 1;
            return;
        }
        if !word {
            return;
        }
        match name {
            "p" => self.paras.push(Para::default()),
            "r" => {
                self.run_depth += 1;
                self.run_emphasised = false;
            }
            "t" => self.in_text = true,
            "pPr" => self.ppr_depth += 1,
            "tbl" => {
                self.table_depth += 1;
                if self.table_depth == 1 {
                    self.build.open_table(self.source.len());
                }
            }
            "tr" if self.table_depth == 1 => self.build.open_row(),
            "tc" if self.table_depth == 1 => self.build.open_cell(),
            _ => self.leaf_element(e, name),
        }
    }

    fn empty(&mut self, e: &BytesStart<'_>, word: bool) {
        if self.skip_depth > 0 || !word {
            return;
        }
        let name = e.local_name();
        self.leaf_element(e, local(name.as_ref()));
    }

    fn end(&mut self, name: &str, word: bool) {
        if self.skip_depth > 0 {
            self.skip_depth -= 1;
            return;
        }
        if !word {
            return;
        }
        match name {
            "p" => {
                if let Some(para) = self.paras.pop() {
                    self.emit(para);
                }
            }
            "r" => self.run_depth = self.run_depth.saturating_sub(1),
            "t" => self.in_text = false,
            "pPr" => self.ppr_depth = self.ppr_depth.saturating_sub(1),
            "tbl" => {
                if self.table_depth == 1 {
                    let end = self.source.len() - usize::from(self.source.ends_with('\n'));
                    self.build.close_table(end);
                }
                self.table_depth = self.table_depth.saturating_sub(1);
            }
            "tr" if self.table_depth == 1 => self.build.close_row(),
            "tc" if self.table_depth == 1 => self.build.close_cell(),
            _ => {}
        }
    }

    /// Elements that carry no content of their own: paragraph properties and
    /// the special characters of a run.
    fn leaf_element(&mut self, e: &BytesStart<'_>, name: &str) {
        if self.ppr_depth > 0 {
            self.property(e, name);
            return;
        }
        if self.run_depth == 0 {
            return;
        }
        if matches!(name, "b" | "u") {
            // `<w:b/>` is on; `<w:b w:val="0"/>` (or "false", "none") is off.
            let off = attr(e, "val").is_some_and(|v| matches!(v.as_str(), "0" | "false" | "none"));
            self.run_emphasised = !off;
            return;
        }
        let text = match name {
            "tab" => "\t",
            "br" | "cr" => " ",
            "noBreakHyphen" => "-",
            _ => return,
        };
        if let Some(para) = self.paras.last_mut() {
            para.text.push_str(text);
        }
    }

    /// A paragraph property: style, list membership, outline level.
    fn property(&mut self, e: &BytesStart<'_>, name: &str) {
        let Some(para) = self.paras.last_mut() else {
            return;
        };
        match name {
            "pStyle" => para.style = attr(e, "val"),
            "numId" => para.num_id = attr(e, "val"),
            "ilvl" => para.ilvl = attr(e, "val").and_then(|v| v.parse().ok()),
            "outlineLvl" => para.outline = attr(e, "val").and_then(|v| v.parse().ok()),
            _ => {}
        }
    }

    fn push_text(&mut self, text: &str) {
        if self.in_text
            && self.skip_depth == 0
            && let Some(para) = self.paras.last_mut()
        {
            para.text.push_str(text);
            para.plain |= !self.run_emphasised && !text.trim().is_empty();
        }
    }

    /// Writes a finished paragraph as a line of the source and as a block.
    fn emit(&mut self, para: Para) {
        let style = self.styles.resolve(para.style.as_deref());
        let num_id = para.num_id.or(style.num_id).filter(|id| id != "0");
        let ilvl = para.ilvl.or(style.ilvl).or(style.list_depth).unwrap_or(0);
        // Numbered paragraphs count even when empty, as Word numbers them.
        let marker = num_id.map(|id| self.counters.next(self.numbering, &id, ilvl));
        if para.text.trim().is_empty() {
            return;
        }
        let heading = para
            .outline
            .or(style.outline)
            .filter(|o| *o < 9)
            .map(|o| o + 1)
            .or(style.heading);
        let start = self.source.len();
        let kind = match (heading, marker) {
            (Some(level), marker) => {
                if let Some(number) = marker.filter(|m| !m.starts_with(BULLET)) {
                    self.source.push_str(&number);
                    self.source.push(' ');
                }
                BlockKind::Heading { level: Some(level) }
            }
            (None, Some(marker)) => BlockKind::ListItem {
                depth: ilvl,
                marker,
            },
            (None, None) if style.list => BlockKind::ListItem {
                depth: ilvl,
                marker: BULLET.to_string(),
            },
            (None, None) => BlockKind::Paragraph,
        };
        // A paragraph all in bold is a heading when it reads as a title
        // (the builder decides, as for HTML and Markdown).
        let all_bold = !para.plain && kind == BlockKind::Paragraph;
        self.source.push_str(&para.text);
        let end = self.source.len();
        self.source.push('\n');
        self.build.open_leaf(kind, start);
        self.build.emphasis(all_bold);
        self.build.text(&self.source[start..end], start);
        self.build.extend(end);
        self.build.flush();
        if all_bold {
            self.build.emphasis(false);
        }
    }
}

/// The text of `&name;` or `&#n;` in XML text.
fn resolve_reference(r: &BytesRef<'_>) -> String {
    if let Ok(Some(ch)) = r.resolve_char_ref() {
        return ch.to_string();
    }
    let name = String::from_utf8_lossy(r);
    match resolve_predefined_entity(&name) {
        Some(text) => text.to_owned(),
        None => format!("&{name};"),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use zip::write::SimpleFileOptions;

    use super::*;

    fn archive(name: &str, content: &[u8]) -> ZipArchive<Cursor<Vec<u8>>> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file(name, SimpleFileOptions::default())
            .expect("start");
        zip.write_all(content).expect("write");
        let bytes = zip.finish().expect("finish").into_inner();
        ZipArchive::new(Cursor::new(bytes)).expect("archive")
    }

    #[test]
    fn parts_over_the_limit_are_refused() {
        let mut zip = archive(DOCUMENT_XML, &[b' '; 100]);
        let err = read_part(&mut zip, DOCUMENT_XML, 10).expect_err("too large");
        assert_eq!(
            err,
            "word/document.xml is over 10 bytes uncompressed, too large for a plan"
        );
        assert!(read_part(&mut zip, DOCUMENT_XML, 100).is_ok_and(|p| p.is_some()));
        assert!(read_part(&mut zip, "word/styles.xml", 100).is_ok_and(|p| p.is_none()));
    }

    #[test]
    fn limit_in_words() {
        assert_eq!(size_words(MAX_PART_BYTES), "200 MB");
    }
}
