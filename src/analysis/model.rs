//! The `Analysis` value: plain data, and the public JSON contract (`docs/analysis-json.md`).
//!
//! Every `start`/`end` here counts Unicode code points (as Python and spaCy do), end-exclusive.
//! The stages work in byte offsets; `analyze` converts once, at this edge (see `offsets`).

use serde::{Deserialize, Serialize};

/// The JSON contract's version. Bump it when a field changes meaning.
pub const CONTRACT_VERSION: &str = "2";

/// Everything Lede knows about one pasted text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Analysis {
    pub version: String,
    /// Length of the input in code points.
    pub text_length: usize,
    /// `YYYY-MM-DD`, or null when nothing fixes it.
    pub reference_date: Option<String>,
    /// Where the first article's `reference_date` came from: `given` (the reader or `--date`),
    /// `dateline`, `caption`, `text` (dates printed in the article), `today`, or `none`.
    pub reference_date_source: String,
    pub articles: Vec<Article>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub clusters: Vec<Cluster>,
    pub quotes: Vec<Quote>,
    /// Quoted phrases that are not speech: names, titles, scare quotes (“coalition of the
    /// willing”). Spans include the marks.
    #[serde(default)]
    pub quoted_phrases: Vec<QuotedPhrase>,
    pub caption_groups: Vec<CaptionGroup>,
    pub timexes: Vec<Timex>,
    pub events: Vec<Event>,
}

/// One story in the paste. A wire dateline (`LONDON (AP) —`) starts a new one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub start: usize,
    pub end: usize,
    pub dateline: Option<Dateline>,
    /// This article's reference date (document creation time), `YYYY-MM-DD`.
    pub reference_date: Option<String>,
    /// Where it came from: `given`, `dateline`, `caption`, `text`, `today` or `none`.
    #[serde(default)]
    pub reference_date_source: String,
    /// Why, in words: `from the caption "Friday, March 14, 2025"`.
    #[serde(default)]
    pub reference_date_explanation: String,
}

/// `LONDON (AP) —`: the span covers the whole dateline, dash included; `place` is `LONDON`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dateline {
    pub start: usize,
    pub end: usize,
    pub place: String,
}

/// One non-blank line of the input, without its line break or surrounding white space.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    /// Index into `articles`.
    pub article: usize,
    pub role: Role,
}

/// What a paragraph is for. Everything is `Body` until the captions stage says otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    #[default]
    Body,
    Caption,
    Boilerplate,
    Credit,
    Heading,
}

impl Role {
    /// The name used in the JSON and in CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Body => "body",
            Role::Caption => "caption",
            Role::Boilerplate => "boilerplate",
            Role::Credit => "credit",
            Role::Heading => "heading",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Index into `paragraphs`.
    pub paragraph: usize,
}

/// A name (`PER`, `ORG`, `LOC`, `MISC`, from the tagger) or a number (`MONEY`, `PERCENT`,
/// `QUANTITY`, `ORDINAL`, `CARDINAL`, from rules).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub label: String,
    /// Index into `clusters`; names only, null for numbers.
    pub cluster: Option<usize>,
    /// Index into `sentences`.
    #[serde(default)]
    pub sentence: usize,
    /// Index into `paragraphs`.
    #[serde(default)]
    pub paragraph: usize,
    /// The title before a person's name: `U.S. Secretary of State` for `Marco Rubio`.
    #[serde(default)]
    pub role: Option<String>,
    /// Whether the mention sits in a photo caption (from the paragraph's role).
    #[serde(default)]
    pub in_caption: bool,
    /// Who set this value when it was not the analysis: `reader` (a correction) or `lexicon`
    /// (a name from the reader's personal lexicon). Absent for the analysis's own values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// The mentions of one thing, under the longest name any of them uses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    pub id: usize,
    pub name: String,
    pub label: String,
    /// Indices into `entities`.
    pub mentions: Vec<usize>,
    /// The first role any mention carries.
    #[serde(default)]
    pub role: Option<String>,
    /// All mentions, and those outside captions (what a reader of the story itself sees).
    #[serde(default)]
    pub count: usize,
    #[serde(default)]
    pub body_count: usize,
    /// Who set this cluster's name, type or role, or merged or split it, when it was not the analysis: `reader` (a correction) or `lexicon`
    /// (a name from the reader's personal lexicon). Absent for the analysis's own values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// One direct quote: from its opening mark through its closing one (to the end of the paragraph for
