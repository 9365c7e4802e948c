//! The byte layer of the shipped binary models (`model/ner.bin`, `model/pos.bin`, the packed
//! weight tables of `packed_weights`, the word classes): little-endian numbers, varints and
//! front-coded words, read with bounds checks so that a truncated or corrupt file is an error,
//! never a panic.

use crate::error::{Error, Result};

/// Appends `v` as a LEB128 varint: seven bits a byte, low bits first.
pub fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// The longest prefix a front-coded word shares with the word before it: the length is written as
/// a byte below 0x20, which no word holds, so it also ends the word's bytes.
pub const MAX_SHARED: usize = 0x1f;

/// Appends `word` front-coded after `previous` (the word written before it, empty for the first):
/// the bytes after the prefix the two share (at most `MAX_SHARED` bytes), then that prefix's
/// length as one byte. In sorted order, `Clinton`, `Clinto`, `Clintons` are written
/// `Clinton\x00` `\x06` `ns\x06`. `false`, and nothing written, for a word holding a byte
/// below 0x20 (a tab, a newline), which would read as its end.
pub fn write_front_coded(out: &mut Vec<u8>, previous: &[u8], word: &[u8]) -> bool {
    if word.iter().any(|&b| usize::from(b) <= MAX_SHARED) {
        return false;
    }
    let shared = word
        .iter()
        .zip(previous)
        .take(MAX_SHARED)
        .take_while(|(a, b)| a == b)
        .count();
    out.extend_from_slice(&word[shared..]);
    out.push(shared as u8);
    true
}

/// Why a front-coded word could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontCodingError {
    /// The input ends before the word's length byte.
    CutOff,
    /// The word claims a longer prefix than the word before it has.
    SharesTooMuch { shared: usize, before: usize },
}

impl std::fmt::Display for FrontCodingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FrontCodingError::CutOff => write!(f, "is cut off"),
            FrontCodingError::SharesTooMuch { shared, before } => {
                write!(f, "shares {shared} bytes with a word of {before}")
            }
        }
    }
}

/// Reads the next word `write_front_coded` wrote from the front of `input`, into `word`, which
/// holds the word before it (empty before the first), and moves `input` past it.
pub fn read_front_coded(
    input: &mut &[u8],
    word: &mut Vec<u8>,
) -> std::result::Result<(), FrontCodingError> {
    let end = input.iter().position(|&b| usize::from(b) <= MAX_SHARED);
    let end = end.ok_or(FrontCodingError::CutOff)?;
    let shared = usize::from(input[end]);
    if shared > word.len() {
        return Err(FrontCodingError::SharesTooMuch {
            shared,
            before: word.len(),
        });
    }
    word.truncate(shared);
    word.extend_from_slice(&input[..end]);
    *input = &input[end + 1..];
    Ok(())
}

/// Reads a model file front to back; every read past its end is an error, not a panic.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    /// Ends the read: bytes left after the weights mean a file this build does not understand.
    pub fn finish(&self) -> Result<()> {
        match self.bytes.len() - self.at {
            0 => Ok(()),
            left => Err(Error::Model(format!(
                "{left} bytes left over after the weights"
            ))),
        }
    }

    /// How many bytes are left to read.
    pub fn remaining(&self) -> usize {
        self.bytes.len() - self.at
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| Error::Model("file ends too early".into()))?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    pub fn u16(&mut self) -> Result<u16> {
        Ok(u16::from_le_bytes(
            self.take(2)?.try_into().expect("2 bytes"),
        ))
    }

    pub fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }

    pub fn f32(&mut self) -> Result<f32> {
        Ok(f32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }

    /// Reads one word of a front-coded list into `word`, which holds the word before it (see
    /// `read_front_coded`).
    pub fn front_coded(&mut self, word: &mut Vec<u8>) -> std::result::Result<(), FrontCodingError> {
        let mut rest = &self.bytes[self.at..];
        read_front_coded(&mut rest, word)?;
        self.at = self.bytes.len() - rest.len();
        Ok(())
    }

    pub fn varint(&mut self) -> Result<u32> {
        let mut v: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.take(1)?[0];
            v |= u32::from(b & 0x7f)
                .checked_shl(shift)
                .filter(|_| shift < 28 || b & 0x7f < 16)
                .ok_or_else(|| Error::Model("varint overflows 32 bits".into()))?;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(Error::Model("varint longer than 5 bytes".into()))
    }
}
