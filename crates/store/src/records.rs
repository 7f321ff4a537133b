//! Stored records read back as model types, each with its document and the
//! span of its sentence: what analysis and the report work from.

use crate::compact::Expander;
use crate::{Result, Store, StoreError};
use serde::de::DeserializeOwned;

/// Which stored record kind to read.
#[derive(Debug, Clone, Copy)]
pub enum RecordKind {
    Events,
    Facts,
    Quotes,
}

impl RecordKind {
    fn table(self) -> &'static str {
        match self {
            RecordKind::Events => "events",
            RecordKind::Facts => "facts",
            RecordKind::Quotes => "quotes",
        }
    }
}

/// One stored record with where it came from.
#[derive(Debug, Clone)]
pub struct Stored<T> {
    pub doc: String,
    pub record: T,
    /// `(start, end)` of the record's sentence in the document text.
    pub sentence_span: Option<(usize, usize)>,
}

/// A document's metadata and text, for labels and evidence sentences.
#[derive(Debug, Clone)]
pub struct DocText {
    pub id: String,
    pub title: Option<String>,
    pub date: String,
    pub url: Option<String>,
    pub text: String,
}

impl Store {
    /// Every stored record of one kind, in document and text order, and the
    /// number of rows whose JSON no longer parses (written by another version).
    pub fn stored<T: DeserializeOwned>(&self, kind: RecordKind) -> Result<(Vec<Stored<T>>, usize)> {
        let t = kind.table();
        let (fields, order): (&str, &str) = match kind {
            RecordKind::Events => (crate::load::EVENT_FIELDS, "e.rowid"),
            _ => ("e.sentence, e.start, e.end", "e.n"),
        };
        let sql = format!(
            "SELECT d.id, d.seq, s.start, s.end, entente_json(e.json), {fields} FROM {t} e
             JOIN documents d ON d.seq = e.doc
             LEFT JOIN sentence_rows s ON s.id = d.sentence0 + e.sentence AND s.id < d.sentence_end
             ORDER BY d.id, e.start, {order}"
        );
        let columns = match kind {
            RecordKind::Events => crate::load::event_fields,
            _ => crate::load::record_fields,
        };
        let mut st = self.connection().prepare(&sql)?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, Option<i64>>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, String>(4)?,
                columns(r, 5)?,
            ))
        })?;
        let mut x = Expander::new(self.connection());
        let (mut out, mut bad) = (Vec::new(), 0);
        for row in rows {
            let (doc, seq, s, e, json, cols) = row?;
            let span = s
                .zip(e)
                .and_then(|(s, e)| Some((usize::try_from(s).ok()?, usize::try_from(e).ok()?)));
            let record = match x.expand(seq, &json, cols) {
                Ok(v) => serde_json::from_value::<T>(v).ok(),
                Err(StoreError::Json(_)) => None,
                Err(e) => return Err(e),
            };
            match record {
                Some(record) => out.push(Stored {
                    doc,
                    record,
                    sentence_span: span,
                }),
                None => bad += 1,
            }
        }
        Ok((out, bad))
    }

    /// Every stored document's metadata and text.
    pub fn document_texts(&self) -> Result<Vec<DocText>> {
        let mut st = self
            .connection()
            .prepare(
                "SELECT d.id, d.date, d.url, b.z, d.at FROM documents d JOIN text_blocks b ON b.id = d.block",
            )?;
        let rows = st.query_map([], |r| {
            Ok((
                DocText {
                    id: r.get(0)?,
                    title: None,
                    date: r.get(1)?,
                    url: r.get(2)?,
                    text: String::new(),
                },
                crate::compact::doc_text(r.get_ref(3)?, r.get(4)?),
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (mut d, text) = row?;
            (d.title, d.text) = text.map_err(|m| crate::compact::bad_body(&d.id, m))?;
            out.push(d);
        }
        Ok(out)
    }
}
