//! The reading view's model: the text of each article as paragraphs, sentences and marked pieces.
//!
//! This is plain data derived from the text and its `Analysis`, so it is built and tested natively,
//! and the UI only renders it. Every character of every paragraph lands in exactly one piece, so
//! the pieces of a paragraph join back into the paragraph's text.
//!
//! A long text's model is built a few paragraphs at a time (`ReadingBuilder`), so the page can
//! yield to the reader between steps: 1 MB of news is ~5,000 paragraphs and ~100 ms of work in
//! the browser, far over the 50 ms a page may hold its main thread. Paragraphs are shared
//! (`Arc`), so folding them into blocks and cutting the view into chunks never copies their
//! text.

mod folding;
pub mod time_axis;

pub use folding::{
    fold_captions, Block, CaptionEntry, CaptionFolder, CaptionRun, DiffWord, NearGroup,
};

use std::sync::Arc;

use crate::analysis::{Analysis, Role};

/// One article, ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadingArticle {
    pub index: usize,
    /// The dateline's place, e.g. `LONDON`.
    pub place: Option<String>,
    /// Every paragraph, as pasted (the raw view).
    pub paragraphs: Vec<Arc<ReadingParagraph>>,
    /// The same paragraphs with caption runs and runs of furniture folded (`CaptionFolder`).
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReadingParagraph {
    pub index: usize,
    pub role: Role,
    pub runs: Vec<Run>,
}

impl ReadingParagraph {
    /// The paragraph's text, joined back from its runs.
    pub fn text(&self) -> String {
        self.runs
            .iter()
            .map(|r| match r {
                Run::Gap(g) => g.clone(),
                Run::Sentence { pieces, .. } => pieces.iter().map(|x| x.text.as_str()).collect(),
            })
            .collect()
    }
}

/// A paragraph is a sequence of sentences and the white space between them.
#[derive(Debug, Clone, PartialEq)]
pub enum Run {
    Gap(String),
    Sentence { index: usize, pieces: Vec<Piece> },
}

/// A stretch of a sentence under the same marks. Marks come in layers that may nest (an entity
/// inside a quote); within a layer they do not overlap.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Piece {
    pub text: String,
    /// Inside the article's dateline.
    pub dateline: bool,
    /// Index into `Analysis::quotes`.
    pub quote: Option<usize>,
    /// Index into `Analysis::entities`.
    pub entity: Option<usize>,
    /// Index into `Analysis::timexes`.
    pub timex: Option<usize>,
}

/// The layers a piece can be marked with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layer {
    Dateline,
    Quote,
    Entity,
    Timex,
}

/// A mark over a byte range of the text: `item` indexes the layer's array in the analysis.
#[derive(Debug, Clone, Copy)]
struct MarkSpan {
    start: usize,
    end: usize,
    layer: Layer,
    item: usize,
}

/// Converts code-point offsets to byte offsets by walking the text from the offset it was last
/// asked: asked in text order, as the model asks, it reads the text about once in all, where a
/// lookup table would first read all of it (1 MB of news: ~10 ms on the page's main thread).
/// Offsets past the end give the text's length.
#[derive(Debug, Default, Clone, Copy)]
struct ByteCursor {
    ch: usize,
    byte: usize,
}

impl ByteCursor {
    fn byte_of(&mut self, text: &str, ch: usize) -> usize {
        let bytes = text.as_bytes();
        while self.ch < ch && self.byte < bytes.len() {
            // The width of a UTF-8 character, from its first byte.
            self.byte += match bytes[self.byte] {
                0x00..=0x7f => 1,
                0x80..=0xdf => 2,
                0xe0..=0xef => 3,
                _ => 4,
            };
            self.ch += 1;
        }
        while self.ch > ch {
            self.byte -= 1;
            // Back over continuation bytes (10xxxxxx) to the character's first byte.
            while bytes[self.byte] & 0xc0 == 0x80 {
                self.byte -= 1;
            }
            self.ch -= 1;
        }
        self.byte
    }
}

