//! The analysis core: plain Rust, no web dependencies.
//!
//! `analyze` runs the stages in order. Each stage reads the `Doc` (byte spans) and what earlier
//! stages produced, and adds its own part; nothing reaches back. The result is converted once, at
//! the end, to the code-point offsets of the JSON contract.
//!
//! Some functions here are `#[inline(never)]`: the stages' entry points, the entity rules, and the
//! larger steps that each is called from one place. The compilers would fold every function called
//! from one place into its caller, however large, and the browser pays for large functions twice:
//! V8 runs a new page's code in its baseline tier and recompiles each hot function with its
//! optimising compiler (TurboFan) on background threads, at a cost that grows faster than the
//! function's size, while the reader's first analyses wait on 2 cores beside it. Kept apart, the
//! worker's largest function went from 47 KB to 19 KB, TurboFan's work for the sample from about
//! 2.0 s of CPU to 1.5 s, and its first twelve analyses from 717 ms to 586 ms (medians of 8 loads
//! in Node); the optimised code also runs 5-11% faster. (index.html's `wasm-opt` takes the same
//! line: it folds a function called once only if it is under 200 bytes.)

pub mod captions;
pub mod case;
pub mod date;
pub mod entities;
pub mod feature_weights;
pub mod model;
pub mod model_bytes;
pub mod offsets;
pub mod packed_weights;
pub mod quotes;
pub mod segment;
pub mod span;
pub mod syntax;
pub mod time;
pub mod timeline;

pub use captions::Hint;
pub use date::Date;
pub use model::*;

use crate::lexicon::LexiconName;
use offsets::CharIndex;
use segment::Doc;

/// The stages this build runs, in order. The UI shows a panel only for a stage that exists, so
/// an empty list in the JSON never poses as a result.
pub const STAGES: &[&str] = &["segment", "captions", "entities", "quotes", "time"];

/// What the caller may fix about an analysis. Serialisable, because the browser app sends it to
/// its analysis worker.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Options {
    /// The reference date (document creation time) of every article. `None` leaves it to inference.
    pub reference_date: Option<Date>,
    /// Today's date, the last resort when an article prints no date. Kept an input so the core
    /// stays pure; the CLI and the app pass the system date.
    pub today: Option<Date>,
    /// Paragraph role hints by byte span of the text, from the structure of an imported page
    /// (`crate::import`): a hint overrides the classifier's role for every paragraph it covers.
    /// Empty for plain text.
    pub hints: Vec<Hint>,
    /// The reader's personal lexicon (`crate::lexicon`): names the entity tagger reads as
    /// gazetteer entries of the reader's own (`entities::overlay`). Left out of the JSON when
    /// empty, so options saved before it existed read and write as they did.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lexicon: Vec<LexiconName>,
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

/// Everything the stages found, in byte offsets, before the conversion to the contract.
struct Stages {
    captions: captions::Captions,
    entities: entities::Entities,
    time: time::TimeOutput,
    events: Vec<timeline::EventSeg>,
    quotes: quotes::QuoteFindings,
}

/// Analyses `text`: the one entry point that the CLI, the benchmarks and the browser share.
pub fn analyze(text: &str, options: &Options) -> Analysis {
    analyze_observed(text, options, &mut |_| {})
}

/// The names `analyze_observed` reports, in order: one per stage, then the conversion to the
/// contract.
pub const PROFILED_STAGES: &[&str] = &[
    "segment", "captions", "entities", "time", "timeline", "quotes", "contract",
];

