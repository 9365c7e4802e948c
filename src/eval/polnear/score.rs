//! Scoring the quotes stage against PolNeAR's gold.
//!
//! The stage runs as `analysis::analyze` runs it: after the caption roles and the entity tagger,
//! whose person and organisation mentions give speakers their spans and pronouns their antecedents.
//!
//! **Measures.** A system quote matches a gold quote when it covers at least half of the gold span
//! (in characters); matching is one-to-one, greedy in text order. Quote P/R/F1 count matches.
//! Speaker accuracy is over matched gold quotes that have a Source: the system's speaker span
//! overlaps a Source fragment, or ends in the same head word. End-to-end, a quote is right when it
//! matches and its speaker is right (a gold quote without a Source needs only the match).

use std::fmt;
use std::path::Path;

use super::gold::{char_starts, gold_quotes, io, load_some, GoldArticle, GoldQuote};
use crate::analysis::quotes::{
    find_quotes_with, Attribution, EntityMention, MentionKind, Models, QuoteFindings,
};
use crate::analysis::segment::{segment, Doc};
use crate::analysis::span::Span;
use crate::analysis::{captions, entities};
use crate::error::Result;
use crate::eval::{f1, ratio};

/// The figures `lede eval-quotes` prints.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuoteScores {
    pub articles: usize,
    pub gold: usize,
    pub system: usize,
    pub matched: usize,
    pub with_source: usize,
    pub speaker_right: usize,
    pub end_to_end_right: usize,
    pub phrases: usize,
}

impl QuoteScores {
    /// Adds another set of counts (the folds of a cross-validation).
    pub fn add(&mut self, o: &QuoteScores) {
        self.articles += o.articles;
        self.gold += o.gold;
        self.system += o.system;
        self.matched += o.matched;
        self.with_source += o.with_source;
        self.speaker_right += o.speaker_right;
        self.end_to_end_right += o.end_to_end_right;
        self.phrases += o.phrases;
    }
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.system)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_right, self.with_source)
    }
    pub fn end_to_end_precision(&self) -> f64 {
        ratio(self.end_to_end_right, self.system)
    }
    pub fn end_to_end_recall(&self) -> f64 {
        ratio(self.end_to_end_right, self.gold)
    }
    pub fn end_to_end_f1(&self) -> f64 {
        f1(self.end_to_end_precision(), self.end_to_end_recall())
    }
}

impl fmt::Display for QuoteScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "articles            {}", self.articles)?;
        writeln!(f, "gold quotes         {}", self.gold)?;
        writeln!(f, "system quotes       {}", self.system)?;
        writeln!(
            f,
            "quoted phrases      {} (not speech; not scored)",
            self.phrases
        )?;
        writeln!(
            f,
            "quote P/R/F1        {:.4} {:.4} {:.4}  (matched {})",
            self.precision(),
            self.recall(),
            self.f1(),
            self.matched
        )?;
        writeln!(
            f,
            "speaker accuracy    {:.4}  ({} of {} matched quotes with a gold Source)",
            self.speaker_accuracy(),
            self.speaker_right,
            self.with_source
        )?;
        write!(
            f,
            "end-to-end P/R/F1   {:.4} {:.4} {:.4}  ({} right)",
            self.end_to_end_precision(),
            self.end_to_end_recall(),
            self.end_to_end_f1(),
            self.end_to_end_right
        )
    }
}

/// The last word of a span, lower-cased: the head of `the Kremlin spokesman`.
pub(super) fn head_word(text: &str, span: Span) -> String {
    span.of(text)
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase()
}

pub(super) fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// A matched quote whose speaker is wrong: the quote, the system's speaker, the gold Sources, and
/// how the system attributed it.
pub type WrongSpeaker = (Span, Option<Span>, Vec<Span>, Option<Attribution>);

/// One scored article: what matched and what did not, for `--verbose`.
#[derive(Debug, Default)]
pub struct ArticleReport {
    pub missed: Vec<Span>,
    pub spurious: Vec<Span>,
    /// (quote, system speaker, gold sources)
    pub wrong_speaker: Vec<WrongSpeaker>,
    /// Quoted phrases the stage set aside, and whether the gold counts them as quotes.
    pub phrases: Vec<(Span, bool)>,
}

/// The caption stage's paragraph roles and the entity tagger's mentions, as `analysis::analyze`
/// hands them to the quotes stage.
pub(super) fn stage_inputs(
    text: &str,
    doc: &Doc,
) -> (Vec<crate::analysis::model::Role>, Vec<EntityMention>) {
    let roles = captions::assign_roles(text, doc);
    let found = entities::find(text, doc, &roles, None);
    let mentions: Vec<EntityMention> = found
        .mentions
        .iter()
        .map(|m| EntityMention {
            span: m.span,
            kind: MentionKind::from_label(m.label),
            cluster: m.cluster,
        })
        .collect();
    (roles, mentions)
}

