//! Hand-made features of one paragraph (one line of the paste) and of its neighbourhood.
//!
//! A pasted web page is a column of lines: menus and link lists at the top, the headline, a
//! byline, the story, photo captions, then related links, comments and the footer. Without the
//! HTML, what tells them apart is their shape (length, final punctuation, function words, capital
//! letters), a few phrases (signals), repetition, and where a line sits relative to the long prose
//! lines of the story. Each feature is a short string such as `len:5` or `n1:prose`, so the model
//! file stays readable.
//!
//! Everything here is linear in the number of paragraphs: each line looks at a fixed window of
//! neighbours, and prefix/suffix passes carry the "before the first / after the last prose line"
//! facts.

use std::collections::HashMap;

use super::function_words::{ascii_stop_and_verb, is_stopword, is_verb};
use super::lowered::Lowered;
use super::signals;
use crate::analysis::feature_weights::FeatureList;

/// What one line looks like on its own.
#[derive(Debug, Clone, Default)]
pub struct LineFacts {
    pub chars: usize,
    pub words: usize,
    /// The line reads like running prose: long enough, ends like a sentence, has function words.
    pub prose: bool,
    pub ends_sentence: bool,
    pub photo_credit: bool,
    pub caption_opening: bool,
    pub calendar_date: bool,
    pub numeric_date: bool,
    pub scene: bool,
    pub clock_time: bool,
    pub byline: bool,
    pub contributor: bool,
    pub copyright: bool,
    pub prompt: bool,
    pub tail_header: bool,
    pub agency: bool,
    pub timestamp: bool,
    pub publication_stamp: bool,
    pub name_line: bool,
    pub contact: bool,
    pub position: bool,
    pub credit_label: bool,
    pub comment_signature: bool,
    pub reuse_notice: bool,
    pub picture_label: bool,
    pub author_note: bool,
    pub scene_verb: bool,
    /// How often the same text (white space collapsed) occurs in the paste.
    pub copies: usize,
    /// How many lines of the paste carry the same credit signal as this one (a byline, a
    /// publication stamp or a credit label; 0 for a line with none): three or more make a list.
    pub credit_kin: usize,
    stop_ratio: f32,
    cap_ratio: f32,
    digit_ratio: f32,
    verbish: bool,
    separators: usize,
    first_word: String,
    last_word: String,
    short_words: Vec<String>,
    first_char: char,
    last_char: char,
}

