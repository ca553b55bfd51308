//! Writes the static look-up tables (see `src/lexicon/table.rs`) into `OUT_DIR`, so that the
//! binary does not parse its largest word lists at start-up. Each table is generated from a
//! list in `src/lexicon/data/`; a unit test beside each user checks that the table holds
//! exactly what parsing the list at run time would give.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[path = "src/lexicon/table_hash.rs"]
mod table_hash;

#[path = "src/lexicon/parse.rs"]
mod parse;

#[path = "src/extract/topics/terms.rs"]
mod topic_terms;

const DATA: &str = "src/lexicon/data";

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/lexicon/table_hash.rs");
    println!("cargo::rerun-if-changed=src/lexicon/parse.rs");
    println!("cargo::rerun-if-changed=src/extract/topics/terms.rs");
    tagger_lexicon(&out);
    common_words(&out);
    agent_nouns(&out);
    topic_tries(&out);
    known_names(&out);
    lemma_lists(&out);
    first_names(&out);
    word_classes(&out);
    tagger_names(&out);
}

/// The tagger's name lists (`src/analysis/tagger.rs`): the singular nationalities and group
/// names of `entities_norp.txt` (those not ending in "s"), and the one-word names of
/// `entities_gazetteer.txt`, each as a set (name → 1).
fn tagger_names(out: &Path) {
    let norp = read("entities_norp.txt");
    let entries: Vec<(&str, u16)> = parse::first_fields(&norp)
        .filter(|w| !w.ends_with('s'))
        .map(|w| (w, 1))
        .collect();
    write_table(
        &out.join("analysis_nationalities.table"),
        &entries,
        Keep::First,
    );
    let gazetteer = read("entities_gazetteer.txt");
    let entries: Vec<(&str, u16)> = parse::first_fields(&gazetteer)
        .filter(|w| !w.contains(' '))
        .map(|w| (w, 1))
        .collect();
    write_table(
        &out.join("analysis_known_names.table"),
        &entries,
        Keep::First,
    );
}

/// The given-name lists read by the analysis layer: lower-case census names → 1 (`upos.rs`,
/// a run holding one is a person's name), and name as written → 1 (male) or 2 (female) for
/// the names whose line gives a sex, census then world-news list, a later line winning
/// (`references.rs`).
fn first_names(out: &Path) {
    let census = read("entities_first_names_census.txt");
    let extra = read("entities_first_names_extra.txt");
    let lower: Vec<String> = parse::first_fields(&census)
        .map(str::to_lowercase)
        .collect();
    let entries: Vec<(&str, u16)> = lower.iter().map(|w| (w.as_str(), 1)).collect();
    write_table(
        &out.join("analysis_given_names.table"),
        &entries,
        Keep::First,
    );
    let entries: Vec<(&str, u16)> = parse::entry_lines(&census)
        .chain(parse::entry_lines(&extra))
        .filter_map(|l| {
            let mut fields = l.split('\t').map(str::trim);
            let name = fields.next()?;
            match fields.next()? {
                "m" => Some((name, 1)),
                "f" => Some((name, 2)),
                _ => None,
            }
        })
        .collect();
    write_table(
        &out.join("analysis_name_genders.table"),
        &entries,
        Keep::Last,
    );
}

/// The word classes (`analysis_word_classes.txt`): word → index of its row of class names
/// (every name its lines give, in order); the distinct rows, one per line, go to
/// `analysis_word_classes_rows.txt`, which `classes.rs` parses on first use.
fn word_classes(out: &Path) {
    let data = read("analysis_word_classes.txt");
    let mut order: Vec<&str> = Vec::new();
    let mut names: HashMap<&str, Vec<&str>> = HashMap::new();
    for line in parse::entry_lines(&data) {
        let mut fields = line.split('\t').map(str::trim);
        let Some(word) = fields.next() else { continue };
        let row = names.entry(word).or_insert_with(|| {
            order.push(word);
            Vec::new()
        });
        if let Some(f) = fields.next() {
            row.extend(f.split_whitespace());
        }
    }
    let mut rows: Vec<String> = Vec::new();
    let mut row_ids: HashMap<String, u16> = HashMap::new();
    let mut entries: Vec<(&str, u16)> = Vec::new();
    for word in order {
        let row = names[word].join(" ");
        let id = *row_ids.entry(row.clone()).or_insert_with(|| {
            rows.push(row);
            u16::try_from(rows.len() - 1).expect("fewer than 65,536 rows")
        });
        entries.push((word, id));
    }
    write_table(
        &out.join("analysis_word_classes.table"),
        &entries,
        Keep::First,
    );
    let mut text = rows.join("\n");
    text.push('\n');
    std::fs::write(out.join("analysis_word_classes_rows.txt"), text).expect("write rows");
}

