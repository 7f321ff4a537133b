//! Casualty facts measured against ACLED's coded fatalities (skipped when `../shared` is absent).

use eval::corpus::csv_rows;
use eval::quotes::{note_fatalities, score_fatality, FatalityScore};

#[test]
fn acled_fatalities_agree() {
    let Some(csv) = testkit::shared_path("corpora/acled-global-2020-05/acled.csv") else {
        return;
    };
    let data = std::fs::read(&csv).expect("read acled.csv");
    let rows = csv_rows(&data).expect("acled.csv parses");
    let mut score = FatalityScore::default();
    let verbose = std::env::var("ACLED_VERBOSE").is_ok();
    let t0 = std::time::Instant::now();
    let mut bytes = 0;
    for row in &rows {
        let (Some(note), Some(gold)) = (
            row.get("notes"),
            row.get("fatalities").and_then(|f| f.parse::<u64>().ok()),
        ) else {
            continue;
        };
        bytes += note.len();
        let ours = note_fatalities(note);
        if verbose && ours.is_some_and(|n| n != gold) || verbose && ours.is_none() && gold > 0 {
            println!("DIFF\tours {ours:?}\tgold {gold}\t{note}");
        }
        score_fatality(&mut score, ours, gold);
    }
    println!(
        "acled fatalities: {} notes; stated {} of which {} agree ({:.3}); ACLED>0: {} of which {} agree ({:.3}); overall with silence as 0: {:.3}; {:.2} MB/s",
        score.notes,
        score.stated,
        score.agree,
        score.precision(),
        score.gold_positive,
        score.gold_positive_agree,
        score.recall_positive(),
        score.overall(),
        bytes as f64 / 1e6 / t0.elapsed().as_secs_f64().max(1e-9)
    );
    // Floors just under today's figures (0.924 when stated, 0.773 of ACLED's positive counts).
    assert!(
        score.precision() >= 0.90,
        "agreement when stated fell under 0.90"
    );
    assert!(
        score.recall_positive() >= 0.75,
        "agreement on positive counts fell under 0.75"
    );
}
