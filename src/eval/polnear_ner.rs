//! The modern-news entity dev set: hand annotations of 42 PolNeAR dev articles (2016 US political
//! news, seven outlets) to the CoNLL-2003 guidelines, kept as standoff in `tests/data/polnear-ner/`
//! (see its README for the guidelines and how the set was made).
//!
//! The article text is the publishers' and stays in `../shared/data`: each `.ann` file holds only
//! code-point offsets and types, plus the SHA-256 of the text they index, so a different copy of an
//! article is refused instead of being scored against offsets that no longer fit it.
//!
//! Scoring runs the whole entity stage on the raw text, as the app does (segmentation, paragraph
//! roles, the tagger, the title and name splits), and counts a mention right only when its type and
//! both ends match the gold exactly, as `conlleval` does for tokens.

use std::path::Path;

use sha2::{Digest, Sha256};

use super::conll::Score;
use crate::analysis::entities::{self, Tagger};
use crate::analysis::offsets::CharIndex;
use crate::analysis::{captions, segment};
use crate::error::{Error, Result};

/// Where the standoff files are, in this repository.
pub const ANN_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/polnear-ner");

/// Where the article texts are (`../shared/data` from the main clone).
pub const TEXT_DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/data/polnear/dev/text"
);

/// One `(start, end, type)` entity, in code points.
pub type Span = (usize, usize, String);

/// One annotated article.
#[derive(Debug, Clone)]
pub struct Article {
    pub name: String,
    /// `dev` (measured on every change) or `check` (read now and then, never tuned on).
    pub split: String,
    pub text: String,
    pub gold: Vec<Span>,
}

/// Reads every `.ann` of `ann_dir` with its text from `text_dir`, in name order.
pub fn load(ann_dir: &Path, text_dir: &Path) -> Result<Vec<Article>> {
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |e: std::io::Error| Error::Io {
            path: path.clone(),
            message: e.to_string(),
        }
    };
    let mut names: Vec<String> = std::fs::read_dir(ann_dir)
        .map_err(io(ann_dir))?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".ann").map(str::to_string)
        })
        .collect();
    names.sort();
    let mut articles = Vec::with_capacity(names.len());
    for name in names {
        let ann_path = ann_dir.join(format!("{name}.ann"));
        let text_path = text_dir.join(format!("{name}.txt"));
        let ann = std::fs::read_to_string(&ann_path).map_err(io(&ann_path))?;
        let text = std::fs::read_to_string(&text_path).map_err(io(&text_path))?;
        let (digest, split, gold) = parse_ann(&ann).map_err(|message| Error::Io {
            path: ann_path.display().to_string(),
            message,
        })?;
        let actual = hex(&Sha256::digest(text.as_bytes()));
        if digest != actual {
            return Err(Error::Io {
                path: text_path.display().to_string(),
                message: format!(
                    "its SHA-256 is {actual}, but {name}.ann was made on a text with {digest}"
                ),
            });
        }
        let chars = text.chars().count();
        if gold.iter().any(|(_, end, _)| *end > chars) {
            return Err(Error::Io {
                path: ann_path.display().to_string(),
                message: "a span ends past the text".into(),
            });
        }
        articles.push(Article {
            name,
            split,
            text,
            gold,
        });
    }
    Ok(articles)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `(sha256, split, spans)` of one standoff file.
fn parse_ann(ann: &str) -> std::result::Result<(String, String, Vec<Span>), String> {
    let (mut digest, mut split) = (None, String::from("dev"));
    let mut spans = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        if let Some(rest) = line.strip_prefix("# sha256 ") {
            digest = Some(rest.trim().to_string());
        } else if let Some(rest) = line.strip_prefix("# split ") {
            split = rest.trim().to_string();
        } else if !line.is_empty() && !line.starts_with('#') {
            let bad = || format!("line {}: want START<TAB>END<TAB>TYPE", n + 1);
            let mut fields = line.split('\t');
            let (Some(a), Some(b), Some(t), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err(bad());
            };
            let (a, b) = (
                a.parse::<usize>().map_err(|_| bad())?,
                b.parse::<usize>().map_err(|_| bad())?,
            );
            if a >= b || !entities::tagger::TYPES.contains(&t) {
                return Err(bad());
            }
            spans.push((a, b, t.to_string()));
        }
    }
    let digest = digest.ok_or("no '# sha256' line")?;
    Ok((digest, split, spans))
}

/// The names (PER, ORG, LOC, MISC) Lede's entity stage finds in `text` with `tagger`, in code
/// points: the same stages, in the same order, as `analyze`.
pub fn predict(text: &str, tagger: &Tagger) -> Vec<Span> {
    let doc = segment::segment(text);
    let roles = captions::analyze_captions(text, &doc).roles;
    let found = entities::find_with(text, &doc, &roles, tagger, None);
    let index = CharIndex::new(text);
    found
        .mentions
        .iter()
        .filter(|m| entities::tagger::TYPES.contains(&m.label))
        .map(|m| {
            (
                index.char_of(m.span.start),
                index.char_of(m.span.end),
                m.label.to_string(),
            )
        })
        .collect()
}

/// Scores `tagger` on the articles of `split` (`None`: all of them).
pub fn score(articles: &[Article], split: Option<&str>, tagger: &Tagger) -> Score {
    let mut score = Score::default();
    for article in articles
        .iter()
        .filter(|a| split.is_none_or(|s| a.split == s))
    {
        score.add(&article.gold, &predict(&article.text, tagger));
    }
    score
}

/// The misses and false alarms of one article, one line each with a little context: for reading
/// errors on a terminal (the text stays out of the repository).
pub fn errors(article: &Article, tagger: &Tagger) -> Vec<String> {
    let predicted = predict(&article.text, tagger);
    let chars: Vec<char> = article.text.chars().collect();
    let show = |(a, b, t): &Span| {
        let left: String = chars[a.saturating_sub(30)..*a].iter().collect();
        let name: String = chars[*a..*b].iter().collect();
        let right: String = chars[*b..(*b + 30).min(chars.len())].iter().collect();
        format!("{t:<4} …{}[{name}]{}…", flat(&left), flat(&right))
    };
    let mut out = Vec::new();
    for g in article.gold.iter().filter(|g| !predicted.contains(g)) {
        out.push(format!("missed  {}", show(g)));
    }
    for p in predicted.iter().filter(|p| !article.gold.contains(p)) {
        out.push(format!("wrong   {}", show(p)));
    }
    out
}

fn flat(s: &str) -> String {
    s.replace(['\n', '\r', '\t'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standoff_lines_parse_and_bad_ones_are_refused() {
        let (digest, split, spans) =
            parse_ann("# sha256 abc\n# split check\n0\t5\tPER\n9\t12\tLOC\n").unwrap();
        assert_eq!((digest.as_str(), split.as_str()), ("abc", "check"));
        assert_eq!(
            spans,
            vec![(0, 5, "PER".to_string()), (9, 12, "LOC".to_string())]
        );
        for bad in [
            "# sha256 a\n0\t5\tPERSON\n",
            "# sha256 a\n5\t5\tPER\n",
            "# sha256 a\n0\t5\n",
            "0\t5\tPER\n",
        ] {
            assert!(parse_ann(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_hash_is_sha256() {
        assert_eq!(
            hex(&Sha256::digest(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
