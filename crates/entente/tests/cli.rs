//! CLI tests: the real binary, run in a temporary directory, on good and bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_entente"))
}

fn run(args: &[&str], dir: &Path) -> Output {
    bin()
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("run entente")
}

fn records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

fn kinds(recs: &[serde_json::Value], kind: &str) -> usize {
    recs.iter().filter(|r| r["kind"] == kind).count()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

#[test]
fn codes_every_example_format() {
    let dir = tempfile::tempdir().unwrap();
    let ex = examples();
    let out = run(&["code", ex.to_str().unwrap()], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    // 1 text + 1 html + 2 rss + 1 atom + 3 jsonl
    assert_eq!(kinds(&recs, "document"), 8);
    assert!(kinds(&recs, "sentence") >= 16);
    for r in recs.iter().filter(|r| r["kind"] == "document") {
        assert_eq!(r["date_source"], "metadata", "{r}");
    }
}

#[test]
fn binary_file_is_refused_and_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.bin"),
        [0x7f, b'E', b'L', b'F', 0, 0, 1, 2],
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Ministers met in Geneva on Monday.\n",
    )
    .unwrap();
    let out = run(&["code", "a.bin", "b.txt"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("a.bin: looks like a binary file"),
        "{}",
        stderr(&out)
    );
    let recs = records(&out);
    assert_eq!(kinds(&recs, "document"), 1);
    assert_eq!(kinds(&recs, "diagnostic"), 1);
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"Talks resumed in Vienna. The ".to_vec();
    bytes.extend([0xff, 0xfe]);
    bytes.extend(b" delegation left.\n");
    std::fs::write(dir.path().join("bad.txt"), &bytes).unwrap();
    let out = run(&["code", "bad.txt"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("bad.txt: invalid UTF-8 at byte offset 29"),
        "{}",
        stderr(&out)
    );
    let recs = records(&out);
    assert_eq!(kinds(&recs, "document"), 1);
}

#[test]
fn empty_and_oversized_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), "  \n").unwrap();
    std::fs::write(dir.path().join("big.txt"), "word ".repeat(1000)).unwrap();
    let out = run(
        &["code", "--max-bytes", "100", "empty.txt", "big.txt"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("empty.txt: empty input"), "{err}");
    assert!(
        err.contains("big.txt: 5000 bytes is over the limit of 100 bytes"),
        "{err}"
    );
}

