//! The small word lists the clause rules read: which words are auxiliaries, which verbs report a
//! clause, which nouns name an event. Each list is one string of words, looked up by
//! `WordList`, so adding a word is adding it to the string.

use std::sync::OnceLock;

/// A list of words written as one space-separated string (easy to read and to extend), split
/// and sorted on first use, so that a look-up is a binary search instead of a walk through the
/// string: the ranker asks several lists about every option of every date.
pub struct WordList {
    text: &'static str,
    sorted: OnceLock<Vec<&'static str>>,
}

impl WordList {
    const fn new(text: &'static str) -> WordList {
        WordList {
            text,
            sorted: OnceLock::new(),
        }
    }

    /// Whether `word` is one of the list's words.
    pub fn contains(&self, word: &str) -> bool {
        self.sorted
            .get_or_init(|| {
                let mut words: Vec<&str> = self.text.split_ascii_whitespace().collect();
                words.sort_unstable();
                words.dedup();
                words
            })
            .binary_search(&word)
            .is_ok()
    }
}

/// Punctuation that cuts a sentence into segments. Quotation marks do not: they are read through
/// (`held “very good and productive” discussions`).
pub fn is_break(word: &str) -> bool {
    matches!(word, "," | ";" | ":" | "—" | "–" | "--" | "(" | ")")
}

/// Quotation marks: dropped from labels, but never the end of a clause (`said “that …”`).
pub fn is_quote(word: &str) -> bool {
    matches!(
        word,
        "“" | "”" | "\"" | "‘" | "’" | "«" | "»" | "'" | "`" | "``" | "''"
    )
}

static CONTENT_NOUNS: WordList = WordList::new(
    "
    optimism hope hopes fear fears concern concerns confidence belief assurance assurances
    promise claim claims news word sign signs signal evidence suggestion expectation expectations
    view assessment argument warning warnings statement announcement report reports message doubt
    doubts insistence confirmation acknowledgment admission
",
);

/// Nouns whose `that` opens what they hold, not a relative clause: `voiced optimism that Putin
/// will back a ceasefire`.
pub fn takes_content_clause(lower: &str) -> bool {
    CONTENT_NOUNS.contains(lower)
}

static AUXILIARIES: WordList = WordList::new(
    "
    be is are was were been being am 'm ’m 's ’s 're ’re have has had having 've ’ve 'd ’d do
    does did will would shall should can could may might must ca wo 'll ’ll going got get gets
",
);

/// Auxiliaries: a verb group's main verb comes after them (`has been encircled`, `is going to
/// have to come`).
pub fn is_auxiliary(lower: &str) -> bool {
    AUXILIARIES.contains(lower)
}

static COPULAS: WordList = WordList::new("be is are was were been being am 'm ’m 're ’re");

/// Forms of `be`: as a verb group's only verb, the predicate is what follows (`is Iraq's only
/// outlet`, `are redeemable`).
pub fn is_copula(lower: &str) -> bool {
    COPULAS.contains(lower)
}

static EVENT_NOUNS: WordList = WordList::new(
    "
    accord address agreement announcement appearance arrest arrival attack attacks battle bid
    birth blast boom briefing broadcast call campaign ceasefire ceremony clash clashes close
    collapse conference coup crash crisis cut cutback cuts deal death debate debut decision
    decline defeat deficit departure drop earnings earthquake election elections escape explosion
    fall festival fighting fire flood funeral gain gains game growth hearing increase interview
    invasion jump launch letter loss losses match meeting merger mission murder offensive offer
    opening outbreak parade profit profits protest protests purchase quake race raid rally
    recession release remarks report resignation return revenue revolution riots rise ruling sale
    sales session show shutdown speech start statement storm strike strikes summit surge surplus
    takeover talks testimony tour treaty trial trip truce uprising verdict victory visit vote war
    wedding win
",
);

