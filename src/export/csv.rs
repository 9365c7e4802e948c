//! CSV exports of the entities and the quotes, for fact-checkers' spreadsheets.
//!
//! RFC 4180: fields separated by commas, records ended by CRLF, a field quoted when it holds a
//! comma, a quote mark, CR or LF, with its quote marks doubled. On top of that, a cell from the
//! article that starts with `=`, `+`, `-`, `@`, TAB or CR gets a leading apostrophe, because
//! spreadsheets run such a cell as a formula (CSV injection: `=HYPERLINK("http://evil", "x")`).
//! Numbers that Lede itself writes (counts, offsets) are left as numbers.

use super::{one_line, role_of, speaker_name, Source};
use crate::analysis::Analysis;

/// One row per entity cluster (names only; numbers have no cluster), in cluster order.
/// `mentions` counts every mention, `body_count` those in the story, `caption_count` the rest;
/// `first_offset` is the code-point offset of the first mention; `forms` lists how the text writes
/// the name, in order of first use.
pub fn entities(text: &str, analysis: &Analysis) -> String {
    let source = Source::new(text);
    let mut out = String::new();
    row(
        &mut out,
        &[
            "cluster_id",
            "name",
            "label",
            "role",
            "body_count",
            "caption_count",
            "mentions",
            "first_offset",
            "first_paragraph",
            "forms",
        ]
        .map(Cell::Number),
    );
    for c in &analysis.clusters {
        let mentions: Vec<_> = c
            .mentions
            .iter()
            .filter_map(|&m| analysis.entities.get(m))
            .collect();
        let first = mentions.iter().min_by_key(|e| e.start);
        let mut forms: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for e in &mentions {
            let form = one_line(source.slice(e.start, e.end));
            if !form.is_empty() && seen.insert(form.clone()) {
                forms.push(form);
            }
        }
        let mentions_count = c.count.max(c.body_count);
        row(
            &mut out,
            &[
                Cell::Number(&c.id.to_string()),
                Cell::Text(&c.name),
                Cell::Text(&c.label),
                Cell::Text(c.role.as_deref().unwrap_or("")),
                Cell::Number(&c.body_count.to_string()),
                Cell::Number(&(mentions_count - c.body_count).to_string()),
                Cell::Number(&mentions_count.to_string()),
                Cell::Number(&first.map_or(String::new(), |e| e.start.to_string())),
                Cell::Number(&first.map_or(String::new(), |e| e.paragraph.to_string())),
                Cell::Text(&forms.join("; ")),
            ],
        );
    }
    out
}

/// One row per quote, in text order: who said it (the fullest name, the cluster id, the words
/// as written and how the attribution was found), the quote, its code-point span, its paragraph
/// and that paragraph's role (so captions can be filtered out).
pub fn quotes(text: &str, analysis: &Analysis) -> String {
    let source = Source::new(text);
    let mut out = String::new();
    row(
        &mut out,
        &[
            "speaker",
            "speaker_entity",
            "speaker_as_written",
            "attribution",
            "quote",
            "start",
            "end",
            "paragraph",
            "paragraph_role",
        ]
        .map(Cell::Number),
    );
    for q in &analysis.quotes {
        let (name, cluster, written) = match &q.speaker {
            Some(s) => (
                speaker_name(&source, analysis, s),
                s.cluster.map_or(String::new(), |c| c.to_string()),
                one_line(source.slice(s.start, s.end)),
            ),
            None => (String::new(), String::new(), String::new()),
        };
        row(
            &mut out,
            &[
                Cell::Text(&name),
                Cell::Number(&cluster),
                Cell::Text(&written),
                Cell::Text(q.attribution.as_deref().unwrap_or("")),
                Cell::Text(&one_line(source.slice(q.start, q.end))),
                Cell::Number(&q.start.to_string()),
                Cell::Number(&q.end.to_string()),
                Cell::Number(&q.paragraph.to_string()),
                Cell::Text(role_of(analysis, q.paragraph).as_str()),
            ],
        );
    }
    out
}

