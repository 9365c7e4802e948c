//! The tense around a time expression, from the nearest verb-like cue in its sentence.
//!
//! HeidelTime reads POS tags; Lede has none, so it looks for the nearest past-tense verb ("said",
//! "met", "-ed") or future marker ("will", "expected", "scheduled") within a few tokens, the left side
//! first since English news puts the verb before the time ("said Friday", "will meet Tuesday").

use super::normalize::Tense;
use super::tagger::Tok;

const WINDOW_LEFT: usize = 10;
const WINDOW_RIGHT: usize = 8;

/// The tense for tokens `first..end` of `toks`, and the word that decided it.
pub fn tense_around(toks: &[Tok], first: usize, end: usize) -> (Tense, String) {
    // "effective Feb. 1", "payable Jan. 2": the day a decision takes effect or money is paid is,
    // in the news that announces it, still to come, whatever the tense of the announcement.
    let before = |k: usize| first.checked_sub(k).map_or("", |i| toks[i].low.as_str());
    let lead = if matches!(before(1), "on" | "from") {
        2
    } else {
        1
    };
    if matches!(before(lead), "effective" | "payable") {
        return (Tense::Future, toks[first - lead].text.to_string());
    }
    // "could come as early as Tuesday": the earliest a thing is expected is still to come.
    if matches!(
        (before(3), before(2), before(1)),
        ("as", "early" | "soon", "as")
    ) {
        return (Tense::Future, toks[first - 2].text.to_string());
    }
    // "since March": a time counted up to now has already come.
    if before(1) == "since" {
        return (Tense::Past, toks[first - 1].text.to_string());
    }
    // A clause joined by "but" or after a semicolon has a tense of its own: "The fourth quarter
    // looks weak, but profit rose" says nothing of the quarter's tense. So has a quotation:
    // "He will leave Thursday," Castro said.
    let boundary = |k: usize| {
        matches!(
            toks[k].low.as_str(),
            "but" | ";" | "whereas" | "\"" | "“" | "”" | "'" | "`"
        )
    };
    let lo = first.saturating_sub(WINDOW_LEFT);
    let lo = (lo..first)
        .rev()
        .find(|&k| boundary(k))
        .map_or(lo, |k| k + 1);
    let hi = (end + WINDOW_RIGHT).min(toks.len());
    let hi = (end..hi).find(|&k| boundary(k)).unwrap_or(hi);
    let left = (lo..first).rev();
    let right = end..hi;
    // Interleave left and right by distance, left first.
    let mut left = left.peekable();
    let mut right = right.peekable();
    loop {
        let l = left.next();
        if let Some(k) = l {
            // "will be held": a participle after "be" takes its tense from further left.
            let passive = k > 0 && matches!(toks[k - 1].low.as_str(), "be" | "been" | "being");
            if let Some(t) = cue(toks, k).filter(|_| !passive) {
                return (t, toks[k].text.to_string());
            }
        }
        let r = right.next();
        if let Some(k) = r {
            if let Some(t) = cue(toks, k) {
                return (t, toks[k].text.to_string());
            }
        }
        if l.is_none() && r.is_none() {
            return (Tense::Unknown, String::new());
        }
    }
}

fn cue(toks: &[Tok], k: usize) -> Option<Tense> {
    let w = toks[k].low.as_str();
    if matches!(
        w,
        "will"
            | "'ll"
            | "shall"
            | "wo"
            | "expected"
            | "scheduled"
            | "due"
            | "upcoming"
            | "intends"
            | "hopes"
            | "aims"
    ) {
        return Some(Tense::Future);
    }
    if w == "going" && toks.get(k + 1).is_some_and(|t| t.low == "to") {
        return Some(Tense::Future);
    }
    // "plans to visit Friday" looks ahead; "set aside vacation plans" is a noun.
    if matches!(w, "plans" | "plan") {
        return toks
            .get(k + 1)
            .is_some_and(|t| t.low == "to")
            .then_some(Tense::Future);
    }
    // "were planning to drive Monday": a plan still being made looks ahead, whatever the tense
    // it is told in. ("Planned to pay Friday" is as often a plan carried out: no cue.)
    if w == "planning" {
        return Some(Tense::Future);
    }
    if matches!(w, "is" | "are" | "am") && toks.get(k + 1).is_some_and(|t| t.low == "to") {
        return Some(Tense::Future);
    }
    let past = PAST_IRREGULAR.contains(&w)
        || (w.len() > 4
            && w.ends_with("ed")
            && w.chars().all(|c| c.is_ascii_lowercase())
            && !NOT_PAST_ED.contains(&w));
    // A past form after a determiner is a noun or an adjective: "the split", "the reduced
    // dividend", "an unconfirmed report", "a still unspecified date".
    let determined = || {
        let mut d = k;
        while d > 0 && d + 2 > k && is_adverb(&toks[d - 1].low) {
            d -= 1;
        }
        d > 0 && DETERMINERS.contains(&toks[d - 1].low.as_str())
    };
    (past && !determined()).then_some(Tense::Past)
}

const PAST_IRREGULAR: &[&str] = &[
    "said",
    "told",
    "met",
    "was",
    "were",
    "had",
    "did",
    "went",
    "came",
    "saw",
    "took",
    "gave",
    "made",
    "left",
    "held",
    "spoke",
    "wrote",
    "began",
    "became",
    "won",
    "lost",
    "sent",
    "fell",
    "rose",
    "got",
    "ran",
    "led",
    "paid",
    "sold",
    "brought",
    "thought",
    "found",
    "kept",
    "knew",
    "struck",
    "fled",
    "fought",
    "flew",
    "broke",
    "chose",
    "drove",
    "grew",
    "heard",
    "meant",
    "shot",
    "spent",
    "stood",
    "taught",
    "threw",
    "understood",
    "wore",
    "woke",
    "ago",
    "yesterday",
    "last",
    "earlier",
    "sought",
    "bought",
    "caught",
    "felt",
    "built",
    "hit",
    "quit",
    "swore",
    "withdrew",
    "arose",
    "forgot",
    "overtook",
    "undertook",
    "oversaw",
    "drew",
    "rang",
    "sang",
    "sank",
    "shook",
    "slid",
    "split",
    "spread",
    "stole",
    "stuck",
    "swept",
    "tore",
    "won",
    "wound",
];

/// "still", "newly": a word that may stand between a determiner and an "-ed" adjective.
fn is_adverb(w: &str) -> bool {
    matches!(
        w,
        "still" | "very" | "more" | "most" | "less" | "so" | "as" | "yet"
    ) || (w.len() > 4 && w.ends_with("ly"))
}

/// Words after which an "-ed" word describes a noun instead of telling what happened.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "that", "these",
    "those",
];

const NOT_PAST_ED: &[&str] = &[
    "need",
    "speed",
    "embed",
    "hundred",
    "proceed",
    "breed",
    "exceed",
    "succeed",
    "indeed",
    "based",
    "related",
    "expected",
    "scheduled",
    "planned",
    "united",
    "limited",
    "interested",
    "concerned",
    "supposed",
    "used",
    "alleged",
    "armed",
    "advanced",
    "detailed",
    "sophisticated",
    "organized",
    "organised",
    "greed",
    "creed",
    "seed",
];
