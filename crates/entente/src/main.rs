//! The `entente` command line: the only place that reads files and sockets.

#![forbid(unsafe_code)]

// Every stage builds many small strings and vectors per document; mimalloc
// halves the time glibc's allocator took (a fifth of `entente code`'s time).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod analyse;
mod bench;
mod inputs;
mod jobs;
mod list;
mod pipeline;
mod query;
mod resolve;
mod serve;
mod syntax_cmd;
mod table;
mod topics;
mod watch;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use ingest::Format;
use list::ListArgs;
use model::{Coded, Diagnostic, Severity};
use pipeline::Pipeline;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "entente",
    version,
    about = "Turns news articles into a provenance-backed knowledge graph of international relations.",
    disable_help_subcommand = true,
    after_help = topics::MAIN_AFTER_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code documents and print JSON lines (document, sentence, time, mention, diagnostic...) to standard output.
    #[command(
        after_help = "Examples:\n  entente code --date 2025-05-02 article.txt\n  cat feed.jsonl | entente code --input jsonl - | jq 'select(.kind==\"time\")'"
    )]
    Code {
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Code documents and store them in the database (idempotent: stored documents are skipped).
    #[command(
        after_help = "Examples:\n  entente ingest --db news.db articles/\n  entente ingest --date 2025-05-02 article.txt"
    )]
    Ingest {
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        db: DbArg,
        /// Re-code and replace documents that are already stored.
        #[arg(long)]
        replace: bool,
    },
    /// List stored documents, one line each.
    #[command(
        after_help = "Examples:\n  entente documents --db examples.db\n  entente documents --db examples.db --format csv --all"
    )]
    Documents {
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        list: ListArgs,
    },
    /// Print a stored document with its sentences, time expressions and actors marked.
    #[command(
        after_help = "Examples:\n  entente show --db examples.db ex-1\n  entente show --db examples.db 3dd5"
    )]
    Show {
        /// Document id, or an unambiguous prefix of it (`entente documents` lists them).
        doc: String,
        #[command(flatten)]
        db: DbArg,
    },
    /// List the actors named in stored documents, with mention and document counts.
    #[command(
        after_help = "Examples:\n  entente actors --db examples.db\n  entente actors --unknown --format csv --all > new-actors.csv   # candidates for a --lexicon file"
    )]
    Actors {
        #[command(flatten)]
        db: DbArg,
        /// Only actors discovered from the text (appositions, titles) that no lexicon knows.
        #[arg(long)]
        unknown: bool,
        #[command(flatten)]
        list: ListArgs,
    },
    /// Serve the database: a JSON API under /api/v1 and web pages to read, search and vote on events.
    #[command(
        after_help = "Examples:\n  entente serve --db news.db\n  ENTENTE_TOKEN=ana:s3cret entente serve --db news.db --addr 127.0.0.1:9000\n\nReads are open; writes (POST documents, votes) need the token: `Authorization: Bearer SECRET` on the API,\nthe login page in the browser."
    )]
    Serve(serve::ServeArgs),
    #[command(flatten)]
    Query(query::QueryCommand),
    #[command(flatten)]
    Analyse(analyse::AnalyseCommand),
    /// Score entente against annotated corpora (precision, recall, F1 tables).
    #[command(
        subcommand,
        after_help = "Examples:\n  entente eval timex ../shared/corpora/tempeval3-timeml/TBAQ-cleaned\n  entente eval judged ../shared/corpora\n\n`entente eval COMMAND --help` names each corpus; README \"Evaluation\" gives the figures."
    )]
    Eval(EvalCommand),
    /// Train the syntactic layer's models from a treebank (developers only: building and testing never train).
    #[command(
        subcommand,
        after_help = "Example:\n  entente train syntax --train ../shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu --out crates/syntax/data"
    )]
    Train(syntax_cmd::TrainCommand),
    /// Tag and parse plain text with the shipped syntactic models; prints CoNLL-U (what the event coder reads).
    #[command(
        after_help = "Examples:\n  echo 'Turkey urged Russia to accept the proposal.' | entente parse\n  entente parse article.txt"
    )]
    Parse {
        /// Plain-text files; none or - for standard input.
        paths: Vec<PathBuf>,
    },
    /// Measure `entente code` throughput over a corpus (documents/s, MB/s, sentences/s).
    #[command(
        after_help = "Examples:\n  entente bench ../shared/corpora/news-guardian-sdf-2019/Guardian_SDF_sample.csv\n  entente bench --repeat 3 articles/"
    )]
    Bench {
        /// A CSV with a `text` column (and optional `date`), or files and directories of articles.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Passes over the corpus.
        #[arg(long, default_value_t = 1, value_name = "N")]
        repeat: usize,
        /// Also code on N threads and report the speed-up over one, and whether the output is identical.
        #[arg(long, default_value_t = 1, value_name = "N")]
        jobs: usize,
        #[command(flatten)]
        lex: LexArgs,
    },
    /// Poll RSS/Atom feeds and article pages and store each new article once (conditional requests, per-host delay).
    #[command(
        after_help = "Examples:\n  entente watch --db news.db --every 15m https://example.org/world.rss\n  entente watch --db news.db --once https://example.org/world.rss   # one round, e.g. from cron"
    )]
    Watch(WatchArgs),
    /// Help on a command or a topic: records (the `code` stream), cameo, plover, times, exit-codes.
    #[command(
        after_help = "Examples:\n  entente help records\n  entente help cameo\n  entente help events\n  entente help eval timex"
    )]
    Help {
        /// A topic (records, cameo, plover, times, exit-codes) or a command (events, eval timex); none lists them.
        topic: Vec<String>,
    },
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  entente completions bash > ~/.local/share/bash-completion/completions/entente\n  entente completions zsh > ~/.zfunc/_entente\n  entente completions fish > ~/.config/fish/completions/entente.fish"
    )]
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Time expressions against TempEval-3 TimeML (detection P/R/F1 and value accuracy).
    #[command(
        after_help = "Example:\n  entente eval timex ../shared/corpora/tempeval3-timeml/TBAQ-cleaned"
    )]
    Timex {
        /// The TempEval-3 folder of TimeML files (TBAQ-cleaned).
        dir: PathBuf,
    },
    /// Precision on the judged sample: re-codes its documents and scores the events still coded as judged.
    #[command(
        after_help = "Examples:\n  entente eval judged ../shared/corpora\n  entente eval judged --list ../shared/corpora   # what changed since judging\n\nStrict: source, target, CAMEO family and modality all right; lenient forgives a wrong sector and a neighbouring family.\nThe judgements are crates/eval/data/judged.tsv (guide: crates/eval/data/JUDGING.md)."
    )]
    Judged {
        /// The folder holding news-guardian-sdf-2019 and news-agnews-test.
        corpora: PathBuf,
        /// List every judged event that changed or went, with its judgement.
        #[arg(long)]
        list: bool,
        /// A judged-sample file other than the built-in one.
        #[arg(long)]
        sample: Option<PathBuf>,
        /// Check events against the dependency parse.
        #[arg(long)]
        grammar: bool,
    },
    /// Event coding against RAMS news windows: a fitting CAMEO root in the trigger's sentence, and the right source.
    #[command(
        after_help = "Example:\n  entente eval rams ../shared/corpora/rams-dev/dev.jsonlines\n\nThe RAMS types CAMEO covers and their roots: crates/eval/data/rams_cameo.tsv."
    )]
    Rams {
        /// The RAMS JSON lines file (dev.jsonlines).
        file: PathBuf,
        /// Check events against the dependency parse.
        #[arg(long)]
        grammar: bool,
    },
    /// The shipped tagger and parser against CoNLL-U treebanks (UPOS, XPOS, UAS, LAS).
    #[command(
        after_help = "Example:\n  entente eval syntax ../shared/corpora/ud-english-ewt/en_ewt-ud-dev.conllu ../shared/corpora/ud-english-gum/en_gum-ud-dev.conllu"
    )]
    Syntax {
        /// CoNLL-U treebank files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Person/organisation/location mentions against CoNLL-2003 or Universal NER gold spans.
    #[command(
        after_help = "Example:\n  entente eval ner ../shared/corpora/conll2003-en/eng.testa"
    )]
    Ner {
        /// A file of BIO name tags: CoNLL-2003 (eng.testa) or Universal NER (.iob2).
        file: PathBuf,
        #[command(flatten)]
        lex: LexArgs,
    },
    /// People, organisations and places against the re3d gold entities (confidence at least 0.5).
    #[command(
        after_help = "Example:\n  entente eval re3d \"../shared/corpora/dstl-re3d/BBC Online\" \"../shared/corpora/dstl-re3d/Wikipedia\" \"../shared/corpora/dstl-re3d/UK Government\""
    )]
    Re3d {
        /// re3d folders, each with documents.json and entities.json.
        #[arg(required = true)]
        dirs: Vec<PathBuf>,
        #[command(flatten)]
        lex: LexArgs,
    },
    /// Event coding against the PLOVER gold records (event type, source/target country and sector).
    #[command(
        after_help = "Example:\n  entente eval plover ../shared/corpora/plover-gsr/PLOVER_GSR_CAMEO.json"
    )]
    Plover {
        /// The PLOVER gold records (PLOVER_GSR_CAMEO.json).
        file: PathBuf,
        /// Check events against the dependency parse.
        #[arg(long)]
        grammar: bool,
    },
    /// Event coding against ACLED notes: actor1's country as source with a fitting CAMEO root family.
    #[command(
        after_help = "Example:\n  entente eval acled ../shared/corpora/acled-global-2020-05/acled.csv"
    )]
    Acled {
        /// The ACLED export (acled.csv).
        file: PathBuf,
        /// Write the notes with no fitting event, and what was coded, as TSV.
        #[arg(long, value_name = "FILE")]
        misses: Option<PathBuf>,
        /// Check events against the dependency parse.
        #[arg(long)]
        grammar: bool,
    },
    /// Quote content spans and speakers against PolNeAR attributions (brat standoff).
    #[command(
        after_help = "Example:\n  entente eval quotes ../shared/corpora/polnear-attribution/dev"
    )]
    Quotes {
        /// A PolNeAR folder of brat standoff files (dev).
        dir: PathBuf,
    },
    /// Our casualty facts against ACLED's `fatalities` column, where the note states a number.
    #[command(
        after_help = "Example:\n  entente eval fatalities ../shared/corpora/acled-global-2020-05/acled.csv"
    )]
    Fatalities {
        /// The ACLED export (acled.csv).
        file: PathBuf,
    },
    /// How often an ACLED note's actor1 country is recognised in the note.
    #[command(
        name = "acled-actors",
        after_help = "Example:\n  entente eval acled-actors ../shared/corpora/acled-global-2020-05/acled.csv"
    )]
    AcledActors {
        /// The ACLED export (acled.csv).
        file: PathBuf,
        #[command(flatten)]
        lex: LexArgs,
    },
}

