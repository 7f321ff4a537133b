//! Migration 0008 on a database written at schema 7: every record reads back
//! exactly as it was coded, and every read (events, exports, search,
//! analyses' records, profiles) gives what a database made new gives.

use super::*;
use crate::tests_more::sample_docs;
use model::{
    Actor, ActorType, Event, Fact, Mention, Participant, Place, Quote, Sentence, Speaker, TimeExpr,
};
use rusqlite::params;

const TEXT: &str =
    "Officials in Baku said talks would resume. Ankara holds 30% of the pipeline, he said.";

fn actor(code: &str, name: &str) -> Actor {
    Actor {
        code: code.into(),
        country: Some(code[..3].into()),
        role: None,
        name: name.into(),
        id: format!("discovered:{}", name.to_lowercase()),
        kind: ActorType::Organisation,
    }
}

/// A document with what the sample lacks: times, facts, an unresolved
/// speaker, a reported-by and a place, evidence, boilerplate, and texts
/// that differ from their spans.
fn rich() -> Coded {
    let mut c = sample_docs()[1].clone();
    let doc = c.document.as_mut().unwrap();
    doc.id = "rich".into();
    doc.text = TEXT.into();
    doc.boilerplate = vec!["Photo: AP".into()];
    doc.source = Some("Example News".into());
    c.sentences = vec![
        Sentence {
            index: 0,
            span: [0, 42],
        },
        Sentence {
            index: 1,
            span: [43, TEXT.len()],
        },
    ];
    c.times = vec![TimeExpr {
        span: [13, 17],
        text: "Baku".into(),
        value: "2025".into(),
        qualifier: Some("mid".into()),
        kind: "date".into(),
        rule: "test:time".into(),
    }];
    let baku = Participant {
        actor: actor("AZEGOV", "Baku"),
        text: "Baku".into(),
        span: [13, 17],
    };
    let ankara = Participant {
        actor: actor("TURGOV", "Ankara"),
        text: "the Turks".into(), // not the span's text: kept as is
        span: [43, 49],
    };
    c.mentions = vec![Mention {
        span: [43, 49],
        text: "Ankara".into(),
        sentence: 1,
        actor: ankara.actor.clone(),
        rule: "discover:seat".into(),
        discovered: true,
        evidence: Some([0, 9]),
    }];
    let mut e = c.events[0].clone();
    e.sentence = 1;
    e.span = [50, 55];
    e.source = ankara.clone();
    e.target = baku.clone();
    e.reported_by = Some(baku.clone());
    e.mode = Some("talk".into());
    e.place = Some(Place {
        name: "Baku".into(),
        country: Some("AZE".into()),
        lat: Some(40.4),
        lon: Some(49.9),
        span: Some([13, 17]),
    });
    c.events.push(e);
    c.quotes = vec![Quote {
        sentence: 0,
        span: [0, 42],
        speaker: Speaker::Unresolved {
            text: "Officials".into(),
            span: [0, 9],
            country: Some("AZE".into()),
        },
        cue: "said".into(),
        content: "talks would resume".into(),
        content_span: [23, 41],
        style: "indirect".into(),
        rule: "test:quote".into(),
    }];
    c.facts = vec![Fact {
        sentence: 1,
        span: [43, 75],
        measure: "stake".into(),
        value: 0.3,
        unit: "fraction".into(),
        approx: false,
        holder: Some(ankara),
        counterpart: None,
        commodity: None,
        asset: Some("pipeline".into()),
        period: None,
        rule: "test:fact".into(),
    }];
    c
}