/// The quotes as the stage finds them with `models` (`Models::shipped()`: as `analysis::analyze`
/// does), with the caption stage's paragraph roles and the entity tagger's mentions and clusters,
/// so that the figure is the shipped pipeline's.
fn stage_quotes(text: &str, doc: &Doc, models: Models) -> QuoteFindings {
    let (roles, mentions) = stage_inputs(text, doc);
    find_quotes_with(text, doc, &roles, &mentions, models, None)
}

/// Scores the stage on one article, adding to `scores`.
pub fn score_article(article: &GoldArticle, scores: &mut QuoteScores) -> ArticleReport {
    score_article_with(article, scores, Models::shipped())
}

/// `score_article` with a chosen speech model.
pub fn score_article_with(
    article: &GoldArticle,
    scores: &mut QuoteScores,
    models: Models,
) -> ArticleReport {
    let text = &article.text;
    let doc = segment(text);
    let found = stage_quotes(text, &doc, models);
    let system: Vec<(Span, Vec<Span>, Option<Attribution>)> = found
        .quotes
        .iter()
        .map(|q| {
            (
                q.span,
                q.speaker.map(|s| s.span).into_iter().collect(),
                q.attribution,
            )
        })
        .collect();
    scores.phrases += found.phrases.len();
    let mut report = tally(text, &article.quotes, &system, scores);
    let chars = Chars::new(text);
    for &p in &found.phrases {
        let gold = article.quotes.iter().any(|g| chars.matches(p, g.span));
        report.phrases.push((p, gold));
    }
    report
}

/// Counts in characters (code points), as PolNeAR's offsets do, over byte spans of one text.
pub(super) struct Chars {
    starts: Vec<usize>,
}

impl Chars {
    pub(super) fn new(text: &str) -> Chars {
        Chars {
            starts: char_starts(text),
        }
    }

    fn at(&self, byte: usize) -> usize {
        self.starts.partition_point(|&x| x < byte)
    }

    /// Characters `a` and `b` share.
    pub(super) fn overlap(&self, a: Span, b: Span) -> usize {
        let s = a.start.max(b.start);
        let e = a.end.min(b.end);
        if s < e {
            self.at(e) - self.at(s)
        } else {
            0
        }
    }

    /// Whether `system` covers at least half of `gold`: the scorer's match.
    pub(super) fn matches(&self, system: Span, gold: Span) -> bool {
        let len = self.at(gold.end) - self.at(gold.start);
        self.overlap(system, gold) >= len.div_ceil(2).max(1)
    }
}

/// Matches `system` quotes (span, speaker spans, how attributed) to `gold` one-to-one, greedy in
/// text order, a match covering at least half of the gold span, and adds the counts to `scores`.
/// A speaker is right when one of its spans overlaps a gold Source or ends in the same head word.
fn tally(
    text: &str,
    gold: &[GoldQuote],
    system: &[(Span, Vec<Span>, Option<Attribution>)],
    scores: &mut QuoteScores,
) -> ArticleReport {
    let chars = Chars::new(text);
    let mut report = ArticleReport::default();
    scores.articles += 1;
    scores.gold += gold.len();
    scores.system += system.len();
    let mut used = vec![false; system.len()];
    for g in gold {
        let best = system
            .iter()
            .enumerate()
            .filter(|(k, q)| !used[*k] && chars.matches(q.0, g.span))
            .max_by_key(|(_, q)| chars.overlap(q.0, g.span));
        let Some((k, (span, speakers, how))) = best else {
            report.missed.push(g.span);
            continue;
        };
        used[k] = true;
        scores.matched += 1;
        if g.sources.is_empty() {
            scores.end_to_end_right += 1;
            continue;
        }
        scores.with_source += 1;
        let right = speakers.iter().any(|&s| {
            g.sources
                .iter()
                .any(|&src| overlaps(s, src) || head_word(text, s) == head_word(text, src))
        });
        if right {
            scores.speaker_right += 1;
            scores.end_to_end_right += 1;
        } else {
            report
                .wrong_speaker
                .push((*span, speakers.first().copied(), g.sources.clone(), *how));
        }
    }
    for (k, q) in system.iter().enumerate() {
        if !used[k] {
            report.spurious.push(q.0);
        }
    }
    report
}

/// How far PolNeAR's annotators agree with each other, on the articles several of them annotated:
/// every other annotator's gold quotes scored as a system against the file `load` picks (the
/// name that sorts first), beside Lede's score on the same articles against the same file. This
/// is the ceiling the figures of `evaluate` can be read against.
pub fn agreement(dir: &Path) -> Result<(QuoteScores, QuoteScores)> {
    let articles = load_some(dir)?;
    let ann_dir = dir.join("attributions");
    let mut names: Vec<String> = std::fs::read_dir(&ann_dir)
        .map_err(io(&ann_dir))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ann"))
        .collect();
    names.sort();
    let mut annotators = QuoteScores::default();
    let mut lede = QuoteScores::default();
    for article in &articles {
        let others: Vec<&String> = names
            .iter()
            .filter(|n| {
                n.strip_suffix(".ann")
                    .and_then(|stem| stem.rsplit_once('_'))
                    .is_some_and(|(a, _)| a == article.name)
                    && **n != article.annotator_file
            })
            .collect();
        if others.is_empty() {
            continue;
        }
        for other in others {
            let path = ann_dir.join(other);
            let ann = std::fs::read_to_string(&path).map_err(io(&path))?;
            let system: Vec<(Span, Vec<Span>, Option<Attribution>)> =
                gold_quotes(&article.text, &article.offsets, &ann)
                    .into_iter()
                    .map(|q| (q.span, q.sources, None))
                    .collect();
            tally(&article.text, &article.quotes, &system, &mut annotators);
        }
        score_article(article, &mut lede);
    }
    // `tally` counted one article per pair of files; the figure says how many articles.
    annotators.articles = lede.articles;
    Ok((annotators, lede))
}

