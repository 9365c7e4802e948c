//! Fuzzing at scale with proptest's runner (cargo-fuzz needs a nightly toolchain; this needs
//! nothing new). Each target feeds random input to one entry point that takes text or a link from
//! outside, and checks it never panics and its output holds:
//!
//! - `analyze`: every span in bounds and on character boundaries, paragraphs and articles tile
//!   the text, the reading model joins back, and every export passes its check (HTML holds only its
//!   own markup, CSV cells are neutralised, Markdown escapes `<`, TimelineJS strings hold no markup);
//! - `share::decode`: any string, and real links damaged (cut, bytes flipped), give a link or an
//!   error, never a panic;
//! - `Library::from_json`: any stored value gives a library or an error.
//!
//! `cargo test` runs a few cases of each (`LEDE_FUZZ_CASES`, default 32). `scripts/fuzz` runs them
//! in release mode for a while: `LEDE_FUZZ_SECONDS=600 scripts/fuzz`. Each target prints how many
//! inputs it tried. A failure prints the shrunk input.

mod support;

use std::time::{Duration, Instant};

use lede::corrections::{self, Change, Correction, Scope, Target};
use lede::library::Library;
use lede::share::{self, Settings, Shared};
use lede::{analyze, Options};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use support::{check_exports, check_reading, check_spans, hostile_text, newsy_text};

/// How long to fuzz: `LEDE_FUZZ_SECONDS` (a time budget per target) wins over `LEDE_FUZZ_CASES`.
enum Budget {
    Cases(u32),
    Time(Duration),
}

fn budget() -> Budget {
    let var = |name: &str| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
    };
    match (var("LEDE_FUZZ_SECONDS"), var("LEDE_FUZZ_CASES")) {
        (Some(s), _) if s > 0 => Budget::Time(Duration::from_secs(s)),
        (_, Some(n)) => Budget::Cases(n.clamp(1, u64::from(u32::MAX)) as u32),
        _ => Budget::Cases(32),
    }
}

/// Runs `check` on inputs from `strategy` until the budget is spent, in batches of fresh random
/// seeds, and prints the count. Panics with the shrunk failing input on the first failure.
fn fuzz<S: Strategy>(name: &str, strategy: S, check: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let started = Instant::now();
    let mut tried: u64 = 0;
    loop {
        let batch = match budget() {
            Budget::Cases(n) => (u64::from(n) - tried).min(256) as u32,
            Budget::Time(limit) if started.elapsed() < limit => 256,
            Budget::Time(_) => 0,
        };
        if batch == 0 {
            break;
        }
        let config = Config {
            cases: batch,
            failure_persistence: None,
            ..Config::default()
        };
        let mut runner = TestRunner::new(config);
        if let Err(e) = runner.run(&strategy, &check) {
            panic!("fuzz {name}: {e}");
        }
        tried += u64::from(batch);
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "fuzz {name}: {tried} inputs in {secs:.1} s ({:.0}/s)",
        tried as f64 / secs.max(1e-9)
    );
}

/// Text of every kind: any Unicode, news-like, and hostile.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), newsy_text(), hostile_text()]
}

#[test]
fn fuzz_analyze_and_exports() {
    fuzz("analyze+exports", any_text(), |text| {
        let a = analyze(&text, &Options::default());
        check_spans(&text, &a);
        check_reading(&text, &a);
        check_exports(&text, &a);
        Ok(())
    });
}

/// Real links, then damaged: cut at any point, a byte flipped, or characters appended.
fn damaged_link() -> impl Strategy<Value = String> {
    (
        newsy_text(),
        any::<bool>(),
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        "[A-Za-z0-9_\\-]{0,3}",
    )
        .prop_map(|(text, raw_view, cut, flip, tail)| {
            let shared = Shared {
                text,
                settings: Settings {
                    raw_view,
                    ..Settings::default()
                },
                corrections: Vec::new(),
            };
            let link = share::encode_unlimited(&shared).expect("short texts encode");
            let mut bytes = link.into_bytes();
            let i = 4 + flip.index(bytes.len() - 4);
            // Swap for another base64url character, so the damage reaches DEFLATE or JSON.
            bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
            let end = 4 + cut.index(bytes.len() - 3);
            bytes.truncate(end);
            String::from_utf8(bytes).expect("base64url is ASCII") + &tail
        })
}

#[test]
fn fuzz_share_decode() {
    let fragments = prop_oneof![
        any::<String>(),
        "#?v[0-9]{1,3}\\.[A-Za-z0-9_\\-]{0,400}",
        damaged_link(),
    ];
    fuzz("share::decode", fragments, |fragment| {
        if let Ok(shared) = share::decode(&fragment) {
            prop_assert!(shared.text.len() <= share::MAX_TEXT);
        }
        Ok(())
    });
}

