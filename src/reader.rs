//! Turning inputs into document text: decoding bytes, walking directories, parsing JSON Lines
//! records. Every failure is a [`ReadError`] with a kind the output names.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Why an input could not become a document.
#[derive(Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The path could not be opened or read.
    Unreadable(String),
    /// Not UTF-8: the byte offset of the first bad byte.
    InvalidUtf8 {
        offset: usize,
        hint: Option<&'static str>,
    },
    /// A NUL byte (or NUL character) at this byte offset: binary data, not text.
    Binary { offset: usize },
    /// Nothing but whitespace.
    Empty,
    /// A JSON Lines record that is not a JSON object with a string text field.
    BadRecord(String),
    /// A directory holding no file of the kind the walk reads (the extensions it looked for).
    NoDocuments(&'static str),
    /// Compressed data (the format's name): to be decompressed before it is read.
    Compressed(&'static str),
    /// A document longer than `--max-bytes`: its size in bytes when known, and the limit.
    TooLarge { size: Option<u64>, limit: u64 },
    /// A fault inside newslens (a panic or an inconsistent span caught before printing).
    Internal(String),
}

impl ReadError {
    /// Every name [`ReadError::kind`] gives, for the output's JSON Schema; a test checks that
    /// each variant's name is listed.
    pub const KINDS: [&'static str; 9] = [
        "unreadable",
        "invalid_utf8",
        "binary",
        "empty",
        "bad_record",
        "no_documents",
        "compressed",
        "too_large",
        "internal_error",
    ];

    /// The stable name printed as `error.kind`.
    pub fn kind(&self) -> &'static str {
        match self {
            ReadError::Unreadable(_) => "unreadable",
            ReadError::InvalidUtf8 { .. } => "invalid_utf8",
            ReadError::Binary { .. } => "binary",
            ReadError::Empty => "empty",
            ReadError::BadRecord(_) => "bad_record",
            ReadError::NoDocuments(_) => "no_documents",
            ReadError::Compressed(_) => "compressed",
            ReadError::TooLarge { .. } => "too_large",
            ReadError::Internal(_) => "internal_error",
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Unreadable(why) => write!(f, "cannot read: {why}"),
            ReadError::InvalidUtf8 { offset, hint } => {
                write!(f, "invalid UTF-8 at byte {offset}")?;
                if let Some(hint) = hint {
                    write!(f, " ({hint})")?;
                }
                write!(f, "; use --lossy to replace invalid bytes with U+FFFD")
            }
            ReadError::Binary { offset } => {
                write!(f, "binary data (NUL byte at byte {offset}), not text")
            }
            ReadError::Empty => write!(f, "empty input: no text to analyse"),
            ReadError::BadRecord(why) => write!(f, "malformed JSON Lines record: {why}"),
            ReadError::NoDocuments(wanted) => write!(f, "no {wanted} files in this directory"),
            ReadError::Compressed(format) => write!(
                f,
                "{format}-compressed data, not text; decompress it first (e.g. zcat FILE | newslens)"
            ),
            ReadError::TooLarge { size, limit } => {
                match size {
                    Some(size) => write!(f, "document of {size} bytes")?,
                    None => write!(f, "document")?,
                }
                write!(
                    f,
                    " is over the --max-bytes limit of {limit} bytes; raise the limit to analyse it"
                )
            }
            ReadError::Internal(why) => write!(
                f,
                "internal error in newslens ({why}); the document was skipped, please report it"
            ),
        }
    }
}

impl std::error::Error for ReadError {}

/// Text ready for analysis, with what had to be worked around to get it.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

/// The warning for a text opening with a byte-order mark (which an HTML page drops).
pub const BOM_WARNING: &str =
    "byte-order mark at the start: kept in the text, so offsets count it as code point 0";

