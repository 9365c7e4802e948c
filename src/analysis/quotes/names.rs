//! What an article says about who is who: the fullest form of each name (`Peskov` →
//! `Dmitry Peskov`), which names are people, and which titles introduce them (`Kremlin spokesman
//! Dmitry Peskov`), so that a surname, a pronoun or a description can be resolved to a name the
//! article gives. Built once per article in one pass over its tokens.

use std::collections::{HashMap, HashSet};

use super::cues;
use super::speaker::{SpeakerKind, Words};
use crate::analysis::span::Span;

/// A name introduced with a title (`Kremlin spokesman Dmitry Peskov`, `Russian President Vladimir
/// Putin`), filed under the title's role noun, lower-cased.
#[derive(Debug, Clone)]
struct Introduction {
    /// Lower-cased words before the role noun (`kremlin`, `russian`).
    modifiers: Vec<String>,
    name: Span,
}

/// The article's names, indexed.
#[derive(Debug, Default)]
pub struct NameIndex {
    /// Last word of a name → its fullest written form (most words; first seen on a tie).
    fullest: HashMap<String, (usize, Span)>,
    /// Last words of names known to belong to people: introduced with a title, or speakers.
    people: HashSet<String>,
    /// Role noun → introductions, in text order.
    introductions: HashMap<String, Vec<Introduction>>,
}

/// The last word of a name, lower-cased: the key that links `Peskov` to `Dmitry Peskov`.
pub fn key_of(text: &str, name: Span) -> String {
    name.of(text)
        .split_whitespace()
        .last()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

impl NameIndex {
    /// Indexes the names among `w.tokens` (one article's tokens).
    #[inline(never)]
    pub fn build(w: Words) -> NameIndex {
        let mut index = NameIndex::default();
        let n = w.tokens.len();
        let mut i = 0;
        while i < n {
            let Some((first, last)) = w.name_run_starting(i, n) else {
                i += 1;
                continue;
            };
            let phrase = w.classify_run(first, last);
            if phrase.kind == SpeakerKind::Name {
                let name = phrase.span;
                let words = name.of(w.text).split_whitespace().count();
                let key = key_of(w.text, name);
                let entry = index.fullest.entry(key.clone()).or_insert((words, name));
                if words > entry.0 {
                    *entry = (words, name);
                }
                // Titles inside the run (`Russian President Vladimir Putin`) or a role noun just
                // before it (`Kremlin spokesman Dmitry Peskov`).
                let inside: Vec<usize> = (first..=last)
                    .filter(|&k| {
                        w.tokens[k].span.end <= name.start && cues::is_role_noun(w.word(k))
                    })
                    .collect();
                let (role_at, modifiers_from) = if let Some(&r) = inside.last() {
                    (Some(r), first.saturating_sub(1))
                } else if first > 0 && cues::is_role_noun(w.word(first - 1)) {
                    (Some(first - 1), first.saturating_sub(3))
                } else {
                    (None, first)
                };
                if let Some(r) = role_at {
                    index.people.insert(key.clone());
                    let modifiers = (modifiers_from..r)
                        .filter(|&k| w.is_word(k))
                        .map(|k| w.word(k).to_lowercase())
                        .collect();
                    let role = w.word(r).trim_end_matches('.').to_lowercase();
                    index
                        .introductions
                        .entry(role)
                        .or_default()
                        .push(Introduction { modifiers, name });
                }
                // The subject of a speech cue is a person (`Starmer said`).
                let mut next = last + 1;
                while next < n && w.is_word(next) && cues::is_filler(w.word(next)) {
                    next += 1;
                }
                if next < n && w.is_cue(next) {
                    index.people.insert(key.clone());
                }
                if words >= 2
                    && first > 0
                    && matches!(w.word(first - 1), "Mr." | "Mrs." | "Ms." | "Dr.")
                {
                    index.people.insert(key);
                }
            }
            i = last + 1;
        }
        index
    }

    /// Marks the name `name` as a person's (it spoke).
    #[inline(never)]
    pub fn add_person(&mut self, text: &str, name: Span) {
        self.people.insert(key_of(text, name));
    }

    pub fn is_person(&self, text: &str, name: Span) -> bool {
        self.people.contains(&key_of(text, name))
    }

    /// The fullest written form of the name `name`.
    pub fn fullest(&self, text: &str, name: Span) -> Span {
        self.fullest
            .get(&key_of(text, name))
            .map_or(name, |&(_, span)| span)
    }

    /// The name that the description `description` (`the Kremlin spokesman`) stands for, if the
    /// article introduces someone with that title. The nearest introduction before `at` wins, else
    /// the first after it. Looks at no more than the last 64 introductions of that role.
    pub fn resolve_description(&self, text: &str, description: Span, at: usize) -> Option<Span> {
        let words: Vec<String> = description
            .of(text)
            .split_whitespace()
            .map(|s| {
                s.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|s| !s.is_empty())
            .collect();
        let head = words.last()?;
        let modifiers: Vec<&String> = words[..words.len() - 1]
            .iter()
            .filter(|m| !cues::is_determiner(m) && !cues::is_title(m))
            .collect();
        let mut best: Option<(bool, usize, Span)> = None;
        for (role, intros) in &self.introductions {
            if !cues::same_role(head, role) {
                continue;
            }
            for intro in intros.iter().rev().take(64) {
                if !modifiers.iter().all(|m| intro.modifiers.contains(m)) {
                    continue;
                }
                let before = intro.name.end <= at;
                let distance = at.abs_diff(intro.name.start);
                let better = match best {
                    None => true,
                    Some((b, d, _)) => (before && !b) || (before == b && distance < d),
                };
                if better {
                    best = Some((before, distance, intro.name));
                }
            }
        }
        best.map(|(_, _, span)| span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::segment::{tokenize, Token};

    fn index(text: &str) -> NameIndex {
        let toks: Vec<Token> = tokenize(text, Span::new(0, text.len()))
            .map(|(span, kind)| Token {
                span,
                kind,
                sentence: 0,
            })
            .collect();
        NameIndex::build(Words {
            text,
            tokens: &toks,
            common: None,
            in_quote: None,
        })
    }

    #[test]
    fn surnames_reach_the_full_name() {
        let text = "Kremlin spokesman Dmitry Peskov said so. Later Peskov left.";
        let idx = index(text);
        let at = text.rfind("Peskov").unwrap();
        let full = idx.fullest(text, Span::new(at, at + 6));
        assert_eq!(full.of(text), "Dmitry Peskov");
        assert!(idx.is_person(text, Span::new(at, at + 6)));
    }

    #[test]
    fn descriptions_resolve_to_introduced_names() {
        let cases: &[(&str, &str, &str, Option<&str>)] = &[
            (
                "spokesman",
                "Kremlin spokesman Dmitry Peskov spoke. Then the Kremlin spokesman said no.",
                "the Kremlin spokesman",
                Some("Dmitry Peskov"),
            ),
            (
                "leader is a president",
                "Russian President Vladimir Putin met him. The Russian leader said no.",
                "Russian leader",
                Some("Vladimir Putin"),
            ),
            (
                "modifier must agree",
                "Russian President Vladimir Putin met him. The French leader said no.",
                "French leader",
                None,
            ),
            (
                "unknown role",
                "Putin met him. The spokesman said no.",
                "The spokesman",
                None,
            ),
        ];
        for (name, text, description, expected) in cases {
            let idx = index(text);
            let at = text.find(description).unwrap();
            let got = idx.resolve_description(text, Span::new(at, at + description.len()), at);
            assert_eq!(got.map(|s| s.of(text)), *expected, "{name}");
        }
    }
}
