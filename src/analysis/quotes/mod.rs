//! Quotes: finding direct quotes and who said them.
//!
//! The stage reads the `Doc`, the paragraph roles (quotes in photo captions are skipped) and the
//! entity mentions, and works in five passes over each article, each linear in its length:
//!
//! 1. **Marks** (`marks`): pair quotation marks in each paragraph. A paragraph that opens a quote
//!    without closing it, followed by one that opens again, is one multi-paragraph quote.
//! 2. **Cues** (`cues`, `speaker`): look for a speech cue next to each quote in its own sentence,
//!    after it (`“…,” Peskov said`, `“…,” said Peskov`, `“…,” Jeff Weaver, Sanders' campaign
//!    manager, said`) or before it (`Trump said “…”`, `…, adding that he has “strongly
//!    requested”`), and read the speaker phrase off it. A quote that opens its sentence may be
//!    introduced by a colon (`Cruz continued: “…”`) or by the sentence before it, in the same
//!    paragraph or the one before (`Kerry said that 100,000 would be accepted.` `“That adds up…”`),
//!    or signed with a dash (`“…” — Sanders.`). The source the reader has wins over the one it
//!    reports: `“…,” Sanders said, according to CNN` is CNN's, and `Israel said Clinton called on
//!    members to be “…”` is Israel's. A quote with no cue at all keeps the subject of its sentence
//!    as a weaker guess (`Trump would denounce “…”`), which makes it neither speech nor a source
//!    for other quotes.
//! 3. **Speech or phrase**: a quote with a cue in its sentence, or one that reads as a sentence, is
//!    speech. A short quoted phrase with no cue (“coalition of the willing”), a title (“Good Morning
//!    America”) or markup (`id="123"`) is not, and goes to `phrases` instead. The rules' verdict
//!    and the signals behind it feed a small learned model (`speech`), which has the last word.
//! 4. **Inheritance**: a quote with no cue of its own takes the speaker of the quote
//!    it continues (the other half of `“…,” he said. “…”`, the next paragraph of a long quote), and
//!    a quote that opens a paragraph with no cue and no guess takes the last speaker of the three
//!    paragraphs before (a speaker's words running on after a line of narration).
//! 5. **Ranking and resolution**: for a quote whose own sentence has a cue, a learned ranker
//!    (`ranker`) chooses among the speakers that sentence offers, the rules' pick first; it
//!    replaces the pick only when clearly ahead, and names the speaker of a quote the rules could
//!    read none off (a guess, passed to no other quote). Then surnames, pronouns and descriptions
//!    are resolved to the fullest name the article gives (`names`), and to an entity cluster when
//!    the caller passes entity mentions.
//!
//! A speaker is only ever read off the quote's own sentence (a cue's subject, or failing that a
//! guess among the sentence's people) or taken from the quote a quote continues; a quote whose
//! sentence offers no one has no speaker. Both models are trained on PolNeAR train by
//! `lede train-quotes` and ship packed (`model/speech.bin`, `model/speaker.bin`, each the text
//! beside it packed); with them empty the rules decide alone.
//!
//! # The entity interface
//! `find_quotes` takes `&[EntityMention]`: byte spans into the same text, with a kind and an
//! optional cluster id (the index into `Analysis::clusters`). They may be in any order and may be
//! empty. When they are empty the stage finds names itself from capitalised runs next to the cue,
//! and every speaker's `cluster` is `None`. When they are given, a speaker phrase that overlaps a
//! person or organisation mention takes that mention's span and cluster, and a pronoun resolves to
//! the first person mention (`it` and `they` also take organisations) of the nearest sentence
//! before it that has one, outside quotes: a sentence's first name is most often its subject. A
//! relative `who` (`Beck, who has described Trump as “…”`) is kept as written, as PolNeAR marks
//! it, and resolves to the last person named before it in its sentence.
//! Without mentions the same search runs over capitalised names the article shows to be people
//! (introduced with a title, or the subject of a speech cue).

use crate::analysis::case::lower;

mod cues;
mod marks;
mod names;
mod ranker;
mod speaker;
mod speech;

pub use marks::{pair, MarkedQuote};
pub use ranker::{shipped as speaker_ranker, RankerExample};
pub use speaker::SpeakerKind;
pub use speech::{SpeechModel, MAGIC as SPEECH_MAGIC};

use crate::analysis::model::{self, Role};
use crate::analysis::segment::Doc;
use crate::analysis::span::Span;
use names::NameIndex;
use speaker::{Phrase, Words};
use std::collections::HashSet;

/// What kind of entity a mention is. Built from the tagger's label with `from_label`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionKind {
    Person,
    Organisation,
    Place,
    Other,
}

impl MentionKind {
    /// Reads CoNLL (`PER`, `ORG`, `LOC`, `MISC`) and OntoNotes (`PERSON`, `GPE`, …) labels.
    pub fn from_label(label: &str) -> MentionKind {
        match label.to_ascii_uppercase().as_str() {
            "PER" | "PERSON" => MentionKind::Person,
            "ORG" | "ORGANIZATION" | "ORGANISATION" | "NORP" => MentionKind::Organisation,
            "LOC" | "GPE" | "LOCATION" | "FAC" => MentionKind::Place,
            _ => MentionKind::Other,
        }
    }
}

/// One entity mention from the entity stage: the input this stage reads to give speakers clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityMention {
    /// Byte span into the analysed text.
    pub span: Span,
    pub kind: MentionKind,
    /// Index into the clusters, if the mention has been clustered.
    pub cluster: Option<usize>,
}

/// How a quote got its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attribution {
    /// A cue right after the quote: `“…,” Peskov said`.
    CueAfter,
    /// A cue before the quote in its sentence: `Trump said “…”`.
    CueBefore,
    /// Another quote in the same paragraph: the second half of `“…,” he said. “…”`.
    SameParagraph,
    /// The quote of the paragraph before: a long quote running over paragraphs.
    PreviousParagraph,
}

/// Who said a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpeakerSeg {
    /// The mention the attribution names, as written: `Peskov`, `he`, `the Kremlin spokesman`.
    pub span: Span,
    pub kind: SpeakerKind,
    /// The fullest name the article gives for it (`Dmitry Peskov`), if it could be resolved.
    pub name: Option<Span>,
    /// The entity cluster of that name, when entity mentions were given.
    pub cluster: Option<usize>,
}

/// One direct quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSeg {
    /// From the opening mark through the closing one (to the paragraph's end when unclosed).
    pub span: Span,
    /// The quoted words, without the marks.
    pub inner: Span,
    pub paragraph: usize,
    pub speaker: Option<SpeakerSeg>,
    pub attribution: Option<Attribution>,
    /// Whether this quote continues one left open at the end of the paragraph before.
    pub continues: bool,
}

