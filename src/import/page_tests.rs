//! Named cases for whole pages: the damage crawled pages carry, and the layouts that decide which
//! part of a page is the story. Each case is a small page written for the test; the rules were
//! measured on the news-html pages (`lede eval-html`), never copied from them.

use super::*;
use crate::analysis::model::Role;
use crate::analysis::model::Role::*;

/// Each paragraph of a page import with its hinted role.
fn page(html: &str) -> Vec<(String, Option<Role>)> {
    roles_of(&from_html_as(html, Source::Page))
}

fn roles_of(imported: &Imported) -> Vec<(String, Option<Role>)> {
    let text = &imported.text;
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split("\n\n").filter(|_| !text.is_empty()) {
        let end = start + piece.len();
        let role = imported
            .hints
            .iter()
            .find(|h| h.start <= start && end <= h.end)
            .map(|h| h.role);
        out.push((piece.to_string(), role));
        start = end + 2;
    }
    out
}

/// The role of the paragraph starting with `start`; panics with the whole import if none does.
fn role_of(got: &[(String, Option<Role>)], start: &str) -> Option<Role> {
    got.iter()
        .find(|(p, _)| p.starts_with(start))
        .unwrap_or_else(|| panic!("no paragraph starts with {start:?} in {got:#?}"))
        .1
}

/// A story paragraph long enough to count as prose.
const PARA: &str = "<p>Russian President Vladimir Putin met U.S. envoy Steve Witkoff in Moscow on Thursday, the Kremlin said, and the two talked about the proposal for hours.</p>";

/// A site menu: links, no prose.
const MENU: &str = "<ul class=menu><li><a href=/>Home</a><li><a href=/world>World</a><li><a href=/sport>Sport</a></ul>";

/// Each case: name, page, and (paragraph start, expected role) facts about the import.
type Case<'a> = (&'a str, String, &'a [(&'a str, Option<Role>)]);

fn check(cases: &[Case]) {
    for (name, html, facts) in cases {
        let got = page(html);
        for (start, expected) in *facts {
            assert_eq!(
                role_of(&got, start),
                *expected,
                "{name}: {start:?} in {got:#?}"
            );
        }
    }
}

#[test]
fn page_wide_forms() {
    let story = PARA.repeat(4);
    check(&[
        (
            "an ASP.NET form around the whole page is not furniture",
            format!("<html><body><form id=aspnetForm method=post><div id=top>{MENU}</div><div id=story>{story}</div><div>Site footer text</div></form></body></html>"),
            &[("Russian President", Some(Body)), ("Home", Some(Boilerplate))],
        ),
        (
            "a search form beside the story is furniture",
            format!("<html><body><form action=/search><p>Search the archive of this newspaper</p><input><button>Go</button></form><div>{story}</div></body></html>"),
            &[("Search the archive", Some(Boilerplate)), ("Russian President", Some(Body))],
        ),
        (
            "a comment form after the story is furniture",
            format!("<html><body><div>{story}</div><form><label>Your comment, please keep it civil</label><textarea></textarea></form></body></html>"),
            &[("Your comment", Some(Boilerplate)), ("Russian President", Some(Body))],
        ),
    ]);
    // A clipboard fragment of an ASP.NET page: the tags' own roles only, and the form is no
    // furniture either.
    let fragment = format!("<form id=aspnetForm>{story}</form>");
    let got = roles_of(&from_html_as(&fragment, Source::Fragment));
    assert_eq!(role_of(&got, "Russian President"), None, "{got:?}");
}

#[test]
fn class_and_id_words_are_whole_words() {
    let story = PARA.repeat(4);
    check(&[
        (
            "an ASP.NET story container whose path passes a NavWebPart",
            format!("<html><body><div id=ctl00_topBanner_NavWebPart_TopLinks>{MENU}</div><div id=ctl00_ContentPlaceHolder_article_NavWebPart_Article>{story}</div></body></html>"),
            &[("Russian President", Some(Body)), ("Home", Some(Boilerplate))],
        ),
        (
            "words that merely contain a furniture word",
            format!("<html><body><div class=\"canvas shadow download headline\">{story}</div></body></html>"),
            &[("Russian President", Some(Body))],
        ),
        (
            "a story container named after its widget keeps the story",
            format!("<html><body><div class=\"story-nav-container\">{story}</div><div class=\"story-share\"><p>Share this story with your friends on every network you use</p></div></body></html>"),
            &[("Russian President", Some(Body)), ("Share this story", Some(Boilerplate))],
        ),
    ]);
}

