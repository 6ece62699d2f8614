//! Finding every mention of a possible speaker in a document, in phases:
//!
//! 1. atoms: phrases of the actor table (longest first, left to right), and
//!    in transcripts misspelt names of actors the document names elsewhere;
//! 2. heads: people and offices, extended leftwards over titles,
//!    modifiers, an actor word and a possessive ("Iran's new foreign
//!    minister") and rightwards over "of ACTOR", "to X" and a name ("the
//!    president jon smyht");
//! 3. actors and bodies no head took;
//! 4. unknown proper names, titled names and pronouns;
//! 5. coordinated actors ("France, Germany and the UK") become one group;
//! 6. each mention learns whether a possessive follows it and whether it is
//!    the object of a preposition.

use crate::attribute::mention::{Mention, MentionKind};
use crate::attribute::table::{ActorTable, Entry};
use crate::model::{DocKind, Text};
use crate::text::token::{ALLCAPS, CAP, PARA, TokKind, Tokens};
use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;

/// A table phrase found in a document: its tokens, what it stands for, and
/// whether it was matched fuzzily.
pub(crate) type Atom = (Range<usize>, Entry, bool);

/// Longest run of office modifiers before a head ("the former deputy foreign ...").
const MAX_MODIFIERS: usize = 3;
/// Most words in an unknown name.
const MAX_NAME_WORDS: usize = 4;

/// The atoms of a document and what has been taken of them.
struct Scan<'a, 't, 'd> {
    table: &'a ActorTable,
    text: &'t Text<'d>,
    atoms: Vec<Atom>,
    /// Atom index by first token.
    starts: Vec<Option<usize>>,
    /// Atom index by one-past-last token.
    ends: Vec<Option<usize>>,
    /// Tokens inside an atom other than a title.
    in_atoms: Vec<bool>,
    /// Atoms already part of a mention.
    used: Vec<bool>,
}

impl<'a, 't, 'd> Scan<'a, 't, 'd> {
    fn new(table: &'a ActorTable, text: &'t Text<'d>, atoms: Vec<Atom>) -> Self {
        let n = text.toks.len();
        let mut starts: Vec<Option<usize>> = vec![None; n + 1];
        let mut ends: Vec<Option<usize>> = vec![None; n + 1];
        let mut in_atoms = vec![false; n];
        for (k, a) in atoms.iter().enumerate() {
            starts[a.0.start].get_or_insert(k);
            ends[a.0.end] = Some(k);
            if a.1 != Entry::Title {
                for f in in_atoms.iter_mut().take(a.0.end).skip(a.0.start) {
                    *f = true;
                }
            }
        }
        let used = vec![false; atoms.len()];
        Scan { table, text, atoms, starts, ends, in_atoms, used }
    }

