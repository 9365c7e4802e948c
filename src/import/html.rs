//! The tree walk: tokens in, paragraphs of plain text out, each with the role its ancestors give
//! it and the element it sits in (for `main_content`).
//!
//! No DOM is built. A stack of open elements, capped at `MAX_DEPTH` as browsers cap theirs, carries
//! each element's context (role, link, `<pre>`), and block-level elements get a `Node` (parent and
//! content weight) so the main-content scoring can walk up from a paragraph. Every token is handled
//! in time bounded by the cap, so the walk is linear in the input.

use std::collections::HashMap;

use super::entities::decode_into;
use super::structure::{
    breaks_out_of_foreign, closes_p, is_article_body, is_block, is_dropped, is_void, Element,
};
use super::tokenizer::{Token, Tokenizer};
use crate::analysis::model::Role;

/// How deep the open-element stack may grow; deeper start tags are treated as if absent (Chromium's
/// parser stops nesting at 512 too). It bounds every stack search, which keeps the walk linear.
const MAX_DEPTH: usize = 512;

/// A block-level element, for main-content scoring.
#[derive(Debug, Clone)]
pub struct Node {
    /// The enclosing block-level element; the root (index 0) is its own parent.
    pub parent: usize,
    pub name: String,
    /// `structure::content_weight`.
    pub weight: f64,
    /// `<article>` or `[itemprop=articleBody]`: a container the page itself calls the story.
    pub story: bool,
    /// Furniture unless it holds the page's prose (`structure::provisional_furniture`); the
    /// walk leaves its text unmarked and `furniture::settle` decides.
    pub provisional: bool,
}

/// One paragraph of the extracted text.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Byte span in the extracted text.
    pub start: usize,
    pub end: usize,
    /// The block-level element the text sits in (index into `Walk::nodes`).
    pub node: usize,
    pub role: Option<Role>,
    /// Counts of non-space characters: all, inside links, and commas (a sign of prose).
    pub chars: usize,
    pub link_chars: usize,
    pub commas: usize,
    /// The text sits in an `<h1>`.
    pub h1: bool,
    /// One of several paragraphs straight in its element, separated by blank lines (`<br><br>`,
    /// or in `<pre>`): the element holds paragraphs rather than being one.
    pub split: bool,
}

/// What the walk found.
#[derive(Debug, Clone, Default)]
pub struct Walk {
    pub text: String,
    pub blocks: Vec<Block>,
    pub nodes: Vec<Node>,
    pub title: Option<String>,
    /// `<meta property="og:title">`: the headline alone, on pages that have it.
    pub og_title: Option<String>,
    /// The input is a whole page (`<html>` or `<body>`), not a clipboard fragment.
    pub page: bool,
}

/// The context an open element passes to its contents.
#[derive(Debug, Clone, Copy)]
struct Ctx {
    node: usize,
    /// The role from block-level ancestors.
    role: Option<Role>,
    /// The role from inline ancestors inside the current block element (`<button>`,
    /// `<span class="credit">`).
    inline_role: Option<Role>,
    link: bool,
    pre: bool,
    in_article: bool,
    h1: bool,
}

struct Open {
    name: String,
    ctx: Ctx,
}

/// Whether all of a block's text shares one inline role.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Inline {
    Unset,
    Uniform(Option<Role>),
    Mixed,
}

/// The paragraph being written.
struct Current {
    /// Where the separator before it starts (equal to `start` for the first block).
    separator: usize,
    start: usize,
    node: usize,
    role: Option<Role>,
    inline: Inline,
    chars: usize,
    link_chars: usize,
    commas: usize,
    h1: bool,
    split: bool,
}

/// Where the `<pre>` text being re-flowed stands (`Walker::pre_char`).
#[derive(Debug, Clone, Copy, Default)]
struct PreLines {
    /// Line breaks since the last character that is not white space.
    newlines: usize,
    /// Characters of the current line that are not white space, and the white space in a row
    /// after the last of them.
    len: usize,
    spaces: usize,
    /// The current line has a gap of two spaces or a tab inside: aligned columns.
    columns: bool,
    /// The same two facts about the line before the last break.
    last_len: usize,
    last_columns: bool,
}

