//! Expressions placed relative to the reference date or to the article: "the …", "this/last/next …",
//! "earlier this year", the quarters of earnings reports.

use super::lengths::quantity;
use super::lexicon::*;
use super::named::{calendar_year, month_led, season_of_year, spelled_year, year};
use super::{low, Core, Tok};
use crate::analysis::time::meaning::{Direction, Meaning, Unit};

/// "the …", "this/last/next …", "earlier this year".
pub(super) fn determined(toks: &[Tok], i: usize) -> Option<Core> {
    let w0 = low(toks, i);
    if w0 == "the" {
        if let Some(found) = anaphoric(toks, i) {
            return Some(found);
        }
        let w1 = low(toks, i + 1);
        match w1 {
            "past"
                if !matches!(low(toks, i + 2), "few")
                    && unit_of(low(toks, i + 2)).is_none()
                    && amount_word(low(toks, i + 2)).is_none() =>
            {
                return Some((i + 2, Meaning::Ref("PAST_REF"), None));
            }
            "future" => return Some((i + 2, Meaning::Ref("FUTURE_REF"), None)),
            // "in the near term", "in the near future".
            "near" | "short"
                if matches!(
                    (w1, low(toks, i + 2)),
                    ("near" | "short", "term") | ("near", "future")
                ) =>
            {
                return Some((i + 3, Meaning::Ref("FUTURE_REF"), None));
            }
            "fiscal" if low(toks, i + 2) == "year" => {
                return Some((i + 3, the_year(toks, i + 3), None))
            }
            // "sales for the full year": this (reporting) year.
            "full" if low(toks, i + 2) == "year" => {
                let m = Meaning::Relative {
                    unit: Unit::Year,
                    offset: 0,
                };
                return Some((i + 3, m, None));
            }
            // "the year two thousand", as broadcasts spell it.
            // "well into the summer": this year's ("the fall" is too often a drop to count).
            "summer" | "winter" | "spring" | "fall" | "autumn"
                if season_of_year(toks, i + 1).is_some() =>
            {
                return season_of_year(toks, i + 1);
            }
            "summer" | "winter" | "spring" => {
                let season = season_of(w1)?;
                return Some((i + 2, Meaning::Season { season, offset: 0 }, None));
            }
            // "the nineties".
            "twenties" | "thirties" | "forties" | "fifties" | "sixties" | "seventies"
            | "eighties" | "nineties" => {
                let tens = amount_word(&format!("{}y", w1.strip_suffix("ies")?))?;
                return Some((i + 2, Meaning::Decade(190 + tens as i32 / 10), None));
            }
            // "in the weeks ahead": a span of unknown length.
            _ if low(toks, i + 2) == "ahead" => {
                if let Some((unit, true)) = unit_of(w1) {
                    let m = Meaning::Duration { amount: None, unit };
                    return Some((i + 3, m, None));
                }
            }
            // "the following year", "the previous year": counted from the year named before.
            "following" | "previous" | "prior" if low(toks, i + 2) == "year" => {
                let offset = if w1 == "following" { 1 } else { -1 };
                return Some((i + 3, Meaning::ThatYear(offset), None));
            }
            // "the week of March 6" is the week that holds March 6.
            "week" if low(toks, i + 2) == "of" => {
                if let Some((end, m @ Meaning::Calendar { day: Some(_), .. }, None)) =
                    month_led(toks, i + 3)
                {
                    return Some((end, Meaning::WeekOf(Box::new(m)), None));
                }
            }
            "year" if spelled_year(toks, i + 2).is_some() => {
                let (end, y) = spelled_year(toks, i + 2)?;
                return Some((end, calendar_year(y), None));
            }
            // "$450 million the year before": the year before the one named last.
            "year"
                if matches!(low(toks, i + 2), "before" | "after")
                    && matches!(low(toks, i + 3), "." | "," | ";" | "") =>
            {
                let offset = if low(toks, i + 2) == "before" { -1 } else { 1 };
                return Some((i + 3, Meaning::ThatYear(offset), None));
            }
            "year" => return Some((i + 2, the_year(toks, i + 2), None)),
            "week" => {
                return Some((
                    i + 2,
                    Meaning::Relative {
                        unit: Unit::Week,
                        offset: 0,
                    },
                    None,
                ))
            }
            // "the end of the month": this month, in a phrase that says which part.
            "month" if i > 0 && low(toks, i - 1) == "of" => {
                let m = Meaning::Relative {
                    unit: Unit::Month,
                    offset: 0,
                };
                return Some((i + 2, m, None));
            }
            "first" | "second" | "last" | "latter" if half_year(toks, i + 1).is_some() => {
                return half_year(toks, i + 1);
            }
            "year-earlier" | "year-ago" => return year_ago(toks, i + 1),
            // "the comparable year-ago quarter".
            "comparable" | "same" if matches!(low(toks, i + 2), "year-earlier" | "year-ago") => {
                return year_ago(toks, i + 2)
            }
            "weekend" => {
                return Some((
                    i + 2,
                    Meaning::Relative {
                        unit: Unit::Weekend,
                        offset: 0,
                    },
                    None,
                ))
            }
            _ => {}
        }
        if let Some(found) = period_a_year_back(toks, i + 1) {
            return Some(found);
        }
        // "the quarter", "the latest quarter", "the third quarter", "the fiscal first quarter";
        // but "the third-quarter results" leaves "the" with "results".
        if let Some(q) = quarter(toks, i + 1) {
            if !low(toks, q.0 - 1).contains('-') {
                return Some(q);
            }
            return None;
        }
        // "the past year", "the next few days", "the current year".
        if relative_offset(w1).is_some() {
            match determined(toks, i + 1) {
                // "the coming weeks": TimeBank leaves "the" out of a span, and out of "the
                // current weakness" (but not "the current year").
                Some((_, Meaning::Duration { .. }, _)) if w1 == "coming" => return None,
                Some((_, Meaning::Ref(_), _)) if w1 == "current" => return None,
                Some(found) => return Some(found),
                None => {}
            }
        }
        // "the first nine months", "the past two months", "the next two weeks".
        let mut j = i + 1;
        if matches!(
            low(toks, j),
            "first" | "past" | "last" | "next" | "coming" | "previous" | "latest"
        ) {
            j += 1;
        }
        if let Some((
            end,
            m @ Meaning::Duration {
                amount: Some(_), ..
            },
            _,
        )) = quantity(toks, j)
        {
            return Some((end, m, None));
        }
        if let Some((end, m @ Meaning::Decade(_), md)) = year(toks, i + 1) {
            return Some((end, m, md));
        }
        // "Trump said he spoke with Putin the day before": before the day of the saying, which
        // in news is the reference day, not the date named last.
        if low(toks, i + 1) == "day" && matches!(low(toks, i + 2), "before") {
            return Some((i + 3, Meaning::DayOffset(-1), None));
        }
        return None;
    }
    // "that year", "later that year".
    if w0 == "that" && low(toks, i + 1) == "year" {
        return Some((i + 2, Meaning::ThatYear(0), None));
    }
    if let Some(found) = anaphoric(toks, i) {
        return Some(found);
    }
    // "the then current price" was current then.
    if w0 == "then" && low(toks, i + 1) == "current" {
        return Some((i + 2, Meaning::Ref("PAST_REF"), None));
    }
    // "these days" is now.
    if w0 == "these" && low(toks, i + 1) == "days" {
        return Some((i + 2, Meaning::Ref("PRESENT_REF"), None));
    }
    // "earlier this year", "later this month".
    if matches!(w0, "earlier" | "later") {
        // TimeML marks the part of the period: "earlier this year" is its start, "later this
        // month" its end.
        let part = if w0 == "earlier" { "START" } else { "END" };
        if let Some((end, m @ Meaning::Relative { .. }, md)) = determined(toks, i + 1) {
            if low(toks, i + 1) == "this" {
                return Some((end, m, md.or(Some(part))));
            }
        }
        // "later that year", "earlier that day".
        if let Some((end, m @ (Meaning::ThatYear(_) | Meaning::FromDateNamed(_)), md)) =
            determined(toks, i + 1)
        {
            return Some((end, m, md.or(Some(part))));
        }
        // "earlier in the year".
        if low(toks, i + 1) == "in" && low(toks, i + 2) == "the" {
            if let Some((end, m @ Meaning::Relative { .. }, md)) = determined(toks, i + 2) {
                return Some((end, m, md.or(Some(part))));
            }
        }
        return None;
    }
    let (offset, direction) = relative_offset(w0)?;
    let w1 = low(toks, i + 1);
    // "this past spring" is this year's, already gone.
    if w0 == "this" && w1 == "past" {
        if let Some(season) = season_of(low(toks, i + 2)) {
            return Some((i + 3, Meaning::Season { season, offset: 0 }, None));
        }
    }
    // "last three years", "the next two weeks": a span, not a point.
    if offset != 0 {
        if let Some((end, m @ Meaning::Duration { .. }, _)) = quantity(toks, i + 1) {
            if !matches!(w1, "a" | "an") {
                return Some((end, m, None));
            }
        }
    }
    if let Some(d) = weekday_of(w1) {
        return Some((i + 2, Meaning::Weekday { day: d, direction }, None));
    }
    if let Some(m) = month_of(w1) {
        if toks[i + 1].capitalized() {
            // "last Oct. 23" takes its day along.
            let day = day_number(low(toks, i + 2));
            return Some((
                i + 2 + usize::from(day.is_some()),
                Meaning::Calendar {
                    year: None,
                    month: Some(m),
                    day,
                    direction,
                },
                None,
            ));
        }
    }
    if let Some(season) = season_of(w1) {
        return Some((i + 2, Meaning::Season { season, offset }, None));
    }
    if let Some(part) = part_of_day(w1) {
        let day = match (w0, part) {
            ("this", _) => 0,
            ("last", "NI") => -1,
            ("tomorrow" | "next", _) => 1,
            _ => return None,
        };
        return Some((
            i + 2,
            Meaning::PartOfDay {
                day: Box::new(Meaning::DayOffset(day)),
                part,
            },
            None,
        ));
    }
    if w1 == "quarter" {
        return quarter(toks, i);
    }
    // "the current fiscal year" is the current year.
    let (w1, k) = match w1 {
        "fiscal" if matches!(low(toks, i + 2), "year" | "quarter") => (low(toks, i + 2), i + 2),
        _ => (w1, i + 1),
    };
    if w1 == "quarter" {
        let m = Meaning::Relative {
            unit: Unit::Quarter,
            offset,
        };
        return Some((k + 1, m, None));
    }
    match unit_of(w1) {
        // "in coming weeks": a span of unknown length ahead.
        Some((unit, true)) if matches!(w0, "coming") && unit >= Unit::Day => {
            Some((k + 1, Meaning::Duration { amount: None, unit }, None))
        }
        // "this century" is, in TimeBank, the hundred years up to now (P100Y); "the past
        // decade" and "the past century" are spans up to now too, where "the last decade" is
        // the one before this.
        Some((unit @ (Unit::Decade | Unit::Century), false))
            if w0 == "past" || (w0 == "this" && unit == Unit::Century) =>
        {
            let m = Meaning::Duration {
                amount: Some(1),
                unit,
            };
            Some((k + 1, m, None))
        }
        Some((unit, false)) if unit >= Unit::Weekend => {
            // "current" alone is a vague present; "current year" is this year.
            Some((k + 1, Meaning::Relative { unit, offset }, None))
        }
        _ if w0 == "current" => Some((i + 1, Meaning::Ref("PRESENT_REF"), None)),
        _ => None,
    }
}

