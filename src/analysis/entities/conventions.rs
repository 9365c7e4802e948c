//! Conventions: what CoNLL-2003 annotation decides that a tagger trained on 1996 Reuters cannot
//! learn from it, applied to the tagger's labels of a whole document.
//!
//! Each rule settles a case the training text rarely or never shows, in the direction the
//! annotation guidelines (and `eng.train`, where it has examples) take:
//!
//! - **Known organisations**: a name that is exactly a curated organisation of the gazetteer (a
//!   well-known corporation, a government agency, an international body), and nothing else there,
//!   is an organisation whatever its context suggests: `Time Warner` reads like a first name and a
//!   surname, `G7` like an adjective.
//! - **Headlines in title case**: a span that opens on a known organisation and runs on over
//!   capitalised headline words (`Federal Reserve Raises Rates`) is cut back to the organisation.
//! - **Honorifics**: `Mr.`, `Mrs.`, `Ms.`, `Dr.` stand only before a person, and are not part of
//!   the name (Reuters rarely writes them; the New York Times always does).
//! - **Arabic patronymics** join a name: `Osama bin Laden`, `Mohammed bin Salman`, `bin Laden`
//!   (`patronymics`), and so do the particles of European surnames: `von der Leyen`, `de Blasio`
//!   (`surname_particles`).
//! - **Newspapers keep their `The`**: `The New York Times reported` (`eng.train`: `The Washington
//!   Post carried`, `The Sun and The Times`).
//! - **Known multi-word organisations the tagger passed over** (`Group of Seven`, `State
//!   Department`) are tagged: a curated entry of two words or more, matched with its capitals, on
//!   words the tagger left unlabelled.
//! - **Acronyms that are common words** (`acronyms`): `WHO` in capitals, in a sentence of ordinary
//!   case, is the World Health Organization; and `CEO`, `IPO`, `GDP` alone are no names.
//! - **Race words** (`race_words`): `Black` and `White`, capitalised as today's newsrooms write
//!   them, are no names (`the first Black defense secretary`).
//! - **Regions** (`regions`): a name before a lower-case `region` or `province` is a place (`the
//!   Tigray region`), unless it is the adjective of a people (`Kurdish region`).
//! - **Names the noun beside them explains** (`appositions`): `health regulator [Anvisa]` is an
//!   organisation, `the town of [Bucha]` and `[Mekelle], the capital of Tigray` places.
//! - **Long names and titles** (`long_names`): an institution's name goes on through `of` or
//!   `for` (`Committee for a Responsible Federal Budget`), and a one-word title before a person
//!   (`Senator John McCain`) is no name of its own.
//! - **Programmes and party adjectives**: a name ending in `Show` is a programme, MISC
//!   (`programmes::shows`); `Libertarian` before a person's two names is the party's
//!   (`affiliations::party_before_people`).
//! - **Party members** (`party_members`): `a New York Democrat` is the state and the member
//!   (`House Democrats`, the chamber and the members), not one organisation; and the members
//!   alone (`Democrats`) are MISC.
//! - **Offices between names** (`offices`): `WHO Director-General [Tedros Adhanom Ghebreyesus]`
//!   is a person, `[Texas] Attorney General` leaves the office out of the state, and `[Sao Paulo]
//!   Governor` is a place.
//! - **Teams named after their city** (`teams`): `Los Angeles Lakers`, `Brooklyn Nets` and
//!   `Leicester City` are organisations, not places; so is a sport's national body (`Tennis
//!   Australia`).
//! - **Photo credits**: `AP Photo/Evan Vucci` is the agency (`AP`) and the photographer (`Evan
//!   Vucci`), not one organisation.
//! - **Short forms follow known long forms**: `Warner` after `Time Warner` is the company, unless
//!   one of the article's people has that surname; and that surname alone (`BEWKES` in a line in
//!   capitals) is the person, unless it is a place or an organisation in its own right (for a
//!   word the model read as an organisation, a curated one: Wikipedia's list names `Bush`).
//! - **Names that became news after the training text** (`recent`: `Moderna`, `Airbnb`) are
//!   read as the reader's own names are, before the other rules.
//! - **The reader's own names** (a personal lexicon, `overlay`) have the last word where the
//!   model read them as a name of another type, or as no name while they are written with their
//!   capitals (`listed_names`).
//!
//! Rules work on labels, so `lede conll`, the evaluations and the app all see the same result.

