//! The events stage: triggers found in a sentence, their actors and
//! recipients, modality, dates and place.

use dyad_lexicon::{Element, Frame, Lexicon, TriggerMatch, TriggerPattern, VerbForm};
use dyad_model::{EventType, Modality};
use dyad_nlp::ParsedSentence;

use crate::actors::Mention;
use crate::clauses::{is_boundary, is_hard_boundary, is_reporting, Clauses};
use crate::dates::DateExpr;
use crate::syntax::{
    case_is, is_future, is_hypothetical, mention_at, mentions_of, misparsed_participle,
    modifier_mentions, nominal_mentions, participle_subject, subject_mentions,
    unknown_common_subject, unknown_named_subject, unknown_relative_subject, Syntax,
};
use crate::text::{is_auxiliary, is_determiner, is_negation, is_preposition, Sentence};

/// An event found in a sentence, before assembly into the output record.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub trigger: TriggerMatch,
    /// Indices into the sentence's mentions.
    pub actors: Vec<usize>,
    pub recipients: Vec<usize>,
    pub how: String,
    pub modality: Modality,
    /// Indices into the sentence's date expressions.
    pub date: Option<usize>,
    pub deadline: Option<usize>,
    pub location: Option<usize>,
    /// Negated as an announced refusal ("will not accept", "would not
    /// meet", "failed to reach"), not a plain "has not agreed".
    pub refused: bool,
    /// The guests' side of a hosted visit (CAMEO 043): coded as their
    /// visit (042) to the host.
    pub visit: bool,
    /// Which of the dyads of one joint act among three or more sides this
    /// is (0 for every other event): "the US, Russia and Switzerland met"
    /// is US→{Russia, Switzerland} and, as part 1, Russia→Switzerland.
    pub part: usize,
    /// The words of a period before or after the story's day that date
    /// it ("in 2017", "last month", "next week"): it has no day, and is not
    /// dated on the story's.
    pub past: Option<(usize, usize)>,
    /// The date hangs on a clause above the trigger's (the saying that
    /// reports it), so it is resolved as past.
    pub date_above: bool,
    /// A future act that is scheduled ("is expected to meet"), not
    /// announced by its doer: coded as the act, not as an intent.
    pub scheduled: bool,
    /// A past act in a clause of earlier time ("since Russia invaded
    /// Ukraine"): background, with no day.
    pub background: bool,
    /// The sentence's attribution is in a clause joined to the trigger's
    /// and does not report it (see [`outside_attribution`]).
    pub unattributed: bool,
    /// The speaker of a gerund of saying whose complement the trigger is
    /// in ("Chile closed the border, *saying* Peruvian rebels had
    /// attacked a village"), and the speaker's words (see
    /// [`gerund_saying`]).
    pub said_by: Option<(usize, (usize, usize))>,
    /// Done by the source to itself with no one else named ("a soldier
    /// killed himself"): no event, but a side's report of it may accuse
    /// the doer (see [`accusation`]).
    pub self_done: bool,
}

/// Types whose complement ("threatened to …", "demanded that …") states
/// what is wanted, not what happened: triggers inside it are not events.
/// A protest's purpose ("rallied to demand reforms") is what it is about.
/// Whether the match ending before token `end` ends in "up" of "up to"
/// a number ("contribute up to 4,000 troops"): a quantity, no particle.
fn up_to_number(s: &Sentence<'_>, end: usize) -> bool {
    end > 0
        && s.word(end - 1) == "up"
        && s.word(end) == "to"
        && s.word(end + 1).starts_with(|c: char| c.is_ascii_digit())
}

/// The first hard boundary at or after token `from` (the end of the
/// sentence if none): how far a trigger's complement reaches.
fn clause_end(s: &Sentence<'_>, from: usize) -> usize {
    let n = s.words.len();
    (from..n).find(|&j| is_hard_boundary(s, j)).unwrap_or(n)
}

/// What markets trade, whose "rally" is a rise in price.
const MARKET_WORDS: &[&str] = &[
    "sugar", "cocoa", "coffee", "wheat", "grain", "corn", "soybean", "gold", "silver", "copper",
    "tin", "oil", "crude", "dollar", "yen", "sterling", "mark", "franc", "stock", "share", "bond",
    "price", "market", "futures", "equity", "currency", "rubber", "cotton", "metal", "index",
];

/// Nature's blows, which no side strikes ("storms killed two").
const DISASTERS: &[&str] = &[
    "storm",
    "flood",
    "earthquake",
    "quake",
    "typhoon",
    "cyclone",
    "hurricane",
    "tornado",
    "landslide",
    "avalanche",
    "drought",
    "blizzard",
    "mudslide",
    "tsunami",
    "rain",
    "snow",
    "flooding",
];

/// The words of a readiness to act, as adjectives ("is ready to talk").
const READY_WORDS: &[&str] = &["ready", "willing", "prepared"];

/// Failing or refusing to do what the open complement says ("failed to
/// reach", "unwilling to accept", "reluctant to send"): the act is not
/// done, a refusal. ("unwill": the lemma of "unwilling" the tagger took
/// for a verb.)
const FAILING: &[&str] = &[
    "fail",
    "unwilling",
    "unwill",
    "reluctant",
    "unable",
    "loath",
    "loth",
];

/// The rows of a readiness to act ("ready to", "willing to", "prepared to").
const READINESS: [&str; 3] = ["ready to", "willing to", "prepared to"];

