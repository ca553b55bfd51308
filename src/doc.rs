//! The document model every extractor reads: the text exactly as given, and its paragraphs,
//! sentences and tokens as byte spans into that text.
//!
//! Offsets inside the library are byte offsets (cheap to slice with); the printer converts them
//! to Unicode code point offsets in one place ([`crate::output`]).

use std::borrow::Cow;
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
    /// Every token's lower-case form, computed once (see [`Document::token_lower`]).
    lower: LowerForms,
}

/// The lower-case forms of a document's tokens: most tokens are already lower case and are
/// their own form; only the others are stored, back to back in one buffer. The extractors
/// used to lower-case each word several times, each time into a fresh string.
#[derive(Clone, Debug, Default)]
struct LowerForms {
    /// Per token: [`SAME`], or an index into `ends`.
    of: Vec<u32>,
    buf: String,
    /// Where each stored form ends in `buf` (it starts where the previous one ends).
    ends: Vec<usize>,
    /// Some token holds a capital sigma, which `str::to_lowercase` writes as a final sigma
    /// at the end of a word and `char::to_lowercase` never does.
    sigma: bool,
}

/// The token is its own lower-case form.
const SAME: u32 = u32::MAX;

impl LowerForms {
    fn new(text: &str, tokens: &[Token]) -> LowerForms {
        let mut forms = LowerForms {
            of: Vec::with_capacity(tokens.len()),
            ..LowerForms::default()
        };
        for t in tokens {
            let word = &text[t.span.start..t.span.end];
            if word.is_ascii() {
                if !word.bytes().any(|b| b.is_ascii_uppercase()) {
                    forms.of.push(SAME);
                    continue;
                }
                let start = forms.buf.len();
                forms.buf.push_str(word);
                forms.buf[start..].make_ascii_lowercase();
            } else {
                forms.sigma |= word.contains('\u{3a3}');
                let start = forms.buf.len();
                forms.buf.extend(word.chars().flat_map(char::to_lowercase));
                if forms.buf[start..] == *word {
                    forms.buf.truncate(start);
                    forms.of.push(SAME);
                    continue;
                }
            }
            // Fewer than 2^32 - 1 stored forms: a document has fewer tokens than bytes, and
            // 4 G tokens would take 96 GB for the token list alone.
            let index = u32::try_from(forms.ends.len()).expect("fewer than 4 G tokens");
            forms.ends.push(forms.buf.len());
            forms.of.push(index);
        }
        forms
    }
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
        let lower = LowerForms::new(&text, &tokens);
        Document {
            text,
            paragraphs,
            sentences,
            tokens,
            title,
            lower,
        }
    }

    /// Token `index`'s text in lower case, character by character (`char::to_lowercase`, as
    /// `analysis::tagger::push_lower` writes it), computed once per document.
    #[inline]
    pub fn token_lower(&self, index: usize) -> &str {
        match self.lower.of[index] {
            SAME => self.token_text(index),
            k => {
                let k = k as usize;
                let start = if k == 0 { 0 } else { self.lower.ends[k - 1] };
                &self.lower.buf[start..self.lower.ends[k]]
            }
        }
    }

    /// Token `index`'s text as `str::to_lowercase` writes it: [`Document::token_lower`]
    /// but for a word ending in a capital sigma.
    pub fn token_lowercase(&self, index: usize) -> Cow<'_, str> {
        if self.lower.sigma && self.token_text(index).contains('\u{3a3}') {
            return Cow::Owned(self.token_text(index).to_lowercase());
        }
        Cow::Borrowed(self.token_lower(index))
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
    fn token_lower_matches_lower_casing_each_token() {
        let text = "The BBC's ΣΟΦΊΑ ΟΔΟΣ and İstanbul, ÉCOLE née São Paulo: x ΑΣ.";
        let doc = Document::new(text);
        assert!(doc.tokens.len() > 10);
        for (i, t) in doc.tokens.iter().enumerate() {
            let word = doc.slice(t.span);
            let chars: String = word.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(doc.token_lower(i), chars, "{word}");
            assert_eq!(doc.token_lowercase(i), word.to_lowercase(), "{word}");
        }
    }

    #[test]
    fn word_count_skips_punctuation() {
        assert_eq!(
            Document::new("Xi met Putin in 2024, twice.").word_count(),
            6
        );
    }
}
