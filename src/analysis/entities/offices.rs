//! Offices between names: `WHO Director-General Tedros Adhanom Ghebreyesus`, `Texas Attorney
//! General Ken Paxton`, `Sao Paulo Governor Joao Doria`.
//!
//! News writes an institution or a place, then an office, then its holder. CoNLL-2003 keeps the
//! office out of both names, and the name after an office that only a person holds is a person's:
//! in `eng.train`, `eng.testa` and wikigold together, 423 names follow such a word directly, and
//! 421 of them are people (the two others are annotation slips, `Welfare Minister [Florence
//! Chitauro]` as a place). The tagger, which knows the names of 1996, reads an unfamiliar holder
//! (`Tedros Adhanom Ghebreyesus`) as an organisation, puts the first word of an office inside the
//! name before it (`[Texas Attorney] General`), and reads a state before its governor as an
//! organisation. Four rules, in this order (and a fifth, `leaders_of_administrations`, below):
//!
//! 1. a name right after an office only a person holds, or a role only a person plays (`WHO
//!    chief Tedros`, `media tycoon Jimmy Lai`), or set off by commas after an office (`the
//!    Turkish President, Recep Tayyip Erdogan,`), is that person;
//! 2. office words at the end of a name, before the person who holds the office, leave the name;
//! 3. a name before `Governor`, `Mayor`, `Senator` or `Rep.` and its holder is a place, when the
//!    gazetteer lists it as a place and not as an organisation;
//! 4. a person's name with an office inside it (`Orlando Mayor Buddy Dyer`) is split in three.

use super::conventions::set_span;
use super::gazetteer::{Gazetteer, CURATED_ORGANISATION, OTHER_NAME};
use super::tagger::{is_inside, kind_of, label, spans};

const PER: usize = 0;
const ORG: usize = 1;
const LOC: usize = 2;

/// Offices only a person holds, lower case: the word right before the holder's name.
const OFFICES: &[&str] = &[
    "ambassador",
    "ceo",
    "chairman",
    "chairwoman",
    "chancellor",
    "commissioner",
    "director",
    "director-general",
    "executive",
    "gov.",
    "governor",
    "mayor",
    "minister",
    "president",
    "rep.",
    "secretary",
    "secretary-general",
    "sen.",
    "senator",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];

/// Words an office's name is made of, lower case, as they may end a name the tagger drew too
/// far (`[Texas Attorney] General`). Not `Party`, `State` or `National`, which end or make up
/// names of their own (`Labour Party leader`, `New York State`).
const OFFICE_WORDS: &[&str] = &[
    "attorney",
    "deputy",
    "general",
    "lieutenant",
    "lt.",
    "managing",
    "prime",
    "vice",
];

/// Offices of a place: the name before one is the place (`California Governor`, `Texas Senator
/// Ted Cruz`, `Queens Rep. Joe Crowley`; `eng.train`, `eng.testa` and wikigold have five names
/// before a lawmaker's title, each a place: `U.S. Congressman Dana Rohrabacher`). On PolNeAR's
/// 882 texts the lawmakers' titles turned 20 states and boroughs from organisations to places.
const OFFICES_OF_PLACES: &[&str] = &[
    "attorney",
    "governor",
    "gov.",
    "mayor",
    "lt.",
    "lieutenant",
    "sen.",
    "senator",
    "rep.",
];

fn is_office(lower: &str) -> bool {
    OFFICES.contains(&lower)
}

/// Roles only a person plays, lower case, that stand right before the player's name in news
/// (`WHO chief Tedros`, `media tycoon Jimmy Lai`, `his counterpart Sergei Lavrov`). Rule 1 reads
/// them as it reads offices, when they are written in lower case, so never as a title
/// (`Chief Justice`) or a headline's word. In `eng.train`, `eng.testa` and wikigold, every name
/// right after one of them is a person (285 names; `leader` 41, `midfielder` 24, `coach` 32, of
/// which one is a line in capitals, `BARATELLI TO COACH NICE`). Left out, for the names of other
/// kinds that follow them there: `rival` (`China's rival Taiwan`), `official` (`the official
/// Xinhua news agency`), `owner`, `partner`, `champion` (`defending champion Spain`), `manager`
/// (`lead manager Goldman Sachs`) and `veteran`. Sorted, for a binary search: the word before
/// every name is looked up.
const ROLES: &[&str] = &[
    "actor",
    "actress",
    "adviser",
    "advisor",
    "aide",
    "analyst",
    "billionaire",
    "boss",
    "brother",
    "candidate",
    "captain",
    "challenger",
    "chief",
    "coach",
    "colleague",
    "compatriot",
    "counterpart",
    "daughter",
    "defender",
    "dictator",
    "economist",
    "envoy",
    "father",
    "founder",
    "goalkeeper",
    "husband",
    "incumbent",
    "lawmaker",
    "lawyer",
    "leader",
    "midfielder",
    "mother",
    "negotiator",
    "nominee",
    "predecessor",
    "prosecutor",
    "singer",
    "sister",
    "son",
    "striker",
    "strongman",
    "successor",
    "tycoon",
    "wife",
    "winger",
];

