//! The HTML report: coded events, facts and quotes in, one self-contained
//! page out (inline CSS and SVG, no scripts, no external assets).
//!
//! Pure: the caller reads the database and writes the file. Every figure is
//! followed by the events behind it, each with its sentence and document, so
//! a reader can check any line or number against the text it came from.

#![forbid(unsafe_code)]

pub mod human;
pub mod layout;
mod svg;

use analysis::{
    betweenness, brokers_between, dependencies, gould_fernandez, louvain, monthly,
    mutual_dependencies, Network, NetworkConfig,
};
use model::{Event, Fact, Quote, Speaker};
use std::collections::BTreeMap;
use std::fmt::Write;

/// A coded event with where it came from.
#[derive(Debug, Clone)]
pub struct EventRow {
    pub doc: String,
    pub event: Event,
    /// The sentence the event was coded from.
    pub sentence: String,
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
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            graph_nodes: 40,
            dyads: 8,
            evidence_rows: 150,
            brokers: 12,
            quotes: 100,
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

    /// The `<details>` list of events behind a figure.
    fn evidence(&self, out: &mut String, label: &str, ids: &[usize]) {
        let mut ids = ids.to_vec();
        ids.sort_by(|&a, &b| {
            let (ea, eb) = (&self.input.events[a], &self.input.events[b]);
            ea.event
                .date
                .cmp(&eb.event.date)
                .then(ea.doc.cmp(&eb.doc))
                .then(ea.event.span.cmp(&eb.event.span))
        });
        let _ = write!(
            out,
            "<details><summary>{} ({} event{})</summary>\n<table class=\"ev\"><thead><tr><th>date</th><th>source → target</th><th>CAMEO</th><th>Goldstein</th><th>modality</th><th>sentence</th><th>document</th></tr></thead><tbody>\n",
            escape(label),
            ids.len(),
            if ids.len() == 1 { "" } else { "s" }
        );
        for &i in ids.iter().take(self.limits.evidence_rows) {
            let r = &self.input.events[i];
            let e = &r.event;
            let doc = self.input.documents.get(&r.doc);
            let title = doc.and_then(|d| d.title.as_deref()).unwrap_or("(untitled)");
            let cls = if e.goldstein > 0.0 {
                "coop"
            } else if e.goldstein < 0.0 {
                "conf"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "<tr class=\"{cls}\"><td>{}</td><td><b>{}</b> <span class=\"m\">“{}”</span> → <b>{}</b> <span class=\"m\">“{}”</span></td><td>{} <span class=\"m\">{}</span></td><td class=\"n\">{:+.1}</td><td>{}</td><td class=\"s\">{}</td><td class=\"d\">{} <span class=\"m\">{} {}</span></td></tr>",
                escape(&human::time(&e.date)),
                escape(&e.source.actor.code),
                escape(&e.source.text),
                escape(&e.target.actor.code),
                escape(&e.target.text),
                escape(&e.cameo),
                escape(&e.plover),
                e.goldstein,
                e.modality.as_str(),
                escape(&r.sentence),
                escape(title),
                escape(doc.map_or("", |d| d.date.as_str())),
                escape(&r.doc),
            );
        }
        out.push_str("</tbody></table>");
        if ids.len() > self.limits.evidence_rows {
            let _ = write!(
                out,
                "<p class=\"m\">… and {} more: list them with <code>entente events</code> (<code>--actor</code>, <code>--dyad A B</code>).</p>",
                ids.len() - self.limits.evidence_rows
            );
        }
        out.push_str("</details>\n");
    }
}

/// The report's stylesheet, for pages that show its figures (`entente serve`).
pub const STYLESHEET: &str = CSS;

/// The report's bloc colours, for legends drawn beside [`network_figure`].
pub const BLOC_COLOURS: &[&str] = PALETTE;

