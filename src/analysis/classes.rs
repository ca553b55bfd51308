//! Word classes: one bit per closed class of English words, read from
//! `analysis_word_classes.txt`, so that no extractor keeps its own list of pronouns, months or
//! quotation marks.

use std::sync::LazyLock;

use crate::lexicon;

/// The list the class table is generated from (read by the tests).
#[cfg(test)]
const DATA: &str = include_str!("../lexicon/data/analysis_word_classes.txt");

/// The lemmas of the `agent` class, one per line (generated from WordNet by
/// `scripts/analysis_build_agents.py`).
#[cfg(test)]
const AGENT_DATA: &str = include_str!("../lexicon/data/analysis_agent_nouns.txt");

/// The same list as a table `build.rs` writes: lemma → 1 (a group noun) or 2 (a person noun).
static AGENTS: lexicon::Table = lexicon::Table::new(include_bytes!(concat!(
    env!("OUT_DIR"),
    "/analysis_agent_nouns.table"
)));

/// The lemma classes the agent list gives `lemma`.
fn agent_classes(lemma: &str) -> WordClasses {
    match AGENTS.get(lemma) {
        None => WordClasses::NONE,
        Some(v) if v & 2 != 0 => WordClasses::AGENT | WordClasses::PERSON_NOUN,
        Some(_) => WordClasses::AGENT,
    }
}

/// A set of word classes (see the header of `analysis_word_classes.txt` for what each means).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct WordClasses(u64);

/// What a class is matched on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    /// The token's lower-case form.
    Form,
    /// The token's lemma.
    Lemma,
}

