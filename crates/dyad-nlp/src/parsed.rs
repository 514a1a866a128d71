//! A parsed sentence and the questions the event coder asks of it: who is
//! the subject of this verb, what is its object, is it negated, is it inside
//! an `if` clause, whose speech does it report.

use std::ops::Range;

use crate::Token;

/// One word of a parsed sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word<'m> {
    /// Byte range in the original text.
    pub token: Token,
    /// Universal POS tag (`VERB`, `PROPN`).
    pub upos: &'m str,
    /// Penn Treebank tag (`VBD`, `NNP`).
    pub xpos: &'m str,
    pub lemma: String,
    /// Index of the head word in the sentence; `None` for the root.
    pub head: Option<usize>,
    /// Full UD relation to the head, with its subtype (`nsubj:pass`).
    pub deprel: &'m str,
}

/// Verbs whose object does what their infinitive says ("wants Ukraine to
/// give up", "urged Putin to ensure", "let the convoy pass"), unlike
/// "promised Kyiv to send" or "hosting Osgiliath to celebrate", whose
/// subject does.
const OBJECT_CONTROL: &[&str] = &[
    "want",
    "ask",
    "urge",
    "tell",
    "order",
    "force",
    "allow",
    "permit",
    "persuade",
    "encourage",
    "invite",
    "press",
    "push",
    "pressure",
    "compel",
    "oblige",
    "require",
    "expect",
    "need",
    "help",
    "enable",
    "instruct",
    "authorize",
    "authorise",
    "advise",
    "warn",
    "convince",
    "cause",
    "prompt",
    "beg",
    "implore",
    "request",
    "prefer",
    "like",
    "wish",
    "let",
    "make",
    "see",
    "call",
    "appeal",
    "exhort",
    "entreat",
    "forbid",
    "lead",
    "get",
    "leave",
];

/// A sentence with tags, lemmas and a dependency tree. Word indices are
/// 0-based positions in [`ParsedSentence::words`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedSentence<'m> {
    /// Byte range of the sentence in the original text.
    pub range: Range<usize>,
    pub words: Vec<Word<'m>>,
    children: Vec<Vec<usize>>,
}

/// An oblique argument (`with Putin`, `on Friday`) and its case marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Oblique {
    /// The head word of the oblique (`Putin`).
    pub word: usize,
    /// Its case marker (`with`), if any.
    pub case: Option<usize>,
}

/// Lemmas of verbs that report speech or claims.
const SPEECH_VERBS: &[&str] = &[
    "accuse", "add", "admit", "announce", "argue", "assert", "claim", "confirm", "declare", "deny",
    "insist", "note", "promise", "report", "reveal", "say", "state", "suggest", "tell", "threaten",
    "vow", "warn", "write",
];

