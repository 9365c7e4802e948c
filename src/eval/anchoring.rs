//! `lede eval-anchoring`: how often the predicate a timeline card is built on is the event that
//! TimeBank links the card's date to.
//!
//! For every gold time expression with a TLINK to an event in the same sentence (Lede's
//! sentences), the timeline's anchoring is run on the gold span; it is right when the predicate
//! it picks overlaps one of the linked events. Gold spans, not Lede's own timexes, so the figure
//! measures anchoring alone. The split is `lede eval-timex`'s: dev is every fifth file of the
//! sorted paths. Counts are given per relation (of the link that matched, or else of the first
//! link), and apart for DATE and TIME expressions, which are the ones that make cards.

use crate::analysis::feature_weights::Weights;
use std::collections::BTreeMap;
use std::path::Path;

use std::collections::HashMap;

use super::tlink::{parse, LinkedDoc};
use crate::analysis::segment::{self, TokenKind};
use crate::analysis::span::Span;
use crate::analysis::timeline::eventness::EventRates;
use crate::analysis::timeline::{self, ranker};
use crate::error::{Error, Result};

/// Which files to score (`lede eval-timex`'s split).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    Dev,
    Train,
    All,
}

impl Split {
    pub fn parse(s: &str) -> Option<Split> {
        Some(match s {
            "dev" => Split::Dev,
            "train" => Split::Train,
            "all" => Split::All,
            _ => return None,
        })
    }

    pub fn keeps(self, index: usize) -> bool {
        match self {
            Split::Dev => index % 5 == 4,
            Split::Train => index % 5 != 4,
            Split::All => true,
        }
    }
}

/// Right and total, for one group of time expressions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub right: usize,
    pub total: usize,
}

impl Tally {
    fn add(&mut self, right: bool) {
        self.total += 1;
        self.right += usize::from(right);
    }

    pub fn accuracy(self) -> f64 {
        super::ratio(self.right, self.total)
    }
}

/// The scores over a split.
#[derive(Debug, Clone, Default)]
pub struct Anchoring {
    pub documents: usize,
    /// DATE and TIME expressions (the ones that make cards).
    pub dated: Tally,
    /// Every type (DURATION and SET included).
    pub all: Tally,
    /// DATE and TIME expressions by relation.
    pub by_relation: BTreeMap<String, Tally>,
    /// Expressions linked to more than one event of their sentence.
    pub several_links: usize,
    /// Misses, one line each: the sentence with `[date]`, `{gold}` and `<picked>` marked.
    pub misses: Vec<String>,
}

