//! Lower-casing words without allocating where it can be helped.
//!
//! Every stage tests words against lower-case lists (cue verbs, titles, weekdays, organisation
//! heads), a few times per token. `str::to_lowercase` allocates a `String` each time, and on the
//! sample those allocations (10,665 of them) cost more than the tests they served. Most words
//! are short ASCII, and many already lower case: these two helpers give the same strings as
//! `to_lowercase`, borrowed or on the stack.

use std::borrow::Cow;

/// `word` lower-cased: borrowed when it is ASCII with no capital (then `to_lowercase` would
/// return the same text), allocated otherwise.
pub fn lower(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// Calls `f` with `word` lower-cased: on the stack when the word is short ASCII (where
/// `to_lowercase` is ASCII lower-casing), allocated otherwise.
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let bytes = word.as_bytes();
    if bytes.len() <= 32 && bytes.is_ascii() {
        let mut buf = [0u8; 32];
        let buf = &mut buf[..bytes.len()];
        buf.copy_from_slice(bytes);
        buf.make_ascii_lowercase();
        match std::str::from_utf8(buf) {
            Ok(lower) => f(lower),
            Err(_) => f(&word.to_lowercase()),
        }
    } else {
        f(&word.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CASES: &[(&str, &str)] = &[
        ("ascii", "Said"),
        ("lower", "said"),
        ("upper", "THE"),
        ("empty", ""),
        ("accented", "Élysée"),
        ("accented lower", "élysée"),
        ("kelvin sign", "\u{212a}ing"),
        ("final sigma", "ΟΔΟΣ"),
        ("long ascii", "Supercalifragilisticexpialidocious-Again"),
        ("exactly 32", "abcdefghijklmnopqrstuvwxyzABCDEF"),
    ];

    #[test]
    fn with_lower_is_to_lowercase() {
        for (name, word) in CASES {
            assert_eq!(
                with_lower(word, str::to_string),
                word.to_lowercase(),
                "{name}"
            );
        }
    }

    #[test]
    fn lower_is_to_lowercase_and_borrows_what_it_can() {
        for (name, word) in CASES {
            assert_eq!(lower(word), word.to_lowercase(), "{name}");
        }
        assert!(matches!(lower("said"), Cow::Borrowed(_)));
        assert!(matches!(lower("Said"), Cow::Owned(_)));
        assert!(matches!(lower("élysée"), Cow::Owned(_)));
    }
}
