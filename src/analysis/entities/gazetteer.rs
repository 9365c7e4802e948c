//! Gazetteer: lists of known names (countries, cities, regions, organisations, nationalities) that
//! give the tagger a feature where a token sequence matches an entry.
//!
//! The committed lists (`lexicon.names`, `wikinames.names`: `KIND<TAB>name` lines, packed by
//! `packed`) are built by `scripts/build_lexicon.py` from registry packages of public data (see that script). It is a
//! feature, never a verdict: the tagger weighs it against context, so `Jordan` the person and
//! `Jordan` the country can both come out right.

use super::name_table::{Found, NameTable};
use super::wordclass::{self, WordClasses};

use crate::analysis::segment::tokenize;
use crate::analysis::span::Span;

/// The kinds a lexicon line may carry, in bit order.
/// `WORG` and `WLOC` are the large Wikipedia-derived lists: kinds of their own, so the tagger learns
/// how far to trust them apart from the small curated ones.
pub const KINDS: [&str; 7] = ["LOC", "ORG", "PER", "MISC", "FIRST", "WORG", "WLOC"];

/// The bits of `lookup` that name an organisation: the curated `ORG` and Wikipedia's `WORG`.
pub const ORGANISATION_KINDS: u8 = 1 << 1 | 1 << 5;

/// The bit of `lookup` for a curated place (`LOC`).
pub const CURATED_PLACE: u8 = 1;

/// The bit of `lookup` for a curated organisation (`ORG`, not Wikipedia's `WORG`).
pub const CURATED_ORGANISATION: u8 = 1 << 1;

/// The bit of `lookup` for other names: nationalities, events and the like (`MISC`).
pub const OTHER_NAME: u8 = 1 << 3;

/// The bits of `lookup` that name a place: the curated `LOC` and Wikipedia's `WLOC`.
pub const LOCATION_KINDS: u8 = CURATED_PLACE | 1 << 6;

/// The longest entry, in tokens, that matching tries.
pub const MAX_LEN: usize = 6;

/// Which kinds cover one token, and whether it opens the match (`B`) or continues it (`I`).
/// Bit `2k` is "begins a match of kind k", bit `2k + 1` "inside one".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GazTags(u16);

impl GazTags {
    /// The matches of both.
    pub fn union(self, other: GazTags) -> GazTags {
        GazTags(self.0 | other.0)
    }

    /// (kind index, inside) for each match covering the token.
    pub fn iter(self) -> impl Iterator<Item = (u8, bool)> {
        (0..KINDS.len() as u8).flat_map(move |k| {
            let begin = self.0 & (1 << (2 * k)) != 0;
            let inside = self.0 & (1 << (2 * k + 1)) != 0;
            [(begin, false), (inside, true)]
                .into_iter()
                .filter(|&(set, _)| set)
                .map(move |(_, inside)| (k, inside))
        })
    }
}

/// Entries keyed by their lower-cased tokens joined with a space.
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// The entries, each with its kinds (a bit set over `KINDS`) and which of its tokens are
    /// capitalised: bit `i` set means token `i` starts with a capital, so the text must capitalise
    /// it too for a match (`Bank of America` matches `Bank of America` and `BANK OF AMERICA`,
    /// never `bank of america`; names are capitalised, the same words in lower case are common
    /// words). Also every proper prefix of a multi-token entry (`new`, `new york` for
    /// `new york times`), so matching stops as soon as no entry can continue.
    names: NameTable,
    /// Word classes induced from unlabelled news (`wordclass`): the other lexical resource the
    /// features read, kept beside the lists.
    pub classes: WordClasses,
}

/// The lexicon that ships with Lede: curated lists from registry packages (`lexicon.names`) and the
/// Wikipedia names that news prints (`wikinames.names`, `lede build-wikinames`), both packed
/// (`packed`: grouped by kind and front-coded, 32 KB less of the worker's gzipped size).
const LEXICON: &str = include_str!("lexicon.names");
const WIKINAMES: &str = include_str!("wikinames.names");

