//! `entente help TOPIC` (record formats, CAMEO and PLOVER labels, time
//! values, exit codes) and `entente completions SHELL`.

use anyhow::Result;
use clap::CommandFactory;
use std::io::Write;
use std::process::ExitCode;

/// The end of `entente --help`.
pub const MAIN_AFTER_HELP: &str = "\
Examples:
  entente ingest --db examples.db examples/
  entente events --db examples.db --actor Azerbaijan
  entente help records

Lists (documents, actors, search, events, quotes, facts, brokers, blocs, network,
dependencies) print at most 100 rows (--limit N, --all) and say on stderr what they
left out; every list and report takes --format table|json|jsonl|csv.

Exit status:
  0  success, also for a query that finds nothing (stderr says \"no results\")
  1  failure: unreadable or skipped input, a damaged database, an I/O error
  2  usage: an unknown command or option, a bad value, an unknown actor or
     document, a missing database

Topics: entente help records|cameo|plover|times|exit-codes";

const TOPICS: [(&str, &str); 5] = [
    (
        "records",
        "the JSON records of `entente code` and the stored lists",
    ),
    (
        "cameo",
        "CAMEO event codes with their names, Goldstein weights and PLOVER types",
    ),
    (
        "plover",
        "PLOVER event types and the CAMEO codes under each",
    ),
    (
        "times",
        "time values: what the stored TIMEX3 values mean and how tables show them",
    ),
    ("exit-codes", "what each exit status means"),
];

const RECORDS: &str = "\
`entente code` prints one JSON object per line; `kind` says which record it is.
Spans are [start, end) byte offsets into the document record's `text`; every
record's `rule` names the lexicon row or pattern that made it.

document    doc, title, author, date, date_source (metadata|option|today), url,
            source, format, text, boilerplate
sentence    doc, index, span
time        doc, sentence, span, text, value (TIMEX3, see `entente help times`),
            type (date|time|duration|set), rule
mention     doc, sentence, span, text, actor {code, country, role, name, id, type},
            rule, discovered (true: found from the text, no lexicon entry)
event       doc, sentence, span (the trigger), source and target {actor..., text, span},
            cameo, root, plover, mode, goldstein, quad_class (1 verbal cooperation,
            2 material cooperation, 3 verbal conflict, 4 material conflict),
            modality (asserted|planned|hypothetical|negated), reported_by, date,
            date_precision, place, rule, confidence
quote       doc, sentence, span, speaker (an actor, or {text, span} when unresolved),
            cue, content, content_span, style, rule
fact        doc, sentence, span, measure (import_share, supply_share, stake, money,
            killed...), value, unit, approx, holder, counterpart, commodity, asset,
            period, rule
diagnostic  severity, file, line, doc, message: input that was skipped, and why

The query commands' json, jsonl and csv formats print their rows with the
stored values (TIMEX3 dates, codes); only tables put dates into words.";

const TIMES: &str = "\
Time values are TIMEX3 values, as TimeML defines them. JSON and CSV keep them;
tables and `entente show` print them in words:

2025-01-29          a day                             2025-01-29
2025-01-29TNI       a part of a day (MO, AF, EV, NI)  2025-01-29 night
2025-01-29T14:30    a time                            2025-01-29 14:30
2025-02             a month                           February 2025
2025-W12            a week (ISO)                      week of 2025-03-17
2025-Q1, 2025-SU    a quarter, a season               Q1 2025, summer 2025
2025, 199X          a year, a decade                  2025, the 1990s
P3D, PXM            a duration (X: unspecified)       3 days, some months
PRESENT_REF         now (PAST_REF, FUTURE_REF)        now, the past, the future

An event's date is the time expression its sentence gives, else its document's
date (`date_precision` says which: day, month, year, range or document).";

const EXIT_CODES: &str = "\
0  success, also for a query that finds nothing: stderr then says \"no results\"
1  failure: unreadable, binary or oversized input that was skipped (the rest is
   still coded or stored), a damaged database, an I/O error
2  usage: an unknown command or option, a bad value, an unknown actor or
   document, a missing database, a malformed search query

The rule is the same for every command.";

/// Prints a topic, or the help of a command (`events`, `eval timex`).
pub fn help(topic: &[String]) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let first = topic.first().map(|t| t.to_ascii_lowercase());
    match (first.as_deref(), topic.len()) {
        (None, _) => {
            crate::Cli::command().write_help(&mut out)?;
            writeln!(out, "\nHelp topics (entente help TOPIC):")?;
            for (name, what) in TOPICS {
                writeln!(out, "  {name:<11} {what}")?;
            }
        }
        (Some("records"), 1) => writeln!(out, "{RECORDS}")?,
        (Some("times"), 1) => writeln!(out, "{TIMES}")?,
        (Some("exit-codes"), 1) => writeln!(out, "{EXIT_CODES}")?,
        (Some("cameo"), 1) => out.write_all(cameo()?.as_bytes())?,
        (Some("plover"), 1) => out.write_all(plover()?.as_bytes())?,
        _ => {
            let mut cmd = crate::Cli::command();
            // Built, so that usage lines name `entente COMMAND`.
            cmd.build();
            for name in topic {
                let Some(sub) = cmd.find_subcommand(name).cloned() else {
                    let topics: Vec<&str> = TOPICS.iter().map(|t| t.0).collect();
                    return Err(crate::usage(&format!(
                        "no help topic or command {:?}; topics: {}",
                        topic.join(" "),
                        topics.join(", ")
                    )));
                };
                cmd = sub;
            }
            cmd.write_long_help(&mut out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Every CAMEO code under its root.
fn cameo() -> Result<String> {
    let table = events::cameo::CameoTable::builtin()?;
    let mut t = crate::table::Table::new(&["code", "name", ">goldstein", ">quad", "plover"]);
    for c in table.codes() {
        // Roots are the codes ending in 0 with three digits (010, 180).
        let name = if c.code.len() == 3 && c.code.ends_with('0') {
            c.name
                .trim_end_matches(", not specified below")
                .to_uppercase()
        } else {
            format!("  {}", c.name)
        };
        t.row(vec![
            c.code.clone(),
            name,
            format!("{:+.1}", c.goldstein),
            c.quad.to_string(),
            crate::table::or_dash(Some(&c.plover)),
        ]);
    }
    Ok(format!(
        "CAMEO 1.1b3 event codes; the root is the first two digits (04 CONSULT...);\nquad 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.\n\n{}",
        t.render()
    ))
}

/// Every PLOVER type with the CAMEO codes mapped to it.
fn plover() -> Result<String> {
    let table = events::cameo::CameoTable::builtin()?;
    let mut by_type: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for c in table.codes() {
        let plover = if c.plover.is_empty() {
            "(none)"
        } else {
            c.plover.as_str()
        };
        by_type.entry(plover).or_default().push(&c.code);
    }
    let mut t = crate::table::Table::new(&["plover", ">codes", "cameo codes"]);
    for (plover, codes) in by_type {
        let shown: Vec<&str> = codes.iter().take(12).copied().collect();
        let more = if codes.len() > 12 { " ..." } else { "" };
        t.row(vec![
            plover.to_string(),
            codes.len().to_string(),
            format!("{}{more}", shown.join(" ")),
        ]);
    }
    Ok(format!(
        "PLOVER event types (CAMEO-to-PLOVER mapping, 2021); `entente help cameo` lists every code.\n\n{}",
        t.render()
    ))
}

pub fn completions(shell: clap_complete::Shell) -> Result<ExitCode> {
    let mut cmd = crate::Cli::command();
    clap_complete::generate(shell, &mut cmd, "entente", &mut std::io::stdout());
    Ok(ExitCode::SUCCESS)
}
