//! Training the quotes stage's two learned parts on PolNeAR: the speech model (speech or quoted
//! phrase) and the speaker ranker (which of a sentence's speakers), both averaged perceptrons.
//!
//! Their examples are what the stage itself sees (`quotes::training_examples`), run after the
//! caption roles and the entity tagger as `analysis::analyze` runs it, and labelled with the
//! scorer's own match, so that the models learn what `lede eval-quotes` counts. Training is
//! integer arithmetic over examples in a fixed order, with no hashing order, threads or clock in
//! it, so the same articles and the same upstream stages give the same files byte for byte.

use super::gold::{GoldArticle, GoldQuote};
use super::score::{head_word, overlaps, score_article_with, stage_inputs, Chars, QuoteScores};
use crate::analysis::quotes::{training_examples, Models, SpeechModel};
use crate::analysis::segment::segment;
use crate::analysis::span::Span;

/// One quote's speech features and whether the gold counts it as a quote (it covers at least half
/// of a gold quote, as the scorer's match asks).
pub type LabelledSpeech = (Vec<String>, bool);

/// One quote's speaker options: each option's features and whether the scorer would count it
/// right. Only quotes matched to a gold quote with a Source are kept.
pub type LabelledRanking = Vec<(Vec<String>, bool)>;

/// The gold quote a system quote matches, as the scorer would match it (ignoring one-to-one).
fn gold_for<'a>(article: &'a GoldArticle, span: Span, chars: &Chars) -> Option<&'a GoldQuote> {
    article
        .quotes
        .iter()
        .filter(|g| chars.matches(span, g.span))
        .max_by_key(|g| chars.overlap(span, g.span))
}

/// The speech and ranking examples of one article, labelled against its gold quotes; the
/// ranking examples are those of the quotes `speech` lets through.
pub fn labelled_examples(
    article: &GoldArticle,
    speech: Option<&SpeechModel>,
) -> (Vec<LabelledSpeech>, Vec<LabelledRanking>) {
    let text = &article.text;
    let doc = segment(text);
    let (roles, mentions) = stage_inputs(text, &doc);
    let chars = Chars::new(text);
    let ex = training_examples(text, &doc, &roles, &mentions, speech);
    let speech = ex
        .speech
        .into_iter()
        .map(|e| (e.features, gold_for(article, e.span, &chars).is_some()))
        .collect();
    let ranking = ex
        .ranker
        .into_iter()
        .filter_map(|e| {
            let g = gold_for(article, e.quote, &chars).filter(|g| !g.sources.is_empty())?;
            Some(
                e.options
                    .into_iter()
                    .map(|(span, f)| {
                        let right = g.sources.iter().any(|&src| {
                            overlaps(span, src) || head_word(text, span) == head_word(text, src)
                        });
                        (f, right)
                    })
                    .collect(),
            )
        })
        .collect();
    (speech, ranking)
}

/// Feature names numbered in the order training first meets them, keeping only those that occur
/// at least `min_count` times: shared by both trainers so their files come out the same way. The
/// maps are only looked up, never walked, so their hashing order reaches nothing the trainers write.
struct FeatureIndex<'a> {
    counts: std::collections::HashMap<&'a str, usize>,
    index: std::collections::HashMap<&'a str, usize>,
    names: Vec<&'a str>,
    min_count: usize,
}

impl<'a> FeatureIndex<'a> {
    fn new(all: impl Iterator<Item = &'a [String]>, min_count: usize) -> Self {
        let mut counts = std::collections::HashMap::new();
        for features in all {
            for f in features {
                *counts.entry(f.as_str()).or_default() += 1;
            }
        }
        FeatureIndex {
            counts,
            index: std::collections::HashMap::new(),
            names: Vec::new(),
            min_count,
        }
    }

    /// The ids of the kept features among `features`, numbering new ones.
    fn ids(&mut self, features: &'a [String]) -> Vec<usize> {
        let mut ids = Vec::new();
        for f in features {
            if self.counts[f.as_str()] < self.min_count {
                continue;
            }
            let names = &mut self.names;
            ids.push(*self.index.entry(f.as_str()).or_insert_with(|| {
                names.push(f.as_str());
                names.len() - 1
            }));
        }
        ids
    }
}

/// One Fisher-Yates pass over `order` driven by an xorshift `seed`: a fixed order, so training is
/// reproducible.
fn shuffle(order: &mut [usize], seed: &mut u64) {
    for i in (1..order.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        order.swap(i, (*seed % (i as u64 + 1)) as usize);
    }
}

