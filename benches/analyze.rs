//! `cargo bench --bench analyze`: how fast `analyze` runs, stage by stage, and how much memory it
//! takes, on the sample article, a 1 MB text and a 10 MB text built from it.
//!
//! Prints MB/s, tokens/s and peak heap for the whole pipeline and for each stage, then checks
//! that the pipeline is linear: the 10 MB text's throughput must be within 1.5x of the 1 MB
//! text's. No assertions: budgets live here and in the README, not in tests.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use lede::analysis::entities::Tagger;
use lede::analysis::segment::segment;
use lede::analysis::{analyze_observed, PROFILED_STAGES};
use lede::reading::{reading_model, ReadingBuilder};
use lede::transfer::{self, Assembler, PART_BYTES};
use lede::{analyze, Options, SAMPLE_ARTICLE};

/// The system allocator, counting the bytes in use and their high-water mark, so the bench can
/// say how much memory each stage needs. Relaxed atomics: the bench is single-threaded.
struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = CURRENT.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                CURRENT.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Starts a new peak measurement: the peak becomes what is live now, which is returned.
fn reset_peak() -> usize {
    let now = CURRENT.load(Ordering::Relaxed);
    PEAK.store(now, Ordering::Relaxed);
    now
}

/// The heap's high-water mark since `reset_peak` returned `baseline`, above that baseline.
fn peak_above(baseline: usize) -> usize {
    PEAK.load(Ordering::Relaxed).saturating_sub(baseline)
}

/// Repeats the sample (as separate articles) until the text reaches `bytes`.
fn text_of_size(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + SAMPLE_ARTICLE.len());
    while text.len() < bytes {
        text.push_str(SAMPLE_ARTICLE);
        text.push('\n');
    }
    text
}

/// How long to keep repeating a measurement on a text of `bytes` (at least 3 runs regardless).
fn min_time(bytes: usize) -> Duration {
    Duration::from_millis(if bytes > 5 << 20 { 3000 } else { 1500 })
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

/// One row of the table: a step's best time and its peak heap above what was live when it began.
struct Row {
    step: &'static str,
    best: Duration,
    peak_bytes: usize,
}

/// The whole pipeline, then each stage of it, on `text`.
fn measure(text: &str, options: &Options) -> Vec<Row> {
    let mut rows = Vec::new();

    let best = best_of(min_time(text.len()), || {
        std::hint::black_box(analyze(std::hint::black_box(text), options));
    });
    let baseline = reset_peak();
    drop(std::hint::black_box(analyze(text, options)));
    rows.push(Row {
        step: "analyze",
        best,
        peak_bytes: peak_above(baseline),
    });

    // Each stage's best time over many runs of the observed pipeline; its peak from one run.
    let mut best = vec![Duration::MAX; PROFILED_STAGES.len()];
    let mut peak = vec![0; PROFILED_STAGES.len()];
    let started = Instant::now();
    let mut runs = 0;
    while runs < 3 || started.elapsed() < min_time(text.len()) {
        let mut stage = 0;
        let mut baseline = reset_peak();
        let mut last = Instant::now();
        let analysis = analyze_observed(text, options, &mut |name| {
            let now = Instant::now();
            assert_eq!(name, PROFILED_STAGES[stage], "stages out of order");
            best[stage] = best[stage].min(now - last);
            peak[stage] = peak[stage].max(peak_above(baseline));
            stage += 1;
            baseline = reset_peak();
            last = Instant::now();
        });
        drop(std::hint::black_box(analysis));
        runs += 1;
    }
    for ((&step, best), peak_bytes) in PROFILED_STAGES.iter().zip(best).zip(peak) {
        rows.push(Row {
            step,
            best,
            peak_bytes,
        });
    }

    // What the page does with a result on its main thread (outside `analyze`, which runs in the
    // worker): reading the JSON back, and building the reading view's model with its folds. The
    // page does both in slices (`parts` from the worker, `reading` in steps of 32 paragraphs);
    // `reading step` is the longest such step, what one slice of the page's main thread costs.
    let analysis = analyze(text, options);
    let json = serde_json::to_string(&analysis).expect("an Analysis serialises");
    let parts = transfer::split(analysis.clone(), PART_BYTES).expect("an Analysis splits");
    let mut main_thread = |step: &'static str, f: &mut dyn FnMut()| {
        let best = best_of(min_time(text.len()), &mut *f);
        let baseline = reset_peak();
        f();
        rows.push(Row {
            step,
            best,
            peak_bytes: peak_above(baseline),
        });
    };
    main_thread("to_json", &mut || {
        std::hint::black_box(serde_json::to_string(&analysis).unwrap());
    });
    main_thread("from_json", &mut || {
        std::hint::black_box(serde_json::from_str::<lede::Analysis>(&json).unwrap());
    });
    main_thread("to_parts", &mut || {
        std::hint::black_box(transfer::split(analysis.clone(), PART_BYTES).unwrap());
    });
    main_thread("parts", &mut || {
        let mut texts = parts.iter().map(|p| std::str::from_utf8(p).unwrap());
        let mut assembler = Assembler::new(texts.next().unwrap()).unwrap();
        for part in texts {
            assembler.add(part).unwrap();
        }
        std::hint::black_box(assembler.finish());
    });
    main_thread("reading", &mut || {
        std::hint::black_box(reading_model(text, &analysis));
    });
    // The longest single step (`new`, finding the marks, then each 32 paragraphs or articles),
    // the best of 3 builds: a shared machine's preemption lands on some step of every build.
    let mut longest = Duration::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        let mut builder = ReadingBuilder::new(text, &analysis);
        let mut this = t.elapsed();
        loop {
            let t = Instant::now();
            let done = builder.step(text, &analysis, 32);
            this = this.max(t.elapsed());
            if done {
                break;
            }
        }
        drop(std::hint::black_box(builder.finish()));
        longest = longest.min(this);
    }
    rows.push(Row {
        step: "reading step",
        best: longest,
        peak_bytes: 0,
    });
    rows
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
        "entity tagger alone: {tokens} tokens in {:.1} ms: {:.0} tokens/s\n",
        best.as_secs_f64() * 1e3,
        tokens as f64 / best.as_secs_f64()
    );
}

fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}

/// What the first analysis in a process pays once: the shipped models and lexicons are decoded
/// on first use (the browser pays this on every page load). Must run before anything else.
fn bench_cold_start() {
    let time = |f: &mut dyn FnMut()| {
        let t = Instant::now();
        f();
        t.elapsed().as_secs_f64() * 1e3
    };
    let gazetteer = time(&mut || {
        std::hint::black_box(lede::analysis::entities::gazetteer::Gazetteer::shipped());
    });
    let ner = time(&mut || {
        std::hint::black_box(lede::analysis::entities::model::Model::shipped());
    });
    let captions = time(&mut || {
        std::hint::black_box(lede::analysis::captions::model::Model::shipped());
    });
    let rankers = time(&mut || {
        std::hint::black_box(lede::analysis::quotes::SpeechModel::shipped());
        std::hint::black_box(lede::analysis::quotes::speaker_ranker());
        std::hint::black_box(lede::analysis::timeline::ranker::AnchorModel::shipped());
    });
    let options = Options::default();
    let first = time(&mut || drop(std::hint::black_box(analyze(SAMPLE_ARTICLE, &options))));
    let second = time(&mut || drop(std::hint::black_box(analyze(SAMPLE_ARTICLE, &options))));
    println!(
        "cold start: gazetteer {gazetteer:.1} ms, NER model {ner:.1} ms, caption model \
         {captions:.1} ms, speech, speaker and anchoring rankers {rankers:.1} ms; then the \
         sample's first analyze {first:.1} ms, second {second:.1} ms"
    );
}

fn main() {
    // The machine may be shared: say how busy it was.
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines().find_map(|l| {
                l.strip_prefix("model name")
                    .map(|m| m.trim_start_matches([' ', '\t', ':']).to_string())
            })
        })
        .unwrap_or_default();
    println!(
        "{} cores, {cpu}; load average {}\n",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        load.split(' ').take(3).collect::<Vec<_>>().join(" ")
    );
    // `cargo bench --bench analyze -- sample` measures only the inputs named (by the first word
    // of their name: sample, 1, 10), and skips the tagger alone unless `tagger` is named too.
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let wanted = |name: &str| {
        only.is_empty()
            || only
                .iter()
                .any(|o| name.split(' ').next() == Some(o.as_str()))
    };
    bench_cold_start();
    if wanted("tagger") {
        bench_tagger();
    }
    let options = Options::default();
    let cases: Vec<(&str, String)> = [("sample", 0), ("1 MB", 1 << 20), ("10 MB", 10 << 20)]
        .into_iter()
        .filter(|(name, _)| wanted(name))
        .map(|(name, bytes)| {
            let text = if bytes == 0 {
                SAMPLE_ARTICLE.to_string()
            } else {
                text_of_size(bytes)
            };
            (name, text)
        })
        .collect();
    println!(
        "{:<7} {:>10} {:>9} {:<9} {:>10} {:>9} {:>11} {:>9}",
        "input", "bytes", "tokens", "step", "best ms", "MB/s", "tokens/s", "peak MB"
    );
    let mut results = Vec::new();
    for (name, text) in &cases {
        let tokens = segment(text).tokens.len();
        let rows = measure(text, &options);
        for row in &rows {
            let secs = row.best.as_secs_f64();
            println!(
                "{:<7} {:>10} {:>9} {:<9} {:>10.2} {:>9.1} {:>11.0} {:>9.1}",
                name,
                text.len(),
                tokens,
                row.step,
                secs * 1e3,
                mb_per_s(text.len(), row.best),
                tokens as f64 / secs,
                row.peak_bytes as f64 / 1e6
            );
        }
        println!();
        results.push((text.len(), rows));
    }

    // Linearity: per-MB throughput on 10 MB against 1 MB, for the pipeline and every stage.
    // (Peak memory is the heap above what was live when the step began: the input text and the
    // earlier stages' output are not counted again.)
    let [.., (small_len, small), (large_len, large)] = &results[..] else {
        return;
    };
    if *small_len < 1 << 20 {
        return;
    }
    // The acceptance is on the whole pipeline; a stage's own ratio is shown to find the culprit.
    println!("linearity: 1 MB throughput / 10 MB throughput (acceptance: analyze <= 1.5)");
    for (s, l) in small.iter().zip(large) {
        let ratio = mb_per_s(*small_len, s.best) / mb_per_s(*large_len, l.best);
        let verdict = match (ratio <= 1.5, s.step == "analyze") {
            (true, true) => "ok",
            (false, true) => "NOT LINEAR",
            (true, false) => "",
            (false, false) => "(over 1.5x)",
        };
        println!(
            "  {:<9} {:>8.1} MB/s vs {:>8.1} MB/s: {:.2}x {verdict}",
            s.step,
            mb_per_s(*small_len, s.best),
            mb_per_s(*large_len, l.best),
            ratio
        );
    }
}
