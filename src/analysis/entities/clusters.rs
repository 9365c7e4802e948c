//! Clusters: the mentions of one thing, under one readable name.
//!
//! People are keyed by surname: `Vladimir Putin`, `Putin` and `Putin’s` (the tokenizer splits
//! `’s` off) share `putin`; a surname spelt two ways (`Zelenskyy`, `Zelensky`) is one person when
//! the spellings share a 5-letter prefix and differ by at most two edits. Other names are keyed
//! by their letters without dots (`U.S.` = `US`) and also by their initials (`United States` →
//! `us`, `European Union` → `eu`), so an acronym joins its long form. The name shown is the
//! longest mention.
//!
//! Cost: one hash lookup per mention, plus, for each surname, a comparison with the surnames
//! sharing its first five letters (a handful), so the whole is linear in the mentions.

use crate::analysis::case::lower;
use std::collections::HashMap;

/// One mention to cluster: its text (typography normalised) split into words, and its label.
#[derive(Debug, Clone)]
pub struct MentionText<'a> {
    pub words: Vec<&'a str>,
    pub label: &'a str,
}

/// A cluster: indices into the mentions, the name shown, and the majority label.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub mentions: Vec<usize>,
    pub name: String,
    pub label: String,
}

const SKIP_IN_ACRONYM: &[&str] = &["of", "the", "and", "for", "&", "de", "la", "on"];

fn key_of(words: &[&str]) -> String {
    words
        .iter()
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `United States` → `us`; `North Atlantic Treaty Organization` → `nato`. `None` for one word.
#[inline(never)]
fn acronym_of(words: &[&str]) -> Option<String> {
    let content: Vec<&&str> = words
        .iter()
        .filter(|w| !SKIP_IN_ACRONYM.contains(&&*lower(w)))
        .collect();
    if content.len() < 2
        || !content
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    Some(
        content
            .iter()
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_lowercase)
            .collect(),
    )
}

/// Levenshtein distance, giving up (returning `limit + 1`) past `limit`.
fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Two spellings of one surname: `zelenskyy` / `zelensky`.
fn same_surname(a: &str, b: &str) -> bool {
    let prefix = |s: &str| s.chars().take(5).collect::<String>();
    a.chars().count() >= 6
        && b.chars().count() >= 6
        && prefix(a) == prefix(b)
        && edit_distance(a, b, 2) <= 2
}

/// Disjoint sets over cluster ids.
struct Union(Vec<usize>);

impl Union {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

/// Groups `mentions` into clusters, in order of first mention.
pub fn cluster(mentions: &[MentionText]) -> Vec<Group> {
    let mut key_ids: HashMap<String, usize> = HashMap::new();
    let mut keys: Vec<String> = Vec::new();
    let mut id_of = |key: String, keys: &mut Vec<String>| -> usize {
        *key_ids.entry(key.clone()).or_insert_with(|| {
            keys.push(key);
            keys.len() - 1
        })
    };
    // Each mention gets a primary key. A long name also offers its initials (`European Union` →
    // `eu`); a one-word mention whose key is such an acronym joins the long name. Two long names
    // with the same initials (`Group of Seven`, `General Staff`) stay apart.
    let mut primary = Vec::with_capacity(mentions.len());
    let mut acronym_owner: HashMap<String, usize> = HashMap::new();
    // An organisation's last word (`Time Warner` → `warner`), owned by the one organisation that
    // ends in it (`None` when two do): a one-word organisation mention joins it.
    let mut last_word_owner: HashMap<String, Option<usize>> = HashMap::new();
    let mut single_orgs: Vec<(usize, String)> = Vec::new();
    for m in mentions {
        let id = if m.label == "PER" {
            let surname = m.words.last().map_or(String::new(), |w| key_of(&[w]));
            id_of(format!("PER:{surname}"), &mut keys)
        } else {
            let key = key_of(&m.words);
            let id = id_of(format!("NAME:{key}"), &mut keys);
            if let Some(acronym) = acronym_of(&m.words) {
                acronym_owner.entry(acronym).or_insert(id);
            }
            if m.label == "ORG" {
                match m.words.as_slice() {
                    [_] => single_orgs.push((id, key)),
                    [.., last] => {
                        let owner = last_word_owner.entry(key_of(&[last])).or_insert(Some(id));
                        if *owner != Some(id) {
                            *owner = None;
                        }
                    }
                    [] => {}
                }
            }
            id
        };
        primary.push(id);
    }
    let mut sets = Union((0..keys.len()).collect());
    for (id, key) in keys.iter().enumerate() {
        if let Some(owner) = key.strip_prefix("NAME:").and_then(|k| acronym_owner.get(k)) {
            sets.join(id, *owner);
        }
    }
    for (id, key) in &single_orgs {
        if let Some(Some(owner)) = last_word_owner.get(key) {
            sets.join(*id, *owner);
        }
    }
    // Surname variants: compare within buckets of the first five letters.
    let mut buckets: HashMap<String, Vec<usize>> = HashMap::new();
    for (id, key) in keys.iter().enumerate() {
        if let Some(surname) = key.strip_prefix("PER:") {
            let bucket = buckets
                .entry(surname.chars().take(5).collect())
                .or_default();
            for &other in bucket.iter().take(16) {
                if same_surname(surname, &keys[other][4..]) {
                    sets.join(id, other);
                }
            }
            bucket.push(id);
        }
    }
    // Gather, in order of first mention.
    let mut group_of_root: HashMap<usize, usize> = HashMap::new();
    let mut groups: Vec<Group> = Vec::new();
    for (i, &id) in primary.iter().enumerate() {
        let root = sets.find(id);
        let g = *group_of_root.entry(root).or_insert_with(|| {
            groups.push(Group {
                mentions: Vec::new(),
                name: String::new(),
                label: String::new(),
            });
            groups.len() - 1
        });
        groups[g].mentions.push(i);
    }
    for g in &mut groups {
        // The longest mention names the cluster, preferring one not in capitals (`London` over a
        // dateline's `LONDON`), then the first; the majority label wins.
        let shouting = |i: usize| {
            let w = &mentions[i].words;
            w.iter().all(|w| !w.chars().any(char::is_lowercase))
                && w.iter().any(|w| w.chars().count() > 3)
        };
        let best = g
            .mentions
            .iter()
            .copied()
            .max_by_key(|&i| (mentions[i].words.len(), !shouting(i), std::cmp::Reverse(i)))
            .expect("a group has a mention");
        g.name = mentions[best].words.join(" ").replace(" 's", "'s");
        let mut votes: Vec<(&str, usize)> = Vec::new();
        for &i in &g.mentions {
            match votes.iter_mut().find(|(l, _)| *l == mentions[i].label) {
                Some(v) => v.1 += 1,
                None => votes.push((mentions[i].label, 1)),
            }
        }
        let top = votes.iter().map(|v| v.1).max().unwrap_or(0);
        g.label = votes
            .iter()
            .find(|v| v.1 == top)
            .map_or(String::new(), |v| v.0.to_string());
    }
    groups
}

#[cfg(test)]
// Test tables are tuples of slices, on purpose: one row a case.
#[allow(clippy::type_complexity)]
mod tests {
    use super::*;

