//! The Spark example (`tools/spark/code_corpus.py`) in local mode on 2,000 AG News items: its events equal single-process `entente code`'s, DuckDB and pandas read its Parquet alike, and (with the `parquet` feature) its events table has the schema of `entente export --format parquet`.
//!
//! Needs python3 with pyspark, duckdb, pandas and pyarrow, and Java 17
//! (`.ci/run` installs them): skipped with a message without them, failed
//! when `CI` is set. Prints documents/s for `local[1]` and `local[2]`
//! (`cargo test -p entente --test spark -- --nocapture`).

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const DOCUMENTS: usize = 2000;

fn spark_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tools/spark")
}

fn output(cmd: &mut Command) -> Output {
    cmd.stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("running {cmd:?}: {e}"))
}

fn checked(cmd: &mut Command) -> String {
    let out = output(cmd);
    assert!(
        out.status.success(),
        "{cmd:?} failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Whether python3 has the packages and Java runs; reports why not.
fn spark_ready() -> bool {
    let python = Command::new("python3")
        .args(["-c", "import pyspark, duckdb, pandas, pyarrow"])
        .stdin(Stdio::null())
        .output();
    match python {
        Ok(o) if o.status.success() => {}
        Ok(o) => {
            testkit::skip(&format!(
                "python3 lacks pyspark, duckdb, pandas or pyarrow ({}); `.ci/run` installs them",
                String::from_utf8_lossy(&o.stderr)
                    .lines()
                    .last()
                    .unwrap_or("")
            ));
            return false;
        }
        Err(e) => {
            testkit::skip(&format!("no python3 ({e})"));
            return false;
        }
    }
    let java = Command::new("java")
        .arg("-version")
        .stdin(Stdio::null())
        .output();
    if !java.is_ok_and(|o| o.status.success()) {
        testkit::skip("no java on PATH (Spark needs Java 17 or later); `.ci/run` installs it");
        return false;
    }
    true
}

/// The first `DOCUMENTS` AG News items as JSONL, with dates over a year and
/// outlets given three ways (publisher, URL host, neither) so that months
/// and NumSources are exercised.
fn corpus(csv_path: &Path, out: &Path) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(csv_path)
        .expect("AG News CSV");
    let mut lines = String::new();
    for (i, row) in reader.records().take(DOCUMENTS).enumerate() {
        let row = row.expect("AG News row");
        let mut doc = serde_json::json!({
            "id": format!("ag-{i}"),
            "title": &row[1],
            // AG News writes line breaks as a backslash.
            "text": row[2].replace('\\', " "),
            "date": format!("2024-{:02}-{:02}", i % 12 + 1, i % 28 + 1),
        });
        match i % 3 {
            0 => doc["source"] = ["AP", "Reuters", "AFP"][i % 4 % 3].into(),
            1 => doc["url"] = format!("https://news{}.example/{i}", i % 4).into(),
            _ => {}
        }
        lines.push_str(&doc.to_string());
        lines.push('\n');
    }
    std::fs::write(out, lines).expect("write corpus");
}

/// The columns every events table shares, of an event record and its document.
type EventTuple = Vec<String>;

const COMPARED: [&str; 17] = [
    "doc",
    "sentence",
    "date",
    "doc_date",
    "source_code",
    "source_name",
    "target_code",
    "target_name",
    "cameo",
    "root",
    "plover",
    "quad_class",
    "goldstein",
    "modality",
    "url",
    "publisher",
    "text",
];

/// Events of a single-process `entente code` run, as the Parquet columns.
fn code_events(jsonl: &str) -> (Vec<EventTuple>, BTreeMap<String, usize>) {
    let mut docs: BTreeMap<String, Value> = BTreeMap::new();
    let mut sentences: BTreeMap<(String, u64), String> = BTreeMap::new();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut events = Vec::new();
    for line in jsonl.lines() {
        let r: Value = serde_json::from_str(line).expect("JSON line");
        let kind = r["kind"].as_str().unwrap_or("").to_string();
        *counts.entry(kind.clone()).or_default() += 1;
        let doc = r["doc"].as_str().unwrap_or("").to_string();
        match kind.as_str() {
            "document" => {
                docs.insert(doc, r);
            }
            "sentence" => {
                let text = docs[&doc]["text"].as_str().unwrap().as_bytes();
                let (s, e) = (
                    r["span"][0].as_u64().unwrap() as usize,
                    r["span"][1].as_u64().unwrap() as usize,
                );
                let t = String::from_utf8_lossy(&text[s..e]).into_owned();
                sentences.insert((doc, r["index"].as_u64().unwrap()), t);
            }
            "event" => {
                let d = &docs[&doc];
                let sentence = r["sentence"].as_u64().unwrap();
                let s = |v: &Value| match v {
                    Value::Null => "null".to_string(),
                    Value::String(s) => s.clone(),
                    v => v.to_string(),
                };
                events.push(vec![
                    doc.clone(),
                    sentence.to_string(),
                    s(&r["date"]),
                    s(&d["date"]),
                    s(&r["source"]["code"]),
                    s(&r["source"]["name"]),
                    s(&r["target"]["code"]),
                    s(&r["target"]["name"]),
                    s(&r["cameo"]),
                    s(&r["root"]),
                    s(&r["plover"]),
                    s(&r["quad_class"]),
                    format!("{:.3}", r["goldstein"].as_f64().unwrap()),
                    s(&r["modality"]),
                    s(&d["url"]),
                    s(&d["source"]),
                    sentences[&(doc.clone(), sentence)].clone(),
                ]);
            }
            _ => {}
        }
    }
    events.sort();
    (events, counts)
}

/// (schema as column -> DuckDB type, rows as column -> value) of an events directory.
type Table = (BTreeMap<String, String>, Vec<BTreeMap<String, Value>>);

fn read_events(dir: &Path) -> Table {
    let out = checked(
        Command::new("python3")
            .arg(spark_dir().join("read_events.py"))
            .arg(dir),
    );
    let v: Value = serde_json::from_str(&out).expect("read_events.py prints JSON");
    let names: Vec<String> = v["schema"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c[0].as_str().unwrap().to_string())
        .collect();
    let schema = v["schema"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c[0].as_str().unwrap().to_string(),
                c[1].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let rows = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            names
                .iter()
                .cloned()
                .zip(r.as_array().unwrap().iter().cloned())
                .collect()
        })
        .collect();
    (schema, rows)
}

