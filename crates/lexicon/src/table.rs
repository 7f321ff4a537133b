//! The one reader of TSV data tables: blank lines and `#` comment lines are
//! skipped, the header is checked, every row keeps its 1-based line number,
//! and every problem reads `FILE:LINE: message`. The lexicon's tables, the
//! event coder's, the claims' cue and measure tables and the scorers' ACLED
//! tables all read through it (a tidy test keeps it the only one).

/// One thing wrong with a data table, at `file:line`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl Problem {
    pub fn new(file: &str, line: usize, message: String) -> Problem {
        Problem {
            file: file.to_string(),
            line,
            message,
        }
    }
}

/// One data row: where it is and its cells (trimmed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    pub file: &'a str,
    /// 1-based line in the file.
    pub line: usize,
    pub cells: Vec<&'a str>,
}

impl Row<'_> {
    /// `FILE:LINE`: the provenance of whatever the row makes.
    pub fn provenance(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }

    /// A problem with this row.
    pub fn problem(&self, message: impl Into<String>) -> Problem {
        Problem::new(self.file, self.line, message.into())
    }
}

/// Last columns a table may leave off, in its header or its rows.
const OPTIONAL_LAST: &[&str] = &["why", "geonameid"];

/// Splits a table into rows, checking the header and the column counts.
/// Problems are collected, not fatal: a row with a problem is left out and
/// the rest are read, so a check can report them all at once.
pub fn rows<'a>(file: &'a str, contents: &'a str, header: &[&str]) -> (Vec<Row<'a>>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut out = Vec::new();
    let mut seen_header = false;
    for (i, raw) in contents.lines().enumerate() {
        let line = i + 1;
        let l = raw.trim_end_matches('\r');
        if l.trim().is_empty() || l.starts_with('#') {
            continue;
        }
        let mut cells: Vec<&str> = l.split('\t').map(str::trim).collect();
        // A trailing `why` note or `geonameid` is optional (editors strip
        // trailing tabs; places tables written before the column lack it).
        let optional_last = header.last().is_some_and(|h| OPTIONAL_LAST.contains(h));
        if seen_header && optional_last && cells.len() + 1 == header.len() {
            cells.push("");
        }
        if !seen_header {
            seen_header = true;
            let short = optional_last && cells[..] == header[..header.len() - 1];
            if cells != header && !short {
                problems.push(Problem::new(
                    file,
                    line,
                    format!(
                        "header is `{}`, expected `{}`",
                        cells.join("\\t"),
                        header.join("\\t")
                    ),
                ));
            }
            continue;
        }
        if cells.len() != header.len() {
            problems.push(Problem::new(
                file,
                line,
                format!(
                    "expected {} columns ({}), found {}",
                    header.len(),
                    header.join(", "),
                    cells.len()
                ),
            ));
            continue;
        }
        out.push(Row { file, line, cells });
    }
    if !seen_header {
        problems.push(Problem::new(
            file,
            1,
            format!("missing header `{}`", header.join("\\t")),
        ));
    }
    (out, problems)
}

/// As [`rows`], stopping at the first problem: for tables compiled into a
/// stage, where any problem is a bug to fix before release.
pub fn strict_rows<'a>(
    file: &'a str,
    contents: &'a str,
    header: &[&str],
) -> Result<Vec<Row<'a>>, Problem> {
    let (rows, problems) = rows(file, contents, header);
    match problems.into_iter().next() {
        Some(p) => Err(p),
        None => Ok(rows),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_with_their_lines() {
        let src = "# a comment\n\na\tb\nx\t y \n# another\nz\tw\n";
        let rows = strict_rows("t.tsv", src, &["a", "b"]).expect("reads");
        let got: Vec<(String, Vec<&str>)> = rows
            .iter()
            .map(|r| (r.provenance(), r.cells.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("t.tsv:4".to_string(), vec!["x", "y"]),
                ("t.tsv:6".to_string(), vec!["z", "w"])
            ]
        );
    }

    #[test]
    fn names_file_and_line_of_each_problem() {
        let (rows, problems) = rows("t.tsv", "a\tc\nx\n", &["a", "b"]);
        assert!(rows.is_empty());
        let msgs: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            msgs,
            vec![
                "t.tsv:1: header is `a\\tc`, expected `a\\tb`".to_string(),
                "t.tsv:2: expected 2 columns (a, b), found 1".to_string()
            ]
        );
        assert_eq!(
            strict_rows("t.tsv", "", &["a"]).map(|r| r.len()),
            Err(Problem::new("t.tsv", 1, "missing header `a`".into()))
        );
    }

    #[test]
    fn why_may_be_left_off() {
        let rows = strict_rows("t.tsv", "a\twhy\nx\n", &["a", "why"]).expect("reads");
        assert_eq!(rows[0].cells, vec!["x", ""]);
    }

    #[test]
    fn geonameid_may_be_left_off_header_and_rows() {
        let h = &["a", "geonameid"];
        let rows = strict_rows("t.tsv", "a\nx\n", h).expect("reads");
        assert_eq!(rows[0].cells, vec!["x", ""]);
        let rows = strict_rows("t.tsv", "a\tgeonameid\nx\t7\ny\n", h).expect("reads");
        assert_eq!(rows[0].cells, vec!["x", "7"]);
        assert_eq!(rows[1].cells, vec!["y", ""]);
        let e = strict_rows("t.tsv", "b\nx\n", h).expect_err("wrong header");
        assert_eq!(
            e.to_string(),
            "t.tsv:1: header is `b`, expected `a\\tgeonameid`"
        );
    }
}
