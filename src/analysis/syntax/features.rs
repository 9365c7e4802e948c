//! The tagger's features: for each token, a fixed list of hashed keys.
//!
//! Training (`eval::pos`) and tagging call the same `token_features`, so the two cannot drift
//! apart. Each word is hashed once into its forms (lower case, suffix, prefix, shape); a feature
//! mixes a template number with one or two of those hashes, or with the tags already chosen to its
//! left (the tagger reads left to right).
//!
//! Worked example: for `met` in `Putin met Witkoff`, the template `PREV_TAG_WORD` mixes
//! `[PREV_TAG_WORD, tag PROPN, hash("met")]`, and `SUFFIX` mixes `[SUFFIX, hash("met")]` (a word
//! of three letters is its own suffix). A key is the top `KEY_BITS` bits of the mix, so the model
//! file stores small gaps between sorted keys.

use super::tags::Tag;

/// Bump when a template or a word form changes: the model file records it and refuses a mismatch.
pub const FEATURE_VERSION: u16 = 1;

/// Bits kept of each feature hash. 2^22 slots for some 10^5 features: few collide, and those that
/// do were trained collided.
pub const KEY_BITS: u32 = 18;

/// Features per token.
pub const N_FEATURES: usize = 14;

/// The forms of one word that features read, each already hashed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Forms {
    lower: u64,
    suffix: u64,
    prefix: u64,
    shape: u64,
}

/// FNV-1a over bytes, with a final avalanche so the top bits are well mixed.
fn hash_bytes(seed: u64, bytes: impl IntoIterator<Item = u8>) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325 ^ seed;
    for b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn avalanche(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The token as the CoNLL-2003 data spells it: curly quotes and apostrophes straight, dashes as
/// `--`, lower case, every digit `0` (so `1998` and `2025` are one word to the tagger).
pub fn normalise(word: &str) -> String {
    match symbol_form(word) {
        Some(form) => form.to_string(),
        None => word
            .chars()
            .map(plain_char)
            .flat_map(char::to_lowercase)
            .collect(),
    }
}

/// The spelling of a token that the data writes otherwise as a whole (`“` as `"`).
fn symbol_form(word: &str) -> Option<&'static str> {
    match word {
        "“" | "”" | "„" | "«" | "»" => Some("\""),
        "—" | "–" | "―" => Some("--"),
        "[" | "{" => Some("("),
        "]" | "}" => Some(")"),
        _ => None,
    }
}

/// One character as the data spells it, before lower-casing.
fn plain_char(c: char) -> char {
    match c {
        '’' | '‘' | '`' => '\'',
        c if c.is_ascii_digit() => '0',
        c => c,
    }
}

/// `Xx` for `Putin`, `X.X.` for `U.S.`, `d-x` for `30-day`: each character's class, runs
/// collapsed.
#[cfg(test)]
fn shape(word: &str) -> String {
    let mut out = String::new();
    shape_classes(word, |class| out.push(class));
    out
}

/// Calls `push` with each character class of `word`'s shape, in order, up to nine bytes of
/// shape (as many as the model was trained with).
fn shape_classes(word: &str, mut push: impl FnMut(char)) {
    let (mut last, mut len) = (None, 0);
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if last != Some(class) {
            push(class);
            last = Some(class);
            len += class.len_utf8();
        }
        if len > 8 {
            break;
        }
    }
}

/// FNV-1a, fed a character at a time: `hash_bytes` over the characters' UTF-8 bytes.
struct Fnv(u64);

impl Fnv {
    fn new(seed: u64) -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325 ^ seed)
    }

    fn char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

impl Forms {
    /// The forms of `word` as written. Hashed as they are read, with no string built: this
    /// runs for every word the syntax tagger reads.
    pub fn of(word: &str) -> Forms {
        let mut lower = Fnv::new(1);
        let mut head = None;
        // The last three characters, in a ring.
        let (mut last, mut count) = (['\0'; 3], 0usize);
        let mut take = |c: char| {
            lower.char(c);
            head.get_or_insert(c);
            last[count % 3] = c;
            count += 1;
        };
        match symbol_form(word) {
            Some(form) => form.chars().for_each(&mut take),
            None => word
                .chars()
                .map(plain_char)
                .flat_map(char::to_lowercase)
                .for_each(&mut take),
        }
        let mut suffix = Fnv::new(2);
        let kept = count.min(3);
        for k in count - kept..count {
            suffix.char(last[k % 3]);
        }
        let mut prefix = Fnv::new(3);
        if let Some(c) = head {
            prefix.char(c);
        }
        let mut shape = Fnv::new(4);
        shape_classes(word, |class| shape.char(class));
        Forms {
            lower: lower.0,
            suffix: suffix.0,
            prefix: prefix.0,
            shape: shape.0,
        }
    }

