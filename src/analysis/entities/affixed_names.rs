//! Words made of a prefix and a name: `pro-Trump`, `anti-EU`, `non-EU`, `Pro-Sanders`.
//!
//! CoNLL-2003 tags such a word MISC, as it tags other words derived from names (`eng.train` and
//! `eng.testa`: `pro-Baghdad`, `anti-Rangoon`, `pro-Israel`, `non-EU` MISC; 11 of 16, the others
//! a heading and two slips), and so do our modern set's notes (`⟦pro-Trump⟧`, `⟦anti-Clinton⟧`).
//! The tagger, which meets few of them, finds some and passes others over: `an anti-Trump group`
//! was MISC while `a pro-Trump super PAC` was no name. A word of this shape that the tagger left
//! unlabelled, or read alone as another type, is MISC, unless it opens a longer name
//! (`Anti-Defamation League`) or names a doctrine (`anti-Semitism`, which `eng.train` leaves
//! unlabelled).
//!
//! A `pan-` word opens no longer name, so where the tagger read it as the first word of one it is a
//! name of its own: `the pan-European [STOXX 600] index`, which market reports print daily, is
//! `⟦pan-European⟧ ⟦STOXX 600⟧`. Not the other prefixes: wikigold keeps `pro-Spanish Realists`
//! whole, and `pro-Jeb Bush` is one name.

use super::conventions::set_span;
use super::tagger::{is_inside, spans};

const MISC: usize = 3;

/// The prefixes, as written at a word's start.
const PREFIXES: &[&str] = &["pro-", "anti-", "non-", "pan-", "Pro-", "Anti-", "Non-"];

/// Whether `word` is a prefix, a hyphen and a capitalised name: `pro-Trump`, `Anti-EU`. Every
/// word passes here: one whose fourth or fifth byte is no hyphen is ruled out first.
fn is_affixed_name(word: &str) -> bool {
    let bytes = word.as_bytes();
    if bytes.len() < 5 || (bytes[3] != b'-' && bytes[4] != b'-') {
        return false;
    }
    PREFIXES.iter().any(|p| {
        word.strip_prefix(p).is_some_and(|name| {
            name.starts_with(char::is_uppercase)
                && name.chars().any(char::is_alphabetic)
                && !name.ends_with("ism")
        })
    })
}

/// Labels each word of a prefix and a name MISC, where the tagger left it unlabelled or read it
/// alone as another type.
#[inline(never)]
pub fn prefixed_names(words: &[&str], labels: &mut [u8]) {
    let Some(first) = words.iter().position(|w| is_affixed_name(w)) else {
        return;
    };
    for (a, b, kind) in spans(labels) {
        if a >= first && b > a + 1 && words[a].starts_with("pan-") && is_affixed_name(words[a]) {
            set_span(labels, a, a + 1, MISC);
            set_span(labels, a + 1, b, kind);
        }
    }
    for i in first..words.len() {
        if !is_affixed_name(words[i]) {
            continue;
        }
        let next_inside = labels
            .get(i + 1)
            .is_some_and(|&l| is_inside(usize::from(l)));
        // A capitalised word after it may make one name with it (`Anti-Defamation League`).
        let name_follows = words
            .get(i + 1)
            .is_some_and(|w| w.starts_with(char::is_uppercase));
        if is_inside(usize::from(labels[i])) || next_inside || name_follows {
            continue;
        }
        set_span(labels, i, i + 1, MISC);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tagger::written::run_on;
    use super::*;

    #[test]
    fn a_prefix_and_a_name_is_misc() {
        // (case, sentence, tags before, tags after)
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "passed over",
                "a pro-Trump super PAC",
                "O O O B-ORG",
                "O B-MISC O B-ORG",
            ),
            (
                "read as a place",
                "He is anti-EU .",
                "O O B-LOC O",
                "O O B-MISC O",
            ),
            (
                "a sentence start",
                "Pro-Sanders voters cheered",
                "O O O",
                "B-MISC O O",
            ),
            (
                "inside a longer name",
                "the Anti-Defamation League said",
                "O B-ORG I-ORG O",
                "O B-ORG I-ORG O",
            ),
            (
                "a capitalised word after it",
                "Anti-Trump Protesters March",
                "O O O",
                "O O O",
            ),
            (
                "opening a longer name in lower case",
                "the pan-European STOXX 600 index",
                "O B-MISC I-MISC I-MISC O",
                "O B-MISC B-MISC I-MISC O",
            ),
            (
                "another prefix opening a longer name",
                "the pro-Spanish Realists said",
                "O B-MISC I-MISC O",
                "O B-MISC I-MISC O",
            ),
            ("a doctrine", "rising anti-Semitism here", "O O O", "O O O"),
            ("a common word", "an anti-war rally", "O O O", "O O O"),
        ];
        for (case, sentence, before, after) in cases {
            let got = run_on(sentence, before, |words, _, labels| {
                prefixed_names(words, labels)
            });
            assert_eq!(got, *after, "{case}");
        }
    }
}
