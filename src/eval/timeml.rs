//! A reader for TimeML `.tml` files: the DCT, the `<TEXT>` with its tags stripped, and the gold
//! TIMEX3 spans (byte offsets into the stripped text).

use crate::analysis::date::Date;

/// One gold TIMEX3.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldTimex {
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub value: String,
    pub modifier: Option<String>,
}

/// One document: its creation time, its plain text, and its gold expressions.
#[derive(Debug, Clone)]
pub struct TimemlDoc {
    pub dct: Option<Date>,
    pub text: String,
    pub timexes: Vec<GoldTimex>,
}

/// The value of attribute `name` in a tag's inside (`TIMEX3 tid="t1" type="DATE"`).
fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')?;
    Some(tag[at..at + end].to_string())
}

/// The character of an XML entity at the start of `s` (`&amp;`…) and the entity's length.
pub(crate) fn decode_entity(s: &str) -> Option<(char, usize)> {
    for (name, c) in [
        ("&amp;", '&'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&apos;", '\''),
    ] {
        if s.starts_with(name) {
            return Some((c, name.len()));
        }
    }
    None
}

/// Parses a `.tml` document.
pub fn parse(source: &str) -> TimemlDoc {
    let dct = source
        .find("<DCT>")
        .and_then(|at| {
            let rest = &source[at..];
            let end = rest.find('>').unwrap_or(0);
            let tag_start = rest[end + 1..].find("<TIMEX3")? + end + 1;
            let tag_end = rest[tag_start..].find('>')? + tag_start;
            attr(&rest[tag_start..tag_end], "value")
        })
        .and_then(|v| v.get(..10).and_then(|d| d.parse().ok()));
    let body = match (source.find("<TEXT>"), source.find("</TEXT>")) {
        (Some(a), Some(b)) if a < b => &source[a + "<TEXT>".len()..b],
        _ => "",
    };
    let mut text = String::with_capacity(body.len());
    let mut timexes = Vec::new();
    let mut open: Option<(usize, String)> = None;
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with('<') {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            let tag = &rest[..end];
            if tag.starts_with("<TIMEX3") {
                open = Some((text.len(), tag.to_string()));
            } else if tag.starts_with("</TIMEX3") {
                if let Some((start, tag)) = open.take() {
                    timexes.push(GoldTimex {
                        start,
                        end: text.len(),
                        kind: attr(&tag, "type").unwrap_or_default(),
                        value: attr(&tag, "value").unwrap_or_default(),
                        modifier: attr(&tag, "mod"),
                    });
                }
            }
            i += end;
        } else if let Some((c, len)) = decode_entity(rest) {
            text.push(c);
            i += len;
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            text.push(c);
            i += c.len_utf8();
        }
    }
    TimemlDoc { dct, text, timexes }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_and_keeps_offsets() {
        let src = r#"<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07">x</TIMEX3></DCT>
<TEXT>Bombs <EVENT eid="e1">exploded</EVENT> &amp; more <TIMEX3 tid="t1" type="DATE" value="1998-08-07" mod="END">late Friday</TIMEX3>.</TEXT>"#;
        let doc = parse(src);
        assert_eq!(doc.dct, Some(Date::new(1998, 8, 7).unwrap()));
        assert_eq!(doc.text, "Bombs exploded & more late Friday.");
        let t = &doc.timexes[0];
        assert_eq!(&doc.text[t.start..t.end], "late Friday");
        assert_eq!(t.modifier.as_deref(), Some("END"));
    }
}
