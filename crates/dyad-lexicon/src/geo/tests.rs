use super::*;

fn gaz() -> &'static Gazetteer {
    Gazetteer::builtin().unwrap()
}

fn ids(name: &str) -> Vec<(u64, &'static str, bool)> {
    let g = gaz();
    g.lookup(&normalise(name))
        .map(|c| {
            let p = g.place(c.place);
            (p.geonames_id.unwrap_or(0), p.feature.code(), c.demonym)
        })
        .collect()
}

#[test]
fn names_find_their_places() {
    assert!(ids("Moscow").contains(&(524901, "PPLC", false)));
    assert!(ids("Istanbul").contains(&(745044, "PPL", false)));
    // Old and new spellings, any case, diacritics folded.
    assert!(ids("Kiev").contains(&(703448, "PPLC", false)));
    assert!(ids("KYIV").contains(&(703448, "PPLC", false)));
    assert!(ids("São Paulo").iter().any(|&(id, _, _)| id == 3448439));
    // Georgia the country and the US state; Paris, France and Texas.
    let georgia = ids("Georgia");
    assert!(georgia.contains(&(614540, "PCLI", false)));
    assert!(georgia.contains(&(4197000, "ADM1", false)));
    let paris = ids("Paris");
    assert!(paris.contains(&(2988507, "PPLC", false)));
    assert!(paris.contains(&(4717560, "PPL", false)));
    // Demonyms name their country.
    assert!(ids("Russian").contains(&(2017370, "PCLI", true)));
    assert!(ids("no such place").is_empty());
    // Regions that are no division, from the curated overlay.
    assert!(ids("Darfur").contains(&(0, "RGN", false)));
    assert!(ids("Nagorno-Karabakh").contains(&(0, "RGN", false)));
    let donbass = gaz().lookup(&normalise("Donbass")).next().unwrap();
    assert_eq!(gaz().place(donbass.place).country, "UKR");
}

#[test]
fn places_have_their_facts() {
    let g = gaz();
    let moscow = g
        .places()
        .iter()
        .find(|p| p.geonames_id == Some(524901))
        .unwrap();
    assert_eq!(moscow.country, "RUS");
    assert_eq!(moscow.admin1.as_deref(), Some("RU.48"));
    assert!((moscow.lat.unwrap() - 55.75).abs() < 0.01);
    assert!((moscow.lon.unwrap() - 37.62).abs() < 0.01);
    assert!(moscow.population > 10_000_000);
    assert_eq!(g.admin1("US.TX").map(|p| p.name.as_str()), Some("Texas"));
    assert!(g.country("TUR").is_some());
}

#[test]
fn invariants() {
    let g = gaz();
    assert!(g.places().len() > 30_000, "{}", g.places().len());
    let mut last = 0;
    let mut curated = false;
    for p in g.places() {
        // GeoNames rows sorted by id, unique; then the curated regions.
        match p.geonames_id {
            Some(id) => {
                assert!(!curated && id > last, "rows sorted by id, unique: {id}");
                last = id;
            }
            None => {
                assert_eq!(p.feature, Feature::Region, "{}", p.name);
                curated = true;
            }
        }
        assert!(!p.name.is_empty());
        assert!(p.country.chars().all(|c| c.is_ascii_uppercase()));
        if let (Some(lat), Some(lon)) = (p.lat, p.lon) {
            assert!((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon));
        }
        if matches!(p.feature, Feature::City | Feature::Capital) {
            assert!(p.lat.is_some() && p.lon.is_some(), "{}", p.name);
        }
        if let Some(a) = &p.admin1 {
            assert!(a.contains('.'), "{a}");
        }
    }
    // One capital per country at most.
    let mut capitals = std::collections::HashSet::new();
    for p in g.places().iter().filter(|p| p.feature == Feature::Capital) {
        assert!(capitals.insert(&p.country), "two capitals in {}", p.country);
    }
}

/// The compiled files are the ones the checked-in TSV gives (no drift).
#[test]
fn index_matches_the_tsv() {
    use std::io::Read;
    let mut text = String::new();
    flate2::read::GzDecoder::new(TSV_GZ)
        .read_to_string(&mut text)
        .unwrap();
    let (fst, ids, _) = crate::build::geo::index_of_tsv(&text).unwrap();
    assert!(fst == FST, "names.fst is stale: run `dyad lexicon geo`");
    assert!(ids == IDS, "names.ids is stale: run `dyad lexicon geo`");
    assert!(
        places_of_tsv(&text) == PLACES,
        "places.tsv is stale: run `dyad lexicon geo`"
    );
}

#[test]
fn bad_parts_are_errors() {
    assert!(Gazetteer::from_parts("not a gazetteer", FST.to_vec(), IDS).is_err());
    let bad_row = format!("{}\n1\tX\tNOPE\tRUS\t\t\t\t0\n", places_header());
    assert!(Gazetteer::from_parts(&bad_row, FST.to_vec(), IDS).is_err());
    assert!(Gazetteer::from_parts(PLACES, b"not an fst".to_vec(), IDS).is_err());
    assert!(Gazetteer::from_parts(PLACES, FST.to_vec(), &IDS[..IDS.len() - 1]).is_err());
    assert!(Gazetteer::from_parts(PLACES, FST.to_vec(), &[0xff; 4]).is_err());
}
