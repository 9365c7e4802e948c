//! A card's label: the anchored clause in the article's own words, the date left out, a pronoun
//! subject filled in with the name it stands for.
//!
//! The words come from the text as written (spacing and all) wherever they are contiguous; a gap
//! where the date stood becomes one space. A label that would pass `MAX_CHARS` drops its
//! complement's last phrases, never a word in the middle. When no clause is found the label is the
//! sentence, cut at a word boundary and marked as cut.

use std::ops::Range;

use super::clause::{Clause, Parse};
use super::lexicon::is_quote;
use crate::analysis::span::Span;

/// The longest label, in characters.
pub const MAX_CHARS: usize = 140;

/// One piece of a label: words of the article, or a name filled in for a pronoun.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub text: String,
    /// The entity cluster a filled-in name stands for; `None` for the article's own words.
    pub filled: Option<FilledName>,
}

/// A name put in place of a pronoun (`he`) or a relative pronoun (`who`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FilledName {
    pub cluster: Option<usize>,
}

/// How a label was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    /// The clause of the anchored verb.
    Clause,
    /// The clause around an anchored event noun (`Saturday's meeting takes place …`).
    Noun,
    /// No clause was found: the sentence itself.
    Sentence,
}

impl LabelKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LabelKind::Clause => "clause",
            LabelKind::Noun => "noun",
            LabelKind::Sentence => "sentence",
        }
    }
}

/// A finished label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub parts: Vec<Part>,
    pub kind: LabelKind,
    /// Whether words were cut off the end (only a sentence label is ever cut; it ends in `…`).
    pub cut: bool,
}

impl Label {
    /// The label as one string, a filled-in name in brackets: `[Trump] changed that timeframe`.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for p in &self.parts {
            if p.filled.is_some() {
                out.push('[');
                out.push_str(&p.text);
                out.push(']');
            } else {
                out.push_str(&p.text);
            }
        }
        out
    }
}

/// What the label needs from the sentence besides its parse: the text and each token's span.
pub struct Words<'a> {
    pub text: &'a str,
    pub spans: &'a [Span],
}

/// Prepositions that introduce a date and leave with it (`on Feb. 28`, `in January`).
fn date_preposition(lower: &str) -> bool {
    matches!(
        lower,
        "on" | "in"
            | "at"
            | "during"
            | "since"
            | "by"
            | "until"
            | "from"
            | "of"
            | "for"
            | "through"
            | "before"
            | "after"
            | "over"
            | "within"
            | "throughout"
            | "as"
            | "early"
            | "late"
    )
}

/// The tokens of a clause that make its label, in order, with the subject's tokens first.
fn tokens_of(p: &Parse, clause: &Clause, keep_date: bool) -> (Vec<usize>, Vec<usize>) {
    let subject: Vec<usize> = match (&clause.antecedent, &clause.subject) {
        (Some(_), _) => Vec::new(),
        (None, Some(s)) if s.end <= clause.body.start => s.clone().collect(),
        _ => Vec::new(),
    };
    let mut body: Vec<usize> = clause.body.clone().collect();
    drop_relative_clauses(p, &mut body);
    if !keep_date {
        let t = p.timex.clone();
        // The date is kept when it is the verb's object (`spend the weekend`).
        let is_object = t.start > 0
            && body.first().is_some_and(|&f| f < t.start)
            && p.tags[t.start - 1].is_verb()
            && matches!(&*p.lower[t.start], "the" | "a" | "an");
        // `her 2000 and 2006 Senate races`: a date before its noun is part of the phrase.
        let modifies_noun = p
            .tags
            .get(t.end)
            .is_some_and(|g| g.is_noun() || *g == super::super::syntax::Tag::Cc)
            && t.start > 0
            && !p.tags[t.start - 1].is_verb();
        if !is_object && !modifies_noun {
            let mut from = t.start;
            while from > clause.body.start && date_preposition(&p.lower[from - 1]) {
                from -= 1;
            }
            let mut to = t.end;
            // `Friday's`: the possessive leaves with its date.
            if p.lower.get(to).is_some_and(|w| w == "'s" || w == "’s") {
                to += 1;
            }
            body.retain(|k| !(from..to).contains(k));
        }
    }
    // Brackets left empty where the date stood: `in a way [from 2012]`.
    let mut k = 0;
    while k + 1 < body.len() {
        let (a, b) = (p.words[body[k]], p.words[body[k + 1]]);
        if matches!((a, b), ("(", ")") | ("[", "]")) {
            body.drain(k..k + 2);
        } else {
            k += 1;
        }
    }
    (subject, body)
}

