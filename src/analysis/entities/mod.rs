//! Entities: people, organisations, places and other names (a statistical tagger trained on
//! CoNLL-2003), plus rule-based money, percentages, quantities and ordinals, grouped into clusters
//! of mentions of one thing.
//!
//! The tagger is an averaged structured perceptron over hashed features (`features`), decoded with
//! Viterbi (`tagger`); its weights ship inside the binary (`model`). A document is tagged twice when
//! the model asks for it: the second pass sees how the first pass typed each word elsewhere in the
//! same article, since one article rarely uses one name for two kinds of thing.

mod acronyms;
mod affiliations;
mod affixed_names;
mod appositions;
pub mod clusters;
mod conventions;
mod datelines;
mod employers;
mod exclamations;
mod families;
pub mod features;
pub mod gazetteer;
mod headlines;
mod long_names;
pub mod model;
mod name_table;
mod nicknames;
pub mod numeric;
mod offices;
pub mod overlay;
pub mod packed;
mod paired_names;
mod party_members;
mod programmes;
mod race_words;
mod recent;
mod regions;
mod roles;
mod scoring;
pub mod sentence;
mod short_forms;
mod surname_particles;
pub mod tagger;
mod teams;
mod titled_names;
pub mod wordclass;

use features::DocContext;
use gazetteer::Gazetteer;
use model::Model;
use overlay::Overlay;

use super::model::Role;
use super::segment::{Doc, SentenceSeg};
use super::span::Span;

/// One entity mention, in byte offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub span: Span,
    /// `PER`, `ORG`, `LOC`, `MISC` (the tagger) or `MONEY`, `PERCENT`, `QUANTITY`, `ORDINAL`,
    /// `CARDINAL` (the rules).
    pub label: &'static str,
    /// Indices into the `Doc`'s sentences and paragraphs.
    pub sentence: usize,
    pub paragraph: usize,
    /// The title or job that introduces a person: `U.S. Secretary of State` before `Marco Rubio`.
    pub role: Option<Span>,
    /// Index into `Entities::clusters`; names only, never numbers.
    pub cluster: Option<usize>,
    /// The mention is one of the reader's own names (`crate::lexicon`), with the type the reader
    /// gave it, so the view can say where the mark came from.
    pub from_lexicon: bool,
}

/// The mentions of one thing.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityCluster {
    /// The longest mention's text: `Vladimir Putin`, `United States`.
    pub name: String,
    pub label: String,
    /// Indices into `Entities::mentions`, in text order.
    pub mentions: Vec<usize>,
    /// The first role any mention carries.
    pub role: Option<String>,
}

/// The stage's output.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entities {
    pub mentions: Vec<Mention>,
    pub clusters: Vec<EntityCluster>,
}

impl Entities {
    /// Mentions of each cluster outside captions: `roles[p]` is paragraph `p`'s role (the captions
    /// stage fills these; a missing role counts as body). Same order as `clusters`.
    pub fn body_counts(&self, roles: &[Role]) -> Vec<usize> {
        self.clusters
            .iter()
            .map(|c| {
                c.mentions
                    .iter()
                    .filter(|&&m| {
                        roles
                            .get(self.mentions[m].paragraph)
                            .copied()
                            .unwrap_or_default()
                            != Role::Caption
                    })
                    .count()
            })
            .collect()
    }
}

impl Entities {
    /// Drops the rules' numbers (`CARDINAL`, `ORDINAL`, `QUANTITY`, ...) that overlap one of
    /// `dates`, the time stage's expressions: `three` in `three days` and `over two` against
    /// `two weeks` are part of a date or a duration, as the OntoNotes guidelines have it, not a
    /// count of their own, and the reader would see two marks on one word. Names never go, and
    /// the clusters' mention indices follow the mentions that stay.
    pub fn drop_numbers_in(&mut self, dates: &[Span]) {
        let inside = |m: &Mention| {
            m.cluster.is_none()
                && !tagger::TYPES.contains(&m.label)
                && dates.iter().any(|d| d.overlaps(m.span))
        };
        if !self.mentions.iter().any(inside) {
            return;
        }
        let mut new_index = Vec::with_capacity(self.mentions.len());
        let mut kept = 0;
        for m in &self.mentions {
            new_index.push(kept);
            kept += usize::from(!inside(m));
        }
        self.mentions.retain(|m| !inside(m));
        for cluster in &mut self.clusters {
            for i in &mut cluster.mentions {
                *i = new_index[*i];
            }
        }
    }
}

