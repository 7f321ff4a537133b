//! CSV: one document per row, the columns named by a header (or numbered).
//!
//! The caller streams the rows (a news corpus in CSV can be gigabytes);
//! this module settles which column is which once, from the header, and
//! turns each row into a document or a diagnostic naming its line.

use crate::date::parse_date_loose;
use crate::{Draft, Format, IngestError, Options, Parsed};

/// Which columns hold what: `--text-column` and friends. `None` means the
/// default name (`text`, `title`, `date`, `id`, `url`), which may be absent
/// for all but the text; a column the user names must exist.
#[derive(Debug, Clone, Default)]
pub struct CsvColumns {
    pub text: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub id: Option<String>,
    pub url: Option<String>,
    /// The first row is data, not a header: columns are named by number.
    pub no_header: bool,
}

/// Column positions, settled once per file.
#[derive(Debug, Clone)]
pub struct CsvLayout {
    width: usize,
    text: usize,
    title: Option<usize>,
    date: Option<usize>,
    id: Option<usize>,
    url: Option<usize>,
    source: Option<usize>,
    author: Option<usize>,
}

impl CsvLayout {
    /// Finds the columns in a header row (the first row of the file). With
    /// `no_header`, `header` is the first data row and only numbers name columns.
    pub fn new(header: &[&str], cols: &CsvColumns, origin: &str) -> Result<CsvLayout, IngestError> {
        let names: Vec<String> = header
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_lowercase())
            .collect();
        let find = |spec: &str| -> Option<usize> {
            let want = spec.trim().to_lowercase();
            if !cols.no_header {
                if let Some(i) = names.iter().position(|n| *n == want) {
                    return Some(i);
                }
            }
            // A number names a column by position, 1 being the first.
            match want.parse::<usize>() {
                Ok(n) if n >= 1 && n <= names.len() => Some(n - 1),
                _ => None,
            }
        };
        let missing = |flag: &str, spec: &str| IngestError::CsvColumn {
            origin: origin.to_string(),
            flag: flag.to_string(),
            column: spec.to_string(),
            found: if cols.no_header {
                format!("{} unnamed columns (--no-header)", names.len())
            } else {
                format!("{:?}", header)
            },
        };
        let text_spec = cols.text.as_deref().unwrap_or("text");
        let text = find(text_spec).ok_or_else(|| missing("--text-column", text_spec))?;
        let optional = |given: &Option<String>, default: &str, flag: &str| match given {
            Some(spec) => find(spec).map(Some).ok_or_else(|| missing(flag, spec)),
            None if cols.no_header => Ok(None),
            None => Ok(find(default)),
        };
        let by_name = |name: &str| {
            (!cols.no_header)
                .then(|| names.iter().position(|n| n == name))
                .flatten()
        };
        Ok(CsvLayout {
            width: header.len(),
            text,
            title: optional(&cols.title, "title", "--title-column")?,
            date: optional(&cols.date, "date", "--date-column")?,
            id: optional(&cols.id, "id", "--id-column")?,
            url: optional(&cols.url, "url", "--url-column")?,
            source: by_name("source"),
            author: by_name("author"),
        })
    }

    /// Turns one row into a document, or records why it was skipped.
    /// `line` is the row's first line in the file.
    pub fn row(
        &self,
        fields: &[&str],
        origin: &str,
        line: usize,
        opts: &Options,
        parsed: &mut Parsed,
    ) {
        let Some(text) = fields.get(self.text) else {
            parsed.error(
                origin,
                Some(line),
                format!(
                    "row has {} fields, the header {}; no text column; skipped",
                    fields.len(),
                    self.width
                ),
            );
            return;
        };
        let text = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        if text.is_empty() {
            parsed.error(origin, Some(line), "empty text; skipped".into());
            return;
        }
        let get = |i: Option<usize>| {
            i.and_then(|i| fields.get(i))
                .map(|f| f.trim())
                .filter(|f| !f.is_empty())
                .map(str::to_string)
        };
        let mut d = Draft {
            id: get(self.id),
            title: get(self.title),
            url: get(self.url),
            source: get(self.source),
            author: get(self.author),
            text,
            ..Draft::default()
        };
        if let Some(ds) = get(self.date) {
            match parse_date_loose(&ds) {
                Some(date) => d.date = Some(date),
                None => parsed.warn(
                    origin,
                    Some(line),
                    format!("unreadable date {ds:?}; using the fallback date"),
                ),
            }
        }
        parsed.documents.push(d.finish(Format::Csv, opts));
    }
}

