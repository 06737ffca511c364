//! What `word/styles.xml` and `word/numbering.xml` say about paragraphs:
//! which styles are headings or lists, and how list items are numbered.
//!
//! Both parts only refine the reading, so they are read leniently: whatever
//! was understood before an XML error is kept.

use std::collections::HashMap;

use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};

use super::{attr, is_word, local};
use crate::builder::{BULLET, Numbering};

/// One paragraph style as defined in `styles.xml`.
#[derive(Debug, Default, Clone)]
struct StyleDef {
    name: Option<String>,
    based_on: Option<String>,
    outline: Option<u8>,
    num_id: Option<String>,
    ilvl: Option<u8>,
}

/// What a paragraph inherits from its style and the styles it is based on.
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct Resolved {
    /// Heading level from the style's name (`heading 2`, `Title`).
    pub(super) heading: Option<u8>,
    /// Outline level (0-based, 9 = body text).
    pub(super) outline: Option<u8>,
    /// Numbering instance.
    pub(super) num_id: Option<String>,
    /// Numbering level.
    pub(super) ilvl: Option<u8>,
    /// A list style (`List Paragraph`, `List Bullet`, `List Number`).
    pub(super) list: bool,
    /// The depth a list style's name gives (`List Bullet 2` → 1).
    pub(super) list_depth: Option<u8>,
}

/// The paragraph styles of a document, by style id.
#[derive(Debug, Default)]
pub(super) struct Styles {
    by_id: HashMap<String, StyleDef>,
}

