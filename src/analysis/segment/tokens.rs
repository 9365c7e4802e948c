//! Tokens, in the style of the CoNLL-2003 data the entity tagger learns from: words, numbers and
//! punctuation apart; possessive `'s` and `n't` split off; hyphenated words, dotted abbreviations
//! (`U.S.`), decimals (`3.5`), times (`10:30`) and thousands (`1,000`) kept whole.

use crate::analysis::span::Span;

/// What a token is made of. The tagger and the rule-based labels read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

/// Splits a sentence span into tokens.
pub fn tokenize(text: &str, sentence: Span) -> impl Iterator<Item = (Span, TokenKind)> + '_ {
    let s = sentence.of(text);
    let base = sentence.start;
    let mut pos = 0;
    std::iter::from_fn(move || {
        // Skip white space.
        let rest = &s[pos..];
        let skip = rest.len() - rest.trim_start().len();
        pos += skip;
        if pos >= s.len() {
            return None;
        }
        let (len, kind) = next_token(&s[pos..]);
        let span = Span::new(base + pos, base + pos + len);
        pos += len;
        Some((span, kind))
    })
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The length and kind of the token at the start of `s` (which starts with a non-space).
fn next_token(s: &str) -> (usize, TokenKind) {
    let mut chars = s.char_indices().peekable();
    let (_, first) = chars.next().expect("non-empty");
    if first.is_alphanumeric() {
        let mut end = first.len_utf8();
        let mut has_letter = first.is_alphabetic();
        let mut prev = first;
        let bytes_of = |i: usize, c: char| i + c.len_utf8();
        let mut rest = s.char_indices().skip(1).peekable();
        while let Some((i, c)) = rest.next() {
            let next = rest.peek().map(|&(_, n)| n);
            if c.is_alphanumeric() || is_mark(c) {
                has_letter |= c.is_alphabetic();
                end = bytes_of(i, c);
            } else if matches!(c, '-' | '‐' | '_' | '&')
                && next.is_some_and(char::is_alphanumeric)
                && prev.is_alphanumeric()
            {
                end = bytes_of(i, c);
            } else if matches!(c, '.' | ',' | ':' | '/')
                && prev.is_ascii_digit()
                && next.is_some_and(|n| n.is_ascii_digit())
            {
                // 3.5, 1,000, 10:30, 24/7
                end = bytes_of(i, c);
            } else if c == '.' && is_dotted_abbreviation(&s[..end], next) {
                end = bytes_of(i, c);
            } else if is_apostrophe(c) && next.is_some_and(char::is_alphabetic) {
                // Possessive 's and contractions split off as their own token (Russia|’s, do|n’t),
                // but names like O’Brien stay whole.
                // At most 4 letters: anything longer is no clitic, and a bound keeps this linear.
                let tail: String = s[bytes_of(i, c)..]
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .take(4)
                    .map(|c| c.to_ascii_lowercase())
                    .collect();
                if matches!(tail.as_str(), "s" | "re" | "ve" | "ll" | "d" | "m") {
                    break;
                }
                if tail == "t" && prev == 'n' {
                    if end == 'n'.len_utf8() {
                        // The token is "n't" itself, split off "don't" just before.
                        end = bytes_of(i, c) + 't'.len_utf8();
                    } else {
                        // "don't": the token is "do", then "n't".
                        end -= 'n'.len_utf8();
                    }
                    break;
                }
                end = bytes_of(i, c);
            } else {
                break;
            }
            prev = c;
        }
        let kind = if has_letter {
            TokenKind::Word
        } else {
            TokenKind::Number
        };
        return (end, kind);
    }
    if is_apostrophe(first) {
        // 's, 're, n't handled here when they start a token.
        let tail: String = s[first.len_utf8()..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .take(4)
            .collect();
        if matches!(
            tail.to_ascii_lowercase().as_str(),
            "s" | "re" | "ve" | "ll" | "d" | "m"
        ) {
            return (first.len_utf8() + tail.len(), TokenKind::Word);
        }
    }
    // Runs of the same punctuation stay together: `...`, `--`, `??`.
    let mut end = first.len_utf8();
    for (i, c) in chars {
        if c == first && matches!(c, '.' | '-' | '!' | '?') {
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    (end, TokenKind::Punct)
}

/// Combining marks keep a word whole (decomposed accents).
fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// `U.S.`, `a.m.`, `J.R.R.`, `Gen.`, `Feb.`: a period that belongs to the word before it.
fn is_dotted_abbreviation(word: &str, next: Option<char>) -> bool {
    // Abbreviations are short; a bound keeps a long dotted run (`a.b.c.…`) linear.
    if word.len() > 16 {
        return false;
    }
    // Inside a dotted run (`U.S` + `.`), or a single letter (`W.`), or a known short form.
    let parts_short = word.split('.').all(|p| p.chars().count() == 1);
    if parts_short && next.is_none_or(|n| !n.is_alphanumeric() || n.is_alphabetic()) {
        return true;
    }
    ABBREVIATIONS.contains(&word)
}

/// Short forms whose period is part of the token.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt", "Maj", "Adm",
    "Prof", "Rev", "St", "Mt", "Ft", "Jr", "Sr", "Inc", "Co", "Corp", "Ltd", "No", "vs", "Jan",
    "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Calif", "Mass",
    "Wash", "Fla", "Ill", "Pa", "Va", "Ga", "Ariz", "Colo", "Conn", "Mich", "Minn", "Tenn", "Tex",
    "Md", "Mo", "Wis", "Okla", "Ore", "Nev", "Ky", "La", "Ala", "Ark", "Del", "Kan", "Neb", "Miss",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len()))
            .map(|(s, _)| s.of(text))
            .collect()
    }

    const CASES: &[(&str, &str, &[&str])] = &[
        (
            "words and punct",
            "Putin met Witkoff.",
            &["Putin", "met", "Witkoff", "."],
        ),
        (
            "possessive curly",
            "Russia’s army",
            &["Russia", "’s", "army"],
        ),
        (
            "possessive straight",
            "Moscow's thoughts",
            &["Moscow", "'s", "thoughts"],
        ),
        (
            "contraction",
            "they don’t engage",
            &["they", "do", "n’t", "engage"],
        ),
        ("we're", "we’re at least", &["we", "’re", "at", "least"]),
        ("O'Brien", "O'Brien said", &["O'Brien", "said"]),
        ("abbreviation", "U.S. envoy", &["U.S.", "envoy"]),
        ("month", "Feb. 28", &["Feb.", "28"]),
        ("title", "Gen. Syrskyi", &["Gen.", "Syrskyi"]),
        ("decimal", "3.5 percent", &["3.5", "percent"]),
        ("thousands", "1,000 troops", &["1,000", "troops"]),
        ("time", "10:30 a.m.", &["10:30", "a.m."]),
        ("hyphen", "30-day ceasefire", &["30-day", "ceasefire"]),
        (
            "hyphenated name",
            "Novo-Ogaryovo residence",
            &["Novo-Ogaryovo", "residence"],
        ),
        ("quotes", "“very good”", &["“", "very", "good", "”"]),
        (
            "dash",
            "LONDON (AP) — U.K.",
            &["LONDON", "(", "AP", ")", "—", "U.K."],
        ),
        ("ellipsis", "Russians...", &["Russians", "..."]),
        ("diacritics", "Nicolás Maduro", &["Nicolás", "Maduro"]),
        ("money", "$4.5 billion", &["$", "4.5", "billion"]),
        ("percent", "20%", &["20", "%"]),
        ("sentence final initial", "Plan B.", &["Plan", "B."]),
        ("word then period", "said.", &["said", "."]),
    ];

    #[test]
    fn named_cases() {
        for (name, input, expected) in CASES {
            assert_eq!(toks(input), *expected, "{name}");
        }
    }

    /// One token per long dotted run used to re-split the whole run at every dot: quadratic.
    #[test]
    fn a_long_dotted_run_is_linear() {
        let text = "a.".repeat(100_000);
        assert!(tokenize(&text, Span::new(0, text.len())).count() > 1);
    }

    #[test]
    fn kinds() {
        let text = "In 2022, Putin";
        let kinds: Vec<TokenKind> = tokenize(text, Span::new(0, text.len()))
            .map(|(_, k)| k)
            .collect();
        assert_eq!(
            kinds,
            [
                TokenKind::Word,
                TokenKind::Number,
                TokenKind::Punct,
                TokenKind::Word
            ]
        );
    }
}