/// The marks of one layer, sorted by start, with overlaps within the layer dropped (the earlier,
/// longer mark wins). Text is never dropped, only a mark.
fn layer_marks(
    layer: Layer,
    spans: impl Iterator<Item = (usize, usize)>,
    text: &str,
) -> Vec<MarkSpan> {
    let mut cursor = ByteCursor::default();
    let mut marks: Vec<MarkSpan> = spans
        .enumerate()
        .map(|(item, (start, end))| MarkSpan {
            start: cursor.byte_of(text, start),
            end: cursor.byte_of(text, end),
            layer,
            item,
        })
        .filter(|m| m.start < m.end)
        .collect();
    marks.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut kept: Vec<MarkSpan> = Vec::with_capacity(marks.len());
    for m in marks {
        if kept.last().is_none_or(|last| last.end <= m.start) {
            kept.push(m);
        }
    }
    kept
}

/// The number of words in `text`, as `text.split_whitespace().count()` counts them, about four
/// times faster: the overview shows it, and on 1 MB of news the iterator took ~10 ms of the task
/// that renders the new article.
pub fn word_count(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut words, mut in_word, mut i) = (0, false, 0);
    while i < bytes.len() {
        let (space, width) = match bytes[i] {
            b' ' | b'\t'..=b'\r' => (true, 1),
            0..=0x7f => (false, 1),
            _ => {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c.is_whitespace(), c.len_utf8())
            }
        };
        words += usize::from(!space && !in_word);
        in_word = !space;
        i += width;
    }
    words
}

/// The first screen of a new article, before its analysis: its first non-blank lines, trimmed,
/// up to `max_chars` characters in all (the line that crosses the limit is cut at a word, with
/// an ellipsis). A paste or a file shows these at once, plain, and the marks follow when the
/// worker answers: the reader sees the new text in the paste's own frame, which on a long text
/// is a second or more sooner (issue 16: "the first screen painted before its analysis
/// finishes, then marked up").
pub fn first_screen(text: &str, max_chars: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut left = max_chars;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if left == 0 {
            break;
        }
        let chars = line.chars().count();
        if chars <= left {
            out.push(line.to_string());
            left -= chars;
            continue;
        }
        let cut: String = line.chars().take(left).collect();
        let cut = cut
            .rsplit_once(char::is_whitespace)
            .map_or(cut.as_str(), |(head, _)| head);
        out.push(format!("{}…", cut.trim_end()));
        break;
    }
    out
}

/// Builds the reading model of `text` from its analysis.
pub fn reading_model(text: &str, analysis: &Analysis) -> Vec<ReadingArticle> {
    let mut builder = ReadingBuilder::new(text, analysis);
    while !builder.step(text, analysis, usize::MAX) {}
    builder.finish()
}

/// The reading model in the making: `step` builds a few more paragraphs (then folds a few more
/// articles) each time it is called, with the same text and analysis, until it says it is done.
/// Built in any number of steps, the model is the one `reading_model` builds in one
/// (`steps_build_the_same_model`).
#[derive(Debug)]
pub struct ReadingBuilder {
    /// Every mark, in byte offsets, sorted by start.
    marks: Vec<MarkSpan>,
    /// Where paragraphs and sentences start and end, converted to bytes as they are reached.
    cursor: ByteCursor,
    /// Marks that may still overlap the coming sentences: those starting before the current
    /// sentence ends, minus those that ended. Kept small because marks are short.
    open: Vec<MarkSpan>,
    next_mark: usize,
    next_sentence: usize,
    next_paragraph: usize,
    /// The next article to fold, once every paragraph is built.
    next_fold: usize,
    articles: Vec<ReadingArticle>,
}

