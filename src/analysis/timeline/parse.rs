//! A sentence read for its clauses: tagged, chunked and cut into segments around a date.
//!
//! Tagging comes from `analysis::syntax`; this adds what clause finding needs on top: the date's
//! tokens are never a verb and end any phrase they sit in, quotation marks are set aside while
//! chunking (`held “very good and productive” discussions` is one object), contractions of `is`
//! are verbs, and present-tense verbs the news tagger missed are repaired. Segments are cut at
//! punctuation, conjunctions, relative pronouns and the words that open a subordinate clause.

use std::borrow::Cow;
use std::ops::Range;

use crate::analysis::case::lower;

use super::lexicon::{is_auxiliary, is_break, is_quote, is_time_noun};
use crate::analysis::syntax::{self, chunk, Chunk, ChunkKind, Tag};

/// A tagged and chunked sentence, cut into segments.
#[derive(Debug, Clone)]
pub struct Parse<'a> {
    pub words: Vec<&'a str>,
    pub lower: Vec<Cow<'a, str>>,
    pub tags: Vec<Tag>,
    pub chunks: Vec<Chunk>,
    /// The chunk each token is in.
    pub chunk_of: Vec<usize>,
    /// The segment each token is in.
    pub segment: Vec<usize>,
    /// The date's tokens.
    pub timex: Range<usize>,
}

