//! The timeline panel's time axis: where each dated card, band and bar goes, at a zoom level from
//! decades down to hours.
//!
//! Time runs down the page. Between two moments the axis is proportional to time (the zoom sets
//! pixels per minute), with two exceptions that keep it readable:
//! - a stretch longer than `MAX_GAP_PX` with nothing in it is cut to a short *break* that says how
//!   long it was ("3 years"), so a 2022 background card and last week's news share one screen;
//! - where cards that start together need more room than their time allows, the axis stretches
//!   until they fit: the next moment on the axis comes below them (its ticks spread to match, so
//!   the scale stays honest).
//!
//! Worked example at `Weeks` (56 px a day): cards on Mar 3 and Mar 5 sit 112 px apart; a card on
//! Mar 5 that is 90 px tall pushes a Mar 5 14:00 card to 90 px + gap below the first, and the
//! 14:00 tick moves with it. A card in 2022 before them is followed by a break, not 60 000 px.
//!
//! Plain data, built natively and tested here; the panel (`app::timeline`) only draws it.

use crate::analysis::time::calendar::{day_number, from_day_number, weekday};
use crate::analysis::Date;

const DAY: i64 = 1440;
/// An empty stretch drawn longer than this becomes a break.
pub const MAX_GAP_PX: f64 = 320.0;
/// How tall a break is drawn.
pub const BREAK_PX: f64 = 46.0;
/// Room between two stacked cards.
pub const CARD_GAP: f64 = 8.0;
/// Room above the first card.
pub const TOP_PAD: f64 = 14.0;
/// Tick labels closer than this to the previous label are left off.
const LABEL_ROOM: f64 = 22.0;
/// Band and bar lanes beside the axis line; more overlapping bands share the last lane.
pub const LANES: usize = 3;

/// How much time a screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zoom {
    Decades,
    Years,
    Months,
    Weeks,
    Days,
    Hours,
}

impl Zoom {
    /// Coarsest first.
    pub const ALL: [Zoom; 6] = [
        Zoom::Decades,
        Zoom::Years,
        Zoom::Months,
        Zoom::Weeks,
        Zoom::Days,
        Zoom::Hours,
    ];

    /// The name on its button.
    pub fn name(self) -> &'static str {
        match self {
            Zoom::Decades => "Decades",
            Zoom::Years => "Years",
            Zoom::Months => "Months",
            Zoom::Weeks => "Weeks",
            Zoom::Days => "Days",
            Zoom::Hours => "Hours",
        }
    }

    /// Pixels a day takes.
    fn px_per_day(self) -> f64 {
        match self {
            Zoom::Decades => 60.0 / 365.25,
            Zoom::Years => 2.0,
            Zoom::Months => 12.0,
            Zoom::Weeks => 56.0,
            Zoom::Days => 240.0,
            Zoom::Hours => 56.0 * 24.0,
        }
    }

    fn px_per_minute(self) -> f64 {
        self.px_per_day() / DAY as f64
    }

    /// One step finer (`+`), or `None` at hours.
    pub fn finer(self) -> Option<Zoom> {
        let i = Zoom::ALL.iter().position(|&z| z == self)?;
        Zoom::ALL.get(i + 1).copied()
    }

    /// One step coarser (`−`), or `None` at decades.
    pub fn coarser(self) -> Option<Zoom> {
        let i = Zoom::ALL.iter().position(|&z| z == self)?;
        i.checked_sub(1).map(|i| Zoom::ALL[i])
    }

    /// What a tick marks at this zoom, for the `data-unit` of the axis.
    pub fn unit(self) -> &'static str {
        match self {
            Zoom::Decades => "year",
            Zoom::Years => "month",
            Zoom::Months => "week",
            Zoom::Weeks => "day",
            Zoom::Days => "6 hours",
            Zoom::Hours => "hour",
        }
    }
}

/// A dated card to place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Item {
    /// Minutes since 1970-01-01, start inclusive, end exclusive.
    pub start: i64,
    pub end: i64,
    /// Drawn as a band or a bar (it needs a lane), rather than a dot.
    pub long: bool,
    /// The card's height in pixels (an upper bound: the panel clamps the label to fit).
    pub height: f64,
}

