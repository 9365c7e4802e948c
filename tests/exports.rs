//! Exports of whole articles: golden files for the sample, and the hostile-input corpus through
//! every format.
//!
//! When an export or the analysis changes on purpose, rewrite the golden files with
//! `UPDATE_GOLDEN=1 cargo test --test exports` and review the diff like code.

mod support;

use std::path::Path;

use lede::export::Format;
use lede::{analyze, Options};
use support::{check_exports, check_html, parse_csv, HOSTILE};

/// The sample's exports under `tests/data/ap-ukraine-ceasefire.export.*`. The JSON export is the
/// analysis golden file itself (`tests/golden.rs`), so it is compared with that.
#[test]
fn the_samples_exports_match_their_golden_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text =
        std::fs::read_to_string(root.join("public/samples/ap-ukraine-ceasefire.txt")).unwrap();
    let analysis = analyze(&text, &Options::default());
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut stale = Vec::new();
    for format in Format::ALL {
        let out = format.render(&text, &analysis);
        let name = match format {
            Format::Json => "ap-ukraine-ceasefire.json".to_string(),
            f => format!("ap-ukraine-ceasefire.export{}", f.suffix()),
        };
        let path = root.join("tests/data").join(&name);
        if update && format != Format::Json {
            std::fs::write(&path, &out).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{} is missing: run with UPDATE_GOLDEN=1", path.display()));
        if expected != out {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "exports changed: {stale:?}; if on purpose, rerun with UPDATE_GOLDEN=1 and review the diff"
    );
    check_exports(&text, &analysis);
}

/// Every payload of the corpus, alone, inside a quote, after a dateline and at a line start,
/// through every export: the HTML holds only its own markup, CSV cells are neutralised, Markdown
/// escapes every `<`, TimelineJS strings hold no markup.
#[test]
fn hostile_input_goes_nowhere() {
    assert!(HOSTILE.len() >= 30);
    let mut text = String::from("LONDON (AP) — Prime Minister Keir Starmer spoke on Friday.\n");
    for p in HOSTILE {
        text.push_str(&format!(
            "{p}\n“{p},” Starmer said of {p} on Thursday.\n{p} met Putin, {p}, in Moscow.\n"
        ));
    }
    let analysis = analyze(&text, &Options::default());
    check_exports(&text, &analysis);
    let html = lede::export::static_page::html(&text, &analysis);
    check_html(&html);
    // The payloads are shown, as text.
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    // The quote cells keep their text, behind the apostrophe where needed.
    let quotes = parse_csv(&lede::export::csv::quotes(&text, &analysis));
    assert!(quotes.iter().any(|r| r[4].contains("=cmd|")));
}

/// Each payload on its own as the whole text: the smallest pastes take other paths (no body, no
/// sentences) than the long one above.
#[test]
fn each_payload_alone() {
    for p in HOSTILE {
        let analysis = analyze(p, &Options::default());
        check_exports(p, &analysis);
    }
}