use super::acronyms;
use super::affiliations;
use super::affixed_names;
use super::appositions;
use super::employers;
use super::exclamations;
use super::families;
use super::gazetteer::{GazTags, Gazetteer, KINDS, ORGANISATION_KINDS};
use super::headlines;
use super::long_names;
use super::nicknames;
use super::offices;
use super::overlay::ReaderMatch;
use super::paired_names;
use super::party_members;
use super::programmes;
use super::race_words;
use super::regions;
use super::roles::is_honorific;
use super::short_forms;
use super::surname_particles;
use super::tagger::{label, spans};
use super::teams;

const PER: usize = 0;
const ORG: usize = 1;

/// Last words of newspaper and magazine names.
const PUBLICATION_WORDS: &[&str] = &[
    "times",
    "post",
    "journal",
    "observer",
    "atlantic",
    "guardian",
    "economist",
    "herald",
    "tribune",
    "telegraph",
    "independent",
    "globe",
    "sun",
    "hill",
    "nation",
    "chronicle",
    "inquirer",
    "examiner",
    "gazette",
    "star",
    "register",
    "review",
    "beast",
    "bee",
    "dispatch",
    "courier",
    "mirror",
    "express",
    "news",
    "week",
    "monthly",
    "standard",
    "statesman",
];

/// What the rules read of one sentence besides its words: each word's lower-case form as the
/// features see it (`features::lower_form`), and the gazetteer's matches. The tagger has both
/// already, so the rules take them rather than working them out again.
pub struct Read<'s> {
    pub lower: &'s [&'s str],
    pub gaz: &'s [GazTags],
    /// The recent names in the sentence (`recent`, as `overlay::Overlay::matches` finds them).
    pub recent: &'s [ReaderMatch],
    /// The reader's own names in the sentence (`overlay::Overlay::matches`); empty without a
    /// personal lexicon.
    pub reader: &'s [ReaderMatch],
}

#[cfg(test)]
impl<'s> Read<'s> {
    /// A sentence's words and gazetteer matches with no recent or reader's names, as the rules'
    /// tests read them.
    pub fn plain(lower: &'s [&'s str], gaz: &'s [GazTags]) -> Read<'s> {
        Read {
            lower,
            gaz,
            recent: &[],
            reader: &[],
        }
    }
}

/// What one `apply` made of each sentence before the document-wide conventions: the labels each
/// sentence came with, and what the sentence's own conventions left.
///
/// The tagger applies the conventions twice, before and after its second pass, and the second
/// pass changes few sentences. The sentence's conventions read nothing but the sentence, so a
/// sentence that comes back with the labels it had the first time gets the same answer: it is
/// copied instead of worked out again (about half of the conventions' cost on the sample).
#[derive(Debug, Default)]
pub struct Settled {
    given: Vec<Vec<u8>>,
    left: Vec<Vec<u8>>,
}

/// Applies every convention to one document's labels (`labels[s]` for sentence `s`, which
/// `reads[s]` describes). `settled` is what an earlier call on the same sentences made of them,
/// or empty: a sentence whose labels are those it was given then takes the answer it got; this
/// call's sentences are recorded in it.
pub fn apply<S: AsRef<str>>(
    sentences: &[Vec<S>],
    reads: &[Read],
    labels: &mut [Vec<u8>],
    gazetteer: &Gazetteer,
    settled: &mut Settled,
) {
    let mut given = Vec::with_capacity(labels.len());
    let mut left = Vec::with_capacity(labels.len());
    for (k, ((sentence, read), labels)) in sentences
        .iter()
        .zip(reads)
        .zip(labels.iter_mut())
        .enumerate()
    {
        given.push(labels.clone());
        match settled.given.get(k) {
            Some(before) if before == labels => labels.clone_from(&settled.left[k]),
            _ => apply_to_sentence(sentence, read, labels, gazetteer),
        }
        left.push(labels.clone());
    }
    *settled = Settled { given, left };
    let surnames = short_forms::short_forms(reads, labels, gazetteer);
    families::plural_surnames(sentences, reads, labels, &surnames);
    for (sentence, labels) in sentences.iter().zip(labels.iter_mut()) {
        party_members::members_alone(sentence, labels);
    }
    for (read, labels) in reads.iter().zip(labels.iter_mut()) {
        listed_names(read.reader, labels);
    }
}

