//! `entente watch --once` against feeds served from 127.0.0.1 in the test: a changing feed, 304s, pages followed, articles stored once, and hosts that are slow, refuse, fail, send garbage or loop.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One request as the server saw it.
#[derive(Debug, Clone)]
struct Hit {
    path: String,
    headers: HashMap<String, String>,
    at: Instant,
    /// Whether a body was sent back (not a 304, not a stall).
    body_sent: bool,
}

/// What a route answers.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    /// Sleep this long before answering (a slow host).
    stall: Option<Duration>,
}

impl Answer {
    fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Answer {
        Answer {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            stall: None,
        }
    }
    fn status(status: u16) -> Answer {
        Answer {
            status,
            headers: Vec::new(),
            body: Vec::new(),
            stall: None,
        }
    }
    fn header(mut self, k: &str, v: &str) -> Answer {
        self.headers.push((k.into(), v.into()));
        self
    }
}

type Handler = dyn Fn(&str, &HashMap<String, String>) -> Answer + Send + Sync;

/// A tiny HTTP/1.1 server on 127.0.0.1 (one thread per connection,
/// `Connection: close`) that records every request.
struct Server {
    base: String,
    hits: Arc<Mutex<Vec<Hit>>>,
}

impl Server {
    fn start(
        handler: impl Fn(&str, &HashMap<String, String>) -> Answer + Send + Sync + 'static,
    ) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let hits: Arc<Mutex<Vec<Hit>>> = Arc::default();
        let handler: Arc<Handler> = Arc::new(handler);
        let h = hits.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (hits, handler) = (h.clone(), handler.clone());
                std::thread::spawn(move || serve(stream, &*handler, &hits));
            }
        });
        Server { base, hits }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn hits(&self, path: &str) -> Vec<Hit> {
        self.hits
            .lock()
            .unwrap()
            .iter()
            .filter(|h| h.path == path)
            .cloned()
            .collect()
    }

    /// How many times `path` was sent with a body.
    fn bodies(&self, path: &str) -> usize {
        self.hits(path).iter().filter(|h| h.body_sent).count()
    }
}

fn serve(stream: TcpStream, handler: &Handler, hits: &Mutex<Vec<Hit>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut l = String::new();
        if reader.read_line(&mut l).unwrap_or(0) == 0 || l.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let at = Instant::now();
    let answer = handler(&path, &headers);
    let body_sent = answer.status != 304 && answer.stall.is_none();
    hits.lock().unwrap().push(Hit {
        path,
        headers,
        at,
        body_sent,
    });
    if let Some(d) = answer.stall {
        std::thread::sleep(d);
    }
    let mut out = stream;
    let mut head = format!("HTTP/1.1 {} X\r\nConnection: close\r\n", answer.status);
    for (k, v) in &answer.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if answer.status != 304 {
        head.push_str(&format!("Content-Length: {}\r\n", answer.body.len()));
    }
    head.push_str("\r\n");
    let _ = out.write_all(head.as_bytes());
    if answer.status != 304 {
        let _ = out.write_all(&answer.body);
    }
    let _ = out.flush();
    // Drain what the client may still send, then close.
    let _ = out.shutdown(std::net::Shutdown::Write);
    let _ = reader.read_to_end(&mut Vec::new());
}

/// `http://HOST` of a request, from its Host header.
fn base_of(headers: &HashMap<String, String>) -> String {
    headers
        .get("host")
        .map(|h| format!("http://{h}"))
        .unwrap_or_default()
}

fn rss(base: &str, items: &[(&str, &str, &str)]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Test Wire</title>\n",
    );
    for (path, title, summary) in items {
        s.push_str(&format!(
            "<item><title>{title}</title><link>{base}{path}</link><guid>{base}{path}</guid>\
             <pubDate>Mon, 07 Apr 2025 09:00:00 +0000</pubDate><description>{summary}</description></item>\n"
        ));
    }
    s.push_str("</channel></rss>\n");
    s
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<html><head><title>{title}</title></head><body><nav>Home | World | Sport</nav>\
         <article><h1>{title}</h1><p>{body}</p><p>Officials from both countries said further \
         meetings were planned for the coming weeks, and that technical teams would continue \
         their work on the remaining questions in the meantime.</p></article>\
         <footer>Copyright Test Wire</footer></body></html>"
    )
}

fn watch(db: &Path, extra: &[&str], urls: &[String]) -> Output {
    let timeout: &[&str] = if extra.contains(&"--timeout") {
        &[]
    } else {
        &["--timeout", "5s"]
    };
    Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(["watch", "--once", "--delay", "0", "--db"])
        .arg(db)
        .args(timeout)
        .args(extra)
        .args(urls)
        .stdin(Stdio::null())
        .output()
        .expect("run entente watch")
}