impl LineFacts {
    /// The facts of `line` alone; `copies` is filled in by `doc_facts`.
    pub fn of(line: &str) -> LineFacts {
        let lower_text = line.to_lowercase();
        let lower = Lowered::new(&lower_text);
        // One pass over the words, allocating only for the few kept as features.
        let mut n = 0;
        let (mut stops, mut caps, mut verbish) = (0, 0, false);
        let mut first_word = String::new();
        let mut last_word = "";
        // The first six words, lower-cased only if the line has no more (most lines have).
        let mut first_six = [""; 6];
        for w in line.split_whitespace() {
            n += 1;
            if w.chars().next().is_some_and(char::is_uppercase) {
                caps += 1;
            }
            let core = w.trim_matches(|c: char| !c.is_alphanumeric());
            let (is_stop, is_verb) = if core.is_ascii() {
                let ed = core.len() > 4 && core[core.len() - 2..].eq_ignore_ascii_case("ed");
                let (stop, verb) = ascii_stop_and_verb(core);
                (stop, verb || ed)
            } else {
                let l = core.to_lowercase();
                let ed = l.len() > 4 && l.ends_with("ed");
                (is_stopword(&l), is_verb(&l) || ed)
            };
            stops += usize::from(is_stop);
            verbish |= is_verb;
            if n == 1 {
                first_word = core.to_lowercase();
            }
            last_word = core;
            if n <= 6 {
                first_six[n - 1] = core;
            }
        }
        let short_words: Vec<String> = if n > 6 {
            Vec::new()
        } else {
            first_six[..n].iter().map(|w| w.to_lowercase()).collect()
        };
        let last_word = last_word.to_lowercase();
        let digits = line.chars().filter(char::is_ascii_digit).count();
        let chars = line.chars().count();
        let last_char = line.chars().next_back().unwrap_or(' ');
        let ends_sentence = matches!(
            last_char,
            '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')' | '…' | ':'
        ) && !line.ends_with("...")
            && !line.ends_with('…');
        let stop_ratio = ratio(stops, n);
        let prose = n >= 15 && ends_sentence && stop_ratio >= 0.1;
        let separators = line
            .chars()
            .filter(|c| matches!(c, '|' | '·' | '•' | '»' | '«' | '›'))
            .count()
            + line.matches(" - ").count();
        LineFacts {
            chars,
            words: n,
            prose,
            ends_sentence,
            photo_credit: signals::photo_credit_lower(&lower),
            caption_opening: signals::caption_opening_lower(&lower),
            calendar_date: signals::calendar_date_lower(&lower),
            numeric_date: signals::has_numeric_date(line),
            scene: signals::is_scene_description(line),
            clock_time: signals::has_clock_time(line),
            byline: signals::byline_lower(line, &lower),
            contributor: signals::contributor_lower(&lower),
            copyright: signals::copyright_lower(&lower),
            prompt: signals::prompt_lower(&lower),
            tail_header: signals::tail_header_lower(&lower),
            agency: signals::agency_lower(&lower),
            timestamp: signals::timestamp_lower(&lower),
            publication_stamp: signals::publication_stamp_lower(&lower),
            name_line: signals::name_line(line),
            contact: signals::contact_lower(&lower),
            position: signals::position_marker(&lower),
            credit_label: signals::credit_label_lower(&lower),
            comment_signature: signals::comment_signature_lower(&lower),
            reuse_notice: signals::reuse_notice_lower(&lower),
            picture_label: signals::picture_label_lower(&lower),
            author_note: signals::author_note(line, &lower),
            scene_verb: signals::scene_verb(line),
            copies: 1,
            credit_kin: 0,
            stop_ratio,
            cap_ratio: ratio(caps, n),
            digit_ratio: ratio(digits, chars),
            verbish,
            separators,
            first_word,
            last_word,
            short_words,
            first_char: line.chars().next().unwrap_or(' '),
            last_char,
        }
    }

    /// The named signals that hold for this line, as the first pass's `sig:` features name
    /// them.
    pub fn signal_names(&self) -> Vec<&'static str> {
        self.signals()
            .into_iter()
            .filter(|(on, _)| *on)
            .map(|(_, name)| name)
            .collect()
    }

    /// Every signal with its name.
    fn signals(&self) -> [(bool, &'static str); 22] {
        [
            (self.photo_credit, "photo_credit"),
            (self.caption_opening, "caption_opening"),
            (self.calendar_date, "date"),
            (self.numeric_date, "numdate"),
            (self.scene, "scene"),
            (self.clock_time, "time"),
            (self.byline, "byline"),
            (self.contributor, "contributor"),
            (self.copyright, "copyright"),
            (self.prompt, "prompt"),
            (self.tail_header, "tail_header"),
            (self.agency, "agency"),
            (self.timestamp, "timestamp"),
            (self.name_line, "name"),
            (self.contact, "contact"),
            (self.position, "position"),
            (self.credit_label, "credit_label"),
            (self.comment_signature, "comment_signature"),
            (self.reuse_notice, "reuse_notice"),
            (self.picture_label, "picture_label"),
            (self.author_note, "author_note"),
            (self.scene_verb, "scene_verb"),
        ]
    }

    /// A one-word summary of the line's shape, used for its neighbours' features.
    fn shape(&self) -> &'static str {
        if self.prose {
            "prose"
        } else if self.photo_credit || self.caption_opening {
            "caption"
        } else if self.words >= 15 {
            "long"
        } else if self.words >= 5 && self.ends_sentence {
            "sentence"
        } else if self.words >= 5 {
            "phrase"
        } else {
            "short"
        }
    }
}

fn ratio(part: usize, whole: usize) -> f32 {
    if whole == 0 {
        0.0
    } else {
        part as f32 / whole as f32
    }
}

/// A bucket of `x` in `0..=10`, coarse where small differences mean little.
fn decile(x: f32) -> usize {
    ((x * 10.0).floor() as usize).min(10)
}

/// A coarse signed bucket of a score margin: its sign and the binary digits of its size in
/// thousandths, capped, so small shifts in training move few lines across a bucket edge.
fn signed_bucket(m: i64) -> i64 {
    let b = i64::from(log_bucket((m.unsigned_abs() / 1000) as usize).min(7));
    if m < 0 {
        -b
    } else {
        b
    }
}