impl ReadingBuilder {
    /// Finds every mark, in bytes; the steps then cut the text at them.
    pub fn new(text: &str, analysis: &Analysis) -> ReadingBuilder {
        let layers = [
            layer_marks(
                Layer::Dateline,
                analysis
                    .articles
                    .iter()
                    .filter_map(|a| a.dateline.as_ref())
                    .map(|d| (d.start, d.end)),
                text,
            ),
            layer_marks(
                Layer::Quote,
                analysis.quotes.iter().map(|q| (q.start, q.end)),
                text,
            ),
            layer_marks(
                Layer::Entity,
                analysis.entities.iter().map(|e| (e.start, e.end)),
                text,
            ),
            layer_marks(
                Layer::Timex,
                analysis.timexes.iter().map(|t| (t.start, t.end)),
                text,
            ),
        ];
        // Every layer's marks in one list, sorted by start: a sentence's marks are a window of it.
        let mut marks: Vec<MarkSpan> = layers.concat();
        marks.sort_by_key(|m| m.start);
        let articles = analysis
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| ReadingArticle {
                index: i,
                place: a.dateline.as_ref().map(|d| d.place.clone()),
                paragraphs: Vec::new(),
                blocks: Vec::new(),
            })
            .collect();
        ReadingBuilder {
            marks,
            cursor: ByteCursor::default(),
            open: Vec::new(),
            next_mark: 0,
            next_sentence: 0,
            next_paragraph: 0,
            next_fold: 0,
            articles,
        }
    }

    /// Builds up to `paragraphs` more paragraphs, or once all are built, folds articles holding
    /// up to that many; returns whether the model is complete. `text` and `analysis` must be the
    /// ones the builder was made from.
    pub fn step(&mut self, text: &str, analysis: &Analysis, paragraphs: usize) -> bool {
        let mut budget = paragraphs.max(1);
        while budget > 0 && self.next_paragraph < analysis.paragraphs.len() {
            self.build_paragraph(text, analysis);
            budget -= 1;
        }
        if self.next_paragraph < analysis.paragraphs.len() {
            return false;
        }
        let folder = CaptionFolder::new(analysis);
        while budget > 0 && self.next_fold < self.articles.len() {
            let article = &mut self.articles[self.next_fold];
            article.blocks = folder.fold(&article.paragraphs);
            budget = budget.saturating_sub(article.paragraphs.len().max(1));
            self.next_fold += 1;
        }
        self.next_fold == self.articles.len()
    }

    /// The model, once `step` has said it is complete.
    pub fn finish(self) -> Vec<ReadingArticle> {
        self.articles
    }

    /// Cuts the next paragraph into its sentences' pieces and files it under its article.
    fn build_paragraph(&mut self, text: &str, analysis: &Analysis) {
        let p = self.next_paragraph;
        self.next_paragraph += 1;
        let para = &analysis.paragraphs[p];
        let p_start = self.cursor.byte_of(text, para.start);
        let mut runs = Vec::new();
        let mut cursor = p_start;
        while let Some(sentence) = analysis
            .sentences
            .get(self.next_sentence)
            .filter(|s| s.paragraph == p)
        {
            let s = self.next_sentence;
            self.next_sentence += 1;
            let s_start = self.cursor.byte_of(text, sentence.start);
            let s_end = self.cursor.byte_of(text, sentence.end);
            if s_start > cursor {
                runs.push(Run::Gap(text[cursor..s_start].to_string()));
            }
            while self.next_mark < self.marks.len() && self.marks[self.next_mark].start < s_end {
                self.open.push(self.marks[self.next_mark]);
                self.next_mark += 1;
            }
            self.open.retain(|m| m.end > s_start);
            runs.push(Run::Sentence {
                index: s,
                pieces: pieces(text, s_start, s_end, &self.open),
            });
            cursor = s_end;
        }
        let p_end = self.cursor.byte_of(text, para.end);
        if p_end > cursor {
            runs.push(Run::Gap(text[cursor..p_end].to_string()));
        }
        if let Some(article) = self.articles.get_mut(para.article) {
            article.paragraphs.push(Arc::new(ReadingParagraph {
                index: p,
                role: para.role,
                runs,
            }));
        }
    }
}

