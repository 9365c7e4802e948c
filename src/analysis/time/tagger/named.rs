//! Names on the calendar: weekdays, months and days, years, holidays, clock times, and the words
//! that are time expressions on their own ("today", "now", "daily").

use super::lexicon::*;
use super::{low, Core, Tok};
use crate::analysis::time::meaning::{Direction, Holiday, Meaning, Unit};

/// A year in figures or, as broadcasts say it, in words, from token `i`: "1994", "nineteen
/// ninety-four"; the end and the year.
pub(super) fn written_year(toks: &[Tok], i: usize) -> Option<(usize, i32)> {
    match year_number(low(toks, i)) {
        Some(y) => Some((i + 1, y)),
        None => spelled_year(toks, i),
    }
}

/// "summer 1998", "the winter of nineteen ninety-four" (from the season word at `i`): that
/// year's season.
pub(super) fn season_of_year(toks: &[Tok], i: usize) -> Option<Core> {
    let season = season_of(low(toks, i))?;
    let (end, year) = if low(toks, i + 1) == "of" {
        written_year(toks, i + 2)?
    } else {
        // "summer 1998", but not "prices fall 1998 points": the year passes as a year alone, and
        // "fall" before a bare number is a verb unless it is capitalised.
        if season == "FA" && !toks[i].capitalized() {
            return None;
        }
        match year(toks, i + 1)? {
            (end, Meaning::Calendar { year: Some(y), .. }, None) => (end, y),
            _ => return None,
        }
    };
    Some((end, Meaning::SeasonOfYear { season, year }, None))
}

/// A year in words from token `i`: "nineteen ninety-six" (1996), "two thousand" (2000); the end.
pub(super) fn spelled_year(toks: &[Tok], i: usize) -> Option<(usize, i32)> {
    match (low(toks, i), low(toks, i + 1)) {
        ("two", "thousand") => Some((i + 2, 2000)),
        ("nineteen", w) => {
            let n = amount_word(w).filter(|n| {
                (10..100).contains(n) && !w.starts_with(|c: char| c.is_ascii_digit())
            })?;
            Some((i + 2, 1900 + n as i32))
        }
        _ => None,
    }
}

pub(super) fn calendar_year(y: i32) -> Meaning {
    Meaning::Calendar {
        year: Some(y),
        month: None,
        day: None,
        direction: Direction::ByTense,
    }
}

/// "Thanksgiving", "Thanksgiving Day", "Christmas Eve", "Election Day"; the end token and holiday.
pub(super) fn holiday(toks: &[Tok], i: usize) -> Option<(usize, Holiday)> {
    use Holiday as H;
    if !toks.get(i)?.capitalized() {
        return None;
    }
    let day_after = |k: usize| {
        if low(toks, k) == "day" && toks[k].capitalized() {
            k + 1
        } else {
            k
        }
    };
    let next_is = |w: &str| low(toks, i + 1) == w && toks[i + 1].capitalized();
    Some(match low(toks, i) {
        "thanksgiving" => (day_after(i + 1), H::Thanksgiving),
        "christmas" if next_is("eve") => (i + 2, H::ChristmasEve),
        "christmas" => (day_after(i + 1), H::Christmas),
        "election" if next_is("day") => (i + 2, H::ElectionDay),
        "labor" | "labour" if next_is("day") => (i + 2, H::LaborDay),
        "memorial" if next_is("day") => (i + 2, H::MemorialDay),
        "veterans" if next_is("day") => (i + 2, H::VeteransDay),
        "independence" if next_is("day") => (i + 2, H::IndependenceDay),
        "new" if next_is("year") && low(toks, i + 2) == "'s" => (day_after(i + 3), H::NewYear),
        _ => return None,
    })
}

/// A holiday, alone or after "last", "next" or "this".
pub(super) fn holiday_led(toks: &[Tok], i: usize) -> Option<Core> {
    let (direction, j) = match relative_offset(low(toks, i)) {
        Some((_, d)) if low(toks, i) != "current" => (d, i + 1),
        _ => (Direction::ByTense, i),
    };
    let (end, holiday) = holiday(toks, j)?;
    Some((end, Meaning::Holiday { holiday, direction }, None))
}

