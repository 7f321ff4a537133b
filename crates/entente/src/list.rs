//! How every list and report command prints: one default limit, the same
//! four formats, a note on stderr for what was left out and for no results.

use crate::table::Table;
use anyhow::Result;
use clap::{Args, ValueEnum};
use std::io::{BufWriter, Write};

/// The one default limit of every list.
pub const DEFAULT_LIMIT: usize = 100;

#[derive(Clone, Copy, ValueEnum, PartialEq, Debug)]
pub enum OutFormat {
    /// Aligned columns with a header, for people.
    Table,
    /// One JSON document (an array for lists).
    Json,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header line.
    Csv,
}

/// `--limit`, `--all` and `--format`, shared by every list command.
#[derive(Args, Clone, Copy)]
pub struct ListArgs {
    /// Print at most N rows (every list's default is 100); stderr says how many were left out.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_LIMIT)]
    pub limit: usize,
    /// Print every row.
    #[arg(long)]
    pub all: bool,
    /// Output format: table (for people), json (one array), jsonl (an object per line) or csv.
    #[arg(long, value_enum, default_value_t = OutFormat::Table)]
    pub format: OutFormat,
}

impl ListArgs {
    /// How many of `total` rows to print.
    pub fn shown(&self, total: usize) -> usize {
        if self.all {
            total
        } else {
            total.min(self.limit)
        }
    }
}

/// Says on stderr what the list left out, or that it found nothing.
pub fn note_left_out(shown: usize, total: usize) {
    if total == 0 {
        eprintln!("entente: no results");
    } else if shown < total {
        eprintln!("entente: showing {shown} of {total}; --limit N or --all for more");
    }
}

pub fn stdout() -> BufWriter<std::io::StdoutLock<'static>> {
    BufWriter::new(std::io::stdout().lock())
}

/// Prints the first rows `args` allows, in its format; `table` lays rows out for people.
pub fn print_list<T: serde::Serialize>(
    rows: &[T],
    args: &ListArgs,
    table: impl FnOnce(&[T]) -> Table,
) -> Result<()> {
    let shown = args.shown(rows.len());
    let rows = &rows[..shown];
    let mut out = stdout();
    match args.format {
        OutFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(rows)?)?,
        OutFormat::Jsonl => json_lines(&mut out, rows)?,
        OutFormat::Csv => csv_rows(&mut out, rows)?,
        OutFormat::Table if rows.is_empty() => {}
        OutFormat::Table => out.write_all(table(rows).render().as_bytes())?,
    }
    out.flush()?;
    Ok(())
}

/// Prints the list, says what it left out, and succeeds (also with no rows).
pub fn show<T: serde::Serialize>(
    rows: &[T],
    args: &ListArgs,
    table: impl FnOnce(&[T]) -> Table,
) -> Result<std::process::ExitCode> {
    print_list(rows, args, table)?;
    note_left_out(args.shown(rows.len()), rows.len());
    Ok(std::process::ExitCode::SUCCESS)
}

/// Prints one report: the whole as JSON (pretty, or on one line for jsonl),
/// its main list as CSV, or the command's own table.
pub fn print_report<T: serde::Serialize>(
    report: &T,
    format: OutFormat,
    csv: impl FnOnce(&mut dyn Write, &T) -> Result<()>,
    table: impl FnOnce(&mut dyn Write, &T) -> Result<()>,
) -> Result<()> {
    let mut out = stdout();
    match format {
        OutFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(report)?)?,
        OutFormat::Jsonl => writeln!(out, "{}", serde_json::to_string(report)?)?,
        OutFormat::Csv => csv(&mut out, report)?,
        OutFormat::Table => table(&mut out, report)?,
    }
    out.flush()?;
    Ok(())
}

pub fn json_lines<T: serde::Serialize>(out: &mut dyn Write, rows: &[T]) -> Result<()> {
    for r in rows {
        serde_json::to_writer(&mut *out, r)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

pub fn csv_rows<T: serde::Serialize>(out: &mut dyn Write, rows: &[T]) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    for r in rows {
        w.serialize(r)?;
    }
    w.flush()?;
    Ok(())
}