/// The conventions that read one sentence alone, in order.
#[inline(never)]
fn apply_to_sentence<S: AsRef<str>>(
    sentence: &[S],
    read: &Read,
    labels: &mut [u8],
    gazetteer: &Gazetteer,
) {
    let words: Vec<&str> = sentence.iter().map(AsRef::as_ref).collect();
    listed_names(read.recent, labels);
    known_organisations(read.lower, labels, gazetteer);
    headline_overreach(&words, read.lower, labels, gazetteer);
    headlines::verbs_after_names(read.lower, labels, || title_case(&words));
    passed_over_organisations(&words, read, labels);
    acronyms::acronyms_that_are_words(&words, labels);
    acronyms::acronyms_that_are_nouns(&words, labels);
    race_words::race_words(&words, labels);
    photo_credits(&words, labels);
    paired_names::names_across_slashes(&words, labels);
    honorifics(&words, labels);
    patronymics(&words, read.lower, labels);
    surname_particles::surname_particles(&words, labels);
    long_names::titles_before_people(&words, labels);
    long_names::titles_read_into_names(&words, labels);
    offices::offices_between_names(&words, read.lower, labels, gazetteer);
    offices::leaders_of_administrations(&words, read.lower, labels, gazetteer);
    long_names::institutions_by_head(&words, labels);
    long_names::companies_by_suffix(&words, labels);
    long_names::political_action_committees(&words, labels);
    employers::employers_of_analysts(read.lower, labels);
    employers::employers_before_offices(&words, read.lower, labels, gazetteer);
    employers::employers_before_founders(&words, labels);
    long_names::parties_by_name(&words, labels);
    long_names::streets_by_head(&words, labels);
    regions::regions_by_head(&words, labels);
    appositions::explained_names(&words, labels);
    teams::teams_by_city(&words, read.lower, labels, gazetteer, || title_case(&words));
    teams::sports_bodies(&words, labels, || title_case(&words));
    long_names::institutions_of(&words, read.lower, labels);
    long_names::laws_and_plans(&words, labels);
    long_names::hyphenless_americans(&words, labels);
    affixed_names::prefixed_names(&words, labels);
    newspapers(&words, read.lower, labels);
    affiliations::party_and_state(&words, labels);
    party_members::party_members(&words, read.lower, labels, gazetteer);
    programmes::quoted_titles(&words, labels);
    programmes::shows(&words, labels);
    affiliations::party_before_people(&words, labels);
    nicknames::quoted_nicknames(&words, labels);
    exclamations::names_before_marks(&words, labels);
}

/// Labels words `a..b` as one name of type `kind`.
pub(super) fn set_span(labels: &mut [u8], a: usize, b: usize, kind: usize) {
    labels[a] = label(kind, false) as u8;
    for l in &mut labels[a + 1..b] {
        *l = label(kind, true) as u8;
    }
}

/// A name that is exactly a curated organisation of the gazetteer, and nothing else there.
#[inline(never)]
fn known_organisations(lower: &[&str], labels: &mut [u8], gazetteer: &Gazetteer) {
    let org_bit = 1u8 << KINDS.iter().position(|&k| k == "ORG").unwrap_or(1);
    for (a, b, kind) in spans(labels) {
        if kind == ORG {
            continue;
        }
        let kinds = gazetteer.lookup(&lower[a..b]);
        if kinds & org_bit != 0 && kinds & !ORGANISATION_KINDS == 0 {
            set_span(labels, a, b, ORG);
        }
    }
}

