//! Splitting text into tokens, paragraphs and sentences, with byte offsets into the text as given.
//!
//! The rules are the ones English news needs: abbreviations ("Mr.", "U.S.", "Jan."), decimals
//! ("3.5"), initials ("J. K. Rowling") and closing quotation marks do not end a sentence; a line
//! break ends one unless the next line carries on in lower case (hard-wrapped text); a blank line
//! ends a paragraph, and text without blank lines has one paragraph per line.

use crate::doc::{Sentence, Span, Token, TokenKind};

/// Abbreviations that take a period and never end a sentence: titles and name parts that are
/// always followed by a name.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Capt", "Cmdr", "Sgt", "Maj", "Adm",
    "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Supt", "Insp", "Fr", "St", "Mt", "Ft", "No", "Nos",
    "Messrs", "Mme", "Mlle", "vs", "v", "cf", "approx", "ca", "Ave", "Blvd", "Rd",
];

/// Abbreviations that take a period and may also end a sentence ("... joined in Jan.").
const OTHER_ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon",
    "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Inc", "Corp", "Co", "Ltd",
    "Bros", "Jr", "Sr", "Esq", "etc", "al", "Dept", "Univ", "Assn", "est", "mln", "bln", "pct",
];

/// Words that, capitalised after an abbreviation's period, show that a new sentence began.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "In",
    "On",
    "At",
    "But",
    "And",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "Some",
    "Many",
    "Most",
    "When",
    "While",
    "After",
    "Before",
    "If",
    "As",
    "However",
    "Meanwhile",
    "Still",
    "Yet",
    "So",
    "Now",
    "Last",
    "Earlier",
    "Later",
    "Officials",
    "Analysts",
];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// Characters that continue a word although `char::is_alphanumeric` says no: combining marks,
/// joiners and variation selectors.
fn is_word_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C..=0x200D
        | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F)
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        // No word mark is ASCII.
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_word_mark(c)
}

/// Whitespace for segmentation purposes; the byte-order mark counts as whitespace so that a
/// document that starts with one still has its first token at the first visible character.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

fn is_symbol(c: char) -> bool {
    matches!(
        c,
        '$' | '£'
            | '€'
            | '¥'
            | '₹'
            | '₽'
            | '%'
            | '&'
            | '+'
            | '='
            | '<'
            | '>'
            | '#'
            | '@'
            | '©'
            | '®'
            | '™'
            | '°'
            | '§'
            | '¢'
            | '^'
            | '~'
            | '|'
            | '*'
            | '\\'
            | '/'
    )
}

/// Splits `text` into tokens. Every non-whitespace character belongs to exactly one token.
pub fn tokenize(text: &str) -> Vec<Token> {
    // One entry per character: as many as bytes in ASCII text, sized once.
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(text.len());
    chars.extend(text.char_indices());
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let char_at = |i: usize| chars.get(i).map(|&(_, c)| c);
    // About one token for every five bytes of news: one allocation in most documents.
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut space_before = true;
    let mut line_start = true;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if is_space(c) {
            space_before = true;
            if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
                line_start = true;
            }
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit() || (c.is_numeric() && !c.is_alphabetic()) {
            kind = TokenKind::Number;
            i += 1;
            loop {
                match char_at(i) {
                    Some(d) if d.is_ascii_digit() => i += 1,
                    Some('.' | ',' | ':' | '/' | '-')
                        if char_at(i + 1).is_some_and(|d| d.is_ascii_digit()) =>
                    {
                        i += 2
                    }
                    _ => break,
                }
            }
            // Unit and ordinal suffixes stay on the number: "75th", "1.13bn", "1990s".
            while char_at(i).is_some_and(|d| d.is_alphabetic()) {
                i += 1;
            }
        } else if is_word_char(c) {
            kind = TokenKind::Word;
            i = scan_word(&chars, i);
        } else if is_apostrophe(c)
            && matches!(char_at(i + 1), Some('s' | 'S'))
            && !char_at(i + 2).is_some_and(is_word_char)
            && !space_before
            && !tokens.is_empty()
        {
            // Possessive "'s" split from its word: "China’s" -> "China", "’s".
            kind = TokenKind::Punct;
            i += 2;
        } else if c == '.' {
            kind = TokenKind::Punct;
            while char_at(i) == Some('.') {
                i += 1;
            }
        } else if is_symbol(c) {
            kind = TokenKind::Symbol;
            i += 1;
        } else if c.is_ascii_punctuation() || is_unicode_punct(c) {
            kind = TokenKind::Punct;
            i += 1;
            // Runs of the same mark are one token: "?!", "--", "!!".
            while char_at(i)
                .is_some_and(|d| d == c || (matches!(c, '?' | '!') && matches!(d, '?' | '!')))
            {
                i += 1;
            }
        } else {
            kind = TokenKind::Symbol;
            i += 1;
        }
        tokens.push(Token {
            span: Span::new(byte_at(start), byte_at(i)),
            kind,
            space_before,
            line_start,
        });
        space_before = false;
        line_start = false;
    }
    tokens
}