fn governs_complement(t: EventType) -> bool {
    matches!(
        t,
        EventType::Protest
            | EventType::Request
            | EventType::Threaten
            | EventType::Reject
            | EventType::Agree
            | EventType::Accuse
            | EventType::Support
            | EventType::Concede
    )
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn find(
    lex: &Lexicon,
    doc_text: &str,
    s: &Sentence<'_>,
    mentions: &[Mention],
    clauses: &Clauses,
    dates: &[DateExpr],
    periods: &[crate::dates::Period],
    syntax: &mut Syntax,
    mut notes: Option<&mut Vec<String>>,
) -> Vec<Found> {
    // Every event names at least one actor mention as source or recipient:
    // a sentence without any has none, and is not parsed (unless explained).
    if mentions.is_empty() && notes.is_none() {
        return Vec::new();
    }
    // The notes are written only when explaining.
    let explaining = notes.is_some();
    let mut note = |msg: &dyn Fn() -> String| {
        if let Some(n) = notes.as_deref_mut() {
            n.push(msg());
        }
    };
    let words = &s.words;
    let n = words.len();
    let in_mention = |i: usize| mentions.iter().any(|m| m.tok.0 <= i && i < m.tok.1);
    let in_condition = |i: usize| clauses.condition.is_some_and(|(a, b)| a <= i && i < b);
    let mut out: Vec<Found> = Vec::new();
    // Triggers inside the complement of a directive are skipped up to here.
    let mut governed_until = 0usize;
    // The first word of what a readiness is to do, coded in its stead.
    let mut ready_complement: Option<usize> = None;
    // A position to match again, and the token the match must end before.
    let mut cut: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < n {
        // "according to" is an attribution, never the verb "accord".
        if in_mention(i)
            || is_reporting(s, i)
            || (s.word(i) == "according" && s.word(i + 1) == "to")
        {
            i += 1;
            continue;
        }
        // "Russia said that Sudan must return …": the speaker demands it
        // (so too "needs to": "says Washington needs to act").
        if s.word(i) == "must" || (matches!(s.word(i), "need" | "needs") && s.word(i + 1) == "to") {
            if let Some(k) = lex.triggers.modal("must") {
                if let Some(p) = syntax.get(doc_text, s) {
                    if let Some((roles, clause)) = declared_demand(p, mentions, clauses, i) {
                        let m = TriggerMatch {
                            pattern: k,
                            start: i,
                            end: i + 1,
                            before: i,
                        };
                        let pattern = &lex.triggers.patterns[k];
                        // What is demanded is no event of its own.
                        governed_until = governed_until.max(p.subtree(clause).end);
                        // "said the tax system must be reformed", "said
                        // the country must continue to reform": what must
                        // be, of no one named but the speaker's own side,
                        // is an opinion, not a demand.
                        if roles.1.is_empty() {
                            note(&|| {
                                format!(
                                    "`must` ({}:{} `{}` {}): not coded — no one but the speaker's own side is told what they must do",
                                    pattern.file, pattern.line, pattern.text, pattern.event
                                )
                            });
                            i += 1;
                            continue;
                        }
                        note(&|| {
                            format!(
                                "`must` ({}:{} `{}` {}): coded — {}",
                                pattern.file, pattern.line, pattern.text, pattern.event, roles.2
                            )
                        });
                        let modality = parse_modality(
                            p,
                            s,
                            clauses,
                            &TriggerMatch {
                                pattern: k,
                                start: clause,
                                end: clause + 1,
                                before: clause,
                            },
                            pattern.event == EventType::Assault,
                            true,
                        );
                        let (actors, recipients, how) = roles;
                        out.push(place_and_time(
                            s,
                            Some(p),
                            mentions,
                            clauses,
                            dates,
                            pattern.event,
                            m,
                            actors,
                            recipients,
                            how,
                            modality,
                        ));
                        i += 1;
                        continue;
                    }
                }
            }
        }
        // An event noun where no verb reading applies: "the blockade of
        // Serbia", "Palestinian riots", "staged a hunger strike".
        if let Some(nm) = s.nominal_at(lex, i) {
            // (the noun, not the preposition a row ends with: "talks
            // *with*"; but "sit-in" is one word)
            let head = if nm.end - nm.start >= 2
                && is_preposition(s.word(nm.end - 1))
                && s.word(nm.end - 2) != "-"
            {
                nm.end - 2
            } else {
                nm.end - 1
            };
            let is_noun = (s.is_title || i == 0 || !s.is_capitalised(doc_text, i))
                && !in_mention(head)
                && syntax.get(doc_text, s).is_some_and(|p| {
                    // "U.N. sanctions experts", "war crimes", "attack
                    // helicopters": a noun that names the kind of another
                    // is no event (unless that one stands for the event:
                    // "took strike action")
                    // (not one with words of its own, or before a point of
                    // the compass, which the parser hung on the next noun:
                    // "today's supertanker attack", "an overnight Iranian
                    // attack east of Basra")
                    p.words[head].upos == "NOUN"
                        && !noun_with_object(lex, s, p, head)
                        && !(p.relation(head) == "compound"
                            && !p.children(head).iter().any(|&c| {
                                matches!(p.words[c].deprel, "det" | "nmod:poss" | "nummod")
                            })
                            && p.head(head).is_some_and(|h| {
                                p.words[h].upos == "NOUN"
                                    && !p.lemma_is(h, EVENT_CARRIERS)
                                    && !p.lemma_is(h, &["east", "west", "north", "south"])
                            }))
                });
            if is_noun {
                let pattern = &lex.triggers.patterns[nm.pattern];
                let what = if explaining {
                    describe(s, doc_text, pattern, &nm, ", a noun")
                } else {
                    String::new()
                };
                i = nm.end;
                // "a threat to boycott the ceremony", "calls to impose
                // sanctions": what the noun wants or threatens is not done,
                // whether or not the noun itself is coded.
                let wanted = governs_complement(pattern.event)
                    .then(|| syntax.get(doc_text, s))
                    .flatten()
                    .and_then(|p| {
                        p.dependents(head, "acl")
                            .filter(|&c| p.dependents(c, "mark").any(|k| p.lemma_is(k, &["to"])))
                            .map(|c| (c, p.subtree(c).end))
                            .max_by_key(|&(_, end)| end)
                    });
                // "a potential Turkish attack", "possible sanctions": what
                // may come is no event.
                let possible = syntax.get(doc_text, s).is_some_and(|p| {
                    p.dependents(head, "amod").any(|a| {
                        p.lemma_is(
                            a,
                            &[
                                "potential",
                                "possible",
                                "future",
                                "planned",
                                "proposed",
                                "likely",
                                "prospective",
                                "imminent",
                                "threatened",
                            ],
                        )
                    })
                });
                if possible {
                    note(&|| format!("{what}: not coded — a possible, not an actual, event"));
                    continue;
                }
                // "the withdrawal of the nomination", "of funds": a
                // withdrawal of something other than armed men is no retreat
                // ("the withdrawal of 30,000 Cuban troops" is).
                let withdrawn_thing = pattern.mode.as_deref() == Some("withdraw")
                    && syntax.get(doc_text, s).is_some_and(|p| {
                        p.dependents(head, "nmod").any(|o| {
                            case_is(p, o, &["of"])
                                && p.words[o].upos == "NOUN"
                                && !p.lemma_is(o, ARMED_NOUNS)
                                && mention_at(mentions, o).is_none_or(|r| !mentions[r].is_armed())
                        })
                    });
                if withdrawn_thing {
                    note(&|| format!("{what}: not coded — what is withdrawn is not armed men"));
                    continue;
                }
                let governed_before = governed_until;
                if let Some((_, end)) = wanted {
                    governed_until = governed_until.max(end);
                }
                if nm.start <= governed_before || in_condition(nm.start) {
                    note(&|| {
                        format!(
                        "{what}: not coded — inside a condition or another trigger's complement"
                    )
                    });
                    continue;
                }
                let Some(p) = syntax.get(doc_text, s) else {
                    continue;
                };
                // "held talks *during a visit* to Beirut", "clashed *in an
                // attack* on …": the circumstance of a verb that is itself a
                // trigger of the same kind tells that verb's event again.
                let restated = p
                    .head(head)
                    .filter(|_| p.relation(head) == "obl")
                    .and_then(|v| s.trigger_at(lex, v))
                    .is_some_and(|t| lex.triggers.patterns[t.pattern].event == pattern.event);
                if restated {
                    note(&|| {
                        format!(
                        "{what}: not coded — the circumstance of a verb that tells the same event"
                    )
                    });
                    continue;
                }
                let Some(((actors, recipients, how), source_verb)) =
                    nominal_roles(p, mentions, clauses, head)
                else {
                    note(&|| {
                        format!(
                            "{what}: not coded — no actor found as its source, or a verb undoes it"
                        )
                    });
                    continue;
                };
                // "a mediation effort between the Emirates and Saudi
                // Arabia": the sides a mediation is between are whom it
                // is for.
                let (recipients, how) = match between_sides(s, mentions, clauses, pattern, nm.end) {
                    Some(sides) if recipients.is_empty() => (
                        sides.into_iter().filter(|r| !actors.contains(r)).collect(),
                        format!("{how}; recipients: the sides after \"between\""),
                    ),
                    _ => (recipients, how),
                };
                // "a threat to attack Ukraine": whom the wanted act is
                // done to.
                let (recipients, how) = match wanted.and_then(|(c, _)| p.object(c)) {
                    Some(o) if recipients.is_empty() => {
                        let r: Vec<usize> = mention_at(mentions, o)
                            .filter(|r| !actors.contains(r))
                            .into_iter()
                            .collect();
                        let how = if r.is_empty() {
                            how
                        } else {
                            let how = how.replace("; recipient: none found", "");
                            format!("{how}; recipient: the object of what it wants (parse)")
                        };
                        (r, how)
                    }
                    _ => (recipients, how),
                };
                note(&|| format!("{what}: coded — {how}"));
                // "talks with X": with no one named, no talks are told.
                let with = s.word(nm.end - 1) == "with";
                if with && recipients.is_empty() {
                    note(&|| format!("{what}: not coded — no one named that it is with"));
                    continue;
                }
                // The modality of the verb whose subject is the source:
                // "Banks would not be involved in the talks with X" (but a
                // circumstance stands however its clause's verb is
                // negated: "did not smile once in its talks with X", the
                // talks were held).
                let modality = match source_verb {
                    Some(v) => {
                        let told = parse_modality(
                            p,
                            s,
                            clauses,
                            &TriggerMatch {
                                pattern: nm.pattern,
                                start: v,
                                end: v + 1,
                                before: v,
                            },
                            pattern.event == EventType::Assault,
                            false,
                        );
                        let carried = p.object(v) == Some(head)
                            || p.lemma_is(
                                v,
                                &["involve", "involved", "participate", "join", "attend"],
                            );
                        if told == Modality::Negated && !carried {
                            modality(s, clauses, &nm)
                        } else {
                            told
                        }
                    }
                    None => modality(s, clauses, &nm),
                };
                // "no arrests were made"
                let modality = if p
                    .dependents(head, "det")
                    .any(|d| p.words[d].lemma.eq_ignore_ascii_case("no"))
                {
                    Modality::Negated
                } else {
                    modality
                };
                out.push(place_and_time(
                    s,
                    Some(p),
                    mentions,
                    clauses,
                    dates,
                    pattern.event,
                    nm,
                    actors,
                    recipients,
                    how,
                    modality,
                ));
                continue;
            }
        }
        // A match turned down for its last word is tried again without it.
        let found = match cut.take().filter(|&(at, _)| at == i) {
            Some((at, limit)) => lex.triggers.match_at(&s.words[..limit], at),
            // (a `block` row that is the best surface match stops the
            // parse's object reading of the same verb too: "U.K. money
            // market given 181 mln stg assistance")
            None => s.trigger_at(lex, i).or_else(|| {
                (!s.blocked_at(lex, i))
                    .then(|| object_trigger(lex, doc_text, s, syntax, i))
                    .flatten()
            }),
        };
        let Some(m) = found else {
            i += 1;
            continue;
        };
        let pattern = &lex.triggers.patterns[m.pattern];
        let what = if explaining {
            describe(s, doc_text, pattern, &m, "")
        } else {
            String::new()
        };
        // "vowed to strike a deal", "vowed to kill the bill", "vowed to
        // fight for its rights": a vow of harm whose verb makes, with the
        // words after it, a pattern of no harm (or a `block` row) is no
        // threat; that verb is read on its own.
        if pattern.event == EventType::Threaten
            && pattern.frame == Frame::Verb
            && m.end >= m.start + 3
            && s.word(m.end - 2) == "to"
        {
            let inner = m.end - 1;
            let other = s
                .trigger_at(lex, inner)
                .filter(|t| t.end > m.end)
                .map(|t| lex.triggers.patterns[t.pattern].event)
                .filter(|&e| !is_harm(e) && e != EventType::Threaten);
            if other.is_some() || s.blocked_at(lex, inner) {
                note(&|| {
                    format!("{what}: not coded — what it vows to do is no harm, read on its own")
                });
                i = inner;
                continue;
            }
        }
        // The surface reading may miss a verb ("soldiers routinely beat
        // …"); a parse that has the word head a clause overrules it.
        // (Not after a word that starts a noun phrase — "the attack", "its
        // demands", "two strikes": no parse needed to see a noun.)
        let prev = m.start.checked_sub(1).map_or("", |k| s.word(k));
        let noun_phrase_before = is_determiner(prev)
            || is_preposition(prev)
            || matches!(
                prev,
                "'s" | "his" | "her" | "its" | "their" | "our" | "my" | "your"
            )
            || prev.chars().next().is_some_and(|c| c.is_ascii_digit());
        // A verb joined to such a clause's verb ("is to give a speech and
        // *meet* with dissidents") heads a clause as well.
        let mut clause_verb = || {
            pattern.frame == Frame::Verb
                && !noun_phrase_before
                && syntax
                    .get(doc_text, s)
                    .is_some_and(|p| p.words[m.start].upos == "VERB" && heads_clause(p, m.start))
        };
        let surface_verb = is_trigger_use(lex, doc_text, s, mentions, &m, pattern.frame);
        if !surface_verb && !clause_verb() {
            note(&|| format!("{what}: not coded — not used as a verb here"));
            i += 1;
            continue;
        }
        i = m.end;
        // "*government-supported* research groups", "its
        // *long-threatened* invasion": a participle joined by a hyphen to
        // the word before it, before a noun, is part of an adjective (not
        // "was gang-raped").
        let glued = m.start >= 2
            && s.word(m.start - 1) == "-"
            && s.tokens[m.start - 2].end == s.tokens[m.start - 1].start
            && s.tokens[m.start - 1].end == s.tokens[m.start].start;
        let mut before_noun = || {
            syntax.get(doc_text, s).is_some_and(|p| {
                p.relation(m.start) == "amod"
                    || p.words
                        .get(m.start + 1)
                        .is_some_and(|w| matches!(w.upos, "NOUN" | "PROPN" | "ADJ"))
            })
        };
        if pattern.frame == Frame::Verb && glued && before_noun() {
            note(&|| format!("{what}: not coded — part of a hyphenated adjective"));
            // the noun it modifies may be an event noun of its own
            i = m.start + 1;
            continue;
        }
        if (i <= governed_until && ready_complement != Some(m.start)) || in_condition(m.start) {
            note(&|| {
                format!("{what}: not coded — inside a condition or another trigger's complement")
            });
            continue;
        }
        // "a pretext for the US to launch strikes", "an opportunity for
        // Chile to attack": what a pretext or an opportunity is for has not
        // happened (the parser may hang the infinitive elsewhere).
        let purpose = m.start >= 3
            && s.word(m.start - 1) == "to"
            && (m.start.saturating_sub(8)..m.start - 1).any(|k| {
                k > 0
                    && s.word(k) == "for"
                    && PRETEXT_NOUNS.contains(&s.word(k - 1))
                    && !(k + 1..m.start - 1).any(|w| is_boundary(s, w))
            });
        if purpose {
            note(&|| format!("{what}: not coded — what a pretext or an opportunity is for"));
            continue;
        }
        // The parse, when there is one, has the last word on what the
        // trigger word is and where it stands.
        let parsed = syntax.get(doc_text, s);
        if let Some(p) = parsed {
            let v = m.start;
            // A participle tagged an adjective that governs an object
            // ("guerrillas *wounded* two soldiers") is still a verb.
            let adjective_with_object = p.words[v].upos == "ADJ" && p.object(v).is_some();
            // "The EU *imposed* sanctions on Iran" tagged with no verb at
            // all: a past tense right after an actor is the verb the
            // tagger lost.
            let lost_verb = p.words[v].upos == "ADJ"
                && s.word(v).ends_with("ed")
                && mentions.iter().any(|x| x.tok.1 == v)
                && !p.words.iter().any(|w| matches!(w.upos, "VERB" | "AUX"));
            let adjective_with_object =
                adjective_with_object || lost_verb || noun_with_object(lex, s, p, v);
            if pattern.frame == Frame::Verb
                && matches!(
                    p.words[v].upos,
                    "NOUN" | "PROPN" | "ADJ" | "ADP" | "DET" | "PRON" | "NUM"
                )
                && !adjective_with_object
            {
                note(&|| format!("{what}: not coded — the tagger says {}", p.words[v].upos));
                continue;
            }
            // "Dutch minister attacks W. German farm position": an attack
            // or a strike read as a verb only for the object the parser
            // gave the noun is no armed one (a row with more words, "attacks
            // key apartheid law", may tell what it is).
            if p.words[v].upos == "NOUN"
                && pattern.event == EventType::Assault
                && m.end == m.start + 1
            {
                note(&|| {
                    format!("{what}: not coded — a noun the parser gave an object, no armed act")
                });
                continue;
            }
            // "its long-*threatened* invasion": a participle inside a noun
            // phrase (after the noun's determiner or possessor), with no
            // object of its own, is no event. (A main verb the parser
            // took for an adjective — "rebels *blocked* roads" — has no
            // determiner of the noun before it.)
            // "an *escalating struggle*", "talks about *heightened
            // tensions*": a participle modifying the very noun the
            // pattern wants as its object describes the noun, it does
            // nothing to it. (A past form only after a determiner, an
            // adjective or a preposition: the parser takes many a main
            // verb for one, "farmers *blocked roads*", "Reagan last week
            // *imposed penalties*".)
            let modifies_own_noun = pattern.frame == Frame::Verb
                && matches!(p.relation(v), "amod" | "compound")
                && p.head(v).is_some_and(|h| h > v && h < m.end)
                && match p.words[v].xpos {
                    // (not a gerund after a preposition or "including":
                    // "including reimposing trade sanctions", "by imposing
                    // sanctions")
                    "VBG" => v
                        .checked_sub(1)
                        .is_none_or(|k| p.words[k].upos != "ADP" && !p.lemma_is(k, &["include"])),
                    // (over adverbs: "the already *strained* relations")
                    "VBN" => (0..v)
                        .rev()
                        .find(|&k| p.words[k].upos != "ADV")
                        .is_some_and(|k| {
                            matches!(p.words[k].upos, "DET" | "ADP" | "ADJ")
                                || matches!(p.words[k].xpos, "PRP$" | "POS")
                        }),
                    _ => false,
                };
            let inside_noun_phrase = modifies_own_noun
                || p.relation(v) == "amod"
                    && p.object(v).is_none()
                    && p.head(v).is_some_and(|h| {
                        // (or its "of": "a panorama *of ruined* buildings")
                        p.children(h).iter().any(|&c| {
                            c < v
                                && (p.relation(c) == "det"
                                    || p.words[c].deprel == "nmod:poss"
                                    || (p.relation(c) == "case" && p.lemma_is(c, &["of"])))
                        })
                    });
            // "James Matthews, *accused of* attending training camps, had
            // …": "accused of" with no object and no auxiliary describes its
            // noun (the active verb needs whom it accuses), background.
            // (Not after an auxiliary, past adverbs: "are also accused of",
            // "whom Turkey had long accused of".)
            // (looked for only after the cheap tests pass)
            let before_adverbs = || {
                (0..v).rev().find(|&k| {
                    let w = s.word(k);
                    !(w.ends_with("ly") || matches!(w, "long" | "also" | "still" | "already"))
                })
            };
            let describes = pattern.frame == Frame::Verb
                && matches!(s.word(v), "accused" | "convicted" | "suspected")
                && s.word(v + 1) == "of"
                && !before_adverbs()
                    .is_some_and(|k| is_auxiliary(s.word(k)) || is_negation(s.word(k)));
            if describes {
                note(&|| {
                    format!("{what}: not coded — a participle describing a noun, no doer named")
                });
                // nor what it tells of ("accused of *sending* money")
                governed_until = governed_until.max(p.subtree(v).end);
                continue;
            }
            if pattern.frame == Frame::Verb && inside_noun_phrase {
                note(&|| format!("{what}: not coded — a participle modifying a noun"));
                // the noun it modifies may be an event noun of its own
                i = m.start + 1;
                continue;
            }
            // "sent 21 *military* and civilian personnel", "joining 12
            // unarmed *military* observers": the verb dictionary's
            // `&MILITARY` (the armed forces) matched as the adjective of
            // a noun the pattern does not name; so is "attacked
            // *government* troops" no `attack+ .. government` (criticism,
            // 111). The verb is matched again without that word. (Other words are left
            // alone: PETRARCH's patterns may end in an adjective on
            // purpose, "restore+ .. diplomatic"; and a military junta,
            // coup or force is the military's.)
            let last = m.end - 1;
            let names = |h: usize| match pattern.elements.last() {
                Some(Element::Words(ws)) => ws.iter().any(|w| {
                    w.eq_ignore_ascii_case(s.word(h)) || w.eq_ignore_ascii_case(&p.words[h].lemma)
                }),
                _ => false,
            };
            // (a sentence's words are lower-cased)
            let modifier = (s.word(last) == "military" && p.relation(last) == "amod")
                || (s.word(last) == "government" && p.relation(last) == "compound")
                // "to grant *sanctions* relief": an easing, not sanctions
                || (matches!(s.word(last), "sanctions" | "sanction")
                    && p.relation(last) == "compound"
                    && p.head(last).is_some_and(|h| {
                        p.lemma_is(h, &["relief", "waiver", "exemption", "exception"])
                    }))
                // "didn't start this *trade* war": a fight over trade
                || (s.word(last) == "trade"
                    && p.relation(last) == "compound"
                    && p.head(last).is_some_and(|h| p.lemma_is(h, TRADE_FIGHTS)));
            if pattern.frame == Frame::Verb
                && last > m.start
                && modifier
                && p.head(last)
                    .is_some_and(|h| h >= m.end && !names(h) && !p.lemma_is(h, ARMED_BODIES))
            {
                note(&|| {
                    format!(
                        "{what}: not coded — its last word modifies `{}`, which it does not name",
                        p.head(last).map_or("", |h| s.word(h))
                    )
                });
                cut = Some((m.start, last));
                i = m.start;
                continue;
            }
            // "notes with warrants issued by *Credit* Suisse": a last word
            // that begins a capitalised name in running text is no word of
            // the pattern (`issue+ .. credit`); the verb is matched again
            // without it. (Not a title inside a name: "nominate Interior
            // *Minister* Kindiki".)
            if pattern.frame == Frame::Verb
                && !s.is_title
                && last > m.start + 1
                && s.is_capitalised(doc_text, last)
                && last + 1 < s.words.len()
                && s.is_capitalised(doc_text, last + 1)
                && s.word(last + 1).chars().all(|c| c.is_ascii_alphabetic())
                && !mentions.iter().any(|x| x.tok.0 < last && last < x.tok.1)
            {
                note(&|| format!("{what}: not coded — its last word begins a name"));
                cut = Some((m.start, last));
                i = m.start;
                continue;
            }
            // "ready to contribute *up to* 4,000 troops": "up to" a number
            // is a quantity, not the particle of "give up"; the verb is
            // matched again without it.
            if pattern.frame == Frame::Verb && last > m.start && up_to_number(s, m.end) {
                note(&|| format!("{what}: not coded — \"up to\" a number is a quantity"));
                cut = Some((m.start, last));
                i = m.start;
                continue;
            }
            // "police arrested him *at* Manchester *airport*": a place the
            // pattern ends with, in a phrase of where the verb happened
            // that the pattern's gap skipped, is no object of it
            // (`arrest+ .. airport`, occupying territory); the verb is
            // matched again without it.
            // (so too any row ending with a town or a city: "a terrorist
            // cell was dismantled *in* the Spanish *cities* of Seville and
            // Ceuta" is no `dismantle+ .. cities`, partitioning them)
            if pattern.frame == Frame::Verb
                && last > m.start
                && ((pattern.event == EventType::Coerce
                    && pattern.mode.as_deref() == Some("seize"))
                    || p.lemma_is(last, PLACE_NOUNS))
                && p.head(last) == Some(v)
                && p.relation(last).starts_with("obl")
            {
                let case = p.case_marker(last).filter(|&c| {
                    c > m.start
                        && p.lemma_is(c, &["at", "in", "near", "outside", "inside", "on"])
                        && !pattern.text.split(' ').any(|w| w == s.word(c))
                });
                if let Some(c) = case {
                    note(&|| {
                        format!(
                            "{what}: not coded — `{}` is where it happened, not what it took",
                            s.word(last)
                        )
                    });
                    cut = Some((m.start, c));
                    i = m.start;
                    continue;
                }
            }
            // "a commission will be led *by the penitentiary*
            // administration": a word in the by-agent of the passive verb
            // is who did it, not what the pattern's gap reaches for
            // (`lead+ .. penitentiary`, ordering detention). The verb is
            // matched again without the words from "by" on. (Not a row
            // that names "by" itself, `host+ by`, nor an armed act's, whose
            // weapon may be the by-agent: "struck by a Turkish missile".)
            if pattern.frame == Frame::Verb
                && pattern.event != EventType::Assault
                && last > m.start
                && (p.is_passive(v)
                    || (p.words[v].xpos == "VBN"
                        && !p.children(v).iter().any(|&c| p.relation(c) == "nsubj")))
                && !pattern.text.split(' ').any(|w| w == "by")
            {
                let mut x = last;
                let mut agent = None;
                for _ in 0..6 {
                    if x == v {
                        break;
                    }
                    if p.words[x].deprel == "obl:agent" {
                        agent = Some(x);
                        break;
                    }
                    match p.head(x) {
                        Some(h) => x = h,
                        None => break,
                    }
                }
                let by = agent
                    .filter(|&a| p.head(a) == Some(v))
                    .and_then(|a| p.case_marker(a))
                    .filter(|&c| c > m.start && s.word(c) == "by");
                if let Some(c) = by {
                    note(&|| format!("{what}: not coded — `{}` is in the by-agent", s.word(last)));
                    cut = Some((m.start, c));
                    i = m.start;
                    continue;
                }
            }
            // "Hoodlums attacked them and thugs *looted* shops": a gap of
            // the pattern that skips a joined verb with a subject of its
            // own has matched into another clause (`attack+ .. shops`).
            // The verb is matched again without the words past it.
            // So too a that-clause with a subject of its own that is no
            // word of the row: "dismissed accusations it *is getting*
            // weapons" is no `dismiss+ .. weapons` (sending arms).
            if pattern.frame == Frame::Verb && last > m.start {
                let other_clause = (m.start + 1..last).find(|&w| {
                    p.words[w].upos == "VERB"
                        && (p.relation(w) == "conj"
                            || (p.relation(w) == "ccomp" && !pattern.names(s.word(w))))
                        && p.children(w).iter().any(|&c| p.relation(c) == "nsubj")
                });
                if let Some(w) = other_clause {
                    note(&|| {
                        format!(
                            "{what}: not coded — its words run into the clause of `{}`",
                            s.word(w)
                        )
                    });
                    cut = Some((m.start, w));
                    i = m.start;
                    continue;
                }
            }
            if p.is_in_conditional(v) {
                note(&|| format!("{what}: not coded — inside a conditional clause (parse)"));
                continue;
            }
            // "insisted that Isis *remained* a threat": a that-clause in
            // the past or the present indicative states what is so, where
            // a demand's verb is bare or modal ("insisted that Peru
            // *withdraw*", "… *must* withdraw").
            // (where the parse hangs the clause elsewhere, "insisting that
            // nothing *had* changed", the first verb after "that" tells)
            let indicative = |k: usize| matches!(p.words[k].xpos, "VBD" | "VBZ");
            let stated = pattern.event == EventType::Request
                && pattern.text.ends_with(" that")
                && match p.ccomp(v) {
                    Some(c) => {
                        let aux = || {
                            p.children(c)
                                .iter()
                                .copied()
                                .filter(|&k| matches!(p.relation(k), "aux" | "aux:pass" | "cop"))
                        };
                        !aux().any(|k| p.words[k].xpos == "MD")
                            && (indicative(c) || aux().any(indicative))
                    }
                    None => (m.end..p.len().min(m.end + 8))
                        .find(|&k| matches!(p.words[k].upos, "VERB" | "AUX"))
                        .is_some_and(indicative),
                };
            if stated {
                note(&|| format!("{what}: not coded — it states what is so, it asks nothing"));
                continue;
            }
            if wished(p, v) {
                note(&|| format!("{what}: not coded — what someone hopes or fears (parse)"));
                continue;
            }
            // "a trip *aimed at* pushing for a ceasefire", "measures
            // designed to punish Iran": the purpose of a thing, not an act.
            let purpose = p.head(v).is_some_and(|h| {
                matches!(p.relation(v), "advcl" | "xcomp")
                    && p.relation(h) == "acl"
                    && p.words[h].xpos == "VBN"
                    && p.lemma_is(h, &["aim", "design", "intend", "mean"])
            })
                // "the coalition *tasked with* fighting Daesh": its mission
                || (p.words[v].xpos == "VBG"
                    && introduced_by(p, v, &["with"])
                    && p.head(v).is_some_and(|h| {
                        p.words[h].xpos == "VBN" && p.lemma_is(h, &["task", "charge", "entrust"])
                    }));
            if purpose {
                note(&|| format!("{what}: not coded — the purpose of a thing (parse)"));
                continue;
            }
            // "reporters asked if the dollar has bottomed out", "asked him
            // whether", "Asked to comment, the ambassador said", "'…?' asked
            // the official": a question, or one put to the speaker, is no
            // appeal.
            let question = p.lemma_is(v, &["ask"])
                && pattern.elements.len() == 1
                && (v == 0
                    || crate::text::is_quote(s.word(v - 1))
                    // (over a by-phrase: "asked by a reporter at the White
                    // House whether")
                    || (v + 1..(v + 10).min(n))
                        .take_while(|&k| !matches!(s.word(k), "to" | "," | "for" | "that"))
                        .any(|k| {
                            matches!(
                                s.word(k),
                                "if" | "whether"
                                    | "why"
                                    | "how"
                                    | "what"
                                    | "when"
                                    | "where"
                                    | "about"
                            )
                        }));
            if question {
                note(&|| format!("{what}: not coded — a question, not an appeal"));
                // (nor is what it asks about an event, up to a comma or
                // dash)
                let stop = (v + 1..n)
                    .find(|&j| is_hard_boundary(s, j) || matches!(s.word(j), "," | "–" | "—" | "-"))
                    .unwrap_or(n);
                // (the parser may hang the question's clause elsewhere:
                // "asked by a reporter whether he might *back off* …,")
                governed_until = governed_until.max(stop);
                continue;
            }
            // "declined to comment on the investigation", "refused to say
            // when they would give approval": no comment is no rejection
            // (CAMEO's 011, which PLOVER leaves out), and what it is about
            // is no event.
            // (the word's form as well as its lemma: the tagger gives
            // "declined" the lemma "declin" in some sentences; and the
            // "to" may follow a one-word row, `refuse+`)
            let after_to = if s.word(m.end - 1) == "to" {
                Some(m.end)
            } else if s.word(m.end) == "to" {
                Some(m.end + 1)
            } else {
                None
            };
            let no_comment = (p.lemma_is(v, &["decline", "refuse"])
                || s.word(v).starts_with("declin")
                || s.word(v).starts_with("refus"))
                && after_to.is_some_and(|k| {
                    matches!(
                        s.word(k),
                        "comment"
                            | "say"
                            | "discuss"
                            | "elaborate"
                            | "reveal"
                            | "disclose"
                            | "confirm"
                            | "specify"
                            | "answer"
                            | "speculate"
                            | "identify"
                            | "name"
                            | "detail"
                    ) || (s.word(k) == "give"
                        && matches!(
                            s.word(k + 1),
                            "details" | "further" | "figures" | "specific" | "more"
                        ))
                });
            if no_comment {
                note(&|| format!("{what}: not coded — no comment, not a rejection"));
                governed_until = governed_until.max(p.subtree(v).end);
                continue;
            }
            // "analysts warned that the move could isolate Tehran", "has
            // been warning of a staged attack": a warning about what may
            // happen, with no one warned, is a pessimistic comment (CAMEO
            // 012, which PLOVER leaves out), not a threat; the speaker's
            // own "warned it would fight" and "warned Syria that …" are.
            let pessimistic = pattern.text == "warn+"
                && p.lemma_is(v, &["warn"])
                && p.object(v).is_none()
                && !p.children(v).iter().any(|&c| p.relation(c) == "iobj")
                && (p
                    .obliques(v)
                    .iter()
                    .any(|o| case_is(p, o.word, &["of", "about"]))
                    || p.children(v).iter().any(|&c| {
                        // (not what a pronoun or a named actor will do:
                        // "warned that police will no longer tolerate
                        // rallies", "that the US would respond swiftly")
                        let will_act = is_future(p, c)
                            || p.dependents(c, "aux").any(|a| p.lemma_is(a, &["would"]));
                        // (nor "it" with no auxiliary of what may come:
                        // "warn it is simply too big to put out", of a
                        // fire; "warned it would retaliate" is a threat)
                        let plain_it = (p.lemma_is(c, &["be"])
                            || p.dependents(c, "cop").next().is_some())
                            && !will_act
                            && p.dependents(c, "aux").next().is_none()
                            && !p.lemma_is(
                                c,
                                &["ready", "prepared", "willing", "determined", "set", "able"],
                            );
                        matches!(p.relation(c), "ccomp" | "parataxis")
                            && p.subject(c).is_some_and(|h| {
                                (p.words[h].upos != "PRON" || (plain_it && p.lemma_is(h, &["it"])))
                                    && !(will_act && mention_at(mentions, h).is_some())
                            })
                    }));
            // (or, by the words where the parse is lost, "warned that
            // millions of people … face freezing conditions": a clause
            // after "that" of no pronoun's and no will)
            let pessimistic = pessimistic
                || (pattern.text == "warn+"
                    && p.lemma_is(v, &["warn"])
                    && s.word(m.end) == "that"
                    && !matches!(
                        s.word(m.end + 1),
                        "it" | "they" | "we" | "he" | "she" | "i" | "you"
                    )
                    && !(m.end + 1..n)
                        .take_while(|&k| !is_boundary(s, k))
                        .any(|k| matches!(s.word(k), "will" | "would" | "'ll" | "must")));
            if pessimistic {
                note(&|| format!("{what}: not coded — a warning of what may happen, no threat"));
                governed_until = governed_until.max(p.subtree(v).end);
                continue;
            }
            // "car production declined to 2,978 units": a quantity falls.
            if p.lemma_is(v, &["decline"])
                && s.word(m.end).starts_with(|c: char| c.is_ascii_digit())
            {
                note(&|| format!("{what}: not coded — a quantity that fell"));
                continue;
            }
            // "how reckless Russia is prepared *to be*": a readiness to be
            // something agrees to nothing.
            let ready_to_be = pattern.event == EventType::Agree
                && s.word(m.end - 1) == "to"
                && s.word(m.end) == "be"
                && p.lemma_is(v, &["ready", "prepared", "prepare", "willing"]);
            if ready_to_be {
                note(&|| format!("{what}: not coded — a readiness to be, not to do"));
                continue;
            }
            // "ready to deliver aid", "willing to discuss wheat prices",
            // "prepared to retaliate": a readiness to do what is an event
            // of its own announces that event (coded as its intent: 033,
            // 036, 138), not a bare intent to cooperate (030). The
            // readiness is left uncoded and its complement is coded.
            // (not in a question, which asks whether it is ready: "Is Peru
            // ready to talk?"; nor "prepared to" as a main verb, getting
            // ready, below)
            let ready_for_event = pattern.event == EventType::Agree
                && READINESS.contains(&pattern.text.as_str())
                && !yes_no_question(s, m.end)
                && !preparing_not_prepared(p, v)
                && !s.blocked_at(lex, m.end)
                && s.trigger_at(lex, m.end).is_some_and(|c| {
                    lex.triggers.patterns[c.pattern].frame == Frame::Verb && !up_to_number(s, c.end)
                });
            // "was less willing to criticise China": a readiness
            // lessened is neither a stance nor the act.
            if READINESS.contains(&pattern.text.as_str())
                && m.start > 0
                && s.word(m.start - 1) == "less"
            {
                note(&|| format!("{what}: not coded — a readiness lessened, nor what it is to do"));
                governed_until = clause_end(s, m.end);
                continue;
            }
            if ready_for_event {
                note(&|| format!("{what}: not coded — what it is ready to do is coded instead"));
                // the rest of the clause stays governed, as a readiness's
                // complement ("ready to meet the prime minister provided
                // security forces were withdrawn")
                governed_until = clause_end(s, m.end);
                ready_complement = Some(m.end);
                continue;
            }
            // "to demonstrate the Quad's naval strength", "rallied support
            // for the bill", "demonstrated that …": a demonstration or a
            // rally with something shown or gathered is no protest.
            let shows = pattern.event == EventType::Protest
                && pattern.elements.len() == 1
                && p.lemma_is(v, &["demonstrate", "rally", "march"])
                && p.children(v).iter().any(|&c| match p.relation(c) {
                    "ccomp" => true,
                    // right after the verb: not a word the parser lost
                    // further on ("marched in X and Ko_ice")
                    "obj" => p.subtree(c).start == v + 1,
                    _ => false,
                });
            if shows {
                note(&|| format!("{what}: not coded — it shows or gathers something (parse)"));
                continue;
            }
            // "is prepared to talk" states a readiness; "the leader
            // *prepared to* attend" (a main verb, no "be") is getting ready
            // for what the complement names: no agreement, and what it
            // names has not happened yet. (Getting ready to do harm stays
            // a threat, below.)
            if pattern.frame == Frame::Between
                && preparing_not_prepared(p, v)
                && !(m.end..(m.end + 3).min(n))
                    .filter_map(|j| s.trigger_at(lex, j))
                    .any(|c| is_harm(lex.triggers.patterns[c.pattern].event))
            {
                note(&|| format!("{what}: not coded — a main verb (getting ready), not a stance"));
                governed_until = clause_end(s, m.end);
                continue;
            }
        }
        if (governs_complement(pattern.event) || is_pressure(pattern)) && has_complement(s, &m) {
            governed_until = clause_end(s, m.end);
            // "The minister, who had accused Iran of funding militias, met
            // Iranian officials": a trigger in a relative or adverbial
            // clause governs no further than its clause. (An adverbial
            // clause with its conjunction or a participle: a finite verb
            // without one is more often a main verb the parser hung on a
            // later "said".)
            if let Some(p) = parsed {
                let v = m.start;
                let clause = match p.relation(v) {
                    "acl" => true,
                    "advcl" => {
                        p.dependents(v, "mark").next().is_some()
                            || matches!(p.words[v].xpos, "VBG" | "VBN")
                    }
                    _ => false,
                };
                if clause {
                    governed_until = governed_until.min(p.subtree(m.start).end.max(m.end));
                }
            }
            // "accused Japan of reneging on the deal and has threatened
            // to retaliate": a verb joined to the trigger is an act of its
            // own, not part of what the trigger governs.
            if let Some(p) = parsed {
                let joined = p
                    .dependents(m.start, "conj")
                    .filter(|&d| d > m.end && p.words[d].upos == "VERB")
                    .min();
                if let Some(d) = joined {
                    let first = p.subtree(d).start;
                    // (`i`, checked against it, is a match's end)
                    governed_until = governed_until.min(first);
                }
            }
            // "alleged that France knew …, and that its army took part":
            // a complement joined to the first is governed as well.
            if let Some(p) = parsed {
                for &c in p.children(m.start) {
                    if !matches!(p.relation(c), "ccomp" | "xcomp") || c < m.end {
                        continue;
                    }
                    for d in p.dependents(c, "conj") {
                        if p.dependents(d, "mark")
                            .any(|k| p.lemma_is(k, &["that", "to"]))
                        {
                            governed_until = governed_until.max(p.subtree(d).end);
                        }
                    }
                }
                // The same clause hung elsewhere by the parse ("a report
                // released Tuesday alleged that …, and that the military
                // helped …" with "helped" joined to "released"): a joined
                // clause that opens with "that" is a second complement.
                for d in m.end..p.len() {
                    if p.relation(d) == "conj"
                        && p.dependents(d, "mark").any(|k| p.lemma_is(k, &["that"]))
                    {
                        governed_until = governed_until.max(p.subtree(d).end);
                    }
                }
            }
        }
        // "SOUTH CHINA STORMS KILL TWO", "Peruvian floods destroyed
        // crops": a storm or a flood is no one's act (and the place before
        // it is where it struck)
        if pattern.frame == Frame::Verb
            && parsed.is_some_and(|p| p.subject(m.start).is_some_and(|h| p.lemma_is(h, DISASTERS)))
        {
            note(&|| format!("{what}: not coded — a storm or a flood is no one's act"));
            continue;
        }
        // "an offensive that broke the rebels *allowed* the government to
        // tighten the blockade", "chasing Kurdish forces from Afrin
        // allowed Turkey to boast": what a thing or a deed allows is what
        // it made possible, no one's concession
        if pattern.event == EventType::Concede
            && s.word(m.start).starts_with("allow")
            && parsed.is_some_and(|p| {
                p.subject(m.start).is_some_and(|h| {
                    // (a gerund's clause, not "Given that …"; a noun that
                    // is no side, not the subject of "is allowed to")
                    (p.relation(h) == "csubj" && p.words[h].xpos == "VBG")
                        || (p.words[h].upos == "NOUN"
                            && p.words[h].deprel == "nsubj"
                            && mention_at(mentions, h).is_none())
                })
            })
        {
            note(&|| format!("{what}: not coded — what a thing or a deed made possible"));
            continue;
        }
        let guest = parsed.and_then(|p| visiting_guest(p, s, mentions, clauses, &m));
        let roles = if pattern.frame == Frame::Between && ends_with_between(&pattern.elements) {
            between(s, mentions, clauses, m.end)
        } else if guest.is_some() {
            guest
        } else {
            match parsed.and_then(|p| parse_roles(p, s, pattern, mentions, clauses, &m)) {
                Some((a, r, how)) if r.is_empty() => {
                    // The parse found the source but no recipient: the
                    // surface reading may still see one (the clauses below
                    // are looked up only when it does), but not in a verb
                    // joined to the trigger after words of the trigger's
                    // own ("withdraw from the conflict and *put America
                    // first*"; "killed and injured 1,000 fighters" share
                    // their object).
                    let candidates: Vec<usize> = object(lex, s, mentions, clauses, m.end)
                        .unwrap_or_default()
                        .into_iter()
                        .filter(|k| !a.contains(k))
                        .collect();
                    let joined: Vec<std::ops::Range<usize>> = parsed
                        .filter(|_| !candidates.is_empty())
                        .map(|p| {
                            p.dependents(m.start, "conj")
                                .filter(|&d| {
                                    d >= m.end
                                        && p.words[d].upos == "VERB"
                                        && (m.end..d).any(|w| {
                                            !matches!(p.relation(w), "cc" | "advmod" | "punct")
                                        })
                                })
                                .map(|d| p.subtree(d))
                                .collect()
                        })
                        .unwrap_or_default();
                    // Nor the speaker's own state in its that-clause (see
                    // `own_state`).
                    let clause = parsed
                        .filter(|_| !candidates.is_empty())
                        .and_then(|p| p.ccomp(m.start).map(|c| p.subtree(c)));
                    let own = |k: usize| {
                        clause
                            .as_ref()
                            .is_some_and(|r| r.contains(&mentions[k].tok.0))
                            && own_state(&mentions[k], a.iter().map(|&j| &mentions[j]))
                    };
                    // Nor, for harm, the subject of another verb ("trying
                    // to kill off speculation *Russia* would strike"): the
                    // doer of a clause of its own.
                    let clause_subject = |k: usize| {
                        let x = &mentions[k];
                        is_harm(pattern.event)
                            && parsed.is_some_and(|p| {
                                (x.tok.0..x.tok.1).any(|w| {
                                    p.relation(w) == "nsubj"
                                        && p.head(w).is_some_and(|h| {
                                            h != m.start && p.words[h].upos == "VERB"
                                        })
                                })
                            })
                    };
                    // Nor, for a reversed row, a side named after what
                    // the received act is about ("faced criticism *over*
                    // Russian attempts"): the topic, not whom it came from.
                    let topic = |k: usize| {
                        pattern.reverse
                            && (m.end..mentions[k].tok.0)
                                .any(|w| matches!(s.word(w), "over" | "about" | "regarding"))
                    };
                    // Nor a place that names an accord, a meeting or an
                    // affair ("backing for the *Paris* Agreement", "the
                    // commitment agreed at the recent *Paris* meeting",
                    // "resigned over the *Iran* arms scandal").
                    let names_thing = |k: usize| {
                        let x = &mentions[k];
                        let last = x.tok.1 - 1;
                        parsed.is_some_and(|p| {
                            p.relation(last) == "compound"
                                && p.head(last).is_some_and(|h| {
                                    h >= x.tok.1
                                        && mention_at(mentions, h).is_none()
                                        && p.lemma_is(h, NAMED_BY_PLACES)
                                })
                        })
                    };
                    let surface: Vec<usize> = candidates
                        .into_iter()
                        .filter(|&k| !topic(k))
                        .filter(|&k| !names_thing(k))
                        .filter(|&k| !joined.iter().any(|r| r.contains(&mentions[k].tok.0)))
                        .filter(|&k| !own(k))
                        .filter(|&k| !clause_subject(k))
                        .collect();
                    if surface.is_empty() {
                        Some((a, r, how))
                    } else {
                        Some((
                            a,
                            surface,
                            format!("{how}; recipient: the first actor after it"),
                        ))
                    }
                }
                Some(found) => Some(found),
                // "A roadside bombing near the town killed one U.S. soldier
                // and wounded two others": harm done by a thing names no
                // doer; the nearest name to its left is no subject.
                None if parsed.is_some_and(|p| {
                    is_harm(pattern.event) && thing_subject(p, mentions, m.start).is_some()
                }) =>
                {
                    parsed.and_then(|p| harm_by_thing(p, mentions, clauses, m.start))
                }
                // Only a verb the surface reading sees has a surface subject
                // (and a participle describing a noun has none: the noun
                // left of it is what happened to it).
                None if surface_verb
                    && !parsed.is_some_and(|p| {
                        reduced_passive(p, s, &m)
                            || stative_participle(p, m.start)
                            || unknown_named_subject(p, mentions, m.start)
                            || unknown_common_subject(p, mentions, m.start)
                            || unknown_relative_subject(p, mentions, m.start)
                            || participle_after_noun(p, s, mentions, m.start)
                    }) =>
                {
                    verb_roles(lex, s, parsed, mentions, clauses, &m, &out)
                }
                None => None,
            }
        };
        // "a mortar bomb was fired at Israel *from the Gaza Strip*": with
        // no one named, the side where an attack came from made it.
        let roles = roles.or_else(|| {
            let p = parsed?;
            let v = m.start;
            if pattern.event != EventType::Assault || !p.is_passive(v) {
                return None;
            }
            let from = p.obliques(v).into_iter().find_map(|o| {
                let case = o.case?;
                p.lemma_is(case, &["from"])
                    .then(|| mention_at(mentions, o.word))
                    .flatten()
                    .filter(|&k| mentions[k].place)
            })?;
            let at = p
                .obliques(v)
                .into_iter()
                .filter(|o| o.case.is_some_and(|c| p.lemma_is(c, &["at", "on", "into"])))
                .find_map(|o| mention_at(mentions, o.word))
                .filter(|&k| k != from);
            Some((
                vec![from],
                at.into_iter().collect(),
                "source: the place the attack came from (parse)".to_string(),
            ))
        });
        let Some((mut actors, mut recipients, mut how)) = roles else {
            note(&|| format!("{what}: not coded — no actor found as its source"));
            continue;
        };
        // "fought Isis", "battled police": a fight with no one fought is
        // no assault ("will fight corruption", "fought hard to protect
        // their interests", "battled the blaze").
        // (nor those fought for or beside: "fighting *on the side of* the
        // regime", "fought alongside the Kurds", "fighting for Isis")
        if pattern.needs_recipient {
            recipients.retain(|&k| {
                let from = m.end.min(mentions[k].tok.0);
                !(from..mentions[k].tok.0).any(|i| {
                    matches!(
                        s.word(i).to_ascii_lowercase().as_str(),
                        "alongside" | "beside" | "side" | "sides" | "behalf" | "for"
                    )
                })
            });
        }
        if pattern.needs_recipient && recipients.is_empty() {
            note(&|| format!("{what}: not coded — no one it is against"));
            continue;
        }
        // "a soldier killed himself", "defended itself against the
        // accusations": done by the source to itself, with no one else
        // named, is no event between two sides; nor is the side it is
        // done against its recipient ("Chile defended itself against
        // Peru" supports no Peru)
        let reflexive = parsed.filter(|p| {
            p.children(m.start).iter().any(|&o| {
                matches!(p.words[o].deprel, "obj" | "iobj")
                    && p.words[o].upos == "PRON"
                    && (s.word(o).ends_with("self") || s.word(o).ends_with("selves"))
            })
        });
        if let Some(p) = reflexive {
            recipients.retain(|&k| {
                let (a, b) = mentions[k].tok;
                !(a..b).any(|w| p.head(w) == Some(m.start) && case_is(p, w, &["against"]))
            });
        }
        // "Isis will come back", "the refugees came back", "Congress
        // returned from its recess": coming or going to no one and nowhere
        // named is no visit.
        const MOVING: &[&str] = &[
            "come",
            "comes",
            "came",
            "coming",
            "go",
            "goes",
            "went",
            "gone",
            "going",
            "return",
            "returns",
            "returned",
            "returning",
            "arrive",
            "arrives",
            "arrived",
            "arriving",
        ];
        // ("when *it* comes to border security": no one comes)
        let moving = MOVING.contains(&s.word(m.start));
        let no_one = parsed.is_some_and(|p| {
            p.subject(m.start)
                .is_some_and(|h| p.words[h].lemma.eq_ignore_ascii_case("it"))
        });
        if pattern.event == EventType::Consult && moving && (recipients.is_empty() || no_one) {
            note(&|| format!("{what}: not coded — going to no one and nowhere named"));
            continue;
        }
        // "has the right to attack", "the duty to warn", "the authority to
        // deny entry": a right, duty or means to act is not the act.
        if parsed.is_some_and(|p| {
            p.relation(m.start) == "acl"
                && introduced_by(p, m.start, &["to"])
                && aim_noun(p, m.start).is_some_and(|n| p.lemma_is(n, MODAL_NOUNS))
        }) {
            note(&|| format!("{what}: not coded — a right, duty or means to act, not the act"));
            continue;
        }
        // "there is no indication that Turkey will attack the town", "no
        // sign the government would meet the conditions": what nothing
        // shows is not told at all (neither done nor refused).
        if parsed.is_some_and(|p| {
            let c = clause_head(p, m.start);
            matches!(p.relation(c), "acl" | "ccomp")
                && p.head(c).is_some_and(|n| {
                    p.words[n].upos == "NOUN"
                        && p.lemma_is(
                            n,
                            &["indication", "sign", "evidence", "proof", "suggestion"],
                        )
                        && p.dependents(n, "det").any(|d| p.lemma_is(d, &["no"]))
                })
        }) {
            note(&|| format!("{what}: not coded — what there is no sign of"));
            continue;
        }
        // "four British men killed fighting Isis", "died fighting": how
        // the dead died, background to their death.
        if pattern.needs_recipient
            && parsed.is_some_and(|p| {
                p.words[m.start].xpos == "VBG"
                    && matches!(p.relation(m.start), "advcl" | "xcomp")
                    && p.head(m.start)
                        .is_some_and(|h| p.lemma_is(h, &["kill", "die", "wound", "injure"]))
            })
        {
            note(&|| format!("{what}: not coded — how the dead died"));
            continue;
        }
        // "Kurdish forces defended Kobane against Isis", "the town was
        // defended by Isis fighters": armed men who defend or protect
        // fight; it is no defence in words (CAMEO 052) nor praise.
        if pattern.event == EventType::Support
            && !actors.is_empty()
            && actors.iter().all(|&k| mentions[k].is_armed())
            && parsed.is_some_and(|p| p.lemma_is(m.start, &["defend", "protect", "guard"]))
        {
            note(&|| format!("{what}: not coded — armed men defending fight, they do not speak"));
            continue;
        }
        // "civilians remain unseen, bombed, besieged, raped", "400 men were
        // rounded up, shot or beheaded", "millions of Syrians displaced into
        // Lebanon": a past participle of harm whose only doers found are
        // private people tells what befell them; whoever did it is not
        // named.
        let private = |k: &usize| {
            let a = &mentions[*k].actor;
            a.name.is_none() && matches!(a.sector.as_deref(), Some("CVL" | "PPL" | "REF"))
        };
        if is_harm(pattern.event)
            && !actors.is_empty()
            && actors.iter().all(private)
            && !how.contains("by-")
            && parsed.is_some_and(|p| {
                let v = m.start;
                // (or a past form joined to one: "were rounded up, shot or
                // *beheaded*")
                p.words[v].xpos == "VBN"
                    || (p.relation(v) == "conj"
                        && p.head(v)
                            .is_some_and(|h| p.is_passive(h) || p.words[h].xpos == "VBN"))
            })
        {
            // (a side the surface reading found after the participle is
            // no more its recipient than its doer: "Passengers of a train
            // held hostage in the province shared with VOA ...")
            if how.contains("recipient: the first actor after it") {
                recipients.clear();
            }
            for k in actors.drain(..) {
                if !recipients.contains(&k) {
                    recipients.push(k);
                }
            }
            how = "source: none named (a participle of harm; the private people named are what befell them)".into();
        }
        // "a member of Hamas *jailed* a year ago", "officials *accused*
        // of playing a role": a participle describing a noun, with no one
        // named as doing it, tells what befell the noun's referent some
        // time — background, not the news. ("There were twelve soldiers
        // *killed*" is the news.)
        let existential = |p: &ParsedSentence<'_>, noun: usize| {
            p.head(noun)
                .is_some_and(|h| p.dependents(h, "expl").next().is_some())
        };
        if actors.is_empty()
            && parsed.is_some_and(|p| {
                // (or taken by the parser for a clause of the verb after
                // it: "the civilians *imprisoned* for acting against Moscow
                // were released")
                (p.relation(m.start) == "acl"
                    || (p.relation(m.start) == "advcl"
                        && misparsed_participle(p, m.start).is_some()))
                    && p.words[m.start].xpos == "VBN"
                    && !p.is_passive(m.start)
                    && !p.head(m.start).is_some_and(|n| existential(p, n))
            })
        {
            note(&|| format!("{what}: not coded — a participle describing a noun, no doer named"));
            continue;
        }
        // "the militant group that *has seized* parts of Iraq", "Turkey,
        // which *has supported* anti-Assad forces throughout the war": a
        // relative clause in the perfect tells what its noun is known for,
        // background, not the news.
        if parsed.is_some_and(|p| perfect_relative(p, m.start)) {
            note(&|| format!("{what}: not coded — a relative clause in the perfect (background)"));
            continue;
        }
        // "the Security Council met", "the cabinet met", "a mixed response
        // has met it": one side meeting no one named is its own business,
        // not an interaction between two.
        // (Not when a name the actor base does not know is met: "met
        // Barack Obama" with a lexicon that lacks him.)
        let names_other = parsed.is_some_and(|p| {
            p.children(m.start).iter().any(|&c| {
                p.words[c].upos == "PROPN"
                    // (not a day the parser took for one: "met *Sunday*")
                    && !dyad_lexicon::is_day_or_month(&p.words[c].lemma.to_ascii_lowercase())
                    && (p.relation(c) == "obj"
                        || (p.relation(c) == "obl" && case_is(p, c, &["with"])))
            })
        });
        if pattern.event == EventType::Consult
            && pattern.cameo.as_deref() == Some("040")
            && actors.len() <= 1
            && recipients.is_empty()
            && !names_other
        {
            note(&|| format!("{what}: not coded — a meeting with no other side named"));
            continue;
        }
        // "government forces marched deeper into a rebel-held
        // neighbourhood": armed men on the march advance, they do not
        // protest (see `Mention::is_armed`).
        let armed = |&a: &usize| mentions[a].is_armed();
        // They show their force, as in a flag march (MOBILIZE 150).
        let mut m = m;
        if pattern.event == EventType::Protest
            && parsed.is_some_and(|p| p.lemma_is(m.start, &["march"]))
            && !actors.is_empty()
            && actors.iter().all(armed)
        {
            let Some(k) = row_named(lex, FLAG_MARCH) else {
                note(&|| format!("{what}: not coded — armed forces on the march"));
                continue;
            };
            m.pattern = k;
            how.push_str("; armed forces on the march show their force (the flag-march row)");
        }
        // "The Kurdish militia withdrew from Afrin", "Libyan forces are
        // withdrawing from Chad": armed men, or anyone leaving a country or
        // city, retreat (RETREAT 0874); withdrawing from a treaty, a body
        // or talks reduces relations (the `withdraw+ from` row, 166).
        if lex.triggers.patterns[m.pattern].text == WITHDRAW_FROM {
            let from_place = |p: &ParsedSentence<'_>, r: usize| {
                let (a, b) = mentions[r].tok;
                mentions[r].place
                    && (a..b).any(|w| p.head(w) == Some(m.start) && case_is(p, w, &["from"]))
            };
            let retreat = (!actors.is_empty() && actors.iter().all(armed))
                || (!recipients.is_empty()
                    && parsed.is_some_and(|p| recipients.iter().all(|&r| from_place(p, r))));
            if let Some(k) = retreat.then(|| row_named(lex, TROOPS_WITHDRAWN)).flatten() {
                m.pattern = k;
                how.push_str("; armed forces, or a withdrawal from a place: a military retreat");
            }
        }
        let pattern = &lex.triggers.patterns[m.pattern];
        // "pull US forces out of Syria", "withdraw US troops from the
        // country": the forces withdrawn are the source's own; the retreat
        // is from the place they leave (or no one named).
        if pattern.event == EventType::Retreat && pattern.mode.as_deref() == Some("withdraw") {
            let same_country = |r: &usize| {
                let c = &mentions[*r].actor.country;
                c.is_some() && actors.iter().any(|&a| mentions[a].actor.country == *c)
            };
            let own = |r: &usize| mentions[*r].is_armed() && same_country(r);
            if recipients.iter().any(own) {
                recipients = parsed
                    .map(|p| {
                        p.obliques(m.start)
                            .into_iter()
                            .filter(|o| case_is(p, o.word, &["from", "out"]))
                            .flat_map(|o| nominal_mentions(p, mentions, o.word))
                            .filter(|r| !same_country(r))
                            .collect()
                    })
                    .unwrap_or_default();
                let leave = "recipient: the place the source's own forces leave (parse)";
                how = match how.find("recipient: ") {
                    Some(k) => format!("{}{leave}", &how[..k]),
                    None => format!("{how}; {leave}"),
                };
            }
        }
        // "Shultz goes to Moscow" is a visit; "people are going to
        // different villages", "the photojournalist went to Syria", "the US
        // and the UK had gone to considerable trouble" are not: going
        // somewhere is a visit only for an official.
        // (so too coming or arriving: "the number of refugees coming to
        // the US")
        if (pattern.text == GO_TO || pattern.text == COME_TO)
            && !actors.iter().any(|&k| mentions[k].is_official())
        {
            note(&|| {
                format!("{what}: not coded — going somewhere is a visit only for an official")
            });
            continue;
        }
        // "Hussein conceded they were high": conceding that something is
        // so admits it, it yields nothing.
        if pattern.text == CONCEDE
            && parsed.is_some_and(|p| {
                p.dependents(m.start, "ccomp").next().is_some()
                    && p.dependents(m.start, "obj").next().is_none()
            })
        {
            note(&|| format!("{what}: not coded — conceding that something is so admits it"));
            continue;
        }
        // "come to", "lead to", "side with", "pull out": an imported
        // pattern of a verb and its preposition or particle alone names
        // whom the act is done to there; with no actor there it is an
        // idiom ("came to power", "is going to", "managed to", "find
        // out"). (Not "shot down", "blew up", "cracked down": particles
        // that complete an act.)
        let ends_in_preposition = pattern.frame == Frame::Verb
            && !pattern.reverse
            && pattern.file != "triggers.tsv"
            && pattern.text.split(' ').count() == 2
            && pattern.text.rsplit(' ').next().is_some_and(|w| {
                matches!(
                    w,
                    "to" | "with" | "on" | "against" | "at" | "into" | "for" | "toward" | "towards"
                ) || matches!(w, "out" | "away" | "forth" | "behind")
            });
        if ends_in_preposition && recipients.is_empty() {
            note(&|| format!("{what}: not coded — no actor after its preposition"));
            continue;
        }
        // "is *going to* be bad", "*leading to* fears": a "to" that opens
        // an infinitive is no preposition (the parse tags the verb after it).
        let infinitive = ends_in_preposition
            && s.word(m.end - 1) == "to"
            && parsed.is_some_and(|p| {
                p.words
                    .get(m.end)
                    .is_some_and(|w| matches!(w.upos, "VERB" | "AUX"))
            });
        if infinitive {
            note(&|| format!("{what}: not coded — its \"to\" opens an infinitive (parse)"));
            continue;
        }
        // "Georgian demonstrators received assurances from the
        // government": the subject receives, whom it came from gives.
        if pattern.reverse {
            std::mem::swap(&mut actors, &mut recipients);
            how = format!("{how}; reversed (the subject receives: a reverse-direction code)");
            // "faces daily threats", "receive adequate treatment": with no
            // one named as giving it, what is faced or received tells of no
            // act. (Dying "in an airstrike" or "in custody" is one.)
            let given = [
                "face+", "receive+", "get+", "obtain+", "win+", "gain+", "hear+",
            ]
            .iter()
            .any(|v| pattern.text.starts_with(v));
            if given && actors.is_empty() {
                note(&|| format!("{what}: not coded — received from no one named"));
                continue;
            }
        }
        // "Israel released the mayor", "were freed by Putin": a bare verb
        // that is an event only when it is done to people the parse names
        // as its object (or, in the passive, its subject) — not "released
        // a report on Iran".
        if DONE_TO_ACTORS.contains(&pattern.text.as_str())
            && !parsed.is_some_and(|p| done_to_actor(p, s, mentions, &m))
        {
            note(&|| format!("{what}: not coded — what it is done to is no actor (parse)"));
            continue;
        }
        // "the president *dismissed* the minister", "the midfielder was
        // dismissed": a person dismissed is sacked or sent off, not a
        // proposal rejected.
        if pattern.text == "dismiss+"
            && parsed.is_some_and(|p| dismisses_a_person(p, s, mentions, &m))
        {
            note(&|| format!("{what}: not coded — a person dismissed is no rejection (parse)"));
            continue;
        }
        // "cleared mines *to allow* civilians to leave": a permission
        // that is a purpose is no concession made.
        if pattern.text == "allow+ .. to"
            && parsed.is_some_and(|p| {
                p.relation(m.start) == "advcl" && introduced_by(p, m.start, &["to"])
            })
        {
            note(&|| format!("{what}: not coded — a purpose (parse)"));
            continue;
        }
        // "helped Putin", but not "to help the rebels" or "helping
        // refugees": a purpose, a wish or a slogan is no act of aid.
        if FINITE_ONLY.contains(&pattern.text.as_str())
            && !parsed.is_some_and(|p| finite(p, m.start))
        {
            note(&|| format!("{what}: not coded — not a finite verb (a purpose or a gerund)"));
            continue;
        }
        // "UK law allows Britain to …", "China had asked Chinese …": a
        // country named again on the other side is the same actor, not a
        // recipient of its own act.
        let bare_country = |k: usize| {
            let a = &mentions[k].actor;
            a.sector.is_none() && a.country.is_some()
        };
        // (With several sources, another source may well be one side's
        // recipient: "ties between Arnor and Gondor may spur reconciliation
        // between … and Gondor".)
        let before = recipients.len();
        if let [a] = actors[..] {
            recipients.retain(|&r| {
                !(bare_country(a)
                    && bare_country(r)
                    && mentions[a].actor.country == mentions[r].actor.country)
            });
        }
        if recipients.len() < before {
            how.push_str("; a recipient that is the source's own country dropped");
        }
        // "pressured Mexico to act": pressure is on the side named between
        // the verb and its "to" (not on "their citizens" in "pressured
        // other countries not to repatriate their citizens"), and with no
        // one named there it is no coercion ("pressured rates to rise",
        // "felt compelled to").
        if is_pressure(pattern) {
            recipients.retain(|&r| mentions[r].tok.0 < m.end);
            if recipients.is_empty() {
                note(&|| format!("{what}: not coded — no one named under pressure"));
                continue;
            }
        }
        // "Russia and Ukraine agreed", "the US, Russia and Switzerland met":
        // a joint act with no one else named is done among the sides, as
        // "talks between" them are.
        let mut joint = Vec::new();
        if recipients.is_empty() && actors.len() >= 2 && is_mutual(pattern) {
            recipients = actors.split_off(1);
            how.push_str("; the coordinated sources act with each other");
            joint = recipients.clone();
        }
        note(&|| format!("{what}: coded — {how}"));
        let mut modality = match parsed {
            Some(p) if pattern.frame == Frame::Verb => parse_modality(
                p,
                s,
                clauses,
                &m,
                pattern.event == EventType::Assault,
                false,
            ),
            _ => modality(s, clauses, &m),
        };
        // "did not clash" matched by a pattern that names the negation
        // (PETRARCH's `&NEGATVAUXVRB * …`): its code is for the negated
        // act, which is coded, not undone.
        if modality == Modality::Negated
            && !pattern.before.is_empty()
            && (m.before..m.start).any(|k| is_negation(s.word(k)))
        {
            modality = Modality::Asserted;
        }
        // "is prepared to impose martial law", "vowed to attack": readiness
        // to do harm is an announced act — a threat — not an agreement.
        let mut event = pattern.event;
        if STANCES.contains(&pattern.text.as_str()) {
            // The first trigger of the complement is what the stance is
            // to do: "prepared to *lift* the ban" is no readiness to ban.
            let harm = (m.end..(m.end + 3).min(n))
                .find_map(|j| s.trigger_at(lex, j))
                .filter(|c| is_harm(lex.triggers.patterns[c.pattern].event));
            if let Some(c) = harm {
                m = c;
                event = lex.triggers.patterns[c.pattern].event;
                if !matches!(modality, Modality::Negated | Modality::Conditional) {
                    modality = Modality::Future;
                }
                how.push_str("; the stance is to do what its complement names");
            } else if recipients.is_empty() {
                // "is ready to accept a U.S. proposal": whom the stance is
                // towards is its complement's object's side
                let toward = parsed.and_then(|p| {
                    // (its infinitive, however the parser hung it: "ready
                    // to accept" may come out a clausal subject)
                    let v = (m.start..m.end).find_map(|k| {
                        p.children(k).iter().copied().find(|&c| {
                            p.words[c].upos == "VERB"
                                && p.marker(c).is_some_and(|mk| p.words[mk].lemma == "to")
                        })
                    })?;
                    // (not the source's own country: "pledged to end
                    // America's wars"; nor its own means, troops of no
                    // country or "its troops": "willing to withdraw its
                    // troops from Lebanon" is towards Lebanon)
                    let own_means = |k: usize| {
                        let a = &mentions[k].actor;
                        a.country.is_none()
                            && a.name.is_none()
                            && (a.sector.as_deref() == Some("MIL")
                                || mentions[k].tok.0.checked_sub(1).is_some_and(|i| {
                                    matches!(s.word(i), "its" | "their" | "his" | "her" | "our")
                                }))
                    };
                    let side = |o: usize| -> Vec<usize> {
                        nominal_mentions(p, mentions, o)
                            .into_iter()
                            .filter(|&k| {
                                !actors.contains(&k)
                                    && !clauses.excluded.contains(&k)
                                    && !own_country(mentions, k, &actors)
                                    && !own_means(k)
                            })
                            .collect()
                    };
                    // (else the place it is from or to, of the verb or
                    // its object: "withdraw its troops *from* Lebanon")
                    let object = p.object(v);
                    let found = object.map(side).filter(|f| !f.is_empty()).or_else(|| {
                        p.dependents(v, "obl")
                            .chain(object.into_iter().flat_map(|o| p.dependents(o, "nmod")))
                            .filter(|&o| case_is(p, o, &["from", "to", "into"]))
                            .map(side)
                            .find(|f| !f.is_empty())
                    })?;
                    (!found.is_empty()).then_some(found)
                });
                if let Some(found) = toward {
                    recipients = found;
                    how = how.replace(
                        "recipient: none found",
                        "recipient: the side of its complement's object (parse)",
                    );
                }
            }
        }
        let refused = modality == Modality::Negated
            && pattern.frame == Frame::Verb
            && parsed.is_some_and(|p| announced_refusal(p, m.start));
        let mut found = place_and_time(
            s, parsed, mentions, clauses, dates, event, m, actors, recipients, how, modality,
        );
        found.refused = refused;
        found.self_done = reflexive.is_some() && found.recipients.is_empty();
        found.scheduled = modality == Modality::Future
            && pattern.frame == Frame::Verb
            && parsed.is_some_and(|p| scheduled(p, m.start));
        if found.scheduled {
            found
                .how
                .push_str("; scheduled, not announced by its doer: the act itself, future");
        }
        // "forces moved ahead with efforts to take control of the train":
        // an aim being pursued is the act itself, under way, not an
        // announced intent or threat
        let pursued = modality == Modality::Future
            && !found.scheduled
            && pattern.frame == Frame::Verb
            && parsed.is_some_and(|p| pursued_aim(p, m.start));
        if pursued {
            found.scheduled = true;
            found
                .how
                .push_str("; an aim pursued, not announced: the act itself, future");
        }
        // Each later side of a joint act among three or more acts with
        // the sides after it, so that every pair is a dyad.
        let others: Vec<Found> = (1..joint.len())
            .map(|k| Found {
                actors: vec![joint[k - 1]],
                recipients: joint[k..].to_vec(),
                part: k,
                ..found.clone()
            })
            .collect();
        // "Georgia received ministers from Armenia" (CAMEO 043, host a
        // visit, told by a verb of receiving guests): the guests made a
        // visit (042) to their host, the pair of codes PETRARCH's
        // dictionary gives such patterns ([043:042]).
        let host_word = s.word(found.trigger.start);
        let hosted = lex.triggers.patterns[found.trigger.pattern]
            .cameo
            .as_deref()
            == Some("043")
            && ["receiv", "host", "welcom"].iter().any(|w| {
                host_word
                    .get(..w.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(w))
            });
        let guest =
            (hosted && !found.actors.is_empty() && !found.recipients.is_empty()).then(|| Found {
                actors: found.recipients.clone(),
                recipients: found.actors.clone(),
                visit: true,
                part: joint.len().max(1),
                ..found.clone()
            });
        out.push(found);
        out.extend(others);
        out.extend(guest);
    }
    let assault = |f: &Found| lex.triggers.patterns[f.trigger.pattern].event == EventType::Assault;
    let reported_assault = clauses.attribution.is_some() && out.iter().any(assault);
    let acc = reported_assault
        .then(|| {
            accusation(
                lex,
                s,
                mentions,
                clauses,
                dates,
                syntax.get(doc_text, s),
                &out,
            )
        })
        .flatten();
    if let Some(acc) = acc {
        let pattern = &lex.triggers.patterns[acc.trigger.pattern];
        note(&|| {
            let what = describe(s, doc_text, pattern, &acc.trigger, ", a report");
            format!("{what}: coded — {}", acc.how)
        });
        out.push(acc);
    }
    // "Lavrov said 10 diplomats will be expelled from Russia", "Canada
    // said any French fishermen caught will be arrested": an act announced
    // with no doer named is the announcing side's (not the press's)
    let announcer = clauses.attribution.map(|(k, _)| k).filter(|&k| {
        let a = &mentions[k].actor;
        (a.country.is_some() || a.kb_id.is_some()) && a.sector.as_deref() != Some("MED")
    });
    for f in out.iter_mut() {
        if let Some(k) = announcer.filter(|&k| {
            f.actors.is_empty()
                && f.modality == Modality::Future
                && !f.scheduled
                && !f.unattributed
                && f.recipients
                    .iter()
                    .all(|&r| mentions[r].actor.cameo != mentions[k].actor.cameo)
        }) {
            f.actors = vec![k];
            f.how
                .push_str("; source: the side announcing it, as none is named");
        }
    }
    // (parsed only when an event has no source: a sentence with none
    // found is not parsed here)
    let parsed = if out.iter().any(|f| f.actors.is_empty()) {
        syntax.get(doc_text, s)
    } else {
        None
    };
    out.retain(|f| {
        // "all staff will be withdrawn from Syria", "the plan will be
        // passed to Lavrov": an announced act no one is named as doing is
        // no one's intent
        let no_ones = f.actors.is_empty() && f.modality == Modality::Future && !f.scheduled;
        // "Spain is threatened with massive imports", "the crop is
        // threatened by pests": a danger, not a threat anyone made
        let danger = f.actors.is_empty()
            && parsed.is_some_and(|p| {
                let t = f.trigger.start;
                // (or a participle with no auxiliary before its by-phrase,
                // or in a headline: "CUBAN CATTLE THREATENED BY DROUGHT",
                // "U.S. EXPANSION THREATENED")
                let participle = p.words[t].xpos == "VBN"
                    && (s.word(t + 1) == "by" || s.is_title)
                    && p.dependents(t, "aux").next().is_none();
                p.lemma_is(t, &["threaten"]) && (p.is_passive(t) || participle)
            });
        let why = if f.self_done {
            "done by its source to itself"
        } else if no_ones {
            "an announced act with no one named as its doer"
        } else if danger {
            "a danger, with no one named as making the threat"
        } else {
            return true;
        };
        note(&|| {
            let pattern = &lex.triggers.patterns[f.trigger.pattern];
            let what = describe(s, doc_text, pattern, &f.trigger, "");
            format!("{what}: not coded after all — {why}")
        });
        false
    });
    // "did not respond to a VOA inquiry", "VOA examined the facts": a news
    // organisation's inquiry is its reporting, not an investigation of
    // anyone.
    // "VOA spoke with Armitage", "told Reuters in an interview": a talk
    // with the press is an interview, its reporting too.
    out.retain(|f| {
        let pattern = &lex.triggers.patterns[f.trigger.pattern];
        let all_press = |side: &[usize]| {
            !side.is_empty()
                && side
                    .iter()
                    .all(|&a| mentions[a].actor.sector.as_deref() == Some("MED"))
        };
        let inquiry = pattern.mode.as_deref() == Some("investigate") && all_press(&f.actors);
        let interview = pattern.event == EventType::Consult
            && (all_press(&f.actors) || all_press(&f.recipients));
        if inquiry || interview {
            note(&|| {
                let what = describe(s, doc_text, pattern, &f.trigger, "");
                format!(
                    "{what}: dropped — a news organisation's inquiry or interview is its reporting"
                )
            });
        }
        !(inquiry || interview)
    });
    // "Daphne Caruana Galizia, who was killed in Malta in 2017", "met Kim
    // at the Singapore summit in June 2018" in a story of 2025: an act of
    // an earlier year is background to the story; it has no day, so it is
    // not dated on the story's.
    // "met Putin last month", "a year ago", "will visit India next week":
    // likewise any period wholly before or after the story's day. An act
    // in a period ahead is announced, not done.
    if !periods.is_empty() && !out.is_empty() {
        let parsed = syntax.get(doc_text, s);
        for f in &mut out {
            let Some(((a, b), ahead)) = other_period(s, parsed, &f.trigger, periods) else {
                continue;
            };
            f.past = Some((a, b));
            let done =
                parsed.is_some_and(|p| matches!(p.words[f.trigger.start].xpos, "VBD" | "VBN"));
            let announced =
                ahead && !done && matches!(f.modality, Modality::Asserted | Modality::Reported);
            if announced {
                f.modality = Modality::Future;
            }
            note(&|| {
                let pattern = &lex.triggers.patterns[f.trigger.pattern];
                let what = describe(s, doc_text, pattern, &f.trigger, "");
                let words = s.span_of(a, b).slice(doc_text);
                match (ahead, announced) {
                    (false, _) => format!(
                        "{what}: undated — `{words}` is before the story's day, background to it"
                    ),
                    (true, false) => format!("{what}: undated — `{words}` is after the story's day"),
                    (true, true) => format!(
                        "{what}: undated — `{words}` is after the story's day, so the act is announced (future)"
                    ),
                }
            });
        }
    }
    // "since Russia invaded Ukraine", "before the army seized the town":
    // a past act in a clause of earlier time is background to the act it
    // sets the time of, with no day of its own.
    if out.iter().any(|f| f.date.is_none() && f.past.is_none()) {
        if let Some(p) = syntax.get(doc_text, s) {
            for f in out
                .iter_mut()
                .filter(|f| f.date.is_none() && f.past.is_none())
            {
                let Some(why) = background(p, f.trigger.start, f.modality) else {
                    continue;
                };
                f.background = true;
                note(&|| {
                    let pattern = &lex.triggers.patterns[f.trigger.pattern];
                    let what = describe(s, doc_text, pattern, &f.trigger, "");
                    format!("{what}: undated — {why} (background)")
                });
            }
        }
    }
    // "Iran said U.S. forces attacked two of *its* oil platforms": harm to
    // the speaker's own things, told by the speaker, is done to the speaker.
    let unaimed_harm = |f: &Found| {
        f.recipients.is_empty() && is_harm(lex.triggers.patterns[f.trigger.pattern].event)
    };
    if out.iter().any(unaimed_harm) {
        if let Some(p) = syntax.get(doc_text, s) {
            for f in out.iter_mut().filter(|f| unaimed_harm(f)) {
                let speaker = speakers_own(p, s, mentions, f.trigger.start);
                if !speaker.is_empty() && !speaker.iter().any(|k| f.actors.contains(k)) {
                    f.recipients = speaker;
                    f.how
                        .push_str("; recipient: the speaker, whose own thing it harmed (parse)");
                }
            }
        }
    }
    out
}