/// Quotes a feature must occur in to get a weight: rarer words stay out of the model, which keeps
/// the file (compiled into the wasm bundle) small and loses nothing in cross-validation.
pub const SPEECH_MIN_COUNT: usize = 8;

/// Passes the perceptron makes over the training quotes.
pub const SPEECH_EPOCHS: usize = 10;

/// Perceptrons averaged into the speech model: one. Five, on five-fold cross-validation on
/// train, cost 4 of 6,508 matched quotes (quote F1 0.9670 → 0.9667).
pub const SPEECH_BAGS: usize = 1;

/// Trains the speech model: an averaged perceptron over the labelled quotes of `examples`, in
/// fixed shuffled orders, so the same examples give the same file byte for byte.
pub fn train_speech(examples: &[&[LabelledSpeech]]) -> SpeechModel {
    let all = examples
        .iter()
        .flat_map(|a| a.iter())
        .map(|(f, _)| f.as_slice());
    let mut features = FeatureIndex::new(all, SPEECH_MIN_COUNT);
    let mut data: Vec<(Vec<usize>, i64)> = Vec::new();
    for article in examples {
        for (f, gold) in article.iter() {
            data.push((features.ids(f), if *gold { 1 } else { -1 }));
        }
    }
    let names = features.names;
    let training = Training {
        epochs: SPEECH_EPOCHS,
        bags: SPEECH_BAGS,
        seed: 0x9E37_79B9_7F4A_7C15,
    };
    let weights = training.run(names.len(), data.len(), |p, k| {
        let (ids, y) = &data[k];
        if p.score(ids) * y <= 0 {
            p.update(ids, *y);
        }
    });
    model_of(&names, &weights)
}

/// How an averaged perceptron is trained: `bags` perceptrons, each over its own shuffles of the
/// examples for `epochs` passes, their averaged weights averaged again. The shuffles come from one
/// xorshift stream started at `seed`, and every sum is of integers, so a run is the same on any
/// machine; one bag gives what the trainers gave before there were bags.
struct Training {
    epochs: usize,
    bags: usize,
    seed: u64,
}

impl Training {
    /// Trains over `examples` examples of `features` features; `learn(p, k)` shows example `k`
    /// to `p`. Returns each feature's weight ×1000, truncated toward zero.
    fn run(
        &self,
        features: usize,
        examples: usize,
        mut learn: impl FnMut(&mut Perceptron, usize),
    ) -> Vec<i64> {
        let mut sum = vec![0i64; features];
        let mut seed = self.seed;
        for _ in 0..self.bags.max(1) {
            let mut p = Perceptron {
                w: vec![0; features],
                u: vec![0; features],
                c: 1,
            };
            let mut order: Vec<usize> = (0..examples).collect();
            for _ in 0..self.epochs {
                shuffle(&mut order, &mut seed);
                for &k in &order {
                    learn(&mut p, k);
                    p.c += 1;
                }
            }
            for (s, a) in sum.iter_mut().zip(p.averaged()) {
                *s += a;
            }
        }
        let bags = self.bags.max(1) as i64;
        sum.into_iter().map(|s| s / bags).collect()
    }
}

/// A perceptron's weights `w`, and `u`, their updates weighted by the step `c` at which they
/// were made, from which the averaged weights follow without summing at every step.
struct Perceptron {
    w: Vec<i64>,
    u: Vec<i64>,
    c: i64,
}

impl Perceptron {
    fn score(&self, ids: &[usize]) -> i64 {
        ids.iter().map(|&f| self.w[f]).sum()
    }

    fn update(&mut self, ids: &[usize], by: i64) {
        for &f in ids {
            self.w[f] += by;
            self.u[f] += by * self.c;
        }
    }

    /// Each weight averaged over the steps of training, ×1000.
    fn averaged(&self) -> Vec<i64> {
        let c = self.c;
        self.w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| (w * c - u) * 1000 / c)
            .collect()
    }
}

/// The model of named weights, zeros left out.
fn model_of(names: &[&str], weights: &[i64]) -> SpeechModel {
    let weights = names
        .iter()
        .zip(weights)
        .filter(|(_, &v)| v != 0)
        .map(|(name, &v)| {
            (
                name.to_string(),
                v.clamp(i32::MIN as i64, i32::MAX as i64) as i32,
            )
        })
        .collect();
    SpeechModel::from_weights(weights)
}

/// Passes the ranker makes over the training quotes.
pub const RANKER_EPOCHS: usize = 10;

/// Options a ranker feature must occur in to get a weight.
pub const RANKER_MIN_COUNT: usize = 8;