    fn toks(&self) -> &'t Tokens {
        &self.text.toks
    }

    fn atom_at_end(&self, end: usize) -> Option<usize> {
        self.ends.get(end).copied().flatten()
    }

    fn atom_at_start(&self, start: usize) -> Option<usize> {
        self.starts.get(start).copied().flatten()
    }

    /// Previous non-filler token.
    fn prev(&self, t: usize) -> Option<usize> {
        (0..t).rev().find(|&p| !self.text.skip[p])
    }

    /// Marks the atoms lying wholly inside `from..to` (after `after`) as used.
    fn use_atoms_between(&mut self, after: usize, from_strict: bool, to: usize) {
        let first = self.atoms.partition_point(|x| if from_strict { x.0.start <= after } else { x.0.start < after });
        for a in first..self.atoms.len() {
            if self.atoms[a].0.start >= to {
                break;
            }
            if self.atoms[a].0.end <= to {
                self.used[a] = true;
            }
        }
    }

    /// Actors of a (coordinated) list starting at token `t`: returns them and the end token.
    fn coordinated_actors(&self, mut t: usize) -> (Vec<usize>, usize) {
        let (text, atoms) = (self.text, &self.atoms);
        let mut actors = Vec::new();
        let mut end = t;
        loop {
            while t < text.toks.len() && (text.skip[t] || matches!(text.toks.key(t), "the" | "," | "and" | "or" | "&")) {
                t += 1;
            }
            let Some(a) = self.atom_at_start(t).map(|k| &atoms[k]) else { break };
            match a.1 {
                Entry::Actor(id) | Entry::Adjective(id) => actors.push(id),
                Entry::Body(b) => actors.push(self.table.bodies[b].actor),
                _ => break,
            }
            end = a.0.end;
            t = a.0.end;
            // An adjective must head a group office ("the Israeli army").
            if let Entry::Adjective(_) = a.1 {
                if let Some(b) = self.atom_at_start(t).map(|k| &atoms[k]).filter(|b| matches!(b.1, Entry::GroupOffice(_) | Entry::PersonOffice(_))) {
                    end = b.0.end;
                    t = end;
                } else {
                    actors.pop();
                    break;
                }
            }
        }
        (actors, end)
    }

    /// Up to three name tokens from `t`: capitalised words, or in transcripts
    /// words that are not ordinary English ("jon smyht").
    fn unknown_name(&self, t: usize) -> Range<usize> {
        let (text, table) = (self.text, self.table);
        let toks = &text.toks;
        let transcript = text.doc.kind == DocKind::Transcript;
        let mut end = t;
        let mut i = t;
        while i < toks.len() && end - t < MAX_NAME_WORDS {
            if text.skip[i] {
                i += 1;
                continue;
            }
            let tok = &toks.toks[i];
            let key = toks.key(i);
            if tok.kind != TokKind::Word || table.vocab.function.contains(key) || self.atom_at_start(i).is_some_and(|a| self.atoms[a].1 != Entry::Title) {
                break;
            }
            let cap = tok.has(CAP) && !(i > 0 && toks.toks[i].has(PARA));
            let odd = transcript && !table.words.contains(key) && key.chars().all(char::is_alphabetic) && key.len() >= 3;
            if !(cap || odd) {
                break;
            }
            i += 1;
            end = i;
        }
        t..end
    }

    /// Phase 2: people and offices; the rightmost head of a phrase takes the whole phrase.
    fn heads(&mut self) -> Vec<Mention> {
        let mut out = Vec::new();
        for k in (0..self.atoms.len()).rev() {
            if self.used[k] {
                continue;
            }
            if let Some(m) = self.head(k) {
                out.push(m);
            }
        }
        out
    }

    /// The mention headed by atom `k`, if it is a person or an office.
    fn head(&mut self, k: usize) -> Option<Mention> {
        let (range, entry, fz) = self.atoms[k].clone();
        let table = self.table;
        let (title, independent, group) = match entry {
            Entry::Person(..) => (None, false, false),
            Entry::PersonOffice(o) => (Some(table.person_offices[o].clone()), false, false),
            Entry::GroupOffice(_) => (None, false, true),
            Entry::Independent(_) => (None, true, false),
            _ => return None,
        };
        let mut m = Mention {
            toks: range.clone(),
            kind: if matches!(entry, Entry::Person(..)) { MentionKind::Person } else { MentionKind::Office },
            actors: Vec::new(),
            person: None,
            body: None,
            title,
            independent,
            name: None,
            possessive: false,
            in_pp: false,
            plural: group && self.toks().key(range.end - 1).ends_with('s'),
            fuzzy: fz,
        };
        if let Entry::Person(p, _) = entry {
            m.person = Some(p);
            m.actors = vec![table.persons[p].actor];
        }
        self.used[k] = true;
        m.toks.start = self.extend_left(&mut m, &range);
        m.toks.end = if m.person.is_none() { self.extend_right(&mut m, &range) } else { m.toks.end };
        Some(m)
    }

    /// Where a head's mention starts: over titles, other offices, at most one
    /// actor word ("Iranian", "Iran's"), modifiers and a determiner.
    fn extend_left(&mut self, m: &mut Mention, range: &Range<usize>) -> usize {
        let table = self.table;
        let vocab = &*table.vocab;
        let mut pos = range.start;
        let mut modifiers = 0;
        let mut took_actor = false;
        while let Some(p) = self.prev(pos) {
            if let Some(a) = self.atom_at_end(p + 1) {
                if self.used[a] {
                    break;
                }
                if let Some(start) = self.take_left_atom(m, a, &mut took_actor) {
                    pos = start;
                    continue;
                }
            }
            let toks = self.toks();
            let key = toks.key(p);
            if key == "'s" {
                match self.possessive_owner(m, p, took_actor) {
                    Some(start) => {
                        pos = start;
                        continue;
                    }
                    None => break,
                }
            }
            if modifiers < MAX_MODIFIERS && vocab.names.office_modifiers.contains(key) && toks.toks[p].is_word() {
                modifiers += 1;
                pos = p;
                continue;
            }
            // A capitalised office is a name: "the Congressional Budget Office".
            let head_cap = toks.toks[range.start].has(CAP) && !toks.toks[range.start].has(PARA);
            if head_cap
                && modifiers < MAX_MODIFIERS
                && toks.toks[p].is_word()
                && toks.toks[p].has(CAP)
                && !vocab.function.contains(key)
                && !toks.toks[pos].has(PARA)
            {
                modifiers += 1;
                pos = p;
                continue;
            }
            if vocab.grammar.determiners.contains(key) {
                pos = p;
            }
            break;
        }
        pos
    }

    /// Takes atom `a` (ending right before the mention) into a head's
    /// mention when it may stand there; returns its start.
    fn take_left_atom(&mut self, m: &mut Mention, a: usize, took_actor: &mut bool) -> Option<usize> {
        let table = self.table;
        let (start, entry) = (self.atoms[a].0.start, self.atoms[a].1);
        match entry {
            Entry::Adjective(id) | Entry::Actor(id) if !*took_actor && (m.actors.is_empty() || m.actors == [id]) => {
                m.actors = vec![id];
                *took_actor = true;
            }
            Entry::Body(b) if !*took_actor && (m.actors.is_empty() || m.actors == [table.bodies[b].actor]) => {
                m.actors = vec![table.bodies[b].actor];
                *took_actor = true;
            }
            Entry::Title | Entry::PersonOffice(_) if m.person.is_some() || m.kind == MentionKind::Office => {
                if m.title.is_none()
                    && let Entry::PersonOffice(o) = entry
                {
                    m.title = Some(table.person_offices[o].clone());
                }
            }
            Entry::Independent(_) => m.independent = true,
            Entry::GroupOffice(_) if m.kind == MentionKind::Office && m.title.is_some() => {}
            _ => return None,
        }
        self.used[a] = true;
        Some(start)
    }

    /// "X's OFFICE": the owner before the possessive at `p` gives the
    /// mention its actor; returns where the mention then starts.
    fn possessive_owner(&mut self, m: &mut Mention, p: usize, took_actor: bool) -> Option<usize> {
        let table = self.table;
        let pp = self.prev(p)?;
        let a = self.atom_at_end(pp + 1)?;
        let owner = match self.atoms[a].1 {
            Entry::Actor(id) | Entry::Adjective(id) => Some(id),
            Entry::Body(b) => Some(table.bodies[b].actor),
            Entry::Person(pid, _) => Some(table.persons[pid].actor),
            _ => None,
        };
        // "Cambodia's UN envoy": a state's envoy to an organisation speaks
        // for the state, not for the organisation that names the post.
        let posted = m.title.as_deref().is_some_and(|t| self.table.vocab.names.posted_offices.contains(t));
        let envoy_of_state = posted && owner.is_some_and(|o| !table.is_organisation(o)) && m.actors.len() == 1 && table.is_organisation(m.actors[0]);
        let owner = owner.filter(|_| !took_actor || envoy_of_state)?;
        if !(m.actors.is_empty() || m.actors == [owner] || envoy_of_state) {
            return None;
        }
        m.actors = vec![owner];
        self.used[a] = true;
        Some(self.atoms[a].0.start)
    }

    /// Where an office's mention ends: over "of/for ACTOR(S)", "to X" for
    /// posted offices, a known person's name, or an unknown name.
    fn extend_right(&mut self, m: &mut Mention, range: &Range<usize>) -> usize {
        let mut end = m.toks.end;
        if let Some(next) = self.table.next_word(self.text, end) {
            end = self.of_actors(m, range, next).unwrap_or(end);
        }
        // A name after an office ("Emir Sheikh Tamim", "the president jon smyht").
        let mut q = self.table.next_word(self.text, end);
        while let Some(a) = q.and_then(|t| self.atom_at_start(t)).filter(|&a| matches!(self.atoms[a].1, Entry::Title | Entry::PersonOffice(_))) {
            q = self.table.next_word(self.text, self.atoms[a].0.end);
        }
        if let Some(a) = q.and_then(|t| self.atom_at_start(t))
            && let Entry::Person(p, _) = self.atoms[a].1
            && m.title.is_some()
        {
            let (from, to) = (m.toks.end, self.atoms[a].0.start);
            self.use_atoms_between(from, false, to);
            self.name_person(m, p);
            end = self.atoms[a].0.end;
            self.used[a] = true;
        }
        if m.person.is_none() && m.title.is_some() {
            let name = self.unknown_name(end);
            if !name.is_empty() {
                end = name.end;
                m.name = Some(name);
            }
            // "prime minister najib mikaty": a first name, then a known surname.
            if let Some(a) = self.table.next_word(self.text, end).and_then(|t| self.atom_at_start(t))
                && let Entry::Person(p, _) = self.atoms[a].1
            {
                self.name_person(m, p);
                end = self.atoms[a].0.end;
                self.used[a] = true;
            }
        }
        end
    }

    /// "of/for ACTOR(S)" or "to X" after an office at `next`; returns the new end.
    fn of_actors(&mut self, m: &mut Mention, range: &Range<usize>, next: usize) -> Option<usize> {
        let vocab = &*self.table.vocab;
        let toks = self.toks();
        let key = toks.key(next);
        let posted =
            m.title.as_deref().is_some_and(|t| vocab.names.posted_offices.contains(t)) || vocab.names.posted_offices.contains(toks.key_text(range.clone()));
        if !(key == "of" || key == "for" || (key == "to" && posted)) {
            return None;
        }
        let (actors, stop) = self.coordinated_actors(next + 1);
        if actors.is_empty() {
            return None;
        }
        if key != "to" && m.actors.is_empty() {
            m.actors = actors;
        }
        self.use_atoms_between(next, true, stop);
        Some(stop)
    }

    /// The mention names a known person.
    fn name_person(&self, m: &mut Mention, p: usize) {
        m.person = Some(p);
        m.kind = MentionKind::Person;
        if m.actors.is_empty() {
            m.actors = vec![self.table.persons[p].actor];
        }
    }

    /// Phase 3: actors and bodies no head took.
    fn actor_mentions(&self) -> Vec<Mention> {
        let table = self.table;
        let mut out = Vec::new();
        for (k, (range, entry, fz)) in self.atoms.iter().enumerate() {
            if self.used[k] {
                continue;
            }
            let (actor, body) = match *entry {
                Entry::Actor(id) => (id, None),
                Entry::Body(b) => (table.bodies[b].actor, Some(b)),
                _ => continue,
            };
            let start = match self.prev(range.start) {
                Some(p) if self.toks().key(p) == "the" => p,
                _ => range.start,
            };
            out.push(Mention { actors: vec![actor], body, fuzzy: *fz, ..Mention::new(start..range.end, MentionKind::Actor) });
        }
        out
    }

    /// Phase 4: unknown proper names, titled names and pronouns, where no
    /// mention is yet.
    fn names_and_pronouns(&self, mentions: &mut Vec<Mention>) {
        let table = self.table;
        let grammar = &table.vocab.grammar;
        let toks = self.toks();
        let n = toks.len();
        let mut covered = vec![false; n];
        for m in mentions.iter() {
            for f in covered.iter_mut().take(m.toks.end.min(n)).skip(m.toks.start) {
                *f = true;
            }
        }
        let mut t = 0;
        while t < n {
            if covered[t] || self.text.skip[t] {
                t += 1;
                continue;
            }
            if toks.is_in(t, &grammar.subject_pronouns) && !toks.is_in(t, &grammar.addressee_pronouns) {
                mentions.push(Mention { plural: toks.is_in(t, &grammar.plural_pronouns), ..Mention::new(t..t + 1, MentionKind::Pronoun) });
                t += 1;
                continue;
            }
            let titled = self.atom_at_start(t).filter(|&a| self.atoms[a].1 == Entry::Title);
            if titled.is_none() && self.in_atoms[t] {
                t += 1;
                continue;
            }
            let name = match titled {
                Some(a) => {
                    let r = self.unknown_name(self.atoms[a].0.end);
                    (!r.is_empty()).then_some(t..r.end)
                }
                None => table.proper_name(self.text, t).filter(|r| !r.is_empty() && !table.non_speaker_names.contains(toks.key(r.start))),
            };
            if let Some(r) = name
                && !covered[r.end - 1]
            {
                for f in covered.iter_mut().take(r.end).skip(r.start) {
                    *f = true;
                }
                let own = titled.map_or(r.start, |a| self.atoms[a].0.end)..r.end;
                mentions.push(Mention { name: Some(own), ..Mention::new(r.clone(), MentionKind::Name) });
                t = r.end;
                continue;
            }
            t += 1;
        }
    }
}

