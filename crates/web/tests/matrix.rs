//! The whole matrix of who × every route that changes something, through
//! HTTP: nobody signed in, a forged CSRF token, each role of each party,
//! across parties. Each row says what must come back; a refused write must
//! leave nothing behind, an allowed one must be there afterwards.
//!
//! A route that changes something joins [`routes`] when it is built.

mod support;

use serde_json::json;
use support::{Browser, DK_LED, DRAFT, KR_LED, SLUG, TestApp};

/// Who sends the request.
#[derive(Debug, Clone, Copy)]
enum Who {
    /// Nobody signed in.
    Nobody,
    /// A signed-in account's browser, with its CSRF token.
    Browser(&'static str),
    /// A signed-in account's browser with a CSRF token of its own making.
    Forged(&'static str),
    /// A program with the account's API token.
    Token(&'static str),
}

/// One row: a write, who sends it, and the status that must come back.
struct Row {
    route: Route,
    who: Who,
    status: u16,
}

/// The writes the web offers.
#[derive(Debug, Clone, Copy)]
enum Route {
    /// The action page's report form, on an action.
    ReportForm(&'static str),
    /// `POST /api/plans/{slug}/reports` for an action and a party (none:
    /// the account's own).
    ReportApi(&'static str, Option<&'static str>),
    /// Changing one's password (with a wrong current password, so the row
    /// leaves the account usable; the success is tested in `session`).
    Password,
    /// Signing out.
    SignOut,
    /// The action page's leads form, naming MHES as lead.
    LeadsForm(&'static str),
    /// `POST /api/plans/{slug}/actions/{code}/leads` for a party (none: own).
    LeadsApi(&'static str, Option<&'static str>),
    /// The action page's form restricting an action.
    RestrictForm(&'static str),
    /// `POST /api/plans/{slug}/actions/{code}/restriction` for a party (none: own).
    RestrictApi(&'static str, Option<&'static str>),
    /// The mechanism page's meeting form.
    MeetingForm(&'static str),
    /// `POST /api/plans/{slug}/meetings` for a mechanism and host (none: own).
    MeetingApi(&'static str, Option<&'static str>),
    /// The draft's adopt form, with the current content hash or a stale one.
    AdoptForm { stale: bool },
    /// `POST /api/plans/{DRAFT}/adoption` with the current content hash.
    AdoptApi,
    /// The action page's edit form on an action of the plan in force (a proposal).
    EditForm(&'static str),
    /// `POST /api/plans/{slug}/revisions`, with the current `If-Match`.
    ProposeApi,
    /// Approving a fresh proposal of mette's (DK approved) by the form.
    ApproveForm,
    /// Approving a fresh proposal of mette's through the API, for a party.
    ApproveApi(Option<&'static str>),
}

/// The audit actions of the writes of each party's own content.
const PARTY_WRITES: [&str; 5] = [
    "lead.set",
    "action.restrict",
    "action.lift",
    "meeting.add",
    "plan.adopt",
];

fn rows() -> Vec<Row> {
    use Route::*;
    use Who::*;
    let row = |route, who, status| Row { route, who, status };
    vec![
        // Nobody signed in, and a forged form, are refused before anything else.
        row(ReportForm(DK_LED), Nobody, 401),
        row(ReportForm(DK_LED), Forged("lars"), 403),
        row(ReportApi(DK_LED, None), Nobody, 401),
        row(ReportApi(DK_LED, None), Forged("lars"), 403),
        row(Password, Nobody, 401),
        row(Password, Forged("lars"), 403),
        row(SignOut, Nobody, 401),
        row(SignOut, Forged("lars"), 403),
        // A reporter reports where its organisation leads for its party...
        row(ReportForm(DK_LED), Browser("lars"), 303),
        row(ReportApi(DK_LED, None), Token("lars"), 201),
        row(ReportForm(KR_LED), Browser("minho"), 303),
        // ...and nowhere else: not on the other party's action,
        row(ReportForm(KR_LED), Browser("lars"), 403),
        row(ReportApi(KR_LED, None), Token("lars"), 403),
        row(ReportForm(DK_LED), Browser("minho"), 403),
        // not for the other party,
        row(ReportApi(DK_LED, Some("KR")), Token("lars"), 403),
        row(ReportApi(KR_LED, Some("DK")), Token("jisoo"), 403),
        // not on an action the plan does not have.
        row(ReportForm("9.9.9"), Browser("lars"), 404),
        // Coordinators report for their own party on any action.
        row(ReportForm(DK_LED), Browser("mette"), 303),
        row(ReportForm(DK_LED), Browser("jisoo"), 303),
        row(ReportApi(KR_LED, None), Token("jisoo"), 201),
        // Evaluators assess; they do not report.
        row(ReportForm(DK_LED), Browser("anne"), 403),
        row(ReportForm(DK_LED), Browser("ines"), 403),
        row(ReportApi(DK_LED, None), Token("ines"), 403),
        // Everyone signed in may sign out and try to change a password.
        row(Password, Browser("minho"), 422),
        row(SignOut, Browser("anne"), 303),
        // A coordinator sets its own party's leads; nobody else does.
        row(LeadsForm(DK_LED), Nobody, 401),
        row(LeadsForm(DK_LED), Forged("mette"), 403),
        row(LeadsApi(DK_LED, None), Nobody, 401),
        row(LeadsApi(DK_LED, None), Forged("mette"), 403),
        row(LeadsForm(DK_LED), Browser("mette"), 303),
        row(LeadsApi(DK_LED, None), Token("mette"), 200),
        row(LeadsApi(DK_LED, None), Token("jisoo"), 200),
        row(LeadsApi(DK_LED, Some("DK")), Token("jisoo"), 403),
        row(LeadsForm(DK_LED), Browser("lars"), 403),
        row(LeadsForm(DK_LED), Browser("anne"), 403),
        row(LeadsForm(DK_LED), Browser("ines"), 403),
        row(LeadsForm("9.9.9"), Browser("mette"), 404),
        // A coordinator restricts for its own party only.
        row(RestrictForm("1.1.1"), Nobody, 401),
        row(RestrictForm("1.1.1"), Forged("jisoo"), 403),
        row(RestrictApi("1.1.1", None), Nobody, 401),
        row(RestrictForm("1.1.1"), Browser("lars"), 403),
        row(RestrictForm("1.1.1"), Browser("ines"), 403),
        row(RestrictApi("1.1.1", Some("KR")), Token("mette"), 403),
        row(RestrictForm("1.1.1"), Browser("jisoo"), 303),
        row(RestrictApi("1.1.1", None), Token("mette"), 200),
        // A party's reporters and coordinators log its meetings; coordinators any.
        row(MeetingForm("jcm"), Nobody, 401),
        row(MeetingForm("jcm"), Forged("minho"), 403),
        row(MeetingApi("jcm", None), Nobody, 401),
        row(MeetingForm("jcm"), Browser("minho"), 303),
        row(MeetingForm("jcm"), Browser("anne"), 403),
        row(MeetingForm("jcm"), Browser("ines"), 403),
        row(MeetingForm("no-such-body"), Browser("minho"), 404),
        row(MeetingApi("jcm", None), Token("mette"), 201),
        row(MeetingApi("jcm", Some("KR")), Token("lars"), 403),
        row(MeetingApi("jcm", Some("DK")), Token("jisoo"), 201),
        // Each party's coordinator approves the draft; the second brings it into force.
        row(AdoptForm { stale: false }, Nobody, 401),
        row(AdoptForm { stale: false }, Forged("mette"), 403),
        row(AdoptApi, Nobody, 401),
        row(AdoptForm { stale: false }, Browser("lars"), 403),
        row(AdoptForm { stale: false }, Browser("anne"), 403),
        row(AdoptForm { stale: false }, Browser("ines"), 403),
        row(AdoptApi, Token("minho"), 403),
        row(AdoptForm { stale: true }, Browser("mette"), 409),
        row(AdoptForm { stale: false }, Browser("mette"), 303),
        row(AdoptForm { stale: false }, Browser("mette"), 409),
        row(AdoptApi, Token("jisoo"), 200),
        row(AdoptForm { stale: false }, Browser("jisoo"), 409),
        // Editing and approving the plan in force: coordinators only,
        // each approving for its own party, once.
        row(EditForm(DK_LED), Nobody, 401),
        row(EditForm(DK_LED), Forged("mette"), 403),
        row(EditForm(DK_LED), Browser("lars"), 403),
        // An account of no party is refused by core as needing one (422).
        row(EditForm(DK_LED), Browser("ines"), 422),
        row(EditForm(DK_LED), Browser("mette"), 303),
        row(ProposeApi, Nobody, 401),
        row(ProposeApi, Forged("mette"), 403),
        row(ProposeApi, Token("minho"), 403),
        row(ProposeApi, Token("jisoo"), 201),
        row(ApproveForm, Nobody, 401),
        row(ApproveForm, Forged("jisoo"), 403),
        row(ApproveForm, Browser("lars"), 403),
        row(ApproveForm, Browser("mette"), 409),
        row(ApproveForm, Browser("jisoo"), 303),
        row(ApproveApi(None), Nobody, 401),
        row(ApproveApi(Some("DK")), Token("jisoo"), 403),
        row(ApproveApi(None), Token("minho"), 403),
        row(ApproveApi(None), Token("jisoo"), 201),
    ]
}

#[tokio::test]
async fn every_write_is_refused_or_allowed_as_the_rules_say() {
    let app = TestApp::with_people().await;
    app.add_draft().await;
    let mut wrong = Vec::new();
    for row in rows() {
        let before = footprint(&app).await;
        let status = send(&app, row.route, row.who).await;
        let wrote = footprint(&app).await.saturating_sub(before);
        // Revisions are not counted here (an approval row first files a
        // fresh proposal to approve); `tests/revise.rs` checks their effects.
        let uncounted = matches!(
            row.route,
            Route::SignOut
                | Route::EditForm(_)
                | Route::ProposeApi
                | Route::ApproveForm
                | Route::ApproveApi(_)
        );
        let expected_writes = match row.status {
            200 | 201 | 303 if !uncounted => 1,
            _ => 0,
        };
        if status != row.status || wrote != expected_writes {
            wrong.push(format!(
                "{:?} as {:?}: {status} (expected {}), {wrote} reports written (expected {expected_writes})",
                row.route, row.who, row.status
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// How many records the writes of the matrix left: reports, and the
/// audit records of each party's own content.
async fn footprint(app: &TestApp) -> usize {
    let reports = app.store.reports(SLUG).await.expect("reports").len();
    let audit = app.store.audit().await.expect("audit");
    reports
        + audit
            .iter()
            .filter(|e| PARTY_WRITES.contains(&e.action.as_str()))
            .count()
}

async fn send(app: &TestApp, route: Route, who: Who) -> u16 {
    let browser = match who {
        Who::Browser(name) => Some(app.browser(name).await),
        Who::Forged(name) => Some(Browser {
            csrf: "0".repeat(64),
            ..app.browser(name).await
        }),
        Who::Nobody | Who::Token(_) => None,
    };
    let token = match who {
        Who::Token(name) => Some(app.token(name).await),
        _ => None,
    };
    match route {
        Route::ReportForm(code) => {
            let fields = [
                ("date", "2024-06-30"),
                ("status", "on_track"),
                ("level", "limited"),
                ("narrative", "A workshop was held."),
            ];
            let path = format!("/plans/{SLUG}/actions/{code}/reports");
            let fields = with_forged(&fields, who, browser.as_ref());
            app.post_form(&path, browser.as_ref(), &fields).await.status
        }
        Route::ReportApi(code, party) => {
            let mut body = json!({
                "action": code, "date": "2024-06-30", "status": "on_track", "level": "limited",
                "narrative": "Sent by a program."
            });
            if let Some(p) = party {
                body["party"] = json!(p);
            }
            let path = format!("/api/plans/{SLUG}/reports");
            match &browser {
                // A browser's session without the CSRF header: a forged call.
                Some(b) => {
                    app.post_json_with_cookie(&path, &b.cookie, &body)
                        .await
                        .status
                }
                None => app.post_json(&path, token.as_deref(), &body).await.status,
            }
        }
        Route::Password => {
            let fields = [
                ("current", "wrong"),
                ("new", "a-new-Secret-2"),
                ("repeat", "a-new-Secret-2"),
            ];
            let fields = with_forged(&fields, who, browser.as_ref());
            app.post_form("/account/password", browser.as_ref(), &fields)
                .await
                .status
        }
        Route::EditForm(code) => {
            let hash = app
                .store
                .version(SLUG, None)
                .await
                .expect("version")
                .info
                .content_hash;
            let fields = [
                ("hash", hash.as_str()),
                ("text", "A reworded commitment, sent by a form."),
            ];
            let path = format!("/plans/{SLUG}/actions/{code}/edit");
            let fields = with_forged(&fields, who, browser.as_ref());
            app.post_form(&path, browser.as_ref(), &fields).await.status
        }
        Route::ProposeApi => {
            let hash = app
                .store
                .version(SLUG, None)
                .await
                .expect("version")
                .info
                .content_hash;
            let body = json!({ "reason": "matrix", "changes": [
                { "op": "set_action_text", "code": KR_LED, "text": "Reworded by a program." }
            ]});
            let path = format!("/api/plans/{SLUG}/revisions");
            send_json(
                app,
                &path,
                browser.as_ref(),
                token.as_deref(),
                Some(&hash),
                &body,
            )
            .await
        }
        Route::ApproveForm => {
            let id = proposal(app).await;
            let path = format!("/plans/{SLUG}/revisions/{id}/approval");
            let fields = with_forged(&[], who, browser.as_ref());
            app.post_form(&path, browser.as_ref(), &fields).await.status
        }
        Route::ApproveApi(party) => {
            let id = proposal(app).await;
            let body = party.map_or_else(|| json!({}), |p| json!({ "party": p }));
            let path = format!("/api/plans/{SLUG}/revisions/{id}/approval");
            send_json(app, &path, browser.as_ref(), token.as_deref(), None, &body).await
        }
        Route::SignOut => {
            let fields = with_forged(&[], who, browser.as_ref());
            app.post_form("/sign-out", browser.as_ref(), &fields)
                .await
                .status
        }
        Route::LeadsForm(code) => {
            let fields = [("lead", "mhes"), ("partners", "msit")];
            let path = format!("/plans/{SLUG}/actions/{code}/leads");
            let fields = with_forged(&fields, who, browser.as_ref());
            app.post_form(&path, browser.as_ref(), &fields).await.status
        }
        Route::LeadsApi(code, party) => {
            let mut body = json!({ "lead": "mhes", "partners": [] });
            if let Some(p) = party {
                body["party"] = json!(p);
            }
            let path = format!("/api/plans/{SLUG}/actions/{code}/leads");
            api(app, &path, browser.as_ref(), token.as_deref(), &body).await
        }
        Route::RestrictForm(code) => {
            let path = format!("/plans/{SLUG}/actions/{code}/restriction");
            let fields = with_forged(&[("restricted", "true")], who, browser.as_ref());
            app.post_form(&path, browser.as_ref(), &fields).await.status
        }
        Route::RestrictApi(code, party) => {
            let mut body = json!({ "restricted": true });
            if let Some(p) = party {
                body["party"] = json!(p);
            }
            let path = format!("/api/plans/{SLUG}/actions/{code}/restriction");
            api(app, &path, browser.as_ref(), token.as_deref(), &body).await
        }
        Route::MeetingForm(id) => {
            let fields = [
                ("date", "2023-05-10"),
                ("status", "held"),
                ("place", "Seoul"),
                ("outcomes", "Work plan agreed."),
            ];
            let path = format!("/plans/{SLUG}/mechanisms/{id}/meetings");
            let fields = with_forged(&fields, who, browser.as_ref());
            app.post_form(&path, browser.as_ref(), &fields).await.status
        }
        Route::MeetingApi(id, host) => {
            let mut body = json!({ "mechanism": id, "date": "2025-03-01", "status": "planned" });
            if let Some(h) = host {
                body["host_party"] = json!(h);
            }
            let path = format!("/api/plans/{SLUG}/meetings");
            api(app, &path, browser.as_ref(), token.as_deref(), &body).await
        }
        Route::AdoptForm { stale } => {
            let current = draft_hash(app).await;
            let hash = if stale { "0".repeat(64) } else { current };
            let path = format!("/plans/{DRAFT}/adoption");
            let fields = with_forged(&[("content_hash", &hash)], who, browser.as_ref());
            app.post_form(&path, browser.as_ref(), &fields).await.status
        }
        Route::AdoptApi => {
            let body = json!({ "content_hash": draft_hash(app).await });
            let path = format!("/api/plans/{DRAFT}/adoption");
            api(app, &path, browser.as_ref(), token.as_deref(), &body).await
        }
    }
}

/// The draft's current content hash.
async fn draft_hash(app: &TestApp) -> String {
    app.store
        .version(DRAFT, None)
        .await
        .expect("the draft")
        .info
        .content_hash
}

/// An API write with a token, or a browser's session without the CSRF
/// header (a forged call), or nothing.
async fn api(
    app: &TestApp,
    path: &str,
    browser: Option<&Browser>,
    token: Option<&str>,
    body: &serde_json::Value,
) -> u16 {
    match browser {
        Some(b) => {
            app.post_json_with_cookie(path, &b.cookie, body)
                .await
                .status
        }
        None => app.post_json(path, token, body).await.status,
    }
}

/// The fields, with the browser's forged token when the row forges one.
fn with_forged<'a>(
    fields: &[(&'a str, &'a str)],
    who: Who,
    browser: Option<&'a Browser>,
) -> Vec<(&'a str, &'a str)> {
    let mut out = fields.to_vec();
    if let (Who::Forged(_), Some(b)) = (who, browser) {
        out.push(("csrf", &b.csrf));
    }
    out
}

/// A new proposal of mette's against the current version, approved for
/// Denmark as the web files it; its id.
async fn proposal(app: &TestApp) -> i64 {
    use jointplan_core::revision::{Change, ChangeSet};
    use jointplan_store::Actor;
    let mette = Actor::account("mette");
    let set = ChangeSet {
        reason: "matrix".into(),
        changes: vec![Change::SetActionText {
            code: DK_LED.into(),
            text: "Reworded for an approval row.".into(),
        }],
    };
    let r = app
        .store
        .propose_revision(SLUG, &set, &mette)
        .await
        .expect("mette proposes");
    app.store
        .approve_revision(r.id, "DK", &mette)
        .await
        .expect("mette approves for DK");
    r.id
}

/// A JSON write: with a token, or a browser's session without its CSRF
/// header (a forged call), or nobody; with `If-Match` when given.
async fn send_json(
    app: &TestApp,
    path: &str,
    browser: Option<&Browser>,
    token: Option<&str>,
    if_match: Option<&str>,
    body: &serde_json::Value,
) -> u16 {
    use axum::body::Body;
    use axum::http::{Request, header};
    let mut request = Request::post(path).header(header::CONTENT_TYPE, "application/json");
    if let Some(b) = browser {
        request = request.header(header::COOKIE, &b.cookie);
    }
    if let Some(t) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    if let Some(h) = if_match {
        request = request.header(header::IF_MATCH, format!("\"{h}\""));
    }
    let request = request.body(Body::from(body.to_string())).expect("request");
    app.send(request).await.status
}
