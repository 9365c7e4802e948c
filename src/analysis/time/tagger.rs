//! Finding time expressions in a sentence's tokens, with TimeML extents.
//!
//! A hand-written grammar in the spirit of HeidelTime's rules: at each token the tagger tries every
//! pattern and keeps the longest match, then moves past it. Extents follow the TimeML guidelines:
//! "Friday", not "on Friday"; modifiers that TimeML folds in ("late Thursday", "about two years",
//! "the third quarter") are part of the expression.

use super::meaning::{Direction, Holiday, Meaning, Unit};
use crate::analysis::span::Span;

/// One token as the tagger sees it: the text and its lower-cased form.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub span: Span,
    /// The sentence the token belongs to.
    pub sentence: usize,
    pub text: &'a str,
    /// Lower case, with typographic apostrophes made plain.
    pub low: String,
}

impl<'a> Tok<'a> {
    pub fn new(text: &'a str, span: Span) -> Tok<'a> {
        let t = span.of(text);
        Tok {
            span,
            sentence: 0,
            text: t,
            low: t.to_lowercase().replace('’', "'"),
        }
    }

    /// The tagger's tokens for segmenter tokens: as they are, except that a number the segmenter
    /// kept together with a final period ("Nov. 6." at a sentence end) loses the period.
    pub fn split_all(text: &'a str, tokens: &[crate::analysis::segment::Token]) -> Vec<Tok<'a>> {
        let mut out = Vec::with_capacity(tokens.len());
        for t in tokens {
            let s = t.span.of(text);
            let number = s.len() > 1
                && s.ends_with('.')
                && s[..s.len() - 1].bytes().all(|b| b.is_ascii_digit());
            if number {
                let cut = t.span.end - 1;
                for span in [Span::new(t.span.start, cut), Span::new(cut, t.span.end)] {
                    out.push(Tok {
                        sentence: t.sentence,
                        ..Tok::new(text, span)
                    });
                }
            } else {
                out.push(Tok {
                    sentence: t.sentence,
                    ..Tok::new(text, t.span)
                });
            }
        }
        out
    }

    fn capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// A match: tokens `first..end` of the sentence, what they mean, and TimeML's `mod`.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub first: usize,
    pub end: usize,
    pub meaning: Meaning,
    pub modifier: Option<&'static str>,
}

/// Tags one sentence. Matches never overlap and come in text order.
pub fn tag(toks: &[Tok]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match match_at(toks, i) {
            Some(found) if found.end > i => {
                i = found.end;
                out.push(found);
            }
            _ => i += 1,
        }
    }
    out
}

/// The longest expression starting at token `i`, if any.
fn match_at(toks: &[Tok], i: usize) -> Option<Found> {
    // "the early 1980s", "the late 1970s", "the early summer".
    if low(toks, i) == "the" {
        if let Some((modifier, j, false)) = prefix(toks, i + 1) {
            let season = season_of(low(toks, j)).filter(|s| *s != "FA");
            if let Some(season) = season {
                return Some(Found {
                    first: i,
                    end: j + 1,
                    meaning: Meaning::Season { season, offset: 0 },
                    modifier: Some(modifier),
                });
            }
            if let Some(found) = core_with_suffix(toks, j) {
                if matches!(found.meaning, Meaning::Decade(_)) && found.modifier.is_none() {
                    return Some(Found {
                        first: i,
                        modifier: Some(modifier),
                        ..found
                    });
                }
            }
        }
    }
    if let Some((modifier, j, for_duration)) = prefix(toks, i) {
        // "about two years", but not "over the last three years".
        let counted = amount_word(low(toks, j)).is_some()
            || matches!(low(toks, j), "a" | "an" | "several" | "few" | "many");
        let found = core_with_suffix(toks, j).filter(|_| counted || !for_duration);
        if let Some(found) = found {
            let is_span = matches!(
                found.meaning,
                Meaning::Duration { .. } | Meaning::Shifted { .. }
            );
            if is_span == for_duration && found.modifier.is_none() {
                return Some(Found {
                    first: i,
                    modifier: Some(modifier),
                    ..found
                });
            }
        }
    }
    core_with_suffix(toks, i)
}

/// A modifier that TimeML keeps inside the expression, the token after it, and whether it goes with
/// durations ("about two years") or with dates ("late Thursday").
fn prefix(toks: &[Tok], i: usize) -> Option<(&'static str, usize, bool)> {
    let w = |k: usize| toks.get(i + k).map_or("", |t| t.low.as_str());
    let two = (w(0), w(1));
    let three = (w(0), w(1), w(2));
    Some(match three {
        ("the", "end", "of") => ("END", i + 3, false),
        ("the", "beginning" | "start", "of") => ("START", i + 3, false),
        ("the", "middle", "of") => ("MID", i + 3, false),
        _ => match two {
            ("more" | "longer", "than") => ("MORE_THAN", i + 2, true),
            ("less" | "fewer", "than") => ("LESS_THAN", i + 2, true),
            ("at", "least") => ("EQUAL_OR_MORE", i + 2, true),
            ("at", "most") | ("up", "to") => ("EQUAL_OR_LESS", i + 2, true),
            ("end", "of") => ("END", i + 2, false),
            _ => match two.0 {
                "late" => ("END", i + 1, false),
                "early" => ("START", i + 1, false),
                "mid" => ("MID", i + 1, false),
                "about" | "around" | "approximately" | "roughly" | "some" => {
                    ("APPROX", i + 1, true)
                }
                "nearly" | "almost" => ("LESS_THAN", i + 1, true),
                "over" => ("MORE_THAN", i + 1, true),
                _ => return None,
            },
        },
    })
}

/// A core expression and the suffixes that turn a duration into a date ("two years ago").
fn core_with_suffix(toks: &[Tok], i: usize) -> Option<Found> {
    let (end, meaning, modifier) = core(toks, i)?;
    if let Meaning::Duration { amount, unit } = meaning {
        let w = |k: usize| toks.get(end + k).map_or("", |t| t.low.as_str());
        let shifted = |sign: i64, len: usize| Found {
            first: i,
            end: end + len,
            meaning: Meaning::Shifted { amount, unit, sign },
            modifier,
        };
        let bare_plural = amount.is_none() && !toks[i].low.chars().all(char::is_alphabetic);
        if !bare_plural || amount.is_some() || end - i > 1 {
            match (w(0), w(1)) {
                ("ago" | "earlier", _) if unit >= Unit::Day => return Some(shifted(-1, 1)),
                // "ten days before the vote" is a span that ends at the vote; only a bare
                // "ten days before." counts back from the reference date.
                ("before", "." | "," | ";" | "") if unit >= Unit::Day => {
                    return Some(shifted(-1, 1))
                }
                ("later" | "hence", _) if unit >= Unit::Day => return Some(shifted(1, 1)),
                ("from", "now") => return Some(shifted(1, 2)),
                _ => {}
            }
        }
    }
    Some(Found {
        first: i,
        end,
        meaning,
        modifier,
    })
}

type Core = (usize, Meaning, Option<&'static str>);

/// The longest of all the patterns that start at `i`.
fn core(toks: &[Tok], i: usize) -> Option<Core> {
    let candidates = [
        determined(toks, i),
        quantity(toks, i),
        hyphenated(toks, i),
        weekday_led(toks, i),
        month_led(toks, i),
        day_month(toks, i),
        year(toks, i),
        single_word(toks, i),
        every(toks, i),
        bare_plural_unit(toks, i),
        clock(toks, i),
        quarter(toks, i),
        holiday_led(toks, i),
    ];
    candidates
        .into_iter()
        .flatten()
        .filter(|c| c.0 > i)
        .max_by_key(|c| c.0)
}

// ---------------------------------------------------------------------------------------------
// Lexicon

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

fn weekday_plural(w: &str) -> Option<u32> {
    weekday_of(w.strip_suffix('s')?)
}

/// A unit word and whether it was plural.
fn unit_of(w: &str) -> Option<(Unit, bool)> {
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

fn small_number(w: &str) -> Option<u32> {
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
fn amount_word(w: &str) -> Option<u32> {
    if !w.is_empty() && w.len() <= 6 && w.bytes().all(|b| b.is_ascii_digit()) {
        return w.parse().ok();
    }
    if let Some((tens, ones)) = w.split_once('-') {
        let (t, o) = (small_number(tens)?, small_number(ones)?);
        return (t >= 20 && t % 10 == 0 && o < 10).then_some(t + o);
    }
    small_number(w)
}

fn ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        _ => return None,
    })
}

fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" | "overnight" => "NI",
        _ => return None,
    })
}

