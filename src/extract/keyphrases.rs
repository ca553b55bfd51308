//! Key phrases: the words and short phrases that best sum up the article.
//!
//! An unsupervised, single-document method after YAKE! (Campos et al. 2020, "YAKE! Keyword
//! extraction from single documents using multiple local features", Information Sciences 509):
//! every statistic comes from the article itself, nothing is learnt from a corpus.
//!
//! 1. **Candidates.** Within a sentence, runs of word tokens not broken by punctuation, numbers
//!    or symbols are cut into 1–3-word n-grams that neither start nor end with a stopword
//!    (`src/lexicon/data/keyphrases_stopwords.txt`); "of" or "for" may stand inside ("Bank of
//!    England"). A hyphenated compound ("wi-fi", "anti-war") is one word, so its parts ("wi",
//!    "anti") are never candidates; two capitalised parts are two names ("China-Russia") unless
//!    one entity mention holds both. When entities are given, a candidate never cuts through a
//!    mention.
//! 2. **Word features.** For every non-stopword word `w` (keyed by its lower-case, singular
//!    form so "talks" and "talk" are one word):
//!    * `case = 0.5 · max(TF_upper, TF_acronym) / (1 + ln TF)`: capitalised mid-sentence or in
//!      capitals, the way names and key terms are written (not counted in a title-case
//!      headline, where every word is capitalised);
//!    * `pos = sqrt(ln(ln(3 + median index of the sentences holding w)))`: early words matter
//!      more;
//!    * `freq = TF / (mean TF + std TF)` over the non-stopword words;
//!    * `rel = 1 + (DL + DR) · TF / max TF`, where `DL`/`DR` = distinct left/right neighbours
//!      (within two words) over all left/right neighbours: words that go with anything are
//!      stopword-like;
//!    * `diff = sentences holding w / sentences`.
//!
//!    `S(w) = rel · pos / (case + freq / rel + diff / rel) / (max(chars, 4) / 6)²`; lower is more
//!    important. The last factor is ours, not YAKE's: longer words are more specific.
//! 3. **Phrase score.** `S(k) = Π S(w) / (TF(k) · (1 + Σ S(w)))` over the non-stopwords of `k`,
//!    with `TF(k)` the case-insensitive count of the phrase; lower is better. Phrases of two
//!    words are further multiplied by 4 and of three words by 12 (`MULTIWORD_PENALTY`),
//!    because readers (and the gold standards we measure against) sum up news mostly in single
//!    words; a phrase must be much more distinctive than its words to be listed. A name that
//!    recurs whole (capitalised every time, at least twice, and at least half as often as its
//!    rarest word) is one unit and takes no penalty; a lower-case term that recurs whole (at
//!    least twice, at least half as often as its rarest word: "interest rates") takes a
//!    penalty of 2 instead of 4 (`TERM_PENALTY`).
//! 4. **Selection.** Best first, at most [`MAX_PHRASES`], skipping near-duplicates: a
//!    candidate that is part of an already chosen phrase and never occurs more often than it,
//!    a phrase around an already chosen single word, a second phrase for an entity already
//!    named by one ("Vladimir Putin" after "Putin"), and a single word that stands in a
//!    recurring term at least three times in four (`ABSORB_SHARE`): the term, when chosen,
//!    takes the word's place and score ("interest rates" for "interest"). A term must be
//!    shaped like one: a noun last, nouns or adjectives before it, by each word's most
//!    frequent tag in the tagger's lexicon. Singular and plural are one candidate.
//!
//! No general-English frequency test: the one frequency list in the binary
//! (`entities_common_words.txt`) is ranked on books, and its most frequent words include the
//! subjects of news ("war", "government", "president", "army"); penalising them changed F1@10
//! by less than 0.001 either way and dropped words readers pick.
//!
//! The reported `score` is `S(best) / S(k)`: 1 for the best phrase, falling towards 0;
//! `count` is the number of case-insensitive occurrences (singular and plural together).
//!
//! Measured on 500N-KPCrowd development articles (450, crowd-chosen key phrases, Porter-stemmed
//! exact match): F1@10 0.194, P@10 0.536 (`newslens_eval.py keyphrases kpcrowd-dev.jsonl`;
//! 0.195 and 0.540 before the hyphen, term and entity rules of 2026-12-02, which keep terms
//! whole where the annotators often also picked their words).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::analysis::tagger::lexicon_tag;
use crate::analysis::tags::Tag;
use crate::doc::{Document, Span, TokenKind};
use crate::extract::entities::Entity;
use crate::lexicon;

#[derive(Clone, Debug, PartialEq)]
pub struct Keyphrase {
    pub text: String,
    /// 0..1, higher is more central; see the module documentation.
    pub score: f64,
    /// How often the phrase occurs (case-insensitive).
    pub count: usize,
    /// Byte spans of those occurrences, in text order (`count` of them).
    pub mentions: Vec<Span>,
}

