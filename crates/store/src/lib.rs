//! The store: entente's SQLite database, the only crate that knows SQL.
//!
//! Each document is written in one transaction with all its records, so an
//! ingest killed at any point leaves whole documents or none, and a re-run
//! picks up where it stopped (documents already present are skipped).
//!
//! The same transaction keeps the derived tables in step: the event groups
//! that fold one event reported by many articles into one (`dedup`), and the
//! FTS5 index over sentences (`search`). Read-side queries live in `query`,
//! export views (GDELT, PLOVER, actor graph) in `export`.

#![forbid(unsafe_code)]

mod compact;
mod dedup;
pub mod export;
pub mod feeds;
mod load;
mod migrate8;
mod pack;
pub mod query;
mod records;
pub mod review;
pub mod search;
pub mod votes;
mod write;

pub use write::{Prepared, SealedBlocks};

pub use export::{GdeltRow, Graph, GraphEdge, PloverEvent, GDELT_COLUMNS};
pub use feeds::FeedSource;
pub use query::{
    ActorProfile, DyadReport, EventFilter, EventRow, FactRow, MonthRow, NameUse, Partner,
    QuadCounts, QuoteRow,
};
pub use records::{DocText, RecordKind, Stored};
pub use review::{GroupRow, Review};
pub use search::SearchHit;

use model::{Coded, Document};
use rusqlite::{Connection, OptionalExtension};
use std::path::Path;
use std::time::Duration;
use thiserror::Error;

/// Numbered migrations, applied in order; `PRAGMA user_version` records the last.
const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_documents",
        include_str!("../migrations/0001_documents.sql"),
    ),
    (
        "0002_mentions",
        include_str!("../migrations/0002_mentions.sql"),
    ),
    (
        "0003_events_quotes_facts",
        include_str!("../migrations/0003_events_quotes_facts.sql"),
    ),
    (
        "0004_groups_search",
        include_str!("../migrations/0004_groups_search.sql"),
    ),
    (
        "0005_compact_sentences",
        include_str!("../migrations/0005_compact_sentences.sql"),
    ),
    ("0006_votes", include_str!("../migrations/0006_votes.sql")),
    ("0007_feeds", include_str!("../migrations/0007_feeds.sql")),
    (
        "0008_compact_store",
        include_str!("../migrations/0008_compact_store.sql"),
    ),
    (
        "0009_read_indexes",
        include_str!("../migrations/0009_read_indexes.sql"),
    ),
    (
        "0010_packed_records",
        include_str!("../migrations/0010_packed_records.sql"),
    ),
    (
        "0011_read_counts",
        include_str!("../migrations/0011_read_counts.sql"),
    ),
    (
        "0012_packed_lists",
        include_str!("../migrations/0012_packed_lists.sql"),
    ),
];

/// The line of migration 0008 where `migrate8` copies the records.
const COPY_MARK: &str = "-- @copy";

/// What failed, said once: the rusqlite or JSON error is part of the message
/// rather than a `source`, which `anyhow`'s `{:#}` would print a second time.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("database {path}: {cause}{}", hint(cause))]
    Open {
        path: String,
        cause: rusqlite::Error,
    },
    #[error("database {path} is at schema version {found}, newer than this entente ({known}); upgrade entente")]
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("database {path} is at schema version {found}, older than this entente ({known}), and cannot be upgraded because it is read-only; open a writable copy once with any entente command")]
    Outdated {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("migration {name}: {cause}{}", hint(cause))]
    Migration {
        name: String,
        cause: rusqlite::Error,
    },
    #[error("document {doc}: {cause}{}", hint(cause))]
    Write { doc: String, cause: rusqlite::Error },
    #[error("query: {0}{hint}", hint = hint(.0))]
    Query(rusqlite::Error),
    #[error("stored record is not valid JSON: {0}")]
    Json(serde_json::Error),
    #[error("search {query:?}: {message} (quote phrases as '\"red lines\"', or use plain words)")]
    Search { query: String, message: String },
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    #[error("no stored document matches {0:?}")]
    NotFound(String),
    #[error("{prefix:?} matches several documents ({count}); give more of the id")]
    Ambiguous { prefix: String, count: usize },
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError::Query(e)
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> StoreError {
        StoreError::Json(e)
    }
}

