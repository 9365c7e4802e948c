//! Property tests over random Unicode input: nothing panics, every span in the JSON slices the
//! input on character boundaries, and the parts nest and tile as the contract says.

mod support;

use lede::{analyze, Analysis, Options};
use proptest::prelude::*;
use support::{check_reading, check_spans, newsy_text};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_unicode_never_panics_and_spans_hold(text in any::<String>()) {
        check_spans(&text, &analyze(&text, &Options::default()));
    }

    #[test]
    fn newsy_text_never_panics_and_spans_hold(text in newsy_text()) {
        check_spans(&text, &analyze(&text, &Options::default()));
    }

    #[test]
    fn the_reading_view_joins_back_into_the_text(text in newsy_text()) {
        check_reading(&text, &analyze(&text, &Options::default()));
    }

    #[test]
    fn json_round_trips(text in newsy_text()) {
        let a = analyze(&text, &Options::default());
        let json = serde_json::to_string(&a).unwrap();
        let back: Analysis = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(a, back);
    }
}

#[test]
fn the_sample_holds_too() {
    check_spans(
        lede::SAMPLE_ARTICLE,
        &analyze(lede::SAMPLE_ARTICLE, &Options::default()),
    );
}
