//! Table tests of the line signals, by signal, with a `regression` group of lines a signal once
//! got wrong.

use super::*;

#[test]
fn one_pass_word_search_agrees_with_searching_each_word() {
    assert!(MONTHS
        .iter()
        .chain(&WEEKDAYS)
        .chain(&AGENCY_WORDS)
        .all(|w| w.chars().all(char::is_alphabetic)));
    let cases = [
        ("month alone", "kyiv, march 3, 2025"),
        ("inside a word", "marching orders 3"),
        ("prefix of a word", "maybe 12"),
        ("after a digit", "12may 2024"),
        ("accented neighbour", "émay 4"),
        ("repeated failing then alone", "mayday may 1"),
        ("weekday", "on sunday, 4"),
        ("abbreviation with a dot", "sept. 11"),
        ("none", "no date here 42"),
        ("empty", ""),
        ("agency inside words", "happen to apply in japan"),
        ("agency alone", "photo: ap, afp"),
        ("agency after a word inside", "mapped by ap"),
    ];
    for (name, line) in cases {
        for list in [&MONTHS[..], &WEEKDAYS[..], &AGENCY_WORDS[..]] {
            assert_eq!(
                has_letter_word(line, list),
                list.iter()
                    .any(|w| contains_word(&super::Lowered::new(line), w)),
                "{name}"
            );
        }
    }
}

#[test]
fn photo_credits() {
    let cases: &[(&str, &str, bool)] = &[
        (
            "ap photo",
            "Zelenskyy speaks in Kyiv. (AP Photo/Efrem Lukatsky)",
            true,
        ),
        (
            "via ap",
            "Starmer departs. (Stefan Rousseau/PA via AP)",
            true,
        ),
        ("reuters", "Troops march in Kyiv. (Reuters)", true),
        (
            "getty",
            "A view of the city. Photo by John Moore/Getty Images",
            true,
        ),
        ("photo prefix", "Photo: Jane Doe", true),
        ("plain body", "Putin met Witkoff on Thursday.", false),
        (
            "aside in parentheses",
            "He said the ceasefire (if agreed) would hold.",
            false,
        ),
        (
            "miles",
            "One damaged the roof a few kilometers (miles) away.",
            false,
        ),
    ];
    for (name, line, expected) in cases {
        assert_eq!(has_photo_credit(line), *expected, "{name}");
    }
}

#[test]
fn bylines_and_credits() {
    let cases: &[(&str, &str, bool)] = &[
        ("wire byline", "By DAVID B. CARUSO - Associated Press Writer", true),
        ("sports writer", "AP Sports Writer", true),
        ("by in a sentence", "By then the talks had failed.", false),
        ("long line", "By the time the ceasefire took hold, the soldiers had left the town and the villagers had come back to find their homes gone.", false),
    ];
    for (name, line, expected) in cases {
        assert_eq!(is_byline(line), *expected, "{name}");
    }
    assert!(is_contributor_line(
        "John Leicester in Paris contributed to this report."
    ));
    assert!(!is_contributor_line("Putin contributed troops."));
}

/// One of the story-metadata signals, by name.
fn check(signal: &str, line: &str) -> bool {
    let lower_text = line.to_lowercase();
    let lower = super::Lowered::new(&lower_text);
    match signal {
        "agency" => agency_lower(&lower),
        "timestamp" => timestamp_lower(&lower),
        "contact" => contact_lower(&lower),
        "position" => position_marker(&lower),
        "credit" => credit_label_lower(&lower),
        "comment" => comment_signature_lower(&lower),
        "notice" => reuse_notice_lower(&lower),
        "picture" => picture_label_lower(&lower),
        "name" => name_line(line),
        "note" => author_note(line, &lower),
        "scene" => scene_verb(line),
        "stamp" => publication_stamp_lower(&lower),
        _ => panic!("no signal {signal}"),
    }
}

