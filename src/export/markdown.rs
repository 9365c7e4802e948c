//! The Markdown brief: what a reader pastes into notes or a chat to say what an article holds.
//! Headline, reference date, people and organisations with their counts, quotes by speaker and the
//! timeline, from the story itself: captions and page furniture are left out.
//!
//! Every piece of the article is escaped (`escape`), so a quote holding `*`, `[link](…)` or
//! `<script>` prints as those characters instead of becoming emphasis, a link or HTML.

use std::fmt::Write;

use super::{
    clusters_by_body_count, display_date, headline, one_line, quotes_by_speaker, Source, Story,
};
use crate::analysis::Analysis;

/// The brief, as CommonMark.
pub fn brief(text: &str, analysis: &Analysis) -> String {
    let source = Source::new(text);
    let mut out = String::new();
    let title = headline(text, analysis);
    let title = if title.is_empty() {
        "Untitled".to_string()
    } else {
        escape(&title)
    };
    // Writing to a String cannot fail.
    let _ = writeln!(out, "# {title}\n");

    reference_dates(&mut out, analysis);

    for (label, heading) in [("PER", "People"), ("ORG", "Organisations")] {
        let clusters = clusters_by_body_count(analysis, label);
        if clusters.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {heading}\n");
        for (c, count) in clusters {
            let role = c
                .role
                .as_deref()
                .map(|r| format!(" ({})", escape(&one_line(r))))
                .unwrap_or_default();
            let times = if count == 1 { "mention" } else { "mentions" };
            let _ = writeln!(
                out,
                "- {}{role}: {} {times}",
                escape(&one_line(&c.name)),
                count
            );
        }
        out.push('\n');
    }

    let speakers = quotes_by_speaker(&source, analysis, true);
    if !speakers.is_empty() {
        out.push_str("## Quotes by speaker\n\n");
        for group in speakers {
            let _ = writeln!(out, "### {}\n", escape(&group.name));
            for &q in &group.quotes {
                let quote = &analysis.quotes[q];
                let _ = writeln!(
                    out,
                    "- {}",
                    escape(&one_line(source.slice(quote.start, quote.end)))
                );
            }
            out.push('\n');
        }
    }

    let story = Story::of(analysis);
    let events: Vec<_> = analysis
        .events
        .iter()
        .filter(|e| story.has_sentence(analysis, e.sentence))
        .collect();
    if !events.is_empty() {
        out.push_str("## Timeline\n\n");
        for e in events {
            let label = if e.label.trim().is_empty() {
                let s = &analysis.sentences[e.sentence];
                one_line(source.slice(s.start, s.end))
            } else {
                one_line(&e.label)
            };
            let _ = writeln!(
                out,
                "- **{}** — {}",
                escape(&display_date(&e.date)),
                escape(&label)
            );
        }
        out.push('\n');
    }
    out.push_str("*Made with Lede from the pasted text.*\n");
    out
}

/// The reference date of each article, and how it was found.
fn reference_dates(out: &mut String, analysis: &Analysis) {
    let several = analysis.articles.len() > 1;
    for (i, article) in analysis.articles.iter().enumerate() {
        let date = article
            .reference_date
            .as_deref()
            .map_or("none found".to_string(), display_date);
        let which = if several {
            let place = article
                .dateline
                .as_ref()
                .map(|d| format!(" ({})", one_line(&d.place)))
                .unwrap_or_default();
            format!(" of article {}{place}", i + 1)
        } else {
            String::new()
        };
        let why = one_line(&article.reference_date_explanation);
        let why = if why.is_empty() {
            String::new()
        } else {
            format!(": {why}")
        };
        let _ = writeln!(
            out,
            "Reference date{which}: **{date}**{why}",
            date = escape(&date),
            which = escape(&which),
            why = escape(&why)
        );
        out.push('\n');
    }
}

