//! `lede eval-timex`: TempEval-3 timex measures on the TBAQ-cleaned TimeML files.
//!
//! Files are taken in the sorted order of their paths relative to the data folder (e.g.
//! `AQUAINT/APW19980807.0261.tml`), and file `k` (from 0) is in fold `k % 5`. The dev part is
//! fold 4, every fifth file: files 4, 9, 14, …; the train part is the other four folds. Sorting
//! puts the 73 AQUAINT files before the 183 TimeBank ones, so every fold holds about a fifth of
//! each source. Each document is analysed with its DCT as the reference date.
//!
//! Measures, as TempEval-3 defines them: strict match (same extent), relaxed match (any overlap),
//! and value F1 (a relaxed match with the same value). Precision counts system expressions with a
//! match, recall gold expressions with one.
//!
//! The time rules are written by hand, so nothing is trained: cross-validation here (`--cv`)
//! scores each fold and each source on its own, and the spread between them is the noise any rule
//! has to beat. A rule that helps one source and costs the other fits a corpus, not English.

use std::path::{Path, PathBuf};

use super::timeml::{parse, TimemlDoc};
use crate::analysis::model::Role;
use crate::analysis::segment;
use crate::analysis::time;
use crate::error::{Error, Result};

/// Number of folds; fold `DEV_FOLD` is the dev part.
pub const FOLDS: usize = 5;
/// The fold that `--split dev` scores.
pub const DEV_FOLD: usize = 4;

/// Which files to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// Every 5th file (fold 4): the dev part.
    Dev,
    /// The other four in five.
    Train,
    All,
}

impl Split {
    pub fn parse(s: &str) -> Option<Split> {
        Some(match s {
            "dev" => Split::Dev,
            "train" => Split::Train,
            "all" => Split::All,
            _ => return None,
        })
    }

    /// Whether the split holds the files of `fold`.
    pub fn keeps(self, fold: usize) -> bool {
        match self {
            Split::Dev => fold == DEV_FOLD,
            Split::Train => fold != DEV_FOLD,
            Split::All => true,
        }
    }
}

/// The fold of the `index`th file in sorted order.
pub fn fold_of(index: usize) -> usize {
    index % FOLDS
}

/// Precision, recall and F1 for one measure.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

fn prf(sys_hit: usize, sys: usize, gold_hit: usize, gold: usize) -> Prf {
    let precision = super::ratio(sys_hit, sys);
    let recall = super::ratio(gold_hit, gold);
    let f1 = super::f1(precision, recall);
    Prf {
        precision,
        recall,
        f1,
    }
}

/// The three TempEval-3 figures over a set of documents.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub documents: usize,
    pub gold: usize,
    pub system: usize,
    pub strict: Prf,
    pub relaxed: Prf,
    pub value: Prf,
}

/// Counts over one or more documents; they add up, so any set of documents is scored from the
/// counts of its members.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    documents: usize,
    gold: usize,
    system: usize,
    strict_sys: usize,
    strict_gold: usize,
    relaxed_sys: usize,
    relaxed_gold: usize,
    value_sys: usize,
    value_gold: usize,
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.documents += other.documents;
        self.gold += other.gold;
        self.system += other.system;
        self.strict_sys += other.strict_sys;
        self.strict_gold += other.strict_gold;
        self.relaxed_sys += other.relaxed_sys;
        self.relaxed_gold += other.relaxed_gold;
        self.value_sys += other.value_sys;
        self.value_gold += other.value_gold;
    }

    fn scores(&self) -> Scores {
        Scores {
            documents: self.documents,
            gold: self.gold,
            system: self.system,
            strict: prf(self.strict_sys, self.system, self.strict_gold, self.gold),
            relaxed: prf(self.relaxed_sys, self.system, self.relaxed_gold, self.gold),
            value: prf(self.value_sys, self.system, self.value_gold, self.gold),
        }
    }
}

/// One system expression: byte span and value.
struct Sys {
    start: usize,
    end: usize,
    value: String,
    explanation: String,
}