/// The lemmatiser's lists (`src/analysis/lemma.rs`): WordNet's verb lemmas as a table, and
/// the irregular forms as a table from form to a row of `LEMMA_EXCEPTIONS` (the lemma per
/// class: noun, verb, adjective, adverb; the first line of a form and class wins).
fn lemma_lists(out: &Path) {
    let verbs = read("analysis_verb_lemmas.txt");
    let entries: Vec<(&str, u16)> = parse::first_fields(&verbs).map(|w| (w, 1)).collect();
    write_table(
        &out.join("analysis_verb_lemmas.table"),
        &entries,
        Keep::First,
    );

    let data = read("analysis_lemma_exceptions.txt");
    let mut rows: Vec<(&str, [Option<&str>; 4])> = Vec::new();
    let mut row_of: HashMap<&str, usize> = HashMap::new();
    for line in parse::entry_lines(&data) {
        let f: Vec<&str> = line.split('\t').map(str::trim).collect();
        let class = match f.get(1).copied() {
            Some("n") => 0,
            Some("v") => 1,
            Some("a") => 2,
            Some("r") => 3,
            _ => continue,
        };
        let (Some(&form), Some(&lemma)) = (f.first(), f.get(2)) else {
            continue;
        };
        let row = *row_of.entry(form).or_insert_with(|| {
            rows.push((form, [None; 4]));
            rows.len() - 1
        });
        rows[row].1[class].get_or_insert(lemma);
    }
    let mut src = format!(
        "/// Generated by build.rs: per irregular form, its lemma as a noun, verb, adjective, adverb.\n\
         static LEMMA_EXCEPTIONS: [[Option<&str>; 4]; {}] = [\n",
        rows.len()
    );
    let mut entries: Vec<(&str, u16)> = Vec::new();
    for (i, (form, lemmas)) in rows.iter().enumerate() {
        src.push_str(&format!("{lemmas:?},\n"));
        entries.push((form, u16::try_from(i).expect("fewer than 65,536 forms")));
    }
    src.push_str("];\n");
    std::fs::write(out.join("analysis_lemma_exceptions.rs"), src).expect("write exceptions");
    write_table(
        &out.join("analysis_lemma_exceptions.table"),
        &entries,
        Keep::First,
    );
}

