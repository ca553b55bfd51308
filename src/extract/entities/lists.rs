//! The entity lexicons: embedded lists parsed on first use into look-up tables and gazetteers.
//!
//! Every list lives in `src/lexicon/data/entities_*.txt`; their headers name the source and
//! licence. The gazetteer's names and the common words are tables `build.rs` writes; the
//! smaller lists are parsed once per process, on first use. Names are looked up by their exact text in a hash map (the name finder already
//! knows where a name starts and ends); the case-insensitive gazetteer, needed only to find
//! names in text written in capitals, is built the first time such text is seen.

use std::sync::LazyLock;

use crate::analysis::tagger::{FnvMap, FnvSet};
use crate::lexicon::{Gazetteer, Table, entries, words};

use super::EntityType;

#[cfg(test)]
pub const PLACES: &str = include_str!("../../lexicon/data/entities_places.txt");
#[cfg(test)]
pub const GAZETTEER: &str = include_str!("../../lexicon/data/entities_gazetteer.txt");
#[cfg(test)]
pub const NORP: &str = include_str!("../../lexicon/data/entities_norp.txt");
#[cfg(test)]
pub const LANGUAGES: &str = include_str!("../../lexicon/data/entities_languages.txt");
pub const FIRST_NAMES_CENSUS: &str =
    include_str!("../../lexicon/data/entities_first_names_census.txt");
pub const FIRST_NAMES_EXTRA: &str =
    include_str!("../../lexicon/data/entities_first_names_extra.txt");
pub const SURNAMES: &str = include_str!("../../lexicon/data/entities_surnames.txt");
#[cfg(test)]
pub const COMMON_WORDS: &str = include_str!("../../lexicon/data/entities_common_words.txt");
static COMMON: Table = Table::new(include_bytes!(concat!(
    env!("OUT_DIR"),
    "/entities_common_words.table"
)));
pub const RULES: &str = include_str!("../../lexicon/data/entities_rules.txt");
pub const CONTEXT: &str = include_str!("../../lexicon/data/entities_context.txt");

/// What a gazetteer name stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct Known {
    pub label: EntityType,
    /// The name that short forms merge into ("U.S." -> "United States").
    pub canonical: &'static str,
    /// The name is also a language ("French"): the context decides between NORP and LANGUAGE.
    pub also_language: bool,
    /// A country (not a city or region): sports teams are named after cities and regions.
    pub country: bool,
    /// A state, province or other part of a country ("California", "Ontario").
    pub region: bool,
}

/// Word classes from `entities_rules.txt`, as bit flags (a word may have several).
pub mod class {
    pub const HONORIFIC: u16 = 1;
    pub const TITLE: u16 = 1 << 1;
    pub const TITLE_MOD: u16 = 1 << 2;
    pub const ORG_END: u16 = 1 << 3;
    pub const ORG_OF: u16 = 1 << 4;
    pub const LOC_END: u16 = 1 << 5;
    pub const LOC_START: u16 = 1 << 6;
    pub const GPE_END: u16 = 1 << 7;
    pub const FAC_END: u16 = 1 << 8;
    pub const EVENT_END: u16 = 1 << 9;
    pub const LAW_END: u16 = 1 << 10;
    pub const ORG_START: u16 = 1 << 11;

    pub fn parse(name: &str) -> Option<u16> {
        Some(match name {
            "honorific" => HONORIFIC,
            "title" => TITLE,
            "title_mod" => TITLE_MOD,
            "org_end" => ORG_END,
            "org_of" => ORG_OF,
            "loc_end" => LOC_END,
            "loc_start" => LOC_START,
            "gpe_end" => GPE_END,
            "fac_end" => FAC_END,
            "event_end" => EVENT_END,
            "law_end" => LAW_END,
            "org_start" => ORG_START,
            _ => return None,
        })
    }
}

/// Context word classes from `entities_context.txt`, as bit flags.
pub mod ctx {
    pub const PARTICLE: u16 = 1;
    pub const SAID: u16 = 1 << 1;
    pub const LOCATIVE: u16 = 1 << 2;
    pub const NAME_START: u16 = 1 << 3;
    pub const PLACE_NOUN: u16 = 1 << 4;
    pub const ORG_NOUN: u16 = 1 << 5;
    pub const SPORT: u16 = 1 << 6;
    pub const SPORT_STRONG: u16 = 1 << 7;
    pub const WORK_CUE: u16 = 1 << 8;
    pub const PERSON_NOUN: u16 = 1 << 9;
    pub const NOT_NAME: u16 = 1 << 10;
    pub const ORG_PART: u16 = 1 << 11;
    pub const RESULT_BEFORE: u16 = 1 << 12;
    pub const RESULT_AFTER: u16 = 1 << 13;

    pub fn parse(name: &str) -> Option<u16> {
        Some(match name {
            "particle" => PARTICLE,
            "said" => SAID,
            "locative" => LOCATIVE,
            "name_start" => NAME_START,
            "place_noun" => PLACE_NOUN,
            "org_noun" => ORG_NOUN,
            "sport" => SPORT,
            "sport_strong" => SPORT_STRONG,
            "work_cue" => WORK_CUE,
            "person_noun" => PERSON_NOUN,
            "not_name" => NOT_NAME,
            "org_part" => ORG_PART,
            "result_before" => RESULT_BEFORE,
            "result_after" => RESULT_AFTER,
            _ => return None,
        })
    }
}

