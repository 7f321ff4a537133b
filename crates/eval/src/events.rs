//! Evaluators as pure functions: PLOVER gold (event type, source/target
//! country and sector) and ACLED notes (does a fitting event come out?).
//!
//! The callers (the `entente eval` commands) read the files and parse their
//! formats; everything here takes records and events and returns counts.

use model::{Event, Participant};

use lexicon::table::{self, Problem};

const ACLED_MAP: &str = include_str!("../data/acled_map.tsv");
const ACLED_ACTORS: &str = include_str!("../data/acled_actors.tsv");
const ACLED_MAP_HEADER: &[&str] = &["event_type", "roots", "why"];
const ACLED_ACTORS_HEADER: &[&str] = &["actor", "country", "why"];

/// The country of an ACLED actor whose name does not state it
/// ("Operation Restoring Hope" is Saudi-led), from `acled_actors.tsv`.
pub fn acled_listed_actor(actor1: &str) -> Option<&'static str> {
    // Read once: the evaluation asks for every note.
    static TABLE: std::sync::OnceLock<Vec<(&'static str, &'static str)>> =
        std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        // A problem in the built-in table is caught by its test; here the
        // rows read are used.
        table::rows("acled_actors.tsv", ACLED_ACTORS, ACLED_ACTORS_HEADER)
            .0
            .into_iter()
            .map(|r| (r.cells[0], r.cells[1]))
            .collect()
    });
    let head = actor1.split('(').next().unwrap_or("").trim();
    table
        .iter()
        .find(|(name, _)| *name == head)
        .map(|(_, c)| *c)
}

/// PLOVER 0.5 event names used in the gold file, and the PLOVER 0.8 type the
/// CAMEO->PLOVER table gives for the same CAMEO families.
const PLOVER_RENAMES: &[(&str, &str)] = &[
    ("DEMAND", "REQUEST"),
    ("DISAPPROVE", "ACCUSE"),
    ("INVESTIGATE", "ACCUSE"),
    ("FIGHT", "ASSAULT"),
];

/// CAMEO country codes that differ from ISO alpha-3.
const CAMEO_COUNTRY: &[(&str, &str)] = &[
    ("JAP", "JPN"),
    ("ITL", "ITA"),
    ("GMY", "DEU"),
    ("ROM", "ROU"),
    ("SER", "SRB"),
];

/// The current PLOVER type of a gold label.
pub fn plover_type(label: &str) -> &str {
    PLOVER_RENAMES
        .iter()
        .find(|(a, _)| *a == label)
        .map(|(_, b)| *b)
        .unwrap_or(label)
}

fn iso(code: &str) -> String {
    let c: String = code.chars().take(3).collect();
    CAMEO_COUNTRY
        .iter()
        .find(|(a, _)| *a == c)
        .map(|(_, b)| b.to_string())
        .unwrap_or(c)
}

/// A gold actor: CAMEO country (or IGO/NGO...) and sector.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldActor {
    pub code: String,
    pub sector: Option<String>,
}

/// One PLOVER gold record.
#[derive(Debug, Clone, PartialEq)]
pub struct PloverGold {
    pub id: String,
    pub text: String,
    pub event: String,
    pub sources: Vec<GoldActor>,
    pub targets: Vec<GoldActor>,
}

/// How one record was coded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PloverResult {
    pub id: String,
    pub gold: String,
    /// The PLOVER type of the most confident event, if any.
    pub predicted: Option<String>,
    pub type_ok: bool,
    /// `None` when the gold has no such actor.
    pub source_country_ok: Option<bool>,
    pub source_sector_ok: Option<bool>,
    pub target_country_ok: Option<bool>,
    pub target_sector_ok: Option<bool>,
    /// Some event has the gold type and the gold source and target
    /// countries (each where the gold names one): issue 11's joint measure.
    pub full_ok: bool,
}

fn country_of(p: &Participant) -> String {
    p.actor
        .country
        .clone()
        .unwrap_or_else(|| iso(&p.actor.code))
}

fn sector_of(p: &Participant) -> Option<String> {
    p.actor.role.clone().or_else(|| {
        let c = &p.actor.code;
        (c.len() >= 6).then(|| c[3..6].to_string())
    })
}

