//! The words that attribute speech (speech cues) and the small word classes the attribution
//! patterns read around them.
//!
//! A cue is a reporting verb in any common form (`said`, `says`, `saying`, `told`, `tweeted`), or
//! `according to`. Naming verbs (`termed`, `dubbed`, `called`) are deliberately absent: they mark a
//! quoted phrase as a name (“coalition of the willing”), not as something someone said.

use crate::analysis::case::with_lower;

/// Reporting verbs, every form listed so that no stemmer is needed.
const CUE_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "telling",
    "added",
    "adds",
    "adding",
    "asked",
    "asks",
    "asking",
    "wrote",
    "writes",
    "writing",
    "written",
    "posted",
    "posts",
    "posting",
    "tweeted",
    "tweets",
    "tweeting",
    "declared",
    "declares",
    "declaring",
    "insisted",
    "insists",
    "insisting",
    "warned",
    "warns",
    "warning",
    "explained",
    "explains",
    "explaining",
    "noted",
    "notes",
    "agreed",
    "agrees",
    "disagreed",
    "thanked",
    "thanks",
    "imagined",
    "barked",
    "growled",
    "gushed",
    "laughed",
    "interrupted",
    "cracked",
    "teased",
    "riffed",
    "surmised",
    "fretted",
    "worried",
    "bemoaned",
    "reasoned",
    "sniped",
    "needled",
    "hinted",
    "boomed",
    "roared",
    "pressed",
    "pushed",
    "insists",
    "mocks",
    "mocked",
    "ponders",
    "pondered",
    "retaliated",
    "noting",
    "stated",
    "states",
    "argued",
    "argues",
    "arguing",
    "claimed",
    "claims",
    "claiming",
    "continued",
    "continues",
    "recalled",
    "recalls",
    "recalling",
    "replied",
    "replies",
    "responded",
    "responds",
    "answered",
    "answers",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "announced",
    "announces",
    "boasted",
    "boasts",
    "complained",
    "complains",
    "conceded",
    "concedes",
    "countered",
    "counters",
    "cried",
    "exclaimed",
    "joked",
    "jokes",
    "lamented",
    "laments",
    "mused",
    "observed",
    "observes",
    "promised",
    "promises",
    "quipped",
    "remarked",
    "reported",
    "reports",
    "reiterated",
    "reiterates",
    "shouted",
    "stressed",
    "stresses",
    "stressing",
    "suggested",
    "suggests",
    "urged",
    "urges",
    "urging",
    "vowed",
    "vows",
    "yelled",
    "hailed",
    "hailing",
    "predicted",
    "predicts",
    "charged",
    "contended",
    "contends",
    "estimated",
    "maintained",
    "maintains",
    "pleaded",
    "proclaimed",
    "protested",
    "retorted",
    "speculated",
    "testified",
    "thundered",
    "whispered",
    "wondered",
    "denied",
    "denies",
    "confirmed",
    "confirms",
    "accused",
    "accuses",
    "blasted",
    "slammed",
    "criticized",
    "criticised",
    "tweet",
    "write",
    "ask",
    "add",
    "warn",
    "insist",
    "declare",
    "explain",
    "argue",
    "claim",
    "announce",
    "admit",
    "describes",
    "described",
    "describing",
    "emphasized",
    "emphasizes",
    "emphasised",
    "pointed",
    "interjected",
    "chimed",
    "fumed",
    "marveled",
    "scoffed",
    "sighed",
    "snapped",
    "acknowledging",
    "announcing",
    "explaining",
    "calling",
    "pledged",
    "pledges",
    "assured",
    "assures",
    "conceding",
    "griped",
    "mocked",
    "praised",
    "questioned",
    "raged",
    "ranted",
    "rejected",
    "reminded",
    "repeated",
    "repeating",
    "bragged",
    "cautioned",
    "demanded",
    "demands",
    "explaining",
    "implored",
    "lashed",
    "opined",
    "railed",
    "read",
    "reads",
    "concluded",
    "concludes",
    "echoed",
    "echoes",
    "confessed",
    "chanted",
    "chanting",
    "chant",
    "shouting",
    "screamed",
    "screaming",
    "sang",
    "singing",
    "called",
    "calls",
    "calling",
    "labeled",
    "labelled",
    "labeling",
    "branded",
    "brands",
    "decried",
    "decries",
    "blamed",
    "blames",
    "telling",
    "texted",
    "emailed",
    "messaged",
    "commented",
    "comments",
    "recounted",
    "recounts",
    "elaborated",
    "offered",
    "offers",
    "began",
    "concluding",
    "pleading",
    "exclaiming",
    "muttered",
    "affirmed",
    "advised",
    "alleged",
    "alleges",
    "asserted",
    "asserts",
    "believes",
    "thinks",
    "thought",
    "wonders",
    "begged",
    "cheered",
    "counseled",
    "predicting",
    "touted",
    "touts",
    "promising",
    "pledging",
    "vowing",
    "warning",
    "insisting",
    "arguing",
    "stating",
    "claiming",
    "noting",
    "likened",
    "likens",
    "compared",
    "compares",
    "condemned",
    "condemns",
    "dismissed",
    "dismisses",
    "denounced",
    "denounces",
    "cited",
    "cites",
    "citing",
    "referred",
    "refers",
    "referring",
    "lauded",
    "lauds",
    "ridiculed",
    "attacked",
    "attacks",
    "heralded",
    "exhorted",
    "groused",
    "ruled",
    "quoted",
    "quoting",
    "describe",
    "call",
    "accusing",
    "likening",
    "comparing",
    "dismissing",
    "denouncing",
    "blasting",
    "slamming",
    "mocking",
    "praising",
    "criticizing",
    "decrying",
    "touting",
    "labels",
    "nicknamed",
    "portrayed",
    "portrays",
    "portraying",
    "characterized",
    "characterizes",
    "characterizing",
    "summed",
    "insulted",
    "derided",
    "derides",
    "deriding",
    "panned",
    "lambasted",
    "scolded",
    "chided",
    "assailed",
    "rebuked",
    "remembered",
    "reacted",
    "points",
    "demurred",
];

