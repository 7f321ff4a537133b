//! `entente export`: writes the store's export views in each file format.

use super::ExportFormat;
use anyhow::{Context, Result};
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;
use store::{Graph, Review, Store};

pub fn run(store: &Store, format: ExportFormat, out: &Path, review: &Review) -> Result<ExitCode> {
    if format == ExportFormat::Parquet {
        return parquet(store, out, review);
    }
    let to_stdout = out.as_os_str() == "-";
    let sink: Box<dyn Write> = if to_stdout {
        Box::new(std::io::stdout().lock())
    } else {
        Box::new(std::fs::File::create(out).with_context(|| format!("creating {}", out.display()))?)
    };
    let mut w = BufWriter::new(sink);
    let n = write(store, format, &mut w, review)?;
    w.flush()
        .with_context(|| format!("writing {}", out.display()))?;
    if !to_stdout {
        eprintln!("entente: wrote {n} {} to {}", unit(format), out.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn unit(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Jsonl => "records",
        ExportFormat::Gdelt => "deduplicated events",
        ExportFormat::Graphml | ExportFormat::Gexf => "dyads",
        _ => "event mentions",
    }
}

/// Writes one export; returns how many records or rows it wrote. Every
/// format counts events as analysts reviewed them (`review`).
pub fn write(
    store: &Store,
    format: ExportFormat,
    w: &mut dyn Write,
    review: &Review,
) -> Result<usize> {
    match format {
        ExportFormat::Jsonl => {
            let mut n = 0;
            for id in store.document_ids()? {
                for r in store.load(&id)?.records() {
                    if write_reviewed(&mut *w, &r, review)? {
                        w.write_all(b"\n")?;
                        n += 1;
                    }
                }
            }
            Ok(n)
        }
        ExportFormat::Gdelt => {
            let rows = store.reviewed_gdelt_rows(review)?;
            // GDELT's files have no header line: the column order is the codebook's.
            for r in &rows {
                writeln!(w, "{}", r.join("\t"))?;
            }
            Ok(rows.len())
        }
        ExportFormat::Plover => {
            // With analysts' votes: rejected events out unless asked for,
            // corrections in, the machine's coding beside them.
            let rows = store.reviewed_plover_events(review)?;
            for r in &rows {
                serde_json::to_writer(&mut *w, r)?;
                w.write_all(b"\n")?;
            }
            Ok(rows.len())
        }
        ExportFormat::Csv => {
            let rows = store.reviewed_events_rows(&store::EventFilter::default(), review)?;
            let mut c = csv::Writer::from_writer(w);
            for r in &rows {
                c.serialize(r)?;
            }
            c.flush()?;
            Ok(rows.len())
        }
        ExportFormat::Graphml => {
            let g = store.reviewed_actor_graph(review)?;
            w.write_all(graphml(&g).as_bytes())?;
            Ok(g.edges.len())
        }
        ExportFormat::Gexf => {
            let g = store.reviewed_actor_graph(review)?;
            w.write_all(gexf(&g).as_bytes())?;
            Ok(g.edges.len())
        }
        ExportFormat::Parquet => Err(crate::usage(
            "parquet export writes a directory, not a stream",
        )),
    }
}

/// Writes a JSONL record as analysts reviewed it, as `entente code` prints
/// it when nobody voted on it; returns false for a rejected event left out
/// (unless the review includes it). A voted event gets `votes` and, where
/// a correction replaced its coding, the machine's in `machine`.
fn write_reviewed(w: &mut dyn Write, r: &model::Record, review: &Review) -> Result<bool> {
    let tally = match r {
        model::Record::Event { doc, event } => review.tally(&store::votes::event_id(doc, event)),
        _ => None,
    };
    let (Some(t), model::Record::Event { doc, event }) = (tally, r) else {
        serde_json::to_writer(&mut *w, r)?;
        return Ok(true);
    };
    if review.rejects(t) {
        return Ok(false);
    }
    let mut fixed = event.clone();
    if let Some(c) = &t.correction {
        store::votes::apply(&mut fixed, c);
    }
    let mut v = serde_json::to_value(model::Record::Event {
        doc: doc.clone(),
        event: fixed,
    })?;
    if let Some(o) = v.as_object_mut() {
        o.insert(
            "votes".into(),
            serde_json::json!({"up": t.up, "down": t.down}),
        );
        if t.correction.is_some() {
            o.insert(
                "machine".into(),
                serde_json::json!({
                    "cameo": event.cameo,
                    "source": event.source.actor.code,
                    "target": event.target.actor.code,
                }),
            );
        }
    }
    serde_json::to_writer(&mut *w, &v)?;
    Ok(true)
}

/// The edge attributes both graph formats carry: name, type, value.
fn edge_attrs(e: &store::GraphEdge) -> [(&'static str, &'static str, String); 7] {
    [
        ("events", "int", e.events.to_string()),
        ("mentions", "int", e.mentions.to_string()),
        ("cooperation", "int", e.cooperation.to_string()),
        ("conflict", "int", e.conflict.to_string()),
        ("mean_goldstein", "double", e.mean_goldstein.to_string()),
        (
            "cooperation_weight",
            "double",
            e.cooperation_weight.to_string(),
        ),
        ("conflict_weight", "double", e.conflict_weight.to_string()),
    ]
}

const EDGE_KEYS: [(&str, &str); 7] = [
    ("events", "int"),
    ("mentions", "int"),
    ("cooperation", "int"),
    ("conflict", "int"),
    ("mean_goldstein", "double"),
    ("cooperation_weight", "double"),
    ("conflict_weight", "double"),
];

pub fn graphml(g: &Graph) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
    );
    s.push_str("  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n");
    s.push_str("  <key id=\"node_events\" for=\"node\" attr.name=\"events\" attr.type=\"int\"/>\n");
    for (name, ty) in EDGE_KEYS {
        s.push_str(&format!(
            "  <key id=\"{name}\" for=\"edge\" attr.name=\"{name}\" attr.type=\"{ty}\"/>\n"
        ));
    }
    s.push_str("  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n");
    s.push_str("  <graph id=\"actors\" edgedefault=\"directed\">\n");
    for n in &g.nodes {
        s.push_str(&format!(
            "    <node id=\"{}\"><data key=\"label\">{}</data><data key=\"node_events\">{}</data></node>\n",
            report::escape(&n.id),
            report::escape(&n.label),
            n.events
        ));
    }
    for (i, e) in g.edges.iter().enumerate() {
        s.push_str(&format!(
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">",
            report::escape(&e.source),
            report::escape(&e.target)
        ));
        for (name, _, v) in edge_attrs(e) {
            s.push_str(&format!("<data key=\"{name}\">{v}</data>"));
        }
        s.push_str(&format!(
            "<data key=\"weight\">{}</data></edge>\n",
            e.events
        ));
    }
    s.push_str("  </graph>\n</graphml>\n");
    s
}

