//! Pollsters paired by a slash: the `Reuters/Ipsos` poll, a `CNN/ORC` survey, the `NBC/Wall
//! Street Journal` poll.
//!
//! Two pollsters who field a survey together are written with a slash and no space between them.
//! The tokenizer splits the slash off, but the tagger, which never met such a pair in 1996
//! Reuters, reads it as one name: `[Reuters/Ipsos] poll`. Each is an organisation of its own, and
//! our modern dev set's notes annotate them apart. In PolNeAR's 882 texts, 97 pairs of
//! capitalised words are written with a slash (`CNN/ORC` 13, `Times/CBS` 9, `Reuters/Ipsos` 5),
//! most of them before `poll`.
//!
//! Only before `poll` or `survey`: elsewhere a slash joins the parts of one name, and CoNLL-2003
//! keeps it whole (`eng.train`: the `CDU/CSU` bloc, the club `Admira/Wacker`, the
//! `Gingrich/Dole Congress`, each one organisation; cutting them cost 14 of its names).

use super::conventions::set_span;
use super::tagger::spans;

/// Cuts every name before `poll` or `survey` (or one word short of it: `tracking poll`) that
/// runs through a slash between two capitalised words into the names on either side, each of
/// the name's type.
#[inline(never)]
pub fn names_across_slashes(words: &[&str], labels: &mut [u8]) {
    if !words.contains(&"/") {
        return;
    }
    let is_poll = |i: usize| {
        words
            .get(i)
            .is_some_and(|w| matches!(*w, "poll" | "polls" | "survey" | "surveys"))
    };
    for (a, b, kind) in spans(labels) {
        if !is_poll(b) && !is_poll(b + 1) {
            continue;
        }
        let mut start = a;
        for i in a + 1..b.saturating_sub(1) {
            let paired = words[i] == "/"
                && words[i - 1].starts_with(char::is_uppercase)
                && words[i + 1].starts_with(char::is_uppercase);
            if paired {
                set_span(labels, start, i, kind);
                labels[i] = 0;
                start = i + 1;
            }
        }
        if start > a {
            set_span(labels, start, b, kind);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tagger::written::run_on;
    use super::*;

    #[test]
    fn a_name_is_cut_at_a_slash_between_capitalised_words() {
        // (case, sentence, tags before, tags after)
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "two pollsters",
                "The Reuters / Ipsos poll showed",
                "O B-ORG I-ORG I-ORG O O",
                "O B-ORG O B-ORG O O",
            ),
            (
                "three names, one of two words",
                "NBC / Wall Street / Marist poll",
                "B-ORG I-ORG I-ORG I-ORG I-ORG I-ORG O",
                "B-ORG O B-ORG I-ORG O B-ORG O",
            ),
            (
                "a tracking poll",
                "the CNN / ORC tracking poll",
                "O B-ORG I-ORG I-ORG O O",
                "O B-ORG O B-ORG O O",
            ),
            (
                "one name, not before a poll",
                "the CDU / CSU bloc",
                "O B-ORG I-ORG I-ORG O",
                "O B-ORG I-ORG I-ORG O",
            ),
            (
                "a lower-case side",
                "the Yes / no poll",
                "O B-MISC I-MISC I-MISC O",
                "O B-MISC I-MISC I-MISC O",
            ),
            ("no slash", "The Reuters poll", "O B-ORG O", "O B-ORG O"),
        ];
        for (case, sentence, before, after) in cases {
            let got = run_on(sentence, before, |words, _, labels| {
                names_across_slashes(words, labels)
            });
            assert_eq!(got, *after, "{case}");
        }
    }
}
