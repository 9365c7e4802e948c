//! Today's news styles, made from 1996 Reuters: training documents rewritten the way modern news
//! writes the same things, with their gold labels carried over.
//!
//! A tagger learns from CoNLL-2003 what Reuters wrote in 1996: headlines in capitals, `Clinton
//! said` with no honorific, `IRS` without dots. Readers paste news written otherwise, and a tagger
//! that never saw `Mr. Podesta` or a headline in title case reads them badly (on the modern dev set,
//! `Mr. Trump` came out as a place and `Small Steps Toward College Savings` as an organisation). So
//! each training document is restyled, deterministically, the way such text is written now:
//!
//! - **Headlines** (a first sentence in capitals) are rewritten in title case (`Clinton Seeks New
//!   Talks With Dole`) or sentence case (`Clinton seeks new talks with Dole`), or kept. A word's case
//!   comes from how the document's body writes it (`EU` stays `EU`); a word the body never uses is
//!   capitalised when the gold calls it a name, and lower-cased otherwise.
//! - **Honorifics**: a one-word person mention (a surname after the first mention) sometimes gets
//!   `Mr.`, `Ms.`, `Mrs.` or `Dr.` before it, outside the name, as newspapers write it.
//! - **Dotted acronyms**: an organisation written as 2 to 4 capitals is sometimes dotted
//!   (`I.R.S.`).
//!
//! Worked example: the Reuters headline `EU REJECTS GERMAN CALL TO BOYCOTT BRITISH LAMB .` over a
//! body that writes `EU`, `German` and `British` becomes, in title case, `EU Rejects German Call to
//! Boycott British Lamb .`, and in sentence case `EU rejects German call to boycott British lamb .`;
//! the labels (ORG, MISC, MISC) stay on the same words.

use std::collections::HashMap;

use super::conll::{Document, Sentence};

/// Lower-case words of a title that stay lower case in title case.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "but", "at", "by", "with",
    "from", "as", "vs", "nor",
];

const HONORIFICS: &[&str] = &["Mr.", "Mr.", "Mr.", "Ms.", "Mrs.", "Dr."];

/// How often each rewrite is applied, out of 12: a mix, so the old style stays represented too.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Restyle {
    /// Of 3 caps headlines: how many become title case and how many sentence case (the rest stay).
    pub title_case: u32,
    pub sentence_case: u32,
    /// Out of 12 one-word person mentions with no title before them.
    pub honorific: u32,
    /// Out of 12 all-capital organisation acronyms.
    pub dotted: u32,
}

impl Default for Restyle {
    fn default() -> Self {
        Restyle {
            title_case: 1,
            sentence_case: 1,
            honorific: 4,
            dotted: 3,
        }
    }
}

/// A small deterministic generator (xorshift64*), so a rebuild restyles the same way.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u32) -> u32 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        ((self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) % u64::from(n)) as u32
    }
}

/// The documents restyled (see the module docs); `seed` fixes every choice.
pub fn restyle(docs: &[Document], options: Restyle, seed: u64) -> Vec<Document> {
    let mut rng = Rng(seed | 1);
    docs.iter()
        .map(|doc| restyle_document(doc, options, &mut rng))
        .collect()
}

fn restyle_document(doc: &Document, options: Restyle, rng: &mut Rng) -> Document {
    let forms = body_forms(doc);
    let mut out = doc.clone();
    if let Some(first) = out.sentences.first_mut() {
        if is_caps(&first.tokens) {
            let pick = rng.below(3);
            if pick < options.title_case {
                first.tokens = recase(first, &forms, true);
            } else if pick < options.title_case + options.sentence_case {
                first.tokens = recase(first, &forms, false);
            }
        }
    }
    for sentence in out.sentences.iter_mut().skip(1) {
        *sentence = dress_sentence(sentence, options, rng);
    }
    out
}

/// How the document's body writes each word it uses away from a sentence start (lower-cased word →
/// first such form): the case a headline word takes when the headline is rewritten.
fn body_forms(doc: &Document) -> HashMap<String, String> {
    let mut forms = HashMap::new();
    for sentence in doc.sentences.iter().skip(1) {
        if is_caps(&sentence.tokens) {
            continue;
        }
        for token in sentence.tokens.iter().skip(1) {
            forms
                .entry(token.to_lowercase())
                .or_insert_with(|| token.clone());
        }
    }
    forms
}

