//! What the API and the pages both show, built from the store: events with
//! their votes, and analyses (network, brokers, dyads) over the events as
//! analysts reviewed them, cached until the data changes.

use crate::error::{ApiResult, AppError};
use crate::types::*;
use crate::State;
use analysis::{Network, NetworkConfig, Partition, WeightedGraph};
use model::Event;
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::AtomicBool;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use store::votes::{event_id, Tally};
use store::{Store, Stored};

/// The stored events as analyses count them, and what was computed from them.
pub struct Analysed {
    pub stamp: [i64; 4],
    /// When the build finished and how long it took.
    pub built: std::time::Instant,
    pub took: std::time::Duration,
    pub events: Vec<Stored<Event>>,
    pub ids: Vec<String>,
    pub net: Network,
    pub coop: WeightedGraph,
    pub betweenness: Vec<f64>,
    pub blocs: Partition,
}

impl Analysed {
    fn build(store: &Store, include_rejected: bool) -> ApiResult<Analysed> {
        let start = std::time::Instant::now();
        let stamp = store.review_stamp()?;
        let (events, _) = store.reviewed_events(include_rejected)?;
        let ids = events.iter().map(|s| event_id(&s.doc, &s.record)).collect();
        let net = Network::from_events(events.iter().map(|s| &s.record), &NetworkConfig::default());
        let coop = net.cooperation_graph();
        let betweenness = analysis::paths::normalised(&analysis::betweenness(&coop));
        let blocs = analysis::louvain(&coop);
        Ok(Analysed {
            stamp,
            built: std::time::Instant::now(),
            took: start.elapsed(),
            events,
            ids,
            net,
            coop,
            betweenness,
            blocs,
        })
    }
}

/// A rebuild for new documents waits this many times its last cost.
const REBUILD_DUTY: u32 = 5;

/// The latest analyses without and with rejected events, and whether each
/// is being rebuilt in the background now.
#[derive(Default)]
pub struct Analyses {
    slots: [Mutex<Option<Arc<Analysed>>>; 2],
    building: [AtomicBool; 2],
}

impl Analyses {
    fn get(&self, i: usize) -> Option<Arc<Analysed>> {
        self.slots[i].lock().ok().and_then(|g| g.clone())
    }

    fn keep(&self, i: usize, a: &Arc<Analysed>) {
        if let Ok(mut g) = self.slots[i].lock() {
            // A slower build of older data must not replace a newer one.
            if g.as_ref().is_none_or(|old| old.stamp <= a.stamp) {
                *g = Some(Arc::clone(a));
            }
        }
    }
}

/// The analyses of the current data, rebuilt only when the data changed.
/// Votes show at once: after a vote the analysis is rebuilt before the
/// answer. New documents show a moment late: the previous analysis is
/// answered while a thread of its own rebuilds it, at most once per
/// [`REBUILD_DUTY`] times its last cost (and [`crate::cache::FRESH`]), so a
/// running ingest neither makes a reader wait for a rebuild nor keeps a
/// core rebuilding for readers that see little change.
pub fn analysed(state: &State, store: &Store, include_rejected: bool) -> ApiResult<Arc<Analysed>> {
    let stamp = store.review_stamp()?;
    let i = include_rejected as usize;
    let an = &state.analyses;
    if let Some(a) = an.get(i) {
        if a.stamp == stamp {
            return Ok(a);
        }
        if a.stamp[3] == stamp[3] {
            let wait = crate::cache::FRESH.max(a.took * REBUILD_DUTY);
            if a.built.elapsed() >= wait && !an.building[i].swap(true, Ordering::AcqRel) {
                rebuild_behind(state, include_rejected);
            }
            // The response cache keeps what is built from it as this old.
            note_used(a.stamp);
            return Ok(a);
        }
    }
    let a = Arc::new(Analysed::build(store, include_rejected)?);
    an.keep(i, &a);
    Ok(a)
}

thread_local! {
    /// The oldest analysis [`analysed`] answered with on this thread since
    /// [`take_used`]: what an answer built from it is as fresh as.
    static USED: std::cell::Cell<Option<[i64; 4]>> = const { std::cell::Cell::new(None) };
}

