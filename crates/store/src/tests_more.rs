//! Store tests for deduplication, search, queries and exports, on synthetic coded documents.

use super::*;
use model::{
    Actor, ActorType, DateSource, Event, Mention, Modality, Participant, Quote, Sentence, Speaker,
};
use rusqlite::params;

fn participant(code: &str, name: &str, text: &str, span: [usize; 2]) -> Participant {
    Participant {
        actor: Actor {
            code: code.into(),
            country: Some(code.chars().take(3).collect()),
            role: (code.len() > 3).then(|| code[3..].to_string()),
            name: name.into(),
            id: format!("test:{name}"),
            kind: ActorType::Country,
        },
        text: text.into(),
        span,
    }
}

fn event(src: &str, tgt: &str, cameo: &str, date: &str, quad: u8, goldstein: f64) -> Event {
    Event {
        sentence: 0,
        span: [7, 11],
        source: participant(src, "Israel", "Israel", [0, 6]),
        target: participant(tgt, "Turkey", "Turkey", [17, 23]),
        cameo: cameo.into(),
        root: cameo[..2].into(),
        plover: if quad <= 2 { "CONSULT" } else { "ACCUSE" }.into(),
        mode: None,
        goldstein,
        quad_class: quad,
        modality: Modality::Asserted,
        reported_by: None,
        date: date.into(),
        date_precision: "day".into(),
        place: None,
        rule: "test".into(),
        confidence: 0.9,
    }
}

/// A one-sentence article reporting `events`, from `source`.
fn article(id: &str, source: &str, date: &str, text: &str, events: Vec<Event>) -> Coded {
    Coded {
        document: Some(Document {
            id: id.into(),
            title: Some(format!("Article {id}")),
            author: None,
            date: date.into(),
            date_source: DateSource::Metadata,
            url: Some(format!("https://{source}/news/{id}")),
            source: None,
            format: "text".into(),
            text: text.into(),
            boilerplate: Vec::new(),
        }),
        sentences: vec![Sentence {
            index: 0,
            span: [0, text.len()],
        }],
        events,
        ..Coded::default()
    }
}

const MET: &str = "Israel met with Turkey over red lines in Syria.";

fn groups(s: &Store) -> Vec<(String, String, String, String, i64, i64, i64)> {
    let mut st = s
        .connection()
        .prepare("SELECT day, source_code, target_code, cameo, num_mentions, num_sources, num_articles FROM event_groups ORDER BY id")
        .unwrap();
    st.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
        ))
    })
    .unwrap()
    .collect::<std::result::Result<_, _>>()
    .unwrap()
}

#[test]
fn two_articles_one_event() {
    let mut s = Store::memory().unwrap();
    let e = event("ISRGOV", "TUR", "040", "2025-04-03", 1, 1.0);
    s.put(
        &article("a", "one.example", "2025-04-03", MET, vec![e.clone()]),
        None,
        false,
    )
    .unwrap();
    s.put(
        &article(
            "b",
            "two.example",
            "2025-04-04",
            MET,
            vec![e.clone(), e.clone()],
        ),
        None,
        false,
    )
    .unwrap();
    // Same outlet as `a`: a third article but not a third source.
    s.put(
        &article("c", "one.example", "2025-04-04", MET, vec![e.clone()]),
        None,
        false,
    )
    .unwrap();
    let g = groups(&s);
    assert_eq!(g.len(), 1);
    assert_eq!(
        g[0],
        (
            "2025-04-03".into(),
            "ISRGOV".into(),
            "TUR".into(),
            "040".into(),
            4,
            2,
            3
        )
    );
    // A different day, code or direction is another event.
    let other = vec![
        event("ISRGOV", "TUR", "040", "2025-04-05", 1, 1.0),
        event("TUR", "ISRGOV", "040", "2025-04-03", 1, 1.0),
        event("ISRGOV", "TUR", "112", "2025-04-03", 3, -2.0),
    ];
    s.put(
        &article("d", "three.example", "2025-04-06", MET, other),
        None,
        false,
    )
    .unwrap();
    assert_eq!(groups(&s).len(), 4);
    // Re-ingesting changes nothing.
    let before = (groups(&s), s.counts().unwrap());
    assert!(!s
        .put(
            &article("a", "one.example", "2025-04-03", MET, vec![e.clone()]),
            None,
            false
        )
        .unwrap());
    assert_eq!((groups(&s), s.counts().unwrap()), before);
}

