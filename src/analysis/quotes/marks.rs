//! Pairing quotation marks inside one paragraph.
//!
//! Only double marks (`"`, `“ ”`, `„`, `« »`) open and close quotes. Single marks are left alone:
//! in news text `’` is far more often an apostrophe (don’t, Russia’s, ’90s) than a quote mark, and a
//! single-quoted phrase nested inside a double-quoted one is already inside the outer span.
//!
//! Whether a mark opens or closes is read from its neighbours, not only from its glyph, because
//! pasted text mixes them: `“… happen," Starmer told` closes a curly quote with a straight mark.
//! A mark with space (or nothing) before it and a letter after it opens; a mark with a letter or
//! punctuation before it and space or punctuation after it closes. A straight `"` that the
//! neighbours leave undecided toggles.

use crate::analysis::span::Span;

/// One top-level quoted stretch of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkedQuote {
    /// From the opening mark through the closing mark (or to the end of the paragraph when the quote
    /// is not closed there, as in the first paragraph of a multi-paragraph quote).
    pub span: Span,
    /// The words between the marks.
    pub inner: Span,
    /// Whether a closing mark ends it inside the paragraph.
    pub closed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Either,
}

/// Punctuation that may stand right before an opening mark: `(“`, `—“`, `:“`.
fn opens_after(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '‘' | '\''
        )
}

/// Punctuation that may stand right after a closing mark: `”,` `”.` `”)`.
fn closes_before(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | ']'
                | '}'
                | '—'
                | '–'
                | '-'
                | '…'
                | '’'
                | '\''
        )
}

/// How a double mark at a place with neighbours `before` and `after` works, or `None` for a
/// character that is not a double quotation mark.
fn classify(c: char, before: Option<char>, after: Option<char>) -> Option<Mark> {
    let free_before = before.is_none_or(opens_after);
    let free_after = after.is_none_or(closes_before);
    let looks_open = free_before && !free_after;
    let looks_close = !free_before && free_after;
    match c {
        '“' | '„' | '«' => Some(if looks_close { Mark::Close } else { Mark::Open }),
        '”' | '»' => Some(if looks_open { Mark::Open } else { Mark::Close }),
        '"' | '＂' => Some(if looks_open {
            Mark::Open
        } else if looks_close {
            Mark::Close
        } else {
            Mark::Either
        }),
        _ => None,
    }
}

/// The top-level quotes of the paragraph `para`, in order. Nested quotes stay inside their outer
/// one; a closing mark with nothing open is ignored (an inch mark, a stray paste).
pub fn pair(text: &str, para: Span) -> Vec<MarkedQuote> {
    let body = para.of(text);
    let mut quotes = Vec::new();
    // Byte offsets (into `text`) of the open marks, innermost last.
    let mut open: Vec<usize> = Vec::new();
    let mut before: Option<char> = None;
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let after = chars.peek().map(|&(_, n)| n);
        if let Some(mark) = classify(c, before, after) {
            let at = para.start + i;
            let mark = match mark {
                Mark::Either if open.is_empty() => Mark::Open,
                Mark::Either => Mark::Close,
                m => m,
            };
            match mark {
                Mark::Open => open.push(at),
                Mark::Close => {
                    if open.len() == 1 {
                        let start = open[0];
                        let end = at + c.len_utf8();
                        quotes.push(MarkedQuote {
                            span: Span::new(start, end),
                            inner: inner_of(text, start, at),
                            closed: true,
                        });
                    }
                    open.pop();
                }
                Mark::Either => unreachable!("resolved above"),
            }
        }
        before = Some(c);
    }
    if let Some(&start) = open.first() {
        quotes.push(MarkedQuote {
            span: Span::new(start, para.end),
            inner: inner_of(text, start, para.end),
            closed: false,
        });
    }
    quotes
}

/// The words between the opening mark at `open` and `end`.
fn inner_of(text: &str, open: usize, end: usize) -> Span {
    let first = text[open..].chars().next().map_or(0, char::len_utf8);
    Span::new((open + first).min(end), end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<(&str, bool)> {
        pair(text, Span::new(0, text.len()))
            .iter()
            .map(|q| (q.inner.of(text), q.closed))
            .collect()
    }

    /// (name, paragraph, expected quotes as (inner text, closed)).
    type Case = (&'static str, &'static str, &'static [(&'static str, bool)]);

    const CASES: &[Case] = &[
        (
            "curly",
            "He said “yes, we will.” Then left.",
            &[("yes, we will.", true)],
        ),
        (
            "straight",
            "He said \"yes.\" Then \"no.\"",
            &[("yes.", true), ("no.", true)],
        ),
        (
            "apostrophes are not marks",
            "Russia’s army won’t stop, in the ’90s",
            &[],
        ),
        (
            "single nested in double",
            "“He said ‘never,’ and meant it,” she said.",
            &[("He said ‘never,’ and meant it,", true)],
        ),
        (
            "straight closes curly",
            "“we can’t sit back,\" Starmer told leaders.",
            &[("we can’t sit back,", true)],
        ),
        (
            "curly closes straight",
            "\"we can't,” he said.",
            &[("we can't,", true)],
        ),
        (
            "broken by attribution",
            "“A lot,” he said. “More.”",
            &[("A lot,", true), ("More.", true)],
        ),
        (
            "unclosed runs to the end",
            "“My feeling is this.",
            &[("My feeling is this.", false)],
        ),
        (
            "double nested",
            "\"The question: “As you know?” Yes.\"",
            &[("The question: “As you know?” Yes.", true)],
        ),
        ("inch mark ignored", "a 5'10\" man", &[]),
        (
            "partial quote",
            "the “party of peace.”",
            &[("party of peace.", true)],
        ),
        ("after a dash", "peace—“now,” he said", &[("now,", true)]),
        ("empty", "", &[]),
        ("lone mark", "\"", &[("", false)]),
    ];

    #[test]
    fn named_cases() {
        for (name, input, expected) in CASES {
            assert_eq!(quoted(input), *expected, "{name}");
        }
    }

    #[test]
    fn spans_include_the_marks() {
        let text = "x “ab” y";
        let q = pair(text, Span::new(0, text.len()));
        assert_eq!(q[0].span.of(text), "“ab”");
    }
}
