//! Bytes to text: binary detection and lossy UTF-8 decoding that says where it failed.

use std::borrow::Cow;

/// Offset of the first NUL byte in the first 8 KiB: text formats never contain one.
pub fn binary_offset(bytes: &[u8]) -> Option<usize> {
    // UTF-16 files also contain NULs; they are rare in news feeds and are
    // reported as binary rather than decoded wrongly.
    bytes[..bytes.len().min(8192)].iter().position(|&b| b == 0)
}

/// Decodes UTF-8, replacing bad sequences; returns the first bad offset.
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, Option<usize>) {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let bytes = &bytes[bom..];
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), None),
        Err(e) => (String::from_utf8_lossy(bytes), Some(bom + e.valid_up_to())),
    }
}
