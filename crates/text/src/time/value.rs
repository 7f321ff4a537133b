//! Normalised time values (TIMEX3-style) and the calendar arithmetic on them.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Calendar units, ordered from fine to coarse so `max` gives the coarser one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The TIMEX3 duration letter(s): `P3Y`, `PT2H`, `P1E` (decade) as TimeML writes them.
    pub fn duration(self, n: Option<u32>) -> String {
        let n = n.map_or_else(|| "X".to_string(), |n| n.to_string());
        match self {
            Unit::Minute => format!("PT{n}M"),
            Unit::Hour => format!("PT{n}H"),
            Unit::Day => format!("P{n}D"),
            Unit::Week => format!("P{n}W"),
            Unit::Month => format!("P{n}M"),
            Unit::Quarter => format!("P{n}Q"),
            Unit::Year => format!("P{n}Y"),
            Unit::Decade => format!("P{n}E"),
            Unit::Century => format!("P{n}C"),
        }
    }
}

/// A point or period on the calendar at some granularity, or a literal value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum V {
    Day(NaiveDate),
    /// A day and a part of it: `TMO`, `TAF`, `TEV`, `TNI`.
    DayPart(NaiveDate, &'static str),
    /// A day and a clock time (hour, minute).
    Clock(NaiveDate, u32, u32),
    Week(i32, u32),
    Weekend(i32, u32),
    Month(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    Season(i32, &'static str),
    Year(i32),
    /// First three digits of the decade: 199 -> `199X`.
    Decade(i32),
    /// First two digits: 19 -> `19` (TimeML writes centuries so).
    Century(i32),
    /// From one year to another, both inclusive: `2015/2025`.
    YearRange(i32, i32),
    /// Anything already in its final form: `PRESENT_REF`, `P3Y`, `XXXX-WXX-2`.
    Lit(String),
}

impl V {
    /// Granularity, for arithmetic; `None` for literals.
    pub fn unit(&self) -> Option<Unit> {
        Some(match self {
            V::Day(_) | V::DayPart(..) | V::Clock(..) => Unit::Day,
            V::Week(..) | V::Weekend(..) => Unit::Week,
            V::Month(..) => Unit::Month,
            V::Quarter(..) | V::Half(..) | V::Season(..) => Unit::Quarter,
            V::Year(_) | V::YearRange(..) => Unit::Year,
            V::Decade(_) => Unit::Decade,
            V::Century(_) => Unit::Century,
            V::Lit(_) => return None,
        })
    }

    /// A representative day: the start of the period.
    pub fn first_day(&self) -> Option<NaiveDate> {
        match *self {
            V::Day(d) | V::DayPart(d, _) | V::Clock(d, ..) => Some(d),
            V::Week(y, w) | V::Weekend(y, w) => NaiveDate::from_isoywd_opt(y, w, Weekday::Mon),
            V::Month(y, m) => ymd(y, m, 1),
            V::Quarter(y, q) => ymd(y, q.saturating_sub(1) * 3 + 1, 1),
            V::Half(y, h) => ymd(y, if h == 2 { 7 } else { 1 }, 1),
            V::Season(y, s) => ymd(y, season_month(s), 1),
            V::Year(y) | V::YearRange(_, y) => ymd(y, 1, 1),
            V::Decade(d) => ymd(d * 10, 1, 1),
            V::Century(c) => ymd(c * 100, 1, 1),
            V::Lit(_) => None,
        }
    }

    /// True for values that name a concrete stretch of the calendar (usable as an anchor).
    pub fn is_anchor(&self) -> bool {
        !matches!(
            self,
            V::Lit(_) | V::YearRange(..) | V::Decade(_) | V::Century(_)
        )
    }

    pub fn render(&self) -> String {
        match self {
            V::Day(d) => d.format("%Y-%m-%d").to_string(),
            V::DayPart(d, p) => format!("{}{p}", d.format("%Y-%m-%d")),
            V::Clock(d, h, m) => format!("{}T{h:02}:{m:02}", d.format("%Y-%m-%d")),
            V::Week(y, w) => format!("{y:04}-W{w:02}"),
            V::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            V::Month(y, m) => format!("{y:04}-{m:02}"),
            V::Quarter(y, q) => format!("{y:04}-Q{q}"),
            V::Half(y, h) => format!("{y:04}-H{h}"),
            V::Season(y, s) => format!("{y:04}-{s}"),
            V::Year(y) => format!("{y:04}"),
            V::Decade(d) => format!("{d:03}X"),
            V::Century(c) => format!("{c:02}"),
            V::YearRange(a, b) => format!("{a:04}/{b:04}"),
            V::Lit(s) => s.clone(),
        }
    }
}

pub fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn season_month(s: &str) -> u32 {
    match s {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    }
}

/// The value of `d` seen at granularity `u`.
pub fn at_unit(d: NaiveDate, u: Unit) -> V {
    match u {
        Unit::Minute | Unit::Hour | Unit::Day => V::Day(d),
        Unit::Week => {
            let w = d.iso_week();
            V::Week(w.year(), w.week())
        }
        Unit::Month => V::Month(d.year(), d.month()),
        Unit::Quarter => V::Quarter(d.year(), (d.month() - 1) / 3 + 1),
        Unit::Year => V::Year(d.year()),
        Unit::Decade => V::Decade(d.year().div_euclid(10)),
        Unit::Century => V::Century(d.year().div_euclid(100)),
    }
}

/// Moves `d` by `n` units (negative: back). Month arithmetic clamps the day.
pub fn add(d: NaiveDate, u: Unit, n: i64) -> Option<NaiveDate> {
    let months = |k: i64| -> Option<NaiveDate> {
        let total = i64::from(d.year()) * 12 + i64::from(d.month0()) + k;
        let y = i32::try_from(total.div_euclid(12)).ok()?;
        let m = u32::try_from(total.rem_euclid(12)).ok()? + 1;
        let mut day = d.day();
        loop {
            if let Some(x) = ymd(y, m, day) {
                return Some(x);
            }
            day = day.checked_sub(1).filter(|&x| x > 0)?;
        }
    };
    match u {
        Unit::Minute | Unit::Hour => Some(d),
        Unit::Day => d.checked_add_signed(Duration::try_days(n)?),
        Unit::Week => d.checked_add_signed(Duration::try_days(n.checked_mul(7)?)?),
        Unit::Month => months(n),
        Unit::Quarter => months(n.checked_mul(3)?),
        Unit::Year => months(n.checked_mul(12)?),
        Unit::Decade => months(n.checked_mul(120)?),
        Unit::Century => months(n.checked_mul(1200)?),
    }
}

/// `anchor` moved by `n` units, at the coarser of the anchor's and the unit's granularity.
pub fn shift(anchor: &V, u: Unit, n: i64) -> Option<V> {
    // "a year earlier" after a quarter is the year-ago quarter (financial reporting).
    if let (V::Quarter(y, q), Unit::Year) = (anchor, u) {
        return Some(V::Quarter(y + i32::try_from(n).ok()?, *q));
    }
    // "a decade ago" names a year, not a decade.
    let u_gran = if u > Unit::Year { Unit::Year } else { u };
    let g = anchor.unit()?.max(u_gran);
    let d = add(anchor.first_day()?, u, n)?;
    Some(at_unit(d, g))
}

/// The most recent day with weekday `wd` on or before `d` (`back`), or the next one after `d`.
pub fn weekday_near(d: NaiveDate, wd: u32, future: bool) -> Option<NaiveDate> {
    let cur = d.weekday().num_days_from_monday();
    let delta = if future {
        // "will meet on Tuesday" said on a Tuesday means next week's.
        match (wd + 7 - cur) % 7 {
            0 => 7,
            k => i64::from(k),
        }
    } else {
        -i64::from((cur + 7 - wd) % 7)
    };
    d.checked_add_signed(Duration::try_days(delta)?)
}

/// Western Easter Sunday (anonymous Gregorian algorithm).
pub fn easter(y: i32) -> Option<NaiveDate> {
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic() {
        let d = ymd(2025, 5, 2).unwrap();
        assert_eq!(
            shift(&V::Month(2022, 9), Unit::Year, 1),
            Some(V::Year(2023))
        );
        assert_eq!(
            add(ymd(2024, 3, 31).unwrap(), Unit::Month, -1),
            ymd(2024, 2, 29)
        );
        assert_eq!(weekday_near(d, 1, false), ymd(2025, 4, 29));
        assert_eq!(weekday_near(d, 1, true), ymd(2025, 5, 6));
        assert_eq!(weekday_near(d, 4, false), Some(d));
        assert_eq!(easter(2025), ymd(2025, 4, 20));
        assert_eq!(V::Decade(199).render(), "199X");
    }
}
