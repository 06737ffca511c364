//! Signing in and out, changing a password, through HTTP as a browser
//! does: cookies, the double-submit guard of the sign-in form, the limits
//! on failed attempts.

mod support;

use axum::body::Body;
use axum::http::{Request, header};
use support::{DK_LED, KR_LED, PASSWORD, TestApp, encode, hidden, set_cookie, text_of};

#[tokio::test]
async fn a_reporter_signs_in_and_sees_the_actions_it_may_report_on() {
    let app = TestApp::with_people().await;
    let lars = app.browser("lars").await;
    let account = text_of(&app.get_as("/account", &lars.cookie).await.body);
    assert!(account.contains("lars"), "{account}");
    assert!(account.contains(&format!("Action {DK_LED}")), "{account}");
    assert!(!account.contains(&format!("Action {KR_LED}")), "{account}");
    // Every page shows who is signed in, and the way out.
    let plan = app.get_as("/plans/dk-kr-2021-2024", &lars.cookie).await;
    assert!(plan.body.contains(r#"action="/sign-out""#));
    assert_eq!(plan.header("cache-control"), "private, no-store");
}

#[tokio::test]
async fn the_session_cookie_is_http_only_lax_and_secure_behind_tls() {
    let app = TestApp::with_people().await;
    let form = app.get("/sign-in").await;
    let guard = set_cookie(&form, "jp_signin").expect("guard cookie");
    let csrf = hidden(&form.body, "csrf").expect("guard field");
    let body = encode(&[
        ("csrf", &csrf),
        ("name", "mette"),
        ("password", PASSWORD),
        ("next", "/"),
    ]);
    let request = Request::post("/sign-in")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, format!("jp_signin={guard}"))
        .header("x-forwarded-proto", "https")
        .body(Body::from(body))
        .expect("request");
    let answer = app.send(request).await;
    assert_eq!(answer.status, 303);
    let cookie = answer
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("jp_session="))
        .expect("session cookie")
        .to_owned();
    for part in ["HttpOnly", "SameSite=Lax", "Path=/", "Secure"] {
        assert!(cookie.contains(part), "{cookie} lacks {part}");
    }
}

#[tokio::test]
async fn a_wrong_password_is_said_plainly_and_repeated_failures_are_stopped() {
    let app = TestApp::with_people().await;
    let wrong = app
        .sign_in("lars", "not-the-password")
        .await
        .expect_err("refused");
    assert_eq!(wrong.status, 401);
    assert!(text_of(&wrong.body).contains("The name or the password is wrong."));
    assert!(
        wrong.body.contains(r#"value="lars""#),
        "the name typed is kept"
    );
    for _ in 0..4 {
        let _ = app.sign_in("lars", "not-the-password").await;
    }
    // Now even the right password waits.
    let stopped = app.sign_in("lars", PASSWORD).await.expect_err("limited");
    assert_eq!(stopped.status, 429);
    assert!(!stopped.header("retry-after").is_empty());
    // Another account is not held back by lars's failures.
    assert!(app.sign_in("mette", PASSWORD).await.is_ok());
}

#[tokio::test]
async fn the_sign_in_form_needs_its_own_cookie() {
    let app = TestApp::with_people().await;
    let body = encode(&[("csrf", "guess"), ("name", "mette"), ("password", PASSWORD)]);
    let request = Request::post("/sign-in")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .expect("request");
    assert_eq!(app.send(request).await.status, 403);
}

#[tokio::test]
async fn sign_in_goes_back_only_to_this_site() {
    let app = TestApp::with_people().await;
    let form = app.get("/sign-in").await;
    let guard = set_cookie(&form, "jp_signin").expect("guard cookie");
    let csrf = hidden(&form.body, "csrf").expect("guard field");
    for (next, expected) in [
        ("//evil.example/x", "/"),
        ("/plans/dk-kr-2021-2024", "/plans/dk-kr-2021-2024"),
    ] {
        let body = encode(&[
            ("csrf", &csrf),
            ("name", "mette"),
            ("password", PASSWORD),
            ("next", next),
        ]);
        let request = Request::post("/sign-in")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, format!("jp_signin={guard}"))
            .body(Body::from(body))
            .expect("request");
        let answer = app.send(request).await;
        assert_eq!(answer.header("location"), expected, "next={next}");
    }
}

#[tokio::test]
async fn a_disabled_account_does_not_sign_in() {
    let app = TestApp::with_people().await;
    let refused = app.sign_in("old", PASSWORD).await.expect_err("disabled");
    assert_eq!(refused.status, 401);
}

#[tokio::test]
async fn signing_out_ends_the_session() {
    let app = TestApp::with_people().await;
    let mette = app.browser("mette").await;
    let out = app.post_form("/sign-out", Some(&mette), &[]).await;
    assert_eq!(out.status, 303);
    assert!(out.header("set-cookie").contains("Max-Age=0"));
    let after = app.get_as("/account", &mette.cookie).await;
    assert_eq!(after.status, 303, "the old cookie signs nobody in");
    assert!(after.header("location").starts_with("/sign-in"));
}

#[tokio::test]
async fn a_password_is_changed_only_with_the_current_one() {
    let app = TestApp::with_people().await;
    let lars = app.browser("lars").await;
    let new = "a-new-Secret-2";
    let mismatch = app
        .post_form(
            "/account/password",
            Some(&lars),
            &[("current", PASSWORD), ("new", new), ("repeat", "other")],
        )
        .await;
    assert_eq!(mismatch.status, 422);
    assert!(text_of(&mismatch.body).contains("The two new passwords differ."));
    let wrong = app
        .post_form(
            "/account/password",
            Some(&lars),
            &[("current", "wrong"), ("new", new), ("repeat", new)],
        )
        .await;
    assert_eq!(wrong.status, 422);
    let short = app
        .post_form(
            "/account/password",
            Some(&lars),
            &[("current", PASSWORD), ("new", "short"), ("repeat", "short")],
        )
        .await;
    assert_eq!(short.status, 422, "{}", short.body);
    let changed = app
        .post_form(
            "/account/password",
            Some(&lars),
            &[("current", PASSWORD), ("new", new), ("repeat", new)],
        )
        .await;
    assert_eq!(changed.status, 303, "{}", changed.body);
    let fresh = set_cookie(&changed, "jp_session").expect("signed in again");
    let page = app
        .get_as("/account?changed=1", &format!("jp_session={fresh}"))
        .await;
    assert!(text_of(&page.body).contains("Your password is changed."));
    assert_eq!(
        app.get_as("/account", &lars.cookie).await.status,
        303,
        "the old session ended"
    );
    assert!(app.sign_in("lars", new).await.is_ok());
}
