//! The syntax stage: the dependency parse of a sentence, computed only for
//! sentences that have a trigger, and the questions the event stage asks of
//! it in terms of actor mentions.

use dyad_nlp::{ParsedSentence, Token};

use crate::actors::Mention;
use crate::text::Sentence;

/// A sentence's parse, made on first use.
#[derive(Debug, Default)]
pub(crate) struct Syntax {
    parsed: Option<ParsedSentence<'static>>,
    tried: bool,
    /// The text the parser reads instead of the document's, up to the
    /// sentence's end: a title in title case, its words made small
    /// ([`crate::headline::sentence_cased`]).
    cased: Option<String>,
}

impl Syntax {
    /// The parse of `s`, to be made on first use: of its words as they
    /// are, or, for a title in title case, as a sentence writes them.
    pub fn new(lex: &dyad_lexicon::Lexicon, doc_text: &str, s: &Sentence<'_>) -> Syntax {
        Syntax {
            cased: crate::headline::sentence_cased(lex, doc_text, s),
            ..Syntax::default()
        }
    }

    /// The text the parser reads: `doc_text`, or a title's as a sentence
    /// writes it.
    pub fn read<'a>(&'a self, doc_text: &'a str) -> &'a str {
        self.cased.as_deref().unwrap_or(doc_text)
    }

    /// The parse of `s`, if the syntax model is available and the parser's
    /// words are the sentence's tokens.
    pub fn get(&mut self, doc_text: &str, s: &Sentence<'_>) -> Option<&ParsedSentence<'static>> {
        if !self.tried {
            self.tried = true;
            if let Ok(model) = dyad_nlp::model() {
                let tokens: Vec<Token> = s
                    .tokens
                    .iter()
                    .map(|t| Token {
                        start: t.start,
                        end: t.end,
                    })
                    .collect();
                let text = self.cased.as_deref().unwrap_or(doc_text);
                let p = model.parse_tokens(text, s.span.start..s.span.end, &tokens);
                if p.len() == s.tokens.len() {
                    self.parsed = Some(p);
                }
            }
        }
        self.parsed.as_ref()
    }
}

/// The mention that contains word `i`.
pub(crate) fn mention_at(mentions: &[Mention], i: usize) -> Option<usize> {
    mentions.iter().position(|m| m.tok.0 <= i && i < m.tok.1)
}

/// The mentions a nominal stands for: the mention containing its head, or —
/// for "thousands of protesters", "the leaders of Iran and Iraq" — the one
/// its `of`-modifier names; with the mentions conjoined to it ("Russia and
/// Ukraine") and those it lists ("partners, including China and India").
pub(crate) fn mentions_of(p: &ParsedSentence<'_>, mentions: &[Mention], head: usize) -> Vec<usize> {
    let mut out = Vec::new();
    // The word the mention was found at: the head, or its `of`/appositive
    // modifier.
    let of_mention = |n: usize| {
        p.children(n)
            .iter()
            .copied()
            .filter(|&c| matches!(p.relation(c), "nmod" | "appos"))
            .filter(|&c| {
                p.relation(c) == "appos" || case_is(p, c, &["of", "including", "include", "such"])
            })
            .find_map(|c| mention_at(mentions, c).map(|m| (m, c)))
    };
    let base = match mention_at(mentions, head) {
        Some(m) => Some((m, head)),
        None => of_mention(head).or_else(|| {
            // "tens *of thousands of* students": quantities of quantities
            let mut n = head;
            for _ in 0..2 {
                n = p
                    .dependents(n, "nmod")
                    .find(|&c| case_is(p, c, &["of"]) && is_quantity_noun(p, c))?;
                if let Some(found) = of_mention(n) {
                    return Some(found);
                }
            }
            None
        }),
    };
    if let Some((m, at)) = base {
        out.push(m);
        // "US and British activists": a modifier conjoined to the
        // mention's own adjective names another side with the same role.
        let (a, b) = mentions[m].tok;
        // (a two-word adjective, "*Sierra Leonean* and Liberian refugees",
        // may be parsed as a possessor without its "'s")
        for &c in p.children(at) {
            let poss = p.words[c].deprel == "nmod:poss";
            if !(matches!(p.relation(c), "compound" | "amod") || poss) {
                continue;
            }
            let Some(k) =
                mention_at(mentions, c).filter(|&k| k != m && !(poss && mentions[k].possessive))
            else {
                continue;
            };
            let shares_role = mentions[k].actor.sector.is_some()
                && p.dependents(c, "conj").any(|d| a <= d && d < b);
            if shares_role && !out.contains(&k) {
                out.push(k);
            }
        }
        // "French, Chinese and Russian diplomats", "by French, Chinese and
        // Russian diplomats": the adjectives listed with it that took the
        // list's role noun (actors::compose), however the parser hung them
        // (in the order of the sentence: those before it go before it)
        let mut run = role_list(p, mentions, m);
        run.retain(|k| !out.contains(k));
        let at_m = out.iter().position(|&k| k == m).unwrap_or(0);
        let split = run.partition_point(|&k| k < m);
        out.splice(at_m..at_m, run[..split].iter().copied());
        out.extend_from_slice(&run[split..]);
        // "China and India": the mentions conjoined to it.
        conjoined(p, mentions, at, &mut out);
    }
    conjoined(p, mentions, head, &mut out);
    if base.is_none() {
        // "Russia's trading partners, including China and India"
        for c in p.dependents(head, "nmod") {
            if case_is(p, c, &["including", "include", "like", "such"]) {
                for m in mentions_of(p, mentions, c) {
                    if !out.contains(&m) {
                        out.push(m);
                    }
                }
            }
        }
    }
    out.retain(|&m| !mentions[m].possessive);
    // "the Syrian Kurdish militia, the YPG": a description and the name
    // after it, one comma apart and of one code, are one side (the parser
    // may join them as a list); the name stands for both.
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&mentions[out[i]], &mentions[out[i + 1]]);
        let between = p.words.get(a.tok.1..b.tok.0).unwrap_or_default();
        // (a comma and a determiner: "X, the Y"; not a list, "X, Y and Z")
        let one_comma = between.first().is_some_and(|w| w.lemma == ",")
            && between.get(1).is_some_and(|w| w.upos == "DET")
            && between[1..].iter().all(|w| matches!(w.upos, "DET" | "ADJ"));
        if one_comma
            && a.actor.kb_id.is_none()
            && b.actor.kb_id.is_some()
            && a.actor.cameo.is_some()
            && a.actor.cameo == b.actor.cameo
        {
            out.remove(i);
        } else {
            i += 1;
        }
    }
    out
}

