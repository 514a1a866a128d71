use super::*;
use crate::triggers::{Element, Triggers};

const DICTIONARY: &str = "\
####### SYNONYM SETS #######

&CEASEFIRE
+TRUCE
+CEASE_FIRE

####### VERB PATTERNS #######

---  ACCELERATE   [---]  ---
RUSH
SPEED {SPEEDING SPEEDS SPED }
- * AID                       [070]         # RUSH
- * AID                       [073]         # RUSH
- * &CEASEFIRE [0356]
- * (TO BORDER) [154]
- * EXPLANATION [020]
- &CEASEFIRE * [154]
- * DEPLOYMENT [154]
- * DEPLOYMENT [1541]

---  SANCTION [163] ---
SANCTION
RUSH
+CALL_OFF [160]
- * (AGAINST) [---]
- * TRADE [1621]
- * (WITH) [042:043]
- * (ON) [:070]
- $ * + [160]
";

const PLOVER: &str = "\
# CAMEO to PLOVER conversion table
04: CONSULT
042: CONSULT, visit,   # Make a visit
070: AID,   ,  # Provide aid
073: AID,   ,   humanitarian # Provide humanitarian aid
0356: AGREE,  ,   military # Express intent to de-escalate
154: MOBILIZE, troops, military # Mobilize or increase armed forces
160: SANCTION,   ,  # Reduce relations
163: COERCE, restrict,   diplomatic # Impose embargo, boycott, or sanctions
1621: SANCTION, discontinue,   economic    # Reduce or stop economic assistance
";

fn run(dictionary: &str) -> Import {
    import(&Sources {
        dictionary,
        dictionary_name: "CAMEO.test.txt",
        plover: PLOVER,
        plover_name: "CAMEO2PLOVER.txt",
        keep_unmapped: false,
        words_before_verb: false,
    })
}

fn inflector() -> Inflector {
    Inflector::load(IRREGULAR).unwrap()
}

#[test]
fn converts_verbs_and_patterns() {
    let got = run(DICTIONARY);
    let rows: Vec<(&str, &str)> = got
        .rows
        .iter()
        .map(|r| (r.pattern.as_str(), r.cameo.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("call+ off", "160"),
            ("call+ off .. trade", "1621"),
            ("call+ off with", "042"),
            ("rush+|speed+|sped .. aid", "070"),
            ("rush+|speed+|sped .. cease fire", "0356"),
            ("rush+|speed+|sped .. deployment", "1541"),
            ("rush+|speed+|sped .. truce|truces", "0356"),
            ("rush+|speed+|sped to .. border", "154"),
            ("sanction+", "163"),
            ("sanction+ .. trade", "1621"),
            ("sanction+ with", "042"),
        ]
    );
    let sanction = got.rows.iter().find(|r| r.pattern == "sanction+").unwrap();
    assert_eq!(
        (sanction.event.as_str(), sanction.mode.as_str()),
        ("SANCTION", "discontinue")
    );
    assert_eq!(sanction.contexts, ["economic"]);
    let tsv = got.to_tsv("dyad verbs import CAMEO.test.txt");
    assert!(tsv.starts_with(HEADER), "{tsv}");
    assert!(
        tsv.contains(
            "\nrush+|speed+|sped to .. border\tMOBILIZE\ttroops\t154\tmilitary\tverb\tCAMEO.test.txt:15\n"
        ),
        "{tsv}"
    );
}

#[test]
fn drops_conflicts_and_odd_codes_are_reported() {
    let r = run(DICTIONARY).report;
    assert_eq!((r.blocks, r.verbs, r.patterns, r.synsets), (2, 5, 13, 1));
    assert_eq!((r.verb_rows, r.pattern_rows), (2, 9));
    assert_eq!(r.duplicates, 1);
    let dropped: Vec<(&str, usize)> = r.dropped.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(
        dropped,
        [
            ("pattern: CAMEO code with no PLOVER type (01x, 02x)", 1),
            ("pattern: null code [---] (do not code)", 1),
            (
                "pattern: reverse-direction code of a verb dyad does not reverse ([:CODE])",
                1
            ),
            ("pattern: words before the verb", 1),
            ("verb: listed before (PETRARCH keeps its first block)", 1),
            ("verb: null code [---] (do not code)", 2),
        ]
    );
    // AID: 070 and 073 are as specific, the first stays; DEPLOYMENT: the
    // longer 1541 wins; `$ * +` [160] meets the verb row of SANCTION [163].
    assert_eq!(
        r.conflicts,
        [
            "`rush+|speed+|sped .. aid`: kept 070 (line 12) over 073 (line 13)",
            "`rush+|speed+|sped .. deployment`: kept 1541 (line 19) over 154 (line 18)",
            "`sanction+`: kept 163 (line 22) over 160 (line 29)",
        ]
    );
    assert_eq!(r.parent_codes.iter().collect::<Vec<_>>(), ["1541"]);
    assert_eq!(r.no_goldstein.get("1541"), Some(&1));
    assert_eq!(r.forms.len(), 1);
    assert!(
        r.forms[0].starts_with("CAMEO.test.txt:11: speed: sped"),
        "{:?}",
        r.forms
    );
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert!(r
        .to_string()
        .contains("conflicts (same pattern, different codes): 3"));
}

