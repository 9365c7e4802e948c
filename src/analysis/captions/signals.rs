//! Plain-text signals that a line is not body text: photo credits, caption phrasing, bylines,
//! copyright lines and the prompts that web pages scatter around an article.
//!
//! Each signal is a cheap predicate on one line. The learned model reads them as features; a few
//! of them (a photo credit, a "contributed to this report" line) are strong enough that the role
//! assignment trusts them outright (see `super::assign_roles`).
//!
//! The `_lower` predicates read the line lower-cased as a `Lowered`, whose phrase searches
//! (`Lowered::has`) skip the lines that cannot hold the phrase.

use super::lowered::Lowered;

/// A photo credit: `(AP Photo/Efrem Lukatsky)`, `(Saul Loeb, Pool Photo via AP)`, `(Reuters)`,
/// `Getty Images`, `Photo: Jane Doe`. These close almost every wire photo caption.
pub fn has_photo_credit(line: &str) -> bool {
    photo_credit_lower(&Lowered::new(&line.to_lowercase()))
}

/// `has_photo_credit` on the line already lower-cased.
pub(super) fn photo_credit_lower(lower: &Lowered) -> bool {
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
        || lower.has("getty images")
        || lower.has("/getty")
        || trimmed.ends_with("/ reuters")
        || trimmed.ends_with("/reuters")
        || trimmed.ends_with("/ afp")
        || trimmed.ends_with("/afp")
        || lower.has("(photo:")
        || lower.has("photo credit")
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
#[inline(never)]
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
    let day_number = lower
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| !d.is_empty() && d.len() <= 4);
    day_number && (has_letter_word(lower, &MONTHS) || has_letter_word(lower, &WEEKDAYS))
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
        // The lengths of up to three digit runs, on the stack: this runs at every number.
        let mut runs = [0usize; 3];
        let mut found = 0;
        let mut j = i;
        let mut sep = 0u8;
        while found < 3 {
            let start = j;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            let len = j - start;
            if len == 0 || len > 4 {
                break;
            }
            runs[found] = len;
            found += 1;
            if found == 3 {
                break;
            }
            if j < b.len() && matches!(b[j], b'/' | b'.' | b'-') && (sep == 0 || sep == b[j]) {
                sep = b[j];
                j += 1;
            } else {
                break;
            }
        }
        if found == 3 && runs.iter().all(|&l| l <= 2 || l == 4) {
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
    byline_lower(line, &Lowered::new(&line.to_lowercase()))
}

/// `is_byline` on the line and its lower-cased copy.
#[inline(never)]
pub(super) fn byline_lower(line: &str, lower: &Lowered) -> bool {
    let mut words = line.split_whitespace();
    let (first, second) = (words.next(), words.next());
    let count =
        usize::from(first.is_some()) + usize::from(second.is_some()) + words.take(15).count();
    if count == 0 || count > 16 || LETTERS.iter().any(|l| lower.has(l)) {
        return false;
    }
    let by = matches!(first, Some("By" | "BY" | "by"))
        && second.is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    by || lower.ends_with(" writer")
        || lower.ends_with(" correspondent")
        || lower.ends_with(" reporter")
        || lower.has("associated press writer")
}

/// The wire services' reuse notice: `This material may not be published, broadcast, rewritten
/// or redistributed.` L3S labels it with the story's credits about as often as with the footer.
pub(super) fn reuse_notice_lower(lower: &Lowered) -> bool {
    lower.len() < 400
        && (lower.has("may not be published")
            || lower.has("may not be reproduced")
            || lower.has("redistribut")
            || lower.has("republication"))
}

/// A picture credit inside the line: `… Picture: Simone Dalton`, `Photograph: MySpace`, `…
/// separatists [EPA]`.
pub(super) fn picture_label_lower(lower: &Lowered) -> bool {
    [
        "picture: ",
        "photograph: ",
        "photo: ",
        "pictures: ",
        "photo courtesy",
    ]
    .iter()
    .any(|p| lower.has(p))
        || [
            "[epa]",
            "[afp]",
            "[ap]",
            "[reuters]",
            "[getty]",
            "[getty images]",
        ]
        .iter()
        .any(|p| lower.trim_end().ends_with(p))
}

