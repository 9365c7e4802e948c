//! Table tests: every correction kind, its scopes, stale and invalid targets, undo and redo, and
//! corrections that follow an article through a re-analysis with another reference date.

use super::*;
use crate::analysis::{analyze, Date, Options};

const TEXT: &str = "WASHINGTON (AP) — Time Warner chief Jeffrey Bewkes met President Donald Trump at the White House on Friday, March 14, 2025.
“We had a very good meeting,” Bewkes said after the talks. Trump said on Thursday that “the deal is done.”
Warner shares rose 3% in New York. Bewkes will visit Paris next week. Analysts at zorblat capital disagreed.
";

fn analysis_on(day: u32) -> Analysis {
    let date = Date::new(2025, 3, day).unwrap();
    analyze(TEXT, &Options::default().with_reference_date(date))
}

/// The `nth` occurrence of `needle` in `TEXT` as a target (code points).
fn target(needle: &str, nth: usize) -> Target {
    let (byte, _) = TEXT.match_indices(needle).nth(nth).expect(needle);
    let start = TEXT[..byte].chars().count();
    Target {
        start,
        end: start + needle.chars().count(),
        text: needle.to_string(),
    }
}

fn fix(needle: &str, nth: usize, change: Change, scope: Scope) -> Correction {
    Correction {
        target: target(needle, nth),
        change,
        scope,
    }
}

/// The corrected analysis of one correction, which must apply.
fn corrected(c: Correction) -> Analysis {
    let (out, outcomes) = apply(TEXT, &analysis_on(16), std::slice::from_ref(&c));
    assert!(outcomes[0].is_applied(), "{c:?}: {outcomes:?}");
    consistent(&out);
    out
}

/// Every index of a corrected analysis points where it should.
fn consistent(a: &Analysis) {
    assert!(a.entities.windows(2).all(|w| w[0].start <= w[1].start));
    for (id, c) in a.clusters.iter().enumerate() {
        assert_eq!(c.id, id);
        assert!(!c.mentions.is_empty(), "cluster {id} is empty");
        assert_eq!(c.count, c.mentions.len());
        for &m in &c.mentions {
            assert_eq!(a.entities[m].cluster, Some(id));
        }
    }
    for e in &a.entities {
        assert!(e.cluster.is_none_or(|c| c < a.clusters.len()));
        let found: String = TEXT.chars().skip(e.start).take(e.end - e.start).collect();
        assert_eq!(found, e.text);
    }
    for q in &a.quotes {
        assert!(q
            .speaker
            .as_ref()
            .and_then(|s| s.cluster)
            .is_none_or(|c| c < a.clusters.len()));
    }
    for e in &a.events {
        assert!(e.timex < a.timexes.len());
        assert!(e.participants.iter().all(|&p| p < a.clusters.len()));
    }
}

fn entity<'a>(a: &'a Analysis, text: &str, nth: usize) -> &'a Entity {
    let t = target(text, nth);
    a.entities
        .iter()
        .find(|e| e.start == t.start && e.end == t.end)
        .unwrap_or_else(|| panic!("no mention “{text}”"))
}

fn has_entity(a: &Analysis, text: &str, nth: usize) -> bool {
    let t = target(text, nth);
    a.entities
        .iter()
        .any(|e| e.start == t.start && e.end == t.end)
}

fn cluster_named<'a>(a: &'a Analysis, name: &str) -> Option<&'a crate::analysis::Cluster> {
    a.clusters.iter().find(|c| c.name == name)
}

use crate::analysis::Entity;

#[test]
fn the_fixture_reads_as_the_tests_expect() {
    let a = analysis_on(16);
    consistent(&a);
    assert_eq!(
        entity(&a, "Warner", 1).cluster,
        entity(&a, "Time Warner", 0).cluster
    );
    assert_eq!(
        entity(&a, "Bewkes", 1).cluster,
        entity(&a, "Jeffrey Bewkes", 0).cluster
    );
    assert!(!a.entities.iter().any(|e| e.text.contains("zorblat")));
    assert_eq!(a.quotes.len(), 2);
    assert_eq!(a.timexes.len(), 3);
    assert_eq!(a.events.len(), 3);
}

