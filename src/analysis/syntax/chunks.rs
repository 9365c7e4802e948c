//! Base chunks by rules over the tags: noun phrases, verb groups, prepositions, and the words that
//! open a subordinate clause.
//!
//! The conventions are those of the chunk column of CoNLL-2003, so `lede eval-pos` can score
//! them: a possessive opens the noun phrase of what is owned (`[Moscow] ['s troops]`), adverbs
//! between auxiliaries sit inside the verb group (`[has also said]`), `to` before a verb opens it
//! (`[to give]`), and a complementiser is a chunk of its own (`[that]`).

use super::tags::Tag;

/// What a chunk is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChunkKind {
    /// A base noun phrase: `the U.S. proposal`, `he`, `Moscow 's`.
    Np,
    /// A verb group: `has been encircled`, `will back`, `to give`.
    Vp,
    /// A preposition: `on`, `in`, `of`.
    Pp,
    /// An adverb outside a verb group: `however`, `earlier`.
    Advp,
    /// An adjective that heads no noun: `cautiously optimistic`.
    Adjp,
    /// A word that opens a subordinate clause: `that`, `because`, `whether`.
    Sbar,
    /// A verb particle: `out` in `set out`.
    Prt,
    /// Anything else: punctuation, conjunctions.
    O,
}

impl ChunkKind {
    /// The CoNLL name (`NP`, `VP`, …), `O` for none.
    pub fn as_str(self) -> &'static str {
        match self {
            ChunkKind::Np => "NP",
            ChunkKind::Vp => "VP",
            ChunkKind::Pp => "PP",
            ChunkKind::Advp => "ADVP",
            ChunkKind::Adjp => "ADJP",
            ChunkKind::Sbar => "SBAR",
            ChunkKind::Prt => "PRT",
            ChunkKind::O => "O",
        }
    }
}

/// One chunk: tokens `start..end` of the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chunk {
    pub kind: ChunkKind,
    pub start: usize,
    pub end: usize,
}

/// Subordinators that open a clause whatever follows.
fn always_subordinates(w: &str) -> bool {
    matches!(
        w,
        "that" | "whether" | "because" | "although" | "though" | "if" | "unless" | "whereas"
    )
}

/// Words that open a clause when a clause follows, and a phrase otherwise (`after the talks`,
/// `after Trump clashed`).
fn may_subordinate(w: &str) -> bool {
    matches!(
        w,
        "after" | "before" | "since" | "until" | "as" | "while" | "once" | "so"
    )
}

/// Whether the tokens from `at` open a clause: a noun phrase and then a finite verb.
fn clause_follows(tags: &[Tag], at: usize) -> bool {
    let mut k = at;
    let mut saw_noun = false;
    while k < tags.len() && k < at + 8 {
        match tags[k] {
            Tag::Det | Tag::Adj | Tag::Num | Tag::PronPoss | Tag::Pos | Tag::Adv => {}
            Tag::Noun | Tag::Propn | Tag::Pron | Tag::Ex => saw_noun = true,
            t if t.is_finite() => return saw_noun,
            _ => return false,
        }
        k += 1;
    }
    false
}

/// Whether an adverb at `k` sits inside a verb group: between two verbs (`has also said`). Before
/// a group's first verb it stands apart (`[also] [said]`), as in the CoNLL data.
fn adverb_inside_verb_group(tags: &[Tag], k: usize) -> bool {
    let before = k > 0
        && (tags[k - 1].is_verb()
            || tags[k - 1] == Tag::Adv
            || (tags[k - 1] == Tag::Cc && k > 1 && tags[k - 2] == Tag::Adv));
    let mut j = k;
    // `will sooner or later have`: adverbs, and a conjunction between two of them.
    while j < tags.len()
        && (tags[j] == Tag::Adv
            || (tags[j] == Tag::Cc
                && j > 0
                && tags[j - 1] == Tag::Adv
                && tags.get(j + 1) == Some(&Tag::Adv)))
    {
        j += 1;
    }
    before && tags.get(j).is_some_and(|t| t.is_verb())
}