pub fn gexf(g: &Graph) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n",
    );
    s.push_str("  <meta><creator>entente</creator><description>Country-level actor graph of deduplicated events</description></meta>\n");
    s.push_str("  <graph mode=\"static\" defaultedgetype=\"directed\">\n");
    s.push_str("    <attributes class=\"node\">\n      <attribute id=\"events\" title=\"events\" type=\"integer\"/>\n    </attributes>\n");
    s.push_str("    <attributes class=\"edge\">\n");
    for (name, ty) in EDGE_KEYS {
        let ty = if ty == "int" { "integer" } else { ty };
        s.push_str(&format!(
            "      <attribute id=\"{name}\" title=\"{name}\" type=\"{ty}\"/>\n"
        ));
    }
    s.push_str("    </attributes>\n    <nodes>\n");
    for n in &g.nodes {
        s.push_str(&format!(
            "      <node id=\"{}\" label=\"{}\"><attvalues><attvalue for=\"events\" value=\"{}\"/></attvalues></node>\n",
            report::escape(&n.id),
            report::escape(&n.label),
            n.events
        ));
    }
    s.push_str("    </nodes>\n    <edges>\n");
    for (i, e) in g.edges.iter().enumerate() {
        s.push_str(&format!(
            "      <edge id=\"{i}\" source=\"{}\" target=\"{}\" weight=\"{}\"><attvalues>",
            report::escape(&e.source),
            report::escape(&e.target),
            e.events
        ));
        for (name, _, v) in edge_attrs(e) {
            s.push_str(&format!("<attvalue for=\"{name}\" value=\"{v}\"/>"));
        }
        s.push_str("</attvalues></edge>\n");
    }
    s.push_str("    </edges>\n  </graph>\n</gexf>\n");
    s
}

#[cfg(feature = "parquet")]
fn parquet(store: &Store, out: &Path, review: &Review) -> Result<ExitCode> {
    let (files, rows) = super::parquet::write(store, out, review)?;
    eprintln!(
        "entente: wrote {rows} event mentions in {files} monthly file(s) under {}",
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "parquet"))]
fn parquet(_: &Store, _: &Path, _: &Review) -> Result<ExitCode> {
    // A format this build lacks is a usage error (exit 2), as an unknown one is.
    Err(crate::usage(
        "this entente was built without Parquet support; rebuild without `--no-default-features` (or with `--features parquet`)",
    ))
}
