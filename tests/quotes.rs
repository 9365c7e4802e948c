//! The quotes stage on whole texts: the sample article against its golden file, and PolNeAR dev
//! against floors close to the figures `lede eval-quotes` reports.
//!
//! Regenerate the golden file after a reviewed change with
//! `UPDATE_GOLDEN=1 cargo test --test quotes`.

use std::path::PathBuf;

use lede::{analyze, Options, SAMPLE_ARTICLE};
use serde_json::{json, Value};

/// The sample's quotes as plain, reviewable JSON: the quoted text, the speaker as written, its
/// kind, the name it resolves to, and how it was attributed.
fn sample_quotes() -> Value {
    let a = analyze(SAMPLE_ARTICLE, &Options::default());
    let chars: Vec<char> = SAMPLE_ARTICLE.chars().collect();
    let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
    let quotes: Vec<Value> = a
        .quotes
        .iter()
        .map(|q| {
            json!({
                "start": q.start,
                "end": q.end,
                "text": slice(q.start, q.end),
                "paragraph": q.paragraph,
                "attribution": q.attribution,
                "speaker": q.speaker.as_ref().map(|s| json!({
                    "start": s.start,
                    "end": s.end,
                    "text": slice(s.start, s.end),
                    "kind": s.kind,
                    "name": s.name,
                })),
            })
        })
        .collect();
    let phrases: Vec<Value> = a
        .quoted_phrases
        .iter()
        .map(|p| json!({"start": p.start, "end": p.end, "text": slice(p.start, p.end)}))
        .collect();
    json!({ "quotes": quotes, "quoted_phrases": phrases })
}

#[test]
fn sample_matches_its_golden_file() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/ap-ukraine-ceasefire.quotes.json");
    let got = sample_quotes();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
    }
    let want: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(
        got, want,
        "the sample's quotes changed; review and regenerate the golden file"
    );
}

/// What the issue asks of the sample, checked directly so that a regenerated golden file cannot
/// quietly lose it.
#[test]
fn sample_quotes_have_their_speakers() {
    let got = sample_quotes();
    let quotes = got["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 23, "all 23 direct quotes");
    let name_of = |needle: &str| -> String {
        let q = quotes
            .iter()
            .find(|q| q["text"].as_str().unwrap().contains(needle))
            .unwrap_or_else(|| panic!("no quote with {needle:?}"));
        q["speaker"]["name"].as_str().unwrap_or("-").to_string()
    };
    let cases = [
        ("There is an understanding", "Dmitry Peskov"),
        ("grounds for cautious optimism", "Dmitry Peskov"),
        ("A lot still needs to be done", "Dmitry Peskov"),
        ("cautiously optimistic", "Marco Rubio"),
        ("keep the pressure", "Keir Starmer"),
        ("The world is watching", "Keir Starmer"),
        ("fabricated by the Russians", "Ukraine's General Staff"),
    ];
    for (needle, name) in cases {
        assert_eq!(name_of(needle), name, "{needle}");
    }
    let watching = quotes
        .iter()
        .find(|q| {
            q["text"]
                .as_str()
                .unwrap()
                .contains("The world is watching")
        })
        .unwrap();
    assert_eq!(watching["speaker"]["text"], "he");
    for q in quotes {
        assert!(!q["text"]
            .as_str()
            .unwrap()
            .contains("coalition of the willing"));
    }
    let phrases = got["quoted_phrases"].as_array().unwrap();
    assert!(phrases.iter().all(|p| p["text"]
        .as_str()
        .unwrap()
        .contains("coalition of the willing")));
    assert_eq!(phrases.len(), 2);
}

#[test]
fn polnear_dev_stays_above_its_floors() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/polnear/dev");
    if !dir.join("text").is_dir() {
        println!("skipped: PolNeAR dev not found at {}", dir.display());
        return;
    }
    let scores = lede::eval::polnear::evaluate(
        &dir,
        lede::analysis::quotes::Models::shipped(),
        false,
        &mut std::io::sink(),
    )
    .unwrap();
    println!("{scores}");
    assert_eq!(scores.articles, 84);
    assert!(scores.f1() >= 0.963, "quote F1 {:.4}", scores.f1());
    assert!(
        scores.speaker_accuracy() >= 0.930,
        "speaker accuracy {:.4}",
        scores.speaker_accuracy()
    );
    assert!(
        scores.end_to_end_f1() >= 0.897,
        "end-to-end F1 {:.4}",
        scores.end_to_end_f1()
    );
}
