//! CoNLL-2003 column files: reading, tagging (`lede conll`) and entity-level scoring with the
//! semantics of the `conlleval` script (an entity counts only when its type and both boundaries are
//! exact).

use super::ratio;
use std::fmt::Write as _;

use crate::analysis::entities::tagger::{self, TYPES};
use crate::analysis::entities::Tagger;

/// One sentence: the tokens (first column) and, when the file has them, the gold tags (last
/// column). `lines` are the indices of its lines in the file.
#[derive(Debug, Clone, Default)]
pub struct Sentence {
    pub tokens: Vec<String>,
    pub gold: Vec<String>,
    pub lines: Vec<usize>,
}

/// The sentences between two `-DOCSTART-` lines.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub sentences: Vec<Sentence>,
}

impl Document {
    pub fn tokens(&self) -> Vec<Vec<String>> {
        self.sentences.iter().map(|s| s.tokens.clone()).collect()
    }
}

/// Splits a CoNLL file into documents and sentences. A file with no `-DOCSTART-` is one document.
pub fn read(text: &str) -> Vec<Document> {
    let mut docs = vec![Document::default()];
    let mut sentence = Sentence::default();
    let flush = |docs: &mut Vec<Document>, sentence: &mut Sentence| {
        if !sentence.tokens.is_empty() {
            docs.last_mut()
                .expect("one document at least")
                .sentences
                .push(std::mem::take(sentence));
        }
    };
    for (i, line) in text.lines().enumerate() {
        let mut columns = line.split_whitespace();
        let Some(first) = columns.next() else {
            flush(&mut docs, &mut sentence);
            continue;
        };
        if first == "-DOCSTART-" {
            flush(&mut docs, &mut sentence);
            if !docs.last().is_some_and(|d| d.sentences.is_empty()) {
                docs.push(Document::default());
            }
            continue;
        }
        sentence.tokens.push(first.to_string());
        sentence
            .gold
            .push(columns.next_back().unwrap_or("O").to_string());
        sentence.lines.push(i);
    }
    flush(&mut docs, &mut sentence);
    docs.retain(|d| !d.sentences.is_empty());
    docs
}

/// BIO labels (tagger indices) → IOB1 tags as CoNLL-2003 writes them: `I-X` throughout, and
/// `B-X` only where an entity directly follows another of the same type.
pub fn iob1(labels: &[u8]) -> Vec<String> {
    let mut tags = vec!["O".to_string(); labels.len()];
    let mut prev_end: Option<(usize, usize)> = None;
    for (s, e, k) in tagger::spans(labels) {
        let b = if prev_end == Some((s, k)) { "B" } else { "I" };
        tags[s] = format!("{b}-{}", TYPES[k]);
        for t in &mut tags[s + 1..e] {
            *t = format!("I-{}", TYPES[k]);
        }
        prev_end = Some((e, k));
    }
    tags
}

/// Entity spans `(start, end, type name)` of IOB1 or IOB2 tags, read as conlleval reads them: an
/// entity starts at `B-X`, or at `I-X` after anything but `X`.
pub fn spans_of_tags<S: AsRef<str>>(tags: &[S]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let tag = tag.as_ref();
        let (prefix, kind) = tag.split_once('-').unwrap_or(("O", ""));
        let continues = prefix == "I" && open.is_some_and(|(_, k)| k == kind);
        if continues {
            continue;
        }
        if let Some((s, k)) = open.take() {
            out.push((s, i, k.to_string()));
        }
        if prefix == "B" || prefix == "I" {
            open = Some((i, kind));
        }
    }
    if let Some((s, k)) = open {
        out.push((s, tags.len(), k.to_string()));
    }
    out
}

/// Counts for one entity type (or all).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub correct: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        super::f1(self.precision(), self.recall())
    }
}

/// Per-type and overall counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Score {
    pub by_type: Vec<(String, Counts)>,
    pub overall: Counts,
}

impl Score {
    /// Adds one sentence's gold and predicted spans.
    pub fn add(&mut self, gold: &[(usize, usize, String)], predicted: &[(usize, usize, String)]) {
        for g in gold {
            let hit = usize::from(predicted.contains(g));
            let c = self.counts_of(&g.2);
            c.gold += 1;
            c.correct += hit;
            self.overall.gold += 1;
            self.overall.correct += hit;
        }
        for p in predicted {
            self.counts_of(&p.2).predicted += 1;
            self.overall.predicted += 1;
        }
    }

    /// Adds another score's counts (pooling cross-validation folds).
    pub fn merge(&mut self, other: &Score) {
        for (kind, c) in &other.by_type {
            let mine = self.counts_of(kind);
            mine.correct += c.correct;
            mine.predicted += c.predicted;
            mine.gold += c.gold;
        }
        self.overall.correct += other.overall.correct;
        self.overall.predicted += other.overall.predicted;
        self.overall.gold += other.overall.gold;
    }

    /// The counts of one type, added (in name order) when first seen.
    fn counts_of(&mut self, kind: &str) -> &mut Counts {
        let i = match self.by_type.binary_search_by(|(k, _)| k.as_str().cmp(kind)) {
            Ok(i) => i,
            Err(i) => {
                self.by_type
                    .insert(i, (kind.to_string(), Counts::default()));
                i
            }
        };
        &mut self.by_type[i].1
    }