/// How far, in tokens, an apposition's office looks for the state it serves.
const APPOSITION_REACH: usize = 20;

impl ActorTable {
    /// Every mention of a possible speaker in a document, in token order.
    pub fn mentions(&self, text: &Text) -> Vec<Mention> {
        let mut scan = Scan::new(self, text, self.atoms(text));
        let mut mentions = scan.heads();
        mentions.extend(scan.actor_mentions());
        scan.names_and_pronouns(&mut mentions);
        mentions.sort_by_key(|m| (m.toks.start, m.toks.end));
        let mut merged = self.coordinate(text, mentions);
        self.mark_positions(text, &mut merged);
        self.appositions(text, &mut merged);
        merged
    }

    /// Phase 1: table phrases, longest first, left to right; in transcripts
    /// also misspelt names of actors the document names correctly elsewhere.
    fn atoms(&self, text: &Text) -> Vec<Atom> {
        let toks = &text.toks;
        let n = toks.len();
        let mut atoms: Vec<Atom> = Vec::new();
        let mut i = 0;
        while i < n {
            if text.skip[i] {
                i += 1;
                continue;
            }
            if let Some((len, entry)) = self.phrase_at(toks, &text.skip, i)
                && self.surname_ok(toks, i, len, entry)
            {
                atoms.push((i..i + len, entry, false));
                i += len;
                continue;
            }
            i += 1;
        }
        if text.doc.kind == DocKind::Transcript {
            let named: HashSet<usize> = atoms.iter().filter_map(|a| self.entry_actor(a.1)).collect();
            // Tokens that are neither in a phrase found above nor fillers.
            let mut open = text.skip.iter().map(|s| !s).collect::<Vec<bool>>();
            atoms.iter().flat_map(|a| a.0.clone()).for_each(|t| open[t] = false);
            for i in (0..n).filter(|&i| open[i]) {
                if let Some(entry) = self.fuzzy_at(toks, i, &named) {
                    atoms.push((i..i + 1, entry, true));
                }
            }
            atoms.sort_by_key(|a| a.0.start);
        }
        atoms
    }

