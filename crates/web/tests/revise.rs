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