/// Whether most of a sentence's longer words are capitalised, as in a title-case headline.
/// One pass, no allocation; a word under four bytes has under four characters, so it is skipped
/// before its characters are counted.
fn title_case(words: &[&str]) -> bool {
    let (mut long, mut capitalised) = (0usize, 0usize);
    for w in words {
        if w.len() >= 4 && w.chars().count() >= 4 && w.chars().all(char::is_alphabetic) {
            long += 1;
            capitalised += usize::from(w.starts_with(char::is_uppercase));
        }
    }
    long >= 3 && capitalised * 10 >= long * 7
}

/// In a title-case headline, a span that is no known name but opens on a curated organisation
/// (`Federal Reserve Raises Rates`) keeps only the organisation.
#[inline(never)]
fn headline_overreach(words: &[&str], lower: &[&str], labels: &mut [u8], gazetteer: &Gazetteer) {
    // Only names of three words or more can overreach: look for one before reading the case of
    // every word.
    let long_names: Vec<(usize, usize, usize)> = spans(labels)
        .into_iter()
        .filter(|(a, b, _)| b - a >= 3)
        .collect();
    if long_names.is_empty() || !title_case(words) {
        return;
    }
    let org_bit = 1u8 << KINDS.iter().position(|&k| k == "ORG").unwrap_or(1);
    for (a, b, _) in long_names {
        let lower = &lower[a..b];
        if gazetteer.lookup(lower) != 0 {
            continue;
        }
        let known = (2..b - a).rev().find(|&n| {
            let kinds = gazetteer.lookup(&lower[..n]);
            kinds & org_bit != 0 && kinds & !ORGANISATION_KINDS == 0
        });
        if let Some(n) = known {
            set_span(labels, a, a + n, ORG);
            for l in &mut labels[a + n..b] {
                *l = 0;
            }
        }
    }
}

/// Curated organisations of two words or more, matched with their capitals, where the tagger left
/// every word unlabelled.
#[inline(never)]
fn passed_over_organisations(words: &[&str], read: &Read, labels: &mut [u8]) {
    // Most sentences have no two unlabelled capitalised words close together: skip the lookups.
    let open: Vec<usize> = (0..words.len())
        .filter(|&i| labels[i] == 0 && words[i].starts_with(char::is_uppercase))
        .collect();
    if !open.windows(2).any(|w| w[1] - w[0] <= 3) {
        return;
    }
    let org = KINDS.iter().position(|&k| k == "ORG").unwrap_or(1) as u8;
    let tags = read.gaz;
    let mut a = 0;
    while a < words.len() {
        if !tags[a].iter().any(|(k, inside)| k == org && !inside) {
            a += 1;
            continue;
        }
        let mut b = a + 1;
        while b < words.len() && tags[b].iter().any(|(k, inside)| k == org && inside) {
            b += 1;
        }
        if b - a >= 2 && labels[a..b].iter().all(|&l| l == 0) {
            set_span(labels, a, b, ORG);
        }
        a = b;
    }
}

/// `AP Photo/Evan Vucci`, `Reuters Photo/Name`: the agency before `Photo`, the photographer after
/// the slash.
#[inline(never)]
fn photo_credits(words: &[&str], labels: &mut [u8]) {
    for (a, b, _) in spans(labels) {
        let Some(photo) = (a + 1..b).find(|&i| words[i] == "Photo") else {
            continue;
        };
        if photo + 2 >= b || words[photo + 1] != "/" {
            continue;
        }
        labels[photo] = 0;
        labels[photo + 1] = 0;
        set_span(labels, a, photo, ORG);
        set_span(labels, photo + 2, b, PER);
    }
}