    /// Phase 5: coordinated actors ("France, Germany and the UK") become one group.
    fn coordinate(&self, text: &Text, mentions: Vec<Mention>) -> Vec<Mention> {
        let toks = &text.toks;
        let mut merged: Vec<Mention> = Vec::with_capacity(mentions.len());
        for m in mentions {
            if let Some(last) = merged.last_mut()
                && matches!(last.kind, MentionKind::Actor | MentionKind::Group)
                && m.kind == MentionKind::Actor
                && self.coordinable(text, last.toks.end, m.toks.start)
            {
                // "A and B", or "A, B ..." / "A B ..." when the list goes on after B.
                let conj = (last.toks.end..m.toks.start).any(|t| matches!(toks.key(t), "and" | "or" | "&"));
                if conj || self.next_is_conjunct(text, &m) {
                    last.toks.end = m.toks.end;
                    last.kind = MentionKind::Group;
                    last.plural = true;
                    last.body = None;
                    for a in m.actors {
                        if !last.actors.contains(&a) {
                            last.actors.push(a);
                        }
                    }
                    continue;
                }
            }
            merged.push(m);
        }
        merged
    }

    /// Phase 6: possessives and prepositional objects.
    fn mark_positions(&self, text: &Text, mentions: &mut [Mention]) {
        let toks = &text.toks;
        let n = toks.len();
        let mut last_in_pp_end: Option<usize> = None;
        for m in mentions.iter_mut() {
            m.possessive = m.toks.end < n && toks.key(m.toks.end) == "'s";
            let before = (0..m.toks.start).rev().find(|&p| !text.skip[p]);
            m.in_pp = match before {
                Some(b) => {
                    let k = toks.key(b);
                    toks.is_in(b, &self.vocab.grammar.prepositions) || (matches!(k, "and" | "or") && last_in_pp_end.is_some_and(|e| b >= e && b - e <= 1))
                }
                None => false,
            };
            if m.in_pp {
                last_in_pp_end = Some(m.toks.end);
            }
        }
    }