/// The other members of the list of adjectives that shares a role noun
/// with mention `m` ("*French*, *Chinese* and Russian diplomats"): the
/// mentions next to it, one "," "and" "or" or ", and" apart, that have its
/// sector but another country and no entity of their own, each but the
/// last one word. In the order of the sentence.
fn role_list(p: &ParsedSentence<'_>, mentions: &[Mention], m: usize) -> Vec<usize> {
    let listed = |a: &Mention, b: &Mention| {
        let gap = p.words.get(a.tok.1..b.tok.0).unwrap_or_default();
        matches!(gap, [w] if matches!(w.lemma.as_str(), "," | "and" | "or"))
            || matches!(gap, [c, w] if c.lemma == "," && matches!(w.lemma.as_str(), "and" | "or"))
    };
    // (adjectives with a role noun name no one entity: not "Ankara, Trump")
    let same_role = |x: &Mention| {
        x.actor.kb_id.is_none()
            && x.actor.sector.is_some()
            && x.actor.sector == mentions[m].actor.sector
            && x.actor.country.is_some()
            && x.actor.country != mentions[m].actor.country
    };
    let one_word = |x: &Mention| x.tok.1 == x.tok.0 + 1;
    let mut out = Vec::new();
    if mentions[m].actor.kb_id.is_some() {
        return out;
    }
    // (mentions are in the order of the sentence)
    let mut k = m;
    while k > 0 && listed(&mentions[k - 1], &mentions[k]) && one_word(&mentions[k - 1]) {
        if !same_role(&mentions[k - 1]) {
            break;
        }
        k -= 1;
        out.insert(0, k);
    }
    let mut k = m;
    while one_word(&mentions[k])
        && k + 1 < mentions.len()
        && listed(&mentions[k], &mentions[k + 1])
        && same_role(&mentions[k + 1])
    {
        k += 1;
        out.push(k);
    }
    out
}

