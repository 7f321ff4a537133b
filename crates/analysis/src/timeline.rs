//! Dyad timelines: events binned by month.

use model::Event;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MonthBin {
    /// `YYYY-MM`, or `YYYY` for events known only to the year.
    pub month: String,
    pub events: usize,
    pub cooperation: f64,
    pub conflict: f64,
    pub goldstein_sum: f64,
}

/// The bin of an event date (`2025-04-03` -> `2025-04`, `2022` -> `2022`,
/// `2015/2025` -> `2015`); `None` for values such as `PRESENT_REF`.
pub fn month_of(date: &str) -> Option<String> {
    let b = date.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if !digits(0..4) {
        return None;
    }
    if b.get(4) == Some(&b'-') && digits(5..7) {
        Some(date[..7].to_string())
    } else {
        Some(date[..4].to_string())
    }
}

/// Monthly bins of `ids` (indices into `events`), in date order; bins of
/// year-only events sort before that year's months.
pub fn monthly(events: &[Event], ids: &[usize]) -> Vec<MonthBin> {
    let mut bins: BTreeMap<String, MonthBin> = BTreeMap::new();
    for e in ids.iter().filter_map(|&i| events.get(i)) {
        let Some(m) = month_of(&e.date) else { continue };
        let bin = bins.entry(m.clone()).or_insert_with(|| MonthBin {
            month: m,
            ..MonthBin::default()
        });
        let g = if e.goldstein.is_finite() {
            e.goldstein
        } else {
            0.0
        };
        bin.events += 1;
        if g > 0.0 {
            bin.cooperation += g;
        } else {
            bin.conflict -= g;
        }
        bin.goldstein_sum += g;
    }
    bins.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::tests::ev;

    #[test]
    fn events_fall_into_months() {
        let events = vec![
            ev("AZE", "ISR", 2.0, "2025-04-03"),
            ev("AZE", "ISR", -1.0, "2025-04"),
            ev("AZE", "ISR", 1.0, "2022"),
            ev("AZE", "ISR", 1.0, "PRESENT_REF"),
            ev("AZE", "ISR", 3.0, "2025-01"),
        ];
        let bins = monthly(&events, &[0, 1, 2, 3, 4, 99]);
        let got: Vec<(String, usize, f64, f64)> = bins
            .into_iter()
            .map(|b| (b.month, b.events, b.cooperation, b.conflict))
            .collect();
        assert_eq!(
            got,
            vec![
                ("2022".into(), 1, 1.0, 0.0),
                ("2025-01".into(), 1, 3.0, 0.0),
                ("2025-04".into(), 2, 2.0, 1.0),
            ]
        );
    }
}
