//! Training and scoring the part-of-speech tagger and the chunk rules on the POS and chunk columns
//! of CoNLL-2003 (`eng.train` to learn, `eng.testa` to choose and report).
//!
//! The tagger is an averaged perceptron (Collins 2002) read greedily left to right, as
//! `analysis::syntax` tags: training sees the tags it predicted itself, not the gold ones, so it
//! learns to recover from its own mistakes. Averaging is lazy (each weight remembers when it last
//! changed).
//!
//! Deterministic: features are hashed, sentences shuffled by a fixed seed, and no hash map is ever
//! iterated (rows are read back in order of first appearance). The same command gives the same
//! bytes.

use std::collections::HashMap;
use std::io::Write;

use crate::analysis::syntax::features::{token_features, Forms, N_FEATURES};
use crate::analysis::syntax::{self, chunk, ChunkKind, Model, Tag, N_TAGS};

const T: usize = N_TAGS;

/// One sentence of a CoNLL-2003 file with its POS and chunk columns.
#[derive(Debug, Clone, Default)]
pub struct PosSentence {
    pub words: Vec<String>,
    pub tags: Vec<Tag>,
    /// The chunk column, IOB1 (`I-NP`, `B-NP`, `O`).
    pub chunks: Vec<String>,
}

/// Reads the sentences of a four-column CoNLL-2003 file. A POS tag the treebank does not have is
/// an error that names its line.
pub fn read(text: &str) -> Result<Vec<PosSentence>, String> {
    let mut out = Vec::new();
    let mut sentence = PosSentence::default();
    for (i, line) in text.lines().enumerate() {
        let columns: Vec<&str> = line.split_whitespace().collect();
        if columns.is_empty() || columns[0] == "-DOCSTART-" {
            if !sentence.words.is_empty() {
                out.push(std::mem::take(&mut sentence));
            }
            continue;
        }
        if columns.len() < 3 {
            return Err(format!(
                "line {}: expected token, POS and chunk columns",
                i + 1
            ));
        }
        let tag = Tag::from_ptb(columns[1])
            .ok_or_else(|| format!("line {}: unknown POS tag {:?}", i + 1, columns[1]))?;
        sentence.words.push(columns[0].to_string());
        sentence.tags.push(tag);
        sentence.chunks.push(columns[2].to_string());
    }
    if !sentence.words.is_empty() {
        out.push(sentence);
    }
    Ok(out)
}

/// The knobs of a training run.
#[derive(Debug, Clone)]
pub struct PosOptions {
    pub epochs: usize,
    /// Weights under this quantile of the non-zero magnitudes are pruned before quantising.
    pub prune_quantile: f64,
    pub seed: u64,
}

impl Default for PosOptions {
    fn default() -> Self {
        PosOptions {
            epochs: 8,
            prune_quantile: 0.93,
            seed: 0x1ede,
        }
    }
}

/// The perceptron's state, one row per feature key in order of first appearance.
struct Perceptron {
    rows: HashMap<u32, usize>,
    keys: Vec<u32>,
    w: Vec<[f32; T]>,
    total: Vec<[f64; T]>,
    stamp: Vec<[u32; T]>,
    now: u32,
}

impl Perceptron {
    fn new() -> Perceptron {
        Perceptron {
            rows: HashMap::new(),
            keys: Vec::new(),
            w: Vec::new(),
            total: Vec::new(),
            stamp: Vec::new(),
            now: 1,
        }
    }

    fn scores(&self, keys: &[u32; N_FEATURES]) -> [f32; T] {
        let mut s = [0f32; T];
        for k in keys {
            if let Some(&r) = self.rows.get(k) {
                for (a, b) in s.iter_mut().zip(&self.w[r]) {
                    *a += b;
                }
            }
        }
        s
    }

    fn row(&mut self, key: u32) -> usize {
        if let Some(&r) = self.rows.get(&key) {
            return r;
        }
        let r = self.keys.len();
        self.rows.insert(key, r);
        self.keys.push(key);
        self.w.push([0.0; T]);
        self.total.push([0.0; T]);
        self.stamp.push([0; T]);
        r
    }

    fn bump(&mut self, key: u32, tag: usize, by: f32) {
        let r = self.row(key);
        let elapsed = f64::from(self.now - self.stamp[r][tag]);
        self.total[r][tag] += elapsed * f64::from(self.w[r][tag]);
        self.stamp[r][tag] = self.now;
        self.w[r][tag] += by;
    }

    /// The averaged weights, row by row.
    fn averaged(&self) -> Vec<(u32, [f32; T])> {
        let now = f64::from(self.now);
        self.keys
            .iter()
            .enumerate()
            .map(|(r, &key)| {
                let mut avg = [0f32; T];
                for (t, a) in avg.iter_mut().enumerate() {
                    let elapsed = f64::from(self.now - self.stamp[r][t]);
                    let total = self.total[r][t] + elapsed * f64::from(self.w[r][t]);
                    *a = (total / now) as f32;
                }
                (key, avg)
            })
            .collect()
    }

