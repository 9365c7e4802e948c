//! Training and evaluating the caption/boilerplate classifier on the L3S-GN1 dev pages.
//!
//! The data: `X.txt` (a news page pasted as plain text) and `X.labels.jsonl` (one JSON object per
//! non-blank line: code-point `start`/`end` and a `label` in body / caption / related / comments /
//! other). L3S's "caption" also covers bylines and date lines: everything *about* the story.
//!
//! How labels map to Lede's roles:
//! - `body` → `body` (the headline too: L3S labels it body, so a predicted `heading` counts as body);
//! - `caption` → `caption` or `credit` (photo captions, bylines, date lines, credits);
//! - `related`, `comments`, `other` → `boilerplate`.
//!
//! Scores are character-weighted: every code point of a labelled line counts once, with the role of
//! the paragraph that holds it. "Body F1" treats every role but body (and heading) as removed.
//!
//! Held-out split: pages sorted by file name, page `k` is in fold `k % 5`. Fold 0 (62 pages: the
//! 1st, 6th, 11th …) is held out; the shipped model is trained on folds 1–4 only. `--cv` reports
//! five-fold cross-validation instead.

use crate::analysis::feature_weights::Weights;
use std::collections::HashMap;
use std::path::Path;

use crate::analysis::captions::model::best;
use crate::analysis::captions::{
    assign_roles_with, classify_lines, doc_facts, doc_features, stage2_features, strong_signal,
    Class, LineFacts, Model,
};
use crate::analysis::model::Role;
use crate::analysis::offsets::CharIndex;
use crate::analysis::segment::{segment, Doc};
use crate::error::{decode_text, Error, Result};

/// Number of folds; fold `HELD_OUT` is never trained on by the shipped model.
pub const FOLDS: usize = 5;
pub const HELD_OUT: usize = 0;
/// Perceptron passes over the training lines. Five-fold cross-validation (`lede eval-captions
/// --cv`), body F1 / caption F1: 2 passes 94.32 / 61.27, 3 passes 94.65 / 62.32, 5 passes 94.46 /
/// 60.95, 8 passes 94.47 / 60.57. Fewer passes average the weights over fewer updates, which
/// generalises better here. (Those with 4 runs and the signals before issue 14; with 8 runs and
/// today's signals, mean over five shuffle seeds: 3 passes 94.49 / 65.55, 4 passes 94.47 /
/// 65.49.)
pub const EPOCHS: usize = 3;
/// Perceptron runs (shuffles) whose weights are averaged into the model. Five-fold figures
/// over five shuffle seeds, body F1 / caption F1: 4 runs 94.23–94.50 / 64.89–65.62 (mean 94.37
/// / 65.38), 8 runs 94.45–94.56 / 65.17–65.96 (mean 94.49 / 65.55). More runs, less spread.
pub const RUNS: usize = 8;
/// A feature must occur on at least this many training lines to enter the model.
pub const MIN_COUNT: usize = 6;

/// The three labels scored: what the reader keeps, what is about the story, what is page furniture.
const LABELS: [&str; 3] = ["body", "caption", "boilerplate"];

/// One labelled page.
#[derive(Debug, Clone)]
pub struct Page {
    pub name: String,
    pub text: String,
    /// Labelled lines: byte span and L3S label.
    pub lines: Vec<(usize, usize, String)>,
}

/// Reads every `X.txt` + `X.labels.jsonl` pair of `dir`, sorted by file name.
pub fn load_pages(dir: &Path) -> Result<Vec<Page>> {
    let io = |p: &Path| {
        let path = p.display().to_string();
        move |e: std::io::Error| Error::Io {
            path: path.clone(),
            message: e.to_string(),
        }
    };
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(io(dir))?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let mut pages = Vec::with_capacity(names.len());
    for name in names {
        let path = dir.join(&name);
        let bytes = std::fs::read(&path).map_err(io(&path))?;
        let text = decode_text(&bytes, &path.display().to_string())?;
        let label_path = dir.join(name.replace(".txt", ".labels.jsonl"));
        let labels = std::fs::read_to_string(&label_path).map_err(io(&label_path))?;
        let index = CharIndex::new(&text);
        let mut lines = Vec::new();
        for (n, line) in labels.lines().enumerate() {
            let bad = |m: &str| Error::Usage(format!("{}:{}: {m}", label_path.display(), n + 1));
            let value: serde_json::Value =
                serde_json::from_str(line).map_err(|e| bad(&e.to_string()))?;
            let num = |k: &str| value[k].as_u64().map(|v| v as usize).ok_or_else(|| bad(k));
            let (start, end) = (num("start")?, num("end")?);
            if start > end || end > index.char_len() {
                return Err(bad("span outside the text"));
            }
            let label = value["label"].as_str().ok_or_else(|| bad("label"))?;
            lines.push((index.byte_of(start), index.byte_of(end), label.to_string()));
        }
        pages.push(Page {
            name: name.trim_end_matches(".txt").to_string(),
            text,
            lines,
        });
    }
    if pages.is_empty() {
        return Err(Error::Usage(format!("no .txt pages in {}", dir.display())));
    }
    Ok(pages)
}

