//! The HTML report: coded events, facts and quotes in, one self-contained
//! page out (inline CSS and SVG, no scripts, no external assets).
//!
//! Pure: the caller reads the database and writes the file. Every figure is
//! followed by the events behind it, each with its sentence and document, so
//! a reader can check any line or number against the text it came from.
//!
//! The page is built from the maud components in [`components`] and
//! [`map`], which `entente serve`'s pages use too, so an event row, a quote,
//! a legend, a dyad chart or the map looks the same in both.

#![forbid(unsafe_code)]

pub mod basemap;
pub mod components;
pub mod human;
pub mod layout;
pub mod map;
mod svg;

use analysis::{
    betweenness, brokers_between, dependencies, gould_fernandez, louvain, monthly,
    mutual_dependencies, MonthBin, Network, NetworkConfig,
};
use components::{
    actor_name, bloc_swatch, dyad_timeline, event_row, event_table, network_legend, quote_item,
    quote_list, safe_url, timeline_key, EventView, Links, QuoteView, Shell, Side, Stylesheet,
};
use maud::{html, Markup, PreEscaped};
use model::{Event, Fact, Quote, Speaker};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A coded event with where it came from.
#[derive(Debug, Clone)]
pub struct EventRow {
    pub doc: String,
    pub event: Event,
    /// The sentence the event was coded from.
    pub sentence: String,
    /// The CAMEO code in words ("Make a visit"); empty when unknown.
    pub label: String,
}

#[derive(Debug, Clone)]
pub struct FactRow {
    pub doc: String,
    pub fact: Fact,
    pub sentence: String,
}

#[derive(Debug, Clone)]
pub struct QuoteRow {
    pub doc: String,
    pub quote: Quote,
}

#[derive(Debug, Clone, Default)]
pub struct DocInfo {
    pub title: Option<String>,
    pub date: String,
    pub url: Option<String>,
}

/// Everything the report shows.
#[derive(Debug, Clone, Default)]
pub struct Input {
    pub title: String,
    pub events: Vec<EventRow>,
    pub facts: Vec<FactRow>,
    pub quotes: Vec<QuoteRow>,
    pub documents: BTreeMap<String, DocInfo>,
    /// Display names of node codes (`AZE` -> `Azerbaijan`).
    pub names: BTreeMap<String, String>,
    pub config: NetworkConfig,
}

/// Sizes that keep the page readable on a large corpus.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Nodes drawn in the network figure (most active first).
    pub graph_nodes: usize,
    /// Dyads given a timeline.
    pub dyads: usize,
    /// Rows in each evidence list before "and N more".
    pub evidence_rows: usize,
    pub brokers: usize,
    pub quotes: usize,
    /// Rows in the table of places under the map.
    pub places: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            graph_nodes: 40,
            dyads: 8,
            evidence_rows: 150,
            brokers: 12,
            quotes: 100,
            places: 100,
        }
    }
}

/// Text made safe for HTML and XML (SVG) content and attribute values;
/// control characters that XML forbids are dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = include_str!("report.css");

/// Bloc colours: distinguishable, and none of them the edge red or green.
/// The stylesheet's legend squares (`.sw.b0`..) repeat them; a test checks.
const PALETTE: &[&str] = &[
    "#4e79a7", "#f28e2b", "#b07aa1", "#76b7b2", "#edc948", "#9c755f", "#ff9da7", "#bab0ac",
    "#8cd17d", "#d37295",
];

struct Ctx<'a> {
    input: &'a Input,
    limits: Limits,
    net: Network,
}

