//! Reading inputs: files, directories (recursively) and standard input.
//!
//! This is the only module that opens files for the pipeline. Each input is
//! turned into `ingest::Parsed` batches; JSONL is streamed line by line so an
//! endless standard input runs in constant memory.

use ingest::{Format, IngestError, Options, Parsed};
use model::{Diagnostic, Severity};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One thing to read.
#[derive(Debug, Clone)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }
}

/// Expands the command-line paths: directories recursively (sorted, hidden
/// files skipped), `-` as standard input. Unreadable paths are diagnostics.
pub fn expand(paths: &[PathBuf], diags: &mut Vec<Diagnostic>) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Input::Stdin);
        } else if p.is_dir() {
            walk(p, &mut out, diags);
        } else if p.exists() {
            out.push(Input::File(p.clone()));
        } else {
            diags.push(error(
                &p.display().to_string(),
                None,
                "no such file or directory".into(),
            ));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Input>, diags: &mut Vec<Diagnostic>) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            diags.push(error(
                &dir.display().to_string(),
                None,
                format!("cannot read directory: {e}"),
            ));
            return;
        }
    };
    entries.sort();
    for p in entries {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            walk(&p, out, diags);
        } else {
            out.push(Input::File(p));
        }
    }
}

pub fn error(file: &str, line: Option<usize>, message: String) -> Diagnostic {
    Diagnostic {
        doc: None,
        file: Some(file.to_string()),
        line,
        severity: Severity::Error,
        message,
    }
}

/// Reads one input and hands each parsed batch to `sink` as soon as it is ready.
/// Whole-input failures come back as an error diagnostic batch.
pub fn read(input: &Input, forced: Option<Format>, opts: &Options, sink: &mut dyn FnMut(Parsed)) {
    let name = input.name();
    let fail = |message: String| Parsed {
        diagnostics: vec![error(&name, None, message)],
        skipped: 1,
        ..Parsed::default()
    };
    match input {
        Input::File(path) => {
            let file = match std::fs::File::open(path) {
                Ok(f) => f,
                Err(e) => return sink(fail(format!("cannot open: {e}"))),
            };
            let format = forced.or_else(|| Format::from_extension(&name));
            if format == Some(Format::Jsonl) {
                return stream_jsonl(BufReader::new(file), &name, opts, sink);
            }
            if format == Some(Format::Csv) {
                return stream_csv(BufReader::new(file), &name, opts, sink);
            }
            let size = file.metadata().map(|m| m.len() as usize).unwrap_or(0);
            if size > opts.max_bytes {
                return sink(to_parsed(
                    &name,
                    Err(IngestError::TooLarge {
                        origin: name.clone(),
                        size,
                        limit: opts.max_bytes,
                    }),
                ));
            }
            let mut bytes = Vec::with_capacity(size);
            if let Err(e) = file
                .take((opts.max_bytes as u64).saturating_add(1))
                .read_to_end(&mut bytes)
            {
                return sink(fail(format!("cannot read: {e}")));
            }
            let format = format.unwrap_or_else(|| Format::sniff(&bytes));
            sink(to_parsed(&name, ingest::parse(&bytes, format, &name, opts)));
        }
        Input::Stdin => {
            let mut reader = BufReader::new(std::io::stdin().lock());
            let format = match forced {
                Some(f) => f,
                None => match reader.fill_buf() {
                    Ok(head) => Format::sniff(head),
                    Err(e) => return sink(fail(format!("cannot read: {e}"))),
                },
            };
            if format == Format::Jsonl {
                return stream_jsonl(reader, &name, opts, sink);
            }
            let mut bytes = Vec::new();
            if let Err(e) = reader
                .take((opts.max_bytes as u64).saturating_add(1))
                .read_to_end(&mut bytes)
            {
                return sink(fail(format!("cannot read: {e}")));
            }
            sink(to_parsed(&name, ingest::parse(&bytes, format, &name, opts)));
        }
    }
}

fn to_parsed(name: &str, r: Result<Parsed, IngestError>) -> Parsed {
    r.unwrap_or_else(|e| {
        let message = e.to_string();
        // The error's text already starts with the origin; keep the record's message bare.
        let message = message
            .strip_prefix(&format!("{name}: "))
            .map(str::to_string)
            .unwrap_or(message);
        Parsed {
            diagnostics: vec![error(name, None, message)],
            skipped: 1,
            ..Parsed::default()
        }
    })
}

