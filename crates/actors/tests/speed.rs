//! Recognition throughput on the Guardian sample (`../shared/corpora`), with
//! the built-in lexicon and with the Phoenix dictionaries imported. Run with
//! `cargo test -p actors --test speed -- --nocapture` to see the figures
//! (debug build: release is several times faster).

use actors::Recogniser;
use chrono::NaiveDate;
use lexicon::Lexicon;
use std::time::Instant;

/// The `text` column of a CSV file.
fn texts(csv: &str) -> Vec<String> {
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    let Some(col) = rdr
        .headers()
        .ok()
        .and_then(|h| h.iter().position(|c| c == "text"))
    else {
        return Vec::new();
    };
    rdr.records()
        .filter_map(|r| r.ok()?.get(col).map(String::from))
        .collect()
}

fn measure(label: &str, rec: &Recogniser, docs: &[(String, Vec<model::Sentence>)]) {
    let d = NaiveDate::from_ymd_opt(2019, 6, 1).unwrap_or_default();
    let bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();
    let t0 = Instant::now();
    let mut n = 0;
    for (t, s) in docs {
        n += rec.recognise(t, s, &[], d).len();
    }
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "{label}: {} docs, {:.2} MB, {n} mentions, {:.3} s, {:.2} MB/s",
        docs.len(),
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs
    );
}

#[test]
fn guardian_throughput() {
    let Some(csv) = testkit::shared_path("corpora/news-guardian-sdf-2019/Guardian_SDF_sample.csv")
    else {
        return;
    };
    let shared = testkit::shared_dir();
    let raw = std::fs::read_to_string(&csv).unwrap_or_else(|e| panic!("{}: {e}", csv.display()));
    let docs: Vec<(String, Vec<model::Sentence>)> = texts(&raw)
        .into_iter()
        .map(|t| {
            let s = text::sentences(&t);
            (t, s)
        })
        .collect();
    assert!(docs.len() > 100, "{} documents parsed", docs.len());
    let mut lex = Lexicon::builtin().unwrap_or_else(|e| panic!("{e}"));
    let t0 = Instant::now();
    let rec = Recogniser::new(&lex);
    println!(
        "built-in lexicon: recogniser built in {:.3} s",
        t0.elapsed().as_secs_f64()
    );
    measure("built-in lexicon", &rec, &docs);

    let dir = shared.join("petrarch2/dictionaries");
    let mut files = Vec::new();
    for name in [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
        "Phoenix.agents.txt",
    ] {
        if let Ok(c) = std::fs::read_to_string(dir.join(name)) {
            files.push((name.to_string(), c));
        }
    }
    if files.is_empty() {
        testkit::skip(&format!("Phoenix figures: {} not found", dir.display()));
        return;
    }
    lex.import_petrarch(&files);
    let t0 = Instant::now();
    let rec = Recogniser::new(&lex);
    println!(
        "with Phoenix dictionaries: recogniser built in {:.3} s",
        t0.elapsed().as_secs_f64()
    );
    measure("with Phoenix dictionaries", &rec, &docs);
}

/// Prints the mentions of a few Guardian articles, for eyeballing
/// (`ENTENTE_SHOW_DOCS=3`).
#[test]
fn guardian_show() {
    let n: usize = std::env::var("ENTENTE_SHOW_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let shared = testkit::shared_dir();
    let csv = shared.join("corpora/news-guardian-sdf-2019/Guardian_SDF_sample.csv");
    let Ok(raw) = std::fs::read_to_string(&csv) else {
        return;
    };
    let mut lex = Lexicon::builtin().unwrap_or_else(|e| panic!("{e}"));
    if std::env::var("ENTENTE_SHOW_PHOENIX").is_ok() {
        let dir = shared.join("petrarch2/dictionaries");
        let files: Vec<(String, String)> = [
            "Phoenix.Countries.actors.txt",
            "Phoenix.International.actors.txt",
            "Phoenix.MilNonState.actors.txt",
            "Phoenix.agents.txt",
        ]
        .iter()
        .filter_map(|n| Some((n.to_string(), std::fs::read_to_string(dir.join(n)).ok()?)))
        .collect();
        lex.import_petrarch(&files);
    }
    let rec = Recogniser::new(&lex);
    let d = NaiveDate::from_ymd_opt(2019, 6, 1).unwrap_or_default();
    for t in texts(&raw).iter().take(n) {
        let s = text::sentences(t);
        for m in rec.recognise(t, &s, &[], d) {
            println!(
                "{:?}\t{}\t{}\t{}",
                m.text,
                m.actor.code,
                m.actor.kind.as_str(),
                m.rule
            );
        }
        println!("----");
    }
}
