//! Import on a whole news page: `tests/data/ap-news-page.html` is the sample article's first story
//! in a typical news-site template (masthead, nav, ad slots, a photo gallery of `<figure>`s,
//! share bar, most-read and related lists, newsletter box, site footer). The roles the analysis
//! gives its paragraphs with the import's hints are pinned by `ap-news-page.roles.json`;
//! rewrite it with `UPDATE_GOLDEN=1 cargo test --test import` and review the diff.
//! Also property tests: no input makes an import panic, and its hints are spans of its text.

use std::path::Path;

use lede::analysis::Role;
use lede::import::{from_html, from_html_as, from_markdown, Imported, Source};
use lede::{analyze, Analysis, Options};
use proptest::prelude::*;

const PAGE: &str = include_str!("data/ap-news-page.html");

fn analyse(imported: &Imported) -> Analysis {
    let options = Options {
        hints: imported.hints.clone(),
        ..Options::default()
    };
    analyze(&imported.text, &options)
}

fn paragraph_text(text: &str, a: &Analysis, i: usize) -> String {
    let p = &a.paragraphs[i];
    text.chars().skip(p.start).take(p.end - p.start).collect()
}

#[test]
fn golden_page_roles() {
    let imported = from_html(PAGE);
    let a = analyse(&imported);
    let rows: Vec<serde_json::Value> = (0..a.paragraphs.len())
        .map(|i| {
            let text: String = paragraph_text(&imported.text, &a, i)
                .chars()
                .take(60)
                .collect();
            serde_json::json!([a.paragraphs[i].role.as_str(), text])
        })
        .collect();
    let golden = serde_json::json!({
        "source": "tests/data/ap-news-page.html",
        "title": imported.title,
        "paragraphs": rows,
        "caption_groups": a.caption_groups.len(),
    });
    let json = serde_json::to_string_pretty(&golden).unwrap() + "\n";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ap-news-page.roles.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &json).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run with UPDATE_GOLDEN=1", path.display()));
    assert!(
        expected == json,
        "import roles changed; if on purpose, rerun with UPDATE_GOLDEN=1 and review the diff"
    );
}

/// The acceptance facts of the page, spelled out.
#[test]
fn page_roles_follow_the_structure() {
    let imported = from_html(PAGE);
    let a = analyse(&imported);
    let text = &imported.text;
    let roles: Vec<(Role, String)> = (0..a.paragraphs.len())
        .map(|i| (a.paragraphs[i].role, paragraph_text(text, &a, i)))
        .collect();
    let role_of = |start: &str| {
        roles
            .iter()
            .find(|(_, t)| t.starts_with(start))
            .map(|(r, _)| *r)
            .unwrap_or_else(|| panic!("no paragraph starts with {start:?}"))
    };
    assert_eq!(
        imported.title.as_deref(),
        Some("Putin discusses US ceasefire proposal with Trump envoy | AP News")
    );
    // Every story paragraph of the sample's first article (lines 1–2 and 20–36) is body.
    let sample: Vec<&str> = lede::SAMPLE_ARTICLE.lines().collect();
    for line in sample[..2].iter().chain(&sample[19..36]) {
        let key: String = line.chars().take(50).collect();
        assert_eq!(role_of(&key), Role::Body, "{line}");
    }
    // The sixteen gallery photos are captions, and fold into the sample's groups.
    let captions = roles.iter().filter(|(r, _)| *r == Role::Caption).count();
    assert_eq!(captions, 16);
    for line in &sample[3..19] {
        let key: String = line.chars().take(50).collect();
        assert_eq!(role_of(&key), Role::Caption, "{line}");
    }
    assert!(a
        .caption_groups
        .iter()
        .any(|g| g.members.len() >= 4 && g.variant_count == 2));
    // Page furniture.
    for furniture in [
        "Skip to main content",
        "World",
        "Politics",
        "Search",
        "Advertisement",
        "Click to Gallery",
        "Share Copy Link",
        "Follow AP",
        "Most Read",
        "Stock markets slide",
        "Related Stories",
        "Zelenskyy says Ukraine is ready",
        "Get the Morning Wire",
        "Subscribe",
        "Privacy Policy",
        "© 2025 The Associated Press",
    ] {
        assert_eq!(role_of(furniture), Role::Boilerplate, "{furniture}");
    }
    assert_eq!(
        role_of("Putin discusses US ceasefire proposal"),
        Role::Heading
    );
    assert_eq!(role_of("By The Associated Press"), Role::Credit);
    // Nothing of the markup survives.
    for markup in [
        "<",
        "&rsquo;",
        "&mdash;",
        "trackPageView",
        "dataLayer",
        "AP logo",
    ] {
        assert!(!text.contains(markup), "{markup}");
    }
}