/// The report's network drawing of `net`, alone: nodes in `shown` (indices,
/// sorted), coloured by `community`, labelled with `names`.
pub fn network_figure(
    net: Network,
    names: &BTreeMap<String, String>,
    shown: &[usize],
    community: &[usize],
    links: Option<&Links>,
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

/// Where the network drawing's nodes (by code) and lines (by the two codes)
/// link to; the static report draws none.
pub struct Links<'a> {
    pub actor: &'a dyn Fn(&str) -> String,
    pub dyad: &'a dyn Fn(&str, &str) -> String,
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

pub fn render_with(input: &Input, limits: Limits) -> String {
    let net = Network::from_events(input.events.iter().map(|r| &r.event), &input.config);
    let cx = Ctx { input, limits, net };
    let coop = cx.net.cooperation_graph();
    let cb = betweenness(&coop);
    let blocs = louvain(&coop);
    let mut out = String::with_capacity(64 * 1024);
    let title = if input.title.is_empty() {
        "entente report"
    } else {
        input.title.as_str()
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{CSS}</style></head><body>\n<h1>{}</h1>\n",
        escape(title),
        escape(title)
    );
    let used = input.events.len() - cx.net.skipped;
    let _ = writeln!(
        out,
        "<p class=\"lead\">{} document{}, {} events ({} in the network; the rest are hypothetical, negated, self-directed or uncoded), {} actors, {} dyads, {} facts, {} quotes.</p>",
        input.documents.len(),
        if input.documents.len() == 1 { "" } else { "s" },
        input.events.len(),
        used,
        cx.net.nodes.len(),
        cx.net.ties.len(),
        input.facts.len(),
        input.quotes.len()
    );
    out.push_str("<nav><a href=\"#network\">Network</a> · <a href=\"#brokers\">Brokers</a> · <a href=\"#blocs\">Blocs</a> · <a href=\"#dyads\">Dyads</a> · <a href=\"#dependencies\">Dependencies</a> · <a href=\"#quotes\">Quotes</a></nav>\n");

    network_section(&cx, &mut out, &blocs.community);
    brokers_section(&cx, &mut out, &cb, &blocs.community);
    blocs_section(&cx, &mut out, &blocs);
    dyads_section(&cx, &mut out);
    dependencies_section(&cx, &mut out);
    quotes_section(&cx, &mut out);
    out.push_str("<footer><p>Made by entente. Cooperation weight is the sum of positive Goldstein scores of a dyad's events, conflict weight the sum of the negative ones' magnitudes. Ties whose cooperation outweighs their conflict make the cooperation network, in which a tie of weight <i>w</i> has length 1/(1+<i>w</i>); betweenness and brokers are computed on shortest paths in it, blocs with Louvain on the same ties.</p></footer>\n</body></html>\n");
    out
}

fn network_section(cx: &Ctx, out: &mut String, community: &[usize]) {
    out.push_str("<section id=\"network\"><h2>The network</h2>\n");
    if cx.net.nodes.is_empty() {
        out.push_str(
            "<p>No events between two different actors yet: nothing to draw.</p></section>\n",
        );
        return;
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
    let _ = writeln!(
        out,
        "<p>Actors at {} level, sized by events; lines green for cooperation, blue for mostly material cooperation, red where conflict outweighs cooperation, thicker with more events; colours of actors are blocs.{}</p>",
        match cx.net.level {
            analysis::Level::Country => "country",
            analysis::Level::Actor => "actor",
        },
        if shown < cx.net.nodes.len() {
            format!(" The {shown} most active of {} actors are drawn.", cx.net.nodes.len())
        } else {
            String::new()
        }
    );
    out.push_str(&svg::network(cx, &order, community, None));
    let all: Vec<usize> = cx
        .net
        .ties
        .iter()
        .flat_map(|t| t.stats.event_ids.iter().copied())
        .collect();
    cx.evidence(out, "Events behind the network", &all);
    out.push_str("</section>\n");
}

fn brokers_section(cx: &Ctx, out: &mut String, cb: &[f64], community: &[usize]) {
    out.push_str("<section id=\"brokers\"><h2>Brokers</h2>\n");
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
    if rank.is_empty() {
        out.push_str("<p>No actor stands on a cooperation path between two others yet.</p>\n");
    } else {
        out.push_str("<p>Actors on the most shortest cooperation paths between others (betweenness), with their Gould-Fernandez roles across blocs.</p>\n<table><thead><tr><th>actor</th><th>betweenness</th><th>normalised</th><th>coordinator</th><th>itinerant</th><th>representative</th><th>gatekeeper</th><th>liaison</th></tr></thead><tbody>\n");
        for &i in rank.iter().take(cx.limits.brokers) {
            let r = roles[i];
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"n\">{:.2}</td><td class=\"n\">{:.3}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                escape(&cx.name(cx.node(i))),
                cb[i],
                norm[i],
                r.coordinator,
                r.itinerant,
                r.representative,
                r.gatekeeper,
                r.liaison
            );
        }
        out.push_str("</tbody></table>\n");
        let ids: Vec<usize> = rank
            .iter()
            .take(cx.limits.brokers)
            .flat_map(|&i| {
                coop.adj[i]
                    .iter()
                    .filter_map(move |&(j, _)| cx.net.tie(i, j))
            })
            .flat_map(|t| t.stats.event_ids.iter().copied())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        cx.evidence(out, "Cooperation events of these brokers", &ids);
    }
    // Who could carry messages between the actors most in conflict?
    let mut rivals: Vec<&analysis::Tie> =
        cx.net.ties.iter().filter(|t| t.stats.net() < 0.0).collect();
    rivals.sort_by(|a, b| {
        b.stats
            .conflict
            .total_cmp(&a.stats.conflict)
            .then((a.a, a.b).cmp(&(b.a, b.b)))
    });
    let mut rows = String::new();
    let mut ids = Vec::new();
    for t in rivals.iter().take(cx.limits.dyads) {
        let bs = brokers_between(&coop, t.a, t.b);
        if bs.is_empty() {
            continue;
        }
        let names: Vec<String> = bs
            .iter()
            .take(5)
            .map(|b| format!("{} {:.2}", escape(&cx.short_name(cx.node(b.node))), b.score))
            .collect();
        let _ = writeln!(
            rows,
            "<tr><td>{} – {}</td><td class=\"n\">{:+.2}</td><td>{}</td></tr>",
            escape(&cx.name(cx.node(t.a))),
            escape(&cx.name(cx.node(t.b))),
            t.stats.mean_goldstein(),
            names.join(", ")
        );
        for b in bs.iter().take(5) {
            for end in [t.a, t.b] {
                if let Some(tt) = cx.net.tie(b.node, end) {
                    ids.extend_from_slice(&tt.stats.event_ids);
                }
            }
        }
    }
    if !rows.is_empty() {
        out.push_str("<h3>Between adversaries</h3>\n<p>For dyads where conflict outweighs cooperation, the actors on the shortest cooperation paths between the two sides, with the share of those paths through each.</p>\n<table><thead><tr><th>dyad in conflict</th><th>mean Goldstein</th><th>brokers (share of paths)</th></tr></thead><tbody>\n");
        out.push_str(&rows);
        out.push_str("</tbody></table>\n");
        ids.sort_unstable();
        ids.dedup();
        cx.evidence(
            out,
            "Cooperation events that put the brokers between them",
            &ids,
        );
    }
    out.push_str("</section>\n");
}

fn blocs_section(cx: &Ctx, out: &mut String, blocs: &analysis::Partition) {
    out.push_str("<section id=\"blocs\"><h2>Blocs</h2>\n");
    let members = blocs.members();
    let mut multi: Vec<(usize, &Vec<usize>)> = members
        .iter()
        .enumerate()
        .filter(|(_, m)| m.len() > 1)
        .collect();
    multi.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    if multi.is_empty() {
        out.push_str("<p>No group of actors cooperates enough to form a bloc yet.</p></section>\n");
        return;
    }
    let _ = writeln!(
        out,
        "<p>Louvain communities of the cooperation network: {} blocs of two or more actors (modularity {:.3}; above 0.3 is a clear division).</p>\n<ul class=\"blocs\">",
        multi.len(),
        blocs.modularity
    );
    let mut ids = Vec::new();
    for (c, m) in &multi {
        let names: Vec<String> = m
            .iter()
            .map(|&v| escape(&cx.short_name(cx.node(v))))
            .collect();
        let _ = writeln!(
            out,
            "<li><span class=\"sw\" style=\"background:{}\"></span>{}</li>",
            PALETTE[c % PALETTE.len()],
            names.join(", ")
        );
        for (i, &a) in m.iter().enumerate() {
            for &b in &m[i + 1..] {
                if let Some(t) = cx.net.tie(a, b) {
                    ids.extend_from_slice(&t.stats.event_ids);
                }
            }
        }
    }
    out.push_str("</ul>\n");
    ids.sort_unstable();
    cx.evidence(out, "Events inside the blocs", &ids);
    out.push_str("</section>\n");
}

fn dyads_section(cx: &Ctx, out: &mut String) {
    out.push_str("<section id=\"dyads\"><h2>Main dyads</h2>\n");
    let mut ties: Vec<&analysis::Tie> = cx.net.ties.iter().collect();
    ties.sort_by(|a, b| {
        b.stats
            .events
            .cmp(&a.stats.events)
            .then((a.a, a.b).cmp(&(b.a, b.b)))
    });
    if ties.is_empty() {
        out.push_str("<p>No dyads yet.</p></section>\n");
        return;
    }
    out.push_str("<table><thead><tr><th>dyad</th><th>events</th><th>cooperation</th><th>conflict</th><th>mean Goldstein</th><th>verbal coop.</th><th>material coop.</th><th>verbal conflict</th><th>material conflict</th></tr></thead><tbody>\n");
    for t in ties.iter().take(cx.limits.dyads * 2) {
        let s = &t.stats;
        let _ = writeln!(
            out,
            "<tr><td>{} – {}</td><td class=\"n\">{}</td><td class=\"n\">{:.1}</td><td class=\"n\">{:.1}</td><td class=\"n {}\">{:+.2}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            escape(&cx.short_name(cx.node(t.a))),
            escape(&cx.short_name(cx.node(t.b))),
            s.events,
            s.cooperation,
            s.conflict,
            if s.mean_goldstein() >= 0.0 { "pos" } else { "neg" },
            s.mean_goldstein(),
            s.quad[0],
            s.quad[1],
            s.quad[2],
            s.quad[3]
        );
    }
    out.push_str("</tbody></table>\n");
    let events: Vec<Event> = cx.input.events.iter().map(|r| r.event.clone()).collect();
    for t in ties.iter().take(cx.limits.dyads) {
        let label = format!("{} – {}", cx.name(cx.node(t.a)), cx.name(cx.node(t.b)));
        let _ = writeln!(out, "<h3>{}</h3>", escape(&label));
        let bins = monthly(&events, &t.stats.event_ids);
        out.push_str(&svg::timeline(&label, &bins));
        cx.evidence(out, &format!("Events of {label}"), &t.stats.event_ids);
    }
    out.push_str("</section>\n");
}

fn dependencies_section(cx: &Ctx, out: &mut String) {
    out.push_str("<section id=\"dependencies\"><h2>Dependencies</h2>\n");
    let deps = dependencies(
        cx.input.facts.iter().map(|r| &r.fact),
        cx.input.config.level,
    );
    if deps.is_empty() {
        out.push_str("<p>No import, supply or stake shares found yet.</p></section>\n");
        return;
    }
    let mutual = mutual_dependencies(&deps);
    if !mutual.is_empty() {
        out.push_str("<h3>Exchanges</h3><ul>\n");
        for &(i, j) in &mutual {
            let (a, b) = (&deps[i], &deps[j]);
            let _ = writeln!(
                out,
                "<li><b>{}</b> relies on <b>{}</b> for {} ({}), and <b>{}</b> on <b>{}</b> for {} ({}).</li>",
                escape(&cx.short_name(&a.holder)),
                escape(&cx.short_name(&a.counterpart)),
                escape(a.commodity.as_deref().unwrap_or("something")),
                pct(a.value, a.approx),
                escape(&cx.short_name(&b.holder)),
                escape(&cx.short_name(&b.counterpart)),
                escape(b.commodity.as_deref().unwrap_or("something")),
                pct(b.value, b.approx),
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<table><thead><tr><th>who depends</th><th>on</th><th>for</th><th>measure</th><th>share</th><th>period</th></tr></thead><tbody>\n");
    for d in &deps {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            escape(&cx.name(&d.holder)),
            escape(&if d.counterpart_is_actor { cx.name(&d.counterpart) } else { d.counterpart.clone() }),
            escape(d.commodity.as_deref().or(d.asset.as_deref()).unwrap_or("")),
            escape(&d.measure),
            pct(d.value, d.approx),
            escape(&d.period.as_deref().map(human::time).unwrap_or_default())
        );
    }
    out.push_str("</tbody></table>\n");
    let _ = write!(
        out,
        "<details><summary>Facts behind the dependencies ({})</summary><table class=\"ev\"><thead><tr><th>measure</th><th>value</th><th>sentence</th><th>document</th></tr></thead><tbody>",
        deps.len()
    );
    for d in deps.iter().take(cx.limits.evidence_rows) {
        let Some(r) = cx.input.facts.get(d.fact) else {
            continue;
        };
        let title = cx
            .input
            .documents
            .get(&r.doc)
            .and_then(|x| x.title.as_deref())
            .unwrap_or("(untitled)");
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"s\">{}</td><td class=\"d\">{} <span class=\"m\">{}</span></td></tr>",
            escape(&r.fact.measure),
            pct(r.fact.value, r.fact.approx),
            escape(&r.sentence),
            escape(title),
            escape(&r.doc)
        );
    }
    out.push_str("</tbody></table></details>\n</section>\n");
}

fn pct(v: f64, approx: bool) -> String {
    format!("{}{:.0}%", if approx { "~" } else { "" }, v * 100.0)
}

fn quotes_section(cx: &Ctx, out: &mut String) {
    out.push_str("<section id=\"quotes\"><h2>Quotes</h2>\n");
    if cx.input.quotes.is_empty() {
        out.push_str("<p>No quotes found yet.</p></section>\n");
        return;
    }
    out.push_str("<table class=\"ev\"><thead><tr><th>speaker</th><th>cue</th><th>words</th><th>document</th></tr></thead><tbody>\n");
    for q in cx.input.quotes.iter().take(cx.limits.quotes) {
        let speaker = match &q.quote.speaker {
            Speaker::Actor(p) => format!("{} ({})", p.text, p.actor.code),
            Speaker::Unresolved { text, .. } => text.clone(),
        };
        let title = cx
            .input
            .documents
            .get(&q.doc)
            .and_then(|x| x.title.as_deref())
            .unwrap_or("(untitled)");
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"s\">{}{}</td><td class=\"d\">{}</td></tr>",
            escape(&speaker),
            escape(&q.quote.cue),
            if q.quote.style == "direct" { "“" } else { "" },
            escape(&q.quote.content) + if q.quote.style == "direct" { "”" } else { "" },
            escape(title)
        );
    }
    out.push_str("</tbody></table>\n");
    if cx.input.quotes.len() > cx.limits.quotes {
        let _ = writeln!(
            out,
            "<p class=\"m\">… and {} more.</p>",
            cx.input.quotes.len() - cx.limits.quotes
        );
    }
    out.push_str("</section>\n");
}

#[cfg(test)]
mod tests;