/// Writes `c` as schema 7 did (its rows, then its event groups).
fn put_v7(tx: &rusqlite::Transaction<'_>, seq: i64, c: &Coded, origin: &str) {
    let d = c.document.as_ref().unwrap();
    tx.execute(
        "INSERT INTO documents (id, title, author, date, date_source, url, source, format, text, boilerplate, origin, ingested_at, outlet, seq)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, '2026-01-02 03:04:05', ?12, ?13)",
        params![d.id, d.title, d.author, d.date, d.date_source.as_str(), d.url, d.source, d.format, d.text,
            serde_json::to_string(&d.boilerplate).unwrap(), origin, outlet(d), seq],
    )
    .unwrap();
    for s in &c.sentences {
        tx.execute(
            "INSERT INTO sentence_rows (id, start, end) VALUES (?1, ?2, ?3)",
            params![
                (seq << 20) | s.index as i64,
                s.span[0] as i64,
                s.span[1] as i64
            ],
        )
        .unwrap();
    }
    for t in &c.times {
        tx.execute(
            "INSERT INTO times (doc, sentence, start, end, text, value, qualifier, type, rule) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![d.id, model::sentence_at(&c.sentences, t.span[0]) as i64, t.span[0] as i64, t.span[1] as i64, t.text, t.value, t.qualifier, t.kind, t.rule],
        )
        .unwrap();
    }
    for m in &c.mentions {
        let a = &m.actor;
        tx.execute(
            "INSERT INTO mentions (doc, sentence, start, end, text, code, country, role, name, actor_id, type, rule, discovered, evidence_start, evidence_end)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            params![d.id, m.sentence as i64, m.span[0] as i64, m.span[1] as i64, m.text, a.code, a.country, a.role, a.name, a.id,
                a.kind.as_str(), m.rule, m.discovered as i64, m.evidence.map(|e| e[0] as i64), m.evidence.map(|e| e[1] as i64)],
        )
        .unwrap();
    }
    for e in &c.events {
        tx.execute(
            "INSERT INTO events (doc, sentence, start, end, source_code, source_country, target_code, target_country, cameo, root, plover, quad_class, goldstein, modality, date, json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            params![d.id, e.sentence as i64, e.span[0] as i64, e.span[1] as i64, e.source.actor.code, e.source.actor.country,
                e.target.actor.code, e.target.actor.country, e.cameo, e.root, e.plover, e.quad_class as i64, e.goldstein,
                e.modality.as_str(), e.date, serde_json::to_string(e).unwrap()],
        )
        .unwrap();
    }
    for q in &c.quotes {
        let (speaker, code) = match &q.speaker {
            Speaker::Actor(p) => (p.actor.name.clone(), Some(p.actor.code.clone())),
            Speaker::Unresolved { text, .. } => (text.clone(), None),
        };
        tx.execute(
            "INSERT INTO quotes (doc, sentence, start, end, speaker, speaker_code, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![d.id, q.sentence as i64, q.span[0] as i64, q.span[1] as i64, speaker, code, serde_json::to_string(q).unwrap()],
        )
        .unwrap();
    }
    for f in &c.facts {
        tx.execute(
            "INSERT INTO facts (doc, sentence, start, end, measure, value, holder_code, counterpart_code, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![d.id, f.sentence as i64, f.span[0] as i64, f.span[1] as i64, f.measure, f.value,
                f.holder.as_ref().map(|h| h.actor.code.clone()), f.counterpart.as_ref().map(|h| h.actor.code.clone()),
                serde_json::to_string(f).unwrap()],
        )
        .unwrap();
    }
    // Schema 7's `dedup::assign` and `recount`, by text id.
    tx.execute(
        "INSERT INTO event_groups (day, source_code, target_code, cameo, root, plover, quad_class, goldstein)
         SELECT date, source_code, target_code, cameo, min(root), min(plover), min(quad_class), min(goldstein)
         FROM events WHERE doc = ?1 GROUP BY date, source_code, target_code, cameo
         ON CONFLICT (day, source_code, target_code, cameo) DO NOTHING",
        [&d.id],
    )
    .unwrap();
    tx.execute_batch(
        "UPDATE events SET group_id = (SELECT g.id FROM event_groups g WHERE g.day = events.date
             AND g.source_code = events.source_code AND g.target_code = events.target_code AND g.cameo = events.cameo);
         UPDATE event_groups SET
             num_mentions = (SELECT count(*) FROM events e WHERE e.group_id = event_groups.id),
             num_articles = (SELECT count(DISTINCT e.doc) FROM events e WHERE e.group_id = event_groups.id),
             num_sources = (SELECT count(DISTINCT d.outlet) FROM events e JOIN documents d ON d.id = e.doc
                            WHERE e.group_id = event_groups.id);",
    )
    .unwrap();
}