/// The number of binary digits of `n`: 0 for 0, 1 for 1, 2 for 2–3, 3 for 4–7 …
fn log_bucket(n: usize) -> u32 {
    usize::BITS - n.leading_zeros()
}

/// The facts of every line, with `copies` counted over the whole paste.
pub fn doc_facts(lines: &[&str]) -> Vec<LineFacts> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let keys: Vec<String> = lines.iter().map(|l| normalize(l)).collect();
    for k in &keys {
        *counts.entry(k.clone()).or_insert(0) += 1;
    }
    let mut facts: Vec<LineFacts> = lines
        .iter()
        .zip(&keys)
        .map(|(line, key)| {
            let mut facts = LineFacts::of(line);
            facts.copies = counts.get(key).copied().unwrap_or(1);
            facts
        })
        .collect();
    let kinds = |f: &LineFacts| [f.byline, f.publication_stamp, f.credit_label];
    let mut kin = [0usize; 3];
    for f in &facts {
        for (k, on) in kin.iter_mut().zip(kinds(f)) {
            *k += usize::from(on);
        }
    }
    for f in &mut facts {
        f.credit_kin = kin
            .iter()
            .zip(kinds(f))
            .filter(|(_, on)| *on)
            .map(|(k, _)| *k)
            .max()
            .unwrap_or(0);
    }
    facts
}

/// The text with runs of white space collapsed to one space: two copies of a caption that differ
/// only in spacing are the same caption.
pub fn normalize(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for w in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The features of every line, in order, one line at a time (so a long paste never holds all
/// of them at once). `facts` comes from `doc_facts`.
pub fn doc_features(facts: &[LineFacts]) -> impl Iterator<Item = Vec<String>> + '_ {
    let context = FirstPass::new(facts);
    (0..facts.len()).map(move |i| {
        let mut out = FeatureList::new();
        context.write(i, &mut out);
        out.to_strings()
    })
}

/// What the first pass's features read beyond the line itself: prefix and suffix passes over
/// the paste, so each line's features cost the same however long the paste.
pub(super) struct FirstPass<'a> {
    facts: &'a [LineFacts],
    prose_before: Vec<usize>,
    prose_after: Vec<usize>,
    header_seen: Vec<bool>,
    pre_prose: Vec<usize>,
    pre_all: Vec<usize>,
    total_prose: usize,
}