/// Adds to `out` the mentions conjoined to word `n`, also where the
/// parser chained the conjuncts ("Bahrain and Egypt" hung on "Bahrain"),
/// and an apposition inside the list ("Saudi Arabia, *the UAE*, Bahrain
/// and Egypt", the second member read as an apposition of the first).
fn conjoined(p: &ParsedSentence<'_>, mentions: &[Mention], n: usize, out: &mut Vec<usize>) {
    // (most words have no conjunct: nothing to walk, nothing allocated)
    if p.dependents(n, "conj").next().is_none() {
        return;
    }
    let mut todo: Vec<usize> = p.dependents(n, "conj").collect();
    if let Some(&first) = todo.iter().min() {
        todo.extend(p.dependents(n, "appos").filter(|&a| a < first));
    }
    let mut words = Vec::new();
    while let Some(c) = todo.pop() {
        if words.len() > 32 {
            break;
        }
        words.push(c);
        todo.extend(p.dependents(c, "conj"));
    }
    // (in the order of the sentence)
    words.sort_unstable();
    // ("Nakasone, *but not* Sumita, is due to attend": a member the list
    // excludes is none of it)
    let excluded = |c: usize| {
        p.children(c)
            .iter()
            .any(|&k| p.relation(k) == "advmod" && p.lemma_is(k, &["not"]))
    };
    for c in words {
        if excluded(c) {
            continue;
        }
        if let Some(k) = mention_at(mentions, c) {
            if !out.contains(&k) {
                out.push(k);
            }
        }
    }
}

/// "thousands", "dozens", "hundreds": a noun that counts what its
/// of-phrase names.
fn is_quantity_noun(p: &ParsedSentence<'_>, n: usize) -> bool {
    p.lemma_is(
        n,
        &[
            "ten",
            "tens",
            "hundred",
            "hundreds",
            "thousand",
            "thousands",
            "million",
            "millions",
            "dozen",
            "dozens",
            "score",
            "scores",
        ],
    )
}

/// The mentions a nominal without one of its own stands for through its
/// modifiers: "Druze inhabitants of the *Syrian* Golan Heights", "opposition
/// groups in *Zimbabwe*", "*Cairo*'s security chief" — the nearest mention
/// among its adjectives, compounds, possessor and `of`/`in`/`from` phrases.
pub(crate) fn modifier_mentions(
    p: &ParsedSentence<'_>,
    mentions: &[Mention],
    head: usize,
) -> Vec<usize> {
    let mut best: Option<(usize, usize, usize)> = None;
    for &c in p.children(head) {
        // The possessor by its subtype: `relation` is the universal part
        // ("nmod"), which would ask the possessor for a preposition.
        let ok = match p.relation(c) {
            "amod" | "compound" => true,
            "nmod" if p.words[c].deprel == "nmod:poss" => true,
            // "*Turkish presidential adviser* Mesut Casin": the title
            // before a name the actor base does not know
            "nmod" if p.words[c].deprel == "nmod:desc" => c < head,
            // "The Hizbollah (Party of God) group": the parser may hang a
            // name before its parenthesis on the noun as a subject.
            "nsubj" => c < head,
            "nmod" => case_is(p, c, &["of", "in", "from"]),
            _ => false,
        };
        if !ok {
            continue;
        }
        // The modifier itself, or a mention inside its own modifiers
        // ("of the Syrian Golan Heights").
        let found = mention_at(mentions, c)
            .filter(|&m| !mentions[m].possessive || mentions[m].place)
            .or_else(|| {
                p.children(c)
                    .iter()
                    .filter(|&&g| matches!(p.relation(g), "amod" | "compound"))
                    .find_map(|&g| mention_at(mentions, g))
            })
            // "a *US*-led coalition strike": the side that leads it (the
            // parser hangs the name on "led")
            .or_else(|| {
                (p.relation(c) == "amod" && p.lemma_is(c, &["lead"]))
                    .then(|| p.children(c).iter().find_map(|&g| mention_at(mentions, g)))
                    .flatten()
            });
        // "a *military* offensive", "joint *army* exercises": a side with no
        // country named that only says what kind of act it is.
        let found = found.filter(|&m| {
            !(matches!(p.relation(c), "amod" | "compound")
                && mentions[m].actor.country.is_none()
                && p.lemma_is(head, KIND_NOUNS))
        });
        if let Some(m) = found {
            let d = c.abs_diff(head);
            if best.is_none_or(|(_, bd, _)| d < bd) {
                best = Some((m, d, c));
            }
        }
    }
    let Some((m, _, c)) = best else {
        return Vec::new();
    };
    // "*Canadian and Mexican* exports": the adjectives conjoined to it
    let mut out = vec![m];
    if matches!(p.relation(c), "amod" | "compound") {
        for d in p.dependents(c, "conj") {
            if let Some(k) = mention_at(mentions, d).filter(|k| !out.contains(k)) {
                out.push(k);
            }
        }
    }
    out
}

