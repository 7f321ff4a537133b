//! Reading a stored document back whole: its row and every record coded
//! from it, rebuilt from the compact rows (`compact`) exactly as written.

use crate::compact::{self, Expander};
use crate::{Result, Store, StoreError};
use model::{Coded, DateSource, Document, Mention, Sentence, TimeExpr};
use rusqlite::{OptionalExtension, Row};
use serde_json::{Map, Value as Json};

/// The columns of `events` that hold fields of the record, in this order
/// after its JSON: `SELECT e.json, {EVENT_FIELDS}`.
pub(crate) const EVENT_FIELDS: &str =
    "e.sentence, e.start, e.end, e.cameo, e.root, e.plover, e.quad_class, e.goldstein, e.modality, e.date";

/// An event's column fields (see [`EVENT_FIELDS`]), from column `at` on.
pub(crate) fn event_fields(r: &Row<'_>, at: usize) -> rusqlite::Result<Map<String, Json>> {
    let mut m = record_fields(r, at)?;
    m.insert("cameo".into(), Json::String(r.get(at + 3)?));
    m.insert("root".into(), Json::String(r.get(at + 4)?));
    m.insert("plover".into(), Json::String(r.get(at + 5)?));
    m.insert("quad_class".into(), Json::from(r.get::<_, i64>(at + 6)?));
    m.insert("goldstein".into(), Json::from(r.get::<_, f64>(at + 7)?));
    m.insert("modality".into(), Json::String(r.get(at + 8)?));
    m.insert("date".into(), Json::String(r.get(at + 9)?));
    Ok(m)
}

/// A quote's or fact's column fields: sentence, start, end from column `at`.
pub(crate) fn record_fields(r: &Row<'_>, at: usize) -> rusqlite::Result<Map<String, Json>> {
    let mut m = Map::new();
    m.insert("sentence".into(), Json::from(r.get::<_, i64>(at)?));
    m.insert(
        "span".into(),
        Json::from(vec![r.get::<_, i64>(at + 1)?, r.get::<_, i64>(at + 2)?]),
    );
    Ok(m)
}

impl Store {
    /// A stored document with everything coded from it.
    pub fn load(&self, id: &str) -> Result<Coded> {
        let (seq, document) = self.document_row(id)?;
        self.load_records(seq, document)
    }

    /// A stored document's row alone, as it was ingested.
    pub fn document(&self, id: &str) -> Result<Document> {
        Ok(self.document_row(id)?.1)
    }

    fn document_row(&self, id: &str) -> Result<(i64, Document)> {
        let row = self
            .conn
            .query_row(
                "SELECT d.id, d.at, d.author, d.date, d.date_source, d.url, d.source, d.format, b.z,
                        d.boilerplate, d.seq
                 FROM documents d JOIN text_blocks b ON b.id = d.block WHERE d.id = ?1",
                [id],
                |r| {
                    Ok((
                        Document {
                            id: r.get(0)?,
                            title: None,
                            author: r.get(2)?,
                            date: r.get(3)?,
                            date_source: DateSource::Today,
                            url: r.get(5)?,
                            source: r.get(6)?,
                            format: r.get(7)?,
                            text: String::new(),
                            boilerplate: Vec::new(),
                        },
                        r.get::<_, String>(4)?,
                        compact::doc_text(r.get_ref(8)?, r.get(1)?),
                        r.get::<_, Option<String>>(9)?,
                        r.get::<_, i64>(10)?,
                    ))
                },
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(id.into()))?;
        let (mut document, ds, text, boiler, seq) = row;
        document.date_source = DateSource::parse(&ds).unwrap_or(DateSource::Today);
        (document.title, document.text) = text.map_err(|m| compact::bad_body(id, m))?;
        if let Some(b) = boiler {
            document.boilerplate = serde_json::from_str(&b)?;
        }
        Ok((seq, document))
    }

