//! The syntactic layer at the command line: `entente train syntax` trains
//! the tagger and parser on a Universal Dependencies treebank and writes the
//! weights the syntax crate ships; `entente parse` shows what they make of
//! a text.

use anyhow::{Context, Result};
use clap::Subcommand;
use std::path::{Path, PathBuf};
use std::time::Instant;
use syntax::conllu::TreeSentence;
use syntax::train::Settings;

#[derive(Subcommand)]
pub enum TrainCommand {
    /// Train the part-of-speech tagger and dependency parser (weights for crates/syntax/data).
    #[command(
        after_help = "Example (what produced the shipped weights):\n  entente train syntax --train ../shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu \\\n      --dev ../shared/corpora/ud-english-ewt/en_ewt-ud-dev.conllu --out crates/syntax/data\n\nTraining is deterministic: the same treebank, settings and seed give the same bytes.\nTrain only on treebanks whose licence lets the weights ship (UD English EWT: CC BY-SA 4.0;\nnever GUM, which is non-commercial)."
    )]
    Syntax {
        /// CoNLL-U training file.
        #[arg(long)]
        train: PathBuf,
        /// CoNLL-U files to score the trained model on (tagging and attachment accuracy).
        #[arg(long)]
        dev: Vec<PathBuf>,
        /// Folder for tagger.bin and parser.bin.
        #[arg(long)]
        out: PathBuf,
        /// Passes over the training data for the tagger.
        #[arg(long, default_value_t = Settings::default().tagger_epochs)]
        tagger_epochs: usize,
        /// Passes over the training data for the parser.
        #[arg(long, default_value_t = Settings::default().parser_epochs)]
        parser_epochs: usize,
        /// Parts for jackknifed training tags (1: gold tags).
        #[arg(long, default_value_t = Settings::default().folds)]
        folds: usize,
        /// Features seen fewer times than this get no tagger weights.
        #[arg(long, default_value_t = Settings::default().tagger_min_count)]
        tagger_min_count: u32,
        /// Features seen fewer times than this get no parser weights.
        #[arg(long, default_value_t = Settings::default().parser_min_count)]
        parser_min_count: u32,
        /// The parser's beam width (1: greedy, trained with a dynamic oracle; more: trained
        /// globally for beam search, and parsing is about that many times slower).
        #[arg(long, default_value_t = Settings::default().beam)]
        beam: usize,
        /// Weights smaller than this (in 16-bit units of the largest) are dropped.
        #[arg(long, default_value_t = syntax::PRUNE)]
        prune: i16,
        /// Bits of weight precision given up for a smaller file.
        #[arg(long, default_value_t = syntax::COARSEN)]
        coarsen: u32,
        /// Seed of the shuffles between passes (training is deterministic given it).
        #[arg(long, default_value_t = Settings::default().seed)]
        seed: u64,
    },
    /// Train the name tagger (people, organisations, places, misc; weights for crates/syntax/data/names.bin).
    #[command(
        after_help = "Example (what produced the shipped weights):\n  entente train names --train ../shared/corpora/conll2003-en/eng.train \\\n      --train ../shared/corpora/uner-english-ewt-dev/en_ewt-ud-dev.iob2 \\\n      --dev ../shared/corpora/conll2003-en/eng.testa --out crates/syntax/data\n\nThe training file is in CoNLL-2003 or Universal NER columns. The built-in lexicon gives the\ntagger its hints, so retrain after large lexicon changes. Deterministic for a given seed."
    )]
    Names {
        /// Column files with BIO name tags (CoNLL-2003 or Universal NER IOB2); repeat for several.
        #[arg(long, required = true)]
        train: Vec<PathBuf>,
        /// Also estimate, by K-fold cross-validation over documents, how a tagger trained on
        /// --train plus this file does on unseen documents of it (the shipped tagger is trained
        /// on all of it when it is also given as --train).
        #[arg(long)]
        cross_validate: Option<PathBuf>,
        /// Folds for --cross-validate.
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// Files in the same format to score the trained tagger on.
        #[arg(long)]
        dev: Vec<PathBuf>,
        /// Folder for names.bin.
        #[arg(long)]
        out: PathBuf,
        /// Passes over the training data.
        #[arg(long, default_value_t = NAME_EPOCHS)]
        epochs: usize,
        /// Features seen fewer times than this get no weights.
        #[arg(long, default_value_t = 2)]
        min_count: u32,
        /// Weights smaller than this (in 16-bit units of the largest) are dropped.
        #[arg(long, default_value_t = syntax::ner::PRUNE)]
        prune: i16,
        /// Bits of weight precision given up for a smaller file.
        #[arg(long, default_value_t = syntax::ner::COARSEN)]
        coarsen: u32,
        /// Seed of the shuffles between passes.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Train the document topic model (world, sport, business, science; weights for
    /// crates/syntax/data/topics.bin), which keeps conflict events out of match reports and
    /// takeover stories.
    #[command(
        after_help = "Example (what produced the shipped weights):\n  entente train topics --train ../shared/corpora/news-agnews-test/test.csv \\\n      --folds 5 --out crates/syntax/data\n\nThe training file is AG News CSV: class (1 World, 2 Sports, 3 Business, 4 Sci/Tech),\ntitle, description. Deterministic for a given seed."
    )]
    Topics {
        /// AG News CSV files (class, title, description; no header).
        #[arg(long, required = true)]
        train: Vec<PathBuf>,
        /// Also estimate accuracy on unseen items by K-fold cross-validation (0: none).
        #[arg(long, default_value_t = 0)]
        folds: usize,
        /// Folder for topics.bin.
        #[arg(long)]
        out: PathBuf,
        /// Passes over the training data.
        #[arg(long, default_value_t = 8)]
        epochs: usize,
        /// Features seen fewer times than this get no weights.
        #[arg(long, default_value_t = 2)]
        min_count: u32,
        /// Weights smaller than this (in 16-bit units of the largest) are dropped.
        #[arg(long, default_value_t = 40)]
        prune: i16,
        /// Seed of the shuffles between passes.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

/// AG News's class numbers.
const AG_CLASSES: [&str; 4] = ["World", "Sports", "Business", "SciTech"];

/// Reads AG News CSV files into `(title. description, class)` pairs.
fn read_agnews(paths: &[PathBuf]) -> Result<Vec<(String, String)>> {
    let mut docs = Vec::new();
    for p in paths {
        let bytes = std::fs::read(p).with_context(|| format!("{}: cannot read", p.display()))?;
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(&bytes[..]);
        for (i, rec) in rdr.records().enumerate() {
            let rec = rec.with_context(|| format!("{}: line {}: not CSV", p.display(), i + 1))?;
            let class = rec
                .get(0)
                .and_then(|c| c.trim().parse::<usize>().ok())
                .and_then(|c| AG_CLASSES.get(c.wrapping_sub(1)))
                .with_context(|| {
                    format!(
                        "{}: line {}: the first column is no AG News class (1-4)",
                        p.display(),
                        i + 1
                    )
                })?;
            // AG News keeps escaped newlines as backslashes.
            let text = format!(
                "{}. {}",
                rec.get(1).unwrap_or(""),
                rec.get(2).unwrap_or("").replace('\\', " ")
            );
            docs.push((text, class.to_string()));
        }
    }
    Ok(docs)
}

struct TopicTraining {
    epochs: usize,
    min_count: u32,
    prune: i16,
    seed: u64,
}

impl TopicTraining {
    fn train(&self, docs: &[(String, String)]) -> syntax::topic::TopicModel {
        let m = syntax::topic::train(docs, self.epochs, self.seed, self.min_count);
        syntax::topic::TopicModel::new(m.model().pruned(self.prune))
    }
}

fn train_topics(train: &[PathBuf], folds: usize, out: &Path, cfg: &TopicTraining) -> Result<()> {
    let docs = read_agnews(train)?;
    if docs.is_empty() {
        anyhow::bail!("no AG News items in {:?}", train);
    }
    if folds > 1 {
        // Cross-validation by item: fold k holds every k-th item.
        let (mut right, mut world_right, mut world_said, mut world_gold) = (0, 0, 0, 0);
        // What the event filter acts on: sport read with events::scope's margin.
        let (mut sport_said, mut sport_right, mut sport_gold) = (0, 0, 0);
        for k in 0..folds {
            let fit: Vec<(String, String)> = docs
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds != k)
                .map(|(_, d)| d.clone())
                .collect();
            let m = cfg.train(&fit);
            for (_, (text, class)) in docs.iter().enumerate().filter(|(i, _)| i % folds == k) {
                let topic = m.classify(text);
                if topic.class == "Sports" && topic.margin >= events::scope::MIN_MARGIN {
                    sport_said += 1;
                    sport_right += usize::from(class == "Sports");
                }
                sport_gold += usize::from(class == "Sports");
                let got = topic.class;
                right += usize::from(&got == class);
                world_said += usize::from(got == "World");
                world_gold += usize::from(class == "World");
                world_right += usize::from(got == "World" && class == "World");
            }
        }
        println!(
            "{folds}-fold cross-validation over {} items: accuracy {:.3}; World: precision {:.3}, recall {:.3}",
            docs.len(),
            right as f64 / docs.len() as f64,
            world_right as f64 / world_said.max(1) as f64,
            world_right as f64 / world_gold.max(1) as f64
        );
        println!(
            "sport with margin >= {} (what the event filter uses): precision {:.3}, recall {:.3}",
            events::scope::MIN_MARGIN,
            sport_right as f64 / sport_said.max(1) as f64,
            sport_right as f64 / sport_gold.max(1) as f64
        );
    }
    let m = cfg.train(&docs);
    let bytes = m.model().to_bytes();
    std::fs::create_dir_all(out).with_context(|| format!("{}: cannot create", out.display()))?;
    let p = out.join("topics.bin");
    std::fs::write(&p, &bytes).with_context(|| format!("{}: cannot write", p.display()))?;
    eprintln!(
        "wrote {} ({} bytes, {} items)",
        p.display(),
        bytes.len(),
        docs.len()
    );
    Ok(())
}

