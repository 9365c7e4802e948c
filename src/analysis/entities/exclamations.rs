//! People's names end before an exclamation or a question mark: chants of `"[Bobby]!"`, `"the
//! next senator, [Bobby Scott]!"`, `Is it [Donald Trump]?`.
//!
//! `eng.train` tags `!` and `?` O 14 times in 15, but the tagger, meeting a name shouted in
//! quotation marks, ran the name through the mark (`Bobby!` as a person). Other names do end in
//! one, as brands (`Yahoo!`, `Black Girls Rock!`) and titles (wikigold: songs and albums ending
//! in `?`, MISC with their mark), so only a person's name is cut. On PolNeAR's 882 texts 98
//! names ended in a mark, 16 of them people's.

use super::conventions::set_span;
use super::tagger::spans;

const PER: usize = 0;

/// Cuts the trailing marks off every person's name that ran through them.
#[inline(never)]
pub fn names_before_marks(words: &[&str], labels: &mut [u8]) {
    let is_mark = |w: &str| !w.is_empty() && w.chars().all(|c| c == '?' || c == '!');
    if !words
        .iter()
        .any(|w| matches!(w.as_bytes().first(), Some(b'!' | b'?')))
    {
        return;
    }
    for (a, b, kind) in spans(labels) {
        if kind != PER {
            continue;
        }
        let mut end = b;
        while end > a && is_mark(words[end - 1]) {
            end -= 1;
        }
        if end < b {
            labels[end..b].fill(0);
            if end > a {
                set_span(labels, a, end, kind);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tagger::written::run_on;
    use super::*;

    #[test]
    fn names_end_before_their_marks() {
        // (case, sentence, tags before, tags after)
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "a person shouted",
                "chants of \" Bobby ! \"",
                "O O O B-PER I-PER O",
                "O O O B-PER O O",
            ),
            (
                "a run of marks",
                "Sarah !!! she said",
                "B-PER I-PER O O",
                "B-PER O O O",
            ),
            (
                "a question",
                "Is it Donald Trump ?",
                "O O B-PER I-PER I-PER",
                "O O B-PER I-PER O",
            ),
            (
                "a title",
                "Are You Experienced ?",
                "B-MISC I-MISC I-MISC I-MISC",
                "B-MISC I-MISC I-MISC I-MISC",
            ),
            (
                "a brand's exclamation mark",
                "Yahoo ! said",
                "B-ORG I-ORG O",
                "B-ORG I-ORG O",
            ),
            ("only a mark", "Wow !", "O B-PER", "O O"),
        ];
        for (case, sentence, before, after) in cases {
            let got = run_on(sentence, before, |words, _, labels| {
                names_before_marks(words, labels)
            });
            assert_eq!(got, *after, "{case}");
        }
    }
}
