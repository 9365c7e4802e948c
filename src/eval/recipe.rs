//! What the shipped entity model is trained on and judged by: the corpora, their weights and the
//! dev sets, in one place, so `lede train-ner` rebuilds `model/ner.bin` byte for byte and every
//! experiment differs from it by named flags only.
//!
//! - **Training**: CoNLL-2003 `eng.train` (1996 Reuters), restyled the way news is written today
//!   (`restyle`), plus wikigold (Wikipedia, CC-BY 4.0) at a lower weight.
//! - **Choosing the epoch**: the mean of the F1 on `eng.testa` and on the modern-news dev set
//!   (`polnear_ner`, split `dev`), never one set alone. Wikigold is trained on, so it is scored by
//!   cross-validation (`--cv-wikigold`), each fold by a model that never saw it.

use std::io::Write;
use std::path::Path;

use super::conll::{self, Document, Score};
use super::polnear_ner::{self, Article};
use super::restyle::{restyle, Restyle};
use super::train::Corpus;
use crate::analysis::entities::gazetteer::Gazetteer;
use crate::analysis::entities::model::Model;
use crate::analysis::entities::Tagger;
use crate::error::{Error, Result};

pub const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data");

/// How many folds wikigold is cut into for cross-validation (documents dealt round-robin).
pub const WIKIGOLD_FOLDS: usize = 5;

/// The training data of one model.
#[derive(Debug, Clone)]
pub struct Recipe {
    /// CoNLL-2003 training file.
    pub train: String,
    /// Restyling of the CoNLL documents; `None` keeps them as they are.
    pub restyle: Option<Restyle>,
    /// Weight of wikigold's sentences; 0 leaves wikigold out.
    pub wikigold: f32,
    /// A wikigold fold left out of training (cross-validation).
    pub wikigold_holdout: Option<usize>,
    /// Further CoNLL-format files, each with its weight.
    pub extra: Vec<(String, f32)>,
}

impl Default for Recipe {
    fn default() -> Self {
        Recipe {
            train: format!("{SHARED}/conll2003/eng.train"),
            restyle: Some(Restyle::default()),
            wikigold: 0.5,
            wikigold_holdout: None,
            extra: Vec::new(),
        }
    }
}

/// The seed of the restyling, fixed so the shipped model rebuilds byte for byte.
const RESTYLE_SEED: u64 = 0x2016;

pub fn read_conll(path: &str) -> Result<Vec<Document>> {
    let bytes = std::fs::read(path).map_err(|e| Error::Io {
        path: path.to_string(),
        message: e.to_string(),
    })?;
    Ok(conll::read(&crate::error::decode_text(&bytes, path)?))
}

/// Wikigold's documents, and the fold of each.
pub fn wikigold() -> Result<Vec<(usize, Document)>> {
    let docs = read_conll(&format!("{SHARED}/ner-extra/wikigold/wikigold.conll.txt"))?;
    Ok(docs
        .into_iter()
        .enumerate()
        .map(|(i, d)| (i % WIKIGOLD_FOLDS, d))
        .collect())
}

impl Recipe {
    /// The corpora this recipe trains on.
    pub fn corpora(&self) -> Result<Vec<Corpus>> {
        let mut train = read_conll(&self.train)?;
        if let Some(options) = self.restyle {
            train = restyle(&train, options, RESTYLE_SEED);
        }
        let mut corpora = vec![Corpus {
            name: "eng.train".into(),
            docs: train,
            weight: 1.0,
        }];
        if self.wikigold > 0.0 {
            corpora.push(Corpus {
                name: "wikigold".into(),
                docs: wikigold()?
                    .into_iter()
                    .filter(|(fold, _)| Some(*fold) != self.wikigold_holdout)
                    .map(|(_, d)| d)
                    .collect(),
                weight: self.wikigold,
            });
        }
        for (path, weight) in &self.extra {
            corpora.push(Corpus {
                name: path.clone(),
                docs: read_conll(path)?,
                weight: *weight,
            });
        }
        Ok(corpora)
    }
}

/// The dev sets a model is judged by while it trains.
pub struct DevSets {
    pub testa: Vec<Document>,
    pub modern: Vec<Article>,
    /// Wikigold documents no model of this run trains on (cross-validation), if any.
    pub wikigold: Vec<Document>,
}

impl DevSets {
    pub fn load(testa: &str, wikigold_holdout: Option<usize>) -> Result<DevSets> {
        let modern = polnear_ner::load(
            Path::new(polnear_ner::ANN_DIR),
            Path::new(polnear_ner::TEXT_DIR),
        )?;
        let wikigold = match wikigold_holdout {
            None => Vec::new(),
            Some(k) => wikigold()?
                .into_iter()
                .filter(|(fold, _)| *fold == k)
                .map(|(_, d)| d)
                .collect(),
        };
        Ok(DevSets {
            testa: read_conll(testa)?,
            modern,
            wikigold,
        })
    }

    /// The scores of `model`: testa, the modern dev split, and the held-out wikigold fold.
    pub fn scores(&self, model: &Model) -> (Score, Score, Score) {
        let tagger = Tagger {
            model,
            gazetteer: Gazetteer::shipped(),
        };
        let conll_score =
            |docs: &[Document]| conll::score(docs, &conll::tag_documents(&tagger, docs));
        (
            conll_score(&self.testa),
            polnear_ner::score(&self.modern, Some("dev"), &tagger),
            conll_score(&self.wikigold),
        )
    }

