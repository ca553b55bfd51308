// Which patterns the topic lexicon (`topics_terms.txt`) gives the two term matchers. This file
// is also compiled into `build.rs` (with `#[path]`), which builds the matchers' tries at
// compile time from the same patterns the binary computes, so the two cannot drift apart.
// Plain Rust, no crate paths. Each of its two users reads only part of it (the binary the
// ids, the build the patterns), hence the `allow`.
#![allow(dead_code)]

use std::collections::HashMap;

/// The patterns of the lexicon.
pub struct Patterns {
    /// Per term id: its key for counting (the term in lower case).
    pub keys: Vec<String>,
    /// Per entry of the lexicon, in order: the ids of its two forms (as written, plural).
    pub entry_ids: Vec<[usize; 2]>,
    /// Patterns matched ASCII-case-insensitively, in lower case, with their term id.
    pub folded: HashMap<String, usize>,
    /// Patterns matched as written, with their term id.
    pub exact: HashMap<String, usize>,
}

/// The patterns of one matcher in a fixed order (sorted), with their term ids.
pub fn sorted(ids: &HashMap<String, usize>) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = ids.iter().map(|(p, &id)| (p.clone(), id)).collect();
    v.sort();
    v
}

/// `entries` yields, per lexicon line, the term and whether it is marked "exact". The same
/// surface string (after case folding, for folded terms) is one pattern.
pub fn patterns<'a>(entries: impl Iterator<Item = (&'a str, bool)>) -> Patterns {
    let mut keys: Vec<String> = Vec::new();
    let mut entry_ids = Vec::new();
    let mut folded_ids: HashMap<String, usize> = HashMap::new();
    let mut exact_ids: HashMap<String, usize> = HashMap::new();
    for (term, marked_exact) in entries {
        let is_exact = marked_exact || term.chars().any(char::is_uppercase);
        let mut ids = [0; 2];
        for (k, form) in [term.to_string(), pluralize(term)].into_iter().enumerate() {
            let (table, key) = if is_exact {
                (&mut exact_ids, form)
            } else {
                (&mut folded_ids, form.to_lowercase())
            };
            ids[k] = *table.entry(key).or_insert_with(|| {
                keys.push(term.to_lowercase());
                keys.len() - 1
            });
        }
        entry_ids.push(ids);
    }
    Patterns {
        keys,
        entry_ids,
        folded: folded_ids,
        exact: exact_ids,
    }
}

/// The plural of a term's last word, by the regular English rules; irregular plurals are
/// listed in the lexicon.
pub fn pluralize(term: &str) -> String {
    let last = term.rsplit(' ').next().unwrap_or(term);
    let lower = last.to_lowercase();
    // A last word that is a number or already ends in -s ("sales", "news") has no plural here.
    if last.chars().any(|c| !c.is_alphabetic())
        || (lower.ends_with('s') && !lower.ends_with("ss") && !lower.ends_with("us"))
    {
        return term.to_string();
    }
    let mut out = term.to_string();
    if lower.ends_with('s')
        || lower.ends_with('x')
        || lower.ends_with('z')
        || lower.ends_with("ch")
        || lower.ends_with("sh")
    {
        out.push_str("es");
    } else if lower.ends_with('y')
        && !lower[..lower.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u'])
        && !last.chars().any(char::is_uppercase)
    {
        out.pop();
        out.push_str("ies");
    } else {
        out.push('s');
    }
    out
}