/// Verbs that report speech only with their particle: `shot back`, `went on`, `points out`, `cut
/// in`, `puts it`. Alone (`was shot`, `went home`) they say nothing about speech.
pub fn is_phrasal_cue(verb: &str, particle: &str) -> bool {
    match particle {
        "back" => matches!(verb, "shot" | "shoots" | "fired" | "fires" | "hit" | "hits"),
        "on" => matches!(verb, "went" | "goes"),
        "out" => matches!(verb, "points" | "point" | "pointing" | "spelled" | "lays"),
        "in" => matches!(verb, "cut" | "cuts" | "chimes" | "weighed" | "weighs"),
        // `As The Post's Dana Milbank puts it, “…”`.
        "it" => matches!(verb, "puts" | "put"),
        _ => false,
    }
}

/// Cues that take their subject after them (`said Peskov`, `asked the reporter`). Others never do:
/// in `called the political system “rotten”` the words after `called` are its object.
pub fn inverts(word: &str) -> bool {
    with_lower(word, |lower| {
        matches!(
            lower,
            "said"
                | "says"
                | "added"
                | "adds"
                | "asked"
                | "asks"
                | "wrote"
                | "writes"
                | "continued"
                | "continues"
                | "explained"
                | "recalled"
                | "noted"
                | "replied"
                | "warned"
                | "insisted"
                | "tweeted"
                | "declared"
                | "concluded"
                | "cautioned"
                | "answered"
                | "according"
                | "argued"
                | "observed"
                | "responded"
                | "remarked"
                | "stated"
                | "quipped"
                | "joked"
                | "countered"
                | "acknowledged"
                | "admitted"
                | "conceded"
                | "reported"
                | "reports"
        )
    })
}

