//! A real browser against `entente serve`: headless Chromium, driven over
//! WebDriver (chromedriver), signs in, opens an article, down-votes an
//! event and sees it leave the dyad page; then the server stops cleanly on
//! SIGTERM. Screenshots go to the test output dir (target/tmp/browser).
//!
//! Skips with a message when Chromium or chromedriver is missing, and
//! fails then under `CI` (`.ci/run` installs both).

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_entente");
const TOKEN: &str = "s3cret";
const ARTICLE: &str = "Talks in Ankara\n\nTurkey hosted Syrian President Bashar al-Assad in Ankara on Monday. Turkish troops attacked Syrian forces near Idlib on 2 January 2025. Syria condemned Turkey.\n";

/// A child process killed when the test ends, however it ends.
struct Guard(Child);
impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn wait_for(port: u16, what: &str) {
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{what} did not start listening"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// One HTTP/1.1 request on a fresh connection; returns status and body.
fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(60))).ok();
    let payload = body.map(|b| b.to_string()).unwrap_or_default();
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{payload}",
        payload.len()
    );
    s.write_all(req.as_bytes()).expect("send");
    let mut r = BufReader::new(s);
    let mut status = String::new();
    r.read_line(&mut status).expect("status line");
    let code = status
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let (mut len, mut chunked) = (None, false);
    loop {
        let mut h = String::new();
        r.read_line(&mut h).expect("header");
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        let lower = h.to_ascii_lowercase();
        if let Some(v) = lower.strip_prefix("content-length:") {
            len = v.trim().parse::<usize>().ok();
        }
        if lower.starts_with("transfer-encoding:") && lower.contains("chunked") {
            chunked = true;
        }
    }
    let mut out = Vec::new();
    if chunked {
        loop {
            let mut size = String::new();
            r.read_line(&mut size).expect("chunk size");
            let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
            if n == 0 {
                break;
            }
            let mut chunk = vec![0; n + 2];
            r.read_exact(&mut chunk).expect("chunk");
            out.extend_from_slice(&chunk[..n]);
        }
    } else if let Some(n) = len {
        out.resize(n, 0);
        r.read_exact(&mut out).expect("body");
    } else {
        r.read_to_end(&mut out).expect("body");
    }
    (code, String::from_utf8_lossy(&out).into_owned())
}

struct Driver {
    port: u16,
    session: String,
}

