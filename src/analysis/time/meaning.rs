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
            // An unknown number of centuries is TimeBank's PXC ("centuries").
            Unit::Century if n.is_none() => "PXC".to_string(),
            Unit::Century => format!("P{}Y", amount(100)),
        }
    }

    /// `n` and a half of this unit in ISO 8601 (`P2Y6M`, `PT5H30M`), where the half is a whole
    /// number of the next smaller unit.
    pub fn and_a_half(self, n: u32) -> Option<String> {
        Some(match self {
            Unit::Minute => format!("PT{n}M30S"),
            Unit::Hour => format!("PT{n}H30M"),
            Unit::Day => format!("P{n}DT12H"),
            Unit::Year => format!("P{n}Y6M"),
            Unit::Decade => format!("P{}Y", n.saturating_mul(10).saturating_add(5)),
            Unit::Century => format!("P{}Y", n.saturating_mul(100).saturating_add(50)),
            _ => return None,
        })
    }

    /// "centuries", "days".
    pub fn plural(self) -> &'static str {
        match self {
            Unit::Century => "centuries",
            _ => match self.name() {
                "second" => "seconds",
                "minute" => "minutes",
                "hour" => "hours",
                "day" => "days",
                "weekend" => "weekends",
                "week" => "weeks",
                "month" => "months",
                "quarter" => "quarters",
                "season" => "seasons",
                "year" => "years",
                _ => "decades",
            },
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

/// The US holidays news names without a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    NewYear,
    MemorialDay,
    IndependenceDay,
    LaborDay,
    ElectionDay,
    VeteransDay,
    Thanksgiving,
    ChristmasEve,
    Christmas,
}

impl Holiday {
    pub fn name(self) -> &'static str {
        match self {
            Holiday::NewYear => "New Year's Day",
            Holiday::MemorialDay => "Memorial Day",
            Holiday::IndependenceDay => "Independence Day",
            Holiday::LaborDay => "Labor Day",
            Holiday::ElectionDay => "Election Day",
            Holiday::VeteransDay => "Veterans Day",
            Holiday::Thanksgiving => "Thanksgiving",
            Holiday::ChristmasEve => "Christmas Eve",
            Holiday::Christmas => "Christmas",
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
    /// "this year's third quarter" (`offset` 0), "next year's first quarter" (1).
    QuarterOfYear { n: u32, offset: i64 },
    /// "the first half of 1990" (`half` 1); no year is the reference date's.
    HalfYear { half: u32, year: Option<i32> },
    /// "the year-ago quarter", or "a year ago" in an earnings report: the latest reported quarter,
    /// one year back.
    QuarterYearAgo,
    /// "last summer": `season` is the TimeML code (SP, SU, FA, WI).
    Season { season: &'static str, offset: i64 },
    /// "the winter of 1994": a season of a year written out.
    SeasonOfYear { season: &'static str, year: i32 },
    /// "the 1990s" is `Decade(199)`.
    Decade(i32),
    /// "the 20th century" is `Century(19)`.
    Century(i32),
    /// PRESENT_REF, PAST_REF or FUTURE_REF.
    Ref(&'static str),
    /// "30-day", "three years", "weeks" (`amount` None).
    Duration { amount: Option<u32>, unit: Unit },
    /// "2 1/2 years": a length with a half, as its ISO 8601 value (`P2Y6M`).
    HalfLength { whole: u32, unit: Unit },
    /// "two years ago" (`sign` -1), "a week later" (+1).
    Shifted {
        amount: Option<u32>,
        unit: Unit,
        sign: i64,
    },
    /// "Thanksgiving", "last Christmas": a holiday whose date depends on the year.
    Holiday {
        holiday: Holiday,
        direction: Direction,
    },
    /// "that year" (0), "the following year" (1), "the previous year" (-1): counted from the year
    /// the article named last.
    ThatYear(i64),
    /// "the following month", "the next day", "that night": the inner meaning, placed against
    /// the date the article named last instead of the reference date.
    FromDateNamed(Box<Meaning>),
    /// "the week of March 6": the ISO week that holds the day.
    WeekOf(Box<Meaning>),
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
            Meaning::Duration { .. } | Meaning::HalfLength { .. } => Kind::Duration,
            Meaning::Set(_) => Kind::Set,
            Meaning::PartOfDay { .. } | Meaning::Clock { .. } => Kind::Time,
            Meaning::FromDateNamed(inner) => inner.kind(),
            _ => Kind::Date,
        }
    }
}
