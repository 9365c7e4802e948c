//! A tolerant HTML tokenizer: tags, attributes, comments, raw text. Never fails, never panics.
//!
//! It follows the shape of the WHATWG tokenizer closely enough for extraction, not to the letter:
//! a tag that runs off the end of the input is dropped (as a browser drops it), `<` not followed by
//! a letter, `/`, `!` or `?` is text, and the contents of `script`, `style`, `textarea`, `title`
//! and the other raw-text elements come out as one `Raw` token, so `<script>"</p>"</script>` never
//! opens or closes anything. Every byte is read a bounded number of times: linear in the input.

/// One piece of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token<'a> {
    /// Text between tags, character references still encoded.
    Text(&'a str),
    /// The contents of a raw-text element. `rcdata` is true for `title` and `textarea`, whose
    /// character references count; false for `script`, `style` and the like, whose do not.
    Raw { text: &'a str, rcdata: bool },
    /// `<name attr=value …>`; the name lowercased, the attributes' names lowercased and their
    /// values decoded.
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
    },
    /// `</name>`, lowercased.
    End { name: String },
    /// A comment, doctype, CDATA section or processing instruction: nothing to show. The text
    /// is what lies between the delimiters.
    Comment(&'a str),
}

/// Elements whose contents are text up to their own end tag, and whether references count.
fn raw_text_kind(name: &str) -> Option<bool> {
    match name {
        "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => Some(false),
        "title" | "textarea" => Some(true),
        _ => None,
    }
}

/// The tokens of an HTML string, in order.
pub struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    /// After the start tag of a raw-text element: its name, and whether it is RCDATA.
    raw: Option<(String, bool)>,
    /// After `<plaintext>`: everything left is text.
    plaintext: bool,
}

impl<'a> Tokenizer<'a> {
    pub fn new(src: &'a str) -> Tokenizer<'a> {
        Tokenizer {
            src,
            pos: 0,
            raw: None,
            plaintext: false,
        }
    }

    /// The rest of a raw-text element's contents, up to (not including) its end tag.
    fn raw_text(&mut self, name: &str, rcdata: bool) -> Option<Token<'a>> {
        let rest = &self.src[self.pos..];
        let bytes = rest.as_bytes();
        let mut from = 0;
        let end = loop {
            let Some(i) = rest[from..].find("</") else {
                break rest.len();
            };
            let at = from + i;
            let name_end = at + 2 + name.len();
            let closes = bytes.len() >= name_end
                && bytes[at + 2..name_end].eq_ignore_ascii_case(name.as_bytes())
                && bytes.get(name_end).is_none_or(|b| {
                    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>')
                });
            if closes {
                break at;
            }
            from = at + 2;
        };
        // No end tag before the end of the input: a damaged page (a crawl that lost bytes after
        // `<title>`). A browser would show nothing after it; the page's text is worth more.
        let end = if end == rest.len() {
            unclosed_end(name, rest)
        } else {
            end
        };
        self.pos += end;
        (end > 0).then(|| Token::Raw {
            text: &rest[..end],
            rcdata,
        })
    }