fn actor_ok(gold: &[GoldActor], got: Option<&Participant>, sector: bool) -> Option<bool> {
    let g = gold.first()?;
    if sector && g.sector.as_deref().is_none_or(|s| s.starts_with('*')) {
        return None;
    }
    let Some(p) = got else { return Some(false) };
    Some(gold.iter().any(|g| {
        if sector {
            g.sector
                .as_deref()
                .is_some_and(|s| sector_of(p).is_some_and(|r| s.starts_with(&r)))
        } else {
            iso(&g.code) == country_of(p)
        }
    }))
}

/// Scores one record against the events coded from its text: the prediction
/// is the first event told with confidence >= 0.7, else the first event.
pub fn score_plover(gold: &PloverGold, events: &[Event]) -> PloverResult {
    // The main event is usually the first one told; weakly supported ones only
    // when nothing better came out.
    let best = events
        .iter()
        .min_by_key(|e| (e.confidence < 0.7, e.span[0]));
    let predicted = best.map(|e| e.plover.clone());
    let want = plover_type(&gold.event);
    let full_ok = events.iter().any(|e| {
        e.plover == want
            && actor_ok(&gold.sources, Some(&e.source), false) != Some(false)
            && actor_ok(&gold.targets, Some(&e.target), false) != Some(false)
    });
    PloverResult {
        full_ok,
        id: gold.id.clone(),
        gold: want.to_string(),
        type_ok: predicted.as_deref() == Some(want),
        predicted,
        source_country_ok: actor_ok(&gold.sources, best.map(|e| &e.source), false),
        source_sector_ok: actor_ok(&gold.sources, best.map(|e| &e.source), true),
        target_country_ok: actor_ok(&gold.targets, best.map(|e| &e.target), false),
        target_sector_ok: actor_ok(&gold.targets, best.map(|e| &e.target), true),
    }
}

/// Totals over records: `(correct, scored)` per measure.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PloverSummary {
    pub records: usize,
    pub with_event: usize,
    pub event_type: (usize, usize),
    pub source_country: (usize, usize),
    pub source_sector: (usize, usize),
    pub target_country: (usize, usize),
    pub target_sector: (usize, usize),
    /// Records with an event of the gold type, source and target country.
    pub full: (usize, usize),
}

pub fn summarise_plover(results: &[PloverResult]) -> PloverSummary {
    let mut s = PloverSummary {
        records: results.len(),
        ..Default::default()
    };
    let add = |t: &mut (usize, usize), v: Option<bool>| {
        if let Some(v) = v {
            t.1 += 1;
            t.0 += usize::from(v);
        }
    };
    for r in results {
        s.with_event += usize::from(r.predicted.is_some());
        add(&mut s.event_type, Some(r.type_ok));
        add(&mut s.source_country, r.source_country_ok);
        add(&mut s.source_sector, r.source_sector_ok);
        add(&mut s.target_country, r.target_country_ok);
        add(&mut s.target_sector, r.target_sector_ok);
        add(&mut s.full, Some(r.full_ok));
    }
    s
}

/// ACLED event type -> CAMEO roots that fit it (`None` = any root).
#[derive(Debug, Clone, Default)]
pub struct AcledMap {
    rows: Vec<(String, Option<Vec<String>>)>,
}

impl AcledMap {
    pub fn builtin() -> Result<AcledMap, Problem> {
        AcledMap::parse("acled_map.tsv", ACLED_MAP)
    }

    pub fn parse(file: &str, src: &str) -> Result<AcledMap, Problem> {
        let mut m = AcledMap::default();
        for row in table::strict_rows(file, src, ACLED_MAP_HEADER)? {
            let f = &row.cells;
            let roots = (f[1] != "*").then(|| f[1].split('|').map(String::from).collect());
            m.rows.push((f[0].to_string(), roots));
        }
        Ok(m)
    }

    /// Whether a root fits the event type; unknown event types fit nothing.
    pub fn fits(&self, event_type: &str, root: &str) -> bool {
        self.rows
            .iter()
            .find(|(t, _)| t == event_type)
            .is_some_and(|(_, r)| r.as_ref().is_none_or(|r| r.iter().any(|x| x == root)))
    }
}

/// One ACLED row as the evaluation needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct AcledNote {
    pub notes: String,
    pub event_type: String,
    pub actor1: String,
    /// ISO alpha-3 of the row's `country` column.
    pub iso3: String,
}

