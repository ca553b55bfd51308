//! Phrase matchers written by `build.rs`: a trie over a fixed set of phrases, laid out as a
//! double array, so that the binary finds the phrases without building an automaton at
//! start-up (building the topic lexicon's two Aho-Corasick automata was half of the start-up
//! cost).
//!
//! Matching is the same as a [`Gazetteer`](super::Gazetteer)'s: leftmost-longest,
//! non-overlapping, left to right (at each position from the left, the longest phrase that
//! starts there; after a match the scan goes on at its end), keeping only the matches that
//! start and end on word boundaries. A walk from each position costs at most the longest
//! phrase's length, a constant, so a scan is linear in the text.
//!
//! Layout: one cell per trie state, `[base, check, value]`. The root is cell 0; the child of
//! state `s` by byte `b` is cell `t = base[s] + b` when `check[t] == s + 1` (0 marks a free
//! cell); `value` is the phrase's value + 1 where a phrase ends (0: none).

use crate::doc::Span;

use super::is_word_bounded;

/// The longest phrase starting at byte `start` of `text`: its end and value. `FOLD` matches
/// ASCII-case-insensitively (the phrases are stored in lower case).
#[inline]
fn longest_at<const FOLD: bool>(
    cells: &[[u32; 3]],
    text: &[u8],
    start: usize,
) -> Option<(usize, usize)> {
    let mut state = 0usize;
    let mut base = cells[0][0] as usize;
    let mut best = None;
    for (i, &b) in text[start..].iter().enumerate() {
        let b = if FOLD { b.to_ascii_lowercase() } else { b };
        let t = base + usize::from(b);
        match cells.get(t) {
            Some(cell) if cell[1] as usize == state + 1 => {
                state = t;
                base = cell[0] as usize;
                if cell[2] != 0 {
                    best = Some((start + i + 1, cell[2] as usize - 1));
                }
            }
            _ => break,
        }
    }
    best
}

/// A read-only phrase matcher over cells written by `build.rs`.
#[derive(Clone, Copy)]
pub struct Trie {
    /// Phrases are stored in ASCII lower case and matched ASCII-case-insensitively.
    pub fold: bool,
    pub cells: &'static [[u32; 3]],
}

impl Trie {
    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.cells.iter().filter(|c| c[1] != 0 && c[2] != 0).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The longest phrase starting at byte `start` of `text`: its end and value.
    #[inline]
    fn longest_at(&self, text: &[u8], start: usize) -> Option<(usize, usize)> {
        if self.fold {
            longest_at::<true>(self.cells, text, start)
        } else {
            longest_at::<false>(self.cells, text, start)
        }
    }

    /// Every word-bounded match in `text`, in order, with the value of the phrase matched.
    pub fn find_all<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (Span, usize)> + 'a {
        let bytes = text.as_bytes();
        let mut at = 0;
        std::iter::from_fn(move || {
            while at < bytes.len() {
                let start = at;
                match self.longest_at(bytes, start) {
                    Some((end, v)) => {
                        at = end;
                        let span = Span::new(start, end);
                        if is_word_bounded(text, span) {
                            return Some((span, v));
                        }
                    }
                    None => at += 1,
                }
            }
            None
        })
    }
}