/// Passes over CoNLL-2003 for the shipped name tagger.
const NAME_EPOCHS: usize = 10;

/// Tags and parses plain text, sentence by sentence, printing CoNLL-U.
pub fn parse(paths: &[PathBuf], out: &mut dyn std::io::Write) -> Result<()> {
    let syn = syntax::Syntax::builtin().map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut texts = Vec::new();
    if paths.is_empty() || paths.iter().any(|p| p.as_os_str() == "-") {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).context("standard input")?;
        texts.push(("-".to_string(), s));
    }
    for p in paths.iter().filter(|p| p.as_os_str() != "-") {
        let bytes = std::fs::read(p).with_context(|| format!("{}: cannot read", p.display()))?;
        let s = String::from_utf8(bytes).map_err(|e| {
            anyhow::anyhow!(
                "{}: not UTF-8 text (byte {})",
                p.display(),
                e.utf8_error().valid_up_to()
            )
        })?;
        texts.push((p.display().to_string(), s));
    }
    for (name, text) in &texts {
        let toks = text::tokens::tokens(text);
        let mut at = 0;
        for (k, sent) in text::sentences::sentences(text).iter().enumerate() {
            let (s, e) = (sent.span[0], sent.span[1]);
            while at < toks.len() && toks[at].span[0] < s {
                at += 1;
            }
            let spans: Vec<(usize, usize)> = toks[at..]
                .iter()
                .take_while(|t| t.span[1] <= e)
                .map(|t| (t.span[0], t.span[1]))
                .collect();
            let parsed = syn.parse_tokens(text, &spans);
            writeln!(
                out,
                "# source = {name}\n# sent_id = {}\n# text = {}",
                k + 1,
                text[s..e].replace('\n', " ")
            )?;
            writeln!(out, "{}", parsed.conllu(text, syn))?;
        }
    }
    Ok(())
}

