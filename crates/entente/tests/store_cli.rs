//! CLI tests of the store side: idempotent ingest with deduplicated events, search, queries, exports, recode.

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

fn ok(args: &[&str], dir: &Path) -> String {
    let out = run(args, dir);
    assert!(
        out.status.success(),
        "entente {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// doc, sentence, start, source, target, CAMEO, date, group.
type EventKey = (String, i64, i64, String, String, String, String, i64);
/// id, day, source, target, CAMEO, NumMentions, NumSources, NumArticles.
type GroupRow = (i64, String, String, String, String, i64, i64, i64);

/// Everything that must not change when the same documents come in again.
#[derive(Debug, PartialEq)]
struct Snapshot {
    counts: store::Counts,
    events: Vec<EventKey>,
    groups: Vec<GroupRow>,
}

fn snapshot(db: &Path) -> Snapshot {
    let s = store::Store::open(db).unwrap();
    let c = s.connection();
    let mut st = c
        .prepare("SELECT d.id, e.sentence, e.start, e.source_code, e.target_code, e.cameo, e.date, e.group_id FROM events e JOIN documents d ON d.seq = e.doc ORDER BY d.id, e.start, e.cameo, e.source_code, e.target_code")
        .unwrap();
    let events = st
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut st = c
        .prepare("SELECT id, day, source_code, target_code, cameo, num_mentions, num_sources, num_articles FROM event_groups ORDER BY id")
        .unwrap();
    let groups = st
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    Snapshot {
        counts: s.counts().unwrap(),
        events,
        groups,
    }
}

fn assert_gdelt(tsv: &str) -> usize {
    let mut n = 0;
    for (i, line) in tsv.lines().enumerate() {
        assert_eq!(
            line.split('\t').count(),
            61,
            "row {i} of the GDELT export: {line}"
        );
        n += 1;
    }
    n
}

#[test]
fn examples_ingest_twice_query_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let ex = examples();
    let ex = ex.to_str().unwrap();
    ok(&["ingest", "--db", "t.db", ex], d);
    let first = snapshot(&d.join("t.db"));
    assert_eq!(first.counts.documents, 8);
    assert!(first.counts.events > 0, "{first:?}");
    assert!(first.counts.event_groups > 0 && first.counts.event_groups <= first.counts.events);
    ok(&["ingest", "--db", "t.db", ex], d);
    assert_eq!(
        snapshot(&d.join("t.db")),
        first,
        "a second ingest changed the store"
    );
    ok(&["ingest", "--db", "t.db", "--replace", ex], d);
    assert_eq!(
        snapshot(&d.join("t.db")),
        first,
        "--replace changed the store"
    );
    let recode = run(&["recode", "--db", "t.db"], d);
    assert!(recode.status.success());
    assert!(String::from_utf8_lossy(&recode.stderr).contains("recoded 8 document(s)"));
    assert_eq!(
        snapshot(&d.join("t.db")),
        first,
        "recode with the same lexicons changed the store"
    );

    // Search: table, JSON, CSV.
    let table = ok(&["search", "--db", "t.db", "talks"], d);
    assert!(table.contains("**talks**"), "{table}");
    let json = ok(
        &[
            "search", "--db", "t.db", "talks", "--format", "json", "--limit", "2",
        ],
        d,
    );
    let hits: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(hits.len(), 2);
    assert!(
        hits[0]["doc"].is_string() && hits[0]["sentence"].is_u64() && hits[0]["date"].is_string()
    );
    assert!(
        ok(&["search", "--db", "t.db", "talks", "--format", "csv"], d)
            .starts_with("doc,sentence,date")
    );
    // No hits is a successful query: exit 0, "no results" on stderr.
    let none = run(&["search", "--db", "t.db", "zzzyzzx"], d);
    assert_eq!(none.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&none.stderr).contains("no results"));

    // Events with each filter, in each format.
    let all = ok(&["events", "--db", "t.db", "--format", "jsonl"], d);
    let all: Vec<serde_json::Value> = all
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(all.len(), first.counts.events);
    let e0 = &all[0];
    let src = e0["source_code"].as_str().unwrap();
    let tgt = e0["target_code"].as_str().unwrap();
    let count = |args: &[&str]| {
        let mut a = vec!["events", "--db", "t.db", "--format", "jsonl"];
        a.extend_from_slice(args);
        ok(&a, d).lines().count()
    };
    assert!(count(&["--actor", &src[..3]]) >= 1);
    assert!(count(&["--dyad", tgt, src]) >= 1);
    assert!(count(&["--root", e0["root"].as_str().unwrap()]) >= 1);
    assert!(count(&["--plover", e0["plover"].as_str().unwrap()]) >= 1);
    assert!(count(&["--modality", e0["modality"].as_str().unwrap()]) >= 1);
    assert_eq!(
        count(&["--from", "1900-01-01", "--to", "9999-12-31"]),
        all.len()
    );
    assert_eq!(count(&["--from", "9999-01-01"]), 0);
    assert_eq!(count(&["--limit", "1"]), 1);
    let word = e0["text"]
        .as_str()
        .unwrap()
        .split_whitespace()
        .find(|w| w.chars().all(char::is_alphabetic) && w.len() > 4)
        .unwrap();
    assert!(count(&["--text", word]) >= 1);
    assert!(
        ok(&["events", "--db", "t.db", "--format", "csv"], d).starts_with("id,doc,sentence,date")
    );
    assert!(ok(&["events", "--db", "t.db"], d).starts_with("date  "));

    // Actor profile and dyad.
    let country = &src[..3];
    let profile: serde_json::Value = serde_json::from_str(&ok(
        &["actor", "--db", "t.db", country, "--format", "json"],
        d,
    ))
    .unwrap();
    assert!(profile["events"].as_u64().unwrap() >= 1);
    for key in [
        "names",
        "partners",
        "recent_events",
        "quotes_by",
        "quotes_about",
        "facts",
    ] {
        assert!(profile[key].is_array(), "{key}: {profile}");
    }
    assert!(ok(&["actor", "--db", "t.db", country], d).contains("partners"));
    assert!(
        ok(&["actor", "--db", "t.db", country, "--format", "csv"], d)
            .starts_with("code,events,cooperation")
    );
    let dyad: serde_json::Value = serde_json::from_str(&ok(
        &[
            "dyad",
            "--db",
            "t.db",
            &src[..3],
            &tgt[..3.min(tgt.len())],
            "--format",
            "json",
        ],
        d,
    ))
    .unwrap();
    assert!(dyad["events"].as_u64().unwrap() >= 1, "{dyad}");
    assert!(dyad["mean_goldstein"].is_number());
    assert!(dyad["a_to_b"]["quad_classes"]["verbal_cooperation"].is_u64());
    let month = &dyad["timeline"][0];
    for key in ["month", "events", "quad_classes", "mean_goldstein"] {
        assert!(!month[key].is_null(), "{key}: {dyad}");
    }
    assert!(ok(&["dyad", "--db", "t.db", "ISR", "TUR"], d).contains("timeline"));
    assert!(ok(
        &["dyad", "--db", "t.db", "ISR", "TUR", "--format", "csv"],
        d
    )
    .starts_with("month,events"));

    // Exports.
    for f in ["jsonl", "gdelt", "plover", "graphml", "gexf", "csv"] {
        ok(
            &[
                "export",
                "--db",
                "t.db",
                "--format",
                f,
                "--out",
                &format!("out.{f}"),
            ],
            d,
        );
    }
    let read = |f: &str| std::fs::read_to_string(d.join(format!("out.{f}"))).unwrap();
    let jsonl = read("jsonl");
    let kinds: Vec<String> = jsonl
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["kind"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(kinds.iter().filter(|k| *k == "document").count(), 8);
    // The stored records read back exactly as `entente code` printed them.
    let coded = ok(&["code", ex], d);
    let coded: Vec<&str> = coded
        .lines()
        .filter(|l| !l.contains("\"kind\":\"diagnostic\""))
        .collect();
    assert_eq!(jsonl.lines().collect::<Vec<_>>(), coded);
    assert_eq!(
        kinds.iter().filter(|k| *k == "event").count(),
        first.counts.events
    );
    assert_eq!(assert_gdelt(&read("gdelt")), first.counts.event_groups);
    let plover: Vec<serde_json::Value> = read("plover")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(plover.len(), first.counts.events);
    for key in [
        "event_type",
        "source_actor",
        "target_actor",
        "date",
        "text",
        "source_sector",
    ] {
        assert!(plover[0].get(key).is_some(), "{key}: {}", plover[0]);
    }
    let graphml = read("graphml");
    assert!(
        graphml.contains("<graphml")
            && graphml.contains("<edge ")
            && graphml.trim_end().ends_with("</graphml>")
    );
    let gexf = read("gexf");
    assert!(
        gexf.contains("<gexf") && gexf.contains("<edge ") && gexf.trim_end().ends_with("</gexf>")
    );
    assert_eq!(read("csv").lines().count(), first.counts.events + 1);

    let parquet = run(
        &[
            "export", "--db", "t.db", "--format", "parquet", "--out", "pq",
        ],
        d,
    );
    if cfg!(feature = "parquet") {
        assert!(
            parquet.status.success(),
            "{}",
            String::from_utf8_lossy(&parquet.stderr)
        );
    } else {
        assert_eq!(parquet.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&parquet.stderr).contains("--features parquet"));
    }
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_export_reads_back_by_month() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(&["ingest", "--db", "t.db", examples().to_str().unwrap()], d);
    ok(
        &[
            "export", "--db", "t.db", "--format", "parquet", "--out", "pq",
        ],
        d,
    );
    let events = snapshot(&d.join("t.db")).counts.events;
    let mut rows = 0;
    let mut months = 0;
    for part in std::fs::read_dir(d.join("pq")).unwrap() {
        let part = part.unwrap().path();
        let name = part.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("month="), "{name}");
        let file = std::fs::File::open(part.join("part-0.parquet")).unwrap();
        let reader = SerializedFileReader::new(file).unwrap();
        rows += reader.metadata().file_metadata().num_rows() as usize;
        for row in reader.get_row_iter(None).unwrap() {
            let row = row.unwrap();
            let month = row
                .get_column_iter()
                .find(|(n, _)| n.as_str() == "month")
                .map(|(_, v)| v.to_string())
                .unwrap();
            assert_eq!(month.trim_matches('"'), &name["month=".len()..]);
        }
        months += 1;
    }
    assert!(months >= 1);
    assert_eq!(rows, events);
}

