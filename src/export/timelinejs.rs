//! The TimelineJS3 export: the article's events in the JSON format Knight Lab's TimelineJS reads
//! (<https://timeline.knightlab.com/docs/json-format.html>), the timeline tool newsrooms already
//! use.
//!
//! The format: `{"title": slide, "events": [slide]}`, where a slide has a `start_date` (and
//! optionally `end_date`) date object `{"year", "month"?, "day"?, "display_date"?}` with numbers,
//! a `text` object `{"headline", "text"}` whose strings TimelineJS renders **as HTML**, and
//! optionally `group`, `display_date` and `unique_id`. So every string from the article is
//! HTML-escaped here.
//!
//! Dates keep their precision: `2022` gives a year, `2025-01` a year and month, `2025-03-14` a
//! day. A week or a weekend (`2025-W11`) is a span from its first to its last day, with the
//! reader's wording as `display_date`. Events whose value is not on the calendar are left out, and
//! the title slide says how many.

use serde_json::{json, Map, Value};

use super::static_page::escape as html;
use super::{display_date, headline, one_line, Source, Story};
use crate::analysis::time::calendar::from_day_number;
use crate::analysis::timeline::interval;
use crate::analysis::Analysis;

/// The TimelineJS3 JSON, pretty-printed.
pub fn timelinejs(text: &str, analysis: &Analysis) -> String {
    let source = Source::new(text);
    let several_articles = analysis.articles.len() > 1;
    let mut events = Vec::new();
    let mut undated = 0;
    let story = Story::of(analysis);
    for (i, event) in analysis.events.iter().enumerate() {
        let Some(sentence) = analysis.sentences.get(event.sentence) else {
            continue;
        };
        if !story.has_paragraph(analysis, sentence.paragraph) {
            continue;
        }
        let Some(dates) = slide_dates(&event.date) else {
            undated += 1;
            continue;
        };
        let label = one_line(&event.label);
        let said = one_line(source.slice(sentence.start, sentence.end));
        let headline = if label.is_empty() { &said } else { &label };
        let mut body = format!("<p>{}</p>", html(&said));
        let names: Vec<String> = event
            .participants
            .iter()
            .filter_map(|&c| analysis.clusters.get(c))
            .map(|c| html(&one_line(&c.name)))
            .collect();
        if !names.is_empty() {
            body.push_str(&format!("<p>Named: {}</p>", names.join(", ")));
        }
        let mut slide = Map::new();
        slide.insert("start_date".into(), dates.start);
        if let Some(end) = dates.end {
            slide.insert("end_date".into(), end);
        }
        if let Some(shown) = dates.display {
            slide.insert("display_date".into(), Value::String(html(&shown)));
        }
        slide.insert(
            "text".into(),
            json!({ "headline": html(headline), "text": body }),
        );
        if several_articles {
            let article = analysis
                .paragraphs
                .get(sentence.paragraph)
                .map_or(0, |p| p.article);
            let place = analysis
                .articles
                .get(article)
                .and_then(|a| a.dateline.as_ref())
                .map(|d| format!(" ({})", one_line(&d.place)))
                .unwrap_or_default();
            slide.insert(
                "group".into(),
                Value::String(html(&format!("Article {}{place}", article + 1))),
            );
        }
        slide.insert("unique_id".into(), Value::String(format!("event-{i}")));
        events.push(Value::Object(slide));
    }
    let title = headline(text, analysis);
    let title = if title.is_empty() {
        "Timeline".to_string()
    } else {
        title
    };
    let mut about = format!(
        "{} dated event{} from the article",
        events.len(),
        if events.len() == 1 { "" } else { "s" }
    );
    if let Some(date) = &analysis.reference_date {
        about.push_str(&format!(
            ", relative dates read against {}",
            display_date(date)
        ));
    }
    about.push('.');
    if undated > 0 {
        about.push_str(&format!(
            " {undated} event{} with no calendar date left out.",
            if undated == 1 { "" } else { "s" }
        ));
    }
    let doc = json!({
        "title": { "text": { "headline": html(&title), "text": format!("<p>{}</p>", html(&about)) } },
        "events": events,
    });
    let mut out = serde_json::to_string_pretty(&doc).expect("JSON values always serialise");
    out.push('\n');
    out
}

