//! The firm or school after an analyst or a professor: `analysts at [Wedbush]`, `a strategist at
//! [Evercore]`, `a professor at [Harvard]`; the firm before its chief at a sentence's start,
//! `[Boeing] Chief Executive Dave Calhoun` (`employers_before_offices`); and the firm before its
//! founder, `[Amazon] founder Jeff Bezos` (`employers_before_founders`).
//!
//! Market and economic news quotes people by their employer, and a bank or a broker unknown to
//! the tagger reads after `at` like a place: `Analysts at Wedbush said` gave `Wedbush` LOC, and on
//! PolNeAR's 882 texts `Jefferies`, `Evercore`, `Manulife` and `Harvard` were places there. In
//! `eng.train`, `eng.testa` and wikigold, a name right after one of these occupations and `at` or
//! `with` is an organisation 15 times in 16 (the other an annotation slip, `analyst at [Raymond
//! James]` as a person, which this rule now reads as the firm, costing `eng.testa` that one
//! name); the two places there follow other words (`director at Pontiac Osteopathic Hospital`),
//! and a place that owns the employer stays one (`a scholar at [New York City]'s Columbia`).

use super::conventions::set_span;
use super::gazetteer::{Gazetteer, CURATED_ORGANISATION, ORGANISATION_KINDS};
use super::tagger::{is_inside, kind_of, label, spans};
use super::{offices, programmes};
use crate::analysis::segment::DASHES;

const PER: usize = 0;
const ORG: usize = 1;
const LOC: usize = 2;

/// People quoted by their employer, lower case, sorted for a binary search.
const OCCUPATIONS: &[&str] = &[
    "analyst",
    "analysts",
    "banker",
    "bankers",
    "broker",
    "brokers",
    "economist",
    "economists",
    "fellow",
    "lecturer",
    "pollster",
    "professor",
    "researcher",
    "researchers",
    "scholar",
    "scientist",
    "scientists",
    "strategist",
    "strategists",
    "trader",
    "traders",
];

/// Labels the name right after an occupation and `at` or `with` an organisation, where the
/// tagger read it as another type.
#[inline(never)]
pub fn employers_of_analysts(lower: &[&str], labels: &mut [u8]) {
    for a in 2..labels.len() {
        let first = usize::from(labels[a]);
        if first == 0 || is_inside(first) || !matches!(lower[a - 1], "at" | "with") {
            continue;
        }
        let Some(kind) = kind_of(first).filter(|&k| k != ORG) else {
            continue;
        };
        if OCCUPATIONS.binary_search(&lower[a - 2]).is_err() {
            continue;
        }
        let mut b = a + 1;
        while b < labels.len() && labels[b] == label(kind, true) as u8 {
            b += 1;
        }
        // A place that owns the employer stays a place (`a scholar at New York City's Columbia`).
        if lower.get(b).is_some_and(|w| matches!(*w, "'s" | "’s")) {
            continue;
        }
        set_span(labels, a, b, ORG);
    }
}

/// Roles a company's name stands before, as written (`Amazon founder Jeff Bezos`, `Audi CEO`).
const COMPANY_ROLES: &[&str] = &["founder", "co-founder", "cofounder", "CEO"];

/// A name the tagger read as a place or a person right before `founder` or `CEO` is the
/// company's: in `eng.train`, `eng.testa` and wikigold the names there are organisations 5 of 5
/// (`CBS founder William Paley`, `Audi CEO`), and the tagger read `Amazon founder Jeff Bezos`'s
/// `Amazon` as the river. MISC names are left alone (a people's adjective).
#[inline(never)]
pub fn employers_before_founders(words: &[&str], labels: &mut [u8]) {
    if !words.iter().any(|w| COMPANY_ROLES.contains(w)) {
        return;
    }
    for (a, b, kind) in spans(labels) {
        let role_next = words.get(b).is_some_and(|w| COMPANY_ROLES.contains(w));
        if role_next && (kind == LOC || kind == PER) {
            set_span(labels, a, b, ORG);
        }
    }
}

/// Words that open sentences before an office and its holder without naming anyone's
/// employer (`But President Barack Obama`, `As Rep. Alan Grayson`), lower case.
const OPENERS: &[&str] = &[
    "after",
    "also",
    "and",
    "as",
    "at",
    "before",
    "but",
    "by",
    "even",
    "for",
    "former",
    "if",
    "in",
    "meanwhile",
    "now",
    "on",
    "once",
    "outgoing",
    "so",
    "still",
    "the",
    "then",
    "though",
    "under",
    "when",
    "while",
    "with",
    "yet",
];

