//! The time stage: TIMEX3 expressions with TimeML values, and each article's reference date.
//!
//! Tagging (`tagger`) reads words into a `Meaning` and never looks at a calendar; `reference` infers
//! each article's reference date from what was tagged; `normalize` then places every meaning
//! relative to its article's date and the tense around it. Changing the reference date therefore
//! re-resolves every relative value while absolute dates stay put.

pub mod calendar;
pub mod meaning;
pub mod normalize;
pub mod reference;
pub mod tagger;
pub mod tense;

#[cfg(test)]
mod tests;

pub use meaning::{Kind, Meaning};
pub use reference::ReferenceDate;

use crate::analysis::date::Date;
use crate::analysis::model::Role;
use crate::analysis::segment::Doc;
use crate::analysis::span::Span;
use normalize::{Anchor, Tense};
use tagger::Tok;

/// One normalised expression, in byte offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct TimexSeg {
    pub span: Span,
    /// Index into `doc.sentences`.
    pub sentence: usize,
    pub kind: Kind,
    pub value: String,
    pub modifier: Option<&'static str>,
    /// `"Friday" → 2025-03-14: weekday of the reference date (…)`.
    pub explanation: String,
    pub meaning: Meaning,
}

/// The stage's output: one reference date per article, and the expressions in text order.
#[derive(Debug, Clone, Default)]
pub struct TimeOutput {
    pub references: Vec<ReferenceDate>,
    pub timexes: Vec<TimexSeg>,
}

/// `(1989, 3)` for `1989-Q3`.
fn parse_quarter(value: &str) -> Option<(i32, u32)> {
    let (y, q) = value.split_once("-Q")?;
    Some((y.parse().ok()?, q.parse().ok()?))
}

/// Whether an expression names a day or a month that later anaphora ("the next day", "the
/// following month") may count from: dates, weekdays, holidays, days counted from today, and
/// times of day; not lengths, sets, vague references, weeks or years.
fn names_a_date(m: &Meaning) -> bool {
    match m {
        Meaning::Calendar { month, .. } => month.is_some(),
        Meaning::Weekday { .. }
        | Meaning::DayOffset(_)
        | Meaning::Holiday { .. }
        | Meaning::PartOfDay { .. }
        | Meaning::Clock { .. } => true,
        Meaning::FromDateNamed(inner) => names_a_date(inner),
        _ => false,
    }
}

/// The day a value names (`1998-10-23`, `1998-10-23TNI`), or the first of its month
/// (`1998-10`), with whether the day was named.
fn date_of_value(value: &str) -> Option<(Date, bool)> {
    let day = value.get(..10).and_then(|v| v.parse::<Date>().ok());
    if let Some(d) = day {
        return Some((d, true));
    }
    let (y, m) = value.split_once('-')?;
    let month = Date::new(y.parse().ok()?, m.get(..2)?.parse().ok()?, 1)?;
    (m.len() == 2).then_some((month, false))
}

