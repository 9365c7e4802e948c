//! One sentence as the feature templates read it, and the one order in which a token's features
//! come (`emit`).
//!
//! Training hashes every feature (`sentence_features`); tagging (`scoring`) skips the hashing and
//! the table lookups where it can, because most of a token's features depend on one word alone:
//! its own text (`own_features`) or one neighbour's (`WORD_SLOTS`), and an article repeats its
//! words. Both walk `emit`, so they add the same weights in the same order, and a cached sum is
//! bit for bit the sum it stands for.

use super::features::*;
use super::gazetteer::{GazTags, Gazetteer};
use super::wordclass::{self, Classes};

/// The templates that read one word of the sentence (or its edge) and nothing else, in slot order:
/// tagging caches each word's row of the model for each of them.
pub(super) const WORD_SLOTS: [u8; 14] = [
    PREV_LOWER,
    NEXT_LOWER,
    PREV2_LOWER,
    NEXT2_LOWER,
    PREV_SHAPE,
    NEXT_SHAPE,
    PREV_SUFFIX,
    NEXT_SUFFIX,
    CLASS_COARSE,
    CLASS_FINE,
    PREV_CLASS_FINE,
    PREV_CLASS_COARSE,
    NEXT_CLASS_FINE,
    NEXT_CLASS_COARSE,
];

// Indices into `WORD_SLOTS`.
const S_PREV_LOWER: usize = 0;
const S_NEXT_LOWER: usize = 1;
const S_PREV2_LOWER: usize = 2;
const S_NEXT2_LOWER: usize = 3;
const S_PREV_SHAPE: usize = 4;
const S_NEXT_SHAPE: usize = 5;
const S_PREV_SUFFIX: usize = 6;
const S_NEXT_SUFFIX: usize = 7;
const S_CLASS_COARSE: usize = 8;
const S_CLASS_FINE: usize = 9;
const S_PREV_CLASS_FINE: usize = 10;
const S_PREV_CLASS_COARSE: usize = 11;
const S_NEXT_CLASS_FINE: usize = 12;
const S_NEXT_CLASS_COARSE: usize = 13;

/// What a one-word template reads of a word: a token, or a sentence edge (`<s>`, `</s>`), which
/// has no class.
#[derive(Clone, Copy)]
pub(super) struct Word<'w> {
    pub(super) lower: &'w str,
    pub(super) shape: &'w str,
    pub(super) class: Option<Classes>,
}

pub(super) const SENTENCE_START: Word<'static> = Word {
    lower: "<s>",
    shape: "<s>",
    class: None,
};
pub(super) const SENTENCE_END: Word<'static> = Word {
    lower: "</s>",
    shape: "</s>",
    class: None,
};

/// The feature of one-word template `WORD_SLOTS[slot]` for `w`, if it has one (a word with no
/// class has no class features).
pub(super) fn word_feature(slot: usize, w: Word) -> Option<FeatureHash> {
    let template = WORD_SLOTS[slot];
    match slot {
        S_PREV_LOWER | S_NEXT_LOWER | S_PREV2_LOWER | S_NEXT2_LOWER => {
            Some(FeatureHash::new(template).str(w.lower))
        }
        S_PREV_SHAPE | S_NEXT_SHAPE => Some(FeatureHash::new(template).str(w.shape)),
        S_PREV_SUFFIX | S_NEXT_SUFFIX => {
            let start = w.lower.char_indices().rev().nth(2).map_or(0, |(b, _)| b);
            Some(FeatureHash::new(template).str(&w.lower[start..]))
        }
        S_CLASS_COARSE | S_PREV_CLASS_COARSE | S_NEXT_CLASS_COARSE => w
            .class
            .map(|c| FeatureHash::new(template).bytes(&c.coarse.to_le_bytes())),
        _ => w
            .class
            .map(|c| FeatureHash::new(template).bytes(&c.fine.to_le_bytes())),
    }
}

/// The features a token's own text decides (`BIAS` to `LENGTH`), in order; they come first.
/// `chars` is scratch space.
pub(super) fn own_features(
    t: &Prepared,
    chars: &mut Vec<(usize, char)>,
    push: &mut impl FnMut(FeatureHash),
) {
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
}

/// The word class a token is looked up by.
pub(super) fn class_of(t: &Prepared, gazetteer: &Gazetteer) -> Option<Classes> {
    gazetteer.classes.get(&wordclass::form(&t.word))
}

/// One sentence with what the context templates read: every token prepared, its word class, the
/// gazetteer's matches, runs of capitalised words and long names.
pub(super) struct SentenceView<'p, 'a> {
    pub(super) tokens: &'p [&'p Prepared<'a>],
    classes: Vec<Option<Classes>>,
    /// A line in capitals (`is_caps_sentence`).
    pub(super) caps: bool,
    title: bool,
    gaz: Vec<GazTags>,
    /// (length, position) of each token's run of capitalised tokens; length 0 outside one.
    run_of: Vec<(usize, usize)>,
    long_names: Vec<(usize, usize)>,
}

