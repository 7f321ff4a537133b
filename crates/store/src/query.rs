//! Read-side queries over coded events: filtered event lists, actor profiles, dyads.
//!
//! Actor arguments match by code prefix (`ISR` matches `ISRGOV`, `ISRMIL`...),
//! so a three-letter country code stands for everything of that country.
//! Lists of events are mentions (each with its sentence); profile and dyad
//! counts are deduplicated events (event groups), so ten articles about one
//! meeting count once.

use crate::{Result, Review, Store};
use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::Serialize;
use std::collections::BTreeMap;

/// Filters for [`Store::events`]; empty fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Code prefix of the source or the target.
    pub actor: Option<String>,
    /// Code prefixes of the two sides, either direction.
    pub dyad: Option<(String, String)>,
    /// CAMEO root (`04`) or code prefix (`042`).
    pub root: Option<String>,
    pub plover: Option<String>,
    pub modality: Option<String>,
    /// `YYYY-MM-DD` bounds (inclusive) on the start of the event's date.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Words the event's sentence must contain (full-text search).
    pub text: Option<String>,
    /// Only events coded from this document (its full id).
    pub doc: Option<String>,
    /// Only these mentions (row ids), when given.
    pub only: Option<Vec<i64>>,
    /// Not these mentions (row ids): what analysts' votes leave out.
    pub skip: Vec<i64>,
    pub limit: Option<usize>,
}

/// One coded event mention with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    /// The mention's row id (stable until its document is recoded).
    pub id: i64,
    pub doc: String,
    pub sentence: usize,
    /// The event's own date value (`2025-04-03`, `2025-04`, `2022`).
    pub date: String,
    pub doc_date: String,
    pub source_code: String,
    pub source_name: String,
    pub target_code: String,
    pub target_name: String,
    pub cameo: String,
    pub root: String,
    pub plover: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub modality: String,
    /// The deduplicated event this mention belongs to.
    pub group: Option<i64>,
    pub num_articles: usize,
    pub num_sources: usize,
    pub url: Option<String>,
    pub publisher: Option<String>,
    /// The sentence the event was coded from.
    pub text: String,
    /// Analysts' votes on this mention (`entente serve`).
    pub votes_up: usize,
    pub votes_down: usize,
    /// More down- than up-votes: such rows are read only when asked for.
    pub rejected: bool,
    /// The machine's coding where an analyst's correction replaced it in the
    /// columns above; empty otherwise.
    pub machine_cameo: Option<String>,
    pub machine_source: Option<String>,
    pub machine_target: Option<String>,
    /// The full event record.
    #[serde(skip)]
    pub event: Option<model::Event>,
}

impl EventRow {
    /// `YYYY-MM` of the event's date, else of its document's.
    pub fn month(&self) -> String {
        if is_month(&self.date) {
            self.date[..7].to_string()
        } else if is_month(&self.doc_date) {
            self.doc_date[..7].to_string()
        } else {
            "unknown".to_string()
        }
    }
}

/// Whether a date value starts with `YYYY-MM`.
pub(crate) fn is_month(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() >= 7
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
}

/// Counts of deduplicated events by CAMEO quad class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct QuadCounts {
    pub verbal_cooperation: usize,
    pub material_cooperation: usize,
    pub verbal_conflict: usize,
    pub material_conflict: usize,
}

impl QuadCounts {
    pub fn add(&mut self, quad: u8) {
        match quad {
            1 => self.verbal_cooperation += 1,
            2 => self.material_cooperation += 1,
            3 => self.verbal_conflict += 1,
            4 => self.material_conflict += 1,
            _ => {}
        }
    }
    pub fn cooperation(&self) -> usize {
        self.verbal_cooperation + self.material_cooperation
    }
    pub fn conflict(&self) -> usize {
        self.verbal_conflict + self.material_conflict
    }
}

/// A name (and code and role) an actor was mentioned under, and when.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NameUse {
    pub name: String,
    pub code: String,
    pub role: Option<String>,
    /// First and last document dates of the mentions.
    pub first: String,
    pub last: String,
    pub mentions: usize,
    pub documents: usize,
}

