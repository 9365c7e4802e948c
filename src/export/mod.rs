//! Exports of an analysis: files a reader takes elsewhere (a spreadsheet, a newsroom timeline, a
//! notes app, an offline copy). Each is a pure `fn(text, &Analysis) -> String`, so the CLI and the
//! browser produce the same bytes, and each is tested natively.
//!
//! Everything here reads the public contract (code-point offsets), never the stages' internals, and
//! treats the text as hostile: every format escapes what its reader would otherwise interpret
//! (HTML, Markdown, spreadsheet formulas).

pub mod csv;
pub mod json;
pub mod markdown;
pub mod static_page;
pub mod timelinejs;

use std::collections::HashMap;

use crate::analysis::offsets::CharIndex;
use crate::analysis::time::calendar::{from_day_number, long_date};
use crate::analysis::time::normalize::month_name;
use crate::analysis::timeline::interval;
use crate::analysis::{Analysis, Role};

/// One export format: what the CLI's `--format` and the UI's buttons choose from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Markdown,
    TimelineJs,
    CsvEntities,
    CsvQuotes,
    Html,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Json,
        Format::Markdown,
        Format::TimelineJs,
        Format::CsvEntities,
        Format::CsvQuotes,
        Format::Html,
    ];

    /// The name the CLI takes: `json`, `md`, `timelinejs`, `csv-entities`, `csv-quotes`, `html`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Markdown => "md",
            Format::TimelineJs => "timelinejs",
            Format::CsvEntities => "csv-entities",
            Format::CsvQuotes => "csv-quotes",
            Format::Html => "html",
        }
    }

    /// The format named `name` (see `name`).
    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The end of a downloaded file's name, so two exports of one article don't collide.
    pub fn suffix(self) -> &'static str {
        match self {
            Format::Json => ".analysis.json",
            Format::Markdown => ".md",
            Format::TimelineJs => ".timeline.json",
            Format::CsvEntities => ".entities.csv",
            Format::CsvQuotes => ".quotes.csv",
            Format::Html => ".html",
        }
    }

    /// The MIME type for a download's `Blob`.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Json | Format::TimelineJs => "application/json",
            Format::Markdown => "text/markdown;charset=utf-8",
            Format::CsvEntities | Format::CsvQuotes => "text/csv;charset=utf-8",
            Format::Html => "text/html;charset=utf-8",
        }
    }

    /// The export itself.
    pub fn render(self, text: &str, analysis: &Analysis) -> String {
        match self {
            Format::Json => json::json(text, analysis),
            Format::Markdown => markdown::brief(text, analysis),
            Format::TimelineJs => timelinejs::timelinejs(text, analysis),
            Format::CsvEntities => csv::entities(text, analysis),
            Format::CsvQuotes => csv::quotes(text, analysis),
            Format::Html => static_page::html(text, analysis),
        }
    }
}

/// A download's file name: the headline's words in lower-case ASCII, joined by `-`, cut to 60
/// characters, then the format's suffix; `lede` when no word survives. Nothing from the text can
/// make it a path (`/`, `..`) or a hidden file.
pub fn file_name(text: &str, analysis: &Analysis, format: Format) -> String {
    let mut stem = String::new();
    for word in headline(text, analysis)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if stem.len() + word.len() + 1 > 60 {
            break;
        }
        if !stem.is_empty() {
            stem.push('-');
        }
        stem.push_str(&word.to_ascii_lowercase());
    }
    if stem.is_empty() {
        stem.push_str("lede");
    }
    stem + format.suffix()
}

/// Slices the text by the contract's code-point spans. Spans past the end are clamped, so a
/// hand-edited or stale analysis never panics an export.
pub(crate) struct Source<'a> {
    text: &'a str,
    index: CharIndex<'a>,
}

impl<'a> Source<'a> {
    pub(crate) fn new(text: &'a str) -> Source<'a> {
        Source {
            text,
            index: CharIndex::new(text),
        }
    }

    /// `text[start..end]` in code points.
    pub(crate) fn slice(&self, start: usize, end: usize) -> &'a str {
        let (a, b) = (self.index.byte_of(start), self.index.byte_of(end));
        self.text.get(a..b.max(a)).unwrap_or("")
    }
}

