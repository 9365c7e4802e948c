//! The static page: one self-contained `.html` file with the article and its analysis baked in,
//! readable offline, in any browser, forever: no script, no network, inline CSS only.
//!
//! It renders the same reading model the app does (`crate::reading`: pieces with layered marks,
//! caption runs folded), so the highlights agree with what the reader saw. Safety does not rest on
//! getting every escape right alone: every string from the text goes through `escape`, and a
//! Content-Security-Policy meta tag forbids script, so even a missed escape could not run any.

use std::fmt::Write;
use std::sync::Arc;

use super::{
    clusters_by_body_count, display_date, headline, one_line, quotes_by_speaker, speaker_name,
    Source, Story,
};
use crate::analysis::Analysis;
use crate::reading::{reading_model, Block, CaptionRun, Piece, ReadingParagraph, Run};

/// The policy: nothing may load or run; only the inline style and data: images.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// Escapes text for HTML element content and quoted attribute values alike.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The labels of names, with their headings in the entity index.
const NAME_LABELS: [(&str, &str); 4] = [
    ("PER", "People"),
    ("ORG", "Organisations"),
    ("LOC", "Places"),
    ("MISC", "Other names"),
];

const STYLE: &str = "
:root { --ink: #1d1d1f; --muted: #5f6368; --line: #d9d9de; --paper: #fffdf8;
  --per: #0072b2; --org: #d55e00; --loc: #009e73; --misc: #cc79a7; --num: #8a6d00; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink);
  font: 17px/1.6 Georgia, 'Times New Roman', serif; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 0.5rem; }
h2 { font: 600 1.05rem/1.3 system-ui, sans-serif; margin: 2.2rem 0 0.6rem;
  border-bottom: 1px solid var(--line); padding-bottom: 0.25rem; }
h3 { font: 600 0.85rem/1.3 system-ui, sans-serif; color: var(--muted); margin: 1rem 0 0.3rem;
  text-transform: uppercase; letter-spacing: 0.05em; }
.meta, .note, summary, .legend, .count, .who, .credit { font-family: system-ui, sans-serif; }
.meta { color: var(--muted); font-size: 0.9rem; margin: 0.2rem 0; }
.note { color: var(--muted); font-size: 0.8rem; }
.article + .article { border-top: 2px solid var(--line); margin-top: 2rem; padding-top: 1rem; }
p.heading { font-weight: 700; font-size: 1.2rem; }
p.credit { color: var(--muted); font-size: 0.85rem; }
details { border-left: 3px solid var(--line); padding: 0.2rem 0.8rem; margin: 0.8rem 0;
  color: var(--muted); font-size: 0.9rem; }
