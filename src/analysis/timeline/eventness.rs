//! How often TimeBank's annotators mark a word as an event, in four bands: what the anchoring
//! ranker reads to tell `a [Friday] issue` (a word that names no event) from `a [Friday]
//! meeting`.
//!
//! A date's linked events are few (about a thousand in the train part), but every event of the
//! corpus is marked, linked or not (about nine thousand): counted per word, they say which words
//! name an event far better than the linked ones alone, or a suffix list (`document` and
//! `parliament` end like `agreement`). Only words marked an event at least once, and seen often
//! enough to trust the share, are kept, and the words never marked that look like an event noun
//! (`document`, `parliament`, `government`), band 0: a word not listed is unseen, or never an
//! event and no event noun by its ending either.

use std::collections::{BTreeMap, HashMap};

use super::lexicon::is_event_noun;
use crate::analysis::model_bytes::Reader;
use crate::analysis::packed_weights;
use crate::error::{Error, Result};

/// Words seen fewer times than this in the training text are not listed.
pub const MIN_SEEN: u32 = 3;

/// The band of a word marked an event `events` times of `seen`: 0 never, 1 under a quarter of
/// the time, 2 under 60%, 3 more often.
pub fn band(events: u32, seen: u32) -> u8 {
    if events == 0 || seen < MIN_SEEN {
        return 0;
    }
    let share = f64::from(events) / f64::from(seen);
    if share < 0.25 {
        1
    } else if share < 0.6 {
        2
    } else {
        3
    }
}

/// Each listed word's band.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventRates {
    bands: HashMap<String, u8>,
}

impl EventRates {
    /// From per-word counts (lower case): `(times marked an event, times seen)`.
    pub fn from_counts<'a>(counts: impl IntoIterator<Item = (&'a str, (u32, u32))>) -> Self {
        let bands = counts
            .into_iter()
            .filter(|(w, (_, seen))| *seen >= MIN_SEEN && !w.is_empty())
            .map(|(w, (events, seen))| (w.to_string(), band(events, seen)))
            .filter(|(w, b)| *b > 0 || is_event_noun(w))
            .collect();
        EventRates { bands }
    }

    /// The band of `lower`, `None` when it is not listed.
    pub fn band(&self, lower: &str) -> Option<u8> {
        self.bands.get(lower).copied()
    }

    pub fn len(&self) -> usize {
        self.bands.len()
    }

    pub fn is_empty(&self) -> bool {
        self.bands.is_empty()
    }

    /// One line per band, `band<TAB>word word …`, words sorted: compact, and a retrained list
    /// diffs by band.
    pub fn to_text(&self) -> String {
        let mut by_band: BTreeMap<u8, Vec<&str>> = BTreeMap::new();
        for (w, b) in &self.bands {
            by_band.entry(*b).or_default().push(w);
        }
        let mut out = String::new();
        for (b, mut words) in by_band {
            words.sort_unstable();
            out.push_str(&format!("{b}\t{}\n", words.join(" ")));
        }
        out
    }

    /// Appends the bands as a packed table (`packed_weights`): a row a word, its band the
    /// weight. Sorted by word, the words front-code better than grouped by band.
    pub fn write_packed(&self, out: &mut Vec<u8>) -> Result<()> {
        let bands: Vec<(&str, i32)> = self
            .bands
            .iter()
            .map(|(w, &b)| (w.as_str(), i32::from(b)))
            .collect();
        packed_weights::write(
            out,
            1,
            bands.iter().map(|(w, b)| (*w, std::slice::from_ref(b))),
        )
    }

    /// Reads a table `write_packed` wrote.
    pub fn read_packed(r: &mut Reader) -> Result<Self> {
        let rows = packed_weights::read(r, 1, "event rates")?;
        let mut bands = HashMap::with_capacity(rows.len());
        for (w, b) in rows.iter() {
            let b = u8::try_from(b[0])
                .ok()
                .filter(|&b| b <= 3)
                .ok_or_else(|| Error::Model(format!("event rates: '{w}' has band {}", b[0])))?;
            bands.insert(w.to_string(), b);
        }
        Ok(EventRates { bands })
    }

    /// Reads `to_text`'s lines.
    pub fn parse(text: &str) -> Result<Self> {
        let mut bands = HashMap::new();
        for (n, line) in text.lines().enumerate() {
            let bad = || {
                Error::Model(format!(
                    "event rates line {}: expected band, tab, words",
                    n + 1
                ))
            };
            let (b, words) = line.split_once('\t').ok_or_else(bad)?;
            let b: u8 = b.parse().map_err(|_| bad())?;
            if b > 3 {
                return Err(bad());
            }
            for w in words.split(' ').filter(|w| !w.is_empty()) {
                bands.insert(w.to_string(), b);
            }
        }
        Ok(EventRates { bands })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_by_share_and_round_trips() {
        let cases: &[(&str, u32, u32, u8)] = &[
            ("never marked", 0, 40, 0),
            ("seen too seldom", 2, 2, 0),
            ("rarely", 1, 10, 1),
            ("half the time", 5, 10, 2),
            ("mostly", 9, 10, 3),
        ];
        for &(name, events, seen, want) in cases {
            assert_eq!(band(events, seen), want, "{name}");
        }
        let rates = EventRates::from_counts([
            ("meeting", (9, 10)),
            ("issue", (0, 12)),
            ("trading", (5, 10)),
            ("sales", (2, 20)),
            ("parliament", (0, 9)),
            ("vote", (3, 3)),
            ("votes", (1, 1)),
        ]);
        assert_eq!(rates.len(), 5);
        assert_eq!(rates.band("issue"), None);
        assert_eq!(rates.band("parliament"), Some(0));
        assert_eq!(rates.band("meeting"), Some(3));
        assert_eq!(rates.band("unseen"), None);
        let text = rates.to_text();
        assert_eq!(
            text,
            "0\tparliament\n1\tsales\n2\ttrading\n3\tmeeting vote\n"
        );
        assert_eq!(EventRates::parse(&text).unwrap(), rates);
        assert!(EventRates::parse("4\tword\n").is_err());
        let mut packed = Vec::new();
        rates.write_packed(&mut packed).unwrap();
        let back = EventRates::read_packed(&mut Reader::new(&packed)).unwrap();
        assert_eq!(back, rates);
        let mut band_4 = Vec::new();
        packed_weights::write(&mut band_4, 1, [("word", &[4][..])]).unwrap();
        assert!(EventRates::read_packed(&mut Reader::new(&band_4)).is_err());
        assert!(EventRates::parse("no tab\n").is_err());
    }
}
