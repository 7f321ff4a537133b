//! `entente eval judged`: re-codes the documents of the judged sample (the
//! Guardian sample and AG News World items under `../shared/corpora`) and
//! reports strict and lenient precision over the events still coded as
//! they were judged, with the events that changed or went.

use crate::judged::{self, Judged, Tally};
use crate::{Code, Error};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

/// The documents the sample was drawn from, built exactly as they were
/// coded for judging (`tools/judged_sample.py` wrote the same JSON lines).
fn documents(corpora: &Path, wanted: &BTreeSet<&str>) -> Result<Vec<model::Document>, Error> {
    let mut lines = String::new();
    let push = |lines: &mut String, v: serde_json::Value| {
        lines.push_str(&v.to_string());
        lines.push('\n');
    };
    let g = corpora.join("news-guardian-sdf-2019/Guardian_SDF_sample.csv");
    let bytes = std::fs::read(&g).map_err(Error::io(|| format!("reading {}", g.display())))?;
    for (i, row) in crate::corpus::csv_rows(&bytes)
        .map_err(Error::csv(&g))?
        .iter()
        .enumerate()
    {
        let id = format!("guardian-{i}");
        if wanted.contains(id.as_str()) {
            let field = |k: &str| row.get(k).cloned().unwrap_or_default();
            push(
                &mut lines,
                serde_json::json!({"id": id, "text": field("text"), "date": field("date")}),
            );
        }
    }
    let a = corpora.join("news-agnews-test/test.csv");
    let bytes = std::fs::read(&a).map_err(Error::io(|| format!("reading {}", a.display())))?;
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[..]);
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(Error::csv(&a))?;
        let id = format!("agnews-{i}");
        if rec.get(0) == Some("1") && wanted.contains(id.as_str()) {
            // AG News keeps escaped newlines as backslashes.
            let text = rec.get(2).unwrap_or("").replace('\\', " ");
            push(
                &mut lines,
                serde_json::json!({"id": id, "title": rec.get(1).unwrap_or(""), "text": text}),
            );
        }
    }
    let opts = ingest::Options {
        // The dates the sample was coded with: the Guardian rows carry
        // their own; AG News (2004-05) has none.
        default_date: chrono::NaiveDate::from_ymd_opt(2004, 12, 1),
        today: chrono::NaiveDate::from_ymd_opt(2004, 12, 1).unwrap_or_default(),
        max_bytes: usize::MAX,
        csv: Default::default(),
    };
    let parsed = ingest::parse(
        lines.as_bytes(),
        ingest::Format::Jsonl,
        "judged sample",
        &opts,
    )
    .map_err(|e| Error::NotTheCorpus(e.to_string()))?;
    Ok(parsed.documents)
}

/// A trigger of the sample: its document and span.
type Trigger<'a> = (&'a str, [usize; 2]);

fn pct(a: usize, b: usize) -> String {
    format!("{a}/{b} = {:.1}%", 100.0 * a as f64 / b.max(1) as f64)
}

/// Scores fresh output at the sample's triggers; with `list`, prints every
/// event no row judges yet (to judge and add) and every trigger gone.
pub fn run(
    corpora: &Path,
    sample: &str,
    code: Code,
    list: bool,
    out: &mut dyn Write,
) -> Result<Tally, Error> {
    let all: Vec<Judged> =
        judged::parse("judged sample", sample).map_err(|e| Error::NotTheCorpus(e.to_string()))?;
    let wanted: BTreeSet<&str> = all.iter().map(|j| j.doc.as_str()).collect();
    let docs = documents(corpora, &wanted)?;
    let mut events: BTreeMap<String, Vec<model::Event>> = BTreeMap::new();
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    for d in docs {
        let id = d.id.clone();
        let text = d.text.clone();
        events.insert(id.clone(), code(d).events);
        texts.insert(id, text);
    }
    // The sample's triggers, in file order, with every row judging them.
    let mut triggers: Vec<(Trigger, Vec<&Judged>)> = Vec::new();
    for j in &all {
        match triggers
            .iter_mut()
            .find(|(k, _)| *k == (j.doc.as_str(), j.span))
        {
            Some((_, rows)) => rows.push(j),
            None => triggers.push(((j.doc.as_str(), j.span), vec![j])),
        }
    }
    let mut by_corpus: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut total = Tally::default();
    let mut listing = Vec::new();
    for ((doc, span), rows) in &triggers {
        let Some(evs) = events.get(*doc) else {
            return Err(Error::NotTheCorpus(format!(
                "document {doc} of the judged sample is not in {}",
                corpora.display()
            )));
        };
        let now: Vec<&model::Event> = evs.iter().filter(|e| e.span == *span).collect();
        let unjudged = total.add(rows, &all, doc, &now);
        by_corpus
            .entry(rows[0].corpus.as_str())
            .or_default()
            .add(rows, &all, doc, &now);
        if list {
            let trigger = texts
                .get(*doc)
                .and_then(|t| t.get(span[0]..span[1]))
                .unwrap_or("");
            if now.is_empty() {
                let j = rows[0];
                listing.push(format!(
                    "gone: {doc} {} {trigger:?} (was {} -> {} {} {} [{} {} {} {}] {})",
                    j.sentence,
                    j.source,
                    j.target,
                    j.cameo,
                    j.modality,
                    j.j_source,
                    j.j_target,
                    j.j_family,
                    j.j_modality,
                    j.note
                ));
            }
            for e in unjudged {
                listing.push(format!(
                    "unjudged: {doc} {} {trigger:?} {} -> {} {} {} ({})",
                    e.sentence,
                    e.source.actor.code,
                    e.target.actor.code,
                    e.cameo,
                    e.modality.as_str(),
                    e.rule
                ));
            }
        }
    }
    writeln!(out, "| sample | triggers | events now | judged | strict precision | lenient precision | triggers gone (had a strictly, leniently right coding) |")?;
    writeln!(out, "|---|---:|---:|---:|---:|---:|---:|")?;
    for (name, t) in by_corpus
        .iter()
        .map(|(k, t)| (*k, t))
        .chain([("all", &total)])
    {
        writeln!(
            out,
            "| {name} | {} | {} | {} | {} | {} | {} ({}, {}) |",
            t.triggers,
            t.events,
            t.judged,
            pct(t.strict, t.judged),
            pct(t.lenient, t.judged),
            t.gone,
            t.gone_strict,
            t.gone_lenient
        )?;
    }
    let unjudged = total.events - total.judged;
    if list {
        writeln!(out)?;
        for l in &listing {
            writeln!(out, "{l}")?;
        }
    } else if unjudged + total.gone > 0 {
        writeln!(
            out,
            "\n{unjudged} events no row judges yet and {} triggers gone: --list shows them",
            total.gone
        )?;
    }
    Ok(total)
}