#[test]
fn entity_type() {
    // One mention retyped leaves its cluster for one of its own.
    let a = corrected(fix("Warner", 1, Change::Label("PER".into()), Scope::One));
    let warner = entity(&a, "Warner", 1);
    assert_eq!(
        (warner.label.as_str(), warner.source.as_deref()),
        ("PER", Some("reader"))
    );
    assert_ne!(warner.cluster, entity(&a, "Time Warner", 0).cluster);
    assert_eq!(cluster_named(&a, "Time Warner").unwrap().count, 1);
    assert_eq!(cluster_named(&a, "Warner").unwrap().label, "PER");

    // The whole cluster retyped keeps its cluster and changes its type.
    let a = corrected(fix("Trump", 1, Change::Label("ORG".into()), Scope::Cluster));
    let trump = cluster_named(&a, "Donald Trump").unwrap();
    assert_eq!((trump.label.as_str(), trump.count), ("ORG", 2));
    assert!(trump.mentions.iter().all(|&m| a.entities[m].label == "ORG"));

    // A number type: no cluster.
    let a = corrected(fix("3%", 0, Change::Label("CARDINAL".into()), Scope::One));
    assert_eq!(entity(&a, "3%", 0).label, "CARDINAL");
    assert_eq!(entity(&a, "3%", 0).cluster, None);

    // A name made a number leaves its cluster; the cluster keeps the rest.
    let a = corrected(fix(
        "Paris",
        0,
        Change::Label("QUANTITY".into()),
        Scope::One,
    ));
    assert!(cluster_named(&a, "Paris").is_none());
}

#[test]
fn not_a_name_by_scope() {
    let cases = [
        ("one", Scope::One, vec![false, true, true]),
        ("same text", Scope::SameText, vec![false, false, true]),
        ("cluster", Scope::Cluster, vec![false, false, false]),
    ];
    for (name, scope, kept) in cases {
        let a = corrected(fix("Bewkes", 1, Change::NotAName, scope));
        let found = vec![
            has_entity(&a, "Bewkes", 1),
            has_entity(&a, "Bewkes", 2),
            has_entity(&a, "Jeffrey Bewkes", 0),
        ];
        assert_eq!(found, kept, "{name}");
    }
    // A cluster removed whole: its quotes lose the cluster, its events the participant, and
    // every other index is renumbered.
    let before = analysis_on(16);
    let a = corrected(fix("Trump", 1, Change::NotAName, Scope::Cluster));
    assert!(cluster_named(&a, "Donald Trump").is_none());
    assert_eq!(a.clusters.len(), before.clusters.len() - 1);
    let quote = a
        .quotes
        .iter()
        .find(|q| q.start == target("“the deal", 0).start)
        .unwrap();
    assert_eq!(quote.speaker.as_ref().unwrap().cluster, None);
}

#[test]
fn missed_names() {
    let a = corrected(fix(
        "zorblat capital",
        0,
        Change::AddName("ORG".into()),
        Scope::One,
    ));
    let z = entity(&a, "zorblat capital", 0);
    assert_eq!(
        (z.label.as_str(), z.source.as_deref()),
        ("ORG", Some("reader"))
    );
    let cluster = &a.clusters[z.cluster.unwrap()];
    assert_eq!(
        (cluster.name.as_str(), cluster.count),
        ("zorblat capital", 1)
    );
    assert_eq!(z.paragraph, 2);

    // Every occurrence, as whole words only, joining the cluster of the same name and type.
    let a = corrected(fix(
        "Warner",
        0,
        Change::AddName("PER".into()),
        Scope::SameText,
    ));
    assert!(
        !has_entity(&a, "Time Warner", 0),
        "the reader's span wins over the overlap"
    );
    assert_eq!(
        entity(&a, "Warner", 0).cluster,
        entity(&a, "Warner", 1).cluster
    );
    assert_eq!(entity(&a, "Warner", 1).label, "PER");

    // A name joins the existing cluster that goes by it.
    let a = corrected(fix("Paris", 0, Change::AddName("LOC".into()), Scope::One));
    assert_eq!(cluster_named(&a, "Paris").unwrap().count, 1);
}

