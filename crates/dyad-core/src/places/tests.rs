use dyad_model::{Document, Span};

use crate::tests::doc;

/// The place of the event whose trigger is the first `trigger` of the text.
fn place_of(text: &str, trigger: &str) -> Option<dyad_model::Location> {
    let lex = dyad_lexicon::Lexicon::builtin().unwrap();
    let d = doc(None, text);
    let at = text.find(trigger).unwrap();
    crate::event_location(&d, lex, Span::new(at, at + trigger.len()))
}

fn ids(title: Option<&str>, text: &str) -> Vec<(String, Option<u64>)> {
    crate::places(&doc(title, text))
        .into_iter()
        .map(|l| (l.name, l.geonames_id))
        .collect()
}

#[test]
fn the_narrowest_place_and_no_side_for_a_place() {
    let name = |text: &str, trigger: &str| place_of(text, trigger).map(|l| l.name);
    // A nested place phrase: the town or district, not its region.
    assert_eq!(
        name(
            "A blast destroyed a truck in the Vedeno region of southern Chechnya, killing three soldiers.",
            "killing"
        )
        .as_deref(),
        Some("Vedeno")
    );
    // A country naming the side of a thing is not where it happened.
    assert_eq!(
        name(
            "Five soldiers were killed near the US military base in Habbaniya.",
            "killed"
        )
        .as_deref(),
        Some("Habbaniya")
    );
    assert_eq!(
        name(
            "Two men were killed in a U.S.-led raid on Tuesday.",
            "killed"
        ),
        None
    );
    // "in" the parse took for a clause's mark still locates.
    assert_eq!(
        name(
            "Hundreds of students demonstrated Friday in Belgrade denouncing the vote.",
            "demonstrated"
        )
        .as_deref(),
        Some("Belgrade")
    );
}

#[test]
fn paris_and_georgia_resolve_by_context() {
    // Alone, Paris is the French capital and Georgia the country.
    assert_eq!(
        ids(None, "Talks were held in Paris."),
        [("Paris".to_string(), Some(2988507))]
    );
    assert_eq!(
        ids(None, "Voters in Georgia went to the polls."),
        [("Georgia".to_string(), Some(614540))]
    );
    // With Texas and Dallas named, Paris is the Texan town.
    let texas = ids(
        None,
        "A storm hit Dallas and Houston in Texas. Roads in Paris were closed.",
    );
    assert!(
        texas.contains(&("Paris".to_string(), Some(4717560))),
        "{texas:?}"
    );
    // With Atlanta and Savannah named, Georgia is the US state.
    let us = ids(
        None,
        "Rallies were held in Atlanta and Savannah. Georgia votes on Tuesday.",
    );
    assert!(
        us.contains(&("Georgia".to_string(), Some(4197000))),
        "{us:?}"
    );
    // Old spellings: Kiev is Kyiv.
    assert_eq!(
        ids(None, "Shelling was reported in Kiev."),
        [("Kiev".to_string(), Some(703448))]
    );
    // A place's own name before another's old one: Salisbury the English
    // city, not Harare's colonial name.
    let salisbury = ids(None, "The UK blamed Russia for the Salisbury attack.");
    assert!(
        salisbury.contains(&("Salisbury".to_string(), Some(2638664))),
        "{salisbury:?}"
    );
}

#[test]
fn a_capital_by_an_alternate_name_is_not_preferred() {
    // "Delhi" is among the alternate names of Dili, Timor-Leste's capital
    assert_eq!(
        ids(None, "Protesters rallied in Delhi on Monday."),
        [("Delhi".to_string(), Some(1273294))]
    );
    // a capital by its own name keeps its weight
    assert_eq!(
        ids(None, "Protesters rallied in Dili on Monday."),
        [("Dili".to_string(), Some(1645457))]
    );
}

#[test]
fn the_event_happened_where_the_trigger_attaches() {
    let l = place_of("The envoy met the president in Moscow on Wednesday.", "met").unwrap();
    assert_eq!(l.name, "Moscow");
    assert_eq!(l.geonames_id, Some(524901));
    assert_eq!(l.country.as_deref(), Some("RUS"));
    assert_eq!(l.feature.as_deref(), Some("PPLC"));
    assert_eq!(l.admin1_code.as_deref(), Some("RU.48"));
    let l = place_of("Russia and Ukraine held talks in Istanbul.", "held").unwrap();
    assert_eq!(
        (l.name.as_str(), l.country.as_deref()),
        ("Istanbul", Some("TUR"))
    );
    // Where a minister flew from is not where the talks were.
    let l = place_of(
        "The minister, who flew in from Paris, met his counterpart in Cairo.",
        "met",
    )
    .unwrap();
    assert_eq!(l.name, "Cairo");
    // A place the gazetteer lacks, marked as one by the text.
    let l = place_of(
        "Rebels captured the village of Zorvan on Monday.",
        "captured",
    )
    .unwrap();
    assert_eq!((l.name.as_str(), l.geonames_id), ("Zorvan", None));
    // A nationality is no place; a sentence without a place has none.
    assert_eq!(place_of("U.S. troops fired on the crowd.", "fired"), None);
    assert_eq!(place_of("The talks ended without a deal.", "ended"), None);
}