#[derive(Args)]
struct WatchArgs {
    /// Feeds (RSS, Atom, JSON Feed) and article pages to poll.
    #[arg(required = true, value_name = "URL")]
    urls: Vec<String>,
    #[command(flatten)]
    db: DbArg,
    /// Time between rounds (e.g. 90s, 15m, 2h).
    #[arg(long, default_value = "15m", value_parser = watch::parse_duration)]
    every: std::time::Duration,
    /// One round, then exit (for cron and tests); exit 1 when a URL failed.
    #[arg(long)]
    once: bool,
    /// The least time between two requests to one host.
    #[arg(long, default_value = "2s", value_parser = watch::parse_duration)]
    delay: std::time::Duration,
    /// The most one request may take, body included.
    #[arg(long, default_value = "30s", value_parser = watch::parse_duration)]
    timeout: std::time::Duration,
    /// Answers larger than this many bytes are refused.
    #[arg(long, default_value_t = 5_000_000)]
    max_bytes: usize,
    /// Store feed items as the feed gives them, without fetching their article pages.
    #[arg(long)]
    no_follow: bool,
    #[command(flatten)]
    lex: LexArgs,
}

#[derive(Args)]
struct ReadArgs {
    /// Files or directories to read; `-` for standard input.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Input format; by default from the file extension, else sniffed from the content.
    #[arg(long, value_parser = ["text", "html", "jsonl", "feed", "csv"])]
    input: Option<String>,
    #[command(flatten)]
    csv: CsvArgs,
    /// Date (YYYY-MM-DD) for documents whose metadata gives none.
    #[arg(long, value_parser = parse_day)]
    date: Option<NaiveDate>,
    /// Inputs larger than this many bytes are skipped with a message.
    #[arg(long, default_value_t = 20_000_000)]
    max_bytes: usize,
    /// Threads to code on (default: every core). Output is the same for any number.
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    #[command(flatten)]
    lex: LexArgs,
}