/// "Friday", "Friday morning", "Friday, March 14, 2025", "Thursdays".
pub(super) fn weekday_led(toks: &[Tok], i: usize) -> Option<Core> {
    let w = low(toks, i);
    if let Some(d) = weekday_plural(w) {
        if toks[i].capitalized() {
            return Some((i + 1, Meaning::Set(format!("XXXX-WXX-{d}")), None));
        }
    }
    let d = weekday_of(w)?;
    // "Tuesday nights": every Tuesday night.
    if let Some(part) = low(toks, i + 1).strip_suffix('s').and_then(part_of_day) {
        return Some((i + 2, Meaning::Set(format!("XXXX-WXX-{d}T{part}")), None));
    }
    // "Friday, March 14, 2025" or "Friday March 14".
    let j = if low(toks, i + 1) == "," {
        i + 2
    } else {
        i + 1
    };
    if let Some((end, m @ Meaning::Calendar { day: Some(_), .. }, md)) = month_led(toks, j) {
        return Some((end, m, md));
    }
    let wd = Meaning::Weekday {
        day: d,
        direction: Direction::ByTense,
    };
    if let Some(part) = part_of_day(low(toks, i + 1)) {
        return Some((
            i + 2,
            Meaning::PartOfDay {
                day: Box::new(wd),
                part,
            },
            None,
        ));
    }
    Some((i + 1, wd, None))
}

/// "March 14", "March 14, 2025", "March 2025", "January", "Feb. 28".
pub(super) fn month_led(toks: &[Tok], i: usize) -> Option<Core> {
    let t = toks.get(i)?;
    let m = month_of(&t.low)?;
    if !t.capitalized() {
        return None;
    }
    // Short forms need their period or a day after them ("Mar" is too often a name).
    let short = t.low.trim_end_matches('.').len() <= 4
        && !matches!(t.low.as_str(), "may" | "june" | "july");
    let cal = |year, day| Meaning::Calendar {
        year,
        month: Some(m),
        day,
        direction: Direction::ByTense,
    };
    if let Some(day) = day_number(low(toks, i + 1)) {
        let mut j = i + 2;
        if low(toks, j) == "," {
            j += 1;
        }
        if let Some((end, y)) = written_year(toks, j) {
            return Some((end, cal(Some(y), Some(day)), None));
        }
        return Some((i + 2, cal(None, Some(day)), None));
    }
    let mut j = i + 1;
    if low(toks, j) == "," || low(toks, j) == "of" {
        j += 1;
    }
    if let Some((end, y)) = written_year(toks, j) {
        return Some((end, cal(Some(y), None), None));
    }
    // "January this year", "June last year".
    if let (Some((offset, _)), "year") = (relative_offset(low(toks, i + 1)), low(toks, i + 2)) {
        return Some((
            i + 3,
            Meaning::Calendar {
                year: None,
                month: Some(m),
                day: None,
                direction: match offset {
                    -1 => Direction::Last,
                    1 => Direction::Next,
                    _ => Direction::This,
                },
            },
            None,
        ));
    }
    if short && !t.text.ends_with('.') {
        return None;
    }
    if m == 5 || m == 3 {
        // "May" the modal and "March" the verb: a bare month needs a preposition before it.
        let prev = if i == 0 { "" } else { toks[i - 1].low.as_str() };
        if !matches!(
            prev,
            "in" | "since"
                | "until"
                | "by"
                | "of"
                | "during"
                | "from"
                | "through"
                | "to"
                | "early"
                | "late"
                | "mid"
                | "before"
                | "after"
                | "last"
                | "next"
                | "this"
        ) {
            return None;
        }
    }
    Some((i + 1, cal(None, None), None))
}

/// "14 March", "14 March 2025".
pub(super) fn day_month(toks: &[Tok], i: usize) -> Option<Core> {
    let day = day_number(low(toks, i))?;
    let t = toks.get(i + 1)?;
    let m = month_of(&t.low)?;
    if !t.capitalized() {
        return None;
    }
    let year = year_number(low(toks, i + 2));
    Some((
        i + 2 + usize::from(year.is_some()),
        Meaning::Calendar {
            year,
            month: Some(m),
            day: Some(day),
            direction: Direction::ByTense,
        },
        None,
    ))
}