#[test]
fn subjects_possessives_and_captives() {
    let name = |text: &str, trigger: &str| place_of(text, trigger).map(|l| l.name);
    // The place of the trigger's own subject, but not of another verb's.
    assert_eq!(
        name(
            "Hundreds of students in Tikrit demonstrated on Friday.",
            "demonstrated"
        )
        .as_deref(),
        Some("Tikrit")
    );
    assert_eq!(
        name(
            "The ministry in Tokyo said that the guards patrolled the streets.",
            "patrolled"
        ),
        None
    );
    // An apostrophe lost in conversion still makes a possessive.
    assert_eq!(
        name("Many people were killed in Syria   s civil war.", "killed").as_deref(),
        Some("Syria")
    );
    assert_eq!(
        name(
            "Rebels attacked a checkpoint in Syria   s western Hama province.",
            "attacked"
        )
        .as_deref(),
        Some("Hama")
    );
    // Any locative preposition the parse did not take as a case marker.
    assert_eq!(
        name("He was shot as he walked along Atlantic Avenue.", "shot").as_deref(),
        Some("Atlantic Avenue")
    );
    // An adjective of a people is no place.
    assert_eq!(
        name(
            "Four Kurdish civilians were killed in the attack.",
            "killed"
        ),
        None
    );
    // "on" after an attack names where it struck, unless it is opposed.
    assert_eq!(
        name(
            "Ten fighters were killed in the attack on Aleppo.",
            "killed"
        )
        .as_deref(),
        Some("Aleppo")
    );
    assert_eq!(
        name(
            "Students protested against the attack on Iraq.",
            "protested"
        ),
        None
    );
    // A person's country is not where the event happened.
    assert_eq!(
        name(
            "Ivan Petrov of Canada captured silver in the race.",
            "captured"
        ),
        None
    );
    // A site's own name, nested in its city, and a division's short name.
    assert_eq!(
        name(
            "Gunmen killed two guards at the Bardo Museum in Tunis.",
            "killed"
        )
        .as_deref(),
        Some("Bardo Museum")
    );
    assert_eq!(
        name(
            "A bomb was detonated in Dagestan's regional capital Makhachkala.",
            "detonated"
        )
        .as_deref(),
        Some("Makhachkala")
    );
    // A captive the gazetteer does not know is no place when one is named.
    assert_eq!(
        name(
            "Soldiers captured Zorvanov on Monday in Pakistan.",
            "captured"
        )
        .as_deref(),
        Some("Pakistan")
    );
}

#[test]
fn the_dateline_places_events_without_a_place() {
    let lex = dyad_lexicon::Lexicon::builtin().unwrap();
    let d = doc(
        Some("Talks resume"),
        "KYIV (Reuters) - Ukraine accused Russia of breaking the truce on Tuesday.",
    );
    let coded = crate::code(&d, lex);
    let e = coded.events.first().expect("an ACCUSE event");
    let l = e.location.as_ref().expect("the dateline's place");
    assert_eq!(l.name, "Kyiv");
    assert_eq!(l.geonames_id, Some(703448));
    assert_eq!(
        &coded_text(&d)[l.span.unwrap().start..l.span.unwrap().end],
        "KYIV"
    );
}

fn coded_text(d: &Document) -> String {
    d.full_text()
}

#[test]
fn no_input_panics() {
    for text in [
        "",
        " ",
        "(",
        "KYIV",
        "in",
        "In the town of",
        "Al-",
        "al - X",
        "São",
        "–– ’s",
    ] {
        let _ = crate::places(&doc(None, text));
        let _ = crate::places(&doc(Some(text), text));
        if !text.is_empty() {
            let lex = dyad_lexicon::Lexicon::builtin().unwrap();
            let _ = crate::event_location(&doc(None, text), lex, Span::new(0, text.len()));
            let _ =
                crate::event_location(&doc(None, text), lex, Span::new(text.len(), text.len() + 5));
        }
    }
}

#[test]
fn a_short_acronym_is_no_town() {
    // "BLA" is an armed group, not Bla in Mali; "UK" is a country's name
    assert_eq!(
        ids(None, "The BLA attacked a train in Balochistan.").len(),
        1
    );
    assert!(ids(None, "The BLA attacked a train.").is_empty());
    assert_eq!(ids(None, "The UK sent troops.").len(), 1);
}

#[test]
fn a_region_of_several_countries_is_in_none() {
    let l = place_of("Gunmen attacked an army base in the Sahel.", "attacked").unwrap();
    assert_eq!(
        (l.name.as_str(), l.feature.as_deref(), l.country.as_deref()),
        ("Sahel", Some("RGN"), None)
    );
    // (but Burkina Faso's division of the name in a story of its country)
    let l = place_of(
        "Burkina Faso said gunmen attacked a village in the Sahel region.",
        "attacked",
    )
    .unwrap();
    assert_eq!(
        (l.feature.as_deref(), l.country.as_deref()),
        (Some("ADM1"), Some("BFA"))
    );
    let l = place_of("Iran seized a tanker in the Persian Gulf.", "seized").unwrap();
    assert_eq!(
        (l.name.as_str(), l.country.as_deref()),
        ("Persian Gulf", None)
    );
    // a state that has ended
    let l = place_of("NATO bombed Yugoslavia for 78 days.", "bombed").unwrap();
    assert_eq!(
        (l.name.as_str(), l.country.as_deref()),
        ("Yugoslavia", None)
    );
}
