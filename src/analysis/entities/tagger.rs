//! BIO labels and Viterbi decoding: the best label sequence under per-token scores and label-pair
//! transition scores, with the BIO rule (`I-X` only after `B-X` or `I-X`) as a hard constraint.

/// The four CoNLL entity types, in label order.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// `O`, then `B-` of each type, then `I-` of each type.
pub const N_LABELS: usize = 1 + 2 * TYPES.len();

/// Label index of `B-type` (`inside == false`) or `I-type`.
pub fn label(kind: usize, inside: bool) -> usize {
    1 + kind + if inside { TYPES.len() } else { 0 }
}

/// The type of a label, or `None` for `O`.
pub fn kind_of(label: usize) -> Option<usize> {
    (label != 0).then(|| (label - 1) % TYPES.len())
}

/// Whether `label` continues a name (an `I-` label).
pub fn is_inside(label: usize) -> bool {
    label > TYPES.len()
}

/// Whether `cur` may follow `prev` (`None`: sentence start).
pub fn allowed(prev: Option<usize>, cur: usize) -> bool {
    if !is_inside(cur) {
        return true;
    }
    prev.is_some_and(|p| p != 0 && kind_of(p) == kind_of(cur))
}

/// Label names, for messages and the CoNLL output.
pub fn label_name(label: usize) -> String {
    match kind_of(label) {
        None => "O".to_string(),
        Some(k) => format!("{}-{}", if is_inside(label) { "I" } else { "B" }, TYPES[k]),
    }
}

/// Decodes `emissions` (`n × N_LABELS`, row per token) with `transitions[prev * N_LABELS + cur]`
/// and `start[cur]`. Ties go to the lower label index, so decoding is deterministic.
pub fn viterbi(emissions: &[f32], transitions: &[f32], start: &[f32], out: &mut Vec<u8>) {
    const L: usize = N_LABELS;
    out.clear();
    let n = emissions.len() / L;
    if n == 0 {
        return;
    }
    // Rows by current label. Only `O` and `B-X` may follow any label; `I-X` may follow only
    // `B-X` and `I-X` (`allowed`), so it looks at those two alone: every other predecessor
    // would score -inf and never win.
    let mut trans = [[0f32; L]; L];
    for (c, row) in trans.iter_mut().enumerate() {
        for (p, t) in row.iter_mut().enumerate() {
            *t = transitions[p * L + c];
        }
    }
    let mut score = vec![[f32::NEG_INFINITY; L]; n];
    let mut back = vec![[0u8; L]; n];
    for c in 0..L {
        if allowed(None, c) {
            score[0][c] = start[c] + emissions[c];
        }
    }
    for i in 1..n {
        let prev = score[i - 1];
        let mut row = [0f32; L];
        let mut from = [0u8; L];
        for c in 0..=TYPES.len() {
            let (best, arg) = best_predecessor(prev.iter().zip(&trans[c]).enumerate());
            (row[c], from[c]) = (best, arg);
        }
        for kind in 0..TYPES.len() {
            let c = label(kind, true);
            let b = label(kind, false);
            let pair = [(b, (&prev[b], &trans[c][b])), (c, (&prev[c], &trans[c][c]))];
            (row[c], from[c]) = best_predecessor(pair.into_iter());
        }
        for c in 0..L {
            score[i][c] = row[c] + emissions[i * L + c];
        }
        back[i] = from;
    }
    let last = &score[n - 1];
    let mut best = 0;
    for c in 1..L {
        if last[c] > last[best] {
            best = c;
        }
    }
    out.resize(n, 0);
    out[n - 1] = best as u8;
    for i in (1..n).rev() {
        out[i - 1] = back[i][out[i] as usize];
    }
}

/// The best of `(label, (score, transition))` candidates in label order, and its label: the first
/// strictly greatest sum wins, so ties go to the lower label, and with no finite candidate the
/// label is 0.
#[inline]
fn best_predecessor<'a>(
    candidates: impl Iterator<Item = (usize, (&'a f32, &'a f32))>,
) -> (f32, u8) {
    let mut best = f32::NEG_INFINITY;
    let mut arg = 0;
    for (p, (&s, &t)) in candidates {
        let s = s + t;
        if s > best {
            best = s;
            arg = p;
        }
    }
    (best, arg as u8)
}

/// Entity spans `(start, end, type)` in token indices, end-exclusive, from BIO labels. A stray
/// `I-X` (which Viterbi never makes) opens an entity, as conlleval reads it.
///
/// The conventions call this about twenty times a sentence (each rule reads the names as the
/// rules before it left them), so it runs over a name's `I-` labels and the `O`s between names in
/// tight loops of its own.
pub fn spans(labels: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        let Some(kind) = kind_of(usize::from(labels[i])) else {
            i += 1;
            continue;
        };
        let start = i;
        i += 1;
        while i < labels.len() {
            let l = usize::from(labels[i]);
            if !(is_inside(l) && kind_of(l) == Some(kind)) {
                break;
            }
            i += 1;
        }
        out.push((start, i, kind));
    }
    out
}

