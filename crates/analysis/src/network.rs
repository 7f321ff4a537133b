//! The actor network: events aggregated per directed and undirected dyad.

use model::{Event, Modality, Participant};
use serde::Serialize;
use std::collections::BTreeMap;

/// How finely actors are told apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// One node per country (`ISR`) or international body prefix (`IGO`, `NGO`):
    /// the level at which alliances and brokers are usually discussed.
    #[default]
    Country,
    /// One node per full CAMEO actor code (`ISRGOV`, `AZEBUS`).
    Actor,
}

/// Which events make the network.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NetworkConfig {
    pub level: Level,
    /// Events that are announced but not yet done ("will visit").
    pub planned: bool,
    /// "If the US decides to support ...": not (yet) part of the relations.
    pub hypothetical: bool,
    /// "did not meet": the opposite of a tie.
    pub negated: bool,
}

impl Default for NetworkConfig {
    fn default() -> Self {
        // Planned visits and talks already say who deals with whom; conditions
        // and denials do not.
        NetworkConfig {
            level: Level::Country,
            planned: true,
            hypothetical: false,
            negated: false,
        }
    }
}

impl NetworkConfig {
    fn admits(&self, m: Modality) -> bool {
        match m {
            Modality::Asserted => true,
            Modality::Planned => self.planned,
            Modality::Hypothetical => self.hypothetical,
            Modality::Negated => self.negated,
        }
    }
}

/// The node an event participant belongs to at `level`, if it has a usable code.
pub fn node_code(p: &Participant, level: Level) -> Option<String> {
    let code = p.actor.code.trim();
    match level {
        Level::Actor => (!code.is_empty()).then(|| code.to_ascii_uppercase()),
        Level::Country => {
            let country = p
                .actor
                .country
                .as_deref()
                .map(str::trim)
                .filter(|c| c.len() == 3 && c.is_ascii());
            match country {
                Some(c) => Some(c.to_ascii_uppercase()),
                // IGOUNO, NGOAMN...: the three-letter prefix is the body type.
                None => code
                    .get(..3)
                    .filter(|c| c.chars().all(|ch| ch.is_ascii_alphabetic()))
                    .map(str::to_ascii_uppercase),
            }
        }
    }
}

/// Sums over the events of one dyad.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DyadStats {
    pub events: usize,
    /// Sum of positive Goldstein scores.
    pub cooperation: f64,
    /// Sum of the magnitudes of negative Goldstein scores.
    pub conflict: f64,
    pub goldstein_sum: f64,
    /// Events per quad class: verbal cooperation, material cooperation,
    /// verbal conflict, material conflict.
    pub quad: [usize; 4],
    /// Indices into the event slice the network was built from.
    #[serde(skip)]
    pub event_ids: Vec<usize>,
}

impl DyadStats {
    fn add(&mut self, id: usize, e: &Event) {
        let g = if e.goldstein.is_finite() {
            e.goldstein
        } else {
            0.0
        };
        self.events += 1;
        if g > 0.0 {
            self.cooperation += g;
        } else {
            self.conflict -= g;
        }
        self.goldstein_sum += g;
        if (1..=4).contains(&e.quad_class) {
            self.quad[usize::from(e.quad_class) - 1] += 1;
        }
        self.event_ids.push(id);
    }

    pub fn mean_goldstein(&self) -> f64 {
        if self.events == 0 {
            0.0
        } else {
            self.goldstein_sum / self.events as f64
        }
    }

    /// Cooperation minus conflict: above zero, the dyad is a working channel.
    pub fn net(&self) -> f64 {
        self.cooperation - self.conflict
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    pub code: String,
    /// Events where the node is source or target.
    pub events: usize,
    pub sent: usize,
    pub received: usize,
}

/// A directed dyad: everything `source` did to `target`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Arc {
    pub source: usize,
    pub target: usize,
    #[serde(flatten)]
    pub stats: DyadStats,
}

/// An undirected dyad (`a < b`): both directions together.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tie {
    pub a: usize,
    pub b: usize,
    #[serde(flatten)]
    pub stats: DyadStats,
}

/// Nodes sorted by code, arcs and ties sorted by node indices: the same
/// events always give the same network, whatever their order of arrival.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Network {
    pub level: Level,
    pub nodes: Vec<Node>,
    pub arcs: Vec<Arc>,
    pub ties: Vec<Tie>,
    /// Events left out: modality not admitted, a participant without a code,
    /// or source and target on the same node.
    pub skipped: usize,
}

/// An undirected weighted graph as adjacency lists (each edge listed at both
/// ends, no self-loops); weights are tie strengths, larger = closer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WeightedGraph {
    pub adj: Vec<Vec<(usize, f64)>>,
}

impl WeightedGraph {
    pub fn new(n: usize) -> Self {
        WeightedGraph {
            adj: vec![Vec::new(); n],
        }
    }

