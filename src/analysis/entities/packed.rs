//! The gazetteer's name tables as shipped: grouped by kind and front-coded, because they ride in
//! the analysis worker's wasm, and the whole app must fit in 1.5 MB gzipped.
//!
//! A table is `KIND<TAB>name` lines (`lexicon.tsv` as `scripts/build_lexicon.py` prints it, and
//! what `lede build-wikinames` builds). Packed, each run of one kind starts with a `#KIND` line,
//! and each name is one digit, how many leading characters (0–9) it shares with the name before it
//! in the run, then the rest:
//!
//! ```text
//! FIRST\tAaron        #FIRST
//! FIRST\tAbbey   →    0Aaron
//! FIRST\tAbbie        1bbey
//!                     3ie
//! ```
//!
//! Unpacking gives back the table byte for byte, so the gazetteer, and the model's fingerprint of
//! it, see exactly the text they were built with. On the shipped tables this saves 32 KB of the
//! worker's gzipped size (lexicon 104 → 80 KB, wikinames 52 → 45 KB).

/// Packs `KIND<TAB>name` lines; `None` for a line without a tab, a name that starts a line with
/// `#`, or a table that does not end its last line.
pub fn pack(table: &str) -> Option<String> {
    let mut out = String::with_capacity(table.len());
    let mut kind = None;
    let mut previous = "";
    if !table.is_empty() && !table.ends_with('\n') {
        return None;
    }
    for line in table.lines() {
        let (k, name) = line.split_once('\t')?;
        if k.is_empty() || k.starts_with('#') {
            return None;
        }
        if kind != Some(k) {
            out.push('#');
            out.push_str(k);
            out.push('\n');
            kind = Some(k);
            previous = "";
        }
        let shared = previous
            .chars()
            .zip(name.chars())
            .take(9)
            .take_while(|(a, b)| a == b)
            .count();
        out.push(char::from(b'0' + shared as u8));
        out.extend(name.chars().skip(shared));
        out.push('\n');
        previous = name;
    }
    Some(out)
}

/// The table `pack` was given, or `None` for text that is not a packed table.
pub fn unpack(packed: &str) -> Option<String> {
    let mut out = String::with_capacity(packed.len() * 2);
    for_each_line(packed, |kind, name| {
        out.push_str(kind);
        out.push('\t');
        out.push_str(name);
        out.push('\n');
    })?;
    Some(out)
}

/// Calls `line(kind, name)` for each line of the table `pack` was given, in order, without
/// building the table: the browser reads both shipped tables this way on every page load (see
/// `gazetteer`). `None` for text that is not a packed table (`line` may have seen a part of it).
///
/// Each name is rebuilt in one reused buffer, cut to its shared characters and then extended.
pub fn for_each_line(packed: &str, mut line: impl FnMut(&str, &str)) -> Option<()> {
    let mut kind = None;
    let mut name = String::new();
    for packed_line in packed.lines() {
        if let Some(k) = packed_line.strip_prefix('#') {
            kind = Some(k);
            name.clear();
            continue;
        }
        let kind = kind?;
        let digit = *packed_line.as_bytes().first()?;
        if !digit.is_ascii_digit() {
            return None;
        }
        let shared = usize::from(digit - b'0');
        // Where the first `shared` characters of the name before end; `None` if it has fewer.
        let cut = name
            .char_indices()
            .map(|(i, _)| i)
            .chain([name.len()])
            .nth(shared)?;
        name.truncate(cut);
        name.push_str(&packed_line[1..]);
        line(kind, &name);
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let cases = [
            ("empty", ""),
            ("one", "PER\tAaron\n"),
            (
                "shared prefixes",
                "FIRST\tAaron\nFIRST\tAbbey\nFIRST\tAbbie\nLOC\tAbbie\n",
            ),
            (
                "long shared prefix",
                "ORG\tNational Security Council\nORG\tNational Security and Defense Council\n",
            ),
            (
                "digits and unicode",
                "ORG\t3M\nORG\t7-Eleven\nLOC\tZürich\nLOC\tZürichsee\nLOC\t北京\n",
            ),
        ];
        for (name, table) in cases {
            let packed = pack(table).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(unpack(&packed).as_deref(), Some(table), "{name}");
        }
        assert_eq!(
            pack("FIRST\tAaron\nFIRST\tAbbey\nFIRST\tAbbie\n").unwrap(),
            "#FIRST\n0Aaron\n1bbey\n3ie\n"
        );
    }

    #[test]
    fn not_tables_say_so() {
        let packs = [
            ("no tab", "PER Aaron\n"),
            ("unended", "PER\tAaron"),
            ("kind #", "#X\tY\n"),
        ];
        for (name, table) in packs {
            assert_eq!(pack(table), None, "{name}");
        }
        let unpacks = [
            ("a name before any kind", "0Aaron\n"),
            ("no digit", "#PER\nAaron\n"),
            ("more shared than the name before", "#PER\n0Al\n5x\n"),
        ];
        for (name, packed) in unpacks {
            assert_eq!(unpack(packed), None, "{name}");
        }
    }
}