#[test]
fn broken_html_still_gives_text() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("b.html"),
        "<html><body><p>Egypt hosted talks on Gaza <b>on Sunday<div>The envoys left.",
    )
    .unwrap();
    let out = run(&["code", "b.html"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    let doc = recs
        .iter()
        .find(|r| r["kind"] == "document")
        .expect("document");
    assert!(doc["text"].as_str().unwrap().contains("Egypt hosted talks"));
}

#[test]
fn html_without_text_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("n.html"),
        "<html><head><script>x()</script></head><body></body></html>",
    )
    .unwrap();
    let out = run(&["code", "n.html"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("n.html: no article text found"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn malformed_feed_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("f.rss"),
        "<?xml version=\"1.0\"?><rss><channel><item><title>x</title></chan",
    )
    .unwrap();
    let out = run(&["code", "f.rss"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("f.rss: malformed feed"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn malformed_jsonl_line_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("d.jsonl"),
        "{\"id\":\"a\",\"text\":\"Chile recalled its ambassador.\"}\n{not json\n{\"id\":\"c\"}\n{\"id\":\"d\",\"text\":\"Peru protested.\"}\n",
    )
    .unwrap();
    let out = run(&["code", "d.jsonl"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("d.jsonl:2: malformed JSON line"), "{err}");
    assert!(
        err.contains("d.jsonl:3: line has neither `text` nor `html`"),
        "{err}"
    );
    assert_eq!(kinds(&records(&out), "document"), 2);
}

#[test]
fn stdin_jsonl_streams() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = bin()
        .args(["code", "-"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        for i in 0..50 {
            writeln!(stdin, "{{\"id\":\"s{i}\",\"date\":\"2025-01-02\",\"text\":\"Kenya and Uganda signed a trade deal on Monday.\"}}").unwrap();
        }
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(kinds(&records(&out), "document"), 50);
}

#[test]
fn unknown_option_and_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["code", "--frobnicate", "x.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--frobnicate"), "{}", stderr(&out));
    let out = run(&["code", "nope.txt"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("nope.txt: no such file or directory"),
        "{}",
        stderr(&out)
    );
    let out = run(&["code", "--date", "May 2", "x.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn date_sources() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Oman mediated talks between Iran and the United States.\n",
    )
    .unwrap();
    let recs = records(&run(&["code", "--date", "2025-05-02", "a.txt"], dir.path()));
    assert_eq!(recs[0]["date"], "2025-05-02");
    assert_eq!(recs[0]["date_source"], "option");
    let recs = records(&run(&["code", "a.txt"], dir.path()));
    assert_eq!(recs[0]["date_source"], "today");
}

#[test]
fn ingest_is_idempotent_and_listable() {
    let dir = tempfile::tempdir().unwrap();
    let ex = examples();
    let ex = ex.to_str().unwrap();
    let out = run(&["ingest", "--db", "t.db", ex], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("8 document(s) stored, 0 already present"),
        "{}",
        stderr(&out)
    );
    let out = run(&["ingest", "--db", "t.db", ex], dir.path());
    assert!(
        stderr(&out).contains("0 document(s) stored, 8 already present"),
        "{}",
        stderr(&out)
    );
    let out = run(&["documents", "--db", "t.db"], dir.path());
    // A header and eight documents.
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 9);
    let out = run(
        &["documents", "--db", "t.db", "--format", "jsonl"],
        dir.path(),
    );
    let docs = records(&out);
    assert!(docs.iter().any(|d| d["doc"] == "ex-1"));
    let out = run(&["show", "--db", "t.db", "ex-1"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(
        shown.contains("Japan and South Korea hold security talks"),
        "{shown}"
    );
    assert!(shown.contains("[0] "), "{shown}");
    let out = run(&["show", "--db", "t.db", "zzzz"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no stored document matches"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn bad_input_during_ingest_keeps_what_was_stored() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Ghana and Togo agreed to reopen the border.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.bin"), [0u8, 1, 2, 3]).unwrap();
    let out = run(&["ingest", "--db", "t.db", "a.txt", "b.bin"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let out = run(&["documents", "--db", "t.db"], dir.path());
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
}

/// kill -9 in the middle of an ingest leaves a consistent database, and a
/// re-run completes it.
#[test]
fn ingest_survives_kill() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = String::new();
    for i in 0..3000 {
        lines.push_str(&format!(
            "{{\"id\":\"k{i}\",\"date\":\"2025-02-03\",\"text\":\"Delegation {i} from Norway met Sudanese officials in Khartoum on Monday. They discussed aid. Talks will resume next week.\"}}\n"
        ));
    }
    std::fs::write(dir.path().join("many.jsonl"), &lines).unwrap();
    let mut child = bin()
        .args(["ingest", "--db", "k.db", "many.jsonl"])
        .current_dir(dir.path())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some documents are committed, then kill without warning.
    let db = dir.path().join("k.db");
    let start = std::time::Instant::now();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(20));
        let n = count_docs(&db);
        if n > 0 || start.elapsed().as_secs() > 60 {
            break;
        }
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let partial = count_docs(&db);
    // Every stored document has its sentences: no half-written document.
    let out = run(
        &["documents", "--db", "k.db", "--format", "jsonl", "--all"],
        dir.path(),
    );
    for d in records(&out) {
        assert_eq!(d["sentences"], 3, "{d}");
    }
    let out = run(&["ingest", "--db", "k.db", "many.jsonl"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        count_docs(&db),
        3000,
        "after a re-run (partial before: {partial})"
    );
}

fn count_docs(db: &Path) -> usize {
    if !db.exists() {
        return 0;
    }
    let out = bin()
        .args([
            "documents",
            "--db",
            db.to_str().unwrap(),
            "--format",
            "csv",
            "--all",
        ])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .count()
        .saturating_sub(1)
}

#[test]
fn quotes_and_facts_listings() {
    let dir = tempfile::tempdir().unwrap();
    let ex = examples().join("articles/caspian-talks.txt");
    let out = run(
        &["ingest", "--db", "q.db", ex.to_str().unwrap()],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(
        &[
            "quotes",
            "--db",
            "q.db",
            "--speaker",
            "fidan",
            "--format",
            "jsonl",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let quotes = records(&out);
    assert!(!quotes.is_empty());
    assert!(quotes
        .iter()
        .all(|q| q["speaker"].as_str().unwrap().contains("Fidan")));
    let out = run(
        &[
            "facts", "--db", "q.db", "--actor", "ISR", "--format", "jsonl",
        ],
        dir.path(),
    );
    let facts = records(&out);
    assert!(
        facts
            .iter()
            .any(|f| f["measure"] == "import_share" && f["holder"] == "ISR"),
        "{facts:?}"
    );
    let out = run(&["facts", "--db", "q.db", "--actor", "CHN"], dir.path());
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
}

/// `bench` reads any input `code` reads, with no size limit: JSONL and plain
/// text files used to give it no documents at all (the limit plus one
/// overflowed to a read of zero bytes).
#[test]
fn bench_reads_jsonl_and_text() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.jsonl"),
        "{\"id\":\"n1\",\"date\":\"2020-05-09\",\"text\":\"Protesters gathered in Haifa.\"}\n\
         {\"id\":\"n2\",\"date\":\"2020-05-09\",\"text\":\"Israel and Turkey signed an agreement.\"}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Azerbaijan bought weapons from Israel in 2024.\n",
    )
    .unwrap();
    let out = run(&["bench", "a.jsonl", "b.txt", "--repeat", "1"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("corpus: 3 documents"), "{text}");
}
