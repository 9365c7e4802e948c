//! A small syntax toolkit: part-of-speech tags and base chunks, for the sentences that need them.
//!
//! The tagger is an averaged perceptron read greedily left to right (each word sees the two tags
//! chosen before it), trained on the POS column of CoNLL-2003 `eng.train` by `lede train-pos` and
//! shipped as `model/pos.bin`. It is run only where a stage asks, so it costs nothing on sentences
//! nobody reads this closely. `chunks` groups the tags into noun, verb and prepositional phrases
//! by rules, scored against the chunk column of the same data (`lede eval-pos`).

pub mod chunks;
pub mod features;
pub mod model;
pub mod tags;

pub use chunks::{chunk, Chunk, ChunkKind};
pub use model::Model;
pub use tags::{Tag, N_TAGS};

use features::{token_features, Forms};

/// Tags `words` (one sentence, as tokens) with the shipped model.
pub fn tag(words: &[&str]) -> Vec<Tag> {
    tag_with(Model::shipped(), words)
}

/// Tags `words` with `model`.
pub fn tag_with(model: &Model, words: &[&str]) -> Vec<Tag> {
    let forms: Vec<Forms> = words.iter().map(|w| Forms::of(w)).collect();
    let mut tags: Vec<Tag> = Vec::with_capacity(words.len());
    for i in 0..words.len() {
        let prev = i.checked_sub(1).map(|j| tags[j]);
        let prev2 = i.checked_sub(2).map(|j| tags[j]);
        let keys = token_features(&forms, i, prev, prev2);
        let mut scores = [0f32; N_TAGS];
        model.score(&keys, &mut scores);
        tags.push(best(&scores));
    }
    modal_takes_a_verb(&mut tags);
    tags
}

/// A modal's next word read as an adverb but followed by an object is the modal's verb (`will
/// back a ceasefire`, `could land the deal`): an adverb there (`will soon`, `would not`) is
/// followed by the verb, never by a determiner or a name. The greedy tagger cannot see the object.
fn modal_takes_a_verb(tags: &mut [Tag]) {
    for k in 1..tags.len().saturating_sub(1) {
        let object = matches!(
            tags[k + 1],
            Tag::Det | Tag::PronPoss | Tag::Propn | Tag::Num
        );
        if tags[k - 1] == Tag::Md && tags[k] == Tag::Adv && object {
            tags[k] = Tag::Vb;
        }
    }
}

/// The tag with the highest score; the most frequent tag wins a tie.
pub fn best(scores: &[f32; N_TAGS]) -> Tag {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    Tag::from_index(best).unwrap_or(Tag::Other)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentences of news prose, tagged by the shipped model. Each row names what it checks.
    #[test]
    fn shipped_tagger_reads_news_prose() {
        type Case<'a> = (&'a str, &'a str, &'a [(&'a str, Tag)]);
        let cases: &[Case] = &[
            (
                "past tense after a name",
                "Putin met Witkoff on Thursday .",
                &[
                    ("met", Tag::Vbd),
                    ("Thursday", Tag::Propn),
                    ("on", Tag::Adp),
                ],
            ),
            (
                "a passive participle",
                "Its forces are encircled by Moscow 's troops .",
                &[("are", Tag::Vbp), ("encircled", Tag::Vbn), ("'s", Tag::Pos)],
            ),
            (
                "a modal and a base form",
                "Putin will back a ceasefire .",
                &[
                    ("will", Tag::Md),
                    ("back", Tag::Vb),
                    ("ceasefire", Tag::Noun),
                ],
            ),
            (
                "a base form after a modal",
                "Officials will meet Friday .",
                &[
                    ("will", Tag::Md),
                    ("meet", Tag::Vb),
                    ("Officials", Tag::Noun),
                ],
            ),
            (
                "a pronoun subject",
                "He changed that timeframe .",
                &[("He", Tag::Pron), ("changed", Tag::Vbd)],
            ),
        ];
        for (name, sentence, want) in cases {
            let words: Vec<&str> = sentence.split(' ').collect();
            let tags = tag(&words);
            for (word, expected) in *want {
                let at = words
                    .iter()
                    .position(|w| w == word)
                    .expect("word in sentence");
                assert_eq!(
                    tags[at], *expected,
                    "{name}: {word} in {sentence:?} got {tags:?}"
                );
            }
        }
    }
}
