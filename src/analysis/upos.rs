//! From Penn tags to Universal POS tags, in context, as the Universal Dependencies English
//! guidelines draw the lines that Penn does not: every "be" and every modal is `AUX`; "have"
//! and "do" are `AUX` before a verb they help; "to" is `PART` before a verb and `ADP`
//! otherwise; a subordinating `IN` ("because", "if", "that") is `SCONJ`; "this" or "that"
//! standing alone is `PRON`; possessive and personal pronouns are `PRON`; "not" is `PART`.

use super::classes::WordClasses;
use super::tagger::{is_name_particle, is_nationality, lexicon_tag};
use super::tags::{Tag, Upos};
use crate::lexicon;

/// Given names (the entity extractor's census list), lower case: a run of capitalised words
/// holding one is a person's name, all of it `PROPN`. A table `build.rs` writes (name → 1).
static GIVEN_NAMES: lexicon::Table = lexicon::Table::new(include_bytes!(concat!(
    env!("OUT_DIR"),
    "/analysis_given_names.table"
)));

/// How far ahead "have" or "do" looks for the verb it helps ("has not yet been", "did the
/// minister say"): beyond that it is a main verb.
const AUXILIARY_REACH: usize = 4;

/// Subordinators that are `SCONJ` whatever follows; others ("after", "since") only before a
/// clause.
const ALWAYS_SCONJ: &[&str] = &[
    "that", "if", "whether", "because", "although", "though", "unless", "whereas", "while",
    "cause", "cuz", "whilst",
];
const SCONJ_BEFORE_CLAUSE: &[&str] = &[
    "after", "before", "since", "until", "till", "as", "once", "so",
];

/// One sentence: `surface[i]` the words as written, `lower[i]` their lower-case forms, `tags` the Penn tags, `classes` the word
/// classes (for the lemma classes be, have and do). Fills `out` with one UPOS per token.
pub fn map_sentence(
    surface: &[&str],
    lower: &[&str],
    tags: &[Tag],
    classes: &[WordClasses],
    out: &mut Vec<Upos>,
) {
    out.clear();
    let n = tags.len();
    let given = given_name_in_run(lower, tags);
    let tag_at = |j: usize| if j < n { Some(tags[j]) } else { None };
    for i in 0..n {
        let word = lower[i];
        let next = tag_at(i + 1);
        let upos = match tags[i] {
            Tag::NN | Tag::NNS => {
                if word == "%" {
                    Upos::Sym
                } else if classes[i].contains(WordClasses::INDEFINITE) {
                    Upos::Pron
                } else {
                    Upos::Noun
                }
            }
            Tag::NNP | Tag::NNPS => name_word_upos(surface, lower, tags, i, given[i]),
            Tag::JJ | Tag::JJR | Tag::JJS | Tag::Afx => Upos::Adj,
            Tag::CD => Upos::Num,
            Tag::RB | Tag::RBR | Tag::RBS | Tag::WRB => {
                if word == "not" || word == "n't" || word == "nt" {
                    Upos::Part
                } else {
                    Upos::Adv
                }
            }
            // "what time", "which way": a wh-word before a noun determines it.
            Tag::WP if next.is_some_and(|t| t.is_noun() || t.is_adjective()) => Upos::Det,
            Tag::PRP | Tag::PRPS | Tag::WP | Tag::WPS | Tag::EX => Upos::Pron,
            Tag::DT => {
                let stands_alone = !next.is_some_and(|t| {
                    t.is_noun() || t.is_adjective() || t == Tag::CD || t == Tag::JJ || t == Tag::RB
                });
                if classes[i].contains(WordClasses::DEMONSTRATIVE) && stands_alone {
                    Upos::Pron
                } else {
                    Upos::Det
                }
            }
            Tag::PDT => Upos::Det,
            Tag::WDT => {
                if next.is_some_and(|t| t.is_noun() || t.is_adjective()) && word != "that" {
                    Upos::Det
                } else {
                    Upos::Pron
                }
            }
            Tag::IN => {
                // A preposition before a gerund clause marks it ("for helping", "of being").
                if ALWAYS_SCONJ.contains(&word)
                    || next == Some(Tag::VBG)
                    || (word == "for" && subject_of_infinitive(tags, i + 1))
                    || (word == "like" && pronoun_clause_follows(lower, tags, i + 1))
                    || (SCONJ_BEFORE_CLAUSE.contains(&word) && clause_follows(tags, i + 1))
                {
                    Upos::Sconj
                } else {
                    Upos::Adp
                }
            }
            Tag::TO => {
                // Past adverbs and "either" ("to either address ... or").
                let verb_after = tags[i + 1..]
                    .iter()
                    .zip(&lower[i + 1..])
                    .find(|(t, w)| !(t.is_adverb() || matches!(**w, "either" | "neither")))
                    .is_some_and(|(&t, _)| t == Tag::VB);
                if verb_after { Upos::Part } else { Upos::Adp }
            }
            Tag::RP => Upos::Adp,
            Tag::POS => Upos::Part,
            Tag::CC => Upos::Cconj,
            Tag::MD => Upos::Aux,
            Tag::VB | Tag::VBD | Tag::VBG | Tag::VBN | Tag::VBP | Tag::VBZ => {
                verb_upos(lower, tags, classes, i)
            }
            Tag::UH => Upos::Intj,
            Tag::SYM | Tag::Dollar | Tag::Pound => Upos::Sym,
            // UD English treats an e-mail or web address as a name.
            Tag::Add => Upos::Propn,
            Tag::FW | Tag::LS | Tag::Gw | Tag::Xx => Upos::X,
            // Emoticons are symbols; other superfluous marks ("***") punctuation.
            Tag::Nfp
                if word
                    .chars()
                    .any(|c| c.is_alphanumeric() || c == '(' || c == ')') =>
            {
                Upos::Sym
            }
            Tag::Comma if word == "/" && slash_between_words(surface, i) => Upos::Sym,
            Tag::OpenQuote
            | Tag::CloseQuote
            | Tag::Lrb
            | Tag::Rrb
            | Tag::Comma
            | Tag::Period
            | Tag::Colon
            | Tag::Hyph
            | Tag::Nfp
            | Tag::Staart => Upos::Punct,
        };
        out.push(upos);
    }
}