/// What the stage found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteFindings {
    pub quotes: Vec<QuoteSeg>,
    /// Quoted phrases that are not speech: names, titles, scare quotes. Spans include the marks.
    pub phrases: Vec<Span>,
}

/// A quote found by the marks pass, with its token range in the article's tokens.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    marks: MarkedQuote,
    paragraph: usize,
    /// Tokens of the paragraph (article-local indices).
    para_tokens: (usize, usize),
    /// Tokens of the paragraph right before, when it is body text.
    prev_para_tokens: Option<(usize, usize)>,
    /// Tokens inside the quote span (article-local).
    tokens: (usize, usize),
    continues: bool,
    phrase: Option<Phrase>,
    attribution: Option<Attribution>,
    /// Whether a speech cue stands in the quote's sentence, even if no speaker could be read off it.
    cued: bool,
    /// Index of the candidate whose speaker this one takes.
    inherits: Option<usize>,
    /// The sentence's subject, for a quote with no cue and no quote to inherit from: weaker
    /// evidence than a cue, so it neither makes the quote speech nor passes to other quotes.
    fallback: Option<Phrase>,
    speech: bool,
    /// The quote's sentence as the cue pass read it: from its start to the end of the after frame.
    frame: (usize, usize),
}

/// Tokens a frame reads at most on each side of a quote, so that a paragraph with no full stops
/// costs no more than one with them.
const FRAME_BEFORE: usize = 100;
const FRAME_AFTER: usize = 30;

/// Finds the direct quotes of `doc` and their speakers, with default settings: no entity mentions,
/// every paragraph treated as body text.
pub fn find_quotes_in(text: &str, doc: &Doc) -> QuoteFindings {
    find_quotes(text, doc, &[], &[])
}

/// Finds the direct quotes of `doc` and their speakers. `roles[p]` is paragraph `p`'s role
/// (missing entries count as body); quotes in captions are skipped. Boilerplate and credits are
/// not: on PolNeAR train the role model marks about a hundred quoted paragraphs so (block quotes,
/// quote boxes), and skipping them lost more quotes than it saved.
/// `mentions` are the entity stage's mentions (see the module docs); they may be empty.
#[inline(never)]
pub fn find_quotes(
    text: &str,
    doc: &Doc,
    roles: &[Role],
    mentions: &[EntityMention],
) -> QuoteFindings {
    let models = Models {
        speech: SpeechModel::shipped(),
        ranker: ranker::shipped(),
    };
    find_quotes_with(text, doc, roles, mentions, models, None)
}

/// The learned parts of the stage; `None` leaves a decision to the rules.
#[derive(Debug, Clone, Copy, Default)]
pub struct Models<'a> {
    /// Speech or quoted phrase (`speech`).
    pub speech: Option<&'a SpeechModel>,
    /// Which of a sentence's speakers (`ranker`).
    pub ranker: Option<&'a SpeechModel>,
}

impl Models<'static> {
    /// The models that ship, as `find_quotes` uses them.
    pub fn shipped() -> Models<'static> {
        Models {
            speech: SpeechModel::shipped(),
            ranker: ranker::shipped(),
        }
    }
}

/// What the models see, collected for training them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Examples {
    pub speech: Vec<SpeechExample>,
    pub ranker: Vec<RankerExample>,
}

/// One quote as the speech model sees it: for training and scoring the model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeechExample {
    /// The quote, marks included.
    pub span: Span,
    pub features: Vec<String>,
    /// The rules' verdict.
    pub rule: bool,
}

/// Every quote's speech and speaker-ranking examples, in text order, with `speech` deciding
/// speech (the ranker is trained on the quotes the speech model lets through).
pub fn training_examples(
    text: &str,
    doc: &Doc,
    roles: &[Role],
    mentions: &[EntityMention],
    speech: Option<&SpeechModel>,
) -> Examples {
    let mut examples = Examples::default();
    let models = Models {
        speech,
        ranker: None,
    };
    find_quotes_with(text, doc, roles, mentions, models, Some(&mut examples));
    examples
}

/// `find_quotes` with a given speech model (`None`: the rules alone), optionally collecting each
/// quote's speech features.
pub fn find_quotes_with(
    text: &str,
    doc: &Doc,
    roles: &[Role],
    mentions: &[EntityMention],
    models: Models,
    mut examples: Option<&mut Examples>,
) -> QuoteFindings {
    let mut mentions: Vec<EntityMention> = mentions
        .iter()
        .copied()
        .filter(|m| m.span.end <= text.len() && m.span.start <= m.span.end)
        .collect();
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    let mut found = QuoteFindings::default();
    for article in &doc.articles {
        let t0 = doc
            .tokens
            .partition_point(|t| t.span.start < article.span.start);
        let t1 = doc
            .tokens
            .partition_point(|t| t.span.start < article.span.end);
        let tokens = &doc.tokens[t0..t1];
        let common: HashSet<String> = tokens
            .iter()
            .map(|t| t.span.of(text))
            .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
            .map(str::to_lowercase)
            .collect();
        let words = Words {
            text,
            tokens,
            common: Some(&common),
            in_quote: None,
        };
        let paragraphs = article
            .paragraphs
            .clone()
            .filter(|&p| !matches!(roles.get(p).copied().unwrap_or_default(), Role::Caption));
        let mut candidates = mark_pass(text, doc, words, paragraphs);
        let in_quote = quote_mask(words.tokens.len(), &candidates);
        let words = Words {
            in_quote: Some(&in_quote),
            ..words
        };
        cue_pass(words, &in_quote, &mut candidates);
        speech_pass(
            words,
            &mut candidates,
            models.speech,
            examples.as_deref_mut().map(|e| &mut e.speech),
        );
        inherit_pass(&mut candidates);
        let mut names = NameIndex::build(words);
        for c in &candidates {
            if let Some(p) = c.phrase {
                if p.kind == SpeakerKind::Name {
                    names.add_person(text, p.span);
                }
            }
        }
        let resolver = Resolver {
            words,
            names: &names,
            mentions: &mentions,
            in_quote: &in_quote,
        };
        if models.ranker.is_some() || examples.is_some() {
            rank_pass(
                &resolver,
                &mut candidates,
                models.ranker,
                examples.as_deref_mut().map(|e| &mut e.ranker),
            );
        }
        for c in &candidates {
            if !c.speech {
                found.phrases.push(c.marks.span);
                continue;
            }
            let source = match c.inherits {
                Some(k) => &candidates[k],
                None => c,
            };
            let speaker = source.phrase.or(c.fallback).map(|p| resolver.resolve(p));
            found.quotes.push(QuoteSeg {
                span: c.marks.span,
                inner: c.marks.inner,
                paragraph: c.paragraph,
                speaker,
                attribution: c.attribution,
                continues: c.continues,
            });
        }
    }
    found
}

