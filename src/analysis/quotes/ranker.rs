//! Choosing among the speakers a quote's sentence offers: a learned re-ranker over the rules' pick.
//!
//! The rules read one speaker phrase off one cue. A sentence often offers several (`Trump later
//! called Haley “…”`: Trump, Haley; `Lewandowski added, saying it should be “…”`), and which one
//! PolNeAR's annotators mark depends on more than the rules weigh. So for a quote whose own
//! sentence gave the rules a speaker, the ranker lists the options of that sentence: the rules'
//! pick, the subject of every cue outside quotes (before it, and after it where the cue inverts),
//! every person or organisation mention and every pronoun but `it` outside quotes. Each option gets named
//! features (where it stands from the quote and the cues, what kind it is, what the entity tagger
//! calls it, the words on either side), a linear model scores them, and the best one is the speaker. The rules' pick is one
//! feature, and another option must beat it by `SWITCH_MARGIN`, so the model only moves off it
//! when what it learned clearly says so. A quote with a cue in its sentence but no speaker the
//! rules could read off it (`“…,” Texas delegate Bill Eastland, wearing a “Ted Cruz” pin, said`)
//! takes the best option outright: the cue is the evidence, the ranker only says who it points to.
//! A quote that inherits its speaker from another quote (a continuation, the second half of a
//! broken quote, a quote in the next paragraph) is ranked too, with the inherited speaker as the
//! pick under its own origin (`inherited`), so the model weighs it apart from a cue's subject;
//! five-fold cross-validation on train put this at 12 more right speakers in 6,400.
//!
//! The model is a `SpeechModel` file (same format, header and all: `model/speaker.txt`, shipped
//! packed as `model/speaker.bin`); it is trained on PolNeAR train by `lede train-quotes` (see
//! `crate::eval::polnear::train_ranker`).

use super::speaker::{Phrase, SpeakerKind, Words};
use super::{cues, Attribution, Candidate, EntityMention, MentionKind};
use crate::analysis::case::lower;
use crate::analysis::span::Span;

/// The shipped ranker, packed.
const SHIPPED: &[u8] = include_bytes!("../../../model/speaker.bin");

/// The shipped ranker; `None` when its file is empty, and then the rules' pick stands.
pub fn shipped() -> Option<&'static super::SpeechModel> {
    static MODEL: std::sync::OnceLock<Option<super::SpeechModel>> = std::sync::OnceLock::new();
    MODEL
        .get_or_init(|| {
            super::SpeechModel::from_bytes(SHIPPED)
                .ok()
                .filter(|m| !m.is_empty())
        })
        .as_ref()
}

/// One option: the phrase and its features.
pub(super) struct Choice {
    pub phrase: Phrase,
    pub features: Vec<String>,
}

fn distance_bucket(d: usize) -> &'static str {
    match d {
        0 => "0",
        1 => "1",
        2..=3 => "2-3",
        4..=7 => "4-7",
        8..=15 => "8-15",
        _ => "16+",
    }
}

fn word_value(w: &Words, i: Option<usize>) -> String {
    match i {
        None => "^".to_string(),
        Some(i) => {
            let word = w.word(i);
            if word.chars().any(|c| c.is_ascii_digit()) {
                "#num".to_string()
            } else {
                word.to_lowercase()
            }
        }
    }
}

