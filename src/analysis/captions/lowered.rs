//! A line in lower case, with a summary of the three-byte sequences it holds, so that the
//! signals' many phrase searches (`signals`) end at once on a line that cannot hold the phrase.
//!
//! Every line of every paste is asked some sixty questions of the kind "does it contain `can be
//! reached`?". A plain search walks the whole line each time, and in WebAssembly, where the
//! standard library's substring search has no vector fast path, those walks were a tenth of the
//! whole analysis. A phrase occurs in a line only if each of its three-byte windows does, so one
//! pass over the line that marks its windows in a bit set (`Lowered::new`) lets most searches
//! answer "no" from a handful of bit tests. A "yes" from the bit set is only a "maybe" (two
//! windows may share a bit), so the real search still decides it: the answers are exactly those
//! of `str::contains`.

use std::ops::Deref;

/// Bits in the window set: a few hundred windows per line leave most of them clear.
const BITS: usize = 4096;

/// A lower-cased line and the set of its three-byte windows. Reads as the `str` it wraps.
pub(crate) struct Lowered<'a> {
    text: &'a str,
    windows: [u64; BITS / 64],
}

/// The bit a three-byte window sets: the bytes as one number, mixed by a multiplicative hash so
/// that similar windows (`the`, `thi`) land far apart. Worked example: `abc` is 0x616263, times
/// the golden-ratio constant, keeping the top 12 bits.
fn bit_of(window: &[u8]) -> usize {
    let word = u32::from(window[0]) << 16 | u32::from(window[1]) << 8 | u32::from(window[2]);
    (word.wrapping_mul(0x9e37_79b1) >> (32 - BITS.trailing_zeros())) as usize
}

impl<'a> Lowered<'a> {
    /// Wraps `text`, which the caller has lower-cased, and marks its windows.
    pub(crate) fn new(text: &'a str) -> Lowered<'a> {
        let mut windows = [0u64; BITS / 64];
        for w in text.as_bytes().windows(3) {
            let bit = bit_of(w);
            windows[bit / 64] |= 1 << (bit % 64);
        }
        Lowered { text, windows }
    }

    /// Whether the line may contain `needle`: false means it surely does not.
    pub(crate) fn may_contain(&self, needle: &str) -> bool {
        needle.as_bytes().windows(3).all(|w| {
            let bit = bit_of(w);
            self.windows[bit / 64] & (1 << (bit % 64)) != 0
        })
    }

    /// `str::contains(needle)`, answered from the window set when the line cannot hold it.
    pub(crate) fn has(&self, needle: &str) -> bool {
        self.may_contain(needle) && self.text.contains(needle)
    }
}

impl Deref for Lowered<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `has` answers as `contains` does, for phrases in and out of the line, at its edges, of
    /// fewer than three bytes, and with non-ASCII text.
    #[test]
    fn has_equals_contains() {
        let lines = [
            "the ceasefire held, said the associated press writer.",
            "(ap photo/efrem lukatsky)",
            "© 2025 reuters. all rights reserved",
            "zelenskyy met trump in the oval office",
            "",
            "ab",
        ];
        let needles = [
            "associated press writer",
            "associated press reporter",
            "(ap photo",
            "lukatsky)",
            "©",
            "© 2",
            "all rights reserved",
            "rights reversed",
            "the",
            "zel",
            "ab",
            "a",
            "",
            "oval office",
            "oval offices",
            "ffice",
        ];
        for line in lines {
            let lowered = Lowered::new(line);
            for needle in needles {
                assert_eq!(
                    lowered.has(needle),
                    line.contains(needle),
                    "{line:?} {needle:?}"
                );
            }
        }
    }
}