/// Rows handed on per batch: enough to keep the coding threads fed.
const CSV_BATCH: usize = 64;

/// CSV one row at a time, so a corpus of any size runs in constant memory
/// (a row is still limited to `--max-bytes`).
fn stream_csv(reader: impl Read, name: &str, opts: &Options, sink: &mut dyn FnMut(Parsed)) {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(reader);
    let mut layout: Option<ingest::CsvLayout> = None;
    let mut batch = Parsed::default();
    let mut record = csv::StringRecord::new();
    loop {
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                let message = format!("malformed CSV row: {e}; skipped");
                // A stream error (an unreadable file) ends the input.
                let fatal = matches!(e.kind(), csv::ErrorKind::Io(_)) || layout.is_none();
                batch.diagnostics.push(error(name, line, message));
                batch.skipped += 1;
                if fatal {
                    break;
                }
                continue;
            }
        }
        let line = record.position().map_or(0, |p| p.line() as usize);
        let size: usize = record.iter().map(str::len).sum();
        if size > opts.max_bytes {
            batch.diagnostics.push(error(
                name,
                Some(line),
                format!(
                    "row is over the limit of {} bytes (raise it with --max-bytes); skipped",
                    opts.max_bytes
                ),
            ));
            batch.skipped += 1;
            continue;
        }
        let fields: Vec<&str> = record.iter().collect();
        match &layout {
            Some(l) => l.row(&fields, name, line, opts, &mut batch),
            None => match ingest::CsvLayout::new(&fields, &opts.csv, name) {
                Ok(l) => {
                    if opts.csv.no_header {
                        l.row(&fields, name, line, opts, &mut batch);
                    }
                    layout = Some(l);
                }
                Err(e) => {
                    batch = to_parsed(name, Err(e));
                    break;
                }
            },
        }
        if batch.documents.len() >= CSV_BATCH {
            sink(std::mem::take(&mut batch));
        }
    }
    if layout.is_none() && batch.diagnostics.is_empty() {
        batch
            .diagnostics
            .push(error(name, None, "empty input".into()));
        batch.skipped += 1;
    }
    if !batch.documents.is_empty() || !batch.diagnostics.is_empty() {
        sink(batch);
    }
}

/// JSONL one line at a time: memory stays flat however long the input runs.
fn stream_jsonl(
    mut reader: impl BufRead,
    name: &str,
    opts: &Options,
    sink: &mut dyn FnMut(Parsed),
) {
    let mut buf = Vec::new();
    let mut lineno = 0usize;
    loop {
        buf.clear();
        lineno += 1;
        // A line longer than the limit is read no further than the limit, then drained.
        let n = match (&mut reader)
            .take((opts.max_bytes as u64).saturating_add(1))
            .read_until(b'\n', &mut buf)
        {
            Ok(0) => return,
            Ok(n) => n,
            Err(e) => {
                return sink(Parsed {
                    diagnostics: vec![error(name, Some(lineno), format!("cannot read: {e}"))],
                    skipped: 1,
                    ..Parsed::default()
                })
            }
        };
        if n > opts.max_bytes && !buf.ends_with(b"\n") {
            let _ = reader.skip_until(b'\n');
            sink(Parsed {
                diagnostics: vec![error(
                    name,
                    Some(lineno),
                    format!(
                        "line is over the limit of {} bytes (raise it with --max-bytes); skipped",
                        opts.max_bytes
                    ),
                )],
                skipped: 1,
                ..Parsed::default()
            });
            continue;
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let mut parsed = match ingest::parse(&buf, Format::Jsonl, name, opts) {
            Ok(p) => p,
            Err(e) => Parsed {
                diagnostics: vec![error(name, Some(lineno), e.to_string())],
                skipped: 1,
                ..Parsed::default()
            },
        };
        // The parser saw a one-line input: report the real line number.
        for d in &mut parsed.diagnostics {
            if d.line.is_some() || d.file.as_deref() == Some(name) {
                d.line = Some(lineno);
            }
        }
        sink(parsed);
    }
}
