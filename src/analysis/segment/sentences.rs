//! Sentence splitting for news text.
//!
//! A sentence may end after `.`, `!`, `?` or an ellipsis, followed by any closing quotes or brackets,
//! then white space. Whether it does end depends on what comes next and on the word before the stop:
//! - a lower-case next word never starts a sentence (`“Why?” he asked`, `U.S. officials`);
//! - titles (`Gen.`, `Mr.`, `Sen.`) never end one; month abbreviations (`Feb.`) and `No.` do not before
//!   a number; a single initial (`George W. Bush`) does not;
//! - dotted abbreviations (`U.S.`, `a.m.`, `J.R.R.`) and `Inc.`-style ones end a sentence only when the
//!   next word is one that typically starts a sentence (`The`, `He`, `But`…). `U.S. President` runs on;
//!   `in the U.S. He said` breaks.

use crate::analysis::span::Span;

/// Titles and other abbreviations that are never the last word of a sentence.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt", "Maj", "Adm",
    "Cmdr", "Cpl", "Pvt", "Prof", "Rev", "Fr", "St", "Ste", "Mt", "Ft", "Pres", "Supt", "Det",
    "Insp", "Hon", "Amb", "Atty", "Brig", "Gens", "Reps", "Sens", "Messrs", "Mme", "Mlle", "vs",
    "v", "ca", "approx", "cf", "e.g", "i.e", "Ave", "Blvd", "Rd", "Fig", "Vol", "pp", "Dept",
    "Univ",
];

/// Abbreviations that keep the sentence going before a number (`Feb. 28`, `No. 10`, `p. 4`).
const BEFORE_NUMBERS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No",
    "Nos", "p", "Art", "Sec", "Ch", "Vol", "Nr",
];

/// Abbreviations that often end a sentence as well as sit inside one.
const FINAL_CAPABLE: &[&str] = &[
    "Inc", "Co", "Corp", "Ltd", "Jr", "Sr", "Bros", "Plc", "LLC", "etc", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No",
];

/// Words that typically open a sentence; after an ambiguous abbreviation they tip it to a break.
const STARTERS: &[&str] = &[
    "A",
    "An",
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "Your",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "As",
    "At",
    "In",
    "On",
    "For",
    "From",
    "By",
    "With",
    "Of",
    "To",
    "During",
    "Since",
    "Until",
    "Although",
    "Though",
    "Because",
    "However",
    "Meanwhile",
    "Still",
    "Also",
    "Then",
    "Now",
    "Many",
    "Some",
    "Most",
    "Both",
    "Each",
    "Every",
    "All",
    "Other",
    "Such",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Which",
    "Officials",
    "Earlier",
    "Later",
    "Last",
    "Next",
    "Asked",
    "According",
    "Its",
    "Under",
    "Over",
    "Despite",
    "Instead",
    "Nor",
    "Not",
];

/// Splits one paragraph into sentence spans, each trimmed of white space.
#[inline(never)]
pub fn split_sentences(text: &str, paragraph: Span) -> Vec<Span> {
    let para = paragraph.of(text);
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if !is_stop(c) {
            i += 1;
            continue;
        }
        // The run of stops: `.`, `?!`, `...`, `…`.
        let stop_start = i;
        while i < chars.len() && is_stop(chars[i].1) {
            i += 1;
        }
        let stops: String = chars[stop_start..i].iter().map(|&(_, c)| c).collect();
        // Closing quotes and brackets that belong to this sentence.
        while i < chars.len() && is_closer(chars[i].1) {
            i += 1;
        }
        let end = chars.get(i).map_or(para.len(), |&(b, _)| b);
        // A stop must be followed by white space (or the end) to end anything: `3.5`, `U.S.-led`.
        let mut j = i;
        while j < chars.len() && chars[j].1.is_whitespace() {
            j += 1;
        }
        if j == i || j == chars.len() {
            continue;
        }
        let next_word = word_at(para, chars[j].0);
        if breaks(para, chars[stop_start].0, &stops, next_word) {
            push(&mut out, paragraph.start, para, start, end);
            start = chars[j].0;
        }
    }
    push(&mut out, paragraph.start, para, start, para.len());
    out
}

fn push(out: &mut Vec<Span>, base: usize, para: &str, start: usize, end: usize) {
    let piece = &para[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(
            base + start + lead,
            base + start + lead + trimmed.len(),
        ));
    }
}

fn is_stop(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‽')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | '»' | '›' | ')' | ']' | '}')
}

/// The word that starts at `at`, with any opening quote or bracket kept as its first char.
fn word_at(para: &str, at: usize) -> &str {
    let rest = &para[at..];
    // Only the word's first characters matter; a bound keeps a paste with no spaces linear.
    let mut end = 0;
    for (i, c) in rest.char_indices().take(MAX_WORD) {
        if c.is_whitespace() {
            break;
        }
        end = i + c.len_utf8();
    }
    &rest[..end]
}