/// A slide's dates.
struct SlideDates {
    start: Value,
    end: Option<Value>,
    display: Option<String>,
}

/// The TimelineJS dates of a TimeML value, or `None` when it is not on the calendar.
fn slide_dates(value: &str) -> Option<SlideDates> {
    let (first, last) = interval(value)?;
    let (start, end) = (from_day_number(first), from_day_number(last));
    let date_part = value.split('T').next().unwrap_or(value);
    let parts: Vec<&str> = date_part.split('-').collect();
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let day = |d: crate::Date| json!({ "year": d.year, "month": d.month, "day": d.day });
    Some(match parts.as_slice() {
        [y] if y.len() == 4 && all_digits(y) => SlideDates {
            start: json!({ "year": start.year }),
            end: None,
            display: None,
        },
        [y, m] if y.len() == 4 && m.len() == 2 && all_digits(m) => SlideDates {
            start: json!({ "year": start.year, "month": start.month }),
            end: None,
            display: None,
        },
        _ if first == last => SlideDates {
            start: day(start),
            end: None,
            display: None,
        },
        _ => SlideDates {
            start: day(start),
            end: Some(day(end)),
            display: Some(display_date(value)),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze_text;

    /// The documented format, checked key by key: the top level holds `events` (required) and
    /// `title`; a slide holds only the documented keys, an event slide needs `start_date`; a date
    /// has a numeric `year` and optional numeric `month` (1-12) and `day` (1-31); a text object
    /// holds strings `headline` and `text`.
    fn check_timelinejs(doc: &Value) -> Result<usize, String> {
        let top = doc.as_object().ok_or("not an object")?;
        for key in top.keys() {
            if !["events", "title", "eras", "scale"].contains(&key.as_str()) {
                return Err(format!("unknown top-level key {key}"));
            }
        }
        let events = top
            .get("events")
            .and_then(Value::as_array)
            .ok_or("events is required and a list")?;
        if let Some(title) = top.get("title") {
            check_slide(title, false)?;
        }
        for e in events {
            check_slide(e, true)?;
        }
        Ok(events.len())
    }

    fn check_slide(slide: &Value, event: bool) -> Result<(), String> {
        const KEYS: [&str; 9] = [
            "start_date",
            "end_date",
            "text",
            "media",
            "group",
            "display_date",
            "background",
            "autolink",
            "unique_id",
        ];
        let slide = slide.as_object().ok_or("a slide is an object")?;
        for key in slide.keys() {
            if !KEYS.contains(&key.as_str()) {
                return Err(format!("unknown slide key {key}"));
            }
        }
        match slide.get("start_date") {
            Some(d) => check_date(d)?,
            None if event => return Err("an event needs start_date".into()),
            None => {}
        }
        if let Some(d) = slide.get("end_date") {
            check_date(d)?;
        }
        if let Some(t) = slide.get("text") {
            let t = t.as_object().ok_or("text is an object")?;
            for (k, v) in t {
                if !["headline", "text"].contains(&k.as_str()) || !v.is_string() {
                    return Err(format!("bad text field {k}"));
                }
            }
        }
        for key in ["group", "display_date", "unique_id"] {
            if slide.get(key).is_some_and(|v| !v.is_string()) {
                return Err(format!("{key} is a string"));
            }
        }
        Ok(())
    }

    fn check_date(date: &Value) -> Result<(), String> {
        let date = date.as_object().ok_or("a date is an object")?;
        let number = |k: &str| {
            date.get(k)
                .map(|v| v.as_i64().ok_or(format!("{k} is a number")))
        };
        number("year").ok_or("year is required")??;
        let ranges = [("month", 1..=12), ("day", 1..=31)];
        for (key, range) in ranges {
            if let Some(v) = number(key) {
                if !range.contains(&v?) {
                    return Err(format!("{key} out of range"));
                }
            }
        }
        if date.contains_key("day") && !date.contains_key("month") {
            return Err("a day needs a month".into());
        }
        for key in date.keys() {
            let known = [
                "year",
                "month",
                "day",
                "hour",
                "minute",
                "second",
                "millisecond",
                "display_date",
            ];
            if !known.contains(&key.as_str()) {
                return Err(format!("unknown date key {key}"));
            }
        }
        Ok(())
    }

    #[test]
    fn dates_keep_their_precision() {
        let cases: [(&str, &str, Value, Option<Value>); 5] = [
            ("year", "2022", json!({"year": 2022}), None),
            ("month", "2025-01", json!({"year": 2025, "month": 1}), None),
            (
                "day",
                "2025-03-14",
                json!({"year": 2025, "month": 3, "day": 14}),
                None,
            ),
            (
                "time of day",
                "2025-03-14TMO",
                json!({"year": 2025, "month": 3, "day": 14}),
                None,
            ),
            (
                "week",
                "2025-W11",
                json!({"year": 2025, "month": 3, "day": 10}),
                Some(json!({"year": 2025, "month": 3, "day": 16})),
            ),
        ];
        for (name, value, start, end) in cases {
            let dates = slide_dates(value).unwrap();
            assert_eq!(dates.start, start, "{name}");
            assert_eq!(dates.end, end, "{name}");
        }
        for value in ["PRESENT_REF", "XXXX-03", "P3Y", "2025-13-01"] {
            assert!(slide_dates(value).is_none(), "{value}");
        }
    }

    #[test]
    fn the_sample_validates() {
        let text = crate::SAMPLE_ARTICLE;
        let a = analyze_text(text);
        let doc: Value = serde_json::from_str(&timelinejs(text, &a)).unwrap();
        let n = check_timelinejs(&doc).unwrap();
        assert_eq!(n, a.events.len(), "every sample event is on the calendar");
        // Two articles: each event says which.
        assert!(doc["events"][0]["group"]
            .as_str()
            .unwrap()
            .starts_with("Article"));
    }

    #[test]
    fn undated_events_are_counted() {
        let text = "Putin met Witkoff on Thursday.";
        let mut a = analyze_text(text);
        let mut e = a.events.first().cloned().unwrap_or(crate::analysis::Event {
            label: "Putin met Witkoff".into(),
            ..Default::default()
        });
        e.date = "PRESENT_REF".into();
        a.events = vec![e.clone(), e];
        a.events[1].date = "2025-03-13".into();
        let doc: Value = serde_json::from_str(&timelinejs(text, &a)).unwrap();
        assert_eq!(check_timelinejs(&doc), Ok(1));
        let about = doc["title"]["text"]["text"].as_str().unwrap();
        assert!(
            about.contains("1 event with no calendar date left out"),
            "{about}"
        );
    }

    #[test]
    fn hostile_text_is_html_escaped() {
        let text = "<script>alert(1)</script> met \"><img src=x onerror=alert(1)> on Thursday.";
        let options = crate::Options::default().with_reference_date("2025-03-14".parse().unwrap());
        let a = crate::analyze(text, &options);
        let doc: Value = serde_json::from_str(&timelinejs(text, &a)).unwrap();
        check_timelinejs(&doc).unwrap();
        let mut strings = Vec::new();
        collect_strings(&doc, &mut strings);
        for s in strings {
            assert!(!s.contains("<script") && !s.contains("<img"), "{s}");
        }
    }

    fn collect_strings(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) => out.push(s.clone()),
            Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
            Value::Object(o) => o.values().for_each(|x| collect_strings(x, out)),
            _ => {}
        }
    }
}
