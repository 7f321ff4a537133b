//! Stable 64-bit hashing for feature keys: the same on every platform and
//! build, because trained weights are stored under these hashes.

/// Folds `x` into the running hash `h` (FxHash's step).
#[inline(always)]
pub fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// Murmur3's finaliser: spreads every input bit over the output, so that
/// truncated or bucketed keys stay uniform.
#[inline(always)]
pub fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The hash of a string's bytes.
pub fn str_hash(s: &str) -> u64 {
    bytes_hash(s.as_bytes())
}

/// The hash of a byte string; `str_hash` of the same bytes.
pub fn bytes_hash(b: &[u8]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ b.len() as u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = mix(h, u64::from_le_bytes(w));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(w));
    }
    finish(h)
}

/// A feature key: a template number and up to three atoms.
#[inline(always)]
pub fn feat(template: u64, a: u64, b: u64, c: u64) -> u64 {
    finish(mix(
        mix(mix(template.wrapping_mul(0x9e37_79b9_7f4a_7c15), a), b),
        c,
    ))
}

/// A `HashMap` hasher for keys that are already hashes.
#[derive(Default, Clone, Copy)]
pub struct Prehashed(u64);

impl std::hash::Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, b as u64);
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}

pub type BuildPrehashed = std::hash::BuildHasherDefault<Prehashed>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable() {
        // Stored weights are keyed by these values: a change here silently
        // breaks every shipped model, so the test pins them.
        assert_eq!(str_hash(""), 0xefd0_1f60_ba99_2926);
        assert_ne!(str_hash("ab"), str_hash("ba"));
        assert_ne!(feat(1, 2, 3, 4), feat(1, 2, 4, 3));
    }
}
