//! A lawmaker's party and state in parentheses after the name, as American papers write them:
//! `Sen. Harry Reid (D-Nev.)`, `Cory Booker (D-N.J.)`, `Rep. Mike Lee (R-Utah)`, a bare
//! `(D)`, or the state alone, `Bernie Sanders (Vt.)`.
//!
//! The tagger, trained on 1996 Reuters (which writes `Republican Senator Bob Dole` and never these
//! brackets), reads them piecemeal: `D-N` MISC and `J.` an organisation, `R-Utah` an organisation,
//! `Vt` without its period. The modern-news set's guidelines (`tests/data/polnear-ner/README.md`)
//! make the whole bracketed word MISC, and a state alone LOC. On the 84 PolNeAR dev texts the
//! pattern comes 37 times, each after a person's name.

use super::conventions::set_span;
use super::tagger::{kind_of, spans};

const PER: usize = 0;
const LOC: usize = 2;
const MISC: usize = 3;

/// The most tokens a bracket's inside may take: `D`, `-N`, `.`, `Y.` and the like.
const MAX_INSIDE: usize = 6;

/// The states as AP style writes them after a name (the abbreviation, or the name where AP keeps
/// it whole). Postal codes (`NY`) are not here: alone in brackets they are too often something
/// else (`(AP)`, `(ET)`).
const STATES: &[&str] = &[
    "Ala.", "Alaska", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Hawaii",
    "Idaho", "Ill.", "Ind.", "Iowa", "Kan.", "Ky.", "La.", "Maine", "Md.", "Mass.", "Mich.",
    "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.",
    "N.D.", "Ohio", "Okla.", "Ore.", "Pa.", "R.I.", "S.C.", "S.D.", "Tenn.", "Texas", "Utah",
    "Vt.", "Va.", "Wash.", "W.Va.", "Wis.", "Wyo.",
];

/// What a bracket after a name holds, if it is an affiliation.
fn affiliation(inside: &str) -> Option<usize> {
    if matches!(inside, "D" | "R" | "I") {
        return Some(MISC);
    }
    if STATES.contains(&inside) {
        return Some(LOC);
    }
    // `D-Nev.`, `R-Tex`, `R-IN`, `D-Newport News`: a party letter, a hyphen and a capitalised
    // place (a state, or a state legislator's city or district).
    let place = inside
        .strip_prefix("D-")
        .or_else(|| inside.strip_prefix("R-"))
        .or_else(|| inside.strip_prefix("I-"))?;
    let capitalised = place.starts_with(|c: char| c.is_ascii_uppercase());
    let plain = place
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, '.' | ' ' | '-'));
    (capitalised && plain).then_some(MISC)
}

/// Labels the inside of each such bracket right after a person's name (`words` are the sentence's
/// tokens): the whole inside one name, MISC for a party (with or without its state), LOC for a
/// state alone. A bracket after anything but a person is left as the tagger read it.
///
/// Some papers set the party and state off by commas instead (`Sen. Ted Cruz, R-Texas, said`;
/// in PolNeAR's 882 texts the tagger read that `R-Texas` as a place 7 times); there only a
/// party with its state counts, since a name, a comma and a state alone is as often a list.
#[inline(never)]
pub(super) fn party_and_state(words: &[&str], labels: &mut [u8]) {
    for open in 1..words.len() {
        let closing = match words[open] {
            "(" => ")",
            "," => ",",
            _ => continue,
        };
        if kind_of(usize::from(labels[open - 1])) != Some(PER) {
            continue;
        }
        let Some(close) =
            (open + 1..words.len().min(open + 2 + MAX_INSIDE)).find(|&k| words[k] == closing)
        else {
            continue;
        };
        if close == open + 1 {
            continue;
        }
        // Tokens of one bracket are joined as written, with a space between the words of a place
        // (`Newport News`): a token that is a word after a word was a word of its own.
        let mut inside = String::new();
        for (k, word) in words[open + 1..close].iter().enumerate() {
            let starts_word = word.starts_with(|c: char| c.is_alphabetic());
            let prev_ends_word = k > 0 && words[open + k].ends_with(|c: char| c.is_alphabetic());
            if starts_word && prev_ends_word {
                inside.push(' ');
            }
            inside.push_str(word);
        }
        let party_with_state = inside.contains('-');
        match affiliation(&inside) {
            Some(kind) if closing == ")" || party_with_state => {
                set_span(labels, open + 1, close, kind)
            }
            _ => {}
        }
    }
}

/// Party adjectives that stand before a politician's name (`Libertarian Gary Johnson`,
/// `Democrat Walter Mondale`, MISC then a person in `eng.train`).
const PARTY_ADJECTIVES: &[&str] = &["Democrat", "Democratic", "Libertarian", "Republican"];

