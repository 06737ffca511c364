//! The OpenAPI 3.1 document at `/api/openapi.json`, written by hand; a
//! router test checks that every path it lists answers and that every API
//! route is listed. The plan's schema comes from the core's own types.

use std::sync::LazyLock;

use axum::response::Response;
use jointplan_core::Plan;
use serde_json::{Value, json};

/// The paths the document lists, for the tests: each with the operations it has.
pub const PATHS: [&str; 13] = [
    "/api/openapi.json",
    "/api/plans",
    "/api/plans/{slug}",
    "/api/plans/{slug}/progress",
    "/api/plans/{slug}/reports",
    "/api/plans/{slug}/meetings",
    "/api/plans/{slug}/findings",
    "/api/plans/{slug}/actions/{code}/leads",
    "/api/plans/{slug}/actions/{code}/restriction",
    "/api/plans/{slug}/adoption",
    "/api/plans/{slug}/audit",
    "/api/plans/{slug}/revisions",
    "/api/plans/{slug}/revisions/{id}/approval",
];

static DOCUMENT: LazyLock<String> = LazyLock::new(|| document().to_string());

/// `GET /api/openapi.json`.
pub async fn handler() -> Response {
    super::json_text(DOCUMENT.clone())
}

/// A GET operation answering JSON with a schema.
fn get(summary: &str, id: &str, schema: Value, with_slug: bool) -> Value {
    let mut responses = json!({
        "200": { "description": "OK", "content": { "application/json": { "schema": schema } } },
    });
    if with_slug {
        responses["404"] = json!({ "$ref": "#/components/responses/NotFound" });
    }
    let mut op = json!({ "summary": summary, "operationId": id, "responses": responses });
    if with_slug {
        op["parameters"] = json!([{ "$ref": "#/components/parameters/Slug" }]);
    }
    json!({ "get": op })
}

