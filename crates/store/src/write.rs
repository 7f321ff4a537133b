//! Writing coded documents: one document's rows, kept compact (`compact`),
//! its event groups recounted (`dedup`) and its sentences indexed for search.
//!
//! Everything here runs inside the caller's transaction; `Store::put_many`
//! and `Store::replace_many` commit (or drop) it whole.

use crate::compact::{self, Interner};
use crate::{dedup, Result, StoreError};
use model::{Coded, Document};
use rusqlite::{params, OptionalExtension, Transaction};
use std::borrow::Cow;

/// Fields of an event kept as columns, left out of its JSON.
pub(crate) const EVENT_COLUMNS: [&str; 9] = [
    "sentence",
    "span",
    "cameo",
    "root",
    "plover",
    "quad_class",
    "goldstein",
    "modality",
    "date",
];
/// Fields of a quote or fact kept as columns.
pub(crate) const RECORD_COLUMNS: [&str; 2] = ["sentence", "span"];

/// Stores one coded document (replacing a stored one when `replace`), and
/// returns the first search rowid of its sentences and its `seq` when it was
/// written. The event groups its old records were in are added to
/// `pending.touched`, its title and text to `pending.blocks`; the caller
/// puts its events into groups (`dedup::assign_from`) and recounts them
/// (`dedup::recount`) once per batch.
pub(crate) fn put_one<'a>(
    tx: &Transaction<'_>,
    interner: &mut Interner,
    (coded, origin, prepared): (&'a Coded, Option<&str>, Option<&Prepared>),
    replace: bool,
    unindexed: Option<i64>,
    pending: &mut Pending<'a>,
) -> Result<Option<(i64, i64)>> {
    let Pending {
        touched,
        blocks,
        search,
    } = pending;
    let Some(doc) = &coded.document else {
        return Ok(None);
    };
    let wrap = wrap_for(&doc.id);
    let seq = seq_of(tx, &doc.id).map_err(&wrap)?;
    if seq.is_some() && !replace {
        return Ok(None);
    }
    if let Some(seq) = seq {
        if let Some((first, end)) = sentence_span(tx, seq).map_err(&wrap)? {
            // Sentences this batch wrote and has not indexed yet: never indexed.
            search.retain(|s| s.0 < first || s.0 >= end);
        }
        touched.extend(remove_records(tx, seq, unindexed).map_err(&wrap)?);
        let block: i64 = tx
            .prepare_cached("SELECT block FROM documents WHERE seq = ?1")
            .and_then(|mut st| st.query_row([seq], |r| r.get(0)))
            .map_err(|cause| wrap(StoreError::Query(cause)))?;
        blocks.release(tx, block).map_err(&wrap)?;
        tx.prepare_cached("DELETE FROM documents WHERE seq = ?1")
            .and_then(|mut st| st.execute([seq]))
            .map_err(|cause| wrap(StoreError::Query(cause)))?;
    }
    let (first, end) = sentence_range(tx, coded).map_err(&wrap)?;
    let seq = write_document(tx, interner, blocks, doc, origin, first, end).map_err(&wrap)?;
    write_records(tx, interner, coded, doc, seq, first, prepared).map_err(&wrap)?;
    search.extend(coded.sentences.iter().map(|s| {
        (
            first + s.index as i64,
            compact::cut(&doc.text, s.span[0] as i64, s.span[1] as i64),
            doc.id.as_str(),
            s.index as i64,
        )
    }));
    Ok(Some((first, seq)))
}

/// Replaces everything coded from a stored document (not its row) and
/// returns the first search rowid of its new sentences; touched groups as
/// for [`put_one`].
pub(crate) fn replace_one(
    tx: &Transaction<'_>,
    interner: &mut Interner,
    coded: &Coded,
    unindexed: Option<i64>,
    touched: &mut Vec<i64>,
) -> Result<Option<i64>> {
    let Some(doc) = &coded.document else {
        return Ok(None);
    };
    let wrap = wrap_for(&doc.id);
    let Some(seq) = seq_of(tx, &doc.id).map_err(&wrap)? else {
        return Err(StoreError::NotFound(doc.id.clone()));
    };
    touched.extend(remove_records(tx, seq, unindexed).map_err(&wrap)?);
    let (first, end) = sentence_range(tx, coded).map_err(&wrap)?;
    tx.prepare_cached("UPDATE documents SET sentence0 = ?2, sentence_end = ?3 WHERE seq = ?1")
        .and_then(|mut st| st.execute(params![seq, first, end]))
        .map_err(|cause| wrap(StoreError::Query(cause)))?;
    // The stored text, not the caller's: they are the same document.
    let text = stored_text(tx, seq).map_err(&wrap)?;
    let stored = Document {
        text,
        ..doc.clone()
    };
    write_records(tx, interner, coded, &stored, seq, first, None).map_err(&wrap)?;
    touched.extend(dedup::assign(tx, seq).map_err(&wrap)?);
    Ok(Some(first))
}

