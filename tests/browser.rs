//! The HTML view in a real browser. Headless Chromium loads the seed article's page (which
//! has no script: `views.rs` checks that; Chromium's `--dump-dom` and `--screenshot` need
//! scripts on for themselves, so they cannot be turned off here); in the DOM it builds, every
//! entity mention of the JSON must be highlighted exactly once, over the mention's own text,
//! and the article's text must be the input's. A screenshot is saved in `target/tmp/html-view.png`;
//! `UPDATE_SCREENSHOT=1` also copies it to `docs/html-view.png`, the README's picture.
//!
//! Without Chromium (Debian's `chromium`) the test is skipped, saying so, unless `CI` is set,
//! where it fails: `.ci/run` installs it.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::util::{char_slice, fixture, newslens};
use crate::views::{article, json_mentions, marked_mentions, well_formed_text};

/// The flags that run Chromium headless in a sandboxed container without touching the
/// network or a profile.
const FLAGS: [&str; 9] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
];

/// The window of the screenshot: wide enough for the text and the panel side by side.
const WINDOW: &str = "--window-size=1200,1100";

/// Longest a Chromium run may take, in seconds.
const TIMEOUT_SECS: &str = "120";

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser"].into_iter().find(|name| {
        Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// Runs Chromium on `page` with `args`, under a time limit, with a fresh profile.
fn run(browser: &str, page: &Path, profile: &Path, args: &[&str]) -> Vec<u8> {
    let out = Command::new("timeout")
        .arg(TIMEOUT_SECS)
        .arg(browser)
        .args(FLAGS)
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn chromium_shows_every_mention_once() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but chromium is not installed (.ci/run installs it)"
        );
        eprintln!(
            "SKIPPED chromium_shows_every_mention_once: chromium is not installed (apt-get install chromium)"
        );
        return;
    };
    let seed = fixture("seed-xi-putin.txt");
    let text = std::fs::read_to_string(&seed).unwrap();
    let seed = seed.display().to_string();
    let doc: Value = serde_json::from_slice(&newslens(&[&seed]).output().unwrap().stdout).unwrap();
    let dir = tempfile::TempDir::new().unwrap();
    let page = dir.path().join("seed.html");
    // The path as the README gives it, for the screenshot.
    let html = newslens(&["--format", "html", "fixtures/seed-xi-putin.txt"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
        .stdout;
    std::fs::write(&page, html).unwrap();

    let dom = run(
        browser,
        &page,
        &dir.path().join("profile-dom"),
        &["--dump-dom"],
    );
    let dom = String::from_utf8(dom).unwrap();
    let article = article(&dom);
    assert_eq!(well_formed_text(article), text);
    let mentions = json_mentions(&doc);
    assert!(mentions.len() > 40, "{}", mentions.len());
    assert_eq!(marked_mentions(article), mentions);
    for (start, end) in mentions {
        let tag = format!("data-start=\"{start}\" data-end=\"{end}\"");
        assert_eq!(article.matches(&tag).count(), 1, "{tag}");
        let at = article.find(&tag).unwrap();
        let inner = &article[at + article[at..].find('>').unwrap() + 1..];
        let inner = &inner[..inner.find("</mark>").unwrap()];
        assert_eq!(well_formed_text(inner), char_slice(&text, start, end));
    }

    let shot = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("html-view.png");
    let _ = std::fs::remove_file(&shot);
    let screenshot = format!("--screenshot={}", shot.display());
    run(
        browser,
        &page,
        &dir.path().join("profile-png"),
        &[&screenshot, WINDOW],
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 10_000);
    eprintln!("screenshot: {}", shot.display());
    if std::env::var_os("UPDATE_SCREENSHOT").is_some() {
        let docs = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs");
        std::fs::create_dir_all(&docs).unwrap();
        std::fs::copy(&shot, docs.join("html-view.png")).unwrap();
    }
}
