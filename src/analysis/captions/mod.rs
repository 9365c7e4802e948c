//! Captions and boilerplate: the role of every paragraph, and groups of repeated photo captions.
//!
//! A pasted news page carries more than the story: menus, photo captions (often the same one many
//! times, from a gallery), bylines, share prompts, related links, comments. This stage gives each
//! paragraph a `Role` so later stages can tell them apart: entities in captions are counted apart
//! from the body, captions never create timeline events, but may still serve as evidence.
//!
//! How a role is decided, in order:
//! 1. Strong signals that hold on any page: a photo credit (`(AP Photo/…)`, `(… via AP)`) or caption
//!    phrasing ("In this photo…") or a position in the picture ("Malouda (R) clashes with…", ",
//!    second from right,") makes a caption; a contributor line ("… contributed to this
//!    report."), a byline, an author's note ("… can be reached at", "… is a writer for"), a
//!    short credit label ("Source: …", "Article from: …", "Special to …") or a publication stamp
//!    ("Published: 10 January 2008") makes a credit; a comment's signature ("Posted by: …") or a
//!    page prompt ("Click to Gallery", "Follow AP's coverage…") makes boilerplate. Three or more
//!    bylines, stamps or labels of one kind in a paste are a list (an archive, comment stamps,
//!    "Source: …" under related links), and the model decides those (`strong_signal`).
//! 2. Otherwise the line classifier (`model`, trained on the L3S-GN1 dev pages) says body,
//!    supplement or boilerplate from the line's shape and its neighbourhood (`features`).
//! 3. A supplement that reads as a sentence is a caption; a short one (byline, date line) is a
//!    credit. A short unpunctuated body line right before the story's prose is a heading.
//!
//! Copyright lines: the site footer's (`© 2008 Canwest Interactive … Privacy | Terms`) is
//! boilerplate, but the story's own line right after its last paragraph (`© 2008 AFP`,
//! `Copyright 2008 The Associated Press. All rights reserved.`) names its source, and L3S labels
//! it with the bylines; the model tells them apart by position, and a supplement copyright line is
//! a credit. Forcing every copyright line to boilerplate cost 2.9 points of held-out caption F1.
//! An agency's copyright line or a reuse notice ("This material may not be published…") within
//! two lines after a body line is a credit outright: cross-validated within the training folds,
//! that rule alone raised caption F1 from 60.9 to 64.5. Any other copyright line is the model's
//! to place, even with "All rights reserved" (a page-prompt phrase): the prompt rule took 724
//! characters of credits to boilerplate, and leaving them to the model raised five-fold caption
//! F1 by 0.7.

mod diff;
mod features;
mod function_words;
mod groups;
mod hints;
mod lowered;
pub mod model;
pub mod signals;

pub use diff::word_diff;
pub use features::{doc_facts, doc_features, normalize, stage2_features, LineFacts};
pub use groups::{group_captions, jaccard, shingles, GroupSeg, VariantSeg, THRESHOLD};
pub use hints::{apply_hints, Hint};
pub use model::{Class, Model};

use super::feature_weights::FeatureList;
use super::model::Role;
use super::segment::Doc;

/// What this stage adds: one role per paragraph, and the caption groups.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Captions {
    pub roles: Vec<Role>,
    pub groups: Vec<GroupSeg>,
}

/// Roles and caption groups with the shipped model.
pub fn analyze_captions(text: &str, doc: &Doc) -> Captions {
    analyze_captions_hinted(text, doc, &[])
}

/// Roles and caption groups with the shipped model, where a structural `Hint` (from an HTML or
/// Markdown import) overrides the classifier's role for the paragraphs it covers. Grouping runs
/// after, so caption-hinted paragraphs still fold into caption groups.
#[inline(never)]
pub fn analyze_captions_hinted(text: &str, doc: &Doc, hints: &[Hint]) -> Captions {
    let mut roles = assign_roles(text, doc);
    apply_hints(doc, hints, &mut roles);
    let groups = group_captions(text, doc, &roles);
    Captions { roles, groups }
}

/// The role of every paragraph of `doc`, with the shipped model.
pub fn assign_roles(text: &str, doc: &Doc) -> Vec<Role> {
    assign_roles_with(text, doc, Model::shipped())
}

