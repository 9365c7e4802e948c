//! Word classes: words that unlabelled news uses alike, grouped, so the tagger can read a name it
//! never saw labelled by the company it keeps (`Trump` after `Mr.` and before `said`, like
//! `Clinton` in 1996 Reuters).
//!
//! Two clusterings of the same vocabulary, a coarse one and a fine one, induced by
//! `lede train-wordclasses` (predictive exchange clustering, `eval::wordclass_train`) from text
//! that none of the dev sets is part of. The committed table (`wordclasses.bin`, the layout below)
//! rebuilds byte for byte from that command.
//!
//! A word is looked up as the tagger sees it: typography folded and digits as `0`, case kept
//! (`Trump` the name and `trump` the verb are different words here).
//!
//! # The table's layout
//!
//! Logically the table is one `word<TAB>coarse<TAB>fine` line per word, sorted by word (its
//! *canonical lines*, what `canonical` returns and the entity model's fingerprint hashes). It ships
//! in a compact binary that gzips to 62 KB where those lines gzip to 89 KB, because it lays out
//! apart what compresses differently:
//!
//! ```text
//! "LEDE word classes 1\n"   magic and version
//! u32 LE   N                  words
//! u8       K                  coarse classes
//! K × u16 LE                  n_c: how many fine classes words of coarse class c have
//! Σn_c × u8, Σn_c × u8        those fine classes, low bytes then high bytes, class by class, each
//!                             class's list by how many words have it (most first, ties by id)
//! N × u8                      each word's coarse class
//! N × u8                      each word's fine class, as its rank in its coarse class's list
//! N × (bytes, u8 < 0x20)      each word front-coded: the bytes after the prefix it shares with the
//!                             word before, then that prefix's length (at most 31; the coding is
//!                             `model_bytes::write_front_coded`, shared with the packed models)
//! ```
//!
//! Worked example: `Clinton 3 41`, `Clinto 3 7`, `Clintons 3 41` (in that order) have K = 4,
//! n = [0, 0, 0, 2], coarse 3's list [41, 7], coarse column [3, 3, 3], rank column [0, 1, 0], and
//! words `Clinton\x00` `\x06` `ns\x06` (`Clinto` is the first six bytes of `Clinton`; `Clintons`
//! shares six with `Clinto`).
//!
//! Why this shape: the words alone, sorted and front-coded, are most of the information and gzip
//! best in that order (grouping them by class instead costs more than the class columns do). The
//! coarse column is near its entropy under gzip; the fine class written as a rank within the coarse
//! class's list costs what it adds given the coarse one, not a 9-bit id.

use super::features::FastMap;
use crate::analysis::model_bytes::{read_front_coded, write_front_coded};

/// The classes of one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Classes {
    pub coarse: u16,
    pub fine: u16,
}

/// The table of word classes.
#[derive(Debug, Default)]
pub struct WordClasses {
    words: FastMap<String, Classes>,
}

/// Why a table could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError(pub String);

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "word classes: {}", self.0)
    }
}

impl std::error::Error for FormatError {}

/// The first bytes of the binary table: its magic and version.
pub const MAGIC: &[u8] = b"LEDE word classes 1\n";

/// The shipped table.
pub(super) const SHIPPED: &[u8] = include_bytes!("wordclasses.bin");

/// The table in use: the shipped one or (natively, for experiments) the file named by
/// `LEDE_WORDCLASSES`, in the binary layout or as `word<TAB>coarse<TAB>fine` lines.
pub(super) fn table() -> &'static [u8] {
    #[cfg(not(target_arch = "wasm32"))]
    {
        static OVERRIDE: std::sync::OnceLock<Option<Vec<u8>>> = std::sync::OnceLock::new();
        if let Some(bytes) = OVERRIDE
            .get_or_init(|| {
                let path = std::env::var("LEDE_WORDCLASSES").ok()?;
                let bytes =
                    std::fs::read(&path).unwrap_or_else(|e| panic!("LEDE_WORDCLASSES={path}: {e}"));
                // Checked here, once, so the table in use is always one that reads.
                if let Err(e) = decode(&bytes, |_, _| ()) {
                    panic!("LEDE_WORDCLASSES={path}: {e}");
                }
                Some(bytes)
            })
            .as_deref()
        {
            return bytes;
        }
    }
    SHIPPED
}