/// The speaker's mentions, where the object of verb `v` is something of
/// theirs ("our", or "its" after a plural doer) and `v` is in what they
/// said.
fn speakers_own(
    p: &ParsedSentence<'_>,
    s: &Sentence<'_>,
    mentions: &[Mention],
    v: usize,
) -> Vec<usize> {
    // ("its" not of a singular doer, which is whose it more likely is:
    // "Iran had test-fired its new missiles"; not "their", which may be
    // anything's: "seized boats and detained their crew")
    let plural_doer = p
        .subject(v)
        .is_some_and(|h| matches!(p.words[h].xpos, "NNS" | "NNPS"));
    let possessive = |n: usize| {
        p.children(n).iter().any(|&c| {
            p.words[c].deprel == "nmod:poss"
                && match s.word(c) {
                    "our" => true,
                    "its" => plural_doer,
                    _ => false,
                }
        })
    };
    let Some(o) = p.object(v) else {
        return Vec::new();
    };
    // (or of the noun after "of": "two of its oil platforms")
    let owned = possessive(o) || p.dependents(o, "nmod").any(possessive);
    match p.reporting_verb(v) {
        Some(r) if owned => crate::syntax::subject_mentions(p, mentions, r),
        _ => Vec::new(),
    }
}

/// Why the past act of verb `v` (with no date of its own) is background
/// to the story rather than its news, if it is:
/// - in a clause of earlier time: "since Russia invaded Ukraine", "before
///   the army seized the town";
/// - in a relative clause: "Navalny, a politician who criticized Putin",
///   "Hamas, which attacked Israel" (what the noun is known for);
/// - not reported, in the pluperfect: "Russia had attacked Ukraine" (a
///   reported "said it had blown up tracks" is the simple past shifted
///   back), or said to be earlier: "previously", "formerly", "once", "in
///   the past".
fn background(p: &ParsedSentence<'_>, v: usize, modality: Modality) -> Option<&'static str> {
    // "Beijing has long rejected the ruling": a stance held for long, not
    // an act of the story's day
    let long_held = p.words[v].xpos == "VBN"
        && p.dependents(v, "advmod").any(|a| p.lemma_is(a, &["long"]))
        && p.dependents(v, "aux").any(|a| p.lemma_is(a, &["have"]));
    if long_held {
        return Some("an act held for long");
    }
    if !finite_past(p, v) {
        return None;
    }
    let marked = |words: &[&str]| p.dependents(v, "mark").any(|k| p.lemma_is(k, words));
    if p.relation(v) == "advcl" && marked(&["since", "before"]) {
        return Some("a past act in a clause of earlier time");
    }
    // (with its relative word, "who", "which", "whose …", "where": the
    // parser makes other clauses relative ones too; not a cleft: "it was
    // the gang leader who was killed")
    let wh = |i: usize| p.words[i].xpos.starts_with('W') && i < v;
    let relative = p
        .children(v)
        .iter()
        .any(|&c| wh(c) || p.children(c).iter().any(|&g| wh(g)));
    let cleft = p
        .head(v)
        .is_some_and(|n| p.dependents(n, "cop").next().is_some());
    if p.words[v].deprel == "acl:relcl" && relative && !cleft {
        return Some("a past act in a relative clause");
    }
    // (told by someone, an earlier act may be of the same day: "according
    // to TASS, Witkoff had previously met with Dmitriev")
    if modality != Modality::Asserted || p.reporting_verb(v).is_some() {
        return None;
    }
    if past_auxiliary(p, v, "aux", "have") {
        return Some("an act in the pluperfect");
    }
    let earlier = p
        .dependents(v, "advmod")
        .any(|a| p.lemma_is(a, &["previously", "formerly", "once"]))
        || p.dependents(v, "obl").any(|o| {
            p.lemma_is(o, &["past"])
                && p.dependents(o, "case").any(|c| p.lemma_is(c, &["in"]))
                && p.dependents(o, "det").any(|d| p.lemma_is(d, &["the"]))
        });
    earlier.then_some("a past act said to be earlier")
}

/// Whether verb `v` is in a past tense: "invaded", "had invaded", "was
/// invaded" (not "has invaded", which reaches the present).
fn finite_past(p: &ParsedSentence<'_>, v: usize) -> bool {
    match p.words[v].xpos {
        "VBD" => true,
        "VBN" => past_auxiliary(p, v, "aux", "have") || past_auxiliary(p, v, "aux:pass", "be"),
        _ => false,
    }
}

/// Whether `v` is a verb joined to another with no subject or auxiliary of
/// its own ("ambushed a bus and *killed* 18"), which shares that verb's
/// time and mood.
fn joined_bare(p: &ParsedSentence<'_>, v: usize) -> bool {
    p.words[v].upos == "VERB"
        && p.relation(v) == "conj"
        && !p
            .children(v)
            .iter()
            .any(|&c| matches!(p.relation(c), "nsubj" | "aux"))
}

/// Whether clause `v` is introduced by one of `words` (its `mark`, or the
/// `case` the parser gives a gerund: "from seeking", "by going").
fn introduced_by(p: &ParsedSentence<'_>, v: usize, words: &[&str]) -> bool {
    p.children(v)
        .iter()
        .any(|&k| matches!(p.relation(k), "mark" | "case") && p.lemma_is(k, words))
}

/// Whether verb `v` has auxiliary `lemma` in the past tense as its `rel`.
fn past_auxiliary(p: &ParsedSentence<'_>, v: usize, rel: &str, lemma: &str) -> bool {
    p.children(v)
        .iter()
        .any(|&a| p.words[a].deprel == rel && p.lemma_is(a, &[lemma]) && p.words[a].xpos == "VBD")
}

/// The words of a period before or after the story's day that date
/// trigger `m` ("in 2017", "in June 2018", "last month", "a year ago",
/// "next week"), and whether it lies ahead. By the parse, the expression
/// hangs from the trigger with no verb between; without a parse, only "in"
/// or "during" a period in the trigger's segment counts. A period after
/// another preposition ("since 2014", "by next year", "for the past year")
/// is a span or a deadline, not the act's time.
fn other_period(
    s: &Sentence<'_>,
    parsed: Option<&ParsedSentence<'_>>,
    m: &TriggerMatch,
    periods: &[crate::dates::Period],
) -> Option<((usize, usize), bool)> {
    periods
        .iter()
        .find_map(|d| period_of_trigger(s, parsed, m, d))
        .or_else(|| fronted_period(s, m, periods))
}

/// A period that opens the sentence and is set off by a comma ("In 2024,
/// the BLA killed nearly 400 people", "Last year, ...") is the time of
/// the main clause after it, however the parser hung it (a fronted year
/// is often read as the root).
fn fronted_period(
    s: &Sentence<'_>,
    m: &TriggerMatch,
    periods: &[crate::dates::Period],
) -> Option<((usize, usize), bool)> {
    let d = periods.first()?;
    let (a, b) = d.tok;
    let opens = a == 0 || (a == 1 && matches!(s.word(0), "in" | "during"));
    (opens && s.word(b) == "," && m.start > b).then_some(((0, b), d.ahead))
}

/// The period `d` of the sentence, if it is the time of trigger `m` by
/// the parse (see [`other_period`]).
fn period_of_trigger(
    s: &Sentence<'_>,
    parsed: Option<&ParsedSentence<'_>>,
    m: &TriggerMatch,
    d: &crate::dates::Period,
) -> Option<((usize, usize), bool)> {
    let (a, b) = d.tok;
    if a < m.end && m.start < b {
        return None;
    }
    let prev = a.checked_sub(1).map_or("", |k| s.word(k));
    let within = matches!(prev, "in" | "during");
    // "in the last month", "during the past year": up to now
    let up_to_now = s.word(a) == "the" && matches!(s.word(a + 1), "last" | "past");
    if up_to_now {
        return None;
    }
    let span = if within { (a - 1, b) } else { (a, b) };
    // "descended into chaos in 2013 *when* rebels seized power", "since
    // 2011, when the government sent soldiers": a when-clause right after
    // the period tells what happened then.
    let when = if s.word(b) == "," { b + 1 } else { b };
    if s.word(when) == "when"
        && when < m.start
        && m.start <= when + 12
        && !(when..m.start).any(|k| matches!(s.word(k), "," | ";" | ":"))
    {
        return Some((span, d.ahead));
    }
    // (an event noun that is the subject or object of a verb is dated
    // by that verb's period: "when the US invasion toppled Saddam in
    // 2003")
    // (a verb joined to another with no subject of its own, by that
    // verb's: "last month insurgents ambushed a bus and killed 18")
    let carrier = parsed.and_then(|p| {
        let v = m.start;
        let noun = p.words[v].upos == "NOUN" && matches!(p.relation(v), "nsubj" | "obj");
        let joined = joined_bare(p, v);
        (noun || joined).then(|| p.head(v)).flatten()
    });
    // (and an event noun by the participle describing it: "US
    // sanctions *imposed* on Russia last week")
    let described = parsed.and_then(|p| {
        let v = m.start;
        (p.words[v].upos == "NOUN")
            .then(|| p.dependents(v, "acl").find(|&c| p.words[c].xpos == "VBN"))
            .flatten()
    });
    // (and what is said or announced by the saying's period, before it:
    // "announced last week that it would cease aid" was announced then)
    let sayer = parsed.and_then(|p| {
        let v = m.start;
        (p.relation(v) == "ccomp" && b <= v)
            .then(|| p.head(v))
            .flatten()
            .filter(|&h| p.reporting_verb(v) == Some(h))
    });
    let on_trigger = |h: usize| {
        (m.start..m.end).contains(&h)
            || carrier == Some(h)
            || described == Some(h)
            || sayer == Some(h)
    };
    let dates_trigger = match parsed {
        // "in June" hangs from the trigger or from a word of its
        // ("met Kim at the summit in June 2018"); a period without a
        // preposition ("last month", "a year ago", "Saddam's 1988
        // attack") from the trigger itself: "withdrew from the 2015
        // agreement" is not dated 2015, nor "bonds due 1997" 1997
        Some(p) => {
            let free = p
                .words
                .get(a.wrapping_sub(1))
                .is_none_or(|w| w.upos != "ADP");
            let k = expression_head(p, (a, b));
            // (a bare period after the trigger, with no verb between:
            // "criticised a proposal that Congress allow … next year"
            // is the proposal's)
            // (a participle describing a noun, "stockpiled tin", is none)
            let verb_between = (m.end..a).any(|j| {
                matches!(p.words[j].upos, "VERB" | "AUX")
                    && !matches!(p.relation(j), "amod" | "compound" | "case")
            });
            if verb_between && !within {
                return None;
            }
            let up: Vec<usize> = p.ancestors(k).skip(1).take(3).collect();
            match up.as_slice() {
                [h, ..] if on_trigger(*h) => within || free,
                // (a place the parser hung "in January" on, in a phrase of
                // the trigger's: "launched an offensive towards the port
                // of Basra in January")
                [h, g, rest @ ..]
                    if within
                        && p.words[*h].upos == "PROPN"
                        && (on_trigger(*g) || rest.first().is_some_and(|x| on_trigger(*x))) =>
                {
                    true
                }
                // (or from the subject, when both come before the
                // verb: "the Senate last week called on Reagan", "Last
                // month Turkey sent troops", which the parser reads as
                // one noun phrase)
                [h, g, ..] if within || (free && b <= m.start && *h < m.start) => {
                    on_trigger(*g) && !matches!(p.words[*h].upos, "VERB" | "AUX")
                }
                _ => false,
            }
        }
        None => within && same_segment(s, m.start, a),
    };
    dates_trigger.then_some((span, d.ahead))
}

/// How `dyad explain` names a trigger match: its words, the pattern's row
/// and text, its event type (and `what`, e.g. ", a noun").
fn describe(
    s: &Sentence<'_>,
    doc_text: &str,
    pattern: &dyad_lexicon::TriggerPattern,
    m: &TriggerMatch,
    what: &str,
) -> String {
    format!(
        "`{}` ({}:{} `{}` {}{what})",
        s.span_of(m.start, m.end).slice(doc_text),
        pattern.file,
        pattern.line,
        pattern.text,
        pattern.event
    )
}

/// "The US said Iraq had attacked …", "Israel said a mortar bomb was fired
/// at it by Hamas": a side that reports another side's assault accuses it
/// (CAMEO 112), as PETRARCH2's `SAY` transformation codes it (`~ a (b .
/// ATTACK) SAY = a b 112`). The assault is still coded, with the speaker
/// as its attribution. Only when the speaker states it before the news it
/// tells (a source named after it, "…, officials in Nairobi said", is
/// sourcing); not for a side telling of its own attacks, nor for the
/// press, medics, police or witnesses, whose reports are no accusation.
fn accusation(
    lex: &Lexicon,
    s: &Sentence<'_>,
    mentions: &[Mention],
    clauses: &Clauses,
    dates: &[DateExpr],
    parsed: Option<&ParsedSentence<'_>>,
    found: &[Found],
) -> Option<Found> {
    let (k, (a, b)) = clauses.attribution?;
    let (v, pattern) = (a..b).find_map(|i| lex.triggers.report(s.word(i)).map(|p| (i, p)))?;
    let speaker = &mentions.get(k)?.actor;
    let reporter = speaker.sector.as_deref().is_some_and(|c| {
        ["MED", "HLH", "CVL", "EDU", "BUS", "COP"]
            .iter()
            .any(|x| c.contains(x))
    });
    if reporter || (speaker.country.is_none() && speaker.kb_id.is_none()) {
        return None;
    }
    let same_side = |m: &Mention| {
        m.actor.cameo.is_some() && m.actor.cameo == speaker.cameo
            || m.actor.country.is_some() && m.actor.country == speaker.country
    };
    let mut accused: Vec<usize> = Vec::new();
    for f in found {
        let assault = lex.triggers.patterns[f.trigger.pattern].event == EventType::Assault;
        // The speaker states it ("Israel said that …"), not a source
        // named after the fact ("…, officials in Nairobi said").
        let stated = mentions[k].tok.1 <= v && v < f.trigger.start;
        // An attack that was made, told by a verb of its own ("had
        // attacked", "were killed"): not a planned one ("military attacks
        // in Syria", "a pretext for the US to launch strikes").
        let pattern = &lex.triggers.patterns[f.trigger.pattern];
        let made = pattern.frame == Frame::Verb
            && parsed.is_some_and(|p| {
                let t = f.trigger.start;
                finite(p, t) || (p.words[t].xpos == "VBN" && p.is_passive(t))
            });
        if !assault
            || !stated
            || !made
            || !matches!(f.modality, Modality::Reported | Modality::Asserted)
        {
            continue;
        }
        // Named in what is told, and not as the speaker's own ("his
        // forces", "they" for the speakers themselves).
        for &x in &f.actors {
            let (a, _) = mentions[x].tok;
            let own = a > 0 && matches!(s.word(a - 1), "his" | "her" | "its" | "their" | "our");
            // ("Chad says troops killed 1,200 Libyans": an army named by
            // its noun alone, of no country, is the speaker's own; not
            // "government troops")
            let bare = |t: &str| {
                let t = t.strip_prefix("the ").unwrap_or(t);
                !t.contains(' ')
            };
            let own = own
                || mentions[x].actor.country.is_none()
                    && mentions[x].actor.sector.as_deref() == Some("MIL")
                    && bare(&mentions[x].actor.text);
            if a > v && !own && x != k && !same_side(&mentions[x]) && !accused.contains(&x) {
                accused.push(x);
            }
        }
    }
    if accused.is_empty() {
        return None;
    }
    let m = TriggerMatch {
        pattern,
        start: v,
        end: v + 1,
        before: v,
    };
    let how = format!(
        "source: the speaker, {:?}; recipient: the side it says attacked; a report of another side's assault is an accusation",
        speaker.text
    );
    Some(place_and_time(
        s,
        parsed,
        mentions,
        clauses,
        dates,
        lex.triggers.patterns[pattern].event,
        m,
        vec![k],
        accused,
        how,
        Modality::Asserted,
    ))
}

/// Nouns of an armed attack, the doer of which did the harm that happened
/// "in" it.
/// Event nouns whose possessor underwent the act ("Dodik's arrest",
/// "Navalny's release"), unlike "Russia's invasion".
const UNDERGONE_NOUNS: &[&str] = &[
    "arrest",
    "detention",
    "release",
    "killing",
    "murder",
    "assassination",
    "execution",
    "abduction",
    "kidnapping",
    "capture",
    "extradition",
    "expulsion",
    "deportation",
    "imprisonment",
    "jailing",
    "ouster",
    "removal",
    "dismissal",
    "sentencing",
    "conviction",
    "prosecution",
    "trial",
];

const ATTACK_NOUNS: &[&str] = &[
    "attack",
    "strike",
    "airstrike",
    "air-strike",
    "raid",
    "shelling",
    "bombing",
    "bombardment",
    "offensive",
    "ambush",
    "assault",
    "gunfire",
    "fire",
    "crossfire",
    "firing",
    "shooting",
    "massacre",
    "killing",
];

/// Things that kill: "an *explosion* killed two", "a *bomb* wounded five".
const WEAPON_NOUNS: &[&str] = &[
    "explosion",
    "blast",
    "bomb",
    "device",
    "mine",
    "landmine",
    "rocket",
    "missile",
    "shell",
    "grenade",
    "mortar",
    "drone",
    "artillery",
];

/// "remains *detained*", "was left *wounded*": a participle that completes
/// a verb of state, or is joined to a passive or a predicate of state
/// ("is dead, *killed* in a raid"), tells what was done to that verb's
/// subject.
fn stative_participle(p: &ParsedSentence<'_>, v: usize) -> bool {
    // (or one of a list of them: "remain unseen, unprotected, *bombed*")
    let mut u = v;
    for _ in 0..8 {
        match p.head(u) {
            Some(h) if p.relation(u) == "conj" => u = h,
            _ => break,
        }
    }
    // "were killed in airstrikes and *shelling* by forces loyal to Assad":
    // a gerund the parser joined to a passive, with a by-agent of its
    // own, is a noun of the act done to the passive's subject
    if p.words[v].xpos == "VBG"
        && u != v
        && p.is_passive(u)
        && joined_bare(p, v)
        && p.dependents(v, "obl").any(|o| case_is(p, o, &["by"]))
    {
        return true;
    }
    let bare = !p
        .children(v)
        .iter()
        .any(|&c| matches!(p.relation(c), "aux" | "nsubj" | "csubj" | "expl" | "obj"));
    let joined_to_state =
        u != v && bare && (p.is_passive(u) || p.dependents(u, "cop").next().is_some());
    // (a past tense the tagger gave a member of a list joined by commas
    // alone, with no "and" or "or" of its own: "is dead, *killed* in a
    // raid", "had been 'neutralised', *killed* or captured"; not "was
    // attacked and *retaliated*")
    if p.words[v].xpos == "VBD" && joined_to_state && p.dependents(v, "cc").next().is_none() {
        return true;
    }
    if p.words[v].xpos != "VBN" {
        return false;
    }
    // "is dead, *killed* in a raid", "were arrested and *charged*": a
    // participle with no auxiliary or subject of its own, joined to a
    // passive or to a predicate of state, is passive too
    if joined_to_state {
        return true;
    }
    p.relation(u) == "xcomp"
        && p.head(u).is_some_and(|h| {
            p.lemma_is(
                h,
                &["remain", "stay", "become", "seem", "appear", "leave", "lie"],
            )
        })
}

/// Whether mention `r` is the state of one of `sources` that are a state or
/// its organs: the same country (or none, for a bare "the military", "the
/// government"), and a state's organ or the country itself.
fn own_state<'a>(r: &Mention, mut sources: impl Iterator<Item = &'a Mention>) -> bool {
    let state = |m: &Mention| {
        m.actor.sector.as_deref().is_none_or(|x| {
            matches!(
                x.get(..3),
                Some("GOV" | "MIL" | "COP" | "LEG" | "JUD" | "SPY")
            )
        })
    };
    state(r)
        && sources.any(|m| {
            let same = match (&r.actor.country, &m.actor.country) {
                (Some(a), Some(b)) => a == b,
                (None, Some(_)) => r.actor.sector.is_some(),
                _ => false,
            };
            same && (state(m) || m.actor.sector.as_deref() == Some("ELI"))
        })
}

