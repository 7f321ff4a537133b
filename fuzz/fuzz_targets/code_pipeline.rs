//! The whole `entente code` pipeline on arbitrary bytes: see `entente_fuzz::check_code` for the invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    entente_fuzz::check_code(data);
});
