//! TimeML (TempEval-3) documents as plain text with gold TIMEX3 spans, and the
//! scoring of found time expressions against them.
//!
//! Pure functions over file contents; the caller reads the files.

use chrono::NaiveDate;
use model::TimeExpr;
use std::collections::BTreeMap;

/// One gold TIMEX3 inside `<TEXT>`, with a byte span into the stripped text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTimex {
    pub span: [usize; 2],
    pub text: String,
    pub value: String,
    /// TIMEX3 `type` in lower case: `date`, `time`, `duration`, `set`.
    pub kind: String,
}

/// A TimeML document reduced to what time-expression scoring needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMlDoc {
    /// The document creation time (the TIMEX3 with `functionInDocument="CREATION_TIME"`).
    pub dct: Option<NaiveDate>,
    /// The `<TEXT>` element with tags removed and entities decoded.
    pub text: String,
    pub gold: Vec<GoldTimex>,
}

/// Why a TimeML file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeMlError {
    #[error("no <TEXT> element: not a TimeML document")]
    NoText,
}

/// The value of attribute `name` in a start tag's inner text.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(p) = rest.find(name) {
        let before_ok = p == 0 || rest.as_bytes()[p - 1].is_ascii_whitespace();
        let after = &rest[p + name.len()..];
        let after_t = after.trim_start();
        if before_ok && after_t.starts_with('=') {
            let v = after_t[1..].trim_start();
            let q = v.chars().next()?;
            if q == '"' || q == '\'' {
                let body = &v[1..];
                return body.find(q).map(|e| &body[..e]);
            }
        }
        rest = &rest[p + name.len()..];
    }
    None
}

