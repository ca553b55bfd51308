//! User lexicons (`--lexicon FILE`): names the user types, merged with the built-in lists and
//! taking priority over them, as GATE gazetteers, spaCy's EntityRuler and CoreNLP's RegexNER
//! are used.
//!
//! # The file
//!
//! UTF-8 text, one entry a line, fields separated by a tab: `name<TAB>TYPE[<TAB>canonical
//! name]`, as in this example, where `\t` is a tab:
//!
//! ```
//! use std::sync::Arc;
//! use newslens::extract::entities::user_lexicon::LexiconBuilder;
//!
//! let mut builder = LexiconBuilder::default();
//! let file = "# Firms we follow\nQuillmark Labs\tORG\nQML\tORG\tQuillmark Labs\n";
//! builder.add("firms.tsv", file.as_bytes()).unwrap();
//! let options = newslens::EntityOptions {
//!     lexicon: Some(Arc::new(builder.build().unwrap())),
//!     ..Default::default()
//! };
//! let text = "QML hired forty engineers. Quillmark Labs said more would follow.";
//! let found = newslens::analyze_with(text, &newslens::Sections::all(), &options);
//! assert_eq!(found.entities[0].name, "Quillmark Labs");
//! assert_eq!(found.entities[0].aliases, ["QML"]);
//! ```
//!
//! - `TYPE` is one of the 18 OntoNotes labels of [`EntityType`] (`PERSON`, `ORG`, `GPE`, …),
//!   in any case.
//! - The optional canonical name groups mentions: every name listed with the same type and
//!   canonical name is one entity, and that entity's `name` is the canonical name. An empty
//!   third field is no canonical name (spreadsheets write trailing tabs).
//! - Spaces around a field are dropped and a run of spaces inside a name is one space. A line
//!   that is empty, only whitespace, or whose first non-blank character is `#` is skipped
//!   (so a name cannot begin with `#`); a byte-order mark opening the file and a `\r` ending a
//!   line are ignored.
//! - Anything else is an error naming the file and line ([`LexiconError`]): a line with no
//!   tab-separated type, an unknown type, an empty name, a name with no letter or digit, more
//!   than three fields, a line that is not UTF-8.
//! - The same name listed twice (in one file or in two) keeps its last entry: a later file
//!   overrides an earlier one, as a later setting does.
//!
//! # Matching
//!
//! Names match **exactly as written, case included** (the default of GATE's gazetteer and of
//! spaCy's PhraseMatcher): "Tessaly" does not match "TESSALY"; list both forms to find both.
//! A space in a name matches one space, tab or line break in the text (so a name wrapped over
//! two lines is found). A match never starts or ends inside a word: the characters on either
//! side of it are not letters, digits or combining marks ("Apple" does not match in
//! "Pineapple" nor "Brien" in "O'Brien"; it does in "Apple's" and "Apple-based").
//!
//! All names are found in one pass of an Aho–Corasick automaton over the text (linear in the
//! text, whatever the number of names). Of the matches that pass the word-boundary check, the
//! leftmost wins, then the longest, so "Quillmark Labs Europe" beats "Quillmark Labs" at the
//! same place, and a long name that fails the check ("Apple Pi" in "Apple Pie") does not hide a
//! shorter one that passes ("Apple").
//!
//! # Priority over the built-in finds
//!
//! A user match wins over every built-in mention it overlaps: those are dropped and the user's
//! span and type stand. A user name covering exactly a built-in mention retypes it (keeping the
//! person's titles, and the built-in grouping form when the user gives no canonical name and
//! the type is unchanged). So a one-word entry also cuts a longer built-in name that contains
//! it ("Jordan" listed as GPE takes "Jordan" out of "Michael Jordan"); list the longer names too
//! when that is not wanted. Mentions are then grouped as the built-in ones are ("Vale" joins
//! "Orrin Vale" when both are people), and by their canonical name.
//!
//! # Cost
//!
//! [`UserLexicon::load`] parses and compiles the files once; the lexicon is then shared
//! read-only by every thread (`Arc`). 100,000 names take 0.35 to 0.5 s of CPU to load, and
//! about 45 MB of memory at the peak of compiling them (figures in the README).

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, MatchKind};