/// Without hints the same text reads differently: the hints carry information.
#[test]
fn hints_change_the_roles_they_cover_only() {
    let imported = from_html(PAGE);
    let hinted = analyse(&imported);
    let plain = analyze(&imported.text, &Options::default());
    assert_eq!(hinted.paragraphs.len(), plain.paragraphs.len());
    let text = &imported.text;
    let mut differ = 0;
    for (i, (h, p)) in hinted.paragraphs.iter().zip(&plain.paragraphs).enumerate() {
        let covered = imported.hints.iter().any(|hint| {
            let start = text
                .char_indices()
                .nth(h.start)
                .map_or(text.len(), |(b, _)| b);
            hint.start <= start && start < hint.end
        });
        if !covered {
            assert_eq!(
                h.role, p.role,
                "paragraph {i} has no hint, so keeps its role"
            );
        }
        differ += usize::from(h.role != p.role);
    }
    assert!(differ > 0);
}

fn htmlish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => "[A-Za-z ]{1,12}",
        2 => prop::sample::select(vec![
            "<p>", "</p>", "<div class=\"nav\">", "</div>", "<br>", "<figure>", "<figcaption>",
            "</figcaption>", "</figure>", "<nav>", "</nav>", "<script>", "</script>", "<pre>",
            "</pre>", "<!--", "-->", "&amp;", "&#x1F600;", "&#", "&", "<", ">", "\"", "'",
            "<a href=x>", "</a>", "<h1>", "</h1>", "<svg>", "<li>", "<table><td>", "<html><body>",
            "<title>", "</title>", "<textarea>", "\n", "\r\n", "\u{2028}", "é", "😀", "<![CDATA[",
            "]]>", "<!DOCTYPE html>", "<article>", "</article>", "<head>", "<math>", "</svg>",
            "# ", "**", "_", "[", "](", ")", "![", "```", "> ", "- ", "  \n",
        ]).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

fn check(imported: &Imported) {
    let text = &imported.text;
    let mut last = 0;
    for h in &imported.hints {
        assert!(last <= h.start && h.start < h.end && h.end <= text.len());
        assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
        last = h.end;
    }
    assert_eq!(
        text.trim(),
        text.as_str(),
        "no leading or trailing white space"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_html_imports_without_panic(input in htmlish()) {
        for source in [Source::Auto, Source::Page, Source::Fragment] {
            let imported = from_html_as(&input, source);
            check(&imported);
            prop_assert!(!imported.text.contains('<') || input.contains('<') || input.contains("&lt") || input.contains("&#"));
        }
        check(&from_markdown(&input));
    }

    #[test]
    fn any_unicode_imports_without_panic(input in any::<String>()) {
        check(&from_html(&input));
        check(&from_markdown(&input));
    }

    #[test]
    fn imported_text_analyses_with_its_hints(input in htmlish()) {
        let imported = from_html(&input);
        let a = analyse(&imported);
        prop_assert_eq!(a.text_length, imported.text.chars().count());
    }
}
