//! The Wikipedia name lists the tagger ships, cut to the names news actually writes.
//!
//! `../shared/data/ner-extra/` has Wikipedia-derived lists of organisations (245k titles and
//! redirects, Illinois NER's KnownLists) and places (360k), and two short curated lists (well-known
//! corporations, government agencies). Whole, they are 3 MB compressed: too big
//! for a page that must load in a blink, and mostly names no article will ever print. So a name is
//! kept only when the unlabelled news of `recipe::unlabelled_sentences` prints it, capitalised, at
//! least once: about 10k names, 50 KB compressed. On the dev sets this keeps most of what the whole
//! lists give (see `model/README.md`).
//!
//! Matching is on the tagger's own keys (`gazetteer::key_of`: tokens as the tagger cuts them, lower
//! case), so a kept name is one the tagger can match.

use std::collections::HashSet;

use super::recipe::{unlabelled_sentences, SHARED};
use crate::analysis::entities::gazetteer::key_of;
use crate::error::{Error, Result};

/// The lists read, each with the kind its names get and whether a name must be printed in the
/// unlabelled news to be kept. The two short curated lists (well-known corporations, government
/// agencies) are of the curated kind `ORG`, like `lexicon.names`' organisations; the long
/// Wikipedia lists have kinds of their own, since they are noisier: some of their titles and
/// redirects are people (`Boris Yeltsin`, `Al Sharpton`), so the tagger must learn how far to
/// trust them, and `conventions` never treats them as certain.
const LISTS: &[(&str, &str, bool)] = &[
    ("WORG", "gazetteers-grobid-org/WikiOrganizations.lst", true),
    (
        "WORG",
        "gazetteers-grobid-org/WikiOrganizationsRedirects.lst",
        true,
    ),
    ("ORG", "gazetteers-grobid-org/known_corporations.lst", false),
    (
        "ORG",
        "gazetteers-grobid-org/government.government_agency",
        true,
    ),
    ("WLOC", "gazetteers-grobid-loc/WikiLocations.lst", true),
    (
        "WLOC",
        "gazetteers-grobid-loc/WikiLocationsRedirects.lst",
        true,
    ),
    ("WLOC", "gazetteers-grobid-loc/location.country", true),
];

/// The longest name kept, in tokens (the gazetteer matches at most this many).
const MAX_TOKENS: usize = 6;

/// `KIND<TAB>name` lines, sorted and unique: the names of the lists that the unlabelled news
/// prints with a capital.
pub fn build() -> Result<String> {
    let mut printed: HashSet<String> = HashSet::new();
    for sentence in unlabelled_sentences()? {
        let lower: Vec<String> = sentence.iter().map(|w| w.to_lowercase()).collect();
        for start in 0..sentence.len() {
            if !sentence[start].starts_with(char::is_uppercase) {
                continue;
            }
            let mut key = String::new();
            for (i, word) in lower[start..].iter().take(MAX_TOKENS).enumerate() {
                if i > 0 {
                    key.push(' ');
                }
                key.push_str(word);
                printed.insert(key.clone());
            }
        }
    }
    let mut rows: Vec<(&str, String)> = Vec::new();
    for &(kind, file, printed_only) in LISTS {
        let path = format!("{SHARED}/ner-extra/{file}");
        let bytes = std::fs::read(&path).map_err(|e| Error::Io {
            path: path.clone(),
            message: e.to_string(),
        })?;
        for line in String::from_utf8_lossy(&bytes).lines() {
            let name = clean(line);
            // Lists in lower case carry no case, and a gazetteer entry without capitals would
            // match common words.
            if name.chars().count() < 2 || !name.chars().any(char::is_uppercase) {
                continue;
            }
            let (key, _) = key_of(&name);
            if key.split(' ').count() <= MAX_TOKENS && (!printed_only || printed.contains(&key)) {
                rows.push((kind, name));
            }
        }
    }
    rows.sort();
    rows.dedup();
    Ok(rows
        .iter()
        .map(|(kind, name)| format!("{kind}\t{name}\n"))
        .collect())
}

/// A list line without a byte-order mark, a trailing `(disambiguation)` or tabs.
fn clean(line: &str) -> String {
    let line = line.trim().trim_start_matches('\u{feff}');
    let line = match line.rfind(" (") {
        Some(i) if line.ends_with(')') => &line[..i],
        _ => line,
    };
    line.replace('\t', " ").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_lines_are_cleaned() {
        assert_eq!(clean("\u{feff}Apple Inc. (company)\n"), "Apple Inc.");
        assert_eq!(clean("Labour Party"), "Labour Party");
        assert_eq!(clean("a\tb"), "a b");
    }
}
