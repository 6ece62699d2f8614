//! The engine: the only module that knows every stage.
//!
//! [`Engine::load`] reads the data files once (defaults plus `--rules DIR`),
//! compiles each stage's part of them, and collects every diagnostic of
//! every file so one run reports them all. Per document it runs the
//! pipeline in order:
//!
//! ingest -> prepare -> attribute (mentions) -> extract (statements and
//! turns) -> classify -> [`Analysis`]
//!
//! Each stage gets the compiled data it needs, never the engine. Nothing
//! here is per rule or per pattern at document time, and each document is
//! prepared and its mentions found once per run, whatever the command.

use crate::attribute::{ActorTable, Mention, MentionKind};
use crate::check::claim::Claim;
use crate::classify::Classifier;
use crate::classify::rules::RuleSet;
use crate::classify::ruletest::{self, RuleTestFailure};
use crate::config::{DataFile, DataFiles};
use crate::error::{Diagnostic, InputError};
use crate::extract::Extractor;
use crate::extract::cues::Lexicon;
use crate::extract::turns::Turns;
use crate::ingest::furniture::Furniture;
use crate::ingest::{self, Inputs, Limits, Loaded};
use crate::model::{Analysis, Classified, Document, Kind, Speaker, Statement, Text};
use crate::prepare::Preparer;
use crate::text::vocab::Vocabulary;
use std::ops::{ControlFlow, Range};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Everything compiled from the data files.
#[derive(Debug, Clone)]
pub struct Engine {
    /// Word classes.
    pub(crate) vocab: Arc<Vocabulary>,
    /// Site furniture detector.
    pub(crate) furniture: Furniture,
    /// Fillers, clause windows and segmentation.
    pub(crate) preparer: Preparer,
    /// Speech cues.
    pub(crate) lexicon: Lexicon,
    /// Actors, bodies, people, offices.
    pub(crate) actors: ActorTable,
    /// Transcript turn cues.
    pub(crate) turns: Turns,
    /// Stance labels and rules.
    pub(crate) rules: RuleSet,
    /// Input limits.
    pub(crate) limits: Limits,
}

/// What [`Engine::run`] gives for each input, in input order.
pub enum Item<'a, 'd, T> {
    /// An input that could not be read or analysed.
    Problem(InputError),
    /// A document's analysis, and what the caller computed on it: once, or
    /// once per window of a very long document.
    Analysed(&'a Analysis<'d>, Vec<T>),
}

/// A document's statements and what the caller computed on each window.
/// A document analysed window by window.
struct Windows<T> {
    statements: Vec<Classified>,
    /// Canonical names of the actors named, sorted.
    actors: Vec<String>,
    /// What the visitor computed on each window.
    extra: Vec<T>,
}

/// Bodies longer than this are analysed in windows, one at a time per
/// thread: what a sentence needs to be attributed (its paragraph, the
/// speakers named before it) lies well within a window.
const WINDOW_BYTES: usize = 1 << 20;

/// The regions a document is analysed in: its body, or windows of about
/// [`WINDOW_BYTES`] cut at a paragraph break (else a line end, a sentence
/// end, a space) after the window's size.
fn windows(doc: &Document) -> Vec<Range<usize>> {
    let body = doc.body.clone();
    if body.len() <= WINDOW_BYTES {
        return vec![body];
    }
    let text = doc.text.as_str();
    let boundary = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i += 1;
        }
        i
    };
    let mut out = Vec::new();
    let mut start = body.start;
    while body.end - start > WINDOW_BYTES {
        let from = boundary(start + WINDOW_BYTES);
        let reach = boundary((from + WINDOW_BYTES / 4).min(body.end));
        let area = &text[from..reach];
        let cut = ["\n\n", "\r\n\r\n", "\n", ". ", " "].iter().find_map(|sep| area.find(sep).map(|i| from + i + sep.len())).unwrap_or(reach);
        out.push(start..cut);
        start = cut;
    }
    out.push(start..body.end);
    out
}

/// How close (Jaro-Winkler) a misspelt name must be to suggest a known one.
const CLOSE_NAME: f64 = 0.8;