/// An honorific before or at the start of a name: the name without it is a person.
#[inline(never)]
fn honorifics(words: &[&str], labels: &mut [u8]) {
    for (a, b, kind) in spans(labels) {
        let mut start = a;
        while start < b && is_honorific(words[start]) {
            labels[start] = 0;
            start += 1;
        }
        let before = a > 0 && is_honorific(words[a - 1]);
        if start < b && (start > a || before) && (kind != PER || start > a) {
            set_span(labels, start, b, PER);
        }
    }
}

/// Arabic patronymics: `bin`, `ibn` and `bint` ("son of", "daughter of") join a person's name
/// to the name after them: `Osama bin Laden`, `Mohammed bin Salman`, and `bin Laden` alone. The
/// tagger, trained on 1996 Reuters, reads the lower-case word as the end of a name, and each side
/// as a name of its own, often of another type (`Osama` MISC, `Laden` PER). Only where the word
/// after the particle is a name the tagger found, and is capitalised, does the rule act.
#[inline(never)]
fn patronymics(words: &[&str], lower: &[&str], labels: &mut [u8]) {
    for p in 0..words.len().saturating_sub(1) {
        if !matches!(lower[p], "bin" | "ibn" | "bint")
            || labels[p + 1] == 0
            || !words[p + 1].starts_with(char::is_uppercase)
        {
            continue;
        }
        let names = spans(labels);
        let Some(&(_, end, _)) = names.iter().find(|&&(a, b, _)| a <= p + 1 && p + 1 < b) else {
            continue;
        };
        // The name before the particle, if it runs up to it or through it (`Alwaleed Bin Talal`,
        // read whole); else the name opens on it.
        let start = names
            .iter()
            .find(|&&(a, b, _)| a <= p && p <= b)
            .map_or(p, |&(a, _, _)| a);
        set_span(labels, start, end, PER);
    }
}

/// An organisation ending in a newspaper word, right after a capitalised `The`, takes the `The`.
#[inline(never)]
fn newspapers(words: &[&str], lower: &[&str], labels: &mut [u8]) {
    for (a, b, kind) in spans(labels) {
        if kind == ORG
            && a > 0
            && words[a - 1] == "The"
            && labels[a - 1] == 0
            && PUBLICATION_WORDS.contains(&lower[b - 1])
        {
            set_span(labels, a - 1, b, ORG);
        }
    }
}

