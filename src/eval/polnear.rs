//! Scoring the quotes stage on PolNeAR (BRAT standoff attribution annotations).
//!
//! The stage runs as `analysis::analyze` runs it: after the caption roles and the entity tagger,
//! whose person and organisation mentions give speakers their spans and pronouns their antecedents.
//!
//! **Gold.** A gold direct quote is the text inside double quotation marks within an attribution's
//! Content, and its speaker is that attribution's Source. Each Content fragment is cut at line
//! breaks (a multi-paragraph quote gives one gold quote per paragraph, as the stage does) and its
//! marks are paired as a reader pairs them (a curly opening mark typed after a word and before a
//! space closes the open quote: `the world“ and`); the fragment is widened by one character on each side when that character is
//! a mark, since annotators sometimes leave the marks out. The same span claimed by two
//! attributions is one gold quote with both Sources. `Attribution-no-source` relations give gold
//! quotes with no speaker.
//!
//! **Annotators.** Where an article has several annotators' files (`NAME_<annotator>.ann`), the one
//! whose file name sorts first is used.
//!
//! **Measures.** A system quote matches a gold quote when it covers at least half of the gold span
//! (in characters); matching is one-to-one, greedy in text order. Quote P/R/F1 count matches.
//! Speaker accuracy is over matched gold quotes that have a Source: the system's speaker span
//! overlaps a Source fragment, or ends in the same head word. End-to-end, a quote is right when it
//! matches and its speaker is right (a gold quote without a Source needs only the match).
//!
//! **Models.** The stage's two learned parts, the speech model and the speaker ranker, are trained
//! here (`train_models`, `lede train-quotes`) on PolNeAR train, and cross-validated on it
//! (`cross_validate`, `lede train-quotes --cv`) so that dev stays for reporting.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use crate::analysis::quotes::{
    find_quotes_with, training_examples, Attribution, EntityMention, MentionKind, Models,
    QuoteFindings, SpeechModel,
};
use crate::analysis::segment::{segment, Doc};
use crate::analysis::span::Span;
use crate::analysis::{captions, entities};
use crate::error::{decode_text, Error, Result};

/// One article's gold quotes, in byte spans of its text.
#[derive(Debug, Clone)]
pub struct GoldArticle {
    pub name: String,
    pub annotator_file: String,
    pub text: String,
    pub quotes: Vec<GoldQuote>,
}

#[derive(Debug, Clone)]
pub struct GoldQuote {
    /// The words between the marks.
    pub span: Span,
    /// Source fragments of every attribution that claims this quote; empty when none has a Source.
    pub sources: Vec<Span>,
}

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

use super::{f1, ratio};

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

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| Error::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}

/// Reads every article of a PolNeAR split (`DIR/text/*.txt`, `DIR/attributions/*.ann`).
pub fn load(dir: &Path) -> Result<Vec<GoldArticle>> {
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    let mut anns: BTreeMap<String, String> = BTreeMap::new();
    let mut ann_names: Vec<String> = std::fs::read_dir(&ann_dir)
        .map_err(io(&ann_dir))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ann"))
        .collect();
    ann_names.sort();
    for name in ann_names {
        let stem = &name[..name.len() - 4];
        if let Some((article, _annotator)) = stem.rsplit_once('_') {
            // Sorted, so the first file seen for an article is the one whose name sorts first.
            anns.entry(article.to_string()).or_insert(name.clone());
        }
    }
    let mut articles = Vec::new();
    for (article, ann_name) in anns {
        let text_path = text_dir.join(format!("{article}.txt"));
        if !text_path.exists() {
            continue;
        }
        let bytes = std::fs::read(&text_path).map_err(io(&text_path))?;
        let text = decode_text(&bytes, &text_path.display().to_string())?;
        let ann_path = ann_dir.join(&ann_name);
        let ann = std::fs::read_to_string(&ann_path).map_err(io(&ann_path))?;
        let quotes = gold_quotes(&text, &ann);
        articles.push(GoldArticle {
            name: article,
            annotator_file: ann_name,
            text,
            quotes,
        });
    }
    Ok(articles)
}

