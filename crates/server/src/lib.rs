//! `entente serve`: a JSON API under `/api/v1` and a server-rendered web UI
//! over the store, where analysts read, search and vote on coded events.
//!
//! The only crate that knows HTTP. Handlers run SQLite work on the blocking
//! pool (`pool`); what the API and the pages both show is built in `data`;
//! `api` holds the JSON endpoints and their OpenAPI annotations, `ui` the
//! pages (maud templates: every text is escaped at compile-time-checked
//! interpolation points; built from `report`'s components, so the pages
//! and the static report share their rows, legends, charts and map),
//! `auth` tokens, sessions and CSRF.

#![forbid(unsafe_code)]

pub mod api;
pub mod auth;
pub mod cache;
pub mod compute;
pub mod data;
pub mod error;
pub mod pool;
pub mod types;
pub mod ui;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue, StatusCode};
use axum::Router;
use error::{ApiResult, AppError};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tower_http::set_header::SetResponseHeaderLayer;
use types::*;

/// Codes one document: the binary passes its pipeline in, so this crate
/// needs none of the stages' set-up.
pub type Coder = Arc<dyn Fn(model::Document) -> model::Coded + Send + Sync>;

/// Request bodies larger than this are refused (413).
pub const MAX_BODY: usize = 2 * 1024 * 1024;
/// Requests that take longer are cut off (408).
pub const MAX_TIME: Duration = Duration::from_secs(20);

/// The Content-Security-Policy of every response: nothing loads from
/// elsewhere, no inline script runs, forms post only here.
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

pub struct Config {
    pub db: PathBuf,
    pub tokens: Vec<auth::Token>,
    /// Display names of codes (`TUR` -> `Turkey`).
    pub names: BTreeMap<String, String>,
    pub coder: Coder,
}

pub struct State {
    pub pool: Arc<pool::Pool>,
    pub keys: auth::Keys,
    pub coder: Coder,
    pub cameo: events::cameo::CameoTable,
    pub names: BTreeMap<String, String>,
    /// Analyses without and with rejected events.
    pub analyses: Arc<data::Analyses>,
    /// Responses to anonymous GET requests.
    pub cache_http: cache::Cache,
    /// Where answers the cache does not hold are computed.
    pub compute: compute::Compute,
}

pub type Shared = Arc<State>;
pub type AppState = axum::extract::State<Shared>;

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("{0}")]
    Store(#[from] store::StoreError),
    #[error("built-in CAMEO table: {0}")]
    Cameo(String),
    #[error("no random numbers from the system: {0}")]
    Random(String),
    #[error("cannot listen on {addr}: {cause}")]
    Bind {
        addr: SocketAddr,
        cause: std::io::Error,
    },
    #[error("serving: {0}")]
    Io(std::io::Error),
    #[error("starting the compute runtime: {0}")]
    Runtime(std::io::Error),
}

impl State {
    pub fn new(cfg: Config) -> Result<State, ServeError> {
        let mut key = [0u8; 32];
        getrandom::fill(&mut key).map_err(|e| ServeError::Random(e.to_string()))?;
        Ok(State {
            pool: Arc::new(pool::Pool::open(cfg.db)?),
            keys: auth::Keys::new(key, &cfg.tokens),
            coder: cfg.coder,
            cameo: events::cameo::CameoTable::builtin()
                .map_err(|e| ServeError::Cameo(e.to_string()))?,
            names: cfg.names,
            analyses: Arc::default(),
            cache_http: cache::Cache::new(slow_log()),
            compute: compute::Compute::start().map_err(ServeError::Runtime)?,
        })
    }
}

/// `ENTENTE_SLOW_MS`: log requests that take at least this many
/// milliseconds to stderr, with how they were answered (for load tests).
fn slow_log() -> Option<Duration> {
    let ms = std::env::var("ENTENTE_SLOW_MS").ok()?.trim().parse().ok()?;
    Some(Duration::from_millis(ms))
}

/// The whole application: API, pages, limits and security headers.
pub fn app(state: Shared) -> Router {
    let h = |v: &'static str| HeaderValue::from_static(v);
    Router::new()
        .merge(api::routes())
        .merge(ui::routes())
        .fallback(ui::not_found)
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&state),
            cache::layer,
        ))
        .with_state(state)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            MAX_TIME,
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            h(CSP),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            h("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            h("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            h("DENY"),
        ))
}

/// Serves until SIGINT or SIGTERM, then lets requests in flight finish.
pub async fn serve(state: Shared, addr: SocketAddr) -> Result<(), ServeError> {
    serve_with(state, addr, None).await
}

/// Blocking work to run beside the server (the feed watcher): it runs on a
/// thread of the blocking pool, should return soon after its [`Stop`] is
/// set, and is waited for before the server's future ends.
pub type Background = Box<dyn FnOnce(Stop) + Send + 'static>;

/// Set when the server shuts down; background work polls it or waits on it.
#[derive(Clone, Default)]
pub struct Stop(Arc<(Mutex<bool>, std::sync::Condvar)>);

