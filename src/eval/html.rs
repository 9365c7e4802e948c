//! Main-story extraction on the news-html pages: what `lede analyze --html` keeps as the story, and
//! the bag-of-words measure of the article-extraction benchmarks (the data set's `score.py`).
//!
//! The data (`../shared/data/news-html/dev`): `NAME.html`, a news page as crawled, and
//! `NAME.main.txt`, the text its annotators marked as the story (headline and body). What Lede keeps
//! is the text of the paragraphs the analysis calls body or heading, one a line, after the page is
//! imported as a whole page (`import::Source::Page`) with its role hints: exactly the roles
//! `lede analyze --html` prints.
//!
//! The measure, per page: lower-case both texts, cut them into `\w+` tokens (letters, digits and
//! the underscore, as Python's `re` reads `\w`), and compare the two multisets: P = common / kept,
//! R = common / gold, F1 their harmonic mean; an empty output scores 0. Pages are averaged with
//! equal weight. `score.py` on the texts `--out` writes prints the same figures (checked in
//! `tests`, and in the report by running both).

use std::collections::HashMap;
use std::path::Path;

use crate::analysis::captions::{apply_hints, assign_roles_with, Model};
use crate::analysis::model::Role;
use crate::analysis::segment::segment;
use crate::error::{read_text, Error, Result};
use crate::import::{from_html_as, Source};

/// One scored page.
#[derive(Debug, Clone, PartialEq)]
pub struct PageScore {
    pub name: String,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Tokens kept and tokens of the annotated story.
    pub kept_tokens: usize,
    pub gold_tokens: usize,
    /// Control characters dropped from the page as read (a stray NUL).
    pub dropped: usize,
}

/// The mean of the per-page scores, over a set of pages.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Means {
    pub f1: f64,
    pub precision: f64,
    pub recall: f64,
    pub pages: usize,
}

impl Means {
    pub fn of<'a>(scores: impl IntoIterator<Item = &'a PageScore>) -> Means {
        let mut m = Means::default();
        for s in scores {
            m.f1 += s.f1;
            m.precision += s.precision;
            m.recall += s.recall;
            m.pages += 1;
        }
        if m.pages > 0 {
            let n = m.pages as f64;
            m.f1 /= n;
            m.precision /= n;
            m.recall /= n;
        }
        m
    }
}

impl std::fmt::Display for Means {
    /// `score.py`'s last line: percentages with two decimals.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "mean-F1 {:.2} mean-P {:.2} mean-R {:.2} pages {}",
            self.f1 * 100.0,
            self.precision * 100.0,
            self.recall * 100.0,
            self.pages
        )
    }
}

/// The story text Lede keeps from an HTML page: the body and heading paragraphs of the analysis
/// of its import, one a line. The roles are the captions stage's with the import's hints, as in
/// `analyze` (which the test `kept_text_follows_analyze` checks).
pub fn story_text(html: &str) -> String {
    story_text_with(html, Model::shipped())
}

/// `story_text` with `model` as the captions stage's line classifier.
pub fn story_text_with(html: &str, model: &Model) -> String {
    let imported = from_html_as(html, Source::Page);
    let doc = segment(&imported.text);
    let mut roles = assign_roles_with(&imported.text, &doc, model);
    apply_hints(&doc, &imported.hints, &mut roles);
    doc.paragraphs
        .iter()
        .zip(&roles)
        .filter(|(_, r)| matches!(r, Role::Body | Role::Heading))
        .map(|(p, _)| p.span.of(&imported.text))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The `\w+` tokens of `text`, lower-cased: runs of letters, digits and `_`.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() || c == '_' {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Bag-of-words precision, recall and F1 of `kept` against `gold`, with the token counts.
pub fn bag_of_words(kept: &str, gold: &str) -> (f64, f64, f64, usize, usize) {
    let kept = tokens(kept);
    let gold = tokens(gold);
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for t in &kept {
        counts.entry(t).or_default().0 += 1;
    }
    for t in &gold {
        counts.entry(t).or_default().1 += 1;
    }
    let common: usize = counts.values().map(|&(k, g)| k.min(g)).sum();
    let p = super::ratio(common, kept.len());
    let r = super::ratio(common, gold.len());
    (p, r, super::f1(p, r), kept.len(), gold.len())
}

/// The page names of `dir` (`NAME.main.txt` files), sorted.
pub fn page_names(dir: &Path) -> Result<Vec<String>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| Error::Io {
            path: dir.display().to_string(),
            message: e.to_string(),
        })?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".main.txt").map(str::to_string))
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(Error::Usage(format!(
            "no NAME.main.txt pages in {}",
            dir.display()
        )));
    }
    Ok(names)
}

/// Which line classifier reads the paragraphs the import leaves unmarked.
pub enum Classifier<'a> {
    /// The shipped model: trained on folds 1–4 of the L3S text of these same pages, so only
    /// fold 0 is out of its sample.
    Shipped,
    /// Cross-fitted: each page is read by a model trained on the L3S pages of the other four
    /// folds (`eval::captions::train`), so every page is out of sample, as a new page would be.
    CrossFitted(&'a [super::captions::Page]),
}

/// Extracts and scores every page of `dir`; with `out`, also writes each kept text to
/// `out/NAME.txt` (the input `score.py` reads).
pub fn evaluate(dir: &Path, out: Option<&Path>) -> Result<Vec<PageScore>> {
    evaluate_with(dir, out, Classifier::Shipped, None)
}