summary { cursor: pointer; }
.dateline { font-weight: 700; }
q { quotes: none; background: #f3eee2; border-radius: 2px; }
q::before, q::after { content: none; }
.who { font-size: 0.72rem; color: var(--muted); vertical-align: super; margin-left: 0.15rem; }
.timex { border-bottom: 1px dotted var(--muted); }
mark.ent { background: none; color: inherit; text-decoration-line: underline;
  text-decoration-thickness: 2px; text-underline-offset: 3px; }
mark.ent[data-label='PER'] { text-decoration-color: var(--per); background: rgba(0, 114, 178, 0.08); }
mark.ent[data-label='ORG'] { text-decoration-color: var(--org); text-decoration-style: double;
  background: rgba(213, 94, 0, 0.08); }
mark.ent[data-label='LOC'] { text-decoration-color: var(--loc); text-decoration-style: dashed;
  background: rgba(0, 158, 115, 0.08); }
mark.ent[data-label='MISC'] { text-decoration-color: var(--misc); text-decoration-style: dotted; }
mark.ent.number { text-decoration-color: var(--num); text-decoration-style: wavy;
  text-decoration-thickness: 1px; }
mark.changed { background: #ffe7a3; color: inherit; }
.legend { display: flex; flex-wrap: wrap; gap: 0.8rem; font-size: 0.8rem; margin: 0.6rem 0 1rem; }
.swatch { display: inline-block; width: 0.7rem; height: 0.7rem; border-radius: 50%;
  margin-right: 0.3rem; background: var(--num); }
.swatch[data-label='PER'] { background: var(--per); } .swatch[data-label='ORG'] { background: var(--org); }
.swatch[data-label='LOC'] { background: var(--loc); } .swatch[data-label='MISC'] { background: var(--misc); }
ul, ol { padding-left: 1.2rem; }
li { margin: 0.2rem 0; }
.count { color: var(--muted); font-size: 0.8rem; }
.timeline time { font: 600 0.85rem system-ui, sans-serif; display: block; }
@media print { details { display: block; } }
";

/// The whole page.
pub fn html(text: &str, analysis: &Analysis) -> String {
    let source = Source::new(text);
    let title = headline(text, analysis);
    let title = if title.is_empty() {
        "Untitled article".to_string()
    } else {
        title
    };
    let mut out = String::with_capacity(text.len() * 3 + 8192);
    // Writing to a String cannot fail.
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"Lede\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        escape(&title)
    );
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", escape(&title));
    for (i, article) in analysis.articles.iter().enumerate() {
        let which = if analysis.articles.len() > 1 {
            format!(" of article {}", i + 1)
        } else {
            String::new()
        };
        let date = article
            .reference_date
            .as_deref()
            .map_or("none found".to_string(), display_date);
        let why = one_line(&article.reference_date_explanation);
        let _ = writeln!(
            out,
            "<p class=\"meta\">Reference date{}: <strong>{}</strong>{}</p>",
            escape(&which),
            escape(&date),
            if why.is_empty() {
                String::new()
            } else {
                format!(" ({})", escape(&why))
            }
        );
    }
    out.push_str(
        "<p class=\"note\">An offline copy saved from Lede: the pasted text with its analysis. \
         Nothing in this page runs or loads.</p>\n",
    );
    out.push_str("<div class=\"legend\">");
    for (label, heading) in NAME_LABELS {
        let _ = write!(
            out,
            "<span><span class=\"swatch\" data-label=\"{label}\"></span>{heading}</span>"
        );
    }
    out.push_str("<span><span class=\"swatch\"></span>Numbers</span></div>\n</header>\n");

    let quote_speakers: Vec<Option<String>> = analysis
        .quotes
        .iter()
        .map(|q| {
            q.speaker
                .as_ref()
                .map(|s| speaker_name(&source, analysis, s))
        })
        .collect();
    let page = Page {
        analysis,
        quote_speakers: &quote_speakers,
    };
    // The model folds runs of furniture only when there is a story beside them.
    for article in reading_model(text, analysis) {
        let _ = writeln!(
            out,
            "<article class=\"article\" aria-label=\"Article {}\">",
            article.index + 1
        );
        for block in &article.blocks {
            match block {
                Block::Paragraph(p) => page.paragraph(&mut out, p),
                Block::Captions(run) => captions(&mut out, run),
                Block::Furniture(run) => page.furniture(&mut out, run),
            }
        }
        out.push_str("</article>\n");
    }

    index(&mut out, analysis);
    quotes(&mut out, &source, analysis);
    timeline(&mut out, &source, analysis);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// What rendering a paragraph needs besides the paragraph.
struct Page<'a> {
    analysis: &'a Analysis,
    /// Each quote's speaker name, worked out once.
    quote_speakers: &'a [Option<String>],
}

impl Page<'_> {
    fn paragraph(&self, out: &mut String, p: &ReadingParagraph) {
        let class = p.role.as_str();
        let _ = write!(out, "<p class=\"{class}\">");
        let pieces = flatten(p);
        for (i, piece) in pieces.iter().enumerate() {
            self.piece(out, piece);
            // After a quote's last piece, say who said it.
            if let Some(q) = piece.quote {
                if pieces.get(i + 1).is_none_or(|next| next.quote != Some(q)) {
                    if let Some(Some(name)) = self.quote_speakers.get(q) {
                        let _ = write!(out, "<span class=\"who\">{}</span>", escape(name));
                    }
                }
            }
        }
        out.push_str("</p>\n");
    }

    fn piece(&self, out: &mut String, piece: &Piece) {
        let mut close: Vec<&str> = Vec::new();
        if piece.dateline {
            out.push_str("<span class=\"dateline\">");
            close.push("</span>");
        }
        if let Some(q) = piece.quote {
            let said = match self.quote_speakers.get(q) {
                Some(Some(name)) => format!("Said by {name}"),
                _ => "Quote; the text does not say who said it".to_string(),
            };
            let _ = write!(out, "<q title=\"{}\">", escape(&said));
            close.push("</q>");
        }
        if let Some(e) = piece.entity.and_then(|e| self.analysis.entities.get(e)) {
            let name = e
                .cluster
                .and_then(|c| self.analysis.clusters.get(c))
                .map_or(e.text.as_str(), |c| c.name.as_str());
            let number = if e.cluster.is_none() { " number" } else { "" };
            let _ = write!(
                out,
                "<mark class=\"ent{number}\" data-label=\"{}\" title=\"{} ({})\">",
                escape(&e.label),
                escape(&one_line(name)),
                escape(&e.label)
            );
            close.push("</mark>");
        }
        if let Some(t) = piece.timex.and_then(|t| self.analysis.timexes.get(t)) {
            let _ = write!(
                out,
                "<span class=\"timex\" title=\"{}\">",
                escape(&display_date(&t.value))
            );
            close.push("</span>");
        }
        out.push_str(&escape(&piece.text));
        for tag in close.iter().rev() {
            out.push_str(tag);
        }
    }

    /// Folds a run of page-furniture paragraphs (gallery buttons, related links) into one
    /// closed `<details>`, and empties the run.
    fn furniture(&self, out: &mut String, run: &[Arc<ReadingParagraph>]) {
        if run.is_empty() {
            return;
        }
        let _ = writeln!(
            out,
            "<details class=\"boilerplate\"><summary>Page furniture: {} line{}</summary>",
            run.len(),
            if run.len() == 1 { "" } else { "s" }
        );
        for p in run {
            let _ = writeln!(out, "<p>{}</p>", escape(&p.text()));
        }
        out.push_str("</details>\n");
    }
}