/// The country of an ACLED actor name: "Protesters (Israel)" and "Military
/// Forces of Azerbaijan (2003-)" name it; otherwise the actor is domestic and
/// the row's country is used. `resolve` maps a country name or adjective to ISO alpha-3.
pub fn acled_actor_country(
    actor1: &str,
    row_iso3: &str,
    resolve: &dyn Fn(&str) -> Option<String>,
) -> String {
    if let Some(c) = acled_listed_actor(actor1) {
        return c.to_string();
    }
    // Parenthesised country: "Rioters (Nigeria)".
    for part in actor1.split('(').skip(1) {
        let inner = part.split(')').next().unwrap_or("").trim();
        if let Some(c) = resolve(inner) {
            return c;
        }
    }
    let head = actor1.split('(').next().unwrap_or("").trim();
    // "Military Forces of Azerbaijan", "Police Forces of Yemen".
    if let Some((_, after)) = head.rsplit_once(" of ") {
        if let Some(c) = resolve(after.trim()) {
            return c;
        }
    }
    // An adjective or name inside: "Turkish Military", "Hezbollah"-like names fall back.
    let words: Vec<&str> = head.split_whitespace().collect();
    for n in (1..=3).rev() {
        for w in words.windows(n) {
            if let Some(c) = resolve(&w.join(" ")) {
                return c;
            }
        }
    }
    row_iso3.to_string()
}

/// Whether some coded event fits the note: source country = actor1's country, root fits the type.
pub fn acled_hit(note: &AcledNote, country: &str, events: &[Event], map: &AcledMap) -> bool {
    events
        .iter()
        .any(|e| country_of(&e.source) == country && map.fits(&note.event_type, &e.root))
}

/// The event a note's other fields are scored on: the first whose source is
/// actor1's country and whose root fits the type, else the first whose root
/// fits, else the first coded.
pub fn acled_best<'e>(
    note: &AcledNote,
    country: &str,
    events: &'e [Event],
    map: &AcledMap,
) -> Option<&'e Event> {
    let fits = |e: &&Event| map.fits(&note.event_type, &e.root);
    events
        .iter()
        .filter(fits)
        .find(|e| country_of(&e.source) == country)
        .or_else(|| events.iter().find(fits))
        .or_else(|| events.first())
}

/// What an ACLED row says of its event besides actor1 and type.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AcledWhereWhen {
    /// The country of actor2, when the row names one.
    pub actor2_country: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// ISO alpha-3 of the row's country.
    pub iso3: String,
    /// `location`, `admin1`, `admin2`, `admin3` (empty ones left out).
    pub places: Vec<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// One field of one note: whether the row states it, whether we coded it,
/// and whether the two agree.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FieldScore {
    pub gold: bool,
    pub coded: bool,
    pub correct: bool,
}

/// A note's fields scored on its best event (see [`acled_best`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AcledFields {
    /// Target country = actor2's country.
    pub actor2: FieldScore,
    /// The event's date is the row's day.
    pub date: FieldScore,
    /// The event's place is within [`NEAR_KM`] of the row's coordinates, or
    /// has the name of its location or of an area it is in.
    pub place: FieldScore,
    /// The event's place is in the row's country.
    pub place_country: FieldScore,
}

/// How far a coded place may lie from ACLED's coordinates and still be the
/// same place (a town and its district, a region and its centre).
pub const NEAR_KM: f64 = 50.0;

