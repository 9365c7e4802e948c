//! The personal lexicon: names a reader retyped or added, kept in this browser.
//!
//! Plain data. The app keeps it in localStorage and shows it; the reader can export, import and
//! clear it; `analysis::Options::lexicon` hands its names to the entity stage, which reads them
//! as gazetteer entries of the reader's own (`analysis::entities::overlay`).
//!
//! What comes back from storage or from a file is untrusted: `from_json` and `import` turn any
//! input into a lexicon or an `Error::Lexicon` that says what is wrong, and never panic.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::analysis::entities::gazetteer::{key_of, MAX_LEN};
use crate::error::{Error, Result};

/// The format `to_json` writes. A stored lexicon of a later version is refused with a message
/// rather than read wrong.
pub const LEXICON_VERSION: u32 = 1;

/// The types a reader can give a name: the tagger's four.
pub const LABELS: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// The longest name, in characters. Names are a few words; a paragraph pasted by mistake is not.
pub const MAX_NAME_CHARS: usize = 100;

/// The most names a lexicon holds: far more than a reader types, few enough that building the
/// tagger's overlay from them stays well under a millisecond per analysis.
pub const MAX_NAMES: usize = 10_000;

/// The largest JSON text `from_json` and `import` read (about 80 bytes a name, times `MAX_NAMES`,
/// with room to spare), so a wrong file is refused before it is parsed.
pub const MAX_JSON_BYTES: usize = 2 << 20;

/// One name and its type (one of `LABELS`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LexiconName {
    pub name: String,
    pub label: String,
}

/// The reader's names, in the order they were first added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lexicon {
    pub version: u32,
    pub names: Vec<LexiconName>,
}

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon {
            version: LEXICON_VERSION,
            names: Vec::new(),
        }
    }
}

/// What `Lexicon::add` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// A new name.
    Added,
    /// A name already there, now with another type (or another spelling of its capitals).
    Changed,
    /// The name was already there, as it is.
    Unchanged,
}

/// What `Lexicon::import` did: how many of the file's names were new, how many changed a name
/// already there, and how many were there already.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Imported {
    pub added: usize,
    pub changed: usize,
    pub unchanged: usize,
}

