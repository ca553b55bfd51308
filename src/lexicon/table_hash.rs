// The hash of a key of a static table (`crate::lexicon::table`). This file is also compiled
// into `build.rs` (with `#[path]`), so the tables the build writes and the look-ups the binary
// makes hash the same way. Keys are fixed data, not input, so a fast non-cryptographic hash
// is safe here (the rustc "Fx" step, 8 bytes at a time).

/// Hash of `key` for slot selection.
pub fn table_hash(key: &[u8]) -> u64 {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut h: u64 = key.len() as u64;
    let mut chunks = key.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(last)).wrapping_mul(SEED);
    }
    // Fold the high bits down: slots are chosen by the low bits.
    h ^ (h >> 29)
}