/// An author's note: a name, then `is a writer for`, `covers the Raptors`, `can be reached at`.
#[inline(never)]
pub(super) fn author_note(line: &str, lower: &Lowered) -> bool {
    let words: Vec<&str> = line.split_whitespace().take(46).collect();
    if !(5..=45).contains(&words.len()) {
        return false;
    }
    let names = words
        .iter()
        .take_while(|w| w.starts_with(char::is_uppercase))
        .count();
    const VERBS: [&str; 7] = ["is", "covers", "writes", "has", "was", "may", "can"];
    const ROLES: [&str; 12] = [
        "writer",
        "editor",
        "columnist",
        "reporter",
        "author",
        "covers",
        "correspondent",
        "reached",
        "contributor",
        "freelance",
        "journalist",
        "blog",
    ];
    (1..=3).contains(&names)
        && words.get(names).is_some_and(|w| VERBS.contains(w))
        && ROLES.iter().any(|r| contains_word(lower, r))
}

/// A photo's scene: a capitalised subject right at the start, then a verb in the present tense
/// (`Daniel Vettori celebrates after …`, `Chelsea's Michael Ballack controls the ball …`), and
/// no reporting verb. Weaker than `is_scene_description` (no date needed); a feature only.
#[inline(never)]
pub(super) fn scene_verb(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().take(46).collect();
    if !(6..=45).contains(&words.len()) {
        return false;
    }
    const REPORTING: [&str; 9] = [
        "said",
        "says",
        "told",
        "was",
        "were",
        "had",
        "say",
        "added",
        "according",
    ];
    const NOT_VERBS: [&str; 6] = ["this", "has", "was", "his", "its", "is"];
    if words
        .iter()
        .any(|w| REPORTING.contains(&w.trim_matches(|c: char| !c.is_alphabetic())))
    {
        return false;
    }
    words.windows(2).take(6).any(|pair| {
        let (subject, verb) = (pair[0], pair[1]);
        subject.starts_with(char::is_uppercase)
            && verb.chars().all(char::is_lowercase)
            && verb.len() > 3
            && verb.ends_with('s')
            && !verb.ends_with("ss")
            && !NOT_VERBS.contains(&verb)
    })
}

/// A comment's signature: `Posted by: Travis on December 29, 2007 04:33 PM`, `Bob said...`,
/// `Jane wrote:`. On L3S pages "Posted by:" marks comments 243 times in 244 (the other is a
/// body line), however long the comment it ends, while "NAME, Editor", "Author:" and "Posted
/// by NAME" lines are more often site furniture than bylines.
pub(super) fn comment_signature_lower(lower: &Lowered) -> bool {
    lower.has("posted by:")
        || lower.len() < 300
            && (lower.has("comment by")
                || lower.has("| posted")
                || lower.ends_with("said...")
                || lower.ends_with("wrote:")
                || lower.starts_with("reply"))
}

/// Links to the letters page end in "editor" but credit nobody.
const LETTERS: [&str; 4] = [
    "to the editor",
    "write to editor",
    "public editor",
    "editor's pick",
];

/// A contributor line at the end of a wire story: `John Leicester in Paris contributed to this
/// report.`
pub fn is_contributor_line(line: &str) -> bool {
    contributor_lower(&Lowered::new(&line.to_lowercase()))
}

/// `is_contributor_line` on the line already lower-cased.
pub(super) fn contributor_lower(lower: &Lowered) -> bool {
    lower.len() < 400
        && (lower.has("contributed to this report")
            || lower.has("contributed reporting")
            || lower.has("contributed to this story")
            || lower.starts_with("reporting by ")
            || lower.starts_with("additional reporting by ")
            || lower.starts_with("editing by ")
            || lower.starts_with("writing by ")
            || lower.starts_with("compiled by "))
}

/// A copyright line: `© 2007 The Associated Press. All rights reserved.`
pub fn is_copyright(line: &str) -> bool {
    copyright_lower(&Lowered::new(&line.to_lowercase()))
}

/// `is_copyright` on the line already lower-cased.
pub(super) fn copyright_lower(lower: &Lowered) -> bool {
    lower.len() < 300
        && (lower.contains('©')
            || lower.has("copyright")
            || lower.has("all rights reserved")
            || lower.starts_with("(c)")
            || lower.has("(c) 1")
            || lower.has("(c) 2"))
}