/// Escapes `s` for Markdown inline text on one line.
///
/// Inline syntax is escaped everywhere with a backslash (CommonMark lets any ASCII punctuation be
/// escaped): emphasis `* _ ~`, links and images `[ ]`, code `` ` ``, raw HTML and autolinks
/// `< >`, entities `&`, tables `|`, and `\` itself. Block syntax only matters at the start of a
/// line, which in the brief is after a list marker or a heading's `#`: a leading `#`, `+`, `-`,
/// `=` or an ordered-list number (`1.`) is escaped there. Line breaks never get here
/// (`one_line`).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '~' | '[' | ']' | '<' | '>' | '&' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // Block syntax at the start: `# x`, `- x`, `+ x`, `=`, `1. x`, `1) x`.
    if out.starts_with(['#', '+', '-', '=']) {
        out.insert(0, '\\');
    } else {
        let digits = out.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && matches!(out.as_bytes().get(digits), Some(b'.' | b')')) {
            out.insert(digits, '\\');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze_text;

    #[test]
    fn escapes() {
        let cases = [
            ("plain", "Putin met Witkoff.", "Putin met Witkoff."),
            ("emphasis", "a *b* _c_ ~d~", "a \\*b\\* \\_c\\_ \\~d\\~"),
            (
                "link",
                "[x](javascript:alert(1))",
                "\\[x\\](javascript:alert(1))",
            ),
            ("html", "<script>", "\\<script\\>"),
            ("entity", "&lt;", "\\&lt;"),
            ("code", "`rm`", "\\`rm\\`"),
            ("table", "a|b", "a\\|b"),
            ("backslash", "a\\b", "a\\\\b"),
            ("heading at start", "# Breaking", "\\# Breaking"),
            ("list at start", "- item", "\\- item"),
            ("hash inside", "C# code", "C# code"),
            ("ordered list at start", "1. first", "1\\. first"),
            ("number inside", "in 2025. Then", "in 2025. Then"),
            ("blockquote", "> quoted", "\\> quoted"),
        ];
        for (name, input, expected) in cases {
            assert_eq!(escape(input), expected, "{name}");
        }
    }

    #[test]
    fn a_small_article() {
        let text =
            "Vladimir Putin met Steve Witkoff on Thursday. “We are ready,” Putin said on Friday.\n\
                    Kremlin spokesman Dmitry Peskov said Putin and Witkoff talked.";
        let options = crate::Options::default().with_reference_date("2025-03-14".parse().unwrap());
        let a = crate::analyze(text, &options);
        let md = brief(text, &a);
        assert!(
            md.starts_with("# Vladimir Putin met Steve Witkoff on Thursday.\n"),
            "{md}"
        );
        assert!(
            md.contains("Reference date: **Friday, March 14, 2025**: given by the reader"),
            "{md}"
        );
        assert!(md.contains("## People\n\n- Vladimir Putin"), "{md}");
        assert!(
            md.contains("### Vladimir Putin\n\n- “We are ready,”"),
            "{md}"
        );
        // A snippet with no dateline is still the reader's story: its dates make a timeline.
        assert!(
            md.contains(
                "## Timeline\n\n- **Thursday, March 13, 2025** — Vladimir Putin met Steve Witkoff"
            ),
            "{md}"
        );
    }

    #[test]
    fn captions_stay_out() {
        let text = crate::SAMPLE_ARTICLE;
        let a = analyze_text(text);
        let md = brief(text, &a);
        // The Sudzha caption repeats; the brief is about the story.
        assert!(!md.contains("Sudzha, Kursk region"), "{md}");
        assert!(md.contains("## Quotes by speaker"));
        assert!(md.contains("## Timeline\n\n- **2022** — "), "{md}");
        assert!(md.contains("- **Week of March 10, 2025** — "), "{md}");
    }

    #[test]
    fn hostile_text_is_escaped() {
        let text = "<script>alert(1)</script> said “*[x](javascript:alert(1))* <img src=x onerror=alert(1)>,” Putin said.";
        let md = brief(text, &analyze_text(text));
        assert!(!md.contains("[x]("), "{md}");
        // Every `<` the brief holds is escaped.
        for (i, _) in md.match_indices('<') {
            assert_eq!(&md[i - 1..i], "\\", "{md}");
        }
    }
}
