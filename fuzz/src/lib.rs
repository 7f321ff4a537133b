//! The invariants the fuzz targets check, beyond "no panic": documents and
//! records well-formed, every span inside its text and on character
//! boundaries, the same input giving the same ids and the same output.

use chrono::NaiveDate;
use model::{Coded, Document, Span};
use serde_json::Value;
use std::sync::OnceLock;

/// The pipeline of `entente code`, shared rather than copied so that the
/// target codes exactly what the command does.
#[allow(dead_code)]
#[path = "../../crates/entente/src/pipeline.rs"]
mod pipeline;

const ORIGIN: &str = "fuzz.in";

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default()
}

pub fn options() -> ingest::Options {
    ingest::Options {
        default_date: None,
        today: day(),
        max_bytes: 1 << 20,
        csv: Default::default(),
    }
}

/// One ingest format: deterministic, documents well-formed, diagnostics name
/// the input and a line that exists.
pub fn check_ingest(data: &[u8], format: ingest::Format) {
    let a = ingest::parse(data, format, ORIGIN, &options());
    let b = ingest::parse(data, format, ORIGIN, &options());
    let (a, b) = match (a, b) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(a), Err(b)) => {
            assert_eq!(a, b, "same input, different errors");
            assert!(
                a.to_string().starts_with(ORIGIN),
                "error names no file: {a}"
            );
            return;
        }
        (a, b) => panic!("same input, different outcomes: {a:?} / {b:?}"),
    };
    let ids = |p: &ingest::Parsed| p.documents.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&a), ids(&b), "ids not stable");
    assert_eq!(a.documents, b.documents);
    if matches!(format, ingest::Format::Text | ingest::Format::Html) {
        assert!(a.documents.len() <= 1, "one document per file");
    }
    for d in &a.documents {
        check_document(d, format);
    }
    let lines = data.split(|&b| b == b'\n').count();
    for diag in &a.diagnostics {
        assert_eq!(diag.file.as_deref(), Some(ORIGIN), "{diag:?}");
        if let Some(l) = diag.line {
            assert!((1..=lines).contains(&l), "line {l} of {lines}: {diag:?}");
        }
    }
}

fn check_document(d: &Document, format: ingest::Format) {
    assert!(!d.id.trim().is_empty(), "empty id");
    assert!(!d.text.trim().is_empty(), "empty text kept");
    assert!(
        NaiveDate::parse_from_str(&d.date, "%Y-%m-%d").is_ok(),
        "date {:?}",
        d.date
    );
    assert_eq!(d.format, format.as_str());
    if let Err(e) = serde_json::to_string(d) {
        panic!("document does not serialise: {e}");
    }
}

/// Spans in text order, not overlapping, inside `text` and on boundaries.
fn check_ordered(text: &str, spans: impl Iterator<Item = Span>, what: &str) {
    let mut end = 0;
    for s in spans {
        check_span(text, s, what);
        assert!(
            s[0] >= end,
            "{what} {s:?} overlaps or precedes the one before"
        );
        end = s[1];
    }
}

fn check_span(text: &str, [a, b]: Span, what: &str) {
    assert!(
        a <= b && b <= text.len(),
        "{what} [{a}, {b}] outside 0..{}",
        text.len()
    );
    assert!(
        text.is_char_boundary(a) && text.is_char_boundary(b),
        "{what} [{a}, {b}] not on character boundaries"
    );
}

/// The text layer: sentences, tokens and time expressions.
pub fn check_text(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let sentences = text::sentences(&text);
    check_ordered(&text, sentences.iter().map(|s| s.span), "sentence");
    for (i, s) in sentences.iter().enumerate() {
        assert_eq!(s.index, i, "sentence indices");
    }
    let tokens = text::tokens(&text);
    check_ordered(&text, tokens.iter().map(|t| t.span), "token");
    assert!(tokens.iter().all(|t| t.span[0] < t.span[1]), "empty token");
    let times = text::times(&text, &sentences, day());
    check_ordered(&text, times.iter().map(|t| t.span), "time");
    for t in &times {
        assert_eq!(t.text, text[t.span[0]..t.span[1]], "time text");
    }
    assert_eq!(text::sentences(&text), sentences, "sentences not stable");
    assert_eq!(text::tokens(&text), tokens, "tokens not stable");
    assert_eq!(
        text::times(&text, &sentences, day()),
        times,
        "times not stable"
    );
}

