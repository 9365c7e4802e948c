//! Rule-based number labels on the same tokens as the tagger: MONEY (`$4.5 billion`, `20 million
//! euros`), PERCENT (`nearly 20%`, `3.5 percent`), QUANTITY (`300 kilometers`, `30-day`), ORDINAL
//! (`third`, `21st`) and CARDINAL (`25 countries`, `four drones`).
//!
//! Dates and times are the time stage's: a year (`2025`), a day next to a month (`March 14`) or a
//! clock time (`10:30`, `6 p.m.`) is left alone here.

use std::borrow::Cow;

use super::features::{normalized, FastMap};
use crate::analysis::time::tagger::month_of;

/// Words that can make up a number.
const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
];

/// Scale words that may follow a figure: `4.5 billion`.
const SCALES: &[&str] = &[
    "hundred", "thousand", "million", "billion", "trillion", "bn", "mln", "m", "k",
];

const ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "hundredth",
    "thousandth",
];

const CURRENCY_SYMBOLS: &[&str] = &["$", "€", "£", "¥", "₽", "₴", "US$", "C$", "A$", "HK$"];

const CURRENCY_WORDS: &[&str] = &[
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "ruble", "rubles",
    "rouble", "roubles", "yen", "yuan", "renminbi", "hryvnia", "hryvnias", "rupee", "rupees",
    "franc", "francs", "cent", "cents", "pence", "usd", "eur", "gbp",
];

const PERCENT_WORDS: &[&str] = &["%", "percent", "pct", "percentage"];

const UNITS: &[&str] = &[
    "km",
    "kilometer",
    "kilometers",
    "kilometre",
    "kilometres",
    "mile",
    "miles",
    "meter",
    "meters",
    "metre",
    "metres",
    "foot",
    "feet",
    "inch",
    "inches",
    "yard",
    "yards",
    "kg",
    "kilogram",
    "kilograms",
    "gram",
    "grams",
    "ton",
    "tons",
    "tonne",
    "tonnes",
    "pound-force",
    "liter",
    "liters",
    "litre",
    "litres",
    "gallon",
    "gallons",
    "barrel",
    "barrels",
    "acre",
    "acres",
    "hectare",
    "hectares",
    "degree",
    "degrees",
    "mph",
    "kph",
    "megawatt",
    "megawatts",
    "mw",
    "gw",
    "cm",
    "mm",
];

/// Units that make a hyphenated figure a quantity: `30-day`, `10-kilometer`.
const HYPHEN_UNITS: &[&str] = &[
    "day",
    "week",
    "month",
    "year",
    "hour",
    "minute",
    "second",
    "km",
    "kilometer",
    "kilometre",
    "mile",
    "meter",
    "metre",
    "foot",
    "ton",
    "tonne",
    "point",
    "member",
    "man",
    "seat",
    "story",
    "storey",
];

/// Words before a figure that belong to its span: `nearly 20%`, `more than 25 countries`.
const APPROXIMATORS: &[&str] = &[
    "about",
    "nearly",
    "almost",
    "around",
    "roughly",
    "approximately",
    "some",
    "over",
    "under",
    "only",
    "just",
];

const TIME_WORDS: &[&str] = &["a.m.", "p.m.", "am", "pm", "gmt", "utc", "o'clock"];

/// A word list, as a bit of `lists_of`.
#[derive(Clone, Copy)]
struct List(u16);

const NUMBER: List = List(1 << 0);
const ORDINAL: List = List(1 << 1);
const SCALE: List = List(1 << 2);
const CURRENCY_SYMBOL: List = List(1 << 3);
const CURRENCY_WORD: List = List(1 << 4);
const PERCENT_WORD: List = List(1 << 5);
const UNIT: List = List(1 << 6);
const HYPHEN_UNIT: List = List(1 << 7);
const APPROXIMATOR: List = List(1 << 8);
const TIME_WORD: List = List(1 << 9);

