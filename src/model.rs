//! The values that flow from one pipeline stage to the next.
//!
//! Ingestion produces a [`Document`]; preparation a [`Text`] (tokens,
//! filler flags, sentences); extraction [`Statement`]s with their
//! [`Speaker`]; classification [`Classified`] statements; one document's
//! classified statements are its [`Analysis`]. A [`Record`] is the
//! serialised form of a classified statement: what `extract` writes and
//! what `eval`, `compare --records` and `check` read back. Nothing here
//! knows how a value is computed.

use crate::text::date::Date;
use crate::text::segment::Segments;
use crate::text::token::Tokens;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// What kind of document a text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    /// A written article (news report, analysis, press release).
    Article,
    /// A transcript of speech (interview, broadcast), possibly unpunctuated.
    Transcript,
}

impl DocKind {
    /// Lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Article => "article",
            DocKind::Transcript => "transcript",
        }
    }
}

/// A region of the body left out of analysis, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Excluded {
    /// Start byte offset in the original text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// Why it is excluded.
    pub reason: String,
}

/// A speaker label opening a line of a transcript (`HOST:`, `Jane Doe (00:27):`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    /// Byte offset of the line the label opens.
    pub line: usize,
    /// Byte offset where the labelled words begin (this line or the next).
    pub words: usize,
    /// The label as written, without brackets, times and colon.
    pub name: String,
}

/// Metadata given outside the text (JSON Lines fields).
#[derive(Debug, Default, Clone)]
pub(crate) struct Meta {
    pub(crate) title: Option<String>,
    pub(crate) date: Option<Date>,
    pub(crate) source: Option<String>,
    pub(crate) kind: Option<DocKind>,
    /// Whether the text comes from a record (whose text has no title line).
    pub(crate) record: bool,
}

/// One document, ready for analysis.
#[derive(Debug, Clone)]
pub struct Document {
    /// Name used in records and reports (file base name, or the JSON Lines `id`).
    pub name: String,
    /// Where it came from (path, `path:line` for JSON Lines, `-` for stdin).
    pub origin: String,
    /// Title, where known.
    pub title: Option<String>,
    /// Publication date, where known.
    pub date: Option<Date>,
    /// Source or outlet, where known.
    pub source: Option<String>,
    /// Address of the page, where known.
    pub url: Option<String>,
    /// Author or byline, where known.
    pub author: Option<String>,
    /// Article or transcript.
    pub kind: DocKind,
    /// Why the document counts as its kind ("speaker labels: 3 speakers").
    pub kind_reason: String,
    /// What a reader should know about how the document was read ("no
    /// title: the first line reads as body", "empty body").
    pub notes: Vec<String>,
    /// The original text (the file, or the record's `text`).
    pub text: String,
    /// Byte range of the body in [`Document::text`].
    pub body: Range<usize>,
    /// Furniture excluded from the body, in order.
    pub excluded: Vec<Excluded>,
    /// Speaker labels, in order, when they lay the body out as turns.
    pub labels: Vec<Label>,
    /// Who issues the document, when it is a statement in its issuer's own
    /// voice (a communiqué, a joint statement): the words naming them.
    pub issuer: Option<String>,
    /// Whether the body has sentence punctuation (speech-to-text often has none).
    pub punctuated: bool,
    /// Read but not yet laid out (metadata, furniture, labels): the layout
    /// is found by `ingest::ready`, in parallel with other documents.
    pub(crate) pending: Option<Box<Meta>>,
}

impl Document {
    /// Bytes of body that later stages read (body minus excluded regions).
    pub fn body_bytes(&self) -> usize {
        let cut: usize = self.excluded.iter().map(|e| e.end.min(self.body.end).saturating_sub(e.start.max(self.body.start))).sum();
        self.body.len() - cut
    }

    /// Excluded regions as byte ranges.
    pub fn excluded_ranges(&self) -> Vec<Range<usize>> {
        self.excluded.iter().map(|e| e.start..e.end).collect()
    }
}

/// The classified statements of one document.
#[derive(Debug, Clone)]
pub struct Analysis<'d> {
    /// The document.
    pub doc: &'d Document,
    /// Its statements and turns, with labels, in document order.
    pub statements: Vec<Classified>,
    /// The actors it names, as speakers or not, by canonical name, sorted
    /// (what `--about` scopes on).
    pub actors: Vec<String>,
}

