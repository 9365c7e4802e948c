//! Property tests over random Unicode input: nothing panics, every span in the JSON slices the
//! input on character boundaries, and the parts nest and tile as the contract says.

use lede::reading::Run;
use lede::{analyze, Analysis, Options};
use proptest::prelude::*;

/// Random text that looks a bit like news: words, stops, quotes, datelines, line breaks, and any
/// Unicode scalar at all.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[A-Za-z]{1,8}",
        2 => Just(" ".to_string()),
        1 => prop::sample::select(vec![
            ".", "?", "!", "…", "...", "“", "”", "\"", "’s", "U.S.", "Feb.", "Gen.", "\n", "\r\n",
            "\n\n", "LONDON (AP) — ", "3.5", "10:30 a.m.", "😀", "é", "北京", "\u{2029}", "\t", "—",
        ]).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..200).prop_map(|v| v.concat())
}

/// Checks every span of `a` against `text`.
fn check_spans(text: &str, a: &Analysis) {
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(a.text_length, chars.len());
    let slice = |start: usize, end: usize| -> String {
        assert!(
            start <= end && end <= chars.len(),
            "span {start}..{end} out of bounds {}",
            chars.len()
        );
        chars[start..end].iter().collect()
    };
    // Articles tile the text.
    assert!(!a.articles.is_empty());
    assert_eq!(a.articles[0].start, 0);
    assert_eq!(a.articles.last().unwrap().end, chars.len());
    for w in a.articles.windows(2) {
        assert_eq!(w[0].end, w[1].start);
    }
    for art in &a.articles {
        if let Some(d) = &art.dateline {
            assert!(slice(d.start, d.end).starts_with(&d.place));
        }
    }
    // Paragraphs: in order, non-overlapping, trimmed, non-empty, inside their article; only white
    // space between them, so no text is dropped.
    let mut prev_end = 0;
    for p in &a.paragraphs {
        let s = slice(p.start, p.end);
        assert!(
            !s.is_empty() && s.trim() == s,
            "paragraph {s:?} is trimmed and non-empty"
        );
        assert!(
            slice(prev_end, p.start).trim().is_empty(),
            "only white space between paragraphs"
        );
        let art = &a.articles[p.article];
        assert!(art.start <= p.start && p.end <= art.end);
        prev_end = p.end;
    }
    assert!(slice(prev_end, chars.len()).trim().is_empty());
    // Sentences: inside their paragraph, in order, and with only white space between them.
    for (i, s) in a.sentences.iter().enumerate() {
        let p = &a.paragraphs[s.paragraph];
        assert!(p.start <= s.start && s.end <= p.end && s.start < s.end);
        let gap_start = if i > 0 && a.sentences[i - 1].paragraph == s.paragraph {
            a.sentences[i - 1].end
        } else {
            p.start
        };
        assert!(
            slice(gap_start, s.start).trim().is_empty(),
            "no text dropped between sentences"
        );
    }
    for e in &a.entities {
        assert_eq!(slice(e.start, e.end), e.text);
    }
    for q in &a.quotes {
        let quote = slice(q.start, q.end);
        assert!(!quote.is_empty(), "a quote has its opening mark at least");
        assert!(q.paragraph < a.paragraphs.len());
        if let Some(s) = &q.speaker {
            assert!(
                !slice(s.start, s.end).is_empty(),
                "a speaker is written in the text"
            );
        }
    }
    for p in &a.quoted_phrases {
        slice(p.start, p.end);
    }
    for t in &a.timexes {
        slice(t.start, t.end);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_unicode_never_panics_and_spans_hold(text in any::<String>()) {
        check_spans(&text, &analyze(&text, &Options::default()));
    }

    #[test]
    fn newsy_text_never_panics_and_spans_hold(text in newsy_text()) {
        check_spans(&text, &analyze(&text, &Options::default()));
    }

    #[test]
    fn the_reading_view_joins_back_into_the_text(text in newsy_text()) {
        let a = analyze(&text, &Options::default());
        let model = lede::reading::reading_model(&text, &a);
        let chars: Vec<char> = text.chars().collect();
        let mut shown = 0;
        for article in &model {
            for p in &article.paragraphs {
                let joined: String = p.runs.iter().map(|r| match r {
                    Run::Gap(g) => g.clone(),
                    Run::Sentence { pieces, .. } => pieces.iter().map(|x| x.text.as_str()).collect(),
                }).collect();
                let para = &a.paragraphs[p.index];
                let expected: String = chars[para.start..para.end].iter().collect();
                prop_assert_eq!(joined, expected);
                shown += 1;
            }
        }
        prop_assert_eq!(shown, a.paragraphs.len());
    }

    #[test]
    fn json_round_trips(text in newsy_text()) {
        let a = analyze(&text, &Options::default());
        let json = serde_json::to_string(&a).unwrap();
        let back: Analysis = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(a, back);
    }
}

#[test]
fn the_sample_holds_too() {
    check_spans(
        lede::SAMPLE_ARTICLE,
        &analyze(lede::SAMPLE_ARTICLE, &Options::default()),
    );
}