fn wrap_for(id: &str) -> impl Fn(StoreError) -> StoreError + '_ {
    move |e| match e {
        StoreError::Query(cause) => StoreError::Write {
            doc: id.to_string(),
            cause,
        },
        other => other,
    }
}

/// The `seq` of a stored document.
pub(crate) fn seq_of(tx: &Transaction<'_>, id: &str) -> Result<Option<i64>> {
    Ok(tx
        .prepare_cached("SELECT seq FROM documents WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

fn stored_text(tx: &Transaction<'_>, seq: i64) -> Result<String> {
    let body = tx
        .prepare_cached(
            "SELECT b.z, d.at FROM documents d JOIN text_blocks b ON b.id = d.block WHERE d.seq = ?1",
        )?
        .query_row([seq], |r| Ok(compact::doc_text(r.get_ref(0)?, r.get(1)?)))?;
    body.map(|d| d.1)
        .map_err(|m| compact::bad_body(&seq.to_string(), m))
}

/// What a batch's documents leave to the end of its transaction: the event
/// groups to recount, the text block being filled and the sentences to
/// index for search (search rowid, text, document id, index), in rowid order.
pub(crate) struct Pending<'a> {
    pub(crate) touched: Vec<i64>,
    pub(crate) blocks: Blocks<'a>,
    pub(crate) search: Vec<(i64, String, &'a str, i64)>,
}

/// The text block a write transaction fills (see `compact::BLOCK`): its
/// row is inserted once it is full or the transaction ends, so its
/// documents' rows come first and name it by the id it will have.
pub(crate) struct Blocks<'a> {
    id: i64,
    raw: Vec<u8>,
    docs: i64,
    /// Blocks compressed ahead (see [`SealedBlocks`]), and how many of
    /// them have been used.
    sealed: &'a SealedBlocks,
    used: usize,
}

/// A document's events, quotes and facts made compact before the write,
/// off the writing thread (on the thread that coded it): the writer then
/// only looks up the row ids of their actors and rules and packs them.
pub struct Prepared {
    events: Vec<compact::Precompact>,
    quotes: Vec<compact::Precompact>,
    facts: Vec<compact::Precompact>,
}

impl Prepared {
    /// None when the document has no text to compare spans with, or a
    /// record does not serialise (the writer then does it all itself).
    pub fn of(coded: &Coded) -> Option<Prepared> {
        let text = coded.document.as_ref()?.text.as_str();
        fn all<T: serde::Serialize>(
            records: &[T],
            text: &str,
            columns: &[&str],
        ) -> Option<Vec<compact::Precompact>> {
            records
                .iter()
                .map(|r| compact::Precompact::of(r, text, columns))
                .collect::<Result<Vec<_>>>()
                .ok()
        }
        Some(Prepared {
            events: all(&coded.events, text, &EVENT_COLUMNS)?,
            quotes: all(&coded.quotes, text, &RECORD_COLUMNS)?,
            facts: all(&coded.facts, text, &RECORD_COLUMNS)?,
        })
    }
}

/// A batch's text blocks compressed before the write, off the writing
/// thread ([`SealedBlocks::of`]): the batch's documents cut into blocks as
/// [`Blocks`] cuts them when each is written. A block the write fills
/// differently (a document was already stored, or replaced one of the same
/// batch) is compressed when it is written, as without them.
#[derive(Default)]
pub struct SealedBlocks {
    /// Each block's raw bytes and what `compact::seal` made of them.
    blocks: Vec<(Vec<u8>, Vec<u8>)>,
}

impl SealedBlocks {
    pub fn of(batch: &[&Coded]) -> SealedBlocks {
        let mut blocks = Vec::new();
        let mut raw = Vec::new();
        for doc in batch.iter().filter_map(|c| c.document.as_ref()) {
            compact::push_segment(&mut raw, doc.title.as_deref(), &doc.text);
            if raw.len() >= compact::BLOCK {
                let z = compact::seal(&raw);
                blocks.push((std::mem::take(&mut raw), z));
            }
        }
        if !raw.is_empty() {
            let z = compact::seal(&raw);
            blocks.push((raw, z));
        }
        SealedBlocks { blocks }
    }
}

impl<'a> Blocks<'a> {
    /// The next free block id; call once the write lock is held.
    pub(crate) fn start(tx: &Transaction<'_>, sealed: &'a SealedBlocks) -> Result<Blocks<'a>> {
        let id = tx
            .prepare_cached("SELECT coalesce(max(id), 0) + 1 FROM text_blocks")?
            .query_row([], |r| r.get(0))?;
        Ok(Blocks {
            id,
            raw: Vec::new(),
            docs: 0,
            sealed,
            used: 0,
        })
    }

    /// The block being filled, compressed ahead when it was.
    fn seal(&mut self) -> Cow<'a, [u8]> {
        let ahead = self.sealed.blocks[self.used.min(self.sealed.blocks.len())..]
            .iter()
            .position(|(raw, _)| *raw == self.raw);
        match ahead {
            Some(i) => {
                self.used += i + 1;
                Cow::Borrowed(&self.sealed.blocks[self.used - 1].1)
            }
            None => Cow::Owned(compact::seal(&self.raw)),
        }
    }

    /// Adds a document's title and text; returns its block and offset.
    fn add(&mut self, tx: &Transaction<'_>, doc: &Document) -> Result<(i64, i64)> {
        let at = compact::push_segment(&mut self.raw, doc.title.as_deref(), &doc.text);
        self.docs += 1;
        let out = (self.id, at as i64);
        if self.raw.len() >= compact::BLOCK {
            self.flush(tx)?;
        }
        Ok(out)
    }

    /// Stores the block being filled (unless all its documents were
    /// replaced meanwhile); the next document starts a new one.
    pub(crate) fn flush(&mut self, tx: &Transaction<'_>) -> Result<()> {
        if self.docs > 0 {
            let z = self.seal();
            tx.prepare_cached("INSERT INTO text_blocks (id, docs, z) VALUES (?1, ?2, ?3)")?
                .execute(params![self.id, self.docs, &*z])?;
        }
        if !self.raw.is_empty() {
            self.id += 1;
        }
        self.raw.clear();
        self.docs = 0;
        Ok(())
    }

    /// One document of block `id` is deleted: the block goes with its last.
    fn release(&mut self, tx: &Transaction<'_>, id: i64) -> Result<()> {
        if id == self.id && !self.raw.is_empty() {
            self.docs -= 1;
            return Ok(());
        }
        tx.prepare_cached("UPDATE text_blocks SET docs = docs - 1 WHERE id = ?1")?
            .execute([id])?;
        tx.prepare_cached("DELETE FROM text_blocks WHERE id = ?1 AND docs <= 0")?
            .execute([id])?;
        Ok(())
    }
}

