//! Golden files: whole articles analysed and compared with reviewed JSON in `tests/data/`.
//!
//! When the analysis changes on purpose, rewrite them with `UPDATE_GOLDEN=1 cargo test --test
//! golden` and review the diff like code.

use std::path::Path;

use lede::{analyze, Date, Options};

/// (golden name, input path, fixed reference date)
const GOLDEN: &[(&str, &str, Option<&str>)] = &[(
    "ap-ukraine-ceasefire",
    "public/samples/ap-ukraine-ceasefire.txt",
    None,
)];

#[test]
fn golden_files_match() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut stale = Vec::new();
    for (name, input, date) in GOLDEN {
        let text = std::fs::read_to_string(root.join(input)).unwrap();
        let mut options = Options::default();
        if let Some(date) = date {
            options = options.with_reference_date(date.parse::<Date>().unwrap());
        }
        let json = serde_json::to_string_pretty(&analyze(&text, &options)).unwrap() + "\n";
        let path = root.join("tests/data").join(format!("{name}.json"));
        if update {
            std::fs::write(&path, &json).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{} is missing: run with UPDATE_GOLDEN=1", path.display()));
        if expected != json {
            stale.push(name.to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "golden output changed for {stale:?}; if on purpose, rerun with UPDATE_GOLDEN=1 and review the diff"
    );
}

/// The sample's segmentation, checked field by field so a failure says what broke.
#[test]
fn sample_segmentation() {
    let text = lede::SAMPLE_ARTICLE;
    let a = analyze(text, &Options::default());
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
    assert_eq!(a.articles.len(), 2);
    assert!(slice(a.articles[1].start, a.articles[1].end).starts_with("LONDON (AP) —"));
    assert_eq!(a.articles[1].dateline.as_ref().unwrap().place, "LONDON");
    assert!(a.articles[0].dateline.is_none());
    assert_eq!(a.paragraphs.len(), 80);
    for s in &a.sentences {
        let sentence = slice(s.start, s.end);
        for abbreviation in ["U.S.", "Feb.", "Gen.", "U.K."] {
            assert!(
                !sentence.ends_with(abbreviation),
                "sentence break after {abbreviation}: {sentence}"
            );
        }
    }
    // "Feb. 28" stays inside its sentence.
    assert!(a
        .sentences
        .iter()
        .any(|s| slice(s.start, s.end).contains("on Feb. 28 in which Trump")));
}

/// The full example in `docs/analysis-json.md` is real output: it must match what `analyze` gives.
#[test]
fn contract_doc_example_is_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("docs/analysis-json.md")).unwrap();
    let block = doc
        .split("```json\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("docs/analysis-json.md has a ```json block");
    let documented: serde_json::Value = serde_json::from_str(block).unwrap();
    let text = std::fs::read_to_string(root.join("tests/data/contract-example.txt")).unwrap();
    let options = Options::default().with_reference_date("2025-03-14".parse().unwrap());
    let analysis = analyze(&text, &options);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let json = serde_json::to_string_pretty(&analysis).unwrap();
        std::fs::write(
            root.join("docs/analysis-json.md"),
            doc.replacen(block, &json, 1),
        )
        .unwrap();
        return;
    }
    let actual = serde_json::to_value(&analysis).unwrap();
    assert_eq!(
        documented, actual,
        "docs/analysis-json.md's example is stale: regenerate it with `UPDATE_GOLDEN=1 cargo test --test golden`"
    );
}
