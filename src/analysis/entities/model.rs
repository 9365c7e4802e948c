//! The tagger's weights and their file format.
//!
//! A trained model is a table from 32-bit feature keys (the low half of a `features` hash) to one
//! `i8` code per label, plus label-pair transition scores. Codes are logarithmic: code `k > 0`
//! stands for a magnitude growing geometrically from the pruning threshold to the largest weight,
//! so both the few large weights and the many small ones keep a few percent of precision (a linear
//! i8 scale cost 2 points of F1). Weights under the threshold are 0 and are not stored; a row of
//! zeros is dropped.
//!
//! Layout (all integers little-endian):
//! ```text
//! magic      8 bytes  "LEDE-NER"
//! format     u16      FORMAT_VERSION
//! features   u16      features::FEATURE_VERSION the weights were trained with
//! lexicon    u64      gazetteer::fingerprint() of the lexicon they were trained with
//! labels     u8       tagger::N_LABELS
//! passes     u8       1, or 2 when a second pass reads the first pass's document-level votes
//! levels     f32 × 128  magnitude of each code: weight = sign(code) × levels[|code|]
//! start      f32 × L  score of each label at a sentence start
//! trans      f32 × L² score of label `cur` after `prev`, at [prev × L + cur]
//! rows       u32      number of feature rows
//! keys       ascending; each is stored as its gap from the key before it (the first, from 0),
//!            split into three planes:
//!              u8 × rows      bits 0-7 of each gap
//!              u8 × rows      bits 8-15
//!              varint × rows  the rest (gap >> 16)
//! masks      per row, the labels with a non-zero weight, in two planes:
//!              u8 × rows      bits 0-7 of each mask
//!              u8 × rows      bits 8-15
//! weights    per row: one i8 per set bit of its mask
//! ```
//! Worked example: rows `{7: [0, 3, 0, …], 9: [-1, 0, 2, 0, …]}` store the gaps 7 and 2 as `07 02`,
//! `00 00`, `00 00`, the masks 0b10 and 0b101 as `02 05`, `00 00`, then the weights `03 FF 02`.
//!
//! Why planes: a gap's low bytes are nearly random, its high part and a mask's high byte are
//! nearly constant. Written row by row (format 2), gzip found no repeats among them; plane by
//! plane, it does. The shipped model is 404,743 bytes gzipped row by row and 363,414 in planes,
//! which the browser downloads on every cold load.

use super::tagger::N_LABELS;
use crate::analysis::model_bytes::{write_varint, Reader};
use crate::error::{Error, Result};

const MAGIC: &[u8; 8] = b"LEDE-NER";
const FORMAT_VERSION: u16 = 3;

/// The row-by-row layout of models trained before the planes. Only the CLI reads it, so that
/// `lede pack-model` re-encodes a model that older code trained (`scripts/rebuild-ner`).
#[cfg(not(target_arch = "wasm32"))]
const FORMAT_ROW_BY_ROW: u16 = 2;
const L: usize = N_LABELS;

/// A loaded model: a feature table with open addressing, for lookups with no allocation.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    feature_version: u16,
    lexicon: u64,
    passes: u8,
    levels: Vec<f32>,
    /// The weight of each code, indexed by the code's byte (`code as u8`): no branch per weight.
    values: [f32; 256],
    start: Vec<f32>,
    transitions: Vec<f32>,
    /// Sorted feature keys; row `r`'s weights are `weights[r * L..(r + 1) * L]`.
    keys: Vec<u32>,
    weights: Vec<i8>,
    /// Open-addressing slots of `[key, row + 1]` (row 0 = empty); size is a power of two. The key
    /// sits in the slot so a lookup touches one cache line before the weights.
    slots: Vec<[u32; 2]>,
}

/// The model Lede ships, compiled into the binary (and so into the wasm bundle: no fetch).
const SHIPPED: &[u8] = include_bytes!("../../../model/ner.bin");