fn note_used(stamp: [i64; 4]) {
    USED.with(|u| u.set(Some(u.get().map_or(stamp, |old| old.min(stamp)))));
}

/// The stamp of the oldest analysis used on this thread since the last call.
pub fn take_used() -> Option<[i64; 4]> {
    USED.with(|u| u.take())
}

/// Rebuilds an analysis on a thread of its own, with a connection of the pool.
fn rebuild_behind(state: &State, include_rejected: bool) {
    let i = include_rejected as usize;
    let (pool, an) = (Arc::clone(&state.pool), Arc::clone(&state.analyses));
    let an2 = Arc::clone(&an);
    let spawned = std::thread::Builder::new()
        .name("entente-analysis".into())
        .spawn(move || {
            let built = pool.with_store(|s| Analysed::build(s, include_rejected));
            match built {
                Ok(a) => an.keep(i, &Arc::new(a)),
                Err(e) => eprintln!("entente serve: rebuilding the analysis: {}", e.detail),
            }
            an.building[i].store(false, Ordering::Release);
        });
    if spawned.is_err() {
        an2.building[i].store(false, Ordering::Release);
    }
}

/// The CAMEO code in words.
pub fn label(state: &State, cameo: &str) -> String {
    state
        .cameo
        .get(cameo)
        .map(|c| c.name.clone())
        .unwrap_or_default()
}

/// Generic CAMEO codes, in words: what a code starting with one is when the
/// lexicons do not name it.
const GENERIC: [(&str, &str); 6] = [
    ("IGO", "international organisation"),
    ("IMG", "international militant group"),
    ("NGO", "non-governmental organisation"),
    ("MNC", "multinational company"),
    ("UAF", "unaffiliated armed forces"),
    ("UIS", "unidentified state actor"),
];

/// A display name for an actor or node code.
pub fn name_of(state: &State, code: &str) -> String {
    if let Some(n) = state.names.get(code) {
        return n.clone();
    }
    let head = code.get(..3).unwrap_or(code);
    if let Some((_, n)) = GENERIC.iter().find(|(p, _)| *p == head) {
        return if code.len() == 3 {
            n.to_string()
        } else {
            format!("{n} ({code})")
        };
    }
    if code.len() > 3 {
        if let Some(country) = state.names.get(head) {
            return format!("{country} ({code})");
        }
    }
    code.to_string()
}

fn correction_out(state: &State, t: &Tally) -> Option<CorrectionOut> {
    let c = t.correction.as_ref()?;
    Some(CorrectionOut {
        cameo: c.cameo.as_ref().map(|f| f.cameo.clone()),
        label: c.cameo.as_ref().map(|f| label(state, &f.cameo)),
        source: c.source.clone(),
        target: c.target.clone(),
    })
}

/// An event as the API shows it.
pub fn event_out(
    state: &State,
    doc: &str,
    e: &Event,
    sentence: &str,
    url: Option<&str>,
    tally: Option<&Tally>,
) -> EventOut {
    let side = |p: &model::Participant| Side {
        code: p.actor.code.clone(),
        name: p.actor.name.clone(),
        text: p.text.clone(),
    };
    EventOut {
        id: event_id(doc, e),
        doc: doc.to_string(),
        sentence: e.sentence,
        span: e.span,
        date: e.date.clone(),
        source: side(&e.source),
        target: side(&e.target),
        cameo: e.cameo.clone(),
        label: label(state, &e.cameo),
        root: e.root.clone(),
        plover: e.plover.clone(),
        quad_class: e.quad_class,
        goldstein: e.goldstein,
        modality: e.modality.as_str().to_string(),
        rule: e.rule.clone(),
        confidence: e.confidence,
        text: sentence.to_string(),
        url: url.map(str::to_string),
        place: e.place.as_ref().map(|p| PlaceOut {
            name: p.name.clone(),
            country: p.country.clone(),
            lat: p.lat.filter(|x| x.is_finite()),
            lon: p.lon.filter(|x| x.is_finite()),
        }),
        votes: Votes {
            up: tally.map_or(0, |t| t.up),
            down: tally.map_or(0, |t| t.down),
        },
        rejected: tally.is_some_and(Tally::rejected),
        correction: tally.and_then(|t| correction_out(state, t)),
    }
}

