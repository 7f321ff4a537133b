//! A response cache for anonymous GET requests, keyed by the request's path
//! and query and checked against `Store::review_stamp` on every request.
//!
//! A vote invalidates at once (the stamp's vote part changed). New or
//! re-coded documents are picked up within about [`FRESH`]: an answer older
//! than that whose stamp changed is still served, once, while it is
//! computed again in the background; so while an ingest runs (the stamp
//! changes with every document) no reader waits for a page to be computed
//! again, and each page is recomputed at most once per [`FRESH`]. Requests
//! with a session cookie (they carry a CSRF token) are never cached.
//!
//! The stamp itself is read from the store at most every [`STAMP_TTL`],
//! in the background (requests meanwhile use the one read before), and
//! after every write through this server before the next answer, so that
//! a request answered from the cache touches neither SQLite nor the
//! blocking pool.
//!
//! Whatever the cache cannot answer runs on the compute runtime
//! ([`crate::compute`]), never on the threads that answer from the cache.

use crate::Shared;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a response may lag behind new documents (never behind votes).
pub const FRESH: Duration = Duration::from_secs(2);
/// How long a stamp read from the store is reused: writes by other
/// processes (an ingest) show this much later, writes here at once.
pub const STAMP_TTL: Duration = Duration::from_millis(200);
/// Background recomputations of stale answers at once: more would only
/// take cores from the requests being answered.
const REFRESHES: usize = 2;
/// What the cached bodies may take in all: a varied mix of requests asks
/// for thousands of distinct answers (every actor, pair, page and word), and
/// a cache that forgets them all whenever it fills computes them again.
const MAX_BYTES: usize = 96 * 1024 * 1024;
const MAX_BODY: usize = 4 * 1024 * 1024;

#[derive(Clone)]
struct Entry {
    stamp: [i64; 4],
    at: Instant,
    status: StatusCode,
    headers: HeaderMap,
    body: axum::body::Bytes,
}

/// The latest stamp read, and whether a read is under way.
#[derive(Default)]
struct StampSlot {
    /// When it was read and what it was; `None` after a write here.
    value: Option<(Instant, [i64; 4])>,
    /// Bumped by every write here: a read begun before it is discarded.
    generation: u64,
    reading: bool,
}

/// The cached answers and the bytes their bodies take.
#[derive(Default)]
struct Entries {
    map: HashMap<String, Entry>,
    bytes: usize,
}

#[derive(Default)]
pub struct Cache {
    entries: Mutex<Entries>,
    /// Keys being recomputed in the background now.
    busy: Mutex<HashSet<String>>,
    /// Keys being computed for waiting requests now: the same request
    /// meanwhile waits for that answer instead of computing it again.
    computing: Mutex<HashMap<String, Pending>>,
    stamp: Mutex<StampSlot>,
    refreshing: AtomicUsize,
    /// Requests slower than this are logged (`ENTENTE_SLOW_MS`).
    slow: Option<Duration>,
}

/// An answer being computed: `None` until it is there.
type Pending = tokio::sync::watch::Receiver<Option<Entry>>;

/// Marks a key busy (and counts a background recomputation) until dropped.
struct Claim(Shared, String);

impl Drop for Claim {
    fn drop(&mut self) {
        let c = &self.0.cache_http;
        if let Ok(mut b) = c.busy.lock() {
            b.remove(&self.1);
        }
        c.refreshing.fetch_sub(1, Ordering::AcqRel);
    }
}

impl Cache {
    /// A cache that logs requests slower than `slow` to stderr.
    pub fn new(slow: Option<Duration>) -> Cache {
        Cache {
            slow,
            ..Cache::default()
        }
    }

    /// Claims `key` for a background recomputation, unless it is under way
    /// or [`REFRESHES`] are.
    fn claim(st: &Shared, key: &str) -> Option<Claim> {
        let c = &st.cache_http;
        let mut b = c.busy.lock().ok()?;
        if b.contains(key) || c.refreshing.load(Ordering::Acquire) >= REFRESHES {
            return None;
        }
        b.insert(key.to_string());
        c.refreshing.fetch_add(1, Ordering::AcqRel);
        Some(Claim(st.clone(), key.to_string()))
    }