impl Model {
    /// The shipped model, decoded once.
    pub fn shipped() -> &'static Model {
        static MODEL: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
        MODEL.get_or_init(|| {
            // Natively, `LEDE_MODEL` names another model file: for trying a trained model in
            // `lede analyze` before it replaces the shipped one.
            #[cfg(not(target_arch = "wasm32"))]
            if let Ok(path) = std::env::var("LEDE_MODEL") {
                let bytes =
                    std::fs::read(&path).unwrap_or_else(|e| panic!("LEDE_MODEL={path}: {e}"));
                return Model::from_bytes(&bytes)
                    .unwrap_or_else(|e| panic!("LEDE_MODEL={path}: {e}"));
            }
            Model::from_bytes(SHIPPED).expect("the shipped model matches this build (tests check)")
        })
    }

    /// Quantises trained weights: `rows` are (key, weights per label); keys may repeat (they are
    /// summed). Weights whose magnitude is under `prune` become 0.
    pub fn quantize(
        feature_version: u16,
        passes: u8,
        mut rows: Vec<(u32, [f32; L])>,
        start: [f32; L],
        transitions: [f32; L * L],
        prune: f32,
    ) -> Model {
        rows.sort_by_key(|r| r.0);
        let mut merged: Vec<(u32, [f32; L])> = Vec::with_capacity(rows.len());
        for (key, w) in rows {
            match merged.last_mut() {
                Some(last) if last.0 == key => {
                    for (s, w) in last.1.iter_mut().zip(w) {
                        *s += w;
                    }
                }
                _ => merged.push((key, w)),
            }
        }
        let prune = prune.max(f32::MIN_POSITIVE);
        let max = merged
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
        for (key, w) in merged {
            let q: Vec<i8> = w.iter().map(|&w| code(w)).collect();
            if q.iter().any(|&v| v != 0) {
                keys.push(key);
                weights.extend(q);
            }
        }
        // A new model records the fingerprint worked out from the tables it was trained with,
        // not the shipped constant (`gazetteer::fingerprint`).
        Model {
            lexicon: super::gazetteer::trained_fingerprint(),
            ..Model::assemble(
                feature_version,
                passes,
                levels,
                start.to_vec(),
                transitions.to_vec(),
                keys,
                weights,
            )
        }
    }

    fn assemble(
        feature_version: u16,
        passes: u8,
        levels: Vec<f32>,
        start: Vec<f32>,
        transitions: Vec<f32>,
        keys: Vec<u32>,
        weights: Vec<i8>,
    ) -> Model {
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
            feature_version,
            lexicon: super::gazetteer::fingerprint(),
            passes,
            levels,
            values,
            start,
            transitions,
            keys,
            weights,
            slots,
        }
    }

    /// Number of feature rows kept.
    pub fn rows(&self) -> usize {
        self.keys.len()
    }

    pub fn feature_version(&self) -> u16 {
        self.feature_version
    }

    /// Tagging passes: 2 when the model reads document-level votes of a first pass.
    pub fn passes(&self) -> u8 {
        self.passes
    }

    pub fn start(&self) -> &[f32] {
        &self.start
    }

    pub fn transitions(&self) -> &[f32] {
        &self.transitions
    }

    /// The row of a feature key, if the model keeps one.
    pub fn row_of(&self, key: u32) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut at = key as usize & mask;
        loop {
            let [k, row] = self.slots[at];
            if row == 0 {
                return None;
            }
            if k == key {
                return Some(row - 1);
            }
            at = (at + 1) & mask;
        }
    }

    /// Adds row `row`'s weights to per-label scores.
    #[inline]
    pub fn add_row(&self, row: u32, acc: &mut [f32; L]) {
        let row = row as usize;
        for (a, &v) in acc.iter_mut().zip(&self.weights[row * L..(row + 1) * L]) {
            *a += self.values[v as u8 as usize];
        }
    }

    /// Adds a feature's weights (by its hash) to per-label scores; an unknown feature adds none.
    #[inline]
    pub fn add_feature(&self, feature: u64, acc: &mut [f32; L]) {
        if let Some(row) = self.row_of(feature as u32) {
            self.add_row(row, acc);
        }
    }

    /// Per-label scores of tokens: `features[offsets[i]..offsets[i + 1]]` are token i's hashes.
    #[inline(never)]
    pub fn emissions(&self, features: &[u64], offsets: &[usize], out: &mut Vec<f32>) {
        out.clear();
        for w in offsets.windows(2) {
            let mut acc = [0f32; L];
            for &f in &features[w[0]..w[1]] {
                self.add_feature(f, &mut acc);
            }
            out.extend_from_slice(&acc);
        }
    }

    /// The file bytes (see the module comment for the layout).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&self.feature_version.to_le_bytes());
        out.extend_from_slice(&self.lexicon.to_le_bytes());
        out.push(L as u8);
        out.push(self.passes);
        for v in self
            .levels
            .iter()
            .chain(&self.start)
            .chain(&self.transitions)
        {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        let gaps: Vec<u32> = std::iter::once(0)
            .chain(self.keys.iter().copied())
            .zip(&self.keys)
            .map(|(before, &key)| key - before)
            .collect();
        out.extend(gaps.iter().map(|&g| g as u8));
        out.extend(gaps.iter().map(|&g| (g >> 8) as u8));
        for &g in &gaps {
            write_varint(&mut out, g >> 16);
        }
        let masks: Vec<u16> = self.weights.chunks(L).map(mask_of).collect();
        out.extend(masks.iter().map(|&m| m as u8));
        out.extend(masks.iter().map(|&m| (m >> 8) as u8));
        for row in self.weights.chunks(L) {
            out.extend(row.iter().filter(|&&v| v != 0).map(|&v| v as u8));
        }
        out
    }

    /// Reads a model file; any mismatch with this build is an error.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model> {
        let mut r = Reader::new(bytes);
        if r.take(8)? != MAGIC {
            return Err(Error::Model("not a Lede NER model (bad magic)".into()));
        }
        let format = r.u16()?;
        #[cfg(not(target_arch = "wasm32"))]
        let known = format == FORMAT_VERSION || format == FORMAT_ROW_BY_ROW;
        #[cfg(target_arch = "wasm32")]
        let known = format == FORMAT_VERSION;
        if !known {
            return Err(Error::Model(format!(
                "format version {format}, this build reads {FORMAT_VERSION}"
            )));
        }
        let feature_version = r.u16()?;
        if feature_version != super::features::FEATURE_VERSION {
            return Err(Error::Model(format!(
                "trained with feature set {feature_version}, this build extracts {}",
                super::features::FEATURE_VERSION
            )));
        }
        let lexicon = u64::from_le_bytes(r.take(8)?.try_into().expect("8 bytes"));
        if lexicon != super::gazetteer::fingerprint() {
            return Err(Error::Model(
                "trained with another gazetteer lexicon; retrain with `lede train-ner`".into(),
            ));
        }
        let labels = r.take(1)?[0] as usize;
        if labels != L {
            return Err(Error::Model(format!("{labels} labels, this build has {L}")));
        }
        let passes = r.take(1)?[0];
        if !(1..=2).contains(&passes) {
            return Err(Error::Model(format!(
                "{passes} passes; this build runs 1 or 2"
            )));
        }
        let levels = (0..128).map(|_| r.f32()).collect::<Result<Vec<_>>>()?;
        let start = (0..L).map(|_| r.f32()).collect::<Result<Vec<_>>>()?;
        let transitions = (0..L * L).map(|_| r.f32()).collect::<Result<Vec<_>>>()?;
        let n = r.u32()? as usize;
        if n > bytes.len() {
            return Err(Error::Model(format!(
                "{n} rows cannot fit in {} bytes",
                bytes.len()
            )));
        }
        #[cfg(not(target_arch = "wasm32"))]
        let (keys, weights) = if format == FORMAT_ROW_BY_ROW {
            read_row_by_row(&mut r, n)?
        } else {
            read_planes(&mut r, n)?
        };
        #[cfg(target_arch = "wasm32")]
        let (keys, weights) = read_planes(&mut r, n)?;
        r.finish()?;
        Ok(Model::assemble(
            feature_version,
            passes,
            levels,
            start,
            transitions,
            keys,
            weights,
        ))
    }
}

