//! Lemmas: the dictionary form of a word, lower case, given its tag ("said"/VBD → "say",
//! "pledging"/VBG → "pledge", "mice"/NNS → "mouse", "better"/JJR → "good").
//!
//! Irregular forms come from WordNet's exception lists (`analysis_lemma_exceptions.txt`).
//! Regular forms lose their suffix by WordNet's "morphy" rules, a candidate being kept when it
//! is a known word of the right class: a WordNet verb lemma for verbs
//! (`analysis_verb_lemmas.txt`), a noun or adjective of the tagger's lexicon otherwise. When
//! both "hop" and "hope" are verbs, "hoped" is "hope": a short stem that ends in
//! consonant-vowel-consonant would have doubled its consonant ("hopped").

use std::borrow::Cow;

use super::tagger::{lexicon_tag, split_clitic};
use super::tags::Tag;
use crate::lexicon;

#[cfg(test)]
const EXCEPTIONS_DATA: &str = include_str!("../lexicon/data/analysis_lemma_exceptions.txt");
#[cfg(test)]
const VERBS_DATA: &str = include_str!("../lexicon/data/analysis_verb_lemmas.txt");

/// The word classes of the exception lists.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Noun = 0,
    Verb = 1,
    Adjective = 2,
    Adverb = 3,
}

// Irregular forms (`analysis_lemma_exceptions.txt`): `LEMMA_EXCEPTIONS`, a row per form with
// its lemma per class, and a table from form to row, both written by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/analysis_lemma_exceptions.rs"));

static EXCEPTION_ROWS: lexicon::Table = lexicon::Table::new(include_bytes!(concat!(
    env!("OUT_DIR"),
    "/analysis_lemma_exceptions.table"
)));

/// WordNet's verb lemmas (`analysis_verb_lemmas.txt`), a table `build.rs` writes.
static VERBS: lexicon::Table = lexicon::Table::new(include_bytes!(concat!(
    env!("OUT_DIR"),
    "/analysis_verb_lemmas.table"
)));

fn exception(form: &str, class: Class) -> Option<&'static str> {
    EXCEPTION_ROWS
        .get(form)
        .and_then(|row| LEMMA_EXCEPTIONS[usize::from(row)][class as usize])
}

/// The lemma of `lower` (a word in lower case, apostrophes as `'`) tagged `tag`.
/// True when WordNet has `lower` (lower case) as a verb lemma.
pub(crate) fn is_verb_lemma(lower: &str) -> bool {
    VERBS.contains(lower)
}

pub fn lemma(lower: &str, tag: Tag) -> Cow<'_, str> {
    if let Some(fixed) = clitic_lemma(lower, tag) {
        return Cow::Borrowed(fixed);
    }
    if let Some((head, _)) = split_clitic(lower) {
        // "don't" is "do", "can't" "can", "I'm" "i": the first part carries the meaning.
        return match clitic_lemma(head, tag) {
            Some(fixed) => Cow::Borrowed(fixed),
            None => lemma(head, tag),
        };
    }
    match tag {
        Tag::VB | Tag::VBP | Tag::VBZ | Tag::VBD | Tag::VBN | Tag::VBG | Tag::MD => {
            verb_lemma(lower)
        }
        Tag::NNS | Tag::NNPS => noun_lemma(lower),
        Tag::JJR | Tag::JJS => adjective_lemma(lower),
        Tag::RBR | Tag::RBS => {
            exception(lower, Class::Adverb).map_or(Cow::Borrowed(lower), Cow::Borrowed)
        }
        _ => Cow::Borrowed(lower),
    }
}

/// Contractions and their stems written apart: "n't" is "not", "'s" after a noun is "be".
fn clitic_lemma(lower: &str, tag: Tag) -> Option<&'static str> {
    Some(match (lower, tag) {
        ("n't", _) | ("nt", Tag::RB) => "not",
        // Written without the apostrophe ("i m", "we ve", "they ll"), once tagged so.
        ("m" | "re" | "r", Tag::VBP) => "be",
        ("ve", Tag::VBP) => "have",
        ("ll", Tag::MD) => "will",
        ("d", Tag::MD) => "would",
        ("'s" | "s", Tag::VBZ) | ("'re" | "'m" | "ai", _) => "be",
        ("'s", Tag::PRP) => "us",
        ("'ve", _) | ("'d", Tag::VBD | Tag::VBN) => "have",
        ("'ll" | "wo", _) => "will",
        ("'d", _) => "would",
        ("ca", Tag::MD) => "can",
        ("sha", Tag::MD) => "shall",
        _ => return None,
    })
}