/// Whether a word is one of `ROLES`, written in lower case.
fn is_role(word: &str, lower: &str) -> bool {
    !capitalised(word) && ROLES.binary_search(&lower).is_ok()
}

/// Whether the name `a..b`, right after a role, may be the one who plays it. Roles are looser
/// than offices: a party or a nationality follows them as an adjective (`a chief Democratic
/// negotiator`, `the candidate Republican voters trust`), and so does a place or a team whose
/// own office or role comes next (`candidate Texas Senator Ted Cruz`, `billionaire Dallas
/// Mavericks owner Mark Cuban`). Measured on PolNeAR's 882 unannotated texts, where these made
/// ten of the rule's fifteen changes, all wrong.
fn may_play_the_role(lower: &[&str], a: usize, b: usize, gazetteer: &Gazetteer) -> bool {
    let adjective = gazetteer.lookup(&lower[a..b]) & OTHER_NAME != 0 || PARTIES.contains(&lower[a]);
    let office_next = lower.get(b).is_some_and(|&w| {
        is_office_word(w)
            || ROLES.binary_search(&w).is_ok()
            || matches!(w, "owner" | "official" | "officials")
    });
    !adjective && !office_next
}

/// Whether a word is an office or part of one's name. Every sentence's words pass through
/// here first: a word of a length no office word has is ruled out without a comparison.
pub(super) fn is_office_word(lower: &str) -> bool {
    (3..=17).contains(&lower.len()) && (OFFICES.contains(&lower) || OFFICE_WORDS.contains(&lower))
}

fn capitalised(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
}

/// Applies the four rules to one sentence's labels. `lower` is each word's lower-case form, as
/// the features see it (`features::lower_form`). Rule 1 reads every sentence's names, since its
/// roles are common words; most sentences hold no office word at all, and skip the other three.
#[inline(never)]
pub fn offices_between_names(
    words: &[&str],
    lower: &[&str],
    labels: &mut [u8],
    gazetteer: &Gazetteer,
) {
    holders_are_people(words, lower, labels, gazetteer);
    if !lower.iter().any(|w| is_office_word(w)) {
        return;
    }
    offices_leave_names(lower, labels);
    places_before_their_offices(lower, labels, gazetteer);
    offices_inside_people(words, lower, labels, gazetteer);
}

/// Parties, whose administrations are no one's (`a Republican administration`), lower case.
const PARTIES: &[&str] = &[
    "republican",
    "democratic",
    "democrat",
    "labour",
    "conservative",
    "liberal",
    "socialist",
    "communist",
];

/// Rule 5, on every sentence: a single name before `administration` or `presidency` is the
/// person who leads it (`the [Trump] administration`; `eng.train` has `Clinton administration`
/// four times, a person each time). The tagger, meeting a surname alone, read it as an
/// organisation or a MISC name. Not a listed place or organisation (`the U.S. administration`).
#[inline(never)]
pub fn leaders_of_administrations(
    words: &[&str],
    lower: &[&str],
    labels: &mut [u8],
    gazetteer: &Gazetteer,
) {
    if !lower
        .iter()
        .any(|w| matches!(*w, "administration" | "presidency"))
    {
        return;
    }
    for (a, b, kind) in spans(labels) {
        let before_one = b < lower.len() && matches!(lower[b], "administration" | "presidency");
        if kind == PER || b - a != 1 || !before_one {
            continue;
        }
        let surname_shaped =
            capitalised(words[a]) && words[a].chars().skip(1).all(char::is_lowercase);
        // A nationality (`Colombian`, MISC in the gazetteer), a party or a place rules a
        // government, not a person; Wikipedia's organisations (`Bush`) do not count.
        let kinds = gazetteer.lookup(&lower[a..b]);
        let listed = gazetteer.names_a_place(&lower[a..b])
            || kinds & (CURATED_ORGANISATION | OTHER_NAME) != 0
            || PARTIES.contains(&lower[a]);
        if surname_shaped && !listed {
            set_span(labels, a, b, PER);
        }
    }
}