#[test]
fn widen_and_narrow() {
    let t = target("the White House", 0);
    let a = corrected(Correction {
        target: target("White House", 0),
        change: Change::Resize(t.start, t.end),
        scope: Scope::One,
    });
    assert_eq!(
        entity(&a, "the White House", 0).source.as_deref(),
        Some("reader")
    );
    let t = target("Bewkes", 0);
    let a = corrected(Correction {
        target: target("Jeffrey Bewkes", 0),
        change: Change::Resize(t.start, t.end),
        scope: Scope::One,
    });
    assert_eq!(entity(&a, "Bewkes", 0).label, "PER");
    assert!(!has_entity(&a, "Jeffrey Bewkes", 0));
}

#[test]
fn clusters_merge_split_rename_and_role() {
    let a = corrected(fix(
        "Trump",
        1,
        Change::Merge(target("Bewkes", 1)),
        Scope::One,
    ));
    let merged = cluster_named(&a, "Jeffrey Bewkes").unwrap();
    assert_eq!(
        (merged.count, merged.source.as_deref()),
        (5, Some("reader"))
    );
    assert!(cluster_named(&a, "Donald Trump").is_none());
    // The first event had both as participants: now one, once.
    let first = a.events.iter().find(|e| e.date == "2025-03-14").unwrap();
    let n = a
        .clusters
        .iter()
        .position(|c| c.name == "Jeffrey Bewkes")
        .unwrap();
    assert_eq!(first.participants.iter().filter(|&&p| p == n).count(), 1);

    let a = corrected(fix("Warner", 1, Change::Split, Scope::One));
    assert_eq!(cluster_named(&a, "Time Warner").unwrap().count, 1);
    assert_eq!(cluster_named(&a, "Warner").unwrap().label, "ORG");

    let a = corrected(fix(
        "Trump",
        1,
        Change::Rename(" President\nTrump ".into()),
        Scope::One,
    ));
    assert!(cluster_named(&a, "President Trump").is_some());
    let quote = a
        .quotes
        .iter()
        .find(|q| q.start == target("“the deal", 0).start)
        .unwrap();
    assert_eq!(
        quote.speaker.as_ref().unwrap().name.as_deref(),
        Some("President Trump")
    );

    let a = corrected(fix(
        "Bewkes",
        2,
        Change::Role(Some("Time Warner chief".into())),
        Scope::One,
    ));
    assert_eq!(
        cluster_named(&a, "Jeffrey Bewkes").unwrap().role.as_deref(),
        Some("Time Warner chief")
    );
}

#[test]
fn quotes() {
    let deal = target("“the deal is done.”", 0);
    // Reassigned to a cluster's mention.
    let a = corrected(Correction {
        target: deal.clone(),
        change: Change::Speaker(target("Bewkes", 1)),
        scope: Scope::One,
    });
    let q = a.quotes.iter().find(|q| q.start == deal.start).unwrap();
    let speaker = q.speaker.as_ref().unwrap();
    assert_eq!(speaker.name.as_deref(), Some("Jeffrey Bewkes"));
    assert_eq!(speaker.cluster, entity(&a, "Jeffrey Bewkes", 0).cluster);
    assert_eq!(
        (q.source.as_deref(), q.attribution.as_deref()),
        (Some("reader"), Some("reader"))
    );

    // Reassigned to words that are no mention.
    let a = corrected(Correction {
        target: deal.clone(),
        change: Change::Speaker(target("Analysts", 0)),
        scope: Scope::One,
    });
    let q = a.quotes.iter().find(|q| q.start == deal.start).unwrap();
    let speaker = q.speaker.as_ref().unwrap();
    assert_eq!(
        (speaker.cluster, speaker.kind.as_str()),
        (None, "description")
    );

    let a = corrected(Correction {
        target: deal.clone(),
        change: Change::NotAQuote,
        scope: Scope::One,
    });
    assert_eq!(a.quotes.len(), 1);

    let a = corrected(fix(
        "Warner shares rose 3%",
        0,
        Change::AddQuote,
        Scope::One,
    ));
    assert_eq!(a.quotes.len(), 3);
    assert!(a.quotes.windows(2).all(|w| w[0].start < w[1].start));
    assert_eq!(a.quotes[2].paragraph, 2);
}

