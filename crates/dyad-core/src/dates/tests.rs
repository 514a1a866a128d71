//! The tagger's behaviour on sentences written for these tests.

use super::*;

/// (extent, type, value) of every timex, published on `dct`.
fn tags(text: &str, dct: &str) -> Vec<(String, &'static str, String)> {
    let published: Date = dct.parse().unwrap();
    timexes(text, Some(published))
        .into_iter()
        .map(|t| (t.span.slice(text).to_string(), t.kind.as_str(), t.value))
        .collect()
}

/// The value of the only timex of `text`, published on Wednesday 2025-08-06.
fn value(text: &str) -> String {
    let t = tags(text, "2025-08-06");
    assert_eq!(t.len(), 1, "{text}: {t:?}");
    t[0].2.clone()
}

/// The extent of the only timex of `text`.
fn extent(text: &str) -> String {
    let t = tags(text, "2025-08-06");
    assert_eq!(t.len(), 1, "{text}: {t:?}");
    t[0].0.clone()
}

fn exprs(text: &str) -> Vec<(String, Option<String>, bool)> {
    let published: Date = "2025-08-06".parse().unwrap();
    let s = Sentence::new(text, 0, 0..text.len(), false);
    find(&s, Some(published))
        .0
        .into_iter()
        .map(|e| {
            (
                e.span.slice(text).to_string(),
                e.resolve(published, false).map(|d| d.to_string()),
                e.deadline,
            )
        })
        .collect()
}

#[test]
fn weekdays_point_back_unless_a_deadline() {
    assert_eq!(
        exprs("They met on Wednesday and must agree by Friday."),
        [
            ("on Wednesday".into(), Some("2025-08-06".into()), false),
            ("by Friday".into(), Some("2025-08-08".into()), true),
        ]
    );
    assert_eq!(
        exprs("It said so on Monday.")[0].1.as_deref(),
        Some("2025-08-04")
    );
    assert_eq!(exprs("Wednesday's meeting")[0].0, "Wednesday's");
    assert_eq!(
        exprs("He will go next Monday.")[0].1.as_deref(),
        Some("2025-08-11")
    );
}

#[test]
fn calendar_dates_and_offsets() {
    assert_eq!(
        exprs("on Aug. 4, 2025 it")[0].1.as_deref(),
        Some("2025-08-04")
    );
    assert_eq!(exprs("on 30 July")[0].1.as_deref(), Some("2025-07-30"));
    assert_eq!(exprs("yesterday")[0].1.as_deref(), Some("2025-08-05"));
    assert_eq!(
        exprs("within 10 days"),
        [("within 10 days".into(), Some("2025-08-16".into()), true)]
    );
    assert_eq!(exprs("on 2024-02-29")[0].1.as_deref(), Some("2024-02-29"));
    assert!(exprs("in 45 cases").is_empty());
}

#[test]
fn weekdays_follow_tense_and_preposition() {
    assert_eq!(
        value("The envoy met the president on Wednesday."),
        "2025-08-06"
    );
    assert_eq!(value("The talks ended on Monday."), "2025-08-04");
    assert_eq!(value("The ministers will meet on Monday."), "2025-08-11");
    assert_eq!(value("They must agree by Friday."), "2025-08-08");
    assert_eq!(
        value("They said they would study Monday's ruling."),
        "2025-08-04"
    );
    assert_eq!(value("The council meets next Tuesday."), "2025-08-12");
    assert_eq!(
        tags(
            "The vote was held on Monday, Aug. 4, in the capital.",
            "2025-08-06"
        )[0],
        (
            "Monday, Aug. 4".to_string(),
            "DATE",
            "2025-08-04".to_string()
        )
    );
    assert_eq!(
        tags("Rebels attacked the town on Friday night.", "2025-08-06")[0],
        (
            "Friday night".to_string(),
            "TIME",
            "2025-08-01TNI".to_string()
        )
    );
}

#[test]
fn weeks_months_years_relative_to_publication() {
    assert_eq!(value("Talks resumed this week."), "2025-W32");
    assert_eq!(value("Talks collapsed last week."), "2025-W31");
    assert_eq!(value("Prices rose last month."), "2025-07");
    assert_eq!(value("Elections are due next year."), "2026");
    assert_eq!(value("The army withdrew two years ago."), "2023");
    assert_eq!(value("The army withdrew three months ago."), "2025-05");
    assert_eq!(value("The treaty lapsed last summer."), "2024-SU");
    assert_eq!(value("Exports fell in the third quarter."), "2025-Q3");
    assert_eq!(
        tags(
            "Second-quarter profit rose 5% from a year earlier.",
            "2025-08-06"
        )[1],
        ("a year earlier".to_string(), "DATE", "2024-Q2".to_string())
    );
    assert_eq!(
        extent("The third-quarter figures were weak."),
        "third-quarter"
    );
    assert_eq!(value("Exports fell in the first half of 2024."), "2024-H1");
    assert_eq!(value("The ceasefire failed earlier this year."), "2025");
    assert_eq!(
        extent("The ceasefire failed earlier this year."),
        "earlier this year"
    );
    assert_eq!(value("Violence flared late last July."), "2024-07");
    assert_eq!(value("Violence flared last May."), "2025-05");
    assert_eq!(extent("Violence flared late last July."), "late last July");
}

