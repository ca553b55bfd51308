//! The header convention of the lists in `src/lexicon/data/`, checked for every file there.
//!
//! Each list opens with comment lines (`#`) that say what it holds. Among them:
//! - `# Source: ...` names where the data comes from (a package and version, or "written for
//!   newslens ...");
//! - `# Licence: ID, ID ... (free text)` names every licence that applies to the data in the
//!   file, as identifiers from [`ALLOWED`], comma-separated, before any parenthesis. A file may
//!   have more than one such line (`analysis_lexicon.txt`: one for its tags, one for its
//!   WordNet field).
//!
//! NOTICE gives each source's attribution and full terms; `cargo test` fails when a list has
//! no source, no licence, or a licence outside the permissive set below.

/// The licences the binary may embed data under: the project's own, and permissive ones
/// compatible with it (attribution at most, no copyleft). Identifiers are SPDX ones where SPDX
/// has one; `public-domain`, `WordNet-3.0` (Princeton's WordNet 3.0 licence), `SCOWL` (Kevin
/// Atkinson's SCOWL permission notice) and `Ispell` (Geoff Kuenning's BSD-style Ispell
/// licence, which VARCON's spellings in SCOWL carry) are named for what they are.
pub const ALLOWED: &[&str] = &[
    "MIT OR Apache-2.0",
    "MIT",
    "Apache-2.0",
    "BSD-3-Clause",
    "CC-BY-3.0",
    "CC-BY-4.0",
    "CC0-1.0",
    "public-domain",
    "WordNet-3.0",
    "SCOWL",
    "Ispell",
];

/// The licence identifiers a list's header names, or why the header breaks the convention.
pub fn licences(data: &str) -> Result<Vec<&str>, String> {
    let header: Vec<&str> = data.lines().take_while(|l| l.starts_with('#')).collect();
    if !header.iter().any(|l| {
        l.strip_prefix("# Source:")
            .is_some_and(|s| !s.trim().is_empty())
    }) {
        return Err("no \"# Source:\" line in the header".into());
    }
    let mut ids = Vec::new();
    for line in header {
        let Some(rest) = line.strip_prefix("# Licence:") else {
            continue;
        };
        let names = rest.split('(').next().unwrap_or(rest);
        for id in names.split(',').map(str::trim) {
            if !ALLOWED.contains(&id) {
                return Err(format!("licence {id:?} is not one of {ALLOWED:?}"));
            }
            ids.push(id);
        }
    }
    if ids.is_empty() {
        return Err("no \"# Licence:\" line in the header".into());
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_names_a_source_and_a_permissive_licence() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lexicon/data");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("the data folder")
            .map(|e| e.expect("a folder entry").path())
            .collect();
        files.sort();
        assert!(files.len() > 20, "only {} lists", files.len());
        let mut bad = Vec::new();
        for path in &files {
            let data = std::fs::read_to_string(path).expect("a UTF-8 list");
            if let Err(why) = licences(&data) {
                bad.push(format!("{}: {why}", path.display()));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn headers_are_read_as_the_convention_says() {
        let ok: &[(&str, &[&str])] = &[
            (
                "# A list.\n# Source: GeoNames\n# Licence: CC-BY-4.0 (attribution: GeoNames)\nx\n",
                &["CC-BY-4.0"],
            ),
            (
                "# Source: a\n# Licence: MIT, BSD-3-Clause\n# Licence: WordNet-3.0 (field 3)\nx\n",
                &["MIT", "BSD-3-Clause", "WordNet-3.0"],
            ),
            (
                "# Source: us\n# Licence: MIT OR Apache-2.0 (the project's)\n",
                &["MIT OR Apache-2.0"],
            ),
        ];
        for (data, want) in ok {
            assert_eq!(licences(data).as_deref(), Ok(*want), "{data:?}");
        }
        let bad = [
            "# Licence: MIT\nx\n",                        // no source
            "# Source: a\nx\n",                           // no licence
            "# Source: a\n# Licence: CC-BY-SA-4.0\nx\n",  // share-alike
            "# Source: a\n# Licence: MIT, LGPL-2.1\nx\n", // copyleft
            "# Source: a\nx\n# Licence: MIT\n",           // not in the header
            "# Source:\n# Licence: MIT\nx\n",             // empty source
        ];
        for data in bad {
            assert!(licences(data).is_err(), "{data:?}");
        }
    }
}