/// Whether mention `r` is the country itself (no sector) of one of the
/// `sources`: "Zhao said China must reform", "pledged to end America's
/// wars". (Narrower than [`own_state`], which takes in its institutions.)
fn own_country(mentions: &[Mention], r: usize, sources: &[usize]) -> bool {
    let country = &mentions[r].actor.country;
    mentions[r].actor.sector.is_none()
        && country.is_some()
        && sources
            .iter()
            .any(|&k| mentions[k].actor.country == *country)
}

/// Whether verb `v` heads, or is the complement of, a relative clause in
/// the perfect whose subject is "which" or "that" ("which *has fought*
/// alongside the US", "that had *tried to* seize").
fn perfect_relative(p: &ParsedSentence<'_>, v: usize) -> bool {
    let mut u = v;
    for _ in 0..4 {
        if p.words[u].deprel == "acl:relcl" {
            // (of a thing or a body: "Putin, who has repeatedly denied
            // pleas for a ceasefire" is a stance that still holds)
            let relative = p
                .children(u)
                .iter()
                .any(|&c| p.relation(c) == "nsubj" && p.lemma_is(c, &["which", "that"]));
            return relative
                && p.children(u)
                    .iter()
                    .any(|&c| p.relation(c) == "aux" && p.lemma_is(c, &["have"]));
        }
        match p.head(u) {
            Some(h) if p.relation(u) == "xcomp" => u = h,
            _ => return false,
        }
    }
    false
}

/// Whether `v` is a past participle that describes a noun, a passive
/// relative clause without its `which was` ("civilians *killed* in the
/// shelling").
///
/// Not when it has an object or a clause of its own ("police *used* tear
/// gas", "officials *agreed* to …", "a jet *shot down* a helicopter"), nor
/// when the noun is the subject of a verb that has another: then the
/// parser took a main verb for a participle.
fn reduced_passive(p: &ParsedSentence<'_>, s: &Sentence<'_>, m: &TriggerMatch) -> bool {
    let v = m.start;
    if misparsed_participle(p, v).is_some() {
        return true;
    }
    // (a past tense the parser hung on the noun right before it, itself
    // inside another verb's complement, is the participle the tagger
    // missed: "adjourned the case of a journalist *arrested* over his
    // interviews")
    // (with no "had" the parser lost just before: "had in fact asked")
    // (or one the parser itself hung on a noun as a clause with no subject:
    // "a return for hundreds of fighters *pushed* out of Syria")
    let missed_participle = p.words[v].xpos == "VBD"
        && p.dependents(v, "aux").next().is_none()
        && !(v.saturating_sub(3)..v).any(|k| p.lemma_is(k, &["have"]))
        && p.head(v).is_some_and(|n| {
            (n + 1 == v && matches!(p.relation(n), "obj" | "obl" | "nmod" | "iobj"))
                || (p.relation(v) == "acl"
                    && p.subject(v).is_none()
                    && (p.lemma_is(v, NEEDS_OBJECT) || p.lemma_is(v, &["push", "drive", "force"])))
        });
    // (or set off by a comma and hung on the noun as a relative clause
    // with no subject: "a ministry spokesman, *asked* for a reaction,
    // said")
    let comma_relative = p.words[v].deprel == "acl:relcl"
        && matches!(p.words[v].xpos, "VBN" | "VBD")
        && v > 0
        && s.word(v - 1) == ","
        && p.subject(v).is_none()
        && p.dependents(v, "aux").next().is_none();
    if !comma_relative
        && (p.words[v].deprel != "acl" || !(p.words[v].xpos == "VBN" || missed_participle))
    {
        return false;
    }
    // (the word after the participle itself: after "expected to visit"
    // comes the object of "visit", not of "expected")
    let next = if s.word(v + 1) == "to" {
        s.word(v + 1)
    } else {
        s.word(m.end)
    };
    if is_determiner(next) || next.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let own_complement = has_own_complement(p, v);
    let two_subjects = p.head(v).is_some_and(|n| {
        matches!(p.relation(n), "nsubj" | "csubj")
            && p.head(n).is_some_and(|g| {
                p.children(g)
                    .iter()
                    .any(|&c| c != n && matches!(p.relation(c), "nsubj" | "csubj"))
            })
    });
    // A noun no verb governs ("officials agreed …" parsed with the noun as
    // the root): the sentence's verb was taken for the participle.
    let governed = p.head(v).is_some_and(|n| {
        p.ancestors(n)
            .skip(1)
            .any(|a| matches!(p.words[a].upos, "VERB" | "AUX"))
    });
    governed && !own_complement && !two_subjects
}

/// Whether verb `v` has an object or a clause of its own.
fn has_own_complement(p: &ParsedSentence<'_>, v: usize) -> bool {
    p.children(v)
        .iter()
        .any(|&c| matches!(p.relation(c), "obj" | "iobj" | "ccomp" | "xcomp"))
}

/// Verbs of harm and custody that need an object: with none, they are
/// passives ("fighters *killed*", "a journalist *arrested*").
const NEEDS_OBJECT: &[&str] = &[
    "hold", "seize", "kill", "capture", "detain", "arrest", "imprison", "jail", "abduct", "kidnap",
    "wound", "injure", "deport", "execute", "torture", "shoot", "behead", "free", "release",
    "rescue", "expel", "evict", "displace", "oust",
];

/// The mention right before a verb of [`NEEDS_OBJECT`] that has no object,
/// no auxiliary and no clause of its own: a passive describing that mention
/// however the parser attached it ("adjourned the case of a journalist
/// *arrested* over his interviews", parsed as a clause whose subject is
/// "case"). Not when a conjunct verb has the object ("police arrested and
/// charged him") nor before a word that may begin one ("released the men",
/// "killed dozens").
fn objectless_participle(
    p: &ParsedSentence<'_>,
    s: &Sentence<'_>,
    mentions: &[Mention],
    v: usize,
) -> Option<usize> {
    let has_object = |u: usize| has_own_complement(p, u);
    // (the word after it begins no noun phrase the parser lost as its
    // object: "an attack by the government killed *dozens*")
    let next_fits = p
        .words
        .get(v + 1)
        .is_none_or(|w| matches!(w.upos, "ADP" | "ADV" | "PUNCT" | "SCONJ") || w.xpos == "VBG");
    let fits = next_fits
        && matches!(p.words[v].xpos, "VBN" | "VBD")
        && p.lemma_is(v, NEEDS_OBJECT)
        && !has_object(v)
        && p.children(v)
            .iter()
            .all(|&c| !matches!(p.relation(c), "aux" | "aux:pass"))
        && !p.dependents(v, "conj").any(has_object)
        && !(p.relation(v) == "conj" && p.head(v).is_some_and(has_object))
        // (a particle the parser tagged as a preposition: "rounded *up*")
        && s.word(v + 1) != "up";
    fits.then(|| mentions.iter().position(|x| x.tok.1 == v))
        .flatten()
}

/// Whether word `v` is a past participle right after a mention, with no
/// auxiliary and no object, followed by a preposition ("resistance workers
/// *held* in Balochistan prisons", "a captured fighter *seized* on the
/// battlefield"): what was done to the mention, by no one named; the
/// mention is no doer (so too before a gerund: "eight British nationals
/// *killed* fighting alongside the YPG"). Only for verbs that need an object: the tagger
/// calls many active verbs participles ("protesters *demonstrated* on the
/// tracks", "workers *struck* at 90 plants").
fn participle_after_noun(
    p: &ParsedSentence<'_>,
    s: &Sentence<'_>,
    mentions: &[Mention],
    v: usize,
) -> bool {
    // (or a past tense the parse gives no subject)
    (p.words[v].xpos == "VBN" || (p.words[v].xpos == "VBD" && p.subject(v).is_none()))
        && p.lemma_is(v, NEEDS_OBJECT)
        && (mentions.iter().any(|x| x.tok.1 == v)
            // (or a mention describing the noun the participle is hung
            // on: "eight British nationals *killed* fighting alongside")
            || (v >= 2
                && p.relation(v) == "acl"
                && p.head(v) == Some(v - 1)
                && mentions
                    .iter()
                    .any(|x| x.tok.1 == v - 1 && p.head(v - 2) == Some(v - 1))))
        && p.object(v).is_none_or(|o| o < v)
        && (matches!(
            s.word(v + 1),
            "in" | "on" | "at" | "during" | "near" | "inside" | "since" | "for" | "after" | "while"
        ) || p.words.get(v + 1).is_some_and(|w| w.xpos == "VBG"))
}

/// Whether verb `v` heads a main, complement or infinitive clause, itself
/// or as a conjunct of a complement or infinitive clause's verb ("is
/// scheduled to give a speech and *meet* …"). A verb the parser joins to
/// the main verb itself ("insisted that Ukraine give up X and *give up*
/// Y") is left to the surface reading: too often it belongs to the
/// complement.
fn heads_clause(p: &ParsedSentence<'_>, v: usize) -> bool {
    let mut v = v;
    let mut joined = false;
    for _ in 0..p.len() {
        match p.relation(v) {
            "ccomp" | "xcomp" => return true,
            "root" => return !joined,
            "conj" => match p.head(v) {
                Some(h) if p.words[h].upos == "VERB" => {
                    v = h;
                    joined = true;
                }
                _ => return false,
            },
            _ => return false,
        }
    }
    false
}

/// Measure and quantity nouns whose `of`-phrase is what a verb acts on
/// ("provide 25,000 *tons* of food aid").
const MEASURES: &[&str] = &[
    "ton",
    "tonne",
    "kg",
    "kilogram",
    "million",
    "billion",
    "thousand",
    "hundred",
    "dozen",
    "lot",
    "shipment",
    "consignment",
    "package",
    "amount",
    "quantity",
];

/// A `verb+ .. noun` pattern the surface reading misses because the gap
/// to the verb's object is too long ("lifted on Friday a day-old
/// blockade", "provide nearly 25,000 tons of emergency food aid"): matched
/// on the verb and the head of its object (or of the object's `of`-phrase
/// after a measure noun) in the parse. Only patterns of the verb and that
/// noun, nothing between; the match spans the words from verb to noun.
fn object_trigger(
    lex: &Lexicon,
    doc_text: &str,
    s: &Sentence<'_>,
    syntax: &mut Syntax,
    i: usize,
) -> Option<TriggerMatch> {
    lex.triggers.verb_form(s.word(i))?;
    // the pattern of the verb and a later word, if any
    let pair = |h: usize| -> Option<TriggerMatch> {
        // (not a war of trade or words: "escalates trade war")
        if h > 0 && dyad_lexicon::is_figurative_war(s.word(h - 1), s.word(h)) {
            return None;
        }
        let words = [s.word(i), s.word(h)];
        let m = lex.triggers.match_at(&words, 0)?;
        let pattern = &lex.triggers.patterns[m.pattern];
        (m.end == 2 && pattern.frame == Frame::Verb && pattern.specificity() >= 2).then_some(
            TriggerMatch {
                pattern: m.pattern,
                start: i,
                end: h + 1,
                before: i,
            },
        )
    };
    // parse only when some other word would make such a pattern: most
    // sentences with a trigger verb have none, and parsing them all
    // halved the throughput on news with few events
    // (and before it, for a passive: a form of "be" or "get" just before
    // the verb, and an earlier word that would make such a pattern)
    let before = (i.saturating_sub(3)..i).any(|k| {
        matches!(
            s.word(k),
            "is" | "are" | "was" | "were" | "be" | "been" | "being" | "get" | "gets" | "got"
        )
    }) && (0..i).any(|h| lex.triggers.may_pair(s.word(i), s.word(h)));
    if !s.may_pair_after(lex, i) && !before {
        return None;
    }
    let p = syntax.get(doc_text, s)?;
    if p.words[i].upos != "VERB" {
        return None;
    }
    // "New sanctions were imposed on Iran": a passive verb's subject is
    // what the pattern names after the verb. The trigger is the verb; the
    // subject, marked as the match's word before it, is the pattern's.
    if before && p.is_passive(i) {
        let subject = p
            .children(i)
            .iter()
            .copied()
            .find(|&c| p.words[c].deprel == "nsubj:pass" && c < i);
        if let Some(m) = subject.and_then(pair) {
            return Some(TriggerMatch {
                end: i + 1,
                before: m.end - 1,
                ..m
            });
        }
    }
    let o = p.object(i)?;
    let mut heads = vec![o];
    if p.lemma_is(o, MEASURES) {
        heads.extend(p.dependents(o, "nmod").filter(|&c| case_is(p, c, &["of"])));
    }
    heads.into_iter().filter(|&h| h > i + 1).find_map(pair)
}

/// The event found: its date (the date expression the parse attaches to
/// the trigger's clause, else the nearest one in the trigger's segment),
/// deadline and place around the trigger.
#[allow(clippy::too_many_arguments)]
fn place_and_time(
    s: &Sentence<'_>,
    parsed: Option<&ParsedSentence<'_>>,
    mentions: &[Mention],
    clauses: &Clauses,
    dates: &[DateExpr],
    event: EventType,
    m: TriggerMatch,
    actors: Vec<usize>,
    recipients: Vec<usize>,
    how: String,
    modality: Modality,
) -> Found {
    let in_condition = |i: usize| clauses.condition.is_some_and(|(a, b)| a <= i && i < b);
    // "irregularities in the *February 8* vote", "the Feb. 27 deportations":
    // a day between a determiner and a noun is that noun's, not the act's
    // (unless the noun is the trigger or carries it: "Brazil's Feb 20
    // suspension", "Reagan's April 17 decision to impose tariffs", "a
    // February 22 agreement in which the administration agreed")
    let of_a_noun = |d: &DateExpr| {
        let (a, b) = d.tok;
        let carries = (m.start..m.end).contains(&b)
            || parsed.is_some_and(|p| p.ancestors(m.start).any(|x| x == b));
        a > 0
            && !carries
            && matches!(
                s.word(a - 1),
                "the" | "a" | "its" | "their" | "his" | "her" | "'s"
            )
            && parsed.map_or_else(
                || s.word(b).chars().all(|c| c.is_ascii_lowercase()) && !s.word(b).is_empty(),
                |p| p.words.get(b).is_some_and(|w| w.upos == "NOUN"),
            )
    };
    let candidates = || {
        dates
            .iter()
            .enumerate()
            .filter(|(_, d)| !d.deadline && !in_condition(d.tok.0) && !of_a_noun(d))
    };
    let nearest = |ds: &mut dyn Iterator<Item = (usize, &DateExpr)>| {
        ds.min_by_key(|(_, d)| d.tok.0.abs_diff(m.start))
            .map(|(k, _)| k)
    };
    // First the expression the parse hangs in the trigger's clause ("met
    // on Wednesday"; not "said on Monday that they met … on Friday"), then,
    // as the parse can misplace it, the nearest in the trigger's segment.
    // A date in a clause below the trigger's ("met Putin, who had flown in
    // on Monday") belongs to another event either way.
    let clause_of = |d: &DateExpr| parsed.map(|p| clause_head(p, expression_head(p, d.tok)));
    let clause = parsed.map(|p| clause_head(p, m.start));
    let below = |c: Option<usize>| {
        parsed
            .zip(c)
            .zip(clause)
            .is_some_and(|((p, c), t)| c != t && p.ancestors(c).any(|a| a == t))
    };
    let attached =
        clause.and_then(|t| nearest(&mut candidates().filter(|(_, d)| clause_of(d) == Some(t))));
    let date = attached.or_else(|| {
        nearest(
            &mut candidates()
                .filter(|(_, d)| same_segment(s, m.start, d.tok.0) && !below(clause_of(d))),
        )
    });
    // "the United States said *Tuesday* that it would resume aid": a date
    // of a clause above the trigger's dates the saying, which is past, not
    // what is announced.
    let date_above = attached.is_none()
        && date.is_some_and(|k| {
            parsed.zip(clause).is_some_and(|(p, t)| {
                clause_of(&dates[k]).is_some_and(|c| c != t && p.ancestors(t).any(|a| a == c))
            })
        });
    let deadline = dates.iter().position(|d| d.deadline).filter(|_| {
        matches!(event, EventType::Threaten | EventType::Request)
            || modality == Modality::Conditional
    });
    let after = recipients
        .iter()
        .chain(&actors)
        .map(|&r| mentions[r].tok.1)
        .max()
        .unwrap_or(m.end)
        .max(m.end);
    let location = location(s, mentions, m.end, after);
    Found {
        trigger: m,
        actors,
        recipients,
        how,
        modality,
        date,
        deadline,
        location,
        refused: false,
        visit: false,
        part: 0,
        past: None,
        date_above,
        scheduled: false,
        background: false,
        unattributed: parsed.is_some_and(|p| outside_attribution(p, clauses, m.start)),
        said_by: parsed.and_then(|p| gerund_saying(p, mentions, m.start)),
        self_done: false,
    }
}

/// "Chile closed its border on Monday, *saying* Peruvian rebels had
/// attacked a village": an event in the complement of a gerund of saying
/// is reported by the subject of the verb the gerund hangs on. The
/// speaker's mention and its words.
fn gerund_saying(
    p: &ParsedSentence<'_>,
    mentions: &[Mention],
    v: usize,
) -> Option<(usize, (usize, usize))> {
    let c = clause_head(p, v);
    let g = p.head(c).filter(|_| p.relation(c) == "ccomp")?;
    let saying = p.words[g].xpos == "VBG"
        && p.lemma_is(
            g,
            &["say", "claim", "add", "state", "insist", "note", "explain"],
        )
        && matches!(p.relation(g), "advcl" | "xcomp" | "conj" | "acl");
    if !saying {
        return None;
    }
    let h = p.head(g)?;
    let speaker = *subject_mentions(p, mentions, h).first()?;
    Some((speaker, mentions[speaker].tok))
}

/// "The Rapid Support Forces has been fighting the army, *and the United
/// Nations says* both sides have committed abuses": a saying in a clause
/// joined to the trigger's (or the trigger's clause joined to the saying)
/// reports what it governs, not the trigger.
pub(crate) fn outside_attribution(p: &ParsedSentence<'_>, clauses: &Clauses, v: usize) -> bool {
    let Some((_, (a, b))) = clauses.attribution else {
        return false;
    };
    let Some(said) = (a..b.min(p.len())).find(|&i| p.words[i].upos == "VERB") else {
        return false;
    };
    let joined = |x: usize, y: usize| p.relation(x) == "conj" && p.head(x) == Some(y);
    let c = clause_head(p, v);
    // (a saying with a complement of its own, not one the parser joined to
    // what it reports: "… killed two people and injured 20, *a newspaper
    // reported*"; and not a second "that" clause of the saying: "said he
    // expects …, and *that* Reagan will accept")
    let own_complement = p
        .children(said)
        .iter()
        .any(|&k| k > said && p.relation(k) == "ccomp");
    let second_that = p.dependents(c, "mark").any(|k| p.lemma_is(k, &["that"]));
    own_complement && !second_that && (joined(said, c) || joined(c, said))
}

/// The word of tokens `[a, b)` that the parse hangs from outside them.
fn expression_head(p: &ParsedSentence<'_>, (a, b): (usize, usize)) -> usize {
    (a..b.min(p.len()))
        .find(|&i| p.head(i).is_none_or(|h| h < a || h >= b))
        .unwrap_or(a)
}

/// The predicate of the clause that word `i` is in: up the parse to the
/// first word that heads a clause of its own (the root, a complement,
/// adverbial, relative or coordinated clause); open complements ("agreed
/// *to meet* on Friday") and nominals belong to the clause above them.
fn clause_head(p: &ParsedSentence<'_>, i: usize) -> usize {
    p.ancestors(i)
        .find(|&a| {
            p.head(a).is_none()
                || matches!(
                    p.relation(a),
                    "ccomp" | "advcl" | "acl" | "parataxis" | "csubj" | "list"
                )
                || (p.relation(a) == "conj" && matches!(p.words[a].upos, "VERB" | "AUX"))
        })
        .unwrap_or(i)
}

/// Verbs that declare what must be done ("said that Sudan must …").
const DECLARING_VERBS: &[&str] = &[
    "say",
    "state",
    "announce",
    "declare",
    "reiterate",
    "insist",
    "conclude",
    "tell",
    "add",
    "stress",
    "repeat",
    "warn",
    "write",
    "argue",
    "note",
    "claim",
    "assert",
    "confirm",
    "remind",
];

/// "X said (that) Y must V": X asks Y. The modal at `i` must be an
/// auxiliary of a clause complementing a declaring verb; the source is that
/// verb's subject (the attributed speaker included), the recipient the
/// clause's subject. Returns the roles and the clause's verb.
fn declared_demand(
    p: &ParsedSentence<'_>,
    mentions: &[Mention],
    clauses: &Clauses,
    i: usize,
) -> Option<(Roles, usize)> {
    // (the modal, or "need" heading the clause with its infinitive)
    let clause = if p.relation(i) == "aux" {
        p.head(i)?
    } else if p.lemma_is(i, &["need"]) && p.dependents(i, "xcomp").next().is_some() {
        i
    } else {
        return None;
    };
    if !matches!(p.relation(clause), "ccomp" | "parataxis") {
        return None;
    }
    let speaker = p.head(clause)?;
    if !DECLARING_VERBS.contains(&p.words[speaker].lemma.to_ascii_lowercase().as_str()) {
        return None;
    }
    let source = subject_mentions(p, mentions, speaker);
    let source = if source.is_empty() {
        clauses
            .attribution
            .map(|(a, _)| vec![a])
            .unwrap_or_default()
    } else {
        source
    };
    if source.is_empty() {
        return None;
    }
    // Every subject the parser gave the clause ("that" may be one).
    let mut recipients: Vec<usize> = p
        .dependents(clause, "nsubj")
        .flat_map(|h| nominal_mentions(p, mentions, h))
        .filter(|k| !clauses.excluded.contains(k) && !source.contains(k))
        .collect();
    recipients.dedup();
    // "told the EU it must take back its fighters": whom it is told
    if recipients.is_empty() {
        recipients = p
            .children(speaker)
            .iter()
            .filter(|&&c| matches!(p.relation(c), "obj" | "iobj"))
            .flat_map(|&c| nominal_mentions(p, mentions, c))
            .filter(|k| !clauses.excluded.contains(k) && !source.contains(k))
            .collect();
    }
    // (not the speaker's own country itself: "Zhao said China must
    // continue to reform")
    recipients.retain(|&r| !own_country(mentions, r, &source));
    let how = if recipients.is_empty() {
        "source: the speaker of the declaring verb (parse); recipient: none found"
    } else {
        "source: the speaker of the declaring verb (parse); recipient: the subject of the clause with \"must\" (parse)"
    };
    Some(((source, recipients, how.to_string()), clause))
}

