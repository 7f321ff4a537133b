//! `entente eval plover|acled`: reads the PLOVER gold JSON and ACLED CSV,
//! runs the pipeline and scores events with [`crate::events`].

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;
use lexicon::Lexicon;
use serde_json::Value;

use crate::corpus::csv_rows;
use crate::events::{
    acled_actor_country, acled_best, acled_fields, acled_hit, score_plover, summarise_plover,
    AcledMap, AcledNote, AcledWhereWhen, FieldScore, GoldActor, PloverGold, NEAR_KM,
};
use crate::{Code, Error};

/// The events `entente code` gives for one text of a known date.
fn events_of(code: Code, id: String, text: &str, date: NaiveDate) -> Vec<model::Event> {
    let doc = model::Document::from_text(id, text.to_string(), date.format("%Y-%m-%d").to_string());
    code(doc).events
}

fn gold_actors(v: &Value) -> Vec<GoldActor> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| {
                    let code = x.get("code")?.as_str()?.to_string();
                    let sector = x.get("sector").and_then(Value::as_str).map(String::from);
                    Some(GoldActor { code, sector })
                })
                .collect()
        })
        .unwrap_or_default()
}

fn pct((a, b): (usize, usize)) -> String {
    format!("{a}/{b} = {:.1}%", 100.0 * a as f64 / b.max(1) as f64)
}

/// Event type and actor accuracy on `PLOVER_GSR_CAMEO.json`.
pub fn run_plover(path: &Path, code: Code, out: &mut dyn Write) -> Result<(), Error> {
    let raw = std::fs::read_to_string(path)
        .map_err(Error::io(|| format!("reading {}", path.display())))?;
    let records: Vec<Value> = serde_json::from_str(&raw).map_err(|source| Error::Json {
        what: format!("parsing {} as a JSON array", path.display()),
        source,
    })?;
    let date = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
    let mut results = Vec::new();
    let mut confusion: BTreeMap<(String, String), usize> = BTreeMap::new();
    for r in &records {
        let (Some(event), Some(text)) = (r["event"].as_str(), r["text"].as_str()) else {
            continue;
        };
        if event == "DOCUMENT" {
            continue;
        }
        let gold = PloverGold {
            id: r["id"].as_str().unwrap_or("").to_string(),
            text: text.to_string(),
            event: event.to_string(),
            sources: gold_actors(&r["source"]),
            targets: gold_actors(&r["target"]),
        };
        let evs = events_of(code, gold.id.clone(), text, date);
        let res = score_plover(&gold, &evs);
        *confusion
            .entry((
                res.gold.clone(),
                res.predicted.clone().unwrap_or_else(|| "-".into()),
            ))
            .or_default() += 1;
        results.push(res);
    }
    let s = summarise_plover(&results);
    writeln!(
        out,
        "PLOVER {}: {} records, {} with an event",
        path.display(),
        s.records,
        s.with_event
    )?;
    writeln!(out, "event type accuracy: {}", pct(s.event_type))?;
    writeln!(
        out,
        "source country: {}  sector: {}",
        pct(s.source_country),
        pct(s.source_sector)
    )?;
    writeln!(
        out,
        "target country: {}  sector: {}",
        pct(s.target_country),
        pct(s.target_sector)
    )?;
    writeln!(
        out,
        "an event with the gold type, source country and target country: {}",
        pct(s.full)
    )?;
    writeln!(out, "most frequent errors (gold -> predicted):")?;
    let mut errs: Vec<_> = confusion.iter().filter(|((g, p), _)| g != p).collect();
    errs.sort_by(|a, b| b.1.cmp(a.1));
    for ((g, p), n) in errs.iter().take(12) {
        writeln!(out, "  {g} -> {p}: {n}")?;
    }
    Ok(())
}

