//! A test application: the real router over a fresh SQLite store that
//! holds the reference plan, driven in-process with `oneshot`.

#![allow(dead_code)]

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, Response, header};
use http_body_util::BodyExt;
use jointplan_core::access::Role;
use jointplan_store::{Actor, NewAccount, Store};
use jointplan_web::{AppState, router};
use tower::ServiceExt;

/// The reference plan's slug.
pub const SLUG: &str = "dk-kr-2021-2024";

/// Every test account's password.
pub const PASSWORD: &str = "pw-Secret-1";

/// The test accounts: name, role, party, organisation. `old` is disabled.
pub const PEOPLE: &[(&str, Role, Option<&str>, Option<&str>)] = &[
    ("mette", Role::Coordinator, Some("DK"), None),
    ("jisoo", Role::Coordinator, Some("KR"), None),
    ("lars", Role::Reporter, Some("DK"), Some("MHES")),
    ("minho", Role::Reporter, Some("KR"), Some("msit")),
    ("anne", Role::Evaluator, Some("DK"), None),
    ("ines", Role::Evaluator, None, None),
    ("old", Role::Coordinator, Some("DK"), None),
];

/// The action Denmark's MHES leads (so `lars` may report on it).
pub const DK_LED: &str = "1.1.2";
/// The action Korea's MSIT leads (so `minho` may report on it, `lars` not).
pub const KR_LED: &str = "1.1.3";

/// The slug of the draft [`TestApp::add_draft`] saves.
pub const DRAFT: &str = "dk-kr-draft";

/// A browser signed in as one account: its session cookie and the CSRF
/// token its pages carry.
#[derive(Debug, Clone)]
pub struct Browser {
    pub name: String,
    pub cookie: String,
    pub csrf: String,
}

/// The application and its store.
pub struct TestApp {
    pub store: Arc<dyn Store>,
    pub router: Router,
    _dir: tempfile::TempDir,
}

/// A response read whole.
pub struct Answer {
    pub status: u16,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Answer {
    /// A header's value, or "" when absent.
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

impl TestApp {
    /// A fresh store with the reference plan, as `jointplan serve` starts.
    pub async fn new() -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let store: Arc<dyn Store> =
            Arc::from(jointplan_store::open(&url).await.expect("store opens"));
        let state = AppState::new(store.clone());
        state
            .data
            .seed_reference()
            .await
            .expect("reference plan loads");
        TestApp {
            router: router(state),
            store,
            _dir: dir,
        }
    }

    /// The reference plan with [`PEOPLE`]'s accounts, Denmark's lead on
    /// [`DK_LED`] and Korea's on [`KR_LED`].
    pub async fn with_people() -> TestApp {
        let app = TestApp::new().await;
        let creator = |name: &str, party: Option<&str>| match (name, party) {
            ("mette" | "jisoo", _) | (_, None) => Actor::Operator,
            (_, Some("DK")) => Actor::account("mette"),
            _ => Actor::account("jisoo"),
        };
        for (name, role, party, organisation) in PEOPLE {
            let account = NewAccount {
                name: (*name).into(),
                role: *role,
                party: party.map(str::to_string),
                organisation: organisation.map(str::to_string),
            };
            app.store
                .add_account(&account, PASSWORD, &creator(name, *party))
                .await
                .unwrap_or_else(|e| panic!("creating {name}: {e}"));
        }
        app.store
            .disable_account("old", &Actor::account("mette"))
            .await
            .expect("mette disables old");
        app.store
            .set_leads(
                SLUG,
                DK_LED,
                "DK",
                Some("MHES"),
                &[],
                &Actor::account("mette"),
            )
            .await
            .expect("mette sets Denmark's lead");
        app.store
            .set_leads(
                SLUG,
                KR_LED,
                "KR",
                Some("msit"),
                &[],
                &Actor::account("jisoo"),
            )
            .await
            .expect("jisoo sets Korea's lead");
        app
    }

    /// Saves the reference plan again as a draft, [`DRAFT`], as Denmark's
    /// coordinator imports one; returns its content hash.
    pub async fn add_draft(&self) -> String {
        let mut plan = jointplan_import::example::import()
            .expect("the reference plan imports")
            .plan;
        plan.slug = DRAFT.into();
        let how = jointplan_store::SavePlan {
            actor: Actor::account("mette"),
            in_force: false,
            predecessor: None,
        };
        self.store
            .save_plan(&plan, &how)
            .await
            .expect("mette saves a draft")
            .content_hash
    }

    /// Signs in through the form, as a browser does: the form's
    /// double-submit cookie, then the session cookie; the CSRF token is
    /// read from the account page's sign-out form.
    pub async fn sign_in(&self, name: &str, password: &str) -> Result<Browser, Answer> {
        let form = self.get("/sign-in?next=%2Faccount").await;
        let signin_cookie = set_cookie(&form, "jp_signin").expect("the form sets its cookie");
        let csrf = hidden(&form.body, "csrf").expect("the form carries its token");
        let body = encode(&[
            ("csrf", &csrf),
            ("name", name),
            ("password", password),
            ("next", "/account"),
        ]);
        let request = Request::post("/sign-in")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, format!("jp_signin={signin_cookie}"))
            .body(Body::from(body))
            .expect("request");
        let answer = self.send(request).await;
        if answer.status != 303 {
            return Err(answer);
        }
        let session = set_cookie(&answer, "jp_session").expect("a session cookie");
        let cookie = format!("jp_session={session}");
        let account = self.get_as("/account", &cookie).await;
        let csrf = hidden(&account.body, "csrf").expect("the page carries its CSRF token");
        Ok(Browser {
            name: name.to_owned(),
            cookie,
            csrf,
        })
    }