/// `analyze`, calling `stage_done(name)` as each of `PROFILED_STAGES` finishes.
///
/// This is how the benchmarks time and weigh each stage: the caller reads its own clock (and
/// allocator) at each call, so the core keeps no clock of its own and stays the same on wasm32,
/// where `std::time::Instant` does not exist. `analyze` is this with a callback that does
/// nothing, so the profiled pipeline cannot drift from the real one.
pub fn analyze_observed(
    text: &str,
    options: &Options,
    stage_done: &mut dyn FnMut(&'static str),
) -> Analysis {
    let doc = segment::segment(text);
    stage_done("segment");
    // Roles come first: later stages read them. Captions create no events and no quotes, and
    // their entity mentions count apart, but they may still date the article.
    let captions = captions::analyze_captions_hinted(text, &doc, &options.hints);
    stage_done("captions");
    let roles = &captions.roles;
    // The reader's names, as a small gazetteer of their own; none at all without a lexicon.
    let lexicon = entities::overlay::Overlay::shared(&options.lexicon);
    let mut entities = entities::find(text, &doc, roles, lexicon.as_deref());
    drop(lexicon);
    stage_done("entities");
    let time = time::analyse(text, &doc, roles, options.reference_date, options.today);
    let dates: Vec<span::Span> = time.timexes.iter().map(|t| t.span).collect();
    entities.drop_numbers_in(&dates);
    stage_done("time");
    // Timeline participants and quote speakers are the named entities' clusters.
    let named: Vec<timeline::Named> = entities
        .mentions
        .iter()
        .filter_map(|m| {
            m.cluster.map(|cluster| timeline::Named {
                span: m.span,
                cluster,
                label: m.label,
            })
        })
        .collect();
    let events = timeline::build(text, &doc, &time.timexes, roles, &named);
    stage_done("timeline");
    let mentions: Vec<quotes::EntityMention> = entities
        .mentions
        .iter()
        .map(|m| quotes::EntityMention {
            span: m.span,
            kind: quotes::MentionKind::from_label(m.label),
            cluster: m.cluster,
        })
        .collect();
    let quotes = quotes::find_quotes(text, &doc, roles, &mentions);
    stage_done("quotes");
    let stages = Stages {
        captions,
        entities,
        time,
        events,
        quotes,
    };
    let analysis = to_contract(text, &doc, stages);
    // Freeing the stages' working data is part of the last step's cost.
    drop(doc);
    stage_done("contract");
    analysis
}

/// Builds the JSON-contract value from the stages' byte-offset output.
#[inline(never)]
fn to_contract(text: &str, doc: &Doc, stages: Stages) -> Analysis {
    let Stages {
        captions,
        entities,
        time,
        events,
        quotes,
    } = stages;
    let index = CharIndex::new(text);
    let ch = |b: usize| index.char_of(b);
    let first = time.references.first();
    let reference_date = first.and_then(|r| r.date).map(|d| d.to_string());
    let reference_date_source = first.map_or("none", |r| r.source);
    let (quotes, quoted_phrases) = quotes::to_contract(text, &quotes, ch);
    let roles = &captions.roles;
    let body_counts = entities.body_counts(roles);
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
            .enumerate()
            .map(|(i, p)| Paragraph {
                start: ch(p.span.start),
                end: ch(p.span.end),
                article: p.article,
                role: captions.roles.get(i).copied().unwrap_or_default(),
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
                source: None,
            })
            .collect(),
        events: events
            .into_iter()
            .map(|e| Event {
                label: e.label.text(),
                label_parts: e
                    .label
                    .parts
                    .iter()
                    .map(|p| LabelPart {
                        text: p.text.clone(),
                        filled: p.filled.is_some(),
                        cluster: p.filled.and_then(|f| f.cluster),
                    })
                    .collect(),
                label_kind: e.label.kind.as_str().to_string(),
                cut: e.label.cut,
                date: e.date,
                modifier: e.modifier.map(str::to_string),
                sentence: e.sentence,
                timex: e.timex,
                until_timex: e.until,
                article: e.article,
                participants: e.participants,
                predicate: e.predicate.map(|s| TextSpan {
                    start: ch(s.start),
                    end: ch(s.end),
                }),
                start: e.extent.map(|x| timeline::Extent::iso(x.start)),
                end: e.extent.map(|x| timeline::Extent::iso(x.end)),
                shape: e.shape.as_str().to_string(),
                restated_in: e.restated_in,
                source: None,
            })
            .collect(),
        quotes,
        quoted_phrases,
        caption_groups: captions
            .groups
            .iter()
            .enumerate()
            .map(|(id, g)| CaptionGroup {
                id,
                members: g.members.clone(),
                representative: g.representative,
                variant_count: g.variants.len(),
                variants: g
                    .variants
                    .iter()
                    .map(|v| CaptionVariant {
                        members: v.members.clone(),
                        changed: v
                            .changed
                            .iter()
                            .map(|s| TextSpan {
                                start: ch(s.start),
                                end: ch(s.end),
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
        entities: entities
            .mentions
            .iter()
            .map(|m| Entity {
                start: ch(m.span.start),
                end: ch(m.span.end),
                text: m.span.of(text).to_string(),
                label: m.label.to_string(),
                cluster: m.cluster,
                sentence: m.sentence,
                paragraph: m.paragraph,
                role: m.role.map(|r| r.of(text).to_string()),
                in_caption: roles.get(m.paragraph).is_some_and(|r| *r != Role::Body),
                source: m.from_lexicon.then(|| "lexicon".to_string()),
            })
            .collect(),
        clusters: entities
            .clusters
            .iter()
            .zip(&body_counts)
            .enumerate()
            .map(|(id, (c, &body_count))| Cluster {
                id,
                name: c.name.clone(),
                label: c.label.clone(),
                mentions: c.mentions.clone(),
                role: c.role.clone(),
                count: c.mentions.len(),
                body_count,
                source: None,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn observed_analysis_reports_every_stage_in_order_and_equals_analyze() {
        let options = Options::default();
        let mut seen = Vec::new();
        let observed = analyze_observed(crate::SAMPLE_ARTICLE, &options, &mut |s| seen.push(s));
        assert_eq!(seen, PROFILED_STAGES);
        assert_eq!(observed, analyze(crate::SAMPLE_ARTICLE, &options));
    }
}
