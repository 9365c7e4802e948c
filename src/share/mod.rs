//! Share links: the article text and the reader's view settings, packed into a URL fragment.
//!
//! The fragment never reaches a server (browsers don't send it), so a link shares an article with
//! no server in between. Format (docs/share-link.md):
//!
//! ```text
//! #v2.<base64url, no padding, of raw DEFLATE of the JSON {"text": …, "settings": {…}, "corrections": […]}>
//! ```
//!
//! `v2` added the reader's corrections (`crate::corrections`). Links made before, `#v1.` with no
//! corrections, still open exactly as they did: the same JSON, read with no corrections.
//!
//! Decoding treats the fragment as hostile: every failure is a `ShareError` with a message for the
//! reader, decompression stops at `MAX_INFLATED` bytes (a few hundred bytes of DEFLATE can claim
//! gigabytes), and nothing panics.

mod base64url;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::corrections::{Correction, MAX_CORRECTIONS};

/// The longest fragment `encode` makes: past about 8 KB, links break in chat apps, mail clients
/// and some browsers' address bars, so the UI offers "Download as file" instead.
pub const MAX_FRAGMENT: usize = 8 * 1024;

/// The longest text a link may carry, in bytes: the app's paste limit.
pub const MAX_TEXT: usize = 20 * 1024 * 1024;

/// The most bytes decompression may produce: the text limit plus room for the JSON around it
/// (escapes can double a text's size, and a hostile link can claim any size at all).
pub const MAX_INFLATED: usize = 2 * MAX_TEXT + 64 * 1024;

/// The format's version, the `v2` in `#v2.`.
pub const VERSION: u32 = 2;

/// The versions `decode` reads: this one and every one before.
pub const READABLE: &[&str] = &["v1", "v2"];

/// The reader's view, as a link restores it. Every field has a default, so a link from an older
/// version with fewer fields still opens, and unknown fields from a newer one are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The reference date the reader fixed, `YYYY-MM-DD`; `None` lets the analysis infer it.
    pub reference_date: Option<String>,
    /// Entity labels whose highlights are switched off (`PER`, `CARDINAL`, …).
    pub hidden_labels: Vec<String>,
    /// The selected entity cluster's id.
    pub selected_cluster: Option<usize>,
    /// The raw-paste view instead of the reading view.
    pub raw_view: bool,
    /// The side panel's open tab (`overview`, `timeline`, …); empty for the default.
    pub tab: String,
}

impl Settings {
    /// The reference date, if the link gives a real one; a malformed date counts as none.
    pub fn date(&self) -> Option<crate::analysis::Date> {
        self.reference_date.as_deref()?.parse().ok()
    }
}

/// What a share link carries.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Shared {
    pub text: String,
    #[serde(default)]
    pub settings: Settings,
    /// The reader's corrections, applied after the analysis (`v2`; none in a `v1` link). Data
    /// only: `corrections::apply` checks every one against the text.
    #[serde(default)]
    pub corrections: Vec<Correction>,
}

