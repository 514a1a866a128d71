//! The pure coder of dyad: a [`Document`] and a [`Lexicon`] in, coded PLOVER
//! [`Event`]s and [`Diagnostic`]s out.
//!
//! No IO, no clock (the document's publication date is the only "now"), and
//! never a panic on input: problems with a document are diagnostics.
//!
//! The work goes stage by stage, each its own module, so that a better stage
//! can replace one without touching the others:
//! text (sentences, tokens) → actors → clauses → dates → events → merge.

mod actors;
mod clauses;
mod dates;
mod events;
mod headline;
mod intent;
mod merge;
mod places;
mod syntax;
mod text;

use dyad_lexicon::Lexicon;
use dyad_model::{stable_hash, Attribution, Document, Event, Location, Modality, Span, Trigger};
use jiff::civil::Date;

pub use crate::dates::{timexes, Timex, TimexType};
use crate::merge::Keyed;
use crate::text::Sentence;

/// The version stamped on every event: the program, the content of the
/// lexicon (`+lex.`) and of the data built into the binary (`+data.`: the
/// gazetteer and the syntax, mention and sentence-boundary models), so
/// that a change to any of them shows in the events it codes.
pub fn version(lex: &Lexicon) -> String {
    static DATA: std::sync::LazyLock<u32> = std::sync::LazyLock::new(|| {
        // a model file ends in the Adler-32 checksum of its content (zlib)
        let checksum = |b: &'static [u8]| &b[b.len().saturating_sub(4)..];
        let h = stable_hash(&[
            &dyad_lexicon::geo::Gazetteer::builtin_fingerprint().to_le_bytes(),
            checksum(dyad_nlp::MODEL_BYTES),
            checksum(dyad_nlp::mentions::MODEL_BYTES),
            checksum(dyad_nlp::boundaries::MODEL_BYTES),
        ]);
        (h >> 32) as u32
    });
    format!("{}+data.{:08x}", lex.version(), *DATA)
}

/// A problem with a document that did not stop its coding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The sentence concerned, if one is.
    pub sentence: Option<usize>,
    pub message: String,
}

/// What coding a document gives.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Coded {
    pub events: Vec<Event>,
    pub diagnostics: Vec<Diagnostic>,
    /// The sentences of [`Document::full_text`] as byte spans, in order
    /// (events' `sentence` indexes this list).
    pub sentences: Vec<Span>,
}

/// Codes one document.
pub fn code(doc: &Document, lex: &Lexicon) -> Coded {
    code_with_dropped(doc, lex).0
}

/// Whether every side of an event is a business (CAMEO sector `BUS`:
/// companies, banks, investors, traders, employers), with no state, body
/// or group of people among them: a company's deal, offer, request or
/// complaint ("the airline agreed to buy twelve jets", "investors asked the
/// exchange to reopen the contract") is commerce, not politics. Protests
/// (strikes, 14x) and violence (kidnapping, attacks: 18x–20x) stay, done by
/// or to anyone.
fn among_businesses(e: &Event) -> bool {
    let mut sides = e.actors.iter().chain(&e.recipients).peekable();
    let kept = e
        .cameo
        .as_deref()
        .is_some_and(|c| ["14", "18", "19", "20"].iter().any(|r| c.starts_with(r)));
    sides.peek().is_some() && !kept && sides.all(|a| a.sector.as_deref() == Some("BUS"))
}

/// Codes one document; also returns the events left out because every
/// side of them is a business ([`among_businesses`]), for `dyad explain`.
fn code_with_dropped(doc: &Document, lex: &Lexicon) -> (Coded, Vec<Event>) {
    let mut diagnostics = Vec::new();
    let (full, rewritten) = read_text(doc, lex);
    if full.trim().is_empty() {
        diagnostics.push(Diagnostic {
            sentence: None,
            message: "the document has no text".into(),
        });
        return (
            Coded {
                events: Vec::new(),
                diagnostics,
                sentences: Vec::new(),
            },
            Vec::new(),
        );
    }
    let published = match doc.published.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(p) => match p.get(..10).unwrap_or(p).parse::<Date>() {
            Ok(d) => Some(d),
            Err(_) => {
                diagnostics.push(Diagnostic {
                    sentence: None,
                    message: format!("published {p:?} is not a date (YYYY-MM-DD); relative dates are left unresolved"),
                });
                None
            }
        },
    };
    let date_str = published.map(|d| d.to_string());

    let sentences = split(doc, &full);
    let mut mentions = actors::find(lex, &full, &sentences, date_str.as_deref());
    let geo = places::DocumentPlaces::new(doc, &full, &sentences, &mentions);
    countries_inside_places(lex, &full, &sentences, &mut mentions, &geo);
    place_countries(lex, &full, &sentences, &mut mentions, &geo);
    let mut keyed = Vec::new();
    let mut dropped = Vec::new();
    for (s, ms) in sentences.iter().zip(&mentions) {
        let clauses = clauses::analyse(s, ms);
        let (dates, periods) = dates::find(s, published);
        let mut syntax = syntax::Syntax::new(lex, &full, s);
        for f in events::find(
            lex,
            &full,
            s,
            ms,
            &clauses,
            &dates,
            &periods,
            &mut syntax,
            None,
        ) {
            // The attribution clause and its speaker's mention.
            let said = clauses.attribution.map(|(k, (a, b))| {
                let m = ms.get(k).map_or((a, b), |m| m.tok);
                (a.min(m.0), b.max(m.1))
            });
            let location = geo.event_location(&full, s, syntax.get(&full, s), ms, &f, said);
            let k = assemble(
                lex, doc, &full, s, ms, &clauses, &dates, published, &f, location,
            );
            if among_businesses(&k.event) {
                dropped.push(k.event);
            } else {
                keyed.push(k);
            }
        }
    }
    let mut events = merge::merge(keyed);
    if let Some(end) = rewritten {
        show_title(doc, &full, end, &mut events);
        show_title(doc, &full, end, &mut dropped);
    }
    if lex.require_dyad {
        events.retain(|e| !e.actors.is_empty() && !e.recipients.is_empty());
    }
    (
        Coded {
            events,
            diagnostics,
            sentences: sentences.iter().map(|s| s.span).collect(),
        },
        dropped,
    )
}

/// Whether a mention's words name protesters ("Ukrainian protestor",
/// "the rioters", "a mob", "mourners", "the crowd").
fn is_protesters(text: &str) -> bool {
    let head = text.rsplit(' ').next().unwrap_or("").to_lowercase();
    let stem = head.trim_end_matches('s');
    matches!(
        stem,
        "protester" | "protestor" | "demonstrator" | "rioter" | "mob" | "mourner" | "crowd"
    )
}

/// Where the event whose trigger word(s) lie at the byte span `trigger`
/// happened, as the coder would place it: the place its parse attaches
/// through a locative preposition, else the nearest place after one in its
/// segment; None when the sentence names none (or `trigger` is in no
/// sentence). For `dyad eval location`, which marks the trigger itself.
pub fn event_location(doc: &Document, lex: &Lexicon, trigger: Span) -> Option<Location> {
    let (full, _) = read_text(doc, lex);
    let published = doc.published.as_deref().and_then(|p| p.get(..10));
    let sentences = split(doc, &full);
    let mentions = actors::find(lex, &full, &sentences, published);
    let geo = places::DocumentPlaces::new(doc, &full, &sentences, &mentions);
    let s = sentences
        .iter()
        .find(|s| s.span.start <= trigger.start && trigger.start < s.span.end)?;
    let a = s.tokens.iter().position(|t| t.end > trigger.start)?;
    let b = s
        .tokens
        .iter()
        .rposition(|t| t.start < trigger.end)
        .map_or(a + 1, |b| (b + 1).max(a + 1));
    let mut syntax = syntax::Syntax::new(lex, &full, s);
    geo.location_at(&full, s, syntax.get(&full, s), (a, b))
}

/// The places a document names, found through the gazetteer and resolved
/// with the document as context (the geocoding step alone: no actors, no
/// events), in text order.
pub fn places(doc: &Document) -> Vec<Location> {
    let full = doc.full_text();
    let sentences = split(doc, &full);
    let none: Vec<Vec<actors::Mention>> = Vec::new();
    places::DocumentPlaces::new(doc, &full, &sentences, &none).all(&full)
}

/// What the coder saw in one sentence, for `dyad explain`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SentenceTrace {
    pub index: usize,
    pub text: String,
    /// One line per word: index, text, UPOS, lemma, head, relation.
    pub parse: Vec<String>,
    /// One line per actor mention: words, CAMEO code, kb id.
    pub actors: Vec<String>,
    /// One line per place name: words, and the place it was resolved to.
    pub places: Vec<String>,
    /// Attribution and conditional clause found, if any.
    pub clauses: Vec<String>,
    /// One line per trigger considered: coded, or why not.
    pub triggers: Vec<String>,
}

