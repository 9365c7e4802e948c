//! Names that the word beside them explains: `drugmaker [Moderna]`, `the town of [Bucha]`,
//! `[Mekelle], the capital of Tigray`.
//!
//! News introduces a name it cannot expect the reader to know with a common noun that says what
//! it is, and the annotation follows the noun. In `eng.train`, `eng.testa` and wikigold:
//! - after `company`, `firm`, `group`, `bank`, `agency`, `newspaper`, `maker`, `retailer` and the
//!   like, 79 of the 82 capitalised words open an organisation (the others: `auto safety agency
//!   Saturday`, `company N/A` and `group C`, none of them a name);
//! - after `town of` and `city of`, 102 of 102 open a place, and so do 5 of 5 names before `, the
//!   capital of` or `, capital of`.
//!
//! The tagger, meeting a name it never saw, read it by its shape: `health regulator [Anvisa]` a
//! person, `had taken [Mekelle], the capital of Tigray` a person. So a name the noun explains
//! takes the noun's type. Not the nouns that also stand before people and ships (`insurer`,
//! `operator`, `rival`, `carrier`: `rival Bob Dole`, `aircraft carrier Enterprise`), and not a
//! name that opens on a title (`company Chairman John Smith`), which is a person's, and not after
//! `a` (`a group Barack Obama won`), where the name opens a relative clause. (`publisher` was left
//! out: on PolNeAR it stood before a person, `businessman and publisher Ron Unz`.)

use super::conventions::set_span;
use super::roles::is_title;
use super::tagger::spans;

const PER: usize = 0;
const ORG: usize = 1;
const LOC: usize = 2;

/// Nouns for an organisation, in lower case, sorted: the name after one is an organisation.
const ORGANISATION_NOUNS: &[&str] = &[
    "agency",
    "airline",
    "automaker",
    "bank",
    "broadcaster",
    "carmaker",
    "chipmaker",
    "company",
    "conglomerate",
    "drugmaker",
    "firm",
    "group",
    "lender",
    "maker",
    "miner",
    "newspaper",
    "regulator",
    "retailer",
    "subsidiary",
    "watchdog",
];

/// Nouns for a settlement, before `of`: the name after `town of` is a place.
const PLACE_NOUNS: &[&str] = &["city", "town", "village"];

/// Gives a name the type of the noun that explains it.
#[inline(never)]
pub fn explained_names(words: &[&str], labels: &mut [u8]) {
    for (a, b, kind) in spans(labels) {
        let before = |k: usize| a.checked_sub(k).map_or("", |i| words[i]);
        let after = |k: usize| words.get(b + k - 1).copied().unwrap_or("");
        // `a group Barack Obama won`: after `a`, the name opens a relative clause.
        let organisation = ORGANISATION_NOUNS.binary_search(&before(1)).is_ok()
            && !matches!(before(2), "a" | "an");
        let place = (before(1) == "of" && PLACE_NOUNS.contains(&before(2)))
            || (after(1) == "," && (after(2), after(3)) == ("the", "capital") && after(4) == "of")
            || (after(1) == "," && (after(2), after(3)) == ("capital", "of"));
        if organisation && (kind == PER || kind == LOC) && !is_title(words[a]) {
            set_span(labels, a, b, ORG);
        } else if place && (kind == PER || kind == ORG) {
            set_span(labels, a, b, LOC);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tagger::written::run_on;
    use super::*;

    #[test]
    fn the_nouns_are_sorted() {
        assert!(ORGANISATION_NOUNS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_name_takes_the_type_of_the_noun_that_explains_it() {
        // (sentence, the tagger's tags, the tags after the rule)
        let cases: &[(&str, &str, &str)] = &[
            ("health regulator Anvisa is", "O O B-PER O", "O O B-ORG O"),
            (
                "U.S. drugmaker Moderna said",
                "B-LOC O B-LOC O",
                "B-LOC O B-ORG O",
            ),
            ("the town of Bucha fell", "O O O B-PER O", "O O O B-LOC O"),
            (
                "took Mekelle , the capital of Tigray",
                "O B-PER O O O O B-LOC",
                "O B-LOC O O O O B-LOC",
            ),
            (
                "Mekelle , capital of Tigray",
                "B-ORG O O O O",
                "B-LOC O O O O",
            ),
            // A title opens a person's name; MISC stays (a ship, a product); other nouns; after `a`.
            (
                "company Chairman John Smith",
                "O B-PER I-PER I-PER",
                "O B-PER I-PER I-PER",
            ),
            ("the firm Pfizer", "O O B-ORG", "O O B-ORG"),
            ("aircraft carrier Enterprise", "O O B-PER", "O O B-PER"),
            ("rival Bob Dole", "O B-PER I-PER", "O B-PER I-PER"),
            (
                "a group Barack Obama won",
                "O O B-PER I-PER O",
                "O O B-PER I-PER O",
            ),
            ("the group Hamas", "O O B-MISC", "O O B-MISC"),
            ("the capital of Tigray", "O O O B-PER", "O O O B-PER"),
        ];
        for (sentence, before, after) in cases {
            let got = run_on(sentence, before, |words, _, labels| {
                explained_names(words, labels)
            });
            assert_eq!(got, *after, "{sentence}");
        }
    }
}