fn season_of(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "fall" | "autumn" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

fn relative_offset(w: &str) -> Option<(i64, Direction)> {
    Some(match w {
        "this" | "current" => (0, Direction::This),
        "last" | "past" | "previous" => (-1, Direction::Last),
        "next" | "coming" | "following" => (1, Direction::Next),
        _ => return None,
    })
}

/// A 1–31 day number: "14", "14th".
fn day_number(w: &str) -> Option<u32> {
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

fn year_number(w: &str) -> Option<i32> {
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i32 = w.parse().ok()?;
    (1000..=2099).contains(&n).then_some(n)
}

// ---------------------------------------------------------------------------------------------
// Patterns. Each returns the token index after the match, the meaning and a `mod` of its own.

fn low<'t>(toks: &'t [Tok], i: usize) -> &'t str {
    toks.get(i).map_or("", |t| t.low.as_str())
}

/// "the …", "this/last/next …", "earlier this year".
fn determined(toks: &[Tok], i: usize) -> Option<Core> {
    let w0 = low(toks, i);
    if w0 == "the" {
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
            if let Some(found) = determined(toks, i + 1) {
                return Some(found);
            }
        }
        // "the first nine months", "the past two months", "the next two weeks".
        let mut j = i + 1;
        if matches!(
            low(toks, j),
            "first" | "past" | "last" | "next" | "coming" | "previous"
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
        if low(toks, i + 1) == "same" && low(toks, i + 2) == "day" {
            return Some((i + 3, Meaning::DayOffset(0), None));
        }
        if low(toks, i + 1) == "day" && matches!(low(toks, i + 2), "before") {
            return Some((i + 3, Meaning::DayOffset(-1), None));
        }
        if low(toks, i + 1) == "next" && low(toks, i + 2) == "day" {
            return Some((i + 3, Meaning::DayOffset(1), None));
        }
        return None;
    }
    // "that year", "later that year".
    if w0 == "that" && low(toks, i + 1) == "year" {
        return Some((i + 2, Meaning::ThatYear(0), None));
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
        if let Some((end, m @ Meaning::Relative { .. }, md)) = determined(toks, i + 1) {
            if low(toks, i + 1) == "this" {
                return Some((end, m, md));
            }
        }
        // "later that year".
        if let Some((end, m @ Meaning::ThatYear(_), md)) = determined(toks, i + 1) {
            return Some((end, m, md));
        }
        // "earlier in the year".
        if low(toks, i + 1) == "in" && low(toks, i + 2) == "the" {
            if let Some((end, m @ Meaning::Relative { .. }, md)) = determined(toks, i + 2) {
                return Some((end, m, md));
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
            return Some((
                i + 2,
                Meaning::Calendar {
                    year: None,
                    month: Some(m),
                    day: None,
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
        // "this century" is, in TimeBank, the hundred years up to now (P100Y).
        Some((Unit::Century, false)) if w0 == "this" => {
            let m = Meaning::Duration {
                amount: Some(1),
                unit: Unit::Century,
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
fn the_year(toks: &[Tok], next: usize) -> Meaning {
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
fn year_ago(toks: &[Tok], i: usize) -> Option<Core> {
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
fn year_back() -> Meaning {
    Meaning::Shifted {
        amount: Some(1),
        unit: Unit::Year,
        sign: -1,
    }
}

/// "quarter", "third quarter", "fiscal first quarter", "latest quarter", "fourth-quarter"; `i` is
/// just after any "the".
fn quarter(toks: &[Tok], i: usize) -> Option<Core> {
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
        if w == "period" && year.is_some() {
            return None;
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

/// "30 days", "three years", "a few weeks", "several months", "twenty four hours".
fn quantity(toks: &[Tok], i: usize) -> Option<Core> {
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
    if unit == Unit::Quarter {
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
    // "five year low" is a span, but "the 1988 second quarter" is not 1988 seconds.
    if !plural && amount.is_some_and(|n| n >= 100) {
        return None;
    }
    // "one second" is fine; "the second" is an ordinal, handled nowhere here.
    Some((j + 1, Meaning::Duration { amount, unit }, None))
}

/// One hyphenated token: "30-day", "two-year", "day-long", "third-quarter", "mid-November",
/// "mid-1990s", "year-end".
fn hyphenated(toks: &[Tok], i: usize) -> Option<Core> {
    let w = low(toks, i);
    let parts: Vec<&str> = w.split('-').collect();
    if parts.len() < 2 {
        return None;
    }
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

/// A year in words from token `i`: "nineteen ninety-six" (1996), "two thousand" (2000); the end.
fn spelled_year(toks: &[Tok], i: usize) -> Option<(usize, i32)> {
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

fn calendar_year(y: i32) -> Meaning {
    Meaning::Calendar {
        year: Some(y),
        month: None,
        day: None,
        direction: Direction::ByTense,
    }
}

/// "1990s" is the decade 199.
fn decade(w: &str) -> Option<i32> {
    let digits = w.strip_suffix("'s").or_else(|| w.strip_suffix('s'))?;
    let y = year_number(digits)?;
    (y % 10 == 0).then_some(y / 10)
}

/// "Thanksgiving", "Thanksgiving Day", "Christmas Eve", "Election Day"; the end token and holiday.
fn holiday(toks: &[Tok], i: usize) -> Option<(usize, Holiday)> {
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
fn holiday_led(toks: &[Tok], i: usize) -> Option<Core> {
    let (direction, j) = match relative_offset(low(toks, i)) {
        Some((_, d)) if low(toks, i) != "current" => (d, i + 1),
        _ => (Direction::ByTense, i),
    };
    let (end, holiday) = holiday(toks, j)?;
    Some((end, Meaning::Holiday { holiday, direction }, None))
}

/// "Friday", "Friday morning", "Friday, March 14, 2025", "Thursdays".
fn weekday_led(toks: &[Tok], i: usize) -> Option<Core> {
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
fn month_led(toks: &[Tok], i: usize) -> Option<Core> {
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
        if let Some(y) = year_number(low(toks, j)) {
            return Some((j + 1, cal(Some(y), Some(day)), None));
        }
        return Some((i + 2, cal(None, Some(day)), None));
    }
    let mut j = i + 1;
    if low(toks, j) == "," || low(toks, j) == "of" {
        j += 1;
    }
    if let Some(y) = year_number(low(toks, j)) {
        return Some((j + 1, cal(Some(y), None), None));
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
fn day_month(toks: &[Tok], i: usize) -> Option<Core> {
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
fn year(toks: &[Tok], i: usize) -> Option<Core> {
    let w = low(toks, i);
    if w == "fiscal" {
        let (end, m, md) = year(toks, i + 1)?;
        return Some((end, m, md));
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
                && next.chars().all(|c| c.is_ascii_lowercase()));
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
fn single_word(toks: &[Tok], i: usize) -> Option<Core> {
    let w = low(toks, i);
    let day = |d: i64| Meaning::DayOffset(d);
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
            return Some((end, m, None));
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

/// "every day", "each Thursday", "every other week".
fn every(toks: &[Tok], i: usize) -> Option<Core> {
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
fn bare_plural_unit(toks: &[Tok], i: usize) -> Option<Core> {
    let (unit, plural) = unit_of(low(toks, i))?;
    if !plural || unit == Unit::Quarter || unit == Unit::Second {
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

/// "10:30 a.m.", "10 p.m.", "4 a.m. EDT Thursday".
fn clock(toks: &[Tok], i: usize) -> Option<Core> {
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
        _ => return None,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::segment::tokenize;

    fn extents(s: &str) -> Vec<String> {
        let toks: Vec<Tok> = tokenize(s, Span::new(0, s.len()))
            .map(|(span, _)| Tok::new(s, span))
            .collect();
        tag(&toks)
            .iter()
            .map(|f| {
                Span::new(toks[f.first].span.start, toks[f.end - 1].span.end)
                    .of(s)
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn extents_follow_timeml() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "a preposition stays out",
                "They met on Friday.",
                &["Friday"],
            ),
            (
                "late is folded in",
                "Putin asked Witkoff late Thursday to wait.",
                &["late Thursday"],
            ),
            (
                "a duration before after",
                "three years after Russia’s full-scale invasion",
                &["three years"],
            ),
            ("a hyphenated duration", "a 30-day ceasefire", &["30-day"]),
            (
                "the weekend keeps its article",
                "to spend the weekend debriefing",
                &["the weekend"],
            ),
            (
                "next week",
                "a possible ceasefire next week.",
                &["next week"],
            ),
            (
                "a possessive stays out",
                "Saturday’s meeting takes place",
                &["Saturday"],
            ),
            (
                "a caption date",
                "Moscow, Russia, Friday, March 14, 2025. (AP Photo)",
                &["Friday, March 14, 2025"],
            ),
            (
                "a month abbreviation",
                "at the White House on Feb. 28 in which",
                &["Feb. 28"],
            ),
            ("a year before a noun", "Russia’s 2022 invasion", &["2022"]),
            (
                "a year before a plural noun is a count",
                "sent 2000 troops",
                &[],
            ),
            ("money is not a year", "paid $2000 for it", &[]),
            (
                "ago makes a date",
                "two years ago, he left",
                &["two years ago"],
            ),
            (
                "the quarter",
                "profit in the third quarter rose",
                &["the third quarter"],
            ),
            ("a modal May", "He May go", &[]),
            ("a month after in", "in May he left", &["May"]),
            (
                "a clock time",
                "at 10:30 a.m. EDT Thursday",
                &["10:30 a.m. EDT Thursday"],
            ),
            (
                "weeks or months",
                "take weeks or months for",
                &["weeks", "months"],
            ),
            (
                "more than",
                "more than four hours",
                &["more than four hours"],
            ),
            (
                "earlier this year",
                "earlier this year, the firm",
                &["earlier this year"],
            ),
            (
                "a part of day",
                "this morning in our meeting",
                &["this morning"],
            ),
            ("every", "every Thursday at the club", &["every Thursday"]),
            (
                "the year-ago results leave the article out",
                "The year-ago results were restated.",
                &["year-ago"],
            ),
            (
                "at least two more weeks",
                "It will take at least two more weeks.",
                &["at least two more weeks"],
            ),
            (
                "REGRESSION Now opening a sentence is no time",
                "Now, he says, it looks bad. Prices are now lower.",
                &["now"],
            ),
            (
                "REGRESSION Currently opening a sentence is no time",
                "Currently, organs are rationed.",
                &[],
            ),
            (
                "REGRESSION as soon as is no time",
                "He will leave as soon as possible and soon after the vote.",
                &[],
            ),
            ("REGRESSION a second suspect", "A second suspect fled.", &[]),
            (
                "REGRESSION a programme title",
                "He told 60 Minutes about it.",
                &[],
            ),
            (
                "REGRESSION people counted after a spelled year",
                "nineteen ninety-six votes were cast.",
                &[],
            ),
        ];
        for (name, text, expected) in cases {
            assert_eq!(extents(text), *expected, "{name}");
        }
    }
}