    /// `<!…>`, `<?…>` and `</` + non-letter: comment-like constructs, from `self.pos` at the `<`.
    fn comment(&mut self) -> Token<'a> {
        let rest = &self.src[self.pos..];
        let (body_start, terminator) = if let Some(body) = rest.strip_prefix("<!--") {
            // `<!-->` and `<!--->` are complete (empty) comments.
            if body.starts_with('>') {
                self.pos += 5;
                return Token::Comment("");
            }
            if body.starts_with("->") {
                self.pos += 6;
                return Token::Comment("");
            }
            (4, "-->")
        } else if rest.len() >= 9 && rest.as_bytes()[2..9].eq_ignore_ascii_case(b"[CDATA[") {
            (9, "]]>")
        } else {
            (2, ">")
        };
        let body = &rest[body_start..];
        let (text, used) = match body.find(terminator) {
            Some(i) => (&body[..i], body_start + i + terminator.len()),
            None => (body, rest.len()),
        };
        // `--!>` also ends a comment.
        let (text, used) = match (terminator, text.find("--!>")) {
            ("-->", Some(i)) => (&text[..i], body_start + i + 4),
            _ => (text, used),
        };
        self.pos += used;
        Token::Comment(text)
    }

    /// A start or end tag from `self.pos` at the `<`; `None` if it runs off the end (dropped).
    fn tag(&mut self, end_tag: bool) -> Option<Token<'a>> {
        let bytes = self.src.as_bytes();
        let mut i = self.pos + if end_tag { 2 } else { 1 };
        let name_start = i;
        while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
            i += 1;
        }
        let name = self.src[name_start..i].to_ascii_lowercase();
        let mut attrs = Vec::new();
        let mut self_closing = false;
        loop {
            while i < bytes.len() && (is_space(bytes[i]) || bytes[i] == b'/') {
                self_closing = bytes[i] == b'/';
                i += 1;
            }
            if i >= bytes.len() {
                self.pos = bytes.len();
                return None;
            }
            if bytes[i] == b'>' {
                i += 1;
                break;
            }
            self_closing = false;
            // An attribute name may start with `=`; it ends at space, `/`, `>` or `=`.
            let attr_start = i;
            i += 1;
            while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=')
            {
                i += 1;
            }
            let attr_name = &self.src[attr_start..i];
            while i < bytes.len() && is_space(bytes[i]) {
                i += 1;
            }
            let mut value = "";
            if i < bytes.len() && bytes[i] == b'=' {
                i += 1;
                while i < bytes.len() && is_space(bytes[i]) {
                    i += 1;
                }
                if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                    let quote = bytes[i];
                    let start = i + 1;
                    match bytes[start..].iter().position(|&b| b == quote) {
                        // A document-level tag whose quote runs past the end of its line into
                        // the markup after it (`<html xmlns="http://www.w3.org/1999/t>` on a
                        // damaged page) lost its closing quote: the value ends at the `>`.
                        Some(len) => match runaway_quote(&name, &bytes[start..start + len]) {
                            Some(gt) => {
                                value = &self.src[start..start + gt];
                                i = start + gt;
                            }
                            None => {
                                value = &self.src[start..start + len];
                                i = start + len + 1;
                            }
                        },
                        None => {
                            self.pos = bytes.len();
                            return None;
                        }
                    }
                } else {
                    let start = i;
                    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = &self.src[start..i];
                }
            }
            if !end_tag {
                attrs.push((
                    attr_name.to_ascii_lowercase(),
                    super::entities::decode(value),
                ));
            }
        }
        self.pos = i;
        if end_tag {
            return Some(Token::End { name });
        }
        if name == "plaintext" {
            self.plaintext = true;
        } else if let Some(rcdata) = raw_text_kind(&name) {
            self.raw = Some((name.clone(), rcdata));
        }
        Some(Token::Start {
            name,
            attrs,
            self_closing,
        })
    }
}

/// Where the contents of a raw-text element with no end tag stop: a `<title>` at its first line
/// break or `<` (a title is one line of text), any other at the first line that starts with a
/// tag (script and style code lines do not); at the end of the input if there is none.
fn unclosed_end(name: &str, rest: &str) -> usize {
    if name == "title" {
        return rest.find(['\n', '<']).unwrap_or(rest.len());
    }
    let bytes = rest.as_bytes();
    let mut line_start = 0;
    while let Some(i) = rest[line_start..].find('\n') {
        let line = line_start + i + 1;
        let mut j = line;
        while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
            j += 1;
        }
        let tag = bytes.get(j) == Some(&b'<')
            && match bytes.get(j + 1) {
                Some(b'/') => bytes.get(j + 2).is_some_and(u8::is_ascii_alphabetic),
                Some(b) => b.is_ascii_alphabetic() || *b == b'!',
                None => false,
            };
        if tag {
            return j;
        }
        line_start = line;
    }
    rest.len()
}

