//! The timeline: what happened when, one card per event, in calendar order.
//!
//! Each DATE or TIME expression of a body paragraph anchors an event: the clause whose predicate
//! it dates (`clause`), told in the article's own words with the date left out (`label`). Only
//! the sentences that carry a date are tagged, so the stage stays cheap on long texts. Durations,
//! sets and `now` place nothing; captions place nothing either (they restate the story's
//! pictures). `recently` and `earlier` make undated cards. Two dates joined by `from … to …` make
//! one range. An event stated again later (`the Feb. 28 meeting`) folds into its first card
//! (`merge`).

pub mod clause;
pub mod eventness;
mod extent;
pub mod label;
mod lexicon;
mod merge;
pub mod parse;
pub mod ranker;
#[cfg(test)]
mod tests;

pub use extent::{extent, interval, undated, Extent, Shape};
pub use label::{FilledName, Label, LabelKind, Part};

use crate::analysis::model::Role;
use crate::analysis::segment::Doc;
use crate::analysis::span::Span;
use crate::analysis::syntax::{self, Tag};
use crate::analysis::time::{Kind, TimexSeg};
use parse::Parse;

/// One timeline entry, before offsets are converted.
#[derive(Debug, Clone, PartialEq)]
pub struct EventSeg {
    /// The TIMEX3 value that dates it.
    pub date: String,
    /// The date's TimeML modifier (`END` for "late Thursday").
    pub modifier: Option<&'static str>,
    /// Index into `doc.sentences`.
    pub sentence: usize,
    /// Index into the time stage's timexes.
    pub timex: usize,
    /// For a range (`from March 3 to March 9`), the timex of its end.
    pub until: Option<usize>,
    /// Index into `doc.articles`.
    pub article: usize,
    /// Entity clusters taking part: the subject's and the objects'.
    pub participants: Vec<usize>,
    /// What happened.
    pub label: Label,
    /// The predicate the date anchors (a verb, or an event noun), when a clause was found.
    pub predicate: Option<Span>,
    /// Where it lies on the axis; `None` for an undated reference.
    pub extent: Option<Extent>,
    pub shape: Shape,
    /// Other sentences of the same article that state the same event.
    pub restated_in: Vec<usize>,
    /// Who the clause is about, for telling one event from another: the subject's entity
    /// cluster, else its words in lower case (empty when there is none).
    pub subject: String,
}

/// A named entity mention, as the timeline reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Named {
    pub span: Span,
    pub cluster: usize,
    /// `PER`, `ORG`, `LOC` or `MISC`.
    pub label: &'static str,
}

/// Whether two timexes of one sentence make a range: `from March 3 to March 9`, `between 2019 and
/// 2021`, `March 3 through March 9`, `2019-2021`.
fn joins_range(text: &str, first: &TimexSeg, second: &TimexSeg, before: &str) -> bool {
    if first.sentence != second.sentence || second.span.start < first.span.end {
        return false;
    }
    let between = text[first.span.end..second.span.start].trim();
    let before = before
        .trim_end()
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .to_lowercase();
    match between {
        "to" | "until" | "till" | "through" | "-" | "–" | "—" => true,
        "and" => before == "between",
        _ => false,
    }
}

/// The sentence's tokens as words and spans, and their tags (computed once per sentence).
struct Tagged {
    sentence: usize,
    spans: Vec<Span>,
    tags: Vec<Tag>,
}

