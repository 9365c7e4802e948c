//! Long names and the titles before names: where CoNLL-style annotation draws a name's edges in
//! modern news that 1996 Reuters rarely showed the tagger. Part of the `conventions`.
//!
//! On the hand-annotated modern-news dev set (`lede eval-ner`), these rules took ORG F1 from
//! 81.05 to 84.15 and MISC from 77.76 to 81.05 (F1 90.33 to 91.44). `eng.testa`, `eng.train`, wikigold, a Broad Twitter Corpus
//! part and the modern check set are unchanged; one SEC filing loses one name (`Union Bank of
//! California NA`, split there). Where the sets disagree, `eng.train` decides: `U.S. Court of
//! Appeals for the Fourth Circuit` stays two names, and a MISC competition (`English Premier
//! League`) stays MISC.

use super::conventions::set_span;
use super::tagger::{is_inside, kind_of, label, spans, TYPES};
use crate::analysis::case::lower;

const PER: usize = 0;
const ORG: usize = 1;
const LOC: usize = 2;
const MISC: usize = 3;

/// A one-word personal title the tagger read as a name of its own (`[Senator] John McCain`,
/// `[Rev.] Al Sharpton`, `[Vice] President-elect Kamala Harris`): CoNLL-2003 leaves titles out of
/// names (`eng.train`, `eng.testa` and wikigold tag no such word alone: 335 O, and 5 inside longer
/// names), and the person stands alone. A person's name that is a title word is left alone (`Patty
/// [Judge]`, then `Judge said`).
#[inline(never)]
pub fn titles_before_people(words: &[&str], labels: &mut [u8]) {
    for (a, b, kind) in spans(labels) {
        if b != a + 1 || kind == PER {
            continue;
        }
        let word = lower(words[a]);
        if word == "vice" || PERSONAL_TITLES.contains(&&*word) {
            labels[a] = 0;
        }
    }
}

/// A personal title and one more word read together as a name of another type: the person,
/// without the title (`[Justice Scalia]` ORG is the justice `Scalia`, `[Senator Sanders]` LOC the
/// senator). On PolNeAR's 882 texts the tagger read 20 such pairs so, `Justice` most (`the
/// Justice Department` makes it an organisation's first word). Not when the word after the title
/// heads an institution (`Justice Department`, `Justice Ministry`).
#[inline(never)]
pub fn titles_read_into_names(words: &[&str], labels: &mut [u8]) {
    // Every sentence passes here: names of two words are found from the labels alone, without
    // listing the sentence's names.
    for a in 0..labels.len().saturating_sub(1) {
        let (first, second) = (usize::from(labels[a]), usize::from(labels[a + 1]));
        let two_words = first != 0
            && !is_inside(first)
            && second == label(kind_of(first).unwrap_or(PER), true)
            && labels
                .get(a + 2)
                .is_none_or(|&l| !is_inside(usize::from(l)));
        if !two_words || kind_of(first) == Some(PER) {
            continue;
        }
        let b = a + 2;
        let title = lower(words[a]);
        let personal = title == "justice" || PERSONAL_TITLES.contains(&&*title);
        let name = words[a + 1];
        let surname_shaped = name.starts_with(char::is_uppercase)
            && name.chars().skip(1).all(char::is_lowercase)
            && name.chars().count() > 1;
        if personal && surname_shaped && !ORG_HEADS.contains(&&*lower(name)) {
            labels[a] = 0;
            set_span(labels, a + 1, b, PER);
        }
    }
}

/// A name the tagger read as a person's that ends in an institution's head word is an
/// organisation: `National Urban League`, `National Education Association` (the document-level
/// features read `National` before two capitalised words as a title, and the rest as a person).
/// Heads that are also surnames (`Court`, `Bank`) or that end events (`Convention`) are not here,
/// and MISC names are left alone: `eng.train` calls competitions (`English Premier League`) MISC.
#[inline(never)]
pub fn institutions_by_head(words: &[&str], labels: &mut [u8]) {
    for (a, b, kind) in spans(labels) {
        if b - a >= 2 && kind == PER && is_org_head(words[b - 1]) {
            set_span(labels, a, b, ORG);
        }
    }
}

