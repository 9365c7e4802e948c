//! The small learned models as shipped: tables of named integer weights, packed.
//!
//! The caption classifier, the speech model, the speaker ranker and the anchoring ranker are
//! linear models over named features. Their text (`feature<TAB>weight…` lines, `model/*.txt`) is
//! for reading and diffing; the build, and so the analysis worker's wasm, carries this layout
//! (`model/*.bin`), which gzips to half as much (the caption model 36 → 21 KB), because it
//! lays out apart what compresses differently:
//!
//! ```text
//! "<the model's text header> packed 1\n"   magic and version, written by the model
//! then one table or more, each:
//! varint             N    rows
//! u8                 K    weights a row
//! K × u8             B_k  bytes a stored value of column k takes (0–8)
//! N × (bytes, u8 < 0x20)  the names, sorted, front-coded (`model_bytes::write_front_coded`)
//! Σ B_k × N bytes         the columns, one after the other, each as B_k byte planes: the
//!                         lowest byte of every row's stored value, then the next byte…
//! ```
//!
//! A stored value is zigzag-coded (0, −1, 1, −2… as 0, 1, 2, 3…). Column k < K − 1 stores the
//! row's weight k; the last column stores the sum of the row's weights, and the last weight is
//! that sum less the others. A perceptron's mistake pulls one class up and another down by the
//! same step, so a caption feature's three weights sum to zero but for truncation (within ±2):
//! its sum takes a byte where the third weight took two or three. With one weight a row the sum
//! is the weight.
//!
//! Why planes: a weight's low byte is close to random while its high bytes are mostly small, so
//! gzip does better on the planes apart than on the bytes of each number together; why names
//! apart from numbers: sorted and front-coded, the names are mostly a few new bytes each.
//!
//! Worked example: the rows `bias −120 −850 970` and `sig:x 5 0 −5` (K = 3) are
//!
//! ```text
//! 02 03 01 02 00          N = 2, K = 3; column 0 takes 1 byte, column 1 two, the sums none
//! "bias" 00 "sig:x" 00    the names (`sig:x` shares no prefix with `bias`)
//! EF 0A                   column 0: −120 and 5, zigzag 239 and 10
//! A3 00 06 00             column 1: −850 and 0, zigzag 1,699 (0x06A3) and 0, low bytes first
//!                         column 2: both rows sum to 0, so no bytes at all
//! ```

use crate::analysis::model_bytes::{write_front_coded, write_varint, Reader};
use crate::error::{Error, Result};

/// What follows a model's text header in the first line of its packed file.
const PACKED: &str = " packed 1\n";

/// Appends the packed file's first line for a model whose text header is `magic`.
pub fn write_magic(out: &mut Vec<u8>, magic: &str) {
    out.extend_from_slice(magic.as_bytes());
    out.extend_from_slice(PACKED.as_bytes());
}

/// Whether `bytes` is a packed file of the model whose text header is `magic`.
pub fn is_packed(bytes: &[u8], magic: &str) -> bool {
    bytes
        .strip_prefix(magic.as_bytes())
        .is_some_and(|rest| rest.starts_with(PACKED.as_bytes()))
}

/// Reads a model file in either form: `packed` when its first line says it is packed, `text`
/// otherwise (the trainers' readable output, which `--model` options also take).
pub fn packed_or_text<T>(
    bytes: &[u8],
    magic: &str,
    what: &str,
    packed: impl FnOnce(&[u8]) -> Result<T>,
    text: impl FnOnce(&str) -> Result<T>,
) -> Result<T> {
    if is_packed(bytes, magic) {
        return packed(bytes);
    }
    let s = std::str::from_utf8(bytes)
        .map_err(|e| Error::Model(format!("{what}: neither packed nor text: {e}")))?;
    text(s)
}

/// Reads the packed file's first line, which must be that of the model `magic`.
pub fn read_magic(r: &mut Reader, magic: &str) -> Result<()> {
    let len = magic.len() + PACKED.len();
    let first = r.take(len).unwrap_or_default();
    if !is_packed(first, magic) {
        let shown = String::from_utf8_lossy(first.split(|&b| b == b'\n').next().unwrap_or(&[]));
        return Err(Error::Model(format!(
            "expected header '{magic}{}', found '{shown}'",
            PACKED.trim_end()
        )));
    }
    Ok(())
}

