//! Placing a `Meaning` on the calendar: the TimeML value, and a sentence that says why.
//!
//! Relative expressions resolve against the article's reference date; weekday and month names
//! without a year also look at the tense of the verb around them, as HeidelTime does: "met Thursday"
//! is the Thursday before, "will meet Tuesday" the Tuesday after.

use super::calendar::{
    add_days, add_months, holiday_date, iso_week, long_date, quarter_of, week_string, weekday,
    weekday_name, MONTH_NAMES,
};
use super::meaning::{Direction, Meaning, Unit};
use crate::analysis::date::Date;

/// The reference date and how it was found, for explanations.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    pub date: Option<Date>,
    /// e.g. `from the caption "Friday, March 14, 2025"`.
    pub why: String,
    /// The quarter the article named last (`(1989, 1)` after "the fiscal first quarter"): what
    /// "the quarter" and "a year earlier" refer back to in an earnings report, as in HeidelTime.
    pub last_quarter: Option<(i32, u32)>,
    /// Whether the article told of `last_quarter` in the past tense ("reported a decline in
    /// fourth-quarter earnings"): a fiscal quarter that has closed, even if its number is the
    /// calendar's current one.
    pub last_quarter_past: bool,
    /// The year the article wrote out last ("in June 1998"): what "later that year" and "the
    /// following year" count from.
    pub last_year: Option<i32>,
    /// The date the article named last, and whether it named the day (`false` for "in June
    /// 1998"): what "the next day" and "the following month" count from.
    pub last_date: Option<(Date, bool)>,
    /// Set while resolving against `last_date`, so that explanations say so.
    pub named_before: bool,
}

/// The tense around an expression, and the word that showed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

/// Why a value is what it is: the reason after the arrow in `"Friday" → 2025-03-14: …`.
pub struct Resolved {
    pub value: String,
    pub reason: String,
}