/// Verbs that carry out the event their object names ("staged a strike",
/// "imposed a blockade", "launched an attack").
const CARRYING_VERBS: &[&str] = &[
    "stage",
    "hold",
    "launch",
    "carry",
    "conduct",
    "mount",
    "begin",
    "start",
    "continue",
    "organize",
    "organise",
    "impose",
    "reimpose",
    "declare",
    "make",
    "issue",
    "give",
    "lead",
    "call",
    "tighten",
    "step",
    "intensify",
    "resume",
    "renew",
    "undertake",
    "unleash",
    "wage",
    "pay",
    "maintain",
    "keep",
    "enforce",
    "escalate",
    "extend",
    "press",
    "repeat",
    "reiterate",
    "complete",
    "speed",
    "accelerate",
    "announce",
];

/// Nouns that stand for the event their compound names ("mediation
/// *effort*", "protest *march*", "peace *mission*").
const EVENT_HEADS: &[&str] = &[
    "effort",
    "mission",
    "campaign",
    "bid",
    "initiative",
    "action",
    "march",
    "operation",
];

/// Cases of an event noun's modifier that name its target ("attack *on*",
/// "blockade *of*", "protest *against*", "visit *to*", "talks *with*").
const NOUN_TARGET: &[&str] = &[
    "on", "against", "of", "to", "with", "at", "into", "toward", "towards",
];

/// The row a march of armed forces is coded with: a show of force.
const FLAG_MARCH: &str = "flag march|marches";

/// The index of the verb dictionary's row written `text`, which a rule
/// codes a match with instead of its own (looked up only when the rule
/// applies, which is rare).
fn row_named(lex: &Lexicon, text: &str) -> Option<usize> {
    lex.triggers.patterns.iter().position(|p| p.text == text)
}

/// The imported rows of going, coming or arriving to a place (CAMEO 040).
const GO_TO: &str = "go+ to";
const COME_TO: &str = "approach+|arrive+|come+ to";

/// The row of conceding (CAMEO 080).
const CONCEDE: &str = "concede+";

/// The row of withdrawing from something (reducing relations), and the one
/// a withdrawal of armed forces or from a place is coded with instead.
const WITHDRAW_FROM: &str = "withdraw+ from";
const TROOPS_WITHDRAWN: &str = "withdraw+ .. troops|forces|soldiers";
/// Verbs of giving, whose to-phrase names who receives.
const GIVING_VERBS: &[&str] = &[
    "give", "sell", "supply", "deliver", "send", "ship", "provide", "offer", "transfer", "hand",
    "lend", "donate", "export",
];

/// Verbs whose object, when it is armed men or arms, is the doer's own
/// means (forces deployed, sent, withdrawn or used; arms bought).
const MEANS_VERBS: &[&str] = &[
    "deploy",
    "redeploy",
    "send",
    "dispatch",
    "station",
    "move",
    "pull",
    "withdraw",
    "use",
    "employ",
    "commit",
    "buy",
    "purchase",
    "offer",
    "provide",
    "contribute",
    "mobilize",
    "mobilise",
    "recall",
];

/// Things given, sold or shipped, whose modifier names where they come
/// from ("U.S. weapons", "Russian oil"), not who receives them.
const GOODS: &[&str] = &[
    "weapon",
    "arm",
    "arms",
    "missile",
    "jet",
    "tank",
    "aircraft",
    "helicopter",
    "equipment",
    "oil",
    "gas",
    "grain",
    "wheat",
    "maize",
    "corn",
    "food",
    "aid",
    "supply",
    "supplies",
    "ammunition",
    "vaccine",
];

/// Nouns of armed men, whose withdrawal is a retreat.
const ARMED_NOUNS: &[&str] = &[
    "troop",
    "force",
    "soldier",
    "army",
    "unit",
    "fighter",
    "militia",
    "militant",
    "rebel",
    "peacekeeper",
    "marine",
    "battalion",
    "brigade",
    "division",
    "personnel",
];

/// Nouns whose of-phrase tells of an event that may happen: "the threat
/// of attacks", "fears of a blockade".
const UNREAL_HEADS: &[&str] = &[
    "threat",
    "risk",
    "fear",
    "danger",
    "prospect",
    "possibility",
    "spectre",
    "specter",
    "likelihood",
    "chance",
    "warning",
];

/// Nouns whose "for X to" tells what may be done, not what was: "a
/// pretext for the US to launch strikes".
const PRETEXT_NOUNS: &[&str] = &[
    "pretext",
    "pretexts",
    "excuse",
    "excuses",
    "justification",
    "opportunity",
    "chance",
    "pretence",
    "pretense",
    "license",
    "licence",
    "light",
];

/// Nouns whose for-phrase asks for what has not happened: "the request for
/// the withdrawal of the troops", "calls for a boycott".
const ASKING_NOUNS: &[&str] = &["request", "call", "demand", "appeal", "plea", "order"];

/// Nouns whose for-phrase tells what they serve: "preparations for the
/// assault", "a pretext for attacks".
const PURPOSE_HEADS: &[&str] = &[
    "preparation",
    "plan",
    "pretext",
    "excuse",
    "justification",
    "readiness",
    "timetable",
    "training",
];

/// Source and recipients of event noun `n`: its by-agent, possessor or
/// nationality adjective ("Israel's blockade", "Palestinian riots"), else
/// the subject of the verb that carries it out ("X staged a hunger strike")
/// or of the clause it is a circumstance of ("X wounded two soldiers *in a
/// bomb attack*"). `None` when no source is found or the noun is the object
/// of another verb ("lifted the blockade", "accepted the demands"). The
/// last value is the carrying verb, for the modality.
fn nominal_roles(
    p: &ParsedSentence<'_>,
    mentions: &[Mention],
    clauses: &Clauses,
    n: usize,
) -> Option<(Roles, Option<usize>)> {
    let usable = |ms: Vec<usize>| -> Vec<usize> {
        ms.into_iter()
            .filter(|k| !clauses.excluded.contains(k))
            .collect()
    };
    // "launched a mediation effort", "undertook a mediation mission": the
    // event noun is the compound of the noun the verb governs.
    let n = match p.head(n) {
        Some(h)
            if p.relation(n) == "compound"
                && p.words[h].upos == "NOUN"
                && p.lemma_is(h, EVENT_HEADS) =>
        {
            h
        }
        _ => n,
    };
    let gov = p.head(n);
    // "the risk of a Chinese blockade", "combat vehicles for terrorist
    // attacks": what may happen, or what something is for, has not.
    // ("made calls for the withdrawal": the parser may hang it on the
    // verb)
    let asked = case_is(p, n, &["for"])
        && p.case_marker(n)
            .and_then(|c| c.checked_sub(1))
            .is_some_and(|b| p.lemma_is(b, ASKING_NOUNS));
    let unreal = asked
        || (p.relation(n) == "nmod"
            && gov.is_some_and(|h| {
                (case_is(p, n, &["of", "for"]) && p.lemma_is(h, UNREAL_HEADS))
                    || (case_is(p, n, &["for"]) && p.lemma_is(h, PURPOSE_HEADS))
            }));
    // "focus on deterrence to deal with North Korea's nuclear *threat*",
    // "defend against the threat": a danger met is no threat made.
    let met = p.relation(n) == "obl"
        && p.lemma_is(n, &["threat"])
        && gov.is_some_and(|v| {
            p.lemma_is(
                v,
                &[
                    "deal", "respond", "defend", "protect", "cope", "contend", "grapple",
                ],
            )
        });
    // "the China threat", "views the militias as a terrorist threat", "an
    // extremist threat to the elections": a danger, not a threat anyone
    // made. A threat made has its maker's possessive, what it threatens
    // ("of tariffs", "to impose"), its target ("against"), or a verb that
    // carries it ("made threats").
    let danger = p.lemma_is(n, &["threat"])
        && p.relation(n) != "obj"
        && !p.children(n).iter().any(|&c| match p.words[c].deprel {
            "nmod:poss" => true,
            "nmod" => case_is(p, c, &["of", "against"]),
            "acl" => {
                p.words[c].xpos == "VB" && p.dependents(c, "mark").any(|m| p.lemma_is(m, &["to"]))
            }
            _ => false,
        });
    // "LONDON SUGAR RALLIES FROM LOWS", "a dollar rally": a market's rise
    let market = p.lemma_is(n, &["rally"])
        && n.checked_sub(1)
            .is_some_and(|b| p.lemma_is(b, MARKET_WORDS));
    if unreal || met || danger || market {
        return None;
    }
    let carrier = gov.filter(|&v| {
        p.relation(n) == "obj"
            && CARRYING_VERBS.contains(&p.words[v].lemma.to_ascii_lowercase().as_str())
    });
    // "in a bomb attack", "in protest against", "during a visit to":
    // the circumstance of an active clause.
    // ("were engaged in ethnic cleansing": a passive in form only)
    // Not where its subject underwent the deed ("people died in an
    // attack"), nor where the phrase follows another verb than the one it
    // hangs on, which the parser may have missed ("people died in a sarin
    // attack, the US failed to enforce ...": the attack is not the US's).
    // "arrested 2,400 people for *participation in* the demonstrations":
    // the noun of taking part before it (which the parser may hang on the
    // verb) names who took part
    // (the word before its preposition)
    let before_case = p.case_marker(n).and_then(|c| c.checked_sub(1));
    let taking_part =
        before_case.filter(|&b| p.lemma_is(b, &["participation", "involvement", "role", "part"]));
    let circumstance = gov.filter(|&v| {
        let after_other_verb =
            n < v && before_case.is_some_and(|b| b != v && p.words[b].upos == "VERB");
        // (nor one of a noun of taking part, see above)
        p.relation(n) == "obl"
            && case_is(p, n, &["in", "during", "on"])
            && (!p.is_passive(v) || p.words[v].lemma.eq_ignore_ascii_case("engage"))
            && !p.lemma_is(v, &["die"])
            && !after_other_verb
            && taking_part.is_none()
    });
    if p.relation(n) == "obj" && carrier.is_none() {
        return None;
    }
    // "US sanctions were lifted on several citizens", "the blockade
    // ended": a verb that undoes what the noun names has it as its subject
    // (not the doer of the undoing: "the withdrawal has ended any threat")
    // ("Putin's visit to India ended", "the talks ended": an occurrence
    // that has ended has happened; only a lasting state ends undone)
    let lasting = || {
        p.lemma_is(
            n,
            &[
                "blockade",
                "siege",
                "sanction",
                "sanctions",
                "embargo",
                "curfew",
                "suspension",
                "threat",
                "ban",
                "boycott",
            ],
        )
    };
    let undone = matches!(p.relation(n), "nsubj" | "nsubj:pass")
        && gov.is_some_and(|v| {
            (p.relation(n) == "nsubj:pass" || p.object(v).is_none())
                && (p.lemma_is(
                    v,
                    &[
                        "lift", "ease", "remove", "relax", "suspend", "waive", "scrap", "drop",
                        "reverse", "cancel", "rescind", "loosen",
                    ],
                ) || (p.lemma_is(v, &["end", "expire"]) && lasting()))
        });
    if undone {
        return None;
    }
    let mut how = "";
    let mut source = Vec::new();
    for c in p.dependents(n, "nmod") {
        if case_is(p, c, &["by"]) {
            source = usable(nominal_mentions(p, mentions, c));
            how = "source: its by-agent";
            break;
        }
    }
    if source.is_empty() {
        // "Israel's blockade", "Palestinian riots", "Israeli air raids"
        // (not "the Kabul assault", "his Washington visit": a city before
        // an attack or a visit is where it happened; "Washington sanctions"
        // are the US's)
        let where_it_happened = |c: usize, k: usize| {
            p.words[c].deprel == "compound"
                && mentions[k].is_capital()
                && (p.lemma_is(n, ATTACK_NOUNS) || p.lemma_is(n, &["visit", "trip", "tour"]))
        };
        // ("Dodik's arrest", "the journalist's killing": the possessor
        // of what is done to someone is whom it is done to, unless an
        // of-phrase names that: "Russia's arrest of Navalny")
        let undergone = p.lemma_is(n, UNDERGONE_NOUNS)
            && !p.dependents(n, "nmod").any(|c| case_is(p, c, &["of"]));
        for &c in p.children(n) {
            if undergone && p.words[c].deprel == "nmod:poss" {
                continue;
            }
            if matches!(p.words[c].deprel, "nmod:poss" | "amod" | "compound") {
                if let Some(k) = mention_at(mentions, c)
                    .filter(|&k| !clauses.excluded.contains(&k) && !where_it_happened(c, k))
                {
                    source = vec![k];
                    how = "source: its possessor or modifier";
                    break;
                }
            }
        }
    }
    if source.is_empty() {
        // "reiterated *its* demand", "insisted on *their* demands": the
        // possessive pronoun is the subject of the verb the noun depends on.
        let pronoun = p
            .children(n)
            .iter()
            .any(|&c| p.words[c].deprel == "nmod:poss" && p.words[c].upos == "PRON");
        if let Some(v) = gov.filter(|_| pronoun) {
            source = usable(subject_mentions(p, mentions, v));
            how = "source: the possessive pronoun's antecedent, the subject of its verb";
        }
    }
    if source.is_empty() {
        let owner = taking_part
            .and_then(|b| p.head(b))
            .filter(|&o| matches!(p.words[o].upos, "NOUN" | "PROPN"));
        if let Some(o) = owner {
            source = usable(nominal_mentions(p, mentions, o));
            how = "source: who took part in it";
        }
    }
    // The verb whose subject is the source, if any.
    let mut source_verb = None;
    if source.is_empty() {
        if let Some(v) = carrier.or(circumstance) {
            source_verb = Some(v);
            // "NATO said *it* would tighten the blockade": a pronoun's
            // antecedent may be the attributed speaker, whom `usable` drops.
            let found = subject_mentions(p, mentions, v);
            let pronoun = p.subject(v).is_some_and(|h| p.words[h].upos == "PRON");
            source = if pronoun { found } else { usable(found) };
            how = if carrier.is_some() {
                "source: the subject of the verb that carries it out"
            } else {
                "source: the subject of the clause it is a circumstance of"
            };
        }
    }
    if source.is_empty() {
        return None;
    }
    let mut recipients = Vec::new();
    // "a visit by Modi *to Mauritius*": a name takes no "to" or "on"
    // phrase of its own; the parser hung the noun's target on its
    // by-agent.
    let agent_targets = p
        .dependents(n, "nmod")
        .filter(|&c| case_is(p, c, &["by"]) && p.words[c].upos == "PROPN")
        .flat_map(|c| p.dependents(c, "nmod").filter(move |&d| d > c))
        .collect::<Vec<_>>();
    let leaving = p.lemma_is(n, &["withdrawal", "pullout"]);
    // (its own, those of the verb carrying it out, and those of a
    // participle describing it: "US sanctions *imposed on* Russia")
    let targets = p
        .dependents(n, "nmod")
        .chain(agent_targets)
        .chain(
            carrier
                .into_iter()
                .chain(p.dependents(n, "acl").filter(|&a| p.words[a].xpos == "VBN"))
                .flat_map(|v| p.obliques(v).into_iter().map(|o| o.word)),
        )
        // ("the withdrawal of Cuban troops *from Angola*", hung on the
        // troops)
        .chain(
            p.dependents(n, "nmod")
                .filter(|&o| leaving && case_is(p, o, &["of"]))
                .flat_map(|o| {
                    p.dependents(o, "nmod")
                        .filter(|&f| case_is(p, f, &["from"]))
                }),
        )
        .collect::<Vec<_>>();
    // "the US withdrawal *from Syria*": a retreat is from the side it
    // leaves.
    for c in targets {
        // (what is withdrawn is not whom it is withdrawn from: "the
        // withdrawal *of its troops* from Peru")
        let withdrawn = leaving && case_is(p, c, &["of"]);
        if (case_is(p, c, NOUN_TARGET) && !withdrawn) || (leaving && case_is(p, c, &["from"])) {
            recipients = usable(nominal_mentions(p, mentions, c));
            recipients.retain(|r| !source.contains(r));
            if !recipients.is_empty() {
                break;
            }
        }
    }
    // "arrived in Amman on a previously unannounced visit": a visit's host
    // is the foreign country where the clause it is a circumstance of
    // happens.
    let mut abroad = false;
    if recipients.is_empty() && p.lemma_is(n, &["visit", "trip", "tour"]) {
        if let Some(v) = carrier.or(circumstance) {
            recipients = foreign_place(p, mentions, clauses, &source, v);
            abroad = !recipients.is_empty();
        }
    }
    let how = if abroad {
        format!("{how} (parse); recipient: the foreign country where it happened (parse)")
    } else if recipients.is_empty() {
        format!("{how} (parse); recipient: none found")
    } else {
        format!("{how} (parse); recipient: its target (parse)")
    };
    Some(((source, recipients, how), source_verb))
}

/// Whether negated verb `v` is refused, not merely undone: it or a verb
/// it complements has a future or modal auxiliary ("will not accept",
/// "would not meet", "cannot allow"), or it is the complement of "fail".
fn announced_refusal(p: &ParsedSentence<'_>, v: usize) -> bool {
    let mut u = v;
    for _ in 0..4 {
        if p.dependents(u, "aux").any(|a| {
            matches!(
                p.words[a].lemma.to_ascii_lowercase().as_str(),
                "will" | "would" | "shall" | "can" | "could"
            )
        }) {
            return true;
        }
        if p.relation(u) != "xcomp" {
            return false;
        }
        match p.head(u) {
            Some(h) if p.lemma_is(h, FAILING) => return true,
            Some(h) => u = h,
            None => return false,
        }
    }
    false
}

/// The subject of verb `v` if it is an attack or a weapon that names no
/// actor ("a roadside *bombing*", "an *explosion*").
fn thing_subject(p: &ParsedSentence<'_>, mentions: &[Mention], v: usize) -> Option<usize> {
    // (or the attack a finite verb hangs on, where the parser missed the
    // subject: "after a coalition bombing raid *struck* a building"; not a
    // weapon, which may be the doer's: "aircraft using missiles killed",
    // nor a fire: "one such fire killed two children")
    let finite_on_noun = || {
        let finite = matches!(p.words[v].xpos, "VBD" | "VBZ" | "VBP")
            || (p.words[v].xpos == "VBN" && p.object(v).is_some());
        (p.relation(v) == "acl" && finite)
            .then(|| p.head(v))
            .flatten()
            .filter(|&h| p.lemma_is(h, ATTACK_NOUNS) && !p.lemma_is(h, &["fire"]))
    };
    // (or the subject of the verb a participle hangs on: "a bomb exploded
    // in the province, *wounding* several people")
    let participle_of = || {
        (p.relation(v) == "advcl" && p.words[v].xpos == "VBG")
            .then(|| p.head(v))
            .flatten()
            .and_then(|h| p.subject(h))
    };
    // (a city before the noun is where: "the Kabul assault killed ten")
    p.subject(v)
        .or_else(finite_on_noun)
        .or_else(participle_of)
        .filter(|&h| {
            p.words[h].upos == "NOUN"
                && (p.lemma_is(h, ATTACK_NOUNS) || p.lemma_is(h, WEAPON_NOUNS))
                && mention_at(mentions, h).is_none()
                && modifier_mentions(p, mentions, h)
                    .iter()
                    .all(|&k| mentions[k].is_capital())
        })
}

/// Roles of harm done by a thing (see [`thing_subject`]): the doer only if
/// the thing's by-phrase names one ("air strikes *by Syrian planes*", "a
/// suicide bombing *claimed by the Islamic State*"), the verb's object as
/// the recipient; `None` when neither is named.
fn harm_by_thing(
    p: &ParsedSentence<'_>,
    mentions: &[Mention],
    clauses: &Clauses,
    v: usize,
) -> Option<Roles> {
    let h = thing_subject(p, mentions, v)?;
    // the mentions a word names, but the attribution's
    let usable = |w: usize| -> Vec<usize> {
        nominal_mentions(p, mentions, w)
            .into_iter()
            .filter(|k| !clauses.excluded.contains(k))
            .collect()
    };
    let by = p
        .dependents(h, "nmod")
        .chain(
            p.dependents(h, "acl")
                .flat_map(|a| p.children(a).iter().copied())
                .filter(|&c| p.relation(c) == "obl"),
        )
        .filter(|&c| case_is(p, c, &["by"]))
        .map(usable)
        .find(|f| !f.is_empty())
        .unwrap_or_default();
    let hit: Vec<usize> = p
        .dependents(v, "obj")
        .map(|o| {
            let mut found = usable(o);
            found.retain(|k| !by.contains(k));
            found
        })
        .find(|f| !f.is_empty())
        .unwrap_or_default();
    (!by.is_empty() || !hit.is_empty()).then(|| {
        (
            by,
            hit,
            "source: none named, or the by-phrase of the thing that did the harm (parse); recipient: the object (parse)"
                .to_string(),
        )
    })
}

/// Types whose readiness is a threat: assault, coercion, sanctions.
fn is_harm(t: EventType) -> bool {
    matches!(
        t,
        EventType::Assault | EventType::Coerce | EventType::Sanction
    )
}

/// Whether `v` is "prepared" as a main verb ("the leader *prepared* to
/// attend", "has prepared to"), not the participle of a stance ("is
/// prepared to", "remains prepared to"): a verb with no "be" of its own that
/// is not the complement of another verb.
fn preparing_not_prepared(p: &ParsedSentence<'_>, v: usize) -> bool {
    p.lemma_is(v, &["prepare"])
        && p.words[v].upos == "VERB"
        && p.relation(v) != "xcomp"
        && !p
            .children(v)
            .iter()
            .any(|&c| p.words[c].upos == "AUX" && p.lemma_is(c, &["be"]))
}

/// Bare verb patterns that code only when done to actors ("released *the
/// mayor*", "*the civilians* were freed"): with any other object they are
/// no event ("released a report", "free trade").
const DONE_TO_ACTORS: &[&str] = &["release+|free+", "help+", "recognise+|recognize+"];

/// Bare verb patterns that code only as a finite verb ("the USA *helped*
/// the dissidents", "Washington *alleges* that …"): their infinitives and
/// gerunds are mostly purposes ("funds to help the government"), and a
/// participle before a noun describes it ("alleged abuses").
const FINITE_ONLY: &[&str] = &["help+", "allege+"];

/// Whether verb `v` tells what someone hopes, wishes or fears ("Kigali
/// said it *hoped* French officials would be indicted"): no act, nor
/// anyone's intent — the clause it heads, or one it is joined to, is the
/// clausal complement of such a verb. ("Ministers hope *to allow*
/// tourism", the subject's own aim, is left to the modality.)
fn wished(p: &ParsedSentence<'_>, v: usize) -> bool {
    let mut at = v;
    for _ in 0..4 {
        let rel = p.relation(at);
        if !matches!(rel, "ccomp" | "conj") {
            return false;
        }
        let Some(h) = p.head(at) else {
            return false;
        };
        if rel == "ccomp"
            && p.words[h].upos == "VERB"
            && p.lemma_is(h, &["hope", "wish", "fear", "doubt", "dream", "pray"])
        {
            return true;
        }
        at = h;
    }
    false
}

/// Whether verb `v` is finite: a past or present tense, a participle with
/// a "have" of its own, or a base form after a modal or "do" ("will
/// help", "did not help"; not "to help").
fn finite(p: &ParsedSentence<'_>, v: usize) -> bool {
    let aux = |lemmas: &[&str]| {
        p.children(v)
            .iter()
            .any(|&c| p.relation(c) == "aux" && (lemmas.is_empty() || p.lemma_is(c, lemmas)))
    };
    match p.words[v].xpos {
        "VBD" | "VBZ" | "VBP" => true,
        "VBN" => aux(&["have"]),
        "VB" => aux(&[]),
        _ => false,
    }
}

/// Whether trigger `m`'s object (or, for a passive or a participle
/// describing a noun, its subject) is itself an actor mention.
fn done_to_actor(
    p: &ParsedSentence<'_>,
    s: &Sentence<'_>,
    mentions: &[Mention],
    m: &TriggerMatch,
) -> bool {
    let v = m.start;
    let target = done_to(p, s, m);
    // "freed several villages from the militants" is retaking ground.
    let recognising = p.lemma_is(v, &["recognise", "recognize"]);
    // "recognise *the Palestinian* state", "*Kosovo's* independence": whose
    // it is (not "help *the London* market's growth", "release its
    // *official* report")
    let whose = |t: usize| {
        p.children(t).iter().any(|&c| {
            let owner = match p.words[c].deprel {
                "amod" | "compound" | "nmod:poss" => true,
                "nmod" => case_is(p, c, &["of"]),
                _ => false,
            };
            owner && mention_at(mentions, c).is_some()
        })
    };
    target.is_some_and(|t| {
        !p.lemma_is(t, TERRITORY)
            && (!mentions_of(p, mentions, t).is_empty()
                || (recognising && (p.lemma_is(t, RECOGNISED) || whose(t))))
    })
}

/// Whether trigger `m`'s object (or, in the passive, its subject) is a
/// person: a name, a noun beside a name or an actor mention that is no
/// place ("dismissed the defence minister", "Hu was dismissed", "midfielder
/// Omar Kassem was dismissed"), not "dismissed the claims" or
/// "dismissed Syria's value".
fn dismisses_a_person(
    p: &ParsedSentence<'_>,
    s: &Sentence<'_>,
    mentions: &[Mention],
    m: &TriggerMatch,
) -> bool {
    // (a name, or a noun the name stands beside: "midfielder Omar Kassem")
    let named = |t: usize| {
        p.words[t].upos == "PROPN"
            || p.children(t)
                .iter()
                .any(|&c| p.relation(c) == "appos" && p.words[c].upos == "PROPN")
    };
    done_to(p, s, m).is_some_and(|t| match mention_at(mentions, t) {
        Some(k) => !mentions[k].place,
        None => named(t),
    })
}

/// What trigger `m` is done to: its object, or, for a passive or a
/// participle describing a noun, its subject.
fn done_to(p: &ParsedSentence<'_>, s: &Sentence<'_>, m: &TriggerMatch) -> Option<usize> {
    let v = m.start;
    if p.is_passive(v) {
        p.subject(v).or_else(|| participle_subject(p, v))
    } else if reduced_passive(p, s, m) {
        misparsed_participle(p, v).or_else(|| p.head(v))
    } else {
        p.object(v)
    }
}

/// What a state recognises besides an actor: "would not recognise the
/// agreement", "recognised the election results".
const RECOGNISED: &[&str] = &[
    "agreement",
    "treaty",
    "accord",
    "government",
    "regime",
    "election",
    "result",
    "referendum",
    "sovereignty",
    "independence",
    "state",
    "border",
    "annexation",
    "union",
];

/// Nouns of ground held, which a release of people is not.
const TERRITORY: &[&str] = &[
    "village",
    "town",
    "city",
    "area",
    "district",
    "region",
    "territory",
    "province",
    "neighbourhood",
    "neighborhood",
    "land",
];

/// Patterns that state a readiness to act ("ready to", "vowed to").
const STANCES: &[&str] = &[
    "ready to",
    "willing to",
    "prepared to",
    "vow+ to",
    "pledge+ to",
    "promise+ to",
];

/// Types whose joint source acts with itself when no recipient is named:
/// meetings, agreements, cooperation.
fn is_mutual(pattern: &TriggerPattern) -> bool {
    let first_verb = |verbs: &[&str]| {
        pattern
            .text
            .split(' ')
            .next()
            .unwrap_or_default()
            .split('|')
            .any(|v| verbs.contains(&v.trim_end_matches('+')))
    };
    match pattern.event {
        // Signing an agreement, establishing, upgrading or restoring ties
        // is done together ("West Germany and Tanzania signed an
        // agreement", "India and Mauritius upgraded their ties"); ratifying
        // or endorsing is each side's own.
        EventType::Support => {
            pattern
                .cameo
                .as_deref()
                .is_some_and(|c| c.starts_with("05"))
                && first_verb(&[
                    "sign",
                    "establish",
                    "upgrade",
                    "restore",
                    "normalise",
                    "normalize",
                ])
        }
        EventType::Consult | EventType::Cooperate => true,
        // Agreeing, signing or settling is done together ("Russia and
        // Ukraine agreed to swap prisoners", "reached a deal"), and so is
        // an intent to meet or settle (036, 037); an offer, a pledge or
        // support is each side's own ("Greece, Panama and South Korea
        // supported the call", "offered assistance").
        EventType::Agree => {
            matches!(pattern.cameo.as_deref(), Some("036" | "037"))
                || first_verb(&[
                    "agree", "reach", "conclude", "sign", "settle", "strike", "seal",
                ])
        }
        _ => false,
    }
}

/// "seized by *US*-backed Syrian rebel forces", which the parser may break
/// at the hyphen after the backer's name (its last word before token `e`):
/// the mention the "-backed" ("-led", "-funded" ...) describes, named
/// within four words after it.
fn backed_after(s: &Sentence<'_>, mentions: &[Mention], e: usize) -> Option<usize> {
    let backed = s.word(e) == "-"
        && matches!(
            s.word(e + 1),
            "backed"
                | "led"
                | "supported"
                | "sponsored"
                | "funded"
                | "armed"
                | "trained"
                | "allied"
                | "aligned"
                | "linked"
                | "controlled"
        );
    if !backed {
        return None;
    }
    mentions
        .iter()
        .position(|x| x.tok.0 > e + 1 && x.tok.0 <= e + 5)
}

/// Whether `pattern` is a row of pressure to act ("pressured Mexico to",
/// CAMEO 170; our rows start with "pressured|…" or with the "to" of `to >
/// pressure .. to`): what the pressured side is to do is not done.
fn is_pressure(pattern: &TriggerPattern) -> bool {
    pattern.event == EventType::Coerce
        && matches!(
            pattern.text.split(['|', ' ']).next(),
            Some("pressured" | "to")
        )
}

/// "threatened to …", "insisted that …", "urged Kyiv to …", "accused Kyiv
/// of …": a clause, infinitive or gerund follows the trigger (within a few
/// words, in the same clause).
fn has_complement(s: &Sentence<'_>, m: &TriggerMatch) -> bool {
    let opens = |w: &str| matches!(w, "to" | "that" | "of");
    (m.start + 1..m.end).any(|i| opens(s.word(i)))
        || (m.end..(m.end + 6).min(s.words.len()))
            .take_while(|&i| !is_boundary(s, i) || s.word(i) == "that")
            .any(|i| opens(s.word(i)))
}

fn ends_with_between(elements: &[Element]) -> bool {
    matches!(elements.last(), Some(Element::Words(w)) if w.iter().any(|x| x == "between"))
}

/// Whether mention `x` is in a phrase of where ("in", "at", "near" …)
/// below the word `head` in the parse: "a drone strike *in Somalia*", "a
/// device *in Syria*".
fn located_under(p: &ParsedSentence<'_>, x: &Mention, head: usize) -> bool {
    p.ancestors(x.tok.1 - 1)
        .take_while(|&a| a != head)
        .any(|a| case_is(p, a, &["in", "at", "near", "inside", "outside"]))
}

/// Nouns of places that imported rows end with (`dismantle+ .. town|towns
/// |city|cities …`): in a phrase of where, they are no object.
const PLACE_NOUNS: &[&str] = &[
    "town",
    "city",
    "village",
    "municipality",
    "borough",
    "township",
    "settlement",
    "metropolis",
];

/// Accords, meetings and affairs that a place's name names ("the Paris
/// Agreement", "the Geneva talks", "the Iran arms scandal"): the place is
/// no side of what is done about them.
const NAMED_BY_PLACES: &[&str] = &[
    "agreement",
    "accord",
    "accords",
    "pact",
    "treaty",
    "protocol",
    "convention",
    "declaration",
    "communique",
    "meeting",
    "summit",
    "conference",
    "talks",
    "round",
    "process",
    "scandal",
    "affair",
];

