//! Base64url without padding (RFC 4648 §5): the alphabet `A-Z a-z 0-9 - _`, safe in a URL
//! fragment without percent-encoding.
//!
//! Hand-written rather than a crate: share links need exactly this one variant, in ~60 lines that
//! the tests pin to the RFC's vectors, and the wasm bundle stays smaller.
//!
//! Worked example: `"Ma"` is bytes `0x4d 0x61` = bits `010011 010110 0001(00)`: the 6-bit groups
//! 19, 22, 4 give `T W E`, so `"TWE"`; the missing third byte means no fourth character.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Encodes `bytes`, without `=` padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        // A chunk of k bytes gives k + 1 characters.
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// The 6-bit value of a base64url character.
fn value(c: u8) -> Option<u32> {
    Some(u32::from(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    }))
}

/// Decodes unpadded base64url. `Err` holds the offset of the first bad character, or the text's
/// length when the length is impossible (one character past a multiple of four).
pub fn decode(text: &str) -> Result<Vec<u8>, usize> {
    let bytes = text.as_bytes();
    if bytes.len() % 4 == 1 {
        return Err(bytes.len());
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3 + 2);
    for (c, chunk) in bytes.chunks(4).enumerate() {
        let mut n = 0u32;
        for (i, &ch) in chunk.iter().enumerate() {
            n |= value(ch).ok_or(c * 4 + i)? << (18 - 6 * i);
        }
        // k characters carry k - 1 bytes.
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 4648 §10's vectors, without their padding.
    #[test]
    fn rfc_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
            ("Ma", "TWE"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(encode(plain.as_bytes()), encoded, "{plain}");
            assert_eq!(decode(encoded).unwrap(), plain.as_bytes(), "{plain}");
        }
    }

    #[test]
    fn the_url_safe_alphabet() {
        assert_eq!(encode(&[0xfb, 0xff, 0xbf]), "-_-_");
        assert_eq!(decode("-_-_").unwrap(), [0xfb, 0xff, 0xbf]);
    }

    #[test]
    fn bad_input_says_where() {
        let cases = [
            ("standard alphabet", "ab+d", Err(2)),
            ("padding", "Zg==", Err(2)),
            ("impossible length", "Zm9vY", Err(5)),
            ("non-ascii", "Zé", Err(1)),
        ];
        for (name, input, expected) in cases {
            assert_eq!(decode(input).map(|_| ()), expected, "{name}");
        }
    }

    #[test]
    fn all_bytes_round_trip() {
        let bytes: Vec<u8> = (0..=255).collect();
        for len in 0..bytes.len() {
            assert_eq!(decode(&encode(&bytes[..len])).unwrap(), &bytes[..len]);
        }
    }
}
