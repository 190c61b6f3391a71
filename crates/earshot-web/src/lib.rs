//! The earshot dashboard: server-rendered HTML for the people who review conversations.
//!
//! Pages: `/` overview, `/queue` risk queue, `/conversations/{id}` evidence and review (verdicts,
//! score adjustments with a reason, comments, training cases), `/calibration`, `/agents` (teams
//! and agents) and `/agents/{id}`, `/rules`, `/causes` (root causes), `/sampling` and
//! `/sampling/{id}` (review assignments); `/login` and `/logout`. No JavaScript framework
//! and nothing from outside: one small stylesheet and one small script are compiled in and served
//! under `/assets/`, and charts are inline SVG drawn here.
//!
//! People log in with a password (argon2 PHC strings, made by [`hash_password`]); a session
//! cookie names a row of the store's sessions. Every page is scoped to one workspace the person
//! has a grant for: another workspace's conversation answers 404, as if it did not exist. Every
//! POST form carries a CSRF token (an HMAC of the session id) and must come from the same origin.
//!
//! The router reads through two handles: the [`Store`] the rest of earshot uses, and the
//! dashboard's aggregates, [`Insights`] (for SQLite a second connection to the same file, opened
//! by [`earshot_store::open_insights`]). Store calls run on the blocking pool.

mod assets;
mod auth;
mod charts;
mod highlight;
pub mod i18n;
mod layout;
mod pages;

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use earshot_store::{Insights, Store};

pub use auth::{hash_password, verify_password};

use crate::i18n::{K, Lang};

/// The dashboard's routes, for documentation and tests: `(method, path)`.
pub const ROUTES: &[(&str, &str)] = &[
    ("get", "/"),
    ("get", "/login"),
    ("post", "/login"),
    ("post", "/logout"),
    ("get", "/queue"),
    ("get", "/conversations/{id}"),
    ("post", "/conversations/{id}/findings/{finding}/review"),
    ("post", "/conversations/{id}/training-case"),
    ("post", "/conversations/{id}/scores"),
    ("post", "/conversations/{id}/comments"),
    ("get", "/calibration"),
    ("get", "/agents"),
    ("get", "/agents/{id}"),
    ("get", "/rules"),
    ("get", "/causes"),
    ("get", "/sampling"),
    ("post", "/sampling"),
    ("get", "/sampling/{id}"),
    ("get", "/assets/earshot.css"),
    ("get", "/assets/earshot.js"),
];

/// What the handlers share.
#[derive(Clone)]
pub(crate) struct Web {
    store: Arc<Mutex<Box<dyn Store>>>,
    insights: Arc<Mutex<Box<dyn Insights>>>,
    /// Signs CSRF tokens; new at every start, so forms rendered before a restart must be
    /// reloaded.
    csrf_key: Arc<[u8; 32]>,
}

/// The dashboard. `store` may be the same handle the JSON API uses; `insights` reads the same
/// database. The router has no fallback, so that it can be merged with the API's router.
///
/// # Panics
/// When the operating system gives no randomness for the CSRF key.
pub fn router(
    store: Arc<Mutex<Box<dyn Store>>>,
    insights: Arc<Mutex<Box<dyn Insights>>>,
) -> Router {
    let mut key = [0u8; 32];
    getrandom::fill(&mut key).expect("no randomness available for the CSRF key");
    let web = Web {
        store,
        insights,
        csrf_key: Arc::new(key),
    };
    Router::new()
        .route("/", get(pages::overview::page))
        .route("/login", get(auth::login_form).post(auth::login))
        .route("/logout", post(auth::logout))
        .route("/queue", get(pages::queue::page))
        .route("/conversations/{id}", get(pages::conversation::page))
        .route(
            "/conversations/{id}/findings/{finding}/review",
            post(pages::conversation::review),
        )
        .route(
            "/conversations/{id}/training-case",
            post(pages::conversation::training_case),
        )
        .route(
            "/conversations/{id}/scores",
            post(pages::conversation::adjust),
        )
        .route(
            "/conversations/{id}/comments",
            post(pages::conversation::comment),
        )
        .route("/calibration", get(pages::calibration::page))
        .route("/rules", get(pages::rules::page))
        .route("/causes", get(pages::causes::page))
        .route(
            "/sampling",
            get(pages::sampling::page).post(pages::sampling::create),
        )
        .route("/sampling/{id}", get(pages::sampling::assignment))
        .route("/agents", get(pages::agents::list))
        .route("/agents/{id}", get(pages::agents::page))
        .route("/assets/earshot.css", get(assets::css))
        .route("/assets/earshot.js", get(assets::js))
        .layer(axum::middleware::from_fn(layout::frame))
        .with_state(web)
}

/// A page that could not be shown: its status and the message, in the person's language.
#[derive(Debug)]
pub(crate) struct Failure {
    pub status: StatusCode,
    pub key: K,
    pub lang: Lang,
}

impl Failure {
    pub fn new(lang: Lang, status: StatusCode, key: K) -> Failure {
        Failure { status, key, lang }
    }

    pub fn not_found(lang: Lang) -> Failure {
        Failure::new(lang, StatusCode::NOT_FOUND, K::NotFoundText)
    }

    pub fn internal(lang: Lang) -> Failure {
        Failure::new(lang, StatusCode::INTERNAL_SERVER_ERROR, K::ServerError)
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        layout::error_page(self.lang, self.status, self.key)
    }
}

pub(crate) type PageResult = Result<Response, Failure>;

impl Web {
    /// Runs `f` on the store, off the async threads.
    pub(crate) async fn store<T: Send + 'static>(
        &self,
        lang: Lang,
        f: impl FnOnce(&mut dyn Store) -> earshot_store::Result<T> + Send + 'static,
    ) -> Result<T, Failure> {
        let store = self.store.clone();
        let out = tokio::task::spawn_blocking(move || {
            let mut s = store
                .lock()
                .map_err(|_| "store lock poisoned".to_string())?;
            f(s.as_mut()).map_err(|e| e.to_string())
        })
        .await;
        settle(lang, out)
    }

    /// Runs `f` on the aggregates, off the async threads.
    pub(crate) async fn insights<T: Send + 'static>(
        &self,
        lang: Lang,
        f: impl FnOnce(&dyn Insights) -> earshot_store::Result<T> + Send + 'static,
    ) -> Result<T, Failure> {
        let insights = self.insights.clone();
        let out = tokio::task::spawn_blocking(move || {
            let s = insights
                .lock()
                .map_err(|_| "insights lock poisoned".to_string())?;
            f(s.as_ref()).map_err(|e| e.to_string())
        })
        .await;
        settle(lang, out)
    }
}

fn settle<T>(
    lang: Lang,
    out: Result<Result<T, String>, tokio::task::JoinError>,
) -> Result<T, Failure> {
    match out {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => {
            // Store errors name tables and files, never a request's secrets.
            eprintln!("earshot-web: store: {e}");
            Err(Failure::internal(lang))
        }
        Err(e) => {
            eprintln!("earshot-web: task: {e}");
            Err(Failure::internal(lang))
        }
    }
}
