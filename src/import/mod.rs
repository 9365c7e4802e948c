//! Import: the plain text of an HTML page or a Markdown file, with what its structure says about
//! each paragraph's role.
//!
//! Nothing of the markup is ever rendered or kept: only text comes out, one paragraph per block
//! element, paragraphs separated by a blank line so the segmenter sees one paragraph per block.
//! The structure survives as `Hint`s (byte spans of the text, with a role), which
//! `analysis::Options::hints` takes so the captions stage can trust `<figcaption>` and `<nav>`
//! over its guesses from the text:
//!
//! ```
//! let imported = lede::import::from_html("<nav><a href=/>Home</a></nav><p>Story text.</p>");
//! let options = lede::Options { hints: imported.hints.clone(), ..Default::default() };
//! let analysis = lede::analyze(&imported.text, &options);
//! assert_eq!(analysis.paragraphs[0].role, lede::analysis::Role::Boilerplate);
//! ```
//!
//! # The parser: hand-written, measured against a spec parser
//!
//! The HTML side is hand-written (`tokenizer`, `entities`, `html`, `structure`, `furniture`,
//! `headline`, `main_content`): a tolerant tokenizer and an open-element stack, linear in the
//! input, with no DOM. The alternatives are a spec-exact parser: `DOMParser` (`text/html`, runs no
//! script) in the browser, html5ever natively. Kept because it was measured to match one on real
//! pages at a smaller cost, and to do better on damaged ones:
//!
//! - **Same story.** `node tests/bench/parsers.mjs` parses the 310 news-html dev pages with
//!   Chromium's `DOMParser` and re-serialises each document; `lede eval-html --html-from
//!   target/bench/domparser` runs this module's extraction on what the spec parser built. The
//!   kept text is identical on 301 of 310 pages (bag-of-words agreement 98.30 mean F1); mean F1
//!   against the annotations is 96.52 through `DOMParser`'s tree and 98.18 through this
//!   tokenizer. The difference is damage: the spec parser lets an unclosed `<title>` swallow the
//!   whole page (4 pages come out empty), which `tokenizer::unclosed_end` recovers, as it does a
//!   runaway quote in `<html xmlns="…t>`.
//! - **Smaller cost.** `DOMParser` alone takes 936 ms for the 12.6 MB of pages in headless
//!   Chromium (median 2.6 ms a page), before any walk over its nodes, and a walk from wasm would
//!   cross into JavaScript for every node; it exists only on the main thread, not in the analysis
//!   worker. This module imports a 1 MB page in about 9 ms natively (`cargo bench --bench
//!   import`) and adds no dependency: html5ever would bring its tree builder, `string_cache`,
//!   `tendril` and the 2,231-entry entity table into the UI's wasm, whose whole size is 302 KB
//!   gzipped. (html5ever itself was not built for this comparison; `DOMParser` stood in as the
//!   spec parser.)

mod entities;
mod furniture;
mod headline;
mod html;
mod main_content;
mod markdown;
mod structure;
mod tokenizer;

pub use crate::analysis::captions::Hint;
pub use markdown::from_markdown;

/// What an import yields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Imported {
    /// The text to analyse: paragraphs separated by a blank line (`\n\n`); a `<br>` is a single
    /// line break inside one.
    pub text: String,
    /// Role hints, byte spans of `text` in text order, at most one per block, never overlapping.
    /// A block with no structural evidence has no hint, and the classifier decides.
    pub hints: Vec<Hint>,
    /// The page's `<title>`, white space collapsed: a possible headline. Not part of `text`.
    pub title: Option<String>,
}

/// What kind of HTML an import reads, which decides whether the main-content detection runs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Source {
    /// A page if the input has `<html>` or `<body>` and no clipboard `StartFragment` marker, a
    /// fragment otherwise.
    #[default]
    Auto,
    /// A whole page (an opened `.html` file): paragraphs outside the story's container are
    /// hinted boilerplate.
    Page,
    /// A clipboard fragment: what the reader chose to copy; only the tags' own roles are hinted.
    Fragment,
}

/// The text and role hints of `html`, deciding page or fragment by itself (`Source::Auto`).
pub fn from_html(html: &str) -> Imported {
    from_html_as(html, Source::Auto)
}

/// The text and role hints of `html`, read as `source`.
pub fn from_html_as(html: &str, source: Source) -> Imported {
    let mut walk = html::walk(html);
    let page = match source {
        Source::Auto => walk.page,
        Source::Page => true,
        Source::Fragment => false,
    };
    let candidates = headline::candidates(walk.title.as_deref(), walk.og_title.as_deref());
    let headline = headline::find(&walk, &candidates);
    if page {
        let story = main_content::mark_outside_story(&mut walk, headline);
        if let (None, Some(story)) = (headline, story) {
            headline::insert_missing(&mut walk, &candidates, story);
        }
    }
    let hints = walk
        .blocks
        .iter()
        .filter_map(|b| {
            b.role.map(|role| Hint {
                start: b.start,
                end: b.end,
                role,
            })
        })
        .collect();
    Imported {
        text: walk.text,
        hints,
        title: walk.title,
    }
}

/// Whether plain text is a whole HTML page's source: after white space (and a byte-order mark or
/// an XML declaration), it opens with `<!DOCTYPE html` or `<html`. A page's source copied from
/// an editor or a view-source tab, or saved as `.txt`, is then read as the page it is (story,
/// headline, furniture) instead of as 600 lines of markup. Text that only mentions a tag further
/// on stays text.
pub fn is_html_source(text: &str) -> bool {
    let mut rest = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if starts_with_ignoring_case(rest, "<?xml") {
        let Some(end) = rest.find("?>") else {
            return false;
        };
        rest = rest[end + 2..].trim_start();
    }
    starts_with_ignoring_case(rest, "<!doctype html") || starts_with_ignoring_case(rest, "<html")
}

fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// Plain text as it is, or, when it is a page's source (`is_html_source`), the page it holds.
pub fn from_text(text: &str) -> Imported {
    if is_html_source(text) {
        return from_html_as(text, Source::Page);
    }
    Imported {
        text: text.to_string(),
        ..Imported::default()
    }
}

/// Whether a file name says HTML (`.html`, `.htm`, `.xhtml`), Markdown (`.md`, `.markdown`), plain
/// text (`.txt`, `.text`), or none of these (`None`, also for a name with no extension).
pub fn kind_of_path(path: &str) -> Option<Kind> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" | "xhtml" => Some(Kind::Html),
        "md" | "markdown" => Some(Kind::Markdown),
        "txt" | "text" => Some(Kind::Text),
        _ => None,
    }
}

/// The formats `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Html,
    Markdown,
    Text,
}

/// Imports an opened file by its name: HTML as a whole page, Markdown, or plain text as it is (a
/// name with no extension counts as text). `None` for any other extension, so the caller can say
/// which files it reads. `contents` must already be checked text (`crate::error::decode_text`).
pub fn from_file(name: &str, contents: &str) -> Option<Imported> {
    let has_extension = name
        .rsplit(['/', '\\'])
        .next()
        .is_some_and(|n| n.contains('.'));
    let kind = match kind_of_path(name) {
        None if !has_extension => Kind::Text,
        kind => kind?,
    };
    Some(match kind {
        Kind::Html => from_html_as(contents, Source::Page),
        Kind::Markdown => from_markdown(contents),
        Kind::Text => from_text(contents),
    })
}

#[cfg(test)]
mod page_tests;
#[cfg(test)]
mod tests;
