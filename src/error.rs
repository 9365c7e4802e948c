//! Lede's one error type. The CLI prints it as one line and exits with code 2; the app shows it.

use std::fmt;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug)]
pub enum Error {
    /// A file could not be read.
    Io { path: String, message: String },
    /// The input is not UTF-8 text (or looks binary).
    NotText { source: String, reason: String },
    /// A malformed date.
    BadDate(String),
    /// The command line did not make sense.
    Usage(String),
    /// A model file is not one this build can read (wrong magic, version or length).
    Model(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, message } => write!(f, "cannot read {path}: {message}"),
            Error::NotText { source, reason } => {
                write!(f, "{source} is not readable text: {reason}")
            }
            Error::BadDate(message) => write!(f, "bad date: {message}"),
            Error::Usage(message) => write!(f, "{message}"),
            Error::Model(message) => write!(f, "bad model: {message}"),
        }
    }
}

impl std::error::Error for Error {}

/// Checks that `bytes` are UTF-8 text rather than a binary file, and returns the text.
///
/// UTF-8 alone is not enough: a file of NUL bytes is valid UTF-8. Text from a paste or a `.txt`
/// file has no NULs and few control characters, so either one marks a binary file. A leading BOM is
/// dropped, since editors add it and nobody means it as content.
pub fn decode_text(bytes: &[u8], source: &str) -> Result<String> {
    let not_text = |reason: String| Error::NotText {
        source: source.to_string(),
        reason,
    };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        not_text(format!(
            "it is not UTF-8 (invalid byte at offset {})",
            e.valid_up_to()
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\0') {
        return Err(not_text(
            "it contains NUL bytes, so it looks like a binary file".into(),
        ));
    }
    let controls = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if controls * 100 > text.chars().count().max(1) {
        return Err(not_text(format!(
            "it has {controls} control characters, so it looks like a binary file"
        )));
    }
    Ok(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_text_and_strips_bom() {
        assert_eq!(
            decode_text("\u{feff}Héllo 😀".as_bytes(), "x").unwrap(),
            "Héllo 😀"
        );
    }

    #[test]
    fn refuses_invalid_utf8() {
        let err = decode_text(&[b'a', 0xff, 0xfe], "f.txt").unwrap_err();
        assert!(err.to_string().contains("not UTF-8"), "{err}");
    }

    #[test]
    fn refuses_nul_bytes() {
        let err = decode_text(b"PK\x03\x04\x00\x00", "f.zip").unwrap_err();
        assert!(err.to_string().contains("binary"), "{err}");
    }

    #[test]
    fn refuses_many_controls() {
        let bytes: Vec<u8> = (1u8..32).cycle().take(200).collect();
        assert!(decode_text(&bytes, "f").is_err());
    }
}