/// Company suffixes, as written: in `eng.train`, `eng.testa` and wikigold, every name of two
/// words or more that ends in one is an organisation's (`Inc` 88, `Corp` 68, `Ltd` 35, `Co` 30,
/// `PLC` 11, `Holdings` 2). Reuters writes them after every company's first mention today
/// (`Alphabet Inc's Google`, `Exxon Mobil Corp`). Not `AG` (14 there too), which American news
/// writes for an attorney general (`Principal Deputy Assistant AG Vanita Gupta`), nor `NV`, which
/// is Nevada in an address. The legal forms of other countries that Reuters prints after a
/// company's name (`Merck KGaA`, `Robert Bosch GmbH`, `Enel SpA`, `Sberbank PJSC`) are suffixes
/// too; the three sets hold few (`GmbH` 4, `S.A.` 3, `SpA` 1), all organisations', and the
/// tagger read the German and Italian ones as people's or MISC names. Not `SE` (a European
/// company, but also southeast in an address: `Pennsylvania Avenue SE`) nor `AB` (Alberta).
/// `Labs` ends a company's name too (`Ripple Labs`, which the tagger read as a person's; none in the
/// three sets).
const COMPANY_SUFFIXES: &[&str] = &[
    "Inc", "Inc.", "Corp", "Corp.", "Co", "Co.", "Ltd", "Ltd.", "PLC", "Plc", "LLC", "Holdings",
    "GmbH", "KGaA", "SpA", "S.p.A.", "S.A.", "N.V.", "Oyj", "PJSC", "LLP", "Bhd", "Tbk", "Labs",
];

/// A name that ends in a company suffix is an organisation's.
#[inline(never)]
pub fn companies_by_suffix(words: &[&str], labels: &mut [u8]) {
    // Every sentence passes here, and few hold a suffix: look for one inside a name first.
    let suffixed =
        (1..words.len()).any(|i| tagger_inside(labels[i]) && is_company_suffix(words[i]));
    if !suffixed {
        return;
    }
    for (a, b, kind) in spans(labels) {
        if kind != ORG && b - a >= 2 && is_company_suffix(words[b - 1]) {
            set_span(labels, a, b, ORG);
        }
    }
}

/// Whether `word` (as written) is a company suffix (`Inc`, `Corp`, `PLC`).
pub fn is_company_suffix(word: &str) -> bool {
    COMPANY_SUFFIXES.contains(&word)
}

/// A name the tagger read as a person's right before `party`, in lower case, is the party's:
/// `Matteo Renzi's [Italia Viva] party`. In `eng.train`, `eng.testa` and wikigold the names
/// there are organisations (13: `Likud`, `Northern League`) or adjectives, MISC (8: `Nazi`,
/// `Democratic`), and never people.
#[inline(never)]
pub fn parties_by_name(words: &[&str], labels: &mut [u8]) {
    if !words.contains(&"party") {
        return;
    }
    for (a, b, kind) in spans(labels) {
        if kind == PER && words.get(b) == Some(&"party") {
            set_span(labels, a, b, ORG);
        }
    }
}

/// Last words of streets and squares, as written: in `eng.train`, `eng.testa` and wikigold a name
/// ending in one is a place (`Street` 28 of 29, `Road` 7, `Square` 5, `Highway`, `Avenue` 2 of 3),
/// and the tagger read `Colfax Avenue` as an organisation. Not `Lane` or `Drive`, which end people's
/// names there (`Barry Lane`).
const STREET_HEADS: &[&str] = &["Avenue", "Boulevard", "Highway", "Road", "Square", "Street"];