impl Styles {
    /// Reads `styles.xml`.
    pub(super) fn parse(xml: &[u8]) -> Styles {
        let mut styles = Styles::default();
        let mut current: Option<(String, StyleDef)> = None;
        let mut reader = NsReader::from_reader(xml);
        while let Ok((ns, event)) = reader.read_resolved_event() {
            let word = is_word(&ns);
            match event {
                Event::Start(e) | Event::Empty(e) if word => styles.element(&e, &mut current),
                Event::End(e) if word && local(e.local_name().as_ref()) == "style" => {
                    if let Some((id, def)) = current.take() {
                        styles.by_id.insert(id, def);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        styles
    }

    fn element(&mut self, e: &BytesStart<'_>, current: &mut Option<(String, StyleDef)>) {
        let name = e.local_name();
        let name = local(name.as_ref());
        if name == "style" {
            let paragraph = attr(e, "type").is_none_or(|t| t == "paragraph");
            *current = attr(e, "styleId")
                .filter(|_| paragraph)
                .map(|id| (id, StyleDef::default()));
            return;
        }
        let Some((_, def)) = current.as_mut() else {
            return;
        };
        match name {
            "name" => def.name = attr(e, "val"),
            "basedOn" => def.based_on = attr(e, "val"),
            "outlineLvl" => def.outline = attr(e, "val").and_then(|v| v.parse().ok()),
            "numId" => def.num_id = attr(e, "val"),
            "ilvl" => def.ilvl = attr(e, "val").and_then(|v| v.parse().ok()),
            _ => {}
        }
    }

    /// What style `id` (and the chain it is based on) gives a paragraph.
    pub(super) fn resolve(&self, id: Option<&str>) -> Resolved {
        let mut out = Resolved::default();
        let mut current = id;
        // A based-on chain is short; the bound guards against cycles.
        for _ in 0..16 {
            let Some(id) = current else {
                break;
            };
            let def = self.by_id.get(id);
            let name = def.and_then(|d| d.name.as_deref()).unwrap_or(id);
            out.heading = out
                .heading
                .or_else(|| heading_level(name))
                .or_else(|| heading_level(id));
            if let Some(def) = def {
                out.outline = out.outline.or(def.outline);
                out.num_id = out.num_id.or_else(|| def.num_id.clone());
                out.ilvl = out.ilvl.or(def.ilvl);
            }
            let named_list = is_list_style(name);
            out.list |= named_list || is_list_style(id);
            if named_list {
                out.list_depth = out.list_depth.or_else(|| list_style_depth(name));
            }
            current = def.and_then(|d| d.based_on.as_deref());
        }
        out
    }
}

/// `heading 2` / `Heading2` → 2; `Title` → 1.
fn heading_level(name: &str) -> Option<u8> {
    let lower = name.to_lowercase().replace(' ', "");
    if lower == "title" {
        return Some(1);
    }
    lower
        .strip_prefix("heading")
        .and_then(|n| n.parse::<u8>().ok())
        .filter(|n| (1..=9).contains(n))
}

/// `List Paragraph`, `List Bullet 2`, `ListNumber` …
fn is_list_style(name: &str) -> bool {
    let lower = name.to_lowercase().replace(' ', "");
    ["listparagraph", "listbullet", "listnumber"]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// `List Bullet 3` → 2: Word's numbered list styles indent one level per number.
fn list_style_depth(name: &str) -> Option<u8> {
    let digits: String = name
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    let n: u8 = digits.chars().rev().collect::<String>().parse().ok()?;
    (2..=9).contains(&n).then(|| n - 1)
}

/// How one numbering level shows its number.
#[derive(Debug, Clone, Copy, PartialEq)]
enum LevelFormat {
    Bullet,
    Hidden,
    Number(Numbering),
    /// Decimal padded to two digits (`01`).
    DecimalZero,
}

/// One level of a numbering definition.
#[derive(Debug, Clone)]
struct Level {
    start: i64,
    format: LevelFormat,
    /// The pattern, e.g. `%1.%2.`.
    text: String,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            start: 1,
            format: LevelFormat::Number(Numbering::Decimal),
            text: String::new(),
        }
    }
}

/// A numbering instance (`w:num`): its abstract definition and start overrides.
#[derive(Debug, Default, Clone)]
struct Instance {
    abstract_id: Option<String>,
    start_overrides: HashMap<u8, i64>,
}

/// The numbering definitions of a document.
#[derive(Debug, Default)]
pub(super) struct NumberingDefs {
    abstracts: HashMap<String, HashMap<u8, Level>>,
    instances: HashMap<String, Instance>,
}

/// Where the numbering reader is.
#[derive(Default)]
struct NumberingCursor {
    abstract_id: Option<String>,
    level: Option<(u8, Level)>,
    num_id: Option<String>,
    override_level: Option<u8>,
}

impl NumberingDefs {
    /// Reads `numbering.xml`.
    pub(super) fn parse(xml: &[u8]) -> NumberingDefs {
        let mut defs = NumberingDefs::default();
        let mut at = NumberingCursor::default();
        let mut reader = NsReader::from_reader(xml);
        while let Ok((ns, event)) = reader.read_resolved_event() {
            let word = is_word(&ns);
            match event {
                Event::Start(e) | Event::Empty(e) if word => defs.element(&e, &mut at),
                Event::End(e) if word => defs.end(local(e.local_name().as_ref()), &mut at),
                Event::Eof => break,
                _ => {}
            }
        }
        defs
    }

    fn element(&mut self, e: &BytesStart<'_>, at: &mut NumberingCursor) {
        let name = e.local_name();
        match local(name.as_ref()) {
            "abstractNum" => at.abstract_id = attr(e, "abstractNumId"),
            "lvl" if at.abstract_id.is_some() && at.num_id.is_none() => {
                let ilvl = attr(e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                at.level = Some((ilvl, Level::default()));
            }
            "start" => {
                if let Some((_, level)) = at.level.as_mut() {
                    level.start = attr(e, "val").and_then(|v| v.parse().ok()).unwrap_or(1);
                }
            }
            "numFmt" => {
                if let Some((_, level)) = at.level.as_mut() {
                    level.format = level_format(attr(e, "val").as_deref());
                }
            }
            "lvlText" => {
                if let Some((_, level)) = at.level.as_mut() {
                    level.text = attr(e, "val").unwrap_or_default();
                }
            }
            "num" => {
                at.num_id = attr(e, "numId");
                if let Some(id) = at.num_id.clone() {
                    self.instances.insert(id, Instance::default());
                }
            }
            "abstractNumId" => {
                if let Some(inst) = at.num_id.as_ref().and_then(|id| self.instances.get_mut(id)) {
                    inst.abstract_id = attr(e, "val");
                }
            }
            "lvlOverride" => at.override_level = attr(e, "ilvl").and_then(|v| v.parse().ok()),
            "startOverride" => {
                let inst = at.num_id.as_ref().and_then(|id| self.instances.get_mut(id));
                let start = attr(e, "val").and_then(|v| v.parse().ok());
                if let (Some(inst), Some(ilvl), Some(start)) = (inst, at.override_level, start) {
                    inst.start_overrides.insert(ilvl, start);
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str, at: &mut NumberingCursor) {
        match name {
            "lvl" => {
                if let (Some(abs), Some((ilvl, level))) = (at.abstract_id.as_ref(), at.level.take())
                {
                    self.abstracts
                        .entry(abs.clone())
                        .or_default()
                        .insert(ilvl, level);
                }
            }
            "abstractNum" => at.abstract_id = None,
            "num" => at.num_id = None,
            "lvlOverride" => at.override_level = None,
            _ => {}
        }
    }

    /// Level `ilvl` of numbering instance `num_id`, with its start override.
    fn level(&self, num_id: &str, ilvl: u8) -> Option<Level> {
        let inst = self.instances.get(num_id)?;
        let mut level = self
            .abstracts
            .get(inst.abstract_id.as_deref()?)?
            .get(&ilvl)?
            .clone();
        if let Some(start) = inst.start_overrides.get(&ilvl) {
            level.start = *start;
        }
        Some(level)
    }
}

/// `w:numFmt` values.
fn level_format(value: Option<&str>) -> LevelFormat {
    match value {
        Some("bullet") => LevelFormat::Bullet,
        Some("none") => LevelFormat::Hidden,
        Some("decimalZero") => LevelFormat::DecimalZero,
        Some("lowerLetter") => LevelFormat::Number(Numbering::LowerAlpha),
        Some("upperLetter") => LevelFormat::Number(Numbering::UpperAlpha),
        Some("lowerRoman") => LevelFormat::Number(Numbering::LowerRoman),
        Some("upperRoman") => LevelFormat::Number(Numbering::UpperRoman),
        _ => LevelFormat::Number(Numbering::Decimal),
    }
}

/// Word's deepest list level is 8.
const LEVELS: usize = 9;

/// The running numbers of each list, as Word counts them while laying out.
#[derive(Debug, Default)]
pub(super) struct Counters {
    by_num: HashMap<String, [Option<i64>; LEVELS]>,
}

impl Counters {
    /// The marker of the next item of list `num_id` at level `ilvl`: `•` for
    /// bullets, the number as Word shows it (`2.`, `1.3`, `b)`) otherwise.
    pub(super) fn next(&mut self, defs: &NumberingDefs, num_id: &str, ilvl: u8) -> String {
        let ilvl = ilvl.min(LEVELS as u8 - 1);
        let Some(level) = defs.level(num_id, ilvl) else {
            return BULLET.to_string();
        };
        let counts = self.by_num.entry(num_id.to_owned()).or_default();
        let i = usize::from(ilvl);
        counts[i] = Some(counts[i].map_or(level.start, |c| c.saturating_add(1)));
        for deeper in counts.iter_mut().skip(i + 1) {
            *deeper = None;
        }
        if level.format == LevelFormat::Bullet {
            return BULLET.to_string();
        }
        let counts = *counts;
        let marker = render_level_text(&level.text, |k| {
            let lvl = defs.level(num_id, k).unwrap_or_default();
            let n = counts
                .get(usize::from(k))
                .copied()
                .flatten()
                .unwrap_or(lvl.start);
            format_number(lvl.format, n)
        });
        let marker = marker.trim();
        if marker.is_empty() {
            BULLET.to_string()
        } else {
            marker.to_owned()
        }
    }
}

/// Fills a `w:lvlText` pattern: `%1` is level 0's number, and so on.
fn render_level_text(pattern: &str, number: impl Fn(u8) -> String) -> String {
    let mut out = String::new();
    let mut chars = pattern.chars().peekable();
    while let Some(ch) = chars.next() {
        let digit = chars
            .peek()
            .and_then(|d| d.to_digit(10))
            .filter(|d| (1..=9).contains(d));
        match (ch, digit) {
            ('%', Some(d)) => {
                chars.next();
                out.push_str(&number(d as u8 - 1));
            }
            _ => out.push(ch),
        }
    }
    out
}

/// One level's number in its format.
fn format_number(format: LevelFormat, n: i64) -> String {
    match format {
        LevelFormat::Bullet | LevelFormat::Hidden => String::new(),
        LevelFormat::DecimalZero => format!("{n:02}"),
        LevelFormat::Number(numbering) => numbering.format(n).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_names() {
        assert_eq!(heading_level("heading 2"), Some(2));
        assert_eq!(heading_level("Heading1"), Some(1));
        assert_eq!(heading_level("Title"), Some(1));
        assert_eq!(heading_level("Normal"), None);
        assert_eq!(heading_level("heading 0"), None);
    }

    #[test]
    fn list_style_depths() {
        assert_eq!(list_style_depth("List Bullet 2"), Some(1));
        assert_eq!(list_style_depth("List Bullet"), None);
    }

    #[test]
    fn level_text() {
        let s = render_level_text("%1.%2.", |k| (k + 1).to_string());
        assert_eq!(s, "1.2.");
        assert_eq!(render_level_text("(%1)", |_| "a".into()), "(a)");
    }
}
