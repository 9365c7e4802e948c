//! Which clause a date anchors: its predicate, its subject and its main complement, read from
//! part-of-speech tags and chunks.
//!
//! The sentence is cut into segments at punctuation, conjunctions and the words that open a
//! subordinate clause (`that`, `after Trump clashed`, `who`). A date anchors the nearest verb
//! group before it in its own segment (`met … on Feb. 28`, `said Friday`), else the first one
//! after it (`in January he changed`). A verb group that only modifies the noun before it (`drones
//! attacking the capital`) gives way to the clause's own verb. A date that modifies a noun
//! (`Saturday's meeting`, `Russia's 2022 invasion`, `the first summit on March 2`) anchors the
//! noun. A segment with no verb (`In his opening remarks Saturday, Starmer said`) sets the scene
//! for the clause after it.
//!
//! Worked example: `Trump said the U.S. held discussions with Putin the day before.` has two verb
//! groups, `said` and `held`, in one segment; the date's nearest verb to the left is `held`, so the
//! reported event is anchored, not the saying. In `Peskov said Friday that Putin met Witkoff`, the
//! date sits after `said` and before the `that` that opens a new segment: it anchors `said`.

use std::ops::Range;

use super::lexicon::{
    contrasts, is_break, is_copula, is_event_noun, is_quote, is_time_noun, reports_a_clause,
    takes_bare_infinitive, takes_content_clause,
};
pub use super::parse::Parse;
use crate::analysis::syntax::{ChunkKind, Tag};

/// What a date anchors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// The predicate's token: a verb group's main verb, or an event noun.
    pub predicate: usize,
    /// Whether the predicate is a noun (`meeting`), not a verb.
    pub noun: bool,
}