/// A `<pre>` line with at least this many characters (not counting white space), and no
/// columns, is hard-wrapped prose: its line break is a space.
const PRE_PROSE_LINE: usize = 40;

/// What is being skipped.
enum Skip {
    /// `<head>`: up to `</head>`, `<body>` or the first start tag that belongs in a body.
    Head,
    /// An element whose contents are dropped, with the nesting depth of its own name.
    Element { name: String, depth: usize },
}

struct Walker {
    out: Walk,
    stack: Vec<Open>,
    open_counts: HashMap<String, usize>,
    current: Option<Current>,
    pending_space: bool,
    /// Right after `<pre>`: a leading newline is not content.
    skip_newline: bool,
    /// The last character was a `\r` in `<pre>`, so a `\n` right after it is the same break.
    after_cr: bool,
    skip: Option<Skip>,
    /// The raw-text element whose contents come next (`title`, `script`, …).
    raw_owner: Option<String>,
    /// The element whose paragraph a blank line just ended: its next paragraph is `split` too.
    split_node: Option<usize>,
    pre_lines: PreLines,
}

/// Walks `html` into paragraphs.
pub fn walk(html: &str) -> Walk {
    let mut w = Walker {
        out: Walk {
            nodes: vec![Node {
                parent: 0,
                name: "#root".into(),
                weight: 0.0,
                story: false,
                provisional: false,
            }],
            ..Walk::default()
        },
        stack: vec![Open {
            name: "#root".into(),
            ctx: ROOT,
        }],
        open_counts: HashMap::new(),
        current: None,
        pending_space: false,
        skip_newline: false,
        after_cr: false,
        skip: None,
        raw_owner: None,
        split_node: None,
        pre_lines: PreLines::default(),
    };
    let mut fragment_marker = false;
    for token in Tokenizer::new(html) {
        if let Token::Comment(c) = &token {
            fragment_marker |= c.contains("StartFragment");
        }
        w.token(token);
    }
    w.end_block();
    w.out.page &= !fragment_marker;
    super::furniture::settle(&mut w.out);
    w.out
}

impl Walker {
    fn top(&self) -> Ctx {
        self.stack.last().map_or(ROOT, |o| o.ctx)
    }

    fn token(&mut self, token: Token) {
        match token {
            Token::Comment(_) => {}
            Token::Raw { text, rcdata } => {
                let owner = self.raw_owner.take();
                if matches!(self.skip, Some(Skip::Element { .. })) {
                    return;
                }
                match owner.as_deref() {
                    Some("title") if self.out.title.is_none() => self.capture_title(text),
                    // `<xmp>` and `<plaintext>` show their contents as preformatted text.
                    Some("xmp") | Some("plaintext") if self.skip.is_none() => {
                        self.text(text, rcdata, true)
                    }
                    _ => {}
                }
            }
            Token::Text(text) => {
                // Text in `<head>` ends it, as in the parser: it belongs to the body.
                if matches!(self.skip, Some(Skip::Head)) && !text.trim().is_empty() {
                    self.skip = None;
                }
                if self.skip.is_none() {
                    let pre = self.top().pre;
                    self.text(text, true, pre);
                }
            }
            Token::Start { name, attrs, .. } => self.start(name, &attrs),
            Token::End { name } => self.end(&name),
        }
    }

    /// Keeps `<meta property="og:title" content="…">`, white space collapsed.
    fn capture_og_title(&mut self, attrs: &[(String, String)]) {
        let is_og = attrs
            .iter()
            .any(|(k, v)| (k == "property" || k == "name") && v.eq_ignore_ascii_case("og:title"));
        if let Some((_, content)) = attrs.iter().find(|(k, _)| k == "content").filter(|_| is_og) {
            let title = content.split_whitespace().collect::<Vec<_>>().join(" ");
            self.out.og_title = (!title.is_empty()).then_some(title);
        }
    }

