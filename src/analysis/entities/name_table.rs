//! The gazetteer's keys in one string, indexed by an open-addressing hash table.
//!
//! The browser builds the gazetteer on every page load, before its first analysis, and in code
//! that V8 has not optimised yet. A `HashMap<String, _>` of the 36,000 keys plus a `HashSet` of
//! their prefixes allocated once per key and once per prefix; here every key is appended to one
//! arena and a prefix is only a length into its key's copy, so building is hashing and copying.
//! One probe also answers both questions matching asks at each step: is this an entry, and can
//! a longer entry continue it?

/// One key as matching sees it: the entry's kinds and capitals (both 0 for a key that is only a
/// prefix), and whether a longer key starts with it and a space.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Found {
    /// A bit set over the gazetteer's `KINDS`; 0 when the key is not an entry.
    pub kinds: u8,
    /// Bit `i`: the entry's token `i` is capitalised.
    pub capitals: u8,
    /// Whether the key is a proper prefix (ending before a space) of an entry.
    pub prefix: bool,
}

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    /// The key's hash, 0 for an empty slot (a key that hashes to 0 is stored as 1).
    hash: u32,
    /// Where the key's bytes are in the arena.
    start: u32,
    len: u32,
    found: Found,
}

/// Keys with their kinds, capitals and prefix mark.
#[derive(Debug, Default)]
pub struct NameTable {
    arena: Vec<u8>,
    slots: Vec<Slot>,
    /// Occupied slots, entries and prefixes.
    used: usize,
    /// Keys that are entries.
    entries: usize,
}

/// The key's hash, never 0: eight bytes at a time, multiply and rotate (as rustc's FxHash), then
/// folded to 32 bits. Keys are short; a byte-at-a-time hash cost the start-up more than probing.
fn hash_of(key: &[u8]) -> u32 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = key.len() as u64;
    let mut chunks = key.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        h = (h.rotate_left(5) ^ word).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(last)).wrapping_mul(K);
    }
    ((h >> 32) as u32 ^ h as u32).max(1)
}

impl NameTable {
    /// A table sized for about `keys` keys (entries and prefixes) of `bytes` bytes in all, so that
    /// building the shipped gazetteer never grows it.
    pub fn with_capacity(keys: usize, bytes: usize) -> NameTable {
        NameTable {
            arena: Vec::with_capacity(bytes),
            slots: vec![Slot::default(); (keys * 2).next_power_of_two().max(16)],
            used: 0,
            entries: 0,
        }
    }

    /// Whether no key is an entry.
    pub fn is_empty(&self) -> bool {
        self.entries == 0
    }

    /// What the table knows of `key`, or `None` if it is neither an entry nor a prefix.
    #[inline]
    pub fn find(&self, key: &str) -> Option<Found> {
        if self.used == 0 {
            return None;
        }
        let at = self.position(key.as_bytes(), hash_of(key.as_bytes()));
        let slot = self.slots[at];
        (slot.hash != 0).then_some(slot.found)
    }

    /// Adds `key` as an entry of the kinds in `kinds`. A key that is already an entry keeps the
    /// laxer capitals: only tokens that both spellings capitalise must be capitalised to match.
    /// Also marks each of its prefixes that ends before a space.
    /// The key is given as bytes, and must be UTF-8: the gazetteer's reader builds plain ASCII
    /// keys as bytes, lower-casing a whole name at once.
    pub fn add_key(&mut self, key: &[u8], kinds: u8, capitals: u8) {
        let at = self.slot_for(key);
        let found = &mut self.slots[at].found;
        if found.kinds == 0 {
            found.capitals = capitals;
            self.entries += 1;
        } else {
            found.capitals &= capitals;
        }
        found.kinds |= kinds;
        let start = self.slots[at].start as usize;
        for (i, &b) in key.iter().enumerate() {
            if b == b' ' {
                self.mark_prefix(start, i);
            }
        }
    }