/// Cuts a tagged sentence into chunks. `lower` holds the words in lower case.
pub fn chunk(lower: &[&str], tags: &[Tag]) -> Vec<Chunk> {
    let n = tags.len().min(lower.len());
    let mut out: Vec<Chunk> = Vec::new();
    let mut k = 0;
    let push = |out: &mut Vec<Chunk>, kind, start, end| out.push(Chunk { kind, start, end });
    while k < n {
        let t = tags[k];
        let w = lower[k];
        let start = k;
        // A verb group: auxiliaries, adverbs between them, `to` before a verb, and the verb.
        let opens_vp =
            t.is_verb() || (t == Tag::To && tags.get(k + 1).is_some_and(|n| *n == Tag::Vb));
        if opens_vp {
            k += 1;
            // A modal only ever opens a group: `could halt fighting | could be`.
            while k < n
                && ((tags[k].is_verb() && tags[k] != Tag::Md)
                    || (tags[k] == Tag::To && tags.get(k + 1).is_some_and(|n| *n == Tag::Vb))
                    || (matches!(tags[k], Tag::Adv | Tag::Cc) && adverb_inside_verb_group(tags, k)))
            {
                k += 1;
            }
            push(&mut out, ChunkKind::Vp, start, k);
            continue;
        }
        match t {
            // `$19.3 million`: a currency sign opens the amount's phrase.
            Tag::Punct
                if matches!(w, "$" | "£" | "€" | "¥")
                    && tags.get(k + 1).is_some_and(|t| *t == Tag::Num) =>
            {
                let mut end = k + 1;
                while end < n && matches!(tags[end], Tag::Num | Tag::Noun) {
                    end += 1;
                }
                push(&mut out, ChunkKind::Np, k, end);
                k = end;
            }
            Tag::Det
            | Tag::PronPoss
            | Tag::Pos
            | Tag::Adj
            | Tag::Noun
            | Tag::Propn
            | Tag::Num
            | Tag::Pron
            | Tag::Ex => {
                // A pronoun is a phrase of its own; anything else runs to the last noun-ish word.
                if matches!(t, Tag::Pron | Tag::Ex) {
                    push(&mut out, ChunkKind::Np, k, k + 1);
                    k += 1;
                    continue;
                }
                let mut end = k + 1;
                let mut j = k + 1;
                while j < n {
                    match tags[j] {
                        Tag::Adj | Tag::Noun | Tag::Propn | Tag::Num => {
                            j += 1;
                            end = j;
                        }
                        // `very large`, `a 30-day` …: an adverb only inside, before an adjective.
                        Tag::Adv if tags.get(j + 1).is_some_and(|n| *n == Tag::Adj) => j += 1,
                        // A gerund or participle as a modifier: `a rallying crowd`.
                        Tag::Vbg | Tag::Vbn
                            if tags.get(j + 1).is_some_and(|n| n.is_noun())
                                && matches!(tags[j - 1], Tag::Det | Tag::Adj) =>
                        {
                            j += 1
                        }
                        _ => break,
                    }
                }
                let kind = if t == Tag::Adj && tags[k..end].iter().all(|t| *t == Tag::Adj) {
                    ChunkKind::Adjp
                } else {
                    ChunkKind::Np
                };
                push(&mut out, kind, k, end);
                k = end;
            }
            // `changed that timeframe`: `that` before a noun and no clause is a determiner.
            Tag::Adp
                if w == "that"
                    && !clause_follows(tags, k + 1)
                    && tags
                        .get(k + 1)
                        .is_some_and(|t| matches!(t, Tag::Noun | Tag::Adj)) =>
            {
                let mut end = k + 1;
                while end < n && matches!(tags[end], Tag::Adj | Tag::Noun | Tag::Propn | Tag::Num) {
                    end += 1;
                }
                push(&mut out, ChunkKind::Np, k, end);
                k = end;
            }
            Tag::Adp | Tag::To => {
                let kind = if always_subordinates(w)
                    || (may_subordinate(w) && clause_follows(tags, k + 1))
                {
                    ChunkKind::Sbar
                } else {
                    ChunkKind::Pp
                };
                push(&mut out, kind, k, k + 1);
                k += 1;
            }
            Tag::Wh => {
                let kind = if matches!(w, "when" | "where" | "why" | "how") {
                    ChunkKind::Advp
                } else {
                    ChunkKind::Np
                };
                push(&mut out, kind, k, k + 1);
                k += 1;
            }
            Tag::Adv => {
                let mut end = k + 1;
                while end < n && tags[end] == Tag::Adv {
                    end += 1;
                }
                let kind = if tags.get(end) == Some(&Tag::Adj) {
                    end += 1;
                    ChunkKind::Adjp
                } else {
                    ChunkKind::Advp
                };
                push(&mut out, kind, k, end);
                k = end;
            }
            Tag::Part => {
                push(&mut out, ChunkKind::Prt, k, k + 1);
                k += 1;
            }
            _ => {
                push(&mut out, ChunkKind::O, k, k + 1);
                k += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunked(sentence: &str, tags: &[Tag]) -> String {
        let words: Vec<&str> = sentence.split(' ').collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
        chunk(&lower, tags)
            .iter()
            .map(|c| format!("[{} {}]", c.kind.as_str(), words[c.start..c.end].join(" ")))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn chunks_follow_the_conll_conventions() {
        use Tag::*;
        type Case<'a> = (&'a str, &'a str, &'a [Tag], &'a str);
        let cases: &[Case] = &[
            (
                "a possessive opens the phrase of what is owned",
                "Moscow 's troops have also encircled them",
                &[Propn, Pos, Noun, Vbp, Adv, Vbn, Pron],
                "[NP Moscow] [NP 's troops] [VP have also encircled] [NP them]",
            ),
            (
                "to before a verb opens the group",
                "asked Witkoff to give messages",
                &[Vbd, Propn, To, Vb, Noun],
                "[VP asked] [NP Witkoff] [VP to give] [NP messages]",
            ),
            (
                "after opens a clause only when one follows",
                "after Trump clashed after the talks",
                &[Adp, Propn, Vbd, Adp, Det, Noun],
                "[SBAR after] [NP Trump] [VP clashed] [PP after] [NP the talks]",
            ),
            (
                "that before a noun is a determiner",
                "he changed that timeframe",
                &[Pron, Vbd, Adp, Noun],
                "[NP he] [VP changed] [NP that timeframe]",
            ),
            (
                "an adjective with no noun",
                "he was cautiously optimistic",
                &[Pron, Vbd, Adv, Adj],
                "[NP he] [VP was] [ADJP cautiously optimistic]",
            ),
        ];
        for (name, sentence, tags, want) in cases {
            assert_eq!(chunked(sentence, tags), *want, "{name}");
        }
    }
}
