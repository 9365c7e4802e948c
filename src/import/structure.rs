//! What an element says about its text: block or inline, and the role and content weight its tag
//! and its `class`, `id`, `role` and `itemprop` attributes suggest.

use crate::analysis::model::Role;

#[rustfmt::skip]
const BLOCK: &[&str] = &[
    "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hgroup", "legend", "li", "listing", "main", "menu",
    "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul", "xmp", "plaintext", "search",
];

/// Elements that start and end a paragraph of their own, as browsers lay them out by default.
pub fn is_block(name: &str) -> bool {
    BLOCK.contains(&name)
}

#[rustfmt::skip]
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
    "param", "source", "track", "wbr", "basefont", "bgsound", "frame",
];

/// Elements that never have contents or an end tag.
pub fn is_void(name: &str) -> bool {
    VOID.contains(&name)
}

/// Start tags that close an open `<p>` (the HTML parser's list, less the table-internal ones).
pub fn closes_p(name: &str) -> bool {
    (is_block(name)
        && !matches!(
            name,
            "td" | "th" | "tr" | "tbody" | "thead" | "tfoot" | "caption"
        ))
        || name == "hr"
}

#[rustfmt::skip]
const DROPPED: &[&str] = &[
    "svg", "math", "template", "object", "select", "audio", "video", "canvas", "datalist",
    "map", "applet", "frameset",
];

/// Elements whose contents are not text a reader sees: skipped with everything inside.
/// (`script`, `style` and the other raw-text elements are handled by the tokenizer.)
pub fn is_dropped(name: &str) -> bool {
    DROPPED.contains(&name)
}

#[rustfmt::skip]
const BREAKS_OUT: &[&str] = &[
    "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
    "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing",
    "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike",
    "sub", "sup", "table", "tt", "u", "ul", "var",
];

/// Start tags that end foreign content (`<svg>`, `<math>`) early, as in the HTML parser: an
/// unclosed `<svg>` does not swallow the story after it.
pub fn breaks_out_of_foreign(name: &str) -> bool {
    BREAKS_OUT.contains(&name)
}

/// Class and id words of page furniture that no story word excuses: `article-share`,
/// `story-related` and `comment-body` are furniture all the same.
#[rustfmt::skip]
const FURNITURE: &[&str] = &[
    "nav", "navbar", "navigation", "menu", "share", "sharing", "social", "related", "comment",
    "comments", "promo", "ad", "ads", "advert", "advertisement", "newsletter", "subscribe",
    "subscription", "cookie", "cookies", "breadcrumb", "breadcrumbs", "popup", "modal",
    "outbrain", "taboola", "recommended",
];

/// Furniture words that are also layout words: furniture unless a story word comes with them
/// (`site-footer` is furniture, `content-sidebar` holds the story).
#[rustfmt::skip]
const LAYOUT: &[&str] = &[
    "footer", "sidebar", "trending", "popular",
];

/// Class and id words of the story itself.
#[rustfmt::skip]
const CONTENT: &[&str] = &[
    "article", "articlebody", "body", "content", "entry", "hentry", "main", "page", "post",
    "text", "blog", "story",
];

/// Class and id words of credit lines: bylines, photo credits, date lines.
#[rustfmt::skip]
const CREDIT: &[&str] = &[
    "credit", "credits", "byline", "bylines", "author", "authors", "dateline", "timestamp",
    "date", "pubdate",
];

/// The words of the `class` and `id` values, each matched whole, never as a substring:
/// `navigation` is not `nav`, `headline` holds no `ad`. Values split at anything not a letter or
/// digit and at camelCase humps, lowercased: `article-body mainNav` → `article`, `body`,
/// `main`, `nav`. Layout state classes (`has-sidebar`, `with-ads`, `no-comments`, `is-sticky`)
/// say nothing about the element's own text and are left out.
///
/// An ASP.NET id (`ctl00_ContentPlaceHolder_article_NavWebPart_Article`) is the path of
/// server controls down to the element, joined by `_`: only its last segment names the element
/// (`Article`); the others name its ancestors, which carry their own ids. So the story container
/// above is not `nav`.
pub fn words(attrs: &[(String, String)]) -> Vec<String> {
    let mut words = Vec::new();
    if !attrs
        .iter()
        .any(|(name, _)| name == "class" || name == "id")
    {
        return words;
    }
    for (name, value) in attrs {
        if name != "class" && name != "id" {
            continue;
        }
        for token in value.split_ascii_whitespace() {
            let lower = token.to_ascii_lowercase();
            if ["has-", "with-", "no-", "is-", "show-", "hide-", "js-"]
                .iter()
                .any(|p| lower.starts_with(p))
            {
                continue;
            }
            let token = asp_net_own_name(token);
            let mut word = String::new();
            let mut prev_lower = false;
            for c in token.chars() {
                if !c.is_alphanumeric() {
                    if !word.is_empty() {
                        words.push(std::mem::take(&mut word));
                    }
                    prev_lower = false;
                    continue;
                }
                if c.is_uppercase() && prev_lower && !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
                prev_lower = c.is_lowercase() || c.is_ascii_digit();
                word.extend(c.to_lowercase());
            }
            if !word.is_empty() {
                words.push(word);
            }
        }
    }
    words
}

