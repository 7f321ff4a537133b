//! Store queries and exports: `search`, `events`, `actor`, `dyad`, `quotes`, `facts`, `export`, `recode`.

mod export;
#[cfg(feature = "parquet")]
mod parquet;

use crate::{load_lexicon, open_existing, LexArgs, OutFormat};
use anyhow::{Context, Result};
use clap::{Subcommand, ValueEnum};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use store::{EventFilter, EventRow};

#[derive(Subcommand)]
pub enum QueryCommand {
    /// Full-text search over stored sentences (stemmed: "line" finds "lines").
    #[command(
        after_help = "Examples:\n  entente search --db news.db \"red lines\"\n  entente search '\"red lines\" OR ultimatum' --format json"
    )]
    Search {
        /// Words (all must occur), or an FTS5 query with \"phrases\", OR, NOT, NEAR, prefix*.
        query: String,
        #[arg(long, default_value = "entente.db")]
        db: PathBuf,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = OutFormat::Table)]
        format: OutFormat,
    },
    /// List coded events (one line per mention, with its sentence), newest first.
    #[command(
        after_help = "Examples:\n  entente events --db news.db --actor ISR --root 04\n  entente events --dyad ISR TUR --from 2025-04-01 --to 2025-04-30 --format csv\n  entente events --plover CONSULT --modality planned --text \"summit\""
    )]
    Events {
        #[arg(long, default_value = "entente.db")]
        db: PathBuf,
        /// Source or target code starts with this (ISR, ISRGOV, IGOUNO).
        #[arg(long)]
        actor: Option<String>,
        /// Events between two actors, in either direction.
        #[arg(long, num_args = 2, value_names = ["A", "B"])]
        dyad: Option<Vec<String>>,
        /// CAMEO root or code prefix (04, 042).
        #[arg(long)]
        root: Option<String>,
        /// PLOVER event type (CONSULT, ACCUSE...).
        #[arg(long)]
        plover: Option<String>,
        #[arg(long, value_parser = ["asserted", "planned", "hypothetical", "negated"])]
        modality: Option<String>,
        /// Earliest event date, YYYY-MM-DD.
        #[arg(long, value_parser = crate::parse_day)]
        from: Option<chrono::NaiveDate>,
        /// Latest event date, YYYY-MM-DD.
        #[arg(long, value_parser = crate::parse_day)]
        to: Option<chrono::NaiveDate>,
        /// Words the event's sentence contains (full-text search).
        #[arg(long)]
        text: Option<String>,
        #[arg(long, default_value_t = 100)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = OutFormat::Table)]
        format: OutFormat,
    },
    /// Profile of an actor or country: names over time, partners, recent events, quotes, facts.
    #[command(
        after_help = "Examples:\n  entente actor --db news.db AZE\n  entente actor ISRGOV --format json | jq .partners"
    )]
    Actor {
        /// Actor code or prefix; three letters stand for the whole country.
        code: String,
        #[arg(long, default_value = "entente.db")]
        db: PathBuf,
        /// How many recent events to list.
        #[arg(long, default_value_t = 10)]
        recent: usize,
        /// `csv` prints the partners table.
        #[arg(long, value_enum, default_value_t = OutFormat::Table)]
        format: OutFormat,
    },
    /// Relations between two actors: counts by quad class, both directions, monthly timeline.
    #[command(
        after_help = "Examples:\n  entente dyad --db news.db ISR TUR\n  entente dyad ISR TUR --format json | jq '.timeline[]'"
    )]
    Dyad {
        a: String,
        b: String,
        #[arg(long, default_value = "entente.db")]
        db: PathBuf,
        /// `csv` prints the monthly timeline.
        #[arg(long, value_enum, default_value_t = OutFormat::Table)]
        format: OutFormat,
    },
    /// Export the store: JSON lines, GDELT 2.0 events, PLOVER, GraphML, GEXF, CSV or Parquet.
    #[command(
        after_help = "Examples:\n  entente export --db news.db --format gdelt --out events.tsv\n  entente export --format graphml --out actors.graphml\n  entente export --format parquet --out events/   # needs --features parquet"
    )]
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Output file (`-` for standard output); a directory for parquet.
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value = "entente.db")]
        db: PathBuf,
    },
    /// List stored quotes, optionally by one speaker (actor code prefix, or part of a name).
    #[command(
        after_help = "Examples:\n  entente quotes --db news.db --speaker Schnayer\n  entente quotes --speaker ISRGOV --format json"
    )]
    Quotes {
        #[arg(long, default_value = "entente.db")]
        db: PathBuf,
        #[arg(long)]
        speaker: Option<String>,
        #[arg(long, default_value_t = 200)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = OutFormat::Table)]
        format: OutFormat,
    },
    /// List stored quantitative facts (shares, stakes, money, casualties), optionally for one actor.
    #[command(
        after_help = "Examples:\n  entente facts --db news.db --actor AZE\n  entente facts --measure import_share --format csv"
    )]
    Facts {
        #[arg(long, default_value = "entente.db")]
        db: PathBuf,
        /// Holder or counterpart code starts with this (AZE, AZEBUS).
        #[arg(long)]
        actor: Option<String>,
        /// Only this measure (import_share, supply_share, stake, money, killed, ...).
        #[arg(long)]
        measure: Option<String>,
        #[arg(long, default_value_t = 200)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = OutFormat::Table)]
        format: OutFormat,
    },
    /// Re-code every stored document from its stored text with the current lexicons.
    #[command(
        after_help = "Examples:\n  entente recode --db news.db\n  entente recode --db news.db --lexicon my-lexicon/"
    )]
    Recode {
        #[arg(long, default_value = "entente.db")]
        db: PathBuf,
        #[command(flatten)]
        lex: LexArgs,
    },
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Debug)]
pub enum ExportFormat {
    /// Every record, as `entente code` prints it.
    Jsonl,
    /// The GDELT 2.0 event table: 61 tab-separated columns, one row per deduplicated event.
    Gdelt,
    /// One PLOVER JSON object per event mention.
    Plover,
    /// The country-level actor graph.
    Graphml,
    /// The country-level actor graph.
    Gexf,
    /// Event mentions.
    Csv,
    /// Event mentions, partitioned by month (PATH/month=YYYY-MM/part-0.parquet).
    Parquet,
}