/// Which CSV columns hold what (`.csv` inputs, or `--input csv`): one document per row.
#[derive(Args, Clone, Default)]
struct CsvArgs {
    /// CSV: the column with the article text, by header name or number (1 = first) [default: text].
    #[arg(long, value_name = "COLUMN")]
    text_column: Option<String>,
    /// CSV: the column with the title [default: title, when present].
    #[arg(long, value_name = "COLUMN")]
    title_column: Option<String>,
    /// CSV: the column with the publication date [default: date, when present].
    #[arg(long, value_name = "COLUMN")]
    date_column: Option<String>,
    /// CSV: the column with a document id [default: id, when present; else an id from the content].
    #[arg(long, value_name = "COLUMN")]
    id_column: Option<String>,
    /// CSV: the column with the article's URL [default: url, when present].
    #[arg(long, value_name = "COLUMN")]
    url_column: Option<String>,
    /// CSV: the first row is data, not a header; name the columns by number.
    #[arg(long)]
    no_header: bool,
}

#[derive(Args, Clone, Default)]
struct LexArgs {
    /// A directory of lexicon files (same names and format as the built-in ones) that add or override entries.
    #[arg(long)]
    lexicon: Option<PathBuf>,
    /// A TABARI/PETRARCH actor or agent dictionary to import (repeatable), e.g. Phoenix.Countries.actors.txt.
    #[arg(long = "dictionary", value_name = "FILE")]
    dictionaries: Vec<PathBuf>,
    /// Check coded events against each sentence's dependency parse (roles, place vs actor,
    /// modality). More precise on news, about ten times slower; see README "Grammar check".
    #[arg(long)]
    grammar: bool,
    /// Keep conflict events in documents the topic model reads as sport, business or science
    /// (left out by default, each document counting them in a diagnostic).
    #[arg(long)]
    all_topics: bool,
}