/// A paragraph's pieces in order, gaps between sentences included as unmarked pieces, except that
/// a gap inside a quote belongs to the quote (so a two-sentence quote reads as one).
fn flatten(p: &ReadingParagraph) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut gaps: Vec<usize> = Vec::new();
    for run in &p.runs {
        match run {
            Run::Gap(g) => {
                gaps.push(out.len());
                out.push(Piece {
                    text: g.clone(),
                    ..Piece::default()
                });
            }
            Run::Sentence { pieces, .. } => out.extend(pieces.iter().cloned()),
        }
    }
    for g in gaps {
        if g > 0 {
            let before = out[g - 1].quote;
            if before.is_some() && out.get(g + 1).is_some_and(|n| n.quote == before) {
                out[g].quote = before;
            }
        }
    }
    out
}

/// A folded run of photo captions: each distinct caption once, with its count and the words that
/// differ from its group's first caption marked.
fn captions(out: &mut String, run: &CaptionRun) {
    let n = run.paragraphs.len();
    let _ = writeln!(
        out,
        "<details class=\"captions\"><summary>{n} photo caption{} ({} distinct)</summary>",
        if n == 1 { "" } else { "s" },
        run.distinct
    );
    for group in &run.groups {
        for entry in &group.entries {
            out.push_str("<p class=\"caption\">");
            for w in &entry.words {
                if w.changed {
                    let _ = write!(out, "<mark class=\"changed\">{}</mark>", escape(&w.text));
                } else {
                    out.push_str(&escape(&w.text));
                }
            }
            if entry.count > 1 {
                let _ = write!(out, " <span class=\"count\">×{}</span>", entry.count);
            }
            out.push_str("</p>\n");
        }
    }
    out.push_str("</details>\n");
}