/// Where one item went.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// The card's top.
    pub top: f64,
    /// The mark on the axis: its start and end (equal for a dot).
    pub mark_top: f64,
    pub mark_bottom: f64,
    /// Its band lane, `0..LANES`.
    pub lane: usize,
}

/// A tick on the axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub y: f64,
    /// Left off where the previous label is too close.
    pub label: Option<String>,
    /// A new year, month or day: drawn heavier.
    pub major: bool,
}

/// An empty stretch cut short.
#[derive(Debug, Clone, PartialEq)]
pub struct Break {
    pub y: f64,
    pub height: f64,
    /// How long it was: `3 years`, `5 months`, `12 days`.
    pub label: String,
}

/// The whole axis, in the order of the items given.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layout {
    pub placed: Vec<Placed>,
    pub ticks: Vec<Tick>,
    pub breaks: Vec<Break>,
    pub height: f64,
}

/// A card's height in pixels and how many lines its label may take, for a label of `chars`
/// characters in a card `chars_per_line` wide. The label is clamped to those lines, so the card is
/// never taller than this (the panel's CSS sizes below match: a 18 px date line, 20 px label
/// lines, a 24 px chip row, a 18 px "stated again" row, 16 px of padding and border).
pub fn card_height(
    chars: usize,
    chars_per_line: usize,
    chips: bool,
    restated: bool,
) -> (f64, usize) {
    let lines = chars.div_ceil(chars_per_line.max(1)).clamp(1, 4);
    let h = 16.0
        + 18.0
        + 20.0 * lines as f64
        + if chips { 24.0 } else { 0.0 }
        + if restated { 18.0 } else { 0.0 };
    (h, lines)
}

/// One piece of the axis between two moments something starts or ends at.
#[derive(Debug, Clone, Copy)]
struct Segment {
    from: i64,
    to: i64,
    y0: f64,
    /// Below the cards that start at `from`: where the time after `from` is drawn from.
    free: f64,
    y1: f64,
    broken: bool,
}

/// `YYYY-MM-DDTHH:MM` (the contract's `start` and `end`) as minutes since 1970-01-01.
pub fn parse_minute(s: &str) -> Option<i64> {
    let (date, time) = s.split_once('T')?;
    let date: Date = date.parse().ok()?;
    let (h, m) = time.split_once(':')?;
    let (h, m): (i64, i64) = (h.parse().ok()?, m.parse().ok()?);
    Some(day_number(date) * DAY + h * 60 + m)
}

/// The zoom that suits the items best: the finest at which the typical step from one card's
/// start to the next is drawn at most about 120 px.
pub fn fit(items: &[Item]) -> Zoom {
    let mut starts: Vec<i64> = items.iter().map(|i| i.start).collect();
    starts.sort_unstable();
    starts.dedup();
    let mut steps: Vec<i64> = starts.windows(2).map(|w| w[1] - w[0]).collect();
    if steps.is_empty() {
        return Zoom::Weeks;
    }
    steps.sort_unstable();
    let typical = steps[steps.len() / 2] as f64;
    Zoom::ALL
        .iter()
        .rev()
        .copied()
        .find(|z| typical * z.px_per_minute() <= 120.0)
        .unwrap_or(Zoom::Decades)
}