    /// A name the table does not know, with an office in apposition
    /// ("Jane Doe, spokeswoman for the Kenyan foreign ministry,"): the
    /// name speaks for the office's actor.
    fn appositions(&self, text: &Text, mentions: &mut [Mention]) {
        for i in 0..mentions.len().saturating_sub(1) {
            if mentions[i].kind != MentionKind::Name || !mentions[i].actors.is_empty() {
                continue;
            }
            let Some(comma) = self.next_word(text, mentions[i].toks.end).filter(|&c| text.toks.key(c) == ",") else { continue };
            let mut from = comma + 1;
            // "Jane Doe, a spokeswoman for ...".
            if let Some(d) = self.next_word(text, from).filter(|&d| self.vocab.det.contains(text.toks.key(d))) {
                from = d + 1;
            }
            let Some(start) = self.next_word(text, from) else { continue };
            let Some(o) = (i + 1..mentions.len()).take_while(|&o| mentions[o].toks.start <= start).find(|&o| {
                (mentions[o].toks.start == start || mentions[o].toks.start + 1 == start) && mentions[o].kind == MentionKind::Office && !mentions[o].plural
            }) else {
                continue;
            };
            let actors = if mentions[o].actors.is_empty() { self.apposition_owner(text, mentions, o) } else { mentions[o].actors.clone() };
            if !actors.is_empty() {
                mentions[i].actors = actors;
                mentions[i].title = mentions[o].title.clone();
            }
        }
    }