/// A write operation on a plan, with the refusals every write can meet.
pub(crate) fn post(summary: &str, id: &str, body: Value) -> Value {
    let problem = |description: &str| {
        json!({ "description": description,
            "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } })
    };
    json!({
        "summary": summary,
        "operationId": id,
        "security": [{ "bearer": [] }, { "session": [], "csrfHeader": [] }],
        "parameters": [{ "$ref": "#/components/parameters/Slug" }],
        "requestBody": { "required": true, "content": { "application/json": { "schema": body } } },
        "responses": {
            "201": { "description": "Created", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Created" } } } },
            "401": problem("No API token or session, or one that has ended"),
            "403": problem("The account may not do this (the rule is named in detail), or a session's X-CSRF-Token is missing"),
            "404": { "$ref": "#/components/responses/NotFound" },
            "409": problem("The plan is at a stage where this is not possible"),
            "422": problem("The body does not fit the plan"),
        }
    })
}

/// The plan edit: a change set, against the content `If-Match` names.
fn edit_post() -> Value {
    let mut op = post(
        "Change a draft (a new version) or propose a revision of a plan in force, approved for the account's party",
        "proposeRevision",
        json!({ "type": "object", "required": ["changes"],
            "properties": { "reason": { "type": "string" }, "changes": { "type": "array", "items": { "type": "object" } } } }),
    );
    op["parameters"] = json!([{ "$ref": "#/components/parameters/Slug" },
        { "name": "If-Match", "in": "header", "required": true, "schema": { "type": "string" },
          "description": "The ETag of GET /api/plans/{slug}" }]);
    op["responses"]["412"] = json!({ "description": "The plan changed since the ETag sent" });
    op["responses"]["428"] = json!({ "description": "No If-Match" });
    op
}

/// One party's approval of a revision (appended, so no `If-Match`).
fn approval_post() -> Value {
    let mut op = post(
        "Approve a revision for the account's party; the last approval makes the new version",
        "approveRevision",
        json!({ "type": "object", "properties": { "party": { "type": "string" } } }),
    );
    op["parameters"] = json!([{ "$ref": "#/components/parameters/Slug" },
        { "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } }]);
    op
}

/// A path's GET operation joined by a POST.
fn with_post(mut path: Value, post: Value) -> Value {
    path["post"] = post;
    path
}

/// The whole document.
pub fn document() -> Value {
    let plan_schema = serde_json::to_value(schemars::schema_for!(Plan)).unwrap_or(Value::Null);
    let mut schemas = serde_json::Map::new();
    let mut plan = plan_schema;
    if let Some(Value::Object(defs)) = plan.as_object_mut().and_then(|o| o.remove("$defs")) {
        schemas.extend(defs);
    }
    if let Some(o) = plan.as_object_mut() {
        o.remove("$schema");
    }
    schemas.insert("Plan".into(), plan);
    schemas.insert(
        "PlanEntry".into(),
        json!({
            "type": "object",
            "required": ["slug", "title", "parties", "status", "version"],
            "properties": {
                "slug": { "type": "string", "examples": ["dk-kr-2021-2024"] },
                "title": { "type": "string" },
                "parties": { "type": "array", "items": { "type": "string" } },
                "status": { "type": "string", "enum": ["in_force", "closed"] },
                "version": { "type": "integer", "minimum": 1 }
            }
        }),
    );
    schemas.insert(
        "NewReport".into(),
        json!({
            "type": "object",
            "required": ["action", "date", "status", "level"],
            "additionalProperties": false,
            "properties": {
                "action": { "type": "string", "examples": ["1.1.2"] },
                "party": { "type": "string", "description": "The account's own party when left out" },
                "organisation": { "type": "string", "description": "A reporter's own organisation when left out" },
                "date": { "type": "string", "format": "date" },
                "status": { "type": "string", "enum": ["on_track", "delayed", "blocked", "done", "dropped"] },
                "level": { "type": "string", "enum": ["not_started", "limited", "substantial", "complete"] },
                "narrative": { "type": "string" },
                "evidence": { "type": "array", "items": { "type": "string", "format": "uri" } }
            }
        }),
    );
    schemas.insert(
        "Created".into(),
        json!({
            "type": "object",
            "required": ["id"],
            "properties": { "id": { "type": "integer" }, "plan": { "type": "string" }, "action": { "type": "string" } }
        }),
    );
    schemas.insert(
        "Problem".into(),
        json!({
            "type": "object",
            "description": "RFC 9457 problem details",
            "properties": {
                "type": { "type": "string" }, "title": { "type": "string" },
                "status": { "type": "integer" }, "detail": { "type": "string" }
            }
        }),
    );
    for (name, schema) in super::party::openapi_schemas() {
        schemas.insert(name.into(), schema);
    }
    let any_list = json!({ "type": "array", "items": { "type": "object" } });
    let mut doc = json!({
        "openapi": "3.1.0",
        "info": {
            "title": "jointplan",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Joint action plans between two governments: the plans the public may read, their progress, meetings and the linter's findings; and the writes of each party's accounts, with an API token. Errors are RFC 9457 problem+json."
        },
        "paths": {
            "/api/openapi.json": get("This document", "openapi", json!({ "type": "object" }), false),
            "/api/plans": get("Plans the public may read", "listPlans",
                json!({ "type": "array", "items": { "$ref": "#/components/schemas/PlanEntry" } }), false),
            "/api/plans/{slug}": get("A plan's current version, in canonical JSON (ETag: its content hash)", "getPlan",
                json!({ "$ref": "#/components/schemas/Plan" }), true),
            "/api/plans/{slug}/progress": get("Completion per party, line and track", "getProgress", any_list.clone(), true),
            "/api/plans/{slug}/reports": with_post(
                get("Progress reports, oldest first", "listReports", any_list.clone(), true),
                post("File a progress report for the account's party (a reporter: on an action its organisation leads or joins)",
                    "addReport", json!({ "$ref": "#/components/schemas/NewReport" })),
            ),
            "/api/plans/{slug}/meetings": with_post(
                get("Meetings of the plan's mechanisms, oldest first", "listMeetings", any_list.clone(), true),
                post("Log a meeting of one of the plan's mechanisms, hosted by the account's party",
                    "addMeeting", json!({ "$ref": "#/components/schemas/NewMeeting" })),
            ),
            "/api/plans/{slug}/findings": get("The linter's findings", "listFindings", any_list, true),
            "/api/plans/{slug}/revisions": json!({ "post": edit_post() }),
            "/api/plans/{slug}/revisions/{id}/approval": json!({ "post": approval_post() }),
        },
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "bearer": { "type": "http", "scheme": "bearer", "description": "An API token: `jointplan token create`" },
                "session": { "type": "apiKey", "in": "cookie", "name": "jp_session" },
                "csrfHeader": { "type": "apiKey", "in": "header", "name": "X-CSRF-Token",
                    "description": "With a session: the CSRF token of the session's pages" }
            },
            "parameters": {
                "Slug": { "name": "slug", "in": "path", "required": true,
                    "schema": { "type": "string" }, "example": "dk-kr-2021-2024" }
            },
            "responses": {
                "NotFound": { "description": "No such plan the public may read",
                    "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } }
            }
        }
    });
    for (path, item) in super::party::openapi_paths() {
        doc["paths"][path] = item;
    }
    // schemars points at `$defs`; in OpenAPI the definitions live under components.
    let text = doc.to_string().replace("#/$defs/", "#/components/schemas/");
    serde_json::from_str(&text).unwrap_or(doc)
}