/// Rules' tests write a sentence's labels as `O B-PER I-PER`, one per word, and read them back so.
#[cfg(test)]
pub(super) mod written {
    use super::{label, label_name, TYPES};

    /// Labels from `B-`/`I-` names (`O` for none), one per space-separated tag.
    pub fn labels_of(tags: &str) -> Vec<u8> {
        tags.split(' ')
            .map(|t| match t.split_once('-') {
                None => 0,
                Some((bio, kind)) => {
                    let k = TYPES.iter().position(|x| *x == kind).expect("a type");
                    label(k, bio == "I") as u8
                }
            })
            .collect()
    }

    /// The labels `rule` leaves on `sentence` (words split on spaces, with their lower-case
    /// forms) tagged `tags`, written the same way.
    pub fn run_on(
        sentence: &str,
        tags: &str,
        rule: impl FnOnce(&[&str], &[&str], &mut [u8]),
    ) -> String {
        let words: Vec<&str> = sentence.split(' ').collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
        let mut labels = labels_of(tags);
        rule(&words, &lower, &mut labels);
        labels
            .iter()
            .map(|&l| label_name(usize::from(l)))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
// Test tables are tuples of slices, on purpose: one row a case.
#[allow(clippy::type_complexity)]
mod tests {
    use super::*;

    #[test]
    fn label_layout() {
        assert_eq!(label_name(0), "O");
        assert_eq!(label_name(label(0, false)), "B-PER");
        assert_eq!(label_name(label(3, true)), "I-MISC");
        assert!(allowed(Some(label(2, false)), label(2, true)));
        assert!(!allowed(Some(label(1, false)), label(2, true)));
        assert!(!allowed(None, label(2, true)));
        assert!(!allowed(Some(0), label(2, true)));
    }

    #[test]
    fn spans_from_labels() {
        let cases: &[(&str, &[usize], &[(usize, usize, usize)])] = &[
            ("none", &[0, 0], &[]),
            ("two-token PER", &[1, 5, 0], &[(0, 2, 0)]),
            ("adjacent B", &[3, 3], &[(0, 1, 2), (1, 2, 2)]),
            ("stray I opens", &[0, 7], &[(1, 2, 2)]),
            ("type change", &[1, 7], &[(0, 1, 0), (1, 2, 2)]),
        ];
        for (name, labels, expected) in cases {
            let labels: Vec<u8> = labels.iter().map(|&l| l as u8).collect();
            assert_eq!(spans(&labels), *expected, "{name}");
        }
    }

    /// Every label sequence of up to five tokens gives the spans of conlleval's reading, one label
    /// at a time: an entity goes on while its `I-` labels do, and anything else closes it.
    #[test]
    fn spans_read_as_conlleval_reads_them() {
        fn one_at_a_time(labels: &[u8]) -> Vec<(usize, usize, usize)> {
            let mut out = Vec::new();
            let mut open: Option<(usize, usize)> = None;
            for (i, &l) in labels.iter().enumerate() {
                let l = usize::from(l);
                if is_inside(l) && open.is_some_and(|(_, k)| Some(k) == kind_of(l)) {
                    continue;
                }
                out.extend(open.take().map(|(s, k)| (s, i, k)));
                open = kind_of(l).map(|k| (i, k));
            }
            out.extend(open.map(|(s, k)| (s, labels.len(), k)));
            out
        }
        let mut labels = Vec::new();
        for len in 0..=5u32 {
            for mut code in 0..(N_LABELS as u32).pow(len) {
                labels.clear();
                for _ in 0..len {
                    labels.push((code % N_LABELS as u32) as u8);
                    code /= N_LABELS as u32;
                }
                assert_eq!(spans(&labels), one_at_a_time(&labels), "{labels:?}");
            }
        }
    }

    #[test]
    fn viterbi_respects_bio() {
        const L: usize = N_LABELS;
        // Token 1 prefers I-LOC, but token 0 prefers B-PER: I-LOC cannot follow, so the decoder
        // picks the best legal path.
        let mut emissions = vec![0.0; 2 * L];
        emissions[label(0, false)] = 2.0;
        emissions[L + label(2, true)] = 3.0;
        emissions[L + label(0, true)] = 1.0;
        let mut out = Vec::new();
        viterbi(&emissions, &[0.0; L * L], &[0.0; L], &mut out);
        assert_eq!(out, [label(0, false) as u8, label(0, true) as u8]);
        viterbi(&[], &[0.0; L * L], &[0.0; L], &mut out);
        assert!(out.is_empty());
    }
}