/// "2022", "fiscal 1989", "1990s", "the 20th century".
pub(super) fn year(toks: &[Tok], i: usize) -> Option<Core> {
    let w = low(toks, i);
    // "fiscal 1989 sales": after "fiscal" a number is a year, whatever follows it.
    if w == "fiscal" {
        let y = year_number(low(toks, i + 1)).filter(|y| (1800..=2099).contains(y))?;
        return Some((i + 2, calendar_year(y), None));
    }
    if let Some(d) = decade(w) {
        return Some((i + 1, Meaning::Decade(d), None));
    }
    if let Some(c) = w.strip_suffix("th").and_then(|n| n.parse::<i32>().ok()) {
        if (1..=21).contains(&c) && low(toks, i + 1) == "century" {
            return Some((i + 2, Meaning::Century(c - 1), None));
        }
    }
    // "nineteen ninety-six", but not "nineteen ninety-six people".
    if let Some((end, y)) = spelled_year(toks, i).filter(|_| w == "nineteen") {
        let next = low(toks, end);
        // A plural noun after it ("nineteen ninety-six votes") makes it a count.
        let counts_things = unit_of(next).is_some()
            || (next.len() > 3
                && next.ends_with('s')
                && next.chars().all(|c| c.is_ascii_lowercase())
                && toks.get(end).is_some_and(|t| !t.capitalized()));
        if !counts_things {
            return Some((end, calendar_year(y), None));
        }
    }
    let y = year_number(w)?;
    if !(1800..=2099).contains(&y) {
        return None;
    }
    let prev = if i == 0 { "" } else { toks[i - 1].low.as_str() };
    if matches!(prev, "$" | "€" | "£" | "#" | "no." | "number" | "+") {
        return None;
    }
    let next = low(toks, i + 1);
    if matches!(next, "%" | "percent" | "," | "-")
        && low(toks, i + 2).bytes().all(|b| b.is_ascii_digit())
        && !low(toks, i + 2).is_empty()
    {
        return None;
    }
    if matches!(
        next,
        "%" | "percent" | "km" | "miles" | "kilometers" | "meters" | "feet"
    ) {
        return None;
    }
    let plural_noun = next.len() > 3
        && next.ends_with('s')
        && next.chars().all(|c| c.is_ascii_lowercase())
        && !matches!(
            next,
            "was"
                | "has"
                | "this"
                | "its"
                | "as"
                | "is"
                | "his"
                | "does"
                | "says"
                | "sees"
                | "makes"
                | "marks"
                | "comes"
                | "goes"
                | "brings"
        )
        && toks.get(i + 1).is_some_and(|t| !t.capitalized());
    if plural_noun {
        return None;
    }
    Some((i + 1, calendar_year(y), None))
}

/// Words that are time expressions on their own: "today", "now", "recently", "daily", "noon".
pub(super) fn single_word(toks: &[Tok], i: usize) -> Option<Core> {
    let w = low(toks, i);
    let day = |d: i64| Meaning::DayOffset(d);
    let prev = i.checked_sub(1).and_then(|k| toks.get(k));
    // "the people of tomorrow", "many of today's computers": any day's, not a date.
    if matches!(w, "today" | "tomorrow") && prev.is_some_and(|p| p.low == "of") {
        return None;
    }
    // "USA Today", "VOA Today": a name whose first word is an acronym. (A title-case headline,
    // "Talks Resume Today", keeps its date.)
    let acronym = |p: &Tok| p.text.len() >= 2 && p.text.chars().all(|c| c.is_ascii_uppercase());
    if w == "today" && toks[i].capitalized() && prev.is_some_and(acronym) {
        return None;
    }
    let m = match w {
        "today" => day(0),
        "yesterday" => day(-1),
        "tomorrow" => day(1),
        "tonight" => Meaning::PartOfDay {
            day: Box::new(day(0)),
            part: "NI",
        },
        // "Now, he says, …" opening a sentence is a turn in the story, not a time; TimeBank leaves
        // "Currently, …" there unmarked too.
        "now" | "currently"
            if low(toks, i + 1) == "," && (i == 0 || toks[i - 1].sentence != toks[i].sentence) =>
        {
            return None
        }
        "now" | "currently" | "nowadays" => Meaning::Ref("PRESENT_REF"),
        // "will soon begin", but not "as soon as" or "soon after the attack".
        "soon" => {
            let prev = if i == 0 { "" } else { toks[i - 1].low.as_str() };
            if prev == "as" || matches!(low(toks, i + 1), "as" | "after" | "afterwards") {
                return None;
            }
            Meaning::Ref("FUTURE_REF")
        }
        "recently" | "lately" | "recent" => {
            if w == "recent" {
                // "recent weeks" and "recent months" are spans of unknown length, as TimeBank
                // marks them (PXW, PXM); "recent years" and "recent days" it mostly leaves vague.
                match unit_of(low(toks, i + 1)) {
                    Some((unit @ (Unit::Week | Unit::Month), true)) => {
                        let m = Meaning::Duration { amount: None, unit };
                        return Some((i + 2, m, None));
                    }
                    Some((_, true)) => return Some((i + 2, Meaning::Ref("PAST_REF"), None)),
                    _ => {}
                }
            }
            Meaning::Ref("PAST_REF")
        }
        "daily" | "nightly" => Meaning::Set("P1D".into()),
        "weekly" => Meaning::Set("P1W".into()),
        "monthly" => Meaning::Set("P1M".into()),
        "annually" | "yearly" | "annual" => Meaning::Set("P1Y".into()),
        "hourly" => Meaning::Set("PT1H".into()),
        "noon" | "midday" => Meaning::Clock {
            day: weekday_of(low(toks, i + 1)).map(|d| {
                Box::new(Meaning::Weekday {
                    day: d,
                    direction: Direction::ByTense,
                })
            }),
            hour: 12,
            minute: 0,
        },
        // "midnight Friday" is the end of Friday (T24).
        "midnight" => Meaning::Clock {
            day: weekday_of(low(toks, i + 1)).map(|d| {
                Box::new(Meaning::Weekday {
                    day: d,
                    direction: Direction::ByTense,
                })
            }),
            hour: 24,
            minute: 0,
        },
        "weekend" => Meaning::Relative {
            unit: Unit::Weekend,
            offset: 0,
        },
        // "by year end", "at year's end": this year, as TimeBank writes it.
        "year" => {
            let end = match (low(toks, i + 1), low(toks, i + 2)) {
                ("end", _) => i + 2,
                ("'s", "end") => i + 3,
                _ => return None,
            };
            let m = Meaning::Relative {
                unit: Unit::Year,
                offset: 0,
            };
            return Some((end, m, Some("END")));
        }
        _ => return None,
    };
    if w == "annual" {
        return None;
    }
    if let Meaning::Clock { day: Some(_), .. } = m {
        return Some((i + 2, m, None));
    }
    // "yesterday morning", "today's".
    if let Meaning::DayOffset(d) = m {
        if let Some(part) = part_of_day(low(toks, i + 1)) {
            return Some((
                i + 2,
                Meaning::PartOfDay {
                    day: Box::new(day(d)),
                    part,
                },
                None,
            ));
        }
    }
    Some((i + 1, m, None))
}

