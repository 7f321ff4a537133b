//! Full-text search over stored sentences (SQLite FTS5, porter stemming).

use crate::{Result, Store, StoreError};
use serde::Serialize;

/// One matching sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchHit {
    pub doc: String,
    pub sentence: usize,
    /// The document's date.
    pub date: String,
    pub title: Option<String>,
    /// The sentence around the hits, each hit between `**` marks.
    pub snippet: String,
}

/// Turns what a user typed into an FTS5 query. Text that already uses the
/// query syntax (double quotes, `OR`, `NOT`, `NEAR`, `*`) passes through;
/// anything else becomes a conjunction of quoted words, so hyphens, colons
/// and apostrophes in names are not taken for operators.
pub fn fts_query(input: &str) -> String {
    let words: Vec<&str> = input.split_whitespace().collect();
    let syntax = input.contains('"')
        || input.contains('*')
        || words
            .iter()
            .any(|w| matches!(*w, "OR" | "AND" | "NOT") || w.starts_with("NEAR("));
    if syntax {
        return input.trim().to_string();
    }
    words
        .iter()
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect::<Vec<_>>()
        .join(" ")
}

impl Store {
    /// Sentences matching `query` (see [`fts_query`]), best first.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let q = fts_query(query);
        if q.is_empty() {
            return Ok(Vec::new());
        }
        let mut st = self.connection().prepare(
            "SELECT d.id, f.rowid - d.sentence0, d.date, entente_title((SELECT z FROM text_blocks WHERE id = d.block), d.at),
                    snippet(sentence_fts, 0, '**', '**', '…', 24)
             FROM sentence_fts f JOIN sentence_rows s ON s.id = f.rowid
             JOIN documents d ON d.seq = s.doc
             WHERE sentence_fts MATCH ?1
             ORDER BY bm25(sentence_fts), d.date DESC, d.id, f.rowid
             LIMIT ?2",
        )?;
        let rows = st.query_map(rusqlite::params![q, limit as i64], |r| {
            Ok(SearchHit {
                doc: r.get(0)?,
                sentence: r.get::<_, i64>(1)? as usize,
                date: r.get(2)?,
                title: r.get(3)?,
                snippet: r.get(4)?,
            })
        })?;
        rows.collect::<std::result::Result<_, _>>()
            .map_err(|e| bad_query(query, e))
    }
}

impl Store {
    /// One page of [`Store::search`] over its best `cap` hits, and how many
    /// of those there are. The hits are ranked on their keys alone; the
    /// snippets and titles (each title inflates a text block) are made for
    /// the page's hits only.
    pub fn search_page(
        &self,
        query: &str,
        cap: usize,
        limit: usize,
        offset: usize,
    ) -> Result<(usize, Vec<SearchHit>)> {
        let q = fts_query(query);
        if q.is_empty() {
            return Ok((0, Vec::new()));
        }
        let conn = self.connection();
        let ranked: Vec<i64> = conn
            .prepare_cached(
                "SELECT f.rowid FROM sentence_fts f JOIN sentence_rows s ON s.id = f.rowid
                 JOIN documents d ON d.seq = s.doc
                 WHERE sentence_fts MATCH ?1
                 ORDER BY bm25(sentence_fts), d.date DESC, d.id, f.rowid
                 LIMIT ?2",
            )?
            .query_map(rusqlite::params![q, cap as i64], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()
            .map_err(|e| bad_query(query, e))?;
        let page: Vec<i64> = ranked.iter().copied().skip(offset).take(limit).collect();
        if page.is_empty() {
            return Ok((ranked.len(), Vec::new()));
        }
        let ids = page
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let mut st = conn.prepare(&format!(
            "SELECT f.rowid, d.id, f.rowid - d.sentence0, d.date,
                    entente_title((SELECT z FROM text_blocks WHERE id = d.block), d.at),
                    snippet(sentence_fts, 0, '**', '**', '…', 24)
             FROM sentence_fts f JOIN sentence_rows s ON s.id = f.rowid
             JOIN documents d ON d.seq = s.doc
             WHERE sentence_fts MATCH ?1 AND f.rowid IN ({ids})"
        ))?;
        let mut hits: std::collections::HashMap<i64, SearchHit> = st
            .query_map([&q], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    SearchHit {
                        doc: r.get(1)?,
                        sentence: r.get::<_, i64>(2)? as usize,
                        date: r.get(3)?,
                        title: r.get(4)?,
                        snippet: r.get(5)?,
                    },
                ))
            })?
            .collect::<std::result::Result<_, _>>()
            .map_err(|e| bad_query(query, e))?;
        let out = page.iter().filter_map(|id| hits.remove(id)).collect();
        Ok((ranked.len(), out))
    }
}

/// FTS5 reports a malformed query as a generic SQL error: say what to do.
pub(crate) fn bad_query(query: &str, e: rusqlite::Error) -> StoreError {
    match &e {
        // Prepared statements are fixed, so a plain SQL error while stepping
        // is FTS5 refusing the query ("unterminated string", "fts5: syntax error").
        rusqlite::Error::SqliteFailure(f, Some(msg))
            if f.code == rusqlite::ErrorCode::Unknown && !query.is_empty() =>
        {
            StoreError::Search {
                query: query.to_string(),
                message: msg.clone(),
            }
        }
        _ => StoreError::Query(e),
    }
}
