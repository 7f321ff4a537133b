//! Analysts' votes applied to what the store reads back: the event lists,
//! dyads, profiles and exports all count events as analysts reviewed them.
//!
//! A [`Review`] holds every event's tally. Applied to an event mention it
//! leaves a rejected one out (unless `include_rejected`), puts a correction
//! in place of the machine coding (the machine's kept in `machine_*`), and
//! fills the vote columns. Deduplicated events ([`GroupRow`]) are the stored
//! event groups while nobody has voted; once anyone has, they are regrouped
//! from the reviewed mentions by the same key (day, source, target, CAMEO
//! code), so a rejected mention no longer counts and a corrected one moves
//! to the group of its corrected coding.

use crate::query::{code_pattern, EventFilter, EventRow};
use crate::votes::{apply, event_id, Tally};
use crate::{Result, Store};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Every event's votes, ready to apply.
#[derive(Debug, Clone, Default)]
pub struct Review {
    tallies: HashMap<String, Tally>,
    include_rejected: bool,
}

impl Review {
    /// The machine coding alone, as if nobody had voted.
    pub fn none() -> Review {
        Review::default()
    }

    /// Whether any vote applies.
    pub fn is_empty(&self) -> bool {
        self.tallies.is_empty()
    }

    /// The votes on one event, by its id.
    pub fn tally(&self, event_id: &str) -> Option<&Tally> {
        self.tallies.get(event_id)
    }

    /// Whether an event with this tally is left out.
    pub fn rejects(&self, t: &Tally) -> bool {
        t.rejected() && !self.include_rejected
    }

    fn has_corrections(&self) -> bool {
        self.tallies.values().any(|t| t.correction.is_some())
    }

    /// One mention as analysts reviewed it; `None` when they rejected it
    /// and rejected events were not asked for.
    pub fn row(&self, mut r: EventRow) -> Option<EventRow> {
        let Some(t) = r
            .event
            .as_ref()
            .and_then(|e| self.tally(&event_id(&r.doc, e)))
        else {
            return Some(r);
        };
        if self.rejects(t) {
            return None;
        }
        r.votes_up = t.up;
        r.votes_down = t.down;
        r.rejected = t.rejected();
        let Some(c) = &t.correction else {
            return Some(r);
        };
        if let Some(f) = &c.cameo {
            r.machine_cameo = Some(std::mem::replace(&mut r.cameo, f.cameo.clone()));
            r.root = f.root.clone();
            r.plover = f.plover.clone();
            r.quad_class = f.quad_class;
            r.goldstein = f.goldstein;
        }
        if let Some(code) = &c.source {
            r.machine_source = Some(std::mem::replace(&mut r.source_code, code.clone()));
            r.source_name = code.clone();
        }
        if let Some(code) = &c.target {
            r.machine_target = Some(std::mem::replace(&mut r.target_code, code.clone()));
            r.target_name = code.clone();
        }
        if let Some(e) = &mut r.event {
            apply(e, c);
        }
        Some(r)
    }
}

/// Whether a (reviewed) row still passes the filters on its coding.
fn matches(f: &EventFilter, r: &EventRow) -> bool {
    let has = |code: &str, p: &str| code.starts_with(code_pattern(p).trim_end_matches('*'));
    let either = |p: &str| has(&r.source_code, p) || has(&r.target_code, p);
    f.actor.as_deref().is_none_or(either)
        && f.dyad.as_ref().is_none_or(|(a, b)| {
            (has(&r.source_code, a) && has(&r.target_code, b))
                || (has(&r.source_code, b) && has(&r.target_code, a))
        })
        && f.root
            .as_deref()
            .is_none_or(|p| r.cameo.starts_with(p.trim()))
        && f.plover
            .as_deref()
            .is_none_or(|p| r.plover.eq_ignore_ascii_case(p.trim()))
}

/// A deduplicated event as analyses count it (one GDELT row, one dyad count).
#[derive(Debug, Clone, PartialEq)]
pub struct GroupRow {
    /// The stored event group's id; a group that exists only through a
    /// correction gets a new one above every stored id.
    pub id: i64,
    pub day: String,
    pub source_code: String,
    pub target_code: String,
    pub cameo: String,
    pub root: String,
    pub plover: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub num_mentions: usize,
    pub num_articles: usize,
    pub num_sources: usize,
    /// `YYYY-MM` of its day, else of its first report.
    pub month: String,
    /// The row id of its first mention.
    pub first_mention: i64,
    /// Reported in a document's first sentence (GDELT's IsRootEvent).
    pub root_event: bool,
}