    /// The actor an office set in apposition without one works for, named
    /// later in the apposition after "of" or "for": "Jane Doe, spokeswoman
    /// for the defence ministry of Kenya," speaks for Kenya.
    fn apposition_owner(&self, text: &Text, mentions: &[Mention], office: usize) -> Vec<usize> {
        let from = mentions[office].toks.end;
        // The apposition ends at the next comma outside brackets or at the sentence's end.
        let sentence_end = text.seg.sentences.get(text.seg.sentence_of(from)).map_or(text.toks.len(), |s| s.end);
        let end = sentence_end.max(from).min(from + APPOSITION_REACH).min(text.toks.len());
        let mut depth = 0i32;
        let mut close = end;
        for t in from..end {
            match text.toks.key(t) {
                "(" | "[" => depth += 1,
                ")" | "]" => depth -= 1,
                "," | ";" | "said" | "says" if depth <= 0 => {
                    close = t;
                    break;
                }
                _ => {}
            }
        }
        let word_before = |t: usize| (from..t).rev().find(|&p| !text.skip[p] && text.toks.key(p) != "the");
        // Ends of the offices and bodies in the apposition, and of their bracketed short forms.
        let mut ends: Vec<usize> = vec![from];
        for m in mentions[office + 1..].iter().take_while(|m| m.toks.end <= close) {
            // A state body ("the Ministry of Defence"), not any organisation.
            if m.kind == MentionKind::Office && m.actors.is_empty() && self.names_a_body(text, m) {
                ends.push(m.toks.end);
            }
            let of = word_before(m.toks.start).filter(|&b| matches!(text.toks.key(b), "of" | "for"));
            // "of the Republic of Kenya" after an office or body, not "Parents for Peace of Norway".
            let owner = of.and_then(word_before).is_some_and(|b| ends.contains(&(b + 1)) || (text.toks.key(b) == ")" && ends.iter().any(|&e| e + 3 >= b)));
            // "spokesman for the Defence Ministry of Kenya": a body the table places.
            let body = m.kind == MentionKind::Office && of.is_some_and(|o| o == from) && self.names_a_body(text, m);
            if (m.kind == MentionKind::Actor || body) && m.actors.len() == 1 && (of.is_some_and(|o| ends.contains(&o)) || owner) {
                return m.actors.clone();
            }
        }
        Vec::new()
    }

