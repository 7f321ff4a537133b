//! The tables of the query commands, for people: headers, aligned columns,
//! readable dates; JSON and CSV print the stored values instead.

use crate::table::{count, or_dash, Table};
use anyhow::Result;
use report::human;
use std::io::Write;
use store::{EventRow, FactRow, QuoteRow, SearchHit};

/// Snippets and sentences keep their line breaks in the store, not in a table.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn clip(s: &str, max: usize) -> String {
    let s = one_line(s);
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}

fn place(doc: &str, sentence: usize) -> String {
    format!("{doc}[{sentence}]")
}

pub fn search(hits: &[SearchHit]) -> Table {
    Table::of(
        hits,
        &[
            ("date", |h| h.date.clone()),
            ("where", |h| place(&h.doc, h.sentence)),
            ("sentence", |h| one_line(&h.snippet)),
        ],
    )
}

pub fn events(rows: &[EventRow]) -> Table {
    Table::of(
        rows,
        &[
            ("date", |e| human::time(&e.date)),
            ("source", |e| or_dash(Some(&e.source_code))),
            ("target", |e| or_dash(Some(&e.target_code))),
            ("cameo", |e| e.cameo.clone()),
            ("type", |e| or_dash(Some(&e.plover))),
            ("modality", |e| e.modality.clone()),
            (">goldstein", |e| format!("{:+.1}", e.goldstein)),
            (">articles", |e| e.num_articles.to_string()),
            ("where", |e| place(&e.doc, e.sentence)),
            ("sentence", |e| clip(&e.text, 100)),
        ],
    )
}

pub fn quotes(rows: &[QuoteRow]) -> Table {
    Table::of(
        rows,
        &[
            ("date", |q| q.date.clone()),
            ("where", |q| place(&q.doc, q.sentence)),
            ("speaker", |q| or_dash(Some(&q.speaker))),
            ("code", |q| or_dash(q.speaker_code.as_deref())),
            ("cue", |q| q.cue.clone()),
            ("quote", |q| clip(&q.content, 120)),
        ],
    )
}

pub fn facts(rows: &[FactRow]) -> Table {
    Table::of(
        rows,
        &[
            ("date", |f| f.date.clone()),
            ("where", |f| place(&f.doc, f.sentence)),
            ("measure", |f| f.measure.clone()),
            (">value", |f| f.value.to_string()),
            ("unit", |f| f.unit.clone()),
            ("holder", |f| or_dash(f.holder.as_deref())),
            ("counterpart", |f| or_dash(f.counterpart.as_deref())),
            ("commodity", |f| or_dash(f.commodity.as_deref())),
            ("period", |f| {
                f.period.as_deref().map_or("-".into(), human::time)
            }),
        ],
    )
}

/// A section of a report: its title, then its table or `(none)`.
fn section(out: &mut dyn Write, title: &str, t: &Table, empty: bool) -> Result<()> {
    writeln!(out, "\n{title}")?;
    if empty {
        writeln!(out, "  (none)")?;
    } else {
        out.write_all(t.render_indented("  ").as_bytes())?;
    }
    Ok(())
}

pub fn actor(out: &mut dyn Write, p: &store::ActorProfile, name: Option<&str>) -> Result<()> {
    writeln!(
        out,
        "{}{}: {} in {}, {}",
        p.actor,
        name.map(|n| format!(" ({n})")).unwrap_or_default(),
        count(p.mentions, "mention"),
        count(p.documents, "document"),
        count(p.events, "event")
    )?;
    let t = Table::of(
        &p.names,
        &[
            ("name", |n| n.name.clone()),
            ("code", |n| or_dash(Some(&n.code))),
            ("role", |n| or_dash(n.role.as_deref())),
            ("first", |n| n.first.clone()),
            ("last", |n| n.last.clone()),
            (">mentions", |n| n.mentions.to_string()),
        ],
    );
    section(out, "names and roles", &t, p.names.is_empty())?;
    let t = Table::of(
        &p.partners,
        &[
            ("partner", |x| x.code.clone()),
            (">events", |x| x.events.to_string()),
            (">cooperation", |x| x.cooperation.to_string()),
            (">conflict", |x| x.conflict.to_string()),
            (">mean goldstein", |x| format!("{:+.2}", x.mean_goldstein)),
        ],
    );
    section(out, "partners", &t, p.partners.is_empty())?;
    let recent = events(&p.recent_events);
    section(out, "recent events", &recent, p.recent_events.is_empty())?;
    for (title, quotes) in [
        ("quotes by", &p.quotes_by),
        ("quotes about", &p.quotes_about),
    ] {
        let t = Table::of(
            quotes,
            &[
                ("date", |q| q.date.clone()),
                ("where", |q| place(&q.doc, q.sentence)),
                ("speaker", |q| or_dash(Some(&q.speaker))),
                ("quote", |q| clip(&q.content, 100)),
            ],
        );
        section(out, title, &t, quotes.is_empty())?;
    }
    let t = facts(&p.facts);
    section(out, "facts", &t, p.facts.is_empty())
}

fn quad_row(label: String, events: usize, q: &store::QuadCounts, mean: String) -> Vec<String> {
    vec![
        label,
        events.to_string(),
        q.verbal_cooperation.to_string(),
        q.material_cooperation.to_string(),
        q.verbal_conflict.to_string(),
        q.material_conflict.to_string(),
        mean,
    ]
}

const QUAD_HEADERS: [&str; 6] = [
    ">events",
    ">verbal coop",
    ">material coop",
    ">verbal conflict",
    ">material conflict",
    ">mean goldstein",
];

pub fn dyad(out: &mut dyn Write, d: &store::DyadReport) -> Result<()> {
    let g = |m: Option<f64>| m.map_or("-".to_string(), |m| format!("{m:+.2}"));
    writeln!(
        out,
        "{} - {}: {} ({}), mean Goldstein {}",
        d.a,
        d.b,
        count(d.events, "event"),
        count(d.mentions, "mention"),
        g(d.mean_goldstein)
    )?;
    let mut headers = vec!["direction"];
    headers.extend(QUAD_HEADERS);
    let mut t = Table::new(&headers);
    for dir in [&d.a_to_b, &d.b_to_a] {
        t.row(quad_row(
            format!("{} -> {}", dir.source, dir.target),
            dir.events,
            &dir.quad_classes,
            g(dir.mean_goldstein),
        ));
    }
    out.write_all(t.render().as_bytes())?;
    headers[0] = "month";
    let mut t = Table::new(&headers);
    for m in &d.timeline {
        t.row(quad_row(
            m.month.clone(),
            m.events,
            &m.quad_classes,
            format!("{:+.2}", m.mean_goldstein),
        ));
    }
    section(out, "timeline", &t, d.timeline.is_empty())
}

/// A dyad's monthly timeline as CSV.
pub fn dyad_csv(out: &mut dyn Write, d: &store::DyadReport) -> Result<()> {
    writeln!(out, "month,events,verbal_cooperation,material_cooperation,verbal_conflict,material_conflict,mean_goldstein")?;
    for m in &d.timeline {
        let q = &m.quad_classes;
        writeln!(
            out,
            "{},{},{},{},{},{},{}",
            m.month,
            m.events,
            q.verbal_cooperation,
            q.material_cooperation,
            q.verbal_conflict,
            q.material_conflict,
            m.mean_goldstein
        )?;
    }
    Ok(())
}