/// "10:30 a.m.", "10 p.m.", "4 a.m. EDT Thursday".
pub(super) fn clock(toks: &[Tok], i: usize) -> Option<Core> {
    let w = low(toks, i);
    let (h, m) = match w.split_once(':') {
        Some((h, m)) => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
        None => (w.parse::<u32>().ok()?, 0),
    };
    let mut j = i + 1;
    let ampm = low(toks, j);
    let hour = match ampm.trim_end_matches('.') {
        "a.m" | "am" => {
            j += 1;
            if h == 12 {
                0
            } else {
                h
            }
        }
        "p.m" | "pm" => {
            j += 1;
            if h == 12 {
                12
            } else {
                h.saturating_add(12)
            }
        }
        _ if w.contains(':') && h <= 24 => h,
        // "at 4 in the morning", "by 9 in the evening".
        _ => {
            let prev = i.checked_sub(1).map_or("", |k| toks[k].low.as_str());
            let part = match (low(toks, j), low(toks, j + 1), low(toks, j + 2)) {
                ("in", "the", part) => part_of_day(part),
                _ => None,
            };
            let at = matches!(
                prev,
                "at" | "by" | "until" | "till" | "before" | "after" | "around" | "about" | "from"
            );
            match part.filter(|_| at && (1..=12).contains(&h)) {
                Some("MO") => {
                    j += 3;
                    h % 12
                }
                Some("AF" | "EV") => {
                    j += 3;
                    h % 12 + 12
                }
                _ => return None,
            }
        }
    };
    if hour > 24 || m > 59 || h > 12 && j > i + 1 {
        return None;
    }
    if matches!(
        low(toks, j),
        "edt" | "est" | "gmt" | "utc" | "pdt" | "pst" | "cdt" | "cst"
    ) {
        j += 1;
    }
    let mut day = None;
    if let Some(d) = weekday_of(low(toks, j)) {
        day = Some(Box::new(Meaning::Weekday {
            day: d,
            direction: Direction::ByTense,
        }));
        j += 1;
    } else if matches!(low(toks, j), "today" | "yesterday" | "tomorrow") {
        let d = match low(toks, j) {
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => 0,
        };
        day = Some(Box::new(Meaning::DayOffset(d)));
        j += 1;
    } else {
        // "5 p.m. EST Nov. 9", "5 p.m. EST, Nov. 6".
        let k = if low(toks, j) == "," { j + 1 } else { j };
        if let Some((end, m @ Meaning::Calendar { day: Some(_), .. }, None)) = month_led(toks, k) {
            day = Some(Box::new(m));
            j = end;
        }
    }
    Some((
        j,
        Meaning::Clock {
            day,
            hour,
            minute: m,
        },
        None,
    ))
}

/// "mid-afternoon yesterday", "morning Thursday": a part of day before the day it belongs to.
pub(super) fn part_before_day(toks: &[Tok], i: usize) -> Option<Core> {
    let w = low(toks, i);
    let part = part_of_day(w.strip_prefix("mid-").unwrap_or(w))?;
    let next = low(toks, i + 1);
    let day = match next {
        "yesterday" => Meaning::DayOffset(-1),
        "today" => Meaning::DayOffset(0),
        "tomorrow" => Meaning::DayOffset(1),
        _ => Meaning::Weekday {
            day: weekday_of(next)?,
            direction: Direction::ByTense,
        },
    };
    let m = Meaning::PartOfDay {
        day: Box::new(day),
        part,
    };
    Some((i + 2, m, None))
}
