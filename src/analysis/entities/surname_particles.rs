//! Surnames that open on a lower-case particle: `Ursula von der Leyen`, then `von der Leyen`;
//! `Bill de Blasio`, `de Klerk`.
//!
//! CoNLL-2003 puts the particle inside the name (`eng.train`: `Nikolaus van der Pas`, `Herve de
//! Charette`, and `de Klerk` or `de Silva` opening one: 83 of 83 person names with a particle
//! before a capitalised word). The tagger, which reads the case of each word, often marks the
//! capitalised rest alone: `dinner with von der Leyen` gave the person `Leyen`.
//!
//! So a person's name right after one or two particles takes them in; and if the particles
//! follow a person's name too (`Ursula` and `Leyen` read apart), the two are one person. A name
//! of another type before the particles (`Vasco da Gama`, a club) leaves them alone, and only
//! people are touched: `Rio de Janeiro` and `Tour de France` are not.

use super::conventions::set_span;
use super::tagger::{is_inside, kind_of, spans};

const PER: usize = 0;

/// Particles that open a surname, in lower case as they are written inside a name. Not `la` or
/// `le`, which English text capitalises in surnames (`Le Pen`) and writes in French phrases.
const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "del", "della", "di", "du", "dos", "das", "ter", "ten",
];

/// Takes the particles before a person's name into it, and joins the person's first names
/// before them.
#[inline(never)]
pub fn surname_particles(words: &[&str], labels: &mut [u8]) {
    // Most sentences hold no particle: look for one before any name first.
    let any = (1..words.len()).any(|i| labels[i] != 0 && PARTICLES.contains(&words[i - 1]));
    if !any {
        return;
    }
    for (a, b, kind) in spans(labels) {
        if kind != PER {
            continue;
        }
        let mut s = a;
        while s > 0 && a - s < 2 && labels[s - 1] == 0 && PARTICLES.contains(&words[s - 1]) {
            s -= 1;
        }
        if s == a {
            continue;
        }
        let start = if s > 0 && labels[s - 1] != 0 {
            // The name before the particles, from its first word.
            let mut j = s - 1;
            while j > 0 && is_inside(usize::from(labels[j])) {
                j -= 1;
            }
            if kind_of(usize::from(labels[j])) != Some(PER) {
                continue;
            }
            j
        } else {
            s
        };
        set_span(labels, start, b, PER);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tagger::written::run_on;
    use super::*;

    #[test]
    fn particles_join_surnames() {
        // (sentence, the tagger's tags, the tags after the rule)
        let cases: &[(&str, &str, &str)] = &[
            (
                "dinner with von der Leyen .",
                "O O O O B-PER O",
                "O O B-PER I-PER I-PER O",
            ),
            (
                "Ursula von der Leyen said",
                "B-PER O O B-PER O",
                "B-PER I-PER I-PER I-PER O",
            ),
            ("after de Blasio said", "O O B-PER O", "O B-PER I-PER O"),
            // Whole already, or no person: left alone.
            (
                "Mayor Bill de Blasio said",
                "O B-PER I-PER I-PER O",
                "O B-PER I-PER I-PER O",
            ),
            ("in Rio de Janeiro", "O B-LOC O B-LOC", "O B-LOC O B-LOC"),
            (
                "the Tour de France",
                "O B-MISC O B-MISC",
                "O B-MISC O B-MISC",
            ),
            ("Vasco da Gama won", "B-ORG O B-PER O", "B-ORG O B-PER O"),
            // Capitalised, the particle is a word of the name the tagger already read.
            ("De Blasio said", "B-PER I-PER O", "B-PER I-PER O"),
        ];
        for (sentence, before, after) in cases {
            let got = run_on(sentence, before, |words, _, labels| {
                surname_particles(words, labels)
            });
            assert_eq!(got, *after, "{sentence}");
        }
    }
}