/// Why a fragment could not be made or read. `Display` gives the message for the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The fragment is not a Lede share link at all (no `v<N>.` prefix).
    NotAShareLink,
    /// A share link from a format this build does not know (`v9.`).
    UnknownVersion(String),
    /// A character outside base64url, or a length base64 cannot have.
    BadBase64 { position: usize },
    /// The compressed data ends early or is damaged.
    Corrupt(String),
    /// The data unpacks to more than `MAX_INFLATED` bytes.
    TooBig,
    /// The unpacked data is not the expected JSON.
    BadJson(String),
    /// The text is longer than `MAX_TEXT`.
    TextTooLong { bytes: usize },
    /// More corrections than `MAX_CORRECTIONS`.
    TooManyCorrections { count: usize },
    /// `encode`: the fragment would be longer than `MAX_FRAGMENT`; `bytes` is its length.
    TooLong { bytes: usize },
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::NotAShareLink => write!(f, "this is not a Lede share link"),
            ShareError::UnknownVersion(v) => write!(
                f,
                "this share link is in format {v}, which this version of Lede cannot read (it reads v{VERSION}); it may come from a newer Lede"
            ),
            ShareError::BadBase64 { position } => write!(
                f,
                "this share link is damaged: an unexpected character at position {position} (was it cut or edited?)"
            ),
            ShareError::Corrupt(why) => write!(
                f,
                "this share link is damaged or cut short ({why}); ask for the whole link"
            ),
            ShareError::TooBig => write!(
                f,
                "this share link unpacks to more than {} MB, more than Lede accepts",
                MAX_INFLATED / (1024 * 1024)
            ),
            ShareError::BadJson(why) => {
                write!(f, "this share link holds data Lede cannot read ({why})")
            }
            ShareError::TextTooLong { bytes } => write!(
                f,
                "the shared text is {bytes} bytes, over Lede's limit of {MAX_TEXT} bytes"
            ),
            ShareError::TooManyCorrections { count } => write!(
                f,
                "this share link carries {count} corrections, more than the {MAX_CORRECTIONS} Lede accepts"
            ),
            ShareError::TooLong { bytes } => write!(
                f,
                "this article is too long for a link ({bytes} bytes of link; the limit is {MAX_FRAGMENT}): download it as a file instead"
            ),
        }
    }
}

impl std::error::Error for ShareError {}

/// The fragment for `shared`, `#` included: `#v2.…`. `TooLong` past `MAX_FRAGMENT`, so the caller
/// never hands out a link that a chat app would cut.
pub fn encode(shared: &Shared) -> Result<String, ShareError> {
    let fragment = encode_unlimited(shared)?;
    if fragment.len() > MAX_FRAGMENT {
        return Err(ShareError::TooLong {
            bytes: fragment.len(),
        });
    }
    Ok(fragment)
}

/// The fragment for `shared` whatever its length (for a file or a test; links use `encode`).
pub fn encode_unlimited(shared: &Shared) -> Result<String, ShareError> {
    if shared.text.len() > MAX_TEXT {
        return Err(ShareError::TextTooLong {
            bytes: shared.text.len(),
        });
    }
    if shared.corrections.len() > MAX_CORRECTIONS {
        return Err(ShareError::TooManyCorrections {
            count: shared.corrections.len(),
        });
    }
    let json = serde_json::to_vec(shared).expect("Shared always serialises");
    // Level 9: links are short and made once, so the best ratio is worth the time.
    let deflated = miniz_oxide::deflate::compress_to_vec(&json, 9);
    Ok(format!("#v{VERSION}.{}", base64url::encode(&deflated)))
}