    fn load_records(&self, seq: i64, document: Document) -> Result<Coded> {
        let mut x = Expander::new(&self.conn);
        x.set_text(seq, document.text.clone());
        let text = document.text.as_str();
        let span_text =
            |s: i64, e: i64, t: Option<String>| t.unwrap_or_else(|| compact::cut(text, s, e));
        let mut st = self.conn.prepare_cached(
            "SELECT s.id - d.sentence0, s.start, s.end FROM documents d JOIN sentence_rows s
             ON s.id >= d.sentence0 AND s.id < d.sentence_end
             WHERE d.seq = ?1 ORDER BY s.id",
        )?;
        let sentences = st
            .query_map([seq], |r| {
                Ok(Sentence {
                    index: r.get::<_, i64>(0)? as usize,
                    span: [r.get::<_, i64>(1)? as usize, r.get::<_, i64>(2)? as usize],
                })
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let mut st = self.conn.prepare_cached(
            "SELECT start, end, text, value, qualifier, type, rule FROM times WHERE doc = ?1 ORDER BY n",
        )?;
        let rows = st
            .query_map([seq], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, i64>(6)?,
                ))
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let mut times = Vec::with_capacity(rows.len());
        for (s, e, t, value, qualifier, kind, rule) in rows {
            times.push(TimeExpr {
                span: [s as usize, e as usize],
                text: span_text(s, e, t),
                value,
                qualifier,
                kind,
                rule: x.string(rule)?,
            });
        }
        let mut st = self.conn.prepare_cached(
            "SELECT sentence, start, end, text, actor, rule, discovered, evidence_start, evidence_end
             FROM mentions WHERE doc = ?1 ORDER BY n",
        )?;
        let rows = st
            .query_map([seq], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, i64>(4)?,
                    r.get::<_, i64>(5)?,
                    r.get::<_, i64>(6)?,
                    r.get::<_, Option<i64>>(7)?,
                    r.get::<_, Option<i64>>(8)?,
                ))
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let mut mentions = Vec::with_capacity(rows.len());
        for (sentence, s, e, t, actor, rule, discovered, es, ee) in rows {
            mentions.push(Mention {
                sentence: sentence as usize,
                span: [s as usize, e as usize],
                text: span_text(s, e, t),
                actor: x.actor(actor)?,
                rule: x.string(rule)?,
                discovered: discovered != 0,
                evidence: es.zip(ee).map(|(s, e)| [s as usize, e as usize]),
            });
        }
        // Rows come back in insertion order, which is the pipeline's order:
        // an exported document reads exactly as `entente code` printed it.
        let events = self.records(
            &mut x,
            seq,
            &format!(
                "SELECT entente_json(e.json), {} FROM events e WHERE e.doc = ?1 ORDER BY e.rowid",
                EVENT_FIELDS
            ),
            event_fields,
        )?;
        let quotes = self.records(
            &mut x,
            seq,
            "SELECT entente_json(q.json), q.sentence, q.start, q.end FROM quotes q WHERE q.doc = ?1 ORDER BY q.n",
            record_fields,
        )?;
        let facts = self.records(
            &mut x,
            seq,
            "SELECT entente_json(f.json), f.sentence, f.start, f.end FROM facts f WHERE f.doc = ?1 ORDER BY f.n",
            record_fields,
        )?;
        Ok(Coded {
            document: Some(document),
            sentences,
            times,
            mentions,
            events,
            quotes,
            facts,
            diagnostics: Vec::new(),
        })
    }

    fn records<T: serde::de::DeserializeOwned>(
        &self,
        x: &mut Expander<'_>,
        seq: i64,
        sql: &str,
        fields: fn(&Row<'_>, usize) -> rusqlite::Result<Map<String, Json>>,
    ) -> Result<Vec<T>> {
        let mut st = self.conn.prepare_cached(sql)?;
        let raw = st
            .query_map([seq], |r| Ok((r.get::<_, String>(0)?, fields(r, 1)?)))?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        raw.into_iter()
            .map(|(json, cols)| Ok(serde_json::from_value(x.expand(seq, &json, cols)?)?))
            .collect()
    }
}
