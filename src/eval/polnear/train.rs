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

/// Trains the speech model: an averaged perceptron over the labelled quotes of `articles`, in a
/// fixed shuffled order, so the same articles give the same file byte for byte.
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
    let mut w = vec![0i64; names.len()];
    let mut u = vec![0i64; names.len()];
    let mut c: i64 = 1;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..SPEECH_EPOCHS {
        shuffle(&mut order, &mut seed);
        for &k in &order {
            let (ids, y) = &data[k];
            let score: i64 = ids.iter().map(|&f| w[f]).sum();
            if score * y <= 0 {
                for &f in ids {
                    w[f] += y;
                    u[f] += y * c;
                }
            }
            c += 1;
        }
    }
    averaged_model(&names, &w, &u, c)
}

/// An averaged perceptron's model: each feature's weight averaged over the `c` steps of training
/// (`w` the final weights, `u` their step-weighted updates), scaled by 1000; zeros are left out.
fn averaged_model(names: &[&str], w: &[i64], u: &[i64], c: i64) -> SpeechModel {
    let weights = names
        .iter()
        .enumerate()
        .map(|(f, name)| {
            let avg = (w[f] * c - u[f]) * 1000 / c;
            (
                name.to_string(),
                avg.clamp(i32::MIN as i64, i32::MAX as i64) as i32,
            )
        })
        .filter(|(_, v)| *v != 0)
        .collect();
    SpeechModel::from_weights(weights)
}

/// Passes the ranker makes over the training quotes.
pub const RANKER_EPOCHS: usize = 10;

/// Options a ranker feature must occur in to get a weight.
pub const RANKER_MIN_COUNT: usize = 8;

/// Trains the speaker ranker: an averaged ranking perceptron over the quotes whose options
/// include a right one; when the best-scoring option is wrong, the best-scoring right one gains
/// its features' weights and the wrong one loses them. Fixed order, so training is reproducible.
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
    let mut w = vec![0i64; names.len()];
    let mut u = vec![0i64; names.len()];
    let mut c: i64 = 1;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..RANKER_EPOCHS {
        shuffle(&mut order, &mut seed);
        for &k in &order {
            let options = &data[k];
            let score = |ids: &Vec<usize>| ids.iter().map(|&f| w[f]).sum::<i64>();
            let mut pred = 0;
            let mut top = i64::MIN;
            let mut gold = None;
            let mut gold_top = i64::MIN;
            for (j, (ids, right)) in options.iter().enumerate() {
                let s = score(ids);
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
                for &f in &options[g].0 {
                    w[f] += 1;
                    u[f] += c;
                }
                for &f in &options[pred].0 {
                    w[f] -= 1;
                    u[f] -= c;
                }
            }
            c += 1;
        }
    }
    averaged_model(&names, &w, &u, c)
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