/// The mask of a row's labels with a non-zero weight.
fn mask_of(row: &[i8]) -> u16 {
    row.iter()
        .enumerate()
        .filter(|(_, &v)| v != 0)
        .fold(0, |m, (i, _)| m | (1 << i))
}

/// The next key from its gap, checked: keys ascend strictly and fit in 32 bits.
fn next_key(keys: &[u32], gap: u32) -> Result<u32> {
    let prev = keys.last().copied().unwrap_or(0);
    if !keys.is_empty() && gap == 0 {
        return Err(Error::Model("feature keys repeat".into()));
    }
    prev.checked_add(gap)
        .ok_or_else(|| Error::Model("feature keys overflow".into()))
}

/// Places a row's stored weights (`stored`, one per set bit of `mask`) in its labels, which are
/// zero.
fn fill_row(row: &mut [i8], mask: u16, stored: &[u8]) -> Result<()> {
    if mask >> L != 0 {
        return Err(Error::Model(
            "weight mask names a label that does not exist".into(),
        ));
    }
    let mut stored = stored.iter();
    for (label, weight) in row.iter_mut().enumerate() {
        if mask & (1 << label) != 0 {
            *weight = stored.next().map_or(0, |&b| b as i8);
        }
    }
    Ok(())
}

/// The keys and weights of `n` rows, in planes (format 3). Zeros first, then each row's nonzero
/// weights in place: the browser decodes every row on each page load, before its first analysis.
fn read_planes(r: &mut Reader, n: usize) -> Result<(Vec<u32>, Vec<i8>)> {
    let (low, mid) = (r.take(n)?, r.take(n)?);
    let mut keys = Vec::with_capacity(n);
    for (&low, &mid) in low.iter().zip(mid) {
        let high = r.varint()?;
        if high > 0xffff {
            return Err(Error::Model("feature keys overflow".into()));
        }
        let gap = high << 16 | u32::from(mid) << 8 | u32::from(low);
        keys.push(next_key(&keys, gap)?);
    }
    let (low, high) = (r.take(n)?, r.take(n)?);
    let mut weights = vec![0i8; n * L];
    for (row, (&low, &high)) in weights.chunks_exact_mut(L).zip(low.iter().zip(high)) {
        let mask = u16::from(high) << 8 | u16::from(low);
        fill_row(row, mask, r.take(mask.count_ones() as usize)?)?;
    }
    Ok((keys, weights))
}

