//! `cargo bench`: `analyze` throughput on the sample article and on larger texts built from it.
//!
//! Prints MB/s and tokens/s. No assertions: budgets live here and in the README, not in tests.

use std::time::{Duration, Instant};

use lede::analysis::entities::Tagger;
use lede::analysis::segment::segment;
use lede::{analyze, Options, SAMPLE_ARTICLE};

/// Repeats the sample (as separate articles) until the text reaches `bytes`.
fn text_of_size(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + SAMPLE_ARTICLE.len());
    while text.len() < bytes {
        text.push_str(SAMPLE_ARTICLE);
        text.push('\n');
    }
    text
}

/// Runs `f` until at least `min_time` has passed (and at least 3 times); returns the best run.
fn best_of(min_time: Duration, mut f: impl FnMut()) -> Duration {
    let started = Instant::now();
    let mut best = Duration::MAX;
    let mut runs = 0;
    while runs < 3 || started.elapsed() < min_time {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed());
        runs += 1;
    }
    best
}

/// The entity tagger alone (features, scores, two Viterbi passes), on the sample's tokens cut into
/// documents of the sample's size. Budget: at least 300k tokens/s.
fn bench_tagger() {
    let text = text_of_size(1 << 20);
    let doc = segment(&text);
    let sentences: Vec<Vec<&str>> = doc
        .sentences
        .iter()
        .map(|s| {
            doc.tokens[s.tokens.clone()]
                .iter()
                .map(|t| t.span.of(&text))
                .collect()
        })
        .collect();
    let tokens = doc.tokens.len();
    let tagger = Tagger::shipped();
    let per_doc = segment(SAMPLE_ARTICLE).sentences.len();
    let best = best_of(Duration::from_millis(2000), || {
        for chunk in sentences.chunks(per_doc) {
            std::hint::black_box(tagger.tag_document(std::hint::black_box(chunk)));
        }
    });
    println!(
        "entity tagger: {tokens} tokens in {:.1} ms: {:.0} tokens/s",
        best.as_secs_f64() * 1e3,
        tokens as f64 / best.as_secs_f64()
    );
}

fn main() {
    bench_tagger();
    let options = Options::default();
    let cases = [
        ("sample article", SAMPLE_ARTICLE.to_string()),
        ("1 MB", text_of_size(1 << 20)),
        ("10 MB", text_of_size(10 << 20)),
    ];
    println!(
        "{:<16} {:>10} {:>10} {:>12} {:>14}",
        "input", "bytes", "best ms", "MB/s", "tokens/s"
    );
    for (name, text) in &cases {
        let tokens = segment(text).tokens.len();
        let min_time = Duration::from_millis(if text.len() > 5 << 20 { 3000 } else { 1500 });
        let best = best_of(min_time, || {
            std::hint::black_box(analyze(std::hint::black_box(text), &options));
        });
        let secs = best.as_secs_f64();
        println!(
            "{:<16} {:>10} {:>10.2} {:>12.1} {:>14.0}",
            name,
            text.len(),
            secs * 1e3,
            text.len() as f64 / 1e6 / secs,
            tokens as f64 / secs
        );
    }
    // The captions stage alone (roles and caption groups), on an already segmented text.
    println!(
        "{:<16} {:>10} {:>10} {:>12}",
        "captions stage", "bytes", "best ms", "MB/s"
    );
    for (name, text) in &cases {
        let doc = segment(text);
        let min_time = Duration::from_millis(if text.len() > 5 << 20 { 3000 } else { 1500 });
        let best = best_of(min_time, || {
            std::hint::black_box(lede::analysis::captions::analyze_captions(text, &doc));
        });
        let secs = best.as_secs_f64();
        println!(
            "{:<16} {:>10} {:>10.2} {:>12.1}",
            name,
            text.len(),
            secs * 1e3,
            text.len() as f64 / 1e6 / secs
        );
    }
}
