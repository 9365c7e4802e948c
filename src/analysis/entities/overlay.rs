//! The reader's personal lexicon (`crate::lexicon`) as the tagger reads it: a small gazetteer of
//! its own, laid over the shipped one.
//!
//! A reader's name is a gazetteer entry like any other. Where a token sequence matches it, the
//! tagger's features see that type's gazetteer match (`sentence::SentenceView`), OR-ed into the
//! shipped gazetteer's matches, so the trained model weighs it with its context as it weighs
//! `Jordan` the country. The shipped gazetteer (36k names) is never rebuilt or copied: the overlay
//! holds the reader's few names alone, and an analysis without any builds nothing.
//!
//! The model weighs a lone gazetteer match lightly next to its context, and a match inside a
//! person's name not at all (`conventions::listed_names` gives the figures), so a rule there gives
//! the reader's own word the last say where the model read the words as a name of another type,
//! or as no name at all while they are written with their capitals.

use std::sync::{Arc, Mutex, PoisonError};

use super::gazetteer::{key_of, Gazetteer, Match, KINDS};
use super::tagger::TYPES;
use crate::lexicon::LexiconName;

/// The reader's names, as a gazetteer of their own.
#[derive(Debug)]
pub struct Overlay {
    gazetteer: Gazetteer,
    /// The figures of each name that has any, by its gazetteer key. A key writes every digit as
    /// `0` (the tagger's features read `G7` and `G8` alike), so a reader's `G7` would otherwise
    /// decide `G8` too; a match that decides a label must have a reader's name's own figures.
    figures: Vec<(String, String)>,
    /// Whether every name opens on a capital (`Moderna`, not `al-Shabaab`): then a match can
    /// only start on a capitalised token, and the others are not tried.
    capital_starts: bool,
}

/// The ASCII digits of `text`, in order: `G7` → `7`, `Group of 20` → `20`.
fn figures_of(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// One whole match of a reader's name in a sentence that the conventions may act on: written
/// with its capitals, and of one type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReaderMatch {
    /// Token range `start..end`.
    pub start: usize,
    pub end: usize,
    /// An index into `TYPES`.
    pub kind: usize,
}

impl Overlay {
    /// The overlay of `names`, or `None` when no name is usable (there are none, or every one
    /// has a label the tagger does not know or is too long to match). Names reach the analysis
    /// through `Options`, which the app sends; they are read defensively all the same.
    pub fn new(names: &[LexiconName]) -> Option<Overlay> {
        if names.is_empty() {
            return None;
        }
        // The names as table lines (`KIND<TAB>name`), their white space collapsed so no name can
        // break a line, parsed as the shipped tables are. A name given two types (`Warner` PER
        // and `WARNER` ORG) is one entry of both kinds.
        let mut table = String::with_capacity(names.iter().map(|n| n.name.len() + 6).sum());
        for n in names.iter().filter(|n| TYPES.contains(&n.label.as_str())) {
            table.push_str(&n.label);
            table.push('\t');
            for (i, word) in n.name.split_whitespace().enumerate() {
                if i > 0 {
                    table.push(' ');
                }
                table.push_str(word);
            }
            table.push('\n');
        }
        let gazetteer = Gazetteer::parse(&table);
        let mut figures: Vec<(String, String)> = table
            .lines()
            .filter_map(|line| line.split_once('\t'))
            .map(|(_, name)| (key_of(name).0, figures_of(name)))
            .filter(|(_, figures)| !figures.is_empty())
            .collect();
        figures.sort();
        figures.dedup();
        let capital_starts = table
            .lines()
            .filter_map(|line| line.split_once('\t'))
            .all(|(_, name)| key_of(name).1 & 1 != 0);
        (!gazetteer.is_empty()).then_some(Overlay {
            gazetteer,
            figures,
            capital_starts,
        })
    }

    /// Whether `text`, whose gazetteer key is `key`, has the figures of a reader's name with that
    /// key (always, for a name with none).
    fn same_figures(&self, key: &str, text_figures: &str) -> bool {
        if !key.contains('0') {
            return true;
        }
        self.figures
            .iter()
            .any(|(k, f)| k == key && f == text_figures)
    }

