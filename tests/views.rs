//! `--format text` and `--format html`: what the views show, colour and wrapping, escaping,
//! well-formed nesting, batches, and the JSON they leave unchanged.

use proptest::prelude::*;
use serde_json::Value;

use newslens::view::text::TextOptions;
use newslens::{Sections, analyze, output, view};

use crate::props::newsy_text;
use crate::util::{char_slice, fixture, newslens, write};

/// An article written for these tests: a headline, a person with a title, a dated commitment
/// with its speaker, a direct quote with its speaker.
const ARTICLE: &str = "Harbour Council Backs New Ferry Line

Mayor Lena Ortiz said on Tuesday that the city will open a ferry line to Port Alder by March 2027.

\"We will not raise fares this year,\" Ortiz told reporters in Marlow.

The Marlow Transit Authority agreed to buy four electric ferries, according to its director, Tom Reyes.
";

/// Input that must come out escaped: markup, an ampersand and quotation marks inside names
/// and quotes.
const HOSTILE: &str = "Markup <script>alert(\"x\")</script> Test & Co

Anna Berg of Smith & Jones said <b>the plan</b> will \"work\" & that the council will fund it by May.

\"We <i>will</i> pay & build,\" said Anna Berg.
";

fn stdout(args: &[&str], stdin: &str) -> String {
    stdout_with(args, stdin, &[])
}

/// The output of a successful run, with `NO_COLOR` and `COLUMNS` unset but for `env`.
fn stdout_with(args: &[&str], stdin: &str, env: &[(&str, &str)]) -> String {
    run(args, stdin, env, 0).0
}

/// Runs newslens with `NO_COLOR` and `COLUMNS` unset but for `env`, checks its exit status and
/// returns its stdout and stderr.
fn run(args: &[&str], stdin: &str, env: &[(&str, &str)], code: i32) -> (String, String) {
    let mut cmd = newslens(args);
    cmd.env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .envs(env.iter().copied());
    let out = cmd
        .write_stdin(stdin)
        .assert()
        .code(code)
        .get_output()
        .clone();
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).expect("UTF-8 output");
    (text(out.stdout), text(out.stderr))
}

fn json(stdin: &str) -> Value {
    serde_json::from_str(&stdout(&[], stdin)).expect("JSON")
}

#[test]
fn json_is_the_default_and_unchanged_by_the_flag() {
    let dir = tempfile::TempDir::new().unwrap();
    let a = write(&dir, "a.txt", ARTICLE.as_bytes());
    let b = write(&dir, "b.txt", HOSTILE.as_bytes());
    let page = write(
        &dir,
        "p.html",
        b"<!DOCTYPE html><title>T</title><article><h1>Talks</h1><p>Anna Berg met Tom Reyes.</p></article>",
    );
    let seed = fixture("seed-xi-putin.txt").display().to_string();
    let jsonl = r#"{"id": "r1", "text": "Anna Berg said the city will act."}"#;
    let cases: [(Vec<&str>, &str); 8] = [
        (vec![seed.as_str()], ""),
        (vec![], ARTICLE),
        (vec![a.as_str(), b.as_str()], ""),
        (vec![dir.path().to_str().unwrap()], ""),
        (vec!["--input-format", "jsonl"], jsonl),
        (vec!["--only", "entities", "--explain", a.as_str()], ""),
        (vec![page.as_str()], ""),
        (vec!["--tokens", a.as_str()], ""),
    ];
    for (args, stdin) in cases {
        let plain = newslens(&args).write_stdin(stdin).output().unwrap();
        let mut with = args.clone();
        with.extend(["--format", "json", "--color", "always", "--width", "30"]);
        let flagged = newslens(&with).write_stdin(stdin).output().unwrap();
        assert!(!plain.stdout.is_empty(), "{args:?}");
        assert_eq!(plain.stdout, flagged.stdout, "{args:?}");
        assert_eq!(plain.status.code(), flagged.status.code(), "{args:?}");
    }
}

#[test]
fn tokens_take_no_view() {
    let (_, err) = run(&["--tokens", "--format", "text"], ARTICLE, &[], 2);
    assert!(err.contains("--tokens prints JSON Lines"), "{err}");
}