impl<'p, 'a> SentenceView<'p, 'a> {
    /// `overlay` is the reader's own gazetteer (`overlay::Overlay`), if any: its matches are
    /// added to the shipped gazetteer's, so the features see them as the same kind of match.
    pub(super) fn new(
        tokens: &'p [&'p Prepared<'a>],
        classes: Vec<Option<Classes>>,
        gazetteer: &Gazetteer,
        overlay: Option<&Gazetteer>,
    ) -> Self {
        let caps = is_caps_sentence(tokens);
        let title = !caps && is_title_sentence(tokens);
        let lower = tokens.iter().map(|p| p.lower.as_str()).collect::<Vec<_>>();
        let capitalized = tokens.iter().map(|p| p.capitalized).collect::<Vec<_>>();
        let mut gaz = gazetteer.tag_sentence(&lower, &capitalized);
        if let Some(overlay) = overlay {
            for (tags, own) in gaz
                .iter_mut()
                .zip(overlay.tag_sentence(&lower, &capitalized))
            {
                *tags = tags.union(own);
            }
        }
        let n = tokens.len();
        let mut run_of = vec![(0usize, 0usize); n];
        let mut i = 0;
        while i < n {
            if tokens[i].capitalized {
                let start = i;
                while i < n && tokens[i].capitalized {
                    i += 1;
                }
                for (k, slot) in run_of[start..i].iter_mut().enumerate() {
                    *slot = (i - start, k);
                }
            } else {
                i += 1;
            }
        }
        SentenceView {
            tokens,
            classes,
            caps,
            title,
            gaz,
            run_of,
            long_names: long_name_runs(tokens),
        }
    }

    /// The gazetteer's matches, token by token.
    pub(super) fn gaz(&self) -> &[GazTags] {
        &self.gaz
    }

    /// Token `j` as one-word templates read it, or an edge past either end.
    pub(super) fn word(&self, j: isize) -> Word<'_> {
        if j < 0 {
            SENTENCE_START
        } else if j as usize >= self.tokens.len() {
            SENTENCE_END
        } else {
            let t = self.tokens[j as usize];
            Word {
                lower: &t.lower,
                shape: &t.shape,
                class: self.classes[j as usize],
            }
        }
    }
}

/// Where `emit` sends each token's features.
pub(super) trait Sink {
    /// Token `i` starts; its own features (`own_features`) come first.
    fn begin(&mut self, i: usize, view: &SentenceView);
    /// The one-word template `WORD_SLOTS[slot]` of token `j` (an edge when out of range).
    fn word(&mut self, slot: usize, j: isize, view: &SentenceView);
    /// Any other feature.
    fn push(&mut self, h: FeatureHash);
    /// Token `i`'s document-level features (`doc_features`); they come last.
    fn doc(&mut self, i: usize, view: &SentenceView, doc: &DocContext);
    /// Token `i` is complete.
    fn end(&mut self, i: usize);
}

