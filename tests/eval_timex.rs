//! Floors on the TempEval-3 dev figures (`lede eval-timex`), just under what the rules achieve:
//! strict 0.882, relaxed 0.946, value 0.834 on the held-out fifth of TBAQ-cleaned.

use lede::eval::timex::{evaluate, Split};

#[test]
fn dev_figures_stay_above_their_floors() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/tempeval3/TBAQ-cleaned");
    if !dir.is_dir() {
        println!(
            "note: {} is absent, so the TempEval-3 floors are not checked",
            dir.display()
        );
        return;
    }
    let scores = evaluate(&dir, Split::Dev, None).unwrap();
    assert_eq!(scores.documents, 51);
    assert!(
        scores.strict.f1 >= 0.875,
        "strict F1 {:.3}",
        scores.strict.f1
    );
    assert!(
        scores.relaxed.f1 >= 0.94,
        "relaxed F1 {:.3}",
        scores.relaxed.f1
    );
    assert!(scores.value.f1 >= 0.83, "value F1 {:.3}", scores.value.f1);
}