    /// Keeps the first `<title>`, references decoded and white space collapsed.
    fn capture_title(&mut self, text: &str) {
        let mut title = String::new();
        let mut space = false;
        decode_into(text, &mut |c| {
            if c.is_whitespace() {
                space = !title.is_empty();
            } else {
                if space {
                    title.push(' ');
                    space = false;
                }
                title.push(c);
            }
        });
        self.out.title = (!title.is_empty()).then_some(title);
    }

    fn start(&mut self, name: String, attrs: &[(String, String)]) {
        if name == "meta" && self.out.og_title.is_none() {
            self.capture_og_title(attrs);
        }
        let raw = matches!(
            name.as_str(),
            "script"
                | "style"
                | "xmp"
                | "iframe"
                | "noembed"
                | "noframes"
                | "noscript"
                | "title"
                | "textarea"
                | "plaintext"
        );
        match &mut self.skip {
            Some(Skip::Head) => {
                if matches!(
                    name.as_str(),
                    "meta"
                        | "link"
                        | "style"
                        | "script"
                        | "title"
                        | "base"
                        | "noscript"
                        | "template"
                ) {
                    if raw {
                        self.raw_owner = Some(name);
                    }
                    return;
                }
                self.skip = None;
            }
            Some(Skip::Element {
                name: skipped,
                depth,
            }) => {
                let foreign = skipped == "svg" || skipped == "math";
                if foreign && breaks_out_of_foreign(&name) {
                    self.skip = None;
                } else {
                    if *skipped == name {
                        *depth += 1;
                    }
                    if raw {
                        self.raw_owner = Some(name);
                    }
                    return;
                }
            }
            None => {}
        }
        if raw {
            self.raw_owner = Some(name.clone());
            if name == "xmp" || name == "plaintext" {
                self.end_block();
            }
            return;
        }
        match name.as_str() {
            "html" | "body" => {
                self.out.page = true;
                return;
            }
            "head" => {
                self.skip = Some(Skip::Head);
                return;
            }
            "br" => return self.line_break(),
            "hr" => {
                self.close_p();
                return self.end_block();
            }
            _ => {}
        }
        if is_void(&name) {
            return;
        }
        if is_dropped(&name) {
            self.skip = Some(Skip::Element { name, depth: 1 });
            return;
        }
        // The implied end tags of the HTML parser that matter for text.
        if closes_p(&name) {
            self.close_p();
        }
        match name.as_str() {
            "li" => self.close_item(&["li"], &["ul", "ol", "menu", "table"], true),
            "dd" | "dt" => self.close_item(&["dd", "dt"], &["dl", "table"], true),
            "td" | "th" => self.close_item(&["td", "th"], &["tr", "table"], false),
            "tr" => self.close_item(&["tr"], &["table", "tbody", "thead", "tfoot"], false),
            // A heading does not nest in a heading.
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                if self.stack.last().is_some_and(|o| {
                    matches!(o.name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
                }) =>
            {
                self.pop_to(self.stack.len() - 1)
            }
            _ => {}
        }
        let block = is_block(&name);
        if block {
            self.end_block();
        }
        if self.stack.len() >= MAX_DEPTH {
            return;
        }
        let parent = self.top();
        let boilerplate = |r: Option<Role>| r == Some(Role::Boilerplate);
        let element = Element::new(&name, attrs);
        let provisional = block && element.provisional_furniture();
        let own = if provisional {
            None
        } else {
            element.own_role(parent.in_article)
        };
        let mut ctx = parent;
        if block {
            ctx.role = if boilerplate(parent.role) || boilerplate(parent.inline_role) {
                Some(Role::Boilerplate)
            } else {
                own.or(parent.role)
            };
            ctx.inline_role = None;
            self.out.nodes.push(Node {
                parent: parent.node,
                name: name.clone(),
                weight: element.content_weight(),
                story: name == "article" || is_article_body(attrs),
                provisional,
            });
            ctx.node = self.out.nodes.len() - 1;
        } else {
            ctx.inline_role = if boilerplate(parent.inline_role) {
                parent.inline_role
            } else {
                own.or(parent.inline_role)
            };
        }
        ctx.link |= name == "a" && attrs.iter().any(|(k, _)| k == "href");
        ctx.pre |= matches!(name.as_str(), "pre" | "listing");
        ctx.in_article |= matches!(name.as_str(), "article" | "main") || is_article_body(attrs);
        ctx.h1 |= name == "h1";
        if matches!(name.as_str(), "pre" | "listing") {
            self.skip_newline = true;
            self.pre_lines = PreLines::default();
        }
        *self.open_counts.entry(name.clone()).or_default() += 1;
        self.stack.push(Open { name, ctx });
    }

    fn end(&mut self, name: &str) {
        match &mut self.skip {
            Some(Skip::Head) => {
                if name == "head" {
                    self.skip = None;
                }
                return;
            }
            Some(Skip::Element {
                name: skipped,
                depth,
            }) => {
                if skipped == name {
                    *depth -= 1;
                    if *depth == 0 {
                        self.skip = None;
                    }
                }
                return;
            }
            None => {}
        }
        match name {
            // `</br>` is a `<br>` to browsers; `</p>` with no open `<p>` still ends a paragraph.
            "br" => return self.line_break(),
            "p" if self.count("p") == 0 => return self.end_block(),
            _ => {}
        }
        if self.count(name) == 0 {
            return;
        }
        if let Some(i) = self.stack.iter().rposition(|o| o.name == name) {
            if i > 0 {
                self.pop_to(i);
            }
        }
    }

    fn count(&self, name: &str) -> usize {
        self.open_counts.get(name).copied().unwrap_or(0)
    }

    /// Pops the stack down to (and including) index `i`, ending the paragraph if a block-level
    /// element closes.
    fn pop_to(&mut self, i: usize) {
        let i = i.max(1);
        let mut block = false;
        while self.stack.len() > i {
            if let Some(open) = self.stack.pop() {
                block |= is_block(&open.name);
                if let Some(n) = self.open_counts.get_mut(&open.name) {
                    *n = n.saturating_sub(1);
                }
            }
        }
        if block {
            self.end_block();
        }
    }

    /// Closes an open `<p>` unless a table cell or button stands between (the parser's "button
    /// scope").
    fn close_p(&mut self) {
        if self.count("p") > 0 {
            self.close_item(&["p"], &["td", "th", "table", "button", "caption"], false);
        }
    }

    /// Closes the nearest open element named in `targets`, unless one named in `stops` is found
    /// first, or, with `list_scope`, another block-level element other than `div`, `p` and
    /// `address` (so `<li><ul><li>` nests, as in the parser).
    fn close_item(&mut self, targets: &[&str], stops: &[&str], list_scope: bool) {
        if targets.iter().all(|t| self.count(t) == 0) {
            return;
        }
        for i in (1..self.stack.len()).rev() {
            let name = self.stack[i].name.as_str();
            if targets.contains(&name) {
                self.pop_to(i);
                return;
            }
            if stops.contains(&name)
                || (list_scope && is_block(name) && !matches!(name, "div" | "p" | "address"))
            {
                return;
            }
        }
    }

    /// `<br>`: a line break in the paragraph; a second one in a row (only white space between)
    /// ends the paragraph, as old pages separate their paragraphs with `<br><br>`.
    fn line_break(&mut self) {
        if self.skip.is_some() {
            return;
        }
        if let Some(cur) = &self.current {
            if self.out.text[cur.start..].ends_with('\n') {
                self.split_paragraph();
            } else {
                self.out.text.push('\n');
            }
            self.pending_space = false;
        }
    }

    /// Ends the paragraph at a blank line inside one element (`<br><br>`, a blank line in
    /// `<pre>`): both halves are marked `split`, so the scoring reads the element as a container
    /// of paragraphs.
    fn split_paragraph(&mut self) {
        let Some(node) = self.current.as_ref().map(|c| c.node) else {
            return;
        };
        if let Some(cur) = &mut self.current {
            cur.split = true;
        }
        self.end_block();
        self.split_node = Some(node);
    }

    /// Re-flows `<pre>` text (press releases come hard-wrapped): a line break inside a
    /// paragraph of prose is a space, a blank line ends the paragraph, and a short line or a
    /// line with aligned columns (a table, an address) keeps its break. White space is then
    /// collapsed as anywhere else. Returns whether `c` is still to be written.
    fn pre_char(&mut self, c: char) -> bool {
        let lines = &mut self.pre_lines;
        if c == '\n' {
            if lines.newlines == 0 {
                lines.last_len = lines.len;
                lines.last_columns = lines.columns;
            }
            lines.newlines += 1;
            (lines.len, lines.columns, lines.spaces) = (0, false, 0);
            return false;
        }
        if c.is_whitespace() {
            if lines.len > 0 {
                lines.spaces += 1;
                lines.columns |= c == '\t';
            }
            return true;
        }
        lines.columns |= lines.spaces >= 2;
        lines.spaces = 0;
        lines.len += 1;
        let newlines = std::mem::take(&mut lines.newlines);
        let prose = lines.last_len >= PRE_PROSE_LINE && !lines.last_columns;
        if newlines > 0 && self.current.is_some() {
            if newlines >= 2 {
                self.split_paragraph();
            } else if !prose {
                self.out.text.push('\n');
                self.pending_space = false;
            } else {
                self.pending_space = true;
            }
        }
        true
    }

    /// Appends text, with references decoded if `decode`, white space collapsed unless `pre`.
    fn text(&mut self, text: &str, decode: bool, pre: bool) {
        let ctx = self.top();
        if !pre && plain(text) {
            return self.plain_text(text, ctx);
        }
        let mut push = |c: char| self.push_char(c, ctx, pre);
        if decode {
            decode_into(text, &mut push);
        } else {
            text.chars().for_each(push);
        }
    }

    /// `text` outside `<pre>` with nothing to decode or drop (`plain`): the same as pushing it
    /// character by character, a word at a time. Most of a page's text takes this path.
    fn plain_text(&mut self, text: &str, ctx: Ctx) {
        self.skip_newline = false;
        // Split on bytes: ASCII white space never sits inside a multi-byte character.
        let words = text
            .as_bytes()
            .split(u8::is_ascii_whitespace)
            .scan(0, |at, word| {
                let start = *at;
                *at += word.len() + 1;
                Some(&text[start..start + word.len()])
            });
        for (k, word) in words.enumerate() {
            if k > 0 && self.current.is_some() && !self.out.text.ends_with('\n') {
                self.pending_space = true;
            }
            if word.is_empty() {
                continue;
            }
            self.ensure_block(ctx);
            if std::mem::take(&mut self.pending_space) {
                self.out.text.push(' ');
            }
            self.out.text.push_str(word);
            let chars = if word.is_ascii() {
                word.len()
            } else {
                word.chars().filter(|c| !c.is_whitespace()).count()
            };
            let commas = word.bytes().filter(|&b| b == b',').count();
            self.count_run(chars, commas, ctx);
        }
    }

    fn push_char(&mut self, c: char, ctx: Ctx, pre: bool) {
        let skip_newline = std::mem::take(&mut self.skip_newline);
        // Control characters other than white space are not text (a NUL, a stray escape).
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') {
            return;
        }
        if pre {
            let after_cr = std::mem::replace(&mut self.after_cr, c == '\r');
            if c == '\n' && after_cr {
                return;
            }
            let c = if c == '\r' { '\n' } else { c };
            if c == '\n' && skip_newline {
                return;
            }
            if !self.pre_char(c) {
                return;
            }
        }
        // Outside `<pre>`, runs of white space are one space; line separators too, since the
        // segmenter would read them as paragraph breaks.
        if matches!(
            c,
            '\t' | '\n' | '\r' | '\x0c' | ' ' | '\u{2028}' | '\u{2029}' | '\u{85}'
        ) {
            if self.current.is_some() && !self.out.text.ends_with('\n') {
                self.pending_space = true;
            }
            return;
        }
        self.ensure_block(ctx);
        if std::mem::take(&mut self.pending_space) {
            self.out.text.push(' ');
        }
        self.out.text.push(c);
        self.count_char(c, ctx);
    }