const STOPWORDS_DATA: &str = include_str!("../lexicon/data/keyphrases_stopwords.txt");

static STOPWORDS: LazyLock<crate::analysis::tagger::FnvSet<&'static str>> =
    LazyLock::new(|| lexicon::words(STOPWORDS_DATA).collect());

/// Most key phrases reported per article.
pub const MAX_PHRASES: usize = 15;
/// Longest candidate, in words.
const MAX_WORDS: usize = 3;
/// Multiplies the (lower-is-better) score of a multiword phrase; a three-word phrase takes
/// [`THREE_WORD_PENALTY`] on top. Measured on news with crowd-chosen key phrases (three in four
/// of them single words), where two- and three-word candidates were right far less often.
const MULTIWORD_PENALTY: f64 = 4.0;
const THREE_WORD_PENALTY: f64 = 3.0;
/// A lower-case multiword term is one unit when it recurs whole (at least twice) and at least
/// this share of its rarest word's occurrences are in it: "interest rates" in a story where
/// "rates" mostly stands in that term. It then takes [`TERM_PENALTY`] instead of
/// [`MULTIWORD_PENALTY`]: less than a loose phrase, more than a name (readers still pick single
/// words more often; with no penalty at all, F1@10 on crowd-annotated news fell 0.0013).
const TERM_SHARE: f64 = 0.5;
const TERM_PENALTY: f64 = 2.0;
/// A word that stands in such a term at least this share of the times it occurs is not listed
/// beside it: the term takes its place and score ("interest rates" for "interest"). Crowd
/// annotators often pick the word and the term both, so this costs F1@10 0.0013 on their
/// news (0.1949 to 0.1936); at a share of 0.5 it cost 0.003.
const ABSORB_SHARE: f64 = 0.75;
/// The only stopwords allowed inside a phrase: they join names and terms ("Bank of England",
/// "Secretary for Education"); "and", "in" and the like join separate things.
const JOINERS: &[&str] = &["of", "for"];
/// Word length, a classic stand-in for how specific a word is (long words are rare words):
/// `S(w)` is divided by `(max(chars, 4) / 6)²`. Not in YAKE; on crowd-annotated news it lifted
/// F1@10 from 0.179 to 0.194.
const TYPICAL_LENGTH: f64 = 6.0;
/// Shorter words count as this long: short words that are not stopwords are mostly names and
/// acronyms ("Xi", "NHS"), which length says nothing about.
const MIN_LENGTH: usize = 4;
const LENGTH_EXPONENT: f64 = 2.0;
/// YAKE's casing feature at half strength: names matter, but readers also pick common nouns.
const CASE_WEIGHT: f64 = 0.5;
/// YAKE's position feature softened (square root): key words recur through the whole article.
const POSITION_EXPONENT: f64 = 0.5;
/// Neighbours within this many words count as context for `DL`/`DR`.
const WINDOW: usize = 2;

/// A hash map with the Fx hash (as in rustc) for keys made of word ids: the ids are small
/// numbers we hand out, so no text can be crafted to make them collide, and SipHash was the
/// largest cost of this module. Maps keyed by the text itself keep the standard hasher.
type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(buf));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// One word occurrence inside a sentence.
#[derive(Clone, Copy)]
struct Occ {
    /// Index into `words` (the distinct word keys).
    word: usize,
    stop: bool,
    /// Byte span in the text.
    start: usize,
    end: usize,
    /// A break (punctuation, number, symbol) lies between this word and the previous one.
    break_before: bool,
    /// Capitalised.
    upper: bool,
    /// Capitalised only where any word may be: first in its sentence or line, or in a
    /// title-case headline.
    upper_mid: bool,
    /// The entity mention (index into the sorted mentions) this word is part of.
    mention: Option<usize>,
}

#[derive(Default, Clone)]
struct WordStats {
    tf: f64,
    tf_upper: f64,
    tf_acronym: f64,
    /// The sentences holding the word: how many, the last one, and the median (filled in
    /// after pass 1 from one list of every (word, sentence), not a list per word).
    n_sentences: usize,
    last_sentence: Option<usize>,
    median_sentence: usize,
    /// Distinct words seen to the left (right) within the window, and all of them.
    /// Length in characters.
    chars: usize,
    left_distinct: usize,
    left_total: usize,
    right_distinct: usize,
    right_total: usize,
}

/// The lower-case word with a plural "-s" taken off and a final "-ie" spelled "-y", so that
/// "calorie", "calories", "policy" and "policies" each collapse to one key. Keys only group
/// occurrences; the text reported is always a form seen in the article.
fn word_key(lower: &str) -> std::borrow::Cow<'_, str> {
    let mut w = lower.trim_end_matches('.');
    let n = w.len();
    if n > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("'s")
    {
        w = &w[..n - 1];
    }
    if let Some(stem) = w.strip_suffix("ie")
        && stem.len() > 2
    {
        return format!("{stem}y").into();
    }
    w.into()
}

