//! The timeline: body sentences anchored by a DATE or TIME expression, in calendar order.
//!
//! An event is the clause around a dated expression. Durations, sets and vague references ("now")
//! place nothing. Captions place nothing either: they restate the story's pictures, not its events.
//! When an article states one event twice (same date, mostly the same words), it becomes one entry
//! that lists the other sentences.

use std::collections::HashMap;

use crate::analysis::date::Date;
use crate::analysis::model::Role;
use crate::analysis::segment::{Doc, TokenKind};
use crate::analysis::span::Span;
use crate::analysis::time::calendar::{add_days, day_number};
use crate::analysis::time::{Kind, TimexSeg};

/// One timeline entry, before offsets are converted.
#[derive(Debug, Clone, PartialEq)]
pub struct EventSeg {
    /// The TIMEX3 value that dates it.
    pub date: String,
    /// Index into `doc.sentences`.
    pub sentence: usize,
    /// Index into the time stage's timexes.
    pub timex: usize,
    /// Ids of the participant entities found in the sentence.
    pub participants: Vec<usize>,
    /// The clause around the date, trimmed to its core.
    pub label: String,
    /// Other sentences of the same article that state the same event.
    pub restated_in: Vec<usize>,
}

/// How many earlier entries with the same date a new one is compared against. Keeps the merge
/// linear on a pathological paste where every sentence says "Friday".
const MERGE_WINDOW: usize = 16;