/// Pass 5: the ranker chooses among the speakers of each quote's sentence (see `ranker`), for
/// quotes whose own sentence gave the rules a speaker and for quotes that inherit one: for those
/// the inherited speaker is the pick, and an option of the quote's own sentence that beats it by
/// the margin (`Carson called the report “fabricated”` after a quote of someone else) becomes the
/// quote's own speaker, passed to no other quote. A quote with no speaker at all takes the best
/// option of its sentence, if there is one, as a guess.
#[inline(never)]
fn rank_pass(
    r: &Resolver,
    candidates: &mut [Candidate],
    model: Option<&SpeechModel>,
    mut examples: Option<&mut Vec<RankerExample>>,
) {
    for k in 0..candidates.len() {
        let inherited = candidates[k]
            .inherits
            .and_then(|j| candidates[j].phrase.or(candidates[j].fallback));
        let c = &mut candidates[k];
        if !c.speech {
            continue;
        }
        let pick = inherited.or(c.phrase).or(c.fallback);
        // A quote with neither a cue nor a speaker the rules could read (`Obama's "if you like
        // your plan, you can keep it" promise`) is ranked but is not a training example: PolNeAR
        // gives most such quotes a source, and the best option of the sentence, as a guess that
        // passes to no other quote, is right often enough to add speakers in cross-validation
        // (`lede train-quotes --cv`), while training on them cost more than it taught.
        if pick.is_none() && !c.cued && examples.is_some() {
            continue;
        }
        // `According to pool reports, Obama said “…”`: the rules keep the outer source on purpose,
        // as PolNeAR does; the ranker's options do not tell the two apart.
        let (start, end) = c.frame;
        if (start..end.min(r.in_quote.len())).any(|k| !r.in_quote[k] && r.words.is_according_to(k))
        {
            continue;
        }
        let choices = ranker::options(
            &r.words,
            r.in_quote,
            r.mentions,
            c,
            pick,
            inherited.is_some(),
        );
        if let Some(ex) = examples.as_deref_mut() {
            ex.push(RankerExample {
                quote: c.marks.span,
                options: choices
                    .iter()
                    .map(|o| (r.resolve(o.phrase).span, o.features.clone()))
                    .collect(),
            });
        }
        if choices.is_empty() {
            continue;
        }
        if let Some(m) = model {
            let k = ranker::best(m, &choices, pick.is_some());
            if pick.is_none() {
                // A cue in the sentence but no speaker read off it: the best option, as a guess
                // that passes to no other quote.
                c.fallback = Some(choices[k].phrase);
            } else if k != 0 {
                if c.inherits.is_some() {
                    // Another speaker in the quote's own sentence beat the inherited one.
                    c.inherits = None;
                    c.fallback = Some(choices[k].phrase);
                } else if c.phrase.is_some() {
                    c.phrase = Some(choices[k].phrase);
                } else {
                    c.fallback = Some(choices[k].phrase);
                }
            }
        }
    }
}

/// Pass 1: pair the marks of every paragraph and link multi-paragraph quotes.
#[inline(never)]
fn mark_pass(
    text: &str,
    doc: &Doc,
    words: Words,
    paragraphs: impl Iterator<Item = usize>,
) -> Vec<Candidate> {
    let local = |byte: usize| words.tokens.partition_point(|t| t.span.start < byte);
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut previous: Option<(usize, bool)> = None; // (paragraph, ended with an open quote)
    let mut previous_tokens: Option<(usize, (usize, usize))> = None;
    for p in paragraphs {
        let para = doc.paragraphs[p].span;
        let para_tokens = (local(para.start), local(para.end));
        let prev_para_tokens = previous_tokens.filter(|&(q, _)| q + 1 == p).map(|(_, t)| t);
        let marks = pair(text, para);
        for (k, m) in marks.iter().enumerate() {
            let continues = k == 0
                && m.span.start == para.start
                && previous.is_some_and(|(q, open)| open && q + 1 == p);
            candidates.push(Candidate {
                marks: *m,
                paragraph: p,
                para_tokens,
                prev_para_tokens,
                tokens: (local(m.span.start), local(m.span.end)),
                continues,
                phrase: None,
                attribution: None,
                cued: false,
                inherits: None,
                fallback: None,
                speech: false,
                frame: (0, 0),
            });
        }
        previous = Some((p, marks.last().is_some_and(|m| !m.closed)));
        previous_tokens = Some((p, para_tokens));
    }
    candidates
}

/// A full stop, `?`, `!` or ellipsis that the segmenter also ends a sentence with: the full stop
/// of `R-Ky.,` or `Sen.` is not one.
fn ends_sentence(w: &Words, i: usize) -> bool {
    matches!(w.word(i), "." | "!" | "?" | "..." | "…")
        && w.tokens
            .get(i + 1)
            .is_none_or(|n| n.sentence != w.tokens[i].sentence)
}

