//! Which part of a whole page is the story: Readability's scoring, on the walk's blocks.
//!
//! Every unmarked paragraph of prose (25 characters or more, mostly not link text) scores
//! `1 + commas + min(chars / 100, 3)`, scaled down by its link density. The score goes to the
//! element holding the paragraph's element, and half of it to the one above that; each candidate
//! then adds its class/id/tag weight (`structure::content_weight`) and is scaled by the link
//! density of everything inside it. The best candidate, widened to the `<article>` (or
//! `[itemprop=articleBody]`) around it if there is one, plus its siblings that score nearly as
//! well, is the story; paragraphs elsewhere become boilerplate, except captions, credits and the
//! page's first `<h1>` (the headline usually sits above the story's container). Text is only ever
//! re-labelled, never dropped.
//!
//! Only pages are scored. A clipboard fragment is what the reader chose to copy, so it is all
//! kept as the tags say.

use super::html::{Block, Walk};
use crate::analysis::model::Role;

/// Paragraphs shorter than this (non-space characters) are not evidence of prose.
const MIN_CHARS: usize = 25;

/// The story's container must hold at least this share of the page's prose score, or the page
/// has no one story (a front page, a list) and nothing is re-labelled.
const MIN_SHARE: f64 = 0.4;

fn prose_score(b: &Block) -> f64 {
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

/// Re-labels the paragraphs of `walk` outside the story as boilerplate. Returns whether a story
/// container was found.
pub fn mark_outside_story(walk: &mut Walk) -> bool {
    let nodes = &walk.nodes;
    let n = nodes.len();
    if n == 0 {
        return false;
    }
    let mut score = vec![0.0f64; n];
    let mut chars = vec![0usize; n];
    let mut links = vec![0usize; n];
    let mut total = 0.0;
    for b in &walk.blocks {
        chars[b.node] += b.chars;
        links[b.node] += b.link_chars;
        let s = prose_score(b);
        if s == 0.0 {
            continue;
        }
        total += s;
        let (first, second) = if paragraph_like(&nodes[b.node].name) {
            let parent = nodes[b.node].parent;
            (parent, nodes[parent].parent)
        } else {
            (b.node, nodes[b.node].parent)
        };
        score[first] += s;
        if second != first {
            score[second] += s / 2.0;
        }
    }
    if total == 0.0 {
        return false;
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
    let Some(best) = (0..n).max_by(|&a, &b| candidate(a).total_cmp(&candidate(b))) else {
        return false;
    };
    if candidate(best) <= 0.0 {
        return false;
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
        return false;
    }
    let mut headline = false;
    for b in &mut walk.blocks {
        let first_h1 = b.h1 && !headline;
        headline |= b.h1;
        if story[b.node] {
            continue;
        }
        match b.role {
            None => b.role = Some(Role::Boilerplate),
            Some(Role::Heading) if !first_h1 => b.role = Some(Role::Boilerplate),
            _ => {}
        }
    }
    true
}