/// Byte offsets of every char boundary: `bytes[c]` is the byte where code point `c` starts.
fn char_starts(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

fn is_double_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// The gold quotes of one article from its `.ann` text.
pub fn gold_quotes(text: &str, ann: &str) -> Vec<GoldQuote> {
    let starts = char_starts(text);
    let byte = |c: usize| starts[c.min(starts.len() - 1)];
    let mut spans: BTreeMap<String, (String, Vec<Span>)> = BTreeMap::new();
    let mut relations: Vec<(Option<String>, String)> = Vec::new();
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let id = cols.next().unwrap_or("");
        let body = cols.next().unwrap_or("");
        if id.starts_with('T') {
            let (label, ranges) = body.split_once(' ').unwrap_or((body, ""));
            let frags: Vec<Span> = ranges
                .split(';')
                .filter_map(|r| {
                    let mut it = r.split_whitespace().map(|n| n.parse::<usize>().ok());
                    let (a, b) = (it.next()??, it.next()??);
                    (a <= b).then(|| Span::new(byte(a), byte(b)))
                })
                .collect();
            spans.insert(id.to_string(), (label.to_string(), frags));
        } else if id.starts_with('E') {
            let mut source = None;
            let mut content = None;
            for arg in body.split_whitespace() {
                if let Some((role, t)) = arg.split_once(':') {
                    match role {
                        "Source" => source = Some(t.to_string()),
                        "Content" => content = Some(t.to_string()),
                        _ => {}
                    }
                }
            }
            if let Some(content) = content {
                relations.push((source, content));
            }
        }
    }
    let mut quotes: Vec<GoldQuote> = Vec::new();
    for (source, content) in relations {
        let Some((_, frags)) = spans.get(&content) else {
            continue;
        };
        let sources = source
            .and_then(|s| spans.get(&s))
            .map(|(_, f)| f.clone())
            .unwrap_or_default();
        for &frag in frags {
            for inner in quoted_in(text, frag) {
                match quotes.iter_mut().find(|q| q.span == inner) {
                    Some(q) => q.sources.extend(sources.iter().copied()),
                    None => quotes.push(GoldQuote {
                        span: inner,
                        sources: sources.clone(),
                    }),
                }
            }
        }
    }
    quotes.sort_by_key(|q| q.span);
    quotes
}

/// The quoted stretches (inside the marks) of a Content fragment, line by line.
fn quoted_in(text: &str, frag: Span) -> Vec<Span> {
    let mut start = frag.start;
    let mut end = frag.end;
    if let Some(c) = text[..start].chars().next_back() {
        if is_double_mark(c) {
            start -= c.len_utf8();
        }
    }
    if let Some(c) = text[end..].chars().next() {
        if is_double_mark(c) {
            end += c.len_utf8();
        }
    }
    let mut out = Vec::new();
    let mut line_start = start;
    for (i, c) in text[start..end].char_indices() {
        if c == '\n' {
            pair_line(text, Span::new(line_start, start + i), &mut out);
            line_start = start + i + 1;
        }
    }
    pair_line(text, Span::new(line_start, end), &mut out);
    out
}