/// The acceptance check: ingesting the Guardian sample twice changes nothing.
#[test]
fn guardian_ingest_is_idempotent() {
    let Some(csv_path) =
        testkit::shared_path("corpora/news-guardian-sdf-2019/Guardian_SDF_sample.csv")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (id, date, text, source) = (col(""), col("date"), col("text"), col("source"));
    let mut jsonl = String::new();
    for rec in reader.records() {
        let rec = rec.unwrap();
        let line = serde_json::json!({
            "id": format!("guardian-{}", &rec[id]),
            "date": &rec[date],
            "text": &rec[text],
            "source": &rec[source],
        });
        jsonl.push_str(&line.to_string());
        jsonl.push('\n');
    }
    std::fs::write(d.join("guardian.jsonl"), jsonl).unwrap();
    let t = std::time::Instant::now();
    ok(&["ingest", "--db", "g.db", "guardian.jsonl"], d);
    let first = snapshot(&d.join("g.db"));
    ok(&["ingest", "--db", "g.db", "guardian.jsonl"], d);
    let second = snapshot(&d.join("g.db"));
    eprintln!(
        "guardian: {} documents, {} events in {} groups, two ingests in {:.1} s",
        first.counts.documents,
        first.counts.events,
        first.counts.event_groups,
        t.elapsed().as_secs_f64()
    );
    assert!(first.counts.documents > 200);
    assert_eq!(
        first, second,
        "a second ingest of the Guardian sample changed the store"
    );
    ok(&["recode", "--db", "g.db"], d);
    assert_eq!(
        snapshot(&d.join("g.db")),
        first,
        "recoding the Guardian sample with the same lexicons changed the store"
    );
    let tsv = ok(
        &["export", "--db", "g.db", "--format", "gdelt", "--out", "-"],
        d,
    );
    assert_eq!(assert_gdelt(&tsv), first.counts.event_groups);
}