/// White space runs (line breaks and tabs included) as one space, trimmed: how exports show a
/// stretch of text on one line.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The role of paragraph `p`, `Body` when the index is out of range.
pub(crate) fn role_of(analysis: &Analysis, p: usize) -> Role {
    analysis.paragraphs.get(p).map_or(Role::Body, |p| p.role)
}

/// Which paragraphs are the story: the body ones. A short paste can have none (the captions stage
/// may call a lone line page furniture); then everything but captions counts, so an export of a
/// two-line paste is not empty.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Story {
    any_body: bool,
}

impl Story {
    pub(crate) fn of(analysis: &Analysis) -> Story {
        Story {
            any_body: analysis.paragraphs.iter().any(|p| p.role == Role::Body),
        }
    }

    /// Whether paragraph `p` is part of the story.
    pub(crate) fn has_paragraph(self, analysis: &Analysis, p: usize) -> bool {
        match role_of(analysis, p) {
            Role::Body => true,
            Role::Caption => false,
            _ => !self.any_body,
        }
    }

    /// Whether sentence `s` is part of the story.
    pub(crate) fn has_sentence(self, analysis: &Analysis, s: usize) -> bool {
        analysis
            .sentences
            .get(s)
            .is_some_and(|s| self.has_paragraph(analysis, s.paragraph))
    }

    /// A cluster's mentions in the story.
    pub(crate) fn count(self, c: &crate::analysis::Cluster) -> usize {
        if self.any_body {
            c.body_count
        } else {
            c.count
        }
    }
}

/// How far before the story's first body paragraph its headline may stand: a byline, a date line
/// and a photo credit may come between them.
const HEADLINE_REACH: usize = 4;

/// Where the story starts: its first body paragraph, and its headline (a heading paragraph at
/// most `HEADLINE_REACH` paragraphs before it, the closest one) if it has one. A whole page pasted
/// as text has menus above its story, whose headings are not its headline. `None` for a text with
/// no body paragraph.
pub fn story_start(analysis: &Analysis) -> Option<(Option<usize>, usize)> {
    let paragraphs = &analysis.paragraphs;
    let body = paragraphs.iter().position(|p| p.role == Role::Body)?;
    let headline = (body.saturating_sub(HEADLINE_REACH)..body)
        .rev()
        .find(|&i| {
            paragraphs[i].role == Role::Heading && paragraphs[i].article == paragraphs[body].article
        });
    Some((headline, body))
}

/// The article's headline, on one line: the heading that stands right before the story's first
/// body paragraph (`story_start`), else the first heading of a text with no body, else the first
/// sentence of the story; empty when the text has none of these.
pub fn headline(text: &str, analysis: &Analysis) -> String {
    let source = Source::new(text);
    let heading = match story_start(analysis) {
        Some((headline, _)) => headline,
        None => analysis
            .paragraphs
            .iter()
            .position(|p| p.role == Role::Heading),
    };
    if let Some(p) = heading.map(|i| &analysis.paragraphs[i]) {
        return one_line(source.slice(p.start, p.end));
    }
    let story = Story::of(analysis);
    analysis
        .sentences
        .iter()
        .find(|s| story.has_paragraph(analysis, s.paragraph))
        .map(|s| one_line(source.slice(s.start, s.end)))
        .unwrap_or_default()
}

/// How a reader sees a TimeML value: `Friday, March 14, 2025`, `Week of March 10, 2025`,
/// `March 2025`, `2022`; the value itself when it is not on the calendar (`PRESENT_REF`).
pub fn display_date(value: &str) -> String {
    let Some((start, end)) = interval(value) else {
        return value.to_string();
    };
    let (first, last) = (from_day_number(start), from_day_number(end));
    let date_part = value.split('T').next().unwrap_or(value);
    if start == end {
        long_date(first)
    } else if date_part.ends_with("-WE") {
        format!(
            "Weekend of {} {}–{}, {}",
            month_name(first.month),
            first.day,
            last.day,
            first.year
        )
    } else if date_part.contains("-W") {
        format!(
            "Week of {} {}, {}",
            month_name(first.month),
            first.day,
            first.year
        )
    } else if date_part.len() == 7 && first.month == last.month {
        format!("{} {}", month_name(first.month), first.year)
    } else if date_part.len() == 4 {
        first.year.to_string()
    } else {
        format!(
            "{} {}, {} – {} {}, {}",
            month_name(first.month),
            first.day,
            first.year,
            month_name(last.month),
            last.day,
            last.year
        )
    }
}

