//! The place where an event happened: what the trigger's parse attaches,
//! else the nearest place that may be where things happen.

use dyad_lexicon::geo::{Feature, Gazetteer};
use dyad_nlp::ParsedSentence;

use super::words::{
    ATTACKS, CLAUSES, EDGES, FACILITIES, LOCATIVE, NAMED_FEATURES, NESTING, PLACE_NOUNS,
    REGION_ADJECTIVES, TERRITORIAL, TERRITORIAL_FORMS,
};
use super::PlaceMention;
use crate::text::Sentence;

/// The place mention where the event at token `trigger` happened: a place
/// the trigger's parse attaches through a locative preposition (directly,
/// or through the nouns of its arguments: "killed people in the town of
/// X"), or as the object of a verb of taking or striking ("captured
/// Badme"); the most specific (a town before its province, a province
/// before its country), then the nearest in the tree, then in the text.
pub(crate) fn event_place(
    s: &Sentence<'_>,
    parse: Option<&ParsedSentence<'_>>,
    places: &[PlaceMention],
    trigger: (usize, usize),
    gaz: &Gazetteer,
) -> Option<usize> {
    let eligible = |p: &PlaceMention| {
        !p.demonym
            && (p.tok.1 <= trigger.0 || p.tok.0 >= trigger.1)
            && !premodifier(s, parse, gaz, p)
    };
    if let Some(parse) = parse {
        let captured = (trigger.0..trigger.1).any(|i| {
            parse
                .words
                .get(i)
                .is_some_and(|w| w.lemma.eq_ignore_ascii_case("capture"))
        });
        let attached = places
            .iter()
            .enumerate()
            .filter(|(_, p)| eligible(p))
            .filter_map(|(k, p)| attachment(parse, s, p, trigger).map(|d| (d, k)))
            .min_by_key(|&((d, located), k)| {
                (
                    // A name the gazetteer lacks that is only the object of
                    // "captured", who may be a person ("captured Saddam …
                    // in Tikrit"): after any place a preposition locates.
                    captured && d == 1 && places[k].place.is_none() && !located,
                    specificity(gaz, s, &places[k]),
                    d,
                    places[k].tok.0.abs_diff(trigger.0),
                )
            })
            .map(|(_, k)| k);
        if let Some(k) = attached {
            return Some(narrowest(s, places, k, gaz, eligible));
        }
    }
    // Else the nearest place of the sentence that may be where things
    // happen (see `salient`).
    places
        .iter()
        .enumerate()
        .filter(|(_, p)| eligible(p))
        .filter(|(_, p)| parse.is_none_or(|parse| salient(parse, s, gaz, p, trigger)))
        // of two as near, the one after the trigger, where adjuncts go
        .min_by_key(|(_, p)| (p.tok.0.abs_diff(trigger.0), p.tok.0 < trigger.0))
        .map(|(k, _)| narrowest(s, places, k, gaz, eligible))
}

/// Whether a word marks a possessive: "'s", "'", or an "s" standing alone
/// where the apostrophe was lost in conversion ("in Syria   s western Hama
/// province"); read only where the parse made it a case marker or between
/// two places.
pub(super) fn possessive_mark(w: &str) -> bool {
    matches!(w, "'s" | "'" | "s")
}