/// Great-circle distance in kilometres.
fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// Scores the note's fields on `best`.
pub fn acled_fields(gold: &AcledWhereWhen, best: Option<&Event>) -> AcledFields {
    let mut f = AcledFields::default();
    f.actor2.gold = gold.actor2_country.is_some();
    f.date.gold = !gold.date.is_empty();
    f.place.gold = !gold.places.is_empty() || gold.lat.is_some();
    f.place_country.gold = !gold.iso3.is_empty();
    let Some(e) = best else {
        return f;
    };
    f.actor2.coded = true;
    f.actor2.correct = gold.actor2_country.as_deref() == Some(country_of(&e.target).as_str());
    f.date.coded = !e.date.is_empty();
    f.date.correct = f.date.gold && e.date == gold.date;
    if let Some(p) = &e.place {
        f.place.coded = true;
        let near = match (p.lat, p.lon, gold.lat, gold.lon) {
            (Some(a), Some(b), Some(c), Some(d)) => km((a, b), (c, d)) <= NEAR_KM,
            _ => false,
        };
        let name = lexicon::norm::fold(&p.name);
        f.place.correct = near || gold.places.iter().any(|g| lexicon::norm::fold(g) == name);
        f.place_country.coded = p.country.is_some();
        f.place_country.correct = p.country.as_deref() == Some(gold.iso3.as_str());
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acled_actors_table_reads_cleanly() {
        let (rows, problems) = table::rows("acled_actors.tsv", ACLED_ACTORS, ACLED_ACTORS_HEADER);
        assert_eq!(problems, vec![]);
        assert!(!rows.is_empty());
    }

    #[test]
    fn acled_map_and_actor_countries() {
        let m = AcledMap::builtin().expect("acled_map.tsv parses");
        assert!(m.fits("Battles", "19"));
        assert!(!m.fits("Protests", "19"));
        assert!(m.fits("Strategic developments", "04"));
        let resolve = |s: &str| match s {
            "Azerbaijan" => Some("AZE".to_string()),
            "Israel" => Some("ISR".to_string()),
            _ => None,
        };
        assert_eq!(
            acled_actor_country("Military Forces of Azerbaijan (2003-)", "ARM", &resolve),
            "AZE"
        );
        assert_eq!(
            acled_actor_country("Protesters (Israel)", "ISR", &resolve),
            "ISR"
        );
        assert_eq!(
            acled_actor_country("Unidentified Armed Group", "MEX", &resolve),
            "MEX"
        );
        assert_eq!(plover_type("DEMAND"), "REQUEST");
        assert_eq!(
            acled_actor_country("Operation Restoring Hope", "YEM", &resolve),
            "SAU"
        );
    }

    #[test]
    fn acled_fields_score_the_best_event() {
        let actor = |code: &str, country: &str| Participant {
            actor: model::Actor {
                code: code.into(),
                country: Some(country.into()),
                role: None,
                name: code.into(),
                id: code.into(),
                kind: model::ActorType::Group,
            },
            text: code.into(),
            span: [0, 1],
        };
        let event = |root: &str, place: Option<model::Place>| Event {
            sentence: 0,
            span: [0, 1],
            source: actor("ISRMIL", "ISR"),
            target: actor("PSEREB", "PSE"),
            cameo: format!("{root}0"),
            root: root.into(),
            plover: String::new(),
            mode: None,
            goldstein: 0.0,
            quad_class: 4,
            modality: model::Modality::Asserted,
            reported_by: None,
            date: "2020-05-09".into(),
            date_precision: "day".into(),
            place,
            rule: String::new(),
            confidence: 0.9,
        };
        let gaza = model::Place {
            name: "Gaza".into(),
            country: Some("PSE".into()),
            lat: Some(31.50),
            lon: Some(34.47),
            span: None,
        };
        let m = AcledMap::builtin().expect("acled_map.tsv parses");
        let note = AcledNote {
            notes: String::new(),
            event_type: "Battles".into(),
            actor1: String::new(),
            iso3: "PSE".into(),
        };
        let evs = vec![event("04", None), event("19", Some(gaza))];
        let best = acled_best(&note, "ISR", &evs, &m);
        assert_eq!(best.map(|e| e.root.as_str()), Some("19"));
        let gold = AcledWhereWhen {
            actor2_country: Some("PSE".into()),
            date: "2020-05-09".into(),
            iso3: "PSE".into(),
            // Beit Lahia, about 7 km from Gaza City's centre.
            places: vec!["Beit Lahia".into(), "Gaza Strip".into()],
            lat: Some(31.55),
            lon: Some(34.50),
        };
        let f = acled_fields(&gold, best);
        assert!(f.actor2.correct && f.date.correct && f.place.correct && f.place_country.correct);
        let far = AcledWhereWhen {
            lat: Some(32.08),
            lon: Some(34.78),
            places: vec!["Tel Aviv".into()],
            iso3: "ISR".into(),
            ..gold.clone()
        };
        let f = acled_fields(&far, best);
        assert!(f.place.gold && f.place.coded && !f.place.correct && !f.place_country.correct);
        let none = acled_fields(&gold, None);
        assert!(none.place.gold && !none.place.coded && !none.actor2.coded);
    }
}