/// The quotes one speaker gives, for the "quotes by speaker" sections.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SpeakerQuotes {
    /// The fullest name the analysis has: the cluster's name, the speaker's `name`, or the words
    /// as written; `Unattributed` for quotes nobody is credited with.
    pub name: String,
    pub cluster: Option<usize>,
    /// Indices into `Analysis::quotes`, in text order.
    pub quotes: Vec<usize>,
}

/// Quotes grouped by speaker, speakers in order of their first quote. With `body_only`, quotes in
/// captions and page furniture are left out. Unattributed quotes come last.
pub(crate) fn quotes_by_speaker(
    source: &Source,
    analysis: &Analysis,
    body_only: bool,
) -> Vec<SpeakerQuotes> {
    let mut groups: Vec<SpeakerQuotes> = Vec::new();
    let mut unattributed = SpeakerQuotes {
        name: "Unattributed".into(),
        cluster: None,
        quotes: Vec::new(),
    };
    let mut slot: HashMap<(Option<usize>, String), usize> = HashMap::new();
    let story = Story::of(analysis);
    for (i, q) in analysis.quotes.iter().enumerate() {
        if body_only && !story.has_paragraph(analysis, q.paragraph) {
            continue;
        }
        let Some(speaker) = &q.speaker else {
            unattributed.quotes.push(i);
            continue;
        };
        let cluster = speaker.cluster.filter(|&c| c < analysis.clusters.len());
        let name = speaker_name(source, analysis, speaker);
        // A cluster is one speaker whatever the mention; without one, the name is the key.
        let key = (
            cluster,
            if cluster.is_some() {
                String::new()
            } else {
                name.clone()
            },
        );
        let g = *slot.entry(key).or_insert_with(|| {
            groups.push(SpeakerQuotes {
                name,
                cluster,
                quotes: Vec::new(),
            });
            groups.len() - 1
        });
        groups[g].quotes.push(i);
    }
    if !unattributed.quotes.is_empty() {
        groups.push(unattributed);
    }
    groups
}

/// A speaker's fullest name: the resolved cluster's, the speaker's own `name`, or as written.
pub(crate) fn speaker_name(
    source: &Source,
    analysis: &Analysis,
    speaker: &crate::analysis::Speaker,
) -> String {
    let named = speaker
        .cluster
        .and_then(|c| analysis.clusters.get(c))
        .map(|c| c.name.clone())
        .or_else(|| speaker.name.clone())
        .unwrap_or_else(|| source.slice(speaker.start, speaker.end).to_string());
    let named = one_line(&named);
    if named.is_empty() {
        "Unnamed speaker".into()
    } else {
        named
    }
}

