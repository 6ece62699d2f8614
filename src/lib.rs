//! # stance
//!
//! Reads news articles and interview transcripts, finds who said what
//! (direct quotes and reported speech), resolves each speaker to the actor
//! they speak for, classifies the stance of each statement with rules kept
//! in TOML, and lines positions up across sources.
//!
//! The pipeline, one module per stage, one named type between stages:
//!
//! | stage | module | produces |
//! | --- | --- | --- |
//! | read inputs | [`ingest`] (with [`furniture`]) | [`ingest::Document`] |
//! | normalise, tokenize, segment | [`normalize`], [`token`], [`segment`] | [`engine::Text`] |
//!
//! The library never prints; [`report`] renders values into text and the
//! binary writes it.

pub mod attribute;
pub mod check;
pub mod classify;
pub mod compare;
pub mod config;
pub mod engine;
pub mod error;
pub mod eval;
pub mod extract;
pub mod ingest;
pub mod model;
pub mod pattern;
pub mod prepare;
pub mod report;
pub mod text;