/// Pairs the double marks of one line of a fragment: a mark after a space (or at the start) opens,
/// any other closes; nested pairs stay inside the outer one; an unclosed quote ends with the line.
fn pair_line(text: &str, line: Span, out: &mut Vec<Span>) {
    let s = line.of(text);
    let mut depth = 0usize;
    let mut open_at = 0usize;
    let mut prev: Option<char> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if is_double_mark(c) {
            // `the best in the world“ and`: a curly opening mark typed where a closing one belongs,
            // as its neighbours show (a word before it, a space after it), closes an open quote.
            let misplaced = depth > 0
                && prev.is_some_and(|p| !p.is_whitespace() && !"([—–-:".contains(p))
                && next.is_none_or(|n| n.is_whitespace() || ".,;:!?)—–".contains(n));
            let opens = ((c == '“' || c == '„' || c == '«') && !misplaced)
                || (c == '"' && prev.is_none_or(|p| p.is_whitespace() || "([—–-:".contains(p)));
            if opens && !(c == '"' && depth > 0 && prev.is_some_and(|p| !p.is_whitespace())) {
                if depth == 0 {
                    open_at = i + c.len_utf8();
                }
                depth += 1;
            } else if depth > 0 {
                depth -= 1;
                if depth == 0 {
                    let inner = Span::new(line.start + open_at, line.start + i);
                    if !inner.of(text).trim().is_empty() {
                        out.push(inner);
                    }
                }
            }
        }
        prev = Some(c);
    }
    if depth > 0 {
        let inner = Span::new(line.start + open_at, line.end);
        if !inner.of(text).trim().is_empty() {
            out.push(inner);
        }
    }
}

/// The last word of a span, lower-cased: the head of `the Kremlin spokesman`.
fn head_word(text: &str, span: Span) -> String {
    span.of(text)
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase()
}

