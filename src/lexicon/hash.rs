//! Hashing for the word lists: a small, fast hasher and fixed-size word keys.

/// A small, fast hasher for short words (FxHash); the lists are ours, so
/// hash flooding is not a concern.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        // Whole 8-byte words, then the tail folded in by hand: no call to
        // memcpy for the few bytes of a word.
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut tail = 0u64;
            for (k, &b) in rest.iter().enumerate() {
                tail |= u64::from(b) << (8 * k);
            }
            self.add(tail);
        }
    }

    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    #[inline]
    fn write_u64(&mut self, w: u64) {
        self.add(w);
    }

    #[inline]
    fn write_usize(&mut self, w: usize) {
        self.add(w as u64);
    }

    fn finish(&self) -> u64 {
        // The multiply leaves its best-mixed bits at the top; the table
        // indexes with the low ones, which would otherwise depend only on
        // a word's first letters (the rotation rustc's FxHasher makes).
        self.0.rotate_left(26)
    }
}

/// A word of at most 24 bytes as a fixed array: the class map is looked up
/// once per token, and comparing arrays needs no call to `memcmp`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WordKey([u64; 3]);

impl std::hash::Hash for WordKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // One mix of the three words: most keys fit in the first.
        state.write_u64(self.0[0] ^ self.0[1].rotate_left(21) ^ self.0[2].rotate_left(42));
    }
}

impl WordKey {
    /// The key of the first `len` bytes of a zero-padded buffer (the same
    /// key [`WordKey::new`] makes of those bytes).
    pub(crate) fn from_padded(buf: &[u8; 24]) -> WordKey {
        let word = |k: usize| {
            let mut w = [0u8; 8];
            w.copy_from_slice(&buf[k * 8..k * 8 + 8]);
            u64::from_le_bytes(w)
        };
        WordKey([word(0), word(1), word(2)])
    }

    /// `None` for longer words, which no list holds. Packed by hand: a
    /// `copy_from_slice` of a variable length is a call to `memcpy`.
    pub(crate) fn new(w: &str) -> Option<WordKey> {
        let b = w.as_bytes();
        if b.is_empty() || b.len() > 24 {
            return None;
        }
        let mut k = [0u64; 3];
        let mut chunks = b.chunks_exact(8);
        for (slot, c) in k.iter_mut().zip(&mut chunks) {
            *slot = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        }
        let rest = chunks.remainder();
        let mut tail = 0u64;
        for (j, &byte) in rest.iter().enumerate() {
            tail |= u64::from(byte) << (8 * j);
        }
        if !rest.is_empty() {
            k[b.len() / 8] = tail;
        }
        Some(WordKey(k))
    }
}