/// The parts of the clause a card's label is built from, as token ranges of the sentence.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Clause {
    /// The subject, as written (`Ukrainian President Volodymyr Zelenskyy`, `he`).
    pub subject: Option<Range<usize>>,
    /// For a relative clause (`who met …`), the noun phrase `who` stands for.
    pub antecedent: Option<Range<usize>>,
    /// The verb group through the end of the main complement: `had a tense meeting at the White
    /// House`. The date itself lies inside and is left out of the label.
    pub body: Range<usize>,
    /// The noun phrases of the complement: the objects, who or what else takes part.
    pub objects: Vec<Range<usize>>,
    /// For a saying whose report comes first (`Putin met Witkoff …, Peskov said Friday`), the
    /// reported clause, told before the saying.
    pub lead: Option<Box<Clause>>,
}
/// What the date in `p` anchors, or `None` when the sentence has no verb and the date modifies
/// no noun.
pub fn anchor(p: &Parse) -> Option<Anchor> {
    let (a, b) = (p.timex.start, p.timex.end);
    if a >= b || b > p.len() {
        return None;
    }
    let noun = |k: usize| {
        Some(Anchor {
            predicate: k,
            noun: true,
        })
    };
    // A verb group before the date is anchored at its last verb (`planned to leave … on
    // Thursday`), one after it at its main verb (`Last April, he planned to acquire`).
    let verb = |c: usize| {
        let h = if p.chunks[c].end <= a {
            p.last_verb(c)?
        } else {
            p.head_of(c)?
        };
        // `Aqaba is Iraq's only outlet now`: a copula's predicate is what follows it.
        if is_copula(&p.lower[h]) {
            if let Some(next) = p.chunks.get(c + 1) {
                let word = match next.kind {
                    ChunkKind::Adjp => (next.start..next.end)
                        .rev()
                        .find(|&k| p.tags[k] == Tag::Adj),
                    ChunkKind::Np => p.noun_head(c + 1),
                    _ => None,
                };
                if let Some(w) = word.filter(|w| !p.timex.contains(w)) {
                    return Some(Anchor {
                        predicate: w,
                        noun: true,
                    });
                }
            }
        }
        Some(Anchor {
            predicate: h,
            noun: false,
        })
    };
    // `Saturday's meeting`: the possessive's noun phrase.
    if p.tags.get(b) == Some(&Tag::Pos) {
        if let Some(k) = p.noun_head(p.chunk_of[b]) {
            return noun(k);
        }
    }
    // `Russia's 2022 invasion`, `the Feb. 28 meeting`: a date between a determiner and its noun.
    let determined = a > 0
        && matches!(
            p.tags[a - 1],
            Tag::Det | Tag::Pos | Tag::PronPoss | Tag::Adj
        );
    // `future demand`, `current conditions`: a one-word date that modifies the noun after it.
    let modifier = b == a + 1 && matches!(p.tags[a], Tag::Adj) && !p.lower[a].ends_with("ly");
    if (determined || modifier) && p.tags.get(b) == Some(&Tag::Noun) && !is_time_noun(&p.lower[b]) {
        let mut k = b;
        while p.tags.get(k + 1) == Some(&Tag::Noun) {
            k += 1;
        }
        return noun(k);
    }
    // `a news conference Thursday`, `the bombing in 1995`: an event noun right before the date,
    // or before the preposition that introduces it.
    let mut k = a;
    let mut prep = false;
    if k > 0
        && matches!(
            &*p.lower[k - 1],
            "on" | "in" | "at" | "during" | "for" | "of"
        )
    {
        k -= 1;
        prep = true;
    }
    if (prep || k == a) && k > 0 && p.tags[k - 1] == Tag::Noun && is_event_noun(&p.lower[k - 1]) {
        return noun(k - 1);
    }
    let seg = p.segment[a];
    let groups: Vec<usize> = p.verb_groups().collect();
    let in_segment: Vec<usize> = groups
        .iter()
        .copied()
        .filter(|&c| p.segment[p.chunks[c].start] == seg)
        .collect();
    let left: Vec<usize> = in_segment
        .iter()
        .copied()
        .filter(|&c| p.chunks[c].end <= a)
        .rev()
        .collect();
    if let Some(&c) = left
        .iter()
        .find(|&&c| !p.is_reduced_relative(c))
        .or(left.first())
    {
        // A date inside a reported clause dates its event, not the saying: in `DSM said net
        // income in the third quarter jumped`, the reported subject stands between the verb of
        // saying and the date, and the reported verb follows it.
        let saying = p
            .last_verb(c)
            .is_some_and(|h| reports_a_clause(&p.lower[h]));
        let reported_subject = (c + 1..p.chunk_of[a])
            .any(|x| p.chunks[x].kind == ChunkKind::Np && !p.timex.contains(&p.chunks[x].start));
        let reported = in_segment.iter().copied().find(|&v| {
            p.chunks[v].start >= b
                && p.is_finite(v)
                && !p.in_relative(v)
                && !p.is_reduced_relative(v)
        });
        if let Some(v) = reported.filter(|_| saying && reported_subject) {
            return verb(v);
        }
        return verb(c);
    }
    if let Some(&c) = in_segment.iter().find(|&&c| p.chunks[c].start >= b) {
        return verb(c);
    }
    // No verb in the date's segment. A phrase that sets an event against the clause (`Unlike the
    // first summit on March 2,`, `after the election in November`) dates its own noun.
    if let Some(h) = contrasted_noun(p, seg) {
        return noun(h);
    }
    // Otherwise the phrase dates the clause it hangs on: the verb before it (`this is a big but
    // for us this morning`), or, opening the sentence, the verb after it (`In his opening
    // remarks Saturday, Starmer said`).
    let before = groups
        .iter()
        .rev()
        .copied()
        .filter(|&c| p.chunks[c].end <= a)
        .collect::<Vec<_>>();
    if let Some(&c) = before
        .iter()
        .find(|&&c| !p.is_reduced_relative(c))
        .or(before.first())
    {
        return verb(c);
    }
    groups
        .iter()
        .find(|&&c| p.chunks[c].start >= b && !p.in_relative(c) && !p.is_reduced_relative(c))
        .or_else(|| groups.iter().find(|&&c| p.chunks[c].start >= b))
        .and_then(|&c| verb(c))
}

/// In a verbless segment that opens with `unlike`, `after` …, the last common noun before the
/// date (`summit` in `Unlike the first summit on March 2`).
fn contrasted_noun(p: &Parse, seg: usize) -> Option<usize> {
    let first = (0..p.len()).find(|&k| p.segment[k] == seg && !is_break(p.words[k]))?;
    if !contrasts(&p.lower[first]) {
        return None;
    }
    (first + 1..p.timex.start)
        .rev()
        .find(|&k| p.tags[k] == Tag::Noun && !is_time_noun(&p.lower[k]))
}