/// Builds the timeline. `roles` has one entry per paragraph (missing ones are `Body`);
/// `entities` are the named mentions with a cluster, sorted by start.
#[inline(never)]
pub fn build(
    text: &str,
    doc: &Doc,
    timexes: &[TimexSeg],
    roles: &[Role],
    entities: &[Named],
) -> Vec<EventSeg> {
    let mut events: Vec<EventSeg> = Vec::new();
    let mut tagged: Option<Tagged> = None;
    let mut skip_next = false;
    for (k, t) in timexes.iter().enumerate() {
        if std::mem::take(&mut skip_next) {
            continue;
        }
        if !matches!(t.kind, Kind::Date | Kind::Time) {
            continue;
        }
        let Some(sentence) = doc.sentences.get(t.sentence) else {
            continue;
        };
        let paragraph = sentence.paragraph;
        if roles.get(paragraph).is_some_and(|r| *r != Role::Body) {
            continue;
        }
        let (mut extent, shape) = match extent(&t.value, t.modifier) {
            Some(e) => (Some(e), e.shape),
            None if undated(&t.value) => (None, Shape::Undated),
            None => continue,
        };
        // `from March 3 to March 9`: one event, a range.
        let mut until = None;
        if let (Some(e), Some(next)) = (extent.as_mut(), timexes.get(k + 1)) {
            let before = &text[sentence.span.start..t.span.start];
            let end = extent::extent(&next.value, next.modifier);
            if let Some(end) = end.filter(|_| joins_range(text, t, next, before)) {
                if end.end > e.start {
                    e.end = end.end;
                    e.shape = Shape::Range;
                    until = Some(k + 1);
                    skip_next = true;
                }
            }
        }
        let shape = extent.map_or(shape, |e| e.shape);
        if tagged.as_ref().is_none_or(|g| g.sentence != t.sentence) {
            let toks = &doc.tokens[sentence.tokens.clone()];
            let spans: Vec<Span> = toks.iter().map(|t| t.span).collect();
            let words: Vec<&str> = spans.iter().map(|s| s.of(text)).collect();
            tagged = Some(Tagged {
                sentence: t.sentence,
                tags: tag_through_quotes(&words),
                spans,
            });
        }
        let g = tagged.as_ref().expect("just tagged");
        let event_span = until.map_or(t.span, |u| Span::new(t.span.start, timexes[u].span.end));
        let described = describe(text, g, event_span, sentence.span, entities);
        events.push(EventSeg {
            date: t.value.clone(),
            modifier: t.modifier,
            sentence: t.sentence,
            timex: k,
            until,
            article: doc.paragraphs[paragraph].article,
            participants: described.participants,
            label: described.label,
            predicate: described.predicate,
            extent,
            shape,
            restated_in: Vec::new(),
            subject: described.subject,
        });
    }
    let mut events = merge::fold_restatements_in(text, events);
    // Calendar order; undated references last, in text order.
    events.sort_by_key(|e| {
        (
            e.extent.is_none(),
            e.extent.map_or((0, 0), |x| (x.start, x.end)),
            e.sentence,
        )
    });
    events
}

/// The predicate the date at `date` anchors in sentence `sentence` of `doc`, and whether it is a
/// noun: what `lede eval-anchoring` scores against TimeBank's links.
pub fn anchor_of(
    text: &str,
    doc: &Doc,
    sentence: usize,
    date: Span,
    model: Option<&ranker::AnchorModel>,
) -> Option<(Span, bool)> {
    let (p, spans) = parse_at(text, doc, sentence, date)?;
    ranker::choose(&p, model).map(|a| (spans[a.predicate], a.noun))
}

/// Sentence `sentence` of `doc` parsed around the date at `date`, with its tokens' spans.
pub fn parse_at<'a>(
    text: &'a str,
    doc: &Doc,
    sentence: usize,
    date: Span,
) -> Option<(Parse<'a>, Vec<Span>)> {
    let s = doc.sentences.get(sentence)?;
    let spans: Vec<Span> = doc.tokens[s.tokens.clone()]
        .iter()
        .map(|t| t.span)
        .collect();
    let words: Vec<&str> = spans.iter().map(|s| s.of(text)).collect();
    let tags = tag_through_quotes(&words);
    let first = spans.partition_point(|s| s.end <= date.start);
    let last = spans.partition_point(|s| s.start < date.end).max(first);
    Some((Parse::with_tags(words, tags, first..last), spans))
}

/// Tags a sentence with its quotation marks set aside, so that `will “sooner or later” have to`
/// reads as it would unquoted; each mark is punctuation.
#[inline(never)]
fn tag_through_quotes(words: &[&str]) -> Vec<Tag> {
    let kept: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !lexicon::is_quote(w))
        .collect();
    let mut tags = syntax::tag(&kept).into_iter();
    words
        .iter()
        .map(|w| {
            if lexicon::is_quote(w) {
                Tag::Punct
            } else {
                tags.next().unwrap_or(Tag::Other)
            }
        })
        .collect()
}

/// What the timeline says about one date: its label, the predicate it anchors and who takes part.
struct Described {
    label: Label,
    predicate: Option<Span>,
    participants: Vec<usize>,
    subject: String,
}