/// Documents analysed together: enough to keep every core busy...
const BATCH_DOCS: usize = 256;
/// ...and few enough bytes that memory stays small whatever the corpus size
/// (three batches are in flight: read, analysed, written).
const BATCH_BYTES: usize = 8 << 20;

/// Hands a batch's documents, in order, to `emit`; stops when it says so.
fn emit_batch<T>(
    batch: &[Result<Document, InputError>],
    results: Vec<Option<Result<Windows<T>, String>>>,
    emit: &mut impl FnMut(Item<'_, '_, T>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    for (item, result) in batch.iter().zip(results) {
        match (item, result) {
            (Err(e), _) => emit(Item::Problem(e.clone()))?,
            (Ok(doc), Some(Ok(Windows { statements, actors, extra }))) => emit(Item::Analysed(&Analysis { doc, statements, actors }, extra))?,
            (Ok(doc), Some(Err(panic))) => emit(Item::Problem(InputError {
                path: doc.origin.clone(),
                message: format!("internal error while analysing this document ({panic}); it was skipped, the others were analysed: please report it"),
            }))?,
            (Ok(_), None) => {}
        }
    }
    ControlFlow::Continue(())
}

thread_local! {
    /// Whether a panic on this thread is being contained (and so not printed).
    static CONTAINED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Makes panics that [`Engine::run`] contains silent (it reports them as a
/// problem with the document); every other panic is printed as usual. The
/// binary calls this once at start.
pub fn contain_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !CONTAINED.with(std::cell::Cell::get) {
            default(info);
        }
    }));
}

/// Runs `f`, turning a panic into its message.
fn contained<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    CONTAINED.with(|c| c.set(true));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    CONTAINED.with(|c| c.set(false));
    r.map_err(|p| p.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| p.downcast_ref::<String>().cloned()).unwrap_or_else(|| "a panic".to_string()))
}

/// A data file every run needs; its absence is a diagnostic.
fn need<'a>(files: &'a DataFiles, name: &str, diags: &mut Vec<Diagnostic>) -> Option<&'a DataFile> {
    let f = files.get(name);
    if f.is_none() {
        diags.push(Diagnostic::file(name, "missing data file"));
    }
    f
}

/// The value of a compile step, its diagnostics moved to `diags`.
fn keep<T>(r: Result<T, Vec<Diagnostic>>, diags: &mut Vec<Diagnostic>) -> Option<T> {
    r.map_err(|d| diags.extend(d)).ok()
}

impl Engine {
    /// Loads and compiles the data files (defaults overlaid with `dir`).
    pub fn load(dir: Option<&Path>, limits: Limits) -> Result<Engine, Vec<Diagnostic>> {
        let files = DataFiles::load(dir)?;
        Engine::from_files(&files, limits)
    }

    /// Compiles a set of data files, reporting every problem found.
    pub fn from_files(files: &DataFiles, limits: Limits) -> Result<Engine, Vec<Diagnostic>> {
        let mut diags = Vec::new();
        // The word classes come first: every pattern and name is read with them.
        let vocab = match Vocabulary::compile(files) {
            Ok(v) => Arc::new(v),
            Err(d) => {
                diags.extend(d);
                Arc::new(Vocabulary::default())
            }
        };
        let furniture = need(files, "boilerplate.toml", &mut diags).and_then(|f| keep(Furniture::compile(f), &mut diags));
        let transcript = need(files, "transcript.toml", &mut diags);
        let preparer = transcript.and_then(|f| keep(Preparer::compile(f, vocab.clone()), &mut diags));
        let turns = transcript.and_then(|f| keep(Turns::compile(f, &vocab), &mut diags));
        let lexicon = need(files, "speech.toml", &mut diags).and_then(|f| keep(Lexicon::compile(f, &vocab), &mut diags));
        let actors = match (need(files, "actors.toml", &mut diags), need(files, "words.txt", &mut diags)) {
            (Some(_), Some(w)) => keep(ActorTable::compile(&files.actor_files(), w, vocab.clone()), &mut diags),
            _ => None,
        };
        let rules = keep(RuleSet::compile(files, &vocab), &mut diags);
        match (furniture, preparer, turns, lexicon, actors, rules) {
            (Some(furniture), Some(preparer), Some(turns), Some(lexicon), Some(actors), Some(rules)) if diags.is_empty() => {
                Ok(Engine { vocab, furniture, preparer, lexicon, actors, turns, rules, limits })
            }
            _ => {
                diags.sort();
                diags.dedup();
                Err(diags)
            }
        }
    }