/// The clause around the anchored predicate (a verb group's head or a noun).
#[inline(never)]
pub fn clause(p: &Parse, at: &Anchor) -> Option<Clause> {
    // A copula's complement (`could be close at hand`) is told by the copula's clause.
    let copula = at
        .noun
        .then(|| p.chunk_of[at.predicate].checked_sub(1))
        .flatten()
        .filter(|&v| {
            p.chunks[v].kind == ChunkKind::Vp
                && p.chunks[v].end == p.chunks[p.chunk_of[at.predicate]].start
                && p.last_verb(v).is_some_and(|h| is_copula(&p.lower[h]))
        });
    let c = if let Some(v) = copula {
        v
    } else if at.noun {
        match governing_verb(p, at.predicate) {
            Some(c) => c,
            None => {
                // A noun in a phrase with no verb: one that sets an event against the clause
                // (`Unlike the first summit on March 2,`) is told by its own phrase; any other by
                // the clause it hangs on: the verb before it, near (`had another, potentially
                // more serious, blood clot near her brain in 2013`), else the clause the phrase
                // opens (`In his opening remarks Saturday, Starmer said`).
                let seg = p.segment[at.predicate];
                let own = |c: &usize| !p.in_relative(*c) && !p.is_reduced_relative(*c);
                let before = p
                    .verb_groups()
                    .filter(|&c| p.chunks[c].end <= at.predicate && own(&c))
                    .filter(|&c| seg <= p.segment[p.chunks[c].start] + 2)
                    .last();
                let after = || {
                    p.verb_groups()
                        .find(|&c| p.chunks[c].start > at.predicate && own(&c))
                };
                if contrasted_noun(p, seg).is_some() {
                    let ch = p.chunks[p.chunk_of[at.predicate]];
                    let np = noun_phrase_ending(p, ch.end).unwrap_or(ch.start..ch.end);
                    return Some(Clause {
                        body: np.clone(),
                        objects: vec![np],
                        ..Clause::default()
                    });
                }
                // No clause at all (`Correction: October 2, 2016, Sunday.`): the sentence tells.
                before.or_else(after)?
            }
        }
    } else {
        p.chunk_of[at.predicate]
    };
    // An infinitive continues the verb before it: `plan to spend`, `asked Witkoff to give`, and
    // without `to` after `let`, `make`, `see` … (`let him go`, `saw Clinton’s running mate Tim
    // Kaine speak`).
    let mut first = c;
    loop {
        let ch = p.chunks[first];
        let to = p.lower[ch.start] == "to";
        let bare = matches!(p.tags[ch.start], Tag::Vb | Tag::Vbp);
        if !(to || bare) || first == 0 {
            break;
        }
        let mut before = first - 1;
        let mut nps = 0;
        while p.chunks[before].kind == ChunkKind::Np && before > 0 && nps < 3 {
            before -= 1;
            nps += 1;
        }
        let governs = p.chunks[before].kind == ChunkKind::Vp
            && p.last_verb(before)
                .is_some_and(|h| to || (nps > 0 && takes_bare_infinitive(&p.lower[h])));
        if governs && (to || nps > 0) {
            first = before;
        } else {
            break;
        }
    }
    let (subject, antecedent) = subject_of(p, first);
    // A participle or infinitive with no subject of its own (`doing a lot of thinking recently`,
    // `Looking ahead to the future, Ham explained`) is told by the finite clause it belongs to:
    // the one before it, else, opening the sentence, the one after.
    if subject.is_none() && !at.noun && !p.is_finite(first) {
        let finite = |v: &usize| {
            p.is_finite(*v) && !p.in_relative(*v) && !p.is_reduced_relative(*v) && *v != c
        };
        let host = p
            .verb_groups()
            .filter(|&v| v < first)
            .filter(finite)
            .last()
            .or_else(|| p.verb_groups().filter(|&v| v > c).find(finite));
        if let Some(h) = host {
            let head = p.head_of(h).unwrap_or(p.chunks[h].start);
            return clause(
                p,
                &Anchor {
                    predicate: head,
                    noun: false,
                },
            );
        }
    }
    let start = p.chunks[first].start;
    let (end, objects) = complement(p, c);
    let end = if at.noun {
        end.max(at.predicate + 1)
    } else {
        end
    };
    let lead = reported_before(p, c, end);
    Some(Clause {
        subject,
        antecedent,
        body: start..end,
        objects,
        lead,
    })
}

