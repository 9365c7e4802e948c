//! A broadcaster's programme named in quotation marks: `MSNBC's "Morning Joe"`, `Fox News's
//! “Fox and Friends”`, `CNN’s “State of the Union.”`.
//!
//! A programme is a work, MISC in the CoNLL guidelines and in the modern-news set's notes. The
//! tagger, trained on 1996 Reuters (which names broadcasters, rarely their shows), read the
//! title's words as what they look like: `Joe` a person, `Union` an organisation, `Fox and
//! Friends` the network. Here the broadcaster, the possessive and the quotation marks together
//! say it is a title, when the organisation is a broadcaster (`BROADCASTERS`).

use super::conventions::set_span;
use super::tagger::{kind_of, label, spans};

const ORG: usize = 1;
const MISC: usize = 3;

/// The most words a programme's title may take.
const MAX_TITLE: usize = 8;

/// Broadcasters that news names with their programmes, as written (one word or more). A name of
/// the tagger's that ends on `News`, `TV`, `Radio`, `Channel` or `Network` counts as one too. A
/// publication's title after its publisher (`NSDAP-AO's "NS Kampfruf"`, ORG in eng.train) is
/// not a programme, hence the list.
const BROADCASTERS: &[&str] = &[
    "ABC",
    "AMC",
    "BBC",
    "Bloomberg",
    "CBC",
    "CBS",
    "CNBC",
    "CNN",
    "C-SPAN",
    "Comedy Central",
    "ESPN",
    "Fox",
    "HBO",
    "ITV",
    "MSNBC",
    "NBC",
    "Netflix",
    "NPR",
    "PBS",
    "Showtime",
    "Sky",
    "Sirius XM",
    "SiriusXM",
    "Univision",
    "Telemundo",
];

/// Last words of a broadcaster's name.
const BROADCAST_WORDS: &[&str] = &["News", "TV", "Radio", "Channel", "Network", "Television"];

/// Whether the organisation's name `name` (its words) is a broadcaster's.
fn broadcaster(name: &[&str]) -> bool {
    let last = name.last().copied().unwrap_or("");
    BROADCAST_WORDS.contains(&last) || BROADCASTERS.contains(&name.join(" ").as_str())
}

/// Small words a title may hold in lower case (`Fox and Friends`, `Face the Nation`).
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",
];

fn is_possessive(word: &str) -> bool {
    matches!(word, "'s" | "’s" | "'" | "’")
}

/// An opening quotation mark, as the tokenizer leaves it.
pub(super) fn opens(word: &str) -> bool {
    matches!(word, "\"" | "“")
}

/// A closing quotation mark, as the tokenizer leaves it.
pub(super) fn closes(word: &str) -> bool {
    matches!(word, "\"" | "”")
}

/// Labels MISC each quoted title right after an organisation's possessive (`words` are the
/// sentence's tokens): the words between the quotation marks, without a full stop or comma the
/// quote closes on. A title must open on a capital and hold only capitalised words and small
/// words; anything else in quotation marks after a broadcaster is a quote, and stays as it was.
#[inline(never)]
pub(super) fn quoted_titles(words: &[&str], labels: &mut [u8]) {
    for quote in 2..words.len() {
        if !opens(words[quote])
            || !is_possessive(words[quote - 1])
            || kind_of(usize::from(labels[quote - 2])) != Some(ORG)
        {
            continue;
        }
        // The organisation's name: back from the possessive to its first word.
        let mut first = quote - 2;
        while first > 0
            && usize::from(labels[first]) != label(ORG, false)
            && kind_of(usize::from(labels[first - 1])) == Some(ORG)
        {
            first -= 1;
        }
        if !broadcaster(&words[first..quote - 1]) {
            continue;
        }
        let Some(close) =
            (quote + 1..words.len().min(quote + 3 + MAX_TITLE)).find(|&k| closes(words[k]))
        else {
            continue;
        };
        let mut end = close;
        while end > quote + 1 && matches!(words[end - 1], "." | ",") {
            end -= 1;
        }
        let title = &words[quote + 1..end];
        let capitalised = |w: &&str| w.starts_with(|c: char| c.is_uppercase());
        let title_words = title
            .iter()
            .all(|w| capitalised(w) || TITLE_SMALL_WORDS.contains(w));
        if title.is_empty() || !capitalised(&title[0]) || !title_words {
            continue;
        }
        set_span(labels, quote + 1, end, MISC);
    }
}

