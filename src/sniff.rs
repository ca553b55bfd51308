//! Recognising input that is not plain English text: compressed files, UTF-16, HTML pages (to
//! convert, [`is_html_page`]) and markup left in a text, JSON Lines read as plain text, and text
//! that is not English. Each check looks at a bounded
//! prefix of the input (or makes one linear pass), so it costs next to nothing on real articles.

use std::sync::LazyLock;

use regex::Regex;

/// The compression format whose magic number opens `bytes`, if any.
pub fn compression(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (&[0x1F, 0x8B], "gzip"),
        (b"BZh", "bzip2"),
        (&[0xFD, b'7', b'z', b'X', b'Z', 0x00], "xz"),
        (&[0x28, 0xB5, 0x2F, 0xFD], "zstd"),
        (&[b'P', b'K', 0x03, 0x04], "zip"),
    ];
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|&(_, name)| name)
}

/// A hint when `bytes` look like UTF-16 or UTF-32: a byte-order mark, or (without one) NUL
/// bytes at every other position of the first 512 bytes, as ASCII text in UTF-16 has.
pub fn wide_encoding(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Some("looks like UTF-32 (byte-order mark); convert it to UTF-8 first");
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Some(
            "looks like UTF-16 (byte-order mark); convert it to UTF-8 first, e.g. iconv -f UTF-16 -t UTF-8",
        );
    }
    let head = &bytes[..bytes.len().min(512)];
    let nuls = |parity: usize| {
        head.iter()
            .enumerate()
            .filter(|&(i, &b)| i % 2 == parity && b == 0)
            .count()
    };
    let (even, odd) = (nuls(0), nuls(1));
    let pairs = head.len() / 2;
    let mostly_nul = |count: usize| pairs >= 4 && count * 10 >= pairs * 9;
    ((mostly_nul(even) && odd == 0) || (mostly_nul(odd) && even == 0)).then_some(
        "looks like UTF-16 without a byte-order mark; convert it to UTF-8 first, e.g. iconv -f UTF-16LE -t UTF-8",
    )
}

/// How much of a text the HTML check reads.
const SAMPLE_BYTES: usize = 20_000;
/// How much of a text the language check reads: a few paragraphs tell.
const LANGUAGE_SAMPLE_BYTES: usize = 4_000;

/// Warnings about a text that was decoded but is probably not an English article: HTML markup,
/// another language, or (when `text_mode`, i.e. not already read as a JSON Lines record) a JSON
/// Lines file read as one plain text. Each warning opens with a stable phrase
/// ("HTML markup detected", "not English", "looks like JSON Lines") that the README lists.
pub fn warnings(text: &str, text_mode: bool) -> Vec<String> {
    let mut out = Vec::new();
    if text_mode && let Some(w) = json_lines_warning(text) {
        out.push(w);
    }
    if let Some(w) = html_warning(text, text_mode) {
        out.push(w);
    }
    if let Some(w) = language_warning(text) {
        out.push(w);
    }
    out
}

fn json_lines_warning(text: &str) -> Option<String> {
    let first = text.trim_start_matches(crate::segment::is_space);
    if !first.starts_with('{') {
        return None;
    }
    let line = first.split('\n').next().unwrap_or(first).trim_end();
    serde_json::from_str::<serde::de::IgnoredAny>(line).ok()?;
    Some(
        "looks like JSON Lines (the first line is a JSON object) but was read as one plain text: use --input-format jsonl to read one record per line"
            .to_string(),
    )
}

/// Whether `text` is a whole HTML page: after an optional byte-order mark, whitespace, an XML
/// declaration and comments, it opens with `<!DOCTYPE html` or `<html` (in any case). Stricter
/// than the markup warning on purpose: an article that mentions a tag ("the `<b>` tag") or
/// quotes a snippet of HTML is never read as a page; only one that starts as a page does.
pub fn is_html_page(text: &str) -> bool {
    let mut rest = prefix(text, SAMPLE_BYTES).trim_start_matches(crate::segment::is_space);
    loop {
        let skipped = if let Some(declaration) = rest.strip_prefix("<?xml") {
            declaration.split_once("?>").map(|(_, after)| after)
        } else if let Some(comment) = rest.strip_prefix("<!--") {
            comment.split_once("-->").map(|(_, after)| after)
        } else {
            break;
        };
        match skipped {
            Some(after) => rest = after.trim_start_matches(crate::segment::is_space),
            None => return false,
        }
    }
    let opens = |word: &str| {
        rest.get(..word.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(word))
            && rest[word.len()..]
                .chars()
                .next()
                .is_some_and(|c| c == '>' || c.is_ascii_whitespace())
    };
    opens("<!doctype html") || opens("<html")
}

