//! Corrections to time: a time expression's value, "not a date", and dropping an event.
//!
//! An event is dated by its time expression, so a new value moves its card on the axis and a
//! time expression that is not a date takes its events with it.

use super::{no_mark, short, slice, Outcome, Scope, Target, READER};
use crate::analysis::offsets::CharIndex;
use crate::analysis::timeline::label::sentence_label;
use crate::analysis::timeline::{extent, interval, undated, Shape};
use crate::analysis::{Analysis, Event, LabelPart};

/// The time expressions a correction reaches: the target, or every one with its text.
fn reach(
    text: &str,
    index: &CharIndex,
    out: &Analysis,
    t: &Target,
    scope: Scope,
) -> Option<Vec<usize>> {
    let first = out
        .timexes
        .iter()
        .position(|x| x.start == t.start && x.end == t.end)?;
    Some(match scope {
        Scope::One => vec![first],
        Scope::SameText | Scope::Cluster => (0..out.timexes.len())
            .filter(|&i| {
                let x = &out.timexes[i];
                slice(text, index, x.start, x.end) == Some(t.text.as_str())
            })
            .collect(),
    })
}

/// The TIMEX3 type of a value the reader set, or why it is not one.
pub fn kind_of(value: &str) -> Result<&'static str, String> {
    let ok_chars = value
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b':' || b == b'.' || b == b'_');
    if value.is_empty() || value.len() > 32 || !ok_chars {
        return Err(format!("“{}” is not a date value", short(value)));
    }
    if undated(value) || value == "PRESENT_REF" {
        return Ok("DATE");
    }
    if let Some(rest) = value.strip_prefix('P') {
        let units = rest.trim_start_matches('T');
        let valid = units.len() >= 2
            && units.as_bytes()[0].is_ascii_digit()
            && units.bytes().last().is_some_and(|b| b"YMWDHS".contains(&b));
        return if valid {
            Ok("DURATION")
        } else {
            Err(format!("“{value}” is not a duration (P3Y, P2W, PT6H)"))
        };
    }
    if extent(value, None).is_none() && interval(value).is_none() {
        return Err(format!(
            "“{value}” is not a calendar value (2025-03-14, 2025-W12, 2025-03, 2025, 2025-03-14T15:00)"
        ));
    }
    Ok(if value.contains('T') { "TIME" } else { "DATE" })
}

/// The time expressions mean `value`; their events move to it.
pub fn set_value(
    text: &str,
    index: &CharIndex,
    out: &mut Analysis,
    t: &Target,
    value: &str,
    scope: Scope,
) -> Outcome {
    let kind = match kind_of(value) {
        Ok(k) => k,
        Err(why) => return Outcome::Invalid { why },
    };
    let Some(members) = reach(text, index, out, t, scope) else {
        return no_mark("date", t);
    };
    for &i in &members {
        let x = &mut out.timexes[i];
        x.value = value.to_string();
        x.kind = kind.to_string();
        x.explanation = format!("set by the reader to {value}");
        x.source = Some(READER.to_string());
    }
    for k in 0..out.events.len() {
        let e = &out.events[k];
        let starts = members.contains(&e.timex);
        let ends = e.until_timex.is_some_and(|u| members.contains(&u));
        if starts || ends {
            redate(out, k);
        }
    }
    for &i in &members {
        let dated = out
            .events
            .iter()
            .any(|e| e.timex == i || e.until_timex == Some(i));
        if !dated {
            add_event(text, index, out, i);
        }
    }
    // The contract keeps events in calendar order, undated references last, in text order.
    out.events.sort_by(|a, b| {
        (a.start.is_none(), &a.start, &a.end, a.sentence).cmp(&(
            b.start.is_none(),
            &b.start,
            &b.end,
            b.sentence,
        ))
    });
    Outcome::Applied {
        marks: members.len(),
    }
}