/// A counterpart of an actor, at country level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Partner {
    pub code: String,
    pub events: usize,
    pub cooperation: usize,
    pub conflict: usize,
    pub mean_goldstein: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuoteRow {
    pub doc: String,
    pub date: String,
    pub sentence: usize,
    pub speaker: String,
    pub speaker_code: Option<String>,
    pub style: String,
    pub cue: String,
    pub content: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FactRow {
    pub doc: String,
    pub date: String,
    pub sentence: usize,
    pub measure: String,
    pub value: f64,
    pub unit: String,
    pub holder: Option<String>,
    pub counterpart: Option<String>,
    pub commodity: Option<String>,
    pub period: Option<String>,
}

/// Everything the store knows about one actor (or country).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorProfile {
    pub actor: String,
    pub mentions: usize,
    pub documents: usize,
    /// Deduplicated events it is source or target of.
    pub events: usize,
    pub names: Vec<NameUse>,
    pub partners: Vec<Partner>,
    pub recent_events: Vec<EventRow>,
    pub quotes_by: Vec<QuoteRow>,
    pub quotes_about: Vec<QuoteRow>,
    pub facts: Vec<FactRow>,
}

/// One direction of a dyad.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Direction {
    pub source: String,
    pub target: String,
    pub events: usize,
    pub mean_goldstein: Option<f64>,
    pub quad_classes: QuadCounts,
}

/// One month of a dyad's timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthRow {
    /// `YYYY-MM`.
    pub month: String,
    pub events: usize,
    pub quad_classes: QuadCounts,
    pub mean_goldstein: f64,
}

/// Relations between two actors, both directions together and apart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DyadReport {
    pub a: String,
    pub b: String,
    /// Deduplicated events.
    pub events: usize,
    /// Coded mentions of those events.
    pub mentions: usize,
    pub mean_goldstein: Option<f64>,
    pub quad_classes: QuadCounts,
    pub a_to_b: Direction,
    pub b_to_a: Direction,
    pub timeline: Vec<MonthRow>,
}

/// A user's actor argument as a GLOB pattern matching codes that start with it.
pub fn code_pattern(code: &str) -> String {
    let clean: String = code
        .trim()
        .chars()
        .filter(|c| !matches!(c, '*' | '?' | '[' | ']'))
        .flat_map(char::to_uppercase)
        .collect();
    format!("{clean}*")
}

/// The country-level node an actor code belongs to: its first three letters,
/// or six for international and non-state codes (`IGOUNO`, `NGOAMN`), where
/// the first three alone would merge the UN with NATO.
pub fn country_key(code: &str) -> String {
    let upper = code.to_uppercase();
    let n = if ["IGO", "NGO", "IMG", "MNC"]
        .iter()
        .any(|p| upper.starts_with(p))
        && upper.len() >= 6
    {
        6
    } else {
        3
    };
    upper.chars().take(n).collect()
}

/// The month an event falls in: its date's, else its first report's.
pub(crate) const GROUP_MONTH: &str = "CASE WHEN g.day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' THEN substr(g.day, 1, 7)
    ELSE (SELECT substr(min(d.date), 1, 7) FROM events e JOIN documents d ON d.seq = e.doc WHERE e.group_id = g.id) END";

/// The first day an event's date covers: `2025-04` starts on 2025-04-01,
/// `2022` on 2022-01-01; weeks, seasons and ranges take their report's date.
const EVENT_START: &str = "(CASE
    WHEN e.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(e.date, 1, 10)
    WHEN e.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' THEN e.date || '-01'
    WHEN e.date GLOB '[0-9][0-9][0-9][0-9]' THEN e.date || '-01-01'
    ELSE d.date END)";

pub(crate) const EVENT_COLUMNS: &str = "d.id, e.sentence, e.date, d.date, e.source_code,
    e.target_code, e.cameo, e.root, e.plover,
    e.quad_class, e.goldstein, e.modality, e.group_id, coalesce(g.num_articles, 0),
    coalesce(g.num_sources, 0), d.url, d.source,
    coalesce(entente_span((SELECT z FROM text_blocks WHERE id = d.block), d.at, s.start, s.end), ''), e.rowid, d.seq, entente_json(e.json)";

/// What [`EVENT_COLUMNS`] join beside `events e`: its document, sentence
/// and group; the event's own fields follow its JSON as
/// [`crate::load::EVENT_FIELDS`] lists them.
pub(crate) const EVENT_JOINS: &str = "JOIN documents d ON d.seq = e.doc
    LEFT JOIN sentence_rows s ON s.id = d.sentence0 + e.sentence AND s.id < d.sentence_end
    LEFT JOIN event_groups g ON g.id = e.group_id";

/// Index of the JSON in [`EVENT_COLUMNS`]; the event's fields follow it.
const EVENT_JSON: usize = 20;

/// A row of [`EVENT_COLUMNS`] with the compact event still to be expanded.
pub(crate) struct RawEvent {
    row: EventRow,
    seq: i64,
    json: String,
    fields: serde_json::Map<String, serde_json::Value>,
}