/// For a tag that never holds markup in its attributes (`html`, `head`, `body`, `meta`, `link`,
/// `base`, `script`, `style`), where a quoted `value` has a `>` that ends its line: the quote
/// was never closed, and that `>` ends the tag. `None` for any other tag or value.
fn runaway_quote(name: &str, value: &[u8]) -> Option<usize> {
    if !matches!(
        name,
        "html" | "head" | "body" | "meta" | "link" | "base" | "script" | "style"
    ) {
        return None;
    }
    value.iter().enumerate().find_map(|(i, &b)| {
        let rest = &value[i + 1..];
        let next = rest.iter().find(|&&c| c != b' ' && c != b'\t');
        (b == b'>' && matches!(next, Some(b'\n' | b'\r'))).then_some(i)
    })
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            if self.pos >= self.src.len() {
                return None;
            }
            if self.plaintext {
                let text = &self.src[self.pos..];
                self.pos = self.src.len();
                return Some(Token::Raw {
                    text,
                    rcdata: false,
                });
            }
            if let Some((name, rcdata)) = self.raw.take() {
                if let Some(token) = self.raw_text(&name, rcdata) {
                    return Some(token);
                }
                continue;
            }
            let rest = &self.src[self.pos..];
            let bytes = rest.as_bytes();
            if bytes[0] != b'<' {
                let len = rest.find('<').unwrap_or(rest.len());
                self.pos += len;
                return Some(Token::Text(&rest[..len]));
            }
            match bytes.get(1) {
                Some(b) if b.is_ascii_alphabetic() => {
                    if let Some(token) = self.tag(false) {
                        return Some(token);
                    }
                }
                Some(b'/') => match bytes.get(2) {
                    Some(b) if b.is_ascii_alphabetic() => {
                        if let Some(token) = self.tag(true) {
                            return Some(token);
                        }
                    }
                    // `</>` is nothing at all.
                    Some(b'>') => self.pos += 3,
                    Some(_) => return Some(self.comment()),
                    None => {
                        self.pos = self.src.len();
                        return Some(Token::Text("</"));
                    }
                },
                Some(b'!' | b'?') => return Some(self.comment()),
                _ => {
                    // A `<` that starts nothing is text; the text runs to the next `<`.
                    let len = 1 + rest[1..].find('<').unwrap_or(rest.len() - 1);
                    self.pos += len;
                    return Some(Token::Text(&rest[..len]));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start(name: &str, attrs: &[(&str, &str)]) -> Token<'static> {
        Token::Start {
            name: name.into(),
            attrs: attrs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            self_closing: false,
        }
    }

    fn end(name: &str) -> Token<'static> {
        Token::End { name: name.into() }
    }

    #[test]
    fn tokens() {
        use Token::*;
        let cases: Vec<(&str, &str, Vec<Token>)> = vec![
            ("text", "plain", vec![Text("plain")]),
            (
                "tag pair",
                "<P>x</P >",
                vec![start("p", &[]), Text("x"), end("p")],
            ),
            (
                "attributes quoted and not",
                r#"<a href="/x?a=1&amp;b=2" class='k l' data-x=y hidden>"#,
                vec![start(
                    "a",
                    &[
                        ("href", "/x?a=1&b=2"),
                        ("class", "k l"),
                        ("data-x", "y"),
                        ("hidden", ""),
                    ],
                )],
            ),
            (
                "spaces around =",
                "<div id = main >",
                vec![start("div", &[("id", "main")])],
            ),
            (
                "self-closing",
                "<br/>",
                vec![Start {
                    name: "br".into(),
                    attrs: vec![],
                    self_closing: true,
                }],
            ),
            (
                "comment",
                "a<!-- <p> -->b",
                vec![Text("a"), Comment(" <p> "), Text("b")],
            ),
            (
                "empty comments",
                "<!--><!--->",
                vec![Comment(""), Comment("")],
            ),
            (
                "bang comment end",
                "<!--x--!>y",
                vec![Comment("x"), Text("y")],
            ),
            (
                "doctype",
                "<!DOCTYPE html>x",
                vec![Comment("DOCTYPE html"), Text("x")],
            ),
            ("cdata", "<![CDATA[a>b]]>c", vec![Comment("a>b"), Text("c")]),
            (
                "processing instruction",
                "<?xml v?>x",
                vec![Comment("xml v?"), Text("x")],
            ),
            (
                "lone <",
                "a < b <3",
                vec![Text("a "), Text("< b "), Text("<3")],
            ),
            ("</> is nothing", "a</>b", vec![Text("a"), Text("b")]),
            ("bogus end tag", "</3>x", vec![Comment("3"), Text("x")]),
            (
                "script is raw",
                "<script>if (a<b) document.write('</p>')</SCRIPT>x",
                vec![
                    start("script", &[]),
                    Raw {
                        text: "if (a<b) document.write('</p>')",
                        rcdata: false,
                    },
                    end("script"),
                    Text("x"),
                ],
            ),
            (
                "script end needs a delimiter",
                "<script></scripts></script>",
                vec![
                    start("script", &[]),
                    Raw {
                        text: "</scripts>",
                        rcdata: false,
                    },
                    end("script"),
                ],
            ),
            (
                "textarea breakout is text",
                "<textarea></p><b>x</textarea>",
                vec![
                    start("textarea", &[]),
                    Raw {
                        text: "</p><b>x",
                        rcdata: true,
                    },
                    end("textarea"),
                ],
            ),
            (
                "unclosed script runs to the end",
                "<script>alert(1)",
                vec![
                    start("script", &[]),
                    Raw {
                        text: "alert(1)",
                        rcdata: false,
                    },
                ],
            ),
            ("unterminated tag dropped", "a<div class=x", vec![Text("a")]),
            (
                "unterminated quote dropped",
                "a<div class=\"x>b",
                vec![Text("a")],
            ),
            (
                "unterminated comment",
                "a<!-- b",
                vec![Text("a"), Comment(" b")],
            ),
            ("dangling </", "a</", vec![Text("a"), Text("</")]),
            (
                "plaintext",
                "<plaintext></plaintext><b>",
                vec![
                    start("plaintext", &[]),
                    Raw {
                        text: "</plaintext><b>",
                        rcdata: false,
                    },
                ],
            ),
            (
                "attribute names with odd characters",
                "<img src=x onerror=alert(1)>",
                vec![start("img", &[("src", "x"), ("onerror", "alert(1)")])],
            ),
        ];
        for (name, input, expected) in cases {
            let got: Vec<Token> = Tokenizer::new(input).collect();
            assert_eq!(got, expected, "{name}");
        }
    }
}
