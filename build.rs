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

const DATA: &str = "src/lexicon/data";

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/lexicon/table_hash.rs");
    tagger_lexicon(&out);
    common_words(&out);
    agent_nouns(&out);
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