/// Reads the clause the date at `date` anchors in the tagged sentence `g`.
#[inline(never)]
fn describe(text: &str, g: &Tagged, date: Span, sentence: Span, entities: &[Named]) -> Described {
    let words: Vec<&str> = g.spans.iter().map(|s| s.of(text)).collect();
    let first = g.spans.partition_point(|s| s.end <= date.start);
    let last = g.spans.partition_point(|s| s.start < date.end).max(first);
    let p = Parse::with_tags(words, g.tags.clone(), first..last);
    let fallback = || Described {
        label: label::sentence_label(sentence.of(text)),
        predicate: None,
        participants: Vec::new(),
        subject: String::new(),
    };
    let Some(anchor) = ranker::choose(&p, ranker::AnchorModel::shipped()) else {
        return fallback();
    };
    let Some(c) = clause::clause(&p, &anchor) else {
        return fallback();
    };
    let in_range =
        |r: &std::ops::Range<usize>| Span::new(g.spans[r.start].start, g.spans[r.end - 1].end);
    let named_in = |span: Span| -> Vec<Named> {
        let i = entities.partition_point(|n| n.span.end <= span.start);
        entities[i..]
            .iter()
            .take_while(|n| n.span.start < span.end)
            .copied()
            .collect()
    };
    // A pronoun subject, or `who`, becomes the name it stands for.
    let mut fill = None;
    if let Some(a) = &c.antecedent {
        let span = in_range(a);
        let cluster = named_in(span)
            .iter()
            .find(|n| n.label != "MISC")
            .map(|n| n.cluster);
        fill = Some((span.of(text).to_string(), cluster));
    } else if let Some(s) = &c.subject {
        if s.len() == 1 && matches!(&*p.lower[s.start], "he" | "she") {
            fill = antecedent(text, entities, g.spans[s.start])
                .map(|n| (name_as_written(text, n.span), Some(n.cluster)));
        }
    }
    let kind = if anchor.noun {
        LabelKind::Noun
    } else {
        LabelKind::Clause
    };
    let words = label::Words {
        text,
        spans: &g.spans,
    };
    let Some(label) = label::clause_label(&p, &words, &c, kind, anchor.predicate, fill.clone())
    else {
        return fallback();
    };
    let mut participants: Vec<usize> = Vec::new();
    let mut add = |cluster: usize| {
        if !participants.contains(&cluster) {
            participants.push(cluster);
        }
    };
    if let Some((_, Some(cluster))) = fill {
        add(cluster);
    }
    let subject = c.subject.iter().filter(|_| c.antecedent.is_none());
    let lead = c
        .lead
        .iter()
        .flat_map(|l| l.subject.iter().chain(&l.objects));
    for r in subject.chain(&c.objects).chain(lead) {
        for n in named_in(in_range(r)) {
            if n.label != "MISC" {
                add(n.cluster);
            }
        }
    }
    let subject = match (&fill, &c.subject) {
        (Some((_, Some(cluster))), _) => format!("#{cluster}"),
        (_, Some(r)) => match named_in(in_range(r)).iter().find(|n| n.label != "MISC") {
            Some(n) => format!("#{}", n.cluster),
            None => in_range(r).of(text).to_lowercase(),
        },
        _ => String::new(),
    };
    Described {
        label,
        predicate: Some(g.spans[anchor.predicate]),
        participants,
        subject,
    }
}

/// A name as the text writes it, without a possessive: `Trump` for `Trump’s`.
fn name_as_written(text: &str, span: Span) -> String {
    let s = span.of(text);
    s.strip_suffix("’s")
        .or_else(|| s.strip_suffix("'s"))
        .unwrap_or(s)
        .to_string()
}

/// How far back a pronoun's antecedent is looked for, in bytes: a few sentences.
const PRONOUN_REACH: usize = 600;

/// The person `he` or `she` at `pronoun` most likely stands for: the first person named in the
/// nearest stretch of text before it that names one (a sentence's first name is most often its
/// subject).
fn antecedent(text: &str, entities: &[Named], pronoun: Span) -> Option<Named> {
    let end = entities.partition_point(|n| n.span.start < pronoun.start);
    let people: Vec<&Named> = entities[..end]
        .iter()
        .rev()
        .take_while(|n| pronoun.start - n.span.start <= PRONOUN_REACH)
        .filter(|n| n.label == "PER")
        .collect();
    let nearest = people.first()?;
    // Within the nearest sentence-like stretch (no full stop between), take its first person.
    let mut pick = *nearest;
    for n in &people[1..] {
        let gap = &text[n.span.end..pick.span.start];
        if gap.contains(". ") || gap.contains('\n') {
            break;
        }
        pick = n;
    }
    Some(*pick)
}