/// The scored label of an L3S label.
fn gold_label(l3s: &str) -> usize {
    match l3s {
        "body" => 0,
        "caption" => 1,
        _ => 2,
    }
}

/// The scored label of a role.
fn role_label(role: Role) -> usize {
    match role {
        Role::Body | Role::Heading => 0,
        Role::Caption | Role::Credit => 1,
        Role::Boilerplate => 2,
    }
}

/// The model class a paragraph is trained toward: the label of the line holding its first byte.
fn paragraph_classes(page: &Page, doc: &Doc) -> Vec<Class> {
    let mut k = 0;
    doc.paragraphs
        .iter()
        .map(|p| {
            while k + 1 < page.lines.len() && page.lines[k].1 <= p.span.start {
                k += 1;
            }
            match page.lines.get(k).map_or(2, |l| gold_label(&l.2)) {
                0 => Class::Body,
                1 => Class::Supplement,
                _ => Class::Boilerplate,
            }
        })
        .collect()
}

/// One page's lines, ready for training: facts, first-pass features, gold class, update step.
struct Prepared {
    facts: Vec<LineFacts>,
    first: Vec<Vec<String>>,
    gold: Vec<usize>,
    steps: Vec<i64>,
}

fn prepare(page: &Page) -> Prepared {
    let doc = segment(&page.text);
    let lines = doc.paragraph_texts(&page.text);
    let facts = doc_facts(&lines);
    let first: Vec<Vec<String>> = doc_features(&facts).collect();
    let gold: Vec<usize> = paragraph_classes(page, &doc)
        .iter()
        .map(|c| c.index())
        .collect();
    let steps = lines
        .iter()
        .zip(&gold)
        .map(|(l, &g)| {
            step(l)
                * if g == Class::Supplement.index() {
                    SUPPLEMENT_WEIGHT
                } else {
                    1
                }
        })
        .collect();
    Prepared {
        facts,
        first,
        gold,
        steps,
    }
}

/// Extra weight on supplement lines (2% of the characters). Five-fold cross-validation, body F1 /
/// caption F1, measured on an earlier feature set with one run: weight 1 → 93.85 / 46.25,
/// 2 → 93.65 / 46.09, 3 → 94.16 / 45.00. Extra weight buys recall with precision, not F1.
const SUPPLEMENT_WEIGHT: i64 = 1;

/// Sub-folds used to give the second pass honest first-pass verdicts on its training pages.
const INNER_FOLDS: usize = 4;

/// Trains both passes on `pages`. Deterministic: the same pages give the same model, byte for
/// byte (integer arithmetic only, a fixed shuffle).
///
/// The first pass learns from each line's own features. The second pass learns from what the
/// first pass says about a line's neighbourhood; those verdicts must be as wrong as they will be
/// on unseen pages, so they come from first-pass models trained without the page
/// (`INNER_FOLDS`-fold cross-fitting), not from the final first-pass model.
pub fn train(pages: &[&Page]) -> Model {
    let prepared: Vec<Prepared> = pages.iter().map(|p| prepare(p)).collect();
    let examples = |which: &dyn Fn(usize) -> bool| -> Vec<(&[String], usize, i64)> {
        prepared
            .iter()
            .enumerate()
            .filter(|(k, _)| which(*k))
            .flat_map(|(_, p)| {
                p.first
                    .iter()
                    .zip(&p.gold)
                    .zip(&p.steps)
                    .map(|((f, g), s)| (f.as_slice(), *g, *s))
            })
            .collect()
    };
    let mut weights = perceptron(&examples(&|_| true));
    let mut scores: Vec<Vec<[i64; 3]>> = vec![Vec::new(); prepared.len()];
    for inner in 0..INNER_FOLDS {
        let model = Model::from_weights(perceptron(&examples(&|k| k % INNER_FOLDS != inner)));
        for (k, p) in prepared.iter().enumerate() {
            if k % INNER_FOLDS == inner {
                scores[k] = p.first.iter().map(|f| model.scores(f)).collect();
            }
        }
    }
    let second: Vec<Vec<Vec<String>>> = prepared
        .iter()
        .zip(&scores)
        .map(|(p, s)| stage2_features(&p.facts, s).collect())
        .collect();
    let second_examples: Vec<(&[String], usize, i64)> = prepared
        .iter()
        .zip(&second)
        .flat_map(|(p, f2)| {
            f2.iter()
                .zip(&p.gold)
                .zip(&p.steps)
                .map(|((f, g), s)| (f.as_slice(), *g, *s))
        })
        .collect();
    weights.extend(perceptron(&second_examples));
    Model::from_weights(weights)
}