/// Search rowids for a document's sentences: the next free one for
/// sentence 0, one per index after it.
fn sentence_range(tx: &Transaction<'_>, coded: &Coded) -> Result<(i64, i64)> {
    let first: i64 = tx
        .prepare_cached("SELECT coalesce(max(id), 0) + 1 FROM sentence_rows")?
        .query_row([], |r| r.get(0))?;
    let n = coded
        .sentences
        .iter()
        .map(|s| s.index as i64 + 1)
        .max()
        .unwrap_or(0);
    Ok((first, first + n))
}

/// Deletes everything coded from a document (not its row) and returns the
/// event groups its events belonged to, whose counts must be redone.
/// Sentences from search rowid `unindexed` on were written by this
/// transaction and are not in the search index yet (it is updated once per
/// batch): only those below it are taken out of the index, which a document
/// stored twice in one batch would otherwise corrupt.
pub(crate) fn remove_records(
    tx: &Transaction<'_>,
    seq: i64,
    unindexed: Option<i64>,
) -> Result<Vec<i64>> {
    let groups = dedup::groups_of(tx, seq)?;
    if let Some((first, end)) = sentence_span(tx, seq)? {
        // The index is told each sentence's text to unindex it, so this runs
        // while the document's row (its text) is still there.
        tx.prepare_cached(
            "INSERT INTO sentence_fts (sentence_fts, rowid, text, doc, idx)
             SELECT 'delete', id, text, doc, idx FROM sentence_text WHERE id >= ?1 AND id < ?2",
        )?
        .execute([first, unindexed.map_or(end, |u| end.min(u))])?;
        tx.prepare_cached("DELETE FROM sentence_rows WHERE id >= ?1 AND id < ?2")?
            .execute([first, end])?;
    }
    // The actors' rows first: the mention list says which they are.
    tx.prepare_cached(
        "DELETE FROM actor_docs WHERE doc = ?1 AND actor IN
             (SELECT j.value ->> 3 FROM mention_lists l, json_each(entente_list(l.list)) j WHERE l.doc = ?1)",
    )?
    .execute([seq])?;
    for table in ["time_lists", "mention_lists", "events", "quotes", "facts"] {
        tx.prepare_cached(&format!("DELETE FROM {table} WHERE doc = ?1"))?
            .execute([seq])?;
    }
    Ok(groups)
}