/// Pass 2: find a cue next to each quote and read its speaker phrase.
#[inline(never)]
fn cue_pass(w: Words, in_quote: &[bool], candidates: &mut [Candidate]) {
    for k in 0..candidates.len() {
        let c = candidates[k];
        let same_para = |j: usize| candidates[j].paragraph == c.paragraph;
        let next_start = if k + 1 < candidates.len() && same_para(k + 1) {
            candidates[k + 1].tokens.0
        } else {
            c.para_tokens.1
        };
        // The after frame: up to the end of the sentence or the next quote.
        let after_start = c.tokens.1;
        let mut after_end = after_start;
        while after_end < next_start
            && after_end - after_start < FRAME_AFTER
            && !ends_sentence(&w, after_end)
        {
            after_end += 1;
        }
        // The sentence start, read back over earlier quotes of the same sentence.
        let mut sentence = c.tokens.0;
        while sentence > c.para_tokens.0
            && c.tokens.0 - sentence < FRAME_BEFORE
            && (in_quote[sentence - 1] || !ends_sentence(&w, sentence - 1))
        {
            sentence -= 1;
        }
        let after = match hands_over(&w, &c) {
            Handover::No => None,
            Handover::Strict => cue_after(&w, sentence, after_start, after_end, true),
            Handover::Full => cue_after(&w, sentence, after_start, after_end, false),
        };
        let before = || cue_before(&w, in_quote, sentence, c.tokens.0);
        let found = match after {
            // `Feinstein said “…,” she said`: the name before beats the pronoun after.
            Some(p) if p.kind == SpeakerKind::Pronoun => Some(match before() {
                Some(b) if matches!(b.kind, SpeakerKind::Name | SpeakerKind::Organisation) => {
                    (b, Attribution::CueBefore)
                }
                _ => (p, Attribution::CueAfter),
            }),
            Some(p) => Some((p, Attribution::CueAfter)),
            None => before().map(|p| (p, Attribution::CueBefore)),
        };
        let found = found.map(|(p, how)| match how {
            // `According to pool reports, Obama said “…”`: again the outer source.
            Attribution::CueBefore => (
                according_to_after(&w, sentence, c.tokens.0)
                    .or_else(|| outer_speaker(&w, sentence, p))
                    .unwrap_or_else(|| subject_for_pronoun(&w, sentence, p)),
                how,
            ),
            // `“…,” Sanders said, according to CNN`: the outer source is the one the reader has.
            Attribution::CueAfter => (
                according_to_after(&w, after_start, after_end).unwrap_or(p),
                how,
            ),
            _ => (p, how),
        });
        let found = found.or_else(|| {
            signed_with_dash(&w, &c)
                .map(|p| (p, Attribution::CueAfter))
                .or_else(|| {
                    introduced_by_colon(&w, in_quote, &c).map(|p| (p, Attribution::CueBefore))
                })
        });
        let found = found.or_else(|| {
            said_in_sentence_before(&w, in_quote, &c, sentence).map(|p| (p, Attribution::CueBefore))
        });
        candidates[k].frame = (sentence, after_end);
        if let Some((phrase, how)) = found {
            candidates[k].phrase = Some(phrase);
            candidates[k].attribution = Some(how);
        } else if sentence < c.tokens.0 {
            // `Trump would denounce “self-deportation,”`: whoever acts in the sentence.
            candidates[k].fallback = w
                .clause_subject(sentence, c.tokens.0)
                .filter(|p| !p.span.of(w.text).eq_ignore_ascii_case("it"))
                .or_else(|| nearest_actor(&w, in_quote, sentence, c.tokens.0));
        }
        let cue_in = |a: usize, b: usize| {
            (a..b).any(|j| !in_quote[j] && (w.is_cue(j) || w.is_according_to(j)))
        };
        candidates[k].cued = candidates[k].phrase.is_some()
            || cue_in(sentence, c.tokens.0)
            || (!matches!(hands_over(&w, &c), Handover::No) && cue_in(after_start, after_end));
    }
}

/// How far the sentence may go on after a quote to name its speaker.
enum Handover {
    /// A quote that ends with a full stop ends its sentence (`“… case.” He added, “…”`).
    No,
    /// A quote that ends with `?` or `!` hands over only to an attribution right after it
    /// (`“Why?” he asked`, `“How big?” Pence said`).
    Strict,
    /// Any other quote: the attribution may also follow a comma later on.
    Full,
}

fn hands_over(w: &Words, c: &Candidate) -> Handover {
    let inner = c.marks.inner.of(w.text).trim_end();
    match inner.chars().last() {
        Some('.') => Handover::No,
        Some('?' | '!') => Handover::Strict,
        _ => Handover::Full,
    }
}

/// `“…,” Peskov said`, `“…,” said Peskov`, `“…,” according to officials`, `“…,” adding that`.
fn cue_after(w: &Words, sentence: usize, start: usize, end: usize, strict: bool) -> Option<Phrase> {
    let mut i = start;
    while i < end && matches!(w.word(i), "," | "—" | "–" | "-" | "--") {
        i += 1;
    }
    if i >= end {
        return None;
    }
    if w.is_cue(i) && cues::is_participle(w.word(i)) {
        return w.clause_subject(sentence, i);
    }
    if w.is_cue(i) || w.is_according_to(i) {
        return w.subject_after(i, end);
    }
    if let Some(p) = subject_then_cue(w, i, end) {
        return Some(p);
    }
    if strict {
        return None;
    }
    // `“…” would be appropriate, Republican candidate Ben Carson said`: the attribution after a
    // comma later in the sentence.
    for k in i..end {
        if w.word(k) == "," && k + 1 < end {
            if w.is_cue(k + 1) && cues::inverts(w.word(k + 1)) {
                return w.subject_after(k + 1, end);
            }
            if let Some(p) = subject_then_cue(w, k + 1, end) {
                return Some(p);
            }
        }
    }
    None
}

/// A short subject, then the cue: `Peskov said`, `the Kremlin spokesman told reporters`, or a
/// name with an apposition: `Jeff Weaver, Sanders' campaign manager, said`.
fn subject_then_cue(w: &Words, i: usize, end: usize) -> Option<Phrase> {
    let limit = end.min(i + 16);
    let cue = (i..limit).find(|&k| w.is_cue(k))?;
    // `Sen. Marco Rubio (R-Fla.) said`: a parenthesis inside the subject does not break it.
    let mut depth = 0usize;
    let clean = (i..cue).all(|k| match w.word(k) {
        "(" => {
            depth += 1;
            true
        }
        ")" => {
            depth = depth.saturating_sub(1);
            true
        }
        _ if depth > 0 => true,
        word => {
            w.is_possessive(k)
                || (w.is_word(k) && (!cues::stops_phrase(word) || cues::is_filler(word)))
                // `CBS This Morning co-anchor DeMarco Morgan said`: a capitalised word inside a
                // name run is part of the name, whatever it would be in lower case.
                || (k > i && w.is_capitalised(k) && w.is_capitalised(k - 1))
        }
    }) && depth == 0;
    if clean && cue - i <= 10 {
        return w.subject_before(cue, i);
    }
    if cue > i && w.word(cue - 1) == "," {
        // `Jeff Weaver, Sanders' campaign manager, said`, `Texas delegate Bill Eastland, wearing a
        // cowboy hat, said`: the phrase before the first comma.
        let first_comma = (i..cue).find(|&k| w.word(k) == ",")?;
        if first_comma > i && first_comma < cue - 1 {
            return w.subject_before(first_comma, i);
        }
    }
    None
}

/// `Rep. Steve Israel said Clinton called on members to be “…”`: a speaker read off a cue inside
/// the report of an earlier cue of the sentence; the outer speaker is the source the reader has.
fn outer_speaker(w: &Words, sentence: usize, p: Phrase) -> Option<Phrase> {
    let at = w.tokens.partition_point(|t| t.span.start < p.span.start);
    // The inner clause opens right after the outer cue: `said Clinton called`, `said that the
    // campaign wrote`.
    let cue = at.checked_sub(1).filter(|&k| k >= sentence)?;
    let cue = if w.word(cue) == "that" && cue > sentence {
        cue - 1
    } else {
        cue
    };
    if w.quoted(cue) || !w.is_cue(cue) || cues::is_participle(w.word(cue)) {
        return None;
    }
    w.subject_before(cue, sentence).filter(|o| {
        matches!(
            o.kind,
            SpeakerKind::Name | SpeakerKind::Organisation | SpeakerKind::Description
        )
    })
}

