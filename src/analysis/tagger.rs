//! The part-of-speech tagger: Brill's design, in four passes over a sentence.
//!
//! 1. **Lexicon**: a known word takes its most frequent tag (`analysis_lexicon.txt`, Brill's
//!    lexicon as pattern ships it). The exact form is tried first, then the lower-case form
//!    where a capital says nothing (first word, after an opening quote or bracket, or a word in
//!    capitals).
//! 2. **Unknown words**: shape first (digits are `CD`, an address is `ADD`, punctuation by its
//!    character), then a capitalised word is `NNP`, else Brill's lexical rules
//!    (`analysis_morphology_rules.txt`: suffixes, prefixes, neighbours) rewrite the default `NN`.
//!    Contractions our segmenter keeps whole ("don't", "I'm") take the tag of their first part.
//! 3. **Context**: Brill's transformation rules (`analysis_context_rules.txt`, "NN → VB after
//!    TO"), then ours (`analysis_context_rules_extra.txt`, same format), each applied in order,
//!    token by token, left to right, a change visible to the tokens after it. A tag that does
//!    not fit the word's ending (`VBG` without "-ing", `VBZ` without "-s", a base form of an
//!    "-ing" or "-ed" form of a verb) is then undone (`unfit_inflection`).
//! 4. **Position**: a hyphen between two words is `HYPH`, a straight quote opens or closes by
//!    its neighbours; then newslens's rules over the whole sentence (`fix_by_position`): "to"
//!    and its verb across a split infinitive, existential "there", verb forms after an
//!    article, predicate adjectives after "be", adverbs after verbs, name particles.
//!
//! Cost: one hash lookup per token, and per token only the context rules whose source tag is
//! the token's current tag (a handful); lexical rules run for unknown words only. Linear in the
//! tokens, no regex, no recursion.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::tags::Tag;
use crate::lexicon;

/// A fast, deterministic hasher for short strings (the rustc "Fx" hash, 8 bytes a step); the
/// tables are read-only data, so hash flooding is no concern.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Fnv {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

/// Appends `word` in lower case to `buf`, with a fast path for ASCII.
pub(crate) fn push_lower(buf: &mut String, word: &str) {
    if word.is_ascii() {
        let start = buf.len();
        buf.push_str(word);
        buf[start..].make_ascii_lowercase();
    } else {
        buf.extend(word.chars().flat_map(char::to_lowercase));
    }
}

pub(crate) type FnvBuild = std::hash::BuildHasherDefault<Fnv>;
pub(crate) type FnvMap<K, V> = HashMap<K, V, FnvBuild>;
/// A set hashed with FNV: for tables whose keys are fixed data, not input.
pub(crate) type FnvSet<K> = std::collections::HashSet<K, FnvBuild>;

#[cfg(test)]
const LEXICON_DATA: &str = include_str!("../lexicon/data/analysis_lexicon.txt");
const CONTEXT_DATA: &str = include_str!("../lexicon/data/analysis_context_rules.txt");
const CONTEXT_EXTRA_DATA: &str = include_str!("../lexicon/data/analysis_context_rules_extra.txt");
const MORPHOLOGY_DATA: &str = include_str!("../lexicon/data/analysis_morphology_rules.txt");
const WORD_TAGS_DATA: &str = include_str!("../lexicon/data/analysis_word_tags.txt");
#[cfg(test)]
const NORP_DATA: &str = include_str!("../lexicon/data/entities_norp.txt");

/// A set of tags, one bit each (every [`Tag`] fits in 64 bits).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct TagMask(u64);

impl TagMask {
    const ALL: TagMask = TagMask(u64::MAX);

    fn of(tags: &[Tag]) -> TagMask {
        TagMask(tags.iter().fold(0, |m, &t| m | 1 << (t as u8)))
    }

    fn contains(self, tag: Tag) -> bool {
        self.0 & (1 << (tag as u8)) != 0
    }

    fn with(self, other: TagMask) -> TagMask {
        TagMask(self.0 | other.0)
    }

    fn without(self, other: TagMask) -> TagMask {
        TagMask(self.0 & !other.0)
    }
}

const NOUNS: &[Tag] = &[Tag::NN, Tag::NNS, Tag::NNP, Tag::NNPS];
const VERBS: &[Tag] = &[Tag::VB, Tag::VBD, Tag::VBG, Tag::VBN, Tag::VBP, Tag::VBZ];
const ADJECTIVES: &[Tag] = &[Tag::JJ, Tag::JJR, Tag::JJS];
const ADVERBS: &[Tag] = &[Tag::RB, Tag::RBR, Tag::RBS, Tag::RP];

fn is_open(tag: Tag) -> bool {
    tag.is_noun()
        || tag.is_verb()
        || tag.is_adjective()
        || matches!(tag, Tag::RB | Tag::RBR | Tag::RBS)
}

/// A lexicon entry: the most frequent tag, and the tags a rule may move the word to.
#[derive(Clone, Copy, Debug)]
struct LexEntry {
    tag: Tag,
    allowed: TagMask,
}

/// The tags WordNet's classes allow (field 3 of the lexicon), and those that go with the
/// lexicon tag itself: any verb form for a verb, an adjective for a participle.
fn allowed_tags(tag: Tag, wordnet: &str) -> TagMask {
    let mut m = TagMask::of(&[tag]);
    let open_unknown = wordnet.is_empty() && is_open(tag);
    for c in wordnet.chars() {
        m = m.with(TagMask::of(match c {
            'n' => NOUNS,
            'v' => VERBS,
            'a' => ADJECTIVES,
            _ => ADVERBS,
        }));
    }
    if open_unknown {
        m = m
            .with(TagMask::of(NOUNS))
            .with(TagMask::of(VERBS))
            .with(TagMask::of(ADJECTIVES));
    }
    if tag.is_verb() {
        m = m.with(TagMask::of(VERBS)).with(TagMask::of(&[Tag::JJ]));
    }
    if m.contains(Tag::VB) || m.contains(Tag::VBN) {
        m = m.with(TagMask::of(&[Tag::JJ]));
    }
    if tag.is_noun() {
        m = m.with(TagMask::of(NOUNS));
    }
    m
}

/// Word (case as written) → index of its entry in [`LEXICON_ENTRIES`]: a table `build.rs`
/// writes from `analysis_lexicon.txt`, so start-up does not parse 94,000 lines.
static LEXICON_TABLE: lexicon::Table = lexicon::Table::new(include_bytes!(concat!(
    env!("OUT_DIR"),
    "/analysis_lexicon.table"
)));

/// The distinct (tag, WordNet classes) pairs of the lexicon, one per line (`build.rs`).
const LEXICON_PAIRS: &str = include_str!(concat!(env!("OUT_DIR"), "/analysis_lexicon_pairs.txt"));

/// The entry of each pair; `None` for a tag that does not parse (such a word is unknown).
static LEXICON_ENTRIES: LazyLock<Vec<Option<LexEntry>>> = LazyLock::new(|| {
    LEXICON_PAIRS
        .lines()
        .map(|line| {
            let (tag, wordnet) = line.split_once('\t').unwrap_or((line, ""));
            Tag::parse(tag).map(|tag| LexEntry {
                tag,
                allowed: allowed_tags(tag, wordnet),
            })
        })
        .collect()
});

/// The lexicon: word (case as written) → its entry.
struct Lexicon;

static LEXICON: Lexicon = Lexicon;

impl Lexicon {
    #[inline]
    fn get(&self, word: &str) -> Option<&'static LexEntry> {
        let id = LEXICON_TABLE.get(word)?;
        LEXICON_ENTRIES[usize::from(id)].as_ref()
    }

    fn contains_key(&self, word: &str) -> bool {
        self.get(word).is_some()
    }
}

/// Function word (lower case) → the tags it can take (`analysis_word_tags.txt`).
static WORD_TAGS: LazyLock<FnvMap<&'static str, TagMask>> = LazyLock::new(|| {
    let mut map = FnvMap::default();
    for fields in lexicon::entries(WORD_TAGS_DATA) {
        let tags: Vec<Tag> = fields
            .get(1)
            .into_iter()
            .flat_map(|f| f.split_whitespace())
            .filter_map(Tag::parse)
            .collect();
        map.insert(fields[0], TagMask::of(&tags));
    }
    map
});

/// Nationalities and other group names (the entity extractor's NORP list), singular forms:
/// before a noun they are adjectives ("Sunni leaders", "French wine"). A set `build.rs`
/// writes (the list's entries not ending in "s").
static NATIONALITIES: lexicon::Table = lexicon::Table::new(include_bytes!(concat!(
    env!("OUT_DIR"),
    "/analysis_nationalities.table"
)));

/// True for a nationality or group adjective as written ("French", "Sunni").
pub(crate) fn is_nationality(word: &str) -> bool {
    NATIONALITIES.contains(word)
}