/// A name with its white space trimmed and collapsed to single spaces: `  Zorblat \n Quenth `
/// is `Zorblat Quenth`.
pub fn tidy_name(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What makes two spellings one name: they differ only in case. The tagger matches `ACME` and
/// `Acme` alike, so keeping both would give one name two types.
fn identity(name: &str) -> String {
    name.to_lowercase()
}

fn invalid(message: String) -> Error {
    Error::Lexicon(message)
}

/// Checks one name (already tidied) and its label, saying what is wrong.
fn check(name: &str, label: &str) -> Result<()> {
    if !LABELS.contains(&label) {
        return Err(invalid(format!(
            "the type of \"{}\" is \"{}\"; it must be one of {}",
            shorten(name),
            shorten(label),
            LABELS.join(", ")
        )));
    }
    if name.is_empty() {
        return Err(invalid("a name cannot be empty".into()));
    }
    let chars = name.chars().count();
    if chars > MAX_NAME_CHARS {
        return Err(invalid(format!(
            "\"{}…\" is {chars} characters long; a name has at most {MAX_NAME_CHARS}",
            shorten(name)
        )));
    }
    if name.chars().any(char::is_control) {
        return Err(invalid(format!(
            "\"{}\" contains a control character",
            shorten(&name.replace(char::is_control, "�"))
        )));
    }
    let words = key_of(name).0.split(' ').count();
    if words > MAX_LEN {
        return Err(invalid(format!(
            "\"{}\" is {words} words long; Lede matches names of up to {MAX_LEN} words",
            shorten(name)
        )));
    }
    Ok(())
}

/// The first 40 characters of a string, for a message.
fn shorten(s: &str) -> String {
    s.chars().take(40).collect()
}

impl Lexicon {
    /// An empty lexicon.
    pub fn new() -> Lexicon {
        Lexicon::default()
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The entry for `name` (tidied; any case), if there is one.
    pub fn get(&self, name: &str) -> Option<&LexiconName> {
        let id = identity(&tidy_name(name));
        self.names.iter().find(|n| identity(&n.name) == id)
    }

    /// Adds `name` as a `label` (one of `LABELS`), its white space tidied (`tidy_name`). The same
    /// name again (in any case) takes the new label and spelling. An empty name, one of more than
    /// `MAX_NAME_CHARS` characters or `MAX_LEN` words, one with a control character, a bad label,
    /// or a new name past `MAX_NAMES` is refused with a message, and the lexicon is unchanged.
    pub fn add(&mut self, name: &str, label: &str) -> Result<Change> {
        let mut index = self.index();
        self.add_indexed(&mut index, name, label)
    }

    /// Each name's `identity` and its position: `add` looks names up in it, so merging a file
    /// of thousands of names takes one pass rather than one pass a name.
    fn index(&self) -> HashMap<String, usize> {
        self.names
            .iter()
            .enumerate()
            .map(|(i, n)| (identity(&n.name), i))
            .collect()
    }

    /// `add`, with `index` (`Lexicon::index`) kept up to date.
    fn add_indexed(
        &mut self,
        index: &mut HashMap<String, usize>,
        name: &str,
        label: &str,
    ) -> Result<Change> {
        let name = tidy_name(name);
        check(&name, label)?;
        let id = identity(&name);
        if let Some(entry) = index.get(&id).and_then(|&i| self.names.get_mut(i)) {
            if entry.name == name && entry.label == label {
                return Ok(Change::Unchanged);
            }
            entry.name = name;
            entry.label = label.to_string();
            return Ok(Change::Changed);
        }
        if self.names.len() >= MAX_NAMES {
            return Err(invalid(format!(
                "the lexicon is full: it holds at most {MAX_NAMES} names"
            )));
        }
        index.insert(id, self.names.len());
        self.names.push(LexiconName {
            name,
            label: label.to_string(),
        });
        Ok(Change::Added)
    }

    /// Removes `name` (tidied; any case). Whether it was there.
    pub fn remove(&mut self, name: &str) -> bool {
        let id = identity(&tidy_name(name));
        let before = self.names.len();
        self.names.retain(|n| identity(&n.name) != id);
        self.names.len() != before
    }

    /// Removes every name.
    pub fn clear(&mut self) {
        self.names.clear();
    }

    /// The lexicon as JSON: `{"version":1,"names":[{"name":"…","label":"PER"},…]}`. This is
    /// what the app stores and what the reader exports.
    pub fn to_json(&self) -> String {
        // A struct of strings and a number always serialises.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a lexicon that `to_json` wrote, from storage or from a file, checking everything: the
    /// version (a later one is named as such), the shape, and every name as `add` would. Names
    /// are tidied, and a name that comes twice keeps its last label.
    pub fn from_json(json: &str) -> Result<Lexicon> {
        if json.len() > MAX_JSON_BYTES {
            return Err(invalid(format!(
                "the file is {} KB; a lexicon is at most {} KB",
                json.len() >> 10,
                MAX_JSON_BYTES >> 10
            )));
        }
        let value: serde_json::Value = serde_json::from_str(json)
            .map_err(|e| invalid(format!("this is not a Lede lexicon (not JSON: {e})")))?;
        let serde_json::Value::Object(object) = value else {
            return Err(invalid(
                "this is not a Lede lexicon (expected an object with a version and names)".into(),
            ));
        };
        let version = match object.get("version") {
            Some(v) => v
                .as_u64()
                .ok_or_else(|| invalid(format!("the lexicon's version is not a number: {v}")))?,
            None => {
                return Err(invalid(
                    "this is not a Lede lexicon (it has no version)".into(),
                ))
            }
        };
        if version > u64::from(LEXICON_VERSION) {
            return Err(invalid(format!(
                "this lexicon was saved by a newer Lede (format {version}; this one reads up to \
                 {LEXICON_VERSION}): update Lede to read it"
            )));
        }
        if version == 0 {
            return Err(invalid("the lexicon's version 0 is not a format".into()));
        }
        let names = object
            .get("names")
            .ok_or_else(|| invalid("this is not a Lede lexicon (it has no names)".into()))?;
        let names: Vec<LexiconName> = serde_json::from_value(names.clone())
            .map_err(|e| invalid(format!("the lexicon's names are not readable: {e}")))?;
        if names.len() > MAX_NAMES {
            return Err(invalid(format!(
                "the file has {} names; a lexicon holds at most {MAX_NAMES}",
                names.len()
            )));
        }
        let mut lexicon = Lexicon::new();
        let mut index = HashMap::new();
        for (i, n) in names.iter().enumerate() {
            lexicon
                .add_indexed(&mut index, &n.name, &n.label)
                .map_err(|e| invalid(format!("name {}: {}", i + 1, message_of(e))))?;
        }
        Ok(lexicon)
    }

    /// Merges an exported lexicon (`to_json`'s format) into this one: new names are added, and a
    /// name already here takes the file's type. All or nothing: a file with any bad name, or one
    /// that would take the lexicon past `MAX_NAMES`, changes nothing and says why.
    pub fn import(&mut self, json: &str) -> Result<Imported> {
        let incoming = Lexicon::from_json(json)?;
        let mut merged = self.clone();
        let mut index = merged.index();
        let mut report = Imported::default();
        for n in &incoming.names {
            match merged.add_indexed(&mut index, &n.name, &n.label) {
                Ok(Change::Added) => report.added += 1,
                Ok(Change::Changed) => report.changed += 1,
                Ok(Change::Unchanged) => report.unchanged += 1,
                Err(_) => {
                    return Err(invalid(format!(
                        "importing would take the lexicon past {MAX_NAMES} names ({} here, {} in \
                         the file); nothing was imported",
                        self.len(),
                        incoming.len()
                    )))
                }
            }
        }
        *self = merged;
        Ok(report)
    }
}

fn message_of(e: Error) -> String {
    match e {
        Error::Lexicon(m) => m,
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon(names: &[(&str, &str)]) -> Lexicon {
        let mut l = Lexicon::new();
        for (n, k) in names {
            l.add(n, k).unwrap();
        }
        l
    }

    fn pairs(l: &Lexicon) -> Vec<(&str, &str)> {
        l.names
            .iter()
            .map(|n| (n.name.as_str(), n.label.as_str()))
            .collect()
    }

    #[test]
    fn add_tidies_replaces_and_refuses() {
        let long = "x".repeat(MAX_NAME_CHARS + 1);
        // (case, names added in order, what each add gives: the change or a word of its error,
        // the names at the end)
        type Case<'a> = (
            &'a str,
            &'a [(&'a str, &'a str)],
            &'a [Result<Change, &'a str>],
            &'a [(&'a str, &'a str)],
        );
        let cases: &[Case] = &[
            (
                "a new name",
                &[("Zorblat Quenth", "PER")],
                &[Ok(Change::Added)],
                &[("Zorblat Quenth", "PER")],
            ),
            (
                "white space trimmed and collapsed",
                &[("  Zorblat \n\t Quenth ", "PER")],
                &[Ok(Change::Added)],
                &[("Zorblat Quenth", "PER")],
            ),
            (
                "the same name again replaces its label",
                &[("Warner", "PER"), ("Warner", "ORG")],
                &[Ok(Change::Added), Ok(Change::Changed)],
                &[("Warner", "ORG")],
            ),
            (
                "in another case it is the same name",
                &[("ACME", "ORG"), ("Acme", "ORG")],
                &[Ok(Change::Added), Ok(Change::Changed)],
                &[("Acme", "ORG")],
            ),
            (
                "the same again changes nothing",
                &[("Kyiv", "LOC"), (" Kyiv", "LOC")],
                &[Ok(Change::Added), Ok(Change::Unchanged)],
                &[("Kyiv", "LOC")],
            ),
            (
                "a bad label",
                &[("Kyiv", "CITY"), ("Kyiv", "per")],
                &[Err("must be one of"), Err("must be one of")],
                &[],
            ),
            (
                "an empty name",
                &[("", "PER"), (" \n ", "PER")],
                &[Err("empty"), Err("empty")],
                &[],
            ),
            (
                "a name too long",
                &[(&long, "PER")],
                &[Err("at most 100")],
                &[],
            ),
            (
                "a name of too many words",
                &[("One Two Three Four Five Six Seven", "ORG")],
                &[Err("up to 6 words")],
                &[],
            ),
            (
                "a control character",
                &[("Bad\u{0}Name", "ORG")],
                &[Err("control character")],
                &[],
            ),
        ];
        for (case, adds, results, want) in cases {
            let mut l = Lexicon::new();
            for ((name, label), expected) in adds.iter().zip(*results) {
                match (l.add(name, label), expected) {
                    (Ok(got), Ok(want)) => assert_eq!(got, *want, "{case}"),
                    (Err(e), Err(word)) => assert!(e.to_string().contains(word), "{case}: {e}"),
                    (got, want) => panic!("{case}: got {got:?}, want {want:?}"),
                }
            }
            assert_eq!(pairs(&l), *want, "{case}");
        }
    }

    #[test]
    fn remove_and_clear() {
        let mut l = lexicon(&[("Warner", "ORG"), ("Zorblat Quenth", "PER")]);
        assert!(l.remove(" zorblat  quenth"), "any case, tidied");
        assert!(!l.remove("Nobody"));
        assert_eq!(pairs(&l), [("Warner", "ORG")]);
        assert_eq!(l.get("WARNER").map(|n| n.label.as_str()), Some("ORG"));
        l.clear();
        assert!(l.is_empty());
    }

    #[test]
    fn survives_a_json_round_trip() {
        let l = lexicon(&[
            ("Warner", "ORG"),
            ("Zorblat Quenth", "PER"),
            ("Saint-Étienne", "LOC"),
            ("\"<script>\"", "MISC"),
        ]);
        let json = l.to_json();
        assert!(json.starts_with("{\"version\":1,"), "{json}");
        assert_eq!(Lexicon::from_json(&json).unwrap(), l);
        assert_eq!(
            Lexicon::from_json(&Lexicon::new().to_json()).unwrap(),
            Lexicon::new()
        );
    }

    /// Whatever is in storage or a file gives a lexicon or a message, never a panic.
    #[test]
    fn untrusted_json_gives_a_lexicon_or_a_message() {
        let too_many = format!(
            "{{\"version\":1,\"names\":[{}]}}",
            (0..=MAX_NAMES)
                .map(|i| format!("{{\"name\":\"N{i}\",\"label\":\"PER\"}}"))
                .collect::<Vec<_>>()
                .join(",")
        );
        let deep = "[".repeat(10_000);
        let huge = " ".repeat(MAX_JSON_BYTES + 1);
        // (case, the JSON, the names read or a word of the message)
        type Case<'a> = (&'a str, &'a str, Result<&'a [(&'a str, &'a str)], &'a str>);
        let cases: &[Case] = &[
            (
                "a lexicon",
                r#"{"version":1,"names":[{"name":"A","label":"PER"}]}"#,
                Ok(&[("A", "PER")]),
            ),
            (
                "names tidied, the last label of a repeated name kept",
                r#"{"version":1,"names":[{"name":" Kyiv ","label":"ORG"},{"name":"kyiv","label":"LOC"}]}"#,
                Ok(&[("kyiv", "LOC")]),
            ),
            (
                "unknown fields are ignored",
                r#"{"version":1,"names":[],"saved":"2026-12-06"}"#,
                Ok(&[]),
            ),
            ("empty text", "", Err("not JSON")),
            ("not JSON", "Warner,ORG", Err("not JSON")),
            ("an array", "[]", Err("expected an object")),
            ("a string", "\"lexicon\"", Err("expected an object")),
            ("no version", r#"{"names":[]}"#, Err("no version")),
            ("version 0", r#"{"version":0,"names":[]}"#, Err("version 0")),
            (
                "a version as text",
                r#"{"version":"1","names":[]}"#,
                Err("not a number"),
            ),
            (
                "a newer version",
                r#"{"version":2,"names":[{"name":"X","kind":"person"}]}"#,
                Err("newer Lede (format 2"),
            ),
            ("no names", r#"{"version":1}"#, Err("no names")),
            (
                "names not a list",
                r#"{"version":1,"names":{"Warner":"ORG"}}"#,
                Err("not readable"),
            ),
            (
                "a name without a label",
                r#"{"version":1,"names":[{"name":"Warner"}]}"#,
                Err("not readable"),
            ),
            (
                "a bad label, named by position",
                r#"{"version":1,"names":[{"name":"A","label":"PER"},{"name":"Warner","label":"COMPANY"}]}"#,
                Err("name 2: the type of \"Warner\" is \"COMPANY\""),
            ),
            (
                "an empty name",
                r#"{"version":1,"names":[{"name":"","label":"PER"}]}"#,
                Err("name 1: a name cannot be empty"),
            ),
            ("too many names", &too_many, Err("at most 10000")),
            ("nested too deep", &deep, Err("not JSON")),
            ("too big", &huge, Err("at most 2048 KB")),
        ];
        for (case, json, want) in cases {
            match (Lexicon::from_json(json), want) {
                (Ok(got), Ok(names)) => assert_eq!(pairs(&got), *names, "{case}"),
                (Err(e), Err(word)) => assert!(e.to_string().contains(word), "{case}: {e}"),
                (got, want) => panic!("{case}: got {got:?}, want {want:?}"),
            }
        }
    }

    #[test]
    fn import_merges_and_counts() {
        let mut l = lexicon(&[("Warner", "PER"), ("Kyiv", "LOC")]);
        let file = lexicon(&[
            ("Warner", "ORG"),
            ("Kyiv", "LOC"),
            ("Zorblat Quenth", "PER"),
        ]);
        let report = l.import(&file.to_json()).unwrap();
        assert_eq!(
            report,
            Imported {
                added: 1,
                changed: 1,
                unchanged: 1
            }
        );
        assert_eq!(
            pairs(&l),
            [
                ("Warner", "ORG"),
                ("Kyiv", "LOC"),
                ("Zorblat Quenth", "PER")
            ]
        );
    }

    #[test]
    fn a_failed_import_changes_nothing() {
        let mut l = lexicon(&[("Warner", "ORG")]);
        let before = l.clone();
        let bad =
            r#"{"version":1,"names":[{"name":"Kyiv","label":"LOC"},{"name":"","label":"LOC"}]}"#;
        assert!(l.import(bad).is_err());
        assert_eq!(l, before, "a bad name refuses the whole file");
        let mut full = Lexicon {
            version: LEXICON_VERSION,
            names: (0..MAX_NAMES)
                .map(|i| LexiconName {
                    name: format!("N{i}"),
                    label: "PER".into(),
                })
                .collect(),
        };
        let err = full
            .import(&lexicon(&[("N1", "ORG"), ("Extra", "PER")]).to_json())
            .unwrap_err();
        assert!(err.to_string().contains("past 10000"), "{err}");
        assert_eq!(full.get("N1").map(|n| n.label.as_str()), Some("PER"));
        assert_eq!(full.len(), MAX_NAMES);
    }
}