/// Which of the lists above hold a word, as `List` bits. Every token is checked against several
/// lists: one hash lookup instead of a scan of each.
fn lists_of(word: &str) -> u16 {
    static INDEX: std::sync::OnceLock<FastMap<&'static str, u16>> = std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index: FastMap<&'static str, u16> = FastMap::default();
        for (list, words) in [
            (NUMBER, NUMBER_WORDS),
            (ORDINAL, ORDINALS),
            (SCALE, SCALES),
            (CURRENCY_SYMBOL, CURRENCY_SYMBOLS),
            (CURRENCY_WORD, CURRENCY_WORDS),
            (PERCENT_WORD, PERCENT_WORDS),
            (UNIT, UNITS),
            (HYPHEN_UNIT, HYPHEN_UNITS),
            (APPROXIMATOR, APPROXIMATORS),
            (TIME_WORD, TIME_WORDS),
        ] {
            for &w in words {
                *index.entry(w).or_default() |= list.0;
            }
        }
        index
    });
    index.get(word).copied().unwrap_or(0)
}

fn in_list(word: &str, list: List) -> bool {
    lists_of(word) & list.0 != 0
}

fn is_digits(t: &str) -> bool {
    let mut digit = false;
    for c in t.chars() {
        if c.is_ascii_digit() {
            digit = true;
        } else if !matches!(c, '.' | ',') {
            return false;
        }
    }
    digit
}

fn is_number_word(lower: &str) -> bool {
    in_list(lower, NUMBER)
        || lower
            .split_once('-')
            .is_some_and(|(a, b)| in_list(a, NUMBER) && in_list(b, NUMBER))
}

/// `21st`, `2nd`, `third`, `twenty-first`.
fn is_ordinal(lower: &str) -> bool {
    if in_list(lower, ORDINAL) {
        return true;
    }
    if let Some((a, b)) = lower.split_once('-') {
        return in_list(a, NUMBER) && in_list(b, ORDINAL);
    }
    let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &lower[digits.len()..];
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && matches!(suffix, "st" | "nd" | "rd" | "th")
}

/// A year, or a day of the month next to a month name, or a clock time: the time stage's.
fn is_date_or_time(lower: &[Cow<str>], i: usize) -> bool {
    let t = &*lower[i];
    if t.contains(':') {
        return true;
    }
    let plain_year = t.len() == 4
        && t.chars().all(|c| c.is_ascii_digit())
        && (1800..=2100).contains(&t.parse::<u32>().unwrap_or(0));
    if plain_year {
        return true;
    }
    let prev = i.checked_sub(1).map(|j| &*lower[j]);
    let next = lower.get(i + 1).map(|n| &**n);
    // Month names come from the time stage, the one place that reads them.
    prev.is_some_and(|p| month_of(p).is_some())
        || next.is_some_and(|n| month_of(n).is_some() || in_list(n, TIME_WORD))
}

/// Labelled spans `(start, end, label)` in token indices. `blocked[i]` marks tokens already inside
/// a named entity, which numbers never overlap.
#[inline(never)]
pub fn find(tokens: &[&str], blocked: &[bool]) -> Vec<(usize, usize, &'static str)> {
    // Most tokens are lower-case ASCII already: borrowed, not copied.
    let lower: Vec<Cow<str>> = tokens
        .iter()
        .map(|t| {
            let word = normalized(t);
            if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
                word
            } else {
                Cow::Owned(word.to_lowercase())
            }
        })
        .collect();
    let free = |i: usize| !blocked.get(i).copied().unwrap_or(false);
    let mut out = Vec::new();
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        if !free(i) {
            i += 1;
            continue;
        }
        let w = &*lower[i];
        if is_ordinal(w) {
            let date =
                w.chars().next().is_some_and(|c| c.is_ascii_digit()) && is_date_or_time(&lower, i);
            if !date {
                out.push((i, i + 1, "ORDINAL"));
            }
            i += 1;
            continue;
        }
        // A figure: currency symbol?, digits or number words, scale words.
        let mut start = i;
        let mut j = i;
        let currency_before = in_list(w, CURRENCY_SYMBOL);
        if currency_before {
            j += 1;
        }
        let figure_start = j;
        while j < n && free(j) && (is_digits(&lower[j]) || is_number_word(&lower[j])) {
            j += 1;
        }
        if j == figure_start {
            // `30-day`: a hyphenated figure and unit in one token.
            if let Some((num, unit)) = w.split_once('-') {
                let unit = unit.trim_end_matches('s');
                if (is_digits(num) || is_number_word(num)) && in_list(unit, HYPHEN_UNIT) {
                    out.push((i, i + 1, "QUANTITY"));
                }
            }
            i += 1;
            continue;
        }
        if !currency_before && j == i + 1 && is_digits(w) && is_date_or_time(&lower, i) {
            i += 1;
            continue;
        }
        while j < n && free(j) && in_list(&lower[j], SCALE) {
            j += 1;
        }
        let next = lower.get(j).map(|n| &**n).filter(|_| free(j));
        let label = if currency_before {
            "MONEY"
        } else if next.is_some_and(|n| in_list(n, CURRENCY_WORD)) {
            j += 1;
            "MONEY"
        } else if next.is_some_and(|n| in_list(n, PERCENT_WORD)) {
            j += 1;
            if lower.get(j).is_some_and(|n| n == "points") && lower[j - 1] == "percentage" {
                j += 1;
            }
            "PERCENT"
        } else if next == Some("per") && lower.get(j + 1).is_some_and(|n| n == "cent") {
            j += 2;
            "PERCENT"
        } else if next.is_some_and(|n| in_list(n, UNIT)) {
            j += 1;
            "QUANTITY"
        } else {
            "CARDINAL"
        };
        // A lone "one" is mostly a pronoun ("no one", "one of them").
        let lone_one = label == "CARDINAL" && j == i + 1 && w == "one";
        if !lone_one {
            if start > 0 && free(start - 1) && in_list(&lower[start - 1], APPROXIMATOR) {
                start -= 1;
            }
            out.push((start, j, label));
        }
        i = j.max(i + 1);
    }
    out
}