/// The shipped tables as `KIND<TAB>name` lines (the tests read them whole).
#[cfg(test)]
fn shipped_tables() -> [&'static str; 2] {
    static TABLES: std::sync::OnceLock<[String; 2]> = std::sync::OnceLock::new();
    let [lexicon, wikinames] = TABLES.get_or_init(|| {
        [LEXICON, WIKINAMES].map(|t| super::packed::unpack(t).expect("a shipped table is packed"))
    });
    [lexicon, wikinames]
}

/// Natively, for experiments: the file named by the `LEDE_LEXICON` environment variable, read in
/// place of the shipped tables.
fn override_table() -> Option<&'static str> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        static OVERRIDE: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
        OVERRIDE
            .get_or_init(|| {
                let path = std::env::var("LEDE_LEXICON").ok()?;
                Some(std::fs::read_to_string(&path).unwrap_or_else(|e| {
                    panic!("LEDE_LEXICON={path}: {e}");
                }))
            })
            .as_deref()
    }
    #[cfg(target_arch = "wasm32")]
    None
}

/// The fingerprint's hash (FNV-1a) at its start.
const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a continued from `h` over `bytes`.
fn fnv(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The lexicon in use, read once: its gazetteer, and the fingerprint's hash of its tables.
struct Lexicon {
    gazetteer: Gazetteer,
    /// FNV-1a of each table's `KIND<TAB>name` lines, each table followed by a 0xff byte; `None`
    /// for the shipped tables, whose fingerprint is `SHIPPED_FINGERPRINT`.
    tables_hash: Option<u64>,
}

/// `fingerprint()` of the shipped tables and word classes, as a test computes it
/// (`shipped_fingerprint_is_computed`). Hashing the tables' text and the word classes' canonical
/// lines cost every page load about an eighth of the worker's start-up (10.5M of 79.6M
/// instructions natively), in wasm that V8 has not optimised yet, to learn a number that only changes when
/// those files do. A change to them fails that test, which prints the new value.
const SHIPPED_FINGERPRINT: u64 = 0x4216_2375_56e7_b34c;

/// Reads the lexicon in use: the shipped tables, or the `LEDE_LEXICON` override.
///
/// The shipped tables are read straight from their packed form (`packed::for_each_line`), and
/// each line is hashed as it goes by, so the tables are never unpacked into text: this runs on
/// every page load, before the first analysis, in wasm that V8 has not optimised yet.
fn lexicon() -> &'static Lexicon {
    static LEXICON_IN_USE: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEXICON_IN_USE.get_or_init(|| {
        let mut lexicon = match override_table() {
            Some(text) => {
                let tables = [text, ""];
                Lexicon {
                    gazetteer: Gazetteer::parse_all(&tables),
                    tables_hash: Some(tables_hash(&tables)),
                }
            }
            None => Lexicon::read_packed(&[LEXICON, WIKINAMES]),
        };
        lexicon.gazetteer.classes = wordclass::classes();
        lexicon
    })
}

/// FNV-1a of each table's text, each followed by a 0xff byte.
fn tables_hash(tables: &[&str]) -> u64 {
    tables
        .iter()
        .fold(FNV_START, |h, t| fnv(fnv(h, t.as_bytes()), &[0xff]))
}