/// The role of every paragraph of `doc`, with `model`.
#[inline(never)]
pub fn assign_roles_with(text: &str, doc: &Doc, model: &Model) -> Vec<Role> {
    let lines = doc.paragraph_texts(text);
    let facts = doc_facts(&lines);
    let classes = classify_lines(&facts, model);
    let mut roles: Vec<Role> = (0..lines.len())
        .map(|i| role_of(&facts, &classes, i))
        .collect();
    // A wire dateline (`LONDON (AP) —`) opens a story's first paragraph: that is body, whatever
    // the line model makes of a short paste.
    for article in &doc.articles {
        if let Some(d) = &article.dateline {
            let first = article.paragraphs.start;
            if first < roles.len() && doc.paragraphs[first].span.start == d.span.start {
                roles[first] = Role::Body;
            }
        }
    }
    // The model learned that body sits in a long block; in a short paste that block is a few
    // lines. A sentence the model calls boilerplate, with no sign of being page furniture,
    // right after a body paragraph of the same article, continues the story.
    for i in 1..roles.len() {
        let f = &facts[i];
        let furniture =
            f.prompt || f.copyright || f.contact || f.comment_signature || f.reuse_notice;
        if roles[i] == Role::Boilerplate
            && roles[i - 1] == Role::Body
            && doc.paragraphs[i].article == doc.paragraphs[i - 1].article
            && f.ends_sentence
            && f.words >= 4
            && !furniture
        {
            roles[i] = Role::Body;
        }
    }
    // A text with no body at all is a reader's own snippet ("Putin met Witkoff. They talked."),
    // not a page of furniture: its prose lines are the story.
    if !roles.contains(&Role::Body) {
        for (role, f) in roles.iter_mut().zip(&facts) {
            let furniture =
                f.prompt || f.copyright || f.contact || f.comment_signature || f.reuse_notice;
            if *role == Role::Boilerplate && f.ends_sentence && f.words >= 3 && !furniture {
                *role = Role::Body;
            }
        }
    }
    // A paste that opens on its headline: the line model, trained on whole pages where the
    // headline sits among menus, calls a short first line boilerplate. An article's first line
    // with no sentence end and no sign of furniture, right before its story, is its headline.
    for article in &doc.articles {
        let first = article.paragraphs.start;
        if first + 1 < roles.len()
            && roles[first] == Role::Boilerplate
            && roles[first + 1] == Role::Body
            && doc.paragraphs[first + 1].article == doc.paragraphs[first].article
            && headline_shaped(&facts[first])
        {
            roles[first] = Role::Heading;
        }
    }
    roles
}

/// Whether a line can be a headline: a few words with no sentence end and none of the marks of
/// page furniture (prompts, copyright, contact lines, bylines, stamps).
fn headline_shaped(f: &LineFacts) -> bool {
    (3..=25).contains(&f.words)
        && !f.ends_sentence
        && !(f.prompt
            || f.copyright
            || f.contact
            || f.comment_signature
            || f.reuse_notice
            || f.byline
            || f.contributor
            || f.credit_label
            || f.publication_stamp
            || f.timestamp
            || f.photo_credit)
}

/// The model's class of every line: a first pass on each line's own features, then a second pass
/// that also reads the first pass's verdicts on the neighbourhood (`stage2_features`).
///
/// Each line's names are written into one reused `FeatureList`: the same names as
/// `doc_features` and `stage2_features` give training, without a `String` per name.
#[inline(never)]
pub fn classify_lines(facts: &[LineFacts], model: &Model) -> Vec<Class> {
    let mut names = FeatureList::new();
    let pass = features::FirstPass::new(facts);
    let first: Vec<[i64; 3]> = (0..facts.len())
        .map(|i| {
            names.clear();
            pass.write(i, &mut names);
            model.scores_of(names.iter())
        })
        .collect();
    let pass = features::SecondPass::new(facts, &first);
    (0..facts.len())
        .map(|i| {
            names.clear();
            pass.write(i, &mut names);
            model::best(model.scores_of(names.iter()))
        })
        .collect()
}

/// Step 1 and 3 of the module comment, for paragraph `i`.
fn role_of(facts: &[LineFacts], classes: &[Class], i: usize) -> Role {
    if let Some((role, _)) = strong_signal(facts, classes, i) {
        return role;
    }
    let f = &facts[i];
    match classes[i] {
        Class::Body => {
            let next_is_prose = facts.get(i + 1).is_some_and(|n| n.prose);
            if !f.ends_sentence && (2..=20).contains(&f.words) && next_is_prose {
                Role::Heading
            } else {
                Role::Body
            }
        }
        Class::Supplement => {
            if f.byline || f.copyright {
                Role::Credit
            } else if f.words >= 8 && f.ends_sentence {
                Role::Caption
            } else {
                Role::Credit
            }
        }
        Class::Boilerplate => Role::Boilerplate,
    }
}