/// A document prepared for analysis: tokens, filler flags, sentences.
#[derive(Debug, Clone)]
pub struct Text<'d> {
    /// The document.
    pub doc: &'d Document,
    /// The bytes of the document this text covers: its body, or one window
    /// of a very long body.
    pub region: Range<usize>,
    /// Tokens of the region (furniture excluded).
    pub toks: Tokens,
    /// Filler flags, one per token.
    pub skip: Vec<bool>,
    /// Sentences (or clause windows) and paragraphs.
    pub seg: Segments,
}

impl Text<'_> {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The folded key of token `t`.
    pub fn key(&self, t: usize) -> &str {
        self.toks.key(t)
    }

    /// The previous token before `t` that is not a filler, not before `floor`.
    pub fn prev(&self, t: usize, floor: usize) -> Option<usize> {
        (floor..t).rev().find(|&p| !self.skip[p])
    }

    /// The first token at or after `t` that is not a filler, before `ceil`.
    pub fn next(&self, t: usize, ceil: usize) -> Option<usize> {
        (t..ceil.min(self.toks.len())).find(|&p| !self.skip[p])
    }

    /// The sentence (or clause window) holding token `t`.
    pub fn sentence_at(&self, t: usize) -> Range<usize> {
        self.seg.sentences[self.seg.sentence_of(t)].clone()
    }
}

/// How a statement is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Quoted words.
    Direct,
    /// Paraphrase with quoted words inside.
    Mixed,
    /// Reported speech.
    Indirect,
    /// A speaker's turn in a transcript.
    Turn,
}

impl Kind {
    /// Lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Mixed => "mixed",
            Kind::Indirect => "indirect",
            Kind::Turn => "turn",
        }
    }
}

/// An attributed statement.
#[derive(Debug, Clone)]
pub struct Statement {
    /// How it is reported.
    pub kind: Kind,
    /// Tokens of the content.
    pub toks: Range<usize>,
    /// Byte range of the content in the original file.
    pub span: Range<usize>,
    /// Tokens the stance rules read (the cue and its content, or the whole
    /// clause for a rejected call).
    pub scope: Range<usize>,
    /// Tokens of the cue, if any.
    pub cue: Option<Range<usize>>,
    /// Byte range of the cue in the original file, if any.
    pub cue_span: Option<Range<usize>>,
    /// Who said it.
    pub speaker: Speaker,
    /// Whom it was said to, where named.
    pub addressee: Option<String>,
    /// The channel that relayed it ("the Kremlin added"), if any.
    pub via: Option<String>,
    /// Byte range of the sentence (or clause window).
    pub sentence: Range<usize>,
    /// How sure the attribution is, 0 to 1.
    pub confidence: f32,
}

/// The speaker of a statement, resolved.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Speaker {
    /// Canonical name (person, actor, or the office as written); `None` if unknown.
    pub name: Option<String>,
    /// The words that name the speaker in the text.
    pub mention: Option<String>,
    /// Byte range of the mention.
    pub span: Option<Range<usize>>,
    /// Canonical names of the actors the speaker speaks for (empty: independent or unknown).
    pub actors: Vec<String>,
    /// Whether the speaker is an independent voice.
    pub independent: bool,
}

/// One rule match on a statement.
#[derive(Debug, Clone)]
pub struct Hit {
    /// Rule index in the [`crate::classify::rules::RuleSet`].
    pub rule: usize,
    /// Tokens matched.
    pub toks: Range<usize>,
    /// Bytes matched in the original file.
    pub span: Range<usize>,
    /// Negator class and bytes of the nearest negator, when negated.
    pub negated: Option<(String, Range<usize>)>,
    /// Label this hit gives after polarity (None: dropped).
    pub gives: Option<String>,
    /// Why the hit gives nothing despite matching, when a rule's context says so.
    pub cancelled: Option<Cancel>,
    /// The `[[mapping]]` (by index) that changed what the hit gives, under the statement's cue.
    pub mapped: Option<usize>,
}

