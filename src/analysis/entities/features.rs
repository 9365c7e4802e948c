//! The tagger's features: each one a 64-bit hash of a template number and the strings it joins.
//!
//! Training (`eval::train`) and tagging walk a sentence's features in one order, written once
//! (`sentence::emit`), so the two can never drift apart. A feature is never spelled out as a
//! string: `FeatureHash` folds the template id and each part into FNV-1a as it goes, so
//! extraction allocates only one lower-cased copy of each token.
//!
//! Worked example: for `Putin` in `President Vladimir Putin said`, the template `PREV_LOWER`
//! hashes `[PREV_LOWER, "vladimir"]`, `SHAPE` hashes `[SHAPE, "Xx"]`, and `DOC_FIRST_PREV`
//! (from the document context) hashes `[DOC_FIRST_PREV, "vladimir"]` for every later `Putin` of the
//! same article, which is how a bare `Putin` three paragraphs on still looks like a person.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Bump when a template changes: the model file records it and refuses a mismatch.
pub const FEATURE_VERSION: u16 = 5;

/// A feature under construction: FNV-1a over the template id and its parts, with a separator
/// between parts so `("ab", "c")` and `("a", "bc")` differ.
#[derive(Clone, Copy)]
pub(super) struct FeatureHash(u64);

impl FeatureHash {
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    pub(super) fn new(template: u8) -> FeatureHash {
        FeatureHash((0xcbf2_9ce4_8422_2325 ^ u64::from(template)).wrapping_mul(Self::PRIME))
    }

    pub(super) fn bytes(mut self, bytes: &[u8]) -> FeatureHash {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(Self::PRIME);
        }
        // Separator.
        self.0 = (self.0 ^ 0xff).wrapping_mul(Self::PRIME);
        self
    }

    pub(super) fn str(self, s: &str) -> FeatureHash {
        self.bytes(s.as_bytes())
    }

    /// Final avalanche (splitmix64), so the low 32 bits the model keeps are well mixed.
    pub(super) fn finish(self) -> u64 {
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// FNV-1a as a `Hasher` for the per-document and gazetteer maps: their keys are short words, where
/// std's SipHash (built against hash flooding, which a pasted article cannot aim at a per-session
/// table) costs more than the lookup itself.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with `Fnv`. Only ever looked up, never iterated, so its order cannot leak out.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

// Template ids. Their values are part of the model format (see FEATURE_VERSION).
pub(super) const BIAS: u8 = 1;
pub(super) const WORD: u8 = 2;
pub(super) const LOWER: u8 = 3;
pub(super) const SHAPE: u8 = 4;
pub(super) const PREFIX: u8 = 5;
pub(super) const SUFFIX: u8 = 6;
pub(super) const PREV_LOWER: u8 = 7;
pub(super) const NEXT_LOWER: u8 = 8;
pub(super) const PREV2_LOWER: u8 = 9;
pub(super) const NEXT2_LOWER: u8 = 10;
pub(super) const PREV_SHAPE: u8 = 11;
pub(super) const NEXT_SHAPE: u8 = 12;
pub(super) const PREV_SHAPE_SHAPE: u8 = 13;
pub(super) const SHAPE_NEXT_SHAPE: u8 = 14;
pub(super) const PREV_LOWER_LOWER: u8 = 15;
pub(super) const LOWER_NEXT_LOWER: u8 = 16;
pub(super) const FIRST_SHAPE: u8 = 17;
pub(super) const CAPS_SENTENCE_LOWER: u8 = 18;
pub(super) const HYPHEN_PART: u8 = 19;
pub(super) const GAZ: u8 = 20;
pub(super) const PREV_GAZ: u8 = 21;
pub(super) const NEXT_GAZ: u8 = 22;
pub(super) const DOC_LOWER_SEEN: u8 = 23;
pub(super) const DOC_CAP_MID: u8 = 24;
pub(super) const DOC_RUN: u8 = 25;
pub(super) const DOC_FIRST_PREV: u8 = 26;
pub(super) const DOC_FIRST_NEXT: u8 = 27;
pub(super) const CAP_RUN: u8 = 28;
pub(super) const PREV_LOWER_SHAPE: u8 = 29;
pub(super) const SHAPE_NEXT_LOWER: u8 = 30;
pub(super) const LENGTH: u8 = 31;
pub(super) const CAPS_SENTENCE_SHAPE: u8 = 32;
pub(super) const PREV_SUFFIX: u8 = 33;
pub(super) const NEXT_SUFFIX: u8 = 34;
pub(super) const STACK: u8 = 35;
pub(super) const STACK_WORD: u8 = 36;
pub(super) const DOC_CONTEXT_PREV: u8 = 37;
pub(super) const DOC_CONTEXT_NEXT: u8 = 38;
pub(super) const CLASS_COARSE: u8 = 39;
pub(super) const CLASS_FINE: u8 = 40;
pub(super) const PREV_CLASS_FINE: u8 = 41;
pub(super) const NEXT_CLASS_FINE: u8 = 42;
pub(super) const PREV_CLASS_COARSE: u8 = 43;
pub(super) const NEXT_CLASS_COARSE: u8 = 44;
pub(super) const TITLE_SENTENCE_LOWER: u8 = 45;
pub(super) const TITLE_SENTENCE_SHAPE: u8 = 46;
pub(super) const LONG_NAME: u8 = 47;
pub(super) const LONG_NAME_FIRST: u8 = 48;
pub(super) const LONG_NAME_LAST: u8 = 49;

/// A token text as the features see it: typographic quotes, apostrophes and dashes folded to the
/// ASCII that the Reuters training text uses.
pub fn normalize(token: &str) -> String {
    normalized(token).into_owned()
}

/// `normalize`, borrowing the token when it is ASCII (most are): feature extraction prepares
/// every token, and this spares it an allocation each.
pub(super) fn normalized(token: &str) -> Cow<'_, str> {
    if token.is_ascii() {
        return Cow::Borrowed(token);
    }
    token
        .chars()
        .map(|c| match c {
            '’' | '‘' | '‛' | 'ʼ' => '\'',
            '“' | '”' | '„' | '«' | '»' => '"',
            '—' | '–' | '‐' | '‑' | '−' => '-',
            c => c,
        })
        .collect::<String>()
        .into()
}