    /// The built-in data files, compiled (they are tested to compile).
    pub fn builtin() -> Engine {
        Engine::from_files(&DataFiles::builtin(), Limits::default()).expect("built-in data files compile")
    }

    /// The input limits in effect.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// The stance labels and rules in effect.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// Reads documents from paths.
    pub fn ingest(&self, paths: &[String]) -> Loaded {
        ingest::load(paths, self.limits, &self.furniture)
    }

    /// A document read from text, as if from a file called `name`.
    pub fn document(&self, name: &str, text: String) -> Document {
        Document::from_text(name, text, &self.furniture)
    }

    /// The documents of a JSON Lines text (one record per line).
    pub fn records_of(&self, bytes: &[u8]) -> Vec<Document> {
        let reader = Box::new(std::io::Cursor::new(bytes.to_vec()));
        let mut records = crate::ingest::jsonl::Records::new(reader, "records.jsonl", "records.jsonl", self.limits);
        std::iter::from_fn(|| records.next_item(&self.furniture, false)).filter_map(Result::ok).collect()
    }

    /// Tokenizes and segments a document's body.
    pub fn prepare<'d>(&self, doc: &'d Document) -> Text<'d> {
        self.preparer.prepare(doc)
    }

    /// The statements of a prepared document (turns excluded).
    pub fn statements(&self, text: &Text) -> Vec<Statement> {
        self.extractor().extract(text, self.actors.mentions(text), self.issuer(text.doc))
    }

    /// The speaker of a document in its issuer's own voice: the words
    /// ingestion found naming the issuer, resolved like a mention (a
    /// person before a list of states, before anything else).
    fn issuer(&self, doc: &Document) -> Option<Speaker> {
        let name = doc.issuer.as_ref()?;
        let snippet = Document::snippet("issuer", name.clone(), doc.date);
        let text = self.prepare(&snippet);
        let mentions = self.actors.mentions(&text);
        let best = mentions
            .iter()
            .filter(|m| m.kind != MentionKind::Pronoun)
            .max_by_key(|m| (m.kind == MentionKind::Person, m.kind == MentionKind::Group, !m.actors.is_empty(), m.toks.len()));
        Some(match best {
            Some(m) => Speaker { mention: Some(name.clone()), span: None, ..self.actors.speaker(m, &text, doc.date) },
            None => Speaker { name: Some(name.clone()), mention: Some(name.clone()), ..Speaker::default() },
        })
    }

    /// The turns of a transcript (empty for articles).
    pub fn turns(&self, text: &Text) -> Vec<Statement> {
        self.turns.turns(text, &self.actors, &self.actors.mentions(text))
    }

    fn extractor(&self) -> Extractor<'_> {
        Extractor { lexicon: &self.lexicon, actors: &self.actors, vocab: &self.vocab }
    }

    /// Every statement of a prepared document, turns included, with stance
    /// labels, in document order.
    pub fn analyze(&self, text: &Text) -> Vec<Classified> {
        self.analyze_with_mentions(text, &self.actors.mentions(text))
    }

    fn analyze_with_mentions(&self, text: &Text, mentions: &[Mention]) -> Vec<Classified> {
        let turns = self.turns.turns(text, &self.actors, mentions);
        let found = self.extractor().extract(text, mentions.to_vec(), self.issuer(text.doc));
        let mut statements = self.turns.turn_statements(text, &turns, &found);
        statements.extend(turns);
        statements.extend(found);
        statements.sort_by_key(|a| (a.span.start, a.kind == Kind::Turn, a.span.end));
        self.classify(text, statements)
    }

    /// Analyses documents in parallel; the result is in input order whatever
    /// the number of threads.
    pub fn analyze_all<'d>(&self, docs: &'d [Document]) -> Vec<Analysis<'d>> {
        self.analyze_each(docs, |_, _, _| ()).into_iter().map(|(a, ())| a).collect()
    }

    /// Analyses documents in parallel and gives each one's analysis, prepared
    /// text and mentions to `visit` while they are at hand (so that a
    /// command needing more than the statements does not prepare a document
    /// twice). Results are in input order whatever the number of threads.
    pub fn analyze_each<'d, T: Send>(&self, docs: &'d [Document], visit: impl Fn(&Analysis<'d>, &Text<'d>, &[Mention]) -> T + Sync) -> Vec<(Analysis<'d>, T)> {
        use rayon::prelude::*;
        docs.par_iter()
            .map(|doc| {
                let text = self.prepare(doc);
                let mentions = self.actors.mentions(&text);
                let actors = self.actor_names(&[self.named_actors(&mentions)]);
                let analysis = Analysis { doc, statements: self.analyze_with_mentions(&text, &mentions), actors };
                let extra = visit(&analysis, &text, &mentions);
                (analysis, extra)
            })
            .collect()
    }

    /// The documents of `paths`, read lazily (`-` is standard input); the
    /// files in `skip` (a report this run writes) are never read.
    pub fn inputs<'a>(&'a self, paths: &[String], skip: &[PathBuf]) -> Inputs<'a> {
        Inputs::new(paths, self.limits, &self.furniture, skip)
    }

    /// Analyses a stream of documents in parallel batches and hands each
    /// result to `emit` in input order: a problem with an input, or a
    /// document's analysis with what `visit` computed while its text and
    /// mentions were at hand. At most three batches are in memory at a time
    /// (one read, one analysed, one written), and the output is the same
    /// whatever the number of threads. A panic while
    /// analysing a document becomes a problem for that document; the run
    /// goes on. `emit` may stop the run early.
    pub fn run<T: Send>(
        &self,
        mut inputs: impl Iterator<Item = Result<Document, InputError>>,
        visit: impl Fn(&Analysis, &Text, &[Mention]) -> T + Sync,
        mut emit: impl FnMut(Item<'_, '_, T>) -> ControlFlow<()>,
    ) {
        use rayon::prelude::*;
        type Batch = Vec<Result<Document, InputError>>;
        type Outcomes<T> = Vec<Option<Result<Windows<T>, String>>>;
        let mut read = || {
            let mut batch: Batch = Vec::new();
            let mut bytes = 0;
            while bytes < BATCH_BYTES && batch.len() < BATCH_DOCS {
                let Some(item) = inputs.next() else { break };
                bytes += item.as_ref().map_or(0, |d| d.text.len());
                batch.push(item);
            }
            batch
        };
        // Three batches in flight: while the pool analyses one, this thread
        // writes out the one before and reads the one after (then joins the
        // pool), so reading and writing do not hold the cores up.
        let mut next = read();
        let mut done: Option<(Batch, Outcomes<T>)> = None;
        loop {
            let mut batch = std::mem::take(&mut next);
            if batch.is_empty() && done.is_none() {
                return;
            }
            let mut results = Vec::new();
            let mut stop = false;
            rayon::in_place_scope(|s| {
                let (batch, results, visit) = (&mut batch, &mut results, &visit);
                // Layout (when the inputs left it) and analysis, in parallel.
                s.spawn(move |_| {
                    *results = batch
                        .par_iter_mut()
                        .map(|item| {
                            item.as_mut().ok().map(|doc| {
                                contained(|| {
                                    crate::ingest::ready(doc, &self.furniture);
                                    self.analyze_windows(doc, visit)
                                })
                            })
                        })
                        .collect();
                });
                if let Some((batch, results)) = done.take() {
                    stop = emit_batch(&batch, results, &mut emit).is_break();
                }
                if !stop {
                    next = read();
                }
            });
            if stop {
                return;
            }
            done = (!batch.is_empty()).then_some((batch, results));
        }
    }

    /// A document's statements, analysed window by window when it is very
    /// long (so memory stays bounded), with `visit`'s result for each window.
    fn analyze_windows<T: Send>(&self, doc: &Document, visit: &(impl Fn(&Analysis, &Text, &[Mention]) -> T + Sync)) -> Windows<T> {
        use rayon::prelude::*;
        let one = |region: Range<usize>| {
            let text = self.preparer.prepare_region(doc, region);
            let mentions = self.actors.mentions(&text);
            let named = self.named_actors(&mentions);
            let analysis = Analysis { doc, statements: self.analyze_with_mentions(&text, &mentions), actors: Vec::new() };
            let extra = visit(&analysis, &text, &mentions);
            (analysis.statements, named, extra)
        };
        let regions = windows(doc);
        if regions.len() == 1 {
            let (statements, named, extra) = one(doc.body.clone());
            return Windows { statements, actors: self.actor_names(&[named]), extra: vec![extra] };
        }
        let parts: Vec<(Vec<Classified>, Vec<usize>, T)> = regions.into_par_iter().map(one).collect();
        let (mut statements, mut named, mut extra) = (Vec::new(), Vec::new(), Vec::new());
        for (s, n, x) in parts {
            statements.extend(s);
            named.push(n);
            extra.push(x);
        }
        Windows { statements, actors: self.actor_names(&named), extra }
    }

    /// The actors mentions name.
    fn named_actors(&self, mentions: &[Mention]) -> Vec<usize> {
        mentions.iter().flat_map(|m| m.actors.iter().copied()).collect()
    }

    /// Canonical names of actor ids, sorted and unique.
    fn actor_names(&self, ids: &[Vec<usize>]) -> Vec<String> {
        let mut names: Vec<String> = ids.iter().flatten().filter_map(|&i| self.actors.actors.get(i)).map(|a| a.name.clone()).collect();
        names.sort();
        names.dedup();
        names
    }

    /// Stance labels for statements of a prepared document.
    pub fn classify(&self, text: &Text, statements: Vec<Statement>) -> Vec<Classified> {
        Classifier { rules: &self.rules, vocab: &self.vocab }.classify(text, statements)
    }

    /// The canonical name of an actor named in a claims file (a name, capital
    /// or by-name), or a message saying it is unknown, with the closest
    /// known name.
    pub fn actor(&self, name: &str) -> Result<String, String> {
        if let Some(c) = self.actors.canonical(name) {
            return Ok(c);
        }
        let closest = crate::text::normalize::closest(name, self.actors.actors.iter().map(|a| a.name.as_str()), CLOSE_NAME);
        Err(match closest {
            Some(n) => format!("unknown actor {name:?}; did you mean {n:?}?"),
            None => format!("unknown actor {name:?}; actors are listed in actors.toml (`stance rules list` shows the rules, `--rules DIR` adds actors)"),
        })
    }

    /// A claim of a claims file, read like a sentence of a document.
    pub fn claim(&self, text: &str) -> Claim {
        let doc = Document::snippet("claim", text.to_string(), None);
        let prepared = self.prepare(&doc);
        Claim::new(&prepared, &self.actors.mentions(&prepared), &self.vocab)
    }

    /// The verdict of a document on a claim, with the sentence behind it.
    pub fn judge(&self, claim: &Claim, analysis: &Analysis, text: &Text, mentions: &[Mention]) -> crate::check::Judgement {
        claim.judge(analysis, text, mentions, &self.actors, &self.vocab)
    }

    /// Runs every rule's examples and counterexamples; returns the number of
    /// cases and the failures.
    pub fn test_rules(&self) -> (usize, Vec<RuleTestFailure>) {
        ruletest::run(&self.rules, &|sentence, kind| self.classify_whole(&Document::snippet("example", sentence.to_string(), None), kind))
    }

    /// A prepared text read as one statement, classified (`explain` of a
    /// sentence with no attribution, so that the rules still show).
    pub fn classify_as_one(&self, text: &Text) -> Vec<Classified> {
        self.classify(text, vec![crate::classify::whole_text_statement(text)])
    }

    /// A text read as one statement of `kind`, classified (rule tests, `explain`).
    pub fn classify_whole(&self, doc: &Document, kind: Kind) -> Classified {
        let text = self.prepare(doc);
        let mut st = crate::classify::whole_text_statement(&text);
        st.kind = kind;
        // The sentence's speech cue, so that rules on a cue's meaning can be tested.
        if let Some(found) = self.statements(&text).into_iter().find(|s| s.cue.is_some()) {
            (st.cue, st.cue_span) = (found.cue, found.cue_span);
        }
        self.classify(&text, vec![st]).pop().expect("one statement in, one out")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_one_document_is_a_problem_for_it_alone() {
        let e = Engine::builtin();
        let docs: Vec<Result<Document, InputError>> =
            ["one", "two", "three"].iter().map(|n| Ok(e.document(&format!("{n}.txt"), format!("{n}\n\nIran said it would respond.\n")))).collect();
        let mut seen = Vec::new();
        e.run(
            docs.into_iter(),
            |a, _, _| assert!(a.doc.name != "two.txt", "boom"),
            |item| {
                seen.push(match item {
                    Item::Problem(p) => format!("problem {}: {}", p.path, p.message.contains("internal error") && p.message.contains("boom")),
                    Item::Analysed(a, _) => format!("analysed {}", a.doc.name),
                });
                ControlFlow::Continue(())
            },
        );
        assert_eq!(seen, ["analysed one.txt", "problem two.txt: true", "analysed three.txt"]);
    }

    #[test]
    fn documents_come_out_in_input_order_across_batches_and_stop_when_asked() {
        let e = Engine::builtin();
        let n = BATCH_DOCS * 2 + 7;
        let docs = || (0..n).map(|i| Ok(e.document(&format!("{i}.txt"), format!("Title {i}\n\nIran said it would respond.\n"))));
        let mut seen = Vec::new();
        e.run(
            docs(),
            |_, _, _| (),
            |item| {
                if let Item::Analysed(a, _) = item {
                    seen.push(a.doc.name.clone());
                }
                ControlFlow::Continue(())
            },
        );
        assert_eq!(seen, (0..n).map(|i| format!("{i}.txt")).collect::<Vec<_>>());
        let stop_at = BATCH_DOCS + 3;
        let mut count = 0;
        e.run(
            docs(),
            |_, _, _| (),
            |_| {
                count += 1;
                if count == stop_at { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
            },
        );
        assert_eq!(count, stop_at);
    }

    #[test]
    fn long_bodies_are_cut_into_windows_at_paragraphs() {
        let e = Engine::builtin();
        let para = "The minister said talks would resume next week and that both sides wanted calm.\n\n";
        let doc = e.document("long.txt", format!("Title\n\n{}", para.repeat(WINDOW_BYTES / para.len() * 3)));
        let w = windows(&doc);
        assert!(w.len() >= 3, "{} windows", w.len());
        assert_eq!(w.first().unwrap().start, doc.body.start);
        assert_eq!(w.last().unwrap().end, doc.body.end);
        for pair in w.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
            assert!(doc.text[..pair[0].end].ends_with("\n\n"), "cut inside a paragraph");
        }
    }

    #[test]
    fn builtin_data_compiles() {
        let e = Engine::builtin();
        assert!(e.vocab.is_filler("uh"));
    }

    #[test]
    fn bad_marker_is_reported_with_position() {
        let mut files = DataFiles::builtin();
        let builtin = DataFiles::builtin().get("transcript.toml").unwrap().text.clone();
        let text = builtin.replacen("\"so\", \"but\"", "\"so\", \"at (the end\"", 1);
        files.insert(DataFile { name: "transcript.toml".into(), path: "t.toml".into(), text: text.clone(), builtin: false });
        let diags = Engine::from_files(&files, Limits::default()).unwrap_err();
        assert_eq!(diags.len(), 1);
        let line = text.lines().position(|l| l.contains("at (the end")).unwrap() + 1;
        assert_eq!(diags[0].line, line);
        assert_eq!(diags[0].col, text.lines().nth(line - 1).unwrap().find("(the").unwrap() + 1);
        assert!(diags[0].message.contains("unclosed"));
    }
}