/// `--db`, described the same on every command.
#[derive(Args, Clone)]
struct DbArg {
    /// The database file `entente ingest` writes and every query reads.
    #[arg(long, value_name = "FILE", default_value = "entente.db")]
    db: PathBuf,
}

/// A mistake in the command line (an unknown actor, document or database):
/// exit status 2, as for clap's own usage errors.
#[derive(Debug)]
struct UsageError(String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

fn usage(msg: &str) -> anyhow::Error {
    UsageError(msg.to_string()).into()
}

/// 2 for a usage error: ours, or a store error the user's argument caused
/// (no such document, a malformed search query); 1 for any other failure.
fn exit_status(e: &anyhow::Error) -> u8 {
    let is_usage = e.chain().any(|c| {
        c.is::<UsageError>()
            || matches!(
                c.downcast_ref::<store::StoreError>(),
                Some(
                    store::StoreError::NotFound(_)
                        | store::StoreError::Ambiguous { .. }
                        | store::StoreError::Search { .. }
                )
            )
    });
    if is_usage {
        2
    } else {
        1
    }
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a date like 2025-05-02"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // A reader that stopped early (`entente events | head`) is no failure.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("entente: error: {}", message(&e));
            ExitCode::from(exit_status(&e))
        }
    }
}

/// The error and its causes, each said once: libraries often repeat their
/// cause's text in their own, which `{:#}` would print twice.
fn message(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let s = cause.to_string();
        if out.contains(&s) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&s);
    }
    out
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Code { read } => code(&read),
        Command::Ingest { read, db, replace } => ingest_cmd(&read, &db.db, replace),
        Command::Documents { db, list } => documents(&db.db, &list),
        Command::Show { doc, db } => show(&db.db, &doc),
        Command::Actors { db, unknown, list } => actors_cmd(&db.db, unknown, &list),
        Command::Watch(w) => watch::command(&w),
        Command::Serve(args) => serve::run(args),
        Command::Help { topic } => topics::help(&topic),
        Command::Completions { shell } => topics::completions(shell),
        Command::Bench {
            paths,
            repeat,
            jobs,
            lex,
        } => bench::bench(&paths, repeat, jobs, &lex),
        Command::Eval(e) => eval_cmd(e),
        Command::Train(t) => syntax_cmd::run(t).map(|()| ExitCode::SUCCESS),
        Command::Parse { paths } => {
            let stdout = std::io::stdout();
            syntax_cmd::parse(&paths, &mut BufWriter::new(stdout.lock()))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Query(q) => query::run(q),
        Command::Analyse(a) => analyse::run(a),
    }
}

