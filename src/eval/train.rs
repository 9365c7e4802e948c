//! Training the entity tagger: an averaged structured perceptron (Collins 2002) over the features
//! of `analysis::entities::features`, with Viterbi decoding, on CoNLL-2003 `eng.train`; the epoch
//! is picked on `eng.testa` by the F1 of the quantised model, decoded exactly as Lede decodes.
//!
//! Five perceptrons learn side by side, each on its own fixed shuffle, and the model is the mean of
//! their averaged weights: one perceptron's result moves by ±0.2 F1 with the order of examples, and
//! the mean is steadier and about 0.3 better on the dev set.
//!
//! Deterministic: features get ids in order of first appearance, sentences are shuffled by a fixed
//! seed, and no hash map is ever iterated. The same command gives the same bytes.
//!
//! With `passes = 2`, each training document is seen twice per epoch: once plain, and once with the
//! document-level votes of a first pass. The votes on the training set come from models trained on
//! the other folds (jackknifing), so they are as noisy as at tagging time. One model then serves
//! both passes.

use std::collections::HashMap;
use std::io::Write;

use super::conll::{self, Document};
use crate::analysis::entities::features::{vote_features, DocContext, FEATURE_VERSION};
use crate::analysis::entities::gazetteer::Gazetteer;
use crate::analysis::entities::model::Model;
use crate::analysis::entities::sentence::sentence_features;
use crate::analysis::entities::tagger::{self, label, TYPES};
use crate::analysis::entities::{entity_spans, Tagger};

const L: usize = tagger::N_LABELS;

/// The knobs of a training run.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub epochs: usize,
    /// 1, or 2 for the second pass over first-pass votes.
    pub passes: u8,
    /// Folds for the first-pass votes on the training set.
    pub folds: usize,
    /// Epochs of each fold's first-pass model.
    pub fold_epochs: usize,
    /// Features seen fewer times than this in training are dropped.
    pub min_count: u32,
    /// Weights under this quantile of the non-zero magnitudes are pruned before quantising.
    pub prune_quantile: f64,
    pub seed: u64,
    /// Perceptrons trained side by side on different shuffles and averaged (final model only).
    pub bags: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 20,
            passes: 2,
            folds: 4,
            fold_epochs: 6,
            min_count: 2,
            prune_quantile: 0.7,
            seed: 0x1ede,
            bags: 5,
        }
    }
}

/// A sentence as the trainer sees it: feature ids per token, and gold labels.
struct Instance {
    feats: Vec<u32>,
    offsets: Vec<u32>,
    gold: Vec<u8>,
    /// How much a mistake on this sentence moves the weights: 1 for in-domain news, less for text
    /// of another kind (see `Corpus::weight`).
    weight: f32,
}

/// One training corpus and how much its sentences count.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub name: String,
    pub docs: Vec<Document>,
    /// Scales each perceptron update on its sentences: 1 for news like the text Lede reads, less
    /// for text whose names and style differ (Wikipedia, filings), so they widen what the tagger
    /// knows without pulling its habits away from news.
    pub weight: f32,
}

/// A hashed sentence: its features, their offsets per token, its gold labels and its weight.
type Hashed = (Vec<u64>, Vec<u32>, Vec<u8>, f32);

/// Gold BIO labels of a sentence from its IOB1 column.
pub fn gold_labels(gold: &[String]) -> Vec<u8> {
    let mut labels = vec![0u8; gold.len()];
    for (s, e, kind) in conll::spans_of_tags(gold) {
        if let Some(k) = TYPES.iter().position(|&t| t == kind) {
            labels[s] = label(k, false) as u8;
            for l in &mut labels[s + 1..e] {
                *l = label(k, true) as u8;
            }
        }
    }
    labels
}

/// A first pass's entities in one document: (sentence, start token, end token, type).
type Votes = Vec<(usize, usize, usize, usize)>;