pub(crate) fn raw_event(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawEvent> {
    Ok(RawEvent {
        row: EventRow {
            id: r.get(18)?,
            doc: r.get(0)?,
            sentence: r.get::<_, i64>(1)? as usize,
            date: r.get(2)?,
            doc_date: r.get(3)?,
            source_code: r.get(4)?,
            source_name: String::new(),
            target_code: r.get(5)?,
            target_name: String::new(),
            cameo: r.get(6)?,
            root: r.get(7)?,
            plover: r.get(8)?,
            quad_class: r.get::<_, i64>(9)? as u8,
            goldstein: r.get(10)?,
            modality: r.get(11)?,
            group: r.get(12)?,
            num_articles: r.get::<_, i64>(13)? as usize,
            num_sources: r.get::<_, i64>(14)? as usize,
            url: r.get(15)?,
            publisher: r.get(16)?,
            text: r.get(17)?,
            votes_up: 0,
            votes_down: 0,
            rejected: false,
            machine_cameo: None,
            machine_source: None,
            machine_target: None,
            event: None,
        },
        seq: r.get(19)?,
        json: r.get(EVENT_JSON)?,
        fields: crate::load::event_fields(r, EVENT_JSON + 1)?,
    })
}

/// The rows with their events rebuilt (an event that no longer reads has
/// `event: None` and empty names, as a row of unreadable JSON had before).
pub(crate) fn expand_events(
    conn: &rusqlite::Connection,
    raw: Vec<RawEvent>,
) -> Result<Vec<EventRow>> {
    let mut x = crate::compact::Expander::new(conn);
    let mut out = Vec::with_capacity(raw.len());
    for r in raw {
        let mut row = r.row;
        let event: Option<model::Event> = match x.expand(r.seq, &r.json, r.fields) {
            Ok(v) => serde_json::from_value(v).ok(),
            Err(crate::StoreError::Json(_)) => None,
            Err(e) => return Err(e),
        };
        if let Some(e) = &event {
            row.source_name = e.source.actor.name.clone();
            row.target_name = e.target.actor.name.clone();
        }
        row.event = event;
        out.push(row);
    }
    Ok(out)
}

/// Rebuilds each row's record (`(keep, seq, json, fields)`); `None` for a
/// record that no longer reads, which the callers leave out as before.
fn expand_all<T: serde::de::DeserializeOwned, K>(
    x: &mut crate::compact::Expander<'_>,
    rows: Vec<(K, i64, String, serde_json::Map<String, serde_json::Value>)>,
) -> Result<Vec<(K, Option<T>)>> {
    let mut out = Vec::with_capacity(rows.len());
    for (keep, seq, json, fields) in rows {
        let record = match x.expand(seq, &json, fields) {
            Ok(v) => serde_json::from_value(v).ok(),
            Err(crate::StoreError::Json(_)) => None,
            Err(e) => return Err(e),
        };
        out.push((keep, record));
    }
    Ok(out)
}

fn mean(sum: f64, n: usize) -> Option<f64> {
    (n > 0).then(|| round2(sum / n as f64))
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

impl Store {
    /// Event mentions matching `filter`, newest event date first, as the
    /// machine coded them (see [`Store::reviewed_events_rows`] for votes).
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventRow>> {
        self.event_rows(filter, false)
    }

    /// [`Store::events`]; with `or_corrected`, the filters on the coding
    /// (actor, dyad, root, PLOVER type) also let through every event of a
    /// document an analyst corrected an event of, for the caller to filter
    /// again once the corrections are applied.
    pub(crate) fn event_rows(
        &self,
        filter: &EventFilter,
        or_corrected: bool,
    ) -> Result<Vec<EventRow>> {
        self.event_slice(filter, or_corrected, 0)
    }

    /// One page of [`Store::events`]: `filter.limit` rows from `offset` on,
    /// and how many match in all; the database pages, so a page costs the
    /// same however many events are stored.
    pub fn events_page(
        &self,
        filter: &EventFilter,
        offset: usize,
    ) -> Result<(usize, Vec<EventRow>)> {
        let (wheres, args) = event_where(filter, false);
        let sql =
            format!("SELECT count(*) FROM events e JOIN documents d ON d.seq = e.doc {wheres}");
        let total: i64 = self
            .connection()
            .prepare_cached(&sql)?
            .query_row(params_from_iter(args), |r| r.get(0))
            .map_err(|e| crate::search::bad_query(filter.text.as_deref().unwrap_or(""), e))?;
        Ok((total as usize, self.event_slice(filter, false, offset)?))
    }

    fn event_slice(
        &self,
        filter: &EventFilter,
        or_corrected: bool,
        offset: usize,
    ) -> Result<Vec<EventRow>> {
        let (wheres, mut args) = event_where(filter, or_corrected);
        let limit = filter.limit.map_or(-1, |l| l as i64);
        args.push(Value::Integer(limit));
        args.push(Value::Integer(offset as i64));
        // The page is chosen on the sort keys alone, and only its rows are
        // then read whole: the sentence text (cut from a deflated body) and
        // the JSON are not computed for every match the sort passes over.
        let sql = format!(
            "SELECT {EVENT_COLUMNS}, {} FROM (SELECT e.rowid AS rid, {EVENT_START} AS k1, d.date AS k2, d.id AS k3, e.start AS k4
                 FROM events e JOIN documents d ON d.seq = e.doc {wheres}
                 ORDER BY k1 DESC, k2 DESC, k3, k4, rid LIMIT ?{} OFFSET ?{}) p
             JOIN events e ON e.rowid = p.rid {EVENT_JOINS}
             ORDER BY p.k1 DESC, p.k2 DESC, p.k3, p.k4, p.rid",
            crate::load::EVENT_FIELDS,
            args.len() - 1,
            args.len()
        );
        let mut st = self.connection().prepare_cached(&sql)?;
        let rows = st.query_map(params_from_iter(args), raw_event)?;
        let raw = rows
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| crate::search::bad_query(filter.text.as_deref().unwrap_or(""), e))?;
        expand_events(self.connection(), raw)
    }
}

