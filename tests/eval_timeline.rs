//! Floors on the timeline's figures, just under what the analysis achieves:
//! - labels that read as a sentence on PolNeAR dev (`lede eval-labels`): 97.6% of 291;
//! - anchoring on TBAQ dev (`lede eval-anchoring`): 0.811 (163 of 201 DATE/TIME expressions);
//! - the same ranker cross-validated on TBAQ train (`lede train-anchoring --cv`): 0.769 (833 of
//!   1,083).
//!
//! Each is skipped, with a note, where its data is absent.

use std::path::{Path, PathBuf};

fn data(rel: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(rel);
    if dir.is_dir() {
        Some(dir)
    } else {
        println!(
            "note: {} is absent, so its floor is not checked",
            dir.display()
        );
        None
    }
}

#[test]
fn labels_read_as_sentences_on_unseen_news() {
    let Some(dir) = data("polnear/dev/text") else {
        return;
    };
    let scores = lede::eval::labels::evaluate(&dir).unwrap();
    assert_eq!(scores.articles, 84);
    assert!(scores.labels >= 250, "only {} labels", scores.labels);
    assert!(
        scores.share_good() >= 0.97,
        "{:.3} read as a sentence:\n{scores}",
        scores.share_good()
    );
    assert_eq!(scores.ellipsis, 0, "{scores}");
    assert_eq!(scores.long, 0, "{scores}");
}

#[test]
fn dates_anchor_the_linked_event() {
    let Some(dir) = data("tempeval3/TBAQ-cleaned") else {
        return;
    };
    let scores =
        lede::eval::anchoring::evaluate(&dir, lede::eval::anchoring::Split::Dev, None).unwrap();
    assert_eq!(scores.documents, 51);
    assert!(
        scores.dated.accuracy() >= 0.80,
        "anchoring {:.3}:\n{scores}",
        scores.dated.accuracy()
    );
}

/// The ranker's features hold on documents it was not trained on, not only on dev.
#[test]
fn anchoring_holds_in_cross_validation_on_train() {
    use lede::eval::anchoring::{cross_validate, documents, Split};
    let Some(dir) = data("tempeval3/TBAQ-cleaned") else {
        return;
    };
    let docs = documents(&dir, |i| Split::Train.keeps(i)).unwrap();
    let (folds, all, _) = cross_validate(&docs);
    assert_eq!(all.total, 1083);
    assert!(
        all.accuracy() >= 0.765,
        "five-fold {:.3}; folds {folds:?}",
        all.accuracy()
    );
}
