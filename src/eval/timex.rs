//! `lede eval-timex`: TempEval-3 timex measures on the TBAQ-cleaned TimeML files.
//!
//! The held-out dev set is every 5th file of the sorted list of `.tml` paths (relative to the data
//! folder, e.g. `AQUAINT/APW19980807.0261.tml`): files 4, 9, 14, … counting from 0. The rest is
//! the training part that the rules were written against. Each document is analysed with its DCT
//! as the reference date.
//!
//! Measures, as TempEval-3 defines them: strict match (same extent), relaxed match (any overlap),
//! and value F1 (a relaxed match with the same value). Precision counts system expressions with a
//! match, recall gold expressions with one.

use std::path::{Path, PathBuf};

use super::timeml::{parse, TimemlDoc};
use crate::analysis::model::Role;
use crate::analysis::segment;
use crate::analysis::time;
use crate::error::{Error, Result};

/// Which files to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// Every 5th file: the held-out dev set.
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

    fn keeps(self, index: usize) -> bool {
        match self {
            Split::Dev => index % 5 == 4,
            Split::Train => index % 5 != 4,
            Split::All => true,
        }
    }
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

/// Counts over one or more documents.
#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    gold: usize,
    system: usize,
    strict_sys: usize,
    strict_gold: usize,
    relaxed_sys: usize,
    relaxed_gold: usize,
    value_sys: usize,
    value_gold: usize,
}

/// One system expression: byte span and value.
struct Sys {
    start: usize,
    end: usize,
    value: String,
    explanation: String,
}

fn score_doc(doc: &TimemlDoc, counts: &mut Counts, mut errors: Option<&mut Vec<String>>) {
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
    counts.gold += doc.timexes.len();
    counts.system += sys.len();
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
        if let Some(errors) = errors.as_deref_mut() {
            if !relaxed {
                errors.push(format!("FP\t{}\t{}", &doc.text[s.start..s.end], s.value));
            }
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
        if let Some(errors) = errors.as_deref_mut() {
            let text = &doc.text[g.start..g.end];
            if !relaxed {
                errors.push(format!("FN\t{text}\t{}\t{}", g.kind, g.value));
            } else if !value {
                errors.push(format!("VALUE\t{text}\t{}\tgot {got}", g.value));
            } else if !strict {
                errors.push(format!("EXTENT\t{text}\tgot {got}"));
            }
        }
    }
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

/// Scores the `split` of the TimeML files under `dir`. With `errors`, lists every miss.
pub fn evaluate(dir: &Path, split: Split, mut errors: Option<&mut Vec<String>>) -> Result<Scores> {
    let mut counts = Counts::default();
    let mut documents = 0;
    for (i, (_, path)) in files(dir)?.iter().enumerate() {
        if !split.keeps(i) {
            continue;
        }
        let source = std::fs::read_to_string(path).map_err(|e| Error::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        score_doc(&parse(&source), &mut counts, errors.as_deref_mut());
        documents += 1;
    }
    Ok(Scores {
        documents,
        gold: counts.gold,
        system: counts.system,
        strict: prf(
            counts.strict_sys,
            counts.system,
            counts.strict_gold,
            counts.gold,
        ),
        relaxed: prf(
            counts.relaxed_sys,
            counts.system,
            counts.relaxed_gold,
            counts.gold,
        ),
        value: prf(
            counts.value_sys,
            counts.system,
            counts.value_gold,
            counts.gold,
        ),
    })
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
