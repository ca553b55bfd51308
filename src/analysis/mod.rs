//! The shared linguistic analysis of a document, computed once after segmentation: the token
//! table ([`Tokens`]) gives every token its lower-case form, an interned word id, its Penn
//! and Universal part-of-speech tags, its lemma and its word classes.
//!
//! ```
//! use newslens::analysis::{Tag, Tokens, Upos, WordClasses};
//! use newslens::doc::Document;
//!
//! let doc = Document::new("The minister pledged to cut taxes.");
//! let tokens = Tokens::new(&doc);
//! assert_eq!(tokens.tag(2), Tag::VBD);
//! assert_eq!(tokens.lemma(2), "pledge");
//! assert_eq!(tokens.upos(3), Upos::Part);
//! assert_eq!(tokens.lemma(5), "tax");
//! assert!(Tokens::new(&Document::new("She said so.")).has(0, WordClasses::FEMININE));
//! ```
//!
//! The tagger is rule-based (Brill's design, with the lexicon and rules pattern ships; see
//! [`tagger`]); lemmas come from rules and WordNet's irregular forms ([`lemma`]); word classes
//! from one data file ([`WordClasses`]). Everything is linear in the tokens; a word's lower
//! case, lemma and classes are computed once per distinct (word, tag) in a document.
//!
//! Measured (`cargo build --release --example tag && python3 scripts/eval_tagger.py
//! ../shared/eval/syntax/en_ewt-ud-dev.conllu`, gold tokens, 25,147 tokens of web English):
//! UPOS 92.4%, Penn 90.8%. The token table builds at about 10 MB/s of news text on one core
//! (`cargo run --release --example tag -- --bench < article.txt`).

pub mod classes;
pub mod clauses;
pub mod lemma;
pub mod references;
pub mod tagger;
pub mod tags;
pub mod upos;

use std::collections::hash_map::Entry;
use std::sync::Arc;

use crate::doc::{Document, Span};
use tagger::FnvMap;

pub use classes::WordClasses;
pub use clauses::Clauses;
pub use tags::{Tag, Upos};

/// Everything the analysis layer knows about one document, built once by [`Layer::new`] and
/// read by the quote and commitment extractors.
#[derive(Clone, Debug, Default)]
pub struct Layer {
    /// The token table: one entry per token of the document.
    pub tokens: Tokens,
    /// Noun phrases and verb groups with their subjects, complements and embedders.
    pub clauses: Clauses,
}

impl Layer {
    /// Analyses `doc`.
    pub fn new(doc: &Document) -> Layer {
        Layer::with_names(doc, &[])
    }

    /// Analyses `doc` knowing where the entity extractor found names (byte spans of people,
    /// organisations, places, ...): their capitalised words are proper nouns whatever the
    /// lexicon says of the word alone ("Jack Law", "the Third Way", "One Wisconsin Now"), so
    /// phrases and subjects keep a name whole. The entity extractor decides from the whole
    /// document; the tagger sees one sentence.
    pub fn with_names(doc: &Document, names: &[Span]) -> Layer {
        let mut tokens = Tokens::new(doc);
        tokens.mark_names(doc, names);
        let clauses = Clauses::new(&tokens, doc.sentences.iter().map(|s| s.tokens.clone()));
        Layer { tokens, clauses }
    }

    /// Analyses one sentence given as words (see [`Tokens::from_words`]).
    pub fn from_words(words: &[&str], glued: &[bool]) -> Layer {
        let tokens = Tokens::from_words(words, glued);
        let clauses = Clauses::new(&tokens, std::iter::once(0..words.len()));
        Layer { tokens, clauses }
    }
}

/// A word's id, unique within one [`Tokens`] table: two tokens with the same lower-case form
/// (or a token's lemma equal to another's form) have the same id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WordId(pub u32);

/// What the analysis knows about one token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenInfo {
    /// Byte span into the document's text (the same as the document's token).
    pub span: Span,
    /// The lower-case form, apostrophes written `'` ("’s" is "'s").
    pub word: WordId,
    /// The lemma, lower case.
    pub lemma: WordId,
    /// Penn Treebank tag.
    pub tag: Tag,
    /// Universal POS tag.
    pub upos: Upos,
    /// Word classes of the form and of the lemma.
    pub classes: WordClasses,
}

/// Interns strings: each distinct string is stored once (one allocation, shared by the map
/// and the list).
#[derive(Clone, Debug, Default)]
struct Interner {
    ids: FnvMap<Arc<str>, WordId>,
    strings: Vec<Arc<str>>,
}

impl Interner {
    fn intern(&mut self, s: &str) -> WordId {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = WordId(self.strings.len() as u32);
        let stored: Arc<str> = Arc::from(s);
        self.strings.push(Arc::clone(&stored));
        self.ids.insert(stored, id);
        id
    }
}