/// Step 1 of the module comment: the role a strong signal gives paragraph `i` on its own, and
/// the signal's name (`lede eval-captions --verbose` prints it beside each error).
pub fn strong_signal(
    facts: &[LineFacts],
    classes: &[Class],
    i: usize,
) -> Option<(Role, &'static str)> {
    let f = &facts[i];
    let credit = |name| Some((Role::Credit, name));
    if f.caption_opening && f.words >= 6 {
        return Some((Role::Caption, "caption_opening"));
    }
    if f.position && f.words >= 8 && !f.copyright {
        return Some((Role::Caption, "position"));
    }
    if f.photo_credit {
        return if f.words >= 8 {
            Some((Role::Caption, "photo_credit"))
        } else {
            credit("photo_credit")
        };
    }
    if f.contributor {
        return credit("contributor");
    }
    // A column of bylines, stamps or labels is a list (an archive, comments, related links),
    // not the story's own credit: the model decides those.
    let listed = f.credit_kin >= LIST;
    if f.byline && !listed {
        return credit("byline");
    }
    if f.author_note {
        return credit("author_note");
    }
    if f.credit_label && f.words <= 12 && !listed {
        return credit("credit_label");
    }
    if f.publication_stamp && !listed {
        return credit("publication_stamp");
    }
    if ((f.copyright && f.agency) || f.reuse_notice) && follows_body(classes, i) {
        return credit("story_copyright");
    }
    if f.comment_signature {
        return Some((Role::Boilerplate, "comment_signature"));
    }
    if f.prompt && f.words <= 25 && !f.copyright {
        return Some((Role::Boilerplate, "prompt"));
    }
    None
}

/// How many lines of one credit kind make a list.
const LIST: usize = 3;