/// The `WHERE` clause of an event query (empty when nothing filters) and
/// its arguments.
fn event_where(filter: &EventFilter, or_corrected: bool) -> (String, Vec<Value>) {
    let mut coding: Vec<String> = Vec::new();
    let mut wheres: Vec<String> = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    let arg = |v: String, args: &mut Vec<Value>| {
        args.push(Value::Text(v));
        format!("?{}", args.len())
    };
    if let Some(a) = &filter.actor {
        let p = arg(code_pattern(a), &mut args);
        coding.push(format!(
            "(e.source_code GLOB {p} OR e.target_code GLOB {p})"
        ));
    }
    if let Some((a, b)) = &filter.dyad {
        let pa = arg(code_pattern(a), &mut args);
        let pb = arg(code_pattern(b), &mut args);
        coding.push(format!(
                "((e.source_code GLOB {pa} AND e.target_code GLOB {pb}) OR (e.source_code GLOB {pb} AND e.target_code GLOB {pa}))"
            ));
    }
    if let Some(root) = &filter.root {
        let p = arg(format!("{}*", root.trim()), &mut args);
        coding.push(format!("e.cameo GLOB {p}"));
    }
    if let Some(v) = &filter.plover {
        let p = arg(v.trim().to_uppercase(), &mut args);
        coding.push(format!("upper(e.plover) = {p}"));
    }
    if or_corrected && !coding.is_empty() {
        wheres.push(format!(
                "(({}) OR d.id IN (SELECT doc FROM votes WHERE cameo IS NOT NULL OR source_code IS NOT NULL OR target_code IS NOT NULL))",
                coding.join(" AND ")
            ));
    } else {
        wheres.append(&mut coding);
    }
    if let Some(v) = &filter.modality {
        let p = arg(v.trim().to_lowercase(), &mut args);
        wheres.push(format!("e.modality = {p}"));
    }
    let start = EVENT_START;
    if let Some(v) = &filter.from {
        let p = arg(v.clone(), &mut args);
        wheres.push(format!("{start} >= {p}"));
    }
    if let Some(v) = &filter.to {
        let p = arg(v.clone(), &mut args);
        wheres.push(format!("{start} <= {p}"));
    }
    if let Some(v) = &filter.text {
        let p = arg(crate::search::fts_query(v), &mut args);
        wheres.push(format!(
                "d.sentence0 + e.sentence IN (SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH {p})"
            ));
    }
    if let Some(v) = &filter.doc {
        let p = arg(v.clone(), &mut args);
        wheres.push(format!("d.id = {p}"));
    }
    let ids = |v: &[i64]| v.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    if let Some(v) = &filter.only {
        wheres.push(format!("e.rowid IN ({})", ids(v)));
    }
    if !filter.skip.is_empty() {
        wheres.push(format!("e.rowid NOT IN ({})", ids(&filter.skip)));
    }
    let clause = if wheres.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", wheres.join(" AND "))
    };
    (clause, args)
}