/// Drops the relative clauses set off by commas inside a label (`that Putin, who met Witkoff
/// earlier in the week, will back a ceasefire` → `that Putin will back a ceasefire`).
fn drop_relative_clauses(p: &Parse, tokens: &mut Vec<usize>) {
    let mut drop = vec![false; p.words.len()];
    for k in 0..p.words.len().saturating_sub(1) {
        if p.words[k] == "," && p.tags[k + 1] == super::super::syntax::Tag::Wh {
            let close = (k + 2..p.words.len()).find(|&j| p.words[j] == ",");
            let Some(close) = close else { continue };
            if tokens.contains(&(close + 1)) {
                for d in &mut drop[k..=close] {
                    *d = true;
                }
            }
        }
    }
    tokens.retain(|&k| !drop[k]);
}

/// Joins tokens into text: contiguous tokens as the text has them, a gap as one space.
fn join(words: &Words, tokens: &[usize]) -> String {
    let mut out = String::new();
    let mut run: Option<Range<usize>> = None;
    let flush = |out: &mut String, run: &Option<Range<usize>>| {
        if let Some(r) = run {
            if !out.is_empty() {
                out.push(' ');
            }
            let span = Span::new(words.spans[r.start].start, words.spans[r.end - 1].end);
            out.push_str(span.of(words.text));
        }
    };
    for &k in tokens {
        match &mut run {
            Some(r) if r.end == k => r.end = k + 1,
            _ => {
                flush(&mut out, &run);
                run = Some(k..k + 1);
            }
        }
    }
    flush(&mut out, &run);
    out
}

/// Drops quotation marks unless they pair up within the tokens (`“thousands”` keeps its marks;
/// a quote that opens here and closes in the next sentence loses them).
fn balance_quotes(p: &Parse, tokens: &mut Vec<usize>) {
    let mut depth: i32 = 0;
    let mut balanced = true;
    let mut straight = 0;
    for &k in tokens.iter() {
        match p.words[k] {
            "“" | "‘" => depth += 1,
            "”" => {
                depth -= 1;
                balanced &= depth >= 0;
            }
            "\"" => straight += 1,
            _ => {}
        }
    }
    balanced &= depth == 0 && straight % 2 == 0;
    if !balanced {
        tokens.retain(|&k| !is_quote(p.words[k]) || p.words[k] == "’");
    }
}

/// Trailing words that cannot end a label.
fn trim_end(p: &Parse, tokens: &mut Vec<usize>) {
    while let Some(&k) = tokens.last() {
        let w = &*p.lower[k];
        let dangling = matches!(
            w,
            "," | "."
                | ";"
                | ":"
                | "—"
                | "–"
                | "--"
                | "("
                | "that"
                | "and"
                | "but"
                | "or"
                | "to"
                | "the"
                | "a"
                | "an"
                | "of"
                | "in"
                | "on"
                | "at"
                | "with"
                | "for"
                | "by"
        ) || (is_quote(p.words[k]) && matches!(p.words[k], "“" | "‘"));
        if !dangling {
            break;
        }
        tokens.pop();
    }
}