/// Scores every article of a PolNeAR split; with `verbose`, writes each article's errors to `log`.
pub fn evaluate(
    dir: &Path,
    models: Models,
    verbose: bool,
    log: &mut dyn std::io::Write,
) -> Result<QuoteScores> {
    let articles = load_some(dir)?;
    let mut scores = QuoteScores::default();
    for article in &articles {
        let report = score_article_with(article, &mut scores, models);
        if verbose {
            let t = &article.text;
            let one = |s: Span| s.of(t).replace('\n', " ");
            let _ = writeln!(log, "## {} ({})", article.name, article.annotator_file);
            let before = |s: Span| {
                let from = s.start.saturating_sub(90);
                let from = (from..=s.start)
                    .find(|&b| t.is_char_boundary(b))
                    .unwrap_or(s.start);
                t[from..s.start].replace('\n', " | ")
            };
            for s in &report.missed {
                let _ = writeln!(log, "MISSED   {:?}   <<{}", one(*s), before(*s));
            }
            for (s, gold) in &report.phrases {
                let tag = if *gold { "PHRASE-GOLD" } else { "PHRASE-OK" };
                let _ = writeln!(log, "{tag} {:?}   <<{}", one(*s), before(*s));
            }
            for s in &report.spurious {
                let _ = writeln!(log, "SPURIOUS {:?}   <<{}", one(*s), before(*s));
            }
            for (q, sys, gold, how) in &report.wrong_speaker {
                let gold: Vec<String> = gold.iter().map(|g| one(*g)).collect();
                let context_end = (q.end + 60).min(t.len());
                let context_end = (context_end..=t.len())
                    .find(|&e| t.is_char_boundary(e))
                    .unwrap_or(t.len());
                let context_start = q.start.saturating_sub(60);
                let context_start = (0..=context_start)
                    .rev()
                    .find(|&e| t.is_char_boundary(e))
                    .unwrap_or(0);
                let _ = writeln!(
                    log,
                    "SPEAKER  {:?} system={:?} gold={:?} how={how:?}\n         ...{}...",
                    one(Span::new(q.start, (q.start + 50).min(q.end)).clamp_to(t)),
                    sys.map(one),
                    gold,
                    t[context_start..context_end].replace('\n', " ")
                );
            }
        }
    }
    Ok(scores)
}

trait Clamp {
    fn clamp_to(self, text: &str) -> Self;
}

impl Clamp for Span {
    /// Moves the end back onto a char boundary.
    fn clamp_to(self, text: &str) -> Span {
        let end = (self.start..=self.end.min(text.len()))
            .rev()
            .find(|&e| text.is_char_boundary(e))
            .unwrap_or(self.start);
        Span::new(self.start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tally_matches_half_spans_and_speakers() {
        let text = "Peskov said “we agree on this” and “no.” Later “fine.”";
        let at = |s: &str| {
            let k = text.find(s).unwrap();
            Span::new(k, k + s.len())
        };
        let peskov = at("Peskov");
        let gold = vec![
            GoldQuote {
                span: at("we agree on this"),
                sources: vec![peskov],
            },
            GoldQuote {
                span: at("no."),
                sources: vec![peskov],
            },
            GoldQuote {
                span: at("fine."),
                sources: vec![],
            },
        ];
        // Half of the first quote with the right speaker; the second with a wrong one; one
        // spurious; the third missed.
        let system = vec![
            (at("we agree"), vec![peskov], None),
            (at("“no.”"), vec![at("Later")], None),
            (at("said"), vec![], None),
        ];
        let mut scores = QuoteScores::default();
        let report = tally(text, &gold, &system, &mut scores);
        assert_eq!(
            (scores.gold, scores.system, scores.matched),
            (3, 3, 2),
            "counts"
        );
        assert_eq!(
            (scores.with_source, scores.speaker_right),
            (2, 1),
            "speakers"
        );
        assert_eq!(scores.end_to_end_right, 1, "end to end");
        assert_eq!(report.missed, vec![at("fine.")], "missed");
        assert_eq!(report.spurious, vec![at("said")], "spurious");
    }

    #[test]
    fn head_words() {
        let text = "the Kremlin spokesman";
        assert_eq!(head_word(text, Span::new(0, text.len())), "spokesman");
    }
}