#[test]
fn the_text_report_shows_each_section() {
    let report = stdout(&["--format", "text"], ARTICLE);
    let doc = json(ARTICLE);
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(lines[0], "Harbour Council Backs New Ferry Line");
    assert_eq!(lines[1], "54 words, 4 sentences, 4 paragraphs");
    for heading in [
        "Topics (",
        "Key phrases (",
        "Entities (",
        "Commitments (",
        "Quotes (",
    ] {
        assert!(
            lines.iter().any(|l| l.starts_with(heading)),
            "{heading}\n{report}"
        );
    }
    // An entity group, with counts, roles and aliases.
    let people: Vec<&str> = lines
        .iter()
        .skip_while(|l| !l.starts_with("  PERSON — "))
        .take(3)
        .copied()
        .collect();
    assert_eq!(
        people,
        [
            "  PERSON — 2 entities, 3 mentions",
            "    Lena Ortiz (2 mentions) — roles: Mayor — aliases: Ortiz",
            "    Tom Reyes (1 mention)",
        ],
        "{report}"
    );
    // Every commitment as ACTOR — kind — action (deadline) [speaker], from the JSON.
    let report_one_line = report.replace("\n    ", " ");
    for c in doc["commitments"].as_array().unwrap() {
        let mut line = format!(
            "  • {} — {} — {}",
            c["actor"]["name"].as_str().unwrap(),
            c["kind"].as_str().unwrap(),
            c["action"].as_str().unwrap()
        );
        if let Some(deadline) = c["deadline"].as_str() {
            line.push_str(&format!(" ({deadline})"));
        }
        if let Some(speaker) = c["speaker"].as_str() {
            line.push_str(&format!(" [{speaker}]"));
        }
        assert!(
            report_one_line.lines().any(|l| l == line),
            "{line}\n{report}"
        );
    }
    assert!(
        report_one_line
            .contains("  • the city — intent — open a ferry line to Port Alder by March 2027 (by March 2027) [Lena Ortiz]"),
        "{report}"
    );
    // A direct quote with its speaker.
    assert!(
        report_one_line.contains("  • Lena Ortiz (told): “We will not raise fares this year,”"),
        "{report}"
    );
}

#[test]
fn only_prints_the_sections_chosen() {
    let report = stdout(&["--format", "text", "--only", "quotes"], ARTICLE);
    assert!(report.contains("Quotes (3)"), "{report}");
    for absent in ["Topics", "Entities", "Commitments", "Key phrases"] {
        assert!(!report.contains(absent), "{absent}\n{report}");
    }
    let none = stdout(&["--format", "text"], "The weather was mild and dry.\n");
    assert!(none.contains("Commitments none found"), "{none}");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let escapes = |args: &[&str], no_color: Option<&str>| {
        let env: Vec<(&str, &str)> = no_color.map(|v| ("NO_COLOR", v)).into_iter().collect();
        stdout_with(args, ARTICLE, &env).contains("\x1b[")
    };
    let text = ["--format", "text"];
    let with = |color: &'static str| [&text[..], &["--color", color]].concat();
    assert!(escapes(&with("always"), None));
    // An explicit --color always wins over NO_COLOR, as no-color.org asks.
    assert!(escapes(&with("always"), Some("1")));
    assert!(!escapes(&with("never"), None));
    // auto: stdout is a pipe here.
    assert!(!escapes(&text, None));
    assert!(!escapes(&with("auto"), Some("1")));
    // JSON and HTML are never coloured.
    assert!(!escapes(&["--color", "always"], None));
    assert!(!escapes(&["--format", "html", "--color", "always"], None));
}

/// `script` (util-linux) runs newslens on a pseudo-terminal, where auto colours unless
/// NO_COLOR is set.
#[test]
fn auto_colours_a_terminal_unless_no_color() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("SKIPPED auto_colours_a_terminal_unless_no_color: no `script` command");
        return;
    }
    let dir = tempfile::TempDir::new().unwrap();
    let article = write(&dir, "a.txt", ARTICLE.as_bytes());
    let bin = assert_cmd::cargo::cargo_bin("newslens");
    let on_terminal = |no_color: Option<&str>| {
        let mut cmd = std::process::Command::new("script");
        let line = format!("stty cols 50; {} --format text {article}", bin.display());
        cmd.args(["-qec", &line, "/dev/null"])
            .env_remove("NO_COLOR");
        if let Some(v) = no_color {
            cmd.env("NO_COLOR", v);
        }
        cmd.env("TERM", "xterm");
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let coloured = on_terminal(None);
    assert!(
        coloured.contains("\x1b[1mHarbour Council Backs New Ferry Line\x1b[0m"),
        "{coloured}"
    );
    // Wrapped to the terminal's 50 columns, escapes not counted.
    let plain = on_terminal(Some("1"));
    assert!(!plain.contains("\x1b["), "{plain}");
    let widths: Vec<usize> = plain
        .lines()
        .map(|l| l.trim_end_matches('\r').chars().count())
        .collect();
    assert!(
        widths.iter().all(|&w| w <= 50) && widths.iter().any(|&w| w > 40),
        "{plain}"
    );
}

