//! Embedded word lists and the matcher that finds their entries in text.
//!
//! Every list is a text file in `src/lexicon/data/`. Small lists are compiled into the binary
//! with `include_str!` and parsed on first use; the large ones are turned by `build.rs` into
//! [`Table`]s (word → value) and [`Trie`]s (phrase matchers), so that start-up parses nothing
//! big. The format is one entry per line; `#` starts a comment line; blank lines are skipped;
//! a line may carry tab-separated fields after the entry (what they mean is said in the file's
//! header). Every file's header names its source and licence as `headers.rs` describes; a
//! test holds every file there to it.

#[cfg(test)]
mod headers;
mod parse;
pub mod table;
mod table_hash;
pub mod trie;

pub use table::Table;
pub use trie::Trie;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::doc::Span;

/// A hash map for per-document tables keyed by the document's text (words, names): aHash,
/// seeded at random per process as the standard SipHash is, so that a crafted text cannot
/// choose colliding keys, and several times faster on short keys (SipHash was about 5% of all
/// the work). Tables keyed by fixed data use FNV (`analysis::tagger::FnvMap`).
pub type TextMap<K, V> = std::collections::HashMap<K, V, ahash::RandomState>;
/// A set of the document's words; see [`TextMap`].
pub type TextSet<K> = std::collections::HashSet<K, ahash::RandomState>;

/// The entries of an embedded list: each non-blank, non-comment line split on tabs, trimmed.
pub fn entries(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    // As `l.split('\t').map(str::trim).collect()`, with a byte loop (start-up work).
    parse::entry_lines(data).map(|l| {
        let mut fields = Vec::with_capacity(4);
        let mut rest = l;
        while let Some(k) = rest.bytes().position(|b| b == b'\t') {
            fields.push(rest[..k].trim());
            rest = &rest[k + 1..];
        }
        fields.push(rest.trim());
        fields
    })
}

