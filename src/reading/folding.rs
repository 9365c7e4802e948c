//! Folding caption runs: consecutive caption paragraphs become one quiet strip that says how many
//! captions there are and how many differ, and expands to each distinct caption once.
//!
//! Two levels of sameness: *exact* (the same text, counted ×N) and *near* (the captions stage's
//! `caption_groups`: the same photo captioned with small changes). A near group shows its first
//! caption whole and each variant with the words that differ from it marked.

use std::collections::HashMap;

use super::ReadingParagraph;
use crate::analysis::{Analysis, Role};

/// What the reader shows in place of a run of paragraphs.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(ReadingParagraph),
    Captions(CaptionRun),
}

/// A run of consecutive caption paragraphs.
#[derive(Debug, Clone, PartialEq)]
pub struct CaptionRun {
    pub paragraphs: Vec<ReadingParagraph>,
    /// Distinct captions by exact text.
    pub distinct: usize,
    /// Near-duplicate groups, in order of first appearance.
    pub groups: Vec<NearGroup>,
}

/// Captions of one photo: the first as shown, then its variants.
#[derive(Debug, Clone, PartialEq)]
pub struct NearGroup {
    pub entries: Vec<CaptionEntry>,
}

/// One distinct caption text and how often the run repeats it.
#[derive(Debug, Clone, PartialEq)]
pub struct CaptionEntry {
    /// Index into `CaptionRun::paragraphs` of its first occurrence.
    pub first: usize,
    pub count: usize,
    /// The caption's words, each marked when it differs from the group's first caption. The
    /// first entry of a group has no word marked.
    pub words: Vec<DiffWord>,
}

/// A word (with the white space after it) and whether it differs from the base caption.
#[derive(Debug, Clone, PartialEq)]
pub struct DiffWord {
    pub text: String,
    pub changed: bool,
}

/// Replaces each run of caption paragraphs with a `Block::Captions`.
pub fn fold_captions(paragraphs: Vec<ReadingParagraph>, analysis: &Analysis) -> Vec<Block> {
    // The near-duplicate group of each paragraph.
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    for group in &analysis.caption_groups {
        for &member in &group.members {
            group_of.insert(member, group.id);
        }
    }
    let mut blocks = Vec::new();
    let mut run: Vec<ReadingParagraph> = Vec::new();
    for p in paragraphs {
        if p.role == Role::Caption {
            run.push(p);
            continue;
        }
        if !run.is_empty() {
            blocks.push(Block::Captions(caption_run(
                std::mem::take(&mut run),
                &group_of,
            )));
        }
        blocks.push(Block::Paragraph(p));
    }
    if !run.is_empty() {
        blocks.push(Block::Captions(caption_run(run, &group_of)));
    }
    blocks
}

fn caption_run(paragraphs: Vec<ReadingParagraph>, group_of: &HashMap<usize, usize>) -> CaptionRun {
    let texts: Vec<String> = paragraphs.iter().map(ReadingParagraph::text).collect();
    // Exact level: the first occurrence of each text and its count.
    let mut exact: Vec<(usize, usize)> = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, text) in texts.iter().enumerate() {
        let text = text.as_str();
        match seen.get(text) {
            Some(&e) => exact[e].1 += 1,
            None => {
                seen.insert(text, exact.len());
                exact.push((i, 1));
            }
        }
    }
    // Near level: exact captions that share a caption group; a caption in no group stands alone.
    let mut groups: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut slot: HashMap<usize, usize> = HashMap::new();
    for &(first, count) in &exact {
        let key = group_of.get(&paragraphs[first].index).copied();
        match key.and_then(|k| slot.get(&k)) {
            Some(&g) => groups[g].push((first, count)),
            None => {
                if let Some(k) = key {
                    slot.insert(k, groups.len());
                }
                groups.push(vec![(first, count)]);
            }
        }
    }
    let text_of = |i: usize| texts[i].as_str();
    let groups = groups
        .into_iter()
        .map(|entries| {
            let base = text_of(entries[0].0);
            NearGroup {
                entries: entries
                    .iter()
                    .enumerate()
                    .map(|(k, &(first, count))| CaptionEntry {
                        first,
                        count,
                        words: if k == 0 {
                            word_diff(base, base)
                        } else {
                            word_diff(base, text_of(first))
                        },
                    })
                    .collect(),
            }
        })
        .collect();
    CaptionRun {
        distinct: exact.len(),
        groups,
        paragraphs,
    }
}