#[test]
fn calendar_dates_and_years() {
    assert_eq!(
        value("The accord was signed on Aug. 4, 2025."),
        "2025-08-04"
    );
    assert_eq!(value("The accord was signed on 30 July."), "2025-07-30");
    assert_eq!(value("The accord was signed on 2024-02-29."), "2024-02-29");
    assert_eq!(value("The accord was signed on 3/22/2013."), "2013-03-22");
    assert_eq!(value("The accord was signed on 7/8/07."), "2007-07-08");
    assert_eq!(value("The border was closed in May 2010."), "2010-05");
    assert_eq!(value("The border was closed in June last year."), "2024-06");
    assert_eq!(
        value("The border opens after October of next year."),
        "2026-10"
    );
    assert_eq!(value("The border was closed in 2010."), "2010");
    assert_eq!(value("The border was closed in fiscal 2010."), "2010");
    assert_eq!(value("Unrest grew in the 1990s."), "199X");
    assert_eq!(value("Unrest grew in the 20th century."), "19");
    assert_eq!(value("The summit opens on December 1."), "2025-12-01");
    // No year to go by without a publication date.
    let t = timexes("The summit opens on December 1.", None);
    assert_eq!(t[0].value, "XXXX-12-01");
    assert!(tags("The rebels have 2010 fighters.", "2025-08-06").is_empty());
    assert!(tags("Growth may slow; troops march on.", "2025-08-06").is_empty());
}

#[test]
fn durations_are_not_points() {
    assert_eq!(
        tags(
            "The war has lasted almost three and a half years.",
            "2025-08-06"
        ),
        [(
            "almost three and a half years".to_string(),
            "DURATION",
            "P3Y6M".to_string()
        )]
    );
    assert_eq!(value("They fought for 10 days."), "P10D");
    assert_eq!(value("Output fell in the past two years."), "P2Y");
    assert_eq!(
        extent("Output fell in the past two years."),
        "the past two years"
    );
    assert_eq!(value("Output fell in the first nine months."), "P9M");
    assert_eq!(value("Talks may take several weeks."), "PXW");
    assert_eq!(value("It was a four-week campaign."), "P4W");
    assert_eq!(value("The raid lasted 5 1/2 hours."), "PT5H30M");
    assert!(tags("A 45-year-old man was held.", "2025-08-06").is_empty());
    assert!(tags("Patrols run 24 hours a day.", "2025-08-06")[1..].is_empty());
    assert_eq!(value("The strike comes a day after the talks."), "P1D");
}

#[test]
fn references_sets_and_times() {
    assert_eq!(value("The talks are now stalled."), "PRESENT_REF");
    assert_eq!(value("The talks were recently stalled."), "PAST_REF");
    assert_eq!(value("Such talks failed in the past."), "PAST_REF");
    assert_eq!(value("Patrols are sent out daily."), "P1D");
    assert_eq!(value("Patrols go out every Sunday."), "XXXX-WXX-7");
    assert_eq!(
        value("The blast came at 10:35 a.m. on Tuesday."),
        "2025-08-05T10:35"
    );
}