/// The search rowids of a stored document's sentences.
fn sentence_span(tx: &Transaction<'_>, seq: i64) -> Result<Option<(i64, i64)>> {
    Ok(tx
        .prepare_cached("SELECT sentence0, sentence_end FROM documents WHERE seq = ?1")?
        .query_row([seq], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// Bumps the write counter that `review_stamp` reads.
pub(crate) fn count_write(tx: &Transaction<'_>) -> Result<()> {
    tx.prepare_cached("UPDATE store_meta SET value = value + 1 WHERE key = 'writes'")?
        .execute([])?;
    Ok(())
}

fn write_document(
    tx: &Transaction<'_>,
    interner: &mut Interner,
    blocks: &mut Blocks<'_>,
    doc: &Document,
    origin: Option<&str>,
    first: i64,
    end: i64,
) -> Result<i64> {
    let origin = origin.map(|o| interner.string(tx, o)).transpose()?;
    let boilerplate = if doc.boilerplate.is_empty() {
        None
    } else {
        Some(serde_json::to_string(&doc.boilerplate)?)
    };
    let outlet = crate::outlet(doc);
    let outlet = (outlet != format!("doc:{}", doc.id)).then_some(outlet);
    let (block, at) = blocks.add(tx, doc)?;
    tx.prepare_cached(
        "INSERT INTO documents (id, block, author, date, date_source, url, source, format, at, boilerplate, origin, ingested_at, outlet, sentence0, sentence_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, unixepoch('now'), ?12, ?13, ?14)",
    )?
    .execute(params![
        doc.id,
        block,
        doc.author,
        doc.date,
        doc.date_source.as_str(),
        doc.url,
        doc.source,
        doc.format,
        at,
        boilerplate,
        origin,
        outlet,
        first,
        end
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Indexes for search the sentences whose rowids are `first` or above: all
/// written in this transaction, since each document takes the next free
/// rowids. One statement for a whole batch: FTS5 flushes its pending terms
/// at every statement of a transaction, so indexing per sentence or per
/// document costs that flush each time.
pub(crate) fn index_sentences(tx: &Transaction<'_>, first: i64) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO sentence_fts (rowid, text, doc, idx)
         SELECT id, text, doc, idx FROM sentence_text WHERE id >= ?1",
    )?
    .execute([first])?;
    Ok(())
}

/// Indexes for search the sentences a batch wrote, given with their text
/// (what `sentence_text` would read back, without reading and inflating the
/// text blocks again for every sentence). One statement for the batch, as
/// in [`index_sentences`].
pub(crate) fn index_texts(tx: &Transaction<'_>, rows: &[(i64, String, &str, i64)]) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let json = serde_json::to_string(rows)?;
    tx.prepare_cached(
        "INSERT INTO sentence_fts (rowid, text, doc, idx)
         SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?1)",
    )?
    .execute([json])?;
    Ok(())
}

/// Writes the records coded from a document whose row is stored as `seq`,
/// with its sentences from search rowid `first` on.
fn write_records(
    tx: &Transaction<'_>,
    interner: &mut Interner,
    coded: &Coded,
    doc: &Document,
    seq: i64,
    first: i64,
    prepared: Option<&Prepared>,
) -> Result<()> {
    // Records made compact ahead, when they are this document's.
    let prepared = prepared.filter(|p| {
        p.events.len() == coded.events.len()
            && p.quotes.len() == coded.quotes.len()
            && p.facts.len() == coded.facts.len()
    });
    let text = doc.text.as_str();
    let span_is = |s: [usize; 2], t: &str| compact::same_text(text, s[0] as i64, s[1] as i64, t);
    let mut st = tx.prepare_cached(
        "INSERT INTO sentence_rows (id, doc, start, end) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for s in &coded.sentences {
        st.execute(params![
            first + s.index as i64,
            seq,
            s.span[0] as i64,
            s.span[1] as i64
        ])?;
    }
    // Times and mentions: one row per document (migration 0010), packed
    // (migration 0012).
    if !coded.times.is_empty() {
        let mut list = compact::ListWriter::new(compact::TIME_DELTA);
        for t in &coded.times {
            let kind = interner.string(tx, &t.kind)?;
            let rule = interner.string(tx, &t.rule)?;
            let text = (!span_is(t.span, &t.text)).then_some(t.text.as_str());
            list.push(&compact::time_fields(
                [t.span[0] as i64, t.span[1] as i64, kind, rule],
                &t.value,
                t.qualifier.as_deref(),
                text,
            ));
        }
        tx.prepare_cached("INSERT INTO time_lists (doc, list) VALUES (?1, ?2)")?
            .execute(params![seq, list.finish()])?;
    }
    if !coded.mentions.is_empty() {
        let mut list = compact::ListWriter::new(compact::MENTION_DELTA);
        // Mentions per actor, for `actor_docs.mentions`.
        let mut actors = std::collections::BTreeMap::new();
        for m in &coded.mentions {
            let actor = interner.actor(tx, &m.actor)?;
            let rule = interner.string(tx, &m.rule)?;
            *actors.entry(actor).or_insert(0i64) += 1;
            let text = (!span_is(m.span, &m.text)).then_some(m.text.as_str());
            list.push(&compact::mention_fields(
                [
                    m.sentence as i64,
                    m.span[0] as i64,
                    m.span[1] as i64,
                    actor,
                    rule,
                ],
                m.discovered as i64,
                m.evidence.map(|e| (e[0] as i64, e[1] as i64)),
                text,
            ));
        }
        tx.prepare_cached("INSERT INTO mention_lists (doc, list) VALUES (?1, ?2)")?
            .execute(params![seq, list.finish()])?;
        let mut st = tx.prepare_cached(
            "INSERT OR IGNORE INTO actor_docs (actor, doc, mentions) VALUES (?1, ?2, ?3)",
        )?;
        for (actor, n) in actors {
            st.execute([actor, seq, n])?;
        }
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO events (doc, sentence, start, end, source_code, target_code, cameo, root, plover, quad_class, goldstein, modality, date, json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    for (i, e) in coded.events.iter().enumerate() {
        let json = match prepared {
            Some(p) => p.events[i].finish(tx, interner)?,
            None => compact::compact(tx, interner, e, text, &EVENT_COLUMNS)?,
        };
        st.execute(params![
            seq,
            e.sentence as i64,
            e.span[0] as i64,
            e.span[1] as i64,
            e.source.actor.code,
            e.target.actor.code,
            e.cameo,
            e.root,
            e.plover,
            e.quad_class as i64,
            e.goldstein,
            e.modality.as_str(),
            e.date,
            json
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO quotes (doc, n, sentence, start, end, speaker, speaker_code, json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (n, q) in coded.quotes.iter().enumerate() {
        let (speaker, code) = match &q.speaker {
            model::Speaker::Actor(p) => (None, Some(p.actor.code.clone())),
            // The name is the actor's, an unresolved speaker's text its span's.
            model::Speaker::Unresolved { text: t, span, .. } => {
                ((!span_is(*span, t)).then(|| t.clone()), None)
            }
        };
        let json = match prepared {
            Some(p) => p.quotes[n].finish(tx, interner)?,
            None => compact::compact(tx, interner, q, text, &RECORD_COLUMNS)?,
        };
        st.execute(params![
            seq,
            n as i64,
            q.sentence as i64,
            q.span[0] as i64,
            q.span[1] as i64,
            speaker,
            code,
            json
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO facts (doc, n, sentence, start, end, measure, value, holder_code, counterpart_code, json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (n, f) in coded.facts.iter().enumerate() {
        let json = match prepared {
            Some(p) => p.facts[n].finish(tx, interner)?,
            None => compact::compact(tx, interner, f, text, &RECORD_COLUMNS)?,
        };
        st.execute(params![
            seq,
            n as i64,
            f.sentence as i64,
            f.span[0] as i64,
            f.span[1] as i64,
            f.measure,
            f.value,
            f.holder.as_ref().map(|h| h.actor.code.clone()),
            f.counterpart.as_ref().map(|h| h.actor.code.clone()),
            json
        ])?;
    }
    Ok(())
}
