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
}

impl ReadError {
    /// The stable name printed as `error.kind`.
    pub fn kind(&self) -> &'static str {
        match self {
            ReadError::Unreadable(_) => "unreadable",
            ReadError::InvalidUtf8 { .. } => "invalid_utf8",
            ReadError::Binary { .. } => "binary",
            ReadError::Empty => "empty",
            ReadError::BadRecord(_) => "bad_record",
            ReadError::NoDocuments(_) => "no_documents",
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

/// Decodes raw bytes as UTF-8 text. With `lossy`, invalid sequences become U+FFFD (as Python's
/// `bytes.decode("utf-8", "replace")` does) and a warning says how many; without it they are an
/// error. A leading byte-order mark is kept, so offsets count it, and a warning says so.
pub fn decode(bytes: Vec<u8>, lossy: bool) -> Result<Decoded, ReadError> {
    let mut decoded = decode_utf8(bytes, lossy)?;
    check_text(&decoded.text)?;
    if decoded.text.starts_with('\u{FEFF}') {
        decoded.warnings.push(
            "byte-order mark at the start: kept in the text, so offsets count it as code point 0"
                .to_string(),
        );
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
                let hint = (bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]))
                    .then_some("looks like UTF-16; convert it to UTF-8 first");
                return Err(ReadError::InvalidUtf8 { offset, hint });
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

const TEXT_EXTENSIONS: &[&str] = &["txt", "text"];
const JSONL_EXTENSIONS: &[&str] = &["jsonl", "ndjson"];

/// File names a directory walk picks up: text articles, or JSON Lines files in JSON Lines mode.
pub fn is_wanted_file(path: &Path, jsonl: bool) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let wanted = if jsonl {
        JSONL_EXTENSIONS
    } else {
        TEXT_EXTENSIONS
    };
    ext.is_some_and(|e| wanted.contains(&e.as_str()))
}

/// The error for a directory in which [`walk_dir`] found nothing to read.
pub fn no_documents(jsonl: bool) -> ReadError {
    ReadError::NoDocuments(if jsonl {
        ".jsonl or .ndjson"
    } else {
        ".txt or .text"
    })
}

/// The files under `dir` that [`is_wanted_file`] accepts, sorted by path, skipping hidden files
/// and folders (names starting with "."). Symbolic links to folders are not followed, so a
/// link cycle cannot trap the walk. Folders that cannot be read are returned as errors in place.
pub fn walk_dir(dir: &Path, jsonl: bool) -> Vec<Result<PathBuf, (PathBuf, ReadError)>> {
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
            out.extend(walk_dir(&path, jsonl));
        } else if is_wanted_file(&path, jsonl) && (meta.is_file() || path.is_file()) {
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

/// One parsed JSON Lines record. `id` is `None` when the record has no id field; a numeric id
/// is printed as its decimal string.
#[derive(Debug, PartialEq, Eq)]
pub struct Record {
    pub id: Option<String>,
    pub text: String,
}

/// Parses one JSON Lines record. On failure returns the id, if one could be read, with the error.
pub fn parse_record(
    line: &str,
    fields: &RecordFields,
) -> Result<Record, (Option<String>, ReadError)> {
    let value: serde_json::Value = serde_json::from_str(line)
        .map_err(|e| (None, ReadError::BadRecord(format!("not valid JSON ({e})"))))?;
    let serde_json::Value::Object(obj) = value else {
        return Err((None, ReadError::BadRecord("not a JSON object".to_string())));
    };
    let id = match obj.get(&fields.id) {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        Some(_) => {
            return Err((
                None,
                ReadError::BadRecord(format!(
                    "field \"{}\" must be a string or a number",
                    fields.id
                )),
            ));
        }
    };
    let text = match obj.get(&fields.text) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(_) => {
            return Err((
                id,
                ReadError::BadRecord(format!("field \"{}\" must be a string", fields.text)),
            ));
        }
        None => {
            return Err((
                id,
                ReadError::BadRecord(format!("no \"{}\" field", fields.text)),
            ));
        }
    };
    if let Err(e) = check_text(&text) {
        return Err((id, e));
    }
    Ok(Record { id, text })
}

#[cfg(test)]
mod tests {
    use super::*;

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
