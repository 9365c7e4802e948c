//! The analysis in parts, as the worker hands it to the page.
//!
//! One JSON string for a long text's whole analysis takes the page's main thread hundreds of
//! milliseconds to read back (1 MB of news gives about 10 MB of JSON), and the page cannot answer
//! the reader meanwhile. So the worker sends a head (the analysis with its lists emptied) and
//! each list in parts of about [`PART_BYTES`] of JSON; the page reads a few parts per task, and
//! never holds the main thread for long.
//!
//! ```text
//! {"version":"2",…,"entities":[],…}          the head
//! {"entities":[{…},{…},…]}                     items 0..k, about PART_BYTES of JSON
//! {"entities":[{…},…]}                         items k..
//! {"quotes":[…]}
//! ```
//! The parts lie end to end in one byte buffer ([`Parts`]), which the worker *transfers* to the
//! page: the page receives it without a copy, where an array of strings (10 MB for 1 MB of news)
//! took the page's main thread ~70 ms just to receive, in one task, before any part was read.
//!
//! Parts of one list arrive in order; [`Assembler`] appends each to its list, so the result is the
//! very analysis the worker had (`split_then_assemble_is_identity` below). A part is read as
//! [`Lists`], whose fields are `Analysis`'s own lists: reading one back reuses the code that reads
//! a whole analysis, and costs the page's wasm almost nothing in size.

use serde::{Deserialize, Serialize};

use crate::analysis::{
    Analysis, Article, CaptionGroup, Cluster, Entity, Event, Paragraph, Quote, QuotedPhrase,
    Sentence, Timex,
};

/// The analysis worker's own first analysis, before any request: a short story with what every
/// stage finds (a dateline, names, a quote and its speaker, dates, events), so that all of their
/// code and models are ready, in the worker and in the page, which reads its reply back once and
/// drops it (`crate::worker::run`, `crate::app::engine`).
pub const WARM_UP_TEXT: &str = "LONDON (Reuters) - \"Lede warms up,\" Ada Lovelace told the \
Royal Society on Monday, March 3, 2025.\n\nThe society will meet again two weeks later, she \
said.\n";

/// About how many bytes of JSON one part holds: small enough that reading one back is a few
/// milliseconds on a slow phone, large enough that the sample's analysis is a handful of parts.
pub const PART_BYTES: usize = 64 * 1024;

/// One part of a list: `Analysis`'s lists, by the same names, each absent unless it is the part's.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Lists {
    articles: Vec<Article>,
    paragraphs: Vec<Paragraph>,
    sentences: Vec<Sentence>,
    entities: Vec<Entity>,
    clusters: Vec<Cluster>,
    quotes: Vec<Quote>,
    quoted_phrases: Vec<QuotedPhrase>,
    caption_groups: Vec<CaptionGroup>,
    timexes: Vec<Timex>,
    events: Vec<Event>,
}

/// The parts of one analysis, end to end in one buffer of UTF-8 JSON.
#[derive(Debug, Default, PartialEq)]
pub struct Parts {
    /// Every part's JSON, one after the other.
    pub bytes: Vec<u8>,
    /// Where each part ends in `bytes` (the first starts at 0).
    pub ends: Vec<usize>,
}

impl Parts {
    /// The parts, in order.
    pub fn iter(&self) -> impl Iterator<Item = &[u8]> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(self.ends.iter())
            .map(|(a, &b)| &self.bytes[a..b])
    }

    /// How many parts there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there is no part at all (never so for a split analysis: it has a head).
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Closes the part written since the last end.
    fn close(&mut self) {
        self.ends.push(self.bytes.len());
    }

    /// Bytes written since the last part ended.
    fn open_len(&self) -> usize {
        self.bytes.len() - self.ends.last().copied().unwrap_or(0)
    }
}