/// "Anglo American *attacks* key apartheid law": a plural noun that is
/// also a verb's third person, given an object by the parser, is that verb
/// (a noun takes no object).
fn noun_with_object(lex: &Lexicon, s: &Sentence<'_>, p: &ParsedSentence<'_>, v: usize) -> bool {
    p.words[v].xpos == "NNS"
        // ("Brazil strikes cause government problems": labour strikes)
        && s.word(v) != "strikes"
        && lex.triggers.verb_form(s.word(v)) == Some(VerbForm::Third)
        && p.object(v).is_some()
}

/// Whether the words matched are used as a trigger here: a verb form in a
/// verb position, not a noun ("the meeting", "economic sanctions"), not a
/// capitalised name in running text ("March").
fn is_trigger_use(
    lex: &Lexicon,
    doc_text: &str,
    s: &Sentence<'_>,
    mentions: &[Mention],
    m: &TriggerMatch,
    frame: Frame,
) -> bool {
    if !s.is_title && m.start > 0 && s.is_capitalised(doc_text, m.start) {
        return false;
    }
    if frame == Frame::Between {
        return true;
    }
    let w = s.word(m.start);
    let prev = if m.start > 0 { s.word(m.start - 1) } else { "" };
    let after_mention = mentions.iter().any(|x| x.tok.1 == m.start);
    match lex.triggers.verb_form(w) {
        None => true,
        Some(VerbForm::Gerund) | Some(VerbForm::Past) => !is_determiner(prev),
        Some(VerbForm::Third) => {
            after_mention
                || s.is_title
                || matches!(
                    prev,
                    "he" | "she"
                        | "it"
                        | "who"
                        | "which"
                        | "that"
                        | "also"
                        | "now"
                        | "still"
                        | "again"
                        | "then"
                )
                || prev.ends_with("ly")
        }
        Some(VerbForm::Base) => {
            matches!(
                prev,
                "to" | "will"
                    | "would"
                    | "can"
                    | "could"
                    | "may"
                    | "might"
                    | "must"
                    | "should"
                    | "shall"
                    | "do"
                    | "does"
                    | "did"
                    | "not"
                    | "n't"
                    | "never"
                    | "'ll"
                    | "they"
                    | "we"
                    | "i"
                    | "you"
                    | "also"
            ) || (s.is_title && after_mention)
                || mentions.iter().any(|x| {
                    x.tok.1 == m.start
                        && x.actor.text.ends_with('s')
                        && !x.actor.text.ends_with("'s")
                })
        }
    }
}

type Roles = (Vec<usize>, Vec<usize>, String);

/// "Blinken assured *visiting* Australian Foreign Minister Marise Payne",
/// "Deng told visiting U.S. Secretary of State George Shultz": "visiting"
/// as the adjective of a name makes that name the visitor, and the
/// subject of the clause the host (not the other way round).
fn visiting_guest(
    p: &ParsedSentence<'_>,
    s: &Sentence<'_>,
    mentions: &[Mention],
    clauses: &Clauses,
    m: &TriggerMatch,
) -> Option<Roles> {
    let v = m.start;
    if s.word(v) != "visiting" || m.end != v + 1 || v == 0 {
        return None;
    }
    // (after a determiner or right after the host's verb, which the
    // parser may read as taking "visiting" as its complement; not "is
    // visiting Brasilia", "businessmen visiting Tokyo")
    let before = v - 1;
    let host_verb = if p.words[before].upos == "DET" {
        p.head(v).and_then(|n| p.head(n))
    } else if p.words[before].upos == "VERB" && !p.lemma_is(before, &["be", "go", "come"]) {
        Some(before)
    } else {
        None
    }?;
    // (a person or a delegation, not a place visited)
    let guest = mentions
        .iter()
        .position(|x| x.tok.0 == v + 1 && !x.place && x.actor.sector.is_some())
        .filter(|k| !clauses.excluded.contains(k))?;
    let mut host: Vec<usize> = subject_mentions(p, mentions, host_verb);
    if host.is_empty() {
        // (the name right before the verb: "Antony Blinken assured")
        host.extend(mentions.iter().position(|x| x.tok.1 == host_verb));
    }
    host.retain(|&k| k != guest && !clauses.excluded.contains(&k));
    Some((
        vec![guest],
        host,
        "source: the visitor 'visiting' describes; recipient: the host, its clause's subject (parse)"
            .into(),
    ))
}

/// "talks between Russia and Ukraine": the first side acts, the others receive.
fn between(
    s: &Sentence<'_>,
    mentions: &[Mention],
    clauses: &Clauses,
    from: usize,
) -> Option<Roles> {
    let start = if s.word(from) == "the" {
        from + 1
    } else {
        from
    };
    let first = mentions
        .iter()
        .position(|m| m.tok.0 == start)
        .filter(|k| !clauses.excluded.contains(k))?;
    let rest = coordinated(s, mentions, first);
    if rest.is_empty() {
        return None;
    }
    Some((
        vec![first],
        rest,
        "actors: the sides after \"between\"".to_string(),
    ))
}

/// The sides after "between" right after a noun of mediation ending at
/// `end` ("mediation *between* A and B", "a mediation effort between A and
/// B"), within two words.
fn between_sides(
    s: &Sentence<'_>,
    mentions: &[Mention],
    clauses: &Clauses,
    pattern: &TriggerPattern,
    end: usize,
) -> Option<Vec<usize>> {
    if !pattern
        .cameo
        .as_deref()
        .is_some_and(|c| c.starts_with("045"))
    {
        return None;
    }
    let at = (end..end + 3).find(|&i| s.word(i) == "between")?;
    let (first, rest, _) = between(s, mentions, clauses, at + 1)?;
    Some(first.into_iter().chain(rest).collect())
}

/// Mentions coordinated after `m`: "A and B", "A, B and C".
fn coordinated(s: &Sentence<'_>, mentions: &[Mention], m: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut end = mentions[m].tok.1;
    loop {
        let (w1, w2) = (s.word(end), s.word(end + 1));
        let next_start = if matches!(w1, "and" | "or" | "as well as") {
            end + 1
        } else if w1 == "," && matches!(w2, "and" | "or") {
            end + 2
        } else if w1 == "," {
            end + 1
        } else {
            break;
        };
        match mentions.iter().position(|x| x.tok.0 == next_start) {
            Some(k) => {
                out.push(k);
                end = mentions[k].tok.1;
            }
            None => break,
        }
    }
    out
}

/// A verb's source (its subject, left of it) and recipients (right of it);
/// a passive verb's source follows "by".
fn verb_roles(
    lex: &Lexicon,
    s: &Sentence<'_>,
    parsed: Option<&ParsedSentence<'_>>,
    mentions: &[Mention],
    clauses: &Clauses,
    m: &TriggerMatch,
    earlier: &[Found],
) -> Option<Roles> {
    let usable = |k: usize| !clauses.excluded.contains(&k);
    // Walk left over auxiliaries, negations and adverbs.
    let mut j = m.start;
    let mut passive = false;
    while j > 0 {
        let w = s.word(j - 1);
        if is_auxiliary(w)
            || is_negation(w)
            || w.ends_with("ly")
            || matches!(
                w,
                "get"
                    | "got"
                    | "gets"
                    | "getting"
                    | "also"
                    | "already"
                    | "previously"
                    | "still"
                    | "reportedly"
            )
        {
            passive |= matches!(
                w,
                "is" | "are"
                    | "was"
                    | "were"
                    | "be"
                    | "been"
                    | "being"
                    | "get"
                    | "got"
                    | "gets"
                    | "getting"
            );
            j -= 1;
        } else {
            break;
        }
    }
    let participle = s.word(m.start).ends_with("ed")
        || s.word(m.start).ends_with("en")
        || matches!(
            s.word(m.start),
            "held" | "met" | "struck" | "shot" | "hit" | "cut" | "sent" | "seized" | "beat"
        );
    passive &= participle && !matches!(s.word(j.saturating_sub(1)), "has" | "have" | "had");
    // "JAPANESE PURCHASE OF U.S. FIRM OPPOSED", "CAPTAIN CHARGED IN
    // BOMBING": a headline's participle at its end, or before a
    // preposition, has no object: a passive without its auxiliary
    passive |= s.is_title
        && participle
        && m.end == m.start + 1
        && (m.end == s.words.len()
            || matches!(
                s.word(m.end),
                "-" | "--"
                    | ","
                    | ":"
                    | ";"
                    | "by"
                    | "in"
                    | "at"
                    | "over"
                    | "after"
                    | "for"
                    | "on"
                    | "as"
                    | "from"
                    | "near"
                    | "during"
            ));
    // "X met Y and signed …": a coordinated verb shares the subject.
    let after_comma_gerund =
        j == m.start && j > 0 && s.word(j - 1) == "," && s.word(m.start).ends_with("ing");
    let inherited = (j > 0 && (matches!(s.word(j - 1), "and" | "or") || after_comma_gerund))
        .then(|| {
            earlier
                .last()
                .filter(|e| e.trigger.end < j)
                .map(|e| e.actors.clone())
        })
        .flatten();
    // "launched rocket fire against the camps, *killing* 50": a gerund
    // after a comma is the result of the act before it, done by its doer.
    let result = after_comma_gerund && inherited.is_some();
    // "an operation rescued 190 passengers and killed 30 terrorists": a
    // verb after "and" shares the subject of the verb before it, whose
    // object is no subject.
    let from = (j > 0 && matches!(s.word(j - 1), "and" | "or"))
        .then(|| parsed.and_then(|p| crate::syntax::verb_of_object_before(p, mentions, j - 1)))
        .flatten()
        .unwrap_or(j);
    // "the group's ability *to support* Kurdish rebels", "trips to the
    // Afghan capital *to investigate*": an infinitive after a noun that
    // names no actor is that noun's complement or a purpose; its doer is
    // not the nearest name further left.
    // ("the US decision *to reimpose* sanctions", "Trump's decision to
    // withdraw": the noun's possessor or modifier is.)
    let after_to = j >= 2 && s.word(j - 1) == "to";
    let noun_infinitive = after_to
        .then_some(parsed)
        .flatten()
        // (not a noun the parse makes a predicate: "Greece *plans* to
        // impose")
        .filter(|p| {
            let n = j - 2;
            matches!(p.words[n].upos, "NOUN" | "PROPN")
                && !matches!(p.relation(n), "root" | "conj")
                && p.subject(n).is_none()
                && mention_at(mentions, n).is_none()
        })
        .map(|p| {
            let n = j - 2;
            // (or, for a noun a verb governs, that verb's subject: "the
            // police were hardly in a position to take control", "had the
            // temerity to raid")
            p.children(n)
                .iter()
                .filter(|&&c| matches!(p.words[c].deprel, "nmod:poss" | "compound" | "amod"))
                .find_map(|&c| mention_at(mentions, c))
                .map(|k| vec![k])
                .or_else(|| {
                    p.head(n)
                        .filter(|_| matches!(p.relation(n), "obj" | "obl"))
                        .map(|v| subject_mentions(p, mentions, v))
                        .filter(|found| !found.is_empty())
                })
                .map(|mut found| {
                    found.retain(|k| !clauses.excluded.contains(k));
                    found
                })
                .filter(|found| !found.is_empty())
        });
    // "expected Trump to tell *him to* back off": an infinitive after an
    // object pronoun is done by whom the pronoun stands for, whom the
    // surface reading does not know.
    // (not "for the US to launch strikes": the words are lower-cased)
    let pronoun_infinitive = after_to
        && matches!(s.word(j - 2), "him" | "her" | "them" | "us" | "me")
        && mention_at(mentions, j - 2).is_none();
    let left = match noun_infinitive {
        _ if result || pronoun_infinitive => None,
        Some(owner) => owner,
        None => subject(s, mentions, clauses, from),
    };
    // "allowed *Ankara* to claim", "pushing *Damascus* to the table",
    // "storm a *US military base*": with no one named after the words
    // matched, a side inside the pattern's gap is whom it is done to. Not
    // a by-phrase's ("supported by about 2,000 US troops"), one's own
    // ("recall *its* ambassador"), the doer of the pattern's noun ("reimposing
    // *U.N.* sanctions"), nor a side of no country ("training local
    // forces", "join forces").
    let after = object(lex, s, mentions, clauses, m.end);
    let in_gap = after.is_none();
    let right = after.or_else(|| {
        if (m.start + 1..m.end).any(|k| s.word(k) == "by") {
            return None;
        }
        let inside = |k: &usize| {
            let x = &mentions[*k];
            let before = s.word(x.tok.0 - 1);
            x.tok.0 < m.end
                && x.actor.country.is_some()
                && !matches!(before, "its" | "their" | "his" | "her" | "our")
                && !matches!(
                    s.word(x.tok.1),
                    "sanctions"
                        | "embargo"
                        | "tariffs"
                        | "aid"
                        | "assistance"
                        | "support"
                        | "backing"
                        | "help"
                        | "loans"
                        | "credits"
                        | "dlrs"
                        | "dollars"
                        | "currency"
                )
        };
        object(lex, s, mentions, clauses, m.start + 1).filter(|found| found.iter().all(inside))
    });
    // "Assad, *supported by* Moscow, has used …", "rebels *backed by*
    // Turkish artillery": a bare participle right before "by" is a passive
    // describing the noun before it, which receives; the by-phrase acts.
    // (Not a question: "asked by a reporter whether …".)
    // (after the pattern's words too: "the British journalist *taken
    // hostage by* Islamic State")
    let by_at = [m.start + 1, m.end]
        .into_iter()
        .find(|&k| k < s.words.len() && s.word(k) == "by");
    if let Some(by_at) = by_at
        .filter(|_| participle && !passive && j == m.start && !s.word(m.start).starts_with("ask"))
    {
        let agent = (by_at + 1..(by_at + 5).min(s.words.len()))
            .take_while(|&k| !is_boundary(s, k))
            .find_map(|k| mentions.iter().position(|x| x.tok.0 == k))
            .filter(|&k| usable(k) && !mentions[k].possessive);
        if let Some(by) = agent {
            let end = if m.start > 0 && s.word(m.start - 1) == "," {
                m.start - 1
            } else {
                m.start
            };
            // (the noun described, not one inside a prepositional phrase:
            // "hold sway in north-east Syria, supported by US troops")
            let described = mentions.iter().position(|x| x.tok.1 == end).filter(|&k| {
                let x = &mentions[k];
                usable(k)
                    && !x.possessive
                    && !(x.tok.0.saturating_sub(6)..x.tok.0)
                        .rev()
                        .take_while(|&i| s.word(i) != ",")
                        .any(|i| is_preposition(s.word(i)))
            });
            let mut actors = vec![by];
            actors.extend(coordinated(s, mentions, by));
            let recipients: Vec<usize> = described
                .map(|k| with_coordinated_left(s, mentions, k))
                .unwrap_or_default()
                .into_iter()
                .filter(|k| !actors.contains(k))
                .collect();
            // (with no noun described that is an actor, only where the
            // reading below would code it, with the wrong doer: "groups
            // who, supported by the US and UK, gave …")
            if !recipients.is_empty() || left.is_some() || inherited.is_some() {
                return Some((
                    actors,
                    recipients,
                    "source: the by-phrase of a participle describing a noun; recipient: that noun"
                        .into(),
                ));
            }
        } else if by_at + 1 < s.words.len()
            && s.word(by_at + 1).chars().all(char::is_alphabetic)
            && !s.word(by_at + 1).ends_with("ing")
            && left.as_ref().is_some_and(|l| !l.is_empty())
            && !mentions
                .iter()
                .any(|x| x.tok.0 > by_at && x.tok.0 <= by_at + 5)
        {
            // "Chinese wheat crop *threatened by* pests": a by-phrase that
            // names no side still says the noun before underwent it; the
            // noun's side is no doer
            return Some((
                Vec::new(),
                left.unwrap_or_default(),
                "source: none named (a participle's by-phrase names no side); recipient: the noun it describes"
                    .into(),
            ));
        }
    }
    if passive {
        // "protesters were arrested by police"
        let by = (m.end..s.words.len())
            .take_while(|&k| !is_boundary(s, k))
            .find(|&k| s.word(k) == "by")
            .and_then(|k| {
                mentions
                    .iter()
                    .position(|x| x.tok.0 == k + 1 || (x.tok.0 == k + 2 && s.word(k + 1) == "the"))
            })
            .filter(|&k| usable(k))?;
        let mut actors = vec![by];
        actors.extend(coordinated(s, mentions, by));
        return Some((
            actors,
            left.unwrap_or_default(),
            "source: the by-phrase of a passive verb; recipient: its subject".into(),
        ));
    }
    let (actors, how) = match (left, inherited) {
        (Some(a), _) if from != j => (a, "source: the subject of the coordinated verb before it"),
        (Some(a), _) => (a, "source: the subject left of the trigger"),
        (None, Some(a)) => (a, "source: the subject of the coordinated verb before it"),
        (None, None) => return None,
    };
    let mut recipients = right.unwrap_or_default();
    // (nor, inside the gap, an unarmed side of the source's own country:
    // "Riyadh giving London its biggest-ever arms deal" read with Britain
    // as the source; armed men may be its own forces withdrawn, "withdraw
    // US troops from Syria", or others of its country, "SDF members joined
    // Syrian forces")
    if in_gap {
        recipients.retain(|&r| {
            let c = &mentions[r].actor.country;
            mentions[r].is_armed() || !actors.iter().any(|&a| mentions[a].actor.country == *c)
        });
    }
    let how = if recipients.is_empty() {
        how.to_string()
    } else {
        format!("{how}; recipient: the first actor after it")
    };
    Some((actors, recipients, how))
}

/// The subject left of token `j`: the nearest mention in the clause that is
/// not inside a prepositional phrase and not a possessive.
fn subject(
    s: &Sentence<'_>,
    mentions: &[Mention],
    clauses: &Clauses,
    j: usize,
) -> Option<Vec<usize>> {
    // "France, whose nationals make up the largest contingent of European
    // Isis recruits, has refused", "the father of Shamima Begum, a teenager
    // who travelled to Syria to join Islamic State, has urged": a
    // parenthetical between commas before the verb describes the subject,
    // which stands right before it (or is no actor).
    if j >= 2 && s.word(j - 1) == "," {
        let opening = (1..j - 1).rev().find(|&c| s.word(c) == ",");
        // (so does a participle's by-phrase: "a Riyadh-led coalition,
        // *supported by the US and Britain*, has launched airstrikes")
        if let Some(c) = opening.filter(|&c| {
            matches!(
                s.word(c + 1),
                "who" | "whose" | "whom" | "which" | "a" | "an" | "the"
            ) || (s.word(c + 1).ends_with("ed") && s.word(c + 2) == "by")
        }) {
            return mentions
                .iter()
                .position(|x| x.tok.1 == c)
                .filter(|&i| !clauses.excluded.contains(&i) && !mentions[i].possessive)
                .map(|i| vec![i]);
        }
    }
    let mut k = j;
    let mut comma_met = false;
    while k > 0 {
        let w = s.word(k - 1);
        // "Putin and Erdoğan, who have backed the government and the
        // rebels respectively, are due to meet": the same with words of
        // the verb's own between the closing comma and the verb; the
        // relative clause's object is no subject. (Only the first comma
        // met, not one inside the clause: "the U.S., whose nominee, Joe
        // Rogers, resigned"; not a clause of saying, whose complement may
        // run on past the comma; nor a noun inside a prepositional phrase:
        // "under the settlement, which was announced …, Continental
        // agreed".)
        if w == "," && !comma_met && k >= 3 {
            comma_met = true;
            let opening = (1..k - 1).rev().find(|&c| s.word(c) == ",");
            let relative = opening.filter(|&c| {
                matches!(s.word(c + 1), "who" | "whose" | "whom" | "which")
                    && !(c + 1..k - 1).any(|i| is_reporting(s, i))
            });
            if let Some(c) = relative {
                return mentions
                    .iter()
                    .position(|x| x.tok.1 == c)
                    .filter(|&i| !clauses.excluded.contains(&i) && !mentions[i].possessive)
                    .map(|i| {
                        let mut all = with_coordinated_left(s, mentions, i);
                        all.retain(|k| !clauses.excluded.contains(k));
                        all
                    })
                    .filter(|all| {
                        let first = all.first().map_or(0, |&i| mentions[i].tok.0);
                        !all.is_empty()
                            && !(first.saturating_sub(6)..first)
                                .rev()
                                .take_while(|&i| s.word(i) != ",")
                                .any(|i| is_preposition(s.word(i)))
                    });
            }
        }
        if w == "who" && k >= 2 && s.word(k - 2) == "," {
            // "Putin, who has denied …": the relative clause's antecedent.
            let ante = mentions.iter().position(|x| x.tok.1 == k - 2)?;
            return Some(vec![ante]);
        }
        // "police said two cars were set on fire": the speaker is not the
        // subject of what is reported.
        if is_boundary(s, k - 1) || is_reporting(s, k - 1) {
            return None;
        }
        // "they said they would …": in reported speech a pronoun subject is
        // the speaker.
        if matches!(w, "he" | "she" | "they" | "we" | "it") {
            // (not "he", "she" or "they" in a direct quotation: someone
            // the speaker talks about)
            let quoted = (0..k - 1)
                .filter(|&i| matches!(s.word(i), "\"" | "“" | "”"))
                .count()
                % 2
                == 1;
            let for_another = w != "they"
                && clauses.attribution.is_some_and(|(_, (a, b))| {
                    (a..b).any(|i| crate::syntax::SPEAKING_FOR.contains(&s.word(i)))
                });
            if quoted && matches!(w, "he" | "she" | "they") && !for_another {
                return None;
            }
            // (a person, not the news agency that reports: "where *he*
            // agreed to do so, Reuters reported")
            if matches!(w, "he" | "she")
                && clauses
                    .attribution
                    .is_some_and(|(a, _)| crate::syntax::is_agency(&mentions[a]))
            {
                return None;
            }
            return clauses.attribution.map(|(a, _)| vec![a]);
        }
        if let Some(idx) = mentions.iter().position(|x| x.tok.1 == k) {
            let x = &mentions[idx];
            let before = if x.tok.0 > 0 { s.word(x.tok.0 - 1) } else { "" };
            // "thousands of protesters rallied": the quantity is not the actor.
            let quantity_of = before == "of" && x.tok.0 >= 2 && is_quantity(s.word(x.tok.0 - 2));
            // "analysts told *Reuters* producers will meet": whom a speaker
            // tells ends the clause told; it is no subject of it
            if matches!(before, "told" | "tell" | "tells" | "telling") {
                return None;
            }
            // "a strike in Deir ez-Zor, *eastern Syria*": a region of a
            // country is where, not who
            let region = x.place && crate::places::REGION_ADJECTIVES.contains(&before);
            if !clauses.excluded.contains(&idx)
                && !x.possessive
                && !region
                && (!is_preposition(before) || quantity_of)
            {
                let mut all = with_coordinated_left(s, mentions, idx);
                all.retain(|k| !clauses.excluded.contains(k));
                return Some(all);
            }
            k = x.tok.0;
            continue;
        }
        k -= 1;
    }
    None
}

fn is_quantity(w: &str) -> bool {
    matches!(
        w,
        "thousands"
            | "hundreds"
            | "dozens"
            | "tens"
            | "millions"
            | "scores"
            | "group"
            | "groups"
            | "crowd"
            | "crowds"
            | "number"
            | "some"
            | "many"
            | "most"
            | "all"
            | "several"
            | "members"
            | "supporters"
            | "hundred"
            | "thousand"
            | "dozen"
            | "couple"
            | "lot"
            | "lots"
            | "band"
            | "unit"
            | "units"
    ) || w.chars().all(|c| c.is_ascii_digit() || c == ',')
}

/// "Russia and Ukraine agreed": the subject with the mentions coordinated before it.
fn with_coordinated_left(s: &Sentence<'_>, mentions: &[Mention], idx: usize) -> Vec<usize> {
    let mut out = vec![idx];
    let mut start = mentions[idx].tok.0;
    while start >= 2 && matches!(s.word(start - 1), "and" | "or") {
        match mentions
            .iter()
            .position(|x| x.tok.1 == start - 1 && !x.possessive)
        {
            Some(p) => {
                out.insert(0, p);
                start = mentions[p].tok.0;
            }
            None => break,
        }
    }
    out
}

/// The recipients right of token `from`: the first mention in the clause
/// that is not a place ("in Moscow"), an agent ("by"), or a possessive
/// ("Russia's partners, including China and India" gives China and India).
fn object(
    lex: &Lexicon,
    s: &Sentence<'_>,
    mentions: &[Mention],
    clauses: &Clauses,
    from: usize,
) -> Option<Vec<usize>> {
    let n = s.words.len();
    let mut k = from;
    while k < n && k < from + 12 {
        let w = s.word(k);
        // Quotation marks around a phrase ("“secondary tariffs” against …")
        // do not end the clause here.
        if crate::text::is_quote(w) {
            k += 1;
            continue;
        }
        if (is_boundary(s, k) && w != "that") || w == "according" {
            return None;
        }
        // A comma ends the verb's arguments, unless a list of them follows
        // ("partners, including China and India").
        if w == ","
            && !matches!(
                s.word(k + 1),
                "including" | "notably" | "namely" | "especially"
            )
        {
            return None;
        }
        // Another verb's arguments are not this one's: stop at the next
        // trigger, and at an infinitive ("urged allies to keep up …").
        let starts_mention = mentions.iter().any(|x| x.tok.0 == k);
        if !starts_mention && s.trigger_at(lex, k).is_some() {
            return None;
        }
        if s.word(k) == "to"
            && !is_determiner(s.word(k + 1))
            && !mentions.iter().any(|x| x.tok.0 == k + 1)
        {
            return None;
        }
        if let Some(idx) = mentions.iter().position(|x| x.tok.0 == k) {
            let x = &mentions[idx];
            let before = if k > 0 { s.word(k - 1) } else { "" };
            let before = if before == "the" && k > 1 {
                s.word(k - 2)
            } else {
                before
            };
            let skip = clauses.excluded.contains(&idx)
                || x.possessive
                || matches!(
                    before,
                    "in" | "at"
                        | "near"
                        | "inside"
                        | "outside"
                        | "across"
                        | "throughout"
                        | "around"
                        | "by"
                        | "from"
                );
            if !skip {
                let mut out = vec![idx];
                out.extend(coordinated(s, mentions, idx));
                return Some(out);
            }
            k = x.tok.1;
            continue;
        }
        k += 1;
    }
    None
}

/// Whether word `at` is in a direct yes/no question that opens the
/// sentence: it opens with an auxiliary, and a question mark follows `at`
/// ("Is Russia ready to talk?", "\"Will China impose sanctions?\" he
/// asked").
fn yes_no_question(s: &Sentence<'_>, at: usize) -> bool {
    let quote = |w: &str| matches!(w, "\"" | "“" | "”" | "'" | "‘" | "’" | "(" | ")");
    let n = s.words.len();
    let first = (0..n).find(|&i| !quote(s.word(i)));
    // (a finite auxiliary: no question opens with "be", "been", "being")
    (at..n).any(|i| s.word(i) == "?")
        && first.is_some_and(|i| {
            let w = s.word(i);
            crate::text::is_auxiliary(w) && !matches!(w, "be" | "been" | "being" | "having")
        })
}

fn modality(s: &Sentence<'_>, clauses: &Clauses, m: &TriggerMatch) -> Modality {
    if yes_no_question(s, m.start) {
        return Modality::Conditional;
    }
    let window: Vec<&str> = (m.start.saturating_sub(4)..m.start)
        .map(|i| s.word(i))
        .collect();
    let has = |ws: &[&str]| window.iter().any(|w| ws.contains(w));
    if has(&["not", "n't", "never", "no"]) {
        return Modality::Negated;
    }
    if clauses.condition.is_some() || has(&["would", "could", "might", "may"]) {
        return Modality::Conditional;
    }
    let joined = window.join(" ");
    if has(&["will", "'ll", "shall"])
        || [
            "going to",
            "plans to",
            "planned to",
            "expected to",
            "set to",
            "intends to",
            "due to",
            "plan to",
        ]
        .iter()
        .any(|p| joined.contains(p))
    {
        return Modality::Future;
    }
    if clauses.attribution.is_some() {
        return Modality::Reported;
    }
    Modality::Asserted
}

/// Whether tokens `a` and `b` lie in the same comma-separated segment.
fn same_segment(s: &Sentence<'_>, a: usize, b: usize) -> bool {
    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
    !(lo..hi).any(|i| s.word(i) == ",")
}

/// "in Moscow" right after the trigger or its last argument.
fn location(
    s: &Sentence<'_>,
    mentions: &[Mention],
    trigger_end: usize,
    after: usize,
) -> Option<usize> {
    mentions.iter().position(|x| {
        x.place
            && x.tok.0 >= trigger_end
            && x.tok.0 <= after + 3
            && x.tok.0 <= trigger_end + 12
            && x.tok.0 > 0
            && matches!(s.word(x.tok.0 - 1), "in" | "at")
            && !(trigger_end..x.tok.0).any(|i| is_boundary(s, i))
    })
}

/// Verbs of receiving: their `from` names the other side.
const RECEIVING: &[&str] = &[
    "receive", "get", "obtain", "accept", "win", "gain", "secure",
];

/// Verbs of taking or pulling something away from someone: whom it is
/// taken from is the other side.
const TAKING_AWAY: &[&str] = &[
    "confiscate",
    "seize",
    "capture",
    "recapture",
    "wrest",
    "steal",
    "withdraw",
    "pull",
    "evacuate",
];

/// Nouns of moving people or things away, and the troops moved: what
/// they move "from" is a place, not who is asked for it.
const MOVING_NOUNS: &[&str] = &[
    "withdrawal",
    "pullout",
    "pull-out",
    "release",
    "departure",
    "exit",
    "evacuation",
    "expulsion",
    "removal",
    "extradition",
    "return",
    "repatriation",
    "transfer",
    "troops",
    "forces",
    "soldiers",
];

/// What one side sends, proposes or does that another may answer: its
/// possessor or its "by"/"from" phrase is that other side.
const MESSAGE_NOUNS: &[&str] = &[
    "proposal",
    "offer",
    "appeal",
    "call",
    "demand",
    "request",
    "invitation",
    "plea",
    "ultimatum",
    "bid",
    "plan",
    "initiative",
    "suggestion",
    "decision",
    "policy",
    "statement",
    "remark",
    "accusation",
    "allegation",
    "claim",
    "criticism",
    "warning",
    "threat",
    "pressure",
    "overture",
    "aid",
    "assistance",
    "help",
    "support",
    "failure",
    "refusal",
    "move",
    "action",
    "annexation",
    "occupation",
    "invasion",
    "crackdown",
    "suppression",
    "violation",
];

/// Nouns that a "military" before them leaves the armed forces' (or their
/// seizure of power): "ousted by a military junta", "in a military coup".
const ARMED_BODIES: &[&str] = &[
    "junta",
    "coup",
    "regime",
    "government",
    "ruler",
    "force",
    "troop",
    "personnel",
    "officer",
    "unit",
    "commander",
    "leader",
];

/// Nouns of private persons, whom a capital before them ("a Kabul
/// shopkeeper") places, not makes its government.
const PERSONS: &[&str] = &[
    "schoolgirl",
    "schoolboy",
    "girl",
    "boy",
    "teenager",
    "woman",
    "man",
    "student",
    "resident",
    "family",
    "mother",
    "father",
    "child",
    "businessman",
    "businesswoman",
    "shopkeeper",
    "teacher",
    "doctor",
    "pensioner",
    "driver",
];

/// What a trade can be a fight of: "a trade war", "the trade dispute".
const TRADE_FIGHTS: &[&str] = &[
    "war", "dispute", "row", "spat", "conflict", "battle", "fight",
];

