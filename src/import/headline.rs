//! The story's headline: the block the page's `<title>` (or `og:title`) names, or, when the body
//! has none, a heading made from that title.
//!
//! A page's title is usually the headline with the site's name around it (`Stars slam Arts
//! Council grant cuts :: Celeb News :: Daily Star`), so each part of it, split at the usual
//! separators, is a candidate, and so is `og:title`, which is the headline alone. A block whose
//! words are (nearly) those of a candidate is the headline; among several, a heading followed
//! closely by prose wins. Knowing it does two things: the story is looked for right after it
//! (`main_content`), and it stays a heading even when it sits outside the story's container, as
//! headlines usually do.

use super::html::{Block, Walk};
use super::main_content::prose_score;
use crate::analysis::model::Role;

/// Separators between a title's parts.
const SEPARATORS: &[&str] = &[
    " - ", " | ", " – ", " — ", " :: ", " / ", " » ", " « ", " · ", ": ",
];

/// A headline has at least this many words, and at most `MAX_WORDS`.
const MIN_WORDS: usize = 3;
const MAX_WORDS: usize = 40;

/// The share of the longer word list that two texts must have in common to be the same headline.
const SAME: f64 = 0.8;

/// How many blocks after a headline the story's first prose may start.
const NEAR: usize = 8;

/// The lowercased words of `text`: runs of letters and digits.
pub fn words(text: &str) -> Vec<String> {
    split_words(&text.to_lowercase())
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// The runs of letters and digits in `text`.
fn split_words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The headline candidates of a page, each with at least `MIN_WORDS` words: `og:title`, the
/// parts of `<title>`, longest first, then the whole title.
pub fn candidates(title: Option<&str>, og_title: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |s: &str| {
        let s = s.trim();
        if words(s).len() >= MIN_WORDS && !out.iter().any(|o| o == s) {
            out.push(s.to_string());
        }
    };
    if let Some(og) = og_title {
        add(og);
    }
    if let Some(title) = title {
        let mut parts = vec![title.to_string()];
        for sep in SEPARATORS {
            parts = parts
                .iter()
                .flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>())
                .collect();
        }
        parts.sort_by_key(|p| std::cmp::Reverse(p.len()));
        for p in &parts {
            add(p);
        }
        add(title);
    }
    out
}

/// Whether two word lists are the same headline: most of the longer one is in the shorter.
fn same_headline(a: &[&str], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let mut rest: Vec<&str> = b.iter().map(String::as_str).collect();
    let mut common = 0;
    for w in a {
        if let Some(i) = rest.iter().position(|x| x == w) {
            rest.swap_remove(i);
            common += 1;
        }
    }
    common as f64 >= SAME * a.len().max(b.len()) as f64
}

/// The index of the block that is the page's headline, if a candidate names one.
pub fn find(walk: &Walk, candidates: &[String]) -> Option<usize> {
    if candidates.is_empty() {
        return None;
    }
    let wanted: Vec<Vec<String>> = candidates.iter().map(|c| words(c)).collect();
    // A block much longer than every candidate cannot be one; checked before its words are.
    let longest = candidates.iter().map(|c| c.len()).max().unwrap_or(0);
    let mut best: Option<(usize, usize)> = None;
    for (i, b) in walk.blocks.iter().enumerate() {
        if b.end - b.start > 2 * longest {
            continue;
        }
        let lowered = walk.text[b.start..b.end].to_lowercase();
        let w = split_words(&lowered);
        if w.len() < MIN_WORDS || w.len() > MAX_WORDS || b.link_chars * 2 > b.chars {
            continue;
        }
        let heading = matches!(
            walk.nodes[b.node].name.as_str(),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        );
        // A heading may also be the title's first clause (`Mother assails Huckabee` of
        // `Mother assails Huckabee, says he …`), the rest being a subtitle.
        let starts = |c: &Vec<String>| {
            heading && w.len() >= 4 && c.len() >= w.len() && c.iter().zip(&w).all(|(a, b)| a == b)
        };
        if !wanted.iter().any(|c| same_headline(&w, c) || starts(c)) {
            continue;
        }
        let prose_follows = first_prose_after(&walk.blocks, i).is_some();
        let score = 2 * usize::from(b.h1) + usize::from(heading) + 2 * usize::from(prose_follows);
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, i));
        }
    }
    best.map(|(_, i)| i)
}

/// Whether a block could be a headline worded unlike the title: a few words, not a sentence,
/// not a link, not a credit line.
fn headline_shaped(b: &Block, text: &str) -> bool {
    let n = words(text).len();
    (MIN_WORDS..=25).contains(&n)
        && b.link_chars * 2 <= b.chars
        && b.role != Some(Role::Credit)
        && b.role != Some(Role::Boilerplate)
        && !text.trim_end().ends_with(['.', ':'])
}

/// The first block of prose within `NEAR` blocks after block `i`.
pub fn first_prose_after(blocks: &[Block], i: usize) -> Option<usize> {
    (i + 1..blocks.len().min(i + 1 + NEAR)).find(|&j| prose_score(&blocks[j]) > 0.0)
}

/// Gives a page whose body has no headline one made from its title: the first candidate
/// (`og:title`, else the longest part of `<title>`) becomes a heading paragraph right before the
/// story's first block `story`. A body has a headline when a heading (`<h1>`–`<h3>`) stands
/// within `NEAR` blocks before the story, even worded unlike the title.
pub fn insert_missing(walk: &mut Walk, candidates: &[String], story: usize) {
    let Some(title) = candidates.first() else {
        return;
    };
    let Some(at) = walk.blocks.get(story).map(|b| b.start) else {
        return;
    };
    let first_prose = (story..walk.blocks.len())
        .find(|&j| prose_score(&walk.blocks[j]) > 0.0)
        .unwrap_or(story);
    let has_heading = walk.blocks[first_prose.saturating_sub(NEAR)..=first_prose]
        .iter()
        .any(|b| headline_shaped(b, &walk.text[b.start..b.end]));
    if has_heading {
        return;
    }
    let inserted = format!("{title}\n\n");
    walk.text.insert_str(at, &inserted);
    for b in &mut walk.blocks[story..] {
        b.start += inserted.len();
        b.end += inserted.len();
    }
    let node = walk.blocks[story].node;
    walk.blocks.insert(
        story,
        Block {
            start: at,
            end: at + title.len(),
            node,
            role: Some(Role::Heading),
            chars: title.chars().filter(|c| !c.is_whitespace()).count(),
            link_chars: 0,
            commas: 0,
            h1: true,
            split: false,
        },
    );
}