/// Splits `analysis` into its head and the parts of its lists, each about `part_bytes` of JSON
/// (a single item larger than that is a part of its own). A list added to `Analysis` and not
/// taken out here simply travels in the head.
pub fn split(mut analysis: Analysis, part_bytes: usize) -> serde_json::Result<Parts> {
    let mut parts = Parts::default();
    // Taken out before the head is written, so the head carries empty lists.
    let articles = std::mem::take(&mut analysis.articles);
    let paragraphs = std::mem::take(&mut analysis.paragraphs);
    let sentences = std::mem::take(&mut analysis.sentences);
    let entities = std::mem::take(&mut analysis.entities);
    let clusters = std::mem::take(&mut analysis.clusters);
    let quotes = std::mem::take(&mut analysis.quotes);
    let quoted_phrases = std::mem::take(&mut analysis.quoted_phrases);
    let caption_groups = std::mem::take(&mut analysis.caption_groups);
    let timexes = std::mem::take(&mut analysis.timexes);
    let events = std::mem::take(&mut analysis.events);
    serde_json::to_writer(&mut parts.bytes, &analysis)?;
    parts.close();
    push_list(&mut parts, "articles", &articles, part_bytes)?;
    push_list(&mut parts, "paragraphs", &paragraphs, part_bytes)?;
    push_list(&mut parts, "sentences", &sentences, part_bytes)?;
    push_list(&mut parts, "entities", &entities, part_bytes)?;
    push_list(&mut parts, "clusters", &clusters, part_bytes)?;
    push_list(&mut parts, "quotes", &quotes, part_bytes)?;
    push_list(&mut parts, "quoted_phrases", &quoted_phrases, part_bytes)?;
    push_list(&mut parts, "caption_groups", &caption_groups, part_bytes)?;
    push_list(&mut parts, "timexes", &timexes, part_bytes)?;
    push_list(&mut parts, "events", &events, part_bytes)?;
    Ok(parts)
}

/// Appends `items` as parts `{"field":[…]}` of about `part_bytes` each; an empty list sends
/// nothing.
fn push_list<T: Serialize>(
    parts: &mut Parts,
    field: &str,
    items: &[T],
    part_bytes: usize,
) -> serde_json::Result<()> {
    let mut open = false;
    for item in items {
        if open {
            parts.bytes.push(b',');
        } else {
            parts
                .bytes
                .extend_from_slice(format!("{{\"{field}\":[").as_bytes());
            open = true;
        }
        serde_json::to_writer(&mut parts.bytes, item)?;
        if parts.open_len() >= part_bytes {
            parts.bytes.extend_from_slice(b"]}");
            parts.close();
            open = false;
        }
    }
    if open {
        parts.bytes.extend_from_slice(b"]}");
        parts.close();
    }
    Ok(())
}

/// Builds the analysis back from its parts, one at a time, in the order `split` made them.
#[derive(Debug)]
pub struct Assembler {
    analysis: Analysis,
}

impl Assembler {
    /// Starts from the head part's JSON.
    pub fn new(head: &str) -> Result<Assembler, String> {
        serde_json::from_str(head)
            .map(|analysis| Assembler { analysis })
            .map_err(|e| format!("the analysis could not be read back: {e}"))
    }

    /// Appends one part's items to the list it names.
    pub fn add(&mut self, json: &str) -> Result<(), String> {
        let part: Lists = serde_json::from_str(json)
            .map_err(|e| format!("a part of the analysis could not be read back: {e}"))?;
        let a = &mut self.analysis;
        a.articles.extend(part.articles);
        a.paragraphs.extend(part.paragraphs);
        a.sentences.extend(part.sentences);
        a.entities.extend(part.entities);
        a.clusters.extend(part.clusters);
        a.quotes.extend(part.quotes);
        a.quoted_phrases.extend(part.quoted_phrases);
        a.caption_groups.extend(part.caption_groups);
        a.timexes.extend(part.timexes);
        a.events.extend(part.events);
        Ok(())
    }

    /// The analysis, once every part is in.
    pub fn finish(self) -> Analysis {
        self.analysis
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, Options};

