//! Finding time expressions in a sentence's tokens, with TimeML extents.
//!
//! A hand-written grammar in the spirit of HeidelTime's rules: at each token the tagger tries every
//! pattern and keeps the longest match, then moves past it. Extents follow the TimeML guidelines:
//! "Friday", not "on Friday"; modifiers that TimeML folds in ("late Thursday", "about two years",
//! "the third quarter") are part of the expression.

mod lengths;
mod lexicon;
mod named;
mod relative;

pub use lexicon::{month_of, weekday_of};

use super::meaning::{Meaning, Unit};
use crate::analysis::span::Span;
use lengths::{bare_plural_unit, every, hyphenated, quantity};
use lexicon::{amount_word, season_of};
use named::{
    clock, day_month, holiday_led, month_led, part_before_day, season_of_year, single_word,
    weekday_led, year,
};
use relative::{determined, quarter, vague_date};

use std::borrow::Cow;

/// One token as the tagger sees it: the text and its lower-cased form.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub span: Span,
    /// The sentence the token belongs to.
    pub sentence: usize,
    pub text: &'a str,
    /// Lower case, with typographic apostrophes made plain.
    pub low: Low<'a>,
}

/// A token's lower-case form, borrowed from the text when the token is plain lower-case ASCII
/// already (most words and all punctuation), so tagging allocates only for the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Low<'a>(Cow<'a, str>);

impl<'a> Low<'a> {
    /// `word` lower-cased, with `’` made `'`.
    pub fn of(word: &'a str) -> Low<'a> {
        if !word
            .bytes()
            .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
        {
            return Low(Cow::Borrowed(word));
        }
        let mut low = word.to_lowercase();
        if low.contains('’') {
            low = low.replace('’', "'");
        }
        Low(Cow::Owned(low))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Low<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Low<'_> {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Low<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl<'a> Tok<'a> {
    pub fn new(text: &'a str, span: Span) -> Tok<'a> {
        let t = span.of(text);
        let low = Low::of(t);
        Tok {
            span,
            sentence: 0,
            text: t,
            low,
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

/// What each pattern returns: the token index after the match, the meaning, and a `mod` of its own.
pub(super) type Core = (usize, Meaning, Option<&'static str>);

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
        season_of_year(toks, i),
        vague_date(toks, i),
        part_before_day(toks, i),
    ];
    candidates
        .into_iter()
        .flatten()
        .filter(|c| c.0 > i)
        .max_by_key(|c| c.0)
}

pub(super) fn low<'t>(toks: &'t [Tok], i: usize) -> &'t str {
    toks.get(i).map_or("", |t| t.low.as_str())
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
    fn low_forms_borrow_only_what_is_lower_case_already() {
        let cases = [
            ("lower ascii", "friday", "friday", true),
            ("capital", "Friday", "friday", false),
            ("apostrophe", "Year’s", "year's", false),
            ("lower apostrophe", "year’s", "year's", false),
            ("accented", "élysée", "élysée", false),
            ("punctuation", ",", ",", true),
        ];
        for (name, word, low, borrowed) in cases {
            let got = Low::of(word);
            assert_eq!(got.as_str(), low, "{name}");
            assert_eq!(matches!(got.0, Cow::Borrowed(_)), borrowed, "{name}");
        }
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
                "REGRESSION fall before a number is a verb",
                "Prices fall 1998 points.",
                &[],
            ),
            (
                "REGRESSION that day of any such day is no date",
                "Market makers lose on trades made that day.",
                &[],
            ),
            (
                "REGRESSION an age is no time",
                "Mr. Reupke, 52 years old, resigned; the staff are 55 years old or older.",
                &[],
            ),
            (
                "REGRESSION year-end before a noun describes a figure",
                "Year-end net was below the level; it closes by year-end.",
                &["year-end"],
            ),
            (
                "REGRESSION a half with no year is a company's own",
                "Profit for the first half rose.",
                &[],
            ),
            (
                "the coming weeks leave the article out",
                "in the coming weeks",
                &["coming weeks"],
            ),
            (
                "REGRESSION a quarter of something is a share",
                "It holds more than a quarter of the market and pays $1 a quarter.",
                &[],
            ),
            (
                "REGRESSION a name that ends in Today",
                "He told USA Today and VOA Today.",
                &[],
            ),
            (
                "a title-case headline keeps its date",
                "Talks Resume Today",
                &["Today"],
            ),
            (
                "REGRESSION a modifier as the last word, before nothing",
                "They came early",
                &[],
            ),
            (
                "REGRESSION today and tomorrow after of are any day's",
                "The people of tomorrow use many of today's computers.",
                &[],
            ),
            (
                "the current before a noun leaves the article out",
                "It sparked the current weakness in the current year.",
                &["current", "the current year"],
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
