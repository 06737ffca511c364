//! The JSON API's writes of each party's own content: leads and partners,
//! restrictions, meetings and the adoption of a draft. As in [`super::writes`],
//! [`ApiWriter`] names the sender before the body is read, and the store
//! asks `core::access` whether the account may.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use jointplan_store::{Occurrence, OccurrenceStatus};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::auth::{ApiWriter, Viewer};
use crate::data::PlanData;
use crate::error::WebError;
use crate::state::AppState;

/// A party's lead and partners of one action.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewLeads {
    /// Whose leads; the account's own party when left out.
    #[serde(default)]
    pub party: Option<String>,
    /// The lead organisation (id or acronym in the register); none clears it.
    #[serde(default)]
    pub lead: Option<String>,
    /// The partner organisations.
    #[serde(default)]
    pub partners: Vec<String>,
}

/// A party's restriction of one action.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewRestriction {
    /// Whose restriction; the account's own party when left out.
    #[serde(default)]
    pub party: Option<String>,
    /// True restricts; false lifts the party's own restriction.
    pub restricted: bool,
}

/// A meeting as a program logs it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewMeeting {
    /// The mechanism's id in the plan.
    pub mechanism: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Held, planned, postponed or cancelled.
    pub status: OccurrenceStatus,
    /// Where.
    #[serde(default)]
    pub place: Option<String>,
    /// The hosting party; the account's own when left out.
    #[serde(default)]
    pub host_party: Option<String>,
    /// Who took part.
    #[serde(default)]
    pub participants: Vec<String>,
    /// What came out of it.
    #[serde(default)]
    pub outcomes: String,
    /// Codes of the actions it advanced.
    #[serde(default)]
    pub actions: Vec<String>,
    /// The earlier record this one updates.
    #[serde(default)]
    pub supersedes: Option<i64>,
}

/// An approval of a draft's content.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewAdoption {
    /// The content hash approved (the plan's `ETag`): a stale one is a 409.
    pub content_hash: String,
}

/// The party named, or the account's own, or (for an account of no
/// party) the plan's first, so that the store refuses with the rule's words.
fn party_or_own(
    named: Option<String>,
    viewer: &Viewer,
    data: &PlanData,
) -> Result<String, WebError> {
    match named {
        Some(p) => Ok(p),
        None => crate::pages::party::acting_party(viewer, data),
    }
}

/// A JSON body, or 422 with why it could not be read.
fn body<T>(sent: Result<Json<T>, JsonRejection>) -> Result<T, WebError> {
    sent.map(|Json(v)| v)
        .map_err(|e| WebError::BadForm(e.body_text()))
}

/// `POST /api/plans/{slug}/actions/{code}/leads`: 200 with the lead as stored.
pub async fn set_leads(
    State(state): State<AppState>,
    ApiWriter(viewer): ApiWriter,
    Path((slug, code)): Path<(String, String)>,
    sent: Result<Json<NewLeads>, JsonRejection>,
) -> Result<Response, WebError> {
    let new = body(sent)?;
    let data = state.plan_with_action(&viewer, &slug, &code).await?;
    let party = party_or_own(new.party, &viewer, &data)?;
    let lead = state
        .data
        .set_leads(
            &slug,
            &code,
            &party,
            new.lead.as_deref().filter(|l| !l.trim().is_empty()),
            &new.partners,
            &viewer.actor(),
        )
        .await?;
    state.wrote();
    Ok(Json(lead).into_response())
}

/// `POST /api/plans/{slug}/actions/{code}/restriction`: 200 with the party's restriction.
pub async fn restrict(
    State(state): State<AppState>,
    ApiWriter(viewer): ApiWriter,
    Path((slug, code)): Path<(String, String)>,
    sent: Result<Json<NewRestriction>, JsonRejection>,
) -> Result<Response, WebError> {
    let new = body(sent)?;
    let data = state.plan_with_action(&viewer, &slug, &code).await?;
    let party = party_or_own(new.party, &viewer, &data)?;
    state
        .data
        .restrict(&slug, &code, &party, new.restricted, &viewer.actor())
        .await?;
    state.wrote();
    let answer =
        json!({ "plan": slug, "action": code, "party": party, "restricted": new.restricted });
    Ok(Json(answer).into_response())
}

/// `POST /api/plans/{slug}/meetings`: 201 with the record's id.
pub async fn add_meeting(
    State(state): State<AppState>,
    ApiWriter(viewer): ApiWriter,
    Path(slug): Path<String>,
    sent: Result<Json<NewMeeting>, JsonRejection>,
) -> Result<Response, WebError> {
    let new = body(sent)?;
    let data = state.plan_for(&viewer, &slug).await?;
    let host = party_or_own(new.host_party, &viewer, &data)?;
    let occurrence = Occurrence {
        mechanism: new.mechanism,
        status: new.status,
        date: new.date,
        place: new.place,
        host_party: Some(host),
        participants: new.participants,
        outcomes: new.outcomes,
        actions: new.actions,
        supersedes: new.supersedes,
    };
    let id = state
        .data
        .add_occurrence(&slug, &occurrence, &viewer.actor())
        .await?;
    state.wrote();
    let answer = json!({ "id": id, "plan": slug, "mechanism": occurrence.mechanism });
    Ok((StatusCode::CREATED, Json(answer)).into_response())
}