/// `, according to CNN` in the attribution after a quote, or `According to CNN,` opening the
/// sentence before one.
fn according_to_after(w: &Words, start: usize, end: usize) -> Option<Phrase> {
    let k = (start..end)
        .find(|&k| w.is_according_to(k) && (k == start || w.word(k - 1) == ",") && !w.quoted(k))?;
    w.subject_after(k, end)
}

/// `Cruz has railed against what he calls the “…”`, `Trump said he believes “…”`: a pronoun in a
/// clause inside a sentence whose subject is a name stands for that name, so the name is the
/// speaker as written.
fn subject_for_pronoun(w: &Words, sentence: usize, p: Phrase) -> Phrase {
    if p.kind != SpeakerKind::Pronoun || !matches!(&*lower(p.span.of(w.text)), "he" | "she") {
        return p;
    }
    let at = w.tokens.partition_point(|t| t.span.start < p.span.start);
    if at <= sentence {
        return p;
    }
    let before = lower(w.word(at - 1));
    let embedded =
        w.is_cue(at - 1) || matches!(&*before, "what" | "whom" | "which" | "that" | "who");
    if !embedded {
        return p;
    }
    match w.clause_subject(sentence, at) {
        Some(s) if s.kind == SpeakerKind::Name && s.span.end <= p.span.start => s,
        _ => p,
    }
}

/// `Trump said “…”`, `Trump said the U.S. held “…” discussions`, `…, adding that he has “…”`.
/// `start` is the sentence start; cues inside earlier quotes do not count.
fn cue_before(w: &Words, in_quote: &[bool], start: usize, end: usize) -> Option<Phrase> {
    let cue = (start..end)
        .rev()
        .find(|&k| !in_quote[k] && (w.is_cue(k) || w.is_according_to(k)))?;
    if w.is_according_to(cue) {
        return w.subject_after(cue, end);
    }
    if !cues::is_participle(w.word(cue)) {
        // The subject right before the cue, not reaching into an earlier quote.
        let floor = (start..cue)
            .rev()
            .find(|&k| in_quote[k])
            .map_or(start, |k| k + 1);
        if let Some(p) = w.subject_before(cue, floor) {
            return Some(p);
        }
        // `“…,” said the Florida senator, “…”`: the subject after the cue, right before the quote.
        if let Some(p) = w
            .subject_after(cue, end)
            .filter(|_| cues::inverts(w.word(cue)))
        {
            let gap = w.text[p.span.end..w.tokens[end.min(w.tokens.len() - 1)].span.start].trim();
            if !gap.is_empty()
                && gap
                    .chars()
                    .all(|c| matches!(c, ',' | ':' | '—' | '–' | '-'))
            {
                return Some(p);
            }
        }
    }
    // No subject next to the cue: the subject of the sentence, else the nearest name that acts
    // (`such as when Cruz knocked Rubio on trade and called him a “moderate”`).
    w.clause_subject(start, cue)
        .or_else(|| nearest_actor(w, in_quote, start, cue))
}

/// The nearest name or pronoun before `cue` (back to `start`) that is followed by a lower-case word
/// other than a function word: the subject of a verb, as `Cruz` in `Cruz knocked Rubio on trade`.
fn nearest_actor(w: &Words, in_quote: &[bool], start: usize, cue: usize) -> Option<Phrase> {
    let mut k = cue;
    while k > start {
        k -= 1;
        if in_quote[k] || !w.is_word(k) {
            continue;
        }
        let next = k + 1;
        if next >= cue || in_quote[next] || !w.is_word(next) || w.is_capitalised(next) {
            continue;
        }
        let follower = w.word(next);
        if cues::stops_phrase(follower) || cues::is_determiner(follower) || w.is_possessive(next) {
            continue;
        }
        if cues::is_pronoun(w.word(k)) && !w.word(k).eq_ignore_ascii_case("it") {
            return Some(Phrase {
                span: w.tokens[k].span,
                kind: SpeakerKind::Pronoun,
            });
        }
        if let Some((a, b)) = w.name_run_ending(k, start) {
            let p = w.classify_run(a, b);
            if p.kind == SpeakerKind::Name {
                return Some(p);
            }
        }
    }
    None
}

/// `Holsman said about halfway through the filibuster. “I don't think that's the case.”`: a quote
/// that opens a sentence with no cue of its own, right after a sentence of the same paragraph whose
/// cue has no quote, continues that sentence's speaker. Also `McConnell delivered a blunt
/// message: “…”`: a quote after a colon is said by the subject of the colon's clause.
fn said_in_sentence_before(
    w: &Words,
    in_quote: &[bool],
    c: &Candidate,
    sentence: usize,
) -> Option<Phrase> {
    let first = c.tokens.0;
    if first > c.para_tokens.0 && w.word(first - 1) == ":" {
        // `Republican pollster Daron Shaw: “…”`: a name right before the colon.
        if first >= 2 {
            if let Some((a, b)) = w.name_run_ending(first - 2, c.para_tokens.0) {
                let p = w.classify_run(a, b);
                if matches!(p.kind, SpeakerKind::Name | SpeakerKind::Organisation) {
                    return Some(p);
                }
            }
        }
        if let Some(p) = w.clause_subject(sentence, first - 1) {
            return Some(p);
        }
    }
    if first == c.para_tokens.0 {
        // The quote opens its paragraph: the last sentence of the paragraph before, if it has a
        // cue and no quote (`Kerry said that 100,000 would be accepted.` then `“That adds up…”`).
        let (p0, p1) = c.prev_para_tokens?;
        if p1 <= p0 {
            return None;
        }
        let end = p1 - 1;
        let mut start = end;
        while start > p0 && end - start < FRAME_BEFORE && !ends_sentence(w, start - 1) {
            start -= 1;
        }
        if (start..p1).any(|k| in_quote[k]) {
            return None;
        }
        return cue_before(w, in_quote, start, end);
    }
    if sentence != first {
        return None;
    }
    let end = first - 1;
    let mut start = end;
    while start > c.para_tokens.0 && end - start < FRAME_BEFORE && !ends_sentence(w, start - 1) {
        start -= 1;
    }
    if (start..end).any(|k| in_quote[k]) {
        return None;
    }
    cue_before(w, in_quote, start, end)
}

/// `“…” — Bernie Sanders.`, or the quote alone in its paragraph and `- Sanders.` opening the next:
/// a quote signed with a dash and a name, as fact checks and quote boxes print them.
fn signed_with_dash(w: &Words, c: &Candidate) -> Option<Phrase> {
    let mut i = c.tokens.1;
    while i < c.para_tokens.1 && matches!(w.word(i), "," | ".") {
        i += 1;
    }
    if i >= w.tokens.len() || !matches!(w.word(i), "-" | "—" | "–" | "--") {
        return None;
    }
    if i == c.para_tokens.1 && c.tokens.0 != c.para_tokens.0 {
        // The dash opens the next paragraph: only a quote that is its paragraph signs that way.
        return None;
    }
    let ceiling = w.tokens.len().min(i + 12);
    let (a, b) = w.name_run_starting(i + 1, ceiling)?;
    let ends = b + 1 >= w.tokens.len() || matches!(w.word(b + 1), "," | "." | "(" | ";");
    if a != i + 1 || !ends {
        return None;
    }
    let p = w.classify_run(a, b);
    matches!(p.kind, SpeakerKind::Name | SpeakerKind::Organisation).then_some(p)
}