/// The employer that opens a sentence before its office-holder: `[Apple] Chief Executive Tim
/// Cook`, `[Boeing] Chief Executive Dave Calhoun`. Mid-sentence the tagger marks the company
/// (`met Pfizer Chief Executive Albert Bourla`), but a sentence's first word is capitalised
/// whatever it is, and there it left `Apple`, `Microsoft` and `Boeing` unmarked before their
/// chiefs. So one to three capitalised words left bare at a sentence's start, then office words
/// (`Chief Executive`, `President`, `CEO`, `founder`), then a person, are the organisation when
/// the gazetteer lists them as one, or the place when it lists them as a place (`Ohio
/// Governor`); anything else there (`Former`, `Outgoing`) stays unmarked.
#[inline(never)]
pub fn employers_before_offices(
    words: &[&str],
    lower: &[&str],
    labels: &mut [u8],
    gazetteer: &Gazetteer,
) {
    // The story's first word: the sentence's, after an opening quotation mark, or after a wire
    // dateline's credit and dash (`PARIS (Reuters) - Renault Chairman ...`).
    let after_dateline =
        (2..words.len().min(12)).find(|&k| words[k - 2] == ")" && DASHES.contains(&words[k - 1]));
    let start = after_dateline
        .unwrap_or_else(|| usize::from(words.first().is_some_and(|w| programmes::opens(w))));
    let office = |k: usize| {
        offices::is_office_word(lower[k])
            || matches!(lower[k], "chief" | "founder" | "co-founder" | "leader")
    };
    let mut b = start;
    while b < words.len()
        && b - start < 3
        && labels[b] == 0
        && words[b].starts_with(char::is_uppercase)
        && !office(b)
    {
        b += 1;
    }
    let mut p = b;
    while p < words.len() && labels[p] == 0 && office(p) {
        p += 1;
    }
    let person_next = labels
        .get(p)
        .is_some_and(|&l| kind_of(usize::from(l)) == Some(PER) && !is_inside(usize::from(l)));
    if b == start || p == b || !person_next {
        return;
    }
    let name = &lower[start..b];
    // Wikipedia's list of organisations holds common words too (`But`, `As`, `Press`, `Club`),
    // which open sentences before an office as often: it counts only for words that unlabelled
    // news never writes in lower case (the word classes' vocabulary: `Renault`, not `press`).
    let kinds = gazetteer.lookup(name);
    let no_common_word = name.iter().all(|w| gazetteer.classes.get(w).is_none());
    let listed = !name.iter().any(|w| OPENERS.contains(w))
        && (kinds & CURATED_ORGANISATION != 0
            || (kinds & ORGANISATION_KINDS != 0 && no_common_word));
    if listed {
        set_span(labels, start, b, ORG);
    } else if gazetteer.names_a_place(name) {
        set_span(labels, start, b, LOC);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tagger::written::run_on;
    use super::*;

    #[test]
    fn the_company_before_its_founder() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "owned by Amazon founder Jeff Bezos",
                "O O B-LOC O B-PER I-PER",
                "O O B-ORG O B-PER I-PER",
            ),
            ("the Audi CEO said", "O B-PER O O", "O B-ORG O O"),
            // A people's adjective, and a place before another word.
            ("a Chinese founder", "O B-MISC O", "O B-MISC O"),
            ("the Amazon rainforest", "O B-LOC O", "O B-LOC O"),
        ];
        for (sentence, before, after) in cases {
            let got = run_on(sentence, before, |words, _, labels| {
                employers_before_founders(words, labels)
            });
            assert_eq!(got, *after, "{sentence}");
        }
    }

    #[test]
    fn the_employer_before_its_chief_at_a_sentence_start() {
        let gazetteer = Gazetteer::parse("ORG\tBoeing\nLOC\tOhio\nORG\tBut\n");
        // (sentence, the tagger's tags, the tags after the rule)
        let cases: &[(&str, &str, &str)] = &[
            (
                "Boeing Chief Executive Dave Calhoun said",
                "O O O B-PER I-PER O",
                "B-ORG O O B-PER I-PER O",
            ),
            (
                "Ohio Governor Mike DeWine said",
                "O O B-PER I-PER O",
                "B-LOC O B-PER I-PER O",
            ),
            // A listed word that opens sentences, an unlisted one, no person after the office.
            (
                "But President Barack Obama said",
                "O O B-PER I-PER O",
                "O O B-PER I-PER O",
            ),
            (
                "Outgoing President Donald Trump said",
                "O O B-PER I-PER O",
                "O O B-PER I-PER O",
            ),
            ("Boeing Chief Executive said", "O O O O", "O O O O"),
            (
                "PARIS ( Reuters ) - Boeing Chairman Jean Senard said",
                "B-LOC O B-ORG O O O O B-PER I-PER O",
                "B-LOC O B-ORG O O B-ORG O B-PER I-PER O",
            ),
        ];
        for (sentence, before, after) in cases {
            let got = run_on(sentence, before, |words, lower, labels| {
                employers_before_offices(words, lower, labels, &gazetteer)
            });
            assert_eq!(got, *after, "{sentence}");
        }
    }

    #[test]
    fn occupations_are_sorted_for_the_binary_search() {
        assert!(OCCUPATIONS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn the_name_after_an_analyst_at_is_the_employer() {
        // (case, sentence, tags before, tags after)
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "a broker read as a place",
                "Analysts at Wedbush said",
                "O O B-LOC O",
                "O O B-ORG O",
            ),
            (
                "two words read as a person",
                "a strategist with Raymond James said",
                "O O O B-PER I-PER O",
                "O O O B-ORG I-ORG O",
            ),
            (
                "a place that owns the employer",
                "a scholar at New York City 's Columbia",
                "O O O B-LOC I-LOC I-LOC O B-ORG",
                "O O O B-LOC I-LOC I-LOC O B-ORG",
            ),
            (
                "another word before at",
                "the meeting at Harvard ended",
                "O O O B-LOC O",
                "O O O B-LOC O",
            ),
            (
                "a director, not in the list",
                "a director at Pontiac Hospital",
                "O O O B-LOC I-LOC",
                "O O O B-LOC I-LOC",
            ),
        ];
        for (case, sentence, before, after) in cases {
            let got = run_on(sentence, before, |_, lower, labels| {
                employers_of_analysts(lower, labels)
            });
            assert_eq!(got, *after, "{case}");
        }
    }
}