/// The options of quote `c`'s sentence, with features. `pick` is the rules' phrase.
pub(super) fn options(
    w: &Words,
    in_quote: &[bool],
    mentions: &[EntityMention],
    c: &Candidate,
    pick: Option<Phrase>,
    inherited: bool,
) -> Vec<Choice> {
    let (start, end) = c.frame;
    let end = end.min(w.tokens.len());
    let token_of = |byte: usize| w.tokens.partition_point(|t| t.span.start < byte);
    let mut phrases: Vec<(Phrase, &'static str)> = pick
        .map(|p| (p, if inherited { "inherited" } else { "rule" }))
        .into_iter()
        .collect();
    let add = |p: Phrase, origin: &'static str, phrases: &mut Vec<(Phrase, &'static str)>| {
        if !phrases.iter().any(|(q, _)| q.span == p.span) {
            phrases.push((p, origin));
        }
    };
    for k in (start..end).filter(|&k| !in_quote[k] && w.is_cue(k)) {
        if let Some(p) = w.subject_before(k, start) {
            add(p, "cue_subject", &mut phrases);
        }
        if cues::inverts(w.word(k)) {
            if let Some(p) = w.subject_after(k, end) {
                add(p, "cue_object", &mut phrases);
            }
        }
    }
    let (a, b) = (w.tokens[start.min(w.tokens.len() - 1)].span.start, {
        let e = end.max(1) - 1;
        w.tokens[e.min(w.tokens.len() - 1)].span.end
    });
    let i = mentions.partition_point(|m| m.span.end <= a);
    for m in mentions[i..].iter().take_while(|m| m.span.start < b) {
        let kind = match m.kind {
            MentionKind::Person => SpeakerKind::Name,
            MentionKind::Organisation => SpeakerKind::Organisation,
            _ => continue,
        };
        let t = token_of(m.span.start);
        if t < w.tokens.len() && in_quote[t] {
            continue;
        }
        add(Phrase { span: m.span, kind }, "mention", &mut phrases);
    }
    // `It is strange that …`: an `it` is an option only when the rules picked it.
    let pronoun = |k: &usize| {
        !in_quote[*k] && cues::is_pronoun(w.word(*k)) && !w.word(*k).eq_ignore_ascii_case("it")
    };
    for k in (start..end).filter(pronoun) {
        add(
            Phrase {
                span: w.tokens[k].span,
                kind: SpeakerKind::Pronoun,
            },
            "pronoun",
            &mut phrases,
        );
    }
    let how = match c.attribution {
        None => "none",
        Some(Attribution::CueAfter) => "after",
        Some(Attribution::CueBefore) => "before",
        Some(Attribution::SameParagraph) => "same",
        Some(Attribution::PreviousParagraph) => "prev",
    };
    // The cue nearest the quote outside quotes: before it, else after it.
    let nearest_cue = (start..c.tokens.0.min(end))
        .rev()
        .find(|&k| !in_quote[k] && w.is_cue(k))
        .or_else(|| (c.tokens.1..end).find(|&k| !in_quote[k] && w.is_cue(k)));
    let nearest_subject = nearest_cue.and_then(|k| {
        if k < c.tokens.0 {
            w.subject_before(k, start)
        } else {
            w.subject_after(k, end)
                .or_else(|| w.subject_before(k, c.tokens.1))
        }
    });
    let count = phrases.len();
    let positions: Vec<(bool, usize)> = phrases
        .iter()
        .map(|(p, _)| {
            let before = p.span.end <= w.tokens[c.tokens.0.min(w.tokens.len() - 1)].span.start;
            let first = token_of(p.span.start);
            let d = if before {
                c.tokens.0.saturating_sub(first)
            } else {
                first.saturating_sub(c.tokens.1)
            };
            (before, d)
        })
        .collect();
    let pick_kind = pick.map_or("none", |p| p.kind.as_str());
    phrases
        .into_iter()
        .enumerate()
        .map(|(n, (p, origin))| {
            let rank = positions
                .iter()
                .filter(|(b, d)| *b == positions[n].0 && *d < positions[n].1)
                .count();
            let of_nearest = nearest_subject.is_some_and(|q| q.span == p.span);
            let ent = entity_kind(mentions, p.span);
            let first = token_of(p.span.start);
            let last = token_of(p.span.end).saturating_sub(1).max(first);
            let before = p.span.end <= w.tokens[c.tokens.0.min(w.tokens.len() - 1)].span.start;
            let (side, gap) = if before {
                ("before", c.tokens.0.saturating_sub(last + 1))
            } else {
                ("after", first.saturating_sub(c.tokens.1))
            };
            let (lo, hi) = if before {
                (last + 1, c.tokens.0)
            } else {
                (c.tokens.1, first)
            };
            let cues_between = (lo..hi.min(w.tokens.len()))
                .filter(|&k| !in_quote[k] && w.is_cue(k))
                .count();
            let next = (last + 1 < w.tokens.len()).then_some(last + 1);
            let prev = first.checked_sub(1);
            let next_cue = next.is_some_and(|n| w.is_cue(n));
            let prev_cue = prev.is_some_and(|n| w.is_cue(n));
            let is_rule = pick.is_some_and(|q| q.span == p.span);
            let kind = p.kind.as_str();
            let lower = lower(p.span.of(w.text));
            let pron = if p.kind == SpeakerKind::Pronoun {
                &*lower
            } else {
                "-"
            };
            let b = |x: bool| if x { "1" } else { "0" };
            let features = vec![
                format!("rule:{}", b(is_rule)),
                format!("rule:{}|how:{how}", b(is_rule)),
                format!("origin:{origin}"),
                format!("origin:{origin}|how:{how}"),
                format!("kind:{kind}|side:{side}"),
                format!("kind:{kind}|origin:{origin}"),
                format!("side:{side}|gap:{}", distance_bucket(gap)),
                format!("side:{side}|cues:{}", cues_between.min(3)),
                format!("next_cue:{}|side:{side}", b(next_cue)),
                format!("prev_cue:{}|side:{side}", b(prev_cue)),
                format!("sentence_first:{}", b(first == start)),
                format!("pronoun:{pron}"),
                format!("rule:{}|kind:{kind}|how:{how}", b(is_rule)),
                format!("rule:{}|options:{}", b(is_rule), count.min(6)),
                format!("rank:{}|side:{side}|kind:{kind}", rank.min(3)),
                format!("nearest_subject:{}|kind:{kind}", b(of_nearest)),
                format!("nearest_subject:{}|rule:{}", b(of_nearest), b(is_rule)),
                format!("pick:{pick_kind}|kind:{kind}|rule:{}", b(is_rule)),
                format!("ent:{ent}|kind:{kind}"),
                format!("ent:{ent}|rule:{}", b(is_rule)),
                format!("prev:{}", word_value(w, prev)),
                format!("next:{}", word_value(w, next)),
                format!("next:{}|side:{side}", word_value(w, next)),
            ];
            Choice {
                phrase: p,
                features,
            }
        })
        .collect()
}