/// `POST /api/plans/{slug}/adoption`: 200 with where the plan stands now.
pub async fn adopt(
    State(state): State<AppState>,
    ApiWriter(viewer): ApiWriter,
    Path(slug): Path<String>,
    sent: Result<Json<NewAdoption>, JsonRejection>,
) -> Result<Response, WebError> {
    let new = body(sent)?;
    let data = state.plan_for(&viewer, &slug).await?;
    crate::pages::adopt::check_hash(&data, &new.content_hash)?;
    let info = state.data.adopt(&slug, &viewer.actor()).await?;
    state.wrote();
    // `stage` is what the rules judge by; `status` also closes a plan past its period.
    let answer = json!({ "plan": slug, "stage": info.stage.as_str(), "status": info.status, "content_hash": new.content_hash });
    Ok(Json(answer).into_response())
}

/// `GET /api/plans/{slug}/audit`: the plan's audit records, newest first,
/// for whom `core::access` lets read them (the parties' coordinators).
pub async fn audit(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let data = state.plan_for(&viewer, &slug).await?;
    jointplan_core::access::check(
        &viewer.principal(),
        &jointplan_core::access::Act::ReadAudit,
        Some(&data.scope()),
    )
    .map_err(WebError::Refused)?;
    let entries = state
        .data
        .plan_audit(&slug, crate::pages::audit::AUDIT_LIMIT)
        .await?;
    Ok(Json(entries).into_response())
}

/// The OpenAPI paths of these writes (the meetings POST joins the
/// meetings GET in `openapi.rs`), and their request schemas.
pub fn openapi_paths() -> Vec<(&'static str, Value)> {
    let code = json!({ "name": "code", "in": "path", "required": true,
        "schema": { "type": "string" }, "example": "1.1.2" });
    let answered = |mut op: Value, with_code: bool| {
        // These writes answer 200 with the record as it now stands.
        if let Some(responses) = op["responses"].as_object_mut() {
            responses.remove("201");
            responses.insert(
                "200".into(),
                json!({ "description": "Saved",
                "content": { "application/json": { "schema": { "type": "object" } } } }),
            );
        }
        if with_code && let Some(params) = op["parameters"].as_array_mut() {
            params.push(code.clone());
        }
        op
    };
    let leads = super::openapi::post(
        "Set the account's party's lead organisation and partners of an action (coordinators)",
        "setLeads",
        json!({ "$ref": "#/components/schemas/NewLeads" }),
    );
    let restriction = super::openapi::post(
        "Restrict an action for the account's party (hidden from the public), or lift that restriction (coordinators)",
        "setRestriction",
        json!({ "$ref": "#/components/schemas/NewRestriction" }),
    );
    let adoption = super::openapi::post(
        "Approve a draft's content for the account's party (coordinators); a stale content hash is a 409",
        "adoptPlan",
        json!({ "$ref": "#/components/schemas/NewAdoption" }),
    );
    let problem = json!({ "content": { "application/problem+json":
        { "schema": { "$ref": "#/components/schemas/Problem" } } } });
    let audit = json!({ "get": {
        "summary": "The plan's audit records, newest first (the parties' coordinators)",
        "operationId": "listAudit",
        "security": [{ "bearer": [] }, { "session": [] }],
        "parameters": [{ "$ref": "#/components/parameters/Slug" }],
        "responses": {
            "200": { "description": "OK", "content": { "application/json": { "schema":
                { "type": "array", "items": { "type": "object" } } } } },
            "401": { "description": "No API token or session", "content": problem["content"] },
            "403": { "description": "The account may not read the audit trail", "content": problem["content"] },
            "404": { "$ref": "#/components/responses/NotFound" },
        }
    } });
    vec![
        ("/api/plans/{slug}/audit", audit),
        (
            "/api/plans/{slug}/actions/{code}/leads",
            json!({ "post": answered(leads, true) }),
        ),
        (
            "/api/plans/{slug}/actions/{code}/restriction",
            json!({ "post": answered(restriction, true) }),
        ),
        (
            "/api/plans/{slug}/adoption",
            json!({ "post": answered(adoption, false) }),
        ),
    ]
}

/// The request schemas of these writes.
pub fn openapi_schemas() -> Vec<(&'static str, Value)> {
    let list = json!({ "type": "array", "items": { "type": "string" } });
    vec![
        (
            "NewLeads",
            json!({ "type": "object", "additionalProperties": false, "properties": {
                "party": { "type": "string", "description": "The account's own party when left out" },
                "lead": { "type": ["string", "null"], "description": "An organisation of the plan's register, by id or acronym; null clears it" },
                "partners": list,
            } }),
        ),
        (
            "NewRestriction",
            json!({ "type": "object", "required": ["restricted"], "additionalProperties": false, "properties": {
                "party": { "type": "string", "description": "The account's own party when left out" },
                "restricted": { "type": "boolean" },
            } }),
        ),
        (
            "NewMeeting",
            json!({ "type": "object", "required": ["mechanism", "date", "status"], "additionalProperties": false, "properties": {
                "mechanism": { "type": "string" },
                "date": { "type": "string", "format": "date" },
                "status": { "type": "string", "enum": ["planned", "held", "postponed", "cancelled"] },
                "place": { "type": "string" },
                "host_party": { "type": "string", "description": "The account's own party when left out" },
                "participants": list,
                "outcomes": { "type": "string" },
                "actions": list,
                "supersedes": { "type": "integer" },
            } }),
        ),
        (
            "NewAdoption",
            json!({ "type": "object", "required": ["content_hash"], "additionalProperties": false, "properties": {
                "content_hash": { "type": "string", "description": "The plan's ETag, without quotes" },
            } }),
        ),
    ]
}
