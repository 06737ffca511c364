//! The title page and preamble: title, parties, period, signing date,
//! signatories and cross-cutting priorities.

use std::sync::LazyLock;

use jointplan_core::extract::{self, dates, priorities, signatories};
use jointplan_core::{
    LineIndex, Paragraph, PartialDate, Partnership, Party, Period, Priority, Signatory, country,
};
use regex::Regex;

use super::outline::{Outline, Signature};
use super::spans::SpanMap;
use super::titles::title_case;
use crate::document::Block;

/// What the front of the document says.
#[derive(Debug, Default)]
pub struct FrontMatter {
    pub title: String,
    pub partnership: Partnership,
    pub period: Option<Period>,
    pub signed: Option<PartialDate>,
    pub signatories: Vec<Signatory>,
    pub preamble: Vec<Paragraph>,
    pub cross_cutting: Vec<Priority>,
}

impl FrontMatter {
    /// The parties' codes in order.
    pub fn party_codes(&self) -> Vec<String> {
        self.partnership
            .parties
            .iter()
            .map(|p| p.code.clone())
            .collect()
    }

    /// `dk-kr-2021-2024`: parties and period; falls back to the title.
    pub fn slug(&self) -> String {
        let mut parts: Vec<String> = self
            .party_codes()
            .iter()
            .map(|c| c.to_lowercase())
            .collect();
        if let Some(p) = self.period {
            parts.push(p.start.to_string());
            parts.push(p.end.to_string());
        }
        if self.partnership.parties.is_empty() {
            parts.insert(0, extract::slug(&self.title, 6, "plan"));
        }
        parts.join("-")
    }
}

/// Reads the front matter of an outline.
pub fn read(outline: &Outline<'_>, index: &LineIndex<'_>) -> FrontMatter {
    let mut fm = FrontMatter {
        title: outline
            .front
            .first()
            .map(|b| title_case(title_part(b.as_str())))
            .unwrap_or_default(),
        ..FrontMatter::default()
    };
    fm.partnership = partnership(outline, &fm.title);
    let front_text: Vec<&str> = outline.front.iter().map(|b| b.as_str()).collect();
    fm.period = front_text
        .iter()
        .find_map(|t| dates::find_period(t).map(|p| p.1))
        .or_else(|| dates::find_period(&fm.title).map(|p| p.1))
        .or_else(|| {
            outline
                .preamble
                .iter()
                .find_map(|b| dates::find_period(b.as_str()).map(|p| p.1))
        });
    // The title page or a signature block gives the date; failing those,
    // "… was signed in Seoul on 12 April 2021" in the preamble.
    let signature_texts = outline
        .signatures
        .iter()
        .flat_map(Signature::blocks)
        .map(Block::as_str);
    fm.signed = front_text
        .iter()
        .copied()
        .chain(signature_texts)
        .find_map(|t| dates::find_dates(t).into_iter().next().map(|d| d.1))
        .or_else(|| {
            outline
                .preamble
                .iter()
                .flat_map(|b| b.as_str().split(". "))
                .filter(|s| s.contains("signed"))
                .find_map(|s| dates::find_dates(s).into_iter().next().map(|d| d.1))
        });
    for block in &outline.preamble {
        let map = SpanMap::new(index, &block.text);
        fm.preamble.push(Paragraph {
            text: block.as_str().to_owned(),
            span: map.whole(),
        });
        for s in signatories::from_sentence(block.as_str()) {
            fm.signatories.push(Signatory {
                name: s.name,
                title: s.title,
                party: s.party,
                span: map.span(s.range),
            });
        }
        for (r, text) in priorities::find(block.as_str()) {
            fm.cross_cutting.push(Priority {
                text,
                span: map.span(r),
            });
        }
    }
    if fm.signatories.is_empty() {
        fm.signatories = from_signature_blocks(&outline.signatures, index);
    }
    fm
}

static TITLE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s(?:between|by)\s+(?:the\s+)?(?:government|governments|kingdom|republic|federal|state|people)(?-u:\b)|\s(?:19|20)[0-9][0-9](?-u:\b)|\s+signed(?-u:\b)")
        .expect("title pattern is valid")
});

/// The title proper: a title page often runs on into "between the
/// Government of …" and the period.
fn title_part(text: &str) -> &str {
    let cut = TITLE_END.find(text).map_or(text.len(), |m| m.start());
    let t = text[..cut]
        .trim()
        .trim_end_matches([',', ';', ':', '-', '–'])
        .trim();
    if t.is_empty() { text.trim() } else { t }
}

/// Parties: the countries the title page names; else the two most named in the preamble.
fn partnership(outline: &Outline<'_>, title: &str) -> Partnership {
    let mut codes: Vec<String> = Vec::new();
    for b in &outline.front {
        for m in country::mentions(b.as_str()) {
            let c = m.code.to_string();
            if !codes.contains(&c) {
                codes.push(c);
            }
        }
    }
    if codes.len() < 2 {
        let mut counts: Vec<(String, usize, usize)> = Vec::new();
        let texts = outline
            .preamble
            .iter()
            .copied()
            .chain(outline.signatures.iter().flat_map(Signature::blocks))
            .chain(
                outline
                    .lines
                    .iter()
                    .flat_map(|l| l.ambition.iter().copied()),
            );
        let mut order = 0;
        for b in texts {
            for m in country::mentions(b.as_str()) {
                order += 1;
                match counts.iter_mut().find(|c| c.0 == m.code) {
                    Some(c) => c.1 += 1,
                    None => counts.push((m.code.to_string(), 1, order)),
                }
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        let mut top: Vec<(String, usize, usize)> = counts.into_iter().take(2).collect();
        top.sort_by_key(|c| c.2);
        for (c, _, _) in top {
            if !codes.contains(&c) && codes.len() < 2 {
                codes.push(c);
            }
        }
    }
    let parties = codes
        .into_iter()
        .map(|code| Party {
            name: country::by_code(&code)
                .map(|c| c.name.to_string())
                .unwrap_or_else(|| code.clone()),
            code,
        })
        .collect();
    let lower = title.to_lowercase();
    let name = lower
        .find(" for the ")
        .map(|i| title[i + " for the ".len()..].trim().to_owned())
        .filter(|n| !n.is_empty());
    Partnership { parties, name }
}

/// "For the Government of X" followed by a name and an office.
fn from_signature_blocks(signatures: &[Signature<'_>], index: &LineIndex<'_>) -> Vec<Signatory> {
    signatures
        .iter()
        .filter_map(|sig| {
            let party = country::first_mention(sig.head.as_str())?.code.to_string();
            let name = sig.lines.first()?;
            let title = sig
                .lines
                .get(1)
                .map(|b| b.as_str().to_owned())
                .unwrap_or_default();
            // "Jane Doe\nMinister of …" on consecutive lines is one paragraph.
            let raw = &index.text()[name.range.clone()];
            let raw_lines: Vec<&str> = raw
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            let (name_text, title) = match raw_lines.as_slice() {
                [n, t, ..] if title.is_empty() => ((*n).to_owned(), (*t).to_owned()),
                _ => (name.as_str().to_owned(), title),
            };
            let at = name.range.start;
            dates::find_dates(&name_text).is_empty().then(|| Signatory {
                span: index.span(at, at + name_text.len()),
                name: name_text,
                title,
                party: Some(party),
            })
        })
        .collect()
}
