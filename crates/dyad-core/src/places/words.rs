//! The word lists of the places stage: prepositions, nouns of places,
//! sites and attacks, and the words no place name starts with.

/// Words that may stand inside a multi-word place name in lower case.
pub(super) const CONNECTORS: &[&str] =
    &["de", "del", "la", "al", "el", "of", "upon", "on", "du", "-"];

/// Prepositions that locate an event ("in Moscow", "near Kharkiv").
pub(super) const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "throughout",
    "around",
    "on",
    "along",
    "off",
    "within",
    "into",
    "nearby",
    "over",
    "through",
];

/// Nouns of settlements and areas: "the town of X", "X province".
pub(super) const PLACE_NOUNS: &[&str] = &[
    "town",
    "towns",
    "cities",
    "districts",
    "provinces",
    "neighbourhoods",
    "neighborhoods",
    "areas",
    "regions",
    "town",
    "city",
    "village",
    "villages",
    "province",
    "region",
    "district",
    "neighbourhood",
    "neighborhood",
    "area",
    "suburb",
    "governorate",
    "state",
    "county",
    "settlement",
    "settlements",
    "capital",
    "port",
    "camp",
    "municipality",
    "countryside",
    "outskirts",
];

/// Every word that can start an unknown name's context: the cues of
/// `unknown_names` and the place and facility nouns (one hash look-up per
/// word instead of a scan of the lists).
pub(super) static CUE_WORDS: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| {
        let mut v: Vec<&str> = [
            "in",
            "near",
            "outside",
            "around",
            "across",
            "throughout",
            "through",
            "at",
        ]
        .iter()
        .chain(TERRITORIAL_FORMS)
        .chain(PLACE_NOUNS)
        .chain(FACILITIES)
        .chain(NAMED_FEATURES)
        .copied()
        .collect();
        v.sort_unstable();
        v.dedup();
        v
    });

/// Capitalised nouns that end the name of a site or a natural feature the
/// gazetteer does not hold: "the Bardo Museum", "the Baliem Valley",
/// "Hongze Lake", "the Malacca Straits", "Atlantic Avenue".
pub(super) const NAMED_FEATURES: &[&str] = &[
    "museum",
    "palace",
    "valley",
    "lake",
    "strait",
    "straits",
    "sea",
    "river",
    "island",
    "peninsula",
    "airport",
    "airbase",
    "bridge",
    "street",
    "avenue",
    "road",
    "square",
    "camp",
    "embassy",
    "hospital",
    "stadium",
    "mosque",
    "prison",
    "canal",
    "bay",
    "desert",
    "mountains",
    "hills",
    "heights",
];

/// Abbreviated months.
pub(super) const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Words that may precede a place name in capitals ("East Jerusalem").
pub(super) const COMPASS: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "greater", "downtown", "occupied", "in", "at", "near",
];

/// Capitalised words that are never place names on their own
/// (besides days and months, see [`not_a_place`]).
const NOT_PLACES: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "his",
    "her",
    "their",
    "its",
    "i",
    "he",
    "she",
    "they",
    "we",
    "it",
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "minister",
    "in",
    "on",
    "at",
    "after",
    "before",
    "when",
    "while",
    "but",
    "and",
    "as",
    "if",
    "of",
    "for",
    "from",
    "with",
    "by",
    "during",
    "meanwhile",
    "earlier",
    "later",
];

/// Whether a lower-cased word is never a place name on its own.
pub(super) fn not_a_place(w: &str) -> bool {
    NOT_PLACES.contains(&w) || dyad_lexicon::is_day_or_month(w)
}

/// Arabic articles written in lower case before a hyphen ("al-Tijara").
pub(super) const ARTICLES: &[&str] = &[
    "al", "el", "ad", "as", "ash", "an", "ar", "at", "az", "ez", "es",
];

