//! `entente watch`: polls RSS/Atom feeds and article pages and stores each new article once.
//!
//! One round fetches every watched URL with a conditional request (the
//! `ETag` and `Last-Modified` the last answer gave), so an unchanged feed
//! costs a 304 and no body. A feed's new items are followed to their article
//! pages for the full text (the feed's summary when the page gives less or
//! cannot be fetched); an article is new when neither its URL nor its content
//! hash was seen before (table `feed_items`). Requests to one host are spaced
//! by a delay; every request has a timeout, a redirect limit and a size
//! limit. A URL that fails (refused, timed out, 5xx, garbage) is reported
//! and counted in `feed_sources`, and the round goes on.
//!
//! [`Watcher::run_round`] is the whole of one round, for the command and for
//! anything else that wants to watch (a server's background thread).

use anyhow::Result;
use model::{Coded, Document};
use std::collections::HashMap;
use std::io::Read;
use std::process::ExitCode;
use std::time::{Duration, Instant};
use store::{FeedSource, Store};

/// How to watch: what `entente watch` takes from its command line.
#[derive(Debug, Clone)]
pub struct Config {
    /// Feeds (RSS, Atom, JSON Feed) and article pages.
    pub urls: Vec<String>,
    /// The least time between two requests to one host.
    pub delay: Duration,
    /// The most one request may take, body included.
    pub timeout: Duration,
    /// Larger answers are refused.
    pub max_bytes: usize,
    /// Redirects followed before a request fails (a loop fails here).
    pub max_redirects: u32,
    /// Fetch each new feed item's article page for its full text.
    pub follow: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            urls: Vec::new(),
            delay: Duration::from_secs(2),
            timeout: Duration::from_secs(30),
            max_bytes: 5_000_000,
            max_redirects: 5,
            follow: true,
        }
    }
}

/// What a watched URL gave in one round.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// 304: nothing fetched.
    Unchanged,
    /// A body was fetched and read.
    Fetched,
    /// The URL could not be fetched or read; the message says why.
    Failed(String),
}

/// One watched URL's part of a round.
#[derive(Debug, Clone)]
pub struct SourceReport {
    pub url: String,
    pub outcome: Outcome,
    /// Articles stored for the first time.
    pub stored: usize,
    /// Articles seen in an earlier round or another feed.
    pub seen: usize,
    /// What went wrong with single items (their pages, their text).
    pub notes: Vec<String>,
}

/// One round over every watched URL.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub sources: Vec<SourceReport>,
}

impl Report {
    pub fn stored(&self) -> usize {
        self.sources.iter().map(|s| s.stored).sum()
    }
    pub fn failed(&self) -> usize {
        self.sources
            .iter()
            .filter(|s| matches!(s.outcome, Outcome::Failed(_)))
            .count()
    }
}

/// A fetched answer.
enum Fetched {
    NotModified,
    Body {
        bytes: Vec<u8>,
        etag: Option<String>,
        last_modified: Option<String>,
        content_type: String,
    },
}

/// Polls the configured URLs; keeps the HTTP agent and the per-host clock
/// between rounds.
pub struct Watcher {
    cfg: Config,
    agent: ureq::Agent,
    last_request: HashMap<String, Instant>,
}

