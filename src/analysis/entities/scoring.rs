//! Tagging's per-label scores, computed once per distinct word where they can be.
//!
//! A token's score is a sum of weights over its features (`sentence::emit`). An article repeats
//! its words (`the`, `said`, `Trump`), and most features read one word alone, so each distinct
//! word is prepared once and keeps the sum of its own features' weights and its row of the model
//! for every one-word template. Only the features that join two words or read the sentence are
//! hashed and looked up per token. The sums are taken in `emit`'s order, starting from the same
//! zero, so the scores are bit for bit those of hashing every feature (a test checks).

use super::features::{prepare, DocContext, FastMap, FeatureHash, Prepared};
use super::gazetteer::Gazetteer;
use super::model::Model;
use super::sentence::{
    class_of, doc_features, emit, own_features, word_feature, SentenceView, Sink, Word,
    SENTENCE_END, SENTENCE_START, WORD_SLOTS,
};
use super::tagger::N_LABELS as L;
use super::wordclass::Classes;

/// No row: the model keeps no weight for that feature.
const NO_ROW: u32 = u32::MAX;

type Rows = [u32; WORD_SLOTS.len()];

/// One distinct token text of an article.
struct Entry<'a> {
    prepared: Prepared<'a>,
    class: Option<Classes>,
    /// The weights of its own features (`own_features`) summed from zero, in order.
    own: [f32; L],
    /// Its row for each one-word template.
    rows: Rows,
}

/// The words of one article, each distinct token text prepared and scored once.
pub(super) struct Words<'a> {
    entries: Vec<Entry<'a>>,
    /// The rows of the sentence's edges (`<s>`, `</s>`) for each one-word template.
    edges: [Rows; 2],
    /// Each sentence's tokens, as indices into `entries`.
    sentences: Vec<Vec<u32>>,
}

fn rows_of(w: Word, model: &Model) -> Rows {
    let mut rows = [NO_ROW; WORD_SLOTS.len()];
    for (slot, row) in rows.iter_mut().enumerate() {
        if let Some(r) = word_feature(slot, w).and_then(|h| model.row_of(h.finish() as u32)) {
            *row = r;
        }
    }
    rows
}

impl<'a> Words<'a> {
    #[inline(never)]
    pub(super) fn new<S: AsRef<str>>(
        sentences: &'a [Vec<S>],
        model: &Model,
        gazetteer: &Gazetteer,
    ) -> Words<'a> {
        let mut index: FastMap<&'a str, u32> = FastMap::default();
        let mut entries: Vec<Entry<'a>> = Vec::new();
        let mut chars = Vec::new();
        let sentences = sentences
            .iter()
            .map(|sentence| {
                sentence
                    .iter()
                    .map(|token| {
                        let text: &'a str = token.as_ref();
                        *index.entry(text).or_insert_with(|| {
                            let prepared = prepare(text);
                            let class = class_of(&prepared, gazetteer);
                            let mut own = [0f32; L];
                            own_features(&prepared, &mut chars, &mut |h: FeatureHash| {
                                model.add_feature(h.finish(), &mut own)
                            });
                            let word = Word {
                                lower: &prepared.lower,
                                shape: &prepared.shape,
                                class,
                            };
                            let rows = rows_of(word, model);
                            entries.push(Entry {
                                prepared,
                                class,
                                own,
                                rows,
                            });
                            entries.len() as u32 - 1
                        })
                    })
                    .collect()
            })
            .collect();
        Words {
            entries,
            edges: [rows_of(SENTENCE_START, model), rows_of(SENTENCE_END, model)],
            sentences,
        }
    }

    /// Every sentence's tokens, prepared.
    pub(super) fn prepared(&self) -> Vec<Vec<&Prepared<'a>>> {
        self.sentences
            .iter()
            .map(|ids| {
                ids.iter()
                    .map(|&id| &self.entries[id as usize].prepared)
                    .collect()
            })
            .collect()
    }

    /// Each word's document-level features as model rows, in order (`doc_features` as a
    /// capitalised token, or a lower-case one outside a line in capitals, reads them): they
    /// depend on the word and the article alone.
    #[inline(never)]
    pub(super) fn doc_rows(&self, doc: &DocContext, model: &Model) -> DocRows {
        let mut rows = Vec::new();
        let mut spans = Vec::with_capacity(self.entries.len());
        for entry in &self.entries {
            let start = rows.len();
            let t = &entry.prepared;
            doc_features(t, t.capitalized, doc, &mut |h: FeatureHash| {
                rows.extend(model.row_of(h.finish() as u32))
            });
            spans.push((start, rows.len()));
        }
        DocRows { rows, spans }
    }

    /// Sentence `k` as the templates read it (`prepared` is its row of `prepared()`).
    /// `overlay` is the reader's gazetteer, if any (`SentenceView::new`).
    pub(super) fn view<'p>(
        &self,
        k: usize,
        prepared: &'p [&'p Prepared<'a>],
        gazetteer: &Gazetteer,
        overlay: Option<&Gazetteer>,
    ) -> SentenceView<'p, 'a> {
        let classes = self.sentences[k]
            .iter()
            .map(|&id| self.entries[id as usize].class)
            .collect();
        SentenceView::new(prepared, classes, gazetteer, overlay)
    }

    /// Per-label scores of sentence `k`'s tokens (`view` is its `view`), laid out as
    /// `Model::emissions` lays them out.
    #[inline(never)]
    pub(super) fn emissions(
        &self,
        k: usize,
        view: &SentenceView,
        doc: &DocContext,
        doc_rows: &DocRows,
        model: &Model,
        out: &mut Vec<f32>,
    ) {
        out.clear();
        let mut sink = Scores {
            words: self,
            ids: &self.sentences[k],
            doc_rows,
            model,
            acc: [0.0; L],
            out,
        };
        emit(view, doc, &mut sink);
    }
}