impl Ctx<'_> {
    fn name(&self, code: &str) -> String {
        match self.input.names.get(code) {
            Some(n) if n != code => format!("{n} ({code})"),
            _ => code.to_string(),
        }
    }

    fn short_name(&self, code: &str) -> String {
        self.input
            .names
            .get(code)
            .cloned()
            .unwrap_or_else(|| code.to_string())
    }

    fn node(&self, i: usize) -> &str {
        self.net.nodes.get(i).map_or("?", |n| n.code.as_str())
    }

    /// An event as the shared row shows it; the report has no page per
    /// event, so rows carry no id and name their document instead.
    fn view<'a>(&'a self, r: &'a EventRow) -> EventView<'a> {
        let e = &r.event;
        let doc = self.input.documents.get(&r.doc);
        let side = |p: &'a model::Participant| Side {
            code: &p.actor.code,
            name: &p.actor.name,
            text: &p.text,
        };
        EventView {
            id: None,
            doc: &r.doc,
            date: &e.date,
            source: side(&e.source),
            target: side(&e.target),
            cameo: &e.cameo,
            label: &r.label,
            plover: &e.plover,
            goldstein: e.goldstein,
            modality: e.modality.as_str(),
            rule: &e.rule,
            confidence: e.confidence,
            sentence: &r.sentence,
            url: doc.and_then(|d| d.url.as_deref()),
            document: Some((
                doc.and_then(|d| d.title.as_deref()).unwrap_or("(untitled)"),
                doc.map_or("", |d| d.date.as_str()),
            )),
            rejected: false,
        }
    }

    /// The `<details>` list of events behind a figure.
    fn evidence(&self, links: &dyn Links, label: &str, ids: &[usize]) -> Markup {
        let mut ids = ids.to_vec();
        ids.sort_by(|&a, &b| {
            let (ea, eb) = (&self.input.events[a], &self.input.events[b]);
            ea.event
                .date
                .cmp(&eb.event.date)
                .then(ea.doc.cmp(&eb.doc))
                .then(ea.event.span.cmp(&eb.event.span))
        });
        let rows = html! {
            @for &i in ids.iter().take(self.limits.evidence_rows) {
                (event_row(&self.view(&self.input.events[i]), links, None))
            }
        };
        html! {
            details {
                summary { (label) " (" (ids.len()) " event" @if ids.len() != 1 { "s" } ")" }
                (event_table(&[], rows))
                @if ids.len() > self.limits.evidence_rows {
                    p.m { "… and " (ids.len() - self.limits.evidence_rows) " more: list them with " code { "entente events" } " (" code { "--actor" } ", " code { "--dyad A B" } ")." }
                }
            }
        }
    }
}

/// The report's stylesheet, for pages that show its figures (`entente serve`).
pub const STYLESHEET: &str = CSS;

/// The report's bloc colours, in the order of [`network_figure`]'s blocs
/// (and of the stylesheet's `.sw.bN` legend squares).
pub const BLOC_COLOURS: &[&str] = PALETTE;

/// The report's network drawing of `net`, alone: nodes in `shown` (indices,
/// sorted), coloured by `community`, labelled with `names`; nodes and lines
/// link where `links` has an actor's or a dyad's address.
pub fn network_figure(
    net: Network,
    names: &BTreeMap<String, String>,
    shown: &[usize],
    community: &[usize],
    links: &dyn Links,
) -> String {
    let input = Input {
        names: names.clone(),
        ..Input::default()
    };
    let cx = Ctx {
        input: &input,
        limits: Limits::default(),
        net,
    };
    svg::network(&cx, shown, community, links)
}

/// The report's monthly bar chart (cooperation up, conflict down), one bar
/// slot per bin: give every month, empty ones too, for a true time axis.
pub fn timeline_figure(label: &str, bins: &[analysis::MonthBin]) -> String {
    svg::timeline(label, bins)
}

/// Renders the whole report with default limits.
pub fn render(input: &Input) -> String {
    render_with(input, Limits::default())
}

/// The id of a dyad's section (node codes as the network has them).
fn dyad_anchor(a: &str, b: &str) -> String {
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect()
    };
    format!("dyad-{}-{}", clean(a), clean(b))
}