/// A name the tagger read as a person's or an organisation's that ends in `Show` is a
/// programme, MISC, with the `The` that opens its title (`On [The Steve Harvey Morning Show]`, `on
/// [The Laura Ingraham Show]`: people, without their `The`; `The Daily Show` an organisation).
#[inline(never)]
pub(super) fn shows(words: &[&str], labels: &mut [u8]) {
    if !words.contains(&"Show") {
        return;
    }
    for (a, b, kind) in spans(labels) {
        // `Show` inside the name, or after it with at most two more capitalised words, all left
        // bare (`Steve Harvey` then `Morning Show`; the second pass, told the first pass's
        // programme, can read the host alone).
        let bare_run = (b..words.len().min(b + 3))
            .take_while(|&k| labels[k] == 0 && words[k].starts_with(char::is_uppercase))
            .position(|k| words[k] == "Show");
        let b = bare_run.map_or(b, |k| b + k + 1);
        if kind == MISC || words[b - 1] != "Show" || b - a < 2 {
            continue;
        }
        let start = if a > 0 && words[a - 1] == "The" && labels[a - 1] == 0 {
            a - 1
        } else {
            a
        };
        set_span(labels, start, b, MISC);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_show_is_a_programme() {
        use super::super::tagger::written::run_on;
        let cases: &[(&str, &str, &str)] = &[
            (
                "On The Steve Harvey Morning Show on Tuesday",
                "O O B-PER I-PER I-PER I-PER O O",
                "O B-MISC I-MISC I-MISC I-MISC I-MISC O O",
            ),
            ("on the Daily Show", "O O B-ORG I-ORG", "O O B-MISC I-MISC"),
            (
                "On The Steve Harvey Morning Show today",
                "O O B-PER I-PER O O O",
                "O B-MISC I-MISC I-MISC I-MISC I-MISC O",
            ),
            (
                "on The Laura Ingraham Show today",
                "O O B-PER I-PER O O",
                "O B-MISC I-MISC I-MISC I-MISC O",
            ),
            // A show alone is no name.
            ("the Show went on", "O B-ORG O O", "O B-ORG O O"),
        ];
        for (sentence, before, after) in cases {
            let got = run_on(sentence, before, |words, _, labels| shows(words, labels));
            assert_eq!(got, *after, "{sentence}");
        }
    }

    /// `sentence` split on spaces, with the words at `org` read as an organisation and the words
    /// at `other` as a person; the names after the rule, with their types.
    fn read(sentence: &str, org: (usize, usize), other: Option<usize>) -> Vec<(String, usize)> {
        let words: Vec<&str> = sentence.split(' ').collect();
        let mut labels = vec![0u8; words.len()];
        labels[org.0] = label(ORG, false) as u8;
        for l in &mut labels[org.0 + 1..org.1] {
            *l = label(ORG, true) as u8;
        }
        if let Some(p) = other {
            labels[p] = label(0, false) as u8;
        }
        quoted_titles(&words, &mut labels);
        spans(&labels)
            .into_iter()
            .map(|(a, b, kind)| (words[a..b].join(" "), kind))
            .collect()
    }

    #[test]
    fn a_quoted_title_after_a_broadcaster() {
        assert_eq!(
            read("told MSNBC 's \" Morning Joe \" that", (1, 2), Some(5)),
            [
                ("MSNBC".to_string(), ORG),
                ("Morning Joe".to_string(), MISC)
            ]
        );
        assert_eq!(
            read("on CNN ’s “ State of the Union . ”", (1, 2), None),
            [
                ("CNN".to_string(), ORG),
                ("State of the Union".to_string(), MISC)
            ]
        );
        assert_eq!(
            read("on Fox News 's \" Fox and Friends . \"", (1, 3), None),
            [
                ("Fox News".to_string(), ORG),
                ("Fox and Friends".to_string(), MISC)
            ]
        );
        // A publisher's title; a quote, not a title; no broadcaster; never closed.
        assert_eq!(
            read("of the NSDAP-AO 's \" NS Kampfruf \"", (2, 3), Some(5)).len(),
            2
        );
        assert_eq!(
            read("told CNN 's \" We will win \" today", (1, 2), None).len(),
            1
        );
        assert_eq!(
            read("told Obama 's \" Morning Joe \"", (4, 5), None).len(),
            1
        );
        assert_eq!(read("on CNN 's \" Morning Joe and", (1, 2), None).len(), 1);
    }
}
