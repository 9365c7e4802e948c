//! Role hints: structural evidence about a paragraph's role from outside the text itself.
//!
//! An HTML page says what a block is for: a `<figcaption>` is a photo caption, a `<nav>` is page
//! furniture. `crate::import` turns that structure into hints over the text it extracts, and the
//! captions stage lets a hint override the line classifier, since markup is stronger evidence than
//! the shape of a line. A paragraph with no hint keeps the classifier's role.

use serde::{Deserialize, Serialize};

use crate::analysis::model::Role;
use crate::analysis::segment::Doc;

/// The role of the paragraphs inside the byte range `[start, end)` of the analysed text.
///
/// A hint applies to every paragraph (non-blank line) whose span lies wholly inside it, so one hint
/// may cover several lines (a block broken by `<br>`). A paragraph that only overlaps a hint is
/// left alone. Serde-able so a saved article can keep its hints beside its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Hint {
    pub start: usize,
    pub end: usize,
    pub role: Role,
}

/// Sets `roles[i]` to the role of the hint that covers paragraph `i`, if any. Hints may come in any
/// order and should not overlap (`import` never makes overlapping ones); if they do, the
/// furthest-reaching hint that starts at or before a paragraph decides it. Linear after sorting.
pub fn apply_hints(doc: &Doc, hints: &[Hint], roles: &mut [Role]) {
    if hints.is_empty() {
        return;
    }
    let mut order: Vec<usize> = (0..hints.len()).collect();
    order.sort_by_key(|&h| (hints[h].start, h));
    // Walk paragraphs and hints together. `open` holds the hints that start at or before the
    // current paragraph; the one that reaches furthest (the latest on ties) is the only one that
    // can cover it, since a paragraph covered by any open hint is covered by the furthest-reaching.
    let mut next = 0;
    let mut best: Option<usize> = None;
    for (i, p) in doc.paragraphs.iter().enumerate() {
        if i >= roles.len() {
            break;
        }
        while next < order.len() && hints[order[next]].start <= p.span.start {
            let h = order[next];
            best = match best {
                Some(b) if hints[b].end > hints[h].end => Some(b),
                _ => Some(h),
            };
            next += 1;
        }
        if let Some(b) = best {
            if p.span.end <= hints[b].end {
                roles[i] = hinted(roles[i], hints[b].role);
            }
        }
    }
}

/// The role of a paragraph the classifier calls `classified` under a hint of `hint`. A `Body`
/// hint (prose inside the page's story container) only says the paragraph is not page
/// furniture: a caption or credit that the text itself shows (a photo credit, a byline) stays
/// one. Every other hint decides.
fn hinted(classified: Role, hint: Role) -> Role {
    match (hint, classified) {
        (Role::Body, Role::Boilerplate) => Role::Body,
        (Role::Body, other) => other,
        (hint, _) => hint,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::segment::segment;

    fn hinted(text: &str, hints: &[Hint]) -> Vec<Role> {
        let doc = segment(text);
        let mut roles = vec![Role::Body; doc.paragraphs.len()];
        apply_hints(&doc, hints, &mut roles);
        roles
    }

    fn hint(start: usize, end: usize, role: Role) -> Hint {
        Hint { start, end, role }
    }

    #[test]
    fn hints_cover_whole_paragraphs() {
        use Role::*;
        // Paragraph spans: "One." 0..4, "Two." 6..10, "Three." 12..18.
        let text = "One.\n\nTwo.\n\nThree.";
        let cases: &[(&str, Vec<Hint>, [Role; 3])] = &[
            ("no hints", vec![], [Body, Body, Body]),
            (
                "exact span",
                vec![hint(6, 10, Caption)],
                [Body, Caption, Body],
            ),
            (
                "wider span",
                vec![hint(5, 11, Boilerplate)],
                [Body, Boilerplate, Body],
            ),
            (
                "two paragraphs",
                vec![hint(0, 10, Heading)],
                [Heading, Heading, Body],
            ),
            (
                "partial overlap",
                vec![hint(7, 18, Credit)],
                [Body, Body, Credit],
            ),
            (
                "out of order",
                vec![hint(12, 18, Caption), hint(0, 4, Credit)],
                [Credit, Body, Caption],
            ),
            (
                "nested: the furthest-reaching open hint",
                vec![hint(0, 18, Boilerplate), hint(6, 10, Caption)],
                [Boilerplate, Boilerplate, Boilerplate],
            ),
            (
                "beyond the text",
                vec![hint(12, 999, Caption)],
                [Body, Body, Caption],
            ),
            ("empty hint", vec![hint(6, 6, Caption)], [Body, Body, Body]),
        ];
        for (name, hints, expected) in cases {
            assert_eq!(hinted(text, hints), expected, "{name}");
        }
    }
}
