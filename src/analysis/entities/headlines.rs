//! Title-case headlines, where every word is capitalised and capitals no longer tell a name
//! from the words around it.
//!
//! American papers write headlines in title case: `Hillary Clinton Speaks ‘Directly To White
//! People’`, `Obama Sees 'Personal Insult'`, `Pence Gives GOP Debate Win`. The tagger, which
//! learned from 1996 Reuters (whose headlines are in capitals, and whose names rarely stand
//! right before a capitalised verb), reads the verb as the last word of the person's name:
//! `Hillary Clinton Speaks` a person. On the modern-news dev set's headlines this was five of the
//! names found.

use super::tagger::spans;

const PER: usize = 0;

/// Verbs that headlines put right after their subject, in the forms headlines use (present
/// third person, past, and the plural present after `X, Y`). None is a common surname (`Marks`,
/// `Burns`, `Banks` are left out).
const HEADLINE_VERBS: &[&str] = &[
    "accuses",
    "admits",
    "agrees",
    "announces",
    "approves",
    "asks",
    "attacks",
    "backs",
    "blames",
    "blasts",
    "calls",
    "claims",
    "clash",
    "criticizes",
    "defends",
    "denies",
    "doubles",
    "drops",
    "endorses",
    "explains",
    "face",
    "faces",
    "fails",
    "gets",
    "gives",
    "goes",
    "hits",
    "insists",
    "joins",
    "knows",
    "launches",
    "leads",
    "loses",
    "makes",
    "meet",
    "meets",
    "mocks",
    "names",
    "needs",
    "picks",
    "plans",
    "pledges",
    "praises",
    "promises",
    "pushes",
    "questions",
    "quits",
    "refuses",
    "rejects",
    "responds",
    "returns",
    "reveals",
    "rips",
    "said",
    "say",
    "says",
    "seeks",
    "sees",
    "shows",
    "signs",
    "slams",
    "speaks",
    "suggests",
    "takes",
    "tells",
    "thinks",
    "told",
    "tries",
    "unveils",
    "urges",
    "visits",
    "vows",
    "wants",
    "warns",
    "wins",
];

/// In a title-case headline (`title_case` says whether the sentence is one; it is asked only when
/// a name could be cut), a person's name of two words or more that ends on a headline verb ends
/// before it: `Hillary Clinton Speaks` is `Hillary Clinton`. A name of another type with a
/// headline verb after its second word ends before the verb, and the words after it leave it too:
/// `City Council Approves Budget` is `City Council`.
#[inline(never)]
pub(super) fn verbs_after_names(
    lower: &[&str],
    labels: &mut [u8],
    title_case: impl FnOnce() -> bool,
) {
    // `(verb, end)`: the name loses `verb..end`.
    let cuts: Vec<(usize, usize)> = spans(labels)
        .into_iter()
        .filter_map(|(a, b, kind)| {
            if kind == PER {
                let ends_on_verb = b - a >= 2 && HEADLINE_VERBS.contains(&lower[b - 1]);
                return ends_on_verb.then_some((b - 1, b));
            }
            // A name of another type that runs on through a verb into the headline's object:
            // `[City Council Approves Budget]` is `City Council`.
            let verb = (a + 2..b - 1).find(|&i| HEADLINE_VERBS.contains(&lower[i]))?;
            Some((verb, b))
        })
        .collect();
    if cuts.is_empty() || !title_case() {
        return;
    }
    for (verb, end) in cuts {
        labels[verb..end].fill(0);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tagger::label;
    use super::*;

    /// `n` labels: a name of type `kind` over the first `len` words, then `O`.
    fn name(kind: usize, n: usize, len: usize) -> Vec<u8> {
        let mut labels = vec![0u8; n];
        labels[0] = label(kind, false) as u8;
        for l in &mut labels[1..len] {
            *l = label(kind, true) as u8;
        }
        labels
    }

    fn person(n: usize, len: usize) -> Vec<u8> {
        name(PER, n, len)
    }

    #[test]
    fn a_headline_verb_inside_an_organisation_ends_it() {
        let lower = ["city", "council", "approves", "budget"];
        let mut labels = name(1, 4, 4);
        verbs_after_names(&lower, &mut labels, || true);
        assert_eq!(spans(&labels), [(0, 2, 1)]);
        // Not outside a headline, and not a verb right after the first word.
        let mut labels = name(1, 4, 4);
        verbs_after_names(&lower, &mut labels, || false);
        assert_eq!(spans(&labels), [(0, 4, 1)]);
        let lower = ["council", "approves", "new", "budget"];
        let mut labels = name(1, 4, 4);
        verbs_after_names(&lower, &mut labels, || true);
        assert_eq!(spans(&labels), [(0, 4, 1)]);
    }

    #[test]
    fn a_headline_verb_leaves_the_name() {
        let lower = ["hillary", "clinton", "speaks", "directly"];
        let mut labels = person(4, 3);
        verbs_after_names(&lower, &mut labels, || true);
        assert_eq!(spans(&labels), [(0, 2, PER)]);
        // Not in a title-case line; not a headline verb; a one-word name.
        let mut labels = person(4, 3);
        verbs_after_names(&lower, &mut labels, || false);
        assert_eq!(spans(&labels), [(0, 3, PER)]);
        let lower = ["gennifer", "flowers", "speaks"];
        let mut labels = person(3, 2);
        verbs_after_names(&lower, &mut labels, || true);
        assert_eq!(spans(&labels), [(0, 2, PER)]);
        let lower = ["says", "more"];
        let mut labels = person(2, 1);
        verbs_after_names(&lower, &mut labels, || true);
        assert_eq!(spans(&labels), [(0, 1, PER)]);
    }

    #[test]
    fn the_verbs_are_sorted_lower_case_words() {
        let mut sorted = HEADLINE_VERBS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, HEADLINE_VERBS);
        assert!(HEADLINE_VERBS
            .iter()
            .all(|v| v.chars().all(|c| c.is_ascii_lowercase())));
    }
}
