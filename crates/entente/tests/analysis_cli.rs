//! CLI tests of the analysis commands (`brokers`, `blocs`, `dependencies`,
//! `network`, `report`): on a hand-made database, on the seed article, and
//! the report rendered by headless Chromium where it is installed.

use model::{
    Actor, ActorType, Coded, DateSource, Document, Event, Fact, Modality, Participant, Sentence,
};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("run entente")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_str(&ok(out)).expect("one JSON value on stdout")
}

fn shared() -> Option<PathBuf> {
    testkit::shared()
}

fn part(code: &str, text: &str, span: [usize; 2]) -> Participant {
    Participant {
        actor: Actor {
            code: code.into(),
            country: Some(code[..3].to_string()),
            role: None,
            name: text.into(),
            id: code.into(),
            kind: ActorType::Country,
        },
        text: text.into(),
        span,
    }
}

/// A document written for this test, coded by hand: Azerbaijan cooperates
/// with Israel and Turkey, which quarrel.
fn hand_coded() -> Coded {
    let text = "Azerbaijan hosted Israeli ministers. Azerbaijan mediated talks with Turkey. \
                Israel threatened Turkey <script>alert(1)</script>. Azerbaijan gets 70% of its arms imports from Israel.";
    let sentences: Vec<Sentence> = {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, s) in text.split_inclusive(". ").enumerate() {
            out.push(Sentence {
                index: i,
                span: [start, start + s.trim_end().len()],
            });
            start += s.len();
        }
        out
    };
    let find = |w: &str, from: usize| {
        let s = text[from..].find(w).map_or(0, |i| i + from);
        [s, s + w.len()]
    };
    let ev = |sent: usize, s: (&str, &str), t: (&str, &str), cameo: &str, g: f64, quad: u8| {
        let from = sentences[sent].span[0];
        Event {
            sentence: sent,
            span: find(cameo, from),
            source: part(s.0, s.1, find(s.1, from)),
            target: part(t.0, t.1, find(t.1, from)),
            cameo: "040".into(),
            root: "04".into(),
            plover: "CONSULT".into(),
            mode: None,
            goldstein: g,
            quad_class: quad,
            modality: Modality::Asserted,
            reported_by: None,
            date: "2025-04".into(),
            date_precision: "month".into(),
            place: None,
            rule: "test".into(),
            confidence: 1.0,
        }
    };
    let events = vec![
        ev(
            0,
            ("AZEGOV", "Azerbaijan"),
            ("ISRGOV", "Israeli"),
            "hosted",
            2.8,
            1,
        ),
        ev(
            1,
            ("AZEGOV", "Azerbaijan"),
            ("TURGOV", "Turkey"),
            "mediated",
            5.0,
            1,
        ),
        ev(
            2,
            ("ISRGOV", "Israel"),
            ("TURGOV", "Turkey"),
            "threatened",
            -4.4,
            3,
        ),
    ];
    let facts = vec![Fact {
        sentence: 3,
        span: find("70%", 0),
        measure: "import_share".into(),
        value: 0.7,
        unit: "fraction".into(),
        approx: false,
        holder: Some(part("AZE", "Azerbaijan", find("Azerbaijan gets", 0))),
        counterpart: Some(part("ISR", "Israel", find("Israel.", 0))),
        commodity: Some("weapons".into()),
        asset: None,
        period: None,
        rule: "test".into(),
    }];
    Coded {
        document: Some(Document {
            id: "handmade0001".into(),
            title: Some("Baku <b>between</b> Israel & Turkey".into()),
            author: None,
            date: "2025-05-02".into(),
            date_source: DateSource::Option,
            url: None,
            source: None,
            format: "text".into(),
            text: text.into(),
            boilerplate: Vec::new(),
        }),
        sentences,
        events,
        facts,
        ..Coded::default()
    }
}

fn hand_db(dir: &Path) -> PathBuf {
    let db = dir.join("hand.db");
    let mut store = store::Store::open(&db).expect("open store");
    store
        .put(&hand_coded(), None, false)
        .expect("store the document");
    db
}

#[test]
fn brokers_between_rank_the_mediator_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = hand_db(dir.path());
    let db = db.to_str().expect("utf-8 path");
    let v = json(&run(
        &[
            "brokers",
            "--db",
            db,
            "--between",
            "ISR",
            "TUR",
            "--format",
            "json",
        ],
        dir.path(),
    ));
    assert_eq!(v[0]["actor"], "AZE", "{v}");
    assert_eq!(v[0]["score"], 1.0);
    let overall = json(&run(
        &["brokers", "--db", db, "--format", "json"],
        dir.path(),
    ));
    assert_eq!(overall[0]["actor"], "AZE");
    assert_eq!(overall[0]["betweenness"], 1.0);
    let table = ok(&run(
        &["brokers", "--db", db, "--between", "isr", "tur"],
        dir.path(),
    ));
    assert!(table.contains("AZE"), "{table}");
    // An unknown actor is a usage error that names it.
    let out = run(
        &[
            "brokers",
            "--db",
            db,
            "--between",
            "ISR",
            "XXX",
            "--format",
            "json",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown actor \"XXX\""));
}