/// An averaged multiclass perceptron over `(features, gold class, step)` lines.
fn perceptron(examples: &[(&[String], usize, i64)]) -> Weights<[i32; 3]> {
    // Intern features, and keep only those seen on at least MIN_COUNT lines.
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut names: Vec<&str> = Vec::new();
    let mut counts: Vec<usize> = Vec::new();
    let mut lines: Vec<(Vec<usize>, usize, i64)> = Vec::with_capacity(examples.len());
    for (fs, gold, step) in examples {
        let mut v = Vec::with_capacity(fs.len());
        for f in fs.iter() {
            let id = *ids.entry(f.as_str()).or_insert_with(|| {
                names.push(f.as_str());
                counts.push(0);
                names.len() - 1
            });
            counts[id] += 1;
            v.push(id);
        }
        lines.push((v, *gold, *step));
    }
    for (v, _, _) in &mut lines {
        v.retain(|&id| counts[id] >= MIN_COUNT);
    }
    let nf = names.len();
    // Several runs with different shuffles, their averaged weights averaged again: one run's
    // weights depend on the order it saw the lines in, and the mean of a few is steadier.
    let mut sum = vec![[0i64; 3]; nf];
    for seed in 0..RUNS {
        let run = perceptron_run(
            &lines,
            nf,
            0x2545_f491_4f6c_dd1d ^ (seed as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15),
        );
        for (total, w) in sum.iter_mut().zip(run) {
            for k in 0..3 {
                total[k] += w[k];
            }
        }
    }
    let mut weights = Weights::default();
    for (id, total) in sum.iter().enumerate() {
        let a =
            total.map(|t| (t / RUNS as i64).clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32);
        if a != [0, 0, 0] {
            weights.insert(names[id].to_string(), a);
        }
    }
    weights
}

/// One perceptron run over `lines` in an order shuffled from `seed`; returns each feature's
/// averaged weights times 1000, truncated toward zero.
fn perceptron_run(lines: &[(Vec<usize>, usize, i64)], nf: usize, seed: u64) -> Vec<[i64; 3]> {
    let mut w = vec![[0i64; 3]; nf];
    let mut u = vec![[0i64; 3]; nf];
    let mut c: i64 = 1;
    let mut order: Vec<usize> = (0..lines.len()).collect();
    let mut rng = seed;
    for _ in 0..EPOCHS {
        // Fisher–Yates with xorshift64: a fixed, platform-independent order.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &e in &order {
            let (fs, gold, step) = &lines[e];
            let mut s = [0i64; 3];
            for &f in fs {
                for k in 0..3 {
                    s[k] += w[f][k];
                }
            }
            let pred = best(s).index();
            if pred != *gold {
                for &f in fs {
                    w[f][*gold] += step;
                    w[f][pred] -= step;
                    u[f][*gold] += c * step;
                    u[f][pred] -= c * step;
                }
            }
            c += 1;
        }
    }
    (0..nf)
        .map(|id| {
            [0, 1, 2].map(|k| {
                ((i128::from(w[id][k]) * i128::from(c) - i128::from(u[id][k])) * 1000
                    / i128::from(c)) as i64
            })
        })
        .collect()
}