/// Scores one document. Misses go to `errors`, one line each: `FP`, `FN`, `VALUE` (overlapping,
/// other value) or `EXTENT` (right value, other extent).
fn score_doc(doc: &TimemlDoc, errors: Option<&mut Vec<String>>) -> Counts {
    let seg = segment::segment(&doc.text);
    let roles = vec![Role::Body; seg.paragraphs.len()];
    let out = time::analyse(&doc.text, &seg, &roles, doc.dct, None);
    let sys: Vec<Sys> = out
        .timexes
        .iter()
        .map(|t| Sys {
            start: t.span.start,
            end: t.span.end,
            value: t.value.clone(),
            explanation: t.explanation.clone(),
        })
        .collect();
    let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
    let mut counts = Counts {
        documents: 1,
        gold: doc.timexes.len(),
        system: sys.len(),
        ..Counts::default()
    };
    let mut lines = Vec::new();
    for s in &sys {
        let mut strict = false;
        let mut relaxed = false;
        let mut value = false;
        for g in &doc.timexes {
            if overlaps((s.start, s.end), (g.start, g.end)) {
                relaxed = true;
                strict |= s.start == g.start && s.end == g.end;
                value |= s.value == g.value;
            }
        }
        counts.strict_sys += usize::from(strict);
        counts.relaxed_sys += usize::from(relaxed);
        counts.value_sys += usize::from(value);
        if !relaxed {
            lines.push(format!("FP\t{}\t{}", &doc.text[s.start..s.end], s.value));
        }
    }
    for g in &doc.timexes {
        let mut strict = false;
        let mut relaxed = false;
        let mut value = false;
        let mut got = String::new();
        for s in &sys {
            if overlaps((s.start, s.end), (g.start, g.end)) {
                relaxed = true;
                strict |= s.start == g.start && s.end == g.end;
                value |= s.value == g.value;
                got = s.explanation.clone();
            }
        }
        counts.strict_gold += usize::from(strict);
        counts.relaxed_gold += usize::from(relaxed);
        counts.value_gold += usize::from(value);
        let text = &doc.text[g.start..g.end];
        if !relaxed {
            lines.push(format!("FN\t{text}\t{}\t{}", g.kind, g.value));
        } else if !value {
            lines.push(format!("VALUE\t{text}\t{}\tgot {got}", g.value));
        } else if !strict {
            lines.push(format!("EXTENT\t{text}\tgot {got}"));
        }
    }
    if let Some(errors) = errors {
        errors.extend(lines);
    }
    counts
}

/// The sorted `.tml` files under `dir`, as (relative name, path).
pub fn files(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| Error::Io {
            path: d.display().to_string(),
            message: e.to_string(),
        })?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "tml") {
                let rel = path
                    .strip_prefix(dir)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, path));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// One scored file.
#[derive(Debug, Clone)]
pub struct ScoredFile {
    /// The path relative to the data folder, e.g. `TimeBank/wsj_0006.tml`.
    pub name: String,
    /// The first folder of `name` (`AQUAINT`, `TimeBank`), or `""` for a file at the top.
    pub source: String,
    pub fold: usize,
    /// The file's misses, when they were asked for (see `score_doc`).
    pub errors: Vec<String>,
    counts: Counts,
}

/// Analyses and scores every file under `dir`, in sorted order, listing each file's misses when
/// `with_errors`.
pub fn score_files(dir: &Path, with_errors: bool) -> Result<Vec<ScoredFile>> {
    let mut out = Vec::new();
    for (i, (name, path)) in files(dir)?.into_iter().enumerate() {
        let source = std::fs::read_to_string(&path).map_err(|e| Error::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        let mut errors = Vec::new();
        let counts = score_doc(&parse(&source), with_errors.then_some(&mut errors));
        out.push(ScoredFile {
            source: name.split_once('/').map_or("", |(s, _)| s).to_string(),
            name,
            fold: fold_of(i),
            errors,
            counts,
        });
    }
    Ok(out)
}

/// The figures over the files that `keep` selects.
pub fn scores_of(files: &[ScoredFile], keep: impl Fn(&ScoredFile) -> bool) -> Scores {
    let mut total = Counts::default();
    for f in files.iter().filter(|f| keep(f)) {
        total.add(&f.counts);
    }
    total.scores()
}

/// The misses of the files that `keep` selects, one line each, after the file's name and fold.
pub fn errors_of(files: &[ScoredFile], keep: impl Fn(&ScoredFile) -> bool) -> Vec<String> {
    files
        .iter()
        .filter(|f| keep(f))
        .flat_map(|f| {
            f.errors
                .iter()
                .map(move |e| format!("{}\tfold {}\t{e}", f.name, f.fold))
        })
        .collect()
}

/// Scores the `split` of the TimeML files under `dir`. With `errors`, lists every miss.
pub fn evaluate(dir: &Path, split: Split, errors: Option<&mut Vec<String>>) -> Result<Scores> {
    let files = score_files(dir, errors.is_some())?;
    if let Some(errors) = errors {
        errors.extend(errors_of(&files, |f| split.keeps(f.fold)));
    }
    Ok(scores_of(&files, |f| split.keeps(f.fold)))
}

/// A measure's mean over the folds, its sample standard deviation, and its range.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Spread {
    pub mean: f64,
    pub sd: f64,
    pub min: f64,
    pub max: f64,
}

impl Spread {
    fn of(values: &[f64]) -> Spread {
        if values.is_empty() {
            return Spread::default();
        }
        let n = values.len() as f64;
        let mean = values.iter().sum::<f64>() / n;
        let var = if values.len() > 1 {
            values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0)
        } else {
            0.0
        };
        Spread {
            mean,
            sd: var.sqrt(),
            min: values.iter().copied().fold(f64::INFINITY, f64::min),
            max: values.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        }
    }
}

/// Every part `lede eval-timex --cv` reports: each source, each fold, the dev part and the whole.
#[derive(Debug, Clone)]
pub struct CrossValidation {
    /// By source, in name order (`AQUAINT`, `TimeBank`).
    pub sources: Vec<(String, Scores)>,
    /// Fold `k` at index `k`.
    pub folds: Vec<Scores>,
    pub dev: Scores,
    pub all: Scores,
}