#[test]
fn the_output_loads_as_triggers() {
    let got = run(DICTIONARY);
    let t = Triggers::load(&got.to_tsv("test"), &inflector()).unwrap();
    assert_eq!(t.patterns.len(), got.rows.len());
    let words = ["troops", "sped", "to", "the", "border"];
    let m = t.match_at(&words, 1).unwrap();
    assert_eq!(t.patterns[m.pattern].cameo.as_deref(), Some("154"));
    assert!(matches!(&t.patterns[m.pattern].elements[1], Element::Words(w) if w[..] == ["to"]));
}

#[test]
fn malformed_input_is_reported_and_never_panics() {
    let got = run("junk\n--- X [163] ---\nVERB {A\n- * [\n- * }{ )( [070]\n&\n+\n- * &X_ [070]\n");
    let lines: Vec<&str> = got
        .report
        .problems
        .iter()
        .map(|p| p.split(':').nth(1).unwrap_or(""))
        .collect();
    assert_eq!(
        lines,
        ["1", "3", "4", "6", "7"],
        "{:?}",
        got.report.problems
    );
    // Every prefix of the sample, cut anywhere, converts without panicking.
    for end in (0..DICTIONARY.len()).step_by(7) {
        let _ = run(&DICTIONARY[..end]).to_tsv("x");
    }
}

/// The generated file must load with the crate's trigger loader and keep
/// its invariants: sorted, unique patterns, every code mapped.
#[test]
fn the_generated_file_loads_and_is_sorted() {
    const FILE: &str = include_str!("../../data/cameo-verbs.tsv");
    let t = Triggers::load(FILE, &inflector()).unwrap();
    assert!(t.patterns.len() > 1000, "{}", t.patterns.len());
    let patterns: Vec<&str> = t.patterns.iter().map(|p| p.text.as_str()).collect();
    assert!(
        patterns.windows(2).all(|w| w[0] < w[1]),
        "not sorted and unique"
    );
    let header = FILE.lines().next().unwrap_or("");
    assert_eq!(header, HEADER);
    // Every code has a Goldstein score but 1213 (reject judicial
    // cooperation), which GDELT's table lacks (see CAMEO-VERBS.md).
    let mut report = Report::default();
    let goldstein = first_column("goldstein.tsv", GOLDSTEIN, "cameo", &mut report);
    let mut missing: Vec<&str> = t
        .patterns
        .iter()
        .filter_map(|p| p.cameo.as_deref())
        .filter(|c| !goldstein.contains(*c))
        .collect();
    missing.sort_unstable();
    missing.dedup();
    assert_eq!(missing, ["1213", "1952"]);
    assert!(t.patterns.iter().all(|p| p.cameo.is_some()));
}

#[test]
fn the_conversion_is_deterministic() {
    assert_eq!(run(DICTIONARY).to_tsv("x"), run(DICTIONARY).to_tsv("x"));
}

/// A dictionary with test-only codes ([901], a letter in [174K], 02x):
/// dropped by default, kept under the placeholder type on request, as
/// PETRARCH writes any code out as it stands.
#[test]
fn unmapped_codes_are_kept_on_request() {
    const TEST_CODES: &str = "\
--- FORSAKE [901] ---
FORSAKE
- * PLEDGES [174K]
- * PROMISES [023]
- * AID [070]
- * HOPE [08!]
";
    let rows = |keep_unmapped: bool| -> Vec<(String, String, String)> {
        import(&Sources {
            dictionary: TEST_CODES,
            dictionary_name: "test.txt",
            plover: PLOVER,
            plover_name: "CAMEO2PLOVER.txt",
            keep_unmapped,
            words_before_verb: false,
        })
        .rows
        .into_iter()
        .map(|r| (r.pattern, r.event, r.cameo))
        .collect()
    };
    let owned = |v: &[(&str, &str, &str)]| -> Vec<(String, String, String)> {
        v.iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect()
    };
    assert_eq!(rows(false), owned(&[("forsake+ .. aid", "AID", "070")]));
    assert_eq!(
        rows(true),
        owned(&[
            ("forsake+", UNMAPPED_EVENT, "901"),
            ("forsake+ .. aid", "AID", "070"),
            ("forsake+ .. pledges", UNMAPPED_EVENT, "174K"),
            ("forsake+ .. promises", UNMAPPED_EVENT, "023"),
        ])
    );
}

