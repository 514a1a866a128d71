//! Event trigger patterns (`data/triggers.tsv`): words of the text that code
//! an event, with the PLOVER type, mode, contexts and CAMEO code they give.
//!
//! A pattern is a sequence of space-separated elements:
//! - `word`: the word itself (case-insensitive); `a|b|c`: any of them;
//! - `verb+`: any form of the verb (meet, meets, met, meeting);
//! - `..`: a gap of up to [`MAX_GAP`] words (quotation marks and the hyphen of
//!   a compound are skipped free);
//! - `>`: what comes before it must precede the verb, the pattern's first
//!   element after it (`heavily .. > criticize+`, `recently > allow+`, as
//!   PETRARCH's `HEAVILY *` and `RECENTLY_*`); the match still starts at
//!   the verb, [`TriggerMatch::before`] is where those words start.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Maps looked up for every word of every sentence: a fast hash with a
/// fixed seed (the keys are the lexicon's own words; input only looks up).
type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;
type FastSet<K> = HashSet<K, foldhash::fast::FixedState>;
use std::str::FromStr;

use dyad_model::EventType;

use crate::inflect::{Inflector, VerbForm};
use crate::tsv;
use crate::Error;

/// The most words a `..` gap may skip.
pub const MAX_GAP: usize = 4;

/// How the arguments of a trigger are found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    /// A verb: the source is its subject, the recipient follows it.
    Verb,
    /// A noun with "between A and B": both sides are actors.
    Between,
    /// An event noun ("the blockade", "Palestinian riots", "staged a
    /// hunger strike"): its source is its by-agent, possessor or
    /// nationality adjective, or the subject of the verb that carries it
    /// out. Consulted only where no verb reading applies
    /// ([`Triggers::nominal_all`]).
    Nominal,
    /// A modal in a declared clause ("X said Y *must* …"): the speaker asks
    /// the clause's subject. Found through the parse, never by matching
    /// ([`Triggers::modal`]).
    Modal,
    /// A reporting verb whose clause tells of another side's assault
    /// ("Israel *said* militants fired rockets at it"): the speaker
    /// accuses the attacker (CAMEO 112, as PETRARCH2's `SAY`
    /// transformation codes it). Found through the sentence's
    /// attribution, never by matching ([`Triggers::report`]).
    Report,
}

/// One element of a pattern.
#[derive(Clone, Debug, PartialEq)]
pub enum Element {
    /// Any of these words (lower case, sorted). Shared: thousands of
    /// patterns name the same element (`say+`, `to`), compiled once.
    Words(Arc<[String]>),
    /// Up to [`MAX_GAP`] words.
    Gap,
}

/// A compiled trigger pattern.
#[derive(Clone, Debug, PartialEq)]
pub struct TriggerPattern {
    /// The file and line it comes from, for explanations.
    pub file: &'static str,
    pub line: usize,
    /// The pattern as written.
    pub text: String,
    /// The elements that must precede the verb (before `>`), in text
    /// order; empty for most patterns.
    pub before: Vec<Element>,
    /// The verb, then what follows it.
    pub elements: Vec<Element>,
    pub event: EventType,
    pub mode: Option<String>,
    pub cameo: Option<String>,
    pub contexts: Vec<String>,
    pub frame: Frame,
    /// The roles are reversed: the verb's subject is the recipient and
    /// whom it came from the source (frame `reverse`: PETRARCH's
    /// `[:CODE]`, "received assurances from", "faces pressure from").
    pub reverse: bool,
    /// The event is coded only with a recipient (frame `versus`: a verb
    /// of fighting, "fought Isis", not "fought corruption" or "fought
    /// hard to protect their interests").
    pub needs_recipient: bool,
    /// The phrase codes nothing (frame `block`: PETRARCH's patterns of
    /// public statements, CAMEO 01x, which PLOVER leaves out). It is
    /// matched like any other pattern, so that "expressed appreciation for"
    /// is not read by the less specific `express+ .. assistance`, and when
    /// it is the best match its verb codes nothing; `event` is then a
    /// placeholder, never used.
    pub blocks: bool,
}

impl TriggerPattern {
    /// The number of word elements: more is more specific.
    pub fn specificity(&self) -> usize {
        self.before
            .iter()
            .chain(&self.elements)
            .filter(|e| matches!(e, Element::Words(_)))
            .count()
    }

    /// Whether `word` (lower case) is one of the pattern's words, in any
    /// form the pattern matches (`demand+ .. withdraw` names "withdraw",
    /// "demanded").
    pub fn names(&self, word: &str) -> bool {
        self.before.iter().chain(&self.elements).any(|e| match e {
            Element::Words(ws) => ws.binary_search_by(|w| w.as_str().cmp(word)).is_ok(),
            Element::Gap => false,
        })
    }
}

/// A pattern matched in a token sequence: token indices `[start, end)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TriggerMatch {
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
    /// The first token of the words the pattern wants before the verb
    /// (`>`); `start` when it wants none.
    pub before: usize,
}

/// All trigger patterns, indexed by the words that can start them.
///
/// Matching works on word ids: every word of every pattern has one, a
/// sentence's words are looked up once, and patterns compare integers
/// (the converted PETRARCH2 phrases start 400–800 patterns at a common verb).
#[derive(Debug, Default)]
pub struct Triggers {
    pub patterns: Vec<TriggerPattern>,
    /// What [`Triggers::best_of`] reads of each pattern, in one array (a
    /// [`Candidate`] says where): its needs, then its elements as sorted
    /// word ids, then those before the verb, last first.
    ///
    /// A need is a [`WordSet`] of an element after the first (or before
    /// the verb), as eight words: a sentence can match the pattern only if
    /// it has a word of every one. An element is its number of words and
    /// the words' ids; a gap is [`GAP`].
    code: Vec<u32>,
    /// Id of each pattern word.
    vocab: FastMap<String, u32>,
    /// The patterns whose first element holds a word, by that word's id:
    /// the verb and `between` patterns, and apart the event nouns.
    by_first: Candidates,
    by_first_nominal: Candidates,
    /// The first `modal` pattern of each of its words.
    modals: FastMap<String, usize>,
    /// The `report` patterns by word form.
    reports: FastMap<String, usize>,
    /// (first word, second word) of the verb patterns of two words with
    /// only gaps between them (see [`Triggers::may_pair`]).
    pairs: FastSet<(u32, u32)>,
    forms: FastMap<String, VerbForm>,
}

