//! The time stage on the sample article: the acceptance cases, and a golden file of every
//! timex and event (`tests/data/ap-ukraine-ceasefire.time.json`). Regenerate the golden file with
//! `UPDATE_GOLDEN=1 cargo test --test time_sample` and review the diff like code.

use lede::{analyze, Analysis, Options, SAMPLE_ARTICLE};

fn sample(reference: Option<&str>) -> Analysis {
    let options = Options {
        reference_date: reference.map(|d| d.parse().unwrap()),
        ..Options::default()
    };
    analyze(SAMPLE_ARTICLE, &options)
}

/// The first timex with this exact text at or after code point `from`.
fn find<'a>(a: &'a Analysis, text: &str, from: usize) -> &'a lede::analysis::Timex {
    let chars: Vec<char> = SAMPLE_ARTICLE.chars().collect();
    a.timexes
        .iter()
        .find(|t| t.start >= from && chars[t.start..t.end].iter().collect::<String>() == text)
        .unwrap_or_else(|| panic!("\"{text}\" is not tagged"))
}

#[test]
fn acceptance_cases() {
    let a = sample(None);
    let article2 = a.articles[1].start;
    let cases: &[(&str, usize, &str, Option<&str>)] = &[
        ("Friday", 0, "2025-03-14", None),
        ("late Thursday", 0, "2025-03-13", Some("END")),
        ("Feb. 28", 0, "2025-02-28", None),
        ("March 2", article2, "2025-03-02", None),
        ("January", 0, "2025-01", None),
        ("2022", 0, "2022", None),
        ("next week", 0, "2025-W12", None),
        ("the weekend", 0, "2025-W11-WE", None),
        ("30-day", 0, "P30D", None),
        ("three years", 0, "P3Y", None),
        ("Saturday", article2, "2025-03-15", None),
    ];
    for (text, from, value, modifier) in cases {
        let t = find(&a, text, *from);
        assert_eq!(t.value, *value, "{text}");
        assert_eq!(t.modifier.as_deref(), *modifier, "{text}");
        assert!(!t.explanation.is_empty(), "{text} explains itself");
    }
    assert_eq!(a.articles[0].reference_date.as_deref(), Some("2025-03-14"));
    assert_eq!(a.articles[0].reference_date_source, "caption");
    assert_eq!(a.articles[1].reference_date.as_deref(), Some("2025-03-15"));
    assert_eq!(a.reference_date.as_deref(), Some("2025-03-14"));
    let friday = find(&a, "Friday", 0);
    assert!(friday
        .explanation
        .contains("from the caption \"Friday, March 14, 2025\""));
}

#[test]
fn the_timeline_runs_from_2022_to_next_week_in_order() {
    let a = sample(None);
    assert_eq!(a.events.first().map(|e| e.date.as_str()), Some("2022"));
    assert_eq!(a.events.last().map(|e| e.date.as_str()), Some("2025-W12"));
    let starts: Vec<i64> = a
        .events
        .iter()
        .map(|e| lede::analysis::timeline::interval(&e.date).unwrap().0)
        .collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "in calendar order");
    // Captions place no events; the statement and the event it reports are both placed.
    for e in &a.events {
        let p = a.sentences[e.sentence].paragraph;
        let para: String = SAMPLE_ARTICLE
            .chars()
            .skip(a.paragraphs[p].start)
            .take(a.paragraphs[p].end - a.paragraphs[p].start)
            .collect();
        assert!(!para.ends_with("AP)"), "caption event: {}", e.label);
    }
    assert!(a
        .events
        .iter()
        .any(|e| e.date == "2025-03-13" && e.label.starts_with("Putin asked Witkoff")));
    assert!(a
        .events
        .iter()
        .any(|e| e.date == "2025-03-14" && e.label.contains("Peskov said")));
}

#[test]
fn a_new_reference_date_moves_relative_values_only() {
    let before = sample(None);
    let after = sample(Some("2025-03-21"));
    assert_eq!(after.reference_date_source, "given");
    assert_eq!(find(&after, "Friday", 0).value, "2025-03-21");
    assert_eq!(find(&after, "next week", 0).value, "2025-W13");
    for text in ["2022", "Feb. 28", "Friday, March 14, 2025", "30-day"] {
        assert_eq!(
            find(&before, text, 0).value,
            find(&after, text, 0).value,
            "{text}"
        );
    }
}

#[test]
fn golden_timexes_and_events() {
    let a = sample(None);
    let golden = serde_json::json!({
        "articles": a.articles.iter().map(|r| serde_json::json!({
            "reference_date": r.reference_date,
            "reference_date_source": r.reference_date_source,
            "reference_date_explanation": r.reference_date_explanation,
        })).collect::<Vec<_>>(),
        "timexes": a.timexes,
        "events": a.events,
    });
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/ap-ukraine-ceasefire.time.json"
    );
    let actual = serde_json::to_string_pretty(&golden).unwrap() + "\n";
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, &actual).unwrap();
    }
    let expected = std::fs::read_to_string(path).expect("golden file; run with UPDATE_GOLDEN=1");
    assert!(
        actual == expected,
        "the sample's timexes or events changed; review with UPDATE_GOLDEN=1 and git diff"
    );
}
