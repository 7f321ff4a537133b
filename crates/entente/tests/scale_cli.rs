//! CLI tests of scale (issue 14): concurrent ingests into one database,
//! read commands on a read-only copy, and output that does not depend on
//! `--jobs`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn entente(args: &[&str], dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_entente"));
    c.args(args).current_dir(dir).stdin(Stdio::null());
    c
}

fn run(args: &[&str], dir: &Path) -> Output {
    entente(args, dir).output().expect("run entente")
}

fn ok(args: &[&str], dir: &Path) -> Vec<u8> {
    let out = run(args, dir);
    assert!(
        out.status.success(),
        "entente {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// A short news-like document; `i` makes each one distinct.
fn article(i: usize) -> String {
    let (a, b) = [
        ("Turkey", "Azerbaijan"),
        ("Israel", "Iran"),
        ("Russia", "Syria"),
        ("Iraq", "Jordan"),
    ][i % 4];
    format!(
        "{a} and {b} signed an agreement in talks on day {i}. The president of {a} \
         said on Tuesday that {b} would send {i} officials to the summit. \
         Officials of {b} criticised the plan."
    )
}

fn jsonl(ids: impl Iterator<Item = usize>) -> String {
    ids.map(|i| {
        serde_json::json!({"id": format!("doc-{i:04}"), "date": "2025-03-14", "text": article(i)})
            .to_string()
            + "\n"
    })
    .collect()
}

fn counts(db: &Path) -> store::Counts {
    store::Store::open_read_only(db).unwrap().counts().unwrap()
}

/// The acceptance check of issue 14: eight ingests of overlapping inputs into
/// one fresh database, started together, all succeed and store every
/// document exactly once, with the same records as one ingest of them all.
#[test]
fn eight_concurrent_ingests_store_every_document_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Input k holds documents 15k..15k+45: each overlaps two or three others.
    for k in 0..8 {
        std::fs::write(d.join(format!("in{k}.jsonl")), jsonl(15 * k..15 * k + 45)).unwrap();
    }
    let distinct = 15 * 7 + 45;
    let mut children = Vec::new();
    for k in 0..8 {
        let file = format!("in{k}.jsonl");
        let child = entente(&["ingest", "--db", "shared.db", "--jobs", "2", &file], d)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start entente");
        children.push(child);
    }
    for (k, child) in children.into_iter().enumerate() {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "ingest {k} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let all: Vec<String> = (0..8).map(|k| format!("in{k}.jsonl")).collect();
    let mut args = vec!["ingest", "--db", "alone.db", "--jobs", "1"];
    args.extend(all.iter().map(String::as_str));
    ok(&args, d);
    let shared = counts(&d.join("shared.db"));
    assert_eq!(shared.documents, distinct);
    assert_eq!(shared, counts(&d.join("alone.db")));
    let s = store::Store::open_read_only(&d.join("shared.db")).unwrap();
    let c = s.connection();
    let check: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let dupes: i64 = c
        .query_row(
            "SELECT count(*) FROM (SELECT doc, idx FROM sentences GROUP BY doc, idx HAVING count(*) > 1)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(dupes, 0);
}

/// Read commands work on a copy of a database that may not be written, and
/// leave it as it was.
#[test]
fn read_commands_work_on_a_read_only_copy() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let ex = examples();
    ok(
        &[
            "ingest",
            "--db",
            "rw.db",
            ex.to_str().unwrap(),
            "--jobs",
            "2",
        ],
        d,
    );
    let ro = d.join("ro");
    std::fs::create_dir(&ro).unwrap();
    std::fs::copy(d.join("rw.db"), ro.join("x.db")).unwrap();
    let before = std::fs::read(ro.join("x.db")).unwrap();
    std::fs::set_permissions(ro.join("x.db"), std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    let documents = ok(&["documents", "--db", "ro/x.db", "--format", "csv"], d);
    assert!(String::from_utf8_lossy(&documents).contains("ex-1"));
    ok(&["show", "--db", "ro/x.db", "ex-1"], d);
    let hits = ok(&["search", "--db", "ro/x.db", "Red Sea"], d);
    assert!(!hits.is_empty());
    ok(&["events", "--db", "ro/x.db", "--actor", "Azerbaijan"], d);
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(std::fs::read(ro.join("x.db")).unwrap(), before);

    // Where SQLite cannot make the WAL's shared-memory file (a read-only
    // folder for an ordinary user; here a folder in its way, which stops
    // root too), the file is read as immutable.
    let blocked = d.join("blocked");
    std::fs::create_dir(&blocked).unwrap();
    std::fs::copy(d.join("rw.db"), blocked.join("x.db")).unwrap();
    std::fs::create_dir(blocked.join("x.db-shm")).unwrap();
    let out = ok(&["documents", "--db", "blocked/x.db", "--format", "csv"], d);
    assert_eq!(out, documents);
}

/// `code` prints the same bytes whatever the number of jobs, and `ingest`
/// stores the same records.
#[test]
fn output_does_not_depend_on_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("many.jsonl"), jsonl(0..120)).unwrap();
    let ex = examples();
    let ex = ex.to_str().unwrap();
    for input in [ex, "many.jsonl"] {
        let one = ok(&["code", "--date", "2025-05-02", "--jobs", "1", input], d);
        assert!(!one.is_empty());
        for jobs in ["2", "3", "8"] {
            let many = ok(&["code", "--date", "2025-05-02", "--jobs", jobs, input], d);
            assert!(one == many, "{input}: --jobs {jobs} differs from --jobs 1");
        }
    }
    ok(
        &["ingest", "--db", "one.db", "--jobs", "1", ex, "many.jsonl"],
        d,
    );
    ok(
        &[
            "ingest",
            "--db",
            "three.db",
            "--jobs",
            "3",
            ex,
            "many.jsonl",
        ],
        d,
    );
    let export = |db: &str| {
        ok(
            &["export", "--db", db, "--format", "jsonl", "--out", "-"],
            d,
        )
    };
    assert!(export("one.db") == export("three.db"));
    // Recoding on several threads changes nothing either.
    ok(&["recode", "--db", "three.db", "--jobs", "3"], d);
    assert!(export("one.db") == export("three.db"));
}

/// CSV input: one document per row, columns by header name (or number),
/// problems named by file and line.
#[test]
fn csv_rows_are_documents() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("news.csv"),
        "id,title,date,url,text\n\
         n1,Talks,2025-03-14,https://example.org/1,\"Turkey and Azerbaijan signed an agreement.\nThe talks went on.\"\n\
         n2,Warning,2025-03-15,,Iran warned Israel on Tuesday.\n\
         n3,Empty,2025-03-16,,\n",
    )
    .unwrap();
    let out = run(&["code", "news.csv"], d);
    assert_eq!(out.status.code(), Some(1), "a skipped row makes exit 1");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("news.csv:5: empty text; skipped"),
        "{stderr}"
    );
    let docs: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .filter(|r: &serde_json::Value| r["kind"] == "document")
        .collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["doc"], "n1");
    assert_eq!(docs[0]["title"], "Talks");
    assert_eq!(docs[0]["url"], "https://example.org/1");
    assert_eq!(docs[0]["date_source"], "metadata");
    assert_eq!(docs[0]["format"], "csv");
    assert_eq!(
        docs[0]["text"],
        "Turkey and Azerbaijan signed an agreement.\nThe talks went on."
    );
    assert_eq!(docs[1]["date"], "2025-03-15");

    // Other column names, by flag; a file without a header, by number.
    std::fs::write(
        d.join("notes.txt"),
        "event_date,notes,ref\n9-May-20,Protesters gathered in Haifa.,X1\n",
    )
    .unwrap();
    let out = ok(
        &[
            "code",
            "--input",
            "csv",
            "--text-column",
            "notes",
            "--date-column",
            "event_date",
            "--id-column",
            "ref",
            "notes.txt",
        ],
        d,
    );
    let first: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&out).lines().next().unwrap()).unwrap();
    assert_eq!(first["doc"], "X1");
    assert_eq!(first["date"], "2020-05-09");
    std::fs::write(
        d.join("ag.csv"),
        "3,Fears for pension,Unions are disappointed.\n",
    )
    .unwrap();
    let out = ok(
        &[
            "code",
            "--no-header",
            "--title-column",
            "2",
            "--text-column",
            "3",
            "ag.csv",
        ],
        d,
    );
    assert!(String::from_utf8_lossy(&out).contains("\"title\":\"Fears for pension\""));

    // A missing column is an error naming the file, the flag and the header.
    let out = run(
        &["ingest", "--db", "x.db", "notes.txt", "--input", "csv"],
        d,
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("notes.txt: no column \"text\" (--text-column")
            && stderr.contains("event_date"),
        "{stderr}"
    );
}

