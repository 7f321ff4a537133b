//! Cross-document deduplication: event mentions folded into GDELT-style event groups.
//!
//! A group is keyed by (day, source code, target code, CAMEO code), where the
//! day is the event's own date value. Its counts are recomputed from the
//! `events` rows rather than incremented, so a replaced or recoded document
//! can never leave them off by one.

use crate::Result;
use rusqlite::{params, Transaction};

/// The groups a stored document's events belong to (`doc` is its `seq`).
pub(crate) fn groups_of(tx: &Transaction<'_>, doc: i64) -> Result<Vec<i64>> {
    let mut st = tx.prepare_cached(
        "SELECT DISTINCT group_id FROM events WHERE doc = ?1 AND group_id IS NOT NULL",
    )?;
    let ids = st
        .query_map([doc], |r| r.get(0))?
        .collect::<std::result::Result<_, _>>()?;
    Ok(ids)
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
    tx.prepare_cached(
        "UPDATE events SET group_id = (
            SELECT g.id FROM event_groups g
            WHERE g.day = events.date AND g.source_code = events.source_code
              AND g.target_code = events.target_code AND g.cameo = events.cameo)
         WHERE doc = ?1",
    )?
    .execute([doc])?;
    groups_of(tx, doc)
}

/// Recomputes NumMentions, NumArticles and NumSources of the given groups
/// and deletes those no mention points at any more.
pub(crate) fn recount(tx: &Transaction<'_>, groups: &[i64]) -> Result<()> {
    let mut ids = groups.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let mut update = tx.prepare_cached(
        "UPDATE event_groups SET
            num_mentions = (SELECT count(*) FROM events e WHERE e.group_id = ?1),
            num_articles = (SELECT count(DISTINCT e.doc) FROM events e WHERE e.group_id = ?1),
            num_sources = (SELECT count(DISTINCT coalesce(d.outlet, 'doc:' || d.id)) FROM events e
                           JOIN documents d ON d.seq = e.doc WHERE e.group_id = ?1)
         WHERE id = ?1",
    )?;
    let mut delete =
        tx.prepare_cached("DELETE FROM event_groups WHERE id = ?1 AND num_mentions = 0")?;
    for id in ids {
        update.execute(params![id])?;
        delete.execute(params![id])?;
    }
    Ok(())
}