#[test]
fn schema_7_database_migrates_without_loss() {
    let mut docs = sample_docs();
    docs.push(rich());
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("v7.db");
    {
        let mut conn = Connection::open(&p).unwrap();
        let tx = conn.transaction().unwrap();
        for (_, sql) in &MIGRATIONS[..7] {
            tx.execute_batch(sql).unwrap();
        }
        tx.pragma_update(None, "user_version", 7).unwrap();
        for (i, c) in docs.iter().enumerate() {
            put_v7(&tx, i as i64 + 1, c, "in.jsonl");
        }
        tx.execute(
            "INSERT INTO sentence_fts (sentence_fts) VALUES ('rebuild')",
            [],
        )
        .unwrap();
        tx.commit().unwrap();
    }
    let old = Store::open(&p).unwrap();
    assert_eq!(old.schema_version().unwrap(), MIGRATIONS.len() as i64);
    let mut new = Store::memory().unwrap();
    for c in &docs {
        new.put(c, Some("in.jsonl"), false).unwrap();
    }
    for c in &docs {
        let id = &c.document.as_ref().unwrap().id;
        assert_eq!(&old.load(id).unwrap(), c, "{id} after migration");
        assert_eq!(&new.load(id).unwrap(), c, "{id} stored new");
    }
    let all = EventFilter::default();
    assert_eq!(old.events(&all).unwrap(), new.events(&all).unwrap());
    assert_eq!(old.events(&all).unwrap().len(), 6);
    assert_eq!(old.plover_events().unwrap(), new.plover_events().unwrap());
    assert_eq!(old.actor_graph().unwrap(), new.actor_graph().unwrap());
    // GDELT rows but their DATEADDED (the ingestion time).
    let cut = |rows: Vec<GdeltRow>| -> Vec<Vec<String>> {
        rows.into_iter()
            .map(|mut r| {
                r[59].clear();
                r.to_vec()
            })
            .collect()
    };
    assert_eq!(
        cut(old.gdelt_rows().unwrap()),
        cut(new.gdelt_rows().unwrap())
    );
    assert_eq!(old.gdelt_rows().unwrap()[0][59], "20260102030405");
    assert_eq!(old.actors(false).unwrap(), new.actors(false).unwrap());
    assert_eq!(old.quotes(None, 50).unwrap(), new.quotes(None, 50).unwrap());
    // An unresolved speaker is found by the text of its span.
    let officials = old.quotes(Some("officials"), 50).unwrap();
    assert_eq!(officials.len(), 1);
    assert_eq!(officials[0].speaker, "Officials");
    assert_eq!(officials, new.quotes(Some("officials"), 50).unwrap());
    assert_eq!(
        old.facts(None, None, 50).unwrap(),
        new.facts(None, None, 50).unwrap()
    );
    assert_eq!(
        old.actor_profile("TUR", 10).unwrap(),
        new.actor_profile("TUR", 10).unwrap()
    );
    assert_eq!(
        old.dyad("ISR", "TUR").unwrap(),
        new.dyad("ISR", "TUR").unwrap()
    );
    for q in ["red lines", "resume", "pipeline"] {
        assert_eq!(
            old.search(q, 10).unwrap(),
            new.search(q, 10).unwrap(),
            "{q}"
        );
        assert!(!old.search(q, 10).unwrap().is_empty(), "{q}");
    }
    let (a, bad_a) = old.stored::<Event>(RecordKind::Events).unwrap();
    let (b, bad_b) = new.stored::<Event>(RecordKind::Events).unwrap();
    assert_eq!((bad_a, bad_b), (0, 0));
    let key = |v: &[Stored<Event>]| -> Vec<_> {
        v.iter()
            .map(|s| (s.doc.clone(), s.record.clone(), s.sentence_span))
            .collect()
    };
    assert_eq!(key(&a), key(&b));
    assert_eq!(
        old.stored::<Fact>(RecordKind::Facts).unwrap().0.len(),
        new.stored::<Fact>(RecordKind::Facts).unwrap().0.len()
    );
    assert_eq!(old.documents().unwrap(), new.documents().unwrap());
    assert_eq!(old.counts().unwrap(), new.counts().unwrap());
    // Migration 0012 packed what 0008 to 0011 stored as text.
    let packed: (String, String, String, String, String, String) = old
        .connection()
        .query_row(
            "SELECT (SELECT group_concat(DISTINCT typeof(list)) FROM mention_lists),
                    (SELECT group_concat(DISTINCT typeof(list)) FROM time_lists),
                    (SELECT group_concat(DISTINCT typeof(json)) FROM events),
                    (SELECT group_concat(DISTINCT typeof(json)) FROM quotes),
                    (SELECT group_concat(DISTINCT type) FROM (SELECT DISTINCT type FROM actors ORDER BY 1)),
                    (SELECT group_concat(DISTINCT hex(substr(z, 1, 1))) FROM text_blocks)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
        )
        .unwrap();
    assert_eq!(
        packed,
        (
            "blob".into(),
            "blob".into(),
            "blob".into(),
            "blob".into(),
            "1,3".into(),
            // Short texts are kept as they are (00), the rest in brotli
            // (02), none in deflate (01) any more.
            "00,02".into()
        )
    );
    // The migrated database is kept like a new one: a replace and a recode.
    let mut old = old;
    old.put(&docs[2], None, true).unwrap();
    old.replace_records(&docs[0]).unwrap();
    assert_eq!(old.load("rich").unwrap(), docs[2]);
    assert_eq!(old.load("a").unwrap(), docs[0]);
    assert_eq!(old.search("resume", 10).unwrap().len(), 1);
    old.connection()
        .execute(
            "INSERT INTO sentence_fts (sentence_fts, rank) VALUES ('integrity-check', 1)",
            [],
        )
        .unwrap();
}

#[test]
fn text_is_deflated_when_that_is_smaller() {
    let long = "The talks in Baku went on. ".repeat(20);
    for text in ["short", long.as_str(), ""] {
        let v = compact::pack(text);
        let back = compact::unpack(rusqlite::types::ValueRef::from(&v)).unwrap();
        assert_eq!(back, text);
        assert_eq!(
            matches!(v, rusqlite::types::Value::Blob(_)),
            text == long,
            "{text:?}"
        );
    }
}