impl CrossValidation {
    /// Scores every part of `files`.
    pub fn of(files: &[ScoredFile]) -> CrossValidation {
        let mut names: Vec<&str> = files.iter().map(|f| f.source.as_str()).collect();
        names.dedup();
        CrossValidation {
            sources: names
                .iter()
                .map(|&s| (s.to_string(), scores_of(files, |f| f.source == s)))
                .collect(),
            folds: (0..FOLDS)
                .map(|k| scores_of(files, |f| f.fold == k))
                .collect(),
            dev: scores_of(files, |f| Split::Dev.keeps(f.fold)),
            all: scores_of(files, |_| true),
        }
    }

    pub fn strict(&self) -> Spread {
        Spread::of(&self.folds.iter().map(|s| s.strict.f1).collect::<Vec<_>>())
    }

    pub fn relaxed(&self) -> Spread {
        Spread::of(&self.folds.iter().map(|s| s.relaxed.f1).collect::<Vec<_>>())
    }

    pub fn value(&self) -> Spread {
        Spread::of(&self.folds.iter().map(|s| s.value.f1).collect::<Vec<_>>())
    }
}

impl std::fmt::Display for CrossValidation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "{:<16} {:>5} {:>5} {:>5}  {:>6} {:>7} {:>6}",
            "part", "docs", "gold", "sys", "strict", "relaxed", "value"
        )?;
        let row = |f: &mut std::fmt::Formatter<'_>, name: &str, s: &Scores| {
            writeln!(
                f,
                "{name:<16} {:>5} {:>5} {:>5}  {:>6.3} {:>7.3} {:>6.3}",
                s.documents, s.gold, s.system, s.strict.f1, s.relaxed.f1, s.value.f1
            )
        };
        for (name, s) in &self.sources {
            row(f, name, s)?;
        }
        for (k, s) in self.folds.iter().enumerate() {
            let name = if k == DEV_FOLD {
                format!("fold {k} (dev)")
            } else {
                format!("fold {k}")
            };
            row(f, &name, s)?;
        }
        let (strict, relaxed, value) = (self.strict(), self.relaxed(), self.value());
        writeln!(
            f,
            "{:<16} {:>17}  {:>6.3} {:>7.3} {:>6.3}",
            "fold mean", "", strict.mean, relaxed.mean, value.mean
        )?;
        writeln!(
            f,
            "{:<16} {:>17}  {:>6.3} {:>7.3} {:>6.3}",
            "fold sd", "", strict.sd, relaxed.sd, value.sd
        )?;
        writeln!(
            f,
            "{:<16} {:>17}  {:>6.3} {:>7.3} {:>6.3}",
            "fold min", "", strict.min, relaxed.min, value.min
        )?;
        row(f, "dev", &self.dev)?;
        row(f, "all", &self.all)
    }
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "documents {}  gold timexes {}  system timexes {}",
            self.documents, self.gold, self.system
        )?;
        for (name, p) in [
            ("strict", self.strict),
            ("relaxed", self.relaxed),
            ("value", self.value),
        ] {
            writeln!(
                f,
                "{name:<8} P {:.3}  R {:.3}  F1 {:.3}",
                p.precision, p.recall, p.f1
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dev_is_every_fifth_file() {
        let dev: Vec<usize> = (0..15).filter(|&i| Split::Dev.keeps(fold_of(i))).collect();
        assert_eq!(dev, [4, 9, 14]);
        assert!((0..15).all(|i| Split::Dev.keeps(fold_of(i)) != Split::Train.keeps(fold_of(i))));
    }

    #[test]
    fn spread_is_the_sample_deviation() {
        let s = Spread::of(&[0.8, 0.9, 1.0]);
        assert!((s.mean - 0.9).abs() < 1e-12);
        assert!((s.sd - 0.1).abs() < 1e-12);
        assert_eq!((s.min, s.max), (0.8, 1.0));
        assert_eq!(Spread::of(&[]), Spread::default());
    }

    #[test]
    fn counts_add_up_to_the_scores_of_their_sum() {
        let doc = parse(
            r#"<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07">x</TIMEX3></DCT>
<TEXT>He left <TIMEX3 tid="t1" type="DATE" value="1998-08-06">Thursday</TIMEX3> and came back <TIMEX3 tid="t2" type="DATE" value="1998-08-04">last week</TIMEX3>.</TEXT>"#,
        );
        let mut errors = Vec::new();
        let one = score_doc(&doc, Some(&mut errors));
        // "Thursday" is right; "last week" is found, with a week for its value.
        assert_eq!(
            (one.gold, one.system, one.relaxed_gold, one.value_gold),
            (2, 2, 2, 1)
        );
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].starts_with("VALUE\tlast week\t1998-08-04\t"),
            "{}",
            errors[0]
        );
        let mut two = one;
        two.add(&one);
        let (a, b) = (one.scores(), two.scores());
        assert_eq!(b.documents, 2);
        assert_eq!((a.value.f1, a.relaxed.f1), (b.value.f1, b.relaxed.f1));
        assert_eq!(a.value.f1, 0.5);
    }
}
