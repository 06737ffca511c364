//! Reporting progress from the action page and through the API, as a
//! reporter and a program do, and what the public then reads.

mod support;

use support::{DK_LED, KR_LED, SLUG, TestApp, text_of};

#[tokio::test]
async fn a_reporter_reports_on_its_action_and_the_report_is_on_the_pages() {
    let app = TestApp::with_people().await;
    let lars = app.browser("lars").await;
    let page = app
        .get_as(&format!("/plans/{SLUG}/actions/{DK_LED}"), &lars.cookie)
        .await;
    let text = text_of(&page.body);
    assert!(text.contains("Report progress"), "the form is offered");
    assert!(text.contains("Lead organisation"));
    let fields = [
        ("date", "2024-06-30"),
        ("status", "delayed"),
        ("level", "substantial"),
        (
            "narrative",
            "Joint workshop on offshore wind held in Esbjerg.",
        ),
    ];
    let sent = app
        .post_form(
            &format!("/plans/{SLUG}/actions/{DK_LED}/reports"),
            Some(&lars),
            &fields,
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    let back = app.get_as(sent.header("location"), &lars.cookie).await;
    let text = text_of(&back.body);
    assert!(text.contains("Your report is saved."));
    assert!(text.contains("Joint workshop on offshore wind held in Esbjerg."));
    // The public reads it at once, on the action page and in the plan's roll-up.
    let public = text_of(
        &app.get(&format!("/plans/{SLUG}/actions/{DK_LED}"))
            .await
            .body,
    );
    assert!(public.contains("Joint workshop on offshore wind held in Esbjerg."));
    assert!(
        !public.contains("Report progress"),
        "the public gets no form"
    );
    let stored = app.store.reports(SLUG).await.expect("reports");
    let last = stored.last().expect("a report");
    assert_eq!(last.report.party, "DK");
    assert_eq!(
        last.report.organisation.as_deref(),
        Some("mhes"),
        "the register's id"
    );
}

#[tokio::test]
async fn a_reporter_gets_no_form_where_it_may_not_report() {
    let app = TestApp::with_people().await;
    let lars = app.browser("lars").await;
    let page = app
        .get_as(&format!("/plans/{SLUG}/actions/{KR_LED}"), &lars.cookie)
        .await;
    assert!(!text_of(&page.body).contains("Report progress"));
    let ines = app.browser("ines").await;
    let page = app
        .get_as(&format!("/plans/{SLUG}/actions/{DK_LED}"), &ines.cookie)
        .await;
    assert!(!text_of(&page.body).contains("Report progress"));
}

#[tokio::test]
async fn a_mistake_in_the_form_comes_back_with_what_was_typed() {
    let app = TestApp::with_people().await;
    let lars = app.browser("lars").await;
    let fields = [
        ("date", "2024-02-31"),
        ("status", "on_track"),
        ("level", "limited"),
        ("narrative", "Kept while the date is corrected."),
    ];
    let sent = app
        .post_form(
            &format!("/plans/{SLUG}/actions/{DK_LED}/reports"),
            Some(&lars),
            &fields,
        )
        .await;
    assert_eq!(sent.status, 422);
    let text = text_of(&sent.body);
    assert!(
        text.contains("The date 2024-02-31 is not a calendar date"),
        "{text}"
    );
    assert!(text.contains("Kept while the date is corrected."));
    assert!(sent.body.contains(r#"<option value="limited" selected>"#));
    assert!(app.store.reports(SLUG).await.expect("reports").is_empty());
    // In Danish, the same mistake is said in Danish.
    let da = app
        .send(
            axum::http::Request::post(format!("/plans/{SLUG}/actions/{DK_LED}/reports"))
                .header("content-type", "application/x-www-form-urlencoded")
                .header("cookie", format!("{}; lang=da", lars.cookie))
                .body(axum::body::Body::from(support::encode(&[
                    ("csrf", &lars.csrf),
                    ("date", "2024-02-31"),
                    ("status", "on_track"),
                    ("level", "limited"),
                ])))
                .expect("request"),
        )
        .await;
    assert!(text_of(&da.body).contains("er ikke en kalenderdato"));
}

#[tokio::test]
async fn a_program_reports_with_its_token_and_gets_problem_json_when_refused() {
    let app = TestApp::with_people().await;
    let token = app.token("minho").await;
    let body = serde_json::json!({
        "action": KR_LED, "date": "2024-05-01", "status": "on_track", "level": "complete"
    });
    let ok = app
        .post_json(&format!("/api/plans/{SLUG}/reports"), Some(&token), &body)
        .await;
    assert_eq!(ok.status, 201, "{}", ok.body);
    let created: serde_json::Value = serde_json::from_str(&ok.body).expect("json");
    assert!(created["id"].as_i64().is_some());
    let body = serde_json::json!({
        "action": DK_LED, "date": "2024-05-01", "status": "on_track", "level": "complete"
    });
    let refused = app
        .post_json(&format!("/api/plans/{SLUG}/reports"), Some(&token), &body)
        .await;
    assert_eq!(refused.status, 403);
    assert_eq!(refused.header("content-type"), "application/problem+json");
    let problem: serde_json::Value = serde_json::from_str(&refused.body).expect("json");
    let detail = problem["detail"].as_str().unwrap_or_default();
    assert!(detail.contains("msit"), "the rule is named: {detail}");
    let bad = app
        .post_json(
            &format!("/api/plans/{SLUG}/reports"),
            Some("not-a-token"),
            &body,
        )
        .await;
    assert_eq!(bad.status, 401);
}

#[tokio::test]
async fn restricted_actions_are_not_the_publics() {
    let app = TestApp::with_people().await;
    app.store
        .restrict(
            SLUG,
            DK_LED,
            "DK",
            true,
            &jointplan_store::Actor::account("mette"),
        )
        .await
        .expect("mette restricts");
    let path = format!("/plans/{SLUG}/actions/{DK_LED}");
    assert_eq!(app.get(&path).await.status, 404);
    assert!(!text_of(&app.get(&format!("/plans/{SLUG}")).await.body).contains(DK_LED));
    let jisoo = app.browser("jisoo").await;
    assert_eq!(
        app.get_as(&path, &jisoo.cookie).await.status,
        200,
        "both parties see it"
    );
}