impl<'a> FirstPass<'a> {
    pub(super) fn new(facts: &'a [LineFacts]) -> FirstPass<'a> {
        let n = facts.len();
        // Prefix/suffix passes: how far the nearest prose line is, before and after, and whether a
        // comments/related header came earlier.
        let mut prose_before = vec![usize::MAX; n];
        let mut last = None;
        let mut header_seen = vec![false; n];
        let mut seen = false;
        for (i, f) in facts.iter().enumerate() {
            if let Some(l) = last {
                prose_before[i] = i - l;
            }
            header_seen[i] = seen;
            if f.prose {
                last = Some(i);
            }
            if f.tail_header {
                seen = true;
            }
        }
        let mut prose_after = vec![usize::MAX; n];
        let mut next = None;
        for i in (0..n).rev() {
            if let Some(l) = next {
                prose_after[i] = l - i;
            }
            if facts[i].prose {
                next = Some(i);
            }
        }
        // Share of characters in prose lines within a window of 3 lines each side, by a running sum.
        let prose_chars: Vec<usize> = facts
            .iter()
            .map(|f| if f.prose { f.chars } else { 0 })
            .collect();
        let mut pre_prose = vec![0usize; n + 1];
        let mut pre_all = vec![0usize; n + 1];
        for i in 0..n {
            pre_prose[i + 1] = pre_prose[i] + prose_chars[i];
            pre_all[i + 1] = pre_all[i] + facts[i].chars;
        }
        let total_prose = pre_prose[n].max(1);
        FirstPass {
            facts,
            prose_before,
            prose_after,
            header_seen,
            pre_prose,
            pre_all,
            total_prose,
        }
    }

    /// Writes line `i`'s features into `out` (which is not cleared first).
    #[inline(never)]
    pub(super) fn write(&self, i: usize, out: &mut FeatureList) {
        let FirstPass {
            facts,
            prose_before,
            prose_after,
            header_seen,
            pre_prose,
            pre_all,
            total_prose,
        } = self;
        let (facts, total_prose) = (*facts, *total_prose);
        let n = facts.len();
        let f = &facts[i];
        out.add_str("bias");
        out.add(format_args!("len:{}", log_bucket(f.chars)));
        out.add(format_args!("words:{}", log_bucket(f.words)));
        out.add(format_args!("shape:{}", f.shape()));
        out.add(format_args!("end:{}", char_class(f.last_char)));
        out.add(format_args!("start:{}", char_class(f.first_char)));
        if f.words >= 3 {
            out.add(format_args!("stop:{}", decile(f.stop_ratio).min(5)));
            out.add(format_args!("caps:{}", decile(f.cap_ratio)));
            out.add(format_args!(
                "caps:{}|len:{}",
                decile(f.cap_ratio),
                log_bucket(f.words)
            ));
        }
        out.add(format_args!(
            "digits:{}",
            decile(f.digit_ratio * 2.0).min(5)
        ));
        out.add(format_args!("verb:{}|end:{}", f.verbish, f.ends_sentence));
        if f.separators > 0 {
            out.add(format_args!("sep:{}", f.separators.min(3)));
        }
        for (on, name) in f.signals() {
            if on {
                out.add(format_args!("sig:{name}"));
                out.add(format_args!("sig:{name}|len:{}", log_bucket(f.words)));
            }
        }
        if f.calendar_date && f.words <= 8 {
            out.add_str("short_date");
        }
        if f.copyright && f.agency {
            out.add_str("agency_copyright");
        }
        out.add(format_args!("copies:{}", log_bucket(f.copies - 1)));
        if f.copies > 1 {
            out.add(format_args!("copies|shape:{}", f.shape()));
        }
        out.add(format_args!("w0:{}", truncate(&f.first_word)));
        out.add(format_args!("wl:{}", truncate(&f.last_word)));
        for w in &f.short_words {
            out.add(format_args!("w:{}", truncate(w)));
        }
        // Where the line sits relative to the story's prose.
        let before = prose_before[i];
        let after = prose_after[i];
        let region = match (before == usize::MAX, after == usize::MAX) {
            (true, true) => "none",
            (true, false) => "head",
            (false, true) => "tail",
            (false, false) => "inside",
        };
        out.add(format_args!("region:{region}"));
        out.add(format_args!("region:{region}|shape:{}", f.shape()));
        out.add(format_args!(
            "near:{}",
            log_bucket(before.min(after).min(64))
        ));
        out.add(format_args!(
            "near:{}|shape:{}",
            log_bucket(before.min(after).min(64)),
            f.shape()
        ));
        if header_seen[i] {
            out.add_str("after_tail_header");
            out.add(format_args!("after_tail_header|shape:{}", f.shape()));
        }
        let lo = i.saturating_sub(3);
        let hi = (i + 4).min(n);
        let window = ratio(pre_prose[hi] - pre_prose[lo], pre_all[hi] - pre_all[lo]);
        out.add(format_args!("window:{}", decile(window)));
        // How much of all the prose lies before this line: captions and comments cluster at
        // the end of a paste, menus at the start.
        let share = ratio(pre_prose[i], total_prose);
        out.add(format_args!("prose_before:{}", decile(share).min(9)));
        out.add(format_args!(
            "prose_before:{}|shape:{}",
            decile(share).min(9),
            f.shape()
        ));
        for (offset, name) in [(-2isize, "p2"), (-1, "p1"), (1, "n1"), (2, "n2")] {
            let j = i as isize + offset;
            let shape = if j < 0 || j >= n as isize {
                "edge"
            } else {
                facts[j as usize].shape()
            };
            out.add(format_args!("{name}:{shape}"));
            if offset.abs() == 1 {
                out.add(format_args!("{name}:{shape}|shape:{}", f.shape()));
            }
        }
    }
}

/// Word features keep at most 24 bytes, cut on a char boundary, so odd tokens cannot bloat the
/// model file.
fn truncate(w: &str) -> &str {
    let mut end = w.len().min(24);
    while !w.is_char_boundary(end) {
        end -= 1;
    }
    &w[..end]
}

fn char_class(c: char) -> &'static str {
    match c {
        '.' => "stop",
        '!' | '?' => "mark",
        '"' | '”' | '“' | '’' | '\'' => "quote",
        ')' => "paren",
        ':' => "colon",
        '|' | '»' | '›' | '>' => "arrow",
        c if c.is_ascii_digit() => "digit",
        c if c.is_uppercase() => "upper",
        c if c.is_lowercase() => "lower",
        c if c.is_alphabetic() => "letter",
        _ => "other",
    }
}