/// Cuts `[start, end)` at every boundary of the marks that overlap it, and gives each piece the
/// marks that cover it.
fn pieces(text: &str, start: usize, end: usize, marks: &[MarkSpan]) -> Vec<Piece> {
    let mut cuts: Vec<usize> = vec![start, end];
    for m in marks {
        cuts.extend(
            [m.start, m.end]
                .into_iter()
                .filter(|&b| start < b && b < end),
        );
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            let mut piece = Piece {
                text: text[a..b].to_string(),
                ..Piece::default()
            };
            for m in marks.iter().filter(|m| m.start <= a && b <= m.end) {
                match m.layer {
                    Layer::Dateline => piece.dateline = true,
                    Layer::Quote => piece.quote = Some(m.item),
                    Layer::Entity => piece.entity = Some(m.item),
                    Layer::Timex => piece.timex = Some(m.item),
                }
            }
            piece
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_first_screen_is_the_first_lines_up_to_the_limit() {
        let text = "  Headline here \n\n\nFirst paragraph of the story.\r\nSecond one, longer than the rest.\nThird.";
        assert_eq!(
            super::first_screen(text, 1_000),
            [
                "Headline here",
                "First paragraph of the story.",
                "Second one, longer than the rest.",
                "Third."
            ]
        );
        // 13 + 29 = 42 characters, then 12 of the second paragraph's, cut at a word.
        assert_eq!(
            super::first_screen(text, 54),
            [
                "Headline here",
                "First paragraph of the story.",
                "Second one,…"
            ]
        );
        assert_eq!(super::first_screen(text, 42).len(), 2);
        assert!(super::first_screen(" \n\n ", 100).is_empty());
        assert_eq!(super::first_screen("Привет мир", 7), ["Привет…"]);
    }

    use super::*;
    use crate::analysis::offsets::CharIndex;
    use crate::analyze_text;

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        let cases = [
            "",
            "   ",
            "one",
            " two  words ",
            "tab\tand\nlines\r\nand\x0bvt\x0cff",
            "no\u{a0}break space, em\u{2003}space, ideographic\u{3000}space, next\u{85}line",
            "Zürich 😀 met 北京. “Ça va?”\u{2028}he asked\u{2029}",
            "zero\u{200b}width is no space",
        ];
        for text in cases {
            assert_eq!(
                word_count(text),
                text.split_whitespace().count(),
                "{text:?}"
            );
        }
        assert_eq!(
            word_count(crate::SAMPLE_ARTICLE),
            crate::SAMPLE_ARTICLE.split_whitespace().count()
        );
    }

    /// The cursor agrees with the lookup table, asked in any order, on text of every width.
    #[test]
    fn the_cursor_converts_like_the_index() {
        let text = "Zürich 😀 met 北京. “Ça va?” ok";
        let index = CharIndex::new(text);
        let len = index.char_len();
        let mut cursor = ByteCursor::default();
        let order = (0..=len + 2)
            .chain((0..=len).rev())
            .chain([3, len, 0, 9, 8, len + 5]);
        for ch in order {
            assert_eq!(
                cursor.byte_of(text, ch),
                index.byte_of(ch),
                "code point {ch}"
            );
        }
    }

    fn paragraph_text(p: &ReadingParagraph) -> String {
        p.text()
    }

    #[test]
    fn pieces_join_back_into_each_paragraph() {
        let text = crate::SAMPLE_ARTICLE;
        let analysis = analyze_text(text);
        let model = reading_model(text, &analysis);
        let index = CharIndex::new(text);
        let mut count = 0;
        for article in &model {
            for p in &article.paragraphs {
                let para = &analysis.paragraphs[p.index];
                let expected = &text[index.byte_of(para.start)..index.byte_of(para.end)];
                assert_eq!(paragraph_text(p), expected);
                count += 1;
            }
        }
        assert_eq!(count, 80);
    }

    #[test]
    fn the_dateline_is_marked() {
        let text = "Intro text.\nLONDON (AP) — Starmer spoke. He left.";
        let model = reading_model(text, &analyze_text(text));
        assert_eq!(model.len(), 2);
        assert_eq!(model[1].place.as_deref(), Some("LONDON"));
        let Run::Sentence { pieces, .. } = &model[1].paragraphs[0].runs[0] else {
            panic!("a sentence first");
        };
        // Entities (LONDON, AP) may cut the dateline into several pieces; together they are it.
        let dateline: String = pieces
            .iter()
            .filter(|p| p.dateline)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(dateline, "LONDON (AP) —");
        let rest: String = pieces
            .iter()
            .filter(|p| !p.dateline)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(rest, " Starmer spoke.");
    }

    #[test]
    fn marks_nest_and_cut_pieces() {
        use crate::analysis::{Entity, Quote};
        let text = "He said “Putin will come” at home.";
        let mut analysis = analyze_text(text);
        // Code points: “ is at 8, Putin at 9..14, ” at 24.
        analysis.quotes.push(Quote {
            start: 8,
            end: 25,
            speaker: None,
            paragraph: 0,
            attribution: None,
            source: None,
        });
        analysis.entities.push(Entity {
            start: 9,
            end: 14,
            text: "Putin".into(),
            label: "PER".into(),
            cluster: None,
            ..Entity::default()
        });
        let model = reading_model(text, &analysis);
        let Run::Sentence { pieces, .. } = &model[0].paragraphs[0].runs[0] else {
            panic!("a sentence first");
        };
        let shown: Vec<(&str, Option<usize>, Option<usize>)> = pieces
            .iter()
            .map(|p| (p.text.as_str(), p.quote, p.entity))
            .collect();
        assert_eq!(
            shown,
            [
                ("He said ", None, None),
                ("“", Some(0), None),
                ("Putin", Some(0), Some(0)),
                (" will come”", Some(0), None),
                (" at home.", None, None),
            ]
        );
    }

    #[test]
    fn overlapping_marks_in_one_layer_keep_all_text() {
        use crate::analysis::Entity;
        let text = "Vladimir Putin spoke.";
        let mut analysis = analyze_text(text);
        for (start, end) in [(0, 14), (9, 14), (9, 20)] {
            analysis.entities.push(Entity {
                start,
                end,
                text: text[start..end].into(),
                label: "PER".into(),
                cluster: None,
                ..Entity::default()
            });
        }
        let model = reading_model(text, &analysis);
        let joined: String = model[0]
            .paragraphs
            .iter()
            .map(|p| paragraph_text(p))
            .collect();
        assert_eq!(joined, text);
    }

    /// However the work is cut into steps, the model is the same.
    #[test]
    fn steps_build_the_same_model() {
        let text = format!("{}\n{}", crate::SAMPLE_ARTICLE, crate::SAMPLE_ARTICLE);
        let analysis = analyze_text(&text);
        let whole = reading_model(&text, &analysis);
        assert!(
            whole.iter().all(|a| !a.blocks.is_empty()),
            "every article folded"
        );
        for size in [1, 7, 80] {
            let mut builder = ReadingBuilder::new(&text, &analysis);
            let mut steps = 1;
            while !builder.step(&text, &analysis, size) {
                steps += 1;
            }
            assert!(steps > 1, "{size} paragraphs a step takes several steps");
            assert_eq!(builder.finish(), whole, "{size} paragraphs a step");
        }
    }

    #[test]
    fn an_empty_analysis_is_one_step() {
        let analysis = Analysis::default();
        let mut builder = ReadingBuilder::new("", &analysis);
        assert!(builder.step("", &analysis, 1));
        assert!(builder.finish().is_empty());
    }

    #[test]
    fn unicode_text_survives() {
        let text = "Zürich 😀 met 北京. “Ça va?” he asked.\n\nNicolás left…";
        let analysis = analyze_text(text);
        let model = reading_model(text, &analysis);
        let joined: Vec<String> = model[0]
            .paragraphs
            .iter()
            .map(|p| paragraph_text(p))
            .collect();
        assert_eq!(
            joined,
            ["Zürich 😀 met 北京. “Ça va?” he asked.", "Nicolás left…"]
        );
    }
}