/// "the year" (or "the fiscal year") whose next token is `next`: a company's twelve months in "the
/// year ended Sept. 30" (P1Y); otherwise this year, as in "for the year" or "earlier in the year".
pub(super) fn the_year(toks: &[Tok], next: usize) -> Meaning {
    if matches!(low(toks, next), "ended" | "ending" | "ends" | "through") {
        Meaning::Duration {
            amount: Some(1),
            unit: Unit::Year,
        }
    } else {
        Meaning::Relative {
            unit: Unit::Year,
            offset: 0,
        }
    }
}

/// After "the", from the token "year-ago" (or "year-earlier") at `i`: "the year-ago quarter" and
/// "the year-earlier third quarter" are last year's quarter, "the year-earlier nine months" a span.
/// Before any other noun ("the year-ago results") TimeBank leaves "the" out, so this gives way to
/// the bare word.
pub(super) fn year_ago(toks: &[Tok], i: usize) -> Option<Core> {
    let j = i + 1;
    if matches!(low(toks, j), "quarter" | "period") {
        return Some((j + 1, Meaning::QuarterYearAgo, None));
    }
    if let Some((
        end,
        Meaning::Quarter {
            n: Some(_),
            year: None,
        },
        _,
    )) = quarter(toks, j)
    {
        return Some((end, Meaning::QuarterYearAgo, None));
    }
    if let Some((
        end,
        m @ Meaning::Duration {
            amount: Some(_), ..
        },
        _,
    )) = quantity(toks, j)
    {
        return Some((end, m, None));
    }
    let next = low(toks, j);
    if !next.is_empty() && next.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    Some((j, year_back(), None))
}