/// How hard a mistake on `line` pulls the weights. The score counts characters, so a long line
/// should weigh more than a one-word menu item, but not in proportion, or a few long comments
/// would drown every short byline: the step grows with the logarithm of the length.
fn step(line: &str) -> i64 {
    let chars = line.chars().count() as u64;
    i64::from(u64::BITS - (chars + 1).leading_zeros())
}

/// A character-weighted confusion matrix: `m[gold][predicted]`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Confusion {
    pub m: [[u64; 3]; 3],
    /// Characters of each raw L3S label, and how many of them were removed (not body).
    pub raw: std::collections::BTreeMap<String, (u64, u64)>,
}

impl Confusion {
    pub fn add(&mut self, other: &Confusion) {
        for g in 0..3 {
            for p in 0..3 {
                self.m[g][p] += other.m[g][p];
            }
        }
        for (k, (a, b)) in &other.raw {
            let e = self.raw.entry(k.clone()).or_default();
            e.0 += a;
            e.1 += b;
        }
    }

    /// Precision, recall and F1 of label `l`.
    pub fn prf(&self, l: usize) -> (f64, f64, f64) {
        let tp = self.m[l][l] as usize;
        let pred: u64 = (0..3).map(|g| self.m[g][l]).sum();
        let gold: u64 = self.m[l].iter().sum();
        let p = super::ratio(tp, pred as usize);
        let r = super::ratio(tp, gold as usize);
        (p, r, super::f1(p, r))
    }

    /// The report printed by `lede eval-captions`.
    pub fn report(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!(
            "{:<12} {:>10} {:>10} {:>8} {:>8} {:>8}\n",
            "label", "gold chars", "pred chars", "P", "R", "F1"
        ));
        for (l, name) in LABELS.iter().enumerate() {
            let (p, r, f) = self.prf(l);
            let gold: u64 = self.m[l].iter().sum();
            let pred: u64 = (0..3).map(|g| self.m[g][l]).sum();
            out.push_str(&format!(
                "{name:<12} {gold:>10} {pred:>10} {:>8.2} {:>8.2} {:>8.2}\n",
                p * 100.0,
                r * 100.0,
                f * 100.0
            ));
        }
        out.push_str("confusion (rows gold, columns predicted: body caption boilerplate)\n");
        for (l, name) in LABELS.iter().enumerate() {
            out.push_str(&format!(
                "  {name:<12} {:>10} {:>10} {:>10}\n",
                self.m[l][0], self.m[l][1], self.m[l][2]
            ));
        }
        out.push_str("removed (not body) share of each L3S label\n");
        for (k, (all, removed)) in &self.raw {
            out.push_str(&format!(
                "  {k:<12} {:>6.2}% of {all} chars\n",
                100.0 * *removed as f64 / (*all).max(1) as f64
            ));
        }
        out
    }
}

/// Scores `model` on `pages`.
pub fn evaluate(pages: &[&Page], model: &Model) -> Confusion {
    evaluate_logged(pages, model, None)
}

/// Scores `model` on `pages`; with `errors`, also lists every labelled line whose gold or
/// predicted label is caption and the two differ (`--verbose`): the misses and the false alarms
/// of the smallest, hardest label.
pub fn evaluate_logged(
    pages: &[&Page],
    model: &Model,
    mut errors: Option<&mut Vec<String>>,
) -> Confusion {
    let mut total = Confusion::default();
    for page in pages {
        let doc = segment(&page.text);
        let roles = assign_roles_with(&page.text, &doc, model);
        total.add(&score_page(page, &doc, &roles));
        if let Some(errors) = errors.as_deref_mut() {
            caption_errors(page, &doc, &roles, model, errors);
        }
    }
    total
}

/// One line per caption miss or false alarm of `page`: page, line, gold → predicted role, the
/// line model's class and the signals that fired (what decided it), text.
fn caption_errors(page: &Page, doc: &Doc, roles: &[Role], model: &Model, errors: &mut Vec<String>) {
    let lines = doc.paragraph_texts(&page.text);
    let facts = doc_facts(&lines);
    let classes = classify_lines(&facts, model);
    let mut p = 0;
    for (n, (start, end, label)) in page.lines.iter().enumerate() {
        while p < doc.paragraphs.len() && doc.paragraphs[p].span.end <= *start {
            p += 1;
        }
        let (role, why) = match doc.paragraphs.get(p) {
            Some(para) if para.span.start < *end => (
                Some(roles[p]),
                format!(
                    "{} {} {}",
                    classes[p].name(),
                    strong_signal(&facts, &classes, p).map_or("model", |(_, why)| why),
                    facts[p].signal_names().join(",")
                ),
            ),
            _ => (None, String::new()),
        };
        let g = gold_label(label);
        let pred = role.map_or(2, role_label);
        if g != pred && (g == 1 || pred == 1) {
            let text: String = page.text[*start..*end].chars().take(160).collect();
            let role = role.map_or("none".to_string(), |r| format!("{r:?}").to_lowercase());
            errors.push(format!(
                "{} {n:>3} {}->{} ({role}; {}) {text}",
                &page.name[..8.min(page.name.len())],
                LABELS[g],
                LABELS[pred],
                why.trim_end()
            ));
        }
    }
}

