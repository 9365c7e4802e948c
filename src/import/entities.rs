//! Character references: `&amp;`, `&rsquo;`, `&#8217;`, `&#x2019;`.
//!
//! The full HTML table has 2,231 names; news pages use a few dozen. This module knows the Latin-1
//! range (`&nbsp;` to `&yuml;`) and the punctuation, symbols and letters that newsroom systems emit,
//! which keeps the wasm bundle small. Anything it does not know (an unknown name, a number that is
//! no character) stays in the text literally, as a browser shows an unknown name.

/// Names of U+00A0 to U+00FF, in code-point order.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// Names outside Latin-1 that news pages use.
const OTHER: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("hellip", '…'),
    ("bull", '•'),
    ("prime", '′'),
    ("Prime", '″'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("permil", '‰'),
    ("trade", '™'),
    ("euro", '€'),
    ("minus", '−'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("hairsp", '\u{200A}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Yuml", 'Ÿ'),
    ("fnof", 'ƒ'),
    ("circ", 'ˆ'),
    ("tilde", '˜'),
    ("larr", '←'),
    ("rarr", '→'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("harr", '↔'),
    ("le", '≤'),
    ("ge", '≥'),
    ("ne", '≠'),
    ("asymp", '≈'),
    ("infin", '∞'),
    ("alpha", 'α'),
    ("beta", 'β'),
    ("gamma", 'γ'),
    ("delta", 'δ'),
    ("mu", 'μ'),
    ("pi", 'π'),
    ("Delta", 'Δ'),
    ("Omega", 'Ω'),
    ("numsp", '\u{2007}'),
    ("nbsp", '\u{A0}'),
];

/// Names that browsers accept without the closing `;` in text (`&amp` and friends): legacy pages
/// still write `AT&T &copy 2008`.
const NO_SEMICOLON: &[&str] = &["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"];

/// Windows-1252 for `&#128;` to `&#159;`: what old CMSes mean by `&#147;` (a curly quote), and what
/// browsers show. `\0` marks the five holes, which stay literal.
const CP1252: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0', '‘',
    '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

/// The character a name stands for.
fn named(name: &str) -> Option<char> {
    if let Some(i) = LATIN1.iter().position(|n| *n == name) {
        return char::from_u32(0xA0 + i as u32);
    }
    OTHER.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
}

/// The character a numeric reference stands for, or `None` for a number that is no character
/// (zero, a surrogate, past U+10FFFF, a C1 hole).
fn numeric(value: u32) -> Option<char> {
    match value {
        0 => None,
        0x80..=0x9F => Some(CP1252[(value - 0x80) as usize]).filter(|&c| c != '\0'),
        _ => char::from_u32(value),
    }
}

/// Reads one character reference at the start of `s` (which begins with `&`): the character and
/// how many bytes it used, or `None` to keep the `&` literally.
pub fn reference_at(s: &str) -> Option<(char, usize)> {
    let bytes = s.as_bytes();
    debug_assert_eq!(bytes.first(), Some(&b'&'));
    if bytes.get(1) == Some(&b'#') {
        let hex = matches!(bytes.get(2), Some(b'x' | b'X'));
        let digits_start = if hex { 3 } else { 2 };
        let radix = if hex { 16 } else { 10 };
        let digits = bytes[digits_start..]
            .iter()
            .take_while(|&&b| (b as char).is_digit(radix))
            .count();
        // Eight digits reach past U+10FFFF in either base; more are garbage, kept literally.
        if digits == 0 || digits > 8 {
            return None;
        }
        let end = digits_start + digits;
        let value = u32::from_str_radix(&s[digits_start..end], radix).ok()?;
        let c = numeric(value)?;
        let used = if bytes.get(end) == Some(&b';') {
            end + 1
        } else {
            end
        };
        return Some((c, used));
    }
    let len = bytes[1..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .take(33)
        .count();
    if len == 0 || len > 32 {
        return None;
    }
    let name = &s[1..1 + len];
    if bytes.get(1 + len) == Some(&b';') {
        return named(name).map(|c| (c, len + 2));
    }
    if NO_SEMICOLON.contains(&name) {
        return named(name).map(|c| (c, len + 1));
    }
    None
}

/// `s` with every character reference it knows replaced.
pub fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    decode_into(s, &mut |c| out.push(c));
    out
}

/// Feeds the characters of `s`, references decoded, to `push`. Linear: each byte is read once,
/// and a reference reads at most 35 bytes past its `&`.
pub fn decode_into(s: &str, push: &mut dyn FnMut(char)) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        rest[..amp].chars().for_each(&mut *push);
        let tail = &rest[amp..];
        match reference_at(tail) {
            Some((c, used)) => {
                push(c);
                rest = &tail[used..];
            }
            None => {
                push('&');
                rest = &tail[1..];
            }
        }
    }
    rest.chars().for_each(push);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references() {
        let cases: &[(&str, &str, &str)] = &[
            ("common names", "&amp; &lt; &gt; &quot; &#39;", "& < > \" '"),
            (
                "typography",
                "&rsquo;&ldquo;&rdquo;&mdash;&ndash;&hellip;",
                "’“”—–…",
            ),
            ("nbsp", "a&nbsp;b", "a\u{a0}b"),
            (
                "latin-1 letters",
                "Nicol&aacute;s Dur&atilde;o &Uuml;ber &yuml;",
                "Nicolás Durão Über ÿ",
            ),
            ("decimal", "&#8217;&#233;", "’é"),
            ("hex", "&#x2019;&#X1F600;", "’😀"),
            ("cp1252 range", "&#147;hi&#148;", "“hi”"),
            (
                "legacy without semicolon",
                "AT&T &copy 2008 &amp co",
                "AT&T © 2008 & co",
            ),
            ("unknown name kept", "&bogus; &rsquo", "&bogus; &rsquo"),
            ("bare ampersand", "Q&A & more &", "Q&A & more &"),
            ("zero kept", "&#0;", "&#0;"),
            ("surrogate kept", "&#xD800;", "&#xD800;"),
            (
                "too large kept",
                "&#x110000; &#99999999999;",
                "&#x110000; &#99999999999;",
            ),
            ("no digits kept", "&#; &#x; &#xg;", "&#; &#x; &#xg;"),
            ("cp1252 hole kept", "&#129;", "&#129;"),
            ("multibyte around", "é&amp;😀", "é&😀"),
            (
                "long name",
                &format!("&{};", "a".repeat(40)),
                &format!("&{};", "a".repeat(40)),
            ),
        ];
        for (name, input, expected) in cases {
            assert_eq!(decode(input), *expected, "{name}");
        }
    }

    #[test]
    fn every_latin1_name_round_trips() {
        for (i, name) in LATIN1.iter().enumerate() {
            let c = char::from_u32(0xA0 + i as u32).unwrap();
            assert_eq!(decode(&format!("&{name};")), c.to_string(), "{name}");
        }
    }
}
