//! The application's router, and running it until told to stop.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tower_http::limit::RequestBodyLimitLayer;

use crate::error::{WebError, render_errors};
use crate::state::AppState;

/// Largest request body accepted (the read side takes none; the forms
/// and API writes of the next round are small).
pub const BODY_LIMIT: usize = 64 * 1024;

/// Where to serve and which database.
#[derive(Debug, Clone)]
pub struct Config {
    /// The address to listen on.
    pub addr: SocketAddr,
    /// The database URL (`sqlite://…`, `postgres://…`).
    pub database_url: String,
}

/// The whole application over a store.
pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(crate::pages::routes())
        .merge(crate::api::routes())
        .route("/healthz", get(healthz))
        .route("/assets/{*path}", get(crate::assets::serve))
        .fallback(|| async { StatusCode::NOT_FOUND })
        // Innermost first: the limits refuse, the errors get their body,
        // and every response, refusals included, gets the headers.
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(middleware::from_fn(render_errors))
        .layer(middleware::from_fn(crate::headers::secure))
        .with_state(state)
}

/// `GET /healthz`: 200 when the database answers, 503 when it does not.
async fn healthz(State(state): State<AppState>) -> Response {
    match state.data.healthy().await {
        Ok(()) => "ok\n".into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check: the database does not answer");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

/// Opens the store, loads the reference plan into an empty one, and
/// serves until SIGTERM or SIGINT, finishing the requests in flight.
pub async fn serve(config: Config) -> Result<(), WebError> {
    let store: Arc<dyn jointplan_store::Store> =
        Arc::from(open_migrated(&config.database_url).await?);
    let state = AppState::new(store.clone());
    if let Some(slug) = state.data.seed_reference().await? {
        tracing::info!(%slug, "the database was empty: loaded the reference plan, in force");
    }
    let listener = tokio::net::TcpListener::bind(config.addr).await?;
    let addr = listener.local_addr()?;
    eprintln!("jointplan: serving http://{addr}/");
    eprintln!(
        "jointplan: create the first account with: jointplan user add NAME --role coordinator --party DK --password-stdin"
    );
    // The peer's address reaches handlers, for the sign-in limit per address.
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown())
        .await?;
    store.close().await;
    eprintln!("jointplan: stopped");
    Ok(())
}

/// Resolves on SIGTERM or SIGINT.
async fn shutdown() {
    let interrupt = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for SIGINT");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}

/// Opens the store, bringing a PostgreSQL schema up to date first when it
/// is missing or older (SQLite is migrated on open): the server is the
/// main job, and a new database must work without a separate step.
async fn open_migrated(url: &str) -> Result<Box<dyn jointplan_store::Store>, WebError> {
    match jointplan_store::open(url).await {
        Err(jointplan_store::StoreError::NotMigrated) => {
            tracing::info!(
                "the database schema is missing or older than this program: migrating it"
            );
            let store = jointplan_store::connect(url).await?;
            store.migrate().await?;
            Ok(store)
        }
        other => Ok(other?),
    }
}

/// [`serve`] on a runtime of its own, with logs on standard error
/// (`RUST_LOG` sets the level; `info` by default).
pub fn serve_blocking(config: Config) -> Result<(), WebError> {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // A second call (tests, embedding) keeps the first subscriber.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(std::io::stderr)
        .try_init();
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(serve(config))
}