macro_rules! classes {
    ($($(#[$doc:meta])* $name:ident = $bit:expr, $text:literal, $key:ident;)*) => {
        impl WordClasses {
            $($(#[$doc])* pub const $name: WordClasses = WordClasses(1 << $bit);)*
        }
        /// Every class: its name in the data file, its bit, what it is matched on.
        const CLASSES: &[(&str, WordClasses, Key)] = &[$(($text, WordClasses::$name, Key::$key)),*];
    };
}

classes! {
    /// Any quotation mark.
    QUOTE = 0, "quote", Form;
    /// A quotation mark that only opens (“ ‘ «).
    OPEN_QUOTE = 1, "open_quote", Form;
    /// A quotation mark that only closes (” ’ »).
    CLOSE_QUOTE = 2, "close_quote", Form;
    /// A personal pronoun (any case), possessive or reflexive.
    PRONOUN = 3, "pronoun", Form;
    /// First person (I, we).
    PERSON1 = 4, "person1", Form;
    /// Second person (you).
    PERSON2 = 5, "person2", Form;
    /// Third person (he, she, it, they).
    PERSON3 = 6, "person3", Form;
    /// Singular.
    SINGULAR = 7, "singular", Form;
    /// Plural.
    PLURAL = 8, "plural", Form;
    /// Masculine (he, him, his).
    MASCULINE = 9, "masculine", Form;
    /// Feminine (she, her).
    FEMININE = 10, "feminine", Form;
    /// Neuter (it, its).
    NEUTER = 11, "neuter", Form;
    /// Possessive (my, their, hers).
    POSSESSIVE = 12, "possessive", Form;
    /// Reflexive (himself).
    REFLEXIVE = 13, "reflexive", Form;
    /// Subject case (he, they).
    SUBJECT = 14, "subject", Form;
    /// Object case (him, them).
    OBJECT = 15, "object", Form;
    /// A day of the week.
    WEEKDAY = 16, "weekday", Form;
    /// A month.
    MONTH = 17, "month", Form;
    /// A modal verb ("will", "could", "won't").
    MODAL = 18, "modal", Form;
    /// A negator ("not", "n't", "never"), or a contraction holding one ("don't").
    NEGATOR = 19, "negator", Form;
    /// An article (a, an, the).
    ARTICLE = 20, "article", Form;
    /// A determiner.
    DETERMINER = 21, "determiner", Form;
    /// This, that, these, those.
    DEMONSTRATIVE = 22, "demonstrative", Form;
    /// All, some, many...
    QUANTIFIER = 23, "quantifier", Form;
    /// Question and relative words (who, which, when...).
    WH = 24, "wh", Form;
    /// And, or, but...
    COORDINATOR = 25, "coordinator", Form;
    /// Because, if, although...
    SUBORDINATOR = 26, "subordinator", Form;
    /// Any form of "be" (by lemma).
    BE = 27, "be", Lemma;
    /// Any form of "have" (by lemma).
    HAVE = 28, "have", Lemma;
    /// Any form of "do" (by lemma).
    DO = 29, "do", Lemma;
    /// An indefinite pronoun written as one word ("someone", "nothing").
    INDEFINITE = 30, "indefinite", Form;
    /// A verb of saying, by lemma ("said", "warns", "claim").
    SPEECH = 31, "speech", Lemma;
    /// A verb of belief, expectation or finding, by lemma ("believes", "expected").
    THOUGHT = 32, "thought", Lemma;
    /// A verb of asking, pushing or letting someone act, by lemma ("urged", "asks", "allows").
    DIRECTIVE = 33, "directive", Lemma;
    /// A verb that names or judges what someone said, by lemma ("called", "dismissed").
    EVALUATION = 34, "evaluation", Lemma;
    /// A verb that takes a hearer before its clause, by lemma ("told reporters that").
    HEARER = 35, "hearer", Lemma;
    /// A word that opens a condition ("if", "unless", "provided").
    CONDITIONAL = 36, "conditional", Form;
    /// A noun of a binding agreement, by lemma ("treaty", "pacts").
    DEAL = 37, "deal", Lemma;
    /// What one declines to do when one declines to speak, by lemma ("comment").
    SILENCE = 38, "silence", Lemma;
    /// A noun of what someone said, by lemma ("claims", "allegation").
    ASSERTION = 39, "assertion", Lemma;
    /// A verb of what happens to someone rather than what they do, by lemma ("need", "lose").
    NONVOLITIONAL = 40, "nonvolitional", Lemma;
    /// A verb of taking part, by lemma ("visit", "attend").
    PARTICIPATION = 41, "participation", Lemma;
    /// An adverb that makes a statement a guess ("probably", "reportedly").
    HEDGE = 42, "hedge", Form;
    /// A noun that can act, by lemma: a person or a group of people ("minister", "owners",
    /// "council"); read from `analysis_agent_nouns.txt`, built from WordNet.
    AGENT = 43, "agent", Lemma;
    /// A noun of a person, by lemma ("minister", "voters"): the `person` lines of
    /// `analysis_agent_nouns.txt`.
    PERSON_NOUN = 44, "person_noun", Lemma;
    /// A noun or adverb of a time, by lemma ("week", "mornings", "yesterday").
    TIME = 45, "time", Lemma;
    /// A prefix written before a verb with a hyphen ("re-elected", "co-founded").
    PREFIX = 46, "prefix", Form;
    /// A verb whose past tense is its base form ("put", "cut", "set").
    SAME_PAST = 47, "same_past", Form;
    /// A noun of a written or recorded message someone issues, by lemma ("statement",
    /// "letter", "tweet"): it says what its issuer says.
    DOCUMENT = 48, "document", Lemma;
    /// A noun of an actor that can commit itself, by lemma: a body, an office or a party to
    /// a deal ("government", "minister", "bank", "union"); narrower than `agent`, which holds
    /// every person or group ("voters", "pollsters") that news also makes the subject of a
    /// forecast.
    ACTOR = 49, "actor", Lemma;
}

impl WordClasses {
    /// No class.
    pub const NONE: WordClasses = WordClasses(0);

    /// True when every class of `other` is in `self`.
    pub fn contains(self, other: WordClasses) -> bool {
        self.0 & other.0 == other.0
    }

    /// True when `self` and `other` share a class.
    pub fn intersects(self, other: WordClasses) -> bool {
        self.0 & other.0 != 0
    }

    /// True when there is no class.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The class called `name` in the data file, if there is one.
    pub fn by_name(name: &str) -> Option<WordClasses> {
        CLASSES.iter().find(|c| c.0 == name).map(|c| c.1)
    }

    /// The names of the classes in `self`, in bit order.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        CLASSES
            .iter()
            .filter(move |c| self.contains(c.1))
            .map(|c| c.0)
    }
}

impl std::ops::BitOr for WordClasses {
    type Output = WordClasses;

    fn bitor(self, rhs: WordClasses) -> WordClasses {
        WordClasses(self.0 | rhs.0)
    }
}

impl std::ops::BitOrAssign for WordClasses {
    fn bitor_assign(&mut self, rhs: WordClasses) {
        self.0 |= rhs.0;
    }
}

/// Word → index of its row in [`ROWS`]: a table `build.rs` writes from
/// `analysis_word_classes.txt`, so start-up does not parse the list.
static TABLE: lexicon::Table = lexicon::Table::new(include_bytes!(concat!(
    env!("OUT_DIR"),
    "/analysis_word_classes.table"
)));

/// The distinct rows of class names of the list, one per line (`build.rs`).
const ROW_DATA: &str = include_str!(concat!(env!("OUT_DIR"), "/analysis_word_classes_rows.txt"));

/// Per row: (classes matched on the form, classes matched on the lemma). A few hundred
/// rows, parsed on first use.
static ROWS: LazyLock<Vec<(WordClasses, WordClasses)>> = LazyLock::new(|| {
    ROW_DATA
        .lines()
        .map(|row| {
            let mut entry = (WordClasses::NONE, WordClasses::NONE);
            for name in row.split_whitespace() {
                match CLASSES.iter().find(|c| c.0 == name) {
                    Some(&(_, bits, Key::Form)) => entry.0 |= bits,
                    Some(&(_, bits, Key::Lemma)) => entry.1 |= bits,
                    None => debug_assert!(false, "unknown word class {name:?}"),
                }
            }
            entry
        })
        .collect()
});

/// The (form, lemma) classes the list gives `word`.
#[inline]
fn listed(word: &str) -> Option<(WordClasses, WordClasses)> {
    TABLE.get(word).map(|id| ROWS[usize::from(id)])
}

/// The classes of a token with lower-case form `lower` and lemma `lemma`.
pub fn classify(lower: &str, lemma: &str) -> WordClasses {
    let by_form = listed(lower).map_or(WordClasses::NONE, |e| e.0);
    let by_lemma = listed(lemma).map_or(WordClasses::NONE, |e| e.1);
    by_form | by_lemma | agent_classes(lemma)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tagger::FnvMap;

    #[test]
    fn every_class_in_the_data_is_known_and_used() {
        for fields in lexicon::entries(DATA) {
            assert_eq!(fields.len(), 2, "two fields in {fields:?}");
            for name in fields[1].split_whitespace() {
                assert!(WordClasses::by_name(name).is_some(), "class {name:?}");
            }
        }
        for (name, bits, _) in CLASSES {
            assert!(
                ROWS.iter().any(|e| (e.0 | e.1).contains(*bits))
                    || AGENTS.iter().any(|(w, _)| agent_classes(w).contains(*bits)),
                "class {name} has no word"
            );
        }
        let mut all = WordClasses::NONE;
        for (_, bits, _) in CLASSES {
            assert!(!all.intersects(*bits), "bits are distinct");
            all |= *bits;
        }
    }

    /// The table `build.rs` writes gives every word the classes that parsing the list gives.
    #[test]
    fn class_table_equals_the_parsed_list() {
        let mut parsed: FnvMap<&str, (WordClasses, WordClasses)> = FnvMap::default();
        for fields in lexicon::entries(DATA) {
            let entry = parsed.entry(fields[0]).or_default();
            for name in fields.get(1).into_iter().flat_map(|f| f.split_whitespace()) {
                match CLASSES.iter().find(|c| c.0 == name) {
                    Some(&(_, bits, Key::Form)) => entry.0 |= bits,
                    Some(&(_, bits, Key::Lemma)) => entry.1 |= bits,
                    None => panic!("unknown word class {name:?}"),
                }
            }
        }
        for (word, classes) in &parsed {
            assert_eq!(listed(word), Some(*classes), "{word:?}");
        }
        assert_eq!(TABLE.iter().count(), parsed.len());
    }

    /// The agent table `build.rs` writes holds what parsing the list gives.
    #[test]
    fn agent_table_equals_the_parsed_list() {
        let mut n = 0;
        for fields in lexicon::entries(AGENT_DATA) {
            let person = fields.get(1) == Some(&"person");
            assert_eq!(AGENTS.get(fields[0]), Some(if person { 2 } else { 1 }));
            n += 1;
        }
        assert_eq!(AGENTS.iter().count(), n);
    }

    #[test]
    fn classes_by_form_and_by_lemma() {
        let she = classify("she", "she");
        assert!(she.contains(WordClasses::PRONOUN | WordClasses::FEMININE | WordClasses::SINGULAR));
        assert!(!she.intersects(WordClasses::PLURAL | WordClasses::MASCULINE));
        assert!(classify("was", "be").contains(WordClasses::BE));
        // "be" as a form is not enough for the lemma class of a token whose lemma differs.
        assert!(!classify("be", "bee").contains(WordClasses::BE));
        assert!(classify("won't", "will").contains(WordClasses::MODAL | WordClasses::NEGATOR));
        assert!(classify("“", "“").contains(WordClasses::QUOTE | WordClasses::OPEN_QUOTE));
        assert_eq!(
            classify("may", "may").names().collect::<Vec<_>>(),
            ["month", "modal"]
        );
    }
}
