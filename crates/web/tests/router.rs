//! The real router, in-process: pages, languages, headers, errors, the
//! API and its OpenAPI document, the cache's invalidation.

mod support;

use axum::body::Body;
use axum::http::{Request, header};
use jointplan_core::progress::{Level, Report, Status};
use support::{SLUG, TestApp, text_of};

/// Every page type, as the plan page links them.
fn page_paths() -> Vec<String> {
    vec![
        "/".into(),
        format!("/plans/{SLUG}"),
        format!("/plans/{SLUG}/lines/1"),
        format!("/plans/{SLUG}/actions/1.1.1"),
        format!("/plans/{SLUG}/mechanisms/jcm"),
        format!("/plans/{SLUG}/agreements"),
        format!("/plans/{SLUG}/organisations"),
        format!("/plans/{SLUG}/revisions"),
        format!("/plans/{SLUG}/evaluations"),
    ]
}

#[tokio::test]
async fn every_page_type_answers_in_each_language() {
    let app = TestApp::new().await;
    for path in page_paths() {
        for lang in ["en", "da", "ko"] {
            let a = app.get_in(&path, lang).await;
            assert_eq!(a.status, 200, "{lang} {path}");
            assert!(
                a.body.contains(&format!("<html lang=\"{lang}\">")),
                "{lang} {path}"
            );
            assert!(a.header("content-type").starts_with("text/html"), "{path}");
        }
    }
}

#[tokio::test]
async fn the_plan_page_shows_the_plan_in_the_readers_language() {
    let app = TestApp::new().await;
    let en = text_of(&app.get_in(&format!("/plans/{SLUG}"), "en").await.body);
    assert!(en.contains("Green Growth Alliance"));
    assert!(en.contains("Progress per line and party"));
    assert!(en.contains("1.1.1"), "actions are listed by code");
    let ko = text_of(&app.get_in(&format!("/plans/{SLUG}"), "ko").await.body);
    assert!(ko.contains("분야 및 당사자별 진행 상황"));
    assert!(
        ko.contains("Green Growth Alliance"),
        "the plan's own text stays as signed"
    );
    let hangul = ko
        .chars()
        .filter(|c| ('\u{ac00}'..='\u{d7a3}').contains(c))
        .count();
    assert!(
        hangul > 200,
        "the Korean page is mostly Korean around the plan's text ({hangul})"
    );
    let da = text_of(&app.get_in(&format!("/plans/{SLUG}"), "da").await.body);
    assert!(da.contains("Fremdrift pr. indsatsområde og part"));
    assert!(da.contains("Verdensmål"));
}

#[tokio::test]
async fn the_plan_page_shows_findings_with_their_source_text() {
    let app = TestApp::new().await;
    let page = app.get(&format!("/plans/{SLUG}")).await.body;
    assert!(
        page.contains("<pre class=\"source\">"),
        "snippets of the signed text"
    );
    assert!(page.contains("<mark>"), "the finding's words are marked");
    assert!(
        !page.contains("is not stored with it"),
        "the reference plan's text is known"
    );
}

#[tokio::test]
async fn a_remembered_language_wins_over_the_header() {
    let app = TestApp::new().await;
    let request = Request::get("/")
        .header(header::ACCEPT_LANGUAGE, "en")
        .header(header::COOKIE, "lang=ko")
        .body(Body::empty())
        .expect("request");
    let a = app.send(request).await;
    assert!(a.body.contains("<html lang=\"ko\">"));
    assert_eq!(a.header("vary"), "Accept-Language, Cookie");
}

