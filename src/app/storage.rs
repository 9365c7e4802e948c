//! What survives a reload: the current article with its view settings, and the library of saved
//! articles, both in `localStorage` as JSON (the share link's `Shared` and `library::Library`).
//!
//! Storage can be missing (some private modes) or full (a multi-megabyte article); every call
//! says so with a message for the reader, and nothing on screen is ever touched by a failure.

use crate::library::Library;
use crate::share::Shared;

const CURRENT_KEY: &str = "lede.current";
const LIBRARY_KEY: &str = "lede.library";

fn local_storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| {
            "This browser keeps no local storage here (private mode?), so the article will not survive a reload. It stays on screen.".to_string()
        })
}

fn write(key: &str, value: &str, what: &str) -> Result<(), String> {
    local_storage()?.set_item(key, value).map_err(|_| {
        format!(
            "The browser's storage is full or refused {what} ({:.1} MB), so it will not survive a reload. Nothing on screen is lost.",
            value.len() as f64 / 1_048_576.0
        )
    })
}

/// The article on screen and its settings, as `write_current` keeps them.
pub fn current_json(shared: &Shared) -> Result<String, String> {
    serde_json::to_string(shared).map_err(|e| e.to_string())
}

/// Remembers the article on screen and its settings (`current_json`).
pub fn write_current(json: &str) -> Result<(), String> {
    write(CURRENT_KEY, json, "this article")
}

/// The article remembered by the last visit, if any. A damaged value is an error, not a panic.
pub fn load_current() -> Result<Option<Shared>, String> {
    let Some(json) = local_storage()?.get_item(CURRENT_KEY).ok().flatten() else {
        return Ok(None);
    };
    serde_json::from_str(&json)
        .map(Some)
        .map_err(|e| format!("The article saved by your last visit could not be read ({e})."))
}

/// The library; empty when nothing was saved yet.
pub fn load_library() -> Result<Library, String> {
    let Some(json) = local_storage()?.get_item(LIBRARY_KEY).ok().flatten() else {
        return Ok(Library::new());
    };
    Library::from_json(&json).map_err(|e| format!("The saved library could not be read: {e}."))
}

/// Stores the library.
pub fn save_library(library: &Library) -> Result<(), String> {
    write(LIBRARY_KEY, &library.to_json(), "the library")
}

const LEXICON_KEY: &str = "lede.lexicon";

/// The reader's own names; empty when none were kept yet.
pub fn load_lexicon() -> Result<crate::lexicon::Lexicon, String> {
    let Some(json) = local_storage()?.get_item(LEXICON_KEY).ok().flatten() else {
        return Ok(crate::lexicon::Lexicon::new());
    };
    crate::lexicon::Lexicon::from_json(&json)
        .map_err(|e| format!("Your saved names could not be read: {e}."))
}

/// Stores the reader's own names.
pub fn save_lexicon(lexicon: &crate::lexicon::Lexicon) -> Result<(), String> {
    write(LEXICON_KEY, &lexicon.to_json(), "your names")
}