/// Longest word the splitter looks at on either side of a stop.
const MAX_WORD: usize = 32;

/// Decides whether the stops at byte `stop` (the run `stops`) end the sentence, given the next word.
fn breaks(para: &str, stop: usize, stops: &str, next: &str) -> bool {
    let first = next.chars().next().unwrap_or(' ');
    if first.is_lowercase() {
        return false;
    }
    // Anything but a single full stop (`?`, `!`, `...`, `…`) ends the sentence before a non-lower-case
    // word.
    if stops != "." {
        return true;
    }
    let word = word_before(para, stop);
    let bare = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let next_letters = next.trim_start_matches(|c: char| !c.is_alphanumeric());
    let next_is_number = next_letters.starts_with(|c: char| c.is_ascii_digit());
    let next_is_starter =
        STARTERS.contains(&trim_punct(next_letters)) || next.starts_with(['“', '"', '‘', '(']);
    if bare.is_empty() {
        return true;
    }
    if TITLES.contains(&bare) {
        return false;
    }
    if BEFORE_NUMBERS.contains(&bare) && next_is_number {
        return false;
    }
    if FINAL_CAPABLE.contains(&bare) {
        return next_is_starter || !first.is_uppercase();
    }
    // A single initial: `George W. Bush`, `J. Edgar Hoover`, and before a nickname in quotation
    // marks, `Robert C. "Bobby" Scott`.
    let mut letters = bare.chars();
    if let (Some(l), None) = (letters.next(), letters.next()) {
        if l.is_uppercase() {
            return next_is_starter && !is_quoted_nickname(next);
        }
    }
    // Dotted abbreviations: `U.S.`, `a.m.`, `J.R.R.`, `D.C.`.
    if bare.contains('.') && bare.split('.').all(|part| part.chars().count() <= 2) {
        return next_is_starter;
    }
    true
}

/// A capitalised word alone in quotation marks (`"Bobby"`, `“Jerry”`): after an initial, a
/// nickname inside a name, where a quotation opening a sentence runs on (`"We`, `"No,"`).
fn is_quoted_nickname(word: &str) -> bool {
    word.strip_prefix(['"', '“'])
        .and_then(|w| w.strip_suffix(['"', '”']))
        .is_some_and(|w| {
            w.starts_with(|c: char| c.is_uppercase()) && w.chars().all(char::is_alphabetic)
        })
}

/// The word that ends at byte `stop`, without the stop itself.
fn word_before(para: &str, stop: usize) -> &str {
    let before = &para[..stop];
    let mut start = before.len();
    for (i, c) in before.char_indices().rev().take(MAX_WORD) {
        if c.is_whitespace() || matches!(c, '(' | '“' | '"' | '‘' | '—' | '–' | '/') {
            break;
        }
        start = i;
    }
    &before[start..]
}

