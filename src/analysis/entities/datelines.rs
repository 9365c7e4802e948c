//! A wire dateline's place is a place: `CAPE CANAVERAL, Fla. (Reuters) -`, `SAO PAULO (Reuters)`.
//!
//! The segmenter already knows where a dateline's place is (`segment::DatelineSeg`): the words in
//! capitals before the agency's credit, and the state or country after a comma. The tagger reads
//! them as any other words in capitals, and most come out right, but not all: in probes written
//! as Reuters writes, `CAPE CANAVERAL` got no mark, `SAO PAULO` was a person, `ST. PETERSBURG`
//! lost its `ST.` and `Del.` (Delaware) was passed over. So each part of the place is one place,
//! whatever the tagger read there, and the agency's credit is an organisation.

use super::conventions::set_span;
use super::tagger::label;
use crate::analysis::segment::{DatelineSeg, Token};
use crate::analysis::span::Span;

const ORG: usize = 1;
const LOC: usize = 2;

/// Labels the words of a dateline's place as places, the city and what follows its comma each
/// one name, and the agency's credit in parentheses as an organisation (`(AP)`: on a line of
/// its own, the tagger left it unmarked). `tokens` are the sentence's tokens that holds the
/// dateline, and `labels` their labels.
#[inline(never)]
pub fn dateline_places(text: &str, dateline: &DatelineSeg, tokens: &[Token], labels: &mut [u8]) {
    let place = dateline.place;
    // The one word between the parentheses after the place is the agency (`find_dateline`
    // accepts only a listed agency there).
    let credit = (1..tokens.len().saturating_sub(1)).find(|&i| {
        dateline.span.contains(tokens[i].span)
            && tokens[i].span.start >= place.end
            && tokens[i - 1].span.of(text) == "("
            && tokens[i + 1].span.of(text) == ")"
    });
    if let Some(i) = credit {
        labels[i] = label(ORG, false) as u8;
    }
    let written = place.of(text);
    let mut parts = Vec::with_capacity(2);
    match written.split_once(',') {
        Some((city, _)) => {
            parts.push(Span::new(place.start, place.start + city.len()));
            parts.push(Span::new(place.start + city.len() + 1, place.end));
        }
        None => parts.push(place),
    }
    for part in parts {
        let inside: Vec<usize> = (0..tokens.len())
            .filter(|&i| part.start <= tokens[i].span.start && tokens[i].span.end <= part.end)
            .collect();
        let (Some(&a), Some(&last)) = (inside.first(), inside.last()) else {
            continue;
        };
        let b = last + 1;
        let capitalised = tokens[a..b]
            .iter()
            .all(|t| !t.span.of(text).starts_with(char::is_lowercase));
        if !capitalised || !tokens[a].span.of(text).starts_with(char::is_uppercase) {
            continue;
        }
        set_span(labels, a, b, LOC);
        // A name of the tagger's that ran on past the place ends with it.
        let mut after = b;
        while after < labels.len() && usize::from(labels[after]) > super::tagger::TYPES.len() {
            labels[after] = 0;
            after += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::segment::segment;

    /// The names of `label` the whole pipeline finds in `text`.
    fn names(text: &str, label: &str) -> Vec<String> {
        let doc = segment(text);
        let found = super::super::find(text, &doc, &[], None);
        found
            .mentions
            .iter()
            .filter(|m| m.label == label)
            .map(|m| m.span.of(text).to_string())
            .collect()
    }

    /// The places found in a one-paragraph story with `dateline`.
    fn places(dateline: &str) -> Vec<String> {
        let text = format!("{dateline} (Reuters) - The company said on Monday it would cut jobs.");
        names(&text, "LOC")
    }

    #[test]
    fn the_agency_is_an_organisation_on_a_line_of_its_own() {
        let text = "BUFFALO, N.Y. (AP) --\n\nDr. Barnett Slepian was at home.";
        assert_eq!(names(text, "ORG"), ["AP"]);
        assert_eq!(names(text, "LOC"), ["BUFFALO", "N.Y."]);
    }

    #[test]
    fn a_datelines_place_is_a_place() {
        let cases: &[(&str, &[&str])] = &[
            ("CAPE CANAVERAL, Fla.", &["CAPE CANAVERAL", "Fla."]),
            ("SAO PAULO", &["SAO PAULO"]),
            ("ST. PETERSBURG, Fla.", &["ST. PETERSBURG", "Fla."]),
            ("WILMINGTON, Del.", &["WILMINGTON", "Del."]),
            ("KYIV, Ukraine", &["KYIV", "Ukraine"]),
            ("LONDON", &["LONDON"]),
        ];
        for (dateline, want) in cases {
            assert_eq!(places(dateline), *want, "{dateline}");
        }
    }
}