/// Whether the table in use is the shipped one (natively, `LEDE_WORDCLASSES` may name another).
pub(super) fn is_shipped() -> bool {
    std::ptr::eq(table(), SHIPPED)
}

/// The table in use, read.
pub(super) fn classes() -> WordClasses {
    // `table` only returns tables that read (the shipped one is tested, an override checked).
    WordClasses::read(table()).unwrap_or_default()
}

/// The canonical lines of the table in use (see the module docs), for the model's fingerprint.
pub(super) fn canonical() -> Vec<u8> {
    canonical_lines(table()).unwrap_or_default()
}

/// The canonical `word<TAB>coarse<TAB>fine` lines of a table, in its order.
pub fn canonical_lines(table: &[u8]) -> Result<Vec<u8>, FormatError> {
    // Written by hand, not with `format!`: this runs at every start-up, for the fingerprint.
    fn number(out: &mut Vec<u8>, n: u16) {
        let mut digits = [0u8; 5];
        let mut at = digits.len();
        let mut n = n;
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        out.extend_from_slice(&digits[at..]);
    }
    let mut text = Vec::with_capacity(table.len() * 5 / 2);
    decode(table, |word, c| {
        text.extend_from_slice(word.as_bytes());
        text.push(b'\t');
        number(&mut text, c.coarse);
        text.push(b'\t');
        number(&mut text, c.fine);
        text.push(b'\n');
    })?;
    Ok(text)
}

