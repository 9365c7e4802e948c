//! The part-of-speech model's weights and their file format.
//!
//! A table from feature keys (`features::KEY_BITS` bits) to one `i8` code per tag. Codes are
//! logarithmic, as in the entity model: code `k > 0` stands for a magnitude growing geometrically
//! from the pruning threshold to the largest weight. Weights under the threshold are 0 and not
//! stored; a row of zeros is dropped.
//!
//! Layout (all integers little-endian):
//! ```text
//! magic      8 bytes  "LEDE-POS"
//! format     u16      FORMAT_VERSION
//! features   u16      features::FEATURE_VERSION the weights were trained with
//! tags       u8       tags::N_TAGS
//! levels     f32 × 128  magnitude of each code: weight = sign(code) × levels[|code|]
//! rows       u32      number of feature rows
//! keys       varint × rows   ascending keys, each stored as the gap from the previous one
//! weights    per row: varint mask of the tags with a non-zero weight, then one i8 per set bit
//! ```
//! Worked example: rows `{7: [0, 3, 0, …], 9: [-1, 0, 2, 0, …]}` store keys `07 02`, then
//! `02 03` (mask 0b10, weight 3) and `05 FF 02` (mask 0b101, weights -1 and 2). Tags are numbered
//! by frequency, so a common tag's bit is low and most masks take one byte.

use super::features::FEATURE_VERSION;
use super::tags::N_TAGS;
use crate::analysis::model_bytes::{write_varint, Reader};
use crate::error::{Error, Result};

const MAGIC: &[u8; 8] = b"LEDE-POS";
const FORMAT_VERSION: u16 = 1;
const T: usize = N_TAGS;

/// A loaded model: sorted keys, their dense rows, and an open-addressing index.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    levels: Vec<f32>,
    /// The weight of each code, indexed by the code's byte (`code as u8`).
    values: [f32; 256],
    keys: Vec<u32>,
    /// Row `r`'s codes are `weights[r * T..(r + 1) * T]`.
    weights: Vec<i8>,
    /// Slots of `[key, row + 1]` (row 0 = empty); the size is a power of two.
    slots: Vec<[u32; 2]>,
}

/// The model Lede ships, compiled in (so the browser needs no fetch).
const SHIPPED: &[u8] = include_bytes!("../../../model/pos.bin");