/// Filters of the event list (`GET /api/v1/events`, the search page).
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventQuery {
    /// Code prefix of either side (`TUR` for all of Turkey's actors).
    #[param(pattern = "^[A-Za-z0-9]{0,24}$")]
    pub actor: Option<String>,
    /// Two code prefixes, `A,B`: events between them, either direction.
    #[param(pattern = "^([A-Za-z0-9]{1,24},[A-Za-z0-9]{1,24})?$")]
    pub dyad: Option<String>,
    /// CAMEO root (`04`) or code prefix (`042`).
    pub root: Option<String>,
    /// `asserted`, `planned`, `hypothetical` or `negated`.
    #[param(pattern = "^(asserted|planned|hypothetical|negated)?$")]
    pub modality: Option<String>,
    /// Events on or after this day, `YYYY-MM-DD`.
    #[param(pattern = "^([0-9]{4}-[0-9]{2}-[0-9]{2})?$")]
    pub from: Option<String>,
    /// Events on or before this day, `YYYY-MM-DD`.
    #[param(pattern = "^([0-9]{4}-[0-9]{2}-[0-9]{2})?$")]
    pub to: Option<String>,
    /// Words the sentence must contain (full text; `"..."` for a phrase).
    pub q: Option<String>,
    /// Only events whose up-votes minus down-votes reach this.
    pub min_votes: Option<i64>,
    /// Show events analysts rejected too (default false).
    pub include_rejected: Option<bool>,
}