fn tuple(row: &BTreeMap<String, Value>, columns: &[&str]) -> EventTuple {
    columns
        .iter()
        .map(|c| match &row[*c] {
            Value::Null => "null".to_string(),
            Value::String(s) => s.clone(),
            Value::Number(n) if *c == "goldstein" => format!("{:.3}", n.as_f64().unwrap()),
            v => v.to_string(),
        })
        .collect()
}

fn sorted_tuples(rows: &[BTreeMap<String, Value>], columns: &[&str]) -> Vec<EventTuple> {
    let mut t: Vec<EventTuple> = rows.iter().map(|r| tuple(r, columns)).collect();
    t.sort();
    t
}

/// Rows of a Spark output table other than events, counted by DuckDB.
fn count_rows(dir: &Path) -> usize {
    let script = "import duckdb, sys\nprint(duckdb.sql(\"SELECT count(*) FROM read_parquet(?)\", params=[sys.argv[1] + '/*.parquet']).fetchall()[0][0])";
    checked(Command::new("python3").args(["-c", script]).arg(dir))
        .trim()
        .parse()
        .expect("a count")
}

#[test]
fn spark_job_codes_like_a_single_process() {
    let Some(csv_path) = testkit::shared_path("corpora/news-agnews-test/test.csv") else {
        return;
    };
    if !spark_ready() {
        return;
    }
    let bin = env!("CARGO_BIN_EXE_entente");
    let tmp = tempfile::tempdir().expect("temp dir");
    let docs = tmp.path().join("docs.jsonl");
    corpus(&csv_path, &docs);

    let single = checked(
        Command::new(bin)
            .args(["code", "--input", "jsonl"])
            .arg(&docs),
    );
    let (expected, counts) = code_events(&single);
    assert_eq!(counts["document"], DOCUMENTS);
    assert!(
        expected.len() > 100,
        "too few events to compare: {}",
        expected.len()
    );

    let mut tables = Vec::new();
    for master in ["local[1]", "local[2]"] {
        let out = tmp.path().join(master.replace(['[', ']'], "_"));
        let printed = checked(
            Command::new("python3")
                .arg(spark_dir().join("code_corpus.py"))
                .args(["--master", master, "--entente", bin])
                .arg(&docs)
                .arg(&out)
                .env("PYSPARK_PYTHON", "python3")
                .current_dir(tmp.path()),
        );
        let summary = printed
            .lines()
            .find(|l| l.starts_with("code_corpus:"))
            .expect("the job prints its summary");
        // The figure the issue asks for (shown with --nocapture).
        eprintln!("{summary}");
        assert!(
            summary.contains(&format!("{DOCUMENTS} documents")),
            "{summary}"
        );
        for (table, kind) in [
            ("mentions", "mention"),
            ("quotes", "quote"),
            ("facts", "fact"),
        ] {
            assert_eq!(
                count_rows(&out.join(table)),
                counts.get(kind).copied().unwrap_or(0),
                "{master}: {table} rows against `entente code`'s {kind} records"
            );
        }
        let table = read_events(&out.join("events"));
        assert_eq!(
            sorted_tuples(&table.1, &COMPARED),
            expected,
            "{master}: Spark's events differ from `entente code`'s"
        );
        tables.push(table);
    }
    // Ids, groups and counts do not depend on how the corpus was split.
    let all: Vec<&str> = tables[0].0.keys().map(String::as_str).collect();
    assert_eq!(
        sorted_tuples(&tables[0].1, &all),
        sorted_tuples(&tables[1].1, &all)
    );

    #[cfg(feature = "parquet")]
    same_as_export(bin, tmp.path(), &docs, &tables[0]);
}

/// With the `parquet` feature: the events table has the export's columns
/// and types, and the same rows but for `id` and `event_group` (a
/// database's row ids, hashes in Spark).
#[cfg(feature = "parquet")]
fn same_as_export(bin: &str, dir: &Path, docs: &Path, spark: &Table) {
    let db = dir.join("export.db");
    checked(
        Command::new(bin)
            .args(["ingest", "--input", "jsonl", "--db"])
            .arg(&db)
            .arg(docs),
    );
    let out = dir.join("export");
    checked(
        Command::new(bin)
            .args(["export", "--format", "parquet", "--db"])
            .arg(&db)
            .arg("--out")
            .arg(&out),
    );
    let export = read_events(&out);
    assert_eq!(
        spark.0, export.0,
        "Spark's events schema differs from the export's"
    );
    let columns: Vec<&str> = export
        .0
        .keys()
        .map(String::as_str)
        .filter(|c| !matches!(*c, "id" | "event_group"))
        .collect();
    assert_eq!(
        sorted_tuples(&spark.1, &columns),
        sorted_tuples(&export.1, &columns)
    );
}
