//! The tagger's features: each one a 64-bit hash of a template number and the strings it joins.
//!
//! Training (`eval::train`) and tagging call the same `sentence_features`, so the two can never
//! drift apart. A feature is never spelled out as a string: `FeatureHash` folds the template id
//! and each part into FNV-1a as it goes, so extraction allocates only one lower-cased copy of each
//! token.
//!
//! Worked example: for `Putin` in `President Vladimir Putin said`, the template `PREV_LOWER`
//! hashes `[PREV_LOWER, "vladimir"]`, `SHAPE` hashes `[SHAPE, "Xx"]`, and `DOC_FIRST_PREV`
//! (from the document context) hashes `[DOC_FIRST_PREV, "vladimir"]` for every later `Putin` of the
//! same article, which is how a bare `Putin` three paragraphs on still looks like a person.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::gazetteer::Gazetteer;
use super::wordclass::{self, Classes};

/// Bump when a template changes: the model file records it and refuses a mismatch.
pub const FEATURE_VERSION: u16 = 5;

/// A feature under construction: FNV-1a over the template id and its parts, with a separator
/// between parts so `("ab", "c")` and `("a", "bc")` differ.
#[derive(Clone, Copy)]
struct FeatureHash(u64);

impl FeatureHash {
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    fn new(template: u8) -> FeatureHash {
        FeatureHash((0xcbf2_9ce4_8422_2325 ^ u64::from(template)).wrapping_mul(Self::PRIME))
    }

    fn bytes(mut self, bytes: &[u8]) -> FeatureHash {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(Self::PRIME);
        }
        // Separator.
        self.0 = (self.0 ^ 0xff).wrapping_mul(Self::PRIME);
        self
    }

    fn str(self, s: &str) -> FeatureHash {
        self.bytes(s.as_bytes())
    }

    /// Final avalanche (splitmix64), so the low 32 bits the model keeps are well mixed.
    fn finish(self) -> u64 {
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
const BIAS: u8 = 1;
const WORD: u8 = 2;
const LOWER: u8 = 3;
const SHAPE: u8 = 4;
const PREFIX: u8 = 5;
const SUFFIX: u8 = 6;
const PREV_LOWER: u8 = 7;
const NEXT_LOWER: u8 = 8;
const PREV2_LOWER: u8 = 9;
const NEXT2_LOWER: u8 = 10;
const PREV_SHAPE: u8 = 11;
const NEXT_SHAPE: u8 = 12;
const PREV_SHAPE_SHAPE: u8 = 13;
const SHAPE_NEXT_SHAPE: u8 = 14;
const PREV_LOWER_LOWER: u8 = 15;
const LOWER_NEXT_LOWER: u8 = 16;
const FIRST_SHAPE: u8 = 17;
const CAPS_SENTENCE_LOWER: u8 = 18;
const HYPHEN_PART: u8 = 19;
const GAZ: u8 = 20;
const PREV_GAZ: u8 = 21;
const NEXT_GAZ: u8 = 22;
const DOC_LOWER_SEEN: u8 = 23;
const DOC_CAP_MID: u8 = 24;
const DOC_RUN: u8 = 25;
const DOC_FIRST_PREV: u8 = 26;
const DOC_FIRST_NEXT: u8 = 27;
const CAP_RUN: u8 = 28;
const PREV_LOWER_SHAPE: u8 = 29;
const SHAPE_NEXT_LOWER: u8 = 30;
const LENGTH: u8 = 31;
const CAPS_SENTENCE_SHAPE: u8 = 32;
const PREV_SUFFIX: u8 = 33;
const NEXT_SUFFIX: u8 = 34;
const STACK: u8 = 35;
const STACK_WORD: u8 = 36;
const DOC_CONTEXT_PREV: u8 = 37;
const DOC_CONTEXT_NEXT: u8 = 38;
const CLASS_COARSE: u8 = 39;
const CLASS_FINE: u8 = 40;
const PREV_CLASS_FINE: u8 = 41;
const NEXT_CLASS_FINE: u8 = 42;
const PREV_CLASS_COARSE: u8 = 43;
const NEXT_CLASS_COARSE: u8 = 44;
const TITLE_SENTENCE_LOWER: u8 = 45;
const TITLE_SENTENCE_SHAPE: u8 = 46;
const LONG_NAME: u8 = 47;
const LONG_NAME_FIRST: u8 = 48;
const LONG_NAME_LAST: u8 = 49;

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
fn shape(token: &str) -> String {
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
struct Prepared<'a> {
    word: Cow<'a, str>,
    lower: String,
    shape: String,
    capitalized: bool,
}

fn prepare(token: &str) -> Prepared<'_> {
    let word = normalized(token);
    Prepared {
        lower: lower_form(&word),
        shape: shape(&word),
        capitalized: is_capitalized(&word),
        word,
    }
}