/// Builds the timeline. `roles` has one entry per paragraph (missing ones are `Body`);
/// `entities` are `(span, id)` pairs sorted by start (empty when the entity stage has not run).
pub fn build(
    text: &str,
    doc: &Doc,
    timexes: &[TimexSeg],
    roles: &[Role],
    entities: &[(Span, usize)],
) -> Vec<EventSeg> {
    let mut events: Vec<EventSeg> = Vec::new();
    let mut keys: Vec<(i64, i64)> = Vec::new();
    let mut by_date: HashMap<(usize, String), Vec<usize>> = HashMap::new();
    for (k, t) in timexes.iter().enumerate() {
        if !matches!(t.kind, Kind::Date | Kind::Time) {
            continue;
        }
        let Some(interval) = interval(&t.value) else {
            continue;
        };
        let Some(sentence) = doc.sentences.get(t.sentence) else {
            continue;
        };
        let paragraph = sentence.paragraph;
        if roles.get(paragraph).is_some_and(|r| *r != Role::Body) {
            continue;
        }
        let article = doc.paragraphs[paragraph].article;
        let label = label(text, doc, t.sentence, t.span);
        let slot = by_date.entry((article, t.value.clone())).or_default();
        let same = slot
            .iter()
            .rev()
            .take(MERGE_WINDOW)
            .copied()
            .find(|&e| similar(&events[e].label, &label));
        if let Some(e) = same {
            if events[e].sentence != t.sentence && !events[e].restated_in.contains(&t.sentence) {
                events[e].restated_in.push(t.sentence);
            }
            continue;
        }
        slot.push(events.len());
        let first = entities.partition_point(|(s, _)| s.start < sentence.span.start);
        let mut participants: Vec<usize> = entities[first..]
            .iter()
            .take_while(|(s, _)| s.start < sentence.span.end)
            .map(|&(_, id)| id)
            .collect();
        participants.dedup();
        events.push(EventSeg {
            date: t.value.clone(),
            sentence: t.sentence,
            timex: k,
            participants,
            label,
            restated_in: Vec::new(),
        });
        keys.push(interval);
    }
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by_key(|&i| (keys[i], events[i].sentence));
    let mut slots: Vec<Option<EventSeg>> = events.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// The first and last day (day numbers) a TimeML value covers: `2022` is the whole year, `2025-W12`
/// its seven days, `2025-03-14TAF` one day. `None` for values that are not on the calendar
/// (`PRESENT_REF`, `XXXX-03`, `P3Y`).
pub fn interval(value: &str) -> Option<(i64, i64)> {
    let day = |y: i32, m: u32, d: u32| Date::new(y, m, d).map(day_number);
    let date_part = value.split('T').next()?;
    let parts: Vec<&str> = date_part.split('-').collect();
    let num = |s: &str| -> Option<i64> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y] if y.len() == 4 => {
            let y = num(y)? as i32;
            Some((day(y, 1, 1)?, day(y, 12, 31)?))
        }
        [y] if y.len() == 3 => {
            let y = num(y)? as i32 * 10;
            Some((day(y, 1, 1)?, day(y + 9, 12, 31)?))
        }
        [y, rest @ ..] if y.len() == 4 => {
            let y = num(y)? as i32;
            match rest {
                [m] if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => {
                    let m = num(m)? as u32;
                    let start = day(y, m, 1)?;
                    let next = if m == 12 {
                        day(y + 1, 1, 1)?
                    } else {
                        day(y, m + 1, 1)?
                    };
                    Some((start, next - 1))
                }
                [m, d] if m.len() == 2 && !m.starts_with('W') => {
                    let d = day(y, num(m)? as u32, num(d)? as u32)?;
                    Some((d, d))
                }
                [w, we @ ..] if w.starts_with('W') => {
                    let w = num(&w[1..])?;
                    if !(1..=53).contains(&w) {
                        return None;
                    }
                    // Monday of ISO week 1 is the Monday on or before January 4.
                    let jan4 = Date::new(y, 1, 4)?;
                    let wd = i64::from(crate::analysis::time::calendar::weekday(jan4));
                    let monday = day_number(add_days(jan4, 1 - wd)) + 7 * (w - 1);
                    match we {
                        [] => Some((monday, monday + 6)),
                        ["WE"] => Some((monday + 5, monday + 6)),
                        _ => None,
                    }
                }
                [q] if q.starts_with('Q') => {
                    let q = num(&q[1..])? as u32;
                    if !(1..=4).contains(&q) {
                        return None;
                    }
                    let start = day(y, 3 * q - 2, 1)?;
                    let end = if q == 4 {
                        day(y, 12, 31)?
                    } else {
                        day(y, 3 * q + 1, 1)? - 1
                    };
                    Some((start, end))
                }
                [s] => {
                    let (m0, m1) = match *s {
                        "SP" => (3, 5),
                        "SU" => (6, 8),
                        "FA" => (9, 11),
                        "WI" => (12, 12),
                        _ => return None,
                    };
                    let end = if m1 == 12 {
                        day(y, 12, 31)?
                    } else {
                        day(y, m1 + 1, 1)? - 1
                    };
                    Some((day(y, m0, 1)?, end))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// The clause around the date, without the date and its preposition, at most a dozen words.
fn label(text: &str, doc: &Doc, sentence: usize, timex: Span) -> String {
    const MAX_WORDS: usize = 12;
    let s = &doc.sentences[sentence];
    let toks = &doc.tokens[s.tokens.clone()];
    let is_break = |t: &str| matches!(t, "," | ";" | ":" | "—" | "–" | "(" | ")" | "--");
    // Quotation marks are dropped from labels but do not end a clause: `said “that …”`.
    let is_quote = |t: &str| matches!(t, "“" | "”" | "\"" | "‘" | "’" | "«" | "»");
    // A clause is looked for within a bounded window, so a pathological run-on "sentence" with
    // many dates stays linear.
    const REACH: usize = 60;
    let at = toks
        .partition_point(|t| t.span.start < timex.start)
        .min(toks.len().saturating_sub(1));
    let floor = at.saturating_sub(REACH);
    let ceiling = (at + REACH).min(toks.len());
    let mut first = at;
    while first > floor && !is_break(toks[first - 1].span.of(text)) {
        first -= 1;
    }
    let mut end = at;
    while end < ceiling && !is_break(toks[end].span.of(text)) {
        end += 1;
    }
    // A clause that is little more than the date ("Friday,") borrows the clause before it.
    let words_outside = toks[first..end]
        .iter()
        .filter(|t| t.kind != TokenKind::Punct && !timex.contains(t.span))
        .count();
    if words_outside < 3 && first > floor + 1 {
        first -= 1;
        while first > floor && !is_break(toks[first - 1].span.of(text)) {
            first -= 1;
        }
    }
    // A clause that only sets the scene ("In his opening remarks Saturday, Starmer said …") gives
    // way to the clause after it, which holds the event.
    let scene_setting = toks.get(first).is_some_and(|t| {
        matches!(
            t.span.of(text).to_lowercase().as_str(),
            "in" | "during" | "at" | "on"
        )
    });
    if scene_setting && end < ceiling && toks[end].span.of(text) == "," {
        let mut next_end = end + 1;
        while next_end < ceiling && !is_break(toks[next_end].span.of(text)) {
            next_end += 1;
        }
        if next_end > end + 2 {
            first = end + 1;
            end = next_end;
        }
    }
    let mut words: Vec<&str> = Vec::new();
    // Where the date stood among the words, so a long clause is cut around it.
    let mut date_at = None;
    let mut k = first;
    while k < end {
        let t = toks[k];
        let after_timex = k > 0 && timex.contains(toks[k - 1].span);
        if timex.contains(t.span) || (after_timex && matches!(t.span.of(text), "’s" | "'s")) {
            date_at.get_or_insert(words.len());
            k += 1;
            continue;
        }
        let next_is_timex = toks.get(k + 1).is_some_and(|n| n.span.start == timex.start);
        let w = t.span.of(text);
        if next_is_timex
            && matches!(
                w.to_lowercase().as_str(),
                "on" | "in" | "at" | "during" | "since" | "by" | "until" | "from" | "of" | "for"
            )
        {
            k += 1;
            continue;
        }
        if !is_break(w) && !is_quote(w) {
            words.push(w);
        }
        k += 1;
    }
    while words
        .last()
        .is_some_and(|w| matches!(*w, "that" | "and" | "but" | "." | "," | "to"))
    {
        words.pop();
    }
    // A long clause keeps the dozen words around the date: "…that Ukraine was to blame for
    // Russia's invasion" says more than the clause's first dozen words.
    let (from, truncated_start) = match date_at {
        Some(at) if words.len() > MAX_WORDS && at > MAX_WORDS - 3 => {
            let from = (at + 3).min(words.len()).saturating_sub(MAX_WORDS);
            (from, from > 0)
        }
        _ => (0, false),
    };
    let truncated = words.len() > from + MAX_WORDS;
    let words: Vec<&str> = words.into_iter().skip(from).take(MAX_WORDS).collect();
    let mut out = String::new();
    if truncated_start {
        out.push('…');
    }
    for w in &words {
        let glue = matches!(
            *w,
            "." | "," | "’s" | "'s" | "n’t" | "n't" | "%" | "?" | "!"
        );
        if !out.is_empty() && !out.ends_with('…') && !glue {
            out.push(' ');
        }
        out.push_str(w);
    }
    if truncated {
        out.push('…');
    }
    out
}

/// Two labels state the same event when most of the shorter one's content words recur.
fn similar(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        let mut v: Vec<String> = s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_lowercase)
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let (a, b) = (words(a), words(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if short.is_empty() {
        return a == b;
    }
    let shared = short
        .iter()
        .filter(|w| long.binary_search(w).is_ok())
        .count();
    shared * 3 >= short.len() * 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_cover_what_a_value_means() {
        let d = |s: &str| day_number(s.parse::<Date>().unwrap());
        type Case<'a> = (&'a str, &'a str, Option<(&'a str, &'a str)>);
        let cases: &[Case] = &[
            ("a year", "2022", Some(("2022-01-01", "2022-12-31"))),
            ("a month", "2025-02", Some(("2025-02-01", "2025-02-28"))),
            ("a day", "2025-03-14", Some(("2025-03-14", "2025-03-14"))),
            (
                "a part of day",
                "2025-03-14TAF",
                Some(("2025-03-14", "2025-03-14")),
            ),
            ("a week", "2025-W12", Some(("2025-03-17", "2025-03-23"))),
            (
                "a weekend",
                "2025-W11-WE",
                Some(("2025-03-15", "2025-03-16")),
            ),
            ("a quarter", "1989-Q3", Some(("1989-07-01", "1989-09-30"))),
            ("a decade", "199", Some(("1990-01-01", "1999-12-31"))),
            ("a vague present", "PRESENT_REF", None),
            ("an unknown year", "XXXX-03", None),
            ("a duration", "P3Y", None),
        ];
        for (name, value, expected) in cases {
            assert_eq!(
                interval(value),
                expected.map(|(a, b)| (d(a), d(b))),
                "{name}"
            );
        }
    }

    fn events_of(text: &str, roles: &[Role], entities: &[(Span, usize)]) -> Vec<EventSeg> {
        let doc = crate::analysis::segment::segment(text);
        let time =
            crate::analysis::time::analyse(text, &doc, roles, "2025-03-14".parse().ok(), None);
        build(text, &doc, &time.timexes, roles, entities)
    }

    #[test]
    fn what_becomes_an_event() {
        type Case<'a> = (&'a str, &'a str, &'a [Role], &'a [(&'a str, &'a str)]);
        let cases: &[Case] = &[
            ("a statement and the event it reports are both placed",
             "Peskov said Friday that Putin met Witkoff.\nPutin asked Witkoff late Thursday to wait.",
             &[], &[("2025-03-13", "Putin asked Witkoff to wait"), ("2025-03-14", "Peskov said that Putin met Witkoff")]),
            ("durations, sets and vague times place nothing",
             "The 30-day truce holds daily now.", &[], &[]),
            ("a caption places nothing",
             "Putin spoke Friday.\nPutin speaks in Moscow, Friday, March 14, 2025. (AP Photo)",
             &[Role::Body, Role::Caption], &[("2025-03-14", "Putin spoke")]),
            ("events come in calendar order",
             "Talks resume next week.\nThe war began in 2022.\nHe left in January.",
             &[], &[("2022", "The war began"), ("2025-01", "He left"), ("2025-W12", "Talks resume")]),
        ];
        for (name, text, roles, expected) in cases {
            let got: Vec<(String, String)> = events_of(text, roles, &[])
                .into_iter()
                .map(|e| (e.date, e.label))
                .collect();
            let expected: Vec<(String, String)> = expected
                .iter()
                .map(|(d, l)| (d.to_string(), l.to_string()))
                .collect();
            assert_eq!(got, expected, "{name}");
        }
    }

    #[test]
    fn one_event_stated_twice_is_one_entry() {
        let text = "Trump clashed with Zelenskyy on Feb. 28 in the Oval Office.\nOther news.\nOn Feb. 28, Trump clashed with Zelenskyy.";
        let events = events_of(text, &[], &[]);
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].sentence, 0);
        assert_eq!(events[0].restated_in, vec![2]);
    }

    #[test]
    fn participants_are_the_entities_in_the_sentence() {
        let text = "Putin met Witkoff Thursday.\nTrump spoke Friday.";
        let span = |s: &str| {
            let at = text.find(s).unwrap();
            Span::new(at, at + s.len())
        };
        let entities = [(span("Putin"), 7), (span("Witkoff"), 9), (span("Trump"), 3)];
        let events = events_of(text, &[], &entities);
        assert_eq!(events[0].participants, vec![7, 9]);
        assert_eq!(events[1].participants, vec![3]);
    }

    #[test]
    fn similar_labels() {
        assert!(similar(
            "Trump clashed with Zelenskyy in the Oval Office",
            "Trump clashed with Zelenskyy"
        ));
        assert!(!similar(
            "Rubio said he was cautiously optimistic",
            "Ukraine's General Staff denied its forces are encircled"
        ));
    }
}
