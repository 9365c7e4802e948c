//! The byte layer of the shipped binary models (`model/ner.bin`, `model/pos.bin`):
//! little-endian numbers and varints, read with bounds checks so that a truncated or corrupt
//! file is an `Error::Model`, never a panic.

use crate::error::{Error, Result};

/// Appends `v` as a LEB128 varint: seven bits a byte, low bits first.
pub fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
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

    pub fn take(&mut self, n: usize) -> Result<&[u8]> {
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
