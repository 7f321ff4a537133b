//! Analysts' votes on coded events: stored beside the machine coding, and
//! applied when analyses read the events back.
//!
//! An event is named by a stable id ([`event_id`]) derived from its document
//! and what was coded (sentence, trigger span, CAMEO code, both sides'
//! codes), so a vote survives `recode` and `ingest --replace` of the same
//! text. An event is *rejected* when it has more down-votes than up-votes;
//! its latest correction, if any, replaces the machine coding in analyses.

use crate::{Result, Store, Stored};
use model::Event;
use rusqlite::params;
use serde::Serialize;
use std::collections::HashMap;

/// The stable id of a coded event: `DOC~HASH`, where HASH is 12 hex digits
/// of a BLAKE3 hash of sentence, span, CAMEO code and the two sides' codes.
pub fn event_id(doc: &str, e: &Event) -> String {
    let mut h = blake3::Hasher::new();
    for part in [
        e.sentence.to_string(),
        e.span[0].to_string(),
        e.span[1].to_string(),
        e.cameo.clone(),
        e.source.actor.code.clone(),
        e.target.actor.code.clone(),
    ] {
        h.update(part.as_bytes());
        h.update(&[0]);
    }
    let hex = h.finalize().to_hex();
    format!("{doc}~{}", &hex[..12])
}

/// The document part of an event id (everything before the last `~`).
pub fn event_doc(id: &str) -> Option<&str> {
    let (doc, hash) = id.rsplit_once('~')?;
    (hash.len() == 12 && hash.bytes().all(|b| b.is_ascii_hexdigit()) && !doc.is_empty())
        .then_some(doc)
}

/// A corrected CAMEO code with what follows from it (looked up by the caller,
/// which knows the CAMEO table).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CameoFix {
    pub cameo: String,
    pub root: String,
    pub plover: String,
    pub quad_class: u8,
    pub goldstein: f64,
}

/// What an analyst says the coding should be; empty fields keep the machine's.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Correction {
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<CameoFix>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
}

impl Correction {
    pub fn is_empty(&self) -> bool {
        self.cameo.is_none() && self.source.is_none() && self.target.is_none()
    }
}

/// A vote to store.
#[derive(Debug, Clone)]
pub struct NewVote {
    pub event_id: String,
    pub up: bool,
    pub note: Option<String>,
    /// The name of the token that cast it.
    pub who: String,
    pub correction: Correction,
}

/// A stored vote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Vote {
    pub id: i64,
    pub event_id: String,
    /// `up` or `down`.
    pub vote: String,
    pub note: Option<String>,
    pub who: String,
    /// UTC, `YYYY-MM-DD HH:MM:SS`.
    pub at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correction: Option<Correction>,
}

/// The votes on one event, summed.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Tally {
    pub up: usize,
    pub down: usize,
    /// The latest correction any vote carried.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correction: Option<Correction>,
}

impl Tally {
    /// More down-votes than up-votes: the event leaves analyses.
    pub fn rejected(&self) -> bool {
        self.down > self.up
    }
}

/// Replaces the machine coding of `e` with a correction.
pub fn apply(e: &mut Event, c: &Correction) {
    if let Some(fix) = &c.cameo {
        e.cameo = fix.cameo.clone();
        e.root = fix.root.clone();
        e.plover = fix.plover.clone();
        e.quad_class = fix.quad_class;
        e.goldstein = fix.goldstein;
    }
    for (side, code) in [(&mut e.source, &c.source), (&mut e.target, &c.target)] {
        if let Some(code) = code {
            side.actor.code = code.clone();
            side.actor.country = code.get(..3).map(str::to_string);
            side.actor.id = format!("corrected:{code}");
            side.actor.name = code.clone();
            side.actor.role = None;
        }
    }
}

const VOTE_COLUMNS: &str = "id, event_id, vote, note, who, at, cameo, root, plover, quad_class, goldstein, source_code, target_code";

