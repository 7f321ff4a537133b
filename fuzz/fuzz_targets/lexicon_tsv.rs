//! The TSV lexicon overlay: see `entente_fuzz::check_tsv` for the invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    entente_fuzz::check_tsv(data);
});
