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
}

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
    let TrainCommand::Syntax {
        train,
        dev,
        out,
        tagger_epochs,
        parser_epochs,
        folds,
        tagger_min_count,
        parser_min_count,
        prune,
        coarsen,
        seed,
    } = cmd;
    let sents = read_treebank(&train)?;
    let cfg = Settings {
        tagger_epochs,
        parser_epochs,
        folds: folds.max(1),
        seed,
        tagger_min_count,
        parser_min_count,
    };
    let t0 = Instant::now();
    let model = syntax::train::train(&sents, &cfg, &mut |s| {
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
    std::fs::create_dir_all(&out).with_context(|| format!("{}: cannot create", out.display()))?;
    for (name, bytes) in [("tagger.bin", &tagger), ("parser.bin", &parser)] {
        let p = out.join(name);
        std::fs::write(&p, bytes).with_context(|| format!("{}: cannot write", p.display()))?;
        eprintln!("wrote {} ({} bytes)", p.display(), bytes.len());
    }
    let model = syntax::Syntax::from_bytes(&tagger, &parser)?;
    for p in &dev {
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
