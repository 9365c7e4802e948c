//! A party member named by their state or chamber: `a prominent New York Democrat`, `the
//! Pennsylvania Republican`, `House Democrats`.
//!
//! CoNLL-2003 marks the state and the party member apart (`eng.train`: `the Pennsylvania
//! Republican`, `a California Democrat` and `California Republican politicians`, LOC then MISC 4
//! of 4; `House Democrats`, ORG then MISC), and so do our modern set's notes (a party member is
//! MISC). The tagger read `New York Democrat`, `West Virginia Democrat` and `Illinois Democrat` as
//! one organisation each, while it split `Ohio Republican`.
//!
//! So a name that ends in `Democrat`, `Republican` or their plurals, and whose other words are a
//! curated place of the gazetteer or a chamber of Congress, is two names. Other names that end so
//! are left alone: `Social Democrats` and `Australian Democrats` (a party), `Log Cabin
//! Republicans` (a group), `Reagan Democrats`, `Southern Democrats`. And the members alone are
//! MISC, whatever the tagger read.

use super::conventions::set_span;
use super::gazetteer::{Gazetteer, CURATED_PLACE};
use super::tagger::spans;

const ORG: usize = 1;
const LOC: usize = 2;
const MISC: usize = 3;

/// The words for a party's members, as written.
const MEMBERS: &[&str] = &["Democrat", "Democrats", "Republican", "Republicans"];

/// The chambers whose members are named so (`Senate Republicans`).
const CHAMBERS: &[&str] = &["Senate", "House"];

/// Splits a state's or a chamber's party members into the state or chamber and the members.
#[inline(never)]
pub fn party_members(words: &[&str], lower: &[&str], labels: &mut [u8], gazetteer: &Gazetteer) {
    if !words.iter().any(|w| MEMBERS.contains(w)) {
        return;
    }
    for (a, b, _) in spans(labels) {
        if !MEMBERS.contains(&words[b - 1]) {
            continue;
        }
        if b - a == 1 {
            continue;
        }
        // `Southern Democrats` are a faction: a one-word region's adjective is no state.
        let regional = b - a == 2 && lower[a].ends_with("ern");
        let head = if b - a == 2 && CHAMBERS.contains(&words[a]) {
            ORG
        } else if !regional && gazetteer.lookup(&lower[a..b - 1]) & CURATED_PLACE != 0 {
            LOC
        } else {
            continue;
        };
        set_span(labels, a, b - 1, head);
        set_span(labels, b - 1, b, MISC);
    }
}

/// The members alone are MISC, whatever the tagger or the document's other rules read:
/// `eng.train`, `eng.testa` and wikigold have 56 of 57 so (one `Republican` an organisation).
/// On PolNeAR's 882 texts the tagger read `Democrats` as an organisation 23 times, and
/// `Republicans` came out as people 10 times, after a wrong person's name ending in the word
/// (`Gerald Ford-Rockefeller Republicans`) made it a surname. So this runs after the rules that
/// read the whole document.
#[inline(never)]
pub fn members_alone<S: AsRef<str>>(words: &[S], labels: &mut [u8]) {
    if !words.iter().any(|w| MEMBERS.contains(&w.as_ref())) {
        return;
    }
    for (a, b, kind) in spans(labels) {
        if b - a == 1 && kind != MISC && MEMBERS.contains(&words[a].as_ref()) {
            set_span(labels, a, b, MISC);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tagger::written::run_on;
    use super::*;

    #[test]
    fn a_states_party_members_are_two_names() {
        let gazetteer = Gazetteer::parse("LOC\tNew York\nLOC\tPennsylvania\n");
        // (sentence, the tagger's tags, the tags after the rule)
        let cases: &[(&str, &str, &str)] = &[
            (
                "a prominent New York Democrat said",
                "O O B-ORG I-ORG I-ORG O",
                "O O B-LOC I-LOC B-MISC O",
            ),
            (
                "the Pennsylvania Republican said",
                "O B-MISC I-MISC O",
                "O B-LOC B-MISC O",
            ),
            ("House Democrats said", "B-ORG I-ORG O", "B-ORG B-MISC O"),
            // Not a place or a chamber: a party, a group, a kind of voter.
            (
                "the Social Democrats won",
                "O B-ORG I-ORG O",
                "O B-ORG I-ORG O",
            ),
            (
                "the Log Cabin Republicans met",
                "O B-ORG I-ORG I-ORG O",
                "O B-ORG I-ORG I-ORG O",
            ),
            (
                "Reagan Democrats voted",
                "B-MISC I-MISC O",
                "B-MISC I-MISC O",
            ),
            (
                "Southern Democrats voted",
                "B-MISC I-MISC O",
                "B-MISC I-MISC O",
            ),
        ];
        for (sentence, before, after) in cases {
            let got = run_on(sentence, before, |words, lower, labels| {
                party_members(words, lower, labels, &gazetteer)
            });
            assert_eq!(got, *after, "{sentence}");
        }
    }

    #[test]
    fn the_members_alone_are_misc() {
        let cases: &[(&str, &str, &str)] = &[
            ("Democrats insist", "B-ORG O", "B-MISC O"),
            ("the Republicans said", "O B-PER O", "O B-MISC O"),
            ("a Republican senator", "O B-MISC O", "O B-MISC O"),
            ("the Republican Party", "O B-ORG I-ORG", "O B-ORG I-ORG"),
        ];
        for (sentence, before, after) in cases {
            let got = run_on(sentence, before, |words, _, labels| {
                members_alone(words, labels)
            });
            assert_eq!(got, *after, "{sentence}");
        }
    }
}
