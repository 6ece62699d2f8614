//! Text primitives every stage shares: the normalised view of a document
//! and its map back to original bytes, tokens with folded keys, sentence
//! and clause-window segmentation, English inflection and dates.

pub(crate) mod date;
pub(crate) mod hash;
pub(crate) mod inflect;
pub(crate) mod lines;
pub(crate) mod normalize;
pub(crate) mod segment;
pub(crate) mod token;
pub(crate) mod vocab;

/// FNV-1a, 64 bits: a stable fingerprint of bytes (the same input, the
/// same value, on every machine and in every run).
pub(crate) fn fingerprint(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}
