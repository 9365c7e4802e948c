//! Acronyms that are also common words: `WHO`, the World Health Organization, written as the
//! pronoun `who` is in a line in capitals.
//!
//! The tagger reads a word by its lower-case form first, and `who` is one of the commonest words
//! of English: `eng.train` never writes the organisation's acronym (Reuters of 1996 spelt it out).
//! So `WHO officials said…` at a sentence start, with nothing before it to say otherwise, was no
//! name at all, while today's health news names the organisation in nearly every story.
//!
//! In a sentence written in ordinary case, an acronym in capitals is the organisation. Not in a
//! headline or a line in capitals (`THE MAN WHO KNEW`), and not where the writer shouts other
//! common words as well (`SHE well knows WHO has the false names`).
//!
//! The other way round, some acronyms are common nouns however they are written: `CEO`, `IPO`,
//! `GDP`. Today's business news prints them in nearly every story, the 1996 training text seldom
//! did, and the tagger read a word alone in capitals as an organisation. The guidelines give them
//! no type (`eng.train` leaves `CEO`, `GDP` and `EPS` unmarked every time, 27 in all), so a name
//! that is one of them alone is no name. Inside a longer name (`AI Now Institute`) they stay.

use super::conventions::set_span;
use super::tagger::spans;

const ORG: usize = 1;

/// The acronyms, as written, that are also common words, and the type of their name.
const ACRONYMS: &[(&str, usize)] = &[("WHO", ORG)];

/// Common words a writer shouts for emphasis; one of them in capitals beside an acronym makes the
/// acronym a shouted word too.
const SHOUTED: &[&str] = &[
    "ALL", "AND", "ARE", "DID", "DO", "HE", "HER", "HIM", "HIS", "HOW", "I", "IS", "IT", "NEVER",
    "NO", "NOT", "SHE", "THE", "THEY", "THIS", "WAS", "WE", "WHAT", "WHEN", "WHY", "YOU",
];

/// Gives each listed acronym, left unmarked in a sentence of ordinary case, its name's type.
#[inline(never)]
pub fn acronyms_that_are_words(words: &[&str], labels: &mut [u8]) {
    let Some(first) = words.iter().position(|w| listed(w).is_some()) else {
        return;
    };
    // Ordinary case: more words with a lower-case letter than words in capitals, and no shouted
    // common word.
    let (mut lower, mut capitals) = (0usize, 0usize);
    for w in words {
        if w.chars().any(char::is_lowercase) {
            lower += 1;
        } else if w.chars().any(char::is_uppercase) {
            capitals += 1;
            if SHOUTED.contains(w) {
                return;
            }
        }
    }
    if lower <= capitals {
        return;
    }
    for i in first..words.len() {
        if let (Some(kind), 0) = (listed(words[i]), labels[i]) {
            set_span(labels, i, i + 1, kind);
        }
    }
}

/// Acronyms of common nouns: offices, finance, and things, never a name on their own. Not those
/// the training text marks (`GMT`, `AIDS` and `CPI` are MISC there, `TV` is half the time part of
/// a broadcaster's name).
const COMMON_NOUNS: &[&str] = &[
    "AI", "ATM", "CEO", "CFO", "CIO", "COO", "CTO", "EBITDA", "EPS", "ESG", "ETF", "EV", "GDP",
    "GPS", "ICU", "IPO", "LNG", "MP", "PPE", "SPAC", "SUV", "VAT",
];

/// Unmarks a name that is only an acronym of a common noun (`CEO`, `IPOs`), and such an acronym
/// at the end of a longer name (`[Tory] MP`, `[Audi] CEO`: `eng.train` and wikigold leave `MP`,
/// `MPs` and `CEO` out of the names before them).
#[inline(never)]
pub fn acronyms_that_are_nouns(words: &[&str], labels: &mut [u8]) {
    for (_, b, _) in spans(labels) {
        if is_common_noun(words[b - 1]) {
            labels[b - 1] = 0;
        }
    }
}

/// Whether `word` is a listed common-noun acronym, or its plural (`CEOs`).
fn is_common_noun(word: &str) -> bool {
    let singular = word.strip_suffix('s').unwrap_or(word);
    COMMON_NOUNS.contains(&singular)
}

fn listed(word: &str) -> Option<usize> {
    ACRONYMS
        .iter()
        .find(|(acronym, _)| *acronym == word)
        .map(|&(_, kind)| kind)
}

#[cfg(test)]
mod tests {
    use super::super::tagger::written::run_on;
    use super::super::tagger::{label, spans};
    use super::*;

    #[test]
    fn who_in_capitals_is_the_organisation_in_ordinary_sentences() {
        // (case, sentence, whether `WHO` becomes an organisation)
        let cases: &[(&str, &str, bool)] = &[
            (
                "a sentence start",
                "WHO officials said there was no evidence .",
                true,
            ),
            ("before a title", "WHO chief Tedros spoke in Geneva .", true),
            ("the pronoun", "Officials who spoke said so .", false),
            ("a line in capitals", "THE MAN WHO KNEW TOO MUCH", false),
            ("a title-case word", "Who Won the Debate ?", false),
            (
                "shouted words",
                "SHE well knows WHO has the false names .",
                false,
            ),
        ];
        for (case, sentence, want) in cases {
            let words: Vec<&str> = sentence.split(' ').collect();
            let mut labels = vec![0u8; words.len()];
            acronyms_that_are_words(&words, &mut labels);
            let found = spans(&labels);
            assert_eq!(!found.is_empty(), *want, "{case}: {found:?}");
            if *want {
                let at = words.iter().position(|w| *w == "WHO").unwrap();
                assert_eq!(found, [(at, at + 1, ORG)], "{case}");
            }
        }
    }

    #[test]
    fn acronyms_of_common_nouns_are_no_names() {
        // (sentence, the tagger's tags, the tags after the rule)
        let cases: &[(&str, &str, &str)] = &[
            ("The CEO said so .", "O B-ORG O O O", "O O O O O"),
            ("Two IPOs were delayed .", "O B-ORG O O O", "O O O O O"),
            ("GDP fell .", "B-MISC O O", "O O O"),
            // At the end of a longer name, it leaves the name.
            ("a Tory MP said", "O B-ORG I-ORG O", "O B-ORG O O"),
            ("the Audi CEO said", "O B-ORG I-ORG O", "O B-ORG O O"),
            // Inside a longer name, or a name that only looks like one.
            (
                "The AI Now Institute said",
                "O B-ORG I-ORG I-ORG O",
                "O B-ORG I-ORG I-ORG O",
            ),
            ("The CEOX fund said", "O B-ORG O O", "O B-ORG O O"),
            ("Ceo said", "B-PER O", "B-PER O"),
        ];
        for (sentence, before, after) in cases {
            let got = run_on(sentence, before, |words, _, labels| {
                acronyms_that_are_nouns(words, labels)
            });
            assert_eq!(got, *after, "{sentence}");
        }
    }

    #[test]
    fn a_name_already_found_is_left_alone() {
        // `WHO` inside a longer name the tagger drew stays as it is.
        let words = ["WHO", "Director-General", "said", "so", "."];
        let mut labels = vec![0u8; words.len()];
        labels[0] = label(ORG, false) as u8;
        labels[1] = label(ORG, true) as u8;
        let before = labels.clone();
        acronyms_that_are_words(&words, &mut labels);
        assert_eq!(labels, before);
    }
}