#[test]
fn dates() {
    let a = corrected(fix(
        "Thursday",
        0,
        Change::Date("2025-03-06".into()),
        Scope::One,
    ));
    let x = a
        .timexes
        .iter()
        .find(|x| x.start == target("Thursday", 0).start)
        .unwrap();
    assert_eq!(
        (x.value.as_str(), x.source.as_deref()),
        ("2025-03-06", Some("reader"))
    );
    let e = a.events.iter().find(|e| e.date == "2025-03-06").unwrap();
    assert_eq!(e.start.as_deref(), Some("2025-03-06T00:00"));
    assert_eq!(
        (e.shape.as_str(), e.source.as_deref()),
        ("point", Some("reader"))
    );

    // A week, a month, a year: bands.
    for (value, shape) in [("2025-W10", "band"), ("2025-03", "band"), ("2024", "band")] {
        let a = corrected(fix("Thursday", 0, Change::Date(value.into()), Scope::One));
        assert!(
            a.events.iter().any(|e| e.date == value && e.shape == shape),
            "{value}"
        );
    }

    // Not a date: the time expression and its event go; the rest keep their indices right.
    let a = corrected(fix("Thursday", 0, Change::NotADate, Scope::One));
    assert_eq!((a.timexes.len(), a.events.len()), (2, 2));
    let week = a.events.iter().find(|e| e.date == "2025-W12").unwrap();
    assert_eq!(a.timexes[week.timex].value, "2025-W12");

    // Dropped from the timeline: the date stays marked.
    let a = corrected(fix("next week", 0, Change::DropEvent, Scope::One));
    assert_eq!((a.timexes.len(), a.events.len()), (3, 2));
}

#[test]
fn a_date_for_a_time_expression_without_a_card_makes_one() {
    // A dropped event comes back when the reader dates its time expression again.
    let a = analysis_on(16);
    let (out, outcomes) = apply(
        TEXT,
        &a,
        &[
            fix("next week", 0, Change::DropEvent, Scope::One),
            fix(
                "next week",
                0,
                Change::Date("2025-03-24".into()),
                Scope::One,
            ),
        ],
    );
    assert!(outcomes.iter().all(Outcome::is_applied), "{outcomes:?}");
    consistent(&out);
    assert_eq!(out.events.len(), 3);
    let e = out.events.iter().find(|e| e.date == "2025-03-24").unwrap();
    assert_eq!(e.label, "Bewkes will visit Paris next week.");
    assert_eq!(
        (e.label_kind.as_str(), e.shape.as_str(), e.source.as_deref()),
        ("sentence", "point", Some("reader"))
    );
    let paris = entity(&out, "Paris", 0).cluster.unwrap();
    assert!(e.participants.contains(&paris));
    // Calendar order holds: the new card sorts after the ones before it.
    assert!(out.events.windows(2).all(|w| w[0].start <= w[1].start));

    // A duration the reader calls a date gets a card; one left a duration does not.
    let text = "Officials met on Monday. The talks lasted three days, a spokesman said.\n";
    let a = analyze(
        text,
        &Options::default().with_reference_date(Date::new(2025, 3, 16).unwrap()),
    );
    let days = a
        .timexes
        .iter()
        .position(|x| x.kind == "DURATION")
        .expect("a duration");
    let x = &a.timexes[days];
    let t = Target {
        start: x.start,
        end: x.end,
        text: text.chars().skip(x.start).take(x.end - x.start).collect(),
    };
    let before = a.events.len();
    let correct = |change: Change| Correction {
        target: t.clone(),
        change,
        scope: Scope::One,
    };
    let (out, _) = apply(text, &a, &[correct(Change::Date("P4D".into()))]);
    assert_eq!(out.events.len(), before);
    let (out, outcomes) = apply(text, &a, &[correct(Change::Date("2025-03-10".into()))]);
    assert!(outcomes[0].is_applied());
    assert_eq!(out.events.len(), before + 1);
    let e = out.events.iter().find(|e| e.timex == days).unwrap();
    assert_eq!(e.label, "The talks lasted three days, a spokesman said.");
    assert_eq!(e.start.as_deref(), Some("2025-03-10T00:00"));
}

