//! Choosing the predicate a date anchors: a learned ranker over the clause rules' pick.
//!
//! The rules (`clause::anchor`) read one predicate off the date's segment: the nearest verb
//! before it, else after it, or the noun it modifies. Which one TimeBank's annotators link a date
//! to depends on more than a rule weighs: a date after `a news conference` dates the conference,
//! after `attended a rally` the attending. So every predicate the sentence offers is an option
//! (each verb group at its main and its last verb, a copula's complement, each common noun), each
//! gets named features (where it stands from the date, what lies between, what kind of word it
//! is, whether the rules picked it), and a linear model scores them; the best one is the anchor.
//! The rules' pick is one feature, so the model leaves it only when what it learned says so.
//!
//! Among the features, how often TimeBank marks the option's word an event (`eventness`): the
//! word of `In its [Friday] issue, the paper quoted …` names no event, the one of `the [Friday]
//! meeting` does.
//!
//! The model (`model/anchoring.txt`: a header, `feature<TAB>weight` lines, then `[event rates]`
//! and the word bands) is trained on the non-dev part of TBAQ by `lede train-anchoring`, byte for
//! byte (see `crate::eval::anchoring`), which also writes it packed (`model/anchoring.bin`: the
//! header, the weights' packed table, then the bands' one, a row a word; see `packed_weights`),
//! the form the build carries.

use crate::analysis::feature_weights::Weights;

use super::clause::{self, Anchor, Parse};
use super::eventness::EventRates;
use crate::analysis::feature_weights::{self, FeatureList};
use crate::analysis::model_bytes::Reader;
use crate::analysis::packed_weights;
use crate::analysis::syntax::{ChunkKind, Tag};
use crate::error::{Error, Result};

pub const MAGIC: &str = "LEDE-ANCHOR-MODEL 2";

/// The shipped model, packed.
const SHIPPED: &[u8] = include_bytes!("../../../model/anchoring.bin");

/// The line that ends the weights and starts the event rates in the model file.
const RATES: &str = "[event rates]";

/// Feature weights, and the event rates some features read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnchorModel {
    weights: Weights,
    rates: EventRates,
}

impl AnchorModel {
    /// The shipped model, parsed once; `None` when its file holds no weights (the rules decide).
    pub fn shipped() -> Option<&'static AnchorModel> {
        static MODEL: std::sync::OnceLock<Option<AnchorModel>> = std::sync::OnceLock::new();
        MODEL
            .get_or_init(|| {
                AnchorModel::from_bytes(SHIPPED)
                    .ok()
                    .filter(|m| !m.weights.is_empty())
            })
            .as_ref()
    }

    pub fn new(weights: Weights, rates: EventRates) -> AnchorModel {
        AnchorModel { weights, rates }
    }

    /// The event rates the features were computed with.
    pub fn rates(&self) -> &EventRates {
        &self.rates
    }

    /// Reads a model file: the weights, then `[event rates]` and the rates.
    pub fn parse(text: &str) -> Result<AnchorModel> {
        let marker = format!("\n{RATES}\n");
        let (weights, rates) = text
            .split_once(&marker)
            .ok_or_else(|| Error::Model(format!("anchor model: no '{RATES}' line")))?;
        let weights = feature_weights::parse(weights, MAGIC, "anchor model")?;
        let rates = EventRates::parse(rates)?;
        Ok(AnchorModel { weights, rates })
    }

    /// Reads a model file, packed (`to_bytes`) or text (`to_text`).
    pub fn read(bytes: &[u8]) -> Result<AnchorModel> {
        packed_weights::packed_or_text(
            bytes,
            MAGIC,
            "anchor model",
            AnchorModel::from_bytes,
            AnchorModel::parse,
        )
    }

    /// Reads a packed model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<AnchorModel> {
        let mut r = Reader::new(bytes);
        packed_weights::read_magic(&mut r, MAGIC)?;
        let weights = feature_weights::read_packed(&mut r, "anchor model")?;
        let rates = EventRates::read_packed(&mut r)?;
        r.finish()?;
        Ok(AnchorModel { weights, rates })
    }

    /// The packed file: the header, the non-zero weights' table, then the event rates'.
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        packed_weights::write_magic(&mut out, MAGIC);
        feature_weights::write_packed(&mut out, &self.weights)?;
        self.rates.write_packed(&mut out)?;
        Ok(out)
    }

    /// The file text: the header, the non-zero weights sorted by name, then the event rates.
    pub fn to_text(&self) -> String {
        let mut text = feature_weights::to_text(&self.weights, MAGIC);
        text.push_str(RATES);
        text.push('\n');
        text.push_str(&self.rates.to_text());
        text
    }

    /// How many weights it has.
    pub fn weight_count(&self) -> usize {
        self.weights.values().filter(|w| **w != 0).count()
    }

    pub fn score(&self, features: &[String]) -> i64 {
        feature_weights::score(&self.weights, features)
    }

    /// `score` over borrowed names, such as a `FeatureList`'s.
    pub fn score_names<'a>(&self, names: impl IntoIterator<Item = &'a str>) -> i64 {
        feature_weights::score_names(&self.weights, names)
    }
}