/// In UD English the adjectives of a multi-word name keep their class: "the National
/// Hurricane Center" is ADJ PROPN PROPN, "United States" ADJ PROPN (its nouns are PROPN). A
/// run holding a given name is a person's name, where every word is a name ("Gordon Brown").
/// For each token, whether the run of proper nouns holding it has a given name: one pass
/// forward over the runs, so a sentence of names costs linear time.
fn given_name_in_run(lower: &[&str], tags: &[Tag]) -> Vec<bool> {
    let mut out = vec![false; tags.len()];
    let mut i = 0;
    while i < tags.len() {
        if !tags[i].is_proper_noun() {
            i += 1;
            continue;
        }
        let start = i;
        while i < tags.len() && tags[i].is_proper_noun() {
            i += 1;
        }
        // A particle of an Arabic name ("bin", "al") marks a person's name too.
        let has = (start..i).any(|j| GIVEN_NAMES.contains(lower[j]) || is_name_particle(lower[j]));
        out[start..i].fill(has);
    }
    out
}

fn name_word_upos(
    surface: &[&str],
    lower: &[&str],
    tags: &[Tag],
    i: usize,
    given_in_run: bool,
) -> Upos {
    let is_name = |j: usize| tags.get(j).is_some_and(|t| t.is_proper_noun());
    // "American Airlines", "Sunni Muslims": a nationality before a name or noun is ADJ.
    let noun_after = tags.get(i + 1).is_some_and(|t| t.is_noun());
    if noun_after && is_nationality(surface[i]) {
        return Upos::Adj;
    }
    let in_run = (i > 0 && is_name(i - 1)) || is_name(i + 1);
    if !in_run {
        return Upos::Propn;
    }
    if given_in_run {
        return Upos::Propn;
    }
    match lexicon_tag(lower[i]) {
        Some(Tag::JJ | Tag::VBN) => Upos::Adj,
        _ => Upos::Propn,
    }
}

/// "food / drinks", "and / or", "Enron / Azurix": a slash between two words of two letters or
/// more stands for "or" or "and", a symbol in UD English; between letters or numbers ("A / C",
/// "24 / 7") or before a word in capitals ("Jo Li / ACME") it is punctuation.
fn slash_between_words(surface: &[&str], i: usize) -> bool {
    let word = |w: &str| w.chars().count() >= 2 && w.chars().all(char::is_alphabetic);
    i > 0
        && surface.get(i + 1).is_some_and(|next| {
            word(surface[i - 1]) && word(next) && next.chars().any(char::is_lowercase)
        })
}

/// "looks like they were", "seems like I need": a subject pronoun and a finite verb or
/// modal right after it open a clause.
fn pronoun_clause_follows(lower: &[&str], tags: &[Tag], j: usize) -> bool {
    lower.get(j).is_some_and(|w| {
        matches!(
            *w,
            "i" | "you" | "we" | "they" | "he" | "she" | "it" | "there"
        )
    }) && tags
        .get(j + 1)
        .is_some_and(|t| matches!(t, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD) || t.is_adverb())
}