impl<'m> ParsedSentence<'m> {
    pub(crate) fn new(range: Range<usize>, words: Vec<Word<'m>>) -> Self {
        let mut children = vec![Vec::new(); words.len()];
        for (d, w) in words.iter().enumerate() {
            if let Some(h) = w.head.filter(|&h| h < words.len() && h != d) {
                children[h].push(d);
            }
        }
        ParsedSentence {
            range,
            words,
            children,
        }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The word's text in `text` (the text that was parsed).
    pub fn text<'t>(&self, text: &'t str, i: usize) -> &'t str {
        self.words.get(i).map_or("", |w| w.token.text(text))
    }

    /// The head of word `i` (`None` for the root or out of range).
    pub fn head(&self, i: usize) -> Option<usize> {
        self.words.get(i).and_then(|w| w.head)
    }

    /// The root word (the main predicate).
    pub fn root(&self) -> Option<usize> {
        self.words.iter().position(|w| w.head.is_none())
    }

    /// Dependents of word `i`, left to right.
    pub fn children(&self, i: usize) -> &[usize] {
        self.children.get(i).map_or(&[], Vec::as_slice)
    }

    /// The universal relation of word `i` to its head, without subtype
    /// (`nsubj:pass` → `nsubj`).
    pub fn relation(&self, i: usize) -> &'m str {
        self.words
            .get(i)
            .map_or("", |w| w.deprel.split(':').next().unwrap_or(""))
    }

    /// Dependents of `i` whose universal relation is `rel`.
    pub fn dependents<'a>(&'a self, i: usize, rel: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.children(i)
            .iter()
            .copied()
            .filter(move |&c| self.relation(c) == rel)
    }

    /// Whether word `i`'s lemma is one of `lemmas` (ASCII case ignored).
    pub fn lemma_is(&self, i: usize, lemmas: &[&str]) -> bool {
        self.words
            .get(i)
            .is_some_and(|w| lemmas.iter().any(|l| w.lemma.eq_ignore_ascii_case(l)))
    }

    /// The subject of `verb`: its `nsubj` or `csubj` (active or passive).
    /// A verb without one takes the subject of the verb it is an `xcomp` of
    /// (`Trump threatened to put` → `Trump` for `put`), or that verb's
    /// object before it (`wants Ukraine to give up` → `Ukraine`), or the
    /// subject of the verb it is conjoined to (`Trump arrived and met` →
    /// `Trump` for `met`).
    pub fn subject(&self, verb: usize) -> Option<usize> {
        let mut v = verb;
        for _ in 0..self.len() {
            let all = || {
                self.children(v)
                    .iter()
                    .copied()
                    .filter(|&c| matches!(self.relation(c), "nsubj" | "csubj"))
            };
            // (not the outer subject of a copula the parser hung on the
            // verb, where the verb has a subject of its own: "it was likely
            // *the government* would lift a ban"; one before the verb: not
            // "the move was to allow …, especially *the United States*")
            let inner = all().any(|c| c < v && self.words[c].deprel != "nsubj:outer");
            // (nor, of two, one with a preposition, "*According to the
            // White House*, Trump called …", or the addressee of a verb of
            // telling, "dealers told *Reuters* exporters will meet")
            let cased = |c: usize| {
                self.dependents(c, "case")
                    .any(|k| self.words[k].xpos != "POS")
                    || self
                        .subtree(c)
                        .start
                        .checked_sub(1)
                        .is_some_and(|k| self.lemma_is(k, &["tell"]))
            };
            let plain = all().any(|c| !cased(c));
            let mut subjects = all().filter(|&c| {
                let outer = inner && self.words[c].deprel == "nsubj:outer";
                !(outer || (plain && cased(c)))
            });
            let first = subjects.next();
            // (of two, a pronoun nearest the verb: "told the Senate *he*
            // was resigning", where the parser made the Senate a subject
            // too)
            // (not one of a parenthetical "he said", "he added")
            let pronoun = subjects
                .next_back()
                .filter(|&c| self.words[c].upos == "PRON" && !self.lemma_is(c + 1, SPEECH_VERBS));
            let own = pronoun.or(first);
            if own.is_some() {
                return own;
            }
            match self.relation(v) {
                "xcomp" => {
                    let h = self.head(v)?;
                    // "Russia wants *Ukraine* to give up territory": the
                    // object of a verb of [`OBJECT_CONTROL`], where it has
                    // one before the infinitive, does what the infinitive
                    // says (not before a participle: "issued a declaration
                    // demanding …")
                    let infinitive = self.words[v].xpos == "VB";
                    let object = self
                        .children(h)
                        .iter()
                        .copied()
                        .find(|&c| infinitive && c < v && self.relation(c) == "obj");
                    if let Some(o) = object.filter(|_| self.lemma_is(h, OBJECT_CONTROL)) {
                        return Some(o);
                    }
                    v = h;
                }
                "conj" => v = self.head(v)?,
                _ => return None,
            }
        }
        None
    }

    /// True if `verb` is passive (`was attacked`): it has an `aux:pass`, or
    /// it is a participle after *get* (`got arrested`, `stop getting
    /// killed`), which UD marks `aux:pass` but the parser may attach as the
    /// `xcomp` or `aux` of *get*.
    pub fn is_passive(&self, verb: usize) -> bool {
        let Some(w) = self.words.get(verb) else {
            return false;
        };
        let is_get = |i: usize| self.words.get(i).is_some_and(|g| g.lemma == "get");
        self.children(verb).iter().any(|&c| {
            self.words[c].deprel == "aux:pass"
                || (self.words[c].deprel == "aux" && is_get(c) && w.xpos == "VBN")
        }) || (w.xpos == "VBN"
            && self.relation(verb) == "xcomp"
            && self.head(verb).is_some_and(is_get))
    }

    /// Byte range of the name or compound headed by `i`: the word with its
    /// `flat` and `compound` dependents (`Steve Witkoff`; UD makes the first
    /// word of a name its head).
    pub fn name_span(&self, i: usize) -> Range<usize> {
        let Some(w) = self.words.get(i) else {
            return 0..0;
        };
        let (mut a, mut b) = (w.token.start, w.token.end);
        let mut stack = vec![i];
        let mut seen = vec![false; self.len()];
        while let Some(n) = stack.pop() {
            if std::mem::replace(&mut seen[n], true) {
                continue;
            }
            for &c in self.children(n) {
                if matches!(self.relation(c), "flat" | "compound") {
                    a = a.min(self.words[c].token.start);
                    b = b.max(self.words[c].token.end);
                    stack.push(c);
                }
            }
        }
        a..b
    }

    /// The direct object (`obj`) of `verb`.
    pub fn object(&self, verb: usize) -> Option<usize> {
        self.dependents(verb, "obj").next()
    }

    /// The indirect object (`iobj`) of `verb`.
    pub fn indirect_object(&self, verb: usize) -> Option<usize> {
        self.dependents(verb, "iobj").next()
    }

    /// Obliques of `verb` (`obl`, including `obl:tmod`, `obl:agent`) with
    /// their case markers (`with`, `by`).
    pub fn obliques(&self, verb: usize) -> Vec<Oblique> {
        self.dependents(verb, "obl")
            .map(|word| Oblique {
                word,
                case: self.case_marker(word),
            })
            .collect()
    }

    /// The `case` dependent of a nominal (`with` in `with Putin`).
    pub fn case_marker(&self, nominal: usize) -> Option<usize> {
        self.dependents(nominal, "case").next()
    }

    /// The subordinating marker of a clause (`if`, `that`, `to`).
    pub fn marker(&self, clause: usize) -> Option<usize> {
        self.dependents(clause, "mark").next()
    }

    /// The open clausal complement of `verb` (`put` in `threatened to put`).
    pub fn xcomp(&self, verb: usize) -> Option<usize> {
        self.dependents(verb, "xcomp").next()
    }

    /// The clausal complement of `verb` (`met` in `announced that he had met`).
    pub fn ccomp(&self, verb: usize) -> Option<usize> {
        self.dependents(verb, "ccomp").next()
    }

    /// The chain of `xcomp`s from `verb` down (`threatened` → `put`), `verb` first.
    pub fn xcomp_chain(&self, verb: usize) -> Vec<usize> {
        let mut chain = vec![verb];
        while let Some(&last) = chain.last() {
            match self.xcomp(last) {
                Some(x) if !chain.contains(&x) => chain.push(x),
                _ => break,
            }
        }
        chain
    }

    /// True if `verb` is negated by a `not`, `n't`, `never` or `no` dependent.
    pub fn is_negated(&self, verb: usize) -> bool {
        // (not "not only … but")
        let only_after = |c: usize| self.lemma_is(c + 1, &["only", "just", "merely"]);
        self.children(verb).iter().any(|&c| {
            matches!(self.relation(c), "advmod" | "det" | "neg")
                && (self.lemma_is(c, &["not", "never", "n't"])
                    || (self.relation(c) == "advmod" && self.lemma_is(c, &["no"])))
                && !(self.lemma_is(c, &["not"]) && only_after(c))
        })
    }

    /// The conditional clause of `verb`: an `advcl` marked `if` or `unless`.
    pub fn conditional_clause(&self, verb: usize) -> Option<usize> {
        self.dependents(verb, "advcl")
            .find(|&c| self.is_conditional_clause(c))
    }

    fn is_conditional_clause(&self, clause: usize) -> bool {
        self.relation(clause) == "advcl"
            && self
                .dependents(clause, "mark")
                .any(|m| self.lemma_is(m, &["if", "unless"]))
    }

    /// True if word `i` is inside a conditional clause (its own or an
    /// ancestor's `advcl` marked `if` or `unless`).
    pub fn is_in_conditional(&self, i: usize) -> bool {
        self.ancestors(i).any(|a| self.is_conditional_clause(a))
    }

    /// `i` and its ancestors up to the root.
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let mut cur = (i < self.len()).then_some(i);
        let mut steps = 0;
        std::iter::from_fn(move || {
            let here = cur?;
            steps += 1;
            cur = if steps > self.len() {
                None
            } else {
                self.head(here)
            };
            Some(here)
        })
    }

    /// The verb whose speech the clause of word `i` reports (`said` for a
    /// `ccomp` or `parataxis` of `said`), if any.
    pub fn reporting_verb(&self, i: usize) -> Option<usize> {
        let mut prev = i;
        for a in self.ancestors(i).skip(1) {
            if matches!(self.relation(prev), "ccomp" | "parataxis")
                && self.lemma_is(a, SPEECH_VERBS)
            {
                return Some(a);
            }
            prev = a;
        }
        None
    }

    /// Word indices covered by the subtree of `i` (its smallest and largest
    /// descendant, `min..max + 1`).
    pub fn subtree(&self, i: usize) -> Range<usize> {
        if i >= self.len() {
            return 0..0;
        }
        let (mut lo, mut hi) = (i, i);
        let mut stack = vec![i];
        let mut seen = vec![false; self.len()];
        while let Some(n) = stack.pop() {
            if std::mem::replace(&mut seen[n], true) {
                continue;
            }
            lo = lo.min(n);
            hi = hi.max(n);
            stack.extend_from_slice(self.children(n));
        }
        lo..hi + 1
    }

    /// Byte range of the subtree of `i` in the original text.
    pub fn subtree_span(&self, i: usize) -> Range<usize> {
        let r = self.subtree(i);
        match (
            self.words.get(r.start),
            r.end.checked_sub(1).and_then(|e| self.words.get(e)),
        ) {
            (Some(a), Some(b)) => a.token.start..b.token.end,
            _ => 0..0,
        }
    }
}

