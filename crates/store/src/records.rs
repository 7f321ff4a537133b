//! Stored records read back as model types, each with its document and the
//! span of its sentence: what analysis and the report work from.

use crate::{Result, Store};
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
        let sql = format!(
            "SELECT r.doc, r.json, s.start, s.end FROM {t} r
             LEFT JOIN documents d ON d.id = r.doc
             LEFT JOIN sentence_rows s ON s.id = (d.seq << 20) | r.sentence
             ORDER BY r.doc, r.start, r.rowid"
        );
        let mut st = self.connection().prepare(&sql)?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<i64>>(2)?,
                r.get::<_, Option<i64>>(3)?,
            ))
        })?;
        let (mut out, mut bad) = (Vec::new(), 0);
        for row in rows {
            let (doc, json, s, e) = row?;
            let span = s
                .zip(e)
                .and_then(|(s, e)| Some((usize::try_from(s).ok()?, usize::try_from(e).ok()?)));
            match serde_json::from_str::<T>(&json) {
                Ok(record) => out.push(Stored {
                    doc,
                    record,
                    sentence_span: span,
                }),
                Err(_) => bad += 1,
            }
        }
        Ok((out, bad))
    }

    /// Every stored document's metadata and text.
    pub fn document_texts(&self) -> Result<Vec<DocText>> {
        let mut st = self
            .connection()
            .prepare("SELECT id, title, date, url, text FROM documents")?;
        let rows = st.query_map([], |r| {
            Ok(DocText {
                id: r.get(0)?,
                title: r.get(1)?,
                date: r.get(2)?,
                url: r.get(3)?,
                text: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}