/// Why a rule's match was set aside by the rule's own context patterns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cancel {
    /// An `unless` pattern matched in the rule's scope.
    Unless,
    /// None of the rule's `requires` patterns matched in the sentence.
    Unmet,
}

impl Cancel {
    /// The reason in words, for `explain` and rule test failures.
    pub fn reason(self) -> &'static str {
        match self {
            Cancel::Unless => "cancelled by an `unless` pattern",
            Cancel::Unmet => "no `requires` pattern matches in the sentence",
        }
    }
}

/// A statement with its labels.
#[derive(Debug, Clone)]
pub struct Classified {
    /// The statement.
    pub statement: Statement,
    /// Labels assigned, in label declaration order.
    pub labels: Vec<String>,
    /// Ids of the rules behind the labels, sorted.
    pub rules: Vec<String>,
    /// Every hit, including negated and cancelled ones.
    pub hits: Vec<Hit>,
}

/// The actors of a record's speaker: written as `null`, one name, or a list
/// of names (a joint statement), as the evaluation format has it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Actors(pub Vec<String>);

impl Serialize for Actors {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0.as_slice() {
            [] => s.serialize_none(),
            [one] => s.serialize_str(one),
            many => many.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Actors {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Actors, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            One(String),
            Many(Vec<String>),
        }
        Ok(Actors(match Option::<Raw>::deserialize(d)? {
            None => Vec::new(),
            Some(Raw::One(s)) if s.is_empty() => Vec::new(),
            Some(Raw::One(s)) => vec![s],
            Some(Raw::Many(v)) => v,
        }))
    }
}

/// The `speaker` object of a [`Record`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SpeakerRecord {
    /// Canonical name, `"host"` for a presenter, or `null` when unknown.
    #[serde(default)]
    pub name: Option<String>,
    /// The words that name the speaker in the text.
    #[serde(default)]
    pub mention: Option<String>,
    /// The actors the statement speaks for.
    #[serde(default)]
    pub actor: Actors,
    /// An independent voice (analyst, presenter): nobody's position.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub independent: bool,
}

/// One classified statement as `extract` writes it (JSON Lines, the
/// evaluation format of `FORMAT.md`) and as `eval` reads it back. Fields
/// other tools may leave out default to empty.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Document name.
    pub doc: String,
    /// Byte range of the statement's words in the document file.
    pub span: [usize; 2],
    /// The same range in Unicode scalar values (characters), for languages
    /// that slice strings by character (Python).
    #[serde(default)]
    pub char_span: [usize; 2],
    /// The words.
    #[serde(default)]
    pub text: String,
    /// `direct`, `mixed`, `indirect` or `turn`.
    #[serde(default)]
    pub kind: String,
    /// Who said it.
    #[serde(default)]
    pub speaker: SpeakerRecord,
    /// Whom it was said to.
    #[serde(default)]
    pub addressee: Option<String>,
    /// The channel that relayed it.
    #[serde(default)]
    pub via: Option<String>,
    /// The speech cue.
    #[serde(default)]
    pub cue: Option<String>,
    /// Byte range of the sentence.
    #[serde(default)]
    pub sentence: [usize; 2],
    /// How sure the attribution is, 0 to 1 (two decimals).
    #[serde(default)]
    pub confidence: f64,
    /// Stance labels.
    #[serde(default)]
    pub stance: Vec<String>,
    /// Ids of the rules behind the labels.
    #[serde(default)]
    pub rules: Vec<String>,
    /// Line of the document where the words start (1-based).
    #[serde(default)]
    pub line: usize,
    /// The sentence around the words (the evidence a report quotes).
    #[serde(default)]
    pub context: String,
}

/// Version of the record schema: statement records and the document
/// records `extract --format jsonl` writes before each document's statements.
pub const RECORD_SCHEMA: u32 = 1;

