//! Folding caption runs: consecutive caption paragraphs become one quiet strip that says how many
//! captions there are and how many differ, and expands to each distinct caption once. Runs of page
//! furniture (menus, share bars, related links, footers: boilerplate paragraphs) fold the same
//! way into one strip that says how many lines it holds, so a whole-page paste opens on its story;
//! only when the text has a story beside them, since a text of nothing but furniture folded away
//! would show nothing.
//!
//! Two levels of sameness come from the captions stage: *exact* (a group's variants, each shown
//! once with ×N) and *near* (a `caption_group`: the same photo captioned with small changes). A
//! group shows its first caption whole and each other variant with the words that differ marked.

use std::collections::HashMap;
use std::sync::Arc;

use super::ReadingParagraph;
use crate::analysis::{Analysis, Role};

/// What the reader shows in place of a run of paragraphs. Cheap to clone: it shares its
/// paragraphs and runs.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Arc<ReadingParagraph>),
    Captions(Arc<CaptionRun>),
    /// A run of consecutive boilerplate paragraphs, in order.
    Furniture(Arc<[Arc<ReadingParagraph>]>),
}

/// A run of consecutive caption paragraphs.
#[derive(Debug, Clone, PartialEq)]
pub struct CaptionRun {
    pub paragraphs: Vec<Arc<ReadingParagraph>>,
    /// Distinct captions (exact level) in this run.
    pub distinct: usize,
    /// Near-duplicate groups, in order of first appearance in the run.
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
    /// Index into `CaptionRun::paragraphs` of its first occurrence in the run.
    pub first: usize,
    pub count: usize,
    /// The caption cut into stretches, each marked when its words differ from the group's first
    /// variant. The pieces join back into the caption's text.
    pub words: Vec<DiffWord>,
}

/// A stretch of a caption and whether it differs from the group's first variant.
#[derive(Debug, Clone, PartialEq)]
pub struct DiffWord {
    pub text: String,
    pub changed: bool,
}

/// Replaces each run of caption paragraphs with a `Block::Captions`, and each run of furniture
/// with a `Block::Furniture` (see `CaptionFolder`).
pub fn fold_captions(paragraphs: &[Arc<ReadingParagraph>], analysis: &Analysis) -> Vec<Block> {
    CaptionFolder::new(analysis).fold(paragraphs)
}

/// Folds the caption runs of one document's articles. Built once per analysis, because indexing
/// the caption groups costs as much as the whole document's captions: doing it per article made
/// folding a long paste of many articles quadratic.
pub struct CaptionFolder<'a> {
    analysis: &'a Analysis,
    /// (group, variant) of each caption paragraph.
    variant_of: HashMap<usize, (usize, usize)>,
    /// Whether boilerplate folds too: only when the text has a body paragraph.
    furniture: bool,
}

