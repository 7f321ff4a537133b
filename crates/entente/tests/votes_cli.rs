//! Analysts' votes through the command line: on the examples database, one
//! event down-voted and one corrected, every command that counts events
//! (`events`, `dyad`, `actor`, `network`, `brokers`) and every export format
//! counts them as reviewed, and `--include-rejected` brings the rejected
//! one back.

mod common;

use common::{examples_dir, run};
use serde_json::Value;
use std::path::Path;
use store::votes::{event_id, CameoFix, Correction, NewVote};

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert_eq!(out.status, 0, "entente {args:?}: {}", out.stderr);
    out.stdout
}

fn json(dir: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(dir, args)).expect("one JSON value on stdout")
}

/// The id of the stored event `source -> target` coded `cameo`.
fn find(db: &Path, source: &str, target: &str, cameo: &str) -> String {
    let s = store::Store::open_read_only(db).unwrap();
    for doc in s.document_ids().unwrap() {
        for e in s.load(&doc).unwrap().events {
            if (
                e.source.actor.code.as_str(),
                e.target.actor.code.as_str(),
                e.cameo.as_str(),
            ) == (source, target, cameo)
            {
                return event_id(&doc, &e);
            }
        }
    }
    panic!("no stored event {source} -> {target} {cameo}");
}

fn vote(db: &Path, id: &str, up: bool, correction: Correction) {
    let mut s = store::Store::open(db).unwrap();
    s.add_vote(&NewVote {
        event_id: id.to_string(),
        up,
        note: None,
        who: "test".into(),
        correction,
    })
    .unwrap();
}

/// The database with its votes, once for this test binary: QATGOV -> ARE
/// (040) down-voted; IGONAT -> UKRGOV (042) corrected to the UN (IGOUNO)
/// expressing intent to cooperate (036).
fn voted() -> &'static Path {
    static DONE: std::sync::OnceLock<()> = std::sync::OnceLock::new();
    let dir = examples_dir("votes_cli");
    DONE.get_or_init(|| {
        let db = dir.join("examples.db");
        let rejected = find(&db, "QATGOV", "ARE", "040");
        let corrected = find(&db, "IGONAT", "UKRGOV", "042");
        vote(&db, &rejected, false, Correction::default());
        let fix = Correction {
            cameo: Some(CameoFix {
                cameo: "036".into(),
                root: "03".into(),
                plover: "COOPERATE".into(),
                quad_class: 1,
                goldstein: 4.0,
            }),
            source: Some("IGOUNO".into()),
            target: None,
        };
        vote(&db, &corrected, true, fix);
    });
    dir
}

fn events(dir: &Path, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["events", "--db", "examples.db", "--all", "--format", "json"];
    args.extend(extra);
    json(dir, &args).as_array().unwrap().clone()
}

fn has(rows: &[Value], source: &str, target: &str, cameo: &str) -> bool {
    rows.iter().any(|r| {
        (
            r["source_code"].as_str(),
            r["target_code"].as_str(),
            r["cameo"].as_str(),
        ) == (Some(source), Some(target), Some(cameo))
    })
}

#[test]
fn event_lists_leave_rejected_out_and_show_corrections() {
    let d = voted();
    let all = events(d, &["--include-rejected"]);
    let reviewed = events(d, &[]);
    assert_eq!(reviewed.len() + 1, all.len());
    assert!(!has(&reviewed, "QATGOV", "ARE", "040"));
    let back = all
        .iter()
        .find(|r| r["source_code"] == "QATGOV" && r["target_code"] == "ARE" && r["cameo"] == "040")
        .unwrap();
    assert_eq!(
        (&back["votes_down"], &back["rejected"]),
        (&Value::from(1), &Value::from(true))
    );
    // The correction replaces the coding; the machine's is kept beside it.
    let fixed = reviewed
        .iter()
        .find(|r| r["source_code"] == "IGOUNO")
        .expect("the corrected event");
    assert_eq!(
        (fixed["cameo"].as_str(), fixed["root"].as_str()),
        (Some("036"), Some("03"))
    );
    assert_eq!(fixed["machine_cameo"], "042");
    assert_eq!(fixed["machine_source"], "IGONAT");
    assert_eq!(fixed["votes_up"], 1);
    // Filters match the corrected coding, not the machine's.
    assert!(has(
        &events(d, &["--actor", "IGOUNO"]),
        "IGOUNO",
        "UKRGOV",
        "036"
    ));
    assert!(!has(
        &events(d, &["--root", "04", "--actor", "IGO"]),
        "IGOUNO",
        "UKRGOV",
        "036"
    ));
}

