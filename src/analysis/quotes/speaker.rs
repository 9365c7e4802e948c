//! Reading a speaker phrase off the words next to a speech cue, without a parser.
//!
//! Two shapes cover news attribution: the subject before the cue (`Peskov said`, `the Kremlin
//! spokesman had told`) and the subject after it (`said Peskov`, `according to officials`). The
//! phrase is read away from the cue until a clause boundary (punctuation, a conjunction, a
//! preposition) and is then classified: a pronoun, a name (the capitalised words at its end, less
//! any leading titles: `U.K. Prime Minister Keir Starmer` names `Keir Starmer`), an organisation (a
//! capitalised run with a possessive or an institutional head: `Ukraine's General Staff`), or a
//! description (`the source`, `the Kremlin spokesman`).

use crate::analysis::case::lower;
use std::collections::HashSet;

use super::cues;
use crate::analysis::segment::{Token, TokenKind};
use crate::analysis::span::Span;

/// What kind of phrase names the speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpeakerKind {
    Name,
    Organisation,
    Description,
    Pronoun,
}

impl SpeakerKind {
    /// The name used in the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Name => "name",
            SpeakerKind::Organisation => "organisation",
            SpeakerKind::Description => "description",
            SpeakerKind::Pronoun => "pronoun",
        }
    }
}

/// A speaker phrase found next to a cue, before any resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phrase {
    /// The mention the attribution names: the name itself for names (titles dropped), the pronoun,
    /// or the whole description.
    pub span: Span,
    pub kind: SpeakerKind,
}

/// The heads that make a capitalised run an organisation rather than a person.
fn is_org_head(word: &str) -> bool {
    matches!(
        &*lower(word),
        "staff"
            | "ministry"
            | "department"
            | "committee"
            | "party"
            | "campaign"
            | "office"
            | "council"
            | "agency"
            | "service"
            | "times"
            | "post"
            | "news"
            | "court"
            | "house"
            | "kremlin"
            | "government"
            | "administration"
            | "commission"
            | "bureau"
            | "army"
            | "police"
            | "senate"
            | "congress"
            | "parliament"
            | "university"
            | "institute"
            | "foundation"
            | "association"
            | "union"
            | "group"
            | "inc."
            | "corp."
            | "co."
            | "journal"
            | "press"
            | "network"
            | "center"
            | "centre"
            | "board"
            | "fund"
            | "organization"
            | "organisation"
            | "coalition"
            | "pentagon"
            | "nato"
            | "fbi"
            | "cia"
            | "gop"
            | "rnc"
            | "dnc"
            | "cnn"
            | "msnbc"
            | "fox"
            | "reuters"
            | "ap"
            | "tribune"
            | "magazine"
            | "review"
            | "forces"
            | "navy"
            | "command"
            | "bank"
    )
}

/// Tokens an apposition may run between a name and its cue.
const APPOSITION_REACH: usize = 30;

/// Words a relative `who` may stand back from its cue: `who has in the past described`.
const RELATIVE_REACH: usize = 6;

/// Days and other time words that may sit between a speaker and the cue.
fn is_day(word: &str) -> bool {
    matches!(
        &*lower(word),
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "earlier"
            | "later"
    )
}

/// A view of some tokens of the text with the word tests the patterns need.
#[derive(Clone, Copy)]
pub struct Words<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// Words the article also writes in lower case (`hours`, `perhaps`): capitalised at a sentence
    /// start they are not names.
    pub common: Option<&'a HashSet<String>>,
    /// Which tokens lie inside quotes: the subject of a clause is never inside one.
    pub in_quote: Option<&'a [bool]>,
}