impl<'a> CaptionFolder<'a> {
    pub fn new(analysis: &'a Analysis) -> CaptionFolder<'a> {
        let mut variant_of: HashMap<usize, (usize, usize)> = HashMap::new();
        for (g, group) in analysis.caption_groups.iter().enumerate() {
            for (v, variant) in group.variants.iter().enumerate() {
                for &member in &variant.members {
                    variant_of.insert(member, (g, v));
                }
            }
        }
        CaptionFolder {
            analysis,
            variant_of,
            furniture: analysis.paragraphs.iter().any(|p| p.role == Role::Body),
        }
    }

    /// `paragraphs` (one article's, in order) with each run of captions, and each run of
    /// furniture, folded into one block.
    pub fn fold(&self, paragraphs: &[Arc<ReadingParagraph>]) -> Vec<Block> {
        let mut blocks = Vec::new();
        let mut run: Vec<Arc<ReadingParagraph>> = Vec::new();
        let kind = |p: &ReadingParagraph| match p.role {
            Role::Caption => Some(Role::Caption),
            Role::Boilerplate if self.furniture => Some(Role::Boilerplate),
            _ => None,
        };
        for p in paragraphs {
            if run.first().is_some_and(|r| kind(r) != kind(p)) {
                blocks.push(self.run_block(std::mem::take(&mut run)));
            }
            if kind(p).is_some() {
                run.push(Arc::clone(p));
            } else {
                blocks.push(Block::Paragraph(Arc::clone(p)));
            }
        }
        if !run.is_empty() {
            blocks.push(self.run_block(run));
        }
        blocks
    }

    /// The block of a run of captions or of furniture.
    fn run_block(&self, run: Vec<Arc<ReadingParagraph>>) -> Block {
        if run[0].role == Role::Caption {
            Block::Captions(Arc::new(caption_run(run, self.analysis, &self.variant_of)))
        } else {
            Block::Furniture(run.into())
        }
    }
}

fn caption_run(
    paragraphs: Vec<Arc<ReadingParagraph>>,
    analysis: &Analysis,
    variant_of: &HashMap<usize, (usize, usize)>,
) -> CaptionRun {
    // A caption in no group stands alone: key it by its own paragraph.
    let key = |p: &Arc<ReadingParagraph>| variant_of.get(&p.index).copied().ok_or(p.index);
    // Near groups in order of first appearance; within each, variants with their run counts.
    let mut groups: Vec<Vec<(usize, usize, Option<usize>)>> = Vec::new();
    let mut group_slot: HashMap<Result<usize, usize>, usize> = HashMap::new();
    let mut entry_slot: HashMap<Result<(usize, usize), usize>, (usize, usize)> = HashMap::new();
    for (i, p) in paragraphs.iter().enumerate() {
        let k = key(p);
        if let Some(&(g, e)) = entry_slot.get(&k) {
            groups[g][e].1 += 1;
            continue;
        }
        let group_key = k.map(|(g, _)| g);
        let g = *group_slot.entry(group_key).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        entry_slot.insert(k, (g, groups[g].len()));
        groups[g].push((i, 1, k.ok().map(|(_, v)| v)));
    }
    let distinct = entry_slot.len();
    let groups = groups
        .into_iter()
        .map(|entries| NearGroup {
            entries: entries
                .into_iter()
                .enumerate()
                .map(|(n, (first, count, variant))| {
                    let p = &paragraphs[first];
                    let changed = if n == 0 {
                        Vec::new()
                    } else {
                        changed_spans(analysis, p.index, variant)
                    };
                    CaptionEntry {
                        first,
                        count,
                        words: cut(&p.text(), &changed),
                    }
                })
                .collect(),
        })
        .collect();
    CaptionRun {
        distinct,
        groups,
        paragraphs,
    }
}

/// The changed words of `paragraph`'s variant, as code-point offsets into that paragraph. The
/// stage gives them for the variant's first copy; every copy has the same text, so they shift.
fn changed_spans(
    analysis: &Analysis,
    paragraph: usize,
    variant: Option<usize>,
) -> Vec<(usize, usize)> {
    let (Some(v), Some(p)) = (variant, analysis.paragraphs.get(paragraph)) else {
        return Vec::new();
    };
    let Some(variant) = analysis
        .caption_groups
        .iter()
        .flat_map(|g| g.variants.get(v).filter(|x| x.members.contains(&paragraph)))
        .next()
    else {
        return Vec::new();
    };
    let Some(first) = variant
        .members
        .first()
        .and_then(|&m| analysis.paragraphs.get(m))
    else {
        return Vec::new();
    };
    variant
        .changed
        .iter()
        .filter(|s| first.start <= s.start && s.end <= first.end)
        .map(|s| (s.start - first.start, s.end - first.start))
        .filter(|&(_, end)| end <= p.end - p.start)
        .collect()
}

/// Cuts `text` at the code-point spans `changed` (sorted, not overlapping).
fn cut(text: &str, changed: &[(usize, usize)]) -> Vec<DiffWord> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut at = 0;
    for &(start, end) in changed {
        if start < at || end > chars.len() {
            continue;
        }
        if start > at {
            out.push(DiffWord {
                text: chars[at..start].iter().collect(),
                changed: false,
            });
        }
        out.push(DiffWord {
            text: chars[start..end].iter().collect(),
            changed: true,
        });
        at = end;
    }
    if at < chars.len() || out.is_empty() {
        out.push(DiffWord {
            text: chars[at..].iter().collect(),
            changed: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reading::reading_model;

    #[test]
    fn cut_keeps_every_character() {
        let words = cut("a view of a street of Sudzha", &[(10, 21)]);
        let joined: String = words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(joined, "a view of a street of Sudzha");
        assert_eq!(words[1].text, "a street of");
        assert!(words[1].changed && !words[0].changed);
    }

    /// A whole page pasted as text: the menu before the story and the links after it fold into
    /// one strip each; the story's paragraphs stay; a text with no story folds nothing.
    #[test]
    fn furniture_runs_fold() {
        let story = "Russian President Vladimir Putin said Friday he supports a ceasefire proposal in principle, but details remain to be worked out, according to Kremlin spokesman Dmitry Peskov in Moscow.";
        let mut text = String::new();
        for line in ["Home", "World", "Sport", "Business", "Weather"] {
            text.push_str(line);
            text.push('\n');
        }
        for _ in 0..4 {
            text.push_str(story);
            text.push('\n');
        }
        text.push_str("Share on Facebook\nShare on X\nMost read");
        let mut analysis = crate::analyze_text(&text);
        // Fix the roles so the test is about folding, not about the classifier.
        for (i, p) in analysis.paragraphs.iter_mut().enumerate() {
            p.role = if (5..9).contains(&i) {
                Role::Body
            } else {
                Role::Boilerplate
            };
        }
        let paragraphs = reading_model(&text, &analysis).remove(0).paragraphs;
        let blocks = CaptionFolder::new(&analysis).fold(&paragraphs);
        let shape: Vec<String> = blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => format!("p{}", p.index),
                Block::Furniture(run) => format!("furniture {}", run.len()),
                Block::Captions(run) => format!("captions {}", run.paragraphs.len()),
            })
            .collect();
        assert_eq!(
            shape,
            ["furniture 5", "p5", "p6", "p7", "p8", "furniture 3"]
        );
        for p in &mut analysis.paragraphs {
            p.role = Role::Boilerplate;
        }
        let blocks = CaptionFolder::new(&analysis).fold(&paragraphs);
        assert!(blocks.iter().all(|b| matches!(b, Block::Paragraph(_))));
    }

    /// The sample: the first caption run folds 16 captions; the Sudzha pair is one group whose
    /// second variant marks "a street of".
    #[test]
    fn the_samples_first_caption_run() {
        let text = crate::SAMPLE_ARTICLE;
        let analysis = crate::analyze_text(text);
        let article = reading_model(text, &analysis).remove(0);
        let blocks = fold_captions(&article.paragraphs, &analysis);
        assert_eq!(blocks, article.blocks, "the model holds the folded blocks");
        let runs: Vec<&CaptionRun> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Captions(r) => Some(r.as_ref()),
                Block::Paragraph(_) | Block::Furniture(_) => None,
            })
            .collect();
        assert!(!runs.is_empty());
        let first = runs[0];
        assert_eq!(first.paragraphs.len(), 16);
        let entries: usize = first.groups.iter().map(|g| g.entries.len()).sum();
        assert_eq!(entries, first.distinct);
        let sudzha = first
            .groups
            .iter()
            .find(|g| g.entries.len() > 1)
            .expect("a near-duplicate group");
        let marked: String = sudzha.entries[1]
            .words
            .iter()
            .filter(|w| w.changed)
            .map(|w| w.text.as_str())
            .collect();
        assert_eq!(marked, "a street of");
        assert_eq!(sudzha.entries[0].count, 4);
    }
}
