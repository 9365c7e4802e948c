//! Corrections to names: type, "not a name", a missed name, the span, and the clusters.
//!
//! During the corrections an entity's `cluster` is the truth, and a cluster's `mentions` list is
//! left stale; `finish::renumber` rebuilds every list and id once at the end.

use super::{clean_value, crosses_paragraphs, in_one_paragraph, no_mark, short, slice};
use super::{Outcome, Scope, Target, MAX_VALUE_CHARS, NAME_LABELS, NUMBER_LABELS, READER};
use crate::analysis::offsets::CharIndex;
use crate::analysis::{Analysis, Cluster, Entity, Role};

/// The entity exactly at the target's span.
fn at(out: &Analysis, t: &Target) -> Option<usize> {
    out.entities
        .iter()
        .position(|e| e.start == t.start && e.end == t.end)
}

/// The entities a correction reaches: the target mention, every mention with its text, or its
/// whole cluster. `None` when the target mention is gone.
fn reach(out: &Analysis, t: &Target, scope: Scope) -> Option<Vec<usize>> {
    let first = at(out, t)?;
    let all = |keep: &dyn Fn(&Entity) -> bool| -> Vec<usize> {
        (0..out.entities.len())
            .filter(|&i| keep(&out.entities[i]))
            .collect()
    };
    Some(match (scope, out.entities[first].cluster) {
        (Scope::One, _) => vec![first],
        (Scope::Cluster, Some(c)) => all(&|e| e.cluster == Some(c)),
        (Scope::SameText, _) | (Scope::Cluster, None) => all(&|e| e.text == t.text),
    })
}

fn known_label(label: &str) -> Result<&'static str, Outcome> {
    NAME_LABELS
        .iter()
        .chain(NUMBER_LABELS)
        .find(|l| **l == label)
        .copied()
        .ok_or_else(|| Outcome::Invalid {
            why: format!("“{}” is not an entity type", short(label)),
        })
}

fn is_name(label: &str) -> bool {
    NAME_LABELS.contains(&label)
}

/// A new, empty cluster of the reader's; its mentions are filled in at the end.
fn new_cluster(out: &mut Analysis, name: &str, label: &str) -> usize {
    out.clusters.push(Cluster {
        id: out.clusters.len(),
        name: name.to_string(),
        label: label.to_string(),
        mentions: Vec::new(),
        role: None,
        count: 0,
        body_count: 0,
        source: Some(READER.to_string()),
    });
    out.clusters.len() - 1
}

/// The longest text among some mentions: the name a new cluster of them goes by.
fn longest(out: &Analysis, members: &[usize]) -> String {
    members
        .iter()
        .map(|&i| out.entities[i].text.as_str())
        .max_by_key(|t| t.chars().count())
        .unwrap_or_default()
        .to_string()
}

/// Whether every mention of cluster `c` is among `members`.
fn whole_cluster(out: &Analysis, c: usize, members: &[usize]) -> bool {
    out.entities
        .iter()
        .enumerate()
        .all(|(i, e)| e.cluster != Some(c) || members.contains(&i))
}

/// Moves `members` to a cluster of their own with `label`: the one they make up already when
/// they are all of it, else a new one.
fn regroup(out: &mut Analysis, members: &[usize], label: &str) {
    let old = members.first().and_then(|&i| out.entities[i].cluster);
    let same_old = members.iter().all(|&i| out.entities[i].cluster == old);
    let cluster = match old {
        Some(c) if same_old && whole_cluster(out, c, members) => c,
        _ => {
            let name = longest(out, members);
            new_cluster(out, &name, label)
        }
    };
    let c = &mut out.clusters[cluster];
    c.label = label.to_string();
    c.source = Some(READER.to_string());
    for &i in members {
        out.entities[i].cluster = Some(cluster);
    }
}

/// The mentions take another type. A name's cluster follows when all of it is retyped; mentions
/// retyped apart from their cluster leave it for one of their own (a cluster is one thing of one
/// type). A number has no cluster.
pub fn relabel(out: &mut Analysis, t: &Target, label: &str, scope: Scope) -> Outcome {
    let label = match known_label(label) {
        Ok(l) => l,
        Err(o) => return o,
    };
    let Some(members) = reach(out, t, scope) else {
        return no_mark("name", t);
    };
    for &i in &members {
        let e = &mut out.entities[i];
        e.label = label.to_string();
        e.source = Some(READER.to_string());
        if !is_name(label) {
            e.cluster = None;
        }
    }
    if is_name(label) {
        // One group per old cluster (mentions without one group by their text).
        // Keyed by the old cluster, or by the text for mentions without one.
        type Key<'a> = (Option<usize>, &'a str);
        let mut groups: Vec<(Key, Vec<usize>)> = Vec::new();
        for &i in &members {
            let e = &out.entities[i];
            let key = (
                e.cluster,
                if e.cluster.is_some() {
                    ""
                } else {
                    e.text.as_str()
                },
            );
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, group)) => group.push(i),
                None => groups.push((key, vec![i])),
            }
        }
        let groups: Vec<Vec<usize>> = groups.into_iter().map(|(_, g)| g).collect();
        for group in groups {
            regroup(out, &group, label);
        }
    }
    Outcome::Applied {
        marks: members.len(),
    }
}