/// Acts and means that a sector's adjective ("military", "police") only
/// classifies: "military aid" is no one's.
const KIND_NOUNS: &[&str] = &[
    "aid",
    "assistance",
    "support",
    "cooperation",
    "exercise",
    "drill",
    "manoeuvre",
    "maneuver",
    "offensive",
    "operation",
    "action",
    "intervention",
    "campaign",
    "presence",
    "pressure",
    "option",
    "solution",
    "strike",
    "buildup",
    "build-up",
    "spending",
    "budget",
    "equipment",
    "hardware",
    "program",
    "programme",
    "deployment",
    "reform",
    "rule",
    "training",
    "capability",
    "threat",
    "clash",
    "activity",
    "contact",
];

/// The mentions nominal `n` stands for: its own ([`mentions_of`]), else
/// those of its modifiers ([`modifier_mentions`]).
pub(crate) fn nominal_mentions(
    p: &ParsedSentence<'_>,
    mentions: &[Mention],
    n: usize,
) -> Vec<usize> {
    let own = mentions_of(p, mentions, n);
    if own.is_empty() {
        modifier_mentions(p, mentions, n)
    } else {
        own
    }
}

/// The mentions the subject of `verb` stands for: the subject's own
/// mentions, its modifiers' (see [`modifier_mentions`]), or — for a
/// pronoun ("Palestinian leaders said *they* would boycott …", "Sharon,
/// *who* has vowed …") — those of the subject of the clause it depends on,
/// or the noun a relative clause modifies.
pub(crate) fn subject_mentions(
    p: &ParsedSentence<'_>,
    mentions: &[Mention],
    verb: usize,
) -> Vec<usize> {
    let Some(h) = p
        .subject(verb)
        .or_else(|| participle_subject(p, verb))
        .or_else(|| adjunct_subject(p, verb))
        .or_else(|| included_in(p, verb).and_then(|k| p.subject(k)))
        .or_else(|| described_doer(p, verb))
    else {
        return owner_of_plan(p, mentions, verb);
    };
    let w = &p.words[h];
    if w.upos != "PRON" {
        // "VOA: Iranian President Pezeshkian visited Iraq": a label before
        // a colon is no subject; the name the parser hung on it, or set
        // beside it as a second subject, is.
        let label = mention_at(mentions, h)
            .and_then(|k| p.words.get(mentions[k].tok.1))
            .is_some_and(|c| c.lemma == ":");
        if label {
            let beside = p
                .children(h)
                .iter()
                .copied()
                .filter(|&c| c > h && p.relation(c) == "appos")
                .chain(
                    p.children(verb)
                        .iter()
                        .copied()
                        .filter(|&c| c > h && p.relation(c) == "nsubj"),
                )
                .map(|c| nominal_mentions(p, mentions, c))
                .find(|f| !f.is_empty());
            if let Some(found) = beside {
                return found;
            }
        }
        return nominal_mentions(p, mentions, h);
    }
    let lemma = w.lemma.to_ascii_lowercase();
    if matches!(lemma.as_str(), "who" | "which" | "that") {
        // The relative clause's verb hangs on the noun it describes.
        let v = p
            .ancestors(verb)
            .find(|&a| p.words[a].deprel == "acl:relcl");
        let n = v.and_then(|v| p.head(v));
        let described = n
            .map(|n| nominal_mentions(p, mentions, n))
            .unwrap_or_default();
        // ("in the face of Russia and the cruelty of the Syrian president,
        // Bashar al-Assad, *who* has shelled …", the clause hung on
        // "face"): a "who" hung on a word that names no one is the person
        // named right before it.
        if lemma == "who" && n.is_some_and(|n| mention_at(mentions, n).is_none()) {
            // (the word before "who", past a comma)
            let before = match h.checked_sub(1) {
                Some(b) if p.words[b].lemma == "," => b.checked_sub(1),
                b => b,
            };
            let named = before
                .and_then(|b| mention_at(mentions, b).filter(|&k| mentions[k].tok.1 == b + 1))
                .filter(|k| !described.contains(k) && !mentions[*k].place);
            if let Some(k) = named {
                return vec![k];
            }
        }
        return described;
    }
    if !matches!(lemma.as_str(), "he" | "she" | "they" | "it" | "we") {
        return Vec::new();
    }
    if let Some(found) = harmed_antecedent(p, mentions, h, &lemma) {
        return found;
    }
    // (In a direct quotation, "he", "she" or "they" is someone the speaker
    // talks about, never the speaker, who would say "I" or "we": 'Duclos
    // said, "*They* want to sell weapons"' is not Duclos's sale. A
    // spokesman's or a statement's "he" or "she" is whom it speaks for:
    // '"*He* urged Turkey to de-escalate," a White House statement said'.)
    let quoted = matches!(lemma.as_str(), "he" | "she" | "they")
        .then(|| quotation(p, h))
        .flatten();
    let speaker = quoted.as_ref().and_then(|_| p.reporting_verb(h));
    // A personal pronoun: the subject of an enclosing clause ("said *they*
    // would …" → the one who said).
    for a in p.ancestors(verb).skip(1) {
        if let (Some(q), Some(r)) = (&quoted, speaker) {
            let for_another =
                lemma != "they" && p.subject(r).is_some_and(|s| p.lemma_is(s, SPEAKING_FOR));
            if a == r && !q.contains(&a) && !for_another {
                break;
            }
        }
        if let Some(h2) = p.subject(a).filter(|&h2| h2 != h) {
            if p.words[h2].upos == "PRON" {
                continue;
            }
            let found = nominal_mentions(p, mentions, h2);
            // ("where *he* agreed to do so, Reuters reported": a person,
            // not the news agency that tells it)
            let agency = matches!(lemma.as_str(), "he" | "she")
                && !found.is_empty()
                && found.iter().all(|&k| is_agency(&mentions[k]));
            if agency {
                continue;
            }
            return found;
        }
    }
    Vec::new()
}

