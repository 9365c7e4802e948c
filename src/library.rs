//! The local library: saved articles, as plain data the UI keeps in localStorage.
//!
//! The stored value is JSON with a version: `{"version": 2, "entries": [...]}`. Version 2 added
//! each entry's reader corrections; a version 1 library reads as entries without any. Reading it back
//! treats it as untrusted (another tab, an older build or a full disk may have left anything
//! there): a bad value is an error to report, never a panic, and the caller keeps what is on
//! screen.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::corrections::Correction;
use crate::export::headline;

/// The stored format's version. Bump it when a field changes meaning.
pub const LIBRARY_VERSION: u32 = 2;

/// Titles are cut to about this many characters.
pub const TITLE_CHARS: usize = 80;

/// One saved article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Unique within the library; `Library::add` picks it.
    pub id: u64,
    /// The reader's name for it: `title_of` at first, then whatever they rename it to.
    pub title: String,
    /// When it was saved, as the caller gives it (an ISO 8601 date or date-time string).
    pub saved: String,
    /// Length of the text in code points, for the list ("12,345 characters").
    pub chars: usize,
    pub text: String,
    /// The reader's corrections to this article's analysis, in the order made.
    #[serde(default)]
    pub corrections: Vec<Correction>,
}

/// The saved articles, newest last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Library {
    pub version: u32,
    pub entries: Vec<Entry>,
}

impl Default for Library {
    fn default() -> Library {
        Library {
            version: LIBRARY_VERSION,
            entries: Vec::new(),
        }
    }
}

/// Why a stored library could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LibraryError {
    /// Not the JSON of a library (damaged, cut short, or something else under the key).
    Corrupt(String),
    /// Saved by a newer Lede, whose format this build does not know.
    NewerVersion(u32),
}

impl fmt::Display for LibraryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LibraryError::Corrupt(why) => {
                write!(f, "the saved library could not be read ({why})")
            }
            LibraryError::NewerVersion(v) => write!(
                f,
                "the saved library is from a newer version of Lede (format {v}; this one reads {LIBRARY_VERSION})"
            ),
        }
    }
}

impl std::error::Error for LibraryError {}

impl Library {
    pub fn new() -> Library {
        Library::default()
    }

    /// Saves `text` and the reader's corrections to it under `title` (trimmed; `title_of` when
    /// empty is the caller's usual choice) and returns the new entry's id.
    pub fn add(
        &mut self,
        text: String,
        corrections: Vec<Correction>,
        title: &str,
        saved: &str,
    ) -> u64 {
        let id = self.entries.iter().map(|e| e.id + 1).max().unwrap_or(1);
        self.entries.push(Entry {
            id,
            title: clean_title(title),
            saved: saved.to_string(),
            chars: text.chars().count(),
            text,
            corrections,
        });
        id
    }

    pub fn get(&self, id: u64) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Renames entry `id`; false when there is none. A blank name keeps the old one.
    pub fn rename(&mut self, id: u64, title: &str) -> bool {
        let title = clean_title(title);
        match self.entries.iter_mut().find(|e| e.id == id) {
            Some(e) => {
                if !title.is_empty() {
                    e.title = title;
                }
                true
            }
            None => false,
        }
    }

    /// Deletes entry `id`; false when there is none.
    pub fn remove(&mut self, id: u64) -> bool {
        let before = self.entries.len();
        self.entries.retain(|e| e.id != id);
        self.entries.len() != before
    }

    /// The value to store.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a Library always serialises")
    }

    /// Reads a stored value. Any input gives a library or an error, never a panic.
    pub fn from_json(stored: &str) -> Result<Library, LibraryError> {
        // The version first, so a newer format says so instead of failing on a changed field.
        #[derive(Deserialize)]
        struct Versioned {
            version: u32,
        }
        let versioned: Versioned =
            serde_json::from_str(stored).map_err(|e| LibraryError::Corrupt(e.to_string()))?;
        if versioned.version > LIBRARY_VERSION {
            return Err(LibraryError::NewerVersion(versioned.version));
        }
        let mut library: Library =
            serde_json::from_str(stored).map_err(|e| LibraryError::Corrupt(e.to_string()))?;
        library.version = LIBRARY_VERSION;
        // `chars` is derived: recount it rather than trust the stored value.
        for e in &mut library.entries {
            e.chars = e.text.chars().count();
        }
        Ok(library)
    }
}