fn is_unicode_punct(c: char) -> bool {
    matches!(c as u32, 0x2010..=0x2027 | 0x2030..=0x205E | 0x00A1..=0x00BF | 0x3000..=0x303F | 0xFF01..=0xFF0F)
}

/// Scans a word starting at char index `i`; returns the index after it.
fn scan_word(chars: &[(usize, char)], start: usize) -> usize {
    let char_at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut i = start;
    loop {
        while char_at(i).is_some_and(is_word_char) {
            i += 1;
        }
        match char_at(i) {
            // Internal apostrophe ("don't", "O'Brien"), but not a possessive "'s".
            Some(a) if is_apostrophe(a) && char_at(i + 1).is_some_and(is_word_char) => {
                let possessive = matches!(char_at(i + 1), Some('s' | 'S'))
                    && !char_at(i + 2).is_some_and(is_word_char);
                if possessive {
                    return i;
                }
                i += 1;
            }
            // "AT&T", "S&P": an ampersand between capitals.
            Some('&')
                if char_at(i - 1).is_some_and(|c| c.is_uppercase())
                    && char_at(i + 1).is_some_and(|c| c.is_uppercase()) =>
            {
                i += 1;
            }
            _ => break,
        }
    }
    if char_at(i) != Some('.') {
        return i;
    }
    let word: String = chars[start..i].iter().map(|&(_, c)| c).collect();
    let letters = word.chars().count();
    // Dotted initialisms: "U.S.", "U.K.", "e.g.", "a.m.".
    if letters == 1
        && char_at(i + 1).is_some_and(|c| c.is_alphabetic())
        && char_at(i + 2) == Some('.')
    {
        let mut j = i;
        while char_at(j) == Some('.')
            && char_at(j + 1).is_some_and(|c| c.is_alphabetic())
            && char_at(j + 2) == Some('.')
        {
            j += 2;
        }
        return j + 1;
    }
    // Initials ("J. K. Rowling") and known abbreviations keep their period.
    let is_initial = letters == 1 && word.chars().all(|c| c.is_uppercase());
    if is_initial || is_abbreviation(&word) {
        return i + 1;
    }
    i
}

fn is_abbreviation(word: &str) -> bool {
    TITLE_ABBREVIATIONS.contains(&word) || OTHER_ABBREVIATIONS.contains(&word)
}

/// A token that ends in a period because it is an abbreviation, initial or initialism.
fn abbreviation_kind(text: &str) -> Option<Abbrev> {
    let stem = text.strip_suffix('.')?;
    if stem.is_empty() {
        return None;
    }
    if TITLE_ABBREVIATIONS.contains(&stem)
        || (stem.chars().count() == 1 && stem.chars().all(char::is_uppercase))
    {
        Some(Abbrev::NeverFinal)
    } else {
        Some(Abbrev::MaybeFinal)
    }
}

enum Abbrev {
    NeverFinal,
    MaybeFinal,
}

/// Paragraphs: runs of non-blank lines separated by blank lines; in a text with no blank line
/// between two non-blank lines, every line is a paragraph. Spans exclude surrounding whitespace.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut lines = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let trimmed_start = line.len() - line.trim_start_matches(is_space).len();
        let content = line.trim_matches(is_space);
        if content.is_empty() {
            lines.push(None);
        } else {
            let start = pos + trimmed_start;
            lines.push(Some(Span::new(start, start + content.len())));
        }
        pos += line.len();
    }
    let blank_between = {
        let first = lines.iter().position(Option::is_some);
        let last = lines.iter().rposition(Option::is_some);
        match (first, last) {
            (Some(f), Some(l)) => lines[f..l].iter().any(Option::is_none),
            _ => false,
        }
    };
    if !blank_between {
        // One paragraph per line, except that a line carried on in lower case is wrapped text.
        let mut paras: Vec<Span> = Vec::new();
        for line in lines.into_iter().flatten() {
            let continues = text[line.start..]
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            match paras.last_mut() {
                Some(last) if continues => last.end = line.end,
                _ => paras.push(line),
            }
        }
        return paras;
    }
    let mut paras: Vec<Span> = Vec::new();
    let mut current: Option<Span> = None;
    for line in lines {
        match (line, current.as_mut()) {
            (Some(l), Some(cur)) => cur.end = l.end,
            (Some(l), None) => current = Some(l),
            (None, _) => paras.extend(current.take()),
        }
    }
    paras.extend(current);
    paras
}

