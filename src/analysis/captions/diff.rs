//! Word-level difference between a caption variant and its group's representative, for the UI to
//! mark the words that differ ("a view of **a street of** Sudzha").

use crate::analysis::span::Span;

/// Above this many word pairs in the differing middle, the diff gives up on alignment and marks
/// the whole middle as changed: captions are short, so only a pathological input gets here, and
/// the quadratic table stays bounded (at most 256 K cells).
const MAX_CELLS: usize = 1 << 18;

/// Byte spans of `variant` covering the words that are not in `representative` (by a longest
/// common subsequence of words). Adjacent changed words form one span, white space between them
/// included. Equal texts give no spans.
///
/// ```
/// use lede::analysis::captions::word_diff;
/// let v = "a view of a street of Sudzha";
/// let spans = word_diff(v, "a view of Sudzha");
/// assert_eq!(spans.iter().map(|s| s.of(v)).collect::<Vec<_>>(), ["a street of"]);
/// ```
#[inline(never)]
pub fn word_diff(variant: &str, representative: &str) -> Vec<Span> {
    let a = words(variant);
    let b = words(representative);
    let wa: Vec<&str> = a.iter().map(|s| s.of(variant)).collect();
    let wb: Vec<&str> = b.iter().map(|s| s.of(representative)).collect();
    // Common prefix and suffix first: most variants differ in a few words in the middle.
    let mut pre = 0;
    while pre < wa.len() && pre < wb.len() && wa[pre] == wb[pre] {
        pre += 1;
    }
    let mut suf = 0;
    while suf < wa.len() - pre
        && suf < wb.len() - pre
        && wa[wa.len() - 1 - suf] == wb[wb.len() - 1 - suf]
    {
        suf += 1;
    }
    let ma = &wa[pre..wa.len() - suf];
    let mb = &wb[pre..wb.len() - suf];
    let mut changed = vec![false; a.len()];
    if ma.len().saturating_mul(mb.len()) > MAX_CELLS || mb.is_empty() {
        for c in &mut changed[pre..a.len() - suf] {
            *c = true;
        }
    } else {
        // lcs[i][j]: the LCS length of ma[i..] and mb[j..].
        let (n, m) = (ma.len(), mb.len());
        let mut lcs = vec![0u32; (n + 1) * (m + 1)];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i * (m + 1) + j] = if ma[i] == mb[j] {
                    lcs[(i + 1) * (m + 1) + j + 1] + 1
                } else {
                    lcs[(i + 1) * (m + 1) + j].max(lcs[i * (m + 1) + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n {
            if j < m && ma[i] == mb[j] {
                i += 1;
                j += 1;
            } else if j < m && lcs[i * (m + 1) + j + 1] > lcs[(i + 1) * (m + 1) + j] {
                j += 1;
            } else {
                changed[pre + i] = true;
                i += 1;
            }
        }
    }
    let mut spans: Vec<Span> = Vec::new();
    for (k, span) in a.iter().enumerate() {
        if !changed[k] {
            continue;
        }
        match spans.last_mut() {
            Some(last) if k > 0 && changed[k - 1] => last.end = span.end,
            _ => spans.push(*span),
        }
    }
    spans
}

/// The white-space-separated words of `s`, as byte spans.
fn words(s: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(st)) => {
                out.push(Span::new(st, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push(Span::new(st, s.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diffs() {
        let cases: &[(&str, &str, &str, &[&str])] = &[
            ("equal", "a view of Sudzha", "a view of Sudzha", &[]),
            (
                "insertion",
                "a view of a street of Sudzha",
                "a view of Sudzha",
                &["a street of"],
            ),
            (
                "deletion marks nothing in the variant",
                "a view of Sudzha",
                "a view of a street of Sudzha",
                &[],
            ),
            (
                "substitution",
                "soldiers ride atop a gun",
                "soldiers patrol atop a gun",
                &["ride"],
            ),
            (
                "two places",
                "one two three four five",
                "one 2 three four 5",
                &["two", "five"],
            ),
            ("empty representative", "new words", "", &["new words"]),
            ("empty variant", "", "old words", &[]),
            (
                "accents and emoji",
                "Zelenskyy 😀 in Kyiv",
                "Zelenskyy in Kyiv",
                &["😀"],
            ),
            (
                "extra spaces between changed words",
                "a  b  c",
                "a c",
                &["b"],
            ),
        ];
        for (name, variant, rep, expected) in cases {
            let got: Vec<&str> = word_diff(variant, rep)
                .iter()
                .map(|s| s.of(variant))
                .collect();
            assert_eq!(&got, expected, "{name}");
        }
    }

    #[test]
    fn huge_middles_are_marked_whole() {
        let a: String = (0..1000).map(|i| format!("a{i} ")).collect();
        let b: String = (0..1000).map(|i| format!("b{i} ")).collect();
        let spans = word_diff(&a, &b);
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].of(&a).trim_end(), a.trim_end());
    }
}