/// A title on one line, without surrounding white space.
fn clean_title(title: &str) -> String {
    title.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The title a saved article gets: its first heading, else its first sentence, cut to about
/// `TITLE_CHARS` characters at a word boundary with an ellipsis; `Untitled` for a text with
/// neither.
pub fn title_of(text: &str, analysis: &Analysis) -> String {
    let full = headline(text, analysis);
    if full.is_empty() {
        return "Untitled".to_string();
    }
    shorten(&full, TITLE_CHARS)
}

/// `s` cut to at most `max` characters plus an ellipsis, at the last space before the limit
/// (or mid-word when the first word alone is too long).
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut = s.char_indices().nth(max).map_or(s.len(), |(i, _)| i);
    let head = &s[..cut];
    let head = match head.rfind(' ') {
        Some(space) if space > 0 => &head[..space],
        _ => head,
    };
    format!(
        "{}…",
        head.trim_end_matches(|c: char| c.is_whitespace() || ",;:—–-".contains(c))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze_text;

    #[test]
    fn titles() {
        let long = "Ukrainian President Volodymyr Zelenskyy said Friday that the U.S. proposal for a ceasefire is a step forward for everyone.";
        let cases = [
            (
                "short sentence",
                "Putin met Witkoff. Then they ate.",
                "Putin met Witkoff.",
            ),
            (
                "long sentence cut at a word",
                long,
                "Ukrainian President Volodymyr Zelenskyy said Friday that the U.S. proposal for…",
            ),
            (
                "one long word",
                &"x".repeat(100),
                &format!("{}…", "x".repeat(80)),
            ),
            ("empty", "", "Untitled"),
            ("only white space", " \n\t ", "Untitled"),
        ];
        for (name, text, expected) in cases {
            let title = title_of(text, &analyze_text(text));
            assert_eq!(title, expected, "{name}");
            assert!(title.chars().count() <= TITLE_CHARS + 1, "{name}");
        }
    }

    #[test]
    fn the_samples_title() {
        let text = crate::SAMPLE_ARTICLE;
        let title = title_of(text, &analyze_text(text));
        assert!(
            !title.is_empty() && title.chars().count() <= TITLE_CHARS + 1,
            "{title}"
        );
    }

    #[test]
    fn three_saves_and_a_rename() {
        let mut library = Library::new();
        let a = library.add("First text.".into(), Vec::new(), "First", "2025-03-14");
        let b = library.add("Second text 😀.".into(), Vec::new(), "Second", "2025-03-15");
        let c = library.add(
            "Third.".into(),
            Vec::new(),
            "  Third\n title ",
            "2025-03-16T10:00:00Z",
        );
        assert_eq!([a, b, c], [1, 2, 3]);
        assert!(library.rename(b, "Renamed"));
        assert!(!library.rename(99, "Nobody"));
        assert!(library.rename(a, "   "), "a blank name keeps the old one");
        let back = Library::from_json(&library.to_json()).unwrap();
        assert_eq!(back, library);
        let titles: Vec<&str> = back.entries.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["First", "Renamed", "Third title"]);
        assert_eq!(back.get(b).unwrap().chars, 14);
        assert!(library.remove(a));
        assert!(!library.remove(a));
        // Ids are never reused while a newer entry exists.
        assert_eq!(
            library.add("Fourth.".into(), Vec::new(), "Fourth", "2025-03-17"),
            4
        );
    }

    #[test]
    fn stored_values_that_are_not_a_library() {
        let cases = [
            ("empty", "", "could not be read"),
            (
                "cut short",
                r#"{"version":1,"entries":[{"id":1,"ti"#,
                "could not be read",
            ),
            ("not json", "hello", "could not be read"),
            (
                "wrong shape",
                r#"{"version":1,"entries":{}}"#,
                "could not be read",
            ),
            ("no version", r#"{"entries":[]}"#, "could not be read"),
            (
                "negative id",
                r#"{"version":1,"entries":[{"id":-1,"title":"","saved":"","chars":0,"text":""}]}"#,
                "could not be read",
            ),
            (
                "newer",
                r#"{"version":7,"entries":"whatever"}"#,
                "newer version",
            ),
        ];
        for (name, stored, expected) in cases {
            let err = Library::from_json(stored).unwrap_err();
            assert!(err.to_string().contains(expected), "{name}: {err}");
        }
    }

    #[test]
    fn corrections_are_kept_and_old_libraries_still_read() {
        use crate::corrections::{Change, Scope, Target};
        let correction = Correction {
            target: Target {
                start: 0,
                end: 5,
                text: "Putin".into(),
            },
            change: Change::Label("ORG".into()),
            scope: Scope::Cluster,
        };
        let mut library = Library::new();
        library.add(
            "Putin spoke.".into(),
            vec![correction.clone()],
            "t",
            "2025-03-14",
        );
        let back = Library::from_json(&library.to_json()).unwrap();
        assert_eq!(back.entries[0].corrections, [correction]);
        assert!(library.to_json().starts_with(r#"{"version":2,"#));
        // A library saved before corrections existed (version 1).
        let v1 = r#"{"version":1,"entries":[{"id":1,"title":"t","saved":"2025-03-14","chars":5,"text":"hello"}]}"#;
        let old = Library::from_json(v1).unwrap();
        assert_eq!(old.version, LIBRARY_VERSION);
        assert!(old.entries[0].corrections.is_empty());
        assert_eq!(old.entries[0].text, "hello");
    }

    #[test]
    fn a_wrong_char_count_is_recounted() {
        let stored = r#"{"version":1,"entries":[{"id":1,"title":"t","saved":"2025-03-14","chars":999,"text":"héllo"}]}"#;
        assert_eq!(Library::from_json(stored).unwrap().entries[0].chars, 5);
    }
}