/// Appends a table of `rows`, each a name and `width` weights. The rows are written sorted by
/// name, so equal tables give equal bytes whatever order they come in.
pub fn write<'a>(
    out: &mut Vec<u8>,
    width: usize,
    rows: impl IntoIterator<Item = (&'a str, &'a [i32])>,
) -> Result<()> {
    let mut rows: Vec<(&str, &[i32])> = rows.into_iter().collect();
    rows.sort_unstable_by_key(|(name, _)| *name);
    if !(1..=255).contains(&width) {
        return Err(Error::Model(format!("{width} weights a row; 1 to 255 fit")));
    }
    if let Some((name, w)) = rows.iter().find(|(_, w)| w.len() != width) {
        return Err(Error::Model(format!(
            "feature '{name}' has {} weights, not {width}",
            w.len()
        )));
    }
    let n = u32::try_from(rows.len())
        .map_err(|_| Error::Model(format!("{} rows, too many", rows.len())))?;
    // Stored values, column by column.
    let columns: Vec<Vec<u64>> = (0..width)
        .map(|k| {
            rows.iter()
                .map(|(_, w)| match k + 1 == width {
                    false => zigzag(i64::from(w[k])),
                    true => zigzag(w.iter().map(|&x| i64::from(x)).sum()),
                })
                .collect()
        })
        .collect();
    let planes: Vec<usize> = columns
        .iter()
        .map(|c| {
            let max = c.iter().copied().max().unwrap_or(0);
            (64 - max.leading_zeros() as usize).div_ceil(8)
        })
        .collect();
    write_varint(out, n);
    out.push(width as u8);
    out.extend(planes.iter().map(|&b| b as u8));
    let mut previous: &[u8] = &[];
    for (name, _) in &rows {
        if !write_front_coded(out, previous, name.as_bytes()) {
            return Err(Error::Model(format!(
                "feature {name:?} holds a control character"
            )));
        }
        previous = name.as_bytes();
    }
    for (column, &bytes) in columns.iter().zip(&planes) {
        for plane in 0..bytes {
            out.extend(column.iter().map(|v| (v >> (8 * plane)) as u8));
        }
    }
    Ok(())
}

/// A table read back: its rows in their order (sorted by name).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rows {
    names: String,
    /// Where each name ends in `names`; a name starts where the one before it ends.
    ends: Vec<usize>,
    /// `width` weights a row, row after row.
    weights: Vec<i32>,
    width: usize,
}

impl Rows {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Each row's name and weights.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[i32])> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .map(|(start, &end)| &self.names[start..end])
            .zip(self.weights.chunks_exact(self.width.max(1)))
    }
}

/// Reads a table `write` wrote, whose rows must have `width` weights; `what` names the model in
/// errors.
pub fn read(r: &mut Reader, width: usize, what: &str) -> Result<Rows> {
    let bad = |m: String| Error::Model(format!("{what}: {m}"));
    let n = r.varint()? as usize;
    let k = usize::from(r.take(1)?[0]);
    if k != width {
        return Err(bad(format!("{k} weights a row, expected {width}")));
    }
    let planes: Vec<usize> = r.take(k)?.iter().map(|&b| usize::from(b)).collect();
    if let Some(b) = planes.iter().find(|&&b| b > 8) {
        return Err(bad(format!("a column of {b}-byte values")));
    }
    // Each row takes at least its name's length byte: a count beyond that is a corrupt file,
    // refused before anything is allocated for it.
    if n > r.remaining() {
        return Err(bad(format!("{n} rows in {} bytes", r.remaining())));
    }
    let mut names = String::new();
    let mut ends = Vec::with_capacity(n);
    let mut word = Vec::new();
    for i in 0..n {
        r.front_coded(&mut word)
            .map_err(|e| bad(format!("feature {i} of {n} {e}")))?;
        let name = std::str::from_utf8(&word)
            .map_err(|e| bad(format!("feature {i} is not UTF-8: {e}")))?;
        names.push_str(name);
        ends.push(names.len());
    }
    let mut stored = vec![0u64; n * k];
    for (column, &bytes) in planes.iter().enumerate() {
        for plane in 0..bytes {
            for (i, &byte) in r.take(n)?.iter().enumerate() {
                stored[i * k + column] |= u64::from(byte) << (8 * plane);
            }
        }
    }
    let mut weights = Vec::with_capacity(n * k);
    for (i, row) in stored.chunks_exact(k.max(1)).enumerate() {
        let out_of_range = || bad(format!("feature {i}: a weight beyond 32 bits"));
        let mut rest = unzigzag(row[k - 1]);
        for &v in &row[..k - 1] {
            let w = i32::try_from(unzigzag(v)).map_err(|_| out_of_range())?;
            rest -= i64::from(w);
            weights.push(w);
        }
        weights.push(i32::try_from(rest).map_err(|_| out_of_range())?);
    }
    Ok(Rows {
        names,
        ends,
        weights,
        width,
    })
}