impl Lexicon {
    /// `parse_all` over the unpacked form of `packed` tables, in one pass.
    fn read_packed(packed: &[&str]) -> Lexicon {
        let lines = packed
            .iter()
            .map(|t| t.bytes().filter(|&b| b == b'\n').count())
            .sum::<usize>();
        let bytes = packed.iter().map(|t| t.len()).sum::<usize>() * 2;
        let mut names = NameTable::with_capacity(lines * 2, bytes);
        let mut key = Vec::new();
        // The kind of the lines before, by where its name is in the table, and its bit.
        let mut kind: (*const u8, Option<u8>) = (std::ptr::null(), None);
        for table in packed {
            super::packed::for_each_line(table, |this, name| {
                if this.as_ptr() != kind.0 {
                    kind = (
                        this.as_ptr(),
                        KINDS.iter().position(|&x| x == this).map(|k| 1 << k),
                    );
                }
                if let Some(bit) = kind.1 {
                    add_name(&mut names, bit, name, &mut key);
                }
            })
            .expect("a shipped table is packed");
        }
        Lexicon {
            gazetteer: Gazetteer {
                names,
                classes: WordClasses::default(),
            },
            tables_hash: None,
        }
    }
}

/// Adds one `KIND<TAB>name` line's entry: unknown kinds are skipped, and so are names with no
/// token or more than `MAX_LEN`.
/// `key` is scratch space: a plain ASCII name (nearly all) is keyed in it with no allocation.
fn add_line(names: &mut NameTable, kind: &str, name: &str, key: &mut Vec<u8>) {
    if let Some(k) = KINDS.iter().position(|&x| x == kind) {
        add_name(names, 1 << k, name, key);
    }
}

/// `add_line` with the kind's bit known: the shipped tables change kind a handful of times in
/// 36,000 lines, so their reader looks each kind up once.
fn add_name(names: &mut NameTable, kind: u8, name: &str, key: &mut Vec<u8>) {
    let (capitals, spaces) = match ascii_plain_key(name, key) {
        Some(found) => found,
        None => {
            let (general, capitals) = key_of(name);
            key.clear();
            key.extend_from_slice(general.as_bytes());
            (capitals, general.bytes().filter(|&b| b == b' ').count())
        }
    };
    if !key.is_empty() && spaces < MAX_LEN {
        names.add_key(key, kind, capitals);
    }
}

/// `plain_key_of` for an ASCII name, as bytes: the key (in `key`), its capitals and its spaces, or
/// `None` for a name that is not plain ASCII (`key` is then left as it was). Loading the lexicon
/// keys 36,000 names on every page load, in wasm that V8 has not optimised yet, so the name is
/// checked in one pass over its bytes and then copied and lower-cased whole, which the compiler
/// turns into a few wide operations rather than a push per character.
fn ascii_plain_key(name: &str, key: &mut Vec<u8>) -> Option<(u8, usize)> {
    let (mut capitals, mut word, mut word_start) = (0u8, 0usize, true);
    for &b in name.as_bytes() {
        if b == b' ' {
            if word_start {
                return None;
            }
            word += 1;
            word_start = true;
        } else if b.is_ascii_alphabetic() {
            if word_start && word < 8 && b.is_ascii_uppercase() {
                capitals |= 1 << word;
            }
            word_start = false;
        } else {
            return None;
        }
    }
    if word_start {
        return None;
    }
    key.clear();
    key.extend_from_slice(name.as_bytes());
    key.make_ascii_lowercase();
    Some((capitals, word))
}

/// A fingerprint of the lexicon and word classes in use (FNV-1a of their bytes; for the word classes,
/// of their canonical lines, whatever layout they ship in). A model records the one it was trained
/// with, since its lexical features mean nothing with other tables.
///
/// With the shipped tables this is `SHIPPED_FINGERPRINT`, read rather than worked out; a model
/// being trained records `trained_fingerprint`, which is always worked out, so tables changed
/// without updating the constant give a model that refuses to load, never a model that loads
/// with the wrong tables.
pub fn fingerprint() -> u64 {
    // Read at every model load: worked out once (the tables never change while Lede runs).
    static FINGERPRINT: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *FINGERPRINT.get_or_init(|| match (lexicon().tables_hash, wordclass::is_shipped()) {
        (None, true) => SHIPPED_FINGERPRINT,
        (tables, _) => computed_fingerprint(tables),
    })
}

/// The fingerprint of the tables in use, always worked out from them: what a newly trained model
/// records.
pub fn trained_fingerprint() -> u64 {
    computed_fingerprint(lexicon().tables_hash)
}

