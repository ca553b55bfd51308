//! HTML input: pages on stdin, `.html` files, `--input-format html`, JSON Lines records holding
//! pages; the `text` field and its offsets; the warning.

use serde_json::Value;
use tempfile::TempDir;

use crate::util::{
    char_slice, check_spans, ids, json_lines, kinds, newslens, stdout_json, stdout_ok, write,
};

/// A page as a news site writes it: furniture around one article, references, a script. The
/// README shows its output.
const PAGE: &str = include_str!("../examples/story.html");

/// The text a reader sees in [`PAGE`], written out by hand.
const PAGE_TEXT: &str = "Talks Resume in Geneva\n\n\
The foreign ministers of France and Germany met in Geneva on Monday, officials said.\n\n\
“We will meet again in Zürich,” said Anna Berg, who chaired the talks & the dinner.";

fn warnings(doc: &Value) -> Vec<&str> {
    doc["warnings"]
        .as_array()
        .expect("warnings is a list")
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect()
}

/// The document without what differs between a page and its text: `id`, `warnings`, `text`.
fn findings(doc: &Value) -> Value {
    let mut doc = doc.clone();
    let object = doc.as_object_mut().unwrap();
    for key in ["id", "warnings", "text"] {
        object.remove(key);
    }
    doc
}

#[test]
fn a_page_on_stdin_gives_the_findings_of_its_plain_text() {
    let page = stdout_json(&[], PAGE);
    let plain = stdout_json(&[], PAGE_TEXT);
    assert_eq!(page["text"], PAGE_TEXT);
    assert_eq!(page["title"], "Talks Resume in Geneva");
    assert_eq!(findings(&page), findings(&plain));
    let names: Vec<&str> = page["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    for name in ["Geneva", "France", "Germany", "Anna Berg", "Zürich"] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    for furniture in ["Morning Ledger", "Lisbon", "Buy now", "Sport"] {
        assert!(
            !names.iter().any(|n| n.contains(furniture)),
            "{furniture} in {names:?}"
        );
    }
    let quote = page["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["kind"] == "direct")
        .expect("the direct quote is found");
    assert_eq!(quote["text"], "We will meet again in Zürich,");
    assert_eq!(quote["speaker"], "Anna Berg");
    // Plain text input has no `text` field: its output is what it always was.
    assert!(plain.get("text").is_none());
}

#[test]
fn offsets_point_into_the_text_field_in_code_points() {
    let doc = stdout_json(&[], PAGE);
    let text = doc["text"].as_str().unwrap();
    assert!(text.len() > text.chars().count(), "the text is not ASCII");
    assert!(check_spans(text, &doc) > 5);
    assert_eq!(doc["stats"]["chars"], text.chars().count());
    for entity in doc["entities"].as_array().unwrap() {
        let name = entity["name"].as_str().unwrap();
        for mention in entity["mentions"].as_array().unwrap() {
            let (start, end) = (
                mention["start"].as_u64().unwrap() as usize,
                mention["end"].as_u64().unwrap() as usize,
            );
            if mention["text"] == name {
                assert_eq!(char_slice(text, start, end), name);
            }
        }
    }
    let zurich = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Zürich")
        .expect("Zürich is found");
    let at = zurich["mentions"][0]["start"].as_u64().unwrap() as usize;
    assert_eq!(char_slice(text, at, at + 6), "Zürich");
}

#[test]
fn the_conversion_is_a_warning_on_stderr_unless_quiet() {
    let out = newslens(&["--compact"]).write_stdin(PAGE).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let doc = &json_lines(&out.stdout)[0];
    let chars = PAGE_TEXT.chars().count();
    assert_eq!(
        warnings(doc),
        [format!(
            "HTML converted to text: analysed the {chars} characters extracted from the page (its headline, then its main content); offsets point into the output's `text` field"
        )]
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("newslens: stdin: warning: HTML converted to text"),
        "{stderr}"
    );
    let quiet = newslens(&["--compact", "-q"])
        .write_stdin(PAGE)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&quiet.stderr), "");
    assert_eq!(warnings(&json_lines(&quiet.stdout)[0]).len(), 1);
    // A page's byte-order mark is not in the text, so there is no warning about it.
    let bom = stdout_json(&["-q"], &format!("\u{FEFF}{PAGE}"));
    assert_eq!(bom["text"], PAGE_TEXT);
    assert_eq!(warnings(&bom).len(), 1, "{:?}", warnings(&bom));
}

/// A fragment, not a whole page: only its file name or the flag says it is HTML.
const FRAGMENT: &str = "<h1>Talks Resume in Geneva</h1>\n<p>The foreign ministers of France \
    and Germany met in Geneva on Monday.</p>\n<p>Officials said the talks would continue.</p>\n";

#[test]
fn html_files_are_converted_by_their_extension_and_text_files_are_not() {
    let dir = TempDir::new().unwrap();
    for name in ["story.html", "story.HTM"] {
        let path = write(&dir, name, FRAGMENT.as_bytes());
        let doc = stdout_json(&["-q", &path], "");
        assert_eq!(doc["title"], "Talks Resume in Geneva", "{name}");
        assert!(
            doc["text"].as_str().unwrap().starts_with("Talks Resume"),
            "{name}"
        );
    }
    let txt = write(&dir, "story.txt", FRAGMENT.as_bytes());
    let doc = stdout_json(&["-q", &txt], "");
    assert!(doc.get("text").is_none());
    assert!(warnings(&doc)[0].starts_with("HTML markup detected"));
    // A whole page is one in any file, whatever its name.
    let page = write(&dir, "page.txt", PAGE.as_bytes());
    assert_eq!(stdout_json(&["-q", &page], "")["text"], PAGE_TEXT);
}