/// The shared CSV corpora ingest as one document per row.
#[test]
fn shared_csv_corpora_are_one_document_per_row() {
    let docs = |args: &[&str]| -> (usize, i32) {
        let out = run(args, Path::new("."));
        let n = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| l.starts_with("{\"kind\":\"document\""))
            .count();
        (n, out.status.code().unwrap_or(-1))
    };
    let Some(guardian) =
        testkit::shared_path("corpora/news-guardian-sdf-2019/Guardian_SDF_sample.csv")
    else {
        return;
    };
    assert_eq!(docs(&["code", guardian.to_str().unwrap()]), (249, 0));
    let Some(acled) = testkit::shared_path("corpora/acled-global-2020-05/acled.csv") else {
        return;
    };
    // One of the 5,071 rows has no notes: reported and skipped.
    let acled_args = [
        "code",
        "--text-column",
        "notes",
        "--date-column",
        "event_date",
        "--id-column",
        "event_id_cnty",
        acled.to_str().unwrap(),
    ];
    assert_eq!(docs(&acled_args), (5070, 1));
    let Some(ag) = testkit::shared_path("corpora/news-agnews-test/test.csv") else {
        return;
    };
    let ag_args = [
        "code",
        "--no-header",
        "--title-column",
        "2",
        "--text-column",
        "3",
        ag.to_str().unwrap(),
    ];
    assert_eq!(docs(&ag_args), (7600, 0));
}