/// The report's links: dyads to their sections on the page, documents to
/// their sources (web addresses only); actors, events and places have no
/// page of their own here.
struct InPage<'a> {
    documents: &'a BTreeMap<String, DocInfo>,
    /// The network node of each actor code, to find an event's dyad.
    node_of: HashMap<&'a str, String>,
    /// Dyads (node codes, as drawn) with a section of their own.
    dyads: BTreeSet<(String, String)>,
}

impl Links for InPage<'_> {
    fn dyad(&self, a: &str, b: &str) -> Option<String> {
        let node = |c: &str| {
            self.node_of
                .get(c)
                .cloned()
                .unwrap_or_else(|| c.to_string())
        };
        let (a, b) = (node(a), node(b));
        if self.dyads.contains(&(a.clone(), b.clone())) {
            Some(format!("#{}", dyad_anchor(&a, &b)))
        } else if self.dyads.contains(&(b.clone(), a.clone())) {
            Some(format!("#{}", dyad_anchor(&b, &a)))
        } else {
            None
        }
    }

    fn document(&self, doc: &str) -> Option<String> {
        let url = self.documents.get(doc)?.url.as_deref()?;
        safe_url(url).map(str::to_string)
    }
}

/// The ties given a section of their own (most events first).
fn main_ties(net: &Network) -> Vec<&analysis::Tie> {
    let mut ties: Vec<&analysis::Tie> = net.ties.iter().collect();
    ties.sort_by(|a, b| {
        b.stats
            .events
            .cmp(&a.stats.events)
            .then((a.a, a.b).cmp(&(b.a, b.b)))
    });
    ties
}

pub fn render_with(input: &Input, limits: Limits) -> String {
    let net = Network::from_events(input.events.iter().map(|r| &r.event), &input.config);
    let cx = Ctx { input, limits, net };
    let coop = cx.net.cooperation_graph();
    let cb = betweenness(&coop);
    let blocs = louvain(&coop);
    let mut node_of = HashMap::new();
    for r in &input.events {
        for p in [&r.event.source, &r.event.target] {
            if let Some(n) = analysis::network::node_code(p, input.config.level) {
                node_of.entry(p.actor.code.as_str()).or_insert(n);
            }
        }
    }
    let links = InPage {
        documents: &input.documents,
        node_of,
        dyads: main_ties(&cx.net)
            .iter()
            .take(limits.dyads)
            .map(|t| (cx.node(t.a).to_string(), cx.node(t.b).to_string()))
            .collect(),
    };
    let title = if input.title.is_empty() {
        "entente report"
    } else {
        input.title.as_str()
    };
    let used = input.events.len() - cx.net.skipped;
    let docs = input.documents.len();
    let body = html! {
        h1 { (title) }
        p.lead {
            (docs) " document" @if docs != 1 { "s" } ", " (input.events.len()) " events (" (used)
            " in the network; the rest are hypothetical, negated, self-directed or uncoded), "
            (cx.net.nodes.len()) " actors, " (cx.net.ties.len()) " dyads, " (input.facts.len())
            " facts, " (input.quotes.len()) " quotes."
        }
        (network_section(&cx, &links, &blocs))
        (brokers_section(&cx, &links, &cb, &blocs.community))
        (blocs_section(&cx, &links, &blocs))
        (dyads_section(&cx, &links))
        (map_section(&cx, &links))
        (dependencies_section(&cx))
        (quotes_section(&cx, &links))
    };
    let footer = html! {
        p { "Made by entente. Cooperation weight is the sum of positive Goldstein scores of a dyad's events, conflict weight the sum of the negative ones' magnitudes. Ties whose cooperation outweighs their conflict make the cooperation network, in which a tie of weight " i { "w" } " has length 1/(1+" i { "w" } "); betweenness and brokers are computed on shortest paths in it, blocs with Louvain on the same ties." }
    };
    let shell = Shell {
        title,
        stylesheet: Stylesheet::Inline,
        nav: &[
            ("#network", "Network"),
            ("#brokers", "Brokers"),
            ("#blocs", "Blocs"),
            ("#dyads", "Dyads"),
            ("#map", "Map"),
            ("#dependencies", "Dependencies"),
            ("#quotes", "Quotes"),
        ],
        nav_extra: None,
        footer: Some(footer),
    };
    let mut out = components::page(shell, body).into_string();
    out.push('\n');
    out
}