/// Calls `each` with every word of a table and its classes, in the table's order. A table that
/// starts with `MAGIC` is read in the binary layout, where anything malformed is an error;
/// anything else as `word<TAB>coarse<TAB>fine` lines, where malformed lines are skipped.
pub fn decode(table: &[u8], mut each: impl FnMut(&str, Classes)) -> Result<(), FormatError> {
    let Some(body) = table.strip_prefix(MAGIC) else {
        let text = std::str::from_utf8(table)
            .map_err(|e| FormatError(format!("neither the binary layout nor text: {e}")))?;
        for line in text.lines() {
            let mut fields = line.split('\t');
            let (Some(word), Some(coarse), Some(fine)) =
                (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            if let (Ok(coarse), Ok(fine)) = (coarse.parse(), fine.parse()) {
                each(word, Classes { coarse, fine });
            }
        }
        return Ok(());
    };
    let mut input = Reader(body);
    let n = u32::from_le_bytes(input.array()?) as usize;
    let k = usize::from(input.take(1)?[0]);
    let counts: Vec<usize> = (0..k)
        .map(|_| input.array().map(|b| usize::from(u16::from_le_bytes(b))))
        .collect::<Result<_, _>>()?;
    let total: usize = counts.iter().sum();
    let (low, high) = (input.take(total)?, input.take(total)?);
    // Coarse class c's list of fine classes is lists[starts[c]..starts[c] + counts[c]].
    let lists: Vec<u16> = low
        .iter()
        .zip(high)
        .map(|(&l, &h)| u16::from_le_bytes([l, h]))
        .collect();
    let starts: Vec<usize> = counts
        .iter()
        .scan(0, |start, &count| {
            let this = *start;
            *start += count;
            Some(this)
        })
        .collect();
    let (coarse, ranks) = (input.take(n)?, input.take(n)?);
    let mut word: Vec<u8> = Vec::with_capacity(64);
    for (i, (&c, &rank)) in coarse.iter().zip(ranks).enumerate() {
        read_front_coded(&mut input.0, &mut word)
            .map_err(|e| FormatError(format!("word {i} of {n} {e}")))?;
        let (c, rank) = (usize::from(c), usize::from(rank));
        if c >= k || rank >= counts[c] {
            return Err(FormatError(format!(
                "word {i} has coarse class {c} and fine rank {rank}, beyond the class lists"
            )));
        }
        let text = std::str::from_utf8(&word)
            .map_err(|e| FormatError(format!("word {i} is not UTF-8: {e}")))?;
        each(
            text,
            Classes {
                coarse: c as u16,
                fine: lists[starts[c] + rank],
            },
        );
    }
    if !input.0.is_empty() {
        return Err(FormatError(format!(
            "{} bytes after the last word",
            input.0.len()
        )));
    }
    Ok(())
}

/// The binary layout of `(word, classes)` entries, in their order (canonically, sorted by word).
/// Deterministic: the same entries give the same bytes.
pub fn encode(entries: &[(String, Classes)]) -> Result<Vec<u8>, FormatError> {
    let k = entries
        .iter()
        .map(|(_, c)| usize::from(c.coarse) + 1)
        .max()
        .unwrap_or(0);
    if k > 255 {
        return Err(FormatError(format!("{k} coarse classes, at most 255 fit")));
    }
    let n = u32::try_from(entries.len())
        .map_err(|_| FormatError(format!("{} words, too many", entries.len())))?;
    // Each coarse class's fine classes, most words first (ties by id).
    let mut counts: Vec<FastMap<u16, usize>> = vec![FastMap::default(); k];
    for (_, c) in entries {
        *counts[usize::from(c.coarse)].entry(c.fine).or_default() += 1;
    }
    let lists: Vec<Vec<u16>> = counts
        .iter()
        .map(|count| {
            let mut list: Vec<(u16, usize)> = count.iter().map(|(&f, &n)| (f, n)).collect();
            list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            list.into_iter().map(|(f, _)| f).collect()
        })
        .collect();
    if let Some((c, list)) = lists.iter().enumerate().find(|(_, l)| l.len() > 256) {
        return Err(FormatError(format!(
            "coarse class {c} spans {} fine classes, at most 256 fit",
            list.len()
        )));
    }
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&n.to_le_bytes());
    out.push(k as u8);
    for list in &lists {
        out.extend_from_slice(&(list.len() as u16).to_le_bytes());
    }
    out.extend(lists.iter().flatten().map(|f| f.to_le_bytes()[0]));
    out.extend(lists.iter().flatten().map(|f| f.to_le_bytes()[1]));
    out.extend(entries.iter().map(|(_, c)| c.coarse as u8));
    out.extend(entries.iter().map(|(_, c)| {
        let list = &lists[usize::from(c.coarse)];
        list.iter().position(|&f| f == c.fine).unwrap_or_default() as u8
    }));
    let mut previous: &[u8] = &[];
    for (word, _) in entries {
        let word = word.as_bytes();
        if !write_front_coded(&mut out, previous, word) {
            return Err(FormatError(format!(
                "{:?} holds a control byte",
                String::from_utf8_lossy(word)
            )));
        }
        previous = word;
    }
    Ok(out)
}

impl WordClasses {
    /// Reads a table (see `decode`).
    pub fn read(table: &[u8]) -> Result<WordClasses, FormatError> {
        // Sized for every word up front, so the map never rehashes while it fills.
        let mut words = FastMap::with_capacity_and_hasher(len_hint(table), Default::default());
        decode(table, |word, classes| {
            words.insert(word.to_string(), classes);
        })?;
        Ok(WordClasses { words })
    }

    /// Reads `word<TAB>coarse<TAB>fine` lines; malformed lines are skipped.
    pub fn parse(text: &str) -> WordClasses {
        WordClasses::read(text.as_bytes()).unwrap_or_default()
    }

