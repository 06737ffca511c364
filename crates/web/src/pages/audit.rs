//! `/plans/{slug}/audit`: a plan's audit trail, newest first, for whom
//! `core::access` lets read it (`Act::ReadAudit`: the parties'
//! coordinators); the public is asked to sign in, others are refused.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use jointplan_core::access::{Act, check};

use super::Cx;
use crate::auth::Viewer;
use crate::data::PlanData;
use crate::error::WebError;
use crate::format;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::view::frame::Frame;
use jointplan_store::AuditEntry;

/// One audit record as a person reads it.
struct AuditRow {
    id: i64,
    at: String,
    actor: String,
    action: String,
    entity: String,
    detail: String,
}

/// The most audit records a page or an API answer lists, newest first.
pub const AUDIT_LIMIT: u32 = 1000;

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage<'a> {
    frame: Frame,
    t: &'a Tr,
    summary: String,
    rows: Vec<AuditRow>,
}

/// `GET /plans/{slug}/audit`.
pub async fn handler(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let data = state.plan_for(&viewer, &slug).await?;
    check(&viewer.principal(), &Act::ReadAudit, Some(&data.scope())).map_err(WebError::Refused)?;
    let entries = state.data.plan_audit(&slug, AUDIT_LIMIT).await?;
    let path = format!("/plans/{slug}/audit");
    super::plan_page(&state, &viewer, &headers, path, &slug, move |data, cx| {
        render(data, cx, &entries)
    })
    .await
}

/// A record's JSON detail as `key: value` pairs, the plan's slug left
/// out (the page is the plan's); the raw text when it is not an object.
fn readable_detail(detail: &str) -> String {
    let Ok(serde_json::Value::Object(fields)) = serde_json::from_str(detail) else {
        return detail.to_owned();
    };
    fields
        .iter()
        .filter(|(k, _)| k.as_str() != "plan")
        .map(|(k, v)| match v {
            serde_json::Value::String(text) => format!("{k}: {text}"),
            other => format!("{k}: {other}"),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn render(data: &PlanData, cx: &Cx, entries: &[AuditEntry]) -> Result<String, WebError> {
    let t = cx.t;
    let rows = entries
        .iter()
        .map(|e| AuditRow {
            id: e.id,
            at: format!(
                "{} {}",
                format::date(t, e.at.get(..10).unwrap_or_default()),
                e.at.get(11..16).unwrap_or_default()
            ),
            actor: e.actor.clone(),
            action: act_label(t, &e.action),
            entity: format!("{} {}", e.entity, e.entity_id).trim().to_owned(),
            detail: readable_detail(&e.detail),
        })
        .collect();
    let page = AuditPage {
        frame: Frame::new(cx, t.get("audit-title"), super::plan_crumbs(t, data)),
        t,
        summary: t.count("audit-summary", entries.len()),
        rows,
    };
    Ok(page.render()?)
}

/// What an audit record did, in the reader's language, with its technical
/// name (`lead.set`) beside it for whoever searches the log.
fn act_label(t: &Tr, action: &str) -> String {
    let id = format!("audit-act-{}", action.replace(['.', '_'], "-"));
    if t.has(&id) {
        format!("{} ({action})", t.get(&id))
    } else {
        action.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_read_as_pairs_without_the_plan() {
        let detail = r#"{"lead":"msit","partners":["mhes"],"party":"KR","plan":"p"}"#;
        assert_eq!(
            readable_detail(detail),
            r#"lead: msit; partners: ["mhes"]; party: KR"#
        );
        assert_eq!(readable_detail("not json"), "not json");
    }
}
