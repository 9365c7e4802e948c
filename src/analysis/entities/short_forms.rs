//! Short forms: an article names a person or an organisation in full once, then by one word
//! (`Jeffrey Bewkes`, then `BEWKES`; `Time Warner`, then `Warner`).

use super::conventions::{set_span, Read};
use super::gazetteer::{Gazetteer, CURATED_ORGANISATION, ORGANISATION_KINDS};
use super::tagger::{label, spans};

const PER: usize = 0;
const ORG: usize = 1;

/// The gazetteer bits of places and other names (`LOC`, `MISC`, `WLOC`).
const PLACE_KINDS: u8 = 1 << 0 | 1 << 3 | 1 << 6;

/// Last words of organisations named after a person, whose first word alone is still the person
/// (`the Obama Administration` or `the Obama White House`, then `the Obama administration`).
const NAMED_AFTER_PEOPLE: &[&str] = &[
    "administration",
    "campaign",
    "government",
    "presidency",
    "foundation",
    "library",
    "center",
    "centre",
    "institute",
    "school",
    "university",
    "organization",
    "tower",
    "house",
    "team",
    "family",
    "era",
    "doctrine",
];

/// The gazetteer bits of people's names and first names (`PER`, `FIRST`).
const PERSON_KINDS: u8 = 1 << 2 | 1 << 4;

/// One-word names that end a multi-word organisation of the document that the gazetteer knows
/// take its type, unless one of the document's people has that surname or the word is a place or
/// a nationality of the gazetteer. Only known organisations
/// lead, so a tagging error is never spread over an article.
///
/// Returns the surnames of the article's people (the last words of their names of two words or
/// more), which the family rule reads too (`families`); this rule changes only one-word names,
/// so they are the same after it.
#[inline(never)]
pub fn short_forms<'s>(
    reads: &[Read<'s>],
    labels: &mut [Vec<u8>],
    gazetteer: &Gazetteer,
) -> Vec<&'s str> {
    let mut long_forms: Vec<&str> = Vec::new();
    let mut surnames: Vec<&'s str> = Vec::new();
    // The first words of the article's organisations, and every word of its people's names.
    let mut openers: Vec<&str> = Vec::new();
    let mut people_words: Vec<&str> = Vec::new();
    for (read, labels) in reads.iter().zip(labels.iter()) {
        for (a, b, kind) in spans(labels) {
            if b - a < 2 {
                continue;
            }
            let lower = &read.lower[a..b];
            let last = lower[lower.len() - 1];
            if kind == PER {
                surnames.push(last);
                people_words.extend_from_slice(lower);
            } else if kind == ORG {
                if !NAMED_AFTER_PEOPLE.contains(&last) {
                    openers.push(lower[0]);
                }
                if gazetteer.lookup(lower) & ORGANISATION_KINDS != 0 {
                    long_forms.push(last);
                }
            }
        }
    }
    openers_of_organisations(reads, labels, gazetteer, &openers, &people_words);
    if long_forms.is_empty() && surnames.is_empty() {
        return surnames;
    }
    for (read, labels) in reads.iter().zip(labels.iter_mut()) {
        for (a, b, kind) in spans(labels) {
            if b - a != 1 {
                continue;
            }
            // A recent name keeps its list's type (`Latinos` after a heading read as a person,
            // `Young Latinos`).
            if read.recent.iter().any(|m| m.start == a && m.end == b) {
                continue;
            }
            let word = read.lower[a];
            // The surname of one of the article's people (`BEWKES` after `Jeffrey Bewkes`, in a
            // line in capitals the tagger reads as an organisation) is that person.
            let surname = kind != PER && surnames.contains(&word) && !long_forms.contains(&word);
            let long_form = kind != ORG && long_forms.contains(&word) && !surnames.contains(&word);
            if !surname && !long_form {
                continue;
            }
            // A place or a nationality in its own right (`Madrid` after `Real Madrid`, `Canada`
            // after `Air Canada`) stays what it is. Looked up only for the few candidates.
            //
            // A surname the model read as an organisation stays one only if it is a curated
            // organisation: Wikipedia's list (`WORG`) has people among its titles and redirects
            // (`Bush`, `Erdogan`), and its match is what pulls them to ORG, so `Erdogan said`
            // after `Recep Tayyip Erdogan` is the person. Read as anything else, the word's
            // context, not the list, made it so, and the whole list still counts.
            let own_kinds = gazetteer.lookup(&[word]);
            let own_names = if kind == ORG {
                PLACE_KINDS | CURATED_ORGANISATION
            } else {
                PLACE_KINDS | ORGANISATION_KINDS
            };
            if surname && own_kinds & own_names == 0 {
                set_span(labels, a, b, PER);
            } else if long_form && own_kinds & PLACE_KINDS == 0 {
                set_span(labels, a, b, ORG);
            }
        }
    }
    surnames
}

