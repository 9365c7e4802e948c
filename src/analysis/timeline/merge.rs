//! One event once: an event stated again later folds into its first card, which lists the
//! sentences that restate it.
//!
//! Two cards of one article on the same day are one event when their labels share most of their
//! words, when they have the same predicate and the same subject (`Putin met Witkoff Thursday`
//! told twice; not a verb of saying, since two things said on one day are two statements), or
//! when one names the other's event with a noun (`the Feb. 28 meeting` after `had a tense
//! meeting … on Feb. 28`).

use super::lexicon::reports_a_clause;
use super::{EventSeg, LabelKind};
use crate::analysis::case::lower;

/// How many earlier cards a new one is compared against. Keeps the merge linear on a paste where
/// every sentence says "Friday".
const WINDOW: usize = 16;

/// The day (or coarser value) an event is on, for comparing: `2025-03-14` for `2025-03-14TMO`.
fn day(e: &EventSeg) -> &str {
    e.date.split('T').next().unwrap_or(&e.date)
}

/// A rough stem, so `meets`, `met` and `meeting` compare as one word where it matters.
pub(super) fn stem(word: &str) -> String {
    let w = lower(word).replace('’', "'");
    let irregular = match w.as_str() {
        "said" | "says" | "saying" => Some("say"),
        "told" | "tells" | "telling" => Some("tell"),
        "met" | "meets" | "meeting" | "meetings" => Some("meet"),
        "held" | "holds" | "holding" => Some("hold"),
        "went" | "goes" | "going" => Some("go"),
        "spoke" | "speaks" | "speaking" | "spoken" => Some("speak"),
        "took" | "takes" | "taking" | "taken" => Some("take"),
        "made" | "makes" | "making" => Some("make"),
        _ => None,
    };
    if let Some(s) = irregular {
        return s.to_string();
    }
    for suffix in ["ings", "ing", "ied", "ed", "es", "s"] {
        if let Some(base) = w.strip_suffix(suffix) {
            if base.chars().count() >= 3 {
                return base.to_string();
            }
        }
    }
    w
}

/// Whether `later` restates `first`. `text` is the whole input (predicates are spans of it).
fn same_event(text: &str, first: &EventSeg, later: &EventSeg) -> bool {
    let (a, b) = (first.label.text(), later.label.text());
    if similar(&a, &b) {
        return true;
    }
    let word = |e: &EventSeg| e.predicate.map(|s| s.of(text));
    let (Some(wa), Some(wb)) = (word(first), word(later)) else {
        return false;
    };
    let (sa, sb) = (stem(wa), stem(wb));
    // The same predicate with the same subject, unless it is a saying: two things said on one
    // day are two statements. With another subject, a noun may still name the event:
    // `Zelenskyy had a tense meeting on Feb. 28` and `Since the Feb. 28 meeting, aid has slowed`
    // share the predicate `meeting`, and the second card's subject is `aid`.
    let saying = reports_a_clause(&lower(wa)) || reports_a_clause(&lower(wb));
    if sa == sb && !saying && !first.subject.is_empty() && first.subject == later.subject {
        return true;
    }
    // `the Feb. 28 meeting` names the event `had a tense meeting` told.
    let names = |noun: &EventSeg, stem_of_noun: &str, clause: &str| {
        noun.label.kind == LabelKind::Noun
            && clause
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| !w.is_empty() && stem(w) == stem_of_noun)
    };
    names(later, &sb, &a) || names(first, &sa, &b)
}

/// Folds restatements into their first card; `events` are in text order.
#[inline(never)]
pub fn fold_restatements_in(text: &str, events: Vec<EventSeg>) -> Vec<EventSeg> {
    let mut kept: Vec<EventSeg> = Vec::with_capacity(events.len());
    // Per (article, day): indices into `kept`, newest last.
    let mut by_day: std::collections::HashMap<(usize, String), Vec<usize>> =
        std::collections::HashMap::new();
    for e in events {
        let key = (e.article, day(&e).to_string());
        let slot = by_day.entry(key).or_default();
        let same = slot
            .iter()
            .rev()
            .take(WINDOW)
            .copied()
            .find(|&i| same_event(text, &kept[i], &e));
        if let Some(i) = same {
            let first = &mut kept[i];
            for s in std::iter::once(e.sentence).chain(e.restated_in) {
                if s != first.sentence && !first.restated_in.contains(&s) {
                    first.restated_in.push(s);
                }
            }
            continue;
        }
        slot.push(kept.len());
        kept.push(e);
    }
    kept
}

/// Words too common to tell two events apart.
fn is_common(word: &str) -> bool {
    matches!(
        &*lower(word),
        "this"
            | "that"
            | "with"
            | "from"
            | "they"
            | "their"
            | "have"
            | "will"
            | "said"
            | "says"
            | "were"
            | "been"
            | "would"
            | "there"
            | "which"
            | "about"
            | "into"
            | "also"
    )
}

/// Two labels state the same event when most of the shorter one's content words recur, two at
/// least.
fn similar(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        let mut v: Vec<String> = s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4 && !is_common(w))
            .map(str::to_lowercase)
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let (a, b) = (words(a), words(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if short.is_empty() {
        return a == b;
    }
    let shared = short
        .iter()
        .filter(|w| long.binary_search(w).is_ok())
        .count();
    shared >= 2 && shared * 3 >= short.len() * 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_labels() {
        assert!(similar(
            "Trump clashed with Zelenskyy in the Oval Office",
            "Trump clashed with Zelenskyy"
        ));
        assert!(!similar(
            "Rubio said he was cautiously optimistic",
            "Ukraine's General Staff denied its forces are encircled"
        ));
    }

    #[test]
    fn stems() {
        for (a, b) in [("meeting", "met"), ("said", "says"), ("clashed", "clashes")] {
            assert_eq!(stem(a), stem(b), "{a} {b}");
        }
        assert_ne!(stem("meeting"), stem("said"));
    }
}
