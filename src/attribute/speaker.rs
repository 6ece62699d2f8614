//! A mention resolved to a speaker on the document's date: its canonical
//! name (a person, an office holder, an actor, a group) and the actors it
//! speaks for.

use crate::attribute::mention::{Mention, MentionKind};
use crate::attribute::table::ActorTable;
use crate::model::{Speaker, Text};
use crate::text::date::Date;
use crate::text::normalize::fold_key;

/// How close a name written after an office ("president jon smyht") must
/// be to the office holder's to be taken as that person.
const NAME_SIMILARITY: f64 = 0.8;

impl ActorTable {
    /// Resolves a mention (not a pronoun) to a speaker on `date`.
    pub fn speaker(&self, m: &Mention, text: &Text, date: Option<Date>) -> Speaker {
        let toks = &text.toks;
        let mut start = m.toks.start;
        while start < m.toks.end && self.vocab.grammar.determiners.contains(toks.key(start)) {
            start += 1;
        }
        let surface = toks.norm_text(start..m.toks.end).to_string();
        let span = toks.span(m.toks.clone());
        let actor_names = |ids: &[usize]| ids.iter().filter_map(|&a| self.actors.get(a)).map(|a| a.name.clone()).collect::<Vec<_>>();
        let mut s = Speaker {
            name: None,
            mention: Some(toks.norm_text(m.toks.clone()).to_string()),
            span: Some(span),
            actors: actor_names(&m.actors),
            independent: m.independent,
        };
        if m.independent {
            s.actors.clear();
            s.name = Some(match &m.name {
                Some(r) => toks.norm_text(r.clone()).to_string(),
                None => surface,
            });
            return s;
        }
        match m.kind {
            MentionKind::Person => {
                let p = m.person.expect("person mention has a person");
                s.name = Some(self.persons[p].name.clone());
                // The actor an office-holder speaks for on the date (or their own).
                // The actor of the office held on the date; out of every listed
                // office on a known date (a candidate, a former minister) the
                // person speaks for no state.
                let person = &self.persons[p];
                let on_date = person.offices.iter().find(|o| match date {
                    Some(d) => o.from.is_none_or(|f| f <= d) && o.until.is_none_or(|u| d <= u),
                    None => false,
                });
                s.actors = match (on_date, date) {
                    (Some(o), _) => actor_names(&[o.actor]),
                    (None, Some(_)) if !person.offices.is_empty() => Vec::new(),
                    (None, _) => actor_names(&[person.actor]),
                };
            }
            MentionKind::Office => {
                let holder = match (&m.title, m.actors.as_slice()) {
                    (Some(title), [actor]) if !m.plural => self.holder(title, *actor, date),
                    _ => None,
                };
                let name_ok = |p: usize| match &m.name {
                    None => true,
                    Some(r) => {
                        let written = toks.key_text(r.clone()).to_string();
                        let real = fold_key(&self.persons[p].name);
                        let (w0, r0) = (written.split(' ').next().unwrap_or(""), real.split(' ').next().unwrap_or(""));
                        strsim::jaro_winkler(w0, r0) >= NAME_SIMILARITY || strsim::jaro_winkler(&written, &real) >= NAME_SIMILARITY
                    }
                };
                s.name = match (holder, &m.name) {
                    (Some(p), _) if name_ok(p) => Some(self.persons[p].name.clone()),
                    (_, Some(r)) => Some(toks.norm_text(r.clone()).to_string()),
                    _ => Some(surface),
                };
            }
            MentionKind::Actor => {
                s.name = Some(match m.body {
                    Some(b) => self.bodies[b].name.clone(),
                    None => m.actors.first().map_or(surface, |&a| self.actors[a].name.clone()),
                });
            }
            MentionKind::Group => {
                let names = actor_names(&m.actors);
                s.name = Some(match names.len() {
                    0 => surface,
                    1 => names[0].clone(),
                    _ => format!("{} and {}", names[..names.len() - 1].join(", "), names[names.len() - 1]),
                });
            }
            MentionKind::Name => {
                s.name = Some(match &m.name {
                    Some(r) => toks.norm_text(r.clone()).to_string(),
                    None => surface,
                });
            }
            MentionKind::Pronoun => {
                s.name = None;
            }
        }
        s
    }
}