impl GroupRow {
    /// Whether one side's code starts with `a` and the other's with `b`
    /// (`Some(true)`: source is `a`), else `None`.
    pub fn between(&self, a: &str, b: &str) -> Option<bool> {
        if self.source_code.starts_with(a) && self.target_code.starts_with(b) {
            Some(true)
        } else if self.source_code.starts_with(b) && self.target_code.starts_with(a) {
            Some(false)
        } else {
            None
        }
    }
}

/// What the groups of the reviewed mentions gather, per key.
#[derive(Default)]
struct Gather {
    stored: Option<i64>,
    root: String,
    plover: String,
    quad_class: Option<u8>,
    goldstein: Option<f64>,
    mentions: usize,
    docs: BTreeSet<String>,
    outlets: BTreeSet<String>,
    first_mention: Option<i64>,
    first_report: Option<String>,
    root_event: bool,
}

fn min_str(slot: &mut String, v: &str) {
    if slot.is_empty() || v < slot.as_str() {
        *slot = v.to_string();
    }
}

impl Store {
    /// Every tally, to apply with `include_rejected` deciding whether
    /// rejected events are read.
    pub fn review(&self, include_rejected: bool) -> Result<Review> {
        Ok(Review {
            tallies: self.tallies()?,
            include_rejected,
        })
    }

    /// Event mentions matching `filter` as analysts reviewed them: rejected
    /// ones out unless the review includes them, corrections in (and
    /// matched against the filter), vote columns filled.
    pub fn reviewed_events_rows(
        &self,
        filter: &EventFilter,
        review: &Review,
    ) -> Result<Vec<EventRow>> {
        if review.is_empty() {
            return self.events(filter);
        }
        // Rows are dropped or recoded after the query, so the limit comes after.
        let all = EventFilter {
            limit: None,
            ..filter.clone()
        };
        let rows = self.event_rows(&all, review.has_corrections())?;
        Ok(rows
            .into_iter()
            .filter_map(|r| review.row(r))
            .filter(|r| matches(filter, r))
            .take(filter.limit.unwrap_or(usize::MAX))
            .collect())
    }

    /// The deduplicated events as analysts reviewed them, by id, those with
    /// a side whose code starts with one of `codes` (all when empty).
    pub fn group_rows(&self, review: &Review, codes: &[&str]) -> Result<Vec<GroupRow>> {
        let pats: Vec<String> = codes.iter().map(|c| code_pattern(c)).collect();
        let wanted = |g: &GroupRow| {
            pats.is_empty()
                || pats.iter().any(|p| {
                    let p = p.trim_end_matches('*');
                    g.source_code.starts_with(p) || g.target_code.starts_with(p)
                })
        };
        if !review.is_empty() {
            // One actor's groups are regrouped from its own mentions (and
            // those of corrected documents, which may move to it), not all.
            let only = match codes {
                [one] => EventFilter {
                    actor: Some(one.to_string()),
                    ..EventFilter::default()
                },
                _ => EventFilter::default(),
            };
            let mut groups = self.regroup(review, &only)?;
            groups.retain(|g| wanted(g));
            return Ok(groups);
        }
        let sql = format!(
            "SELECT g.id, g.day, g.source_code, g.target_code, g.cameo, g.root, g.plover, g.quad_class,
                    g.goldstein, g.num_mentions, g.num_articles, g.num_sources, {},
                    (SELECT min(e.rowid) FROM events e WHERE e.group_id = g.id),
                    (SELECT min(e.sentence) FROM events e WHERE e.group_id = g.id) = 0
             FROM event_groups g {} ORDER BY g.id",
            crate::query::GROUP_MONTH,
            if pats.is_empty() {
                String::new()
            } else {
                let one = (1..=pats.len())
                    .map(|i| format!("g.source_code GLOB ?{i} OR g.target_code GLOB ?{i}"))
                    .collect::<Vec<_>>();
                format!("WHERE {}", one.join(" OR "))
            }
        );
        let mut st = self.connection().prepare_cached(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(&pats), |r| {
            Ok(GroupRow {
                id: r.get(0)?,
                day: r.get(1)?,
                source_code: r.get(2)?,
                target_code: r.get(3)?,
                cameo: r.get(4)?,
                root: r.get(5)?,
                plover: r.get(6)?,
                quad_class: r.get::<_, i64>(7)? as u8,
                goldstein: r.get(8)?,
                num_mentions: r.get::<_, i64>(9)? as usize,
                num_articles: r.get::<_, i64>(10)? as usize,
                num_sources: r.get::<_, i64>(11)? as usize,
                month: r.get::<_, Option<String>>(12)?.unwrap_or_default(),
                first_mention: r.get::<_, Option<i64>>(13)?.unwrap_or(0),
                root_event: r.get::<_, Option<bool>>(14)?.unwrap_or(false),
            })
        })?;
        let mut out: Vec<GroupRow> = rows.collect::<std::result::Result<_, _>>()?;
        out.retain(|g| wanted(g));
        Ok(out)
    }