/// The keys and weights of `n` rows, row by row (format 2): varint gaps, then each row's mask
/// (`u16`) and weights.
#[cfg(not(target_arch = "wasm32"))]
fn read_row_by_row(r: &mut Reader, n: usize) -> Result<(Vec<u32>, Vec<i8>)> {
    let mut keys = Vec::with_capacity(n);
    for _ in 0..n {
        let gap = r.varint()?;
        keys.push(next_key(&keys, gap)?);
    }
    let mut weights = vec![0i8; n * L];
    for row in weights.chunks_exact_mut(L) {
        let mask = r.u16()?;
        fill_row(row, mask, r.take(mask.count_ones() as usize)?)?;
    }
    Ok((keys, weights))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Model {
        let mut a = [0f32; L];
        a[1] = 3.0;
        let mut b = [0f32; L];
        b[0] = -1.0;
        b[2] = 2.0;
        let zero = [0.001f32; L];
        let rows = vec![(9, b), (7, a), (1 << 31, zero), (u32::MAX, a)];
        Model::quantize(
            super::super::features::FEATURE_VERSION,
            2,
            rows,
            [0.5; L],
            [0.25; L * L],
            0.01,
        )
    }

    #[test]
    fn round_trips_and_prunes_zero_rows() {
        let model = tiny();
        assert_eq!(model.rows(), 3, "the all-zero row is pruned");
        let bytes = model.to_bytes();
        assert_eq!(Model::from_bytes(&bytes).unwrap(), model);
        let value = |key: u32, label: usize| {
            let mut acc = [0f32; L];
            model.add_row(model.row_of(key).unwrap(), &mut acc);
            acc[label]
        };
        let near = |got: f32, want: f32| (got - want).abs() <= 0.05 * want.abs();
        assert!(near(value(7, 1), 3.0), "{}", value(7, 1));
        assert!(near(value(9, 0), -1.0), "{}", value(9, 0));
        assert_eq!(value(9, 1), 0.0);
        assert!(near(value(9, 2), 2.0), "{}", value(9, 2));
        assert!(model.row_of(8).is_none());
    }

    /// The module comment's worked example, byte for byte after the header.
    #[test]
    fn rows_are_written_in_planes() {
        let mut weights = vec![0i8; 2 * L];
        weights[1] = 3;
        (weights[L], weights[L + 2]) = (-1, 2);
        let model = Model::assemble(
            super::super::features::FEATURE_VERSION,
            1,
            vec![1.0; 128],
            vec![0.0; L],
            vec![0.0; L * L],
            vec![7, 9],
            weights,
        );
        let bytes = model.to_bytes();
        let rows = [
            0x07, 0x02, 0x00, 0x00, 0x00, 0x00, 0x02, 0x05, 0x00, 0x00, 0x03, 0xFF, 0x02,
        ];
        assert!(
            bytes.ends_with(&rows),
            "{:02X?}",
            &bytes[bytes.len() - 13..]
        );
        assert_eq!(Model::from_bytes(&bytes).unwrap(), model);
    }

    /// A model in the row-by-row layout of format 2 reads as the same model: `lede pack-model`
    /// re-encodes what older code trained.
    #[test]
    fn row_by_row_files_read_the_same() {
        let model = tiny();
        let planes = model.to_bytes();
        // Magic, versions, lexicon, labels, passes, levels, start, transitions, rows.
        let header = 8 + 2 + 2 + 8 + 1 + 1 + 4 * (128 + L + L * L) + 4;
        let mut old = planes[..header].to_vec();
        old[8..10].copy_from_slice(&FORMAT_ROW_BY_ROW.to_le_bytes());
        let mut prev = 0;
        for &k in &model.keys {
            write_varint(&mut old, k - prev);
            prev = k;
        }
        for row in model.weights.chunks(L) {
            old.extend_from_slice(&mask_of(row).to_le_bytes());
            old.extend(row.iter().filter(|&&v| v != 0).map(|&v| v as u8));
        }
        assert_eq!(Model::from_bytes(&old).unwrap(), model);
        assert_eq!(Model::from_bytes(&old).unwrap().to_bytes(), planes);
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
        let mut bad_lexicon = good.clone();
        bad_lexicon[12] ^= 1;
        let mut extra = good.clone();
        extra.push(0);
        let cases: &[(&str, &[u8], &str)] = &[
            ("magic", &bad_magic, "magic"),
            ("format", &bad_version, "format version"),
            ("features", &bad_features, "feature set"),
            ("lexicon", &bad_lexicon, "gazetteer lexicon"),
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