#[test]
fn lines_wrap_at_the_width_given() {
    let widths = |args: &[&str], columns: Option<&str>| {
        let env: Vec<(&str, &str)> = columns.map(|c| ("COLUMNS", c)).into_iter().collect();
        let out = stdout_with(args, ARTICLE, &env);
        out.lines().map(|l| l.chars().count()).max().unwrap()
    };
    let text = ["--format", "text", "--color", "always"];
    // Not a terminal: COLUMNS, else 80; --width over both; 0 does not wrap.
    assert!(widths(&text[..2], None) <= 80);
    assert!(widths(&text[..2], None) > 70);
    let forty = widths(&text[..2], Some("40"));
    assert!((35..=40).contains(&forty), "{forty}");
    let fifty = widths(&["--format", "text", "--width", "50"], Some("40"));
    assert!((45..=50).contains(&fifty), "{fifty}");
    assert!(widths(&["--format", "text", "--width", "0"], None) > 100);
    // Below the minimum of 20, lines wrap at 20.
    assert!(widths(&["--format", "text", "--width", "3"], None) <= 20);
    // Escapes do not count: the widest coloured line is as wide as the widest plain one.
    let coloured = stdout(&[&text[..], &["--width", "40"]].concat(), ARTICLE);
    let plain = stdout(&["--format", "text", "--width", "40"], ARTICLE);
    let strip = regex::Regex::new("\x1b\\[[0-9;]*m").unwrap();
    assert_eq!(strip.replace_all(&coloured, ""), plain);
}

#[test]
fn control_characters_of_the_input_never_reach_the_terminal() {
    // A quote holding an escape sequence that would retitle the window and clear the screen.
    let text = "Ann Ross said: \"We will \u{1b}]0;pwned\u{7}\u{1b}[2Jwin the vote.\"";
    for color in ["never", "always"] {
        let out = stdout(&["--format", "text", "--color", color], text);
        assert!(!out.contains("]0;pwned\u{7}"), "{out:?}");
        assert!(!out.contains("\u{1b}[2J"), "{out:?}");
        assert!(out.contains("pwned"), "the words stay: {out:?}");
    }
}

#[test]
fn a_text_batch_heads_each_document_and_reports_failures_in_place() {
    let dir = tempfile::TempDir::new().unwrap();
    let a = write(&dir, "a.txt", ARTICLE.as_bytes());
    let bad = write(&dir, "bad.txt", b"caf\xe9 au lait\n");
    let b = write(&dir, "b.txt", b"Tom Reyes said the port will reopen.\n");
    let (report, err) = run(
        &["--format", "text", "--width", "60", &a, &bad, &b],
        "",
        &[],
        1,
    );
    assert!(err.contains("bad.txt: invalid UTF-8 at byte 3"), "{err}");
    let headings: Vec<&str> = report.lines().filter(|l| l.starts_with("══ ")).collect();
    assert_eq!(headings.len(), 3, "{report}");
    for (heading, path) in headings.iter().zip([&a, &bad, &b]) {
        assert!(heading.starts_with(&format!("══ {path} ═")), "{heading}");
    }
    assert!(
        report.contains("error (invalid_utf8): invalid UTF-8 at byte 3"),
        "{report}"
    );
    // JSON Lines input: records are headed by their ids.
    let jsonl =
        "{\"id\": \"r1\", \"text\": \"Anna Berg spoke.\"}\n{\"id\": \"r2\", \"text\": \"\"}\n";
    let (report, _) = run(
        &["--format", "text", "--input-format", "jsonl"],
        jsonl,
        &[],
        1,
    );
    assert!(report.starts_with("══ r1 ═"), "{report}");
    assert!(
        report.contains("══ r2 ═") && report.contains("error (empty)"),
        "{report}"
    );
    // A single document that fails prints nothing on stdout, as with JSON.
    assert_eq!(run(&["--format", "text", &bad], "", &[], 1).0, "");
    assert_eq!(run(&["--format", "html", &bad], "", &[], 1).0, "");
}

/// The article element of an HTML view.
pub fn article(html: &str) -> &str {
    let start = html
        .find("<article class=\"text\" lang=\"en\">")
        .expect("an article")
        + 32;
    &html[start..start + html[start..].find("</article>").expect("its end")]
}

