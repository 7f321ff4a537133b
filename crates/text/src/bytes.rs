//! Byte scans shared by the stages that pass over every byte of a document.

/// The first index in `hay` of any of the bytes `set`, eight bytes at a
/// time (these scans run over every byte of every document).
pub fn find_any<const N: usize>(hay: &[u8], set: [u8; N]) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // Non-zero when some byte of `w` equals `c` (exact for the first match).
    let has = |w: u64, c: u8| {
        let x = w ^ (LO * u64::from(c));
        x.wrapping_sub(LO) & !x & HI
    };
    let mut i = 0;
    let mut chunks = hay.chunks_exact(8);
    for ch in &mut chunks {
        let mut a = [0u8; 8];
        a.copy_from_slice(ch);
        let w = u64::from_le_bytes(a);
        if set.iter().any(|&c| has(w, c) != 0) {
            break;
        }
        i += 8;
    }
    hay[i..].iter().position(|b| set.contains(b)).map(|p| i + p)
}

#[cfg(test)]
mod tests {
    use super::find_any;
    use proptest::prelude::*;

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
