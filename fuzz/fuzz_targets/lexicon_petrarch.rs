//! The TABARI/PETRARCH dictionary importer: see `entente_fuzz::check_petrarch` for the invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    entente_fuzz::check_petrarch(data);
});
