//! `/plans/{slug}/revisions`: versions, proposals with each party's
//! approval, and the differences between consecutive versions.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use jointplan_core::revision::{self, Change, Op};

use super::Cx;
use crate::auth::Viewer;
use crate::data::PlanData;
use crate::error::WebError;
use crate::format;
use crate::i18n::Tr;
use crate::permits;
use crate::state::AppState;
use crate::view::frame::Frame;
use crate::view::labels;

struct VersionRow {
    number: String,
    date: String,
    by: String,
    hash: String,
}

struct Approval {
    party: String,
    state: String,
}

struct RevisionItem {
    id: i64,
    heading: String,
    proposed: String,
    reason: String,
    changes: Vec<String>,
    approvals: Vec<Approval>,
    approve: Option<ApproveForm>,
}

/// The form to approve a proposal, for the coordinator of a party it awaits.
struct ApproveForm {
    action: String,
    csrf: String,
    label: String,
}

struct DiffLine {
    op: &'static str,
    op_label: String,
    item: String,
    before: Option<String>,
    after: Option<String>,
}

struct Diff {
    heading: String,
    lines: Vec<DiffLine>,
}

#[derive(Template)]
#[template(path = "revisions.html")]
struct RevisionsPage<'a> {
    frame: Frame,
    t: &'a Tr,
    versions: Vec<VersionRow>,
    revisions: Vec<RevisionItem>,
    diffs: Vec<Diff>,
}

/// `GET /plans/{slug}/revisions`.
pub async fn handler(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let path = format!("/plans/{slug}/revisions");
    super::plan_page(&state, &viewer, &headers, path, &slug, render).await
}

/// One change, in the language (the plan's words stay as written).
fn change(t: &Tr, c: &Change) -> String {
    match c {
        Change::SetTitle { title } => t.arg("change-title", "title", title),
        Change::SetLineTitle { line, title } => t.args(
            "change-line-title",
            &[("line", line.to_string()), ("title", title.clone())],
        ),
        Change::SetActionText { code, text } => t.args(
            "change-action-text",
            &[("code", code.clone()), ("text", text.clone())],
        ),
        Change::AddAction { track, text } => t.args(
            "change-add-action",
            &[("track", track.clone()), ("text", text.clone())],
        ),
        Change::RemoveAction { code } => t.arg("change-remove-action", "code", code),
        Change::AddLine { title } => t.arg("change-add-line", "title", title),
        Change::AddTrack { line, title } => t.args(
            "change-add-track",
            &[("line", line.to_string()), ("title", title.clone())],
        ),
        Change::SetTrackTitle { track, title } => t.args(
            "change-track-title",
            &[("track", track.clone()), ("title", title.clone())],
        ),
        Change::MoveAction { code, track } => t.args(
            "change-move-action",
            &[("code", code.clone()), ("track", track.clone())],
        ),
        Change::MergeActions { codes, text } => t.args(
            "change-merge-actions",
            &[("codes", codes.join(", ")), ("text", text.clone())],
        ),
        Change::SplitAction { code, texts } => t.args(
            "change-split-action",
            &[("code", code.clone()), ("texts", texts.join(" | "))],
        ),
        Change::SetActionSdgs { code, sdgs } => t.args(
            "change-action-sdgs",
            &[("code", code.clone()), ("sdgs", sdgs.join(", "))],
        ),
    }
}

/// A stored timestamp's date, as the language writes it.
fn day(t: &Tr, timestamp: &str) -> String {
    format::date(t, timestamp.get(..10).unwrap_or(timestamp))
}

fn render(data: &PlanData, cx: &Cx) -> Result<String, WebError> {
    let t = cx.t;
    let plan = &data.plan;
    let lang = t.lang();
    let versions = data
        .versions
        .iter()
        .map(|(v, _)| VersionRow {
            number: format::integer(lang, v.number as u64),
            date: day(t, &v.created_at),
            by: v.created_by.clone(),
            hash: v.content_hash.chars().take(12).collect(),
        })
        .collect();
    let revisions = data
        .revisions
        .iter()
        .map(|r| RevisionItem {
            id: r.id,
            heading: t.arg("revision-heading", "id", &r.id.to_string()),
            proposed: t.args(
                "revision-proposed",
                &[
                    ("date", day(t, &r.proposed_at)),
                    ("who", r.proposed_by.clone()),
                    ("version", r.base_version.to_string()),
                ],
            ),
            reason: r.changes.reason.clone(),
            changes: r.changes.changes.iter().map(|c| change(t, c)).collect(),
            approvals: plan
                .partnership
                .parties
                .iter()
                .map(|p| Approval {
                    party: labels::party(t, plan, &p.code),
                    state: r
                        .approvals
                        .iter()
                        .find(|(party, _)| party.eq_ignore_ascii_case(&p.code))
                        .map_or_else(
                            || t.get("revision-pending"),
                            |(_, who)| t.arg("revision-approved-by", "who", who),
                        ),
                })
                .collect(),
            approve: permits::approve_party(cx.viewer, data, &r.pending)
                .filter(|_| r.applied_as.is_none())
                .map(|party| ApproveForm {
                    action: format!("/plans/{}/revisions/{}/approval", data.info.slug, r.id),
                    csrf: cx.viewer.csrf().unwrap_or_default().to_owned(),
                    label: t.arg("approve-submit", "party", &labels::party(t, plan, &party)),
                }),
        })
        .collect();
    let diffs = data
        .versions
        .windows(2)
        .map(|pair| {
            let ((old_v, old), (new_v, new)) = (&pair[0], &pair[1]);
            Diff {
                heading: t.args(
                    "diff-heading",
                    &[
                        ("old", old_v.number.to_string()),
                        ("new", new_v.number.to_string()),
                    ],
                ),
                lines: revision::diff(old, new)
                    .into_iter()
                    .map(|d| {
                        let (op, id) = match d.op {
                            Op::Added => ("added", "diff-added"),
                            Op::Removed => ("removed", "diff-removed"),
                            Op::Changed => ("changed", "diff-changed"),
                            Op::Moved => ("moved", "diff-moved"),
                            Op::Merged => ("merged", "diff-merged"),
                            Op::Split => ("split", "diff-split"),
                        };
                        DiffLine {
                            op,
                            op_label: t.get(id),
                            item: d.item,
                            before: d.before,
                            after: d.after,
                        }
                    })
                    .collect(),
            }
        })
        .rev()
        .collect();
    let page = RevisionsPage {
        frame: Frame::new(cx, t.get("revisions-title"), super::plan_crumbs(t, data)),
        t,
        versions,
        revisions,
        diffs,
    };
    Ok(page.render()?)
}