fn vote_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Vote> {
    let cameo: Option<String> = r.get(6)?;
    let fix = match cameo {
        Some(cameo) => Some(CameoFix {
            cameo,
            root: r.get::<_, Option<String>>(7)?.unwrap_or_default(),
            plover: r.get::<_, Option<String>>(8)?.unwrap_or_default(),
            quad_class: r.get::<_, Option<i64>>(9)?.unwrap_or(0) as u8,
            goldstein: r.get::<_, Option<f64>>(10)?.unwrap_or(0.0),
        }),
        None => None,
    };
    let correction = Correction {
        cameo: fix,
        source: r.get(11)?,
        target: r.get(12)?,
    };
    Ok(Vote {
        id: r.get(0)?,
        event_id: r.get(1)?,
        vote: r.get(2)?,
        note: r.get(3)?,
        who: r.get(4)?,
        at: r.get(5)?,
        correction: (!correction.is_empty()).then_some(correction),
    })
}

fn tally(votes: Vec<Vote>) -> HashMap<String, Tally> {
    let mut out: HashMap<String, Tally> = HashMap::new();
    // Votes come in id order, so the last correction seen is the latest.
    for v in votes {
        let t = out.entry(v.event_id).or_default();
        if v.vote == "up" {
            t.up += 1;
        } else {
            t.down += 1;
        }
        if v.correction.is_some() {
            t.correction = v.correction;
        }
    }
    out
}

impl Store {
    /// Stores a vote and returns its id. The event id is not checked here:
    /// the caller looks the event up first.
    pub fn add_vote(&mut self, v: &NewVote) -> Result<i64> {
        let doc = event_doc(&v.event_id).unwrap_or(&v.event_id);
        let fix = v.correction.cameo.as_ref();
        self.connection().execute(
            "INSERT INTO votes (event_id, doc, vote, note, who, at, cameo, root, plover, quad_class, goldstein, source_code, target_code)
             VALUES (?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%d %H:%M:%S', 'now'), ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                v.event_id,
                doc,
                if v.up { "up" } else { "down" },
                v.note,
                v.who,
                fix.map(|f| &f.cameo),
                fix.map(|f| &f.root),
                fix.map(|f| &f.plover),
                fix.map(|f| f.quad_class as i64),
                fix.map(|f| f.goldstein),
                v.correction.source,
                v.correction.target,
            ],
        )?;
        Ok(self.connection().last_insert_rowid())
    }

    /// Votes matching `condition` (on `?1`, or none), oldest first.
    fn votes_where(&self, condition: &str, arg: Option<&dyn rusqlite::ToSql>) -> Result<Vec<Vote>> {
        let mut st = self.connection().prepare_cached(&format!(
            "SELECT {VOTE_COLUMNS} FROM votes WHERE {condition} ORDER BY id"
        ))?;
        let rows = match arg {
            Some(a) => st.query_map([a], vote_row)?,
            None => st.query_map([], vote_row)?,
        };
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The votes on one event, oldest first.
    pub fn votes(&self, event_id: &str) -> Result<Vec<Vote>> {
        self.votes_where("event_id = ?1", Some(&event_id))
    }

    /// One vote by its id.
    pub fn vote(&self, id: i64) -> Result<Option<Vote>> {
        Ok(self.votes_where("id = ?1", Some(&id))?.pop())
    }

    /// Every event's votes summed, by event id.
    pub fn tallies(&self) -> Result<HashMap<String, Tally>> {
        Ok(tally(self.votes_where("1", None)?))
    }

    /// The votes on one document's events summed, by event id.
    pub fn document_tallies(&self, doc: &str) -> Result<HashMap<String, Tally>> {
        Ok(tally(self.votes_where("doc = ?1", Some(&doc))?))
    }

    /// A value that changes whenever documents, events or votes change (the
    /// last one is the latest vote's id): a cache keyed by it is never stale,
    /// since new rows get new rowids and a recode rewrites its rows. Each part
    /// is a b-tree maximum, so this costs microseconds however large the store.
    pub fn review_stamp(&self) -> Result<[i64; 4]> {
        Ok(self.connection().query_row(
            "SELECT (SELECT coalesce(max(seq), 0) FROM documents), (SELECT coalesce(max(rowid), 0) FROM events),
                    (SELECT value FROM store_meta WHERE key = 'writes'), (SELECT coalesce(max(id), 0) FROM votes)",
            [],
            |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?]),
        )?)
    }

    /// Every stored event as analyses should count it: rejected events left
    /// out (unless `include_rejected`), corrections applied. Also returns the
    /// number of rows whose JSON no longer parses, as [`Store::stored`] does.
    pub fn reviewed_events(&self, include_rejected: bool) -> Result<(Vec<Stored<Event>>, usize)> {
        let (events, bad) = self.stored::<Event>(crate::RecordKind::Events)?;
        let review = self.review(include_rejected)?;
        if review.is_empty() {
            return Ok((events, bad));
        }
        let mut out = Vec::with_capacity(events.len());
        for mut s in events {
            if let Some(t) = review.tally(&event_id(&s.doc, &s.record)) {
                if review.rejects(t) {
                    continue;
                }
                if let Some(c) = &t.correction {
                    apply(&mut s.record, c);
                }
            }
            out.push(s);
        }
        Ok((out, bad))
    }
}

