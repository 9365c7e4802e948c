//! Wire datelines: `LONDON (AP) —`, `KYIV, Ukraine (AP) —`, `LONDON, March 15 (Reuters) -`.
//!
//! Hand-written rather than a regex: the grammar is tiny, and the core stays dependency-free.

use crate::analysis::span::Span;

/// Agencies whose credit in parentheses marks a dateline.
const AGENCIES: &[&str] = &[
    "AP",
    "Reuters",
    "AFP",
    "UPI",
    "dpa",
    "Bloomberg",
    "CNN",
    "PA",
    "ANSA",
    "EFE",
    "Xinhua",
];

/// Dashes that close a dateline: em dash, en dash, hyphen, double hyphen.
pub const DASHES: &[&str] = &["—", "–", "--", "-"];

/// Finds a dateline at the very start of a paragraph.
#[inline(never)]
pub fn find_dateline(text: &str, paragraph: Span) -> Option<super::DatelineSeg> {
    let para = paragraph.of(text);
    // A dateline is short: the place, an optional date, the agency.
    let open = para.char_indices().take(80).find(|&(_, c)| c == '(')?.0;
    let close = open + para[open..].find(')')?;
    let agency = para[open + 1..close].trim();
    if !AGENCIES.contains(&agency) {
        return None;
    }
    let head = para[..open].trim_end();
    // The place is the part before any comma, and must be written in capitals (`LONDON`, `NEW YORK`,
    // `ST. PAUL`). What follows a comma may be a state or country (`KYIV, Ukraine`) or a date.
    let city = head.split(',').next().unwrap_or("");
    let letters: Vec<char> = city.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || letters.iter().any(|c| !c.is_uppercase()) {
        return None;
    }
    if !city
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'' | '’'))
    {
        return None;
    }
    let after = &para[close + 1..];
    let rest = after.trim_start();
    let dash = DASHES.iter().find(|d| rest.starts_with(**d))?;
    let end = close + 1 + (after.len() - rest.len()) + dash.len();
    // The place keeps a trailing country or state but drops a date (`LONDON, March 15`).
    let place = match head.split_once(',') {
        Some((city_part, qualifier)) if !qualifier.trim().starts_with(char::is_numeric) => {
            let q = qualifier.trim();
            if q.split_whitespace()
                .any(|w| w.chars().all(|c| c.is_ascii_digit()))
            {
                city_part
            } else {
                head
            }
        }
        Some((city_part, _)) => city_part,
        None => head,
    };
    Some(super::DatelineSeg {
        span: Span::new(paragraph.start, paragraph.start + end),
        place: Span::new(paragraph.start, paragraph.start + place.trim_end().len()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(text: &str) -> Option<String> {
        find_dateline(text, Span::new(0, text.len())).map(|d| d.place.of(text).to_string())
    }

    fn whole(text: &str) -> Option<String> {
        find_dateline(text, Span::new(0, text.len())).map(|d| d.span.of(text).to_string())
    }

    #[test]
    fn ap_style() {
        assert_eq!(
            place("LONDON (AP) — U.K. Prime Minister"),
            Some("LONDON".into())
        );
        assert_eq!(
            whole("LONDON (AP) — U.K. Prime Minister"),
            Some("LONDON (AP) —".into())
        );
    }

    #[test]
    fn with_a_country() {
        assert_eq!(
            place("KYIV, Ukraine (AP) — Text"),
            Some("KYIV, Ukraine".into())
        );
    }

    #[test]
    fn two_word_city() {
        assert_eq!(place("NEW YORK (AP) — Text"), Some("NEW YORK".into()));
        assert_eq!(
            place("ST. PAUL, Minn. (AP) — Text"),
            Some("ST. PAUL, Minn.".into())
        );
    }

    #[test]
    fn reuters_with_a_date() {
        assert_eq!(
            place("LONDON, March 15 (Reuters) - Text"),
            Some("LONDON".into())
        );
        assert_eq!(
            whole("LONDON, March 15 (Reuters) - Text"),
            Some("LONDON, March 15 (Reuters) -".into())
        );
    }

    #[test]
    fn not_a_dateline() {
        assert_eq!(
            place("Putin (AP) — Text"),
            None,
            "place must be in capitals"
        );
        assert_eq!(place("NATO (the alliance) — Text"), None, "unknown agency");
        assert_eq!(place("LONDON (AP) said"), None, "no dash");
        assert_eq!(place("Follow AP’s coverage"), None);
        assert_eq!(place("US (AP)"), None);
    }

    #[test]
    fn accented_city() {
        assert_eq!(place("SÃO PAULO (AP) — Text"), Some("SÃO PAULO".into()));
    }
}