/// Codes a document and says, sentence by sentence, what each stage found and
/// why each trigger was or was not coded.
pub fn explain(doc: &Document, lex: &Lexicon) -> (Coded, Vec<SentenceTrace>) {
    let (coded, dropped) = code_with_dropped(doc, lex);
    let (full, _) = read_text(doc, lex);
    let published = doc
        .published
        .as_deref()
        .and_then(|p| p.get(..10))
        .and_then(|p| p.parse::<Date>().ok());
    let date_str = published.map(|d| d.to_string());
    let sentences = split(doc, &full);
    let mut mentions = actors::find(lex, &full, &sentences, date_str.as_deref());
    let geo = places::DocumentPlaces::new(doc, &full, &sentences, &mentions);
    countries_inside_places(lex, &full, &sentences, &mut mentions, &geo);
    place_countries(lex, &full, &sentences, &mut mentions, &geo);
    let mut traces = Vec::new();
    for (s, ms) in sentences.iter().zip(&mentions) {
        let clauses = clauses::analyse(s, ms);
        let (dates, periods) = dates::find(s, published);
        let mut syntax = syntax::Syntax::new(lex, &full, s);
        let mut notes = Vec::new();
        events::find(
            lex,
            &full,
            s,
            ms,
            &clauses,
            &dates,
            &periods,
            &mut syntax,
            Some(&mut notes),
        );
        for e in dropped.iter().filter(|e| e.sentence == s.index) {
            notes.push(format!(
                "`{}`: dropped — every side is a business ({}): commerce, not politics",
                e.trigger.text,
                e.actors
                    .iter()
                    .chain(&e.recipients)
                    .map(|a| a.cameo.as_deref().unwrap_or("-"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        for m in lex.triggers.blocked_all(&s.words).into_iter().flatten() {
            let p = &lex.triggers.patterns[m.pattern];
            notes.push(format!(
                "`{}`: not coded: its best pattern ({}:{} `{}`, CAMEO {}) codes nothing PLOVER has",
                s.span_of(m.start, m.end).slice(&full),
                p.file,
                p.line,
                p.text,
                p.cameo.as_deref().unwrap_or("---"),
            ));
        }
        let read = syntax.read(&full).to_string();
        let parse = syntax
            .get(&full, s)
            .map(|p| {
                (0..p.len())
                    .map(|i| {
                        let w = &p.words[i];
                        format!(
                            "{:>3} {:<16} {:<6} {:<5} {:<14} {:>3} {}",
                            i,
                            p.text(&read, i),
                            w.upos,
                            w.xpos,
                            w.lemma,
                            w.head.map_or("-".to_string(), |h| h.to_string()),
                            w.deprel
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let actors = ms
            .iter()
            .map(|m| {
                format!(
                    "{:?} {:?} → {} {}",
                    m.tok,
                    m.actor.text,
                    m.actor.cameo.as_deref().unwrap_or("-"),
                    m.actor.kb_id.as_deref().unwrap_or("-")
                )
            })
            .collect();
        let mut cl = Vec::new();
        if let Some((k, _)) = clauses.attribution {
            cl.push(format!("attribution: {}", ms[k].actor.text));
        }
        if let Some((a, b)) = clauses.condition {
            cl.push(format!("condition: {}", s.span_of(a, b).slice(&full)));
        }
        traces.push(SentenceTrace {
            index: s.index,
            text: s.text.to_string(),
            parse,
            actors,
            places: geo.describe(&full, s.index),
            clauses: cl,
            triggers: notes,
        });
    }
    (coded, traces)
}

/// The text the coder reads: [`Document::full_text`], with a title in
/// capitals in title case ([`headline::title_cased`]); the same length,
/// so that every span points into both. With the title's end when it was
/// rewritten.
fn read_text(doc: &Document, lex: &Lexicon) -> (String, Option<usize>) {
    let full = doc.full_text();
    match doc.body_offset().checked_sub(2) {
        Some(end) if end > 0 => match headline::title_cased(lex, &full, end) {
            Some(cased) => (cased, Some(end)),
            None => (full, None),
        },
        _ => (full, None),
    }
}

/// The title's events with the words of the document's title, not those
/// the coder read ([`read_text`]), which rewrote the title up to `end`.
fn show_title(doc: &Document, read: &str, end: usize, events: &mut [Event]) {
    // (the title as written: `full_text` begins with it, trimmed)
    let Some(shown) = doc
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| t.len() == end)
    else {
        return;
    };
    let Some(read) = read.get(..end) else {
        return;
    };
    // (what has a span in the title is that span of it; the rest, found
    // in the title as the coder read it)
    let at = |span: Span, f: &mut String| {
        if let Some(t) = shown.get(span.start..span.end) {
            *f = t.to_string();
        }
    };
    let put = |f: &mut String| headline::restore(read, shown, f);
    for e in events.iter_mut().filter(|e| e.sentence == 0) {
        put(&mut e.text);
        at(e.trigger.span, &mut e.trigger.text);
        e.actors
            .iter_mut()
            .chain(e.recipients.iter_mut())
            .for_each(|a| at(a.span, &mut a.text));
        if let Some(a) = e.attribution.as_mut() {
            put(&mut a.text);
        }
        if let Some(d) = e.date_text.as_mut() {
            put(d);
        }
        // (a place the text names, not the gazetteer's name of one an
        // actor stands for: "China" for "CHINESE")
        if let Some(l) = e.location.as_mut() {
            let named = l.span.filter(|s| {
                shown
                    .get(s.start..s.end)
                    .is_some_and(|t| t.eq_ignore_ascii_case(&l.name))
            });
            if let Some(span) = named {
                at(span, &mut l.name);
            }
        }
    }
}

/// The title (sentence 0, when there is one) and the body's sentences.
fn split<'t>(doc: &Document, full: &'t str) -> Vec<Sentence<'t>> {
    let body = doc.body_offset();
    let mut out = Vec::new();
    if body > 0 {
        out.push(Sentence::new(full, 0, 0..body - 2, true));
    }
    let (tokens, sentences) = dyad_nlp::split_tokenized(&full[body..]);
    for r in sentences {
        let index = out.len();
        let spans: Vec<Span> = tokens[r]
            .iter()
            .map(|t| Span::new(t.start + body, t.end + body))
            .collect();
        let (Some(first), Some(last)) = (spans.first(), spans.last()) else {
            continue;
        };
        let range = first.start..last.end;
        out.push(Sentence::from_tokens(full, index, range, false, spans));
    }
    out
}

/// "police", "a local court", "the authorities": a state's institution
/// named by a common noun, not a proper name ("the Foreign Office",
/// "Congress") whose country the place does not tell, nor the roles of
/// people abroad (diplomats, envoys, a delegation), nor several
/// governments.
fn is_local_institution(text: &str, sentence_initial: bool) -> bool {
    let t = text.trim_start_matches("the ").trim_start_matches("The ");
    let lower = t.to_lowercase();
    // a sentence's first word is capitalised anyway ("Police arrested")
    let common = t
        .split_whitespace()
        .enumerate()
        .all(|(i, w)| (i == 0 && sentence_initial) || w.starts_with(char::is_lowercase));
    common
        && !t.contains('-')
        && ![
            "diplomat",
            "envoy",
            "ambassador",
            "delegat",
            "secretary of state",
            "emissar",
            "consul",
            "governments",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// A state's institutions that act at home: police, courts, parliaments,
/// and the local authorities, a junta or a regime. Not "the government",
/// "a minister" or "the cabinet", which a paper abroad uses for its own
/// country's while writing of another ("the cabinet met to discuss the
/// strikes in Syria"), nor armed men, who may be anyone's ("troops in Chad").
fn acts_at_home(sector: &str, text: &str) -> bool {
    let last = text.rsplit(' ').next().unwrap_or(text).to_lowercase();
    match sector {
        "COP" | "JUD" | "LEG" => true,
        "GOV" => matches!(last.as_str(), "authorities" | "junta" | "regime"),
        _ => false,
    }
}

/// A state's institution that acts at home and the people it acts on
/// ("Egyptian police dispersed demonstrators", "Kenyan authorities banned
/// civilians from travelling"), or rebels or the opposition and the state
/// they act on ("rebels in the Ivory Coast dismissed an appeal from the
/// government"): the side named without its country is the other side's,
/// unless the event happened in another country.
struct Counterpart {
    iso: String,
}

impl Counterpart {
    fn note(&self, recipients: bool) -> String {
        format!(
            "; {} of no named country: {}'s, as the other side's",
            if recipients { "recipients" } else { "sources" },
            self.iso
        )
    }

    fn apply(&self, lex: &Lexicon, side: &mut [dyad_model::ActorRef]) {
        for a in side.iter_mut().filter(|a| a.country.is_none()) {
            give_country(lex, a, &self.iso);
        }
    }
}

/// Makes a role of no country the country's (`OPPCVL` → `KENOPPCVL`);
/// false when the lexicon does not know the country.
fn give_country(lex: &Lexicon, a: &mut dyad_model::ActorRef, iso: &str) -> bool {
    let Some(c) = lex.country(iso) else {
        return false;
    };
    let role = a
        .cameo
        .clone()
        .or_else(|| a.sector.clone())
        .unwrap_or_default();
    a.cameo = Some(format!("{}{role}", c.cameo));
    a.country = Some(iso.to_string());
    true
}

/// People a state acts on at home, and the armed or organised groups
/// that act on a state at home.
const PEOPLE: &[&str] = &["OPP", "CVL", "PPL", "CRM", "EDU", "LAB"];
const CHALLENGERS: &[&str] = &["REB", "INS", "UAF", "OPP"];

fn domestic_counterpart(
    known: &[dyad_model::ActorRef],
    other: &[dyad_model::ActorRef],
    where_: Option<&str>,
    hostile: bool,
) -> Option<Counterpart> {
    let iso = known.first()?.country.clone()?;
    // (one of them may be the country's already: "the removal of the
    // president and *his* ruling party")
    let all_of = |xs: &[dyad_model::ActorRef], set: &[&str]| {
        xs.iter().any(|a| a.country.is_none())
            && xs.iter().all(|a| {
                a.country.as_deref().is_none_or(|c| c == iso)
                    && a.sector.as_deref().is_some_and(|s| set.contains(&s))
            })
    };
    let one_country = known.iter().all(|a| a.country.as_deref() == Some(&iso));
    // the police, the courts, a parliament, "the authorities"
    let state_at_home = known.iter().all(|a| {
        a.sector
            .as_deref()
            .is_some_and(|s| acts_at_home(s, &a.text))
    });
    let challengers = known.iter().all(|a| {
        a.sector
            .as_deref()
            .is_some_and(|s| CHALLENGERS.contains(&s))
    });
    // (armed men only when fought: foreign troops support rebels too)
    let state: &[&str] = if hostile {
        &["GOV", "COP", "MIL"]
    } else {
        &["GOV", "COP"]
    };
    let pair = (state_at_home && all_of(other, PEOPLE)) || (challengers && all_of(other, state));
    (one_country && !other.is_empty() && pair && where_.is_none_or(|w| w == iso))
        .then_some(Counterpart { iso })
}

/// "Northern Ireland", "New Mexico", "New Jersey officials": a country's
/// name that ends a longer place name the gazetteer knows in another
/// country (or in none) names that place, not the country. The mention
/// takes the place's words and country (GBR, USA), or is dropped when the
/// place has no country.
fn countries_inside_places(
    lex: &Lexicon,
    full: &str,
    sentences: &[Sentence<'_>],
    mentions: &mut [Vec<actors::Mention>],
    geo: &places::DocumentPlaces,
) {
    for (s, ms) in sentences.iter().zip(mentions.iter_mut()) {
        let Some(places) = geo.sentences.get(s.index) else {
            continue;
        };
        ms.retain_mut(|m| {
            // (the place first: few mentions start inside one)
            let Some(p) = places.iter().find(|p| {
                !p.demonym && p.tok.0 < m.tok.0 && m.tok.0 < p.tok.1 && p.tok.1 <= m.tok.1
            }) else {
                return true;
            };
            let Some(iso) = m.actor.country.clone() else {
                return true;
            };
            let Some(country) = lex.country(&iso) else {
                return true;
            };
            // The words the place and the mention share are the country's name.
            let shared = s.span_of(m.tok.0, p.tok.1).slice(full);
            let named = country
                .names
                .iter()
                .chain(std::iter::once(&country.name))
                .any(|n| n.eq_ignore_ascii_case(shared));
            let Some(home) = geo.place_country(p) else {
                return true;
            };
            if home.is_empty() {
                return !named;
            }
            if !named || home == iso {
                return true;
            }
            let Some(c) = lex.country(home) else {
                return true;
            };
            let sector = m.actor.sector.clone().unwrap_or_default();
            m.tok.0 = p.tok.0;
            m.actor.span = s.span_of(m.tok.0, m.tok.1);
            m.actor.text = m.actor.span.slice(full).to_string();
            m.actor.country = Some(home.to_string());
            m.actor.cameo = Some(format!("{}{sector}", c.cameo));
            if m.actor.name.is_some() {
                m.actor.name = Some(c.name.clone());
            }
            if m.actor.kb_id.as_deref() == Some(iso.as_str()) {
                m.actor.kb_id = Some(home.to_string());
            }
            if m.key == iso {
                m.key = home.to_string();
            }
            true
        });
    }
}

/// "Darfur rebels", "police in Kirkuk", "refugees from Darfur": a role
/// without a country next to a place the gazetteer knows (a region or a
/// town, which is no actor of its own) is that place's country's. As for a
/// country's name, "in" says nothing of armed men ("troops in Helmand" may
/// be anyone's), nor does a place before them.
fn place_countries(
    lex: &Lexicon,
    full: &str,
    sentences: &[Sentence<'_>],
    mentions: &mut [Vec<actors::Mention>],
    geo: &places::DocumentPlaces,
) {
    for (s, ms) in sentences.iter().zip(mentions.iter_mut()) {
        for m in ms.iter_mut() {
            let Some(sector) = m.actor.sector.clone() else {
                continue;
            };
            if m.actor.country.is_some() || m.actor.name.is_some() || m.possessive {
                continue;
            }
            let armed = matches!(sector.as_str(), "MIL" | "UAF" | "SPY");
            let before = (m.tok.0 > 0 && !armed)
                .then(|| geo.country_near(full, s.index, Some(m.tok.0), None))
                .flatten();
            let after = match s.word(m.tok.1) {
                "from" => true,
                "in" => !armed,
                _ => false,
            }
            .then(|| {
                let at = m.tok.1 + 1 + usize::from(s.word(m.tok.1 + 1) == "the");
                geo.country_near(full, s.index, None, Some(at))
            })
            .flatten();
            let Some(iso) = before.or(after).map(str::to_string) else {
                continue;
            };
            let Some(c) = lex.country(&iso) else {
                continue;
            };
            m.set_country(&iso, &c.cameo);
        }
    }
}

/// "Russia is conducting military exercises in Alaska", "Russian jets
/// renewed their bombardment of southern Idlib": an act of force, aid or a
/// visit with no recipient named, done by sources of known countries (not
/// people it befell: "a British woman killed in Syria"), in a gazetteer
/// place that a preposition brings shortly after the trigger, in another
/// country than every source's, is done to that country.
#[allow(clippy::too_many_arguments)]
fn foreign_location(
    lex: &Lexicon,
    full: &str,
    s: &Sentence<'_>,
    trigger_end: usize,
    event_type: dyad_model::EventType,
    cameo: Option<&str>,
    actors: &[dyad_model::ActorRef],
    location: &Option<Location>,
) -> Option<dyad_model::ActorRef> {
    use dyad_model::EventType as T;
    let kind = match event_type {
        T::Assault | T::Coerce | T::Mobilize | T::Aid => true,
        T::Consult => matches!(cameo, Some("042" | "043")),
        _ => false,
    };
    let l = location.as_ref()?;
    let span = l.span?;
    let iso = l.country.as_deref()?;
    let homes: Vec<&str> = actors.iter().filter_map(|a| a.country.as_deref()).collect();
    let victims = actors
        .iter()
        .any(|a| matches!(a.sector.as_deref(), Some("CVL" | "PPL" | "REF" | "LAB")));
    if !kind
        || l.feature.is_none()
        || homes.len() != actors.len()
        || homes.is_empty()
        || victims
        || homes.contains(&iso)
    {
        return None;
    }
    // The place's first token, a preposition right before it (past "the"
    // and a direction: "of southern Idlib"), and no comma on the way.
    let at = s.tokens.iter().position(|t| t.start == span.start)?;
    let mut k = at.checked_sub(1)?;
    while k > 0
        && matches!(
            s.word(k),
            "the" | "northern" | "southern" | "eastern" | "western" | "central"
        )
    {
        k -= 1;
    }
    let prep = matches!(
        s.word(k),
        "in" | "into" | "on" | "of" | "at" | "near" | "across" | "to"
    );
    if !prep || k < trigger_end || k - trigger_end > 6 || (trigger_end..k).any(|j| s.word(j) == ",")
    {
        return None;
    }
    let c = lex.country(iso)?;
    Some(dyad_model::ActorRef {
        text: span.slice(full).to_string(),
        span,
        name: Some(c.name.clone()),
        country: Some(iso.to_string()),
        sector: None,
        cameo: Some(c.cameo.clone()),
        kb_id: None,
    })
}

#[allow(clippy::too_many_arguments)]
fn assemble(
    lex: &Lexicon,
    doc: &Document,
    full: &str,
    s: &Sentence<'_>,
    ms: &[actors::Mention],
    clauses: &clauses::Clauses,
    dates: &[dates::DateExpr],
    published: Option<Date>,
    f: &events::Found,
    location: Option<Location>,
) -> Keyed {
    let pattern = &lex.triggers.patterns[f.trigger.pattern];
    let trig = s.span_of(f.trigger.start, f.trigger.end);
    let future = matches!(f.modality, Modality::Future | Modality::Conditional) && !f.date_above;
    let (date, date_text) = match (f.date, published) {
        // an earlier year: background, no day
        _ if f.past.is_some() => (
            None,
            f.past.map(|(a, b)| s.span_of(a, b).slice(full).to_string()),
        ),
        // a past act in a clause of earlier time: background, no day
        _ if f.background => (None, None),
        (Some(k), Some(p)) => (
            dates[k].resolve(p, future).map(|d| d.to_string()),
            Some(dates[k].span.slice(full).to_string()),
        ),
        (Some(k), None) => (None, Some(dates[k].span.slice(full).to_string())),
        (None, p) => (p.map(|d| d.to_string()), None),
    };
    let deadline = f
        .deadline
        .zip(published)
        .and_then(|(k, p)| dates[k].resolve(p, true))
        .map(|d| d.to_string());
    // (or the speaker of a gerund of saying whose complement the event is
    // in, when the sentence names no other)
    let said_by = f.said_by.filter(|_| clauses.attribution.is_none());
    let attribution = clauses
        .attribution
        .filter(|_| !f.unattributed)
        .or(said_by)
        .map(|(k, (a, b))| {
            let m = &ms[k];
            // A seat or capital names itself ("the Kremlin"), not its country.
            let place_like = m.is_state();
            Attribution {
                text: s.span_of(a, b).slice(full).to_string(),
                name: if place_like {
                    Some(m.actor.text.trim_start_matches("the ").to_string())
                } else {
                    m.actor.name.clone()
                },
                country: m.actor.country.clone(),
            }
        });
    // Announced cooperation is an intent to cooperate (AGREE), announced
    // harm a threat (THREATEN): CAMEO's and PLOVER's convention.
    // So is an act made conditional on another's ("will boycott the
    // elections unless the president steps down"): CAMEO's threat.
    let announced = lex.recode_by_modality
        && !f.scheduled
        && (f.modality == Modality::Future
            || (f.modality == Modality::Conditional && clauses.condition.is_some()));
    let intent = announced
        .then(|| intent::recode(pattern.event, pattern.cameo.as_deref()))
        .flatten();
    // Refusing to cooperate ("will not accept refugees", "would not meet
    // their demands", "failed to reach agreement") is an event that
    // happened; a plain "has not agreed" stays a negated agreement.
    let refusal = (f.refused && lex.recode_by_modality)
        .then(|| intent::refusal(pattern.event, pattern.cameo.as_deref()))
        .flatten();
    let modality = match (refusal, attribution.as_ref()) {
        (Some(_), Some(_)) => Modality::Reported,
        (Some(_), None) => Modality::Asserted,
        (None, None) if f.unattributed && f.modality == Modality::Reported => Modality::Asserted,
        (None, Some(_)) if said_by.is_some() && f.modality == Modality::Asserted => {
            Modality::Reported
        }
        (None, _) => f.modality,
    };
    let (event_type, mode, cameo, how) = match (intent, refusal) {
        (Some((t, code)), _) => (
            t,
            None,
            Some(code.to_string()),
            format!("{}; announced, so coded as intent ({t})", f.how),
        ),
        (None, Some(code)) => (
            dyad_model::EventType::Reject,
            None,
            Some(code.to_string()),
            format!("{}; negated, so coded as a refusal (REJECT)", f.how),
        ),
        (None, None) if f.visit => (
            pattern.event,
            pattern.mode.clone(),
            Some("042".to_string()),
            format!("{}; the guests' visit to their host (042)", f.how),
        ),
        (None, None) => (
            pattern.event,
            pattern.mode.clone(),
            pattern.cameo.clone(),
            f.how.clone(),
        ),
    };
    // "Protesters torched a police station", "was demolished by a
    // Ukrainian protestor": violence done by protesters is a riot (CAMEO
    // 145, PLOVER PROTEST, mode riot), not an assault by an armed side —
    // unless it takes the arms of one ("launched missiles": 194).
    let riot_code = |c: &str| {
        (c.starts_with("17") && c != "175")
            || c.starts_with("18")
            || (c.starts_with("19")
                && !c.starts_with("194")
                && !c.starts_with("195")
                && !c.starts_with("196"))
    };
    let rioters = event_type == dyad_model::EventType::Assault
        && cameo.as_deref().is_some_and(riot_code)
        && !f.actors.is_empty()
        && f.actors.iter().all(|&k| is_protesters(&ms[k].actor.text));
    // "The United States boycotted the Moscow Olympics": a boycott by
    // states (a country, its government or an international body) is an
    // embargo or boycott imposed (CAMEO 163), not a protest of the street.
    let state_boycott = event_type == dyad_model::EventType::Protest
        && cameo.as_deref() == Some("143")
        && pattern.text.contains("boycott")
        && !f.actors.is_empty()
        && f.actors.iter().all(|&k| {
            // (the state itself, not "Canadian seafarers" or "the
            // Syrian opposition" that an adjective gave a country)
            let a = &ms[k].actor;
            match a.sector.as_deref() {
                None => ms[k].place,
                Some("IGO") => true,
                Some(sector) => sector == "GOV" && a.country.is_some(),
            }
        });
    // "contra rebels fighting the leftist Nicaraguan government": the
    // imported rows that read attacking or fighting a government as
    // criticism (CAMEO 111) are an assault when armed men do it.
    let armed_fight = event_type == dyad_model::EventType::Accuse
        && cameo.as_deref() == Some("111")
        && !f.actors.is_empty()
        && f.actors.iter().all(|&k| ms[k].is_armed())
        && [
            "attack",
            "attacked",
            "attacking",
            "attacks",
            "fight",
            "fighting",
            "fights",
            "fought",
        ]
        .contains(&s.word(f.trigger.start));
    let (event_type, mode, cameo, how) = if armed_fight {
        (
            dyad_model::EventType::Assault,
            None,
            Some("190".to_string()),
            format!("{how}; done by armed men, so coded as an assault (190)"),
        )
    } else if rioters {
        (
            dyad_model::EventType::Protest,
            Some("riot".to_string()),
            Some("145".to_string()),
            format!("{how}; done by protesters, so coded as a riot (145)"),
        )
    } else if state_boycott {
        (
            dyad_model::EventType::Sanction,
            Some("discontinue".to_string()),
            Some("163".to_string()),
            format!("{how}; a boycott by states, so coded as one imposed (163)"),
        )
    } else {
        (event_type, mode, cameo, how)
    };
    // "Police arrested five men in Surat": a state institution that acts
    // at home, named without its country, is the country's where it
    // happened.
    let mut how = how;
    // "Assad has shelled *his own people*", "the junta jailed *its
    // critics*": people the doer's possessive pronoun names are the
    // doer's country's, wherever it happened.
    let doers: Vec<&str> = f
        .actors
        .iter()
        .filter_map(|&k| ms[k].actor.country.as_deref())
        .collect();
    let doer_country = doers
        .first()
        .copied()
        .filter(|&c| doers.len() == f.actors.len() && doers.iter().all(|&d| d == c));
    let mut local = |k: usize, side: &str| {
        let mut a = ms[k].actor.clone();
        let own = doer_country.filter(|_| {
            let start = ms[k].tok.0;
            let before = |n: usize| start.checked_sub(n).map_or("", |i| s.word(i));
            let pronoun = |w: &str| {
                matches!(
                    w.to_ascii_lowercase().as_str(),
                    "his" | "her" | "its" | "their"
                )
            };
            side == "recipient"
                && a.country.is_none()
                && (pronoun(before(1))
                    || (before(1).eq_ignore_ascii_case("own") && pronoun(before(2))))
        });
        if let Some(iso) = own {
            if give_country(lex, &mut a, iso) {
                how.push_str(&format!(
                    "; {side} {:?}: of the doer's country (a possessive pronoun)",
                    a.text
                ));
                return a;
            }
        }
        let iso = location.as_ref().and_then(|l| l.country.as_deref());
        if let (None, Some(sector), Some(iso)) = (&a.country, a.sector.as_deref(), iso) {
            let first = ms[k].tok.0 == 0 || (ms[k].tok.0 == 1 && s.word(0) == "the");
            // "Four children were killed in shelling in the Gaza Strip":
            // people harmed where it happened, named by no country, are
            // that place's.
            let victims = side == "recipient"
                && matches!(event_type, dyad_model::EventType::Assault)
                && matches!(sector, "CVL" | "PPL");
            // "Thousands of students blocked streets in Jakarta", "men
            // detained in Syria": ordinary people, named by no country, are
            // the place's, whatever they do or undergo. (Not workers, who
            // may be aid workers from abroad, nor journalists.)
            // (The opposition, as a party too: "the opposition coalition",
            // PTYOPP; not politicians, PTY, who may be from abroad.)
            let people = matches!(sector, "CVL" | "PPL" | "OPP" | "EDU" | "REL" | "CRM")
                || a.cameo.as_deref().is_some_and(|c| c.ends_with("OPP"));
            // (People of a descent, "ethnic Albanians", are named by no one:
            // capitalised, but no institution abroad.)
            let descent = sector == "CVL" && a.name.is_none() && a.kb_id.is_none();
            let here = victims
                || (acts_at_home(sector, &a.text) || people)
                    && (is_local_institution(&a.text, first) || descent);
            if here && give_country(lex, &mut a, iso) {
                how.push_str(&format!(
                    "; {side} {:?}: of the country where it happened",
                    a.text
                ));
            }
        }
        a
    };
    let mut actors: Vec<dyad_model::ActorRef> =
        f.actors.iter().map(|&k| local(k, "source")).collect();
    let mut recipients: Vec<dyad_model::ActorRef> = f
        .recipients
        .iter()
        .map(|&k| local(k, "recipient"))
        .collect();
    // "The United Arab Emirates, UAE, has banned …", "a clash between
    // Israel and Syria and Israel and Turkey": one named side, once
    // (people of no name, "women and children", stay apart).
    for side in [&mut actors, &mut recipients] {
        let mut seen: Vec<String> = Vec::new();
        side.retain(|a| match &a.kb_id {
            Some(id) if seen.contains(id) => false,
            Some(id) => {
                seen.push(id.clone());
                true
            }
            None => true,
        });
    }
    {
        let where_ = location.as_ref().and_then(|l| l.country.as_deref());
        let hostile = event_type.quad().number() >= 3;
        if let Some(side) = domestic_counterpart(&actors, &recipients, where_, hostile) {
            how.push_str(&side.note(true));
            side.apply(lex, &mut recipients);
        } else if let Some(side) = domestic_counterpart(&recipients, &actors, where_, hostile) {
            how.push_str(&side.note(false));
            side.apply(lex, &mut actors);
        }
    }
    if recipients.is_empty() {
        if let Some(r) = foreign_location(
            lex,
            full,
            s,
            f.trigger.end,
            event_type,
            cameo.as_deref(),
            &actors,
            &location,
        ) {
            how.push_str(&format!(
                "; recipient: {:?}, the foreign country where it happened",
                r.text
            ));
            recipients.push(r);
        }
    }
    // A later dyad of a joint act shares its trigger: its part tells the ids
    // apart (and leaves every other event's id as it was).
    let (index, start, end, part) = (
        (s.index as u64).to_le_bytes(),
        (trig.start as u64).to_le_bytes(),
        (trig.end as u64).to_le_bytes(),
        (f.part as u64).to_le_bytes(),
    );
    let mut keys: Vec<&[u8]> = vec![
        doc.id.as_bytes(),
        &index,
        &start,
        &end,
        pattern.event.as_str().as_bytes(),
    ];
    if f.part > 0 {
        keys.push(&part);
    }
    let id = stable_hash(&keys);
    let event = Event {
        id: format!("{id:016x}"),
        doc_id: doc.id.clone(),
        sentence: s.index,
        text: s.text.to_string(),
        event_type,
        mode: mode.clone(),
        contexts: pattern.contexts.clone(),
        actors,
        recipients,
        trigger: Trigger {
            text: trig.slice(full).to_string(),
            span: Span::new(trig.start, trig.end),
        },
        date,
        date_text,
        location,
        attribution,
        modality,
        deadline,
        goldstein: cameo.as_deref().and_then(|c| lex.goldstein(c)),
        cameo,
        intensity: lex.intensity(event_type, mode.as_deref()),
        quad: event_type.quad().number(),
        rule: format!(
            "{}:{} `{}`; {}",
            pattern.file, pattern.line, pattern.text, how
        ),
        mentions: vec![s.index],
        version: version(lex),
    };
    Keyed {
        actor_keys: f.actors.iter().map(|&k| ms[k].key.clone()).collect(),
        recipient_keys: f.recipients.iter().map(|&k| ms[k].key.clone()).collect(),
        is_title: s.is_title,
        event,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A document published on 2025-08-06 (a Wednesday), for tests.
    pub(crate) fn doc(title: Option<&str>, text: &str) -> Document {
        Document {
            id: "t".into(),
            title: title.map(str::to_string),
            text: text.into(),
            published: Some("2025-08-06".into()),
            ..Document::default()
        }
    }

    fn lex() -> &'static Lexicon {
        Lexicon::builtin().expect("the built-in lexicon loads")
    }

    #[test]
    fn events_carry_the_program_lexicon_and_data_version() {
        let v = version(lex());
        assert!(v.starts_with(lex().version()), "{v}");
        let data = v.strip_prefix(lex().version()).unwrap_or_default();
        assert!(data.starts_with("+data.") && data.len() == 14, "{v}");
        let coded = code(
            &doc(
                None,
                "Russian troops attacked Ukrainian positions on Monday.",
            ),
            lex(),
        );
        assert!(!coded.events.is_empty());
        assert!(coded.events.iter().all(|e| e.version == v));
    }

    /// Every span of every event points at the words it names.
    fn check_spans(d: &Document, coded: &Coded) {
        let full = d.full_text();
        for e in &coded.events {
            assert_eq!(e.trigger.span.slice(&full), e.trigger.text);
            for a in e.actors.iter().chain(&e.recipients) {
                assert_eq!(a.span.slice(&full), a.text);
            }
            assert!(full.contains(&e.text));
        }
    }

    /// The built-in tables with these trigger patterns alone.
    fn lexicon_with(triggers: &str) -> Lexicon {
        Lexicon::from_sources(&dyad_lexicon::Sources {
            triggers,
            cameo_verbs: "pattern\tevent\tmode\tcameo\tcontexts\tframe\n",
            ..dyad_lexicon::Sources::builtin()
        })
        .unwrap()
    }

    /// A pattern that names the negation before its verb (PETRARCH's
    /// `&NEGATVAUXVRB * …`) codes the negated act; the verb alone is
    /// still undone by it.
    #[test]
    fn a_pattern_naming_the_negation_codes_the_negated_act() {
        let lex = lexicon_with(
            "pattern\tevent\tmode\tcameo\tcontexts\tframe\n\
             quarrel+\tACCUSE\t\t111\t\tverb\n\
             not > quarrel+\tREJECT\t\t120\t\tverb\n\
             scold+\tACCUSE\t\t111\t\tverb\n",
        );
        let events = |text: &str| -> Vec<(Option<String>, Modality)> {
            code(&doc(None, text), &lex)
                .events
                .into_iter()
                .map(|e| (e.cameo, e.modality))
                .collect()
        };
        assert_eq!(
            events("France did not quarrel with Germany."),
            [(Some("120".to_string()), Modality::Asserted)]
        );
        assert_eq!(
            events("France did not scold Germany."),
            [(Some("111".to_string()), Modality::Negated)]
        );
    }

    /// Without recoding by modality (PETRARCH's way), an announced act
    /// keeps its pattern's code.
    #[test]
    fn announced_acts_keep_their_code_without_recoding() {
        let mut lex = lexicon_with(
            "pattern\tevent\tmode\tcameo\tcontexts\tframe\naid+\tAID\t\t070\t\tverb\n",
        );
        let coded = |lex: &Lexicon| -> Vec<(dyad_model::EventType, Option<String>)> {
            code(&doc(None, "France will aid Germany."), lex)
                .events
                .into_iter()
                .map(|e| (e.event_type, e.cameo))
                .collect()
        };
        assert_eq!(
            coded(&lex),
            [(dyad_model::EventType::Agree, Some("033".to_string()))]
        );
        lex.recode_by_modality = false;
        assert_eq!(
            coded(&lex),
            [(dyad_model::EventType::Aid, Some("070".to_string()))]
        );
    }

    /// A hosted visit (043) told by a verb of receiving guests is also the
    /// guests' visit (042) to their host; another 043 pattern is not.
    #[test]
    fn a_hosted_visit_is_the_guests_visit_too() {
        let lex = lexicon_with(
            "pattern\tevent\tmode\tcameo\tcontexts\tframe\n\
             host+\tCONSULT\tvisit\t043\t\tverb\n\
             dine+ with\tCONSULT\tvisit\t043\t\tverb\n",
        );
        let coded = |text: &str| -> Vec<(String, Vec<String>, Vec<String>)> {
            code(&doc(None, text), &lex)
                .events
                .into_iter()
                .map(|e| {
                    let codes = |v: &[dyad_model::ActorRef]| -> Vec<String> {
                        v.iter().filter_map(|a| a.cameo.clone()).collect()
                    };
                    (
                        e.cameo.unwrap_or_default(),
                        codes(&e.actors),
                        codes(&e.recipients),
                    )
                })
                .collect()
        };
        let s = |v: &[&str]| -> Vec<String> { v.iter().map(|x| x.to_string()).collect() };
        assert_eq!(
            coded("Ghana hosted the president of Togo on Monday."),
            [
                ("043".to_string(), s(&["GHA"]), s(&["TGOGOV"])),
                ("042".to_string(), s(&["TGOGOV"]), s(&["GHA"])),
            ]
        );
        assert_eq!(
            coded("Ghana dined with the president of Togo on Monday."),
            [("043".to_string(), s(&["GHA"]), s(&["TGOGOV"]))]
        );
    }

    /// Requiring the dyad (PETRARCH's way), a one-sided event is not coded.
    #[test]
    fn a_one_sided_event_needs_no_dyad_unless_required() {
        let mut lex = lexicon_with(
            "pattern\tevent\tmode\tcameo\tcontexts\tframe\naid+\tAID\t\t070\t\tverb\n",
        );
        let count = |lex: &Lexicon, text: &str| code(&doc(None, text), lex).events.len();
        assert_eq!(count(&lex, "France aided."), 1);
        assert_eq!(count(&lex, "France aided Germany."), 1);
        lex.require_dyad = true;
        assert_eq!(count(&lex, "France aided."), 0);
        assert_eq!(count(&lex, "France aided Germany."), 1);
    }

    #[test]
    fn empty_documents_are_diagnostics_not_panics() {
        let c = code_of("   \n ");
        assert!(c.events.is_empty());
        assert_eq!(c.diagnostics[0].message, "the document has no text");
        let mut d = doc(None, "Russia attacked Ukraine on Monday.");
        d.published = Some("soon".into());
        let c = code(&d, lex());
        assert!(c.diagnostics[0].message.contains("not a date"));
        // Without a usable date the event has no date, rather than a guess.
        assert!(c.events.iter().all(|e| e.date.is_none()));
    }

    #[test]
    fn title_events_point_into_the_title() {
        let d = doc(Some("Russia attacks Ukraine"), "Nothing else happened.");
        let c = code(&d, lex());
        assert_eq!(c.events.len(), 1, "{:?}", c.events);
        assert_eq!(c.events[0].sentence, 0);
        check_spans(&d, &c);
    }

    #[test]
    fn a_countrys_possessive_role_is_that_countrys_actor() {
        let d = doc(
            None,
            "Iraq's national security adviser met Syrian President Bashar Assad. \
             Russia's trading partners met in Geneva.",
        );
        let c = code(&d, lex());
        let consult = c
            .events
            .iter()
            .find(|e| e.trigger.text.starts_with("met"))
            .expect("a CONSULT event");
        assert_eq!(
            consult.actors[0].country.as_deref(),
            Some("IRQ"),
            "{consult:?}"
        );
        assert_eq!(
            consult.actors[0].sector.as_deref(),
            Some("GOV"),
            "{consult:?}"
        );
        assert_eq!(consult.actors[0].text, "Iraq's national security adviser");
        check_spans(&d, &c);
    }

    #[test]
    fn the_role_noun_is_the_earlier_actor_with_that_role() {
        let d = doc(
            None,
            "U.S. special envoy Steve Witkoff arrived in Moscow on Wednesday. \
             The envoy met Russian President Vladimir Putin at the Kremlin. \
             Russian troops crossed the border. The troops attacked Ukrainian positions.",
        );
        let c = code(&d, lex());
        let met = c
            .events
            .iter()
            .find(|e| e.trigger.text == "met")
            .expect("the meeting");
        assert_eq!(met.actors[0].text, "envoy");
        assert_eq!(
            met.actors[0].kb_id.as_deref(),
            Some("steve-witkoff"),
            "{met:?}"
        );
        assert_eq!(met.actors[0].cameo.as_deref(), Some("USAGOV"));
        let attack = c
            .events
            .iter()
            .find(|e| e.event_type == dyad_model::EventType::Assault)
            .expect("the attack");
        assert_eq!(
            attack.actors[0].cameo.as_deref(),
            Some("RUSMIL"),
            "{attack:?}"
        );
        check_spans(&d, &c);
        // without an earlier envoy, "the envoy" is only a role
        let d = doc(None, "The envoy met Russian President Vladimir Putin.");
        let c = code(&d, lex());
        assert_eq!(c.events[0].actors[0].kb_id, None, "{:?}", c.events);
    }

    /// The (source cameo codes, recipient cameo codes) of the first event
    /// of type `t`.
    fn dyad_of(c: &Coded, t: dyad_model::EventType) -> (Vec<String>, Vec<String>) {
        let e = c
            .events
            .iter()
            .find(|e| e.event_type == t)
            .unwrap_or_else(|| panic!("no {t:?} event in {:?}", c.events));
        let codes = |v: &[dyad_model::ActorRef]| -> Vec<String> {
            v.iter()
                .map(|a| a.cameo.clone().unwrap_or_default())
                .collect()
        };
        (codes(&e.actors), codes(&e.recipients))
    }

    /// Asserts that none of `texts` codes an event.
    fn assert_no_events(texts: &[&str]) {
        for text in texts {
            let d = dyads(text);
            assert!(d.is_empty(), "{text}: {d:?}");
        }
    }

    /// Asserts that each of `texts` codes exactly one event.
    fn assert_one_event_each(texts: &[&str]) {
        for text in texts {
            assert_eq!(code_of(text).events.len(), 1, "{text}");
        }
    }

    /// The CAMEO codes of each event's actors and recipients.
    fn dyads(text: &str) -> Vec<(String, Vec<String>, Vec<String>)> {
        let codes = |xs: &[dyad_model::ActorRef]| {
            xs.iter()
                .map(|a| a.cameo.clone().unwrap_or_default())
                .collect::<Vec<_>>()
        };
        code_of(text)
            .events
            .iter()
            .map(|e| {
                (
                    e.trigger.text.clone(),
                    codes(&e.actors),
                    codes(&e.recipients),
                )
            })
            .collect()
    }

    #[test]
    fn a_role_of_a_named_country_is_that_countrys_actor() {
        let met = dyads("The prime minister of Kenya met the Ugandan president.");
        assert_eq!(met[0].1, ["KENGOV"], "{met:?}");
        let arrest = dyads("Police in Ghana arrested two men on Monday.");
        assert_eq!(arrest[0].1, ["GHACOP"], "{arrest:?}");
        let from = dyads("Soldiers from Chad attacked the town.");
        assert_eq!(from[0].1, ["TCDMIL"], "{from:?}");
        // a country's name before a nationality adjective shares its role
        let staged = dyads("US and British activists staged a protest in Beijing.");
        assert_eq!(staged[0].1, ["GBROPPCVL", "USAOPPCVL"], "{staged:?}");
        // past a hyphenated modifier of the country's name
        let met = dyads("The Kenyan president met with dissidents from military-ruled Myanmar.");
        assert_eq!(met[0].2, ["MMROPPCVL"], "{met:?}");
        // Armed men in a country may be anyone's.
        let troops = dyads("Troops in Chad attacked the town.");
        assert_eq!(troops[0].1, ["MIL"], "{troops:?}");
    }

    #[test]
    fn an_adverbial_clause_without_a_subject_has_its_clauses() {
        let find = |d: &[(String, Vec<String>, Vec<String>)], t: &str| {
            d.iter().find(|e| e.0 == t).cloned()
        };
        // a gerund after the main clause: the main clause's subject does it
        let d = dyads(
            "Insurgents bombarded the city of Aleppo, killing at least eight people, \
             Syrian state media reported.",
        );
        let killing = find(&d, "killing").expect("killing coded");
        assert_eq!(killing.1, ["REB"], "{d:?}");
        // (people killed in Syria, of no country named, are Syria's)
        assert_eq!(killing.2, ["SYRPPL"], "{d:?}");
        // and a verb conjoined to it
        let d = dyads(
            "Egyptian police opened fire on demonstrators, killing one person and arresting 12.",
        );
        let arresting = find(&d, "arresting").expect("arresting coded");
        assert_eq!(arresting.1, ["EGYCOP"], "{d:?}");
        // a gerund a preposition brings after an object is the object's
        let d = dyads("The president warned opposition activists against staging protests.");
        let staging = find(&d, "staging protests").expect("protest coded");
        assert!(staging.1.iter().all(|a| !a.contains("GOV")), "{d:?}");
        // a speaker named with a place is not a recipient
        let d = dyads(
            "Rebels shelled the town of Juba, killing about 20 people, relief officials \
             in Nairobi said.",
        );
        let killing = find(&d, "killing").expect("killing coded");
        // (people killed in Juba, of no country named, are South Sudan's,
        // not Kenya's)
        assert_eq!(killing.2, ["SSDPPL"], "{d:?}");
    }

    #[test]
    fn an_act_of_force_in_a_foreign_place_is_done_to_its_country() {
        let d = dyads("Russia is conducting military exercises in Alaska.");
        assert_eq!(d[0].2, ["USA"], "{d:?}");
        let d = dyads("Russian jets renewed their bombardment of southern Idlib on Monday.");
        assert_eq!(d[0].2, ["SYR"], "{d:?}");
        let coded = code(
            &doc(None, "Russia is conducting military exercises in Alaska."),
            lex(),
        );
        assert!(coded.events[0]
            .rule
            .contains("the foreign country where it happened"));
        // not at home, not a statement, not a place far from the trigger
        let d = dyads("Russia is conducting military exercises in Siberia.");
        assert!(d[0].2.is_empty(), "{d:?}");
        let d = dyads("Russia criticised the exercises in Alaska.");
        assert!(d.iter().all(|e| e.2 != ["USA"]), "{d:?}");
    }

    #[test]
    fn a_passive_agent_the_parser_made_an_object_is_still_the_source() {
        let d = dyads("One suspected British member was arrested by Iraqi Kurds and remains detained in Erbil.");
        let arrested = d.iter().find(|e| e.0 == "arrested").expect("arrest coded");
        assert_eq!(arrested.1, ["IRQCVL"], "{d:?}");
        assert_eq!(arrested.2, ["GBR"], "{d:?}");
        // the state it leaves him in is no second act, nor his own
        assert!(d.iter().all(|e| e.1 != ["GBR"]), "{d:?}");
    }

    #[test]
    fn the_sender_of_a_message_answered_is_its_recipient() {
        let d = dyads("Pakistan rejected a fresh offer from Afghanistan for direct talks.");
        assert_eq!(d[0].2, ["AFG"], "{d:?}");
        let d = dyads("Iran rejected Iraqi President Saddam Hussein's proposal for a ceasefire.");
        assert!(d[0].2.len() == 1 && d[0].2[0].starts_with("IRQ"), "{d:?}");
    }

    #[test]
    fn a_protest_is_against_what_its_purpose_or_cause_names() {
        let d = dyads(
            "The activist staged a hunger strike in prison on Sunday in protest against \
             violations by Algerian security forces.",
        );
        assert_eq!(d[0].2, ["DZAMIL"], "{d:?}");
        let d = dyads("Students staged a hunger strike to protest against Sweden's decision.");
        assert_eq!(d[0].2, ["SWE"], "{d:?}");
    }

    #[test]
    fn a_role_by_a_known_place_is_its_countrys() {
        let d = dyads("Officials in Mosul asked the government for help.");
        assert_eq!(d[0].1, ["IRQGOV"], "{d:?}");
        let d = dyads("Israel bombed a drone base in Homs province.");
        assert!(d[0].2.iter().any(|r| r.starts_with("SYR")), "{d:?}");
        // armed men in a place may be anyone's; acronyms and common words
        // are no places
        let d = dyads("Troops in Helmand attacked the town.");
        assert_eq!(d[0].1, ["MIL"], "{d:?}");
        // (the Baloch Liberation Army, not Bla in Mali)
        let d = dyads("BLA insurgents ambushed a bus.");
        assert_eq!(d[0].1, ["PAKREB"], "{d:?}");
    }

    #[test]
    fn an_infinitive_completing_a_noun_is_its_possessors_act() {
        let d = dyads(
            "Donald Trump's decision to withdraw troops from Syria came as a shock to Britain.",
        );
        let w = d
            .iter()
            .find(|e| e.0.starts_with("withdraw"))
            .expect("withdrawal coded");
        assert_eq!(w.1, ["USAGOV"], "{d:?}");
        // a failure or refusal to act is a negated act
        let coded = code(
            &doc(
                None,
                "Russia's refusal to provide aid to Syria came as a shock to Turkey.",
            ),
            lex(),
        );
        let aid = coded
            .events
            .iter()
            .find(|e| e.trigger.text.starts_with("provide"));
        assert_eq!(
            aid.map(|e| e.modality),
            Some(Modality::Negated),
            "{coded:?}"
        );
    }

    #[test]
    fn a_country_is_no_recipient_of_its_own_act() {
        // (a law that allows is no event: see native_triggers_need_a_political_reading)
        let d = dyads("The UK allows Britain to revoke the citizenship of criminals.");
        assert!(!d.is_empty() && d.iter().all(|e| e.2.is_empty()), "{d:?}");
        let d = dyads("China asked Chinese companies to leave Iran.");
        assert!(!d.is_empty() && d.iter().all(|e| e.2 != ["CHN"]), "{d:?}");
    }

    #[test]
    fn a_state_institution_without_a_country_is_the_places() {
        let police = dyads("Police arrested five men in Nairobi on Monday.");
        assert_eq!(police[0].1, ["KENCOP"], "{police:?}");
        let coded = code(
            &doc(None, "Police arrested five men in Nairobi on Monday."),
            lex(),
        );
        assert!(coded.events[0]
            .rule
            .contains("of the country where it happened"));
        // not a proper name, which may be anyone's ("the Foreign Office")
        let office = dyads("The Foreign Office condemned the attack in Nairobi on Monday.");
        assert!(
            office[0].1.iter().all(|a| !a.starts_with("KEN")),
            "{office:?}"
        );
        // nor people abroad, nor armed men
        let envoys = dyads("Diplomats condemned the attack in Nairobi on Monday.");
        assert!(
            envoys[0].1.iter().all(|a| !a.starts_with("KEN")),
            "{envoys:?}"
        );
        let troops = dyads("Troops arrested five men in Nairobi on Monday.");
        assert_eq!(troops[0].1, ["MIL"], "{troops:?}");
    }

    #[test]
    fn the_foreign_country_where_it_happened_is_the_target() {
        let protest = dyads("French activists protested in Beijing on Monday.");
        assert_eq!(protest[0].2, ["CHNGOV"], "{protest:?}");
        let talks = dyads("The foreign minister of Ghana held talks in Togo on Monday.");
        assert_eq!(talks[0].2, ["TGO"], "{talks:?}");
        let summit = dyads("Ghana's president attended a summit on the unrest in Togo.");
        assert_eq!(summit[0].2, ["TGO"], "{summit:?}");
        // At home a place is only where it happened.
        let home = dyads("Kenyan students protested in Nairobi on Monday.");
        assert!(home[0].2.is_empty(), "{home:?}");
        // Several sides agreeing abroad agree among themselves.
        let joint = dyads("Ghana and Togo signed a trade agreement in Paris.");
        assert!(joint[0].2.iter().all(|r| r != "FRAGOV"), "{joint:?}");
        // A named recipient comes first.
        let named = dyads("French activists accused Russia of lying in Beijing.");
        assert_eq!(named[0].2, ["RUS"], "{named:?}");
    }

    #[test]
    fn the_doer_of_a_judged_deed_is_the_target() {
        let condemned =
            dyads("The French government condemned an attack by Chadian soldiers on Thursday.");
        assert_eq!(condemned[0].1, ["FRAGOV"], "{condemned:?}");
        assert_eq!(condemned[0].2, ["TCDMIL"], "{condemned:?}");
        let welcomed = dyads("Kenya welcomed the decision by Uganda to reopen the border.");
        assert_eq!(welcomed[0].2, ["UGA"], "{welcomed:?}");
    }

    #[test]
    fn an_organisation_is_known_by_its_acronym_in_capitals() {
        let refused = dyads("UNITA refused to free the prisoners.");
        assert_eq!(refused[0].1, ["AGOREB"], "{refused:?}");
    }

    #[test]
    fn ordinary_people_named_by_no_country_are_the_country_where_they_act() {
        let students = dyads("Thousands of students blocked streets in Jakarta on Monday.");
        assert_eq!(students[0].1, ["IDNEDU"], "{students:?}");
        let marchers = dyads("Protesters marched in Khartoum on Thursday.");
        assert_eq!(marchers[0].1, ["SDNOPPCVL"], "{marchers:?}");
        // people of a descent are not their ancestors' state
        let killed =
            dyads("Chilean troops killed three ethnic Peruvians in a gunbattle in northern Chile.");
        assert_eq!(killed[0].2, ["CHLCVL"], "{killed:?}");
        // the opposition as a party is at home too
        let leaders =
            dyads("Leaders of the opposition coalition agreed to postpone the rally in Lima until Friday.");
        assert_eq!(leaders[0].1, ["PERPTYOPP"], "{leaders:?}");
        // workers abroad may be anyone's
        let workers = dyads("Aid workers visited the camps in northern Syria.");
        assert_eq!(workers[0].1, ["LAB"], "{workers:?}");
    }

    #[test]
    fn a_passive_subject_may_be_the_patterns_noun() {
        let imposed = dyads("New sanctions were imposed on Iran by the United States.");
        assert_eq!(
            imposed,
            [(
                "imposed".to_string(),
                vec!["USA".to_string()],
                vec!["IRN".to_string()]
            )]
        );
        let presented = dyads("Evidence against Russia was presented by the US.");
        assert_eq!(presented[0].1, ["USA"], "{presented:?}");
        assert_eq!(presented[0].2, ["RUS"], "{presented:?}");
        // not sent: negated, and the troops are no recipient
        let sent = code_of("Troops were not sent until the following year.");
        assert!(
            sent.events.iter().all(|e| e.recipients.is_empty()),
            "{:?}",
            sent.events
        );
    }

    #[test]
    fn a_weapons_own_doer_did_what_it_did() {
        let killed =
            dyads("Three Kenyan soldiers were killed by a rocket fired by Somali militants.");
        assert_eq!(killed[0].1, ["SOMUAF"], "{killed:?}");
        assert_eq!(killed[0].2, ["KENMIL"], "{killed:?}");
    }

    #[test]
    fn government_before_a_noun_is_no_pattern_noun() {
        let cameo: Vec<String> =
            code_of("Kenyan rebels attacked government troops near the border.")
                .events
                .iter()
                .filter_map(|e| e.cameo.clone())
                .collect();
        assert_eq!(cameo, ["190"]);
    }

    #[test]
    fn a_state_at_home_and_its_people_or_challengers_share_a_country() {
        let arrested = dyads("Kenyan police arrested dozens of protesters on Monday.");
        assert_eq!(arrested[0].2, ["KENOPPCVL"], "{arrested:?}");
        let rejected = dyads("Kenyan rebels rejected an appeal from the government.");
        assert_eq!(rejected[0].2, ["KENGOV"], "{rejected:?}");
        // foreign troops support rebels too: no country is guessed
        let supported = dyads("Kenyan rebels were supported by troops.");
        assert!(
            supported
                .iter()
                .all(|d| d.1.iter().chain(&d.2).all(|c| c != "KENMIL")),
            "{supported:?}"
        );
    }

    #[test]
    fn the_other_side_of_a_gift_or_a_deed_is_the_target() {
        // (the giver is the source: the weapons are the Ugandan
        // government's aid to the rebels)
        let received = dyads("Kenyan rebels received weapons from the Ugandan government.");
        assert_eq!(received[0].1, ["UGAGOV"], "{received:?}");
        assert_eq!(received[0].2, ["KENREB"], "{received:?}");
        let thanked = dyads("The Kenyan government expressed appreciation for Japan's assistance.");
        assert_eq!(thanked[0].2, ["JPN"], "{thanked:?}");
    }

    #[test]
    fn common_verbs_of_criticism_arrest_and_thanks_are_coded() {
        let cameo = |text: &str| -> Vec<String> {
            code_of(text)
                .events
                .iter()
                .filter_map(|e| e.cameo.clone())
                .collect()
        };
        assert_eq!(
            cameo("The Kenyan government deplored the Ugandan raid."),
            ["111"]
        );
        assert_eq!(
            cameo("Kenya complained to Uganda about the border."),
            ["114"]
        );
        assert_eq!(
            cameo("Kenyan police apprehended two Ugandan smugglers."),
            ["173"]
        );
        assert_eq!(cameo("Kenya thanked Japan for its help."), ["051"]);
        // "exiled" before a noun describes people; it is no expulsion.
        assert!(cameo("Kenya welcomed two exiled Ugandan dissidents.")
            .iter()
            .all(|c| !c.starts_with("17")));
    }

    #[test]
    fn a_speaker_announcing_its_own_measure_is_its_source() {
        let coded = code_of("Kenya said on Monday it would tighten the blockade of the port.");
        let blockade = coded
            .events
            .iter()
            .find(|e| e.trigger.text.contains("blockade"))
            .expect("the blockade is coded");
        assert_eq!(
            blockade.actors[0].country.as_deref(),
            Some("KEN"),
            "{blockade:?}"
        );
    }

    #[test]
    fn a_nationality_adjective_stands_for_its_country() {
        use dyad_model::EventType;
        // an adjective before a noun the actor base does not know
        let c = code_of("Polish tractors blockaded a Lithuanian border crossing.");
        assert_eq!(dyad_of(&c, EventType::Coerce).0, vec!["POL"]);
        // a country among the subject's modifiers
        let c = code_of("Inhabitants of the Syrian Golan Heights threatened to strike.");
        assert_eq!(dyad_of(&c, EventType::Threaten).0, vec!["SYR"]);
    }

    #[test]
    fn a_pronoun_subject_is_the_subject_of_the_clause_above() {
        use dyad_model::EventType;
        let c = code_of("Palestinian leaders said they would boycott talks with Israel.");
        // announced, so a threat to protest
        assert_eq!(dyad_of(&c, EventType::Threaten).0, vec!["PSE"]);
        let c = code_of("Iraq's interim government announced that it is prepared to hold talks.");
        assert_eq!(dyad_of(&c, EventType::Agree).0, vec!["IRQGOV"]);
    }

    #[test]
    fn getting_ready_to_act_is_no_readiness_stance() {
        use dyad_model::EventType;
        // "is prepared to": a readiness to talk, an intent (AGREE)
        let c = code_of("Greece is prepared to hold talks with Turkey.");
        assert_eq!(
            dyad_of(&c, EventType::Agree),
            (vec!["GRC".into()], vec!["TUR".into()])
        );
        // "prepared to" as a main verb: getting ready; neither an agreement
        // nor talks held yet
        let c = code_of("The Greek premier prepared to hold talks with Turkey.");
        assert!(c.events.is_empty(), "{:?}", c.events);
        // getting ready to attack is still a threat
        let c = code_of("The Turkish army prepared to attack Greek positions.");
        assert_eq!(dyad_of(&c, EventType::Threaten).0, vec!["TURMIL"]);
    }

    #[test]
    fn a_participle_after_its_noun_tells_what_was_done_to_the_noun() {
        use dyad_model::EventType;
        // The parser makes "journalists imprisoned …" a clause of its own
        // and leaves "were released" without a subject: the journalists
        // are who was imprisoned (by no one named) and who was released.
        let c = code_of(
            "The journalists imprisoned for acting against Ankara were released \
             yesterday by Erdogan himself.",
        );
        assert_eq!(dyad_of(&c, EventType::Coerce), (vec![], vec!["MED".into()]));
        assert_eq!(
            dyad_of(&c, EventType::Retreat),
            (vec!["TURGOV".into()], vec!["MED".into()])
        );
        // ... and the noun is the subject of the sentence's verb
        let c = code_of("A newspaper based in Cairo has criticized Israel.");
        assert_eq!(
            dyad_of(&c, EventType::Accuse),
            (vec!["MED".into()], vec!["ISR".into()])
        );
    }

    #[test]
    fn releasing_is_an_event_only_when_people_are_released() {
        use dyad_model::EventType;
        let c = code_of("Egypt released the opposition leader.");
        assert_eq!(
            dyad_of(&c, EventType::Retreat),
            (vec!["EGY".into()], vec!["OPPCVL".into()])
        );
        let c = code_of("The journalists held in Cairo were freed by Egypt.");
        assert_eq!(
            dyad_of(&c, EventType::Retreat),
            (vec!["EGY".into()], vec!["MED".into()])
        );
        let c = code_of("Egypt released a report on Libya on Monday.");
        assert!(c.events.is_empty(), "{:?}", c.events);
        // freeing villages is retaking ground, not releasing people
        let c = code_of("Egyptian forces freed several villages from the rebels.");
        assert!(
            c.events.iter().all(|e| e.event_type != EventType::Retreat),
            "{:?}",
            c.events
        );
    }

    #[test]
    fn deepening_ties_is_cooperation_and_seeking_to_is_an_intent() {
        use dyad_model::EventType;
        let coded = |text: &str| -> Vec<(EventType, Option<String>)> {
            code_of(text)
                .events
                .into_iter()
                .map(|e| (e.event_type, e.cameo))
                .collect()
        };
        // done: cooperation between the joint subject's sides
        let c = code_of("Chile and Peru deepened their partnership last year.");
        assert_eq!(
            dyad_of(&c, EventType::Cooperate),
            (vec!["CHL".into()], vec!["PER".into()])
        );
        // sought: an intent to cooperate (CAMEO 031)
        assert_eq!(
            coded("Chile is seeking to strengthen ties with Peru."),
            [(EventType::Agree, Some("031".to_string()))]
        );
        // seeking to do harm is a threat, not the harm
        assert_eq!(
            coded("Peru is seeking to impose sanctions on Bolivia."),
            [(EventType::Threaten, Some("1312".to_string()))]
        );
    }

    #[test]
    fn a_reverse_direction_pattern_makes_the_subject_the_recipient() {
        use dyad_model::EventType;
        let c = code_of("Peru faces strong pressure from Chile.");
        assert_eq!(
            dyad_of(&c, EventType::Request),
            (vec!["CHL".to_string()], vec!["PER".to_string()])
        );
        // its noun in the plural too
        let c = code_of("Peru received assurances from Chile.");
        assert_eq!(
            dyad_of(&c, EventType::Agree),
            (vec!["CHL".to_string()], vec!["PER".to_string()])
        );
        // faced or received from no one named, it tells of no act
        let c = code_of("Peru faces daily threats.");
        assert!(c.events.is_empty(), "{:?}", c.events);
    }

    #[test]
    fn help_codes_aid_only_as_a_finite_verb_done_to_actors() {
        use dyad_model::EventType;
        let c = code_of("Chile helped Peru after the earthquake.");
        assert_eq!(
            dyad_of(&c, EventType::Aid),
            (vec!["CHL".to_string()], vec!["PER".to_string()])
        );
        // a modal's verb is finite: an intent to help
        let c = code_of("Chile will help Peru.");
        assert_eq!(c.events.len(), 1, "{:?}", c.events);
        // a purpose, or help with no actor, is no event
        for text in [
            "Chile sent funds to help Peru.",
            "Chile helped the economy grow.",
        ] {
            let c = code_of(text);
            assert!(c.events.is_empty(), "{text}: {:?}", c.events);
        }
    }

    #[test]
    fn a_side_that_tells_of_another_sides_attack_accuses_it() {
        use dyad_model::EventType;
        let c = code_of("Chile said that Peru had attacked Bolivia.");
        assert_eq!(
            dyad_of(&c, EventType::Accuse),
            (vec!["CHL".to_string()], vec!["PER".to_string()])
        );
        // the attack is still coded, told by Chile
        let attack = c.events.iter().find(|e| e.event_type == EventType::Assault);
        assert!(
            attack.is_some_and(|e| e.attribution.is_some()),
            "{:?}",
            c.events
        );
        // a source named after the news, a side telling of its own forces,
        // or an attack not made are no accusation
        for text in [
            "Peru attacked Bolivia on Monday, officials in Chile said.",
            "Chile said its forces had attacked Peru.",
            "Chile said that Peru will attack Bolivia.",
        ] {
            let c = code_of(text);
            assert!(
                c.events.iter().all(|e| e.event_type != EventType::Accuse),
                "{text}: {:?}",
                c.events
            );
        }
    }

    #[test]
    fn allege_is_an_accusation_only_as_a_finite_verb() {
        use dyad_model::EventType;
        let c = code_of("Chile alleged that Peru had attacked Bolivia.");
        assert_eq!(
            dyad_of(&c, EventType::Accuse),
            (vec!["CHL".to_string()], vec!["PER".to_string()])
        );
        // what is alleged is not coded as done
        assert!(
            c.events.iter().all(|e| e.event_type != EventType::Assault),
            "{:?}",
            c.events
        );
        let c = code_of("Chile escaped alleged abuses in Peru.");
        assert!(
            c.events.iter().all(|e| e.event_type != EventType::Accuse),
            "{:?}",
            c.events
        );
    }

    #[test]
    fn a_participle_describing_a_noun_with_no_doer_is_background() {
        use dyad_model::EventType;
        let c = code_of("Chile freed a Peruvian activist jailed for two years.");
        assert!(
            c.events.iter().all(|e| e.event_type != EventType::Coerce),
            "{:?}",
            c.events
        );
        assert_eq!(c.events.len(), 1, "{:?}", c.events);
        // with its doer named it is still an event
        let c = code_of("Chile freed a Peruvian activist jailed by Bolivia.");
        assert_eq!(
            dyad_of(&c, EventType::Coerce),
            (vec!["BOL".to_string()], vec!["PEROPPCVL".to_string()])
        );
    }

    #[test]
    fn violence_by_protesters_is_a_riot_unless_with_military_arms() {
        use dyad_model::EventType;
        let c = code_of("Chilean protesters attacked the Peruvian embassy in Santiago.");
        let riot = c.events.iter().find(|e| e.event_type == EventType::Protest);
        assert!(
            riot.is_some_and(
                |e| e.cameo.as_deref() == Some("145") && e.mode.as_deref() == Some("riot")
            ),
            "{:?}",
            c.events
        );
        let c = code_of("Chilean protesters launched missiles at Peru.");
        assert!(
            !c.events.is_empty() && c.events.iter().all(|e| e.event_type == EventType::Assault),
            "{:?}",
            c.events
        );
    }

    #[test]
    fn a_second_that_clause_is_alleged_as_well() {
        use dyad_model::EventType;
        for text in [
            "Chile alleged that Peru knew of the plan, and that Peruvian troops attacked Bolivia.",
            // the second clause parsed as joined to "released", not to the
            // first complement
            "A 500-page report released Tuesday in the Chilean capital alleged that Peru was \
             aware of preparations for the war, and that the Peruvian military in Chile helped \
             to plan and carry out killings.",
        ] {
            let c = code_of(text);
            assert!(
                c.events.iter().any(|e| e.event_type == EventType::Accuse)
                    && c.events.iter().all(|e| e.event_type != EventType::Assault),
                "{text}: {:?}",
                c.events
            );
        }
    }

    #[test]
    fn what_someone_hopes_or_fears_or_a_thing_aims_at_is_not_done() {
        for text in [
            "Chile said it hoped the Peruvian government would be indicted for war crimes.",
            "Residents fear that Peruvian troops will attack Chile.",
        ] {
            let c = code_of(text);
            assert!(c.events.is_empty(), "{text}: {:?}", c.events);
        }
        // nor the purpose of a thing
        let c = code_of("Chile sent troops on a mission aimed at attacking Peruvian rebels.");
        assert!(
            c.events
                .iter()
                .all(|e| e.event_type != dyad_model::EventType::Assault),
            "{:?}",
            c.events
        );
    }

    #[test]
    fn a_possible_event_is_no_event() {
        use dyad_model::EventType;
        let c = code_of("Chile is exposed to a potential Peruvian attack.");
        assert!(
            c.events.iter().all(|e| e.event_type != EventType::Assault),
            "{:?}",
            c.events
        );
    }

    #[test]
    fn no_one_harmed_and_a_denied_act_are_negated() {
        use dyad_model::Modality;
        for text in [
            "Chile said no Peruvian soldiers were killed.",
            "Peru denied sending troops to Chile.",
            // what a report called baseless tells
            "Chile said reports that it intended to attack Peru were baseless.",
            "Chile said reports that it attacked Peru were \"misleading propaganda.\"",
        ] {
            let c = code_of(text);
            assert!(
                !c.events.is_empty() && c.events.iter().all(|e| e.modality == Modality::Negated),
                "{text}: {:?}",
                c.events
            );
        }
    }

    #[test]
    fn a_report_not_called_baseless_is_no_denial() {
        use dyad_model::Modality;
        for text in [
            "Chile said reports that it attacked Peru were accurate.",
            "Chile attacked Peru, and reports that it was losing were false.",
        ] {
            let c = code_of(text);
            assert!(
                !c.events.is_empty() && c.events.iter().all(|e| e.modality != Modality::Negated),
                "{text}: {:?}",
                c.events
            );
        }
    }

    #[test]
    fn a_verb_and_its_preposition_need_an_actor_after_it() {
        use dyad_model::EventType;
        let c = code_of("Chilean troops came to Peru on Monday.");
        assert!(
            c.events.iter().any(|e| e.event_type == EventType::Consult),
            "{:?}",
            c.events
        );
        for text in [
            "Chilean officials came to the conclusion on Monday.",
            "Chilean officials tried to find out on Monday.",
        ] {
            let c = code_of(text);
            assert!(c.events.is_empty(), "{text}: {:?}", c.events);
        }
    }

    #[test]
    fn what_a_threat_or_a_call_wants_is_not_done() {
        use dyad_model::EventType;
        let c = code_of("Chile made a threat to attack Peru.");
        assert!(
            c.events.iter().all(|e| e.event_type != EventType::Assault),
            "{:?}",
            c.events
        );
        assert_eq!(
            dyad_of(&c, EventType::Threaten),
            (vec!["CHL".to_string()], vec!["PER".to_string()])
        );
        // not even when the noun itself has no source
        let c = code_of("Chile withdrew after a threat to boycott Peru.");
        assert!(c.events.is_empty(), "{:?}", c.events);
    }

    #[test]
    fn an_attack_from_a_place_is_that_places() {
        use dyad_model::EventType;
        let c = code_of("Rockets were fired at Chile from Peru on Monday.");
        assert_eq!(
            dyad_of(&c, EventType::Assault),
            (vec!["PER".to_string()], vec!["CHL".to_string()])
        );
    }

    #[test]
    fn a_passive_without_agent_has_a_recipient_and_no_source() {
        use dyad_model::EventType;
        let c = code_of("Three Iraqi soldiers were killed near the border.");
        let (src, rec) = dyad_of(&c, EventType::Assault);
        assert!(src.is_empty(), "{src:?}");
        assert_eq!(rec, vec!["IRQMIL"]);
        // not in another verb's complement
        let c = code_of("Residents want people to stop getting killed.");
        assert!(c.events.is_empty(), "{:?}", c.events);
    }

    #[test]
    fn joint_sources_meet_each_other_and_fire_at_targets() {
        use dyad_model::EventType;
        let c = code_of("The US, Russia, and Switzerland met on Monday.");
        assert_eq!(
            dyad_of(&c, EventType::Consult),
            (
                vec!["USA".to_string()],
                vec!["RUS".to_string(), "CHE".to_string()]
            )
        );
        let c = code_of("Israel fired rockets at Lebanon on Monday.");
        assert_eq!(dyad_of(&c, EventType::Assault).1, vec!["LBN"]);
    }

    #[test]
    fn event_nouns_take_their_source_from_modifiers_or_the_carrying_verb() {
        use dyad_model::{EventType, Modality};
        let c = code_of("Israel imposed a blockade on Lebanon.");
        assert_eq!(
            dyad_of(&c, EventType::Coerce),
            (vec!["ISR".to_string()], vec!["LBN".to_string()])
        );
        let c = code_of("Palestinian riots continued in Hebron on Monday.");
        assert_eq!(dyad_of(&c, EventType::Protest).0, vec!["PSE"]);
        // a possessive pronoun is the subject of the noun's verb
        let c = code_of("Syrian rebels insisted on their demands.");
        assert_eq!(dyad_of(&c, EventType::Request).0, vec!["SYRREB"]);
        // a verb that undoes the event
        let c = code_of("Israel lifted the blockade on Lebanon.");
        assert!(
            c.events.iter().all(|e| e.event_type != EventType::Coerce),
            "{:?}",
            c.events
        );
        // "no arrests", "not able to make arrests"
        for text in [
            "Indian police made no arrests on Monday.",
            "Indian police will not be able to make arrests.",
        ] {
            let c = code_of(text);
            assert!(
                c.events.iter().all(|e| e.modality == Modality::Negated),
                "{text}: {:?}",
                c.events
            );
        }
    }

    #[test]
    fn verbs_the_surface_reading_misses_and_reported_subjects() {
        use dyad_model::EventType;
        // an adverb before a base form: the parse has it head the clause
        let c = code_of("Moldovan guards routinely beat up Polish detainees.");
        assert_eq!(dyad_of(&c, EventType::Assault).1, vec!["POLOPPCVL"]);
        let c = code_of("Syrian rebels engaged Filipino peacekeepers in a firefight.");
        assert_eq!(
            dyad_of(&c, EventType::Assault),
            (vec!["SYRREB".to_string()], vec!["PHLMIL".to_string()])
        );
        let c = code_of("Gunmen kidnapped two Italian engineers.");
        assert_eq!(dyad_of(&c, EventType::Assault).1, vec!["ITACVL"]);
        // the speaker is not the subject of what is reported
        let c = code_of("Police in Delhi said two cars were set on fire overnight.");
        assert!(
            c.events
                .iter()
                .all(|e| e.actors.iter().all(|a| a.sector.as_deref() != Some("COP"))),
            "{:?}",
            c.events
        );
    }

    #[test]
    fn a_declared_must_is_a_demand_and_a_reported_would_an_announcement() {
        use dyad_model::{EventType, Modality};
        let c = code_of("Russia said on Tuesday that Sudan must return the helicopter.");
        assert_eq!(
            dyad_of(&c, EventType::Request),
            (vec!["RUS".to_string()], vec!["SDN".to_string()])
        );
        // what is demanded is not coded as done
        assert!(
            c.events.iter().all(|e| e.event_type != EventType::Retreat),
            "{:?}",
            c.events
        );
        let c = code_of("Palestinian leaders said they would boycott the elections.");
        let e = c
            .events
            .iter()
            .find(|e| e.event_type == EventType::Threaten)
            .unwrap_or_else(|| panic!("{:?}", c.events));
        assert_eq!(e.modality, Modality::Future);
        assert_eq!(e.cameo.as_deref(), Some("1312"));
    }

    #[test]
    fn indirect_objects_doubled_consonants_and_participles_with_objects() {
        use dyad_model::EventType;
        let c = code_of("Congress is asking Obama to help Iran.");
        // (in 2025 a former president)
        assert_eq!(dyad_of(&c, EventType::Request).1, vec!["USAELI"]);
        let c = code_of("North Korea expelled two Japanese diplomats.");
        // the pattern's noun is no recipient; its adjective is (expelling
        // diplomats reduces relations: SANCTION, not a deportation)
        assert_eq!(
            dyad_of(&c, EventType::Sanction),
            (vec!["PRK".to_string()], vec!["JPNGOV".to_string()])
        );
        // a word of the pattern is no recipient either
        let c = code_of("Russia is conducting military exercises.");
        assert_eq!(dyad_of(&c, EventType::Mobilize).1, Vec::<String>::new());
        let c = code_of("Irish nationalist guerrillas wounded two British soldiers in a bomb attack on Thursday, police said.");
        assert_eq!(dyad_of(&c, EventType::Assault).1, vec!["GBRMIL"]);
    }

    #[test]
    fn readiness_to_do_harm_is_a_threat() {
        use dyad_model::EventType;
        let c = code_of("The Moldovan government said it is prepared to impose a curfew.");
        let e = c
            .events
            .iter()
            .find(|e| e.event_type == EventType::Threaten)
            .unwrap_or_else(|| panic!("{:?}", c.events));
        assert_eq!(e.actors[0].cameo.as_deref(), Some("MDAGOV"));
        assert!(c.events.iter().all(|e| e.event_type != EventType::Agree));
        // an act made conditional on another's
        let c = code_of("Moldova will boycott the elections unless the president resigns.");
        assert_eq!(dyad_of(&c, EventType::Threaten).0, vec!["MDA"]);
    }

    #[test]
    fn a_threat_is_against_who_must_meet_its_condition() {
        use dyad_model::EventType;
        // the condition's subject is the one threatened
        let c = code_of(
            "Peru threatened to stop the negotiations if Bolivia goes ahead with the plan.",
        );
        assert_eq!(
            dyad_of(&c, EventType::Threaten),
            (vec!["PER".to_string()], vec!["BOL".to_string()])
        );
        // "military" only says what kind of offensive it is
        let c = code_of("Iran threatened to launch a new military offensive.");
        assert_eq!(dyad_of(&c, EventType::Threaten).1, Vec::<String>::new());
        // a modifier's own adjective names the side: "against German goods"
        let c = code_of("Peru threatened on Monday to impose restrictions against Chilean goods as talks stalled.");
        assert_eq!(dyad_of(&c, EventType::Threaten).1, vec!["CHL"]);
        // who is asked: "demanded X from Y"
        let c = code_of("Chile demanded an apology from Peru.");
        assert_eq!(dyad_of(&c, EventType::Request).1, vec!["PER"]);
        // where troops are to leave is no one asked
        let c = code_of("Chile demanded the withdrawal of troops from Peru.");
        assert!(
            !dyad_of(&c, EventType::Request)
                .1
                .contains(&"PER".to_string()),
            "{:?}",
            c.events
        );
    }

    #[test]
    fn a_rejected_message_is_its_senders_where_the_parser_hangs_it() {
        use dyad_model::EventType;
        for (text, recipient) in [
            // "by" and "from" hung on the verb
            (
                "The US on Thursday rejected calls by Kofi Annan, UN secretary-general, to adopt reforms.",
                "IGOUNO",
            ),
            (
                "Chile's foreign minister has refused to respond to a demand from the Peruvian President to adhere to the deal.",
                "PERGOV",
            ),
            // a date taken for the object
            (
                "Beirut again rejected Thursday a United Nations appeal for deploying troops.",
                "IGOUNO",
            ),
            // the possessor taken for the object
            (
                "Iran's religious leader Ayatollah Ruhollah Khomeini today rejected Iraqi President Saddam Hussein's proposal for a cease-fire.",
                // (undated: the title the text gives him, not his last
                // known standing, a former leader)
                "IRQGOV",
            ),
        ] {
            let c = code_of(text);
            assert_eq!(dyad_of(&c, EventType::Reject).1, vec![recipient], "{text}");
        }
    }

    #[test]
    fn a_pattern_ending_in_from_takes_its_from_phrase() {
        use dyad_model::EventType;
        // not the next name after the verb ("Israeli")
        let c = code_of(
            "Hundreds of UN troops withdrew from the Syrian to the Israeli-occupied sector of the Golan on Monday.",
        );
        // (armed forces withdrawing: a military retreat)
        assert_eq!(dyad_of(&c, EventType::Retreat).1, vec!["SYR"]);
    }

    #[test]
    fn a_background_participle_the_parser_made_a_clause_is_not_coded() {
        use dyad_model::EventType;
        // "imprisoned" describes the students; the parser hung it on
        // "released" as a clause of its own
        let c = code_of(
            "The students imprisoned for acting against Caracas were released yesterday by Maduro himself",
        );
        let types: Vec<_> = c.events.iter().map(|e| e.event_type).collect();
        assert_eq!(types, [EventType::Retreat], "{:?}", c.events);
    }

    #[test]
    fn a_gerund_after_a_comma_is_done_by_the_doer_of_the_act_before() {
        use dyad_model::EventType;
        // not by "the city" just left of it
        let c = code_of(
            "Meanwhile, Peruvian jets renewed their bombardment of southern Tumbes, intensively attacking the city of Zarumilla, killing four people.",
        );
        let killing = c
            .events
            .iter()
            .find(|e| e.trigger.text == "killing")
            .unwrap_or_else(|| panic!("{:?}", c.events));
        assert_eq!(killing.event_type, EventType::Assault);
        let doers: Vec<_> = killing
            .actors
            .iter()
            .filter_map(|a| a.cameo.as_deref())
            .collect();
        assert_eq!(doers, ["PER"]);
    }

    #[test]
    fn killed_in_police_firing_is_done_by_the_police() {
        use dyad_model::EventType;
        let c = code_of("two youths were killed in police firing.");
        assert_eq!(dyad_of(&c, EventType::Assault).0, vec!["COP"]);
        // tear gas and the baton charge: repression (175)
        let c = code_of("Chilean police burst tear-gas shells at the crowd.");
        assert_eq!(dyad_of(&c, EventType::Assault).0, vec!["CHLCOP"]);
        let c = code_of("Chilean police lathicharged the crowd.");
        assert_eq!(dyad_of(&c, EventType::Assault).0, vec!["CHLCOP"]);
        // taken into custody: an arrest
        let c = code_of("Chilean police took five men into custody.");
        assert_eq!(dyad_of(&c, EventType::Coerce).0, vec!["CHLCOP"]);
    }

    #[test]
    fn taken_from_and_mobilised_against() {
        use dyad_model::EventType;
        // whom weapons are taken from
        let c = code_of("Chilean police confiscated weapons from Peruvian rebels.");
        assert_eq!(dyad_of(&c, EventType::Coerce).1, vec!["PERREB"]);
        // the reservists mobilised are no target; the war's enemy is
        let c = code_of("Chile mobilized army reservists for a possible war against Peru.");
        assert_eq!(dyad_of(&c, EventType::Mobilize).1, vec!["PER"]);
    }

    #[test]
    fn crowds_counted_in_thousands_and_what_they_defy() {
        use dyad_model::EventType;
        // "tens of thousands of students", the students throughout the country
        let c = code_of(
            "Tens of thousands of university students throughout Chile staged mass demonstrations on Saturday.",
        );
        assert_eq!(dyad_of(&c, EventType::Protest).0, vec!["CHLEDU"]);
        // a protest in defiance of someone is against them
        let c = code_of(
            "Thousands of people blocked streets in Lima in defiance of Chilean authorities.",
        );
        assert_eq!(dyad_of(&c, EventType::Protest).1, vec!["CHLGOV"]);
    }

    #[test]
    fn words_that_look_like_events_and_those_that_are() {
        use dyad_model::EventType::{
            Agree, Assault, Coerce, Consult, Cooperate, Mobilize, Protest, Reject, Request,
            Sanction, Support,
        };
        // (sentence, event type, how many events of it)
        let cases = [
            // a demonstration or rally of something shown is no protest
            (
                "Japan held naval exercises with India to demonstrate its naval strength.",
                Protest,
                0,
            ),
            (
                "Thousands of Chileans marched in Santiago against the government.",
                Protest,
                1,
            ),
            // recognising a need recognises no one; a treaty is recognised
            (
                "The Chilean government recognises the need to adjust its policies.",
                Support,
                0,
            ),
            ("Peru said it would not recognise the treaty.", Reject, 1),
            // a readiness to be something agrees to nothing
            ("It shows how reckless Peru is prepared to be.", Agree, 0),
            // a participle hyphened to a word before a noun is an adjective
            (
                "Government-supported research groups in Peru continue to experiment.",
                Support,
                0,
            ),
            (
                "Police said the girl was gang-raped by three men in Lima.",
                Assault,
                1,
            ),
            // armed forces on the march show their force; others protest
            (
                "Chilean troops marched deeper into a rebel-held district of Lima.",
                Protest,
                0,
            ),
            (
                "Chilean troops marched deeper into a rebel-held district of Lima.",
                Mobilize,
                1,
            ),
            ("The army staged a flag march in Lima.", Mobilize, 1),
            (
                "Thousands of students marched in Lima against the government.",
                Protest,
                1,
            ),
            // asking or declining to be named is no request or refusal
            (
                "Peruvian officials, who asked not to be identified, said Chile would pay.",
                Request,
                0,
            ),
            (
                "A Peruvian official, who declined to be named, said Chile would pay.",
                Reject,
                0,
            ),
            ("Peru declined to attend the talks.", Reject, 1),
            // what may happen, or what something prepares, has not
            (
                "The risk of a Chilean blockade of Peru is rising.",
                Coerce,
                0,
            ),
            (
                "Peru completed preparations for the Chilean assault.",
                Assault,
                0,
            ),
            (
                "Peru struck back in retaliation for a Chilean attack.",
                Assault,
                2,
            ),
            // tariffs are no attack
            ("Peru retaliated with tariffs on Chilean wine.", Assault, 0),
            ("Peru retaliated with tariffs on Chilean wine.", Sanction, 1),
            // a participle after "of" describes its noun
            (
                "After the war, Lima is a panorama of ruined buildings and rubble.",
                Assault,
                0,
            ),
            // an infinitive's "to" is no preposition
            (
                "Peru's ban on Chile's exports is going to be bad for Chile.",
                Consult,
                0,
            ),
            // "start a trade war" starts no trade
            (
                "Peru did not start this trade war with Chile.",
                Cooperate,
                0,
            ),
        ];
        for (text, t, n) in cases {
            let found = code_of(text)
                .events
                .iter()
                .filter(|e| e.event_type == t)
                .count();
            assert_eq!(found, n, "{t:?} in {text:?}");
        }
        // a state recognised is the recipient
        let state = "France recognised the Palestinian state.";
        assert_eq!(dyad_of(&code_of(state), Support).1, vec!["PSE"]);
    }

    #[test]
    fn an_unknown_named_doer_is_no_licence_for_the_nearest_name() {
        use dyad_model::EventType;
        // de Mistura, whom the actor base does not know, boycotts; not
        // Putin, the nearest name to the left
        let c = code_of(
            "But de Mistura may not want to alienate Putin by boycotting the talks in Geneva.",
        );
        assert!(c.events.iter().all(|e| e.event_type != EventType::Protest));
        // a known subject beside it still acts
        let c = code_of("Peru's president Ollanta Humala refused to meet the envoy.");
        assert!(dyad_of(&c, EventType::Reject).0[0].starts_with("PER"));
    }

    #[test]
    fn a_speaker_named_before_an_apposition_is_the_source() {
        use dyad_model::EventType;
        let c = code_of(
            "The Syrian Observatory for Human Rights, a UK-based monitor, said Syrian troops attacked Idlib.",
        );
        let attributed = c
            .events
            .iter()
            .filter_map(|e| e.attribution.as_ref())
            .any(|a| a.text.contains("Syrian Observatory"));
        assert!(attributed, "{:?}", c.events);
        // a participle's clause is no apposition: Baker still defends
        let c = code_of(
            "Treasury Secretary James Baker, defending the strategy, said Peru would pay its debts.",
        );
        assert_eq!(dyad_of(&c, EventType::Support).0.len(), 1);
    }

    #[test]
    fn whom_it_was_told_to_is_no_side() {
        // the news agency told is no actor of what follows
        let c = code_of(
            "The decision was wrong, a Peruvian spokesman told Reuters, declining to give details.",
        );
        assert!(
            c.events
                .iter()
                .flat_map(|e| &e.actors)
                .all(|a| !a.text.contains("Reuters")),
            "{:?}",
            c.events
        );
    }

    #[test]
    fn who_died_in_an_attack_underwent_it() {
        use dyad_model::EventType;
        // the police fired; the 97 who died are the recipients
        let c = code_of("In Ahmedabad, 97 protesters died in police firing on Friday.");
        let (actors, recipients) = dyad_of(&c, EventType::Assault);
        assert_eq!(actors, vec!["INDCOP"]);
        assert_eq!(recipients, vec!["INDOPPCVL"]);
    }

    #[test]
    fn whose_thing_it_is_with_no_one_else_named() {
        use dyad_model::EventType;
        let c = code_of("Zelenskyy dismissed Putin's response as deliberately setting conditions.");
        assert_eq!(dyad_of(&c, EventType::Reject).1, vec!["RUSGOV"]);
    }

    #[test]
    fn a_visit_is_to_the_country_abroad_where_it_happens() {
        use dyad_model::EventType;
        let c =
            code_of("Peru's foreign minister arrived in Santiago on a surprise visit on Monday.");
        assert_eq!(dyad_of(&c, EventType::Consult).1, vec!["CHLGOV"]);
    }

    #[test]
    fn a_meeting_needs_another_side() {
        use dyad_model::EventType;
        let consults = |text: &str| {
            code_of(text)
                .events
                .iter()
                .filter(|e| e.event_type == EventType::Consult)
                .count()
        };
        assert_eq!(consults("Peru's cabinet met on Sunday."), 0);
        assert_eq!(consults("The UN Security Council met on Friday."), 0);
        assert_eq!(
            consults("The Peruvian president met Chile's foreign minister on Sunday."),
            1
        );
        // a name the actor base does not know is still another side
        assert_eq!(
            consults("Peru's president met Jorge Zevallos on Sunday."),
            1
        );
    }

    #[test]
    fn harm_done_by_a_thing_names_no_doer_but_its_by_phrase() {
        use dyad_model::EventType;
        // the nearest name to the left ("town", then the soldier himself) is
        // no doer
        let c = code_of(
            "A roadside bombing near the town of Samarra on Sunday killed one U.S. soldier and wounded two others.",
        );
        let harm: Vec<_> = c
            .events
            .iter()
            .filter(|e| e.event_type == EventType::Assault)
            .map(|e| (e.actors.len(), e.recipients.len()))
            .collect();
        assert_eq!(harm, [(0, 1)], "{:?}", c.events);
        let c = code_of("Air strikes by Syrian planes have killed more than 600 civilians.");
        assert_eq!(dyad_of(&c, EventType::Assault).0, vec!["SYR"]);
    }

    #[test]
    fn a_subject_is_known_by_its_possessor_or_the_name_before_it() {
        use dyad_model::EventType;
        let c = code_of("Peru's security chief has warned Bolivia.");
        assert_eq!(dyad_of(&c, EventType::Threaten).0, vec!["PER"]);
        let c = code_of("The Hezbollah (Party of God) group declared a ceasefire on Monday.");
        assert_eq!(dyad_of(&c, EventType::Retreat).0, vec!["LBNREB"]);
    }

    #[test]
    fn stances_plans_and_event_nouns_in_compounds() {
        use dyad_model::EventType;
        let types = |text: &str| -> Vec<EventType> {
            code_of(text).events.iter().map(|e| e.event_type).collect()
        };
        // readiness to lift a ban is no threat to ban
        let t = types("Chile said it is prepared to lift the ban on the party.");
        assert!(!t.contains(&EventType::Threaten), "{t:?}");
        assert!(t.contains(&EventType::Agree), "{t:?}");
        // a planned sanction is announced: a threat
        let t = types("Peru plans to impose sanctions on Bolivia.");
        assert_eq!(t, [EventType::Threaten]);
        // "a mediation effort": the event noun in a compound
        let c = code_of("Norway launched a mediation effort between Chile and Peru.");
        assert_eq!(dyad_of(&c, EventType::Consult).0, vec!["NOR"]);
        // "ended the mediation effort" carries out no mediation
        let t = types("Norway ended its mediation effort between Chile and Peru.");
        assert!(!t.contains(&EventType::Consult), "{t:?}");
        let c = code_of("Kenya speeded up the withdrawal of its troops from Somalia.");
        assert_eq!(dyad_of(&c, EventType::Retreat).0, vec!["KEN"]);
    }

    #[test]
    fn trigger_rows_for_common_verbs_of_cooperation_refusal_and_pressure() {
        use dyad_model::EventType;
        let cases = [
            (
                "Spain expelled three Cuban diplomats.",
                EventType::Sanction,
                "ESP",
            ),
            // bombs thrown, planted, set off
            (
                "Militants lobbed a grenade at a police vehicle.",
                EventType::Assault,
                "UAF",
            ),
            (
                "Chilean rebels detonated two bombs on the highway.",
                EventType::Assault,
                "CHLREB",
            ),
            (
                "Chilean police fired 15 rounds to disperse the crowd.",
                EventType::Assault,
                "CHLCOP",
            ),
            (
                "Chilean police prevented the demonstration staged by students.",
                EventType::Coerce,
                "CHLCOP",
            ),
            (
                "Chile reneged on its commitment to Peru.",
                EventType::Reject,
                "CHL",
            ),
            (
                "Argentina is opposed to Chilean mediation.",
                EventType::Reject,
                "ARG",
            ),
            (
                "French farmers blocked streets in Lyon.",
                EventType::Protest,
                "FRAAGR",
            ),
            (
                "Egyptian troops remained on alert.",
                EventType::Mobilize,
                "EGYMIL",
            ),
            ("Japan reduced aid to Myanmar.", EventType::Sanction, "JPN"),
            (
                "Iraqi Kurds sought asylum in Sweden.",
                EventType::Request,
                "IRQCVL",
            ),
            (
                "Russian hackers hacked into the computers of Estonian ministries.",
                EventType::Coerce,
                "RUS",
            ),
            (
                "Serbian forces carried out ethnic cleansing in the province.",
                EventType::Assault,
                "SRBMIL",
            ),
            (
                "Egypt handed over food aid to Sudan.",
                EventType::Aid,
                "EGY",
            ),
            (
                "Iran shared expertise with Syria.",
                EventType::Cooperate,
                "IRN",
            ),
            (
                "Jordan agreed in principle on Monday to provide aid to Syria.",
                EventType::Agree,
                "JOR",
            ),
        ];
        for (text, t, source) in cases {
            let c = code_of(text);
            assert_eq!(dyad_of(&c, t).0, vec![source], "{text}");
        }
        // the mediation opposed and the aid agreed to are no events of
        // their own
        let c = code_of("Argentina is opposed to Chilean mediation.");
        assert!(c.events.iter().all(|e| e.event_type != EventType::Consult));
        let c = code_of("Jordan agreed in principle on Monday to provide aid to Syria.");
        assert!(c.events.iter().all(|e| e.event_type != EventType::Aid));
    }

    #[test]
    fn a_verb_and_its_object_beyond_the_gap_and_participles_in_noun_phrases() {
        use dyad_model::{EventType, Modality};
        // the object is more than four words from the verb
        let c = code_of("Chile lifted on Monday a week-old blockade of the port.");
        assert_eq!(dyad_of(&c, EventType::Retreat).0, vec!["CHL"]);
        let c = code_of("The Sudanese government shortened by two hours the curfew in Khartoum.");
        assert_eq!(dyad_of(&c, EventType::Concede).0, vec!["SDNGOV"]);
        // "tons of aid": the measure's of-phrase; announced, so an intent
        let c = code_of(
            "The World Bank will provide nearly 40,000 tons of emergency food aid to Haiti.",
        );
        let e = c
            .events
            .iter()
            .find(|e| e.event_type == EventType::Agree)
            .unwrap_or_else(|| panic!("{:?}", c.events));
        assert_eq!(e.modality, Modality::Future);
        // "its long-threatened invasion" is an invasion, not a threat
        let c = code_of("Kenya mounted its long-threatened invasion of Somalia.");
        assert!(c.events.iter().all(|e| e.event_type != EventType::Threaten));
        assert_eq!(dyad_of(&c, EventType::Assault).0, vec!["KEN"]);
        // "engaged in" is no passive
        let c = code_of("Serbian forces were engaged in ethnic cleansing in the province.");
        assert_eq!(dyad_of(&c, EventType::Assault).0, vec!["SRBMIL"]);
    }

    #[test]
    fn commitment_suspension_and_allowing_access() {
        use dyad_model::EventType;
        let c = code_of("Ghana is committed to opening its borders to Togo.");
        assert_eq!(dyad_of(&c, EventType::Agree).0, vec!["GHA"]);
        let c = code_of("Italy announced a suspension of flights to Libya.");
        assert_eq!(dyad_of(&c, EventType::Sanction).0, vec!["ITA"]);
        // allowing inspectors in, announced: an intent (CAMEO 035)
        let c = code_of("Iraq said it would allow the return of UN inspectors.");
        assert_eq!(dyad_of(&c, EventType::Agree).0, vec!["IRQ"]);
    }

    #[test]
    fn a_vow_to_fight_is_a_threat_and_denying_visas_a_refusal() {
        use dyad_model::EventType;
        let c = code_of("Kurdish rebels have sworn to fight until Turkey withdraws.");
        assert_eq!(dyad_of(&c, EventType::Threaten).0, vec!["REB"]);
        assert!(c.events.iter().all(|e| e.event_type != EventType::Agree));
        let c = code_of("Turkey denied visas to Greek journalists.");
        assert_eq!(dyad_of(&c, EventType::Reject).0, vec!["TUR"]);
    }

    #[test]
    fn surrender_demobilization_and_reinforcement_are_coded() {
        use dyad_model::EventType;
        for (text, t) in [
            ("Ugandan rebels surrendered last week.", EventType::Retreat),
            (
                "Israel has strengthened its forces in Lebanon.",
                EventType::Mobilize,
            ),
            (
                "Czechia and Albania have upgraded their diplomatic ties.",
                EventType::Support,
            ),
            (
                "The Latvian court cancelled restrictions on the press.",
                EventType::Concede,
            ),
            (
                "Algerian activists staged a hunger strike on Sunday.",
                EventType::Protest,
            ),
            (
                "Mexican border agents sexually abused Guatemalan migrants.",
                EventType::Assault,
            ),
            (
                "The Mozambique government accepted demands from the rebels.",
                EventType::Concede,
            ),
        ] {
            let c = code_of(text);
            assert!(
                c.events.iter().any(|e| e.event_type == t),
                "{text}: {:?}",
                c.events
            );
        }
    }

    #[test]
    fn not_cooperating_is_a_refusal() {
        use dyad_model::{EventType, Modality};
        for (text, code) in [
            ("Syria says it will not accept any more refugees.", "120"),
            ("Moldova would not meet Romanian negotiators.", "125"),
            (
                "Palestinians and Israelis failed to reach agreement.",
                "120",
            ),
            // (unwilling, reluctant or unable to)
            ("Germany is reluctant to send troops to Mali.", "121"),
            ("Chad was unable to reach agreement with Niger.", "120"),
            (
                "Brazil has so far been unwilling to accept any proposal.",
                "120",
            ),
        ] {
            let c = code_of(text);
            let e = c
                .events
                .iter()
                .find(|e| e.event_type == EventType::Reject)
                .unwrap_or_else(|| panic!("{text}: {:?}", c.events));
            assert_ne!(e.modality, Modality::Negated, "{text}");
            assert_eq!(e.cameo.as_deref(), Some(code), "{text}");
        }
        // a negated attack is no refusal, nor is a plain "has not agreed"
        for text in [
            "Russia did not attack Ukraine.",
            "Russia has not agreed to a ceasefire.",
        ] {
            let c = code_of(text);
            assert!(
                c.events.iter().all(|e| e.modality == Modality::Negated),
                "{text}: {:?}",
                c.events
            );
        }
    }

    fn code_of(text: &str) -> Coded {
        code(&doc(None, text), lex())
    }

    #[test]
    fn an_event_is_dated_by_its_own_clause() {
        use dyad_model::EventType;
        let dated = |text: &str| -> Vec<(EventType, String, Option<String>)> {
            code_of(text)
                .events
                .into_iter()
                .map(|e| (e.event_type, e.date.unwrap_or_default(), e.date_text))
                .collect()
        };
        // Published Wednesday 2025-08-06.
        let e = dated("Steve Witkoff met Vladimir Putin in Moscow on Tuesday.");
        assert!(
            e.contains(&(
                EventType::Consult,
                "2025-08-05".into(),
                Some("on Tuesday".into())
            )),
            "{e:?}"
        );
        // Monday is when Putin flew in, not when they met: the meeting
        // takes the publication date.
        let e = dated("Steve Witkoff met Vladimir Putin who had flown in from Sochi on Monday.");
        let meeting = e
            .iter()
            .find(|x| x.0 == EventType::Consult)
            .expect("a meeting");
        assert_eq!(
            (meeting.1.as_str(), meeting.2.as_deref()),
            ("2025-08-06", None),
            "{e:?}"
        );
        // a when-clause right after an earlier year happened then: no day,
        // the year as its words; not a clause after the when-clause's comma
        let e = dated("The region slid into war in 2012 when militias seized power in the north.");
        assert_eq!(
            e,
            [(EventType::Assault, String::new(), Some("in 2012".into()))]
        );
        let e =
            dated("The minister, who resigned in 2019 when the scandal broke, condemned Russia.");
        assert!(
            e.contains(&(EventType::Accuse, "2025-08-06".into(), None)),
            "{e:?}"
        );
        // what is announced is dated by the announcement's period before it
        let e = dated("Peru announced last month that it would impose sanctions on Chile.");
        assert_eq!(
            e,
            [(
                EventType::Threaten,
                String::new(),
                Some("last month".into())
            )]
        );
        // "in January" that the parser hung on a place of the trigger's
        // phrase
        let e = dated("Peru launched an offensive towards the Chilean port of Arica in January.");
        assert_eq!(
            e,
            [(EventType::Assault, String::new(), Some("in January".into()))]
        );
    }

    #[test]
    fn same_input_same_output() {
        let d = doc(
            Some("Talks in Geneva"),
            "Iran and the United States held talks in Geneva on Friday. Israel struck Gaza.",
        );
        assert_eq!(code(&d, lex()), code(&d, lex()));
    }

    /// An event as (CAMEO or trigger words, source codes, recipient codes).
    type Dyad = (String, Vec<String>, Vec<String>);

    /// Each event of `text` as (CAMEO, source codes, recipient codes).
    fn coded_dyads(text: &str) -> Vec<Dyad> {
        cameo_dyads(&code_of(text))
    }

    /// Asserts that each text codes the events given as [`coded_dyads`].
    fn assert_coded_dyads(cases: &[(&str, Vec<Dyad>)]) {
        for (text, expected) in cases {
            assert_eq!(&coded_dyads(text), expected, "{text}");
        }
    }

    /// The events coded as (CAMEO, source codes, recipient codes).
    fn cameo_dyads(c: &Coded) -> Vec<Dyad> {
        let codes = |xs: &[dyad_model::ActorRef]| -> Vec<String> {
            xs.iter()
                .map(|a| a.cameo.clone().unwrap_or_default())
                .collect()
        };
        c.events
            .iter()
            .map(|e| {
                (
                    e.cameo.clone().unwrap_or_default(),
                    codes(&e.actors),
                    codes(&e.recipients),
                )
            })
            .collect()
    }

    /// One row of [`dyads`] (a trigger's words) or [`coded_dyads`] (a CAMEO
    /// code), with its actors' and recipients' codes.
    fn dyad(code: &str, sources: &[&str], recipients: &[&str]) -> Dyad {
        let own = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect();
        (code.to_string(), own(sources), own(recipients))
    }

    #[test]
    fn who_and_a_possessive_pronoun_stand_for_the_doer() {
        let cases = [
            // the people a possessive pronoun of the doer names are the
            // doer's country's, not that of a place the sentence names
            (
                "Britain has been left alone in the face of an aggressive Russia, an emboldened China and the cruelty of the Syrian president, Bashar al-Assad, who has shelled his own people.",
                vec![dyad("194", &["SYRGOV"], &["SYRPPL"])],
            ),
            (
                "Ghana refused to send troops to Mali and urged its citizens to leave.",
                vec![
                    // (the troops are Ghana's own: Mali is the recipient)
                    dyad("120", &["GHA"], &["MLI"]),
                    dyad("100", &["GHA"], &["GHACVL"]),
                ],
            ),
            // (and the other side of a domestic pair still gets its country)
            (
                "Kenyan rebels demanded the removal of President Ngugi Kamau and his ruling party.",
                vec![dyad("100", &["KENREB"], &["KENGOV", "KENGOV"])],
            ),
            // a "who" the parser hung on a noun that names no one is the
            // person named right before it
            (
                "Their policies have left Europe “divided and weak” in the midst of grave challenges, she said, in the face of a hostile Kremlin, an unstable Gulf and the brutality of Syrian president Bashar al-Assad, who has bombed innocent civilians.",
                vec![dyad("195", &["SYRGOV"], &["CVL"])],
            ),
        ];
        assert_coded_dyads(&cases);
    }

    #[test]
    fn talks_with_someone_are_talks_whoever_holds_them() {
        use dyad_model::Modality;
        let cases = [
            // the possessor of talks, a meeting or negotiations "with"
            // someone talks with them (the verb row "talk+ with" is no
            // verb here)
            (
                "Chile's talks with Peru resumed in Lima on Tuesday.",
                vec![dyad("040", &["CHL"], &["PER"])],
            ),
            (
                "Norway's negotiations with Iceland ended without a deal.",
                vec![dyad("046", &["NOR"], &["ISL"])],
            ),
            // an occurrence that ended happened ...
            (
                "Modi's visit to Nepal ended on Friday.",
                vec![dyad("042", &["INDGOV"], &["NPL"])],
            ),
            // ... a lasting state that ended is undone
            ("Egypt's blockade of Libya ended on Friday.", vec![]),
            // talks with no one named are no talks
            ("Chile's talks with its creditors resumed in Lima.", vec![]),
        ];
        assert_coded_dyads(&cases);
        // the verb whose subject holds the talks tells whether they are
        // held; a circumstance stands however its clause's verb is negated
        assert_one_event_of(
            "Chilean banks would not be involved in the talks with Peru.",
            Modality::Negated,
        );
        assert_one_event_of(
            "Chile did not smile once in its talks with Peru.",
            Modality::Asserted,
        );
    }

    #[test]
    fn congressional_leaders_are_legislators() {
        for text in [
            "Congressional Democrats criticised the Peruvian president.",
            "Congressional leaders criticised the Peruvian president.",
        ] {
            assert_eq!(
                coded_dyads(text),
                [dyad("111", &["LEG"], &["PERGOV"])],
                "{text}"
            );
        }
    }

    #[test]
    fn pressure_to_act_is_coercion_of_whom_it_names() {
        // CAMEO 170, as PETRARCH2's IMPEL block codes "pressure": on the
        // side named before its "to", active or passive
        for text in [
            "The Chilean parliament is pressuring Peru to free the prisoners.",
            "Peru is being pressured by the Chilean parliament to free the prisoners.",
        ] {
            assert_eq!(
                coded_dyads(text),
                [dyad("170", &["CHLLEG"], &["PER"])],
                "{text}"
            );
        }
        // not on anyone named after it, and no one named is no coercion;
        // nor is the noun
        assert_no_events(&[
            "Chile pressured other countries not to repatriate their citizens.",
            "Falling prices pressured the Chilean peso to new lows.",
            "Chile bowed to pressure to lower its tariffs.",
        ]);
    }

    #[test]
    fn headlines_in_capitals_and_title_case_are_read_as_sentences() {
        let title = |t: &str| code(&doc(Some(t), "Nothing else happened."), lex());
        // capitals: the names are found, the verb is a verb
        let c = title("CHILE CONDEMNS PERU OVER FISHING CURBS");
        assert_eq!(cameo_dyads(&c), [dyad("111", &["CHL"], &["PER"])]);
        // and the event shows the title's own words
        let e = &c.events[0];
        assert_eq!(e.text, "CHILE CONDEMNS PERU OVER FISHING CURBS");
        assert_eq!(e.trigger.text, "CONDEMNS");
        assert_eq!(e.actors[0].text, "CHILE");
        assert_eq!(e.recipients[0].text, "PERU");
        // title case: the verb is a verb; initials and acronyms stay names
        assert_eq!(
            cameo_dyads(&title("Chile Condemns Peru Over Fishing Curbs")),
            [dyad("111", &["CHL"], &["PER"])]
        );
        assert_eq!(
            cameo_dyads(&title("U.S. URGES CHILE TO CUT TARIFFS")),
            [dyad("100", &["USA"], &["CHL"])]
        );
        assert_eq!(
            cameo_dyads(&title("NATO URGES CHILE TO CUT TARIFFS")),
            [dyad("100", &["IGOWSTNAT"], &["CHL"])]
        );
        // a title's small words, capitalised, end a name or role
        let c = title("Protesters Clash With Police In Santiago");
        assert_eq!(c.events.len(), 1, "{:?}", c.events);
        assert_eq!(c.events[0].recipients[0].text, "Police");
        let c = title("US Envoy To Visit Santiago Next Week");
        assert_eq!(c.events[0].actors[0].text, "US Envoy");
        // a headline's participle with no object is a passive: its subject
        // underwent it, a danger is no threat, criticism of a plan is no
        // assault
        assert_eq!(
            cameo_dyads(&title("CHILEAN TANKER ATTACKED IN GULF")),
            [dyad("190", &[], &["CHL"])]
        );
        for t in [
            "CHILEAN PURCHASE OF PERUVIAN FIRM OPPOSED",
            "CHILEAN WHEAT CROP THREATENED BY PESTS",
            "CHILEAN CATTLE THREATENED BY DROUGHT",
        ] {
            assert!(title(t).events.is_empty(), "{t}");
        }
        assert_eq!(
            coded_dyads("Chile attacked the Peruvian pay freeze."),
            [dyad("111", &["CHL"], &["PER"])]
        );
        let unions = title("CHILEAN UNIONS ATTACK PERUVIAN PAY FREEZE");
        assert!(unions
            .events
            .iter()
            .all(|e| e.cameo.as_deref() != Some("190")));
    }

    #[test]
    fn a_place_that_names_an_accord_or_the_doer_of_backing_is_no_recipient() {
        assert_eq!(
            coded_dyads(
                "The Chilean ministers reaffirmed the commitment to the approach agreed at the recent Lima meeting."
            ),
            [dyad("050", &["CHLGOV"], &[])]
        );
        assert_eq!(
            coded_dyads(
                "Chile alleged that the plans would have infringed the 1976 Lima agreement between the two countries."
            ),
            [dyad("110", &["CHL"], &[])]
        );
        assert_eq!(
            coded_dyads("A Chilean envoy reaffirmed U.S. backing for the new plan."),
            [dyad("051", &["CHLGOV"], &[])]
        );
        // a place that owns what is hit still is whom it is done to
        assert_eq!(
            coded_dyads("Chilean jets bombed a Peru army base."),
            [dyad("195", &["CHL"], &["PERMIL"])]
        );
    }

    #[test]
    fn a_name_ends_a_pattern_and_a_value_is_not_cut_down_by_arms() {
        assert_no_events(&[
            // "Navy" begins a name: no `give+ .. navy` (military aid)
            "The order was given by Navy Minister Juan Perez on Monday.",
            // cutting down a value is no mowing down
            "The 1985 pact between Chile and Peru to cut down the value of the peso was a success.",
        ]);
        // a title inside the name still ends the pattern
        assert_eq!(
            cameo_dyads(&code_of(
                "Chilean President Juan Perez named Interior Minister Luis Soto as acting prime minister."
            )),
            [dyad("060", &["CHLGOV"], &["GOV"])]
        );
    }

    #[test]
    fn a_place_where_the_weapon_was_is_no_doer() {
        assert_eq!(
            coded_dyads("A Chilean soldier was killed by a roadside bomb in Peru yesterday."),
            [dyad("190", &[], &["CHLMIL"])]
        );
        assert_eq!(
            coded_dyads("A Chilean soldier was killed by rebels in Peru yesterday."),
            [dyad("190", &["PERREB"], &["CHLMIL"])]
        );
    }

    #[test]
    fn insisting_on_what_was_so_and_using_a_passport_are_no_acts() {
        assert_no_events(&[
            // the parse hangs "had changed" on the main verb: the first
            // verb after "that" still tells it is a statement
            "After initially insisting that nothing had changed, the Chilean army put out a statement.",
            "Peru entered Chile using another country’s passport.",
        ]);
        assert_eq!(
            coded_dyads("Chile insisted that Peru withdraw its troops."),
            [dyad("105", &["CHL"], &["PER"])]
        );
    }

    #[test]
    fn a_country_name_inside_a_longer_place_is_that_place() {
        assert_coded_dyads(&[
            // New South Wales is Australia's, not Wales' (GBR)
            (
                "Dockers in New South Wales lifted their ban on Chilean ships.",
                vec![dyad("081", &["AUS"], &["CHL"])],
            ),
            // New Mexico is a state of the United States, not Mexico
            (
                "Chile criticised the New Mexico government.",
                vec![dyad("111", &["CHL"], &["USAGOV"])],
            ),
            // the country's own capital stays the country's
            (
                "Chile criticised Mexico City.",
                vec![dyad("111", &["CHL"], &["MEXGOV"])],
            ),
        ]);
    }

    #[test]
    fn a_rows_gap_does_not_run_into_a_that_clause_with_its_own_subject() {
        // `demand+ .. withdrawal` (1056) reached into what Turkey is to do:
        // the demand is Russia's, made of Turkey
        assert_coded_dyads(&[(
            "Russia demanded that Turkey force the withdrawal of the rebels.",
            vec![dyad("100", &["RUS"], &["TUR"])],
        )]);
        // `reiterate+ .. plans` read "has no plans" as an agreement
        assert_no_events(&["Japan reiterated it has no plans to bow to pressure from Chile."]);
    }

    #[test]
    fn a_states_serbs_are_that_states() {
        assert_coded_dyads(&[
            (
                "Bosnian Serb forces shelled a Chilean convoy.",
                vec![dyad("194", &["BIHMIL"], &["CHL"])],
            ),
            (
                "Serbian police arrested Bosnian Serbs.",
                vec![dyad("173", &["SRBCOP"], &["BIH"])],
            ),
        ]);
    }

    #[test]
    fn a_surname_long_before_its_holders_first_office_is_someone_elses() {
        let coded = coded_dyads_on;
        // in 1987, Gerhard Stoltenberg, West Germany's finance minister,
        // not Jens (Norway's prime minister from 2000, NATO's chief later)
        let text = "West German Finance Minister Gerhard Stoltenberg spoke in Bonn. \
                    Stoltenberg criticised Chile.";
        assert_eq!(
            coded("1987-03-02", text),
            vec![dyad("111", &["DEUGOV"], &["CHL"])]
        );
        // alone, unknown: no actor
        assert!(coded("1987-03-02", "Stoltenberg criticised Chile.")
            .iter()
            .all(|(_, a, _)| a.is_empty()));
        // in his time he is himself
        assert_eq!(
            coded("2012-03-02", "Stoltenberg criticised Chile."),
            vec![dyad("111", &["NORGOV"], &["CHL"])]
        );
    }

    #[test]
    fn until_ends_a_name() {
        // "the Nicaraguan rebels until President Reagan" was one mention
        let d = dyad_model::Document {
            published: Some("1987-03-06".into()),
            ..doc(
                None,
                "The Chilean senate opposed aid to the Nicaraguan rebels until \
                 President Reagan accounts for earlier aid.",
            )
        };
        assert_eq!(
            cameo_dyads(&code(&d, lex())),
            vec![dyad("120", &["CHLLEG"], &["NICREB"])]
        );
    }

    #[test]
    fn an_organisations_plural_last_word_does_not_stand_for_it() {
        // "States" is no short name of the Economic Community of West
        // African States, as "the Fund" is of the International Monetary
        // Fund
        let c = code_of(
            "Chile criticised the Economic Community of West African States on Monday. \
             Peru later criticised the new Alliance of Sahel States.",
        );
        assert_eq!(
            cameo_dyads(&c),
            vec![
                dyad("111", &["CHL"], &["IGOWAFWAS"]),
                dyad("111", &["PER"], &[])
            ]
        );
        let c = code_of(
            "Chile criticised the International Monetary Fund on Monday. \
             Peru later criticised the Fund.",
        );
        assert_eq!(cameo_dyads(&c)[1], dyad("111", &["PER"], &["IGOBUSIMF"]));
    }

    #[test]
    fn iraqi_kurdistan_is_a_government_still() {
        // Phoenix lists the Kurdistan Regional Government among people,
        // its roles lapsing with the file in 2014 (IRQELI after)
        assert_coded_dyads(&[(
            "Iraqi Kurdistan criticised Turkey.",
            vec![dyad("111", &["IRQGOV"], &["TUR"])],
        )]);
    }

    #[test]
    fn a_person_dismissed_is_no_rejection() {
        // sacked or sent off, not a proposal rejected
        assert_no_events(&[
            "The Chilean president dismissed the defence minister on Monday.",
            "Syrian midfielder Omar Kassem was dismissed after a second yellow card.",
        ]);
        assert_coded_dyads(&[
            (
                "Russia dismissed the claims as baseless.",
                vec![dyad("120", &["RUS"], &[])],
            ),
            (
                "Chile dismissed Peru's proposal.",
                vec![dyad("120", &["CHL"], &["PER"])],
            ),
        ]);
    }

    #[test]
    fn what_a_report_or_a_claim_tells_is_reported() {
        let told = |text: &str| -> Vec<(String, Modality)> {
            code_of(text)
                .events
                .iter()
                .map(|e| (e.trigger.text.clone(), e.modality))
                .collect()
        };
        assert_eq!(
            told("Reports that Chile attacked its border posts alarmed Peru."),
            [("attacked".to_string(), Modality::Reported)]
        );
        // (the parser takes this "that" for a relative pronoun)
        assert_eq!(
            told("There were rumours that Chile had shelled a Peruvian village."),
            [("shelled".to_string(), Modality::Reported)]
        );
        // not what a report is, nor what was done to it
        assert_eq!(
            told("Peru made a claim since dismissed by Chile."),
            [("dismissed".to_string(), Modality::Asserted)]
        );
        // (the accusation is the event: what it alleges is inside it)
        assert_coded_dyads(&[
            (
                "Peru levelled allegations against Chile on Monday.",
                vec![dyad("112", &["PER"], &["CHL"])],
            ),
            (
                "Peru made accusations that Chile attacked its border posts.",
                vec![dyad("112", &["PER"], &["CHL"])],
            ),
        ]);
    }

    #[test]
    fn what_must_be_done_is_not_done_yet() {
        let told = |text: &str| -> Vec<(String, String, Modality)> {
            code_of(text)
                .events
                .iter()
                .map(|e| {
                    (
                        e.cameo.clone().unwrap_or_default(),
                        e.trigger.text.clone(),
                        e.modality,
                    )
                })
                .collect()
        };
        assert_eq!(
            told("The treaty must be ratified by the Chilean senate."),
            [(
                "057".to_string(),
                "ratified".to_string(),
                Modality::Conditional
            )]
        );
        // the demand "must" makes is no less asserted
        assert_eq!(
            told("Chile said Peru must withdraw its troops."),
            [("100".to_string(), "must".to_string(), Modality::Reported)]
        );
    }

    #[test]
    fn a_list_of_adjectives_shares_its_role_noun() {
        // each adjective is a side of its own with the list's role, however
        // the parser hung it ("French" was the root)
        assert_coded_dyads(&[
            (
                "French, Chinese and Russian diplomats criticized Peru.",
                vec![dyad("111", &["FRAGOV", "CHNGOV", "RUSGOV"], &["PER"])],
            ),
            (
                "Peru was criticized by French, Chinese and Russian diplomats.",
                vec![dyad("111", &["FRAGOV", "CHNGOV", "RUSGOV"], &["PER"])],
            ),
        ]);
    }

    /// The events coded as [`cameo_dyads`], of a story published on a date.
    fn coded_dyads_on(published: &str, text: &str) -> Vec<Dyad> {
        let d = dyad_model::Document {
            published: Some(published.into()),
            ..doc(None, text)
        };
        cameo_dyads(&code(&d, lex()))
    }

    #[test]
    fn a_state_is_the_one_of_the_day() {
        for (published, text, source, recipient) in [
            // before the Soviet Union ended, Moscow and the Kremlin spoke
            // for it; before April 1992 Belgrade for Yugoslavia
            ("1987-03-02", "Moscow criticised Chile.", "SUNGOV", "CHL"),
            (
                "1987-03-02",
                "The Soviet Union criticised East Germany.",
                "SUN",
                "DDR",
            ),
            (
                "1987-03-02",
                "Belgrade criticised Czechoslovakia.",
                "YUGGOV",
                "CSK",
            ),
            // (West Germany's seat of government)
            ("1987-03-02", "Bonn criticised Chile.", "DEUGOV", "CHL"),
            // and later Russia's, and Serbia's
            ("2012-03-02", "Moscow criticised Chile.", "RUSGOV", "CHL"),
            ("1995-03-02", "Yugoslavia criticised Chile.", "SRB", "CHL"),
        ] {
            assert_eq!(
                coded_dyads_on(published, text),
                [dyad("111", &[source], &[recipient])],
                "{published} {text}"
            );
        }
    }

    #[test]
    fn leaders_the_factbook_names_in_full_are_the_leaders_the_news_names() {
        // (the Factbook's "Jose Daniel ORTEGA Saavedra", "Kay Rala Xanana
        // GUSMAO" and "Mohammed Irfaan ALI" are the people the other
        // sources call Daniel Ortega, Xanana Gusmao and Irfaan Ali: in
        // office, not former leaders)
        for (published, text, source) in [
            (
                "2020-06-01",
                "Daniel Ortega criticised Costa Rica.",
                "NICGOV",
            ),
            (
                "2024-03-01",
                "Xanana Gusmao criticised Australia.",
                "TLSGOV",
            ),
            ("2022-05-01", "Irfaan Ali criticised Venezuela.", "GUYGOV"),
            // (and spellings: Phoenix's "Hassan Rouhani" and "Serzh
            // Sargsyan" end at its 2014 horizon, the Factbook's "Hasan
            // Ruhani" and "Serzh Sargsian" run on)
            (
                "2017-06-01",
                "Hassan Rouhani criticised Saudi Arabia.",
                "IRNGOV",
            ),
            (
                "2016-05-01",
                "Serzh Sargsyan criticised Azerbaijan.",
                "ARMGOV",
            ),
            // (a second term under another spelling, and a term the
            // Factbook lost to a passing error)
            ("2025-01-01", "Shehbaz Sharif criticised India.", "PAKGOV"),
            ("2024-01-01", "Robert Golob criticised Croatia.", "SVNGOV"),
        ] {
            let got = coded_dyads_on(published, text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].1, [source], "{text}: {got:?}");
        }
        // and a name the Factbook's shortening made up is nobody's
        assert_eq!(
            coded_dyads_on("2022-05-01", "Mohammed Ali criticised Venezuela."),
            []
        );
    }

    #[test]
    fn a_region_that_is_no_division_is_its_countrys() {
        assert_coded_dyads(&[
            // Darfur's five states are divisions; the region is curated
            (
                "Government forces attacked rebels in Darfur.",
                vec![dyad("190", &["SDNMIL"], &["SDNREB"])],
            ),
            // an act of force in a foreign region is done to its country
            (
                "Israeli jets bombed targets in the Golan Heights.",
                vec![dyad("195", &["ISR"], &["SYR"])],
            ),
            // the North Caucasus is Russia's, though the Caucasus is not
            // one country's
            (
                "Government forces attacked rebels in the North Caucasus.",
                vec![dyad("190", &["RUSMIL"], &["RUSREB"])],
            ),
            // hitting on an idea is no blow
            ("The minister struck on the idea of a new tax.", vec![]),
        ]);
    }

    #[test]
    fn a_two_word_adjective_shares_the_role_and_peacekeepers_are_armed() {
        // "Sierra Leonean" parsed as a possessor without its "'s": its side
        // shares the role noun as "Chilean and Peruvian protesters" would
        let c = coded_dyads("Chilean police detained Sierra Leonean and Peruvian protesters.");
        assert_eq!(c.len(), 1);
        let mut to = c[0].2.clone();
        to.sort();
        assert_eq!(to, ["PEROPPCVL", "SLEOPPCVL"]);
        // peacekeepers are troops, of the country named (not the state)
        assert_eq!(
            coded_dyads("Rebels attacked Peruvian peacekeepers."),
            [dyad("190", &["REB"], &["PERMIL"])]
        );
        assert_eq!(
            coded_dyads("Rebels attacked UN peacekeepers."),
            [dyad("190", &["REB"], &["IGOUNOMIL"])]
        );
    }

    #[test]
    fn forces_deployed_or_bought_are_the_doers_means() {
        // the troops a refusal is about are Chile's own: the country where
        // they would go is the recipient
        assert_eq!(
            coded_dyads("Chile has refused to deploy troops in Peru."),
            [dyad("120", &["CHL"], &["PER"])]
        );
        // arms bought are no recipient
        assert_eq!(
            coded_dyads("Chile agreed to buy 40 warplanes."),
            [dyad("030", &["CHL"], &[])]
        );
        // another country's forces still are
        assert_eq!(
            coded_dyads("Chile agreed to withdraw Peruvian troops."),
            [dyad("030", &["CHL"], &["PERMIL"])]
        );
        // a withdrawal from the doer's own country ("the country" read as
        // the United States) has no recipient
        assert_eq!(
            coded_dyads(
                "The United States is divided. The move comes as the Trump administration is planning to withdraw US troops from the country."
            ),
            [dyad("0356", &["USAGOV"], &[])]
        );
    }

    #[test]
    fn the_by_agent_of_a_passive_is_no_word_of_the_pattern() {
        assert_no_events(&[
            // `lead+ .. prison` (ordering detention) reached into the agent
            "The new commission will be led by the prison administration.",
            // `approve+ .. cabinet` (060)
            "The tariff cut was approved by the Chilean cabinet yesterday.",
        ]);
        // an armed act's weapon may be the agent
        assert_eq!(
            coded_dyads("The Chilean convoy was struck by a Peruvian missile."),
            [dyad("194", &["PER"], &["CHL"])]
        );
        // with `indict+ .. war` cut, the verb alone is an accusation
        assert_eq!(
            coded_dyads("A Chilean court indicted the former Peruvian president on Monday."),
            [dyad("1121", &["CHLJUD"], &["PERGOV"])]
        );
    }

    #[test]
    fn seizing_part_of_a_place_is_no_taking_part() {
        // `take+ .. part` (030) is the dictionary's "take part", written
        // for TAKE and not for the other verbs of its block
        assert_eq!(
            coded_dyads("Chilean troops captured part of a rebel stronghold."),
            [dyad("192", &["CHLMIL"], &[])]
        );
        assert_no_events(&["Chilean police arrested part of the gang."]);
    }

    #[test]
    fn a_town_where_it_happened_is_no_object_of_any_row() {
        assert_no_events(&[
            "In May, a Chilean rebel cell was dismantled in the Peruvian cities of Tacna and Puno.",
        ]);
        // the town that is the object still is
        assert_eq!(
            coded_dyads("Chilean rebels partitioned the Peruvian town of Tacna."),
            [dyad("0842", &["CHLREB"], &["PERCVL"])]
        );
    }

    #[test]
    fn what_a_thing_allows_is_no_concession() {
        assert_no_events(&[
            "A string of defections in the army has allowed Chilean rebels to advance.",
            "The proposal would allow Chilean farmers to receive more subsidies.",
        ]);
        assert_eq!(
            coded_dyads("Chile allowed Peruvian rebels to cross the border."),
            [dyad("080", &["CHL"], &["PERREB"])]
        );
    }

    #[test]
    fn a_title_noun_given_an_object_is_a_verb() {
        let title = |t: &str| code(&doc(Some(t), "Nothing else happened."), lex());
        // "attacks" tagged a plural noun, with an object: the verb, whose
        // row for policies is criticism
        assert_eq!(
            cameo_dyads(&title("CHILEAN FARM GROUP ATTACKS PERU SUBSIDIES")),
            [dyad("111", &["CHL"], &["PER"])]
        );
        // read as a verb only by the parser's object, a bare attack is no
        // armed one
        assert!(title("CHILEAN MINISTER ATTACKS PERUVIAN FARM POSITION")
            .events
            .is_empty());
        // "Treasury" keeps its capital: a small "treasury" misled the parse
        let c = title("CHILEAN TREASURY OFFICIAL PROMISES PERU AID PLAN");
        assert_eq!(
            c.events
                .iter()
                .map(|e| e.cameo.as_deref())
                .collect::<Vec<_>>(),
            [Some("033")]
        );
        assert_eq!(c.events[0].recipients[0].cameo.as_deref(), Some("PER"));
        // a central bank's help to the money market is its trade
        assert!(title("CHILEAN BANK OFFERS EARLY HELP TO MONEY MARKET")
            .events
            .is_empty());
    }

    #[test]
    fn storms_labour_strikes_and_economic_targets_are_no_assaults() {
        // nature's blows are no one's
        assert_no_events(&[
            "Peruvian floods destroyed crops in the north.",
            "Storms killed two people in southern Chile on Monday.",
        ]);
        // an economic target is met or missed, not struck; "wanted on" is
        // no pressing on
        assert_no_events(&[
            "Officials said Chile will have difficulty hitting its GNP growth target.",
            "A Chilean guarantee was wanted on the debts.",
        ]);
        // a market's rally is a rise in price
        assert!(code(
            &doc(
                Some("SANTIAGO COPPER RALLIES FROM LOWS"),
                "Nothing else happened."
            ),
            lex()
        )
        .events
        .is_empty());
        // a national strike is the workers', not an attack
        assert_eq!(
            coded_dyads("Chilean bank workers launched a national strike on Monday."),
            [dyad("143", &["CHLLAB"], &[])]
        );
        // and an army still hits its target
        assert_eq!(
            coded_dyads("Chilean troops destroyed the bridge."),
            [dyad("190", &["CHLMIL"], &[])]
        );
    }

    #[test]
    fn retaliation_against_products_is_trade() {
        // a threat of retaliation against goods is an economic threat
        assert_eq!(
            coded_dyads("Chile threatened retaliation against Peruvian products."),
            [dyad("1312", &["CHL"], &["PER"])]
        );
        // a retaliation provoked is no one's attack
        assert_no_events(&[
            "Chile said the measures will not provoke a retaliation on Peruvian goods.",
        ]);
        // and against a side, force
        assert_eq!(
            coded_dyads("Chile threatened retaliation against Peru."),
            [dyad("138", &["CHL"], &["PER"])]
        );
    }

    #[test]
    fn a_company_reuters_marks_with_brackets_is_a_business() {
        let title = |t: &str| code(&doc(Some(t), "Nothing else happened."), lex());
        // the name before a ticker in a title: commerce, not politics
        for t in [
            "ACME TELECOM &lt;ACT> ASKS TO RESTRICT RIVAL",
            "PEOPLES BAN CORP &lt;PBC> SEES HIGHER NET",
            // and its officer after the ticker
            "ACME CORP &lt;ACM.O> PRESIDENT TO RESIGN",
            // gold warrants are paper, not arrest warrants
            "CHILE TO ISSUE GOLD WARRANTS, SOURCES SAY",
        ] {
            assert!(title(t).events.is_empty(), "{t}: {:?}", title(t).events);
        }
        // a name in brackets holds no state
        assert_eq!(
            coded_dyads("Chile-backed &lt;Peru Star> signed an accord with Japan on Monday."),
            [dyad("057", &["BUS"], &["JPN"])]
        );
    }

    #[test]
    fn a_by_phrase_that_names_no_side_leaves_the_noun_before_it_undergoing() {
        // in running text as in a headline: the crop's country is not the
        // threat's maker
        assert_no_events(&["He spoke of a Chilean wheat crop threatened by pests."]);
        // a speaker's own army is not accused
        assert_eq!(
            coded_dyads("Chile said on Monday troops killed 40 Peruvians in the battle."),
            [dyad("190", &["MIL"], &["PER"])]
        );
    }

    #[test]
    fn a_backer_and_a_nationality_describe_the_side_they_name() {
        // the doer of a passive is the force a backer backs, not the
        // backer, even where the parser breaks the phrase at its hyphen
        assert_eq!(
            coded_dyads("Reports suggest that the two men were seized by Chilean-backed Peruvian rebel forces in May."),
            [dyad("171", &["PERREB"], &["PPL"])]
        );
        // nationals a participle describes underwent it
        assert_no_events(&[
            "He was one of six Chilean nationals killed fighting in the war since 2014.",
        ]);
    }

    #[test]
    fn a_headlines_participle_is_a_passive() {
        let sides =
            |title: &str| cameo_dyads(&code(&doc(Some(title), "Nothing else happened."), lex()));
        // the one charged or arrested underwent it
        assert_eq!(
            sides("Peruvian soldier arrested in spy scandal"),
            [dyad("173", &[], &["PERMIL"])]
        );
        assert_eq!(
            sides("Chile urged to free the prisoners"),
            [dyad("100", &[], &["CHL"])]
        );
    }

    #[test]
    fn an_agreement_to_act_is_not_with_the_place_it_was_made() {
        // the place where an agreement to act was made is no party to it;
        // the place of the act agreed is
        assert_eq!(
            coded_dyads("Chile agreed in Lima to seek a period of stability."),
            [dyad("030", &["CHL"], &[])]
        );
        assert_eq!(
            coded_dyads("Chile has agreed to build two new roads in Bolivia."),
            [dyad("030", &["CHL"], &["BOL"])]
        );
    }

    #[test]
    fn a_province_is_a_place_and_a_bomb_no_doer() {
        // a province names no one (its country is whom it is done to)
        assert_eq!(
            coded_dyads("Peruvian rebels shelled the Chilean province of Arica."),
            [dyad("194", &["PERREB"], &["CHL"])]
        );
        // harm a bomb's blast did names no doer, not the place it was in
        assert_eq!(
            coded_dyads(
                "A bomb exploded in a Chilean market on Thursday, wounding several people."
            ),
            [dyad("190", &[], &["PPL"])]
        );
    }

    #[test]
    fn what_a_gerund_of_saying_governs_is_reported_by_the_clauses_subject() {
        use dyad_model::Modality;
        let c = code_of(
            "Chile closed its border with Peru on Monday, saying Peruvian rebels had attacked a Chilean village.",
        );
        let told: Vec<(String, Modality, Option<String>)> = c
            .events
            .iter()
            .map(|e| {
                (
                    e.trigger.text.clone(),
                    e.modality,
                    e.attribution.as_ref().and_then(|a| a.country.clone()),
                )
            })
            .collect();
        assert_eq!(
            told,
            [
                ("closed its border".to_string(), Modality::Asserted, None),
                (
                    "attacked".to_string(),
                    Modality::Reported,
                    Some("CHL".to_string())
                ),
            ]
        );
    }

    #[test]
    fn a_past_tense_after_a_name_ends_its_mention() {
        // "Peru backed the court" is no mention (PERJUD): the verb after a
        // name ends it
        assert_eq!(
            coded_dyads(
                "Chile and Peru backed the court's ruling and complained about the new tariffs."
            ),
            [dyad("110", &["CHL", "PER"], &[])]
        );
        // (but not a compound's participle, nor a branch of the forces)
        assert_eq!(
            coded_dyads("Peru-backed rebels attacked the Chilean army."),
            [dyad("190", &["PERREB"], &["CHLMIL"])]
        );
    }

    #[test]
    fn a_place_where_it_happened_is_not_what_was_seized() {
        // "arrest+ .. airport" (occupying territory) is no reading of an
        // arrest made at an airport
        assert_eq!(
            kinds("Chilean police arrested him at Santiago airport on Monday."),
            [(dyad_model::EventType::Coerce, "173".to_string())]
        );
        assert_no_events(&["Peruvian rebels have taken refuge in the Chilean town."]);
        // (a place taken is)
        assert_eq!(
            kinds("Peruvian rebels seized the airport on Monday."),
            [(dyad_model::EventType::Coerce, "192".to_string())]
        );
    }

    #[test]
    fn insisting_that_something_is_so_asks_nothing() {
        assert_no_events(&[
            "Chile insisted that Peru remained a threat.",
            "Chile insists that the accord is still alive.",
        ]);
        // (a bare or modal verb is a demand)
        for text in [
            "Chile insisted that Peru withdraw its troops.",
            "Chile insisted that the Peruvian troops be withdrawn.",
        ] {
            assert_eq!(
                kinds(text),
                [(dyad_model::EventType::Request, "105".to_string())],
                "{text}"
            );
        }
    }

    #[test]
    fn a_member_a_list_excludes_is_none_of_it() {
        assert_coded_dyads(&[
            (
                "Chile, but not Peru, is due to attend the summit.",
                vec![dyad("044", &["CHL"], &[])],
            ),
            (
                "Chile has focused its energies on fighting Bolivia, not Peru.",
                vec![dyad("190", &["CHL"], &["BOL"])],
            ),
        ]);
    }

    #[test]
    fn a_lessened_readiness_codes_nothing() {
        assert_no_events(&[
            "The Chilean minister was less willing to criticise Peru.",
            "Chile is less willing to talk with Peru.",
        ]);
        // (a readiness as such is still coded: willing to meet, CAMEO 036)
        assert_eq!(
            coded_dyads("Chile is willing to talk with Peru."),
            [dyad("036", &["CHL"], &["PER"])]
        );
    }

    #[test]
    fn a_vow_of_harm_is_read_with_what_follows_its_verb() {
        use dyad_model::EventType;
        // a deal struck is an agreement, not a threat of violence
        assert_kinds(&[(
            "Chile vowed to strike a deal with Peru.",
            EventType::Agree,
            "030",
        )]);
        // a bill, speculation or corruption killed or fought is no harm
        assert_no_events(&[
            "The Peruvian opposition will take control of the Congress next month.",
            "The senator vowed to kill the bill.",
            "Officials sought to kill off speculation about a rift with Peru.",
            "Chile vowed to fight corruption.",
            "Chile has fought poverty for decades.",
        ]);
        // a vow to attack someone is a threat
        assert_kinds(&[("Chile vowed to attack Peru.", EventType::Threaten, "138")]);
    }

    #[test]
    fn a_participle_describing_a_noun_happened_to_it() {
        // Issue 5: "soldiers killed in …" are the victims, never the killers.
        assert_eq!(
            coded_dyads("There were twelve Russian soldiers killed in Georgia on Sunday."),
            [dyad("190", &[], &["RUSMIL"])]
        );
        // (a participle the tagger took for a past tense)
        assert_eq!(
            coded_dyads(
                "A judge adjourned the case of a journalist arrested over his interviews with a politician."
            ),
            [dyad("173", &[], &["MED"])]
        );
        // (a participle the parser made a clause of "the case", or hung on
        // another noun with no subject)
        assert_eq!(
            coded_dyads(
                "A judge in Zimbabwe on Tuesday postponed the case of a journalist arrested over his interviews with an opposition leader."
            ),
            [dyad("173", &[], &["MED"])]
        );
        assert_eq!(
            coded_dyads(
                "Officials expect a return to Raqqa for hundreds of fighters pushed out of Iraq."
            ),
            []
        );
        // (not a verb whose object the parser lost, nor one its conjunct's
        // object follows)
        assert_eq!(
            coded_dyads("A month ago, after a gas attack by the Syrian army killed scores of people in Douma, Trump fired missiles at an airbase."),
            [dyad("190", &["SYRMIL"], &["SYRPPL"]), dyad("194", &["USAGOV"], &[])]
        );
        assert_eq!(
            coded_dyads("Kenyan police arrested and charged him on Monday."),
            [dyad("171", &["KENCOP"], &[])]
        );
    }

    #[test]
    fn a_verbs_own_subject_beats_the_outer_subject_of_a_copula() {
        // "it was likely" is no subject of the lifting; the government is
        assert_eq!(
            coded_dyads(
                "Economists said it was likely the Kenyan government would lift a ban on imports."
            ),
            [dyad("035", &["KENGOV"], &[])]
        );
    }

    #[test]
    fn a_past_tense_listed_after_a_passive_or_a_state_is_passive() {
        // the tagger's past tenses "killed", joined by commas alone to "is
        // dead" and to a passive, are what befell the subject; the
        // officials describe the raid, they are no victims
        assert_eq!(
            coded_dyads("A senior commander of the rebels is dead, killed in what Kenyan officials describe as a joint raid."),
            [dyad("190", &[], &["MIL"])]
        );
        assert_eq!(
            coded_dyads("Erdoğan said as many as 80 militants had been “neutralised”, killed, injured or taken captive so far in the offensive."),
            [dyad("190", &[], &["UAF"]), dyad("181", &[], &["UAF"])]
        );
    }

    #[test]
    fn a_relative_clause_between_commas_describes_the_subject_before_it() {
        // the objects of "have backed" are not the ones meeting
        assert_eq!(
            coded_dyads("Uhuru Kenyatta and Yoweri Museveni, who have backed the Sudanese government and the rebels respectively, are due to meet in Nairobi on Friday."),
            [dyad("040", &["KENELI"], &["UGAGOV"])]
        );
        // (not a noun inside a prepositional phrase)
        assert_eq!(
            coded_dyads("Talks between the Kenyan government and the rebels, which are due to resume next week, have stalled with the rebels refusing to accept a ceasefire."),
            [dyad("1246", &["REB"], &[])]
        );
    }

    #[test]
    fn a_fronted_according_to_phrase_is_no_subject() {
        // the parser makes "the State Department" a second subject of
        // "called"; the urging's source is Biden, and "him" Netanyahu, not
        // a side further down its complements
        assert_eq!(
            coded_dyads("According to the State Department, Joe Biden called Netanyahu on Friday, urging him to halt the offensive and warning Israel not to risk a wider war with Iran."),
            [dyad("100", &["USAELI"], &["ISRGOV"]), dyad("130", &["USAELI"], &["ISR"])]
        );
        // a by-agent shared by joined participles
        assert_eq!(
            coded_dyads("According to rights groups, 300 students have been detained and beaten by police in Tehran."),
            [dyad("173", &["IRNCOP"], &["IRNEDU"]), dyad("182", &["IRNCOP"], &["IRNEDU"])]
        );
    }

    #[test]
    fn idioms_states_and_addressees_are_no_events_or_sides() {
        // feeling threatened, being caught up in a struggle, warning about
        // prices, relations already strained: no acts
        assert_no_events(&[
            "Tehran feels threatened by the Saudi build-up.",
            "The students are caught up in a power struggle between two rival colonels.",
            "CENTRAL BANK GOVERNOR WARNS ON INFLATION",
            "The vote affects Egypt, Jordan and already strained relations with Israel.",
            // taking part, striving, resolve and spending: no agreement,
            // request or aid
            "Kenyan commandos took part in the raid on the camp.",
            "The ministry was determined that Dutch farmers should have the same access to Korea.",
            // a danger met is no threat made
            "Tokyo is building missile defences to deal with China's growing threat.",
        ]);
        // striving is no request; raising defence spending no aid
        assert_eq!(
            coded_dyads("The Thai government pushed to relax visa rules for tourists."),
            [dyad("081", &["THAGOV"], &["CVL"])]
        );
        assert_eq!(
            coded_dyads("The bill would oblige the minister to open talks with Seoul on raising Korean defense spending."),
            [dyad("046", &["GOV"], &["KORGOV"])]
        );
        // a promise to halt trade threatens a sanction
        assert_eq!(
            coded_dyads("Norway promised to stop all trade with Iran by June."),
            [dyad("1312", &["NOR"], &["IRN"])]
        );
        // fighting someone off is an attack (PETRARCH's row is "kick off")
        assert_eq!(
            coded_dyads("Ukrainian troops fought off the Russians."),
            [dyad("190", &["UKRMIL"], &["RUS"])]
        );
        // a participle's by-phrase between commas describes the subject
        // before it: the supporters are not the ones launching (the
        // alliance is Cairo's, which it leads)
        assert_eq!(
            coded_dyads("A Cairo-led alliance, supported by the US and France, has launched strikes that have killed dozens of militants."),
            [
                dyad("051", &["USA", "FRA"], &["EGYGOV"]),
                dyad("190", &["EGYGOV"], &[])
            ]
        );
        // Latin America is not the United States; the Gulf of the news is
        // no province of Papua New Guinea
        assert_eq!(coded_dyads("Latin American leaders will meet in Lima."), []);
        assert_eq!(
            coded_dyads("Iran attacked tankers in the Gulf."),
            [dyad("190", &["IRN"], &[])]
        );
        // whom a speaker tells is no subject of what is told
        assert_eq!(
            coded_dyads(
                "Two dealers told Reuters Asian rice exporters will meet next week in Bangkok."
            ),
            [dyad("036", &["BUS"], &["THAGOV"])]
        );
        assert_eq!(
            coded_dyads("He told reporters after meeting with President Ramos that sugar output would fall."),
            []
        );
    }

    #[test]
    fn a_talk_with_the_press_is_an_interview_no_consultation() {
        assert_no_events(&[
            "The BBC spoke with the envoy about her visit to Kyiv.",
            "The minister met reporters after the cabinet meeting.",
        ]);
        // (the press as a side of other acts stays)
        assert_eq!(
            coded_dyads("Kenyan police arrested two journalists."),
            [dyad("173", &["KENCOP"], &["MED"])]
        );
    }

    #[test]
    fn where_an_attack_struck_is_not_who_made_it() {
        assert_eq!(
            coded_dyads("Six aid workers were killed in three attacks in Somalia on Sunday."),
            [dyad("190", &[], &["LAB"])]
        );
        // (the attack's own side is)
        assert_eq!(
            coded_dyads("Two farmers were killed in Turkish artillery shelling in the north of Iraq on Sunday."),
            [dyad("190", &["TURMIL"], &["AGR"])]
        );
    }

    #[test]
    fn who_took_part_in_a_protest_is_its_source() {
        // not the arresting forces the parser hung the phrase on
        assert_eq!(
            coded_dyads("Officials said the police have arrested at least 300 students for suspected participation in the pro-democracy protests since March 3."),
            [dyad("173", &["COP"], &["EDU"]), dyad("141", &["EDU"], &[])]
        );
    }

    #[test]
    fn what_a_question_put_by_someone_asks_about_is_no_event() {
        assert_no_events(&[
            "Later, asked by a reporter at the Elysee Palace whether he might back off his threats against Italy, Macron said France would stand firm.",
        ]);
    }

    #[test]
    fn an_act_one_is_keen_on_is_a_wish() {
        let e = assert_one_event_of(
            "Iran is keen on meeting Saudi officials.",
            dyad_model::Modality::Conditional,
        );
        assert_eq!(e.cameo.as_deref(), Some("040"));
    }

    #[test]
    fn who_is_expected_to_act_is_the_source() {
        assert_eq!(
            coded_dyads("Putin is expected to visit Turkey next month."),
            [dyad("036", &["RUSGOV"], &["TUR"])]
        );
    }

    #[test]
    fn a_permission_no_one_grants_or_that_is_a_purpose_is_no_concession() {
        assert_no_events(&[
            "Under the decree, only Greek nationals are allowed to land from the two islands.",
            "Kenyan troops cleared the road to allow refugees to return home.",
        ]);
        // a decision to allow is one
        assert_eq!(
            coded_dyads("Kenya's Supreme Court decided to allow Raila Odinga to run."),
            [dyad("080", &["KENJUD"], &["KENELI"])]
        );
    }

    #[test]
    fn a_pronoun_in_a_clause_of_reason_of_a_harm_stands_for_its_object() {
        assert_eq!(
            coded_dyads("Kenyan police arrested Raila Odinga after he led a protest in Nairobi."),
            [
                dyad("173", &["KENCOP"], &["KENELI"]),
                dyad("141", &["KENELI"], &[])
            ]
        );
        assert_eq!(
            coded_dyads(
                "Kenyan police evicted the striking workers after they began a hunger strike."
            ),
            [
                dyad("174", &["KENCOP"], &["KENLAB"]),
                dyad("142", &["LAB"], &[])
            ]
        );
        // (an object that does not agree in number leaves the pronoun to
        // the enclosing subject)
        assert_eq!(
            coded_dyads("Kenyan police arrested a man after they raided his house."),
            [
                dyad("173", &["KENCOP"], &["KENPPL"]),
                dyad("171", &["KENCOP"], &[])
            ]
        );
    }

    #[test]
    fn a_third_person_pronoun_in_a_quotation_is_not_the_speaker() {
        assert_no_events(&["A French diplomat said, “They want to sell weapons to Uganda.”"]);
        // (a statement's or a spokesman's "he" is whom it speaks for)
        assert_eq!(
            coded_dyads("“He urged Turkey to de-escalate,” a White House statement said."),
            [dyad("100", &["USAGOV"], &["TUR"])]
        );
        // (reported speech: the speakers' own sale)
        assert_eq!(
            coded_dyads("Kenyan officials said they would sell weapons to Uganda."),
            [dyad("0312", &["KENGOV"], &["UGA"])]
        );
    }

    #[test]
    fn an_infinitive_after_a_promise_from_a_side_is_that_sides_deed() {
        // the pledge's maker attacks, not the rebels who secured it
        assert_eq!(
            dyads("The Kenyan rebels secured a pledge from Uganda to attack Tanzanian troops."),
            vec![dyad("attack", &["UGA"], &["TZAMIL"])]
        );
    }

    #[test]
    fn a_capital_before_a_private_person_is_no_government() {
        // the schoolgirl from Nairobi is no Kenyan government
        assert_no_events(&[
            "A Nairobi schoolgirl who left Kenya in 2020 to join al-Shabab has been tracked down in Somalia.",
        ]);
    }

    #[test]
    fn a_side_said_to_need_to_act_is_asked_by_the_speaker() {
        // as with "must": the speaker asks; Washington rejects nothing
        assert_eq!(
            coded_dyads(
                "Kenyan officials say a deal is still possible but say Washington needs to act."
            ),
            [dyad("100", &["KENGOV"], &["USAGOV"])]
        );
    }

    #[test]
    fn a_title_before_an_unknown_name_says_whose_the_person_is() {
        // the parse hangs the title on the name as its descriptor
        assert_eq!(
            coded_dyads("Former White House aide Walter Brenning has been indicted on charges of lying to investigators."),
            [dyad("173", &[], &["USAGOV"])]
        );
    }

    #[test]
    fn a_trigger_in_a_relative_clause_governs_only_its_clause() {
        // the accusation's complement ends with the clause; the meeting
        // after it is the sentence's own act
        assert_eq!(
            coded_dyads(
                "The minister, who had accused Iran of funding militias, met Iranian officials."
            ),
            [
                dyad("112", &["GOV"], &["IRN"]),
                dyad("040", &["GOV"], &["IRNGOV"])
            ]
        );
    }

    #[test]
    fn a_past_tense_the_tagger_left_no_verb_for_is_the_verb() {
        // tagged an adjective in a sentence with no verb at all
        assert_eq!(
            coded_dyads("The EU imposed sanctions on Iran and Russia."),
            [dyad("163", &["IGOEUREEC"], &["IRN", "RUS"])]
        );
    }

    #[test]
    fn harm_to_the_speakers_own_things_is_done_to_the_speaker() {
        assert_eq!(
            dyads("Ukraine said Russian drones struck its power grid overnight."),
            [dyad("struck", &["RUS"], &["UKR"])]
        );
        // not "its" of a singular doer, its own
        assert_eq!(
            dyads("A British source said Iran had test-fired its new missiles."),
            [dyad("fired its new missiles", &["IRN"], &[])]
        );
    }

    #[test]
    fn a_headlines_infinitive_after_its_subject_is_future() {
        let d = doc(
            Some("Russia to Hold Talks With Ukraine"),
            "Officials gave no date.",
        );
        let c = code(&d, lex());
        let e = c.events.first().expect("the headline's event");
        assert_eq!(e.modality, dyad_model::Modality::Future, "{:?}", c.events);
    }

    #[test]
    fn the_possessor_of_an_arrest_underwent_it() {
        // no one named arrests: no event, least of all Putin's
        assert_no_events(&["Putin's arrest in The Hague shocked Moscow."]);
    }

    #[test]
    fn a_participle_joined_to_a_passive_or_a_state_is_passive() {
        assert_eq!(
            coded_dyads("Three Syrian soldiers were dead, killed by Turkish shelling."),
            [dyad("190", &["TUR"], &["SYRMIL"])]
        );
        assert_eq!(
            coded_dyads("A British diplomat was beaten and abducted in Tehran."),
            [dyad("182", &[], &["GBRGOV"]), dyad("181", &[], &["GBRGOV"])]
        );
        // a gerund hung on the passive, with a by-agent of its own
        assert_eq!(
            coded_dyads(
                "Sixty farmers were killed in two days of rocket fire and shelling by troops loyal to Assad."
            ),
            [dyad("190", &[], &["AGR"]), dyad("194", &["MIL"], &["AGR"])]
        );
    }

    #[test]
    fn harm_done_in_an_attack_is_the_attackers() {
        assert_eq!(
            coded_dyads("Three farmers were killed in Turkish shelling near the border on Friday."),
            [dyad("190", &["TUR"], &["AGR"])]
        );
    }

    #[test]
    fn a_verb_joined_to_an_infinitive_heads_a_clause() {
        assert_eq!(
            coded_dyads("The French president is scheduled to give a speech and meet with dissidents from Iran."),
            [dyad("040", &["FRAGOV"], &["IRNOPPCVL"])]
        );
    }

    #[test]
    fn cameo_codes_of_talks_requests_and_lifted_sanctions() {
        // Talks are negotiation (046), a meeting is a meeting (040).
        assert_eq!(
            coded_dyads("France held talks with Algeria on Monday."),
            [dyad("046", &["FRA"], &["DZA"])]
        );
        // Agreeing to lift sanctions eases them; it imposes none.
        assert_eq!(
            coded_dyads("Germany agreed to lift the sanctions on Iran."),
            [dyad("085", &["DEU"], &["IRN"])]
        );
        // Asking is an appeal (02), not a demand (10).
        assert_eq!(
            coded_dyads("The parliament asked Iran for help."),
            [dyad("020", &["LEG"], &["IRN"])]
        );
        assert_eq!(
            coded_dyads("The parliament asked the president to help Iran."),
            [dyad("023", &["LEG"], &["GOV"])]
        );
    }

    #[test]
    fn an_event_noun_that_retells_its_verbs_event_is_not_another() {
        // The visit is where the talks were held: one CONSULT, not two.
        assert_eq!(
            coded_dyads(
                "The French foreign minister held talks with the Lebanese president during a visit to Beirut."
            ),
            [dyad("046", &["FRAGOV"], &["LBNGOV"])]
        );
    }

    #[test]
    fn a_city_before_an_attack_is_where_and_the_dead_did_not_do_it() {
        // "the Kabul assault": no one named did it
        let d = dyads("A day after the Kabul assault, the group claimed responsibility.");
        assert!(d.iter().all(|(t, _, _)| t != "assault"), "{d:?}");
        // nor as the subject of the harm it did
        let d = dyads("The Kabul assault killed ten people.");
        assert!(d.iter().all(|(_, a, _)| a.is_empty()), "{d:?}");
        // but "Washington sanctions" are the US's
        let d = dyads("The Washington sanctions against Iran took effect on Monday.");
        assert!(
            d.iter()
                .any(|(t, a, _)| t == "sanctions" && a == &["USAGOV"]),
            "{d:?}"
        );
        // an attack people died in is not theirs, nor a later clause's
        // subject's, where the phrase follows "died"
        let d = dyads(
            "In Ghouta, where 1,700 people died in a 2013 sarin nerve gas attack, the US failed to act.",
        );
        assert!(d.iter().all(|(t, _, _)| t != "attack"), "{d:?}");
        // a fronted circumstance is still the clause's
        let d = dyads("In a rocket attack on Monday, Hamas killed two soldiers.");
        assert!(
            d.iter()
                .any(|(_, a, _)| a.iter().any(|c| c.starts_with("PSE"))),
            "{d:?}"
        );
    }

    #[test]
    fn what_is_fired_is_no_target() {
        let d = dyads("Turkish troops fired artillery at Afrin from the border.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].2.is_empty(), "{d:?}");
        // what is fired at is
        let d = dyads("Turkish troops fired artillery at Kurdish fighters.");
        assert!(
            d.iter()
                .any(|(_, _, r)| r.iter().any(|c| c.ends_with("UAF") || c.ends_with("REB"))),
            "{d:?}"
        );
    }

    #[test]
    fn a_verb_joined_after_the_triggers_own_words_has_its_own_object() {
        let d = dyads("Trump wants to withdraw from the conflict and put America first.");
        assert!(d.iter().all(|(_, _, r)| r.is_empty()), "{d:?}");
        // verbs joined straight away share it
        let d = dyads("The Afghan army killed and injured 1,000 Taliban fighters.");
        assert!(
            d.iter()
                .any(|(_, _, r)| r.iter().any(|c| c.starts_with("AFGREB"))),
            "{d:?}"
        );
    }

    #[test]
    fn a_list_of_states_tells_what_was_done_to_the_subject() {
        let d = dyads("Civilians remain unseen, unprotected, bombed and displaced.");
        let bombed = d
            .iter()
            .find(|(t, _, _)| t == "bombed")
            .expect("bombed is coded");
        assert!(bombed.1.is_empty() && bombed.2 == ["CVL"], "{d:?}");
    }

    #[test]
    fn what_a_weapon_was_hurled_at_is_its_target() {
        let d = dyads("Grenades were hurled at a police patrol in Lima on Saturday.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].1.is_empty() && d[0].2 == ["PERCOP"], "{d:?}");
    }

    #[test]
    fn an_attack_the_parser_hung_its_verb_on_names_no_doer() {
        let d = dyads(
            "Ten people were killed in the Bousraya neighbourhood after a coalition bombing raid struck a residential building.",
        );
        assert!(
            d.iter().all(|(t, a, _)| t != "struck" || a.is_empty()),
            "{d:?}"
        );
    }

    #[test]
    fn a_relative_clause_is_done_by_its_noun() {
        // "who" is the jihadists, not the citizen named further left
        let d = dyads(
            "The children of a US citizen were held by British jihadists who refused to leave.",
        );
        let refused = d
            .iter()
            .find(|(t, _, _)| t == "refused")
            .expect("refused is coded");
        assert_eq!(refused.1, ["GBRREBREL"], "{d:?}");
        // and a noun that names no actor is still the doer, not the name
        // further left
        let d = dyads("The children of a US citizen were held by strangers who refused to leave.");
        assert!(d.iter().all(|(t, _, _)| t != "refused"), "{d:?}");
        // in the perfect it tells what the noun is known for: background
        let d = dyads("Peru fought the militant group that has seized parts of Chile.");
        assert!(d.iter().all(|(t, _, _)| t != "seized"), "{d:?}");
    }

    #[test]
    fn a_warning_about_ones_own_forces_is_not_against_them() {
        let d = dyads("Erdoğan warned that Turkish troops would advance to Manbij.");
        assert!(d.iter().all(|(_, _, r)| r.is_empty()), "{d:?}");
        // another side's forces are warned
        let d = dyads("Erdoğan warned that Kurdish fighters would be crushed.");
        assert!(d.iter().any(|(_, _, r)| !r.is_empty()), "{d:?}");
    }

    #[test]
    fn re_examining_is_investigating() {
        assert_eq!(
            coded_dyads("UN inspectors re-examined the reactor sites in Iran on Monday."),
            [dyad("090", &["IGOUNO"], &["IRN"])]
        );
    }

    #[test]
    fn every_pair_of_a_joint_act_among_three_is_a_dyad() {
        assert_eq!(
            coded_dyads("Germany, France and Italy met in Brussels on Monday."),
            [
                dyad("040", &["DEU"], &["FRA", "ITA"]),
                dyad("040", &["FRA"], &["ITA"])
            ]
        );
        let c = code_of("Germany, France and Italy met in Brussels on Monday.");
        assert_ne!(c.events[0].id, c.events[1].id);
        // Two sides are one dyad, as before.
        assert_eq!(
            coded_dyads("Germany and France met in Brussels on Monday."),
            [dyad("040", &["DEU"], &["FRA"])]
        );
    }

    #[test]
    fn a_verb_the_parser_joins_to_the_main_verb_is_no_clause_of_its_own() {
        // The second "give up" is what Moscow demands of Kyiv, not Moscow's
        // concession (the parser hangs it on "insisted").
        assert_eq!(
            coded_dyads("Moscow has insisted that Kyiv give up its claims, and give up more land."),
            [dyad("105", &["RUSGOV"], &["UKRGOV"])]
        );
    }

    #[test]
    fn a_subject_the_actor_base_does_not_know_is_no_one_further_left() {
        // the doer is the clashes, the powers, the voice: no name left of them
        for text in [
            "Iran is using Syrian land as a base for pressure on Israel, as last week's aerial clashes demonstrated.",
            "The Syrian war has torn up the country as world powers have moved to support rival factions.",
            "Spies were stunned as his voice exhorted fighters to stand firm.",
            "Iran said hundreds of people have been arrested and at least 21 killed in protests against the clerics.",
        ] {
            let d = dyads(text);
            assert!(d.iter().all(|e| e.1.is_empty()), "{text}: {d:?}");
        }
        // a name right before the subject the parser cut off is still its doer
        let d = dyads(
            "The group kept its firepower; on Saturday, Isis members fired a guided missile at a Kurdish position.",
        );
        assert!(
            d.iter()
                .any(|e| e.0.starts_with("fired") && e.1 == ["IMGMUS"]),
            "{d:?}"
        );
        // a passive's subject is what was done to
        let d = dyads("Hundreds of rifles were seized by Kenyan police in Nairobi.");
        assert!(d.iter().any(|e| e.1 == ["KENCOP"]), "{d:?}");
    }

    #[test]
    fn a_pattern_does_not_run_into_the_next_clause() {
        let c = code_of("Hoodlums attacked the villagers and thugs looted shops in Ibadan.");
        assert!(
            c.events
                .iter()
                .all(|e| e.event_type != dyad_model::EventType::Protest),
            "{:?}",
            c.events
        );
        let (actors, _) = dyad_of(&c, dyad_model::EventType::Assault);
        assert_eq!(actors, ["NGACRM"]);
        // a verb joined without a subject of its own still may
        let c = code_of("Rioters attacked and looted shops in Ibadan.");
        assert!(!c.events.is_empty(), "{:?}", c.events);
    }

    #[test]
    fn the_police_who_report_an_arrest_made_it() {
        let d = dyads("Over 50 persons were arrested in Surat on Tuesday, police said.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            (d[0].1.as_slice(), d[0].2.as_slice()),
            (&["INDCOP".to_string()][..], &["INDPPL".to_string()][..])
        );
        // an arrest "for" something is an arrest, not a seizure of weapons
        let c =
            code_of("Two men were arrested in Surat for possessing illegal weapons, police added.");
        let e = &c.events[0];
        assert_eq!(
            (e.cameo.as_deref(), e.actors[0].cameo.as_deref()),
            (Some("173"), Some("INDCOP"))
        );
        // not when someone else reports it, nor for a background participle
        let d = dyads("Five men were arrested in Surat on Tuesday, officials said.");
        assert!(d[0].1.is_empty(), "{d:?}");
        let d = dyads(
            "Israel released the mayor of Nablus, a member of Hamas jailed over a year ago, Palestinian police said.",
        );
        assert!(d.iter().all(|e| !e.0.starts_with("jailed")), "{d:?}");
    }

    #[test]
    fn armed_men_and_states_leaving_a_place_retreat() {
        use dyad_model::EventType::{Retreat, Sanction};
        let first = |text: &str| {
            let c = code_of(text);
            let e = c
                .events
                .first()
                .unwrap_or_else(|| panic!("{text}: no event"));
            (e.event_type, e.cameo.clone().unwrap_or_default())
        };
        for text in [
            "The Kurdish militia withdrew from Afrin before dawn on Sunday.",
            "Hundreds of UN troops withdrew from the Golan on Monday.",
            "Libya withdrew from Chad in March.",
        ] {
            assert_eq!(first(text), (Retreat, "0874".to_string()), "{text}");
        }
        // a body or a treaty is left by reducing relations
        assert_eq!(
            first("Libya withdrew from the Arab League in March."),
            (Sanction, "166".to_string())
        );
    }

    #[test]
    fn a_coalition_led_by_a_side_acts_for_it() {
        assert_coded_dyads(&[(
            "Ten Chilean soldiers were killed by a US-led coalition strike on Monday.",
            vec![dyad("190", &["USA"], &["CHLMIL"])],
        )]);
    }

    #[test]
    fn what_a_pretext_is_for_and_a_bill_pushed_are_no_events() {
        assert_no_events(&[
            "Peruvian officials said it was a provocation to give a pretext for Chile to launch strikes.",
            "The senator intends to push a bill to protect the Chilean copper industry.",
            // pressing ahead is going on, not coercing anyone
            "Chile will press ahead with its plan for Peru.",
        ]);
        // pushing a side to act is still a request
        assert_coded_dyads(&[(
            "Chile pushed Peru to hold talks.",
            vec![dyad("100", &["CHL"], &["PER"])],
        )]);
    }

    #[test]
    fn goods_are_given_to_the_side_after_to_not_the_side_they_come_from() {
        assert_coded_dyads(&[
            (
                "Chile delivered U.S. weapons to Peru on Monday.",
                vec![dyad("070", &["CHL"], &["PER"])],
            ),
            (
                "Chile supplied Russian arms to Peru.",
                vec![dyad("072", &["CHL"], &["PER"])],
            ),
            // the West, in lower case
            (
                "Chile urged western countries to repatriate captured fighters.",
                vec![dyad("100", &["CHL"], &["WST"])],
            ),
        ]);
    }

    #[test]
    fn a_place_naming_the_agreement_struck_is_not_whom_it_was_struck_with() {
        assert_no_events(&["Prices fell at the time the Lima agreement was struck."]);
        assert_coded_dyads(&[(
            "The Lima agreement with Chile was struck on Monday.",
            vec![dyad("030", &[], &["CHL"])],
        )]);
    }

    #[test]
    fn criticism_received_is_from_whom_it_came_not_what_it_is_about() {
        assert_no_events(&[
            "Putin has faced sharp criticism over Russian attempts to delay the vote.",
        ]);
        assert_coded_dyads(&[(
            "Peru has faced sharp criticism from Chile over its attempts to delay the vote.",
            vec![dyad("111", &["CHL"], &["PER"])],
        )]);
    }

    #[test]
    fn representatives_are_their_sides_not_legislators() {
        assert_coded_dyads(&[
            (
                "Representatives from Chile and Peru will meet in Lima on Friday.",
                vec![dyad("036", &["CHL"], &["PER"])],
            ),
            (
                "The Chilean trade representative met Peru's foreign minister on Monday.",
                vec![dyad("040", &["CHLGOV"], &["PERGOV"])],
            ),
        ]);
    }

    #[test]
    fn a_name_broken_across_the_lines_of_hard_wrapped_text_is_found() {
        let c = code(
            &doc(
                Some("CHILE PROTESTS"),
                "Chile has protested to the European\nCommunity about its plan to raise \
                 import duties on\ncopper, which will affect the country's copper\nexports \
                 to the EC, the Chilean trade minister said.",
            ),
            lex(),
        );
        // (the body's sentence; the title, two words, is read as well)
        let body = Coded {
            events: c
                .events
                .iter()
                .filter(|e| e.sentence == 1)
                .cloned()
                .collect(),
            ..Coded::default()
        };
        assert_eq!(
            cameo_dyads(&body),
            [dyad("140", &["CHL"], &["IGOEUREEC"])],
            "{:?}",
            c.events
        );
    }

    #[test]
    fn an_announced_act_is_someones_and_a_threatened_thing_is_in_danger() {
        assert_no_events(&[
            // announced, with no doer named
            "All Chilean embassy staff will be withdrawn from Peru next week.",
            // a danger, with no one threatening
            "Peru is threatened with a flood of cheap imports.",
            "The Chilean wheat crop is threatened by pests.",
        ]);
        // the side that announces it, when it names no doer
        assert_coded_dyads(&[(
            "The Chilean foreign minister said ten Peruvian diplomats will be expelled.",
            vec![dyad("1313", &["CHLGOV"], &["PERGOV"])],
        )]);
    }

    #[test]
    fn what_a_side_does_to_itself_is_no_event() {
        assert_no_events(&[
            "A Chilean soldier killed himself at the base in Arica.",
            "The Chilean minister defended himself against the accusations.",
            // the side it is done against is not supported
            "Chile defended itself against Peru.",
        ]);
        // a side that reports it still accuses the doer
        assert_coded_dyads(&[(
            "Chile said Peruvian rebels had attacked themselves.",
            vec![dyad("112", &["CHL"], &["PERREB"])],
        )]);
    }

    #[test]
    fn a_killing_and_a_massacre_code_as_their_verbs() {
        // as `kill+` (190) and `massacre+` (202), not 1823, which is
        // killing by physical assault
        assert_coded_dyads(&[
            (
                "Peruvian soldiers carried out a massacre of Chilean villagers in March.",
                vec![dyad("202", &["PERMIL"], &["CHLCVL"])],
            ),
            (
                "Peruvian soldiers carried out the killing of two Chilean journalists in March.",
                vec![dyad("190", &["PERMIL"], &["CHLMED"])],
            ),
        ]);
    }

    #[test]
    fn a_withdrawal_is_of_armed_men() {
        assert_coded_dyads(&[
            // retreating militarily is 0874 (0872 eases a blockade)
            (
                "Chile withdrew its troops from the border on Monday.",
                vec![dyad("0874", &["CHL"], &[])],
            ),
            // the armed men withdrawn are not whom they leave, which may
            // hang on them
            (
                "Chile's withdrawal of 9,000 Chilean troops from Peru began on Monday.",
                vec![dyad("0874", &["CHL"], &["PER"])],
            ),
        ]);
        assert_no_events(&[
            // a nomination, funds: no retreat
            "The senator's withdrawal of his nomination surprised the Chilean government.",
            // what is asked for has not happened
            "Peru's request for the Chilean withdrawal from Tacna was made on Monday.",
            "Chile made calls for the Peruvian withdrawal from Arica.",
        ]);
    }

    #[test]
    fn an_offer_or_support_of_several_sides_is_not_among_them() {
        let d = dyads("Council members Greece, Panama and South Korea also supported the call.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].1, ["GRC", "PAN", "KOR"]);
        assert!(d[0].2.is_empty(), "{d:?}");
        let d = dyads("Australia, Canada and the United States offered to resettle the refugees.");
        assert!(
            d.iter()
                .any(|e| e.1 == ["AUS", "CAN", "USA"] && e.2.iter().all(|r| r == "REF")),
            "{d:?}"
        );
        // agreeing is done together
        let d = dyads("Russia and Ukraine reached a deal on Friday.");
        assert!(d.iter().any(|e| e.1 == ["RUS"] && e.2 == ["UKR"]), "{d:?}");
    }

    #[test]
    fn a_news_organisations_inquiry_is_no_investigation() {
        let d = dyads("The senator did not respond to a VOA inquiry about the letter.");
        assert!(d.is_empty(), "{d:?}");
        // a state's inquiry is
        let d = dyads("Kenya opened an inquiry into the deaths of two Somali refugees.");
        assert!(d.iter().any(|e| e.1 == ["KEN"]), "{d:?}");
    }

    #[test]
    fn a_parenthetical_before_the_verb_describes_its_subject() {
        let d = dyads(
            "France, whose citizens make up the largest group of European Isis recruits, has refused to take back fighters.",
        );
        assert!(d.iter().any(|e| e.1 == ["FRA"]), "{d:?}");
        assert!(d.iter().all(|e| e.1 != ["IMGMUS"]), "{d:?}");
        let d = dyads(
            "The father of the girl, a teenager who went to Syria to join Islamic State, has urged the government to act.",
        );
        assert!(d.iter().all(|e| e.1 != ["IMGMUS"]), "{d:?}");
    }

    #[test]
    fn accused_of_with_no_object_describes_its_noun() {
        // background: no accusation by the British, the US or the UK
        assert_no_events(&[
            "A former British soldier, accused of attending training camps run by the YPG, was freed.",
            "Three British men are in Kurdish and US custody in Syria, accused of being members of Isis.",
            "Her parents are on trial in the UK accused of sending money to their son.",
            "Two Ivorian soldiers stand accused of the 2004 bombing of the French army base.",
        ]);
        // the active verb, and the passive, still accuse
        let d = dyads("Syria's Kurds, whom Turkey had long accused of wanting a state of their own, protested.");
        assert!(
            d.iter().any(|e| e.0 == "accused" && e.1 == ["TUR"]),
            "{d:?}"
        );
        let d = dyads("The three Kenyan men are also accused of spying for Somalia.");
        assert!(d.iter().any(|e| e.0 == "accused"), "{d:?}");
    }

    #[test]
    fn neither_of_its_doers_did_it() {
        let c = code_of("Neither Britain nor France have ratified the treaty.");
        assert_eq!(c.events.len(), 1, "{:?}", c.events);
        assert_eq!(c.events[0].modality, dyad_model::Modality::Negated);
        let c = code_of("Both Britain and France have ratified the treaty.");
        assert_eq!(c.events[0].modality, dyad_model::Modality::Asserted);
    }

    #[test]
    fn an_intention_to_act_announces_it() {
        use dyad_model::EventType::{Agree, Threaten};
        let c = code_of(
            "Turkey's president declared his intent to attack the Kurdish enclave in Syria.",
        );
        assert!(
            c.events.iter().any(|e| e.event_type == Threaten),
            "{:?}",
            c.events
        );
        let c = code_of("Trump has been signalling his intention to withdraw from Syria.");
        assert!(
            c.events
                .iter()
                .all(|e| e.modality == dyad_model::Modality::Future),
            "{:?}",
            c.events
        );
        let c = code_of("Japan has shown its willingness to support Kenya.");
        assert!(
            c.events.iter().any(|e| e.event_type == Agree),
            "{:?}",
            c.events
        );
    }

    #[test]
    fn sanctions_relief_is_no_sanction() {
        let c =
            code_of("North Korea tested missiles to pressure the U.S. to grant sanctions relief.");
        assert!(
            c.events
                .iter()
                .all(|e| e.event_type != dyad_model::EventType::Sanction),
            "{:?}",
            c.events
        );
    }

    #[test]
    fn idioms_of_imported_rows_are_blocked() {
        assert_no_events(&[
            "Isis fighters swept into northern Iraq in June.",
            "Brazil is going through an economic upheaval, the Brazilian government said.",
            "Kenyan investors took the news in stride.",
        ]);
    }

    #[test]
    fn a_verb_after_and_shares_the_subject_of_the_verb_before_it() {
        // the object of the verb before "and" is not the doer
        let d = dyads(
            "Security sources said Friday a Pakistani military operation rescued 112 passengers \
             and killed 20 militants, a day after an attack on a bus in Pakistan's restive \
             southwestern Balochistan province.",
        );
        assert_eq!(d, vec![dyad("killed", &["PAK"], &["UAF"])], "{d:?}");
        let d =
            dyads("The alliance has a strategy of defeating Isis and curbing Iranian influence.");
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn a_participle_after_its_noun_names_no_doer() {
        // what was done to the noun, by no one named
        assert_no_events(&[
            "In the village on Friday, three Yemeni fighters killed on the front a week earlier \
             were buried.",
            "Canada says citizens captured in Isis territory in Syria have the right to return home.",
            "Scurfield is among four British men killed fighting Isis in Syria.",
            "He is the eighth British citizen killed while serving with Kurdish forces.",
        ]);
    }

    #[test]
    fn questions_no_comment_and_market_offers_are_no_events() {
        assert_no_events(&[
            // a question, and what it asks about
            "Reporters asked the French president whether Paris would send troops.",
            // no comment (CAMEO 011, not in PLOVER)
            "A Turkish official declined to comment on the Kurdish announcement.",
            // a quantity falls
            "Chinese car exports declined to 2,978 units in May.",
            // market offers
            "The London Interbank Offered Rate rose.",
            "The Swiss bank is offering 100 mln dlrs of notes due 1989.",
            "The Bank of Japan intervened to support the dollar against the yen.",
        ]);
        // an appeal and a rejection stay
        assert_eq!(dyads("Egypt asked Sudan for help.").len(), 1);
        assert_eq!(dyads("Egypt declined to send troops to Sudan.").len(), 1);
    }

    #[test]
    fn going_somewhere_is_a_visit_only_for_an_official_and_leading_to_is_no_deal() {
        assert_no_events(&[
            "The Spanish photojournalist went to Syria in 2011.",
            "Villagers are going to different towns.",
            "The smallest miscalculation in Syria could lead to new waves of migrants.",
        ]);
        assert_eq!(
            dyads("Secretary of State George Shultz goes to Moscow in April."),
            vec![dyad("goes to", &["USAGOV"], &["RUSGOV"])]
        );
    }

    #[test]
    fn an_act_of_an_earlier_year_is_background_and_not_dated_on_the_story() {
        let d = doc(
            None,
            "The reporter, who was killed in Malta in 2017, was a critic of the government. \
             Trump met with Kim at the Singapore summit in June 2018. \
             Libya offered to hand over two men suspected of bombing a plane in 1988.",
        );
        let d = dyad_model::Document {
            published: Some("2025-03-12".into()),
            ..d
        };
        let c = code(&d, lex());
        let dated: Vec<(String, Option<String>, Option<String>)> = c
            .events
            .iter()
            .map(|e| (e.trigger.text.clone(), e.date.clone(), e.date_text.clone()))
            .collect();
        assert_eq!(
            dated,
            vec![
                ("killed".into(), None, Some("in 2017".into())),
                ("met with".into(), None, Some("in June 2018".into())),
                // the year dates the suspicion's bombing, not the offer
                ("offered to".into(), Some("2025-03-12".into()), None),
            ],
            "{dated:?}"
        );
    }

    #[test]
    fn an_act_in_another_period_than_the_story_day_is_undated() {
        let d = doc(
            None,
            "Last month the rebels ambushed a convoy near the border. \
             The army seized the town a year ago. \
             Iran condemned the 2015 accord. \
             The minister visits Paris next week. \
             Syrian rebels attacked the army base twice in the last month. \
             The senator criticised a plan that would let Congress cut aid next year. \
             Since Turkey launched an offensive on the enclave, hundreds have died.",
        );
        let d = dyad_model::Document {
            published: Some("2025-03-12".into()),
            ..d
        };
        let c = code(&d, lex());
        let dated: Vec<(String, Option<String>, Option<String>, Modality)> = c
            .events
            .iter()
            .map(|e| {
                let t = e.trigger.text.clone();
                (t, e.date.clone(), e.date_text.clone(), e.modality)
            })
            .collect();
        let on_the_day = Some("2025-03-12".to_string());
        assert_eq!(
            dated,
            vec![
                (
                    "ambushed a convoy".into(),
                    None,
                    Some("Last month".into()),
                    Modality::Asserted
                ),
                (
                    "seized the town".into(),
                    None,
                    Some("a year ago".into()),
                    Modality::Asserted
                ),
                // the year names the accord, not the withdrawal
                (
                    "condemned".into(),
                    on_the_day.clone(),
                    None,
                    Modality::Asserted
                ),
                // a period ahead: announced, so an intent to visit
                (
                    "visits".into(),
                    None,
                    Some("next week".into()),
                    Modality::Future
                ),
                // "in the last month" runs up to the story's day
                (
                    "attacked the army base".into(),
                    on_the_day.clone(),
                    None,
                    Modality::Asserted
                ),
                // "next year" is the plan's, not the criticism's
                ("criticised".into(), on_the_day, None, Modality::Asserted),
                // a past act in a clause of earlier time: background
                (
                    "launched an offensive".into(),
                    None,
                    None,
                    Modality::Asserted
                ),
            ],
            "{dated:?}"
        );
    }

    #[test]
    fn a_verb_joined_to_a_dated_verb_shares_its_period() {
        let d = doc(
            None,
            "Last month, insurgents ambushed a bus near the border and killed 18 passengers.",
        );
        let d = dyad_model::Document {
            published: Some("2025-03-12".into()),
            ..d
        };
        let dated: Vec<(String, Option<String>)> = code(&d, lex())
            .events
            .iter()
            .map(|e| (e.trigger.text.clone(), e.date_text.clone()))
            .collect();
        let last_month = Some("Last month".to_string());
        assert_eq!(
            dated,
            [
                ("ambushed".to_string(), last_month.clone()),
                ("killed".to_string(), last_month)
            ]
        );
    }

    #[test]
    fn a_past_act_the_sentence_tells_as_earlier_is_undated() {
        let d = doc(
            None,
            "Navalny, a politician who criticized Putin, was popular. \
             Russia had attacked Ukraine before the talks began. \
             Russia previously threatened to cut gas supplies to Ukraine. \
             Ukraine said Russia had attacked its power grid. \
             It was the rebel leader who attacked the convoy. \
             Hamas attacked Israel.",
        );
        let d = dyad_model::Document {
            published: Some("2025-03-12".into()),
            ..d
        };
        let c = code(&d, lex());
        let dated: Vec<(&str, Option<&str>)> = c
            .events
            .iter()
            .filter(|e| {
                e.event_type != dyad_model::EventType::Accuse || e.trigger.text == "criticized"
            })
            .map(|e| (e.trigger.text.as_str(), e.date.as_deref()))
            .collect();
        let day = Some("2025-03-12");
        assert_eq!(
            dated,
            vec![
                // what the politician is known for
                ("criticized", None),
                // the pluperfect, told by no one
                ("attacked", None),
                ("threatened", None),
                // reported: the past tense shifted back
                ("attacked", day),
                // a cleft is the news
                ("attacked", day),
                ("attacked", day),
            ],
            "{dated:?}"
        );
    }

    #[test]
    fn an_event_noun_is_dated_by_the_period_of_its_verb() {
        let d = doc(
            None,
            "When the US invasion toppled the regime in 2003, the region fell apart.",
        );
        let d = dyad_model::Document {
            published: Some("2025-03-12".into()),
            ..d
        };
        let c = code(&d, lex());
        let dated: Vec<(&str, Option<&str>, Option<&str>)> = c
            .events
            .iter()
            .map(|e| {
                (
                    e.trigger.text.as_str(),
                    e.date.as_deref(),
                    e.date_text.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            dated,
            vec![("invasion", None, Some("in 2003"))],
            "{dated:?}"
        );
    }

    /// The one event `text` codes, after checking its modality.
    /// Each text codes one event, with no day (background or ahead).
    fn assert_one_undated_event_each(texts: &[&str]) {
        for text in texts {
            let c = code_of(text);
            assert_eq!(c.events.len(), 1, "{text}: {:?}", c.events);
            assert_eq!(c.events[0].date, None, "{text}");
        }
    }

    fn assert_one_event_of(text: &str, modality: dyad_model::Modality) -> Event {
        let c = code_of(text);
        assert_eq!(c.events.len(), 1, "{text}: {:?}", c.events);
        assert_eq!(c.events[0].modality, modality, "{text}");
        c.events.into_iter().next().expect("one event")
    }

    #[test]
    fn what_is_wanted_or_prevented_is_not_done() {
        use dyad_model::Modality;
        // wanted, or an entitlement: conditional
        let e = assert_one_event_of(
            "Russia wants Ukraine to give up territory.",
            Modality::Conditional,
        );
        // (and the object of "want" gives it up)
        assert_eq!(e.actors[0].cameo.as_deref(), Some("UKR"));
        assert_one_event_of(
            "Syrian Kurds will be entitled to attend the conference.",
            Modality::Conditional,
        );
        // what must come first for a hypothetical act
        assert_one_event_of(
            "The deal could not be finalised until the UK had withdrawn from the EU.",
            Modality::Conditional,
        );
        // a modal reaches a verb joined to its own ...
        assert_one_event_of(
            "Trump may overreach and start threatening North Korea.",
            Modality::Conditional,
        );
        // ... not one after "but"
        let c = code_of("Rebels would consider a truce but attacked the town.");
        assert!(
            c.events
                .iter()
                .any(|e| e.trigger.text == "attacked" && e.modality == Modality::Asserted),
            "{:?}",
            c.events
        );
        // no intention, no plans, no need: negated
        for text in [
            "Iran has no intention of attacking Israel.",
            "The Kremlin does not have any plans to meet Zelensky.",
        ] {
            assert_one_event_of(text, Modality::Negated);
        }
        // prevented: negated
        assert_one_event_of(
            "Britain will act to prevent Iran from attacking Israel.",
            Modality::Negated,
        );
    }

    #[test]
    fn acts_judged_talked_of_sought_or_scheduled_are_not_done() {
        use dyad_model::Modality;
        // an act judged in general, with the empty subject "it"
        for text in [
            "Russia has learned that it is easier to bomb a city than to win a war.",
            "It is important to support Ukraine, the minister said.",
        ] {
            assert_one_event_of(text, Modality::Conditional);
        }
        // the topic of talk, and the verb joined to it
        let c = code_of("President Trump tweeted about attacking Iran and clashing with Russia.");
        assert_eq!(c.events.len(), 2, "{:?}", c.events);
        assert!(
            c.events.iter().all(|e| e.modality == Modality::Conditional),
            "{:?}",
            c.events
        );
        assert_no_events(&[
            "The general blocked suggestions such as assassinating the Iranian leader.",
        ]);
        // what is hinted at
        assert_one_event_of(
            "Officials hinted at lifting sanctions on Iran.",
            Modality::Conditional,
        );
        // what a demand asks for
        let c = code_of("Protesters renewed demands for expelling the Russian ambassador.");
        assert!(
            c.events
                .iter()
                .any(|e| e.trigger.text.starts_with("expelling")
                    && e.modality == Modality::Conditional),
            "{:?}",
            c.events
        );
        // scheduled, with the infinitive hung on "due": future, and the
        // coming Friday (the story is of Wednesday 6 August)
        let e = assert_one_event_of(
            "The presidents of Russia and Turkey are due to meet in Ankara on Friday.",
            Modality::Future,
        );
        assert_eq!(e.date.as_deref(), Some("2025-08-08"), "{e:?}");
        // the purpose of a future act, and an aim sought
        for text in [
            "Inspectors from Britain will arrive in Syria to investigate Russia.",
            "Spain recalled its ambassador in a move to impose sanctions on Cuba.",
        ] {
            let c = code_of(text);
            assert!(
                c.events.iter().any(|e| e.modality == Modality::Future),
                "{text}: {:?}",
                c.events
            );
        }
        // (an aim pursued is the act itself, under way: no threat)
        assert!(
            kinds("Spain recalled its ambassador in a move to impose sanctions on Cuba.")
                .contains(&(dyad_model::EventType::Sanction, "163".to_string()))
        );
        // ... but an attempt made, and a move that is the act, are done
        let c = code_of("Washington's move to impose sanctions on Cuba angered Havana.");
        assert!(
            c.events
                .iter()
                .any(|e| e.trigger.text.starts_with("impose") && e.modality == Modality::Asserted),
            "{:?}",
            c.events
        );
        // a promise not obtained, with the infinitive hung on the verb
        assert_one_event_of(
            "The rebels have not extracted any promises from Turkey to support an offensive against the militants.",
            Modality::Negated,
        );
    }

    #[test]
    fn a_stance_is_towards_the_side_not_the_means() {
        // "up to 4,000 troops" is a quantity; the force in Liberia is whom
        // the troops go to
        assert_eq!(
            coded_dyads("France is ready to contribute up to 4,000 troops to a peacekeeping force in Liberia."),
            [("030".to_string(), vec!["FRA".to_string()], vec!["LBR".to_string()])]
        );
        // its own troops are no side
        let d = coded_dyads("Syria is willing to withdraw its troops.");
        assert!(d.iter().all(|(_, _, r)| r.is_empty()), "{d:?}");
    }

    #[test]
    fn meeting_leaders_is_a_meeting_and_defending_a_hospital_no_praise() {
        assert_eq!(
            kinds("The Turkish president met with opposition leaders in Ankara."),
            [(dyad_model::EventType::Consult, "040".to_string())]
        );
        assert_no_events(&["Islamic State fighters defended the hospital in Raqqa."]);
    }

    #[test]
    fn earlier_this_month_and_a_stance_long_held_are_background() {
        for text in [
            "Earlier this month, China rejected the ruling of the tribunal.",
            "Beijing has long rejected the ruling of the tribunal.",
        ] {
            let c = code_of(text);
            assert_eq!(c.events.len(), 1, "{text}: {:?}", c.events);
            assert_eq!(c.events[0].date, None, "{text}");
            // (the tribunal is no Chinese court)
            assert!(
                c.events[0].recipients.iter().all(|r| r.country.is_none()),
                "{text}: {:?}",
                c.events[0]
            );
        }
        // a stance taken now keeps the story's day
        assert!(
            code_of("China has rejected the ruling of the tribunal.").events[0]
                .date
                .is_some()
        );
    }

    #[test]
    fn a_participle_describing_the_patterns_noun_is_no_act() {
        assert_no_events(&[
            "Japan and China are locked in an escalating struggle for influence in Asia.",
            "Russia expressed concern about heightened tensions in the region.",
            // a reduced passive before an infinitive: the tourists are
            // expected, they expect nothing
            "Germans make up most of the two million tourists expected to visit the island this year.",
        ]);
        // a main verb the parser hung on its object stays an act
        assert_eq!(
            kinds("Spanish farmers blocked roads in protest."),
            [(dyad_model::EventType::Protest, "144".to_string())]
        );
    }

    #[test]
    fn private_people_a_harm_befell_are_its_victims() {
        for text in [
            "Hundreds of men were rounded up, shot or beheaded.",
            "Civilians remain besieged, starved and raped in the city.",
        ] {
            let c = code_of(text);
            assert!(!c.events.is_empty(), "{text}");
            for e in &c.events {
                assert!(e.actors.is_empty(), "{text}: {e:?}");
                assert!(!e.recipients.is_empty(), "{text}: {e:?}");
            }
        }
        // an active harm by armed men keeps its doers
        assert_eq!(
            dyads("The rebels shot and killed ten soldiers."),
            [dyad("killed", &["REB"], &["MIL"])]
        );
    }

    #[test]
    fn readiness_to_attack_and_a_vow_to_veto_are_threats() {
        for (text, code) in [
            (
                "Turkey said it was ready to launch a new military operation against the militia.",
                "138",
            ),
            // (a gap of more than four words before "operation")
            (
                "Turkey said it was ready to launch a new cross-border military operation.",
                "138",
            ),
            ("The president vowed to veto any tax increase.", "130"),
        ] {
            let k = kinds(text);
            assert_eq!(
                k,
                [(dyad_model::EventType::Threaten, code.to_string())],
                "{text}"
            );
        }
        // readiness to talk is an intent to meet
        assert_eq!(
            kinds("Iran is ready to launch talks with the United States."),
            [(dyad_model::EventType::Agree, "036".to_string())]
        );
    }

    #[test]
    fn visiting_before_a_name_makes_it_the_visitor() {
        let d = dyads(
            "The Chinese leader told visiting U.S. Secretary of State George Shultz that the troubles were over.",
        );
        assert!(
            d.contains(&dyad("visiting", &["USAGOV"], &["CHN"])),
            "{d:?}"
        );
        // a place visited stays the place
        assert_eq!(
            dyads("Putin is visiting Beijing."),
            [dyad("visiting", &["RUSGOV"], &["CHNGOV"])]
        );
    }

    #[test]
    fn every_member_of_a_listed_subject_acts() {
        // the parser read "the UAE" as an apposition of Norway and chained
        // Peru onto Chile
        let d = dyads("Norway, the UAE, Chile and Peru imposed sanctions on Iran.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].1, ["NOR", "ARE", "CHL", "PER"], "{d:?}");
    }

    #[test]
    fn carrying_weapons_and_demanding_to_know_are_no_events() {
        assert_no_events(&[
            "The two officials had been carrying multiple weapons.",
            "The president demanded to know whether his adviser was still on the line.",
            // a fact is no news
            "Investors could take comfort in the fact that prices rose.",
        ]);
        // a settlement is an agreement, no civilians
        assert_eq!(
            dyads("The workers agreed to a settlement of the strike."),
            [dyad("agreed to", &["LAB"], &[])]
        );
        // shipping weapons to a side is still aid
        assert_eq!(
            kinds("Iran shipped weapons to the rebels."),
            [(dyad_model::EventType::Aid, "072".to_string())]
        );
    }

    #[test]
    fn sanctions_that_are_lifted_are_not_imposed() {
        let k = kinds("US sanctions were lifted on several Turkish citizens.");
        assert!(
            k.iter().all(|(_, code)| code != "163"),
            "the lifting is no sanction: {k:?}"
        );
        // the noun that undoes something else is still an act
        assert_eq!(
            kinds("Trump's withdrawal of troops has ended any threat."),
            [(dyad_model::EventType::Retreat, "0874".to_string())]
        );
    }

    #[test]
    fn an_act_on_no_object_is_negated() {
        // (not a threat of restrictions either)
        let e = assert_one_event_of(
            "Cuba said it would impose no restrictions on the diplomats.",
            dyad_model::Modality::Negated,
        );
        assert_eq!(e.cameo.as_deref(), Some("1721"), "{e:?}");
    }

    #[test]
    fn an_event_noun_is_dated_by_the_participle_describing_it() {
        assert_one_undated_event_each(&[
            "The US pullout from Syria, announced by Trump in December, angered the Kurds.",
            "US sanctions imposed on Iran in 2012 hurt its economy.",
        ]);
    }

    #[test]
    fn a_day_naming_another_noun_is_not_the_acts() {
        let c = code_of("Japan criticised irregularities in the February 8 vote.");
        assert_eq!(c.events.len(), 1, "{:?}", c.events);
        assert_eq!(c.events[0].date_text, None, "{:?}", c.events[0]);
        // the trigger's own day stays
        let c = code_of("Brazil's Feb 20 suspension of payments worried banks.");
        assert_eq!(c.events[0].date_text.as_deref(), Some("Feb 20"));
    }

    #[test]
    fn a_fronted_period_dates_the_main_clause() {
        // the parser reads the fronted year as the root; the comma sets it
        // off as the time of what follows
        assert_one_undated_event_each(&[
            "In 2019, the ABC and other armed separatist groups killed nearly 300 people in over 400 attacks.",
            "In 2019, the LRA and other rebel groups killed nearly 300 villagers.",
        ]);
        // a period inside the clause that is not set off stays the parse's
        let c = code_of("Russia attacked Ukraine on Tuesday in a show of force.");
        assert!(c.events[0].date.is_some());
    }

    #[test]
    fn an_act_after_including_is_the_doer_of_the_measures() {
        let c = code_of("Japan will use every tool to stop North Korea from testing missiles, including reimposing trade sanctions.");
        let e = c
            .events
            .iter()
            .find(|e| e.trigger.text.starts_with("reimposing"))
            .expect("the sanctions");
        assert_eq!(e.actors[0].country.as_deref(), Some("JPN"), "{e:?}");
        assert_eq!(e.modality, dyad_model::Modality::Future, "{e:?}");
    }

    #[test]
    fn a_mediation_is_for_the_sides_it_is_between() {
        assert_eq!(
            coded_dyads("Qatar launched a mediation effort between the Emirates and Saudi Arabia."),
            [(
                "045".to_string(),
                vec!["QAT".to_string()],
                vec!["ARE".to_string(), "SAU".to_string()]
            )]
        );
    }

    #[test]
    fn a_noun_naming_the_kind_of_another_or_a_compound_part_is_no_event() {
        assert_no_events(&[
            "U.N. sanctions experts detailed the transfers in a report.",
            "Refugees began to leave the war-ravaged city.",
            // a war of trade, by the surface pattern or the parse's object
            "Washington escalated its trade war with Ottawa.",
            "Trump escalates trade war with Canada.",
        ]);
        // (a noun that stands for the event keeps it: "a mediation effort",
        // in stances_plans_and_event_nouns_in_compounds; a weapon named
        // before a hyphen is still the weapon)
        assert!(!dyads("Rebels fired a rocket-propelled grenade at the army convoy.").is_empty());
        // a noun the parser hung on a point of the compass
        assert!(
            !dyads("Iraq said its troops repelled an overnight Iranian attack east of Basra.")
                .is_empty()
        );
    }

    #[test]
    fn modals_of_the_complement_chain_and_embedded_questions_are_not_asserted() {
        use dyad_model::Modality;
        for text in [
            // a modal of the verb the complement hangs from
            "Turkey could find itself excluded from joint exercises with its NATO partners.",
            // an embedded question
            "Officials have little influence on whether China transfers weapons to Russia.",
            // should
            "British ministers should expand humanitarian aid to Sudan.",
            // what a proposal or an idea proposes
            "Officials floated the idea to impose tariffs on China.",
        ] {
            assert_one_event_of(text, Modality::Conditional);
        }
        // reported "would" is the future of the past, down the chain too
        let c = code_of("Britain said it would continue to support Ukraine.");
        assert_eq!(c.events[0].modality, Modality::Future, "{:?}", c.events);
    }

    #[test]
    fn prospects_abilities_and_schedules_are_not_asserted() {
        use dyad_model::Modality;
        for text in [
            // a prospect
            "Ruritanian ministers are likely to criticise Japan.",
            "Iran is unlikely to accept the proposal.",
            "The United States risks endorsing the annexation.",
            // a hope, a proposal
            "Iran hopes to sign a deal with Russia.",
            "The EU has proposed lifting sanctions on Syria.",
            // an ability
            "The army can bomb the rebels.",
        ] {
            assert_one_event_of(text, Modality::Conditional);
        }
        // a scheduled act is future, but the act itself: its doer has
        // announced no intent
        for (text, code) in [
            ("Putin is expected to meet Trump in Alaska.", "040"),
            ("Russia is set to sign a deal with China.", "057"),
            ("The Indian prime minister is due to visit Moscow.", "042"),
        ] {
            let e = assert_one_event_of(text, Modality::Future);
            assert_eq!(e.cameo.as_deref(), Some(code), "{text}");
        }
        // a present tense in a clause of time of a future verb
        let c = code_of("The premier will raise the issue when he visits Washington.");
        let visit = c.events.iter().find(|e| e.trigger.text == "visits");
        assert_eq!(
            visit.map(|e| e.modality),
            Some(Modality::Future),
            "{:?}",
            c.events
        );
    }

    #[test]
    fn a_verb_joined_to_an_accusation_is_an_act_of_its_own() {
        // not part of what the accusation governs, and aimed at its object
        assert_eq!(
            dyads(
                "Washington has accused Japan of breaking the deal and has threatened \
                 to take retaliatory action."
            ),
            vec![
                dyad("accused", &["USAGOV"], &["JPN"]),
                dyad("threatened", &["USAGOV"], &["JPN"]),
            ]
        );
    }

    #[test]
    fn a_label_before_a_colon_is_not_the_subject() {
        assert_eq!(
            dyads("VOA: Iranian President Masoud Pezeshkian visited Iraq."),
            vec![dyad("visited", &["IRNGOV"], &["IRQ"])]
        );
    }

    #[test]
    fn what_must_be_is_a_demand_only_of_someone_named() {
        // an opinion of what must be, or of what one's own country must do
        assert_no_events(&[
            "The minister said the tax system must be reformed.",
            "Zhao Ziyang said China must continue to reform its prices.",
        ]);
        // whom it is told, when the clause's subject is a pronoun
        assert_eq!(
            dyads("Trump told the EU it must take back its fighters."),
            vec![dyad("must", &["USAGOV"], &["IGOEUREEC"])]
        );
    }

    #[test]
    fn a_stance_is_towards_the_side_of_its_complements_object() {
        assert_eq!(
            dyads("Ukraine said it is ready to accept a U.S. proposal."),
            vec![dyad("accept a U.S. proposal", &["UKR"], &["USA"])]
        );
        assert_eq!(
            dyads("Russia is prepared to accept the Turkish offer."),
            vec![dyad("accept the Turkish offer", &["RUS"], &["TUR"])]
        );
    }

    #[test]
    fn forces_withdrawn_are_the_sources_own_and_no_recipient() {
        assert_eq!(
            dyads("Washington withdrew US troops from Somalia."),
            vec![dyad("withdrew US troops", &["USAGOV"], &["SOM"])]
        );
        assert_eq!(
            dyads("The White House decided to pull US forces out of Syria."),
            vec![dyad("pull US forces out", &["USAGOV"], &["SYR"])]
        );
    }

    #[test]
    fn a_participle_describing_an_event_noun_names_its_target() {
        assert_eq!(
            dyads("US sanctions imposed on Russia have hurt its economy."),
            vec![dyad("sanctions", &["USA"], &["RUS"])]
        );
    }

    #[test]
    fn a_warning_of_what_may_happen_is_no_threat() {
        // pessimistic comments (CAMEO 012, not in PLOVER)
        assert_no_events(&[
            "Economists warned that the deficit could push inflation higher.",
            "The Russian foreign ministry warned of the dangers of a clash with the United States.",
            "The World Bank has warned that unemployment could cause severe social strains.",
            // (a clause the parse loses: by the words)
            "The UN envoy for relief warned that thousands of families living in tents face freezing nights and heavy rain.",
            // "it" with no auxiliary of what may come
            "Peruvian officials warned it was essential to recover the containers.",
        ]);
        // threats: someone warned, or what the speaker's side will do
        for text in [
            "Turkey warned Syria that its patience was running out.",
            "The minister warned that the army will crush any protest.",
            "The rebels warned they would attack the capital.",
            "Peru warned it would retaliate against Chile.",
            "Peru warned it is ready to retaliate against Chile.",
        ] {
            let c = code_of(text);
            assert!(
                c.events.iter().any(|e| e.trigger.text == "warned"),
                "{text}: {:?}",
                c.events
            );
        }
    }

    #[test]
    fn who_is_allowed_to_is_the_recipient() {
        // a passive of a verb with an object before its infinitive
        let c = code_of("Isis was allowed to expand in Syria.");
        let (a, r) = dyad_of(&c, dyad_model::EventType::Concede);
        assert!(a.is_empty(), "{a:?}");
        assert_eq!(r, vec!["IMGMUS".to_string()]);
    }

    #[test]
    fn an_infinitive_after_a_noun_is_done_by_the_nouns_owner_or_no_one_named() {
        // the noun's possessor
        let d = dyads("The Kurds were shocked by Trump's sudden decision to withdraw US troops.");
        assert!(
            d.iter()
                .any(|(t, a, _)| t.starts_with("withdraw") && a == &vec!["USAGOV".to_string()]),
            "{d:?}"
        );
        // an object pronoun: whom it stands for, unknown to the surface reading
        let d = dyads("US officials expected Trump to tell him to back off.");
        assert!(d.iter().all(|(t, _, _)| t != "back off"), "{d:?}");
        // (but not the US; what a pretext is for is no event at all)
        let d =
            dyads("Russia said the attack was the reason for the US to launch strikes on Syria.");
        assert!(
            d.iter()
                .any(|(t, a, _)| t.starts_with("launch") && a == &vec!["USA".to_string()]),
            "{d:?}"
        );
        // a noun that names no actor: not the nearest name further left
        let d = dyads("Driving them away from the Turkish border would reduce the group's ability to support Kurdish rebels.");
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn a_day_of_the_saying_dates_an_announcement_in_the_past() {
        let dated = |text: &str| {
            let d = dyad_model::Document {
                published: Some("2025-03-12".into()),
                ..doc(None, text)
            };
            code(&d, lex())
                .events
                .into_iter()
                .map(|e| e.date.unwrap_or_default())
                .collect::<Vec<_>>()
        };
        // the saying was on Tuesday (the story is of Wednesday 12 March)
        assert_eq!(
            dated("The United States said Tuesday that it would resume military aid to Ukraine."),
            ["2025-03-11"]
        );
        // what is announced for Tuesday is still ahead
        assert_eq!(
            dated("The United States said it would resume military aid to Ukraine on Tuesday."),
            ["2025-03-18"]
        );
    }

    #[test]
    fn calls_for_sanctions_and_evacuations() {
        let c = code_of("Archbishop Desmond Tutu called for sanctions against Nigeria on Sunday.");
        let e = &c.events[0];
        assert_eq!(
            (e.event_type, e.cameo.as_deref()),
            (dyad_model::EventType::Accuse, Some("111"))
        );
        assert_eq!(dyad_of(&c, dyad_model::EventType::Accuse).1, ["NGA"]);
        let c =
            code_of("U.N. helicopters evacuated the wounded from the besieged town of Gorazde.");
        let e = &c.events[0];
        assert_eq!(
            (e.event_type, e.cameo.as_deref()),
            (dyad_model::EventType::Aid, Some("073"))
        );
    }

    #[test]
    fn idioms_of_imported_verbs_are_no_events() {
        // found, not arrested; a setback, not an accusation; trade, not
        // cooperation; a ship's course, not a concession; a statement
        // about a deal, not cooperation; more output, not cooperation; a
        // place, not a war
        assert_no_events(&[
            "A newspaper reporter tracked down the missing boy's father in Ankara.",
            "The Guardian tracked down their relatives in Jamaica.",
            "The court ruling dealt a heavy blow to the Kenyan opposition.",
            "Mexican steel exported to Canada faces new checks.",
            "Russian warships passed into the sea 12 times last year to show Moscow's view that the waters are international.",
            "But Lammy clarified that securing a deal on Greenland's minerals was not the primary aim of the trip.",
            "Japanese automakers stepped up production last year.",
            "Teachers failed to stop the pupils going to a war zone.",
        ]);
        // markets and money: issuing bonds, holding a purchase tender,
        // letting a currency rise, coming to office, a central bank's
        // money market operations
        assert_no_events(&[
            "Norway is issuing a 20 billion yen eurobond.",
            "Egypt will hold a buying tender on Monday for 50,000 tonnes of wheat.",
            "Corazon Aquino took power in 1986.",
            "South Korea is allowing its currency to appreciate slowly.",
            "The Bank of England provided the money market with 150 mln stg assistance.",
            // a block row stops the parse's reading of the verb and its
            // object (`give+ .. assistance`) as well
            "U.K. MONEY MARKET GIVEN 215 MLN STG ASSISTANCE",
            "The Bank of Chile gave the market late assistance of around 200 mln pesos.",
            // control of a company taken is no territory seized
            "Chile planned to drill after taking control of a Canadian-led oil consortium.",
        ]);
        // support for a currency or a market is no political support
        assert_no_events(&[
            "Japanese buying provided support for the Australian dollar.",
            "The Bank of Canada sold reserves to support the pound on foreign exchanges.",
            "Delays in the Argentine harvest supported soybean futures.",
        ]);
    }

    /// Each event of `text` as (PLOVER type, CAMEO code).
    fn kinds(text: &str) -> Vec<(dyad_model::EventType, String)> {
        code_of(text)
            .events
            .into_iter()
            .map(|e| (e.event_type, e.cameo.unwrap_or_default()))
            .collect()
    }

    /// Asserts that each text codes exactly one event, of that type and
    /// CAMEO code.
    fn assert_kinds(cases: &[(&str, dyad_model::EventType, &str)]) {
        for &(text, event, cameo) in cases {
            assert_eq!(kinds(text), [(event, cameo.to_string())], "{text}");
        }
    }

    #[test]
    fn events_among_businesses_are_commerce() {
        // every side a business: a deal, an offer, a request, a complaint
        assert_no_events(&[
            "Investors asked the exchange to reopen the gold contract.",
            "A group of investors offered to buy the chain of stores for ten dollars a share.",
            "Traders complained about delayed price quotes on Monday.",
        ]);
        // a company whose name begins with a country's, named in full
        // earlier ("Brazil Line Ltd"), is no state later on
        assert_no_events(&[
            "Brazil Line Ltd sold two tankers. In March, Brazil Line asked its banks to postpone repayment of loans.",
        ]);
        // a stance to buy, invest or take delivery is a purchase
        assert_no_events(&[
            "The Nigerians seem ready to take delivery of a first cargo of American rice.",
            "Kenya is committed to buying ten tonnes of Ugandan maize.",
        ]);
        assert_eq!(
            kinds("Kenya is ready to negotiate with Uganda."),
            vec![(dyad_model::EventType::Agree, "036".to_string())]
        );
        // a state on one side is politics
        assert_eq!(
            coded_dyads("The government urged commercial banks to lend more to farmers."),
            vec![(
                "100".to_string(),
                vec!["GOV".to_string()],
                vec!["BUS".to_string()]
            )]
        );
        // violence and protest stay, whoever they are done by or to
        assert_eq!(
            kinds("The businessman was kidnapped in Manila last week."),
            vec![(dyad_model::EventType::Assault, "181".to_string())]
        );
        assert_eq!(
            kinds("Traders protested outside the ministry on Monday."),
            vec![(dyad_model::EventType::Protest, "140".to_string())]
        );
    }

    #[test]
    fn native_triggers_need_a_political_reading() {
        // shares that rally, an offer of anything, an opportunity seized
        // and a law that allows are no events
        assert_no_events(&[
            "Canadian bank shares rallied on Tuesday.",
            "The militia offered recruits adventure and status.",
            "Kenya should seize the opportunity to reform its tax system.",
            "Indian law allows the government to revoke passports.",
        ]);
        // an offer of something a side can give still is
        assert_eq!(
            kinds("Germany offered a safe haven to Afghan interpreters."),
            [(dyad_model::EventType::Agree, "030".to_string())]
        );
        // a vow to exterminate is a threat, not an agreement
        assert_eq!(
            kinds("The militants vowed to exterminate the villagers."),
            [(dyad_model::EventType::Threaten, "138".to_string())]
        );
        // police who step up vigil raise their alert
        assert_eq!(
            kinds("Police in Gujarat have stepped up vigil across the state."),
            [(dyad_model::EventType::Mobilize, "151".to_string())]
        );
    }

    #[test]
    fn demand_as_a_market_word_is_no_request() {
        // buyers' demand is no political demand
        assert_no_events(&[
            "Investor demand for the Italian bonds rose sharply.",
            "U.S. OIL DEMAND UP 3.2 PCT FROM YEAR AGO",
        ]);
        // a side's demand still is
        let c = code_of("Iraq said it would consider Syria's demand for compensation.");
        let e = &c.events[0];
        assert_eq!(
            (e.event_type, e.cameo.as_deref()),
            (dyad_model::EventType::Request, Some("100"))
        );
        assert_eq!(dyad_of(&c, dyad_model::EventType::Request).0, ["SYR"]);
    }

    #[test]
    fn business_idioms_are_no_events() {
        // what a regulator lets firms or markets do, a company's deal, a
        // procurement contract, a sum invested, an executive who resigns,
        // a takeover of a firm and a currency or a family supported are no
        // political events
        assert_no_events(&[
            "The Kenyan finance ministry will allow foreign banks to open branches in Nairobi.",
            "Saudi Arabia allowed its output to fall sharply last year.",
            "Spanish insurers will be allowed to sell policies abroad.",
            "A Canadian mining company agreed to sell its Peruvian unit for 40 mln dlrs.",
            "The Nigerian airline agreed to acquire a smaller rival.",
            "The U.S. Navy awarded a 20 mln dlr contract to a Kenyan firm.",
            "The Brazilian government signed a contract with a German engineering firm.",
            "French investors will invest 200 mln euros in the project.",
            "The bank said its chief executive officer had resigned.",
            "The Egyptian minister resigned from the company's board.",
            "The Indian state bank will take over the ailing textile company.",
            "The pound was supported by Japanese buying.",
            "Farmers need new crops to support their families.",
        ]);
        // the same verbs in their political senses still code
        assert_one_event_each(&[
            "Japan agreed to sell warplanes to Egypt.",
            "The Kenyan president resigned on Tuesday.",
            "Russia allowed Ukrainian ships to leave the port.",
            "Rebels took over the northern town.",
        ]);
    }

    #[test]
    fn anonymity_and_other_set_phrases_are_no_events() {
        // an official who asks to stay anonymous requests nothing; "hard
        // pressed to" is no pressure; an export bonus offer accepted and a
        // defendant named are no agreement or accusation
        assert_no_events(&[
            "The Kenyan official, who asked to remain anonymous, said the talks failed.",
            "The Kenyan official, who asked that his name not be used, said the talks failed.",
            "The Kenyan official, who asked not to be further identified, said the talks failed.",
            "Japan will be hard-pressed to stimulate its economy.",
            "Japan will be hard pressed to stimulate its economy.",
            "The Commodity Credit Corporation accepted a bonus offer from an exporter.",
            "The Egyptian defence ministry was named as a defendant in the lawsuit.",
        ]);
        // asking a side to remain something and pressing it still are requests
        assert_one_event_each(&[
            "Kenya asked Uganda to remain neutral.",
            "The U.S. pressed Japan to open its markets.",
        ]);
    }

    #[test]
    fn documents_disasters_and_debts_are_no_sides() {
        // what a bill calls for is no side's demand, the dead of a crash or
        // a flood were attacked by no one, and a state cutting its own debt
        // gives no aid
        assert_no_events(&[
            "The Egyptian bill called for new elections.",
            "Two Kenyan soldiers were killed in a helicopter crash.",
            "Fifty people were killed or injured in flooding in Iran.",
            "Jamaica aims to reduce its foreign debt.",
        ]);
        assert_one_event_each(&[
            "Egypt called for new elections.",
            "Russian troops killed two Ukrainian soldiers in Kherson.",
        ]);
    }

    #[test]
    fn corporate_deals_are_no_political_events() {
        // an acquisition agreed or entered into, a shareholder meeting
        // called, a merger rejected and a takeover bid launched
        assert_no_events(&[
            "The Kenyan bank entered into an agreement to acquire a Ugandan lender.",
            "The Egyptian company agreed to be acquired by a Saudi group.",
            "The Nigerian oil firm called a special shareholder meeting.",
            "The Kenyan competition authority rejected the merger.",
            "The Saudi firm launched a takeover bid for the Egyptian bank.",
            // taking part in a loan, back from a holiday
            "Kenyan banks took part in the syndicated loan.",
            "The Egyptian minister returned from a holiday in Spain.",
        ]);
        // taking part in a strike is one
        let c = code_of("Kenyan teachers took part in the strike.");
        assert_eq!(
            c.events
                .iter()
                .map(|e| (e.event_type, e.cameo.clone().unwrap_or_default()))
                .collect::<Vec<_>>(),
            [(dyad_model::EventType::Protest, "143".to_string())]
        );
        assert_one_event_each(&[
            "Egypt rejected the Israeli proposal.",
            "Kenya entered into an agreement with Uganda.",
            "Egypt took part in the talks with Israel.",
            "The Kenyan president returned from Washington.",
        ]);
    }

    #[test]
    fn strikes_that_are_no_assaults() {
        // a court striking down a law, oil struck, a quake that strikes, a
        // price defended, a quota met, a paper programme launched
        assert_no_events(&[
            "A Kenyan court struck down the law.",
            "Mexico struck oil off its coast.",
            "Ecuador was struck by an earthquake.",
            "OPEC is defending its benchmark price.",
            "Belgium launched a commercial paper program.",
            "Egypt will defend against the charges.",
        ]);
        // workers who strike protest; a deal they strike is an agreement
        assert_eq!(
            kinds("Kenyan teachers struck on Monday."),
            [(dyad_model::EventType::Protest, "143".to_string())]
        );
        assert_eq!(
            kinds("Seamen struck individual accords with the shipping companies."),
            [(dyad_model::EventType::Agree, "030".to_string())]
        );
        // armed forces that strike still attack; a rapprochement struck
        // is an agreement
        assert_eq!(
            kinds("Russian jets struck the town."),
            [(dyad_model::EventType::Assault, "190".to_string())]
        );
        assert_eq!(
            kinds("Ankara has struck a rapprochement with Damascus."),
            [(dyad_model::EventType::Agree, "030".to_string())]
        );
    }

    #[test]
    fn no_comment_is_no_rejection_whatever_the_lemma() {
        // `refuse+` is a one-word row ("to" follows it), "declined" may be
        // tagged with the lemma "declin", and declining to give details is
        // no comment either
        assert_no_events(&[
            "The Kenyan minister also refused to say which side was to blame for the renewed fighting.",
            "Brazil refused to say when it would resume interest payments.",
            "A spokesman for the Danish central bank declined to give further details.",
            "The Dutch Finance Ministry declined to comment on the press reports.",
        ]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn never_panics_and_spans_hold(title in proptest::option::of("\\PC{0,40}"), text in "\\PC{0,300}") {
            let d = doc(title.as_deref(), &text);
            let c = code(&d, lex());
            check_spans(&d, &c);
        }

        #[test]
        fn never_panics_on_news_like_text(words in proptest::collection::vec(
            prop_oneof![
                Just("Russia"), Just("U.S."), Just("attacked"), Just("met"), Just("with"), Just("if"),
                Just(","), Just("."), Just("by Friday"), Just("’s"), Just("“"), Just("the Kremlin"),
                Just("said"), Just("President"), Just("Putin"), Just("and"), Just("talks between"),
                Just("not"), Just("according to"), Just("TASS"), Just("threatened to impose sanctions on"),
            ],
            0..40,
        )) {
            let d = doc(None, &words.join(" "));
            let c = code(&d, lex());
            check_spans(&d, &c);
        }
    }

    #[test]
    fn a_retreat_noun_is_from_the_side_it_leaves() {
        assert_eq!(
            dyads("The British withdrawal from Iraq began on Monday."),
            vec![dyad("withdrawal", &["GBR"], &["IRQ"])]
        );
    }

    #[test]
    fn a_target_hung_on_a_nominal_by_agent_is_the_nominal_target() {
        // the parser attaches "to Kenya" to the name of the visitor
        assert_eq!(
            dyads("The deal was announced during a three-day visit by Narendra Modi to Kenya."),
            vec![dyad("visit", &["INDGOV"], &["KEN"])]
        );
    }

    #[test]
    fn signing_and_upgrading_ties_are_done_among_the_sides() {
        assert_eq!(
            dyads("Kenya and Ethiopia signed an agreement on border trade."),
            vec![dyad("signed an agreement", &["KEN"], &["ETH"])]
        );
        assert_eq!(
            dyads("Chile and Peru have upgraded their ties."),
            vec![dyad("upgraded their ties", &["CHL"], &["PER"])]
        );
        // ratifying is each side's own
        assert_eq!(
            dyads("Neither Spain nor Italy has ratified the treaty."),
            vec![dyad("ratified the treaty", &["ESP", "ITA"], &[])]
        );
    }

    #[test]
    fn a_side_inside_the_gap_of_a_pattern_is_its_target() {
        // the surface reading: no parse subject for the infinitive
        assert_eq!(
            dyads("Up to ten militants attempted to storm a US military base near the border."),
            vec![dyad("storm a US military base", &["UAF"], &["USAMIL"])]
        );
        // not a side of no country, not one's own
        let recipients = |text: &str| -> Vec<Vec<String>> {
            dyads(text).into_iter().map(|(_, _, r)| r).collect()
        };
        assert_eq!(
            recipients("The ministry decided to recall its ambassador."),
            vec![Vec::<String>::new()]
        );
    }

    #[test]
    fn an_object_pronoun_stands_for_the_object_of_the_verb_before() {
        assert_eq!(
            dyads("The army arrested Vladimir Putin on Monday and jailed him."),
            vec![
                dyad("arrested", &["MIL"], &["RUSGOV"]),
                dyad("jailed", &["MIL"], &["RUSGOV"])
            ]
        );
        let recipients = |text: &str| -> Vec<Vec<String>> {
            dyads(text).into_iter().map(|(_, _, r)| r).collect()
        };
        assert_eq!(
            recipients("The Arab League suspended Syria in 2011 and expelled it."),
            vec![vec!["SYR".to_string()]]
        );
        // "him" is no village
        assert_eq!(
            recipients("The fighters entered the village and killed him."),
            vec![Vec::<String>::new()]
        );
    }

    #[test]
    fn a_past_tense_after_a_role_noun_is_its_verb() {
        // not one actor "police stopped Vladimir Putin"
        assert_eq!(
            dyads("The police stopped Vladimir Putin and detained him."),
            vec![dyad("detained", &["COP"], &["RUSGOV"])]
        );
        // an adjective in "-ed" before the role noun still belongs to it
        assert_eq!(
            dyads("Syrian armed forces attacked Turkey."),
            vec![dyad("attacked", &["SYRMIL"], &["TUR"])]
        );
    }

    #[test]
    fn a_participle_with_a_by_phrase_describes_whom_it_was_done_to() {
        assert_eq!(
            dyads("Assad, supported by Moscow, has used chemical weapons."),
            vec![
                dyad("supported", &["RUSGOV"], &["SYRELI"]),
                dyad("used chemical weapons", &["SYRELI"], &[])
            ]
        );
        // a question asked is no event
        assert_no_events(&[
            "Later, asked by a reporter whether he would resign, the minister smiled.",
        ]);
    }

    #[test]
    fn verbs_joined_straight_away_share_their_object() {
        assert_eq!(
            dyads("Russia threatened to cut or reduce gas supplies to Ukraine."),
            vec![dyad("threatened", &["RUS"], &["UKR"])]
        );
        assert_eq!(
            dyads("Ankara has threatened to close or suspend U.S. operations at the base."),
            vec![dyad("threatened", &["TURGOV"], &["USA"])]
        );
    }

    #[test]
    fn chinese_and_korean_names_are_known_by_their_first_word() {
        let recipients = |text: &str| -> Vec<Vec<String>> {
            dyads(text).into_iter().map(|(_, _, r)| r).collect()
        };
        let r = recipients("Vladimir Putin welcomed North Korean leader Kim Jong Un in Moscow. Putin met Kim on Tuesday.");
        assert_eq!(r.len(), 2);
        assert!(r[1].iter().any(|c| c.starts_with("PRK")), "{r:?}");
        assert_eq!(
            recipients("Lai Ching-te arrived in Paraguay on Monday. The president of Paraguay met Lai on Tuesday."),
            vec![vec!["TWNGOV".to_string()]]
        );
    }

    #[test]
    fn a_subset_of_the_object_is_no_recipient_before_its_group() {
        assert_eq!(
            dyads("Police arrested nine Islamic State members, including two women."),
            vec![dyad(
                "arrested nine Islamic State members",
                &["COP"],
                &["IMGMUS"]
            )]
        );
        // an upper-case IS among lower-case words is the group, not a verb
        assert_eq!(
            dyads("Iraqi police arrested four IS commanders near Mosul."),
            vec![dyad("arrested", &["IRQCOP"], &["IMGMUS"])]
        );
    }

    #[test]
    fn a_danger_is_no_threat_made() {
        assert_no_events(&[
            "The Chinese threat keeps growing.",
            "Lisbon regards the separatists as a security threat to the region.",
        ]);
        assert_eq!(
            dyads("Beijing's threat to cut trade with Manila alarmed investors."),
            vec![dyad("threat", &["CHNGOV"], &[])]
        );
    }

    #[test]
    fn expelling_people_is_deporting_them_and_envoys_a_break_in_relations() {
        use dyad_model::EventType;
        assert_eq!(
            kinds("Rebels expelled hundreds of farmers from the valley."),
            vec![(EventType::Coerce, "174".to_string())]
        );
        assert_eq!(
            kinds("Two Chilean diplomats expelled by Peru flew home."),
            vec![(EventType::Sanction, "161".to_string())]
        );
    }

    #[test]
    fn an_attempt_is_not_done_but_an_attempted_assault_is_an_assault() {
        use dyad_model::Modality;
        assert_one_event_of(
            "The senators tried to block the sale of jets to Turkey.",
            Modality::Conditional,
        );
        assert_one_event_of(
            "Rebels attempted to storm an army base near the border.",
            Modality::Asserted,
        );
    }

    #[test]
    fn an_attack_on_words_or_a_paper_is_criticism_and_idioms_code_nothing() {
        use dyad_model::EventType;
        assert_eq!(
            kinds("The senator attacked the Lima Herald newspaper over its reporting."),
            vec![(EventType::Accuse, "111".to_string())]
        );
        assert_eq!(
            kinds("Chile's finance minister attacked the rise in Peruvian interest rates."),
            vec![(EventType::Accuse, "111".to_string())]
        );
        assert_no_events(&[
            "Chilean exiles occupied key positions in the ministry.",
            "The unrest threatens the survival of the Bolivian government.",
        ]);
        // standing by while it happens is no support
        assert_eq!(
            kinds("Ecuador stood by while Peru was invaded."),
            vec![(EventType::Assault, "190".to_string())]
        );
    }

    #[test]
    fn a_participle_between_commas_after_a_noun_is_what_it_underwent() {
        assert_eq!(
            dyads("A Chilean foreign ministry spokesman, asked for an official reaction to the remarks, said he could not comment."),
            vec![dyad("asked", &[], &["CHLGOV"])]
        );
    }

    #[test]
    fn he_or_she_is_no_news_agency() {
        assert_no_events(&[
            "The decision follows a phone call with Chile's president on Friday where he agreed to do so, Reuters reported.",
        ]);
    }

    #[test]
    fn a_region_of_a_country_is_where_not_who() {
        assert_no_events(&[
            "Moscow has admitted that its nationals were killed in Raqqa, northern Syria, having earlier dismissed the reports.",
        ]);
    }

    #[test]
    fn a_direct_question_tells_nothing() {
        use dyad_model::Modality;
        assert_one_event_of("Did Peru impose sanctions on Chile?", Modality::Conditional);
        assert_one_event_of("Peru imposed sanctions on Chile.", Modality::Asserted);
        // whatever the parse: an opening auxiliary and a question mark
        assert_one_event_of("Is Peru ready to talk with Chile?", Modality::Conditional);
        assert_one_event_of(
            "\"Is Peru ready to talk with Chile?\" the senator asked.",
            Modality::Conditional,
        );
        // (a readiness to talk announces the talks)
        assert_one_event_of("Peru is ready to talk with Chile.", Modality::Future);
    }

    #[test]
    fn what_a_denied_report_tells_is_denied_and_what_is_pressed_for_is_not_done() {
        use dyad_model::Modality;
        assert_one_event_of(
            "Lima denied a report that Peru was shipping arms to Bolivia.",
            Modality::Negated,
        );
        // (the parser hangs this report's clause on the verb, not on the
        // noun: what the dismissed accusations tell is still denied)
        let c = code_of("Peru's envoy dismissed accusations it is buying weapons from Bolivia.");
        let bought: Vec<Modality> = c
            .events
            .iter()
            .filter(|e| e.trigger.text.starts_with("buying"))
            .map(|e| e.modality)
            .collect();
        assert_eq!(bought, [Modality::Negated], "{:?}", c.events);
        assert_one_event_of(
            "The minister has been under pressure to resign from the cabinet.",
            Modality::Conditional,
        );
        // the purpose of a journey is still to come
        assert_one_event_of(
            "Inspectors from the OPCW arrived in Lima to investigate the attack.",
            Modality::Future,
        );
        assert_one_event_of("Peru went on to attack Chile.", Modality::Asserted);
    }

    #[test]
    fn weapons_and_bans_get_their_own_codes() {
        use dyad_model::EventType::{Accuse, Assault, Coerce, Protest, Sanction};
        assert_kinds(&[
            // a ban on things is an administrative sanction; on parties or
            // politicians, the ban of CAMEO 1722
            ("The city of Lyon banned the march.", Coerce, "172"),
            ("Peru banned the opposition party.", Coerce, "1722"),
            ("Peru banned two Marxist parties.", Coerce, "1722"),
            // bombs dropped are aerial weapons; chemical weapons and
            // roadside bombs have codes of their own
            ("Syrian jets dropped bombs on Idlib.", Assault, "195"),
            (
                "The rebels used chemical weapons against Aleppo.",
                Assault,
                "2041",
            ),
            (
                "The rebels used roadside bombs against Iraqi troops.",
                Assault,
                "183",
            ),
            // a clash of words
            (
                "The senator clashed with Obama over the budget.",
                Accuse,
                "111",
            ),
            ("Merkel clashed publicly with Sarkozy.", Accuse, "111"),
            (
                "Iraqi troops clashed with Kurdish fighters.",
                Assault,
                "193",
            ),
            // a state's boycott is imposed, not a protest of the street
            ("Peru boycotted the Olympics in Chile.", Sanction, "163"),
            ("Students boycotted classes in Lima.", Protest, "143"),
        ]);
    }

    #[test]
    fn a_participle_pattern_before_by_is_done_by_the_by_phrase() {
        // "taken hostage by": the by-phrase after the pattern's words takes,
        // the noun described is taken
        assert_eq!(
            dyads(
                "They asked about Juan Perez, the Peruvian journalist taken hostage by Islamic State."
            ),
            [(
                "taken hostage".to_string(),
                vec!["IMGMUS".to_string()],
                vec!["PERMED".to_string()]
            )]
        );
    }

    #[test]
    fn misfiring_rows_of_the_verb_dictionary_are_mended() {
        use dyad_model::EventType::{Assault, Coerce, Concede, Mobilize, Protest};
        assert_no_events(&[
            "Two girls died in custody in Lima.",
            "The number of migrants coming to Peru fell.",
            "The minister conceded they were wrong about Chile.",
            "Peru beefed up its tax laws.",
            "Children in Peru are overwhelmed with expectations.",
        ]);
        assert_kinds(&[
            ("Mourners clashed with police in Lima.", Protest, "145"),
            (
                "Peruvian troops were driven out of Ecuador by Ecuadorian forces.",
                Assault,
                "190",
            ),
            (
                "Thousands of villagers were driven out of Kosovo by Serb forces.",
                Assault,
                "201",
            ),
            ("Peru conceded the island to Chile.", Concede, "080"),
            (
                "Peruvian police beefed up security in Lima.",
                Mobilize,
                "150",
            ),
            ("Two girls died in police custody in Lima.", Assault, "190"),
            // territory seized is 192, not property (171)
            (
                "The rebels still hold territory they seized from Peru.",
                Coerce,
                "192",
            ),
        ]);
    }

    #[test]
    fn a_present_participle_is_the_deed_of_the_noun_it_describes() {
        assert_eq!(
            coded_dyads("Darfur is the last stronghold of rebels fighting the Sudanese army."),
            [dyad("190", &["REB"], &["SDNMIL"])]
        );
        // (a fight is against someone, not in a place; nor one a
        // conjunction opens)
        assert_no_events(&[
            "The Chadian militias fighting in Sudan are a threat to peace.",
            "Hundreds of Chadian fighters fighting in Sudan were paid by the army.",
        ]);
        assert_eq!(
            coded_dyads(
                "Officials in Chad expelled diplomats from two countries for taking part in protests."
            ),
            [dyad("161", &["TCDGOV"], &[]), dyad("141", &["GOV"], &[])]
        );
        // fighting for someone is no criticism of them (CAMEO 111)
        assert_no_events(&["British converts who leave to fight for Isis are guilty."]);
    }

    #[test]
    fn a_saying_joined_to_the_trigger_does_not_report_it() {
        let told = |text: &str| -> Vec<(String, Option<String>)> {
            code_of(text)
                .events
                .iter()
                .map(|e| {
                    (
                        e.modality.as_str().to_string(),
                        e.attribution.as_ref().map(|a| a.text.clone()),
                    )
                })
                .collect()
        };
        // a gerund of saying has its speaker before it, never the name
        // after it
        assert_eq!(
            told("Chad fiercely opposes the talks, saying the Libyan forces are under foreign command."),
            [("asserted".to_string(), None)]
        );
        // the United Nations says what follows "says", not the fighting
        assert_eq!(
            told("Chadian rebels have been fighting the army, and the United Nations says both sides have committed abuses."),
            [("asserted".to_string(), None)]
        );
        // a saying the parser joined to what it reports, and a second
        // "that" clause of the saying, still report it
        assert_eq!(
            told("Rebels killed two soldiers and wounded five, a Chadian newspaper reported."),
            [(
                "reported".to_string(),
                Some("Chadian newspaper reported".to_string())
            )]
        );
        assert_eq!(
            told("The minister said he expected an agreement, and that Niger will accept the final plan."),
            [("future".to_string(), Some("minister said".to_string()))]
        );
    }

    #[test]
    fn a_named_side_is_listed_once() {
        assert_eq!(
            coded_dyads("The United Arab Emirates, UAE, has criticised Chad."),
            [dyad("111", &["ARE"], &["TCD"])]
        );
        // (people of no name stay apart)
        assert_eq!(
            coded_dyads("Chadian soldiers killed women and children."),
            [dyad("190", &["TCDMIL"], &["CVL", "CVL"])]
        );
    }

    #[test]
    fn what_there_is_no_sign_of_is_not_coded() {
        assert_no_events(&[
            "There is no indication that Turkey will attack the town.",
            "There was no sign the Chadian government would meet the conditions.",
        ]);
    }

    #[test]
    fn up_to_a_number_of_people_is_the_object() {
        // (the parser made "up" a particle and "to 16 … advisers" an
        // oblique)
        assert_eq!(
            coded_dyads(
                "Chadian rebels have kidnapped up to 16 Libyan civilian advisers from a town market and burned a school in the capital, diplomats said today."
            )
            .first(),
            Some(&dyad("181", &["TCDREB"], &["LBYCVL"]))
        );
    }

    #[test]
    fn a_right_duty_or_means_to_act_is_not_the_act() {
        assert_no_events(&[
            "Chad has the right to attack Libyan positions.",
            "The Chadian president has the power to veto legislation.",
            "Niger had no capacity to carry out attacks in Chad.",
        ]);
    }

    #[test]
    fn armed_men_fighting_a_government_assault_it() {
        use dyad_model::EventType::{Accuse, Assault};
        assert_kinds(&[
            (
                "Rebels have been fighting the Chadian government since 2005.",
                Assault,
                "190",
            ),
            // (words, not arms: the imported criticism)
            (
                "Opposition leaders in Chad attacked the government over the budget.",
                Accuse,
                "111",
            ),
        ]);
        // what something is too little for is not done
        assert_one_event_of(
            "The Chadian grant is too small to provide any support for farmers.",
            dyad_model::Modality::Negated,
        );
    }

    #[test]
    fn harm_is_not_done_to_the_subject_of_another_verb() {
        // the surface reading's "first actor after it" is no recipient
        // when it is the doer of a clause of its own
        assert_eq!(
            coded_dyads(
                "Chadian troops raided a camp in what the government called a response to a Libyan attack."
            ),
            [
                dyad("171", &["TCDMIL"], &[]),
                dyad("190", &["LBY"], &[]),
            ]
        );
        // (and killing off rumours is no harm at all)
        assert_eq!(
            coded_dyads(
                "Officials in Chad are trying to kill off rumours Libya would retaliate with an attack on the border."
            ),
            []
        );
    }

    #[test]
    fn coming_or_going_to_nowhere_is_no_visit() {
        assert_no_events(&[
            "The rebels in Darfur will come back.",
            "The Chadian parliament returned from its recess.",
            "When it comes to the Chadian army, the opposition is divided, the president said.",
        ]);
        assert_kinds(&[(
            "The Chadian president went to Libya.",
            dyad_model::EventType::Consult,
            "040",
        )]);
    }

    #[test]
    fn fights_need_a_foe_and_readiness_announces_its_act() {
        use dyad_model::EventType::*;
        // a fight with someone fought is an assault; with no one, none
        assert_kinds(&[
            (
                "Rebel fighters battled army troops outside Goma.",
                Assault,
                "190",
            ),
            ("Chadian soldiers fought Libyan forces.", Assault, "190"),
            // (beside someone: cooperation)
            (
                "Foreign fighters fought alongside the Chadian army.",
                Cooperate,
                "062",
            ),
        ]);
        assert_no_events(&[
            "The new government of Chad will fight corruption.",
            "Chadian farmers fought hard to keep their land.",
            "The coalition tasked with fighting the militants left Chad.",
            // (fought for or beside, not against)
            "Libyan militias were fighting on the side of the Chadian government.",
            // armed men who defend fight; no defence in words (052)
            "Chadian troops defended Abeche against the rebels.",
            "The town was defended by Libyan fighters.",
        ]);
        // ready to do an act of its own: that act announced, coded as
        // its intent; ready to do what is no event: an intent to cooperate
        assert_kinds(&[
            (
                "Norway said it was ready to send humanitarian aid to Sudan.",
                Agree,
                "0333",
            ),
            (
                "Chile says it is willing to withdraw its troops from Bolivia.",
                Agree,
                "0356",
            ),
            ("Chile is ready to cooperate with Peru.", Agree, "031"),
            ("Chile is ready to go further with Peru.", Agree, "030"),
        ]);
        for (text, expected) in [
            // the Kurds are a side (CAMEO's ethnic code KUR); a state's
            // Kurds its civilians
            (
                "Chad shelled the Kurds.",
                dyad("shelled", &["TCD"], &["KUR"]),
            ),
            (
                "Iraqi Kurds accused Chad of lying.",
                dyad("accused", &["IRQCVL"], &["TCD"]),
            ),
            // the West is a side (CAMEO's WST); "the West Bank" is no West
            (
                "Chad called on the West to lift sanctions.",
                dyad("called on", &["TCD"], &["WST"]),
            ),
            (
                "Chad condemned the West Bank settlements.",
                dyad("condemned", &["TCD"], &["PSE"]),
            ),
            // a description and the name after it are one side
            (
                "Chad shelled the Syrian Kurdish militia, the YPG, last year.",
                dyad("shelled", &["TCD"], &["SYRREB"]),
            ),
            // cabinet secretaries are the government's
            (
                "The home secretary criticised Chile.",
                dyad("criticised", &["GOV"], &["CHL"]),
            ),
        ] {
            assert_eq!(dyads(text), [expected], "{text}");
        }
    }
}
