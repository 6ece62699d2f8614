//! A mention of a possible speaker in a document: what the actor table
//! recognised, over which tokens.

use std::ops::Range;

/// What kind of thing a mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A known person.
    Person,
    /// An office or group ("the Iranian president", "Israeli officials").
    Office,
    /// A state, organisation or body.
    Actor,
    /// Several actors ("France, Germany and the UK").
    Group,
    /// A proper name not in the table.
    Name,
    /// A personal pronoun.
    Pronoun,
}

/// A mention of a possible speaker.
#[derive(Debug, Clone)]
pub struct Mention {
    /// Tokens of the mention.
    pub toks: Range<usize>,
    /// What it names.
    pub kind: MentionKind,
    /// Actors it speaks for (several for a group).
    pub actors: Vec<usize>,
    /// The person, if known.
    pub person: Option<usize>,
    /// The body, if any.
    pub body: Option<usize>,
    /// Person office title, if an office held by one person.
    pub title: Option<String>,
    /// Whether the mention is an independent voice (analyst, presenter).
    pub independent: bool,
    /// Tokens of a name the table does not know ("jon smyht").
    pub name: Option<Range<usize>>,
    /// Whether `'s` follows.
    pub possessive: bool,
    /// Whether it is the object of a preposition ("with the French president").
    pub in_pp: bool,
    /// Plural ("officials", "they", a group).
    pub plural: bool,
    /// Whether it was matched fuzzily (speech-to-text spelling).
    pub fuzzy: bool,
}

impl Mention {
    /// A bare mention of a kind over tokens, nothing else known.
    pub(crate) fn new(toks: Range<usize>, kind: MentionKind) -> Mention {
        Mention {
            toks,
            kind,
            actors: Vec::new(),
            person: None,
            body: None,
            title: None,
            independent: false,
            name: None,
            possessive: false,
            in_pp: false,
            plural: false,
            fuzzy: false,
        }
    }

    /// The subject of a speech verb that the actor table does not know: a
    /// proper name ("Whitfield said", "The Courier said"), whose own words
    /// are `name`, or a description ("the judge", "most voters"), which
    /// speaks for no actor.
    pub(crate) fn subject(toks: Range<usize>, name: Range<usize>, proper: bool, plural: bool) -> Mention {
        let kind = if proper { MentionKind::Name } else { MentionKind::Office };
        Mention { name: proper.then_some(name), plural, ..Mention::new(toks, kind) }
    }
}