/// The mentions are not names.
pub fn remove(out: &mut Analysis, t: &Target, scope: Scope) -> Outcome {
    let Some(members) = reach(out, t, scope) else {
        return no_mark("name", t);
    };
    let mut k = 0;
    out.entities.retain(|_| {
        k += 1;
        !members.contains(&(k - 1))
    });
    Outcome::Applied {
        marks: members.len(),
    }
}

/// Where `needle` occurs in `text` as whole words, in code points.
fn occurrences(text: &str, index: &CharIndex, needle: &str) -> Vec<(usize, usize)> {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let first = needle.chars().next();
    let last = needle.chars().next_back();
    text.match_indices(needle)
        .filter(|(b, _)| {
            // Only a boundary where the name itself starts or ends with a word character.
            let before = text[..*b].chars().next_back();
            let after = text[b + needle.len()..].chars().next();
            !((word(first) && word(before)) || (word(last) && word(after)))
        })
        .map(|(b, _)| (index.char_of(b), index.char_of(b + needle.len())))
        .collect()
}

/// The sentence that holds code point `start` (the last one starting at or before it).
fn sentence_of(out: &Analysis, start: usize) -> usize {
    out.sentences
        .partition_point(|s| s.start <= start)
        .saturating_sub(1)
}

/// The names the analysis missed: the target, or every whole-word occurrence of its text. Marks
/// they overlap give way. A name joins the cluster already going by that name and type, if any.
pub fn add(
    text: &str,
    index: &CharIndex,
    out: &mut Analysis,
    t: &Target,
    label: &str,
    scope: Scope,
) -> Outcome {
    let label = match known_label(label) {
        Ok(l) => l,
        Err(o) => return o,
    };
    if t.text.trim() != t.text {
        return Outcome::Invalid {
            why: "a name cannot start or end with a space".to_string(),
        };
    }
    if t.text.chars().count() > MAX_VALUE_CHARS {
        return Outcome::Invalid {
            why: format!("a name longer than {MAX_VALUE_CHARS} characters"),
        };
    }
    let spans = match scope {
        Scope::One => vec![(t.start, t.end)],
        Scope::SameText | Scope::Cluster => {
            let mut spans = occurrences(text, index, &t.text);
            if !spans.contains(&(t.start, t.end)) {
                spans.push((t.start, t.end));
                spans.sort_unstable();
            }
            spans
        }
    };
    if !in_one_paragraph(out, t.start, t.end) {
        return crosses_paragraphs();
    }
    let cluster = is_name(label).then(|| {
        out.clusters
            .iter()
            .position(|c| c.name == t.text && c.label == label)
            .unwrap_or_else(|| new_cluster(out, &t.text, label))
    });
    out.entities
        .retain(|e| !spans.iter().any(|&(s, end)| e.start < end && s < e.end));
    for &(start, end) in &spans {
        let sentence = sentence_of(out, start);
        let paragraph = out.sentences.get(sentence).map_or(0, |s| s.paragraph);
        let role = out.paragraphs.get(paragraph).map(|p| p.role);
        out.entities.push(Entity {
            start,
            end,
            text: t.text.clone(),
            label: label.to_string(),
            cluster,
            sentence,
            paragraph,
            role: None,
            in_caption: role.is_some_and(|r| r != Role::Body),
            source: Some(READER.to_string()),
        });
    }
    Outcome::Applied { marks: spans.len() }
}

