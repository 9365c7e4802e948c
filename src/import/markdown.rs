//! Markdown import: the text without its markup, headings hinted.
//!
//! Deliberately small, not CommonMark: `#` headings and `===`/`---` underlines become heading
//! paragraphs, soft-wrapped lines join into one paragraph (hard-wrapped files would otherwise give
//! the segmenter one paragraph per line), list items and quotes lose their markers, emphasis and
//! code markers go, a link keeps its text, an image inside a sentence goes, and a paragraph that is
//! only an image becomes its alt text, hinted as a caption. Code blocks keep their lines. YAML
//! front matter is left out, its `title:` kept as the title.
//! Brackets are matched in one pass and code spans are looked for within a window (`MAX_LINK`),
//! so the whole import is linear.

use super::{Hint, Imported};
use crate::analysis::model::Role;

/// The longest link or code span looked for, in bytes: a stray backtick then costs at most this
/// much.
const MAX_LINK: usize = 2048;

/// The text and role hints of the Markdown `md`.
pub fn from_markdown(md: &str) -> Imported {
    let (title, md) = front_matter(md);
    let mut out = Out::default();
    let mut para: Vec<&str> = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    let mut code: Vec<&str> = Vec::new();
    for raw_line in md.lines() {
        if let Some((marker, len)) = fence {
            if fence_marker(raw_line).is_some_and(|(m, l)| m == marker && l >= len) {
                out.block(&code.join("\n"), None);
                code.clear();
                fence = None;
            } else {
                code.push(raw_line);
            }
            continue;
        }
        // Quote markers go first: a quote holds ordinary paragraphs.
        let mut line = raw_line.trim_start();
        let mut quoted = false;
        while let Some(rest) = line.strip_prefix('>') {
            line = rest.strip_prefix(' ').unwrap_or(rest).trim_start();
            quoted = true;
        }
        if let Some(f) = fence_marker(line) {
            out.paragraph(&para);
            para.clear();
            fence = Some(f);
            continue;
        }
        if line.trim().is_empty() {
            out.paragraph(&para);
            para.clear();
            continue;
        }
        if let Some(text) = atx_heading(line) {
            out.paragraph(&para);
            para.clear();
            out.block(&inline(text, true).text, Some(Role::Heading));
            continue;
        }
        if !para.is_empty() && !quoted && is_underline(line) {
            out.heading(&para);
            para.clear();
            continue;
        }
        if is_thematic_break(line) || is_reference_definition(line) {
            out.paragraph(&para);
            para.clear();
            continue;
        }
        if let Some(item) = list_item(line) {
            out.paragraph(&para);
            para.clear();
            para.push(item);
            continue;
        }
        para.push(line);
    }
    if fence.is_some() {
        out.block(&code.join("\n"), None);
    }
    out.paragraph(&para);
    Imported {
        text: out.text,
        hints: out.hints,
        title,
    }
}

/// Splits off YAML front matter (`---` lines around `key: value` pairs at the very start, as
/// static-site generators write it): its `title:` if any, and the rest of the file.
fn front_matter(md: &str) -> (Option<String>, &str) {
    let Some(rest) = md
        .strip_prefix("---\n")
        .or_else(|| md.strip_prefix("---\r\n"))
    else {
        return (None, md);
    };
    let mut title = None;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        let line = line.trim_end();
        if line == "---" || line == "..." {
            return (title, &rest[offset..]);
        }
        if let Some(value) = line.strip_prefix("title:") {
            let value = value.trim().trim_matches(['"', '\'']).trim();
            if !value.is_empty() {
                title = Some(value.to_string());
            }
        }
    }
    // No closing line: not front matter after all.
    (None, md)
}

#[derive(Default)]
struct Out {
    text: String,
    hints: Vec<Hint>,
}

impl Out {
    /// Appends one paragraph, after a blank line, with its hint.
    fn block(&mut self, content: &str, role: Option<Role>) {
        let content = content.trim();
        if content.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        self.text.push_str(content);
        if let Some(role) = role {
            self.hints.push(Hint {
                start,
                end: self.text.len(),
                role,
            });
        }
    }

    /// Joins soft-wrapped lines with a space, hard breaks (two trailing spaces or `\`) with a line
    /// break, and appends the result.
    fn paragraph(&mut self, lines: &[&str]) {
        let Some(joined) = join(lines) else { return };
        let inline = inline(&joined, true);
        if inline.text.trim().is_empty() && inline.images_alone {
            let alt = inline.alts.join(" ");
            self.block(&alt, Some(Role::Caption));
        } else {
            self.block(&inline.text, None);
        }
    }

    fn heading(&mut self, lines: &[&str]) {
        if let Some(joined) = join(lines) {
            self.block(&inline(&joined, true).text, Some(Role::Heading));
        }
    }
}

fn join(lines: &[&str]) -> Option<String> {
    if lines.is_empty() {
        return None;
    }
    let mut joined = String::new();
    for (i, line) in lines.iter().enumerate() {
        let hard = line.ends_with("  ") || line.ends_with('\\');
        let line = line.trim_end().trim_end_matches('\\');
        joined.push_str(line.trim_start());
        if i + 1 < lines.len() {
            joined.push(if hard { '\n' } else { ' ' });
        }
    }
    Some(joined)
}

/// ```` ``` ```` or `~~~` (three or more) opening or closing a code block: the marker and its length.
fn fence_marker(line: &str) -> Option<(char, usize)> {
    let line = line.trim_start();
    let c = line.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let len = line.chars().take_while(|&x| x == c).count();
    (len >= 3).then_some((c, len))
}