impl Store {
    /// Whether a stored event's source or target code starts with `code`.
    pub fn has_event_code(&self, code: &str) -> Result<bool> {
        let pat = code_pattern(code);
        Ok(self.connection().query_row(
            "SELECT EXISTS (SELECT 1 FROM events WHERE source_code GLOB ?1 OR target_code GLOB ?1)",
            [&pat],
            |r| r.get(0),
        )?)
    }

    /// A profile of the actor (or country) whose codes start with `code`,
    /// as the machine coded its events.
    pub fn actor_profile(&self, code: &str, recent: usize) -> Result<ActorProfile> {
        self.reviewed_actor_profile(code, recent, &Review::none())
    }

    /// [`Store::actor_profile`] over the events as analysts reviewed them.
    pub fn reviewed_actor_profile(
        &self,
        code: &str,
        recent: usize,
        review: &Review,
    ) -> Result<ActorProfile> {
        let conn = self.connection();
        let pat = code_pattern(code);
        // Sums over the actor's (actor, document) rows: no mention list is read.
        let (mentions, documents): (i64, i64) = conn.query_row(
            "SELECT coalesce(sum(ad.mentions), 0), count(DISTINCT ad.doc)
             FROM actors a JOIN actor_docs ad ON ad.actor = a.id
             WHERE a.code GLOB ?1",
            [&pat],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let mut st = conn.prepare_cached(
            "SELECT a.name, a.code, a.role, min(d.date), max(d.date), sum(ad.mentions), count(DISTINCT ad.doc)
             FROM actors a JOIN actor_docs ad ON ad.actor = a.id JOIN documents d ON d.seq = ad.doc
             WHERE a.code GLOB ?1
             GROUP BY a.name, a.code, a.role
             ORDER BY sum(ad.mentions) DESC, min(d.date), a.name LIMIT 50",
        )?;
        let names = st
            .query_map([&pat], |r| {
                Ok(NameUse {
                    name: r.get(0)?,
                    code: r.get(1)?,
                    role: r.get(2)?,
                    first: r.get(3)?,
                    last: r.get(4)?,
                    mentions: r.get::<_, i64>(5)? as usize,
                    documents: r.get::<_, i64>(6)? as usize,
                })
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;

        let prefix = pat.trim_end_matches('*');
        let groups: Vec<(String, String, u8, f64)> = self
            .group_rows(review, &[prefix])?
            .into_iter()
            .map(|g| (g.source_code, g.target_code, g.quad_class, g.goldstein))
            .collect();
        let mut partners: BTreeMap<String, (QuadCounts, usize, f64)> = BTreeMap::new();
        for (s, t, quad, g) in &groups {
            let other = if s.starts_with(prefix) { t } else { s };
            let e = partners.entry(country_key(other)).or_default();
            e.0.add(*quad);
            e.1 += 1;
            e.2 += g;
        }
        let mut partners: Vec<Partner> = partners
            .into_iter()
            .map(|(code, (q, n, sum))| Partner {
                code,
                events: n,
                cooperation: q.cooperation(),
                conflict: q.conflict(),
                mean_goldstein: mean(sum, n).unwrap_or(0.0),
            })
            .collect();
        partners.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.code.cmp(&b.code)));

        let recent_events = self.reviewed_events_rows(
            &EventFilter {
                actor: Some(code.to_string()),
                limit: Some(recent),
                ..EventFilter::default()
            },
            review,
        )?;
        let quotes_by = self.quote_rows("q.speaker_code GLOB ?1", &pat)?;
        let quotes_about = self.quotes_about(&pat, 20)?;
        let facts = self
            .fact_rows(
                "f.holder_code GLOB ?1 OR f.counterpart_code GLOB ?1",
                vec![Value::Text(pat.clone())],
                50,
                0,
            )?
            .1;
        Ok(ActorProfile {
            actor: prefix.to_string(),
            mentions: mentions as usize,
            documents: documents as usize,
            events: groups.len(),
            names,
            partners,
            recent_events,
            quotes_by,
            quotes_about,
            facts,
        })
    }

    /// The newest `limit` quotes in which an actor whose code matches `pat`
    /// is mentioned inside what is said (not as its speaker). Candidates
    /// come newest first from the actor's documents; each document's
    /// mention list is read once, and only until `limit` are found.
    fn quotes_about(&self, pat: &str, limit: usize) -> Result<Vec<QuoteRow>> {
        let conn = self.connection();
        let ids: std::collections::HashSet<i64> = conn
            .prepare_cached("SELECT id FROM actors WHERE code GLOB ?1")?
            .query_map([pat], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        if ids.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        // The actor's documents newest first (the quote list's order).
        let docs: Vec<i64> = conn
            .prepare_cached(
                "SELECT d.seq FROM documents d
                 WHERE d.seq IN (SELECT ad.doc FROM actors a JOIN actor_docs ad ON ad.actor = a.id
                                 WHERE a.code GLOB ?1)
                 ORDER BY d.date DESC, d.id",
            )?
            .query_map([pat], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        let mut quotes = conn.prepare_cached(
            "SELECT q.n, q.start, q.end,
                    coalesce(json_extract(entente_json(q.json), '$.\"@cs\"[0]'), json_extract(entente_json(q.json), '$.content_span[0]')),
                    coalesce(json_extract(entente_json(q.json), '$.\"@cs\"[1]'), json_extract(entente_json(q.json), '$.content_span[1]'))
             FROM quotes q WHERE q.doc = ?1
             AND (q.speaker_code IS NULL OR NOT q.speaker_code GLOB ?2)
             ORDER BY q.start, q.n",
        )?;
        let mut list =
            conn.prepare_cached("SELECT entente_list(list) FROM mention_lists WHERE doc = ?1")?;
        let mut found: Vec<(i64, i64)> = Vec::new();
        'docs: for doc in docs {
            type Span = (i64, i64, i64, Option<i64>, Option<i64>);
            let qs: Vec<Span> = quotes
                .query_map(rusqlite::params![doc, pat], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })?
                .collect::<std::result::Result<_, _>>()?;
            if qs.is_empty() {
                continue;
            }
            let text: Option<String> = list.query_map([doc], |r| r.get(0))?.next().transpose()?;
            let spans = actor_spans(text.as_deref().unwrap_or("[]"), &ids);
            for (n, start, end, cs, ce) in qs {
                let (Some(cs), Some(ce)) = (cs, ce) else {
                    continue;
                };
                let inside = |(s, e): &(i64, i64)| *s >= start && *e <= end && *s >= cs && *e <= ce;
                if spans.iter().any(inside) {
                    found.push((doc, n));
                    if found.len() == limit {
                        break 'docs;
                    }
                }
            }
        }
        if found.is_empty() {
            return Ok(Vec::new());
        }
        let pairs = found
            .iter()
            .map(|(d, n)| format!("({d}, {n})"))
            .collect::<Vec<_>>()
            .join(", ");
        let (sql, params) = quote_sql(
            &format!("?1 = ?1 AND (q.doc, q.n) IN (VALUES {pairs})"),
            pat,
            limit,
            0,
        );
        self.quote_rows_of(&sql, &params)
    }

    /// Quotes whose speaker's code starts with `speaker`, or whose speaker's
    /// name or text contains it (any case); all quotes when `None`.
    pub fn quotes(&self, speaker: Option<&str>, limit: usize) -> Result<Vec<QuoteRow>> {
        Ok(self.quotes_page(speaker, limit, 0)?.1)
    }

    /// One page of [`Store::quotes`], newest first, and how many match in
    /// all: the database pages, so only the page's records are read.
    pub fn quotes_page(
        &self,
        speaker: Option<&str>,
        limit: usize,
        offset: usize,
    ) -> Result<(usize, Vec<QuoteRow>)> {
        match speaker {
            None => self.quote_rows_page("?1 = ?1", "", limit, offset),
            Some(s) => self.quote_rows_page(
                "q.speaker_code GLOB ?1 OR lower(coalesce(q.speaker,
                    (SELECT a.name FROM actors a WHERE a.id = json_extract(entente_json(q.json), '$.sp.\"@a\"')),
                    entente_span((SELECT z FROM text_blocks WHERE id = d.block), d.at,
                    json_extract(entente_json(q.json), '$.sp.\"@s\"[0]'), json_extract(entente_json(q.json), '$.sp.\"@s\"[1]'))))
                    LIKE ?2 ESCAPE '\\'",
                &code_pattern(s),
                limit,
                offset,
            ),
        }
    }

    /// Facts held by or about actors whose code starts with `actor` (all when
    /// `None`), optionally of one measure (`import_share`, `stake`, `killed`...).
    pub fn facts(
        &self,
        actor: Option<&str>,
        measure: Option<&str>,
        limit: usize,
    ) -> Result<Vec<FactRow>> {
        Ok(self.facts_page(actor, measure, limit, 0)?.1)
    }

    /// One page of [`Store::facts`], newest first, and how many match in all.
    pub fn facts_page(
        &self,
        actor: Option<&str>,
        measure: Option<&str>,
        limit: usize,
        offset: usize,
    ) -> Result<(usize, Vec<FactRow>)> {
        let (who, pat) = match actor {
            Some(a) => (
                "(f.holder_code GLOB ?1 OR f.counterpart_code GLOB ?1)",
                code_pattern(a),
            ),
            None => ("?1 = ?1", String::new()),
        };
        let condition = match measure {
            Some(_) => format!("{who} AND f.measure = ?2"),
            None => who.to_string(),
        };
        let mut params = vec![Value::Text(pat)];
        if let Some(m) = measure {
            params.push(Value::Text(m.to_string()));
        }
        self.fact_rows(&condition, params, limit, offset)
    }

    fn fact_rows(
        &self,
        condition: &str,
        params: Vec<Value>,
        limit: usize,
        offset: usize,
    ) -> Result<(usize, Vec<FactRow>)> {
        let conn = self.connection();
        let total: i64 = conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM facts f JOIN documents d ON d.seq = f.doc WHERE {condition}"
            ))?
            .query_row(params_from_iter(&params), |r| r.get(0))?;
        let (limit, offset) = (limit.min(i64::MAX as usize), offset.min(i64::MAX as usize));
        // As for quotes: the page on the sort keys alone, then its rows.
        let sql = format!(
            "SELECT d.id, d.date, f.sentence, d.seq, entente_json(f.json), f.sentence, f.start, f.end
             FROM (SELECT f.doc AS pd, f.n AS pn FROM facts f JOIN documents d ON d.seq = f.doc
                   WHERE {condition} ORDER BY d.date DESC, d.id, f.start, f.n LIMIT {limit} OFFSET {offset}) p
             JOIN facts f ON f.doc = p.pd AND f.n = p.pn JOIN documents d ON d.seq = f.doc
             ORDER BY d.date DESC, d.id, f.start, f.n"
        );
        let mut st = conn.prepare_cached(&sql)?;
        let raw = st
            .query_map(params_from_iter(&params), |r| {
                Ok((
                    (
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)? as usize,
                    ),
                    r.get::<_, i64>(3)?,
                    r.get::<_, String>(4)?,
                    crate::load::record_fields(r, 5)?,
                ))
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let mut x = crate::compact::Expander::new(conn);
        let raw = expand_all::<model::Fact, _>(&mut x, raw)?;
        let rows = raw
            .into_iter()
            .filter_map(|((doc, date, sentence), f)| {
                let f = f?;
                Some(FactRow {
                    doc,
                    date,
                    sentence,
                    measure: f.measure,
                    value: f.value,
                    unit: f.unit,
                    holder: f.holder.map(|h| h.actor.code),
                    counterpart: f.counterpart.map(|h| h.actor.code),
                    commodity: f.commodity,
                    period: f.period,
                })
            })
            .collect();
        Ok((total as usize, rows))
    }

    fn quote_rows(&self, condition: &str, pat: &str) -> Result<Vec<QuoteRow>> {
        let (sql, params) = quote_sql(condition, pat, 20, 0);
        self.quote_rows_of(&sql, &params)
    }

    fn quote_rows_page(
        &self,
        condition: &str,
        pat: &str,
        limit: usize,
        offset: usize,
    ) -> Result<(usize, Vec<QuoteRow>)> {
        let (sql, params) = quote_sql(condition, pat, limit, offset);
        let count = format!(
            "SELECT count(*) FROM quotes q JOIN documents d ON d.seq = q.doc WHERE {condition}"
        );
        let total: i64 = self
            .connection()
            .prepare_cached(&count)?
            .query_row(params_from_iter(&params), |r| r.get(0))?;
        Ok((total as usize, self.quote_rows_of(&sql, &params)?))
    }

    fn quote_rows_of(&self, sql: &str, params: &[Value]) -> Result<Vec<QuoteRow>> {
        let mut st = self.connection().prepare_cached(sql)?;
        let rows = st
            .query_map(params_from_iter(params), |r| {
                Ok((
                    (
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)? as usize,
                        r.get::<_, String>(3)?,
                        r.get::<_, Option<String>>(4)?,
                    ),
                    r.get::<_, i64>(5)?,
                    r.get::<_, String>(6)?,
                    crate::load::record_fields(r, 7)?,
                ))
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let mut x = crate::compact::Expander::new(self.connection());
        let rows = expand_all::<model::Quote, _>(&mut x, rows)?;
        Ok(rows
            .into_iter()
            .filter_map(|((doc, date, sentence, _, speaker_code), q)| {
                let q: model::Quote = q?;
                let speaker = match q.speaker {
                    model::Speaker::Actor(p) => p.actor.name,
                    model::Speaker::Unresolved { text, .. } => text,
                };
                Some(QuoteRow {
                    doc,
                    date,
                    sentence,
                    speaker,
                    speaker_code,
                    style: q.style,
                    cue: q.cue,
                    content: q.content,
                })
            })
            .collect())
    }

    /// Relations between the actors whose codes start with `a` and `b`, as
    /// the machine coded them.
    pub fn dyad(&self, a: &str, b: &str) -> Result<DyadReport> {
        self.reviewed_dyad(a, b, &Review::none())
    }

    /// [`Store::dyad`] over the events as analysts reviewed them.
    pub fn reviewed_dyad(&self, a: &str, b: &str, review: &Review) -> Result<DyadReport> {
        let (pa, pb) = (code_pattern(a), code_pattern(b));
        let (ka, kb) = (pa.trim_end_matches('*'), pb.trim_end_matches('*'));
        let rows: Vec<(bool, u8, f64, usize, String)> = self
            .group_rows(review, &[ka, kb])?
            .into_iter()
            .filter_map(|g| {
                let forward = g.between(ka, kb)?;
                Some((forward, g.quad_class, g.goldstein, g.num_mentions, g.month))
            })
            .collect();
        let (na, nb) = (
            pa.trim_end_matches('*').to_string(),
            pb.trim_end_matches('*').to_string(),
        );
        let mut all = (QuadCounts::default(), 0usize, 0.0f64);
        let mut ab = all;
        let mut ba = all;
        let mut mentions = 0;
        let mut months: BTreeMap<String, (QuadCounts, usize, f64)> = BTreeMap::new();
        for (forward, quad, g, m, month) in &rows {
            mentions += m;
            for acc in [
                &mut all,
                if *forward { &mut ab } else { &mut ba },
                months.entry(month.clone()).or_default(),
            ] {
                acc.0.add(*quad);
                acc.1 += 1;
                acc.2 += g;
            }
        }
        let dir = |source: &str, target: &str, d: (QuadCounts, usize, f64)| Direction {
            source: source.to_string(),
            target: target.to_string(),
            events: d.1,
            mean_goldstein: mean(d.2, d.1),
            quad_classes: d.0,
        };
        Ok(DyadReport {
            events: all.1,
            mentions,
            mean_goldstein: mean(all.2, all.1),
            quad_classes: all.0,
            a_to_b: dir(&na, &nb, ab),
            b_to_a: dir(&nb, &na, ba),
            timeline: months
                .into_iter()
                .map(|(month, (q, n, sum))| MonthRow {
                    month,
                    events: n,
                    quad_classes: q,
                    mean_goldstein: mean(sum, n).unwrap_or(0.0),
                })
                .collect(),
            a: na,
            b: nb,
        })
    }
}

