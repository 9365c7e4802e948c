//! What a time expression means before it is placed on the calendar.
//!
//! The tagger reads words into a `Meaning`; `normalize` turns a `Meaning` plus a reference date and a
//! tense into a TimeML value. Keeping the two apart is what lets a new reference date re-resolve every
//! relative expression without tagging again.

/// TimeML's four TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Date,
    Time,
    Duration,
    Set,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Date => "DATE",
            Kind::Time => "TIME",
            Kind::Duration => "DURATION",
            Kind::Set => "SET",
        }
    }
}

/// A calendar unit, as durations and relative expressions count them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Weekend,
    Week,
    Month,
    Quarter,
    Season,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The ISO 8601 duration for `n` of this unit (`None` for an unknown amount, `X`):
    /// `P30D`, `PT24H`, `PXM`. Decades and centuries count in years, as TimeBank does.
    pub fn duration(self, n: Option<u32>) -> String {
        let amount = |k: u32| n.map_or("X".to_string(), |n| (n.saturating_mul(k)).to_string());
        match self {
            Unit::Second => format!("PT{}S", amount(1)),
            Unit::Minute => format!("PT{}M", amount(1)),
            Unit::Hour => format!("PT{}H", amount(1)),
            Unit::Day => format!("P{}D", amount(1)),
            Unit::Weekend => format!("P{}WE", amount(1)),
            Unit::Week => format!("P{}W", amount(1)),
            Unit::Month => format!("P{}M", amount(1)),
            Unit::Quarter => format!("P{}Q", amount(1)),
            Unit::Season => format!("P{}M", amount(3)),
            Unit::Year => format!("P{}Y", amount(1)),
            Unit::Decade => format!("P{}Y", amount(10)),
            Unit::Century => format!("P{}Y", amount(100)),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Unit::Second => "second",
            Unit::Minute => "minute",
            Unit::Hour => "hour",
            Unit::Day => "day",
            Unit::Weekend => "weekend",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Quarter => "quarter",
            Unit::Season => "season",
            Unit::Year => "year",
            Unit::Decade => "decade",
            Unit::Century => "century",
        }
    }
}

/// How a weekday or month name without a year is pinned down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// By the tense of the verb around it ("met Thursday" / "will meet Tuesday").
    ByTense,
    /// "last Thursday": strictly before the reference date.
    Last,
    /// "next Tuesday": strictly after.
    Next,
    /// "this Friday": the one in the reference week (or month, or year).
    This,
}

/// The meaning of one expression, independent of any reference date.
#[derive(Debug, Clone, PartialEq)]
pub enum Meaning {
    /// A date written out: "March 14, 2025", "Feb. 28" (no year), "January", "2022".
    Calendar {
        year: Option<i32>,
        month: Option<u32>,
        day: Option<u32>,
        direction: Direction,
    },
    /// "Friday", "last Thursday"; `day` is the ISO weekday (Monday = 1).
    Weekday { day: u32, direction: Direction },
    /// "today" (0), "yesterday" (-1), "tomorrow" (1).
    DayOffset(i64),
    /// "this week" (0), "last month" (-1), "next year" (1), "the weekend" (0).
    Relative { unit: Unit, offset: i64 },
    /// "the third quarter" (`n` = 3), "the quarter" (`n` = None: the latest one reported).
    Quarter { n: Option<u32>, year: Option<i32> },
    /// "the year-ago quarter", or "a year ago" in an earnings report: the latest reported quarter,
    /// one year back.
    QuarterYearAgo,
    /// "last summer": `season` is the TimeML code (SP, SU, FA, WI).
    Season { season: &'static str, offset: i64 },
    /// "the 1990s" is `Decade(199)`.
    Decade(i32),
    /// "the 20th century" is `Century(19)`.
    Century(i32),
    /// PRESENT_REF, PAST_REF or FUTURE_REF.
    Ref(&'static str),
    /// "30-day", "three years", "weeks" (`amount` None).
    Duration { amount: Option<u32>, unit: Unit },
    /// "two years ago" (`sign` -1), "a week later" (+1).
    Shifted {
        amount: Option<u32>,
        unit: Unit,
        sign: i64,
    },
    /// "daily", "every Monday": the TimeML value itself.
    Set(String),
    /// "Friday morning": a day and a TimeML part of day (MO, AF, EV, NI).
    PartOfDay {
        day: Box<Meaning>,
        part: &'static str,
    },
    /// "10:30 a.m. Thursday", "noon"; `day` None means the reference day.
    Clock {
        day: Option<Box<Meaning>>,
        hour: u32,
        minute: u32,
    },
}

impl Meaning {
    pub fn kind(&self) -> Kind {
        match self {
            Meaning::Duration { .. } => Kind::Duration,
            Meaning::Set(_) => Kind::Set,
            Meaning::PartOfDay { .. } | Meaning::Clock { .. } => Kind::Time,
            _ => Kind::Date,
        }
    }
}