/// A PLOVER export record with its votes: the coding analysts corrected it
/// to, the machine's kept beside it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewedPlover {
    #[serde(flatten)]
    pub event: crate::PloverEvent,
    /// The stable event id (`DOC~HASH`) votes name it by.
    pub event_id: String,
    pub votes_up: usize,
    pub votes_down: usize,
    pub rejected: bool,
    /// The machine's coding, when a correction replaced it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub machine_cameo: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub machine_source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub machine_target: Option<String>,
}

impl Store {
    /// Every event mention as a PLOVER record with its votes, as the review
    /// says: rejected events left out unless it includes them, corrections
    /// applied.
    pub fn reviewed_plover_events(&self, review: &crate::Review) -> Result<Vec<ReviewedPlover>> {
        let rows = self.reviewed_events_rows(&crate::EventFilter::default(), review)?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                Some(ReviewedPlover {
                    event_id: event_id(&r.doc, r.event.as_ref()?),
                    event: crate::PloverEvent::from(r),
                    votes_up: r.votes_up,
                    votes_down: r.votes_down,
                    rejected: r.rejected,
                    machine_cameo: r.machine_cameo.clone(),
                    machine_source: r.machine_source.clone(),
                    machine_target: r.machine_target.clone(),
                })
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{Actor, ActorType, Coded, DateSource, Document, Modality, Participant, Sentence};

    fn side(code: &str) -> Participant {
        Participant {
            actor: Actor {
                code: code.into(),
                country: Some(code[..3].into()),
                role: None,
                name: code.into(),
                id: code.into(),
                kind: ActorType::Country,
            },
            text: code.into(),
            span: [0, 3],
        }
    }

    fn coded(id: &str, cameo: &str) -> Coded {
        let text = "Turkey hosted Israel's president.";
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
                text: text.into(),
                boilerplate: vec![],
            }),
            sentences: vec![Sentence {
                index: 0,
                span: [0, text.len()],
            }],
            events: vec![Event {
                sentence: 0,
                span: [7, 13],
                source: side("TUR"),
                target: side("ISR"),
                cameo: cameo.into(),
                root: cameo[..2].into(),
                plover: "CONSULT".into(),
                mode: None,
                goldstein: 1.9,
                quad_class: 1,
                modality: Modality::Asserted,
                reported_by: None,
                date: "2025-05-02".into(),
                date_precision: "document".into(),
                place: None,
                rule: "verbs.tsv:1".into(),
                confidence: 0.8,
            }],
            ..Coded::default()
        }
    }

    #[test]
    fn ids_are_stable_and_parse_back() {
        let c = coded("doc~1", "042");
        let id = event_id("doc~1", &c.events[0]);
        assert_eq!(id, event_id("doc~1", &c.events[0].clone()));
        assert_eq!(event_doc(&id), Some("doc~1"));
        assert_ne!(id, event_id("doc~1", &coded("doc~1", "043").events[0]));
        assert_eq!(event_doc("nohash"), None);
    }

    #[test]
    fn votes_survive_replace_and_reject_and_correct() {
        let mut s = Store::memory().unwrap();
        let c = coded("d1", "042");
        s.put(&c, None, false).unwrap();
        let id = event_id("d1", &c.events[0]);
        assert_eq!(s.reviewed_events(false).unwrap().0.len(), 1);
        let down = NewVote {
            event_id: id.clone(),
            up: false,
            note: Some("not a visit".into()),
            who: "ana".into(),
            correction: Correction::default(),
        };
        s.add_vote(&down).unwrap();
        // Recoding the same text rewrites the rows; the vote still applies.
        s.put(&c, None, true).unwrap();
        assert!(s.reviewed_events(false).unwrap().0.is_empty());
        assert_eq!(s.reviewed_events(true).unwrap().0.len(), 1);
        // Every read of the store counts it the same way.
        let (out, with) = (s.review(false).unwrap(), s.review(true).unwrap());
        assert_eq!(s.dyad("TUR", "ISR").unwrap().events, 1);
        assert_eq!(s.reviewed_dyad("TUR", "ISR", &out).unwrap().events, 0);
        assert_eq!(s.reviewed_dyad("TUR", "ISR", &with).unwrap().events, 1);
        assert!(s.reviewed_gdelt_rows(&out).unwrap().is_empty());
        assert_eq!(
            s.reviewed_gdelt_rows(&with).unwrap(),
            s.gdelt_rows().unwrap()
        );
        assert!(s.reviewed_actor_graph(&out).unwrap().edges.is_empty());
        assert_eq!(s.reviewed_actor_profile("TUR", 5, &out).unwrap().events, 0);
        let rows = s
            .reviewed_events_rows(&crate::EventFilter::default(), &with)
            .unwrap();
        assert_eq!((rows[0].votes_down, rows[0].rejected), (1, true));
        assert!(s
            .reviewed_events_rows(&crate::EventFilter::default(), &out)
            .unwrap()
            .is_empty());
        let votes = s.votes(&id).unwrap();
        assert_eq!(votes.len(), 1);
        assert_eq!(votes[0].who, "ana");
        assert_eq!(votes[0].note.as_deref(), Some("not a visit"));

        // Two up-votes, one with a correction: back in, corrected.
        let fix = Correction {
            cameo: Some(CameoFix {
                cameo: "036".into(),
                root: "03".into(),
                plover: "COOPERATE".into(),
                quad_class: 1,
                goldstein: 4.0,
            }),
            source: None,
            target: Some("ISRGOV".into()),
        };
        for correction in [Correction::default(), fix] {
            s.add_vote(&NewVote {
                event_id: id.clone(),
                up: true,
                note: None,
                who: "bo".into(),
                correction,
            })
            .unwrap();
        }
        let t = &s.document_tallies("d1").unwrap()[&id];
        assert_eq!((t.up, t.down, t.rejected()), (2, 1, false));
        let (events, _) = s.reviewed_events(false).unwrap();
        assert_eq!(events.len(), 1);
        let e = &events[0].record;
        assert_eq!((e.cameo.as_str(), e.root.as_str()), ("036", "03"));
        assert_eq!(e.target.actor.code, "ISRGOV");
        // The machine coding is kept.
        assert_eq!(s.load("d1").unwrap().events[0].cameo, "042");
        let p = s.reviewed_plover_events(&s.review(false).unwrap()).unwrap();
        assert_eq!(p.len(), 1);
        assert_eq!((p[0].votes_up, p[0].votes_down), (2, 1));
        assert_eq!(p[0].event.cameo, "036");
        assert_eq!(p[0].machine_cameo.as_deref(), Some("042"));
        assert_eq!(p[0].event.target_code, "ISRGOV");
        // The corrected event is its own deduplicated event, with a new id.
        let review = s.review(false).unwrap();
        let g = s.reviewed_gdelt_rows(&review).unwrap();
        assert_eq!(g.len(), 1);
        assert_eq!((g[0][26].as_str(), g[0][15].as_str()), ("036", "ISRGOV"));
        assert_ne!(g[0][0], s.gdelt_rows().unwrap()[0][0]);
        let d = s.reviewed_dyad("TUR", "ISR", &review).unwrap();
        assert_eq!((d.events, d.quad_classes.verbal_cooperation), (1, 1));
        assert!(s.reviewed_dyad("TUR", "ISRGOV", &review).unwrap().events == 1);
        let filter = crate::EventFilter {
            dyad: Some(("TUR".into(), "ISRGOV".into())),
            root: Some("03".into()),
            ..crate::EventFilter::default()
        };
        let rows = s.reviewed_events_rows(&filter, &review).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].machine_cameo.as_deref(), Some("042"));
        assert!(s.events(&filter).unwrap().is_empty());
    }
}
