//! Corrections to quotes: who said it, "not a quote", and a missed quote.

use super::{crosses_paragraphs, in_one_paragraph, no_mark, Outcome, Target, READER};
use crate::analysis::{Analysis, Quote, Speaker};

/// The quote exactly at the target's span.
fn at(out: &Analysis, t: &Target) -> Option<usize> {
    out.quotes
        .iter()
        .position(|q| q.start == t.start && q.end == t.end)
}

/// The quote's speaker is the words at `speaker`: a mention of a cluster (the reader chose the
/// cluster, or selected one of its mentions) or any words the reader selected.
pub fn set_speaker(out: &mut Analysis, t: &Target, speaker: &Target) -> Outcome {
    let Some(q) = at(out, t) else {
        return no_mark("quote", t);
    };
    let mention = out
        .entities
        .iter()
        .find(|e| e.start == speaker.start && e.end == speaker.end);
    let cluster = mention.and_then(|e| e.cluster);
    let kind = match mention.map(|e| e.label.as_str()) {
        Some("ORG") => "organisation",
        Some(_) => "name",
        None => "description",
    };
    let name = cluster
        .and_then(|c| out.clusters.get(c))
        .map_or_else(|| speaker.text.clone(), |c| c.name.clone());
    let quote = &mut out.quotes[q];
    quote.speaker = Some(Speaker {
        start: speaker.start,
        end: speaker.end,
        cluster,
        kind: kind.to_string(),
        name: Some(name),
    });
    quote.attribution = Some(READER.to_string());
    quote.source = Some(READER.to_string());
    Outcome::Applied { marks: 1 }
}

/// The quote is not a quote.
pub fn remove(out: &mut Analysis, t: &Target) -> Outcome {
    let Some(q) = at(out, t) else {
        return no_mark("quote", t);
    };
    out.quotes.remove(q);
    Outcome::Applied { marks: 1 }
}

/// A quote the analysis missed, with no speaker yet (a `Speaker` correction gives it one). Quotes
/// and quoted phrases it overlaps give way.
pub fn add(out: &mut Analysis, t: &Target) -> Outcome {
    if !in_one_paragraph(out, t.start, t.end) {
        return crosses_paragraphs();
    }
    let overlaps = |start: usize, end: usize| start < t.end && t.start < end;
    out.quotes.retain(|q| !overlaps(q.start, q.end));
    out.quoted_phrases.retain(|p| !overlaps(p.start, p.end));
    let paragraph = out
        .paragraphs
        .partition_point(|p| p.start <= t.start)
        .saturating_sub(1);
    let at = out.quotes.partition_point(|q| q.start < t.start);
    out.quotes.insert(
        at,
        Quote {
            start: t.start,
            end: t.end,
            speaker: None,
            paragraph,
            attribution: None,
            source: Some(READER.to_string()),
        },
    );
    Outcome::Applied { marks: 1 }
}