/// Lays the items out at `zoom`.
pub fn layout(items: &[Item], zoom: Zoom) -> Layout {
    if items.is_empty() {
        return Layout::default();
    }
    let scale = zoom.px_per_minute();
    // Every moment something starts or ends at, with the cards that start there.
    // A dot's end is no moment of its own: only bands and bars reach down to their ends, and
    // the axis runs on to the last end.
    let mut keys: Vec<i64> = items
        .iter()
        .flat_map(|i| [Some(i.start), i.long.then_some(i.end)])
        .flatten()
        .chain(items.iter().map(|i| i.end).max())
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| (items[i].start, items[i].end));
    let mut ys = Vec::with_capacity(keys.len());
    let mut segments = Vec::with_capacity(keys.len());
    let mut placed = vec![
        Placed {
            top: 0.0,
            mark_top: 0.0,
            mark_bottom: 0.0,
            lane: 0
        };
        items.len()
    ];
    // The bottom of the lowest card so far: the next card starts below it.
    let mut floor = 0.0f64;
    let mut next = 0;
    for (k, &key) in keys.iter().enumerate() {
        let y = if k == 0 {
            TOP_PAD
        } else {
            let prev = keys[k - 1];
            let y0 = ys[k - 1];
            let drawn = (key - prev) as f64 * scale;
            let broken = drawn > MAX_GAP_PX;
            let mut y: f64 = y0 + if broken { BREAK_PX } else { drawn };
            // Nothing is drawn beside the cards above: a card starts below them, and so does
            // any later moment (a day's end, a band's end), so no tick sits beside a card it
            // does not belong to.
            let starts_here = next < order.len() && items[order[next]].start == key;
            let room = if starts_here { floor + CARD_GAP } else { floor };
            y = y.max(room);
            segments.push(Segment {
                from: prev,
                to: key,
                y0,
                free: floor.max(y0).min(y),
                y1: y,
                broken,
            });
            y
        };
        ys.push(y);
        // The cards that start here, stacked.
        let mut top = y;
        while next < order.len() && items[order[next]].start == key {
            let i = order[next];
            placed[i].top = top;
            placed[i].mark_top = y;
            top += items[i].height + CARD_GAP;
            floor = floor.max(top - CARD_GAP);
            next += 1;
        }
    }
    let y_of = |t: i64| -> f64 {
        let k = keys.partition_point(|&x| x < t);
        ys.get(k).copied().unwrap_or(floor)
    };
    for (i, item) in items.iter().enumerate() {
        placed[i].mark_bottom = if item.long {
            y_of(item.end).max(placed[i].mark_top)
        } else {
            placed[i].mark_top
        };
    }
    // Lanes: each band or bar takes the first lane free at its top.
    let mut lane_ends = [f64::NEG_INFINITY; LANES];
    for &i in &order {
        if !items[i].long {
            continue;
        }
        let p = &mut placed[i];
        let lane = (0..LANES)
            .find(|&l| lane_ends[l] <= p.mark_top)
            .unwrap_or(LANES - 1);
        lane_ends[lane] = lane_ends[lane].max(p.mark_bottom.max(p.mark_top + 6.0));
        p.lane = lane;
    }
    let mut ticks = Vec::new();
    let mut breaks = Vec::new();
    let mut last_label = f64::NEG_INFINITY;
    for s in &segments {
        if s.broken {
            breaks.push(Break {
                y: s.free,
                height: s.y1 - s.free,
                label: duration(s.to - s.from),
            });
            last_label = f64::NEG_INFINITY;
            continue;
        }
        for (t, label, major) in ticks_between(zoom, s.from, s.to) {
            let y = if t == s.from {
                s.y0
            } else {
                s.free + (s.y1 - s.free) * (t - s.from) as f64 / (s.to - s.from) as f64
            };
            let label = (y - last_label >= LABEL_ROOM).then(|| {
                last_label = y;
                label
            });
            ticks.push(Tick { y, label, major });
        }
    }
    let height = floor.max(ys.last().copied().unwrap_or(0.0)) + TOP_PAD;
    Layout {
        placed,
        ticks,
        breaks,
        height,
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// The ticks of `zoom`'s unit in `from..to` (minutes): each moment, its label and whether it
/// starts a larger unit.
fn ticks_between(zoom: Zoom, from: i64, to: i64) -> Vec<(i64, String, bool)> {
    let mut out = Vec::new();
    let first_day = from.div_euclid(DAY);
    let last_day = (to - 1).div_euclid(DAY);
    match zoom {
        Zoom::Decades | Zoom::Years => {
            let start = from_day_number(first_day);
            let (mut y, mut m) = (start.year, start.month);
            while let Some(d) = Date::new(y, m, 1) {
                let t = day_number(d) * DAY;
                if t >= to {
                    break;
                }
                let yearly = zoom == Zoom::Decades;
                if t >= from {
                    if yearly {
                        out.push((t, y.to_string(), y % 10 == 0));
                    } else if m == 1 {
                        out.push((t, y.to_string(), true));
                    } else {
                        out.push((t, MONTHS[m as usize - 1].to_string(), false));
                    }
                }
                if yearly {
                    // Jump to the next January 1.
                    (y, m) = (y + 1, 1);
                } else if m == 12 {
                    (y, m) = (y + 1, 1);
                } else {
                    m += 1;
                }
            }
        }
        Zoom::Months | Zoom::Weeks => {
            for day in first_day..=last_day {
                let t = day * DAY;
                if t < from {
                    continue;
                }
                let d = from_day_number(day);
                let monday = weekday(d) == 1;
                if zoom == Zoom::Months && !monday {
                    continue;
                }
                let label = if zoom == Zoom::Months || d.day == 1 {
                    format!("{} {}", MONTHS[d.month as usize - 1], d.day)
                } else {
                    format!("{} {}", WEEKDAYS[weekday(d) as usize - 1], d.day)
                };
                out.push((t, label, d.day <= 7 && monday || d.day == 1));
            }
        }
        Zoom::Days | Zoom::Hours => {
            let step = if zoom == Zoom::Days { 360 } else { 60 };
            let mut t = from.div_euclid(step) * step;
            if t < from {
                t += step;
            }
            while t < to {
                let minute = t.rem_euclid(DAY);
                let label = if minute == 0 {
                    let d = from_day_number(t.div_euclid(DAY));
                    format!("{} {}", WEEKDAYS[weekday(d) as usize - 1], d.day)
                } else {
                    format!("{:02}:00", minute / 60)
                };
                out.push((t, label, minute == 0));
                t += step;
            }
        }
    }
    out
}

/// A stretch of minutes in words, for a break: `3 years`, `5 months`, `12 days`, `6 hours`.
pub fn duration(minutes: i64) -> String {
    let days = minutes as f64 / DAY as f64;
    let (n, unit) = if days >= 365.0 * 1.5 {
        ((days / 365.25).round(), "year")
    } else if days >= 45.0 {
        ((days / 30.44).round(), "month")
    } else if days >= 1.5 {
        (days.round(), "day")
    } else {
        ((minutes as f64 / 60.0).round().max(1.0), "hour")
    };
    let n = n as i64;
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> i64 {
        parse_minute(s).expect("a minute")
    }

    fn point(s: &str) -> Item {
        Item {
            start: at(s),
            end: at(s) + DAY,
            long: false,
            height: 60.0,
        }
    }

    #[test]
    fn minutes_parse() {
        let cases = [
            ("epoch", "1970-01-01T00:00", Some(0)),
            ("a day later at 01:30", "1970-01-02T01:30", Some(DAY + 90)),
            ("before 1970", "1969-12-31T00:00", Some(-DAY)),
            ("no time", "2025-03-14", None),
            ("not a date", "PAST_REF", None),
        ];
        for (name, s, want) in cases {
            assert_eq!(parse_minute(s), want, "{name}");
        }
    }

    #[test]
    fn cards_are_spaced_in_proportion_to_time() {
        let items = [
            point("2025-03-03T00:00"),
            point("2025-03-05T00:00"),
            point("2025-03-09T00:00"),
        ];
        let l = layout(&items, Zoom::Weeks);
        let a = l.placed[1].top - l.placed[0].top;
        let b = l.placed[2].top - l.placed[1].top;
        assert_eq!(a, 2.0 * 56.0);
        assert_eq!(b, 4.0 * 56.0);
        assert!(l.breaks.is_empty());
    }

    #[test]
    fn zoom_changes_ticks_and_spacing() {
        let items = [point("2025-03-03T00:00"), point("2025-03-04T00:00")];
        let weeks = layout(&items, Zoom::Weeks);
        let days = layout(&items, Zoom::Days);
        assert_eq!(days.placed[1].top - days.placed[0].top, 240.0);
        // A day is 56 px at `Weeks`, less than a 60 px card: the axis stretches to fit it.
        assert_eq!(weeks.placed[1].top - weeks.placed[0].top, 60.0 + CARD_GAP);
        let labels = |l: &Layout| -> Vec<String> {
            l.ticks.iter().filter_map(|t| t.label.clone()).collect()
        };
        assert_eq!(labels(&weeks)[..2], ["Mon 3".to_string(), "Tue 4".into()]);
        assert!(
            labels(&days).contains(&"06:00".to_string()),
            "{:?}",
            labels(&days)
        );
    }

    #[test]
    fn a_long_empty_stretch_is_a_break() {
        let items = [point("2022-06-01T00:00"), point("2025-03-14T00:00")];
        let l = layout(&items, Zoom::Weeks);
        assert_eq!(l.breaks.len(), 1);
        assert_eq!(l.breaks[0].label, "3 years");
        assert!(l.height < 600.0, "{}", l.height);
    }

    #[test]
    fn cards_that_start_together_stack_and_push_the_next_down() {
        let items = [
            point("2025-03-14T00:00"),
            point("2025-03-14T00:00"),
            point("2025-03-15T00:00"),
        ];
        let l = layout(&items, Zoom::Weeks);
        assert_eq!(l.placed[1].top, l.placed[0].top + 60.0 + CARD_GAP);
        assert!(l.placed[2].top >= l.placed[1].top + 60.0 + CARD_GAP);
    }

    #[test]
    fn no_tick_sits_beside_a_stack_of_cards_it_does_not_date() {
        let items = [
            point("2025-02-28T00:00"),
            point("2025-02-28T00:00"),
            point("2025-03-02T00:00"),
        ];
        let l = layout(&items, Zoom::Weeks);
        let stack_bottom = l.placed[1].top + 60.0;
        let march = l
            .ticks
            .iter()
            .find(|t| t.label.as_deref() == Some("Mar 1"))
            .expect("a Mar 1 tick");
        assert!(march.y > stack_bottom, "{} ≤ {stack_bottom}", march.y);
        assert!(march.y < l.placed[2].top);
    }

    #[test]
    fn overlapping_bands_take_separate_lanes() {
        let band = |a: &str, b: &str| Item {
            start: at(a),
            end: at(b),
            long: true,
            height: 40.0,
        };
        let items = [
            band("2025-03-10T00:00", "2025-03-17T00:00"),
            band("2025-03-12T00:00", "2025-03-13T00:00"),
            band("2025-03-20T00:00", "2025-03-21T00:00"),
        ];
        let l = layout(&items, Zoom::Weeks);
        let lanes: Vec<usize> = l.placed.iter().map(|p| p.lane).collect();
        assert_eq!(lanes, [0, 1, 0]);
        assert!(l.placed[0].mark_bottom - l.placed[0].mark_top >= 7.0 * 56.0);
    }

    #[test]
    fn fit_picks_a_zoom_for_the_typical_step() {
        let days = [
            point("2025-03-10T00:00"),
            point("2025-03-11T00:00"),
            point("2025-03-13T00:00"),
        ];
        assert_eq!(fit(&days), Zoom::Weeks);
        let years = [
            point("2019-01-01T00:00"),
            point("2021-01-01T00:00"),
            point("2023-01-01T00:00"),
        ];
        assert_eq!(fit(&years), Zoom::Decades);
        assert_eq!(fit(&[]), Zoom::Weeks);
    }

    #[test]
    fn zoom_steps() {
        assert_eq!(Zoom::Decades.coarser(), None);
        assert_eq!(Zoom::Decades.finer(), Some(Zoom::Years));
        assert_eq!(Zoom::Hours.finer(), None);
    }

    #[test]
    fn durations() {
        let cases = [
            ("years", 3 * 365 * DAY, "3 years"),
            ("months", 150 * DAY, "5 months"),
            ("days", 12 * DAY, "12 days"),
            ("one hour", 50, "1 hour"),
        ];
        for (name, m, want) in cases {
            assert_eq!(duration(m), want, "{name}");
        }
    }
}