    fn count_char(&mut self, c: char, ctx: Ctx) {
        if !c.is_whitespace() {
            self.count_run(1, usize::from(c == ','), ctx);
        }
    }

    /// Counts `chars` characters (not white space), `commas` of them commas, written under `ctx`.
    fn count_run(&mut self, chars: usize, commas: usize, ctx: Ctx) {
        let Some(cur) = &mut self.current else { return };
        if chars == 0 {
            return;
        }
        cur.chars += chars;
        cur.link_chars += if ctx.link { chars } else { 0 };
        cur.commas += commas;
        cur.h1 |= ctx.h1;
        cur.inline = match cur.inline {
            Inline::Unset => Inline::Uniform(ctx.inline_role),
            Inline::Uniform(r) if r == ctx.inline_role => Inline::Uniform(r),
            _ => Inline::Mixed,
        };
    }

    fn ensure_block(&mut self, ctx: Ctx) {
        if self.current.is_some() {
            return;
        }
        let separator = self.out.text.len();
        if !self.out.text.is_empty() {
            self.out.text.push_str("\n\n");
        }
        self.pending_space = false;
        self.current = Some(Current {
            separator,
            start: self.out.text.len(),
            node: ctx.node,
            role: ctx.role,
            inline: Inline::Unset,
            chars: 0,
            link_chars: 0,
            commas: 0,
            h1: false,
            split: self.split_node.take() == Some(ctx.node),
        });
    }

