//! Segmentation: articles, paragraphs, sentences and tokens, all in byte spans.
//!
//! Every later stage reads a `Doc`. Paragraphs are the non-blank lines; a wire dateline starts a new
//! article; sentences never cross a paragraph; tokens never cross a sentence.

mod dateline;
mod sentences;
mod tokens;

pub use dateline::{find_dateline, DASHES};
pub use sentences::split_sentences;
pub use tokens::{tokenize, TokenKind};

use super::span::Span;

/// The input, cut into its parts. Indices link each level to the one above.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub articles: Vec<ArticleSeg>,
    pub paragraphs: Vec<ParagraphSeg>,
    pub sentences: Vec<SentenceSeg>,
    pub tokens: Vec<Token>,
}

impl Doc {
    /// The text of each paragraph, in order: the lines the captions stage classifies.
    pub fn paragraph_texts<'t>(&self, text: &'t str) -> Vec<&'t str> {
        self.paragraphs.iter().map(|p| p.span.of(text)).collect()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ArticleSeg {
    /// Articles tile the text: the first starts at 0, each ends where the next starts, the last ends
    /// at the end of the text.
    pub span: Span,
    pub dateline: Option<DatelineSeg>,
    /// Indices of this article's paragraphs (a contiguous range).
    pub paragraphs: std::ops::Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DatelineSeg {
    pub span: Span,
    /// The place as written, e.g. `LONDON` or `KYIV, Ukraine`.
    pub place: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParagraphSeg {
    pub span: Span,
    pub article: usize,
    pub sentences: std::ops::Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SentenceSeg {
    pub span: Span,
    pub paragraph: usize,
    pub tokens: std::ops::Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    pub sentence: usize,
}

/// Cuts `text` into articles, paragraphs, sentences and tokens.
#[inline(never)]
pub fn segment(text: &str) -> Doc {
    let mut doc = Doc::default();
    let lines = paragraph_spans(text);
    let mut article_starts: Vec<(usize, Option<DatelineSeg>)> = Vec::new();
    // Where each paragraph's dateline ends, if it opens on one.
    let mut dateline_ends: Vec<Option<usize>> = vec![None; lines.len()];
    for (p, &span) in lines.iter().enumerate() {
        if let Some(dateline) = find_dateline(text, span) {
            dateline_ends[p] = Some(dateline.span.end);
            if starts_new_article(text, &lines, &article_starts, p) {
                article_starts.push((p, Some(dateline)));
            } else if let Some(last) = article_starts.last_mut() {
                last.1 = Some(dateline);
            } else {
                article_starts.push((0, Some(dateline)));
            }
        }
    }
    if article_starts.first().is_none_or(|&(p, _)| p != 0) {
        article_starts.insert(0, (0, None));
    }
    for (a, (first, dateline)) in article_starts.iter().enumerate() {
        let last = article_starts.get(a + 1).map_or(lines.len(), |next| next.0);
        let start = if a == 0 { 0 } else { lines[*first].start };
        let end = article_starts
            .get(a + 1)
            .map_or(text.len(), |next| lines[next.0].start);
        doc.articles.push(ArticleSeg {
            span: Span::new(start, end),
            dateline: dateline.clone(),
            paragraphs: *first..last,
        });
        for (p, &span) in lines.iter().enumerate().take(last).skip(*first) {
            let s0 = doc.sentences.len();
            let mut sentences = split_sentences(text, span);
            if let Some(end) = dateline_ends[p] {
                join_dateline(&mut sentences, end);
            }
            for sentence in sentences {
                let t0 = doc.tokens.len();
                let index = doc.sentences.len();
                doc.tokens
                    .extend(tokenize(text, sentence).map(|(span, kind)| Token {
                        span,
                        kind,
                        sentence: index,
                    }));
                doc.sentences.push(SentenceSeg {
                    span: sentence,
                    paragraph: p,
                    tokens: t0..doc.tokens.len(),
                });
            }
            doc.paragraphs.push(ParagraphSeg {
                span,
                article: a,
                sentences: s0..doc.sentences.len(),
            });
        }
    }
    doc
}

/// A dateline is no sentence of its own, nor are its parts: the splitter ends a sentence at a
/// full stop before a capital, which a dateline's abbreviations make (`ST. PETERSBURG, Fla.
/// (Reuters) -` came out as three sentences, `ST.`, `PETERSBURG, Fla.` and the story's first).
/// The sentences that start inside the dateline join the one after them, so the place and the
/// story's first sentence are read together, as for `LONDON (Reuters) -`.
fn join_dateline(sentences: &mut Vec<Span>, dateline_end: usize) {
    let inside = sentences
        .iter()
        .take_while(|s| s.end <= dateline_end)
        .count()
        .min(sentences.len().saturating_sub(1));
    if inside > 0 {
        let start = sentences[0].start;
        sentences.drain(..inside);
        sentences[0].start = start;
    }
}

/// One span per non-blank line, trimmed of white space. `\n`, `\r\n`, a lone `\r` and the Unicode
/// line and paragraph separators all end a line, since pastes from different systems use each.
#[inline(never)]
pub fn paragraph_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut line_start = 0;
    let mut push = |start: usize, end: usize| {
        let line = &text[start..end];
        let trimmed = line.trim_start();
        let lead = line.len() - trimmed.len();
        let trimmed = trimmed.trim_end();
        if !trimmed.is_empty() {
            spans.push(Span::new(start + lead, start + lead + trimmed.len()));
        }
    };
    for (i, c) in text.char_indices() {
        if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
            push(line_start, i);
            line_start = i + c.len_utf8();
        }
    }
    push(line_start, text.len());
    spans
}

/// A dateline normally opens a new article. The exception is a paste that begins with a headline or
/// byline: a dateline that follows only a few short lines belongs to the article those lines head.
#[inline(never)]
fn starts_new_article(
    text: &str,
    lines: &[Span],
    starts: &[(usize, Option<DatelineSeg>)],
    p: usize,
) -> bool {
    if p == 0 {
        return false;
    }
    let current_start = starts.last().map_or(0, |s| s.0);
    let current_has_dateline = starts.last().is_some_and(|s| s.1.is_some());
    if current_has_dateline {
        return true;
    }
    let preceding = &lines[current_start..p];
    let all_short = preceding
        .iter()
        .all(|l| l.of(text).chars().count() < 160 && !l.of(text).ends_with('.'));
    !(preceding.len() <= 4 && all_short)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_non_blank_lines() {
        let text = "  One.  \n\n\r\nTwo.\r\nThree.\u{2029}Four.";
        let spans: Vec<&str> = paragraph_spans(text).iter().map(|s| s.of(text)).collect();
        assert_eq!(spans, ["One.", "Two.", "Three.", "Four."]);
    }

    #[test]
    fn a_dateline_starts_a_new_article() {
        let text =
            "Putin met Witkoff. He left.\nMore text here.\nLONDON (AP) — Starmer spoke.\nHe left.";
        let doc = segment(text);
        assert_eq!(doc.articles.len(), 2);
        assert_eq!(
            doc.articles[1].span.of(text),
            "LONDON (AP) — Starmer spoke.\nHe left."
        );
        assert_eq!(
            doc.articles[0].span.of(text),
            "Putin met Witkoff. He left.\nMore text here.\n"
        );
        let dateline = doc.articles[1].dateline.as_ref().unwrap();
        assert_eq!(dateline.span.of(text), "LONDON (AP) —");
        assert_eq!(dateline.place.of(text), "LONDON");
    }

    #[test]
    fn a_headline_before_the_dateline_stays_with_its_article() {
        let text =
            "Putin backs truce in principle\nBy JIM HEINTZ\nMOSCOW (AP) — Putin spoke.\nHe left.";
        let doc = segment(text);
        assert_eq!(doc.articles.len(), 1);
        assert!(doc.articles[0].dateline.is_some());
    }

    #[test]
    fn two_datelines_make_two_articles() {
        let text = "MOSCOW (AP) — Putin spoke.\nKYIV, Ukraine (AP) — Zelenskyy spoke.";
        let doc = segment(text);
        assert_eq!(doc.articles.len(), 2);
        assert_eq!(doc.articles[0].span.start, 0);
        assert_eq!(
            doc.articles[1].dateline.as_ref().unwrap().place.of(text),
            "KYIV, Ukraine"
        );
    }

    #[test]
    fn a_dateline_is_no_sentence_of_its_own() {
        let text = "ST. PETERSBURG, Fla. (Reuters) - The firm said so. It left.";
        let doc = segment(text);
        let sentences: Vec<&str> = doc.sentences.iter().map(|s| s.span.of(text)).collect();
        assert_eq!(
            sentences,
            [
                "ST. PETERSBURG, Fla. (Reuters) - The firm said so.",
                "It left."
            ]
        );
        // Tokens keep pointing at the sentence they are in.
        for t in &doc.tokens {
            assert!(doc.sentences[t.sentence].span.contains(t.span));
        }
    }

    #[test]
    fn empty_text_has_one_empty_article() {
        let doc = segment("");
        assert_eq!(doc.articles.len(), 1);
        assert!(doc.paragraphs.is_empty());
    }

    #[test]
    fn levels_link_to_each_other() {
        let text = "One. Two.\nThree.";
        let doc = segment(text);
        assert_eq!(doc.sentences.len(), 3);
        assert_eq!(doc.sentences[2].paragraph, 1);
        assert_eq!(doc.paragraphs[0].sentences, 0..2);
        for t in &doc.tokens {
            assert!(doc.sentences[t.sentence].span.contains(t.span));
        }
    }
}
