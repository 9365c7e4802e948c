//! Plain-text signals that a line is not body text: photo credits, caption phrasing, bylines,
//! copyright lines and the prompts that web pages scatter around an article.
//!
//! Each signal is a cheap predicate on one line. The learned model reads them as features; a few
//! of them (a photo credit, a "contributed to this report" line) are strong enough that the role
//! assignment trusts them outright (see `super::assign_roles`).

/// A photo credit: `(AP Photo/Efrem Lukatsky)`, `(Saul Loeb, Pool Photo via AP)`, `(Reuters)`,
/// `Getty Images`, `Photo: Jane Doe`. These close almost every wire photo caption.
pub fn has_photo_credit(line: &str) -> bool {
    photo_credit_lower(&line.to_lowercase())
}

/// `has_photo_credit` on the line already lower-cased.
pub(super) fn photo_credit_lower(lower: &str) -> bool {
    if let Some(inner) = last_parenthesised(lower) {
        let credit_words = [
            "ap photo",
            "photo",
            "via ap",
            "reuters",
            "getty",
            "afp",
            "epa",
            "pool",
            "photograph",
            "picture",
            "image",
            "press service",
        ];
        if credit_words.iter().any(|w| inner.contains(w)) && inner.len() < 120 {
            return true;
        }
    }
    let trimmed = lower.trim_end_matches(['.', ' ']);
    lower.starts_with("photo:")
        || lower.starts_with("photo by ")
        || lower.starts_with("photograph:")
        || lower.contains("getty images")
        || lower.contains("/getty")
        || trimmed.ends_with("/ reuters")
        || trimmed.ends_with("/reuters")
        || trimmed.ends_with("/ afp")
        || trimmed.ends_with("/afp")
        || lower.contains("(photo:")
        || lower.contains("photo credit")
}

/// The text inside the last `( … )` of the line, when the line ends with it (give or take a
/// full stop).
fn last_parenthesised(lower: &str) -> Option<&str> {
    let end = lower.trim_end().trim_end_matches('.').trim_end();
    let body = end.strip_suffix(')')?;
    let open = body.rfind('(')?;
    Some(&body[open + 1..])
}

/// Caption phrasing: "In this photo…", "In this image…", "FILE - …", "This photo…".
pub fn has_caption_opening(line: &str) -> bool {
    caption_opening_lower(&line.to_lowercase())
}

