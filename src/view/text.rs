//! `--format text`: a report of one document for people at a terminal.
//!
//! The report holds, in this order: the headline, the document's counts, the top
//! [`TOP_TOPICS`] topics with their scores and first evidence, the top [`TOP_KEYPHRASES`] key
//! phrases, the entities grouped by type (with their mention counts, roles, aliases and
//! values), the commitments as `ACTOR — kind — action (deadline) [speaker]`
//! ([`commitment_parts`]), the quotes with their speakers, and the warnings. A section left
//! out with `--only` is left out here too; an empty one says "none found".
//!
//! Every paragraph is wrapped to [`TextOptions::width`] with a hanging indent, counting
//! terminal columns (a wide East Asian character takes two, a combining accent none), and runs of whitespace
//! inside the article's words (line breaks in a quote) print as one space. Colour is ANSI SGR
//! escapes, added after wrapping so that they never count towards the width; whether to use
//! it is the caller's decision ([`TextOptions::color`]), as the terminal is.

use super::{
    Part, TOP_KEYPHRASES, TOP_TOPICS, commitment_parts, entity_groups, plural, stats_line,
    value_words,
};
use crate::output::{DocumentOut, EntityOut, QuoteOut};

/// How to print the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextOptions {
    /// Use ANSI colours and bold.
    pub color: bool,
    /// Wrap lines to this many characters (at least [`MIN_WIDTH`]); `None`: do not wrap.
    pub width: Option<usize>,
}

impl TextOptions {
    /// No colour, no wrapping.
    pub fn plain() -> TextOptions {
        TextOptions {
            color: false,
            width: None,
        }
    }
}

/// The narrowest width wrapped to: below it a hanging indent leaves no room for a word.
pub const MIN_WIDTH: usize = 20;

/// The width of a document's heading rule when lines are not wrapped.
const UNWRAPPED_RULE: usize = 72;

/// An ANSI SGR style: the codes between `ESC [` and `m`.
type Style = Option<&'static str>;

const PLAIN: Style = None;
const BOLD: Style = Some("1");
const DIM: Style = Some("2");
const HEADING: Style = Some("1;4");
const KIND: Style = Some("33");
const ERROR: Style = Some("1;31");

/// The colour of an entity type: people, organisations, places and groups apart, the
/// numeric types quiet.
fn type_style(label: &str) -> Style {
    match label {
        "PERSON" => Some("1;35"),
        "ORG" => Some("1;36"),
        "GPE" | "LOC" | "FAC" => Some("1;32"),
        "NORP" => Some("1;33"),
        "PRODUCT" | "EVENT" | "WORK_OF_ART" | "LAW" | "LANGUAGE" => Some("1;34"),
        _ => BOLD,
    }
}

/// One paragraph of styled text, before wrapping.
#[derive(Default)]
struct Para {
    segments: Vec<(Style, String)>,
}

impl Para {
    fn new() -> Para {
        Para::default()
    }

    fn add(mut self, style: Style, text: impl Into<String>) -> Para {
        self.segments.push((style, text.into()));
        self
    }
}

/// A word: characters between whitespace, each run with its style.
type Word = Vec<(Style, String)>;