/// Longest captions whose words are diffed; longer ones are shown without marks. The diff is
/// quadratic in words, and captions are short.
const MAX_DIFF_WORDS: usize = 300;

/// The words of `variant`, each marked when it is not part of the longest common subsequence of
/// words with `base`.
pub fn word_diff(base: &str, variant: &str) -> Vec<DiffWord> {
    let words = |s: &str| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for piece in s.split_inclusive(char::is_whitespace) {
            match out.last_mut() {
                Some(last) if piece.trim().is_empty() => last.push_str(piece),
                _ => out.push(piece.to_string()),
            }
        }
        out
    };
    let (a, b) = (words(base), words(variant));
    if a.len() > MAX_DIFF_WORDS || b.len() > MAX_DIFF_WORDS {
        return b
            .into_iter()
            .map(|text| DiffWord {
                text,
                changed: false,
            })
            .collect();
    }
    let key = |w: &String| w.trim().to_string();
    // lcs[i][j]: length of the LCS of a[i..] and b[j..].
    let mut lcs = vec![vec![0u16; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if key(&a[i]) == key(&b[j]) {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(b.len());
    while j < b.len() {
        if i < a.len() && key(&a[i]) == key(&b[j]) {
            out.push(DiffWord {
                text: b[j].clone(),
                changed: false,
            });
            i += 1;
            j += 1;
        } else if i < a.len() && lcs[i + 1][j] >= lcs[i][j + 1] {
            i += 1;
        } else {
            out.push(DiffWord {
                text: b[j].clone(),
                changed: true,
            });
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::CaptionGroup;
    use crate::reading::reading_model;

    fn changed(base: &str, variant: &str) -> Vec<String> {
        word_diff(base, variant)
            .into_iter()
            .filter(|w| w.changed)
            .map(|w| w.text.trim().to_string())
            .collect()
    }

    #[test]
    fn word_diff_marks_inserted_words() {
        assert_eq!(
            changed(
                "a view of Sudzha, the town",
                "a view of a street of Sudzha, the town"
            ),
            ["a", "street", "of"]
        );
    }

    #[test]
    fn word_diff_of_equal_texts_marks_nothing() {
        assert!(changed("Putin met Witkoff.", "Putin met Witkoff.").is_empty());
    }

    #[test]
    fn word_diff_keeps_every_character() {
        let variant = "Russian  soldiers walk\tbetween ruins";
        let joined: String = word_diff("soldiers patrol", variant)
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(joined, variant);
    }

    #[test]
    fn folds_a_run_with_exact_and_near_duplicates() {
        let text = "Body one.\nPhoto A. (AP Photo)\nPhoto A. (AP Photo)\nPhoto A two. (AP Photo)\nPhoto B. (AP Photo)\nBody two.";
        let mut analysis = crate::analyze_text(text);
        for p in 1..=4 {
            analysis.paragraphs[p].role = Role::Caption;
        }
        analysis.caption_groups = vec![
            CaptionGroup {
                id: 0,
                members: vec![1, 2, 3],
                representative: 1,
            },
            CaptionGroup {
                id: 1,
                members: vec![4],
                representative: 4,
            },
        ];
        let paragraphs = reading_model(text, &analysis).remove(0).paragraphs;
        let blocks = fold_captions(paragraphs, &analysis);
        assert_eq!(blocks.len(), 3);
        let Block::Captions(run) = &blocks[1] else {
            panic!("a caption run")
        };
        assert_eq!(run.paragraphs.len(), 4);
        assert_eq!(run.distinct, 3);
        assert_eq!(run.groups.len(), 2);
        assert_eq!(run.groups[0].entries.len(), 2);
        assert_eq!(run.groups[0].entries[0].count, 2);
        assert!(run.groups[0].entries[1]
            .words
            .iter()
            .any(|w| w.changed && w.text.trim() == "two."));
    }
}