impl<'a> Words<'a> {
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens[i].span.of(self.text)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.tokens[i].kind != TokenKind::Punct
    }

    /// A capitalised word the article also writes in lower case.
    pub fn is_common(&self, i: usize) -> bool {
        self.common
            .is_some_and(|c| c.contains(&*lower(self.word(i))))
    }

    pub fn quoted(&self, i: usize) -> bool {
        self.in_quote
            .is_some_and(|m| m.get(i).copied().unwrap_or(false))
    }

    pub fn is_capitalised(&self, i: usize) -> bool {
        self.is_word(i) && self.word(i).starts_with(|c: char| c.is_uppercase())
    }

    pub fn is_possessive(&self, i: usize) -> bool {
        matches!(self.word(i), "'s" | "’s" | "'" | "’")
            && i > 0
            && self.tokens[i - 1].span.end == self.tokens[i].span.start
    }

    /// Lower-case words that may sit inside a name run between capitalised words.
    fn joins_name(&self, i: usize) -> bool {
        matches!(
            self.word(i),
            "of" | "de" | "da" | "van" | "von" | "bin" | "al" | "la" | "del" | "for"
        ) || self.is_possessive(i)
    }

    pub fn is_cue(&self, i: usize) -> bool {
        // `Ginsburg’s comments`, `the claims`, `his attacks`: after a possessive or a determiner
        // the word is a noun.
        let noun = i > 0
            && (self.is_possessive(i - 1)
                || crate::analysis::case::with_lower(self.word(i - 1), |w| {
                    matches!(
                        w,
                        "the"
                            | "a"
                            | "an"
                            | "his"
                            | "her"
                            | "their"
                            | "its"
                            | "our"
                            | "my"
                            | "your"
                    )
                }));
        self.is_word(i)
            && !noun
            && (cues::is_cue_verb(self.word(i))
                || (i + 1 < self.tokens.len()
                    && cues::is_phrasal_cue(self.word(i), self.word(i + 1))))
    }

    /// `according to` at `i` (the word `according`).
    pub fn is_according_to(&self, i: usize) -> bool {
        self.word(i).eq_ignore_ascii_case("according")
            && i + 1 < self.tokens.len()
            && self.word(i + 1) == "to"
    }

    fn span(&self, first: usize, last: usize) -> Span {
        Span::new(self.tokens[first].span.start, self.tokens[last].span.end)
    }

    /// The maximal capitalised run that ends at token `last` (inclusive), within `floor..`.
    pub fn name_run_ending(&self, last: usize, floor: usize) -> Option<(usize, usize)> {
        if !self.is_capitalised(last) {
            return None;
        }
        let mut first = last;
        while first > floor {
            let p = first - 1;
            if self.is_capitalised(p) {
                first = p;
            } else if p > floor && self.joins_name(p) && self.is_capitalised(p - 1) {
                first = p - 1;
            } else {
                break;
            }
        }
        // A sentence-initial `The` or `But` is not part of the name.
        while first < last && cues::is_function_word(self.word(first)) {
            first += 1;
        }
        if cues::is_function_word(self.word(first)) {
            return None;
        }
        Some((first, last))
    }

    /// The maximal capitalised run that starts at token `first`, within `..ceiling`.
    pub fn name_run_starting(&self, first: usize, ceiling: usize) -> Option<(usize, usize)> {
        let mut first = first;
        while first < ceiling
            && self.is_capitalised(first)
            && cues::is_function_word(self.word(first))
        {
            first += 1;
        }
        if first >= ceiling || !self.is_capitalised(first) {
            return None;
        }
        let mut last = first;
        while last + 1 < ceiling {
            let n = last + 1;
            if self.is_capitalised(n) && !(self.is_cue(n)) {
                last = n;
            } else if n + 1 < ceiling && self.joins_name(n) && self.is_capitalised(n + 1) {
                last = n + 1;
            } else {
                break;
            }
        }
        Some((first, last))
    }

    /// Classifies the capitalised run `first..=last`: an organisation keeps the whole run; a person
    /// keeps what follows the last title.
    pub fn classify_run(&self, first: usize, last: usize) -> Phrase {
        let org = (first..=last).any(|i| self.is_possessive(i)) || is_org_head(self.word(last));
        if org {
            return Phrase {
                span: self.span(first, last),
                kind: SpeakerKind::Organisation,
            };
        }
        let after_title = (first..=last)
            .rev()
            .find(|&i| cues::is_title(self.word(i)) || self.word(i) == "of")
            .map_or(first, |t| t + 1);
        if after_title > last {
            // Only titles (`the President`): a description of someone.
            return Phrase {
                span: self.span(first, last),
                kind: SpeakerKind::Description,
            };
        }
        Phrase {
            span: self.span(after_title, last),
            kind: SpeakerKind::Name,
        }
    }

    /// Classifies the phrase `first..=last` read off next to a cue.
    fn classify(&self, first: usize, last: usize) -> Option<Phrase> {
        if first == last && cues::is_pronoun(self.word(first)) {
            return Some(Phrase {
                span: self.span(first, last),
                kind: SpeakerKind::Pronoun,
            });
        }
        // A name at the end (`Kremlin spokesman Dmitry Peskov`) or the start (`Peskov, the
        // spokesman`) of the phrase.
        if let Some((a, b)) = self.name_run_ending(last, first) {
            return Some(self.classify_run(a, b));
        }
        if let Some((a, b)) = self.name_run_starting(first, last + 1) {
            return Some(self.classify_run(a, b));
        }
        // A description needs a determiner (`the source`), a possessive (`Clinton's campaign`) or a
        // head that can speak bare (`officials`); otherwise the words are more likely an adverb or
        // the tail of another clause (`at last`, `that it's`).
        // `another said`, `one added`: a lone quantifier stands for a person.
        let lone = first == last
            && matches!(
                &*lower(self.word(first)),
                "another" | "one" | "others" | "some" | "many" | "several" | "both" | "few"
            );
        let content =
            lone || (first..=last).any(|i| self.is_word(i) && !cues::is_determiner(self.word(i)));
        let speaker_like = cues::is_determiner(self.word(first))
            || (first..=last).any(|i| self.is_possessive(i))
            || cues::is_bare_speaker(self.word(last));
        (content && speaker_like).then(|| Phrase {
            span: self.span(first, last),
            kind: SpeakerKind::Description,
        })
    }

    /// The subject phrase just before the cue at `cue`, reading back no further than `floor`.
    pub fn subject_before(&self, cue: usize, floor: usize) -> Option<Phrase> {
        let mut last = cue;
        while last > floor && self.is_word(last - 1) && cues::is_filler(self.word(last - 1)) {
            last -= 1;
        }
        if last == floor {
            return None;
        }
        // `Beck on Wednesday called`: step over a day.
        if last > floor && is_day(self.word(last - 1)) {
            last -= 1;
            if last > floor && matches!(self.word(last - 1), "on" | "last" | "this") {
                last -= 1;
            }
            if last == floor {
                return None;
            }
        }
        // `Beck, who has in the past described`, `critics who say`: the relative pronoun is the
        // subject as written (PolNeAR marks `who` as the Source); it resolves to the name before.
        let mut j = last;
        while j > floor && last - j < RELATIVE_REACH {
            j -= 1;
            let word = self.word(j);
            if word.eq_ignore_ascii_case("who") && !self.quoted(j) {
                return Some(Phrase {
                    span: self.span(j, j),
                    kind: SpeakerKind::Pronoun,
                });
            }
            if !self.is_word(j)
                || self.is_capitalised(j)
                || self.is_cue(j)
                || self.quoted(j)
                || cues::is_pronoun(word)
                || matches!(
                    &*lower(word),
                    "that" | "and" | "or" | "but" | "which" | "whom" | "whose" | "if" | "because"
                )
            {
                break;
            }
        }
        // `Melanne Verveer, who served as chief of staff, told`: a name set off by an apposition.
        if self.word(last - 1) == "," {
            return self.apposed_name(last - 1, floor);
        }
        // `Rep. Paul Ryan (R-WI) said`: step over a parenthesis.
        if self.word(last - 1) == ")" {
            let open = (floor..last - 1)
                .rev()
                .take(8)
                .find(|&k| self.word(k) == "(")?;
            last = open;
            if last == floor {
                return None;
            }
        }
        let last = last - 1;
        let mut first = last + 1;
        while first > floor && last + 1 - first < 10 {
            let p = first - 1;
            let w = self.word(p);
            if self.is_possessive(p)
                || (self.is_word(p) && !cues::stops_phrase(w) && !self.is_cue(p))
            {
                first = p;
                if cues::is_determiner(w) {
                    break;
                }
            } else {
                break;
            }
        }
        if first > last {
            return None;
        }
        self.classify(first, last)
    }

    /// The name before an apposition that ends with the comma at `close`: `Small, who attended
    /// the rally, said`, `Rep. Elijah Cummings (D-Md.), chair of the committee, said`, `Kasich
    /// (R-OH), said`. The nearest comma before `close` (within `APPOSITION_REACH` tokens) that
    /// follows a name opens the apposition.
    pub fn apposed_name(&self, close: usize, floor: usize) -> Option<Phrase> {
        let reach = close.saturating_sub(APPOSITION_REACH).max(floor);
        let name_before = |k: usize| -> Option<Phrase> {
            // `k` is just past the name: step back over a parenthesis first.
            let mut end = k;
            if end > floor && self.word(end - 1) == ")" {
                end = (reach..end - 1).rev().find(|&j| self.word(j) == "(")?;
            }
            if end <= floor {
                return None;
            }
            let (a, b) = self.name_run_ending(end - 1, floor)?;
            let p = self.classify_run(a, b);
            matches!(p.kind, SpeakerKind::Name | SpeakerKind::Organisation).then_some(p)
        };
        // `Kasich (R-OH), said`: the name right before the comma.
        if let Some(p) = name_before(close).filter(|_| self.word(close - 1) == ")") {
            return Some(p);
        }
        (reach + 1..close)
            .rev()
            .filter(|&k| self.word(k) == "," && !self.quoted(k))
            .find_map(|k| {
                let next = self.word(k + 1);
                let opens = matches!(next, "who" | "whose" | "a" | "an" | "the")
                    || next.starts_with(|c: char| c.is_lowercase());
                if opens {
                    name_before(k)
                } else {
                    None
                }
            })
    }

    /// The subject phrase after the cue at `cue` (`said Peskov`, `according to officials`),
    /// reading no further than `ceiling`. Right after a quote any cue may invert (`“…,” agrees
    /// Michelle Stevens`); elsewhere the caller checks `cues::inverts` first.
    pub fn subject_after(&self, cue: usize, ceiling: usize) -> Option<Phrase> {
        let mut first = cue + 1;
        if self.is_according_to(cue) {
            first += 1;
        }
        if first >= ceiling {
            return None;
        }
        let opener = lower(self.word(first));
        let preposition = matches!(
            &*opener,
            "of" | "to" | "in" | "on" | "at" | "for" | "with" | "about" | "by" | "from" | "into"
        );
        if !self.is_word(first) || preposition || cues::stops_phrase(self.word(first)) {
            return None;
        }
        let mut last = first;
        while last < ceiling
            && last - first < 10
            && (self.is_possessive(last)
                || (self.is_word(last) && (last == first || !cues::stops_phrase(self.word(last)))))
        {
            last += 1;
        }
        if last == first {
            return None;
        }
        // Drop a trailing time word (`said Peskov Friday`).
        let mut end = last - 1;
        while end > first && cues::is_function_word(self.word(end)) {
            end -= 1;
        }
        if cues::is_pronoun(self.word(first)) {
            end = first;
        }
        // `said Stephen Vladeck of the University of Texas`, `said Jason Gilbert of Cheyenne`: a
        // full name right after the cue, then where the person is from.
        if let Some(of) = (first + 2..=end).find(|&k| self.word(k) == "of") {
            let name = (first..of).all(|k| self.is_capitalised(k) && !cues::is_title(self.word(k)))
                && !is_org_head(self.word(of - 1))
                && !cues::is_function_word(self.word(first));
            if name {
                return Some(self.classify_run(first, of - 1));
            }
        }
        self.classify(first, end)
    }

    /// The subject of the clause that starts at `start`: for a cue with no subject of its own
    /// (`…, adding that`, `… and said`). Leading adverbials up to a comma are skipped (`During a
    /// speech Friday, Trump said`).
    pub fn clause_subject(&self, start: usize, ceiling: usize) -> Option<Phrase> {
        let mut i = start;
        // Skip connectives and quotes.
        while i < ceiling
            && (!self.is_word(i)
                || self.quoted(i)
                || matches!(
                    &*lower(self.word(i)),
                    "but" | "and" | "so" | "still" | "meanwhile" | "however" | "also" | "yet"
                ))
        {
            i += 1;
        }
        if i >= ceiling {
            return None;
        }
        // A wire dateline (`WASHINGTON (AP) —`) is not the subject.
        if let Some(dash) =
            (i..ceiling.min(i + 8)).find(|&k| matches!(self.word(k), "—" | "–" | "--"))
        {
            let upper = self.word(i).chars().all(|c| !c.is_lowercase());
            if upper && dash + 1 < ceiling {
                i = dash + 1;
            }
        }
        let opens_adverbial = matches!(
            &*lower(self.word(i)),
            "during"
                | "among"
                | "alongside"
                | "like"
                | "beyond"
                | "within"
                | "throughout"
                | "in"
                | "on"
                | "at"
                | "after"
                | "before"
                | "unlike"
                | "with"
                | "for"
                | "despite"
                | "since"
                | "while"
                | "when"
                | "as"
                | "if"
                | "although"
                | "speaking"
                | "asked"
                | "earlier"
                | "later"
                | "last"
                | "this"
                | "from"
                | "by"
                | "under"
                | "following"
                | "amid"
                | "without"
                | "because"
                | "though"
                | "according"
        );
        if opens_adverbial {
            let comma = (i..ceiling).take(25).find(|&k| self.word(k) == ",")?;
            i = comma + 1;
            // `In Salem, New Hampshire, Trump went`: a place after the adverbial, then the subject.
            for _ in 0..2 {
                let Some((_, b)) = self.name_run_starting(i, ceiling) else {
                    break;
                };
                let next = b + 1;
                if next + 1 < ceiling && self.word(next) == "," && self.is_capitalised(next + 1) {
                    i = next + 1;
                } else {
                    break;
                }
            }
        }
        if i >= ceiling {
            return None;
        }
        if cues::is_pronoun(self.word(i)) {
            return self.classify(i, i);
        }
        if let Some((a, b)) = self.name_run_starting(i, ceiling) {
            let w = lower(self.word(a));
            let adverb_like = w.ends_with("ly") || w.ends_with("ed") || w.ends_with("ing");
            if a == b && (self.is_common(a) || adverb_like) {
                // `Hours later, Putin told`: a capitalised common word opens an adverbial.
                let comma = (a..ceiling.min(a + 8)).find(|&k| self.word(k) == ",")?;
                return self.clause_subject(comma + 1, ceiling);
            }
            // `Clinton's top aide rallied`: a possessive name opens a description.
            if b + 2 < ceiling && self.is_possessive(b + 1) && !self.is_capitalised(b + 2) {
                let mut last = b + 1;
                while last + 1 < ceiling
                    && last - b < 5
                    && self.is_word(last + 1)
                    && !self.is_capitalised(last + 1)
                    && !cues::stops_phrase(self.word(last + 1))
                    && !self.is_cue(last + 1)
                    && !cues::is_filler(self.word(last + 1))
                    && !self.word(last + 1).ends_with("ed")
                {
                    last += 1;
                }
                if last > b + 1 {
                    return Some(Phrase {
                        span: self.span(a, last),
                        kind: SpeakerKind::Description,
                    });
                }
            }
            return Some(self.classify_run(a, b));
        }
        if cues::is_determiner(self.word(i)) {
            let mut last = i;
            while last + 1 < ceiling
                && last - i < 6
                && (self.is_possessive(last + 1)
                    || (self.is_word(last + 1)
                        && !cues::stops_phrase(self.word(last + 1))
                        && !self.is_cue(last + 1)
                        && !cues::is_filler(self.word(last + 1))))
            {
                last += 1;
            }
            return self.classify(i, last).filter(|p| {
                p.kind != SpeakerKind::Description
                    || (i..=last).any(|k| cues::is_speaker_noun(self.word(k)))
            });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::segment::tokenize;

    fn tokens(text: &str) -> Vec<Token> {
        tokenize(text, Span::new(0, text.len()))
            .map(|(span, kind)| Token {
                span,
                kind,
                sentence: 0,
            })
            .collect()
    }

    fn cue_index(w: &Words, cue: &str) -> usize {
        (0..w.tokens.len()).find(|&i| w.word(i) == cue).unwrap()
    }

    /// (name, text, cue word, expected speaker text, kind) for the subject before the cue.
    const BEFORE: &[(&str, &str, &str, &str, SpeakerKind)] = &[
        (
            "plain name",
            "Peskov said",
            "said",
            "Peskov",
            SpeakerKind::Name,
        ),
        (
            "titles dropped",
            "U.K. Prime Minister Keir Starmer has told",
            "told",
            "Keir Starmer",
            SpeakerKind::Name,
        ),
        (
            "secretary of state",
            "U.S. Secretary of State Marco Rubio said",
            "said",
            "Marco Rubio",
            SpeakerKind::Name,
        ),
        (
            "lowercase title",
            "Kremlin spokesman Dmitry Peskov said",
            "said",
            "Dmitry Peskov",
            SpeakerKind::Name,
        ),
        ("pronoun", "he said", "said", "he", SpeakerKind::Pronoun),
        (
            "description",
            "the Kremlin spokesman said",
            "said",
            "the Kremlin spokesman",
            SpeakerKind::Description,
        ),
        (
            "organisation",
            "Ukraine's General Staff said",
            "said",
            "Ukraine's General Staff",
            SpeakerKind::Organisation,
        ),
        (
            "source",
            "a source said",
            "said",
            "a source",
            SpeakerKind::Description,
        ),
        (
            "aux and adverb",
            "Rubio had also said",
            "said",
            "Rubio",
            SpeakerKind::Name,
        ),
    ];

    #[test]
    fn subject_before_cases() {
        for (name, text, cue, expected, kind) in BEFORE {
            let toks = tokens(text);
            let w = Words {
                text,
                tokens: &toks,
                common: None,
                in_quote: None,
            };
            let p = w
                .subject_before(cue_index(&w, cue), 0)
                .unwrap_or_else(|| panic!("{name}"));
            assert_eq!(p.span.of(text), *expected, "{name}");
            assert_eq!(p.kind, *kind, "{name}");
        }
    }

    #[test]
    fn subject_after_cases() {
        let cases: &[(&str, &str, &str, &str)] = &[
            ("inverted", ", said Peskov.", "said", "Peskov"),
            (
                "according to",
                "according to emergency officials.",
                "according",
                "emergency officials",
            ),
            (
                "description",
                "said the spokesman for the campaign",
                "said",
                "the spokesman",
            ),
        ];
        for (name, text, cue, expected) in cases {
            let toks = tokens(text);
            let w = Words {
                text,
                tokens: &toks,
                common: None,
                in_quote: None,
            };
            let p = w
                .subject_after(cue_index(&w, cue), toks.len())
                .unwrap_or_else(|| panic!("{name}"));
            assert_eq!(p.span.of(text), *expected, "{name}");
        }
    }

    #[test]
    fn clause_subject_cases() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "adverbial skipped",
                "During a speech Friday at the U.S. Department of Justice, Trump said",
                "Trump",
            ),
            (
                "organisation",
                "Ukraine's General Staff, however, denied",
                "Ukraine's General Staff",
            ),
            ("pronoun", "He also praised", "He"),
        ];
        for (name, text, expected) in cases {
            let toks = tokens(text);
            let w = Words {
                text,
                tokens: &toks,
                common: None,
                in_quote: None,
            };
            let p = w
                .clause_subject(0, toks.len())
                .unwrap_or_else(|| panic!("{name}"));
            assert_eq!(p.span.of(text), *expected, "{name}");
        }
    }
}