/// A name the tagger read as an organisation or a person that ends in a street's last word, every
/// word capitalised, is the street (MISC names are left alone: `Sesame Street` is a programme;
/// `eng.train`'s one organisation, `wall Street`, opens in lower case).
#[inline(never)]
pub fn streets_by_head(words: &[&str], labels: &mut [u8]) {
    for (a, b, kind) in spans(labels) {
        let capitalised = words[a..b]
            .iter()
            .all(|w| w.starts_with(char::is_uppercase));
        if (kind == ORG || kind == PER)
            && b - a >= 2
            && STREET_HEADS.contains(&words[b - 1])
            && capitalised
        {
            set_span(labels, a, b, LOC);
        }
    }
}

/// Whether `word` (as written) is a capitalised head word that makes a name an organisation's.
pub fn is_org_head(word: &str) -> bool {
    word.starts_with(char::is_uppercase) && ORG_HEADS.contains(&&*lower(word))
}

/// Last words that make a name an organisation's whatever the tagger read.
const ORG_HEADS: &[&str] = &[
    "league",
    "association",
    "committee",
    "institute",
    "council",
    "foundation",
    "university",
    "agency",
    "department",
    "ministry",
    "commission",
    "federation",
    "coalition",
    "corporation",
    "organization",
    "organisation",
    "academy",
    "bureau",
    "union",
    "society",
    "party",
    "center",
    "centre",
    "administration",
    "authority",
    "service",
    // A company's line of business ends its name (`Reliance Industries`, `Salix
    // Pharmaceuticals`, `Kantar Media`, `Warner Bros`), and no person's: in `eng.train`,
    // `eng.testa` and wikigold, all 60 names of two words or more that end in one of these are
    // organisations'.
    "industries",
    "airlines",
    "airways",
    "motors",
    "pharmaceuticals",
    "therapeutics",
    "technologies",
    "semiconductor",
    "petroleum",
    "communications",
    "systems",
    "networks",
    "telecom",
    "media",
    "capital",
    "partners",
    "entertainment",
    "group",
    "bros",
    "bros.",
    "brothers",
    "productions",
    "studios",
    "pictures",
    "records",
    "films",
    "laboratories",
    "associates",
    "securities",
    "bancorp",
    "financial",
    "chemicals",
    "electronics",
    "software",
    "mining",
    "stores",
    "restaurants",
    "hotels",
    "resorts",
    "insurance",
    "ventures",
    "logistics",
    "pharma",
    // Newspapers' last words in German and Japanese (`Yomiuri Shimbun`, read as a person).
    "zeitung",
    "shimbun",
];

/// Laws, codes, plans, agreements and treaties are MISC in CoNLL-2003 (`eng.train`: `Act`,
/// `Agreement`, `Code` end only MISC names); the tagger, which saw few, reads `the Freedom of
/// Information Act`, `the Clean Power Plan` or `the News Media Bargaining Code` as organisations,
/// `the Peking Protocol` as a place, and `the Abraham Accords` as a person. Not `Treaty`, which
/// ends a company's name in `eng.train` (`Penn Treaty said`) as often as a treaty's, nor `Pact`,
/// which ends alliances' (`the Warsaw Pact`).
///
/// The tagger also stops short of the law's last word (`[Affordable] Care Act`) or runs past it
/// (`[Clean Air Act rules]`): a name reaches through bare capitalised words to a law word, and
/// ends there.
#[inline(never)]
pub fn laws_and_plans(words: &[&str], labels: &mut [u8]) {
    let is_law = |i: usize| LAW_WORDS.contains(&words[i]);
    let capital = |i: usize| words[i].starts_with(char::is_uppercase);
    for (a, b, kind) in spans(labels) {
        // A person's name is never reached through, but one that ends in a law word is the law
        // (`[Abraham Accords]`, read as a person).
        if kind == PER {
            if b - a >= 2 && is_law(b - 1) {
                set_span(labels, a, b, MISC);
            }
            continue;
        }
        // Up to a law word among the bare capitalised words right after the name.
        let mut end = b;
        while end < words.len() && labels[end] == 0 && capital(end) && !is_law(end) {
            end += 1;
        }
        let reaches = end < words.len() && end > b && labels[end] == 0 && is_law(end);
        if reaches {
            set_span(labels, a, end + 1, MISC);
            continue;
        }
        // A law word inside the name, followed by lower-case words the name ran over.
        if let Some(law) = (a + 1..b - 1).find(|&i| is_law(i)) {
            // `Immigration Act of 1924` and `Water Act 2000` go on; `Act rules` does not.
            let lower_word =
                |i: usize| words[i].starts_with(char::is_lowercase) && words[i] != "of";
            if (law + 1..b).all(lower_word) {
                labels[law + 1..b].fill(0);
                set_span(labels, a, law + 1, MISC);
                continue;
            }
        }
        if b - a >= 2 && (kind == ORG || kind == LOC) && is_law(b - 1) {
            set_span(labels, a, b, MISC);
        }
    }
}