#[test]
fn story_metadata_signals() {
    let cases: &[(&str, &str, &str, bool)] = &[
        (
            "published stamp",
            "stamp",
            "Published: 10 January 2008",
            true,
        ),
        (
            "updated stamp",
            "stamp",
            "Last Updated: 6:10 PM Dec 31, 2007",
            true,
        ),
        (
            "comment stamp",
            "stamp",
            "Posted By: caad4 | January 16 2008 at 03:42 PM",
            false,
        ),
        (
            "undated verb",
            "stamp",
            "Updated forecasts are due on Monday.",
            false,
        ),
        ("agency line", "agency", "Hugh Gentry, Reuters", true),
        ("agency pair", "agency", "AFP, AP", true),
        (
            "no agency",
            "agency",
            "The mayor rapped the council.",
            false,
        ),
        (
            "updated stamp",
            "timestamp",
            "Updated 3:45 p.m. ET, Mon March 3, 2008",
            true,
        ),
        (
            "bare date line",
            "timestamp",
            "15 January 2008 16:22 BST",
            true,
        ),
        ("relative stamp", "timestamp", "14 hours ago", true),
        (
            "date in a sentence",
            "timestamp",
            "The talks resume on March 3, 2008, in Geneva.",
            false,
        ),
        (
            "contact",
            "contact",
            "Scott Brown can be reached at sbrown@tribweb.com.",
            true,
        ),
        (
            "no contact",
            "contact",
            "Scott Brown reached the final.",
            false,
        ),
        (
            "bracketed side",
            "position",
            "Chelsea's Florent Malouda (R) clashes with Everton's Phil Jagielka.",
            true,
        ),
        (
            "second from right",
            "position",
            "Jabarah, second from right, is sentenced in New York.",
            true,
        ),
        (
            "trademark",
            "position",
            "The Force Is Strong With Soulcalibur(R) IV and more",
            false,
        ),
        (
            "copyright c",
            "position",
            "Press Release (C) 2008 NAMCO BANDAI Games America Inc.",
            false,
        ),
        (
            "source label",
            "credit",
            "Source: China Daily/Agencies",
            true,
        ),
        (
            "article from",
            "credit",
            "Article from: Agence France-Presse",
            true,
        ),
        (
            "no label",
            "credit",
            "Sources said the deal was close.",
            false,
        ),
        ("by label", "credit", "By: Jay Bobbin", true),
        ("special to", "credit", "Special to The Globe and Mail", true),
        (
            "report from",
            "credit",
            "With a report from CTV Toronto's MairiAnna Bachynsky",
            true,
        ),
        (
            "correspondents",
            "credit",
            "From correspondents in Karachi, Pakistan",
            true,
        ),
        ("about the author", "credit", "About the Author", true),
        ("label alone", "credit", "Article from:", false),
        ("label alone, no colon", "credit", "Brought to you by", false),
        (
            "special in a sentence",
            "credit",
            "Special teams were the difference, the coach said.",
            false,
        ),
        (
            "long comment with a signature",
            "comment",
            "5. My thought is Eric genuinely just does not think that the votes, supporters, bumperstickers, signs, straw poll wins, blimps and volunteers in Iowa and New Hampshire add up to anything, and that the press will keep ignoring them until the primaries are over and the delegates are counted. Posted by: Travis on December 29, 2007 04:33 PM",
            true,
        ),
        (
            "comment signature",
            "comment",
            "Posted by: Travis on December 29, 2007 04:33 PM",
            true,
        ),
        (
            "byline is no comment",
            "comment",
            "By Belinda Tasker in London",
            false,
        ),
        (
            "reuse notice",
            "notice",
            "This material may not be published, broadcast, rewritten or redistributed.",
            true,
        ),
        (
            "picture label",
            "picture",
            "Crunch time: Telstra keeps its network. Picture: Simone Dalton",
            true,
        ),
        (
            "bracketed agency",
            "picture",
            "Troops killed 33 separatists [EPA]",
            true,
        ),
        ("name alone", "name", "Luke Van Leuveren", true),
        ("name and outlet", "name", "Mark Hinton, Goal.com", true),
        ("sentence", "name", "Jonny Evans scored.", false),
        (
            "author note",
            "note",
            "Ryan McNeill covers the Toronto Raptors for HOOPSWORLD and ESPN.com.",
            true,
        ),
        (
            "story line",
            "note",
            "McNeill said the Raptors had a writer on the bus.",
            false,
        ),
        (
            "scene",
            "scene",
            "Daniel Vettori celebrates after dismissing batsman Shakib Al Hasan.",
            true,
        ),
        (
            "reported",
            "scene",
            "Daniel Vettori said he celebrates every wicket the same way.",
            false,
        ),
    ];
    for (name, signal, line, expected) in cases {
        assert_eq!(check(signal, line), *expected, "{name}: {line}");
    }
}

/// Lines a signal once got wrong.
#[test]
fn regression() {
    let cases: &[(&str, bool, bool)] = &[
        // "NAME, Editor" and the letters page used to be bylines (9 of 11 L3S lines of that
        // shape are site furniture).
        ("Letters to the Editor", false, false),
        ("Andrew Derringer, Editor", false, false),
        ("Posted by Aaron Lewis", false, false),
        // "(c) " was a copyright mark even as a captain's or a photo's position.
        (
            "Chelsea's Shaun Wright-Phillips (C) gestures after scoring.",
            false,
            false,
        ),
        ("By DAVID B. CARUSO - Associated Press Writer", true, false),
        ("(c) 2008 Earthtimes.org", false, true),
    ];
    for (line, byline, copyright) in cases {
        assert_eq!(is_byline(line), *byline, "byline: {line}");
        assert_eq!(is_copyright(line), *copyright, "copyright: {line}");
    }
}

#[test]
fn prompts_and_dates() {
    assert!(is_page_prompt("Click to Gallery"));
    assert!(is_page_prompt(
        "Follow AP’s coverage of the war in Ukraine at https://apnews.com/hub/russia-ukraine"
    ));
    assert!(!is_page_prompt(
        "Trump said Friday that thousands of troops are surrounded."
    ));
    assert!(has_calendar_date(
        "in Kyiv, Ukraine, Wednesday, March 12, 2025."
    ));
    assert!(!has_calendar_date("They may march on Kyiv."));
    assert!(has_caption_opening(
        "In this photo taken from video distributed by …"
    ));
    assert!(is_copyright(
        "© 2007 The Associated Press. All rights reserved."
    ));
}