    /// Adds an undirected edge; self-loops and non-positive weights are ignored
    /// because no algorithm here has a use for them.
    pub fn add_edge(&mut self, a: usize, b: usize, w: f64) {
        if a == b || w.is_nan() || w <= 0.0 || a >= self.adj.len() || b >= self.adj.len() {
            return;
        }
        self.adj[a].push((b, w));
        self.adj[b].push((a, w));
    }

    pub fn len(&self) -> usize {
        self.adj.len()
    }

    pub fn is_empty(&self) -> bool {
        self.adj.is_empty()
    }

    /// From an edge list; handy for tests and callers with their own graphs.
    pub fn from_edges(n: usize, edges: &[(usize, usize, f64)]) -> Self {
        let mut g = WeightedGraph::new(n);
        for &(a, b, w) in edges {
            g.add_edge(a, b, w);
        }
        g
    }
}

impl Network {
    /// Aggregates events; `events` is enumerated, and the position of each
    /// event is what `DyadStats::event_ids` records.
    pub fn from_events<'a>(
        events: impl IntoIterator<Item = &'a Event>,
        cfg: &NetworkConfig,
    ) -> Network {
        let mut arcs: BTreeMap<(String, String), DyadStats> = BTreeMap::new();
        let mut skipped = 0;
        for (i, e) in events.into_iter().enumerate() {
            let (Some(s), Some(t)) = (
                node_code(&e.source, cfg.level),
                node_code(&e.target, cfg.level),
            ) else {
                skipped += 1;
                continue;
            };
            if s == t || !cfg.admits(e.modality) {
                skipped += 1;
                continue;
            }
            arcs.entry((s, t)).or_default().add(i, e);
        }
        let mut codes: Vec<&String> = arcs.keys().flat_map(|(s, t)| [s, t]).collect();
        codes.sort();
        codes.dedup();
        let index: BTreeMap<&String, usize> =
            codes.iter().enumerate().map(|(i, c)| (*c, i)).collect();
        let mut nodes: Vec<Node> = codes
            .iter()
            .map(|c| Node {
                code: (*c).clone(),
                events: 0,
                sent: 0,
                received: 0,
            })
            .collect();
        let mut ties: BTreeMap<(usize, usize), DyadStats> = BTreeMap::new();
        let mut out_arcs = Vec::with_capacity(arcs.len());
        for ((s, t), stats) in &arcs {
            let (si, ti) = (index[s], index[t]);
            nodes[si].sent += stats.events;
            nodes[ti].received += stats.events;
            let tie = ties.entry((si.min(ti), si.max(ti))).or_default();
            tie.events += stats.events;
            tie.cooperation += stats.cooperation;
            tie.conflict += stats.conflict;
            tie.goldstein_sum += stats.goldstein_sum;
            for q in 0..4 {
                tie.quad[q] += stats.quad[q];
            }
            tie.event_ids.extend_from_slice(&stats.event_ids);
            out_arcs.push(Arc {
                source: si,
                target: ti,
                stats: stats.clone(),
            });
        }
        for n in &mut nodes {
            n.events = n.sent + n.received;
        }
        let ties = ties
            .into_iter()
            .map(|((a, b), mut stats)| {
                stats.event_ids.sort_unstable();
                Tie { a, b, stats }
            })
            .collect();
        Network {
            level: cfg.level,
            nodes,
            arcs: out_arcs,
            ties,
            skipped,
        }
    }

    pub fn index(&self, code: &str) -> Option<usize> {
        self.nodes
            .binary_search_by(|n| n.code.as_str().cmp(code))
            .ok()
    }

    pub fn tie(&self, a: usize, b: usize) -> Option<&Tie> {
        let key = (a.min(b), a.max(b));
        self.ties
            .binary_search_by(|t| (t.a, t.b).cmp(&key))
            .ok()
            .map(|i| &self.ties[i])
    }

    pub fn arc(&self, source: usize, target: usize) -> Option<&Arc> {
        self.arcs
            .binary_search_by(|a| (a.source, a.target).cmp(&(source, target)))
            .ok()
            .map(|i| &self.arcs[i])
    }

    /// The cooperation graph: ties whose cooperation outweighs their conflict,
    /// weighted by that surplus. A dyad that fights as much as it talks is no
    /// channel for a third party to go through, so it is left out.
    pub fn cooperation_graph(&self) -> WeightedGraph {
        let mut g = WeightedGraph::new(self.nodes.len());
        for t in &self.ties {
            g.add_edge(t.a, t.b, t.stats.net());
        }
        g
    }

    /// Directed cooperation arcs (`source` did more good than harm to
    /// `target`), for brokerage roles on directed data.
    pub fn cooperation_arcs(&self) -> Vec<(usize, usize)> {
        self.arcs
            .iter()
            .filter(|a| a.stats.net() > 0.0)
            .map(|a| (a.source, a.target))
            .collect()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use model::{Actor, ActorType};

    pub(crate) fn part(code: &str) -> Participant {
        Participant {
            actor: Actor {
                code: code.into(),
                country: code.get(..3).map(str::to_string),
                role: code.get(3..).filter(|r| !r.is_empty()).map(str::to_string),
                name: code.into(),
                id: code.into(),
                kind: ActorType::Country,
            },
            text: code.into(),
            span: [0, 0],
        }
    }

    /// An event from `s` to `t` with a Goldstein score; quad class from its sign.
    pub(crate) fn ev(s: &str, t: &str, g: f64, date: &str) -> Event {
        Event {
            sentence: 0,
            span: [0, 0],
            source: part(s),
            target: part(t),
            cameo: if g >= 0.0 { "042".into() } else { "173".into() },
            root: if g >= 0.0 { "04".into() } else { "17".into() },
            plover: "CONSULT".into(),
            mode: None,
            goldstein: g,
            quad_class: if g >= 0.0 { 1 } else { 4 },
            modality: Modality::Asserted,
            reported_by: None,
            date: date.into(),
            date_precision: "day".into(),
            place: None,
            rule: "test".into(),
            confidence: 1.0,
        }
    }

    #[test]
    fn dyads_aggregate_both_directions() {
        let events = vec![
            ev("AZEGOV", "ISRGOV", 4.0, "2025-04"),
            ev("ISR", "AZE", 2.0, "2025-05"),
            ev("ISRMIL", "TURMIL", -5.0, "2025-04"),
            ev("AZEGOV", "AZEBUS", 1.0, "2025-04"),
        ];
        let net = Network::from_events(&events, &NetworkConfig::default());
        let codes: Vec<&str> = net.nodes.iter().map(|n| n.code.as_str()).collect();
        assert_eq!(codes, ["AZE", "ISR", "TUR"]);
        assert_eq!(net.skipped, 1, "the AZE->AZE event is a self-loop");
        let (aze, isr, tur) = (0, 1, 2);
        let t = net.tie(isr, aze).expect("AZE-ISR tie");
        assert_eq!(t.stats.events, 2);
        assert_eq!(t.stats.cooperation, 6.0);
        assert_eq!(t.stats.mean_goldstein(), 3.0);
        assert_eq!(t.stats.event_ids, vec![0, 1]);
        assert_eq!(net.arc(aze, isr).map(|a| a.stats.events), Some(1));
        let c = net.tie(isr, tur).expect("ISR-TUR tie");
        assert_eq!(c.stats.conflict, 5.0);
        assert_eq!(c.stats.quad, [0, 0, 0, 1]);
        let g = net.cooperation_graph();
        assert_eq!(g.adj[aze], vec![(isr, 6.0)]);
        assert!(
            g.adj[tur].is_empty(),
            "a conflict tie is no cooperation channel"
        );
    }

    #[test]
    fn actor_level_keeps_roles_apart() {
        let events = vec![
            ev("AZEGOV", "AZEBUS", 1.0, "2025-04"),
            ev("IGOUNO", "SYR", 3.0, "2025"),
        ];
        let cfg = NetworkConfig {
            level: Level::Actor,
            ..NetworkConfig::default()
        };
        let net = Network::from_events(&events, &cfg);
        let codes: Vec<&str> = net.nodes.iter().map(|n| n.code.as_str()).collect();
        assert_eq!(codes, ["AZEBUS", "AZEGOV", "IGOUNO", "SYR"]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Every event is either in exactly one tie (and one arc) or skipped,
        /// whatever the codes and scores.
        #[test]
        fn every_event_is_counted_once(raw in proptest::collection::vec(("[A-C]{3}(GOV)?|X?", "[A-C]{3}|", -10.0f64..10.0), 0..30)) {
            let events: Vec<Event> = raw.iter().map(|(s, t, g)| ev(s, t, *g, "2025-04")).collect();
            let net = Network::from_events(&events, &NetworkConfig::default());
            let in_ties: usize = net.ties.iter().map(|t| t.stats.events).sum();
            let in_arcs: usize = net.arcs.iter().map(|a| a.stats.events).sum();
            proptest::prop_assert_eq!(in_ties + net.skipped, events.len());
            proptest::prop_assert_eq!(in_arcs, in_ties);
            for t in &net.ties {
                proptest::prop_assert!(t.a < t.b);
                proptest::prop_assert!(t.stats.cooperation >= 0.0 && t.stats.conflict >= 0.0);
            }
        }
    }

    #[test]
    fn hypothetical_and_negated_events_stay_out_by_default() {
        let mut h = ev("USA", "ISR", 3.0, "2025");
        h.modality = Modality::Hypothetical;
        let mut n = ev("USA", "IRN", 3.0, "2025");
        n.modality = Modality::Negated;
        let net = Network::from_events(&[h, n], &NetworkConfig::default());
        assert!(net.nodes.is_empty());
        assert_eq!(net.skipped, 2);
    }
}