/// For a verb of saying that closes its sentence with nothing after it but the date (`…,
/// Kremlin spokesman Dmitry Peskov said Friday.`), the clause it reports: the sentence's first
/// clause.
fn reported_before(p: &Parse, c: usize, end: usize) -> Option<Box<Clause>> {
    let head = p.head_of(c)?;
    if !reports_a_clause(&p.lower[head]) {
        return None;
    }
    let rest_is_empty = (end..p.len()).all(|k| {
        p.timex.contains(&k) || is_break(p.words[k]) || is_quote(p.words[k]) || p.words[k] == "."
    });
    let opens_after_comma = (0..p.chunks[c].start).rev().any(|k| p.words[k] == ",");
    if !rest_is_empty || !opens_after_comma {
        return None;
    }
    let first = p
        .verb_groups()
        .find(|&v| p.chunks[v].end <= p.chunks[c].start && !p.is_reduced_relative(v))?;
    let (subject, antecedent) = subject_of(p, first);
    let (inner_end, objects) = complement(p, first);
    // The report must end before the saying's own subject.
    let own_subject = subject_of(p, c).0.map_or(p.chunks[c].start, |s| s.start);
    let inner_end = inner_end.min(own_subject);
    let body = p.chunks[first].start..inner_end;
    if body.is_empty() || antecedent.is_some() {
        return None;
    }
    Some(Box::new(Clause {
        subject,
        antecedent: None,
        body,
        objects,
        lead: None,
    }))
}

/// The verb group whose clause holds the noun at `k`: the nearest one in its segment (or, when
/// a conjunction inside a phrase opened the segment, `very good and productive discussions`, in
/// the segment before); `None` when there is none.
fn governing_verb(p: &Parse, k: usize) -> Option<usize> {
    let mut seg = p.segment[k];
    let near = |c: &usize| (p.chunks[*c].start as isize - k as isize).unsigned_abs();
    loop {
        let found = p
            .verb_groups()
            .filter(|&c| p.segment[p.chunks[c].start] == seg && !p.is_reduced_relative(c))
            .min_by_key(near);
        if found.is_some() || seg == 0 {
            return found;
        }
        let opener = (0..p.len()).find(|&j| p.segment[j] == seg)?;
        if p.tags[opener] != Tag::Cc || !coordinates_phrase(p, p.chunk_of[opener]) {
            return None;
        }
        seg -= 1;
    }
}

/// The subject of the verb group `c`, and the antecedent when the subject is `who` or `which`.
fn subject_of(p: &Parse, c: usize) -> (Option<Range<usize>>, Option<Range<usize>>) {
    subject_within(p, c, 3)
}