#[test]
fn replace_and_recode_keep_counts_right() {
    let mut s = Store::memory().unwrap();
    let e = event("ISRGOV", "TUR", "040", "2025-04-03", 1, 1.0);
    let a = article("a", "one.example", "2025-04-03", MET, vec![e.clone()]);
    let b = article("b", "two.example", "2025-04-03", MET, vec![e.clone()]);
    s.put(&a, Some("a.txt"), false).unwrap();
    s.put(&b, Some("b.txt"), false).unwrap();
    let before = groups(&s);
    let id: i64 = s
        .connection()
        .query_row("SELECT id FROM event_groups", [], |r| r.get(0))
        .unwrap();
    // Replacing with the same records keeps the group and its id.
    s.put(&a, Some("a.txt"), true).unwrap();
    s.replace_records(&b).unwrap();
    assert_eq!(groups(&s), before);
    let same: i64 = s
        .connection()
        .query_row("SELECT id FROM event_groups", [], |r| r.get(0))
        .unwrap();
    assert_eq!(same, id);
    // Recoding `b` without the event leaves one article; without it in `a` too, no group.
    s.replace_records(&article("b", "two.example", "2025-04-03", MET, vec![]))
        .unwrap();
    assert_eq!(groups(&s)[0].4..=groups(&s)[0].6, 1..=1);
    s.put(
        &article("a", "one.example", "2025-04-03", MET, vec![]),
        None,
        true,
    )
    .unwrap();
    assert!(groups(&s).is_empty());
    assert_eq!(s.counts().unwrap().events, 0);
    // The recoded document keeps its row.
    let origin: Option<String> = s
        .connection()
        .query_row(
            "SELECT s.text FROM documents d JOIN strings s ON s.id = d.origin WHERE d.id = 'b'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(origin.as_deref(), Some("b.txt"));
    assert!(matches!(
        s.replace_records(&article("zz", "x", "2025-01-01", MET, vec![])),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn search_finds_stemmed_words_and_forgets_replaced_text() {
    let mut s = Store::memory().unwrap();
    s.put(
        &article("a", "one.example", "2025-04-03", MET, vec![]),
        None,
        false,
    )
    .unwrap();
    s.put(
        &article(
            "b",
            "two.example",
            "2025-04-02",
            "Ankara warned of a red line.",
            vec![],
        ),
        None,
        false,
    )
    .unwrap();
    let hits = s.search("red lines", 10).unwrap();
    assert_eq!(hits.len(), 2, "{hits:?}");
    assert!(
        hits.iter().any(|h| h.snippet.contains("**red** **lines**")),
        "{hits:?}"
    );
    assert_eq!(s.search("\"red lines\"", 10).unwrap().len(), 2);
    assert_eq!(s.search("\"red lines in\"", 10).unwrap().len(), 1);
    assert_eq!(s.search("Ankara OR Syria", 10).unwrap().len(), 2);
    assert!(s.search("al-Assad's", 10).unwrap().is_empty());
    let err = s.search("\"unbalanced", 10);
    assert!(matches!(err, Err(StoreError::Search { .. })), "{err:?}");
    // A page of the ranked hits is the same hits, in the same order.
    let all = s.search("red lines", 10).unwrap();
    for (limit, offset) in [(1, 0), (1, 1), (5, 0), (5, 2)] {
        let (total, page) = s.search_page("red lines", 10, limit, offset).unwrap();
        assert_eq!(total, all.len());
        let want: Vec<_> = all.iter().skip(offset).take(limit).cloned().collect();
        assert_eq!(page, want, "limit {limit} offset {offset}");
    }
    assert_eq!(s.search_page("red lines", 1, 5, 0).unwrap().0, 1);
    assert!(matches!(
        s.search_page("\"unbalanced", 10, 5, 0),
        Err(StoreError::Search { .. })
    ));
    // Replacing the document replaces its searchable text.
    s.put(
        &article("b", "two.example", "2025-04-02", "Nothing here.", vec![]),
        None,
        true,
    )
    .unwrap();
    assert_eq!(s.search("red lines", 10).unwrap().len(), 1);
    assert_eq!(s.search("nothing", 10).unwrap()[0].doc, "b");
}

fn sample() -> Store {
    let mut s = Store::memory().unwrap();
    for c in sample_docs() {
        s.put(&c, None, false).unwrap();
    }
    s
}

/// The documents of [`sample`]: one with three events, a quote whose
/// speaker's text is not its span's, and a mention; one with one event.
pub(crate) fn sample_docs() -> Vec<Coded> {
    let mut planned = event("ISRGOV", "TUR", "036", "2025-05-10", 1, 4.0);
    planned.modality = Modality::Planned;
    let mut a = article(
        "a",
        "one.example",
        "2025-04-03",
        MET,
        vec![
            event("ISRGOV", "TUR", "040", "2025-04-03", 1, 1.0),
            event("TURGOV", "ISR", "112", "2025-04-03", 3, -2.0),
            planned,
        ],
    );
    a.quotes.push(Quote {
        sentence: 0,
        span: [0, MET.len()],
        speaker: Speaker::Actor(participant("TURGOV", "Hakan Fidan", "Fidan", [0, 5])),
        cue: "said".into(),
        content: "Israel crossed red lines".into(),
        content_span: [0, 20],
        style: "indirect".into(),
        rule: "test".into(),
    });
    a.mentions.push(Mention {
        span: [0, 6],
        text: "Israel".into(),
        sentence: 0,
        actor: participant("ISR", "Israel", "Israel", [0, 6]).actor,
        rule: "test".into(),
        discovered: false,
        evidence: None,
    });
    vec![
        a,
        article(
            "b",
            "two.example",
            "2025-03-01",
            "Azerbaijan hosted talks.",
            vec![event("AZEGOV", "ISR", "043", "2025-03-01", 1, 2.8)],
        ),
    ]
}

#[test]
fn event_filters() {
    let s = sample();
    let n = |f: EventFilter| s.events(&f).unwrap().len();
    assert_eq!(n(EventFilter::default()), 4);
    assert_eq!(
        n(EventFilter {
            actor: Some("ISR".into()),
            ..Default::default()
        }),
        4
    );
    assert_eq!(
        n(EventFilter {
            actor: Some("isrgov".into()),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        n(EventFilter {
            actor: Some("AZE".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        n(EventFilter {
            dyad: Some(("TUR".into(), "ISR".into())),
            ..Default::default()
        }),
        3
    );
    assert_eq!(
        n(EventFilter {
            root: Some("04".into()),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        n(EventFilter {
            plover: Some("accuse".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        n(EventFilter {
            modality: Some("planned".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        n(EventFilter {
            from: Some("2025-04-01".into()),
            to: Some("2025-04-30".into()),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        n(EventFilter {
            text: Some("hosted".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        n(EventFilter {
            limit: Some(1),
            ..Default::default()
        }),
        1
    );
    let rows = s
        .events(&EventFilter {
            actor: Some("AZE".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(rows[0].text, "Azerbaijan hosted talks.");
    assert_eq!(rows[0].month(), "2025-03");
    assert_eq!(rows[0].num_articles, 1);

    // A week-dated event is filtered and grouped by its report's date.
    let mut s = Store::memory().unwrap();
    s.put(
        &article(
            "w",
            "one.example",
            "2019-03-25",
            MET,
            vec![event("USA", "SYR", "190", "2019-W12-WE", 4, -10.0)],
        ),
        None,
        false,
    )
    .unwrap();
    let in_march = EventFilter {
        from: Some("2019-03-01".into()),
        to: Some("2019-03-31".into()),
        ..Default::default()
    };
    assert_eq!(s.events(&in_march).unwrap().len(), 1);
    assert_eq!(s.events(&in_march).unwrap()[0].month(), "2019-03");
    assert_eq!(s.dyad("USA", "SYR").unwrap().timeline[0].month, "2019-03");
}

#[test]
fn actor_profile_and_dyad() {
    let s = sample();
    let p = s.actor_profile("ISR", 10).unwrap();
    assert_eq!(p.actor, "ISR");
    assert_eq!(p.events, 4);
    assert_eq!(p.names[0].name, "Israel");
    let tur = p.partners.iter().find(|x| x.code == "TUR").unwrap();
    assert_eq!((tur.events, tur.cooperation, tur.conflict), (3, 2, 1));
    assert_eq!(tur.mean_goldstein, 1.0);
    assert_eq!(
        p.partners.iter().find(|x| x.code == "AZE").unwrap().events,
        1
    );
    assert_eq!(p.quotes_about.len(), 1);
    assert!(p.quotes_by.is_empty());
    let t = s.actor_profile("TUR", 10).unwrap();
    assert_eq!(t.quotes_by[0].speaker, "Hakan Fidan");

    let d = s.dyad("ISR", "TUR").unwrap();
    assert_eq!((d.events, d.a_to_b.events, d.b_to_a.events), (3, 2, 1));
    assert_eq!(d.mean_goldstein, Some(1.0));
    assert_eq!(d.quad_classes.verbal_conflict, 1);
    let months: Vec<_> = d
        .timeline
        .iter()
        .map(|m| (m.month.as_str(), m.events))
        .collect();
    assert_eq!(months, [("2025-04", 2), ("2025-05", 1)]);
    assert_eq!(s.dyad("ISR", "ZZZ").unwrap().mean_goldstein, None);
}

#[test]
fn exports() {
    let s = sample();
    let rows = s.gdelt_rows().unwrap();
    assert_eq!(rows.len(), 4);
    let col = |name: &str| GDELT_COLUMNS.iter().position(|c| *c == name).unwrap();
    let r = rows.iter().find(|r| r[col("EventCode")] == "112").unwrap();
    assert_eq!(r[col("Day")], "20250403");
    assert_eq!(r[col("MonthYear")], "202504");
    assert_eq!(r[col("Actor1Code")], "TURGOV");
    assert_eq!(r[col("Actor1CountryCode")], "TUR");
    assert_eq!(r[col("Actor1Type1Code")], "GOV");
    assert_eq!(r[col("Actor2Code")], "ISR");
    assert_eq!(r[col("EventBaseCode")], "112");
    assert_eq!(r[col("EventRootCode")], "11");
    assert_eq!(r[col("QuadClass")], "3");
    assert_eq!(r[col("GoldsteinScale")], "-2.0");
    assert_eq!(r[col("NumArticles")], "1");
    assert_eq!(r[col("IsRootEvent")], "1");
    assert_eq!(r[col("SOURCEURL")], "https://one.example/news/a");
    assert_eq!(r[col("DATEADDED")].len(), 14);
    assert_eq!(r[col("FractionDate")], "2025.2548");
    assert_eq!(
        actor_columns_for_test("IGOUNOMIL"),
        ["IGOUNOMIL", "", "", "UNO", "", "", "", "IGO", "MIL", ""]
    );

    // An event dated to a month only takes its first report's day.
    let mut s2 = Store::memory().unwrap();
    s2.put(
        &article(
            "m",
            "one.example",
            "2025-05-02",
            MET,
            vec![event("ISR", "TUR", "040", "2025-04", 1, 1.0)],
        ),
        None,
        false,
    )
    .unwrap();
    let r = &s2.gdelt_rows().unwrap()[0];
    assert_eq!(
        (r[col("Day")].as_str(), r[col("MonthYear")].as_str()),
        ("20250502", "202505")
    );
    assert_eq!(r[col("Actor1Type1Code")], "");

    let p = s.plover_events().unwrap();
    assert_eq!(p.len(), 4);
    assert!(p
        .iter()
        .any(|e| e.event_type == "ACCUSE" && e.source_sector.as_deref() == Some("GOV")));

    let g = s.actor_graph().unwrap();
    let ids: Vec<_> = g.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["AZE", "ISR", "TUR"]);
    assert_eq!(g.nodes[1].label, "Israel");
    let e = g
        .edges
        .iter()
        .find(|e| e.source == "ISR" && e.target == "TUR")
        .unwrap();
    assert_eq!(
        (e.events, e.cooperation, e.conflict, e.cooperation_weight),
        (2, 2, 0, 5.0)
    );
}

fn actor_columns_for_test(code: &str) -> [String; 10] {
    export::actor_columns(code, "")
}

#[test]
fn migration_backfills_groups_and_search() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("old.db");
    {
        // A database written by the previous schema (version 3).
        let mut conn = Connection::open(&p).unwrap();
        let tx = conn.transaction().unwrap();
        for (_, sql) in &MIGRATIONS[..3] {
            tx.execute_batch(sql).unwrap();
        }
        tx.pragma_update(None, "user_version", 3).unwrap();
        let e = event("ISRGOV", "TUR", "040", "2025-04-03", 1, 1.0);
        for (id, src) in [("a", "one.example"), ("b", "two.example")] {
            let c = article(id, src, "2025-04-03", MET, vec![e.clone()]);
            let doc = c.document.as_ref().unwrap();
            tx.execute(
                "INSERT INTO documents (id, title, author, date, date_source, url, source, format, text, boilerplate, origin, ingested_at)
                 VALUES (?1, NULL, NULL, ?2, 'metadata', ?3, NULL, 'text', ?4, '[]', NULL, datetime('now'))",
                params![doc.id, doc.date, doc.url, doc.text],
            )
            .unwrap();
            tx.execute(
                "INSERT INTO sentences VALUES (?1, 0, 0, ?2)",
                params![doc.id, MET.len() as i64],
            )
            .unwrap();
            tx.execute(
                "INSERT INTO events (doc, sentence, start, end, source_code, source_country, target_code, target_country, cameo, root, plover, quad_class, goldstein, modality, date, json)
                 VALUES (?1, 0, 7, 11, 'ISRGOV', 'ISR', 'TUR', 'TUR', '040', '04', 'CONSULT', 1, 1.0, 'asserted', '2025-04-03', ?2)",
                params![doc.id, serde_json::to_string(&e).unwrap()],
            )
            .unwrap();
        }
        tx.commit().unwrap();
    }
    let mut s = Store::open(&p).unwrap();
    assert_eq!(
        groups(&s),
        [(
            "2025-04-03".into(),
            "ISRGOV".into(),
            "TUR".into(),
            "040".into(),
            2,
            2,
            2
        )]
    );
    assert_eq!(s.search("red lines", 10).unwrap().len(), 2);
    // And the migrated rows are maintained like new ones.
    s.put(
        &article("a", "one.example", "2025-04-03", MET, vec![]),
        None,
        true,
    )
    .unwrap();
    assert_eq!(groups(&s)[0].6, 1);
    assert_eq!(s.search("red lines", 10).unwrap().len(), 2);
}

/// Group counts after any sequence of puts, replaces and recodes equal a
/// recount from scratch (a seeded random walk; the invariant, not examples).
#[test]
fn group_counts_match_a_recount_after_random_updates() {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let mut s = Store::memory().unwrap();
    let actors = ["ISRGOV", "TUR", "AZE"];
    let cameos = [("040", 1u8, 1.0), ("112", 3, -2.0)];
    let days = ["2025-04-03", "2025-04-04"];
    for step in 0..300 {
        let id = format!("d{}", next(6));
        let outlet = ["one.example", "two.example", "three.example"][next(3) as usize];
        let events = (0..next(4))
            .map(|_| {
                let (c, q, g) = cameos[next(2) as usize];
                event(
                    actors[next(3) as usize],
                    actors[next(3) as usize],
                    c,
                    days[next(2) as usize],
                    q,
                    g,
                )
            })
            .collect();
        let a = article(&id, outlet, "2025-04-05", MET, events);
        match next(3) {
            0 => {
                s.put(&a, None, false).unwrap();
            }
            1 => {
                s.put(&a, None, true).unwrap();
            }
            _ => {
                if s.contains(&id).unwrap() {
                    s.replace_records(&a).unwrap();
                }
            }
        }
        let expected: Vec<(String, String, String, String, i64, i64, i64)> = {
            let mut st = s
                .connection()
                .prepare(
                    "SELECT e.date, e.source_code, e.target_code, e.cameo, count(*),
                            count(DISTINCT coalesce(d.outlet, 'doc:' || d.id)), count(DISTINCT e.doc)
                     FROM events e JOIN documents d ON d.seq = e.doc
                     GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
                )
                .unwrap();
            st.query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })
            .unwrap()
            .collect::<std::result::Result<_, _>>()
            .unwrap()
        };
        let mut got = groups(&s);
        got.sort();
        assert_eq!(got, expected, "after step {step}");
        let orphans: i64 = s
            .connection()
            .query_row(
                "SELECT count(*) FROM events e LEFT JOIN event_groups g ON g.id = e.group_id
                 WHERE g.id IS NULL OR g.day != e.date OR g.cameo != e.cameo",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(orphans, 0, "after step {step}");
        // The index holds exactly the stored sentences' words (FTS5 checks
        // an external-content index against its content).
        s.connection()
            .execute(
                "INSERT INTO sentence_fts (sentence_fts, rank) VALUES ('integrity-check', 1)",
                [],
            )
            .unwrap_or_else(|e| panic!("search index out of step after step {step}: {e}"));
    }
}

/// A batch (`put_many`) makes the same event groups, with the same ids and
/// values, as putting its documents one at a time: each group is created by
/// the first document that has it, including when two documents give one
/// group different values, and its counts are the batch's final state.
#[test]
fn a_batch_groups_events_as_one_document_at_a_time_does() {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let actors = ["ISRGOV", "TUR", "AZE"];
    let days = ["2025-04-03", "2025-04-04"];
    let articles: Vec<Coded> = (0..60)
        .map(|_| {
            let events = (0..next(4))
                .map(|_| {
                    // Same key, values that differ between documents.
                    let (c, q, g) =
                        [("040", 1u8, 1.0), ("112", 3, -2.0), ("040", 2, 3.5)][next(3) as usize];
                    event(
                        actors[next(3) as usize],
                        actors[next(3) as usize],
                        c,
                        days[next(2) as usize],
                        q,
                        g,
                    )
                })
                .collect();
            let outlet = ["one.example", "two.example"][next(2) as usize];
            // Some ids twice, so the batch also meets a stored document.
            article(&format!("d{}", next(45)), outlet, "2025-04-05", MET, events)
        })
        .collect();
    let table = |s: &Store| -> Vec<String> {
        let mut st = s
            .connection()
            .prepare("SELECT * FROM event_groups ORDER BY id")
            .unwrap();
        let n = st.column_count();
        st.query_map([], |r| {
            Ok((0..n)
                .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                .collect::<Vec<_>>()
                .join("|"))
        })
        .unwrap()
        .collect::<std::result::Result<_, _>>()
        .unwrap()
    };
    let event_groups = |s: &Store| -> Vec<(i64, Option<i64>)> {
        let mut st = s
            .connection()
            .prepare("SELECT rowid, group_id FROM events ORDER BY rowid")
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<std::result::Result<_, _>>()
            .unwrap()
    };
    for replace in [false, true] {
        let mut one = Store::memory().unwrap();
        let mut stored_one = Vec::new();
        for a in &articles {
            stored_one.extend(one.put_many(&[(a, None)], replace).unwrap());
        }
        let mut batch = Store::memory().unwrap();
        let items: Vec<(&Coded, Option<&str>)> = articles.iter().map(|a| (a, None)).collect();
        // Two batches: the second one meets groups the first one made.
        let mut stored_batch = batch.put_many(&items[..30], replace).unwrap();
        stored_batch.extend(batch.put_many(&items[30..], replace).unwrap());
        assert_eq!(stored_one, stored_batch, "replace {replace}");
        let rows = table(&one);
        assert!(rows.len() > 5, "too few groups to compare: {rows:?}");
        if replace {
            // A document stored twice in one batch: a group its first version
            // made keeps that version's values (and its id) one document at a
            // time, not in a batch, where that version's events are gone by
            // the time groups are made. Which groups there are and their
            // counts are the same.
            let (mut a, mut b) = (groups(&one), groups(&batch));
            a.sort();
            b.sort();
            assert_eq!(a, b, "replace {replace}");
        } else {
            assert_eq!(rows, table(&batch), "replace {replace}");
            assert_eq!(
                event_groups(&one),
                event_groups(&batch),
                "replace {replace}"
            );
        }
    }
}

#[test]
fn pages_are_slices_of_the_whole_lists() {
    let s = sample();
    let all = s.events(&EventFilter::default()).unwrap();
    let ids: Vec<i64> = all.iter().map(|r| r.id).collect();
    for offset in 0..=all.len() {
        let (total, page) = s
            .events_page(
                &EventFilter {
                    limit: Some(2),
                    ..Default::default()
                },
                offset,
            )
            .unwrap();
        assert_eq!(total, all.len());
        let got: Vec<i64> = page.iter().map(|r| r.id).collect();
        assert_eq!(got, ids[offset.min(ids.len())..(offset + 2).min(ids.len())]);
    }
    // Votes leave rows out (or let only some in) as row ids.
    let skip = EventFilter {
        skip: vec![ids[0]],
        ..Default::default()
    };
    let left: Vec<i64> = s.events(&skip).unwrap().iter().map(|r| r.id).collect();
    assert_eq!(left, ids[1..]);
    let only = EventFilter {
        only: Some(vec![ids[1]]),
        ..Default::default()
    };
    assert_eq!(s.events_page(&only, 0).unwrap().0, 1);
    let none = EventFilter {
        only: Some(Vec::new()),
        ..Default::default()
    };
    assert!(s.events(&none).unwrap().is_empty());

    let quotes = s.quotes(None, usize::MAX).unwrap();
    assert_eq!(quotes.len(), 1);
    assert_eq!(s.quotes_page(None, 1, 0).unwrap(), (1, quotes.clone()));
    assert_eq!(s.quotes_page(None, 1, 1).unwrap(), (1, Vec::new()));
    assert_eq!(s.quotes_page(Some("fidan"), 5, 0).unwrap().0, 1);
    assert_eq!(s.quotes_page(Some("AZE"), 5, 0).unwrap(), (0, Vec::new()));
    assert_eq!(s.facts_page(None, None, 5, 0).unwrap(), (0, Vec::new()));
}

/// Migration 0010: titles and texts share text blocks, mentions and times
/// are one list per document; everything loads back as it was written, and
/// replacing documents frees their share of a block.
#[test]
fn packed_texts_and_lists_load_back_and_replacing_frees_blocks() {
    let mut s = Store::memory().unwrap();
    let mut docs = Vec::new();
    for (i, title) in [None, Some(String::new()), Some("A \"title\"".to_string())]
        .into_iter()
        .enumerate()
    {
        let mut c = article(
            &format!("p{i}"),
            "example.org",
            "2025-05-02",
            MET,
            Vec::new(),
        );
        if let Some(d) = c.document.as_mut() {
            d.title = title;
        }
        let p = participant("ISR", "Israel", "Israel", [0, 6]);
        c.mentions = vec![
            Mention {
                sentence: 0,
                span: [0, 6],
                text: "Israel".into(),
                actor: p.actor.clone(),
                rule: "countries.tsv:1".into(),
                discovered: false,
                evidence: None,
            },
            // A text unlike its span's, with evidence: the long form of an element.
            Mention {
                sentence: 0,
                span: [16, 22],
                text: "Türkiye, \"quoted\"".into(),
                actor: participant("TUR", "Turkey", "Turkey", [16, 22]).actor,
                rule: "coref:pronoun".into(),
                discovered: true,
                evidence: Some([0, 6]),
            },
        ];
        c.times = vec![model::TimeExpr {
            span: [0, 6],
            text: "not the span".into(),
            value: "2025-05".into(),
            qualifier: Some("approx".into()),
            kind: "date".into(),
            rule: "month".into(),
        }];
        docs.push(c);
    }
    let batch: Vec<(&Coded, Option<&str>)> = docs.iter().map(|c| (c, None)).collect();
    assert_eq!(s.put_many(&batch, false).unwrap(), vec![true; 3]);
    let blocks = |s: &Store| -> (i64, i64) {
        s.connection()
            .query_row(
                "SELECT count(*), coalesce(sum(docs), 0) FROM text_blocks",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    };
    // Three short documents, one block.
    assert_eq!(blocks(&s), (1, 3));
    for c in &docs {
        let id = &c.document.as_ref().unwrap().id;
        assert_eq!(&s.load(id).unwrap(), c);
    }
    assert_eq!(s.counts().unwrap().mentions, 6);
    // Replacing each document moves it to a new block; the old block goes
    // with its last document.
    for _ in 0..3 {
        for c in &docs {
            assert!(s.put(c, None, true).unwrap());
        }
    }
    let (n, live) = blocks(&s);
    assert_eq!(live, 3);
    assert!(n <= 3, "{n} blocks for 3 documents");
    for c in &docs {
        let id = &c.document.as_ref().unwrap().id;
        assert_eq!(&s.load(id).unwrap(), c);
    }
    // The actor index follows the replacements: one row per actor and document.
    let pairs: i64 = s
        .connection()
        .query_row("SELECT count(*) FROM actor_docs", [], |r| r.get(0))
        .unwrap();
    assert_eq!(pairs, 6);
    assert_eq!(s.actor_profile("TUR", 5).unwrap().mentions, 3);
}

/// Work done ahead of the write (`put_many_ahead`: records made compact,
/// text blocks compressed, on other threads) writes the same rows as
/// `put_many`, also when a document of the batch is already stored or
/// comes twice (its blocks are then compressed by the writer).
#[test]
fn work_done_ahead_writes_the_same_rows() {
    let mut docs = sample_docs();
    // A long text, so the batch fills more than one block.
    let long = "Turkey talks. ".repeat(compact::BLOCK / 10);
    docs.push(article(
        "c",
        "one.example",
        "2025-04-04",
        &long,
        vec![event("TURGOV", "ISR", "040", "2025-04-04", 1, 1.0)],
    ));
    docs.push(sample_docs().remove(1));
    let mut again = sample_docs().remove(0);
    again.quotes.clear();
    docs.push(again);
    let dump = |s: &Store| -> Vec<String> {
        let mut out = Vec::new();
        for sql in [
            "SELECT seq, id, date, block, at, sentence0, sentence_end, outlet FROM documents ORDER BY seq",
            "SELECT id, docs, entente_text(z, 0) FROM text_blocks ORDER BY id",
            "SELECT * FROM sentence_rows ORDER BY id",
            "SELECT doc, entente_list(list) FROM mention_lists ORDER BY doc",
            "SELECT * FROM actor_docs ORDER BY actor, doc",
            "SELECT * FROM actors ORDER BY id",
            "SELECT * FROM strings ORDER BY id",
            "SELECT rowid, *, entente_json(json) FROM events ORDER BY rowid",
            "SELECT *, entente_json(json) FROM quotes ORDER BY doc, n",
            "SELECT *, entente_json(json) FROM facts ORDER BY doc, n",
            "SELECT * FROM event_groups ORDER BY id",
        ] {
            let mut st = s.connection().prepare(sql).unwrap();
            let n = st.column_count();
            let rows = st
                .query_map([], |r| {
                    Ok((0..n)
                        .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                        .collect::<Vec<_>>()
                        .join("|"))
                })
                .unwrap()
                .collect::<std::result::Result<Vec<_>, _>>()
                .unwrap();
            out.push(format!("{sql}: {rows:?}"));
        }
        out
    };
    for replace in [false, true] {
        let mut plain = Store::memory().unwrap();
        let mut ahead = Store::memory().unwrap();
        for batch in [&docs[..2], &docs[2..]] {
            let items: Vec<(&Coded, Option<&str>)> =
                batch.iter().map(|c| (c, Some("in"))).collect();
            let a = plain.put_many(&items, replace).unwrap();
            let prepared: Vec<Option<Prepared>> = batch.iter().map(Prepared::of).collect();
            let items: Vec<(&Coded, Option<&str>, Option<&Prepared>)> = batch
                .iter()
                .zip(&prepared)
                .map(|(c, p)| (c, Some("in"), p.as_ref()))
                .collect();
            let refs: Vec<&Coded> = batch.iter().collect();
            let b = ahead
                .put_many_ahead(&items, replace, &SealedBlocks::of(&refs))
                .unwrap();
            assert_eq!(a, b, "replace {replace}");
        }
        assert_eq!(dump(&plain), dump(&ahead), "replace {replace}");
        ahead
            .connection()
            .execute(
                "INSERT INTO sentence_fts (sentence_fts, rank) VALUES ('integrity-check', 1)",
                [],
            )
            .unwrap();
        assert_eq!(
            plain.search("talks", 10).unwrap().len(),
            ahead.search("talks", 10).unwrap().len()
        );
    }
}