/// The first field of every entry: for plain word lists.
pub fn words(data: &'static str) -> impl Iterator<Item = &'static str> {
    parse::first_fields(data)
}

/// A set of phrases found in text with leftmost-longest matching, keeping only matches that
/// start and end on word boundaries. Each phrase carries a value (an index the caller chooses).
///
/// Build once and reuse: building is the costly part.
pub struct Gazetteer<V> {
    matcher: AhoCorasick,
    values: Vec<V>,
}

impl<V> Gazetteer<V> {
    /// `ascii_case_insensitive` matches "BEIJING" and "beijing" against "Beijing".
    pub fn new<P: AsRef<str>>(
        pairs: impl IntoIterator<Item = (P, V)>,
        ascii_case_insensitive: bool,
    ) -> Self {
        Self::build(pairs, ascii_case_insensitive, None)
    }

    fn build<P: AsRef<str>>(
        pairs: impl IntoIterator<Item = (P, V)>,
        ascii_case_insensitive: bool,
        kind: Option<AhoCorasickKind>,
    ) -> Self {
        let (patterns, values): (Vec<P>, Vec<V>) = pairs.into_iter().unzip();
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(ascii_case_insensitive)
            .kind(kind)
            .prefilter(kind.is_none())
            .build(patterns.iter().map(AsRef::as_ref))
            .expect("gazetteer patterns are plain strings");
        Gazetteer { matcher, values }
    }

    /// Every word-bounded match in `text`, in order, with the value of the phrase matched.
    pub fn find_all<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (Span, &'a V)> + 'a {
        self.matcher.find_iter(text).filter_map(move |m| {
            let span = Span::new(m.start(), m.end());
            is_word_bounded(text, span).then(|| (span, &self.values[m.pattern().as_usize()]))
        })
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

/// The matches of [`Gazetteer`] (leftmost-longest, non-overlapping, then kept when word
/// bounded), for a few phrases over a little text: built per document for its headline
/// names, where building an Aho-Corasick automaton cost more than all the searching (about
/// 0.7 M instructions a document for the DFA, 0.23 M for the NFA). Patterns are tried at
/// each byte by their first byte; past `work_limit` (text bytes times patterns) it builds
/// the automaton instead, so a long text with many names stays linear.
pub enum SmallGazetteer<V> {
    Scan {
        /// Pattern bytes, in pattern order.
        patterns: Vec<Box<[u8]>>,
        /// For each first byte (ASCII lower case when case-insensitive), the patterns that
        /// start with it, in pattern order.
        by_first: Box<[Vec<u32>; 256]>,
        ascii_case_insensitive: bool,
        values: Vec<V>,
    },
    Automaton(Gazetteer<V>),
}

impl<V> SmallGazetteer<V> {
    /// `text_bytes` is about how much text will be searched, for the choice of method.
    pub fn new<P: AsRef<str>>(
        pairs: impl IntoIterator<Item = (P, V)>,
        ascii_case_insensitive: bool,
        text_bytes: usize,
    ) -> Self {
        const WORK_LIMIT: usize = 1 << 21;
        let (patterns, values): (Vec<P>, Vec<V>) = pairs.into_iter().unzip();
        if patterns.is_empty()
            || patterns.iter().any(|p| p.as_ref().is_empty())
            || text_bytes.saturating_mul(patterns.len()) > WORK_LIMIT
        {
            return SmallGazetteer::Automaton(Gazetteer::build(
                patterns.into_iter().zip(values),
                ascii_case_insensitive,
                Some(AhoCorasickKind::NoncontiguousNFA),
            ));
        }
        let fold = |b: u8| {
            if ascii_case_insensitive {
                b.to_ascii_lowercase()
            } else {
                b
            }
        };
        let mut by_first: Box<[Vec<u32>; 256]> = Box::new(std::array::from_fn(|_| Vec::new()));
        let patterns: Vec<Box<[u8]>> = patterns
            .iter()
            .map(|p| Box::from(p.as_ref().as_bytes()))
            .collect();
        for (i, p) in patterns.iter().enumerate() {
            by_first[usize::from(fold(p[0]))].push(i as u32);
        }
        SmallGazetteer::Scan {
            patterns,
            by_first,
            ascii_case_insensitive,
            values,
        }
    }

    /// Every word-bounded match in `text`, in order, as [`Gazetteer::find_all`] finds them.
    pub fn find_all<'a>(&'a self, text: &'a str) -> Vec<(Span, &'a V)> {
        let (patterns, by_first, ci, values) = match self {
            SmallGazetteer::Automaton(g) => return g.find_all(text).collect(),
            SmallGazetteer::Scan {
                patterns,
                by_first,
                ascii_case_insensitive,
                values,
            } => (patterns, by_first, *ascii_case_insensitive, values),
        };
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < bytes.len() {
            let first = if ci {
                bytes[pos].to_ascii_lowercase()
            } else {
                bytes[pos]
            };
            // Leftmost-longest: the longest pattern matching here, the first of equals.
            let mut best: Option<(usize, u32)> = None;
            for &i in &by_first[usize::from(first)] {
                let p = &patterns[i as usize];
                let longer = best.is_none_or(|(len, _)| p.len() > len);
                if longer
                    && bytes.len() - pos >= p.len()
                    && if ci {
                        bytes[pos..pos + p.len()].eq_ignore_ascii_case(p)
                    } else {
                        bytes[pos..pos + p.len()] == **p
                    }
                {
                    best = Some((p.len(), i));
                }
            }
            match best {
                Some((len, i)) => {
                    let span = Span::new(pos, pos + len);
                    if is_word_bounded(text, span) {
                        out.push((span, &values[i as usize]));
                    }
                    pos += len;
                }
                None => pos += 1,
            }
        }
        out
    }
}

/// True when no word character touches `span` on either side.
pub fn is_word_bounded(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-loop line reader gives what `str::lines` gave, on every shipped list and on
    /// Windows line ends, blank and comment lines.
    #[test]
    fn entry_lines_are_those_of_str_lines() {
        let old = |data: &'static str| -> Vec<&'static str> {
            data.lines()
                .map(str::trim_end)
                .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
                .collect()
        };
        let mut lists: Vec<&'static str> = vec![
            "",
            "\n",
            "a",
            "a\n",
            "a\r\nb\r\n",
            " \t\n# c\n  #d\n x\ty \r\n\n\nz",
            "é\u{a0}\n\r",
        ];
        lists.extend([
            crate::extract::entities::lists::RULES,
            crate::extract::entities::lists::CONTEXT,
            crate::extract::entities::lists::FIRST_NAMES_CENSUS,
            crate::extract::entities::lists::SURNAMES,
            crate::extract::entities::lists::PLACES,
        ]);
        for data in lists {
            assert_eq!(parse::entry_lines(data).collect::<Vec<_>>(), old(data));
            let firsts: Vec<&str> = old(data)
                .iter()
                .map(|l| l.split('\t').next().unwrap_or(l).trim())
                .collect();
            assert_eq!(words(data).collect::<Vec<_>>(), firsts);
            let fields: Vec<Vec<&str>> = old(data)
                .iter()
                .map(|l| l.split('\t').map(str::trim).collect())
                .collect();
            assert_eq!(entries(data).collect::<Vec<_>>(), fields);
        }
    }

    #[test]
    fn entries_skip_comments_and_split_fields() {
        let data = "# header\n\nBeijing\tGPE\n  \nHarbin Institute of Technology\tORG\n";
        let got: Vec<Vec<&str>> = entries(data).collect();
        assert_eq!(
            got,
            vec![
                vec!["Beijing", "GPE"],
                vec!["Harbin Institute of Technology", "ORG"]
            ]
        );
    }

    /// The scanning matcher finds what the automaton finds, on texts made of its patterns'
    /// pieces (so that matches overlap, nest and touch word characters).
    #[test]
    fn small_gazetteer_matches_the_automaton() {
        let patterns = [
            "Li",
            "Li Wei",
            "LI",
            "Wei",
            "Wei Li",
            "Ei",
            "Ann",
            "Anna",
            "anna",
            "St. Ann",
            "Ó Sé",
            "é",
            "O",
            "New York",
            "York",
            "Yorkshire",
        ];
        let pieces = [
            "Li",
            " ",
            "Wei",
            "li",
            "ANNA",
            "Ann",
            "a",
            ".",
            "St",
            "Ó",
            "Sé",
            "é",
            "o",
            "New",
            "York",
            "shire",
            "-",
            "\u{2019}s",
            "WEI",
            "x",
        ];
        let mut seed = 7u64;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(seed % 12) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            for ci in [false, true] {
                let pairs = || patterns.iter().copied().zip(0..);
                let big = Gazetteer::new(pairs(), ci);
                let small = SmallGazetteer::new(pairs(), ci, text.len());
                assert!(matches!(small, SmallGazetteer::Scan { .. }));
                let want: Vec<(Span, &i32)> = big.find_all(&text).collect();
                assert_eq!(small.find_all(&text), want, "{text:?} ci={ci}");
                let fallback = SmallGazetteer::new(pairs(), ci, usize::MAX);
                assert!(matches!(fallback, SmallGazetteer::Automaton(_)));
                assert_eq!(fallback.find_all(&text), want, "{text:?} ci={ci}");
            }
        }
    }

    #[test]
    fn gazetteer_is_leftmost_longest_and_word_bounded() {
        let g = Gazetteer::new(
            [
                ("Harbin", 1),
                ("Harbin Institute of Technology", 2),
                ("Ukraine", 3),
            ],
            false,
        );
        let text = "At the Harbin Institute of Technology in Harbin; Ukrainetown; Ukraine.";
        let got: Vec<(&str, i32)> = g
            .find_all(text)
            .map(|(s, v)| (&text[s.start..s.end], *v))
            .collect();
        assert_eq!(
            got,
            [
                ("Harbin Institute of Technology", 2),
                ("Harbin", 1),
                ("Ukraine", 3)
            ]
        );
    }
}
