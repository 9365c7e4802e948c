//! Regions named before their head noun: `the Tigray region`, `Sichuan province`.
//!
//! A name written before a lower-case `region` or `province` is the place the region is named
//! after, and CoNLL-2003 makes it a place: in `eng.train` and `eng.testa`, 27 of the 34 names there
//! are places (`Nagorno-Karabakh region`, `Guangdong province`, `Kosovo region`). The other 7 are
//! adjectives of a people or a range (`Kurdish region`, 5 times; `Himalayan region`), MISC as
//! nationalities are. The tagger, meeting a region it never saw, often read it as MISC (`Tigray`
//! in today's news of Ethiopia), as if it were such an adjective.
//!
//! So a one-word MISC name before `region` or `province` (or their plurals) is a place, unless it
//! ends as the adjectives of peoples do (`-ian`, `-ish`, `-ese`, `-ic`, `-i`, and a few more)
//! or as a participle (`-ed`).

use super::conventions::set_span;
use super::tagger::spans;

const LOC: usize = 2;
const MISC: usize = 3;

/// The head nouns of a region's name.
const HEADS: &[&str] = &["province", "provinces", "region", "regions"];

/// Endings of the adjectives of peoples, places and ranges (`Kurdish`, `Himalayan`, `Chinese`,
/// `Baltic`, `Iraqi`, `Tibetan`), and of participles (`a long Islamized region`, in wikigold),
/// which stay MISC. Not `-an` alone, which ends many a place (`Sichuan`, `Kurdistan`, `Oman`).
const ADJECTIVE_ENDINGS: &[&str] = &[
    "ian", "ean", "can", "yan", "etan", "ish", "ese", "ic", "i", "ed",
];

/// Makes a one-word MISC name before `region` or `province` a place.
#[inline(never)]
pub fn regions_by_head(words: &[&str], labels: &mut [u8]) {
    for (a, b, kind) in spans(labels) {
        let head = words.get(b).copied().unwrap_or("");
        if kind == MISC
            && b == a + 1
            && HEADS.contains(&head)
            && labels.get(b) == Some(&0)
            && !ADJECTIVE_ENDINGS.iter().any(|e| words[a].ends_with(e))
        {
            set_span(labels, a, b, LOC);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tagger::written::run_on;
    use super::*;

    #[test]
    fn a_region_named_before_its_head_is_a_place() {
        // (sentence, the tagger's tags, the tags after the rule)
        let cases: &[(&str, &str, &str)] = &[
            (
                "fighting in the Tigray region",
                "O O O B-MISC O",
                "O O O B-LOC O",
            ),
            ("in Sichuan province .", "O B-MISC O O", "O B-LOC O O"),
            // Adjectives of peoples and ranges, and participles, stay.
            (
                "the Kurdish region of Iraq",
                "O B-MISC O O B-LOC",
                "O B-MISC O O B-LOC",
            ),
            ("the Himalayan region", "O B-MISC O", "O B-MISC O"),
            ("the Chinese province", "O B-MISC O", "O B-MISC O"),
            ("the Tibetan region", "O B-MISC O", "O B-MISC O"),
            ("the Korean region", "O B-MISC O", "O B-MISC O"),
            ("a long Islamized region", "O O B-MISC O", "O O B-MISC O"),
            // Not before the head, not one word, not MISC, or the head capitalised.
            ("the Tigray fighting region", "O B-MISC O O", "O B-MISC O O"),
            (
                "the Mount Tigray region",
                "O B-MISC I-MISC O",
                "O B-MISC I-MISC O",
            ),
            ("the Tigray Region", "O B-MISC O", "O B-MISC O"),
            ("the Tigray region", "O B-LOC O", "O B-LOC O"),
        ];
        for (sentence, before, after) in cases {
            let got = run_on(sentence, before, |words, _, labels| {
                regions_by_head(words, labels)
            });
            assert_eq!(got, *after, "{sentence}");
        }
    }
}