/// Second-pass features: what the first pass (the model on `doc_features`) said about this line
/// and its neighbours, and where the line sits relative to the *main block*. The neighbours are
/// read as bucketed score margins (body − boilerplate, caption − best other), not as argmax
/// labels: with labels, small training changes flipped verdicts and the fit was unstable.
///
/// The main block is the run of lines with the most first-pass body characters, where a run ends
/// at three first-pass non-body lines in a row or at a comments/related header. Comments read like
/// prose line by line, but they come after the main block; menus and teasers come before it.
/// Each stage-2 feature starts with `2|`, so both passes share one model file.
pub fn stage2_features<'a>(
    facts: &'a [LineFacts],
    first: &'a [[i64; 3]],
) -> impl Iterator<Item = Vec<String>> + 'a {
    let context = SecondPass::new(facts, first);
    (0..facts.len()).map(move |i| {
        let mut out = FeatureList::new();
        context.write(i, &mut out);
        out.to_strings()
    })
}

/// What the second pass's features read beyond the line: the first pass's classes, the main
/// block, and running sums of first-pass body characters.
pub(super) struct SecondPass<'a> {
    facts: &'a [LineFacts],
    first: &'a [[i64; 3]],
    class: Vec<usize>,
    main: (usize, usize, usize),
    pre_body: Vec<usize>,
    pre_all: Vec<usize>,
}