impl Driver {
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let (code, text) = http(
            self.port,
            method,
            &format!("/session/{}{path}", self.session),
            body.as_ref(),
        );
        let v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        assert_eq!(code, 200, "WebDriver {method} {path}: {text}");
        v["value"].clone()
    }
    fn go(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }
    fn find(&self, css: &str) -> Vec<String> {
        let v = self.call(
            "POST",
            "/elements",
            Some(json!({"using": "css selector", "value": css})),
        );
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e.as_object()?.values().next()?.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    }
    /// How many elements match `css` once there are `want` of them, or
    /// after 15 s: a click on a form's button returns before the page it
    /// loads is there, sooner or later on a busy machine.
    fn count_soon(&self, css: &str, want: usize) -> usize {
        let start = Instant::now();
        loop {
            let n = self.find(css).len();
            if n == want || start.elapsed() > Duration::from_secs(15) {
                return n;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    fn one(&self, css: &str) -> String {
        let start = Instant::now();
        while self.find(css).is_empty() && start.elapsed() < Duration::from_secs(15) {
            std::thread::sleep(Duration::from_millis(100));
        }
        self.find(css)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no element {css} on {}", self.call("GET", "/url", None)))
    }
    fn click(&self, css: &str) {
        let e = self.one(css);
        self.call("POST", &format!("/element/{e}/click"), Some(json!({})));
    }
    fn screenshot(&self, to: &Path) {
        let b64 = self.call("GET", "/screenshot", None);
        let png = base64(b64.as_str().unwrap_or(""));
        assert!(png.starts_with(b"\x89PNG"), "not a PNG screenshot");
        std::fs::write(to, png).expect("write screenshot");
    }
}

fn base64(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let (mut out, mut acc, mut bits) = (Vec::new(), 0u32, 0);
    for v in s.bytes().filter_map(val) {
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

fn tool(candidates: &[&str]) -> Option<PathBuf> {
    candidates.iter().map(PathBuf::from).find(|p| p.exists())
}

#[test]
fn a_down_vote_in_the_browser_leaves_the_dyad_page() {
    let (Some(chromium), Some(driver)) = (
        tool(&["/usr/bin/chromium", "/usr/bin/chromium-browser"]),
        tool(&["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]),
    ) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI: chromium and chromedriver must be installed (.ci/run installs them)"
        );
        eprintln!(
            "skipped: no chromium and chromedriver (apt-get install chromium chromium-driver)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("browser");
    std::fs::create_dir_all(&out_dir).unwrap();
    let db = dir.path().join("b.db");
    std::fs::write(dir.path().join("talks.txt"), ARTICLE).unwrap();
    let st = Command::new(BIN)
        .args(["ingest", "--db"])
        .arg(&db)
        .args(["--date", "2025-03-04"])
        .arg(dir.path().join("talks.txt"))
        .output()
        .unwrap();
    assert!(
        st.status.success(),
        "{}",
        String::from_utf8_lossy(&st.stderr)
    );

    let port = free_port();
    let mut server = Guard(
        Command::new(BIN)
            .args(["serve", "--db"])
            .arg(&db)
            .args([
                "--addr",
                &format!("127.0.0.1:{port}"),
                "--token",
                &format!("ana:{TOKEN}"),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    wait_for(port, "entente serve");
    let (_, events) = http(port, "GET", "/api/v1/events?root=19", None);
    let events: Value = serde_json::from_str(&events).unwrap();
    let id = events["items"][0]["id"]
        .as_str()
        .expect("an attack event")
        .to_string();
    let doc = events["items"][0]["doc"].as_str().unwrap().to_string();
    let anchor = format!("#e-{}", id.rsplit('~').next().unwrap());

    let dport = free_port();
    let _driver = Guard(
        Command::new(driver)
            .arg(format!("--port={dport}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    wait_for(dport, "chromedriver");
    let profile = dir.path().join("profile");
    let caps = json!({"capabilities": {"alwaysMatch": {
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": chromium,
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--window-size=1280,1600", format!("--user-data-dir={}", profile.display())]
        }
    }}});
    let (code, text) = http(dport, "POST", "/session", Some(&caps));
    assert_eq!(code, 200, "new session: {text}");
    let v: Value = serde_json::from_str(&text).unwrap();
    let d = Driver {
        port: dport,
        session: v["value"]["sessionId"].as_str().unwrap().to_string(),
    };
    let base = format!("http://127.0.0.1:{port}");

    // The event is on the dyad page before the vote.
    d.go(&format!("{base}/dyads/TUR/SYR"));
    assert_eq!(d.find(&anchor).len(), 1, "the attack is on the dyad page");

    // Sign in, then vote from the article page.
    d.go(&format!("{base}/documents/{doc}"));
    d.click("a[href^='/login']");
    let field = d.one("input[name=token]");
    d.call(
        "POST",
        &format!("/element/{field}/value"),
        Some(json!({"text": TOKEN})),
    );
    d.click("form[action='/login'] button[type=submit]");
    assert_eq!(d.count_soon("form[action='/logout']", 1), 1, "signed in");
    d.go(&format!("{base}/documents/{doc}"));
    d.click(&format!("button[data-event='{id}']"));
    // Back on the article: the event shows its down-vote and is struck through.
    assert_eq!(
        d.count_soon(&format!("tr.rejected{anchor}"), 1),
        1,
        "marked rejected"
    );
    d.screenshot(&out_dir.join("article.png"));

    d.go(&format!("{base}/dyads/TUR/SYR"));
    assert!(
        d.find(&anchor).is_empty(),
        "the down-voted event left the dyad page"
    );
    d.screenshot(&out_dir.join("dyad.png"));
    d.go(&format!("{base}/dyads/TUR/SYR?include_rejected=true"));
    assert_eq!(d.find(&anchor).len(), 1, "still there when asked for");
    d.call("DELETE", "", None);

    // SIGTERM: the server finishes and exits cleanly.
    let pid = server.0.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    let start = Instant::now();
    let status = loop {
        if let Some(s) = server.0.try_wait().unwrap() {
            break s;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no exit after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut log = String::new();
    if let Some(mut e) = server.0.stderr.take() {
        let _ = e.read_to_string(&mut log);
    }
    assert!(status.success(), "exit after SIGTERM: {status}: {log}");
    assert!(log.contains("stopping"), "{log}");
    eprintln!("screenshots in {}", out_dir.display());
}