/// A quote that opens a paragraph after one ending in a colon (`Cruz continued:`) is introduced by
/// it: the speaker is the subject of that paragraph's last sentence.
fn introduced_by_colon(w: &Words, in_quote: &[bool], c: &Candidate) -> Option<Phrase> {
    if c.tokens.0 != c.para_tokens.0 || c.para_tokens.0 == 0 {
        return None;
    }
    let colon = c.para_tokens.0 - 1;
    if w.word(colon) != ":" {
        return None;
    }
    let mut sentence = colon;
    while sentence > 0 && colon - sentence < FRAME_BEFORE && !ends_sentence(w, sentence - 1) {
        sentence -= 1;
    }
    if let Some(p) = cue_before(w, in_quote, sentence, colon) {
        return Some(p);
    }
    w.clause_subject(sentence, colon)
}

/// Pass 3: is each quote speech, or a quoted name or title?
///
/// Speech: a quote with a speaker, one with a cue in its sentence, one that continues a quote, or
/// one that reads as a sentence (`reads_as_sentence`). Markup (`<tweet id="…">`) is never speech. A title (`“Good Morning America”`, two or more
/// words, every long one capitalised) or a phrase after a naming word (`so-called`, `termed`, `the
/// show`) is speech only when its cue stands right next to it (`he said, “Yes We Can”`), since a
/// cue elsewhere in the sentence (`she told ABC's “Good Morning America”`) is about something else.
#[inline(never)]
fn speech_pass(
    w: Words,
    candidates: &mut [Candidate],
    model: Option<&SpeechModel>,
    mut examples: Option<&mut Vec<SpeechExample>>,
) {
    // Each quote as a title and after a naming word, read once; and the phrases the article
    // presents as names somewhere.
    let naming: Vec<(bool, bool)> = candidates
        .iter()
        .map(|c| {
            (
                is_title(w.text, c.marks.inner),
                follows_naming_word(&w, c.tokens.0),
            )
        })
        .collect();
    let names: HashSet<String> = candidates
        .iter()
        .zip(&naming)
        .filter(|(_, &(title, naming_word))| title || naming_word)
        .map(|(c, _)| phrase_key(w.text, c.marks.inner))
        .collect();
    for (c, &(title, naming_word)) in candidates.iter_mut().zip(&naming) {
        let before = w.text[..c.marks.span.start].trim_end();
        if before.ends_with('=') {
            c.phrase = None;
            c.speech = false;
            continue;
        }
        // A possessive owns a name, never words: `CNN’s “New Day,” Sanders said`.
        let owned = owned_name(&w, c);
        let named = title || naming_word;
        let adjacent = cue_adjacent(&w, c);
        if owned || (named && c.phrase.is_some() && !adjacent) {
            c.phrase = None;
        }
        let determiner = after_determiner(&w, c);
        let rule = !owned
            && (c.phrase.is_some()
                || (c.cued && !named)
                || c.continues
                || (!named && reads_as_sentence(w.text, c.marks.inner, determiner)));
        c.speech = rule;
        if model.is_none() && examples.is_none() {
            continue;
        }
        let signals = speech::Signals {
            rule,
            named,
            title,
            naming_word,
            owned,
            after_determiner: determiner,
            cue_adjacent: adjacent,
        };
        let features = speech::features(&w, c, &signals);
        if let Some(m) = model {
            c.speech = m.is_speech(&features, rule);
            // `termed the “coalition of the willing”` … `assembling the “coalition of the
            // willing,”`: the model never makes speech of a phrase the article elsewhere presents
            // as a name.
            if !rule && !named && names.contains(&phrase_key(w.text, c.marks.inner)) {
                c.speech = false;
            }
        }
        if let Some(ex) = examples.as_deref_mut() {
            ex.push(SpeechExample {
                span: c.marks.span,
                features,
                rule,
            });
        }
    }
}