fn network_section(cx: &Ctx, links: &dyn Links, blocs: &analysis::Partition) -> Markup {
    if cx.net.nodes.is_empty() {
        return html! {
            section #network {
                h2 { "The network" }
                p { "No events between two different actors yet: nothing to draw." }
            }
        };
    }
    let mut order: Vec<usize> = (0..cx.net.nodes.len()).collect();
    order.sort_by(|&a, &b| {
        cx.net.nodes[b]
            .events
            .cmp(&cx.net.nodes[a].events)
            .then(a.cmp(&b))
    });
    order.truncate(cx.limits.graph_nodes);
    order.sort_unstable();
    let shown = order.len();
    let all: Vec<usize> = cx
        .net
        .ties
        .iter()
        .flat_map(|t| t.stats.event_ids.iter().copied())
        .collect();
    let level = match cx.net.level {
        analysis::Level::Country => "country",
        analysis::Level::Actor => "actor",
    };
    html! {
        section #network {
            h2 { "The network" }
            p {
                "Actors at " (level) " level, sized by events; lines thicker with more events."
                @if shown < cx.net.nodes.len() { " The " (shown) " most active of " (cx.net.nodes.len()) " actors are drawn." }
                " Each line of a dyad with a section below links to it."
            }
            (network_legend(blocs.count))
            (PreEscaped(svg::network(cx, &order, &blocs.community, links)))
            (cx.evidence(links, "Events behind the network", &all))
        }
    }
}

fn brokers_section(cx: &Ctx, links: &dyn Links, cb: &[f64], community: &[usize]) -> Markup {
    let coop = cx.net.cooperation_graph();
    let arcs: Vec<(usize, usize)> = coop
        .adj
        .iter()
        .enumerate()
        .flat_map(|(a, n)| n.iter().map(move |&(b, _)| (a, b)))
        .collect();
    let roles = gould_fernandez(coop.len(), &arcs, community);
    let norm = analysis::paths::normalised(cb);
    let mut rank: Vec<usize> = (0..cb.len()).filter(|&i| cb[i] > 0.0).collect();
    rank.sort_by(|&a, &b| cb[b].total_cmp(&cb[a]).then(a.cmp(&b)));
    rank.truncate(cx.limits.brokers);
    let broker_ids: Vec<usize> = rank
        .iter()
        .flat_map(|&i| {
            coop.adj[i]
                .iter()
                .filter_map(move |&(j, _)| cx.net.tie(i, j))
        })
        .flat_map(|t| t.stats.event_ids.iter().copied())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    // Who could carry messages between the actors most in conflict?
    let mut rivals: Vec<&analysis::Tie> =
        cx.net.ties.iter().filter(|t| t.stats.net() < 0.0).collect();
    rivals.sort_by(|a, b| {
        b.stats
            .conflict
            .total_cmp(&a.stats.conflict)
            .then((a.a, a.b).cmp(&(b.a, b.b)))
    });
    let mut between = Vec::new();
    let mut ids = Vec::new();
    for t in rivals.iter().take(cx.limits.dyads) {
        let bs = brokers_between(&coop, t.a, t.b);
        if bs.is_empty() {
            continue;
        }
        let names: Vec<String> = bs
            .iter()
            .take(5)
            .map(|b| format!("{} {:.2}", cx.short_name(cx.node(b.node)), b.score))
            .collect();
        for b in bs.iter().take(5) {
            for end in [t.a, t.b] {
                if let Some(tt) = cx.net.tie(b.node, end) {
                    ids.extend_from_slice(&tt.stats.event_ids);
                }
            }
        }
        between.push((*t, names.join(", ")));
    }
    ids.sort_unstable();
    ids.dedup();
    html! {
        section #brokers {
            h2 { "Brokers" }
            @if rank.is_empty() {
                p { "No actor stands on a cooperation path between two others yet." }
            } @else {
                p { "Actors on the most shortest cooperation paths between others (betweenness), with their Gould-Fernandez roles across blocs." }
                table {
                    thead { tr {
                        th { "actor" } th { "betweenness" } th { "normalised" } th { "coordinator" } th { "itinerant" }
                        th { "representative" } th { "gatekeeper" } th { "liaison" }
                    } }
                    tbody { @for &i in &rank {
                        @let r = roles[i];
                        @let code = cx.node(i);
                        tr {
                            td { (actor_name(code, &cx.short_name(code), links)) }
                            td.n { (format!("{:.2}", cb[i])) } td.n { (format!("{:.3}", norm[i])) }
                            td.n { (r.coordinator) } td.n { (r.itinerant) } td.n { (r.representative) }
                            td.n { (r.gatekeeper) } td.n { (r.liaison) }
                        }
                    } }
                }
                (cx.evidence(links, "Cooperation events of these brokers", &broker_ids))
            }
            @if !between.is_empty() {
                h3 { "Between adversaries" }
                p { "For dyads where conflict outweighs cooperation, the actors on the shortest cooperation paths between the two sides, with the share of those paths through each." }
                table {
                    thead { tr { th { "dyad in conflict" } th { "mean Goldstein" } th { "brokers (share of paths)" } } }
                    tbody { @for (t, names) in &between {
                        tr {
                            td { (cx.name(cx.node(t.a))) " – " (cx.name(cx.node(t.b))) }
                            td.n { (format!("{:+.2}", t.stats.mean_goldstein())) }
                            td { (names) }
                        }
                    } }
                }
                (cx.evidence(links, "Cooperation events that put the brokers between them", &ids))
            }
        }
    }
}

