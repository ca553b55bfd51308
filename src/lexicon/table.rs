//! Static look-up tables written by `build.rs`: a word list's keys hashed into an
//! open-addressing table at compile time, so the binary looks words up without parsing the
//! list first.
//!
//! Layout of the bytes (all little-endian): `u32` slot count (a power of two), then the slots,
//! 8 bytes each — `u32` offset of the key in the key bytes, `u8` key length (0: empty slot),
//! `u8` the hash's top byte, `u16` value — then the key bytes. Linear probing; the build keeps
//! the table at most half full, so a miss ends after a probe or two.

use super::table_hash::table_hash;

/// A read-only map from `&str` to `u16`, over bytes written by `build.rs`.
#[derive(Clone, Copy)]
pub struct Table {
    bytes: &'static [u8],
    mask: usize,
    keys: usize,
}

const SLOT: usize = 8;

impl Table {
    /// Reads the header of a table; `bytes` come from `include_bytes!` of a file `build.rs`
    /// wrote.
    pub const fn new(bytes: &'static [u8]) -> Table {
        let slots = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize;
        Table {
            bytes,
            mask: slots - 1,
            keys: 4 + slots * SLOT,
        }
    }

    /// The value stored for `key`.
    #[inline]
    pub fn get(&self, key: &str) -> Option<u16> {
        let key = key.as_bytes();
        if key.is_empty() || key.len() > 255 {
            return None;
        }
        let h = table_hash(key);
        let tag = (h >> 56) as u8;
        let mut i = h as usize & self.mask;
        loop {
            let at = 4 + i * SLOT;
            let s = &self.bytes[at..at + SLOT];
            let len = s[4] as usize;
            if len == 0 {
                return None;
            }
            if len == key.len() && s[5] == tag {
                let off = self.keys + u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize;
                if &self.bytes[off..off + len] == key {
                    return Some(u16::from_le_bytes([s[6], s[7]]));
                }
            }
            i = (i + 1) & self.mask;
        }
    }

    pub fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Every (key, value) in the table, in slot order (for tests).
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, u16)> + '_ {
        let bytes = self.bytes;
        let keys = self.keys;
        (0..=self.mask).filter_map(move |i| {
            let s = &bytes[4 + i * SLOT..4 + (i + 1) * SLOT];
            let len = s[4] as usize;
            (len > 0).then(|| {
                let off = keys + u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize;
                let key = std::str::from_utf8(&bytes[off..off + len]).expect("UTF-8 key");
                (key, u16::from_le_bytes([s[6], s[7]]))
            })
        })
    }
}