    /// `Overlay::new`, built once for a run of analyses with one lexicon: the app analyses every
    /// edit of the text with the same names, and building the overlay of a full lexicon (10,000
    /// names) costs more than tagging an article. The last lexicon's overlay is kept; any other
    /// lexicon replaces it. The result is `Overlay::new`'s, so analyses stay pure functions of
    /// their input.
    pub fn shared(names: &[LexiconName]) -> Option<Arc<Overlay>> {
        type Last = Option<(Vec<LexiconName>, Option<Arc<Overlay>>)>;
        static LAST: Mutex<Last> = Mutex::new(None);
        if names.is_empty() {
            return None;
        }
        let mut last = LAST.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((cached, overlay)) = last.as_ref() {
            if cached.as_slice() == names {
                return overlay.clone();
            }
        }
        let overlay = Overlay::new(names).map(Arc::new);
        *last = Some((names.to_vec(), overlay.clone()));
        overlay
    }

    /// The gazetteer of the reader's names, whose matches the tagger adds to the shipped ones.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The matches of a sentence (its tokens, lower-cased as the tagger reads them, and their
    /// capitals) that may decide a label: a name written in lower case (`apple`) is a feature
    /// only, never a rule, and so is one the reader gave two types, or one whose figures are not
    /// the reader's (`G8` for `G7`).
    pub fn matches(
        &self,
        words: &[&str],
        lower: &[&str],
        capitalized: &[bool],
    ) -> Vec<ReaderMatch> {
        let may_start = |i: usize| !self.capital_starts || capitalized.get(i) == Some(&true);
        self.gazetteer
            .matches_from(lower, capitalized, may_start)
            .into_iter()
            .filter(|m: &Match| m.capitalised)
            .filter(|m: &Match| {
                // Most lexicons have no figures at all: nothing to compare, nothing to build.
                if self.figures.is_empty() {
                    return true;
                }
                let figures: String = words[m.start..m.end]
                    .iter()
                    .map(|w| figures_of(w))
                    .collect();
                self.same_figures(&lower[m.start..m.end].join(" "), &figures)
            })
            .filter_map(|m| {
                let kinds = m.kinds;
                // One kind only: its bit is the lowest set, and no other is.
                let gaz_kind = kinds.trailing_zeros() as usize;
                if kinds.count_ones() != 1 {
                    return None;
                }
                let kind = TYPES.iter().position(|&t| t == KINDS[gaz_kind])?;
                Some(ReaderMatch {
                    start: m.start,
                    end: m.end,
                    kind,
                })
            })
            .collect()
    }

