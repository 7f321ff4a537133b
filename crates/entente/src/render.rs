//! Human-readable views of stored documents (`entente show`).

use crate::table::count;
use model::Coded;
use std::fmt::Write;

/// The document with sentences numbered, `[time|when]` and `{actor|CODE}`
/// marked inline; `when` is the time value in words (`2025-01-29 night`),
/// and an actor with no code is marked `{name|-}`.
pub fn show(c: &Coded) -> String {
    let mut out = String::new();
    let Some(doc) = &c.document else { return out };
    let _ = writeln!(out, "{}", doc.title.as_deref().unwrap_or("(untitled)"));
    let _ = writeln!(
        out,
        "doc {}  date {} ({})  format {}",
        doc.id,
        doc.date,
        doc.date_source.as_str(),
        doc.format
    );
    if let Some(a) = &doc.author {
        let _ = writeln!(out, "author {a}");
    }
    if let Some(u) = &doc.url {
        let _ = writeln!(out, "url {u}");
    }
    for b in &doc.boilerplate {
        let _ = writeln!(out, "removed: {b}");
    }
    let _ = writeln!(
        out,
        "{}, {}, {}, {}, {}, {}",
        count(c.sentences.len(), "sentence"),
        count(c.times.len(), "time expression"),
        count(c.mentions.len(), "mention"),
        count(c.events.len(), "event"),
        count(c.quotes.len(), "quote"),
        count(c.facts.len(), "fact")
    );
    out.push('\n');
    // Marks in text order; a mark that overlaps an earlier one is left out of the inline view.
    let mut marks: Vec<(usize, usize, String)> = c
        .times
        .iter()
        .map(|t| {
            (
                t.span[0],
                t.span[1],
                format!("[{}|{}]", &t.text, report::human::time(&t.value)),
            )
        })
        .collect();
    marks.extend(c.mentions.iter().map(|m| {
        (
            m.span[0],
            m.span[1],
            format!(
                "{{{}|{}}}",
                m.text,
                crate::table::or_dash(Some(&m.actor.code))
            ),
        )
    }));
    marks.sort_by_key(|m| (m.0, std::cmp::Reverse(m.1)));
    let text = &doc.text;
    let mut mi = 0;
    for s in &c.sentences {
        let _ = write!(out, "[{}] ", s.index);
        let mut pos = s.span[0];
        while mi < marks.len() && marks[mi].0 < s.span[1] {
            let (a, b, label) = &marks[mi];
            mi += 1;
            if *a < pos || *b > s.span[1] || text.get(pos..*a).is_none() {
                continue;
            }
            out.push_str(&text[pos..*a]);
            out.push_str(label);
            pos = *b;
        }
        if let Some(rest) = text.get(pos..s.span[1]) {
            out.push_str(rest);
        }
        out.push('\n');
    }
    for e in &c.events {
        let _ = writeln!(
            out,
            "event [{}] {} -> {} {} {} {} ({})",
            e.sentence,
            crate::table::or_dash(Some(&e.source.actor.code)),
            crate::table::or_dash(Some(&e.target.actor.code)),
            e.cameo,
            e.modality.as_str(),
            report::human::time(&e.date),
            e.rule
        );
    }
    out
}