/// Features of every sentence of `docs` as hashes, with votes for document `d` from `votes[d]`.
fn hashed(
    docs: &[(&Document, f32)],
    votes: Option<&[Votes]>,
    gazetteer: &Gazetteer,
) -> Vec<Hashed> {
    let mut out = Vec::new();
    let (mut feats, mut offsets) = (Vec::new(), Vec::new());
    let (mut votes_feats, mut votes_offsets) = (Vec::new(), Vec::new());
    for (d, &(doc, weight)) in docs.iter().enumerate() {
        let tokens = doc.tokens();
        let mut context = DocContext::new(&tokens);
        if let Some(votes) = votes {
            context.add_votes(&tokens, &votes[d]);
        }
        for (sentence, tokens) in doc.sentences.iter().zip(&tokens) {
            sentence_features(tokens, &context, gazetteer, &mut feats, &mut offsets);
            vote_features(tokens, &context, &mut votes_feats, &mut votes_offsets);
            // Token i's features: its own, then its vote features.
            let mut merged = Vec::with_capacity(feats.len() + votes_feats.len());
            let mut merged_offsets = Vec::with_capacity(offsets.len());
            for (own, votes) in offsets.windows(2).zip(votes_offsets.windows(2)) {
                merged_offsets.push(merged.len() as u32);
                merged.extend_from_slice(&feats[own[0]..own[1]]);
                merged.extend_from_slice(&votes_feats[votes[0]..votes[1]]);
            }
            merged_offsets.push(merged.len() as u32);
            out.push((merged, merged_offsets, gold_labels(&sentence.gold), weight));
        }
    }
    out
}

/// The perceptron's state: current weights and the running sums for averaging.
struct Perceptron {
    w: Vec<f32>,
    sum: Vec<f32>,
    trans: Vec<f32>,
    trans_sum: Vec<f32>,
    start: Vec<f32>,
    start_sum: Vec<f32>,
    step: f32,
}

impl Perceptron {
    fn new(n: usize) -> Perceptron {
        Perceptron {
            w: vec![0.0; n * L],
            sum: vec![0.0; n * L],
            trans: vec![0.0; L * L],
            trans_sum: vec![0.0; L * L],
            start: vec![0.0; L],
            start_sum: vec![0.0; L],
            step: 1.0,
        }
    }

    fn decode(&self, x: &Instance, emissions: &mut Vec<f32>, out: &mut Vec<u8>) {
        emissions.clear();
        for t in x.offsets.windows(2) {
            let base = emissions.len();
            emissions.resize(base + L, 0.0);
            for &f in &x.feats[t[0] as usize..t[1] as usize] {
                let row = &self.w[f as usize * L..(f as usize + 1) * L];
                for (e, w) in emissions[base..].iter_mut().zip(row) {
                    *e += w;
                }
            }
        }
        tagger::viterbi(emissions, &self.trans, &self.start, out);
    }

    /// One online step on one sentence.
    fn learn(&mut self, x: &Instance, emissions: &mut Vec<f32>, pred: &mut Vec<u8>) {
        self.decode(x, emissions, pred);
        if *pred != x.gold {
            let c = self.step;
            let scale = x.weight;
            let bump = |w: &mut [f32], sum: &mut [f32], i: usize, d: f32| {
                w[i] += d * scale;
                sum[i] += c * d * scale;
            };
            for (t, win) in x.offsets.windows(2).enumerate() {
                let (g, p) = (x.gold[t] as usize, pred[t] as usize);
                if g != p {
                    for &f in &x.feats[win[0] as usize..win[1] as usize] {
                        bump(&mut self.w, &mut self.sum, f as usize * L + g, 1.0);
                        bump(&mut self.w, &mut self.sum, f as usize * L + p, -1.0);
                    }
                }
                let (gp, pp) = if t == 0 {
                    (None, None)
                } else {
                    (Some(x.gold[t - 1] as usize), Some(pred[t - 1] as usize))
                };
                if (gp, g) != (pp, p) {
                    match gp {
                        None => bump(&mut self.start, &mut self.start_sum, g, 1.0),
                        Some(gp) => bump(&mut self.trans, &mut self.trans_sum, gp * L + g, 1.0),
                    }
                    match pp {
                        None => bump(&mut self.start, &mut self.start_sum, p, -1.0),
                        Some(pp) => bump(&mut self.trans, &mut self.trans_sum, pp * L + p, -1.0),
                    }
                }
            }
        }
        self.step += 1.0;
    }

    fn averaged(&self, w: &[f32], sum: &[f32]) -> Vec<f32> {
        w.iter().zip(sum).map(|(w, s)| w - s / self.step).collect()
    }

    /// The averaged weights: features, start, transitions.
    fn averaged_parts(&self) -> [Vec<f32>; 3] {
        [
            self.averaged(&self.w, &self.sum),
            self.averaged(&self.start, &self.start_sum),
            self.averaged(&self.trans, &self.trans_sum),
        ]
    }
}

