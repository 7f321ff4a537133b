//! The text layer (sentences, tokens, time expressions): see `entente_fuzz::check_text` for the invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    entente_fuzz::check_text(data);
});