    /// Signs in as one of [`PEOPLE`].
    pub async fn browser(&self, name: &str) -> Browser {
        self.sign_in(name, PASSWORD)
            .await
            .unwrap_or_else(|a| panic!("{name} signs in: {} {}", a.status, a.body))
    }

    /// `GET path` with a cookie.
    pub async fn get_as(&self, path: &str, cookie: &str) -> Answer {
        let request = Request::get(path)
            .header(header::COOKIE, cookie)
            .body(Body::empty())
            .expect("request");
        self.send(request).await
    }

    /// `POST path` with form fields, as `browser` (its cookie; its CSRF
    /// token unless the fields carry one), or as nobody.
    pub async fn post_form(
        &self,
        path: &str,
        browser: Option<&Browser>,
        fields: &[(&str, &str)],
    ) -> Answer {
        let mut fields: Vec<(&str, &str)> = fields.to_vec();
        let mut request =
            Request::post(path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(b) = browser {
            request = request.header(header::COOKIE, &b.cookie);
            if !fields.iter().any(|(k, _)| *k == "csrf") {
                fields.push(("csrf", &b.csrf));
            }
        }
        let body = encode(&fields);
        self.send(request.body(Body::from(body)).expect("request"))
            .await
    }

    /// `POST path` with a JSON body, with an API token or none.
    pub async fn post_json(
        &self,
        path: &str,
        token: Option<&str>,
        body: &serde_json::Value,
    ) -> Answer {
        let mut request = Request::post(path).header(header::CONTENT_TYPE, "application/json");
        if let Some(t) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        self.send(request.body(Body::from(body.to_string())).expect("request"))
            .await
    }

    /// `POST path` with a JSON body and a session cookie (no CSRF header).
    pub async fn post_json_with_cookie(
        &self,
        path: &str,
        cookie: &str,
        body: &serde_json::Value,
    ) -> Answer {
        let request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::COOKIE, cookie)
            .body(Body::from(body.to_string()))
            .expect("request");
        self.send(request).await
    }

    /// A new API token of account `name`.
    pub async fn token(&self, name: &str) -> String {
        self.store
            .create_token("test", &Actor::account(name))
            .await
            .unwrap_or_else(|e| panic!("token for {name}: {e}"))
            .secret
    }

    /// Sends a request and reads the answer.
    pub async fn send(&self, request: Request<Body>) -> Answer {
        let response: Response<Body> = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("the router answers");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        Answer {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    /// `GET path`.
    pub async fn get(&self, path: &str) -> Answer {
        self.send(Request::get(path).body(Body::empty()).expect("request"))
            .await
    }

    /// `GET path` asking for a language.
    pub async fn get_in(&self, path: &str, accept_language: &str) -> Answer {
        let request = Request::get(path)
            .header(header::ACCEPT_LANGUAGE, accept_language)
            .body(Body::empty())
            .expect("request");
        self.send(request).await
    }
}

/// The text of a page without its tags, whitespace folded: what a reader sees.
pub fn text_of(html: &str) -> String {
    static TAG: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"<[^>]*>").expect("tag pattern"));
    TAG.replace_all(html, " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The value a response's `Set-Cookie` gives cookie `name`.
pub fn set_cookie(answer: &Answer, name: &str) -> Option<String> {
    answer
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| {
            v.strip_prefix(&format!("{name}="))
                .map(|rest| rest.split(';').next().unwrap_or("").to_owned())
        })
}

/// The value of the first hidden input `name` of a page.
pub fn hidden(html: &str, name: &str) -> Option<String> {
    let pattern = format!(r#"<input type="hidden" name="{name}" value="([^"]*)""#);
    let re = regex::Regex::new(&pattern).expect("hidden input pattern");
    re.captures(html).map(|c| c[1].to_owned())
}

/// Form fields, URL-encoded.
pub fn encode(fields: &[(&str, &str)]) -> String {
    serde_urlencoded::to_string(fields).expect("form fields encode")
}