fn clean(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn day(v: &Option<String>, what: &str) -> ApiResult<Option<String>> {
    match clean(v) {
        None => Ok(None),
        Some(d) if chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").is_ok() => Ok(Some(d)),
        Some(d) => Err(AppError::bad_request(format!(
            "{what} {d:?} is not a day: give YYYY-MM-DD"
        ))),
    }
}

/// What a user typed with every search operator taken out: the words alone,
/// lower-cased so `OR` and `NOT` are words too. The retry for a query FTS5
/// refuses ("unterminated string"), so every input finds something or nothing.
pub fn plain_words(q: &str) -> String {
    q.chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .to_lowercase()
}

/// Runs a store query that takes a full-text query, retrying with
/// [`plain_words`] when FTS5 refuses its syntax.
pub fn with_fts_retry<T>(
    q: Option<&str>,
    run: impl Fn(Option<String>) -> store::Result<T>,
) -> ApiResult<T> {
    match run(q.map(str::to_string)) {
        Err(store::StoreError::Search { .. }) if q.is_some() => Ok(run(q.map(plain_words))?),
        other => Ok(other?),
    }
}

/// Every event matching `q`, newest first, with votes.
pub fn events(state: &State, store: &Store, q: &EventQuery) -> ApiResult<Vec<EventOut>> {
    Ok(events_from(state, store, q, None, None)?.1)
}

/// `limit` events matching `q` from `offset` on, and how many match in all.
/// While no vote could leave an event out, the database pages; otherwise
/// every match is read and judged first.
pub fn events_page(
    state: &State,
    store: &Store,
    q: &EventQuery,
    limit: usize,
    offset: usize,
) -> ApiResult<(usize, Vec<EventOut>)> {
    events_from(state, store, q, None, Some((limit, offset)))
}

/// [`events_page`] of the events coded from one document (its full id).
pub fn events_page_of(
    state: &State,
    store: &Store,
    q: &EventQuery,
    doc: Option<&str>,
    limit: usize,
    offset: usize,
) -> ApiResult<(usize, Vec<EventOut>)> {
    events_from(state, store, q, doc, Some((limit, offset)))
}

fn events_from(
    state: &State,
    store: &Store,
    q: &EventQuery,
    doc: Option<&str>,
    page: Option<(usize, usize)>,
) -> ApiResult<(usize, Vec<EventOut>)> {
    let dyad = match clean(&q.dyad) {
        None => None,
        Some(d) => match d.split_once(',') {
            Some((a, b)) if code_arg(a).is_ok() && code_arg(b).is_ok() => {
                Some((a.to_string(), b.to_string()))
            }
            _ => {
                return Err(AppError::bad_request(format!(
                    "dyad {d:?}: give two actor codes, `A,B`"
                )))
            }
        },
    };
    if let Some(m) = clean(&q.modality) {
        if !["asserted", "planned", "hypothetical", "negated"].contains(&m.as_str()) {
            return Err(AppError::bad_request(format!(
                "modality {m:?}: give asserted, planned, hypothetical or negated"
            )));
        }
    }
    let actor = match q.actor.as_deref().filter(|a| !a.is_empty()) {
        Some(a) => Some(code_arg(a)?),
        None => None,
    };
    let filter = store::EventFilter {
        actor,
        dyad,
        root: clean(&q.root),
        modality: clean(&q.modality),
        from: day(&q.from, "from")?,
        to: day(&q.to, "to")?,
        doc: doc.map(str::to_string),
        ..store::EventFilter::default()
    };
    let text = clean(&q.q);
    let tallies = store.tallies()?;
    let include_rejected = q.include_rejected.unwrap_or(false);
    if let Some((limit, offset)) = page {
        // What votes leave out (or, for a positive `min_votes`, let in)
        // becomes a list of mentions for the database, which then pages.
        let (only, skip) = vote_rows(store, &tallies, include_rejected, q.min_votes)?;
        let (total, rows) = with_fts_retry(text.as_deref(), |t| {
            let f = store::EventFilter {
                text: t,
                limit: Some(limit),
                only: only.clone(),
                skip: skip.clone(),
                ..filter.clone()
            };
            store.events_page(&f, offset)
        })?;
        let out = rows
            .iter()
            .filter_map(|r| {
                let e = r.event.as_ref()?;
                let t = tallies.get(&event_id(&r.doc, e));
                Some(event_out(state, &r.doc, e, &r.text, r.url.as_deref(), t))
            })
            .collect();
        return Ok((total, out));
    }
    let rows = with_fts_retry(text.as_deref(), |t| {
        store.events(&store::EventFilter {
            text: t,
            ..filter.clone()
        })
    })?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let Some(e) = &r.event else { continue };
        let id = event_id(&r.doc, e);
        let t = tallies.get(&id);
        if voted_out(t, include_rejected, q.min_votes) {
            continue;
        }
        out.push(event_out(state, &r.doc, e, &r.text, r.url.as_deref(), t));
    }
    let total = out.len();
    if let Some((limit, offset)) = page {
        out = out.into_iter().skip(offset).take(limit).collect();
    }
    Ok((total, out))
}

/// Whether votes leave an event out of a list: rejected (unless asked
/// for), or below `min_votes`.
fn voted_out(t: Option<&Tally>, include_rejected: bool, min_votes: Option<i64>) -> bool {
    (!include_rejected && t.is_some_and(Tally::rejected))
        || min_votes.is_some_and(|min| t.map_or(0, |t| t.up as i64 - t.down as i64) < min)
}

/// The mentions (row ids) votes decide on: with a positive `min_votes`
/// only voted events can pass, so the list of those that do (`only`);
/// otherwise the voted ones left out (`skip`). Reads only the documents
/// with votes.
fn vote_rows(
    store: &Store,
    tallies: &HashMap<String, Tally>,
    include_rejected: bool,
    min_votes: Option<i64>,
) -> ApiResult<(Option<Vec<i64>>, Vec<i64>)> {
    let positive = min_votes.is_some_and(|m| m > 0);
    let mut docs: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    for (id, t) in tallies {
        if voted_out(Some(t), include_rejected, min_votes) != positive {
            docs.extend(store::votes::event_doc(id));
        }
    }
    let mut picked = Vec::new();
    for doc in docs {
        let rows = store.events(&store::EventFilter {
            doc: Some(doc.to_string()),
            ..store::EventFilter::default()
        })?;
        for r in rows {
            let Some(e) = &r.event else { continue };
            let t = tallies.get(&event_id(&r.doc, e));
            if t.is_some() && voted_out(t, include_rejected, min_votes) != positive {
                picked.push(r.id);
            }
        }
    }
    picked.sort_unstable();
    Ok(if positive {
        (Some(picked), Vec::new())
    } else {
        (None, picked)
    })
}