/// The gazetteer's names (places, the hand-written gazetteer, nationalities and groups,
/// languages): records and a name → record table that `build.rs` writes from the lists, so
/// start-up does not parse 9,000 lines.
pub struct KnownNames {
    /// Index-aligned with `KNOWN_RECORDS`; `None` for a label that does not parse (the old
    /// parser skipped such a line; a unit test checks that there is none).
    records: Vec<Option<Known>>,
}

include!(concat!(env!("OUT_DIR"), "/entities_known.rs"));

static KNOWN_TABLE: Table = Table::new(include_bytes!(concat!(
    env!("OUT_DIR"),
    "/entities_known.table"
)));

impl KnownNames {
    fn new() -> KnownNames {
        let records = KNOWN_RECORDS
            .iter()
            .map(|&(_, label, canonical, also_language, country, region)| {
                Some(Known {
                    label: parse_label(label)?,
                    canonical,
                    also_language,
                    country,
                    region,
                })
            })
            .collect();
        KnownNames { records }
    }

    /// The record of a name, exactly as written.
    pub fn get(&self, name: &str) -> Option<&Known> {
        KNOWN_TABLE
            .get(name)
            .and_then(|i| self.records[usize::from(i)].as_ref())
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// Every name, in the order of the lists.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> {
        KNOWN_RECORDS.iter().map(|r| r.0)
    }
}

impl std::ops::Index<&str> for KnownNames {
    type Output = Known;

    fn index(&self, name: &str) -> &Known {
        self.get(name).expect("a known name")
    }
}

/// The lists, hashed with FNV: their keys are fixed data, so input cannot choose them.
pub struct Lists {
    pub known: KnownNames,
    pub first_names: FnvSet<&'static str>,
    pub surnames: FnvSet<&'static str>,
    /// Lower-case common word -> frequency rank (0 = most frequent), a table `build.rs`
    /// writes from `entities_common_words.txt`.
    pub common: Table,
    pub classes: FnvMap<&'static str, u16>,
    /// Context words (exact text) -> `ctx` flags.
    pub context: FnvMap<&'static str, u16>,
}

impl Lists {
    pub fn class(&self, word: &str) -> u16 {
        self.classes.get(word).copied().unwrap_or(0)
    }

    pub fn is(&self, word: &str, flags: u16) -> bool {
        self.class(word) & flags != 0
    }

    /// Frequency rank of a word as a lower-case common word (`entities_common_words.txt`, about
    /// 60,000 words). The name rules' cut-offs on it (4,000 to 20,000) were doubled when the
    /// list grew from 25,000 words, so that each keeps about the same share of the list.
    pub fn common_rank(&self, word: &str) -> Option<u32> {
        if word.bytes().all(|b| b.is_ascii_lowercase()) {
            return self.common.get(word).map(u32::from);
        }
        self.common.get(word.to_lowercase().as_str()).map(u32::from)
    }

    /// The word, exactly as written, is listed under the context class `flags`.
    pub fn in_class(&self, word: &str, flags: u16) -> bool {
        self.context.get(word).is_some_and(|c| c & flags != 0)
    }

    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(word)
    }
}

fn parse_label(s: &str) -> Option<EntityType> {
    EntityType::parse(s)
}

pub static LISTS: LazyLock<Lists> = LazyLock::new(build);

/// Number of lines of a list: about its number of entries.
fn lines(data: &str) -> usize {
    data.bytes().filter(|&b| b == b'\n').count()
}

fn build() -> Lists {
    let known = KnownNames::new();
    // Sized from the lists' line counts, so that the sets are not rehashed as they grow
    // (start-up work).
    let sized = |data: &str| FnvSet::with_capacity_and_hasher(lines(data), Default::default());
    let mut first_names = sized(FIRST_NAMES_CENSUS);
    first_names.extend(words(FIRST_NAMES_CENSUS).chain(words(FIRST_NAMES_EXTRA)));
    let mut surnames = sized(SURNAMES);
    surnames.extend(words(SURNAMES));
    let common = COMMON;
    let mut classes: FnvMap<&'static str, u16> = FnvMap::default();
    for f in entries(RULES) {
        if let Some(c) = f.get(1).and_then(|c| class::parse(c)) {
            *classes.entry(f[0]).or_default() |= c;
        }
    }
    let mut context: FnvMap<&'static str, u16> = FnvMap::default();
    for f in entries(CONTEXT) {
        if let Some(c) = f.get(1).and_then(|c| ctx::parse(c)) {
            *context.entry(f[0]).or_default() |= c;
        }
    }
    Lists {
        known,
        context,
        first_names,
        surnames,
        common,
        classes,
    }
}

/// Case-insensitive gazetteer for text in capitals. Short all-capital names that are also
/// common words ("WHO", "AP") are left out: in a capitals headline they are just words.
pub static GAZETTEER_CI: LazyLock<Gazetteer<&'static str>> = LazyLock::new(|| {
    let lists = &*LISTS;
    Gazetteer::new(
        lists
            .known
            .keys()
            .filter(|k| {
                let acronym = k.chars().all(|c| !c.is_lowercase());
                !(acronym && lists.common_rank(k).is_some_and(|r| r < 8000) && *k != "US")
            })
            .map(|k| (k, k)),
        true,
    )
});
