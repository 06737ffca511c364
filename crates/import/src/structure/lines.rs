//! Lines of effort, tracks and actions, each action read for its strength,
//! SDGs, recurrence, organisations and mechanisms.

use jointplan_core::extract::organisations::Register;
use jointplan_core::extract::{self, mechanisms, sdg_mentions};
use jointplan_core::recurrence::Recurrence;
use jointplan_core::{
    Action, ActionKind, Line, LineIndex, MappedText, Mechanism, Paragraph, SdgMention, Track,
    TrackKind, strength,
};

use super::outline::{ActionBlocks, Outline};
use super::spans::SpanMap;
use super::titles::title_case;

/// Builds the lines, and the mechanisms their actions name.
pub fn build(
    outline: &Outline<'_>,
    plan_title: &str,
    index: &LineIndex<'_>,
    register: &mut Register,
) -> (Vec<Line>, Vec<Mechanism>) {
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
            for (ai, ab) in tb.actions.iter().enumerate() {
                let code = format!("{code}.{}", ai + 1);
                actions.push(action(&code, ab, index, register, &mut mechanisms));
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
    (lines, mechanisms.into_iter().map(|(_, m)| m).collect())
}

fn sdg_list(text: &str, map: &SpanMap<'_>) -> Vec<SdgMention> {
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

/// The action's text: the item, then its sub-items after "; ".
fn action_text(ab: &ActionBlocks<'_>) -> MappedText {
    let mut text = ab.main.text.clone();
    for sub in &ab.sub {
        text.push_synthetic("; ", sub.range.start);
        text.append(&sub.text);
    }
    text
}

fn action(
    code: &str,
    ab: &ActionBlocks<'_>,
    index: &LineIndex<'_>,
    register: &mut Register,
    mechanisms: &mut Vec<(String, Mechanism)>,
) -> Action {
    let text = action_text(ab);
    let map = SpanMap::new(index, &text);
    let s = text.as_str();
    // One scan serves both the action's recurrence (the first word) and its mechanisms.
    let words: Vec<_> = jointplan_core::recurrence::find_all(s).collect();
    let recurrence = words
        .first()
        .cloned()
        .map(|(r, frequency, alternative)| Recurrence {
            phrase: s[r.clone()].to_owned(),
            frequency,
            alternative,
            span: map.span(r),
        });
    let mut mech_ids = Vec::new();
    for found in mechanisms::find_among(s, &words) {
        let id = match mechanisms.iter_mut().find(|(k, _)| *k == found.key) {
            Some((_, m)) => {
                if !m.actions.iter().any(|a| a == code) {
                    m.actions.push(code.to_owned());
                }
                m.id.clone()
            }
            None => {
                let id = mechanism_id(&found.key, mechanisms);
                mechanisms.push((
                    found.key.clone(),
                    Mechanism {
                        id: id.clone(),
                        name: found.name.clone(),
                        recurrence: Recurrence {
                            phrase: s[found.recurrence_range.clone()].to_owned(),
                            frequency: found.frequency,
                            alternative: found.alternative,
                            span: map.span(found.recurrence_range.clone()),
                        },
                        actions: vec![code.to_owned()],
                        span: map.span(found.range.clone()),
                    },
                ));
                id
            }
        };
        if !mech_ids.contains(&id) {
            mech_ids.push(id);
        }
    }
    Action {
        code: code.to_owned(),
        text: s.to_owned(),
        kind: ActionKind::classify(s),
        strength: strength::assess(s, &map.as_fn()),
        organisations: register.mentions(s, &map.as_fn()),
        sdgs: sdg_list(s, &map),
        recurrence,
        mechanisms: mech_ids,
        span: map.whole(),
    }
}

fn mechanism_id(key: &str, existing: &[(String, Mechanism)]) -> String {
    extract::unique(extract::slug(key, 6, "mechanism"), |id| {
        existing.iter().any(|(_, m)| m.id == id)
    })
}