/// A pattern of only an adverb particle (`- * BACK`) is an idiom of one
/// verb: kept when its comment names the verb, dropped when nothing says
/// which verb of the block it was written for.
#[test]
fn a_particle_pattern_without_its_verb_is_dropped() {
    let got = run("\
---  LEAD   [---]  ---
HEAD
LEAD
- * BACK [042]
- * OUT                     [160]         # HEAD
- * (TO) [042]
");
    let patterns: Vec<&str> = got.rows.iter().map(|r| r.pattern.as_str()).collect();
    assert_eq!(patterns, ["head+|lead+ out", "head+|lead+ to"]);
    assert_eq!(
        got.report
            .dropped
            .get("pattern: only an adverb particle after the verb, and no comment naming the verb"),
        Some(&1)
    );
}

#[test]
fn reverse_codes_are_kept_for_the_verb_their_comment_names() {
    const REVERSE: &str = "\
---  RECEIVE [---] ---
RECEIVE
ACCEPT
- * DONATIONS [:070] # RECEIVE
- * SHIPMENTS [:070] # ACCEPT
";
    let i = run(REVERSE);
    let rows: Vec<(&str, bool)> = i
        .rows
        .iter()
        .map(|r| (r.pattern.as_str(), r.reverse))
        .collect();
    // "accept" is no verb whose subject plainly receives; "receive" is,
    // and its row is not spread to "accept"
    assert_eq!(rows, [("receive+ .. donations", true)]);
    assert!(i
        .to_tsv("x")
        .contains("receive+ .. donations\tAID\t\t070\t\treverse\t"));
}

#[test]
fn aid_a_subject_receives_is_coded_from_whom_it_came() {
    const RECEIVED: &str = "\
---  OBTAIN [---] ---
RECEIVE
GET
ACQUIRE
- * WEAPONS [070] # RECEIVE
- * FOOD (TO) [070] # GET
- * AMBASSADOR [042] # RECEIVE
";
    let i = run(RECEIVED);
    let rows: Vec<(&str, &str, bool)> = i
        .rows
        .iter()
        .map(|r| (r.pattern.as_str(), r.cameo.as_str(), r.reverse))
        .collect();
    // aid received is the giver's, for the verb the comment names only;
    // food got *to* someone is sent on, and a meeting code stays forward
    assert_eq!(
        rows,
        [
            ("receive+ .. weapons", "070", true),
            ("receive+|get+|acquire+ .. ambassador", "042", false),
            ("receive+|get+|acquire+ .. food to", "070", false),
        ]
    );
}

#[test]
fn statements_become_block_rows_that_keep_a_phrase_from_a_less_specific_pattern() {
    let dictionary = "\
---  EXPRESS   [---]  ---
EXPRESS
- * ASSISTANCE [033]
- * APPRECIATION [013]
- * THANKS [020]
- * (TO) [---]
";
    let plover = "033: AGREE,  , diplomatic # Express intent to provide material aid\n";
    let got = import(&Sources {
        dictionary,
        dictionary_name: "CAMEO.test.txt",
        plover,
        plover_name: "CAMEO2PLOVER.txt",
        keep_unmapped: false,
        words_before_verb: false,
    });
    let rows: Vec<(&str, &str, bool)> = got
        .rows
        .iter()
        .map(|r| (r.pattern.as_str(), r.cameo.as_str(), r.block))
        .collect();
    // 013 is a statement: kept, as a block; 020 (an appeal) and [---] are
    // dropped.
    assert_eq!(
        rows,
        [
            ("express+ .. appreciation", "013", true),
            ("express+ .. assistance", "033", false),
        ]
    );
    assert_eq!(got.report.block_rows, 1);
    assert!(got.report.no_goldstein.is_empty());
    let tsv = got.to_tsv("dyad verbs import CAMEO.test.txt");
    assert!(
        tsv.contains("\nexpress+ .. appreciation\t\t\t013\t\tblock\tCAMEO.test.txt:4\n"),
        "{tsv}"
    );
    let table: String = tsv
        .lines()
        .map(|l| l.rsplit_once('\t').map_or(l, |(row, _)| row))
        .collect::<Vec<_>>()
        .join("\n");
    let t = Triggers::load_files(&[("cameo-verbs.tsv", &table)], &inflector()).unwrap();
    let words = [
        "expressed",
        "appreciation",
        "for",
        "china",
        "'s",
        "assistance",
    ];
    assert_eq!(t.match_at(&words, 0), None);
    let blocked = t.blocked_all(&words)[0].unwrap();
    assert_eq!(t.patterns[blocked.pattern].cameo.as_deref(), Some("013"));
    let words = ["expressed", "support", "and", "assistance"];
    let m = t.match_at(&words, 0).unwrap();
    assert_eq!(t.patterns[m.pattern].cameo.as_deref(), Some("033"));
    assert_eq!(t.blocked_all(&words)[0], None);
}