/// A listed name (`ReaderMatch`: written with its capitals, one type), the reader's or a recent
/// one's (`recent`), takes the list's type wherever the model's names touching it lie inside it:
/// the model read it as a name of another type (`Warner` as a person, where the reader said
/// organisation), read only a part of it (`Quenth` of `Zorblat Quenth`), or passed it over.
/// Where a name of the model's runs past the match (`Warner` inside `Time Warner`, the reader's
/// `Warner` being someone else), the longer name and its context stand, unless listed names of one
/// type make it up end to end.
///
/// Why a rule, and not the gazetteer feature alone: the reader's names reach the model as
/// gazetteer matches (`overlay`), and the model weighs them against their context, as it learned
/// to weigh the shipped lists, which name many words that are something else in context. Some
/// shapes of match it never saw: the shipped `PER` list is surnames, one word each, so a match
/// inside a person's name (`I-PER`) weighs 0, and a `PER` match's first word adds about 4 to
/// B-PER over O, where a `LOC`, `ORG` or `MISC` match adds 25 to 30 to its own type (the
/// shipped model's `GAZ` weights). With the feature alone, an unseen `Zorblat Quenth` the model
/// read as an organisation stayed one. A reader who typed the name in means it; the rule stops
/// there: a name written in lower case in the lexicon or in the text (`the zorblat quenth
/// broke`) is never marked by it.
#[inline(never)]
fn listed_names(listed: &[ReaderMatch], labels: &mut [u8]) {
    if listed.is_empty() {
        return;
    }
    // A name of the model's made wholly of listed names of one type, end to end (`Sunni
    // Muslims`, read as a person), is one name of that type.
    for (a, b, _) in spans(labels) {
        let mut at = a;
        let mut kind = None;
        for m in listed.iter().filter(|m| a <= m.start && m.end <= b) {
            if m.start != at || kind.is_some_and(|k| k != m.kind) {
                break;
            }
            at = m.end;
            kind = Some(m.kind);
        }
        if let (true, Some(kind)) = (at == b && b > a + 1, kind) {
            set_span(labels, a, b, kind);
        }
    }
    let names = spans(labels);
    for m in listed {
        let runs_past = names
            .iter()
            .any(|&(a, b, _)| a < m.end && m.start < b && (a < m.start || b > m.end));
        if !runs_past {
            set_span(labels, m.start, m.end, m.kind);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::entities::features::{lower_form, normalize};
    use crate::analysis::entities::tagger::TYPES;

    /// `apply`, working out what the tagger would hand over (`Read`).
    fn apply_to(sentences: &[Vec<&str>], labels: &mut [Vec<u8>], gazetteer: &Gazetteer) {
        apply_settled(sentences, labels, gazetteer, &mut Settled::default());
    }

    /// `apply_to` with what an earlier call settled.
    fn apply_settled(
        sentences: &[Vec<&str>],
        labels: &mut [Vec<u8>],
        gazetteer: &Gazetteer,
        settled: &mut Settled,
    ) {
        let lower: Vec<Vec<String>> = sentences
            .iter()
            .map(|s| s.iter().map(|w| lower_form(&normalize(w))).collect())
            .collect();
        let lower: Vec<Vec<&str>> = lower
            .iter()
            .map(|s| s.iter().map(String::as_str).collect())
            .collect();
        let gaz: Vec<Vec<GazTags>> = sentences
            .iter()
            .zip(&lower)
            .map(|(s, l)| {
                let capitalized: Vec<bool> = s
                    .iter()
                    .map(|w| w.starts_with(char::is_uppercase))
                    .collect();
                gazetteer.tag_sentence(l, &capitalized)
            })
            .collect();
        let reads: Vec<Read> = lower
            .iter()
            .zip(&gaz)
            .map(|(lower, gaz)| Read::plain(lower, gaz))
            .collect();
        apply(sentences, &reads, labels, gazetteer, settled);
    }

    /// A second `apply` that takes the first's answers gives what a fresh one gives: the same
    /// answer for a sentence that comes back as it was, and a new one for a sentence that the
    /// second pass changed.
    #[test]
    fn settled_sentences_answer_as_fresh_ones() {
        use crate::analysis::entities::tagger::written::labels_of;
        let gazetteer = Gazetteer::shipped();
        let sentences: Vec<Vec<&str>> = ["Analysts at Wedbush said so", "Justice Scalia wrote it"]
            .iter()
            .map(|s| s.split(' ').collect())
            .collect();
        let first = vec![labels_of("O O B-LOC O O"), labels_of("O B-ORG O O O")];
        let mut settled = Settled::default();
        let mut once = first.clone();
        apply_settled(&sentences, &mut once, gazetteer, &mut settled);
        let mut second = first.clone();
        second[1] = labels_of("B-ORG I-ORG O O O");
        let mut reused = second.clone();
        apply_settled(&sentences, &mut reused, gazetteer, &mut settled);
        let mut fresh = second;
        apply_to(&sentences, &mut fresh, gazetteer);
        assert_eq!(reused, fresh);
        assert_eq!(reused[0], once[0]);
        assert_ne!(
            reused[1], once[1],
            "the changed sentence is worked out again"
        );
    }

    /// `(text, type)` of each name, for a sentence and its labels.
    fn names(words: &[&str], labels: &[u8]) -> Vec<(String, &'static str)> {
        spans(labels)
            .into_iter()
            .map(|(a, b, k)| (words[a..b].join(" "), TYPES[k]))
            .collect()
    }

    fn labelled<'a>(spec: &[(&'a str, Option<(usize, bool)>)]) -> (Vec<&'a str>, Vec<u8>) {
        let words = spec.iter().map(|s| s.0).collect();
        let labels = spec
            .iter()
            .map(|s| s.1.map_or(0, |(k, inside)| label(k, inside) as u8))
            .collect();
        (words, labels)
    }

    #[test]
    fn named_cases() {
        let gazetteer =
            Gazetteer::parse("ORG\tTime Warner\nWORG\tTime Warner\nORG\tGroup of Seven\n");
        let b = |k| Some((k, false));
        let i = |k| Some((k, true));
        type Case<'a> = (
            &'a str,
            &'a [(&'a str, Option<(usize, bool)>)],
            &'a [(&'a str, &'a str)],
        );
        let cases: &[Case] = &[
            (
                "an honorific inside an organisation span",
                &[("Mr.", b(ORG)), ("King", i(ORG)), ("spoke", None)],
                &[("King", "PER")],
            ),
            (
                "an honorific before a place",
                &[("Mr.", None), ("Trump", b(2)), ("left", None)],
                &[("Trump", "PER")],
            ),
            (
                "a patronymic joins two names of the tagger's",
                &[
                    ("Osama", b(3)),
                    ("bin", None),
                    ("Laden", b(PER)),
                    ("died", None),
                ],
                &[("Osama bin Laden", "PER")],
            ),
            (
                "a patronymic read whole stays whole",
                &[("Alwaleed", b(PER)), ("Bin", i(PER)), ("Talal", i(PER))],
                &[("Alwaleed Bin Talal", "PER")],
            ),
            (
                "a patronymic opens a name",
                &[("killed", None), ("bin", None), ("Laden", b(PER))],
                &[("bin Laden", "PER")],
            ),
            (
                "a bin before no name",
                &[("the", None), ("bin", None), ("Monday", None)],
                &[],
            ),
            (
                "a newspaper's The",
                &[
                    ("The", None),
                    ("New", b(ORG)),
                    ("York", i(ORG)),
                    ("Times", i(ORG)),
                ],
                &[("The New York Times", "ORG")],
            ),
            (
                "not a newspaper",
                &[("The", None), ("White", b(2)), ("House", i(2))],
                &[("White House", "LOC")],
            ),
            (
                "a known organisation passed over",
                &[
                    ("the", None),
                    ("Group", None),
                    ("of", None),
                    ("Seven", None),
                    ("met", None),
                ],
                &[("Group of Seven", "ORG")],
            ),
            (
                "a photo credit",
                &[
                    ("AP", b(ORG)),
                    ("Photo", i(ORG)),
                    ("/", i(ORG)),
                    ("Evan", i(ORG)),
                    ("Vucci", i(ORG)),
                ],
                &[("AP", "ORG"), ("Evan Vucci", "PER")],
            ),
            (
                "a known organisation read as a person",
                &[("Time", b(PER)), ("Warner", i(PER)), ("agreed", None)],
                &[("Time Warner", "ORG")],
            ),
        ];
        for (name, spec, want) in cases {
            let (words, mut labels) = labelled(spec);
            apply_to(
                std::slice::from_ref(&words),
                std::slice::from_mut(&mut labels),
                &gazetteer,
            );
            let got = names(&words, &labels);
            let want: Vec<(String, &str)> = want.iter().map(|(t, k)| (t.to_string(), *k)).collect();
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn short_forms_follow_known_organisations_but_not_surnames() {
        let gazetteer = Gazetteer::parse("ORG\tTime Warner\n");
        let sentences = vec![
            vec!["Time", "Warner", "agreed"],
            vec!["Warner", "shareholders", "cheered"],
        ];
        let mut labels = vec![
            vec![label(ORG, false) as u8, label(ORG, true) as u8, 0],
            vec![label(PER, false) as u8, 0, 0],
        ];
        apply_to(&sentences, &mut labels, &gazetteer);
        assert_eq!(labels[1][0], label(ORG, false) as u8);
        let mut with_person = sentences.clone();
        with_person.push(vec!["John", "Warner", "voted"]);
        let mut labels = vec![
            vec![label(ORG, false) as u8, label(ORG, true) as u8, 0],
            vec![label(PER, false) as u8, 0, 0],
            vec![label(PER, false) as u8, label(PER, true) as u8, 0],
        ];
        apply_to(&with_person, &mut labels, &gazetteer);
        assert_eq!(
            labels[1][0],
            label(PER, false) as u8,
            "a person's surname stays"
        );
    }

    /// A surname the model read as an organisation because Wikipedia's list names it (`WORG`) is
    /// the article's person; a curated organisation, or a word read as a place, stays.
    #[test]
    fn surnames_outweigh_wikipedias_organisations_only() {
        let gazetteer = Gazetteer::parse("WORG\tErdogan\nORG\tReuters\nWORG\tDover\n");
        let sentences = vec![
            vec!["Recep", "Tayyip", "Erdogan", "spoke"],
            vec!["Erdogan", "said", "no"],
            vec!["Reuters", "saw", "Dover"],
            vec!["Jane", "Reuters", "and", "Bob", "Dover", "met"],
        ];
        let b = |k| label(k, false) as u8;
        let i = |k| label(k, true) as u8;
        let mut labels = vec![
            vec![b(PER), i(PER), i(PER), 0],
            vec![b(ORG), 0, 0],
            vec![b(ORG), 0, b(2)],
            vec![b(PER), i(PER), 0, b(PER), i(PER), 0],
        ];
        apply_to(&sentences, &mut labels, &gazetteer);
        assert_eq!(
            labels[1][0],
            b(PER),
            "Wikipedia's organisation is the person"
        );
        assert_eq!(labels[2][0], b(ORG), "a curated organisation stays");
        assert_eq!(labels[2][2], b(2), "a word read as a place stays");
    }

    /// `listed_names` on one sentence: `(case, labels before, the reader's matches, names after)`.
    #[test]
    fn the_readers_names_have_the_last_word_inside_them() {
        let words = ["Time", "Warner", "met", "Zorblat", "Quenth", "today"];
        let m = |start, end, kind| ReaderMatch { start, end, kind };
        let b = |k| Some((k, false));
        let i = |k| Some((k, true));
        type Case<'a> = (
            &'a str,
            [Option<(usize, bool)>; 6],
            &'a [ReaderMatch],
            &'a [(&'a str, &'a str)],
        );
        let cases: &[Case] = &[
            (
                "another type",
                [None, None, None, b(ORG), i(ORG), None],
                &[m(3, 5, PER)],
                &[("Zorblat Quenth", "PER")],
            ),
            (
                "no name at all",
                [None, None, None, None, None, None],
                &[m(3, 5, PER)],
                &[("Zorblat Quenth", "PER")],
            ),
            (
                "a part of it",
                [None, None, None, None, b(ORG), None],
                &[m(3, 5, PER)],
                &[("Zorblat Quenth", "PER")],
            ),
            (
                "a longer name of the model's stands",
                [b(ORG), i(ORG), None, None, None, None],
                &[m(1, 2, PER)],
                &[("Time Warner", "ORG")],
            ),
            (
                "a name of the model's made of listed names of one type",
                [b(ORG), i(ORG), None, None, None, None],
                &[m(0, 1, PER), m(1, 2, PER)],
                &[("Time Warner", "PER")],
            ),
            (
                "of two types, it stands",
                [b(ORG), i(ORG), None, None, None, None],
                &[m(0, 1, PER), m(1, 2, 2)],
                &[("Time Warner", "ORG")],
            ),
            (
                "no match, no change",
                [b(ORG), i(ORG), None, b(PER), i(PER), None],
                &[],
                &[("Time Warner", "ORG"), ("Zorblat Quenth", "PER")],
            ),
        ];
        for (case, spec, reader, want) in cases {
            let spec: Vec<(&str, Option<(usize, bool)>)> =
                words.iter().copied().zip(spec.iter().copied()).collect();
            let (words, mut labels) = labelled(&spec);
            listed_names(reader, &mut labels);
            let want: Vec<(String, &str)> = want.iter().map(|(t, k)| (t.to_string(), *k)).collect();
            assert_eq!(names(&words, &labels), want, "{case}");
        }
    }
}