/// `subject_of`, following at most `hops` coordinated verbs back (`Clinton went up against
/// Sanders, debated Obama, and met her opponents`).
fn subject_within(
    p: &Parse,
    c: usize,
    hops: usize,
) -> (Option<Range<usize>>, Option<Range<usize>>) {
    let mut k = p.chunks[c].start;
    // A name in apposition to the subject stands for it (`The administration's envoy, Steve
    // Witkoff, arrived`).
    let mut name: Option<Range<usize>> = None;
    // Adverbs, the date, and a parenthesis between subject and verb: `Ukraine's General Staff,
    // however, denied`, `The bombing in 1995 killed`, `Rosenthal, a tax lawyer at the Tax Policy
    // Center, recently put it`.
    loop {
        // `first authorized`, `widely panned`: a one-word modifier of the verb.
        while k > 0 && {
            let ch = p.chunks[p.chunk_of[k - 1]];
            ch.kind == ChunkKind::Advp || (ch.kind == ChunkKind::Adjp && ch.end - ch.start == 1)
        } {
            k = p.chunks[p.chunk_of[k - 1]].start;
        }
        if k > 0 && p.timex.end == k {
            k = p.timex.start;
            while k > 0 && p.tags[k - 1] == Tag::Adp {
                k -= 1;
            }
            continue;
        }
        if k >= 2 && p.words[k - 1] == "," {
            let mut j = k - 1;
            let mut span = 0;
            while j > 0 && p.words[j - 1] != "," && span < 14 {
                j -= 1;
                span += 1;
            }
            let inside = j..k - 1;
            let verbless = !p.tags[inside.clone()].iter().any(|t| t.is_verb());
            let apposition = verbless
                && matches!(
                    p.tags[j],
                    Tag::Det | Tag::Adj | Tag::Noun | Tag::Propn | Tag::PronPoss
                );
            // `Super PACs, first authorized by court rulings in 2010, can raise`.
            let participle = p.tags[inside.clone()]
                .iter()
                .find(|t| **t != Tag::Adv)
                .is_some_and(|t| matches!(t, Tag::Vbn | Tag::Vbg));
            let parenthetical = j > 0
                && p.words[j - 1] == ","
                && (p.tags[j] == Tag::Wh
                    || p.tags[inside.clone()].iter().all(|t| *t == Tag::Adv)
                    || apposition
                    || participle);
            if parenthetical {
                if apposition && p.tags[inside.clone()].iter().all(|t| *t == Tag::Propn) {
                    name = Some(inside);
                }
                k = j - 1;
                continue;
            }
        }
        break;
    }
    if k == 0 {
        return (None, None);
    }
    // A quoted title: `“American Skin (41 Shots)” was written by Springsteen`; not a quote
    // before a verb of saying, whose speaker comes after it (`“…,” said David Plouffe`).
    let saying = p.head_of(c).is_some_and(|h| reports_a_clause(&p.lower[h]));
    if is_quote(p.words[k - 1]) && !saying {
        let open = (k.saturating_sub(12)..k - 1)
            .rev()
            .find(|&j| is_quote(p.words[j]));
        if let Some(open) = open {
            return (Some(open..k), None);
        }
    }
    // `a ceasefire that could halt fighting could be close at hand`: the verb after a relative
    // clause takes the subject before it.
    let seg = p.segment[k - 1];
    let opener = (0..k).find(|&j| p.segment[j] == seg);
    if let Some(w) = opener.filter(|&w| p.tags[w] == Tag::Wh && w + 1 < k) {
        let same_segment = p.segment[p.chunks[c].start] == seg;
        if same_segment && !p.in_relative(c) && w > 0 {
            return (noun_phrase_ending(p, w), None);
        }
    }
    let before = p.chunk_of[k - 1];
    let ch = p.chunks[before];
    if ch.kind == ChunkKind::Np && p.tags[ch.start] == Tag::Wh {
        // `Putin, who met …`: the subject is `who`, standing for the phrase before it.
        let mut j = ch.start;
        while j > 0 && (p.words[j - 1] == "," || p.tags[j - 1] == Tag::Adv) {
            j -= 1;
        }
        let antecedent = noun_phrase_ending(p, j);
        return (Some(ch.start..ch.end), antecedent);
    }
    if ch.kind != ChunkKind::Np {
        // `he supported a truce but set out details`: the verb after `but` shares the subject;
        // so does one after a comma in a list of verbs (`debated Obama, and met her opponents`).
        let joined = p.tags[k - 1] == Tag::Cc || p.words[k - 1] == ",";
        if joined && hops > 0 {
            let mut j = k - 1;
            while j > 0 && p.chunks[p.chunk_of[j - 1]].kind != ChunkKind::Vp {
                if p.tags[j - 1] == Tag::Wh || p.chunks[p.chunk_of[j - 1]].kind == ChunkKind::Sbar {
                    return (None, None);
                }
                j -= 1;
            }
            if j > 0 && p.segment[k - 1] <= p.segment[j - 1] + 3 {
                return subject_within(p, p.chunk_of[j - 1], hops - 1);
            }
        }
        // A participle set off after a noun (`Super PACs, first authorized by court rulings`):
        // the noun is what it tells of.
        let participle = matches!(p.tags[p.chunks[c].start], Tag::Vbn | Tag::Vbg);
        if participle && p.words[k - 1] == "," && k >= 2 {
            return (noun_phrase_ending(p, k - 1), None);
        }
        return (None, None);
    }
    let subject = noun_phrase_ending(p, k);
    match (subject, name) {
        (Some(s), Some(n)) if s.len() > n.len() => (Some(n), None),
        (s, _) => (s, None),
    }
}