use super::names::Found;
use super::{Entity, EntityType};
use crate::doc::{Document, Span};

/// Where an entry was read: the file as the user named it and its 1-based line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub file: Arc<str>,
    pub line: usize,
}

impl Source {
    /// The rule id of a mention found by this entry: `lexicon:FILE:LINE`.
    pub fn rule(&self) -> String {
        format!("lexicon:{}:{}", self.file, self.line)
    }
}

/// One name of a user lexicon.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// As matched: trimmed, inner runs of spaces made one space.
    pub name: String,
    pub label: EntityType,
    pub canonical: Option<Arc<str>>,
    pub source: Source,
}

/// A mention of a user lexicon's name in a document.
#[derive(Clone, Debug, PartialEq)]
pub struct UserMention {
    /// Byte offsets into the document's text.
    pub span: Span,
    /// Index into the document's sentences: the one the mention starts in.
    pub sentence: usize,
    pub label: EntityType,
    pub canonical: Option<Arc<str>>,
    /// The entry that matched (its file and line): what `--explain` prints as the rule `lexicon:FILE:LINE`.
    pub source: Source,
}

/// What is wrong with a lexicon file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    InvalidUtf8 { byte: usize },
    MissingType,
    UnknownType(String),
    EmptyName,
    NoWordCharacter,
    TooManyFields(usize),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const FORMAT: &str = "name<TAB>TYPE[<TAB>canonical name]";
        match self {
            Problem::InvalidUtf8 { byte } => {
                write!(f, "invalid UTF-8 at byte {byte} of the line")
            }
            Problem::MissingType => {
                write!(f, "no type: expected {FORMAT}, fields separated by tabs")
            }
            Problem::UnknownType(t) => {
                let all: Vec<&str> = EntityType::ALL.iter().map(|t| t.as_str()).collect();
                write!(f, "unknown type '{t}' (expected one of {})", all.join(", "))
            }
            Problem::EmptyName => write!(f, "empty name: expected {FORMAT}"),
            Problem::NoWordCharacter => write!(f, "the name has no letter or digit"),
            Problem::TooManyFields(n) => {
                write!(f, "{n} fields, at most 3: expected {FORMAT}")
            }
        }
    }
}

/// A lexicon that cannot be used: printed as `FILE: …` or `FILE:LINE: …`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LexiconError {
    Unreadable {
        file: String,
        reason: String,
    },
    Line {
        file: String,
        line: usize,
        problem: Problem,
    },
    /// The names are too many for one automaton (the `aho-corasick` crate's limits).
    TooLarge(String),
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LexiconError::Unreadable { file, reason } => {
                write!(f, "{file}: cannot read the lexicon: {reason}")
            }
            LexiconError::Line {
                file,
                line,
                problem,
            } => write!(f, "{file}:{line}: {problem}"),
            LexiconError::TooLarge(why) => write!(f, "cannot compile the lexicons: {why}"),
        }
    }
}

impl std::error::Error for LexiconError {}

/// Reads lexicon files one after the other; [`LexiconBuilder::build`] compiles them.
#[derive(Default)]
pub struct LexiconBuilder {
    entries: Vec<Entry>,
    /// Name -> index into `entries`, so that a later entry replaces an earlier one.
    by_name: HashMap<String, usize>,
    /// One allocation per distinct canonical name.
    canonicals: HashMap<String, Arc<str>>,
}

impl LexiconBuilder {
    /// Reads the file at `path`, named in messages as the user wrote it.
    pub fn add_file(&mut self, path: &Path) -> Result<(), LexiconError> {
        let file = path.display().to_string();
        let data = std::fs::read(path).map_err(|e| LexiconError::Unreadable {
            file: file.clone(),
            reason: crate::reader::io_reason(&e),
        })?;
        self.add(&file, &data)
    }