/// Finds and clusters the entities of a segmented text with the shipped tagger. `roles` has one
/// entry per paragraph (missing ones are body), from the captions stage. `lexicon` is the
/// reader's names (`Overlay`), if any.
#[inline(never)]
pub fn find(text: &str, doc: &Doc, roles: &[Role], lexicon: Option<&Overlay>) -> Entities {
    find_with(text, doc, roles, Tagger::shipped(), lexicon)
}

/// Whether a paragraph the line model calls furniture reads as the story's prose all the same:
/// a full sentence of eight words or more with no link or copyright notice. Menus, share bars
/// and footers are not written so; a listicle's quoted reader comments are, and the quote stage
/// needs their names for its speakers.
#[inline(never)]
fn reads_as_story(paragraph: &str) -> bool {
    let trimmed = paragraph.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ' ']);
    let lower = paragraph.to_lowercase();
    let words = paragraph.split_whitespace().count();
    ((words >= 8 && trimmed.ends_with(['.', '!', '?']))
        || (words >= 4 && paragraph.contains(['"', '\u{201c}'])))
        && !lower.contains("http")
        && !lower.contains("www.")
        && !lower.contains('\u{a9}')
        && !lower.contains("copyright")
        && !lower.contains("all rights reserved")
}

/// Finds and clusters the entities of a segmented text. Each article is one document for the
/// tagger's document-level features.
///
/// Page furniture (paragraphs whose role is `Boilerplate`, menus, share bars, footers, unless
/// they read as prose: `reads_as_story`) is not read
/// at all: it gets no mentions, and its words do not feed the document-level features, since a
/// menu's "Rugby Soccer Cricket" says nothing about how the story uses its names. Captions,
/// credits and headings are read like the body; their mentions are counted apart later.
pub fn find_with(
    text: &str,
    doc: &Doc,
    roles: &[Role],
    tagger: &Tagger,
    lexicon: Option<&Overlay>,
) -> Entities {
    let mut mentions = Vec::new();
    let furniture = |paragraph: usize| {
        roles.get(paragraph) == Some(&Role::Boilerplate)
            && !doc
                .paragraphs
                .get(paragraph)
                .is_some_and(|p| reads_as_story(p.span.of(text)))
    };
    for article in &doc.articles {
        let first_mention = mentions.len();
        let sentence_range = match (
            doc.paragraphs.get(article.paragraphs.start),
            article
                .paragraphs
                .end
                .checked_sub(1)
                .and_then(|p| doc.paragraphs.get(p)),
        ) {
            (Some(first), Some(last)) => first.sentences.start..last.sentences.end,
            _ => continue,
        };
        let sentences: Vec<(usize, &SentenceSeg)> = doc.sentences[sentence_range.clone()]
            .iter()
            .enumerate()
            .map(|(k, s)| (sentence_range.start + k, s))
            .filter(|(_, s)| !furniture(s.paragraph))
            .collect();
        let tokens: Vec<Vec<&str>> = sentences
            .iter()
            .map(|(_, s)| {
                doc.tokens[s.tokens.clone()]
                    .iter()
                    .map(|t| t.span.of(text))
                    .collect()
            })
            .collect();
        let mut labels = tagger.tag_document_with(&tokens, lexicon);
        if let Some(dateline) = &article.dateline {
            for ((_, sentence), labels) in sentences.iter().zip(labels.iter_mut()) {
                if sentence.span.contains(dateline.place) {
                    let tokens = &doc.tokens[sentence.tokens.clone()];
                    datelines::dateline_places(text, dateline, tokens, labels);
                }
            }
        }
        for (&(index, sentence), (words, labels)) in
            sentences.iter().zip(tokens.iter().zip(&labels))
        {
            let spans_of = &doc.tokens[sentence.tokens.clone()];
            let byte_span =
                |a: usize, b: usize| Span::new(spans_of[a].span.start, spans_of[b - 1].span.end);
            let mut blocked = vec![false; words.len()];
            let mut found: Vec<(usize, usize, &'static str, Option<Span>)> = Vec::new();
            let mut names = tagger::spans(labels);
            split_titled_people(words, &mut names, tagger.gazetteer);
            for &(a, b, k) in &names {
                // After an honorific (`Mr. King`, see `conventions`) a name is a person's even
                // when its words are titles elsewhere.
                let honorific = a > 0 && roles::is_honorific(words[a - 1]);
                let (a, role, k) = if k == 0 {
                    let (start, role) = roles::split_title(words, a, b, &names);
                    // A person's name is never made of title words alone: `General Staff` names
                    // a body, so the whole span is an organisation. After an honorific it is a
                    // name all the same (`Mr. King`).
                    if !honorific && roles::all_titles(&words[start..b]) {
                        (role.map_or(a, |(x, _)| x.min(a)), None, 1)
                    } else {
                        (start, role, k)
                    }
                } else {
                    (a, None, k)
                };
                blocked[a..b].iter_mut().for_each(|x| *x = true);
                found.push((a, b, tagger::TYPES[k], role.map(|(x, y)| byte_span(x, y))));
            }
            for (a, b, label) in numeric::find(words, &blocked) {
                found.push((a, b, label, None));
            }
            found.sort_by_key(|f| f.0);
            for (a, b, label, role) in found {
                let span = byte_span(a, b);
                mentions.push(Mention {
                    span,
                    label,
                    sentence: index,
                    paragraph: sentence.paragraph,
                    role,
                    cluster: None,
                    from_lexicon: lexicon.is_some_and(|l| l.is_reader_name(span.of(text), label)),
                });
            }
        }
        titled_names::same_person(text, &mut mentions[first_mention..]);
    }
    let clusters = cluster_mentions(text, &mut mentions);
    Entities { mentions, clusters }
}

/// Splits `Moscow Mayor Sergei Sobyanin` (tagged as one organisation) into `Moscow` and the person
/// `Sergei Sobyanin`; the title between them becomes the person's role (`split_title`). The head
/// is a place when the gazetteer knows it as one (a mayor's city), else it keeps the tagger's type.
#[inline(never)]
fn split_titled_people(
    words: &[&str],
    names: &mut Vec<(usize, usize, usize)>,
    gazetteer: &Gazetteer,
) {
    const PER: usize = 0;
    const LOC: usize = 2;
    let mut out = Vec::with_capacity(names.len());
    for &(a, b, k) in names.iter() {
        // `National Urban League` and `General Motors Co` are organisations, not the titles
        // `National` and `General` before a person.
        let institution =
            long_names::is_org_head(words[b - 1]) || long_names::is_company_suffix(words[b - 1]);
        match roles::split_titled_person(words, a, b).filter(|_| k != PER && !institution) {
            Some((head_end, person)) => {
                if head_end > a {
                    let lower: Vec<String> = words[a..head_end]
                        .iter()
                        .map(|w| features::lower_form(&features::normalize(w)))
                        .collect();
                    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
                    let place = gazetteer.names_a_place(&lower);
                    out.push((a, head_end, if place { LOC } else { k }));
                }
                out.push((person, b, PER));
            }
            None => out.push((a, b, k)),
        }
    }
    *names = out;
}

#[inline(never)]
fn cluster_mentions(text: &str, mentions: &mut [Mention]) -> Vec<EntityCluster> {
    let named: Vec<usize> = (0..mentions.len())
        .filter(|&i| tagger::TYPES.contains(&mentions[i].label))
        .collect();
    let normalized: Vec<String> = named
        .iter()
        .map(|&i| features::normalize(mentions[i].span.of(text)))
        .collect();
    let texts: Vec<clusters::MentionText> = named
        .iter()
        .zip(&normalized)
        .map(|(&i, t)| clusters::MentionText {
            words: t.split_whitespace().collect(),
            label: mentions[i].label,
        })
        .collect();
    clusters::cluster(&texts)
        .into_iter()
        .enumerate()
        .map(|(id, group)| {
            let members: Vec<usize> = group.mentions.iter().map(|&k| named[k]).collect();
            for &m in &members {
                mentions[m].cluster = Some(id);
            }
            let role = members
                .iter()
                .find_map(|&m| mentions[m].role.map(|r| r.of(text).to_string()));
            EntityCluster {
                name: group.name,
                label: group.label,
                mentions: members,
                role,
            }
        })
        .collect()
}

/// A model and a gazetteer: everything needed to tag tokens.
#[derive(Debug, Clone, Copy)]
pub struct Tagger<'a> {
    pub model: &'a Model,
    pub gazetteer: &'a Gazetteer,
}

