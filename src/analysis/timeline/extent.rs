//! Where on the time axis a TimeML value lies, and how it should be drawn.
//!
//! A value covers an interval of days (`2022` the whole year, `2025-W12` its seven days); a time
//! of day narrows it to minutes (`2025-03-14T15:00`, `2025-03-14TMO` the morning); a modifier
//! takes a part of it (`late Thursday` is `2025-03-13` with `END`, the day's last hours). The
//! shape says how to draw it: a day or a time is a point, anything vaguer or longer is a band,
//! an explicit `from … to …` is a range, and a value off the calendar (`PAST_REF` for
//! "recently") is undated.

use crate::analysis::date::Date;
use crate::analysis::time::calendar::{add_days, day_number, from_day_number};

/// How an event is drawn on the axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A day or a time of day.
    Point,
    /// A vague or long stretch: a part of a day, a week, a month, a season, a year, a decade, or
    /// anything with a modifier (`late`, `early`, `mid-`).
    Band,
    /// An explicit stretch from one date to another.
    Range,
    /// A reference with no calendar date (`recently`, `earlier`, `soon`).
    Undated,
}

impl Shape {
    pub fn as_str(self) -> &'static str {
        match self {
            Shape::Point => "point",
            Shape::Band => "band",
            Shape::Range => "range",
            Shape::Undated => "undated",
        }
    }
}

/// Minutes since 1970-01-01T00:00, start inclusive and end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extent {
    pub start: i64,
    pub end: i64,
    pub shape: Shape,
}

const DAY: i64 = 1440;

impl Extent {
    /// `YYYY-MM-DDTHH:MM` of a minute.
    pub fn iso(minute: i64) -> String {
        let d = from_day_number(minute.div_euclid(DAY));
        let m = minute.rem_euclid(DAY);
        format!("{d}T{:02}:{:02}", m / 60, m % 60)
    }
}

/// The hours of a part of day (`TMO` morning, `TAF` afternoon …), in minutes from midnight.
fn part_of_day(code: &str) -> Option<(i64, i64)> {
    Some(match code {
        "MO" => (6 * 60, 12 * 60),
        "MI" => (11 * 60, 13 * 60),
        "AF" => (12 * 60, 18 * 60),
        "EV" => (18 * 60, 22 * 60),
        "NI" => (20 * 60, 24 * 60),
        "DT" => (6 * 60, 18 * 60),
        _ => return None,
    })
}

/// The extent of a TimeML value with its modifier, or `None` off the calendar. `PAST_REF`,
/// `FUTURE_REF` and `PRESENT_REF` are `Undated` with no interval (see `undated`).
#[inline(never)]
pub fn extent(value: &str, modifier: Option<&str>) -> Option<Extent> {
    let (first, last) = interval(value)?;
    let mut start = first * DAY;
    let mut end = (last + 1) * DAY;
    let time = value.split_once('T').map(|(_, t)| t);
    let mut shape = if first == last {
        Shape::Point
    } else {
        Shape::Band
    };
    match time {
        Some(t) if t.len() == 2 => {
            let (a, b) = part_of_day(t)?;
            start = first * DAY + a;
            end = first * DAY + b;
            shape = Shape::Band;
        }
        Some(t) => {
            let mut hm = t.split(':');
            let h: i64 = hm.next()?.parse().ok()?;
            let m: i64 = hm.next().unwrap_or("0").parse().ok()?;
            if !(0..24).contains(&h) || !(0..60).contains(&m) {
                return None;
            }
            start = first * DAY + h * 60 + m;
            end = start + 1;
        }
        None => {}
    }
    let third = (end - start) / 3;
    match modifier {
        Some("START") => end = start + third,
        Some("END") => start = end - third,
        Some("MID") => {
            start += third;
            end -= third;
        }
        _ => {}
    }
    if modifier.is_some() && shape == Shape::Point {
        shape = Shape::Band;
    }
    Some(Extent { start, end, shape })
}

/// Whether a value is a reference with no calendar date: `PAST_REF` ("recently", "earlier"),
/// `FUTURE_REF` ("soon").
pub fn undated(value: &str) -> bool {
    matches!(value, "PAST_REF" | "FUTURE_REF")
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

    #[test]
    fn extents_and_shapes() {
        let at = |s: &str| Extent::iso(s.parse::<Date>().map(day_number).unwrap() * DAY);
        type Case<'a> = (&'a str, &'a str, Option<&'a str>, &'a str, &'a str, Shape);
        let cases: &[Case] = &[
            (
                "a day is a point",
                "2025-03-14",
                None,
                "2025-03-14T00:00",
                "2025-03-15T00:00",
                Shape::Point,
            ),
            (
                "late Thursday is the day's last third",
                "2025-03-13",
                Some("END"),
                "2025-03-13T16:00",
                "2025-03-14T00:00",
                Shape::Band,
            ),
            (
                "a morning",
                "2025-03-14TMO",
                None,
                "2025-03-14T06:00",
                "2025-03-14T12:00",
                Shape::Band,
            ),
            (
                "a time",
                "2025-03-14T15:00",
                None,
                "2025-03-14T15:00",
                "2025-03-14T15:01",
                Shape::Point,
            ),
            (
                "next week is a band",
                "2025-W12",
                None,
                "2025-03-17T00:00",
                "2025-03-24T00:00",
                Shape::Band,
            ),
            (
                "a spring",
                "2025-SP",
                None,
                "2025-03-01T00:00",
                "2025-06-01T00:00",
                Shape::Band,
            ),
            (
                "a decade",
                "201",
                None,
                "2010-01-01T00:00",
                "2020-01-01T00:00",
                Shape::Band,
            ),
        ];
        for (name, value, modifier, start, end, shape) in cases {
            let e = extent(value, *modifier).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(
                (Extent::iso(e.start), Extent::iso(e.end), e.shape),
                (start.to_string(), end.to_string(), *shape),
                "{name}"
            );
        }
        assert_eq!(at("2025-03-14"), "2025-03-14T00:00");
        assert_eq!(extent("PAST_REF", None), None);
        assert!(undated("PAST_REF") && !undated("PRESENT_REF"));
    }
}