/// A named news organisation ("Reuters", "TASS"), which no "he" or "she"
/// stands for.
pub(crate) fn is_agency(m: &Mention) -> bool {
    m.actor.sector.as_deref() == Some("MED") && m.actor.kb_id.is_some()
}

/// Who speaks for another: a quotation's "he" or "she" is that other.
pub(crate) const SPEAKING_FOR: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "statement",
    "office",
    "aide",
];

/// The words of the direct quotation that word `i` stands in, if it does:
/// after an odd number of double quotation marks, up to the next one.
pub(crate) fn quotation(p: &ParsedSentence<'_>, i: usize) -> Option<std::ops::Range<usize>> {
    let mark = |k: usize| p.words[k].upos == "PUNCT" && p.words[k].lemma == "\"";
    let before: Vec<usize> = (0..i).filter(|&k| mark(k)).collect();
    if before.len() % 2 == 0 {
        return None;
    }
    let open = *before.last()?;
    let close = (i + 1..p.len()).find(|&k| mark(k)).unwrap_or(p.len());
    Some(open + 1..close)
}

/// Verbs of harm or blame done to their object, whose clause of time or
/// reason most often tells what the object did.
const HARM_TO_OBJECT: &[&str] = &[
    "arrest",
    "detain",
    "evict",
    "expel",
    "deport",
    "kill",
    "shoot",
    "attack",
    "beat",
    "disperse",
    "jail",
    "imprison",
    "punish",
    "sanction",
    "raid",
    "bomb",
    "sentence",
    "convict",
    "accuse",
    "blame",
    "condemn",
    "criticize",
    "criticise",
    "denounce",
    "sack",
    "suspend",
    "ban",
    "fine",
    "charge",
    "prosecute",
    "execute",
    "torture",
    "target",
];

/// The side a subject pronoun `h` ("he", "she", "they") of a clause of
/// time or reason stands for when the clause hangs on a verb of harm or
/// blame whose object agrees with it: "police evicted the workers after
/// *they* began a hunger strike" (the workers, not the police), "the army
/// arrested Odinga because *he* led the march". A singular object for
/// "they", or a plural one for "he", leaves the pronoun to the enclosing
/// subject ("police arrested a man after *they* searched his house").
fn harmed_antecedent(
    p: &ParsedSentence<'_>,
    mentions: &[Mention],
    h: usize,
    lemma: &str,
) -> Option<Vec<usize>> {
    let plural = match lemma {
        "they" => true,
        "he" | "she" => false,
        _ => return None,
    };
    let clause = p.head(h)?;
    if p.relation(clause) != "advcl" || h > clause {
        return None;
    }
    let mark = p.marker(clause)?;
    if !p.lemma_is(
        mark,
        &[
            "after", "because", "when", "as", "since", "before", "until", "once",
        ],
    ) {
        return None;
    }
    let a = p.head(clause)?;
    if !p.lemma_is(a, HARM_TO_OBJECT) || p.is_passive(a) {
        return None;
    }
    let o = p.object(a).filter(|&o| o < clause)?;
    mention_at(mentions, o)?;
    let found = nominal_mentions(p, mentions, o);
    let several = found.len() >= 2 || matches!(p.words[o].xpos, "NNS" | "NNPS");
    if found.is_empty() || several != plural {
        return None;
    }
    // ("he"/"she": a person's name, not a country or a town)
    if !plural && (p.words[o].upos != "PROPN" || found.iter().any(|&k| mentions[k].place)) {
        return None;
    }
    Some(found)
}

