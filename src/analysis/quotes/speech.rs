//! Speech or quoted phrase: a small linear model over what the rules see around a quote.
//!
//! The rules of pass 3 (`speech_pass`) decide from a handful of signals: a cue, a title, a naming
//! word, the length and case of the quote. PolNeAR's annotators draw the line between speech and a
//! quoted name in ways no short list of rules follows (a one-word scare quote after `called` is
//! speech, after `the` it is not; a capitalised slogan on a sign is speech only when the sign
//! "reads" it), so the rules' verdict is one feature among the signals themselves, the words on
//! either side, and their combinations, and an averaged perceptron trained on PolNeAR train weighs
//! them. It only ever turns a verdict over when the weights it learned outvote the rules' own.
//!
//! The model's text (`model/speech.txt`) is one feature a line:
//!
//! ```text
//! LEDE-SPEECH-MODEL 1
//! bias<TAB>-120
//! rule:speech<TAB>4310
//! ```
//!
//! Weights are averaged perceptron weights times 1000, truncated toward zero; features with a zero
//! weight are left out. A quote is speech when its features' weights sum above a margin (`KEEP_MARGIN`,
//! `ADD_MARGIN`); an empty model would call nothing speech, so a missing or corrupt file falls back to the rules
//! (see `SpeechModel::shipped`). The build carries it packed (`model/speech.bin`,
//! `packed_weights`); a test checks that it is the text packed. `lede train-quotes` writes both
//! (see `crate::eval::polnear::train_speech`).

use crate::analysis::feature_weights::Weights;

use super::speaker::Words;
use super::{cues, Attribution, Candidate};
use crate::analysis::feature_weights;
use crate::error::Result;

/// The first line of every model file.
pub const MAGIC: &str = "LEDE-SPEECH-MODEL 1";

/// The shipped model, packed.
const SHIPPED: &[u8] = include_bytes!("../../../model/speech.bin");

/// How far the weights must sum above zero to keep a quote the rules call speech (weights are
/// times 1000).
pub const KEEP_MARGIN: i64 = 1000;

/// How far they must sum above zero to make speech of a quote the rules set aside as a phrase.
/// Set higher than `KEEP_MARGIN` because such a quote has no cue of its own and takes its speaker
/// from a guess: in five-fold cross-validation on PolNeAR train (`lede train-quotes --cv`),
/// adding them at `KEEP_MARGIN` raised quote F1 by 0.004 but lowered end-to-end F1 by 0.003,
/// while at this margin all three figures are at or above the rules'.
pub const ADD_MARGIN: i64 = 8000;

/// Feature weights.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpeechModel {
    weights: Weights,
}

impl SpeechModel {
    /// The model compiled into the crate, parsed once per process; `None` when the file is empty
    /// or unreadable, in which case the rules decide alone. A test checks that it parses.
    pub fn shipped() -> Option<&'static SpeechModel> {
        static SHIPPED_MODEL: std::sync::OnceLock<Option<SpeechModel>> = std::sync::OnceLock::new();
        SHIPPED_MODEL
            .get_or_init(|| {
                SpeechModel::from_bytes(SHIPPED)
                    .ok()
                    .filter(|m| !m.weights.is_empty())
            })
            .as_ref()
    }

    pub fn from_weights(weights: Weights) -> SpeechModel {
        SpeechModel { weights }
    }

    /// Reads a model file.
    pub fn parse(text: &str) -> Result<SpeechModel> {
        let weights = feature_weights::parse(text, MAGIC, "speech model")?;
        Ok(SpeechModel { weights })
    }

    /// Reads a packed model file (`to_bytes`).
    pub fn from_bytes(bytes: &[u8]) -> Result<SpeechModel> {
        let weights = feature_weights::from_bytes(bytes, MAGIC, "speech model")?;
        Ok(SpeechModel { weights })
    }

    /// Reads a model file, packed or text.
    pub fn read(bytes: &[u8]) -> Result<SpeechModel> {
        let weights = feature_weights::read(bytes, MAGIC, "speech model")?;
        Ok(SpeechModel { weights })
    }

    /// The file text: header, then features sorted by name, zero weights left out.
    pub fn to_text(&self) -> String {
        feature_weights::to_text(&self.weights, MAGIC)
    }

    /// The packed file: what `to_text` says, packed (`packed_weights`).
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        feature_weights::to_bytes(&self.weights, MAGIC)
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    pub fn score(&self, features: &[String]) -> i64 {
        feature_weights::score(&self.weights, features)
    }

    /// Whether a quote is speech, given its features and the rules' verdict.
    pub fn is_speech(&self, features: &[String], rule: bool) -> bool {
        let margin = if rule { KEEP_MARGIN } else { ADD_MARGIN };
        self.score(features) > margin
    }
}

