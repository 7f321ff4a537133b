//! Ingest of untrusted bytes as CSV (default columns: text, title, date, id,
//! url): no panic, well-formed documents, stable ids, diagnostics naming a
//! line that exists.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    entente_fuzz::check_ingest(data, ingest::Format::Csv);
});
