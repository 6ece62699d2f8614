//! Attribution: who a name, title or pronoun stands for.
//!
//! `rules/actors.toml` lists states and organisations (with their
//! capitals, adjectives and by-names: "Tehran", "Iranian", "the Jewish
//! state"), bodies that speak for them (armies, state media), people with
//! offices valid between dates, and the vocabulary of offices and
//! independent voices; [`table`] compiles it. [`mentions`] finds every
//! mention in a document: known names, office phrases ("Iran's foreign
//! ministry", "the new president jon smyht"), coordinated lists ("France,
//! Germany and the UK"), unknown proper names, pronouns; in transcripts
//! [`fuzzy`] matches misspelt names, but never ordinary English words.
//! [`speaker`] turns a mention into a [`crate::model::Speaker`] on the
//! document's date, and [`resolve`] follows pronouns, bare titles and
//! anaphoric nouns ("the group") back to whom they stand for. Choosing
//! which mention is the speaker of a statement (subjects, relays) is
//! [`crate::extract`]'s job.

pub(crate) mod fuzzy;
pub(crate) mod mention;
pub(crate) mod mentions;
pub(crate) mod resolve;
pub(crate) mod speaker;
pub(crate) mod table;

pub(crate) use mention::{Mention, MentionKind};
pub(crate) use table::ActorTable;
