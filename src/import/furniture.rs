//! Settling provisional furniture: a `<form>`, or a block whose name mixes furniture and story
//! words, is page furniture unless it holds the page's prose.
//!
//! ASP.NET pages wrap the whole page in one `<form>`; some sites name the story's container after
//! the widget that renders it (`…_NavWebPart_Article`). Judged by the tag or the name alone, the
//! whole story would be furniture and the page would come out empty. So the walk leaves such
//! blocks unmarked (`html::Node::provisional`), and once the whole page is read, each one that
//! holds less than half of the page's prose score (`main_content::prose_score`) becomes
//! furniture with everything inside it, as its tag or name says; one that holds more is the
//! page's wrapper and marks nothing. A search box, a login or a comment form holds no prose and
//! stays furniture.

use super::html::Walk;
use super::main_content::prose_score;
use crate::analysis::model::Role;

/// The share of the page's prose score above which a provisional block is the page's wrapper.
const WRAPPER_SHARE: f64 = 0.5;

/// Marks the blocks inside each provisional block that does not hold the page's prose as
/// boilerplate. Linear in the walk.
pub fn settle(walk: &mut Walk) {
    let nodes = &walk.nodes;
    if !nodes.iter().any(|n| n.provisional) {
        return;
    }
    let mut prose = vec![0.0f64; nodes.len()];
    for b in &walk.blocks {
        prose[b.node] += prose_score(b);
    }
    let total: f64 = prose.iter().sum();
    // Children come after their parents in `nodes`, so one backward pass sums every subtree.
    for i in (1..nodes.len()).rev() {
        prose[nodes[i].parent] += prose[i];
    }
    // And one forward pass tells each node whether a furniture block encloses it.
    let mut furniture = vec![false; nodes.len()];
    for i in 1..nodes.len() {
        let own = nodes[i].provisional && !(total > 0.0 && prose[i] >= WRAPPER_SHARE * total);
        furniture[i] = furniture[nodes[i].parent] || own;
    }
    for b in &mut walk.blocks {
        if furniture[b.node] {
            b.role = Some(Role::Boilerplate);
        }
    }
}