fn trim_punct(word: &str) -> &str {
    word.trim_end_matches(|c: char| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text, Span::new(0, text.len()))
            .into_iter()
            .map(|s| s.of(text))
            .collect()
    }

    /// Named cases: (name, paragraph, expected sentences).
    const CASES: &[(&str, &str, &[&str])] = &[
        ("plain two", "Putin met Witkoff. He left.", &["Putin met Witkoff.", "He left."]),
        ("single", "Putin met Witkoff.", &["Putin met Witkoff."]),
        ("no final stop", "Putin met Witkoff", &["Putin met Witkoff"]),
        ("question", "Will he come? Nobody knows.", &["Will he come?", "Nobody knows."]),
        ("exclamation", "Stop! Now.", &["Stop!", "Now."]),
        ("US before title", "He gave messages to U.S. President Donald Trump, Peskov said.", &["He gave messages to U.S. President Donald Trump, Peskov said."]),
        ("US before lower case", "U.S. officials have said so. They left.", &["U.S. officials have said so.", "They left."]),
        ("US at sentence end", "He moved to the U.S. He stayed.", &["He moved to the U.S.", "He stayed."]),
        ("US before Department", "During a speech at the U.S. Department of Justice, Trump spoke.", &["During a speech at the U.S. Department of Justice, Trump spoke."]),
        ("UK before Prime Minister", "U.K. Prime Minister Keir Starmer spoke. He left.", &["U.K. Prime Minister Keir Starmer spoke.", "He left."]),
        ("Feb before number", "A meeting on Feb. 28 in which Trump spoke.", &["A meeting on Feb. 28 in which Trump spoke."]),
        ("Feb at end", "It happened in Feb. The rest followed.", &["It happened in Feb.", "The rest followed."]),
        ("Gen title", "Gen. Valery Gerasimov said so.", &["Gen. Valery Gerasimov said so."]),
        ("Gen mid", "Ukraine's army chief Gen. Oleksandr Syrskyi spoke. He left.", &["Ukraine's army chief Gen. Oleksandr Syrskyi spoke.", "He left."]),
        ("Mr", "Mr. Putin spoke.", &["Mr. Putin spoke."]),
        ("Mrs", "Mrs. May spoke. Then she left.", &["Mrs. May spoke.", "Then she left."]),
        ("Dr", "Dr. Jill Biden spoke.", &["Dr. Jill Biden spoke."]),
        ("St", "They met at St. Paul's Cathedral.", &["They met at St. Paul's Cathedral."]),
        ("No before number", "He lives at No. 10 Downing Street.", &["He lives at No. 10 Downing Street."]),
        ("No as answer", "He said No. The rest agreed.", &["He said No.", "The rest agreed."]),
        ("Sen", "Sen. Lindsey Graham said so.", &["Sen. Lindsey Graham said so."]),
        ("Rep", "Rep. Nancy Pelosi said so.", &["Rep. Nancy Pelosi said so."]),
        ("Gov", "Gov. Gavin Newsom spoke.", &["Gov. Gavin Newsom spoke."]),
        ("Lt Col", "Lt. Col. Alexander Vindman testified.", &["Lt. Col. Alexander Vindman testified."]),
        ("middle initial", "George W. Bush spoke.", &["George W. Bush spoke."]),
        ("initials run", "J.R.R. Tolkien wrote it.", &["J.R.R. Tolkien wrote it."]),
        ("spaced initials", "J. R. R. Tolkien wrote it.", &["J. R. R. Tolkien wrote it."]),
        ("initial then starter", "He saw Plan B. The plan failed.", &["He saw Plan B.", "The plan failed."]),
        ("initial then nickname", "Rep. Robert C. \"Bobby\" Scott spoke.", &["Rep. Robert C. \"Bobby\" Scott spoke."]),
        ("initial then quote", "He saw Plan B. \"No,\" he said.", &["He saw Plan B.", "\"No,\" he said."]),
        ("decimal", "Growth was 3.5 percent. It rose.", &["Growth was 3.5 percent.", "It rose."]),
        ("money decimal", "It cost $4.5 billion. That was all.", &["It cost $4.5 billion.", "That was all."]),
        ("time am", "It started at 10:30 a.m. Friday in Moscow.", &["It started at 10:30 a.m. Friday in Moscow."]),
        ("time am end", "It started at 10:30 a.m. He was late.", &["It started at 10:30 a.m.", "He was late."]),
        ("time pm lower", "At 5 p.m. local time, it ended.", &["At 5 p.m. local time, it ended."]),
        ("ellipsis lower", "He said the Russians… were lying.", &["He said the Russians… were lying."]),
        ("ellipsis upper", "He paused… Then he left.", &["He paused…", "Then he left."]),
        ("three dots", "He paused... Then he left.", &["He paused...", "Then he left."]),
        ("three dots lower", "He paused... and left.", &["He paused... and left."]),
        ("closing quote after stop", "“It is over.” He left.", &["“It is over.”", "He left."]),
        ("straight closing quote", "\"It is over.\" He left.", &["\"It is over.\"", "He left."]),
        ("question in quote lower", "“Why?” he asked.", &["“Why?” he asked."]),
        ("exclamation in quote lower", "“Stop!” she shouted.", &["“Stop!” she shouted."]),
        ("question in quote upper", "“Why?” Peskov asked.", &["“Why?”", "Peskov asked."]),
        ("comma quote", "“There is hope,” Peskov said. “A lot remains.”", &["“There is hope,” Peskov said.", "“A lot remains.”"]),
        ("sentence then quote", "Peskov said. “There is an understanding.”", &["Peskov said.", "“There is an understanding.”"]),
        ("parenthesis close", "He left (for good.) Then came back.", &["He left (for good.)", "Then came back."]),
        ("URL", "Follow AP’s coverage at https://apnews.com/hub/russia-ukraine", &["Follow AP’s coverage at https://apnews.com/hub/russia-ukraine"]),
        ("domain mid", "See apnews.com for more. Thanks.", &["See apnews.com for more.", "Thanks."]),
        ("hyphenated abbreviation", "The U.S.-brokered deal held. It lasted.", &["The U.S.-brokered deal held.", "It lasted."]),
        ("number start", "It was 2022. 25 countries joined.", &["It was 2022.", "25 countries joined."]),
        ("Inc end", "He joined Apple Inc. The firm grew.", &["He joined Apple Inc.", "The firm grew."]),
        ("Inc mid", "Apple Inc. Chief Executive Tim Cook spoke.", &["Apple Inc. Chief Executive Tim Cook spoke."]),
        ("Jr", "Martin Luther King Jr. Day is a holiday.", &["Martin Luther King Jr. Day is a holiday."]),
        ("DC end", "He flew to Washington, D.C. The talks began.", &["He flew to Washington, D.C.", "The talks began."]),
        ("DC mid", "Washington, D.C. Mayor Muriel Bowser spoke.", &["Washington, D.C. Mayor Muriel Bowser spoke."]),
        ("vs", "It was Russia vs. Ukraine in the final.", &["It was Russia vs. Ukraine in the final."]),
        ("eg", "Some, e.g. France, agreed.", &["Some, e.g. France, agreed."]),
        ("interrobang run", "Really?! Yes.", &["Really?!", "Yes."]),
        ("multiple spaces", "One.   Two.", &["One.", "Two."]),
        ("trailing spaces", "One. Two.   ", &["One.", "Two."]),
        ("dash dateline", "LONDON (AP) — U.K. Prime Minister Keir Starmer has told allies to “keep the pressure” on Putin. He spoke.", &["LONDON (AP) — U.K. Prime Minister Keir Starmer has told allies to “keep the pressure” on Putin.", "He spoke."]),
        ("sample quote chain", "Peskov said. “There is an understanding,” he said. “We will see.”", &["Peskov said.", "“There is an understanding,” he said.", "“We will see.”"]),
        ("sample but quote", "But, “we certainly feel like we’re at least on the right track.” Rubio left.", &["But, “we certainly feel like we’re at least on the right track.”", "Rubio left."]),
        ("sample come to the table", "Starmer said Putin will “sooner or later” have to “come to the table.”", &["Starmer said Putin will “sooner or later” have to “come to the table.”"]),
        ("sample barbaric", "he has to “stop his barbaric attacks\" on Ukraine and agree to a ceasefire.", &["he has to “stop his barbaric attacks\" on Ukraine and agree to a ceasefire."]),
        ("photo credit", "Rubio speaks. (Saul Loeb, Pool Photo via AP)", &["Rubio speaks.", "(Saul Loeb, Pool Photo via AP)"]),
        ("apostrophe closer", "He said ‘no.’ Then he left.", &["He said ‘no.’", "Then he left."]),
        ("empty", "", &[]),
        ("only stops", "...", &["..."]),
        ("accented next", "He left. Éric stayed.", &["He left.", "Éric stayed."]),
        ("cjk", "He met 習近平. He left.", &["He met 習近平.", "He left."]),
        ("emoji", "Great news 🎉. Next item.", &["Great news 🎉.", "Next item."]),
        ("quote after question", "Is it over?” asked Peskov.", &["Is it over?” asked Peskov."]),
        ("Sept date", "On Sept. 11 it happened.", &["On Sept. 11 it happened."]),
        ("Prof", "Prof. Timothy Snyder wrote. He argued.", &["Prof. Timothy Snyder wrote.", "He argued."]),
        ("Capt", "Capt. Smith spoke.", &["Capt. Smith spoke."]),
    ];

    #[test]
    fn named_cases() {
        assert!(CASES.len() >= 60, "the table keeps at least 60 cases");
        let mut failures = Vec::new();
        for (name, input, expected) in CASES {
            let got = split(input);
            if got != *expected {
                failures.push(format!(
                    "{name}: {input:?}\n  got      {got:?}\n  expected {expected:?}"
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    /// Bugs found and fixed, one row each.
    const REGRESSION: &[(&str, &str, &[&str])] = &[
        (
            "a closing quote with no space after it does not end the sentence",
            "He said “no.”Then nothing.",
            &["He said “no.”Then nothing."],
        ),
        (
            "a word longer than the look-back bound is cut, not scanned whole",
            "Supercalifragilisticexpialidociousandthensome. The end.",
            &["Supercalifragilisticexpialidociousandthensome.", "The end."],
        ),
    ];

    /// A long line with no spaces used to be scanned from every stop to its end: quadratic.
    #[test]
    fn a_long_line_without_spaces_is_linear() {
        let text = "a.b. ".to_string() + &"x. ".repeat(100_000) + &"x.".repeat(100_000);
        let spans = split_sentences(&text, Span::new(0, text.len()));
        assert!(!spans.is_empty());
    }

    #[test]
    fn regression() {
        for (name, input, expected) in REGRESSION {
            assert_eq!(split(input), *expected, "{name}");
        }
    }

    #[test]
    fn offsets_are_relative_to_the_text() {
        let text = "Intro.\nOne. Two.";
        let spans = split_sentences(text, Span::new(7, text.len()));
        assert_eq!(spans, vec![Span::new(7, 11), Span::new(12, 16)]);
    }
}