/// The token table of a document: one [`TokenInfo`] per token of [`Document::tokens`], same
/// index.
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    tokens: Vec<TokenInfo>,
    words: Interner,
}

/// Reused buffers of one build.
#[derive(Default)]
struct Scratch {
    /// Surface forms of the sentence with apostrophes normalised, back to back.
    surface: String,
    ranges: Vec<(usize, usize)>,
    glued: Vec<bool>,
    tags: Vec<Tag>,
    upos: Vec<Upos>,
    lower: String,
    /// (form id, tag) → (lemma id, classes).
    lemmas: FnvMap<(WordId, Tag), (WordId, WordClasses)>,
}

impl Tokens {
    /// Analyses every token of `doc`, sentence by sentence.
    pub fn new(doc: &Document) -> Tokens {
        // About one distinct form or lemma for every four tokens of an article; a long
        // document repeats its words, so the table is not sized past a few thousand.
        let distinct = (doc.tokens.len() / 4).min(8192);
        let mut table = Tokens {
            tokens: Vec::with_capacity(doc.tokens.len()),
            words: Interner {
                ids: FnvMap::with_capacity_and_hasher(distinct, Default::default()),
                strings: Vec::with_capacity(distinct),
            },
        };
        let mut scratch = Scratch::default();
        let mut next = 0;
        for sentence in &doc.sentences {
            // Tokens outside every sentence (there should be none) are tagged on their own.
            if sentence.tokens.start > next {
                table.push_sentence(doc, next..sentence.tokens.start, &mut scratch);
            }
            let start = sentence.tokens.start.max(next);
            if sentence.tokens.end > start {
                table.push_sentence(doc, start..sentence.tokens.end, &mut scratch);
            }
            next = next.max(sentence.tokens.end);
        }
        if next < doc.tokens.len() {
            table.push_sentence(doc, next..doc.tokens.len(), &mut scratch);
        }
        table
    }

    /// Analyses one sentence given as words, as a tokeniser split it: `glued[i]` says that
    /// no space came before word `i` (a shorter slice counts as spaced). Spans point into the
    /// words joined by single spaces. For tools and tests that bring their own tokens.
    pub fn from_words(words: &[&str], glued: &[bool]) -> Tokens {
        let mut table = Tokens::default();
        let mut scratch = Scratch::default();
        let mut pos = 0;
        let spans: Vec<Span> = words
            .iter()
            .map(|w| {
                let span = Span::new(pos, pos + w.len());
                pos += w.len() + 1;
                span
            })
            .collect();
        scratch
            .glued
            .extend((0..words.len()).map(|i| glued.get(i).copied().unwrap_or(false)));
        table.push_words(words.iter().copied().zip(spans), None, &mut scratch);
        table
    }

    /// Retags the capitalised open-class words inside `names` (byte spans, in any order) as
    /// proper nouns: `NNPS` for a plural noun ("the National Union of Journalists"), else
    /// `NNP`. Function words inside a name ("of", "the") keep their tags.
    fn mark_names(&mut self, doc: &Document, names: &[Span]) {
        for name in names {
            let first = doc.token_at_or_after(name.start).min(self.tokens.len());
            for info in self.tokens[first..]
                .iter_mut()
                .take_while(|t| t.span.end <= name.end)
            {
                let open = info.tag.is_noun()
                    || info.tag.is_verb()
                    || info.tag.is_adjective()
                    || info.tag.is_adverb()
                    || info.tag == Tag::FW;
                let capital = doc.slice(info.span).starts_with(char::is_uppercase);
                if open && capital && !info.tag.is_proper_noun() {
                    info.tag = if matches!(info.tag, Tag::NNS) {
                        Tag::NNPS
                    } else {
                        Tag::NNP
                    };
                    info.upos = Upos::Propn;
                }
            }
        }
    }

    fn push_sentence(
        &mut self,
        doc: &Document,
        range: std::ops::Range<usize>,
        scratch: &mut Scratch,
    ) {
        scratch.glued.clear();
        scratch
            .glued
            .extend(doc.tokens[range.clone()].iter().map(|t| !t.space_before));
        let first = range.start;
        let words = doc.tokens[range]
            .iter()
            .map(|t| (doc.slice(t.span), t.span));
        self.push_words(words, Some((doc, first)), scratch);
    }