/// Whether the parse names verb `v`'s subject by a proper name that is no
/// actor mention: "de Mistura may not want to alienate Putin *by
/// boycotting* the talks" is de Mistura's act, whom the actor base does
/// not know, not Putin's, the nearest name to its left.
pub(crate) fn unknown_named_subject(
    p: &ParsedSentence<'_>,
    mentions: &[Mention],
    v: usize,
) -> bool {
    // (a second subject the parser gave the verb may be the known one:
    // "North *Sea* oil …, *Britain* has refused")
    let known_subject = p.children(v).iter().any(|&c| {
        matches!(p.relation(c), "nsubj" | "csubj") && !nominal_mentions(p, mentions, c).is_empty()
    });
    !known_subject
        && p.subject(v)
            .or_else(|| participle_subject(p, v))
            .or_else(|| adjunct_subject(p, v))
            .is_some_and(|h| unknown_name(p, mentions, h))
}

/// Whether the parse gives verb `v` a subject left of it that is a common
/// noun or a number whose phrase names no actor: "as last weekend's aerial
/// *clashes* demonstrated", "world *powers* have moved to support opposing
/// factions". The doer is that phrase, which the actor base does not know,
/// not the nearest name further left. (A passive's subject is what was
/// done to: "weapons *were seized* … by security forces".)
pub(crate) fn unknown_common_subject(
    p: &ParsedSentence<'_>,
    mentions: &[Mention],
    v: usize,
) -> bool {
    // (No mention may stand right before the phrase or between its start
    // and the verb: the parser may have cut the phrase short, "*Members*
    // of the Association of African Jurists, a body linked to the
    // Organization of African Unity, investigated …", "on Saturday, Isis
    // *members* fired …", or taken the wrong word for the subject.)
    p.subject(v).is_some_and(|h| {
        let from = p.subtree(h).start;
        h < v
            && matches!(p.words[h].upos, "NOUN" | "NUM")
            && p.words[h].deprel != "nsubj:pass"
            && !mentions.iter().any(|m| m.tok.1 >= from && m.tok.0 < v)
    })
}

/// The verb whose object is the mention ending right before word `k`
/// ("an operation *rescued* 190 passengers | and killed …"): the word left
/// of the mention's phrase (past its determiners, numbers and adjectives)
/// is a verb other than "be" or "have".
pub(crate) fn verb_of_object_before(
    p: &ParsedSentence<'_>,
    mentions: &[Mention],
    k: usize,
) -> Option<usize> {
    let m = mentions.iter().find(|m| m.tok.1 == k && !m.possessive)?;
    let mut i = m.tok.0;
    while i > 0 && matches!(p.words[i - 1].upos, "DET" | "NUM" | "ADJ") {
        i -= 1;
    }
    let v = i.checked_sub(1)?;
    (p.words[v].upos == "VERB" && !p.lemma_is(v, &["be", "have"])).then_some(v)
}

/// Whether verb `v` heads a relative clause whose subject is the relative
/// pronoun of a noun that names no actor ("British jihadists *who refused*
/// to leave", with no mention for the jihadists): its doer is that noun,
/// not a name further left.
pub(crate) fn unknown_relative_subject(
    p: &ParsedSentence<'_>,
    mentions: &[Mention],
    v: usize,
) -> bool {
    p.words[v].deprel == "acl:relcl"
        && p.subject(v)
            .is_some_and(|h| p.words[h].upos == "PRON" && p.lemma_is(h, &["who", "which", "that"]))
        && p.head(v)
            .is_some_and(|n| nominal_mentions(p, mentions, n).is_empty())
}

/// Whether word `h` is a capitalised proper name that no mention covers,
/// nor any part of its phrase ("*Mr* Erdoğan", "Chinese Commerce Minister
/// Wang *Wentao*"). Not a first word, a day or a lower-case word the tagger
/// took for a name ("*Protesters* poured into …", "early *Saturday*").
fn unknown_name(p: &ParsedSentence<'_>, mentions: &[Mention], h: usize) -> bool {
    let w = &p.words[h];
    let phrase = p.subtree(h);
    h > 0
        && w.upos == "PROPN"
        && w.xpos == "NNP"
        && w.lemma.starts_with(char::is_uppercase)
        && !dyad_lexicon::is_day_or_month(&w.lemma.to_ascii_lowercase())
        && nominal_mentions(p, mentions, h).is_empty()
        && !mentions
            .iter()
            .any(|m| m.tok.0 < phrase.end && phrase.start < m.tok.1)
}

