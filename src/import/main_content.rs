//! Which part of a whole page is the story: Readability's scoring, on the walk's blocks.
//!
//! Every unmarked paragraph of prose (25 characters or more, mostly not link text) scores
//! `1 + commas + min(chars / 100, 3)`, scaled down by its link density. The score goes to the
//! element holding the paragraph's element (or to the element itself, when it holds several
//! paragraphs separated by blank lines: `Block::split`), and half of it to the one above that;
//! the container of the first paragraph after the headline (`headline::find`) gains
//! `HEADLINE_BONUS`. Each candidate then adds its class/id/tag weight
//! (`structure::content_weight`) and is scaled by the link density of everything inside it. The
//! best candidate, widened to the `<article>` (or `[itemprop=articleBody]`) around it if there is
//! one, plus its siblings that score nearly as well, is the story: its long paragraphs of prose
//! are hinted `Body`, and paragraphs elsewhere become boilerplate, except captions, credits and
//! the headline (which usually sits above the story's container; the page's first `<h1>` when the
//! title names no block). Text is only ever re-labelled, never dropped.
//!
//! Only pages are scored. A clipboard fragment is what the reader chose to copy, so it is all
//! kept as the tags say.

use super::headline::first_prose_after;
use super::html::{Block, Walk};
use crate::analysis::model::Role;

/// What the container of the story's first paragraph after the headline gains: as much as a
/// story word in its class.
const HEADLINE_BONUS: f64 = 25.0;

/// A paragraph of prose in the story's container with at least this many characters is hinted
/// `Body`: it is not furniture, whatever its lines look like to the line classifier (a run of
/// quoted press excerpts, a sports report). Measured with `lede eval-html --cv` (mean F1 on
/// news-html dev, line model cross-fitted): no body hint 96.87, from 200 characters 97.51, 100
/// 97.73, 50 97.70. A `Body` hint never overrides a caption or credit the text itself shows
/// (`captions::apply_hints`).
const BODY_CHARS: usize = 100;

/// Paragraphs shorter than this (non-space characters) are not evidence of prose.
const MIN_CHARS: usize = 25;

/// The story's container must hold at least this share of the page's prose score, or the page
/// has no one story (a front page, a list) and nothing is re-labelled.
const MIN_SHARE: f64 = 0.4;

/// A paragraph's weight as evidence of the story's prose: 0 for a marked, short or mostly linked
/// one.
pub(super) fn prose_score(b: &Block) -> f64 {
    if b.role.is_some() || b.chars < MIN_CHARS {
        return 0.0;
    }
    let density = b.link_chars as f64 / b.chars as f64;
    if density > 0.5 {
        return 0.0;
    }
    (1.0 + b.commas as f64 + (b.chars as f64 / 100.0).min(3.0)) * (1.0 - density)
}

/// Whether a block's own element is a paragraph (its score goes to its container) rather than a
/// container with text of its own (a `<div>` used as a paragraph, or text straight in it).
fn paragraph_like(name: &str) -> bool {
    matches!(
        name,
        "p" | "li"
            | "pre"
            | "td"
            | "th"
            | "dd"
            | "dt"
            | "blockquote"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "figcaption"
            | "address"
    )
}

