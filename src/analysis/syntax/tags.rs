//! The part-of-speech tags: the Penn Treebank's 45, folded to the 24 that finding a clause needs.
//!
//! Verb forms stay apart (`VBD` "met", `VBN` "encircled", `VBG` "attacking", `MD` "will"): they
//! tell a finite predicate from a participle and an active clause from a passive one. Nouns fold
//! by kind only (common, proper), adjectives and adverbs by class (no degrees), and every
//! punctuation mark is one tag, since the token's own text says which mark it is.

/// One tag. The order is by frequency in CoNLL-2003 `eng.train`, so the model file's label masks
/// (one bit per tag) stay short for the common tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Tag {
    /// NNP, NNPS: `Putin`, `Kremlin`.
    Propn,
    /// NN, NNS: `meeting`, `troops`.
    Noun,
    /// CD: `28`, `2022`, `thousands`.
    Num,
    /// IN: `on`, `after`, `that` (as a complementiser), `whether`.
    Adp,
    /// Every punctuation mark, `$` and `#` included.
    Punct,
    /// DT, PDT: `the`, `all`.
    Det,
    /// JJ, JJR, JJS.
    Adj,
    /// VBD: past tense.
    Vbd,
    /// VB: base form.
    Vb,
    /// VBN: past participle.
    Vbn,
    /// RB, RBR, RBS.
    Adv,
    /// CC: `and`, `but`.
    Cc,
    /// TO.
    To,
    /// PRP: `he`, `they`, `it`.
    Pron,
    /// VBG: gerund or present participle.
    Vbg,
    /// VBZ: third person singular present.
    Vbz,
    /// POS: possessive `'s`.
    Pos,
    /// PRP$, WP$: `his`, `whose`.
    PronPoss,
    /// VBP: non-third-person present.
    Vbp,
    /// MD: `will`, `could`.
    Md,
    /// WDT, WP, WRB: `which`, `who`, `when`.
    Wh,
    /// RP: the particle of a phrasal verb (`set out`).
    Part,
    /// EX: existential `there`.
    Ex,
    /// FW, UH, LS and anything else.
    Other,
}

/// How many tags there are.
pub const N_TAGS: usize = 24;

/// Every tag, indexed by its number.
pub const ALL: [Tag; N_TAGS] = [
    Tag::Propn,
    Tag::Noun,
    Tag::Num,
    Tag::Adp,
    Tag::Punct,
    Tag::Det,
    Tag::Adj,
    Tag::Vbd,
    Tag::Vb,
    Tag::Vbn,
    Tag::Adv,
    Tag::Cc,
    Tag::To,
    Tag::Pron,
    Tag::Vbg,
    Tag::Vbz,
    Tag::Pos,
    Tag::PronPoss,
    Tag::Vbp,
    Tag::Md,
    Tag::Wh,
    Tag::Part,
    Tag::Ex,
    Tag::Other,
];

impl Tag {
    /// The tag numbered `i`, if there is one.
    pub fn from_index(i: usize) -> Option<Tag> {
        ALL.get(i).copied()
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// The folded tag of a Penn Treebank tag (`None` for a tag the treebank does not have).
    pub fn from_ptb(tag: &str) -> Option<Tag> {
        Some(match tag {
            "NNP" | "NNPS" => Tag::Propn,
            "NN" | "NNS" => Tag::Noun,
            "CD" => Tag::Num,
            "IN" => Tag::Adp,
            "." | "," | ":" | "(" | ")" | "\"" | "''" | "``" | "$" | "#" | "SYM" | "NN|SYM" => {
                Tag::Punct
            }
            "DT" | "PDT" => Tag::Det,
            "JJ" | "JJR" | "JJS" => Tag::Adj,
            "VBD" => Tag::Vbd,
            "VB" => Tag::Vb,
            "VBN" => Tag::Vbn,
            "RB" | "RBR" | "RBS" => Tag::Adv,
            "CC" => Tag::Cc,
            "TO" => Tag::To,
            "PRP" => Tag::Pron,
            "VBG" => Tag::Vbg,
            "VBZ" => Tag::Vbz,
            "POS" => Tag::Pos,
            "PRP$" | "WP$" => Tag::PronPoss,
            "VBP" => Tag::Vbp,
            "MD" => Tag::Md,
            "WDT" | "WP" | "WRB" => Tag::Wh,
            "RP" => Tag::Part,
            "EX" => Tag::Ex,
            "FW" | "UH" | "LS" | "-X-" => Tag::Other,
            _ => return None,
        })
    }

    /// A short name, for listings and tests.
    pub fn as_str(self) -> &'static str {
        match self {
            Tag::Propn => "PROPN",
            Tag::Noun => "NOUN",
            Tag::Num => "NUM",
            Tag::Adp => "ADP",
            Tag::Punct => "PUNCT",
            Tag::Det => "DET",
            Tag::Adj => "ADJ",
            Tag::Vbd => "VBD",
            Tag::Vb => "VB",
            Tag::Vbn => "VBN",
            Tag::Adv => "ADV",
            Tag::Cc => "CC",
            Tag::To => "TO",
            Tag::Pron => "PRON",
            Tag::Vbg => "VBG",
            Tag::Vbz => "VBZ",
            Tag::Pos => "POS",
            Tag::PronPoss => "PRON$",
            Tag::Vbp => "VBP",
            Tag::Md => "MD",
            Tag::Wh => "WH",
            Tag::Part => "PART",
            Tag::Ex => "EX",
            Tag::Other => "X",
        }
    }

    /// Any verb form, the modal included.
    pub fn is_verb(self) -> bool {
        matches!(
            self,
            Tag::Vb | Tag::Vbd | Tag::Vbg | Tag::Vbn | Tag::Vbp | Tag::Vbz | Tag::Md
        )
    }

    /// A verb form that makes a clause finite on its own (`met`, `says`, `will`).
    pub fn is_finite(self) -> bool {
        matches!(self, Tag::Vbd | Tag::Vbp | Tag::Vbz | Tag::Md)
    }

    /// A common or proper noun.
    pub fn is_noun(self) -> bool {
        matches!(self, Tag::Noun | Tag::Propn)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tag_has_its_index() {
        for (i, t) in ALL.iter().enumerate() {
            assert_eq!(t.index(), i);
            assert_eq!(Tag::from_index(i), Some(*t));
        }
        assert_eq!(Tag::from_index(N_TAGS), None);
    }

    #[test]
    fn penn_tags_fold() {
        let cases: &[(&str, Option<Tag>)] = &[
            ("NNPS", Some(Tag::Propn)),
            ("VBN", Some(Tag::Vbn)),
            ("WP$", Some(Tag::PronPoss)),
            ("''", Some(Tag::Punct)),
            ("JJS", Some(Tag::Adj)),
            ("XYZ", None),
        ];
        for (ptb, want) in cases {
            assert_eq!(Tag::from_ptb(ptb), *want, "{ptb}");
        }
    }
}
