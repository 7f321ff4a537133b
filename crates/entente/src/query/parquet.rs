//! Parquet export of event mentions, one file per month (feature `parquet`).
//!
//! The layout is Hive-style (`PATH/month=2025-04/part-0.parquet`), so DuckDB,
//! Polars, Spark and pyarrow read the directory as one partitioned table.

use anyhow::{Context, Result};
use arrow_array::{
    ArrayRef, BooleanArray, Float64Array, Int32Array, Int64Array, RecordBatch, StringArray,
};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use store::{EventFilter, EventRow, Review, Store};

fn schema() -> Schema {
    let s = |name: &str, nullable: bool| Field::new(name, DataType::Utf8, nullable);
    let i = |name: &str, nullable: bool| Field::new(name, DataType::Int64, nullable);
    Schema::new(vec![
        i("id", false),
        s("doc", false),
        i("sentence", false),
        s("date", false),
        s("month", false),
        s("doc_date", false),
        s("source_code", false),
        s("source_name", false),
        s("target_code", false),
        s("target_name", false),
        s("cameo", false),
        s("root", false),
        s("plover", false),
        Field::new("quad_class", DataType::Int32, false),
        Field::new("goldstein", DataType::Float64, false),
        s("modality", false),
        i("event_group", true),
        i("num_articles", false),
        i("num_sources", false),
        s("url", true),
        s("publisher", true),
        s("text", false),
        i("votes_up", false),
        i("votes_down", false),
        Field::new("rejected", DataType::Boolean, false),
        s("machine_cameo", true),
        s("machine_source", true),
        s("machine_target", true),
    ])
}

fn batch(rows: &[&EventRow], month: &str) -> Result<RecordBatch> {
    let text = |f: fn(&EventRow) -> &str| -> ArrayRef {
        Arc::new(StringArray::from_iter_values(rows.iter().map(|r| f(r))))
    };
    let opt = |f: fn(&EventRow) -> Option<&str>| -> ArrayRef {
        Arc::new(rows.iter().map(|r| f(r)).collect::<StringArray>())
    };
    let int = |f: fn(&EventRow) -> i64| -> ArrayRef {
        Arc::new(Int64Array::from_iter_values(rows.iter().map(|r| f(r))))
    };
    let columns: Vec<ArrayRef> = vec![
        int(|r| r.id),
        text(|r| &r.doc),
        int(|r| r.sentence as i64),
        text(|r| &r.date),
        Arc::new(StringArray::from_iter_values(rows.iter().map(|_| month))),
        text(|r| &r.doc_date),
        text(|r| &r.source_code),
        text(|r| &r.source_name),
        text(|r| &r.target_code),
        text(|r| &r.target_name),
        text(|r| &r.cameo),
        text(|r| &r.root),
        text(|r| &r.plover),
        Arc::new(Int32Array::from_iter_values(
            rows.iter().map(|r| i32::from(r.quad_class)),
        )),
        Arc::new(Float64Array::from_iter_values(
            rows.iter().map(|r| r.goldstein),
        )),
        text(|r| &r.modality),
        Arc::new(rows.iter().map(|r| r.group).collect::<Int64Array>()),
        int(|r| r.num_articles as i64),
        int(|r| r.num_sources as i64),
        opt(|r| r.url.as_deref()),
        opt(|r| r.publisher.as_deref()),
        text(|r| &r.text),
        int(|r| r.votes_up as i64),
        int(|r| r.votes_down as i64),
        Arc::new(
            rows.iter()
                .map(|r| Some(r.rejected))
                .collect::<BooleanArray>(),
        ),
        opt(|r| r.machine_cameo.as_deref()),
        opt(|r| r.machine_source.as_deref()),
        opt(|r| r.machine_target.as_deref()),
    ];
    Ok(RecordBatch::try_new(Arc::new(schema()), columns)?)
}

/// Writes every event mention as analysts reviewed it under `out`; returns
/// (files, rows).
pub fn write(store: &Store, out: &Path, review: &Review) -> Result<(usize, usize)> {
    let rows = store.reviewed_events_rows(&EventFilter::default(), review)?;
    let mut months: BTreeMap<String, Vec<&EventRow>> = BTreeMap::new();
    for r in &rows {
        months.entry(r.month()).or_default().push(r);
    }
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    // A previous export's months that have no events now would otherwise linger.
    for e in std::fs::read_dir(out)?.flatten() {
        if e.file_name().to_string_lossy().starts_with("month=") {
            let old = e.path().join("part-0.parquet");
            if old.exists() {
                std::fs::remove_file(&old)
                    .with_context(|| format!("removing {}", old.display()))?;
            }
        }
    }
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    for (month, rows) in &months {
        let dir = out.join(format!("month={month}"));
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        let path = dir.join("part-0.parquet");
        let file =
            std::fs::File::create(&path).with_context(|| format!("creating {}", path.display()))?;
        let mut w = ArrowWriter::try_new(file, Arc::new(schema()), Some(props.clone()))?;
        w.write(&batch(rows, month)?)?;
        w.close()
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok((months.len(), rows.len()))
}