/// One year before the reference date; in an earnings report, the year-ago quarter.
pub(super) fn year_back() -> Meaning {
    Meaning::Shifted {
        amount: Some(1),
        unit: Unit::Year,
        sign: -1,
    }
}

/// "quarter", "third quarter", "fiscal first quarter", "latest quarter", "fourth-quarter"; `i` is
/// just after any "the".
pub(super) fn quarter(toks: &[Tok], i: usize) -> Option<Core> {
    if let Some(found) = relative_year_quarter(toks, i) {
        return Some(found);
    }
    // "more than a quarter of the market", "$1 a quarter": a share or a rate.
    let prev = if i == 0 { "" } else { toks[i - 1].low.as_str() };
    if low(toks, i) == "quarter" && matches!(prev, "a" | "an" | "one" | "three" | "per") {
        return None;
    }
    let mut j = i;
    let mut n: Option<u32> = None;
    let mut year: Option<i32> = None;
    let mut offset = 0i64;
    if let Some(y) = year_number(low(toks, j)) {
        year = Some(y);
        j += if low(toks, j + 1) == "'s" { 2 } else { 1 };
    }
    if low(toks, j) == "fiscal" {
        j += 1;
    }
    match low(toks, j) {
        "latest" | "recent" | "most" => {
            j += 1;
            if low(toks, j) == "recent" {
                j += 1;
            }
            // "the latest quarter" is the last one reported, whatever was named before.
            if low(toks, j) == "quarter" && year.is_none() {
                let m = Meaning::Relative {
                    unit: Unit::Quarter,
                    offset: -1,
                };
                return Some((j + 1, m, None));
            }
        }
        "last" | "previous" | "past" => {
            offset = -1;
            j += 1
        }
        "current" | "this" => {
            if low(toks, j + 1) == "quarter" {
                let m = Meaning::Relative {
                    unit: Unit::Quarter,
                    offset: 0,
                };
                return Some((j + 2, m, None));
            }
            j += 1
        }
        w => {
            if let Some(o) = ordinal(w) {
                n = Some(o);
                j += 1;
            }
        }
    }
    if low(toks, j) == "fiscal" {
        j += 1;
    }
    let w = low(toks, j);
    // "period" is a quarter only with a word that says which ("the latest period").
    if w == "quarter" || (w == "period" && n.is_none() && j > i) {
        // "the third quarter of 1990".
        if n.is_some() && year.is_none() && low(toks, j + 1) == "of" {
            if let Some(y) = year_number(low(toks, j + 2)) {
                return Some((j + 3, Meaning::Quarter { n, year: Some(y) }, None));
            }
        }
        if offset != 0 && n.is_none() {
            // "last quarter" is the one before the latest.
            return Some((
                j + 1,
                Meaning::Quarter {
                    n: None,
                    year: None,
                },
                None,
            ));
        }
        return Some((j + 1, Meaning::Quarter { n, year }, None));
    }
    if let Some((first, "quarter")) = w.split_once('-') {
        let o = ordinal(first)?;
        if n.is_none() {
            return Some((j + 1, Meaning::Quarter { n: Some(o), year }, None));
        }
    }
    None
}

