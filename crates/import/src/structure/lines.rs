//! Lines of effort, tracks and actions: each action's reading (`action_read`)
//! joined with what depends on the whole plan: the mechanisms it shares
//! with other actions, and then (once the register of organisations is
//! learnt, [`attach_organisations`]) the organisations it mentions.

use jointplan_core::extract::organisations::Register;
use jointplan_core::extract::{self, sdg_mentions};
use jointplan_core::span::MappedText;
use jointplan_core::{Action, Line, LineIndex, Mechanism, Paragraph, SdgMention, Track, TrackKind};

use super::action_read::ActionRead;
use super::outline::Outline;
use super::spans::SpanMap;
use super::titles::title_case;

/// The lines, the mechanisms their actions name, and each action's text
/// in plan order, for [`attach_organisations`]. Actions have no
/// organisations yet: those need the whole plan's register, which is learnt
/// meanwhile.
pub fn build(
    outline: &Outline<'_>,
    plan_title: &str,
    index: &LineIndex<'_>,
    reads: Vec<ActionRead>,
) -> (Vec<Line>, Vec<Mechanism>, Vec<MappedText>) {
    let mut texts = Vec::with_capacity(reads.len());
    let mut reads = reads.into_iter();
    let mut lines = Vec::new();
    let mut mechanisms: Vec<(String, Mechanism)> = Vec::new();
    // Lines keep the document's own numbers when it numbers them
    // consistently (so "2.1.1" in the text is 2.1.1 here); else their position.
    let numbers: Vec<Option<u32>> = outline.lines.iter().map(|l| l.number).collect();
    let own_numbers =
        numbers.iter().all(Option::is_some) && numbers.windows(2).all(|w| w[0] < w[1]);
    for (li, lb) in outline.lines.iter().enumerate() {
        let position = u32::try_from(li + 1).unwrap_or(u32::MAX);
        let number = if own_numbers {
            lb.number.unwrap_or(position)
        } else {
            position
        };
        let heading_span = lb
            .heading
            .map(|h| SpanMap::new(index, &h.text).whole())
            .or_else(|| {
                lb.tracks
                    .first()
                    .and_then(|t| t.actions.first())
                    .map(|a| SpanMap::new(index, &a.main.text).whole())
            })
            .unwrap_or_default();
        let mut ambition = Vec::new();
        let mut sdgs = Vec::new();
        for block in &lb.ambition {
            let map = SpanMap::new(index, &block.text);
            ambition.push(Paragraph {
                text: block.as_str().to_owned(),
                span: map.whole(),
            });
            sdgs.extend(sdg_list(block.as_str(), &map));
        }
        let mut tracks = Vec::new();
        for (ti, tb) in lb.tracks.iter().enumerate() {
            let code = format!("{}.{}", number, ti + 1);
            let span = tb
                .heading
                .map(|h| SpanMap::new(index, &h.text).whole())
                .or_else(|| {
                    tb.actions
                        .first()
                        .map(|a| SpanMap::new(index, &a.main.text).whole())
                })
                .unwrap_or_default();
            let mut actions = Vec::new();
            // One reading per action, in the outline's order (`action_read::read_all`).
            for (ai, read) in (&mut reads).take(tb.actions.len()).enumerate() {
                let code = format!("{code}.{}", ai + 1);
                let (action, text) = action(&code, read, &mut mechanisms);
                actions.push(action);
                texts.push(text);
            }
            tracks.push(Track {
                code,
                kind: TrackKind::from_heading(&tb.title),
                heading: tb.title.clone(),
                actions,
                span,
            });
        }
        lines.push(Line {
            number,
            // A document without line headings is one line: the plan itself.
            title: if lb.title.is_empty() {
                plan_title.to_owned()
            } else {
                title_case(&lb.title)
            },
            ambition,
            sdgs,
            tracks,
            span: heading_span,
        });
    }
    (
        lines,
        mechanisms.into_iter().map(|(_, m)| m).collect(),
        texts,
    )
}

/// Gives each action the organisations it mentions; `texts` are the
/// actions' texts in plan order, as [`build`] returns them. The register
/// adds the bodies it meets for the first time, in that order.
pub fn attach_organisations(
    lines: &mut [Line],
    texts: &[MappedText],
    index: &LineIndex<'_>,
    register: &mut Register,
) {
    let actions = lines
        .iter_mut()
        .flat_map(|l| l.tracks.iter_mut())
        .flat_map(|t| t.actions.iter_mut());
    for (action, text) in actions.zip(texts) {
        let map = SpanMap::new(index, text);
        action.organisations = register.mentions(text.as_str(), &map.as_fn());
    }
}

/// The SDGs a text names, with their spans.
pub(super) fn sdg_list(text: &str, map: &SpanMap<'_>) -> Vec<SdgMention> {
    sdg_mentions::find(text)
        .into_iter()
        .map(|f| SdgMention {
            goal: f.goal,
            target: f.target,
            title_as_written: f.title,
            span: map.span(f.range),
        })
        .collect()
}

/// The action `code` (without its organisations), from its reading and
/// the mechanisms it shares with others; and its text.
fn action(
    code: &str,
    read: ActionRead,
    mechanisms: &mut Vec<(String, Mechanism)>,
) -> (Action, MappedText) {
    let mut mech_ids = Vec::new();
    for named in read.mechanisms {
        let id = match mechanisms.iter_mut().find(|(k, _)| *k == named.key) {
            Some((_, m)) => {
                if !m.actions.iter().any(|a| a == code) {
                    m.actions.push(code.to_owned());
                }
                m.id.clone()
            }
            None => {
                let id = mechanism_id(&named.key, mechanisms);
                mechanisms.push((
                    named.key,
                    Mechanism {
                        id: id.clone(),
                        name: named.name,
                        recurrence: named.recurrence,
                        actions: vec![code.to_owned()],
                        span: named.span,
                    },
                ));
                id
            }
        };
        if !mech_ids.contains(&id) {
            mech_ids.push(id);
        }
    }
    let action = Action {
        code: code.to_owned(),
        text: read.text.as_str().to_owned(),
        kind: read.kind,
        strength: read.strength,
        organisations: Vec::new(),
        sdgs: read.sdgs,
        recurrence: read.recurrence,
        mechanisms: mech_ids,
        origins: Vec::new(),
        span: read.span,
    };
    (action, read.reading)
}

fn mechanism_id(key: &str, existing: &[(String, Mechanism)]) -> String {
    extract::unique(extract::slug(key, 6, "mechanism"), |id| {
        existing.iter().any(|(_, m)| m.id == id)
    })
}