    /// Reads one lexicon held in memory; `file` names it in messages and rule ids.
    pub fn add(&mut self, file: &str, data: &[u8]) -> Result<(), LexiconError> {
        let file_name: Arc<str> = Arc::from(file);
        let data = data.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(data);
        for (i, raw) in data.split(|&b| b == b'\n').enumerate() {
            let line = i + 1;
            let error = |problem| LexiconError::Line {
                file: file.to_string(),
                line,
                problem,
            };
            let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
            let text = std::str::from_utf8(raw).map_err(|e| {
                error(Problem::InvalidUtf8 {
                    byte: e.valid_up_to() + 1,
                })
            })?;
            let Some((name, label, canonical)) = parse_line(text).map_err(error)? else {
                continue;
            };
            let canonical = canonical.map(|c| {
                Arc::clone(
                    self.canonicals
                        .entry(c.clone())
                        .or_insert_with(|| Arc::from(c)),
                )
            });
            let entry = Entry {
                name,
                label,
                canonical,
                source: Source {
                    file: Arc::clone(&file_name),
                    line,
                },
            };
            match self.by_name.get(&entry.name) {
                Some(&k) => self.entries[k] = entry,
                None => {
                    self.by_name.insert(entry.name.clone(), self.entries.len());
                    self.entries.push(entry);
                }
            }
        }
        Ok(())
    }

    /// Compiles the names into one automaton.
    pub fn build(self) -> Result<UserLexicon, LexiconError> {
        // The look-up tables are not needed any more: freed before the automaton's peak.
        let LexiconBuilder {
            entries,
            by_name,
            canonicals,
        } = self;
        drop((by_name, canonicals));
        // Standard semantics report every match, overlapping ones included, so that a longer
        // name failing the word-boundary check cannot hide a shorter one (see the module doc).
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(entries.iter().map(|e| e.name.as_str()))
            .map_err(|e| LexiconError::TooLarge(e.to_string()))?;
        Ok(UserLexicon { matcher, entries })
    }
}

/// One line: `None` for a blank or comment line, else the name (spaces normalised), the type
/// and the canonical name.
fn parse_line(line: &str) -> Result<Option<(String, EntityType, Option<String>)>, Problem> {
    let trimmed = line.trim();
    if trimmed.is_empty() || trimmed.starts_with('#') {
        return Ok(None);
    }
    let fields: Vec<&str> = line.split('\t').collect();
    if fields.len() > 3 {
        return Err(Problem::TooManyFields(fields.len()));
    }
    let name = normalise(fields[0]);
    let label = fields.get(1).map_or("", |t| t.trim());
    if name.is_empty() {
        return Err(Problem::EmptyName);
    }
    if label.is_empty() {
        return Err(Problem::MissingType);
    }
    let label = EntityType::parse(&label.to_ascii_uppercase())
        .ok_or_else(|| Problem::UnknownType(label.to_string()))?;
    if !name.chars().any(char::is_alphanumeric) {
        return Err(Problem::NoWordCharacter);
    }
    let canonical = fields
        .get(2)
        .map(|c| normalise(c))
        .filter(|c| !c.is_empty());
    Ok(Some((name, label, canonical)))
}

/// Trimmed, with each run of whitespace one space.
fn normalise(field: &str) -> String {
    field.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The compiled user lexicons: every name in one Aho–Corasick automaton. Build it once (see
/// [`UserLexicon::load`]) and share it.
pub struct UserLexicon {
    matcher: AhoCorasick,
    /// Indexed by the automaton's pattern id.
    entries: Vec<Entry>,
}

impl fmt::Debug for UserLexicon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UserLexicon")
            .field("entries", &self.entries.len())
            .finish()
    }
}

impl UserLexicon {
    /// Reads and compiles the lexicon files in order; for a name listed more than once, the
    /// last entry holds.
    pub fn load<P: AsRef<Path>>(paths: &[P]) -> Result<UserLexicon, LexiconError> {
        let mut builder = LexiconBuilder::default();
        for path in paths {
            builder.add_file(path.as_ref())?;
        }
        builder.build()
    }