/// Cases of obliques that are never a recipient: places, times, agents.
const NOT_RECIPIENT: &[&str] = &[
    "in",
    "at",
    "near",
    "by",
    "during",
    "after",
    "before",
    "since",
    "until",
    "from",
    "over",
    "amid",
    "across",
    "inside",
    "outside",
    "throughout",
    "around",
    "within",
    "of",
    "for",
];

/// Source and recipients from the dependency parse: the subject of the
/// trigger verb (or the `by` agent of a passive), and the object or the
/// oblique its pattern's preposition names ("met *with* Putin"), looked for
/// down the chain of open complements ("threatened to put penalties *on*
/// Russia"). `None` when the parse names no actor as the source.
fn parse_roles(
    p: &ParsedSentence<'_>,
    s: &Sentence<'_>,
    pattern: &TriggerPattern,
    mentions: &[Mention],
    clauses: &Clauses,
    m: &TriggerMatch,
) -> Option<Roles> {
    let elements = &pattern.elements[..];
    let hostile = matches!(
        pattern.event,
        EventType::Assault | EventType::Coerce | EventType::Threaten
    );
    let v = m.start;
    // "were shocked by Trump's decision *to withdraw*" with the infinitive
    // hung on the verb: it is the owned noun's complement, whose doer the
    // surface reading finds (the noun's possessor), not the verb's subject.
    let owned_noun_before = v >= 2
        && s.word(v - 1) == "to"
        && p.relation(v) == "xcomp"
        && p.head(v) != Some(v - 2)
        && p.words[v - 2].upos == "NOUN"
        && p.children(v - 2)
            .iter()
            .any(|&c| p.words[c].deprel == "nmod:poss" && mention_at(mentions, c).is_some());
    if owned_noun_before {
        return None;
    }
    let usable = |ms: Vec<usize>| -> Vec<usize> {
        ms.into_iter()
            .filter(|k| !clauses.excluded.contains(k))
            .collect()
    };
    // A pronoun's antecedent may be the attributed speaker ("Iraq said it
    // would …"), whom `usable` would drop.
    let subj = {
        let mut found = subject_mentions(p, mentions, v);
        // "the Kabul assault killed ten": a city before an attack is where
        // it happened, not who did it
        if let Some(h) = p.subject(v).filter(|&h| p.lemma_is(h, ATTACK_NOUNS)) {
            found.retain(|&k| {
                !(mentions[k].is_capital()
                    && p.dependents(h, "compound")
                        .any(|c| mention_at(mentions, c) == Some(k)))
            });
        }
        // "an east London schoolgirl has been tracked down": a capital
        // before a person of no role the actor base knows names where the
        // person is from, not its government
        if let Some(h) = p
            .subject(v)
            .filter(|&h| p.lemma_is(h, PERSONS) && mention_at(mentions, h).is_none())
        {
            found.retain(|&k| {
                !(mentions[k].is_capital()
                    && p.dependents(h, "compound")
                        .any(|c| mention_at(mentions, c) == Some(k)))
            });
        }
        let pronoun = p.subject(v).is_some_and(|h| p.words[h].upos == "PRON");
        let mut found = if pronoun { found } else { usable(found) };
        // "The US, Russia, and Switzerland met": the parser may miss a
        // list's members; the surface reading completes it.
        if let Some(&last) = found.last() {
            for k in coordinated(s, mentions, last) {
                if !found.contains(&k) && !clauses.excluded.contains(&k) {
                    found.push(k);
                }
            }
        }
        found
    };
    // The preposition the pattern ends with, if any ("meet+ with").
    let prep = match elements.last() {
        Some(Element::Words(ws))
            if ws.len() == 1
                && matches!(
                    ws[0].as_str(),
                    "with"
                        | "on"
                        | "against"
                        | "to"
                        | "for"
                        | "into"
                        | "toward"
                        | "towards"
                        | "at"
                        | "from"
                ) =>
        {
            Some(ws[0].as_str())
        }
        _ => None,
    };
    // "contribute *up to* 4,000 troops": a quantity, no recipient
    let quantity = |o: usize| {
        p.case_marker(o)
            .is_some_and(|c| c > 0 && s.word(c - 1) == "up" && s.word(c) == "to")
    };
    // "is prepared to", "is committed to": a participle with an infinitive
    // states the subject's own stance; it is no passive.
    // (Not a verb whose active form has an object before its infinitive:
    // "Isis was allowed to expand", "was asked to leave" are passives.)
    let takes_infinitive = matches!(elements.last(), Some(Element::Words(ws)) if ws.iter().any(|w| w == "to"))
        && !p.lemma_is(
            v,
            &[
                "allow",
                "permit",
                "authorize",
                "authorise",
                "force",
                "compel",
                "order",
                "ask",
                "urge",
                "encourage",
                "invite",
                "require",
                "oblige",
                "press",
                "pressure",
                "tell",
                "advise",
                "forbid",
                "persuade",
            ],
        );
    // "Suga *is expected to visit* India", "talks are scheduled to
    // resume": a passive of expecting or scheduling with its infinitive in
    // the pattern says what its subject will do.
    let takes_infinitive = takes_infinitive
        || (p.is_passive(v)
            && p.lemma_is(v, &["expect", "schedule", "slate", "set"])
            && p.xcomp(v).is_some_and(|x| x < m.end));
    // "soldiers *killed* in the fighting", "officials *accused* of …": the
    // noun a participle describes is what happened to it, never its doer.
    let reduced = reduced_passive(p, s, m);
    // "CAPTAIN CHARGED IN AQUINO BOMBING", "Three killed in blast": a
    // headline's participle with no object and no auxiliary is a passive
    // whose subject underwent it.
    // (a participle's own form: not the noun "US RAID" the tagger took for
    // a verb)
    let participle_form = |w: &str| {
        w.ends_with("ed")
            || w.ends_with("en")
            || w.ends_with("wn")
            || matches!(
                w,
                "held" | "shot" | "hit" | "struck" | "slain" | "hurt" | "sent" | "caught" | "told"
            )
    };
    let headline = s.is_title
        && participle_form(s.word(v))
        && matches!(p.words[v].xpos, "VBN" | "VBD")
        && p.dependents(v, "aux").next().is_none()
        && p.object(v).is_none()
        && p.subject(v).is_some_and(|h| h < v);
    let reduced = reduced || headline;
    // (those the surface reading leaves uncoded are left to the readings
    // below)
    let objectless = (!reduced && !participle_after_noun(p, s, mentions, v))
        .then(|| objectless_participle(p, s, mentions, v))
        .flatten();
    let reduced = reduced || objectless.is_some();
    let subj = if let Some(k) = objectless.filter(|_| !takes_infinitive) {
        usable(with_coordinated_left(s, mentions, k))
    } else if reduced && !takes_infinitive && !headline {
        misparsed_participle(p, v)
            .or_else(|| p.head(v))
            .map(|n| usable(nominal_mentions(p, mentions, n)))
            .unwrap_or_default()
    } else {
        subj
    };
    // "New sanctions were imposed *on Iran*": a passive subject that is the
    // pattern's own noun is no recipient; the verb's oblique names it.
    // (So also for a row that wants its noun before the verb, when the noun
    // names no one: "the time *the Paris agreement* was struck" was made
    // with no Paris; "diplomats were expelled" were.)
    let own_noun_names_no_one = || {
        !pattern.before.is_empty()
            && p.is_passive(v)
            && p.words[m.before].upos == "NOUN"
            && p.subject(v) == Some(m.before)
            && !mentions
                .iter()
                .any(|x| x.tok.0 <= m.before && m.before < x.tok.1)
    };
    let subj = if m.before < m.start && (pattern.before.is_empty() || own_noun_names_no_one()) {
        // ("Evidence *against Russia* was presented": or the noun's own.)
        let noun = p.dependents(m.before, "nmod").collect::<Vec<_>>();
        p.obliques(v)
            .into_iter()
            .map(|o| o.word)
            .chain(noun)
            // ("grenades were hurled *at* a police patrol": what is
            // attacked)
            .filter(|&w| {
                p.case_marker(w).is_some()
                    && (!case_is(p, w, NOT_RECIPIENT) || (hostile && case_is(p, w, &["at"])))
            })
            .map(|w| usable(nominal_mentions(p, mentions, w)))
            .find(|f| !f.is_empty())
            .unwrap_or_default()
    } else {
        subj
    };
    let stative = stative_participle(p, v);
    // "97 died in police firing": who died underwent it, as in a passive
    // (a reverse-direction row swaps the sides itself)
    let died = p.lemma_is(v, &["die"]) && !pattern.reverse;
    if (p.is_passive(v) || reduced || stative || died) && !takes_infinitive {
        // the by-agent, which the parser may also attach as an object
        // ("was arrested *by Iraqi Kurds*")
        // (or of a participle joined to it: "were detained and disappeared
        // *by Isis*")
        let by = std::iter::once(v)
            .chain(
                p.dependents(v, "conj")
                    .filter(|&d| p.words[d].xpos == "VBN" && s.word(d - 1) != "-"),
            )
            .flat_map(|u| p.children(u).iter().copied())
            .find(|&c| matches!(p.relation(c), "obl" | "obj") && case_is(p, c, &["by"]));
        // (not a place where the thing by which it was done was: "killed
        // by an improvised explosive device *in Syria*")
        let agent = match by.and_then(|c| backed_after(s, mentions, c + 1)) {
            Some(k) => usable(vec![k]),
            None => by
                .map(|c| {
                    let mut found = usable(nominal_mentions(p, mentions, c));
                    found.retain(|&k| !(mentions[k].place && located_under(p, &mentions[k], c)));
                    found
                })
                .unwrap_or_default(),
        };
        // "killed by a rocket *fired by Somali militants*": a weapon's own
        // by-agent is the doer.
        let agent = match by {
            Some(c) if agent.is_empty() && hostile => p
                .dependents(c, "acl")
                .flat_map(|d| std::iter::once(d).chain(p.dependents(d, "xcomp")))
                .flat_map(|d| p.children(d).to_vec())
                .filter(|&e| p.relation(e) == "obl" && case_is(p, e, &["by"]))
                .map(|e| usable(nominal_mentions(p, mentions, e)))
                .find(|f| !f.is_empty())
                .unwrap_or_default(),
            _ => agent,
        };
        // "were killed in *Israeli* shelling", "killed in an air strike by
        // *government forces*": the attack the harm came in is the doer's.
        let (agent, in_attack) = if agent.is_empty() && hostile {
            let found = p
                .obliques(v)
                .into_iter()
                .filter(|o| case_is(p, o.word, &["in"]) && p.lemma_is(o.word, ATTACK_NOUNS))
                .map(|o| {
                    let by = p
                        .dependents(o.word, "nmod")
                        .filter(|&c| case_is(p, c, &["by"]))
                        .map(|c| usable(nominal_mentions(p, mentions, c)))
                        .find(|f| !f.is_empty());
                    // (not where it struck: "a drone strike *in Somalia*")
                    let located = |k: &usize| located_under(p, &mentions[*k], o.word);
                    by.unwrap_or_else(|| {
                        let mut found = usable(modifier_mentions(p, mentions, o.word));
                        found.retain(|k| !located(k));
                        found
                    })
                })
                .find(|f| !f.is_empty())
                .unwrap_or_default();
            let in_attack = !found.is_empty();
            (found, in_attack)
        } else {
            (agent, false)
        };
        if agent.is_empty() {
            // "three civilians were killed": the event happened to its
            // subject; who did it is not said. Not so in the complement of
            // another verb ("stop getting killed", "fear being arrested").
            // Nor a permission no one is said to grant that is a rule:
            // "only citizens *are allowed to* enter", "women are not allowed
            // to travel", "diplomats will not be allowed to use it" (not
            // "Isis was allowed to expand", which someone let happen).
            let rule = p.lemma_is(v, &["allow", "permit"])
                && p.children(v).iter().any(|&c| {
                    p.lemma_is(c, &["not", "never", "only"])
                        || (p.relation(c) == "aux" && p.words[c].xpos == "MD")
                        || (p.relation(c) == "nsubj"
                            && p.subtree(c).any(|k| p.lemma_is(k, &["only"])))
                });
            if subj.is_empty() || p.relation(v) == "xcomp" || rule {
                return None;
            }
            // "these persons were arrested for possessing weapons, *police*
            // added": the police who report an arrest without saying who
            // made it made it.
            let police = clauses.attribution.map(|(k, _)| k).filter(|&k| {
                // (a finite passive: "a Hamas member *jailed* a year
                // ago" is background, whoever reports it)
                pattern.mode.as_deref() == Some("arrest")
                    && p.is_passive(v)
                    && p.relation(v) != "acl"
                    && mentions[k].is_police()
            });
            if let Some(k) = police {
                return Some((
                    vec![k],
                    subj,
                    "source: the police who report it (a passive arrest without a by-agent); recipient: its subject (parse)"
                        .into(),
                ));
            }
            return Some((
                Vec::new(),
                subj,
                "source: none named (a passive trigger without a by-agent); recipient: its subject (parse)"
                    .into(),
            ));
        }
        let how = if in_attack {
            "source: the doer of the attack the passive trigger happened in (parse); recipient: its subject"
        } else {
            "source: the by-agent of the passive trigger (parse); recipient: its subject"
        };
        return Some((agent, subj, how.into()));
    }
    if subj.is_empty() {
        return None;
    }
    // A word the pattern itself names ("sanctions" in `impose+ .. sanctions`),
    // not one its gap skipped ("accused *NATO* of aggression").
    let in_pattern = |i: usize| {
        (m.start <= i || (i == m.before && m.before < m.start))
            && i < m.end
            && elements
                .iter()
                .any(|e| matches!(e, Element::Words(ws) if ws.iter().any(|w| w == s.word(i))))
    };
    let own = |n: usize| {
        // "recalled *its* ambassador": the subject's own people are no recipient.
        p.children(n)
            .iter()
            .any(|&c| p.words[c].deprel == "nmod:poss" && p.words[c].upos == "PRON")
    };
    // A modifier naming the target: not a place, time or agent, unless the
    // pattern names its preposition ("fired batteries *at* Russia").
    let target_case = |c: usize| {
        !case_is(p, c, NOT_RECIPIENT)
            || prep.is_some_and(|pr| case_is(p, c, &[pr]))
            || (hostile && case_is(p, c, &["at"]))
    };
    // "condemned an attack *by Chadian soldiers*", "welcomed the decision
    // *by Uganda*": the doer of the deed judged is the target.
    // A message or a gift names its sender with "from": "rejected a fresh
    // offer *from Afghanistan*".
    // The same "from" where the subject receives what the pattern names
    // ("faces pressure *from Congress*").
    let doer = |n: usize| -> Vec<usize> {
        let cases: &[&str] = if p.lemma_is(n, MESSAGE_NOUNS) || pattern.reverse {
            &["by", "from"]
        } else {
            &["by"]
        };
        p.dependents(n, "nmod")
            .filter(|&c| case_is(p, c, cases))
            .map(|c| usable(nominal_mentions(p, mentions, c)))
            .find(|found| !found.is_empty())
            .unwrap_or_default()
    };
    // "expressed appreciation for *China's* assistance", "condemned
    // *Russia's* invasion": whose deed the pattern's noun is.
    let owners = |n: usize| -> Vec<usize> {
        let found = p
            .dependents(n, "nmod")
            .filter(|&c| p.words[c].deprel == "nmod:poss")
            .filter_map(|c| mention_at(mentions, c))
            .collect();
        usable(found)
    };
    // "expressed appreciation for China's *assistance*": whose deed the
    // pattern's noun further down is.
    let further_down = |n: usize| -> Vec<usize> {
        p.dependents(n, "nmod")
            .filter(|&c| in_pattern(c) && !own(c))
            .map(owners)
            .find(|found| !found.is_empty())
            .unwrap_or_default()
    };
    let nominal = |n: usize| -> Vec<usize> {
        if in_pattern(n) {
            let found = doer(n);
            if !found.is_empty() {
                return found;
            }
            // "imposed sanctions *on Iran*", "held talks *with Putin*": the
            // pattern's noun is no recipient, its modifier may be. (Not a
            // subset of the noun's own: "arrested seven Islamic State
            // members, *including two women*" were the group's.)
            for c in p.dependents(n, "nmod") {
                if p.case_marker(c).is_some() && target_case(c) && !case_is(p, c, &["include"]) {
                    let found = usable(nominal_mentions(p, mentions, c));
                    if !found.is_empty() {
                        return found;
                    }
                }
            }
            // "expelled two *Japanese* diplomats" (an adjective or compound,
            // not a place: "signed an agreement *in Riyadh*")
            if own(n) {
                return Vec::new();
            }
            let adjectives: Vec<usize> = p
                .children(n)
                .iter()
                .filter(|&&c| matches!(p.words[c].deprel, "amod" | "compound") && !in_pattern(c))
                .filter_map(|&c| mention_at(mentions, c))
                .filter(|&k| !mentions[k].possessive)
                .collect();
            if !adjectives.is_empty() {
                return usable(adjectives);
            }
            let found = owners(n);
            if !found.is_empty() {
                return found;
            }
            let found = further_down(n);
            if !found.is_empty() {
                return found;
            }
            return p
                .dependents(n, "nmod")
                .filter(|&c| case_is(p, c, &["include"]))
                .map(|c| usable(nominal_mentions(p, mentions, c)))
                .find(|found| !found.is_empty())
                .unwrap_or_default();
        }
        if own(n) {
            return Vec::new();
        }
        if mention_at(mentions, n).is_none() {
            let found = doer(n);
            if !found.is_empty() {
                return found;
            }
            // "rejected *Saddam Hussein's* proposal", "protest *Sweden's*
            // decision": whose message or deed it is.
            if p.lemma_is(n, MESSAGE_NOUNS) {
                let found = owners(n);
                if !found.is_empty() {
                    return found;
                }
            }
        }
        let direct = usable(nominal_mentions(p, mentions, n));
        if !direct.is_empty() {
            return direct;
        }
        // "tariffs against Russia's partners, including China and India"
        for c in p.dependents(n, "nmod") {
            if p.case_marker(c).is_some() && target_case(c) {
                let found = usable(nominal_mentions(p, mentions, c));
                if !found.is_empty() {
                    return found;
                }
            }
        }
        let found = further_down(n);
        if !found.is_empty() || mention_at(mentions, n).is_some() {
            return found;
        }
        // "praised *Haiti's* efforts", "denounced *Serbia's* suppression of
        // unrest": with no one else named, whose the thing is.
        owners(n)
    };
    let mut recipients = Vec::new();
    let mut how = "recipient: none found";
    // "removed Bashir and jailed *him*", "called Erdoğan, urging *him* to
    // curtail the operation", "re-admit Syria, seven years after expelling
    // *it*": an object pronoun stands for the side that the verb it is
    // joined to, or whose circumstance it is, was done to ("him"/"her" and
    // "it" one side named by a singular noun, "them" a plural noun or
    // several sides), before any side further down its complements.
    if let Some(found) = pronoun_antecedent(p, mentions, v) {
        recipients = usable(found);
        if !recipients.is_empty() {
            how = "recipient: whom its object pronoun stands for, the object of the verb it is joined to (parse)";
        }
    }
    'chain: for u in shared_conjuncts(p, complement_chain(p, v)) {
        if !recipients.is_empty() {
            break;
        }
        if let Some(pr) = prep {
            for o in p.obliques(u) {
                if case_is(p, o.word, &[pr]) && !quantity(o.word) {
                    recipients = nominal(o.word);
                    if !recipients.is_empty() {
                        how = "recipient: the oblique of the pattern's preposition (parse)";
                        break 'chain;
                    }
                }
            }
        }
        // "asked *Obama* to help", "gave *Tanzania* a grant"
        if let Some(o) = p.indirect_object(u) {
            recipients = nominal(o);
            if !recipients.is_empty() {
                how = "recipient: the indirect object (parse)";
                break;
            }
        }
        // "delivered *U.S.* weapons to Peru", "sell U.S. Patriot missiles
        // to Turkey": a side that only modifies the goods given is not
        // whom they are given to, when a to-phrase names that one (not
        // "offer Argentina compensation", which the parser may read so)
        let given_to = || {
            p.lemma_is(u, GIVING_VERBS)
                && p.obliques(u).into_iter().any(|x| {
                    case_is(p, x.word, &["to"]) && !nominal_mentions(p, mentions, x.word).is_empty()
                })
        };
        // (every object: the parser may take a date for one, "rejected
        // *Thursday* a United Nations appeal")
        for o in p.dependents(u, "obj") {
            // "firing *artillery* at Afrin": what is fired is no target
            if hostile && p.lemma_is(o, WEAPON_NOUNS) {
                continue;
            }
            if mention_at(mentions, o).is_none()
                && (p.lemma_is(o, WEAPON_NOUNS) || p.lemma_is(o, GOODS))
                && given_to()
            {
                continue;
            }
            recipients = nominal(o);
            // "mobilized army reservists": the forces mobilized are no
            // one's target
            if pattern.event == EventType::Mobilize {
                recipients.retain(|&k| mentions[k].actor.country.is_some());
            }
            // "refused to deploy *peacekeepers* in Iraq", "agreed to buy
            // 132 *warplanes*": armed men or arms of no other country that
            // are deployed, sent, used or bought are the doer's own means,
            // not whom the act is done to
            if p.lemma_is(u, MEANS_VERBS) {
                recipients.retain(|&k| {
                    let x = &mentions[k];
                    !(x.is_armed()
                        && x.actor.country.as_ref().is_none_or(|c| {
                            subj.iter()
                                .any(|&j| mentions[j].actor.country.as_ref() == Some(c))
                        }))
                });
            }
            if !recipients.is_empty() {
                how = "recipient: the object (parse)";
                break 'chain;
            }
        }
        // "kidnapped *up to 16 Russian advisers*": a number after "up to",
        // which the parser made a particle and an oblique, is the object
        for o in p.obliques(u).into_iter().map(|x| x.word) {
            let up_to = p.case_marker(o) == Some(u + 2) && up_to_number(s, u + 2);
            if up_to {
                recipients = nominal(o);
                if !recipients.is_empty() {
                    how = "recipient: the object (parse)";
                    break 'chain;
                }
            }
        }
        // "demanded autonomy *from* Serbian authorities", "sought an apology
        // *from* Japan": who is asked. Not where something is to move from
        // ("demanded the withdrawal of troops *from* Lebanon").
        if pattern.event == EventType::Request {
            let asked = p
                .obliques(u)
                .into_iter()
                .map(|o| o.word)
                .chain(
                    p.object(u)
                        .filter(|&o| !p.lemma_is(o, MOVING_NOUNS))
                        .into_iter()
                        .flat_map(|o| p.dependents(o, "nmod")),
                )
                .filter(|&w| case_is(p, w, &["from"]) && !p.lemma_is(w, MOVING_NOUNS))
                .map(|w| usable(nominal_mentions(p, mentions, w)))
                .find(|f| !f.is_empty());
            if let Some(found) = asked {
                recipients = found;
                how = "recipient: who it is asked from (parse)";
                break 'chain;
            }
        }
        // "received weapons *from* the government": who gave is the other
        // side; "confiscated weapons *from* armed groups", "withdraw its
        // troops *from* Lebanon": so is whom it is taken or pulled from.
        let lemma = p.words[u].lemma.to_ascii_lowercase();
        let taking = TAKING_AWAY.contains(&lemma.as_str());
        if RECEIVING.contains(&lemma.as_str()) || taking {
            for o in p.obliques(u) {
                if case_is(p, o.word, &["from"]) {
                    recipients = usable(nominal_mentions(p, mentions, o.word));
                    // (not the taker's own country: "withdraw US troops
                    // from *the country*" read as the United States)
                    if taking {
                        recipients.retain(|&k| !own_country(mentions, k, &subj));
                    }
                    if !recipients.is_empty() {
                        how = if taking {
                            "recipient: whom it was taken or withdrawn from (parse)"
                        } else {
                            "recipient: who it was received from (parse)"
                        };
                        break 'chain;
                    }
                }
            }
        }
        // "complained to the United Nations *over two Israeli air raids*":
        // whom a complaint is about, not whom it is made to (not for a
        // reversed row: "faced criticism *over* Russian attempts" is
        // criticism of the subject, from no one named).
        if pattern.event == EventType::Accuse && !pattern.reverse {
            let about = p
                .obliques(u)
                .into_iter()
                .filter(|o| case_is(p, o.word, &["over", "about", "against"]))
                .map(|o| nominal(o.word))
                .find(|f| !f.is_empty());
            if let Some(found) = about {
                recipients = found;
                how = "recipient: whom the complaint is about (parse)";
                break 'chain;
            }
        }
        for o in p.obliques(u) {
            // "fired rockets *at* Lebanon": what is shot at is the target.
            let aimed = hostile && case_is(p, o.word, &["at"]);
            if p.case_marker(o.word).is_some()
                && !quantity(o.word)
                && (aimed || !case_is(p, o.word, NOT_RECIPIENT))
            {
                recipients = nominal(o.word);
                if !recipients.is_empty() {
                    how = "recipient: an oblique (parse)";
                    break 'chain;
                }
            }
        }
        // "insisted that Ukraine give up …": the one asked is the
        // complement clause's subject.
        if let Some(c) = p.ccomp(u) {
            if let Some(h) = p.subject(c) {
                recipients = nominal(h);
                // not the speaker's own state ("Erdoğan warned that
                // Turkish troops would advance", "the White House warned
                // that the US would respond")
                recipients
                    .retain(|&r| !own_state(&mentions[r], subj.iter().map(|&k| &mentions[k])));
                if !recipients.is_empty() {
                    how = "recipient: the subject of its complement clause (parse)";
                    break;
                }
            }
        }
    }
    // "began a hunger strike *to protest against Sweden's decision*",
    // "staged a hunger strike *in protest against violations by the
    // security forces*": what a protest is against.
    if recipients.is_empty() && pattern.event == EventType::Protest {
        let mut targets = Vec::new();
        for u in complement_chain(p, v) {
            // the purpose clause of its noun: "a hunger strike to protest
            // against X"
            if let Some(o) = p.object(u) {
                for a in p.dependents(o, "acl") {
                    if p.marker(a).is_some_and(|mk| p.words[mk].lemma == "to") {
                        targets.extend(p.object(a));
                        targets.extend(
                            p.obliques(a)
                                .into_iter()
                                .map(|o| o.word)
                                .filter(|&w| case_is(p, w, &["against", "at", "over", "on"])),
                        );
                    }
                }
            }
            // "staged demonstrations *to demand* political reforms *by
            // President Suharto's government*", "to press their demands
            // for freedom *from* the government": whom the protest's demand
            // is made of.
            for a in p.children(u).iter().copied().filter(|&a| {
                matches!(p.relation(a), "advcl" | "xcomp")
                    && p.marker(a).is_some_and(|mk| p.words[mk].lemma == "to")
                    && p.lemma_is(a, &["demand", "press", "seek", "call"])
            }) {
                for o in p.dependents(a, "obj") {
                    targets.extend(
                        p.dependents(o, "nmod")
                            .filter(|&c| case_is(p, c, &["by", "from", "of"])),
                    );
                }
                targets.extend(
                    p.obliques(a)
                        .into_iter()
                        .map(|o| o.word)
                        .filter(|&w| case_is(p, w, &["from", "of"])),
                );
            }
            // "in protest against X", "in defiance of X"
            for o in p.obliques(u) {
                if case_is(p, o.word, &["in"]) && p.lemma_is(o.word, &["protest", "defiance"]) {
                    targets.extend(
                        p.dependents(o.word, "nmod")
                            .filter(|&c| case_is(p, c, &["against", "of", "at", "over"])),
                    );
                }
            }
        }
        for t in targets {
            recipients = nominal(t);
            if !recipients.is_empty() {
                how = "recipient: what the protest is against (parse)";
                break;
            }
        }
    }
    // "rejected calls *by Kofi Annan*", "refused to respond to a demand
    // *from the US President*": a message's sender that the parser hung
    // on the verb; "rejected *Saddam Hussein's* proposal" where the parser
    // lost the possessor's noun.
    if recipients.is_empty() {
        'sender: for u in complement_chain(p, v) {
            let message = p
                .children(u)
                .iter()
                .any(|&c| matches!(p.relation(c), "obj" | "obl") && p.lemma_is(c, MESSAGE_NOUNS));
            if message && !p.is_passive(u) {
                let found = p
                    .obliques(u)
                    .into_iter()
                    .filter(|o| case_is(p, o.word, &["by", "from"]))
                    .map(|o| usable(nominal_mentions(p, mentions, o.word)))
                    .find(|f| !f.is_empty());
                if let Some(found) = found {
                    recipients = found;
                    how = "recipient: the sender of the message it answers (parse)";
                    break 'sender;
                }
            }
            for o in p.dependents(u, "obj") {
                let Some(k) = mention_at(mentions, o) else {
                    continue;
                };
                let (_, end) = mentions[k].tok;
                let owned = (end..s.words.len().min(end + 4))
                    .find(|&w| p.words[w].upos == "NOUN")
                    .is_some_and(|w| p.lemma_is(w, MESSAGE_NOUNS));
                if mentions[k].possessive && owned && !clauses.excluded.contains(&k) {
                    recipients = vec![k];
                    how = "recipient: whose message it answers (parse)";
                    break 'sender;
                }
            }
        }
    }
    // "threatened to stop negotiations *if the United States* goes ahead",
    // "will boycott the elections *unless the president* steps down": a
    // threat is made against whoever must meet its condition.
    if recipients.is_empty()
        && (hostile || pattern.event == EventType::Sanction || pattern.event == EventType::Protest)
    {
        let threatened = std::iter::once(p.head(v).filter(|_| p.relation(v) == "xcomp"))
            .flatten()
            .chain(complement_chain(p, v))
            .filter_map(|u| p.conditional_clause(u))
            .filter_map(|c| p.subject(c))
            .map(nominal)
            .find(|f| !f.is_empty() && f.iter().all(|k| !subj.contains(k)));
        if let Some(found) = threatened {
            recipients = found;
            how = "recipient: who must meet its condition (parse)";
        }
    }
    // "accused Japan of reneging and threatened retaliation", "condemned
    // Iran and called for sanctions": a word act joined to another verb
    // of the same doer, with no object of its own, is aimed at that
    // verb's object.
    let word_act = matches!(
        pattern.event,
        EventType::Threaten | EventType::Accuse | EventType::Request | EventType::Reject
    );
    if recipients.is_empty() && word_act && p.relation(v) == "conj" && p.object(v).is_none() {
        let shared = p
            .head(v)
            .filter(|&h| p.words[h].upos == "VERB" && p.dependents(v, "nsubj").next().is_none());
        // (an actor itself, not a thing of one's: "condemned the use of
        // weapons in the town and called for …")
        let object = shared
            .and_then(|h| p.object(h))
            .filter(|&o| mention_at(mentions, o).is_some());
        if let Some(o) = object {
            recipients = nominal(o);
            if !recipients.is_empty() {
                how = "recipient: the object of the verb it is joined to (parse)";
            }
        }
    }
    recipients.retain(|r| !subj.contains(r));
    // one mention, once ("U.S. combat aircraft" through both its compounds)
    let mut seen = Vec::with_capacity(recipients.len());
    recipients.retain(|&r| {
        let new = !seen.contains(&r);
        seen.push(r);
        new
    });
    // "Ethiopia and Eritrea signed an agreement in Riyadh": a joint act of
    // several sides is done among them, not to the host.
    let joint = subj.len() >= 2 && (is_mutual(pattern) || pattern.event == EventType::Support);
    // (a fight is against someone, not in a place: "Kurdish militias
    // fighting in Syria"; nor is an agreement to act made with the host
    // where it was made, "Canada agreed in Paris to seek stability", as
    // it is with the place of the act agreed, "agreed to build two roads
    // in Uganda")
    let agreed_to = pattern.event == EventType::Agree
        && matches!(pattern.elements.last(), Some(Element::Words(w)) if w.iter().any(|x| x == "to"));
    if recipients.is_empty() && !joint && !pattern.needs_recipient {
        recipients = foreign_place(p, mentions, clauses, &subj, v);
        if agreed_to {
            recipients.retain(|&k| {
                !(mentions[k].tok.0..mentions[k].tok.1)
                    .any(|t| p.head(t) == Some(v) && p.relation(t).starts_with("obl"))
            });
        }
        if !recipients.is_empty() {
            how = "recipient: the foreign country where it happened (parse)";
        }
    }
    Some((
        subj,
        recipients,
        format!("source: the subject of the trigger (parse); {how}"),
    ))
}

