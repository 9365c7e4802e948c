//! The function words and clause verbs that tell running prose from menus and link lists: every
//! word of every line is checked against them (`features::LineFacts::of`).

/// Common English function words: running prose is full of them, menus and link lists are not.
/// A `match` rather than a list to search: every word of every line is asked.
pub(super) fn is_stopword(w: &str) -> bool {
    is_prose_verb(w)
        || matches!(
            w,
            "the"
                | "a"
                | "an"
                | "of"
                | "to"
                | "in"
                | "and"
                | "or"
                | "for"
                | "on"
                | "at"
                | "by"
                | "with"
                | "from"
                | "that"
                | "this"
                | "it"
                | "its"
                | "he"
                | "she"
                | "they"
                | "we"
                | "his"
                | "her"
                | "their"
                | "not"
                | "but"
                | "as"
                | "who"
                | "which"
                | "than"
                | "after"
                | "about"
                | "into"
                | "more"
        )
}

/// Words that make a line a clause: auxiliaries and reporting verbs.
pub(super) fn is_verb(w: &str) -> bool {
    is_prose_verb(w) || matches!(w, "can" | "could" | "did")
}

/// The verbs that are both: auxiliaries and reporting verbs common enough to count as function
/// words too.
fn is_prose_verb(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "said"
            | "says"
            | "will"
            | "would"
    )
}

/// The longest word `is_stopword` or `is_verb` knows, in bytes.
const LISTED_MAX: usize = 5;

/// Whether an ASCII word is a function word and whether it is a listed verb, whatever its case:
/// it is lower-cased on the stack, and only when it is short enough to be either.
pub(super) fn ascii_stop_and_verb(word: &str) -> (bool, bool) {
    if word.len() > LISTED_MAX {
        return (false, false);
    }
    let mut buf = [0u8; LISTED_MAX];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let lower = std::str::from_utf8(lower).unwrap_or_default();
    (is_stopword(lower), is_verb(lower))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stack-lowered ASCII check answers as the lists do on the word lower-cased.
    #[test]
    fn ascii_check_equals_the_lists() {
        for word in [
            "The", "SAID", "would", "Would", "about", "ABOUTS", "ed", "", "Trump",
        ] {
            let lower = word.to_lowercase();
            assert_eq!(
                ascii_stop_and_verb(word),
                (is_stopword(&lower), is_verb(&lower)),
                "{word}"
            );
        }
    }
}