/// The confusion of one page, counting code points of labelled lines.
fn score_page(page: &Page, doc: &Doc, roles: &[Role]) -> Confusion {
    let mut conf = Confusion::default();
    // Paragraphs and labelled lines are both sorted and disjoint: walk them together.
    let mut p = 0;
    for (start, end, label) in &page.lines {
        let g = gold_label(label);
        let mut pos = *start;
        while pos < *end {
            while p < doc.paragraphs.len() && doc.paragraphs[p].span.end <= pos {
                p += 1;
            }
            // Characters outside every paragraph (white space) count as removed.
            let (upto, pred) = match doc.paragraphs.get(p) {
                Some(para) if para.span.start <= pos => {
                    (para.span.end.min(*end), role_label(roles[p]))
                }
                Some(para) => (para.span.start.min(*end), 2),
                None => (*end, 2),
            };
            let n = page.text[pos..upto].chars().count() as u64;
            conf.m[g][pred] += n;
            let raw = conf.raw.entry(label.clone()).or_default();
            raw.0 += n;
            if pred != 0 {
                raw.1 += n;
            }
            pos = upto;
        }
    }
    conf
}

/// Pages of the given folds.
pub fn pages_in<'a>(pages: &'a [Page], folds: &[usize]) -> Vec<&'a Page> {
    pages
        .iter()
        .enumerate()
        .filter(|(k, _)| folds.contains(&(k % FOLDS)))
        .map(|(_, p)| p)
        .collect()
}

/// The folds the shipped model is trained on.
pub fn training_folds() -> Vec<usize> {
    (0..FOLDS).filter(|&f| f != HELD_OUT).collect()
}

/// Five-fold cross-validation: train on four folds, score the fifth, sum the confusions.
pub fn cross_validate(pages: &[Page]) -> Confusion {
    let all: Vec<usize> = (0..FOLDS).collect();
    cross_validate_within(pages, &all, None)
}

/// Cross-validation within `folds`: each is scored by a model trained on the others. Over the
/// training folds alone (`--train-cv`) it is the figure to tune on: the held-out fold stays
/// unseen.
pub fn cross_validate_within(
    pages: &[Page],
    folds: &[usize],
    errors: Option<&mut Vec<String>>,
) -> Confusion {
    let mut total = Confusion::default();
    for (_, conf) in cross_validate_folds(pages, folds, errors) {
        total.add(&conf);
    }
    total
}