/// Lower case, with every digit as `0` so `1996` and `2025` look alike.
pub fn lower_form(token: &str) -> String {
    if token.is_ascii() {
        let bytes: Vec<u8> = token
            .bytes()
            .map(|b| {
                if b.is_ascii_digit() {
                    b'0'
                } else {
                    b.to_ascii_lowercase()
                }
            })
            .collect();
        return String::from_utf8(bytes).unwrap_or_default();
    }
    token
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect()
}

/// `Putin` → `Xx`, `U.S.` → `X.X.`, `1996-08-30` → `d-d-d`, `McDonald` → `XxXx`: each run of a
/// character class is written once.
pub(super) fn shape(token: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    for c in token.chars() {
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
            out.push(class);
            last = Some(class);
        }
    }
    out
}

fn is_capitalized(token: &str) -> bool {
    token.chars().next().is_some_and(char::is_uppercase)
}

/// One token prepared for feature extraction.
pub(super) struct Prepared<'a> {
    pub(super) word: Cow<'a, str>,
    pub(super) lower: String,
    pub(super) shape: String,
    pub(super) capitalized: bool,
}

pub(super) fn prepare(token: &str) -> Prepared<'_> {
    let word = normalized(token);
    Prepared {
        lower: lower_form(&word),
        shape: shape(&word),
        capitalized: is_capitalized(&word),
        word,
    }
}

/// A headline or a wire-style line in capitals: every cased letter is upper case.
pub(super) fn is_caps_sentence(tokens: &[&Prepared]) -> bool {
    let mut letters = 0;
    for t in tokens {
        for c in t.word.chars() {
            if c.is_lowercase() {
                return false;
            }
            if c.is_uppercase() {
                letters += 1;
            }
        }
    }
    letters >= 4
}