/// Names of news agencies and syndication lines: `Reuters`, `AFP, AP`, `- NZPA`, `Staff and
/// agencies`, `Amr Nabil/Associated Press`. Short lines naming one are source credits; a
/// copyright line naming one is the story's own, not the site's footer.
pub(super) fn agency_lower(lower: &Lowered) -> bool {
    lower.len() < 300
        && (has_letter_word(lower, &AGENCY_WORDS)
            || AGENCY_PHRASES.iter().any(|n| contains_word(lower, n)))
}

/// The agency names of one word, found in one pass over the line (`has_letter_word`): they were
/// one search each, and "ap" alone occurs inside half the words of a story.
const AGENCY_WORDS: [&str; 13] = [
    "reuters",
    "afp",
    "aap",
    "nzpa",
    "upi",
    "bloomberg",
    "canwest",
    "xinhua",
    "dpa",
    "agencies",
    "ap",
    "pti",
    "ians",
];

/// The agency names of several words, each searched on its own.
const AGENCY_PHRASES: [&str; 9] = [
    "associated press",
    "agence france",
    "press association",
    "pa sport",
    "united press",
    "canadian press",
    "press trust",
    "news service",
    "wire service",
];

/// A time-stamp line: mostly date and time tokens, perhaps after a stamp word (`Updated 3:45
/// p.m. ET, Mon March 3, 2008`, `Posted: 01/12/2008`, `15 January 2008 16:22 BST`, `14 hours
/// ago`). Date lines sit under the headline; the same shape in a list is an archive menu.
pub(super) fn timestamp_lower(lower: &str) -> bool {
    // A line of more than 16 words is no time stamp, whatever its words: most lines are, and
    // counting is cheaper than reading each word.
    if lower.split_whitespace().nth(16).is_some() {
        return false;
    }
    let mut n = 0;
    let mut datey = 0;
    let mut digits = false;
    for w in lower.split_whitespace() {
        n += 1;
        if n > 16 {
            return false;
        }
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        let numeric = !core.is_empty()
            && core
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ':' | '/' | '.' | '-' | ','));
        digits |= core.chars().any(|c| c.is_ascii_digit());
        let ordinal = core.len() <= 4
            && core.starts_with(|c: char| c.is_ascii_digit())
            && ["st", "nd", "rd", "th"].iter().any(|s| core.ends_with(s));
        let word = MONTHS.contains(&core)
            || WEEKDAYS.contains(&core)
            || STAMP_WORDS.contains(&core)
            || core.len() <= 3
                && WEEKDAYS
                    .iter()
                    .any(|d| d.starts_with(core) && !core.is_empty());
        if numeric || ordinal || word || core.is_empty() {
            datey += 1;
        }
    }
    n > 0 && digits && datey * 3 >= n * 2
}

/// A publication stamp: a time stamp that opens with its verb (`Published: 10 January 2008`,
/// `Last Updated: 6:10 PM Dec 31, 2007`), not a comment's `Posted by: … | January 16 2008`.
/// L3S labels these with the bylines three times in five (by characters, training folds).
pub(super) fn publication_stamp_lower(lower: &str) -> bool {
    const VERBS: [&str; 7] = [
        "updated",
        "last updated",
        "posted",
        "published",
        "originally posted",
        "modified",
        "created",
    ];
    let lower = lower.trim_start();
    VERBS.iter().any(|v| lower.starts_with(v))
        && !lower.starts_with("posted by")
        && timestamp_lower(lower)
        && lower.split_whitespace().nth(12).is_none()
}

/// Words that go with dates on a time-stamp line.
const STAMP_WORDS: [&str; 32] = [
    "updated",
    "update",
    "posted",
    "published",
    "last",
    "on",
    "at",
    "am",
    "pm",
    "a.m",
    "p.m",
    "et",
    "est",
    "edt",
    "pt",
    "pst",
    "gmt",
    "bst",
    "utc",
    "cet",
    "aedt",
    "ist",
    "ago",
    "hours",
    "hour",
    "minutes",
    "days",
    "day",
    "originally",
    "created",
    "modified",
    "date",
];

/// A personal name on its own, or a name and an affiliation: `Luke Van Leuveren`, `RANDY
/// SPORTAK`, `Mark Hinton, Goal.com`, `Robert Fife, CTV Ottawa Bureau Chief`. Bylines without
/// the "By".
#[inline(never)]
pub(super) fn name_line(line: &str) -> bool {
    let head = line.split(',').next().unwrap_or("");
    let words: Vec<&str> = head.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) || line.split_whitespace().count() > 10 {
        return false;
    }
    words.iter().all(|w| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && cs.all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
    }) && !line.ends_with(['.', '!', '?'])
}

