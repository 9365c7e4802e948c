//! A nickname in quotation marks inside a person's name: `Robert C. "Bobby" Scott`, `Marcia
//! "Cia" Price`, `Edmund G. "Jerry" Brown`.
//!
//! American papers write a politician's everyday name this way. The tagger, trained on 1996
//! Reuters (which does not), cut such a name at the quotation marks, and often swallowed one of
//! them: `Robert C.` and `Bobby" Scott` as two people. The whole is one person's name, as the
//! modern-news set's notes have it, so the article's index lists one person.

use super::conventions::set_span;
use super::programmes::{closes, opens};
use super::tagger::{is_inside, kind_of};

const PER: usize = 0;

/// The first token of the name that holds token `i`.
fn name_start(labels: &[u8], i: usize) -> usize {
    let mut start = i;
    while start > 0 && is_inside(usize::from(labels[start])) {
        start -= 1;
    }
    start
}

/// One past the last token of the name that token `i` opens or continues.
fn name_end(labels: &[u8], i: usize) -> usize {
    let mut end = i + 1;
    while end < labels.len() && is_inside(usize::from(labels[end])) {
        end += 1;
    }
    end
}

/// Joins a name, a one-word capitalised nickname in quotation marks and the name after it into
/// one person (`words` are the sentence's tokens), where the tagger read a person on either side
/// and a name on the other, or a person before and a capitalised word after.
#[inline(never)]
pub(super) fn quoted_nicknames(words: &[&str], labels: &mut [u8]) {
    for q in 1..words.len().saturating_sub(3) {
        let nickname = words[q + 1];
        if !opens(words[q])
            || !closes(words[q + 2])
            || !nickname.starts_with(|c: char| c.is_uppercase())
            || !nickname.chars().all(char::is_alphabetic)
            || !words[q + 3].starts_with(|c: char| c.is_uppercase())
        {
            continue;
        }
        // A person on one side, and a name (or, after a person, a capitalised word: the
        // surname the tagger let go, `Marcia "Cia" Price`) on the other.
        let before = kind_of(usize::from(labels[q - 1]));
        let after = kind_of(usize::from(labels[q + 3]));
        let surname = words[q + 3].chars().all(char::is_alphabetic);
        let joined = match (before, after) {
            (Some(PER), Some(_)) | (Some(_), Some(PER)) => true,
            (Some(PER), None) => surname,
            _ => false,
        };
        if !joined {
            continue;
        }
        let start = name_start(labels, q - 1);
        let end = name_end(labels, q + 3);
        set_span(labels, start, end, PER);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tagger::{label, spans};
    use super::*;

    /// `sentence` split on spaces, labelled from `spec` (`B`/`I` of a person, `o` for an
    /// organisation's first word, `-` for none); the names after the rule.
    fn read(sentence: &str, spec: &str) -> Vec<(String, usize)> {
        let words: Vec<&str> = sentence.split(' ').collect();
        let mut labels: Vec<u8> = spec
            .chars()
            .map(|c| match c {
                'B' => label(PER, false) as u8,
                'I' => label(PER, true) as u8,
                'o' => label(1, false) as u8,
                _ => 0,
            })
            .collect();
        quoted_nicknames(&words, &mut labels);
        spans(&labels)
            .into_iter()
            .map(|(a, b, kind)| (words[a..b].join(" "), kind))
            .collect()
    }

    #[test]
    fn a_nickname_joins_the_name() {
        assert_eq!(
            read("Rep. Robert C. \" Bobby \" Scott threw", "-BI-BIB-"),
            [("Robert C. \" Bobby \" Scott".to_string(), PER)]
        );
        assert_eq!(
            read("Del. Marcia \" Cia \" Price shouted", "-BII-B-"),
            [("Marcia \" Cia \" Price".to_string(), PER)]
        );
        assert_eq!(
            read("Del. Marcia \" Cia \" Price shouted", "-BII---"),
            [("Marcia \" Cia \" Price".to_string(), PER)]
        );
        // A quoted word between a name and a lower-case word, or between two unmarked words.
        assert_eq!(read("Scott \" Bobby \" said", "B----").len(), 1);
        assert_eq!(read("the \" Bobby \" Show", "-----").len(), 0);
    }
}
