//! Unit, golden and property tests for time expressions.

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn run(text: &str, doc: NaiveDate) -> Vec<TimeExpr> {
    times(text, &crate::sentences(text), doc)
}