/// Heads of descriptions that can speak: people, groups, and the texts that speak for them.
pub fn is_speaker_noun(word: &str) -> bool {
    with_lower(word, |w| {
        is_bare_speaker(w)
            || matches!(
                w,
                "man"
                    | "woman"
                    | "boy"
                    | "girl"
                    | "crowd"
                    | "audience"
                    | "report"
                    | "poll"
                    | "survey"
                    | "statement"
                    | "study"
                    | "campaign"
                    | "committee"
                    | "group"
                    | "source"
                    | "voter"
                    | "resident"
                    | "supporter"
                    | "critic"
                    | "protester"
                    | "expert"
                    | "lawmaker"
                    | "lawyer"
                    | "father"
                    | "mother"
                    | "husband"
                    | "wife"
                    | "son"
                    | "daughter"
                    | "friend"
                    | "reporter"
                    | "journalist"
                    | "author"
                    | "writer"
                    | "editor"
                    | "owner"
                    | "member"
                    | "activist"
                    | "organizer"
                    | "organiser"
                    | "worker"
                    | "teacher"
                    | "student"
                    | "doctor"
                    | "agency"
                    | "administration"
                    | "government"
                    | "team"
                    | "website"
                    | "paper"
                    | "newspaper"
                    | "magazine"
                    | "network"
                    | "letter"
                    | "memo"
                    | "document"
                    | "sign"
                    | "ad"
                    | "video"
                    | "tweet"
                    | "post"
                    | "message"
                    | "email"
                    | "book"
                    | "article"
                    | "release"
                    | "platform"
                    | "court"
                    | "judge"
                    | "panel"
                    | "party"
                    | "company"
                    | "firm"
                    | "plaintiff"
                    | "defendant"
                    | "witness"
                    | "prosecutor"
                    | "attorney"
                    | "candidate"
                    | "nominee"
                    | "mayor"
                    | "governor"
                    | "senator"
                    | "president"
                    | "official"
                    | "spokesman"
                    | "spokeswoman"
                    | "leader"
            )
    })
}

/// Whether a cue is a participle (`adding`, `saying`): its subject is the clause's, never the
/// words after it.
pub fn is_participle(word: &str) -> bool {
    word.ends_with("ing")
}

/// Words that say who spoke without a determiner: `officials said`, `critics say`.
pub fn is_bare_speaker(word: &str) -> bool {
    with_lower(word, |w| {
        w.ends_with('s') && w.len() > 3 && !w.ends_with("ss") && !w.ends_with("us")
            || is_role_noun(w)
            || matches!(
                w,
                "police" | "staff" | "everyone" | "nobody" | "someone" | "people"
            )
    })
}

/// `CUE_VERBS` sorted once, for a binary search: every token of every quote's paragraph is
/// asked whether it is a cue, and the list has some 350 words.
fn sorted_cue_verbs() -> &'static [&'static str] {
    static SORTED: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    SORTED.get_or_init(|| {
        let mut verbs = CUE_VERBS.to_vec();
        verbs.sort_unstable();
        verbs.dedup();
        verbs
    })
}

/// Whether `word` (any case) is a reporting verb.
/// As written: capitalised forms are names (`States`, `Reads`) except the few that open a sentence
/// with the speaker after them (`Said Trump: …`).
pub fn is_cue_verb(word: &str) -> bool {
    if word.starts_with(|c: char| c.is_lowercase()) {
        return sorted_cue_verbs().binary_search(&word).is_ok();
    }
    matches!(
        word,
        "Said" | "Says" | "Asked" | "Added" | "Wrote" | "Writes" | "Tweeted"
    )
}

/// Auxiliaries and adverbs that may stand between a speaker and the cue (`Rubio had said`,
/// `Trump also said`, `she once told`) or after the cue (`said Friday`).
pub fn is_filler(word: &str) -> bool {
    with_lower(word, |lower| {
        matches!(
            lower,
            "has"
                | "have"
                | "had"
                | "also"
                | "then"
                | "later"
                | "again"
                | "once"
                | "previously"
                | "recently"
                | "would"
                | "will"
                | "could"
                | "did"
                | "does"
                | "do"
                | "repeatedly"
                | "often"
                | "earlier"
                | "frequently"
                | "flatly"
                | "simply"
                | "just"
                | "further"
                | "additionally"
                | "quickly"
                | "finally"
                | "only"
                | "has also"
                | "is"
                | "was"
                | "were"
                | "are"
                | "been"
                | "reportedly"
                | "famously"
                | "bluntly"
                | "openly"
                | "publicly"
                | "privately"
                | "angrily"
                | "sharply"
                | "recently,"
                | "even"
                | "already"
                | "still"
                | "never"
                | "always"
                | "first"
                | "now"
                | "initially"
                | "immediately"
        )
    })
}