    /// The warm-up text gives every list the page reads a reply's items into, so its code for
    /// each runs before the first real reply.
    #[test]
    fn the_warm_up_text_exercises_every_stage() {
        let analysis = analyze(WARM_UP_TEXT, &Options::default());
        let found = [
            ("articles", analysis.articles.len()),
            ("paragraphs", analysis.paragraphs.len()),
            ("sentences", analysis.sentences.len()),
            ("entities", analysis.entities.len()),
            ("clusters", analysis.clusters.len()),
            ("quotes", analysis.quotes.len()),
            ("timexes", analysis.timexes.len()),
            ("events", analysis.events.len()),
        ];
        for (list, n) in found {
            assert!(n > 0, "the warm-up finds no {list}");
        }
        assert!(analysis.articles[0].dateline.is_some(), "a dateline");
        assert!(analysis.quotes[0].speaker.is_some(), "a quote's speaker");
    }

    /// The parts as the strings the page reads.
    fn texts(parts: &Parts) -> Vec<&str> {
        parts
            .iter()
            .map(|p| std::str::from_utf8(p).expect("a part is UTF-8"))
            .collect()
    }

    fn assemble(parts: &Parts) -> Analysis {
        let texts = texts(parts);
        let (head, rest) = texts.split_first().expect("a head part");
        let mut assembler = Assembler::new(head).expect("the head reads back");
        for part in rest {
            assembler.add(part).expect("the part reads back");
        }
        assembler.finish()
    }

    #[test]
    fn split_then_assemble_is_identity() {
        let sample = analyze(crate::SAMPLE_ARTICLE, &Options::default());
        // (name, part size): one part per item, small parts, and everything in one part each.
        let cases = [
            ("one item per part", 1),
            ("small parts", 4096),
            ("default", PART_BYTES),
        ];
        for (name, bytes) in cases {
            let parts = split(sample.clone(), bytes).expect("the analysis serialises");
            assert_eq!(assemble(&parts), sample, "{name}");
        }
    }

    #[test]
    fn parts_stay_near_their_size_and_keep_order() {
        let sample = analyze(crate::SAMPLE_ARTICLE, &Options::default());
        let parts = split(sample.clone(), 4096).unwrap();
        let texts = texts(&parts);
        let entity_parts: Vec<&&str> = texts
            .iter()
            .filter(|p| p.starts_with("{\"entities\":["))
            .collect();
        assert!(
            entity_parts.len() > 1,
            "the sample's entities fill several 4 KB parts"
        );
        // A part closes as soon as it reaches the size: at most one item over it.
        let largest_entity = sample
            .entities
            .iter()
            .map(|e| serde_json::to_string(e).unwrap().len())
            .max()
            .unwrap();
        for part in &entity_parts {
            let overhead = "{\"entities\":[]}".len();
            assert!(
                part.len() <= 4096 + largest_entity + overhead,
                "{}",
                part.len()
            );
        }
        // The head carries no list items.
        let head: Analysis = serde_json::from_str(texts[0]).unwrap();
        assert!(head.entities.is_empty() && head.paragraphs.is_empty());
        assert_eq!(head.version, sample.version);
    }

    #[test]
    fn empty_analysis_is_a_head_alone() {
        let parts = split(Analysis::default(), PART_BYTES).unwrap();
        assert_eq!(parts.len(), 1);
        assert_eq!(assemble(&parts), Analysis::default());
    }

    #[test]
    fn parts_tile_the_buffer() {
        let sample = analyze(crate::SAMPLE_ARTICLE, &Options::default());
        let parts = split(sample, 4096).unwrap();
        assert_eq!(parts.ends.last(), Some(&parts.bytes.len()));
        assert!(
            parts.ends.windows(2).all(|w| w[0] < w[1]),
            "no part is empty"
        );
        let joined: Vec<u8> = parts.iter().flatten().copied().collect();
        assert_eq!(joined, parts.bytes);
        // Each part is a JSON object of its own.
        for text in texts(&parts) {
            assert!(text.starts_with('{') && text.ends_with('}'), "{text:.40}");
        }
    }

    #[test]
    fn bad_parts_are_errors_not_panics() {
        let mut assembler = Assembler::new(&serde_json::to_string(&Analysis::default()).unwrap())
            .expect("an empty head reads back");
        assert!(assembler.add("{\"entities\":[{").is_err());
        assert!(assembler.add("{\"entities\":7}").is_err());
        assert!(Assembler::new("not json").is_err());
    }
}