/// 0, −1, 1, −2… as 0, 1, 2, 3…: small magnitudes, either sign, in small numbers.
fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(u: u64) -> i64 {
    ((u >> 1) as i64) ^ -((u & 1) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    type Row = (&'static str, &'static [i32]);

    fn packed(width: usize, rows: &[Row]) -> Vec<u8> {
        let mut out = Vec::new();
        write(&mut out, width, rows.iter().copied()).unwrap();
        out
    }

    fn unpacked(bytes: &[u8], width: usize) -> Result<Vec<(String, Vec<i32>)>> {
        let mut r = Reader::new(bytes);
        let rows = read(&mut r, width, "test model")?;
        r.finish()?;
        Ok(rows
            .iter()
            .map(|(n, w)| (n.to_string(), w.to_vec()))
            .collect())
    }

    /// The worked example of the module docs, byte for byte.
    #[test]
    fn the_worked_example() {
        let bytes = packed(3, &[("sig:x", &[5, 0, -5]), ("bias", &[-120, -850, 970])]);
        let mut expected = vec![2, 3, 1, 2, 0];
        expected.extend_from_slice(b"bias\x00sig:x\x00");
        expected.extend_from_slice(&[0xef, 0x0a, 0xa3, 0x00, 0x06, 0x00]);
        assert_eq!(bytes, expected);
    }

    #[test]
    fn round_trips_in_name_order() {
        let cases: &[(&str, usize, &[Row])] = &[
            ("empty", 1, &[]),
            ("one weight", 1, &[("b", &[-2]), ("a", &[3])]),
            ("zero weights", 1, &[("a", &[0]), ("b", &[0])]),
            (
                "three weights that do not sum to zero",
                3,
                &[("x", &[1, 2, 3]), ("y", &[-7, 0, 9])],
            ),
            (
                "the extremes",
                3,
                &[
                    ("max", &[i32::MAX, i32::MAX, i32::MAX]),
                    ("min", &[i32::MIN, i32::MIN, i32::MIN]),
                    ("mixed", &[i32::MIN, i32::MAX, i32::MIN]),
                ],
            ),
            (
                "shared prefixes and UTF-8",
                1,
                &[
                    ("w:café", &[1]),
                    ("w:cafè", &[2]),
                    ("w:caf", &[3]),
                    (
                        "2|main:after|dist:4|shape:long|c:boil|and:a-long-tail",
                        &[4],
                    ),
                    (
                        "2|main:after|dist:4|shape:long|c:boil|and:a-long-tail2",
                        &[5],
                    ),
                ],
            ),
        ];
        for (name, width, rows) in cases {
            let mut want: Vec<(String, Vec<i32>)> = rows
                .iter()
                .map(|(n, w)| (n.to_string(), w.to_vec()))
                .collect();
            want.sort();
            let bytes = packed(*width, rows);
            assert_eq!(unpacked(&bytes, *width).unwrap(), want, "{name}");
        }
    }

    #[test]
    fn what_cannot_be_written_is_an_error() {
        let cases: &[(&str, usize, &[Row])] = &[
            ("a tab in a name", 1, &[("a\tb", &[1])]),
            ("a newline in a name", 1, &[("a\n", &[1])]),
            ("a row too short", 3, &[("a", &[1, 2])]),
            ("no weights", 0, &[]),
        ];
        for (name, width, rows) in cases {
            let mut out = Vec::new();
            assert!(
                write(&mut out, *width, rows.iter().copied()).is_err(),
                "{name}"
            );
        }
    }

    /// Malformed tables are errors, never a panic.
    #[test]
    fn malformed_tables_are_errors() {
        let good = packed(3, &[("sig:x", &[5, 0, -5]), ("bias", &[-120, -850, 970])]);
        let with = |at: usize, byte: u8| {
            let mut t = good.clone();
            t[at] = byte;
            t
        };
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("another width", with(1, 1)),
            ("more rows than bytes", with(0, 100)),
            ("a 9-byte column", with(2, 9)),
            ("a prefix longer than the name before", with(9, 3)),
            ("not UTF-8", with(5, 0xff)),
            ("cut in the columns", good[..good.len() - 1].to_vec()),
            ("trailing bytes", [good.as_slice(), b"x"].concat()),
            (
                "a last weight beyond 32 bits",
                [
                    &[1, 3, 0, 0, 5][..],
                    b"a\x00",
                    &[0xfe, 0xff, 0xff, 0xff, 0xff],
                ]
                .concat(),
            ),
            (
                "a first weight beyond 32 bits",
                [
                    &[1, 3, 5, 0, 0][..],
                    b"a\x00",
                    &[0xfe, 0xff, 0xff, 0xff, 0xff],
                ]
                .concat(),
            ),
        ];
        for (name, bytes) in &cases {
            assert!(unpacked(bytes, 3).is_err(), "{name}");
        }
        assert!(unpacked(&good, 1).is_err(), "read as one weight a row");
        for end in 0..good.len() {
            assert!(unpacked(&good[..end], 3).is_err(), "cut at {end}");
        }
    }

    #[test]
    fn magic_lines() {
        let mut out = Vec::new();
        write_magic(&mut out, "LEDE-TEST 1");
        assert_eq!(out, b"LEDE-TEST 1 packed 1\n");
        assert!(is_packed(&out, "LEDE-TEST 1"));
        assert!(!is_packed(b"LEDE-TEST 1\nbias\t1\n", "LEDE-TEST 1"));
        assert!(read_magic(&mut Reader::new(&out), "LEDE-TEST 1").is_ok());
        let err = read_magic(&mut Reader::new(b"LEDE-TEST 2 packed 1\n"), "LEDE-TEST 1");
        assert!(err
            .unwrap_err()
            .to_string()
            .contains("found 'LEDE-TEST 2 packed 1'"));
        assert!(read_magic(&mut Reader::new(b"LEDE"), "LEDE-TEST 1").is_err());
    }
}
