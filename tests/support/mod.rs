//! Helpers shared by the integration tests: generators of hostile and newsy text, and the checks
//! every analysis and export must pass. `tests/properties.rs` runs them as proptests on every
//! `cargo test`; `tests/fuzz.rs` runs them at scale (`scripts/fuzz`).

// Each test binary compiles this module on its own and uses only part of it.
#![allow(dead_code)]

use std::collections::BTreeSet;

use lede::reading::Run;
use lede::Analysis;
use proptest::prelude::*;

/// Random text that looks a bit like news: words, stops, quotes, datelines, line breaks, and any
/// Unicode scalar at all.
pub fn newsy_text() -> impl Strategy<Value = String> {
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
pub fn check_spans(text: &str, a: &Analysis) {
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

/// Checks that the reading model's pieces join back into each paragraph, and that every paragraph
/// is shown once.
pub fn check_reading(text: &str, a: &Analysis) {
    let model = lede::reading::reading_model(text, a);
    let chars: Vec<char> = text.chars().collect();
    let mut shown = 0;
    for article in &model {
        for p in &article.paragraphs {
            let joined: String = p
                .runs
                .iter()
                .map(|r| match r {
                    Run::Gap(g) => g.clone(),
                    Run::Sentence { pieces, .. } => {
                        pieces.iter().map(|x| x.text.as_str()).collect()
                    }
                })
                .collect();
            let para = &a.paragraphs[p.index];
            let expected: String = chars[para.start..para.end].iter().collect();
            assert_eq!(joined, expected);
            shown += 1;
        }
    }
    assert_eq!(shown, a.paragraphs.len());
}

/// Text made to break things: markup and script, formula and Markdown syntax, and the Unicode
/// that trips up offsets (NUL, emoji sequences, right-to-left marks, CJK, lone combining marks).
pub fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => "[A-Za-z]{1,8}",
        2 => Just(" ".to_string()),
        2 => prop::sample::select(HOSTILE.to_vec()).prop_map(str::to_string),
        2 => prop::sample::select(TRICKY_UNICODE.to_vec()).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

/// Unicode that trips up offsets and rendering.
pub const TRICKY_UNICODE: &[&str] = &[
    "\0",
    "😀",
    "👩‍👩‍👧",
    "🇺🇦",
    "مرحبا",
    "שלום",
    "\u{202E}",
    "\u{200F}",
    "北京",
    "東京都",
    "\u{0301}",
    "\u{0308}\u{0301}",
    "\u{FEFF}",
    "\u{2028}",
    "\u{2029}",
    "\r\n",
    "\r",
    "\t",
    "\u{FFFD}",
    "\u{1F3FD}",
    "e\u{0301}",
    "\u{00A0}",
    "\u{3000}",
];

/// Payloads that would run script or break out of markup, CSV or Markdown if an export ever put
/// them in unescaped.
pub const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//x.example/x.js></SCRIPT>",
    "\"><img src=x onerror=alert(1)>",
    "'><img src=x onerror=alert(1)>",
    "<img src=x onerror=alert(1)//",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<body onload=alert(1)>",
    "<iframe src=javascript:alert(1)>",
    "<iframe srcdoc=\"<script>alert(1)</script>\">",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "</style><script>alert(1)</script>",
    "<a href=\"javascript:alert(1)\">click</a>",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "<div style=\"width: expression(alert(1))\">",
    "<style>@import 'http://x.example/x.css';</style>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<object data=javascript:alert(1)>",
    "<meta http-equiv=refresh content=0;url=javascript:alert(1)>",
    "<!--<script>alert(1)</script>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;",
    "{{constructor.constructor('alert(1)')()}}",
    "=HYPERLINK(\"http://x.example\",\"x\")",
    "=cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "[x](javascript:alert(1))",
    "![x](http://x.example/x.png)",
    "# heading",
    "- item",
    "| a | b |",
    "`code`",
    "*bold* _em_",
    "\\",
    "\"",
    "“",
    "”",
    ",",
];

/// Tag names an HTML export may contain: the ones `static_page` writes.
pub const OUR_TAGS: &[&str] = &[
    "!DOCTYPE", "html", "/html", "head", "/head", "meta", "title", "/title", "style", "/style",
    "body", "/body", "main", "/main", "header", "/header", "h1", "/h1", "h2", "/h2", "h3", "/h3",
    "p", "/p", "strong", "/strong", "div", "/div", "span", "/span", "article", "/article", "q",
    "/q", "mark", "/mark", "details", "/details", "summary", "/summary", "section", "/section",
    "ul", "/ul", "ol", "/ol", "li", "/li", "time", "/time",
];

/// The tag names in `html`: what follows each `<`.
pub fn tags(html: &str) -> BTreeSet<&str> {
    html.match_indices('<')
        .map(|(i, _)| {
            let rest = &html[i + 1..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '/' || c == '!'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

/// Checks that an HTML export holds no markup but its own: every `<` opens one of `OUR_TAGS`, the
/// CSP is there, and no script tag exists.
pub fn check_html(html: &str) {
    for tag in tags(html) {
        assert!(OUR_TAGS.contains(&tag), "unexpected tag <{tag}");
    }
    assert!(html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
    ));
    assert!(!html.to_ascii_lowercase().contains("<script"));
}

/// Reads RFC 4180 CSV (CRLF records) back into cells.
pub fn parse_csv(csv: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = csv.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    assert!(
        !quoted && cell.is_empty() && row.is_empty(),
        "CSV ends with CRLF"
    );
    rows
}

/// Checks a CSV export: it parses, every row has the header's width, and no cell starts with a
/// character that makes a spreadsheet run it as a formula.
pub fn check_csv(csv: &str) {
    let rows = parse_csv(csv);
    let width = rows.first().map_or(0, Vec::len);
    for row in &rows {
        assert_eq!(row.len(), width, "{row:?}");
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "formula cell {cell:?}"
            );
        }
    }
}

/// Checks a Markdown export: every `<` is backslash-escaped, so no raw HTML gets through.
pub fn check_markdown(md: &str) {
    for (i, _) in md.match_indices('<') {
        assert!(md[..i].ends_with('\\'), "unescaped < at {i}");
    }
}

/// Checks a TimelineJS export: JSON whose strings (rendered as HTML by TimelineJS) hold no markup
/// but the exporter's own `<p>`.
pub fn check_timelinejs(json: &str) {
    let value: serde_json::Value = serde_json::from_str(json).expect("TimelineJS JSON parses");
    fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    strings(&value, &mut all);
    for s in all {
        for tag in tags(&s) {
            assert!(tag == "p" || tag == "/p", "markup <{tag} in {s:?}");
        }
    }
}

/// Every export of `text`: none panics, and each passes its check.
pub fn check_exports(text: &str, a: &Analysis) {
    let json = lede::export::json::json(text, a);
    let back: Analysis = serde_json::from_str(&json).expect("the JSON export parses");
    assert_eq!(&back, a);
    check_markdown(&lede::export::markdown::brief(text, a));
    check_timelinejs(&lede::export::timelinejs::timelinejs(text, a));
    check_csv(&lede::export::csv::entities(text, a));
    check_csv(&lede::export::csv::quotes(text, a));
    check_html(&lede::export::static_page::html(text, a));
}
