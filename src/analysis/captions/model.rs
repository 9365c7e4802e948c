//! The line classifier: a linear model over the named features of `features`, three classes.
//!
//! The model's text (`model/captions.txt`) is for a reviewer to read what it learned (`<TAB>`
//! marks a tab; the numbers are illustrative):
//!
//! ```text
//! LEDE-CAPTIONS-MODEL 1
//! classes body supplement boilerplate
//! bias<TAB>-120<TAB>-850<TAB>970
//! sig:photo_credit<TAB>-2310<TAB>2975<TAB>-665
//! ```
//!
//! One line per feature, tab-separated: the feature, then one integer weight per class (averaged
//! perceptron weights times 1000, truncated toward zero, then averaged over a few training runs).
//! A line's class is the one with the highest summed weight; ties go to the earlier class, so an
//! empty model calls everything body.
//!
//! What the build carries is the same model packed (`model/captions.bin`, `packed_weights`:
//! 21 KB gzipped where the text is 36 KB). `lede train-captions` writes both, byte for byte (see
//! `crate::eval::captions`); a test checks that the one is the other packed.

use crate::analysis::feature_weights::Weights;

use crate::analysis::model_bytes::Reader;
use crate::analysis::packed_weights;
use crate::error::{Error, Result};

/// The first line of every model file; a different header or version is an error.
pub const MAGIC: &str = "LEDE-CAPTIONS-MODEL 1";

/// The model that ships with Lede, trained on the L3S-GN1 dev pages outside the held-out fold,
/// packed.
const SHIPPED: &[u8] = include_bytes!("../../../model/captions.bin");

/// What the model tells apart. `Supplement` is L3S's "caption" label: photo captions, bylines,
/// date lines, credits — text about the story rather than the story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    Body,
    Supplement,
    Boilerplate,
}

impl Class {
    pub const ALL: [Class; 3] = [Class::Body, Class::Supplement, Class::Boilerplate];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn name(self) -> &'static str {
        match self {
            Class::Body => "body",
            Class::Supplement => "supplement",
            Class::Boilerplate => "boilerplate",
        }
    }
}

/// Feature weights, one per class.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Model {
    weights: Weights<[i32; 3]>,
}

impl Model {
    /// The model compiled into the crate, parsed once per process (the browser re-analyses on
    /// every edit). It is checked by a test, so parsing cannot fail at runtime; a corrupt file
    /// would still only give an empty model (everything body), never a panic.
    pub fn shipped() -> &'static Model {
        static SHIPPED_MODEL: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
        SHIPPED_MODEL.get_or_init(|| Model::from_bytes(SHIPPED).unwrap_or_default())
    }

    pub fn from_weights(weights: Weights<[i32; 3]>) -> Model {
        Model { weights }
    }

    /// Reads a model file.
    pub fn parse(text: &str) -> Result<Model> {
        let bad = |m: String| Error::Model(m);
        let mut lines = text.lines();
        let header = lines.next().unwrap_or("");
        if header != MAGIC {
            return Err(bad(format!("expected header '{MAGIC}', found '{header}'")));
        }
        let classes = lines.next().unwrap_or("");
        if classes != "classes body supplement boilerplate" {
            return Err(bad(format!("unexpected classes line '{classes}'")));
        }
        let mut weights = Weights::default();
        for (n, line) in lines.enumerate() {
            let mut parts = line.split('\t');
            let name = parts.next().unwrap_or("");
            let mut w = [0i32; 3];
            for slot in &mut w {
                *slot = parts
                    .next()
                    .and_then(|p| p.parse().ok())
                    .ok_or_else(|| bad(format!("line {}: expected 3 integer weights", n + 3)))?;
            }
            if parts.next().is_some() || name.is_empty() {
                return Err(bad(format!("line {}: malformed", n + 3)));
            }
            weights.insert(name.to_string(), w);
        }
        Ok(Model { weights })
    }

    /// Reads a model file, packed (`to_bytes`) or text (`to_text`).
    pub fn read(bytes: &[u8]) -> Result<Model> {
        packed_weights::packed_or_text(
            bytes,
            MAGIC,
            "captions model",
            Model::from_bytes,
            Model::parse,
        )
    }

    /// Reads a packed model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model> {
        let mut r = Reader::new(bytes);
        packed_weights::read_magic(&mut r, MAGIC)?;
        let rows = packed_weights::read(&mut r, 3, "captions model")?;
        r.finish()?;
        let mut weights = Weights::with_capacity_and_hasher(rows.len(), Default::default());
        for (name, w) in rows.iter() {
            weights.insert(name.to_string(), [w[0], w[1], w[2]]);
        }
        Ok(Model { weights })
    }

    /// The packed model file (`packed_weights`): what `to_text` says, in a third of the bytes.
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        packed_weights::write_magic(&mut out, MAGIC);
        let rows = self.weights.iter().map(|(n, w)| (n.as_str(), &w[..]));
        packed_weights::write(&mut out, 3, rows)?;
        Ok(out)
    }

    /// Writes the model file: header, then features in byte order, so equal models give equal
    /// bytes.
    pub fn to_text(&self) -> String {
        let mut names: Vec<&String> = self.weights.keys().collect();
        names.sort();
        let mut out = format!("{MAGIC}\nclasses body supplement boilerplate\n");
        for name in names {
            let w = self.weights[name];
            out.push_str(&format!("{name}\t{}\t{}\t{}\n", w[0], w[1], w[2]));
        }
        out
    }

    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// The summed weight of each class for one line's features.
    pub fn scores(&self, features: &[String]) -> [i64; 3] {
        self.scores_of(features.iter().map(String::as_str))
    }

    /// `scores` over borrowed names, such as a `FeatureList`'s.
    pub fn scores_of<'a>(&self, features: impl IntoIterator<Item = &'a str>) -> [i64; 3] {
        let mut s = [0i64; 3];
        for f in features {
            if let Some(w) = self.weights.get(f) {
                for k in 0..3 {
                    s[k] += i64::from(w[k]);
                }
            }
        }
        s
    }

    /// The best class for one line's features.
    pub fn classify(&self, features: &[String]) -> Class {
        best(self.scores(features))
    }
}

