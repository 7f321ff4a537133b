//! Character classes with fast paths for the non-ASCII characters news text
//! is full of: typographic quotes and dashes (never letters or digits) and
//! accented Latin letters (always letters). The standard library answers
//! those from its Unicode tables, a few hundred instructions a character.

/// As [`char::is_alphanumeric`].
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_alphabetic(c) || is_numeric(c)
}

/// As [`char::is_alphabetic`].
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xC0..=0x24F => !matches!(c, '×' | '÷'),
        0x2000..=0x206F => false,
        _ => c.is_alphabetic(),
    }
}

/// As [`char::is_numeric`].
#[inline]
pub fn is_numeric(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_digit(),
        0xC0..=0x24F | 0x2000..=0x206F => false,
        _ => c.is_numeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agree_with_the_standard_library() {
        for u in 0..=0x3000u32 {
            let Some(c) = char::from_u32(u) else {
                continue;
            };
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_numeric(c), c.is_numeric(), "{c:?}");
        }
    }
}