/// Re-labels the paragraphs of `walk` outside the story as boilerplate; `headline` (a block
/// index, `headline::find`) stays a heading wherever it is, and the story is looked for right
/// after it. Returns the index of the story's first block, if a story container was found.
pub fn mark_outside_story(walk: &mut Walk, headline: Option<usize>) -> Option<usize> {
    let after_headline = headline.and_then(|h| first_prose_after(&walk.blocks, h));
    let nodes = &walk.nodes;
    let n = nodes.len();
    if n == 0 {
        return None;
    }
    let mut score = vec![0.0f64; n];
    let mut chars = vec![0usize; n];
    let mut links = vec![0usize; n];
    let mut total = 0.0;
    for (i, b) in walk.blocks.iter().enumerate() {
        chars[b.node] += b.chars;
        links[b.node] += b.link_chars;
        let s = prose_score(b);
        if s == 0.0 {
            continue;
        }
        total += s;
        let (first, second) = if paragraph_like(&nodes[b.node].name) && !b.split {
            let parent = nodes[b.node].parent;
            (parent, nodes[parent].parent)
        } else {
            (b.node, nodes[b.node].parent)
        };
        score[first] += s;
        if after_headline == Some(i) {
            score[first] += HEADLINE_BONUS;
        }
        if second != first {
            score[second] += s / 2.0;
        }
    }
    if total == 0.0 {
        return None;
    }
    // Children come after their parents in `nodes`, so one backward pass sums every subtree.
    for i in (1..n).rev() {
        let p = nodes[i].parent;
        chars[p] += chars[i];
        links[p] += links[i];
    }
    let candidate = |i: usize| -> f64 {
        if score[i] == 0.0 {
            return f64::MIN;
        }
        let density = links[i] as f64 / chars[i].max(1) as f64;
        (score[i] + nodes[i].weight) * (1.0 - density)
    };
    let best = (0..n).max_by(|&a, &b| candidate(a).total_cmp(&candidate(b)))?;
    if candidate(best) <= 0.0 {
        return None;
    }
    let mut story = vec![false; n];
    // The `<article>` around the best candidate holds its headline and byline too.
    let mut root = best;
    let mut up = best;
    for _ in 0..n {
        if nodes[up].story {
            root = up;
            break;
        }
        if up == 0 {
            break;
        }
        up = nodes[up].parent;
    }
    story[root] = true;
    // Siblings that score nearly as well: a story split by a photo or an ad slot.
    let threshold = (candidate(best) * 0.2).max(10.0);
    let parent = nodes[best].parent;
    if best != 0 {
        for i in 1..n {
            if nodes[i].parent == parent && i != best && candidate(i) >= threshold {
                story[i] = true;
            }
        }
    }
    // Parents come before their children: one forward pass marks every subtree.
    for i in 1..n {
        story[i] |= story[nodes[i].parent];
    }
    let inside: f64 = walk
        .blocks
        .iter()
        .filter(|b| story[b.node])
        .map(prose_score)
        .sum();
    if inside < MIN_SHARE * total {
        return None;
    }
    // Without a known headline, the page's first `<h1>` is taken for it.
    let headline = headline.or_else(|| walk.blocks.iter().position(|b| b.h1));
    // Readers' comments often follow the story inside its container; their opener ends the
    // story's prose.
    let (mut prose_seen, mut comments) = (false, false);
    for (i, b) in walk.blocks.iter_mut().enumerate() {
        if story[b.node] {
            comments |= prose_seen && opens_comments(&walk.text[b.start..b.end]);
            if !comments && b.role.is_none() && prose_score(b) > 0.0 && b.chars >= BODY_CHARS {
                b.role = Some(Role::Body);
                prose_seen = true;
            }
            continue;
        }
        if headline == Some(i) {
            continue;
        }
        match b.role {
            None | Some(Role::Heading) => b.role = Some(Role::Boilerplate),
            _ => {}
        }
    }
    if let Some(h) = headline {
        walk.blocks[h].role = Some(Role::Heading);
    }
    walk.blocks.iter().position(|b| story[b.node])
}

/// Whether a paragraph opens readers' comments: a short line, not a sentence, that speaks of
/// comments (`Comments (19)`, `5 comments so far...`, `Post a comment`, `Have your say`,
/// `TalkBack`, `One Response to “…”`, `What others are saying`).
fn opens_comments(text: &str) -> bool {
    // Twelve words fit in far fewer bytes: a long paragraph is rejected before it is split.
    if text.len() > 160 {
        return false;
    }
    let words = super::headline::words(text);
    if words.is_empty() || words.len() > 12 || text.trim_end().ends_with('.') {
        return false;
    }
    let has = |w: &str| words.iter().any(|x| x == w);
    let phrase = |p: &[&str]| {
        words
            .windows(p.len())
            .any(|win| win.iter().zip(p).all(|(a, b)| a == b))
    };
    has("comment")
        || has("comments")
        || has("talkback")
        || phrase(&["have", "your", "say"])
        || phrase(&["response", "to"])
        || phrase(&["responses", "to"])
        || phrase(&["what", "others", "are", "saying"])
        || phrase(&["what", "you", "think"])
}
