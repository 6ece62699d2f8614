//! Text primitives every stage shares: the normalised view of a document
//! and its map back to original bytes, tokens with folded keys, sentence
//! and clause-window segmentation, English inflection and dates.

pub(crate) mod date;
pub(crate) mod inflect;
pub(crate) mod lines;
pub(crate) mod normalize;
pub(crate) mod segment;
pub(crate) mod token;
pub(crate) mod vocab;