/// Decodes raw bytes as UTF-8 text. With `lossy`, invalid sequences become U+FFFD (as Python's
/// `bytes.decode("utf-8", "replace")` does) and a warning says how many; without it they are an
/// error. A leading byte-order mark is kept, so offsets count it, and a warning says so.
pub fn decode(bytes: Vec<u8>, lossy: bool) -> Result<Decoded, ReadError> {
    if let Some(format) = crate::sniff::compression(&bytes) {
        return Err(ReadError::Compressed(format));
    }
    if let Some(hint) = crate::sniff::wide_encoding(&bytes) {
        let offset = bytes.iter().position(|&b| b == 0 || b >= 0x80).unwrap_or(0);
        return Err(ReadError::InvalidUtf8 {
            offset,
            hint: Some(hint),
        });
    }
    let mut decoded = decode_utf8(bytes, lossy)?;
    check_text(&decoded.text)?;
    if decoded.text.starts_with('\u{FEFF}') {
        decoded.warnings.push(BOM_WARNING.to_string());
    }
    Ok(decoded)
}

/// The UTF-8 step of [`decode`], shared with JSON Lines input: NUL bytes are binary data,
/// invalid sequences an error or (with `lossy`) replaced with a warning.
pub fn decode_utf8(bytes: Vec<u8>, lossy: bool) -> Result<Decoded, ReadError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(ReadError::Binary { offset });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            warnings: Vec::new(),
        }),
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            if !lossy {
                return Err(ReadError::InvalidUtf8 { offset, hint: None });
            }
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let replaced = text.chars().filter(|&c| c == '\u{FFFD}').count()
                - count_replacement_chars_in_valid_parts(&bytes);
            let warning = format!(
                "invalid UTF-8 from byte {offset}: {replaced} invalid sequence(s) replaced with U+FFFD (--lossy); offsets count each replacement as one code point"
            );
            Ok(Decoded {
                text,
                warnings: vec![warning],
            })
        }
    }
}

/// U+FFFD characters that were already in the input (encoded as EF BF BD) rather than
/// produced by lossy decoding.
fn count_replacement_chars_in_valid_parts(bytes: &[u8]) -> usize {
    bytes
        .windows(3)
        .filter(|w| w == &[0xEF, 0xBF, 0xBD])
        .count()
}

/// The checks every text goes through, whatever it came from.
pub fn check_text(text: &str) -> Result<(), ReadError> {
    if let Some(offset) = text.find('\0') {
        return Err(ReadError::Binary { offset });
    }
    if text.chars().all(crate::segment::is_space) {
        return Err(ReadError::Empty);
    }
    Ok(())
}

/// Reads and decodes one file.
pub fn read_file(path: &Path, lossy: bool) -> Result<Decoded, ReadError> {
    let bytes = fs::read(path).map_err(|e| ReadError::Unreadable(io_reason(&e)))?;
    decode(bytes, lossy)
}

/// A short, stable reason for an I/O error (without the "(os error N)" suffix).
pub fn io_reason(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "is a directory".to_string(),
        _ => {
            let text = err.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_string(),
                None => text,
            }
        }
    }
}

/// How inputs are framed: the command line's `--input-format`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Each file or stdin is one article in plain text; HTML pages among them are converted
    /// (see [`is_html_path`] and [`crate::sniff::is_html_page`]).
    #[default]
    Text,
    /// Each line is a JSON object record holding one article.
    Jsonl,
    /// Each file or stdin is one HTML page, converted to text ([`crate::html::to_text`]).
    Html,
}

const TEXT_EXTENSIONS: &[&str] = &["txt", "text"];
const JSONL_EXTENSIONS: &[&str] = &["jsonl", "ndjson"];
const HTML_EXTENSIONS: &[&str] = &["html", "htm"];

fn has_extension(path: &Path, wanted: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| wanted.iter().any(|w| e.eq_ignore_ascii_case(w)))
}

/// File names a directory walk picks up: text articles, JSON Lines files, or HTML pages, by
/// the input format.
pub fn is_wanted_file(path: &Path, format: Format) -> bool {
    has_extension(
        path,
        match format {
            Format::Text => TEXT_EXTENSIONS,
            Format::Jsonl => JSONL_EXTENSIONS,
            Format::Html => HTML_EXTENSIONS,
        },
    )
}

