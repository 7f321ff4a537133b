//! Publication dates as documents write them in metadata.

use chrono::{DateTime, NaiveDate};

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let i = MONTHS.iter().position(|m| w.starts_with(m))?;
    // "March" and "Mar" both start with "mar", "Marchers" must not.
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ][i];
    (full.starts_with(&w) || w == "sept").then_some(i as u32 + 1)
}

/// Parses a metadata date: ISO 8601 (with or without time), RFC 2822/822,
/// "May 2, 2025", "2 May 2025", "2025/05/02", "Friday, May 2, 2025 10:00".
pub fn parse_date_loose(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.date_naive());
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.date_naive());
    }
    // ISO-like prefix: 2025-05-02, 2025/05/02, 2025-05-02T10:00...
    let b = s.as_bytes();
    if b.len() >= 10 && b[..4].iter().all(u8::is_ascii_digit) && (b[4] == b'-' || b[4] == b'/') {
        let y: i32 = s[..4].parse().ok()?;
        let m: u32 = s.get(5..7)?.parse().ok()?;
        let d: u32 = s.get(8..10)?.parse().ok()?;
        return NaiveDate::from_ymd_opt(y, m, d);
    }
    // ACLED's exports: "9-May-20" (day, month, two-digit year).
    let parts: Vec<&str> = s.split('-').collect();
    if let [d, m, y] = parts[..] {
        if let (Ok(d), Some(m), true) = (
            d.parse::<u32>(),
            month(m),
            y.len() == 2 && y.bytes().all(|c| c.is_ascii_digit()),
        ) {
            let y: i32 = y.parse().ok()?;
            let y = if y < 70 { 2000 + y } else { 1900 + y };
            return NaiveDate::from_ymd_opt(y, m, d);
        }
    }
    // Word forms: pick out a month name, a day (1-31) and a year (4 digits).
    let mut mo = None;
    let mut day = None;
    let mut year = None;
    for w in s.split(|c: char| c.is_whitespace() || c == ',' || c == '-' || c == '/') {
        let w = w.trim_matches(|c: char| c == '.' || c == ',');
        if w.is_empty() {
            continue;
        }
        if let Some(m) = month(w) {
            mo.get_or_insert(m);
        } else if w.len() == 4 && w.bytes().all(|c| c.is_ascii_digit()) {
            year.get_or_insert(w.parse::<i32>().ok()?);
        } else {
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            if !digits.is_empty()
                && digits.len() <= 2
                && digits.bytes().all(|c| c.is_ascii_digit())
                && day.is_none()
            {
                day = digits.parse::<u32>().ok();
            }
        }
    }
    NaiveDate::from_ymd_opt(year?, mo?, day?)
}

#[cfg(test)]
mod tests {
    use super::parse_date_loose as p;

    #[test]
    fn formats() {
        let want = chrono::NaiveDate::from_ymd_opt(2025, 5, 2);
        for s in [
            "2025-05-02",
            "2025-05-02T11:16:00Z",
            "2025-05-02T11:16:00+03:00",
            "Fri, 02 May 2025 11:16:00 +0000",
            "May 2, 2025",
            "2 May 2025",
            "Friday, May 2nd, 2025 11:16",
            "2025/05/02",
            "2-May-25",
        ] {
            assert_eq!(p(s), want, "{s}");
        }
        assert_eq!(p("Today 11:16"), None);
        assert_eq!(p("Marchers 2 2025"), None);
        assert_eq!(p(""), None);
    }
}