/// Closing quotation marks and brackets, alone or doubled (`""` closes a quote inside a quote
/// in some feeds).
fn is_closing(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(|c| {
            matches!(
                c,
                '"' | '\u{201D}' | '\'' | '\u{2019}' | '»' | ')' | ']' | '}' | '\u{203A}'
            )
        })
}

fn is_terminal(text: &str) -> bool {
    text.starts_with('.') && text.chars().all(|c| c == '.')
        || text.chars().all(|c| matches!(c, '?' | '!'))
        || text == "\u{2026}"
}

/// Splits the token stream into sentences that never cross a paragraph boundary.
pub fn sentences(text: &str, tokens: &[Token], paragraphs: &[Span]) -> Vec<Sentence> {
    let tok = |i: usize| &text[tokens[i].span.start..tokens[i].span.end];
    let para_of = |pos: usize| {
        paragraphs
            .partition_point(|p| p.start <= pos)
            .saturating_sub(1)
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let mut end = i + 1; // exclusive end of the sentence if it ends at token i
        let mut boundary = false;
        let t = tok(i);
        let next_starts_sentence = |j: usize| -> bool {
            match tokens.get(j) {
                None => true,
                Some(n) => {
                    let first = tok(j).chars().next().unwrap_or(' ');
                    n.line_start
                        || first.is_uppercase()
                        || first.is_ascii_digit()
                        || matches!(
                            first,
                            '"' | '\u{201C}' | '\u{2018}' | '\'' | '(' | '[' | '«'
                        )
                }
            }
        };
        if tokens[i].kind == TokenKind::Punct && is_terminal(t) {
            while end < tokens.len() && !tokens[end].space_before && is_closing(tok(end)) {
                end += 1;
            }
            boundary = next_starts_sentence(end);
        } else if tokens[i].kind == TokenKind::Word {
            match abbreviation_kind(t) {
                Some(Abbrev::NeverFinal) => {}
                Some(Abbrev::MaybeFinal) => {
                    boundary = match tokens.get(end) {
                        None => true,
                        Some(n) => n.line_start || SENTENCE_STARTERS.contains(&tok(end)),
                    };
                }
                None => {}
            }
        }
        // A line break ends a sentence unless the next line carries on in lower case.
        if !boundary {
            if let Some(n) = tokens.get(end) {
                let lower = tok(end).chars().next().is_some_and(char::is_lowercase);
                let new_para = para_of(n.span.start) != para_of(tokens[start].span.start);
                if new_para || (n.line_start && !lower) {
                    boundary = true;
                }
            } else {
                boundary = true;
            }
        }
        if boundary {
            let span = Span::new(tokens[start].span.start, tokens[end - 1].span.end);
            out.push(Sentence {
                span,
                tokens: start..end,
                paragraph: para_of(span.start),
            });
            start = end;
        }
        i = end;
    }
    out
}

