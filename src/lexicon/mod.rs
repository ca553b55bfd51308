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

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::doc::Span;

/// The entries of an embedded list: each non-blank, non-comment line split on tabs, trimmed.
pub fn entries(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    parse::entry_lines(data).map(|l| l.split('\t').map(str::trim).collect())
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
        let (patterns, values): (Vec<String>, Vec<V>) = pairs
            .into_iter()
            .map(|(p, v)| (p.as_ref().to_string(), v))
            .unzip();
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(ascii_case_insensitive)
            .build(&patterns)
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

/// True when no word character touches `span` on either side.
pub fn is_word_bounded(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

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