/// The signals pass 3 computes for one quote, handed to `features`.
pub(super) struct Signals {
    pub rule: bool,
    pub named: bool,
    pub title: bool,
    pub naming_word: bool,
    pub owned: bool,
    pub after_determiner: bool,
    pub cue_adjacent: bool,
}

/// Word-count buckets: one, two, three, four to six, seven to twelve, more.
fn words_bucket(n: usize) -> &'static str {
    match n {
        0 | 1 => "1",
        2 => "2",
        3 => "3",
        4..=6 => "4-6",
        7..=12 => "7-12",
        _ => "13+",
    }
}

/// A word as a feature value: lower-cased, or a class for numbers and punctuation.
fn word_value(w: &Words, i: usize) -> String {
    let word = w.word(i);
    if word.chars().any(|c| c.is_ascii_digit()) {
        return "#num".to_string();
    }
    word.to_lowercase()
}

/// The features of one quote: the rules' verdict and the signals behind it, the shape of the
/// quoted words, and the words around the marks.
#[inline(never)]
pub(super) fn features(w: &Words, c: &Candidate, s: &Signals) -> Vec<String> {
    let inner = c.marks.inner.of(w.text).trim();
    let words = inner.split_whitespace().count();
    let first = inner.chars().next().unwrap_or(' ');
    let last = inner.chars().last().unwrap_or(' ');
    let capital = first.is_uppercase();
    let wb = words_bucket(words);
    let end = match last {
        '.' | '…' => "stop",
        ',' => "comma",
        '?' | '!' => "exclaim",
        _ if last.is_alphanumeric() => "word",
        _ => "other",
    };
    let sentences = inner.matches(". ").count() + inner.matches("? ").count();
    let first_person = inner
        .split(|ch: char| !ch.is_alphanumeric() && ch != '’' && ch != '\'')
        .any(|t| {
            matches!(
                t,
                "I" | "I’m"
                    | "I'm"
                    | "we"
                    | "We"
                    | "my"
                    | "My"
                    | "our"
                    | "Our"
                    | "me"
                    | "us"
                    | "you"
                    | "You"
            )
        });
    let opens_para = c.tokens.0 == c.para_tokens.0;
    let closes_para = c.tokens.1 >= c.para_tokens.1;
    let prev = (c.tokens.0 > c.para_tokens.0).then(|| c.tokens.0 - 1);
    let prev2 = prev.filter(|&p| p > c.para_tokens.0).map(|p| p - 1);
    let next = (c.tokens.1 < c.para_tokens.1).then_some(c.tokens.1);
    let prev_word = prev.map_or_else(|| "^".to_string(), |p| word_value(w, p));
    let prev2_word = prev2.map_or_else(|| "^".to_string(), |p| word_value(w, p));
    let next_word = next.map_or_else(|| "$".to_string(), |n| word_value(w, n));
    let prev_cue = prev.is_some_and(|p| w.is_cue(p));
    let prev_det = prev.is_some_and(|p| cues::is_determiner(w.word(p)));
    let attribution = match c.attribution {
        None => "none",
        Some(Attribution::CueAfter) => "after",
        Some(Attribution::CueBefore) => "before",
        Some(Attribution::SameParagraph) => "same",
        Some(Attribution::PreviousParagraph) => "prev",
    };
    let phrase = c.phrase.map_or("none", |p| p.kind.as_str());
    let rule = if s.rule { "speech" } else { "phrase" };
    let case = if capital { "cap" } else { "lower" };
    let b = |x: bool| if x { "1" } else { "0" };
    let mut f = vec![
        "bias".to_string(),
        format!("rule:{rule}"),
        format!("rule:{rule}|words:{wb}"),
        format!("rule:{rule}|case:{case}|words:{wb}"),
        format!("rule:{rule}|phrase:{phrase}"),
        format!("rule:{rule}|how:{attribution}"),
        format!("rule:{rule}|cued:{}", b(c.cued)),
        format!("rule:{rule}|end:{end}|case:{case}"),
        format!("words:{wb}|end:{end}"),
        format!("case:{case}|words:{wb}|cued:{}", b(c.cued)),
        format!("continues:{}", b(c.continues)),
        format!("closed:{}", b(c.marks.closed)),
        format!("named:{}|title:{}", b(s.named), b(s.title)),
        format!("naming_word:{}", b(s.naming_word)),
        format!("owned:{}", b(s.owned)),
        format!("after_det:{}|case:{case}|words:{wb}", b(s.after_determiner)),
        format!("cue_adjacent:{}|rule:{rule}", b(s.cue_adjacent)),
        format!("sentences:{}", sentences.min(3)),
        format!("first_person:{}|rule:{rule}", b(first_person)),
        format!("para:{}{}", b(opens_para), b(closes_para)),
        format!("para:{}{}|words:{wb}", b(opens_para), b(closes_para)),
        format!("prev:{prev_word}"),
        format!("prev:{prev_word}|rule:{rule}"),
        format!("prev2:{prev2_word}|prev:{prev_word}"),
        format!("next:{next_word}"),
        format!("next:{next_word}|rule:{rule}"),
        format!("prev_cue:{}|rule:{rule}", b(prev_cue)),
        format!("prev_det:{}|words:{wb}", b(prev_det)),
        format!("fallback:{}|rule:{rule}", b(c.fallback.is_some())),
        format!(
            "mark:{}",
            if w.text[c.marks.span.start..].starts_with('"') {
                "straight"
            } else {
                "curly"
            }
        ),
    ];
    if words == 1 {
        f.push(format!("one:{case}|end:{end}|prev:{prev_word}"));
    }
    sentence_features(w, c, &mut f);
    f
}

