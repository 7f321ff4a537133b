//! Plain-text tables: a header on every table, column widths from the data.

/// A table being filled; `render` pads every column to its widest cell.
pub struct Table {
    headers: Vec<&'static str>,
    /// Right-aligned columns (numbers).
    right: Vec<bool>,
    rows: Vec<Vec<String>>,
}

/// One column: its header (`>` first for right-aligned) and its cell for a row.
pub type Column<T> = (&'static str, fn(&T) -> String);

impl Table {
    /// A table of `rows` with each header and its cell declared together.
    pub fn of<T>(rows: &[T], columns: &[Column<T>]) -> Table {
        let headers: Vec<&'static str> = columns.iter().map(|c| c.0).collect();
        let mut t = Table::new(&headers);
        for r in rows {
            t.row(columns.iter().map(|c| (c.1)(r)).collect());
        }
        t
    }

    /// Columns by header; a header starting with `>` is right-aligned (the `>` is not printed).
    pub fn new(headers: &[&'static str]) -> Table {
        Table {
            headers: headers.iter().map(|h| h.trim_start_matches('>')).collect(),
            right: headers.iter().map(|h| h.starts_with('>')).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn render(&self) -> String {
        self.render_indented("")
    }

    /// Every line starts with `indent`.
    pub fn render_indented(&self, indent: &str) -> String {
        let n = self.headers.len();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| width(h)).collect();
        for r in &self.rows {
            for (w, c) in widths.iter_mut().zip(r) {
                *w = (*w).max(width(c));
            }
        }
        let mut out = String::new();
        let header: Vec<String> = self.headers.iter().map(|h| h.to_string()).collect();
        for cells in std::iter::once(&header).chain(&self.rows) {
            let mut line = indent.to_string();
            for (i, w) in widths.iter().enumerate() {
                let cell = cells.get(i).map_or("", String::as_str);
                let pad = w - width(cell).min(*w);
                if i > 0 {
                    line.push_str("  ");
                }
                if self.right[i] {
                    line.extend(std::iter::repeat_n(' ', pad));
                    line.push_str(cell);
                } else {
                    line.push_str(cell);
                    // The last column is not padded: no trailing blanks.
                    if i + 1 < n {
                        line.extend(std::iter::repeat_n(' ', pad));
                    }
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

/// Display width, counted in characters (the tables hold no wide scripts' columns of note).
fn width(s: &str) -> usize {
    s.chars().count()
}

/// A cell for an optional value: `-` when absent or empty.
pub fn or_dash(s: Option<&str>) -> String {
    match s {
        Some(s) if !s.is_empty() => s.to_string(),
        _ => "-".to_string(),
    }
}

/// `1 event`, `3 events`.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_take_the_widest_cell() {
        let mut t = Table::new(&["code", ">n", "name"]);
        t.row(vec!["ISRGOV".into(), "7".into(), "Israel".into()]);
        t.row(vec!["TUR".into(), "1234".into(), "Turkey".into()]);
        assert_eq!(
            t.render(),
            "code       n  name\nISRGOV     7  Israel\nTUR     1234  Turkey\n"
        );
    }
}
