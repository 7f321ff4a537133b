//! Quote extraction measured on the PolNeAR dev split (skipped when `../shared` is absent).

use eval::quotes::{parse_brat, score_quotes, QuoteScore};

#[test]
fn polnear_dev_content_and_speakers() {
    let Some(dir) = testkit::shared_path("corpora/polnear-attribution/dev") else {
        return;
    };
    let mut anns: Vec<_> = std::fs::read_dir(dir.join("attributions"))
        .expect("attributions dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    let mut total = QuoteScore::default();
    let mut bytes = 0usize;
    let mut secs = 0.0f64;
    for ann_path in &anns {
        let stem = ann_path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        // "<article>_<annotator>.ann" annotates "<article>.txt".
        let article = stem.rsplit_once('_').map_or(stem, |x| x.0);
        let Ok(text) = std::fs::read_to_string(dir.join("text").join(format!("{article}.txt")))
        else {
            continue;
        };
        let ann = std::fs::read_to_string(ann_path).expect("read ann");
        let gold = parse_brat(&text, &ann);
        let t0 = std::time::Instant::now();
        let sentences = text::sentences(&text);
        let tokens = text::tokens(&text);
        let quotes = claims::quotes::quotes(&text, &sentences, &tokens, &[]);
        secs += t0.elapsed().as_secs_f64();
        bytes += text.len();
        let s = score_quotes(&text, &gold, &quotes);
        if std::env::var("POLNEAR_VERBOSE").is_ok() {
            // Misses and false alarms, one line each, for error analysis.
            let ov = |a: [usize; 2], b: [usize; 2]| a[0] < b[1] && b[0] < a[1];
            for g in &gold {
                if !quotes
                    .iter()
                    .any(|q| g.content.iter().any(|&c| ov(c, q.content_span)))
                {
                    let cue = g.cue.first().map_or("", |c| &text[c[0]..c[1]]);
                    let c = g.content[0];
                    let snip: String = text[c[0]..c[1]].chars().take(80).collect();
                    println!("MISS\t{cue}\t{snip}");
                }
            }
            for q in &quotes {
                // Overlapping but not equal: boundary disagreements.
                let n = |sp: [usize; 2]| eval::quotes::norm(&text, sp);
                if let Some(g) = gold
                    .iter()
                    .find(|g| g.content.iter().any(|&c| ov(c, q.content_span)))
                {
                    if !g.content.iter().any(|&c| n(c) == n(q.content_span)) {
                        let c = g.content[0];
                        let gs: String = text[c[0]..c[1]].chars().take(100).collect();
                        let ps: String = q.content.chars().take(100).collect();
                        println!(
                            "BOUNDARY\t{}\t{}\t{}",
                            q.rule,
                            gs.replace('\n', " "),
                            ps.replace('\n', " ")
                        );
                    }
                }
                if !gold
                    .iter()
                    .any(|g| g.content.iter().any(|&c| ov(c, q.content_span)))
                {
                    let snip: String = text[q.span[0]..q.span[1]].chars().take(160).collect();
                    println!("FALSE\t{}\t{}\t{}", q.rule, q.cue, snip.replace('\n', " "));
                }
            }
        }
        total.add(&s);
    }
    let (op, or, of) = total.overlap();
    let (ep, er, ef) = total.exact();
    println!(
        "polnear dev: {} files, gold {}, predicted {}\n  overlap P {op:.3} R {or:.3} F1 {of:.3}\n  exact   P {ep:.3} R {er:.3} F1 {ef:.3}\n  speaker accuracy {:.3} ({}/{})\n  speed {:.2} MB/s (debug build, text+quotes)",
        anns.len(),
        total.gold,
        total.predicted,
        total.speaker_accuracy(),
        total.speaker_ok,
        total.speaker_checked,
        bytes as f64 / 1e6 / secs.max(1e-9)
    );
    // Floors just under today's figures (0.716 overlap F1, 0.434 exact F1, 0.892 speakers).
    assert!(of >= 0.69, "overlap F1 {of:.3} fell under 0.69");
    assert!(ef >= 0.40, "exact F1 {ef:.3} fell under 0.40");
    assert!(
        total.speaker_accuracy() >= 0.86,
        "speaker accuracy fell under 0.86"
    );
}
