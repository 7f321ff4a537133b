//! Store queries and exports: `search`, `events`, `actor`, `dyad`, `quotes`, `facts`, `export`, `recode`.

mod export;
#[cfg(feature = "parquet")]
mod parquet;

mod tables;

use crate::list::{self, csv_rows, print_report, ListArgs, OutFormat};
use crate::{load_lexicon, open_existing, resolve, DbArg, LexArgs};
use anyhow::{Context, Result};
use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;
use store::EventFilter;

#[derive(Subcommand)]
pub enum QueryCommand {
    /// Full-text search over stored sentences (stemmed: "talk" finds "talks").
    #[command(
        after_help = "Examples:\n  entente search --db examples.db \"Red Sea\"\n  entente search --db examples.db '\"security talks\" OR sanctions' --format json"
    )]
    Search {
        /// Words that must all occur, or an FTS5 query: "a phrase" in double quotes, OR, NOT, NEAR(a b), prefix*.
        query: String,
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        list: ListArgs,
    },
    /// List coded events (one line per mention, with its sentence), newest first.
    #[command(
        after_help = "Examples:\n  entente events --db examples.db --actor Azerbaijan --root 04\n  entente events --db examples.db --actor \"Ilham Aliyev\"\n  entente events --dyad ISR TUR --from 2025-03-01 --to 2025-03-31 --format csv\n  entente events --doc ex-1\n  entente events --plover CONSULT --modality asserted --text talks"
    )]
    Events {
        #[command(flatten)]
        db: DbArg,
        /// An actor by code or code prefix (ISR, ISRGOV, IGONAT) or by name (Israel, "Recep Tayyip Erdogan"): events it is the source or target of.
        #[arg(long, value_name = "ACTOR")]
        actor: Option<String>,
        /// Events between two actors (codes or names), in either direction.
        #[arg(long, num_args = 2, value_names = ["A", "B"])]
        dyad: Option<Vec<String>>,
        /// Only events coded from this document (its id or an unambiguous prefix, as `entente documents` lists).
        #[arg(long, value_name = "ID")]
        doc: Option<String>,
        /// CAMEO root or code prefix (04, 042); `entente help cameo` lists them.
        #[arg(long, value_name = "CODE")]
        root: Option<String>,
        /// PLOVER event type (CONSULT, ACCUSE...); `entente help plover` lists them.
        #[arg(long, value_name = "TYPE")]
        plover: Option<String>,
        /// Whether the event happened, is planned, hypothetical or denied.
        #[arg(long, value_parser = ["asserted", "planned", "hypothetical", "negated"])]
        modality: Option<String>,
        /// Earliest event date, YYYY-MM-DD.
        #[arg(long, value_parser = crate::parse_day, value_name = "DATE")]
        from: Option<chrono::NaiveDate>,
        /// Latest event date, YYYY-MM-DD.
        #[arg(long, value_parser = crate::parse_day, value_name = "DATE")]
        to: Option<chrono::NaiveDate>,
        /// Words the event's sentence contains (full-text search, as `entente search`).
        #[arg(long, value_name = "WORDS")]
        text: Option<String>,
        #[command(flatten)]
        review: ReviewArg,
        #[command(flatten)]
        list: ListArgs,
    },
    /// Profile of an actor or country: names over time, partners, recent events, quotes, facts.
    #[command(
        after_help = "Examples:\n  entente actor --db examples.db Aliyev\n  entente actor --db examples.db AZE\n  entente actor ISRGOV --format json | jq .partners"
    )]
    Actor {
        /// The actor: a code or code prefix (AZE, AZEGOV; three letters stand for the whole country) or a name (Azerbaijan, Aliyev).
        actor: String,
        #[command(flatten)]
        db: DbArg,
        /// How many recent events to list.
        #[arg(long, default_value_t = 10, value_name = "N")]
        recent: usize,
        #[command(flatten)]
        review: ReviewArg,
        /// Output format: table, json, jsonl (the profile on one line) or csv (the partners table).
        #[arg(long, value_enum, default_value_t = OutFormat::Table)]
        format: OutFormat,
    },
    /// Relations between two actors: counts by quad class, both directions, monthly timeline.
    #[command(
        after_help = "Examples:\n  entente dyad --db examples.db ISR TUR\n  entente dyad --db examples.db Israel Turkey\n  entente dyad ISR TUR --format json | jq '.timeline[]'"
    )]
    Dyad {
        /// The first actor: a code or code prefix (ISR, ISRGOV) or a name (Israel).
        a: String,
        /// The second actor, the same way (TUR, Turkey).
        b: String,
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        review: ReviewArg,
        /// Output format: table, json, jsonl (the report on one line) or csv (the monthly timeline).
        #[arg(long, value_enum, default_value_t = OutFormat::Table)]
        format: OutFormat,
    },
    /// Export the store: JSON lines, GDELT 2.0 events, PLOVER, GraphML, GEXF, CSV or Parquet.
    #[command(
        after_help = "Examples:\n  entente export --db examples.db --format gdelt --out events.tsv\n  entente export --format graphml --out actors.graphml\n  entente export --format parquet --out events/"
    )]
    Export {
        /// What to write.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Output file (`-` for standard output); a directory for parquet.
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        review: ReviewArg,
    },
    /// List stored quotes, optionally by one speaker.
    #[command(
        after_help = "Examples:\n  entente quotes --db examples.db\n  entente quotes --db examples.db --speaker Fidan\n  entente quotes --speaker TURGOV --format json"
    )]
    Quotes {
        #[command(flatten)]
        db: DbArg,
        /// Only quotes whose speaker's code starts with this (TURGOV) or whose speaker's name contains it, in any case (Fidan, spokesman).
        #[arg(long, value_name = "WHO")]
        speaker: Option<String>,
        #[command(flatten)]
        list: ListArgs,
    },
    /// List stored quantitative facts (shares, stakes, money, casualties), optionally for one actor.
    #[command(
        after_help = "Examples:\n  entente facts --db examples.db --actor Azerbaijan\n  entente facts --measure import_share --format csv"
    )]
    Facts {
        #[command(flatten)]
        db: DbArg,
        /// Facts whose holder or counterpart is this actor: a code or prefix (AZE, AZEBUS) or a name (Azerbaijan).
        #[arg(long, value_name = "ACTOR")]
        actor: Option<String>,
        /// Only this measure (import_share, supply_share, stake, money, killed, ...).
        #[arg(long)]
        measure: Option<String>,
        #[command(flatten)]
        list: ListArgs,
    },
    /// Re-code every stored document from its stored text with the current lexicons.
    #[command(
        after_help = "Examples:\n  entente recode --db examples.db\n  entente recode --db news.db --lexicon my-lexicon/"
    )]
    Recode {
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        lex: LexArgs,
        /// Threads to code on (default: every core). The result is the same for any number.
        #[arg(long, value_name = "N")]
        jobs: Option<usize>,
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

/// `--include-rejected`, the same on every command that reads events:
/// analysts' votes in `entente serve` apply everywhere unless it is given.
#[derive(Args, Clone, Copy, Default)]
pub struct ReviewArg {
    /// Count events analysts rejected (more down- than up-votes in `entente serve`) too; corrections apply either way.
    #[arg(long)]
    pub include_rejected: bool,
}

impl ReviewArg {
    /// The votes to apply to what the store reads.
    pub fn review(self, store: &store::Store) -> anyhow::Result<store::Review> {
        Ok(store.review(self.include_rejected)?)
    }
}

/// Every row a query can return: the CLI cuts the list itself, to say what it left out.
const ALL: usize = i64::MAX as usize;

pub fn run(cmd: QueryCommand) -> Result<ExitCode> {
    match cmd {
        QueryCommand::Search { query, db, list } => {
            let hits = open_existing(&db.db)?.search(&query, ALL)?;
            list::show(&hits, &list, tables::search)
        }
        QueryCommand::Events {
            db,
            actor,
            dyad,
            doc,
            root,
            plover,
            modality,
            from,
            to,
            text,
            review,
            list,
        } => {
            let store = open_existing(&db.db)?;
            let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
            let code = |a: &str| resolve::actor(&store, a).map(|r| r.code);
            let dyad = match dyad.as_deref() {
                Some([a, b]) => Some((code(a)?, code(b)?)),
                _ => None,
            };
            let filter = EventFilter {
                actor: actor.as_deref().map(code).transpose()?,
                dyad,
                doc: doc.map(|d| store.resolve_id(&d)).transpose()?,
                root,
                plover,
                modality,
                from: day(from),
                to: day(to),
                text,
                ..EventFilter::default()
            };
            let rows = store.reviewed_events_rows(&filter, &review.review(&store)?)?;
            list::show(&rows, &list, tables::events)
        }
        QueryCommand::Actor {
            actor,
            db,
            recent,
            review,
            format,
        } => {
            let store = open_existing(&db.db)?;
            let who = resolve::actor(&store, &actor)?;
            let p = store.reviewed_actor_profile(&who.code, recent, &review.review(&store)?)?;
            if p.mentions == 0 && p.events == 0 {
                // A known actor the database never names: no empty profile for people.
                eprintln!("entente: no results: nothing stored names {}", who.code);
                if format == OutFormat::Table {
                    return Ok(ExitCode::SUCCESS);
                }
            }
            print_report(
                &p,
                format,
                |out, p| csv_rows(out, &p.partners),
                |out, p| tables::actor(out, p, who.name.as_deref()),
            )?;
            Ok(ExitCode::SUCCESS)
        }
        QueryCommand::Dyad {
            a,
            b,
            db,
            review,
            format,
        } => {
            let store = open_existing(&db.db)?;
            let (a, b) = (resolve::actor(&store, &a)?, resolve::actor(&store, &b)?);
            let d = store.reviewed_dyad(&a.code, &b.code, &review.review(&store)?)?;
            if d.events == 0 {
                // Known actors with nothing between them: no table of zeros.
                eprintln!(
                    "entente: no results: no stored event between {} and {}",
                    d.a, d.b
                );
                if format == OutFormat::Table {
                    return Ok(ExitCode::SUCCESS);
                }
            }
            print_report(
                &d,
                format,
                |out, d| tables::dyad_csv(out, d),
                |out, d| tables::dyad(out, d),
            )?;
            Ok(ExitCode::SUCCESS)
        }
        QueryCommand::Export {
            format,
            out,
            db,
            review,
        } => {
            let store = open_existing(&db.db)?;
            export::run(&store, format, &out, &review.review(&store)?)
        }
        QueryCommand::Recode { db, lex, jobs } => recode(&db.db, &lex, jobs),
        QueryCommand::Quotes { db, speaker, list } => {
            let rows = open_existing(&db.db)?.quotes(speaker.as_deref(), ALL)?;
            list::show(&rows, &list, tables::quotes)
        }
        QueryCommand::Facts {
            db,
            actor,
            measure,
            list,
        } => {
            let store = open_existing(&db.db)?;
            let actor = actor
                .map(|a| resolve::actor(&store, &a).map(|r| r.code))
                .transpose()?;
            let rows = store.facts(actor.as_deref(), measure.as_deref(), ALL)?;
            list::show(&rows, &list, tables::facts)
        }
    }
}

fn recode(db: &std::path::Path, lex: &LexArgs, jobs: Option<usize>) -> Result<ExitCode> {
    let mut store = crate::open_existing_rw(db)?;
    // Stored texts are read on the reader thread through a connection of its own.
    let reader = crate::open_existing(db)?;
    let lexicon = load_lexicon(lex)?;
    let pipeline = crate::pipeline::Pipeline::new(&lexicon)?;
    let before = store.counts()?;
    let ids = store.document_ids()?;
    let t = std::time::Instant::now();
    let mut failed = 0usize;
    let mut batch: Vec<model::Coded> = Vec::new();
    // A failed batch is written again one document at a time, so one bad
    // document fails alone.
    let mut write = |batch: &mut Vec<model::Coded>| {
        let all: Vec<&model::Coded> = batch.iter().collect();
        if store.replace_many(&all).is_err() {
            for coded in &all {
                if let Err(e) = store.replace_records(coded) {
                    let id = coded.document.as_ref().map_or("", |d| d.id.as_str());
                    eprintln!("entente: error: document {id}: {e}");
                    failed += 1;
                }
            }
        }
        batch.clear();
    };
    crate::jobs::ordered_map(
        crate::jobs::resolve(jobs),
        {
            let ids = &ids;
            move |push: &mut dyn FnMut(Result<model::Document>) -> bool| {
                for id in ids {
                    let doc = reader
                        .document(id)
                        .with_context(|| format!("reading stored document {id}"));
                    if !push(doc) {
                        return;
                    }
                }
            }
        },
        |doc: Result<model::Document>| doc.map(|d| pipeline.code(d)),
        |coded: Result<model::Coded>| -> Result<()> {
            let coded = coded?;
            for d in &coded.diagnostics {
                crate::report(d);
            }
            batch.push(coded);
            if batch.len() >= crate::WRITE_BATCH {
                write(&mut batch);
            }
            Ok(())
        },
    )?;
    write(&mut batch);
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