    /// The groups the reviewed mentions fall into, counted as the store
    /// counts its event groups (`dedup.rs`): of all mentions, or of those
    /// `only` lets through (with every mention of a corrected document); a
    /// group no stored one matches is numbered after the stored ones.
    fn regroup(&self, review: &Review, only: &EventFilter) -> Result<Vec<GroupRow>> {
        let max_id: i64 = self.connection().query_row(
            "SELECT coalesce(max(id), 0) FROM event_groups",
            [],
            |r| r.get(0),
        )?;
        let mut groups: BTreeMap<(String, String, String, String), Gather> = BTreeMap::new();
        for r in self.event_rows(only, review.has_corrections())? {
            let Some(r) = review.row(r) else { continue };
            let corrected = r.machine_cameo.is_some()
                || r.machine_source.is_some()
                || r.machine_target.is_some();
            let g = groups
                .entry((
                    r.date.clone(),
                    r.source_code.clone(),
                    r.target_code.clone(),
                    r.cameo.clone(),
                ))
                .or_default();
            if !corrected {
                g.stored = g.stored.or(r.group);
            }
            min_str(&mut g.root, &r.root);
            min_str(&mut g.plover, &r.plover);
            g.quad_class = Some(g.quad_class.map_or(r.quad_class, |q| q.min(r.quad_class)));
            g.goldstein = Some(g.goldstein.map_or(r.goldstein, |x| x.min(r.goldstein)));
            g.mentions += 1;
            g.outlets.insert(crate::outlet_of(
                r.publisher.as_deref(),
                r.url.as_deref(),
                &r.doc,
            ));
            g.docs.insert(r.doc);
            g.first_mention = Some(g.first_mention.map_or(r.id, |m| m.min(r.id)));
            if g.first_report.as_ref().is_none_or(|d| r.doc_date < *d) {
                g.first_report = Some(r.doc_date.clone());
            }
            g.root_event |= r.sentence == 0;
        }
        let mut next = max_id;
        let mut out: Vec<GroupRow> = groups
            .into_iter()
            .map(|((day, source_code, target_code, cameo), g)| {
                let id = g.stored.unwrap_or_else(|| {
                    next += 1;
                    next
                });
                let month = if crate::query::is_month(&day) {
                    day[..7].to_string()
                } else {
                    g.first_report
                        .as_deref()
                        .and_then(|d| d.get(..7))
                        .unwrap_or_default()
                        .to_string()
                };
                GroupRow {
                    id,
                    day,
                    source_code,
                    target_code,
                    cameo,
                    root: g.root,
                    plover: g.plover,
                    quad_class: g.quad_class.unwrap_or(0),
                    goldstein: g.goldstein.unwrap_or(0.0),
                    num_mentions: g.mentions,
                    num_articles: g.docs.len(),
                    num_sources: g.outlets.len(),
                    month,
                    first_mention: g.first_mention.unwrap_or(0),
                    root_event: g.root_event,
                }
            })
            .collect();
        out.sort_by_key(|g| g.id);
        Ok(out)
    }
}