/// The spans (start, end) of the mentions of `actors` in a packed mention
/// list (`[sentence, start, length, actor, ...]` each; migration 0010).
fn actor_spans(list: &str, actors: &std::collections::HashSet<i64>) -> Vec<(i64, i64)> {
    let items: Vec<Vec<serde_json::Value>> = serde_json::from_str(list).unwrap_or_default();
    items
        .iter()
        .filter_map(|m| {
            let field = |i: usize| m.get(i).and_then(serde_json::Value::as_i64);
            let (start, len, actor) = (field(1)?, field(2)?, field(3)?);
            actors.contains(&actor).then_some((start, start + len))
        })
        .collect()
}

/// The query of a page of quotes matching `condition` (`?1` the code
/// pattern `pat`, `?2` its text as a name to find), and its arguments.
fn quote_sql(condition: &str, pat: &str, limit: usize, offset: usize) -> (String, Vec<Value>) {
    let (limit, offset) = (limit.min(i64::MAX as usize), offset.min(i64::MAX as usize));
    // The page is chosen on the sort keys alone (the records are not
    // carried through the sort), then only its rows are read whole.
    let sql = format!(
        "SELECT d.id, d.date, q.sentence, '', q.speaker_code, d.seq, entente_json(q.json), q.sentence, q.start, q.end
         FROM (SELECT q.doc AS pd, q.n AS pn FROM quotes q JOIN documents d ON d.seq = q.doc
               WHERE {condition} ORDER BY d.date DESC, d.id, q.start, q.n LIMIT {limit} OFFSET {offset}) p
         JOIN quotes q ON q.doc = p.pd AND q.n = p.pn JOIN documents d ON d.seq = q.doc
         ORDER BY d.date DESC, d.id, q.start, q.n"
    );
    let mut params = vec![Value::Text(pat.to_string())];
    if sql.contains("?2") {
        // The name pattern: the code pattern's text, any case, as a substring.
        params.push(Value::Text(format!(
            "%{}%",
            pat.trim_end_matches('*')
                .to_lowercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        )));
    }
    (sql, params)
}