/// Reads a fragment made by `encode`: `location.hash` (with its `#`), the fragment without it, or
/// a whole pasted link (everything after its first `#`; base64url never holds one).
pub fn decode(given: &str) -> Result<Shared, ShareError> {
    let fragment = given.split_once('#').map_or(given, |(_, f)| f);
    let (version, payload) = fragment
        .split_once('.')
        .filter(|(v, _)| {
            v.len() >= 2
                && v.len() <= 12
                && v.starts_with('v')
                && v[1..].bytes().all(|b| b.is_ascii_digit())
        })
        .ok_or(ShareError::NotAShareLink)?;
    if !READABLE.contains(&version) {
        return Err(ShareError::UnknownVersion(version.to_string()));
    }
    let deflated = base64url::decode(payload).map_err(|position| ShareError::BadBase64 {
        // Count from the start of what was given, as the reader sees it.
        position: position + given.len() - payload.len(),
    })?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_INFLATED)
        .map_err(|e| {
            use miniz_oxide::inflate::TINFLStatus;
            match e.status {
                TINFLStatus::HasMoreOutput => ShareError::TooBig,
                TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                    ShareError::Corrupt("the compressed data ends too early".into())
                }
                _ => ShareError::Corrupt("the compressed data is not valid".into()),
            }
        })?;
    let shared: Shared =
        serde_json::from_slice(&json).map_err(|e| ShareError::BadJson(e.to_string()))?;
    if version == "v1" && !shared.corrections.is_empty() {
        return Err(ShareError::BadJson(
            "a v1 link cannot carry corrections".into(),
        ));
    }
    if shared.corrections.len() > MAX_CORRECTIONS {
        return Err(ShareError::TooManyCorrections {
            count: shared.corrections.len(),
        });
    }
    if shared.text.len() > MAX_TEXT {
        return Err(ShareError::TextTooLong {
            bytes: shared.text.len(),
        });
    }
    Ok(shared)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared(text: &str) -> Shared {
        Shared {
            text: text.into(),
            settings: Settings {
                reference_date: Some("2025-03-14".into()),
                hidden_labels: vec!["CARDINAL".into(), "MISC".into()],
                selected_cluster: Some(4),
                raw_view: true,
                tab: "timeline".into(),
            },
            corrections: Vec::new(),
        }
    }

    /// A fragment with `v1.` and the given bytes as its payload.
    fn with_payload(bytes: &[u8]) -> String {
        format!("#v1.{}", base64url::encode(bytes))
    }

    #[test]
    fn round_trips() {
        let cases = [
            ("empty", ""),
            ("ascii", "Putin met Witkoff."),
            ("unicode", "Zürich 😀 北京 مرحبا \u{0301}\0 — “quotes”"),
            ("the sample's start", &crate::SAMPLE_ARTICLE[..2000]),
        ];
        for (name, text) in cases {
            let s = shared(text);
            let fragment = encode(&s).unwrap();
            assert!(fragment.starts_with("#v2."), "{name}");
            assert_eq!(decode(&fragment).unwrap(), s, "{name}");
            assert_eq!(decode(&fragment[1..]).unwrap(), s, "{name}: without #");
            let link = format!("https://example.org/lede/?x=1{fragment}");
            assert_eq!(decode(&link).unwrap(), s, "{name}: a whole link");
        }
    }

    #[test]
    fn corrections_travel_and_stay_data() {
        use crate::corrections::{Change, Correction, Scope, Target};
        let mut s = shared("Putin met Witkoff. Gallery");
        s.corrections = vec![
            Correction {
                target: Target {
                    start: 19,
                    end: 26,
                    text: "Gallery".into(),
                },
                change: Change::NotAName,
                scope: Scope::SameText,
            },
            Correction {
                target: Target {
                    start: 0,
                    end: 5,
                    text: "Putin".into(),
                },
                change: Change::Rename("<img src=x onerror=alert(1)>".into()),
                scope: Scope::One,
            },
        ];
        let fragment = encode(&s).unwrap();
        assert_eq!(decode(&fragment).unwrap(), s);
        let deflate = |json: &str| miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 6);
        let with =
            |version: &str, json: &str| format!("#{version}.{}", base64url::encode(&deflate(json)));
        let many = format!(
            r#"{{"text":"hi","corrections":[{}]}}"#,
            vec![
                r#"{"target":{"start":0,"end":1,"text":"h"},"change":"not_a_name"}"#;
                MAX_CORRECTIONS + 1
            ]
            .join(",")
        );
        let cases = [
            ("too many", with("v2", &many), "more than"),
            (
                "an unknown kind",
                with(
                    "v2",
                    r#"{"text":"hi","corrections":[{"target":{"start":0,"end":1,"text":"h"},"change":{"run_script":"alert(1)"}}]}"#,
                ),
                "cannot read",
            ),
            (
                "corrections in a v1 link",
                with(
                    "v1",
                    r#"{"text":"hi","corrections":[{"target":{"start":0,"end":1,"text":"h"},"change":"not_a_name"}]}"#,
                ),
                "cannot carry",
            ),
        ];
        for (name, fragment, expected) in cases {
            let err = decode(&fragment).unwrap_err();
            assert!(err.to_string().contains(expected), "{name}: {err}");
        }
    }

    /// A link made by the release before corrections (format v1) opens as it did.
    #[test]
    fn a_v1_link_from_the_last_release_still_opens() {
        let link = include_str!("../../tests/data/share/v1-link.txt").trim();
        let expected: Shared =
            serde_json::from_str(include_str!("../../tests/data/share/v1-link.expected.json"))
                .unwrap();
        assert!(link.contains("#v1."));
        let opened = decode(link).unwrap();
        assert_eq!(opened, expected);
        assert!(opened.corrections.is_empty());
    }

    #[test]
    fn dates_parse_or_count_as_none() {
        let cases = [
            ("a date", Some("2025-03-14"), Some((2025, 3, 14))),
            ("not on the calendar", Some("2025-02-30"), None),
            ("garbage", Some("<script>"), None),
            ("none", None, None),
        ];
        for (name, given, expected) in cases {
            let settings = Settings {
                reference_date: given.map(str::to_string),
                ..Settings::default()
            };
            let got = settings.date().map(|d| (d.year, d.month, d.day));
            assert_eq!(got, expected, "{name}");
        }
    }

    #[test]
    fn the_sample_fits_in_a_link() {
        let s = shared(crate::SAMPLE_ARTICLE);
        let fragment = encode(&s).unwrap();
        assert!(fragment.len() <= MAX_FRAGMENT, "{}", fragment.len());
    }

    #[test]
    fn long_texts_are_refused_not_cut() {
        // Text that does not compress: a pseudo-random walk over many letters.
        let mut x: u32 = 1;
        let text: String = (0..20_000)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                char::from_u32(0x4e00 + (x >> 16) % 20_000).unwrap()
            })
            .collect();
        match encode(&shared(&text)) {
            Err(ShareError::TooLong { bytes }) => assert!(bytes > MAX_FRAGMENT),
            other => panic!("expected TooLong, got {other:?}"),
        }
        let whole = encode_unlimited(&shared(&text)).unwrap();
        assert_eq!(decode(&whole).unwrap().text, text);
    }

    #[test]
    fn settings_default_when_missing_and_ignore_unknown_fields() {
        let deflate = |json: &str| miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 6);
        let old = decode(&with_payload(&deflate(r#"{"text":"hi"}"#))).unwrap();
        assert_eq!(old.settings, Settings::default());
        let newer = decode(&with_payload(&deflate(
            r#"{"text":"hi","settings":{"raw_view":true,"zoom":3},"extra":1}"#,
        )))
        .unwrap();
        assert!(newer.settings.raw_view);
    }

    #[test]
    fn bad_fragments_say_why() {
        let good = encode(&shared("Putin met Witkoff in Moscow on Thursday.")).unwrap();
        let deflate = |json: &str| miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 6);
        let cases: Vec<(&str, String, &str)> = vec![
            ("empty", String::new(), "not a Lede share link"),
            (
                "a heading anchor",
                "#section-2".into(),
                "not a Lede share link",
            ),
            ("no payload dot", "#v1".into(), "not a Lede share link"),
            ("unknown version", "#v9.AAAA".into(), "format v9"),
            ("bad character", "#v1.ab$d".into(), "position 6"),
            ("impossible length", "#v1.a".into(), "damaged"),
            ("truncated", good[..good.len() - 6].to_string(), "cut short"),
            ("garbage", "#v1.SGVsbG8gd29ybGQ".into(), "damaged"),
            ("not JSON", with_payload(&deflate("hello")), "cannot read"),
            (
                "wrong JSON",
                with_payload(&deflate(r#"{"txt":1}"#)),
                "cannot read",
            ),
        ];
        for (name, fragment, expected) in cases {
            let err = decode(&fragment).unwrap_err();
            assert!(err.to_string().contains(expected), "{name}: {err}");
        }
    }

    #[test]
    fn a_zip_bomb_is_small_and_refused() {
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; MAX_INFLATED + 1], 1);
        let fragment = with_payload(&bomb);
        assert!(fragment.len() < 1_000_000, "{}", fragment.len());
        let err = decode(&fragment).unwrap_err();
        assert_eq!(err, ShareError::TooBig);
        assert!(err.to_string().contains("more than"), "{err}");
    }
}