    /// Ends the current paragraph: trims it, drops it if nothing but white space, records it.
    fn end_block(&mut self) {
        self.pending_space = false;
        let Some(cur) = self.current.take() else {
            return;
        };
        let body = &self.out.text[cur.start..];
        let kept = body.trim_end().len();
        let lead = kept - body[..kept].trim_start().len();
        if kept == lead {
            self.out.text.truncate(cur.separator);
            return;
        }
        self.out.text.truncate(cur.start + kept);
        self.out.text.drain(cur.start..cur.start + lead);
        let role = if cur.role == Some(Role::Boilerplate) {
            cur.role
        } else {
            match cur.inline {
                Inline::Uniform(Some(r)) => Some(r),
                _ => cur.role,
            }
        };
        self.out.blocks.push(Block {
            start: cur.start,
            end: self.out.text.len(),
            node: cur.node,
            role,
            chars: cur.chars,
            link_chars: cur.link_chars,
            commas: cur.commas,
            h1: cur.h1,
            split: cur.split,
        });
    }
}

/// Whether `text` has nothing that `push_char` treats specially besides ASCII white space: no
/// character reference (`&`), no control character (C0, DEL, C1), no line or paragraph
/// separator.
fn plain(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.is_ascii()
        && !bytes
            .iter()
            .any(|&b| b == b'&' || b == 0x7f || (b < 0x20 && !b.is_ascii_whitespace()))
    {
        return true;
    }
    !bytes.iter().enumerate().any(|(i, &b)| match b {
        b'&' | 0x7f => true,
        b'\t' | b'\n' | b'\r' | 0x0c => false,
        0..=0x1f => true,
        // U+0080–U+009F (C1 controls, U+0085 among them): C2 80 – C2 9F.
        0xc2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
        // U+2028 and U+2029: E2 80 A8, E2 80 A9.
        0xe2 => bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xa8 | 0xa9)),
        _ => false,
    })
}

/// The context of the document itself.
const ROOT: Ctx = Ctx {
    node: 0,
    role: None,
    inline_role: None,
    link: false,
    pre: false,
    in_article: false,
    h1: false,
};