    /// The classes of a word in its lookup form (see `form`).
    pub fn get(&self, form: &str) -> Option<Classes> {
        self.words.get(form).copied()
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// How many words a table holds (or, for text, at most holds).
fn len_hint(table: &[u8]) -> usize {
    match table.strip_prefix(MAGIC) {
        Some(body) => Reader(body)
            .array()
            .map_or(0, |n| u32::from_le_bytes(n) as usize),
        None => table.iter().filter(|&&b| b == b'\n').count() + 1,
    }
}

/// The unread rest of a binary table.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, len: usize) -> Result<&'a [u8], FormatError> {
        if self.0.len() < len {
            return Err(FormatError(format!(
                "cut off: {len} bytes wanted, {} left",
                self.0.len()
            )));
        }
        let (taken, rest) = self.0.split_at(len);
        self.0 = rest;
        Ok(taken)
    }

    fn array<const L: usize>(&mut self) -> Result<[u8; L], FormatError> {
        let mut array = [0; L];
        array.copy_from_slice(self.take(L)?);
        Ok(array)
    }
}

/// A token as the table keys it: typography already folded by the caller, digits as `0`.
pub fn form(word: &str) -> std::borrow::Cow<'_, str> {
    if word.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        word.chars()
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect::<String>()
            .into()
    } else {
        word.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(coarse: u16, fine: u16) -> Classes {
        Classes { coarse, fine }
    }

    /// A canonical line: word, coarse class, fine class.
    type Line = (&'static str, u16, u16);

    fn entries(lines: &[Line]) -> Vec<(String, Classes)> {
        lines
            .iter()
            .map(|&(w, c, f)| (w.to_string(), classes(c, f)))
            .collect()
    }

    fn fnv(bytes: &[u8]) -> u64 {
        bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    }

    #[test]
    fn parses_and_looks_up() {
        let table = WordClasses::parse("Clinton\t3\t41\nTrump\t3\t41\nbad line\nx\ty\tz\n");
        assert_eq!(table.len(), 2);
        assert_eq!(table.get("Trump"), Some(classes(3, 41)));
        assert_eq!(table.get("trump"), None, "case is kept");
        assert_eq!(form("1996"), "0000");
        assert_eq!(form("G7"), "G0");
    }

    /// The worked example of the module docs, byte for byte.
    #[test]
    fn the_worked_example() {
        let table = encode(&entries(&[
            ("Clinton", 3, 41),
            ("Clinto", 3, 7),
            ("Clintons", 3, 41),
        ]))
        .unwrap();
        let mut expected = MAGIC.to_vec();
        expected.extend_from_slice(&[3, 0, 0, 0, 4]);
        expected.extend_from_slice(&[0, 0, 0, 0, 0, 0, 2, 0]);
        expected.extend_from_slice(&[41, 7, 0, 0]);
        expected.extend_from_slice(&[3, 3, 3, 0, 1, 0]);
        expected.extend_from_slice(b"Clinton\x00\x06ns\x06");
        assert_eq!(table, expected);
    }

    /// Entries survive `encode` then `decode` in order, and the canonical lines are the text form.
    #[test]
    fn round_trips() {
        let cases: &[(&str, &[Line])] = &[
            ("empty", &[]),
            ("one word", &[("a", 0, 0)]),
            (
                "shared prefixes",
                &[("New", 1, 300), ("News", 1, 2), ("Newsweek", 2, 300)],
            ),
            (
                "a prefix longer than 31 bytes",
                &[
                    ("abcdefghijklmnopqrstuvwxyzabcdefghij", 0, 1),
                    ("abcdefghijklmnopqrstuvwxyzabcdefghijk", 0, 1),
                ],
            ),
            (
                "UTF-8 split inside the shared prefix",
                &[("café", 5, 9), ("cafè", 5, 9), ("€", 6, 65535)],
            ),
            ("unsorted", &[("b", 1, 1), ("a", 0, 0)]),
        ];
        for (name, lines) in cases {
            let entries = entries(lines);
            let table = encode(&entries).unwrap();
            let mut back = Vec::new();
            decode(&table, |w, c| back.push((w.to_string(), c))).unwrap();
            assert_eq!(back, entries, "{name}");
            let text: String = lines
                .iter()
                .map(|(w, c, f)| format!("{w}\t{c}\t{f}\n"))
                .collect();
            assert_eq!(canonical_lines(&table).unwrap(), text.as_bytes(), "{name}");
            assert_eq!(
                canonical_lines(text.as_bytes()).unwrap(),
                text.as_bytes(),
                "{name}"
            );
        }
    }

    #[test]
    fn what_cannot_be_encoded_is_an_error() {
        let cases: &[(&str, &[Line])] = &[
            ("a control byte", &[("a\tb", 0, 0)]),
            ("a newline", &[("a\n", 0, 0)]),
            ("coarse class 255", &[("a", 255, 0)]),
        ];
        for (name, lines) in cases {
            assert!(encode(&entries(lines)).is_err(), "{name}");
        }
        let wide: Vec<(String, Classes)> = (0..257)
            .map(|f| (format!("w{f:03}"), classes(0, f)))
            .collect();
        assert!(encode(&wide).is_err(), "257 fine classes in one coarse");
        assert!(encode(&wide[..256]).is_ok(), "256 fit");
    }

    /// Malformed tables are an error (binary) or skipped lines (text), never a panic.
    #[test]
    fn malformed_tables_are_errors() {
        let good = encode(&entries(&[("Clinton", 3, 41), ("Clinto", 3, 7)])).unwrap();
        let body = MAGIC.len();
        let with = |at: usize, byte: u8| {
            let mut t = good.clone();
            t[at] = byte;
            t
        };
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("magic only", MAGIC.to_vec()),
            ("more words than bytes", with(body, 9)),
            ("coarse class beyond K", with(body + 5 + 8 + 4, 7)),
            ("fine rank beyond the list", with(body + 5 + 8 + 4 + 2, 2)),
            (
                "a prefix longer than the word before",
                with(good.len() - 1, 20),
            ),
            ("no end to the last word", good[..good.len() - 1].to_vec()),
            ("trailing bytes", [good.as_slice(), b"x"].concat()),
            ("not UTF-8", {
                let mut t = good.clone();
                t[body + 5 + 8 + 4 + 4] = 0xff;
                t
            }),
        ];
        for (name, table) in &cases {
            assert!(decode(table, |_, _| ()).is_err(), "{name}");
            assert!(WordClasses::read(table).is_err(), "{name}");
        }
        // Every cut of a good table fails cleanly.
        for end in 0..good.len() {
            let _ = decode(&good[..end], |_, _| ());
        }
        assert!(decode(b"\xff\xfe", |_, _| ()).is_err(), "neither layout");
        let text = WordClasses::read(b"a\t1\nb\t1\t2\nc\t-1\t2\n\nd\t1\t2\textra\n").unwrap();
        assert_eq!(text.len(), 2, "text lines that do not read are skipped");
    }

    /// The shipped table reads whole, is canonical (`encode` gives it back), and its canonical
    /// lines are the `wordclasses.tsv` the entity model was trained with: FNV-1a of that file.
    #[test]
    fn the_shipped_table_is_the_trained_one() {
        let mut entries = Vec::new();
        decode(SHIPPED, |w, c| entries.push((w.to_string(), c))).unwrap();
        assert_eq!(entries.len(), 16_227);
        assert!(entries.windows(2).all(|p| p[0].0 < p[1].0), "sorted");
        assert_eq!(encode(&entries).unwrap(), SHIPPED);
        assert_eq!(WordClasses::read(SHIPPED).unwrap().len(), entries.len());
        let text = canonical_lines(SHIPPED).unwrap();
        assert_eq!(text.len(), 236_371);
        assert_eq!(fnv(&text), 0x7e5f_7b3d_8b32_ec0b);
    }
}