/// Checks that tags open and close in order (the void elements aside) and returns the text
/// with tags removed and character references decoded.
pub fn well_formed_text(markup: &str) -> String {
    let tag = regex::Regex::new(r"<(/?)([!a-zA-Z0-9]+)[^>]*>").unwrap();
    let mut open: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut pos = 0;
    for m in tag.captures_iter(markup) {
        let whole = m.get(0).unwrap();
        text.push_str(&markup[pos..whole.start()]);
        pos = whole.end();
        let name = m[2].to_ascii_lowercase();
        if ["br", "meta", "!doctype"].contains(&name.as_str()) {
            continue;
        }
        if &m[1] == "/" {
            assert_eq!(
                open.pop().as_deref(),
                Some(name.as_str()),
                "at {}",
                whole.start()
            );
        } else {
            open.push(name);
        }
    }
    text.push_str(&markup[pos..]);
    assert!(open.is_empty(), "left open: {open:?}");
    assert!(
        !text.contains('<') && !text.contains('>'),
        "a bare < or > in text"
    );
    unescape(&text)
}

/// Decodes the character references the views write (and Chromium's DOM serialiser writes).
fn unescape(text: &str) -> String {
    const REFERENCES: [(&str, char); 6] = [
        ("&amp;", '&'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&#39;", '\''),
        ("&nbsp;", '\u{a0}'),
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let (name, c) = REFERENCES
            .iter()
            .find(|(name, _)| rest.starts_with(name))
            .unwrap_or_else(|| panic!("a bare & at {:?}", &rest[..rest.len().min(12)]));
        out.push(*c);
        rest = &rest[name.len()..];
    }
    out.push_str(rest);
    out
}

/// The `data-start`/`data-end` of every highlighted mention in `html`.
pub fn marked_mentions(html: &str) -> Vec<(usize, usize)> {
    let mark = regex::Regex::new(r#"<mark [^>]*data-start="(\d+)" data-end="(\d+)""#).unwrap();
    let mut found: Vec<(usize, usize)> = mark
        .captures_iter(html)
        .map(|c| (c[1].parse().unwrap(), c[2].parse().unwrap()))
        .collect();
    found.sort_unstable();
    found
}

/// Every mention of a document's JSON, sorted.
pub fn json_mentions(doc: &Value) -> Vec<(usize, usize)> {
    let mut mentions: Vec<(usize, usize)> = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["mentions"].as_array().unwrap())
        .map(|m| {
            (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            )
        })
        .collect();
    mentions.sort_unstable();
    mentions
}

#[test]
fn html_escapes_everything_from_the_input() {
    let page = stdout(&["--format", "html"], HOSTILE);
    assert!(!page.contains("<script") && !page.contains("<b>the") && !page.contains("<i>"));
    assert!(
        page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"),
        "{page}"
    );
    assert!(page.contains("Smith &amp; Jones"));
    // The title element, ids and attributes too.
    assert!(page.contains("<title>Markup &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Test &amp; Co — newslens</title>"));
    assert!(page.contains("data-speaker=\"Anna Berg\""));
    assert_eq!(well_formed_text(article(&page)), HOSTILE);
    // Nothing is fetched or run.
    for needle in [
        "src=", "<link", "url(", "@import", "<script", "http://", "https://",
    ] {
        assert!(!page.contains(needle), "{needle}");
    }
    let handler = regex::Regex::new(r"<[^>]*\son[a-z]+=").unwrap();
    assert!(!handler.is_match(&page), "an event handler attribute");
    let dir = tempfile::TempDir::new().unwrap();
    let name = write(&dir, "<b>&\".txt", HOSTILE.as_bytes());
    let page = String::from_utf8(
        newslens(&["--format", "html", &name])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(page.contains("&lt;b&gt;&amp;&quot;.txt</h2>"), "{page}");
}

#[test]
fn html_nests_overlapping_spans_and_marks_every_mention_once() {
    for text in [ARTICLE, HOSTILE] {
        let page = stdout(&["--format", "html"], text);
        let doc = json(text);
        let article = article(&page);
        // Tags nest and the text is the input's, to the character.
        assert_eq!(well_formed_text(article), text);
        well_formed_text(&page);
        assert_eq!(marked_mentions(article), json_mentions(&doc));
        // Each marked mention's text is the mention's.
        for (start, end) in marked_mentions(article) {
            let at = article
                .find(&format!("data-start=\"{start}\" data-end=\"{end}\""))
                .unwrap();
            let inner = &article[at + article[at..].find('>').unwrap() + 1..];
            let inner = &inner[..inner.find("</mark>").unwrap()];
            assert_eq!(well_formed_text(inner), char_slice(text, start, end));
        }
        let quotes = doc["quotes"].as_array().unwrap().len();
        assert_eq!(article.matches("data-speaker=").count(), quotes);
        let commitments = doc["commitments"].as_array().unwrap().len();
        assert_eq!(article.matches(" data-n=\"c").count(), commitments);
        assert_eq!(page.matches("<tr><td><a href=\"#d1-c").count(), commitments);
    }
    // Non-ASCII text: code point offsets land on the right characters.
    let text = "Zürich’s mayor Anna Berg said “we will build” in Genève.\n";
    let page = stdout(&["--format", "html"], text);
    assert_eq!(well_formed_text(article(&page)), text);
    assert!(
        page.contains("data-label=\"PERSON\">Anna Berg</mark>"),
        "{page}"
    );
}

#[test]
fn an_html_batch_is_one_page_with_a_section_per_document() {
    let dir = tempfile::TempDir::new().unwrap();
    let a = write(&dir, "a.txt", ARTICLE.as_bytes());
    let bad = write(&dir, "bad.txt", b"");
    let b = write(&dir, "b.txt", HOSTILE.as_bytes());
    let (page, _) = run(&["--format", "html", &a, &bad, &b], "", &[], 1);
    assert_eq!(page.matches("<!DOCTYPE html>").count(), 1);
    assert!(page.trim_end().ends_with("</html>"));
    well_formed_text(&page);
    for (n, path) in [(1, &a), (2, &bad), (3, &b)] {
        assert!(
            page.contains(&format!("id=\"d{n}\">\n<h2 class=\"doc-id\">{path}</h2>")),
            "{n}"
        );
    }
    assert!(page.contains("<section class=\"doc failed\" id=\"d2\">"));
    assert!(page.contains("error (empty)"));
    // Anchors are per document.
    assert!(page.contains("id=\"d3-c1\""), "{page}");
    // A batch with nothing in it is still a page.
    let empty = stdout(&["--format", "html", "--input-format", "jsonl"], "");
    assert!(empty.starts_with("<!DOCTYPE html>") && empty.trim_end().ends_with("</html>"));
}

#[test]
fn html_input_is_shown_as_its_extracted_text() {
    let dir = tempfile::TempDir::new().unwrap();
    let page = write(
        &dir,
        "p.html",
        b"<!DOCTYPE html><title>T</title><nav>Menu</nav><article><h1>Talks &amp; Tea</h1><p>Anna Berg met Tom Reyes in Z&uuml;rich.</p></article>",
    );
    let doc: Value =
        serde_json::from_slice(&newslens(&["-q", &page]).output().unwrap().stdout).unwrap();
    let html = String::from_utf8(
        newslens(&["-q", "--format", "html", &page])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(
        well_formed_text(article(&html)),
        doc["text"].as_str().unwrap()
    );
    assert!(!html.contains("Menu"));
    assert_eq!(marked_mentions(article(&html)), json_mentions(&doc));
}

/// The page and the report of `text`, made by the library as the command line makes them.
fn views_of(text: &str, width: usize) -> (String, String, Value) {
    let analysis = analyze(text, &Sections::all());
    let wire = output::document(Some("p"), &analysis, &Sections::all(), &[], false);
    let json = serde_json::to_value(&wire).unwrap();
    let options = TextOptions {
        color: false,
        width: Some(width),
    };
    let report = view::text::document(&wire, Some("p"), &options);
    (view::html::page(&wire, text), report, json)
}

fn check_views(text: &str, width: usize) {
    let (page, report, json) = views_of(text, width);
    let article = article(&page);
    assert_eq!(well_formed_text(article), text);
    assert_eq!(marked_mentions(article), json_mentions(&json));
    well_formed_text(&page);
    for line in report.lines() {
        assert!(view::text::display_width(line) <= width.max(20), "{line:?}");
    }
}

proptest! {
    #[test]
    fn views_of_news_like_text_nest_and_wrap(text in newsy_text(), width in 1usize..120) {
        check_views(&text, width);
    }

    #[test]
    fn views_of_any_text_nest_and_wrap(text in any::<String>(), width in 1usize..120) {
        check_views(&text, width);
    }
}

#[test]
fn completions_and_the_manual_offer_the_new_flags() {
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout(&["completions", shell], "");
        for word in ["format", "color", "width", "html", "always"] {
            assert!(script.contains(word), "{shell}: no {word}");
        }
    }
    let page = stdout(&["man"], "").replace("\\-", "-");
    for flag in ["--format", "--color", "--width", "NO_COLOR"] {
        assert!(page.contains(flag), "man: no {flag}");
    }
}
