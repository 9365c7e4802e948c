//! Teams named after their city: `Los Angeles Lakers`, `Brooklyn Nets`, `Leicester City`.
//!
//! CoNLL-2003 makes a team an organisation, whatever place its name begins with. The tagger knows
//! the teams of 1996 Reuters, and reads a newer one by its city: `Los Angeles Lakers` a place,
//! `Brooklyn` a place with `Nets` left out, `Leicester City` a place (as `Mexico City` is). Three
//! rules, for a name the tagger read as a place, never in a headline in title case:
//!
//! 1. a listed place and a team's nickname (`NICKNAMES`), capitalised, inside the name, is a
//!    team: `[Los Angeles Lakers]`;
//! 2. the same, with the nickname left out of the name, joins it: `[Brooklyn] Nets`;
//! 3. a listed place and `City` that the gazetteer does not list itself is a club: `[Leicester
//!    City]`, and not `Mexico City` or `Kansas City`.
//!
//! And a sport's national body, named as its sport and its country (`Tennis Australia`, `Athletics
//! Kenya`), is an organisation as a whole, as the tagger already read `Cricket Australia` and
//! `Rugby Australia`; it read `Tennis Australia` as the country alone, with the sport left out
//! (`sports_bodies`).

use super::conventions::set_span;
use super::gazetteer::Gazetteer;
use super::tagger::spans;

const ORG: usize = 1;
const LOC: usize = 2;

/// The nicknames of the North American leagues' teams (NFL, NBA, MLB, NHL) and a few of
/// Britain's, one word each, lower case: what follows a city in a team's name. A list rather than
/// the shape of a plural: a shape rule also took `Jamaica Estates`, `Alabama Securities
/// Commissioner` and `Florida Standards` for teams on PolNeAR's unannotated texts. Not
/// `Senators`, which follows a state as often as an office (`Texas Senators Ted Cruz and John
/// Cornyn`). Sorted, for a binary search: the last word of every place name is looked up.
const NICKNAMES: &[&str] = &[
    "49ers",
    "76ers",
    "angels",
    "astros",
    "athletics",
    "bears",
    "bengals",
    "bills",
    "blackhawks",
    "blues",
    "braves",
    "brewers",
    "broncos",
    "browns",
    "bruins",
    "buccaneers",
    "bucks",
    "bulls",
    "canadiens",
    "canucks",
    "capitals",
    "cardinals",
    "cavaliers",
    "celtics",
    "chargers",
    "chiefs",
    "clippers",
    "colts",
    "commanders",
    "cowboys",
    "coyotes",
    "cubs",
    "devils",
    "diamondbacks",
    "dodgers",
    "dolphins",
    "ducks",
    "eagles",
    "falcons",
    "flames",
    "flyers",
    "giants",
    "grizzlies",
    "guardians",
    "hawks",
    "hornets",
    "hurricanes",
    "islanders",
    "jaguars",
    "jets",
    "kings",
    "knicks",
    "lakers",
    "lions",
    "mariners",
    "marlins",
    "mavericks",
    "mets",
    "nationals",
    "nets",
    "nuggets",
    "oilers",
    "orioles",
    "packers",
    "padres",
    "panthers",
    "patriots",
    "pelicans",
    "penguins",
    "phillies",
    "pirates",
    "pistons",
    "predators",
    "raiders",
    "rams",
    "rangers",
    "raptors",
    "ravens",
    "rays",
    "reds",
    "rockets",
    "rockies",
    "rovers",
    "royals",
    "sabres",
    "saints",
    "seahawks",
    "sharks",
    "spurs",
    "steelers",
    "suns",
    "texans",
    "tigers",
    "timberwolves",
    "titans",
    "twins",
    "vikings",
    "wanderers",
    "warriors",
    "wizards",
    "yankees",
];

/// Applies the three rules to one sentence. `lower` is each word's lower-case form;
/// `headline` says whether the sentence is in title case.
#[inline(never)]
pub fn teams_by_city(
    words: &[&str],
    lower: &[&str],
    labels: &mut [u8],
    gazetteer: &Gazetteer,
    headline: impl Fn() -> bool,
) {
    let places: Vec<(usize, usize)> = spans(labels)
        .into_iter()
        .filter(|&(_, _, kind)| kind == LOC)
        .map(|(a, b, _)| (a, b))
        .collect();
    if places.is_empty() {
        return;
    }
    // Read only where a rule would act: working out the case of every word of every sentence
    // with a place in it cost more than the rules themselves.
    let mut in_headline = None;
    let mut headline = || *in_headline.get_or_insert_with(&headline);
    let nickname = |i: usize| {
        words[i].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && NICKNAMES.binary_search(&lower[i]).is_ok()
    };
    for (a, b) in places {
        let team_end = if b - a >= 2 && nickname(b - 1) && gazetteer.names_a_place(&lower[a..b - 1])
        {
            Some(b)
        } else if b < words.len()
            && labels[b] == 0
            && nickname(b)
            && gazetteer.names_a_place(&lower[a..b])
        {
            Some(b + 1)
        } else if b - a >= 2
            && words[b - 1] == "City"
            && gazetteer.names_a_place(&lower[a..b - 1])
            && gazetteer.lookup(&lower[a..b]) == 0
        {
            Some(b)
        } else {
            None
        };
        if let Some(end) = team_end.filter(|_| !headline()) {
            set_span(labels, a, end, ORG);
        }
    }
}