#[test]
fn dyads_actors_and_the_network_count_reviewed_events() {
    let d = voted();
    let dyad = |a: &str, b: &str, extra: &[&str]| {
        let mut args = vec!["dyad", "--db", "examples.db", a, b, "--format", "json"];
        args.extend(extra);
        json(d, &args)
    };
    let before = dyad("ARE", "QAT", &["--include-rejected"]);
    let after = dyad("ARE", "QAT", &[]);
    assert_eq!(
        after["mentions"].as_u64().unwrap() + 1,
        before["mentions"].as_u64().unwrap()
    );
    assert_eq!(
        after["events"].as_u64().unwrap() + 1,
        before["events"].as_u64().unwrap()
    );
    assert_eq!(dyad("IGOUNO", "UKR", &[])["events"], 1);
    assert_eq!(
        dyad("IGOUNO", "UKR", &[])["quad_classes"]["verbal_cooperation"],
        1
    );

    let actor = json(
        d,
        &["actor", "--db", "examples.db", "IGOUNO", "--format", "json"],
    );
    assert_eq!(actor["events"], 1);
    assert_eq!(actor["recent_events"][0]["cameo"], "036");

    let edge = |extra: &[&str]| -> u64 {
        let mut args = vec![
            "network",
            "--db",
            "examples.db",
            "--all",
            "--format",
            "json",
        ];
        args.extend(extra);
        json(d, &args)["arcs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["source"] == "QAT" && e["target"] == "ARE")
            .map_or(0, |e| e["events"].as_u64().unwrap())
    };
    assert_eq!(edge(&[]) + 1, edge(&["--include-rejected"]));
}

fn export(dir: &Path, format: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "export",
        "--db",
        "examples.db",
        "--format",
        format,
        "--out",
        "-",
    ];
    args.extend(extra);
    ok(dir, &args)
}

#[test]
fn every_export_counts_reviewed_events_with_vote_columns() {
    let d = voted();
    // CSV: vote columns, rejected rows only when asked for.
    let csv = export(d, "csv", &[]);
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with(
        "text,votes_up,votes_down,rejected,machine_cameo,machine_source,machine_target"
    ));
    let with = export(d, "csv", &["--include-rejected"]);
    assert_eq!(csv.lines().count() + 1, with.lines().count());
    let fixed = csv.lines().find(|l| l.contains(",IGOUNO,")).unwrap();
    assert!(fixed.ends_with(",1,0,false,042,IGONAT,"), "{fixed}");
    assert!(with
        .lines()
        .any(|l| l.contains(",QATGOV,") && l.ends_with(",0,1,true,,,")));

    // JSONL: the rejected event record out, the corrected one with its votes
    // and the machine's coding.
    let jsonl = export(d, "jsonl", &[]);
    let records: Vec<Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ev: Vec<&Value> = records.iter().filter(|r| r["kind"] == "event").collect();
    let all_ev = export(d, "jsonl", &["--include-rejected"])
        .lines()
        .filter(|l| l.contains("\"kind\":\"event\""))
        .count();
    assert_eq!(ev.len() + 1, all_ev);
    let fixed = ev.iter().find(|r| r["source"]["code"] == "IGOUNO").unwrap();
    assert_eq!(
        (&fixed["cameo"], &fixed["machine"]["cameo"]),
        (&Value::from("036"), &Value::from("042"))
    );
    assert_eq!(fixed["votes"]["up"], 1);

    // PLOVER.
    let plover = export(d, "plover", &[]);
    assert!(plover
        .lines()
        .any(|l| l.contains("\"machine_cameo\":\"042\"")));
    assert_eq!(
        plover.lines().count() + 1,
        export(d, "plover", &["--include-rejected"]).lines().count()
    );

    // GDELT: one row per reviewed deduplicated event; the corrected one has
    // its own row with the corrected codes.
    let gdelt = export(d, "gdelt", &[]);
    let rows: Vec<Vec<&str>> = gdelt.lines().map(|l| l.split('\t').collect()).collect();
    assert!(rows.iter().any(|r| r[5] == "IGOUNO" && r[26] == "036"));
    assert!(!rows
        .iter()
        .any(|r| r[5] == "QATGOV" && r[15] == "ARE" && r[26] == "040"));
    assert_eq!(
        rows.len() + 1,
        export(d, "gdelt", &["--include-rejected"]).lines().count()
    );

    // The graphs: the UN-Ukraine dyad exists, QAT -> ARE counts one event less.
    for format in ["graphml", "gexf"] {
        let g = export(d, format, &[]);
        assert!(g.contains("IGOUNO"), "{format}");
        assert_ne!(g, export(d, format, &["--include-rejected"]), "{format}");
    }
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_export_has_vote_columns() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let d = voted();
    let count = |extra: &[&str], out: &str| {
        let mut args = vec![
            "export",
            "--db",
            "examples.db",
            "--format",
            "parquet",
            "--out",
            out,
        ];
        args.extend(extra);
        ok(d, &args);
        let (mut rows, mut corrected) = (0, 0);
        for part in std::fs::read_dir(d.join(out)).unwrap() {
            let file = std::fs::File::open(part.unwrap().path().join("part-0.parquet")).unwrap();
            let reader = SerializedFileReader::new(file).unwrap();
            for row in reader.get_row_iter(None).unwrap() {
                rows += 1;
                let row = row.unwrap();
                let col = |name: &str| {
                    row.get_column_iter()
                        .find(|(n, _)| n.as_str() == name)
                        .map(|(_, v)| v.to_string())
                        .unwrap()
                };
                if col("machine_cameo") == "\"042\"" {
                    assert_eq!(col("cameo"), "\"036\"");
                    assert_eq!(col("votes_up"), "1");
                    corrected += 1;
                }
            }
        }
        (rows, corrected)
    };
    let (rows, corrected) = count(&[], "pq");
    assert_eq!(corrected, 1);
    assert_eq!(rows + 1, count(&["--include-rejected"], "pq-all").0);
}