/// Nouns whose "on" locates: "on the outskirts of Karachi".
pub(super) const EDGES: &[&str] = &[
    "outskirts",
    "edge",
    "edges",
    "border",
    "frontier",
    "coast",
    "road",
    "highway",
    "street",
    "streets",
    "island",
    "bank",
    "front",
    "frontline",
    "outskirt",
    "side",
    "shore",
    "banks",
];

/// Verbs whose object or passive subject is the place itself: "captured
/// Badme", "patrolled the streets of Reynosa", "shelled the town".
pub(super) const TERRITORIAL: &[&str] = &[
    "capture",
    "seize",
    "liberate",
    "recapture",
    "retake",
    "patrol",
    "shell",
    "bomb",
    "bombard",
    "attack",
    "storm",
    "raid",
    "enter",
    "overrun",
    "occupy",
    "besiege",
    "encircle",
    "invade",
    "destroy",
    "pound",
    "strike",
    "hit",
    "target",
    "control",
    "surround",
    "visit",
    "tour",
];

/// The inflected forms of [`TERRITORIAL`] verbs that may precede a place.
pub(super) const TERRITORIAL_FORMS: &[&str] = &[
    "captured",
    "captures",
    "capturing",
    "seized",
    "seizes",
    "seizing",
    "liberated",
    "liberates",
    "liberating",
    "recaptured",
    "retook",
    "retaken",
    "patrol",
    "patrols",
    "patrolled",
    "patrolling",
    "shelled",
    "shelling",
    "bombed",
    "bombing",
    "bombarded",
    "attacked",
    "attacking",
    "stormed",
    "raided",
    "entered",
    "overran",
    "overrun",
    "occupied",
    "besieged",
    "encircled",
    "invaded",
    "destroyed",
    "pounded",
    "struck",
    "hit",
    "targeted",
    "controlled",
    "surrounded",
    "visited",
    "toured",
];

/// Words that may join the places of one nested place phrase: "the Vedeno
/// region of southern Chechnya", "Iraq's northern Nineveh province",
/// "Lucciana, in upper Corsica".
pub(super) const NESTING: &[&str] = &[
    ",",
    "'s",
    "'",
    "s",
    "of",
    "regional",
    "provincial",
    "in",
    "the",
    "north",
    "south",
    "east",
    "west",
    "upper",
    "lower",
];

/// Adjectives of a part of a country or region ("*southern* Chechnya",
/// "Deir ez-Zor, *eastern* Syria"): where, in a place phrase, and never the
/// country acting.
pub(crate) const REGION_ADJECTIVES: &[&str] = &[
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
];

/// Nouns of attacks, whose "on" names where they struck: "the attack on
/// Ras al-Ain", "the siege on Manbij".
pub(super) const ATTACKS: &[&str] = &[
    "attack",
    "attacks",
    "assault",
    "assaults",
    "raid",
    "raids",
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
    "offensive",
    "siege",
    "bombardment",
    "shelling",
    "counterattack",
    "counter-attack",
];

/// Buildings and sites named after their place: "Heathrow airport".
pub(super) const FACILITIES: &[&str] = &[
    "airport",
    "base",
    "palace",
    "square",
    "road",
    "avenue",
    "street",
    "bridge",
    "junction",
    "checkpoint",
    "crossing",
    "headquarters",
    "embassy",
    "hotel",
    "plant",
    "prison",
    "mosque",
    "church",
    "market",
    "stadium",
    "home",
    "peninsula",
    "river",
    "valley",
    "border",
    "airbase",
    "refinery",
    "port",
    "harbour",
    "harbor",
];

/// Relations a place's path to the trigger may not cross: other clauses,
/// and subjects (a subject's modifiers describe it, not the event: "the
/// head of the forces in Tabqa was killed").
pub(super) const CLAUSES: &[&str] = &[
    "acl",
    "acl:relcl",
    "advcl",
    "ccomp",
    "csubj",
    "csubj:pass",
    "parataxis",
    "xcomp",
    "conj",
    "list",
    "nsubj",
    "obl:agent",
    "vocative",
    "dislocated",
];
