//! Text primitives every stage shares: the normalised view of a document
//! and its map back to original bytes, tokens with folded keys, sentence
//! and clause-window segmentation, English inflection and dates.

pub mod date;
pub mod inflect;
pub mod normalize;
pub mod segment;
pub mod token;
pub mod vocab;