/// The class with the highest score; the earliest one on a tie.
pub fn best(scores: [i64; 3]) -> Class {
    let mut k = 0;
    for j in 1..3 {
        if scores[j] > scores[k] {
            k = j;
        }
    }
    Class::ALL[k]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The model's text, kept for reading and diffing; the build carries `SHIPPED`.
    const TEXT: &str = include_str!("../../../model/captions.txt");

    /// The shipped model is the committed text packed, and unpacks to it, byte for byte: the two
    /// files cannot drift apart.
    #[test]
    fn the_shipped_model_is_its_text_packed() {
        let model = Model::parse(TEXT).expect("captions.txt is well formed");
        assert_eq!(model.len(), 3_224);
        assert_eq!(model.to_text(), TEXT, "captions.txt is in canonical order");
        assert!(
            model.to_bytes().unwrap() == SHIPPED,
            "model/captions.bin is not model/captions.txt packed: run `lede pack-model model/captions.txt`"
        );
        let shipped = Model::from_bytes(SHIPPED).unwrap();
        assert_eq!(shipped, model);
        assert_eq!(Model::read(SHIPPED).unwrap(), model);
        assert_eq!(Model::read(TEXT.as_bytes()).unwrap(), model);
        assert_eq!(Model::shipped(), &model);
    }

    #[test]
    fn a_packed_file_of_another_model_is_an_error() {
        let mut other = Vec::new();
        packed_weights::write_magic(&mut other, "LEDE-SPEECH-MODEL 1");
        packed_weights::write(&mut other, 1, [("bias", &[1][..])]).unwrap();
        assert!(Model::from_bytes(&other).is_err());
        assert!(Model::read(&other).is_err());
        assert!(Model::read(b"\xff\xfe").is_err());
    }

    #[test]
    fn bad_files_are_errors() {
        let cases = [
            ("no header", "classes body supplement boilerplate\n"),
            (
                "old version",
                "LEDE-CAPTIONS-MODEL 0\nclasses body supplement boilerplate\n",
            ),
            (
                "two weights",
                "LEDE-CAPTIONS-MODEL 1\nclasses body supplement boilerplate\nbias\t1\t2\n",
            ),
            (
                "not a number",
                "LEDE-CAPTIONS-MODEL 1\nclasses body supplement boilerplate\nbias\t1\tx\t2\n",
            ),
            (
                "four weights",
                "LEDE-CAPTIONS-MODEL 1\nclasses body supplement boilerplate\nbias\t1\t2\t3\t4\n",
            ),
        ];
        for (name, text) in cases {
            assert!(Model::parse(text).is_err(), "{name}");
        }
    }

    #[test]
    fn scoring_sums_weights_and_ties_go_to_body() {
        let model = Model::parse(
            "LEDE-CAPTIONS-MODEL 1\nclasses body supplement boilerplate\na\t1\t5\t0\nb\t4\t0\t0\n",
        )
        .unwrap();
        let f = |names: &[&str]| names.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(model.classify(&f(&["a"])), Class::Supplement);
        assert_eq!(model.classify(&f(&["a", "b"])), Class::Body);
        assert_eq!(model.classify(&f(&["unknown"])), Class::Body);
    }
}