pub fn read_treebank(path: &Path) -> Result<Vec<TreeSentence>> {
    let src = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    syntax::conllu::parse(&src).with_context(|| format!("{}", path.display()))
}

pub fn run(cmd: TrainCommand) -> Result<()> {
    match cmd {
        TrainCommand::Syntax {
            train,
            dev,
            out,
            tagger_epochs,
            parser_epochs,
            folds,
            tagger_min_count,
            parser_min_count,
            beam,
            prune,
            coarsen,
            seed,
        } => {
            let cfg = Settings {
                tagger_epochs,
                parser_epochs,
                folds: folds.max(1),
                seed,
                tagger_min_count,
                parser_min_count,
                beam: beam.max(1),
            };
            train_syntax(&train, &dev, &out, &cfg, (prune, coarsen))
        }
        TrainCommand::Topics {
            train,
            folds,
            out,
            epochs,
            min_count,
            prune,
            seed,
        } => train_topics(
            &train,
            folds,
            &out,
            &TopicTraining {
                epochs,
                min_count,
                prune,
                seed,
            },
        ),
        TrainCommand::Names {
            train,
            cross_validate,
            folds,
            dev,
            out,
            epochs,
            min_count,
            prune,
            coarsen,
            seed,
        } => {
            let cfg = NameTraining {
                epochs,
                min_count,
                prune,
                coarsen,
                seed,
            };
            if let Some(cv) = cross_validate {
                cross_validate_names(&train, &cv, folds, &cfg)?;
            }
            train_names(&train, &dev, &out, &cfg)
        }
    }
}

