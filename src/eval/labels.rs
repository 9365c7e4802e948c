//! `lede eval-labels`: how timeline labels read on unseen news.
//!
//! Every article of a folder of `.txt` files (PolNeAR dev by default: 84 US political stories
//! from 2016, which no rule or model here was written against) is analysed, and each card's label
//! is checked: it starts as a sentence does (a capital, a digit or a quotation mark), has no
//! ellipsis, is at most 140 characters long, and has a verb. The verb is checked by the part-of-
//! speech tagger on the label (outside a name filled in for a pronoun), with the clause rules'
//! repair of present tenses the tagger misses (`These voters point to`), so a label that is only
//! a noun phrase (`The first summit`) fails it.

use std::path::Path;

use crate::analysis::timeline::parse::Parse;
use crate::analysis::{analyze, segment, Analysis, Options};
use crate::error::{Error, Result};

/// What was wrong with one label, if anything.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Faults {
    pub start: bool,
    pub ellipsis: bool,
    pub long: bool,
    pub verbless: bool,
}

impl Faults {
    pub fn any(self) -> bool {
        self.start || self.ellipsis || self.long || self.verbless
    }
}

/// Checks one label; a filled-in name is in brackets (`[Trump] changed that timeframe`). The
/// label is tagged whole (the name gives the verb its context) and a verb is looked for outside
/// the brackets.
pub fn check(label: &str) -> Faults {
    let first = label.chars().next();
    let start = !first.is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '[')
    });
    let ellipsis = label.contains('…') || label.contains("...");
    let long = label.chars().count() > 140;
    // A name filled in for `he` in `he's` keeps the contraction: `[Clarke]'s projecting`.
    let label_read = label.replace("]'s ", "] is ").replace("]’s ", "] is ");
    let plain: String = label_read
        .chars()
        .filter(|c| !matches!(c, '[' | ']'))
        .collect();
    let filled = label_read
        .find('[')
        .zip(label_read.find(']'))
        .map_or(0..0, |(a, b)| a..b.saturating_sub(1));
    let doc = segment::segment(&plain);
    let words: Vec<&str> = doc.tokens.iter().map(|t| t.span.of(&plain)).collect();
    // Read as the clause rules read a sentence, with the tagger's missed present tenses repaired.
    let parse = Parse::new(words, 0..0);
    let verbless = !parse
        .tags
        .iter()
        .zip(&doc.tokens)
        .any(|(t, tok)| t.is_verb() && !filled.contains(&tok.span.start));
    Faults {
        start,
        ellipsis,
        long,
        verbless,
    }
}

/// The scores over a folder.
#[derive(Debug, Clone, Default)]
pub struct LabelScores {
    pub articles: usize,
    pub labels: usize,
    pub good: usize,
    pub bad_start: usize,
    pub ellipsis: usize,
    pub long: usize,
    pub verbless: usize,
    /// Labels by how they were made: clause, noun, sentence.
    pub kinds: Vec<(String, usize)>,
    /// Every label, `OK` or the faults, for reading.
    pub listing: Vec<String>,
}

impl LabelScores {
    pub fn share_good(&self) -> f64 {
        super::ratio(self.good, self.labels)
    }

    /// Adds the labels of one analysed article.
    pub fn add(&mut self, name: &str, analysis: &Analysis) {
        self.articles += 1;
        for e in &analysis.events {
            let f = check(&e.label);
            self.labels += 1;
            self.good += usize::from(!f.any());
            self.bad_start += usize::from(f.start);
            self.ellipsis += usize::from(f.ellipsis);
            self.long += usize::from(f.long);
            self.verbless += usize::from(f.verbless);
            match self.kinds.iter_mut().find(|(k, _)| *k == e.label_kind) {
                Some((_, n)) => *n += 1,
                None => self.kinds.push((e.label_kind.clone(), 1)),
            }
            let verdict = if f.any() {
                let mut why = Vec::new();
                for (bad, name) in [
                    (f.start, "start"),
                    (f.ellipsis, "ellipsis"),
                    (f.long, "long"),
                    (f.verbless, "no-verb"),
                ] {
                    if bad {
                        why.push(name);
                    }
                }
                why.join(",")
            } else {
                "OK".to_string()
            };
            self.listing
                .push(format!("{verdict}\t{name}\t{}\t{}", e.date, e.label));
        }
    }
}

/// Analyses every `.txt` file under `dir` (sorted) and checks its labels.
pub fn evaluate(dir: &Path) -> Result<LabelScores> {
    let io = |path: &Path, e: std::io::Error| Error::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| io(dir, e))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut scores = LabelScores::default();
    for path in &paths {
        let text = std::fs::read_to_string(path).map_err(|e| io(path, e))?;
        let name = path
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned());
        scores.add(&name, &analyze(&text, &Options::default()));
    }
    Ok(scores)
}

impl std::fmt::Display for LabelScores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "articles {}, labels {}: {:.1}% read as a sentence (start, no ellipsis, <= 140 characters, a verb)",
            self.articles,
            self.labels,
            100.0 * self.share_good()
        )?;
        writeln!(
            f,
            "faults: start {}, ellipsis {}, over 140 {}, no verb {}",
            self.bad_start, self.ellipsis, self.long, self.verbless
        )?;
        let kinds: Vec<String> = self.kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
        writeln!(f, "labels by kind: {}", kinds.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_checks() {
        type Case<'a> = (&'a str, &'a str, Faults);
        let ok = Faults::default();
        let cases: &[Case] = &[
            ("a clause", "Putin met Witkoff", ok),
            ("a filled name", "[Trump] changed that timeframe", ok),
            (
                "a fragment",
                "…in U.S. relations with Russia",
                Faults {
                    start: true,
                    ellipsis: true,
                    verbless: true,
                    ..ok
                },
            ),
            (
                "a noun phrase",
                "The first summit",
                Faults {
                    verbless: true,
                    ..ok
                },
            ),
        ];
        for (name, label, want) in cases {
            assert_eq!(check(label), *want, "{name}");
        }
    }
}
