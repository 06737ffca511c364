//! Changing a plan in force from the browser: the Danish coordinator
//! proposes, the Korean one approves, and the plan then reads the new text.

mod support;

use support::{DK_LED, SLUG, TestApp, hidden, text_of};

const NEW_TEXT: &str = "Hold two joint workshops on offshore wind each year.";

#[tokio::test]
async fn a_korean_coordinator_approves_a_revision_the_danish_one_proposed() {
    let app = TestApp::with_people().await;
    let mette = app.browser("mette").await;
    let action = format!("/plans/{SLUG}/actions/{DK_LED}");
    let page = app.get_as(&action, &mette.cookie).await;
    assert!(
        text_of(&page.body).contains("Propose this change to Republic of Korea"),
        "the button says where the change goes: {}",
        text_of(&page.body)
    );
    let hash = hidden(&page.body, "hash").expect("the form carries the content hash");
    let fields = [
        ("hash", hash.as_str()),
        ("text", NEW_TEXT),
        ("track", "1.1"),
        ("sdgs", ""),
        ("reason", "mid-term review"),
    ];
    // A stale hash is refused with the page and its notice, nothing filed.
    let stale = [("hash", "0000"), ("text", NEW_TEXT), ("track", "1.1")];
    let refused = app
        .post_form(&format!("{action}/edit"), Some(&mette), &stale)
        .await;
    assert_eq!(refused.status, 409, "{}", refused.body);
    assert!(text_of(&refused.body).contains("The plan changed meanwhile"));
    assert!(refused.body.contains(NEW_TEXT), "what was typed is kept");
    let sent = app
        .post_form(&format!("{action}/edit"), Some(&mette), &fields)
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    assert!(sent.header("location").contains("/revisions"));
    // Not yet in effect: the plan reads as before.
    assert!(!text_of(&app.get(&action).await.body).contains(NEW_TEXT));

    let revisions = format!("/plans/{SLUG}/revisions");
    let jisoo = app.browser("jisoo").await;
    let seen = text_of(&app.get_as(&revisions, &jisoo.cookie).await.body);
    assert!(seen.contains(NEW_TEXT), "the proposal's change is listed");
    assert!(seen.contains("Approve for Republic of Korea"));
    assert!(!seen.contains("Approve for Denmark"));
    // Denmark approved with the proposal; lars gets no form.
    let lars = app.browser("lars").await;
    assert!(!text_of(&app.get_as(&revisions, &lars.cookie).await.body).contains("Approve for"));
    assert!(!text_of(&app.get_as(&revisions, &mette.cookie).await.body).contains("Approve for"));

    let id = app
        .store
        .audit()
        .await
        .expect("audit")
        .iter()
        .rev()
        .find(|e| e.action == "revision.propose")
        .expect("a proposal")
        .entity_id
        .clone();
    let approval = format!("/plans/{SLUG}/revisions/{id}/approval");
    // The proposer's party cannot approve twice; lars may not approve.
    assert_eq!(
        app.post_form(&approval, Some(&mette), &[]).await.status,
        409
    );
    assert_eq!(app.post_form(&approval, Some(&lars), &[]).await.status, 403);
    let approved = app.post_form(&approval, Some(&jisoo), &[]).await;
    assert_eq!(approved.status, 303, "{}", approved.body);

    let public = text_of(&app.get(&action).await.body);
    assert!(public.contains(NEW_TEXT), "the plan reads the changed text");
    let diff = app.get(&revisions).await.body;
    assert!(
        diff.contains(&format!("<ins>{NEW_TEXT}</ins>")),
        "the diff shows the new text"
    );
}

#[tokio::test]
async fn an_api_edit_needs_the_current_etag_and_an_approval_none() {
    use axum::body::Body;
    use axum::http::{Request, header};
    let app = TestApp::with_people().await;
    let token = app.token("mette").await;
    let etag = app
        .get(&format!("/api/plans/{SLUG}"))
        .await
        .header("etag")
        .to_owned();
    let body = serde_json::json!({ "changes": [
        { "op": "set_action_text", "code": DK_LED, "text": NEW_TEXT }
    ]});
    let path = format!("/api/plans/{SLUG}/revisions");
    let post = |if_match: Option<&str>| {
        let mut r = Request::post(&path)
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::AUTHORIZATION, format!("Bearer {token}"));
        if let Some(m) = if_match {
            r = r.header(header::IF_MATCH, m);
        }
        r.body(Body::from(body.to_string())).expect("request")
    };
    assert_eq!(app.send(post(None)).await.status, 428);
    assert_eq!(app.send(post(Some("\"stale\""))).await.status, 412);
    let made = app.send(post(Some(&etag))).await;
    assert_eq!(made.status, 201, "{}", made.body);
    let id: serde_json::Value = serde_json::from_str(&made.body).expect("json");
    let id = id["revision"].as_i64().expect("a proposal in force");
    let jisoo = app.token("jisoo").await;
    let approval = format!("/api/plans/{SLUG}/revisions/{id}/approval");
    let approved = app
        .post_json(&approval, Some(&jisoo), &serde_json::json!({}))
        .await;
    assert_eq!(approved.status, 201, "{}", approved.body);
    let plan = app.get(&format!("/api/plans/{SLUG}")).await;
    assert!(plan.body.contains(NEW_TEXT));
    assert_ne!(plan.header("etag"), etag, "the new content has a new ETag");
}