/// "this year's third quarter", "next year's first quarter", "last year's quarter": a quarter of
/// the year counted from the reference date. Without a number, last year's quarter is the one
/// compared with, a year back.
fn relative_year_quarter(toks: &[Tok], i: usize) -> Option<Core> {
    let (offset, _) = relative_offset(low(toks, i))?;
    if (low(toks, i + 1), low(toks, i + 2)) != ("year", "'s") {
        return None;
    }
    let mut j = i + 3;
    if low(toks, j) == "fiscal" {
        j += 1;
    }
    let n = ordinal(low(toks, j));
    let k = j + usize::from(n.is_some());
    if !matches!(low(toks, k), "quarter" | "period") {
        return None;
    }
    match n {
        Some(n) => Some((k + 1, Meaning::QuarterOfYear { n, offset }, None)),
        None if offset == -1 => Some((k + 1, year_back(), None)),
        None => None,
    }
}

/// The end of "last year", "a year ago", "a year earlier" or "the previous year" starting at `i`.
fn a_year_back(toks: &[Tok], i: usize) -> Option<usize> {
    match (low(toks, i), low(toks, i + 1), low(toks, i + 2)) {
        ("last", "year", _) => Some(i + 2),
        ("a" | "one", "year", "ago" | "earlier" | "before") => Some(i + 3),
        ("the", "previous" | "prior", "year") => Some(i + 3),
        _ => None,
    }
}