/// The fingerprint worked out from the tables in use: `tables` is their hash if it is known.
fn computed_fingerprint(tables: Option<u64>) -> u64 {
    let tables = tables.unwrap_or_else(|| {
        let [lexicon, wikinames] = [LEXICON, WIKINAMES]
            .map(|t| super::packed::unpack(t).expect("a shipped table is packed"));
        tables_hash(&[&lexicon, &wikinames])
    });
    fnv(tables, &wordclass::canonical())
}

impl Gazetteer {
    /// The shipped gazetteer (or the `LEDE_LEXICON` override's), read once.
    pub fn shipped() -> &'static Gazetteer {
        &lexicon().gazetteer
    }

    /// Reads `KIND<TAB>name` lines; unknown kinds and blank lines are skipped.
    pub fn parse(text: &str) -> Gazetteer {
        Gazetteer::parse_all(&[text])
    }

    /// `parse` over several tables, as one.
    pub fn parse_all(texts: &[&str]) -> Gazetteer {
        // Sized for every line an entry with a prefix, so the table never grows while it fills.
        let lines = texts
            .iter()
            .map(|t| t.bytes().filter(|&b| b == b'\n').count() + 1)
            .sum::<usize>();
        let bytes = texts.iter().map(|t| t.len()).sum();
        let mut names = NameTable::with_capacity(lines * 2, bytes);
        let mut key = Vec::new();
        for line in texts.iter().flat_map(|t| t.lines()) {
            if let Some((kind, name)) = line.split_once('\t') {
                add_line(&mut names, kind, name, &mut key);
            }
        }
        Gazetteer {
            names,
            classes: WordClasses::default(),
        }
    }

    /// Whether the gazetteer has no entry at all.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Kinds of the entry whose key (`key_of`) is `key`, as a bit set over `KINDS`.
    pub fn lookup_key(&self, key: &str) -> u8 {
        self.names.find(key).map_or(0, |f| f.kinds)
    }

    /// Kinds of the entry spelled by exactly these (lower-cased) tokens, as a bit set over `KINDS`.
    pub fn lookup(&self, lower_tokens: &[&str]) -> u8 {
        self.lookup_key(&lower_tokens.join(" "))
    }

    /// Whether these (lower-cased) tokens name a place and no organisation: a curated place, or
    /// a Wikipedia place of two words or more (`sao paulo`). Wikipedia's list of places alone
    /// also holds single words that are mostly something else (`republican`).
    pub fn names_a_place(&self, lower_tokens: &[&str]) -> bool {
        let kinds = self.lookup(lower_tokens);
        let listed =
            kinds & CURATED_PLACE != 0 || (kinds & LOCATION_KINDS != 0 && lower_tokens.len() >= 2);
        listed && kinds & ORGANISATION_KINDS == 0
    }

    /// Tags each token with the longest entry that starts at each position and covers it.
    /// `capitalized[i]` says whether token `i` starts with a capital in the text: an entry's
    /// capitalised tokens match only capitalised ones.
    pub fn tag_sentence(&self, lower_tokens: &[&str], capitalized: &[bool]) -> Vec<GazTags> {
        let n = lower_tokens.len();
        let mut tags = vec![GazTags::default(); n];
        if self.names.is_empty() {
            return tags;
        }
        let mut key = String::new();
        for start in 0..n {
            if let Some((end, entry)) = self.longest_at(lower_tokens, capitalized, start, &mut key)
            {
                for k in 0..KINDS.len() {
                    if entry.kinds & (1 << k) != 0 {
                        tags[start].0 |= 1 << (2 * k);
                        for t in &mut tags[start + 1..end] {
                            t.0 |= 1 << (2 * k + 1);
                        }
                    }
                }
            }
        }
        tags
    }

    /// The matches of a sentence read left to right, each the longest entry at its start, none
    /// overlapping: where a rule needs whole names rather than `tag_sentence`'s per-token tags.
    pub fn matches(&self, lower_tokens: &[&str], capitalized: &[bool]) -> Vec<Match> {
        self.matches_from(lower_tokens, capitalized, |_| true)
    }

    /// `matches`, trying only the starts `may_start` allows: for a table whose every entry opens
    /// on a capital, no match can start on a lower-case token, so those need no probe.
    pub fn matches_from(
        &self,
        lower_tokens: &[&str],
        capitalized: &[bool],
        may_start: impl Fn(usize) -> bool,
    ) -> Vec<Match> {
        let mut out = Vec::new();
        if self.names.is_empty() {
            return out;
        }
        let mut key = String::new();
        let mut start = 0;
        while start < lower_tokens.len() {
            if !may_start(start) {
                start += 1;
                continue;
            }
            match self.longest_at(lower_tokens, capitalized, start, &mut key) {
                Some((end, entry)) => {
                    out.push(Match {
                        start,
                        end,
                        kinds: entry.kinds,
                        capitalised: entry.capitals != 0,
                    });
                    start = end;
                }
                None => start += 1,
            }
        }
        out
    }

    /// The longest entry that starts at token `start` and matches with its capitals: its end
    /// token and the entry. `key` is scratch space.
    ///
    /// Always inlined: tagging calls it for every token of every sentence, and as a call of its
    /// own it cost the sample 0.2% more instructions (callgrind).
    #[inline(always)]
    fn longest_at(
        &self,
        lower_tokens: &[&str],
        capitalized: &[bool],
        start: usize,
        key: &mut String,
    ) -> Option<(usize, Found)> {
        let mut best = None;
        let mut text_capitals = 0u8;
        key.clear();
        for end in start + 1..=(start + MAX_LEN).min(lower_tokens.len()) {
            if end > start + 1 {
                key.push(' ');
            }
            key.push_str(lower_tokens[end - 1]);
            if capitalized.get(end - 1).copied().unwrap_or(false) {
                text_capitals |= 1 << (end - 1 - start);
            }
            // One probe: whether the key is an entry, and whether a longer one can continue it.
            let Some(found) = self.names.find(key) else {
                break;
            };
            if found.kinds != 0 && found.capitals & !text_capitals == 0 {
                best = Some((end, found));
            }
            if !found.prefix {
                break;
            }
        }
        best
    }
}

