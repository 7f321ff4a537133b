//! Development driver: trains on a treebank and scores on others.
//! `cargo run --release -p syntax --example train -- TRAIN.conllu OUTDIR [EVAL.conllu...]`

use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let read = |p: &str| -> Result<Vec<syntax::conllu::TreeSentence>, Box<dyn std::error::Error>> {
        Ok(syntax::conllu::parse(&std::fs::read_to_string(p)?)?)
    };
    let train = read(&args[0])?;
    let mut cfg = syntax::train::Settings::default();
    if let Ok(v) = std::env::var("TAGGER_EPOCHS") {
        cfg.tagger_epochs = v.parse()?;
    }
    if let Ok(v) = std::env::var("PARSER_EPOCHS") {
        cfg.parser_epochs = v.parse()?;
    }
    if let Ok(v) = std::env::var("FOLDS") {
        cfg.folds = v.parse()?;
    }
    if let Ok(v) = std::env::var("MIN_COUNT") {
        cfg.parser_min_count = v.parse()?;
    }
    let t0 = Instant::now();
    if std::env::var("TAGGER_ONLY").is_ok() {
        let t = syntax::train::train_tagger(&train, &cfg);
        for p in &args[2..] {
            let gold = read(p)?;
            let (mut ok, mut n) = (0, 0);
            for s in &gold {
                let atoms: Vec<_> = s
                    .forms
                    .iter()
                    .map(|f| syntax::word::WordAtoms::of(f))
                    .collect();
                for (i, c) in t.tag(&atoms).into_iter().enumerate() {
                    ok += (t.upos(c) == s.upos[i]) as usize;
                    n += 1;
                }
            }
            println!(
                "{p}: UPOS {:.2} ({:.0}s)",
                100.0 * ok as f64 / n as f64,
                t0.elapsed().as_secs_f64()
            );
        }
        return Ok(());
    }
    let (tb, pb) = if std::env::var("LOAD").is_ok() {
        (
            std::fs::read(format!("{}/tagger.bin", args[1]))?,
            std::fs::read(format!("{}/parser.bin", args[1]))?,
        )
    } else {
        let model = syntax::train::train(&train, &cfg, &mut |s| {
            eprintln!("[{:.0}s] {s}", t0.elapsed().as_secs_f64())
        })?;
        eprintln!("trained in {:.0}s", t0.elapsed().as_secs_f64());
        let tb = model.tagger.model().to_bytes();
        let pb = model.parser.model().to_bytes();
        eprintln!(
            "tagger {:?} {} bytes; parser {:?} {} bytes",
            model.tagger.model().size(),
            tb.len(),
            model.parser.model().size(),
            pb.len()
        );
        std::fs::write(format!("{}/tagger.bin", args[1]), &tb)?;
        std::fs::write(format!("{}/parser.bin", args[1]), &pb)?;
        (tb, pb)
    };
    let prune: Vec<i16> = std::env::var("PRUNE")
        .unwrap_or("0".into())
        .split(',')
        .map(|x| x.parse().unwrap_or(0))
        .collect();
    for &pr in &prune {
        let bits: u32 = std::env::var("COARSE")
            .map(|v| v.parse().unwrap_or(0))
            .unwrap_or(0);
        let (tb, pb) = (
            syntax::perceptron::Model::from_bytes(&tb)?
                .pruned(pr)
                .coarsened(bits)
                .to_bytes(),
            syntax::perceptron::Model::from_bytes(&pb)?
                .pruned(pr)
                .coarsened(bits)
                .to_bytes(),
        );
        eprintln!(
            "prune {pr}: tagger {} bytes, parser {} bytes",
            tb.len(),
            pb.len()
        );
        let model = syntax::Syntax::from_bytes(&tb, &pb)?;
        for p in &args[2..] {
            let gold = read(p)?;
            let t = Instant::now();
            let s = syntax::train::score(&model, &gold);
            let secs = t.elapsed().as_secs_f64();
            use syntax::train::Scores;
            println!("{p}: UPOS {:.2} XPOS {:.2} UAS {:.2} LAS {:.2} UAS-nopunct {:.2} ({} words, {:.0} words/s)",
            Scores::pct(s.upos, s.words), Scores::pct(s.xpos, s.words), Scores::pct(s.uas, s.words), Scores::pct(s.las, s.words), Scores::pct(s.uas_no_punct, s.words_no_punct), s.words, s.words as f64 / secs);
        }
    }
    Ok(())
}
