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
    let sentences = unlabelled_sentences()?;
    for sentence in &sentences {
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
    let people = titled_names(&sentences);
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
            if kind == "WORG" && people.contains(&key) {
                continue;
            }
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

/// Words before a person's name: a title (`President`, `Prime Minister`, `Sen.`) or an honorific.
const PERSON_TITLES: &[&str] = &[
    "President",
    "Premier",
    "Minister",
    "Chancellor",
    "Senator",
    "Sen.",
    "Rep.",
    "Gov.",
    "Governor",
    "Mayor",
    "Secretary",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Pope",
    "King",
    "Queen",
    "Sheikh",
    "Ayatollah",
];

/// How often a one-word name may be written in lower case in the unlabelled news (in a handle or
/// a web address's pieces) and still count as a name.
const LOWER_CASE_SLIPS: usize = 5;

/// Keys of the names the unlabelled news prints right after a person's title: each opening run
/// of the capitalised words that follow one (`President Recep Tayyip Erdogan`: `recep`, `recep
/// tayyip`, `recep tayyip erdogan`). Wikipedia's organisation titles and redirects name people
/// too (`Benjamin Netanyahu`, `Erdogan`, `Clinton`), and such an entry pulls the person to ORG:
/// these are left out of `WORG`. A one-word name must follow a title twice, and never be written
/// in lower case more than `LOWER_CASE_SLIPS` times, so a stray capital takes nothing out.
fn titled_names(sentences: &[Vec<String>]) -> HashSet<String> {
    use std::collections::HashMap;
    let mut lower_words: HashMap<&str, usize> = HashMap::new();
    for sentence in sentences {
        for word in sentence {
            if word.starts_with(char::is_lowercase) {
                *lower_words.entry(word).or_default() += 1;
            }
        }
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for sentence in sentences {
        for (i, word) in sentence.iter().enumerate() {
            if !PERSON_TITLES.contains(&word.as_str()) {
                continue;
            }
            let run = sentence[i + 1..].iter().take(MAX_TOKENS).take_while(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars().any(char::is_lowercase)
                    && !PERSON_TITLES.contains(&w.as_str())
            });
            let mut key = String::new();
            for (k, word) in run.enumerate() {
                if k > 0 {
                    key.push(' ');
                }
                key.push_str(&word.to_lowercase());
                *seen.entry(key.clone()).or_default() += 1;
            }
        }
    }
    seen.into_iter()
        .filter(|(key, count)| {
            let slips = lower_words.get(key.as_str()).copied().unwrap_or(0);
            key.contains(' ') || (*count >= 2 && slips <= LOWER_CASE_SLIPS)
        })
        .map(|(key, _)| key)
        .collect()
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

    /// Names after a title: several words once, one word twice and hardly ever in lower case.
    #[test]
    fn titled_names_are_people() {
        let sentences: Vec<Vec<String>> = [
            "Prime Minister Narendra Modi met President Erdogan",
            "Mr. Erdogan said the Cabinet met",
            "Gov. Bush spoke as Mr. Bush left",
            "a bush and a bush and a bush and a bush and a bush and a bush",
            "Secretary Smith said , and Mr. Jones",
        ]
        .iter()
        .map(|s| s.split(' ').map(String::from).collect())
        .collect();
        let people = titled_names(&sentences);
        for key in ["narendra modi", "erdogan"] {
            assert!(people.contains(key), "{key}");
        }
        // `Narendra` alone followed a title once; `Bush` is a plant too; `Modi` never opens a run.
        for key in ["narendra", "bush", "smith", "jones", "cabinet", "modi"] {
            assert!(!people.contains(key), "{key}");
        }
    }

    #[test]
    fn list_lines_are_cleaned() {
        assert_eq!(clean("\u{feff}Apple Inc. (company)\n"), "Apple Inc.");
        assert_eq!(clean("Labour Party"), "Labour Party");
        assert_eq!(clean("a\tb"), "a b");
    }
}
