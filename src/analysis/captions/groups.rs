//! Caption groups: the same photo caption pasted many times, at two levels.
//!
//! - **Exact**: paragraphs whose text is equal once white space is collapsed form one *variant*.
//! - **Near**: variants whose word-bigram sets have a Jaccard similarity of at least `THRESHOLD`
//!   form one *group*: "a view of Sudzha, the biggest town…" and "a view of a street of Sudzha, the
//!   biggest town…" describe the same scene; "Russian soldiers walk between ruins of Sudzha, the
//!   biggest town…" is another frame from the same video and stays apart.
//!
//! Why bigrams and 0.85. On the sample's 20 distinct captions the Sudzha pair scores 0.930 and
//! the most similar pair that must stay apart (two frames of one video, sharing the agency's
//! 40-word template) scores 0.804. Word sets (unigrams) squeeze that gap (0.972 against 0.846);
//! trigrams lower both (0.889 against 0.771). 0.85 sits in the gap. On constructed cases it merges a
//! one-word typo fix in a caption of 25 words or more (J = (n−3)/(n+1)) and a one-word insertion in
//! 19 words or more, and keeps apart captions that share a template but change a 4-word scene.
//!
//! Linear time: variants are compared only with group representatives that share a MinHash LSH
//! bucket (8 bands of 4 hashes: a pair at J = 0.85 shares a bucket with probability 0.997), and a
//! bucket holds at most `BUCKET_CAP` representatives, so each variant costs a bounded amount of work.
//! Groups form greedily in order of first appearance: a variant joins the most similar
//! representative at or above the threshold, so groups never chain through intermediate variants.

use std::collections::HashMap;

use super::diff::word_diff;
use super::features::normalize;
use crate::analysis::model::Role;
use crate::analysis::segment::Doc;
use crate::analysis::span::Span;

/// The lowest word-bigram Jaccard similarity at which two captions are one group.
pub const THRESHOLD: f64 = 0.85;
const BANDS: usize = 8;
const ROWS: usize = 4;
/// At most this many representatives per LSH bucket.
const BUCKET_CAP: usize = 32;

/// A group of near-duplicate captions, in paragraph indices.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupSeg {
    /// Every paragraph of the group, in text order.
    pub members: Vec<usize>,
    /// The paragraph shown for the group: the first paragraph of its first variant.
    pub representative: usize,
    /// The exact-text subgroups, in order of first appearance; the first is the representative's.
    pub variants: Vec<VariantSeg>,
}

/// Paragraphs with the same text (white space collapsed).
#[derive(Debug, Clone, PartialEq)]
pub struct VariantSeg {
    pub members: Vec<usize>,
    /// Byte spans, in the text, of the words of this variant's first paragraph that the
    /// representative does not have. Empty for the representative's own variant.
    pub changed: Vec<Span>,
}

/// Groups the paragraphs whose role is `Caption`.
#[inline(never)]
pub fn group_captions(text: &str, doc: &Doc, roles: &[Role]) -> Vec<GroupSeg> {
    // Exact level.
    let mut variant_of: HashMap<String, usize> = HashMap::new();
    let mut variants: Vec<Vec<usize>> = Vec::new();
    for (p, para) in doc.paragraphs.iter().enumerate() {
        if roles.get(p) != Some(&Role::Caption) {
            continue;
        }
        let key = normalize(para.span.of(text));
        let v = *variant_of.entry(key).or_insert_with(|| {
            variants.push(Vec::new());
            variants.len() - 1
        });
        variants[v].push(p);
    }
    // Near level.
    let mut groups: Vec<(Vec<u64>, Vec<usize>)> = Vec::new(); // (representative shingles, variants)
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    for (v, members) in variants.iter().enumerate() {
        let shingles = shingles(doc.paragraphs[members[0]].span.of(text));
        let keys = band_keys(&shingles);
        let mut best: Option<(f64, usize)> = None;
        for key in &keys {
            for &g in buckets.get(key).map_or(&[][..], Vec::as_slice) {
                let sim = jaccard(&shingles, &groups[g].0);
                if sim >= THRESHOLD && best.is_none_or(|(s, bg)| sim > s || (sim == s && g < bg)) {
                    best = Some((sim, g));
                }
            }
        }
        match best {
            Some((_, g)) => groups[g].1.push(v),
            None => {
                let g = groups.len();
                for key in keys {
                    let bucket = buckets.entry(key).or_default();
                    if bucket.len() < BUCKET_CAP {
                        bucket.push(g);
                    }
                }
                groups.push((shingles, vec![v]));
            }
        }
    }
    groups
        .into_iter()
        .map(|(_, vs)| {
            let rep = variants[vs[0]][0];
            let rep_span = doc.paragraphs[rep].span;
            let mut members: Vec<usize> = vs.iter().flat_map(|&v| variants[v].clone()).collect();
            members.sort_unstable();
            let variants = vs
                .iter()
                .enumerate()
                .map(|(k, &v)| {
                    let first = doc.paragraphs[variants[v][0]].span;
                    let changed = if k == 0 {
                        Vec::new()
                    } else {
                        word_diff(first.of(text), rep_span.of(text))
                            .into_iter()
                            .map(|s| Span::new(first.start + s.start, first.start + s.end))
                            .collect()
                    };
                    VariantSeg {
                        members: variants[v].clone(),
                        changed,
                    }
                })
                .collect();
            GroupSeg {
                members,
                representative: rep,
                variants,
            }
        })
        .collect()
}

