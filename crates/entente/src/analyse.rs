//! Network analysis commands: `brokers`, `blocs`, `dependencies`, `network`, `report`.
//!
//! Reads events, facts and quotes from the store, hands them to the pure
//! `analysis` and `report` crates, and prints or writes what they return.

use crate::list::{note_left_out, print_list, stdout, ListArgs, OutFormat};
use crate::table::Table;
use crate::DbArg;
use anyhow::{Context, Result};
use clap::{Args, Subcommand, ValueEnum};
use model::{Event, Fact, Quote};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum AnalyseCommand {
    /// Who sits on the shortest cooperation paths: overall (betweenness) or between two actors.
    #[command(
        after_help = "Examples:\n  entente brokers --db examples.db\n  entente brokers --db news.db --between Israel Turkey --format json\n  entente brokers --limit 5\n\nRoles (Gould and Fernandez), counted over the pairs each broker links: coordinator (all three in one bloc),\nitinerant (the two in one bloc, the broker outside), representative (the broker in the source's bloc),\ngatekeeper (the broker in the target's bloc), liaison (all three in different blocs)."
    )]
    Brokers {
        /// Rank the brokers between these two actors, by code or name (pair dependency: the share of shortest cooperation paths through each).
        #[arg(long, num_args = 2, value_names = ["A", "B"])]
        between: Option<Vec<String>>,
        #[command(flatten)]
        common: Common,
    },
    /// Blocs: Louvain communities of the cooperation network, with modularity.
    #[command(
        after_help = "Examples:\n  entente blocs --db examples.db\n  entente blocs --db examples.db --format json"
    )]
    Blocs {
        #[command(flatten)]
        common: Common,
    },
    /// Who depends on whom for what (import, supply and stake shares), with exchanges such as arms for oil.
    #[command(
        after_help = "Examples:\n  entente dependencies --db examples.db\n  entente dependencies --db examples.db --format csv"
    )]
    Dependencies {
        #[command(flatten)]
        common: Common,
    },
    /// The actor network: nodes with betweenness and bloc, dyads with event counts and Goldstein sums.
    #[command(
        after_help = "Examples:\n  entente network --db examples.db\n  entente network --db news.db --format json | jq '.edges[] | select(.mean_goldstein < 0)'\n\nThe list is the dyads, most events first; json prints the whole network with its nodes."
    )]
    Network {
        #[command(flatten)]
        common: Common,
    },
    /// Write one self-contained HTML page: network, dyad timelines, brokers, blocs, dependencies, quotes, with the sentences behind every figure.
    #[command(after_help = "Example:\n  entente report --db examples.db --out report.html")]
    Report {
        #[command(flatten)]
        db: DbArg,
        /// The HTML file to write.
        #[arg(long, default_value = "report.html", value_name = "FILE")]
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
    #[command(flatten)]
    db: DbArg,
    #[command(flatten)]
    list: ListArgs,
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
    #[command(flatten)]
    review: crate::query::ReviewArg,
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
pub enum LevelArg {
    Country,
    Actor,
}

pub fn run(cmd: AnalyseCommand) -> Result<ExitCode> {
    match cmd {
        AnalyseCommand::Brokers { between, common } => brokers(&common, between.as_deref()),
        AnalyseCommand::Blocs { common } => blocs(&common),
        AnalyseCommand::Dependencies { common } => dependencies(&common),
        AnalyseCommand::Network { common } => network(&common),
        AnalyseCommand::Report {
            db,
            out,
            title,
            net,
        } => report(&db.db, &out, title, net),
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

fn load(store: &store::Store, with_quotes: bool, include_rejected: bool) -> Result<Loaded> {
    let mut out = Loaded::default();
    // Analysts' votes apply: rejected events leave, corrections replace the coding.
    let (events, bad) = store.reviewed_events(include_rejected)?;
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
    let store = super::open_existing(&common.db.db)?;
    let loaded = load(&store, false, common.net.review.include_rejected)?;
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

/// One broker, as every format prints it.
#[derive(Serialize)]
struct BrokerRow<'a> {
    actor: &'a str,
    name: Option<&'a str>,
    /// Pair dependency with --between, else normalised betweenness.
    score: f64,
    betweenness: f64,
    betweenness_normalised: f64,
    bloc: usize,
    coordinator: usize,
    itinerant: usize,
    representative: usize,
    gatekeeper: usize,
    liaison: usize,
}

/// The node index of an actor argument (code or name) at the network's level.
fn node_of(a: &Analysed, store: &store::Store, input: &str) -> Result<Option<usize>> {
    let code = crate::resolve::actor(store, input)?.code;
    let key = match a.net.level {
        analysis::Level::Country => store::query::country_key(&code),
        analysis::Level::Actor => code,
    };
    let i = a.net.index(&key);
    if i.is_none() {
        eprintln!(
            "entente: warning: no stored cooperation names {key} at this level; `entente network` lists the actors"
        );
    }
    Ok(i)
}

fn brokers(common: &Common, between: Option<&[String]>) -> Result<ExitCode> {
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
            let store = super::open_existing(&common.db.db)?;
            match (node_of(&a, &store, x)?, node_of(&a, &store, y)?) {
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
    let rows: Vec<BrokerRow> = ranked
        .iter()
        .map(|&(i, score)| {
            let code = a.net.nodes[i].code.as_str();
            let r = roles[i];
            BrokerRow {
                actor: code,
                name: names.get(code).map(String::as_str),
                score,
                betweenness: a.cb[i],
                betweenness_normalised: norm[i],
                bloc: a.blocs.community[i],
                coordinator: r.coordinator,
                itinerant: r.itinerant,
                representative: r.representative,
                gatekeeper: r.gatekeeper,
                liaison: r.liaison,
            }
        })
        .collect();
    print_list(&rows, &common.list, |rows| {
        Table::of(
            rows,
            &[
                (">score", |b| format!("{:.3}", b.score)),
                ("actor", |b| b.actor.to_string()),
                ("name", |b| b.name.unwrap_or("-").to_string()),
                (">betweenness", |b| format!("{:.2}", b.betweenness)),
                (">bloc", |b| b.bloc.to_string()),
                (">coordinator", |b| b.coordinator.to_string()),
                (">itinerant", |b| b.itinerant.to_string()),
                (">representative", |b| b.representative.to_string()),
                (">gatekeeper", |b| b.gatekeeper.to_string()),
                (">liaison", |b| b.liaison.to_string()),
            ],
        )
    })?;
    if rows.is_empty() {
        eprintln!(
            "entente: no results: {}",
            if between.is_some() {
                "the two are unconnected in the cooperation network, or tied directly"
            } else {
                "no actor lies between two others in the cooperation network yet"
            }
        );
    } else {
        note_left_out(common.list.shown(rows.len()), rows.len());
    }
    Ok(ExitCode::SUCCESS)
}

/// One bloc: its members and the events among them.
#[derive(Serialize)]
struct BlocRow {
    bloc: usize,
    size: usize,
    events_inside: usize,
    /// Codes, `;`-separated in CSV.
    members: String,
}

fn blocs(common: &Common) -> Result<ExitCode> {
    let a = analyse(common)?;
    let names = country_names();
    let members = a.blocs.members();
    let rows: Vec<BlocRow> = members
        .iter()
        .enumerate()
        .map(|(c, m)| BlocRow {
            bloc: c,
            size: m.len(),
            events_inside: m
                .iter()
                .enumerate()
                .flat_map(|(k, &x)| m[k + 1..].iter().map(move |&y| (x, y)))
                .filter_map(|(x, y)| a.net.tie(x, y))
                .map(|t| t.stats.events)
                .sum(),
            members: m
                .iter()
                .map(|&v| a.net.nodes[v].code.as_str())
                .collect::<Vec<_>>()
                .join(";"),
        })
        .collect();
    let shown = common.list.shown(rows.len());
    if common.list.format == OutFormat::Json {
        // The modularity belongs to the whole partition: one object.
        let blocs: Vec<serde_json::Value> = rows[..shown]
            .iter()
            .map(|b| {
                serde_json::json!({
                    "bloc": b.bloc,
                    "members": b.members.split(';').collect::<Vec<_>>(),
                    "events_inside": b.events_inside,
                })
            })
            .collect();
        let v = serde_json::json!({"modularity": a.blocs.modularity, "blocs": blocs});
        writeln!(stdout(), "{}", serde_json::to_string_pretty(&v)?)?;
    } else {
        if common.list.format == OutFormat::Table && !rows.is_empty() {
            println!("modularity {:.3}", a.blocs.modularity);
        }
        print_list(&rows, &common.list, |rows| {
            let mut t = Table::new(&[">bloc", ">size", ">events inside", "members"]);
            for b in rows {
                let list: Vec<String> = b
                    .members
                    .split(';')
                    .map(|code| match names.get(code) {
                        Some(n) => format!("{code} ({n})"),
                        None => code.to_string(),
                    })
                    .collect();
                t.row(vec![
                    b.bloc.to_string(),
                    b.size.to_string(),
                    b.events_inside.to_string(),
                    list.join(", "),
                ]);
            }
            t
        })?;
    }
    note_left_out(shown, rows.len());
    Ok(ExitCode::SUCCESS)
}

/// One dependency, as every format prints it.
#[derive(Serialize)]
struct DependencyRow<'a> {
    holder: &'a str,
    counterpart: &'a str,
    counterpart_is_actor: bool,
    commodity: Option<&'a str>,
    asset: Option<&'a str>,
    measure: &'a str,
    value: f64,
    approx: bool,
    period: Option<&'a str>,
    exchange: bool,
    doc: Option<&'a str>,
}

fn dependencies(common: &Common) -> Result<ExitCode> {
    let store = super::open_existing(&common.db.db)?;
    let loaded = load(&store, false, common.net.review.include_rejected)?;
    let level = common.net.config().level;
    let deps = analysis::dependencies(loaded.facts.iter().map(|f| &f.1), level);
    let mutual = analysis::mutual_dependencies(&deps);
    let in_exchange = |i: usize| mutual.iter().any(|&(x, y)| x == i || y == i);
    let rows: Vec<DependencyRow> = deps
        .iter()
        .enumerate()
        .map(|(i, d)| DependencyRow {
            holder: &d.holder,
            counterpart: &d.counterpart,
            counterpart_is_actor: d.counterpart_is_actor,
            commodity: d.commodity.as_deref(),
            asset: d.asset.as_deref(),
            measure: &d.measure,
            value: d.value,
            approx: d.approx,
            period: d.period.as_deref(),
            exchange: in_exchange(i),
            doc: loaded.facts.get(d.fact).map(|f| f.0.as_str()),
        })
        .collect();
    crate::list::show(&rows, &common.list, |rows| {
        Table::of(
            rows,
            &[
                ("holder", |d| d.holder.to_string()),
                ("depends on", |d| d.counterpart.to_string()),
                ("for", |d| {
                    d.commodity.or(d.asset).unwrap_or("-").to_string()
                }),
                (">share", |d| {
                    let approx = if d.approx { "~" } else { "" };
                    format!("{approx}{:.0}%", d.value * 100.0)
                }),
                ("measure", |d| d.measure.to_string()),
                ("period", |d| {
                    d.period.map_or("-".into(), report::human::time)
                }),
                ("exchange", |d| {
                    if d.exchange { "yes" } else { "" }.to_string()
                }),
            ],
        )
    })
}

/// One dyad of the network, as tables, CSV and JSON lines print it.
#[derive(Serialize)]
struct EdgeRow<'a> {
    source: &'a str,
    target: &'a str,
    events: usize,
    cooperation: f64,
    conflict: f64,
    mean_goldstein: f64,
    verbal_cooperation: usize,
    material_cooperation: usize,
    verbal_conflict: usize,
    material_conflict: usize,
}

fn network(common: &Common) -> Result<ExitCode> {
    let a = analyse(common)?;
    let mut ties: Vec<&analysis::Tie> = a.net.ties.iter().collect();
    ties.sort_by(|x, y| {
        y.stats
            .events
            .cmp(&x.stats.events)
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    let shown = common.list.shown(ties.len());
    if common.list.format == OutFormat::Json {
        network_json(&a, &ties[..shown])?;
        note_left_out(shown, ties.len());
        return Ok(ExitCode::SUCCESS);
    }
    let rows: Vec<EdgeRow> = ties
        .iter()
        .map(|t| {
            let s = &t.stats;
            EdgeRow {
                source: &a.net.nodes[t.a].code,
                target: &a.net.nodes[t.b].code,
                events: s.events,
                cooperation: s.cooperation,
                conflict: s.conflict,
                mean_goldstein: s.mean_goldstein(),
                verbal_cooperation: s.quad[0],
                material_cooperation: s.quad[1],
                verbal_conflict: s.quad[2],
                material_conflict: s.quad[3],
            }
        })
        .collect();
    if common.list.format == OutFormat::Table && !rows.is_empty() {
        println!(
            "{} actors, {} dyads from {} events ({} left out: no actor code on a side, or hypothetical)",
            a.net.nodes.len(),
            a.net.ties.len(),
            a.loaded.events.len(),
            a.net.skipped
        );
    }
    print_list(&rows, &common.list, |rows| {
        Table::of(
            rows,
            &[
                ("actor", |e| e.source.to_string()),
                ("actor", |e| e.target.to_string()),
                (">events", |e| e.events.to_string()),
                (">cooperation", |e| format!("{:.1}", e.cooperation)),
                (">conflict", |e| format!("{:.1}", e.conflict)),
                (">mean goldstein", |e| format!("{:+.2}", e.mean_goldstein)),
                (">verbal coop", |e| e.verbal_cooperation.to_string()),
                (">material coop", |e| e.material_cooperation.to_string()),
                (">verbal conflict", |e| e.verbal_conflict.to_string()),
                (">material conflict", |e| e.material_conflict.to_string()),
            ],
        )
    })?;
    note_left_out(shown, rows.len());
    Ok(ExitCode::SUCCESS)
}

/// The whole network as one JSON object: every node, the dyads shown, and their arcs.
fn network_json(a: &Analysed, ties: &[&analysis::Tie]) -> Result<()> {
    let names = country_names();
    let norm = analysis::paths::normalised(&a.cb);
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
    let kept = |x: usize, y: usize| {
        ties.iter()
            .any(|t| (t.a, t.b) == (x, y) || (t.a, t.b) == (y, x))
    };
    let edges: Vec<serde_json::Value> = ties.iter().map(|t| edge(t.a, t.b, &t.stats)).collect();
    let arcs: Vec<serde_json::Value> = a
        .net
        .arcs
        .iter()
        .filter(|t| kept(t.source, t.target))
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
    writeln!(stdout(), "{}", serde_json::to_string_pretty(&v)?)?;
    Ok(())
}

fn report(db: &Path, out_path: &Path, title: Option<String>, net: NetArgs) -> Result<ExitCode> {
    let store = super::open_existing(db)?;
    let loaded = load(&store, true, net.review.include_rejected)?;
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
    // The CAMEO codes in words, as the server's event rows show them.
    let cameo = events::cameo::CameoTable::builtin()?;
    let events: Vec<report::EventRow> = events
        .into_iter()
        .zip(docs)
        .zip(spans)
        .map(|((event, doc), span)| report::EventRow {
            sentence: cut(&doc, span),
            label: cameo
                .get(&event.cameo)
                .map(|c| c.name.clone())
                .unwrap_or_default(),
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