pub fn run(cmd: QueryCommand) -> Result<ExitCode> {
    match cmd {
        QueryCommand::Search {
            query,
            db,
            limit,
            format,
        } => {
            let store = open_existing(&db)?;
            let hits = store.search(&query, limit)?;
            print_rows(&hits, format, |out, hits| {
                for h in hits {
                    writeln!(
                        out,
                        "{:<16} [{:>3}] {}  {}",
                        h.doc,
                        h.sentence,
                        h.date,
                        one_line(&h.snippet)
                    )?;
                }
                Ok(())
            })?;
            Ok(if hits.is_empty() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        QueryCommand::Events {
            db,
            actor,
            dyad,
            root,
            plover,
            modality,
            from,
            to,
            text,
            limit,
            format,
        } => {
            let store = open_existing(&db)?;
            let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
            let filter = EventFilter {
                actor,
                dyad: dyad.and_then(|v| match v.as_slice() {
                    [a, b] => Some((a.clone(), b.clone())),
                    _ => None,
                }),
                root,
                plover,
                modality,
                from: day(from),
                to: day(to),
                text,
                limit: Some(limit),
            };
            let rows = store.events(&filter)?;
            print_rows(&rows, format, |out, rows| event_table(out, rows))?;
            Ok(ExitCode::SUCCESS)
        }
        QueryCommand::Actor {
            code,
            db,
            recent,
            format,
        } => {
            let store = open_existing(&db)?;
            let p = store.actor_profile(&code, recent)?;
            print_report(
                &p,
                format,
                |mut out, p| csv_rows(&mut out, &p.partners),
                |mut out, p| actor_table(&mut out, p),
            )?;
            Ok(if p.mentions == 0 && p.events == 0 {
                eprintln!("entente: no stored mention or event of {code}");
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        QueryCommand::Dyad { a, b, db, format } => {
            let store = open_existing(&db)?;
            let d = store.dyad(&a, &b)?;
            print_report(
                &d,
                format,
                |mut out, d| dyad_csv(&mut out, d),
                |mut out, d| dyad_table(&mut out, d),
            )?;
            Ok(ExitCode::SUCCESS)
        }
        QueryCommand::Export { format, out, db } => {
            let store = open_existing(&db)?;
            export::run(&store, format, &out)
        }
        QueryCommand::Recode { db, lex } => recode(&db, &lex),
        QueryCommand::Quotes {
            db,
            speaker,
            limit,
            format,
        } => {
            let rows = open_existing(&db)?.quotes(speaker.as_deref(), limit)?;
            print_rows(&rows, format, |out, rows| {
                for q in rows {
                    writeln!(
                        out,
                        "{} {} [{}] {} ({}) {}: {}",
                        q.date,
                        q.doc,
                        q.sentence,
                        q.speaker,
                        q.speaker_code.as_deref().unwrap_or("-"),
                        q.cue,
                        clip(&one_line(&q.content), 160)
                    )?;
                }
                Ok(())
            })?;
            Ok(ExitCode::SUCCESS)
        }
        QueryCommand::Facts {
            db,
            actor,
            measure,
            limit,
            format,
        } => {
            let rows = open_existing(&db)?.facts(actor.as_deref(), measure.as_deref(), limit)?;
            print_rows(&rows, format, |out, rows| {
                for f in rows {
                    writeln!(
                        out,
                        "{} {} [{}] {:<14} {:>10} {:<8} holder={} counterpart={} {}{}",
                        f.date,
                        f.doc,
                        f.sentence,
                        f.measure,
                        f.value,
                        f.unit,
                        f.holder.as_deref().unwrap_or("-"),
                        f.counterpart.as_deref().unwrap_or("-"),
                        f.commodity.as_deref().unwrap_or(""),
                        f.period
                            .as_deref()
                            .map(|p| format!(" period={p}"))
                            .unwrap_or_default()
                    )?;
                }
                Ok(())
            })?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Snippets and sentences keep their line breaks in the store, not in a table.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn clip(s: &str, max: usize) -> String {
    let s = one_line(s);
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}

/// Rows to stdout as JSON lines, CSV, or the command's own table.
fn print_rows<T: serde::Serialize>(
    rows: &[T],
    format: OutFormat,
    table: impl FnOnce(&mut dyn Write, &[T]) -> Result<()>,
) -> Result<()> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    match format {
        OutFormat::Json => json_lines(&mut out, rows)?,
        OutFormat::Csv => csv_rows(&mut out, rows)?,
        OutFormat::Table => table(&mut out, rows)?,
    }
    out.flush()?;
    Ok(())
}

/// One report to stdout: the whole as pretty JSON, its main list as CSV, or
/// the command's own table.
fn print_report<T: serde::Serialize>(
    report: &T,
    format: OutFormat,
    csv: impl FnOnce(&mut dyn Write, &T) -> Result<()>,
    table: impl FnOnce(&mut dyn Write, &T) -> Result<()>,
) -> Result<()> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    match format {
        OutFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(report)?)?,
        OutFormat::Csv => csv(&mut out, report)?,
        OutFormat::Table => table(&mut out, report)?,
    }
    out.flush()?;
    Ok(())
}

/// A dyad's monthly timeline as CSV.
fn dyad_csv(out: &mut impl Write, d: &store::DyadReport) -> Result<()> {
    writeln!(out, "month,events,verbal_cooperation,material_cooperation,verbal_conflict,material_conflict,mean_goldstein")?;
    for m in &d.timeline {
        let q = &m.quad_classes;
        writeln!(
            out,
            "{},{},{},{},{},{},{}",
            m.month,
            m.events,
            q.verbal_cooperation,
            q.material_cooperation,
            q.verbal_conflict,
            q.material_conflict,
            m.mean_goldstein
        )?;
    }
    Ok(())
}

fn json_lines<T: serde::Serialize>(out: &mut impl Write, rows: &[T]) -> Result<()> {
    for r in rows {
        serde_json::to_writer(&mut *out, r)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn csv_rows<T: serde::Serialize>(out: &mut impl Write, rows: &[T]) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    for r in rows {
        w.serialize(r)?;
    }
    w.flush()?;
    Ok(())
}

fn event_table(out: &mut (impl Write + ?Sized), rows: &[EventRow]) -> Result<()> {
    for e in rows {
        writeln!(
            out,
            "{:<10} {:>9} -> {:<9} {:<4} {:<10} {:<9} {:>+5.1} {:>2} art  {}[{}]  {}",
            e.date,
            e.source_code,
            e.target_code,
            e.cameo,
            e.plover,
            e.modality,
            e.goldstein,
            e.num_articles,
            e.doc,
            e.sentence,
            clip(&e.text, 100)
        )?;
    }
    Ok(())
}

fn actor_table(out: &mut impl Write, p: &store::ActorProfile) -> Result<()> {
    writeln!(
        out,
        "{}: {} mentions in {} documents, {} events",
        p.actor, p.mentions, p.documents, p.events
    )?;
    writeln!(out, "\nnames and roles")?;
    for n in &p.names {
        writeln!(
            out,
            "  {:<30} {:<10} {:<6} {} .. {}  {} mentions",
            n.name,
            n.code,
            n.role.as_deref().unwrap_or("-"),
            n.first,
            n.last,
            n.mentions
        )?;
    }
    writeln!(
        out,
        "\npartners (events, cooperation, conflict, mean Goldstein)"
    )?;
    for x in &p.partners {
        writeln!(
            out,
            "  {:<8} {:>4} {:>4} {:>4} {:>+6.2}",
            x.code, x.events, x.cooperation, x.conflict, x.mean_goldstein
        )?;
    }
    writeln!(out, "\nrecent events")?;
    let mut buf = Vec::new();
    event_table(&mut buf, &p.recent_events)?;
    for line in String::from_utf8_lossy(&buf).lines() {
        writeln!(out, "  {line}")?;
    }
    for (title, quotes) in [
        ("quotes by", &p.quotes_by),
        ("quotes about", &p.quotes_about),
    ] {
        writeln!(out, "\n{title}")?;
        for q in quotes {
            writeln!(
                out,
                "  {} {}[{}] {}: {}",
                q.date,
                q.doc,
                q.sentence,
                q.speaker,
                clip(&q.content, 100)
            )?;
        }
    }
    writeln!(out, "\nfacts")?;
    for f in &p.facts {
        writeln!(
            out,
            "  {} {}[{}] {} {} {} holder {} counterpart {}",
            f.date,
            f.doc,
            f.sentence,
            f.measure,
            f.value,
            f.unit,
            f.holder.as_deref().unwrap_or("-"),
            f.counterpart.as_deref().unwrap_or("-")
        )?;
    }
    Ok(())
}

fn dyad_table(out: &mut impl Write, d: &store::DyadReport) -> Result<()> {
    let g = |m: Option<f64>| m.map_or("-".to_string(), |m| format!("{m:+.2}"));
    writeln!(
        out,
        "{} - {}: {} events ({} mentions), mean Goldstein {}",
        d.a,
        d.b,
        d.events,
        d.mentions,
        g(d.mean_goldstein)
    )?;
    writeln!(
        out,
        "{:<14} {:>6} {:>6} {:>6} {:>6} {:>6} {:>7}",
        "", "events", "vcoop", "mcoop", "vconf", "mconf", "mean"
    )?;
    for (label, dir) in [
        (format!("{} -> {}", d.a, d.b), &d.a_to_b),
        (format!("{} -> {}", d.b, d.a), &d.b_to_a),
    ] {
        let q = &dir.quad_classes;
        writeln!(
            out,
            "{:<14} {:>6} {:>6} {:>6} {:>6} {:>6} {:>7}",
            label,
            dir.events,
            q.verbal_cooperation,
            q.material_cooperation,
            q.verbal_conflict,
            q.material_conflict,
            g(dir.mean_goldstein)
        )?;
    }
    writeln!(out, "\ntimeline")?;
    for m in &d.timeline {
        let q = &m.quad_classes;
        writeln!(
            out,
            "{:<14} {:>6} {:>6} {:>6} {:>6} {:>6} {:>+7.2}",
            m.month,
            m.events,
            q.verbal_cooperation,
            q.material_cooperation,
            q.verbal_conflict,
            q.material_conflict,
            m.mean_goldstein
        )?;
    }
    Ok(())
}

fn recode(db: &std::path::Path, lex: &LexArgs) -> Result<ExitCode> {
    let mut store = open_existing(db)?;
    let lexicon = load_lexicon(lex)?;
    let pipeline = crate::pipeline::Pipeline::new(&lexicon)?;
    let before = store.counts()?;
    let ids = store.document_ids()?;
    let t = std::time::Instant::now();
    let mut failed = 0usize;
    for id in &ids {
        let doc = store
            .document(id)
            .with_context(|| format!("reading stored document {id}"))?;
        let coded = pipeline.code(doc);
        for d in &coded.diagnostics {
            crate::report(d);
        }
        if let Err(e) = store.replace_records(&coded) {
            eprintln!("entente: error: document {id}: {e}");
            failed += 1;
        }
    }
    let after = store.counts()?;
    eprintln!(
        "entente: recoded {} document(s) in {:.1} s{}; mentions {} -> {}, events {} -> {}, event groups {} -> {}, quotes {} -> {}, facts {} -> {}",
        ids.len() - failed,
        t.elapsed().as_secs_f64(),
        if failed > 0 { format!(" ({failed} failed)") } else { String::new() },
        before.mentions,
        after.mentions,
        before.events,
        after.events,
        before.event_groups,
        after.event_groups,
        before.quotes,
        after.quotes,
        before.facts,
        after.facts
    );
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
