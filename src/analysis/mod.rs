//! The analysis core: plain Rust, no web dependencies.
//!
//! `analyze` runs the stages in order. Each stage reads the `Doc` (byte spans) and what earlier
//! stages produced, and adds its own part; nothing reaches back. The result is converted once, at
//! the end, to the code-point offsets of the JSON contract.

pub mod date;
pub mod model;
pub mod offsets;
pub mod segment;
pub mod span;

pub use date::Date;
pub use model::*;

use offsets::CharIndex;
use segment::Doc;

/// The stages this build runs, in order. The UI shows a panel only for a stage that exists, so
/// an empty list in the JSON never poses as a result.
pub const STAGES: &[&str] = &["segment"];

/// What the caller may fix about an analysis.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// The reference date (document creation time) of every article. `None` leaves it to inference.
    pub reference_date: Option<Date>,
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
    let reference_date = options.reference_date.map(|d| d.to_string());
    let reference_date_source = if reference_date.is_some() {
        "given"
    } else {
        "none"
    };
    Analysis {
        version: CONTRACT_VERSION.to_string(),
        text_length: index.char_len(),
        reference_date: reference_date.clone(),
        reference_date_source: reference_date_source.to_string(),
        articles: doc
            .articles
            .iter()
            .map(|a| Article {
                start: ch(a.span.start),
                end: ch(a.span.end),
                dateline: a.dateline.as_ref().map(|d| Dateline {
                    start: ch(d.span.start),
                    end: ch(d.span.end),
                    place: d.place.of(text).to_string(),
                }),
                reference_date: reference_date.clone(),
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
        ..Analysis::default()
    }
}
