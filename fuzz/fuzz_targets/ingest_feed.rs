//! Ingest of untrusted bytes as Feed: no panic, well-formed documents, stable ids.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    entente_fuzz::check_ingest(data, ingest::Format::Feed);
});