/// A card for time expression `i`, which dated no event (a duration the reader made a date,
/// one the analysis could not place, or one dropped earlier): the reader gave it a date, so it
/// belongs on the timeline. Its label is its sentence, and its participants the sentence's
/// names, since no clause was chosen for it.
fn add_event(text: &str, index: &CharIndex, out: &mut Analysis, i: usize) {
    let x = &out.timexes[i];
    if x.kind == "DURATION" {
        return;
    }
    let Some(sentence) = out.sentences.get(x.sentence) else {
        return;
    };
    let article = out
        .paragraphs
        .get(sentence.paragraph)
        .map_or(0, |p| p.article);
    let words = slice(text, index, sentence.start, sentence.end).unwrap_or_default();
    let label = sentence_label(words);
    let mut participants: Vec<usize> = Vec::new();
    for e in &out.entities {
        if e.start >= sentence.start && e.end <= sentence.end {
            if let Some(c) = e.cluster.filter(|c| !participants.contains(c)) {
                participants.push(c);
            }
        }
    }
    out.events.push(Event {
        date: x.value.clone(),
        modifier: x.modifier.clone(),
        sentence: x.sentence,
        timex: i,
        article,
        participants,
        label: label.text(),
        label_parts: vec![LabelPart {
            text: label.text(),
            ..LabelPart::default()
        }],
        label_kind: label.kind.as_str().to_string(),
        cut: label.cut,
        ..Event::default()
    });
    let k = out.events.len() - 1;
    redate(out, k);
}

/// Puts event `k` where its time expressions now say.
fn redate(out: &mut Analysis, k: usize) {
    let (timex, until) = (out.events[k].timex, out.events[k].until_timex);
    let Some(from) = out.timexes.get(timex) else {
        return;
    };
    let mut span = extent(&from.value, from.modifier.as_deref());
    let mut shape = match span {
        Some(x) => x.shape,
        None if undated(&from.value) => Shape::Undated,
        None => Shape::Band,
    };
    if let (Some(x), Some(to)) = (span.as_mut(), until.and_then(|u| out.timexes.get(u))) {
        if let Some(end) = extent(&to.value, to.modifier.as_deref()).filter(|e| e.end > x.start) {
            x.end = end.end;
            shape = Shape::Range;
        }
    }
    let date = from.value.clone();
    let e = &mut out.events[k];
    e.date = date;
    e.start = span.map(|x| crate::analysis::timeline::Extent::iso(x.start));
    e.end = span.map(|x| crate::analysis::timeline::Extent::iso(x.end));
    e.shape = shape.as_str().to_string();
    e.source = Some(READER.to_string());
}

/// The time expressions are not dates: they and the events they date go.
pub fn remove(
    text: &str,
    index: &CharIndex,
    out: &mut Analysis,
    t: &Target,
    scope: Scope,
) -> Outcome {
    let Some(members) = reach(text, index, out, t, scope) else {
        return no_mark("date", t);
    };
    out.events.retain(|e| !members.contains(&e.timex));
    // Every later time expression moves down by the number removed before it.
    let new_index = |i: usize| i - members.iter().filter(|&&m| m < i).count();
    for e in &mut out.events {
        e.timex = new_index(e.timex);
        e.until_timex = e
            .until_timex
            .filter(|u| !members.contains(u))
            .map(new_index);
    }
    let mut k = 0;
    out.timexes.retain(|_| {
        k += 1;
        !members.contains(&(k - 1))
    });
    Outcome::Applied {
        marks: members.len(),
    }
}

/// The events dated by the target leave the timeline; the date itself stays marked.
pub fn drop_event(out: &mut Analysis, t: &Target) -> Outcome {
    let Some(x) = out
        .timexes
        .iter()
        .position(|x| x.start == t.start && x.end == t.end)
    else {
        return no_mark("date", t);
    };
    let before = out.events.len();
    out.events.retain(|e| e.timex != x);
    match before - out.events.len() {
        0 => no_mark("timeline event", t),
        n => Outcome::Applied { marks: n },
    }
}