#[cfg(test)]
// Test tables are tuples of slices, on purpose: one row a case.
#[allow(clippy::type_complexity)]
mod tests {
    use super::*;
    use crate::analysis::segment::tokenize;
    use crate::analysis::span::Span;

    fn labels(text: &str) -> Vec<(String, &'static str)> {
        let spans: Vec<Span> = tokenize(text, Span::new(0, text.len()))
            .map(|(s, _)| s)
            .collect();
        let tokens: Vec<&str> = spans.iter().map(|s| s.of(text)).collect();
        find(&tokens, &vec![false; tokens.len()])
            .into_iter()
            .map(|(a, b, l)| (text[spans[a].start..spans[b - 1].end].to_string(), l))
            .collect()
    }

    const CASES: &[(&str, &str, &[(&str, &str)])] = &[
        (
            "dollars",
            "It cost $4.5 billion.",
            &[("$4.5 billion", "MONEY")],
        ),
        (
            "euros",
            "a loan of 20 million euros",
            &[("20 million euros", "MONEY")],
        ),
        (
            "percent sign",
            "up nearly 20% on Friday",
            &[("nearly 20%", "PERCENT")],
        ),
        (
            "percent word",
            "grew 3.5 percent",
            &[("3.5 percent", "PERCENT")],
        ),
        ("count", "25 countries signed", &[("25", "CARDINAL")]),
        ("count word", "four drones fell", &[("four", "CARDINAL")]),
        (
            "hyphen quantity",
            "a 30-day ceasefire",
            &[("30-day", "QUANTITY")],
        ),
        (
            "distance",
            "300 kilometers away",
            &[("300 kilometers", "QUANTITY")],
        ),
        ("ordinal word", "the third time", &[("third", "ORDINAL")]),
        ("ordinal digits", "the 21st century", &[("21st", "ORDINAL")]),
        ("year is a date", "in 2025 and 1996", &[]),
        ("day is a date", "on March 14, 2025", &[]),
        ("time", "at 10:30 a.m.", &[]),
        ("clock hour", "at 6 p.m. sharp", &[]),
        ("lone one", "no one came", &[]),
        ("thousands", "1,000 troops", &[("1,000", "CARDINAL")]),
    ];

    #[test]
    fn named_cases() {
        for (name, input, expected) in CASES {
            let got = labels(input);
            let want: Vec<(String, &str)> =
                expected.iter().map(|&(t, l)| (t.to_string(), l)).collect();
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn entities_block_numbers() {
        let tokens = ["G7", "and", "25", "states"];
        assert_eq!(find(&tokens, &[true, false, true, false]), []);
    }
}