/// The fix for the database errors a user can act on.
fn hint(e: &rusqlite::Error) -> &'static str {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::NotADatabase) => {
            " (not an entente database: name another file with --db, or move this one away)"
        }
        Some(C::CannotOpen) => " (does its folder exist, and may entente write there?)",
        Some(C::ReadOnly) => " (the file or its folder is read-only)",
        Some(C::DatabaseBusy | C::DatabaseLocked) => {
            " (another entente is writing to it; try again when it is done)"
        }
        Some(C::DiskFull) => " (the disk is full)",
        Some(C::DatabaseCorrupt) => {
            " (the file is damaged: re-create it with `entente ingest` into a new --db)"
        }
        _ => "",
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// How long one SQLite call waits for another process's lock before it
/// reports the database busy (and `retry_busy` takes over).
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Errors that mean "another process holds the lock: try again".
trait Busy {
    fn is_busy(&self) -> bool;
}

impl Busy for rusqlite::Error {
    fn is_busy(&self) -> bool {
        matches!(
            self.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        )
    }
}

impl Busy for StoreError {
    fn is_busy(&self) -> bool {
        match self {
            StoreError::Open { cause, .. }
            | StoreError::Migration { cause, .. }
            | StoreError::Write { cause, .. }
            | StoreError::Query(cause) => cause.is_busy(),
            _ => false,
        }
    }
}

/// Runs `f` again while it fails because the database is busy, waiting
/// longer each time (with jitter, so waiting writers do not wake in step).
/// SQLite's own busy timeout covers most waits; this covers what it cannot:
/// a lock upgrade refused at once, or a writer slower than the timeout.
fn retry_busy<T, E: Busy>(
    mut f: impl FnMut() -> std::result::Result<T, E>,
) -> std::result::Result<T, E> {
    let mut wait = Duration::from_millis(20);
    for _ in 0..12 {
        match f() {
            Err(e) if e.is_busy() => {
                let nanos = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.subsec_nanos())
                    .unwrap_or(0);
                let jitter =
                    Duration::from_micros(u64::from(nanos) % (wait.as_micros() as u64).max(1));
                std::thread::sleep(wait + jitter);
                wait = (wait * 2).min(Duration::from_secs(2));
            }
            other => return other,
        }
    }
    f()
}

/// Runs one write attempt; when it fails, the interner forgets every id,
/// since the rows the attempt added were rolled back.
fn forget_on_error<T>(
    interner: &mut compact::Interner,
    f: impl FnOnce(&mut compact::Interner) -> Result<T>,
) -> Result<T> {
    let out = f(interner);
    if out.is_err() {
        interner.clear();
    }
    out
}

/// Could not open the database's shared-memory file (a WAL database in a
/// read-only folder, or a read-only file without its -shm).
fn cannot_share(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly)
    )
}

/// A file path as the path part of an SQLite URI.
fn uri_path(path: &Path) -> String {
    let raw = path.to_string_lossy();
    let mut out = String::with_capacity(raw.len());
    for b in raw.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// One line of `entente actors`: an actor and how often the stored documents name it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ActorCount {
    pub id: String,
    pub code: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub discovered: bool,
    pub mentions: usize,
    pub documents: usize,
    /// One mention's text, as an example of how it is written.
    pub example: String,
}

/// One line of `entente documents` (the title last, as in its CSV).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DocSummary {
    #[serde(rename = "doc")]
    pub id: String,
    pub date: String,
    pub format: String,
    pub sentences: usize,
    pub mentions: usize,
    pub events: usize,
    pub title: Option<String>,
}

pub struct Store {
    conn: Connection,
    /// Row ids of actors and names this connection has written or found.
    interner: compact::Interner,
}