/// The mean of several perceptrons' averaged weights (trained on different shuffles), quantised.
/// Averaging runs smooths out the order-of-examples noise a single perceptron carries.
fn build_model(hashes: &[u64], bags: &[Perceptron], passes: u8, prune_quantile: f64) -> Model {
    let parts: Vec<[Vec<f32>; 3]> = bags.iter().map(Perceptron::averaged_parts).collect();
    let mean = |k: usize| -> Vec<f32> {
        let mut out = parts[0][k].clone();
        for p in &parts[1..] {
            for (o, v) in out.iter_mut().zip(&p[k]) {
                *o += v;
            }
        }
        let n = parts.len() as f32;
        out.iter_mut().for_each(|o| *o /= n);
        out
    };
    let (w, start_w, trans_w) = (mean(0), mean(1), mean(2));
    let mut magnitudes: Vec<f32> = w.iter().filter(|v| **v != 0.0).map(|v| v.abs()).collect();
    magnitudes.sort_by(f32::total_cmp);
    let prune = magnitudes
        .get(((magnitudes.len() as f64 - 1.0) * prune_quantile) as usize)
        .copied()
        .unwrap_or(1.0);
    let rows = hashes
        .iter()
        .enumerate()
        .map(|(i, &h)| {
            let mut row = [0f32; L];
            row.copy_from_slice(&w[i * L..(i + 1) * L]);
            (h as u32, row)
        })
        .collect();
    let mut start = [0f32; L];
    start.copy_from_slice(&start_w);
    let mut trans = [0f32; L * L];
    trans.copy_from_slice(&trans_w);
    Model::quantize(FEATURE_VERSION, passes, rows, start, trans, prune)
}

/// Small deterministic generator for the shuffles (xorshift64*).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n
    }
}

/// Trains on `train` for `epochs` epochs; after each, `evaluate` may score the model. Returns the
/// model of the best-scoring epoch (the last one when `evaluate` is `None`).
#[allow(clippy::type_complexity)]
fn fit(
    sets: Vec<Vec<Hashed>>,
    options: &TrainOptions,
    epochs: usize,
    passes: u8,
    mut evaluate: Option<&mut dyn FnMut(&Model, &mut dyn Write) -> f64>,
    log: &mut dyn Write,
) -> Model {
    // Count features, then give ids to the frequent ones in order of first appearance.
    let mut counts: HashMap<u64, u32> = HashMap::new();
    for set in &sets {
        for (feats, _, _, _) in set {
            for &f in feats {
                *counts.entry(f).or_default() += 1;
            }
        }
    }
    let mut ids: HashMap<u64, u32> = HashMap::new();
    let mut hashes = Vec::new();
    let mut instances = Vec::new();
    for set in sets {
        for (feats, offsets, gold, weight) in set {
            let mut kept = Vec::with_capacity(feats.len());
            let mut kept_offsets = Vec::with_capacity(offsets.len());
            for w in offsets.windows(2) {
                kept_offsets.push(kept.len() as u32);
                for &f in &feats[w[0] as usize..w[1] as usize] {
                    if counts[&f] < options.min_count {
                        continue;
                    }
                    let id = *ids.entry(f).or_insert_with(|| {
                        hashes.push(f);
                        hashes.len() as u32 - 1
                    });
                    kept.push(id);
                }
            }
            kept_offsets.push(kept.len() as u32);
            instances.push(Instance {
                feats: kept,
                offsets: kept_offsets,
                gold,
                weight,
            });
        }
    }
    drop(counts);
    drop(ids);
    let _ = writeln!(
        log,
        "  {} sentences, {} features",
        instances.len(),
        hashes.len()
    );
    let bags = if evaluate.is_some() {
        options.bags.max(1)
    } else {
        1
    };
    let mut perceptrons: Vec<Perceptron> =
        (0..bags).map(|_| Perceptron::new(hashes.len())).collect();
    let mut orders: Vec<Vec<usize>> = vec![(0..instances.len()).collect(); bags];
    let mut rngs: Vec<Rng> = (0..bags as u64)
        .map(|k| Rng((options.seed ^ k.wrapping_mul(0x9e37_79b9_7f4a_7c15)) | 1))
        .collect();
    let (mut emissions, mut pred) = (Vec::new(), Vec::new());
    let mut best: Option<(f64, Model)> = None;
    for epoch in 1..=epochs {
        for ((p, order), rng) in perceptrons.iter_mut().zip(&mut orders).zip(&mut rngs) {
            for i in (1..order.len()).rev() {
                order.swap(i, rng.below(i + 1));
            }
            for &i in order.iter() {
                p.learn(&instances[i], &mut emissions, &mut pred);
            }
        }
        if let Some(evaluate) = evaluate.as_mut() {
            let model = build_model(&hashes, &perceptrons, passes, options.prune_quantile);
            let _ = write!(log, "  epoch {epoch}:");
            let f1 = evaluate(&model, log);
            let _ = writeln!(log);
            if best.as_ref().is_none_or(|(b, _)| f1 > *b) {
                best = Some((f1, model));
            }
        }
    }
    match best {
        Some((_, model)) => model,
        None => build_model(&hashes, &perceptrons, passes, options.prune_quantile),
    }
}