impl<'a> Parse<'a> {
    /// Tags, chunks and segments `words`, with the date at `timex`.
    pub fn new(words: Vec<&'a str>, timex: Range<usize>) -> Parse<'a> {
        let tags = syntax::tag(&words);
        Parse::with_tags(words, tags, timex)
    }

    /// Chunks and segments `words`, already tagged, with the date at `timex`.
    #[inline(never)]
    pub fn with_tags(words: Vec<&'a str>, mut tags: Vec<Tag>, timex: Range<usize>) -> Parse<'a> {
        let lower: Vec<Cow<'a, str>> = words.iter().map(|w| lower(w)).collect();
        let timex = timex.start.min(words.len())..timex.end.min(words.len());
        // The date is never a verb (`March`, `may`), and its last word ends any phrase.
        for t in &mut tags[timex.clone()] {
            if t.is_verb() {
                *t = Tag::Noun;
            }
        }
        // Adverbs the news tagger takes for nouns or, after a modal, verbs (`will “sooner or
        // later” have to`).
        for (t, w) in tags.iter_mut().zip(&lower) {
            if matches!(&**w, "sooner" | "later" | "soon" | "ever" | "already")
                && (matches!(*t, Tag::Noun | Tag::Adj) || t.is_verb())
            {
                *t = Tag::Adv;
            }
        }
        // `has since exploded`: a preposition between an auxiliary and its verb is an adverb.
        for k in 1..tags.len().saturating_sub(1) {
            if tags[k] == Tag::Adp
                && tags[k - 1].is_verb()
                && matches!(tags[k + 1], Tag::Vbn | Tag::Vbg)
            {
                tags[k] = Tag::Adv;
            }
        }
        // `who’s`, `it's`, `there's`: the contraction of `is`, not a possessive.
        for k in 1..tags.len() {
            let contracted = matches!(&*lower[k], "'s" | "’s")
                && (matches!(tags[k - 1], Tag::Pron | Tag::Wh | Tag::Ex)
                    || matches!(&*lower[k - 1], "that" | "there" | "here" | "what"));
            if contracted {
                tags[k] = Tag::Vbz;
            }
        }
        // `Reagan went on`: a capitalised word the tagger took for an adjective, opening the
        // sentence right before a verb, is a name.
        if tags.len() > 1
            && tags[0] == Tag::Adj
            && words[0].starts_with(char::is_uppercase)
            && tags[1].is_verb()
        {
            tags[0] = Tag::Propn;
        }
        repair_verbs(&words, &lower, &mut tags, &timex);
        // Chunked with the quotation marks set aside, so a quote inside a phrase does not cut it.
        let kept: Vec<usize> = (0..words.len()).filter(|&k| !is_quote(words[k])).collect();
        let lower_kept: Vec<&str> = kept.iter().map(|&k| &*lower[k]).collect();
        let tags_kept: Vec<Tag> = kept.iter().map(|&k| tags[k]).collect();
        let mut raw: Vec<Chunk> = Vec::new();
        let mut next = 0;
        for c in chunk(&lower_kept, &tags_kept) {
            let (start, end) = (kept[c.start], kept[c.end - 1] + 1);
            for q in next..start {
                raw.push(Chunk {
                    kind: ChunkKind::O,
                    start: q,
                    end: q + 1,
                });
            }
            raw.push(Chunk {
                kind: c.kind,
                start,
                end,
            });
            next = end;
        }
        for q in next..words.len() {
            raw.push(Chunk {
                kind: ChunkKind::O,
                start: q,
                end: q + 1,
            });
        }
        let mut chunks = Vec::new();
        for c in raw {
            // A chunk that straddles the date is cut at its edges: `[Witkoff] [late Thursday]`.
            let mut cuts = vec![c.start];
            for edge in [timex.start, timex.end] {
                if c.start < edge && edge < c.end {
                    cuts.push(edge);
                }
            }
            cuts.push(c.end);
            for w in cuts.windows(2) {
                chunks.push(Chunk {
                    kind: c.kind,
                    start: w[0],
                    end: w[1],
                });
            }
        }
        let mut chunk_of = vec![0; words.len()];
        for (i, c) in chunks.iter().enumerate() {
            chunk_of[c.start..c.end].fill(i);
        }
        let mut segment = vec![0; words.len()];
        let mut s = 0;
        for k in 0..words.len() {
            let opens = is_break(words[k])
                // Not a conjunction inside a verb group (`will sooner or later have`).
                || (tags[k] == Tag::Cc && chunks[chunk_of[k]].kind != ChunkKind::Vp)
                || tags[k] == Tag::Wh
                || chunks[chunk_of[k]].kind == ChunkKind::Sbar;
            if opens && k > 0 {
                s += 1;
            }
            segment[k] = s;
        }
        Parse {
            words,
            lower,
            tags,
            chunks,
            chunk_of,
            segment,
            timex,
        }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The verb groups, as chunk indices, in order.
    pub fn verb_groups(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.chunks.len())
            .filter(move |&c| self.chunks[c].kind == ChunkKind::Vp && self.head_of(c).is_some())
    }

    /// The main verb of verb group `c`: its first verb that is not an auxiliary (`encircled` in
    /// `are encircled`, `planned` in `planned to acquire`), else its last verb (`is`).
    pub fn head_of(&self, c: usize) -> Option<usize> {
        let ch = self.chunks[c];
        let verbs =
            (ch.start..ch.end).filter(|&k| self.tags[k].is_verb() && !self.timex.contains(&k));
        let mut last = None;
        for k in verbs {
            last = Some(k);
            let next_is_verb = (k + 1..ch.end).any(|j| self.tags[j].is_verb());
            if !(next_is_verb && is_auxiliary(&self.lower[k])) {
                return Some(k);
            }
        }
        last
    }

    /// The last verb of verb group `c`.
    pub fn last_verb(&self, c: usize) -> Option<usize> {
        let ch = self.chunks[c];
        (ch.start..ch.end)
            .rev()
            .find(|&k| self.tags[k].is_verb() && !self.timex.contains(&k))
    }

    pub fn is_finite(&self, c: usize) -> bool {
        let ch = self.chunks[c];
        self.tags[ch.start..ch.end].iter().any(|t| t.is_finite())
    }

    /// A participle right after a noun, modifying it (`drones attacking the capital`, `issues
    /// related to a ceasefire`): not the clause's own verb.
    pub fn is_reduced_relative(&self, c: usize) -> bool {
        let ch = self.chunks[c];
        // The date between noun and participle is the clause's, not the noun's (`The bombing in
        // 1995 killed`): the participle then follows the date, not a noun.
        let after_date = self.timex.end == ch.start;
        !self.is_finite(c)
            && !after_date
            && matches!(self.tags[ch.start], Tag::Vbg | Tag::Vbn)
            && c > 0
            && self.chunks[c - 1].kind == ChunkKind::Np
            && self.chunks[c - 1].end == ch.start
    }

    /// Whether verb group `c` is a relative clause's verb: the first verb of a segment opened by
    /// `who`, `which` or `that` (a later verb there is the outer clause's: `a ceasefire that
    /// could halt fighting … could be close at hand`).
    pub fn in_relative(&self, c: usize) -> bool {
        let seg = self.segment[self.chunks[c].start];
        let opened_by_wh = (0..self.len())
            .find(|&k| self.segment[k] == seg && self.words[k] != ",")
            .is_some_and(|k| self.tags[k] == Tag::Wh);
        let first_verb = self
            .verb_groups()
            .find(|&v| self.segment[self.chunks[v].start] == seg);
        opened_by_wh && first_verb == Some(c)
    }

    /// The last noun of the noun phrase chunk `c`, if it has one.
    pub fn noun_head(&self, c: usize) -> Option<usize> {
        let ch = self.chunks[c];
        (ch.start..ch.end)
            .rev()
            .find(|&k| self.tags[k].is_noun() && !self.timex.contains(&k))
    }
}

/// Present-tense verbs the tagger missed: the CoNLL-2003 news it learned from is told in the past
/// tense, so `Investigators look at` or `The talks resume` can come out as nouns. In a segment
/// with no verb at all, a lower-case word right after a noun and before an object or a
/// preposition is taken for the verb.
fn repair_verbs(words: &[&str], lower: &[Cow<str>], tags: &mut [Tag], timex: &Range<usize>) {
    let mut start = 0;
    while start < words.len() {
        let mut end = start + 1;
        while end < words.len() && !is_break(words[end]) && tags[end] != Tag::Cc {
            end += 1;
        }
        // A segment that opens with a preposition (`In his opening remarks Saturday`) is a
        // phrase, not a clause: its nouns stay nouns.
        let is_word = |k: usize| words[k].chars().any(char::is_alphanumeric);
        let first_word = (start..end).find(|&k| is_word(k));
        let phrase = first_word.is_some_and(|k| matches!(tags[k], Tag::Adp | Tag::To));
        // One set off by a comma after a noun is an apposition (`Rosenthal, a tax lawyer at the
        // Urban Institute,`), and one whose noun is indefinite is no subject (`a tax lawyer at`).
        let apposition = start > 0 && words[start] == ",";
        let first_content = (start..end).find(|&k| is_word(k) && tags[k] != Tag::Cc);
        let indefinite = first_content.is_some_and(|k| matches!(&*lower[k], "a" | "an"));
        let phrase = phrase || apposition || indefinite;
        if !phrase && !tags[start..end].iter().any(|t| t.is_verb()) {
            for j in start.max(1)..end {
                let word = words[j];
                let plain = word.chars().all(|c| c.is_ascii_lowercase());
                // After the date, the word before it counts (`The bombing in 1995 killed`); so
                // does the word before an adverb (`She recently quit`).
                let mut b = j - 1;
                if timex.end == j && timex.start > 0 {
                    b = timex.start - 1;
                    while b > 0 && tags[b] == Tag::Adp {
                        b -= 1;
                    }
                }
                while b > start && (tags[b] == Tag::Adv || timex.contains(&b)) {
                    b -= 1;
                }
                let before = tags[b];
                // After a pronoun, the clause may end with its verb (`She recently quit.`).
                let ends = before == Tag::Pron && tags.get(j + 1).is_none_or(|t| *t == Tag::Punct);
                let after = tags.get(j + 1).copied();
                let next_is_date = timex.start == j + 1;
                let object_follows = next_is_date
                    || ends
                    || matches!(
                        after,
                        Some(
                            Tag::Det
                                | Tag::Adp
                                | Tag::Pron
                                | Tag::PronPoss
                                | Tag::Num
                                | Tag::To
                                | Tag::Adj
                        )
                    );
                if plain
                    && !timex.contains(&j)
                    && matches!(tags[j], Tag::Noun | Tag::Adj | Tag::Wh | Tag::Adv)
                    && (matches!(before, Tag::Noun | Tag::Propn | Tag::Pron)
                        // `The festival runs`, the noun taken for an adjective.
                        || (before == Tag::Adj && j >= 2 && tags[j - 2] == Tag::Det))
                    && object_follows
                    && !is_time_noun(&lower[j])
                {
                    tags[j] = if lower[j].ends_with('s') && !lower[j].ends_with("ss") {
                        Tag::Vbz
                    } else {
                        Tag::Vbp
                    };
                    break;
                }
            }
        }
        start = end;
    }
}