/// One event by its id, with every vote on it.
pub fn event(
    state: &State,
    store: &Store,
    id: &str,
) -> ApiResult<(EventOut, Vec<store::votes::Vote>)> {
    let missing = || AppError::not_found(format!("no stored event has the id {id:?}"));
    let doc = store::votes::event_doc(id).ok_or_else(missing)?;
    let coded = match store.load(doc) {
        Ok(c) => c,
        Err(store::StoreError::NotFound(_)) => return Err(missing()),
        Err(e) => return Err(e.into()),
    };
    let d = coded.document.as_ref().ok_or_else(missing)?;
    let e = coded
        .events
        .iter()
        .find(|e| event_id(doc, e) == id)
        .ok_or_else(missing)?;
    let tallies = store.document_tallies(doc)?;
    let sentence = sentence_text(&d.text, &coded.sentences, e.sentence);
    let out = event_out(state, doc, e, sentence, d.url.as_deref(), tallies.get(id));
    Ok((out, store.votes(id)?))
}

pub fn sentence_text<'a>(text: &'a str, sentences: &[model::Sentence], i: usize) -> &'a str {
    sentences
        .iter()
        .find(|s| s.index == i)
        .and_then(|s| text.get(s.span[0]..s.span[1]))
        .unwrap_or("")
}

pub fn vote_out(state: &State, v: &store::votes::Vote) -> VoteOut {
    VoteOut {
        id: v.id,
        event: v.event_id.clone(),
        vote: v.vote.clone(),
        note: v.note.clone(),
        who: v.who.clone(),
        at: v.at.clone(),
        correction: v.correction.as_ref().map(|c| CorrectionOut {
            cameo: c.cameo.as_ref().map(|f| f.cameo.clone()),
            label: c.cameo.as_ref().map(|f| label(state, &f.cameo)),
            source: c.source.clone(),
            target: c.target.clone(),
        }),
    }
}

fn mean(sum: f64, n: usize) -> Option<f64> {
    (n > 0).then(|| (sum / n as f64 * 100.0).round() / 100.0)
}

/// An actor argument as a code prefix: upper case, letters and digits only.
pub fn code_arg(s: &str) -> ApiResult<String> {
    let c = s.to_uppercase();
    if c.is_empty() || c.len() > 24 || !c.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(AppError::bad_request(format!(
            "{s:?} is not an actor code: give letters and digits such as TUR or TURGOV"
        )));
    }
    Ok(c)
}