#[test]
fn a_conditional_deadline_looks_ahead() {
    assert_eq!(
        value("Unless the rebels disarm by Friday, the council has warned of sanctions."),
        "2025-08-08"
    );
    assert_eq!(value("The work had been finished by Friday."), "2025-08-01");
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Any text, with or without a publication date, tags without a
        /// panic, and every timex's span lies on the text's characters.
        #[test]
        fn on_any_text(text in "\\PC{0,200}", year in 1i16..9999, day in 0i32..366) {
            let published = Date::new(year, 1, 1).ok().and_then(|d| d.checked_add(day.days()).ok());
            for t in timexes(&text, published) {
                prop_assert!(text.get(t.span.start..t.span.end).is_some());
            }
            let s = Sentence::new(&text, 0, 0..text.len(), false);
            for e in find(&s, published).0 {
                if let Some(p) = published {
                    let _ = e.resolve(p, true);
                }
            }
        }

        /// Date-like word salad: numbers, months, weekdays, units, modifiers.
        #[test]
        fn on_date_words(words in proptest::collection::vec(prop_oneof![
            Just("the"), Just("last"), Just("next"), Just("this"), Just("of"), Just("by"),
            Just("May"), Just("Feb."), Just("Friday"), Just("31"), Just("29"), Just("2024"),
            Just("9999"), Just("0"), Just("years"), Just("a"), Just("half"), Just("and"),
            Just("ago"), Just("quarter"), Just("third"), Just("-"), Just("12:75"), Just("p.m."),
            Just("25:00"), Just("1990s"), Just("century"), Just("99th"), Just("week"),
            Just("every"), Just("night"), Just(","), Just("/"), Just("13/45/2020"),
            Just("mid-"), Just("mid-2020s"), Just("Christmas"), Just("New"), Just("Year"),
            Just("'s"), Just("Day"), Just("99999999999999999999"), Just("1.5"),
        ], 0..14), year in -9999i16..=9999) {
            let text = words.join(" ");
            // The cheap first-word test lets through every expression.
            let s = Sentence::new(&text, 0, 0..text.len(), false);
            let ws = recognise::Words::new(&s);
            for i in 0..s.words.len() {
                if recognise::at(&ws, i).is_some() {
                    prop_assert!(recognise::may_start(s.word(i)), "{}", s.word(i));
                }
            }
            let published = Date::new(year, 2, 29).or_else(|_| Date::new(year, 12, 31)).ok();
            let _ = timexes(&text, published);
            let _ = timexes(&text, None);
        }
    }
}

/// (words, ahead) of the periods of `text` other than the one holding
/// Wednesday 2025-08-06.
fn other_periods(text: &str) -> Vec<(String, bool)> {
    let published: Date = "2025-08-06".parse().unwrap();
    let s = Sentence::new(text, 0, 0..text.len(), false);
    find(&s, Some(published))
        .1
        .into_iter()
        .map(|p| (s.span_of(p.tok.0, p.tok.1).slice(text).to_string(), p.ahead))
        .collect()
}

#[test]
fn periods_before_or_after_the_story_day() {
    let p = |w: &str, ahead| vec![(w.to_string(), ahead)];
    assert_eq!(
        other_periods("They met last month."),
        p("last month", false)
    );
    assert_eq!(
        other_periods("They met a year ago."),
        p("a year ago", false)
    );
    assert_eq!(other_periods("They met in 2017."), p("2017", false));
    assert_eq!(
        other_periods("They met in the 1990s."),
        p("the 1990s", false)
    );
    assert_eq!(other_periods("They met in June."), p("June", false));
    assert_eq!(
        other_periods("They will meet next week."),
        p("next week", true)
    );
    assert_eq!(other_periods("They will meet in 2026."), p("2026", true));
    assert_eq!(
        other_periods("They will meet in December."),
        p("December", true)
    );
    // the part of the story's period before or after its day
    assert_eq!(
        other_periods("They met earlier this month."),
        p("earlier this month", false)
    );
    assert_eq!(
        other_periods("They will meet later this year."),
        p("later this year", true)
    );
    // periods that hold the story's day, days, lengths and vague times
    for text in [
        "They met this week.",
        "They met this year.",
        "They met in August.",
        "They met on Monday.",
        "They met for three years.",
        "They met recently.",
    ] {
        assert_eq!(other_periods(text), vec![], "{text}");
    }
}

#[test]
fn period_ranges_of_timex_values() {
    let d = |s: &str| s.parse::<Date>().unwrap();
    assert_eq!(
        period_range("2017"),
        Some((d("2017-01-01"), d("2017-12-31")))
    );
    assert_eq!(
        period_range("199X"),
        Some((d("1990-01-01"), d("1999-12-31")))
    );
    assert_eq!(
        period_range("2024-02"),
        Some((d("2024-02-01"), d("2024-02-29")))
    );
    assert_eq!(
        period_range("2025-W32"),
        Some((d("2025-08-04"), d("2025-08-10")))
    );
    assert_eq!(
        period_range("2025-Q3"),
        Some((d("2025-07-01"), d("2025-09-30")))
    );
    assert_eq!(
        period_range("2024-WI"),
        Some((d("2024-12-01"), d("2025-02-28")))
    );
    for v in ["2025-08-06", "PAST_REF", "P3Y", "XXXX-08", "2025-W32-WE"] {
        assert_eq!(period_range(v), None, "{v}");
    }
}
