//! Widening and narrowing a mention by one word, for the mark menu's arrows.

/// Which edge of a span moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    Start,
    End,
}

/// `start..end` (code points of `text`) with one edge moved by a word: outwards to take in the
/// next word (`widen`), or inwards to give up the outermost one. Never past `bounds` (the
/// paragraph) and never empty; `None` when there is no word to take or give.
pub fn nudge(
    text: &str,
    (start, end): (usize, usize),
    bounds: (usize, usize),
    edge: Edge,
    widen: bool,
) -> Option<(usize, usize)> {
    let chars: Vec<char> = text
        .chars()
        .skip(bounds.0)
        .take(bounds.1.saturating_sub(bounds.0))
        .collect();
    let (s, e) = (start.checked_sub(bounds.0)?, end.checked_sub(bounds.0)?);
    if s >= e || e > chars.len() {
        return None;
    }
    // Between words: anything but letters, digits and the marks inside names (U.S., O'Brien,
    // AT&T, Jean-Pierre).
    let space = |i: usize| !(chars[i].is_alphanumeric() || "'’-.&".contains(chars[i]));
    let (s, e) = match (edge, widen) {
        (Edge::Start, true) => {
            let mut i = s;
            while i > 0 && space(i - 1) {
                i -= 1;
            }
            while i > 0 && !space(i - 1) {
                i -= 1;
            }
            (i, e)
        }
        (Edge::End, true) => {
            let mut i = e;
            while i < chars.len() && space(i) {
                i += 1;
            }
            while i < chars.len() && !space(i) {
                i += 1;
            }
            (s, i)
        }
        (Edge::Start, false) => {
            let mut i = s;
            while i < e && !space(i) {
                i += 1;
            }
            while i < e && space(i) {
                i += 1;
            }
            (i, e)
        }
        (Edge::End, false) => {
            let mut i = e;
            while i > s && !space(i - 1) {
                i -= 1;
            }
            while i > s && space(i - 1) {
                i -= 1;
            }
            (s, i)
        }
    };
    (s < e && (s, e) != (start - bounds.0, end - bounds.0)).then_some((s + bounds.0, e + bounds.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_one_word() {
        let text = "At the White House, Trump spoke.";
        let whole = (0, text.chars().count());
        let house = (7, 18);
        assert_eq!(&text[7..18], "White House");
        let cases = [
            ("widen left", house, Edge::Start, true, Some((3, 18))),
            ("widen right", house, Edge::End, true, Some((7, 25))),
            ("narrow left", house, Edge::Start, false, Some((13, 18))),
            ("narrow right", house, Edge::End, false, Some((7, 12))),
            ("one word cannot narrow", (13, 18), Edge::Start, false, None),
            ("nothing left of the start", (0, 2), Edge::Start, true, None),
            ("nothing right of the end", (26, 32), Edge::End, true, None),
        ];
        for (name, span, edge, widen, expected) in cases {
            assert_eq!(nudge(text, span, whole, edge, widen), expected, "{name}");
        }
        // Never past the paragraph.
        assert_eq!(nudge(text, (7, 18), (7, 25), Edge::Start, true), None);
    }
}