/// Tags of HTML elements that article pages are made of.
static HTML_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)<(?:!doctype\s+html|/?(?:html|head|body|div|span|p|a|br|hr|img|meta|link|script|style|table|tr|td|th|ul|ol|li|h[1-6]|strong|em|b|i|iframe|form|input|nav|header|footer|section|article|aside|main|figure|noscript|title)\b[^<>]{0,300}>)",
    )
    .expect("the HTML tag pattern compiles")
});

/// The markup warning, with the way out that applies: a file or stdin can be read as HTML, a
/// JSON Lines record only when it opens as a whole page.
fn html_warning(text: &str, text_mode: bool) -> Option<String> {
    let sample = prefix(text, SAMPLE_BYTES);
    if !sample.contains('<') {
        return None;
    }
    let mut tags = HTML_TAG.find_iter(sample);
    let first = tags.next()?;
    let count = 1 + tags.take(999).count();
    let page = first.as_str().to_ascii_lowercase();
    let whole_page = page.starts_with("<!doctype") || page.starts_with("<html");
    (count >= 3 || whole_page).then(|| {
        format!(
            "HTML markup detected ({count}{} tags such as {}): the text was analysed as is, markup included; {}",
            if count >= 1000 { "+" } else { "" },
            prefix(first.as_str(), 40),
            if text_mode {
                "use --input-format html to analyse the page's text"
            } else {
                "convert it to plain text first (a record is read as HTML only when it opens with <!DOCTYPE html> or <html>)"
            },
        )
    })
}

/// The commonest English function words: in English news they are about half of the words
/// written in lower case, in other languages written in Latin script a few percent ("a",
/// "in", "die" and "will" are shared).
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "been", "but",
    "by", "can", "could", "for", "from", "had", "has", "have", "he", "her", "his", "i", "if", "in",
    "into", "is", "it", "its", "more", "not", "of", "on", "one", "or", "our", "said", "she", "so",
    "than", "that", "the", "their", "them", "there", "they", "this", "to", "up", "was", "we",
    "were", "what", "when", "which", "who", "will", "with", "would", "you",
];

/// Fewer function words than this share of the lower-case words means the text is not
/// English prose.
const MIN_FUNCTION_SHARE: f64 = 0.15;
/// Texts with fewer letters than this are never flagged: too short to tell.
const MIN_LETTERS: usize = 100;
/// Latin-script texts with fewer lower-case words than this are never flagged.
const MIN_WORDS: usize = 20;

/// The `not English` warning alone, for a text that the other checks do not apply to (the
/// text extracted from an HTML page).
pub fn language_warning(text: &str) -> Option<String> {
    let sample = prefix(text, LANGUAGE_SAMPLE_BYTES);
    let mut letters = 0usize;
    let mut latin = 0usize;
    // Lower-case words: runs of letters and apostrophes whose first character is lower case.
    // Only words in lower case count: names, headlines and tables of results (capitals and
    // numbers) say nothing about the language of the prose.
    let (mut words, mut function) = (0usize, 0usize);
    let mut count_word = |word: &str| {
        if word.starts_with(char::is_lowercase) {
            words += 1;
            // No function word is longer than 5 bytes: most words need no search.
            function +=
                usize::from(word.len() <= 5 && ENGLISH_FUNCTION_WORDS.binary_search(&word).is_ok());
        }
    };
    // One pass, byte by byte, decoding only the characters beyond ASCII (every ASCII letter
    // is Latin).
    let bytes = sample.as_bytes();
    let mut word_start: Option<usize> = None;
    let mut k = 0;
    while k < bytes.len() {
        let b = bytes[k];
        let (letter, width) = if b.is_ascii() {
            let letter = b.is_ascii_alphabetic();
            latin += usize::from(letter);
            (letter, 1)
        } else {
            let c = sample[k..]
                .chars()
                .next()
                .expect("a character at a boundary");
            let letter = c.is_alphabetic();
            latin += usize::from(letter && c < '\u{0250}');
            (letter, c.len_utf8())
        };
        letters += usize::from(letter);
        if letter || b == b'\'' {
            word_start.get_or_insert(k);
        } else if let Some(start) = word_start.take() {
            count_word(&sample[start..k]);
        }
        k += width;
    }
    if let Some(start) = word_start {
        count_word(&sample[start..]);
    }
    if letters < MIN_LETTERS {
        return None;
    }
    let other_script = latin * 2 < letters;
    if !other_script {
        let lower_words = || {
            sample
                .split(|c: char| !c.is_alphabetic() && c != '\'')
                .filter(|w| w.starts_with(char::is_lowercase))
        };
        if words < MIN_WORDS || function as f64 >= MIN_FUNCTION_SHARE * words as f64 {
            return None;
        }
        // Few function words but English vocabulary: a table of results, a list, notes.
        // Short words are left out: the list of common English words has "die", "und",
        // "des" and "qui", from names and quotations in English text.
        let lists = &crate::extract::entities::lists::LISTS;
        let long_words = || lower_words().filter(|w| w.chars().nth(3).is_some());
        let english = long_words()
            .filter(|w| lists.common_rank(w).is_some())
            .count();
        if english * 2 >= long_words().count() {
            return None;
        }
    }
    let info = whatlang::detect(sample);
    let named = info
        .filter(|info| info.lang() != whatlang::Lang::Eng)
        .map(|info| format!("{} ({})", info.lang().eng_name(), info.lang().code()));
    let what = match (named, other_script) {
        (Some(name), _) => format!("looks like {name}"),
        (None, true) => "is mostly in a non-Latin script".to_string(),
        (None, false) => return None,
    };
    Some(format!(
        "not English: the text {what}; newslens reads English only, so its findings here are unreliable"
    ))
}

