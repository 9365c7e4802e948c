//! Share links round-trip any text and any settings exactly.

use lede::share::{decode, encode_unlimited, Settings, Shared};
use proptest::prelude::*;

/// Unicode text with the characters that break naive codecs: NUL, emoji sequences, right-to-left
/// text and marks, CJK, lone combining marks, byte-order marks and line separators.
fn unicode_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => any::<char>().prop_map(|c| c.to_string()),
        1 => prop::sample::select(vec![
            "\0", "😀", "👩‍👩‍👧", "🇺🇦", "مرحبا", "שלום", "\u{202E}", "北京", "\u{0301}", "\u{FEFF}",
            "\u{2028}", "\r\n", "%20", "#v1.", "&", "=", "+", "/", "?",
        ])
        .prop_map(str::to_string),
    ];
    prop::collection::vec(piece, 0..300).prop_map(|v| v.concat())
}

fn settings() -> impl Strategy<Value = Settings> {
    (
        prop::option::of(prop_oneof!["[0-9]{4}-[0-9]{2}-[0-9]{2}", any::<String>()]),
        prop::collection::vec(any::<String>(), 0..5),
        prop::option::of(any::<usize>()),
        any::<bool>(),
        any::<String>(),
    )
        .prop_map(
            |(reference_date, hidden_labels, selected_cluster, raw_view, tab)| Settings {
                reference_date,
                hidden_labels,
                selected_cluster,
                raw_view,
                tab,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_text_and_settings_round_trip(text in unicode_text(), settings in settings()) {
        let shared = Shared { text, settings, corrections: Vec::new() };
        let fragment = encode_unlimited(&shared).unwrap();
        prop_assert!(fragment.starts_with("#v2."));
        // Only characters that need no escaping in a URL fragment.
        prop_assert!(fragment[4..].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        prop_assert_eq!(decode(&fragment).unwrap(), shared);
    }
}
