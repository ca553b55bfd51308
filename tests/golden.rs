//! Golden files: every `fixtures/NAME.txt` with a `fixtures/NAME.json` beside it must give that
//! JSON, compared as parsed JSON. `UPDATE_FIXTURES=1 cargo test golden` rewrites the JSON files
//! from the current output; read the diff by hand before committing it.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::util::newslens;

#[test]
fn fixtures_match_their_golden_json() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var_os("UPDATE_FIXTURES").is_some_and(|v| v == "1");
    let mut checked = 0;
    let mut paths: Vec<_> = fs::read_dir(root.join("fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for txt in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        let golden = txt.with_extension("json");
        if !golden.exists() && !update {
            continue;
        }
        // Run as a user would from the repository root, so the id is the relative path.
        let rel = txt.strip_prefix(root).unwrap().display().to_string();
        let out = newslens(&[&rel])
            .current_dir(root)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        if update {
            fs::write(&golden, &out).unwrap();
        }
        let got: Value = serde_json::from_slice(&out).unwrap();
        let want: Value = serde_json::from_str(&fs::read_to_string(&golden).unwrap()).unwrap();
        assert!(
            got == want,
            "{rel}: output differs from {}; run UPDATE_FIXTURES=1 cargo test golden and review the diff",
            golden.display()
        );
        checked += 1;
    }
    assert!(checked >= 1, "at least the seed article has a golden file");
}