/// `PAC` (a political action committee): a name ending in it is an organisation, and `PAC` read as
/// a name of its own is, with the name right before it,
/// one organisation (`[Conservative Solutions] [PAC]` is `Conservative Solutions PAC`); after
/// anything else, the common noun it is (`a super PAC`, `the PAC`, `a [Republican] PAC`). Our modern set's notes tag
/// only named committees (`Congressional Black Caucus PAC`), never `super PACs`; the tagger, which
/// never met the word in 1996 Reuters, read `PAC` or `PACs` alone as an organisation 141 times on
/// PolNeAR's 882 texts.
#[inline(never)]
pub fn political_action_committees(words: &[&str], labels: &mut [u8]) {
    let Some(first) = words.iter().position(|w| matches!(*w, "PAC" | "PACs")) else {
        return;
    };
    for (a, b, kind) in spans(labels) {
        if b <= first || !matches!(words[b - 1], "PAC" | "PACs") {
            continue;
        }
        // A longer name ending in `PAC` is the committee (`Our Principles PAC`).
        if b - a >= 2 {
            if kind != ORG {
                set_span(labels, a, b, ORG);
            }
            continue;
        }
        // A party or a nationality alone before it is an adjective (`a Republican PAC`).
        match spans(labels).into_iter().find(|&(_, end, _)| end == a) {
            Some((start, _, kind)) if !(kind == MISC && a - start == 1) => {
                set_span(labels, start, b, ORG)
            }
            _ => labels[a] = 0,
        }
    }
}

/// A nationality and `American` or `Americans` the tagger read as two names: one
/// (`Polish American`, `Finnish Americans`).
#[inline(never)]
pub fn hyphenless_americans(words: &[&str], labels: &mut [u8]) {
    let found = spans(labels);
    for pair in found.windows(2) {
        let ((a, b, kind), (c, d, next)) = (pair[0], pair[1]);
        let american = d == c + 1 && matches!(words[c], "American" | "Americans");
        if kind == MISC && next == MISC && c == b && american {
            set_span(labels, a, d, MISC);
        }
    }
}

/// Last words of a law's, a plan's or an agreement's name, with their capitals.
const LAW_WORDS: &[&str] = &[
    "Act",
    "Acts",
    "Plan",
    "Amendment",
    "Agreement",
    "Accord",
    "Accords",
    "Protocol",
    "Code",
];

/// Titles that stand only before a person, never for an office on their own: `Minister of
/// [Finance]` names a ministry, so departments and offices are not here.
const PERSONAL_TITLES: &[&str] = &[
    "senator",
    "sen.",
    "rep.",
    "gov.",
    "governor",
    "rev.",
    "reverend",
    "judge",
    "gen.",
    "col.",
    "lt.",
    "sgt.",
    "capt.",
    "adm.",
    "congressman",
    "congresswoman",
    "mayor",
    "president",
];

