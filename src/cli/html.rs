//! `lede eval-html`: main-story extraction on the news-html pages (`crate::eval::html`).

use std::io::Write;
use std::path::Path;

use super::{io_error, Args};
use crate::error::Result;
use crate::eval::html::{evaluate_with, Classifier, Means};

/// Where the news-html dev pages are unless the command is told otherwise.
const NEWS_HTML_DEV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/news-html/dev");

/// `lede eval-html [DIR] [--out DIR] [--per-page] [--cv] [--html-from DIR]`: the bag-of-words P/R/F1 of the story text
/// `lede analyze --html` keeps, averaged over the pages, as the data set's `score.py` prints it;
/// then the same by fold (page `k` in fold `k % 5`, as the caption model's folds: fold 0 is the
/// one its shipped model never saw), and the pages kept empty. `--out` writes each kept text to
/// `DIR/NAME.txt` for `score.py`; `--per-page` lists each page's P, R and F1 first. `--cv` reads
/// each page with a caption model trained on the L3S text of the other four folds
/// (`Classifier::CrossFitted`): the figure for pages no model has seen. `--html-from DIR` reads
/// each `NAME.html` from `DIR` instead (the pages as another parser re-serialised them:
/// `tests/bench/parsers.mjs`), the story annotations still from the data set.
pub fn eval_html_command(args: &[String], out: &mut dyn Write) -> Result<()> {
    let args = Args::parse(args, &["--out", "--html-from"], &["--per-page", "--cv"])?;
    let dir = Path::new(args.single()?.unwrap_or(NEWS_HTML_DEV));
    let l3s;
    let classifier = if args.has("--cv") {
        l3s = crate::eval::captions::load_pages(Path::new(super::L3S_DEV))?;
        Classifier::CrossFitted(&l3s)
    } else {
        Classifier::Shipped
    };
    let scores = evaluate_with(
        dir,
        args.value("--out").map(Path::new),
        classifier,
        args.value("--html-from").map(Path::new),
    )?;
    let mut report = String::new();
    if args.has("--per-page") {
        for s in &scores {
            report.push_str(&format!(
                "{}\t{:.1}\t{:.1}\t{:.1}\n",
                s.name,
                s.precision * 100.0,
                s.recall * 100.0,
                s.f1 * 100.0
            ));
        }
    }
    for s in scores.iter().filter(|s| s.dropped > 0) {
        report.push_str(&format!(
            "note: {}.html had {} control characters, dropped\n",
            s.name, s.dropped
        ));
    }
    for fold in 0..crate::eval::captions::FOLDS {
        let m = Means::of(
            scores
                .iter()
                .enumerate()
                .filter(|(k, _)| k % crate::eval::captions::FOLDS == fold)
                .map(|(_, s)| s),
        );
        report.push_str(&format!("fold {fold}: {m}\n"));
    }
    let empty: Vec<&str> = scores
        .iter()
        .filter(|s| s.kept_tokens == 0 && s.gold_tokens > 0)
        .map(|s| s.name.as_str())
        .collect();
    report.push_str(&format!(
        "pages kept empty with a story annotated: {}{}\n",
        empty.len(),
        if empty.is_empty() {
            String::new()
        } else {
            format!(" ({})", empty.join(", "))
        }
    ));
    report.push_str(&format!("{}\n", Means::of(&scores)));
    write!(out, "{report}").map_err(io_error("stdout"))
}