/// After "the" at `i - 1`: "the same period last year", "the corresponding quarter a year
/// earlier", "the quarter a year ago": one year back, which an earnings report reads as the
/// year-ago quarter.
pub(super) fn period_a_year_back(toks: &[Tok], i: usize) -> Option<Core> {
    let j = match low(toks, i) {
        "same" | "corresponding" | "comparable" | "equivalent" => i + 1,
        _ => i,
    };
    if !matches!(low(toks, j), "period" | "quarter") {
        return None;
    }
    let end = a_year_back(toks, j + 1)?;
    Some((end, year_back(), None))
}

/// Expressions that count from the date the article named last, not from the reference date
/// (TimeML's anaphoric times): "the following month", "the next day", "that same day", "the
/// previous Friday", "the next morning", "that night". "The next week" and "the next month" are
/// left to `determined`: in news they mostly look ahead from today.
fn anaphoric(toks: &[Tok], i: usize) -> Option<Core> {
    let (offset, j) = match (low(toks, i), low(toks, i + 1), low(toks, i + 2)) {
        ("the", "following", _) => (1, i + 2),
        ("the", "next", _) => (1, i + 2),
        ("the", "previous" | "preceding" | "prior", _) => (-1, i + 2),
        ("the" | "that", "same", _) => (0, i + 2),
        ("that", _, _) => (0, i + 1),
        _ => return None,
    };
    let w = low(toks, j);
    let from_named = |m: Meaning| Some((j + 1, Meaning::FromDateNamed(Box::new(m)), None));
    if let Some(day) = weekday_of(w).filter(|_| offset != 0) {
        let direction = if offset < 0 {
            Direction::Last
        } else {
            Direction::Next
        };
        return from_named(Meaning::Weekday { day, direction });
    }
    if let Some(part) = part_of_day(w) {
        let day = Box::new(Meaning::DayOffset(offset));
        return from_named(Meaning::PartOfDay { day, part });
    }
    let next = low(toks, i + 1) == "next";
    // "trades made that day" is any such day; "on that day" and "that same day" are one.
    let prev = if i == 0 { "" } else { toks[i - 1].low.as_str() };
    let bare_that_day = j == i + 1
        && w == "day"
        && !matches!(
            prev,
            "on" | "by" | "until" | "since" | "from" | "after" | "before" | "earlier" | "later"
        );
    if bare_that_day {
        return None;
    }
    match unit_of(w) {
        Some((Unit::Day, false)) => from_named(Meaning::DayOffset(offset)),
        Some((unit @ (Unit::Week | Unit::Weekend | Unit::Month), false)) if !next => {
            from_named(Meaning::Relative { unit, offset })
        }
        _ => None,
    }
}

/// After "the", from "first", "second", "last" or "latter" at `i`: "the first half of 1990",
/// "the second half of the year", "the last two quarters of 1989". A half with no year ("profit
/// for the first half") is a company's own, which TimeBank leaves unmarked.
fn half_year(toks: &[Tok], i: usize) -> Option<Core> {
    let half = match low(toks, i) {
        "first" => 1,
        _ => 2,
    };
    let j = match (low(toks, i + 1), low(toks, i + 2)) {
        ("half", _) => i + 2,
        ("two", "quarters") if half == 1 || low(toks, i) == "last" => i + 3,
        _ => return None,
    };
    let (end, year) = match (low(toks, j), low(toks, j + 1), low(toks, j + 2)) {
        ("of", "fiscal", y) if year_number(y).is_some() => (j + 3, year_number(y)),
        ("of", y, _) if year_number(y).is_some() => (j + 2, year_number(y)),
        ("of", "the" | "this", "year") => (j + 3, None),
        _ => return None,
    };
    Some((end, Meaning::HalfYear { half, year }, None))
}

/// "a later date", "an earlier time": a vague future or past.
pub(super) fn vague_date(toks: &[Tok], i: usize) -> Option<Core> {
    let value = match (low(toks, i), low(toks, i + 1)) {
        ("a", "later") => "FUTURE_REF",
        ("an", "earlier") => "PAST_REF",
        _ => return None,
    };
    matches!(low(toks, i + 2), "date" | "time" | "stage").then_some((
        i + 3,
        Meaning::Ref(value),
        None,
    ))
}