#[test]
fn input_format_html_converts_every_document() {
    let doc = stdout_json(&["-q", "--input-format", "html"], FRAGMENT);
    assert_eq!(doc["title"], "Talks Resume in Geneva");
    assert_eq!(
        doc["text"],
        "Talks Resume in Geneva\n\nThe foreign ministers of France and Germany met in Geneva \
         on Monday.\n\nOfficials said the talks would continue."
    );
    // Without the flag, a fragment on stdin is text with a warning.
    let doc = stdout_json(&["-q"], FRAGMENT);
    assert!(doc.get("text").is_none());
    assert!(warnings(&doc)[0].starts_with("HTML markup detected"));
    assert!(warnings(&doc)[0].ends_with("use --input-format html to analyse the page's text"));
    // A page with no text left is empty.
    let out = newslens(&["--compact", "--input-format", "html"])
        .write_stdin("<nav>Home</nav><script>x()</script>")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(kinds(&json_lines(&out.stdout)), ["empty"]);
}

#[test]
fn directories_are_walked_for_html_files_with_input_format_html() {
    let dir = TempDir::new().unwrap();
    write(&dir, "b.htm", FRAGMENT.as_bytes());
    write(&dir, "a/c.HTML", PAGE.as_bytes());
    write(&dir, "notes.txt", b"A text file.");
    let root = dir.path().display().to_string();
    let out = stdout_ok(&["-q", "--input-format", "html", &root]);
    let docs = json_lines(&out);
    let ids: Vec<&str> = ids(&docs);
    let expect: Vec<String> = ["a/c.HTML", "b.htm"]
        .iter()
        .map(|n| dir.path().join(n).display().to_string())
        .collect();
    assert_eq!(ids, expect);
    assert!(docs.iter().all(|d| d["text"].is_string()));
    // The default walk reads text files only.
    let out = newslens(&["-q", &root]).assert().success();
    let docs = json_lines(&out.get_output().stdout);
    assert_eq!(docs.len(), 1);
    assert!(docs[0]["id"].as_str().unwrap().ends_with("notes.txt"));
    // No HTML file at all.
    let empty = TempDir::new().unwrap();
    write(&empty, "a.txt", b"Text.");
    let out = newslens(&[
        "--input-format",
        "html",
        &empty.path().display().to_string(),
    ])
    .assert()
    .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("no .html or .htm files"), "{stderr}");
}

#[test]
fn json_lines_records_holding_pages_are_converted() {
    let record =
        |id: &str, text: &str| serde_json::json!({"id": id, "text": text}).to_string() + "\n";
    let input = record("page", PAGE) + &record("plain", PAGE_TEXT) + &record("frag", FRAGMENT);
    let out = newslens(&["-q", "--input-format", "jsonl"])
        .write_stdin(input)
        .assert()
        .success();
    let docs = json_lines(&out.get_output().stdout);
    assert_eq!(docs[0]["text"], PAGE_TEXT);
    assert_eq!(findings(&docs[0]), findings(&docs[1]));
    assert!(docs[1].get("text").is_none());
    assert!(docs[2].get("text").is_none(), "a fragment is text");
    assert!(warnings(&docs[2])[0].starts_with("HTML markup detected"));
    assert!(
        warnings(&docs[2])[0].ends_with("opens with <!DOCTYPE html> or <html>)"),
        "a record cannot be read with --input-format html: {:?}",
        warnings(&docs[2])
    );
}

#[test]
fn the_token_view_of_a_page_is_the_view_of_its_text() {
    let lines = |args: &[&str], input: &str| {
        let out = newslens(args).write_stdin(input).assert().success();
        json_lines(&out.get_output().stdout)
    };
    assert_eq!(
        lines(&["-q", "--tokens"], PAGE),
        lines(&["-q", "--tokens"], PAGE_TEXT)
    );
}

#[test]
fn garbage_pages_do_not_crash() {
    let deep = format!("{}<p>Deep text.</p>", "<div>".repeat(100_000));
    let inputs = [
        "<html><body><p>Text that stops in a tag <a href=\"x".to_string(),
        "<!DOCTYPE html><p>Shares rose.</p><!-- never closed".to_string(),
        "<html><script>while (a < b) { x = '</scr' + 'ipt>'; }".to_string(),
        "<html>&#0;&#xD800;&#x110000;&notanentity; &amp words</html>".to_string(),
        deep,
    ];
    for input in &inputs {
        let out = newslens(&["--compact", "-q", "--input-format", "html"])
            .write_stdin(input.as_str())
            .output()
            .unwrap();
        let code = out.status.code();
        assert!(code == Some(0) || code == Some(1), "{code:?}");
        for doc in json_lines(&out.stdout) {
            if let Some(text) = doc["text"].as_str() {
                check_spans(text, &doc);
            }
        }
    }
}