impl Watcher {
    pub fn new(cfg: Config) -> Watcher {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(cfg.timeout))
            .max_redirects(cfg.max_redirects)
            // 4xx and 5xx are answers to report, not transport errors.
            .http_status_as_error(false)
            .user_agent(concat!(
                "entente/",
                env!("CARGO_PKG_VERSION"),
                " (feed watcher)"
            ))
            .build()
            .into();
        Watcher {
            cfg,
            agent,
            last_request: HashMap::new(),
        }
    }

    /// One round: every watched URL once, each failure reported, none fatal
    /// but the store's own (a database that cannot be written).
    pub fn run_round(
        &mut self,
        store: &mut Store,
        code: &dyn Fn(Document) -> Coded,
    ) -> Result<Report> {
        let mut report = Report::default();
        for url in self.cfg.urls.clone() {
            report.sources.push(self.watch_url(store, code, &url)?);
        }
        Ok(report)
    }

    fn watch_url(
        &mut self,
        store: &mut Store,
        code: &dyn Fn(Document) -> Coded,
        url: &str,
    ) -> Result<SourceReport> {
        let mut rep = SourceReport {
            url: url.to_string(),
            outcome: Outcome::Fetched,
            stored: 0,
            seen: 0,
            notes: Vec::new(),
        };
        let mut state = store.feed_source(url)?.unwrap_or_default();
        let now = chrono::Utc::now().to_rfc3339();
        let fetched = self.fetch(url, Some(&state));
        let (bytes, content_type) = match fetched {
            Err(message) => {
                state.failures += 1;
                state.status = message.clone();
                store.set_feed_source(url, &state, &now)?;
                rep.outcome = Outcome::Failed(message);
                return Ok(rep);
            }
            Ok(Fetched::NotModified) => {
                state.failures = 0;
                state.status = "304".into();
                store.set_feed_source(url, &state, &now)?;
                rep.outcome = Outcome::Unchanged;
                return Ok(rep);
            }
            Ok(Fetched::Body {
                bytes,
                etag,
                last_modified,
                content_type,
            }) => {
                // Validators are kept only once the body has been read whole
                // (below), so a body that fails to parse is fetched again.
                state.etag = etag;
                state.last_modified = last_modified;
                (bytes, content_type)
            }
        };
        let format = format_of(&bytes, &content_type);
        let parsed = match ingest::parse(&bytes, format, url, &self.ingest_options()) {
            Ok(p) => p,
            Err(e) => {
                let message = e.to_string();
                let mut failed = store.feed_source(url)?.unwrap_or_default();
                failed.failures += 1;
                failed.status = message.clone();
                store.set_feed_source(url, &failed, &now)?;
                rep.outcome = Outcome::Failed(message);
                return Ok(rep);
            }
        };
        for d in &parsed.diagnostics {
            rep.notes.push(d.message.clone());
        }
        for mut doc in parsed.documents {
            if doc.url.is_none() && format != ingest::Format::Feed {
                doc.url = Some(url.to_string());
            }
            if let Some(link) = doc.url.clone() {
                if store.feed_url_seen(&link)? {
                    rep.seen += 1;
                    continue;
                }
                if format == ingest::Format::Feed && self.cfg.follow && is_http(&link) {
                    if let Err(why) = self.fill_from_page(&mut doc, &link) {
                        rep.notes
                            .push(format!("{link}: {why}; kept the feed's text"));
                    }
                }
            }
            let hash = ingest::content_id(doc.title.as_deref(), &doc.text);
            if let Some(first) = store.feed_item_seen(doc.url.as_deref(), &hash)? {
                // A copy at a new URL: remember the URL, so that its page is
                // not fetched again when the feed changes.
                store.mark_feed_item(doc.url.as_deref(), &hash, &first, url, &now)?;
                rep.seen += 1;
                continue;
            }
            let (id, link) = (doc.id.clone(), doc.url.clone());
            if store.put(&code(doc), Some(url), false)? {
                rep.stored += 1;
            } else {
                // Stored before by `entente ingest`: seen, and remembered as such.
                rep.seen += 1;
            }
            store.mark_feed_item(link.as_deref(), &hash, &id, url, &now)?;
        }
        state.failures = 0;
        state.status = "200".into();
        store.set_feed_source(url, &state, &now)?;
        Ok(rep)
    }

    /// Replaces a feed item's summary with its article page's body when the
    /// page gives more text; the feed's metadata (id, title, date) stays.
    fn fill_from_page(&mut self, doc: &mut Document, link: &str) -> Result<(), String> {
        let bytes = match self.fetch(link, None)? {
            Fetched::Body { bytes, .. } => bytes,
            Fetched::NotModified => return Ok(()),
        };
        let page = ingest::parse(&bytes, ingest::Format::Html, link, &self.ingest_options())
            .map_err(|e| e.to_string())?;
        if let Some(p) = page.documents.into_iter().next() {
            if p.text.len() > doc.text.len() {
                doc.text = p.text;
                doc.boilerplate = p.boilerplate;
                doc.title = doc.title.take().or(p.title);
                doc.author = doc.author.take().or(p.author);
            }
        }
        Ok(())
    }

    fn ingest_options(&self) -> ingest::Options {
        ingest::Options {
            default_date: None,
            today: chrono::Local::now().date_naive(),
            max_bytes: self.cfg.max_bytes,
            csv: ingest::CsvColumns::default(),
        }
    }

    /// Waits out the host's delay, then fetches `url`, conditionally when
    /// `state` has validators.
    fn fetch(&mut self, url: &str, state: Option<&FeedSource>) -> Result<Fetched, String> {
        if !is_http(url) {
            return Err("not an http(s) URL".into());
        }
        let host = host(url).to_ascii_lowercase();
        if let Some(last) = self.last_request.get(&host) {
            let next = *last + self.cfg.delay;
            let now = Instant::now();
            if next > now {
                std::thread::sleep(next - now);
            }
        }
        let mut req = self.agent.get(url);
        if let Some(s) = state {
            if let Some(e) = &s.etag {
                req = req.header("If-None-Match", e);
            }
            if let Some(m) = &s.last_modified {
                req = req.header("If-Modified-Since", m);
            }
        }
        let answer = req.call();
        self.last_request.insert(host, Instant::now());
        let mut resp = answer.map_err(|e| describe(&e))?;
        let status = resp.status().as_u16();
        if status == 304 {
            return Ok(Fetched::NotModified);
        }
        if !(200..300).contains(&status) {
            return Err(format!("HTTP {status}"));
        }
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let (etag, last_modified) = (header("etag"), header("last-modified"));
        let content_type = header("content-type").unwrap_or_default();
        // One byte over the limit tells a body that is too large from one
        // that is exactly as large as allowed.
        let mut bytes = Vec::new();
        resp.body_mut()
            .as_reader()
            .take(self.cfg.max_bytes as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("reading the answer: {e}"))?;
        if bytes.len() > self.cfg.max_bytes {
            return Err(format!(
                "answer over the size limit of {} bytes (raise it with --max-bytes)",
                self.cfg.max_bytes
            ));
        }
        Ok(Fetched::Body {
            bytes,
            etag,
            last_modified,
            content_type,
        })
    }
}