/// Resolves `m` against the anchor. `cue` is the word that set the tense, if any.
pub fn resolve(m: &Meaning, anchor: &Anchor, tense: Tense, cue: &str) -> Resolved {
    let r = |value: String, reason: String| Resolved { value, reason };
    let tense_note = || match tense {
        Tense::Past => format!(" (past tense: \"{cue}\")"),
        Tense::Future => format!(" (future: \"{cue}\")"),
        Tense::Unknown => " (no tense to go by, so the nearest one)".to_string(),
    };
    let refd = anchor.date;
    let of_ref = |what: &str| match refd {
        Some(d) if anchor.named_before => format!("{what} the date named before, {}", long_date(d)),
        Some(d) => format!(
            "{what} the reference date {} ({})",
            long_date(d),
            anchor.why
        ),
        None => format!("{what} the reference date, which is unknown"),
    };
    match m {
        Meaning::Calendar {
            year,
            month,
            day,
            direction,
        } => {
            let written = |y: i32| match (month, day) {
                (Some(mo), Some(d)) => format!("{y:04}-{mo:02}-{d:02}"),
                (Some(mo), None) => format!("{y:04}-{mo:02}"),
                _ => format!("{y:04}"),
            };
            if let Some(y) = year {
                return r(written(*y), "written out in full".into());
            }
            let Some(mo) = *month else {
                return r("XXXX".into(), "no year given".into());
            };
            let Some(rd) = refd else {
                let v = match day {
                    Some(d) => format!("XXXX-{mo:02}-{d:02}"),
                    None => format!("XXXX-{mo:02}"),
                };
                return r(v, "no year given and no reference date".into());
            };
            // Positions in the year, in days (roughly: months count 31), to compare with the
            // reference date; a month alone sits at its middle.
            let here = i64::from(mo) * 31 + day.map_or(15, i64::from);
            let now = i64::from(rd.month) * 31 + i64::from(rd.day);
            let diff = here - now;
            let (y, why) = match direction {
                Direction::Last => {
                    if diff < 0 {
                        (rd.year, "the latest one before")
                    } else {
                        (rd.year - 1, "the latest one before")
                    }
                }
                Direction::Next => {
                    if diff > 0 {
                        (rd.year, "the first one after")
                    } else {
                        (rd.year + 1, "the first one after")
                    }
                }
                Direction::This => (rd.year, "in the year of"),
                // A past-tense verb before a date more than three months ahead means last year's;
                // a future one before a date more than three months gone means next year's. With
                // no tense, the nearer one within six months. (Shorter limits lose on TimeBank:
                // "said ... expire Dec. 15", written in October, is this year's.)
                Direction::ByTense => match tense {
                    Tense::Past if diff > 93 => (rd.year - 1, "the latest one before"),
                    Tense::Future if diff < -93 => (rd.year + 1, "the next one after"),
                    Tense::Unknown if diff > 124 => (rd.year - 1, "the nearest one to"),
                    Tense::Unknown if diff < -186 => (rd.year + 1, "the nearest one to"),
                    _ => (rd.year, "in the year of"),
                },
            };
            let note = if *direction == Direction::ByTense && tense != Tense::Unknown {
                tense_note()
            } else {
                String::new()
            };
            r(written(y), format!("{}{note}", of_ref(why)))
        }
        Meaning::Weekday { day, direction } => {
            let name = weekday_name(*day);
            let Some(rd) = refd else {
                return r(
                    format!("XXXX-WXX-{day}"),
                    "a weekday, but no reference date".into(),
                );
            };
            let today = i64::from(weekday(rd));
            let want = i64::from(*day);
            let back = (today - want).rem_euclid(7);
            let ahead = (want - today).rem_euclid(7);
            let (shift, why) = match direction {
                Direction::ByTense if back == 0 => (0, "weekday of".to_string()),
                Direction::ByTense => match tense {
                    Tense::Future => (ahead, format!("the {name} after")),
                    Tense::Unknown if ahead < back && ahead <= 1 => {
                        (ahead, format!("the nearest {name}, after"))
                    }
                    _ => (-back, format!("the {name} before")),
                },
                Direction::Last => (
                    if back == 0 { -7 } else { -back },
                    format!("the last {name} before"),
                ),
                Direction::Next => (
                    if ahead == 0 { 7 } else { ahead },
                    format!("the next {name} after"),
                ),
                Direction::This => (want - today, format!("the {name} in the week of")),
            };
            let note = if *direction == Direction::ByTense && back != 0 {
                tense_note()
            } else {
                String::new()
            };
            r(
                add_days(rd, shift).to_string(),
                format!("{}{note}", of_ref(&why)),
            )
        }
        Meaning::DayOffset(n) => {
            let Some(rd) = refd else {
                return r("XXXX-XX-XX".into(), "no reference date".into());
            };
            let why = match n {
                0 => "the day of".to_string(),
                -1 => "the day before".to_string(),
                1 => "the day after".to_string(),
                n if *n < 0 => format!("{} days before", -n),
                n => format!("{n} days after"),
            };
            r(add_days(rd, *n).to_string(), of_ref(&why))
        }
        Meaning::Relative { unit, offset } => {
            let which = match offset {
                0 => "the same",
                -1 => "the",
                _ => "the",
            };
            let rel = match offset {
                0 => "as",
                n if *n < 0 => "before",
                _ => "after",
            };
            let Some(rd) = refd else {
                let v = match unit {
                    Unit::Week => "XXXX-WXX".to_string(),
                    Unit::Weekend => "XXXX-WXX-WE".to_string(),
                    Unit::Month => "XXXX-XX".to_string(),
                    _ => "XXXX".to_string(),
                };
                return r(v, "no reference date".into());
            };
            // "over the weekend" in a Monday paper is the weekend just gone, which ISO counts in
            // the week before; so early in the week, unless the verb looks ahead.
            let early = match tense {
                Tense::Past => weekday(rd) <= 4,
                Tense::Unknown => weekday(rd) <= 2,
                Tense::Future => false,
            };
            if *unit == Unit::Weekend && *offset == 0 && early {
                let v = relative_value(rd, Unit::Weekend, -1);
                return r(v, of_ref("the weekend just gone, early in the week of"));
            }
            let v = relative_value(rd, *unit, *offset);
            r(v, of_ref(&format!("{which} {} {rel}", unit.name())))
        }
        Meaning::Quarter { n, year } => {
            if let (Some(n), Some(y)) = (n, year) {
                return r(format!("{y:04}-Q{n}"), "written out in full".into());
            }
            if let (None, None, Some((y, q))) = (n, year, anchor.last_quarter) {
                return r(format!("{y:04}-Q{q}"), "the quarter named before".into());
            }
            // "the 1988 period" after "the third quarter": that quarter of 1988.
            if let (None, Some(y), Some((_, q))) = (n, year, anchor.last_quarter) {
                return r(
                    format!("{y:04}-Q{q}"),
                    "the quarter named before, in the year given".into(),
                );
            }
            let Some(rd) = refd else {
                return r("XXXX-QX".into(), "no reference date".into());
            };
            let current = quarter_of(rd.month);
            let (y, q, why) = match n {
                None if year.is_some() => {
                    let q = if current == 1 { 4 } else { current - 1 };
                    (year.unwrap_or(rd.year), q, "the reported quarter, as of")
                }
                Some(q) if *q > current => (rd.year - 1, *q, "the latest such quarter by"),
                Some(q) => (rd.year, *q, "the latest such quarter by"),
                None if current == 1 => (rd.year - 1, 4, "the last full quarter before"),
                None => (rd.year, current - 1, "the last full quarter before"),
            };
            r(format!("{y:04}-Q{q}"), of_ref(why))
        }
        Meaning::QuarterOfYear { n, offset } => {
            let Some(rd) = refd else {
                return r(format!("XXXX-Q{n}"), "no reference date".into());
            };
            let y = i64::from(rd.year) + offset;
            let which = match offset {
                0 => "in the year of",
                -1 => "in the year before",
                1 => "in the year after",
                _ => "counted in years from",
            };
            r(format!("{y:04}-Q{n}"), of_ref(which))
        }
        Meaning::HalfYear { half, year } => match (year, refd) {
            (Some(y), _) => r(format!("{y:04}-H{half}"), "written out in full".into()),
            (None, Some(rd)) => r(
                format!("{:04}-H{half}", rd.year),
                of_ref("the half of the year of"),
            ),
            (None, None) => r(format!("XXXX-H{half}"), "no reference date".into()),
        },
        Meaning::QuarterYearAgo => {
            // A comparison with a year ago is about a quarter already reported: a forecast for the
            // current or a later quarter named before does not count, but the current one told
            // of in the past tense does (a fiscal fourth quarter reported in November).
            let reported = refd.map(|rd| {
                let current = quarter_of(rd.month);
                (rd.year, current)
            });
            let last_quarter = anchor.last_quarter.filter(|named| {
                reported.is_none_or(|current| {
                    *named < current || (*named == current && anchor.last_quarter_past)
                })
            });
            if let Some((y, q)) = last_quarter {
                return r(
                    format!("{:04}-Q{q}", y - 1),
                    format!("a year before the quarter named before, {y:04}-Q{q}"),
                );
            }
            let Some(rd) = refd else {
                return r("XXXX-QX".into(), "no reference date".into());
            };
            let current = quarter_of(rd.month);
            let (y, q) = if current == 1 {
                (rd.year - 2, 4)
            } else {
                (rd.year - 1, current - 1)
            };
            r(
                format!("{y:04}-Q{q}"),
                of_ref("a year before the last full quarter before"),
            )
        }
        Meaning::Season { season, offset } => {
            let Some(rd) = refd else {
                return r(format!("XXXX-{season}"), "no reference date".into());
            };
            r(
                format!("{:04}-{season}", i64::from(rd.year) + offset),
                of_ref("the season in the year of"),
            )
        }
        Meaning::SeasonOfYear { season, year } => {
            r(format!("{year:04}-{season}"), "written out in full".into())
        }
        Meaning::Decade(d) => r(format!("{d:03}"), "a decade, written out".into()),
        Meaning::Century(c) => r(format!("{c:02}"), "a century, written out".into()),
        Meaning::Ref(v) => r(
            v.to_string(),
            match *v {
                "PRESENT_REF" => "a vague present",
                "PAST_REF" => "a vague past",
                _ => "a vague future",
            }
            .into(),
        ),
        Meaning::Duration { amount, unit } => r(
            unit.duration(*amount),
            match amount {
                Some(1) => format!("a length of 1 {}", unit.name()),
                Some(n) => format!("a length of {n} {}", unit.plural()),
                None => format!("a length of some {}", unit.plural()),
            },
        ),
        Meaning::Shifted { amount, unit, sign } => {
            let Some(n) = amount else {
                let v = if *sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
                return r(v.into(), "an unknown length away".into());
            };
            let Some(rd) = refd else {
                return r("XXXX".into(), "no reference date".into());
            };
            let n = i64::from(*n) * sign;
            let v = match unit {
                Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => {
                    let days = if *unit == Unit::Day { n } else { 0 };
                    add_days(rd, days).to_string()
                }
                Unit::Week | Unit::Weekend => week_string(add_days(rd, 7 * n)),
                Unit::Month => {
                    let d = add_months(rd, n);
                    format!("{:04}-{:02}", d.year, d.month)
                }
                Unit::Quarter | Unit::Season => {
                    let d = add_months(rd, 3 * n);
                    format!("{:04}-Q{}", d.year, quarter_of(d.month))
                }
                Unit::Year => format!("{:04}", i64::from(rd.year) + n),
                Unit::Decade => format!("{:03}", (i64::from(rd.year) + 10 * n).div_euclid(10)),
                Unit::Century => format!("{:02}", (i64::from(rd.year) + 100 * n).div_euclid(100)),
            };
            let dir = if *sign < 0 { "before" } else { "after" };
            r(v, of_ref(&format!("{} {}(s) {dir}", n.abs(), unit.name())))
        }
        Meaning::Set(v) => r(v.clone(), "a repeating time".into()),
        Meaning::Holiday { holiday, direction } => {
            let name = holiday.name();
            let Some(rd) = refd else {
                return r(
                    "XXXX-XX-XX".into(),
                    format!("{name}, but no reference date"),
                );
            };
            // Choose the year as for a written date, then find the day in that year.
            let Some(this_year) = holiday_date(*holiday, rd.year) else {
                return r("XXXX-XX-XX".into(), format!("{name}, not on the calendar"));
            };
            let as_date = Meaning::Calendar {
                year: None,
                month: Some(this_year.month),
                day: Some(this_year.day),
                direction: *direction,
            };
            let placed = resolve(&as_date, anchor, tense, cue);
            let year = placed.value.get(..4).and_then(|y| y.parse().ok());
            match year.and_then(|y| holiday_date(*holiday, y)) {
                Some(d) => r(d.to_string(), format!("{name}: {}", placed.reason)),
                None => r(placed.value, format!("{name}: {}", placed.reason)),
            }
        }
        Meaning::ThatYear(offset) => {
            let (base, why) = match (anchor.last_year, refd) {
                (Some(y), _) => (y, format!("the year named before, {y:04}")),
                (None, Some(rd)) => (rd.year, of_ref("no year named before, so the year of")),
                (None, None) => return r("XXXX".into(), "no year to count from".into()),
            };
            let v = format!("{:04}", i64::from(base) + offset);
            let what = match offset {
                0 => "that year".to_string(),
                1 => "the year after".to_string(),
                -1 => "the year before".to_string(),
                n => format!("{n} years from"),
            };
            r(v, format!("{what}: {why}"))
        }
        Meaning::HalfLength { whole, unit } => r(
            unit.and_a_half(*whole)
                .unwrap_or_else(|| unit.duration(Some(*whole))),
            format!("a length of {whole} and a half {}", unit.plural()),
        ),
        Meaning::FromDateNamed(inner) => {
            // A day, a weekday or a week needs a day to count from; a month, a month.
            let needs_day = !matches!(
                **inner,
                Meaning::Relative {
                    unit: Unit::Month,
                    ..
                }
            );
            match anchor.last_date.filter(|(_, day)| *day || !needs_day) {
                Some((date, _)) => {
                    let named = Anchor {
                        date: Some(date),
                        named_before: true,
                        ..anchor.clone()
                    };
                    resolve(inner, &named, tense, cue)
                }
                None => {
                    let placed = resolve(inner, anchor, tense, cue);
                    r(
                        placed.value,
                        format!("no date named before, so {}", placed.reason),
                    )
                }
            }
        }
        Meaning::WeekOf(day) => {
            let inner = resolve(day, anchor, tense, cue);
            let date = inner.value.split('-').collect::<Vec<_>>();
            let parsed = match date.as_slice() {
                [y, m, d] => Date::new(
                    y.parse().unwrap_or(0),
                    m.parse().unwrap_or(0),
                    d.parse().unwrap_or(0),
                ),
                _ => None,
            };
            match parsed {
                Some(d) => r(
                    week_string(d),
                    format!("the week that holds {}", inner.value_reason()),
                ),
                None => r("XXXX-WXX".into(), "a week, but its day is unknown".into()),
            }
        }
        Meaning::PartOfDay { day, part } => {
            let inner = resolve(day, anchor, tense, cue);
            let name = match *part {
                "MO" => "morning",
                "AF" => "afternoon",
                "EV" => "evening",
                _ => "night",
            };
            r(
                format!("{}T{part}", inner.value),
                format!("the {name} of {}", inner.value_reason()),
            )
        }
        Meaning::Clock { day, hour, minute } => {
            let inner = match day {
                Some(day) => resolve(day, anchor, tense, cue),
                // "at 10 p.m." is on the day the story is telling, the one named last.
                None => resolve(
                    &Meaning::FromDateNamed(Box::new(Meaning::DayOffset(0))),
                    anchor,
                    tense,
                    cue,
                ),
            };
            r(
                format!("{}T{hour:02}:{minute:02}", inner.value),
                format!("{hour:02}:{minute:02} on {}", inner.value_reason()),
            )
        }
    }
}

