//! Migration 0008's copy: every document of a schema-7 database rewritten
//! into the compact tables, one document at a time (memory stays that of
//! one document), keeping each document's `seq`, each event's rowid (the
//! id exports show) and event group, and every field of every record.

use crate::compact::{self, Interner};
use crate::write::{EVENT_COLUMNS, RECORD_COLUMNS};
use crate::Result;
use rusqlite::{params, Transaction};
use serde_json::Value as Json;

/// An old `times` row: sentence, start, end, text, value, qualifier, type, rule.
type OldTime = (
    i64,
    i64,
    i64,
    String,
    String,
    Option<String>,
    String,
    String,
);

/// An old `events` row: rowid, [sentence, start, end], [source code, target
/// code, cameo, root, plover, modality, date], quad class, Goldstein, group, JSON.
type OldEvent = (i64, [i64; 3], [String; 7], i64, f64, Option<i64>, String);

/// One old document row.
struct OldDoc {
    seq: i64,
    id: String,
    cols: [Option<String>; 7], // title, author, date, date_source, url, source, format
    text: String,
    boilerplate: String,
    origin: Option<String>,
    ingested_at: String,
    outlet: Option<String>,
}

/// Copies the `old_*` tables into the new ones (see 0008_compact_store.sql).
pub(crate) fn copy(tx: &Transaction<'_>) -> Result<()> {
    let mut interner = Interner::default();
    let mut next_sentence: i64 = 1;
    let mut st = tx.prepare(
        "SELECT seq, id, title, author, date, date_source, url, source, format, text, boilerplate,
                origin, ingested_at, outlet
         FROM old_documents ORDER BY seq",
    )?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let doc = OldDoc {
            seq: r.get(0)?,
            id: r.get(1)?,
            cols: [
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
            ],
            text: r.get(9)?,
            boilerplate: r.get(10)?,
            origin: r.get(11)?,
            ingested_at: r.get(12)?,
            outlet: r.get(13)?,
        };
        next_sentence = copy_document(tx, &mut interner, &doc, next_sentence)?;
    }
    Ok(())
}

