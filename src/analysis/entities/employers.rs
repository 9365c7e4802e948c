//! The firm or school after an analyst or a professor: `analysts at [Wedbush]`, `a strategist at
//! [Evercore]`, `a professor at [Harvard]`.
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
use super::tagger::{is_inside, kind_of, label};

const ORG: usize = 1;

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

#[cfg(test)]
mod tests {
    use super::super::tagger::written::run_on;
    use super::*;

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