fn eval_cmd(e: EvalCommand) -> Result<ExitCode> {
    use eval::report;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match e {
        EvalCommand::Timex { dir } => {
            report::timex::run(&dir, &mut out)?;
        }
        EvalCommand::Plover { file, grammar } => {
            let lex = lexicon::Lexicon::builtin().context("loading the built-in lexicon")?;
            let pipe = Pipeline::new(&lex)?.with_grammar(grammar);
            report::events::run_plover(&file, &|d| pipe.code(d), &mut out)?
        }
        EvalCommand::Acled {
            file,
            misses,
            grammar,
        } => {
            let lex = lexicon::Lexicon::builtin().context("loading the built-in lexicon")?;
            let pipe = Pipeline::new(&lex)?.with_grammar(grammar);
            report::events::run_acled(&file, misses.as_deref(), &lex, &|d| pipe.code(d), &mut out)?
        }
        EvalCommand::Judged {
            corpora,
            list,
            sample,
            grammar,
        } => {
            let lex = lexicon::Lexicon::builtin().context("loading the built-in lexicon")?;
            let pipe = Pipeline::new(&lex)?.with_grammar(grammar);
            let sample = match sample {
                Some(p) => std::fs::read_to_string(&p)
                    .with_context(|| format!("{}: cannot read", p.display()))?,
                None => eval::judged::JUDGED.to_string(),
            };
            report::judged::run(&corpora, &sample, &|d| pipe.code(d), list, &mut out)?;
        }
        EvalCommand::Rams { file, grammar } => {
            let lex = lexicon::Lexicon::builtin().context("loading the built-in lexicon")?;
            let pipe = Pipeline::new(&lex)?.with_grammar(grammar);
            report::rams::run(&file, &|d| pipe.code(d), &mut out)?
        }
        EvalCommand::Syntax { files } => {
            let files: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
            report::syntax::run(&files, &mut out)?
        }
        EvalCommand::Quotes { dir } => report::quotes::run_polnear(&dir, &mut out)?,
        EvalCommand::Fatalities { file } => report::quotes::run_acled_fatalities(&file, &mut out)?,
        EvalCommand::Ner { file, lex } => {
            report::actors::run_ner(&file, &load_lexicon(&lex)?, &mut out)?
        }
        EvalCommand::Re3d { dirs, lex } => {
            let dirs: Vec<&Path> = dirs.iter().map(PathBuf::as_path).collect();
            report::actors::run_re3d(&dirs, &load_lexicon(&lex)?, &mut out)?
        }
        EvalCommand::AcledActors { file, lex } => {
            report::actors::run_acled_actors(&file, &load_lexicon(&lex)?, &mut out)?
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn load_lexicon(args: &LexArgs) -> Result<lexicon::Lexicon> {
    let mut lex = lexicon::Lexicon::builtin().context("built-in lexicon")?;
    if !args.dictionaries.is_empty() {
        let mut files = Vec::new();
        for p in &args.dictionaries {
            let bytes =
                std::fs::read(p).with_context(|| format!("--dictionary {}", p.display()))?;
            // TABARI-era dictionaries are often Latin-1: decode what decodes.
            files.push((
                p.display().to_string(),
                String::from_utf8_lossy(&bytes).into_owned(),
            ));
        }
        let diags = lex.import_petrarch(&files);
        if !diags.is_empty() {
            eprintln!(
                "entente: warning: {} dictionary line(s) skipped; first: {}{}",
                diags.len(),
                place(&diags[0]),
                diags[0].message
            );
        }
    }
    if let Some(dir) = args.lexicon.as_deref() {
        let mut files = Vec::new();
        let rd = std::fs::read_dir(dir).with_context(|| format!("--lexicon {}", dir.display()))?;
        for e in rd {
            let p = e?.path();
            if p.extension().and_then(|x| x.to_str()) == Some("tsv") {
                let name = p
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default()
                    .to_string();
                let text = std::fs::read_to_string(&p)
                    .with_context(|| format!("reading {}", p.display()))?;
                files.push((name, text));
            }
        }
        lex.overlay(&files)
            .with_context(|| format!("--lexicon {}", dir.display()))?;
    }
    Ok(lex)
}

fn options(read: &ReadArgs) -> ingest::Options {
    ingest::Options {
        default_date: read.date,
        today: chrono::Local::now().date_naive(),
        max_bytes: read.max_bytes,
        csv: ingest::CsvColumns {
            text: read.csv.text_column.clone(),
            title: read.csv.title_column.clone(),
            date: read.csv.date_column.clone(),
            id: read.csv.id_column.clone(),
            url: read.csv.url_column.clone(),
            no_header: read.csv.no_header,
        },
    }
}

/// Where a diagnostic points: `FILE:LINE: `, `FILE: ` or `document ID: `.
fn place(d: &Diagnostic) -> String {
    match (&d.file, d.line, &d.doc) {
        (Some(f), Some(l), _) => format!("{f}:{l}: "),
        (Some(f), None, _) => format!("{f}: "),
        (None, _, Some(doc)) => format!("document {doc}: "),
        _ => String::new(),
    }
}

fn report(d: &Diagnostic) {
    let place = place(d);
    let level = if d.severity == Severity::Error {
        "error"
    } else {
        "warning"
    };
    eprintln!("entente: {level}: {place}{}", d.message);
}

/// What coding one item gives the writer: the input's name, problems to
/// show, the finished document, records skipped, and a long document to
/// code in sections in its turn.
type Done<T> = (
    std::sync::Arc<str>,
    Option<Vec<Diagnostic>>,
    Option<T>,
    usize,
    Option<model::Document>,
);

/// One thing the reader passes on: a document to code, or what went wrong
/// reading an input.
enum Item {
    Doc(std::sync::Arc<str>, model::Document),
    Problems(std::sync::Arc<str>, Vec<Diagnostic>, usize),
}

/// Reads every input, codes each document on `--jobs` threads, and hands
/// each coded document (or diagnostic batch) to `sink` in input order,
/// after `finish` has turned it into what the sink wants (on the coding
/// threads, so serialising is parallel too). Returns how many inputs or
/// records were skipped. `wanted` decides, before the costly coding,
/// whether a document is coded at all (ingest skips documents already
/// stored); an unwanted one is passed on uncoded, so the sink can count it.
///
/// With `sections`, a document longer than `pipeline::SECTION` is coded a
/// section at a time on this thread as its turn comes (see
/// `Pipeline::code_sections`), each part handed on as soon as it is done;
/// `finish`'s flag tells parts that continue a document.
fn each_coded<T: Send>(
    read: &ReadArgs,
    wanted: &(dyn Fn(&model::Document) -> bool + Sync),
    sections: bool,
    finish: &(dyn Fn(Coded, bool) -> T + Sync),
    sink: &mut dyn FnMut(T, &str) -> Result<()>,
) -> Result<usize> {
    let lex = load_lexicon(&read.lex)?;
    let pipeline = Pipeline::new(&lex)?
        .with_grammar(read.lex.grammar)
        .with_topics(!read.lex.all_topics);
    let opts = options(read);
    let forced = read.input.as_deref().and_then(Format::parse);
    let mut diags = Vec::new();
    let inputs = inputs::expand(&read.files, &mut diags);
    let mut skipped = diags.len();
    for d in diags {
        report(&d);
        sink(
            finish(
                Coded {
                    diagnostics: vec![d],
                    ..Coded::default()
                },
                false,
            ),
            "",
        )?;
    }
    let produce = |push: &mut dyn FnMut(Item) -> bool| {
        for input in &inputs {
            let name: std::sync::Arc<str> = input.name().into();
            let mut go = true;
            inputs::read(input, forced, &opts, &mut |parsed| {
                if !go {
                    return;
                }
                if !parsed.diagnostics.is_empty() || parsed.skipped > 0 {
                    go = push(Item::Problems(
                        name.clone(),
                        parsed.diagnostics,
                        parsed.skipped,
                    ));
                }
                for doc in parsed.documents {
                    if !go {
                        return;
                    }
                    go = push(Item::Doc(name.clone(), doc));
                }
            });
            if !go {
                return;
            }
        }
    };
    let work = |item: Item| match item {
        // A long document waits for its turn and is coded in sections there,
        // so that its records never all sit in memory at once.
        Item::Doc(name, doc) if sections && doc.text.len() > pipeline::SECTION && wanted(&doc) => {
            (name, None, None, 0, Some(doc))
        }
        Item::Doc(name, doc) => {
            let coded = if wanted(&doc) {
                pipeline.code(doc)
            } else {
                Coded {
                    document: Some(doc),
                    ..Coded::default()
                }
            };
            (name, None, Some(finish(coded, false)), 0, None)
        }
        Item::Problems(name, diagnostics, skip) => {
            let shown = diagnostics.clone();
            let out = (!diagnostics.is_empty()).then(|| {
                finish(
                    Coded {
                        diagnostics,
                        ..Coded::default()
                    },
                    false,
                )
            });
            (name, Some(shown), out, skip, None)
        }
    };
    // Problems reach stderr in input order too, as each input is reached.
    let emit = |(name, shown, out, skip, long): Done<T>| -> Result<()> {
        skipped += skip;
        shown.iter().flatten().for_each(report);
        if let Some(doc) = long {
            let mut clock = pipeline::StageTimes::default();
            return pipeline.code_sections(doc, &mut clock, &mut |part, more| {
                sink(finish(part, more), &name)
            });
        }
        match out {
            Some(out) => sink(out, &name),
            None => Ok(()),
        }
    };
    jobs::ordered_map(jobs::resolve(read.jobs), produce, work, emit)?;
    Ok(skipped)
}

/// A coded document as the lines of the `code` stream; a later section of a
/// long document (`more`) without its document line, which came first.
fn json_lines(coded: Coded, more: bool) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    for r in coded.records().skip(usize::from(more)) {
        serde_json::to_writer(&mut out, &r)?;
        out.push(b'\n');
    }
    Ok(out)
}

fn code(read: &ReadArgs) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let skipped = each_coded(read, &|_| true, true, &json_lines, &mut |lines, _| {
        out.write_all(&lines?)?;
        // Flushed per document so a downstream stage sees each one as soon as it is done.
        out.flush().or_else(ignore_broken_pipe)?;
        Ok(())
    });
    match skipped {
        Ok(n) => Ok(if n > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }),
        Err(e) if is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e),
    }
}