    /// Whether a mention's text is one of the reader's names with that `label`, token for token
    /// as the tagger matches them (any case), and the reader gave it no other type.
    pub fn is_reader_name(&self, text: &str, label: &str) -> bool {
        let key = key_of(text).0;
        let kinds = self.gazetteer.lookup_key(&key);
        kinds.count_ones() == 1
            && KINDS[kinds.trailing_zeros() as usize] == label
            && self.same_figures(&key, &figures_of(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(pairs: &[(&str, &str)]) -> Vec<LexiconName> {
        pairs
            .iter()
            .map(|(n, l)| LexiconName {
                name: n.to_string(),
                label: l.to_string(),
            })
            .collect()
    }

    #[test]
    fn unusable_names_give_no_overlay() {
        assert!(Overlay::new(&[]).is_none());
        assert!(Overlay::new(&names(&[("X", "CITY"), ("", "PER"), ("  ", "LOC")])).is_none());
        assert!(Overlay::new(&names(&[("A B C D E F G", "ORG")])).is_none());
    }

    /// The shared overlay is the one `new` builds for the names asked for, whatever was asked
    /// before (other tests analyse with other lexicons meanwhile).
    #[test]
    fn the_shared_overlay_follows_the_names() {
        let a = names(&[("Zorblat Quenth", "PER")]);
        let b = names(&[("Zorblat Quenth", "ORG")]);
        assert!(Overlay::shared(&[]).is_none());
        for (lexicon, label) in [(&a, "PER"), (&b, "ORG"), (&a, "PER"), (&a, "PER")] {
            let overlay = Overlay::shared(lexicon).unwrap();
            assert!(overlay.is_reader_name("Zorblat Quenth", label), "{label}");
        }
    }

    #[test]
    fn matches_whole_names_written_with_capitals() {
        let overlay = Overlay::new(&names(&[
            ("Zorblat Quenth", "PER"),
            ("Warner", "ORG"),
            ("WARNER", "PER"),
            ("apple", "ORG"),
        ]))
        .unwrap();
        let lower = [
            "zorblat", "quenth", "met", "warner", "and", "apple", "zorblat",
        ];
        let caps = [true, true, false, true, false, true, false];
        // `Warner` has two types and `apple` no capital: features only. `zorblat` alone is no
        // name of the reader's.
        assert_eq!(
            overlay.matches(&lower, &lower, &caps),
            [ReaderMatch {
                start: 0,
                end: 2,
                kind: 0
            }]
        );
        let lower_case = [false; 7];
        assert_eq!(overlay.matches(&lower, &lower, &lower_case), []);
        assert!(overlay.is_reader_name("ZORBLAT  QUENTH", "PER"));
        assert!(!overlay.is_reader_name("Zorblat Quenth", "ORG"));
        assert!(!overlay.is_reader_name("Warner", "ORG"), "two types");
        assert!(overlay.is_reader_name("apple", "ORG"));
    }

    /// Trying only capitalised starts, for names that all open on a capital, finds what trying
    /// every start finds, whatever the capitals of the text.
    #[test]
    fn capital_starts_change_no_match() {
        let pairs = [("Zorblat Quenth", "PER"), ("Quenth Ltd", "ORG")];
        let gated = Overlay::new(&names(&pairs)).unwrap();
        let every = Overlay::new(&names(&[pairs[0], pairs[1], ("zz", "ORG")])).unwrap();
        assert!(gated.capital_starts && !every.capital_starts);
        let lower = ["zorblat", "quenth", "ltd", "zorblat", "quenth"];
        let mut found = 0;
        for bits in 0..1u32 << lower.len() {
            let caps: Vec<bool> = (0..lower.len()).map(|i| bits >> i & 1 == 1).collect();
            let want = every.matches(&lower, &lower, &caps);
            assert_eq!(gated.matches(&lower, &lower, &caps), want, "{caps:?}");
            found += want.len();
        }
        assert!(found > 0);
    }

    /// A reader's `G7` is not `G8`, though the tagger's keys write both as `g0`.
    #[test]
    fn figures_must_be_the_readers() {
        let overlay = Overlay::new(&names(&[("G7", "ORG"), ("Route 66", "LOC")])).unwrap();
        let (g7, g8, route) = (["G7"], ["G8"], ["Route", "66"]);
        let (lower_g, lower_route) = (["g0"], ["route", "00"]);
        let one = |start, end, kind| vec![ReaderMatch { start, end, kind }];
        assert_eq!(overlay.matches(&g7, &lower_g, &[true]), one(0, 1, 1));
        assert_eq!(overlay.matches(&g8, &lower_g, &[true]), []);
        assert_eq!(
            overlay.matches(&route, &lower_route, &[true, false]),
            one(0, 2, 2)
        );
        assert_eq!(
            overlay.matches(&["Route", "67"], &lower_route, &[true, false]),
            []
        );
        assert!(overlay.is_reader_name("G7", "ORG"));
        assert!(!overlay.is_reader_name("G8", "ORG"));
        // In an analysis: the reader's type (a place, to be seen) goes to `G7` alone.
        let found = marks(
            "The G7 and the G8 met in Rome on Tuesday.",
            &[("G7", "LOC")],
        );
        let of = |name: &str| found.iter().find(|(t, ..)| t == name).cloned();
        assert_eq!(
            of("G7"),
            Some(("G7".into(), "LOC".into(), Some("lexicon".into())))
        );
        assert!(
            of("G8").is_none_or(|(_, label, source)| label != "LOC" && source.is_none()),
            "{found:?}"
        );
    }

    /// `(text, label, source)` of each named mention of `text` analysed with `lexicon`.
    fn marks(text: &str, lexicon: &[(&str, &str)]) -> Vec<(String, String, Option<String>)> {
        let options = crate::Options {
            lexicon: names(lexicon),
            ..crate::Options::default()
        };
        crate::analyze(text, &options)
            .entities
            .into_iter()
            .filter(|e| TYPES.contains(&e.label.as_str()))
            .map(|e| (e.text, e.label, e.source))
            .collect()
    }

    /// Each case: the reader's names, a text, the names the model finds alone, and those it
    /// finds with the reader's (`*` after the label: `source: lexicon`).
    #[test]
    fn the_readers_names_in_analyses() {
        type Case<'a> = (
            &'a str,
            &'a [(&'a str, &'a str)],
            &'a str,
            &'a [&'a str],
            &'a [&'a str],
        );
        let lexicon: &[(&str, &str)] = &[
            ("Zorblat Quenth", "PER"),
            ("Warner", "ORG"),
            ("Glarvenholt", "LOC"),
        ];
        let cases: &[Case] = &[
            (
                "a name the model misses is found, from the lexicon",
                lexicon,
                "ZORBLAT QUENTH WALKED INTO THE HALL ON TUESDAY AND THE CROWD FELL SILENT AT ONCE.",
                &[],
                &["ZORBLAT QUENTH PER*"],
            ),
            (
                "a name the model mis-types takes the reader's type",
                lexicon,
                "Zorblat Quenth said on Tuesday that the deal would go ahead.",
                &["Zorblat Quenth ORG"],
                &["Zorblat Quenth PER*"],
            ),
            (
                "a retyped name: Warner the company",
                lexicon,
                "Warner said on Tuesday that it would cut 2,000 jobs at its studios in California \
                 next year.",
                &["Warner PER", "California LOC"],
                &["Warner ORG*", "California LOC"],
            ),
            (
                "a place",
                lexicon,
                "The old mill at Glarvenholt closed in 1990, and the town has struggled to find \
                 work for its people ever since.",
                &["Glarvenholt ORG"],
                &["Glarvenholt LOC*"],
            ),
            (
                "a longer name of the model's stands: Mark Warner is not the company",
                lexicon,
                "Mark Warner said on Tuesday that the committee would meet again in the spring.",
                &["Mark Warner PER"],
                &["Mark Warner PER"],
            ),
            (
                "a name the model already had right is marked as the reader's too",
                lexicon,
                "Officials met Zorblat Quenth on Tuesday in the capital to discuss the budget.",
                &["Zorblat Quenth PER"],
                &["Zorblat Quenth PER*"],
            ),
            (
                "lower-case words are never marked",
                &[
                    ("Apple", "ORG"),
                    ("glarven", "LOC"),
                    ("Zorblat Quenth", "PER"),
                ],
                "He ate an apple on Tuesday while the glarven warmed up, and the zorblat quenth \
                 broke down again.",
                &[],
                &[],
            ),
        ];
        let show = |marks: Vec<(String, String, Option<String>)>| -> Vec<String> {
            marks
                .into_iter()
                .map(|(t, l, s)| {
                    let star = if s.as_deref() == Some("lexicon") {
                        "*"
                    } else {
                        ""
                    };
                    format!("{t} {l}{star}")
                })
                .collect()
        };
        for (case, lexicon, text, alone, with) in cases {
            assert_eq!(show(marks(text, &[])), *alone, "{case}: the model alone");
            assert_eq!(
                show(marks(text, lexicon)),
                *with,
                "{case}: with the lexicon"
            );
        }
    }

