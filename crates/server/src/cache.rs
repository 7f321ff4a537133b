//! A response cache for anonymous GET requests, keyed by the request's path
//! and query and checked against `Store::review_stamp` on every request.
//!
//! A vote invalidates at once (the stamp's vote part changed). New or
//! re-coded documents are picked up within [`FRESH`]: while an ingest runs
//! the stamp changes with every document, and recomputing every page on
//! every request would make all readers pay for the writer. Requests with
//! a session cookie (they carry a CSRF token) are never cached.
//!
//! The stamp itself is read from the store at most every [`STAMP_TTL`] and
//! after every write through this server, so that a request answered from
//! the cache touches neither SQLite nor the blocking pool.

use crate::Shared;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a response may lag behind new documents (never behind votes).
pub const FRESH: Duration = Duration::from_secs(2);
/// How long a stamp read from the store is reused: writes by other
/// processes (an ingest) show this much later, writes here at once.
pub const STAMP_TTL: Duration = Duration::from_millis(200);
const MAX_ENTRIES: usize = 1024;
const MAX_BODY: usize = 4 * 1024 * 1024;

#[derive(Clone)]
struct Entry {
    stamp: [i64; 4],
    at: Instant,
    status: StatusCode,
    headers: HeaderMap,
    body: axum::body::Bytes,
}

#[derive(Default)]
pub struct Cache {
    entries: Mutex<HashMap<String, Entry>>,
    /// Keys a request is recomputing now: others serve the previous answer
    /// meanwhile rather than all recomputing it at once.
    busy: Mutex<HashSet<String>>,
    /// The latest stamp read and when; `None` after a write here.
    stamp: Mutex<Option<(Instant, [i64; 4])>>,
}

/// Marks a key busy until dropped.
struct Claim<'a>(&'a Cache, String);

impl Drop for Claim<'_> {
    fn drop(&mut self) {
        if let Ok(mut b) = self.0.busy.lock() {
            b.remove(&self.1);
        }
    }
}

impl Cache {
    fn claim(&self, key: &str) -> Option<Claim<'_>> {
        let mut b = self.busy.lock().ok()?;
        b.insert(key.to_string())
            .then(|| Claim(self, key.to_string()))
    }

    /// The store's stamp, read again when the last read is older than
    /// [`STAMP_TTL`] or a write came through since.
    async fn stamp(&self, st: &Shared) -> Result<[i64; 4], crate::error::AppError> {
        if let Some((at, s)) = self.stamp.lock().ok().and_then(|g| *g) {
            if at.elapsed() < STAMP_TTL {
                return Ok(s);
            }
        }
        let s = st.pool.run(|s| Ok(s.review_stamp()?)).await?;
        if let Ok(mut g) = self.stamp.lock() {
            *g = Some((Instant::now(), s));
        }
        Ok(s)
    }

    /// Forgets the stamp after a write, so the next read sees it.
    fn written(&self) {
        if let Ok(mut g) = self.stamp.lock() {
            *g = None;
        }
    }

    fn get(&self, key: &str) -> Option<Entry> {
        self.entries.lock().ok()?.get(key).cloned()
    }
    fn put(&self, key: String, e: Entry) {
        if let Ok(mut m) = self.entries.lock() {
            if m.len() >= MAX_ENTRIES && !m.contains_key(&key) {
                m.clear();
            }
            m.insert(key, e);
        }
    }
}

fn respond(e: Entry) -> Response {
    let mut r = (e.status, e.body).into_response();
    *r.headers_mut() = e.headers;
    r
}

pub async fn layer(
    axum::extract::State(st): axum::extract::State<Shared>,
    req: Request,
    next: Next,
) -> Response {
    let cacheable = req.method() == Method::GET
        && !req.headers().contains_key(header::COOKIE)
        && !req.headers().contains_key(header::AUTHORIZATION)
        && req.uri().path() != "/login";
    if !cacheable {
        let write = req.method() != Method::GET && req.method() != Method::HEAD;
        let r = next.run(req).await;
        if write {
            st.cache_http.written();
        }
        return r;
    }
    let key = req.uri().to_string();
    let stamp = match st.cache_http.stamp(&st).await {
        Ok(s) => s,
        Err(e) => return e.into_response(),
    };
    let mut claim = None;
    if let Some(e) = st.cache_http.get(&key) {
        let same_votes = e.stamp[3] == stamp[3];
        if e.stamp == stamp || (same_votes && e.at.elapsed() < FRESH) {
            return respond(e);
        }
        claim = st.cache_http.claim(&key);
        if claim.is_none() && same_votes {
            return respond(e);
        }
    }
    let r = next.run(req).await;
    let _claim = claim;
    if !(r.status().is_success() || r.status() == StatusCode::NOT_FOUND) {
        return r;
    }
    let (parts, body) = r.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let e = Entry {
        stamp,
        at: Instant::now(),
        status: parts.status,
        headers: parts.headers.clone(),
        body: bytes.clone(),
    };
    st.cache_http.put(key, e);
    Response::from_parts(parts, Body::from(bytes))
}