#[test]
fn bad_corrections_are_reported_not_applied() {
    let before = analysis_on(16);
    let mut beyond = target("Paris", 0);
    beyond.start += 10_000;
    beyond.end += 10_000;
    let mut wrong_text = target("Paris", 0);
    wrong_text.text = "Pariss".into();
    let cases: Vec<(&str, Correction, &str)> = vec![
        (
            "edited text",
            Correction {
                target: wrong_text,
                change: Change::NotAName,
                scope: Scope::One,
            },
            "text changed",
        ),
        (
            "beyond the text",
            Correction {
                target: beyond,
                change: Change::NotAName,
                scope: Scope::One,
            },
            "beyond the end",
        ),
        (
            "no mark there",
            fix("the talks", 0, Change::NotAName, Scope::One),
            "no name",
        ),
        (
            "no quote there",
            fix("the talks", 0, Change::NotAQuote, Scope::One),
            "no quote",
        ),
        (
            "no date there",
            fix("the talks", 0, Change::NotADate, Scope::One),
            "no date",
        ),
        (
            "unknown type",
            fix("Paris", 0, Change::Label("BOSS".into()), Scope::One),
            "not an entity type",
        ),
        (
            "markup as a type",
            fix("Paris", 0, Change::Label("<img src=x>".into()), Scope::One),
            "not an entity type",
        ),
        (
            "not on the calendar",
            fix("Thursday", 0, Change::Date("2025-02-30".into()), Scope::One),
            "not a calendar value",
        ),
        (
            "markup as a date",
            fix("Thursday", 0, Change::Date("<script>".into()), Scope::One),
            "not a date value",
        ),
        (
            "empty name",
            fix("Trump", 1, Change::Rename("  ".into()), Scope::One),
            "empty value",
        ),
        (
            "long name",
            fix("Trump", 1, Change::Rename("x".repeat(500)), Scope::One),
            "longer than",
        ),
        (
            "empty span",
            Correction {
                target: Target {
                    start: 3,
                    end: 3,
                    text: String::new(),
                },
                change: Change::AddQuote,
                scope: Scope::One,
            },
            "empty span",
        ),
        (
            "merge with a number",
            fix("Paris", 0, Change::Merge(target("3%", 0)), Scope::One),
            "only names",
        ),
    ];
    for (name, c, expected) in cases {
        let (out, outcomes) = apply(TEXT, &before, std::slice::from_ref(&c));
        let problem = outcomes[0]
            .problem()
            .unwrap_or_else(|| panic!("{name}: applied"));
        assert!(problem.contains(expected), "{name}: {problem}");
        assert_eq!(out, before, "{name}: nothing changed");
    }
}

#[test]
fn later_corrections_win_and_none_changes_nothing() {
    let before = analysis_on(16);
    assert_eq!(apply(TEXT, &before, &[]).0, before);
    let (a, outcomes) = apply(
        TEXT,
        &before,
        &[
            fix("Paris", 0, Change::Label("ORG".into()), Scope::One),
            fix("Paris", 0, Change::Label("MISC".into()), Scope::One),
        ],
    );
    assert!(outcomes.iter().all(Outcome::is_applied));
    assert_eq!(entity(&a, "Paris", 0).label, "MISC");
    // A correction whose target an earlier one removed is stale, and said to be.
    let (_, outcomes) = apply(
        TEXT,
        &before,
        &[
            fix("Paris", 0, Change::NotAName, Scope::One),
            fix("Paris", 0, Change::Label("ORG".into()), Scope::One),
        ],
    );
    assert!(outcomes[1].problem().unwrap().contains("no name"));
}