/// A transport error in words a user can act on.
fn describe(e: &ureq::Error) -> String {
    match e {
        ureq::Error::Timeout(_) => "timed out".into(),
        ureq::Error::HostNotFound => "host not found".into(),
        ureq::Error::TooManyRedirects => "too many redirects (a redirect loop?)".into(),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            "connection refused".into()
        }
        e => e.to_string(),
    }
}

fn is_http(url: &str) -> bool {
    let u = url.to_ascii_lowercase();
    u.starts_with("http://") || u.starts_with("https://")
}

/// The host (with port) of an http(s) URL.
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// The input format of an answer: JSON Feeds by their content type or
/// version marker, everything else sniffed as `entente code` sniffs files.
fn format_of(bytes: &[u8], content_type: &str) -> ingest::Format {
    let head = &bytes[..bytes.len().min(512)];
    if content_type.contains("feed+json")
        || String::from_utf8_lossy(head).contains("jsonfeed.org/version")
    {
        return ingest::Format::Feed;
    }
    ingest::Format::sniff(bytes)
}

/// Parses `--every`, `--delay` and `--timeout`: `90`, `90s`, `500ms`, `15m`, `2h`.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (n, unit) = s.split_at(split);
    let n: u64 = n
        .parse()
        .map_err(|_| format!("{s:?} is not a duration (e.g. 30s, 15m, 2h)"))?;
    let secs = match unit.trim() {
        "ms" => return Ok(Duration::from_millis(n)),
        "" | "s" => n,
        "m" | "min" => n * 60,
        "h" => n * 3600,
        other => {
            return Err(format!(
                "unknown unit {other:?} in {s:?} (use ms, s, m or h)"
            ))
        }
    };
    Ok(Duration::from_secs(secs))
}

/// What each URL gave in a round, on stderr.
pub(crate) fn print_report(report: &Report) {
    for s in &report.sources {
        let what = match &s.outcome {
            Outcome::Unchanged => "not modified".to_string(),
            Outcome::Fetched => format!("{} new, {} seen", s.stored, s.seen),
            Outcome::Failed(why) => format!("error: {why}"),
        };
        eprintln!("entente: watch {}: {what}", s.url);
        for n in &s.notes {
            eprintln!("entente:   {n}");
        }
    }
}

/// `entente watch`: rounds of polling until stopped, or one with `--once`.
pub(crate) fn command(args: &crate::WatchArgs) -> Result<ExitCode> {
    if !args.once && args.every.is_zero() {
        return Err(crate::usage(
            "--every must be longer than 0 (e.g. 15m), or use --once",
        ));
    }
    let mut store = store::Store::open(&args.db.db)?;
    let lex = crate::load_lexicon(&args.lex)?;
    let pipe = crate::pipeline::Pipeline::new(&lex)?.with_grammar(args.lex.grammar);
    let mut watcher = Watcher::new(Config {
        urls: args.urls.clone(),
        delay: args.delay,
        timeout: args.timeout,
        max_bytes: args.max_bytes,
        follow: !args.no_follow,
        ..Config::default()
    });
    loop {
        let started = std::time::Instant::now();
        let report = watcher.run_round(&mut store, &|d| pipe.code(d))?;
        print_report(&report);
        eprintln!(
            "entente: {} new document(s) stored, {} URL(s) failed; database {}",
            report.stored(),
            report.failed(),
            args.db.db.display()
        );
        if args.once {
            return Ok(if report.failed() > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            });
        }
        std::thread::sleep(args.every.saturating_sub(started.elapsed()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("15m"), Ok(Duration::from_secs(900)));
        assert_eq!(parse_duration("90"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration("2h"), Ok(Duration::from_secs(7200)));
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("5d").is_err());
    }

    #[test]
    fn hosts_and_formats() {
        assert_eq!(host("http://127.0.0.1:8080/feed?x=1"), "127.0.0.1:8080");
        assert_eq!(host("https://example.org"), "example.org");
        assert!(is_http("HTTPS://a.example/"));
        assert!(!is_http("file:///etc/passwd"));
        assert_eq!(
            format_of(b"<?xml version=\"1.0\"?><rss></rss>", "text/xml"),
            ingest::Format::Feed
        );
        assert_eq!(
            format_of(b"{\"version\": \"https://jsonfeed.org/version/1.1\"}", ""),
            ingest::Format::Feed
        );
        assert_eq!(
            format_of(b"<html><body>x</body></html>", "text/html"),
            ingest::Format::Html
        );
    }
}