/// One-word names of the entity extractor's gazetteer ("Apple", "Shell", "Labour"): at a
/// sentence start these stay names although the lexicon also knows the common word. A set
/// `build.rs` writes.
static KNOWN_NAMES: lexicon::Table = lexicon::Table::new(include_bytes!(concat!(
    env!("OUT_DIR"),
    "/analysis_known_names.table"
)));

/// The tag the lexicon gives `word` (case as written), if it knows the word.
pub fn lexicon_tag(word: &str) -> Option<Tag> {
    LEXICON.get(word).map(|e| e.tag)
}

/// What a contextual rule tests, with its arguments. Names are Brill's.
#[derive(Clone, Debug, PartialEq)]
enum Cond {
    PrevTag(Tag),
    NextTag(Tag),
    Prev2Tag(Tag),
    Next2Tag(Tag),
    Prev1or2Tag(Tag),
    Next1or2Tag(Tag),
    Prev1or2or3Tag(Tag),
    Next1or2or3Tag(Tag),
    SurroundTag(Tag, Tag),
    PrevBigram(Tag, Tag),
    NextBigram(Tag, Tag),
    CurWd(WordArg),
    PrevWd(&'static str),
    NextWd(&'static str),
    Prev1or2Wd(&'static str),
    Next1or2Wd(&'static str),
    /// The previous tag is the first argument and this word the second.
    WdPrevTag(Tag, WordArg),
    /// This word is the first argument and the next tag the second.
    WdNextTag(WordArg, Tag),
    WdAnd2Aft(&'static str, &'static str),
    WdAnd2TagAft(&'static str, Tag),
    WdAnd2TagBfr(Tag, &'static str),
    LBigram(&'static str, &'static str),
    RBigram(&'static str, &'static str),
    /// Ours: one of the 3 words before is one of the `|`-separated words, in any case.
    Prev1or2or3Wds(Box<[&'static str]>),
    /// Ours: the sentence's first word, and the next tag is the argument.
    FirstNextTag(Tag),
    /// Ours: the nearest word before that is no adverb (within 3) is one of the `|`-separated
    /// words, in any case ("has often been said").
    AfterWds(Box<[&'static str]>),
}

#[derive(Clone, Debug)]
struct ContextRule {
    /// `None` is Brill's `*`: any tag.
    from: Option<Tag>,
    to: Tag,
    cond: Cond,
}

fn parse_context_rule(fields: &[&'static str]) -> Option<ContextRule> {
    let from = match *fields.first()? {
        "*" => None,
        t => Some(Tag::parse(t)?),
    };
    let to = Tag::parse(fields.get(1)?)?;
    let a = fields.get(3).copied().unwrap_or("");
    let b = fields.get(4).copied().unwrap_or("");
    let ta = || Tag::parse(a);
    let tb = || Tag::parse(b);
    let cond = match fields.get(2)?.to_ascii_uppercase().as_str() {
        "PREVTAG" => Cond::PrevTag(ta()?),
        "NEXTTAG" => Cond::NextTag(ta()?),
        "PREV2TAG" => Cond::Prev2Tag(ta()?),
        "NEXT2TAG" => Cond::Next2Tag(ta()?),
        "PREV1OR2TAG" => Cond::Prev1or2Tag(ta()?),
        "NEXT1OR2TAG" => Cond::Next1or2Tag(ta()?),
        "PREV1OR2OR3TAG" => Cond::Prev1or2or3Tag(ta()?),
        "NEXT1OR2OR3TAG" => Cond::Next1or2or3Tag(ta()?),
        "SURROUNDTAG" => Cond::SurroundTag(ta()?, tb()?),
        "PREVBIGRAM" => Cond::PrevBigram(ta()?, tb()?),
        "NEXTBIGRAM" => Cond::NextBigram(ta()?, tb()?),
        "CURWD" => Cond::CurWd(WordArg::new(a)),
        "PREVWD" => Cond::PrevWd(a),
        "NEXTWD" => Cond::NextWd(a),
        "PREV1OR2WD" => Cond::Prev1or2Wd(a),
        "NEXT1OR2WD" => Cond::Next1or2Wd(a),
        "WDPREVTAG" => Cond::WdPrevTag(ta()?, WordArg::new(b)),
        "WDNEXTTAG" => Cond::WdNextTag(WordArg::new(a), tb()?),
        "WDAND2AFT" => Cond::WdAnd2Aft(a, b),
        "WDAND2TAGAFT" => Cond::WdAnd2TagAft(a, tb()?),
        "WDAND2TAGBFR" => Cond::WdAnd2TagBfr(ta()?, b),
        "LBIGRAM" => Cond::LBigram(a, b),
        "RBIGRAM" => Cond::RBigram(a, b),
        "PREV1OR2OR3WDS" => Cond::Prev1or2or3Wds(a.split('|').collect()),
        "FIRSTNEXTTAG" => Cond::FirstNextTag(ta()?),
        "AFTERWDS" => Cond::AfterWds(a.split('|').collect()),
        _ => return None,
    };
    Some(ContextRule { from, to, cond })
}

/// The contextual rules in order, with, per source tag, the indices of the rules that can
/// change it (its own and the `*` rules), ascending, grouped by the tag they change it to:
/// a word's allowed tags then pass over whole groups, not rule by rule (the tagger's hot
/// loop).
struct ContextRules {
    rules: Vec<ContextRule>,
    by_from: Vec<Vec<(Tag, Vec<u16>)>>,
}

static CONTEXT: LazyLock<ContextRules> = LazyLock::new(|| {
    let rules: Vec<ContextRule> = lexicon::entries(CONTEXT_DATA)
        .chain(lexicon::entries(CONTEXT_EXTRA_DATA))
        .filter_map(|f| parse_context_rule(&f))
        .collect();
    let mut by_from: Vec<Vec<(Tag, Vec<u16>)>> = vec![Vec::new(); Tag::Staart as usize + 1];
    let mut add = |from: Tag, to: Tag, i: usize| {
        let groups = &mut by_from[from as usize];
        match groups.iter_mut().find(|g| g.0 == to) {
            Some(g) => g.1.push(i as u16),
            None => groups.push((to, vec![i as u16])),
        }
    };
    for (i, rule) in rules.iter().enumerate() {
        match rule.from {
            // `Tag::ALL` leaves out the sentence-edge tag: no rule from it is kept.
            Some(Tag::Staart) => {}
            Some(f) => add(f, rule.to, i),
            None => {
                for tag in Tag::ALL {
                    add(tag, rule.to, i);
                }
            }
        }
    }
    ContextRules { rules, by_from }
});

/// What a lexical rule tests on an unknown word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MorphCond {
    Word,
    Char,
    HasPrefix,
    HasSuffix,
    AddPrefix,
    AddSuffix,
    DeletePrefix,
    DeleteSuffix,
    GoodLeft,
    GoodRight,
}

#[derive(Clone, Debug)]
struct MorphRule {
    from: Option<Tag>,
    cond: MorphCond,
    arg: &'static str,
    to: Tag,
}

static MORPHOLOGY: LazyLock<Vec<MorphRule>> = LazyLock::new(|| {
    lexicon::entries(MORPHOLOGY_DATA)
        .filter_map(|f| {
            let from = match *f.first()? {
                "*" => None,
                t => Some(Tag::parse(t)?),
            };
            let cond = match *f.get(1)? {
                "word" => MorphCond::Word,
                "char" => MorphCond::Char,
                "haspref" => MorphCond::HasPrefix,
                "hassuf" => MorphCond::HasSuffix,
                "addpref" => MorphCond::AddPrefix,
                "addsuf" => MorphCond::AddSuffix,
                "deletepref" => MorphCond::DeletePrefix,
                "deletesuf" => MorphCond::DeleteSuffix,
                "goodleft" => MorphCond::GoodLeft,
                "goodright" => MorphCond::GoodRight,
                _ => return None,
            };
            Some(MorphRule {
                from,
                cond,
                arg: f.get(2)?,
                to: Tag::parse(f.get(3)?)?,
            })
        })
        .collect()
});

/// Brill's lexical rules over an unknown lower-case-initial word, from `NN`.
fn morphology_tag(word: &str, prev: &str, next: &str) -> Tag {
    let known = |w: &str| LEXICON.contains_key(w);
    // The word with an affix added, built in one buffer for every rule.
    let mut joined = String::with_capacity(word.len() + 8);
    let mut known_joined = |a: &str, b: &str| {
        joined.clear();
        joined.push_str(a);
        joined.push_str(b);
        known(&joined)
    };
    let mut tag = Tag::NN;
    for rule in MORPHOLOGY.iter() {
        if rule.from.is_some_and(|f| f != tag) {
            continue;
        }
        let x = rule.arg;
        let holds = match rule.cond {
            MorphCond::Word => word == x,
            MorphCond::Char => word.contains(x),
            MorphCond::HasPrefix => word.starts_with(x),
            MorphCond::HasSuffix => word.ends_with(x),
            MorphCond::AddPrefix => known_joined(x, word),
            MorphCond::AddSuffix => known_joined(word, x),
            MorphCond::DeletePrefix => word.strip_prefix(x).is_some_and(known),
            MorphCond::DeleteSuffix => word.strip_suffix(x).is_some_and(known),
            MorphCond::GoodLeft => next == x,
            MorphCond::GoodRight => prev == x,
        };
        if holds {
            tag = rule.to;
        }
    }
    tag
}

/// Contractions our segmenter keeps in one token: the second part, as written after the
/// apostrophe is normalised to `'`.
const CLITICS: &[&str] = &["n't", "'m", "'re", "'ve", "'ll", "'d"];

/// Splits "don't" into ("do", "n't") and "I'm" into ("I", "'m"); `None` for other words.
pub fn split_clitic(word: &str) -> Option<(&str, &str)> {
    let lower_end = |suffix: &str| {
        word.len() > suffix.len()
            && word.is_char_boundary(word.len() - suffix.len())
            && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    CLITICS
        .iter()
        .find(|c| lower_end(c))
        .map(|c| word.split_at(word.len() - c.len()))
}

/// Subject pronouns a contraction leans on ("i m", "they re").
const CLITIC_HOSTS: &[&str] = &["i", "you", "we", "they", "he", "she", "it"];

/// Verbs and modals that "nt" (a "n't" typed without its apostrophe) follows.
const NT_HOSTS: &[&str] = &[
    "do", "does", "did", "is", "are", "was", "were", "have", "has", "had", "ca", "wo", "could",
    "would", "should", "must", "need", "ai", "sha", "might",
];

/// The tag of a contraction written without its apostrophe ("i m", "we ll", "do nt"), `lower`
/// being the word and `prev` the word before, as written; `None` for other words.
fn bare_clitic(lower: &str, prev: &str) -> Option<Tag> {
    let after = |hosts: &[&str]| hosts.iter().any(|h| h.eq_ignore_ascii_case(prev));
    match lower {
        "nt" if after(NT_HOSTS) => Some(Tag::RB),
        // "don t", "can t": the "t" of "n't" typed apart.
        "t" if prev.len() > 2 && prev.to_ascii_lowercase().ends_with('n') => Some(Tag::RB),
        "m" if prev.eq_ignore_ascii_case("i") => Some(Tag::VBP),
        "re" | "r" | "ve" if after(CLITIC_HOSTS) && !prev.eq_ignore_ascii_case("i") => {
            Some(Tag::VBP)
        }
        "ve" if prev.eq_ignore_ascii_case("i") => Some(Tag::VBP),
        "ll" | "d" if after(CLITIC_HOSTS) => Some(Tag::MD),
        _ => None,
    }
}

/// Top-level domains that end a host name written in lower case ("example.com").
const HOST_ENDINGS: &[&str] = &[
    "com", "net", "org", "edu", "gov", "mil", "info", "biz", "io", "uk", "us", "ca", "au", "de",
    "fr", "nl", "jp", "cn", "ru", "tv",
];

/// A host name written in lower case ("example.com", "mail.example.org"): letters, digits,
/// hyphens and dots, two parts at least, ending in a common top-level domain.
fn is_host_name(word: &str) -> bool {
    // The ending's dot lies among the last five bytes: a cheap test before the full one.
    if !word.bytes().rev().take(5).any(|b| b == b'.') {
        return false;
    }
    let Some((name, ending)) = word.rsplit_once('.') else {
        return false;
    };
    name.len() >= 2
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
        && name
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphanumeric())
        && !name.ends_with('.')
        && HOST_ENDINGS.contains(&ending)
}

/// The tag of a word by its shape alone, before any lexicon: numbers, addresses, punctuation.
fn shape_tag(word: &str) -> Option<Tag> {
    let first = word.chars().next()?;
    if first.is_ascii_digit() || (first.is_numeric() && !first.is_alphabetic()) {
        return Some(Tag::CD);
    }
    // The byte tests first: `contains("://")` and `split_once('@')` cost more than the rest
    // of the tagging of most words.
    let (b, w) = (word.as_bytes(), word);
    if (b.contains(&b':') && w.contains("://"))
        || w.starts_with("www.")
        || (b.contains(&b'@') && is_email(w))
        || is_host_name(w)
    {
        return Some(Tag::Add);
    }
    if first.is_alphanumeric() {
        return None;
    }
    Some(match word {
        "," => Tag::Comma,
        "." | "?" | "!" | "?!" | "!?" | "!!" | "??" => Tag::Period,
        ":" | ";" | "..." | "…" | "--" | "—" | "–" | "-" => Tag::Colon,
        "(" | "[" | "{" => Tag::Lrb,
        ")" | "]" | "}" => Tag::Rrb,
        "“" | "‘" | "«" | "``" => Tag::OpenQuote,
        "”" | "’" | "»" | "''" => Tag::CloseQuote,
        "\"" | "'" => Tag::OpenQuote,
        "$" | "£" | "€" | "¥" | "₹" | "₽" | "¢" => Tag::Dollar,
        // Angle brackets around an address, a slash between alternatives ("and/or").
        "<" | "<<" => Tag::Lrb,
        ">" | ">>" => Tag::Rrb,
        "/" => Tag::Comma,
        "#" => Tag::Pound,
        "%" => Tag::NN,
        "&" => Tag::CC,
        "+" | "=" | "\\" | "|" | "^" | "°" | "§" | "@" => Tag::SYM,
        // "..", "....": an ellipsis however many dots it has.
        _ if is_dot_run(word) => Tag::Colon,
        _ if word
            .chars()
            .all(|c| matches!(c, '*' | '~' | '=' | '-' | '_' | '.')) =>
        {
            Tag::Nfp
        }
        _ if word.starts_with('.') => Tag::Period,
        // Emoticons and other runs of marks (":-)", "=>").
        _ if word.chars().count() >= 2 && !word.chars().any(char::is_alphanumeric) => Tag::Nfp,
        _ => return None,
    })
}

/// Two dots or more and nothing else: an ellipsis.
fn is_dot_run(word: &str) -> bool {
    word.len() >= 2 && word.bytes().all(|b| b == b'.')
}

fn is_email(word: &str) -> bool {
    word.split_once('@')
        .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
}

/// Opening marks after which a capital says nothing about a name.
fn opens_sentence(prev: Option<Tag>) -> bool {
    matches!(
        prev,
        None | Some(Tag::OpenQuote | Tag::Lrb | Tag::Colon | Tag::Period)
    )
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_all_caps(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

/// How a sentence uses capitals, which decides what a capital says about a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Casing {
    /// Capitals mark sentence starts and names.
    Normal,
    /// A headline in title case ("Talks Resume In Geneva"): most words capitalised.
    Title,
    /// Everything in capitals.
    Shouting,
}

/// A sentence of at least this many words with at least this share capitalised is in title
/// case: a single capitalised word then says nothing about a name.
const TITLE_CASE_MIN_WORDS: usize = 2;
const TITLE_CASE_SHARE: f64 = 0.6;

fn casing(words: &[&str]) -> Casing {
    let lettered: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    if lettered.len() >= 2 && lettered.iter().all(|w| is_all_caps(w)) {
        return Casing::Shouting;
    }
    let capitalised = lettered.iter().filter(|w| is_capitalised(w)).count();
    if lettered.len() >= TITLE_CASE_MIN_WORDS
        && capitalised as f64 >= TITLE_CASE_SHARE * lettered.len() as f64
    {
        Casing::Title
    } else {
        Casing::Normal
    }
}

/// What [`initial_tag`] sees of a word and its neighbours.
struct Around<'a> {
    prev: &'a str,
    next: &'a str,
    prev_tag: Option<Tag>,
    casing: Casing,
}

/// The tags a known word may move to: those `analysis_word_tags.txt` lists for a function
/// word (they replace what WordNet's classes would allow: "does" is no plural of "doe"),
/// else the entry's.
fn movable(e: &LexEntry, lower: &str) -> TagMask {
    match WORD_TAGS.get(lower) {
        Some(&listed) => listed.with(TagMask::of(&[e.tag])),
        None => e.allowed,
    }
}

/// The initial tag of one word (passes 1 and 2), and the tags the context rules may move it
/// to.
fn initial_tag(word: &str, at: &Around, lower: &mut String) -> (Tag, TagMask) {
    lower.clear();
    push_lower(lower, word);
    if let Some(tag) = shape_tag(word) {
        // "'" and "’" may also be a possessive after a plural ("the leaders' talks").
        if matches!(word, "'" | "’") && at.prev_tag.is_some_and(|t| t == Tag::NNS || t == Tag::NNPS)
        {
            return (Tag::POS, TagMask::ALL);
        }
        return (tag, TagMask::ALL);
    }
    // "i m", "you r", "we ll", "do nt": a contraction typed without its apostrophe, after
    // the pronoun or verb it leans on, is tagged as the contraction.
    // Not a prefix before a hyphen ("they re-elected her").
    if let Some(tag) = bare_clitic(lower, at.prev).filter(|_| at.next != "-") {
        return (tag, TagMask::of(&[tag]));
    }
    // "it s", "John s": a possessive or "is" typed without its apostrophe.
    if word == "s" {
        let listed = WORD_TAGS.get("s").copied().unwrap_or_default();
        return (Tag::POS, listed.with(TagMask::of(&[Tag::POS])));
    }
    // A contraction kept whole is tagged, and may move, as its first part: "doesn't" as "does".
    if let Some((head, _)) = split_clitic(word) {
        let head_lower = head.to_lowercase();
        if let Some(e) = LEXICON
            .get(head)
            .or_else(|| LEXICON.get(head_lower.as_str()))
        {
            return (e.tag, movable(e, &head_lower));
        }
    }
    if let Some(e) = LEXICON.get(word) {
        // A function word in capitals mid-sentence is an acronym ("US", "IT"), not shouting.
        let acronym = word.len() >= 2
            && is_all_caps(word)
            && at.casing != Casing::Shouting
            && !is_open(e.tag)
            && !matches!(e.tag, Tag::UH | Tag::CD | Tag::FW | Tag::SYM);
        if acronym {
            return (Tag::NNP, TagMask::ALL);
        }
        // In a headline every word is capitalised: "Great" there is the adjective; so is the
        // first word of a sentence ("Service was slow"), unless it is a known name.
        let first = at.prev_tag.is_none() && !KNOWN_NAMES.contains(word);
        if e.tag.is_proper_noun()
            && (at.casing != Casing::Normal || first)
            && let Some(common) = LEXICON
                .get(lower.as_str())
                .filter(|c| !c.tag.is_proper_noun())
        {
            return (common.tag, movable(common, lower));
        }
        return (e.tag, movable(e, lower));
    }
    // A common word of four letters or more written in capitals ("an AMAZING JOB") is
    // emphasis, not an acronym: acronyms the lexicon does not know as words.
    let emphasis = is_all_caps(word) && word.chars().count() >= 4;
    let capital_is_silent = opens_sentence(at.prev_tag)
        || at.casing != Casing::Normal
        || !is_capitalised(word)
        || emphasis;
    // A lone capitalised common word ("a Great place"): no capitalised word beside it makes
    // it part of a name.
    let lone_capital = is_capitalised(word)
        && !is_all_caps(word)
        && !is_capitalised(at.prev)
        && !is_capitalised(at.next);
    if let Some(e) = LEXICON.get(lower.as_str())
        && (capital_is_silent || lone_capital)
    {
        return (e.tag, movable(e, lower));
    }
    if is_capitalised(word) {
        // "Democrats", "Kennedys": the plural of a known name.
        let plural_of_name = word
            .strip_suffix('s')
            .is_some_and(|stem| !stem.ends_with('s') && lexicon_tag(stem) == Some(Tag::NNP));
        let tag = if plural_of_name { Tag::NNPS } else { Tag::NNP };
        return (tag, TagMask::ALL);
    }
    // "google", "florida": an unknown word in lower case whose capitalised form is a known
    // name is that name typed in lower case (web text), unless its ending makes it a common
    // word ("organisation").
    if let Some(tag) = lower_case_name(word) {
        return (tag, TagMask::ALL);
    }
    // "alt.animals.cats", "report.final.pdf": a dotted identifier is a noun.
    if is_dotted_identifier(word) {
        return (Tag::NN, TagMask::of(&[Tag::NN, Tag::NNS]));
    }
    (morphology_tag(word, at.prev, at.next), TagMask::ALL)
}

/// Endings of common words, which a lower-case word keeps whatever name shares its letters.
const COMMON_ENDINGS: &[&str] = &[
    "tion", "sion", "ment", "ness", "ity", "ism", "ing", "ed", "ly", "ist", "er", "s",
];

/// An unknown lower-case word whose capitalised form is a nationality ("german": `JJ`) or a
/// word the lexicon knows only as a name ("florida": `NNP`).
fn lower_case_name(word: &str) -> Option<Tag> {
    if !word.bytes().all(|b| b.is_ascii_lowercase()) || word.len() < 3 {
        return None;
    }
    let mut cap = [0u8; 32];
    if word.len() > cap.len() {
        return None;
    }
    cap[..word.len()].copy_from_slice(word.as_bytes());
    cap[0] = cap[0].to_ascii_uppercase();
    let cap = std::str::from_utf8(&cap[..word.len()]).ok()?;
    if NATIONALITIES.contains(cap) {
        return Some(Tag::JJ);
    }
    if COMMON_ENDINGS.iter().any(|e| word.ends_with(e)) {
        return None;
    }
    lexicon_tag(cap)
        .is_some_and(|t| t.is_proper_noun())
        .then_some(Tag::NNP)
}

/// A lower-case word of dotted parts of two characters or more ("alt.animals.cats"), not a
/// host name (those are addresses) and not an abbreviation ("e.g.").
fn is_dotted_identifier(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            part.len() >= 2
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        })
}

/// Whether a word's ending rules out its tag: only an "-ing" word is a gerund or participle
/// (`VBG`: "the couple" is no verb form), only a word ending in "s" a third-person verb
/// (`VBZ`), whatever verb the word's base may be; and the "-ing" form of a verb is no base
/// form (`VB`, `VBP`: "misleading"). A word the contextual rules leave on such a tag goes
/// back to its initial tag, or, for `VBG` outside a noun phrase, to the base verb, and for a
/// base form to `VBG` (a rule's step through it, as `NN` → `VBG` → `VB`, stands).
fn unfit_inflection(word: &str, tag: Tag) -> bool {
    let ends = |suffix: &str| {
        word.len() > suffix.len()
            && word.is_char_boundary(word.len() - suffix.len())
            && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    match tag {
        Tag::VBG => !(ends("ing") || ends("in'")),
        Tag::VBZ => !word.ends_with(['s', 'S']),
        // Only this rare case looks the stem up.
        Tag::VB | Tag::VBP => {
            (ends("ing") && gerund_of_verb(word)) || (ends("ed") && past_of_verb(word))
        }
        _ => false,
    }
}

/// True for an "-ing" word whose stem is a verb in WordNet ("misleading", "planning",
/// "making"), not a verb that merely ends so ("bring", "sing").
fn gerund_of_verb(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    let Some(stem) = lower.strip_suffix("ing") else {
        return false;
    };
    if stem.len() < 2 {
        return false;
    }
    let undoubled = stem.len() >= 3 && undouble(stem).is_some_and(super::lemma::is_verb_lemma);
    super::lemma::is_verb_lemma(stem)
        || super::lemma::is_verb_lemma(&format!("{stem}e"))
        || undoubled
}

/// A stem whose last letter is doubled ("plann" of "planned"), less that letter; ASCII
/// letters only, so a multi-byte character is never cut.
fn undouble(stem: &str) -> Option<&str> {
    let b = stem.as_bytes();
    let n = b.len();
    (n >= 2 && b[n - 1].is_ascii_alphabetic() && b[n - 1] == b[n - 2]).then(|| &stem[..n - 1])
}

/// True for an "-ed" word that is a verb's regular past ("terminated", "planned",
/// "agreed"), not a verb that merely ends so ("need", "exceed", "proceed").
fn past_of_verb(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    let Some(stem) = lower.strip_suffix("ed") else {
        return false;
    };
    if stem.len() < 3 || super::lemma::is_verb_lemma(&lower) {
        return false;
    }
    let undoubled = stem.len() >= 4 && undouble(stem).is_some_and(super::lemma::is_verb_lemma);
    super::lemma::is_verb_lemma(stem)
        || super::lemma::is_verb_lemma(&lower[..lower.len() - 1])
        || undoubled
}

/// Tags one sentence of words (surface forms as written, apostrophes normalised to `'`).
/// `glued[i]` says that no space separates word `i` from the word before it (it only decides
/// whether a hyphen joins a compound); a shorter slice counts as spaced. `tags` is cleared and
/// filled with one tag per word.
pub fn tag_words(words: &[&str], glued: &[bool], tags: &mut Vec<Tag>) {
    tags.clear();
    let mut allowed = Vec::with_capacity(words.len());
    let mut lower = String::new();
    let casing = casing(words);
    for i in 0..words.len() {
        let at = Around {
            prev: if i > 0 { words[i - 1] } else { "" },
            next: words.get(i + 1).copied().unwrap_or(""),
            prev_tag: tags.last().copied(),
            casing,
        };
        let (tag, mut mask) = initial_tag(words[i], &at, &mut lower);
        if !is_capitalised(words[i]) {
            // No rule makes a word written in lower case a name.
            mask = mask.without(TagMask::of(&[Tag::NNP, Tag::NNPS]));
        }
        tags.push(tag);
        allowed.push(mask);
    }
    let initial = tags.clone();
    apply_context(words, &allowed, tags);
    for i in 0..words.len() {
        if !unfit_inflection(words[i], tags[i]) {
            continue;
        }
        // Inside a noun phrase the word is what it first was ("a couple"); elsewhere a
        // verb form the rules chose is the base form ("You need a", "Share the love").
        let prev = if i > 0 { Some(tags[i - 1]) } else { None };
        let in_phrase = prev.is_some_and(|t| {
            t.is_noun()
                || t.is_adjective()
                || matches!(t, Tag::DT | Tag::PDT | Tag::PRPS | Tag::POS | Tag::CD)
        });
        let ing = words[i].len() > 3
            && words[i].is_char_boundary(words[i].len() - 3)
            && words[i][words[i].len() - 3..].eq_ignore_ascii_case("ing");
        tags[i] = if matches!(tags[i], Tag::VB | Tag::VBP) && ing {
            Tag::VBG
        } else if matches!(tags[i], Tag::VB | Tag::VBP) {
            // An "-ed" past: what it first was, or the participle.
            if matches!(initial[i], Tag::VB | Tag::VBP) {
                Tag::VBN
            } else {
                initial[i]
            }
        } else if tags[i] == Tag::VBG && !in_phrase && allowed[i].contains(Tag::VB) {
            if prev == Some(Tag::PRP) {
                Tag::VBP
            } else {
                Tag::VB
            }
        } else {
            initial[i]
        };
    }
    fix_by_position(words, glued, tags);
    if casing == Casing::Normal {
        join_names(words, tags);
    }
    possessive_after_names(words, tags);
    name_particles(words, glued, tags);
}

/// The particles of Arabic names ("al", "el", "bin", "ibn", "abu"), in any case.
const NAME_PARTICLES: &[&str] = &["al", "el", "bin", "ibn", "abu", "bint"];

/// True for a particle of an Arabic name, in any case.
pub(crate) fn is_name_particle(word: &str) -> bool {
    (2..=4).contains(&word.len()) && NAME_PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(word))
}

/// "Muqtada al-Sadr", "Osama bin Laden", "Al-Qaeda": a name particle before a capitalised
/// word (directly, or across a hyphen written without spaces) is part of the name, and so is
/// the word.
fn name_particles(words: &[&str], glued: &[bool], tags: &mut [Tag]) {
    let is_glued = |i: usize| glued.get(i).copied().unwrap_or(false);
    for i in 0..words.len().saturating_sub(1) {
        if !NAME_PARTICLES
            .iter()
            .any(|p| p.eq_ignore_ascii_case(words[i]))
        {
            continue;
        }
        let next = if words[i + 1] == "-" && is_glued(i + 1) && is_glued(i + 2) {
            i + 2
        } else {
            i + 1
        };
        let Some(name) = words.get(next) else {
            continue;
        };
        let lettered = name.chars().skip(1).any(char::is_lowercase);
        if is_capitalised(name)
            && lettered
            && !matches!(tags[next], Tag::PRP | Tag::DT | Tag::IN | Tag::CC)
        {
            tags[i] = Tag::NNP;
            if !tags[next].is_proper_noun() {
                tags[next] = Tag::NNP;
            }
        }
    }
}

/// "BBC Radio Four's the World at One", "Acme's the best": "'s" after a capitalised name or
/// number word and before a noun phrase is the possessive, not "is".
fn possessive_after_names(words: &[&str], tags: &mut [Tag]) {
    for i in 1..words.len().saturating_sub(1) {
        if tags[i] == Tag::VBZ
            && matches!(words[i], "'s" | "\u{2019}s")
            && matches!(tags[i - 1], Tag::NNP | Tag::NNPS | Tag::CD)
            && is_capitalised(words[i - 1])
            && matches!(
                tags[i + 1],
                Tag::DT | Tag::JJ | Tag::NN | Tag::NNS | Tag::NNP
            )
        {
            tags[i] = Tag::POS;
        }
    }
}

/// "the Department for Trade and Industry", "the Third Way": in a sentence written in
/// ordinary case, a capitalised common noun inside the sentence right after a name, or after
/// a name and "and", continues the name.
fn join_names(words: &[&str], tags: &mut [Tag]) {
    for i in 2..words.len() {
        if !matches!(tags[i], Tag::NN | Tag::NNS) || !is_capitalised(words[i]) {
            continue;
        }
        let after_name = tags[i - 1] == Tag::NNP && is_capitalised(words[i - 1]);
        let after_and = tags[i - 1] == Tag::CC
            && words[i - 1] == "and"
            && tags[i - 2] == Tag::NNP
            && is_capitalised(words[i - 2]);
        if after_name || after_and {
            tags[i] = if tags[i] == Tag::NNS {
                Tag::NNPS
            } else {
                Tag::NNP
            };
        }
    }
}

/// Pass 3: the contextual rules.
fn apply_context(words: &[&str], allowed: &[TagMask], tags: &mut [Tag]) {
    let rules = &*CONTEXT;
    let n = tags.len() as isize;
    for i in 0..tags.len() {
        let mut pos = 0usize;
        loop {
            // The first rule from `pos` on whose target the word allows and whose condition
            // holds: the least such index over the target groups.
            let cur = tags[i];
            let mut best: Option<usize> = None;
            for (to, list) in &rules.by_from[cur as usize] {
                if !allowed[i].contains(*to) {
                    continue;
                }
                let start = list.partition_point(|&r| (r as usize) < pos);
                for &r in &list[start..] {
                    let r = r as usize;
                    if best.is_some_and(|b| r >= b) {
                        break;
                    }
                    if rule_holds(&rules.rules[r].cond, words, tags, i as isize, n) {
                        best = Some(r);
                        break;
                    }
                }
            }
            let Some(r) = best else {
                break;
            };
            tags[i] = rules.rules[r].to;
            pos = r + 1;
        }
    }
}

fn rule_holds(cond: &Cond, words: &[&str], tags: &[Tag], i: isize, n: isize) -> bool {
    let tag = |d: isize| {
        let j = i + d;
        if j < 0 || j >= n {
            Tag::Staart
        } else {
            tags[j as usize]
        }
    };
    let word = |d: isize| {
        let j = i + d;
        if j < 0 || j >= n {
            ""
        } else {
            words[j as usize]
        }
    };
    match *cond {
        Cond::PrevTag(x) => tag(-1) == x,
        Cond::NextTag(x) => tag(1) == x,
        Cond::Prev2Tag(x) => tag(-2) == x,
        Cond::Next2Tag(x) => tag(2) == x,
        Cond::Prev1or2Tag(x) => tag(-1) == x || tag(-2) == x,
        Cond::Next1or2Tag(x) => tag(1) == x || tag(2) == x,
        Cond::Prev1or2or3Tag(x) => tag(-1) == x || tag(-2) == x || tag(-3) == x,
        Cond::Next1or2or3Tag(x) => tag(1) == x || tag(2) == x || tag(3) == x,
        Cond::SurroundTag(x, y) => tag(-1) == x && tag(1) == y,
        Cond::PrevBigram(x, y) => tag(-2) == x && tag(-1) == y,
        Cond::NextBigram(x, y) => tag(1) == x && tag(2) == y,
        Cond::CurWd(ref x) => x.is(word(0)),
        Cond::PrevWd(x) => word(-1) == x,
        Cond::NextWd(x) => word(1) == x,
        Cond::Prev1or2Wd(x) => word(-1) == x || word(-2) == x,
        Cond::Next1or2Wd(x) => word(1) == x || word(2) == x,
        Cond::WdPrevTag(x, ref y) => tag(-1) == x && y.is(word(0)),
        Cond::WdNextTag(ref x, y) => x.is(word(0)) && tag(1) == y,
        Cond::WdAnd2Aft(x, y) => word(0) == x && word(2) == y,
        Cond::WdAnd2TagAft(x, y) => word(0) == x && tag(2) == y,
        Cond::WdAnd2TagBfr(x, y) => tag(-2) == x && word(0) == y,
        Cond::LBigram(x, y) => word(-1) == x && word(0) == y,
        Cond::RBigram(x, y) => word(0) == x && word(1) == y,
        Cond::FirstNextTag(x) => i == 0 && tag(1) == x,
        Cond::AfterWds(ref list) => (1..=3)
            .find(|&d| !matches!(tag(-d), Tag::RB | Tag::RBR))
            .is_some_and(|d| {
                let w = word(-d);
                !w.is_empty() && list.iter().any(|x| x.eq_ignore_ascii_case(w))
            }),
        Cond::Prev1or2or3Wds(ref list) => (1..=3).any(|d| {
            let w = word(-d);
            !w.is_empty() && list.iter().any(|x| x.eq_ignore_ascii_case(w))
        }),
    }
}

/// A rule's word argument: one word, or (ours) several separated by `|`. Brill's words never
/// hold a `|`, which is punctuation here. Split once when the rules are read: the test runs
/// in the tagger's hot loop.
#[derive(Clone, Debug, PartialEq)]
enum WordArg {
    One(&'static str),
    /// The argument as written, then its `|`-separated words.
    Any(Box<[&'static str]>),
}

impl WordArg {
    fn new(x: &'static str) -> WordArg {
        if x.len() > 1 && x.contains('|') {
            WordArg::Any(std::iter::once(x).chain(x.split('|')).collect())
        } else {
            WordArg::One(x)
        }
    }

    fn is(&self, w: &str) -> bool {
        match self {
            WordArg::One(x) => w == *x,
            WordArg::Any(xs) => xs.contains(&w),
        }
    }
}

/// Pass 4: what position alone decides. A hyphen inside a compound is `HYPH`; a dash or an
/// ellipsis between clauses is `,` (the English Web Treebank's convention; `.` at the end); a
/// straight quote opens or closes by its count; "to" not before a verb is a preposition (`IN`,
/// as the Web Treebank tags it); a nationality before a noun is an adjective.
fn fix_by_position(words: &[&str], glued: &[bool], tags: &mut [Tag]) {
    let is_glued = |i: usize| glued.get(i).copied().unwrap_or(false);
    let starts_word = |i: usize| {
        words
            .get(i)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_alphanumeric)
    };
    let ends_word = |i: usize| words[i].chars().last().is_some_and(char::is_alphanumeric);
    let last = words.len().saturating_sub(1);
    let mut open_double = false;
    for i in 0..words.len() {
        match words[i] {
            "-" if i > 0
                && is_glued(i)
                && is_glued(i + 1)
                && ends_word(i - 1)
                && starts_word(i + 1) =>
            {
                tags[i] = Tag::Hyph;
            }
            w if tags[i] == Tag::Colon
                && (matches!(w, "-" | "--" | "—" | "–" | "…") || is_dot_run(w)) =>
            {
                tags[i] = if i == last { Tag::Period } else { Tag::Comma };
            }
            "\"" => {
                tags[i] = if open_double {
                    Tag::CloseQuote
                } else {
                    Tag::OpenQuote
                };
                open_double = !open_double;
            }
            "“" => open_double = true,
            "”" => open_double = false,
            // "according to", "thanks to": a preposition, and what follows is no verb ("due
            // to" is left alone: "is due to rise").
            "to" | "To" | "TO"
                if i > 0
                    && [
                        "according",
                        "owing",
                        "thanks",
                        "prior",
                        "contrary",
                        "addition",
                        "regard",
                        "respect",
                    ]
                    .iter()
                    .any(|w| words[i - 1].eq_ignore_ascii_case(w)) =>
            {
                tags[i] = Tag::IN;
                // "according to polling": a noun phrase, never a gerund clause.
                let according = words[i - 1].eq_ignore_ascii_case("according");
                if let Some(next) = tags.get_mut(i + 1)
                    && (matches!(*next, Tag::VB | Tag::VBP) || (according && *next == Tag::VBG))
                {
                    *next = Tag::NN;
                }
            }
            "to" | "To" | "TO" if tags[i] == Tag::TO => {
                // "to fund all costs", "ready to back the plan": a noun, adjective or adverb
                // that can be a verb, followed by what opens an object, is the verb.
                let opens_object = |j: usize| {
                    tags.get(j + 1).is_some_and(|&t| {
                        matches!(t, Tag::DT | Tag::PDT | Tag::PRPS | Tag::PRP | Tag::CD)
                    })
                };
                let verb_with_object = |j: usize| {
                    matches!(
                        tags[j],
                        Tag::NN | Tag::JJ | Tag::RB | Tag::RBR | Tag::VB | Tag::VBP
                    ) && opens_object(j)
                        && can_be_verb(words[j])
                };
                // The verb's slot: past adverbs, and past the words that stand between "to"
                // and its verb whatever their tag ("to either address", "to further reduce",
                // "to better understand"), unless one of them is the verb itself.
                let mut j = i + 1;
                while j < tags.len()
                    && j < i + 5
                    && (matches!(tags[j], Tag::RB | Tag::RBR)
                        || is_split_infinitive_adverb(words[j]))
                    && !verb_with_object(j)
                {
                    j += 1;
                }
                // "to Hidden Valley": a capitalised word before another is a name.
                let name = j + 1 < tags.len()
                    && is_capitalised(words[j])
                    && !is_all_caps(words[j])
                    && is_capitalised(words[j + 1])
                    && tags[j + 1].is_noun();
                let verb_after = j < tags.len()
                    && !name
                    && (matches!(tags[j], Tag::VB | Tag::VBP) || verb_with_object(j));
                if verb_after {
                    tags[j] = Tag::VB;
                    for k in i + 1..j {
                        if is_split_infinitive_adverb(words[k]) {
                            tags[k] = if words[k].eq_ignore_ascii_case("either")
                                || words[k].eq_ignore_ascii_case("neither")
                            {
                                Tag::CC
                            } else if words[k].eq_ignore_ascii_case("better") {
                                Tag::RBR
                            } else {
                                Tag::RB
                            };
                        }
                    }
                } else {
                    tags[i] = Tag::IN;
                    if name && tags[j].is_verb() {
                        tags[j] = Tag::NNP;
                    }
                }
            }
            w if matches!(tags[i], Tag::NNP | Tag::NN)
                && NATIONALITIES.contains(w)
                && tags
                    .get(i + 1)
                    .is_some_and(|&t| matches!(t, Tag::NN | Tag::NNS | Tag::JJ))
                && !is_capitalised(words[i + 1]) =>
            {
                tags[i] = Tag::JJ;
            }
            _ => {}
        }
    }
    // "there will be", "there have been", "are there any": "there" before a form of "be"
    // (across modals, "have" and adverbs), or after a clause-opening "be" and before a noun
    // phrase, is existential.
    for i in 0..words.len() {
        if tags[i] != Tag::RB || !words[i].eq_ignore_ascii_case("there") {
            continue;
        }
        let be_after = (i + 1..words.len())
            .take(4)
            .find(|&j| {
                !(matches!(tags[j], Tag::RB | Tag::MD) || is_have(words[j])) || is_be(words[j])
            })
            .is_some_and(|j| is_be(words[j]) && tags[j].is_verb());
        let inverted = i > 0
            && is_be(words[i - 1])
            && (i == 1 || matches!(tags[i - 2], Tag::WRB | Tag::WP | Tag::CC | Tag::Comma))
            && tags
                .get(i + 1)
                .is_some_and(|&t| matches!(t, Tag::DT | Tag::CD | Tag::JJ | Tag::NN | Tag::NNS));
        if be_after || inverted {
            tags[i] = Tag::EX;
        }
    }
    // "both in Iraq and in Syria": "both" with "and" a few words on pairs the two, a
    // conjunction (`CC`), unless a noun follows it straight away ("both sides").
    for i in 0..words.len().saturating_sub(2) {
        if tags[i] == Tag::DT
            && words[i].eq_ignore_ascii_case("both")
            && !tags[i + 1].is_noun()
            && !matches!(tags[i + 1], Tag::DT | Tag::PRP | Tag::PRPS | Tag::CD)
            && (i + 2..words.len())
                .take(4)
                .take_while(|&j| !matches!(tags[j], Tag::Comma | Tag::Period | Tag::Colon))
                .any(|j| words[j] == "and")
        {
            tags[i] = Tag::CC;
        }
    }
    // "will host a dinner": after a modal, a noun that can be a verb is the verb.
    for i in 0..words.len().saturating_sub(1) {
        if tags[i] != Tag::MD {
            continue;
        }
        // The first word after the modal and its adverbs; an adverb-tagged word that can be
        // a verb and has an object after it is the verb ("wouldn't back an amnesty").
        for j in (i + 1..words.len()).take(3) {
            let object_after = tags
                .get(j + 1)
                .is_some_and(|&t| matches!(t, Tag::DT | Tag::PRPS | Tag::NNP));
            let noun_like = matches!(tags[j], Tag::NN | Tag::NNS | Tag::JJ);
            if (noun_like || (tags[j] == Tag::RB && object_after)) && can_be_verb(words[j]) {
                tags[j] = Tag::VB;
                break;
            }
            if tags[j] != Tag::RB {
                break;
            }
        }
    }
    // "Acme claims its rival lied", "He says the plan works", "Li notes that", "Li blasts
    // Ng": a plural noun after a name or pronoun, before what opens a clause or an object,
    // is the verb.
    for i in 1..words.len().saturating_sub(1) {
        // A capitalised first word is a name to this rule whatever its guessed tag
        // ("Viguerie notes that").
        let name_before = matches!(tags[i - 1], Tag::NNP | Tag::NNPS | Tag::PRP)
            || (tags[i - 1] == Tag::NNS && is_capitalised(words[i - 1]))
            || (i == 1 && matches!(tags[0], Tag::NN | Tag::JJ) && is_capitalised(words[0]));
        // '"...," Li notes.': after a quotation, the name and its verb end the sentence.
        let after_quote = i >= 2
            && matches!(tags[i - 2], Tag::Comma | Tag::CloseQuote)
            && matches!(tags[i + 1], Tag::Period);
        let clause_after = after_quote
            || matches!(tags[i + 1], Tag::DT | Tag::PRPS | Tag::PRP)
            || (matches!(tags[i + 1], Tag::IN | Tag::WDT) && words[i + 1] == "that")
            || (tags[i + 1] == Tag::NNP && tags[i - 1] != Tag::PRP);
        if tags[i] == Tag::NNS
            && name_before
            && clause_after
            && words[i].strip_suffix('s').is_some_and(|base| {
                can_be_verb(base) || words[i].strip_suffix("es").is_some_and(can_be_verb)
            })
        {
            tags[i] = Tag::VBZ;
        }
    }
    // "Realising his error, ...": a capitalised first word in "-ing" whose stem is a verb,
    // before what opens an object, is the verb, not a name.
    if words.len() > 1
        && tags[0] == Tag::NNP
        && is_capitalised(words[0])
        && matches!(
            tags[1],
            Tag::DT | Tag::PRPS | Tag::PRP | Tag::IN | Tag::JJ | Tag::NN
        )
    {
        let lower = words[0].to_lowercase();
        if lower.ends_with("ing")
            && super::lemma::is_verb_lemma(&super::lemma::lemma(&lower, Tag::VBG))
        {
            tags[0] = Tag::VBG;
        }
    }
    // "His office put out a statement", "The firms cut jobs": a base form right after a
    // noun phrase that opens its clause is finite; past when the word's past is the same
    // ("put", "cut", "set") and the subject singular, else present.
    for i in 1..words.len() {
        if tags[i] != Tag::VB {
            continue;
        }
        let prev = tags[i - 1];
        let subject_pronoun = prev == Tag::PRP
            && matches!(
                words[i - 1].to_ascii_lowercase().as_str(),
                "i" | "we" | "they" | "you" | "he" | "she" | "it"
            );
        if !(matches!(prev, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS) || subject_pronoun) {
            continue;
        }
        let mut k = i - 1;
        while k > 0
            && matches!(
                tags[k - 1],
                Tag::NN
                    | Tag::NNS
                    | Tag::NNP
                    | Tag::NNPS
                    | Tag::JJ
                    | Tag::DT
                    | Tag::PRPS
                    | Tag::POS
                    | Tag::CD
            )
        {
            k -= 1;
        }
        let opens = k == 0
            || matches!(
                tags[k - 1],
                Tag::Comma | Tag::CC | Tag::OpenQuote | Tag::Colon
            )
            || (tags[k - 1] == Tag::IN && words[k - 1].eq_ignore_ascii_case("that"));
        if !opens || (k == i - 1 && tags[k] == Tag::DT) {
            continue;
        }
        let singular = matches!(prev, Tag::NN | Tag::NNP)
            || (subject_pronoun
                && matches!(
                    words[i - 1].to_ascii_lowercase().as_str(),
                    "he" | "she" | "it"
                ));
        let lower = words[i].to_ascii_lowercase();
        let same_past = super::classes::classify(&lower, &lower)
            .contains(super::classes::WordClasses::SAME_PAST);
        tags[i] = if singular && same_past {
            Tag::VBD
        } else if singular {
            continue;
        } else {
            Tag::VBP
        };
    }
    // "my stay", "a great stay", "our new hire": right after an article or a possessive
    // (and its adjectives) a verb form is the noun.
    for i in 1..words.len() {
        if !matches!(tags[i], Tag::VB | Tag::VBP | Tag::VBZ) {
            continue;
        }
        let mut k = i - 1;
        while k > 0 && matches!(tags[k], Tag::JJ | Tag::JJS | Tag::JJR) {
            k -= 1;
        }
        let determiner = tags[k] == Tag::PRPS && !words[k].eq_ignore_ascii_case("her")
            || ["a", "an", "the", "another", "every", "each", "no"]
                .iter()
                .any(|d| d.eq_ignore_ascii_case(words[k]));
        // "a third say they", "the wealthy pay their share": an adjective standing for
        // people or a share heads the phrase, and the verb follows with its object.
        let object_after = tags.get(i + 1).is_some_and(|&t| {
            matches!(
                t,
                Tag::PRP | Tag::DT | Tag::PRPS | Tag::TO | Tag::WDT | Tag::CD | Tag::PDT
            )
        }) || words
            .get(i + 1)
            .is_some_and(|w| w.eq_ignore_ascii_case("that"));
        if determiner && k < i && !object_after && !is_be(words[i]) && !is_have(words[i]) {
            tags[i] = if tags[i] == Tag::VBZ {
                Tag::NNS
            } else {
                Tag::NN
            };
        }
    }
    // "the place is clean and", "staff was very kind.": after a form of "be" and its
    // adverbs, before a mark or a conjunction, a noun that can be an adjective is the
    // predicate adjective.
    for i in 1..words.len() {
        let ends = tags
            .get(i + 1)
            .is_none_or(|&t| matches!(t, Tag::Comma | Tag::Period | Tag::CC | Tag::Colon));
        if tags[i] != Tag::NN || !ends {
            continue;
        }
        let before_be = (1..=3)
            .map_while(|d| i.checked_sub(d))
            .find(|&k| {
                !(matches!(tags[k], Tag::RB | Tag::RBR)
                    || ["very", "so", "too", "really", "quite", "pretty", "super"]
                        .iter()
                        .any(|w| w.eq_ignore_ascii_case(words[k])))
            })
            .is_some_and(|k| tags[k].is_verb() && is_be(words[k]));
        if before_be
            && LEXICON
                .get(words[i])
                .is_some_and(|e| e.allowed.contains(Tag::JJ))
        {
            tags[i] = Tag::JJ;
        }
    }
    // "work hard.", "retire early", "bid higher than": an adjective that can be an
    // adverb, right after a verb that takes no predicate adjective and before a mark, a
    // conjunction or a preposition, is the adverb.
    for i in 1..words.len() {
        if !matches!(tags[i], Tag::JJ | Tag::JJR) || !tags[i - 1].is_verb() {
            continue;
        }
        let ends = tags.get(i + 1).is_none_or(|&t| {
            matches!(t, Tag::Comma | Tag::Period | Tag::CC | Tag::Colon | Tag::IN)
        });
        if !ends {
            continue;
        }
        let to = if tags[i] == Tag::JJR {
            Tag::RBR
        } else {
            Tag::RB
        };
        let lower = words[i].to_ascii_lowercase();
        let can_be_adverb = LEXICON
            .get(&lower)
            .is_some_and(|e| e.allowed.contains(Tag::RB) || e.allowed.contains(to));
        // "has more on", "expecting much from": a quantity is the object.
        let quantity = matches!(
            lower.as_str(),
            "more" | "much" | "less" | "little" | "enough" | "most" | "least" | "few"
        );
        if can_be_adverb && !quantity && !is_linking_verb(words[i - 1], tags[i - 1]) {
            tags[i] = to;
        }
    }
    // "Thank you.", "Hope you enjoy it": at the start of a sentence these two verbs leave
    // out their subject "I"; they are present-tense, not imperatives.
    if words.len() > 1
        && tags[0] == Tag::VB
        && (words[0].eq_ignore_ascii_case("thank") || words[0].eq_ignore_ascii_case("hope"))
        && matches!(tags[1], Tag::PRP | Tag::TO | Tag::DT)
    {
        tags[0] = Tag::VBP;
    }
    // "When was the museum founded?": after an inverted "be" and its subject, a past form is
    // the participle. (An inverted "have" is left alone: the clause layer reads "had he
    // asserted that" through the past form.)
    for i in 0..words.len() {
        let opens = i == 0 || matches!(tags[i - 1], Tag::WRB | Tag::WP | Tag::Comma | Tag::CC);
        if !opens || !tags[i].is_verb() || !is_be(words[i]) {
            continue;
        }
        let mut j = i + 1;
        let subject_start = j;
        while j < words.len()
            && j < i + 5
            && matches!(
                tags[j],
                Tag::PRP
                    | Tag::NNP
                    | Tag::NNPS
                    | Tag::NN
                    | Tag::NNS
                    | Tag::DT
                    | Tag::JJ
                    | Tag::PRPS
            )
        {
            j += 1;
        }
        while j < words.len() && j < i + 8 && matches!(tags[j], Tag::RB) {
            j += 1;
        }
        if j > subject_start && j < words.len() && tags[j] == Tag::VBD {
            tags[j] = Tag::VBN;
        }
    }
    // "call the police and arrest them", "contact him": a noun that can be a verb, before
    // an object pronoun, is the verb.
    for i in 0..words.len().saturating_sub(1) {
        if tags[i] == Tag::NN
            && matches!(words[i + 1], "me" | "him" | "them" | "us")
            && can_be_verb(words[i])
        {
            tags[i] = Tag::VB;
        }
    }
    // "The Greens plan to", "Labour plans to": a noun that can be a verb, right after the
    // subject's noun and before "to" and a bare verb, is the verb (a plural "-s" form also
    // after a common noun: "the government plans to").
    for i in 1..words.len().saturating_sub(2) {
        let subject_before = match tags[i] {
            Tag::NN => matches!(tags[i - 1], Tag::NNP | Tag::NNPS | Tag::NNS | Tag::PRP),
            Tag::NNS => matches!(tags[i - 1], Tag::NNP | Tag::NNPS | Tag::NN | Tag::PRP),
            _ => false,
        };
        if !subject_before || tags[i + 1] != Tag::TO {
            continue;
        }
        // Past the adverbs of a split infinitive ("plans to further cut").
        let verb_after = (i + 2..words.len())
            .take(4)
            .find(|&j| {
                !matches!(tags[j], Tag::RB | Tag::RBR) && !is_split_infinitive_adverb(words[j])
            })
            .is_some_and(|j| tags[j] == Tag::VB);
        if !verb_after {
            continue;
        }
        let (verb, base) = if tags[i] == Tag::NN {
            (Tag::VBP, words[i])
        } else {
            (Tag::VBZ, words[i].strip_suffix('s').unwrap_or(words[i]))
        };
        if can_be_verb(base) {
            tags[i] = verb;
        }
    }
}

/// Words that stand between "to" and its verb whatever the lexicon says of them: "to either
/// address", "to further reduce", "to better understand", "to not raise".
fn is_split_infinitive_adverb(word: &str) -> bool {
    [
        "either", "neither", "further", "better", "not", "also", "just", "even", "only", "ever",
        "never", "first", "still", "really", "fully", "quickly",
    ]
    .iter()
    .any(|w| w.eq_ignore_ascii_case(word))
}

/// Verbs that take a predicate adjective ("is fine", "looks good", "got worse").
fn is_linking_verb(word: &str, tag: Tag) -> bool {
    let lower = word.to_ascii_lowercase();
    let lemma = super::lemma::lemma(&lower, tag);
    is_be(word)
        || [
            "be", "become", "seem", "look", "feel", "sound", "taste", "smell", "appear", "remain",
            "stay", "get", "grow", "turn", "keep", "make", "go", "prove", "come", "find", "leave",
            "hold", "run", "fall", "sit", "stand", "rank", "have",
        ]
        .contains(&lemma.as_ref())
}

/// A form of "be", in any case.
fn is_be(word: &str) -> bool {
    [
        "be", "is", "are", "was", "were", "been", "'s", "'re", "am", "'m",
    ]
    .iter()
    .any(|b| b.eq_ignore_ascii_case(word))
}

/// A form of "have", in any case.
fn is_have(word: &str) -> bool {
    ["have", "has", "had", "'ve"]
        .iter()
        .any(|b| b.eq_ignore_ascii_case(word))
}

/// True when a word written in lower case is a verb's base form in WordNet.
fn can_be_verb(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_lowercase()) && super::lemma::is_verb_lemma(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_list_parses() {
        for data in [LEXICON_DATA] {
            for f in lexicon::entries(data) {
                assert!(
                    (2..=3).contains(&f.len()) && Tag::parse(f[1]).is_some(),
                    "lexicon line {f:?}"
                );
            }
        }
        let rules =
            lexicon::entries(CONTEXT_DATA).count() + lexicon::entries(CONTEXT_EXTRA_DATA).count();
        assert_eq!(CONTEXT.rules.len(), rules, "every contextual rule parses");
        assert_eq!(
            MORPHOLOGY.len(),
            lexicon::entries(MORPHOLOGY_DATA).count(),
            "every lexical rule parses"
        );
        for f in lexicon::entries(WORD_TAGS_DATA) {
            for t in f[1].split_whitespace() {
                assert!(Tag::parse(t).is_some(), "tag {t:?} in {f:?}");
            }
        }
        assert!(NATIONALITIES.contains("French"));
    }

    /// The name sets `build.rs` writes hold what filtering the lists gives.
    #[test]
    fn name_tables_equal_the_parsed_lists() {
        let nationalities: std::collections::HashSet<&str> = lexicon::words(NORP_DATA)
            .filter(|w| !w.ends_with('s'))
            .collect();
        let names: std::collections::HashSet<&str> =
            lexicon::words(include_str!("../lexicon/data/entities_gazetteer.txt"))
                .filter(|w| !w.contains(' '))
                .collect();
        for (table, set) in [(&NATIONALITIES, nationalities), (&KNOWN_NAMES, names)] {
            for w in &set {
                assert!(table.contains(w), "{w:?}");
            }
            assert_eq!(table.iter().count(), set.len());
        }
    }

    /// The table `build.rs` writes holds what parsing the lexicon line by line gives (the first
    /// line of a word wins; a line without a known tag is skipped).
    #[test]
    fn lexicon_table_equals_the_parsed_list() {
        let mut parsed: FnvMap<&str, (Tag, TagMask)> = FnvMap::default();
        for line in LEXICON_DATA.lines() {
            if line.trim_start().starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut fields = line.split('\t').map(str::trim);
            let (Some(word), Some(tag)) = (fields.next(), fields.next().and_then(Tag::parse))
            else {
                continue;
            };
            let allowed = allowed_tags(tag, fields.next().unwrap_or(""));
            parsed.entry(word).or_insert((tag, allowed));
        }
        let mut n = 0;
        for (word, _) in LEXICON_TABLE.iter() {
            if let Some(e) = LEXICON.get(word) {
                assert_eq!(parsed.get(word), Some(&(e.tag, e.allowed)), "{word:?}");
                n += 1;
            }
        }
        assert_eq!(n, parsed.len());
        assert!(LEXICON.get("minister").is_some() && LEXICON.get("zzqx").is_none());
    }

    #[test]
    fn rules_only_move_a_word_to_a_tag_it_can_have() {
        let mut tags = Vec::new();
        // Brill's "IN → VB after PRP" is for "like"; "for" is never a verb.
        tag_words(&["They", "like", "it"], &[], &mut tags);
        assert_eq!(tags[1], Tag::VBP);
        tag_words(&["I", "waited", "for", "them"], &[], &mut tags);
        assert_eq!(tags[2], Tag::IN);
    }

    /// The tags of space-separated words.
    fn tags(text: &str) -> Vec<Tag> {
        let words: Vec<&str> = text.split(' ').collect();
        let mut tags = Vec::new();
        tag_words(&words, &vec![false; words.len()], &mut tags);
        tags
    }

    #[test]
    fn verbs_that_read_as_nouns_or_base_forms_after_a_subject() {
        // A base form after a clause-opening subject is finite: past when its past is the
        // same word and the subject singular, else present.
        assert_eq!(tags("His office put out a statement")[2], Tag::VBD);
        assert_eq!(tags("The unions urge a strike")[2], Tag::VBP);
        // Not after an object: "helped the family move" is no finite verb.
        let after_object = tags("They helped the family move")[4];
        assert!(
            !matches!(after_object, Tag::VBP | Tag::VBD),
            "{after_object:?}"
        );
        // A plural noun after a name, before "that" or a name, is the verb.
        assert_eq!(tags("Ross notes that prices rose")[1], Tag::VBZ);
        assert_eq!(tags("Ross blasts Osei over the plan")[1], Tag::VBZ);
    }

    #[test]
    fn s_after_a_name_before_a_noun_phrase_is_possessive() {
        let t = tags("He told Radio Four 's the World at One that it failed");
        assert_eq!(t[4], Tag::POS, "{t:?}");
        // After a pronoun it is "is".
        assert_eq!(tags("He said it 's the end")[3], Tag::VBZ);
    }

    #[test]
    fn capitalised_nouns_continue_a_name() {
        let t = tags("He joined the Department for Trade and Industry in May");
        assert_eq!(t[7], Tag::NNP, "{t:?}");
        // Lower case stays a common noun.
        assert_eq!(tags("He joined the trade and industry body")[5], Tag::NN);
    }

    #[test]
    fn casing_and_shapes() {
        let mut tags = Vec::new();
        tag_words(&["THE", "US", "WILL", "PAY"], &[], &mut tags);
        assert_eq!(
            tags,
            [Tag::DT, Tag::PRP, Tag::MD, Tag::VB],
            "shouting: capitals say nothing"
        );
        tag_words(&["The", "US", "will", "pay"], &[], &mut tags);
        assert_eq!(tags[1], Tag::NNP, "an acronym mid-sentence");
        tag_words(
            &["See", "https://example.com", "or", "mail", "a@b.org"],
            &[],
            &mut tags,
        );
        assert_eq!((tags[1], tags[4]), (Tag::Add, Tag::Add));
        tag_words(
            &["a", "well", "-", "known", "man", "-", "he", "left"],
            &[false, false, true, true, false, false, false, false],
            &mut tags,
        );
        assert_eq!((tags[2], tags[5]), (Tag::Hyph, Tag::Comma));
        tag_words(
            &["Sunni", "leaders", "met", "French", "officials"],
            &[],
            &mut tags,
        );
        assert_eq!((tags[0], tags[3]), (Tag::JJ, Tag::JJ));
    }
}
