//! What the timeline panel draws, derived from the analysis and the reader's filters: the cards
//! that pass the filters, placed on the time axis (`reading::time_axis`), and the undated ones.

use crate::analysis::Analysis;
use crate::reading::time_axis::{self, card_height, Item, Layout, Zoom};

/// How many article colours there are (`.art-0` … `.art-5` in the style sheet, which sets each
/// one's `--article`); a seventh article takes the first colour again.
pub const ARTICLE_COLOURS: usize = 6;

/// The class that gives article `i` its colour. Classes, not inline styles: the page's
/// Content-Security-Policy allows no `style` attributes.
pub fn article_class(i: usize) -> String {
    format!("art-{}", i % ARTICLE_COLOURS)
}

/// One card, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// Index into `analysis.events`.
    pub event: usize,
    pub sentence: usize,
    pub article: usize,
    /// The date as the article says it (`late Thursday`), or its value when the text is gone.
    pub said: String,
    /// The TimeML value (`2025-03-13`).
    pub value: String,
    /// `point`, `band`, `range` or `undated`.
    pub shape: String,
    /// The label in pieces: text, and whether it is a name filled in for a pronoun.
    pub parts: Vec<(String, bool)>,
    /// Lines the label may take.
    pub lines: usize,
    /// Participants: cluster, name, entity type.
    pub chips: Vec<(usize, String, String)>,
    pub restated: Vec<usize>,
    pub cut: bool,
}

/// The reader's filters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    /// Only events with this participant (a cluster id).
    pub participant: Option<usize>,
    /// Articles whose events are hidden.
    pub hidden_articles: Vec<usize>,
    /// At most this many dated cards.
    pub cap: usize,
}

/// The panel's content at one zoom.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Drawn {
    /// The dated cards, in calendar order, with `layout.placed` in the same order.
    pub dated: Vec<Card>,
    pub layout: Layout,
    pub undated: Vec<Card>,
    /// Events that pass the filters (before the cap).
    pub passing: usize,
}

/// The dated items of `analysis` that pass `filters`, with their cards, before layout.
pub fn cards(
    text: &str,
    analysis: &Analysis,
    filters: &Filters,
    chars_per_line: usize,
) -> (Vec<(Card, Item)>, Vec<Card>, usize) {
    let said = expressions(text, analysis);
    let mut dated = Vec::new();
    let mut undated = Vec::new();
    let mut passing = 0;
    for (i, e) in analysis.events.iter().enumerate() {
        if filters
            .participant
            .is_some_and(|c| !e.participants.contains(&c))
            || filters.hidden_articles.contains(&e.article)
        {
            continue;
        }
        passing += 1;
        let parts: Vec<(String, bool)> = if e.label_parts.is_empty() {
            vec![(e.label.clone(), false)]
        } else {
            e.label_parts
                .iter()
                .map(|p| (p.text.clone(), p.filled))
                .collect()
        };
        let chips: Vec<(usize, String, String)> = e
            .participants
            .iter()
            .filter_map(|&c| {
                analysis
                    .clusters
                    .get(c)
                    .map(|cl| (c, cl.name.clone(), cl.label.clone()))
            })
            .collect();
        let chars = e.label.chars().count();
        let (height, lines) = card_height(
            chars,
            chars_per_line,
            !chips.is_empty(),
            !e.restated_in.is_empty(),
        );
        let card = Card {
            event: i,
            sentence: e.sentence,
            article: e.article,
            said: said
                .get(e.timex)
                .cloned()
                .flatten()
                .unwrap_or_else(|| e.date.clone()),
            value: e.date.clone(),
            shape: e.shape.clone(),
            parts,
            lines,
            chips,
            restated: e.restated_in.clone(),
            cut: e.cut,
        };
        let extent = e
            .start
            .as_deref()
            .and_then(time_axis::parse_minute)
            .zip(e.end.as_deref().and_then(time_axis::parse_minute));
        match extent {
            Some((start, end)) if dated.len() < filters.cap => dated.push((
                card,
                Item {
                    start,
                    end: end.max(start),
                    long: matches!(e.shape.as_str(), "band" | "range"),
                    height,
                },
            )),
            Some(_) => {}
            None => undated.push(card),
        }
    }
    (dated, undated, passing)
}

/// Lays out what `cards` chose at `zoom`.
pub fn draw(chosen: (Vec<(Card, Item)>, Vec<Card>, usize), zoom: Zoom) -> Drawn {
    let (pairs, undated, passing) = chosen;
    let items: Vec<Item> = pairs.iter().map(|(_, i)| *i).collect();
    let layout = time_axis::layout(&items, zoom);
    Drawn {
        dated: pairs.into_iter().map(|(c, _)| c).collect(),
        layout,
        undated,
        passing,
    }
}

/// Each timex's words in the text (`late Thursday`), found in one pass over the text; `None`
/// where the offsets fall outside it.
fn expressions(text: &str, analysis: &Analysis) -> Vec<Option<String>> {
    let wanted: Vec<(usize, usize)> = analysis.timexes.iter().map(|t| (t.start, t.end)).collect();
    // Byte offset of each needed code point, found walking the text once.
    let mut points: Vec<usize> = wanted.iter().flat_map(|&(a, b)| [a, b]).collect();
    points.sort_unstable();
    points.dedup();
    let mut bytes = vec![usize::MAX; points.len()];
    let mut p = 0;
    for (n, (b, _)) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
        .enumerate()
    {
        while p < points.len() && points[p] == n {
            bytes[p] = b;
            p += 1;
        }
        if p == points.len() {
            break;
        }
    }
    let byte_of = |cp: usize| {
        points
            .binary_search(&cp)
            .ok()
            .map(|k| bytes[k])
            .filter(|&b| b != usize::MAX)
    };
    wanted
        .iter()
        .map(|&(a, b)| {
            let (a, b) = (byte_of(a)?, byte_of(b)?);
            text.get(a..b)
                .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .collect()
}