/// Words ending like an event noun that are none (`morning`, `building`).
static NOT_EVENTS: WordList = WordList::new(
    "
    morning evening thing things building buildings ceiling king ring string wing spring nothing
    something everything anything during
",
);

/// Nouns that name an event, by their ending or as themselves: a date right after one (`a news
/// conference Thursday`, `the bombing in 1995`) dates that event.
pub fn is_event_noun(lower: &str) -> bool {
    if EVENT_NOUNS.contains(lower) {
        return true;
    }
    let ordinary_ing = NOT_EVENTS.contains(lower);
    [
        "tion", "tions", "sion", "sions", "ment", "ments", "ings", "ure", "ery",
    ]
    .iter()
    .any(|s| lower.len() > s.len() + 3 && lower.ends_with(s))
        || (lower.ends_with("ing") && lower.len() > 6 && !ordinary_ing)
}

static REPORTING_VERBS: WordList = WordList::new(
    "
    say says said saying tell tells told telling announce announces announced report reports
    reported state states stated claim claims claimed add adds added adding write writes wrote
    tweeted posted insist insists insisted warn warns warned note notes noted explain explained
    acknowledge acknowledged argue argues argued suggest suggested confirm confirms confirmed
    deny denies denied declare declared predict predicted estimate estimated believe believes
    believed think thinks thought hope hopes hoped expect expects expected fear feared admit
    admitted conceded contend contended indicated signaled signalled revealed disclosed testified
    recalled agreed decided promised vowed pledged complained alleged
    show shows showed shown found finds
",
);

/// Verbs of saying and thinking whose complement is a reported clause (`said he was cautiously
/// optimistic`, `denied that its forces are encircled`).
pub fn reports_a_clause(lower: &str) -> bool {
    REPORTING_VERBS.contains(lower)
}

static BARE_INFINITIVE: WordList = WordList::new(
    "
    let lets letting make makes made making help helps helped helping have has had see sees saw
    seen watch watches watched hear hears heard
",
);

/// Verbs followed by an object and a bare infinitive (`let him go`, `saw Kaine speak`).
pub fn takes_bare_infinitive(lower: &str) -> bool {
    BARE_INFINITIVE.contains(lower)
}

static TIME_NOUNS: WordList = WordList::new("day days week weeks month months year years time period quarter morning afternoon evening night weekend season");

/// A word that turns a noun before it into a time word rather than an event (`a year ago`).
pub fn is_time_noun(lower: &str) -> bool {
    TIME_NOUNS.contains(lower)
}

static CONTRASTS: WordList =
    WordList::new("unlike like after before following ahead despite amid since");

/// Words that open a phrase setting another event against the clause (`Unlike the first summit
/// on March 2,`).
pub fn contrasts(lower: &str) -> bool {
    CONTRASTS.contains(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_list_holds_exactly_its_words() {
        let list = WordList::new("  say says\n    said   told say ");
        let cases = [
            ("first", "say", true),
            ("after a line break", "said", true),
            ("last", "told", true),
            ("a prefix", "sa", false),
            ("two words", "say says", false),
            ("empty", "", false),
            ("case matters", "Said", false),
        ];
        for (name, word, expected) in cases {
            assert_eq!(list.contains(word), expected, "{name}");
        }
        for list in [&EVENT_NOUNS, &REPORTING_VERBS, &COPULAS, &NOT_EVENTS] {
            assert!(list.text.split_ascii_whitespace().all(|w| list.contains(w)));
        }
    }

    #[test]
    fn word_lists() {
        assert!(is_auxiliary("has") && !is_auxiliary("met"));
        assert!(is_event_noun("summit") && is_event_noun("invasion") && is_event_noun("bombing"));
        assert!(!is_event_noun("morning") && !is_event_noun("building"));
        assert!(reports_a_clause("said") && !reports_a_clause("met"));
        assert!(is_copula("was") && is_time_noun("weeks") && contrasts("unlike"));
    }
}
