//! The reading view's model: the text of each article as paragraphs, sentences and marked pieces.
//!
//! This is plain data derived from the text and its `Analysis`, so it is built and tested natively,
//! and the UI only renders it. Every character of every paragraph lands in exactly one piece, so
//! the pieces of a paragraph join back into the paragraph's text.

mod folding;
pub mod time_axis;

pub use folding::{
    fold_captions, Block, CaptionEntry, CaptionFolder, CaptionRun, DiffWord, NearGroup,
};

use crate::analysis::offsets::CharIndex;
use crate::analysis::{Analysis, Role};

/// One article, ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadingArticle {
    pub index: usize,
    /// The dateline's place, e.g. `LONDON`.
    pub place: Option<String>,
    pub paragraphs: Vec<ReadingParagraph>,
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

/// The marks of one layer, sorted by start, with overlaps within the layer dropped (the earlier,
/// longer mark wins). Text is never dropped, only a mark.
fn layer_marks(
    layer: Layer,
    spans: impl Iterator<Item = (usize, usize)>,
    byte: &impl Fn(usize) -> usize,
) -> Vec<MarkSpan> {
    let mut marks: Vec<MarkSpan> = spans
        .enumerate()
        .map(|(item, (start, end))| MarkSpan {
            start: byte(start),
            end: byte(end),
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

/// Builds the reading model of `text` from its analysis.
pub fn reading_model(text: &str, analysis: &Analysis) -> Vec<ReadingArticle> {
    let index = CharIndex::new(text);
    let byte = |ch: usize| index.byte_of(ch);
    let layers = [
        layer_marks(
            Layer::Dateline,
            analysis
                .articles
                .iter()
                .filter_map(|a| a.dateline.as_ref())
                .map(|d| (d.start, d.end)),
            &byte,
        ),
        layer_marks(
            Layer::Quote,
            analysis.quotes.iter().map(|q| (q.start, q.end)),
            &byte,
        ),
        layer_marks(
            Layer::Entity,
            analysis.entities.iter().map(|e| (e.start, e.end)),
            &byte,
        ),
        layer_marks(
            Layer::Timex,
            analysis.timexes.iter().map(|t| (t.start, t.end)),
            &byte,
        ),
    ];
    // Every layer's marks in one list, sorted by start: a sentence's marks are a window of it.
    let mut marks: Vec<MarkSpan> = layers.concat();
    marks.sort_by_key(|m| m.start);

    let mut articles: Vec<ReadingArticle> = analysis
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| ReadingArticle {
            index: i,
            place: a.dateline.as_ref().map(|d| d.place.clone()),
            paragraphs: Vec::new(),
        })
        .collect();
    let mut sentences = analysis.sentences.iter().enumerate().peekable();
    // Marks that may still overlap the coming sentences: those starting before the current sentence
    // end, minus those that ended. Kept small because marks are short.
    let mut open: Vec<MarkSpan> = Vec::new();
    let mut next_mark = 0;
    for (p, para) in analysis.paragraphs.iter().enumerate() {
        let (p_start, p_end) = (byte(para.start), byte(para.end));
        let mut runs = Vec::new();
        let mut cursor = p_start;
        while let Some((s, sentence)) = sentences.next_if(|(_, s)| s.paragraph == p) {
            let (s_start, s_end) = (byte(sentence.start), byte(sentence.end));
            if s_start > cursor {
                runs.push(Run::Gap(text[cursor..s_start].to_string()));
            }
            while next_mark < marks.len() && marks[next_mark].start < s_end {
                open.push(marks[next_mark]);
                next_mark += 1;
            }
            open.retain(|m| m.end > s_start);
            runs.push(Run::Sentence {
                index: s,
                pieces: pieces(text, s_start, s_end, &open),
            });
            cursor = s_end;
        }
        if p_end > cursor {
            runs.push(Run::Gap(text[cursor..p_end].to_string()));
        }
        if let Some(article) = articles.get_mut(para.article) {
            article.paragraphs.push(ReadingParagraph {
                index: p,
                role: para.role,
                runs,
            });
        }
    }
    articles
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
    use super::*;
    use crate::analyze_text;

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
        let joined: String = model[0].paragraphs.iter().map(paragraph_text).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn unicode_text_survives() {
        let text = "Zürich 😀 met 北京. “Ça va?” he asked.\n\nNicolás left…";
        let analysis = analyze_text(text);
        let model = reading_model(text, &analysis);
        let joined: Vec<String> = model[0].paragraphs.iter().map(paragraph_text).collect();
        assert_eq!(
            joined,
            ["Zürich 😀 met 北京. “Ça va?” he asked.", "Nicolás left…"]
        );
    }
}
