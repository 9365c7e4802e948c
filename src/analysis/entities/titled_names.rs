//! One article, one reading of a full name that a title introduces.
//!
//! `Tesla Chief Executive Elon Musk tweeted` leaves no doubt that `Elon Musk` is a person: a
//! title introduces the name, and the mention carries it as its role. The tagger, trained on
//! 1996 Reuters, read the same two words as an organisation where they opened a sentence of their
//! own (`Elon Musk said on Monday …`). Where a name of two words or more is a person with a role,
//! every other mention of exactly those words in the article, read as another type, is that
//! person. A reader's own name (`from_lexicon`) keeps the type the reader gave it.

use std::collections::HashSet;

use super::long_names;
use super::Mention;

/// Last words of a role that only a person holds (`Chief Executive`, `Sen.`, `Foreign Minister`).
/// Not `State` or `National`, which `roles` also reads as titles: `New York's State Supreme
/// Court` is no person.
const PERSONAL_TITLES: &[&str] = &[
    "ambassador",
    "ceo",
    "chairman",
    "chairwoman",
    "chancellor",
    "director",
    "director-general",
    "executive",
    "gov.",
    "governor",
    "judge",
    "leader",
    "mayor",
    "minister",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "president",
    "rep.",
    "secretary",
    "sen.",
    "senator",
    "speaker",
    "spokesman",
    "spokeswoman",
    "founder",
];

/// Whether a role (its text) ends on a title only a person holds.
fn personal(role: &str) -> bool {
    let last = role.rsplit(' ').next().unwrap_or("");
    PERSONAL_TITLES.iter().any(|t| t.eq_ignore_ascii_case(last))
}

/// Relabels as people the mentions in `mentions` (one article's) whose text is that of a person
/// a title introduced there.
pub(super) fn same_person(text: &str, mentions: &mut [Mention]) {
    let people: HashSet<&str> = mentions
        .iter()
        .filter(|m| m.label == "PER" && m.role.is_some_and(|r| personal(r.of(text))))
        .map(|m| m.span.of(text))
        // A name of two words or more, and none that ends like an institution's (`Supreme
        // Court`, which a wrong reading once made a person).
        .filter(|name| {
            name.contains(' ') && !name.rsplit(' ').next().is_some_and(long_names::is_org_head)
        })
        .collect();
    if people.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        let named = matches!(m.label, "ORG" | "LOC" | "MISC");
        if named && !m.from_lexicon && people.contains(m.span.of(text)) {
            m.label = "PER";
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::span::Span;

    fn mention(start: usize, end: usize, label: &'static str, role: Option<Span>) -> Mention {
        Mention {
            span: Span::new(start, end),
            label,
            sentence: 0,
            paragraph: 0,
            role,
            cluster: None,
            from_lexicon: false,
        }
    }

    #[test]
    fn a_titled_person_is_that_person_throughout() {
        let text =
            "Elon Musk said so. Tesla Chief Executive Elon Musk agreed. Time Warner, Time Warner.";
        let at = |s: &str, from: usize| text[from..].find(s).unwrap() + from;
        let second = at("Elon Musk", 5);
        let role = Span::new(at("Chief", 0), at("Executive", 0) + 9);
        let mut mentions = vec![
            mention(0, 9, "ORG", None),
            mention(at("Tesla", 0), at("Tesla", 0) + 5, "ORG", None),
            mention(second, second + 9, "PER", Some(role)),
            mention(at("Time", 0), at("Time", 0) + 11, "ORG", None),
        ];
        same_person(text, &mut mentions);
        let labels: Vec<&str> = mentions.iter().map(|m| m.label).collect();
        assert_eq!(labels, ["PER", "ORG", "PER", "ORG"]);
    }
}