fn overlaps(a: Span, b: Span) -> bool {
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
fn stage_inputs(text: &str, doc: &Doc) -> (Vec<crate::analysis::model::Role>, Vec<EntityMention>) {
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
struct Chars {
    starts: Vec<usize>,
}

impl Chars {
    fn new(text: &str) -> Chars {
        Chars {
            starts: char_starts(text),
        }
    }

    fn at(&self, byte: usize) -> usize {
        self.starts.partition_point(|&x| x < byte)
    }

    /// Characters `a` and `b` share.
    fn overlap(&self, a: Span, b: Span) -> usize {
        let s = a.start.max(b.start);
        let e = a.end.min(b.end);
        if s < e {
            self.at(e) - self.at(s)
        } else {
            0
        }
    }

    /// Whether `system` covers at least half of `gold`: the scorer's match.
    fn matches(&self, system: Span, gold: Span) -> bool {
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
                gold_quotes(&article.text, &ann)
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

/// `load`, failing when the directory holds no articles.
pub fn load_some(dir: &Path) -> Result<Vec<GoldArticle>> {
    let articles = load(dir)?;
    if articles.is_empty() {
        return Err(Error::Io {
            path: dir.display().to_string(),
            message: "no PolNeAR articles (expected text/ and attributions/)".to_string(),
        });
    }
    Ok(articles)
}

/// One quote's speech features and whether the gold counts it as a quote (it covers at least half
/// of a gold quote, as the scorer's match asks).
pub type LabelledSpeech = (Vec<String>, bool);

/// One quote's speaker options: each option's features and whether the scorer would count it
/// right. Only quotes matched to a gold quote with a Source are kept.
pub type LabelledRanking = Vec<(Vec<String>, bool)>;

/// The gold quote a system quote matches, as the scorer would match it (ignoring one-to-one).
fn gold_for<'a>(article: &'a GoldArticle, span: Span, chars: &Chars) -> Option<&'a GoldQuote> {
    article
        .quotes
        .iter()
        .filter(|g| chars.matches(span, g.span))
        .max_by_key(|g| chars.overlap(span, g.span))
}

/// The speech and ranking examples of one article, labelled against its gold quotes; the
/// ranking examples are those of the quotes `speech` lets through.
pub fn labelled_examples(
    article: &GoldArticle,
    speech: Option<&SpeechModel>,
) -> (Vec<LabelledSpeech>, Vec<LabelledRanking>) {
    let text = &article.text;
    let doc = segment(text);
    let (roles, mentions) = stage_inputs(text, &doc);
    let chars = Chars::new(text);
    let ex = training_examples(text, &doc, &roles, &mentions, speech);
    let speech = ex
        .speech
        .into_iter()
        .map(|e| (e.features, gold_for(article, e.span, &chars).is_some()))
        .collect();
    let ranking = ex
        .ranker
        .into_iter()
        .filter_map(|e| {
            let g = gold_for(article, e.quote, &chars).filter(|g| !g.sources.is_empty())?;
            Some(
                e.options
                    .into_iter()
                    .map(|(span, f)| {
                        let right = g.sources.iter().any(|&src| {
                            overlaps(span, src) || head_word(text, span) == head_word(text, src)
                        });
                        (f, right)
                    })
                    .collect(),
            )
        })
        .collect();
    (speech, ranking)
}

/// Feature names numbered in the order training first meets them, keeping only those that occur
/// at least `min_count` times: shared by both trainers so their files come out the same way.
struct FeatureIndex<'a> {
    counts: std::collections::HashMap<&'a str, usize>,
    index: std::collections::HashMap<&'a str, usize>,
    names: Vec<&'a str>,
    min_count: usize,
}

impl<'a> FeatureIndex<'a> {
    fn new(all: impl Iterator<Item = &'a [String]>, min_count: usize) -> Self {
        let mut counts = std::collections::HashMap::new();
        for features in all {
            for f in features {
                *counts.entry(f.as_str()).or_default() += 1;
            }
        }
        FeatureIndex {
            counts,
            index: std::collections::HashMap::new(),
            names: Vec::new(),
            min_count,
        }
    }

    /// The ids of the kept features among `features`, numbering new ones.
    fn ids(&mut self, features: &'a [String]) -> Vec<usize> {
        let mut ids = Vec::new();
        for f in features {
            if self.counts[f.as_str()] < self.min_count {
                continue;
            }
            let names = &mut self.names;
            ids.push(*self.index.entry(f.as_str()).or_insert_with(|| {
                names.push(f.as_str());
                names.len() - 1
            }));
        }
        ids
    }
}

/// One Fisher-Yates pass over `order` driven by an xorshift `seed`: a fixed order, so training is
/// reproducible.
fn shuffle(order: &mut [usize], seed: &mut u64) {
    for i in (1..order.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        order.swap(i, (*seed % (i as u64 + 1)) as usize);
    }
}

/// Quotes a feature must occur in to get a weight: rarer words stay out of the model, which keeps
/// the file (compiled into the wasm bundle) small and loses nothing in cross-validation.
pub const SPEECH_MIN_COUNT: usize = 8;

/// Passes the perceptron makes over the training quotes.
pub const SPEECH_EPOCHS: usize = 10;

/// Trains the speech model: an averaged perceptron over the labelled quotes of `articles`, in a
/// fixed shuffled order, so the same articles give the same file byte for byte.
pub fn train_speech(examples: &[&[LabelledSpeech]]) -> SpeechModel {
    let all = examples
        .iter()
        .flat_map(|a| a.iter())
        .map(|(f, _)| f.as_slice());
    let mut features = FeatureIndex::new(all, SPEECH_MIN_COUNT);
    let mut data: Vec<(Vec<usize>, i64)> = Vec::new();
    for article in examples {
        for (f, gold) in article.iter() {
            data.push((features.ids(f), if *gold { 1 } else { -1 }));
        }
    }
    let names = features.names;
    let mut w = vec![0i64; names.len()];
    let mut u = vec![0i64; names.len()];
    let mut c: i64 = 1;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..SPEECH_EPOCHS {
        shuffle(&mut order, &mut seed);
        for &k in &order {
            let (ids, y) = &data[k];
            let score: i64 = ids.iter().map(|&f| w[f]).sum();
            if score * y <= 0 {
                for &f in ids {
                    w[f] += y;
                    u[f] += y * c;
                }
            }
            c += 1;
        }
    }
    averaged_model(&names, &w, &u, c)
}

/// An averaged perceptron's model: each feature's weight averaged over the `c` steps of training
/// (`w` the final weights, `u` their step-weighted updates), scaled by 1000; zeros are left out.
fn averaged_model(names: &[&str], w: &[i64], u: &[i64], c: i64) -> SpeechModel {
    let weights = names
        .iter()
        .enumerate()
        .map(|(f, name)| {
            let avg = (w[f] * c - u[f]) * 1000 / c;
            (
                name.to_string(),
                avg.clamp(i32::MIN as i64, i32::MAX as i64) as i32,
            )
        })
        .filter(|(_, v)| *v != 0)
        .collect();
    SpeechModel::from_weights(weights)
}

/// Passes the ranker makes over the training quotes.
pub const RANKER_EPOCHS: usize = 10;

/// Options a ranker feature must occur in to get a weight.
pub const RANKER_MIN_COUNT: usize = 8;

/// Trains the speaker ranker: an averaged ranking perceptron over the quotes whose options
/// include a right one; when the best-scoring option is wrong, the best-scoring right one gains
/// its features' weights and the wrong one loses them. Fixed order, so training is reproducible.
pub fn train_ranker(examples: &[&[LabelledRanking]]) -> SpeechModel {
    let all = examples
        .iter()
        .flat_map(|a| a.iter())
        .flat_map(|q| q.iter())
        .map(|(f, _)| f.as_slice());
    let mut features = FeatureIndex::new(all, RANKER_MIN_COUNT);
    let mut data: Vec<Vec<(Vec<usize>, bool)>> = Vec::new();
    for article in examples {
        for quote in article.iter() {
            if !quote.iter().any(|(_, right)| *right) || quote.len() < 2 {
                continue;
            }
            let options = quote
                .iter()
                .map(|(f, right)| (features.ids(f), *right))
                .collect();
            data.push(options);
        }
    }
    let names = features.names;
    let mut w = vec![0i64; names.len()];
    let mut u = vec![0i64; names.len()];
    let mut c: i64 = 1;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..RANKER_EPOCHS {
        shuffle(&mut order, &mut seed);
        for &k in &order {
            let options = &data[k];
            let score = |ids: &Vec<usize>| ids.iter().map(|&f| w[f]).sum::<i64>();
            let mut pred = 0;
            let mut top = i64::MIN;
            let mut gold = None;
            let mut gold_top = i64::MIN;
            for (j, (ids, right)) in options.iter().enumerate() {
                let s = score(ids);
                if s > top {
                    top = s;
                    pred = j;
                }
                if *right && s > gold_top {
                    gold_top = s;
                    gold = Some(j);
                }
            }
            if let Some(g) = gold.filter(|_| !options[pred].1) {
                for &f in &options[g].0 {
                    w[f] += 1;
                    u[f] += c;
                }
                for &f in &options[pred].0 {
                    w[f] -= 1;
                    u[f] -= c;
                }
            }
            c += 1;
        }
    }
    averaged_model(&names, &w, &u, c)
}

/// Folds for cross-validating the models on train: article `k` goes to fold `k % FOLDS`.
pub const FOLDS: usize = 5;

/// Five-fold cross-validation on `articles`, fold by fold: the rules alone, the rules with a
/// speech model trained on the other folds, and both with a ranker trained on the other folds.
pub fn cross_validate(articles: &[GoldArticle]) -> Vec<[QuoteScores; 3]> {
    let first: Vec<Vec<LabelledSpeech>> = articles
        .iter()
        .map(|a| labelled_examples(a, None).0)
        .collect();
    let mut out = Vec::new();
    for fold in 0..FOLDS {
        let training = |k: &usize| k % FOLDS != fold;
        let train: Vec<&[LabelledSpeech]> = first
            .iter()
            .enumerate()
            .filter(|(k, _)| training(k))
            .map(|(_, l)| l.as_slice())
            .collect();
        let speech = train_speech(&train);
        let ranking: Vec<Vec<LabelledRanking>> = articles
            .iter()
            .enumerate()
            .filter(|(k, _)| training(k))
            .map(|(_, a)| labelled_examples(a, Some(&speech)).1)
            .collect();
        let slices: Vec<&[LabelledRanking]> = ranking.iter().map(Vec::as_slice).collect();
        let ranker = train_ranker(&slices);
        let mut scores: [QuoteScores; 3] = Default::default();
        for (_, article) in articles.iter().enumerate().filter(|(k, _)| !training(k)) {
            score_article_with(article, &mut scores[0], Models::default());
            let with_speech = Models {
                speech: Some(&speech),
                ranker: None,
            };
            score_article_with(article, &mut scores[1], with_speech);
            let both = Models {
                speech: Some(&speech),
                ranker: Some(&ranker),
            };
            score_article_with(article, &mut scores[2], both);
        }
        out.push(scores);
    }
    out
}

/// Trains both models on `articles`: the speech model, then the ranker on the quotes it lets
/// through.
pub fn train_models(articles: &[GoldArticle]) -> (SpeechModel, SpeechModel) {
    let first: Vec<Vec<LabelledSpeech>> = articles
        .iter()
        .map(|a| labelled_examples(a, None).0)
        .collect();
    let slices: Vec<&[LabelledSpeech]> = first.iter().map(Vec::as_slice).collect();
    let speech = train_speech(&slices);
    let ranking: Vec<Vec<LabelledRanking>> = articles
        .iter()
        .map(|a| labelled_examples(a, Some(&speech)).1)
        .collect();
    let slices: Vec<&[LabelledRanking]> = ranking.iter().map(Vec::as_slice).collect();
    let ranker = train_ranker(&slices);
    (speech, ranker)
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
    fn gold_marks_pair_as_read() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("curly pair", "is “the best” now", &["the best"]),
            (
                "REGRESSION: an opening mark typed as a closing one",
                "is “the best in the world“ and “the best in the region.”",
                &["the best in the world", "the best in the region."],
            ),
            (
                "nested curly stays inside",
                "“He said “no” twice,” she said",
                &["He said “no” twice,"],
            ),
            ("straight pair", "said \"yes\" and left", &["yes"]),
            ("unclosed runs to the line end", "“We will", &["We will"]),
        ];
        for (name, text, want) in cases {
            let mut out = Vec::new();
            pair_line(text, Span::new(0, text.len()), &mut out);
            let got: Vec<&str> = out.iter().map(|s| s.of(text)).collect();
            assert_eq!(got, *want, "{name}");
        }
    }

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
    fn gold_quotes_from_standoff() {
        let text = "Peskov said, “We agree.” Then \"no\" and ‘maybe’.\n\"Line two";
        // Content fragments by code points: the first quote (marks excluded by the annotator), the
        // straight one, and a fragment that runs over a line break.
        let c = |s: &str| text[..text.find(s).unwrap()].chars().count();
        let ann = format!(
            "T1\tSource 0 6\tPeskov\nT2\tContent {} {}\tWe agree.\nT3\tContent {} {}\tx\nE1\tAttribution:T9 Source:T1 Content:T2\nE2\tAttribution-no-source:T8 Content:T3\n",
            c("We"),
            c("We") + 9,
            c("\"no"),
            text.chars().count()
        );
        let gold = gold_quotes(text, &ann);
        let got: Vec<(&str, usize)> = gold
            .iter()
            .map(|q| (q.span.of(text), q.sources.len()))
            .collect();
        assert_eq!(got, [("We agree.", 1), ("no", 0), ("Line two", 0)]);
    }

    #[test]
    fn head_words() {
        let text = "the Kremlin spokesman";
        assert_eq!(head_word(text, Span::new(0, text.len())), "spokesman");
    }
}