/// Sports whose national bodies are named `SPORT COUNTRY`, capitalised, sorted.
const SPORTS: &[&str] = &[
    "Athletics",
    "Basketball",
    "Cricket",
    "Cycling",
    "Football",
    "Golf",
    "Gymnastics",
    "Hockey",
    "Netball",
    "Rowing",
    "Rugby",
    "Sailing",
    "Skiing",
    "Soccer",
    "Swimming",
    "Tennis",
    "Volleyball",
];

/// A sport's name, left unlabelled, right before a one-word place that ends the name: the sport's
/// national body (`[Tennis Australia] chief Craig Tiley`). Not in a headline in title case.
#[inline(never)]
pub fn sports_bodies(words: &[&str], labels: &mut [u8], headline: impl Fn() -> bool) {
    for (a, b, kind) in spans(labels) {
        let next_capitalised = words
            .get(b)
            .is_some_and(|w| w.starts_with(char::is_uppercase));
        if kind == LOC
            && b == a + 1
            && a > 0
            && labels[a - 1] == 0
            && SPORTS.binary_search(&words[a - 1]).is_ok()
            && !next_capitalised
            && !headline()
        {
            set_span(labels, a - 1, b, ORG);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::entities::tagger::written::run_on;

    #[test]
    fn sports_are_sorted() {
        assert!(SPORTS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_sport_and_its_country_are_its_national_body() {
        let run = |sentence: &str, tags: &str, headline: bool| {
            run_on(sentence, tags, |words, _, labels| {
                sports_bodies(words, labels, || headline)
            })
        };
        let cases: &[(&str, &str, &str)] = &[
            (
                "Tennis Australia chief Craig Tiley",
                "O B-LOC O B-PER I-PER",
                "B-ORG I-ORG O B-PER I-PER",
            ),
            ("said Athletics Kenya .", "O O B-LOC O", "O B-ORG I-ORG O"),
            // Read whole already, a longer place, a longer name, no sport, a headline.
            ("Cricket Australia said", "B-ORG I-ORG O", "B-ORG I-ORG O"),
            (
                "Tennis New Zealand said",
                "O B-LOC I-LOC O",
                "O B-LOC I-LOC O",
            ),
            (
                "the Football Kenya Federation",
                "O O B-LOC O",
                "O O B-LOC O",
            ),
            ("the Tour Australia", "O O B-LOC", "O O B-LOC"),
        ];
        for (sentence, tags, want) in cases {
            assert_eq!(run(sentence, tags, false), *want, "{sentence}");
        }
        assert_eq!(run("Tennis Australia Wins", "O B-LOC O", true), "O B-LOC O");
    }

    fn run(sentence: &str, tags: &str, headline: bool) -> String {
        run_on(sentence, tags, |words, lower, labels| {
            teams_by_city(words, lower, labels, Gazetteer::shipped(), || headline)
        })
    }

    #[test]
    fn nicknames_are_sorted_lower_case_and_distinct() {
        assert!(NICKNAMES.windows(2).all(|w| w[0] < w[1]));
        assert!(NICKNAMES.iter().all(|n| *n == n.to_lowercase()));
    }

    #[test]
    fn teams_named_after_their_city() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "the Los Angeles Lakers won",
                "O B-LOC I-LOC I-LOC O",
                "O B-ORG I-ORG I-ORG O",
            ),
            (
                "for the Brooklyn Nets .",
                "O O B-LOC O O",
                "O O B-ORG I-ORG O",
            ),
            (
                "ahead of Leicester City on",
                "O O B-LOC I-LOC O",
                "O O B-ORG I-ORG O",
            ),
            // Places that end in a plural or in `City`, and a party's members after a state.
            (
                "in the Golan Heights .",
                "O O B-LOC I-LOC O",
                "O O B-LOC I-LOC O",
            ),
            ("in Mexico City on", "O B-LOC I-LOC O", "O B-LOC I-LOC O"),
            (
                "Texas Republicans voted",
                "B-LOC B-MISC O",
                "B-LOC B-MISC O",
            ),
            ("in Paris Tuesday", "O B-LOC O", "O B-LOC O"),
            (
                "moved to Jamaica Estates ,",
                "O O B-LOC I-LOC O",
                "O O B-LOC I-LOC O",
            ),
            (
                "from Alabama Securities Commissioner Krebs",
                "O B-LOC O O O",
                "O B-LOC O O O",
            ),
        ];
        for (sentence, tags, want) in cases {
            assert_eq!(run(sentence, tags, false), *want, "{sentence}");
        }
        // A headline's capitals say nothing.
        assert_eq!(run("Brooklyn Nets Win", "B-LOC O O", true), "B-LOC O O");
    }
}