impl Store {
    /// Opens (creating if needed) the database and brings its schema up to date.
    ///
    /// Safe to call from many processes at once on the same file: the schema
    /// is migrated under SQLite's write lock, re-checked once the lock is
    /// held, and a writer that finds the database busy waits and retries.
    pub fn open(path: &Path) -> Result<Store> {
        let p = path.display().to_string();
        let conn = Connection::open(path).map_err(|cause| StoreError::Open {
            path: p.clone(),
            cause,
        })?;
        Self::init(conn, &p)
    }

    /// Opens an existing database for reading only: works on a read-only
    /// file or in a read-only folder, and never changes the file. A database
    /// at an older schema is upgraded first when the file can be written.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        use rusqlite::OpenFlags as F;
        let p = path.display().to_string();
        let open_err = |cause| StoreError::Open {
            path: p.clone(),
            cause,
        };
        let flags = F::SQLITE_OPEN_READ_ONLY | F::SQLITE_OPEN_URI | F::SQLITE_OPEN_NO_MUTEX;
        let probe = |conn: &Connection| -> rusqlite::Result<i64> {
            conn.busy_timeout(BUSY_TIMEOUT)?;
            retry_busy(|| conn.query_row("PRAGMA user_version", [], |r| r.get(0)))
        };
        let conn = Connection::open_with_flags(path, flags).map_err(open_err)?;
        let (conn, version) = match probe(&conn) {
            Ok(v) => (conn, v),
            // A WAL database needs its -shm file; in a read-only folder with
            // none, read the file as immutable (nobody can be writing it).
            Err(e) if cannot_share(&e) => {
                drop(conn);
                let uri = format!("file:{}?immutable=1", uri_path(path));
                let conn = Connection::open_with_flags(uri, flags).map_err(open_err)?;
                let v = probe(&conn).map_err(open_err)?;
                (conn, v)
            }
            Err(e) => return Err(open_err(e)),
        };
        let known = MIGRATIONS.len() as i64;
        if version > known {
            return Err(StoreError::TooNew {
                path: p,
                found: version,
                known,
            });
        }
        if version < known {
            drop(conn);
            return Store::open(path).map_err(|e| match e {
                StoreError::Open { cause, .. } | StoreError::Migration { cause, .. }
                    if cause.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly) =>
                {
                    StoreError::Outdated {
                        path: p.clone(),
                        found: version,
                        known,
                    }
                }
                other => other,
            });
        }
        conn.execute_batch("PRAGMA query_only=ON; PRAGMA foreign_keys=ON;")
            .map_err(open_err)?;
        compact::register(&conn).map_err(open_err)?;
        Ok(Store {
            conn,
            interner: compact::Interner::default(),
        })
    }

    /// An in-memory database, for tests and one-shot analysis.
    pub fn memory() -> Result<Store> {
        let conn = Connection::open_in_memory().map_err(|cause| StoreError::Open {
            path: ":memory:".into(),
            cause,
        })?;
        Self::init(conn, ":memory:")
    }

    fn init(conn: Connection, path: &str) -> Result<Store> {
        let open_err = |cause| StoreError::Open {
            path: path.into(),
            cause,
        };
        // The timeout first: switching to WAL takes a lock another process may hold.
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_err)?;
        // A new database gets 2048-byte pages: a deflated article (2-3 KB)
        // then fills pages through overflow pages instead of leaving half of
        // a 4096-byte page empty (a no-op on an existing database).
        conn.execute_batch("PRAGMA page_size=2048")
            .map_err(open_err)?;
        // WAL: readers never block the writer and a killed writer leaves the
        // last committed state; NORMAL sync is durable at each checkpoint,
        // which is enough for a cache of re-derivable facts.
        retry_busy(|| conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get::<_, String>(0)))
            .map_err(open_err)?;
        // A larger page cache (64 MB) keeps the index pages a batch of
        // documents touches in memory.
        // Checkpoints every 16 MB of log rather than SQLite's 4 MB: the hot
        // pages a batch rewrites (index tops, event groups) are copied and
        // synced to the database file a quarter as often; durability is the
        // same, the log file just grows larger between checkpoints.
        conn.execute_batch(
            "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536;
             PRAGMA wal_autocheckpoint=8192;",
        )
        .map_err(open_err)?;
        compact::register(&conn).map_err(open_err)?;
        // Room for every statement a write batch runs (rusqlite keeps 16),
        // so none is prepared again per batch.
        conn.set_prepared_statement_cache_capacity(64);
        let mut store = Store {
            conn,
            interner: compact::Interner::default(),
        };
        store.migrate(path)?;
        Ok(store)
    }

    /// Applies the migrations this database lacks, all in one transaction
    /// that holds the write lock from its start: of several processes
    /// opening a new database at once, one migrates and the others, once
    /// they get the lock, find the schema current and change nothing.
    fn migrate(&mut self, path: &str) -> Result<()> {
        let known = MIGRATIONS.len() as i64;
        let too_new = |found| StoreError::TooNew {
            path: path.into(),
            found,
            known,
        };
        let version: i64 =
            retry_busy(|| self.conn.query_row("PRAGMA user_version", [], |r| r.get(0)))?;
        if version > known {
            return Err(too_new(version));
        }
        if version == known {
            return Ok(());
        }
        retry_busy(|| -> Result<()> {
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            for (i, (name, sql)) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
                let fail = |cause| StoreError::Migration {
                    name: name.to_string(),
                    cause,
                };
                match sql.split_once(COPY_MARK) {
                    Some((before, after)) => {
                        tx.execute_batch(before).map_err(fail)?;
                        migrate8::copy(&tx).map_err(|e| match e {
                            StoreError::Query(cause) => fail(cause),
                            other => other,
                        })?;
                        tx.execute_batch(after).map_err(fail)?;
                    }
                    None => tx.execute_batch(sql).map_err(fail)?,
                }
                tx.pragma_update(None, "user_version", i as i64 + 1)?;
            }
            tx.commit()?;
            Ok(())
        })?;
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > known {
            return Err(too_new(version));
        }
        Ok(())
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    pub fn contains(&self, id: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?
            .query_row([id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Stores a coded document and all its records in one transaction, with
    /// its sentences indexed for search and its events counted into groups.
    /// Returns false (and writes nothing) when the document is already stored
    /// and `replace` is off: re-ingesting is a no-op.
    pub fn put(&mut self, coded: &Coded, origin: Option<&str>, replace: bool) -> Result<bool> {
        Ok(self.put_many(&[(coded, origin)], replace)?[0])
    }

    /// As [`Store::put`] for many documents in one transaction: whole
    /// documents or none are stored, and one commit serves the batch. Waits
    /// for (and retries after) other writers; the write lock is taken at the
    /// start, so the "already stored?" check and the write cannot interleave
    /// with another process's.
    pub fn put_many(
        &mut self,
        batch: &[(&Coded, Option<&str>)],
        replace: bool,
    ) -> Result<Vec<bool>> {
        let batch: Vec<_> = batch.iter().map(|&(c, o)| (c, o, None)).collect();
        self.put_many_ahead(&batch, replace, &SealedBlocks::default())
    }

    /// As [`Store::put_many`], with work done ahead on other threads than
    /// the writer's: each document's records made compact
    /// ([`Prepared::of`]) and the batch's text blocks compressed
    /// ([`SealedBlocks::of`]). The same rows are written either way.
    pub fn put_many_ahead(
        &mut self,
        batch: &[(&Coded, Option<&str>, Option<&Prepared>)],
        replace: bool,
        sealed: &SealedBlocks,
    ) -> Result<Vec<bool>> {
        let Store { conn, interner } = self;
        retry_busy(|| {
            // Rows added by a failed attempt are gone: forget their ids.
            forget_on_error(interner, |interner| {
                let tx =
                    conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
                interner.sync(&tx)?;
                let mut stored = Vec::with_capacity(batch.len());
                // Each document's sentences take the next free search rowids,
                // so every rowid from the lowest given here on was written here.
                let mut first: Option<i64> = None;
                // Likewise every document row from the lowest `seq` on.
                let mut seq: Option<i64> = None;
                let mut pending = write::Pending {
                    touched: Vec::new(),
                    blocks: write::Blocks::start(&tx, sealed)?,
                    search: Vec::new(),
                };
                for (coded, origin, prepared) in batch {
                    let written = write::put_one(
                        &tx,
                        interner,
                        (coded, *origin, *prepared),
                        replace,
                        first,
                        &mut pending,
                    )?;
                    if let Some((f, s)) = written {
                        first = Some(first.map_or(f, |a| a.min(f)));
                        seq = Some(seq.map_or(s, |a| a.min(s)));
                    }
                    stored.push(written.is_some());
                }
                // The last block before anything reads the texts back.
                pending.blocks.flush(&tx)?;
                let mut touched = pending.touched;
                // Groups are assigned and counted once per batch, from its
                // final state.
                if let Some(seq) = seq {
                    touched.extend(dedup::assign_from(&tx, seq)?);
                }
                dedup::recount(&tx, &touched)?;
                if first.is_some() {
                    write::index_texts(&tx, &pending.search)?;
                    write::count_write(&tx)?;
                }
                tx.commit()?;
                Ok(stored)
            })
        })
    }

    /// Replaces everything coded from a stored document, keeping its row
    /// (text, title, date, origin, ingestion time): what `recode` does after
    /// the lexicons change. The document must already be stored.
    pub fn replace_records(&mut self, coded: &Coded) -> Result<()> {
        self.replace_many(&[coded])
    }

    /// As [`Store::replace_records`] for many documents in one transaction.
    pub fn replace_many(&mut self, batch: &[&Coded]) -> Result<()> {
        let Store { conn, interner } = self;
        retry_busy(|| {
            forget_on_error(interner, |interner| {
                let tx =
                    conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
                interner.sync(&tx)?;
                let mut first: Option<i64> = None;
                let mut touched = Vec::new();
                for coded in batch {
                    if let Some(f) = write::replace_one(&tx, interner, coded, first, &mut touched)?
                    {
                        first = Some(first.map_or(f, |a| a.min(f)));
                    }
                }
                dedup::recount(&tx, &touched)?;
                if let Some(first) = first {
                    write::index_sentences(&tx, first)?;
                }
                write::count_write(&tx)?;
                tx.commit()?;
                Ok(())
            })
        })
    }

    /// Whether no document is stored yet.
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT NOT EXISTS (SELECT 1 FROM documents)", [], |r| {
                r.get(0)
            })?)
    }

    /// Packs a database written in one go (what `ingest` does after filling
    /// a new database): the search index merged into one segment and every
    /// table and index rewritten full, which an ingest leaves about 70% full
    /// (document ids and actors come in no order). It rewrites the whole
    /// file, so it is for a database that was just written, not for one that
    /// grows. When another process is using the database it is left as it
    /// is.
    pub fn pack(&mut self) -> Result<()> {
        let run = |sql: &str| match self.conn.execute_batch(sql) {
            Err(e) if e.is_busy() => Ok(false),
            Err(e) => Err(StoreError::Query(e)),
            Ok(()) => Ok(true),
        };
        if run("INSERT INTO sentence_fts (sentence_fts) VALUES ('optimize')")? {
            run("VACUUM")?;
        }
        Ok(())
    }

    /// Every stored document id, in storage order.
    pub fn document_ids(&self) -> Result<Vec<String>> {
        let mut st = self
            .conn
            .prepare("SELECT id FROM documents ORDER BY seq, id")?;
        let ids = st
            .query_map([], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        Ok(ids)
    }

    /// Row counts of the coded tables, for progress lines and idempotence checks.
    pub fn counts(&self) -> Result<Counts> {
        let n = |sql: &str| -> Result<usize> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as usize)
        };
        Ok(Counts {
            documents: n("SELECT count(*) FROM documents")?,
            sentences: n("SELECT count(*) FROM sentence_rows")?,
            mentions: n("SELECT coalesce(sum(entente_list_len(list)), 0) FROM mention_lists")?,
            events: n("SELECT count(*) FROM events")?,
            event_groups: n("SELECT count(*) FROM event_groups")?,
            quotes: n("SELECT count(*) FROM quotes")?,
            facts: n("SELECT count(*) FROM facts")?,
        })
    }

    /// All stored documents, newest first.
    pub fn documents(&self) -> Result<Vec<DocSummary>> {
        self.document_rows(-1, 0)
    }

    /// `limit` documents from `offset` on, newest first, and how many are
    /// stored: the database pages, so a page costs the same at any size.
    pub fn documents_page(&self, limit: usize, offset: usize) -> Result<(usize, Vec<DocSummary>)> {
        let total: i64 = self
            .conn
            .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))?;
        Ok((
            total as usize,
            self.document_rows(limit as i64, offset as i64)?,
        ))
    }

    fn document_rows(&self, limit: i64, offset: i64) -> Result<Vec<DocSummary>> {
        let mut st = self.conn.prepare_cached(
            "SELECT d.id, d.date, d.format, entente_title((SELECT z FROM text_blocks WHERE id = d.block), d.at),
                    (SELECT count(*) FROM sentence_rows s
                     WHERE s.id >= d.sentence0 AND s.id < d.sentence_end),
                    coalesce((SELECT entente_list_len(m.list) FROM mention_lists m WHERE m.doc = d.seq), 0),
                    (SELECT count(*) FROM events e WHERE e.doc = d.seq)
             FROM (SELECT seq FROM documents ORDER BY date DESC, id LIMIT ?1 OFFSET ?2) p
             JOIN documents d ON d.seq = p.seq ORDER BY d.date DESC, d.id",
        )?;
        let rows = st.query_map([limit, offset], |r| {
            Ok(DocSummary {
                id: r.get(0)?,
                date: r.get(1)?,
                format: r.get(2)?,
                title: r.get(3)?,
                sentences: r.get::<_, i64>(4)? as usize,
                mentions: r.get::<_, i64>(5)? as usize,
                events: r.get::<_, i64>(6)? as usize,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Actors named in the stored documents, most mentioned first; with
    /// `discovered_only`, those found from the text that no lexicon knows.
    pub fn actors(&self, discovered_only: bool) -> Result<Vec<ActorCount>> {
        let mut st = self.conn.prepare(&format!(
            // The mentions' texts are cut in storage order (a text block is
            // inflated once for all its documents), then grouped by actor.
            "WITH m AS MATERIALIZED (
                 SELECT m.actor, m.doc, m.discovered,
                        coalesce(m.text, entente_span(b.z, d.at, m.start, m.end)) AS text
                 FROM mention_lists l JOIN documents d ON d.seq = l.doc
                 JOIN text_blocks b ON b.id = d.block
                 JOIN mentions m ON m.doc = l.doc
                 WHERE (?1 = 0 OR m.discovered = 1))
             SELECT {id}, a.code, a.name, entente_actor_type(a.type), max(m.discovered), count(*),
                    count(DISTINCT m.doc), min(m.text)
             FROM m JOIN actors a ON a.id = m.actor
             GROUP BY {id}, a.code ORDER BY count(*) DESC, {id}",
            id = compact::ACTOR_ID
        ))?;
        let rows = st.query_map([discovered_only as i64], |r| {
            Ok(ActorCount {
                id: r.get(0)?,
                code: r.get(1)?,
                name: r.get(2)?,
                kind: r.get(3)?,
                discovered: r.get::<_, i64>(4)? != 0,
                mentions: r.get::<_, i64>(5)? as usize,
                documents: r.get::<_, i64>(6)? as usize,
                example: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The full id of the one document whose id starts with `prefix`.
    pub fn resolve_id(&self, prefix: &str) -> Result<String> {
        let pattern = format!(
            "{}%",
            prefix
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        let mut st = self
            .conn
            .prepare("SELECT id FROM documents WHERE id LIKE ?1 ESCAPE '\\' LIMIT 3")?;
        let ids: Vec<String> = st
            .query_map([pattern], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        if ids.iter().any(|i| i == prefix) {
            return Ok(prefix.to_string());
        }
        match ids.len() {
            0 => Err(StoreError::NotFound(prefix.into())),
            1 => Ok(ids[0].clone()),
            n => Err(StoreError::Ambiguous {
                prefix: prefix.into(),
                count: n,
            }),
        }
    }

    /// The underlying connection, for the store's own query modules.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// Row counts of the main tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Counts {
    pub documents: usize,
    pub sentences: usize,
    pub mentions: usize,
    pub events: usize,
    pub event_groups: usize,
    pub quotes: usize,
    pub facts: usize,
}

/// The outlet a document counts as for NumSources: its publisher, else its
/// URL's host, else the document itself (the same rule as migration 0004).
pub(crate) fn outlet(doc: &Document) -> String {
    outlet_of(doc.source.as_deref(), doc.url.as_deref(), &doc.id)
}

/// [`outlet`] from a document's publisher, URL and id.
pub(crate) fn outlet_of(source: Option<&str>, url: Option<&str>, id: &str) -> String {
    if let Some(s) = source.map(str::trim).filter(|s| !s.is_empty()) {
        return s.to_lowercase();
    }
    if let Some(host) = url.and_then(url_host) {
        return host.to_lowercase();
    }
    format!("doc:{id}")
}

pub(crate) fn url_host(url: &str) -> Option<&str> {
    let rest = &url[url.find("://")? + 3..];
    let host = rest.split('/').next().unwrap_or(rest);
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests_migrate;
#[cfg(test)]
mod tests_more;

#[cfg(test)]
mod tests {
    use super::*;
    use model::{DateSource, Sentence, TimeExpr};

    fn coded(id: &str) -> Coded {
        Coded {
            document: Some(Document {
                id: id.into(),
                title: Some("T".into()),
                author: None,
                date: "2025-05-02".into(),
                date_source: DateSource::Option,
                url: None,
                source: None,
                format: "text".into(),
                text: "One. Two in April.".into(),
                boilerplate: vec!["Photo.".into()],
            }),
            sentences: vec![
                Sentence {
                    index: 0,
                    span: [0, 4],
                },
                Sentence {
                    index: 1,
                    span: [5, 18],
                },
            ],
            times: vec![TimeExpr {
                span: [12, 17],
                text: "April".into(),
                value: "2025-04".into(),
                qualifier: None,
                kind: "date".into(),
                rule: "month".into(),
            }],
            ..Coded::default()
        }
    }

    #[test]
    fn round_trip_and_idempotence() {
        let mut s = Store::memory().unwrap();
        assert_eq!(s.schema_version().unwrap(), MIGRATIONS.len() as i64);
        let c = coded("abc123");
        assert!(s.put(&c, Some("a.txt"), false).unwrap());
        assert!(!s.put(&c, Some("a.txt"), false).unwrap());
        let back = s.load("abc123").unwrap();
        assert_eq!(back, c);
        assert_eq!(s.documents().unwrap().len(), 1);
        assert_eq!(s.resolve_id("abc").unwrap(), "abc123");
        assert!(matches!(s.resolve_id("zzz"), Err(StoreError::NotFound(_))));
        // Replacing rewrites the records instead of duplicating them.
        assert!(s.put(&c, None, true).unwrap());
        assert_eq!(s.load("abc123").unwrap().times.len(), 1);
    }

    #[test]
    fn reopen_keeps_data_and_schema() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("t.db");
        {
            let mut s = Store::open(&p).unwrap();
            s.put(&coded("d1"), None, false).unwrap();
        }
        let s = Store::open(&p).unwrap();
        assert!(s.contains("d1").unwrap());
    }
}
