//! `cargo bench --bench import`: HTML and Markdown import throughput, on the news-page fixture,
//! on a 10 MB page built from it, and on hostile shapes (deep nesting, stray end tags) that a
//! non-linear walk would choke on. Prints MB/s; no assertions.

use std::time::{Duration, Instant};

use lede::import::{from_html_as, from_markdown, Source};

const PAGE: &str = include_str!("../tests/data/ap-news-page.html");

/// The fixture page with its story body repeated until the page reaches `bytes`.
fn page_of_size(bytes: usize) -> String {
    let start = PAGE
        .find("<div class=\"story-body\"")
        .expect("the fixture has a story body");
    let end = PAGE[start..]
        .find("      </div>\n      <footer")
        .map_or(PAGE.len(), |i| start + i);
    let body = &PAGE[start..end];
    let mut html = PAGE[..end].to_string();
    while html.len() < bytes {
        html.push_str(body);
        html.push_str("</div>");
    }
    html.push_str(&PAGE[end..]);
    html
}

fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len() + 1)
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

fn main() {
    let mb = 1 << 20;
    let markdown = repeat_to(
        "# Putin backs truce\n\nRussian President **Vladimir Putin** met [Steve Witkoff](https://x.test/a) on Friday,\nthe Kremlin said.\n\n![A view of Sudzha.](s.jpg)\n\n",
        10 * mb,
    );
    let cases: Vec<(&str, String, bool)> = vec![
        ("news page", PAGE.to_string(), false),
        ("1 MB page", page_of_size(mb), false),
        ("10 MB page", page_of_size(10 * mb), false),
        ("10 MB <div>s", repeat_to("<div>", 10 * mb), false),
        (
            "10 MB <span>s",
            repeat_to("<span class=a>x", 10 * mb),
            false,
        ),
        ("10 MB </i>s", repeat_to("</i>", 10 * mb), false),
        (
            "10 MB <li>",
            repeat_to("<li><a href=/>link</a>", 10 * mb),
            false,
        ),
        ("10 MB markdown", markdown, true),
    ];
    println!(
        "{:<16} {:>10} {:>10} {:>10}",
        "input", "bytes", "best ms", "MB/s"
    );
    for (name, input, md) in &cases {
        let min_time = Duration::from_millis(if input.len() > 5 * mb { 3000 } else { 1500 });
        let best = best_of(min_time, || {
            if *md {
                std::hint::black_box(from_markdown(std::hint::black_box(input)));
            } else {
                std::hint::black_box(from_html_as(std::hint::black_box(input), Source::Page));
            }
        });
        let secs = best.as_secs_f64();
        println!(
            "{:<16} {:>10} {:>10.2} {:>10.1}",
            name,
            input.len(),
            secs * 1e3,
            input.len() as f64 / 1e6 / secs
        );
    }
}