/// "a chance for the voters to decide", "too high for us to pay": after "for" a short noun
/// phrase and "to" before a verb, "for" introduces the infinitive's subject (`SCONJ`).
fn subject_of_infinitive(tags: &[Tag], j: usize) -> bool {
    let phrase = tags[j.min(tags.len())..]
        .iter()
        .take(5)
        .take_while(|t| {
            t.is_noun() || t.is_adjective() || matches!(t, Tag::PRP | Tag::DT | Tag::PRPS | Tag::CD)
        })
        .count();
    phrase > 0
        && tags.get(j + phrase) == Some(&Tag::TO)
        && tags.get(j + phrase + 1) == Some(&Tag::VB)
}

/// A clause starts at `j`: a subject (pronoun, name, determiner or noun) and, soon after, a
/// finite verb or modal.
fn clause_follows(tags: &[Tag], j: usize) -> bool {
    let Some(&first) = tags.get(j) else {
        return false;
    };
    if matches!(first, Tag::PRP | Tag::EX) {
        return true;
    }
    if !(first.is_noun() || matches!(first, Tag::DT | Tag::PRPS | Tag::CD)) {
        return false;
    }
    tags[j + 1..]
        .iter()
        .take(5)
        .take_while(|t| !t.is_punct() && **t != Tag::IN)
        .any(|t| matches!(t, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD))
}

fn verb_upos(lower: &[&str], tags: &[Tag], classes: &[WordClasses], i: usize) -> Upos {
    let c = classes[i];
    if c.contains(WordClasses::BE) {
        // Existential "there is" is a main verb in UD English, also across modals, "have"
        // and adverbs ("there will be", "there have been") and inverted ("is there"); every
        // other "be" is AUX.
        let before = tags[..i]
            .iter()
            .zip(&classes[..i])
            .rev()
            .take(AUXILIARY_REACH)
            .find(|(t, c)| !(t.is_adverb() || **t == Tag::MD || c.contains(WordClasses::HAVE)))
            .map(|(t, _)| *t);
        let inverted = tags.get(i + 1) == Some(&Tag::EX)
            && (i == 0 || matches!(tags[i - 1], Tag::WRB | Tag::WP | Tag::CC | Tag::Comma));
        let existential = before == Some(Tag::EX) || inverted;
        return if existential { Upos::Verb } else { Upos::Aux };
    }
    if !c.intersects(WordClasses::HAVE | WordClasses::DO) {
        return Upos::Verb;
    }
    // "doing", "done": "do" helps only in its finite and base forms.
    if c.contains(WordClasses::DO) && matches!(tags[i], Tag::VBG | Tag::VBN) {
        return Upos::Verb;
    }
    // A question's subject may stand between the auxiliary and its verb ("has the minister
    // said", "why do people say") only where the auxiliary opens its clause; elsewhere a noun
    // phrase after "have" is its object ("he has a memoir called ...").
    let opens_clause = i == 0
        || matches!(
            tags[i - 1],
            Tag::WRB
                | Tag::WP
                | Tag::WDT
                | Tag::CC
                | Tag::Comma
                | Tag::OpenQuote
                | Tag::Colon
                | Tag::Period
        );
    let subject_between = c.contains(WordClasses::DO) || opens_clause;
    let helps = |want: &[Tag]| {
        for (&t, &w) in tags[i + 1..]
            .iter()
            .zip(&lower[i + 1..])
            .take(AUXILIARY_REACH)
        {
            if want.contains(&t) {
                return true;
            }
            // Adverbs, negation, a floating "all" or "both" and a question's subject may
            // stand between.
            let between = t.is_adverb()
                || matches!(w, "all" | "both" | "each")
                || (subject_between
                    && matches!(
                        t,
                        Tag::PRP | Tag::DT | Tag::NN | Tag::NNS | Tag::NNP | Tag::JJ
                    ));
            if !between {
                return false;
            }
        }
        false
    };
    // "They did not.", "I have.": a finite "do" or "have" whose verb is left out is AUX.
    let elliptic = tags[i] != Tag::VB
        && tags[i + 1..]
            .iter()
            .find(|t| !t.is_adverb())
            .is_none_or(|t| t.is_punct() || *t == Tag::CC);
    let auxiliary = if elliptic {
        true
    } else if c.contains(WordClasses::HAVE) {
        helps(&[Tag::VBN, Tag::VBD])
    } else {
        helps(&[Tag::VB, Tag::VBP])
    };
    if auxiliary { Upos::Aux } else { Upos::Verb }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table `build.rs` writes holds the census names, lower-cased, and nothing else.
    #[test]
    fn given_name_table_equals_the_parsed_list() {
        let names: std::collections::HashSet<String> = lexicon::words(include_str!(
            "../lexicon/data/entities_first_names_census.txt"
        ))
        .map(str::to_lowercase)
        .collect();
        for name in &names {
            assert!(GIVEN_NAMES.contains(name), "{name:?}");
        }
        assert_eq!(GIVEN_NAMES.iter().count(), names.len());
        assert!(GIVEN_NAMES.contains("maria") && !GIVEN_NAMES.contains("Maria"));
    }
}