/// The most specific place of the nested place phrase around mention `k`
/// (a town before its province, a province before its country): the
/// places it names are one location, and the event is at the narrowest.
pub(super) fn narrowest(
    s: &Sentence<'_>,
    places: &[PlaceMention],
    k: usize,
    gaz: &Gazetteer,
    eligible: impl Fn(&PlaceMention) -> bool,
) -> usize {
    let joined = |a: usize, b: usize| {
        b.saturating_sub(a) <= 5
            && (a..b).all(|i| {
                let w = s.word(i);
                NESTING.contains(&w) || REGION_ADJECTIVES.contains(&w) || PLACE_NOUNS.contains(&w)
            })
    };
    let mut best = k;
    let mut best_rank = specificity(gaz, s, &places[k]);
    // Outward from `k` in both directions, one joined neighbour at a time.
    let mut lo = places[k].tok;
    let mut hi = places[k].tok;
    for _ in 0..places.len() {
        let next = places.iter().enumerate().find(|(_, p)| {
            eligible(p)
                && ((p.tok.0 >= hi.1 && joined(hi.1, p.tok.0))
                    || (p.tok.1 <= lo.0 && joined(p.tok.1, lo.0)))
                && p.tok != lo
                && p.tok != hi
        });
        let Some((q, p)) = next else {
            break;
        };
        if p.tok.0 >= hi.1 {
            hi = p.tok;
        } else {
            lo = p.tok;
        }
        let rank = specificity(gaz, s, p);
        // Of two as specific, the inner one: the first of "the Vedeno
        // region of Chechnya" or "Lucciana, in Corsica", the second of
        // "Yala's Betong district".
        let (a, b) = (places[best].tok, p.tok);
        let (gap, later) = if b.0 >= a.1 {
            ((a.1, b.0), true)
        } else {
            ((b.1, a.0), false)
        };
        // the possessive of the earlier place itself, not of a third
        // ("the Baliem Valley, in Indonesia's province of Irian Jaya")
        let possessive = possessive_mark(s.word(gap.0));
        if rank < best_rank || (rank == best_rank && possessive == later) {
            best = q;
            best_rank = rank;
        }
    }
    best
}

/// Whether a place names the side or origin of a thing rather than a
/// place: "a U.S.-led raid", "Kurdish-controlled areas", "the US military
/// base", "a US drone strike" (a country after an article, before a noun
/// that is not a place noun: "the Syria border" is a place).
pub(super) fn premodifier(
    s: &Sentence<'_>,
    parse: Option<&ParsedSentence<'_>>,
    gaz: &Gazetteer,
    p: &PlaceMention,
) -> bool {
    let next = p.tok.1;
    let Some(parse) = parse else {
        return false;
    };
    let upos = |i: usize| parse.words.get(i).map_or("", |w| w.upos);
    if s.word(next) == "-" && matches!(upos(next + 1), "VERB" | "ADJ") {
        return true;
    }
    // "Kurdish civilians", "Chechen towns": an adjective of a people.
    if p.tok.1 == p.tok.0 + 1 && upos(p.tok.0) == "ADJ" && parse.relation(p.tok.0) == "amod" {
        return true;
    }
    let country = p
        .place
        .is_some_and(|k| matches!(gaz.place(k).feature, Feature::Country));
    if !country || p.tok.0 == 0 || !matches!(s.word(p.tok.0 - 1), "a" | "an" | "the") {
        return false;
    }
    let noun = |i: usize| {
        let w = s.word(i);
        upos(i) == "NOUN"
            && !PLACE_NOUNS.contains(&w)
            && !EDGES.contains(&w)
            && !matches!(w, "war" | "conflict" | "fighting" | "campaign")
    };
    noun(next)
        || (upos(next) == "ADJ"
            && !matches!(
                s.word(next),
                "last" | "next" | "early" | "late" | "previous" | "past"
            )
            && noun(next + 1))
}

/// Whether the nominal at `i` lies inside a subject, below a noun: "the
/// foreign ministry in Tokyo said", "the head of the forces in Tabqa was
/// killed" describe the subject, not where the event happened.
pub(super) fn subject_internal(parse: &ParsedSentence<'_>, i: usize) -> bool {
    subject_verb(parse, i).is_some()
}

/// The verb whose subject the nominal at `i` lies inside, below a noun
/// (see [`subject_internal`]).
pub(super) fn subject_verb(parse: &ParsedSentence<'_>, i: usize) -> Option<usize> {
    let mut at = i;
    for _ in 0..parse.len() {
        let up = parse.head(at)?;
        if parse.words[up].upos == "VERB" || parse.words[up].upos == "AUX" {
            return (at != i && parse.relation(at) == "nsubj").then_some(up);
        }
        at = up;
    }
    None
}