fn blocs_section(cx: &Ctx, links: &dyn Links, blocs: &analysis::Partition) -> Markup {
    let members = blocs.members();
    let mut multi: Vec<(usize, &Vec<usize>)> = members
        .iter()
        .enumerate()
        .filter(|(_, m)| m.len() > 1)
        .collect();
    multi.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    let mut ids = Vec::new();
    for (_, m) in &multi {
        for (i, &a) in m.iter().enumerate() {
            for &b in &m[i + 1..] {
                if let Some(t) = cx.net.tie(a, b) {
                    ids.extend_from_slice(&t.stats.event_ids);
                }
            }
        }
    }
    ids.sort_unstable();
    html! {
        section #blocs {
            h2 { "Blocs" }
            @if multi.is_empty() {
                p { "No group of actors cooperates enough to form a bloc yet." }
            } @else {
                p { "Louvain communities of the cooperation network: " (multi.len()) " blocs of two or more actors (modularity " (format!("{:.3}", blocs.modularity)) "; above 0.3 is a clear division)." }
                ul.blocs { @for (c, m) in &multi {
                    li {
                        (bloc_swatch(*c))
                        (m.iter().map(|&v| cx.short_name(cx.node(v))).collect::<Vec<_>>().join(", "))
                    }
                } }
                (cx.evidence(links, "Events inside the blocs", &ids))
            }
        }
    }
}

