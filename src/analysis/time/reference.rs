//! Inferring an article's reference date (its document creation time) from the article itself.
//!
//! Wire copy rarely prints its own date, but it leaves traces. In order of trust:
//! 1. a date in the dateline (`WASHINGTON, March 14, 2025 (AP) —`);
//! 2. the body's bare weekdays ("said Friday") against the full dates the article prints: a story
//!    is dated on or after every "Friday" it mentions, so the latest printed date whose weekday the
//!    body names is the day of writing. Photo captions print such dates ("Friday, March 14, 2025");
//! 3. the most frequent full date that names a weekday, then the most frequent full date;
//! 4. failing all, today (an input, so the core stays pure).

use super::calendar::{weekday, weekday_name};
use super::meaning::Meaning;
use crate::analysis::date::Date;

/// An article's reference date and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceDate {
    pub date: Option<Date>,
    /// `given`, `dateline`, `caption`, `text`, `today` or `none`.
    pub source: &'static str,
    /// Where it came from, for explanations: `from the caption "Friday, March 14, 2025"`.
    pub why: String,
}

/// What the inference needs to know about one tagged expression of the article.
pub struct Mention<'a> {
    pub meaning: &'a Meaning,
    /// The words as written.
    pub text: &'a str,
    /// In a photo caption (by role, or by its look when no roles are known).
    pub in_caption: bool,
    /// Inside or just after the dateline.
    pub in_dateline: bool,
}

/// Infers the reference date of one article from its mentions, in text order.
pub fn infer(mentions: &[Mention], today: Option<Date>) -> ReferenceDate {
    let full = |m: &Mention| match m.meaning {
        Meaning::Calendar {
            year: Some(y),
            month: Some(mo),
            day: Some(d),
            ..
        } => Date::new(*y, *mo, *d),
        _ => None,
    };
    if let Some((m, d)) = mentions
        .iter()
        .filter(|m| m.in_dateline)
        .find_map(|m| full(m).map(|d| (m, d)))
    {
        return ReferenceDate {
            date: Some(d),
            source: "dateline",
            why: format!("from the dateline \"{}\"", m.text),
        };
    }
    let mut body_weekdays = [false; 8];
    for m in mentions.iter().filter(|m| !m.in_caption) {
        if let Meaning::Weekday { day, .. } = m.meaning {
            body_weekdays[*day as usize % 8] = true;
        }
    }
    // Full dates: (date, count, count written with a weekday, first mention, any in a caption).
    let mut dates: Vec<(Date, usize, usize, usize, bool)> = Vec::new();
    for (k, m) in mentions.iter().enumerate() {
        if let Some(d) = full(m) {
            let named = m
                .text
                .to_lowercase()
                .contains(&weekday_name(weekday(d)).to_lowercase());
            match dates.iter_mut().find(|e| e.0 == d) {
                Some(e) => {
                    e.1 += 1;
                    e.2 += usize::from(named);
                    e.4 |= m.in_caption;
                }
                None => dates.push((d, 1, usize::from(named), k, m.in_caption)),
            }
            // A long article may print many dates; the evidence is in the first few hundred.
            if dates.len() > 500 {
                break;
            }
        }
    }
    let describe = |d: &(Date, usize, usize, usize, bool)| {
        let written = mentions[d.3].text;
        if d.4 {
            format!("from the caption \"{written}\"")
        } else {
            format!("from the date \"{written}\" in the text")
        }
    };
    let source = |d: &(Date, usize, usize, usize, bool)| if d.4 { "caption" } else { "text" };
    if let Some(best) = dates
        .iter()
        .filter(|e| body_weekdays[weekday(e.0) as usize % 8])
        .max_by_key(|e| e.0)
    {
        let mut why = describe(best);
        if best.2 == 0 {
            why = format!(
                "{why}, a {} as the text's \"{}\" says",
                weekday_name(weekday(best.0)),
                weekday_name(weekday(best.0))
            );
        }
        return ReferenceDate {
            date: Some(best.0),
            source: source(best),
            why,
        };
    }
    if let Some(best) = dates
        .iter()
        .filter(|e| e.2 > 0)
        .max_by_key(|e| (e.2, e.0))
        .or_else(|| dates.iter().max_by_key(|e| (e.1, e.0)))
    {
        return ReferenceDate {
            date: Some(best.0),
            source: source(best),
            why: describe(best),
        };
    }
    match today {
        Some(d) => ReferenceDate {
            date: Some(d),
            source: "today",
            why: "today's date, as the article prints none".into(),
        },
        None => ReferenceDate {
            date: None,
            source: "none",
            why: "no date to go by".into(),
        },
    }
}

/// A photo caption, by its look: it ends with a credit in parentheses ("(AP Photo/…)", "(… via
/// AP)") or starts "In this photo". Used only when the caption stage has not marked roles.
pub fn looks_like_caption(paragraph: &str) -> bool {
    let p = paragraph.trim_end();
    if p.starts_with("In this photo") || p.starts_with("In this image") {
        return true;
    }
    if !p.ends_with(')') {
        return false;
    }
    let Some(open) = p.rfind('(') else {
        return false;
    };
    let credit = &p[open..];
    credit.len() < 120
        && (credit.contains("AP")
            || credit.contains("Photo")
            || credit.contains("via")
            || credit.contains("Reuters")
            || credit.contains("Getty"))
}