/// The words start or end inside an entity mention that goes on beyond them, or run from one
/// mention into another word.
fn cuts_a_name(words: &[Occ], mentions: &[Span]) -> bool {
    let (first, last) = (&words[0], &words[words.len() - 1]);
    if first
        .mention
        .is_some_and(|m| mentions[m].start < first.start)
        || last.mention.is_some_and(|m| mentions[m].end > last.end)
    {
        return true;
    }
    words.windows(2).any(|w| w[0].mention != w[1].mention)
}

/// A noun with nouns or adjectives before it ("interest rates", "climate change", "nuclear
/// power", "rising prices"), by each word's most frequent tag in the tagger's lexicon (a word it
/// does not know passes): not "covered various" or "anniversary of diplomatic".
fn shaped_like_a_term(doc: &Document, words: &[Occ]) -> bool {
    let tag = |o: &Occ| lexicon_tag(&doc.text[o.start..o.end].to_lowercase());
    let content: Vec<&Occ> = words.iter().filter(|o| !o.stop).collect();
    let Some((last, before)) = content.split_last() else {
        return false;
    };
    tag(last).is_none_or(Tag::is_noun)
        && before
            .iter()
            .all(|o| tag(o).is_none_or(|t| t.is_noun() || t.is_adjective() || t == Tag::VBG))
}

fn is_joiner(word: &str) -> bool {
    JOINERS.iter().any(|j| j.eq_ignore_ascii_case(word))
}

/// Stopwords, one-letter words and abbreviations of them ("Mr.", "U.S." as "us").
fn is_stopword(lower: &str) -> bool {
    let bare: std::borrow::Cow<str> = if lower.contains('.') {
        lower.replace('.', "").into()
    } else {
        lower.into()
    };
    bare.chars().nth(1).is_none()
        || STOPWORDS.contains(bare.as_ref())
        || !bare.chars().any(char::is_alphabetic)
}

/// Most words capitalised (a title-case or all-caps headline, a caption of names).
fn is_title_case(doc: &Document, sentence: &crate::doc::Sentence) -> bool {
    let (mut words, mut caps) = (0, 0);
    for tok in &doc.tokens[sentence.tokens.clone()] {
        if tok.kind != TokenKind::Word {
            continue;
        }
        let w = doc.slice(tok.span);
        // Short words are mostly function words, which stay lower case in title case too.
        if w.len() < 4 {
            continue;
        }
        words += 1;
        caps += usize::from(w.chars().next().is_some_and(char::is_uppercase));
    }
    words >= 3 && caps * 5 >= words * 4
}