fn ignore_broken_pipe(e: std::io::Error) -> std::io::Result<()> {
    Err(e)
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind())
                == Some(std::io::ErrorKind::BrokenPipe)
    })
}

/// Documents per write transaction: one commit serves many documents, and
/// a killed ingest still leaves whole documents (a batch is all or nothing).
const WRITE_BATCH: usize = 256;
/// A batch is written at least this often, so progress is kept on slow input.
const WRITE_EVERY: std::time::Duration = std::time::Duration::from_secs(2);

/// What the coding side sees once the writer thread has failed; the
/// writer's own error is the one reported.
#[derive(Debug)]
struct WriterStopped;

impl std::fmt::Display for WriterStopped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the database writer stopped")
    }
}

impl std::error::Error for WriterStopped {}

/// Coded documents, their records made compact ahead, and their inputs' names.
type Batch = Vec<(Coded, Option<store::Prepared>, std::sync::Arc<str>)>;

fn ingest_cmd(read: &ReadArgs, db: &Path, replace: bool) -> Result<ExitCode> {
    let mut store = store::Store::open(db)?;
    // A database this ingest fills from empty is packed at the end.
    let fresh = store.is_empty()?;
    // The coding threads ask a reading connection of their own whether a
    // document is stored; the writer has a thread of its own.
    let reader = std::sync::Mutex::new(store::Store::open_read_only(db)?);
    let bar = indicatif::ProgressBar::new_spinner();
    if !std::io::stderr().is_terminal() {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {pos} documents ({per_sec}) {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    // A stored document is not coded again unless --replace asks for it.
    let wanted = |d: &model::Document| {
        replace
            || !reader
                .lock()
                .map(|s| s.contains(&d.id).unwrap_or(false))
                .unwrap_or(false)
    };
    // One batch waits while another is written: documents go on being coded
    // during a write (which would otherwise stall the coding threads once
    // their window of documents in flight is full), and memory stays bounded.
    let (to_writer, batches) = std::sync::mpsc::sync_channel::<(Batch, store::SealedBlocks)>(1);
    // Text blocks are compressed on this thread before a batch goes to the
    // writer, whose thread is the longest chain of work in an ingest.
    let sealed = |batch: &Batch| {
        let docs: Vec<&Coded> = batch.iter().map(|(c, _, _)| c).collect();
        store::SealedBlocks::of(&docs)
    };

    let bar = &bar;
    let (result, written, mut store) = std::thread::scope(|s| {
        let writer = s.spawn(move || {
            let (mut added, mut kept) = (0usize, 0usize);
            let write = || -> Result<()> {
                for (batch, sealed) in batches {
                    let items: Vec<(&Coded, Option<&str>, Option<&store::Prepared>)> = batch
                        .iter()
                        .map(|(c, p, o)| (c, Some(&**o), p.as_ref()))
                        .collect();
                    for stored in store.put_many_ahead(&items, replace, &sealed)? {
                        if stored {
                            added += 1;
                        } else {
                            kept += 1;
                        }
                    }
                    bar.inc(batch.len() as u64);
                }
                Ok(())
            };
            let written = write();
            (store, written.map(|()| (added, kept)))
        });
        let mut batch: Batch = Vec::new();
        let mut since = std::time::Instant::now();
        // The coding threads also make the records compact for the writer.
        let prepare = |c: Coded, _| {
            let p = store::Prepared::of(&c);
            (c, p)
        };
        let result = each_coded(
            read,
            &wanted,
            false,
            &prepare,
            &mut |(coded, prepared), origin| {
                if coded.document.is_none() {
                    return Ok(());
                }
                if batch.is_empty() {
                    since = std::time::Instant::now();
                }
                batch.push((coded, prepared, origin.into()));
                if batch.len() >= WRITE_BATCH || since.elapsed() >= WRITE_EVERY {
                    let z = sealed(&batch);
                    to_writer
                        .send((std::mem::take(&mut batch), z))
                        .map_err(|_| WriterStopped)?;
                }
                Ok(())
            },
        );
        // What was coded before a failure is still worth keeping.
        if !batch.is_empty() {
            let z = sealed(&batch);
            let _ = to_writer.send((batch, z));
        }
        drop(to_writer);
        match writer.join() {
            Ok((store, written)) => (result, written, Some(store)),
            Err(_) => (
                result,
                Err(anyhow::anyhow!("the database writer panicked")),
                None,
            ),
        }
    });
    // The writing connection closes last, so it checkpoints its log into the
    // database file (the file alone then holds everything).
    drop(reader);
    if let (Some(store), Ok((added, _))) = (store.as_mut(), &written) {
        if fresh && *added > 0 {
            store.pack()?;
        }
    }
    drop(store);
    // A coding failure first, unless it only says that the writer failed.
    let (skipped, (added, kept)) = match (result, written) {
        (Err(e), _) if !e.is::<WriterStopped>() => return Err(e),
        (_, Err(e)) | (Err(e), Ok(_)) => return Err(e),
        (Ok(skipped), Ok(counts)) => (skipped, counts),
    };
    bar.finish_and_clear();
    eprintln!(
        "entente: {added} document(s) stored, {kept} already present, {skipped} skipped; database {}",
        db.display()
    );
    Ok(if skipped > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// An existing database, opened for reading only (read commands work on a
/// read-only file or folder).
fn open_existing(db: &Path) -> Result<store::Store> {
    ensure_exists(db)?;
    Ok(store::Store::open_read_only(db)?)
}

/// An existing database, opened for writing (`recode`).
fn open_existing_rw(db: &Path) -> Result<store::Store> {
    ensure_exists(db)?;
    Ok(store::Store::open(db)?)
}

fn ensure_exists(db: &Path) -> Result<()> {
    if !db.exists() {
        return Err(usage(&format!(
            "no database at {} (create one with `entente ingest --db {} FILES`)",
            db.display(),
            db.display()
        )));
    }
    Ok(())
}

fn documents(db: &Path, list: &ListArgs) -> Result<ExitCode> {
    let rows = open_existing(db)?.documents()?;
    list::show(&rows, list, |rows| {
        table::Table::of(
            rows,
            &[
                ("doc", |d| d.id.clone()),
                ("date", |d| d.date.clone()),
                ("format", |d| d.format.clone()),
                (">sentences", |d| d.sentences.to_string()),
                (">mentions", |d| d.mentions.to_string()),
                (">events", |d| d.events.to_string()),
                ("title", |d| {
                    d.title.as_deref().unwrap_or("(untitled)").to_string()
                }),
            ],
        )
    })
}

fn actors_cmd(db: &Path, unknown: bool, list: &ListArgs) -> Result<ExitCode> {
    let rows = open_existing(db)?.actors(unknown)?;
    list::show(&rows, list, |rows| {
        table::Table::of(
            rows,
            &[
                (">mentions", |a| a.mentions.to_string()),
                (">docs", |a| a.documents.to_string()),
                ("code", |a| table::or_dash(Some(&a.code))),
                ("type", |a| a.kind.clone()),
                ("name", |a| a.name.clone()),
                ("discovered", |a| {
                    if a.discovered { "yes" } else { "" }.to_string()
                }),
            ],
        )
    })
}

fn show(db: &Path, prefix: &str) -> Result<ExitCode> {
    let store = open_existing(db)?;
    let id = store.resolve_id(prefix)?;
    let coded = store.load(&id)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    out.write_all(render::show(&coded).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

mod render;

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    /// Every command names each argument and shows an example (issue 17).
    #[test]
    fn every_argument_is_described_and_every_command_has_an_example() {
        let mut cli = Cli::command();
        cli.build();
        cli.clone().debug_assert();
        let mut missing = Vec::new();
        let mut stack: Vec<(String, &clap::Command)> = vec![("entente".into(), &cli)];
        while let Some((path, cmd)) = stack.pop() {
            for a in cmd.get_arguments() {
                let id = a.get_id().as_str();
                if id != "help" && id != "version" && a.get_help().is_none() {
                    missing.push(format!("{path}: argument {id} has no description"));
                }
            }
            let example = cmd
                .get_after_help()
                .is_some_and(|h| h.to_string().contains("Example"));
            if !example {
                missing.push(format!("{path}: no example in --help"));
            }
            for sub in cmd.get_subcommands() {
                stack.push((format!("{path} {}", sub.get_name()), sub));
            }
        }
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }
}
