//! Reader corrections: what a reader changed about an analysis, kept apart from it as data.
//!
//! ```text
//! text ──► analyze ──► Analysis ──► apply(corrections) ──► corrected Analysis ──► views, exports
//! ```
//!
//! A correction names its target by a code-point span and the text found there, and says what it
//! changes. It never edits the text, and it is applied after `analyze`, by `apply`, a plain
//! function. So one list of corrections follows an article through a re-analysis with another
//! reference date, into the library, through a share link, and into every export. A correction
//! whose target is gone (the text was edited, or a re-analysis no longer finds the mark) is
//! reported `Stale`, never dropped in silence. The values a correction sets carry
//! `source: "reader"` in the JSON.
//!
//! Corrections arrive from share links, so `apply` treats them as hostile data: every span is
//! checked against the text, every value against what the field may hold, and a bad one is
//! reported `Invalid` and skipped.

mod entities;
mod finish;
mod history;
pub mod nudge;
mod quotes;
mod time;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::analysis::offsets::CharIndex;
use crate::analysis::Analysis;

pub use history::History;

/// The `source` of a value a correction set.
pub const READER: &str = "reader";

/// The most corrections one article may carry; a link or a stored entry with more is cut here,
/// with a message, rather than letting a hostile link make `apply` run for minutes.
pub const MAX_CORRECTIONS: usize = 2000;

/// The longest name, role or time value a correction may set, in characters.
pub const MAX_VALUE_CHARS: usize = 200;

/// The name types a reader can set, and the number types.
pub const NAME_LABELS: &[&str] = &["PER", "ORG", "LOC", "MISC"];
pub const NUMBER_LABELS: &[&str] = &["MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"];

/// A span of the text, in code points (as every span of the JSON contract), with the text the
/// reader saw there. The text is what keeps a correction honest after the article is edited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// What a correction changes. In JSON a change with no value is its name (`"not_a_name"`), and
/// one with a value an object of one key (`{"label": "ORG"}`): short links, and a decoder small
/// enough for the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// The mention is a name of another type (or a number of another type).
    Label(String),
    /// The mention is not a name at all.
    NotAName,
    /// The target is a name the analysis missed, of this type.
    AddName(String),
    /// The mention covers another span, `[start, end)` (widen "Zelenskyy" to "Volodymyr
    /// Zelenskyy").
    Resize(usize, usize),
    /// The mention's cluster and the cluster of the mention at this target are one.
    Merge(Target),
    /// The mention is not the same as the others of its cluster.
    Split,
    /// The mention's cluster goes by this name.
    Rename(String),
    /// The mention's cluster has this role (a title such as "U.S. Secretary of State"), or none.
    Role(Option<String>),
    /// The quote's speaker is the mention, or the selected words, at this target.
    Speaker(Target),
    /// The quote is not a quote.
    NotAQuote,
    /// The target is a quote the analysis missed.
    AddQuote,
    /// The time expression means this TimeML value (`2025-03-14`, `2025-W12`, `2025-03`, `2025`).
    Date(String),
    /// The time expression is not a date.
    NotADate,
    /// The event the time expression dates leaves the timeline.
    DropEvent,
}

/// Which marks a correction reaches. Most corrections mean every mention of the same string, or
/// the whole cluster; the reader chooses when making it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// The target mark only.
    #[default]
    One,
    /// Every mark with the same text in the article.
    SameText,
    /// Every mention of the target mention's cluster.
    Cluster,
}

/// One reader correction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    pub target: Target,
    pub change: Change,
    #[serde(default)]
    pub scope: Scope,
}

/// What became of one correction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// It changed this many marks.
    Applied { marks: usize },
    /// Its target is gone: the text at its span differs, or no mark is there any more.
    Stale { why: String },
    /// It asks for something no analysis can hold (an unknown type, a malformed date, a span
    /// outside the text): data from a damaged or hostile link.
    Invalid { why: String },
}

impl Outcome {
    pub fn is_applied(&self) -> bool {
        matches!(self, Outcome::Applied { .. })
    }

    /// The reason, for the reader, when it did not apply.
    pub fn problem(&self) -> Option<&str> {
        match self {
            Outcome::Applied { .. } => None,
            Outcome::Stale { why } | Outcome::Invalid { why } => Some(why),
        }
    }
}

impl Correction {
    /// What the correction does, in a few words, for the list of corrections and its undo button.
    pub fn describe(&self) -> String {
        let what = &self.target.text;
        let scope = match self.scope {
            Scope::One => "",
            Scope::SameText => " (every mention of this text)",
            Scope::Cluster => " (the whole cluster)",
        };
        let change = match &self.change {
            Change::Label(label) => format!("“{what}” is {label}"),
            Change::NotAName => format!("“{what}” is not a name"),
            Change::AddName(label) => format!("“{what}” is a name ({label})"),
            Change::Resize(..) => format!("“{what}” covers other words"),
            Change::Merge(with) => format!("“{what}” is the same as “{}”", with.text),
            Change::Split => format!("“{what}” is not the same as its cluster"),
            Change::Rename(name) => format!("“{what}” is called “{name}”"),
            Change::Role(Some(role)) => format!("“{what}” is {role}"),
            Change::Role(None) => format!("“{what}” has no role"),
            Change::Speaker(speaker) => format!("the quote is by “{}”", speaker.text),
            Change::NotAQuote => "not a quote".to_string(),
            Change::AddQuote => "a quote".to_string(),
            Change::Date(value) => format!("“{what}” means {value}"),
            Change::NotADate => format!("“{what}” is not a date"),
            Change::DropEvent => format!("the event of “{what}” is dropped"),
        };
        format!("{change}{scope}")
    }
}