fn copy_document(
    tx: &Transaction<'_>,
    interner: &mut Interner,
    doc: &OldDoc,
    first: i64,
) -> Result<i64> {
    let (seq, text) = (doc.seq, doc.text.as_str());
    let sentences: Vec<(i64, i64, i64)> = tx
        .prepare_cached(
            "SELECT id & 1048575, start, end FROM old_sentence_rows
             WHERE id BETWEEN ?1 << 20 AND (?1 << 20) | 1048575 ORDER BY id",
        )?
        .query_map([seq], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<std::result::Result<_, _>>()?;
    let end = first + sentences.iter().map(|s| s.0 + 1).max().unwrap_or(0);
    let mut ins = tx.prepare_cached(
        "INSERT INTO sentence_rows (id, doc, start, end) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (idx, s, e) in &sentences {
        ins.execute(params![first + idx, seq, s, e])?;
    }
    let origin = match &doc.origin {
        Some(o) => Some(interner.string(tx, o)?),
        None => None,
    };
    let default_outlet = format!("doc:{}", doc.id);
    let [title, author, date, date_source, url, source, format] = &doc.cols;
    tx.prepare_cached(
        "INSERT INTO documents (seq, id, title, author, date, date_source, url, source, format, body, boilerplate, origin, ingested_at, outlet, sentence0, sentence_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, coalesce(unixepoch(?13), 0), ?14, ?15, ?16)",
    )?
    .execute(params![
        seq,
        doc.id,
        title,
        author,
        date,
        date_source,
        url,
        source,
        format,
        compact::pack(text),
        (doc.boilerplate != "[]").then_some(&doc.boilerplate),
        origin,
        doc.ingested_at,
        doc.outlet.as_ref().filter(|o| **o != default_outlet),
        first,
        end
    ])?;
    let same = |t: &str, s: i64, e: i64| t == compact::cut(text, s, e);

    let times: Vec<OldTime> = tx
        .prepare_cached(
            "SELECT sentence, start, end, text, value, qualifier, type, rule FROM old_times
             WHERE doc = ?1 ORDER BY rowid",
        )?
        .query_map([&doc.id], |r| {
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
        })?
        .collect::<std::result::Result<_, _>>()?;
    for (n, (sentence, s, e, t, value, qualifier, kind, rule)) in times.into_iter().enumerate() {
        let rule = interner.string(tx, &rule)?;
        tx.prepare_cached(
            "INSERT INTO times (doc, n, sentence, start, end, value, qualifier, type, rule, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?
        .execute(params![
            seq,
            n as i64,
            sentence,
            s,
            e,
            value,
            qualifier,
            kind,
            rule,
            (!same(&t, s, e)).then_some(&t)
        ])?;
    }

    let mut st = tx.prepare_cached(
        "SELECT sentence, start, end, text, code, country, role, name, actor_id, type, rule, discovered,
                evidence_start, evidence_end
         FROM old_mentions WHERE doc = ?1 ORDER BY rowid",
    )?;
    let mentions = st
        .query_map([&doc.id], |r| {
            let kind: String = r.get(9)?;
            Ok((
                [r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?],
                r.get::<_, String>(3)?,
                model::Actor {
                    code: r.get(4)?,
                    country: r.get(5)?,
                    role: r.get(6)?,
                    name: r.get(7)?,
                    id: r.get(8)?,
                    kind: model::ActorType::parse(&kind).unwrap_or(model::ActorType::Organisation),
                },
                r.get::<_, String>(10)?,
                [r.get::<_, i64>(11)?],
                [r.get::<_, Option<i64>>(12)?, r.get(13)?],
            ))
        })?
        .collect::<std::result::Result<Vec<_>, _>>()?;
    for (n, ([sentence, s, e], t, actor, rule, [discovered], [es, ee])) in
        mentions.into_iter().enumerate()
    {
        let actor = interner.actor(tx, &actor)?;
        let rule = interner.string(tx, &rule)?;
        tx.prepare_cached(
            "INSERT INTO mentions (doc, n, sentence, start, end, actor, rule, discovered, evidence_start, evidence_end, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?
        .execute(params![
            seq,
            n as i64,
            sentence,
            s,
            e,
            actor,
            rule,
            discovered,
            es,
            ee,
            (!same(&t, s, e)).then_some(&t)
        ])?;
    }

    // Events keep their rowid and group; the JSON keeps every field.
    let events: Vec<OldEvent> = tx
        .prepare_cached(
            "SELECT rowid, sentence, start, end, source_code, target_code, cameo, root, plover,
                    modality, date, quad_class, goldstein, group_id, json
             FROM old_events WHERE doc = ?1 ORDER BY rowid",
        )?
        .query_map([&doc.id], |r| {
            Ok((
                r.get(0)?,
                [r.get(1)?, r.get(2)?, r.get(3)?],
                [
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                    r.get(9)?,
                    r.get(10)?,
                ],
                r.get(11)?,
                r.get(12)?,
                r.get(13)?,
                r.get(14)?,
            ))
        })?
        .collect::<std::result::Result<_, _>>()?;
    for (
        rowid,
        [sentence, s, e],
        [src, tgt, cameo, root, plover, modality, date],
        quad,
        gold,
        group,
        json,
    ) in events
    {
        let json = compact_json(tx, interner, &json, text, &EVENT_COLUMNS)?;
        tx.prepare_cached(
            "INSERT INTO events (rowid, doc, sentence, start, end, source_code, target_code, cameo, root, plover, quad_class, goldstein, modality, date, group_id, json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        )?
        .execute(params![
            rowid, seq, sentence, s, e, src, tgt, cameo, root, plover, quad, gold, modality, date,
            group, json
        ])?;
    }

    for (table, extra) in [
        ("quotes", "speaker, speaker_code"),
        ("facts", "measure, value, holder_code, counterpart_code"),
    ] {
        let width = extra.split(", ").count();
        let rows: Vec<(Vec<rusqlite::types::Value>, String)> = tx
            .prepare_cached(&format!(
                "SELECT sentence, start, end, {extra}, json FROM old_{table} WHERE doc = ?1 ORDER BY rowid"
            ))?
            .query_map([&doc.id], |r| {
                let vals = (0..3 + width)
                    .map(|i| r.get::<_, rusqlite::types::Value>(i))
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                Ok((vals, r.get(3 + width)?))
            })?
            .collect::<std::result::Result<_, _>>()?;
        let marks: Vec<String> = (1..=6 + width).map(|i| format!("?{i}")).collect();
        let sql = format!(
            "INSERT INTO {table} (doc, n, sentence, start, end, {extra}, json) VALUES ({})",
            marks.join(", ")
        );
        for (n, (mut vals, json)) in rows.into_iter().enumerate() {
            let json = compact_json(tx, interner, &json, text, &RECORD_COLUMNS)?;
            if table == "quotes" && speaker_derived(&json) {
                vals[3] = rusqlite::types::Value::Null;
            }
            vals.insert(0, (n as i64).into());
            vals.insert(0, seq.into());
            vals.push(json.into());
            tx.prepare_cached(&sql)?
                .execute(rusqlite::params_from_iter(vals))?;
        }
    }
    Ok(end)
}

/// Whether a compact quote's speaker name is an actor's or its span's text
/// (the `speaker` column is then NULL, as `write` stores it).
fn speaker_derived(json: &str) -> bool {
    let v: Json = serde_json::from_str(json).unwrap_or(Json::Null);
    v.get("sp")
        .is_some_and(|sp| sp.get("@a").is_some() || sp.get("@s").is_some())
}

/// A stored record's JSON made compact; JSON that does not parse is kept as
/// it is (readers count it as unreadable, as before).
fn compact_json(
    tx: &Transaction<'_>,
    interner: &mut Interner,
    json: &str,
    text: &str,
    columns: &[&str],
) -> Result<String> {
    match serde_json::from_str::<Json>(json) {
        Ok(v) => Ok(compact::compact_json(tx, interner, &v, text, columns)?.to_string()),
        Err(_) => Ok(json.to_string()),
    }
}