/// `evaluate`, with the line classifier `classifier`; each `NAME.html` is read from `html_dir`
/// when given (the same pages re-serialised by another parser, say), else from `dir`.
pub fn evaluate_with(
    dir: &Path,
    out: Option<&Path>,
    classifier: Classifier,
    html_dir: Option<&Path>,
) -> Result<Vec<PageScore>> {
    use super::captions::{pages_in, train, FOLDS};
    let names = page_names(dir)?;
    let models: Vec<Model> = match classifier {
        Classifier::Shipped => Vec::new(),
        Classifier::CrossFitted(pages) => {
            let same =
                pages.len() == names.len() && pages.iter().zip(&names).all(|(p, n)| p.name == *n);
            if !same {
                return Err(Error::Usage(
                    "the L3S text pages and the HTML pages must be the same pages".into(),
                ));
            }
            (0..FOLDS)
                .map(|fold| {
                    let others: Vec<usize> = (0..FOLDS).filter(|&f| f != fold).collect();
                    train(&pages_in(pages, &others))
                })
                .collect()
        }
    };
    let read = |path: &Path| -> Result<Vec<u8>> {
        std::fs::read(path).map_err(|e| Error::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })
    };
    if let Some(out) = out {
        std::fs::create_dir_all(out).map_err(|e| Error::Io {
            path: out.display().to_string(),
            message: e.to_string(),
        })?;
    }
    let mut scores = Vec::new();
    for (k, name) in names.into_iter().enumerate() {
        let html_path = html_dir.unwrap_or(dir).join(format!("{name}.html"));
        let gold_path = dir.join(format!("{name}.main.txt"));
        let page = read_text(&read(&html_path)?, &html_path.display().to_string())?;
        let gold = read_text(&read(&gold_path)?, &gold_path.display().to_string())?;
        let model = models.get(k % FOLDS).unwrap_or(Model::shipped());
        let kept = story_text_with(&page.text, model);
        if let Some(out) = out {
            let path = out.join(format!("{name}.txt"));
            std::fs::write(&path, &kept).map_err(|e| Error::Io {
                path: path.display().to_string(),
                message: e.to_string(),
            })?;
        }
        let (precision, recall, f1, kept_tokens, gold_tokens) = bag_of_words(&kept, &gold.text);
        scores.push(PageScore {
            name,
            precision,
            recall,
            f1,
            kept_tokens,
            gold_tokens,
            dropped: page.dropped,
        });
    }
    Ok(scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_python_word_runs() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("plain", "Putin met Witkoff.", &["putin", "met", "witkoff"]),
            ("apostrophe splits", "it's", &["it", "s"]),
            ("digits and underscore", "a_1 2,000", &["a_1", "2", "000"]),
            ("accents", "Zürich ÉTÉ", &["zürich", "été"]),
            ("punctuation only", "— … !", &[]),
        ];
        for (name, text, expected) in cases {
            assert_eq!(tokens(text), *expected, "{name}");
        }
    }

    #[test]
    fn bag_of_words_counts_multisets() {
        let (p, r, f, k, g) = bag_of_words("the cat the cat", "the cat sat");
        assert_eq!((k, g), (4, 3));
        assert!(
            (p - 0.5).abs() < 1e-12,
            "two of four kept tokens are common"
        );
        assert!((r - 2.0 / 3.0).abs() < 1e-12);
        assert!((f - 4.0 / 7.0).abs() < 1e-12);
        assert_eq!(bag_of_words("", "story").2, 0.0, "empty output scores 0");
    }

    /// The news-html dev pages sit beside the clone, at `../shared/data/news-html/dev`.
    #[test]
    fn dev_scores_stay_above_their_floors() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/news-html/dev");
        if !dir.is_dir() {
            println!("skipped: {} is absent", dir.display());
            return;
        }
        let scores = evaluate(&dir, None).unwrap();
        assert_eq!(scores.len(), 310);
        let m = Means::of(&scores);
        println!("{m}");
        assert!(m.f1 >= FLOOR_F1, "{m}");
        let empty: Vec<&str> = scores
            .iter()
            .filter(|s| s.kept_tokens == 0 && s.gold_tokens > 0)
            .map(|s| s.name.as_str())
            .collect();
        assert!(empty.is_empty(), "pages kept empty: {empty:?}");
    }

    /// Just under the shipped figure, `lede eval-html`: mean F1 98.12 (98.04 cross-fitted).
    const FLOOR_F1: f64 = 0.978;

    #[test]
    fn kept_text_follows_analyze() {
        let page = include_str!("../../tests/data/ap-news-page.html");
        let imported = from_html_as(page, Source::Page);
        let options = crate::Options {
            hints: imported.hints.clone(),
            ..Default::default()
        };
        let analysis = crate::analyze(&imported.text, &options);
        let index = crate::analysis::offsets::CharIndex::new(&imported.text);
        let expected: Vec<&str> = analysis
            .paragraphs
            .iter()
            .filter(|p| matches!(p.role, Role::Body | Role::Heading))
            .map(|p| &imported.text[index.byte_of(p.start)..index.byte_of(p.end)])
            .collect();
        assert_eq!(story_text(page), expected.join("\n"));
    }
}