/// The element's own name in an ASP.NET client id (`ctl00_…_Name`, or `ctl00_…_Name_ctl03`
/// for a repeated item), or the whole token for any other value.
fn asp_net_own_name(token: &str) -> &str {
    let is_ctl = |s: &str| {
        s.len() > 3
            && s[..3].eq_ignore_ascii_case("ctl")
            && s[3..].bytes().all(|b| b.is_ascii_digit())
    };
    if !token.split('_').next().is_some_and(is_ctl) {
        return token;
    }
    token
        .split('_')
        .rev()
        .find(|s| !s.is_empty() && !is_ctl(s))
        .unwrap_or(token)
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Whether `attrs` carry `itemprop="articleBody"` (schema.org's mark for the story text).
pub fn is_article_body(attrs: &[(String, String)]) -> bool {
    attr(attrs, "itemprop").is_some_and(|v| {
        v.split_ascii_whitespace()
            .any(|t| t.eq_ignore_ascii_case("articlebody"))
    })
}

/// Whether class/id words mark page furniture (`FURNITURE`, `LAYOUT`).
fn furniture_words(words: &[String]) -> bool {
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    has(FURNITURE) || (has(LAYOUT) && !has(CONTENT))
}

/// Whether the element is hidden from readers (`hidden`, `aria-hidden="true"`, an inline
/// `display: none`): its text is kept but is not the story.
fn hidden(attrs: &[(String, String)]) -> bool {
    attrs.iter().any(|(k, v)| match k.as_str() {
        "hidden" => true,
        "aria-hidden" => v.eq_ignore_ascii_case("true"),
        "style" => {
            let compact: String = v
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            compact.contains("display:none") || compact.contains("visibility:hidden")
        }
        _ => false,
    })
}

/// What an element's tag and attributes say, with its class and id words split once.
pub struct Element<'a> {
    name: &'a str,
    attrs: &'a [(String, String)],
    words: Vec<String>,
}

impl<'a> Element<'a> {
    pub fn new(name: &'a str, attrs: &'a [(String, String)]) -> Element<'a> {
        Element {
            name,
            attrs,
            words: words(attrs),
        }
    }

    fn has(&self, list: &[&str]) -> bool {
        self.words.iter().any(|w| list.contains(&w.as_str()))
    }

    /// Whether the element is furniture only by evidence that a story container can carry too:
    /// a `<form>` (ASP.NET pages wrap the whole page in one), or a name with both furniture and
    /// story words (`article-share`, but also `story-nav-container` around the story). Such a
    /// block is page furniture unless it holds most of the page's prose (`furniture::settle`
    /// decides, after the walk), so one misleading name never empties a page.
    pub fn provisional_furniture(&self) -> bool {
        self.name == "form"
            || (self.has(CONTENT) && self.has(FURNITURE) && !self.definite_furniture(false))
    }

    /// Furniture by its tag, its ARIA role or being hidden: no name or content changes that.
    fn definite_furniture(&self, in_article: bool) -> bool {
        let furniture_tag = matches!(self.name, "nav" | "aside" | "footer" | "button" | "menu")
            || (self.name == "header" && !in_article && !self.has(CONTENT));
        let aria = attr(self.attrs, "role").is_some_and(|r| {
            r.split_ascii_whitespace().any(|r| {
                matches!(
                    r.to_ascii_lowercase().as_str(),
                    "navigation"
                        | "complementary"
                        | "contentinfo"
                        | "banner"
                        | "search"
                        | "menu"
                        | "menubar"
                )
            })
        });
        furniture_tag || aria || hidden(self.attrs)
    }

    /// The role the element gives its text by itself; `in_article` says whether it sits inside
    /// an `<article>` or `<main>`. A `<header>` there holds the headline and byline, and so does
    /// one whose class says so (`article-header`, `entry-header`) on pages built of `<div>`s;
    /// any other `<header>` is the site's masthead. A `<form>` is furniture here; as a block it
    /// is only provisionally so (`provisional_furniture`).
    pub fn own_role(&self, in_article: bool) -> Option<Role> {
        let name = self.name;
        if name == "figcaption" {
            return Some(Role::Caption);
        }
        // The page's outer elements often carry layout words (`<body class="sidebar-right">`);
        // they say nothing about the story.
        let outer = matches!(name, "html" | "body" | "main" | "article");
        if self.definite_furniture(in_article)
            || name == "form"
            || (!outer && furniture_words(&self.words))
        {
            return Some(Role::Boilerplate);
        }
        if matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
            return Some(Role::Heading);
        }
        let credit_prop =
            attr(self.attrs, "itemprop").is_some_and(|v| v.eq_ignore_ascii_case("author"));
        if matches!(name, "address" | "time") || credit_prop || self.has(CREDIT) {
            return Some(Role::Credit);
        }
        None
    }

    /// How much the element's class, id and tag suggest it holds the story (Readability's
    /// weights): story words +25, furniture words −25, and a little by tag.
    pub fn content_weight(&self) -> f64 {
        let mut weight = 0.0;
        if self.has(CONTENT) {
            weight += 25.0;
        }
        if self.has(FURNITURE) || self.has(LAYOUT) {
            weight -= 25.0;
        }
        weight += match self.name {
            "article" => 10.0,
            "div" | "section" | "main" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        if is_article_body(self.attrs) {
            weight += 30.0;
        }
        weight
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(class: &str) -> Vec<(String, String)> {
        vec![("class".to_string(), class.to_string())]
    }

    #[test]
    fn class_words() {
        let cases: &[(&str, &[&str])] = &[
            ("article-body mainNav", &["article", "body", "main", "nav"]),
            (
                "story__content  js-share has-sidebar",
                &["story", "content"],
            ),
            ("ArticleBody", &["article", "body"]),
            ("h2Title", &["h2", "title"]),
            (
                "ctl00_ContentPlaceHolder_article_NavWebPart_Article",
                &["article"],
            ),
            (
                "ctl00_footer_NavWebPart_FooterTorontoStar_ctl03",
                &["footer", "toronto", "star"],
            ),
            (
                "navigation subnav canvas",
                &["navigation", "subnav", "canvas"],
            ),
            ("", &[]),
        ];
        for (class, expected) in cases {
            assert_eq!(words(&attrs(class)), *expected, "{class}");
        }
    }

    #[test]
    fn roles_of_elements() {
        use Role::*;
        let none: &[(String, String)] = &[];
        // (name, tag, attributes, inside an article, expected role)
        type Case = (
            &'static str,
            &'static str,
            Vec<(String, String)>,
            bool,
            Option<Role>,
        );
        let cases: &[Case] = &[
            ("figcaption", "figcaption", vec![], false, Some(Caption)),
            ("nav", "nav", vec![], false, Some(Boilerplate)),
            ("aside", "aside", vec![], true, Some(Boilerplate)),
            ("site header", "header", vec![], false, Some(Boilerplate)),
            ("article header", "header", vec![], true, None),
            (
                "aria navigation",
                "div",
                vec![("role".into(), "navigation".into())],
                false,
                Some(Boilerplate),
            ),
            (
                "share bar",
                "div",
                attrs("share-tools"),
                true,
                Some(Boilerplate),
            ),
            (
                "comments",
                "section",
                attrs("comments"),
                true,
                Some(Boilerplate),
            ),
            (
                "ad slot",
                "div",
                attrs("ad ad-slot"),
                true,
                Some(Boilerplate),
            ),
            (
                "content layout with sidebar",
                "div",
                attrs("content-sidebar"),
                true,
                None,
            ),
            (
                "body with layout words",
                "body",
                attrs("sidebar-right"),
                false,
                None,
            ),
            ("heading", "h2", vec![], true, Some(Heading)),
            (
                "related heading",
                "h2",
                attrs("related-title"),
                true,
                Some(Boilerplate),
            ),
            ("byline", "p", attrs("byline"), true, Some(Credit)),
            (
                "photo credit",
                "span",
                attrs("photo-credit"),
                true,
                Some(Credit),
            ),
            ("plain paragraph", "p", none.to_vec(), true, None),
            ("date line", "span", attrs("date"), false, Some(Credit)),
            ("time", "time", vec![], true, Some(Credit)),
            ("adjective is not ad", "div", attrs("headline"), true, None),
            (
                "whole words: canvas is not nav",
                "div",
                attrs("canvas"),
                false,
                None,
            ),
            (
                "whole words: shadow is not ad",
                "div",
                attrs("shadow-box"),
                false,
                None,
            ),
            (
                "an ASP.NET id names its element last",
                "div",
                vec![(
                    "id".into(),
                    "ctl00_ContentPlaceHolder_article_NavWebPart_Article".into(),
                )],
                false,
                None,
            ),
            (
                "article share bar",
                "div",
                attrs("article-share"),
                true,
                Some(Boilerplate),
            ),
            (
                "comment body",
                "div",
                attrs("comment-body"),
                true,
                Some(Boilerplate),
            ),
            (
                "story footer by class",
                "div",
                attrs("site-footer"),
                true,
                Some(Boilerplate),
            ),
            (
                "entry header outside an article",
                "header",
                attrs("entry-header"),
                false,
                None,
            ),
            (
                "hidden",
                "div",
                vec![("hidden".into(), String::new())],
                true,
                Some(Boilerplate),
            ),
            (
                "aria-hidden",
                "span",
                vec![("aria-hidden".into(), "true".into())],
                true,
                Some(Boilerplate),
            ),
            (
                "display none",
                "div",
                vec![("style".into(), "color:red; display: none".into())],
                true,
                Some(Boilerplate),
            ),
            (
                "aria-hidden false",
                "div",
                vec![("aria-hidden".into(), "false".into())],
                true,
                None,
            ),
        ];
        for (name, tag, a, in_article, expected) in cases {
            assert_eq!(
                Element::new(tag, a).own_role(*in_article),
                *expected,
                "{name}"
            );
        }
    }
}