/// The longest run of noun phrases linked by `of`-like prepositions and possessives that ends
/// at token `end`: `U.S. Secretary of State Marco Rubio`, `the meeting of what`. Eight words at
/// most; a longer one keeps its last phrase.
fn noun_phrase_ending(p: &Parse, end: usize) -> Option<Range<usize>> {
    if end == 0 {
        return None;
    }
    let last = p.chunk_of[end - 1];
    if p.chunks[last].kind != ChunkKind::Np || p.chunks[last].end != end {
        return None;
    }
    let mut start = p.chunks[last].start;
    let mut c = last;
    while c >= 1 {
        let prev = p.chunks[c - 1];
        let joined = if prev.kind == ChunkKind::Np && p.tags[p.chunks[c].start] == Tag::Pos {
            // `Moscow` before `'s troops`.
            Some(prev.start)
        } else if prev.kind == ChunkKind::Pp
            && matches!(&*p.lower[prev.start], "of" | "for" | "in")
            && c >= 2
            && p.chunks[c - 2].kind == ChunkKind::Np
        {
            Some(p.chunks[c - 2].start)
        } else {
            None
        };
        let possessive_date = p.tags[p.chunks[c].start] == Tag::Pos;
        match joined {
            Some(s) if end - s <= 8 && (possessive_date || !p.timex.contains(&s)) => {
                start = s;
                c = p.chunk_of[s];
            }
            _ => break,
        }
    }
    Some(start..end)
}

/// Where the complement of verb group `c` ends, and its noun phrases: an object, a particle, up
/// to two prepositional phrases, and a to-infinitive with its own object. It stops at a comma, a
/// conjunction, a relative pronoun or a subordinate clause. After a verb of saying, the reported
/// clause is the complement (its core only).
#[inline(never)]
pub fn complement(p: &Parse, c: usize) -> (usize, Vec<Range<usize>>) {
    let mut end = p.chunks[c].end;
    let mut objects = Vec::new();
    let mut pps = 0;
    let mut infinitives = 0;
    let mut advps = 0;
    let mut k = c + 1;
    let speech = p.head_of(c).is_some_and(|h| reports_a_clause(&p.lower[h]));
    while k < p.chunks.len() {
        let ch = p.chunks[k];
        if p.timex.contains(&ch.start) {
            // The date stays inside the span (it is left out of the label's words).
            end = end.max(ch.end);
            k += 1;
            continue;
        }
        match ch.kind {
            ChunkKind::Np if p.tags[ch.start] != Tag::Wh => {
                objects.push(ch.start..ch.end);
                end = ch.end;
            }
            ChunkKind::Prt | ChunkKind::Adjp => end = ch.end,
            // `gets back out there`, `cautiously optimistic`: adverbs that continue the verb.
            ChunkKind::Advp
                if advps < 2
                    && p.tags[ch.start] != Tag::Wh
                    && !p.words[ch.start..ch.end].contains(&",") =>
            {
                advps += 1;
                end = ch.end
            }
            // `went on to win`: a particle before an infinitive.
            ChunkKind::Pp
                if p.chunks
                    .get(k + 1)
                    .is_some_and(|n| n.kind == ChunkKind::Vp && p.lower[n.start] == "to") =>
            {
                end = ch.end
            }
            ChunkKind::Pp if pps < 2 => {
                let next = p.chunks.get(k + 1);
                if !next.is_some_and(|n| n.kind == ChunkKind::Np && p.tags[n.start] != Tag::Wh) {
                    break;
                }
                pps += 1;
                end = ch.end;
            }
            ChunkKind::Vp
                if infinitives == 0
                    && (p.lower[ch.start] == "to" || p.tags[ch.start] == Tag::Vbg) =>
            {
                infinitives += 1;
                pps = 0;
                end = ch.end;
            }
            ChunkKind::Sbar if speech && matches!(&*p.lower[ch.start], "that" | "whether") => {
                end = ch.end;
            }
            ChunkKind::O if is_quote(p.words[ch.start]) => {}
            // `very good and productive discussions`: a conjunction inside the object, not one
            // that opens a new clause (`and Zelenskyy spoke`).
            ChunkKind::O if p.tags[ch.start] == Tag::Cc && coordinates_phrase(p, k) => {}
            ChunkKind::Sbar
                if p.lower[ch.start] == "that"
                    && objects
                        .last()
                        .and_then(|o| p.noun_head(p.chunk_of[o.start]))
                        .is_some_and(|h| takes_content_clause(&p.lower[h])) =>
            {
                return reported_core(p, k + 1, end, objects);
            }
            _ => {
                // After a verb of saying with no `that`, the reported clause: `said he was
                // cautiously optimistic`.
                let opens_relative = ch.kind == ChunkKind::Np && p.tags[ch.start] == Tag::Wh;
                if speech && (ch.kind == ChunkKind::Vp || opens_relative) && !objects.is_empty() {
                    return reported_core(p, k, end, objects);
                }
                break;
            }
        }
        if speech && ch.kind == ChunkKind::Sbar {
            return reported_core(p, k + 1, end, objects);
        }
        k += 1;
    }
    (end, objects)
}