/// The label of `clause`. `fill` names the pronoun subject, when the clusters know it.
#[inline(never)]
pub fn clause_label(
    p: &Parse,
    words: &Words,
    clause: &Clause,
    kind: LabelKind,
    predicate: usize,
    fill: Option<(String, Option<usize>)>,
) -> Option<Label> {
    // A date that modifies the event noun stays (`Saturday’s meeting`, `Russia’s 2022
    // invasion`); one that only places the clause leaves.
    let t = p.timex.clone();
    let possessive = p.lower.get(t.end).is_some_and(|w| w == "'s" || w == "’s");
    let keep_date = kind == LabelKind::Noun
        && t.end <= predicate
        && predicate <= t.end + usize::from(possessive) + 2;
    let (mut subject, body) = tokens_of(p, clause, keep_date);
    let filled = fill.map(|(name, cluster)| {
        subject.clear();
        Part {
            text: name,
            filled: Some(FilledName { cluster }),
        }
    });
    shorten_subject(p, &mut subject);
    let mut lead: Vec<usize> = match &clause.lead {
        Some(l) => {
            let (mut ls, lb) = tokens_of(p, l, true);
            shorten_subject(p, &mut ls);
            ls.into_iter().chain(lb).collect()
        }
        None => Vec::new(),
    };
    let mut own: Vec<usize> = subject.iter().chain(&body).copied().collect();
    balance_quotes(p, &mut own);
    trim_end(p, &mut own);
    balance_quotes(p, &mut lead);
    trim_end(p, &mut lead);
    let subject_len = own.iter().filter(|k| subject.contains(k)).count();
    let mut body = own.split_off(subject_len);
    if body.is_empty() {
        return None;
    }
    let build = |lead: &[usize], body: &[usize]| -> Vec<Part> {
        let mut parts = Vec::new();
        let mut plain = String::new();
        if !lead.is_empty() {
            plain.push_str(&join(words, lead));
            plain.push_str(", ");
        }
        if let Some(f) = &filled {
            if !plain.is_empty() {
                parts.push(Part {
                    text: std::mem::take(&mut plain),
                    filled: None,
                });
            }
            parts.push(f.clone());
            // `[Zelensky]’s with us`: a contraction leans on the name.
            let leans = body
                .first()
                .is_some_and(|&k| matches!(&*p.lower[k], "'s" | "’s" | "n't" | "n’t"));
            if !leans {
                plain.push(' ');
            }
        }
        let tokens: Vec<usize> = own.iter().chain(body).copied().collect();
        plain.push_str(&join(words, &tokens));
        parts.push(Part {
            text: plain,
            filled: None,
        });
        capitalise(&mut parts);
        parts
    };
    let length = |parts: &[Part]| {
        parts.iter().map(|p| p.text.chars().count()).sum::<usize>()
            + 2 * usize::from(filled.is_some())
    };
    let mut parts = build(&lead, &body);
    // Too long: drop the last chunks of the report told first, then of the complement, down
    // to a verb.
    while length(&parts) > MAX_CHARS {
        let target = if lead.is_empty() {
            &mut body
        } else {
            &mut lead
        };
        let last_chunk = p.chunk_of[*target.last().expect("non-empty")];
        let from = p.chunks[last_chunk].start;
        let keep = target.iter().take_while(|&&k| k < from).count();
        let verb_left = target[..keep].iter().any(|&k| p.tags[k].is_verb());
        if keep == 0 || !verb_left {
            if lead.is_empty() {
                return None;
            }
            lead.clear();
        } else {
            target.truncate(keep);
            trim_end(p, target);
        }
        if body.is_empty() {
            return None;
        }
        parts = build(&lead, &body);
    }
    Some(Label {
        parts,
        kind,
        cut: false,
    })
}

/// A long subject keeps its last phrase: `the Trump administration's envoy for the Middle East,
/// Steve Witkoff` → `Steve Witkoff`.
fn shorten_subject(p: &Parse, subject: &mut Vec<usize>) {
    if subject.len() > 10 {
        let last = p.chunk_of[*subject.last().expect("non-empty")];
        let from = p.chunks[last].start;
        subject.retain(|&k| k >= from);
    }
}

/// Upper-cases the label's first letter, so it starts as a sentence would.
fn capitalise(parts: &mut [Part]) {
    if let Some(first) = parts.first_mut() {
        let mut chars = first.text.chars();
        if let Some(c) = chars.next() {
            if c.is_lowercase() {
                first.text = c.to_uppercase().chain(chars).collect();
            }
        }
    }
}

/// The sentence as a label, cut at a word boundary (with `…`) when it is too long.
#[inline(never)]
pub fn sentence_label(sentence: &str) -> Label {
    let sentence = sentence.trim();
    let one_line: String = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= MAX_CHARS {
        return Label {
            parts: vec![Part {
                text: one_line,
                filled: None,
            }],
            kind: LabelKind::Sentence,
            cut: false,
        };
    }
    let mut out = String::new();
    for word in one_line.split(' ') {
        if out.chars().count() + word.chars().count() + 2 > MAX_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let out = out.trim_end_matches([',', ';', ':', '—', '–']).to_string();
    Label {
        parts: vec![Part {
            text: format!("{out}…"),
            filled: None,
        }],
        kind: LabelKind::Sentence,
        cut: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_sentence_is_cut_at_a_word_and_marked() {
        let long = "word ".repeat(60);
        let label = sentence_label(&long);
        assert!(label.cut);
        let text = label.text();
        assert!(text.ends_with("word…"), "{text}");
        assert!(text.chars().count() <= MAX_CHARS);
        let short = sentence_label("  Putin met Witkoff.\n");
        assert_eq!(
            (short.text().as_str(), short.cut),
            ("Putin met Witkoff.", false)
        );
    }

    #[test]
    fn filled_names_are_bracketed_in_the_text() {
        let label = Label {
            parts: vec![
                Part {
                    text: "Trump".into(),
                    filled: Some(FilledName { cluster: Some(3) }),
                },
                Part {
                    text: " changed that timeframe".into(),
                    filled: None,
                },
            ],
            kind: LabelKind::Clause,
            cut: false,
        };
        assert_eq!(label.text(), "[Trump] changed that timeframe");
    }
}