/// Whether one of the two lines before `i` is body: the story's own copyright line
/// (`Copyright 2008 The Associated Press. All rights reserved.`) and reuse notice (`This
/// material may not be published, broadcast, …`) come right after its last paragraph, the
/// site's footer further down.
fn follows_body(classes: &[Class], i: usize) -> bool {
    classes[i.saturating_sub(2)..i].contains(&Class::Body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::segment::segment;

    fn roles(lines: &[&str]) -> Vec<Role> {
        let text = lines.join("\n");
        assign_roles(&text, &segment(&text))
    }

    /// A short paste is all story: its dateline paragraph and the sentences after it are body,
    /// though the line model, trained on whole pages, calls them boilerplate on their own.
    #[test]
    fn a_short_paste_is_body() {
        let cases: &[(&str, &[&str])] = &[
            (
                "dateline and a short sentence",
                &[
                    "KYIV, Ukraine (AP) — Ukrainian President Volodymyr Zelenskyy said Friday that the U.S. proposal “is a step.”",
                    "No talks are planned.",
                ],
            ),
            (
                "two story paragraphs",
                &[
                    "MOSCOW (AP) — Russian President Vladimir Putin said Friday he supports a ceasefire in principle.",
                    "He spoke at a news conference in Moscow.",
                ],
            ),
        ];
        for (name, lines) in cases {
            assert!(
                roles(lines).iter().all(|r| *r == Role::Body),
                "{name}: {:?}",
                roles(lines)
            );
        }
        // A prompt after the story is still page furniture.
        let with_prompt = roles(&[
            "MOSCOW (AP) — Russian President Vladimir Putin said Friday he supports a ceasefire in principle.",
            "Follow AP’s coverage of the war in Ukraine at https://apnews.com/hub/russia-ukraine",
        ]);
        assert_eq!(with_prompt[1], Role::Boilerplate);
    }

    /// A snippet with no dateline and no body by the line model is still the reader's story;
    /// furniture in it stays furniture.
    #[test]
    fn a_snippet_without_body_is_body() {
        let cases: &[(&str, &[&str], &[Role])] = &[
            ("two sentences", &["Putin met Witkoff. They talked for hours."], &[Role::Body]),
            (
                "two lines",
                &["Putin met Witkoff on Thursday.", "They talked for hours."],
                &[Role::Body, Role::Body],
            ),
            (
                "a prompt stays furniture",
                &[
                    "Putin met Witkoff on Thursday.",
                    "Follow AP’s coverage of the war in Ukraine at https://apnews.com/hub/russia-ukraine",
                ],
                &[Role::Body, Role::Boilerplate],
            ),
            ("a lone link label", &["Click to Gallery"], &[Role::Boilerplate]),
        ];
        for (name, lines, expected) in cases {
            assert_eq!(roles(lines), *expected, "{name}");
        }
    }

    /// A paste that opens on its headline keeps it as the heading; a prompt or a byline in
    /// that place stays what it is.
    #[test]
    fn a_first_line_before_the_story_is_its_headline() {
        let story =
            "The central bank moved on Wednesday, as expected, and said more rises would follow.";
        let cases: &[(&str, &str, Role)] = &[
            (
                "a title-case headline",
                "Federal Reserve Raises Rates for First Time Since 2006",
                Role::Heading,
            ),
            ("a prompt", "Click here to subscribe", Role::Boilerplate),
            ("one word", "Markets", Role::Boilerplate),
        ];
        for (name, first, expected) in cases {
            let got = roles(&[first, "", story]);
            assert_eq!(got.first(), Some(expected), "{name}: {got:?}");
        }
    }

    #[test]
    fn strong_signals_decide_alone() {
        // Story paragraphs from the sample (lines 20–27), four each side of the line under test.
        let story: Vec<&str> = crate::SAMPLE_ARTICLE.lines().skip(19).take(8).collect();
        let (before, after) = story.split_at(4);
        let cases: &[(&str, &str, Role)] = &[
            ("wire caption", "Ukrainian President Volodymyr Zelenskyy speaks during the briefing in Kyiv, Ukraine, Wednesday, March 12, 2025. (AP Photo/Efrem Lukatsky)", Role::Caption),
            ("caption phrasing", "In this photo provided by the Ukrainian Emergency Service, firefighters put out the fire at a civilian hospital.", Role::Caption),
            ("contributor", "John Leicester in Paris contributed to this report.", Role::Credit),
            ("gallery button", "Click to Gallery", Role::Boilerplate),
            ("follow prompt", "Follow AP’s coverage of the war in Ukraine at https://apnews.com/hub/russia-ukraine", Role::Boilerplate),
            ("bare credit", "(AP Photo/Efrem Lukatsky)", Role::Credit),
        ];
        for (name, line, expected) in cases {
            let lines: Vec<&str> = before.iter().chain([line]).chain(after).copied().collect();
            let got = roles(&lines);
            assert_eq!(got[4], *expected, "{name}");
            for i in [0, 1, 2, 3, 5, 6, 7, 8] {
                assert_eq!(got[i], Role::Body, "{name}: the body around it, line {i}");
            }
        }
    }

    /// Strong signals that defer to the model: a column of stamps is a list, not the story's
    /// credit, and a copyright line saying "All rights reserved" is not a page prompt.
    #[test]
    fn strong_signals_know_lists_and_copyright_lines() {
        let signal = |lines: &[&str], i: usize| {
            let facts = doc_facts(lines);
            let classes = vec![Class::Boilerplate; lines.len()];
            strong_signal(&facts, &classes, i)
        };
        let stamp = ["Posted: 13:21 10th January 2008", "A comment on the story."];
        assert_eq!(
            signal(&stamp, 0),
            Some((Role::Credit, "publication_stamp")),
            "one stamp"
        );
        let list = [
            "Posted: 13:21 10th January 2008",
            "Posted: 07:28 9th January 2008",
            "Posted: 18:42 8th January 2008",
        ];
        assert_eq!(signal(&list, 1), None, "a column of stamps");
        let bylines = ["By Dan Muse", "By Tobin Harshaw"];
        assert_eq!(
            signal(&bylines, 0),
            Some((Role::Credit, "byline")),
            "two bylines"
        );
        assert_eq!(
            signal(&["© 2008 Press-Register. All rights reserved."], 0),
            None,
            "a copyright line is the model's to place"
        );
        assert_eq!(
            signal(&["Click here to get our newsletter"], 0),
            Some((Role::Boilerplate, "prompt")),
            "a prompt"
        );
        assert_eq!(
            signal(&["Posted by: Travis on December 29, 2007 04:33 PM"], 0),
            Some((Role::Boilerplate, "comment_signature")),
            "a comment's signature"
        );
    }

    /// The scoring path (names in one reused buffer) classifies every line as the training
    /// path (`doc_features`, `stage2_features`: a `String` per name) does.
    #[test]
    fn classify_lines_agrees_with_the_training_features() {
        let text = crate::SAMPLE_ARTICLE;
        let doc = segment(text);
        let lines = doc.paragraph_texts(text);
        let facts = doc_facts(&lines);
        let model = Model::shipped();
        let first: Vec<[i64; 3]> = doc_features(&facts).map(|f| model.scores(&f)).collect();
        let expected: Vec<Class> = stage2_features(&facts, &first)
            .map(|f| model.classify(&f))
            .collect();
        assert_eq!(classify_lines(&facts, model), expected);
        assert!(expected.contains(&Class::Body) && expected.contains(&Class::Boilerplate));
    }

    #[test]
    fn empty_input_has_no_roles() {
        assert!(roles(&[]).is_empty());
        let doc = segment("");
        assert!(analyze_captions("", &doc).groups.is_empty());
    }
}