fn pipe() -> &'static pipeline::Pipeline {
    static PIPE: OnceLock<pipeline::Pipeline> = OnceLock::new();
    PIPE.get_or_init(|| {
        let lex = lexicon::Lexicon::builtin().expect("built-in lexicon");
        pipeline::Pipeline::new(&lex).expect("pipeline")
    })
}

/// `entente code` on arbitrary bytes: sniffed, ingested, coded; every
/// record well-formed with its spans in the document's text; coding again
/// gives the same records.
pub fn check_code(data: &[u8]) {
    let format = ingest::Format::sniff(data);
    let Ok(parsed) = ingest::parse(data, format, ORIGIN, &options()) else {
        return;
    };
    for doc in parsed.documents {
        let text = doc.text.clone();
        let coded = pipe().code(doc.clone());
        let records = check_coded(&coded, &text);
        // Twice only on small inputs: it doubles the cost of each run.
        if text.len() < 4096 {
            assert_eq!(
                check_coded(&pipe().code(doc), &text),
                records,
                "output not stable"
            );
        }
    }
}

fn check_coded(coded: &Coded, text: &str) -> Vec<String> {
    check_ordered(text, coded.sentences.iter().map(|s| s.span), "sentence");
    check_ordered(text, coded.times.iter().map(|t| t.span), "time");
    for q in &coded.quotes {
        check_span(text, q.content_span, "quote content");
        assert_eq!(q.content, text[q.content_span[0]..q.content_span[1]]);
    }
    let mut out = Vec::new();
    for r in coded.records() {
        let v = match serde_json::to_value(&r) {
            Ok(v) => v,
            Err(e) => panic!("record does not serialise: {e}"),
        };
        walk_spans(&v, text);
        out.push(v.to_string());
    }
    out
}

/// Every `span`-like field of a record, at any depth, is a span of `text`.
fn walk_spans(v: &Value, text: &str) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if matches!(k.as_str(), "span" | "content_span" | "evidence") {
                    if let Some([a, b]) = x.as_array().map(Vec::as_slice) {
                        let n = |v: &Value| v.as_u64().map(|n| n as usize);
                        let (Some(a), Some(b)) = (n(a), n(b)) else {
                            panic!("{k} is not two offsets: {x}");
                        };
                        check_span(text, [a, b], k);
                    }
                }
                walk_spans(x, text);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| walk_spans(x, text)),
        _ => {}
    }
}

/// The TSV lexicon overlay: the first byte picks the file name. Errors name
/// the file and a line that exists; loading twice gives the same outcome.
pub fn check_tsv(data: &[u8]) {
    const FILES: [&str; 9] = [
        "countries.tsv",
        "seats.tsv",
        "people.tsv",
        "organisations.tsv",
        "agents.tsv",
        "places.tsv",
        "place_aliases.tsv",
        "given_names.tsv",
        "other.tsv",
    ];
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let name = FILES[pick as usize % FILES.len()];
    let contents = String::from_utf8_lossy(rest).into_owned();
    let files = [(name.to_string(), contents)];
    let load = || {
        let mut lex = lexicon::Lexicon::default();
        lex.overlay(&files).map(|()| lex)
    };
    let lines = rest.split(|&b| b == b'\n').count();
    match (load(), load()) {
        (Ok(a), Ok(b)) => {
            assert_eq!(format!("{a:?}"), format!("{b:?}"), "overlay not stable");
        }
        (Err(a), Err(b)) => {
            assert_eq!(a.to_string(), b.to_string());
            let lexicon::LexiconError::Parse { file, line, .. } = a;
            assert_eq!(file, name, "error names another file");
            assert!(line <= lines, "line {line} of {lines}");
        }
        _ => panic!("overlay: same input, different outcomes"),
    }
}