    /// The store's stamp: the one read last while it is younger than
    /// [`STAMP_TTL`]; after that still the one read last while a new read
    /// runs in the background; read now only after a write here.
    async fn stamp(st: &Shared) -> Result<[i64; 4], crate::error::AppError> {
        let generation = {
            let Ok(mut g) = st.cache_http.stamp.lock() else {
                return Err(crate::error::AppError::internal("stamp lock poisoned"));
            };
            match g.value {
                Some((at, s)) if at.elapsed() < STAMP_TTL => return Ok(s),
                Some((_, s)) => {
                    if !g.reading {
                        g.reading = true;
                        let (st, generation) = (st.clone(), g.generation);
                        tokio::spawn(async move {
                            let read = st.pool.run(|s| Ok(s.review_stamp()?)).await;
                            st.cache_http.stamp_read(generation, read.ok());
                        });
                    }
                    return Ok(s);
                }
                None => g.generation,
            }
        };
        let s = st.pool.run(|s| Ok(s.review_stamp()?)).await?;
        st.cache_http.stamp_read(generation, Some(s));
        Ok(s)
    }

    /// Keeps a stamp read unless a write came through since it began.
    fn stamp_read(&self, generation: u64, s: Option<[i64; 4]>) {
        if let Ok(mut g) = self.stamp.lock() {
            if g.generation == generation {
                g.reading = false;
                if let Some(s) = s {
                    g.value = Some((Instant::now(), s));
                }
            }
        }
    }

    /// Forgets the stamp after a write, so the next request reads it anew.
    fn written(&self) {
        if let Ok(mut g) = self.stamp.lock() {
            g.generation += 1;
            g.value = None;
            g.reading = false;
        }
    }

    fn get(&self, key: &str) -> Option<Entry> {
        self.entries.lock().ok()?.map.get(key).cloned()
    }
    fn put(&self, key: String, e: Entry) {
        let Ok(mut m) = self.entries.lock() else {
            return;
        };
        // The body, the key and about what the headers and the map take.
        let size = |k: &str, e: &Entry| k.len() + e.body.len() + 256;
        m.bytes += size(&key, &e);
        let old = m.map.get(&key).map(|old| size(&key, old));
        m.map.insert(key, e);
        if let Some(old) = old {
            m.bytes -= m.bytes.min(old);
        }
        if m.bytes > MAX_BYTES {
            // The least recently computed answers go, down to three quarters.
            let mut ages: Vec<(Instant, String)> =
                m.map.iter().map(|(k, e)| (e.at, k.clone())).collect();
            ages.sort_unstable();
            for (_, k) in ages {
                if m.bytes <= MAX_BYTES / 4 * 3 {
                    break;
                }
                if let Some(e) = m.map.remove(&k) {
                    m.bytes -= m.bytes.min(size(&k, &e));
                }
            }
        }
    }
}

tokio::task_local! {
    /// The stamp of the oldest data an answer being computed was built
    /// from, when older than the store's (an analysis still being rebuilt).
    static BUILT_FROM: std::cell::Cell<Option<[i64; 4]>>;
}

/// Notes that the answer being computed shows the data of `stamp` (called
/// by the pool for an analysis answered while a newer one is built): it is
/// cached under that stamp, so it is computed again later.
pub fn answer_is_as_old_as(stamp: [i64; 4]) {
    let _ = BUILT_FROM.try_with(|b| b.set(Some(b.get().map_or(stamp, |old| old.min(stamp)))));
}

/// Runs the handler, and says how old the data its answer shows may be.
async fn compute(next: Next, req: Request) -> (Response, Option<[i64; 4]>) {
    BUILT_FROM
        .scope(std::cell::Cell::new(None), async move {
            let r = next.run(req).await;
            (r, BUILT_FROM.with(std::cell::Cell::get))
        })
        .await
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
    let start = Instant::now();
    let log = st
        .cache_http
        .slow
        .map(|_| format!("{} {}", req.method(), req.uri()));
    let (r, how) = answer(&st, req, next).await;
    if let (Some(slow), Some(what)) = (st.cache_http.slow, log) {
        let took = start.elapsed();
        if took >= slow {
            eprintln!(
                "entente serve: slow: {what} {} ms ({how}, {})",
                took.as_millis(),
                r.status().as_u16()
            );
        }
    }
    r
}