/// Subject pronouns that can be speakers.
pub fn is_pronoun(word: &str) -> bool {
    with_lower(word, |lower| {
        matches!(lower, "he" | "she" | "they" | "i" | "we" | "it")
    })
}

/// Words that end a speaker phrase when reading away from the cue: conjunctions, relative
/// pronouns, prepositions that start a clause.
pub fn stops_phrase(word: &str) -> bool {
    with_lower(word, |lower| {
        matches!(
            lower,
            "that"
                | "and"
                | "but"
                | "or"
                | "which"
                | "who"
                | "whom"
                | "when"
                | "as"
                | "because"
                | "if"
                | "while"
                | "although"
                | "though"
                | "so"
                | "than"
                | "where"
                | "after"
                | "before"
                | "since"
                | "until"
                | "to"
                | "in"
                | "on"
                | "at"
                | "with"
                | "by"
                | "what"
                | "how"
                | "why"
                | "whether"
                | "not"
                | "is"
                | "was"
                | "are"
                | "were"
                | "be"
                | "this"
                | "these"
                | "those"
                | "about"
                | "into"
                | "over"
                | "during"
                | "from"
                | "for"
                | "said"
                | "says"
                | "told"
                | "also"
                | "however"
                | "yet"
                | "once"
        )
    })
}

/// Words that open a speaker description: `the spokesman`, `a source`, `his aide`.
pub fn is_determiner(word: &str) -> bool {
    with_lower(word, |lower| {
        matches!(
            lower,
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "its"
                | "their"
                | "our"
                | "one"
                | "another"
                | "some"
                | "many"
                | "several"
                | "two"
                | "three"
                | "other"
                | "both"
        )
    })
}

/// Words that say what office or part someone has. In a run of capitalised words they are titles,
/// not names (`Prime Minister Keir Starmer`); after `the` they make a description that may stand
/// for a named person (`the Kremlin spokesman`).
pub fn is_title(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    with_lower(w, |lower| {
        matches!(
            lower,
            "president"
                | "prime"
                | "minister"
                | "secretary"
                | "sen"
                | "senator"
                | "gov"
                | "governor"
                | "rep"
                | "representative"
                | "mr"
                | "mrs"
                | "ms"
                | "dr"
                | "gen"
                | "general"
                | "chancellor"
                | "mayor"
                | "judge"
                | "justice"
                | "rev"
                | "pope"
                | "king"
                | "queen"
                | "prince"
                | "speaker"
                | "chief"
                | "director"
                | "ceo"
                | "chairman"
                | "chairwoman"
                | "vice"
                | "former"
                | "state"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "envoy"
                | "ambassador"
                | "leader"
                | "candidate"
                | "nominee"
                | "premier"
                | "attorney"
                | "commissioner"
                | "adviser"
                | "advisor"
                | "aide"
                | "officer"
                | "official"
                | "lt"
                | "col"
                | "sgt"
                | "capt"
                | "maj"
                | "adm"
                | "prof"
                | "sir"
                | "lady"
                | "lord"
                | "dame"
                | "deputy"
                | "foreign"
                | "defense"
                | "defence"
                | "press"
                | "white"
                | "house"
                | "democratic"
                | "republican"
                | "gop"
                | "u.s"
                | "u.k"
                | "us"
                | "uk"
                | "labour"
                | "congressman"
                | "congresswoman"
                | "councilman"
                | "councilwoman"
                | "sheriff"
                | "coach"
                | "pastor"
                | "father"
                | "sister"
                | "brother"
                | "host"
                | "founder"
                | "executive"
                | "analyst"
                | "economist"
                | "professor"
                | "strategist"
                | "manager"
        )
    })
}

/// Role nouns that a description can end in (`the Russian leader`, `the Kremlin spokesman`).
pub fn is_role_noun(word: &str) -> bool {
    is_title(word)
        && !with_lower(word, |lower| {
            matches!(
                lower.trim_end_matches('.'),
                "former"
                    | "vice"
                    | "prime"
                    | "state"
                    | "foreign"
                    | "defense"
                    | "defence"
                    | "press"
                    | "white"
                    | "house"
                    | "democratic"
                    | "republican"
                    | "gop"
                    | "u.s"
                    | "u.k"
                    | "us"
                    | "uk"
                    | "labour"
                    | "mr"
                    | "mrs"
                    | "ms"
                    | "dr"
                    | "sir"
                    | "deputy"
            )
        })
}