impl Tagger<'static> {
    /// The shipped model and gazetteer.
    pub fn shipped() -> &'static Tagger<'static> {
        static TAGGER: std::sync::OnceLock<Tagger<'static>> = std::sync::OnceLock::new();
        TAGGER.get_or_init(|| Tagger {
            model: Model::shipped(),
            gazetteer: Gazetteer::shipped(),
        })
    }
}

impl Tagger<'_> {
    /// BIO labels (see `tagger`) for every token of every sentence of one document.
    pub fn tag_document<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<Vec<u8>> {
        self.tag_document_with(sentences, None)
    }

    /// `tag_document`, reading the reader's names (`lexicon`) as well, if there are any.
    #[inline(never)]
    pub fn tag_document_with<S: AsRef<str>>(
        &self,
        sentences: &[Vec<S>],
        lexicon: Option<&Overlay>,
    ) -> Vec<Vec<u8>> {
        let words = scoring::Words::new(sentences, self.model, self.gazetteer);
        let prepared = words.prepared();
        let mut context = DocContext::of_prepared(prepared.iter().map(Vec::as_slice));
        let overlay = lexicon.map(Overlay::gazetteer);
        let views: Vec<_> = prepared
            .iter()
            .enumerate()
            .map(|(k, tokens)| words.view(k, tokens, self.gazetteer, overlay))
            .collect();
        let lower: Vec<Vec<&str>> = prepared
            .iter()
            .map(|s| s.iter().map(|p| p.lower.as_str()).collect())
            .collect();
        // Whole matches of the recent names and of the reader's, for the conventions that act
        // on them (the reader's have the last say).
        let listed = [recent::names(), lexicon];
        let mut matches: [Vec<Vec<overlay::ReaderMatch>>; 2] = Default::default();
        if listed.iter().any(Option::is_some) {
            for (s, lower) in prepared.iter().zip(&lower) {
                let capitalized: Vec<bool> = s.iter().map(|p| p.capitalized).collect();
                let words: Vec<&str> = s.iter().map(|p| p.word.as_ref()).collect();
                for (names, found) in listed.iter().zip(&mut matches) {
                    if let Some(names) = names {
                        found.push(names.matches(&words, lower, &capitalized));
                    }
                }
            }
        }
        let [recent, reader] = &matches;
        let reads: Vec<conventions::Read> = lower
            .iter()
            .zip(&views)
            .enumerate()
            .map(|(k, (lower, view))| conventions::Read {
                lower,
                gaz: view.gaz(),
                recent: recent.get(k).map_or(&[], Vec::as_slice),
                reader: reader.get(k).map_or(&[], Vec::as_slice),
            })
            .collect();
        let doc_rows = words.doc_rows(&context, self.model);
        let mut out = Vec::new();
        let mut all_emissions = Vec::with_capacity(sentences.len());
        let mut labels: Vec<Vec<u8>> = Vec::with_capacity(sentences.len());
        for (k, view) in views.iter().enumerate() {
            let mut emissions = Vec::new();
            words.emissions(k, view, &context, &doc_rows, self.model, &mut emissions);
            self.decode(&emissions, &mut out);
            labels.push(out.clone());
            all_emissions.push(emissions);
        }
        // Conventions (known organisations, honorifics…) are settled before the second pass reads
        // the first pass's votes, so the article's other mentions follow them: `Time Warner` first,
        // then `Warner`.
        let mut settled = conventions::Settled::default();
        conventions::apply(sentences, &reads, &mut labels, self.gazetteer, &mut settled);
        if self.model.passes() < 2 {
            return labels;
        }
        // Second pass: a token's score is a sum over its features, so the vote features' scores
        // are added to the first pass's.
        context.add_votes(sentences, &entity_spans(&labels));
        let (mut feats, mut offsets, mut extra) = (Vec::new(), Vec::new(), Vec::new());
        for ((tokens, emissions), labels) in
            prepared.iter().zip(&mut all_emissions).zip(&mut labels)
        {
            features::vote_features_of(tokens, &context, &mut feats, &mut offsets);
            if feats.is_empty() {
                continue;
            }
            self.model.emissions(&feats, &offsets, &mut extra);
            for (e, x) in emissions.iter_mut().zip(&extra) {
                *e += x;
            }
            self.decode(emissions, labels);
        }
        conventions::apply(sentences, &reads, &mut labels, self.gazetteer, &mut settled);
        labels
    }

    fn decode(&self, emissions: &[f32], out: &mut Vec<u8>) {
        tagger::viterbi(emissions, self.model.transitions(), self.model.start(), out);
    }
}

/// `(sentence, start token, end token, type)` of every entity in per-sentence labels.
pub fn entity_spans(labels: &[Vec<u8>]) -> Vec<(usize, usize, usize, usize)> {
    labels
        .iter()
        .enumerate()
        .flat_map(|(s, l)| {
            tagger::spans(l)
                .into_iter()
                .map(move |(a, b, k)| (s, a, b, k))
        })
        .collect()
}
