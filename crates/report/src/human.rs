//! Time values as people read them: `2025-01-29 night`, `February 2025`,
//! `week of 2025-03-17`. The report and the command line's tables and
//! `show` use these; JSON and CSV keep the TIMEX3 values the pipeline stores.

use chrono::{NaiveDate, Weekday};

/// `02` as `February`.
fn month_name(m: &str) -> Option<&'static str> {
    let n: u8 = m.parse().ok()?;
    Some(chrono::Month::try_from(n).ok()?.name())
}

/// A TIMEX3 value (`2025-01-29TNI`, `2025-W12`, `PXM`, `PRESENT_REF`) as
/// words; a value it does not know is returned as it is.
pub fn time(value: &str) -> String {
    match value {
        "PRESENT_REF" => return "now".into(),
        "PAST_REF" => return "the past".into(),
        "FUTURE_REF" => return "the future".into(),
        _ => {}
    }
    if let Some(d) = value.strip_prefix('P') {
        return duration(d).unwrap_or_else(|| value.to_string());
    }
    date(value).unwrap_or_else(|| value.to_string())
}

fn date(v: &str) -> Option<String> {
    let (day_part, clock) = match v.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (v, None),
    };
    let parts: Vec<&str> = day_part.split('-').collect();
    let year = parts.first().copied()?;
    let year_words = if year.len() != 4 {
        return None;
    } else if year == "XXXX" {
        None
    } else if let Some(dec) = year.strip_suffix('X') {
        if let Some(cent) = dec.strip_suffix('X') {
            return (parts.len() == 1).then(|| format!("the {cent}00s"));
        }
        return (parts.len() == 1).then(|| format!("the {dec}0s"));
    } else if year.bytes().all(|b| b.is_ascii_digit()) {
        Some(year.to_string())
    } else {
        return None;
    };
    let in_year = |s: String| match &year_words {
        Some(y) => format!("{s} {y}"),
        None => format!("{s}, year unknown"),
    };
    let out = match parts.as_slice() {
        [_] => year_words.clone()?,
        [_, m] if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => {
            in_year(month_name(m)?.to_string())
        }
        [_, q] if q.starts_with('Q') => in_year(q.to_string()),
        [_, h] if *h == "H1" || *h == "H2" => in_year(
            if *h == "H1" {
                "first half of"
            } else {
                "second half of"
            }
            .into(),
        ),
        [_, s] if matches!(*s, "SP" | "SU" | "FA" | "WI") => in_year(
            match *s {
                "SP" => "spring",
                "SU" => "summer",
                "FA" => "autumn",
                _ => "winter",
            }
            .into(),
        ),
        [y, w] | [y, w, _] if w.starts_with('W') => {
            let week: u32 = w[1..].parse().ok()?;
            let monday = NaiveDate::from_isoywd_opt(y.parse().ok()?, week, Weekday::Mon)?;
            let weekend = parts.get(2) == Some(&"WE");
            format!(
                "{} of {}",
                if weekend { "weekend" } else { "week" },
                monday.format("%Y-%m-%d")
            )
        }
        [_, m, d] if m.bytes().chain(d.bytes()).all(|b| b.is_ascii_digit()) => {
            if year_words.is_some() {
                day_part.to_string()
            } else {
                let month = month_name(m)?;
                format!("{} {month}, year unknown", d.trim_start_matches('0'))
            }
        }
        _ => return None,
    };
    Some(match clock {
        None => out,
        Some("MO") => format!("{out} morning"),
        Some("AF") => format!("{out} afternoon"),
        Some("EV") => format!("{out} evening"),
        Some("NI") => format!("{out} night"),
        Some("DT") => format!("{out} daytime"),
        Some(t) if t.len() >= 5 && t.as_bytes()[2] == b':' => format!("{out} {}", &t[..5]),
        Some(t) if t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit()) => {
            format!("{out} {t}:00")
        }
        Some(_) => return None,
    })
}

/// `3D`, `T2H`, `XM` (the part after `P`) as `3 days`, `2 hours`, `some months`.
fn duration(d: &str) -> Option<String> {
    let (d, clock) = match d.strip_prefix('T') {
        Some(t) => (t, true),
        None => (d, false),
    };
    let unit = d.chars().last()?;
    let n = &d[..d.len() - unit.len_utf8()];
    let name = match (unit, clock) {
        ('Y', false) => "year",
        ('M', false) => "month",
        ('W', false) => "week",
        ('D', false) => "day",
        ('H', true) => "hour",
        ('M', true) => "minute",
        ('S', true) => "second",
        ('E', false) if n == "D" => return Some("decades".into()),
        ('C', false) if n == "C" => return Some("centuries".into()),
        _ => return None,
    };
    if n == "X" {
        return Some(format!("some {name}s"));
    }
    let count: f64 = n.parse().ok()?;
    Some(if count == 1.0 {
        format!("1 {name}")
    } else {
        format!("{n} {name}s")
    })
}

#[cfg(test)]
mod tests {
    use super::time;

    #[test]
    fn timex_values_read_as_words() {
        for (value, words) in [
            ("2025-01-29", "2025-01-29"),
            ("2025-01-29TNI", "2025-01-29 night"),
            ("2025-01-29TMO", "2025-01-29 morning"),
            ("2025-01-29T14:30", "2025-01-29 14:30"),
            ("2025-02", "February 2025"),
            ("2025", "2025"),
            ("2025-W12", "week of 2025-03-17"),
            ("2025-W12-WE", "weekend of 2025-03-17"),
            ("2025-Q1", "Q1 2025"),
            ("2025-SU", "summer 2025"),
            ("2025-H2", "second half of 2025"),
            ("199X", "the 1990s"),
            ("XXXX-03-05", "5 March, year unknown"),
            ("PRESENT_REF", "now"),
            ("PAST_REF", "the past"),
            ("PXM", "some months"),
            ("P3D", "3 days"),
            ("P1Y", "1 year"),
            ("PT2H", "2 hours"),
            ("whatever", "whatever"),
            ("", ""),
        ] {
            assert_eq!(time(value), words, "{value}");
        }
    }
}