/// One whole match of an entry in a sentence (`Gazetteer::matches`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// Token range `start..end`.
    pub start: usize,
    pub end: usize,
    /// The entry's kinds, a bit set over `KINDS`.
    pub kinds: u8,
    /// Whether the entry is written with a capital (so the text matched it with one).
    pub capitalised: bool,
}

/// An entry as the tagger's tokens spell it: tokenised like text, lower-cased, digits as `0`.
///
/// Written straight into one string: the browser parses every entry on every page load. Also
/// returns which tokens are capitalised (bit `i` for token `i`, up to 8).
pub fn key_of(name: &str) -> (String, u8) {
    plain_key_of(name).unwrap_or_else(|| tokenized_key_of(name))
}

/// `key_of` through the tokenizer, for any name.
fn tokenized_key_of(name: &str) -> (String, u8) {
    let mut key = String::with_capacity(name.len());
    let mut capitals = 0u8;
    for (i, (span, _)) in tokenize(name, Span::new(0, name.len())).enumerate() {
        if i > 0 {
            key.push(' ');
        }
        if i < 8 && span.of(name).starts_with(char::is_uppercase) {
            capitals |= 1 << i;
        }
        key.extend(
            super::features::normalized(span.of(name))
                .chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c.is_ascii_digit() { '0' } else { c }),
        );
    }
    (key, capitals)
}