impl Resolved {
    fn value_reason(&self) -> String {
        format!("{}: {}", self.value, self.reason)
    }
}

/// `this week`, `next month` and the like, on the reference date's calendar.
#[inline(never)]
fn relative_value(rd: Date, unit: Unit, offset: i64) -> String {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => add_days(rd, offset).to_string(),
        Unit::Week => week_string(add_days(rd, 7 * offset)),
        Unit::Weekend => format!("{}-WE", week_string(add_days(rd, 7 * offset))),
        Unit::Month => {
            let d = add_months(rd, offset);
            format!("{:04}-{:02}", d.year, d.month)
        }
        Unit::Quarter | Unit::Season => {
            let d = add_months(rd, 3 * offset);
            format!("{:04}-Q{}", d.year, quarter_of(d.month))
        }
        Unit::Year => format!("{:04}", i64::from(rd.year) + offset),
        Unit::Decade => format!("{:03}", i64::from(rd.year).div_euclid(10) + offset),
        Unit::Century => format!("{:02}", i64::from(rd.year).div_euclid(100) + offset),
    }
}

/// The month name for explanations.
pub fn month_name(m: u32) -> &'static str {
    MONTH_NAMES[(m.clamp(1, 12) - 1) as usize]
}

/// The ISO week a date falls in, for explanations.
pub fn week_of(d: Date) -> (i32, u32) {
    iso_week(d)
}