fn decode_entity(ent: &str) -> Option<char> {
    match ent {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let n = ent.strip_prefix('#')?;
            let code = match n.strip_prefix('x') {
                Some(h) => u32::from_str_radix(h, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// Parses a `.tml` file's contents.
pub fn parse(xml: &str) -> Result<TimeMlDoc, TimeMlError> {
    let dct = find_dct(xml);
    let start = xml.find("<TEXT>").ok_or(TimeMlError::NoText)? + "<TEXT>".len();
    let end = xml[start..]
        .find("</TEXT>")
        .map_or(xml.len(), |e| start + e);
    let body = &xml[start..end];
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    // Open TIMEX3s: (start offset in `text`, value, type).
    let mut open: Vec<(usize, String, String)> = Vec::new();
    let mut rest = body;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('<') {
            let close = r.find('>').unwrap_or(r.len());
            let tag = &r[..close];
            rest = r.get(close + 1..).unwrap_or("");
            if let Some(inner) = tag.strip_prefix("TIMEX3") {
                let value = attr(inner, "value").unwrap_or("").to_string();
                let kind = attr(inner, "type").unwrap_or("").to_ascii_lowercase();
                if inner.trim_end().ends_with('/') {
                    continue; // empty TIMEX3: nothing in the text
                }
                open.push((text.len(), value, kind));
            } else if tag.starts_with("/TIMEX3") {
                if let Some((s, value, kind)) = open.pop() {
                    let raw = &text[s..];
                    // Gold spans sometimes carry trailing whitespace; trim it for exact matching.
                    let lead = raw.len() - raw.trim_start().len();
                    let t = raw.trim();
                    let s = s + lead;
                    gold.push(GoldTimex {
                        span: [s, s + t.len()],
                        text: t.to_string(),
                        value,
                        kind,
                    });
                }
            }
        } else if let Some(r) = rest.strip_prefix('&') {
            let semi = r.find(';').filter(|&k| k <= 10);
            match semi.and_then(|k| decode_entity(&r[..k]).map(|c| (c, k))) {
                Some((c, k)) => {
                    text.push(c);
                    rest = &r[k + 1..];
                }
                None => {
                    text.push('&');
                    rest = r;
                }
            }
        } else {
            let k = rest.find(['<', '&']).unwrap_or(rest.len());
            text.push_str(&rest[..k]);
            rest = &rest[k..];
        }
    }
    gold.sort_by_key(|g| g.span);
    Ok(TimeMlDoc { dct, text, gold })
}

fn find_dct(xml: &str) -> Option<NaiveDate> {
    let mut rest = xml;
    while let Some(p) = rest.find("<TIMEX3") {
        let r = &rest[p + 7..];
        let close = r.find('>')?;
        let tag = &r[..close];
        if attr(tag, "functionInDocument") == Some("CREATION_TIME") {
            let v = attr(tag, "value")?;
            return NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok();
        }
        rest = &r[close..];
    }
    None
}

/// Running counts for detection and normalisation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts {
    pub gold: usize,
    pub predicted: usize,
    /// Predicted expressions with exactly a gold span.
    pub strict: usize,
    /// Gold expressions overlapped by some prediction.
    pub relaxed_gold: usize,
    /// Predictions overlapping some gold expression.
    pub relaxed_pred: usize,
    /// Relaxed-matched gold expressions whose value equals the prediction's.
    pub value_ok: usize,
    /// Relaxed-matched gold expressions whose type equals the prediction's.
    pub type_ok: usize,
    /// False positives by rule id.
    pub fp_by_rule: BTreeMap<String, usize>,
    /// Wrong values by rule id.
    pub wrong_value_by_rule: BTreeMap<String, usize>,
}

/// Precision, recall and F1 from counts.
pub fn prf(hit_p: usize, pred: usize, hit_r: usize, gold: usize) -> (f64, f64, f64) {
    let p = if pred == 0 {
        0.0
    } else {
        hit_p as f64 / pred as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        hit_r as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

fn overlaps(a: [usize; 2], b: [usize; 2]) -> bool {
    a[0] < b[1] && b[0] < a[1]
}

/// One matched or unmatched pair, for error listings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Diff {
    /// Gold with no overlapping prediction.
    Missed { text: String, value: String },
    /// Prediction with no overlapping gold.
    Spurious {
        text: String,
        value: String,
        rule: String,
    },
    /// Overlap with a different value.
    WrongValue {
        gold: String,
        gold_value: String,
        text: String,
        value: String,
        rule: String,
    },
}

impl Counts {
    /// Adds one document's gold and predictions; returns what went wrong.
    pub fn add(&mut self, gold: &[GoldTimex], pred: &[TimeExpr]) -> Vec<Diff> {
        let mut diffs = Vec::new();
        self.gold += gold.len();
        self.predicted += pred.len();
        for p in pred {
            if gold.iter().any(|g| g.span == p.span) {
                self.strict += 1;
            }
            if gold.iter().any(|g| overlaps(g.span, p.span)) {
                self.relaxed_pred += 1;
            } else {
                *self.fp_by_rule.entry(p.rule.clone()).or_default() += 1;
                diffs.push(Diff::Spurious {
                    text: p.text.clone(),
                    value: p.value.clone(),
                    rule: p.rule.clone(),
                });
            }
        }
        for g in gold {
            // The best overlapping prediction: exact span first.
            let best = pred
                .iter()
                .filter(|p| overlaps(g.span, p.span))
                .max_by_key(|p| (p.span == g.span, p.value == g.value));
            match best {
                Some(p) => {
                    self.relaxed_gold += 1;
                    if p.value == g.value {
                        self.value_ok += 1;
                    } else {
                        *self.wrong_value_by_rule.entry(p.rule.clone()).or_default() += 1;
                        diffs.push(Diff::WrongValue {
                            gold: g.text.clone(),
                            gold_value: g.value.clone(),
                            text: p.text.clone(),
                            value: p.value.clone(),
                            rule: p.rule.clone(),
                        });
                    }
                    if p.kind == g.kind {
                        self.type_ok += 1;
                    }
                }
                None => diffs.push(Diff::Missed {
                    text: g.text.clone(),
                    value: g.value.clone(),
                }),
            }
        }
        diffs
    }

    /// Strict (exact span) precision, recall, F1.
    pub fn strict(&self) -> (f64, f64, f64) {
        prf(self.strict, self.predicted, self.strict, self.gold)
    }
    /// Relaxed (overlap) precision, recall, F1.
    pub fn relaxed(&self) -> (f64, f64, f64) {
        prf(
            self.relaxed_pred,
            self.predicted,
            self.relaxed_gold,
            self.gold,
        )
    }
    /// Of relaxed-matched gold, the fraction with the right value.
    pub fn value_accuracy(&self) -> f64 {
        if self.relaxed_gold == 0 {
            0.0
        } else {
            self.value_ok as f64 / self.relaxed_gold as f64
        }
    }
    /// TempEval-style value F1: value-correct matches over predicted and over gold.
    pub fn value_f1(&self) -> (f64, f64, f64) {
        prf(self.value_ok, self.predicted, self.value_ok, self.gold)
    }
    /// Type accuracy over relaxed-matched gold.
    pub fn type_accuracy(&self) -> f64 {
        if self.relaxed_gold == 0 {
            0.0
        } else {
            self.type_ok as f64 / self.relaxed_gold as f64
        }
    }

    /// A small plain-text table of the scores and the false positives by rule.
    pub fn table(&self) -> String {
        let mut s = String::new();
        let row = |s: &mut String, name: &str, (p, r, f): (f64, f64, f64)| {
            s.push_str(&format!("{name:<10} {p:>6.3} {r:>6.3} {f:>6.3}\n"));
        };
        s.push_str(&format!(
            "gold {}  predicted {}\n",
            self.gold, self.predicted
        ));
        s.push_str(&format!("{:<10} {:>6} {:>6} {:>6}\n", "", "P", "R", "F1"));
        row(&mut s, "strict", self.strict());
        row(&mut s, "relaxed", self.relaxed());
        row(&mut s, "value", self.value_f1());
        s.push_str(&format!(
            "value accuracy {:.3}  type accuracy {:.3}\n",
            self.value_accuracy(),
            self.type_accuracy()
        ));
        let mut fps: Vec<_> = self.fp_by_rule.iter().collect();
        fps.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        s.push_str("false positives by rule:");
        for (r, n) in fps {
            s.push_str(&format!(" {r}={n}"));
        }
        s.push('\n');
        let mut wv: Vec<_> = self.wrong_value_by_rule.iter().collect();
        wv.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        s.push_str("wrong values by rule:");
        for (r, n) in wv {
            s.push_str(&format!(" {r}={n}"));
        }
        s.push('\n');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tags_and_entities() {
        let xml = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>A &amp; B <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07" functionInDocument="NONE">yesterday</TIMEX3>.</TEXT></TimeML>"#;
        let d = parse(xml).unwrap();
        assert_eq!(d.dct, NaiveDate::from_ymd_opt(1998, 1, 8));
        assert_eq!(d.text, "A & B met yesterday.");
        assert_eq!(d.gold.len(), 1);
        assert_eq!(&d.text[d.gold[0].span[0]..d.gold[0].span[1]], "yesterday");
        assert_eq!(d.gold[0].kind, "date");
        assert_eq!(parse("<x/>"), Err(TimeMlError::NoText));
    }
}