/// Whether the case marker `c` of the nominal `at` locates: "in", "near",
/// …; "on" only before an edge ("on the outskirts of", not "sanctions on
/// Russia") or after an attack ("the attack on Ras al-Ain").
pub(super) fn locative(parse: &ParsedSentence<'_>, s: &Sentence<'_>, c: usize, at: usize) -> bool {
    let case = s.word(c);
    LOCATIVE.contains(&case)
        && (case != "on"
            || EDGES.contains(&s.word(at))
            || (parse.head(at).is_some_and(|h| ATTACKS.contains(&s.word(h)))
                && !opposed(parse, s, at)))
}

/// Whether the nominal at `i` lies inside a phrase of opposition
/// ("protested against the attack on Iraq"): the target of what is
/// opposed, not where the event happened.
pub(super) fn opposed(parse: &ParsedSentence<'_>, s: &Sentence<'_>, i: usize) -> bool {
    let mut at = i;
    for _ in 0..parse.len() {
        if parse
            .case_marker(at)
            .is_some_and(|c| s.word(c) == "against")
        {
            return true;
        }
        match parse.head(at) {
            Some(up) if !matches!(parse.words[up].upos, "VERB" | "AUX") => at = up,
            _ => return false,
        }
    }
    false
}

/// Whether a place named in the sentence may be where things happen: not
/// a subject ("Australia took the bronze"), not governed by a preposition
/// of origin, goal or opposition ("a driver from Abidjan", "protested
/// against Libya"), not naming the nationality or home of a thing ("a U.S.
/// airstrike", "Seville fans", "Caracas' newspaper").
pub(super) fn salient(
    parse: &ParsedSentence<'_>,
    s: &Sentence<'_>,
    gaz: &Gazetteer,
    p: &PlaceMention,
    trigger: (usize, usize),
) -> bool {
    let Some(head) =
        (p.tok.0..p.tok.1).find(|&i| parse.head(i).is_none_or(|h| h < p.tok.0 || h >= p.tok.1))
    else {
        return false;
    };
    // "against the company and Libya": a conjunct takes the first's case.
    let mut head = head;
    while parse.words.get(head).is_some_and(|w| w.deprel == "conj")
        && parse.case_marker(head).is_none()
    {
        match parse.head(head) {
            Some(h) => head = h,
            None => break,
        }
    }
    let rel = parse.words.get(head).map_or("", |w| w.deprel);
    // "demonstrated Friday in Belgrade denouncing …": a place right after
    // a locative preposition the parse did not take as its case marker
    // (it made "in" a clause's mark and "Belgrade" its subject).
    if parse.case_marker(head).is_none()
        && p.tok.0 > 0
        && LOCATIVE.contains(&s.word(p.tok.0 - 1))
        && !matches!(s.word(p.tok.0 - 1), "on" | "over" | "off")
    {
        return true;
    }
    if let Some(c) = parse.case_marker(head) {
        // "forces in Afghanistan are capturing …", "Iraqis in Tikrit
        // demonstrated": the place of the trigger's own subject, when the
        // sentence names no better one; not "the ministry in Tokyo said".
        if let Some(v) = subject_verb(parse, head) {
            let own = (trigger.0..trigger.1).contains(&v);
            if !(own && matches!(s.word(c), "in" | "inside")) {
                return false;
            }
        }
        let case = s.word(c);
        if !(locative(parse, s, c, head) || case == "of" || possessive_mark(case)) {
            return false;
        }
        // "Steve Omischl of Canada": a person's country, not a place (but
        // "the Gulf of Guinea").
        let country = p
            .place
            .is_some_and(|k| matches!(gaz.place(k).feature, Feature::Country));
        let of_someone = |h: usize| {
            let w = s.word(h);
            parse.words[h].upos == "PROPN"
                && !NAMED_FEATURES.contains(&w)
                && !matches!(
                    w,
                    "gulf" | "republic" | "kingdom" | "isle" | "isles" | "coast"
                )
        };
        if case == "of" && country && parse.head(head).is_some_and(of_someone) {
            return false;
        }
        if possessive_mark(case) || rel == "nmod:poss" {
            // "Caracas' newspaper", but "Syria's Aleppo province".
            return parse
                .head(head)
                .is_some_and(|h| PLACE_NOUNS.contains(&s.word(h)) || EDGES.contains(&s.word(h)));
        }
        return true;
    }
    if subject_internal(parse, head) {
        return false;
    }
    match rel.split(':').next().unwrap_or("") {
        // The sides of an act, not its place: "accused Armenia".
        "nsubj" | "csubj" | "vocative" | "obj" | "iobj" => false,
        // "a Sofia restaurant", but "a U.S. airstrike".
        "compound" | "amod" | "nmod" => parse.head(head).is_some_and(|h| {
            PLACE_NOUNS.contains(&s.word(h))
                || EDGES.contains(&s.word(h))
                || FACILITIES.contains(&s.word(h))
        }),
        _ => true,
    }
}