/// What the entity tagger calls the option: the kind of the first mention overlapping it, or
/// `none`. A rules' pick the tagger calls a place (`Washington`, `Alabama`) or does not tag at all
/// (`December`, `two weeks ago`) is seldom PolNeAR's source.
fn entity_kind(mentions: &[EntityMention], span: Span) -> &'static str {
    let i = mentions.partition_point(|m| m.span.end <= span.start);
    match mentions[i..]
        .iter()
        .take_while(|m| m.span.start < span.end)
        .next()
    {
        None => "none",
        Some(m) => match m.kind {
            MentionKind::Person => "person",
            MentionKind::Organisation => "org",
            MentionKind::Place => "place",
            MentionKind::Other => "other",
        },
    }
}

/// How far another option must outscore the rules' pick to replace it (weights are times 1000).
/// Chosen by five-fold cross-validation on PolNeAR train (`lede train-quotes --cv`): the rules'
/// pick is right for 93% of the quotes the ranker sees, and with no margin the ranker's gains
/// there were as many as its losses; at 3000 it gains about 20 speakers in 6,400.
pub const SWITCH_MARGIN: i64 = 3000;

/// The index of the best-scoring option, the rules' pick (the first) unless another outscores it
/// by `SWITCH_MARGIN`.
pub(super) fn best(model: &super::SpeechModel, options: &[Choice], has_pick: bool) -> usize {
    let mut best = 0;
    let mut top = i64::MIN;
    for (k, o) in options.iter().enumerate() {
        let s = model.score(&o.features) - if k == 0 && has_pick { 0 } else { SWITCH_MARGIN };
        if s > top {
            top = s;
            best = k;
        }
    }
    best
}

/// One quote's options as the trainer sees them: each option's resolved span and features.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RankerExample {
    /// The quote, marks included.
    pub quote: Span,
    pub options: Vec<(Span, Vec<String>)>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::quotes::SpeechModel;

    /// The ranker's text, kept for reading and diffing; the build carries `SHIPPED`.
    const TEXT: &str = include_str!("../../../model/speaker.txt");

    /// The shipped ranker is the committed text packed, and unpacks to it, byte for byte.
    #[test]
    fn the_shipped_ranker_is_its_text_packed() {
        let model = SpeechModel::parse(TEXT).expect("the ranker's text parses");
        assert!(!model.is_empty());
        assert_eq!(model.to_text(), TEXT, "speaker.txt is in canonical order");
        assert!(
            model.to_bytes().unwrap() == SHIPPED,
            "model/speaker.bin is not model/speaker.txt packed: run `lede pack-model model/speaker.txt`"
        );
        assert_eq!(SpeechModel::from_bytes(SHIPPED).unwrap(), model);
        assert_eq!(shipped(), Some(&model));
    }

    #[test]
    fn entity_kinds_of_options() {
        let mention = |start, end, kind| EntityMention {
            span: Span::new(start, end),
            kind,
            cluster: None,
        };
        let mentions = [
            mention(0, 10, MentionKind::Person),
            mention(20, 30, MentionKind::Place),
            mention(40, 50, MentionKind::Organisation),
            mention(60, 70, MentionKind::Other),
        ];
        let cases = [
            ("the mention's own span", (0, 10), "person"),
            ("a phrase overlapping a mention", (18, 22), "place"),
            ("a phrase inside a mention", (42, 45), "org"),
            ("a tag the stage does not use", (60, 70), "other"),
            ("between mentions", (10, 20), "none"),
            ("after the last mention", (80, 90), "none"),
        ];
        for (name, (start, end), want) in cases {
            assert_eq!(
                entity_kind(&mentions, Span::new(start, end)),
                want,
                "{name}"
            );
        }
        assert_eq!(entity_kind(&[], Span::new(0, 5)), "none", "no mentions");
    }

    #[test]
    fn the_rules_pick_stands_unless_outscored_by_the_margin() {
        let model = SpeechModel::from_weights(
            [("near".to_string(), 2000), ("far".to_string(), 9000)]
                .into_iter()
                .collect(),
        );
        let choice = |f: &str| Choice {
            phrase: Phrase {
                span: Span::new(0, 1),
                kind: SpeakerKind::Name,
            },
            features: vec![f.to_string()],
        };
        let cases = [
            ("a small lead keeps the pick", ["none", "near"], 0),
            ("a lead past the margin switches", ["none", "far"], 1),
            ("the pick ahead stays", ["far", "near"], 0),
        ];
        for (name, features, want) in cases {
            let options: Vec<Choice> = features.iter().map(|f| choice(f)).collect();
            assert_eq!(best(&model, &options, true), want, "{name}");
        }
    }
}