/// `entente train syntax`: the tagger and the parser, written to `out` and
/// scored on the dev treebanks.
fn train_syntax(
    train: &Path,
    dev: &[PathBuf],
    out: &Path,
    cfg: &Settings,
    (prune, coarsen): (i16, u32),
) -> Result<()> {
    let sents = read_treebank(train)?;
    let t0 = Instant::now();
    let model = syntax::train::train(&sents, cfg, &mut |s| {
        eprintln!("[{:>4.0}s] training {s}", t0.elapsed().as_secs_f64())
    })?;
    let tagger = model
        .tagger
        .model()
        .pruned(prune)
        .coarsened(coarsen)
        .to_bytes();
    let parser = model
        .parser
        .model()
        .pruned(prune)
        .coarsened(coarsen)
        .to_bytes();
    std::fs::create_dir_all(out).with_context(|| format!("{}: cannot create", out.display()))?;
    for (name, bytes) in [("tagger.bin", &tagger), ("parser.bin", &parser)] {
        let p = out.join(name);
        std::fs::write(&p, bytes).with_context(|| format!("{}: cannot write", p.display()))?;
        eprintln!("wrote {} ({} bytes)", p.display(), bytes.len());
    }
    let model = syntax::Syntax::from_bytes(&tagger, &parser)?;
    for p in dev {
        let gold = read_treebank(p)?;
        let t = Instant::now();
        let s = eval::syntax::score(&model, &gold);
        println!(
            "{}: {} words; UPOS {:.2}%, XPOS {:.2}%, UAS {:.2}%, LAS {:.2}% ({:.0} words/s)",
            p.display(),
            s.words,
            s.upos_pct(),
            s.xpos_pct(),
            s.uas_pct(),
            s.las_pct(),
            s.words as f64 / t.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

fn read_names(path: &Path) -> Result<Vec<eval::names::NameDoc>> {
    let raw = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    let docs = eval::names::read(&raw);
    anyhow::ensure!(
        docs.iter().any(|d| !d.gold.is_empty()),
        "{}: no BIO name tags found (expected CoNLL-2003 or Universal NER columns)",
        path.display()
    );
    Ok(docs)
}

/// How to train the name tagger.
struct NameTraining {
    epochs: usize,
    min_count: u32,
    prune: i16,
    coarsen: u32,
    seed: u64,
}

impl NameTraining {
    fn train(
        &self,
        docs: &[syntax::ner::TrainingDoc],
    ) -> Result<(syntax::ner::NameTagger, Vec<u8>)> {
        let tagger = syntax::ner::train(docs, self.epochs, self.seed, self.min_count)?;
        let bytes = tagger
            .model()
            .pruned(self.prune)
            .coarsened(self.coarsen)
            .to_bytes();
        Ok((syntax::ner::NameTagger::from_bytes(&bytes)?, bytes))
    }
}

fn training_docs(
    paths: &[PathBuf],
    rec: &actors::Recogniser,
) -> Result<Vec<syntax::ner::TrainingDoc>> {
    let mut docs = Vec::new();
    for p in paths {
        for d in read_names(p)? {
            docs.push(eval::names::training_doc(&d, rec));
        }
    }
    Ok(docs)
}

fn print_scores(title: &str, scores: &std::collections::BTreeMap<String, eval::names::Prf>) {
    println!("{title}");
    for (ty, s) in scores {
        println!(
            "  {ty:<5} P {:.3}  R {:.3}  F1 {:.3}  ({} gold)",
            s.p(),
            s.r(),
            s.f(),
            s.tp + s.fn_
        );
    }
}

/// Trains `folds` taggers, each on `train` (less `cv` itself when listed
/// there) plus all but one part of `cv`'s documents, and scores each on
/// the part it did not see.
fn cross_validate_names(
    train: &[PathBuf],
    cv: &Path,
    folds: usize,
    cfg: &NameTraining,
) -> Result<()> {
    let lex = lexicon::Lexicon::builtin().context("built-in lexicon")?;
    let rec = actors::Recogniser::new(&lex);
    let others: Vec<PathBuf> = train
        .iter()
        .filter(|p| p.as_path() != cv)
        .cloned()
        .collect();
    let base = training_docs(&others, &rec)?;
    let gold = read_names(cv)?;
    let folds = folds.clamp(2, gold.len().max(2));
    let mut total = std::collections::BTreeMap::new();
    for k in 0..folds {
        let mut docs = base.clone();
        let mut held = Vec::new();
        for (i, d) in gold.iter().enumerate() {
            if i % folds == k {
                held.push(d.clone());
            } else {
                docs.push(eval::names::training_doc(d, &rec));
            }
        }
        let (tagger, _) = cfg.train(&docs)?;
        for (ty, s) in eval::names::score_tagger(&held, &rec, &tagger) {
            total
                .entry(ty)
                .or_insert_with(eval::names::Prf::default)
                .add(s);
        }
    }
    print_scores(
        &format!(
            "{}: name tagger alone, {folds}-fold cross-validation by document",
            cv.display()
        ),
        &total,
    );
    Ok(())
}

/// `entente train names`: trains the name tagger with the built-in
/// lexicon's hints, writes `names.bin`, and scores it on the dev files.
fn train_names(train: &[PathBuf], dev: &[PathBuf], out: &Path, cfg: &NameTraining) -> Result<()> {
    let t0 = Instant::now();
    let lex = lexicon::Lexicon::builtin().context("built-in lexicon")?;
    let rec = actors::Recogniser::new(&lex);
    let docs = training_docs(train, &rec)?;
    eprintln!(
        "[{:>4.0}s] {} documents; training {} epochs",
        t0.elapsed().as_secs_f64(),
        docs.len(),
        cfg.epochs
    );
    let (tagger, bytes) = cfg.train(&docs)?;
    std::fs::create_dir_all(out).with_context(|| format!("{}: cannot create", out.display()))?;
    let p = out.join("names.bin");
    std::fs::write(&p, &bytes).with_context(|| format!("{}: cannot write", p.display()))?;
    eprintln!(
        "[{:>4.0}s] wrote {} ({} bytes)",
        t0.elapsed().as_secs_f64(),
        p.display(),
        bytes.len()
    );
    for d in dev {
        let docs = read_names(d)?;
        let t = Instant::now();
        let scores = eval::names::score_tagger(&docs, &rec, &tagger);
        let mb = docs.iter().map(|d| d.text.len()).sum::<usize>() as f64 / 1e6;
        print_scores(
            &format!(
                "{}: name tagger alone, exact spans ({:.1} MB/s with the lexicon hints)",
                d.display(),
                mb / t.elapsed().as_secs_f64()
            ),
            &scores,
        );
    }
    Ok(())
}