/// Clusters of one label mentioned in the story, most mentioned first (ties by name), with their
/// story counts.
pub(crate) fn clusters_by_body_count<'a>(
    analysis: &'a Analysis,
    label: &str,
) -> Vec<(&'a crate::analysis::Cluster, usize)> {
    let story = Story::of(analysis);
    let mut clusters: Vec<_> = analysis
        .clusters
        .iter()
        .filter(|c| c.label == label)
        .map(|c| (c, story.count(c)))
        .filter(|&(_, n)| n > 0)
        .collect();
    clusters.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.name.cmp(&b.0.name)));
    clusters
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze_text;

    #[test]
    fn formats_round_trip_their_names() {
        for f in Format::ALL {
            assert_eq!(Format::parse(f.name()), Some(f));
        }
        assert_eq!(Format::parse("pdf"), None);
    }

    #[test]
    fn display_dates() {
        let cases = [
            ("day", "2025-03-14", "Friday, March 14, 2025"),
            (
                "day with a time of day",
                "2025-03-14TMO",
                "Friday, March 14, 2025",
            ),
            ("week", "2025-W11", "Week of March 10, 2025"),
            ("weekend", "2025-W11-WE", "Weekend of March 15–16, 2025"),
            ("month", "2025-01", "January 2025"),
            ("year", "2022", "2022"),
            ("not on the calendar", "PRESENT_REF", "PRESENT_REF"),
        ];
        for (name, value, expected) in cases {
            assert_eq!(display_date(value), expected, "{name}");
        }
    }

    #[test]
    fn headlines() {
        let cases = [
            (
                "first body sentence",
                "Putin met Witkoff. They talked.",
                "Putin met Witkoff.",
            ),
            (
                "white space collapsed",
                "Putin\tmet   Witkoff.",
                "Putin met Witkoff.",
            ),
            ("empty text", "", ""),
        ];
        for (name, text, expected) in cases {
            assert_eq!(headline(text, &analyze_text(text)), expected, "{name}");
        }
    }

    #[test]
    fn the_heading_before_the_story_wins() {
        use Role::*;
        let text = "Sport\nMenu heading\nHome\nWorld\nBusiness\nWeather\nThe headline\nBy Jane Roe\nPutin met Witkoff. They talked.\nMore";
        // (name, roles, headline)
        let cases: &[(&str, [Role; 10], &str)] = &[
            (
                "a menu heading far above, the headline right before the byline",
                [
                    Boilerplate,
                    Heading,
                    Boilerplate,
                    Boilerplate,
                    Boilerplate,
                    Boilerplate,
                    Heading,
                    Credit,
                    Body,
                    Boilerplate,
                ],
                "The headline",
            ),
            (
                "no heading near the story: its first sentence, not the menu's heading",
                [
                    Boilerplate,
                    Heading,
                    Boilerplate,
                    Boilerplate,
                    Boilerplate,
                    Boilerplate,
                    Boilerplate,
                    Credit,
                    Body,
                    Boilerplate,
                ],
                "Putin met Witkoff.",
            ),
            (
                "no body at all: the first heading",
                [
                    Boilerplate,
                    Heading,
                    Boilerplate,
                    Boilerplate,
                    Boilerplate,
                    Boilerplate,
                    Heading,
                    Credit,
                    Caption,
                    Boilerplate,
                ],
                "Menu heading",
            ),
        ];
        for (name, roles, expected) in cases {
            let mut a = analyze_text(text);
            assert_eq!(a.paragraphs.len(), roles.len());
            for (p, r) in a.paragraphs.iter_mut().zip(roles) {
                p.role = *r;
            }
            assert_eq!(headline(text, &a), *expected, "{name}");
        }
    }

    #[test]
    fn file_names_are_safe() {
        let cases = [
            (
                "words",
                "Putin met Witkoff in Moscow.",
                Format::Html,
                "putin-met-witkoff-in-moscow.html",
            ),
            (
                "path tricks",
                "../../etc/passwd",
                Format::Json,
                "etc-passwd.analysis.json",
            ),
            (
                "no ascii word",
                "北京 😀",
                Format::CsvQuotes,
                "lede.quotes.csv",
            ),
        ];
        for (name, text, format, expected) in cases {
            assert_eq!(
                file_name(text, &analyze_text(text), format),
                expected,
                "{name}"
            );
        }
    }

    #[test]
    fn slices_clamp_out_of_range_spans() {
        let source = Source::new("a€b");
        assert_eq!(source.slice(1, 2), "€");
        assert_eq!(source.slice(2, 99), "b");
        assert_eq!(source.slice(5, 3), "");
    }

    #[test]
    fn the_samples_quotes_group_by_speaker() {
        let text = crate::SAMPLE_ARTICLE;
        let a = analyze_text(text);
        let source = Source::new(text);
        let groups = quotes_by_speaker(&source, &a, true);
        let total: usize = groups.iter().map(|g| g.quotes.len()).sum();
        let body = a
            .quotes
            .iter()
            .filter(|q| Story::of(&a).has_paragraph(&a, q.paragraph))
            .count();
        assert_eq!(total, body);
        // One group per speaker: no two groups share a cluster.
        let mut clusters: Vec<usize> = groups.iter().filter_map(|g| g.cluster).collect();
        let n = clusters.len();
        clusters.sort_unstable();
        clusters.dedup();
        assert_eq!(clusters.len(), n);
        assert!(
            groups.iter().any(|g| g.name == "Keir Starmer"),
            "{groups:?}"
        );
    }
}