/// True when `stem` is short and ends consonant-vowel-consonant ("hop", "plan"), so that a
/// suffix would have doubled its last letter.
fn ends_cvc(stem: &str) -> bool {
    let b = stem.as_bytes();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let n = b.len();
    (2..=4).contains(&n)
        && !vowel(b[n - 1])
        && !matches!(b[n - 1], b'w' | b'x' | b'y')
        && vowel(b[n - 2])
        && (n < 3 || !vowel(b[n - 3]))
}

fn undouble(stem: &str) -> Option<&str> {
    let b = stem.as_bytes();
    let n = b.len();
    // Only a doubled ASCII letter: two equal bytes of a multi-byte character ("耀") are no
    // doubled consonant, and cutting between them would split the character.
    (n >= 3
        && b[n - 1] == b[n - 2]
        && b[n - 1].is_ascii_alphabetic()
        && !matches!(b[n - 1], b'l' | b's' | b'z' | b'f' | b'e'))
    .then(|| &stem[..n - 1])
}

fn verb_lemma(lower: &str) -> Cow<'_, str> {
    if let Some(l) = exception(lower, Class::Verb) {
        return Cow::Borrowed(l);
    }
    let is_verb = |w: &str| VERBS.contains(w);
    if is_verb(lower) {
        return Cow::Borrowed(lower);
    }
    for suffix in ["ed", "ing"] {
        let Some(stem) = lower.strip_suffix(suffix) else {
            continue;
        };
        if stem.len() < 2 {
            continue;
        }
        let with_e = format!("{stem}e");
        // "hoped": "hope", not "hop" (which would be "hopped").
        if ends_cvc(stem) && is_verb(&with_e) {
            return Cow::Owned(with_e);
        }
        if is_verb(stem) {
            return Cow::Borrowed(stem);
        }
        if let Some(single) = undouble(stem).filter(|s| is_verb(s)) {
            return Cow::Borrowed(single);
        }
        if is_verb(&with_e) {
            return Cow::Owned(with_e);
        }
        if let Some(y) = stem.strip_suffix('i').map(|s| format!("{s}y"))
            && suffix == "ed"
            && is_verb(&y)
        {
            return Cow::Owned(y);
        }
        // Not a verb WordNet knows: the stem, undoubled.
        return Cow::Borrowed(undouble(stem).unwrap_or(stem));
    }
    if let Some(stem) = lower.strip_suffix("ies") {
        return Cow::Owned(format!("{stem}y"));
    }
    // "-es" is the ending after a hissing sound or "o" ("fixes", "watches", "goes"); else
    // the "e" is the verb's own ("hopes": "hope", not "hop").
    let hissing = |s: &str| {
        ["s", "x", "z", "ch", "sh", "o"]
            .iter()
            .any(|end| s.ends_with(end))
    };
    if let Some(stem) = lower
        .strip_suffix("es")
        .filter(|s| is_verb(s) && (hissing(s) || !is_verb(&lower[..lower.len() - 1])))
    {
        return Cow::Borrowed(stem);
    }
    if let Some(stem) = lower.strip_suffix('s').filter(|s| !s.ends_with('s')) {
        return Cow::Borrowed(stem);
    }
    Cow::Borrowed(lower)
}

/// Plural suffixes and what replaces them, in the order they are tried (WordNet's morphy).
const NOUN_SUFFIXES: &[(&str, &str)] = &[
    ("ies", "y"),
    ("ses", "s"),
    ("xes", "x"),
    ("zes", "z"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("men", "man"),
    ("s", ""),
];

fn noun_lemma(lower: &str) -> Cow<'_, str> {
    if let Some(l) = exception(lower, Class::Noun) {
        return Cow::Borrowed(l);
    }
    let is_noun = |w: &str| lexicon_tag(w).is_some_and(|t| t == Tag::NN || t == Tag::NNP);
    for &(suffix, with) in NOUN_SUFFIXES {
        if let Some(stem) = lower.strip_suffix(suffix) {
            let candidate = format!("{stem}{with}");
            if is_noun(&candidate) {
                return Cow::Owned(candidate);
            }
        }
    }
    if let Some(stem) = lower.strip_suffix("ies")
        && lower.len() > 4
    {
        return Cow::Owned(format!("{stem}y"));
    }
    for sibilant in ["sses", "xes", "ches", "shes", "zzes"] {
        if lower.ends_with(sibilant) {
            return Cow::Borrowed(&lower[..lower.len() - 2]);
        }
    }
    if lower.ends_with("ss") || lower.ends_with("us") || lower.ends_with("is") {
        return Cow::Borrowed(lower);
    }
    Cow::Borrowed(lower.strip_suffix('s').unwrap_or(lower))
}

