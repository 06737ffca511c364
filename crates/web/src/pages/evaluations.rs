//! `/plans/{slug}/evaluations`: each party's rating side by side,
//! disagreements marked, and the agreed results.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use jointplan_core::evaluation::{self, State as Standing};

use super::Cx;
use crate::auth::Viewer;
use crate::data::PlanData;
use crate::error::WebError;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::view::frame::Frame;
use crate::view::labels;

struct Row {
    code: String,
    href: String,
    scores: Vec<String>,
    agreed: String,
    state: String,
    disagree: bool,
}

struct EvaluationItem {
    name: String,
    summary: String,
    rows: Vec<Row>,
}

#[derive(Template)]
#[template(path = "evaluations.html")]
struct EvaluationsPage<'a> {
    frame: Frame,
    t: &'a Tr,
    party_names: Vec<String>,
    evaluations: Vec<EvaluationItem>,
}

/// `GET /plans/{slug}/evaluations`.
pub async fn handler(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let path = format!("/plans/{slug}/evaluations");
    super::plan_page(&state, &viewer, &headers, path, &slug, render).await
}

fn standing(t: &Tr, s: &Standing) -> String {
    match s {
        Standing::Waiting { missing } => {
            t.arg("evaluation-waiting", "parties", &missing.join(", "))
        }
        Standing::Concurring => t.get("evaluation-concurring"),
        Standing::Disagreeing { spread } => {
            t.arg("evaluation-disagreeing", "spread", &spread.to_string())
        }
        Standing::Settled { .. } => t.get("evaluation-settled"),
    }
}

fn render(data: &PlanData, cx: &Cx) -> Result<String, WebError> {
    let t = cx.t;
    let plan = &data.plan;
    let parties: Vec<String> = plan
        .partnership
        .parties
        .iter()
        .map(|p| p.code.to_uppercase())
        .collect();
    let codes: Vec<String> = plan.actions().map(|a| a.code.clone()).collect();
    let evaluations = data
        .evaluations
        .iter()
        .map(|e| {
            let reconciled = evaluation::reconcile(&codes, &parties, &e.assessments, &e.agreed);
            let disagreeing = reconciled
                .iter()
                .filter(|r| matches!(r.state, Standing::Disagreeing { .. }))
                .count();
            EvaluationItem {
                name: e.name.clone(),
                summary: t.count("evaluation-disagreements", disagreeing),
                rows: reconciled
                    .iter()
                    // Actions nobody assessed yet would fill the table with blanks.
                    .filter(|r| {
                        !r.by_party.is_empty() || matches!(r.state, Standing::Settled { .. })
                    })
                    .map(|r| Row {
                        href: format!("/plans/{}/actions/{}", plan.slug, r.action),
                        code: r.action.clone(),
                        scores: parties
                            .iter()
                            .map(|p| {
                                r.by_party
                                    .get(p)
                                    .map_or_else(|| "–".to_owned(), u8::to_string)
                            })
                            .collect(),
                        agreed: match r.state {
                            Standing::Settled { score } => score.to_string(),
                            _ => "–".to_owned(),
                        },
                        state: standing(t, &r.state),
                        disagree: matches!(r.state, Standing::Disagreeing { .. }),
                    })
                    .collect(),
            }
        })
        .collect();
    let page = EvaluationsPage {
        frame: Frame::new(cx, t.get("evaluations-title"), super::plan_crumbs(t, data)),
        t,
        party_names: parties.iter().map(|p| labels::party(t, plan, p)).collect(),
        evaluations,
    };
    Ok(page.render()?)
}