/// A line in capitals: every cased letter upper case, and a few of them.
fn is_caps(tokens: &[String]) -> bool {
    let mut letters = 0;
    for c in tokens.iter().flat_map(|t| t.chars()) {
        if c.is_lowercase() {
            return false;
        }
        letters += usize::from(c.is_uppercase());
    }
    letters >= 4
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// The headline's tokens in title case (`title`) or sentence case.
fn recase(sentence: &Sentence, forms: &HashMap<String, String>, title: bool) -> Vec<String> {
    sentence
        .tokens
        .iter()
        .zip(&sentence.gold)
        .enumerate()
        .map(|(i, (token, gold))| {
            if !token.chars().any(char::is_alphabetic) {
                return token.clone();
            }
            let lower = token.to_lowercase();
            let body = forms.get(&lower);
            // A word the body writes with capitals inside it (`EU`, `McDonald`) keeps that form.
            if let Some(form) = body.filter(|f| f.chars().skip(1).any(char::is_uppercase)) {
                return form.clone();
            }
            let name = gold != "O" || body.is_some_and(|f| f.starts_with(char::is_uppercase));
            if title {
                if i > 0 && SMALL_WORDS.contains(&lower.as_str()) && gold == "O" {
                    lower
                } else {
                    capitalized(token)
                }
            } else if i == 0 || name {
                capitalized(token)
            } else {
                lower
            }
        })
        .collect()
}

/// One body sentence with honorifics and dotted acronyms added, labels kept in step.
fn dress_sentence(sentence: &Sentence, options: Restyle, rng: &mut Rng) -> Sentence {
    let mut out = Sentence {
        tokens: Vec::with_capacity(sentence.tokens.len() + 2),
        gold: Vec::with_capacity(sentence.tokens.len() + 2),
        lines: Vec::new(),
    };
    let n = sentence.tokens.len();
    for i in 0..n {
        let (token, gold) = (&sentence.tokens[i], &sentence.gold[i]);
        let kind = gold.split_once('-').map(|(_, k)| k);
        let starts =
            kind.is_some() && (gold.starts_with("B-") || i == 0 || sentence.gold[i - 1] != *gold);
        let single = starts && sentence.gold.get(i + 1).is_none_or(|next| next != gold);
        let after_word = i > 0
            && sentence.tokens[i - 1]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
        if kind == Some("PER")
            && single
            && !after_word
            && token.chars().count() > 2
            && rng.below(12) < options.honorific
        {
            let honorific = HONORIFICS[rng.below(HONORIFICS.len() as u32) as usize];
            out.tokens.push(honorific.to_string());
            out.gold.push("O".to_string());
        }
        let acronym =
            (2..=4).contains(&token.len()) && token.bytes().all(|b| b.is_ascii_uppercase());
        if kind == Some("ORG") && single && acronym && rng.below(12) < options.dotted {
            out.tokens
                .push(token.chars().flat_map(|c| [c, '.']).collect());
        } else {
            out.tokens.push(token.clone());
        }
        out.gold.push(gold.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(pairs: &[(&str, &str)]) -> Sentence {
        Sentence {
            tokens: pairs.iter().map(|p| p.0.to_string()).collect(),
            gold: pairs.iter().map(|p| p.1.to_string()).collect(),
            lines: Vec::new(),
        }
    }

    fn lamb() -> Document {
        Document {
            sentences: vec![
                sentence(&[
                    ("EU", "I-ORG"),
                    ("REJECTS", "O"),
                    ("GERMAN", "I-MISC"),
                    ("CALL", "O"),
                    ("TO", "O"),
                    ("BOYCOTT", "O"),
                    ("BRITISH", "I-MISC"),
                    ("LAMB", "O"),
                    (".", "O"),
                ]),
                sentence(&[
                    ("The", "O"),
                    ("EU", "I-ORG"),
                    ("rejected", "O"),
                    ("a", "O"),
                    ("German", "I-MISC"),
                    ("call", "O"),
                    ("to", "O"),
                    ("boycott", "O"),
                    ("British", "I-MISC"),
                    ("lamb", "O"),
                    (".", "O"),
                ]),
            ],
        }
    }

    #[test]
    fn headlines_are_recased_from_the_body() {
        let doc = lamb();
        let forms = body_forms(&doc);
        assert_eq!(
            recase(&doc.sentences[0], &forms, true).join(" "),
            "EU Rejects German Call to Boycott British Lamb ."
        );
        assert_eq!(
            recase(&doc.sentences[0], &forms, false).join(" "),
            "EU rejects German call to boycott British lamb ."
        );
    }

    #[test]
    fn honorifics_and_dots_keep_labels_in_step() {
        let s = sentence(&[
            ("Clinton", "I-PER"),
            ("told", "O"),
            ("the", "O"),
            ("IRS", "I-ORG"),
            ("that", "O"),
            ("Dole", "I-PER"),
            ("lied", "O"),
        ]);
        let every = Restyle {
            title_case: 0,
            sentence_case: 0,
            honorific: 12,
            dotted: 12,
        };
        let out = dress_sentence(&s, every, &mut Rng(7));
        assert_eq!(out.tokens.len(), out.gold.len());
        assert_eq!(out.tokens[1], "Clinton");
        assert!(["Mr.", "Ms.", "Mrs.", "Dr."].contains(&out.tokens[0].as_str()));
        assert_eq!(out.gold[0], "O");
        assert!(out.tokens.contains(&"I.R.S.".to_string()));
        let none = Restyle {
            title_case: 0,
            sentence_case: 0,
            honorific: 0,
            dotted: 0,
        };
        assert_eq!(dress_sentence(&s, none, &mut Rng(7)).tokens, s.tokens);
    }

    #[test]
    fn restyling_is_deterministic() {
        let docs = vec![lamb(), lamb(), lamb()];
        let a = restyle(&docs, Restyle::default(), 42);
        let b = restyle(&docs, Restyle::default(), 42);
        let text = |d: &[Document]| {
            d.iter()
                .flat_map(|d| &d.sentences)
                .map(|s| s.tokens.join(" "))
                .collect::<Vec<_>>()
        };
        assert_eq!(text(&a), text(&b));
    }
}