/// Every feature of every token of `view`, in the order the model was trained with.
pub(super) fn emit(view: &SentenceView, doc: &DocContext, sink: &mut impl Sink) {
    let lower_at = |j: isize| view.word(j).lower;
    let shape_at = |j: isize| view.word(j).shape;
    for (i, t) in view.tokens.iter().enumerate() {
        let ii = i as isize;
        sink.begin(i, view);
        sink.word(S_PREV_LOWER, ii - 1, view);
        sink.word(S_NEXT_LOWER, ii + 1, view);
        sink.word(S_PREV2_LOWER, ii - 2, view);
        sink.word(S_NEXT2_LOWER, ii + 2, view);
        sink.word(S_PREV_SHAPE, ii - 1, view);
        sink.word(S_NEXT_SHAPE, ii + 1, view);
        sink.push(
            FeatureHash::new(PREV_SHAPE_SHAPE)
                .str(shape_at(ii - 1))
                .str(&t.shape),
        );
        sink.push(
            FeatureHash::new(SHAPE_NEXT_SHAPE)
                .str(&t.shape)
                .str(shape_at(ii + 1)),
        );
        sink.push(
            FeatureHash::new(PREV_LOWER_LOWER)
                .str(lower_at(ii - 1))
                .str(&t.lower),
        );
        sink.push(
            FeatureHash::new(LOWER_NEXT_LOWER)
                .str(&t.lower)
                .str(lower_at(ii + 1)),
        );
        sink.push(
            FeatureHash::new(PREV_LOWER_SHAPE)
                .str(lower_at(ii - 1))
                .str(&t.shape),
        );
        sink.push(
            FeatureHash::new(SHAPE_NEXT_LOWER)
                .str(&t.shape)
                .str(lower_at(ii + 1)),
        );
        sink.word(S_PREV_SUFFIX, ii - 1, view);
        sink.word(S_NEXT_SUFFIX, ii + 1, view);
        if i == 0 {
            sink.push(FeatureHash::new(FIRST_SHAPE).str(&t.shape));
        }
        if view.caps {
            sink.push(FeatureHash::new(CAPS_SENTENCE_LOWER).str(&t.lower));
            sink.push(
                FeatureHash::new(CAPS_SENTENCE_SHAPE)
                    .str(&t.shape)
                    .str(shape_at(ii + 1)),
            );
        }
        if view.title {
            sink.push(FeatureHash::new(TITLE_SENTENCE_LOWER).str(&t.lower));
            sink.push(
                FeatureHash::new(TITLE_SENTENCE_SHAPE)
                    .str(&t.shape)
                    .str(shape_at(ii + 1)),
            );
        }
        // Word classes: the token's, and its neighbours' (none for a word the table lacks and
        // for the sentence's edges, which the classes of their own say nothing about).
        sink.word(S_CLASS_COARSE, ii, view);
        sink.word(S_CLASS_FINE, ii, view);
        sink.word(S_PREV_CLASS_FINE, ii - 1, view);
        sink.word(S_PREV_CLASS_COARSE, ii - 1, view);
        sink.word(S_NEXT_CLASS_FINE, ii + 1, view);
        sink.word(S_NEXT_CLASS_COARSE, ii + 1, view);
        if t.word.contains('-') {
            for part in t.lower.split('-').filter(|p| !p.is_empty()) {
                sink.push(FeatureHash::new(HYPHEN_PART).str(part));
            }
        }
        let (run_len, run_pos) = view.run_of[i];
        if run_len > 0 && !view.caps && !view.title {
            let pos = if run_pos == 0 {
                0
            } else if run_pos + 1 == run_len {
                2
            } else {
                1
            };
            sink.push(FeatureHash::new(CAP_RUN).bytes(&[run_len.min(5) as u8, pos]));
        }
        if let Some(&(start, end)) = view.long_names.iter().find(|r| r.0 <= i && i < r.1) {
            let pos = if i == start {
                0
            } else if i + 1 == end {
                2
            } else {
                1
            };
            sink.push(FeatureHash::new(LONG_NAME).bytes(&[pos, (end - start).min(8) as u8]));
            sink.push(FeatureHash::new(LONG_NAME_FIRST).str(&view.tokens[start].lower));
            sink.push(FeatureHash::new(LONG_NAME_LAST).str(&view.tokens[end - 1].lower));
        }
        for (template, j) in [(GAZ, i), (PREV_GAZ, i.wrapping_sub(1)), (NEXT_GAZ, i + 1)] {
            if let Some(&tags) = view.gaz.get(j) {
                for (kind, inside) in tags.iter() {
                    sink.push(FeatureHash::new(template).bytes(&[kind, inside as u8]));
                    if template == GAZ {
                        sink.push(
                            FeatureHash::new(template)
                                .bytes(&[kind, inside as u8])
                                .str(&t.shape),
                        );
                    }
                }
            }
        }
        sink.doc(i, view, doc);
        sink.end(i);
    }
}

/// The document-level features of a token (`DocContext`): how the article writes its word
/// elsewhere. They come last. `wide` adds the contexts of the word's capitalised uses, read for a
/// capitalised token or any token of a line in capitals.
pub(super) fn doc_features(
    t: &Prepared,
    wide: bool,
    doc: &DocContext,
    push: &mut impl FnMut(FeatureHash),
) {
    if !t.word.chars().any(char::is_alphabetic) {
        return;
    }
    let Some(w) = doc.words.get(&t.lower) else {
        return;
    };
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
    if wide {
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

/// Training's sink: every feature hashed, in `emit`'s order.
struct Hashes<'o> {
    out: &'o mut Vec<u64>,
    offsets: &'o mut Vec<usize>,
    chars: Vec<(usize, char)>,
}

impl Sink for Hashes<'_> {
    fn begin(&mut self, i: usize, view: &SentenceView) {
        self.offsets.push(self.out.len());
        let out = &mut *self.out;
        own_features(view.tokens[i], &mut self.chars, &mut |h| {
            out.push(h.finish())
        });
    }
    fn word(&mut self, slot: usize, j: isize, view: &SentenceView) {
        if let Some(h) = word_feature(slot, view.word(j)) {
            self.out.push(h.finish());
        }
    }
    fn push(&mut self, h: FeatureHash) {
        self.out.push(h.finish());
    }
    fn doc(&mut self, i: usize, view: &SentenceView, doc: &DocContext) {
        let t = view.tokens[i];
        let out = &mut *self.out;
        doc_features(t, t.capitalized || view.caps, doc, &mut |h| {
            out.push(h.finish())
        });
    }
    fn end(&mut self, _: usize) {}
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
    let refs: Vec<&Prepared> = prepared.iter().collect();
    let classes = refs.iter().map(|t| class_of(t, gazetteer)).collect();
    let view = SentenceView::new(&refs, classes, gazetteer, None);
    let mut sink = Hashes {
        out: &mut *out,
        offsets: &mut *offsets,
        chars: Vec::new(),
    };
    emit(&view, doc, &mut sink);
    offsets.push(out.len());
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
