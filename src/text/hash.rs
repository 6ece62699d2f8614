//! Key hashes and the bit filters built on them: most tokens are let go
//! on one bit before any word list is searched.

/// A 32-bit hash of a key (FNV-1a): two keys with different hashes differ,
/// so a matcher tests the hash before comparing bytes.
pub(crate) fn key_hash(key: &str) -> u32 {
    key_hash_bytes(key.as_bytes())
}

/// [`key_hash`] of a key's bytes.
pub(crate) fn key_hash_bytes(key: &[u8]) -> u32 {
    key.iter().fold(0x811c_9dc5_u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// A set of small numbers as `W` words of bits: a filter in front of a
/// slower test (numbers are taken modulo the set's size).
#[derive(Debug, Clone)]
pub(crate) struct Bits<const W: usize>([u64; W]);

impl<const W: usize> Default for Bits<W> {
    fn default() -> Self {
        Bits([0; W])
    }
}

impl<const W: usize> Bits<W> {
    pub(crate) fn set(&mut self, i: usize) {
        let i = i % (W * 64);
        self.0[i / 64] |= 1 << (i % 64);
    }

    #[inline]
    pub(crate) fn has(&self, i: usize) -> bool {
        let i = i % (W * 64);
        self.0[i / 64] >> (i % 64) & 1 == 1
    }
}