/// The entity gazetteer (`src/extract/entities/lists.rs`): places, then the hand-written
/// gazetteer (a later line of a name overrides an earlier one), nationalities and groups, and
/// languages not listed otherwise. Writes the records, `(name, label, canonical,
/// also_language, country, region)` as Rust source, and a table from name to record index.
fn known_names(out: &Path) {
    let rows = |name: &str| -> Vec<Vec<String>> {
        parse::entry_lines(&read(name))
            .map(|l| l.split('\t').map(|f| f.trim().to_string()).collect())
            .collect()
    };
    let places = rows("entities_places.txt");
    let gazetteer = rows("entities_gazetteer.txt");
    let norp = read("entities_norp.txt");
    let languages_data = read("entities_languages.txt");
    let languages: std::collections::HashSet<&str> = parse::first_fields(&languages_data).collect();
    let is_country = |f: &[String]| f.get(3).is_some_and(|c| c == "country");
    let is_region = |f: &[String]| f.get(3).is_some_and(|c| c == "region");
    let countries: std::collections::HashSet<&str> = places
        .iter()
        .filter(|f| is_country(f))
        .map(|f| f[0].as_str())
        .collect();
    let regions: std::collections::HashSet<&str> = places
        .iter()
        .filter(|f| is_region(f))
        .map(|f| f[0].as_str())
        .collect();
    let mut order: Vec<String> = Vec::new();
    type Record = (String, String, bool, bool, bool);
    let mut records: HashMap<String, Record> = HashMap::new();
    let mut insert = |name: &str, record: Record, overwrite: bool| {
        if !records.contains_key(name) {
            order.push(name.to_string());
        } else if !overwrite {
            return;
        }
        records.insert(name.to_string(), record);
    };
    for f in places.iter().chain(&gazetteer) {
        // A row without a label is skipped (a unit test checks that every label parses).
        let Some(label) = f.get(1) else { continue };
        let canonical = f.get(2).filter(|c| !c.is_empty()).unwrap_or(&f[0]);
        let country = countries.contains(canonical.as_str()) || is_country(f);
        let region = regions.contains(canonical.as_str()) || is_region(f);
        insert(
            &f[0],
            (label.clone(), canonical.clone(), false, country, region),
            true,
        );
    }
    for n in parse::first_fields(&norp) {
        let record = (
            "NORP".to_string(),
            n.to_string(),
            languages.contains(n),
            false,
            false,
        );
        insert(n, record, true);
    }
    let mut language_names: Vec<&str> = languages.iter().copied().collect();
    language_names.sort();
    for l in language_names {
        insert(
            l,
            ("LANGUAGE".to_string(), l.to_string(), true, false, false),
            false,
        );
    }
    let mut src = format!(
        "/// Generated by build.rs: (name, label, canonical, also_language, country, region).\n\
         static KNOWN_RECORDS: [(&str, &str, &str, bool, bool, bool); {}] = [\n",
        order.len()
    );
    let mut entries: Vec<(&str, u16)> = Vec::new();
    for (i, name) in order.iter().enumerate() {
        let (label, canonical, language, country, region) = &records[name];
        src.push_str(&format!(
            "({name:?},{label:?},{canonical:?},{language},{country},{region}),\n"
        ));
        entries.push((name, u16::try_from(i).expect("fewer than 65,536 names")));
    }
    src.push_str("];\n");
    std::fs::write(out.join("entities_known.rs"), src).expect("write known names");
    write_table(&out.join("entities_known.table"), &entries, Keep::First);
}

/// The topic lexicon (`src/extract/topics.rs`): its two phrase matchers, and each term's
/// signals.
fn topic_tries(out: &Path) {
    let data = read("topics_terms.txt");
    let patterns = topic_terms::patterns(parse::entry_lines(&data).map(|l| {
        let fields: Vec<&str> = l.split('\t').map(str::trim).collect();
        (fields[0], fields.get(3) == Some(&"exact"))
    }));
    let folded = topic_terms::sorted(&patterns.folded);
    let exact = topic_terms::sorted(&patterns.exact);
    let src = trie_source("FOLDED", &folded, true) + &trie_source("EXACT", &exact, false);
    std::fs::write(out.join("topics_tries.rs"), src).expect("write tries");

    // Per term id: its key and the topics it signals (index in the taxonomy, largest weight).
    let taxonomy = read("topics_taxonomy.txt");
    let index: HashMap<&str, usize> = parse::first_fields(&taxonomy)
        .enumerate()
        .map(|(i, code)| (code, i))
        .collect();
    let mut signals: Vec<Vec<(usize, f64)>> = vec![Vec::new(); patterns.keys.len()];
    for (line, ids) in parse::entry_lines(&data).zip(&patterns.entry_ids) {
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let topic = index[fields[1]];
        let weight: f64 = fields[2].parse().unwrap_or(1.0);
        assert!(weight.is_finite(), "weight {line:?}");
        for &id in ids {
            match signals[id].iter_mut().find(|s| s.0 == topic) {
                Some(s) => s.1 = s.1.max(weight),
                None => signals[id].push((topic, weight)),
            }
        }
    }
    let mut src = format!(
        "/// Generated by build.rs: per term id, its key and its signals.\n\
         static TERM_SIGNALS: [(&str, &[Signal]); {}] = [\n",
        signals.len()
    );
    for (key, sig) in patterns.keys.iter().zip(&signals) {
        src.push_str(&format!("({key:?}, &["));
        for (topic, weight) in sig {
            src.push_str(&format!("Signal {{ topic: {topic}, weight: {weight:?} }},"));
        }
        src.push_str("]),\n");
    }
    src.push_str("];\n");
    std::fs::write(out.join("topics_signals.rs"), src).expect("write signals");
}