/// Marks a sentence for the error listing.
fn marked(text: &str, sentence: Span, marks: &[(usize, &str)]) -> String {
    let mut marks: Vec<(usize, &str)> = marks
        .iter()
        .copied()
        .filter(|(at, _)| (sentence.start..=sentence.end).contains(at))
        .collect();
    marks.sort_by_key(|m| std::cmp::Reverse(m.0));
    let mut out = sentence.of(text).to_string();
    for (at, mark) in marks {
        out.insert_str(at - sentence.start, mark);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A gold time expression's index, its sentence, and its linked events with their relations.
type LinkedTimex = (usize, usize, Vec<(usize, String)>);

/// The gold time expressions of `doc` linked to an event of their own sentence, each with its
/// sentence and the linked events (with the relation).
fn linked_timexes(doc: &LinkedDoc, seg: &segment::Doc) -> Vec<LinkedTimex> {
    let sentence_of = |at: usize| {
        seg.sentences
            .partition_point(|s| s.span.end <= at)
            .min(seg.sentences.len().saturating_sub(1))
    };
    let mut out = Vec::new();
    if seg.sentences.is_empty() {
        return out;
    }
    for (i, t) in doc.timexes.iter().enumerate() {
        let s = sentence_of(t.start);
        let linked: Vec<(usize, String)> = doc
            .links
            .iter()
            .filter(|l| l.timex == t.id)
            .filter_map(|l| {
                let e = doc.events.iter().position(|e| e.id == l.event)?;
                (sentence_of(doc.events[e].start) == s).then(|| (e, l.relation.clone()))
            })
            .collect();
        if !linked.is_empty() {
            out.push((i, s, linked));
        }
    }
    out
}

fn score_doc(doc: &LinkedDoc, model: Option<&ranker::AnchorModel>, scores: &mut Anchoring) {
    let seg = segment::segment(&doc.text);
    for (i, s, links) in linked_timexes(doc, &seg) {
        let t = &doc.timexes[i];
        let linked: Vec<(&super::tlink::GoldEvent, &str)> = links
            .iter()
            .map(|(e, r)| (&doc.events[*e], r.as_str()))
            .collect();
        let mut ids: Vec<&str> = linked.iter().map(|(e, _)| e.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        scores.several_links += usize::from(ids.len() > 1);
        let picked = timeline::anchor_of(&doc.text, &seg, s, Span::new(t.start, t.end), model);
        let hit = picked.and_then(|(p, _)| {
            linked
                .iter()
                .find(|(e, _)| e.start < p.end && p.start < e.end)
                .map(|(_, r)| *r)
        });
        let right = hit.is_some();
        scores.all.add(right);
        if !matches!(t.kind.as_str(), "DATE" | "TIME") {
            continue;
        }
        scores.dated.add(right);
        let relation = hit.unwrap_or(linked[0].1).to_string();
        scores.by_relation.entry(relation).or_default().add(right);
        if !right {
            let mut marks: Vec<(usize, &str)> = vec![(t.start, "["), (t.end, "]")];
            for (e, _) in &linked {
                marks.push((e.start, "{"));
                marks.push((e.end, "}"));
            }
            if let Some((p, _)) = picked {
                marks.push((p.start, "<"));
                marks.push((p.end, ">"));
            }
            let sentence = seg.sentences[s].span;
            scores.misses.push(marked(&doc.text, sentence, &marks));
        }
    }
}

/// The documents of the files under `dir` whose index (in sorted order) passes `keep`.
pub fn documents(dir: &Path, keep: impl Fn(usize) -> bool) -> Result<Vec<LinkedDoc>> {
    let mut out = Vec::new();
    for (i, (_, path)) in super::timex::files(dir)?.iter().enumerate() {
        if !keep(i) {
            continue;
        }
        let source = std::fs::read_to_string(path).map_err(|e| Error::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        out.push(parse(&source));
    }
    Ok(out)
}

/// Scores `docs` with `model` (the rules alone when `None`).
pub fn score(docs: &[LinkedDoc], model: Option<&ranker::AnchorModel>) -> Anchoring {
    let mut scores = Anchoring::default();
    for doc in docs {
        score_doc(doc, model, &mut scores);
        scores.documents += 1;
    }
    scores
}

/// Scores the `split` of the TimeML files under `dir` with `model`, or the shipped one.
pub fn evaluate(
    dir: &Path,
    split: Split,
    model: Option<&ranker::AnchorModel>,
) -> Result<Anchoring> {
    let docs = documents(dir, |i| split.keeps(i))?;
    Ok(score(&docs, model.or(ranker::AnchorModel::shipped())))
}

/// One training example: each option's features, and which options are a linked event.
struct Example {
    options: Vec<Vec<String>>,
    gold: Vec<bool>,
}

/// Per word (lower case) of `doc`: how often it lies inside an `EVENT`, and how often it occurs.
fn word_counts(doc: &LinkedDoc) -> HashMap<String, (u32, u32)> {
    let seg = segment::segment(&doc.text);
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    for t in seg.tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let span = t.span;
        let inside = doc
            .events
            .iter()
            .any(|e| e.start < span.end && span.start < e.end);
        let c = counts.entry(span.of(&doc.text).to_lowercase()).or_default();
        c.0 += u32::from(inside);
        c.1 += 1;
    }
    counts
}

/// Adds (`sign` 1) or takes away (`sign` -1) one document's counts.
fn add_counts(
    into: &mut HashMap<String, (u32, u32)>,
    from: &HashMap<String, (u32, u32)>,
    sign: i64,
) {
    for (w, &(e, n)) in from {
        let c = into.entry(w.clone()).or_default();
        c.0 = (i64::from(c.0) + sign * i64::from(e)) as u32;
        c.1 = (i64::from(c.1) + sign * i64::from(n)) as u32;
    }
}

/// The event rates of every word of `docs`.
pub fn event_rates(docs: &[LinkedDoc]) -> EventRates {
    let mut all = HashMap::new();
    for doc in docs {
        add_counts(&mut all, &word_counts(doc), 1);
    }
    EventRates::from_counts(all.iter().map(|(w, &c)| (w.as_str(), c)))
}

/// The training examples of `docs`. Each document's options read event rates counted on the
/// other documents only (the rates the shipped model reads come from all of them): with its own
/// events counted, a linked event's word would never look unseen in training, as it can in use.
fn examples(docs: &[LinkedDoc]) -> Vec<Example> {
    let mut out = Vec::new();
    let per_doc: Vec<HashMap<String, (u32, u32)>> = docs.iter().map(word_counts).collect();
    let mut all = HashMap::new();
    for c in &per_doc {
        add_counts(&mut all, c, 1);
    }
    for (doc, own) in docs.iter().zip(&per_doc) {
        let mut others = all.clone();
        add_counts(&mut others, own, -1);
        let rates = EventRates::from_counts(others.iter().map(|(w, &c)| (w.as_str(), c)));
        let seg = segment::segment(&doc.text);
        for (i, s, links) in linked_timexes(doc, &seg) {
            let t = &doc.timexes[i];
            let Some((p, spans)) =
                timeline::parse_at(&doc.text, &seg, s, Span::new(t.start, t.end))
            else {
                continue;
            };
            let rule = timeline::clause::anchor(&p);
            let options = ranker::options(&p);
            let gold: Vec<bool> = options
                .iter()
                .map(|o| {
                    let span = spans[o.predicate];
                    links.iter().any(|(e, _)| {
                        let e = &doc.events[*e];
                        e.start < span.end && span.start < e.end
                    })
                })
                .collect();
            if !gold.contains(&true) {
                continue;
            }
            let ranks = ranker::ranks(&p, &options);
            out.push(Example {
                options: options
                    .iter()
                    .zip(ranks)
                    .map(|(o, r)| ranker::features(&p, o, rule.as_ref(), r, &rates))
                    .collect(),
                gold,
            });
        }
    }
    out
}

/// How many linked DATE/TIME expressions of `docs` have a linked event among their options: the
/// most any ranker over these options could get right.
pub fn reachable(docs: &[LinkedDoc]) -> usize {
    let mut n = 0;
    for doc in docs {
        let seg = segment::segment(&doc.text);
        for (i, s, links) in linked_timexes(doc, &seg) {
            let t = &doc.timexes[i];
            if !matches!(t.kind.as_str(), "DATE" | "TIME") {
                continue;
            }
            let Some((p, spans)) =
                timeline::parse_at(&doc.text, &seg, s, Span::new(t.start, t.end))
            else {
                continue;
            };
            let hit = ranker::options(&p).iter().any(|o| {
                let span = spans[o.predicate];
                links.iter().any(|(e, _)| {
                    let e = &doc.events[*e];
                    e.start < span.end && span.start < e.end
                })
            });
            n += usize::from(hit);
        }
    }
    n
}

/// Training epochs of the ranker. Five, not ten: five-fold accuracy on train is the same within
/// noise (833 against 837 of 1,083 right), and the weights stay smaller, so that pruning leaves
/// a model of 8 KB gzipped instead of 10.5.
const EPOCHS: usize = 5;

/// Perceptrons trained on different shuffles and averaged: one alone moves with the order of
/// the examples (five-fold accuracy on train 0.745 alone, 0.752 averaged over five).
const BAGS: u64 = 10;

/// Mean weights (in hundredths of an update) under this are dropped: a size budget, since the
/// model ships in the wasm bundle.
const PRUNE: i32 = 150;

/// The unit the kept weights are written in, in hundredths of an update: a quarter. Only the
/// ranking of the options matters, and two-digit weights take a third less room gzipped than
/// three-digit ones for the same five-fold accuracy.
const STEP: i32 = 25;

/// Trains the ranker on `docs`: the mean of `BAGS` averaged perceptrons over the options of each
/// linked date, deterministic (fixed shuffles, no hash-map iteration decides anything; the
/// weights are written sorted).
pub fn train(docs: &[LinkedDoc]) -> ranker::AnchorModel {
    let examples = examples(docs);
    let mut sum: HashMap<String, i64> = HashMap::new();
    for bag in 0..BAGS {
        let m = train_once(&examples, 0x1ede + bag * 7919);
        for (f, w) in m {
            *sum.entry(f).or_default() += i64::from(w);
        }
    }
    ranker::AnchorModel::new(
        sum.into_iter()
            .map(|(f, w)| (f, w as f64 / BAGS as f64))
            .filter(|(_, w)| w.round().abs() >= f64::from(PRUNE))
            .map(|(f, w)| (f, (w / f64::from(STEP)).round() as i32))
            .collect(),
        event_rates(docs),
    )
}

/// One averaged perceptron over `examples`, shuffled from `seed`.
fn train_once(examples: &[Example], seed: u64) -> Weights {
    let mut w: HashMap<String, f64> = HashMap::new();
    let mut total: HashMap<String, f64> = HashMap::new();
    let mut stamp: HashMap<String, usize> = HashMap::new();
    let mut now = 1usize;
    let score = |w: &HashMap<String, f64>, f: &[String]| -> f64 {
        f.iter().map(|x| w.get(x).copied().unwrap_or(0.0)).sum()
    };
    let bump = |w: &mut HashMap<String, f64>,
                total: &mut HashMap<String, f64>,
                stamp: &mut HashMap<String, usize>,
                now: usize,
                f: &str,
                by: f64| {
        let cur = w.get(f).copied().unwrap_or(0.0);
        let since = stamp.get(f).copied().unwrap_or(now);
        *total.entry(f.to_string()).or_default() += cur * (now - since) as f64;
        stamp.insert(f.to_string(), now);
        w.insert(f.to_string(), cur + by);
    };
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed = seed;
    for _ in 0..EPOCHS {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &e in &order {
            let x = &examples[e];
            let scores: Vec<f64> = x.options.iter().map(|f| score(&w, f)).collect();
            let best = (0..scores.len()).fold(0, |b, i| if scores[i] > scores[b] { i } else { b });
            if !x.gold[best] {
                let gold = (0..scores.len())
                    .filter(|&i| x.gold[i])
                    .fold(None, |b: Option<usize>, i| match b {
                        Some(b) if scores[b] >= scores[i] => Some(b),
                        _ => Some(i),
                    })
                    .expect("an example has a gold option");
                for f in &x.options[gold] {
                    bump(&mut w, &mut total, &mut stamp, now, f, 1.0);
                }
                for f in &x.options[best] {
                    bump(&mut w, &mut total, &mut stamp, now, f, -1.0);
                }
            }
            now += 1;
        }
    }
    w.iter()
        .map(|(f, &cur)| {
            let since = stamp.get(f).copied().unwrap_or(now);
            let sum = total.get(f).copied().unwrap_or(0.0) + cur * (now - since) as f64;
            (f.clone(), (100.0 * sum / now as f64).round() as i32)
        })
        .filter(|(_, v)| *v != 0)
        .collect()
}

/// Five-fold cross-validation on `docs`: the DATE/TIME accuracy of each fold's model on the
/// fold it did not see, over all folds, and the held-out misses.
pub fn cross_validate(docs: &[LinkedDoc]) -> (Vec<Tally>, Tally, Vec<String>) {
    let mut folds = Vec::new();
    let mut all = Tally::default();
    let mut misses = Vec::new();
    for fold in 0..5 {
        let train_docs: Vec<LinkedDoc> = docs
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 5 != fold)
            .map(|(_, d)| d.clone())
            .collect();
        let held: Vec<LinkedDoc> = docs
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 5 == fold)
            .map(|(_, d)| d.clone())
            .collect();
        let model = train(&train_docs);
        let s = score(&held, Some(&model));
        all.right += s.dated.right;
        all.total += s.dated.total;
        folds.push(s.dated);
        misses.extend(s.misses);
    }
    (folds, all, misses)
}

impl std::fmt::Display for Anchoring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "documents {}; time expressions linked to an event of their sentence: {} DATE/TIME, {} of every type ({} linked to several)",
            self.documents, self.dated.total, self.all.total, self.several_links
        )?;
        writeln!(
            f,
            "anchoring accuracy, DATE/TIME: {:.3} ({} of {})",
            self.dated.accuracy(),
            self.dated.right,
            self.dated.total
        )?;
        writeln!(
            f,
            "anchoring accuracy, every type: {:.3} ({} of {})",
            self.all.accuracy(),
            self.all.right,
            self.all.total
        )?;
        writeln!(f, "by relation (DATE/TIME):")?;
        for (relation, t) in &self.by_relation {
            writeln!(
                f,
                "  {relation:<14} {:>4} of {:>4}  {:.3}",
                t.right,
                t.total,
                t.accuracy()
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_counts_when_the_picked_predicate_is_the_event() {
        let src = r#"<TEXT>Officials <EVENT eid="e1" class="REPORTING">said</EVENT> the rebels <EVENT eid="e2" class="OCCURRENCE">attacked</EVENT> the town on <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>. Talks <EVENT eid="e3" class="OCCURRENCE">resume</EVENT> <TIMEX3 tid="t2" type="DATE" value="1998-08-10">Monday</TIMEX3>.</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" />
<MAKEINSTANCE eventID="e2" eiid="ei2" />
<MAKEINSTANCE eventID="e3" eiid="ei3" />
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t1" />
<TLINK lid="l2" relType="INCLUDES" timeID="t2" relatedToEventInstance="ei1" />"#;
        let mut scores = Anchoring::default();
        score_doc(&parse(src), None, &mut scores);
        // t1 anchors `attacked` (right); t2's only link is to an event of another sentence.
        assert_eq!(scores.dated, Tally { right: 1, total: 1 });
        assert_eq!(
            scores.by_relation["IS_INCLUDED"],
            Tally { right: 1, total: 1 }
        );
    }
}
