//! Network analysis commands: `brokers`, `blocs`, `dependencies`, `network`, `report`.
//!
//! Reads events, facts and quotes from the store, hands them to the pure
//! `analysis` and `report` crates, and prints or writes what they return.

use anyhow::{Context, Result};
use clap::{Args, Subcommand, ValueEnum};
use model::{Event, Fact, Quote};
use std::collections::{BTreeMap, HashMap};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum AnalyseCommand {
    /// Who sits on the shortest cooperation paths: overall (betweenness) or between two actors.
    #[command(
        after_help = "Examples:\n  entente brokers --db news.db --between ISR TUR --format json\n  entente brokers --top 5"
    )]
    Brokers {
        /// Rank the brokers between these two actors (pair dependency: the share of shortest cooperation paths through each).
        #[arg(long, num_args = 2, value_names = ["A", "B"])]
        between: Option<Vec<String>>,
        /// How many to list.
        #[arg(long, default_value_t = 10)]
        top: usize,
        #[command(flatten)]
        common: Common,
    },
    /// Blocs: Louvain communities of the cooperation network, with modularity.
    #[command(after_help = "Example:\n  entente blocs --db news.db --format json")]
    Blocs {
        #[command(flatten)]
        common: Common,
    },
    /// Who depends on whom for what (import, supply and stake shares), with exchanges such as arms for oil.
    #[command(after_help = "Example:\n  entente dependencies --db news.db")]
    Dependencies {
        #[command(flatten)]
        common: Common,
    },
    /// The actor network: nodes with betweenness and bloc, dyads with event counts and Goldstein sums.
    #[command(
        after_help = "Example:\n  entente network --db news.db --format json | jq '.edges[] | select(.mean_goldstein < 0)'"
    )]
    Network {
        #[command(flatten)]
        common: Common,
    },
    /// Write one self-contained HTML page: network, dyad timelines, brokers, blocs, dependencies, quotes, with the sentences behind every figure.
    #[command(after_help = "Example:\n  entente report --db news.db --out report.html")]
    Report {
        #[arg(long, default_value = "entente.db")]
        db: PathBuf,
        #[arg(long, default_value = "report.html")]
        out: PathBuf,
        /// Page title.
        #[arg(long)]
        title: Option<String>,
        #[command(flatten)]
        net: NetArgs,
    },
}

#[derive(Args)]
pub struct Common {
    #[arg(long, default_value = "entente.db")]
    db: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    #[command(flatten)]
    net: NetArgs,
}

#[derive(Args, Clone, Copy)]
pub struct NetArgs {
    /// Nodes are countries (ISR, IGO...) or full actor codes (ISRGOV, AZEBUS).
    #[arg(long, value_enum, default_value_t = LevelArg::Country)]
    level: LevelArg,
    /// Count hypothetical events ("if the US decides to support ...") too.
    #[arg(long)]
    hypothetical: bool,
}