    /// The entries, one per distinct name, in the order first listed.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Every mention of a listed name in `doc`, in text order, none overlapping: of the
    /// word-bounded matches, the leftmost, then the longest.
    pub fn find(&self, doc: &Document) -> Vec<UserMention> {
        let text = doc.text.as_str();
        // A space in a name matches a tab or a line break: search a copy with those made
        // spaces (same length, so the offsets are the text's).
        let spaced: Cow<[u8]> = if text.bytes().any(|b| matches!(b, b'\n' | b'\r' | b'\t')) {
            Cow::Owned(
                text.bytes()
                    .map(|b| if b.is_ascii_whitespace() { b' ' } else { b })
                    .collect(),
            )
        } else {
            Cow::Borrowed(text.as_bytes())
        };
        let mut matches: Vec<(usize, usize, usize)> = self
            .matcher
            .find_overlapping_iter(spaced.as_ref())
            .filter(|m| is_bounded(text, m.start(), m.end()))
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        matches.sort_unstable_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
        let mut out = Vec::new();
        let mut taken_to = 0;
        for (start, end, id) in matches {
            if start < taken_to {
                continue;
            }
            taken_to = end;
            let entry = &self.entries[id];
            out.push(UserMention {
                span: Span::new(start, end),
                sentence: doc.sentence_at(start).unwrap_or(0),
                label: entry.label,
                canonical: entry.canonical.clone(),
                source: entry.source.clone(),
            });
        }
        out
    }
}

/// A letter, digit or combining mark: what a match may not touch on either side.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// No word character right before `start` or right after `end`, and `start` is not just after
/// a letter and an apostrophe ("Brien" in "O'Brien").
fn is_bounded(text: &str, start: usize, end: usize) -> bool {
    let mut before = text[..start].chars().rev();
    let after = text[end..].chars().next();
    match before.next() {
        Some(c) if is_word_char(c) => return false,
        Some('\'' | '’') if before.next().is_some_and(char::is_alphabetic) => return false,
        _ => {}
    }
    !after.is_some_and(is_word_char)
}

/// The built-in finds with the user's mentions put in: a built-in mention that overlaps a user
/// mention is dropped, one with exactly its span is retyped. In text order, as
/// [`super::resolve::resolve`] expects.
pub(super) fn overrule(found: Vec<Found>, user: &[UserMention]) -> Vec<Found> {
    // For each user mention, the built-in mention with exactly its span, if any.
    let mut same: Vec<Option<Found>> = vec![None; user.len()];
    let mut out: Vec<Found> = Vec::with_capacity(found.len() + user.len());
    for f in found {
        // User mentions are sorted and disjoint: only the first one ending after f's start can
        // overlap it.
        let i = user.partition_point(|u| u.span.end <= f.span.start);
        match user.get(i) {
            Some(u) if u.span == f.span => same[i] = Some(f),
            Some(u) if u.span.start < f.span.end => {}
            _ => out.push(f),
        }
    }
    for (u, built_in) in user.iter().zip(same) {
        let (roles, kept_canonical) = match built_in {
            Some(f) => (f.roles, f.canonical.filter(|_| f.label == Some(u.label))),
            None => (Vec::new(), None),
        };
        out.push(Found {
            span: u.span,
            sentence: u.sentence,
            label: Some(u.label),
            canonical: u
                .canonical
                .as_deref()
                .map(|c| Cow::Owned(c.to_string()))
                .or(kept_canonical),
            roles,
            guess: None,
            rule: Cow::Owned(u.source.rule()),
        });
    }
    out.sort_by_key(|f| (f.span.start, f.span.end));
    out
}