impl Stop {
    pub fn set(&self) {
        if let Ok(mut g) = self.0 .0.lock() {
            *g = true;
        }
        self.0 .1.notify_all();
    }

    pub fn is_set(&self) -> bool {
        self.0 .0.lock().map_or(true, |g| *g)
    }

    /// Sleeps up to `d`, waking early when stopped; true when stopped.
    pub fn wait(&self, d: Duration) -> bool {
        let Ok(g) = self.0 .0.lock() else { return true };
        match self.0 .1.wait_timeout_while(g, d, |stopped| !*stopped) {
            Ok((g, _)) => *g,
            Err(_) => true,
        }
    }
}

/// [`serve`], with `background` running beside it until shutdown.
pub async fn serve_with(
    state: Shared,
    addr: SocketAddr,
    background: Option<Background>,
) -> Result<(), ServeError> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|cause| ServeError::Bind { addr, cause })?;
    let stop = Stop::default();
    let task = background.map(|work| {
        let stop = stop.clone();
        tokio::task::spawn_blocking(move || work(stop))
    });
    let served = axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown())
        .await
        .map_err(ServeError::Io);
    stop.set();
    if let Some(task) = task {
        // A panic in the background work is its own; the server stopped cleanly.
        let _ = task.await;
    }
    served
}

async fn shutdown() {
    let int = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = int => {},
        _ = term => {},
    }
    eprintln!("entente serve: stopping (finishing requests in flight)");
}

/// Codes and stores one posted document.
pub fn ingest_one(st: &State, s: &mut store::Store, new: &NewDocument) -> ApiResult<Created> {
    if new.text.is_none() == new.html.is_none() {
        return Err(AppError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "give the document as `text` or as `html` (one of them)",
        ));
    }
    if let Some(d) = &new.date {
        if chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err() {
            return Err(AppError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("date {d:?} is not YYYY-MM-DD"),
            ));
        }
    }
    let line = serde_json::to_string(new).map_err(AppError::internal)?;
    let opts = ingest::Options {
        default_date: None,
        today: chrono::Utc::now().date_naive(),
        max_bytes: MAX_BODY,
        csv: ingest::CsvColumns::default(),
    };
    let parsed = ingest::parse(line.as_bytes(), ingest::Format::Jsonl, "request", &opts)
        .map_err(|e| AppError::new(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
    let Some(doc) = parsed.documents.into_iter().next() else {
        let why = parsed
            .diagnostics
            .first()
            .map_or("no article text found".to_string(), |d| d.message.clone());
        return Err(AppError::new(StatusCode::UNPROCESSABLE_ENTITY, why));
    };
    let id = doc.id.clone();
    let coded = (st.coder)(doc);
    let events = coded.events.len();
    let created = s.put(&coded, Some("api"), false)?;
    Ok(Created {
        id,
        created,
        events,
    })
}

fn actor_code(s: &str, what: &str) -> ApiResult<String> {
    let c = s.trim().to_uppercase();
    if c.len() < 3 || c.len() > 24 || !c.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(AppError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!(
                "{what} {s:?} is not an actor code (three or more letters and digits, e.g. TURGOV)"
            ),
        ));
    }
    Ok(c)
}

/// Records a vote by `who` on event `id`.
pub fn vote(
    st: &State,
    s: &mut store::Store,
    id: &str,
    who: &str,
    v: &NewVote,
) -> ApiResult<VoteResult> {
    if v.note.as_ref().is_some_and(|n| n.chars().count() > 2000) {
        return Err(AppError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "note is longer than 2,000 characters",
        ));
    }
    let cameo = match v.cameo.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        None => None,
        Some(c) => {
            let info = st.cameo.get(c).ok_or_else(|| {
                AppError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    format!("cameo {c:?} is not a CAMEO code (`entente help cameo` lists them)"),
                )
            })?;
            Some(store::votes::CameoFix {
                cameo: info.code.clone(),
                root: info.code.get(..2).unwrap_or("").to_string(),
                plover: info.plover.clone(),
                quad_class: info.quad,
                goldstein: info.goldstein,
            })
        }
    };
    let side =
        |x: &Option<String>, what| match x.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            None => Ok(None),
            Some(c) => actor_code(c, what).map(Some),
        };
    let correction = store::votes::Correction {
        cameo,
        source: side(&v.source, "source")?,
        target: side(&v.target, "target")?,
    };
    // The event must exist now; its id stays valid across recodes.
    data::event(st, s, id)?;
    let vid = s.add_vote(&store::votes::NewVote {
        event_id: id.to_string(),
        up: v.vote == VoteKind::Up,
        note: v.note.clone().filter(|n| !n.trim().is_empty()),
        who: who.to_string(),
        correction,
    })?;
    let stored = s
        .vote(vid)?
        .ok_or_else(|| AppError::internal("a vote just stored is missing"))?;
    let (event, _) = data::event(st, s, id)?;
    Ok(VoteResult {
        vote: data::vote_out(st, &stored),
        votes: event.votes,
        rejected: event.rejected,
    })
}