/// The response, and how it was found (for the slow-request log).
async fn answer(st: &Shared, req: Request, next: Next) -> (Response, &'static str) {
    let cacheable = req.method() == Method::GET
        && !req.headers().contains_key(header::COOKIE)
        && !req.headers().contains_key(header::AUTHORIZATION)
        && req.uri().path() != "/login";
    if !cacheable {
        let write = req.method() != Method::GET && req.method() != Method::HEAD;
        let r = st
            .compute
            .run(next.run(req))
            .await
            .unwrap_or_else(IntoResponse::into_response);
        if write {
            st.cache_http.written();
        }
        return (r, "not cached");
    }
    let key = req.uri().to_string();
    let stamp = match Cache::stamp(st).await {
        Ok(s) => s,
        Err(e) => return (e.into_response(), "stamp failed"),
    };
    if let Some(e) = st.cache_http.get(&key) {
        if e.stamp == stamp {
            return (respond(e), "cached");
        }
        // New documents (not votes) since: the answer may lag a little.
        if e.stamp[3] == stamp[3] {
            if e.at.elapsed() < FRESH {
                return (respond(e), "cached");
            }
            if let Some(claim) = Cache::claim(st, &key) {
                let st2 = st.clone();
                st.compute.spawn(async move {
                    let _claim = claim;
                    keep(&st2, key, stamp, compute(next, req).await).await;
                });
            }
            return (respond(e), "cached, recomputing");
        }
    }
    // The same request computed for another now: wait for its answer.
    let pending = st
        .cache_http
        .computing
        .lock()
        .ok()
        .and_then(|m| m.get(&key).cloned());
    if let Some(mut rx) = pending {
        // An answer from before a vote will not do.
        let votes = |e: &Option<Entry>| e.as_ref().is_some_and(|e| e.stamp[3] == stamp[3]);
        if let Ok(e) = rx.wait_for(votes).await {
            if let Some(e) = e.clone() {
                return (respond(e), "computed for another");
            }
        }
    }
    let (tx, rx) = tokio::sync::watch::channel(None);
    if let Ok(mut m) = st.cache_http.computing.lock() {
        m.insert(key.clone(), rx);
    }
    let st2 = st.clone();
    let r = st
        .compute
        .run(async move {
            let r = keep(&st2, key.clone(), stamp, compute(next, req).await).await;
            if let Ok(mut m) = st2.cache_http.computing.lock() {
                if m.get(&key)
                    .is_some_and(|rx| rx.same_channel(&tx.subscribe()))
                {
                    m.remove(&key);
                }
            }
            // Waiters of a failed answer get none and compute their own.
            if let Some(e) = st2.cache_http.get(&key).filter(|e| e.stamp[3] == stamp[3]) {
                let _ = tx.send(Some(e));
            }
            r
        })
        .await
        .unwrap_or_else(IntoResponse::into_response);
    (r, "computed")
}

/// Stores a successful (or not-found) answer under `key` and returns it:
/// under `stamp`, the store's when the request came, or the older one of
/// the data it was built from.
async fn keep(
    st: &Shared,
    key: String,
    stamp: [i64; 4],
    (r, built_from): (Response, Option<[i64; 4]>),
) -> Response {
    let stamp = built_from.map_or(stamp, |b| b.min(stamp));
    if !(r.status().is_success() || r.status() == StatusCode::NOT_FOUND) {
        return r;
    }
    let (parts, body) = r.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    st.cache_http.put(
        key,
        Entry {
            stamp,
            at: Instant::now(),
            status: parts.status,
            headers: parts.headers.clone(),
            body: bytes.clone(),
        },
    );
    Response::from_parts(parts, Body::from(bytes))
}
