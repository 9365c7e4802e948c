//! Gazetteer: lists of known names (countries, cities, regions, organisations, nationalities) that
//! give the tagger a feature where a token sequence matches an entry.
//!
//! The committed list (`lexicon.tsv`, one `KIND<TAB>name` a line) is built by
//! `scripts/build_lexicon.py` from registry packages of public data (see that script). It is a
//! feature, never a verdict: the tagger weighs it against context, so `Jordan` the person and
//! `Jordan` the country can both come out right.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use super::features::{FastMap, Fnv};

use crate::analysis::segment::tokenize;
use crate::analysis::span::Span;

/// The kinds a lexicon line may carry, in bit order.
pub const KINDS: [&str; 5] = ["LOC", "ORG", "PER", "MISC", "FIRST"];

/// The longest entry, in tokens, that matching tries.
const MAX_LEN: usize = 6;

/// Which kinds cover one token, and whether it opens the match (`B`) or continues it (`I`).
/// Bit `2k` is "begins a match of kind k", bit `2k + 1` "inside one".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GazTags(u16);

impl GazTags {
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
    entries: FastMap<String, u8>,
    /// Every proper prefix of a multi-token entry (`new`, `new york` for `new york times`), so
    /// matching stops as soon as no entry can continue.
    prefixes: HashSet<String, BuildHasherDefault<Fnv>>,
}

/// The lexicon that ships with Lede.
const LEXICON: &str = include_str!("lexicon.tsv");

/// A fingerprint of the shipped lexicon (FNV-1a of its bytes). A model records the one it was
/// trained with, since its gazetteer features mean nothing with another list.
pub fn fingerprint() -> u64 {
    LEXICON.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

impl Gazetteer {
    /// The shipped gazetteer, parsed once.
    pub fn shipped() -> &'static Gazetteer {
        static SHIPPED: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        SHIPPED.get_or_init(|| Gazetteer::parse(LEXICON))
    }

    /// Reads `KIND<TAB>name` lines; unknown kinds and blank lines are skipped.
    pub fn parse(text: &str) -> Gazetteer {
        // Sized for one entry a line up front, so the map never rehashes while it fills.
        let lines = text.bytes().filter(|&b| b == b'\n').count() + 1;
        let mut entries: FastMap<String, u8> =
            FastMap::with_capacity_and_hasher(lines, Default::default());
        let mut prefixes: HashSet<String, BuildHasherDefault<Fnv>> = HashSet::default();
        for line in text.lines() {
            let Some((kind, name)) = line.split_once('\t') else {
                continue;
            };
            let Some(k) = KINDS.iter().position(|&x| x == kind) else {
                continue;
            };
            let key = key_of(name);
            if !key.is_empty() && key.split(' ').count() <= MAX_LEN {
                for (i, _) in key.match_indices(' ') {
                    prefixes.insert(key[..i].to_string());
                }
                *entries.entry(key).or_default() |= 1 << k;
            }
        }
        Gazetteer { entries, prefixes }
    }

    /// Kinds of the entry spelled by exactly these (lower-cased) tokens, as a bit set over `KINDS`.
    pub fn lookup(&self, lower_tokens: &[&str]) -> u8 {
        self.entries
            .get(&lower_tokens.join(" "))
            .copied()
            .unwrap_or(0)
    }

    /// Tags each token with the longest entry that starts at each position and covers it.
    pub fn tag_sentence(&self, lower_tokens: &[&str]) -> Vec<GazTags> {
        let n = lower_tokens.len();
        let mut tags = vec![GazTags::default(); n];
        if self.entries.is_empty() {
            return tags;
        }
        let mut key = String::new();
        for start in 0..n {
            let mut best: Option<(usize, u8)> = None;
            key.clear();
            for end in start + 1..=(start + MAX_LEN).min(n) {
                if end > start + 1 {
                    key.push(' ');
                }
                key.push_str(lower_tokens[end - 1]);
                if let Some(&kinds) = self.entries.get(key.as_str()) {
                    best = Some((end, kinds));
                }
                if !self.prefixes.contains(key.as_str()) {
                    break;
                }
            }
            if let Some((end, kinds)) = best {
                for k in 0..KINDS.len() {
                    if kinds & (1 << k) != 0 {
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
}

/// An entry as the tagger's tokens spell it: tokenised like text, lower-cased, digits as `0`.
///
/// Written straight into one string: the browser parses all 25k entries on every page load.
fn key_of(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for (i, (span, _)) in tokenize(name, Span::new(0, name.len())).enumerate() {
        if i > 0 {
            key.push(' ');
        }
        key.extend(
            super::features::normalized(span.of(name))
                .chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c.is_ascii_digit() { '0' } else { c }),
        );
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_wins() {
        let gaz =
            Gazetteer::parse("LOC\tNew York\nLOC\tYork\nORG\tNew York Times\nbogus\nXXX\tZ\n");
        let tags = gaz.tag_sentence(&["the", "new", "york", "times", "said"]);
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