    /// The stand-in for the words before the first and after the last.
    fn edge(side: u8) -> Forms {
        let h = hash_bytes(5, [side]);
        Forms {
            lower: h,
            suffix: h,
            prefix: h,
            shape: h,
        }
    }
}

/// One feature key: a template and up to two parts, mixed and cut to `KEY_BITS`.
fn key(template: u64, a: u64, b: u64) -> u32 {
    let mixed = avalanche(
        a.wrapping_mul(0x9e37_79b9_7f4a_7c15)
            ^ b.rotate_left(29)
            ^ template.wrapping_mul(0xd6e8_feb8_6659_fd93),
    );
    (mixed >> (64 - KEY_BITS)) as u32
}

/// The keys of token `i`, given the words' forms and the tags of the two tokens before it
/// (`None` before the sentence starts).
pub fn token_features(
    forms: &[Forms],
    i: usize,
    prev: Option<Tag>,
    prev2: Option<Tag>,
) -> [u32; N_FEATURES] {
    let at = |k: isize| -> Forms {
        let j = i as isize + k;
        if j < 0 {
            Forms::edge(0)
        } else {
            forms.get(j as usize).copied().unwrap_or(Forms::edge(1))
        }
    };
    let tag = |t: Option<Tag>| t.map_or(99, |t| t as u64);
    let (w, p1, n1) = (at(0), at(-1), at(1));
    let first = u64::from(i == 0);
    [
        key(0, 0, 0),
        key(1, w.lower, 0),
        key(2, w.suffix, 0),
        key(3, w.prefix, 0),
        key(4, w.shape, first),
        key(5, tag(prev), 0),
        key(6, tag(prev), tag(prev2)),
        key(7, tag(prev), w.lower),
        key(8, p1.lower, 0),
        key(9, p1.suffix, 0),
        key(11, n1.lower, 0),
        key(12, n1.suffix, 0),
        key(14, w.suffix, n1.shape),
        key(15, tag(prev), n1.lower),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_spelled_as_the_training_data_spells_them() {
        let cases = [
            ("Russia’s", "russia's"),
            ("“", "\""),
            ("—", "--"),
            ("2025", "0000"),
            ("N.Y.", "n.y."),
        ];
        for (word, want) in cases {
            assert_eq!(normalise(word), want, "{word}");
        }
    }

    #[test]
    fn shapes() {
        let cases = [
            ("Putin", "Xx"),
            ("U.S.", "X.X."),
            ("30-day", "d-x"),
            ("McCoy", "XxXx"),
        ];
        for (word, want) in cases {
            assert_eq!(shape(word), want, "{word}");
        }
    }

    /// `Forms::of` as it was written first, with a string for each form: the hashes must not
    /// move, or the shipped model reads other features.
    fn forms_with_strings(word: &str) -> Forms {
        let lower = normalise(word);
        let chars: Vec<char> = lower.chars().collect();
        let tail: String = chars[chars.len().saturating_sub(3)..].iter().collect();
        let head: String = chars.iter().take(1).collect();
        Forms {
            lower: hash_bytes(1, lower.bytes()),
            suffix: hash_bytes(2, tail.bytes()),
            prefix: hash_bytes(3, head.bytes()),
            shape: hash_bytes(4, shape(word).bytes()),
        }
    }

    #[test]
    fn forms_hash_as_their_strings_do() {
        let words = [
            "Putin",
            "met",
            "U.S.",
            "30-day",
            "McCoy",
            "“",
            "—",
            "[",
            "",
            "a",
            "ab",
            "Ünïcödé",
            "İstanbul",
            "don’t",
            "1998",
            "ĲSSELMEER",
            "x-y-z-w-v-u-t",
            "ΣΟΦΊΑ",
            "日本語の文",
        ];
        for word in words {
            assert_eq!(Forms::of(word), forms_with_strings(word), "{word}");
        }
    }

    #[test]
    fn keys_fit_their_bits_and_differ_by_template() {
        let forms: Vec<Forms> = ["Putin", "met", "Witkoff"]
            .iter()
            .map(|w| Forms::of(w))
            .collect();
        let f = token_features(&forms, 1, Some(Tag::Propn), None);
        assert!(f.iter().all(|&k| k < 1 << KEY_BITS));
        let mut sorted = f.to_vec();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), N_FEATURES, "no two templates collide here");
    }
}