/// Last words of institutions whose full name goes on with `of` (`Bank of China`, `Court of
/// Appeals`) or `for` (`Committee for a Responsible Federal Budget`, `Potsdam Institute for
/// Climate Impact Research`, `Organisation for the Prohibition of Chemical Weapons`). Sports
/// leagues and parties are not among the `for` ones: a player plays in the `National Hockey
/// League for the St. Louis Eagles`.
const INSTITUTION_HEADS: &[(&str, bool)] = &[
    ("institute", true),
    ("committee", true),
    ("coalition", true),
    ("association", true),
    ("council", true),
    ("commission", true),
    ("foundation", true),
    ("society", true),
    ("center", true),
    ("centre", true),
    ("fund", true),
    ("campaign", true),
    ("union", false),
    ("league", false),
    ("federation", false),
    ("ministry", false),
    ("department", false),
    ("court", false),
    ("bank", false),
    ("school", false),
    ("agency", false),
    ("board", false),
    ("office", false),
    ("university", false),
    ("college", false),
    ("academy", false),
    ("bureau", false),
    ("corporation", false),
    ("organization", true),
    ("organisation", true),
    ("party", false),
];

/// An organisation ending in an institution's head word, then `of` or `for` (and `the` or `a`),
/// then capitalised words, is one name with them: the tagger, which rarely saw such long names
/// in 1996 Reuters, often stops at the head or reads the rest as a second name.
///
/// A head the tagger left bare after `the` starts such a name too (`the Organization of
/// [American States]`, `the Ministry of [Foreign Affairs]`): in `eng.train`, `eng.testa` and
/// wikigold, all 51 capitalised heads between `the` and `of` open an organisation's name that
/// runs on past `of`.
#[inline(never)]
pub fn institutions_of(words: &[&str], lower: &[&str], labels: &mut [u8]) {
    let head = |i: usize| {
        INSTITUTION_HEADS
            .iter()
            .find(|h| h.0 == lower[i])
            .map(|h| h.1)
    };
    let found = spans(labels);
    for &(a, b, kind) in &found {
        let Some(takes_for) = head(b - 1) else {
            continue;
        };
        if kind == ORG {
            if let Some(end) =
                continued_name(words, lower, labels, &found, b, takes_for, b - a == 1)
            {
                set_span(labels, a, end, ORG);
            }
        }
    }
    for h in 1..words.len() {
        let bare =
            labels[h] == 0 && lower[h - 1] == "the" && words[h].starts_with(char::is_uppercase);
        let Some(takes_for) = bare.then(|| head(h)).flatten() else {
            continue;
        };
        if let Some(end) = continued_name(words, lower, labels, &found, h + 1, takes_for, true) {
            set_span(labels, h, end, ORG);
        }
    }
}

/// Where an organisation's name that ends at word `b` with an institution's head runs on to
/// through `of` or `for` and capitalised words (see `institutions_of`), if it does.
fn continued_name(
    words: &[&str],
    lower: &[&str],
    labels: &[u8],
    found: &[(usize, usize, usize)],
    b: usize,
    takes_for: bool,
    bare: bool,
) -> Option<usize> {
    let capital = |i: usize| words[i].chars().next().is_some_and(char::is_uppercase);
    if b + 1 >= words.len() || labels[b] != 0 {
        return None;
    }
    // Written in lower case: a line in capitals (`UNION BANK OF CALIFORNIA LOGO`) is no
    // place to guess where a name ends.
    if !(words[b] == "of" || (takes_for && words[b] == "for")) {
        return None;
    }
    let mut c = b + 1;
    if matches!(lower[c], "the" | "a") && labels[c] == 0 {
        c += 1;
    }
    let mut end = c;
    while end < words.len() && capital(end) && words[end].chars().any(char::is_alphabetic) {
        end += 1;
    }
    // An organisation of the tagger's that opens the run is taken whole, through its own `of`
    // (`Organisation for the [Prohibition of Chemical Weapons]`).
    if let Some(&(_, y, _)) = found
        .iter()
        .find(|&&(x, y, k)| x == c && y > end && k == ORG)
    {
        end = y;
    }
    // The capitalised run must close where a name of the tagger's does (or where no name
    // is): never cut one of its names in two.
    if end == c || (end < words.len() && tagger_inside(labels[end])) {
        return None;
    }
    // `the Liberal Party of Nova Scotia`: a place after `of` is left its own name, as
    // CoNLL-style annotation mostly does, and a person is never swallowed (`the Awami League
    // of Prime Minister Sheikh Hasina`); words the tagger left bare, or read as another
    // organisation or a MISC name, join. After a head alone (`bare`: left bare, or read as a
    // name of one word), a place joins too: `the Bank of [China]` is the bank (the 51 such heads in the three sets all
    // open a name that runs on; with a model trained without wikigold, wikigold gains 7 names
    // from this, and no other set changes).
    let first_is_place = !bare && found.iter().any(|&(x, _, k)| x == c && k == LOC);
    let swallows_person = found.iter().any(|&(x, _, k)| x >= c && x < end && k == PER);
    (!first_is_place && !swallows_person).then_some(end)
}

