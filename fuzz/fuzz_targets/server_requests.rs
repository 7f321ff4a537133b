//! The server's request parsing: any method, target, query, body and token
//! through the whole router, in-process. No panic, no 5xx, and every API
//! error is JSON `{error, detail}`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    entente_fuzz::check_request(data);
});