#[derive(Clone, Debug, PartialEq)]
enum IdElement {
    Words(Vec<u32>),
    Gap,
}

/// A word of a sentence as the matcher sees it.
#[derive(Clone, Copy, Debug)]
struct Tok {
    /// Pattern word id, or [`NO_ID`].
    id: u32,
    /// Tokens the word takes: 3 for a hyphenated pattern word ("sit-in",
    /// "cease-fire"), which the tokeniser splits into word, hyphen, word.
    len: usize,
    /// Punctuation: no gap goes past it.
    barrier: bool,
    /// A word that opens a clause ([`opens_clause`]): no gap after the
    /// verb goes past it.
    opener: bool,
    quote: bool,
    hyphen: bool,
    /// The second part of an adjective made with a hyphen ([`ADJECTIVE_TAILS`]).
    adjective_tail: bool,
    /// A war or battle of another kind than arms ([`FIGURATIVE_WARS`]).
    figurative: bool,
}

/// Whether `w` is a war or battle of trade, money, law or words by the
/// word `before` it ([`FIGURATIVE_WARS`]): "trade war", "legal battle".
pub fn is_figurative_war(before: &str, w: &str) -> bool {
    matches!(w, "war" | "wars" | "battle" | "battles") && FIGURATIVE_WARS.contains(&before)
}

/// Words before "war" or "battle" that make it one of trade, money, law
/// or words: "escalated the *trade* war", "a *price* war", "a *legal*
/// battle" are no fighting.
const FIGURATIVE_WARS: &[&str] = &[
    "trade",
    "tariff",
    "price",
    "currency",
    "bidding",
    "takeover",
    "legal",
    "court",
    "courtroom",
    "culture",
    "turf",
    "word",
    "words",
    "propaganda",
    "media",
    "fare",
    "tax",
    "subsidy",
    "subsidies",
];

const NO_ID: u32 = u32::MAX;

/// Second parts of adjectives made with a hyphen from a noun: the noun
/// before them is no word of a pattern ("leave the *war*-ravaged city",
/// "offered *credit*-worthy clients loans"; not "a *vehicle*-borne bomb",
/// "a *rocket*-propelled grenade", where the noun is the weapon).
const ADJECTIVE_TAILS: &[&str] = &[
    "ravaged", "torn", "battered", "weary", "hit", "stricken", "affected", "scarred", "related",
    "worthy", "losing", "making",
];

/// The `event` of a `block` row (see [`TriggerPattern::blocks`]): never read.
const BLOCK_PLACEHOLDER: EventType = EventType::Mobilize;

/// A gap in [`Triggers::code`].
const GAP: u32 = u32::MAX;

/// A pattern as [`Triggers::best_of`] scans the candidates of a word: what
/// it needs to know before it looks at the pattern itself.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    /// [`WordSet::summary`] of the pattern's most selective need (all ones
    /// when it needs nothing).
    summary: u64,
    pattern: u32,
    /// Where its code starts in [`Triggers::code`].
    code_at: u32,
    /// The lengths of its code's parts: needs (in needs), elements and
    /// elements before the verb (in words).
    needs: u16,
    elements: u32,
    before: u32,
    /// [`TriggerPattern::specificity`].
    specificity: u16,
}

/// Candidate patterns by the id of their first word: those of id `i` are
/// `list[starts[i]..starts[i + 1]]`, most specific first, then in file order.
#[derive(Debug, Default)]
struct Candidates {
    starts: Vec<u32>,
    list: Vec<Candidate>,
}