#[test]
fn pre_text_is_reflowed() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "hard-wrapped press release",
            "<pre>\nWASHINGTON, Jan. 14 /PRNewswire/ -- The company said on Tuesday that it\nwould cut about 500 jobs over the next year, a spokesman said.\n\nShares fell 3 percent in early trading on the New York Stock\nExchange.</pre>",
            &[
                "WASHINGTON, Jan. 14 /PRNewswire/ -- The company said on Tuesday that it would cut about 500 jobs over the next year, a spokesman said.",
                "Shares fell 3 percent in early trading on the New York Stock Exchange.",
            ],
        ),
        (
            "a table keeps its rows",
            "<pre>Team      W    L\nLakers   30   12\nCeltics  34    3</pre>",
            &["Team W L\nLakers 30 12\nCeltics 34 3"],
        ),
        (
            "short lines keep their breaks",
            "<pre>Contact:\nJane Roe\n555-0100</pre>",
            &["Contact:\nJane Roe\n555-0100"],
        ),
        (
            "blank lines with spaces still separate",
            "<pre>First paragraph of a release, long enough to be prose.\n   \t\nSecond.</pre>",
            &["First paragraph of a release, long enough to be prose.", "Second."],
        ),
    ];
    for (name, html, expected) in cases {
        let got: Vec<String> = roles_of(&from_html(html))
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        assert_eq!(got, *expected, "{name}");
    }
}

#[test]
fn damaged_markup() {
    // (name, page, title, text)
    let cases: &[(&str, &str, Option<&str>, &str)] = &[
        (
            "unclosed title ends at its line",
            "<html><head><title>BBC SPORT | Cricket\n<script src=a.js></script></head><body><p>Story text.</p></body></html>",
            Some("BBC SPORT | Cricket"),
            "Story text.",
        ),
        (
            "unclosed title ends at a tag",
            "<html><head><title>Microsoft faces new cases</titavaScript\" src=x></script><body><p>Story text.</p>",
            Some("Microsoft faces new cases"),
            "Story text.",
        ),
        (
            "unclosed script ends at the next line that starts with a tag",
            "<html><body><script>var a = 1;\nif (a < 2) { a++; }\n<div><p>Story text.</p></div></body></html>",
            None,
            "Story text.",
        ),
        (
            "unclosed style",
            "<html><head><style>p { color: red }\n</head><body><p>Story text.</p>",
            None,
            "Story text.",
        ),
        (
            "a broken html tag does not swallow the script after it",
            "<html xmlns=\"http://www.w3.org/1999/t>\n\n <script type=\"text/javascript\">var s = \"x\";</script>\n<body><p>Story text.</p>",
            None,
            "Story text.",
        ),
        (
            "a closed quote with a > inside is one value",
            "<html><body><p title=\"a > b\">Story text.</p>",
            None,
            "Story text.",
        ),
        (
            "NUL and escape characters are dropped",
            "<html><body><p>Story\u{0} te\u{1b}xt.</p>",
            None,
            "Story text.",
        ),
    ];
    for (name, html, title, text) in cases {
        let got = from_html(html);
        assert_eq!(got.title.as_deref(), *title, "{name}");
        assert_eq!(got.text, *text, "{name}");
    }
}