    /// One greedy pass over a sentence, learning from each mistake.
    fn learn(&mut self, forms: &[Forms], gold: &[Tag]) {
        let mut pred: Vec<Tag> = Vec::with_capacity(gold.len());
        for (i, &want) in gold.iter().enumerate() {
            let prev = i.checked_sub(1).map(|j| pred[j]);
            let prev2 = i.checked_sub(2).map(|j| pred[j]);
            let keys = token_features(forms, i, prev, prev2);
            let guess = syntax::best(&self.scores(&keys));
            if guess != want {
                for &k in &keys {
                    self.bump(k, want.index(), 1.0);
                    self.bump(k, guess.index(), -1.0);
                }
            }
            self.now += 1;
            pred.push(guess);
        }
    }
}

/// A reproducible shuffle (xorshift), so training needs no random-number crate.
fn shuffle(order: &mut [usize], seed: &mut u64) {
    for i in (1..order.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        order.swap(i, (*seed % (i as u64 + 1)) as usize);
    }
}

/// The magnitude under which `quantile` of the non-zero weights fall.
fn threshold(rows: &[(u32, [f32; T])], quantile: f64) -> f32 {
    let mut mags: Vec<f32> = rows
        .iter()
        .flat_map(|r| r.1)
        .map(f32::abs)
        .filter(|&m| m > 0.0)
        .collect();
    if mags.is_empty() {
        return 0.0;
    }
    mags.sort_by(f32::total_cmp);
    let at = ((mags.len() as f64 * quantile) as usize).min(mags.len() - 1);
    mags[at]
}

/// Tag accuracy, and chunk precision, recall and F1 (CoNLL semantics), of one tagging.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PosScore {
    pub tokens: usize,
    pub accuracy: f64,
    pub chunk_p: f64,
    pub chunk_r: f64,
    pub chunk_f1: f64,
    /// Noun-phrase and verb-group F1, the two chunks clause finding reads.
    pub np_f1: f64,
    pub vp_f1: f64,
}

/// Chunk spans `(start, end, kind)` of an IOB1 column.
fn gold_chunks(column: &[String]) -> Vec<(usize, usize, String)> {
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    for (i, tag) in column.iter().enumerate() {
        let (prefix, kind) = tag.split_once('-').unwrap_or(("O", ""));
        if prefix == "O" {
            continue;
        }
        let continues = prefix == "I"
            && out
                .last()
                .is_some_and(|(_, end, k)| *end == i && k.as_str() == kind);
        match out.last_mut() {
            Some(last) if continues => last.1 = i + 1,
            _ => out.push((i, i + 1, kind.to_string())),
        }
    }
    out
}

/// Predicted, gold and matching chunk counts.
#[derive(Debug, Clone, Copy, Default)]
struct ChunkCounts {
    found: usize,
    gold: usize,
    hit: usize,
}

impl ChunkCounts {
    fn f1(self) -> f64 {
        super::f1(
            super::ratio(self.hit, self.found),
            super::ratio(self.hit, self.gold),
        )
    }
}

/// Scores the tagger (with `model`) and the chunk rules on `sentences`.
pub fn score(model: &Model, sentences: &[PosSentence]) -> PosScore {
    let (mut tokens, mut right) = (0, 0);
    // All chunks, noun phrases, verb groups.
    let mut counts = [ChunkCounts::default(); 3];
    let slots = |kind: &str| -> [bool; 3] { [true, kind == "NP", kind == "VP"] };
    for s in sentences {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let tags = syntax::tag_with(model, &words);
        tokens += tags.len();
        right += tags.iter().zip(&s.tags).filter(|(a, b)| a == b).count();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
        let predicted: Vec<(usize, usize, &str)> = chunk(&lower, &tags)
            .into_iter()
            .filter(|c| c.kind != ChunkKind::O)
            .map(|c| (c.start, c.end, c.kind.as_str()))
            .collect();
        let gold = gold_chunks(&s.chunks);
        for p in &predicted {
            let hit = gold.iter().any(|g| (g.0, g.1, g.2.as_str()) == *p);
            for (c, on) in counts.iter_mut().zip(slots(p.2)) {
                if on {
                    c.found += 1;
                    c.hit += usize::from(hit);
                }
            }
        }
        for g in &gold {
            for (c, on) in counts.iter_mut().zip(slots(&g.2)) {
                c.gold += usize::from(on);
            }
        }
    }
    let all = counts[0];
    PosScore {
        tokens,
        accuracy: super::ratio(right, tokens),
        chunk_p: super::ratio(all.hit, all.found),
        chunk_r: super::ratio(all.hit, all.gold),
        chunk_f1: all.f1(),
        np_f1: counts[1].f1(),
        vp_f1: counts[2].f1(),
    }
}

