//! Families named by their surname in the plural: `the Clintons`, `both Clintons`, `the Bushes`,
//! `the Khans`, after the article has named one of them in full.
//!
//! CoNLL-2003 tags a family as people (`eng.train`: `Clintons` and `Kennedys`, once each, both
//! PER). The tagger meets a plural it has never seen and reads it as a group, a MISC name like
//! `Democrats`, or an organisation: on PolNeAR's 882 unannotated texts, `Clintons` came 45 times,
//! 22 MISC and 23 ORG, never PER. A capitalised plural right after `the` or `both`, whose
//! singular is the surname of a person the article names in full, is that family.

use super::conventions::{set_span, Read};
use super::tagger::is_inside;

const PER: usize = 0;

/// The words before a family's name.
const DETERMINERS: &[&str] = &["the", "both"];

/// Gives each family named by its plural surname the type of a person. `surnames` are those of
/// the article's people named in full (`short_forms` lists them).
#[inline(never)]
pub fn plural_surnames<S: AsRef<str>>(
    sentences: &[Vec<S>],
    reads: &[Read],
    labels: &mut [Vec<u8>],
    surnames: &[&str],
) {
    if surnames.is_empty() {
        return;
    }
    for ((sentence, read), labels) in sentences.iter().zip(reads).zip(labels.iter_mut()) {
        for i in 1..labels.len() {
            let lower = read.lower[i];
            if !lower.ends_with('s') || !DETERMINERS.contains(&read.lower[i - 1]) {
                continue;
            }
            let word = sentence[i].as_ref();
            if !word.starts_with(char::is_uppercase) || !family_of(lower, surnames) {
                continue;
            }
            // The plural alone: not a word inside a longer name (`the Clintons Foundation`).
            let alone = !is_inside(usize::from(labels[i]))
                && labels
                    .get(i + 1)
                    .is_none_or(|&l| !is_inside(usize::from(l)));
            if alone {
                set_span(labels, i, i + 1, PER);
            }
        }
    }
}

/// Whether `plural` (lower case, ending in `s`) is a plural of one of `surnames`: `clintons`
/// of `clinton`, `bushes` of `bush`.
fn family_of(plural: &str, surnames: &[&str]) -> bool {
    let singulars = [plural.strip_suffix('s'), plural.strip_suffix("es")];
    singulars
        .into_iter()
        .flatten()
        .any(|s| !s.is_empty() && surnames.contains(&s))
}

#[cfg(test)]
mod tests {
    use super::super::gazetteer::GazTags;
    use super::super::tagger::written::labels_of;
    use super::super::tagger::{label_name, spans};
    use super::*;

    /// The labels the rule leaves on `text` (sentences split on ` | `, words on spaces), tagged
    /// `tags` (sentences split the same way).
    fn run(text: &str, tags: &str) -> String {
        let sentences: Vec<Vec<&str>> = text.split(" | ").map(|s| s.split(' ').collect()).collect();
        let lower: Vec<Vec<String>> = sentences
            .iter()
            .map(|s| s.iter().map(|w| w.to_lowercase()).collect())
            .collect();
        let lower: Vec<Vec<&str>> = lower
            .iter()
            .map(|s| s.iter().map(String::as_str).collect())
            .collect();
        let gaz: Vec<Vec<GazTags>> = sentences
            .iter()
            .map(|s| vec![GazTags::default(); s.len()])
            .collect();
        let reads: Vec<Read> = lower
            .iter()
            .zip(&gaz)
            .map(|(lower, gaz)| Read::plain(lower, gaz))
            .collect();
        let mut labels: Vec<Vec<u8>> = tags.split(" | ").map(labels_of).collect();
        let surnames: Vec<&str> = reads
            .iter()
            .zip(&labels)
            .flat_map(|(read, labels)| {
                spans(labels)
                    .into_iter()
                    .filter(|&(a, b, kind)| kind == PER && b - a >= 2)
                    .map(|(_, b, _)| read.lower[b - 1])
            })
            .collect();
        plural_surnames(&sentences, &reads, &mut labels, &surnames);
        labels
            .iter()
            .map(|s| {
                s.iter()
                    .map(|&l| label_name(usize::from(l)))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join(" | ")
    }

    #[test]
    fn a_plural_surname_after_the_is_the_family() {
        // (case, text, tags before, tags after)
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "read as MISC",
                "Bill Clinton spoke | He thanked the Clintons",
                "B-PER I-PER O | O O O B-MISC",
                "B-PER I-PER O | O O O B-PER",
            ),
            (
                "read as ORG, with -es",
                "George Bush spoke | both Bushes came",
                "B-PER I-PER O | O B-ORG O",
                "B-PER I-PER O | O B-PER O",
            ),
            (
                "passed over",
                "Khizr Khan spoke | the Khans wept",
                "B-PER I-PER O | O O O",
                "B-PER I-PER O | O B-PER O",
            ),
            (
                "no one of that name in full",
                "Clinton spoke | He thanked the Clintons",
                "B-PER O | O O O B-MISC",
                "B-PER O | O O O B-MISC",
            ),
            (
                "no determiner",
                "Bill Clinton spoke | Clintons came",
                "B-PER I-PER O | B-MISC O",
                "B-PER I-PER O | B-MISC O",
            ),
            (
                "inside a longer name",
                "Bill Clinton spoke | the Clintons Foundation paid",
                "B-PER I-PER O | O B-ORG I-ORG O",
                "B-PER I-PER O | O B-ORG I-ORG O",
            ),
            (
                "lower case",
                "Mark Clinton spoke | the clintons came",
                "B-PER I-PER O | O O O",
                "B-PER I-PER O | O O O",
            ),
        ];
        for (case, text, before, after) in cases {
            assert_eq!(run(text, before), *after, "{case}");
        }
    }
}