/// The options a sentence offers for its date's anchor, the rules' pick among them.
pub fn options(p: &Parse) -> Vec<Anchor> {
    let mut out: Vec<Anchor> = Vec::new();
    // A predicate is a word (not `%` or `$`), not one of the words that qualify a date (`last
    // October` where only `October` was tagged), and not a number word the tagger took for a
    // noun (`had eight million guilders of charges`).
    let word = |k: usize| {
        let w = &*p.lower[k];
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !matches!(
                w,
                "last"
                    | "next"
                    | "this"
                    | "early"
                    | "late"
                    | "ago"
                    | "earlier"
                    | "later"
                    | "dlrs"
                    | "percent"
                    | "cents"
                    | "share"
                    | "shares"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "six"
                    | "seven"
                    | "eight"
                    | "nine"
                    | "ten"
                    | "dozen"
                    | "dozens"
                    | "hundred"
                    | "hundreds"
                    | "thousand"
                    | "thousands"
                    | "million"
                    | "millions"
                    | "billion"
                    | "billions"
            )
    };
    let mut push = |a: Anchor| {
        if word(a.predicate) && !out.iter().any(|o| o.predicate == a.predicate) {
            out.push(a);
        }
    };
    if let Some(rule) = clause::anchor(p) {
        push(rule);
    }
    for (c, ch) in p.chunks.iter().enumerate() {
        match ch.kind {
            ChunkKind::Vp => {
                for k in [p.head_of(c), p.last_verb(c)].into_iter().flatten() {
                    push(Anchor {
                        predicate: k,
                        noun: false,
                    });
                }
            }
            ChunkKind::Np | ChunkKind::Adjp => {
                for k in ch.start..ch.end {
                    let wanted = match p.tags[k] {
                        Tag::Noun => true,
                        Tag::Adj => ch.kind == ChunkKind::Adjp,
                        _ => false,
                    };
                    if wanted && !p.timex.contains(&k) {
                        push(Anchor {
                            predicate: k,
                            noun: true,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn bucket(d: usize) -> &'static str {
    match d {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=4 => "3-4",
        5..=8 => "5-8",
        9..=15 => "9-15",
        _ => "16+",
    }
}

/// A word class of the date's first word, so the model can tell `now` from `Friday` or `1998`.
#[inline(never)]
fn date_class(p: &Parse) -> &'static str {
    let w = &*p.lower[p.timex.start];
    match w {
        "now" | "currently" | "today" | "tonight" | "yesterday" | "tomorrow" => "deictic",
        "current" | "future" | "recent" | "former" | "daily" | "annual" | "past" => "adjective",
        "last" | "next" | "this" | "earlier" | "later" | "early" | "late" | "the" | "a" => {
            "relative"
        }
        _ if w.chars().next().is_some_and(|c| c.is_ascii_digit()) => "number",
        _ if p.words[p.timex.start].starts_with(char::is_uppercase) => "name",
        _ => "other",
    }
}

/// The named features of option `o` for the date of `p`; `rule` is the rules' pick, `rank` how
/// many options of the same kind lie between it and the date.
#[inline(never)]
pub fn features(
    p: &Parse,
    o: &Anchor,
    rule: Option<&Anchor>,
    rank: usize,
    rates: &EventRates,
) -> Vec<String> {
    let mut f = FeatureList::new();
    write_features(p, o, rule, rank, rates, &mut f);
    f.to_strings()
}

/// `true` or `false`, as `{}` writes a bool: features are written from parts
/// (`FeatureList::add_parts`), without the formatting machinery.
fn yes(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// The digits, for the small counts (clamped to 3 at most) that features name.
const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

/// `features`, written into `f` (not cleared first): `choose` scores every option from one
/// reused buffer.
pub fn write_features(
    p: &Parse,
    o: &Anchor,
    rule: Option<&Anchor>,
    rank: usize,
    rates: &EventRates,
    f: &mut FeatureList,
) {
    let (a, b) = (p.timex.start, p.timex.end);
    let k = o.predicate;
    let before = k < a;
    let dir = if before { "L" } else { "R" };
    let (lo, hi) = if before { (k + 1, a) } else { (b, k) };
    let gap = hi.saturating_sub(lo);
    let between = &p.tags[lo.min(hi)..hi];
    let words_between = &p.lower[lo.min(hi)..hi];
    let kind = if o.noun {
        if p.tags[k] == Tag::Adj {
            "adj"
        } else {
            "noun"
        }
    } else if p.head_of(p.chunk_of[k]) == Some(k) {
        "verb"
    } else {
        "verb-last"
    };
    let verbs_between = p
        .chunks
        .iter()
        .enumerate()
        .filter(|(c, ch)| {
            ch.kind == ChunkKind::Vp && ch.start >= lo && ch.end <= hi && *c != p.chunk_of[k]
        })
        .count()
        .min(2);
    let commas = words_between.iter().filter(|w| *w == ",").count().min(2);
    let sbar =
        (lo..hi).any(|j| p.chunks[p.chunk_of[j]].kind == ChunkKind::Sbar || p.tags[j] == Tag::Wh);
    let cc = between.contains(&Tag::Cc);
    let same_segment = p.segment[k] == p.segment[a];
    let is_rule = rule.is_some_and(|r| r.predicate == k);
    f.add_parts(&["kind:", kind, "|dir:", dir]);
    f.add_parts(&["kind:", kind, "|dir:", dir, "|gap:", bucket(gap)]);
    f.add_parts(&["kind:", kind, "|rule:", yes(is_rule)]);
    f.add_parts(&["rule:", yes(is_rule)]);
    f.add_parts(&[
        "kind:",
        kind,
        "|verbs:",
        DIGITS[verbs_between],
        "|dir:",
        dir,
    ]);
    f.add_parts(&["commas:", DIGITS[commas], "|dir:", dir]);
    f.add_parts(&["sbar:", yes(sbar), "|dir:", dir, "|kind:", kind]);
    f.add_parts(&["cc:", yes(cc), "|dir:", dir]);
    f.add_parts(&["seg:", yes(same_segment), "|kind:", kind]);
    f.add_parts(&["tag:", p.tags[k].as_str(), "|dir:", dir]);
    f.add_parts(&["date:", date_class(p), "|kind:", kind, "|dir:", dir]);
    // The chunks between, as a path (`L:NP-PP` for `met [Witkoff] [on] Friday`), at most four.
    let path: Vec<&str> = {
        let (c0, c1) = (
            p.chunk_of[lo.min(p.len() - 1)],
            p.chunk_of[hi.saturating_sub(1)],
        );
        if gap == 0 {
            Vec::new()
        } else {
            (c0..=c1)
                .filter(|&c| c != p.chunk_of[k])
                .map(|c| p.chunks[c].kind.as_str())
                .collect()
        }
    };
    let path = if path.len() > 4 {
        "long".to_string()
    } else {
        path.join("-")
    };
    f.add_parts(&["path:", dir, ":", &path, "|kind:", kind]);
    // How near it is among the options of its kind on its side (`nearest verb to the left`).
    f.add_parts(&["rank:", dir, ":", kind, ":", DIGITS[rank.min(3)]]);
    // The nearest verb group of the date's own segment, on each side.
    if same_segment && !o.noun {
        let nearer = p.chunks.iter().any(|ch| {
            ch.kind == ChunkKind::Vp
                && p.segment[ch.start] == p.segment[a]
                && ch.start != p.chunks[p.chunk_of[k]].start
                && ch.start >= lo
                && ch.end <= hi
        });
        f.add_parts(&["nearest-in-segment:", yes(!nearer), "|dir:", dir]);
    }
    let prep = if a > 0 { &*p.lower[a - 1] } else { "^" };
    let prep = if p.tags.get(a.wrapping_sub(1)) == Some(&Tag::Adp) {
        prep
    } else {
        "-"
    };
    f.add_parts(&["date-prep:", prep, "|kind:", kind, "|dir:", dir]);
    f.add_parts(&["word:", &p.lower[k], "|kind:", kind]);
    let rate = rates
        .band(&p.lower[k])
        .map_or(char::from(b'u'), |b| char::from(b'0' + b));
    let mut rate_utf8 = [0u8; 4];
    let rate: &str = rate.encode_utf8(&mut rate_utf8);
    f.add_parts(&["event-rate:", rate, "|kind:", kind]);
    f.add_parts(&["event-rate:", rate, "|dir:", dir, "|gap:", bucket(gap)]);
    // `the [Dec. 21, 1988] bombing`, `an [Aug. 10] stock purchase agreement`: a date after a
    // determiner modifies the noun phrase it opens, whose head is the event it dates.
    let det_before = a > 0 && matches!(p.tags[a - 1], Tag::Det | Tag::PronPoss | Tag::Pos);
    f.add_parts(&["date-det:", yes(det_before), "|kind:", kind, "|dir:", dir]);
    if !before && det_before && matches!(p.tags[k], Tag::Noun | Tag::Vbg) {
        let modifiers = between.iter().zip(words_between).all(|(t, w)| {
            w == "," || matches!(t, Tag::Adj | Tag::Noun | Tag::Propn | Tag::Vbg | Tag::Vbn)
        });
        let head = !p.tags.get(k + 1).is_some_and(|t| t.is_noun());
        f.add_parts(&["premodified:", yes(modifiers && head), "|rate:", rate]);
    }
    // What kind of clause the option sits in: its segment's first word.
    let seg_open = (0..p.len())
        .find(|&j| p.segment[j] == p.segment[k] && p.words[j] != ",")
        .map_or("-", |j| match p.chunks[p.chunk_of[j]].kind {
            ChunkKind::Sbar => "sub",
            _ if p.tags[j] == Tag::Wh => "rel",
            _ if p.tags[j] == Tag::Cc => "and",
            _ if p.segment[j] == 0 => "first",
            _ => "main",
        });
    f.add_parts(&["clause:", seg_open, "|kind:", kind]);
    let date_seg_has_verb = p
        .chunks
        .iter()
        .any(|ch| ch.kind == ChunkKind::Vp && p.segment[ch.start] == p.segment[a]);
    f.add_parts(&[
        "date-seg-verb:",
        yes(date_seg_has_verb),
        "|kind:",
        kind,
        "|dir:",
        dir,
        "|same:",
        yes(same_segment),
    ]);
    f.add_parts(&[
        "kind:",
        kind,
        "|dir:",
        dir,
        "|gap:",
        bucket(gap),
        "|prep:",
        prep,
    ]);
    if o.noun {
        f.add_parts(&[
            "event-noun:",
            yes(super::lexicon::is_event_noun(&p.lower[k])),
        ]);
        if gap <= 1 {
            let link = words_between.first().map_or("", |w| &**w);
            f.add_parts(&["noun-link:", dir, ":", link]);
            f.add_parts(&["noun-link:", dir, ":", link, "|rate:", rate]);
        }
        if !before && p.tags.get(b) == Some(&Tag::Pos) {
            f.add_str("noun:possessive-date");
        }
        let ch = p.chunks[p.chunk_of[k]];
        let head = (ch.start..ch.end).rev().find(|&j| p.tags[j].is_noun()) == Some(k);
        f.add_parts(&["noun-head:", yes(head)]);
        let next = p
            .chunks
            .get(p.chunk_of[k] + 1)
            .map_or("$", |c| c.kind.as_str());
        let prev = p.chunk_of[k]
            .checked_sub(1)
            .map_or("^", |c| p.chunks[c].kind.as_str());
        f.add_parts(&["noun-context:", prev, "_", next]);
    } else {
        let ch = p.chunks[p.chunk_of[k]];
        f.add_parts(&[
            "finite:",
            yes(p.tags[ch.start..ch.end].iter().any(|t| t.is_finite())),
        ]);
        f.add_parts(&["reduced:", yes(p.is_reduced_relative(p.chunk_of[k]))]);
        f.add_parts(&["relative:", yes(p.in_relative(p.chunk_of[k]))]);
        f.add_parts(&[
            "saying:",
            yes(super::lexicon::reports_a_clause(&p.lower[k])),
            "|dir:",
            dir,
        ]);
        // Whether the date lies inside this verb's complement as the clause rules read it.
        let (end, _) = clause::complement(p, p.chunk_of[k]);
        let inside = before && a < end;
        f.add_parts(&["in-complement:", yes(inside), "|dir:", dir]);
        if gap <= 1 {
            let link = words_between.first().map_or("", |w| &**w);
            f.add_parts(&["verb-link:", dir, ":", link]);
        }
        // `the quarter ended Sept. 30`, `the year ending in June`: a verb that only bounds a
        // period, right after the period's noun or date.
        if k > 0 && ch.start == k {
            let prev = k - 1;
            let bounds = p.timex.contains(&prev) || super::lexicon::is_time_noun(&p.lower[prev]);
            f.add_parts(&["after-period:", yes(bounds)]);
        }
    }
}

/// For each option, how many options of its kind (verb or noun) lie between it and the date.
pub fn ranks(p: &Parse, options: &[Anchor]) -> Vec<usize> {
    let (a, b) = (p.timex.start, p.timex.end);
    options
        .iter()
        .map(|o| {
            let k = o.predicate;
            options
                .iter()
                .filter(|x| x.noun == o.noun && x.predicate != k)
                .filter(|x| {
                    let j = x.predicate;
                    if k < a {
                        j > k && j < a
                    } else {
                        j >= b && j < k
                    }
                })
                .count()
        })
        .collect()
}

/// The anchor: the best-scoring option under `model`, or the rules' pick when there is no model.
pub fn choose(p: &Parse, model: Option<&AnchorModel>) -> Option<Anchor> {
    let rule = clause::anchor(p);
    let Some(model) = model else {
        return rule;
    };
    let options = options(p);
    let mut best: Option<(i64, &Anchor)> = None;
    let mut names = FeatureList::new();
    for (o, rank) in options.iter().zip(ranks(p, &options)) {
        names.clear();
        write_features(p, o, rule.as_ref(), rank, model.rates(), &mut names);
        let s = model.score_names(names.iter());
        if best.is_none_or(|(b, _)| s > b) {
            best = Some((s, o));
        }
    }
    best.map(|(_, o)| o.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The model's text, kept for reading and diffing; the build carries `SHIPPED`.
    const TEXT: &str = include_str!("../../../model/anchoring.txt");

    /// The shipped model is the committed text packed, and unpacks to it, byte for byte: the two
    /// files cannot drift apart.
    #[test]
    fn the_shipped_model_is_its_text_packed() {
        let model = AnchorModel::parse(TEXT).expect("anchoring.txt is well formed");
        assert_eq!(model.weight_count(), 673);
        assert_eq!(model.rates().len(), 1_213);
        assert_eq!(model.to_text(), TEXT, "anchoring.txt is in canonical order");
        assert!(
            model.to_bytes().unwrap() == SHIPPED,
            "model/anchoring.bin is not model/anchoring.txt packed: run `lede pack-model model/anchoring.txt`"
        );
        assert_eq!(AnchorModel::from_bytes(SHIPPED).unwrap(), model);
        assert_eq!(AnchorModel::read(SHIPPED).unwrap(), model);
        assert_eq!(AnchorModel::read(TEXT.as_bytes()).unwrap(), model);
        assert_eq!(AnchorModel::shipped(), Some(&model));
    }

    #[test]
    fn bad_files_are_errors() {
        let good = AnchorModel::parse(TEXT).unwrap().to_bytes().unwrap();
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("no event rates", good[..good.len() / 2].to_vec()),
            ("trailing bytes", [good.as_slice(), b"x"].concat()),
            (
                "text without rates",
                format!("{MAGIC}\nbias\t1\n").into_bytes(),
            ),
            ("neither", b"\xff\xfe".to_vec()),
        ];
        for (name, bytes) in &cases {
            assert!(AnchorModel::read(bytes).is_err(), "{name}");
        }
    }
}
