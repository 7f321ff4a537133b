//! Scores on the shared corpora (skipped without ../shared): PLOVER gold event
//! types, ACLED notes, and coding speed over the Guardian sample.

use std::collections::BTreeMap;
use std::time::Instant;

use chrono::NaiveDate;
use eval::events::{
    acled_actor_country, acled_hit, score_plover, summarise_plover, AcledMap, AcledNote, GoldActor,
    PloverGold,
};
use events::EventCoder;
use serde_json::Value;

fn gold_actors(v: &Value) -> Vec<GoldActor> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| {
                    Some(GoldActor {
                        code: x.get("code")?.as_str()?.to_string(),
                        sector: x.get("sector").and_then(Value::as_str).map(String::from),
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

fn code(
    pipe: &testkit::Pipeline,
    coder: &EventCoder,
    text: &str,
    date: NaiveDate,
) -> Vec<model::Event> {
    let p = pipe.prepare(text, date);
    coder.code(text, &p.sentences, &p.tokens, &p.mentions, &p.times, date)
}

#[test]
fn plover_gold_event_types() {
    let Some(shared) = testkit::shared() else {
        return;
    };
    let raw = std::fs::read_to_string(shared.join("corpora/plover-gsr/PLOVER_GSR_CAMEO.json"))
        .expect("readable");
    let records: Vec<Value> = serde_json::from_str(&raw).expect("json");
    let pipe = testkit::Pipeline::new();
    // PLOVER_PETRARCH=1 adds the PETRARCH/TABARI verb dictionaries as an overlay.
    let coder = if std::env::var("PLOVER_PETRARCH").is_ok() {
        let files = testkit::petrarch_verb_files(&shared);
        let (lex, _) = events::VerbLexicon::with_petrarch(&files).expect("overlay");
        EventCoder::with_verbs(lex).expect("coder")
    } else {
        EventCoder::builtin().expect("coder")
    };
    let date = NaiveDate::from_ymd_opt(2000, 1, 1).expect("date");
    let mut results = Vec::new();
    let mut errs: BTreeMap<String, usize> = BTreeMap::new();
    for r in &records {
        let (Some(event), Some(text)) = (r["event"].as_str(), r["text"].as_str()) else {
            continue;
        };
        if event == "DOCUMENT" {
            continue;
        }
        let gold = PloverGold {
            id: r["id"].as_str().unwrap_or("").into(),
            text: text.into(),
            event: event.into(),
            sources: gold_actors(&r["source"]),
            targets: gold_actors(&r["target"]),
        };
        let evs = code(&pipe, &coder, text, date);
        let res = score_plover(&gold, &evs);
        if !res.type_ok {
            *errs
                .entry(format!(
                    "{} -> {}",
                    res.gold,
                    res.predicted.clone().unwrap_or("-".into())
                ))
                .or_default() += 1;
            if std::env::var("PLOVER_VERBOSE").is_ok() {
                eprintln!(
                    "{} {} -> {:?} | {}",
                    res.id,
                    res.gold,
                    evs.iter()
                        .map(|e| format!(
                            "{} {}->{} [{}]",
                            e.cameo, e.source.actor.code, e.target.actor.code, e.rule
                        ))
                        .collect::<Vec<_>>(),
                    text
                );
            }
        }
        results.push(res);
    }
    let s = summarise_plover(&results);
    eprintln!("PLOVER: {s:?}");
    let mut e: Vec<_> = errs.into_iter().collect();
    e.sort_by_key(|x| std::cmp::Reverse(x.1));
    eprintln!("errors: {:?}", &e[..e.len().min(15)]);
    let acc = s.event_type.0 as f64 / s.event_type.1.max(1) as f64;
    eprintln!("PLOVER event type accuracy {:.1}%", 100.0 * acc);
    // The aim is 60%; today's figure is 60.6% (195/322).
    // The overlay is measured, not held to the bar (it adds noise: ~54%).
    if std::env::var("PLOVER_PETRARCH").is_err() {
        assert!(acc >= 0.60, "PLOVER event type accuracy {acc:.3}");
    }
}

#[test]
fn acled_notes_have_fitting_events() {
    let Some(shared) = testkit::shared() else {
        return;
    };
    let raw =
        std::fs::read(shared.join("corpora/acled-global-2020-05/acled.csv")).expect("readable");
    let mut rdr = csv::Reader::from_reader(raw.as_slice());
    let headers = rdr.headers().expect("header").clone();
    let lex = lexicon::Lexicon::builtin().expect("lexicon");
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
    let map = AcledMap::builtin().expect("map");
    let pipe = testkit::Pipeline::new();
    let coder = EventCoder::builtin().expect("coder");
    let limit: usize = std::env::var("ACLED_LIMIT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(usize::MAX);
    let (mut total, mut hits) = (0usize, 0usize);
    let mut by_type: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for rec in rdr.records().flatten().take(limit) {
        let get = |k: &str| {
            headers
                .iter()
                .position(|h| h == k)
                .and_then(|i| rec.get(i))
                .unwrap_or("")
        };
        let note = AcledNote {
            notes: get("notes").into(),
            event_type: get("event_type").into(),
            actor1: get("actor1").into(),
            iso3: get("iso3").into(),
        };
        if note.notes.trim().is_empty() {
            continue;
        }
        let country = acled_actor_country(&note.actor1, &note.iso3, &resolve);
        let date = NaiveDate::parse_from_str(get("event_date"), "%d-%b-%y").unwrap_or_default();
        let evs = code(&pipe, &coder, &note.notes, date);
        let ok = acled_hit(&note, &country, &evs, &map);
        if !ok && std::env::var("ACLED_VERBOSE").is_ok() {
            eprintln!(
                "MISS {} [{}] {} | {:?} | {}",
                note.event_type,
                country,
                note.actor1,
                evs.iter()
                    .map(|e| format!(
                        "{} {}->{}",
                        e.cameo, e.source.actor.code, e.target.actor.code
                    ))
                    .collect::<Vec<_>>(),
                note.notes
            );
        }
        total += 1;
        hits += usize::from(ok);
        let e = by_type.entry(note.event_type.clone()).or_default();
        e.0 += usize::from(ok);
        e.1 += 1;
    }
    let share = hits as f64 / total.max(1) as f64;
    eprintln!("ACLED: {hits}/{total} = {:.1}%  {by_type:?}", 100.0 * share);
    // Today's figure is 74.0% (3,752) on all 5,070 notes: 75.2% before towns
    // stopped acting as sources ("in Juina, Mato Grosso, ... exchanging
    // fire" coded the town as the shooter, which matched actor1's country
    // by luck) and 74.3% before places in prepositional phrases stopped
    // being subjects at all (same luck). Most of the rest name only villages
    // the gazetteer lacks (the OSCE notes from Ukraine's front line are 5% of
    // the file) or actors no lexicon knows.
    assert!(share >= 0.735, "ACLED share {share:.3}");
}

#[test]
fn coding_speed_over_the_guardian_sample() {
    let Some(shared) = testkit::shared() else {
        return;
    };
    let raw = std::fs::read(shared.join("corpora/news-guardian-sdf-2019/Guardian_SDF_sample.csv"))
        .expect("readable");
    let mut rdr = csv::Reader::from_reader(raw.as_slice());
    let pipe = testkit::Pipeline::new();
    let coder = EventCoder::builtin().expect("coder");
    let date = NaiveDate::from_ymd_opt(2019, 6, 1).expect("date");
    let docs: Vec<String> = rdr
        .records()
        .flatten()
        .filter_map(|r| r.get(2).map(String::from))
        .collect();
    let prepared: Vec<(String, testkit::Prepared)> = docs
        .into_iter()
        .map(|d| {
            let p = pipe.prepare(&d, date);
            (d, p)
        })
        .collect();
    let start = Instant::now();
    let (mut sents, mut bytes, mut events) = (0usize, 0usize, 0usize);
    for (d, p) in &prepared {
        events += coder
            .code(d, &p.sentences, &p.tokens, &p.mentions, &p.times, date)
            .len();
        sents += p.sentences.len();
        bytes += d.len();
    }
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    eprintln!(
        "Guardian: {} docs, {sents} sentences, {events} events; coder alone {:.0} sentences/s, {:.2} MB/s",
        prepared.len(),
        sents as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
    assert!(events > 0);
}