/// A party's adjective read into a person's name of two more words is the party's, MISC, before
/// the person (`[Libertarian] [Gary Johnson]`; the tagger read `Libertarian Gary Johnson` as one
/// person).
#[inline(never)]
pub(super) fn party_before_people(words: &[&str], labels: &mut [u8]) {
    // Most sentences hold no party adjective: look for one first.
    if !words.iter().any(|w| PARTY_ADJECTIVES.contains(w)) {
        return;
    }
    for (a, b, kind) in spans(labels) {
        if kind == PER && b - a >= 3 && PARTY_ADJECTIVES.contains(&words[a]) {
            set_span(labels, a, a + 1, MISC);
            set_span(labels, a + 1, b, PER);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_party_adjective_is_no_part_of_a_name() {
        use super::super::tagger::written::run_on;
        let cases: &[(&str, &str, &str)] = &[
            (
                "Libertarian Gary Johnson got 3 percent",
                "B-PER I-PER I-PER O O O",
                "B-MISC B-PER I-PER O O O",
            ),
            // Two words may be a name of its own; the tagger's split stands.
            ("Republican Trump said", "B-PER I-PER O", "B-PER I-PER O"),
            (
                "Republican Donald Trump said",
                "B-MISC B-PER I-PER O",
                "B-MISC B-PER I-PER O",
            ),
        ];
        for (sentence, before, after) in cases {
            let got = run_on(sentence, before, |words, _, labels| {
                super::party_before_people(words, labels)
            });
            assert_eq!(got, *after, "{sentence}");
        }
    }

    use super::super::tagger::spans;
    use super::*;

    #[test]
    fn affiliations_and_states() {
        let cases = [
            ("D", Some(MISC)),
            ("R-Utah", Some(MISC)),
            ("D-N.J.", Some(MISC)),
            ("R-IN", Some(MISC)),
            ("D-Newport News", Some(MISC)),
            ("Vt.", Some(LOC)),
            ("Ohio", Some(LOC)),
            ("AP", None),
            ("R-2", None),
            ("D-", None),
            ("ET", None),
            ("Democrat", None),
        ];
        for (inside, expected) in cases {
            assert_eq!(affiliation(inside), expected, "{inside}");
        }
    }

    /// Labels `words` (split on spaces) with `name` read as a person, then applies the rule.
    fn read(sentence: &str, person: (usize, usize)) -> Vec<(String, usize)> {
        let words: Vec<&str> = sentence.split(' ').collect();
        let mut labels = vec![0u8; words.len()];
        set_span(&mut labels, person.0, person.1, PER);
        party_and_state(&words, &mut labels);
        spans(&labels)
            .into_iter()
            .map(|(a, b, kind)| (words[a..b].concat(), kind))
            .collect()
    }

    #[test]
    fn a_party_and_state_between_commas_after_a_person() {
        assert_eq!(
            read("Sen. Ted Cruz , R-Texas , said", (1, 3)),
            [("TedCruz".to_string(), PER), ("R-Texas".to_string(), MISC)]
        );
        assert_eq!(
            read("Marco Rubio , R-Fla . , was", (0, 2)),
            [
                ("MarcoRubio".to_string(), PER),
                ("R-Fla.".to_string(), MISC)
            ]
        );
        // A state alone between commas is left to the tagger: a list reads the same.
        assert_eq!(
            read("Ted Cruz , Texas , and Ohio", (0, 2)),
            [("TedCruz".to_string(), PER)]
        );
    }

    #[test]
    fn the_whole_bracket_after_a_person() {
        assert_eq!(
            read("Cory Booker ( D-N . J. ) spoke", (0, 2)),
            [
                ("CoryBooker".to_string(), PER),
                ("D-N.J.".to_string(), MISC)
            ]
        );
        assert_eq!(
            read("Bernie Sanders ( Vt . ) agreed", (0, 2)),
            [("BernieSanders".to_string(), PER), ("Vt.".to_string(), LOC)]
        );
        assert_eq!(
            read("Marcia Price ( D-Newport News ) said", (0, 2)),
            [
                ("MarciaPrice".to_string(), PER),
                ("D-NewportNews".to_string(), MISC)
            ]
        );
        // Not after a person; not an affiliation; never closed.
        assert_eq!(read("Reid said ( D ) so", (0, 1)).len(), 1);
        assert_eq!(read("Reid ( AP ) said", (0, 1)).len(), 1);
        assert_eq!(
            read("Reid ( D - and more words that go on", (0, 1)).len(),
            1
        );
    }
}