/// Perceptrons averaged into the speaker ranker, each over its own shuffles. One ranker's
/// figures hang on its shuffle: over nine seeds, PolNeAR dev speaker accuracy ran from 710 to
/// 714 right of 763; over five, five-fold cross-validation on train from 0.9337 to 0.9357. The
/// mean of nine gave 713 or 714 on dev for each of five seeds, and the same cross-validated
/// figure (0.9341 over five seeds, against 0.9344), for about 0.2 KB more gzipped.
pub const RANKER_BAGS: usize = 9;

/// Trains the speaker ranker: an averaged ranking perceptron over the quotes whose options
/// include a right one; when the best-scoring option is wrong, the best-scoring right one gains
/// its features' weights and the wrong one loses them; the mean of `RANKER_BAGS` of them. Fixed
/// orders, so training is reproducible.
pub fn train_ranker(examples: &[&[LabelledRanking]]) -> SpeechModel {
    let all = examples
        .iter()
        .flat_map(|a| a.iter())
        .flat_map(|q| q.iter())
        .map(|(f, _)| f.as_slice());
    let mut features = FeatureIndex::new(all, RANKER_MIN_COUNT);
    let mut data: Vec<Vec<(Vec<usize>, bool)>> = Vec::new();
    for article in examples {
        for quote in article.iter() {
            if !quote.iter().any(|(_, right)| *right) || quote.len() < 2 {
                continue;
            }
            let options = quote
                .iter()
                .map(|(f, right)| (features.ids(f), *right))
                .collect();
            data.push(options);
        }
    }
    let names = features.names;
    let training = Training {
        epochs: RANKER_EPOCHS,
        bags: RANKER_BAGS,
        seed: 0x2545_F491_4F6C_DD1D,
    };
    let weights = training.run(names.len(), data.len(), |p, k| {
        let options = &data[k];
        let mut pred = 0;
        let mut top = i64::MIN;
        let mut gold = None;
        let mut gold_top = i64::MIN;
        for (j, (ids, right)) in options.iter().enumerate() {
            let s = p.score(ids);
            if s > top {
                top = s;
                pred = j;
            }
            if *right && s > gold_top {
                gold_top = s;
                gold = Some(j);
            }
        }
        if let Some(g) = gold.filter(|_| !options[pred].1) {
            p.update(&options[g].0, 1);
            p.update(&options[pred].0, -1);
        }
    });
    model_of(&names, &weights)
}

/// Folds for cross-validating the models on train: article `k` goes to fold `k % FOLDS`.
pub const FOLDS: usize = 5;

/// Five-fold cross-validation on `articles`, fold by fold: the rules alone, the rules with a
/// speech model trained on the other folds, and both with a ranker trained on the other folds.
pub fn cross_validate(articles: &[GoldArticle]) -> Vec<[QuoteScores; 3]> {
    let first: Vec<Vec<LabelledSpeech>> = articles
        .iter()
        .map(|a| labelled_examples(a, None).0)
        .collect();
    let mut out = Vec::new();
    for fold in 0..FOLDS {
        let training = |k: &usize| k % FOLDS != fold;
        let train: Vec<&[LabelledSpeech]> = first
            .iter()
            .enumerate()
            .filter(|(k, _)| training(k))
            .map(|(_, l)| l.as_slice())
            .collect();
        let speech = train_speech(&train);
        let ranking: Vec<Vec<LabelledRanking>> = articles
            .iter()
            .enumerate()
            .filter(|(k, _)| training(k))
            .map(|(_, a)| labelled_examples(a, Some(&speech)).1)
            .collect();
        let slices: Vec<&[LabelledRanking]> = ranking.iter().map(Vec::as_slice).collect();
        let ranker = train_ranker(&slices);
        let mut scores: [QuoteScores; 3] = Default::default();
        for (_, article) in articles.iter().enumerate().filter(|(k, _)| !training(k)) {
            score_article_with(article, &mut scores[0], Models::default());
            let with_speech = Models {
                speech: Some(&speech),
                ranker: None,
            };
            score_article_with(article, &mut scores[1], with_speech);
            let both = Models {
                speech: Some(&speech),
                ranker: Some(&ranker),
            };
            score_article_with(article, &mut scores[2], both);
        }
        out.push(scores);
    }
    out
}