/// The text of an `# ATX heading`, closing `#`s removed.
fn atx_heading(line: &str) -> Option<&str> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let rest = rest.trim();
    let closed = rest.trim_end_matches('#');
    // `# C#` keeps its `#`: closing hashes must follow a space.
    Some(if closed.is_empty() || closed.ends_with(' ') {
        closed.trim_end()
    } else {
        rest
    })
}

/// A setext underline: `===` or `---` alone on a line.
fn is_underline(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty() && (line.bytes().all(|b| b == b'=') || line.bytes().all(|b| b == b'-'))
}

/// `***`, `- - -`, `___`.
fn is_thematic_break(line: &str) -> bool {
    let compact: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
    compact.len() >= 3
        && matches!(compact[0], '*' | '-' | '_')
        && compact.iter().all(|&c| c == compact[0])
}

/// `[label]: https://…`: a link target, not text.
fn is_reference_definition(line: &str) -> bool {
    line.starts_with('[')
        && line
            .find("]:")
            .is_some_and(|i| i > 1 && !line[1..i].contains(']'))
}

/// The text of a list item: after `- `, `* `, `+ ` or `12. ` / `12) `.
fn list_item(line: &str) -> Option<&str> {
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(marker) {
            return Some(rest);
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = &line[digits..];
        for marker in [". ", ") "] {
            if let Some(rest) = rest.strip_prefix(marker) {
                return Some(rest);
            }
        }
    }
    None
}

/// A paragraph's text with inline markup removed.
struct Inline {
    text: String,
    /// Alt texts of the images it held.
    alts: Vec<String>,
    /// It held images and nothing else.
    images_alone: bool,
}

/// Strips inline markup from `s`. Links are looked for only when `links` (not inside a link's own
/// text), so nesting never multiplies the work.
fn inline(s: &str, links: bool) -> Inline {
    let mut out = String::with_capacity(s.len());
    let mut alts = Vec::new();
    let bytes = s.as_bytes();
    let close = if links {
        closing_brackets(s)
    } else {
        Vec::new()
    };
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let c = rest.chars().next().unwrap_or(' ');
        match c {
            '\\' if rest.len() > 1 && bytes[i + 1].is_ascii_punctuation() => {
                out.push(bytes[i + 1] as char);
                i += 2;
            }
            '`' => {
                let run = rest.bytes().take_while(|&b| b == b'`').count();
                let fence = &rest[..run];
                let window = &rest[run..floor_boundary(rest, run + MAX_LINK)];
                match window.find(fence) {
                    Some(end) => {
                        out.push_str(window[..end].trim_matches(' '));
                        i += run + end + run;
                    }
                    None => {
                        out.push_str(fence);
                        i += run;
                    }
                }
            }
            '!' if links && rest.starts_with("![") => match link_at(s, i + 1, &close) {
                Some((text, used)) => {
                    alts.push(inline(text, false).text);
                    i += 1 + used;
                }
                None => {
                    out.push('!');
                    i += 1;
                }
            },
            '[' if links => match link_at(s, i, &close) {
                Some((text, used)) => {
                    out.push_str(&inline(text, false).text);
                    i += used;
                }
                None => {
                    out.push('[');
                    i += 1;
                }
            },
            '<' if rest.starts_with("<http://")
                || rest.starts_with("<https://")
                || rest.starts_with("<mailto:") =>
            {
                let window = &rest[..floor_boundary(rest, MAX_LINK)];
                match window.find(['>', ' ']) {
                    Some(end) if window.as_bytes()[end] == b'>' => {
                        out.push_str(&rest[1..end]);
                        i += end + 1;
                    }
                    _ => {
                        out.push('<');
                        i += 1;
                    }
                }
            }
            '*' | '_' | '~' => {
                let run = rest.chars().take_while(|&x| x == c).count();
                let before = s[..i].chars().next_back();
                let after = rest[run..].chars().next();
                let space = |x: Option<char>| x.is_none_or(char::is_whitespace);
                let word = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
                let marker = match c {
                    '~' => run == 2 && !(space(before) && space(after)),
                    '_' => {
                        run <= 3
                            && !(word(before) && word(after))
                            && !(space(before) && space(after))
                    }
                    _ => run <= 3 && !(space(before) && space(after)),
                };
                if !marker {
                    out.push_str(&rest[..run]);
                }
                i += run;
            }
            _ => {
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    let images_alone = !alts.is_empty();
    Inline {
        text: out,
        alts,
        images_alone,
    }
}

/// For every `[` and `(` of `s`, the byte index of the bracket that closes it, if any: one pass
/// with a stack per kind, so looking up a link costs nothing however many stray brackets there are.
fn closing_brackets(s: &str) -> Vec<Option<usize>> {
    let bytes = s.as_bytes();
    let mut close = vec![None; bytes.len()];
    let (mut squares, mut rounds) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'[' => squares.push(i),
            b'(' => rounds.push(i),
            b']' => {
                if let Some(open) = squares.pop() {
                    close[open] = Some(i);
                }
            }
            b')' => {
                if let Some(open) = rounds.pop() {
                    close[open] = Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    close
}

/// `[text](target)`, `[text][ref]` or `[text][]` starting at byte `at` of `s` (a `[`): the text
/// and the bytes used.
fn link_at<'a>(s: &'a str, at: usize, close: &[Option<usize>]) -> Option<(&'a str, usize)> {
    let text_end = close.get(at).copied().flatten()?;
    let target = text_end + 1;
    let target_end = match s.as_bytes().get(target) {
        Some(b'(' | b'[') => close[target]?,
        _ => return None,
    };
    (target_end - at <= MAX_LINK).then(|| (&s[at + 1..text_end], target_end + 1 - at))
}

/// The largest char boundary of `s` at or below `at`.
fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}