/// Hashes of the word bigrams of `s` (lower-cased runs of letters and digits), sorted and
/// deduplicated. A one-word caption gives its single word.
#[inline(never)]
pub fn shingles(s: &str) -> Vec<u64> {
    let words: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut out: Vec<u64> = if words.len() < 2 {
        words.iter().map(|w| fnv(w.as_bytes(), 0)).collect()
    } else {
        words
            .windows(2)
            .map(|pair| fnv(pair[1].as_bytes(), fnv(pair[0].as_bytes(), 0) ^ 0x20))
            .collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// The Jaccard similarity of two sorted, deduplicated sets. Two empty sets are equal (1.0).
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both as f64 / (a.len() + b.len() - both) as f64
}

/// One LSH key per band: the band's number and a hash of its `ROWS` MinHash values.
#[inline(never)]
fn band_keys(shingles: &[u64]) -> Vec<(usize, u64)> {
    let mut mins = [u64::MAX; BANDS * ROWS];
    for &s in shingles {
        for (k, m) in mins.iter_mut().enumerate() {
            let h = mix(s ^ (k as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            if h < *m {
                *m = h;
            }
        }
    }
    (0..BANDS)
        .map(|b| {
            let band = &mins[b * ROWS..(b + 1) * ROWS];
            let key = band
                .iter()
                .fold(0xcbf2_9ce4_8422_2325u64, |acc, &x| mix(acc ^ x));
            (b, key)
        })
        .collect()
}

/// FNV-1a over `bytes`, continuing from `seed` (0 starts fresh).
fn fnv(bytes: &[u8], seed: u64) -> u64 {
    let mut h = if seed == 0 {
        0xcbf2_9ce4_8422_2325
    } else {
        seed
    };
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A 64-bit finaliser (SplitMix64's): spreads every input bit over the output.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::segment::segment;

    fn groups_of(lines: &[&str]) -> Vec<Vec<Vec<usize>>> {
        let text = lines.join("\n");
        let doc = segment(&text);
        let roles = vec![Role::Caption; doc.paragraphs.len()];
        group_captions(&text, &doc, &roles)
            .into_iter()
            .map(|g| g.variants.into_iter().map(|v| v.members).collect())
            .collect()
    }

    const TEMPLATE_A: &str = "In this photo taken from video distributed by Russian Defense Ministry Press Service on Thursday, March 13, 2025, a view of Sudzha, the biggest town in the Kursk region of Russia after it was taken over by Russian troops. (Russian Defense Ministry Press Service via AP)";
    const TEMPLATE_B: &str = "In this photo taken from video distributed by Russian Defense Ministry Press Service on Thursday, March 13, 2025, a view of a street of Sudzha, the biggest town in the Kursk region of Russia after it was taken over by Russian troops. (Russian Defense Ministry Press Service via AP)";
    const OTHER_FRAME: &str = "In this photo taken from video distributed by Russian Defense Ministry Press Service on Thursday, March 13, 2025, Russian soldiers walk between ruins of Sudzha, the biggest town in the Kursk region of Russia after it was taken over by Russian troops. (Russian Defense Ministry Press Service via AP)";
    const RUBIO: &str = "US Secretary of State Marco Rubio speaks with reporters following the G7 foreign ministers meeting in La Malbaie, Quebec, Canada, on Friday, March 14, 2025. (Saul Loeb, Pool Photo via AP)";
    const RUBIO_TYPO: &str = "US Secretary of State Marco Rubio speaks with reporters following the G7 foreign minsters meeting in La Malbaie, Quebec, Canada, on Friday, March 14, 2025. (Saul Loeb, Pool Photo via AP)";

    #[test]
    fn grouping_cases() {
        // (name, caption lines, expected groups as lists of variants as lists of line numbers)
        type Case<'a> = (&'a str, &'a [&'a str], &'a [&'a [&'a [usize]]]);
        let cases: &[Case] = &[
            (
                "exact copies are one variant",
                &[RUBIO, RUBIO, RUBIO],
                &[&[&[0, 1, 2]]],
            ),
            (
                "white space does not matter",
                &[
                    "A  photo of a cat. (AP Photo)",
                    "A photo of a cat. (AP Photo)",
                ],
                &[&[&[0, 1]]],
            ),
            (
                "the Sudzha pair is one group",
                &[TEMPLATE_A, TEMPLATE_B, TEMPLATE_A],
                &[&[&[0, 2], &[1]]],
            ),
            (
                "another frame of the video stays apart",
                &[TEMPLATE_A, OTHER_FRAME],
                &[&[&[0]], &[&[1]]],
            ),
            (
                "a typo fix is a variant",
                &[RUBIO, RUBIO_TYPO],
                &[&[&[0], &[1]]],
            ),
            (
                "unrelated captions stay apart",
                &[RUBIO, TEMPLATE_A],
                &[&[&[0]], &[&[1]]],
            ),
            (
                "one-word captions",
                &["Gallery", "Gallery", "Photos"],
                &[&[&[0, 1]], &[&[2]]],
            ),
        ];
        for (name, lines, expected) in cases {
            let got = groups_of(lines);
            let expected: Vec<Vec<Vec<usize>>> = expected
                .iter()
                .map(|g| g.iter().map(|v| v.to_vec()).collect())
                .collect();
            assert_eq!(got, expected, "{name}");
        }
    }

    #[test]
    fn the_similarities_behind_the_threshold() {
        let j = |a: &str, b: &str| jaccard(&shingles(a), &shingles(b));
        assert!(
            j(TEMPLATE_A, TEMPLATE_B) > 0.92,
            "{}",
            j(TEMPLATE_A, TEMPLATE_B)
        );
        assert!(
            j(TEMPLATE_A, OTHER_FRAME) < 0.81,
            "{}",
            j(TEMPLATE_A, OTHER_FRAME)
        );
        assert_eq!(j("", ""), 1.0);
        assert_eq!(j("a b", ""), 0.0);
    }

    #[test]
    fn variants_know_their_changed_words() {
        let text = format!("{TEMPLATE_A}\n{TEMPLATE_B}");
        let doc = segment(&text);
        let roles = vec![Role::Caption; 2];
        let groups = group_captions(&text, &doc, &roles);
        let changed: Vec<&str> = groups[0].variants[1]
            .changed
            .iter()
            .map(|s| s.of(&text))
            .collect();
        assert_eq!(changed, ["a street of"]);
        assert!(groups[0].variants[0].changed.is_empty());
    }

    #[test]
    fn only_captions_are_grouped() {
        let text = format!("{RUBIO}\n{RUBIO}");
        let doc = segment(&text);
        let groups = group_captions(&text, &doc, &[Role::Body, Role::Caption]);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].members, [1]);
    }

    #[test]
    fn many_similar_captions_stay_linear() {
        // 5,000 captions sharing one template: the bucket cap bounds the comparisons.
        let lines: Vec<String> = (0..5000)
            .map(|i| format!("{TEMPLATE_A} Frame {i} of {}.", i * 7))
            .collect();
        let text = lines.join("\n");
        let doc = segment(&text);
        let roles = vec![Role::Caption; doc.paragraphs.len()];
        let groups = group_captions(&text, &doc, &roles);
        let total: usize = groups.iter().map(|g| g.members.len()).sum();
        assert_eq!(total, 5000);
    }
}