/// The rows of each word's document-level features: `rows[spans[id].0..spans[id].1]`.
pub(super) struct DocRows {
    rows: Vec<u32>,
    spans: Vec<(usize, usize)>,
}

/// Tagging's sink: weights added as `emit` names features, cached ones by row.
struct Scores<'s, 'a> {
    words: &'s Words<'a>,
    ids: &'s [u32],
    doc_rows: &'s DocRows,
    model: &'s Model,
    acc: [f32; L],
    out: &'s mut Vec<f32>,
}

impl Sink for Scores<'_, '_> {
    fn begin(&mut self, i: usize, _: &SentenceView) {
        self.acc = self.words.entries[self.ids[i] as usize].own;
    }

    fn word(&mut self, slot: usize, j: isize, _: &SentenceView) {
        let rows = match usize::try_from(j).ok().and_then(|j| self.ids.get(j)) {
            Some(&id) => &self.words.entries[id as usize].rows,
            None if j < 0 => &self.words.edges[0],
            None => &self.words.edges[1],
        };
        if rows[slot] != NO_ROW {
            self.model.add_row(rows[slot], &mut self.acc);
        }
    }

    fn push(&mut self, h: FeatureHash) {
        self.model.add_feature(h.finish(), &mut self.acc);
    }

    fn doc(&mut self, i: usize, view: &SentenceView, doc: &DocContext) {
        let id = self.ids[i] as usize;
        let t = &self.words.entries[id].prepared;
        if !t.capitalized && view.caps {
            // A lower-case word in a line in capitals: not the cached reading.
            let (model, acc) = (self.model, &mut self.acc);
            doc_features(t, true, doc, &mut |h| model.add_feature(h.finish(), acc));
            return;
        }
        let (start, end) = self.doc_rows.spans[id];
        for &row in &self.doc_rows.rows[start..end] {
            self.model.add_row(row, &mut self.acc);
        }
    }

    fn end(&mut self, _: usize) {
        self.out.extend_from_slice(&self.acc);
    }
}

#[cfg(test)]
mod tests {
    use super::super::sentence::sentence_features;
    use super::*;

    /// The cached scores are exactly those of hashing every feature, on a text with repeated
    /// words, capitals, a title-case line, hyphens and typographic quotes.
    #[test]
    fn cached_scores_equal_hashed_scores() {
        let text = [
            "President Vladimir Putin said on Tuesday that Russia 's talks with the U.S. would go on .",
            "PUTIN MEETS TRUMP IN HELSINKI",
            "Obama Sees 'Personal Insult' if Blacks Don't Rally for Hillary Clinton",
            "Putin , a former KGB officer , met Trump ’s envoy in the Bank of England 's back-room .",
            "the the the 1996 1,200 said said",
            "the PUTIN AND the KREMLIN said",
        ];
        let sentences: Vec<Vec<&str>> = text.iter().map(|s| s.split(' ').collect()).collect();
        let model = Model::shipped();
        let gazetteer = Gazetteer::shipped();
        let words = Words::new(&sentences, model, gazetteer);
        let prepared = words.prepared();
        let doc = DocContext::new(&sentences);
        let doc_rows = words.doc_rows(&doc, model);
        let (mut feats, mut offsets, mut want, mut got) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (k, sentence) in sentences.iter().enumerate() {
            sentence_features(sentence, &doc, gazetteer, &mut feats, &mut offsets);
            model.emissions(&feats, &offsets, &mut want);
            let view = words.view(k, &prepared[k], gazetteer, None);
            words.emissions(k, &view, &doc, &doc_rows, model, &mut got);
            let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&got), bits(&want), "sentence {k}");
        }
    }
}