/// A file named as an HTML page (`.html`, `.htm`, in any case): converted to text even under
/// `--input-format text`.
pub fn is_html_path(path: &Path) -> bool {
    has_extension(path, HTML_EXTENSIONS)
}

/// The error for a directory in which [`walk_dir`] found nothing to read.
pub fn no_documents(format: Format) -> ReadError {
    ReadError::NoDocuments(match format {
        Format::Text => ".txt or .text",
        Format::Jsonl => ".jsonl or .ndjson",
        Format::Html => ".html or .htm",
    })
}

/// The files under `dir` that [`is_wanted_file`] accepts, sorted by path, skipping hidden files
/// and folders (names starting with "."). Symbolic links to folders are not followed, so a
/// link cycle cannot trap the walk. Folders that cannot be read are returned as errors in place.
pub fn walk_dir(dir: &Path, format: Format) -> Vec<Result<PathBuf, (PathBuf, ReadError)>> {
    let mut out = Vec::new();
    let mut entries = match fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect::<Vec<_>>(),
        Err(e) => {
            return vec![Err((
                dir.to_path_buf(),
                ReadError::Unreadable(io_reason(&e)),
            ))];
        }
    };
    entries.sort();
    for path in entries {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        let Ok(meta) = fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            out.extend(walk_dir(&path, format));
        } else if is_wanted_file(&path, format) && (meta.is_file() || path.is_file()) {
            out.push(Ok(path));
        }
    }
    out
}

/// Which fields of a JSON Lines record hold the id and the text.
#[derive(Clone, Debug)]
pub struct RecordFields {
    pub id: String,
    pub text: String,
}

impl Default for RecordFields {
    fn default() -> Self {
        RecordFields {
            id: "id".to_string(),
            text: "text".to_string(),
        }
    }
}

/// One parsed JSON Lines record. `id` is `None` when the record has no id field (or a null
/// one); a numeric id is kept exactly as written in the record ("007", "-0", "1e3",
/// "123456789012345678901234567890").
#[derive(Debug, PartialEq, Eq)]
pub struct Record {
    pub id: Option<String>,
    pub text: String,
}

/// Parses one JSON Lines record. On failure returns the id, if one could be read, with the error.
///
/// The record is read as a stream of fields: only the id and text fields are decoded, every
/// other field is skipped without building it (serde_json skips without recursion), so fields
/// nested to any depth cost no stack and do not make the record fail.
pub fn parse_record(
    line: &str,
    fields: &RecordFields,
) -> Result<Record, (Option<String>, ReadError)> {
    let bad = |id: Option<String>, why: String| (id, ReadError::BadRecord(why));
    if !line.trim_start().starts_with('{') {
        return Err(bad(None, "not a JSON object".to_string()));
    }
    let mut found = Fields::default();
    let mut de = serde_json::Deserializer::from_str(line);
    let parsed = serde::de::DeserializeSeed::deserialize(
        FieldsSeed {
            names: fields,
            found: &mut found,
        },
        &mut de,
    )
    .and_then(|()| de.end());
    let id = match found.id.take() {
        Some(Ok(id)) => id,
        Some(Err(why)) => return Err(bad(None, why)),
        None => None,
    };
    if let Err(e) = parsed {
        return Err(bad(id, format!("not valid JSON ({e})")));
    }
    let text = match found.text {
        Some(Ok(text)) => text,
        Some(Err(why)) => return Err(bad(id, why)),
        None => return Err(bad(id, format!("no \"{}\" field", fields.text))),
    };
    if let Err(e) = check_text(&text) {
        return Err((id, e));
    }
    Ok(Record { id, text })
}

/// What [`parse_record`] has read so far; kept outside the deserializer so that the id read
/// before a syntax error later in the line is not lost.
#[derive(Default)]
struct Fields {
    id: Option<Result<Option<String>, String>>,
    text: Option<Result<String, String>>,
}

