//! Evaluation against the shared data sets. Native only: reads files.

pub mod anchoring;
pub mod captions;
pub mod conll;
pub mod html;
pub mod labels;
pub mod polnear;
pub mod polnear_ner;
pub mod pos;
pub mod recipe;
pub mod restyle;
pub mod timeml;
pub mod timex;
pub mod tlink;
pub mod train;
pub mod wikinames;
pub mod wordclass_train;

/// `part / whole`, and 0 for an empty whole: precision with nothing predicted, recall with nothing
/// to find.
pub fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// The harmonic mean of precision and recall, 0 when both are.
pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores() {
        assert_eq!(ratio(1, 4), 0.25);
        assert_eq!(ratio(3, 0), 0.0);
        assert!((f1(0.5, 1.0) - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(f1(0.0, 0.0), 0.0);
    }
}