/// The corrected analysis of `text`, and what became of each correction, in order.
///
/// Corrections apply in order, each to the result of the ones before, so a later one wins: a
/// reader who retypes a name twice gets the second type. `analysis` must be `analyze`'s result
/// for `text` (with any options): spans are checked against `text`.
pub fn apply(
    text: &str,
    analysis: &Analysis,
    corrections: &[Correction],
) -> (Analysis, Vec<Outcome>) {
    let mut out = analysis.clone();
    if corrections.is_empty() {
        return (out, Vec::new());
    }
    let index = CharIndex::new(text);
    let mut outcomes = Vec::with_capacity(corrections.len());
    for (k, correction) in corrections.iter().enumerate() {
        if k >= MAX_CORRECTIONS {
            outcomes.push(Outcome::Invalid {
                why: format!("more than {MAX_CORRECTIONS} corrections; the rest are skipped"),
            });
            continue;
        }
        let outcome = match check_target(text, &index, &correction.target) {
            Err(outcome) => outcome,
            Ok(()) => apply_one(text, &index, &mut out, correction),
        };
        outcomes.push(outcome);
    }
    finish::renumber(&mut out);
    (out, outcomes)
}

/// Every correction's problem, for the list the view shows: `(index, reason)`.
pub fn problems(outcomes: &[Outcome]) -> Vec<(usize, String)> {
    outcomes
        .iter()
        .enumerate()
        .filter_map(|(k, o)| o.problem().map(|why| (k, why.to_string())))
        .collect()
}

/// The text's code points `start..end`, or `None` outside the text.
fn slice<'a>(text: &'a str, index: &CharIndex, start: usize, end: usize) -> Option<&'a str> {
    (start <= end && end <= index.char_len())
        .then(|| &text[index.byte_of(start)..index.byte_of(end)])
}

/// Whether the target still reads as it did: the text at its span is its text.
fn check_target(text: &str, index: &CharIndex, target: &Target) -> Result<(), Outcome> {
    if target.start >= target.end {
        return Err(Outcome::Invalid {
            why: "an empty span".to_string(),
        });
    }
    match slice(text, index, target.start, target.end) {
        None => Err(Outcome::Stale {
            why: format!("“{}” is beyond the end of the text", short(&target.text)),
        }),
        Some(found) if found != target.text => Err(Outcome::Stale {
            why: format!(
                "the text changed: “{}” is no longer at its place",
                short(&target.text)
            ),
        }),
        Some(_) => Ok(()),
    }
}

fn apply_one(text: &str, index: &CharIndex, out: &mut Analysis, c: &Correction) -> Outcome {
    let t = &c.target;
    match &c.change {
        Change::Label(label) => entities::relabel(out, t, label, c.scope),
        Change::NotAName => entities::remove(out, t, c.scope),
        Change::AddName(label) => entities::add(text, index, out, t, label, c.scope),
        Change::Resize(start, end) => entities::resize(text, index, out, t, *start, *end),
        Change::Merge(with) => match check_target(text, index, with) {
            Err(outcome) => outcome,
            Ok(()) => entities::merge(out, t, with),
        },
        Change::Split => entities::split(out, t, c.scope),
        Change::Rename(name) => entities::rename(out, t, name),
        Change::Role(role) => entities::set_role(out, t, role.as_deref()),
        Change::Speaker(speaker) => match check_target(text, index, speaker) {
            Err(outcome) => outcome,
            Ok(()) => quotes::set_speaker(out, t, speaker),
        },
        Change::NotAQuote => quotes::remove(out, t),
        Change::AddQuote => quotes::add(out, t),
        Change::Date(value) => time::set_value(text, index, out, t, value, c.scope),
        Change::NotADate => time::remove(text, index, out, t, c.scope),
        Change::DropEvent => time::drop_event(out, t),
    }
}

/// A value the reader typed, checked: on one line, not empty, not too long.
fn clean_value(value: &str) -> Result<String, Outcome> {
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if value.is_empty() {
        return Err(Outcome::Invalid {
            why: "an empty value".to_string(),
        });
    }
    if value.chars().count() > MAX_VALUE_CHARS {
        return Err(Outcome::Invalid {
            why: format!("a value longer than {MAX_VALUE_CHARS} characters"),
        });
    }
    Ok(value)
}

/// Whether `start..end` lies inside one paragraph: a mark never crosses a line break.
fn in_one_paragraph(out: &Analysis, start: usize, end: usize) -> bool {
    let p = out.paragraphs.partition_point(|p| p.start <= start);
    p > 0 && end <= out.paragraphs[p - 1].end
}

/// The outcome for a span that crosses paragraphs.
fn crosses_paragraphs() -> Outcome {
    Outcome::Invalid {
        why: "a mark cannot cross a paragraph break; select within one paragraph".to_string(),
    }
}

/// A target's text for a message: at most about 40 characters.
fn short(s: &str) -> String {
    if s.chars().count() <= 40 {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(40).collect::<String>())
    }
}

/// The stale outcome for a target with no mark of the wanted kind.
fn no_mark(kind: &str, target: &Target) -> Outcome {
    Outcome::Stale {
        why: format!("there is no {kind} at “{}” any more", short(&target.text)),
    }
}