/// "Insurgents bombarded the city, *killing* eight people", "summoned the
/// envoy *to complain*", "*after meeting* Putin, Witkoff said": an adverbial
/// clause with no subject of its own, made of a gerund or an infinitive,
/// has the subject of the active clause it modifies.
///
/// After a verb with an object, a gerund that a preposition introduces is
/// the object's deed: "warned activists *against staging* protests",
/// "prevented Iran *from building* …", "accused it *of supporting* …".
pub(crate) fn adjunct_subject(p: &ParsedSentence<'_>, v: usize) -> Option<usize> {
    // "killing one person *and arresting* 12": a conjunct shares the
    // first verb's place.
    let mut v = v;
    while p.relation(v) == "conj" {
        v = p.head(v)?;
    }
    if p.relation(v) != "advcl" {
        return None;
    }
    let kids = p.children(v);
    if kids
        .iter()
        .any(|&c| matches!(p.relation(c), "nsubj" | "csubj" | "expl"))
    {
        return None;
    }
    let infinitive = kids
        .iter()
        .any(|&c| p.relation(c) == "mark" && p.words[c].lemma.eq_ignore_ascii_case("to"));
    if !(p.words.get(v)?.xpos == "VBG" || infinitive) {
        return None;
    }
    let h = p.head(v)?;
    // "extracted promises *from Turkey* to support a campaign", "won a
    // pledge from Iran to halt enrichment": an infinitive right after a
    // promise that names who makes it with "from" is the promiser's deed,
    // not the subject's who obtains it
    if infinitive {
        let promiser = p
            .dependents(h, "obj")
            .filter(|&o| o < v && p.subtree(o).end == p.subtree(v).start)
            .find_map(|o| from_promiser(p, o));
        if promiser.is_some() {
            return promiser;
        }
    }
    if p.is_passive(h) {
        return None;
    }
    let object_control = kids.iter().any(|&c| {
        p.relation(c) == "mark"
            && ["against", "from", "into", "of", "for"]
                .iter()
                .any(|m| p.words[c].lemma.eq_ignore_ascii_case(m))
    });
    if object_control {
        if let Some(&o) = p.children(h).iter().find(|&&c| p.relation(c) == "obj") {
            return Some(o);
        }
    }
    p.subject(h)
}

/// The "from" phrase of a noun of promise that names who makes it ("a
/// pledge *from Iran*").
fn from_promiser(p: &ParsedSentence<'_>, n: usize) -> Option<usize> {
    if !p.lemma_is(
        n,
        &[
            "promise",
            "pledge",
            "assurance",
            "guarantee",
            "commitment",
            "undertaking",
        ],
    ) {
        return None;
    }
    p.dependents(n, "nmod").find(|&c| case_is(p, c, &["from"]))
}

/// "Trump's decision *to withdraw* troops", "Russia's plan *to annex* …":
/// an infinitive that completes a noun is done by the noun's possessor (or,
/// for "its decision to …", by the subject of the verb the noun depends
/// on).
fn owner_of_plan(p: &ParsedSentence<'_>, mentions: &[Mention], v: usize) -> Vec<usize> {
    let infinitive = p.relation(v) == "acl"
        && p.children(v)
            .iter()
            .any(|&c| p.relation(c) == "mark" && p.words[c].lemma.eq_ignore_ascii_case("to"));
    let Some(n) = p.head(v).filter(|_| infinitive) else {
        return Vec::new();
    };
    // ("promises *from Turkey* to support": who makes the promise)
    if let Some(x) = from_promiser(p, n) {
        return nominal_mentions(p, mentions, x);
    }
    let Some(&owner) = p
        .children(n)
        .iter()
        .find(|&&c| p.words[c].deprel == "nmod:poss")
    else {
        return Vec::new();
    };
    if p.words[owner].upos != "PRON" {
        return mention_at(mentions, owner).into_iter().collect();
    }
    p.head(n)
        .map(|g| subject_mentions(p, mentions, g))
        .unwrap_or_default()
}

/// Whether nominal `n`'s case marker is one of `cases`.
/// "Britain will take any measures necessary to prevent Iran from
/// acquiring a weapon, *including reimposing* sanctions": a gerund after
/// "including" is one of the acts of the nearest verb before it that has
/// a subject; returns that verb.
pub(crate) fn included_in(p: &ParsedSentence<'_>, v: usize) -> Option<usize> {
    // (or right after it, however the parser hung them: it may make the
    // gerund a modifier of its object, "including reimposing sanctions")
    let included = p.words[v].xpos == "VBG"
        && (p
            .children(v)
            .iter()
            .any(|&c| matches!(p.relation(c), "case" | "mark") && p.lemma_is(c, &["include"]))
            || (v > 0 && p.words[v - 1].xpos == "VBG" && p.lemma_is(v - 1, &["include"])));
    if !included {
        return None;
    }
    (0..v)
        .rev()
        .find(|&k| p.words[k].upos == "VERB" && p.subject(k).is_some())
}