/// The TABARI/PETRARCH importer: the first byte picks actors or agents.
/// Diagnostics name the file and a line that exists.
pub fn check_petrarch(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let contents = String::from_utf8_lossy(rest);
    let lines = rest.split(|&b| b == b'\n').count();
    let (name, diags) = if pick % 2 == 0 {
        let name = "fuzz.actors.txt";
        let (entries, diags) = lexicon::petrarch::import_actors(name, &contents);
        let again = lexicon::petrarch::import_actors(name, &contents);
        assert_eq!(entries, again.0, "import not stable");
        (name, diags)
    } else {
        let name = "fuzz.agents.txt";
        let (agents, diags) = lexicon::petrarch::import_agents(name, &contents);
        let again = lexicon::petrarch::import_agents(name, &contents);
        assert_eq!(agents, again.0, "import not stable");
        for a in &agents {
            assert!(!a.term.trim().is_empty(), "agent without a term: {a:?}");
        }
        (name, diags)
    };
    for d in &diags {
        assert_eq!(d.file.as_deref(), Some(name), "{d:?}");
        if let Some(l) = d.line {
            assert!((1..=lines).contains(&l), "line {l} of {lines}: {d:?}");
        }
    }
}

/// A router over a fresh database, built once for a fuzzing run, with the
/// runtime that drives it. Documents posted to it are stored uncoded: the
/// pipeline has a target of its own.
fn server() -> &'static (tokio::runtime::Runtime, axum::Router, tempfile::TempDir) {
    static APP: std::sync::OnceLock<(tokio::runtime::Runtime, axum::Router, tempfile::TempDir)> =
        std::sync::OnceLock::new();
    APP.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let db = dir.path().join("fuzz.db");
        store::Store::open(&db).expect("a fresh database");
        let state = server::State::new(server::Config {
            db,
            tokens: server::auth::parse_tokens("fuzz:s3cret"),
            names: Default::default(),
            coder: std::sync::Arc::new(|doc: model::Document| model::Coded {
                document: Some(doc),
                ..model::Coded::default()
            }),
        })
        .expect("server state");
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        (rt, server::app(std::sync::Arc::new(state)), dir)
    })
}

/// One request from fuzz bytes: the first byte picks the method, the rest
/// of the first line is the target (path and query), a second line of `1`
/// adds the token, and what follows is the body (JSON, or a form on page
/// routes). Targets the HTTP layer itself would refuse are skipped.
pub fn check_request(data: &[u8]) {
    use axum::body::Body;
    use axum::http::{header, Method, Request};
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    let Some((&m, rest)) = data.split_first() else {
        return;
    };
    let method = [Method::GET, Method::POST, Method::PUT, Method::DELETE, Method::HEAD][m as usize % 5].clone();
    let mut parts = rest.splitn(3, |&b| b == b'\n');
    let target = parts.next().unwrap_or(b"/");
    let auth = parts.next() == Some(b"1");
    let body = parts.next().unwrap_or(b"").to_vec();
    let Ok(target) = std::str::from_utf8(target) else {
        return;
    };
    let target = if target.starts_with('/') {
        target.to_string()
    } else {
        format!("/{target}")
    };
    let api = target.starts_with("/api/");
    let mut req = Request::builder().method(method).uri(&target);
    let json = body.first() == Some(&b'{') || api;
    req = req.header(
        header::CONTENT_TYPE,
        if json {
            "application/json"
        } else {
            "application/x-www-form-urlencoded"
        },
    );
    if auth {
        req = req.header(header::AUTHORIZATION, "Bearer s3cret");
    }
    let Ok(req) = req.body(Body::from(body)) else {
        return;
    };
    let (rt, router, _) = server();
    let (status, bytes) = rt.block_on(async {
        let resp = router.clone().oneshot(req).await.expect("the router never fails");
        let status = resp.status();
        let bytes = resp
            .into_body()
            .collect()
            .await
            .map(|b| b.to_bytes())
            .unwrap_or_default();
        (status, bytes)
    });
    assert!(
        !status.is_server_error(),
        "{target}: {status}: {}",
        String::from_utf8_lossy(&bytes)
    );
    if api && status.is_client_error() && !bytes.is_empty() {
        let v: serde_json::Value = serde_json::from_slice(&bytes)
            .unwrap_or_else(|e| panic!("{target}: {status}: error body is no JSON: {e}"));
        assert!(
            v.get("error").is_some() && v.get("detail").is_some(),
            "{target}: {status}: {v}"
        );
    }
}