/// `key_of` for the common case, without the tokenizer: words of letters between single spaces,
/// which tokenize as themselves. Loading the lexicon keys every line, so this is most of the
/// gazetteer's start-up time saved. `None` for any other name.
fn plain_key_of(name: &str) -> Option<(String, u8)> {
    if name.is_ascii() {
        let mut key = Vec::with_capacity(name.len());
        return ascii_plain_key(name, &mut key).map(|(capitals, _)| {
            let key = String::from_utf8(key).expect("an ASCII name's key is ASCII");
            (key, capitals)
        });
    }
    let capitals = plain_capitals(name.chars())?;
    Some((
        name.chars().flat_map(char::to_lowercase).collect(),
        capitals,
    ))
}

/// Which words of a plain name (words of letters between single spaces) start with a capital, bit
/// `i` for word `i` (up to 8); `None` if the name is not plain.
fn plain_capitals(chars: impl Iterator<Item = char>) -> Option<u8> {
    let mut capitals = 0u8;
    let (mut word, mut word_start) = (0usize, true);
    for c in chars {
        if c == ' ' {
            if word_start {
                return None;
            }
            word += 1;
            word_start = true;
        } else if c.is_alphabetic() {
            if word_start && word < 8 && c.is_uppercase() {
                capitals |= 1 << word;
            }
            word_start = false;
        } else {
            return None;
        }
    }
    (!word_start).then_some(capitals)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path keys every shipped name exactly as the tokenizer does.
    #[test]
    fn plain_keys_match_tokenized_keys() {
        let mut plain = 0;
        for line in shipped_tables().iter().flat_map(|t| t.lines()) {
            let Some((_, name)) = line.split_once('\t') else {
                continue;
            };
            if let Some(fast) = plain_key_of(name) {
                plain += 1;
                assert_eq!(fast, tokenized_key_of(name), "{name}");
            }
        }
        assert!(plain > 30_000, "most names take the fast path: {plain}");
    }

    /// The one-pass ASCII key is the key and capitals that the general reading of a plain name
    /// (`plain_capitals` over its chars, lower-cased char by char) gives, with the key's spaces,
    /// for every shipped name and for the edges of plainness; it declines exactly the names that
    /// reading declines or that are not ASCII.
    #[test]
    fn one_pass_ascii_keys_are_plain_keys() {
        let edges = [
            "",
            " ",
            "A",
            "a b",
            "A  B",
            " A",
            "A ",
            "New York",
            "AT&T",
            "O'Neil",
            "Zürich",
            "X-Men",
            "3M",
            "A B C D E F G H I J",
            "McDONALD'S",
        ];
        let names = shipped_tables()
            .iter()
            .flat_map(|t| t.lines())
            .filter_map(|l| l.split_once('\t').map(|(_, n)| n))
            .chain(edges)
            .collect::<Vec<_>>();
        let mut key = Vec::new();
        for name in names {
            let plain = plain_capitals(name.chars())
                .filter(|_| name.is_ascii())
                .map(|c| (name.chars().flat_map(char::to_lowercase).collect(), c));
            match ascii_plain_key(name, &mut key) {
                Some((capitals, spaces)) => {
                    let key = String::from_utf8(key.clone()).expect("ASCII");
                    assert_eq!(Some((key.clone(), capitals)), plain, "{name:?}");
                    assert_eq!(spaces, key.matches(' ').count(), "{name:?}");
                }
                None => assert_eq!(plain, None, "{name:?}"),
            }
        }
    }

    /// Reading the packed tables in one pass gives what parsing them unpacked gives: the same
    /// answer for every key and each of its prefixes.
    #[test]
    fn packed_tables_read_as_their_text() {
        let text = shipped_tables();
        let parsed = Gazetteer::parse_all(&text);
        let read = Lexicon::read_packed(&[LEXICON, WIKINAMES]);
        let mut keys = 0;
        for line in text.iter().flat_map(|t| t.lines()) {
            let (_, name) = line.split_once('\t').expect("a tab");
            let (key, _) = key_of(name);
            for (end, _) in key.match_indices(' ').chain([(key.len(), "")]) {
                let part = &key[..end];
                assert_eq!(
                    read.gazetteer.names.find(part),
                    parsed.names.find(part),
                    "{part}"
                );
            }
            keys += 1;
        }
        assert!(keys > 30_000, "{keys}");
    }

    /// The constant the shipped build uses is the fingerprint of the shipped files, hashed byte
    /// by byte from their text (the tables) and canonical lines (the word classes).
    #[test]
    fn shipped_fingerprint_is_computed() {
        let text = shipped_tables();
        let by_byte = text
            .iter()
            .flat_map(|t| t.bytes().chain([0xff]))
            .fold(FNV_START, |h, b| fnv(h, &[b]));
        assert_eq!(tables_hash(&text), by_byte);
        let computed = computed_fingerprint(None);
        assert_eq!(
            computed,
            fnv(
                by_byte,
                &wordclass::canonical_lines(wordclass::SHIPPED).unwrap()
            )
        );
        assert_eq!(
            SHIPPED_FINGERPRINT, computed,
            "the shipped tables changed: set SHIPPED_FINGERPRINT to {computed:#018x}"
        );
        assert_eq!(fingerprint(), SHIPPED_FINGERPRINT);
        assert_eq!(trained_fingerprint(), SHIPPED_FINGERPRINT);
    }

    /// The shipped tables are packed as `lede pack-names` packs them, so a rebuild gives the
    /// same bytes.
    #[test]
    fn shipped_tables_are_packed_canonically() {
        for (packed, table) in [LEXICON, WIKINAMES].iter().zip(shipped_tables()) {
            assert!(table.lines().count() > 10_000);
            assert_eq!(super::super::packed::pack(table).as_deref(), Some(*packed));
        }
    }

    #[test]
    fn longest_match_wins() {
        let gaz =
            Gazetteer::parse("LOC\tNew York\nLOC\tYork\nORG\tNew York Times\nbogus\nXXX\tZ\n");
        let tags = gaz.tag_sentence(
            &["the", "new", "york", "times", "said"],
            &[false, true, true, true, false],
        );
        let kinds = |t: GazTags| t.iter().collect::<Vec<_>>();
        assert_eq!(kinds(tags[0]), []);
        assert_eq!(kinds(tags[1]), [(1, false)]);
        assert_eq!(
            kinds(tags[2]),
            [(0, false), (1, true)],
            "York alone is a LOC too"
        );
        assert_eq!(kinds(tags[3]), [(1, true)]);
    }

    #[test]
    fn capitalised_entries_match_only_capitalised_text() {
        let gaz = Gazetteer::parse("ORG\tBank of America\nFIRST\tWill\n");
        let kinds = |tags: Vec<GazTags>| tags.iter().map(|t| t.iter().count()).collect::<Vec<_>>();
        let words = ["bank", "of", "america", "will"];
        assert_eq!(
            kinds(gaz.tag_sentence(&words, &[true, false, true, true])),
            [1, 1, 1, 1]
        );
        assert_eq!(
            kinds(gaz.tag_sentence(&words, &[true, true, true, true])),
            [1, 1, 1, 1],
            "a line in capitals matches"
        );
        assert_eq!(
            kinds(gaz.tag_sentence(&words, &[false, false, false, false])),
            [0, 0, 0, 0],
            "common words do not"
        );
    }

    #[test]
    fn entries_are_tokenized_like_text() {
        let gaz = Gazetteer::parse("LOC\tU.S.\nLOC\tSaint-Étienne\n");
        assert_eq!(gaz.lookup(&["u.s."]), 1);
        assert_eq!(gaz.lookup(&["saint-étienne"]), 1);
    }

    #[test]
    fn shipped_lexicon_knows_countries() {
        let gaz = Gazetteer::shipped();
        assert_ne!(gaz.lookup(&["ukraine"]) & 1, 0);
        assert_ne!(gaz.lookup(&["france"]) & 1, 0);
    }
}