pub fn extract(doc: &Document, entities: &[Entity]) -> Vec<Keyphrase> {
    // Entity mentions, when the entity extractor found any: a phrase may hold a whole name or
    // lie outside names, but never cut one ("Putin Sign Joint" from a headline).
    let mut by_mention: Vec<(Span, usize)> = entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.span, i)))
        .collect();
    by_mention.sort();
    let mentions: Vec<Span> = by_mention.iter().map(|m| m.0).collect();
    // The entity of each mention (by index into `mentions`).
    let mention_entity: Vec<usize> = by_mention.iter().map(|m| m.1).collect();
    drop(by_mention);
    let mention_of = |start: usize, end: usize| -> Option<usize> {
        let i = mentions.partition_point(|m| m.start <= start);
        (i > 0 && mentions[i - 1].end >= end).then(|| i - 1)
    };
    // Pass 1: word occurrences per sentence, with their keys.
    let mut keys: lexicon::TextMap<String, usize> = lexicon::TextMap::default();
    let mut stats: Vec<WordStats> = Vec::new();
    let mut stop_of: Vec<bool> = Vec::new();
    // Every sentence's word occurrences, back to back in one list (`sentences` holds each
    // sentence's range): one allocation, not one per sentence.
    let mut all_occs: Vec<Occ> = Vec::with_capacity(doc.tokens.len());
    let mut sentences: Vec<std::ops::Range<usize>> = Vec::with_capacity(doc.sentences.len());
    // (word, right neighbour) pairs, counted once all are known: cheaper than a map per
    // word. Packed as `word << 32 | neighbour` so that sorting compares one integer.
    let mut right_pairs: Vec<u64> = Vec::with_capacity(WINDOW * doc.tokens.len());
    // (word, sentence) the first time a word occurs in a sentence, in text order.
    let mut word_sentences: Vec<(usize, usize)> = Vec::new();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let first_occ = all_occs.len();
        let mut pending_break = false;
        let mut first_word = true;
        // In a headline written in title case every word is capitalised: that says nothing.
        let title_case = is_title_case(doc, sentence);
        let toks = sentence.tokens.clone();
        let mut ti = toks.start;
        while ti < toks.end {
            let tok = &doc.tokens[ti];
            ti += 1;
            if tok.kind != TokenKind::Word {
                // Punctuation, numbers and symbols end a phrase.
                pending_break = true;
                continue;
            }
            // A hyphenated compound ("wi-fi", "anti-war", "mother-in-law", "pro-Russian") is
            // one word: its parts are no words of their own. Two capitalised parts are two
            // names ("China-Russia talks") unless one entity mention holds both
            // ("Rolls-Royce").
            let mut span = tok.span;
            while ti + 1 < toks.end {
                let (hyphen, next) = (&doc.tokens[ti], &doc.tokens[ti + 1]);
                let capital = |s: Span| doc.slice(s).chars().next().is_some_and(char::is_uppercase);
                let last_part = doc.tokens[ti - 1].span;
                if hyphen.span.start == span.end
                    && doc.slice(hyphen.span) == "-"
                    && next.span.start == hyphen.span.end
                    && next.kind == TokenKind::Word
                    && (!capital(last_part)
                        || !capital(next.span)
                        || mention_of(span.start, next.span.end).is_some())
                {
                    span.end = next.span.end;
                    ti += 2;
                } else {
                    break;
                }
            }
            let compound = span != tok.span;
            let surface = doc.slice(span);
            let lowered;
            let lower = if compound {
                lowered = surface.to_lowercase();
                lowered.as_str()
            } else {
                doc.token_lower(ti - 1)
            };
            let stop = is_stopword(lower);
            let key: std::borrow::Cow<str> = if stop { lower.into() } else { word_key(lower) };
            let id = match keys.get(key.as_ref()) {
                Some(&id) => id,
                None => {
                    keys.insert(key.into_owned(), stats.len());
                    stats.push(WordStats::default());
                    stop_of.push(stop);
                    stats.len() - 1
                }
            };
            let st = &mut stats[id];
            st.tf += 1.0;
            // A compound is as specific as its longest part, not as long as all of them.
            st.chars = lower
                .split('-')
                .map(|p| p.chars().count())
                .max()
                .unwrap_or(0);
            let first_upper = surface.chars().next().is_some_and(char::is_uppercase);
            let mut letters = surface.chars().filter(|c| c.is_alphabetic()).peekable();
            let acronym = surface
                .chars()
                .filter(|c| c.is_alphabetic())
                .nth(1)
                .is_some()
                && letters.all(char::is_uppercase);
            if title_case {
                // no case evidence
            } else if acronym {
                st.tf_acronym += 1.0;
            } else if first_upper && !first_word && !tok.line_start {
                st.tf_upper += 1.0;
            }
            if st.last_sentence != Some(si) {
                st.last_sentence = Some(si);
                st.n_sentences += 1;
                word_sentences.push((id, si));
            }
            all_occs.push(Occ {
                word: id,
                stop,
                start: span.start,
                end: span.end,
                break_before: pending_break,
                upper: first_upper,
                upper_mid: first_upper && !first_word && !tok.line_start && !title_case,
                mention: mention_of(span.start, span.end),
            });
            pending_break = false;
            first_word = false;
        }
        // Context: neighbours within the window, in the same sentence.
        let occs = &all_occs[first_occ..];
        for i in 0..occs.len() {
            for d in 1..=WINDOW {
                if i + d >= occs.len() {
                    break;
                }
                let (a, b) = (occs[i].word as u64, occs[i + d].word as u64);
                right_pairs.push(a << 32 | b);
            }
        }
        sentences.push(first_occ..all_occs.len());
    }
    if stats.is_empty() {
        return Vec::new();
    }
    // The left pairs are the right pairs turned round: one sort of the right pairs gives
    // both, each distinct (a, b) being a distinct right neighbour of a and left one of b.
    right_pairs.sort_unstable();
    let mut prev = None;
    for &pair in &right_pairs {
        let (a, b) = ((pair >> 32) as usize, (pair & 0xffff_ffff) as usize);
        stats[a].right_total += 1;
        stats[b].left_total += 1;
        if prev != Some(pair) {
            stats[a].right_distinct += 1;
            stats[b].left_distinct += 1;
        }
        prev = Some(pair);
    }
    // Each word's median sentence: its sentences grouped by word in text order (a counting
    // sort), then the middle one.
    let mut group_start = Vec::with_capacity(stats.len() + 1);
    let mut total = 0;
    for st in &stats {
        group_start.push(total);
        total += st.n_sentences;
    }
    let mut cursor = group_start.clone();
    let mut grouped = vec![0usize; total];
    for &(w, si) in &word_sentences {
        grouped[cursor[w]] = si;
        cursor[w] += 1;
    }
    for (w, st) in stats.iter_mut().enumerate() {
        st.median_sentence = grouped[group_start[w] + st.n_sentences / 2];
    }

    // Pass 2: word scores.
    let content: Vec<f64> = stats
        .iter()
        .zip(&stop_of)
        .filter(|(_, s)| !**s)
        .map(|(w, _)| w.tf)
        .collect();
    if content.is_empty() {
        return Vec::new();
    }
    let n = content.len() as f64;
    let mean = content.iter().sum::<f64>() / n;
    let std = (content.iter().map(|t| (t - mean).powi(2)).sum::<f64>() / n).sqrt();
    let max_tf = content.iter().cloned().fold(0.0, f64::max);
    let n_sent = doc.sentences.len().max(1) as f64;
    let word_score: Vec<f64> = stats
        .iter()
        .map(|w| {
            let case = CASE_WEIGHT * w.tf_upper.max(w.tf_acronym) / (1.0 + w.tf.ln());
            let median = w.median_sentence as f64;
            let pos = (3.0 + median).ln().ln();
            let freq = w.tf / (mean + std);
            let ratio = |distinct: usize, total: usize| {
                if total == 0 {
                    0.0
                } else {
                    distinct as f64 / total as f64
                }
            };
            let dl = ratio(w.left_distinct, w.left_total);
            let dr = ratio(w.right_distinct, w.right_total);
            let rel = 1.0 + (dl + dr) * w.tf / max_tf;
            let diff = w.n_sentences as f64 / n_sent;
            let base = rel * pos.powf(POSITION_EXPONENT) / (case + freq / rel + diff / rel);
            base / (w.chars.max(MIN_LENGTH) as f64 / TYPICAL_LENGTH).powf(LENGTH_EXPONENT)
        })
        .collect();

    // Pass 3: candidates.
    struct Cand {
        /// Word ids, `usize::MAX` past the end.
        words: [usize; MAX_WORDS],
        len: usize,
        count: usize,
        first: usize,
        /// Occurrences with every content word capitalised: a name ("Ashton Kutcher").
        named: usize,
        /// Occurrences in a row of lower-case words: a term ("interest rates").
        lower: usize,
        /// The entity the phrase names, when it is one of its mentions.
        entity: Option<usize>,
        /// Its first occurrence: index of its first word in `all_occs`.
        first_occ: usize,
    }
    impl Cand {
        fn words(&self) -> &[usize] {
            &self.words[..self.len]
        }
    }
    let mut index: FastMap<[usize; MAX_WORDS], usize> = FastMap::default();
    let mut cands: Vec<Cand> = Vec::new();
    // (candidate, span) per occurrence, in text order; only the chosen few are ever looked at.
    let mut surfaces: Vec<(usize, Span)> = Vec::new();
    for range in &sentences {
        let occs = &all_occs[range.clone()];
        for i in 0..occs.len() {
            if occs[i].stop {
                continue;
            }
            let mut stops_inside = 0;
            for j in i..occs.len().min(i + MAX_WORDS) {
                if j > i && occs[j].break_before {
                    break;
                }
                if occs[j].stop {
                    stops_inside += 1;
                    if stops_inside > 1 || !is_joiner(&doc.text[occs[j].start..occs[j].end]) {
                        break;
                    }
                    continue;
                }
                if cuts_a_name(&occs[i..=j], &mentions) {
                    continue;
                }
                let mut key = [usize::MAX; MAX_WORDS];
                for (k, o) in key.iter_mut().zip(&occs[i..=j]) {
                    *k = o.word;
                }
                let id = *index.entry(key).or_insert_with(|| {
                    cands.push(Cand {
                        words: key,
                        len: j + 1 - i,
                        count: 0,
                        named: 0,
                        lower: 0,
                        entity: occs[i].mention.map(|m| mention_entity[m]),
                        first_occ: range.start + i,
                        first: occs[i].start,
                    });
                    cands.len() - 1
                });
                let c = &mut cands[id];
                c.count += 1;
                c.named += usize::from(occs[i..=j].iter().all(|o| o.stop || o.upper));
                c.lower += usize::from(occs[i..=j].iter().all(|o| !o.upper_mid));
                surfaces.push((id, Span::new(occs[i].start, occs[j].end)));
            }
        }
    }

    // Per candidate: a lower-case multiword term that recurs whole ("interest rates"), whose
    // words then mostly stand in it. Such a word is not listed on its own: the term is.
    let min_tf = |c: &Cand| {
        c.words()
            .iter()
            .filter(|&&w| !stop_of[w])
            .map(|&w| stats[w].tf)
            .fold(f64::INFINITY, f64::min)
    };
    let is_term: Vec<bool> = cands
        .iter()
        .map(|c| {
            let n_content = c.words().iter().filter(|&&w| !stop_of[w]).count();
            n_content > 1
                && c.lower == c.count
                && c.count >= 2
                && c.count as f64 >= TERM_SHARE * min_tf(c)
                && shaped_like_a_term(doc, &all_occs[c.first_occ..c.first_occ + c.len])
        })
        .collect();
    let mut in_term = vec![false; stats.len()];
    for (c, _) in cands.iter().zip(&is_term).filter(|(_, t)| **t) {
        for &w in c.words() {
            in_term[w] |= !stop_of[w] && c.count as f64 >= ABSORB_SHARE * stats[w].tf;
        }
    }
    let mut scored: Vec<(f64, usize)> = cands
        .iter()
        .enumerate()
        .map(|(id, c)| {
            let content = || c.words().iter().filter(|&&w| !stop_of[w]);
            let prod: f64 = content().map(|&w| word_score[w]).product();
            let sum: f64 = content().map(|&w| word_score[w]).sum();
            let n_content = content().count();
            let mut s = prod / (c.count as f64 * (1.0 + sum));
            // A name that recurs whole is one unit, not a loose phrase.
            let name = c.named == c.count && c.count >= 2 && c.count as f64 >= 0.5 * min_tf(c);
            if is_term[id] {
                s *= TERM_PENALTY;
            } else if n_content > 1 && !name {
                s *= MULTIWORD_PENALTY;
            }
            if n_content > 2 {
                s *= THREE_WORD_PENALTY;
            }
            (s, id)
        })
        .collect();
    scored.sort_by(|a, b| {
        a.0.total_cmp(&b.0)
            .then(cands[a.1].first.cmp(&cands[b.1].first))
            .then(cands[a.1].len.cmp(&cands[b.1].len))
    });

    // Pass 4: selection with near-duplicates removed.
    let mut chosen: Vec<(f64, usize)> = Vec::new();
    for &(s, id) in &scored {
        if chosen.len() == MAX_PHRASES {
            break;
        }
        let c = &cands[id];
        // A term takes the place (and the score) of its chosen words that mostly stand in it.
        if is_term[id] {
            let absorbed = |&(_, k): &(f64, usize)| {
                let k = &cands[k];
                k.len == 1 && in_term[k.words[0]] && c.words().contains(&k.words[0])
            };
            if let Some(slot) = chosen.iter().position(absorbed) {
                chosen[slot].1 = id;
                let mut i = slot + 1;
                while i < chosen.len() {
                    if absorbed(&chosen[i]) {
                        chosen.remove(i);
                    } else {
                        i += 1;
                    }
                }
                continue;
            }
        }
        let redundant = chosen.iter().any(|&(_, k_id)| {
            let k = &cands[k_id];
            // A part of a chosen phrase that never occurs on its own adds nothing.
            let part = c
                .words()
                .iter()
                .filter(|&&w| !stop_of[w])
                .all(|w| k.words().contains(w))
                && c.count <= k.count;
            // A phrase around a chosen word that it does not add to.
            let around = k.len == 1 && c.words().contains(&k.words[0]);
            // Two names of one entity ("Putin", "Vladimir Putin").
            let same_entity = c.entity.is_some() && c.entity == k.entity;
            // A word that mostly stands in a chosen term.
            let in_chosen_term = c.len == 1
                && in_term[c.words[0]]
                && is_term[k_id]
                && k.words().contains(&c.words[0]);
            part || around || same_entity || in_chosen_term
        });
        if !redundant {
            chosen.push((s, id));
        }
    }
    // The most frequent surface form of each chosen phrase (ties go to the lower-case one),
    // and where it occurs.
    let mut forms: Vec<Vec<(&str, usize)>> = vec![Vec::new(); chosen.len()];
    let mut spans: Vec<Vec<Span>> = vec![Vec::new(); chosen.len()];
    let slot: FastMap<usize, usize> = chosen
        .iter()
        .enumerate()
        .map(|(i, &(_, id))| (id, i))
        .collect();
    for &(id, span) in &surfaces {
        if let Some(&i) = slot.get(&id) {
            let surface = doc.slice(span);
            match forms[i].iter_mut().find(|(f, _)| *f == surface) {
                Some((_, n)) => *n += 1,
                None => forms[i].push((surface, 1)),
            }
            spans[i].push(span);
        }
    }
    let best = chosen.first().map_or(1.0, |c| c.0).max(f64::MIN_POSITIVE);
    chosen
        .into_iter()
        .zip(forms.into_iter().zip(spans))
        .map(|((s, id), (mut forms, mentions))| {
            forms.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(a.0)));
            Keyphrase {
                text: forms[0].0.to_string(),
                score: (best / s).clamp(0.0, 1.0),
                count: cands[id].count,
                mentions,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopword_list_is_well_formed() {
        let mut n = 0;
        for fields in lexicon::entries(STOPWORDS_DATA) {
            assert_eq!(fields.len(), 1, "{fields:?}");
            let w = fields[0];
            assert!(
                !w.is_empty() && w == w.to_lowercase() && !w.contains(' '),
                "{w}"
            );
            n += 1;
        }
        assert!(n > 200 && STOPWORDS.contains("the") && STOPWORDS.contains("said"));
    }

    #[test]
    fn word_keys_fold_plurals() {
        for (word, key) in [
            ("talks", "talk"),
            ("policies", "policy"),
            ("business", "business"),
            ("virus", "virus"),
            ("crisis", "crisis"),
            ("gas", "gas"),
            ("calories", "calory"),
            ("calorie", "calory"),
            ("movies", "movy"),
        ] {
            assert_eq!(word_key(word), key);
        }
    }

    fn texts(text: &str) -> Vec<String> {
        extract(&Document::new(text), &[])
            .into_iter()
            .map(|k| k.text)
            .collect()
    }

    #[test]
    fn seed_article_is_summed_up_by_its_actors_and_subjects() {
        let text = include_str!("../../fixtures/seed-xi-putin.txt");
        let got = extract(&Document::new(text), &[]);
        let top: Vec<&str> = got.iter().take(10).map(|k| k.text.as_str()).collect();
        for want in ["Putin", "Xi", "China", "Russia", "Ukraine", "cooperation"] {
            assert!(top.contains(&want), "{want} not in {top:?}");
        }
        let putin = got.iter().find(|k| k.text == "Putin").unwrap();
        assert_eq!(putin.count, text.matches("Putin").count());
        assert!((10..=MAX_PHRASES).contains(&got.len()));
        assert_eq!(got[0].score, 1.0);
        assert!(
            got.windows(2)
                .all(|w| w[0].score >= w[1].score && w[1].score > 0.0)
        );
    }

    #[test]
    fn phrases_are_clean_and_not_repeated() {
        let text = include_str!("../../fixtures/seed-xi-putin.txt");
        let got = texts(text);
        let mut keys = Vec::new();
        for phrase in &got {
            let words: Vec<&str> = phrase.split_whitespace().collect();
            assert!((1..=MAX_WORDS).contains(&words.len()), "{phrase}");
            for edge in [words[0], words[words.len() - 1]] {
                assert!(!is_stopword(&edge.to_lowercase()), "{phrase}");
            }
            assert!(!phrase.contains([',', '.', ';', ':']), "{phrase}");
            let key: Vec<String> = words
                .iter()
                .map(|w| word_key(&w.to_lowercase()).into_owned())
                .collect();
            assert!(!keys.contains(&key), "{phrase} repeated in {got:?}");
            keys.push(key);
        }
    }

    #[test]
    fn articles_yield_their_subject_words() {
        let cases = [
            (
                "Marathon record falls in Berlin\n\nThe Kenyan runner broke the marathon world \
                 record in Berlin on Sunday. The runner led from the start and the marathon \
                 crowd cheered as he finished. It was his third marathon win in the city, and \
                 the record had stood for four years.",
                &["marathon", "record", "runner"][..],
            ),
            (
                "Bakery chain opens new stores\n\nThe bakery chain will open 40 stores next \
                 year, its owners said. Bread sales rose by a fifth, and the bakery plans to \
                 hire bakers for the new stores. Rival bakeries have closed stores this year.",
                &["bakery", "stores"][..],
            ),
        ];
        for (text, wants) in cases {
            let got: Vec<String> = texts(text).into_iter().map(|t| t.to_lowercase()).collect();
            for want in wants {
                assert!(
                    got.iter().take(5).any(|g| g == want),
                    "{want} not in {got:?}"
                );
            }
        }
    }

    #[test]
    fn title_case_headline_does_not_outrank_the_story() {
        let text = "Council Approves Big New Park Plan\n\nThe council approved a park for the \
                    river bank. The park will open in spring, and the council said the park \
                    would cost little.";
        let got: Vec<String> = texts(text).into_iter().map(|t| t.to_lowercase()).collect();
        let mut top2 = got[..2].to_vec();
        top2.sort();
        assert_eq!(top2, ["council", "park"], "{got:?}");
    }

    #[test]
    fn mentions_are_the_occurrences_counted() {
        let text = "Marathon record falls\n\nThe marathon record fell. Two marathons later, \
                    the record stood again.";
        let doc = Document::new(text);
        let got = extract(&doc, &[]);
        // "marathon" and "marathons" are one phrase, shown in one of its forms.
        let marathon = got
            .iter()
            .find(|k| k.text.to_lowercase().starts_with("marathon"))
            .unwrap_or_else(|| panic!("{got:?}"));
        let spelt: Vec<&str> = marathon.mentions.iter().map(|&s| doc.slice(s)).collect();
        assert_eq!(spelt, ["Marathon", "marathon", "marathons"]);
        for k in &got {
            assert_eq!(k.mentions.len(), k.count, "{}", k.text);
            assert!(k.mentions.iter().any(|&s| doc.slice(s) == k.text));
        }
    }

    #[test]
    fn hyphenated_words_are_never_cut_into_fragments() {
        let text = "Cafes add free wi-fi\n\nThe cafe chain will offer free wi-fi in every cafe, \
                    and anti-war groups meet there. Its wi-fi and the cafe's anti-war posters \
                    drew a crowd, the chain said.";
        let got: Vec<String> = texts(text).into_iter().map(|t| t.to_lowercase()).collect();
        for fragment in ["wi", "fi", "anti"] {
            assert!(
                got.iter()
                    .all(|g| g.split([' ', '-']).all(|w| w != fragment) || g.contains('-')),
                "{fragment} alone in {got:?}"
            );
        }
        assert!(got.iter().any(|g| g.contains("wi-fi")), "{got:?}");
    }

    #[test]
    fn a_term_that_recurs_whole_is_kept_whole() {
        let text = "Interest rates rise again\n\nThe central bank raised interest rates on \
                    Thursday. Higher interest rates will cost borrowers more, and savers hope \
                    interest rates stay high. Mortgage lenders said the bank's decision on \
                    interest rates came as no surprise to borrowers.";
        let got: Vec<String> = texts(text).into_iter().map(|t| t.to_lowercase()).collect();
        let top: Vec<&String> = got.iter().take(5).collect();
        assert!(top.iter().any(|g| *g == "interest rates"), "{got:?}");
    }

    #[test]
    fn an_entity_is_summed_up_by_one_phrase() {
        use crate::extract::entities::{EntityType, Mention};
        let text = "Ada Lovelace honoured\n\nAda Lovelace wrote the first program. Lovelace \
                    worked with Babbage, and Lovelace saw that the engine could compose music. \
                    Ada Lovelace died young; Lovelace is remembered each October.";
        let doc = Document::new(text);
        let spans: Vec<(usize, usize)> = ["Ada Lovelace", "Lovelace"]
            .iter()
            .flat_map(|name| text.match_indices(name).map(|(i, m)| (i, i + m.len())))
            .collect();
        // The longer name where both match: the mentions an entity extractor would give.
        let mut mentions: Vec<Span> = Vec::new();
        let mut spans = spans;
        spans.sort_by_key(|&(s, e)| (s, std::cmp::Reverse(e)));
        for (s, e) in spans {
            if mentions.last().is_none_or(|m| m.end <= s) {
                mentions.push(Span::new(s, e));
            }
        }
        let person = Entity {
            name: "Ada Lovelace".into(),
            label: EntityType::Person,
            aliases: vec!["Lovelace".into()],
            roles: vec![],
            mentions: mentions
                .iter()
                .map(|&span| Mention {
                    span,
                    sentence: 0,
                    rule: "gazetteer".into(),
                    decided_by: None,
                })
                .collect(),
            salience: 1.0,
            value: None,
        };
        let got = extract(&doc, std::slice::from_ref(&person));
        let names: Vec<&str> = got
            .iter()
            .map(|k| k.text.as_str())
            .filter(|t| t.contains("Lovelace"))
            .collect();
        assert_eq!(names.len(), 1, "{got:?}");
    }

    #[test]
    fn nothing_to_say_gives_nothing() {
        assert!(texts("").is_empty());
        assert!(texts("It is what it is, and so it was.").is_empty());
    }

    #[test]
    fn phrases_never_cut_an_entity_name() {
        use crate::extract::entities::{EntityType, Mention};
        let text = "Ada Lovelace Day honours Ada Lovelace Day after day. Lovelace Day grows.";
        let doc = Document::new(text);
        // Only "Ada Lovelace" is a name here: "Lovelace Day" cuts it at the first two places.
        let spans = [(0, 12), (25, 37)];
        let person = Entity {
            name: "Ada Lovelace".into(),
            label: EntityType::Person,
            aliases: vec![],
            roles: vec![],
            mentions: spans
                .iter()
                .map(|&(s, e)| Mention {
                    span: Span::new(s, e),
                    sentence: 0,
                    rule: "gazetteer".into(),
                    decided_by: None,
                })
                .collect(),
            salience: 1.0,
            value: None,
        };
        let with = extract(&doc, std::slice::from_ref(&person));
        let lovelace_day = |ks: &[Keyphrase]| {
            ks.iter()
                .find(|k| k.text == "Lovelace Day")
                .map(|k| k.count)
        };
        // Counted only where it does not cut the name (the second sentence).
        assert_eq!(lovelace_day(&with).unwrap_or(1), 1);
        assert!(with.iter().all(|k| k.text != "Ada Lovelace Day"));
    }
}