#[test]
fn network_blocs_and_dependencies_report_the_dyads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = hand_db(dir.path());
    let db = db.to_str().expect("utf-8 path");
    let net = json(&run(
        &["network", "--db", db, "--format", "json"],
        dir.path(),
    ));
    assert_eq!(mean(&net, "AZE", "ISR"), Some(2.8));
    assert_eq!(mean(&net, "ISR", "TUR"), Some(-4.4));
    let blocs = json(&run(&["blocs", "--db", db, "--format", "json"], dir.path()));
    assert!(blocs["modularity"].is_number());
    assert!(blocs["blocs"].as_array().is_some_and(|b| !b.is_empty()));
    let deps = json(&run(
        &["dependencies", "--db", db, "--format", "json"],
        dir.path(),
    ));
    assert_eq!(deps[0]["holder"], "AZE");
    assert_eq!(deps[0]["counterpart"], "ISR");
    assert_eq!(deps[0]["commodity"], "weapons");
    let table = ok(&run(&["dependencies", "--db", db], dir.path()));
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("AZE ") && l.contains(" ISR ")),
        "{table}"
    );
}

#[test]
fn report_writes_one_escaped_page() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = hand_db(dir.path());
    let out = ok(&run(
        &[
            "report",
            "--db",
            db.to_str().expect("utf-8"),
            "--out",
            "r.html",
        ],
        dir.path(),
    ));
    assert_eq!(out.trim(), "r.html");
    let html = std::fs::read_to_string(dir.path().join("r.html")).expect("report written");
    assert!(html.contains("<svg"));
    assert!(!html.contains("<script"), "document text must be escaped");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("Baku &lt;b&gt;between&lt;/b&gt; Israel &amp; Turkey"));
    assert!(
        html.contains("Azerbaijan mediated talks with Turkey."),
        "evidence sentence"
    );
    screenshot(&dir.path().join("r.html"), dir.path());
}

#[test]
fn missing_database_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = run(&["brokers", "--db", "nope.db"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("entente ingest"));
}

/// Mean Goldstein of the undirected dyad `a`-`b` in `entente network` JSON.
fn mean(net: &serde_json::Value, a: &str, b: &str) -> Option<f64> {
    net["edges"].as_array()?.iter().find_map(|e| {
        let (s, t) = (e["source"].as_str()?, e["target"].as_str()?);
        ((s == a && t == b) || (s == b && t == a)).then(|| e["mean_goldstein"].as_f64())?
    })
}

#[test]
fn seed_article_makes_azerbaijan_the_broker() {
    let Some(shared) = shared() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let seed = shared.join("seed/000_b71a1b986c91ca77.txt");
    let seed = seed.to_str().expect("utf-8 path");
    ok(&run(&["ingest", "--date", "2025-05-02", seed], dir.path()));
    let brokers = json(&run(
        &["brokers", "--between", "ISR", "TUR", "--format", "json"],
        dir.path(),
    ));
    let list = brokers.as_array().expect("a JSON list");
    for b in list {
        assert!(b["actor"].is_string() && b["score"].is_number(), "{b}");
    }
    let net = json(&run(&["network", "--format", "json"], dir.path()));
    let has = |c: &str| {
        net["nodes"]
            .as_array()
            .is_some_and(|n| n.iter().any(|x| x["code"] == c))
    };
    for c in ["AZE", "ISR", "TUR"] {
        assert!(has(c), "no {c} in the seed's network: {}", net["nodes"]);
    }
    assert_eq!(
        list.first().map(|b| &b["actor"]),
        Some(&serde_json::json!("AZE")),
        "{brokers}"
    );
    let aze_isr = mean(&net, "AZE", "ISR").expect("an AZE-ISR dyad from the seed");
    assert!(aze_isr > 0.0, "AZE-ISR should be cooperative: {aze_isr}");
    let isr_tur = mean(&net, "ISR", "TUR").expect("an ISR-TUR dyad from the seed");
    assert!(isr_tur < 0.0, "ISR-TUR should lean conflictual: {isr_tur}");
    ok(&run(&["report", "--out", "seed.html"], dir.path()));
    let html = std::fs::read_to_string(dir.path().join("seed.html")).expect("report written");
    assert!(html.contains("<svg") || html.contains("nothing to draw"));
    assert!(!html.contains("<script"));
    screenshot(&dir.path().join("seed.html"), dir.path());
}

/// Renders the page in headless Chromium (where installed) and checks that
/// a real picture came out and the console stayed clean.
fn screenshot(page: &Path, dir: &Path) {
    let chromium = Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        eprintln!("skipped: no /usr/bin/chromium to render the report with");
        return;
    }
    let png = dir.join("r.png");
    let profile = dir.join("chromium-profile");
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1280,2000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .output()
        .expect("run chromium");
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(
        !log.contains("Uncaught") && !log.contains("SyntaxError"),
        "console errors: {log}"
    );
    let size = std::fs::metadata(&png).map(|m| m.len()).unwrap_or(0);
    assert!(size > 10_000, "screenshot too small ({size} bytes): {log}");
    if let Ok(keep) = std::env::var("ENTENTE_KEEP_SCREENSHOT") {
        let _ = std::fs::copy(&png, keep);
    }
}