/// Months from `first` to `last` (`YYYY-MM`), inclusive.
fn months_between(first: &str, last: &str) -> Vec<String> {
    let parse = |m: &str| -> Option<(i32, u32)> {
        Some((m.get(..4)?.parse().ok()?, m.get(5..7)?.parse().ok()?))
    };
    let (Some((mut y, mut m)), Some((ly, lm))) = (parse(first), parse(last)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    while (y, m) <= (ly, lm) && out.len() < 1200 {
        out.push(format!("{y:04}-{m:02}"));
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
    }
    out
}

/// Relations between the actors whose codes start with `a` and `b`, over
/// the reviewed events: one count per distinct event (day, source, target,
/// code), as the store's event groups count them.
pub fn dyad(an: &Analysed, a: &str, b: &str) -> DyadOut {
    let mut groups: BTreeMap<(String, String, String, String), (bool, &Event)> = BTreeMap::new();
    let mut event_ids = Vec::new();
    let mut mentions = 0;
    for (i, s) in an.events.iter().enumerate() {
        let e = &s.record;
        let (src, tgt) = (&e.source.actor.code, &e.target.actor.code);
        let forward = src.starts_with(a) && tgt.starts_with(b);
        let backward = src.starts_with(b) && tgt.starts_with(a);
        if !forward && !backward {
            continue;
        }
        mentions += 1;
        event_ids.push(an.ids[i].clone());
        groups
            .entry((e.date.clone(), src.clone(), tgt.clone(), e.cameo.clone()))
            .or_insert((forward, e));
    }
    let mut quad = [0usize; 4];
    let (mut sum, mut coop, mut conf) = (0.0, 0.0, 0.0);
    let mut dirs = [(0usize, 0.0f64); 2];
    let mut bins: HashMap<String, (usize, f64, f64, f64)> = HashMap::new();
    let mut undated = 0;
    for (forward, e) in groups.values() {
        let g = if e.goldstein.is_finite() {
            e.goldstein
        } else {
            0.0
        };
        if (1..=4).contains(&e.quad_class) {
            quad[e.quad_class as usize - 1] += 1;
        }
        sum += g;
        let (c, f) = if g > 0.0 { (g, 0.0) } else { (0.0, -g) };
        coop += c;
        conf += f;
        let d = &mut dirs[usize::from(!forward)];
        d.0 += 1;
        d.1 += g;
        match analysis::timeline::month_of(&e.date).filter(|m| m.len() == 7) {
            Some(m) => {
                let bin = bins.entry(m).or_default();
                bin.0 += 1;
                bin.1 += c;
                bin.2 += f;
                bin.3 += g;
            }
            None => undated += 1,
        }
    }
    let first = bins.keys().min().cloned().unwrap_or_default();
    let last = bins.keys().max().cloned().unwrap_or_default();
    let timeline = months_between(&first, &last)
        .into_iter()
        .map(|m| {
            let (n, c, f, g) = bins.get(&m).copied().unwrap_or_default();
            MonthOut {
                month: m,
                events: n,
                cooperation: (c * 100.0).round() / 100.0,
                conflict: (f * 100.0).round() / 100.0,
                mean_goldstein: mean(g, n),
            }
        })
        .collect();
    let dir = |s: &str, t: &str, d: (usize, f64)| Direction {
        source: s.to_string(),
        target: t.to_string(),
        events: d.0,
        mean_goldstein: mean(d.1, d.0),
    };
    DyadOut {
        a: a.to_string(),
        b: b.to_string(),
        events: groups.len(),
        mentions,
        mean_goldstein: mean(sum, groups.len()),
        cooperation: (coop * 100.0).round() / 100.0,
        conflict: (conf * 100.0).round() / 100.0,
        quad_classes: quad,
        a_to_b: dir(a, b, dirs[0]),
        b_to_a: dir(b, a, dirs[1]),
        timeline,
        undated,
        event_ids,
    }
}

/// Brokers between two actors (country level), or overall by betweenness.
pub fn brokers(
    state: &State,
    an: &Analysed,
    between: Option<(&str, &str)>,
) -> ApiResult<Vec<BrokerOut>> {
    let node = |c: &str| an.net.index(&store::query::country_key(c));
    let out: Vec<(usize, f64)> = match between {
        Some((a, b)) => match (node(a), node(b)) {
            (Some(ia), Some(ib)) => analysis::brokers_between(&an.coop, ia, ib)
                .into_iter()
                .map(|b| (b.node, b.score))
                .collect(),
            _ => Vec::new(),
        },
        None => {
            let mut v: Vec<(usize, f64)> = an
                .betweenness
                .iter()
                .copied()
                .enumerate()
                .filter(|(_, s)| *s > 0.0)
                .collect();
            v.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            v
        }
    };
    Ok(out
        .into_iter()
        .filter_map(|(i, score)| {
            let code = an.net.nodes.get(i)?.code.clone();
            Some(BrokerOut {
                name: name_of(state, &code),
                code,
                score: if score.is_finite() {
                    (score * 1e4).round() / 1e4
                } else {
                    0.0
                },
            })
        })
        .collect())
}