    /// Whether a mention holds the name of a body that speaks for a state
    /// ("ministry", "armed forces"), not any organisation's.
    fn names_a_body(&self, text: &Text, m: &Mention) -> bool {
        // "the group", "the organization" refer back; they name no body.
        m.toks
            .clone()
            .any(|t| matches!(self.phrase_at(&text.toks, &text.skip, t), Some((_, Entry::GroupOffice(_)))) && !self.anaphors.contains_key(text.toks.key(t)))
    }

    /// The longest table phrase starting at token `i`. (Inlined: most
    /// tokens are let go on their hash, without a call.)
    #[inline(always)]
    fn phrase_at(&self, toks: &Tokens, skip: &[bool], i: usize) -> Option<(usize, Entry)> {
        if !self.phrase_heads.has(toks.toks[i].hash as usize) {
            return None;
        }
        self.phrase_from(toks, skip, i)
    }

    /// [`ActorTable::phrase_at`] past its hash filter.
    fn phrase_from(&self, toks: &Tokens, skip: &[bool], i: usize) -> Option<(usize, Entry)> {
        let cands = self.phrases.get(toks.key(i))?;
        let mut best: Option<(usize, Entry)> = None;
        for p in cands {
            let mut t = i;
            let mut ok = true;
            for (n, k) in p.keys.iter().enumerate() {
                while n > 0 && t < toks.len() && skip[t] {
                    t += 1;
                }
                if t >= toks.len() || toks.key(t) != k || !p.case.accepts(toks, t) {
                    ok = false;
                    break;
                }
                t += 1;
            }
            if ok && best.is_none_or(|(len, e)| t - i > len || (t - i == len && p.entry.rank() < e.rank())) {
                best = Some((t - i, p.entry));
            }
        }
        best
    }