/// What `extract --format jsonl` writes before a document's statements, so
/// that `compare --records` and `check --records` can build the same table
/// from records alone (one line per document, even one without statements).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocRecord {
    /// Always `"document"`.
    pub record: String,
    /// [`RECORD_SCHEMA`].
    pub schema: u32,
    /// Document name (what statement records call `doc`).
    pub doc: String,
    /// Title.
    #[serde(default)]
    pub title: Option<String>,
    /// Date, YYYY-MM-DD.
    #[serde(default)]
    pub date: Option<String>,
    /// Source or outlet.
    #[serde(default)]
    pub source: Option<String>,
    /// `article` or `transcript`.
    #[serde(default)]
    pub kind: String,
    /// Where it was read from.
    #[serde(default)]
    pub origin: String,
    /// The actors it names, as speakers or not (what `--about` scopes on).
    #[serde(default)]
    pub actors: Vec<String>,
}

impl DocRecord {
    /// The document record of an analysed document.
    pub fn of(a: &Analysis) -> DocRecord {
        let doc = a.doc;
        DocRecord {
            record: "document".into(),
            schema: RECORD_SCHEMA,
            doc: doc.name.clone(),
            title: doc.title.clone(),
            date: doc.date.map(|d| d.to_string()),
            source: doc.source.clone(),
            kind: doc.kind.as_str().into(),
            origin: doc.origin.clone(),
            actors: a.actors.clone(),
        }
    }

    /// Whether the document names any of `actors` (canonical names), or
    /// has a statement by one of them; everything is in scope of no actor.
    pub fn about(&self, actors: &[String], records: &[Record]) -> bool {
        actors.is_empty() || actors.iter().any(|x| self.actors.contains(x) || records.iter().any(|r| r.speaker.actor.0.contains(x)))
    }
}

impl Record {
    /// The records of a document's classified statements (line numbers
    /// from one pass over the text).
    pub fn all(doc: &Document, statements: &[Classified]) -> Vec<Record> {
        let newlines: Vec<usize> = memchr::memchr_iter(b'\n', doc.text.as_bytes()).collect();
        // Character offsets of every span end, in one sweep over the text.
        let mut offsets: Vec<usize> = statements.iter().flat_map(|c| [c.statement.span.start, c.statement.span.end]).collect();
        offsets.sort_unstable();
        offsets.dedup();
        let mut chars = Vec::with_capacity(offsets.len());
        let (mut at, mut count) = (0, 0);
        for &o in &offsets {
            let o = o.min(doc.text.len());
            count += doc.text.get(at..o).map_or(0, |s| s.chars().count());
            at = o;
            chars.push(count);
        }
        let char_at = |b: usize| offsets.binary_search(&b).map_or(0, |i| chars[i]);
        statements
            .iter()
            .map(|c| {
                let span = &c.statement.span;
                let mut r = Record::of(doc, c, newlines.partition_point(|&n| n < span.start) + 1);
                r.char_span = [char_at(span.start), char_at(span.end)];
                r
            })
            .collect()
    }

    /// The record of a classified statement of `doc` starting on `line`.
    fn of(doc: &Document, c: &Classified, line: usize) -> Record {
        let st = &c.statement;
        let text = |r: &Range<usize>| doc.text.get(r.clone()).unwrap_or_default().to_string();
        let sent = st.sentence.start.min(st.span.start)..st.sentence.end.max(st.span.end);
        Record {
            doc: doc.name.clone(),
            span: [st.span.start, st.span.end],
            char_span: [0, 0],
            text: text(&st.span),
            kind: st.kind.as_str().to_string(),
            speaker: SpeakerRecord {
                name: st.speaker.name.clone(),
                mention: st.speaker.mention.clone(),
                actor: Actors(st.speaker.actors.clone()),
                independent: st.speaker.independent,
            },
            addressee: st.addressee.clone(),
            via: st.via.clone(),
            cue: st.cue_span.as_ref().map(text),
            sentence: [st.sentence.start, st.sentence.end],
            confidence: (f64::from(st.confidence) * 100.0).round() / 100.0,
            stance: c.labels.clone(),
            rules: c.rules.clone(),
            line,
            context: text(&sent),
        }
    }

    /// Byte range of the sentence around the words (with the words).
    pub fn context_range(&self) -> Range<usize> {
        self.sentence[0].min(self.span[0])..self.sentence[1].max(self.span[1])
    }

    /// Byte range of the words.
    pub fn range(&self) -> Range<usize> {
        self.span[0]..self.span[1]
    }
}
