//! Reading the CSV corpora used by `bench` and `eval` into rows keyed by column name.

use std::collections::HashMap;

/// All rows of a CSV file with a header line.
pub fn csv_rows(bytes: &[u8]) -> Result<Vec<HashMap<String, String>>, csv::Error> {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers = rdr.headers()?.clone();
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec?;
        out.push(
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect(),
        );
    }
    Ok(out)
}