    fn groups(mentions: &[(&str, &str)]) -> Vec<(String, Vec<usize>)> {
        let m: Vec<MentionText> = mentions
            .iter()
            .map(|&(t, l)| MentionText {
                words: t.split(' ').collect(),
                label: l,
            })
            .collect();
        cluster(&m)
            .into_iter()
            .map(|g| (g.name, g.mentions))
            .collect()
    }

    #[test]
    fn named_cases() {
        let cases: &[(&str, &[(&str, &str)], &[(&str, &[usize])])] = &[
            (
                "surname joins full name",
                &[
                    ("Putin", "PER"),
                    ("Vladimir Putin", "PER"),
                    ("Putin", "PER"),
                ],
                &[("Vladimir Putin", &[0, 1, 2])],
            ),
            (
                "spelling variants",
                &[("Volodymyr Zelenskyy", "PER"), ("Zelensky", "PER")],
                &[("Volodymyr Zelenskyy", &[0, 1])],
            ),
            (
                "acronyms and dots",
                &[("U.S.", "LOC"), ("United States", "LOC"), ("US", "LOC")],
                &[("United States", &[0, 1, 2])],
            ),
            (
                "EU",
                &[("European Union", "ORG"), ("EU", "ORG")],
                &[("European Union", &[0, 1])],
            ),
            (
                "same initials, different names",
                &[
                    ("Group of Seven", "ORG"),
                    ("General Staff", "ORG"),
                    ("GS", "ORG"),
                ],
                &[("Group of Seven", &[0, 2]), ("General Staff", &[1])],
            ),
            (
                "dateline capitals lose to the usual spelling",
                &[("LONDON", "LOC"), ("London", "LOC")],
                &[("London", &[0, 1])],
            ),
            (
                "different people",
                &[("Donald Trump", "PER"), ("Keir Starmer", "PER")],
                &[("Donald Trump", &[0]), ("Keir Starmer", &[1])],
            ),
            (
                "short names are not variants",
                &[("Ivan", "PER"), ("Ivanov", "PER")],
                &[("Ivan", &[0]), ("Ivanov", &[1])],
            ),
        ];
        for (name, input, expected) in cases {
            let want: Vec<(String, Vec<usize>)> = expected
                .iter()
                .map(|&(n, m)| (n.to_string(), m.to_vec()))
                .collect();
            assert_eq!(groups(input), want, "{name}");
        }
    }

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("zelenskyy", "zelensky", 2), 1);
        assert_eq!(edit_distance("kitten", "sitting", 5), 3);
        assert_eq!(edit_distance("a", "abcdef", 2), 3);
    }
}
