//! What `entente watch` keeps between rounds: validators of the watched URLs and the articles already seen.

use crate::{Result, Store};
use rusqlite::{params, OptionalExtension};

/// A watched URL's validators for its next conditional request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedSource {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// What the last fetch gave: `200`, `304` or an error message.
    pub status: String,
    /// Failed fetches in a row.
    pub failures: i64,
}

impl Store {
    /// The state of a watched URL, if it was fetched before.
    pub fn feed_source(&self, url: &str) -> Result<Option<FeedSource>> {
        Ok(self
            .connection()
            .query_row(
                "SELECT etag, last_modified, status, failures FROM feed_sources WHERE url = ?1",
                [url],
                |r| {
                    Ok(FeedSource {
                        etag: r.get(0)?,
                        last_modified: r.get(1)?,
                        status: r.get(2)?,
                        failures: r.get(3)?,
                    })
                },
            )
            .optional()?)
    }

    /// Records what a fetch of a watched URL gave; `checked_at` is an RFC 3339 time.
    pub fn set_feed_source(&self, url: &str, state: &FeedSource, checked_at: &str) -> Result<()> {
        self.connection().execute(
            "INSERT INTO feed_sources (url, etag, last_modified, checked_at, status, failures)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (url) DO UPDATE SET etag = ?2, last_modified = ?3, checked_at = ?4,
                 status = ?5, failures = ?6",
            params![
                url,
                state.etag,
                state.last_modified,
                checked_at,
                state.status,
                state.failures
            ],
        )?;
        Ok(())
    }

    /// The document an article was stored as, when it was seen before by
    /// its URL or its content hash.
    pub fn feed_item_seen(&self, url: Option<&str>, content_hash: &str) -> Result<Option<String>> {
        Ok(self
            .connection()
            .query_row(
                "SELECT doc FROM feed_items WHERE url = ?1 OR content_hash = ?2 LIMIT 1",
                params![url, content_hash],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Whether an article URL was seen before (checked before fetching it).
    pub fn feed_url_seen(&self, url: &str) -> Result<bool> {
        Ok(self.connection().query_row(
            "SELECT EXISTS (SELECT 1 FROM feed_items WHERE url = ?1)",
            [url],
            |r| r.get(0),
        )?)
    }

    /// Remembers an article as seen (a URL seen again keeps its first record).
    pub fn mark_feed_item(
        &self,
        url: Option<&str>,
        content_hash: &str,
        doc: &str,
        source: &str,
        seen_at: &str,
    ) -> Result<()> {
        self.connection().execute(
            "INSERT INTO feed_items (url, content_hash, doc, source, seen_at)
             SELECT ?1, ?2, ?3, ?4, ?5 WHERE NOT EXISTS (SELECT 1 FROM feed_items
                 WHERE url = ?1 OR (?1 IS NULL AND content_hash = ?2))
             ON CONFLICT DO NOTHING",
            params![url, content_hash, doc, source, seen_at],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_and_items_round_trip() {
        let s = Store::memory().unwrap();
        assert_eq!(s.feed_source("http://a/feed").unwrap(), None);
        let mut st = FeedSource {
            etag: Some("\"v1\"".into()),
            last_modified: None,
            status: "200".into(),
            failures: 0,
        };
        s.set_feed_source("http://a/feed", &st, "2025-01-01T00:00:00Z")
            .unwrap();
        st.status = "304".into();
        s.set_feed_source("http://a/feed", &st, "2025-01-01T00:15:00Z")
            .unwrap();
        assert_eq!(s.feed_source("http://a/feed").unwrap(), Some(st));

        assert_eq!(s.feed_item_seen(Some("http://a/1"), "h1").unwrap(), None);
        s.mark_feed_item(Some("http://a/1"), "h1", "d1", "http://a/feed", "t")
            .unwrap();
        // The same URL again, or the same text under another URL, is seen.
        let d1 = Some("d1".to_string());
        assert_eq!(s.feed_item_seen(Some("http://a/1"), "other").unwrap(), d1);
        assert_eq!(s.feed_item_seen(Some("http://b/1"), "h1").unwrap(), d1);
        assert!(s.feed_url_seen("http://a/1").unwrap());
        assert!(!s.feed_url_seen("http://a/2").unwrap());
        // A copy at another URL is remembered under the first's document.
        s.mark_feed_item(Some("http://b/1"), "h1", "d1", "http://b/feed", "t")
            .unwrap();
        assert!(s.feed_url_seen("http://b/1").unwrap());
        // Marking twice is a no-op, and items without a URL are kept by hash.
        s.mark_feed_item(Some("http://a/1"), "h1", "d1", "http://a/feed", "t")
            .unwrap();
        s.mark_feed_item(None, "h2", "d2", "http://a/feed", "t")
            .unwrap();
        s.mark_feed_item(None, "h2", "d2", "http://a/feed", "t")
            .unwrap();
        let n: i64 = s
            .connection()
            .query_row("SELECT count(*) FROM feed_items", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 3);
        assert_eq!(s.feed_item_seen(None, "h2").unwrap(), Some("d2".into()));
    }
}
