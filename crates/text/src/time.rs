//! Time expressions, found and normalised against the document date.
//!
//! A single left-to-right pass over a small token stream: at each token the
//! rules in `rules` are tried and the longest match wins. Values follow
//! TimeML/TIMEX3 (`2025-04`, `2025-W18`, `P3Y`, `PRESENT_REF`), with two
//! deliberate choices: `the past decade` is a year range (`2015/2025`) and a
//! bare weekday means the most recent such day on or before the document
//! date unless the sentence speaks of the future. Relative expressions such
//! as `a year later` or `the next day` are resolved against the previous
//! date in the text (the anchor), falling back to the document date.

mod lex;
mod rules;
mod value;

use chrono::NaiveDate;
use model::{Sentence, TimeExpr};

use rules::P;
use value::V;

/// Finds time expressions in `text` and normalises them against `doc_date`,
/// in text order and not overlapping (the event coder relies on the order).
pub fn times(text: &str, sentences: &[Sentence], doc_date: NaiveDate) -> Vec<TimeExpr> {
    let toks = lex::tokenise(text);
    let sent = sentence_starts(&toks, sentences);
    let p = P::new(text, toks, doc_date, sent);
    let mut out = Vec::new();
    let mut anchor = V::Day(doc_date);
    let mut i = 0;
    while i < p.t.len() {
        // Most words start no rule: skip them without trying the rules.
        if !p.may_start(i) {
            i += 1;
            continue;
        }
        let Some(mut hit) = p.at(i, &anchor) else {
            i += 1;
            continue;
        };
        if hit.end <= i || hit.end > p.t.len() {
            i += 1;
            continue;
        }
        if hit.qual.is_none() && hit.start > 0 && hit.kind == "date" {
            hit.qual = match p.w(hit.start - 1) {
                "since" => Some("since"),
                "until" | "till" | "through" => Some("until"),
                "before" => Some("before"),
                "after" => Some("after"),
                _ => None,
            };
        }
        let s = p.t[hit.start].s;
        let e = p.t[hit.end - 1].e;
        if hit.v.is_anchor() && hit.kind != "duration" && hit.kind != "set" {
            anchor = hit.v.clone();
        }
        out.push(TimeExpr {
            span: [s, e],
            text: text[s..e].to_string(),
            value: hit.v.render(),
            qualifier: hit.qual.map(str::to_string),
            kind: hit.kind.to_string(),
            rule: hit.rule.to_string(),
        });
        i = hit.end;
    }
    out
}

/// For each token, the index of the first token of its sentence (0 if none).
fn sentence_starts(toks: &[lex::Tok], sentences: &[Sentence]) -> Vec<usize> {
    let mut out = Vec::with_capacity(toks.len());
    let mut si = 0;
    let mut first = 0;
    for (k, t) in toks.iter().enumerate() {
        while si < sentences.len() && sentences[si].span[1] <= t.s {
            si += 1;
            first = k;
        }
        out.push(first);
    }
    out
}

#[cfg(test)]
mod tests;