    /// `doc`: the document the words are tokens of, from token `.1` on, whose lower-case
    /// forms are reused.
    fn push_words<'a>(
        &mut self,
        words: impl Iterator<Item = (&'a str, Span)>,
        doc: Option<(&Document, usize)>,
        scratch: &mut Scratch,
    ) {
        scratch.surface.clear();
        scratch.ranges.clear();
        let first = self.tokens.len();
        for (word, span) in words {
            let start = scratch.surface.len();
            if word == "\u{2019}" || !word.as_bytes().contains(&0x99) {
                // Alone, it is a quotation mark (or a plural's possessive), not an apostrophe;
                // without the byte 0x99 there is no U+2019 (E2 80 99) to normalise.
                scratch.surface.push_str(word);
            } else {
                scratch
                    .surface
                    .extend(word.chars().map(normalise_apostrophe));
            }
            scratch.ranges.push((start, scratch.surface.len()));
            self.tokens.push(TokenInfo {
                span,
                word: WordId(0),
                lemma: WordId(0),
                tag: Tag::Xx,
                upos: Upos::X,
                classes: WordClasses::NONE,
            });
        }
        let surface: Vec<&str> = scratch
            .ranges
            .iter()
            .map(|&(s, e)| &scratch.surface[s..e])
            .collect();
        tagger::tag_words(&surface, &scratch.glued, &mut scratch.tags);
        for (k, word) in surface.iter().enumerate() {
            scratch.lower.clear();
            // The document's lower-case form, unless the surface form may differ from the
            // token: a curly apostrophe (U+2019, bytes E2 80 99) is written straight.
            let lower: &str = match doc {
                Some((doc, first_token))
                    if !doc.token_text(first_token + k).as_bytes().contains(&0x99) =>
                {
                    doc.token_lower(first_token + k)
                }
                _ => {
                    tagger::push_lower(&mut scratch.lower, word);
                    &scratch.lower
                }
            };
            let form = self.words.intern(lower);
            let tag = scratch.tags[k];
            let (lemma, classes) = match scratch.lemmas.entry((form, tag)) {
                Entry::Occupied(e) => *e.get(),
                Entry::Vacant(e) => {
                    let lemma_text = lemma::lemma(lower, tag);
                    let mut classes = classes::classify(lower, &lemma_text);
                    if let Some((_, clitic)) = tagger::split_clitic(lower) {
                        // "don't" is a negator and "we'll" a modal, as "n't" and "'ll" are.
                        classes |= classes::classify(clitic, clitic);
                    }
                    let lemma = self.words.intern(&lemma_text);
                    *e.insert((lemma, classes))
                }
            };
            let info = &mut self.tokens[first + k];
            info.word = form;
            info.lemma = lemma;
            info.tag = tag;
            info.classes = classes;
        }
        let lower: Vec<&str> = self.tokens[first..]
            .iter()
            .map(|t| &*self.words.strings[t.word.0 as usize])
            .collect();
        let classes: Vec<WordClasses> = self.tokens[first..].iter().map(|t| t.classes).collect();
        upos::map_sentence(&surface, &lower, &scratch.tags, &classes, &mut scratch.upos);
        for (info, &u) in self.tokens[first..].iter_mut().zip(&scratch.upos) {
            info.upos = u;
        }
    }

    /// Number of tokens (the same as the document's).
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// True for a document with no token.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Everything about token `i`. Panics when `i` is out of range, as slice indexing does.
    pub fn get(&self, i: usize) -> &TokenInfo {
        &self.tokens[i]
    }

    /// All tokens, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, TokenInfo> {
        self.tokens.iter()
    }

    /// The tokens as a slice.
    pub fn as_slice(&self) -> &[TokenInfo] {
        &self.tokens
    }

    /// Byte span of token `i`.
    pub fn span(&self, i: usize) -> Span {
        self.tokens[i].span
    }

    /// Lower-case form of token `i`, apostrophes as `'`.
    pub fn lower(&self, i: usize) -> &str {
        self.text(self.tokens[i].word)
    }

    /// Lemma of token `i`, lower case.
    pub fn lemma(&self, i: usize) -> &str {
        self.text(self.tokens[i].lemma)
    }

    /// Penn Treebank tag of token `i`.
    pub fn tag(&self, i: usize) -> Tag {
        self.tokens[i].tag
    }

    /// Universal POS tag of token `i`.
    pub fn upos(&self, i: usize) -> Upos {
        self.tokens[i].upos
    }

    /// Word classes of token `i`.
    pub fn classes(&self, i: usize) -> WordClasses {
        self.tokens[i].classes
    }

    /// True when token `i` has every class in `class`.
    pub fn has(&self, i: usize, class: WordClasses) -> bool {
        self.tokens[i].classes.contains(class)
    }

    /// Interned id of token `i`'s lower-case form.
    pub fn word(&self, i: usize) -> WordId {
        self.tokens[i].word
    }

    /// The string of a word id from this table.
    pub fn text(&self, id: WordId) -> &str {
        &self.words.strings[id.0 as usize]
    }

    /// The id of a lower-case form or lemma, if some token of this table has it.
    pub fn find(&self, word: &str) -> Option<WordId> {
        self.words.ids.get(word).copied()
    }

    /// Number of distinct words (forms and lemmas) in the table; ids are below it.
    pub fn word_count(&self) -> usize {
        self.words.strings.len()
    }
}

fn normalise_apostrophe(c: char) -> char {
    if c == '\u{2019}' { '\'' } else { c }
}

#[cfg(test)]
mod tests;
