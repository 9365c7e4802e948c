//! Roles: the title or job before a person's name (`U.S. Secretary of State Marco Rubio`,
//! `Kremlin spokesman Dmitry Peskov`). Titles are not part of a PER span; they are kept as the
//! mention's role.

use crate::analysis::case::lower;

/// Words that make up titles and jobs, lower case.
const TITLE_WORDS: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "state",
    "foreign",
    "defense",
    "defence",
    "interior",
    "finance",
    "treasury",
    "affairs",
    "general",
    "envoy",
    "special",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "gen.",
    "sen.",
    "rep.",
    "gov.",
    "lt.",
    "col.",
    "sgt.",
    "capt.",
    "maj.",
    "adm.",
    "dr.",
    "mr.",
    "mrs.",
    "ms.",
    "prof.",
    "senator",
    "governor",
    "mayor",
    "director",
    "chief",
    "commander",
    "ambassador",
    "leader",
    "adviser",
    "advisor",
    "aide",
    "official",
    "negotiator",
    "deputy",
    "national",
    "security",
    "head",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "representative",
    "lawmaker",
    "judge",
    "justice",
    "attorney",
    "professor",
    "former",
    "top",
    "military",
    "army",
    "navy",
    "commander-in-chief",
    "speaker",
    "premier",
    "sheikh",
    "ayatollah",
    "emir",
    "colonel",
    "lieutenant",
    "sergeant",
    "captain",
    "admiral",
    "marshal",
    "field",
    "coach",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "manager",
    "executive",
    "officer",
    "host",
    "anchor",
    "correspondent",
    "reporter",
    "analyst",
    "economist",
    "opposition",
    "party",
    "mp",
    "senior",
    "acting",
    "interim",
    "staff",
    "first",
    "lady",
    "cardinal",
    "bishop",
    "archbishop",
    "rev.",
    "father",
];

/// Honorifics: a word that only ever stands before a person's name. Whatever follows is that
/// person, even a word that is a title elsewhere (`Mr. King`).
const HONORIFICS: &[&str] = &[
    "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "miss", "mx.", "dr.", "dr", "messrs.", "mme.",
];

pub fn is_honorific(word: &str) -> bool {
    // Every honorific is short ASCII: most words are ruled out without a lower-case copy.
    word.len() <= 7 && word.is_ascii() && HONORIFICS.iter().any(|h| h.eq_ignore_ascii_case(word))
}

pub(super) fn is_title(word: &str) -> bool {
    let lower = lower(word);
    TITLE_WORDS.contains(&&*lower) || is_compound_title(&lower)
}

/// A hyphenated title made of title words (`Director-General`, `Secretary-General`,
/// `Vice-President`): news agencies spell these with a hyphen, and the name after one is a
/// person's (`WHO Director-General Tedros Adhanom Ghebreyesus`).
fn is_compound_title(lower: &str) -> bool {
    lower.contains('-')
        && lower
            .split('-')
            .all(|part| part == "in" || TITLE_WORDS.contains(&part))
}

/// Whether every word is a title word (`Staff`, `General`): no name is left.
pub fn all_titles(words: &[&str]) -> bool {
    !words.is_empty() && words.iter().all(|w| is_title(w))
}

/// For a PER entity at tokens `a..b`: strips title words the tagger put inside the span, and finds
/// the title before it, which may include a non-person entity (`U.S.`, `Kremlin`, `Russian`) and
/// `of`, but never another person. Returns the new start and the role's token range.
pub fn split_title(
    words: &[&str],
    a: usize,
    b: usize,
    names: &[(usize, usize, usize)],
) -> (usize, Option<(usize, usize)>) {
    let mut start = a;
    while start + 1 < b && is_title(words[start]) {
        start += 1;
    }
    // Kind of the entity covering token i, if any (names are sorted and disjoint).
    let entity_at = |i: usize| -> Option<usize> {
        let k = names.partition_point(|n| n.1 <= i);
        names.get(k).filter(|n| n.0 <= i).map(|n| n.2)
    };
    // Title words stripped from the span are the role's end.
    let mut role_start = a;
    let mut has_title = start > a;
    let mut j = a;
    while j > 0 && a - j < 10 {
        let w = words[j - 1];
        match entity_at(j - 1) {
            Some(0) => break,
            Some(_) if has_title => {
                j -= 1;
                role_start = j;
                continue;
            }
            Some(_) => break,
            None => {}
        }
        if is_title(w) {
            has_title = true;
            j -= 1;
            role_start = j;
        } else if w.eq_ignore_ascii_case("of") && has_title {
            j -= 1;
        } else {
            break;
        }
    }
    let role = (has_title && role_start < start).then_some((role_start, start));
    (start, role)
}