/// `cross_validate_within`, fold by fold: each fold's confusion under the model trained on the
/// other folds. The spread between folds is the noise any tuning step has to beat (caption
/// lines are 2% of the characters, so one site's pages can move a fold by ten points).
pub fn cross_validate_folds(
    pages: &[Page],
    folds: &[usize],
    mut errors: Option<&mut Vec<String>>,
) -> Vec<(usize, Confusion)> {
    folds
        .iter()
        .map(|&fold| {
            let train_folds: Vec<usize> = folds.iter().copied().filter(|&f| f != fold).collect();
            let model = train(&pages_in(pages, &train_folds));
            let conf = evaluate_logged(&pages_in(pages, &[fold]), &model, errors.as_deref_mut());
            (fold, conf)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The L3S dev pages sit beside the clone, at `../shared/data/captions-l3s/dev`.
    fn data_dir() -> Option<std::path::PathBuf> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/captions-l3s/dev");
        if dir.is_dir() {
            Some(dir)
        } else {
            println!("skipped: {} is absent", dir.display());
            None
        }
    }

    #[test]
    fn held_out_scores_stay_above_their_floors() {
        let Some(dir) = data_dir() else { return };
        let pages = load_pages(&dir).unwrap();
        assert_eq!(pages.len(), 310);
        let held_out = pages_in(&pages, &[HELD_OUT]);
        assert_eq!(held_out.len(), 62);
        let conf = evaluate(&held_out, Model::shipped());
        let (_, _, body) = conf.prf(0);
        let (_, _, caption) = conf.prf(1);
        println!("{}", conf.report());
        assert!(body >= FLOOR_BODY_F1, "body F1 {body}");
        assert!(caption >= FLOOR_CAPTION_F1, "caption F1 {caption}");
    }

    #[test]
    fn the_shipped_model_is_what_training_rebuilds() {
        let Some(dir) = data_dir() else { return };
        let pages = load_pages(&dir).unwrap();
        let model = train(&pages_in(&pages, &training_folds()));
        assert!(
            model.to_bytes().unwrap() == include_bytes!("../../model/captions.bin"),
            "model/captions.bin is stale: run `lede train-captions`"
        );
        assert!(
            model.to_text() == include_str!("../../model/captions.txt"),
            "model/captions.txt is stale: run `lede train-captions`"
        );
    }

    #[test]
    fn scoring_counts_characters() {
        let text = "Héllo body.\nMenu\nA caption. (AP Photo)";
        let page = Page {
            name: "t".into(),
            text: text.into(),
            lines: vec![
                (0, 12, "body".into()),
                (13, 17, "other".into()),
                (18, text.len(), "caption".into()),
            ],
        };
        let doc = segment(text);
        let roles = [Role::Body, Role::Body, Role::Caption];
        let conf = score_page(&page, &doc, &roles);
        assert_eq!(conf.m[0][0], 11, "é is one character");
        assert_eq!(conf.m[2][0], 4);
        assert_eq!(conf.m[1][1], 21);
        assert_eq!(conf.raw["other"], (4, 0));
    }

    #[test]
    fn folds_are_scored_one_by_one_and_sum_to_the_total() {
        let page = |k: usize| {
            let text = format!(
                "Menu\nThe council voted {k} times on the plan, officials said on Tuesday.\nA crowd waits outside the hall. (AP Photo/Jane Doe)"
            );
            let (a, b) = (text.find("The").unwrap(), text.find("A crowd").unwrap());
            Page {
                name: format!("p{k}"),
                lines: vec![
                    (0, 4, "other".into()),
                    (a, b - 1, "body".into()),
                    (b, text.len(), "caption".into()),
                ],
                text,
            }
        };
        let pages: Vec<Page> = (0..10).map(page).collect();
        let folds = cross_validate_folds(&pages, &[1, 2, 3], None);
        assert_eq!(folds.iter().map(|f| f.0).collect::<Vec<_>>(), [1, 2, 3]);
        let mut sum = Confusion::default();
        for (_, conf) in &folds {
            let chars: u64 = conf.m.iter().flatten().sum();
            assert!(chars > 0, "each fold scores its own pages");
            sum.add(conf);
        }
        assert_eq!(sum, cross_validate_within(&pages, &[1, 2, 3], None));
    }

    /// Five-fold cross-validation, the figure the issue sets (body F1 at least 0.94, caption F1
    /// at least 0.65): every page scored by a model trained without it.
    #[test]
    fn cross_validated_scores_stay_above_their_floors() {
        let Some(dir) = data_dir() else { return };
        let pages = load_pages(&dir).unwrap();
        let conf = cross_validate(&pages);
        let (_, _, body) = conf.prf(0);
        let (_, _, caption) = conf.prf(1);
        println!("{}", conf.report());
        assert!(body >= FLOOR_CV_BODY_F1, "body F1 {body}");
        assert!(caption >= FLOOR_CV_CAPTION_F1, "caption F1 {caption}");
    }

    /// Just under the held-out figures of the shipped model: body F1 0.9470, caption F1 0.5425.
    /// (Fold 0 is one fold of five: its caption F1 moves by a point or two with any retraining;
    /// the cross-validated floors below are the ones that say the classifier improved.)
    const FLOOR_BODY_F1: f64 = 0.946;
    const FLOOR_CAPTION_F1: f64 = 0.541;
    /// Just under `lede eval-captions --cv`: body F1 0.9447, caption F1 0.6537.
    const FLOOR_CV_BODY_F1: f64 = 0.944;
    const FLOOR_CV_CAPTION_F1: f64 = 0.653;
}
