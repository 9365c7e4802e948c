//! Floors on the TempEval-3 figures (`lede eval-timex --cv`), just under what the rules achieve
//! on TBAQ-cleaned: value F1 0.862 on the dev part (fold 4), at least 0.802 on every fold, 0.825
//! on the folds' mean, 0.842 on TimeBank and 0.782 on AQUAINT. The files are scored once and every
//! part is summed from the same per-file counts.

use std::sync::OnceLock;

use lede::eval::timex::{score_files, CrossValidation, Scores, FOLDS};

/// The cross-validation table, or `None` when the shared data is not checked out next to the
/// repository (the tests then say so and pass).
fn table() -> Option<&'static CrossValidation> {
    static TABLE: OnceLock<Option<CrossValidation>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../shared/data/tempeval3/TBAQ-cleaned");
            if !dir.is_dir() {
                println!(
                    "note: {} is absent, so the TempEval-3 floors are not checked",
                    dir.display()
                );
                return None;
            }
            Some(CrossValidation::of(&score_files(&dir, false).unwrap()))
        })
        .as_ref()
}

/// Asserts strict, relaxed and value F1 floors on one part of the table.
fn at_least(part: &str, scores: &Scores, strict: f64, relaxed: f64, value: f64) {
    let got = (scores.strict.f1, scores.relaxed.f1, scores.value.f1);
    assert!(
        got.0 >= strict && got.1 >= relaxed && got.2 >= value,
        "{part}: strict {:.3} relaxed {:.3} value {:.3}, floors {strict} {relaxed} {value}",
        got.0,
        got.1,
        got.2
    );
}

#[test]
fn the_dev_part_stays_above_its_floors() {
    let Some(cv) = table() else { return };
    assert_eq!(cv.dev.documents, 51);
    at_least("dev", &cv.dev, 0.91, 0.95, 0.86);
}

#[test]
fn every_fold_stays_above_its_floors() {
    let Some(cv) = table() else { return };
    assert_eq!(cv.folds.len(), FOLDS);
    assert_eq!(cv.folds.iter().map(|f| f.documents).sum::<usize>(), 256);
    for (k, fold) in cv.folds.iter().enumerate() {
        at_least(&format!("fold {k}"), fold, 0.86, 0.93, 0.80);
    }
    let (value, relaxed) = (cv.value(), cv.relaxed());
    assert!(value.mean >= 0.82, "fold mean value F1 {:.3}", value.mean);
    assert!(
        relaxed.mean >= 0.94,
        "fold mean relaxed F1 {:.3}",
        relaxed.mean
    );
    assert!(value.sd <= 0.03, "folds' value F1 spread {:.3}", value.sd);
}

#[test]
fn both_sources_stay_above_their_floors() {
    let Some(cv) = table() else { return };
    let source = |name: &str| {
        cv.sources
            .iter()
            .find(|(s, _)| s == name)
            .map(|(_, scores)| scores)
            .unwrap_or_else(|| panic!("no {name} files"))
    };
    assert_eq!(source("TimeBank").documents, 183);
    assert_eq!(source("AQUAINT").documents, 73);
    at_least("TimeBank", source("TimeBank"), 0.89, 0.95, 0.84);
    at_least("AQUAINT", source("AQUAINT"), 0.85, 0.93, 0.78);
    at_least("all", &cv.all, 0.88, 0.94, 0.82);
}
