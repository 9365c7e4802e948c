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
    /// A personal lexicon name, or a stored or imported lexicon, that cannot be used: the message
    /// says why (`crate::lexicon`).
    Lexicon(String),
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
            Error::Lexicon(message) => write!(f, "personal lexicon: {message}"),
        }
    }
}

impl std::error::Error for Error {}

/// Text read from a file or standard input, and what reading it had to drop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Control characters dropped (a stray NUL, an escape): crawled pages carry a few, and a
    /// browser shows such a page all the same.
    pub dropped: usize,
}

impl Decoded {
    /// What the reader should be told about the reading, if anything: one sentence naming
    /// `source`.
    pub fn note(&self, source: &str) -> Option<String> {
        (self.dropped > 0).then(|| {
            format!(
                "{source} had {} control character{} (such as NUL), dropped from the text",
                self.dropped,
                if self.dropped == 1 { "" } else { "s" }
            )
        })
    }
}

/// File kinds recognised by their first bytes, so a binary file is named rather than guessed at.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (
        b"PK\x03\x04",
        "a zip archive (or a Word or OpenDocument file)",
    ),
    (b"\x1f\x8b", "a gzip archive"),
];

/// Checks that `bytes` are UTF-8 text rather than a binary file, and returns the text.
///
/// UTF-8 alone is not enough: a file of NUL bytes is valid UTF-8. A binary file is refused when
/// its first bytes name a binary format (PDF, images, archives), when it is not UTF-8, or when
/// more than 1% of its characters are controls other than white space. A text with fewer (a
/// crawled page with a stray NUL) is read with those characters dropped, and `Decoded::dropped`
/// says how many. A leading BOM is dropped too, since editors add it and nobody means it as
/// content.
pub fn read_text(bytes: &[u8], source: &str) -> Result<Decoded> {
    let not_text = |reason: String| Error::NotText {
        source: source.to_string(),
        reason,
    };
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Err(not_text(format!("it is {kind}")));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        not_text(format!(
            "it is not UTF-8 (invalid byte at offset {})",
            e.valid_up_to()
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let is_dropped = |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}');
    // Counted on bytes, since this reads every byte of a file: C0 controls and DEL are one
    // byte each, C1 controls (U+0080–U+009F) are C2 80 – C2 9F.
    let bytes = text.as_bytes();
    let mut controls = bytes
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)) || b == 0x7f)
        .count();
    if bytes.contains(&0xc2) {
        controls += bytes
            .windows(2)
            .filter(|w| w[0] == 0xc2 && (0x80..=0x9f).contains(&w[1]))
            .count();
    }
    let chars = if controls == 0 {
        0
    } else {
        text.chars().count()
    };
    if controls * 100 > chars.max(1) {
        return Err(not_text(format!(
            "it has {controls} control characters, so it looks like a binary file"
        )));
    }
    let text = if controls == 0 {
        text.to_string()
    } else {
        text.chars().filter(|&c| !is_dropped(c)).collect()
    };
    Ok(Decoded {
        text,
        dropped: controls,
    })
}

/// `read_text`, for callers that need only the text.
pub fn decode_text(bytes: &[u8], source: &str) -> Result<String> {
    read_text(bytes, source).map(|d| d.text)
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
    fn refuses_binary_files() {
        let cases: &[(&str, &[u8], &str)] = &[
            ("zip", b"PK\x03\x04\x00\x00", "zip archive"),
            ("pdf", b"%PDF-1.4\n1 0 obj << >> endobj\n", "PDF document"),
            ("png", b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
            ("gif", b"GIF89a\x01\x00\x01\x00", "GIF image"),
            ("nul bytes", b"\x00\x00\x00\x00a", "binary"),
            ("utf-16", b"h\x00e\x00l\x00l\x00o\x00", "binary"),
        ];
        for (name, bytes, expected) in cases {
            let err = read_text(bytes, "f").unwrap_err();
            assert!(err.to_string().contains(expected), "{name}: {err}");
        }
    }

    /// A crawled page with a stray NUL is read, the NUL dropped and counted; never refused.
    #[test]
    fn drops_a_few_control_characters() {
        let page = format!(
            "<p>Story{}</p>{}",
            "\0",
            "<p>More story text.</p>".repeat(20)
        );
        let read = read_text(page.as_bytes(), "page.html").unwrap();
        assert_eq!(read.dropped, 1);
        assert!(read.text.starts_with("<p>Story</p>"), "{}", read.text);
        assert_eq!(
            read.note("page.html").unwrap(),
            "page.html had 1 control character (such as NUL), dropped from the text"
        );
        let clean = read_text(b"plain", "x").unwrap();
        assert_eq!((clean.dropped, clean.note("x")), (0, None));
        assert_eq!(
            read_text(b"a\tb\r\nc\x0c", "x").unwrap().dropped,
            0,
            "white space stays"
        );
    }

    #[test]
    fn refuses_many_controls() {
        let bytes: Vec<u8> = (1u8..32).cycle().take(200).collect();
        assert!(decode_text(&bytes, "f").is_err());
    }
}