impl NetArgs {
    fn config(self) -> analysis::NetworkConfig {
        analysis::NetworkConfig {
            level: match self.level {
                LevelArg::Country => analysis::Level::Country,
                LevelArg::Actor => analysis::Level::Actor,
            },
            hypothetical: self.hypothetical,
            ..analysis::NetworkConfig::default()
        }
    }
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
pub enum Format {
    Table,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
pub enum LevelArg {
    Country,
    Actor,
}

pub fn run(cmd: AnalyseCommand) -> Result<ExitCode> {
    match cmd {
        AnalyseCommand::Brokers {
            between,
            top,
            common,
        } => brokers(&common, between.as_deref(), top),
        AnalyseCommand::Blocs { common } => blocs(&common),
        AnalyseCommand::Dependencies { common } => dependencies(&common),
        AnalyseCommand::Network { common } => network(&common),
        AnalyseCommand::Report {
            db,
            out,
            title,
            net,
        } => report(&db, &out, title, net),
    }
}

/// What the analysis reads from the store.
/// A stored fact with its document id and its sentence's `(start, end)`, when stored.
type LoadedFact = (String, Fact, Option<(usize, usize)>);

#[derive(Default)]
struct Loaded {
    /// Document id beside each event.
    docs: Vec<String>,
    events: Vec<Event>,
    /// `(start, end)` of each event's sentence, when stored.
    spans: Vec<Option<(usize, usize)>>,
    facts: Vec<LoadedFact>,
    quotes: Vec<(String, Quote)>,
    /// Rows whose JSON no longer parses (written by another version).
    bad_rows: usize,
}

fn load(store: &store::Store, with_quotes: bool) -> Result<Loaded> {
    let mut out = Loaded::default();
    let (events, bad) = store.stored::<Event>(store::RecordKind::Events)?;
    out.bad_rows += bad;
    for e in events {
        out.docs.push(e.doc);
        out.events.push(e.record);
        out.spans.push(e.sentence_span);
    }
    let (facts, bad) = store.stored::<Fact>(store::RecordKind::Facts)?;
    out.bad_rows += bad;
    out.facts = facts
        .into_iter()
        .map(|f| (f.doc, f.record, f.sentence_span))
        .collect();
    if with_quotes {
        let (quotes, bad) = store.stored::<Quote>(store::RecordKind::Quotes)?;
        out.bad_rows += bad;
        out.quotes = quotes.into_iter().map(|q| (q.doc, q.record)).collect();
    }
    if out.bad_rows > 0 {
        eprintln!(
            "entente: warning: {} stored records could not be read (stored by another entente version?); re-ingest with --replace",
            out.bad_rows
        );
    }
    Ok(out)
}

/// Country names from the built-in lexicon, for labels.
fn country_names() -> BTreeMap<String, String> {
    lexicon::Lexicon::builtin()
        .map(|lex| {
            lex.countries
                .iter()
                .map(|c| (c.code.clone(), c.name.clone()))
                .collect()
        })
        .unwrap_or_default()
}

struct Analysed {
    loaded: Loaded,
    net: analysis::Network,
    coop: analysis::WeightedGraph,
    cb: Vec<f64>,
    blocs: analysis::Partition,
}

fn analyse(common: &Common) -> Result<Analysed> {
    let store = super::open_existing(&common.db)?;
    let loaded = load(&store, false)?;
    let net = analysis::Network::from_events(&loaded.events, &common.net.config());
    let coop = net.cooperation_graph();
    let cb = analysis::betweenness(&coop);
    let blocs = analysis::louvain(&coop);
    Ok(Analysed {
        loaded,
        net,
        coop,
        cb,
        blocs,
    })
}

fn stdout() -> BufWriter<std::io::StdoutLock<'static>> {
    BufWriter::new(std::io::stdout().lock())
}

fn brokers(common: &Common, between: Option<&[String]>, top: usize) -> Result<ExitCode> {
    let a = analyse(common)?;
    let norm = analysis::paths::normalised(&a.cb);
    let arcs: Vec<(usize, usize)> = a
        .coop
        .adj
        .iter()
        .enumerate()
        .flat_map(|(x, n)| n.iter().map(move |&(y, _)| (x, y)))
        .collect();
    let roles = analysis::gould_fernandez(a.coop.len(), &arcs, &a.blocs.community);
    // (node, score) best first.
    let ranked: Vec<(usize, f64)> = match between {
        Some([x, y]) => {
            let find = |code: &str| {
                let code = code.trim().to_ascii_uppercase();
                let i = a.net.index(&code);
                if i.is_none() {
                    eprintln!(
                        "entente: warning: no stored event names {code} at this level; `entente network` lists the actors"
                    );
                }
                i
            };
            match (find(x), find(y)) {
                (Some(i), Some(j)) => analysis::brokers_between(&a.coop, i, j)
                    .into_iter()
                    .map(|b| (b.node, b.score))
                    .collect(),
                _ => Vec::new(),
            }
        }
        _ => {
            let mut r: Vec<(usize, f64)> = (0..a.cb.len())
                .filter(|&i| a.cb[i] > 0.0)
                .map(|i| (i, norm[i]))
                .collect();
            r.sort_by(|p, q| q.1.total_cmp(&p.1).then(p.0.cmp(&q.0)));
            r
        }
    };
    let names = country_names();
    let mut out = stdout();
    match common.format {
        Format::Json => {
            let items: Vec<serde_json::Value> = ranked
                .iter()
                .take(top)
                .map(|&(i, score)| {
                    let code = &a.net.nodes[i].code;
                    serde_json::json!({
                        "actor": code,
                        "name": names.get(code),
                        "score": score,
                        "betweenness": a.cb[i],
                        "betweenness_normalised": norm[i],
                        "bloc": a.blocs.community[i],
                        "roles": roles[i],
                    })
                })
                .collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&items)?)?;
        }
        Format::Table => {
            if ranked.is_empty() {
                writeln!(
                    out,
                    "{}",
                    if between.is_some() {
                        "no broker: the two are unconnected in the cooperation network, or tied directly"
                    } else {
                        "no actor lies between two others in the cooperation network yet"
                    }
                )?;
            }
            for &(i, score) in ranked.iter().take(top) {
                let code = &a.net.nodes[i].code;
                let r = roles[i];
                writeln!(
                    out,
                    "{score:>6.3}  {code:<8} {:<24} betweenness {:>7.2}  roles c{} i{} r{} g{} l{}",
                    names.get(code).map_or("", String::as_str),
                    a.cb[i],
                    r.coordinator,
                    r.itinerant,
                    r.representative,
                    r.gatekeeper,
                    r.liaison
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn blocs(common: &Common) -> Result<ExitCode> {
    let a = analyse(common)?;
    let names = country_names();
    let members = a.blocs.members();
    let mut out = stdout();
    match common.format {
        Format::Json => {
            let blocs: Vec<serde_json::Value> = members
                .iter()
                .enumerate()
                .map(|(c, m)| {
                    let internal: usize = m
                        .iter()
                        .enumerate()
                        .flat_map(|(k, &x)| m[k + 1..].iter().map(move |&y| (x, y)))
                        .filter_map(|(x, y)| a.net.tie(x, y))
                        .map(|t| t.stats.events)
                        .sum();
                    serde_json::json!({
                        "bloc": c,
                        "members": m.iter().map(|&v| &a.net.nodes[v].code).collect::<Vec<_>>(),
                        "events_inside": internal,
                    })
                })
                .collect();
            let v = serde_json::json!({"modularity": a.blocs.modularity, "blocs": blocs});
            writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        }
        Format::Table => {
            writeln!(out, "modularity {:.3}", a.blocs.modularity)?;
            for (c, m) in members.iter().enumerate() {
                let list: Vec<String> = m
                    .iter()
                    .map(|&v| {
                        let code = &a.net.nodes[v].code;
                        match names.get(code) {
                            Some(n) => format!("{code} ({n})"),
                            None => code.clone(),
                        }
                    })
                    .collect();
                writeln!(out, "bloc {c:>3}: {}", list.join(", "))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn dependencies(common: &Common) -> Result<ExitCode> {
    let store = super::open_existing(&common.db)?;
    let loaded = load(&store, false)?;
    let level = common.net.config().level;
    let deps = analysis::dependencies(loaded.facts.iter().map(|f| &f.1), level);
    let mutual = analysis::mutual_dependencies(&deps);
    let in_exchange = |i: usize| mutual.iter().any(|&(x, y)| x == i || y == i);
    let mut out = stdout();
    match common.format {
        Format::Json => {
            let items: Vec<serde_json::Value> = deps
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    let doc = loaded.facts.get(d.fact).map(|f| f.0.as_str());
                    serde_json::json!({
                        "holder": d.holder,
                        "counterpart": d.counterpart,
                        "counterpart_is_actor": d.counterpart_is_actor,
                        "commodity": d.commodity,
                        "asset": d.asset,
                        "measure": d.measure,
                        "value": d.value,
                        "approx": d.approx,
                        "period": d.period,
                        "exchange": in_exchange(i),
                        "doc": doc,
                    })
                })
                .collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&items)?)?;
        }
        Format::Table => {
            if deps.is_empty() {
                writeln!(out, "no import, supply or stake shares stored yet")?;
            }
            for (i, d) in deps.iter().enumerate() {
                writeln!(
                    out,
                    "{:<8} depends on {:<16} for {:<12} {}{:>4.0}%  {}{}",
                    d.holder,
                    d.counterpart,
                    d.commodity.as_deref().or(d.asset.as_deref()).unwrap_or("-"),
                    if d.approx { "~" } else { " " },
                    d.value * 100.0,
                    d.measure,
                    if in_exchange(i) { "  (exchange)" } else { "" }
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn network(common: &Common) -> Result<ExitCode> {
    let a = analyse(common)?;
    let names = country_names();
    let norm = analysis::paths::normalised(&a.cb);
    let mut out = stdout();
    let edge = |x: usize, y: usize, s: &analysis::DyadStats| {
        serde_json::json!({
            "source": a.net.nodes[x].code,
            "target": a.net.nodes[y].code,
            "events": s.events,
            "cooperation": s.cooperation,
            "conflict": s.conflict,
            "mean_goldstein": s.mean_goldstein(),
            "quad_class": s.quad,
        })
    };
    match common.format {
        Format::Json => {
            let nodes: Vec<serde_json::Value> = a
                .net
                .nodes
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    serde_json::json!({
                        "code": n.code,
                        "name": names.get(&n.code),
                        "events": n.events,
                        "sent": n.sent,
                        "received": n.received,
                        "betweenness": a.cb[i],
                        "betweenness_normalised": norm[i],
                        "bloc": a.blocs.community[i],
                    })
                })
                .collect();
            let edges: Vec<serde_json::Value> = a
                .net
                .ties
                .iter()
                .map(|t| edge(t.a, t.b, &t.stats))
                .collect();
            let arcs: Vec<serde_json::Value> = a
                .net
                .arcs
                .iter()
                .map(|t| edge(t.source, t.target, &t.stats))
                .collect();
            let v = serde_json::json!({
                "level": a.net.level,
                "events": a.loaded.events.len(),
                "skipped": a.net.skipped,
                "modularity": a.blocs.modularity,
                "nodes": nodes,
                "edges": edges,
                "arcs": arcs,
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        }
        Format::Table => {
            writeln!(
                out,
                "{} actors, {} dyads from {} events ({} left out)",
                a.net.nodes.len(),
                a.net.ties.len(),
                a.loaded.events.len(),
                a.net.skipped
            )?;
            let mut ties: Vec<&analysis::Tie> = a.net.ties.iter().collect();
            ties.sort_by(|x, y| {
                y.stats
                    .events
                    .cmp(&x.stats.events)
                    .then((x.a, x.b).cmp(&(y.a, y.b)))
            });
            for t in ties {
                let s = &t.stats;
                writeln!(
                    out,
                    "{:<8} {:<8} {:>4} events  coop {:>6.1}  conflict {:>6.1}  mean {:+.2}  quad {:?}",
                    a.net.nodes[t.a].code,
                    a.net.nodes[t.b].code,
                    s.events,
                    s.cooperation,
                    s.conflict,
                    s.mean_goldstein(),
                    s.quad
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn report(db: &Path, out_path: &Path, title: Option<String>, net: NetArgs) -> Result<ExitCode> {
    let store = super::open_existing(db)?;
    let loaded = load(&store, true)?;
    // Document texts, to cut the evidence sentences out of.
    let mut texts: HashMap<String, String> = HashMap::new();
    let mut documents = BTreeMap::new();
    for d in store.document_texts()? {
        documents.insert(
            d.id.clone(),
            report::DocInfo {
                title: d.title,
                date: d.date,
                url: d.url,
            },
        );
        texts.insert(d.id, d.text);
    }
    let cut = |doc: &str, span: Option<(usize, usize)>| -> String {
        span.and_then(|(s, e)| texts.get(doc)?.get(s..e))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    let Loaded {
        docs,
        events,
        spans,
        facts,
        quotes,
        ..
    } = loaded;
    let events: Vec<report::EventRow> = events
        .into_iter()
        .zip(docs)
        .zip(spans)
        .map(|((event, doc), span)| report::EventRow {
            sentence: cut(&doc, span),
            doc,
            event,
        })
        .collect();
    let facts = facts
        .into_iter()
        .map(|(doc, fact, span)| report::FactRow {
            sentence: cut(&doc, span),
            doc,
            fact,
        })
        .collect();
    let quotes = quotes
        .into_iter()
        .map(|(doc, quote)| report::QuoteRow { doc, quote })
        .collect();
    let input = report::Input {
        title: title.unwrap_or_else(|| "entente: the relations in the stored news".into()),
        events,
        facts,
        quotes,
        documents,
        names: country_names(),
        config: net.config(),
    };
    let html = report::render(&input);
    std::fs::write(out_path, html).with_context(|| format!("writing {}", out_path.display()))?;
    println!("{}", out_path.display());
    Ok(ExitCode::SUCCESS)
}