/// A headline or a wire-style line in capitals: every cased letter is upper case.
fn is_caps_sentence(tokens: &[Prepared]) -> bool {
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
fn is_title_sentence(tokens: &[Prepared]) -> bool {
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
fn long_name_runs(tokens: &[Prepared]) -> Vec<(usize, usize)> {
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
struct WordInDoc {
    /// Written in lower case somewhere (a common word, not a name).
    lower_seen: bool,
    /// Capitalised somewhere other than a sentence start or an all-caps line.
    cap_mid: bool,
    /// Positions it takes in runs of capitalised words: bit 0 single, 1 first, 2 inner, 3 last.
    runs: u8,
    first_prev: Option<String>,
    first_next: Option<String>,
    /// Distinct words before and after its capitalised uses (at most `CONTEXTS` of each).
    contexts_prev: Vec<String>,
    contexts_next: Vec<String>,
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
    words: FastMap<String, WordInDoc>,
    /// Votes of an earlier tagging pass: lower-cased word → counts of each entity type it took.
    votes: FastMap<String, [u16; 4]>,
}

impl DocContext {
    /// Reads every sentence of a document (tokens as text).
    pub fn new<S: AsRef<str>>(sentences: &[Vec<S>]) -> DocContext {
        let mut words: FastMap<String, WordInDoc> = FastMap::default();
        for sentence in sentences {
            let prepared: Vec<Prepared> = sentence.iter().map(|t| prepare(t.as_ref())).collect();
            let caps = is_caps_sentence(&prepared);
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
    out.clear();
    offsets.clear();
    for token in tokens {
        offsets.push(out.len());
        if doc.votes.is_empty() {
            continue;
        }
        let word = normalized(token.as_ref());
        if !word.chars().any(char::is_alphabetic) {
            continue;
        }
        let lower = lower_form(&word);
        if let Some(votes) = doc.votes.get(&lower) {
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
                        .str(&shape(&word))
                        .finish(),
                );
            }
        }
    }
    offsets.push(out.len());
}

/// The features of every token of one sentence: `out[offsets[i]..offsets[i + 1]]` are token `i`'s.
pub fn sentence_features<S: AsRef<str>>(
    tokens: &[S],
    doc: &DocContext,
    gazetteer: &Gazetteer,
    out: &mut Vec<u64>,
    offsets: &mut Vec<usize>,
) {
    out.clear();
    offsets.clear();
    let prepared: Vec<Prepared> = tokens.iter().map(|t| prepare(t.as_ref())).collect();
    let caps = is_caps_sentence(&prepared);
    let title = !caps && is_title_sentence(&prepared);
    let classes: Vec<Option<Classes>> = prepared
        .iter()
        .map(|p| gazetteer.classes.get(&wordclass::form(&p.word)))
        .collect();
    let class_at = |j: isize| -> Option<Classes> {
        if j < 0 {
            None
        } else {
            classes.get(j as usize).copied().flatten()
        }
    };
    let gaz = gazetteer.tag_sentence(
        &prepared
            .iter()
            .map(|p| p.lower.as_str())
            .collect::<Vec<_>>(),
        &prepared.iter().map(|p| p.capitalized).collect::<Vec<_>>(),
    );
    let n = prepared.len();
    let lower_at = |j: isize| -> &str {
        if j < 0 {
            "<s>"
        } else if j as usize >= n {
            "</s>"
        } else {
            &prepared[j as usize].lower
        }
    };
    let shape_at = |j: isize| -> &str {
        if j < 0 {
            "<s>"
        } else if j as usize >= n {
            "</s>"
        } else {
            &prepared[j as usize].shape
        }
    };
    // Runs of capitalised tokens: (length, position) of each token's run.
    let mut run_of = vec![(0usize, 0usize); n];
    let mut i = 0;
    while i < n {
        if prepared[i].capitalized {
            let start = i;
            while i < n && prepared[i].capitalized {
                i += 1;
            }
            for (k, slot) in run_of[start..i].iter_mut().enumerate() {
                *slot = (i - start, k);
            }
        } else {
            i += 1;
        }
    }
    let long_names = long_name_runs(&prepared);
    // Each token's characters with their byte offsets, for prefixes and suffixes; one buffer
    // for the whole sentence.
    let mut chars: Vec<(usize, char)> = Vec::new();
    for (i, t) in prepared.iter().enumerate() {
        offsets.push(out.len());
        let ii = i as isize;
        let mut push = |h: FeatureHash| out.push(h.finish());
        push(FeatureHash::new(BIAS));
        push(FeatureHash::new(WORD).str(&t.word));
        push(FeatureHash::new(LOWER).str(&t.lower));
        push(FeatureHash::new(SHAPE).str(&t.shape));
        chars.clear();
        chars.extend(t.lower.char_indices());
        for k in 1..=4.min(chars.len()) {
            let prefix_end = chars.get(k).map_or(t.lower.len(), |&(b, _)| b);
            push(
                FeatureHash::new(PREFIX)
                    .bytes(&[k as u8])
                    .str(&t.lower[..prefix_end]),
            );
            let suffix_start = chars[chars.len() - k].0;
            push(
                FeatureHash::new(SUFFIX)
                    .bytes(&[k as u8])
                    .str(&t.lower[suffix_start..]),
            );
        }
        push(FeatureHash::new(LENGTH).bytes(&[chars.len().min(12) as u8]));
        push(FeatureHash::new(PREV_LOWER).str(lower_at(ii - 1)));
        push(FeatureHash::new(NEXT_LOWER).str(lower_at(ii + 1)));
        push(FeatureHash::new(PREV2_LOWER).str(lower_at(ii - 2)));
        push(FeatureHash::new(NEXT2_LOWER).str(lower_at(ii + 2)));
        push(FeatureHash::new(PREV_SHAPE).str(shape_at(ii - 1)));
        push(FeatureHash::new(NEXT_SHAPE).str(shape_at(ii + 1)));
        push(
            FeatureHash::new(PREV_SHAPE_SHAPE)
                .str(shape_at(ii - 1))
                .str(&t.shape),
        );
        push(
            FeatureHash::new(SHAPE_NEXT_SHAPE)
                .str(&t.shape)
                .str(shape_at(ii + 1)),
        );
        push(
            FeatureHash::new(PREV_LOWER_LOWER)
                .str(lower_at(ii - 1))
                .str(&t.lower),
        );
        push(
            FeatureHash::new(LOWER_NEXT_LOWER)
                .str(&t.lower)
                .str(lower_at(ii + 1)),
        );
        push(
            FeatureHash::new(PREV_LOWER_SHAPE)
                .str(lower_at(ii - 1))
                .str(&t.shape),
        );
        push(
            FeatureHash::new(SHAPE_NEXT_LOWER)
                .str(&t.shape)
                .str(lower_at(ii + 1)),
        );
        for (template, j) in [(PREV_SUFFIX, ii - 1), (NEXT_SUFFIX, ii + 1)] {
            let w = lower_at(j);
            let start = w.char_indices().rev().nth(2).map_or(0, |(b, _)| b);
            push(FeatureHash::new(template).str(&w[start..]));
        }
        if i == 0 {
            push(FeatureHash::new(FIRST_SHAPE).str(&t.shape));
        }
        if caps {
            push(FeatureHash::new(CAPS_SENTENCE_LOWER).str(&t.lower));
            push(
                FeatureHash::new(CAPS_SENTENCE_SHAPE)
                    .str(&t.shape)
                    .str(shape_at(ii + 1)),
            );
        }
        if title {
            push(FeatureHash::new(TITLE_SENTENCE_LOWER).str(&t.lower));
            push(
                FeatureHash::new(TITLE_SENTENCE_SHAPE)
                    .str(&t.shape)
                    .str(shape_at(ii + 1)),
            );
        }
        // Word classes: the token's, and its neighbours' (`None` for a word the table lacks and
        // for the sentence's edges, which the classes of their own say nothing about).
        if let Some(c) = class_at(ii) {
            push(FeatureHash::new(CLASS_COARSE).bytes(&c.coarse.to_le_bytes()));
            push(FeatureHash::new(CLASS_FINE).bytes(&c.fine.to_le_bytes()));
        }
        if let Some(c) = class_at(ii - 1) {
            push(FeatureHash::new(PREV_CLASS_FINE).bytes(&c.fine.to_le_bytes()));
            push(FeatureHash::new(PREV_CLASS_COARSE).bytes(&c.coarse.to_le_bytes()));
        }
        if let Some(c) = class_at(ii + 1) {
            push(FeatureHash::new(NEXT_CLASS_FINE).bytes(&c.fine.to_le_bytes()));
            push(FeatureHash::new(NEXT_CLASS_COARSE).bytes(&c.coarse.to_le_bytes()));
        }
        if t.word.contains('-') {
            for part in t.lower.split('-').filter(|p| !p.is_empty()) {
                push(FeatureHash::new(HYPHEN_PART).str(part));
            }
        }
        let (run_len, run_pos) = run_of[i];
        if run_len > 0 && !caps && !title {
            let pos = if run_pos == 0 {
                0
            } else if run_pos + 1 == run_len {
                2
            } else {
                1
            };
            push(FeatureHash::new(CAP_RUN).bytes(&[run_len.min(5) as u8, pos]));
        }
        if let Some(&(start, end)) = long_names.iter().find(|r| r.0 <= i && i < r.1) {
            let pos = if i == start {
                0
            } else if i + 1 == end {
                2
            } else {
                1
            };
            push(FeatureHash::new(LONG_NAME).bytes(&[pos, (end - start).min(8) as u8]));
            push(FeatureHash::new(LONG_NAME_FIRST).str(&prepared[start].lower));
            push(FeatureHash::new(LONG_NAME_LAST).str(&prepared[end - 1].lower));
        }
        for (template, j) in [(GAZ, i), (PREV_GAZ, i.wrapping_sub(1)), (NEXT_GAZ, i + 1)] {
            if let Some(&tags) = gaz.get(j) {
                for (kind, inside) in tags.iter() {
                    push(FeatureHash::new(template).bytes(&[kind, inside as u8]));
                    if template == GAZ {
                        push(
                            FeatureHash::new(template)
                                .bytes(&[kind, inside as u8])
                                .str(&t.shape),
                        );
                    }
                }
            }
        }
        if t.word.chars().any(char::is_alphabetic) {
            if let Some(w) = doc.words.get(&t.lower) {
                let cap = if t.capitalized { "C" } else { "l" };
                if w.lower_seen {
                    push(FeatureHash::new(DOC_LOWER_SEEN).str(cap));
                }
                if w.cap_mid {
                    push(FeatureHash::new(DOC_CAP_MID).str(cap));
                }
                if w.runs != 0 {
                    push(FeatureHash::new(DOC_RUN).bytes(&[w.runs]).str(cap));
                }
                if t.capitalized || caps {
                    if let Some(prev) = &w.first_prev {
                        push(FeatureHash::new(DOC_FIRST_PREV).str(prev));
                    }
                    if let Some(next) = &w.first_next {
                        push(FeatureHash::new(DOC_FIRST_NEXT).str(next));
                    }
                    for prev in &w.contexts_prev {
                        push(FeatureHash::new(DOC_CONTEXT_PREV).str(prev));
                    }
                    for next in &w.contexts_next {
                        push(FeatureHash::new(DOC_CONTEXT_NEXT).str(next));
                    }
                }
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
    fn features_are_deterministic_and_distinct() {
        let gaz = Gazetteer::default();
        let sentence = vec!["President", "Vladimir", "Putin", "said"];
        let doc = DocContext::new(std::slice::from_ref(&sentence));
        let (mut a, mut oa, mut b, mut ob) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        sentence_features(&sentence, &doc, &gaz, &mut a, &mut oa);
        sentence_features(&sentence, &doc, &gaz, &mut b, &mut ob);
        assert_eq!(a, b);
        assert_eq!(oa.len(), sentence.len() + 1);
        let token2: std::collections::BTreeSet<u64> = a[oa[2]..oa[3]].iter().copied().collect();
        assert_eq!(token2.len(), oa[3] - oa[2], "no two templates collide");
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
            assert_eq!(long_name_runs(&prepared), expected, "{name}");
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
            assert_eq!(is_title_sentence(&prepared), expected, "{name}");
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