/// A whole CSV input already in memory (standard input, the fuzzer): every
/// row, as [`CsvLayout::row`] reads them.
pub(crate) fn parse(
    text: &str,
    origin: &str,
    opts: &Options,
    parsed: &mut Parsed,
) -> Result<(), IngestError> {
    let mut rdr = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut layout = None;
    for rec in rdr.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                if layout.is_none() {
                    return Err(IngestError::Csv {
                        origin: origin.into(),
                        message: e.to_string(),
                    });
                }
                parsed.error(origin, line, format!("malformed CSV row: {e}; skipped"));
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| p.line() as usize);
        let fields: Vec<&str> = rec.iter().collect();
        match &layout {
            None => {
                let l = CsvLayout::new(&fields, &opts.csv, origin)?;
                if opts.csv.no_header {
                    l.row(&fields, origin, line, opts, parsed);
                }
                layout = Some(l);
            }
            Some(l) => l.row(&fields, origin, line, opts, parsed),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(csv: CsvColumns) -> Options {
        Options {
            default_date: None,
            today: chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
            max_bytes: 1 << 20,
            csv,
        }
    }

    #[test]
    fn rows_become_documents_with_their_metadata() {
        let text = "id,title,date,text,url,source\n\
                    a1,Talks,2025-03-14,\"Turkey and Azerbaijan met.\nThey agreed.\",https://x.org/1,Agency\n\
                    a2,,9-May-20,Iran warned Israel.,,\n";
        let mut p = Parsed::default();
        parse(text, "in.csv", &opts(CsvColumns::default()), &mut p).unwrap();
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        assert_eq!(p.documents.len(), 2);
        let d = &p.documents[0];
        assert_eq!(d.id, "a1");
        assert_eq!(d.title.as_deref(), Some("Talks"));
        assert_eq!(d.date, "2025-03-14");
        assert_eq!(d.text, "Turkey and Azerbaijan met.\nThey agreed.");
        assert_eq!(d.url.as_deref(), Some("https://x.org/1"));
        assert_eq!(d.source.as_deref(), Some("Agency"));
        assert_eq!(d.format, "csv");
        assert_eq!(p.documents[1].date, "2020-05-09");
        assert_eq!(p.documents[1].title, None);
    }

    #[test]
    fn columns_by_flag_by_number_and_without_a_header() {
        let text = "1,Fears for pension,Unions said they are disappointed.\n";
        let cols = CsvColumns {
            text: Some("3".into()),
            title: Some("2".into()),
            no_header: true,
            ..CsvColumns::default()
        };
        let mut p = Parsed::default();
        parse(text, "ag.csv", &opts(cols), &mut p).unwrap();
        assert_eq!(p.documents.len(), 1);
        assert_eq!(p.documents[0].title.as_deref(), Some("Fears for pension"));
        let text = "notes,event_date\nProtesters gathered in Haifa.,9-May-20\n";
        let cols = CsvColumns {
            text: Some("notes".into()),
            date: Some("event_date".into()),
            ..CsvColumns::default()
        };
        let mut p = Parsed::default();
        parse(text, "acled.csv", &opts(cols), &mut p).unwrap();
        assert_eq!(p.documents[0].date, "2020-05-09");
    }

    #[test]
    fn a_missing_column_names_the_file_the_flag_and_the_header() {
        let mut p = Parsed::default();
        let e = parse(
            "body,date\nx,2025-01-01\n",
            "in.csv",
            &opts(CsvColumns::default()),
            &mut p,
        )
        .unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("in.csv: no column \"text\""), "{msg}");
        assert!(
            msg.contains("--text-column") && msg.contains("body"),
            "{msg}"
        );
        let cols = CsvColumns {
            text: Some("body".into()),
            title: Some("headline".into()),
            ..CsvColumns::default()
        };
        let e = parse("body,date\nx,2025-01-01\n", "in.csv", &opts(cols), &mut p).unwrap_err();
        assert!(e.to_string().contains("--title-column"), "{e}");
    }

    #[test]
    fn bad_rows_are_skipped_with_their_line() {
        let text = "text,date\nGood row.,2025-01-01\n,2025-01-02\nAnother.,someday\n";
        let mut p = Parsed::default();
        parse(text, "in.csv", &opts(CsvColumns::default()), &mut p).unwrap();
        assert_eq!(p.documents.len(), 2);
        assert_eq!(p.skipped, 1);
        let lines: Vec<_> = p
            .diagnostics
            .iter()
            .map(|d| (d.line, d.message.clone()))
            .collect();
        assert_eq!(lines[0].0, Some(3));
        assert!(lines[0].1.contains("empty text"));
        assert_eq!(lines[1].0, Some(4));
        assert!(lines[1].1.contains("unreadable date"));
    }
}