/// An entity holding a user mention with a canonical name (of the entity's type) is named by
/// it; its aliases are then every other form it is mentioned by.
pub(super) fn name_entities(doc: &Document, entities: &mut [Entity], user: &[UserMention]) {
    if user.iter().all(|u| u.canonical.is_none()) {
        return;
    }
    for entity in entities.iter_mut() {
        let canonical = entity.mentions.iter().find_map(|m| {
            let i = user.partition_point(|u| u.span.start < m.span.start);
            user.get(i)
                .filter(|u| u.span == m.span && u.label == entity.label)
                .and_then(|u| u.canonical.as_deref())
        });
        let Some(canonical) = canonical else {
            continue;
        };
        if entity.name == canonical {
            continue;
        }
        let mut forms: Vec<&str> = entity.mentions.iter().map(|m| doc.slice(m.span)).collect();
        forms.sort_unstable();
        forms.dedup();
        entity.aliases = forms
            .into_iter()
            .filter(|f| *f != canonical)
            .map(str::to_string)
            .collect();
        entity.name = canonical.to_string();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::extract_with;

    fn lexicon(files: &[(&str, &str)]) -> UserLexicon {
        let mut builder = LexiconBuilder::default();
        for (name, data) in files {
            builder.add(name, data.as_bytes()).unwrap();
        }
        builder.build().unwrap()
    }

    /// The text and type of every user mention of `text`.
    fn matches(lexicon: &UserLexicon, text: &str) -> Vec<(String, &'static str)> {
        let doc = Document::new(text);
        lexicon
            .find(&doc)
            .into_iter()
            .map(|m| (doc.slice(m.span).to_string(), m.label.as_str()))
            .collect()
    }

    /// (name, type, aliases) of every entity of `text` under `files`, sorted by name.
    fn entities(files: &[(&str, &str)], text: &str) -> Vec<(String, &'static str, Vec<String>)> {
        let options = super::super::Options {
            lexicon: Some(Arc::new(lexicon(files))),
            ..Default::default()
        };
        let mut out: Vec<_> = extract_with(&Document::new(text), &options)
            .into_iter()
            .map(|e| (e.name, e.label.as_str(), e.aliases))
            .collect();
        out.sort();
        out
    }

    fn problem(data: &[u8]) -> (usize, Problem) {
        match LexiconBuilder::default().add("my.tsv", data) {
            Err(LexiconError::Line {
                file,
                line,
                problem,
            }) => {
                assert_eq!(file, "my.tsv");
                (line, problem)
            }
            other => panic!("{:?}: expected a line error, got {other:?}", data),
        }
    }

    #[test]
    fn malformed_lines_name_their_line_and_problem() {
        let cases: &[(&[u8], usize, Problem)] = &[
            (b"Orrin Vale\n", 1, Problem::MissingType),
            (b"Orrin Vale PERSON\n", 1, Problem::MissingType),
            (b"Orrin Vale\t\n", 1, Problem::MissingType),
            (
                b"# people\nOrrin Vale\tPERSN\n",
                2,
                Problem::UnknownType("PERSN".into()),
            ),
            (b"ok\tORG\n\n\tORG\n", 3, Problem::EmptyName),
            (b"   \tGPE\n", 1, Problem::EmptyName),
            (b"Vale\tPERSON\tVale\textra\n", 1, Problem::TooManyFields(4)),
            (b"Vale\tPERSON\t\t\n", 1, Problem::TooManyFields(4)),
            (b"--\tORG\n", 1, Problem::NoWordCharacter),
            (
                b"ok\tORG\nCaf\xe9 Noir\tORG\n",
                2,
                Problem::InvalidUtf8 { byte: 4 },
            ),
            (
                b"ok\tORG\r\nBad\tTYPE\r\n",
                2,
                Problem::UnknownType("TYPE".into()),
            ),
        ];
        for (data, line, want) in cases {
            assert_eq!(problem(data), (*line, want.clone()), "{:?}", data);
        }
    }

    #[test]
    fn errors_print_file_and_line() {
        let err = LexiconBuilder::default()
            .add("people.tsv", b"Orrin Vale\tPERSON\nTwo\tNUMBER\n")
            .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("people.tsv:2: unknown type 'NUMBER' (expected one of PERSON,"),
            "{err}"
        );
        let missing = UserLexicon::load(&["/no/such/dir/lexicon.tsv"]).unwrap_err();
        assert_eq!(
            missing.to_string(),
            "/no/such/dir/lexicon.tsv: cannot read the lexicon: no such file or directory"
        );
    }

    #[test]
    fn comments_blanks_spaces_and_case_of_types() {
        let data = "\u{FEFF}# header\n\n   \n  # indented comment\n  Orrin   Vale \t person \r\n\
                    Brask Foundry\tORG\t  Brask  Holdings \nTessaly\tGPE\t\n";
        let lex = lexicon(&[("a.tsv", data)]);
        let got: Vec<(&str, EntityType, Option<&str>, usize)> = lex
            .entries()
            .iter()
            .map(|e| {
                let canonical = e.canonical.as_deref();
                (e.name.as_str(), e.label, canonical, e.source.line)
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Orrin Vale", EntityType::Person, None, 5),
                ("Brask Foundry", EntityType::Org, Some("Brask Holdings"), 6),
                ("Tessaly", EntityType::Gpe, None, 7),
            ]
        );
        assert_eq!(lex.entries()[1].source.rule(), "lexicon:a.tsv:6");
    }

    #[test]
    fn later_entries_win() {
        let lex = lexicon(&[
            ("first.tsv", "Marrow Point\tLOC\nKell\tPERSON\nKell\tORG\n"),
            ("second.tsv", "Marrow Point\tFAC\n"),
        ]);
        let got: Vec<(&str, &str, String)> = lex
            .entries()
            .iter()
            .map(|e| (e.name.as_str(), e.label.as_str(), e.source.rule()))
            .collect();
        assert_eq!(
            got,
            [
                ("Marrow Point", "FAC", "lexicon:second.tsv:1".to_string()),
                ("Kell", "ORG", "lexicon:first.tsv:3".to_string()),
            ]
        );
        let text = "Ships left Marrow Point at dawn.";
        assert_eq!(matches(&lex, text), [("Marrow Point".into(), "FAC")]);
    }

    #[test]
    fn matches_are_exact_case_word_bounded_leftmost_longest() {
        let lex = lexicon(&[(
            "a.tsv",
            "Apple\tORG\nApple Pi\tPRODUCT\nBrien\tPERSON\nBrask Foundry\tORG\n\
             Brask Foundry Works\tFAC\nFoundry Works Road\tFAC\nJose\tPERSON\n",
        )]);
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("Pineapple farms grew.", &[]),
            ("APPLE and apple are not listed.", &[]),
            (
                "Apple's shares and Apple-based kits.",
                &[("Apple", "ORG"), ("Apple", "ORG")],
            ),
            // A longer name that fails the boundary check does not hide a shorter one.
            ("The Apple Pie cafe.", &[("Apple", "ORG")]),
            ("An Apple Pi kit.", &[("Apple Pi", "PRODUCT")]),
            ("Talk to O'Brien or Brien.", &[("Brien", "PERSON")]),
            // Leftmost first, then longest.
            (
                "The Brask Foundry Works Road site.",
                &[("Brask Foundry Works", "FAC")],
            ),
            ("Brask Foundry said so.", &[("Brask Foundry", "ORG")]),
            // A name wrapped over a line break is found; a combining accent is part of a word.
            ("Staff of Brask\nFoundry met.", &[("Brask\nFoundry", "ORG")]),
            ("Jose\u{301} and Jose met.", &[("Jose", "PERSON")]),
        ];
        for (text, want) in cases {
            let want: Vec<(String, &str)> = want.iter().map(|(t, l)| (t.to_string(), *l)).collect();
            assert_eq!(matches(&lex, text), want, "{text}");
        }
    }

    #[test]
    fn user_entries_take_priority_over_built_in_finds() {
        // Built in, "Michael Jordan" is a person and "Harbin Institute of Technology" an
        // organisation; "Georgia" a place.
        let text = "Michael Jordan visited the Harbin Institute of Technology in Georgia.";
        let built_in: Vec<(String, &str)> = super::super::extract(&Document::new(text))
            .into_iter()
            .map(|e| (e.name, e.label.as_str()))
            .collect();
        assert!(
            built_in.contains(&("Michael Jordan".into(), "PERSON")),
            "{built_in:?}"
        );
        let found = entities(
            &[(
                "a.tsv",
                "Jordan\tGPE\nHarbin Institute of Technology\tFAC\n",
            )],
            text,
        );
        let names: Vec<(&str, &str)> = found.iter().map(|(n, l, _)| (n.as_str(), *l)).collect();
        assert!(names.contains(&("Jordan", "GPE")), "{names:?}");
        assert!(
            names.contains(&("Harbin Institute of Technology", "FAC")),
            "{names:?}"
        );
        assert!(names.contains(&("Georgia", "GPE")), "{names:?}");
        assert!(
            !names.iter().any(|(n, _)| n.contains("Michael")),
            "{names:?}"
        );
        assert!(
            !names.contains(&("Harbin Institute of Technology", "ORG")),
            "{names:?}"
        );
    }

    #[test]
    fn a_name_with_the_span_of_a_built_in_mention_retypes_it() {
        let text = "President Orrin Vale of Tessaly spoke. Vale said so.";
        let doc = Document::new(text);
        let options = super::super::Options {
            lexicon: Some(Arc::new(lexicon(&[(
                "a.tsv",
                "Tessaly\tGPE\nOrrin Vale\tPERSON\n",
            )]))),
            ..Default::default()
        };
        let found: Vec<(String, &str, Vec<String>)> = extract_with(&doc, &options)
            .into_iter()
            .map(|e| (e.name, e.label.as_str(), e.roles))
            .collect();
        // Built in, "Tessaly" is a person; the title stays with the retyped person.
        assert!(
            found.contains(&("Orrin Vale".into(), "PERSON", vec!["President".into()])),
            "{found:?}"
        );
        assert!(
            found.contains(&("Tessaly".into(), "GPE", vec![])),
            "{found:?}"
        );
    }

    #[test]
    fn canonical_names_group_mentions() {
        let text = "Brask Holdings rose. Analysts said BHX and Brask Foundry would merge, \
                    and BHX shares rose.";
        let files = [(
            "a.tsv",
            "BHX\tORG\tBrask Holdings\nBrask Foundry\tORG\tBrask Holdings\n",
        )];
        let found = entities(&files, text);
        let brask: Vec<_> = found
            .iter()
            .filter(|(n, _, _)| n.contains("Brask"))
            .collect();
        assert_eq!(
            brask,
            [&(
                "Brask Holdings".to_string(),
                "ORG",
                vec!["BHX".to_string(), "Brask Foundry".to_string()]
            )],
            "{found:?}"
        );
        // Named by the canonical even when the text never writes it.
        let found = entities(&files, "BHX said Brask Foundry would hire.");
        assert_eq!(
            found,
            [(
                "Brask Holdings".to_string(),
                "ORG",
                vec!["BHX".to_string(), "Brask Foundry".to_string()]
            )]
        );
    }

    #[test]
    fn a_canonical_name_of_the_built_in_gazetteer_joins_its_mentions() {
        let found = entities(
            &[("a.tsv", "USA\tGPE\tUnited States\n")],
            "The USA and the U.S. are the same country.",
        );
        assert_eq!(
            found,
            [(
                "United States".to_string(),
                "GPE",
                vec!["U.S.".to_string(), "USA".to_string()]
            )]
        );
    }

    #[test]
    fn without_a_canonical_mentions_group_as_built_in_ones_do() {
        let found = entities(
            &[("a.tsv", "Orrin Vale\tPERSON\nVale\tPERSON\n")],
            "Orrin Vale spoke. Later Vale left.",
        );
        assert_eq!(
            found,
            [("Orrin Vale".to_string(), "PERSON", vec!["Vale".to_string()])]
        );
    }

    #[test]
    fn an_empty_lexicon_changes_nothing() {
        let text = "Michael Jordan visited Georgia on Monday.";
        let doc = Document::new(text);
        let plain = super::super::extract(&doc);
        let options = super::super::Options {
            lexicon: Some(Arc::new(lexicon(&[("a.tsv", "# nothing yet\n")]))),
            ..Default::default()
        };
        assert_eq!(extract_with(&doc, &options), plain);
    }
}