/// The columns a character takes in a terminal: 2 for the wide characters of East Asian
/// scripts (and emoji), 0 for combining accents and zero-width characters, else 1. The ranges
/// are the large blocks of Unicode's East Asian Width "W" and "F" classes, not every one of
/// its entries: enough that Chinese, Japanese and Korean text wraps at the right column.
fn columns(c: char) -> usize {
    match u32::from(c) {
        0x0300..=0x036F | 0x200B..=0x200F | 0xFE00..=0xFE0F => 0,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

/// The columns a text takes in a terminal (see [`TextOptions::width`]): what the report's
/// lines are kept within.
pub fn display_width(s: &str) -> usize {
    s.chars().map(columns).sum()
}

fn width_of(word: &Word) -> usize {
    word.iter().map(|(_, s)| display_width(s)).sum()
}

/// Splits a paragraph into words at whitespace; two segments with no whitespace between them
/// make one word ("Putin" and "," stay together).
fn words(para: &Para) -> Vec<Word> {
    let mut words = Vec::new();
    let mut word: Word = Vec::new();
    for (style, text) in &para.segments {
        for c in text.chars() {
            if c.is_whitespace() {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
                continue;
            }
            match word.last_mut() {
                Some((s, run)) if s == style => run.push(c),
                _ => word.push((*style, c.to_string())),
            }
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Cuts a word longer than a line into pieces of at most `room` characters.
fn split_word(word: Word, room: usize) -> Vec<Word> {
    let mut pieces = vec![Word::new()];
    let mut used = 0;
    for (style, run) in word {
        for c in run.chars() {
            if used > 0 && used + columns(c) > room {
                pieces.push(Word::new());
                used = 0;
            }
            let piece = pieces.last_mut().expect("never empty");
            match piece.last_mut() {
                Some((s, r)) if *s == style => r.push(c),
                _ => piece.push((style, c.to_string())),
            }
            used += columns(c);
        }
    }
    pieces
}

/// Wraps a paragraph: the first line starts with `first`, the others with `rest`; no line is
/// longer than `width` (a word longer than a line is cut).
fn wrap(para: &Para, width: Option<usize>, first: &str, rest: &str) -> Vec<Word> {
    let width = width.map(|w| w.max(MIN_WIDTH));
    let fits = |used: usize| width.is_none_or(|w| used <= w);
    let rest_len = display_width(rest);
    let room = width.map_or(usize::MAX, |w| w.saturating_sub(rest_len).max(1));
    let mut lines = Vec::new();
    let mut line: Word = vec![(PLAIN, first.to_string())];
    let mut used = display_width(first);
    let mut empty = true;
    for word in words(para) {
        let pieces = if width_of(&word) > room {
            split_word(word, room)
        } else {
            vec![word]
        };
        for piece in pieces {
            let len = width_of(&piece);
            if !empty && !fits(used + 1 + len) {
                lines.push(std::mem::replace(
                    &mut line,
                    vec![(PLAIN, rest.to_string())],
                ));
                used = rest_len;
                empty = true;
            }
            if !empty {
                // A space between two runs of one style joins them, so that a styled phrase
                // is one escape sequence, not one for each word.
                let next = piece.first().map(|(style, _)| *style);
                let style = line
                    .last()
                    .map(|(style, _)| *style)
                    .filter(|s| Some(*s) == next);
                push_run(&mut line, style.unwrap_or(PLAIN), " ");
                used += 1;
            }
            for (style, run) in piece {
                push_run(&mut line, style, &run);
            }
            used += len;
            empty = false;
        }
    }
    lines.push(line);
    lines
}

/// Appends a run to a line, joining it to the last run when they have the same style.
fn push_run(line: &mut Word, style: Style, text: &str) {
    match line.last_mut() {
        Some((s, run)) if *s == style => run.push_str(text),
        _ => line.push((style, text.to_string())),
    }
}

/// Writes lines, with the escapes of their styles when `color`.
fn emit(out: &mut String, lines: &[Word], color: bool) {
    for line in lines {
        for (style, run) in line {
            match style.filter(|_| color) {
                Some(code) => {
                    out.push_str("\x1b[");
                    out.push_str(code);
                    out.push('m');
                    push_printable(out, run);
                    out.push_str("\x1b[0m");
                }
                None => push_printable(out, run),
            }
        }
        out.push('\n');
    }
}

/// Appends `text` with its control characters made harmless: an escape sequence in an article
/// must not reach the terminal ("\x1b]0;title\x07" retitles the window). Tabs and line breaks
/// become spaces, other controls U+FFFD; each still takes the one column it was counted as.
fn push_printable(out: &mut String, text: &str) {
    if !text.chars().any(char::is_control) {
        out.push_str(text);
        return;
    }
    out.extend(text.chars().map(|c| match c {
        '\t' | '\n' | '\r' => ' ',
        c if c.is_control() => '\u{fffd}',
        c => c,
    }));
}

/// A report being written.
struct Report<'o> {
    out: String,
    options: &'o TextOptions,
}

impl Report<'_> {
    fn para(&mut self, first: &str, rest: &str, para: Para) {
        let lines = wrap(&para, self.options.width, first, rest);
        emit(&mut self.out, &lines, self.options.color);
    }

    fn blank(&mut self) {
        self.out.push('\n');
    }

    /// `══ heading ════…` across the width: what opens each document of a batch.
    fn rule(&mut self, heading: &str) {
        let width = self
            .options
            .width
            .map_or(UNWRAPPED_RULE, |w| w.max(MIN_WIDTH));
        let used = display_width(heading) + 4;
        let fill = "═".repeat(width.saturating_sub(used).max(2));
        self.para(
            "",
            "   ",
            Para::new().add(BOLD, format!("══ {heading} {fill}")),
        );
    }

    /// A section's heading, or `Heading: none found`.
    fn heading(&mut self, name: &str, count: usize) -> bool {
        self.blank();
        if count == 0 {
            self.para(
                "",
                "",
                Para::new().add(HEADING, name).add(DIM, " none found"),
            );
            return false;
        }
        self.para(
            "",
            "",
            Para::new()
                .add(HEADING, name)
                .add(DIM, format!(" ({count})")),
        );
        true
    }
}

/// The report of one document; `heading` (the document's id or path, in a batch) opens it
/// with a rule.
pub fn document(doc: &DocumentOut, heading: Option<&str>, options: &TextOptions) -> String {
    let mut r = Report {
        out: String::new(),
        options,
    };
    if let Some(heading) = heading {
        r.rule(heading);
    }
    match doc.title {
        Some(title) => r.para("", "", Para::new().add(BOLD, title)),
        None => r.para("", "", Para::new().add(DIM, "(no headline)")),
    }
    r.para("", "", Para::new().add(DIM, stats_line(doc)));
    if let Some(topics) = &doc.topics
        && r.heading("Topics", topics.len())
    {
        for topic in topics.iter().take(TOP_TOPICS) {
            let evidence = topic.evidence.iter().take(3).cloned().collect::<Vec<_>>();
            let mut para = Para::new()
                .add(BOLD, format!("{:.2}", topic.score))
                .add(PLAIN, format!("  {}", topic.label));
            if !evidence.is_empty() {
                para = para.add(DIM, format!("  ({})", evidence.join(", ")));
            }
            r.para("  ", "        ", para);
        }
        more(&mut r, topics.len(), TOP_TOPICS, "topics");
    }
    if let Some(phrases) = &doc.keyphrases
        && r.heading("Key phrases", phrases.len())
    {
        let mut para = Para::new();
        for (i, phrase) in phrases.iter().take(TOP_KEYPHRASES).enumerate() {
            if i > 0 {
                para = para.add(PLAIN, ", ");
            }
            para = para
                .add(PLAIN, phrase.text)
                .add(DIM, format!(" ({})", phrase.count));
        }
        r.para("  ", "  ", para);
        more(&mut r, phrases.len(), TOP_KEYPHRASES, "key phrases");
    }
    if let Some(entities) = &doc.entities
        && r.heading("Entities", entities.len())
    {
        for (label, members) in entity_groups(entities) {
            let mentions: usize = members.iter().map(|e| e.count).sum();
            r.para(
                "  ",
                "    ",
                Para::new().add(type_style(label), label).add(
                    DIM,
                    format!(
                        " — {}, {}",
                        plural(members.len(), "entity", "entities"),
                        plural(mentions, "mention", "mentions")
                    ),
                ),
            );
            for entity in members {
                r.para("    ", "      ", entity_para(entity));
            }
        }
    }
    if let Some(commitments) = &doc.commitments
        && r.heading("Commitments", commitments.len())
    {
        for c in commitments {
            let mut para = Para::new();
            for (part, text) in commitment_parts(c) {
                let style = match part {
                    Part::Actor => BOLD,
                    Part::Kind => KIND,
                    Part::Speaker => DIM,
                    Part::Separator | Part::Action | Part::When => PLAIN,
                };
                para = para.add(style, text);
            }
            r.para("  • ", "    ", para);
        }
    }
    if let Some(quotes) = &doc.quotes
        && r.heading("Quotes", quotes.len())
    {
        for quote in quotes {
            r.para("  • ", "    ", quote_para(quote));
        }
    }
    if !doc.warnings.is_empty() {
        r.heading("Warnings", doc.warnings.len());
        for warning in doc.warnings {
            r.para("  ! ", "    ", Para::new().add(KIND, warning.as_str()));
        }
    }
    if heading.is_some() {
        r.blank();
    }
    r.out
}

/// "… and 7 more topics" under a list cut short.
fn more(r: &mut Report, all: usize, shown: usize, nouns: &str) {
    if all > shown {
        r.para(
            "  ",
            "  ",
            Para::new().add(DIM, format!("… and {} more {nouns}", all - shown)),
        );
    }
}

/// `NAME (N mentions) — roles: … — aliases: … — value: …`.
fn entity_para(entity: &EntityOut) -> Para {
    let mut para = Para::new().add(BOLD, entity.name).add(
        DIM,
        format!(" ({})", plural(entity.count, "mention", "mentions")),
    );
    if !entity.roles.is_empty() {
        para = para.add(PLAIN, format!(" — roles: {}", entity.roles.join(", ")));
    }
    if !entity.aliases.is_empty() {
        para = para.add(PLAIN, format!(" — aliases: {}", entity.aliases.join(", ")));
    }
    if let Some(value) = &entity.value {
        para = para.add(PLAIN, format!(" — value: {}", value_words(value)));
    }
    para
}

/// `SPEAKER (verb): “content”` for a direct quote, `SPEAKER (verb, reported): content` for
/// reported speech; "(unattributed)" when no speaker is found.
fn quote_para(quote: &QuoteOut) -> Para {
    let mut para = match quote.speaker {
        Some(speaker) => Para::new().add(BOLD, speaker),
        None => Para::new().add(DIM, "(unattributed)"),
    };
    let how: Vec<&str> = quote
        .verb
        .into_iter()
        .chain((quote.kind != "direct").then_some(quote.kind))
        .collect();
    if !how.is_empty() {
        para = para.add(DIM, format!(" ({})", how.join(", ")));
    }
    para = para.add(PLAIN, ": ");
    if quote.kind == "direct" {
        para.add(PLAIN, format!("“{}”", quote.text))
    } else {
        para.add(PLAIN, quote.text)
    }
}

/// What stands in a batch's report for a document that failed: its heading and the error
/// (the same message as on stderr).
pub fn error(heading: &str, kind: &str, message: &str, options: &TextOptions) -> String {
    let mut r = Report {
        out: String::new(),
        options,
    };
    r.rule(heading);
    r.para(
        "",
        "  ",
        Para::new()
            .add(ERROR, format!("error ({kind}):"))
            .add(PLAIN, format!(" {message}")),
    );
    r.blank();
    r.out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain_lines(para: Para, width: usize, first: &str, rest: &str) -> Vec<String> {
        let mut out = String::new();
        emit(&mut out, &wrap(&para, Some(width), first, rest), false);
        out.lines().map(str::to_string).collect()
    }

    #[test]
    fn wraps_with_a_hanging_indent() {
        #[rustfmt::skip]
        let cases: [(&str, usize, &[&str]); 5] = [
            // (text, width, lines)
            ("one two three four five six seven", 20,
             &["- one two three four", "  five six seven"]),
            ("a\n  b\tc", 20, &["- a b c"]),
            ("abcdefghijklmnopqrstuvwxyz0123456789", 20,
             &["- abcdefghijklmnopqr", "  stuvwxyz0123456789"]),
            ("Zürich’s mayor met Anna Berg in the old town hall", 24,
             &["- Zürich’s mayor met", "  Anna Berg in the old", "  town hall"]),
            // Wide characters take two columns; a combining accent none.
            ("習近平 主席 会見 北京 上海 東京 大阪", 20,
             &["- 習近平 主席 会見", "  北京 上海 東京", "  大阪"]),
        ];
        for (text, width, lines) in cases {
            let got = plain_lines(Para::new().add(PLAIN, text), width, "- ", "  ");
            assert_eq!(got, lines, "{text:?}");
            assert!(got.iter().all(|l| display_width(l) <= width), "{got:?}");
        }
    }

    #[test]
    fn columns_of_characters() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("北京"), 4);
        assert_eq!(display_width("e\u{301}"), 1);
        assert_eq!(display_width("Zürich’s"), 8);
        let pieces = split_word(vec![(PLAIN, "北京上海東京".to_string())], 5);
        let widths: Vec<usize> = pieces.iter().map(width_of).collect();
        assert_eq!(widths, [4, 4, 4]);
    }

    #[test]
    fn segments_without_whitespace_between_stay_one_word() {
        let para = Para::new()
            .add(BOLD, "Putin")
            .add(DIM, " (13)")
            .add(PLAIN, ",");
        let got = words(&para);
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[1],
            vec![(DIM, "(13)".to_string()), (PLAIN, ",".to_string())]
        );
    }

    #[test]
    fn colour_is_escapes_around_styled_runs_only() {
        let para = Para::new().add(BOLD, "Xi").add(PLAIN, " said");
        let mut out = String::new();
        emit(&mut out, &wrap(&para, None, "", ""), true);
        assert_eq!(out, "\x1b[1mXi\x1b[0m said\n");
        let mut out = String::new();
        emit(&mut out, &wrap(&para, None, "", ""), false);
        assert_eq!(out, "Xi said\n");
    }

    #[test]
    fn a_styled_phrase_is_one_escape_sequence() {
        let para = Para::new()
            .add(BOLD, "Harbour Council")
            .add(PLAIN, " backs");
        let mut out = String::new();
        emit(&mut out, &wrap(&para, None, "", ""), true);
        assert_eq!(out, "\x1b[1mHarbour Council\x1b[0m backs\n");
    }

    #[test]
    fn widths_below_the_minimum_wrap_at_the_minimum() {
        let text = "one two three four five six seven eight";
        let got = plain_lines(Para::new().add(PLAIN, text), 5, "", "");
        assert_eq!(got, ["one two three four", "five six seven eight"]);
    }
}
