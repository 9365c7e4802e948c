//! The text format of the small learned rankers (quotes' speech model, the timeline's anchoring
//! model): a header line naming the model, then one `feature<TAB>weight` line per non-zero
//! weight, sorted by name, so a retrained model diffs line by line and rebuilds byte for byte.
//! The build carries them packed (`packed_weights`: the same non-zero weights, one a row).

use std::collections::HashMap;
use std::fmt::{self, Write};
use std::hash::BuildHasherDefault;

use crate::analysis::entities::features::Fnv;
use crate::analysis::model_bytes::Reader;
use crate::analysis::packed_weights;
use crate::error::{Error, Result};

/// A model's weights by feature name. FNV rather than std's SipHash: every option or line looks up
/// dozens of short names, and a table read from the model file, never grown from the input, has
/// no hash flooding to fear. Nothing reads it in its own order (files are written sorted).
pub type Weights<V = i32> = HashMap<String, V, BuildHasherDefault<Fnv>>;

/// The named features of one option or line, written one after another into one buffer: the
/// rankers build dozens of short names (`kind:verb|dir:L`) per option, and a `String` each cost
/// an allocation and a free per name. `features()` functions that training reads still return
/// `Vec<String>` (`to_strings`); scoring reads the names straight from the buffer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FeatureList {
    text: String,
    /// Where each name ends in `text`; a name starts where the one before it ends.
    ends: Vec<usize>,
}

impl FeatureList {
    pub fn new() -> FeatureList {
        FeatureList::default()
    }

    /// Forgets every name, keeping the buffers for the next option.
    pub fn clear(&mut self) {
        self.text.clear();
        self.ends.clear();
    }

    /// Adds one name, written from `args` (`format_args!`), with no allocation of its own.
    pub fn add(&mut self, args: fmt::Arguments) {
        // Writing into a `String` cannot fail.
        let _ = self.text.write_fmt(args);
        self.ends.push(self.text.len());
    }

    /// Adds one name made of `parts` end to end: what `add` does for a name of plain strings,
    /// without going through `fmt` (the timeline's ranker writes thousands per article).
    pub fn add_parts(&mut self, parts: &[&str]) {
        for part in parts {
            self.text.push_str(part);
        }
        self.ends.push(self.text.len());
    }

    /// Adds one name, `prefix` then `args`: the captions' second pass marks its names `2|…`.
    pub fn add_prefixed(&mut self, prefix: &str, args: fmt::Arguments) {
        self.text.push_str(prefix);
        self.add(args);
    }

    /// Adds one name given whole.
    pub fn add_str(&mut self, name: &str) {
        self.text.push_str(name);
        self.ends.push(self.text.len());
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The names, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .map(|(start, &end)| &self.text[start..end])
    }

    /// The names as owned strings, for training and for tests.
    pub fn to_strings(&self) -> Vec<String> {
        self.iter().map(str::to_string).collect()
    }
}

/// Reads a weights file whose first line must be `magic`; `what` names the model in errors.
pub fn parse(text: &str, magic: &str, what: &str) -> Result<Weights> {
    let mut lines = text.lines();
    let header = lines.next().unwrap_or("");
    if header != magic {
        return Err(Error::Model(format!(
            "expected header '{magic}', found '{header}'"
        )));
    }
    let mut weights = Weights::default();
    for (n, line) in lines.enumerate() {
        let (name, w) = line
            .rsplit_once('\t')
            .ok_or_else(|| Error::Model(format!("{what} line {}: no tab", n + 2)))?;
        let w: i32 = w
            .parse()
            .map_err(|_| Error::Model(format!("{what} line {}: bad weight", n + 2)))?;
        weights.insert(name.to_string(), w);
    }
    Ok(weights)
}

/// The file text: `magic`, then the non-zero weights sorted by name.
pub fn to_text(weights: &Weights, magic: &str) -> String {
    let mut rows: Vec<(&String, &i32)> = weights.iter().filter(|(_, w)| **w != 0).collect();
    rows.sort();
    let mut out = format!("{magic}\n");
    for (name, w) in rows {
        out.push_str(&format!("{name}\t{w}\n"));
    }
    out
}

/// Appends the non-zero weights as a packed table (`packed_weights`), one weight a row: what
/// `to_text` writes after its header.
pub fn write_packed(out: &mut Vec<u8>, weights: &Weights) -> Result<()> {
    let rows = weights
        .iter()
        .filter(|(_, w)| **w != 0)
        .map(|(name, w)| (name.as_str(), std::slice::from_ref(w)));
    packed_weights::write(out, 1, rows)
}