/// A headline in title case (`Obama Sees 'Personal Insult' if Blacks Don't Rally`): at least three
/// words of four letters or more, and all but one of them capitalised (short words, `if`, `for`,
/// `n't`, may be either way in title case). Capitals there say nothing about names, as in a line
/// in capitals.
pub(super) fn is_title_sentence(tokens: &[&Prepared]) -> bool {
    let (mut words, mut lower) = (0, 0);
    for t in tokens {
        if t.word.chars().count() < 4 || !t.word.chars().all(|c| c.is_alphabetic() || c == '-') {
            continue;
        }
        words += 1;
        lower += usize::from(!t.capitalized);
    }
    words >= 3 && lower <= usize::from(words >= 6)
}

/// Lower-case words that join the capitalised words of one long name: `Centers for Disease Control
/// and Prevention`, `Bank of England`, `Committee for a Responsible Federal Budget`.
const NAME_JOINERS: &[&str] = &["of", "for", "and", "the", "a", "on", "at", "de", "del", "&"];

/// Runs of capitalised words that lower-case joiners hold together (`start..end` token ranges of
/// three tokens or more with a joiner inside, never starting or ending on one). Their first and
/// last words say what kind of name the whole is (`Committee … Budget`, `University … Berkeley`),
/// which the tagger cannot see from the middle of a long name.
pub(super) fn long_name_runs(tokens: &[&Prepared]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].capitalized {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        let mut joined = false;
        let mut j = i + 1;
        while j < tokens.len() {
            if tokens[j].capitalized {
                end = j + 1;
                j += 1;
            } else if NAME_JOINERS.contains(&tokens[j].lower.as_str())
                && j - end < 2
                && tokens
                    .get(j + 1)
                    .is_some_and(|t| t.capitalized || t.lower == "the" || t.lower == "a")
            {
                joined = true;
                j += 1;
            } else {
                break;
            }
        }
        // A capitalised article at a sentence start is not part of the name.
        let first = if matches!(tokens[start].lower.as_str(), "the" | "a" | "an") {
            start + 1
        } else {
            start
        };
        if joined && end >= first + 3 {
            runs.push((first, end));
        }
        i = end.max(i + 1);
    }
    runs
}

/// What one article says about a word, across all its sentences: how it is written elsewhere and
/// what stands before its first capitalised use. Keyed by the lower-cased form.
#[derive(Debug, Default, Clone)]
pub(super) struct WordInDoc {
    /// Written in lower case somewhere (a common word, not a name).
    pub(super) lower_seen: bool,
    /// Capitalised somewhere other than a sentence start or an all-caps line.
    pub(super) cap_mid: bool,
    /// Positions it takes in runs of capitalised words: bit 0 single, 1 first, 2 inner, 3 last.
    pub(super) runs: u8,
    pub(super) first_prev: Option<String>,
    pub(super) first_next: Option<String>,
    /// Distinct words before and after its capitalised uses (at most `CONTEXTS` of each).
    pub(super) contexts_prev: Vec<String>,
    pub(super) contexts_next: Vec<String>,
}

/// How many distinct neighbours of a word the document context keeps on each side.
const CONTEXTS: usize = 6;

fn remember(list: &mut Vec<String>, word: &str) {
    if list.len() < CONTEXTS && !list.iter().any(|w| w == word) {
        list.push(word.to_string());
    }
}

/// Document-level evidence for the features: built once per article (or CoNLL document).
#[derive(Debug, Default)]
pub struct DocContext {
    pub(super) words: FastMap<String, WordInDoc>,
    /// Votes of an earlier tagging pass: lower-cased word → counts of each entity type it took.
    votes: FastMap<String, [u16; 4]>,
}