#[cfg(test)]
mod tests {
    //! Questions the coder asks, answered by the shipped model.

    use crate::{parse, split_sentences, ParsedSentence};

    fn find(p: &ParsedSentence, text: &str, word: &str) -> usize {
        (0..p.len())
            .find(|&i| p.text(text, i) == word)
            .unwrap_or_else(|| panic!("no {word:?}"))
    }

    fn parsed(text: &str) -> ParsedSentence<'static> {
        parse(text, 0..text.len())
    }

    #[test]
    fn envoy_met_with_president() {
        let text =
            "U.S. special envoy Steve Witkoff had met with Russian President Vladimir Putin.";
        let p = parsed(text);
        let met = find(&p, text, "met");
        // UD heads a name by its first word: `Steve` is the nsubj, `Witkoff` its flat
        let subject = p.subject(met).expect("a subject");
        assert_eq!(&text[p.name_span(subject)], "Steve Witkoff");
        assert_eq!(p.words[subject].deprel, "nsubj");
        assert!(!p.is_passive(met));
        let obl = p.obliques(met);
        let putin = obl
            .iter()
            .find(|o| &text[p.name_span(o.word)] == "Vladimir Putin")
            .expect("Putin is an oblique");
        assert_eq!(putin.case.map(|c| p.text(text, c)), Some("with"));
        assert_eq!(p.words[met].lemma, "meet");
        assert!(!p.is_negated(met));
        assert!(!p.is_in_conditional(met));
    }

    #[test]
    fn conditional_threat_with_negated_condition() {
        let text =
            "If Moscow does not agree to a ceasefire, President Donald Trump has threatened \
                    to put penalties on Russia.";
        let p = parsed(text);
        let threatened = find(&p, text, "threatened");
        let trump = p.subject(threatened).expect("a subject");
        assert_eq!(&text[p.name_span(trump)], "Donald Trump");
        assert_eq!(p.relation(trump), "nsubj");
        let put = p.xcomp(threatened).expect("an xcomp");
        assert_eq!(p.text(text, put), "put");
        assert_eq!(
            p.subject(put),
            Some(trump),
            "put inherits the controller's subject"
        );
        assert_eq!(p.xcomp_chain(threatened), [threatened, put]);
        let penalties = p.object(put).expect("an object");
        assert_eq!(p.text(text, penalties), "penalties");

        let agree = p.conditional_clause(threatened).expect("an if clause");
        assert_eq!(p.text(text, agree), "agree");
        assert_eq!(p.relation(agree), "advcl");
        let mark = p.marker(agree).expect("a marker");
        assert_eq!(p.words[mark].lemma, "if");
        assert!(p.is_negated(agree));
        let not = find(&p, text, "not");
        assert_eq!(p.head(not), Some(agree));
        assert_eq!(p.words[not].deprel, "advmod");
        let moscow = find(&p, text, "Moscow");
        assert_eq!(p.subject(agree), Some(moscow));
        assert!(p.is_in_conditional(moscow));
        assert!(!p.is_in_conditional(trump));
        assert!(!p.is_negated(threatened));
    }

    #[test]
    fn of_two_subjects_a_pronoun_nearest_the_verb_is_the_subject() {
        // the parser makes "the Senate" a second subject of "resigning"
        let text = "Putin told the Senate he was resigning.";
        let p = parsed(text);
        let resigning = find(&p, text, "resigning");
        assert_eq!(p.text(text, p.subject(resigning).expect("a subject")), "he");
    }

    #[test]
    fn not_only_is_no_negation() {
        let text = "The plan not only enabled investors to pay later but cut costs.";
        let p = parsed(text);
        let enabled = find(&p, text, "enabled");
        let not = find(&p, text, "not");
        assert_eq!(p.head(not), Some(enabled));
        assert!(!p.is_negated(enabled));
        let text = "The plan did not enable investors to pay later.";
        let p = parsed(text);
        assert!(p.is_negated(find(&p, text, "enable")));
    }

    #[test]
    fn reported_speech_and_subtrees() {
        let text = "The minister said that the army had attacked the town.";
        let p = parsed(text);
        let said = find(&p, text, "said");
        let attacked = p.ccomp(said).expect("a clausal complement");
        assert_eq!(p.text(text, attacked), "attacked");
        assert_eq!(p.reporting_verb(attacked), Some(said));
        let army = p.subject(attacked).expect("a subject");
        assert_eq!(p.text(text, army), "army");
        let town = p.object(attacked).expect("an object");
        assert_eq!(&text[p.subtree_span(town)], "the town");
        assert_eq!(p.root(), Some(said));
    }

    #[test]
    fn the_object_of_a_verb_of_control_does_its_infinitive() {
        let text = "Russia wants Ukraine to give up territory.";
        let p = parsed(text);
        let give = find(&p, text, "give");
        assert_eq!(p.text(text, p.subject(give).expect("a subject")), "Ukraine");
        // no object: the subject does it
        let text = "Russia wants to keep the territory.";
        let p = parsed(text);
        let keep = find(&p, text, "keep");
        assert_eq!(p.text(text, p.subject(keep).expect("a subject")), "Russia");
    }

    #[test]
    fn passive_voice() {
        let text = "Two soldiers were killed by rebels in the north.";
        let p = parsed(text);
        let killed = find(&p, text, "killed");
        assert!(p.is_passive(killed));
        let soldiers = p.subject(killed).expect("a subject");
        assert_eq!(p.text(text, soldiers), "soldiers");
        assert_eq!(p.words[soldiers].deprel, "nsubj:pass");
    }

    #[test]
    fn every_sentence_of_an_article_parses_into_one_tree() {
        let text = "Envoy Meets Leader in Capital\nThe envoy, who arrived on Tuesday, met the \
                    leader. Talks will resume on Jan. 5 in the U.S. capital.";
        for r in split_sentences(text) {
            let p = parse(text, r.clone());
            assert!(!p.is_empty());
            assert_eq!(p.words.iter().filter(|w| w.head.is_none()).count(), 1);
            for i in 0..p.len() {
                assert_eq!(p.ancestors(i).last(), p.root(), "word {i} reaches the root");
                assert!(r.start <= p.words[i].token.start && p.words[i].token.end <= r.end);
            }
        }
    }

    #[test]
    fn odd_input_never_panics() {
        let long = "word ".repeat(3000);
        for text in ["", " ", "\u{301}", "🇺🇸🇺🇸", "((((", "'s", long.as_str()] {
            let p = parse(text, 0..text.len());
            assert_eq!(p.root().is_some(), !p.is_empty());
            let _ = p.subtree(0);
            let _ = p.subject(usize::MAX);
        }
        let (start, end) = (2, 1);
        let p = parse("abc", start..end);
        assert!(p.is_empty());
    }
}