/// A one-word name read as a person's that opens one of the article's organisations is that
/// organisation's short form (`Algeria, which backs the Polisario`, after `the Polisario Front`;
/// `Goldman` after `Goldman Sachs`), unless one of the article's people has the word in their
/// name (`Trump` beside `Donald Trump` and the `Trump Foundation`) or the gazetteer knows it as
/// a person's name, a first name or a place. An organisation named after a person (its last word
/// one of `NAMED_AFTER_PEOPLE`) opens on that person's name, and is left out.
#[inline(never)]
fn openers_of_organisations(
    reads: &[Read],
    labels: &mut [Vec<u8>],
    gazetteer: &Gazetteer,
    openers: &[&str],
    people_words: &[&str],
) {
    if openers.is_empty() {
        return;
    }
    for (read, labels) in reads.iter().zip(labels.iter_mut()) {
        // Only sentences with a person's name are read.
        let person = label(PER, false) as u8;
        if !labels.contains(&person) {
            continue;
        }
        for (a, b, kind) in spans(labels) {
            let word = read.lower[a];
            if b - a != 1 || kind != PER || !openers.contains(&word) || people_words.contains(&word)
            {
                continue;
            }
            if read.recent.iter().any(|m| m.start == a && m.end == b) {
                continue;
            }
            if gazetteer.lookup(&[word]) & (PERSON_KINDS | PLACE_KINDS) == 0 {
                set_span(labels, a, b, ORG);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::gazetteer::GazTags;
    use super::super::overlay::ReaderMatch;
    use super::super::tagger::written::labels_of;
    use super::super::tagger::{label, label_name};
    use super::*;

    /// `the Polisario Front`, then `the Polisario` read as a person: the organisation's short
    /// form; but not a word of one of the article's people, a listed person's name, or the first
    /// word of an organisation named after someone.
    #[test]
    fn a_person_that_opens_an_organisation_is_its_short_form() {
        let gazetteer = Gazetteer::parse("PER\tSmith\n");
        // (the first sentence, its tags, the second sentence, its tags, the second's tags after)
        let cases: &[(&str, &str, &str, &str, &str)] = &[
            (
                "the Polisario Front said",
                "O B-ORG I-ORG O",
                "backs the Polisario .",
                "O O B-PER O",
                "O O B-ORG O",
            ),
            (
                "Donald Trump and the Trump Hotel",
                "B-PER I-PER O O B-ORG I-ORG",
                "Trump said",
                "B-PER O",
                "B-PER O",
            ),
            (
                "the Obama Administration said",
                "O B-ORG I-ORG O",
                "Obama said",
                "B-PER O",
                "B-PER O",
            ),
            (
                "the Smith Group said",
                "O B-ORG I-ORG O",
                "Smith said",
                "B-PER O",
                "B-PER O",
            ),
        ];
        for (first, first_tags, second, second_tags, after) in cases {
            let lower: Vec<Vec<String>> = [first, second]
                .iter()
                .map(|s| s.split(' ').map(str::to_lowercase).collect())
                .collect();
            let lower: Vec<Vec<&str>> = lower
                .iter()
                .map(|s| s.iter().map(String::as_str).collect())
                .collect();
            let gaz: Vec<Vec<GazTags>> = lower
                .iter()
                .map(|s| vec![GazTags::default(); s.len()])
                .collect();
            let reads = [
                Read::plain(&lower[0], &gaz[0]),
                Read::plain(&lower[1], &gaz[1]),
            ];
            let mut labels = vec![labels_of(first_tags), labels_of(second_tags)];
            short_forms(&reads, &mut labels, &gazetteer);
            let got: Vec<String> = labels[1]
                .iter()
                .map(|&l| label_name(usize::from(l)))
                .collect();
            assert_eq!(got.join(" "), *after, "{second} after {first}");
        }
    }

    /// A recent name keeps its list's type when a person's name ends in the same word: `Young
    /// Latinos`, a heading read as a person, then `with Latinos`.
    #[test]
    fn short_forms_leave_recent_names() {
        const MISC: usize = 3;
        let gazetteer = Gazetteer::parse("");
        let lower = [vec!["young", "latinos"], vec!["with", "latinos"]];
        let gaz = vec![GazTags::default(); 2];
        let recent = [ReaderMatch {
            start: 1,
            end: 2,
            kind: MISC,
        }];
        let listed = [
            Read::plain(&lower[0], &gaz),
            Read {
                recent: &recent,
                ..Read::plain(&lower[1], &gaz)
            },
        ];
        let mut labels = vec![
            vec![label(PER, false) as u8, label(PER, true) as u8],
            vec![0, label(MISC, false) as u8],
        ];
        short_forms(&listed, &mut labels, &gazetteer);
        assert_eq!(labels[1][1], label(MISC, false) as u8);
        let reads = [Read::plain(&lower[0], &gaz), Read::plain(&lower[1], &gaz)];
        short_forms(&reads, &mut labels, &gazetteer);
        assert_eq!(
            labels[1][1],
            label(PER, false) as u8,
            "unlisted, the surname"
        );
    }
}