impl<'a> SecondPass<'a> {
    pub(super) fn new(facts: &'a [LineFacts], first: &'a [[i64; 3]]) -> SecondPass<'a> {
        let n = facts.len();
        let class: Vec<usize> = first
            .iter()
            .map(|s| super::model::best(*s).index())
            .collect();
        // Blocks of first-pass body lines.
        let mut best_block = (0usize, 0usize, 0usize); // (chars, first line, last line)
        let mut current: Option<(usize, usize, usize)> = None;
        let mut gap = 0;
        for i in 0..n {
            if facts[i].tail_header {
                gap = usize::MAX / 2;
            }
            if class[i] == 0 {
                current = match current {
                    Some((c, a, _)) if gap < 3 => Some((c + facts[i].chars, a, i)),
                    _ => Some((facts[i].chars, i, i)),
                };
                gap = 0;
                if let Some(c) = current {
                    if c.0 > best_block.0 {
                        best_block = c;
                    }
                }
            } else {
                gap = gap.saturating_add(1);
            }
        }
        // Running sums of first-pass body characters, for a window share.
        let mut pre_body = vec![0usize; n + 1];
        let mut pre_all = vec![0usize; n + 1];
        for i in 0..n {
            pre_body[i + 1] = pre_body[i] + if class[i] == 0 { facts[i].chars } else { 0 };
            pre_all[i + 1] = pre_all[i] + facts[i].chars;
        }
        SecondPass {
            facts,
            first,
            class,
            main: best_block,
            pre_body,
            pre_all,
        }
    }

    /// Writes line `i`'s second-pass features into `out` (which is not cleared first).
    #[inline(never)]
    pub(super) fn write(&self, i: usize, out: &mut FeatureList) {
        let SecondPass {
            facts,
            first,
            class,
            main,
            pre_body,
            pre_all,
        } = self;
        let (facts, first) = (*facts, *first);
        let n = facts.len();
        let (main_chars, main_first, main_last) = *main;
        let name = |k: usize| ["body", "supp", "boil"][k];
        let f = &facts[i];
        let c = name(class[i]);
        let shape = f.shape();
        let s = first[i];
        let mut sorted = s;
        sorted.sort_unstable();
        let margin = (sorted[2] - sorted[1]) / 1000;
        out.add_str("2|bias");
        out.add_prefixed("2|", format_args!("c:{c}"));
        out.add_prefixed("2|", format_args!("c:{c}|shape:{shape}"));
        out.add_prefixed(
            "2|",
            format_args!("c:{c}|margin:{}", log_bucket(margin.max(0) as usize).min(8)),
        );
        // The first pass's scores, not its verdicts: a margin moves a little when the training
        // data moves a little, where an argmax label flips and drags every feature read off it.
        let body_boil = |t: [i64; 3]| signed_bucket(t[0] - t[2]);
        let caption = |t: [i64; 3]| signed_bucket(t[1] - t[0].max(t[2]));
        out.add_prefixed("2|", format_args!("s:bb:{}", body_boil(s)));
        out.add_prefixed("2|", format_args!("s:cap:{}", caption(s)));
        out.add_prefixed("2|", format_args!("s:bb:{}|shape:{shape}", body_boil(s)));
        for (offset, nm) in [(-2isize, "p2"), (-1, "p1"), (1, "n1"), (2, "n2")] {
            let j = i as isize + offset;
            if j < 0 || j >= n as isize {
                out.add_prefixed("2|", format_args!("s{nm}:edge"));
            } else {
                let t = first[j as usize];
                out.add_prefixed("2|", format_args!("s{nm}:bb:{}", body_boil(t)));
                out.add_prefixed("2|", format_args!("s{nm}:cap:{}", caption(t)));
            }
        }
        let place = if main_chars == 0 {
            "none"
        } else if i < main_first {
            "before"
        } else if i > main_last {
            "after"
        } else {
            "main"
        };
        let distance = if i < main_first {
            main_first - i
        } else {
            i.saturating_sub(main_last)
        };
        out.add_prefixed("2|", format_args!("main:{place}|c:{c}"));
        out.add_prefixed("2|", format_args!("main:{place}|shape:{shape}"));
        let dist = log_bucket(distance).min(6);
        out.add_prefixed("2|", format_args!("main:{place}|dist:{dist}"));
        out.add_prefixed(
            "2|",
            format_args!("main:{place}|dist:{dist}|shape:{shape}|c:{c}"),
        );
        for (on, sig) in [
            (f.calendar_date || f.numeric_date, "date"),
            (f.clock_time, "time"),
            (f.byline, "byline"),
            (f.copyright, "copyright"),
            (f.words <= 4 && !f.ends_sentence, "fragment"),
            (f.agency, "agency"),
            (f.timestamp, "timestamp"),
            (f.name_line, "name"),
            (f.contact, "contact"),
            (f.copyright && f.agency, "agency_copyright"),
            (f.credit_label, "credit_label"),
            (f.position, "position"),
            (f.comment_signature, "comment_signature"),
            (f.reuse_notice, "reuse_notice"),
            (f.picture_label, "picture_label"),
            (f.author_note, "author_note"),
            (f.scene_verb, "scene_verb"),
            (f.reuse_notice, "reuse_notice"),
            (f.picture_label, "picture_label"),
            (f.author_note, "author_note"),
            (f.scene_verb, "scene_verb"),
        ] {
            if on {
                out.add_prefixed("2|", format_args!("main:{place}|dist:{dist}|sig:{sig}"));
            }
        }
        if f.copies > 1 {
            out.add_prefixed("2|", format_args!("main:{place}|copies"));
        }
        let lo = i.saturating_sub(5);
        let hi = (i + 6).min(n);
        let share = ratio(pre_body[hi] - pre_body[lo], pre_all[hi] - pre_all[lo]);
        out.add_prefixed("2|", format_args!("window:{}|c:{c}", decile(share)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets() {
        let cases = [(0, 0), (1, 1), (2, 2), (3, 2), (4, 3), (7, 3), (8, 4)];
        for (n, b) in cases {
            assert_eq!(log_bucket(n), b, "log_bucket({n})");
        }
        assert_eq!(decile(1.5), 10);
        assert_eq!(decile(0.0), 0);
    }

    #[test]
    fn copies_are_counted_across_the_paste() {
        let lines = ["Click to Gallery", "Body text here.", "Click  to Gallery"];
        let facts = doc_facts(&lines);
        assert_eq!(facts[0].copies, 2);
        assert_eq!(facts[2].copies, 2);
        assert_eq!(facts[1].copies, 1);
    }

    #[test]
    fn prose_is_long_punctuated_and_full_of_function_words() {
        let cases = [
            ("story line", "Putin asked Witkoff late Thursday to give additional messages to U.S. President Donald Trump, Peskov told reporters.", true),
            ("menu", "Home | World | Business | Sport", false),
            ("headline", "Putin backs a ceasefire in principle but sets conditions for the talks with the United States", false),
        ];
        for (name, line, prose) in cases {
            assert_eq!(LineFacts::of(line).prose, prose, "{name}");
        }
    }

    #[test]
    fn truncation_respects_char_boundaries() {
        let w = "ééééééééééééééééééééé";
        assert!(truncate(w).len() <= 24);
        assert!(w.starts_with(truncate(w)));
    }
}