/// The first `n` sentences whose chunks differ from gold, each as two bracketed lines (gold,
/// then Lede, with Lede's tags), for reading what the rules get wrong.
pub fn chunk_errors(model: &Model, sentences: &[PosSentence], n: usize) -> String {
    let mut out = String::new();
    let mut shown = 0;
    for s in sentences {
        if shown >= n {
            break;
        }
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let tags = syntax::tag_with(model, &words);
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
        let mine: Vec<(usize, usize, String)> = chunk(&lower, &tags)
            .into_iter()
            .filter(|c| c.kind != ChunkKind::O)
            .map(|c| (c.start, c.end, c.kind.as_str().to_string()))
            .collect();
        let gold = gold_chunks(&s.chunks);
        if mine == gold {
            continue;
        }
        shown += 1;
        let show = |spans: &[(usize, usize, String)], tagged: bool| {
            let mut line = String::new();
            let mut k = 0;
            for (a, b, kind) in spans {
                for w in &words[k..*a] {
                    line.push_str(w);
                    line.push(' ');
                }
                line.push_str(&format!("[{kind}"));
                for i in *a..*b {
                    line.push(' ');
                    line.push_str(words[i]);
                    if tagged {
                        line.push('/');
                        line.push_str(tags[i].as_str());
                    }
                }
                line.push_str("] ");
                k = *b;
            }
            for w in &words[k..] {
                line.push_str(w);
                line.push(' ');
            }
            line
        };
        out.push_str(&format!(
            "gold {}\nlede {}\n\n",
            show(&gold, false),
            show(&mine, true)
        ));
    }
    out
}

/// Trains on `train`, keeping the epoch whose quantised model tags `dev` best; writes progress
/// to `log`.
pub fn train(
    train: &[PosSentence],
    dev: &[PosSentence],
    options: &PosOptions,
    log: &mut dyn Write,
) -> Model {
    let forms: Vec<Vec<Forms>> = train
        .iter()
        .map(|s| s.words.iter().map(|w| Forms::of(w)).collect())
        .collect();
    let mut p = Perceptron::new();
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut seed = options.seed.max(1);
    let mut best: Option<(f64, Model)> = None;
    for epoch in 1..=options.epochs {
        shuffle(&mut order, &mut seed);
        for &i in &order {
            p.learn(&forms[i], &train[i].tags);
        }
        let rows = p.averaged();
        let cut = threshold(&rows, options.prune_quantile);
        let model = Model::quantize(rows, cut);
        let s = score(&model, dev);
        let _ = writeln!(
            log,
            "epoch {epoch}: dev accuracy {:.4}, {} rows, {} bytes",
            s.accuracy,
            model.rows(),
            model.to_bytes().len()
        );
        if best.as_ref().is_none_or(|(a, _)| s.accuracy > *a) {
            best = Some((s.accuracy, model));
        }
    }
    best.map(|(_, m)| m)
        .unwrap_or_else(|| Model::quantize(Vec::new(), 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_columns_and_refuses_unknown_tags() {
        let text = "-DOCSTART- -X- O O\n\nPutin NNP I-NP I-PER\nmet VBD I-VP O\n\nHe PRP I-NP O\n";
        let s = read(text).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tags, vec![Tag::Propn, Tag::Vbd]);
        assert_eq!(s[0].chunks, vec!["I-NP", "I-VP"]);
        let err = read("Putin QQ I-NP O\n").unwrap_err();
        assert!(err.contains("line 1"), "{err}");
    }

    #[test]
    fn gold_chunks_read_iob1() {
        let col: Vec<String> = ["I-NP", "I-NP", "B-NP", "I-VP", "O", "I-PP"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            gold_chunks(&col),
            vec![
                (0, 2, "NP".to_string()),
                (2, 3, "NP".to_string()),
                (3, 4, "VP".to_string()),
                (5, 6, "PP".to_string())
            ]
        );
    }

    #[test]
    fn training_learns_a_toy_language() {
        let s = |w: &str, t: &[Tag]| PosSentence {
            words: w.split(' ').map(str::to_string).collect(),
            tags: t.to_vec(),
            chunks: vec!["O".into(); t.len()],
        };
        let data = vec![
            s("Putin met Witkoff", &[Tag::Propn, Tag::Vbd, Tag::Propn]),
            s("Trump met Putin", &[Tag::Propn, Tag::Vbd, Tag::Propn]),
            s("he spoke", &[Tag::Pron, Tag::Vbd]),
        ];
        let options = PosOptions {
            epochs: 4,
            prune_quantile: 0.0,
            seed: 7,
        };
        let model = train(&data, &data, &options, &mut std::io::sink());
        assert_eq!(score(&model, &data).accuracy, 1.0);
        let again = train(&data, &data, &options, &mut std::io::sink());
        assert_eq!(model.to_bytes(), again.to_bytes(), "deterministic");
    }
}
