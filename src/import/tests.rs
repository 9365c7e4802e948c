//! Named cases for the HTML and Markdown imports.

use super::*;
use crate::analysis::model::Role;
use crate::analysis::model::Role::*;

/// Each paragraph of an import (split at blank lines) with the role its hint gives, if any.
fn paragraphs(imported: &Imported) -> Vec<(String, Option<Role>)> {
    let text = &imported.text;
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split("\n\n") {
        let end = start + piece.len();
        let role = imported
            .hints
            .iter()
            .find(|h| h.start <= start && end <= h.end)
            .map(|h| h.role);
        out.push((piece.to_string(), role));
        start = end + 2;
    }
    if text.is_empty() {
        out.clear();
    }
    out
}

/// A named case: input, and the paragraphs with their hinted roles.
type Case<'a> = (&'a str, &'a str, &'a [(&'a str, Option<Role>)]);

fn html(input: &str) -> Vec<(String, Option<Role>)> {
    paragraphs(&from_html(input))
}

fn owned(expected: &[(&str, Option<Role>)]) -> Vec<(String, Option<Role>)> {
    expected.iter().map(|(t, r)| (t.to_string(), *r)).collect()
}

#[test]
fn text_and_whitespace() {
    let cases: &[Case] = &[
        ("empty", "", &[]),
        ("plain text", "Just text.", &[("Just text.", None)]),
        ("paragraphs", "<p>One.</p><p>Two.</p>", &[("One.", None), ("Two.", None)]),
        ("unclosed p", "<p>One.<p>Two.", &[("One.", None), ("Two.", None)]),
        (
            "unclosed li",
            "<ul><li>One<li>Two</ul>After",
            &[("One", None), ("Two", None), ("After", None)],
        ),
        (
            "nested inline tags inside a word",
            "<p>Zel<b>en</b>sky and <i>Pu</i><em>tin</em></p>",
            &[("Zelensky and Putin", None)],
        ),
        (
            "white space collapses",
            "<p>\n  Putin   met\n\tWitkoff  </p>",
            &[("Putin met Witkoff", None)],
        ),
        (
            "space across inline tags",
            "<p>a <b> b </b> c</p>",
            &[("a b c", None)],
        ),
        ("br is a line break", "<p>Line one<br>Line two<br/></p>", &[("Line one\nLine two", None)]),
        (
            "br br is a blank line",
            "<div>One<br><br><br>Two</div>",
            &[("One", None), ("Two", None)],
        ),
        (
            "pre: short and column lines keep their breaks",
            "<pre>\na  b\r\n  c</pre><p>d</p>",
            &[("a b\nc", None), ("d", None)],
        ),
        (
            "text straight in a div around a p",
            "<div>Intro<p>Para</p>tail</div>",
            &[("Intro", None), ("Para", None), ("tail", None)],
        ),
        ("nbsp-only paragraph dropped", "<p>&nbsp;</p><p>x</p>", &[("x", None)]),
        (
            "entities",
            "<p>AT&amp;T &lt;b&gt; &quot;q&quot; it&#39;s &rsquo;&ldquo;&rdquo; &mdash; &ndash; &hellip; &#8220;&#x201D; &bogus;</p>",
            &[("AT&T <b> \"q\" it's ’“” — – … “” &bogus;", None)],
        ),
        (
            "table cells",
            "<table><tr><td>a<td>b<tr><td>c</table>",
            &[("a", None), ("b", None), ("c", None)],
        ),
        (
            "headings",
            "<h1>Title</h1><h2>Sub <a href=#>x</a></h2><p>Body.</p>",
            &[("Title", Some(Heading)), ("Sub x", Some(Heading)), ("Body.", None)],
        ),
        ("line separators are spaces", "<p>a\u{2028}b</p>", &[("a b", None)]),
        ("controls dropped", "<p>a\u{0}b\u{1b}c</p>", &[("abc", None)]),
    ];
    for (name, input, expected) in cases {
        assert_eq!(html(input), owned(expected), "{name}");
    }
}

#[test]
fn dropped_contents() {
    let cases: &[Case] = &[
        (
            "script and style",
            "<p>a</p><script>var x = '<p>no</p>';</script><style>p{}</style><p>b</p>",
            &[("a", None), ("b", None)],
        ),
        ("noscript", "<noscript><p>Enable JS</p></noscript><p>b</p>", &[("b", None)]),
        ("template", "<template><p>t</p></template><p>b</p>", &[("b", None)]),
        ("svg", "<svg><text>chart</text><svg>x</svg></svg><p>b</p>", &[("b", None)]),
        ("unclosed svg ends at a paragraph", "<svg><g><p>b</p>", &[("b", None)]),
        ("math", "<math><mi>x</mi></math>b", &[("b", None)]),
        ("iframe", "<iframe>fallback <p>x</p></iframe>b", &[("b", None)]),
        ("object", "<object><param name=a>fallback</object>b", &[("b", None)]),
        ("select", "<select><option>One<option>Two</select>b", &[("b", None)]),
        ("comments", "a<!-- hidden <p> -->b", &[("ab", None)]),
        ("doctype and cdata", "<!DOCTYPE html><![CDATA[x]]>b", &[("b", None)]),
        (
            "head, title kept apart",
            "<html><head><title>Page</title><meta charset=utf-8><style>x</style></head><body><p>b</p></body></html>",
            &[("b", None)],
        ),
        ("head without end", "<head><title>T</title><p>b", &[("b", None)]),
        ("text in head starts the body", "<head><title>T</title>Hello <b>you</b>", &[("Hello you", None)]),
        ("img alt is not text", "<p>a<img src=x alt=\"photo\">b</p>", &[("ab", None)]),
    ];
    for (name, input, expected) in cases {
        assert_eq!(html(input), owned(expected), "{name}");
    }
    assert_eq!(
        from_html("<html><head><title>  Putin\n backs truce &amp; more </title></head></html>")
            .title,
        Some("Putin backs truce & more".to_string())
    );
    assert_eq!(from_html("<p>x</p>").title, None);
}

#[test]
fn roles_from_structure() {
    let cases: &[Case] = &[
        (
            "figcaption in figure",
            "<figure><img src=a.jpg><figcaption>Putin speaks. <span class=credit>(AP Photo)</span></figcaption></figure><p>Body text.</p>",
            &[("Putin speaks. (AP Photo)", Some(Caption)), ("Body text.", None)],
        ),
        (
            "nav list",
            "<nav><ul><li><a href=/>Home</a><li><a href=/world>World</a></ul></nav><p>Body.</p>",
            &[("Home", Some(Boilerplate)), ("World", Some(Boilerplate)), ("Body.", None)],
        ),
        ("aside", "<aside><p>Most read</p></aside>", &[("Most read", Some(Boilerplate))]),
        ("footer", "<footer>© 2025 AP</footer>", &[("© 2025 AP", Some(Boilerplate))]),
        ("site header", "<header><a href=/>Logo</a></header>", &[("Logo", Some(Boilerplate))]),
        (
            "article header",
            "<article><header><h1>Headline</h1><p class=byline>By Jane Roe</p></header><p>Body.</p></article>",
            &[("Headline", Some(Heading)), ("By Jane Roe", Some(Credit)), ("Body.", None)],
        ),
        ("aria role", "<div role=navigation>Menu</div>", &[("Menu", Some(Boilerplate))]),
        ("form", "<form><label>Email</label><input><button>Go</button></form>", &[("EmailGo", Some(Boilerplate))]),
        ("button alone in a block", "<div><button>Share</button></div>", &[("Share", Some(Boilerplate))]),
        ("button inside prose", "<p>Read on <button>Share</button></p>", &[("Read on Share", None)]),
        (
            "class words",
            "<div class=\"share-tools\">Share on X</div><div class=related-stories><p>Other story</p></div><section id=comments><p>Great article!</p></section><div class=\"ad ad-slot\">Advertisement</div><div class=newsletter-signup>Sign up</div><div class=cookie-banner>We use cookies</div>",
            &[
                ("Share on X", Some(Boilerplate)),
                ("Other story", Some(Boilerplate)),
                ("Great article!", Some(Boilerplate)),
                ("Advertisement", Some(Boilerplate)),
                ("Sign up", Some(Boilerplate)),
                ("We use cookies", Some(Boilerplate)),
            ],
        ),
        ("credit class", "<div class=\"photo-credit\">AP Photo/Efrem Lukatsky</div>", &[("AP Photo/Efrem Lukatsky", Some(Credit))]),
        ("inline byline alone", "<div><span class=byline>By Jim</span></div>", &[("By Jim", Some(Credit))]),
        (
            "a time alone is a date line, in prose it is prose",
            "<div><time>March 14, 2025</time></div><p>On <time>Friday</time> Putin spoke.</p>",
            &[("March 14, 2025", Some(Credit)), ("On Friday Putin spoke.", None)],
        ),
        (
            "boilerplate beats an inner role",
            "<aside><figure><figcaption>Related photo</figcaption></figure><h3>More</h3></aside>",
            &[("Related photo", Some(Boilerplate)), ("More", Some(Boilerplate))],
        ),
        (
            "caption with an inner credit block",
            "<figcaption><p>Scene.</p><p class=credit>AP</p></figcaption>",
            &[("Scene.", Some(Caption)), ("AP", Some(Credit))],
        ),
        (
            "content layout word keeps its text",
            "<div class=\"content has-sidebar\"><p>Body.</p></div>",
            &[("Body.", None)],
        ),
    ];
    for (name, input, expected) in cases {
        assert_eq!(html(input), owned(expected), "{name}");
    }
}

#[test]
fn hostile_input_leaves_no_markup() {
    let cases: &[(&str, &str, &str)] = &[
        ("script", "<script>alert(1)</script>", ""),
        ("img onerror", "<img src=x onerror=alert(1)>", ""),
        (
            "javascript link",
            "<a href=\"javascript:alert(1)\">click</a>",
            "click",
        ),
        (
            "textarea breakout",
            "</textarea><script>alert(1)</script>x",
            "x",
        ),
        (
            "textarea contents",
            "<textarea></textarea><img src=x onerror=alert(1)></textarea>y",
            "y",
        ),
        ("svg onload", "<svg onload=alert(1)><p>after</p>", "after"),
        (
            "escaped markup stays text",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "<script>alert(1)</script>",
        ),
        (
            "style expression",
            "<div style=\"width:expression(alert(1))\">ok</div>",
            "ok",
        ),
        (
            "iframe srcdoc",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>z",
            "z",
        ),
        ("unterminated tag", "a<img src=x onerror=alert(1)", "a"),
        ("broken comment", "a<!--<script>alert(1)</script>", "a"),
        (
            "nested quotes",
            "<a title='\"><script>alert(1)</script>'>t</a>",
            "t",
        ),
        ("uppercase script", "<SCRIPT>alert(1)</SCRIPT >w", "w"),
        (
            "meta refresh",
            "<meta http-equiv=refresh content=\"0;url=javascript:alert(1)\">m",
            "m",
        ),
        (
            "object data",
            "<object data=\"javascript:alert(1)\"></object>o",
            "o",
        ),
        ("body onload", "<body onload=alert(1)>b</body>", "b"),
    ];
    for (name, input, expected) in cases {
        let got = from_html(input);
        assert_eq!(got.text, *expected, "{name}");
        for h in &got.hints {
            assert!(h.start <= h.end && h.end <= got.text.len(), "{name}");
        }
    }
}

#[test]
fn malformed_markup() {
    let cases: &[Case] = &[
        (
            "stray end tags",
            "</div></span>a</p>b",
            &[("a", None), ("b", None)],
        ),
        (
            "misnested inline",
            "<p><b>bold<i>both</b>italic</i></p>",
            &[("boldbothitalic", None)],
        ),
        ("unclosed everything", "<div><p><b>text", &[("text", None)]),
        (
            "lone angle brackets",
            "<p>3 < 5 > 2</p>",
            &[("3 < 5 > 2", None)],
        ),
        (
            "tag runs off the end",
            "<p>a</p><div class=",
            &[("a", None)],
        ),
        (
            "end tag with attributes",
            "<p>a</p class=x>b",
            &[("a", None), ("b", None)],
        ),
        (
            "unclosed nav ends nowhere",
            "<nav>Menu<p>still nav",
            &[
                ("Menu", Some(Boilerplate)),
                ("still nav", Some(Boilerplate)),
            ],
        ),
        (
            "unclosed caption closed by its figure",
            "<figure><figcaption>Cap</figure><p>Body.</p>",
            &[("Cap", Some(Caption)), ("Body.", None)],
        ),
    ];
    for (name, input, expected) in cases {
        assert_eq!(html(input), owned(expected), "{name}");
    }
}

/// Hints cover whole paragraphs of the text, in order, without overlap.
#[test]
fn hints_are_ordered_spans_of_the_text() {
    let imported = from_html(
        "<nav>Home</nav><h1>Head</h1><p>Body one.</p><figure><figcaption>Cap<br>two</figcaption></figure><footer>End</footer>",
    );
    let mut last = 0;
    for h in &imported.hints {
        assert!(last <= h.start && h.start < h.end && h.end <= imported.text.len());
        let span = &imported.text[h.start..h.end];
        assert_eq!(span, span.trim());
        last = h.end;
    }
    assert_eq!(
        imported.text,
        "Home\n\nHead\n\nBody one.\n\nCap\ntwo\n\nEnd"
    );
}

#[test]
fn deep_and_long_inputs_stay_linear() {
    // Each runs in well under a second when the walk is linear; a quadratic walk would take
    // minutes. (Timing is not asserted; a hang is the failure.)
    let n = 50_000;
    let cases: Vec<(&str, String)> = vec![
        ("deep divs", "<div>".repeat(n) + "x"),
        (
            "deep spans then blocks",
            "<span>".repeat(n) + &"<p>y".repeat(n),
        ),
        ("stray end tags", "<b>".repeat(1000) + &"</i>".repeat(n)),
        (
            "many list items",
            "<ul>".to_string() + &"<li>a<span>".repeat(n),
        ),
        ("unclosed attribute quotes", "<a title=\"".repeat(n)),
        ("lone ampersands", "&#".repeat(n)),
        (
            "raw text without end",
            "<script>".to_string() + &"</scrip".repeat(n),
        ),
        ("comment openers", "<!-".repeat(n)),
        (
            "table cells in deep spans",
            "<table><tr>".to_string() + &"<span>".repeat(1000) + &"<td>c".repeat(n),
        ),
    ];
    for (name, input) in cases {
        let imported = from_html(&input);
        assert!(imported.text.len() <= input.len() * 2, "{name}");
        let _ = from_html_as(&input, Source::Page);
    }
}

#[test]
fn main_content_of_a_page() {
    let body = "<p>Russian President Vladimir Putin met with U.S. envoy Steve Witkoff to discuss details of the American proposal, Kremlin spokesman Dmitry Peskov said Friday.</p>";
    let page = format!(
        "<html><body><div class=top><a href=/>AP News</a> <a href=/world>World</a></div>\
         <div class=wrapper><h1>Putin backs truce</h1><div class=story-body>{}\
         <p>Short</p></div>\
         <div class=links><a href=/a>Other story one</a><br><a href=/b>Other story two</a></div></div>\
         <p>Unrelated site blurb that is long enough to be a paragraph of text.</p></body></html>",
        body.repeat(4)
    );
    let got = html(&page);
    let role_of = |t: &str| got.iter().find(|(p, _)| p.starts_with(t)).map(|(_, r)| *r);
    assert_eq!(role_of("AP News"), Some(Some(Boilerplate)), "{got:?}");
    assert_eq!(
        role_of("Putin backs truce"),
        Some(Some(Heading)),
        "headline kept"
    );
    assert_eq!(
        role_of("Russian President"),
        Some(Some(Body)),
        "the story's prose hinted body"
    );
    assert_eq!(
        role_of("Short"),
        Some(None),
        "short lines in the story stay"
    );
    assert_eq!(role_of("Other story one"), Some(Some(Boilerplate)));
    assert_eq!(role_of("Unrelated site blurb"), Some(Some(Boilerplate)));
    // The same markup as a clipboard fragment keeps everything the tags do not mark.
    let fragment = page
        .replace("<html><body>", "<html><body><!--StartFragment-->")
        .replace("</body></html>", "<!--EndFragment--></body></html>");
    let got = html(&fragment);
    assert!(
        got.iter().all(|(_, r)| r.is_none() || *r == Some(Heading)),
        "{got:?}"
    );
    // A page with no one story (a list of teasers) is left alone.
    let list = format!(
        "<html><body>{}</body></html>",
        "<div><a href=/x>Teaser headline that links away to a story</a></div>".repeat(20)
    );
    assert!(html(&list).iter().all(|(_, r)| r.is_none()));
}

#[test]
fn an_article_element_keeps_its_header() {
    let para = "<p>Ukraine, under severe military pressure on parts of the front line, has already endorsed the truce proposal, officials said.</p>";
    let page = format!(
        "<html><body><article><header><h1>Headline</h1><div class=meta>March 14, 2025</div></header>\
         <div class=article-body>{}</div></article><div class=more><h2>More news</h2><p>Another thing happened somewhere else, too.</p></div></body></html>",
        para.repeat(5)
    );
    let got = html(&page);
    let role_of = |t: &str| got.iter().find(|(p, _)| p.starts_with(t)).map(|(_, r)| *r);
    assert_eq!(role_of("Headline"), Some(Some(Heading)));
    assert_eq!(role_of("March 14"), Some(None), "inside the article");
    assert_eq!(role_of("More news"), Some(Some(Boilerplate)));
    assert_eq!(role_of("Another thing"), Some(Some(Boilerplate)));
}

#[test]
fn markdown() {
    let md = |s: &str| paragraphs(&from_markdown(s));
    let cases: &[Case] = &[
        (
            "heading",
            "# Putin backs truce #\n\nBody.",
            &[("Putin backs truce", Some(Heading)), ("Body.", None)],
        ),
        ("deep heading", "### Sub", &[("Sub", Some(Heading))]),
        (
            "not a heading",
            "#hashtag and C#",
            &[("#hashtag and C#", None)],
        ),
        (
            "setext",
            "Title\n=====\nBody.",
            &[("Title", Some(Heading)), ("Body.", None)],
        ),
        (
            "soft wrap joins",
            "One line\nand the next.\n\nNew.",
            &[("One line and the next.", None), ("New.", None)],
        ),
        ("hard break", "One  \ntwo", &[("One\ntwo", None)]),
        (
            "emphasis",
            "**Bold**, *it*, __b__, _i_ and ~~gone~~.",
            &[("Bold, it, b, i and gone.", None)],
        ),
        (
            "intraword underscore",
            "snake_case_name and 2 * 3",
            &[("snake_case_name and 2 * 3", None)],
        ),
        (
            "link",
            "See [the story](https://x.test/a?b=(c)) now.",
            &[("See the story now.", None)],
        ),
        (
            "reference link",
            "See [the story][1].\n\n[1]: https://x.test",
            &[("See the story.", None)],
        ),
        (
            "inline image dropped",
            "Text ![icon](i.png) more.",
            &[("Text  more.", None)],
        ),
        (
            "image alone is a caption",
            "![Putin speaks in Moscow.](p.jpg)",
            &[("Putin speaks in Moscow.", Some(Caption))],
        ),
        (
            "image without alt dropped",
            "![](p.jpg)\n\nBody.",
            &[("Body.", None)],
        ),
        (
            "list items",
            "- one\n- two\n1. three",
            &[("one", None), ("two", None), ("three", None)],
        ),
        ("quote", "> quoted\n> text", &[("quoted text", None)]),
        (
            "code fence",
            "```\nlet x = *y*;\n```\nafter",
            &[("let x = *y*;", None), ("after", None)],
        ),
        ("inline code", "Use `a*b` here.", &[("Use a*b here.", None)]),
        ("escapes", "\\*not emphasis\\*", &[("*not emphasis*", None)]),
        (
            "autolink",
            "<https://apnews.com>",
            &[("https://apnews.com", None)],
        ),
        (
            "thematic break",
            "a\n\n***\n\nb",
            &[("a", None), ("b", None)],
        ),
        ("unclosed link", "[not a link", &[("[not a link", None)]),
        ("unclosed fence", "```\ncode", &[("code", None)]),
        (
            "front matter",
            "---\ntitle: \"Truce\"\ndate: 2025-03-14\n---\nBody.",
            &[("Body.", None)],
        ),
        (
            "a rule first is not front matter",
            "---\nBody.",
            &[("Body.", None)],
        ),
    ];
    for (name, input, expected) in cases {
        assert_eq!(md(input), owned(expected), "{name}");
    }
    assert_eq!(
        from_markdown("---\ntitle: \"Putin backs truce\"\n---\n# H")
            .title
            .as_deref(),
        Some("Putin backs truce")
    );
    // Linear on hostile input.
    for input in [
        "[".repeat(100_000),
        "![a](".repeat(50_000),
        "`".repeat(100_000),
        "*_".repeat(100_000),
    ] {
        let _ = from_markdown(&input);
    }
}

#[test]
fn kinds_of_paths() {
    let cases: &[(&str, Option<Kind>)] = &[
        ("page.html", Some(Kind::Html)),
        ("PAGE.HTM", Some(Kind::Html)),
        ("notes.md", Some(Kind::Markdown)),
        ("a.txt", Some(Kind::Text)),
        ("photo.jpg", None),
        ("noext", None),
        ("dir.v2/noext", None),
    ];
    for (path, expected) in cases {
        assert_eq!(kind_of_path(path), *expected, "{path}");
    }
    let html = "<html><body><nav>Home</nav><p>Story.</p></body></html>";
    assert_eq!(
        from_file("a.html", html),
        Some(from_html_as(html, Source::Page))
    );
    assert_eq!(from_file("a.md", "# H").unwrap().hints[0].role, Heading);
    assert_eq!(from_file("a.txt", "<p>x</p>").unwrap().text, "<p>x</p>");
    assert_eq!(from_file("README", "plain").unwrap().text, "plain");
    assert_eq!(from_file("photo.jpg", "x"), None);
    assert_eq!(from_file("archive.tar.gz", "x"), None);
}

/// Bugs fixed, one row each.
#[test]
fn regression() {
    let cases: &[Case] = &[
        (
            "a story word does not excuse a share bar",
            "<div class=article-share><a href=#>Share</a></div><div class=story-related><p>More</p></div>",
            &[("Share", Some(Boilerplate)), ("More", Some(Boilerplate))],
        ),
        (
            "a header the class calls the story's keeps its headline",
            "<header class=entry-header><h1>Headline</h1></header>",
            &[("Headline", Some(Heading))],
        ),
    ];
    for (name, input, expected) in cases {
        assert_eq!(html(input), owned(expected), "{name}");
    }
}

/// Text with nothing to decode takes a faster path, a word at a time; it must read exactly as the
/// character-by-character path does. Each pair differs only in a character reference, which
/// forces the slow path on the second.
#[test]
fn the_plain_text_path_reads_as_the_careful_one() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "spaces and tabs",
            "<p> a  b\tc,\nd é </p>",
            "<p> a  b\tc,\nd &eacute; </p>",
        ),
        (
            "link text",
            "<p>Go <a href=/x>to the  story</a>, now</p>",
            "<p>Go <a href=/x>to the &#32;story</a>, now</p>",
        ),
        (
            "across tags",
            "<div>One<b> two </b>three<br> four</div>",
            "<div>One<b> two </b>three<br> f&#111;ur</div>",
        ),
        ("no-break space", "<p>a\u{a0}b c</p>", "<p>a&nbsp;b c</p>"),
    ];
    for (name, plain, careful) in cases {
        let (a, b) = (html::walk(plain), html::walk(careful));
        assert_eq!(a.text, b.text, "{name}");
        assert_eq!(a.blocks, b.blocks, "{name}");
    }
}