fn adjective_lemma(lower: &str) -> Cow<'_, str> {
    if let Some(l) = exception(lower, Class::Adjective) {
        return Cow::Borrowed(l);
    }
    let is_adjective = |w: &str| lexicon_tag(w) == Some(Tag::JJ);
    for suffix in ["est", "er"] {
        let Some(stem) = lower.strip_suffix(suffix) else {
            continue;
        };
        let with_e = format!("{stem}e");
        if is_adjective(stem) {
            return Cow::Borrowed(stem);
        }
        if let Some(single) = undouble(stem).filter(|s| is_adjective(s)) {
            return Cow::Borrowed(single);
        }
        if is_adjective(&with_e) {
            return Cow::Owned(with_e);
        }
        if let Some(y) = stem.strip_suffix('i').map(|s| format!("{s}y"))
            && is_adjective(&y)
        {
            return Cow::Owned(y);
        }
    }
    Cow::Borrowed(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tables `build.rs` writes hold what parsing the lists gives (the first lemma of a
    /// form and class wins).
    #[test]
    fn lemma_tables_equal_the_parsed_lists() {
        let mut want: std::collections::HashMap<&str, [Option<&str>; 4]> = Default::default();
        for f in lexicon::entries(EXCEPTIONS_DATA) {
            let class = match f.get(1).copied() {
                Some("n") => Class::Noun,
                Some("v") => Class::Verb,
                Some("a") => Class::Adjective,
                Some("r") => Class::Adverb,
                _ => continue,
            };
            if let (Some(form), Some(lemma)) = (f.first(), f.get(2)) {
                want.entry(form).or_default()[class as usize].get_or_insert(lemma);
            }
        }
        for (form, lemmas) in &want {
            for (class, lemma) in [Class::Noun, Class::Verb, Class::Adjective, Class::Adverb]
                .into_iter()
                .zip(lemmas)
            {
                assert_eq!(exception(form, class), *lemma, "{form:?}");
            }
        }
        assert_eq!(EXCEPTION_ROWS.iter().count(), want.len());
        let verbs: std::collections::HashSet<&str> = lexicon::words(VERBS_DATA).collect();
        assert!(verbs.iter().all(|v| is_verb_lemma(v)));
        assert_eq!(VERBS.iter().count(), verbs.len());
    }

    #[test]
    fn lemmas_by_tag() {
        let cases: &[(&str, Tag, &str)] = &[
            ("said", Tag::VBD, "say"),
            ("says", Tag::VBZ, "say"),
            ("pledged", Tag::VBD, "pledge"),
            ("pledging", Tag::VBG, "pledge"),
            ("ruled", Tag::VBN, "rule"),
            ("wanted", Tag::VBD, "want"),
            ("hoped", Tag::VBD, "hope"),
            ("hopped", Tag::VBD, "hop"),
            ("planned", Tag::VBD, "plan"),
            ("running", Tag::VBG, "run"),
            ("agreed", Tag::VBD, "agree"),
            ("tried", Tag::VBD, "try"),
            ("tries", Tag::VBZ, "try"),
            ("hopes", Tag::VBZ, "hope"),
            ("fixes", Tag::VBZ, "fix"),
            ("goes", Tag::VBZ, "go"),
            ("rules", Tag::VBZ, "rule"),
            // Two equal bytes of a multi-byte character are not a doubled consonant.
            ("\u{8000}ed", Tag::VBD, "\u{8000}"),
            ("goes", Tag::VBZ, "go"),
            ("used", Tag::VBN, "use"),
            ("based", Tag::VBN, "base"),
            ("visited", Tag::VBD, "visit"),
            ("is", Tag::VBZ, "be"),
            ("were", Tag::VBD, "be"),
            ("has", Tag::VBZ, "have"),
            ("being", Tag::VBG, "be"),
            ("went", Tag::VBD, "go"),
            ("mice", Tag::NNS, "mouse"),
            ("children", Tag::NNS, "child"),
            ("taxes", Tag::NNS, "tax"),
            ("cities", Tag::NNS, "city"),
            ("buses", Tag::NNS, "bus"),
            ("houses", Tag::NNS, "house"),
            ("talks", Tag::NNS, "talk"),
            ("ministers", Tag::NNS, "minister"),
            ("analysis", Tag::NN, "analysis"),
            ("better", Tag::JJR, "good"),
            ("bigger", Tag::JJR, "big"),
            ("largest", Tag::JJS, "large"),
            ("n't", Tag::RB, "not"),
            ("'s", Tag::VBZ, "be"),
            ("'s", Tag::POS, "'s"),
            ("don't", Tag::VBP, "do"),
            ("can't", Tag::MD, "can"),
            ("won't", Tag::MD, "will"),
            ("i'm", Tag::PRP, "i"),
            ("the", Tag::DT, "the"),
        ];
        for &(form, tag, want) in cases {
            assert_eq!(lemma(form, tag), want, "lemma of {form}/{tag}");
        }
    }
}