/// `has_caption_opening` on the line already lower-cased.
pub(super) fn caption_opening_lower(lower: &str) -> bool {
    [
        "in this photo",
        "in this image",
        "in this picture",
        "in this file photo",
        "in this undated photo",
        "in this handout",
        "this photo ",
        "this image ",
        "file - ",
        "file – ",
        "file — ",
        "file photo",
        "photo: ",
        "caption:",
        "pictured:",
        "above:",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// A caption's scene sentence: a capitalised subject, then within the next few words a verb in
/// the present tense (`Rubio speaks`, `Putin chairs`, `Investigators look`), and a date in the
/// last part of the line (`…in London, England, March 15, 2025.`). Wire captions follow this
/// pattern; story paragraphs report in the past tense.
pub fn is_scene_description(line: &str) -> bool {
    let n = line.split_whitespace().take(81).count();
    if !(6..=80).contains(&n) {
        return false;
    }
    let mut cut = line.len() * 3 / 5;
    while !line.is_char_boundary(cut) {
        cut += 1;
    }
    let tail = &line[cut..];
    if !(has_numeric_date(tail) || has_calendar_date(tail)) {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    const REPORTING: [&str; 6] = ["said", "says", "told", "was", "were", "had"];
    if words
        .iter()
        .any(|w| REPORTING.contains(&w.trim_matches(|c: char| !c.is_alphabetic())))
    {
        return false;
    }
    words.windows(2).take(12).any(|pair| {
        let (subject, verb) = (pair[0], pair[1]);
        let subject_capital = subject.chars().next().is_some_and(char::is_uppercase);
        let lower_verb = verb.chars().all(char::is_lowercase);
        subject_capital
            && lower_verb
            && verb.len() > 3
            && ((verb.ends_with('s') && !verb.ends_with("ss")) || CAPTION_VERBS.contains(&verb))
    })
}

/// Verbs that wire captions use in the plural present (`Investigators look at …`).
const CAPTION_VERBS: [&str; 12] = [
    "look", "walk", "stand", "gather", "watch", "wait", "hold", "attend", "march", "pose", "sit",
    "work",
];

/// Whether the line names a weekday or a month together with a day number: the "place and date"
/// that wire captions put after the scene (`…in Kyiv, Ukraine, Wednesday, March 12, 2025.`).
pub fn has_calendar_date(line: &str) -> bool {
    calendar_date_lower(&line.to_lowercase())
}

/// `has_calendar_date` on the line already lower-cased.
pub(super) fn calendar_date_lower(lower: &str) -> bool {
    let month = MONTHS.iter().any(|m| contains_word(lower, m));
    let day_number = lower
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| !d.is_empty() && d.len() <= 4);
    let weekday = WEEKDAYS.iter().any(|d| contains_word(lower, d));
    (month || weekday) && day_number
}

/// A numeric date such as `17/01/2008`, `01.09.2008` or `2008-01-20`: three runs of digits joined
/// by `/`, `.` or `-`, one of them a year or all of them short.
pub fn has_numeric_date(line: &str) -> bool {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let mut runs = Vec::with_capacity(3);
        let mut j = i;
        let mut sep = 0u8;
        while runs.len() < 3 {
            let start = j;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            let len = j - start;
            if len == 0 || len > 4 {
                break;
            }
            runs.push(len);
            if runs.len() == 3 {
                break;
            }
            if j < b.len() && matches!(b[j], b'/' | b'.' | b'-') && (sep == 0 || sep == b[j]) {
                sep = b[j];
                j += 1;
            } else {
                break;
            }
        }
        if runs.len() == 3 && runs.iter().all(|&l| l <= 2 || l == 4) {
            return true;
        }
        i += 1;
    }
    false
}

/// A clock time: `10:35`, `2:21 PM`, `18:04:44`.
pub fn has_clock_time(line: &str) -> bool {
    let b = line.as_bytes();
    (1..b.len().saturating_sub(2)).any(|i| {
        b[i] == b':'
            && b[i - 1].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
            && b.get(i + 3).is_none_or(|c| !c.is_ascii_digit())
    })
}

const MONTHS: [&str; 21] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sept",
    "dec",
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A byline or a writer's credit: `By DAVID B. CARUSO - Associated Press Writer`, `AP Sports
/// Writer`, `Seattle Times staff reporter`.
pub fn is_byline(line: &str) -> bool {
    byline_lower(line, &line.to_lowercase())
}

/// `is_byline` on the line and its lower-cased copy.
pub(super) fn byline_lower(line: &str, lower: &str) -> bool {
    let mut words = line.split_whitespace();
    let (first, second) = (words.next(), words.next());
    let count =
        usize::from(first.is_some()) + usize::from(second.is_some()) + words.take(15).count();
    if count == 0 || count > 16 {
        return false;
    }
    let by = matches!(first, Some("By" | "BY" | "by"))
        && second.is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    by || lower.ends_with(" writer")
        || lower.ends_with(" correspondent")
        || lower.ends_with(" reporter")
        || lower.ends_with(" editor")
        || lower.contains("associated press writer")
        || lower.starts_with("author:")
        || lower.starts_with("author :")
        || lower.starts_with("posted by ")
}

/// A contributor line at the end of a wire story: `John Leicester in Paris contributed to this
/// report.`
pub fn is_contributor_line(line: &str) -> bool {
    contributor_lower(&line.to_lowercase())
}

/// `is_contributor_line` on the line already lower-cased.
pub(super) fn contributor_lower(lower: &str) -> bool {
    lower.len() < 400
        && (lower.contains("contributed to this report")
            || lower.contains("contributed reporting")
            || lower.contains("contributed to this story")
            || lower.starts_with("reporting by ")
            || lower.starts_with("additional reporting by ")
            || lower.starts_with("editing by ")
            || lower.starts_with("writing by ")
            || lower.starts_with("compiled by "))
}

/// A copyright line: `© 2007 The Associated Press. All rights reserved.`
pub fn is_copyright(line: &str) -> bool {
    copyright_lower(&line.to_lowercase())
}

/// `is_copyright` on the line already lower-cased.
pub(super) fn copyright_lower(lower: &str) -> bool {
    lower.len() < 300
        && (lower.contains('©')
            || lower.contains("copyright")
            || lower.contains("all rights reserved")
            || lower.contains("(c) "))
}

/// The prompts and buttons a page puts around an article: galleries, sharing, following, comments,
/// subscriptions. The first entry of each pair is matched at the start of the line, the second
/// anywhere in it.
pub fn is_page_prompt(line: &str) -> bool {
    prompt_lower(&line.to_lowercase())
}

/// `is_page_prompt` on the line already lower-cased.
pub(super) fn prompt_lower(lower: &str) -> bool {
    if lower.len() > 200 {
        return false;
    }
    const STARTS: [&str; 24] = [
        "click to",
        "click here",
        "follow ap",
        "follow us",
        "follow the",
        "share this",
        "share on",
        "share:",
        "email this",
        "print this",
        "sign up",
        "subscribe",
        "read more",
        "see also",
        "related:",
        "related stories",
        "related articles",
        "advertisement",
        "more on this",
        "post a comment",
        "leave a comment",
        "add a comment",
        "view comments",
        "back to top",
    ];
    const ANYWHERE: [&str; 6] = [
        "coverage of",
        "click here",
        "all rights reserved",
        "newsletter",
        "http://",
        "https://",
    ];
    STARTS.iter().any(|p| lower.starts_with(p))
        || (lower.len() < 140 && ANYWHERE.iter().any(|p| lower.contains(p)))
}

/// A heading that announces comments or related links; what follows it is usually not body text.
pub fn is_tail_header(line: &str) -> bool {
    tail_header_lower(&line.to_lowercase())
}

/// `is_tail_header` on the line already lower-cased.
pub(super) fn tail_header_lower(lower: &str) -> bool {
    let lower = lower.trim();
    if lower.len() > 60 {
        return false;
    }
    [
        "comments",
        "reader comments",
        "post a comment",
        "leave a comment",
        "add your comment",
        "have your say",
        "related",
        "related stories",
        "related articles",
        "related links",
        "more stories",
        "most popular",
        "most read",
        "you might also like",
    ]
    .iter()
    .any(|h| lower.starts_with(h))
        || lower.ends_with(" comments")
}

/// Whether `word` occurs in `haystack` as a whole word (letters on neither side).
fn contains_word(haystack: &str, word: &str) -> bool {
    let mut from = 0;
    while let Some(i) = haystack[from..].find(word) {
        let start = from + i;
        let end = start + word.len();
        let before = haystack[..start].chars().next_back();
        let after = haystack[end..].chars().next();
        if !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic) {
            return true;
        }
        from = end;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