    /// The epoch criterion: the mean F1 of testa and the modern dev split. Prints all three.
    pub fn evaluate(&self, model: &Model, log: &mut dyn Write) -> f64 {
        let (testa, modern, wiki) = self.scores(model);
        let f = |s: &Score| 100.0 * s.overall.f1();
        let _ = write!(log, " testa {:.2} modern {:.2}", f(&testa), f(&modern));
        if !self.wikigold.is_empty() {
            let _ = write!(log, " wikigold(held out) {:.2}", f(&wiki));
        }
        (testa.overall.f1() + modern.overall.f1()) / 2.0
    }
}

/// The unlabelled text the word classes are induced from, as token forms (`wordclass::form` of the
/// typography-folded token), one list a sentence: PolNeAR's train split (2015–16 US news), the L3S
/// pages (2008 news pages), TempEval-3's TBAQ (1990s news) and CoNLL-2003's `eng.train` (1996
/// Reuters). None of the dev sets is in it: not `eng.testa`, not the PolNeAR dev articles of the
/// modern-news set, not wikigold. The files are read as stored (`read_corpus_text`).
pub fn unlabelled_sentences() -> Result<Vec<Vec<String>>> {
    use crate::analysis::entities::features::normalize;
    use crate::analysis::entities::wordclass::form;
    use crate::analysis::segment;
    let mut sentences = Vec::new();
    let mut add_text = |text: &str| {
        let doc = segment::segment(text);
        for s in &doc.sentences {
            sentences.push(
                doc.tokens[s.tokens.clone()]
                    .iter()
                    .map(|t| form(&normalize(t.span.of(text))).into_owned())
                    .collect(),
            );
        }
    };
    for dir in ["polnear/train/text", "captions-l3s/dev"] {
        for path in sorted_files(&format!("{SHARED}/{dir}"), ".txt")? {
            add_text(&read_corpus_text(&path)?);
        }
    }
    for source in ["TimeBank", "AQUAINT"] {
        for path in sorted_files(&format!("{SHARED}/tempeval3/TBAQ-cleaned/{source}"), ".tml")? {
            add_text(&strip_tags(&read_corpus_text(&path)?));
        }
    }
    for doc in read_conll(&format!("{SHARED}/conll2003/eng.train"))? {
        for s in doc.sentences {
            sentences.push(
                s.tokens
                    .iter()
                    .map(|t| form(&normalize(t)).into_owned())
                    .collect(),
            );
        }
    }
    Ok(sentences)
}

/// A corpus file's text as stored: UTF-8, a leading BOM dropped, nothing else touched.
///
/// Not `error::decode_text`, which reads what a reader opens in the app and, since the HTML import
/// (1644db8), drops control characters from it. Nine PolNeAR train articles carry C1 controls
/// inside doubly encoded letters (`Ã\u{83}Â¡` for `á`); read that way, the word classes lost two
/// such words (16,227 → 16,225) and, the exchange clustering being chaotic, most other words
/// changed class, so the shipped table no longer rebuilt. Training text is data: it is read as
/// stored, so that how the app treats a reader's file cannot change what a model learns from.
fn read_corpus_text(path: &str) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::Io {
        path: path.to_string(),
        message: e.to_string(),
    })?;
    corpus_text(&bytes, path)
}

/// The text of a corpus file's bytes (`read_corpus_text`).
fn corpus_text(bytes: &[u8], path: &str) -> Result<String> {
    let text = std::str::from_utf8(bytes).map_err(|e| Error::NotText {
        source: path.to_string(),
        reason: format!(
            "it is not UTF-8 (invalid byte at offset {})",
            e.valid_up_to()
        ),
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text).to_string())
}

/// The files of `dir` ending in `suffix`, sorted by name.
fn sorted_files(dir: &str, suffix: &str) -> Result<Vec<String>> {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| Error::Io {
            path: dir.to_string(),
            message: e.to_string(),
        })?
        .filter_map(|e| e.ok())
        .map(|e| e.path().display().to_string())
        .filter(|p| p.ends_with(suffix))
        .collect();
    files.sort();
    Ok(files)
}

/// The text of a TimeML file without its tags (the document's own text only, from `<TEXT>`).
fn strip_tags(xml: &str) -> String {
    let body = xml.split_once("<TEXT>").map_or(xml, |(_, rest)| {
        rest.split("</TEXT>").next().unwrap_or(rest)
    });
    let mut out = String::with_capacity(body.len());
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The corpus is read as stored, control characters and all, where the app's reader drops
    /// them: the word classes were induced from the text with them (`read_corpus_text`).
    #[test]
    fn corpus_text_is_read_as_stored() {
        let cases: &[(&str, &[u8], &str)] = &[
            ("plain", b"Mr. Trump said.", "Mr. Trump said."),
            ("a BOM dropped", b"\xef\xbb\xbfMr. Trump", "Mr. Trump"),
            (
                "a C1 control kept",
                "Peñ\u{83}a said.".as_bytes(),
                "Peñ\u{83}a said.",
            ),
            ("a NUL kept", b"one\0two", "one\0two"),
        ];
        for (name, bytes, want) in cases {
            assert_eq!(corpus_text(bytes, "f.txt").unwrap(), *want, "{name}");
        }
        let story = format!("Peñ\u{83}a said. {}", "More of the story. ".repeat(10));
        let app = crate::error::decode_text(story.as_bytes(), "f.txt").unwrap();
        assert!(
            app.starts_with("Peña said."),
            "the app's reader drops it: {app}"
        );
        assert_eq!(corpus_text(story.as_bytes(), "f.txt").unwrap(), story);
    }

    #[test]
    fn a_corpus_file_that_is_not_utf8_is_an_error_naming_it() {
        let err = corpus_text(b"caf\xe9", "polnear/x.txt")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("polnear/x.txt") && err.contains("not UTF-8"),
            "{err}"
        );
    }
}