    /// No lexicon, an empty one, or one whose names the text never uses: exactly `analyze`.
    #[test]
    fn an_unused_lexicon_changes_nothing() {
        let plain = crate::analyze(crate::SAMPLE_ARTICLE, &crate::Options::default());
        for lexicon in [
            &[][..],
            &[("Zorblat Quenth", "PER"), ("Glarvenholt", "LOC")][..],
            &[("Bad", "CITY")][..],
        ] {
            let options = crate::Options {
                lexicon: names(lexicon),
                ..crate::Options::default()
            };
            assert_eq!(
                crate::analyze(crate::SAMPLE_ARTICLE, &options),
                plain,
                "{lexicon:?}"
            );
        }
    }

    /// A lexicon the reader exported and imported again marks what it marked before.
    #[test]
    fn a_lexicon_marks_the_same_after_a_json_round_trip() {
        let mut lexicon = crate::lexicon::Lexicon::new();
        lexicon.add("Zorblat Quenth", "PER").unwrap();
        lexicon.add("Warner", "ORG").unwrap();
        let back = crate::lexicon::Lexicon::from_json(&lexicon.to_json()).unwrap();
        assert_eq!(back, lexicon);
        let text = "Warner said on Tuesday that it would hire Zorblat Quenth as its new chief.";
        let analyse = |names: Vec<LexiconName>| {
            crate::analyze(
                text,
                &crate::Options {
                    lexicon: names,
                    ..crate::Options::default()
                },
            )
        };
        let before = analyse(lexicon.names);
        assert_eq!(analyse(back.names), before);
        let sources: Vec<_> = before
            .entities
            .iter()
            .map(|e| e.source.as_deref())
            .collect();
        assert_eq!(sources, [Some("lexicon"), Some("lexicon")]);
    }

    /// The options carry the lexicon to the analysis worker as JSON; without one they read and
    /// write as before.
    #[test]
    fn options_carry_the_lexicon() {
        let plain = serde_json::to_string(&crate::Options::default()).unwrap();
        assert!(!plain.contains("lexicon"), "{plain}");
        let old: crate::Options = serde_json::from_str(r#"{"hints":[]}"#).unwrap();
        assert!(old.lexicon.is_empty());
        let options = crate::Options {
            lexicon: names(&[("Warner", "ORG")]),
            ..crate::Options::default()
        };
        let json = serde_json::to_string(&options).unwrap();
        assert_eq!(
            serde_json::from_str::<crate::Options>(&json).unwrap(),
            options
        );
    }
}
