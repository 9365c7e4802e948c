//! Converting byte offsets to code-point offsets and back.
//!
//! Inside Rust every span is in bytes, so slicing is free. The JSON contract counts code points, as
//! Python and spaCy do. The conversion happens once, at the edge, through a `CharIndex`: a checkpoint
//! every `STRIDE` characters, so a lookup walks at most `STRIDE` characters and the table costs
//! 4 bytes per `STRIDE` characters (about 80 KB for a 5 MB paste) instead of one entry per character.
//!
//! Worked example with `STRIDE = 4` on `"a€bc😀d"` (bytes: a=1, €=3, b=1, c=1, 😀=4, d=1):
//! checkpoints hold the byte offsets of chars 0 and 4: `[0, 6]`. Char 5 (`d`) is found by starting at
//! checkpoint 1 (char 4, byte 6) and stepping over one char (`😀`, 4 bytes): byte 10.

/// Characters between two checkpoints.
const STRIDE: usize = 64;

/// A lookup table between byte and code-point offsets of one text.
#[derive(Debug, Clone)]
pub struct CharIndex<'a> {
    text: &'a str,
    /// `checkpoints[k]` is the byte offset of character `k * STRIDE`.
    checkpoints: Vec<usize>,
    char_len: usize,
}

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> CharIndex<'a> {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut chars = 0;
        for (byte, _) in text.char_indices() {
            if chars % STRIDE == 0 {
                checkpoints.push(byte);
            }
            chars += 1;
        }
        if chars % STRIDE == 0 {
            // The end of the text is a checkpoint too, so `byte_of(char_len)` needs no special case.
            checkpoints.push(text.len());
        }
        CharIndex {
            text,
            checkpoints,
            char_len: chars,
        }
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// The code-point offset of a byte offset. A byte offset inside a character counts as that
    /// character's start.
    pub fn char_of(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        // The last checkpoint at or before `byte`.
        let k = self
            .checkpoints
            .partition_point(|&b| b <= byte)
            .saturating_sub(1);
        let from = self.checkpoints[k];
        k * STRIDE
            + self.text[from..]
                .char_indices()
                .take_while(|&(i, c)| from + i + c.len_utf8() <= byte)
                .count()
    }

    /// The byte offset of a code-point offset; past the end gives the text's length.
    pub fn byte_of(&self, ch: usize) -> usize {
        if ch >= self.char_len {
            return self.text.len();
        }
        let k = ch / STRIDE;
        let from = self.checkpoints[k];
        match self.text[from..].char_indices().nth(ch - k * STRIDE) {
            Some((i, _)) => from + i,
            None => self.text.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_all(text: &str) {
        let index = CharIndex::new(text);
        assert_eq!(index.char_len(), text.chars().count());
        for (ch, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_of(byte), ch, "char_of({byte}) in {text:?}");
            assert_eq!(index.byte_of(ch), byte, "byte_of({ch}) in {text:?}");
        }
        assert_eq!(index.char_of(text.len()), index.char_len());
        assert_eq!(index.byte_of(index.char_len()), text.len());
    }

    #[test]
    fn ascii() {
        check_all("Putin met Witkoff.");
    }

    #[test]
    fn accents_emoji_cjk() {
        check_all("Nicolás Maduro 😀 met 習近平 in Zürich — “naïve” café 🇺🇦!");
    }

    #[test]
    fn empty() {
        check_all("");
    }

    #[test]
    fn crosses_many_checkpoints() {
        let text = "é😀a北".repeat(200);
        check_all(&text);
    }

    #[test]
    fn exact_multiple_of_stride() {
        check_all(&"x".repeat(STRIDE * 3));
        check_all(&"😀".repeat(STRIDE));
    }

    #[test]
    fn worked_example_from_the_doc_comment() {
        let text = "a€bc😀d";
        let index = CharIndex::new(text);
        assert_eq!(index.byte_of(5), 10);
        assert_eq!(index.char_of(10), 5);
        assert_eq!(index.char_of(2), 1, "a byte inside € counts as €");
    }
}
