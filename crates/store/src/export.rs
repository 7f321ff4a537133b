//! Export views of the store: GDELT 2.0 event rows, PLOVER records and the country-level actor graph.
//!
//! These build typed rows; the binary writes them out in each file format.

use crate::query::{country_key, EventFilter, EventRow};
use crate::{GroupRow, Result, Review, Store};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;

/// GDELT 2.0 event table columns, in the codebook's order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// One row of the GDELT 2.0 event table; empty strings where we know nothing.
pub type GdeltRow = [String; 61];

/// CAMEO actor type codes: the three-letter chunks of a code that are not a
/// country or a known group.
const CAMEO_TYPES: &[&str] = &[
    "AGR", "BUS", "CHR", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI",
    "IGO", "IMG", "INS", "JUD", "LAB", "LEG", "MED", "MIL", "MNC", "MOD", "NGM", "NGO", "OPP",
    "PTY", "RAD", "REB", "REF", "REL", "SEP", "SPY", "UAF",
];

/// The ten GDELT actor columns from a CAMEO code: Code, Name, CountryCode,
/// KnownGroupCode, EthnicCode, Religion1Code, Religion2Code, Type1-3Code.
pub(crate) fn actor_columns(code: &str, name: &str) -> [String; 10] {
    let chunks: Vec<&str> = (0..code.len())
        .step_by(3)
        .filter_map(|i| code.get(i..(i + 3).min(code.len())))
        .filter(|c| c.len() == 3)
        .collect();
    let mut country = String::new();
    let mut group = String::new();
    let mut types: Vec<&str> = Vec::new();
    for (i, c) in chunks.iter().enumerate() {
        if CAMEO_TYPES.contains(c) {
            if types.len() < 3 {
                types.push(c);
            }
        } else if i == 0 {
            country = c.to_string();
        } else if group.is_empty() {
            group = c.to_string();
        }
    }
    let t = |i: usize| types.get(i).map_or(String::new(), |s| s.to_string());
    [
        clean(code),
        clean(name),
        country,
        group,
        String::new(),
        String::new(),
        String::new(),
        t(0),
        t(1),
        t(2),
    ]
}

/// Tabs and line breaks would split a row.
fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn is_day(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// `YYYY.FFFF`: the year plus the fraction of it elapsed, as GDELT writes it
/// (a day that is not a calendar date counts as the first day of year 0).
fn fraction_date(y: i32, m: u32, d: u32) -> String {
    let day = NaiveDate::from_ymd_opt(y, m, d)
        .or_else(|| NaiveDate::from_ymd_opt(0, 1, 1))
        .unwrap_or_default();
    let len = if day.leap_year() { 366.0 } else { 365.0 };
    format!("{:.4}", day.year() as f64 + day.ordinal() as f64 / len)
}

/// One event as PLOVER describes it (one record per coded mention).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PloverEvent {
    pub id: String,
    pub event_group: Option<i64>,
    pub date: String,
    pub event_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    pub source_actor: String,
    pub source_code: String,
    pub source_sector: Option<String>,
    pub source_country: Option<String>,
    pub target_actor: String,
    pub target_code: String,
    pub target_sector: Option<String>,
    pub target_country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<model::Place>,
    pub text: String,
    pub doc: String,
    pub sentence: usize,
    pub url: Option<String>,
    pub publisher: Option<String>,
    pub cameo: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub modality: String,
    pub num_articles: usize,
}

impl From<&EventRow> for PloverEvent {
    fn from(r: &EventRow) -> PloverEvent {
        let ev = r.event.as_ref();
        PloverEvent {
            id: format!("{}-{}-{}", r.doc, r.sentence, r.id),
            event_group: r.group,
            date: r.date.clone(),
            event_type: r.plover.clone(),
            mode: ev.and_then(|e| e.mode.clone()),
            source_actor: r.source_name.clone(),
            source_code: r.source_code.clone(),
            source_sector: ev.and_then(|e| e.source.actor.role.clone()),
            source_country: ev.and_then(|e| e.source.actor.country.clone()),
            target_actor: r.target_name.clone(),
            target_code: r.target_code.clone(),
            target_sector: ev.and_then(|e| e.target.actor.role.clone()),
            target_country: ev.and_then(|e| e.target.actor.country.clone()),
            location: ev.and_then(|e| e.place.clone()),
            text: r.text.clone(),
            doc: r.doc.clone(),
            sentence: r.sentence,
            url: r.url.clone(),
            publisher: r.publisher.clone(),
            cameo: r.cameo.clone(),
            quad_class: r.quad_class,
            goldstein: r.goldstein,
            modality: r.modality.clone(),
            num_articles: r.num_articles,
        }
    }
}

