//! Race words are no names: `the first Black defense secretary`, `Black and Hispanic workers`.
//!
//! Since 2020 most newsrooms capitalise `Black` as a race, where 1996 Reuters wrote `black` (21
//! times in `eng.train`, never marked). Capitalised, the tagger took it for a name: a place in
//! `the first Black defense secretary`, an organisation in `Black voters`. The guidelines, and our
//! modern dev set's notes, leave race words unmarked, while a nationality keeps its MISC: `Black
//! Americans` is `Americans`.
//!
//! So `Black` or `White`, read as a name of its own (not a person: `Conrad Black said`) and
//! followed by a lower-case word, is no name; read as the first word of a name of a people
//! (`Black Americans`), it leaves the people's name. Names that go on in capitals (`Black Sea`,
//! `White House`, `Black Lives Matter`) are not touched.

use super::conventions::set_span;
use super::tagger::spans;

const PER: usize = 0;
const MISC: usize = 3;

/// The race words written with a capital.
const RACE_WORDS: &[&str] = &["Black", "White"];

/// Unmarks a race word read as a name, and keeps the people's name it opens.
#[inline(never)]
pub fn race_words(words: &[&str], labels: &mut [u8]) {
    for (a, b, kind) in spans(labels) {
        if kind == PER || !RACE_WORDS.contains(&words[a]) {
            continue;
        }
        let next = words.get(b).copied().unwrap_or("");
        if b == a + 1 && next.starts_with(char::is_lowercase) {
            labels[a] = 0;
        } else if b == a + 2 && is_people(words[a + 1]) {
            labels[a] = 0;
            set_span(labels, a + 1, b, MISC);
        }
    }
}

/// Whether `word` names a people as a nationality does (`Americans`, `American`, `Britons`).
fn is_people(word: &str) -> bool {
    let singular = word.strip_suffix('s').unwrap_or(word);
    singular.len() > 3
        && (singular.ends_with("an") || singular.ends_with("on"))
        && word.starts_with(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::super::tagger::written::run_on;
    use super::*;

    #[test]
    fn race_words_are_no_names() {
        // (sentence, the tagger's tags, the tags after the rule)
        let cases: &[(&str, &str, &str)] = &[
            (
                "the first Black defense secretary",
                "O O B-LOC O O",
                "O O O O O",
            ),
            (
                "Black and Hispanic workers",
                "B-ORG O B-MISC O",
                "O O B-MISC O",
            ),
            ("White voters", "B-MISC O", "O O"),
            (
                "many Black Americans said",
                "O B-ORG I-ORG O",
                "O O B-MISC O",
            ),
            // A person, a name that goes on in capitals, a name that is no people.
            ("Conrad Black said", "B-PER I-PER O", "B-PER I-PER O"),
            ("Black said", "B-PER O", "B-PER O"),
            ("the Black Sea fleet", "O B-LOC I-LOC O", "O B-LOC I-LOC O"),
            ("the White House said", "O B-ORG I-ORG O", "O B-ORG I-ORG O"),
            (
                "Black Lives Matter marched",
                "B-ORG I-ORG I-ORG O",
                "B-ORG I-ORG I-ORG O",
            ),
            ("the Black Forest is", "O B-LOC I-LOC O", "O B-LOC I-LOC O"),
        ];
        for (sentence, before, after) in cases {
            let got = run_on(sentence, before, |words, _, labels| {
                race_words(words, labels)
            });
            assert_eq!(got, *after, "{sentence}");
        }
    }
}
