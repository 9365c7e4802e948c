//! Day arithmetic on `Date`: weekdays, ISO weeks, quarters, and shifts by days or months.
//!
//! Days are counted from 1970-01-01 with Howard Hinnant's `days_from_civil` algorithm, which is
//! exact for the whole proleptic Gregorian calendar and needs no tables.

use crate::analysis::date::{days_in_month, Date};

/// Days since 1970-01-01 (negative before).
pub fn day_number(d: Date) -> i64 {
    let y = i64::from(d.year) - i64::from(d.month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(d.month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `n` days after 1970-01-01. Years are clamped to what `Date` holds.
pub fn from_day_number(n: i64) -> Date {
    let z = n.clamp(-700_000_000, 700_000_000) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date { year, month, day }
}

pub fn add_days(d: Date, n: i64) -> Date {
    from_day_number(day_number(d).saturating_add(n))
}

/// ISO weekday: Monday is 1, Sunday is 7.
pub fn weekday(d: Date) -> u32 {
    // 1970-01-01 was a Thursday (4).
    ((day_number(d) + 3).rem_euclid(7) + 1) as u32
}

/// The ISO 8601 week `(year, week)`: weeks start on Monday, and week 1 holds the year's first
/// Thursday, so 2025-03-14 is in 2025-W11 and 2024-12-30 is in 2025-W01.
pub fn iso_week(d: Date) -> (i32, u32) {
    let thursday = add_days(d, 4 - i64::from(weekday(d)));
    let jan1 = Date {
        year: thursday.year,
        month: 1,
        day: 1,
    };
    let week = (day_number(thursday) - day_number(jan1)) / 7 + 1;
    (thursday.year, week as u32)
}

/// `2025-W11`.
pub fn week_string(d: Date) -> String {
    let (y, w) = iso_week(d);
    format!("{y:04}-W{w:02}")
}

/// Shifts by whole months, keeping the day where the target month has it (Jan 31 + 1 → Feb 28).
pub fn add_months(d: Date, n: i64) -> Date {
    let total = i64::from(d.year) * 12 + i64::from(d.month) - 1 + n;
    let year = total.div_euclid(12).clamp(-1_000_000, 1_000_000) as i32;
    let month = (total.rem_euclid(12) + 1) as u32;
    let day = d.day.min(days_in_month(year, month));
    Date { year, month, day }
}

/// The quarter (1–4) a month falls in.
pub fn quarter_of(month: u32) -> u32 {
    (month.clamp(1, 12) - 1) / 3 + 1
}

pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "Friday" for 5.
pub fn weekday_name(n: u32) -> &'static str {
    WEEKDAY_NAMES[(n.clamp(1, 7) - 1) as usize]
}

/// "Friday, March 14, 2025": how explanations print a day.
#[inline(never)]
pub fn long_date(d: Date) -> String {
    format!(
        "{}, {} {}, {}",
        weekday_name(weekday(d)),
        MONTH_NAMES[(d.month.clamp(1, 12) - 1) as usize],
        d.day,
        d.year
    )
}

/// The `n`th (1-based) ISO weekday `wd` of a month, or with `n` = 0 the last one.
pub fn nth_weekday(year: i32, month: u32, wd: u32, n: u32) -> Option<Date> {
    let first = Date::new(year, month, 1)?;
    let offset = (i64::from(wd) - i64::from(weekday(first))).rem_euclid(7);
    let day = if n == 0 {
        let last = crate::analysis::date::days_in_month(year, month);
        let back =
            (i64::from(weekday(Date::new(year, month, last)?)) - i64::from(wd)).rem_euclid(7);
        i64::from(last) - back
    } else {
        1 + offset + 7 * (i64::from(n) - 1)
    };
    Date::new(year, month, u32::try_from(day).ok()?)
}

/// The day a holiday falls on in `year` (US conventions).
#[inline(never)]
pub fn holiday_date(h: super::meaning::Holiday, year: i32) -> Option<Date> {
    use super::meaning::Holiday as H;
    match h {
        H::NewYear => Date::new(year, 1, 1),
        H::MemorialDay => nth_weekday(year, 5, 1, 0),
        H::IndependenceDay => Date::new(year, 7, 4),
        H::LaborDay => nth_weekday(year, 9, 1, 1),
        // The Tuesday after the first Monday of November.
        H::ElectionDay => nth_weekday(year, 11, 1, 1).map(|d| add_days(d, 1)),
        H::VeteransDay => Date::new(year, 11, 11),
        H::Thanksgiving => nth_weekday(year, 11, 4, 4),
        H::ChristmasEve => Date::new(year, 12, 24),
        H::Christmas => Date::new(year, 12, 25),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn day_numbers_round_trip() {
        for s in [
            "1970-01-01",
            "2000-02-29",
            "1900-03-01",
            "2025-03-14",
            "1600-12-31",
            "0001-01-01",
        ] {
            assert_eq!(from_day_number(day_number(d(s))), d(s), "{s}");
        }
        assert_eq!(day_number(d("1970-01-02")), 1);
    }

    #[test]
    fn weekdays_and_weeks() {
        let cases: &[(&str, &str, u32, (i32, u32))] = &[
            ("the sample's Friday", "2025-03-14", 5, (2025, 11)),
            ("the sample's Saturday", "2025-03-15", 6, (2025, 11)),
            ("a Monday starts week 12", "2025-03-17", 1, (2025, 12)),
            (
                "late December in next year's week 1",
                "2024-12-30",
                1,
                (2025, 1),
            ),
            (
                "early January in last year's week 53",
                "2021-01-03",
                7,
                (2020, 53),
            ),
            ("TimeBank's DCT", "1998-08-07", 5, (1998, 32)),
        ];
        for (name, s, wd, week) in cases {
            assert_eq!(weekday(d(s)), *wd, "{name}");
            assert_eq!(iso_week(d(s)), *week, "{name}");
        }
    }

    #[test]
    fn month_shifts_keep_the_day_when_they_can() {
        assert_eq!(add_months(d("2025-01-31"), 1), d("2025-02-28"));
        assert_eq!(add_months(d("2025-03-14"), -3), d("2024-12-14"));
        assert_eq!(add_months(d("2025-03-14"), 12), d("2026-03-14"));
    }
}