/// A CSV cell: `Text` comes from the article and is neutralised; `Number` is Lede's own (a
/// header, a count, an offset) and is only quoted.
#[derive(Clone, Copy)]
enum Cell<'a> {
    Text(&'a str),
    Number(&'a str),
}

/// Appends one record, CRLF-terminated.
fn row(out: &mut String, cells: &[Cell]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match *cell {
            Cell::Text(s) => field(out, &neutralise(s)),
            Cell::Number(s) => field(out, s),
        }
    }
    out.push_str("\r\n");
}

/// A cell a spreadsheet would run as a formula gets a leading apostrophe, which spreadsheets
/// show as text and hide.
pub fn neutralise(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// Appends `s` as one RFC 4180 field, quoted when it must be.
fn field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze_text;

    /// A small RFC 4180 reader, to check that what `row` writes reads back cell for cell.
    fn parse(csv: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut cell = String::new();
        let mut chars = csv.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => cell.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') if chars.peek() == Some(&'\n') => {
                    chars.next();
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => cell.push(c),
            }
        }
        assert!(
            !quoted && cell.is_empty() && row.is_empty(),
            "ends with CRLF"
        );
        rows
    }

    #[test]
    fn fields_quote_and_neutralise() {
        let cases = [
            ("plain", "Putin", "Putin"),
            ("comma", "Kyiv, Ukraine", "\"Kyiv, Ukraine\""),
            ("quote", "the \"deal\"", "\"the \"\"deal\"\"\""),
            ("line break", "a\nb", "\"a\nb\""),
            ("formula", "=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("plus", "+1", "'+1"),
            ("minus", "-2+3", "'-2+3"),
            ("at", "@SUM(A1)", "'@SUM(A1)"),
            ("tab", "\t=1", "'\t=1"),
            ("carriage return", "\r=1", "\"'\r=1\""),
            ("inside is fine", "a=b", "a=b"),
        ];
        for (name, input, expected) in cases {
            let mut out = String::new();
            row(&mut out, &[Cell::Text(input)]);
            assert_eq!(out, format!("{expected}\r\n"), "{name}");
            assert_eq!(parse(&out), [[neutralise(input).into_owned()]], "{name}");
        }
    }

    #[test]
    fn the_samples_entities() {
        let text = crate::SAMPLE_ARTICLE;
        let a = analyze_text(text);
        let rows = parse(&entities(text, &a));
        assert_eq!(rows.len(), a.clusters.len() + 1);
        assert_eq!(rows[0][0], "cluster_id");
        assert!(rows.iter().all(|r| r.len() == 10));
        let putin = rows.iter().find(|r| r[1] == "Vladimir Putin").unwrap();
        assert_eq!(putin[2], "PER");
        assert!(putin[9].contains("Putin"), "{putin:?}");
        let body: usize = putin[4].parse().unwrap();
        let captions: usize = putin[5].parse().unwrap();
        assert_eq!(putin[6].parse::<usize>().unwrap(), body + captions);
    }

    #[test]
    fn the_samples_quotes() {
        let text = crate::SAMPLE_ARTICLE;
        let a = analyze_text(text);
        let rows = parse(&quotes(text, &a));
        assert_eq!(rows.len(), a.quotes.len() + 1);
        assert!(rows.iter().all(|r| r.len() == 9));
        let chars: Vec<char> = text.chars().collect();
        for (q, r) in a.quotes.iter().zip(&rows[1..]) {
            let quote: String = chars[q.start..q.end].iter().collect();
            assert_eq!(r[4], one_line(&quote));
        }
    }

    #[test]
    fn hostile_cells_are_neutralised() {
        let text =
            "=cmd|' /C calc'!A0 said “-1+1 @SUM(1) <script>alert(1)</script>,” Putin said.\n\
                    +Putin, \"@Witkoff\" met Putin.";
        let a = analyze_text(text);
        for csv in [entities(text, &a), quotes(text, &a)] {
            for r in parse(&csv) {
                for cell in r {
                    assert!(
                        !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                        "{cell:?} in {csv}"
                    );
                }
            }
        }
    }
}
