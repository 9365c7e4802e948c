//! The JSON export: the documented analysis contract (`docs/analysis-json.md`), pretty-printed,
//! exactly what `lede analyze` prints.

use crate::analysis::Analysis;

/// The analysis as the contract's JSON. The text is not included: the contract's offsets point
/// into it, and the reader already has it.
pub fn json(_text: &str, analysis: &Analysis) -> String {
    let mut out = serde_json::to_string_pretty(analysis).expect("an Analysis always serialises");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze_text;

    #[test]
    fn round_trips_through_the_contract() {
        let text = "LONDON (AP) — Starmer said “we are ready.” on Friday.";
        let analysis = analyze_text(text);
        let out = json(text, &analysis);
        let back: Analysis = serde_json::from_str(&out).unwrap();
        assert_eq!(back, analysis);
        assert!(out.ends_with("}\n"));
    }

    #[test]
    fn hostile_text_stays_data() {
        let text = "\"}]}, \"version\": \"666\" <script>alert(1)</script>";
        let out = json(text, &analyze_text(text));
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(value["version"], crate::analysis::model::CONTRACT_VERSION);
    }
}