/// Rule 1: a name the tagger read as another type, right after an office only a person holds or
/// a role only a person plays, is that person (`Director-General [Tedros Adhanom Ghebreyesus]`,
/// `chief [Tedros Adhanom Ghebreyesus]`).
///
/// It reads every sentence, so it looks for a name's first word after an unlabelled word before
/// it reads any word, and allocates nothing.
fn holders_are_people(words: &[&str], lower: &[&str], labels: &mut [u8], gazetteer: &Gazetteer) {
    for a in 1..labels.len() {
        let first = usize::from(labels[a]);
        if first == 0 || labels[a - 1] != 0 || is_inside(first) {
            continue;
        }
        let kind = kind_of(first).unwrap_or(PER);
        if kind == PER {
            continue;
        }
        let mut b = a + 1;
        while b < labels.len() && labels[b] == label(kind, true) as u8 {
            b += 1;
        }
        if b - a > 4 {
            continue;
        }
        let (before, before_lower) = (words[a - 1], lower[a - 1]);
        let holder = is_office(before_lower)
            || (is_role(before, before_lower) && may_play_the_role(lower, a, b, gazetteer))
            || in_apposition(lower, a, b);
        if !holder {
            continue;
        }
        // Every word capitalised, with a lower-case letter, and none an office word itself:
        // `President Trump`, not `chief U.S. negotiator` or `Minister President`.
        let person_shaped = (a..b).all(|i| {
            capitalised(words[i])
                && words[i].chars().any(char::is_lowercase)
                && !is_office_word(lower[i])
        });
        if person_shaped {
            set_span(labels, a, b, PER);
        }
    }
}

/// A name of two words or more set off by commas right after an office: `The Turkish
/// President, [Recep Tayyip Erdogan], did`. In `eng.train` and `eng.testa`, the five names so
/// placed are people (`Guinea's president, Lansana Conte,`); a name after the comma but not
/// closed by one may open a clause instead (`as governor, Wisconsin submitted`).
fn in_apposition(lower: &[&str], a: usize, b: usize) -> bool {
    a >= 2
        && b - a >= 2
        && lower[a - 1] == ","
        && lower.get(b) == Some(&",")
        && is_office(lower[a - 2])
}

/// Rule 2: office words that end a name of another type, before the person holding the office
/// (possibly after more office words), leave the name: `[Texas Attorney] General [Ken Paxton]`.
fn offices_leave_names(lower: &[&str], labels: &mut [u8]) {
    let found = spans(labels);
    for pair in found.windows(2) {
        let ((a, b, kind), (c, _, next)) = (pair[0], pair[1]);
        if kind == PER || next != PER || !lower[b..c].iter().all(|w| is_office_word(w)) {
            continue;
        }
        let mut cut = b;
        while cut > a + 1 && is_office_word(lower[cut - 1]) {
            cut -= 1;
        }
        if cut < b {
            labels[cut..b].fill(0);
        }
    }
}

/// Rule 3: an organisation right before a governor or a mayor and the person holding the office
/// is the place they govern (`[Sao Paulo] Governor [Joao Doria]`), when the gazetteer lists it
/// as a place and not as an organisation.
fn places_before_their_offices(lower: &[&str], labels: &mut [u8], gazetteer: &Gazetteer) {
    let found = spans(labels);
    for pair in found.windows(2) {
        let ((a, b, kind), (c, _, next)) = (pair[0], pair[1]);
        let offices = &lower[b..c];
        let office_of_place = !offices.is_empty()
            && OFFICES_OF_PLACES.contains(&offices[0])
            && offices.iter().all(|w| is_office_word(w));
        if kind == ORG && next == PER && office_of_place && gazetteer.names_a_place(&lower[a..b]) {
            set_span(labels, a, b, LOC);
        }
    }
}