#[tokio::test]
async fn switching_language_sets_a_cookie_and_goes_back_only_to_this_site() {
    let app = TestApp::new().await;
    let a = app.get("/lang/da?next=%2Fplans%2Fdk-kr-2021-2024").await;
    assert_eq!(a.status, 303);
    assert_eq!(a.header("location"), "/plans/dk-kr-2021-2024");
    assert!(a.header("set-cookie").starts_with("lang=da; Path=/;"));
    assert!(a.header("set-cookie").contains("SameSite=Lax"));
    let away = app.get("/lang/da?next=%2F%2Fevil.example").await;
    assert_eq!(away.header("location"), "/");
    assert_eq!(app.get("/lang/xx?next=%2F").await.status, 404);
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = TestApp::new().await;
    let plan = format!("/plans/{SLUG}");
    for path in [
        plan.as_str(),
        "/no/such/page",
        "/api/plans",
        "/api/plans/nope",
        "/assets/site.css",
        "/healthz",
    ] {
        let a = app.get(path).await;
        let csp = a.header("content-security-policy");
        assert!(csp.contains("default-src 'none'"), "{path}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(a.header("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(a.header("referrer-policy"), "same-origin", "{path}");
    }
}

#[tokio::test]
async fn pages_carry_no_inline_script_or_style() {
    // An element with a style attribute; the plan's own text is escaped, so
    // its markup (`&#60;ul style=…`) does not count.
    let styled = regex::Regex::new(r"<[a-z][^>]*\sstyle=").expect("pattern");
    let app = TestApp::new().await;
    for path in page_paths() {
        let page = app.get(&path).await.body;
        assert!(!page.contains("<script"), "{path}");
        assert!(!styled.is_match(&page), "{path}");
        assert!(!page.contains("<style"), "{path}");
    }
}

#[tokio::test]
async fn errors_are_a_friendly_page_or_problem_json_never_a_trace() {
    let app = TestApp::new().await;
    let page = app.get_in("/plans/no-such-plan", "da").await;
    assert_eq!(page.status, 404);
    assert!(page.header("content-type").starts_with("text/html"));
    assert!(text_of(&page.body).contains("Siden findes ikke"));
    let action = app.get(&format!("/plans/{SLUG}/actions/9.9.9")).await;
    assert_eq!(action.status, 404);
    let api = app.get("/api/plans/no-such-plan").await;
    assert_eq!(api.status, 404);
    assert_eq!(api.header("content-type"), "application/problem+json");
    insta::assert_snapshot!("problem_not_found", api.body);
    let post = app
        .send(
            Request::post("/api/plans")
                .body(Body::from("{}"))
                .expect("request"),
        )
        .await;
    assert_eq!(post.status, 405);
    assert_eq!(post.header("content-type"), "application/problem+json");
}

#[tokio::test]
async fn bodies_over_the_limit_are_refused() {
    let app = TestApp::new().await;
    let big = vec![b'x'; jointplan_web::server::BODY_LIMIT + 1];
    let request = Request::post("/api/plans")
        .header(header::CONTENT_LENGTH, big.len())
        .body(Body::from(big))
        .expect("request");
    let a = app.send(request).await;
    assert_eq!(a.status, 413);
    assert_eq!(a.header("content-type"), "application/problem+json");
    assert_eq!(a.header("x-content-type-options"), "nosniff");
}

#[tokio::test]
async fn drafts_are_not_the_publics() {
    let app = TestApp::new().await;
    let mut draft = jointplan_import::example::import().expect("example").plan;
    draft.slug = "dk-kr-2025-2028".into();
    let how = jointplan_store::SavePlan {
        actor: jointplan_store::Actor::Operator,
        ..Default::default()
    };
    app.store
        .save_plan(&draft, &how)
        .await
        .expect("draft saved");
    assert_eq!(app.get("/plans/dk-kr-2025-2028").await.status, 404);
    assert_eq!(app.get("/api/plans/dk-kr-2025-2028").await.status, 404);
    assert!(!app.get("/api/plans").await.body.contains("dk-kr-2025-2028"));
    assert!(!app.get("/").await.body.contains("dk-kr-2025-2028"));
}

#[tokio::test]
async fn the_api_lists_plans_and_serves_the_canonical_plan_with_its_hash() {
    let app = TestApp::new().await;
    let list: serde_json::Value =
        serde_json::from_str(&app.get("/api/plans").await.body).expect("json");
    insta::assert_json_snapshot!("api_plans", list);
    let plan = app.get(&format!("/api/plans/{SLUG}")).await;
    assert_eq!(plan.status, 200);
    let parsed = jointplan_core::canonical::from_json(&plan.body).expect("canonical plan");
    let hash = jointplan_core::canonical::content_hash(&parsed);
    assert_eq!(plan.header("etag"), format!("\"{hash}\""));
}

#[tokio::test]
async fn the_openapi_document_lists_exactly_the_routes_that_answer() {
    let app = TestApp::new().await;
    let doc: serde_json::Value =
        serde_json::from_str(&app.get("/api/openapi.json").await.body).expect("json");
    assert_eq!(doc["openapi"], "3.1.0");
    let paths: Vec<&str> = doc["paths"]
        .as_object()
        .expect("paths")
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = jointplan_web::api::openapi::PATHS.to_vec();
    expected.sort_unstable();
    let mut listed = paths.clone();
    listed.sort_unstable();
    assert_eq!(listed, expected);
    for path in paths {
        let url = path
            .replace("{slug}", SLUG)
            .replace("{code}", "1.1.2")
            .replace("{id}", "1");
        if doc["paths"][path].get("get").is_none() {
            // A write only: it answers, refusing a request without credentials.
            let a = app.post_json(&url, None, &serde_json::json!({})).await;
            assert_eq!(a.status, 401, "POST {url}");
            continue;
        }
        let a = app.get(&url).await;
        if doc["paths"][path]["get"].get("security").is_some() {
            // A read for accounts only: the public is asked to sign in.
            assert_eq!(a.status, 401, "{url}");
            continue;
        }
        assert_eq!(a.status, 200, "{url}");
        assert_eq!(a.header("content-type"), "application/json", "{url}");
        let no_plan = path.replace("{slug}", "no-such-plan");
        if no_plan != path {
            assert_eq!(app.get(&no_plan).await.status, 404, "{no_plan}");
        }
    }
    let text = doc.to_string();
    assert!(
        !text.contains("#/$defs/"),
        "schemas are referenced under components"
    );
    assert!(doc["components"]["schemas"]["Plan"].is_object());
}

#[tokio::test]
async fn a_new_report_shows_once_the_store_has_changed() {
    let app = TestApp::new().await;
    let path = format!("/plans/{SLUG}/actions/1.1.1");
    assert!(text_of(&app.get(&path).await.body).contains("No report yet."));
    let report = Report {
        action: "1.1.1".into(),
        party: "DK".into(),
        organisation: None,
        date: "2022-03-01".into(),
        status: Status::OnTrack,
        level: Level::Substantial,
        narrative: "First ministerial meeting held".into(),
        evidence: Vec::new(),
    };
    let coordinator = jointplan_store::NewAccount {
        name: "mette".into(),
        role: jointplan_core::access::Role::Coordinator,
        party: Some("DK".into()),
        organisation: None,
    };
    app.store
        .add_account(
            &coordinator,
            "pw-Secret-1",
            &jointplan_store::Actor::Operator,
        )
        .await
        .expect("first coordinator added");
    app.store
        .add_reports(SLUG, &[report], &jointplan_store::Actor::account("mette"))
        .await
        .expect("report saved");
    // The generation is read again at most once a second.
    tokio::time::sleep(jointplan_web::cache::RECHECK + std::time::Duration::from_millis(100)).await;
    let text = text_of(&app.get(&path).await.body);
    assert!(text.contains("First ministerial meeting held"), "{text}");
    assert!(text.contains("1 March 2022"));
}

#[tokio::test]
async fn assets_are_embedded_with_long_cache_lives() {
    let app = TestApp::new().await;
    let css = app.get("/assets/dkfds/dkfds.css").await;
    assert_eq!(css.status, 200);
    assert_eq!(css.header("content-type"), "text/css; charset=utf-8");
    assert!(css.header("cache-control").contains("immutable"));
    let font = app
        .get("/assets/dkfds/fonts/IBMPlexSans-Regular.woff2")
        .await;
    assert_eq!(font.header("content-type"), "font/woff2");
    assert_eq!(app.get("/assets/nope.css").await.status, 404);
}

#[tokio::test]
async fn health_answers_when_the_database_does() {
    let app = TestApp::new().await;
    let a = app.get("/healthz").await;
    assert_eq!(a.status, 200);
    app.store.close().await;
    assert_eq!(app.get("/healthz").await.status, 503);
}

#[tokio::test]
async fn a_large_portfolio_is_shown_a_page_at_a_time() {
    let app = TestApp::new().await;
    let plan = jointplan_import::example::import().expect("example").plan;
    let how = jointplan_store::SavePlan {
        actor: jointplan_store::Actor::Operator,
        in_force: true,
        predecessor: None,
    };
    for i in 1..=55 {
        let mut p = plan.clone();
        p.slug = format!("copy-{i:02}");
        app.store.save_plan(&p, &how).await.expect("saved");
    }
    let first = app.get("/").await;
    let sections = |body: &str| body.matches("<section aria-labelledby=\"plan-").count();
    assert_eq!(sections(&first.body), 50);
    let text = text_of(&first.body);
    assert!(text.contains("Plans 1–50 of 56"), "{text}");
    assert!(first.body.contains(r#"href="/?page=2" rel="next""#));
    let second = app.get("/?page=2").await;
    assert_eq!(second.status, 200);
    assert_eq!(sections(&second.body), 6);
    assert!(second.body.contains(r#"href="/" rel="prev""#));
    assert_eq!(app.get("/?page=3").await.status, 404);
}