/// A dyad's chart bins: one per month from the first to the last, empty
/// months too (a true time axis, as the server's dyad page draws it), and
/// how many of its events have no month to go in.
fn month_bins(events: &[Event], ids: &[usize]) -> (Vec<MonthBin>, usize) {
    let month = |b: &MonthBin| -> Option<(u32, u32)> {
        let y = b.month.get(..4)?.parse().ok()?;
        let m = b.month.get(5..7)?.parse().ok()?;
        (b.month.len() == 7 && (1..=12).contains(&m)).then_some((y, m))
    };
    let mut by: BTreeMap<(u32, u32), MonthBin> = BTreeMap::new();
    for b in monthly(events, ids) {
        if let Some(k) = month(&b) {
            by.insert(k, b);
        }
    }
    let known = ids.iter().filter(|&&i| i < events.len()).count();
    let undated = known - by.values().map(|b| b.events).sum::<usize>();
    let (Some(&first), Some(&last)) = (by.keys().next(), by.keys().next_back()) else {
        return (Vec::new(), undated);
    };
    let mut out = Vec::new();
    let (mut y, mut m) = first;
    while (y, m) <= last {
        out.push(by.remove(&(y, m)).unwrap_or_else(|| MonthBin {
            month: format!("{y:04}-{m:02}"),
            ..MonthBin::default()
        }));
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    (out, undated)
}

fn dyads_section(cx: &Ctx, links: &dyn Links) -> Markup {
    let ties = main_ties(&cx.net);
    if ties.is_empty() {
        return html! { section #dyads { h2 { "Main dyads" } p { "No dyads yet." } } };
    }
    let events: Vec<Event> = cx.input.events.iter().map(|r| r.event.clone()).collect();
    html! {
        section #dyads {
            h2 { "Main dyads" }
            table {
                thead { tr {
                    th { "dyad" } th { "events" } th { "cooperation" } th { "conflict" } th { "mean Goldstein" }
                    th { "verbal coop." } th { "material coop." } th { "verbal conflict" } th { "material conflict" }
                } }
                tbody { @for t in ties.iter().take(cx.limits.dyads * 2) {
                    @let s = &t.stats;
                    @let (a, b) = (cx.node(t.a), cx.node(t.b));
                    tr {
                        td { @match links.dyad(a, b) {
                            Some(href) => a href=(href) { (cx.short_name(a)) " – " (cx.short_name(b)) },
                            None => { (cx.short_name(a)) " – " (cx.short_name(b)) },
                        } }
                        td.n { (s.events) }
                        td.n { (format!("{:.1}", s.cooperation)) }
                        td.n { (format!("{:.1}", s.conflict)) }
                        td.n.(if s.mean_goldstein() >= 0.0 { "pos" } else { "neg" }) { (format!("{:+.2}", s.mean_goldstein())) }
                        td.n { (s.quad[0]) } td.n { (s.quad[1]) } td.n { (s.quad[2]) } td.n { (s.quad[3]) }
                    }
                } }
            }
            (timeline_key())
            @for t in ties.iter().take(cx.limits.dyads) {
                @let label = format!("{} – {}", cx.name(cx.node(t.a)), cx.name(cx.node(t.b)));
                @let (bins, undated) = month_bins(&events, &t.stats.event_ids);
                h3 id=(dyad_anchor(cx.node(t.a), cx.node(t.b))) { (label) }
                (dyad_timeline(&label, &bins, undated))
                (cx.evidence(links, &format!("Events of {label}"), &t.stats.event_ids))
            }
        }
    }
}

fn map_section(cx: &Ctx, links: &dyn Links) -> Markup {
    let places = map::Places::from_events(cx.input.events.iter().map(|r| &r.event));
    // The events behind the circles: those with a place on the globe.
    let ids: Vec<usize> = (0..cx.input.events.len())
        .filter(|&i| {
            let p = cx.input.events[i].event.place.as_ref();
            p.and_then(map::located).is_some()
        })
        .collect();
    html! {
        section #map {
            h2 { "Where events happened" }
            @if places.is_empty() {
                p { "No event has a place with coordinates yet." }
            } @else {
                (map::map_caption(&places))
                (map::map_figure(&places, links))
                (map::places_table(&places, links, cx.limits.places))
                (cx.evidence(links, "Events with a place", &ids))
            }
        }
    }
}