/// Share of ACLED notes for which a fitting event is coded.
/// With `misses`, the notes without a fitting event go there as TSV (event
/// type, actor1, its country, the events coded, the note) for error analysis.
///
/// `lex` is the lexicon `code` was built with (its country names read
/// ACLED's actor names).
pub fn run_acled(
    path: &Path,
    misses: Option<&Path>,
    lex: &Lexicon,
    code: Code,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let mut miss_out = match misses {
        Some(p) => {
            let f = std::fs::File::create(p)
                .map_err(Error::io(|| format!("creating {}", p.display())))?;
            let mut w = std::io::BufWriter::new(f);
            writeln!(w, "event_type\tactor1\tcountry\tcoded\tnotes")?;
            Some(w)
        }
        None => None,
    };
    let raw = std::fs::read(path).map_err(Error::io(|| format!("reading {}", path.display())))?;
    let rows = csv_rows(&raw).map_err(Error::csv(path))?;
    let map = AcledMap::builtin().map_err(|source| Error::Table {
        what: "loading acled_map.tsv".into(),
        source,
    })?;
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for c in &lex.countries {
        for n in std::iter::once(&c.name)
            .chain(&c.aliases)
            .chain(&c.adjectives)
        {
            names.insert(n.to_lowercase(), c.code.clone());
        }
    }
    let resolve = |s: &str| names.get(&s.to_lowercase()).cloned();
    let (mut total, mut hits, mut bytes) = (0usize, 0usize, 0usize);
    let mut by_type: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    // Per field: (gold, coded, correct) over the notes.
    let mut fields = [(0usize, 0usize, 0usize); 4];
    let mut coded_notes = 0usize;
    let start = Instant::now();
    for row in &rows {
        let get = |k: &str| row.get(k).map(String::as_str).unwrap_or("");
        if get("notes").trim().is_empty() || get("actor1").trim().is_empty() {
            continue;
        }
        let note = AcledNote {
            notes: get("notes").to_string(),
            event_type: get("event_type").to_string(),
            actor1: get("actor1").to_string(),
            iso3: get("iso3").to_string(),
        };
        let country = acled_actor_country(&note.actor1, &note.iso3, &resolve);
        let date = NaiveDate::parse_from_str(get("event_date"), "%d-%b-%y").unwrap_or_default();
        let evs = events_of(code, String::new(), &note.notes, date);
        let ok = acled_hit(&note, &country, &evs, &map);
        let actor2 = get("actor2").trim();
        let gold = AcledWhereWhen {
            actor2_country: (!actor2.is_empty())
                .then(|| acled_actor_country(actor2, &note.iso3, &resolve)),
            date: if date == NaiveDate::default() {
                String::new()
            } else {
                date.format("%Y-%m-%d").to_string()
            },
            iso3: note.iso3.clone(),
            places: ["location", "admin1", "admin2", "admin3"]
                .iter()
                .map(|k| get(k).trim())
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect(),
            lat: get("latitude").trim().parse().ok(),
            lon: get("longitude").trim().parse().ok(),
        };
        let f = acled_fields(&gold, acled_best(&note, &country, &evs, &map));
        for (acc, f) in fields
            .iter_mut()
            .zip([f.actor2, f.date, f.place, f.place_country])
        {
            let FieldScore {
                gold,
                coded,
                correct,
            } = f;
            acc.0 += usize::from(gold);
            acc.1 += usize::from(coded && gold);
            acc.2 += usize::from(correct && gold);
        }
        coded_notes += usize::from(!evs.is_empty());
        if let (false, Some(w)) = (ok, miss_out.as_mut()) {
            let coded: Vec<String> = evs
                .iter()
                .map(|e| {
                    format!(
                        "{} {}>{}",
                        e.cameo, e.source.actor.code, e.target.actor.code
                    )
                })
                .collect();
            let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
            writeln!(
                w,
                "{}\t{}\t{country}\t{}\t{}",
                note.event_type,
                clean(&note.actor1),
                coded.join(", "),
                clean(&note.notes)
            )?;
        }
        total += 1;
        bytes += note.notes.len();
        hits += usize::from(ok);
        let e = by_type.entry(note.event_type.clone()).or_default();
        e.0 += usize::from(ok);
        e.1 += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    if let Some(w) = miss_out.as_mut() {
        w.flush()
            .map_err(Error::io(|| "writing the misses file".into()))?;
    }
    writeln!(out, "ACLED {}: {total} notes", path.display())?;
    writeln!(
        out,
        "notes with a fitting event from actor1's country: {}",
        pct((hits, total))
    )?;
    for (t, v) in &by_type {
        writeln!(out, "  {t}: {}", pct(*v))?;
    }
    // Of the notes where ACLED states a field: recall over all of them,
    // precision over those where we coded it; each scored on the note's best
    // event.
    writeln!(
        out,
        "other fields, on the best event of each note ({coded_notes} notes coded):"
    )?;
    writeln!(
        out,
        "  {:<34} {:>6} {:>6} {:>7} {:>9} {:>7} {:>6}",
        "field", "gold", "coded", "correct", "precision", "recall", "F1"
    )?;
    let labels = [
        "target = actor2's country".to_string(),
        "date = event_date".to_string(),
        format!("place within {NEAR_KM:.0} km or named area"),
        "place in the row's country".to_string(),
    ];
    for (label, (gold, coded, correct)) in labels.iter().zip(fields) {
        let p = correct as f64 / coded.max(1) as f64;
        let r = correct as f64 / gold.max(1) as f64;
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        writeln!(
            out,
            "  {label:<34} {gold:>6} {coded:>6} {correct:>7} {p:>9.3} {r:>7.3} {f1:>6.3}"
        )?;
    }
    writeln!(
        out,
        "pipeline speed: {:.0} notes/s, {:.2} MB/s",
        total as f64 / secs.max(1e-9),
        bytes as f64 / 1e6 / secs.max(1e-9)
    )?;
    Ok(())
}