/// An actor node of the country-level graph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GraphNode {
    /// Country-level code (`ISR`, `IGOUNO`).
    pub id: String,
    /// The name it is most often mentioned by.
    pub label: String,
    /// Deduplicated events it takes part in.
    pub events: usize,
}

/// A directed dyad: deduplicated events from `source` to `target`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GraphEdge {
    pub source: String,
    pub target: String,
    pub events: usize,
    pub mentions: usize,
    pub cooperation: usize,
    pub conflict: usize,
    pub mean_goldstein: f64,
    /// Sum of the positive Goldstein scores.
    pub cooperation_weight: f64,
    /// Sum of the magnitudes of the negative Goldstein scores.
    pub conflict_weight: f64,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Graph {
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
}

impl Store {
    /// One GDELT 2.0 row per deduplicated event, by id.
    pub fn gdelt_rows(&self) -> Result<Vec<GdeltRow>> {
        self.reviewed_gdelt_rows(&Review::none())
    }

    /// [`Store::gdelt_rows`] over the events as analysts reviewed them.
    pub fn reviewed_gdelt_rows(&self, review: &Review) -> Result<Vec<GdeltRow>> {
        let mut first = self.connection().prepare_cached(&format!(
            "SELECT d.seq, entente_json(e.json), d.date, datetime(d.ingested_at, 'unixepoch'),
                    coalesce(d.url, ''), {}
             FROM events e JOIN documents d ON d.seq = e.doc WHERE e.rowid = ?1",
            crate::load::EVENT_FIELDS
        ))?;
        let mut x = crate::compact::Expander::new(self.connection());
        let mut out = Vec::new();
        for g in self.group_rows(review, &[])? {
            let Some((seq, json, doc_date, added, url, fields)) = first
                .query_map([g.first_mention], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        crate::load::event_fields(r, 5)?,
                    ))
                })?
                .next()
                .transpose()?
            else {
                continue;
            };
            let GroupRow {
                id,
                day,
                source_code: src,
                target_code: tgt,
                cameo,
                root,
                quad_class: quad,
                goldstein: gold,
                ..
            } = g;
            let counts = [g.num_mentions, g.num_sources, g.num_articles];
            let ev: Option<model::Event> = match x.expand(seq, &json, fields) {
                Ok(v) => serde_json::from_value(v).ok(),
                Err(crate::StoreError::Json(_)) => None,
                Err(e) => return Err(e),
            };
            let day = if is_day(&day) { day } else { doc_date };
            let (y, m, d) = if is_day(&day) {
                (
                    day[..4].parse().unwrap_or(0),
                    day[5..7].parse().unwrap_or(1),
                    day[8..10].parse().unwrap_or(1),
                )
            } else {
                (0, 1, 1)
            };
            let digits: String = day.chars().filter(char::is_ascii_digit).collect();
            let mut v: Vec<String> = vec![
                id.to_string(),
                digits.clone(),
                digits.chars().take(6).collect(),
                digits.chars().take(4).collect(),
                fraction_date(y, m, d),
            ];
            // A side an analyst corrected has no name but its code.
            let name = |p: Option<&model::Participant>, code: &str| {
                p.filter(|p| p.actor.code == code)
                    .map_or(code.to_string(), |p| p.actor.name.clone())
            };
            v.extend(actor_columns(
                &src,
                &name(ev.as_ref().map(|e| &e.source), &src),
            ));
            v.extend(actor_columns(
                &tgt,
                &name(ev.as_ref().map(|e| &e.target), &tgt),
            ));
            let base: String = cameo.chars().take(3).collect();
            v.extend([
                // GDELT's IsRootEvent: reported in the lead; ours: in the first sentence.
                u8::from(g.root_event).to_string(),
                cameo.clone(),
                base,
                root,
                quad.to_string(),
                format!("{gold:.1}"),
                counts[0].to_string(),
                counts[1].to_string(),
                counts[2].to_string(),
                String::new(), // AvgTone: no tone model.
            ]);
            // Actor geography is unknown: 16 empty columns.
            v.extend(std::iter::repeat_n(String::new(), 16));
            match ev.as_ref().and_then(|e| e.place.as_ref()) {
                Some(p) => {
                    let kind = if p.lat.is_some() { "4" } else { "1" };
                    v.extend([
                        kind.to_string(),
                        clean(&p.name),
                        p.country.clone().unwrap_or_default(),
                        String::new(),
                        String::new(),
                        p.lat.map_or(String::new(), |x| format!("{x}")),
                        p.lon.map_or(String::new(), |x| format!("{x}")),
                        String::new(),
                    ]);
                }
                None => v.extend(std::iter::repeat_n(String::new(), 8)),
            }
            v.push(added.chars().filter(char::is_ascii_digit).collect());
            v.push(clean(&url));
            // A wrong count is a bug here, never input: pad or cut rather than panic.
            v.resize(GDELT_COLUMNS.len(), String::new());
            if let Ok(row) = GdeltRow::try_from(v) {
                out.push(row);
            }
        }
        Ok(out)
    }

    /// Every event mention as a PLOVER record.
    pub fn plover_events(&self) -> Result<Vec<PloverEvent>> {
        Ok(self
            .events(&EventFilter::default())?
            .iter()
            .map(PloverEvent::from)
            .collect())
    }

    /// The country-level actor graph: nodes are countries (or international
    /// bodies), edges directed dyads of deduplicated events. Events within
    /// one country (government against its own opposition) are left out.
    pub fn actor_graph(&self) -> Result<Graph> {
        self.reviewed_actor_graph(&Review::none())
    }

    /// [`Store::actor_graph`] over the events as analysts reviewed them.
    pub fn reviewed_actor_graph(&self, review: &Review) -> Result<Graph> {
        let rows = self.group_rows(review, &[])?.into_iter().map(|g| {
            (
                g.source_code,
                g.target_code,
                g.quad_class,
                g.goldstein,
                g.num_mentions,
            )
        });
        let mut edges: BTreeMap<(String, String), GraphEdge> = BTreeMap::new();
        let mut nodes: BTreeMap<String, usize> = BTreeMap::new();
        for (s, t, quad, gold, mentions) in rows {
            let (s, t) = (country_key(&s), country_key(&t));
            if s == t || s.is_empty() || t.is_empty() {
                continue;
            }
            *nodes.entry(s.clone()).or_default() += 1;
            *nodes.entry(t.clone()).or_default() += 1;
            let e = edges.entry((s.clone(), t.clone())).or_insert(GraphEdge {
                source: s,
                target: t,
                events: 0,
                mentions: 0,
                cooperation: 0,
                conflict: 0,
                mean_goldstein: 0.0,
                cooperation_weight: 0.0,
                conflict_weight: 0.0,
            });
            e.events += 1;
            e.mentions += mentions;
            if quad <= 2 {
                e.cooperation += 1;
            } else {
                e.conflict += 1;
            }
            // Summed here, divided below.
            e.mean_goldstein += gold;
            if gold > 0.0 {
                e.cooperation_weight += gold;
            } else {
                e.conflict_weight -= gold;
            }
        }
        let mut label = self.connection().prepare(
            "SELECT a.name FROM actors a JOIN actor_docs ad ON ad.actor = a.id
             JOIN mentions m ON m.doc = ad.doc AND m.actor = a.id WHERE a.code = ?1
             GROUP BY a.name ORDER BY count(*) DESC, a.name LIMIT 1",
        )?;
        let mut graph = Graph::default();
        for (id, events) in nodes {
            let name: Option<String> = label.query_map([&id], |r| r.get(0))?.next().transpose()?;
            graph.nodes.push(GraphNode {
                label: name.unwrap_or_else(|| id.clone()),
                id,
                events,
            });
        }
        graph.edges = edges
            .into_values()
            .map(|mut e| {
                e.mean_goldstein =
                    (e.mean_goldstein / e.events.max(1) as f64 * 100.0).round() / 100.0;
                e.cooperation_weight = (e.cooperation_weight * 10.0).round() / 10.0;
                e.conflict_weight = (e.conflict_weight * 10.0).round() / 10.0;
                e
            })
            .collect();
        Ok(graph)
    }
}

#[cfg(test)]
mod tests {
    use super::fraction_date;

    #[test]
    fn fraction_dates_count_leap_days() {
        assert_eq!(fraction_date(2025, 4, 2), "2025.2521");
        assert_eq!(fraction_date(2024, 12, 31), "2025.0000");
        assert_eq!(fraction_date(2024, 3, 1), "2024.1667");
        assert_eq!(fraction_date(2023, 3, 1), "2023.1644");
    }
}
