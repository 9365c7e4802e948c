//! The reading view's model: the text of each article as paragraphs, sentences and marked pieces.
//!
//! This is plain data derived from the text and its `Analysis`, so it is built and tested natively,
//! and the UI only renders it. Every character of every paragraph lands in exactly one piece, so
//! the pieces of a paragraph join back into the paragraph's text.

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

/// A paragraph is a sequence of sentences and the white space between them.
#[derive(Debug, Clone, PartialEq)]
pub enum Run {
    Gap(String),
    Sentence { index: usize, pieces: Vec<Piece> },
}

/// A stretch of a sentence with the same marks.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub text: String,
    pub mark: Option<Mark>,
}

/// What a piece of text is, beyond being part of its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Dateline,
}

/// A mark over a byte range of the text.
struct MarkSpan {
    start: usize,
    end: usize,
    mark: Mark,
}

/// Builds the reading model of `text` from its analysis.
pub fn reading_model(text: &str, analysis: &Analysis) -> Vec<ReadingArticle> {
    let index = CharIndex::new(text);
    let byte = |ch: usize| index.byte_of(ch);
    let mut marks: Vec<MarkSpan> = analysis
        .articles
        .iter()
        .filter_map(|a| a.dateline.as_ref())
        .map(|d| MarkSpan {
            start: byte(d.start),
            end: byte(d.end),
            mark: Mark::Dateline,
        })
        .collect();
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
            while next_mark < marks.len() && marks[next_mark].end <= s_start {
                next_mark += 1;
            }
            runs.push(Run::Sentence {
                index: s,
                pieces: pieces(text, s_start, s_end, &marks[next_mark..]),
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

/// Cuts `[start, end)` into pieces at the boundaries of the marks that overlap it. `marks` are
/// sorted and do not overlap each other.
fn pieces(text: &str, start: usize, end: usize, marks: &[MarkSpan]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut cursor = start;
    for m in marks.iter().take_while(|m| m.start < end) {
        let (m_start, m_end) = (m.start.max(cursor), m.end.min(end));
        if m_start >= m_end {
            continue;
        }
        if m_start > cursor {
            out.push(Piece {
                text: text[cursor..m_start].to_string(),
                mark: None,
            });
        }
        out.push(Piece {
            text: text[m_start..m_end].to_string(),
            mark: Some(m.mark),
        });
        cursor = m_end;
    }
    if end > cursor {
        out.push(Piece {
            text: text[cursor..end].to_string(),
            mark: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze_text;

    fn paragraph_text(p: &ReadingParagraph) -> String {
        p.runs
            .iter()
            .map(|r| match r {
                Run::Gap(g) => g.clone(),
                Run::Sentence { pieces, .. } => pieces.iter().map(|x| x.text.as_str()).collect(),
            })
            .collect()
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
        assert_eq!(pieces[0].text, "LONDON (AP) —");
        assert_eq!(pieces[0].mark, Some(Mark::Dateline));
        assert_eq!(pieces[1].text, " Starmer spoke.");
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