struct FieldsSeed<'a> {
    names: &'a RecordFields,
    found: &'a mut Fields,
}

impl<'de> serde::de::DeserializeSeed<'de> for FieldsSeed<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for FieldsSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        use serde_json::value::RawValue;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == self.names.text.as_str() {
                let raw: &'de RawValue = map.next_value()?;
                self.found.text = Some(text_value(raw, &self.names.text));
            } else if key == self.names.id.as_str() {
                let raw: &'de RawValue = map.next_value()?;
                self.found.id = Some(id_value(raw, &self.names.id));
            } else {
                map.next_value::<serde::de::IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

fn text_value(raw: &serde_json::value::RawValue, name: &str) -> Result<String, String> {
    let json = raw.get();
    if !json.starts_with('"') {
        return Err(format!("field \"{name}\" must be a string"));
    }
    serde_json::from_str(json).map_err(|e| format!("field \"{name}\": {e}"))
}

fn id_value(raw: &serde_json::value::RawValue, name: &str) -> Result<Option<String>, String> {
    let json = raw.get();
    match json.as_bytes()[0] {
        b'"' => serde_json::from_str(json)
            .map(Some)
            .map_err(|e| format!("field \"{name}\": {e}")),
        b'-' | b'0'..=b'9' => Ok(Some(json.to_string())),
        b'n' => Ok(None),
        _ => Err(format!("field \"{name}\" must be a string or a number")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_kind_is_listed_for_the_schema() {
        let errors = [
            ReadError::Unreadable(String::new()),
            ReadError::InvalidUtf8 {
                offset: 0,
                hint: None,
            },
            ReadError::Binary { offset: 0 },
            ReadError::Empty,
            ReadError::BadRecord(String::new()),
            ReadError::NoDocuments(""),
            ReadError::Compressed(""),
            ReadError::TooLarge {
                size: None,
                limit: 0,
            },
            ReadError::Internal(String::new()),
        ];
        let kinds: Vec<&str> = errors.iter().map(ReadError::kind).collect();
        assert_eq!(kinds, ReadError::KINDS);
    }

    #[test]
    fn decode_cases() {
        assert_eq!(decode(b"Hello.".to_vec(), false).unwrap().text, "Hello.");
        assert_eq!(
            decode(b"ab\0cd".to_vec(), false),
            Err(ReadError::Binary { offset: 2 })
        );
        assert_eq!(decode(b" \n\t ".to_vec(), false), Err(ReadError::Empty));
        assert_eq!(decode(Vec::new(), false), Err(ReadError::Empty));
        assert_eq!(
            decode(b"caf\xE9 ok".to_vec(), false),
            Err(ReadError::InvalidUtf8 {
                offset: 3,
                hint: None
            })
        );
        let lossy = decode(b"caf\xE9 ok \xEF\xBF\xBD".to_vec(), true).unwrap();
        assert_eq!(lossy.text, "caf\u{FFFD} ok \u{FFFD}");
        assert!(
            lossy.warnings[0].contains("1 invalid sequence(s)"),
            "{:?}",
            lossy.warnings
        );
        let bom = decode("\u{FEFF}Text.".as_bytes().to_vec(), false).unwrap();
        assert_eq!(bom.text, "\u{FEFF}Text.");
        assert!(bom.warnings[0].contains("byte-order mark"));
    }

    #[test]
    fn utf16_gets_a_hint() {
        let err = decode(vec![0xFF, 0xFE, b'H', 0x01], false).unwrap_err();
        assert!(err.to_string().contains("UTF-16"), "{err}");
    }

    #[test]
    fn record_ids_are_kept_as_written() {
        let f = RecordFields::default();
        let id = |line: &str| parse_record(line, &f).unwrap().id;
        assert_eq!(
            id(r#"{"id": 123456789012345678901234567890, "text": "Hi."}"#).as_deref(),
            Some("123456789012345678901234567890")
        );
        assert_eq!(id(r#"{"id": -0, "text": "Hi."}"#).as_deref(), Some("-0"));
        assert_eq!(
            id(r#"{"id": 1.50, "text": "Hi."}"#).as_deref(),
            Some("1.50")
        );
        assert_eq!(
            id(r#"{"id": "caf\u00e9", "text": "Hi."}"#).as_deref(),
            Some("café")
        );
        assert_eq!(id(r#"{"id": null, "text": "Hi."}"#), None);
        let (id, err) = parse_record(r#"{"id": [1], "text": "Hi."}"#, &f).unwrap_err();
        assert_eq!(id, None);
        assert!(err.to_string().contains("string or a number"), "{err}");
    }

    #[test]
    fn deeply_nested_other_fields_do_not_fail_a_record() {
        let f = RecordFields::default();
        for depth in [127, 128, 10_000] {
            let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            let line = format!(r#"{{"id": "deep", "meta": {nested}, "text": "Hi."}}"#);
            let record = parse_record(&line, &f).unwrap_or_else(|e| panic!("{depth}: {e:?}"));
            assert_eq!(record.id.as_deref(), Some("deep"));
        }
    }

    #[test]
    fn a_record_broken_after_its_id_keeps_the_id() {
        let f = RecordFields::default();
        let (id, err) = parse_record(r#"{"id": "k9", "text": "Hi." "#, &f).unwrap_err();
        assert_eq!((id.as_deref(), err.kind()), (Some("k9"), "bad_record"));
        let (id, err) = parse_record(r#"{"id": "k9", "text": 5}"#, &f).unwrap_err();
        assert_eq!(id.as_deref(), Some("k9"));
        assert!(err.to_string().contains("must be a string"), "{err}");
        let (_, err) = parse_record(r#"{"text": "Hi."} trailing"#, &f).unwrap_err();
        assert_eq!(err.kind(), "bad_record");
    }

    #[test]
    fn compressed_and_utf16_inputs_say_what_they_are() {
        let err = decode(vec![0x1F, 0x8B, 8, 0, 0, 0], true).unwrap_err();
        assert_eq!(err.kind(), "compressed");
        assert!(err.to_string().contains("gzip"), "{err}");
        let utf16: Vec<u8> = "\u{FEFF}A plain sentence."
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let err = decode(utf16, false).unwrap_err();
        assert_eq!(err.kind(), "invalid_utf8");
        assert!(err.to_string().contains("UTF-16"), "{err}");
    }

    #[test]
    fn records() {
        let f = RecordFields::default();
        assert_eq!(
            parse_record(r#"{"id": "a", "text": "Hi."}"#, &f),
            Ok(Record {
                id: Some("a".into()),
                text: "Hi.".into()
            })
        );
        assert_eq!(
            parse_record(r#"{"id": 7, "text": "Hi."}"#, &f)
                .unwrap()
                .id
                .as_deref(),
            Some("7")
        );
        assert_eq!(parse_record(r#"{"text": "Hi."}"#, &f).unwrap().id, None);
        let (id, err) = parse_record(r#"{"id": "b", "body": "Hi."}"#, &f).unwrap_err();
        assert_eq!((id.as_deref(), err.kind()), (Some("b"), "bad_record"));
        assert_eq!(
            parse_record("[1, 2]", &f).unwrap_err().1.kind(),
            "bad_record"
        );
        assert_eq!(
            parse_record("{not json", &f).unwrap_err().1.kind(),
            "bad_record"
        );
        assert_eq!(
            parse_record(r#"{"id": "c", "text": "  "}"#, &f)
                .unwrap_err()
                .1,
            ReadError::Empty
        );
        let custom = RecordFields {
            id: "doc".into(),
            text: "body".into(),
        };
        assert_eq!(
            parse_record(r#"{"doc": "d", "body": "Hi."}"#, &custom)
                .unwrap()
                .id
                .as_deref(),
            Some("d")
        );
    }
}