/// A quoted phrase's words, lower-cased, without the punctuation at its ends: the same name
/// however the sentence around it punctuates it.
fn phrase_key(text: &str, inner: Span) -> String {
    inner
        .of(text)
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// `“Good Morning America”`, `“State of the Union,”`: two or more words and every word of four or
/// more letters capitalised.
fn is_title(text: &str, inner: Span) -> bool {
    let words: Vec<&str> = inner
        .of(text)
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let long = words.iter().filter(|w| w.chars().count() >= 4).count();
    long >= 2
        && words.len() <= 8
        && words.iter().all(|w| {
            w.chars().count() < 4 || w.starts_with(|c: char| c.is_uppercase() || c.is_numeric())
        })
        && words[0].starts_with(|c: char| c.is_uppercase() || c.is_numeric())
}

/// `CNN’s “New Day,”`, `Fox News Channel’s “Hannity,”`: capitalised words right after a
/// possessive are the name of a show or a work, not speech.
#[inline(never)]
fn owned_name(w: &Words, c: &Candidate) -> bool {
    let first = c.tokens.0;
    if first == 0 || !w.is_possessive(first - 1) {
        return false;
    }
    let words: Vec<&str> = c
        .marks
        .inner
        .of(w.text)
        .split_whitespace()
        .map(|x| x.trim_matches(|ch: char| !ch.is_alphanumeric()))
        .filter(|x| !x.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 8
        && words
            .iter()
            .all(|x| x.chars().count() <= 3 || x.starts_with(|ch: char| ch.is_uppercase()))
        && words[0].starts_with(|ch: char| ch.is_uppercase())
}

/// Whether the word before the quote (past a determiner) names rather than quotes: `so-called`,
/// `termed`, `dubbed`, `titled`, or a kind of work (`the show “New Day”`).
#[inline(never)]
fn follows_naming_word(w: &Words, first: usize) -> bool {
    if first == 0 {
        return false;
    }
    let mut p = first - 1;
    // `termed the “coalition of the willing”`: look past a determiner.
    if p > 0 && cues::is_determiner(w.word(p)) {
        p -= 1;
    }
    // As written: `Song` is a name, `song` a kind of work.
    matches!(
        w.word(p),
        "so-called"
            | "termed"
            | "dubbed"
            | "titled"
            | "entitled"
            | "show"
            | "program"
            | "programme"
            | "book"
            | "film"
            | "movie"
            | "song"
            | "album"
            | "series"
            | "novel"
            | "slogan"
            | "hashtag"
            | "headline"
            | "article"
            | "column"
            | "op-ed"
            | "essay"
            | "magazine"
            | "newspaper"
            | "anthem"
            | "play"
            | "musical"
            | "documentary"
            | "read"
            | "known"
            | "nicknamed"
            | "named"
    )
}

/// Whether the quote's cue is right next to it: `said “…”`, `said: “…”`, `“…,” he said`.
#[inline(never)]
fn cue_adjacent(w: &Words, c: &Candidate) -> bool {
    let mut k = c.tokens.0;
    while k > c.para_tokens.0 && matches!(w.word(k - 1), "," | ":") {
        k -= 1;
    }
    if k > c.para_tokens.0 && w.is_cue(k - 1) {
        return true;
    }
    // `called Merkel “The Chancellor of the Free World”`: a calling verb, its object, the quote.
    let reach = k.saturating_sub(4).max(c.para_tokens.0);
    if let Some(cue) = (reach..k).rev().find(|&j| w.is_cue(j)) {
        let calling = matches!(
            w.word(cue),
            "called" | "calls" | "calling" | "call" | "labeled" | "labelled" | "branded"
        );
        if calling && (cue + 1..k).all(|j| w.is_word(j) && !w.is_possessive(j)) {
            return true;
        }
    }
    c.attribution == Some(Attribution::CueAfter)
}

/// Words from which a quote with no cue is speech even when it starts in lower case. Tuned on
/// PolNeAR train, whose annotators count most quoted clauses of three words or more as speech
/// (“still in the game.”) and single words (“establishment”) as often not.
const LONG_QUOTE_WORDS: usize = 3;

/// Words from which a lower-case quote right after a determiner (`the “coalition of the
/// willing,”`) is speech: there a short one is a noun phrase, a name.
const NOUN_PHRASE_WORDS: usize = 6;

/// Whether a determiner stands right before the quote: `the “…”`, `a “…”`.
fn after_determiner(w: &Words, c: &Candidate) -> bool {
    c.tokens.0 > c.para_tokens.0 && cues::is_determiner(w.word(c.tokens.0 - 1))
}

/// A quote that reads as a sentence or a clause is speech even with no cue in sight.
fn reads_as_sentence(text: &str, inner: Span, after_determiner: bool) -> bool {
    let s = inner.of(text).trim();
    let words = s.split_whitespace().count();
    let capital = s.starts_with(|c: char| c.is_uppercase() || c == '…' || c == '.');
    if after_determiner && !capital {
        return words >= NOUN_PHRASE_WORDS;
    }
    // `“freak out.”`, `“enemy,”`: a lower-case phrase that carries its sentence's punctuation
    // inside the marks is cut from speech more often than it names something.
    let punctuated = !capital && s.ends_with(['.', ',', '!', '?']);
    (capital && words >= 3) || words >= LONG_QUOTE_WORDS || punctuated
}

/// Pass 4: speech with no cue of its own takes a neighbour's speaker.
#[inline(never)]
fn inherit_pass(candidates: &mut [Candidate]) {
    // `next_attributed[k]`: the first quote at or after `k` in the same paragraph with a speaker
    // phrase of its own. One backward pass, so a paragraph of many quotes stays linear.
    let mut next_attributed: Vec<Option<usize>> = vec![None; candidates.len()];
    for k in (0..candidates.len()).rev() {
        next_attributed[k] = if candidates[k].phrase.is_some() {
            Some(k)
        } else if k + 1 < candidates.len() && candidates[k + 1].paragraph == candidates[k].paragraph
        {
            next_attributed[k + 1]
        } else {
            None
        };
    }
    // Nearest attributed quote in the same paragraph: the one before, else the one after.
    let mut last_with_speaker: Option<usize> = None;
    // The last quote with a speaker, in any paragraph.
    let mut recent: Option<usize> = None;
    for k in 0..candidates.len() {
        let c = candidates[k];
        if k > 0 && candidates[k - 1].paragraph != c.paragraph {
            // The paragraph changed: a quote that opens this one continues the previous
            // paragraph's speaker only when the previous paragraph was directly before.
            let prev = candidates[k - 1];
            let adjacent = prev.paragraph + 1 == c.paragraph;
            let opens_paragraph = c.tokens.0 == c.para_tokens.0;
            // ...and when that paragraph ends with its quote and attribution, not with narration.
            let ends_quoting = prev.para_tokens.1 - prev.tokens.1 <= FRAME_AFTER;
            if !(adjacent && opens_paragraph && ends_quoting) {
                last_with_speaker = None;
            }
        }
        if c.phrase.is_some() {
            last_with_speaker = Some(k);
            recent = Some(k);
            continue;
        }
        if !c.speech {
            continue;
        }
        if let Some(j) = last_with_speaker {
            let from = candidates[j].inherits.unwrap_or(j);
            candidates[k].inherits = Some(from);
            candidates[k].attribution = Some(if candidates[j].paragraph == c.paragraph {
                Attribution::SameParagraph
            } else {
                Attribution::PreviousParagraph
            });
            last_with_speaker = Some(k);
        } else if let Some(j) = next_attributed[k] {
            candidates[k].inherits = Some(j);
            candidates[k].attribution = Some(Attribution::SameParagraph);
        } else if let Some(j) = recent.filter(|&j| {
            c.tokens.0 == c.para_tokens.0
                && c.fallback.is_none()
                && candidates[j].paragraph + RECENT_PARAGRAPHS >= c.paragraph
        }) {
            // A quote that opens a paragraph with no cue anywhere near it: in news, the person
            // quoted a paragraph or two before, whose words run on after a line of narration.
            candidates[k].inherits = Some(candidates[j].inherits.unwrap_or(j));
            candidates[k].attribution = Some(Attribution::PreviousParagraph);
        }
        if candidates[k].inherits.is_some() {
            recent = Some(k);
        }
    }
}

/// How many paragraphs back a quote with no cue looks for the last speaker.
const RECENT_PARAGRAPHS: usize = 3;

/// `mask[i]` is whether article token `i` lies inside a quote.
#[inline(never)]
fn quote_mask(n: usize, candidates: &[Candidate]) -> Vec<bool> {
    let mut mask = vec![false; n];
    for c in candidates {
        for m in &mut mask[c.tokens.0.min(n)..c.tokens.1.min(n)] {
            *m = true;
        }
    }
    mask
}

/// Resolves speaker phrases to names and clusters.
struct Resolver<'a> {
    words: Words<'a>,
    names: &'a NameIndex,
    mentions: &'a [EntityMention],
    in_quote: &'a [bool],
}

/// Tokens a pronoun looks back over for its antecedent.
const PRONOUN_REACH: usize = 200;

impl Resolver<'_> {
    #[inline(never)]
    fn resolve(&self, phrase: Phrase) -> SpeakerSeg {
        let text = self.words.text;
        let mention = self.mention_overlapping(phrase.span);
        // A name takes the tagger's span (`Peskov`, not `Kremlin spokesman Dmitry Peskov said`);
        // an organisation keeps the phrase as written, owner and all (`Ukraine's General Staff`).
        let span = match (phrase.kind, mention) {
            (SpeakerKind::Name, Some(m)) => m.span,
            _ => phrase.span,
        };
        let (name, cluster) = match phrase.kind {
            SpeakerKind::Name => (
                Some(self.names.fullest(text, span)),
                mention.and_then(|m| m.cluster),
            ),
            SpeakerKind::Organisation => (Some(span), mention.and_then(|m| m.cluster)),
            SpeakerKind::Description => {
                match self.names.resolve_description(text, span, span.start) {
                    Some(n) => (
                        Some(self.names.fullest(text, n)),
                        self.mention_overlapping(n).and_then(|m| m.cluster),
                    ),
                    None => (None, mention.and_then(|m| m.cluster)),
                }
            }
            SpeakerKind::Pronoun => {
                let first = self
                    .words
                    .tokens
                    .partition_point(|t| t.span.start < span.start);
                match self.antecedent(span, first) {
                    Some((n, cluster)) => (Some(self.names.fullest(text, n)), cluster),
                    None => (None, None),
                }
            }
        };
        SpeakerSeg {
            span,
            kind: phrase.kind,
            name,
            cluster,
        }
    }

    /// A person or organisation mention overlapping `span`.
    fn mention_overlapping(&self, span: Span) -> Option<&EntityMention> {
        let i = self.mentions.partition_point(|m| m.span.end <= span.start);
        self.mentions[i..]
            .iter()
            .take_while(|m| m.span.start < span.end)
            .find(|m| matches!(m.kind, MentionKind::Person | MentionKind::Organisation))
    }

    /// The nearest person (or, for `it` and `they`, organisation) named before the pronoun at
    /// `pronoun`: the first one in the nearest sentence that has one, since a sentence's first
    /// name is most often its subject. Names inside quotes are skipped.
    fn antecedent(&self, pronoun: Span, token: usize) -> Option<(Span, Option<usize>)> {
        let w = self.words;
        let lower = lower(pronoun.of(w.text));
        if matches!(&*lower, "i" | "we") {
            return None;
        }
        if lower == "who" {
            // `Beck, who …`: the person named last before the relative pronoun in its sentence.
            let mut start = token;
            while start > 0 && (self.in_quote[start - 1] || !ends_sentence(&w, start - 1)) {
                start -= 1;
            }
            if let Some(found) = (start..token).rev().find_map(|i| self.person_at(i, token)) {
                return Some(found);
            }
        }
        let groups_too = matches!(&*lower, "it" | "they");
        let floor = token.saturating_sub(PRONOUN_REACH);
        let mut end = token;
        while end > floor {
            let mut start = end;
            while start > floor && (self.in_quote[start - 1] || !ends_sentence(&w, start - 1)) {
                start -= 1;
            }
            if let Some(found) = self.first_person(start, end, groups_too) {
                return Some(found);
            }
            end = start.saturating_sub(1).max(floor);
            if start == floor {
                break;
            }
        }
        None
    }

    /// A person named starting at token `i` (a run reaching no further than `end`), outside quotes.
    fn person_at(&self, i: usize, end: usize) -> Option<(Span, Option<usize>)> {
        let w = self.words;
        if self.in_quote[i] {
            return None;
        }
        if !self.mentions.is_empty() {
            let span = w.tokens[i].span;
            let k = self.mentions.partition_point(|m| m.span.start < span.start);
            return self
                .mentions
                .get(k)
                .filter(|m| m.span.start == span.start && m.kind == MentionKind::Person)
                .map(|m| (m.span, m.cluster));
        }
        let (a, b) = w.name_run_starting(i, end)?;
        let p = w.classify_run(a, b);
        (a == i && p.kind == SpeakerKind::Name && self.names.is_person(w.text, p.span))
            .then_some((p.span, None))
    }

    fn first_person(
        &self,
        start: usize,
        end: usize,
        groups_too: bool,
    ) -> Option<(Span, Option<usize>)> {
        let w = self.words;
        let mut i = start;
        while i < end {
            if self.in_quote[i] {
                i += 1;
                continue;
            }
            if !self.mentions.is_empty() {
                let span = w.tokens[i].span;
                let k = self.mentions.partition_point(|m| m.span.start < span.start);
                if let Some(m) = self.mentions.get(k).filter(|m| m.span.start == span.start) {
                    let fits = m.kind == MentionKind::Person
                        || (groups_too && m.kind == MentionKind::Organisation);
                    if fits {
                        return Some((m.span, m.cluster));
                    }
                }
            } else if let Some((a, b)) = w.name_run_starting(i, end) {
                let p = w.classify_run(a, b);
                let fits = match p.kind {
                    SpeakerKind::Name => self.names.is_person(w.text, p.span),
                    SpeakerKind::Organisation => groups_too,
                    _ => false,
                };
                if fits {
                    return Some((p.span, None));
                }
                i = b + 1;
                continue;
            }
            i += 1;
        }
        None
    }
}

