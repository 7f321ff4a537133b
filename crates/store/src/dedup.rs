//! Cross-document deduplication: event mentions folded into GDELT-style event groups.
//!
//! A group is keyed by (day, source code, target code, CAMEO code), where the
//! day is the event's own date value. Its counts are recomputed from the
//! `events` rows rather than incremented, so a replaced or recoded document
//! can never leave them off by one.

use crate::Result;
use rusqlite::Transaction;

/// The groups a stored document's events belong to (`doc` is its `seq`).
pub(crate) fn groups_of(tx: &Transaction<'_>, doc: i64) -> Result<Vec<i64>> {
    groups_where(tx, "doc = ?1", doc)
}

/// The groups of the events matching `filter` (SQL over `events`, with `?1`
/// bound to `arg`).
fn groups_where(tx: &Transaction<'_>, filter: &str, arg: i64) -> Result<Vec<i64>> {
    let mut st = tx.prepare_cached(&format!(
        "SELECT DISTINCT group_id FROM events WHERE {filter} AND group_id IS NOT NULL"
    ))?;
    let ids = st
        .query_map([arg], |r| r.get(0))?
        .collect::<std::result::Result<_, _>>()?;
    Ok(ids)
}

/// Points the events matching `filter` at their groups (which exist by
/// now) and returns the groups touched.
fn link(tx: &Transaction<'_>, filter: &str, arg: i64) -> Result<Vec<i64>> {
    tx.prepare_cached(&format!(
        "UPDATE events SET group_id = (
            SELECT g.id FROM event_groups g
            WHERE g.day = events.date AND g.source_code = events.source_code
              AND g.target_code = events.target_code AND g.cameo = events.cameo)
         WHERE {filter}"
    ))?
    .execute([arg])?;
    groups_where(tx, filter, arg)
}

/// Puts each of a document's events into its group, creating groups as
/// needed, and returns the groups touched.
pub(crate) fn assign(tx: &Transaction<'_>, doc: i64) -> Result<Vec<i64>> {
    // `WHERE` before `GROUP BY` also keeps SQLite from reading `ON CONFLICT`
    // as a join constraint.
    tx.prepare_cached(
        "INSERT INTO event_groups (day, source_code, target_code, cameo, root, plover, quad_class, goldstein)
         SELECT date, source_code, target_code, cameo, min(root), min(plover), min(quad_class), min(goldstein)
         FROM events WHERE doc = ?1
         GROUP BY date, source_code, target_code, cameo
         ON CONFLICT (day, source_code, target_code, cameo) DO NOTHING",
    )?
    .execute([doc])?;
    link(tx, "doc = ?1", doc)
}

/// [`assign`] for every document stored as `seq` or above, in three
/// statements instead of three per document: the documents a batch adds
/// (each takes the next rowid, so they are all the rows from the lowest of
/// them on). Groups are created in the same order, with the same values, as
/// document after document would: each by the first document that has it.
pub(crate) fn assign_from(tx: &Transaction<'_>, seq: i64) -> Result<Vec<i64>> {
    tx.prepare_cached(
        "INSERT INTO event_groups (day, source_code, target_code, cameo, root, plover, quad_class, goldstein)
         SELECT date, source_code, target_code, cameo, min(root), min(plover), min(quad_class), min(goldstein)
         FROM (SELECT doc, date, source_code, target_code, cameo, root, plover, quad_class, goldstein,
                      min(doc) OVER (PARTITION BY date, source_code, target_code, cameo) AS first
               FROM events WHERE doc >= ?1)
         WHERE doc = first
         GROUP BY doc, date, source_code, target_code, cameo
         ORDER BY doc, date, source_code, target_code, cameo
         ON CONFLICT (day, source_code, target_code, cameo) DO NOTHING",
    )?
    .execute([seq])?;
    link(tx, "doc >= ?1", seq)
}

/// Recomputes NumMentions, NumArticles and NumSources of the given groups
/// and deletes those no mention points at any more. One pass over the
/// groups' events for all of them (a statement per group cost more than the
/// counting).
pub(crate) fn recount(tx: &Transaction<'_>, groups: &[i64]) -> Result<()> {
    let mut ids = groups.to_vec();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(());
    }
    let ids = serde_json::to_string(&ids)?;
    // LEFT JOIN: an event counts as a mention even without its document row,
    // as it did when each count was a subquery of its own.
    tx.prepare_cached(
        "UPDATE event_groups SET num_mentions = c.m, num_articles = c.a, num_sources = c.s
         FROM (SELECT e.group_id AS g, count(*) AS m, count(DISTINCT e.doc) AS a,
                      count(DISTINCT coalesce(d.outlet, 'doc:' || d.id)) AS s
               FROM events e LEFT JOIN documents d ON d.seq = e.doc
               WHERE e.group_id IN (SELECT value FROM json_each(?1))
               GROUP BY e.group_id) AS c
         WHERE event_groups.id = c.g",
    )?
    .execute([&ids])?;
    tx.prepare_cached(
        "DELETE FROM event_groups WHERE id IN (SELECT value FROM json_each(?1))
         AND NOT EXISTS (SELECT 1 FROM events e WHERE e.group_id = event_groups.id)",
    )?
    .execute([&ids])?;
    Ok(())
}
