//! The document model every extractor reads: the text exactly as given, and its paragraphs,
//! sentences and tokens as byte spans into that text.
//!
//! Offsets inside the library are byte offsets (cheap to slice with); the printer converts them
//! to Unicode code point offsets in one place ([`crate::output`]).

use std::ops::Range;

use crate::segment;

/// A half-open byte range `[start, end)` into [`Document::text`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with digits, internal apostrophes or an abbreviation's periods
    /// ("Xi", "don't", "U.S.", "Mr.").
    Word,
    /// Starts with a digit: "75th", "1,400", "3.5", "1996-08-30", "1.13bn".
    Number,
    /// Punctuation, including quotation marks, dashes and a possessive "'s" split from its word.
    Punct,
    /// Currency signs and other symbols: "$", "£", "%", "&".
    Symbol,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Whitespace separates this token from the previous one (true for the first token).
    pub space_before: bool,
    /// A line break lies between this token and the previous one (true for the first token).
    pub line_start: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index range into [`Document::tokens`].
    pub tokens: Range<usize>,
    /// Index into [`Document::paragraphs`].
    pub paragraph: usize,
}

#[derive(Clone, Debug)]
pub struct Document {
    pub text: String,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// The headline, when the first line is one (see [`segment::find_title`]).
    pub title: Option<Span>,
}

impl Document {
    /// Segments `text` into paragraphs, sentences and tokens. Never fails: any string is a
    /// document (an empty one has no sentences).
    pub fn new(text: impl Into<String>) -> Document {
        let text = text.into();
        let tokens = segment::tokenize(&text);
        let paragraphs = segment::paragraphs(&text);
        let sentences = segment::sentences(&text, &tokens, &paragraphs);
        let title = segment::find_title(&text, &sentences);
        Document {
            text,
            paragraphs,
            sentences,
            tokens,
            title,
        }
    }

    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    pub fn token_text(&self, index: usize) -> &str {
        self.slice(self.tokens[index].span)
    }

    pub fn sentence_text(&self, index: usize) -> &str {
        self.slice(self.sentences[index].span)
    }

    pub fn sentence_tokens(&self, index: usize) -> &[Token] {
        &self.tokens[self.sentences[index].tokens.clone()]
    }

    /// The sentence holding byte offset `pos`, or the nearest one before it (offsets between
    /// sentences belong to the previous sentence). `None` only for a document with no sentences.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        if self.sentences.is_empty() {
            return None;
        }
        let after = self.sentences.partition_point(|s| s.span.start <= pos);
        Some(after.saturating_sub(1))
    }

    /// The index of the first token that starts at or after `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }

    /// Number of word and number tokens: what `stats.words` reports.
    pub fn word_count(&self) -> usize {
        self.tokens
            .iter()
            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_at_maps_gaps_to_previous_sentence() {
        let doc = Document::new("One here.  Two there.");
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(doc.sentence_at(0), Some(0));
        assert_eq!(doc.sentence_at(9), Some(0));
        assert_eq!(doc.sentence_at(11), Some(1));
        assert_eq!(Document::new("").sentence_at(0), None);
    }

    #[test]
    fn word_count_skips_punctuation() {
        assert_eq!(
            Document::new("Xi met Putin in 2024, twice.").word_count(),
            6
        );
    }
}