/// Tags and normalises every time expression of `doc`.
///
/// `roles` has one entry per paragraph (missing entries count as `Body`); captions still hold
/// timexes, but weigh differently when the reference date is inferred. `given` overrides every
/// article's reference date; `today` is the last resort when an article prints no date.
#[inline(never)]
pub fn analyse(
    text: &str,
    doc: &Doc,
    roles: &[Role],
    given: Option<Date>,
    today: Option<Date>,
) -> TimeOutput {
    struct Tagged {
        span: Span,
        sentence: usize,
        meaning: Meaning,
        modifier: Option<&'static str>,
        tense: Tense,
        cue: String,
    }
    let mut tagged: Vec<Tagged> = Vec::new();
    // Tagging runs over a whole paragraph, so an abbreviation that the sentence splitter took for a
    // full stop ("Nov. | 6") still joins its day; the tense is read within the sentence only.
    for paragraph in &doc.paragraphs {
        let sentences = &doc.sentences[paragraph.sentences.clone()];
        let (Some(first), Some(last)) = (sentences.first(), sentences.last()) else {
            continue;
        };
        let toks = Tok::split_all(text, &doc.tokens[first.tokens.start..last.tokens.end]);
        for found in tagger::tag(&toks) {
            let s = toks[found.first].sentence;
            let lo = toks.partition_point(|t| t.sentence < s);
            let hi = toks.partition_point(|t| t.sentence <= s);
            let (tense, cue) =
                tense::tense_around(&toks[lo..hi], found.first - lo, found.end.min(hi) - lo);
            tagged.push(Tagged {
                span: Span::new(toks[found.first].span.start, toks[found.end - 1].span.end),
                sentence: s,
                meaning: found.meaning,
                modifier: found.modifier,
                tense,
                cue,
            });
        }
    }
    let is_caption = |p: usize| match roles.get(p) {
        Some(Role::Caption) => true,
        Some(Role::Body) | None => reference::looks_like_caption(doc.paragraphs[p].span.of(text)),
        Some(_) => false,
    };
    let article_of = |t: &Tagged| doc.paragraphs[doc.sentences[t.sentence].paragraph].article;
    // Reference dates, one article at a time over its contiguous run of mentions.
    let mut references = Vec::with_capacity(doc.articles.len());
    let mut k = 0;
    for (a, article) in doc.articles.iter().enumerate() {
        let start = k;
        while k < tagged.len() && article_of(&tagged[k]) == a {
            k += 1;
        }
        let reference = match given {
            Some(d) => ReferenceDate {
                date: Some(d),
                source: "given",
                why: "given by the reader".into(),
            },
            None => {
                let dateline_end = article.dateline.as_ref().map(|d| d.span.end + 40);
                let mentions: Vec<reference::Mention> = tagged[start..k]
                    .iter()
                    .map(|t| {
                        let p = doc.sentences[t.sentence].paragraph;
                        reference::Mention {
                            meaning: &t.meaning,
                            text: t.span.of(text),
                            in_caption: is_caption(p),
                            in_dateline: p == article.paragraphs.start
                                && dateline_end.is_some_and(|e| t.span.start < e),
                        }
                    })
                    .collect();
                reference::infer(&mentions, today)
            }
        };
        references.push(reference);
    }
    // Earnings reports compare with "a year ago" quarter by quarter: in an article that names a
    // quarter, a year back is the same quarter last year (TimeBank's convention).
    let mut fiscal = vec![false; doc.articles.len()];
    for t in &tagged {
        if matches!(
            t.meaning,
            Meaning::Quarter { .. } | Meaning::QuarterOfYear { .. } | Meaning::QuarterYearAgo
        ) {
            fiscal[article_of(t)] = true;
        }
    }
    let mut last_quarter: Option<(usize, (i32, u32), bool)> = None;
    let mut last_year: Option<(usize, i32)> = None;
    let mut last_date: Option<(usize, (Date, bool))> = None;
    let timexes = tagged
        .into_iter()
        .map(|mut t| {
            let one_year_back = Meaning::Shifted {
                amount: Some(1),
                unit: meaning::Unit::Year,
                sign: -1,
            };
            if fiscal[article_of(&t)] && t.meaning == one_year_back {
                t.meaning = Meaning::QuarterYearAgo;
            }
            let r = &references[article_of(&t)];
            let article = article_of(&t);
            let anchor = Anchor {
                date: r.date,
                why: r.why.clone(),
                last_quarter: last_quarter.filter(|q| q.0 == article).map(|q| q.1),
                last_quarter_past: last_quarter.is_some_and(|q| q.0 == article && q.2),
                last_year: last_year.filter(|y| y.0 == article).map(|y| y.1),
                last_date: last_date.filter(|d| d.0 == article).map(|d| d.1),
                named_before: false,
            };
            let resolved = normalize::resolve(&t.meaning, &anchor, t.tense, &t.cue);
            // The year the article named last, written out or counted ("last year").
            let year_named = match &t.meaning {
                Meaning::Calendar { year: Some(y), .. } => Some(*y),
                Meaning::Relative {
                    unit: meaning::Unit::Year,
                    ..
                }
                | Meaning::Shifted {
                    unit: meaning::Unit::Year,
                    ..
                }
                | Meaning::ThatYear(_) => resolved.value.parse().ok(),
                _ => None,
            };
            if let Some(y) = year_named {
                last_year = Some((article, y));
            }
            // A photo caption's date is the picture's, not the story's: anaphora in the body
            // count from the story's own dates.
            let in_caption = is_caption(doc.sentences[t.sentence].paragraph);
            if names_a_date(&t.meaning) && !in_caption {
                if let Some(date) = date_of_value(&resolved.value) {
                    last_date = Some((article, date));
                }
            }
            if let Meaning::Quarter { n: Some(_), .. } | Meaning::QuarterOfYear { .. } = t.meaning {
                let past = t.tense == Tense::Past;
                last_quarter = parse_quarter(&resolved.value).map(|q| (article, q, past));
            }
            let modifier = t.modifier;
            let explanation = format!(
                "\"{}\" → {}{}: {}",
                t.span.of(text),
                resolved.value,
                modifier.map_or(String::new(), |m| format!(" (mod {m})")),
                resolved.reason
            );
            TimexSeg {
                span: t.span,
                sentence: t.sentence,
                kind: t.meaning.kind(),
                value: resolved.value,
                modifier,
                explanation,
                meaning: t.meaning,
            }
        })
        .collect();
    TimeOutput {
        references,
        timexes,
    }
}