/// At most `max` bytes from the start of `text`, cut at a char boundary.
fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_sorted_for_binary_search() {
        assert!(ENGLISH_FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(ENGLISH_FUNCTION_WORDS.iter().all(|w| w.len() <= 5));
    }

    #[test]
    fn compressed_and_wide_inputs_are_named() {
        assert_eq!(compression(&[0x1F, 0x8B, 8, 0]), Some("gzip"));
        assert_eq!(compression(b"BZh91AY"), Some("bzip2"));
        assert_eq!(compression(b"Plain text."), None);
        let utf16le: Vec<u8> = "\u{FEFF}Hello there."
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(wide_encoding(&utf16le).unwrap().contains("UTF-16"));
        let no_bom: Vec<u8> = "Hello there, world."
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(wide_encoding(&no_bom).unwrap().contains("without"));
        assert_eq!(wide_encoding(b"Hello there, world."), None);
        // One stray NUL is binary data, not UTF-16.
        assert_eq!(wide_encoding(b"Hello\0there, world."), None);
    }

    const ENGLISH: &str = "The council said on Monday that it would open two new libraries in the \
        north of the city next year, after a long campaign by parents and teachers who had \
        asked for more places where children could read and study after school.";

    #[test]
    fn english_prose_gets_no_warning() {
        assert!(warnings(ENGLISH, true).is_empty());
        // A short line in another language is too short to judge.
        assert!(warnings("Nous allons gagner.", true).is_empty());
    }

    #[test]
    fn other_languages_are_flagged() {
        let french = "Le gouvernement a annoncé mardi une nouvelle réforme des retraites, \
            qui doit entrer en vigueur au début de l'année prochaine selon le ministre. Les \
            syndicats ont appelé à une grève nationale pour protester contre ce projet.";
        let w = warnings(french, true);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].starts_with("not English") && w[0].contains("French"),
            "{w:?}"
        );
        let german = "Die Regierung will die Steuern im nächsten Jahr senken, sagte der \
            Minister am Dienstag in Berlin. Die Opposition kritisierte den Plan als zu teuer \
            und forderte mehr Geld für Schulen und Krankenhäuser im ganzen Land.";
        assert!(warnings(german, true)[0].contains("German"));
    }

    #[test]
    fn html_pages_are_flagged() {
        let page = format!("<!DOCTYPE html><html><body><p>{ENGLISH}</p></body></html>");
        let w = warnings(&page, true);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].starts_with("HTML markup detected (7 tags"), "{w:?}");
        // Angle brackets in prose are not markup.
        assert!(warnings("Shares rose 3% <b> and the index a <i> notch.", true).is_empty());
    }

    #[test]
    fn only_whole_pages_are_html_pages() {
        for (text, page) in [
            ("<!DOCTYPE html><p>x</p>", true),
            ("\u{FEFF}  \n<!doctype HTML>", true),
            ("<html lang=\"en\"><body>", true),
            ("<HTML>", true),
            (
                "<?xml version=\"1.0\"?>\n<!-- saved -->\n<!DOCTYPE html>",
                true,
            ),
            ("<!-- a comment --><html>", true),
            ("<!-- never closed <html>", false),
            ("<htmlx>", false),
            ("<!DOCTYPE htmlx>", false),
            ("<p>A fragment.</p>", false),
            ("The <html> tag opens a page.", false),
            ("Shares rose 3% <b> and the index a <i> notch.", false),
            ("", false),
            ("<", false),
        ] {
            assert_eq!(is_html_page(text), page, "{text:?}");
        }
    }

    #[test]
    fn json_lines_read_as_text_are_flagged_in_text_mode_only() {
        let jsonl =
            "{\"id\": 1, \"text\": \"A short item.\"}\n{\"id\": 2, \"text\": \"Another.\"}\n";
        assert!(warnings(jsonl, true)[0].starts_with("looks like JSON Lines"));
        assert!(warnings(jsonl, false).is_empty());
        assert!(warnings("{Braces} open this line.", true).is_empty());
    }
}