/// A page's source in plain text (a `.txt` file, a paste from a view-source tab) is read as the
/// page; text that only mentions markup is not.
#[test]
fn html_source_in_plain_text_is_read_as_a_page() {
    use super::{from_file, from_text, is_html_source};
    let page = "\u{feff}\n  <!doctype HTML>\n<html><head><title>Seawall holds</title></head><body>\
                <nav><a href=/>Home</a></nav><article><h1>Seawall holds</h1>\
                <p>Officials in Port Ellery said the wall held.</p></article></body></html>";
    for source in [
        page,
        "<html lang=en><body><p>One paragraph.</p></body></html>",
        "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>X.</p></body></html>",
    ] {
        assert!(is_html_source(source), "{source}");
    }
    for text in [
        "The <html> tag opens a page, the tutorial said.",
        "Officials said on Monday that the wall held.",
        "<p>A fragment of markup is no page.</p>",
        "<?xml version=\"1.0\"?>",
        "",
    ] {
        assert!(!is_html_source(text), "{text}");
        assert_eq!(from_text(text).text, text);
    }
    let imported = from_text(page);
    assert!(!imported.text.contains('<'), "{:?}", imported.text);
    assert!(imported
        .text
        .contains("Officials in Port Ellery said the wall held."));
    assert_eq!(imported.title.as_deref(), Some("Seawall holds"));
    assert_eq!(from_file("page.txt", page), Some(imported));
}