#[test]
fn corrections_survive_a_new_reference_date() {
    let corrections = [
        fix("Thursday", 0, Change::Date("2025-03-06".into()), Scope::One),
        fix("Warner", 1, Change::NotAName, Scope::One),
        fix(
            "“the deal is done.”",
            0,
            Change::Speaker(target("Bewkes", 1)),
            Scope::One,
        ),
    ];
    for day in [16, 28] {
        let (a, outcomes) = apply(TEXT, &analysis_on(day), &corrections);
        assert!(
            outcomes.iter().all(Outcome::is_applied),
            "{day}: {outcomes:?}"
        );
        consistent(&a);
        assert!(a.timexes.iter().any(|x| x.value == "2025-03-06"), "{day}");
        assert!(!has_entity(&a, "Warner", 1), "{day}");
    }
    // The date the reader did not touch follows the new reference date.
    let week = |a: &Analysis| a.timexes.last().unwrap().value.clone();
    assert_ne!(
        week(&apply(TEXT, &analysis_on(16), &corrections).0),
        week(&apply(TEXT, &analysis_on(28), &corrections).0)
    );
}

#[test]
fn undo_and_redo() {
    let a = fix("Paris", 0, Change::NotAName, Scope::One);
    let b = fix("Trump", 1, Change::Rename("Trump".into()), Scope::One);
    let c = fix("Thursday", 0, Change::NotADate, Scope::One);
    let mut h = History::default();
    assert!(!h.undo() && !h.redo());
    h.push(a.clone());
    h.push(b.clone());
    assert!(h.undo());
    assert_eq!(h.done, std::slice::from_ref(&a));
    assert!(h.redo());
    assert_eq!(h.done, [a.clone(), b.clone()]);
    assert!(h.undo());
    h.push(c.clone());
    assert!(!h.redo(), "a new correction clears what could be redone");
    assert_eq!(h.done, [a.clone(), c]);
    assert!(h.remove(0) && !h.remove(5));
    // Applying after an undo is applying the shorter list.
    let before = analysis_on(16);
    let mut h = History::new(vec![a]);
    h.undo();
    assert_eq!(apply(TEXT, &before, &h.done).0, before);
}

#[test]
fn corrections_as_json() {
    let c = fix("Paris", 0, Change::Label("ORG".into()), Scope::SameText);
    let json = serde_json::to_string(&c).unwrap();
    assert_eq!(
        json,
        r#"{"target":{"start":259,"end":264,"text":"Paris"},"change":{"label":"ORG"},"scope":"same_text"}"#
            .replace("259", &c.target.start.to_string())
            .replace("264", &c.target.end.to_string())
    );
    assert_eq!(serde_json::from_str::<Correction>(&json).unwrap(), c);
    // Scope defaults to one mark.
    let old: Correction =
        serde_json::from_str(r#"{"target":{"start":1,"end":2,"text":"A"},"change":"not_a_name"}"#)
            .unwrap();
    assert_eq!(old.scope, Scope::One);
    for bad in [
        r#"{"target":{"start":1,"end":2,"text":"A"},"change":"explode"}"#,
        r#"{"target":{"start":-1,"end":2,"text":"A"},"change":"not_a_name"}"#,
        r#"{"target":{"start":1,"end":2},"change":"not_a_name"}"#,
    ] {
        assert!(serde_json::from_str::<Correction>(bad).is_err(), "{bad}");
    }
}

#[test]
fn the_descriptions_name_what_changed() {
    let cases = [
        (
            fix("Paris", 0, Change::Label("ORG".into()), Scope::One),
            "“Paris” is ORG",
        ),
        (
            fix("Bewkes", 1, Change::NotAName, Scope::SameText),
            "“Bewkes” is not a name (every mention of this text)",
        ),
        (
            fix("Thursday", 0, Change::Date("2025-03-06".into()), Scope::One),
            "“Thursday” means 2025-03-06",
        ),
    ];
    for (c, expected) in cases {
        assert_eq!(c.describe(), expected);
    }
}