/// Trains both models on `articles`: the speech model, then the ranker on the quotes it lets
/// through.
pub fn train_models(articles: &[GoldArticle]) -> (SpeechModel, SpeechModel) {
    let first: Vec<Vec<LabelledSpeech>> = articles
        .iter()
        .map(|a| labelled_examples(a, None).0)
        .collect();
    let slices: Vec<&[LabelledSpeech]> = first.iter().map(Vec::as_slice).collect();
    let speech = train_speech(&slices);
    let ranking: Vec<Vec<LabelledRanking>> = articles
        .iter()
        .map(|a| labelled_examples(a, Some(&speech)).1)
        .collect();
    let slices: Vec<&[LabelledRanking]> = ranking.iter().map(Vec::as_slice).collect();
    let ranker = train_ranker(&slices);
    (speech, ranker)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Made-up examples, enough that the shuffles, the count threshold and the averaging all
    /// have work to do: each has four features out of a few dozen, and a label most of its
    /// features lean towards.
    fn examples() -> (Vec<LabelledSpeech>, Vec<LabelledRanking>) {
        let mut state: u64 = 7;
        let mut next = move |n: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) % n
        };
        let mut one = |lean: u64| -> (Vec<String>, bool) {
            let features: Vec<String> = ["w", "p", "n"]
                .iter()
                .map(|k| format!("{k}:{}", next(9)))
                .chain(["bias".to_string()])
                .collect();
            let votes = features
                .iter()
                .filter(|f| f.ends_with(['1', '3', '5']))
                .count();
            (features, (votes as u64 + next(2) + lean) % 2 == 1)
        };
        let speech = (0..300).map(|_| one(0)).collect();
        let ranking = (0..150).map(|_| (0..3).map(|_| one(1)).collect()).collect();
        (speech, ranking)
    }

    /// The files must not depend on anything but the examples: not on a hash map's order (each
    /// map hashes with its own random keys, so two runs in one process differ when it leaks
    /// through), nor on the order of the features within an example, which numbers them.
    #[test]
    fn the_same_examples_give_the_same_bytes() {
        let (speech, ranking) = examples();
        let reversed = |f: &Vec<String>| f.iter().rev().cloned().collect::<Vec<String>>();
        let speech_rev: Vec<LabelledSpeech> =
            speech.iter().map(|(f, y)| (reversed(f), *y)).collect();
        let ranking_rev: Vec<LabelledRanking> = ranking
            .iter()
            .map(|q| q.iter().map(|(f, y)| (reversed(f), *y)).collect())
            .collect();
        let speech_bytes = |e: &[LabelledSpeech]| train_speech(&[e]).to_bytes().unwrap();
        let ranker_bytes = |e: &[LabelledRanking]| train_ranker(&[e]).to_bytes().unwrap();
        let first = speech_bytes(&speech);
        assert!(!train_speech(&[&speech]).is_empty(), "a model was learned");
        assert_eq!(speech_bytes(&speech), first, "speech: a second run");
        assert_eq!(
            speech_bytes(&speech_rev),
            first,
            "speech: features reordered"
        );
        let first = ranker_bytes(&ranking);
        assert!(
            !train_ranker(&[&ranking]).is_empty(),
            "a ranker was learned"
        );
        assert_eq!(ranker_bytes(&ranking), first, "ranker: a second run");
        assert_eq!(
            ranker_bytes(&ranking_rev),
            first,
            "ranker: features reordered"
        );
    }

    /// One bag is the plain averaged perceptron; more are the integer mean of one perceptron per
    /// stretch of the seed's stream.
    #[test]
    fn bags_average_perceptrons() {
        let data: Vec<(Vec<usize>, i64)> = vec![
            (vec![0, 1], 1),
            (vec![0, 2], -1),
            (vec![1, 2], 1),
            (vec![2], -1),
        ];
        let learn = |p: &mut Perceptron, k: usize| {
            let (ids, y) = &data[k];
            if p.score(ids) * y <= 0 {
                p.update(ids, *y);
            }
        };
        let training = |bags| Training {
            epochs: 3,
            bags,
            seed: 42,
        };
        let one = training(1).run(3, data.len(), learn);
        let two = training(2).run(3, data.len(), learn);
        // The second bag starts where the first left the seed: train it alone from there.
        let mut seed = 42;
        let mut order: Vec<usize> = (0..data.len()).collect();
        for _ in 0..3 {
            shuffle(&mut order, &mut seed);
        }
        let second = Training {
            epochs: 3,
            bags: 1,
            seed,
        }
        .run(3, data.len(), learn);
        let mean: Vec<i64> = one.iter().zip(&second).map(|(a, b)| (a + b) / 2).collect();
        assert_eq!(two, mean);
        assert!(
            one.iter().any(|&w| w != 0),
            "the perceptron learned something"
        );
    }
}
