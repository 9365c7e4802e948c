//! Lengths of time and repeating times: "30 days", "a few weeks", "30-day", "every Thursday", "weeks".

use super::lexicon::*;
use super::named::calendar_year;
use super::relative::{quarter, year_back};
use super::{low, Core, Tok};
use crate::analysis::time::meaning::{Direction, Meaning, Unit};

/// "30 days", "three years", "a few weeks", "several months", "twenty four hours".
pub(super) fn quantity(toks: &[Tok], i: usize) -> Option<Core> {
    let w0 = low(toks, i);
    let (amount, j) = match w0 {
        "several" | "few" | "many" | "some" => (None, i + 1),
        "a" if low(toks, i + 1) == "few" => (None, i + 2),
        "a" | "couple" if low(toks, i + 1) == "couple" || low(toks, i + 1) == "of" => {
            let k = if w0 == "a" { i + 2 } else { i + 1 };
            if low(toks, k) != "of" {
                return None;
            }
            (Some(2), k + 1)
        }
        _ => {
            let n = amount_word(w0)?;
            if toks
                .get(i.wrapping_sub(1))
                .is_some_and(|t| matches!(t.low.as_str(), "$" | "€" | "£"))
            {
                return None;
            }
            // "twenty four hours".
            if n >= 20 && n % 10 == 0 && n < 100 {
                if let Some(o) = small_number(low(toks, i + 1)).filter(|&o| o < 10 && o > 1) {
                    (Some(n + o), i + 2)
                } else {
                    (Some(n), i + 1)
                }
            } else {
                (Some(n), i + 1)
            }
        }
    };
    // "2 1/2 years".
    if let Some(whole) = amount.filter(|_| low(toks, j) == "1/2") {
        if let Some((unit, true)) = unit_of(low(toks, j + 1)) {
            if unit.and_a_half(whole).is_some() {
                return Some((j + 2, Meaning::HalfLength { whole, unit }, None));
            }
        }
    }
    // "a year and a half".
    if let (Some(whole), Some((unit, _))) = (amount, unit_of(low(toks, j))) {
        let half = (low(toks, j + 1), low(toks, j + 2), low(toks, j + 3));
        if half == ("and", "a", "half") && unit.and_a_half(whole).is_some() {
            return Some((j + 4, Meaning::HalfLength { whole, unit }, None));
        }
    }
    // "two more weeks", "eight trading days": the word in between does not change the length.
    let mut j = j;
    if amount.is_some()
        && matches!(
            low(toks, j),
            "more" | "additional" | "trading" | "business" | "consecutive" | "straight"
        )
        && unit_of(low(toks, j + 1)).is_some()
    {
        j += 1;
    }
    let (unit, plural) = unit_of(low(toks, j))?;
    // "the next three quarters" and "several quarters of losses" are spans, but "three
    // quarters of the vote" and "a quarter" are shares.
    if unit == Unit::Quarter
        && (!plural
            || amount.is_none() && w0 != "several"
            || amount.is_some() && low(toks, j + 1) == "of")
    {
        return None;
    }
    // "A second suspect" counts, not times; "60 Minutes" is a programme.
    if unit == Unit::Second && matches!(w0, "a" | "an") {
        return None;
    }
    if toks[j].capitalized() && !toks[i].capitalized() && amount.is_some() {
        return None;
    }
    if amount.is_none() && !plural {
        return None;
    }
    // "52 years old" is an age, which news corpora do not mark as a time.
    if low(toks, j + 1) == "old" {
        return None;
    }
    // "five year low" is a span, but "the 1988 second quarter" is not 1988 seconds.
    if !plural && amount.is_some_and(|n| n >= 100) {
        return None;
    }
    // "one second" is fine; "the second" is an ordinal, handled nowhere here.
    Some((j + 1, Meaning::Duration { amount, unit }, None))
}

