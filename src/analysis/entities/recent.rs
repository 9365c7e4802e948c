//! Names that became news after the tagger's name lists were made: `Moderna`, `BioNTech`,
//! `Airbnb`, `ChatGPT`.
//!
//! The training text is 1996 Reuters and the gazetteer's organisations come from lists of about
//! 2013, so a company founded or famous since then reaches the tagger as an unknown capitalised
//! word, and its context decides: `Moderna asked the FDA` reads like a person, `Anthropic, a
//! rival start-up` like a place, and `Airbnb and DoorDash went public` leaves `Airbnb` unmarked.
//!
//! `recent.names` is a hand-kept table (`KIND<TAB>name`, like `scripts/lexicon_extra.tsv`) of
//! organisations, and a few products, television series and laws (MISC, as the CoNLL guidelines
//! and our modern dev set's notes have them), that today's news names often and whose names are
//! no common word and no one's first name or surname. It is not part of the model's gazetteer, so
//! the entity model, which records the gazetteer it was trained with, needs no retraining: its
//! matches go to the conventions, which treat them as a reader's own names
//! (`conventions::listed_names`), before the other rules run, and before the reader's names,
//! which have the last word. A retrained model could take the table into its gazetteer instead
//! (`model/README.md`).
//!
//! The table also holds today's spellings of groups that 1996 Reuters spelt otherwise or never
//! named: `Muslim` (eng.train writes `Moslem`, 39 times MISC; `Muslim` comes twice, inside an
//! organisation's name), `Shiite` and `Sunni`, `Latino` and `Hispanic` (absent). MISC, as
//! nationalities and religions are. So are `Tory` and `Tories`, the British Conservatives'
//! members (MISC, as party members are), which the tagger passed over.
//!
//! It also holds a few well-known companies older than that, which the lists lack and the tagger
//! read as people (`Daimler said on Monday`): `Daimler`, `Kia`, `Maersk`, `Rio Tinto`; and the
//! European newspapers Reuters cites most, whose names open on an article the tagger took for a
//! first name (`Der Spiegel`, `Die Zeit`: people) or are no English word (`Handelsblatt`, passed
//! over).
//!
//! And a few names our modern dev set's notes decide and the tagger reads otherwise: the parties'
//! conventions are events (MISC; `Republican National Convention` was ORG 7 times in 26 on
//! PolNeAR's 882 texts), the `Oval Office` a place (ORG 9 times in 22), and the pollsters, which
//! it read as people or MISC names (`a new Gallup poll`, `according to Quinnipiac`).
//!
//! Names follow CoNLL-2003's practice where `eng.train` shows it: `Kremlin` is a place there (11
//! of 11), `Nasdaq` a MISC name (9 of 9), so neither is listed as an organisation. Stock indexes
//! are MISC there with their numbers (`FTSE 100`, `DAX`, `Nikkei`, `Dow Jones`: 12 of 12), so
//! today's market reports' indexes are listed so (`S&P 500`, `STOXX 600`, `CAC 40`), which the
//! tagger read as organisations; `S&P` alone stays the rating agency, an organisation.
//!
//! `holidays.names`, read with it, lists named holidays and days (MISC, as `eng.train` has `Labor
//! Day` and `Independence Day`, and our modern set's notes have them). The training text is
//! Reuters of late August 1996, so it never writes `Christmas`, `Easter`, `Ramadan`, `Hanukkah`
//! or `Thanksgiving`, and the tagger read a December article's `Christmas` as a place or an
//! organisation, `Christmas Eve` as a person, and passed `Thanksgiving` over.

use std::sync::OnceLock;

use super::overlay::Overlay;
use crate::lexicon::LexiconName;

/// The tables, `KIND<TAB>name` lines: names new since the lists, and named holidays.
const TABLES: [&str; 2] = [include_str!("recent.names"), include_str!("holidays.names")];

/// The table's names as a gazetteer of their own, built once (its matches are `ReaderMatch`es:
/// written with their capitals, of one type).
pub fn names() -> Option<&'static Overlay> {
    static RECENT: OnceLock<Option<Overlay>> = OnceLock::new();
    RECENT
        .get_or_init(|| {
            let names: Vec<LexiconName> = TABLES
                .iter()
                .flat_map(|table| table.lines())
                .filter_map(|line| line.split_once('\t'))
                .map(|(kind, name)| LexiconName {
                    name: name.to_string(),
                    label: kind.to_string(),
                })
                .collect();
            Overlay::new(&names)
        })
        .as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::entities::gazetteer::{key_of, Gazetteer, KINDS};
    use crate::analysis::entities::tagger::TYPES;

    /// Curated organisations the table lists all the same: the known-organisations convention
    /// only retypes a name the tagger found, and the tagger leaves these unmarked in running
    /// text (`said on Twitter`: 86 unmarked in PolNeAR's 882 unannotated texts).
    const UNMARKED_CURATED: &[&str] = &["Twitter"];

    /// Every line is a type the tagger knows and a name it can match, once; and none is already
    /// a curated organisation of the shipped gazetteer (the known-organisations convention has
    /// those), but for `UNMARKED_CURATED`.
    #[test]
    fn the_table_is_well_formed_and_new() {
        let gazetteer = Gazetteer::shipped();
        let org = 1u8 << KINDS.iter().position(|&k| k == "ORG").unwrap();
        let mut keys = Vec::new();
        for line in TABLES.iter().flat_map(|table| table.lines()) {
            let (kind, name) = line.split_once('\t').expect("KIND<TAB>name");
            assert!(TYPES.contains(&kind), "{line}");
            assert_eq!(name.trim(), name, "{line}");
            let (key, capitals) = key_of(name);
            // A name in lower case would only be a feature, never a rule (`Overlay::matches`).
            assert_ne!(capitals & 1, 0, "{name} opens on a capital");
            let tokens: Vec<&str> = key.split(' ').collect();
            let curated = gazetteer.lookup(&tokens) & org != 0;
            assert_eq!(
                curated,
                UNMARKED_CURATED.contains(&name),
                "{name} is a curated organisation already, or no longer one"
            );
            keys.push(key);
        }
        let count = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), count, "a name is listed twice");
        assert!(names().is_some());
    }
}