/// Whether the conjunction at chunk `k` joins two parts of one phrase: a noun phrase or an
/// adjective follows, and no verb right after it.
fn coordinates_phrase(p: &Parse, k: usize) -> bool {
    let next = p.chunks.get(k + 1);
    let after = p.chunks.get(k + 2);
    next.is_some_and(|n| matches!(n.kind, ChunkKind::Np | ChunkKind::Adjp))
        && !after.is_some_and(|a| a.kind == ChunkKind::Vp)
}

/// The core of a reported clause starting at chunk `from`: its subject, verb and complement.
fn reported_core(
    p: &Parse,
    from: usize,
    end: usize,
    mut objects: Vec<Range<usize>>,
) -> (usize, Vec<Range<usize>>) {
    // The reported clause's own verb, not one of a relative clause inside it (`that Putin, who
    // met Witkoff, will back a ceasefire`).
    let Some(v) = (from..p.chunks.len()).find(|&c| {
        p.chunks[c].kind == ChunkKind::Vp
            && p.head_of(c).is_some()
            && !p.in_relative(c)
            && !p.is_reduced_relative(c)
    }) else {
        return (end, objects);
    };
    let (inner_end, inner_objects) = complement(p, v);
    objects.extend(inner_objects);
    (end.max(inner_end), objects)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(sentence: &str, date: &str) -> (Vec<String>, Range<usize>) {
        let words: Vec<String> = sentence.split(' ').map(str::to_string).collect();
        let d: Vec<&str> = date.split(' ').collect();
        let a = words
            .windows(d.len())
            .position(|w| w.iter().zip(&d).all(|(x, y)| x == y))
            .expect("date in sentence");
        (words, a..a + d.len())
    }

    #[test]
    fn what_a_date_anchors() {
        type Case<'a> = (&'a str, &'a str, &'a str, &'a str);
        let cases: &[Case] = &[
            ("the verb before", "Putin met Witkoff on Thursday .", "Thursday", "met"),
            ("a saying next to the date", "Peskov said Friday that Putin met Witkoff .", "Friday", "said"),
            ("the reported event", "Trump said the U.S. held discussions with Putin the day before .", "the day before", "held"),
            ("a fronted date", "Trump vowed to settle the war , but in January he changed that timeframe .", "January", "changed"),
            ("a possessive", "Saturday 's meeting takes place in London .", "Saturday", "meeting"),
            ("a date before its noun", "He blamed Ukraine for Russia 's 2022 invasion .", "2022", "invasion"),
            ("a participle gives way", "Russian air defenses downed four drones attacking the capital early Friday , the mayor said .", "early Friday", "downed"),
            ("an event noun before the date", "In his opening remarks Saturday , Starmer said Putin will have to come to the table .", "Saturday", "remarks"),
            ("an opening phrase with no noun", "On Saturday , Starmer said Putin will have to come to the table .", "Saturday", "said"),
            ("a verb the tagger missed", "The talks resume next week .", "next week", "resume"),
            ("an opening phrase with an event", "Unlike the first summit on March 2 , the meeting is being conducted virtually .", "March 2", "summit"),
        ];
        for (name, sentence, date, want) in cases {
            let (words, timex) = parse(sentence, date);
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            let p = Parse::new(refs, timex);
            let got = anchor(&p).map(|a| p.words[a.predicate]);
            assert_eq!(got, Some(*want), "{name}: tags {:?}", p.tags);
        }
    }
}