/// The entity index: names by type, most mentioned in the story first.
fn index(out: &mut String, analysis: &Analysis) {
    let groups: Vec<_> = NAME_LABELS
        .iter()
        .map(|&(label, heading)| (label, heading, clusters_by_body_count(analysis, label)))
        .filter(|(_, _, clusters)| !clusters.is_empty())
        .collect();
    if groups.is_empty() {
        return;
    }
    out.push_str("<section class=\"index\">\n<h2>Who and what</h2>\n");
    for (label, heading, clusters) in groups {
        let _ = writeln!(
            out,
            "<h3><span class=\"swatch\" data-label=\"{label}\"></span>{heading}</h3>\n<ul>"
        );
        for (c, count) in clusters {
            let role = c
                .role
                .as_deref()
                .map(|r| format!(", {}", escape(&one_line(r))))
                .unwrap_or_default();
            let in_captions = c.count.saturating_sub(count);
            let captions = if in_captions > 0 {
                format!(" (+{in_captions} in captions)")
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "<li>{}{role} <span class=\"count\">{}{captions}</span></li>",
                escape(&one_line(&c.name)),
                count
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// Quotes by speaker, from the story (not captions).
fn quotes(out: &mut String, source: &Source, analysis: &Analysis) {
    let groups = quotes_by_speaker(source, analysis, true);
    if groups.is_empty() {
        return;
    }
    out.push_str("<section class=\"quotes\">\n<h2>Quotes by speaker</h2>\n");
    for g in groups {
        let _ = writeln!(out, "<h3>{}</h3>\n<ul>", escape(&g.name));
        for &q in &g.quotes {
            let quote = &analysis.quotes[q];
            let _ = writeln!(
                out,
                "<li>{}</li>",
                escape(&one_line(source.slice(quote.start, quote.end)))
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// The timeline: events in calendar order with the reader's date wording.
fn timeline(out: &mut String, source: &Source, analysis: &Analysis) {
    let story = Story::of(analysis);
    let events: Vec<_> = analysis
        .events
        .iter()
        .filter(|e| story.has_sentence(analysis, e.sentence))
        .collect();
    if events.is_empty() {
        return;
    }
    out.push_str("<section class=\"timeline\">\n<h2>Timeline</h2>\n<ol>\n");
    for e in events {
        let s = &analysis.sentences[e.sentence];
        let label = if e.label.trim().is_empty() {
            one_line(source.slice(s.start, s.end))
        } else {
            one_line(&e.label)
        };
        let _ = writeln!(
            out,
            "<li><time>{}</time>{}</li>",
            escape(&display_date(&e.date)),
            escape(&label)
        );
    }
    out.push_str("</ol>\n</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Role;
    use crate::analyze_text;

    #[test]
    fn escapes() {
        let cases = [
            ("plain", "Putin", "Putin"),
            ("all five", "&<>\"'", "&amp;&lt;&gt;&quot;&#39;"),
            ("already escaped stays visible", "&amp;", "&amp;amp;"),
            ("unicode", "Zürich 😀 北京", "Zürich 😀 北京"),
        ];
        for (name, input, expected) in cases {
            assert_eq!(escape(input), expected, "{name}");
        }
    }

    /// The page's text with tags removed and the five entities decoded: what a reader sees.
    fn visible(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    #[test]
    fn the_sample_keeps_every_body_paragraph() {
        let text = crate::SAMPLE_ARTICLE;
        let a = analyze_text(text);
        let page = html(text, &a);
        let shown = one_line(&visible(&page));
        let chars: Vec<char> = text.chars().collect();
        for p in a.paragraphs.iter().filter(|p| p.role == Role::Body) {
            let para: String = chars[p.start..p.end].iter().collect();
            // Speaker tags follow quotes, so check the text up to the first quote mark.
            let head: String = one_line(&para).chars().take_while(|&c| c != '“').collect();
            assert!(shown.contains(head.trim()), "missing {para:?}");
        }
        assert!(page.contains(&format!("content=\"{CSP}\"")));
        assert!(!page.to_ascii_lowercase().contains("<script"));
        assert_eq!(
            page.matches("<details class=\"captions\">").count(),
            3,
            "three caption runs"
        );
        assert!(
            page.contains("<mark class=\"ent\" data-label=\"PER\" title=\"Vladimir Putin (PER)\">")
        );
        assert!(page.contains("<section class=\"timeline\">"));
    }

    #[test]
    fn quotes_carry_their_speaker() {
        let text = "“We are ready,” Putin said.";
        let page = html(text, &analyze_text(text));
        assert!(page.contains("<q title=\"Said by Putin\">"), "{page}");
        assert!(page.contains("<span class=\"who\">Putin</span>"), "{page}");
    }

    #[test]
    fn hostile_text_never_becomes_markup() {
        let payloads = [
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "</textarea><svg onload=alert(1)>",
            "javascript:alert(1)",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<style>body{background:url(javascript:alert(1))}</style>",
            "' onmouseover='alert(1)",
            "<!-- --><iframe srcdoc=x>",
            "&lt;script&gt;",
        ];
        let text = payloads
            .iter()
            .map(|p| format!("“{p},” Putin said of {p} on Friday.\n{p}"))
            .collect::<Vec<_>>()
            .join("\n");
        let a = analyze_text(&text);
        let page = html(&text, &a);
        // The page's own markup is the only markup: no `<` from the input survives, so the tags
        // in the page are exactly the ones the exporter writes.
        let tags: std::collections::BTreeSet<&str> = page
            .match_indices('<')
            .map(|(i, _)| {
                let rest = &page[i + 1..];
                let end = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '/' || c == '!'))
                    .unwrap_or(rest.len());
                &rest[..end]
            })
            .collect();
        let ours = [
            "!DOCTYPE", "html", "/html", "head", "/head", "meta", "title", "/title", "style",
            "/style", "body", "/body", "main", "/main", "header", "/header", "h1", "/h1", "h2",
            "/h2", "h3", "/h3", "p", "/p", "strong", "/strong", "div", "/div", "span", "/span",
            "article", "/article", "q", "/q", "mark", "/mark", "details", "/details", "summary",
            "/summary", "section", "/section", "ul", "/ul", "ol", "/ol", "li", "/li", "time",
            "/time",
        ];
        for tag in &tags {
            assert!(ours.contains(tag), "unexpected tag <{tag} in\n{page}");
        }
        // Each payload is still there, as text.
        let shown = visible(&page);
        for p in payloads {
            assert!(shown.contains(p), "{p} is shown as text");
        }
        // Attributes cannot be broken out of: no quote mark from the input survives unescaped.
        assert!(!page.contains("onerror=alert(1)>"));
        assert!(!page.contains("' onmouseover='"));
    }
}