fn dependencies_section(cx: &Ctx) -> Markup {
    let deps = dependencies(
        cx.input.facts.iter().map(|r| &r.fact),
        cx.input.config.level,
    );
    if deps.is_empty() {
        return html! {
            section #dependencies {
                h2 { "Dependencies" }
                p { "No import, supply or stake shares found yet." }
            }
        };
    }
    let mutual = mutual_dependencies(&deps);
    let title = |doc: &str| {
        cx.input
            .documents
            .get(doc)
            .and_then(|x| x.title.as_deref())
            .unwrap_or("(untitled)")
    };
    html! {
        section #dependencies {
            h2 { "Dependencies" }
            @if !mutual.is_empty() {
                h3 { "Exchanges" }
                ul { @for &(i, j) in &mutual {
                    @let (a, b) = (&deps[i], &deps[j]);
                    li {
                        b { (cx.short_name(&a.holder)) } " relies on " b { (cx.short_name(&a.counterpart)) }
                        " for " (a.commodity.as_deref().unwrap_or("something")) " (" (pct(a.value, a.approx)) "), and "
                        b { (cx.short_name(&b.holder)) } " on " b { (cx.short_name(&b.counterpart)) }
                        " for " (b.commodity.as_deref().unwrap_or("something")) " (" (pct(b.value, b.approx)) ")."
                    }
                } }
            }
            table {
                thead { tr { th { "who depends" } th { "on" } th { "for" } th { "measure" } th { "share" } th { "period" } } }
                tbody { @for d in &deps {
                    tr {
                        td { (cx.name(&d.holder)) }
                        td { @if d.counterpart_is_actor { (cx.name(&d.counterpart)) } @else { (d.counterpart) } }
                        td { (d.commodity.as_deref().or(d.asset.as_deref()).unwrap_or("")) }
                        td { (d.measure) }
                        td.n { (pct(d.value, d.approx)) }
                        td { (d.period.as_deref().map(human::time).unwrap_or_default()) }
                    }
                } }
            }
            details {
                summary { "Facts behind the dependencies (" (deps.len()) ")" }
                table.ev {
                    thead { tr { th { "measure" } th { "value" } th { "sentence" } th { "document" } } }
                    tbody { @for d in deps.iter().take(cx.limits.evidence_rows) {
                        @if let Some(r) = cx.input.facts.get(d.fact) {
                            tr {
                                td { (r.fact.measure) }
                                td.n { (pct(r.fact.value, r.fact.approx)) }
                                td.s { (r.sentence) }
                                td.d { (title(&r.doc)) " " span.m { (r.doc) } }
                            }
                        }
                    } }
                }
            }
        }
    }
}

fn pct(v: f64, approx: bool) -> String {
    format!("{}{:.0}%", if approx { "~" } else { "" }, v * 100.0)
}

fn quotes_section(cx: &Ctx, links: &dyn Links) -> Markup {
    let quotes = &cx.input.quotes;
    let items = html! {
        @for q in quotes.iter().take(cx.limits.quotes) {
            @let doc = cx.input.documents.get(&q.doc);
            @let speaker = match &q.quote.speaker {
                Speaker::Actor(p) => components::Speaker { text: &p.text, actor: Some((&p.actor.code, &p.actor.name)) },
                Speaker::Unresolved { text, .. } => components::Speaker { text, actor: None },
            };
            (quote_item(&QuoteView {
                speaker,
                cue: &q.quote.cue,
                content: &q.quote.content,
                style: &q.quote.style,
                rule: &q.quote.rule,
                doc: &q.doc,
                document: Some((
                    doc.and_then(|d| d.title.as_deref()).unwrap_or("(untitled)"),
                    doc.map_or("", |d| d.date.as_str()),
                )),
            }, links))
        }
    };
    html! {
        section #quotes {
            h2 { "Quotes" }
            @if quotes.is_empty() {
                p { "No quotes found yet." }
            } @else {
                (quote_list(items))
                @if quotes.len() > cx.limits.quotes { p.m { "… and " (quotes.len() - cx.limits.quotes) " more." } }
            }
        }
    }
}

#[cfg(test)]
mod tests;