/// Reads a table `write_packed` wrote; `what` names the model in errors.
pub fn read_packed(r: &mut Reader, what: &str) -> Result<Weights> {
    let rows = packed_weights::read(r, 1, what)?;
    let mut weights = Weights::with_capacity_and_hasher(rows.len(), Default::default());
    for (name, w) in rows.iter() {
        weights.insert(name.to_string(), w[0]);
    }
    Ok(weights)
}

/// The packed file of a model whose text header is `magic`: that header, then the table.
pub fn to_bytes(weights: &Weights, magic: &str) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    packed_weights::write_magic(&mut out, magic);
    write_packed(&mut out, weights)?;
    Ok(out)
}

/// Reads a packed weights file (`to_bytes`) of the model `magic`.
pub fn from_bytes(bytes: &[u8], magic: &str, what: &str) -> Result<Weights> {
    let mut r = Reader::new(bytes);
    packed_weights::read_magic(&mut r, magic)?;
    let weights = read_packed(&mut r, what)?;
    r.finish()?;
    Ok(weights)
}

/// Reads a weights file, packed (`to_bytes`) or text (`to_text`), of the model `magic`.
pub fn read(bytes: &[u8], magic: &str, what: &str) -> Result<Weights> {
    packed_weights::packed_or_text(
        bytes,
        magic,
        what,
        |b| from_bytes(b, magic, what),
        |t| parse(t, magic, what),
    )
}

/// The sum of the weights of `features`; unknown features weigh nothing.
pub fn score(weights: &Weights, features: &[String]) -> i64 {
    score_names(weights, features.iter().map(String::as_str))
}

/// `score` over borrowed names, such as a `FeatureList`'s.
pub fn score_names<'a>(weights: &Weights, names: impl IntoIterator<Item = &'a str>) -> i64 {
    names
        .into_iter()
        .filter_map(|f| weights.get(f))
        .map(|&w| i64::from(w))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three features, one of them zero, out of order.
    fn three_weights() -> Weights {
        [
            ("b".to_string(), -2),
            ("a".to_string(), 3),
            ("z".to_string(), 0),
        ]
        .into_iter()
        .collect()
    }

    #[test]
    fn round_trips_and_reports_bad_lines() {
        let weights = three_weights();
        let text = to_text(&weights, "M 1");
        assert_eq!(text, "M 1\na\t3\nb\t-2\n");
        let back = parse(&text, "M 1", "test model").unwrap();
        assert_eq!(score(&back, &["a".into(), "b".into(), "q".into()]), 1);
        assert!(parse("M 2\n", "M 1", "test model").is_err());
        let err = parse("M 1\na\tx\n", "M 1", "test model").unwrap_err();
        assert!(
            err.to_string().contains("test model line 2: bad weight"),
            "{err}"
        );
        assert!(parse("M 1\nno tab\n", "M 1", "test model").is_err());
    }

    #[test]
    fn packed_files_hold_what_the_text_holds() {
        let weights = three_weights();
        let bytes = to_bytes(&weights, "M 1").unwrap();
        assert!(bytes.starts_with(b"M 1 packed 1\n"));
        let text = to_text(&weights, "M 1");
        let packed = read(&bytes, "M 1", "test model").unwrap();
        let unpacked = read(text.as_bytes(), "M 1", "test model").unwrap();
        assert_eq!(packed, unpacked, "the zero weight is left out of both");
        assert_eq!(to_text(&packed, "M 1"), text);
        assert!(read(&bytes, "M 2", "test model").is_err(), "another model");
        assert!(
            from_bytes(text.as_bytes(), "M 1", "test model").is_err(),
            "not packed"
        );
        assert!(read(&bytes[..bytes.len() - 1], "M 1", "test model").is_err());
        assert!(read(&[bytes.as_slice(), b"x"].concat(), "M 1", "test model").is_err());
        assert!(read(b"\xff", "M 1", "test model").is_err());
    }

    #[test]
    fn a_feature_list_keeps_its_names_apart_and_in_order() {
        let mut list = FeatureList::new();
        list.add_str("bias");
        list.add(format_args!("kind:{}|gap:{}", "verb", 2));
        list.add_prefixed("2|", format_args!("c:{}", "body"));
        list.add_str("");
        assert_eq!(
            list.to_strings(),
            ["bias", "kind:verb|gap:2", "2|c:body", ""]
        );
        list.add_parts(&["kind:", "verb", "|gap:", "2"]);
        assert_eq!(
            list.iter().last(),
            Some("kind:verb|gap:2"),
            "parts as format_args"
        );
        assert_eq!(list.len(), 5);
        let weights: Weights = [("bias".to_string(), 5), ("2|c:body".to_string(), -2)]
            .into_iter()
            .collect();
        assert_eq!(score_names(&weights, list.iter()), 3);
        list.clear();
        assert!(list.is_empty());
        assert_eq!(list.iter().count(), 0);
    }
}