impl DocContext {
    /// Reads every sentence of a document (tokens as text).
    pub fn new<S: AsRef<str>>(sentences: &[Vec<S>]) -> DocContext {
        let prepared: Vec<Vec<Prepared>> = sentences
            .iter()
            .map(|s| s.iter().map(|t| prepare(t.as_ref())).collect())
            .collect();
        let refs: Vec<Vec<&Prepared>> = prepared.iter().map(|s| s.iter().collect()).collect();
        DocContext::of_prepared(refs.iter().map(Vec::as_slice))
    }

    /// `new`, from tokens already prepared (tagging prepares each distinct word once).
    #[inline(never)]
    pub(super) fn of_prepared<'p, 'a: 'p>(
        sentences: impl Iterator<Item = &'p [&'p Prepared<'a>]>,
    ) -> DocContext {
        let mut words: FastMap<String, WordInDoc> = FastMap::default();
        for prepared in sentences {
            let caps = is_caps_sentence(prepared);
            for (i, t) in prepared.iter().enumerate() {
                if !t.word.chars().any(char::is_alphabetic) {
                    continue;
                }
                if !words.contains_key(t.lower.as_str()) {
                    words.insert(t.lower.clone(), WordInDoc::default());
                }
                let Some(entry) = words.get_mut(t.lower.as_str()) else {
                    continue;
                };
                if !t.capitalized {
                    entry.lower_seen = true;
                    continue;
                }
                if caps {
                    continue;
                }
                if i > 0 {
                    entry.cap_mid = true;
                }
                let cap = |j: usize| prepared.get(j).is_some_and(|p| p.capitalized);
                let before = i > 0 && cap(i - 1);
                let after = cap(i + 1);
                entry.runs |= match (before, after) {
                    (false, false) => 1,
                    (false, true) => 2,
                    (true, true) => 4,
                    (true, false) => 8,
                };
                if i > 0 {
                    remember(&mut entry.contexts_prev, &prepared[i - 1].lower);
                }
                if let Some(next) = prepared.get(i + 1) {
                    remember(&mut entry.contexts_next, &next.lower);
                }
                if entry.first_prev.is_none() && i > 0 {
                    entry.first_prev = Some(prepared[i - 1].lower.clone());
                    entry.first_next = Some(
                        prepared
                            .get(i + 1)
                            .map_or_else(|| "</s>".to_string(), |p| p.lower.clone()),
                    );
                }
            }
        }
        DocContext {
            words,
            votes: FastMap::default(),
        }
    }

    /// Adds a first pass's entity types: `spans` are (sentence, start token, end token, type).
    #[inline(never)]
    pub fn add_votes<S: AsRef<str>>(
        &mut self,
        sentences: &[Vec<S>],
        spans: &[(usize, usize, usize, usize)],
    ) {
        for &(s, start, end, kind) in spans {
            for t in &sentences[s][start..end] {
                let lower = lower_form(&normalized(t.as_ref()));
                if lower.chars().any(char::is_alphabetic) && lower.chars().count() > 1 {
                    self.votes.entry(lower).or_default()[kind] += 1;
                }
            }
        }
    }
}

const TYPE_NAMES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// The features from a first pass's votes (see `DocContext::add_votes`), laid out like
/// `sentence_features`. Kept apart so the second pass adds them to the first pass's scores instead
/// of recomputing everything: a token's score is a sum over its features.
pub fn vote_features<S: AsRef<str>>(
    tokens: &[S],
    doc: &DocContext,
    out: &mut Vec<u64>,
    offsets: &mut Vec<usize>,
) {
    if doc.votes.is_empty() {
        out.clear();
        offsets.clear();
        offsets.resize(tokens.len() + 1, 0);
        return;
    }
    let prepared: Vec<Prepared> = tokens.iter().map(|t| prepare(t.as_ref())).collect();
    let refs: Vec<&Prepared> = prepared.iter().collect();
    vote_features_of(&refs, doc, out, offsets);
}

