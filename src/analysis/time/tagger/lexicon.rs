//! The tagger's words: months, weekdays, units, numbers, ordinals, parts of day and seasons.

use crate::analysis::time::meaning::{Direction, Unit};

pub fn month_of(w: &str) -> Option<u32> {
    Some(match w.trim_end_matches('.') {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

pub fn weekday_of(w: &str) -> Option<u32> {
    Some(match w {
        "monday" => 1,
        "tuesday" => 2,
        "wednesday" => 3,
        "thursday" => 4,
        "friday" => 5,
        "saturday" => 6,
        "sunday" => 7,
        _ => return None,
    })
}

pub(super) fn weekday_plural(w: &str) -> Option<u32> {
    weekday_of(w.strip_suffix('s')?)
}

/// A unit word and whether it was plural.
pub(super) fn unit_of(w: &str) -> Option<(Unit, bool)> {
    let (stem, plural) = match w {
        "centuries" => ("century", true),
        _ => match w.strip_suffix('s') {
            Some(stem) if !stem.is_empty() && stem != "year'" => (stem, true),
            _ => (w, false),
        },
    };
    let unit = match stem {
        "second" => Unit::Second,
        "minute" => Unit::Minute,
        "hour" => Unit::Hour,
        "day" => Unit::Day,
        "weekend" => Unit::Weekend,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        "century" => Unit::Century,
        _ => return None,
    };
    Some((unit, plural))
}

pub(super) fn small_number(w: &str) -> Option<u32> {
    Some(match w {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "dozen" => 12,
        _ => return None,
    })
}

/// A written amount: "30", "three", "twenty-four", "twenty four".
pub(super) fn amount_word(w: &str) -> Option<u32> {
    if !w.is_empty() && w.len() <= 6 && w.bytes().all(|b| b.is_ascii_digit()) {
        return w.parse().ok();
    }
    if let Some((tens, ones)) = w.split_once('-') {
        let (t, o) = (small_number(tens)?, small_number(ones)?);
        return (t >= 20 && t % 10 == 0 && o < 10).then_some(t + o);
    }
    small_number(w)
}

pub(super) fn ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        _ => return None,
    })
}

pub(super) fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" | "overnight" => "NI",
        _ => return None,
    })
}

pub(super) fn season_of(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "fall" | "autumn" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

pub(super) fn relative_offset(w: &str) -> Option<(i64, Direction)> {
    Some(match w {
        "this" | "current" => (0, Direction::This),
        "last" | "past" | "previous" => (-1, Direction::Last),
        "next" | "coming" | "following" => (1, Direction::Next),
        _ => return None,
    })
}

/// A 1–31 day number: "14", "14th".
pub(super) fn day_number(w: &str) -> Option<u32> {
    let digits = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))
        .unwrap_or(w);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    (1..=31).contains(&n).then_some(n)
}

pub(super) fn year_number(w: &str) -> Option<i32> {
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i32 = w.parse().ok()?;
    (1000..=2099).contains(&n).then_some(n)
}

/// "1990s" is the decade 199.
pub(super) fn decade(w: &str) -> Option<i32> {
    let digits = w.strip_suffix("'s").or_else(|| w.strip_suffix('s'))?;
    let y = year_number(digits)?;
    (y % 10 == 0).then_some(y / 10)
}
