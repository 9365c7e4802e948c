//! The text format of the small learned rankers (quotes' speech model, the timeline's anchoring
//! model): a header line naming the model, then one `feature<TAB>weight` line per non-zero
//! weight, sorted by name, so a retrained model diffs line by line and rebuilds byte for byte.

use std::collections::HashMap;

use crate::error::{Error, Result};

/// Reads a weights file whose first line must be `magic`; `what` names the model in errors.
pub fn parse(text: &str, magic: &str, what: &str) -> Result<HashMap<String, i32>> {
    let mut lines = text.lines();
    let header = lines.next().unwrap_or("");
    if header != magic {
        return Err(Error::Model(format!(
            "expected header '{magic}', found '{header}'"
        )));
    }
    let mut weights = HashMap::new();
    for (n, line) in lines.enumerate() {
        let (name, w) = line
            .rsplit_once('\t')
            .ok_or_else(|| Error::Model(format!("{what} line {}: no tab", n + 2)))?;
        let w: i32 = w
            .parse()
            .map_err(|_| Error::Model(format!("{what} line {}: bad weight", n + 2)))?;
        weights.insert(name.to_string(), w);
    }
    Ok(weights)
}

/// The file text: `magic`, then the non-zero weights sorted by name.
pub fn to_text(weights: &HashMap<String, i32>, magic: &str) -> String {
    let mut rows: Vec<(&String, &i32)> = weights.iter().filter(|(_, w)| **w != 0).collect();
    rows.sort();
    let mut out = format!("{magic}\n");
    for (name, w) in rows {
        out.push_str(&format!("{name}\t{w}\n"));
    }
    out
}

/// The sum of the weights of `features`; unknown features weigh nothing.
pub fn score(weights: &HashMap<String, i32>, features: &[String]) -> i64 {
    features
        .iter()
        .filter_map(|f| weights.get(f))
        .map(|&w| i64::from(w))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_reports_bad_lines() {
        let weights: HashMap<String, i32> = [
            ("b".to_string(), -2),
            ("a".to_string(), 3),
            ("z".to_string(), 0),
        ]
        .into();
        let text = to_text(&weights, "M 1");
        assert_eq!(text, "M 1\na\t3\nb\t-2\n");
        let back = parse(&text, "M 1", "test model").unwrap();
        assert_eq!(score(&back, &["a".into(), "b".into(), "q".into()]), 1);
        assert!(parse("M 2\n", "M 1", "test model").is_err());
        let err = parse("M 1\na\tx\n", "M 1", "test model").unwrap_err();
        assert!(
            err.to_string().contains("test model line 2: bad weight"),
            "{err}"
        );
        assert!(parse("M 1\nno tab\n", "M 1", "test model").is_err());
    }
}