/// `vote_features`, from tokens already prepared.
#[inline(never)]
pub(super) fn vote_features_of(
    tokens: &[&Prepared],
    doc: &DocContext,
    out: &mut Vec<u64>,
    offsets: &mut Vec<usize>,
) {
    out.clear();
    offsets.clear();
    for t in tokens {
        offsets.push(out.len());
        if doc.votes.is_empty() || !t.word.chars().any(char::is_alphabetic) {
            continue;
        }
        if let Some(votes) = doc.votes.get(&t.lower) {
            let total: u32 = votes.iter().map(|&v| u32::from(v)).sum();
            let (best, &count) = votes
                .iter()
                .enumerate()
                .max_by_key(|&(k, &v)| (v, std::cmp::Reverse(k)))
                .expect("four types");
            if count > 0 {
                let share = (u32::from(count) * 4 / total.max(1)).min(4) as u8;
                out.push(
                    FeatureHash::new(STACK)
                        .str(TYPE_NAMES[best])
                        .bytes(&[share])
                        .finish(),
                );
                out.push(
                    FeatureHash::new(STACK_WORD)
                        .str(TYPE_NAMES[best])
                        .str(&t.shape)
                        .finish(),
                );
            }
        }
    }
    offsets.push(out.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let cases = [
            ("name", "Putin", "Xx"),
            ("dotted", "U.S.", "X.X."),
            ("date", "1996-08-30", "d-d-d"),
            ("camel", "McDonald", "XxXx"),
            ("accented", "Nicolás", "Xx"),
            ("caps", "NATO", "X"),
            ("alnum", "G7", "Xd"),
        ];
        for (name, input, expected) in cases {
            assert_eq!(shape(input), expected, "{name}");
        }
    }

    #[test]
    fn normalizes_typography() {
        assert_eq!(normalize("Russia’s"), "Russia's");
        assert_eq!(normalize("“x”—"), "\"x\"-");
    }

    #[test]
    fn long_names_hold_together_over_joiners() {
        type Case<'a> = (&'a str, &'a str, &'a [(usize, usize)]);
        let cases: [Case; 4] = [
            ("of", "the Bank of England said", &[(1, 4)]),
            (
                "for a",
                "The Committee for a Responsible Federal Budget reported",
                &[(1, 7)],
            ),
            (
                "two joiners",
                "the Centers for Disease Control and Prevention",
                &[(1, 7)],
            ),
            ("no joiner", "Donald Trump said", &[]),
        ];
        for (name, text, expected) in cases {
            let prepared: Vec<Prepared> = text.split(' ').map(prepare).collect();
            let refs: Vec<&Prepared> = prepared.iter().collect();
            assert_eq!(long_name_runs(&refs), expected, "{name}");
        }
    }

    #[test]
    fn title_case_headlines() {
        let cases = [
            (
                "title case",
                "Obama Sees 'Personal Insult' if Blacks Don't Rally for Hillary Clinton",
                true,
            ),
            (
                "one lower long word in a long title",
                "Small Steps Toward College Savings Plans for Everyone",
                true,
            ),
            (
                "sentence case",
                "Trump questions the fairness of moderators ahead of debate",
                false,
            ),
            ("too short", "Clinton Wins", false),
            (
                "prose",
                "Donald Trump told Bill O'Reilly of Fox News this week that it was phony.",
                false,
            ),
        ];
        for (name, text, expected) in cases {
            let prepared: Vec<Prepared> = text.split(' ').map(prepare).collect();
            let refs: Vec<&Prepared> = prepared.iter().collect();
            assert_eq!(is_title_sentence(&refs), expected, "{name}");
        }
    }

    #[test]
    fn doc_context_remembers_the_first_mention() {
        let sentences = vec![
            vec!["President", "Vladimir", "Putin", "spoke"],
            vec!["Later", ",", "Putin", "left"],
        ];
        let doc = DocContext::new(&sentences);
        let w = &doc.words["putin"];
        assert_eq!(w.first_prev.as_deref(), Some("vladimir"));
        assert!(w.cap_mid);
        assert_eq!(w.runs & 8, 8, "last of a run");
    }
}