impl Model {
    /// The shipped model, decoded once.
    pub fn shipped() -> &'static Model {
        static MODEL: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
        MODEL.get_or_init(|| {
            Model::from_bytes(SHIPPED)
                .expect("the shipped POS model matches this build (tests check)")
        })
    }

    /// Quantises trained weights: `rows` are (key, weight per tag) with distinct keys. Weights
    /// whose magnitude is under `prune` become 0.
    pub fn quantize(mut rows: Vec<(u32, [f32; T])>, prune: f32) -> Model {
        rows.sort_by_key(|r| r.0);
        rows.dedup_by_key(|r| r.0);
        let prune = prune.max(f32::MIN_POSITIVE);
        let max = rows
            .iter()
            .flat_map(|r| r.1)
            .fold(prune, |m, w| m.max(w.abs()));
        // levels[k] = prune × (max / prune)^((k − 1) / 126) for k in 1..=127.
        let ratio = (max / prune).ln() / 126.0;
        let mut levels = vec![0f32; 128];
        for (k, level) in levels.iter_mut().enumerate().skip(1) {
            *level = prune * (ratio * (k - 1) as f32).exp();
        }
        let code = |w: f32| -> i8 {
            let m = w.abs();
            if m < prune {
                return 0;
            }
            let k = if ratio > 0.0 {
                1.0 + ((m / prune).ln() / ratio).round()
            } else {
                1.0
            };
            let k = k.clamp(1.0, 127.0) as i8;
            if w < 0.0 {
                -k
            } else {
                k
            }
        };
        let mut keys = Vec::new();
        let mut weights = Vec::new();
        for (key, w) in rows {
            let q: Vec<i8> = w.iter().map(|&w| code(w)).collect();
            if q.iter().any(|&v| v != 0) {
                keys.push(key);
                weights.extend(q);
            }
        }
        Model::assemble(levels, keys, weights)
    }

    fn assemble(levels: Vec<f32>, keys: Vec<u32>, weights: Vec<i8>) -> Model {
        let size = (keys.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![[0u32; 2]; size];
        for (row, &key) in keys.iter().enumerate() {
            let mut at = key as usize & (size - 1);
            while slots[at][1] != 0 {
                at = (at + 1) & (size - 1);
            }
            slots[at] = [key, row as u32 + 1];
        }
        let mut values = [0f32; 256];
        for (byte, v) in values.iter_mut().enumerate() {
            let code = byte as u8 as i8;
            let level = levels
                .get(code.unsigned_abs() as usize)
                .copied()
                .unwrap_or(0.0);
            *v = if code < 0 { -level } else { level };
        }
        Model {
            levels,
            values,
            keys,
            weights,
            slots,
        }
    }

    /// Number of feature rows kept.
    pub fn rows(&self) -> usize {
        self.keys.len()
    }

    fn row(&self, key: u32) -> Option<&[i8]> {
        let mask = self.slots.len() - 1;
        let mut at = key as usize & mask;
        loop {
            let [k, row] = self.slots[at];
            if row == 0 {
                return None;
            }
            if k == key {
                let row = row as usize - 1;
                return Some(&self.weights[row * T..(row + 1) * T]);
            }
            at = (at + 1) & mask;
        }
    }

    /// Adds the weights of `keys` to `scores`, one per tag.
    pub fn score(&self, keys: &[u32], scores: &mut [f32; T]) {
        for &key in keys {
            if let Some(row) = self.row(key) {
                for (s, &v) in scores.iter_mut().zip(row) {
                    *s += self.values[v as u8 as usize];
                }
            }
        }
    }

    /// The file bytes (see the module comment for the layout).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.push(T as u8);
        for v in &self.levels {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        let mut prev = 0u32;
        for &k in &self.keys {
            write_varint(&mut out, k - prev);
            prev = k;
        }
        for row in self.weights.chunks(T) {
            let mask: u32 = row
                .iter()
                .enumerate()
                .filter(|(_, &v)| v != 0)
                .fold(0, |m, (i, _)| m | (1 << i));
            write_varint(&mut out, mask);
            out.extend(row.iter().filter(|&&v| v != 0).map(|&v| v as u8));
        }
        out
    }

    /// Reads a model file; any mismatch with this build is an error.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model> {
        let mut r = Reader::new(bytes);
        if r.take(8)? != MAGIC {
            return Err(Error::Model("not a Lede POS model (bad magic)".into()));
        }
        let format = r.u16()?;
        if format != FORMAT_VERSION {
            return Err(Error::Model(format!(
                "format version {format}, this build reads {FORMAT_VERSION}"
            )));
        }
        let features = r.u16()?;
        if features != FEATURE_VERSION {
            return Err(Error::Model(format!(
                "trained with feature set {features}, this build extracts {FEATURE_VERSION}; retrain with `lede train-pos`"
            )));
        }
        let tags = r.take(1)?[0] as usize;
        if tags != T {
            return Err(Error::Model(format!("{tags} tags, this build has {T}")));
        }
        let levels = (0..128).map(|_| r.f32()).collect::<Result<Vec<_>>>()?;
        let n = r.u32()? as usize;
        if n > bytes.len() {
            return Err(Error::Model(format!(
                "{n} rows cannot fit in {} bytes",
                bytes.len()
            )));
        }
        let mut keys = Vec::with_capacity(n);
        let mut prev = 0u32;
        for _ in 0..n {
            let gap = r.varint()?;
            if !keys.is_empty() && gap == 0 {
                return Err(Error::Model("feature keys repeat".into()));
            }
            prev = prev
                .checked_add(gap)
                .ok_or_else(|| Error::Model("feature keys overflow".into()))?;
            keys.push(prev);
        }
        let mut weights = Vec::with_capacity(n * T);
        for _ in 0..n {
            let mask = r.varint()?;
            if mask >> T != 0 {
                return Err(Error::Model(
                    "weight mask names a tag that does not exist".into(),
                ));
            }
            let mut stored = r.take(mask.count_ones() as usize)?.iter();
            for tag in 0..T {
                weights.push(if mask & (1 << tag) != 0 {
                    stored.next().map_or(0, |&b| b as i8)
                } else {
                    0
                });
            }
        }
        r.finish()?;
        Ok(Model::assemble(levels, keys, weights))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Model {
        let mut a = [0f32; T];
        a[1] = 3.0;
        let mut b = [0f32; T];
        b[0] = -1.0;
        b[23] = 2.0;
        let rows = vec![(9, b), (7, a), (1 << 20, [0.001; T])];
        Model::quantize(rows, 0.01)
    }

    #[test]
    fn round_trips_and_prunes_zero_rows() {
        let model = tiny();
        assert_eq!(model.rows(), 2, "the all-zero row is pruned");
        assert_eq!(Model::from_bytes(&model.to_bytes()).unwrap(), model);
        let mut scores = [0f32; T];
        model.score(&[9, 8], &mut scores);
        let near = |got: f32, want: f32| (got - want).abs() <= 0.05 * want.abs();
        assert!(near(scores[0], -1.0), "{}", scores[0]);
        assert!(near(scores[23], 2.0), "{}", scores[23]);
        assert_eq!(scores[1], 0.0);
    }

    #[test]
    fn mismatches_are_errors() {
        let good = tiny().to_bytes();
        let mut bad_magic = good.clone();
        bad_magic[0] = b'X';
        let mut bad_version = good.clone();
        bad_version[8] = 99;
        let mut bad_features = good.clone();
        bad_features[10] = bad_features[10].wrapping_add(1);
        let mut extra = good.clone();
        extra.push(0);
        let cases: &[(&str, &[u8], &str)] = &[
            ("magic", &bad_magic, "magic"),
            ("format", &bad_version, "format version"),
            ("features", &bad_features, "feature set"),
            ("truncated", &good[..good.len() - 1], "ends too early"),
            ("trailing", &extra, "left over"),
            ("empty", &[], "ends too early"),
        ];
        for (name, bytes, expected) in cases {
            let err = Model::from_bytes(bytes).unwrap_err().to_string();
            assert!(err.contains(expected), "{name}: {err}");
        }
    }

    #[test]
    fn shipped_model_loads() {
        assert!(Model::shipped().rows() > 1000);
    }
}