/// Role nouns that stand for another: a `leader` is introduced as a `President` or `Prime Minister`.
pub fn same_role(description: &str, title: &str) -> bool {
    let d = description.to_lowercase();
    let t = title.to_lowercase();
    d == t
        || (d == "leader"
            && matches!(
                t.as_str(),
                "president" | "minister" | "chancellor" | "premier" | "king"
            ))
        || (d == "spokeswoman" && t == "spokesperson")
        || (d == "spokesman" && t == "spokesperson")
}

/// Capitalised words that start sentences rather than names.
pub fn is_function_word(word: &str) -> bool {
    with_lower(word, |lower| {
        matches!(
            lower,
            "the"
                | "a"
                | "an"
                | "but"
                | "and"
                | "or"
                | "in"
                | "on"
                | "at"
                | "for"
                | "of"
                | "to"
                | "as"
                | "if"
                | "when"
                | "while"
                | "after"
                | "before"
                | "since"
                | "so"
                | "yet"
                | "meanwhile"
                | "however"
                | "still"
                | "also"
                | "then"
                | "now"
                | "this"
                | "that"
                | "these"
                | "those"
                | "it"
                | "its"
                | "he"
                | "she"
                | "they"
                | "we"
                | "i"
                | "you"
                | "his"
                | "her"
                | "their"
                | "our"
                | "my"
                | "there"
                | "here"
                | "what"
                | "who"
                | "asked"
                | "speaking"
                | "during"
                | "unlike"
                | "with"
                | "without"
                | "despite"
                | "although"
                | "though"
                | "because"
                | "by"
                | "from"
                | "into"
                | "over"
                | "under"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "today"
                | "yesterday"
                | "tonight"
                | "according"
                | "mr"
                | "mrs"
                | "ms"
                | "much"
                | "hours"
                | "minutes"
                | "days"
                | "weeks"
                | "months"
                | "years"
                | "moments"
                | "both"
                | "neither"
                | "either"
                | "instead"
                | "early"
                | "perhaps"
                | "indeed"
                | "finally"
                | "ultimately"
                | "earlier"
                | "last"
                | "next"
                | "first"
                | "overall"
                | "similarly"
                | "moreover"
                | "furthermore"
                | "likewise"
                | "nevertheless"
                | "nonetheless"
                | "otherwise"
                | "thus"
                | "therefore"
                | "already"
                | "once"
                | "again"
                | "soon"
                | "later"
                | "recently"
                | "even"
                | "not"
                | "no"
                | "some"
                | "many"
                | "most"
                | "all"
                | "every"
                | "each"
                | "one"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sorted_cue_verbs_are_the_list() {
        assert!(CUE_VERBS
            .iter()
            .filter(|v| v.starts_with(char::is_lowercase))
            .all(|v| is_cue_verb(v)));
        for (word, expected) in [
            ("said", true),
            ("sai", false),
            ("saidx", false),
            ("Said", true),
        ] {
            assert_eq!(is_cue_verb(word), expected, "{word}");
        }
    }

    #[test]
    fn word_classes() {
        type Test = fn(&str) -> bool;
        let cases: &[(&str, Test, &str, bool)] = &[
            ("said is a cue", is_cue_verb, "said", true),
            ("Tweeted opens a sentence", is_cue_verb, "Tweeted", true),
            ("States is a name", is_cue_verb, "States", false),
            ("termed names, does not quote", is_cue_verb, "termed", false),
            ("dubbed names, does not quote", is_cue_verb, "dubbed", false),
            ("spokesman is a role", is_role_noun, "spokesman", true),
            ("Prime is a title but no role", is_role_noun, "Prime", false),
            ("Mr. is a title", is_title, "Mr.", true),
            ("he is a pronoun", is_pronoun, "He", true),
        ];
        for (name, f, word, expected) in cases {
            assert_eq!(f(word), *expected, "{name}");
        }
        assert!(same_role("leader", "President"));
        assert!(!same_role("spokesman", "President"));
    }
}
