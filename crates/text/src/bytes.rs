//! Byte scans shared by the stages that pass over every byte of a document,
//! and the eight-bytes-at-a-time tests they are made of: a `u64` read from
//! eight bytes (little-endian, so the lowest set bit is the first byte) gets
//! a high bit in each byte that passes.

/// The top bit of every byte.
pub const HI: u64 = 0x8080_8080_8080_8080;
/// The low bit of every byte.
pub const LO: u64 = 0x0101_0101_0101_0101;

/// The eight bytes of `b` from `i`, as a little-endian word.
#[inline]
pub fn load8(b: &[u8], i: usize) -> Option<u64> {
    let chunk: &[u8; 8] = b.get(i..i.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(*chunk))
}

/// A high bit in each byte of `w` that is ASCII and in `lo..=hi` (with
/// `hi < 0x80`): adding `0x80 - lo` to a seven-bit byte sets its top bit when
/// it is at least `lo`, and no carry crosses into the next byte.
#[inline]
pub fn in_range(w: u64, lo: u8, hi: u8) -> u64 {
    let x = w & !HI;
    let ge = |b: u8| x.wrapping_add(LO * u64::from(0x80 - b));
    ge(lo) & !ge(hi + 1) & !w & HI
}

/// A high bit in the first byte of `w` that equals `c` (bytes after it may
/// be marked too: read only the lowest set bit).
#[inline]
pub fn eq_byte(w: u64, c: u8) -> u64 {
    let x = w ^ (LO * u64::from(c));
    x.wrapping_sub(LO) & !x & HI
}

/// The first index in `hay` of any of the bytes `set`, eight bytes at a
/// time (these scans run over every byte of every document).
pub fn find_any<const N: usize>(hay: &[u8], set: [u8; N]) -> Option<usize> {
    let mut i = 0;
    while let Some(w) = load8(hay, i) {
        if set.iter().any(|&c| eq_byte(w, c) != 0) {
            break;
        }
        i += 8;
    }
    hay[i..].iter().position(|b| set.contains(b)).map(|p| i + p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn in_range_and_eq_byte_are_the_bytewise_tests(b in any::<[u8; 8]>(), lo in 0u8..0x80, len in 0u8..0x40, c in any::<u8>()) {
            let hi = lo.saturating_add(len).min(0x7F);
            let w = u64::from_le_bytes(b);
            let marked = |m: u64| (0..8).map(|k| m >> (8 * k + 7) & 1 == 1).collect::<Vec<_>>();
            let want: Vec<bool> = b.iter().map(|&x| (lo..=hi).contains(&x)).collect();
            prop_assert_eq!(marked(in_range(w, lo, hi)), want);
            let first = b.iter().position(|&x| x == c);
            let got = eq_byte(w, c);
            prop_assert_eq!((got != 0).then(|| (got.trailing_zeros() / 8) as usize), first);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn find_any_is_the_first_match(
            hay in proptest::collection::vec(prop_oneof![Just(b'.'), Just(b'a'), Just(0xE2u8), Just(b'\n'), any::<u8>()], 0..80),
            set in proptest::array::uniform5(prop_oneof![Just(b'.'), Just(b'\n'), Just(0xE2u8), any::<u8>()]),
        ) {
            prop_assert_eq!(find_any(&hay, set), hay.iter().position(|b| set.contains(b)));
        }
    }
}
