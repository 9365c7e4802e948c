//! Word classes: words that unlabelled news uses alike, grouped, so the tagger can read a name it
//! never saw labelled by the company it keeps (`Trump` after `Mr.` and before `said`, like
//! `Clinton` in 1996 Reuters).
//!
//! Two clusterings of the same vocabulary, a coarse one and a fine one, induced by
//! `lede train-wordclasses` (predictive exchange clustering, `eval::wordclass_train`) from text
//! that none of the dev sets is part of. The committed table (`wordclasses.tsv`, one
//! `word<TAB>coarse<TAB>fine` a line, sorted) rebuilds byte for byte from that command.
//!
//! A word is looked up as the tagger sees it: typography folded and digits as `0`, case kept
//! (`Trump` the name and `trump` the verb are different words here).

use super::features::FastMap;

/// The classes of one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Classes {
    pub coarse: u16,
    pub fine: u16,
}

/// The table of word classes.
#[derive(Debug, Default)]
pub struct WordClasses {
    words: FastMap<String, Classes>,
}

/// The shipped table.
const SHIPPED: &str = include_str!("wordclasses.tsv");

/// The table in use: the shipped one or (natively, for experiments) the file named by
/// `LEDE_WORDCLASSES`.
pub(super) fn table() -> &'static str {
    #[cfg(not(target_arch = "wasm32"))]
    {
        static OVERRIDE: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
        if let Some(text) = OVERRIDE
            .get_or_init(|| {
                let path = std::env::var("LEDE_WORDCLASSES").ok()?;
                Some(
                    std::fs::read_to_string(&path)
                        .unwrap_or_else(|e| panic!("LEDE_WORDCLASSES={path}: {e}")),
                )
            })
            .as_deref()
        {
            return text;
        }
    }
    SHIPPED
}

impl WordClasses {
    /// Reads `word<TAB>coarse<TAB>fine` lines; malformed lines are skipped.
    pub fn parse(text: &str) -> WordClasses {
        let lines = text.bytes().filter(|&b| b == b'\n').count() + 1;
        let mut words = FastMap::with_capacity_and_hasher(lines, Default::default());
        for line in text.lines() {
            let mut fields = line.split('\t');
            let (Some(word), Some(coarse), Some(fine)) =
                (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            if let (Ok(coarse), Ok(fine)) = (coarse.parse(), fine.parse()) {
                words.insert(word.to_string(), Classes { coarse, fine });
            }
        }
        WordClasses { words }
    }

    /// The classes of a word in its lookup form (see `form`).
    pub fn get(&self, form: &str) -> Option<Classes> {
        self.words.get(form).copied()
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// A token as the table keys it: typography already folded by the caller, digits as `0`.
pub fn form(word: &str) -> std::borrow::Cow<'_, str> {
    if word.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        word.chars()
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect::<String>()
            .into()
    } else {
        word.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_looks_up() {
        let table = WordClasses::parse("Clinton\t3\t41\nTrump\t3\t41\nbad line\nx\ty\tz\n");
        assert_eq!(table.len(), 2);
        assert_eq!(
            table.get("Trump"),
            Some(Classes {
                coarse: 3,
                fine: 41
            })
        );
        assert_eq!(table.get("trump"), None, "case is kept");
        assert_eq!(form("1996"), "0000");
        assert_eq!(form("G7"), "G0");
    }

    #[test]
    fn the_shipped_table_parses_whole() {
        let table = WordClasses::parse(table());
        assert_eq!(table.len(), table_lines());
    }

    fn table_lines() -> usize {
        table().lines().filter(|l| !l.is_empty()).count()
    }
}