/// The side an object pronoun of verb `v` stands for: the object (or the
/// to/with oblique) of the verb `v` is joined to or is a circumstance of,
/// when it is an actor that agrees with the pronoun.
fn pronoun_antecedent(
    p: &ParsedSentence<'_>,
    mentions: &[Mention],
    v: usize,
) -> Option<Vec<usize>> {
    let o = p
        .object(v)
        .or_else(|| p.indirect_object(v))
        .filter(|&o| p.words[o].upos == "PRON")?;
    let lemma = p.words[o].lemma.to_ascii_lowercase();
    let plural = match lemma.as_str() {
        "he" | "she" | "it" => false,
        "they" => true,
        _ => return None,
    };
    // (not "calling *it* scandalous that …": an "it" that stands for what
    // follows)
    if p.children(v)
        .iter()
        .any(|&c| matches!(p.relation(c), "xcomp" | "ccomp") && c > o && lemma == "it")
    {
        return None;
    }
    let h = p
        .head(v)
        .filter(|_| matches!(p.relation(v), "conj" | "advcl"))?;
    let candidates = p
        .dependents(h, "obj")
        .chain(p.dependents(h, "iobj"))
        .chain(
            p.obliques(h)
                .into_iter()
                .map(|x| x.word)
                .filter(|&w| case_is(p, w, &["to", "with"])),
        )
        .filter(|&c| c < o);
    for c in candidates {
        if mention_at(mentions, c).is_none() {
            continue;
        }
        let found = nominal_mentions(p, mentions, c);
        let several = found.len() >= 2 || matches!(p.words[c].xpos, "NNS" | "NNPS");
        if found.is_empty() || several != plural {
            return None;
        }
        // ("him"/"her": a person's name, not a country or a village)
        if matches!(lemma.as_str(), "he" | "she")
            && (p.words[c].upos != "PROPN" || found.iter().any(|&k| mentions[k].place))
        {
            return None;
        }
        return Some(found);
    }
    None
}

/// "protested *in Beijing*", "arrived *in Gondor*", "a summit *in
/// Switzerland*": when no one is named as the recipient, the country (or
/// capital) abroad where the source acts is the target, as PETRARCH codes
/// it. Not the source's own country: a place at home is only where.
fn foreign_place(
    p: &ParsedSentence<'_>,
    mentions: &[Mention],
    clauses: &Clauses,
    subj: &[usize],
    v: usize,
) -> Vec<usize> {
    const WHERE: &[&str] = &["in", "to", "into", "at", "for"];
    let home: Vec<&str> = subj
        .iter()
        .filter_map(|&k| mentions[k].actor.country.as_deref())
        .collect();
    let foreign = |c: usize| -> Vec<usize> {
        if !case_is(p, c, WHERE) {
            return Vec::new();
        }
        mentions_of(p, mentions, c)
            .into_iter()
            .filter(|k| !clauses.excluded.contains(k) && !subj.contains(k))
            .filter(|&k| {
                let m = &mentions[k];
                m.place
                    && m.actor
                        .country
                        .as_deref()
                        .is_some_and(|c| !home.contains(&c))
            })
            .collect()
    };
    for u in complement_chain(p, v) {
        // Its obliques and the object's modifiers ("attend a summit in
        // Switzerland"), then what those are about ("a summit on the unrest
        // in Iran").
        let near: Vec<usize> = p
            .obliques(u)
            .into_iter()
            .map(|o| o.word)
            .chain(
                p.object(u)
                    .into_iter()
                    .flat_map(|o| p.dependents(o, "nmod")),
            )
            .collect();
        let below = near
            .iter()
            .flat_map(|&c| p.dependents(c, "nmod").chain(p.dependents(c, "obl")));
        for c in near.iter().copied().chain(below) {
            let found = foreign(c);
            if !found.is_empty() {
                return found;
            }
        }
    }
    Vec::new()
}

/// The trigger verb and its open complements down: `xcomp`s, and clauses
/// marked "to" ("threatened *to apply* …").
fn complement_chain(p: &ParsedSentence<'_>, v: usize) -> Vec<usize> {
    let mut chain = vec![v];
    while let Some(&last) = chain.last() {
        let next = p.xcomp(last).or_else(|| {
            p.children(last).iter().copied().find(|&c| {
                matches!(p.relation(c), "advcl" | "ccomp")
                    && p.marker(c).is_some_and(|mk| p.words[mk].lemma == "to")
            })
        });
        match next {
            Some(x) if !chain.contains(&x) && chain.len() < 4 => chain.push(x),
            _ => break,
        }
    }
    chain
}

/// The chain with, after a verb that has no object of its own, the verb
/// joined to it straight away ("threatened to *close or suspend* U.S.
/// operations", "*cut or reduce* gas supplies to Ukraine"): they share the
/// object, and the obliques with it, that the parser hangs on the second.
/// (Not a verb joined after words of the first's own, one with a subject
/// of its own, or one with no object: "to be released and *returned to the
/// UK*".)
fn shared_conjuncts(p: &ParsedSentence<'_>, chain: Vec<usize>) -> Vec<usize> {
    let mut out = Vec::with_capacity(chain.len() + 1);
    for u in chain {
        out.push(u);
        if p.object(u).is_some() {
            continue;
        }
        let joined = p.dependents(u, "conj").find(|&d| {
            d > u
                && p.words[d].upos == "VERB"
                && p.object(d).is_some()
                && !p
                    .children(d)
                    .iter()
                    .any(|&c| matches!(p.relation(c), "nsubj" | "csubj"))
                && (u + 1..d).all(|w| matches!(p.relation(w), "cc" | "advmod" | "punct"))
        });
        if let Some(d) = joined.filter(|d| !out.contains(d)) {
            out.push(d);
        }
    }
    out
}

/// Verbs whose infinitive complement is what the subject means to do.
const PLANNING_VERBS: &[&str] = &["plan", "intend", "seek"];

/// Nouns of a right, duty or means to act, whose infinitive is not done
/// ("the right to attack", "the duty to warn").
const MODAL_NOUNS: &[&str] = &[
    "right",
    "duty",
    "obligation",
    "responsibility",
    "authority",
    "power",
    "ability",
    "capacity",
    "capability",
    "means",
    "freedom",
    "option",
    "chance",
    "opportunity",
    "mandate",
    "license",
    "licence",
    "permission",
    "lever",
    "leverage",
    "tool",
    "instrument",
];

/// Nouns of an intention whose infinitive is announced, not done ("his
/// intent to attack"). (Not "decision": a decision may be carried out,
/// "Bush's 2003 decision to invade Iraq".)
const INTENT_NOUNS: &[&str] = &[
    "intent",
    "intention",
    "readiness",
    "willingness",
    "determination",
    "pledge",
    "promise",
    "vow",
    "commitment",
];

/// Nouns that a noun of an event names the kind of, and which stand for
/// that event: "took *strike* action", "a *mediation* effort", "a
/// *bombing* campaign", "a *rescue* operation", "the *protest* movement".
const EVENT_CARRIERS: &[&str] = &[
    "action",
    "effort",
    "campaign",
    "operation",
    "mission",
    "process",
    "initiative",
    "drive",
    "attempt",
    "bid",
    "wave",
    "spree",
    "movement",
];

/// The purpose nouns of an effort under way, whose aim is the act itself
/// ([`pursued_aim`]), not a plan or goal.
const EFFORT_NOUNS: &[&str] = &["move", "bid", "effort", "attempt", "drive", "push"];

/// Nouns of an aim whose infinitive is sought, not done ("in a move to
/// strengthen ties", "in a bid to end the strike", "efforts to free the
/// hostages"): the [`EFFORT_NOUNS`] and these.
const GOAL_NOUNS: &[&str] = &["aim", "goal", "plan", "mission"];

fn is_purpose_noun(p: &ParsedSentence<'_>, n: usize) -> bool {
    p.lemma_is(n, EFFORT_NOUNS) || p.lemma_is(n, GOAL_NOUNS)
}

/// "plans to impose", "intends to send", "declared his intent to attack
/// the enclave", "in a bid to end the war": the complement of a plan or
/// an aim is announced or sought, not done.
fn is_planned(p: &ParsedSentence<'_>, v: usize) -> bool {
    // (The tagger may take "plans" for a noun the infinitive modifies; the
    // parser may hang the infinitive on the verb before the noun.)
    let after_intent = v >= 2
        && p.lemma_is(v - 1, &["to"])
        && p.words[v - 1].upos == "PART"
        && p.lemma_is(v - 2, INTENT_NOUNS);
    let planned = matches!(p.relation(v), "xcomp" | "acl")
        && p.head(v).is_some_and(|h| {
            p.lemma_is(h, PLANNING_VERBS)
                || (p.lemma_is(h, INTENT_NOUNS) && introduced_by(p, v, &["to"]))
        });
    after_intent
        || planned
        || aim_noun(p, v).is_some_and(|n| {
            introduced_by(p, v, &["to"])
                && (p.lemma_is(n, INTENT_NOUNS) || (is_purpose_noun(p, n) && sought(p, n)))
        })
}

/// Whether infinitive `v` is the aim of a noun of effort ("efforts to
/// take control", "in a bid to end the strike"), not of a plan or an
/// intention announced ("a plan to close the camps", "a pledge to
/// withdraw").
fn pursued_aim(p: &ParsedSentence<'_>, v: usize) -> bool {
    introduced_by(p, v, &["to"])
        && aim_noun(p, v).is_some_and(|n| p.lemma_is(n, EFFORT_NOUNS) && sought(p, n))
}

/// Whether aim noun `n` tells what is sought: "in an attempt to", "in a
/// move to", but not "an attempt to assassinate him" (made) or "Reagan's
/// move to impose tariffs" (the act itself).
fn sought(p: &ParsedSentence<'_>, n: usize) -> bool {
    if p.lemma_is(n, &["attempt"]) {
        return case_is(p, n, &["in"]);
    }
    !(p.lemma_is(n, &["move"])
        && p.children(n)
            .iter()
            .any(|&c| p.words[c].deprel == "nmod:poss"))
}

/// The noun whose aim or content infinitive `v` tells: its head when it
/// modifies a noun ("promises to support"), or, when the parser hung it on
/// the verb instead, that verb's object of an intention or aim before it
/// ("extracted promises from Turkey *to support*", "made efforts *to
/// end*").
fn aim_noun(p: &ParsedSentence<'_>, v: usize) -> Option<usize> {
    match p.relation(v) {
        "acl" => p.head(v),
        "advcl" if introduced_by(p, v, &["to"]) => p
            .head(v)
            .and_then(|h| p.object(h))
            .filter(|&o| o < v && (p.lemma_is(o, INTENT_NOUNS) || is_purpose_noun(p, o))),
        _ => None,
    }
}

/// "is expected to meet", "is due to visit", "is set to sign": verb `v`
/// is a scheduled act, in the future but not announced by its doer (so
/// not an intent).
fn scheduled(p: &ParsedSentence<'_>, v: usize) -> bool {
    // (a pattern that starts at "expected": "is expected to visit")
    if p.lemma_is(v, &["expect"]) && p.is_passive(v) && p.xcomp(v).is_some() {
        return true;
    }
    // (an infinitive the parser made an adverbial clause counts: "are due
    // to meet")
    std::iter::successors(Some(v), |&c| {
        (p.relation(c) == "xcomp" || (p.relation(c) == "advcl" && introduced_by(p, c, &["to"])))
            .then(|| p.head(c))
            .flatten()
    })
    .take(4)
    .skip(1)
    .any(|c| {
        p.lemma_is(c, &["expect", "due", "poise", "schedule", "slate"])
            || (p.lemma_is(c, &["set"])
                && p.children(c)
                    .iter()
                    .any(|&k| matches!(p.words[k].deprel, "aux:pass" | "cop")))
    })
}

/// Adjectives of a judgement whose infinitive is weighed, not done.
/// "It is *easier* to bomb a city than to win a war", "it is *important*
/// to support Ukraine", "it was *wrong* to attack the convoy": with the
/// empty subject "it", the infinitive is an act judged in general.
fn judged_act(p: &ParsedSentence<'_>, v: usize) -> bool {
    // (not "it is ready to withdraw", "said it was willing to talk": the
    // "it" of a readiness is a side, ready to act)
    let judged = |h: usize| {
        p.words[h].upos == "ADJ"
            && !p.lemma_is(h, READY_WORDS)
            && p.children(h)
                .iter()
                .any(|&c| matches!(p.relation(c), "expl" | "nsubj") && p.lemma_is(c, &["it"]))
    };
    matches!(p.relation(v), "csubj" | "xcomp" | "advcl" | "ccomp")
        && introduced_by(p, v, &["to"])
        // (or the adjective right before "to", when the parser hung the
        // infinitive higher up)
        && (p.head(v).is_some_and(judged) || (v >= 2 && p.lemma_is(v - 1, &["to"]) && judged(v - 2)))
}

/// Nouns of a thought or prospect whose gerund is talked of, not done
/// ("the idea of attacking", "suggestions such as assassinating").
const TOPIC_NOUNS: &[&str] = &[
    "idea",
    "suggestion",
    "prospect",
    "possibility",
    "option",
    "notion",
    "thought",
    "question",
    "talk",
    "risk",
    "danger",
    "fear",
];

/// Nouns of a demand whose gerund is asked for, not done ("calls for
/// boosting aid", "demands for expelling the ambassador").
const DEMAND_NOUNS: &[&str] = &[
    "call", "demand", "appeal", "plea", "request", "petition", "push", "pressure",
];

/// "tweeted about firing missiles", "spoke of the idea of attacking",
/// "suggestions such as assassinating the leader", "renewed demands for
/// expelling the ambassador", "hinted at lifting sanctions": a gerund
/// that is the topic of talk or thought, or what a demand asks for, is
/// no act.
fn talked_about(p: &ParsedSentence<'_>, v: usize) -> bool {
    // the noun the gerund hangs on, or, where the parser hung it on the
    // verb, that verb's object right before the gerund's preposition
    let noun = p.head(v).map(|h| {
        if p.words[h].upos == "VERB" {
            p.object(h).filter(|&o| o + 2 == v).unwrap_or(h)
        } else {
            h
        }
    });
    p.words[v].xpos == "VBG"
        && (introduced_by(p, v, &["about"])
            // "hinted at lifting sanctions", "balked at signing"
            || (introduced_by(p, v, &["at"])
                && p.head(v).is_some_and(|h| p.lemma_is(h, &["hint", "balk", "baulk"])))
            || (introduced_by(p, v, &["for"]) && noun.is_some_and(|n| p.lemma_is(n, DEMAND_NOUNS)))
            || (introduced_by(p, v, &["of", "as"])
                && noun.is_some_and(|n| {
                    p.lemma_is(n, TOPIC_NOUNS)
                        // "suggestions *such as* assassinating": the noun
                        // the parser hangs "such" on
                        || p.head(n).is_some_and(|g| p.lemma_is(g, TOPIC_NOUNS))
                })))
}

/// Nouns of a report: what one tells is denied when the report is denied
/// or called baseless.
const REPORT_NOUNS: &[&str] = &[
    "report",
    "claim",
    "allegation",
    "accusation",
    "rumour",
    "rumor",
    "suggestion",
];

/// The report, claim or rumour whose content clause `v` is: the noun the
/// clause hangs from ("reports *that Iran seized a tanker*"), or, where the
/// parser hung the clause on the verb instead, that verb's object right
/// before the clause ("dismissed accusations *it is getting weapons*").
fn report_told(p: &ParsedSentence<'_>, v: usize) -> Option<usize> {
    if !matches!(p.relation(v), "acl" | "ccomp") {
        return None;
    }
    let h = p.head(v)?;
    if p.lemma_is(h, REPORT_NOUNS) {
        return Some(h);
    }
    if p.relation(v) != "ccomp" {
        return None;
    }
    let start = p.subtree(v).start;
    p.object(h)
        .filter(|&n| p.lemma_is(n, REPORT_NOUNS) && p.subtree(n).end == start)
}

/// Whether `w` is one of the [`REPORT_NOUNS`] in the singular or the
/// plural, read on the surface ("reports", not "reporting"; the tagger may
/// call a sentence's first "Reports" a verb).
fn is_report_noun(w: &str) -> bool {
    REPORT_NOUNS
        .iter()
        .any(|r| w == *r || w.strip_suffix('s') == Some(*r))
}

/// Whether the word at `v` is inside the that-clause of a report, claim
/// or rumour that the same sentence then calls baseless, false or untrue
/// ("reports that it intended to threaten shipping in the Gulf were
/// baseless"), with no sentence-level boundary between.
fn called_baseless(s: &Sentence<'_>, v: usize) -> bool {
    const BASELESS: &[&str] = &[
        "baseless",
        "groundless",
        "unfounded",
        "false",
        "untrue",
        "incorrect",
        "wrong",
        "fabricated",
        "fabrications",
        "nonsense",
        "lies",
        "misleading",
        "propaganda",
    ];
    let n = s.words.len();
    let opened = (v.saturating_sub(12)..v)
        .rev()
        .take_while(|&k| !matches!(s.word(k), ";" | ":"))
        .any(|k| is_report_noun(s.word(k)) && s.word(k + 1) == "that");
    opened
        && (v + 1..n.min(v + 16))
            .take_while(|&k| !matches!(s.word(k), ";" | ":" | "," | "and" | "but"))
            .any(|k| {
                // (over quotation marks and intensifiers: were "misleading
                // propaganda", were completely false)
                matches!(s.word(k), "is" | "are" | "was" | "were")
                    && (k + 1..n)
                        .find(|&j| {
                            !matches!(
                                s.word(j),
                                "\"" | "“"
                                    | "``"
                                    | "'"
                                    | "‘"
                                    | "completely"
                                    | "totally"
                                    | "entirely"
                                    | "utterly"
                                    | "all"
                                    | "simply"
                            )
                        })
                        .is_some_and(|j| BASELESS.contains(&s.word(j)))
            })
}

/// Modality from the parse: negation, a conditional clause or modal, the
/// future (or a plan), a report.
/// `demanded`: the clause is what a speaker says someone "must" do, the
/// demand being the event (its "must" then makes it no less asserted).
fn parse_modality(
    p: &ParsedSentence<'_>,
    s: &Sentence<'_>,
    clauses: &Clauses,
    m: &TriggerMatch,
    attack: bool,
    demanded: bool,
) -> Modality {
    let v = m.start;
    // "did not agree to attack", "will not be able to make arrests": a
    // negated verb negates its open complements.
    let mut up = v;
    let mut negated = p.is_negated(v);
    while !negated && p.relation(up) == "xcomp" {
        match p.head(up) {
            Some(h) => {
                up = h;
                // "failed to reach agreement", "unwilling to accept"
                negated = p.is_negated(h) || p.lemma_is(h, FAILING);
            }
            None => break,
        }
    }
    // "the rate is too low to provide any support", "too weak to attack":
    // what something is too much or too little for is not done
    negated |= matches!(p.relation(v), "xcomp" | "advcl")
        && introduced_by(p, v, &["to"])
        && p.head(v)
            .is_some_and(|h| p.dependents(h, "advmod").any(|a| p.lemma_is(a, &["too"])));
    // "Obama's failure to sell missiles", "France's refusal to offer …";
    // "has no intention of attacking", "no plans to meet", "does not have
    // any plans to meet"
    // (an infinitive or gerund: not "no indication the government would
    // meet the conditions", a clause of its own)
    let open_clause = !p.children(up).iter().any(|&c| p.relation(c) == "nsubj");
    negated |= open_clause
        && aim_noun(p, up).is_some_and(|n| {
            p.lemma_is(n, &["failure", "refusal", "reluctance", "inability"])
                || p.dependents(n, "det").any(|d| p.lemma_is(d, &["no"]))
                || (p.relation(n) == "obj" && p.head(n).is_some_and(|g| p.is_negated(g)))
        });
    // "no passengers were killed", "none were arrested", "neither Britain
    // nor France have ratified"
    negated |= p.subject(v).is_some_and(|subj| {
        p.lemma_is(subj, &["none", "nobody", "noone", "neither"])
            || p.dependents(subj, "det").any(|d| p.lemma_is(d, &["no"]))
            || p.children(subj)
                .iter()
                .any(|&c| p.words[c].deprel == "cc:preconj" && p.lemma_is(c, &["neither"]))
    });
    // "would impose no restrictions on them", "made no concessions",
    // "killed no one": an act on nothing is not done
    negated |= p
        .object(v)
        .is_some_and(|o| p.dependents(o, "det").any(|d| p.lemma_is(d, &["no"])));
    // "the Taliban deny providing sanctuary", "Moscow denied sending
    // troops": what is denied is not asserted.
    negated |= matches!(p.relation(v), "xcomp" | "ccomp")
        && p.head(v).is_some_and(|h| p.lemma_is(h, &["deny"]));
    // "denied a report that the US was shipping arms", "dismissed claims
    // that its troops had fired": what a denied report tells is denied.
    negated |= report_told(p, v).is_some_and(|n| {
        p.relation(n) == "obj"
            && p.head(n).is_some_and(|g| {
                p.lemma_is(
                    g,
                    &["deny", "dismiss", "reject", "refute", "rebut", "deride"],
                )
            })
    });
    // "Iran said reports that it intended to threaten shipping were
    // baseless": what a report called baseless or false tells is denied
    // (read on the surface: the parser loses the report's clause)
    negated |= called_baseless(s, v);
    // "blocks migrants from seeking asylum", "prevented protesters from
    // attacking the embassy": what is prevented has not happened.
    negated |= p.words[v].xpos == "VBG"
        && introduced_by(p, v, &["from"])
        && p.head(v).is_some_and(|h| {
            p.lemma_is(
                h,
                &[
                    "prevent",
                    "stop",
                    "block",
                    "bar",
                    "ban",
                    "deter",
                    "prohibit",
                    "keep",
                    "discourage",
                    "dissuade",
                    "restrain",
                    "refrain",
                    "preclude",
                ],
            )
        });
    if negated {
        return Modality::Negated;
    }
    // "Japan's PM to Visit India", "Russia to Hold Talks With Ukraine": a
    // headline's infinitive right after its subject is what will happen
    let headline_future = s.is_title
        && v >= 2
        && s.word(v - 1) == "to"
        && matches!(p.words[v - 2].upos, "NOUN" | "PROPN")
        && p.words[v].xpos == "VB";
    if headline_future {
        return Modality::Future;
    }
    let condition = p.conditional_clause(v).is_some()
        || clauses
            .condition
            .is_some_and(|(a, _)| a < s.words.len() && !p.is_in_conditional(v));
    // "said they would boycott …": in reported speech "would" is the
    // future of the past, an announcement.
    // (of the verb, or of the verbs its open complement hangs from: "said
    // it would continue to support")
    // (an infinitive the parser made an adverbial clause counts: "is
    // unlikely to accept")
    // (and a verb joined to another with no subject or auxiliary of its
    // own: "Trump may overreach and start threatening"; not after "but":
    // "would be willing to consider it, but declined to say more")
    let chain = || {
        std::iter::successors(Some(v), |&c| {
            // (an infinitive the parser hung on the object it is asked of:
            // "wants other countries *to agree*")
            let object_acl =
                p.relation(c) == "acl" && p.head(c).is_some_and(|h| p.relation(h) == "obj");
            let open = p.relation(c) == "xcomp"
                || ((p.relation(c) == "advcl" || object_acl)
                    && p.dependents(c, "mark").any(|k| p.lemma_is(k, &["to"])))
                || (joined_bare(p, c)
                    && !p
                        .dependents(c, "cc")
                        .any(|k| p.lemma_is(k, &["but", "yet"])));
            let up = if object_acl {
                p.head(c).and_then(|h| p.head(h))
            } else {
                p.head(c)
            };
            open.then_some(up).flatten()
        })
        .take(4)
    };
    let reported_would = chain().any(|c| {
        p.dependents(c, "aux")
            .any(|a| p.words[a].lemma.eq_ignore_ascii_case("would"))
            && p.reporting_verb(c).is_some()
    });
    if !condition && reported_would {
        return Modality::Future;
    }
    // "could find itself excluded", "whether China transfers components":
    // a modal of the verb or of the verbs its open complement hangs from,
    // or an embedded question.
    // "Did China impose sanctions on Japan?", "Is the president going to
    // ask him?": a direct question, its auxiliary before its subject, asks
    // whether; it tells nothing (a relative clause inside it may: "forces
    // who defended Kobane?")
    // (or, whatever the parse made of it, one that opens with its
    // auxiliary, of the main clause: "Is Russia ready to talk?")
    let question = p
        .words
        .iter()
        .rev()
        .find(|w| w.upos == "PUNCT" && !matches!(w.lemma.as_str(), "\"" | "”" | "'" | "’" | ")"))
        .is_some_and(|w| w.lemma == "?")
        && (chain().any(|c| {
            let subject = p
                .dependents(c, "nsubj")
                .chain(p.dependents(c, "nsubj:pass"))
                .min();
            subject.is_some_and(|h| {
                p.children(c)
                    .iter()
                    .any(|&a| a < h && matches!(p.relation(a), "aux" | "aux:pass" | "cop"))
            })
        }) || (yes_no_question(s, v) && chain().any(|c| p.head(c).is_none())));
    let hypothetical = question
        || chain().any(|c| is_hypothetical(p, c))
        // "a proposal for the Security Council to lift sanctions", "the
        // idea to impose tariffs": what is proposed has not happened
        // (an infinitive or gerund: not "the proposal, *supported* by the
        // administration")
        || (p.relation(v) == "acl"
            && matches!(p.words[v].xpos, "VB" | "VBG")
            && p.head(v).is_some_and(|h| {
                p.lemma_is(h, &["proposal", "idea", "suggestion", "proposition"])
                    // "under pressure to resign", "calls to step down":
                    // what is demanded
                    || (p.words[v].xpos == "VB" && p.lemma_is(h, DEMAND_NOUNS))
            }))
        || p.dependents(v, "mark").any(|k| p.lemma_is(k, &["whether"]))
        // "interested in talking to the US", "keen on meeting": a wish
        || (p.words[v].xpos == "VBG"
            && p.dependents(v, "aux").next().is_none()
            && p.head(v)
                .is_some_and(|h| p.lemma_is(h, &["interested", "keen", "eager"])))
        // "could not be finalised until the UK had withdrawn", "would be
        // risking their lives by going to the camps": a clause of what must
        // come first, or of means, of a hypothetical verb is hypothetical
        // too (not "after" or "when": "would flood the markets after
        // Washington imposed tariffs" tells what happened)
        || (matches!(p.relation(v), "advcl" | "ccomp")
            && introduced_by(p, v, &["until", "before", "unless", "by", "without"])
            && p.head(v).is_some_and(|h| is_hypothetical(p, h)))
        || judged_act(p, v)
        || chain().any(|c| talked_about(p, c))
        // "officials must present evidence", "the proposals must be
        // adopted by the full House": what must be done is not done yet
        || (!demanded
            && chain().any(|c| p.dependents(c, "aux").any(|a| p.lemma_is(a, &["must"]))));
    // "EC ministers likely to criticise Japan", "the US risks endorsing",
    // "hopes to sign a deal", "proposed lifting sanctions": a prospect, a
    // hope or a proposal, not an act; "tried to persuade Japan to abide
    // by", "wants other countries to agree to", "urged Japan to open": an
    // attempt, or what one is urged to do, is not done (while "persuaded
    // Trump to launch strikes" tells that he did, and an attempted
    // assault is an assault: "attempted to storm a base")
    let prospect = chain().skip(1).any(|c| {
        p.lemma_is(
            c,
            &[
                "likely",
                "unlikely",
                "risk",
                "hope",
                "wish",
                "propose",
                "suggest",
                "recommend",
                "aspire",
                "want",
                "entitle",
                "permit",
                "urge",
                "press",
                "pressure",
                "encourage",
            ],
        )
    }) || (!attack && chain().skip(1).any(|c| p.lemma_is(c, &["try", "attempt"])));
    if condition || hypothetical || prospect {
        return Modality::Conditional;
    }
    let scheduled = scheduled(p, v);
    // "will raise it when he visits Washington": a present tense in a
    // clause of time of a future verb is future too
    let when_future = p.relation(v) == "advcl"
        && matches!(p.words[v].xpos, "VBZ" | "VBP")
        && p.children(v).iter().any(|&k| {
            matches!(p.relation(k), "mark" | "advmod")
                && p.lemma_is(k, &["when", "once", "after", "before", "until", "while"])
        })
        && p.head(v).is_some_and(|h| is_future(p, h));
    // "will arrive on Friday to investigate", "will try to meet": the
    // verbs the clause's open complement or purpose hangs from tell its time
    let future = chain()
        .chain(crate::syntax::included_in(p, v))
        .any(|c| is_future(p, c));
    // "experts arrived in Damascus to investigate", "flew to Kabul to
    // meet the Taliban": the purpose of a journey is still to come (not
    // "went on to attack", "came out to protest", "went on Twitter to
    // denounce", which tell it was done)
    let purpose = matches!(p.relation(v), "advcl" | "xcomp")
        && p.words[v].xpos == "VB"
        && p.dependents(v, "mark").any(|k| p.lemma_is(k, &["to"]))
        && p.head(v).is_some_and(|h| {
            p.lemma_is(
                h,
                &["arrive", "travel", "fly", "head", "return", "sail", "rush"],
            )
        });
    // "is ready to deliver aid", "are willing to talk": what one is ready
    // to do is announced, still to come
    // (or the word right before "to", where the parser hung the
    // infinitive elsewhere)
    let ready =
        |h: usize| (p.lemma_is(h, READY_WORDS) || p.lemma_is(h, &["prepare"])) && !p.is_negated(h);
    let readiness = introduced_by(p, v, &["to"])
        && ((p.relation(v) == "xcomp" && p.head(v).is_some_and(ready))
            || (v >= 2 && p.lemma_is(v - 1, &["to"]) && ready(v - 2)));
    let purpose = purpose || readiness;
    if future || is_planned(p, v) || scheduled || when_future || purpose {
        return Modality::Future;
    }
    if clauses.attribution.is_some() && !outside_attribution(p, clauses, v) {
        return Modality::Reported;
    }
    // "made accusations that Chile attacked its posts", "reports that Iran
    // seized a tanker alarmed Britain": what a report or a claim tells is
    // reported, not asserted (a denied one's is negated, above)
    // (a clause with a subject of its own, however the parser labelled
    // it, since the parser often takes the "that" of "rumours that Iran had
    // fired" for a relative pronoun: not "a claim since dismissed by the
    // court", nor "reports that said …")
    let content = matches!(p.relation(v), "acl" | "ccomp")
        && p.children(v).iter().any(|&c| {
            (p.words[c].upos == "SCONJ" && p.lemma_is(c, &["that"]))
                || (matches!(p.relation(c), "nsubj" | "expl")
                    && !matches!(p.words[c].xpos, "WDT" | "WP")
                    && !p.lemma_is(c, &["that", "which", "who"]))
        });
    if content && report_told(p, v).is_some() {
        return Modality::Reported;
    }
    Modality::Asserted
}
