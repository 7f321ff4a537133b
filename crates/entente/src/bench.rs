//! `entente bench`: codes a corpus in memory and prints throughput (wall
//! and CPU time), each stage's share and, with `--jobs`, the speed-up.

use super::*;

/// This thread's CPU time in seconds (user and system), where the system
/// says it (`/proc`, in clock ticks of 10 ms).
fn thread_cpu() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name, which is in brackets and may hold spaces.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    let ticks = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

pub(crate) fn bench(
    paths: &[PathBuf],
    repeat: usize,
    jobs: usize,
    lex_args: &LexArgs,
) -> Result<ExitCode> {
    let docs = bench_corpus(paths)?;
    let t0 = std::time::Instant::now();
    let lex = load_lexicon(lex_args)?;
    let pipeline = Pipeline::new(&lex)?
        .with_grammar(lex_args.grammar)
        .with_topics(!lex_args.all_topics);
    let startup = t0.elapsed();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let (mut sentences, mut mentions, mut times, mut events, mut quotes, mut facts) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    let mut clock = pipeline::StageTimes::default();
    let t = std::time::Instant::now();
    let cpu0 = thread_cpu();
    for _ in 0..repeat.max(1) {
        for d in &docs {
            let c = pipeline.code_timed(d.clone(), &mut clock);
            sentences += c.sentences.len();
            mentions += c.mentions.len();
            times += c.times.len();
            events += c.events.len();
            quotes += c.quotes.len();
            facts += c.facts.len();
        }
    }
    let secs = t.elapsed().as_secs_f64().max(1e-9);
    let cpu = thread_cpu().zip(cpu0).map(|(b, a)| (b - a).max(1e-9));
    let n = repeat.max(1) as f64;
    println!(
        "corpus: {} documents, {:.2} MB",
        docs.len(),
        bytes as f64 / 1e6
    );
    println!(
        "start-up (lexicon + automata): {:.0} ms",
        startup.as_secs_f64() * 1e3
    );
    println!(
        "code: {:.1} documents/s, {:.2} MB/s, {:.0} sentences/s (one core, {} pass(es), {:.2} s)",
        docs.len() as f64 * n / secs,
        bytes as f64 * n / 1e6 / secs,
        sentences as f64 / secs,
        repeat.max(1),
        secs
    );
    if let Some(cpu) = cpu {
        // On a shared machine the wall clock counts other processes' turns.
        println!(
            "cpu:  {:.2} MB/s of this thread's CPU time ({:.2} s)",
            bytes as f64 * n / 1e6 / cpu,
            cpu
        );
    }
    let per = repeat.max(1);
    println!(
        "found per pass: {} sentences, {} time expressions, {} mentions, {} events, {} quotes, {} facts",
        sentences / per,
        times / per,
        mentions / per,
        events / per,
        quotes / per,
        facts / per
    );
    for (stage, d) in clock.stages() {
        let s = d.as_secs_f64().max(1e-9);
        println!(
            "  {stage:<18} {:>6.1}% of the time, {:>8.1} MB/s alone",
            100.0 * s / secs,
            bytes as f64 * n / 1e6 / s
        );
    }
    if jobs > 1 {
        let t = std::time::Instant::now();
        let mut found = 0usize;
        jobs::ordered_map(
            jobs,
            |push| {
                for _ in 0..repeat.max(1) {
                    for d in &docs {
                        if !push(d.clone()) {
                            return;
                        }
                    }
                }
            },
            |d| pipeline.code(d).sentences.len(),
            |n| {
                found += n;
                Ok::<_, ()>(())
            },
        )
        .ok();
        let many = t.elapsed().as_secs_f64().max(1e-9);
        // Untimed: the records of every document, coded on one thread and on N.
        let print = |jobs| -> Vec<u64> {
            let mut sums = Vec::new();
            jobs::ordered_map(
                jobs,
                |push| {
                    for d in &docs {
                        if !push(d.clone()) {
                            return;
                        }
                    }
                },
                |d| {
                    use std::hash::{Hash, Hasher};
                    let mut h = std::hash::DefaultHasher::new();
                    json_lines(pipeline.code(d), false).ok().hash(&mut h);
                    h.finish()
                },
                |sum| {
                    sums.push(sum);
                    Ok::<_, ()>(())
                },
            )
            .ok();
            sums
        };
        let same = found == sentences && print(1) == print(jobs);
        println!(
            "code on {jobs} threads: {:.1} documents/s, {:.2} MB/s ({:.2}x one thread, {:.2} s); output {}",
            docs.len() as f64 * n / many,
            bytes as f64 * n / 1e6 / many,
            secs / many,
            many,
            if same { "identical to one thread" } else { "DIFFERS from one thread" }
        );
        anyhow::ensure!(
            same,
            "coding on {jobs} threads gave other records than on one"
        );
    }
    if let Some(kb) = peak_rss_kb() {
        println!("peak memory: {:.1} MB", kb as f64 / 1024.0);
    }
    Ok(ExitCode::SUCCESS)
}

/// Peak resident set size, from the kernel's own accounting.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|n| n.parse().ok())
}

/// The benchmark corpus: CSV files with a `text` column, or article files.
fn bench_corpus(paths: &[PathBuf]) -> Result<Vec<model::Document>> {
    let opts = ingest::Options {
        default_date: None,
        today: chrono::Local::now().date_naive(),
        max_bytes: usize::MAX,
        csv: Default::default(),
    };
    let mut docs = Vec::new();
    for p in paths {
        if p.extension().and_then(|e| e.to_str()) == Some("csv") {
            let raw = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
            for (i, row) in eval::corpus::csv_rows(&raw)
                .with_context(|| format!("reading {}", p.display()))?
                .into_iter()
                .enumerate()
            {
                let Some(text) = row.get("text") else {
                    continue;
                };
                let date = row
                    .get("date")
                    .and_then(|d| ingest::parse_date_loose(d))
                    .unwrap_or(opts.today);
                docs.push(model::Document::from_text(
                    format!("row{i}"),
                    text.to_string(),
                    date.format("%Y-%m-%d").to_string(),
                ));
            }
        } else {
            let mut diags = Vec::new();
            for input in inputs::expand(std::slice::from_ref(p), &mut diags) {
                inputs::read(&input, None, &opts, &mut |parsed| {
                    parsed.diagnostics.iter().for_each(report);
                    docs.extend(parsed.documents)
                });
            }
            diags.iter().for_each(report);
        }
    }
    anyhow::ensure!(!docs.is_empty(), "no documents in the benchmark corpus");
    Ok(docs)
}
