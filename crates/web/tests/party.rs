//! Each party's own content, as its coordinators and reporters set it from
//! the pages and through the API: leads and partners, restrictions,
//! meetings, the adoption of a draft, and the audit trail that records it.

mod support;

use serde_json::json;
use support::{DK_LED, DRAFT, KR_LED, SLUG, TestApp, text_of};

#[tokio::test]
async fn a_coordinator_sets_its_partys_leads_and_the_directory_shows_them() {
    let app = TestApp::with_people().await;
    let mette = app.browser("mette").await;
    let path = format!("/plans/{SLUG}/actions/{KR_LED}");
    let page = app.get_as(&path, &mette.cookie).await;
    assert!(page.body.contains("Denmark&#39;s lead and partners"));
    let own = page.body.find(r#"<optgroup label="Denmark">"#);
    let other = page.body.find(r#"<optgroup label="Republic of Korea">"#);
    assert!(
        own.is_some() && own < other,
        "the party's own organisations come first"
    );
    assert!(page.body.contains(&format!("{path}/leads")));
    // A reporter gets no such form.
    let lars = app.browser("lars").await;
    assert!(
        !app.get_as(&path, &lars.cookie)
            .await
            .body
            .contains(&format!("{path}/leads"))
    );
    let sent = app
        .post_form(
            &format!("{path}/leads"),
            Some(&mette),
            &[("lead", "mhes"), ("partners", "msit")],
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    let content = app.store.party_content(SLUG).await.expect("content");
    let dk = content.lead(KR_LED, "DK").expect("Denmark's lead");
    assert_eq!(dk.lead.as_deref(), Some("mhes"));
    assert_eq!(dk.partners, ["msit"]);
    let korea = content.lead(KR_LED, "KR").expect("Korea's lead stays");
    assert_eq!(korea.lead.as_deref(), Some("msit"), "Korea's is untouched");
    // The page sent back says so and the form shows what is set now.
    let again = app
        .get_as(sent.header("location"), &mette.cookie)
        .await
        .body;
    assert!(again.contains("Your party&#39;s lead and partners are saved."));
    assert!(again.contains(r#"<option value="mhes" selected>"#));
    assert!(again.contains(r#"value="msit" checked"#));
    // The directory says what each organisation leads or joins, for whom.
    let directory = text_of(&app.get(&format!("/plans/{SLUG}/organisations")).await.body);
    assert!(
        directory.contains(&format!("{KR_LED} (lead for Denmark)")),
        "{directory}"
    );
    assert!(directory.contains(&format!("{KR_LED} (partner for Denmark)")));
    assert!(directory.contains(&format!("{KR_LED} (lead for Republic of Korea)")));
    // The other party's coordinator cannot set Denmark's, through the API.
    let token = app.token("jisoo").await;
    let refused = app
        .post_json(
            &format!("/api/plans/{SLUG}/actions/{KR_LED}/leads"),
            Some(&token),
            &json!({ "party": "DK", "lead": "msit" }),
        )
        .await;
    assert_eq!(refused.status, 403, "{}", refused.body);
    let unknown = app
        .post_json(
            &format!("/api/plans/{SLUG}/actions/{KR_LED}/leads"),
            Some(&token),
            &json!({ "lead": "no-such-body" }),
        )
        .await;
    assert_eq!(unknown.status, 422, "{}", unknown.body);
}

#[tokio::test]
async fn a_restriction_hides_an_action_from_the_public_until_lifted() {
    let app = TestApp::with_people().await;
    let jisoo = app.browser("jisoo").await;
    let path = format!("/plans/{SLUG}/actions/{DK_LED}");
    let page = text_of(&app.get_as(&path, &jisoo.cookie).await.body);
    assert!(page.contains("No party restricts this action"));
    let sent = app
        .post_form(
            &format!("{path}/restriction"),
            Some(&jisoo),
            &[("restricted", "true")],
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    assert_eq!(app.get(&path).await.status, 404, "hidden from the public");
    let directory = text_of(&app.get(&format!("/plans/{SLUG}/organisations")).await.body);
    assert!(
        !directory.contains(&format!("{DK_LED} (lead for Denmark)")),
        "the directory does not name a restricted action: {directory}"
    );
    let page = text_of(&app.get_as(&path, &jisoo.cookie).await.body);
    assert!(page.contains("Restricted by Republic of Korea"), "{page}");
    assert!(page.contains("Lift your party&#39;s restriction"));
    // Denmark cannot lift Korea's restriction: lifting its own changes nothing.
    let token = app.token("mette").await;
    let lifted = app
        .post_json(
            &format!("/api/plans/{SLUG}/actions/{DK_LED}/restriction"),
            Some(&token),
            &json!({ "restricted": false }),
        )
        .await;
    assert_eq!(lifted.status, 200, "{}", lifted.body);
    assert_eq!(
        app.get(&path).await.status,
        404,
        "Korea's restriction stands"
    );
    let lift = app
        .post_form(
            &format!("{path}/restriction"),
            Some(&jisoo),
            &[("restricted", "false")],
        )
        .await;
    assert_eq!(lift.status, 303);
    assert_eq!(app.get(&path).await.status, 200, "the public sees it again");
}

#[tokio::test]
async fn a_reporter_logs_a_meeting_and_a_mistake_keeps_what_was_typed() {
    let app = TestApp::with_people().await;
    let minho = app.browser("minho").await;
    let path = format!("/plans/{SLUG}/mechanisms/jcm");
    let page = text_of(&app.get_as(&path, &minho.cookie).await.body);
    assert!(page.contains("Log a meeting"));
    assert!(page.contains("Republic of Korea as host"), "{page}");
    assert!(!text_of(&app.get(&path).await.body).contains("Log a meeting"));
    let bad = app
        .post_form(
            &format!("{path}/meetings"),
            Some(&minho),
            &[
                ("date", "2023-13-01"),
                ("status", "held"),
                ("place", "Sejong"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(text_of(&bad.body).contains("The date 2023-13-01 is not a calendar date"));
    assert!(bad.body.contains(r#"value="Sejong""#), "the place is kept");
    let sent = app
        .post_form(
            &format!("{path}/meetings"),
            Some(&minho),
            &[
                ("date", "2023-11-20"),
                ("status", "held"),
                ("place", "Sejong"),
                ("outcomes", "Green transition work plan agreed."),
            ],
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    let back = app.get_as(sent.header("location"), &minho.cookie).await;
    assert!(text_of(&back.body).contains("The meeting is logged."));
    let stored = app.store.occurrences(SLUG).await.expect("meetings");
    let last = stored.last().expect("a meeting");
    assert_eq!(last.occurrence.host_party.as_deref(), Some("KR"));
    assert_eq!(last.recorded_by, "minho");
    let public = text_of(&app.get(&path).await.body);
    assert!(public.contains("Green transition work plan agreed."));
    // Through the API, a reporter cannot host for the other party.
    let token = app.token("minho").await;
    let refused = app
        .post_json(
            &format!("/api/plans/{SLUG}/meetings"),
            Some(&token),
            &json!({ "mechanism": "jcm", "date": "2024-01-01", "status": "planned", "host_party": "DK" }),
        )
        .await;
    assert_eq!(refused.status, 403, "{}", refused.body);
}

#[tokio::test]
async fn both_coordinators_adopt_a_draft_and_a_stale_hash_is_a_conflict() {
    let app = TestApp::with_people().await;
    let hash = app.add_draft().await;
    let mette = app.browser("mette").await;
    let path = format!("/plans/{DRAFT}");
    let page = app.get_as(&path, &mette.cookie).await;
    let text = text_of(&page.body);
    assert!(
        text.contains("Denmark has not yet approved this content."),
        "{text}"
    );
    assert!(text.contains("Approve this draft for Denmark"));
    assert_eq!(
        support::hidden(&page.body, "content_hash").as_deref(),
        Some(hash.as_str())
    );
    let stale = app
        .post_form(
            &format!("{path}/adoption"),
            Some(&mette),
            &[("content_hash", "stale")],
        )
        .await;
    assert_eq!(stale.status, 409);
    assert!(
        app.store
            .adoptions(DRAFT)
            .await
            .expect("adoptions")
            .is_empty()
    );
    let sent = app
        .post_form(
            &format!("{path}/adoption"),
            Some(&mette),
            &[("content_hash", &hash)],
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    let page = text_of(&app.get_as(&path, &mette.cookie).await.body);
    assert!(page.contains("Denmark approved this content on"));
    assert!(
        !page.contains("Approve this draft for Denmark"),
        "approved once"
    );
    // Korea's coordinator approves the same content through the API, with the plan's ETag.
    let token = app.token("jisoo").await;
    let plan = app
        .send(
            axum::http::Request::get(format!("/api/plans/{DRAFT}"))
                .header("authorization", format!("Bearer {token}"))
                .body(axum::body::Body::empty())
                .expect("request"),
        )
        .await;
    let etag = plan.header("etag").trim_matches('"').to_owned();
    let adopted = app
        .post_json(
            &format!("/api/plans/{DRAFT}/adoption"),
            Some(&token),
            &json!({ "content_hash": etag }),
        )
        .await;
    assert_eq!(adopted.status, 200, "{}", adopted.body);
    let answer: serde_json::Value = serde_json::from_str(&adopted.body).expect("json");
    assert_eq!(answer["stage"], "in_force");
    assert_eq!(
        app.get(&path).await.status,
        200,
        "in force: the public reads it"
    );
    assert!(!text_of(&app.get(&path).await.body).contains("Adoption"));
}

#[tokio::test]
async fn the_audit_trail_is_for_coordinators_newest_first() {
    let app = TestApp::with_people().await;
    let path = format!("/plans/{SLUG}/audit");
    assert_eq!(
        app.get(&path).await.status,
        401,
        "the public signs in first"
    );
    let lars = app.browser("lars").await;
    assert_eq!(app.get_as(&path, &lars.cookie).await.status, 403);
    // An independent evaluator is of no party: the rule asks for one.
    let ines = app.browser("ines").await;
    assert_eq!(app.get_as(&path, &ines.cookie).await.status, 422);
    let plan_page = app.get_as(&format!("/plans/{SLUG}"), &lars.cookie).await;
    assert!(!plan_page.body.contains(&path), "no link for a reporter");
    let jisoo = app.browser("jisoo").await;
    let plan_page = app.get_as(&format!("/plans/{SLUG}"), &jisoo.cookie).await;
    assert!(
        plan_page.body.contains(&path),
        "a coordinator's plan page links it"
    );
    let page = app.get_as(&path, &jisoo.cookie).await;
    assert_eq!(page.status, 200);
    let text = text_of(&page.body);
    // with_people saved the plan, then set Denmark's lead, then Korea's.
    let korea = text
        .find("(lead.set) action 1.1.3")
        .expect("Korea's lead is listed");
    let denmark = text
        .find("(lead.set) action 1.1.2")
        .expect("Denmark's lead is listed");
    let saved = text.find("(plan.save) plan").expect("the save is listed");
    assert!(korea < denmark && denmark < saved, "newest first: {text}");
    assert!(
        !text.contains("account.add"),
        "accounts are not the plan's records"
    );
    assert!(page.header("cache-control").contains("no-store"));
    // The API gives the same records to a coordinator's program, and not to a reporter's.
    let api = format!("/api/plans/{SLUG}/audit");
    let token = app.token("mette").await;
    let listed = app
        .send(
            axum::http::Request::get(&api)
                .header("authorization", format!("Bearer {token}"))
                .body(axum::body::Body::empty())
                .expect("request"),
        )
        .await;
    assert_eq!(listed.status, 200, "{}", listed.body);
    let records: Vec<serde_json::Value> = serde_json::from_str(&listed.body).expect("json");
    assert_eq!(
        records.first().map(|r| r["action"].clone()),
        Some(json!("lead.set"))
    );
    assert_eq!(
        records.first().map(|r| r["entity_id"].clone()),
        Some(json!(KR_LED))
    );
    assert!(records.iter().all(|r| r["action"] != "account.add"));
    let token = app.token("lars").await;
    let refused = app
        .send(
            axum::http::Request::get(&api)
                .header("authorization", format!("Bearer {token}"))
                .body(axum::body::Body::empty())
                .expect("request"),
        )
        .await;
    assert_eq!(refused.status, 403);
    assert_eq!(app.get(&api).await.status, 401);
}