/// A name the tagger took for an organisation or place though it ends in a titled person:
/// `Moscow Mayor Sergei Sobyanin`. Returns where the head ends (`Moscow`, possibly empty) and where
/// the title ends; the rest (two or three capitalised words) is the person.
pub fn split_titled_person(words: &[&str], a: usize, b: usize) -> Option<(usize, usize)> {
    let capitalized = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let tail_start = (a + 1..b).rev().find(|&i| is_title(words[i - 1]))?;
    let tail = &words[tail_start..b];
    if !(2..=3).contains(&tail.len()) || !tail.iter().all(|w| capitalized(w) && !is_title(w)) {
        return None;
    }
    let mut head_end = tail_start - 1;
    while head_end > a && (is_title(words[head_end - 1]) || words[head_end - 1] == "of") {
        head_end -= 1;
    }
    Some((head_end, tail_start))
}

#[cfg(test)]
// Test tables are tuples of slices, on purpose: one row a case.
#[allow(clippy::type_complexity)]
mod tests {
    use super::*;

    fn role(sentence: &str, names: &[(usize, usize, usize)]) -> (String, Option<String>) {
        let words: Vec<&str> = sentence.split(' ').collect();
        let per = names.iter().rposition(|n| n.2 == 0).expect("a PER");
        let (a, b, _) = names[per];
        let (start, role) = split_title(&words, a, b, names);
        (
            words[start..b].join(" "),
            role.map(|(x, y)| words[x..y].join(" ")),
        )
    }

    #[test]
    fn titled_people_inside_other_names() {
        let cases: &[(&str, &str, Option<(usize, usize)>)] = &[
            ("mayor", "Moscow Mayor Sergei Sobyanin", Some((1, 2))),
            ("title first", "Mayor Sergei Sobyanin", Some((0, 1))),
            ("no title", "French Armed Forces Thierry Burkhard", None),
            ("one-word tail", "Moscow Mayor Sobyanin", None),
            ("title at the end", "Ministry of Defence", None),
            (
                "hyphenated title",
                "WHO Director-General Tedros Adhanom Ghebreyesus",
                Some((1, 2)),
            ),
            (
                "hyphen in the head",
                "Hewlett-Packard Chief Meg Whitman",
                Some((1, 2)),
            ),
            ("hyphen in a name", "Coca-Cola Enterprises", None),
        ];
        for (name, text, expected) in cases {
            let words: Vec<&str> = text.split(' ').collect();
            assert_eq!(
                split_titled_person(&words, 0, words.len()),
                *expected,
                "{name}"
            );
        }
    }

    #[test]
    fn named_cases() {
        let cases: &[(&str, &str, &[(usize, usize, usize)], &str, Option<&str>)] = &[
            (
                "secretary of state",
                "U.S. Secretary of State Marco Rubio spoke",
                &[(0, 1, 2), (4, 6, 0)],
                "Marco Rubio",
                Some("U.S. Secretary of State"),
            ),
            (
                "spokesman",
                "Kremlin spokesman Dmitry Peskov said",
                &[(0, 1, 1), (2, 4, 0)],
                "Dmitry Peskov",
                Some("Kremlin spokesman"),
            ),
            (
                "title inside the span",
                "said President Vladimir Putin",
                &[(1, 4, 0)],
                "Vladimir Putin",
                Some("President"),
            ),
            (
                "a cleric's title inside the span",
                "Supreme Leader Ayatollah Ali Khamenei said",
                &[(2, 5, 0)],
                "Ali Khamenei",
                Some("Leader Ayatollah"),
            ),
            (
                "no title",
                "met with Steve Witkoff",
                &[(2, 4, 0)],
                "Steve Witkoff",
                None,
            ),
            (
                "entity without a title is not a role",
                "in Moscow Putin said",
                &[(1, 2, 2), (2, 3, 0)],
                "Putin",
                None,
            ),
            (
                "a lone title word stays a name",
                "with President",
                &[(1, 2, 0)],
                "President",
                None,
            ),
        ];
        for (name, sentence, names, want_name, want_role) in cases {
            let (got_name, got_role) = role(sentence, names);
            assert_eq!(got_name, *want_name, "{name}");
            assert_eq!(got_role.as_deref(), *want_role, "{name}");
        }
    }
}