#[test]
fn fuzz_library_from_json() {
    let good = {
        let mut library = Library::new();
        library.add(
            "Putin met Witkoff.".into(),
            Vec::new(),
            "Title",
            "2025-03-14",
        );
        library.to_json()
    };
    let stored = prop_oneof![
        any::<String>(),
        (any::<prop::sample::Index>(), any::<String>()).prop_map(move |(at, junk)| {
            // A valid value with junk spliced in at a character boundary.
            let mut s = good.clone();
            let mut i = at.index(s.len() + 1);
            while !s.is_char_boundary(i) {
                i -= 1;
            }
            s.insert_str(i, &junk);
            s
        }),
    ];
    fuzz("Library::from_json", stored, |stored| {
        if let Ok(library) = Library::from_json(&stored) {
            prop_assert_eq!(library.version, lede::library::LIBRARY_VERSION);
        }
        Ok(())
    });
}

/// One random correction, before it meets a text: which kind, which mark or span it aims at,
/// and the values it sets (real ones, or hostile strings).
#[derive(Debug, Clone)]
struct RawCorrection {
    kind: u8,
    real_target: bool,
    at: prop::sample::Index,
    len: prop::sample::Index,
    other: prop::sample::Index,
    value: String,
    scope: u8,
}

fn raw_correction() -> impl Strategy<Value = RawCorrection> {
    let value = prop_oneof![
        prop::sample::select(vec![
            "PER",
            "ORG",
            "LOC",
            "MISC",
            "CARDINAL",
            "2025-03-14",
            "2025-W12",
            "2025",
            "PAST_REF",
            "P3Y",
            "2025-02-30",
            "Donald Trump",
        ])
        .prop_map(str::to_string),
        hostile_text(),
        any::<String>(),
    ];
    (
        0u8..14,
        any::<bool>(),
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        value,
        0u8..3,
    )
        .prop_map(
            |(kind, real_target, at, len, other, value, scope)| RawCorrection {
                kind,
                real_target,
                at,
                len,
                other,
                value,
                scope,
            },
        )
}

/// A target on `text`: a real mark of the analysis, or any span (with its text, or other text).
fn target_of(
    text: &str,
    a: &lede::Analysis,
    raw: &RawCorrection,
    pick: &prop::sample::Index,
) -> Target {
    let chars: Vec<char> = text.chars().collect();
    let marks: Vec<(usize, usize)> = a
        .entities
        .iter()
        .map(|e| (e.start, e.end))
        .chain(a.quotes.iter().map(|q| (q.start, q.end)))
        .chain(a.timexes.iter().map(|t| (t.start, t.end)))
        .collect();
    let (start, end) = if raw.real_target && !marks.is_empty() {
        marks[pick.index(marks.len())]
    } else {
        let start = pick.index(chars.len() + 1);
        (start, (start + raw.len.index(12)).min(chars.len() + 3))
    };
    let text = if end <= chars.len() && start <= end {
        chars[start..end].iter().collect()
    } else {
        raw.value.clone()
    };
    Target { start, end, text }
}

#[test]
fn fuzz_corrections() {
    let input = (newsy_text(), prop::collection::vec(raw_correction(), 0..8));
    fuzz("corrections::apply", input, |(text, raws)| {
        let a = analyze(&text, &Options::default());
        let list: Vec<Correction> = raws
            .iter()
            .map(|raw| {
                let target = target_of(&text, &a, raw, &raw.at);
                let other = target_of(&text, &a, raw, &raw.other);
                let value = raw.value.clone();
                let change = match raw.kind {
                    0 => Change::Label(value),
                    1 => Change::NotAName,
                    2 => Change::AddName(value),
                    3 => Change::Resize(other.start, other.end),
                    4 => Change::Merge(other),
                    5 => Change::Split,
                    6 => Change::Rename(value),
                    7 => Change::Role(Some(value)),
                    8 => Change::Speaker(other),
                    9 => Change::NotAQuote,
                    10 => Change::AddQuote,
                    11 => Change::Date(value),
                    12 => Change::NotADate,
                    _ => Change::DropEvent,
                };
                let scope = [Scope::One, Scope::SameText, Scope::Cluster][raw.scope as usize];
                Correction {
                    target,
                    change,
                    scope,
                }
            })
            .collect();
        // Through a share link and back, as corrections arrive from outside.
        let shared = Shared {
            text: text.clone(),
            settings: Settings::default(),
            corrections: list,
        };
        let link = share::encode_unlimited(&shared).expect("short texts encode");
        let back = share::decode(&link).expect("a link made here opens");
        prop_assert_eq!(&back, &shared);
        let (corrected, outcomes) = corrections::apply(&text, &a, &back.corrections);
        prop_assert_eq!(outcomes.len(), back.corrections.len());
        check_spans(&text, &corrected);
        check_reading(&text, &corrected);
        check_exports(&text, &corrected);
        Ok(())
    });
}