/// The headline: the first line of a document that has more lines, when it is short and either
/// lacks closing punctuation (news headlines do) or is written in capitals.
pub fn find_title(text: &str, sentences: &[Sentence]) -> Option<Span> {
    let first = sentences.first()?;
    let line_start = first.span.start;
    let line_end = text[line_start..].find('\n').map(|n| line_start + n)?;
    let line = text[line_start..line_end].trim_end_matches(is_space);
    let rest = &text[line_end..];
    if line.is_empty() || rest.trim_matches(is_space).is_empty() {
        return None;
    }
    let words = line.split_whitespace().count();
    if words > 40 || line.chars().count() > 300 {
        return None;
    }
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    let mostly_caps = !letters.is_empty() && upper * 10 >= letters.len() * 8;
    let last = line.chars().last()?;
    let closed = matches!(last, '.' | '!' | '?' | ':' | ',' | ';')
        || (is_closing(&last.to_string())
            && line
                .chars()
                .rev()
                .nth(1)
                .is_some_and(|c| matches!(c, '.' | '!' | '?')));
    // The next line must start a new sentence, or the first line is just wrapped text.
    let next_lower = rest
        .trim_start_matches(is_space)
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    if (closed && !mostly_caps) || next_lower {
        return None;
    }
    Some(Span::new(line_start, line_start + line.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Document;

    fn token_texts(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.span.start..t.span.end])
            .collect()
    }

    fn sentence_texts(text: &str) -> Vec<String> {
        let doc = Document::new(text);
        (0..doc.sentences.len())
            .map(|i| doc.sentence_text(i).to_string())
            .collect()
    }

    #[test]
    fn tokens() {
        let cases: &[(&str, &[&str])] = &[
            ("China’s President", &["China", "’s", "President"]),
            ("the leaders' talks", &["the", "leaders", "'", "talks"]),
            ("don't O'Brien", &["don't", "O'Brien"]),
            ("U.S. and U.K. troops", &["U.S.", "and", "U.K.", "troops"]),
            ("Mr. Smith", &["Mr.", "Smith"]),
            (
                "rose 3.5% to $1.13bn",
                &["rose", "3.5", "%", "to", "$", "1.13bn"],
            ),
            ("£1,400 on 1996-08-30", &["£", "1,400", "on", "1996-08-30"]),
            ("China-Russia ties", &["China", "-", "Russia", "ties"]),
            ("the 75th anniversary", &["the", "75th", "anniversary"]),
            ("Wait... what?!", &["Wait", "...", "what", "?!"]),
            ("AT&T said", &["AT&T", "said"]),
            ("J. K. Rowling", &["J.", "K.", "Rowling"]),
            ("café naïve", &["café", "naïve"]),
        ];
        for (text, want) in cases {
            assert_eq!(&token_texts(text), want, "tokenizing {text:?}");
        }
    }

    #[test]
    fn sentence_boundaries() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Mr. Smith went to Washington. He met Dr. Jones.",
                &["Mr. Smith went to Washington.", "He met Dr. Jones."],
            ),
            (
                "The U.S. economy grew 3.5 percent. Prices rose.",
                &["The U.S. economy grew 3.5 percent.", "Prices rose."],
            ),
            (
                "Troops left the U.S. The war ended.",
                &["Troops left the U.S.", "The war ended."],
            ),
            (
                "It opened in Jan. 2020 to crowds.",
                &["It opened in Jan. 2020 to crowds."],
            ),
            (
                "J. K. Rowling wrote it. Fans cheered.",
                &["J. K. Rowling wrote it.", "Fans cheered."],
            ),
            (
                "\"Stop!\" she said. He did.",
                &["\"Stop!\" she said.", "He did."],
            ),
            (
                "\"We will win.\" He smiled.",
                &["\"We will win.\"", "He smiled."],
            ),
            (
                "Is it over? No, it is not.",
                &["Is it over?", "No, it is not."],
            ),
            (
                "He wrote \"\"The End.\"\" No one read it.",
                &["He wrote \"\"The End.\"\"", "No one read it."],
            ),
            (
                "Headline Without Stop\nBody starts here.",
                &["Headline Without Stop", "Body starts here."],
            ),
            (
                "A line that is\nwrapped in the middle.",
                &["A line that is\nwrapped in the middle."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&sentence_texts(text), want, "splitting {text:?}");
        }
    }

    #[test]
    fn paragraphs_split_on_blank_lines_or_else_lines() {
        let text = "Title\n\nFirst para\nstill first.\n\n  Second.  \n";
        let paras: Vec<&str> = paragraphs(text)
            .iter()
            .map(|p| &text[p.start..p.end])
            .collect();
        assert_eq!(paras, ["Title", "First para\nstill first.", "Second."]);
        let text = "Line one.\nLine two\nwrapped.\n";
        let paras: Vec<&str> = paragraphs(text)
            .iter()
            .map(|p| &text[p.start..p.end])
            .collect();
        assert_eq!(paras, ["Line one.", "Line two\nwrapped."]);
    }

    #[test]
    fn titles() {
        let title = |text: &str| {
            let doc = Document::new(text);
            doc.title.map(|t| doc.slice(t).to_string())
        };
        assert_eq!(
            title("Xi and Putin Sign Pact\n\nBody text here."),
            Some("Xi and Putin Sign Pact".into())
        );
        assert_eq!(
            title("SOCCER - JAPAN GET LUCKY WIN .\nTOKYO 1996-08-30"),
            Some("SOCCER - JAPAN GET LUCKY WIN .".into())
        );
        assert_eq!(title("This is a sentence.\nAnother one."), None);
        assert_eq!(title("Only one line"), None);
        assert_eq!(title("\u{FEFF}Headline\nBody."), Some("Headline".into()));
    }

    #[test]
    fn bom_and_crlf_are_whitespace() {
        let text = "\u{FEFF}First line\r\nSecond line.\r\n";
        assert_eq!(sentence_texts(text), ["First line", "Second line."]);
    }
}