impl Attribution {
    /// The name used in the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Attribution::CueAfter => "cue_after",
            Attribution::CueBefore => "cue_before",
            Attribution::SameParagraph => "same_paragraph",
            Attribution::PreviousParagraph => "previous_paragraph",
        }
    }
}

/// Converts the stage's findings to the contract, with `ch` mapping byte offsets to code points.
#[inline(never)]
pub fn to_contract(
    text: &str,
    found: &QuoteFindings,
    ch: impl Fn(usize) -> usize,
) -> (Vec<model::Quote>, Vec<model::QuotedPhrase>) {
    let quotes = found
        .quotes
        .iter()
        .map(|q| model::Quote {
            start: ch(q.span.start),
            end: ch(q.span.end),
            speaker: q.speaker.map(|s| model::Speaker {
                start: ch(s.span.start),
                end: ch(s.span.end),
                cluster: s.cluster,
                kind: s.kind.as_str().to_string(),
                name: s.name.map(|n| n.of(text).to_string()),
            }),
            paragraph: q.paragraph,
            attribution: q.attribution.map(|a| a.as_str().to_string()),
            source: None,
        })
        .collect();
    let phrases = found
        .phrases
        .iter()
        .map(|p| model::QuotedPhrase {
            start: ch(p.start),
            end: ch(p.end),
        })
        .collect();
    (quotes, phrases)
}

#[cfg(test)]
mod tests;