/// A phrase trie as Rust source: a `Trie` (layout in `src/lexicon/trie.rs`) named `name`;
/// with `fold`, phrases are stored in ASCII lower case for case-insensitive matching.
fn trie_source(name: &str, phrases: &[(String, usize)], fold: bool) -> String {
    // The trie: children by byte, and the value of the phrase ending at each node.
    let mut children: Vec<std::collections::BTreeMap<u8, usize>> = vec![Default::default()];
    let mut values: Vec<Option<usize>> = vec![None];
    for (phrase, value) in phrases {
        assert!(!phrase.is_empty(), "empty phrase");
        let mut node = 0;
        for &b in phrase.as_bytes() {
            let b = if fold { b.to_ascii_lowercase() } else { b };
            node = match children[node].get(&b) {
                Some(&n) => n,
                None => {
                    children.push(Default::default());
                    values.push(None);
                    let n = children.len() - 1;
                    children[node].insert(b, n);
                    n
                }
            };
        }
        assert!(values[node].is_none(), "phrase {phrase:?} twice");
        values[node] = Some(*value);
    }
    // The double array, breadth first: each node's children go at `base + byte` for the
    // smallest base whose cells are all free.
    let mut cells: Vec<[u32; 3]> = vec![[0, 0, 0]];
    let mut used: Vec<bool> = vec![true];
    let mut cell_of = vec![0usize; children.len()];
    let mut queue = std::collections::VecDeque::from([0usize]);
    let mut first_free = 1;
    while let Some(node) = queue.pop_front() {
        let kids = &children[node];
        let s = cell_of[node];
        cells[s][2] = values[node].map_or(0, |v| u32::try_from(v + 1).expect("value fits"));
        if kids.is_empty() {
            continue;
        }
        let lowest = usize::from(*kids.keys().next().expect("a child"));
        while first_free < used.len() && used[first_free] {
            first_free += 1;
        }
        let mut base = first_free.saturating_sub(lowest);
        loop {
            if kids
                .keys()
                .all(|&b| !used.get(base + usize::from(b)).copied().unwrap_or(false))
            {
                break;
            }
            base += 1;
        }
        cells[s][0] = u32::try_from(base).expect("base fits");
        for (&b, &child) in kids {
            let t = base + usize::from(b);
            if t >= cells.len() {
                cells.resize(t + 1, [0, 0, 0]);
                used.resize(t + 1, false);
            }
            used[t] = true;
            cells[t][1] = u32::try_from(s + 1).expect("check fits");
            cell_of[child] = t;
            queue.push_back(child);
        }
    }
    // Room for any byte after the last base, so that a look-up never runs past the end.
    let max_base = cells.iter().map(|c| c[0] as usize).max().unwrap_or(0);
    cells.resize(cells.len().max(max_base + 256), [0, 0, 0]);
    let mut src = format!(
        "/// Generated by build.rs: {} phrases, {} cells.\npub static {name}: crate::lexicon::Trie = crate::lexicon::Trie {{ fold: {fold}, cells: &[\n",
        phrases.len(),
        cells.len()
    );
    for c in &cells {
        src.push_str(&format!("[{},{},{}],", c[0], c[1], c[2]));
    }
    src.push_str("\n] };\n");
    src
}

/// `entities_common_words.txt`: word → frequency rank (its place in the list, from 0).
fn common_words(out: &Path) {
    let data = read("entities_common_words.txt");
    let entries: Vec<(&str, u16)> = parse::first_fields(&data)
        .enumerate()
        .map(|(i, w)| (w, u16::try_from(i).expect("fewer than 65,536 common words")))
        .collect();
    write_table(
        &out.join("entities_common_words.table"),
        &entries,
        Keep::Last,
    );
}