/// Trains a model on `corpora`. After each epoch `evaluate` scores the model (higher is better; it
/// may print what it measured to the log), and the best epoch's model is returned.
pub fn train(
    corpora: &[Corpus],
    evaluate: &mut dyn FnMut(&Model, &mut dyn Write) -> f64,
    options: &TrainOptions,
    log: &mut dyn Write,
) -> Model {
    let gazetteer = Gazetteer::shipped();
    let all: Vec<(&Document, f32)> = corpora
        .iter()
        .flat_map(|c| c.docs.iter().map(move |d| (d, c.weight)))
        .collect();
    let plain = hashed(&all, None, gazetteer);
    let mut sets = vec![plain];
    if options.passes >= 2 {
        let folds = options.folds.max(2);
        let mut votes: Vec<Votes> = vec![Vec::new(); all.len()];
        for fold in 0..folds {
            let _ = writeln!(log, "fold {}/{folds}: first-pass votes", fold + 1);
            let rest: Vec<(&Document, f32)> = (0..all.len())
                .filter(|d| d % folds != fold)
                .map(|d| all[d])
                .collect();
            let model = fit(
                vec![hashed(&rest, None, gazetteer)],
                options,
                options.fold_epochs,
                1,
                None,
                log,
            );
            let tagger = Tagger {
                model: &model,
                gazetteer,
            };
            for d in (0..all.len()).filter(|d| d % folds == fold) {
                votes[d] = entity_spans(&tagger.tag_document(&all[d].0.tokens()));
            }
        }
        sets.push(hashed(&all, Some(&votes), gazetteer));
    }
    let _ = writeln!(log, "final model ({} pass(es))", options.passes);
    fit(
        sets,
        options,
        options.epochs,
        options.passes,
        Some(evaluate),
        log,
    )
}

/// An `evaluate` for `train`: the F1 on `dev` alone.
pub fn dev_f1(dev: &[Document]) -> impl FnMut(&Model, &mut dyn Write) -> f64 + '_ {
    move |model, log| {
        let tagger = Tagger {
            model,
            gazetteer: Gazetteer::shipped(),
        };
        let f1 = conll::score(dev, &conll::tag_documents(&tagger, dev))
            .overall
            .f1();
        let _ = write!(log, " dev F1 {:.2}", 100.0 * f1);
        f1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny_corpus() -> Vec<Document> {
        let text = "\
-DOCSTART- -X- O O

Putin NNP I-NP I-PER
visited VBD I-VP O
Moscow NNP I-NP I-LOC
. . O O

Obama NNP I-NP I-PER
visited VBD I-VP O
Paris NNP I-NP I-LOC
. . O O

-DOCSTART- -X- O O

Merkel NNP I-NP I-PER
left VBD I-VP O
Berlin NNP I-NP I-LOC
. . O O
";
        conll::read(text)
    }

    #[test]
    fn learns_a_toy_corpus_deterministically() {
        let docs = tiny_corpus();
        let options = TrainOptions {
            epochs: 5,
            folds: 2,
            fold_epochs: 2,
            ..TrainOptions::default()
        };
        let corpora = [Corpus {
            name: "tiny".into(),
            docs: docs.clone(),
            weight: 1.0,
        }];
        let a = train(&corpora, &mut dev_f1(&docs), &options, &mut std::io::sink());
        let b = train(&corpora, &mut dev_f1(&docs), &options, &mut std::io::sink());
        assert_eq!(a.to_bytes(), b.to_bytes(), "same bytes from the same data");
        let tagger = Tagger {
            model: &a,
            gazetteer: Gazetteer::shipped(),
        };
        let score = conll::score(&docs, &conll::tag_documents(&tagger, &docs));
        assert_eq!(score.overall.f1(), 1.0, "{}", score.report());
    }

    #[test]
    fn gold_labels_from_iob1() {
        let gold: Vec<String> = ["I-PER", "I-PER", "B-PER", "O", "I-LOC"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let want = [
            label(0, false),
            label(0, true),
            label(0, false),
            0,
            label(2, false),
        ];
        let want: Vec<u8> = want.iter().map(|&l| l as u8).collect();
        assert_eq!(gold_labels(&gold), want);
    }
}