#[test]
fn br_separated_paragraphs() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "br br in a cell",
            "<table><tr><td>One, with a comma.<br><br>Two.<br />\n<br />Three.</td></tr></table>",
            &["One, with a comma.", "Two.", "Three."],
        ),
        (
            "one br stays a line break",
            "<div>One<br>Two</div>",
            &["One\nTwo"],
        ),
    ];
    for (name, html, expected) in cases {
        let got: Vec<String> = roles_of(&from_html(html))
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        assert_eq!(got, *expected, "{name}");
    }
    // A story written as text with `<br><br>` straight in a cell outweighs a column of teasers
    // in `<p>`s beside it: its paragraphs count one by one.
    let story = "Russian President Vladimir Putin met U.S. envoy Steve Witkoff in Moscow on Thursday, the Kremlin said in a statement about the ceasefire.<br><br>".repeat(6);
    let teaser = "<p>Another story somewhere else in one short line</p>";
    let html = format!(
        "<html><body><table><tr><td>{story}</td><td>{}</td></tr></table></body></html>",
        teaser.repeat(3)
    );
    check(&[(
        "a br-separated story in a table cell",
        html,
        &[
            ("Russian President", Some(Body)),
            ("Another story", Some(Boilerplate)),
        ],
    )]);
}

#[test]
fn layout_tables() {
    let story = PARA.repeat(5);
    let rail = "<p><a href=/a>A teaser headline for another story</a></p>".repeat(6);
    check(&[(
        "a three-column layout table",
        format!("<html><body><table><tr><td colspan=3>{MENU}</td></tr><tr><td>{rail}</td><td><h1>Putin backs truce</h1>{story}</td><td>{rail}</td></tr><tr><td colspan=3>Copyright 2025 The Daily Paper, all rights reserved</td></tr></table></body></html>"),
        &[
            ("Putin backs truce", Some(Heading)),
            ("Russian President", Some(Body)),
            ("A teaser headline", Some(Boilerplate)),
            ("Home", Some(Boilerplate)),
            ("Copyright 2025", Some(Boilerplate)),
        ],
    )]);
}

#[test]
fn headline_from_the_title() {
    let story = PARA.repeat(4);
    check(&[
        (
            "the block the title names is the headline, outside the story's container",
            format!("<html><head><title>Putin backs truce in principle - AP News</title></head><body>{MENU}<div class=top><b>Putin backs truce in principle</b></div><div class=story>{story}</div></body></html>"),
            &[("Putin backs truce", Some(Heading)), ("Russian President", Some(Body))],
        ),
        (
            "a heading that is the title's first clause",
            format!("<html><head><title>Putin backs truce in principle, says details remain - AP</title></head><body>{MENU}<h2>Putin backs truce in principle</h2><div class=story>{story}</div></body></html>"),
            &[("Putin backs truce", Some(Heading))],
        ),
    ]);
    // (name, page, the text's first paragraphs, the role of the fourth)
    let cases: &[(&str, String, &[&str], Option<Role>)] = &[
        (
            "no headline in the body: the title's longest part, before the story",
            format!("<html><head><title>Putin backs truce in principle | AP News</title></head><body>{MENU}<div class=story>{story}</div></body></html>"),
            &["Home", "World", "Sport", "Putin backs truce in principle", "Russian President"],
            Some(Heading),
        ),
        (
            "og:title is the headline alone",
            format!("<html><head><title>AP News: world</title><meta property=og:title content=\"Putin backs  truce\"></head><body>{MENU}<div class=story>{story}</div></body></html>"),
            &["Home", "World", "Sport", "Putin backs truce", "Russian President"],
            Some(Heading),
        ),
        (
            "a headline worded unlike the title: nothing added",
            format!("<html><head><title>The Daily Paper - World news</title></head><body>{MENU}<div class=story><p class=big>Putin says yes, with conditions</p>{story}</div></body></html>"),
            &["Home", "World", "Sport", "Putin says yes, with conditions", "Russian President"],
            None,
        ),
    ];
    for (name, html, expected, role) in cases {
        let got = page(html);
        let firsts: Vec<&str> = got
            .iter()
            .zip(*expected)
            .map(|((p, _), e)| if p.starts_with(e) { *e } else { p.as_str() })
            .collect();
        assert_eq!(firsts, *expected, "{name}");
        assert_eq!(got[3].1, *role, "{name}");
    }
}