    /// A table like conlleval's summary.
    pub fn report(&self) -> String {
        let mut out = String::new();
        let line = |out: &mut String, name: &str, c: &Counts| {
            let _ = writeln!(
                out,
                "{name:<8} precision {:6.2}%  recall {:6.2}%  F1 {:6.2}  (gold {}, predicted {}, correct {})",
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1(),
                c.gold,
                c.predicted,
                c.correct
            );
        };
        for (kind, counts) in &self.by_type {
            line(&mut out, kind, counts);
        }
        line(&mut out, "overall", &self.overall);
        out
    }
}

/// Tags every document with `tagger`; returns the predicted labels per sentence.
pub fn tag_documents(tagger: &Tagger, docs: &[Document]) -> Vec<Vec<Vec<u8>>> {
    docs.iter()
        .map(|d| tagger.tag_document(&d.tokens()))
        .collect()
}

/// Scores predictions against the gold column.
pub fn score(docs: &[Document], predicted: &[Vec<Vec<u8>>]) -> Score {
    let mut score = Score::default();
    for (doc, pred) in docs.iter().zip(predicted) {
        for (sentence, labels) in doc.sentences.iter().zip(pred) {
            let gold = spans_of_tags(&sentence.gold);
            let guess: Vec<(usize, usize, String)> = tagger::spans(labels)
                .into_iter()
                .map(|(s, e, k)| (s, e, TYPES[k].to_string()))
                .collect();
            score.add(&gold, &guess);
        }
    }
    score
}

/// The input file with one more column, the predicted tag; other lines unchanged.
pub fn annotate(text: &str, tagger: &Tagger) -> String {
    let docs = read(text);
    let predicted = tag_documents(tagger, &docs);
    let mut extra: Vec<Option<String>> = vec![None; text.lines().count()];
    for (doc, pred) in docs.iter().zip(&predicted) {
        for (sentence, labels) in doc.sentences.iter().zip(pred) {
            for (&line, tag) in sentence.lines.iter().zip(iob1(labels)) {
                extra[line] = Some(tag);
            }
        }
    }
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for (line, tag) in text.lines().zip(extra) {
        out.push_str(line);
        if let Some(tag) = tag {
            out.push(' ');
            out.push_str(&tag);
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
// Test tables are tuples of slices, on purpose: one row a case.
#[allow(clippy::type_complexity)]
mod tests {
    use super::*;

    const SAMPLE: &str = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nBRUSSELS NNP I-NP I-LOC\n";

    #[test]
    fn reads_documents_and_sentences() {
        let docs = read(SAMPLE);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[1].tokens, ["Peter", "Blackburn"]);
        assert_eq!(docs[0].sentences[1].gold, ["I-PER", "I-PER"]);
        assert_eq!(docs[1].sentences[0].lines, [11]);
    }

    #[test]
    fn conlleval_spans() {
        let cases: &[(&str, &[&str], &[(usize, usize, &str)])] = &[
            ("IOB1 run", &["I-PER", "I-PER", "O"], &[(0, 2, "PER")]),
            (
                "B splits",
                &["I-LOC", "B-LOC"],
                &[(0, 1, "LOC"), (1, 2, "LOC")],
            ),
            (
                "type change",
                &["I-LOC", "I-ORG"],
                &[(0, 1, "LOC"), (1, 2, "ORG")],
            ),
            (
                "IOB2",
                &["B-PER", "I-PER", "B-PER"],
                &[(0, 2, "PER"), (2, 3, "PER")],
            ),
            ("none", &["O"], &[]),
        ];
        for (name, tags, expected) in cases {
            let got = spans_of_tags(tags);
            let want: Vec<(usize, usize, String)> = expected
                .iter()
                .map(|&(s, e, k)| (s, e, k.to_string()))
                .collect();
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn iob1_marks_only_adjacent_entities() {
        use crate::analysis::entities::tagger::label;
        let labels = [
            label(2, false),
            label(2, false),
            label(2, true),
            0,
            label(0, false),
        ];
        let labels: Vec<u8> = labels.iter().map(|&l| l as u8).collect();
        assert_eq!(iob1(&labels), ["I-LOC", "B-LOC", "I-LOC", "O", "I-PER"]);
    }

    #[test]
    fn scores_exact_matches_only() {
        let mut score = Score::default();
        let gold = spans_of_tags(&["I-PER", "I-PER", "O", "I-LOC"]);
        let pred = spans_of_tags(&["I-PER", "O", "O", "I-LOC"]);
        score.add(&gold, &pred);
        assert_eq!(
            score.overall,
            Counts {
                correct: 1,
                predicted: 2,
                gold: 2
            }
        );
        assert!((score.overall.f1() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn annotate_passes_other_lines_through() {
        let out = annotate(SAMPLE, Tagger::shipped());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), SAMPLE.lines().count());
        assert_eq!(lines[0], "-DOCSTART- -X- O O");
        assert_eq!(lines[1], "");
        assert!(lines[2].starts_with("EU NNP I-NP I-ORG "));
        assert_eq!(lines[2].split(' ').count(), 5);
    }
}