/// `analysis_agent_nouns.txt`: lemma → 1 for a group noun, 2 for a person noun.
fn agent_nouns(out: &Path) {
    let data = read("analysis_agent_nouns.txt");
    let entries: Vec<(&str, u16)> = parse::entry_lines(&data)
        .map(|l| {
            let mut fields = l.split('\t').map(str::trim);
            let word = fields.next().unwrap_or(l);
            (
                word,
                if fields.next() == Some("person") {
                    2
                } else {
                    1
                },
            )
        })
        .collect();
    write_table(
        &out.join("analysis_agent_nouns.table"),
        &entries,
        Keep::Merged,
    );
}

fn read(name: &str) -> String {
    let path = Path::new(DATA).join(name);
    println!("cargo::rerun-if-changed={}", path.display());
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The tagger's lexicon (`analysis_lexicon.txt`): word → index of its (tag, WordNet classes)
/// pair; the distinct pairs, one per line, go to `analysis_lexicon_pairs.txt`.
fn tagger_lexicon(out: &Path) {
    let data = read("analysis_lexicon.txt");
    let mut pairs: Vec<String> = Vec::new();
    let mut pair_ids: HashMap<String, u16> = HashMap::new();
    let mut entries: Vec<(&str, u16)> = Vec::new();
    for line in data.lines() {
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut fields = line.split('\t').map(str::trim);
        let (Some(word), Some(tag)) = (fields.next(), fields.next()) else {
            continue;
        };
        let pair = format!("{tag}\t{}", fields.next().unwrap_or(""));
        let id = *pair_ids.entry(pair.clone()).or_insert_with(|| {
            pairs.push(pair);
            u16::try_from(pairs.len() - 1).expect("fewer than 65,536 pairs")
        });
        entries.push((word, id));
    }
    write_table(&out.join("analysis_lexicon.table"), &entries, Keep::First);
    let mut text = pairs.join("\n");
    text.push('\n');
    std::fs::write(out.join("analysis_lexicon_pairs.txt"), text).expect("write pairs");
}

/// Which value a key listed twice keeps.
#[derive(Clone, Copy, PartialEq)]
enum Keep {
    First,
    Last,
    /// The values or-ed together (bit flags).
    Merged,
}

/// Writes `entries` as a table.
fn write_table(path: &Path, entries: &[(&str, u16)], keep: Keep) {
    let slots = (entries.len() * 2).next_power_of_two().max(2);
    let mask = slots - 1;
    let mut table = vec![[0u8; 8]; slots];
    let mut keys: Vec<u8> = Vec::new();
    for &(key, value) in entries {
        let k = key.as_bytes();
        assert!(!k.is_empty() && k.len() <= 255, "table key {key:?}");
        let h = table_hash::table_hash(k);
        let mut i = h as usize & mask;
        let fresh = loop {
            let s = &table[i];
            if s[4] == 0 {
                break true;
            }
            let off = u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize;
            if s[4] as usize == k.len() && &keys[off..off + k.len()] == k {
                break false;
            }
            i = (i + 1) & mask;
        };
        if !fresh {
            let old = u16::from_le_bytes([table[i][6], table[i][7]]);
            let new = match keep {
                Keep::First => old,
                Keep::Last => value,
                Keep::Merged => old | value,
            };
            table[i][6..].copy_from_slice(&new.to_le_bytes());
            continue;
        }
        let off = u32::try_from(keys.len()).expect("key bytes fit in u32");
        keys.extend_from_slice(k);
        let mut s = [0u8; 8];
        s[..4].copy_from_slice(&off.to_le_bytes());
        s[4] = k.len() as u8;
        s[5] = (h >> 56) as u8;
        s[6..].copy_from_slice(&value.to_le_bytes());
        table[i] = s;
    }
    let mut bytes = Vec::with_capacity(4 + slots * 8 + keys.len());
    bytes.extend_from_slice(&u32::try_from(slots).expect("slots fit").to_le_bytes());
    for s in &table {
        bytes.extend_from_slice(s);
    }
    bytes.extend_from_slice(&keys);
    std::fs::write(path, bytes).expect("write table");
}