pub(crate) fn case_is(p: &ParsedSentence<'_>, n: usize, cases: &[&str]) -> bool {
    p.case_marker(n).is_some_and(|c| {
        cases
            .iter()
            .any(|x| p.words[c].lemma.eq_ignore_ascii_case(x))
    })
}

/// Whether `verb` has a future auxiliary ("will meet", "is going to").
pub(crate) fn is_future(p: &ParsedSentence<'_>, verb: usize) -> bool {
    p.dependents(verb, "aux")
        .any(|a| matches!(p.words[a].lemma.as_str(), "will" | "shall" | "'ll"))
}

/// Whether `verb` has a hypothetical modal ("would", "could", "might", "may").
pub(crate) fn is_hypothetical(p: &ParsedSentence<'_>, verb: usize) -> bool {
    p.dependents(verb, "aux").any(|a| {
        matches!(
            p.words[a].lemma.as_str(),
            "would" | "could" | "might" | "may" | "should" | "can"
        )
    })
}

/// "The civilians *imprisoned* for protesting were released": a past
/// participle right after its noun, which the parser made a clause of its
/// own with the noun as its subject, while the sentence's finite verb
/// ("were released"), left without a subject, hangs on it or it on that
/// verb. Returns the noun: what the participle describes (the
/// participle's object, not its doer) and the subject of that verb.
pub(crate) fn misparsed_participle(p: &ParsedSentence<'_>, v: usize) -> Option<usize> {
    if !matches!(p.words.get(v)?.xpos, "VBN" | "VBD") {
        return None;
    }
    // The finite verb left without a subject, after the participle.
    let finite_without_subject = |h: usize| {
        h > v
            && p.words[h].upos == "VERB"
            && !p
                .children(h)
                .iter()
                .any(|&c| matches!(p.relation(c), "nsubj" | "csubj" | "expl" | "mark"))
    };
    let stolen = match p.relation(v) {
        // "civilians imprisoned …" an adverbial clause of "released"
        "advcl" => p
            .head(v)
            .is_some_and(|h| p.words[v].xpos == "VBN" && finite_without_subject(h)),
        // "civilians imprisoned …" the root, "were released" its complement
        "root" => p.children(v).iter().any(|&h| {
            matches!(p.relation(h), "ccomp" | "advcl")
                && finite_without_subject(h)
                && p.children(h)
                    .iter()
                    .any(|&c| p.words[c].deprel == "aux:pass")
        }),
        _ => false,
    };
    let clause_words = |c: usize| {
        matches!(
            p.relation(c),
            "aux" | "mark" | "cop" | "expl" | "obj" | "iobj"
        )
    };
    if !stolen || p.children(v).iter().any(|&c| clause_words(c)) {
        return None;
    }
    let n = p
        .children(v)
        .iter()
        .copied()
        .find(|&c| p.relation(c) == "nsubj")
        .filter(|&n| n < v && matches!(p.words[n].upos, "NOUN" | "PROPN"))?;
    // Nothing between the noun and the participle but the noun's own words.
    (n + 1..v)
        .all(|k| p.ancestors(k).any(|a| a == n))
        .then_some(n)
}

/// "territory held by *insurgents* fighting the Syrian president": a
/// present participle describing the noun before it is that noun's deed.
fn described_doer(p: &ParsedSentence<'_>, v: usize) -> Option<usize> {
    // (not one a conjunction opens: "expelled diplomats from three
    // countries *for taking part* in protests"), nor a gerund that is a
    // noun ("Saleh, *whose killing* at the hands of rebels")
    let noun_like = p
        .children(v)
        .iter()
        .any(|&c| matches!(p.words[c].deprel, "mark" | "nmod:poss" | "det"));
    (p.words[v].xpos == "VBG" && p.relation(v) == "acl" && !noun_like)
        .then(|| p.head(v))
        .flatten()
        .filter(|&n| n < v && matches!(p.words[n].upos, "NOUN" | "PROPN"))
}

/// The subject [`misparsed_participle`] took from verb `v`, if any.
pub(crate) fn participle_subject(p: &ParsedSentence<'_>, v: usize) -> Option<usize> {
    let near = p.head(v).into_iter().chain(p.children(v).iter().copied());
    near.filter_map(|c| misparsed_participle(p, c))
        .find(|&n| n < v)
}