/// a paragraph of a multi-paragraph quote). `speaker` is null when nothing in the text attributes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    pub speaker: Option<Speaker>,
    /// Index into `paragraphs`.
    #[serde(default)]
    pub paragraph: usize,
    /// How the speaker was found: `cue_after` (`“…,” Peskov said`), `cue_before` (`Trump said
    /// “…”`), `same_paragraph` (the other half of a quote broken by its attribution),
    /// `previous_paragraph` (a quote running on from the paragraph before), or null. A speaker
    /// with a null attribution was read off the quote's sentence with no speech cue to say so
    /// (`Obama's “if you like your plan” promise`): the view shows it as likely, not certain.
    #[serde(default)]
    pub attribution: Option<String>,
    /// Who marked this quote or chose its speaker when it was not the analysis: `reader` (a correction) or `lexicon`
    /// (a name from the reader's personal lexicon). Absent for the analysis's own values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// The mention that an attribution names: `Peskov`, `he`, `the Kremlin spokesman`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    pub start: usize,
    pub end: usize,
    /// The entity cluster the mention resolves to, or null.
    pub cluster: Option<usize>,
    /// `name`, `organisation`, `description` or `pronoun`.
    #[serde(default)]
    pub kind: String,
    /// The fullest name the article gives for the speaker (`Dmitry Peskov` for `Peskov`, the
    /// antecedent's name for `he`), or null when the text does not say.
    #[serde(default)]
    pub name: Option<String>,
}

/// A quoted phrase that is not speech.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuotedPhrase {
    pub start: usize,
    pub end: usize,
}

/// Photo captions that repeat: exact copies and near-duplicates (a word or two changed) of one
/// caption. Only paragraphs whose role is `caption` are grouped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaptionGroup {
    pub id: usize,
    /// Indices into `paragraphs`, in text order: every copy of every variant.
    pub members: Vec<usize>,
    /// The paragraph index shown for the whole group (the first copy of the first variant).
    pub representative: usize,
    /// How many distinct texts the group holds: `variants.len()`.
    pub variant_count: usize,
    /// The exact-text subgroups, in order of first appearance; the first is the representative's.
    pub variants: Vec<CaptionVariant>,
}

/// Paragraphs of a caption group with the same text (white space collapsed): one distinct caption,
/// shown once with `×members.len()`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaptionVariant {
    /// Indices into `paragraphs`, in text order.
    pub members: Vec<usize>,
    /// The words of this variant's first paragraph that its group's representative lacks, as
    /// code-point spans of the whole text. Empty for the representative's own variant.
    pub changed: Vec<TextSpan>,
}

/// A code-point span of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
    #[serde(rename = "mod")]
    pub modifier: Option<String>,
    /// Index into `sentences`.
    #[serde(default)]
    pub sentence: usize,
    /// Why this value: `"Friday" → 2025-03-14: weekday of the reference date (…)`.
    #[serde(default)]
    pub explanation: String,
    /// Who set this value when it was not the analysis: `reader` (a correction) or `lexicon`
    /// (a name from the reader's personal lexicon). Absent for the analysis's own values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// One card of the timeline: what happened, when, and who took part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Event {
    /// The TIMEX3 value that dates the event (`2025-03-13`, `2025-W12`, `2022`, `PAST_REF`).
    pub date: String,
    /// The date's TimeML modifier (`END` for "late Thursday"), or null.
    #[serde(rename = "mod", default)]
    pub modifier: Option<String>,
    /// Index into `sentences`: where the event is stated first.
    pub sentence: usize,
    /// Index into `timexes`: the date.
    pub timex: usize,
    /// For a range (`from March 3 to March 9`), the timex of its end; null otherwise.
    #[serde(default)]
    pub until_timex: Option<usize>,
    /// Index into `articles`.
    #[serde(default)]
    pub article: usize,
    /// Entity clusters taking part: the subject's and the objects' (not every name in the
    /// sentence).
    pub participants: Vec<usize>,
    /// What happened, in the article's words; a name filled in for a pronoun is in brackets
    /// (`[Trump] changed that timeframe`).
    pub label: String,
    /// The label in pieces, so a view can style what was filled in.
    #[serde(default)]
    pub label_parts: Vec<LabelPart>,
    /// How the label was made: `clause`, `noun` (the clause around an event noun such as
    /// `Saturday's meeting`) or `sentence` (no clause found: the sentence itself).
    #[serde(default)]
    pub label_kind: String,
    /// Whether the label was cut short (a `sentence` label over 140 characters; it ends in `…`).
    #[serde(default)]
    pub cut: bool,
    /// The predicate the date anchors (a verb such as `met`, or an event noun), or null.
    #[serde(default)]
    pub predicate: Option<TextSpan>,
    /// Where the event lies on the time axis, `YYYY-MM-DDTHH:MM`, start inclusive and end
    /// exclusive; null for an undated reference.
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub end: Option<String>,
    /// How to draw it: `point` (a day or a time), `band` (a vague or long stretch), `range`
    /// (from one date to another) or `undated` (`recently`, `earlier`).
    #[serde(default)]
    pub shape: String,
    /// Other sentences of the same article that state the same event again.
    #[serde(default)]
    pub restated_in: Vec<usize>,
    /// Who set this event's date when it was not the analysis: `reader` (a correction) or `lexicon`
    /// (a name from the reader's personal lexicon). Absent for the analysis's own values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A piece of a label: the article's words, or a name filled in for a pronoun.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct LabelPart {
    pub text: String,
    /// True for a name that stands in for a pronoun (`he`, `who`).
    #[serde(default)]
    pub filled: bool,
    /// The entity cluster of a filled-in name, when known.
    #[serde(default)]
    pub cluster: Option<usize>,
}