/// Whether a label continues a name (`I-`).
fn tagger_inside(label: u8) -> bool {
    usize::from(label) > TYPES.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::entities::tagger::label;

    /// Words with labels written `B-ORG`-style after a slash (`Committee/B-ORG`), run through
    /// both rules; the names that come out, as `text TYPE`.
    fn run(spec: &str) -> Vec<String> {
        let (words, mut labels): (Vec<&str>, Vec<u8>) = spec
            .split(' ')
            .map(|w| match w.split_once('/') {
                None => (w, 0),
                Some((word, tag)) => {
                    let kind = TYPES.iter().position(|t| tag.ends_with(t)).unwrap();
                    (word, label(kind, tag.starts_with('I')) as u8)
                }
            })
            .unzip();
        let lower: Vec<std::borrow::Cow<str>> = words.iter().map(|w| lower(w)).collect();
        let lower: Vec<&str> = lower.iter().map(|w| &**w).collect();
        titles_before_people(&words, &mut labels);
        institutions_by_head(&words, &mut labels);
        companies_by_suffix(&words, &mut labels);
        parties_by_name(&words, &mut labels);
        streets_by_head(&words, &mut labels);
        institutions_of(&words, &lower, &mut labels);
        laws_and_plans(&words, &mut labels);
        hyphenless_americans(&words, &mut labels);
        spans(&labels)
            .into_iter()
            .map(|(a, b, k)| format!("{} {}", words[a..b].join(" "), TYPES[k]))
            .collect()
    }

    #[test]
    fn named_cases() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "a bare head after `the` opens the name",
                "to the Organization of American/B-MISC States/I-MISC and the Center for Responsive/B-ORG Politics/I-ORG",
                &[
                    "Organization of American States ORG",
                    "Center for Responsive Politics ORG",
                ],
            ),
            (
                "a bare head without `the`, or before a person, is left",
                "Organization of American/B-MISC States/I-MISC , the Office of John/B-PER Smith/I-PER",
                &["American States MISC", "John Smith PER"],
            ),
            (
                "a bare head after `the` takes a place (a head the tagger read does not)",
                "the Bank of China/B-LOC and the Liberal/B-ORG Party/I-ORG of Nova/B-LOC Scotia/I-LOC",
                &["Bank of China ORG", "Liberal Party ORG", "Nova Scotia LOC"],
            ),
            (
                "a committee's full name read as two",
                "The Committee/B-ORG for a Responsible/B-ORG Federal/I-ORG Budget/I-ORG reported",
                &["Committee for a Responsible Federal Budget ORG"],
            ),
            (
                "words the tagger left bare after `for`",
                "the Potsdam/B-ORG Institute/I-ORG for Climate Impact Research in Germany",
                &["Potsdam Institute for Climate Impact Research ORG"],
            ),
            (
                "a bank of a country",
                "funding from the Bank/B-ORG of China/B-MISC after",
                &["Bank of China ORG"],
            ),
            (
                "a place after `of` stays a place",
                "Theriault of the Liberal/B-ORG Party/I-ORG of Nova/B-LOC Scotia/I-LOC .",
                &["Liberal Party ORG", "Nova Scotia LOC"],
            ),
            (
                "a person after `of` is never swallowed",
                "the Awami/B-ORG League/I-ORG of Prime Minister Sheikh Hasina/B-PER to",
                &["Awami League ORG", "Hasina PER"],
            ),
            (
                "a league is not followed through `for`",
                "the National/B-ORG Hockey/I-ORG League/I-ORG for the St./B-ORG Louis/I-ORG Eagles/I-ORG",
                &["National Hockey League ORG", "St. Louis Eagles ORG"],
            ),
            (
                "a company suffix ends an organisation",
                "Shares of Motors/B-PER Co/I-PER and Shell/B-LOC PLC/I-LOC fell",
                &["Motors Co ORG", "Shell PLC ORG"],
            ),
            (
                "other countries' legal forms",
                "Merck/B-MISC KGaA/I-MISC , Robert/B-PER Bosch/I-PER GmbH/I-PER and Enel/B-PER SpA/I-PER",
                &["Merck KGaA ORG", "Robert Bosch GmbH ORG", "Enel SpA ORG"],
            ),
            (
                "a lab",
                "charged Ripple/B-PER Labs/I-PER on",
                &["Ripple Labs ORG"],
            ),
            (
                "a code is a law",
                "the News/B-ORG Media/I-ORG Bargaining/I-ORG Code/I-ORG passed",
                &["News Media Bargaining Code MISC"],
            ),
            (
                "a suffix alone, or in lower case, is no company",
                "Co/B-PER said the Acme/B-PER co/I-PER",
                &["Co PER", "Acme co PER"],
            ),
            (
                "a line in capitals is left alone",
                "UNION/B-ORG BANK/I-ORG OF CALIFORNIA/B-LOC LOGO",
                &["UNION BANK ORG", "CALIFORNIA LOC"],
            ),
            (
                "a senator's title is not an organisation",
                "critics including Senator/B-ORG Mitch/B-PER McConnell/I-PER of Kentucky/B-LOC",
                &["Mitch McConnell PER", "Kentucky LOC"],
            ),
            (
                "a title alone, not right before the person",
                "Vice/B-ORG President-elect Kamala/B-PER Harris/I-PER met",
                &["Kamala Harris PER"],
            ),
            (
                "a person's name that is a title word",
                "Patty/B-PER Judge/I-PER spoke . Judge/B-PER said",
                &["Patty Judge PER", "Judge PER"],
            ),
            (
                "an association read as a person",
                "the National/B-MISC Education/B-PER Association/I-PER ;",
                &["National MISC", "Education Association ORG"],
            ),
            (
                "a competition stays MISC",
                "in the English/B-MISC Premier/I-MISC League/I-MISC ,",
                &["English Premier League MISC"],
            ),
            (
                "a law is not an organisation",
                "federal Freedom/B-ORG of/I-ORG Information/I-ORG Act/I-ORG lawsuits",
                &["Freedom of Information Act MISC"],
            ),
            (
                "a plan is not an organisation",
                "the Clean/B-ORG Power/I-ORG Plan/I-ORG last year",
                &["Clean Power Plan MISC"],
            ),
            (
                "a law the tagger stopped short of",
                "abolish the Affordable/B-MISC Care Act for millions",
                &["Affordable Care Act MISC"],
            ),
            (
                "a law the tagger ran past",
                "a set of Clean/B-MISC Air/I-MISC Act/I-MISC rules/I-MISC that",
                &["Clean Air Act MISC"],
            ),
            (
                "a party's name read as a person",
                "Renzi/B-PER 's Italia/B-PER Viva/I-PER party and the Nazi/B-MISC party",
                &["Renzi PER", "Italia Viva ORG", "Nazi MISC"],
            ),
            (
                "a street read as an organisation, a programme left alone",
                "a bakery on Colfax/B-ORG Avenue/I-ORG and Sesame/B-MISC Street/I-MISC",
                &["Colfax Avenue LOC", "Sesame Street MISC"],
            ),
            (
                "accords read as a person, a protocol as a place",
                "under the Abraham/B-PER Accords/I-PER and the Peking/B-LOC Protocol/I-LOC",
                &["Abraham Accords MISC", "Peking Protocol MISC"],
            ),
            (
                "a person is never reached through to a law",
                "Senator Ted/B-PER Cruz/I-PER Plan to",
                &["Ted Cruz PER"],
            ),
            (
                "a law's year stays in it",
                "the Immigration/B-MISC Act/I-MISC of/I-MISC 1924/I-MISC (",
                &["Immigration Act of 1924 MISC"],
            ),
            (
                "a nationality and Americans",
                "and Finnish/B-MISC Americans/B-MISC are numerous",
                &["Finnish Americans MISC"],
            ),
            (
                "two nationalities stay two",
                "Polish/B-MISC , Ukrainian/B-MISC voters",
                &["Polish MISC", "Ukrainian MISC"],
            ),
            (
                "a ministry before its minister stays",
                "Minister of Finance/B-ORG Bill/B-PER Birch/I-PER .",
                &["Finance ORG", "Bill Birch PER"],
            ),
        ];
        for (name, spec, want) in cases {
            assert_eq!(run(spec), *want, "{name}");
        }
    }

    #[test]
    fn a_pac_alone_is_no_name_and_joins_the_name_before_it() {
        // (case, sentence, tags before, tags after)
        let cases: &[(&str, &str, &str, &str)] = &[
            ("a super PAC", "a super PAC spent", "O O B-ORG O", "O O O O"),
            ("the PACs", "the PACs spent", "O B-ORG O", "O O O"),
            (
                "after a party",
                "a Republican PAC spent",
                "O B-MISC B-ORG O",
                "O B-MISC O O",
            ),
            (
                "a named committee",
                "the Conservative Solutions PAC spent",
                "O B-ORG I-ORG B-ORG O",
                "O B-ORG I-ORG I-ORG O",
            ),
            (
                "read whole",
                "the Liberty Now PAC spent",
                "O B-ORG I-ORG I-ORG O",
                "O B-ORG I-ORG I-ORG O",
            ),
            (
                "read whole as a place",
                "Our Principles PAC spent",
                "B-LOC I-LOC I-LOC O",
                "B-ORG I-ORG I-ORG O",
            ),
        ];
        for (case, sentence, before, after) in cases {
            let got =
                super::super::tagger::written::run_on(sentence, before, |words, _, labels| {
                    political_action_committees(words, labels)
                });
            assert_eq!(got, *after, "{case}");
        }
    }

    #[test]
    fn a_title_read_into_a_name_leaves_the_person() {
        // (case, sentence, tags before, tags after)
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "a justice",
                "Justice Scalia died",
                "B-ORG I-ORG O",
                "O B-PER O",
            ),
            (
                "a senator read as a place",
                "Senator Sanders said",
                "B-LOC I-LOC O",
                "O B-PER O",
            ),
            (
                "an institution",
                "the Justice Department said",
                "O B-ORG I-ORG O",
                "O B-ORG I-ORG O",
            ),
            (
                "not a personal title",
                "General Electric said",
                "B-ORG I-ORG O",
                "B-ORG I-ORG O",
            ),
            (
                "an acronym after the title",
                "Judge NYPD said",
                "B-ORG I-ORG O",
                "B-ORG I-ORG O",
            ),
        ];
        for (case, sentence, before, after) in cases {
            let got =
                super::super::tagger::written::run_on(sentence, before, |words, _, labels| {
                    titles_read_into_names(words, labels)
                });
            assert_eq!(got, *after, "{case}");
        }
    }
}
