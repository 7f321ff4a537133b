//! JSONL: one document per line (`id`, `text` or `html`, optional metadata).

use crate::date::parse_date_loose;
use crate::{html, Draft, Parsed};
use serde::Deserialize;

#[derive(Deserialize)]
struct Line {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    html: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

pub(crate) fn parse(text: &str, origin: &str, parsed: &mut Parsed) -> Vec<Draft> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let lineno = i + 1;
        let raw = raw.trim();
        if raw.is_empty() {
            continue;
        }
        let line: Line = match serde_json::from_str(raw) {
            Ok(l) => l,
            Err(e) => {
                parsed.error(
                    origin,
                    Some(lineno),
                    format!("malformed JSON line: {e}; skipped"),
                );
                continue;
            }
        };
        let mut d = match (line.text, line.html) {
            (Some(t), _) => Draft {
                text: t
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n"),
                ..Draft::default()
            },
            (None, Some(h)) => html::parse(&h),
            (None, None) => {
                parsed.error(
                    origin,
                    Some(lineno),
                    "line has neither `text` nor `html`; skipped".into(),
                );
                continue;
            }
        };
        d.id = line.id.map(|v| match v {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        });
        if line.title.is_some() {
            d.title = line.title;
        }
        if let Some(ds) = line.date {
            match parse_date_loose(&ds) {
                Some(date) => d.date = Some(date),
                None => parsed.warn(
                    origin,
                    Some(lineno),
                    format!("unreadable date {ds:?}; using the fallback date"),
                ),
            }
        }
        d.url = line.url.or(d.url);
        d.author = line.author.or(d.author);
        d.source = line.source.or(d.source);
        if d.text.trim().is_empty() {
            parsed.error(origin, Some(lineno), "empty text; skipped".into());
            continue;
        }
        out.push(d);
    }
    out
}