    /// The canonical name of the actor a name stands for, written as a whole
    /// ("Iran", "Tehran", "the United States", "the IDF" -> its state).
    pub fn canonical(&self, name: &str) -> Option<String> {
        let key = crate::text::normalize::fold_key(name.trim());
        if let Some(a) = self.actors.iter().find(|a| crate::text::normalize::fold_key(&a.name) == key) {
            return Some(a.name.clone());
        }
        let trimmed = name.trim();
        let trimmed = trimmed.strip_prefix("the ").or_else(|| trimmed.strip_prefix("The ")).unwrap_or(trimmed);
        let toks = Tokens::phrase(trimmed, &self.vocab);
        if toks.is_empty() {
            return None;
        }
        let skip = vec![false; toks.len()];
        match self.phrase_at(&toks, &skip, 0) {
            Some((len, entry)) if len == toks.len() => match entry {
                Entry::Actor(_) | Entry::Adjective(_) | Entry::Body(_) => self.entry_actor(entry).map(|a| self.actors[a].name.clone()),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether only list glue stands between two mentions.
    fn coordinable(&self, text: &Text, from: usize, to: usize) -> bool {
        if to < from || to - from > 4 {
            return false;
        }
        (from..to).all(|t| text.skip[t] || matches!(text.toks.key(t), "and" | "or" | "&" | "," | "the" | "as" | "well"))
    }

    /// Whether the first word after a mention continues a coordination (ASR
    /// lists without commas: "France Germany and the UK").
    fn next_is_conjunct(&self, text: &Text, m: &Mention) -> bool {
        self.next_word(text, m.toks.end).is_some_and(|t| matches!(text.toks.key(t), "and" | "or" | ","))
    }

    /// First non-filler token at or after `t`.
    pub(crate) fn next_word(&self, text: &Text, t: usize) -> Option<usize> {
        (t..text.toks.len()).find(|&t| !text.skip[t])
    }

    /// A proper name starting at `t` that the table does not know: two or
    /// more capitalised words ("Jane Doe-Smith"), or one capitalised
    /// word that is not an English word and does not start a sentence.
    fn proper_name(&self, text: &Text, t: usize) -> Option<Range<usize>> {
        let toks = &text.toks;
        let first = &toks.toks[t];
        if first.kind != TokKind::Word || !first.has(CAP) || first.has(ALLCAPS) || self.vocab.function.contains(toks.key(t)) {
            return None;
        }
        let mut end = t + 1;
        while end < toks.len() && end - t < MAX_NAME_WORDS {
            let tok = &toks.toks[end];
            let key = toks.key(end);
            let capitalised = tok.kind == TokKind::Word && tok.has(CAP) && !tok.has(PARA) && !self.vocab.function.contains(key);
            let particle = self.vocab.names.name_particles.contains(key) && end + 1 < toks.len() && toks.toks[end + 1].has(CAP);
            if capitalised || particle {
                end += 1;
            } else {
                break;
            }
        }
        let sentence_start = t == 0 || first.has(PARA) || matches!(toks.key(t - 1), "." | "!" | "?" | ":" | "\"");
        if end - t >= 2 {
            return Some(t..end);
        }
        let key = toks.key(t);
        // At a sentence start capitals prove nothing: one word there is a
        // name only when it is no English word and a verb or a comma
        // follows ("Bolton said", "Bolton, a lawyer,").
        let unknown = !self.words.contains(key) && !self.words.contains(&key.to_lowercase());
        let verb_follows = end < toks.len()
            && (toks.key(end) == "," || (toks.toks[end].is_word() && !toks.toks[end].has(CAP) && !self.vocab.function.contains(toks.key(end))));
        (unknown && (!sentence_start || verb_follows)).then_some(t..end)
    }

    /// Whether a single-word surname match stands alone (not part of another
    /// person's name, as "Cameron" in "Cameron Hughes").
    fn surname_ok(&self, toks: &Tokens, i: usize, len: usize, entry: Entry) -> bool {
        if let Entry::Actor(_) = entry
            && len == 1
        {
            return !self.inside_unknown_name(toks, i);
        }
        let Entry::Person(_, true) = entry else { return true };
        let next_cap = i + len < toks.len() && toks.toks[i + len].is_word() && toks.toks[i + len].has(CAP) && !self.phrases.contains_key(toks.key(i + len));
        let prev_cap = i > 0
            && toks.toks[i - 1].is_word()
            && toks.toks[i - 1].has(CAP)
            && !toks.toks[i].has(PARA)
            && !self.phrases.contains_key(toks.key(i - 1))
            && !self.vocab.function.contains(toks.key(i - 1));
        !next_cap && !prev_cap
    }

    /// Whether the one-word name at `i` is part of a person's name the
    /// table does not know: an unknown capitalised word, not an English
    /// word, stands right before or after it ("Michael Jordan", "Jordan
    /// Whitfield").
    fn inside_unknown_name(&self, toks: &Tokens, i: usize) -> bool {
        let unknown = |j: usize| {
            let t = &toks.toks[j];
            let k = toks.key(j);
            t.is_word()
                && t.has(CAP)
                && !t.has(ALLCAPS)
                && !self.phrases.contains_key(k)
                && !self.vocab.function.contains(k)
                && !self.words.contains(k)
                && !self.vocab.names.honorifics.contains(k)
        };
        let before = i > 0 && !toks.toks[i].has(PARA) && unknown(i - 1);
        // "of Azerbaijan Ilham Aliyev": a country after a preposition is the country.
        let after_preposition = i > 0 && toks.is_in(i - 1, &self.vocab.grammar.prepositions);
        let after = i + 1 < toks.len() && !toks.toks[i + 1].has(PARA) && unknown(i + 1) && !after_preposition;
        before || after
    }
}