    /// Marks the arena's `start..start + len` (a prefix of a stored key) as a prefix.
    fn mark_prefix(&mut self, start: usize, len: usize) {
        let hash = hash_of(&self.arena[start..start + len]);
        let at = self.position(&self.arena[start..start + len], hash);
        if self.slots[at].hash == 0 {
            // A new key that is only a prefix: it points into the key it was cut from.
            self.slots[at] = Slot {
                hash,
                start: start as u32,
                len: len as u32,
                found: Found {
                    prefix: true,
                    ..Found::default()
                },
            };
            self.used += 1;
            self.grow_if_full();
        } else {
            self.slots[at].found.prefix = true;
        }
    }

    /// The slot of `key`, stored in the arena and the table first if it is new.
    fn slot_for(&mut self, key: &[u8]) -> usize {
        let hash = hash_of(key);
        let at = self.position(key, hash);
        if self.slots[at].hash != 0 {
            return at;
        }
        let start = self.arena.len();
        self.arena.extend_from_slice(key);
        self.slots[at] = Slot {
            hash,
            start: start as u32,
            len: key.len() as u32,
            found: Found::default(),
        };
        self.used += 1;
        if self.grow_if_full() {
            self.position(key, hash)
        } else {
            at
        }
    }

    /// The slot holding `key`, or the empty slot where it would go (linear probing).
    #[inline]
    fn position(&self, key: &[u8], hash: u32) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = hash as usize & mask;
        loop {
            let slot = &self.slots[at];
            if slot.hash == 0
                || (slot.hash == hash
                    && &self.arena[slot.start as usize..][..slot.len as usize] == key)
            {
                return at;
            }
            at = (at + 1) & mask;
        }
    }

    /// Doubles the table once it is half full; whether it did.
    fn grow_if_full(&mut self) -> bool {
        if self.used * 2 <= self.slots.len() {
            return false;
        }
        let doubled = vec![Slot::default(); self.slots.len() * 2];
        let old = std::mem::replace(&mut self.slots, doubled);
        let mask = self.slots.len() - 1;
        for slot in old.into_iter().filter(|s| s.hash != 0) {
            let mut at = slot.hash as usize & mask;
            while self.slots[at].hash != 0 {
                at = (at + 1) & mask;
            }
            self.slots[at] = slot;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_prefixes_and_capitals() {
        let mut t = NameTable::with_capacity(1, 1);
        assert!(t.is_empty());
        assert_eq!(t.find("new"), None);
        t.add_key(b"new york times", 0b10, 0b111);
        t.add_key(b"new york", 0b1, 0b11);
        t.add_key(b"new york", 0b100, 0b01);
        assert!(!t.is_empty());
        let found = |kinds, capitals, prefix| {
            Some(Found {
                kinds,
                capitals,
                prefix,
            })
        };
        assert_eq!(t.find("new"), found(0, 0, true), "only a prefix");
        assert_eq!(
            t.find("new york"),
            found(0b101, 0b01, true),
            "an entry twice keeps the laxer capitals, and is a prefix too"
        );
        assert_eq!(t.find("new york times"), found(0b10, 0b111, false));
        assert_eq!(t.find("york"), None);
        assert_eq!(t.find("new yor"), None, "prefixes end before a space");
    }

    /// Many keys from a tiny start: the table grows and keeps every key.
    #[test]
    fn grows_without_losing_keys() {
        let mut t = NameTable::with_capacity(1, 1);
        let keys: Vec<String> = (0..5000).map(|i| format!("w{i} x{}", i % 7)).collect();
        for (i, k) in keys.iter().enumerate() {
            t.add_key(k.as_bytes(), 1 << (i % 7), 1);
        }
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(t.find(k).map(|f| f.kinds), Some(1 << (i % 7)), "{k}");
            let prefix = k.split(' ').next().unwrap();
            assert_eq!(t.find(prefix).map(|f| f.prefix), Some(true), "{prefix}");
        }
        assert_eq!(t.find("w5000 x0"), None);
    }
}