/// The words of the quote's sentence before it, outside quotes, as a bag: the verb that makes a
/// quoted phrase speech may stand well before it (`Trump took to Twitter overnight to accuse
/// Clinton’s campaign of being “duped”`), past the one or two words the other features see. In
/// five-fold cross-validation on PolNeAR train they raised quote F1 from 0.9647 to 0.9670 with
/// end-to-end F1 unchanged (0.9019, 0.9015); the words after the quote lowered both, and word
/// pairs added nothing.
fn sentence_features(w: &Words, c: &Candidate, f: &mut Vec<String>) {
    let (start, _) = c.frame;
    let mut seen = std::collections::BTreeSet::new();
    for j in start..c.tokens.0.min(w.tokens.len()) {
        if !w.quoted(j) && w.is_word(j) {
            seen.insert(format!("sw:{}", word_value(w, j)));
        }
    }
    f.extend(seen);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The model's text, kept for reading and diffing; the build carries `SHIPPED`.
    const TEXT: &str = include_str!("../../../model/speech.txt");

    /// The shipped model is the committed text packed, and unpacks to it, byte for byte: the two
    /// files cannot drift apart.
    #[test]
    fn the_shipped_model_is_its_text_packed() {
        let model = SpeechModel::parse(TEXT).expect("the speech model's text parses");
        assert_eq!(model.weights.len(), 1_229);
        assert_eq!(model.to_text(), TEXT, "speech.txt is in canonical order");
        assert!(
            model.to_bytes().unwrap() == SHIPPED,
            "model/speech.bin is not model/speech.txt packed: run `lede pack-model model/speech.txt`"
        );
        assert_eq!(SpeechModel::from_bytes(SHIPPED).unwrap(), model);
        assert_eq!(SpeechModel::shipped(), Some(&model));
        assert!(
            SpeechModel::from_bytes(TEXT.as_bytes()).is_err(),
            "not packed"
        );
        assert_eq!(SpeechModel::read(TEXT.as_bytes()).unwrap(), model);
    }

    #[test]
    fn margins_decide() {
        let f = |s: &str| vec![s.to_string()];
        let model = SpeechModel::from_weights(
            [("weak".to_string(), 2000), ("strong".to_string(), 9000)]
                .into_iter()
                .collect(),
        );
        let cases = [
            ("a kept quote needs the keep margin", "weak", true, true),
            ("a phrase needs the add margin", "weak", false, false),
            ("a strong phrase is added", "strong", false, true),
            ("unknown features score nothing", "other", true, false),
        ];
        for (name, feature, rule, want) in cases {
            assert_eq!(model.is_speech(&f(feature), rule), want, "{name}");
        }
    }

    #[test]
    fn bad_files_are_errors() {
        let cases = [
            ("wrong header", "LEDE-OTHER 1\nbias\t1\n"),
            ("no tab", "LEDE-SPEECH-MODEL 1\nbias 1\n"),
            ("bad weight", "LEDE-SPEECH-MODEL 1\nbias\tx\n"),
        ];
        for (name, text) in cases {
            assert!(SpeechModel::parse(text).is_err(), "{name}");
        }
    }
}