fn stored(db: &Path) -> Vec<serde_json::Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(["documents", "--all", "--format", "json", "--db"])
        .arg(db)
        .output()
        .expect("run entente documents");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON array")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const KASHMIR: &str = "India accused Pakistan of violating the ceasefire in Kashmir on Tuesday.";
const TALKS: &str = "Armenian Foreign Minister Ararat Mirzoyan met his Azerbaijani counterpart Jeyhun Bayramov in Abu Dhabi on Sunday.";
const GAS: &str =
    "Russia agreed to supply China with additional natural gas through 2030, the Kremlin said.";

#[test]
fn a_changing_feed_is_fetched_conditionally_and_each_article_stored_once() {
    // Version 1 of the feed has two items; version 2 adds a third.
    let version = Arc::new(Mutex::new(1));
    let v = version.clone();
    let server = Server::start(move |path, headers| {
        let base = base_of(headers);
        match path {
            "/world.rss" => {
                let n = *v.lock().unwrap();
                let etag = format!("\"v{n}\"");
                if headers.get("if-none-match") == Some(&etag) {
                    return Answer::status(304);
                }
                let mut items = vec![
                    ("/a/1", "India accuses Pakistan", "Summary one."),
                    ("/a/2", "Ministers meet in Abu Dhabi", "Summary two."),
                ];
                if n > 1 {
                    items.push(("/a/3", "Russia and China sign gas deal", "Summary three."));
                }
                Answer::ok("application/rss+xml", rss(&base, &items)).header("ETag", &etag)
            }
            // Validated by date only, as some servers do.
            "/mirror.rss" => {
                let lm = if *v.lock().unwrap() == 1 {
                    "Mon, 07 Apr 2025 10:00:00 GMT"
                } else {
                    "Mon, 07 Apr 2025 11:00:00 GMT"
                };
                if headers.get("if-modified-since").map(String::as_str) == Some(lm) {
                    return Answer::status(304);
                }
                let items = [
                    // The same article as the first feed's, by URL ...
                    ("/a/1", "India accuses Pakistan", "Summary one."),
                    // ... and by content, at another URL.
                    ("/copy/2", "Ministers meet in Abu Dhabi", "Summary two."),
                ];
                Answer::ok("application/rss+xml", rss(&base, &items)).header("Last-Modified", lm)
            }
            "/a/1" => Answer::ok("text/html", page("India accuses Pakistan", KASHMIR)),
            "/a/2" | "/copy/2" => {
                Answer::ok("text/html", page("Ministers meet in Abu Dhabi", TALKS))
            }
            "/a/3" => Answer::ok("text/html", page("Russia and China sign gas deal", GAS)),
            _ => Answer::status(404),
        }
    });
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("watch.db");
    let urls = [server.url("/world.rss"), server.url("/mirror.rss")];

    let first = watch(&db, &[], &urls);
    assert!(first.status.success(), "{}", stderr(&first));
    let docs = stored(&db);
    assert_eq!(docs.len(), 2, "{docs:?}\n{}", stderr(&first));
    assert!(
        stderr(&first).contains("2 new, 0 seen"),
        "{}",
        stderr(&first)
    );
    // The mirror's items were both seen: one by URL, one by content hash.
    assert!(
        stderr(&first).contains("0 new, 2 seen"),
        "{}",
        stderr(&first)
    );
    // Full text came from the pages, not the feed's summaries.
    let show = Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(["events", "--all", "--format", "json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    let events = String::from_utf8_lossy(&show.stdout);
    assert!(
        events.contains("PAK"),
        "no event from the page's text: {events}"
    );

    // Unchanged: both answer 304 and nothing is fetched again.
    let second = watch(&db, &[], &urls);
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(
        stderr(&second).contains("not modified"),
        "{}",
        stderr(&second)
    );
    assert_eq!(
        server.hits("/world.rss")[1]
            .headers
            .get("if-none-match")
            .map(String::as_str),
        Some("\"v1\"")
    );
    assert_eq!(
        server.hits("/mirror.rss")[1]
            .headers
            .get("if-modified-since")
            .map(String::as_str),
        Some("Mon, 07 Apr 2025 10:00:00 GMT")
    );

    // The feed changes: only the new item's page is fetched.
    *version.lock().unwrap() = 2;
    let third = watch(&db, &[], &urls);
    assert!(third.status.success(), "{}", stderr(&third));
    assert!(
        stderr(&third).contains("1 new, 2 seen"),
        "{}",
        stderr(&third)
    );
    // The mirror changed too; its copy is known by URL now, and not fetched.
    assert!(
        stderr(&third).contains("0 new, 2 seen"),
        "{}",
        stderr(&third)
    );
    assert_eq!(stored(&db).len(), 3);
    let fourth = watch(&db, &[], &urls);
    assert!(fourth.status.success(), "{}", stderr(&fourth));

    // Four rounds: each feed's body went out only when it had changed, and
    // every article page once.
    assert_eq!(server.hits("/world.rss").len(), 4);
    assert_eq!(server.bodies("/world.rss"), 2);
    assert_eq!(server.hits("/mirror.rss").len(), 4);
    assert_eq!(server.bodies("/mirror.rss"), 2);
    for p in ["/a/1", "/a/2", "/a/3", "/copy/2"] {
        assert_eq!(
            server.hits(p).len(),
            1,
            "{p} fetched {} times",
            server.hits(p).len()
        );
    }
    assert_eq!(stored(&db).len(), 3);

    // What the store keeps for the next round.
    let store = store::Store::open(&db).unwrap();
    let s = store
        .feed_source(&urls[0])
        .unwrap()
        .expect("state of the feed");
    assert_eq!(s.etag.as_deref(), Some("\"v2\""));
    assert_eq!((s.status.as_str(), s.failures), ("304", 0));
}

#[test]
fn broken_slow_and_looping_hosts_are_reported_and_the_round_goes_on() {
    let server = Server::start(|path, headers| {
        let base = base_of(headers);
        match path {
            "/500" => Answer::status(500),
            "/garbage" => Answer::ok(
                "application/rss+xml",
                b"\x00\x01\x02 not a feed \xff".to_vec(),
            ),
            "/broken.rss" => Answer::ok(
                "application/rss+xml",
                "<?xml version=\"1.0\"?><rss><channel><item><title>cut",
            ),
            "/slow.rss" => Answer {
                stall: Some(Duration::from_secs(4)),
                ..Answer::ok("application/rss+xml", rss(&base, &[]))
            },
            "/loop1" => Answer::status(302).header("Location", "/loop2"),
            "/loop2" => Answer::status(302).header("Location", "/loop1"),
            "/big.rss" => Answer::ok("application/rss+xml", vec![b' '; 3_000]),
            "/good.rss" => Answer::ok(
                "application/rss+xml",
                rss(&base, &[("/a/1", "India accuses Pakistan", "Summary one.")]),
            ),
            // The good feed's article page is down: the feed's text is kept.
            _ => Answer::status(503),
        }
    });
    // A port nobody listens on.
    let refused = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/feed.rss", l.local_addr().unwrap())
    };
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("watch.db");
    let urls = [
        refused.clone(),
        server.url("/500"),
        server.url("/garbage"),
        server.url("/broken.rss"),
        server.url("/slow.rss"),
        server.url("/loop1"),
        server.url("/big.rss"),
        server.url("/good.rss"),
    ];
    let out = watch(&db, &["--timeout", "1s", "--max-bytes", "2000"], &urls);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for (url, why) in [
        (&refused, "connection refused"),
        (&urls[1], "HTTP 500"),
        (&urls[2], "binary"),
        (&urls[3], "malformed feed"),
        (&urls[4], "timed out"),
        (&urls[5], "redirect"),
        (&urls[6], "size limit"),
    ] {
        let line = err
            .lines()
            .find(|l| l.contains(&format!("watch {url}:")))
            .unwrap_or_else(|| panic!("no line for {url}:\n{err}"));
        assert!(
            line.contains("error:") && line.contains(why),
            "{url}: {line}\n{err}"
        );
    }
    assert!(err.contains("1 new, 0 seen"), "{err}");
    assert!(err.contains("HTTP 503; kept the feed's text"), "{err}");
    assert!(
        err.contains("1 new document(s) stored, 7 URL(s) failed"),
        "{err}"
    );
    assert_eq!(stored(&db).len(), 1);

    // Failures are counted per URL; the next round tries again.
    let again = watch(
        &db,
        &["--timeout", "1s", "--max-bytes", "2000"],
        &urls[1..2],
    );
    assert_eq!(again.status.code(), Some(1));
    let store = store::Store::open(&db).unwrap();
    let s = store.feed_source(&urls[1]).unwrap().unwrap();
    assert_eq!((s.status.as_str(), s.failures), ("HTTP 500", 2));
    assert_eq!(store.feed_source(&urls[7]).unwrap().unwrap().failures, 0);
}

#[test]
fn requests_to_one_host_are_spaced_by_the_delay() {
    let server = Server::start(|path, headers| {
        let base = base_of(headers);
        match path {
            "/feed.rss" => Answer::ok(
                "application/rss+xml",
                rss(
                    &base,
                    &[
                        ("/a/1", "India accuses Pakistan", "Summary one."),
                        ("/a/2", "Ministers meet in Abu Dhabi", "Summary two."),
                    ],
                ),
            ),
            "/a/1" => Answer::ok("text/html", page("India accuses Pakistan", KASHMIR)),
            _ => Answer::ok("text/html", page("Ministers meet in Abu Dhabi", TALKS)),
        }
    });
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("watch.db");
    let out = Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(["watch", "--once", "--delay", "300ms", "--db"])
        .arg(&db)
        .arg(server.url("/feed.rss"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let mut at: Vec<Instant> = server.hits.lock().unwrap().iter().map(|h| h.at).collect();
    at.sort();
    assert_eq!(at.len(), 3);
    for w in at.windows(2) {
        // The client waits the delay after an answer before the next request.
        assert!(
            w[1] - w[0] >= Duration::from_millis(300),
            "{:?}",
            w[1] - w[0]
        );
    }
}

#[test]
fn an_article_page_is_watched_too_and_stored_once() {
    // No validators: the page comes back whole each round, and its URL
    // says it was stored already.
    let server = Server::start(|path, _| match path {
        "/story.html" => Answer::ok("text/html", page("India accuses Pakistan", KASHMIR)),
        _ => Answer::status(404),
    });
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("watch.db");
    let urls = [server.url("/story.html"), server.url("/missing.html")];
    let first = watch(&db, &[], &urls);
    assert_eq!(first.status.code(), Some(1), "{}", stderr(&first));
    assert!(
        stderr(&first).contains("1 new, 0 seen"),
        "{}",
        stderr(&first)
    );
    assert!(
        stderr(&first).contains("error: HTTP 404"),
        "{}",
        stderr(&first)
    );
    let second = watch(&db, &[], &urls[..1]);
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(
        stderr(&second).contains("0 new, 1 seen"),
        "{}",
        stderr(&second)
    );
    let docs = stored(&db);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["format"], "html");
    assert_eq!(server.bodies("/story.html"), 2);
}

/// `GET path` on 127.0.0.1:`port`; the body, or `None` while nothing listens.
fn http_get(port: u16, path: &str) -> Option<String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    Some(out.split_once("\r\n\r\n")?.1.to_string())
}

#[test]
fn serve_watch_polls_in_the_background_and_stops_with_the_server() {
    let server = Server::start(move |path, headers| {
        let base = base_of(headers);
        match path {
            "/world.rss" => {
                if headers.get("if-none-match").map(String::as_str) == Some("\"v1\"") {
                    return Answer::status(304);
                }
                let items = [
                    ("/a/1", "India accuses Pakistan", "Summary one."),
                    ("/a/2", "Ministers meet in Abu Dhabi", "Summary two."),
                ];
                Answer::ok("application/rss+xml", rss(&base, &items)).header("ETag", "\"v1\"")
            }
            "/a/1" => Answer::ok("text/html", page("India accuses Pakistan", KASHMIR)),
            "/a/2" => Answer::ok("text/html", page("Ministers meet in Abu Dhabi", TALKS)),
            _ => Answer::status(404),
        }
    });
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("serve.db");
    store::Store::open(&db).unwrap();
    // A free port: bound, read, released for the server.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(["serve", "--token", "t", "--every", "1s", "--addr"])
        .arg(format!("127.0.0.1:{port}"))
        .arg("--db")
        .arg(&db)
        .arg("--watch")
        .arg(server.url("/world.rss"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start entente serve");
    // The watcher stores both articles while the server answers.
    let deadline = Instant::now() + Duration::from_secs(90);
    let mut total = 0;
    while total < 2 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(200));
        total = http_get(port, "/api/v1/documents")
            .and_then(|b| serde_json::from_str::<serde_json::Value>(&b).ok())
            .and_then(|v| v["total"].as_u64())
            .unwrap_or(0);
    }
    // Later rounds ask again, conditionally.
    while server.hits("/world.rss").len() < 2 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(200));
    }
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let out = child.wait_with_output().unwrap();
    let err = stderr(&out);
    assert_eq!(total, 2, "{err}");
    assert!(out.status.success(), "{err}");
    let hits = server.hits("/world.rss");
    assert!(hits.len() >= 2, "{err}");
    assert_eq!(
        hits[1].headers.get("if-none-match").map(String::as_str),
        Some("\"v1\"")
    );
    assert!(err.contains("watch stopped"), "{err}");
    assert_eq!(stored(&db).len(), 2);
}