/// One hyphenated token: "30-day", "two-year", "day-long", "third-quarter", "mid-November",
/// "mid-1990s", "year-end".
pub(super) fn hyphenated(toks: &[Tok], i: usize) -> Option<Core> {
    let w = low(toks, i);
    // Most tokens have no hyphen: look before splitting (this runs at every token).
    if !w.contains('-') {
        return None;
    }
    let parts: Vec<&str> = w.split('-').collect();
    let last = parts[parts.len() - 1];
    let head = parts[..parts.len() - 1].join("-");
    if let Some((unit, false)) = unit_of(last) {
        if unit != Unit::Quarter {
            if let Some(n) = amount_word(&head) {
                return Some((
                    i + 1,
                    Meaning::Duration {
                        amount: Some(n),
                        unit,
                    },
                    None,
                ));
            }
        }
    }
    if last == "long" && parts.len() == 2 {
        if let Some((unit, plural)) = unit_of(parts[0]) {
            let amount = (!plural).then_some(1);
            return Some((i + 1, Meaning::Duration { amount, unit }, None));
        }
    }
    if last == "quarter" {
        return quarter(toks, i);
    }
    // "by year-end" is the end of this year; "year-end net" describes a figure.
    if w == "year-end" {
        let next = low(toks, i + 1);
        if !next.is_empty() && next.chars().all(|c| c.is_ascii_lowercase()) {
            return None;
        }
        let m = Meaning::Relative {
            unit: Unit::Year,
            offset: 0,
        };
        return Some((i + 1, m, Some("END")));
    }
    // "compared with year-earlier net income".
    if matches!(w, "year-earlier" | "year-ago") {
        return Some((i + 1, year_back(), None));
    }
    if parts.len() == 2 {
        let modifier = match parts[0] {
            "mid" => Some("MID"),
            "late" => Some("END"),
            "early" => Some("START"),
            _ => None,
        };
        if let Some(md) = modifier {
            if let Some(m) = month_of(parts[1]) {
                let cal = Meaning::Calendar {
                    year: None,
                    month: Some(m),
                    day: None,
                    direction: Direction::ByTense,
                };
                // "mid-March 2025".
                if let Some(y) = year_number(low(toks, i + 1)) {
                    let cal = Meaning::Calendar {
                        year: Some(y),
                        month: Some(m),
                        day: None,
                        direction: Direction::ByTense,
                    };
                    return Some((i + 2, cal, Some(md)));
                }
                return Some((i + 1, cal, Some(md)));
            }
            if let Some(y) = year_number(parts[1]) {
                return Some((i + 1, calendar_year(y), Some(md)));
            }
            if let Some(d) = decade(parts[1]) {
                return Some((i + 1, Meaning::Decade(d), Some(md)));
            }
        }
    }
    None
}

/// "every day", "each Thursday", "every other week".
pub(super) fn every(toks: &[Tok], i: usize) -> Option<Core> {
    if !matches!(low(toks, i), "every" | "each") {
        return None;
    }
    let mut j = i + 1;
    let mut n = 1;
    if low(toks, j) == "other" {
        n = 2;
        j += 1;
    } else if let Some(k) = amount_word(low(toks, j)) {
        n = k;
        j += 1;
    }
    let w = low(toks, j);
    if let Some(d) = weekday_of(w) {
        return Some((j + 1, Meaning::Set(format!("XXXX-WXX-{d}")), None));
    }
    if let Some(m) = month_of(w).filter(|_| toks[j].capitalized() && n == 1) {
        return Some((j + 1, Meaning::Set(format!("XXXX-{m:02}")), None));
    }
    let (unit, _) = unit_of(w)?;
    Some((j + 1, Meaning::Set(unit.duration(Some(n))), None))
}

/// "weeks", "months", "years": a span of unknown length.
pub(super) fn bare_plural_unit(toks: &[Tok], i: usize) -> Option<Core> {
    let (unit, plural) = unit_of(low(toks, i))?;
    if !plural || unit == Unit::Quarter || unit == Unit::Second {
        return None;
    }
    // "52 years old": an age, as in `quantity`.
    if low(toks, i + 1) == "old" {
        return None;
    }
    // "60 Minutes" is a programme.
    if toks[i].capitalized() && i > 0 && amount_word(&toks[i - 1].low).is_some() {
        return None;
    }
    // "the years" and "those days" are anaphoric rather than spans.
    let prev = if i == 0 { "" } else { toks[i - 1].low.as_str() };
    if matches!(
        prev,
        "the" | "those" | "these" | "whose" | "their" | "his" | "her" | "its" | "our"
    ) {
        return None;
    }
    Some((i + 1, Meaning::Duration { amount: None, unit }, None))
}