/// The mention covers `start..end` instead: more words or fewer. Other marks inside the new span
/// give way.
pub fn resize(
    text: &str,
    index: &CharIndex,
    out: &mut Analysis,
    t: &Target,
    start: usize,
    end: usize,
) -> Outcome {
    let Some(i) = at(out, t) else {
        return no_mark("name", t);
    };
    let Some(new_text) = slice(text, index, start, end).filter(|s| !s.trim().is_empty()) else {
        return Outcome::Invalid {
            why: "the new span is empty or outside the text".to_string(),
        };
    };
    if !(start < t.end && t.start < end) {
        return Outcome::Invalid {
            why: "the new span does not overlap the mention".to_string(),
        };
    }
    if new_text.chars().count() > MAX_VALUE_CHARS {
        return Outcome::Invalid {
            why: format!("a name longer than {MAX_VALUE_CHARS} characters"),
        };
    }
    if !in_one_paragraph(out, start, end) {
        return crosses_paragraphs();
    }
    let e = &mut out.entities[i];
    e.start = start;
    e.end = end;
    e.text = new_text.to_string();
    e.source = Some(READER.to_string());
    let mut k = 0;
    out.entities.retain(|e| {
        k += 1;
        k - 1 == i || !(e.start < end && start < e.end)
    });
    Outcome::Applied { marks: 1 }
}

/// The cluster of the mention at `with` joins the target mention's cluster: its mentions take
/// that cluster's type, and the cluster keeps the longer name.
pub fn merge(out: &mut Analysis, t: &Target, with: &Target) -> Outcome {
    let (Some(a), Some(b)) = (at(out, t), at(out, with)) else {
        return no_mark("name", if at(out, t).is_none() { t } else { with });
    };
    let (Some(ca), Some(cb)) = (out.entities[a].cluster, out.entities[b].cluster) else {
        return Outcome::Invalid {
            why: "only names can be merged".to_string(),
        };
    };
    if ca == cb {
        return Outcome::Applied { marks: 0 };
    }
    let label = out.clusters[ca].label.clone();
    let mut moved = 0;
    for e in out.entities.iter_mut().filter(|e| e.cluster == Some(cb)) {
        e.cluster = Some(ca);
        e.label = label.clone();
        moved += 1;
    }
    let absorbed = out.clusters[cb].clone();
    let kept = &mut out.clusters[ca];
    if absorbed.name.chars().count() > kept.name.chars().count() {
        kept.name = absorbed.name;
    }
    if kept.role.is_none() {
        kept.role = absorbed.role;
    }
    kept.source = Some(READER.to_string());
    Outcome::Applied { marks: moved }
}

/// The mentions leave their cluster for one of their own.
pub fn split(out: &mut Analysis, t: &Target, scope: Scope) -> Outcome {
    let scope = if scope == Scope::Cluster {
        Scope::SameText
    } else {
        scope
    };
    let Some(members) = reach(out, t, scope) else {
        return no_mark("name", t);
    };
    let members: Vec<usize> = members
        .into_iter()
        .filter(|&i| out.entities[i].cluster.is_some())
        .collect();
    let Some(&first) = members.first() else {
        return Outcome::Invalid {
            why: "only names belong to clusters".to_string(),
        };
    };
    let label = out.entities[first].label.clone();
    let name = longest(out, &members);
    let cluster = new_cluster(out, &name, &label);
    for &i in &members {
        out.entities[i].cluster = Some(cluster);
    }
    Outcome::Applied {
        marks: members.len(),
    }
}

/// The target mention's cluster, or why there is none.
fn cluster_of(out: &Analysis, t: &Target) -> Result<usize, Outcome> {
    let i = at(out, t).ok_or_else(|| no_mark("name", t))?;
    out.entities[i].cluster.ok_or_else(|| Outcome::Invalid {
        why: "only names have clusters".to_string(),
    })
}

/// The cluster goes by `name`.
pub fn rename(out: &mut Analysis, t: &Target, name: &str) -> Outcome {
    let (c, name) = match (cluster_of(out, t), clean_value(name)) {
        (Ok(c), Ok(name)) => (c, name),
        (Err(o), _) | (_, Err(o)) => return o,
    };
    // The quotes it is said to have spoken go by the new name too.
    for q in &mut out.quotes {
        if let Some(s) = q.speaker.as_mut().filter(|s| s.cluster == Some(c)) {
            s.name = Some(name.clone());
        }
    }
    let cluster = &mut out.clusters[c];
    cluster.name = name;
    cluster.source = Some(READER.to_string());
    Outcome::Applied { marks: 1 }
}

/// The cluster has `role`, or none.
pub fn set_role(out: &mut Analysis, t: &Target, role: Option<&str>) -> Outcome {
    let c = match cluster_of(out, t) {
        Ok(c) => c,
        Err(o) => return o,
    };
    let role = match role.map(clean_value).transpose() {
        Ok(r) => r,
        Err(o) => return o,
    };
    let cluster = &mut out.clusters[c];
    cluster.role = role;
    cluster.source = Some(READER.to_string());
    Outcome::Applied { marks: 1 }
}