impl Candidates {
    fn of(&self, id: u32) -> &[Candidate] {
        let i = id as usize;
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.list[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// A set of pattern word ids hashed into 256 bits: a quick test of whether
/// a sentence may hold one of a pattern element's words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct WordSet([u64; 4]);

impl WordSet {
    fn insert(&mut self, id: u32) {
        let h = id.wrapping_mul(0x9e37_79b9) >> 24;
        self.0[(h >> 6) as usize & 3] |= 1 << (h & 63);
    }

    #[cfg(test)]
    fn meets(&self, other: &WordSet) -> bool {
        self.0.iter().zip(&other.0).any(|(a, b)| a & b != 0)
    }

    /// The set as eight 32-bit words, low first.
    fn words(&self) -> [u32; 8] {
        let mut w = [0; 8];
        for (k, &x) in self.0.iter().enumerate() {
            w[2 * k] = x as u32;
            w[2 * k + 1] = (x >> 32) as u32;
        }
        w
    }

    /// Whether a set given by its [`WordSet::words`] meets this one, given
    /// by its own.
    fn words_meet(words: &[u32], own: &[u32; 8]) -> bool {
        words.iter().zip(own).any(|(a, b)| a & b != 0)
    }

    /// The set folded into 64 bits: two sets that meet have summaries
    /// that meet.
    fn summary(&self) -> u64 {
        self.0[0] | self.0[1] | self.0[2] | self.0[3]
    }
}

/// The words of a sentence as the matcher sees them, and the set of their
/// pattern word ids: looked up once ([`Triggers::words`]) for all the
/// matching a sentence needs.
#[derive(Debug)]
pub struct Toks {
    toks: Vec<Tok>,
    /// The pattern word id of each word by itself ([`NO_ID`] if none):
    /// unlike `toks`, never that of a hyphenated word it starts.
    ids: Vec<u32>,
    /// [`WordSet::words`] and [`WordSet::summary`] of the set.
    set_words: [u32; 8],
    summary: u64,
}

impl Triggers {
    #[cfg(test)]
    pub(crate) fn load(text: &str, inflector: &Inflector) -> Result<Triggers, Error> {
        Triggers::load_files(&[("triggers.tsv", text)], inflector)
    }

    /// Loads pattern files in order of precedence: on a tie between equally
    /// specific matches, the earlier file's pattern wins.
    pub(crate) fn load_files(
        files: &[(&'static str, &str)],
        inflector: &Inflector,
    ) -> Result<Triggers, Error> {
        let mut patterns = Vec::new();
        let mut forms = FastMap::default();
        let mut verbs = VerbForms {
            inflector,
            seen: HashMap::new(),
            elements: FastMap::default(),
            firsts: FastSet::default(),
        };
        for &(file, text) in files {
            load_rows(file, text, &mut verbs, &mut patterns, &mut forms)?;
        }
        let mut vocab: FastMap<String, u32> = FastMap::default();
        let mut seen = FastMap::default();
        let compiled: Vec<Vec<IdElement>> = patterns
            .iter()
            .map(|p| intern(&p.elements, &mut vocab, &mut seen))
            .collect();
        let compiled_before: Vec<Vec<IdElement>> = patterns
            .iter()
            .map(|p| intern(&p.before, &mut vocab, &mut seen))
            .collect();
        let mut code = Vec::new();
        let mut verb_cands = Vec::new();
        let mut nominal_cands = Vec::new();
        for (i, (c, b)) in compiled.iter().zip(&compiled_before).enumerate() {
            let cands = match patterns[i].frame {
                Frame::Modal | Frame::Report => continue,
                Frame::Nominal => &mut nominal_cands,
                Frame::Verb | Frame::Between => &mut verb_cands,
            };
            let needs: Vec<WordSet> = c
                .iter()
                .skip(1)
                .chain(b)
                .filter_map(|e| match e {
                    IdElement::Words(ids) => {
                        let mut set = WordSet::default();
                        ids.iter().for_each(|&id| set.insert(id));
                        Some(set)
                    }
                    IdElement::Gap => None,
                })
                .collect();
            // the need that fewest sentences meet: the one of fewest bits
            let summary = needs
                .iter()
                .map(WordSet::summary)
                .min_by_key(|s| s.count_ones())
                .unwrap_or(u64::MAX);
            let code_at = code.len();
            needs.iter().for_each(|n| code.extend(n.words()));
            let elements_at = code.len();
            encode(c.iter(), &mut code);
            let before_at = code.len();
            encode(b.iter().rev(), &mut code);
            cands.push(Candidate {
                summary,
                pattern: i as u32,
                code_at: code_at as u32,
                needs: needs.len() as u16,
                elements: (before_at - elements_at) as u32,
                before: (code.len() - before_at) as u32,
                specificity: patterns[i].specificity() as u16,
            });
        }
        let by_first = candidates(verb_cands, &compiled, vocab.len());
        let by_first_nominal = candidates(nominal_cands, &compiled, vocab.len());
        let mut modals = FastMap::default();
        let mut reports = FastMap::default();
        for (i, p) in patterns.iter().enumerate() {
            let map = match p.frame {
                Frame::Modal => &mut modals,
                Frame::Report => &mut reports,
                _ => continue,
            };
            if let [Element::Words(ws)] = p.elements.as_slice() {
                for w in ws.iter() {
                    map.entry(w.clone()).or_insert(i);
                }
            }
        }
        let mut pairs = FastSet::default();
        for (i, c) in compiled.iter().enumerate() {
            let words: Vec<&Vec<u32>> = c
                .iter()
                .filter_map(|e| match e {
                    IdElement::Words(ids) => Some(ids),
                    IdElement::Gap => None,
                })
                .collect();
            let starts_with_words = matches!(c.first(), Some(IdElement::Words(_)));
            let nothing_before = compiled_before[i]
                .iter()
                .all(|e| matches!(e, IdElement::Gap));
            if let [a, b] = words[..] {
                if starts_with_words
                    && nothing_before
                    && patterns[i].frame == Frame::Verb
                    && !patterns[i].blocks
                {
                    for &x in a {
                        for &y in b {
                            pairs.insert((x, y));
                        }
                    }
                }
            }
        }
        Ok(Triggers {
            patterns,
            code,
            vocab,
            by_first,
            by_first_nominal,
            modals,
            reports,
            pairs,
            forms,
        })
    }
}

/// Appends `elements` to a pattern's code (see [`Triggers::code`]).
fn encode<'e>(elements: impl Iterator<Item = &'e IdElement>, code: &mut Vec<u32>) {
    for e in elements {
        match e {
            IdElement::Words(ids) => {
                code.push(ids.len() as u32);
                code.extend(ids);
            }
            IdElement::Gap => code.push(GAP),
        }
    }
}

/// `cands` (in file order) listed under each word of their pattern's first
/// element, each word's most specific first and, among equals, in file
/// order (the order `best_of` breaks ties by).
fn candidates(mut cands: Vec<Candidate>, compiled: &[Vec<IdElement>], vocab: usize) -> Candidates {
    cands.sort_by_key(|c| std::cmp::Reverse(c.specificity));
    let firsts = |c: &Candidate| match compiled[c.pattern as usize].first() {
        Some(IdElement::Words(ids)) => ids.as_slice(),
        _ => &[],
    };
    // a counting sort by first word
    let mut starts = vec![0u32; vocab + 1];
    for c in &cands {
        for &id in firsts(c) {
            starts[id as usize + 1] += 1;
        }
    }
    for i in 0..vocab {
        starts[i + 1] += starts[i];
    }
    let mut next = starts.clone();
    let mut list = vec![cands.first().copied().unwrap_or(EMPTY); starts[vocab] as usize];
    for c in &cands {
        for &id in firsts(c) {
            list[next[id as usize] as usize] = *c;
            next[id as usize] += 1;
        }
    }
    Candidates { starts, list }
}

const EMPTY: Candidate = Candidate {
    summary: 0,
    pattern: 0,
    code_at: 0,
    needs: 0,
    elements: 0,
    before: 0,
    specificity: 0,
};

/// A pattern's elements as sorted word ids, giving new words the next id.
/// `seen` keeps the ids of each shared word list (by its address) already
/// interned: its words have their ids, so they come out the same.
fn intern(
    elements: &[Element],
    vocab: &mut FastMap<String, u32>,
    seen: &mut FastMap<usize, Vec<u32>>,
) -> Vec<IdElement> {
    elements
        .iter()
        .map(|e| match e {
            Element::Gap => IdElement::Gap,
            Element::Words(ws) => {
                let key = Arc::as_ptr(ws).cast::<String>() as usize;
                if let Some(ids) = seen.get(&key) {
                    return IdElement::Words(ids.clone());
                }
                let mut ids: Vec<u32> = ws
                    .iter()
                    .map(|w| match vocab.get(w) {
                        Some(&id) => id,
                        None => {
                            let id = vocab.len() as u32;
                            vocab.insert(w.clone(), id);
                            id
                        }
                    })
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                seen.insert(key, ids.clone());
                IdElement::Words(ids)
            }
        })
        .collect()
}

/// The inflector, keeping the forms of every verb it was asked for: a
/// dictionary of thousands of patterns names the same verbs again and again
/// (and the same lists of them: it keeps the words each pattern element
/// compiled to, and which first elements gave their verbs' forms).
struct VerbForms<'a> {
    inflector: &'a Inflector,
    seen: HashMap<String, Vec<(String, VerbForm)>>,
    elements: FastMap<String, Arc<[String]>>,
    firsts: FastSet<String>,
}

impl VerbForms<'_> {
    /// [`Inflector::tagged_forms`] of `base`.
    fn of(&mut self, base: &str) -> &[(String, VerbForm)] {
        if !self.seen.contains_key(base) {
            let forms = self.inflector.tagged_forms(base);
            self.seen.insert(base.to_string(), forms);
        }
        self.seen.get(base).map_or(&[], Vec::as_slice)
    }
}

fn load_rows(
    file: &'static str,
    text: &str,
    verbs: &mut VerbForms,
    patterns: &mut Vec<TriggerPattern>,
    forms: &mut FastMap<String, VerbForm>,
) -> Result<(), Error> {
    {
        const COLUMNS: [&str; 6] = ["pattern", "event", "mode", "cameo", "contexts", "frame"];
        let rows = tsv::parse(file, text, &COLUMNS)?;
        for r in &rows {
            let blocks = r.get(5) == "block";
            let event = match r.get(1) {
                "" if blocks => BLOCK_PLACEHOLDER,
                _ if blocks => {
                    return Err(Error::row(
                        file,
                        r.line,
                        "a `block` row names no event type",
                    ))
                }
                name => EventType::from_str(name).map_err(|e| Error::row(file, r.line, e))?,
            };
            let frame = match r.get(5) {
                "" | "verb" | "reverse" | "block" | "versus" => Frame::Verb,
                "noun" | "between" => Frame::Between,
                "nominal" => Frame::Nominal,
                "modal" => Frame::Modal,
                "report" => Frame::Report,
                other => return Err(Error::row(file, r.line, format!("unknown frame {other:?}"))),
            };
            let (before, elements) =
                compile(r.get(0), verbs).map_err(|e| Error::row(file, r.line, e))?;
            // the verb: the first element, or the first after `>`
            let text = r.get(0);
            let verb = text.split_once(" > ").map_or(text, |(_, v)| v);
            let first = verb
                .split_whitespace()
                .next()
                .filter(|f| !verbs.firsts.contains(*f));
            if let Some(first) = first {
                verbs.firsts.insert(first.to_string());
                for alt in first.split('|') {
                    if let Some(base) = alt.strip_suffix('+') {
                        for (f, k) in verbs.of(&base.to_lowercase()) {
                            if !forms.contains_key(f) {
                                forms.insert(f.clone(), *k);
                            }
                        }
                    }
                }
            }
            // A converted dictionary's bare verbs ("fail", "release") code
            // too much on their own; its phrases are specific enough.
            if file != "triggers.tsv" && before.len() + elements.len() < 2 {
                continue;
            }
            patterns.push(TriggerPattern {
                file,
                line: r.line,
                text: r.get(0).to_string(),
                before,
                elements,
                event,
                mode: r.opt(2).map(str::to_string),
                cameo: r.opt(3).map(str::to_string),
                contexts: r.list(4).map(str::to_string).collect(),
                frame,
                reverse: r.opt(5) == Some("reverse"),
                needs_recipient: r.opt(5) == Some("versus"),
                blocks,
            });
        }
    }
    Ok(())
}

impl Triggers {
    /// The verb form of a word that starts a `verb+` pattern, if it does.
    pub fn verb_form(&self, word: &str) -> Option<VerbForm> {
        self.forms.get(word).copied()
    }

    /// Whether a verb pattern of two words (gaps allowed between them) may
    /// start with `first` and end with `second`: false means
    /// [`Triggers::match_at`] on the two words finds no such pattern, so a
    /// caller can skip the work of looking for one.
    pub fn may_pair(&self, first: &str, second: &str) -> bool {
        match (self.vocab.get(first), self.vocab.get(second)) {
            (Some(&a), Some(&b)) => self.pairs.contains(&(a, b)),
            _ => false,
        }
    }

    /// Whether [`Triggers::may_pair`] holds for `first` and any of
    /// `seconds` (`first` is looked up once).
    pub fn may_pair_any<'a>(
        &self,
        first: &str,
        seconds: impl IntoIterator<Item = &'a str>,
    ) -> bool {
        let Some(&a) = self.vocab.get(first) else {
            return false;
        };
        seconds.into_iter().any(|w| {
            self.vocab
                .get(w)
                .is_some_and(|&b| self.pairs.contains(&(a, b)))
        })
    }

    /// [`Triggers::may_pair_any`] of word `i` of `words` and the words from
    /// `i + 2` on.
    pub fn may_pair_after(&self, words: &Toks, i: usize) -> bool {
        let Some(&a) = words.ids.get(i).filter(|&&a| a != NO_ID) else {
            return false;
        };
        words
            .ids
            .iter()
            .skip(i + 2)
            .any(|&b| b != NO_ID && self.pairs.contains(&(a, b)))
    }

    /// The best pattern that starts at token `at` of `words` (lower-cased
    /// token texts), if any: the most specific, then the shortest, then the
    /// first in the file.
    pub fn match_at<S: AsRef<str>>(&self, words: &[S], at: usize) -> Option<TriggerMatch> {
        let toks = self.words(words);
        self.best_at(&toks, at)
    }

    /// [`Triggers::match_at`] for every token of `words`, at the cost of
    /// looking each word up once.
    pub fn match_all<S: AsRef<str>>(&self, words: &[S]) -> Vec<Option<TriggerMatch>> {
        self.match_all_in(&self.words(words))
    }

    /// [`Triggers::match_all`] of words looked up by [`Triggers::words`].
    pub fn match_all_in(&self, toks: &Toks) -> Vec<Option<TriggerMatch>> {
        (0..toks.toks.len())
            .map(|k| self.best_at(toks, k))
            .collect()
    }

    /// The best event-noun pattern ([`Frame::Nominal`]) starting at each
    /// token of `words`; the other patterns never match nouns.
    pub fn nominal_all<S: AsRef<str>>(&self, words: &[S]) -> Vec<Option<TriggerMatch>> {
        self.nominal_all_in(&self.words(words))
    }

    /// [`Triggers::nominal_all`] of words looked up by [`Triggers::words`].
    pub fn nominal_all_in(&self, toks: &Toks) -> Vec<Option<TriggerMatch>> {
        (0..toks.toks.len())
            .map(|k| self.best_of(toks, k, true))
            .collect()
    }

    /// The `modal` pattern ([`Frame::Modal`]) for `word`, if any.
    pub fn modal(&self, word: &str) -> Option<usize> {
        self.modals.get(word).copied()
    }

    /// The `report` pattern ([`Frame::Report`]) for the word form `word`
    /// (lower case), if any.
    pub fn report(&self, word: &str) -> Option<usize> {
        self.reports.get(word).copied()
    }

    /// The words of a sentence (lower-cased token texts) looked up for
    /// matching.
    pub fn words<S: AsRef<str>>(&self, words: &[S]) -> Toks {
        let mut set = WordSet::default();
        let mut toks: Vec<Tok> = words
            .iter()
            .map(|w| {
                let w = w.as_ref();
                let id = self.vocab.get(w).copied().unwrap_or(NO_ID);
                if id != NO_ID {
                    set.insert(id);
                }
                Tok {
                    id,
                    len: 1,
                    barrier: is_barrier(w),
                    opener: opens_clause(w),
                    quote: is_quote(w),
                    hyphen: w == "-",
                    adjective_tail: false,
                    figurative: false,
                }
            })
            .collect();
        for k in 1..toks.len() {
            let (before, w) = (words[k - 1].as_ref(), words[k].as_ref());
            if toks[k - 1].hyphen && ADJECTIVE_TAILS.contains(&w) {
                toks[k].adjective_tail = true;
            }
            if is_figurative_war(before, w) {
                toks[k].figurative = true;
            }
        }
        let ids = toks.iter().map(|t| t.id).collect();
        // "a sit-in", "a cease-fire": the pattern's hyphenated word, which
        // the tokeniser split, takes the place of its first part.
        for k in 0..words.len().saturating_sub(2) {
            if words[k + 1].as_ref() != "-" {
                continue;
            }
            let joined = format!("{}-{}", words[k].as_ref(), words[k + 2].as_ref());
            if let Some(&id) = self.vocab.get(&joined) {
                set.insert(id);
                toks[k].id = id;
                toks[k].len = 3;
            }
        }
        Toks {
            toks,
            ids,
            set_words: set.words(),
            summary: set.summary(),
        }
    }

    /// The best verb match at `at`, unless it is a `block` row.
    fn best_at(&self, toks: &Toks, at: usize) -> Option<TriggerMatch> {
        self.best_of(toks, at, false)
            .filter(|m| !self.patterns[m.pattern].blocks)
    }

    /// Whether the best verb match at `at` is a `block` row (so that no
    /// other reading of the same verb is tried).
    pub fn blocked_at(&self, toks: &Toks, at: usize) -> bool {
        self.best_of(toks, at, false)
            .is_some_and(|m| self.patterns[m.pattern].blocks)
    }

    /// For each token of `words`, the `block` row that is the best match
    /// there, if one is: why [`Triggers::match_at`] finds nothing there.
    pub fn blocked_all<S: AsRef<str>>(&self, words: &[S]) -> Vec<Option<TriggerMatch>> {
        let toks = self.words(words);
        (0..toks.toks.len())
            .map(|k| {
                self.best_of(&toks, k, false)
                    .filter(|m| self.patterns[m.pattern].blocks)
            })
            .collect()
    }

    /// The best match at `at` among the event-noun patterns (`nominal`) or
    /// among the others.
    fn best_of(&self, sentence: &Toks, at: usize, nominal: bool) -> Option<TriggerMatch> {
        let toks = &sentence.toks;
        let id = toks.get(at)?.id;
        let cands = if nominal {
            self.by_first_nominal.of(id)
        } else {
            self.by_first.of(id)
        };
        let mut best: Option<(TriggerMatch, u16)> = None;
        // Most specific first, then in file order: a match is bettered only
        // by an as specific one that spans fewer words.
        for c in cands {
            if best.is_some_and(|(_, spec)| c.specificity < spec) {
                break;
            }
            if c.summary & sentence.summary == 0 {
                continue;
            }
            let code = &self.code[c.code_at as usize..];
            let (needs, code) = code.split_at(8 * usize::from(c.needs));
            if !needs
                .chunks_exact(8)
                .all(|n| WordSet::words_meet(n, &sentence.set_words))
            {
                continue;
            }
            let (elements, code) = code.split_at(c.elements as usize);
            let pi = c.pattern as usize;
            if let Some(end) = match_elements(elements, toks, at) {
                let Some(before) = match_before(&code[..c.before as usize], toks, at) else {
                    continue;
                };
                let better = match best {
                    None => true,
                    Some((b, _)) => end - before < b.end - b.before,
                };
                if better {
                    let m = TriggerMatch {
                        pattern: pi,
                        start: at,
                        end,
                        before,
                    };
                    best = Some((m, c.specificity));
                }
            }
        }
        best.map(|(m, _)| m)
    }
}

/// The elements before the verb (`>`) and from the verb on.
type Compiled = (Vec<Element>, Vec<Element>);

fn compile(pattern: &str, verbs: &mut VerbForms) -> Result<Compiled, String> {
    let parts = words_of(pattern);
    let (before, rest) = match parts.iter().position(|&p| p == ">") {
        Some(k) => (&parts[..k], &parts[k + 1..]),
        None => (&[][..], &parts[..]),
    };
    if rest.first() == Some(&"..") {
        return Err(format!("a gap right after `>` in pattern {pattern:?}"));
    }
    let before = match before.split_last() {
        None => Vec::new(),
        // `a .. > verb+`: a gap between them and the verb
        Some((&"..", words)) => {
            let mut b = compile_elements(words, pattern, verbs)?;
            b.push(Element::Gap);
            b
        }
        Some(_) => compile_elements(before, pattern, verbs)?,
    };
    Ok((before, compile_elements(rest, pattern, verbs)?))
}

/// The white-space-separated words of a pattern, as `split_whitespace`
/// gives them; an ASCII pattern (every built-in one) is cut by a scan of
/// its bytes, which are white space exactly when `char::is_whitespace`
/// says so.
fn words_of(pattern: &str) -> Vec<&str> {
    if !pattern.is_ascii() {
        return pattern.split_whitespace().collect();
    }
    let mut out = Vec::with_capacity(8);
    let mut start = None;
    for (i, b) in pattern.bytes().enumerate() {
        let space = matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r');
        match (space, start) {
            (true, Some(s)) => {
                out.push(&pattern[s..i]);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&pattern[s..]);
    }
    out
}

fn compile_elements(
    parts: &[&str],
    pattern: &str,
    verbs: &mut VerbForms,
) -> Result<Vec<Element>, String> {
    let mut out = Vec::with_capacity(parts.len());
    for &part in parts {
        if part == ".." {
            if out.is_empty() {
                return Err("a pattern cannot start with a gap".into());
            }
            out.push(Element::Gap);
            continue;
        }
        if let Some(words) = verbs.elements.get(part) {
            out.push(Element::Words(Arc::clone(words)));
            continue;
        }
        let mut words = Vec::new();
        for alt in part.split('|') {
            let alt = alt.to_lowercase();
            if let Some(base) = alt.strip_suffix('+') {
                // the forms of `Inflector::forms`, in its order
                words.extend(verbs.of(base).iter().map(|(f, _)| f.clone()));
            } else if alt.is_empty()
                || !alt
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '\'')
            {
                return Err(format!("bad word {alt:?} in pattern {pattern:?}"));
            } else {
                words.push(alt);
            }
        }
        // Sorted, so that a word is looked up by binary search.
        words.sort_unstable();
        words.dedup();
        let words: Arc<[String]> = words.into();
        verbs.elements.insert(part.to_string(), Arc::clone(&words));
        out.push(Element::Words(words));
    }
    if out.is_empty() {
        return Err("empty pattern".into());
    }
    if matches!(out.last(), Some(Element::Gap)) {
        return Err("a pattern cannot end with a gap".into());
    }
    Ok(out)
}

fn is_quote(w: &str) -> bool {
    matches!(w, "\"" | "“" | "”" | "'" | "‘" | "’")
}

fn is_barrier(w: &str) -> bool {
    matches!(w, "," | ";" | ":" | "." | "?" | "!" | "(" | ")" | "—" | "–")
}

/// A (lower-cased) word that opens a clause of its own, where a gap after
/// the verb stops: "attacked Ukraine *before* the talks began" is no attack
/// on talks. A pattern's own word may still be one of them. Not before the
/// verb: "legislation *which* allows".
fn opens_clause(w: &str) -> bool {
    matches!(
        w,
        "before"
            | "after"
            | "when"
            | "whenever"
            | "while"
            | "because"
            | "if"
            | "unless"
            | "until"
            | "since"
            | "although"
            | "though"
            | "whether"
            | "who"
            | "whom"
            | "whose"
            | "which"
            | "where"
    )
}

/// Matches the elements before the verb (`code`, encoded last first, see
/// [`Triggers::code`]) so that the last ends right before token `at`;
/// returns the first one's token (`at` when there are none).
fn match_before(code: &[u32], toks: &[Tok], at: usize) -> Option<usize> {
    let Some((&n, rest)) = code.split_first() else {
        return Some(at);
    };
    if n != GAP {
        let (ids, rest) = rest.split_at(n as usize);
        let k = at.checked_sub(1)?;
        let t = toks.get(k)?;
        if t.id != NO_ID && ids.binary_search(&t.id).is_ok() {
            match_before(rest, toks, k)
        } else {
            None
        }
    } else {
        let mut i = at;
        let mut skipped = 0;
        loop {
            if let Some(start) = match_before(rest, toks, i) {
                return Some(start);
            }
            let t = toks.get(i.checked_sub(1)?)?;
            if t.barrier {
                return None;
            }
            if !t.quote {
                skipped += 1;
            }
            if skipped > MAX_GAP {
                return None;
            }
            i -= 1;
        }
    }
}

/// Matches the elements `code` (encoded, see [`Triggers::code`]) at
/// `toks[at..]`; returns the end token index.
fn match_elements(code: &[u32], toks: &[Tok], at: usize) -> Option<usize> {
    let (&n, rest) = code.split_first()?;
    if n != GAP {
        let (ids, rest) = rest.split_at(n as usize);
        let t = toks.get(at)?;
        if t.id != NO_ID && ids.binary_search(&t.id).is_ok() {
            if rest.is_empty() {
                // (a last word that is the first part of an adjective is no
                // word of the pattern: "leave the *war*-ravaged city")
                // (nor a war of trade or words: "escalated the trade war")
                let next = at + t.len;
                let compound = toks.get(next + 1).is_some_and(|q| q.adjective_tail);
                (!compound && !t.figurative).then_some(next)
            } else {
                // (scare quotes around a word or two of the pattern are
                // no word: vowed to “strangle”, would “cooperate” with; a
                // quoted title is: called "On The Town")
                let mut next = at + t.len;
                let closes_soon =
                    |k: usize| (k + 2..k + 4).any(|j| toks.get(j).is_some_and(|q| q.quote));
                let quoted_before = at > 0 && toks[at - 1].quote;
                if toks.get(next).is_some_and(|q| q.quote) && (quoted_before || closes_soon(next)) {
                    next += 1;
                }
                match_elements(rest, toks, next)
            }
        } else {
            None
        }
    } else {
        let mut i = at;
        let mut skipped = 0;
        loop {
            if let Some(end) = match_elements(rest, toks, i) {
                return Some(end);
            }
            let t = toks.get(i)?;
            if t.barrier || t.opener {
                return None;
            }
            // Quotation marks and the hyphen inside a compound
            // ("a day-old blockade") are no words of their own.
            if !t.quote && !t.hyphen {
                skipped += 1;
            }
            if skipped > MAX_GAP {
                return None;
            }
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_words_are_cut_as_split_whitespace_cuts_them() {
        for p in [
            "",
            " ",
            "say+ > to",
            "  a\tb\nc\x0Bd\x0Ce\rf  ",
            "x .. y|z",
            "sit-in",
            "caf\u{e9} \u{a0}x\u{2003}y",
        ] {
            assert_eq!(
                words_of(p),
                p.split_whitespace().collect::<Vec<_>>(),
                "{p:?}"
            );
        }
        // every ASCII byte is white space to one exactly when to the other
        for b in 0u8..128 {
            let c = char::from(b);
            let p = format!("a{c}b");
            assert_eq!(
                words_of(&p),
                p.split_whitespace().collect::<Vec<_>>(),
                "{p:?}"
            );
        }
    }

    fn triggers(rows: &str) -> Triggers {
        let inf =
            Inflector::load("base\tpast\tparticiple\tgerund\nput\tput\tput\tputting\n").unwrap();
        let text = format!("pattern\tevent\tmode\tcameo\tcontexts\tframe\n{rows}");
        Triggers::load(&text, &inf).unwrap()
    }

    #[test]
    fn a_war_of_trade_or_words_is_not_matched() {
        let t = triggers("escalate+ .. war|battle\tASSAULT\t\t190\t\tverb\n");
        let m = |w: &[&str]| t.match_at(w, 0).map(|m| m.end);
        assert_eq!(m(&["escalate", "the", "trade", "war"]), None);
        assert_eq!(m(&["escalate", "a", "legal", "battle"]), None);
        assert_eq!(m(&["escalate", "the", "civil", "war"]), Some(4));
    }

    #[test]
    fn a_last_word_that_begins_an_adjective_with_a_hyphen_is_not_matched() {
        let t = triggers("leave+ .. war\tASSAULT\t\t190\t\tverb\n");
        let m = |w: &[&str]| t.match_at(w, 0).map(|m| m.end);
        assert_eq!(m(&["leave", "the", "war", "-", "ravaged", "city"]), None);
        // a compound whose first part is the thing itself still matches
        assert_eq!(m(&["leave", "the", "war", "-", "zone"]), Some(3));
        assert_eq!(m(&["leave", "the", "war", "today"]), Some(3));
    }

    #[test]
    fn a_hyphenated_word_matches_the_three_tokens_it_is_split_into() {
        let t = triggers(
            "put+ .. sit-in\tPROTEST\t\t141\t\tverb\n\
             cease-fire\tRETREAT\t\t0871\t\tnominal\n",
        );
        let m = t.match_at(&["put", "on", "a", "sit", "-", "in", "today"], 0);
        assert_eq!(m.map(|m| m.end), Some(6));
        let n = t.nominal_all(&["a", "cease", "-", "fire", "now"]);
        assert_eq!(n[1].map(|m| (m.start, m.end)), Some((1, 4)));
        // the parts alone, or with another word, are not it
        assert!(t
            .match_at(&["put", "on", "a", "sit", "-", "down"], 0)
            .is_none());
        assert!(t.match_at(&["put", "on", "a", "sit", "in"], 0).is_none());
    }

    #[test]
    fn a_word_set_meets_every_set_sharing_a_word() {
        // the prefilter of `best_of` may let a pattern through wrongly,
        // never keep out one that matches
        let mut sentence = WordSet::default();
        for id in (0..5000).step_by(7) {
            sentence.insert(id);
        }
        for id in 0..5000u32 {
            let mut one = WordSet::default();
            one.insert(id);
            if id % 7 == 0 {
                assert!(one.meets(&sentence), "{id}");
            }
            // as best_of tests it
            assert_eq!(
                WordSet::words_meet(&one.words(), &sentence.words()),
                one.meets(&sentence)
            );
            assert!(one.meets(&one));
        }
        assert!(!WordSet::default().meets(&sentence));
    }

    #[test]
    fn may_pair_knows_every_two_word_verb_pattern() {
        let t = triggers(
            "put+ .. sanctions\tSANCTION\t\t163\t\tverb\n\
             put+ on hold\tRETREAT\t\t\t\tverb\n\
             sanctions\tSANCTION\t\t163\t\tnominal\n",
        );
        // every pair match_at finds is one may_pair allows
        for (verb, word) in [("put", "sanctions"), ("putting", "sanctions")] {
            assert!(t.match_at(&[verb, word], 0).is_some_and(|m| m.end == 2));
            assert!(t.may_pair(verb, word), "{verb} {word}");
        }
        // three-word patterns, nominal patterns and unknown words do not
        assert!(!t.may_pair("put", "hold"));
        assert!(!t.may_pair("put", "on"));
        assert!(!t.may_pair("sanctions", "sanctions"));
        assert!(!t.may_pair("put", "troops"));
        assert!(!t.may_pair("lifted", "sanctions"));
        // any of several later words
        assert!(t.may_pair_any("put", ["on", "hold", "sanctions"]));
        assert!(!t.may_pair_any("put", ["on", "hold"]));
        assert!(!t.may_pair_any("lifted", ["sanctions"]));
    }

    #[test]
    fn event_nouns_match_only_as_nominals() {
        let t = triggers(
            "attack+\tASSAULT\t\t190\t\tverb\nattack|attacks\tASSAULT\t\t190\t\tnominal\nhunger strike\tPROTEST\t\t142\t\tnominal\n",
        );
        let words = ["the", "attack", "and", "a", "hunger", "strike"];
        // the verb pattern still wins the ordinary matching
        let m = t.match_at(&words, 1).unwrap();
        assert_eq!(t.patterns[m.pattern].frame, Frame::Verb);
        assert!(t.match_at(&words, 4).is_none());
        let nominal = t.nominal_all(&words);
        let at = |k: usize| nominal[k].map(|m| (t.patterns[m.pattern].frame, m.end));
        assert_eq!(at(1), Some((Frame::Nominal, 2)));
        assert_eq!(at(4), Some((Frame::Nominal, 6)));
        assert_eq!(at(0), None);
    }

    #[test]
    fn most_specific_pattern_wins() {
        let t = triggers(
            "threaten+\tTHREATEN\t\t130\t\tverb\n\
             threaten+ .. sanctions|penalties\tTHREATEN\trestrict\t1312\teconomic\tverb\n",
        );
        let words = [
            "trump",
            "threatened",
            "to",
            "put",
            "“",
            "penalties",
            "”",
            "on",
            "russia",
        ];
        let m = t.match_at(&words, 1).unwrap();
        assert_eq!(t.patterns[m.pattern].cameo.as_deref(), Some("1312"));
        assert_eq!((m.start, m.end), (1, 6));
        let words = ["trump", "threatens", "russia"];
        let m = t.match_at(&words, 1).unwrap();
        assert_eq!(t.patterns[m.pattern].cameo.as_deref(), Some("130"));
        assert!(t.match_at(&words, 0).is_none());
    }

    #[test]
    fn words_before_the_verb_must_precede_it() {
        let t = triggers(
            "scold+\tACCUSE\t\t111\t\tverb\n\
             sharply .. > scold+\tREJECT\t\t122\t\tverb\n\
             lately > scold+\tREJECT\t\t123\t\tverb\n",
        );
        let code = |words: &[&str], at: usize| {
            t.match_at(words, at)
                .map(|m| (t.patterns[m.pattern].cameo.clone().unwrap(), m.before))
        };
        // a gap between them and the verb; the match still starts at the verb
        assert_eq!(
            code(&["they", "sharply", "and", "loudly", "scolded", "us"], 4),
            Some(("122".into(), 1))
        );
        let m = t.match_at(&["sharply", "scolded"], 1).unwrap();
        assert_eq!((m.start, m.end, m.before), (1, 2, 0));
        // `>` right after a word: adjacent only
        assert_eq!(code(&["lately", "scolded"], 1), Some(("123".into(), 0)));
        assert_eq!(
            code(&["lately", "they", "scolded"], 2),
            Some(("111".into(), 2))
        );
        // not across punctuation, not after the verb, not too far
        assert_eq!(
            code(&["sharply", ",", "scolded"], 2),
            Some(("111".into(), 2))
        );
        assert_eq!(code(&["scolded", "sharply"], 0), Some(("111".into(), 0)));
        assert_eq!(
            code(&["sharply", "a", "b", "c", "d", "e", "scolded"], 6),
            Some(("111".into(), 6))
        );
        assert!(t.match_at(&["sharply"], 0).is_none());
        let inf = Inflector::default();
        for bad in ["sharply > .. scold+", "sharply >", ".. > scold+"] {
            let text =
                format!("pattern\tevent\tmode\tcameo\tcontexts\tframe\n{bad}\tREJECT\t\t\t\t\n");
            assert!(Triggers::load(&text, &inf).is_err(), "{bad}");
        }
    }

    #[test]
    fn gaps_stop_at_punctuation_and_length() {
        let t = triggers("impose+ .. sanctions\tSANCTION\t\t163\t\tverb\n");
        assert!(t.match_at(&["imposed", "new", "sanctions"], 0).is_some());
        assert!(t.match_at(&["imposed", ",", "sanctions"], 0).is_none());
        assert!(t
            .match_at(&["imposed", "a", "b", "c", "d", "e", "sanctions"], 0)
            .is_none());
        // the hyphen of a compound is no word of the gap
        assert!(t
            .match_at(&["imposed", "a", "b", "c", "-", "d", "sanctions"], 0)
            .is_some());
        // nor past a word that opens another clause ("attacked Ukraine
        // before the talks began"), after the verb only
        let t = triggers(
            "attack+ .. talks\tACCUSE\t\t111\t\tverb\n\
             law .. > allow+\tAGREE\t\t030\t\tverb\n",
        );
        assert!(t.match_at(&["attacked", "the", "talks"], 0).is_some());
        assert!(t
            .match_at(&["attacked", "ukraine", "before", "the", "talks"], 0)
            .is_none());
        assert!(t.match_at(&["law", "which", "allows"], 2).is_some());
        // quotation marks between two words of a pattern are skipped
        let t = triggers("vow+ to strangle\tTHREATEN\t\t138\t\tverb\n");
        let m = t.match_at(&["vowed", "to", "“", "strangle", "”"], 0);
        assert_eq!(m.map(|m| m.end), Some(4));
        // not before a quoted title
        let t = triggers("call+ on\tREQUEST\t\t100\t\tverb\n");
        let title = ["called", "\"", "on", "the", "town", ",", "\""];
        assert!(t.match_at(&title, 0).is_none());
    }

    #[test]
    fn bad_rows_are_reported_with_their_line() {
        let inf = Inflector::default();
        let err = Triggers::load(
            "pattern\tevent\tmode\tcameo\tcontexts\tframe\nmeet+\tFIGHT\t\t\t\t\n",
            &inf,
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "triggers.tsv:2: unknown PLOVER event type \"FIGHT\""
        );
        let err = Triggers::load(
            "pattern\tevent\tmode\tcameo\tcontexts\tframe\n.. x\tAGREE\t\t\t\t\n",
            &inf,
        )
        .unwrap_err();
        assert!(err.to_string().contains("gap"), "{err}");
        // a `block` row codes nothing, so it names no event type
        let err = Triggers::load(
            "pattern\tevent\tmode\tcameo\tcontexts\tframe\nsay+ .. x\tAGREE\t\t010\t\tblock\n",
            &inf,
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "triggers.tsv:2: a `block` row names no event type"
        );
    }
}