/// Rule 4: a person's name with an office inside it is the place or the body the office
/// belongs to, then the holder: `[Orlando] Mayor [Buddy Dyer]`, where the tagger read the four
/// words as one person. The holder is two or three capitalised words, as in
/// `roles::split_titled_person`, so `Martin Luther King Jr.` stays whole.
fn offices_inside_people(words: &[&str], lower: &[&str], labels: &mut [u8], gazetteer: &Gazetteer) {
    for (a, b, kind) in spans(labels) {
        if kind != PER {
            continue;
        }
        let Some(office) = (a + 1..b).find(|&i| capitalised(words[i]) && is_office(lower[i]))
        else {
            continue;
        };
        let holder = office + 1..b;
        let holder_shaped = (2..=3).contains(&holder.len())
            && holder
                .clone()
                .all(|i| capitalised(words[i]) && !is_office_word(lower[i]));
        if !holder_shaped || lower[a..office].iter().any(|w| is_office_word(w)) {
            continue;
        }
        let head_kind = if gazetteer.names_a_place(&lower[a..office]) {
            LOC
        } else {
            ORG
        };
        set_span(labels, a, office, head_kind);
        labels[office] = 0;
        set_span(labels, office + 1, b, PER);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::entities::tagger::written::run_on;

    /// A rule of this module: words, their lower-case forms, the labels, the gazetteer.
    type Rule = fn(&[&str], &[&str], &mut [u8], &Gazetteer);

    /// The labels `rule` leaves on `sentence` (words split on spaces) tagged `tags`.
    fn run_rule(rule: Rule, sentence: &str, tags: &str) -> String {
        run_on(sentence, tags, |words, lower, labels| {
            rule(words, lower, labels, Gazetteer::shipped())
        })
    }

    fn run(sentence: &str, tags: &str) -> String {
        run_rule(offices_between_names, sentence, tags)
    }

    #[test]
    fn roles_are_sorted_for_the_binary_search() {
        assert!(ROLES.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn every_office_word_is_within_the_length_filter() {
        for w in OFFICES.iter().chain(OFFICE_WORDS).chain(OFFICES_OF_PLACES) {
            assert!(is_office_word(w), "{w}");
        }
    }

    #[test]
    fn leaders_of_administrations() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "damaged by the Trump administration",
                "O O O B-MISC O",
                "O O O B-PER O",
            ),
            ("during the Trump presidency", "O O B-ORG O", "O O B-PER O"),
            ("the U.S. administration said", "O B-LOC O O", "O B-LOC O O"),
            (
                "the Kenya administration said",
                "O B-LOC O O",
                "O B-LOC O O",
            ),
            (
                "the Trump Organization said",
                "O B-ORG I-ORG O",
                "O B-ORG I-ORG O",
            ),
            ("a Colombian administration", "O B-MISC O", "O B-MISC O"),
            ("a Republican administration", "O B-MISC O", "O B-MISC O"),
            ("the Bush administration", "O B-ORG O", "O B-PER O"),
        ];
        for (sentence, tags, want) in cases {
            let got = run_rule(super::leaders_of_administrations, sentence, tags);
            assert_eq!(got, *want, "{sentence}");
        }
    }

    #[test]
    fn holders_set_off_by_commas() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "The Turkish President , Recep Tayyip Erdogan , did",
                "O B-MISC O O B-ORG I-ORG I-ORG O O",
                "O B-MISC O O B-PER I-PER I-PER O O",
            ),
            // Not closed by a comma: the name may open a clause.
            (
                "as governor , Wisconsin Energy submitted",
                "O O O B-ORG I-ORG O",
                "O O O B-ORG I-ORG O",
            ),
            // One word: too little to go on.
            (
                "the president , Erdogan , said",
                "O O O B-ORG O O",
                "O O O B-ORG O O",
            ),
            // After a role, not an office.
            (
                "its partner , Goldman Sachs , said",
                "O O O B-ORG I-ORG O O",
                "O O O B-ORG I-ORG O O",
            ),
        ];
        for (sentence, tags, want) in cases {
            assert_eq!(run(sentence, tags), *want, "{sentence}");
        }
    }

    #[test]
    fn roles_before_people() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "WHO chief Tedros Adhanom Ghebreyesus said",
                "B-ORG O B-ORG I-ORG I-ORG O",
                "B-ORG O B-PER I-PER I-PER O",
            ),
            (
                "actress America Ferrera wrote",
                "O B-ORG I-ORG O",
                "O B-PER I-PER O",
            ),
            ("his daughter Chelsea said", "O O B-ORG O", "O O B-PER O"),
            // A role as a title, in capitals, is no role here.
            (
                "Chief Justice Roberts said",
                "O B-ORG I-ORG O",
                "O B-ORG I-ORG O",
            ),
            // A party, a nationality, and a place or a team with an office or a role of its own.
            (
                "a chief Democratic negotiator",
                "O O B-MISC O",
                "O O B-MISC O",
            ),
            (
                "the Philippine strongman Marcos",
                "O B-MISC O B-PER",
                "O B-MISC O B-PER",
            ),
            // (And rule 3 makes `Texas` the senator's state.)
            (
                "candidate Texas Senator Ted Cruz",
                "O B-ORG O B-PER I-PER",
                "O B-LOC O B-PER I-PER",
            ),
            (
                "billionaire Dallas Mavericks owner Mark Cuban",
                "O B-LOC I-LOC O B-PER I-PER",
                "O B-LOC I-LOC O B-PER I-PER",
            ),
            // Roles left out of the list: other names follow them.
            (
                "China 's rival Taiwan",
                "B-LOC O O B-LOC",
                "B-LOC O O B-LOC",
            ),
        ];
        for (sentence, tags, want) in cases {
            assert_eq!(run(sentence, tags), *want, "{sentence}");
        }
    }

    #[test]
    fn named_cases() {
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "an unfamiliar holder after a hyphenated office",
                "WHO Director-General Tedros Adhanom Ghebreyesus said",
                "B-ORG O B-ORG I-ORG I-ORG O",
                "B-ORG O B-PER I-PER I-PER O",
            ),
            (
                "an office's first word inside the name before it",
                "Texas Attorney General Ken Paxton sued",
                "B-ORG I-ORG O B-PER I-PER O",
                "B-LOC O O B-PER I-PER O",
            ),
            (
                "a state before its governor",
                "Sao Paulo Governor Joao Doria said",
                "B-ORG I-ORG O B-PER I-PER O",
                "B-LOC I-LOC O B-PER I-PER O",
            ),
            (
                "a ministry before its spokesman stays an organisation",
                "Foreign Ministry spokesman Zhao Lijian said",
                "B-ORG I-ORG O B-PER I-PER O",
                "B-ORG I-ORG O B-PER I-PER O",
            ),
            (
                "a party keeps its last word",
                "Labour Party leader Keir Starmer said",
                "B-ORG I-ORG O B-PER I-PER O",
                "B-ORG I-ORG O B-PER I-PER O",
            ),
            (
                "a lower-case word after an office is no name",
                "the President Obama administration",
                "O O B-PER O",
                "O O B-PER O",
            ),
            (
                "no person after the office: the name is left whole",
                "the Texas Attorney General 's office",
                "O B-ORG I-ORG O O O",
                "O B-ORG I-ORG O O O",
            ),
            (
                "an office inside a person's name",
                "as Orlando Mayor Buddy Dyer watches",
                "O B-PER I-PER I-PER I-PER O",
                "O B-LOC O B-PER I-PER O",
            ),
            (
                "a lower-case chief before an adjective",
                "the chief U.S. negotiator",
                "O O B-LOC O",
                "O O B-LOC O",
            ),
            (
                "a party before its chairman",
                "pressed Republican National Chairman Reince Priebus",
                "O B-MISC O O B-PER I-PER",
                "O B-MISC O O B-PER I-PER",
            ),
            (
                "a name with a title word inside stays whole",
                "Martin Luther King Jr. said",
                "B-PER I-PER I-PER I-PER O",
                "B-PER I-PER I-PER I-PER O",
            ),
            (
                "an organisation before a mayor stays one when it is no place",
                "Goldman Sachs Governor Ann Smith said",
                "B-ORG I-ORG O B-PER I-PER O",
                "B-ORG I-ORG O B-PER I-PER O",
            ),
        ];
        for (name, sentence, tags, want) in cases {
            assert_eq!(run(sentence, tags), *want, "{name}");
        }
    }
}
