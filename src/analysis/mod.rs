//! The analysis core: plain Rust, no web dependencies.
//!
//! `analyze` runs the stages in order. Each stage reads the `Doc` (byte spans) and what earlier
//! stages produced, and adds its own part; nothing reaches back. The result is converted once, at
//! the end, to the code-point offsets of the JSON contract.

pub mod date;
pub mod model;
pub mod offsets;
pub mod quotes;
pub mod segment;
pub mod span;
pub mod time;
pub mod timeline;

pub use date::Date;
pub use model::*;

use offsets::CharIndex;
use segment::Doc;

/// The stages this build runs, in order. The UI shows a panel only for a stage that exists, so
/// an empty list in the JSON never poses as a result.
pub const STAGES: &[&str] = &["segment", "quotes", "time"];

/// What the caller may fix about an analysis.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// The reference date (document creation time) of every article. `None` leaves it to inference.
    pub reference_date: Option<Date>,
    /// Today's date, the last resort when an article prints no date. Kept an input so the core
    /// stays pure; the CLI and the app pass the system date.
    pub today: Option<Date>,
}

impl Options {
    /// These options with the reference date fixed.
    pub fn with_reference_date(mut self, date: Date) -> Options {
        self.reference_date = Some(date);
        self
    }
}

/// Analyses `text` with default options.
pub fn analyze_text(text: &str) -> Analysis {
    analyze(text, &Options::default())
}

/// Analyses `text`: the one entry point that the CLI, the benchmarks and the browser share.
pub fn analyze(text: &str, options: &Options) -> Analysis {
    let doc = segment::segment(text);
    to_contract(text, &doc, options)
}

/// Builds the JSON-contract value from the stages' byte-offset output.
fn to_contract(text: &str, doc: &Doc, options: &Options) -> Analysis {
    let index = CharIndex::new(text);
    let ch = |b: usize| index.char_of(b);
    let roles: Vec<Role> = vec![Role::Body; doc.paragraphs.len()];
    let time = time::analyse(text, doc, &roles, options.reference_date, options.today);
    // Until the captions stage marks roles, a paragraph that looks like a photo caption places no
    // event on the timeline.
    let timeline_roles: Vec<Role> = doc
        .paragraphs
        .iter()
        .zip(&roles)
        .map(|(p, &r)| {
            if r == Role::Body && time::reference::looks_like_caption(p.span.of(text)) {
                Role::Caption
            } else {
                r
            }
        })
        .collect();
    let events = timeline::build(text, doc, &time.timexes, &timeline_roles, &[]);
    let first = time.references.first();
    let reference_date = first.and_then(|r| r.date).map(|d| d.to_string());
    let reference_date_source = first.map_or("none", |r| r.source);
    // Quotes: no entity mentions or caption roles yet; `quotes::find_quotes` takes both.
    let found_quotes = quotes::find_quotes_in(text, doc);
    let (quotes, quoted_phrases) = quotes::to_contract(text, &found_quotes, ch);
    Analysis {
        version: CONTRACT_VERSION.to_string(),
        text_length: index.char_len(),
        reference_date: reference_date.clone(),
        reference_date_source: reference_date_source.to_string(),
        articles: doc
            .articles
            .iter()
            .zip(&time.references)
            .map(|(a, r)| Article {
                start: ch(a.span.start),
                end: ch(a.span.end),
                dateline: a.dateline.as_ref().map(|d| Dateline {
                    start: ch(d.span.start),
                    end: ch(d.span.end),
                    place: d.place.of(text).to_string(),
                }),
                reference_date: r.date.map(|d| d.to_string()),
                reference_date_source: r.source.to_string(),
                reference_date_explanation: r.why.clone(),
            })
            .collect(),
        paragraphs: doc
            .paragraphs
            .iter()
            .map(|p| Paragraph {
                start: ch(p.span.start),
                end: ch(p.span.end),
                article: p.article,
                role: Role::Body,
            })
            .collect(),
        sentences: doc
            .sentences
            .iter()
            .map(|s| Sentence {
                start: ch(s.span.start),
                end: ch(s.span.end),
                paragraph: s.paragraph,
            })
            .collect(),
        timexes: time
            .timexes
            .iter()
            .map(|t| Timex {
                start: ch(t.span.start),
                end: ch(t.span.end),
                kind: t.kind.as_str().to_string(),
                value: t.value.clone(),
                modifier: t.modifier.map(str::to_string),
                sentence: t.sentence,
                explanation: t.explanation.clone(),
            })
            .collect(),
        events: events
            .into_iter()
            .map(|e| Event {
                date: e.date,
                sentence: e.sentence,
                timex: e.timex,
                participants: e.participants,
                label: e.label,
                restated_in: e.restated_in,
            })
            .collect(),
        quotes,
        quoted_phrases,
        ..Analysis::default()
    }
}