/// 0 for a name the gazetteer lacks (mostly villages and quarters), 1 for a
/// town, 2 for a division ("Homs province") or a region ("Darfur"), 3 for
/// a country.
pub(super) fn specificity(gaz: &Gazetteer, s: &Sentence<'_>, p: &PlaceMention) -> u8 {
    let division = matches!(
        s.word(p.tok.1),
        "province" | "region" | "governorate" | "state" | "county" | "countryside"
    );
    match p.place.map(|k| gaz.place(k).feature) {
        Some(Feature::Country) => 3,
        Some(Feature::Admin1 | Feature::Region) => 2,
        _ if division => 2,
        Some(_) => 1,
        None => 0,
    }
}

/// How far (in dependency edges) the place `p` hangs below the trigger
/// through a locative preposition (or as the object of a territorial
/// verb), and whether a locative preposition is on the way; None when it
/// does not hang there.
pub(super) fn attachment(
    parse: &ParsedSentence<'_>,
    s: &Sentence<'_>,
    p: &PlaceMention,
    trigger: (usize, usize),
) -> Option<(usize, bool)> {
    // The place's head: its word whose head lies outside it.
    let head =
        (p.tok.0..p.tok.1).find(|&i| parse.head(i).is_none_or(|h| h < p.tok.0 || h >= p.tok.1))?;
    // The trigger, and verbs conjoined to it ("was shot and left for dead
    // on the outskirts of Karachi").
    let on_trigger = |i: usize| {
        (trigger.0..trigger.1).contains(&i)
            || (parse.relation(i) == "conj"
                && parse.words[i].upos == "VERB"
                && parse
                    .head(i)
                    .is_some_and(|h| (trigger.0..trigger.1).contains(&h)))
    };
    let territorial = (trigger.0..trigger.1).any(|i| {
        TERRITORIAL.contains(&parse.words[i].lemma.to_ascii_lowercase().as_str())
            || TERRITORIAL_FORMS.contains(&s.word(i))
    });
    // A country naming the nationality of a thing ("a U.S. airstrike").
    let modifier = matches!(parse.relation(head), "compound" | "amod")
        && parse
            .head(head)
            .is_some_and(|h| !PLACE_NOUNS.contains(&s.word(h)) && !EDGES.contains(&s.word(h)))
        && p.place.is_some();
    let mut located = false;
    let mut at = head;
    for depth in 1..=7 {
        // The full relation, subtype included ("nsubj:pass", "acl:relcl").
        let rel = parse.words.get(at).map_or("", |w| w.deprel);
        if let Some(c) = parse.case_marker(at) {
            let case = s.word(c);
            if locative(parse, s, c, at) {
                located = true;
            } else if !(case == "of" || possessive_mark(case) || located) {
                // "from Moscow", "to Kyiv", "with Russia": not where.
                return None;
            }
        }
        let up = parse.head(at)?;
        if on_trigger(up) {
            let object = territorial && matches!(rel, "obj" | "nsubj:pass" | "obl:unmarked");
            if modifier && depth == 1 {
                return None;
            }
            return ((located && !CLAUSES.contains(&rel)) || object).then_some((depth, located));
        }
        if CLAUSES.contains(&rel) {
            return None;
        }
        at = up;
    }
    None
}
