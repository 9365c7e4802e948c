//! Property tests for the time stage on text dense with time words: nothing panics, every timex
//! slices the input, and every event points at a real sentence and a DATE or TIME timex.

use lede::{analyze, Options};
use proptest::prelude::*;

fn timey_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => "[A-Za-z]{1,8}",
        3 => Just(" ".to_string()),
        3 => prop::sample::select(vec![
            "Friday", "late Thursday", "March", "Feb.", "14", "2025", "2022", ",", ".", "\n",
            "next week", "the weekend", "30-day", "three years", "ago", "later", "before", "the",
            "quarter", "third-quarter", "mid-", "early", "said", "will", "4294967295", "p.m.",
            "a.m.", "10:30", "every", "each", "Mondays", "(AP Photo)", "LONDON (AP) — ", "’s",
            "the year-ago quarter", "1990s", "fiscal", "today", "tonight", "now", "recent", "—",
        ]).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..150).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn time_stage_never_panics_and_spans_hold(text in timey_text(), shift in 0u32..28) {
        let given = (shift % 2 == 0).then(|| lede::Date::new(2025, 3, 1 + shift).unwrap());
        let options = Options { reference_date: given, ..Options::default() };
        let a = analyze(&text, &options);
        let chars = text.chars().count();
        for t in &a.timexes {
            prop_assert!(t.start < t.end && t.end <= chars);
            prop_assert!(t.sentence < a.sentences.len());
            prop_assert!(!t.value.is_empty());
            prop_assert!(t.explanation.contains('→'));
        }
        for w in a.timexes.windows(2) {
            prop_assert!(w[0].end <= w[1].start, "timexes do not overlap");
        }
        for e in &a.events {
            prop_assert!(e.sentence < a.sentences.len());
            let t = &a.timexes[e.timex];
            prop_assert!(t.kind == "DATE" || t.kind == "TIME");
            prop_assert_eq!(&t.value, &e.date);
        }
    }
}