/// Contact lines and author notes: an e-mail address, `can be reached at`, `is a freelance
/// writer`, `covers the Raptors for`.
pub(super) fn contact_lower(lower: &Lowered) -> bool {
    lower.len() < 400
        && (lower.contains('@') && !lower.has(" @ ")
            || lower.has("can be reached")
            || lower.has("can be contacted")
            || lower.has("e-mail:")
            || lower.has("email:")
            || lower.has("is a freelance")
            || lower.has("is a staff")
            || lower.has("is the author")
            || lower.has("is a writer")
            || lower.has("is a reporter")
            || lower.has("is a columnist"))
}

/// Where a person stands in a photo: `Malouda (R) clashes`, `Lilja (left) and`, `, second from
/// right,`, `from left`. Story prose hardly ever says it. A bracketed letter counts only between
/// a spaced word and a lower-case one: `Soulcalibur(R) IV` is a trademark, `(C) 2008` a
/// copyright, `Ponting (c),` a captain.
pub(super) fn position_marker(lower: &Lowered) -> bool {
    const BRACKETED: [&str; 12] = [
        " (l) ",
        " (r) ",
        " (c) ",
        " (l-r) ",
        " (left) ",
        " (right) ",
        " (center) ",
        " (centre) ",
        " (front) ",
        " (back) ",
        " (top) ",
        " (bottom) ",
    ];
    const PHRASES: [&str; 6] = [
        ", left,",
        ", right,",
        ", center,",
        ", centre,",
        "from left",
        "from right",
    ];
    let bracketed = BRACKETED.iter().any(|m| {
        lower.may_contain(m)
            && lower.match_indices(m).any(|(i, _)| {
                lower[i + m.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
            })
    });
    (bracketed || PHRASES.iter().any(|m| lower.has(m))) && lower.split_whitespace().nth(4).is_some()
}

/// A label that names where the story comes from or who made it: `Source: China Daily`,
/// `Article from: AAP`, `Courtesy: San Jose State Athletics`, `Written by Chris Beaumont`,
/// `Brought to you by NZPA`, `Editor: Sun Yunlong`, `By: Jay Bobbin`, `Special to The Star`,
/// `With a report from CTV's …`. The label alone (`Article from:`, `Brought to you by`) credits
/// nobody: on L3S pages it is page furniture five times in six, its source on a line of its own.
pub(super) fn credit_label_lower(lower: &str) -> bool {
    const STARTS: [&str; 24] = [
        "source:",
        "sources:",
        "article from",
        "courtesy",
        "editor:",
        "publisher:",
        "written by",
        "brought to you by",
        "distributed by",
        "story by",
        "words by",
        "text by",
        "report by",
        "reported by",
        "from:",
        "agency:",
        "filed by",
        "with files from",
        "by:",
        "special to ",
        "about the author",
        "from correspondents",
        "with a report from",
        "information from",
    ];
    lower.len() < 200
        && STARTS.iter().any(|s| {
            lower.starts_with(s)
                && (!lower[s.len()..].trim_matches([' ', ':']).is_empty()
                    || *s == "about the author")
        })
}

/// The prompts and buttons a page puts around an article: galleries, sharing, following, comments,
/// subscriptions. The first entry of each pair is matched at the start of the line, the second
/// anywhere in it.
pub fn is_page_prompt(line: &str) -> bool {
    prompt_lower(&Lowered::new(&line.to_lowercase()))
}

/// `is_page_prompt` on the line already lower-cased.
pub(super) fn prompt_lower(lower: &Lowered) -> bool {
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
        || (lower.len() < 140 && ANYWHERE.iter().any(|p| lower.has(p)))
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
/// `words.iter().any(|w| contains_word(haystack, w))` for words made of letters only, in one
/// pass over the haystack instead of one search per word: such a word stands alone exactly when
/// it is a whole run of letters. Every line of every article is asked this.
fn has_letter_word(haystack: &str, words: &[&str]) -> bool {
    debug_assert!(words.iter().all(|w| w.chars().all(char::is_alphabetic)));
    let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
    haystack
        .split(|c: char| !c.is_alphabetic())
        .any(|run| !run.is_empty() && run.len() <= longest && words.contains(&run))
}

fn contains_word(haystack: &Lowered, word: &str) -> bool {
    if !haystack.may_contain(word) {
        return false;
    }
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
mod tests;
