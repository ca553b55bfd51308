//! Dates, times, amounts and numbers (OntoNotes DATE, TIME, MONEY, PERCENT, QUANTITY, ORDINAL,
//! CARDINAL), found by a left-to-right scan over a sentence's tokens.
//!
//! Conventions follow OntoNotes: a modifier of an amount belongs to it ("about 20 minutes",
//! "more than a year"), a day and its date are one DATE ("Thursday March 31, 2011"), a duration
//! in days or longer is a DATE and one in hours or shorter a TIME.

use std::sync::LazyLock;

use regex::Regex;

use super::EntityType;
use crate::doc::{Document, Span, TokenKind};

/// A fixed word list. The lists are asked about every token, so membership first checks two
/// bit masks made at compile time, the lengths and the first bytes of the words (most tokens
/// fail one of them), and only then compares words.
struct List {
    words: &'static [&'static str],
    /// Bit `n` set: some word is `n` bytes long (words of 64 bytes or more are not listed).
    lengths: u64,
    /// Bit `b` set: some word starts with byte `b`, or with its ASCII upper case.
    firsts: [u64; 4],
}

impl List {
    const fn new(words: &'static [&'static str]) -> List {
        let mut lengths = 0u64;
        let mut firsts = [0u64; 4];
        let mut i = 0;
        while i < words.len() {
            let w = words[i].as_bytes();
            assert!(
                !w.is_empty() && w.len() < 64,
                "list words are 1 to 63 bytes"
            );
            lengths |= 1 << w.len();
            let b = w[0];
            firsts[(b >> 6) as usize] |= 1 << (b & 63);
            let upper = b.to_ascii_uppercase();
            firsts[(upper >> 6) as usize] |= 1 << (upper & 63);
            i += 1;
        }
        List {
            words,
            lengths,
            firsts,
        }
    }

    /// Could `w` be listed, ignoring ASCII case in its first byte?
    #[inline]
    fn may_hold(&self, w: &str) -> bool {
        let b = w.as_bytes();
        !b.is_empty()
            && b.len() < 64
            && self.lengths & (1 << b.len()) != 0
            && self.firsts[(b[0] >> 6) as usize] & (1 << (b[0] & 63)) != 0
    }

    /// `w` is listed, exactly as written.
    #[inline]
    fn contains(&self, w: &&str) -> bool {
        self.may_hold(w) && self.words.contains(w)
    }

    /// `w` is listed, ignoring ASCII case.
    #[cfg(test)]
    fn contains_ignoring_ascii_case(&self, w: &str) -> bool {
        self.may_hold(w) && self.words.iter().any(|m| m.eq_ignore_ascii_case(w))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub span: Span,
    pub label: EntityType,
}

static MONTHS: List = List::new(&[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
    "jan",
    "feb",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
]);
/// Month names that are also ordinary words: a DATE only next to a number.
static AMBIGUOUS_MONTHS: List = List::new(&[
    "may", "march", "jan", "feb", "aug", "sep", "sept", "oct", "nov", "dec",
]);
static WEEKDAYS: List = List::new(&[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
]);
static DATE_UNITS: List = List::new(&[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "decade",
    "decades",
    "century",
    "centuries",
    "weekend",
    "weekends",
    "season",
    "seasons",
    "quarter",
    "quarters",
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
    "semester",
    "fortnight",
    "millennium",
]);
static TIME_UNITS: List = List::new(&[
    "hr",
    "hr.",
    "hrs",
    "hrs.",
    "min",
    "min.",
    "mins",
    "secs",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "night",
    "nights",
    "morning",
    "mornings",
    "afternoon",
    "afternoons",
    "evening",
    "evenings",
]);
static RELATIVE: List = List::new(&[
    "last",
    "next",
    "this",
    "past",
    "coming",
    "previous",
    "following",
    "recent",
    "same",
    "early",
    "late",
    "mid",
    "every",
]);
/// Verbs of spending time, after which a plural unit alone is a duration ("spend hours").
static SPEND: List = List::new(&[
    "spend", "spends", "spent", "spending", "waited", "wait", "waiting", "took", "lasted",
]);
/// Time zones written after a clock time ("8 PM ET", "20:00 GMT").
static ZONES: List = List::new(&[
    "ET", "PT", "CT", "MT", "GMT", "BST", "CET", "CEST", "EST", "EDT", "PST", "PDT", "CST", "CDT",
    "MST", "MDT", "UTC", "IST", "JST", "AEST", "AEDT",
]);
/// Abbreviated units whose full stop the segmenter may read as a sentence's end ("a 1 min.
/// clip", "a 13 hr. epic").
static DOTTED_UNITS: List = List::new(&[
    "min", "mins", "hr", "hrs", "sec", "secs", "ft", "in", "yd", "yds", "lb", "lbs", "oz", "mi",
]);
static DATE_WORDS: List = List::new(&["today", "yesterday", "tomorrow", "annually", "overnight"]);
static TIME_WORDS: List = List::new(&["tonight", "noon", "midnight", "midday", "overnight"]);
static CURRENCY_WORDS: List = List::new(&[
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "yen", "yuan", "renminbi",
    "rupee", "rupees", "rouble", "roubles", "ruble", "rubles", "franc", "francs", "mark", "marks",
    "peso", "pesos", "cent", "cents", "pence", "won", "lira", "lire", "krona", "kronor", "krone",
    "kroner", "shekels", "shekel", "dinar", "dinars", "rand", "real", "reais", "guilders", "baht",
    "ringgit", "riyals", "dirhams",
]);
static UNITS: List = List::new(&[
    "km",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "miles",
    "mile",
    "metres",
    "meters",
    "metre",
    "meter",
    "m",
    "cm",
    "mm",
    "feet",
    "foot",
    "ft",
    "ft.",
    "inches",
    "inch",
    "in.",
    "yards",
    "yard",
    "kg",
    "kilograms",
    "kilogram",
    "kilos",
    "grams",
    "gram",
    "g",
    "lb",
    "lbs",
    "oz",
    "ounces",
    "tonnes",
    "tonne",
    "tons",
    "ton",
    "acres",
    "acre",
    "hectares",
    "hectare",
    "barrels",
    "barrel",
    "bpd",
    "litres",
    "liters",
    "litre",
    "liter",
    "gallons",
    "gallon",
    "degrees",
    "mph",
    "kph",
    "km/h",
    "megawatts",
    "mw",
    "gigawatts",
    "gw",
    "kw",
    "kilowatts",
    "bushels",
    "sq",
    "square",
    "cubic",
    "calories",
    "storeys",
    "stories",
    "mb",
    "gb",
    "tb",
    "pixels",
    "knots",
]);
static SCALES: List = List::new(&[
    "hundred", "thousand", "million", "billion", "trillion", "mln", "bln", "bn", "m", "k", "dozen",
]);
static NUMBER_WORDS: List = List::new(&[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "half",
    "a",
]);
static ORDINAL_WORDS: List = List::new(&[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fifteenth",
    "twentieth",
    "thirtieth",
    "fiftieth",
    "hundredth",
    "thousandth",
]);
/// Modifiers OntoNotes keeps inside an amount's span.
/// Longest first: the first that matches is taken.
const MODIFIERS: &[&[&str]] = &[
    &["no", "more", "than"],
    &["no", "less", "than"],
    &["no", "fewer", "than"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["at", "least"],
    &["close", "to"],
    &["up", "to"],
    &["as", "many", "as"],
    &["as", "much", "as"],
    &["about"],
    &["around"],
    &["nearly"],
    &["almost"],
    &["approximately"],
    &["roughly"],
    &["some"],
    &["over"],
    &["under"],
    &["only"],
];

static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}-\d{1,2}-\d{4})$")
        .expect("valid regex")
});
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:1[5-9]\d\d|20\d\d)$").expect("valid regex"));
static DECADE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:1[5-9]\d0|20\d0|[2-9]0)s$").expect("valid regex"));
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[01]?\d|2[0-3])[:.][0-5]\d(?:am|pm|GMT|BST|EST|ET|GMT|h)?$")
        .expect("valid regex")
});
static HOUR_SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:1[0-2]|[1-9])(?:am|pm)$").expect("valid regex"));
static ORDINAL_NUM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d+(?:st|nd|rd|th)$").expect("valid regex"));
static PLAIN_NUM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$").expect("valid regex")
});
/// A number with its scale or unit glued on: "1.13bn", "5km", "6lb", "99p".
static NUM_SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d[\d,]*(?:\.\d+)?)([A-Za-z]+)$").expect("valid regex"));
/// A fraction after a whole number: "1/2" in "2 1/2 years" (a digit over one or two digits).
fn is_fraction(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 3
        && b.len() <= 4
        && b[0].is_ascii_digit()
        && b[1] == b'/'
        && b[2..].iter().all(u8::is_ascii_digit)
}
/// A range of days: "13-17" in "April 13-17".
static DAY_RANGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-3]?\d-[0-3]?\d$").expect("valid regex"));
/// Scores and ranges: "4-1", "6-3", "1-0".
static SCORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,3}-\d{1,3}$").expect("valid regex"));

fn lower(s: &str) -> String {
    s.to_lowercase()
}

struct Toks<'a> {
    doc: &'a Document,
    range: std::ops::Range<usize>,
    /// The sentence's tokens and their lower-case forms, looked up once: the scanner reads
    /// each several times.
    texts: Vec<&'a str>,
    lows: Vec<&'a str>,
}

impl<'a> Toks<'a> {
    fn new(doc: &'a Document, range: std::ops::Range<usize>) -> Toks<'a> {
        Toks {
            doc,
            texts: range.clone().map(|i| doc.token_text(i)).collect(),
            lows: range.clone().map(|i| doc.token_lower(i)).collect(),
            range,
        }
    }
    fn text(&self, i: usize) -> &'a str {
        i.checked_sub(self.range.start)
            .and_then(|k| self.texts.get(k))
            .copied()
            .unwrap_or("")
    }
    fn low(&self, i: usize) -> &'a str {
        i.checked_sub(self.range.start)
            .and_then(|k| self.lows.get(k))
            .copied()
            .unwrap_or("")
    }
    fn kind(&self, i: usize) -> Option<TokenKind> {
        (i >= self.range.start && i < self.range.end).then(|| self.doc.tokens[i].kind)
    }
    /// Token `i` is glued to token `i - 1` (no space), as in "5-year" or "$5".
    fn glued(&self, i: usize) -> bool {
        i > self.range.start && i < self.range.end && !self.doc.tokens[i].space_before
    }
}

fn is_number_token(t: &Toks, i: usize) -> bool {
    if t.kind(i) != Some(TokenKind::Number) {
        return false;
    }
    let s = t.text(i);
    PLAIN_NUM.is_match(s)
}

fn is_number_word(w: &str) -> bool {
    NUMBER_WORDS.contains(&w) && w != "a" && w != "half"
}

/// Extends a number starting at `i`: digits or number words with their scales
/// ("two million", "1.5 billion", "twenty - five"). Returns the index after it.
fn number_end(t: &Toks, i: usize) -> Option<usize> {
    let mut j = i;
    if is_number_token(t, j) {
        j += 1;
        // "2 1/2"
        if is_fraction(t.text(j)) && !t.glued(j) {
            j += 1;
        }
    } else if let Some(scale_at) = article_scale(t, j) {
        // "a million", "half a million", "a dozen": the scale loop below takes the scale.
        j = scale_at;
    } else if is_number_word(t.low(j)) {
        j += 1;
        // "twenty-five", "one hundred and twenty"
        loop {
            let hyphen = t.text(j) == "-" && t.glued(j);
            let and = t.low(j) == "and" && matches!(t.low(j - 1), "hundred" | "thousand");
            if (hyphen || and) && is_number_word(t.low(j + 1)) {
                j += 2;
            } else if is_number_word(t.low(j)) && continues_number(t.low(j - 1), t.low(j)) {
                j += 1;
            } else {
                break;
            }
        }
    } else {
        return None;
    }
    while SCALES.contains(&t.low(j)) && t.kind(j) == Some(TokenKind::Word) {
        j += 1;
    }
    Some(j)
}

/// Does number word `next` continue the number ending in `prev`? "twenty five", "two
/// hundred", "hundred five" do; "two eight" ("two eight-year-old boys") is two numbers.
fn continues_number(prev: &str, next: &str) -> bool {
    const TENS: &[&str] = &[
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    const SCALE_WORDS: &[&str] = &[
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
        "dozen",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "dozens",
    ];
    SCALE_WORDS.contains(&next) || TENS.contains(&prev) || SCALE_WORDS.contains(&prev)
}

/// "a million", "a dozen", "half a million": where the scale word is, after "a" or "half"
/// at `i`.
fn article_scale(t: &Toks, i: usize) -> Option<usize> {
    let mut j = i;
    if t.low(j) == "half" {
        j += 1;
    }
    if matches!(t.low(j), "a" | "an") {
        j += 1;
    }
    let word_scale = matches!(
        t.low(j),
        "dozen" | "hundred" | "thousand" | "million" | "billion" | "trillion"
    );
    (j > i && word_scale).then_some(j)
}

/// Words after which a dotted number is a clock time ("at 10.30", "until 9.15"), unless an
/// amount follows ("at 1.25 million").
static CLOCK_CUES: List = List::new(&["at", "until", "till", "before", "after"]);

/// Words after a number that make it an amount, not a clock time.
fn amount_follows(next: &str) -> bool {
    SCALES.contains(&next)
        || matches!(
            next,
            "%" | "percent" | "pct" | "per" | "points" | "p" | "pence"
        )
        || CURRENCY_WORDS.contains(&next)
        || UNITS.contains(&next)
}

/// Is the number at `i` (which matches [`CLOCK`]) a clock time? With a colon, an "am"/"pm"
/// or a time zone it is; with a dot only after a time cue and before no amount word, since
/// "1.25 million" and "5.25%" are decimals.
fn is_clock(t: &Toks, i: usize) -> bool {
    let raw = t.text(i);
    let next = t.low(i + 1);
    raw.contains(':')
        || raw.ends_with(|c: char| c.is_ascii_alphabetic())
        || matches!(
            next,
            "a.m." | "p.m." | "am" | "pm" | "gmt" | "et" | "bst" | "est" | "cet"
        )
        || (CLOCK_CUES.contains(&t.low(i.wrapping_sub(1))) && !amount_follows(next))
}

/// Largest group of digits in a telephone number ("07946", "0000").
const PHONE_GROUP_MAX: usize = 5;
/// Fewest digits of a telephone number (a local number without its area code).
const PHONE_DIGITS_MIN: usize = 7;

/// A telephone number starting at token `i` ("020 7946 0000", "+44 20 7946 0000",
/// "(555) 123-4567", "555-1234"): the index after it. Groups of digits without commas or
/// points, separated by spaces or hyphens, at least [`PHONE_DIGITS_MIN`] digits in all, none
/// longer than [`PHONE_GROUP_MAX`]; and marked as a telephone number by a "+", a bracketed
/// area code, a leading zero, three groups or more, or hyphens (two groups of four digits or
/// more, such as two years "1996 2000", are not).
fn phone_end(t: &Toks, i: usize) -> Option<usize> {
    let first = t.text(i).as_bytes().first()?;
    if !(first.is_ascii_digit() || *first == b'+' || *first == b'(') {
        return None;
    }
    let digit_group = |k: usize| {
        let s = t.text(k);
        t.kind(k) == Some(TokenKind::Number)
            && !s.is_empty()
            && !ISO_DATE.is_match(s)
            && s.split('-').all(|g| {
                !g.is_empty() && g.len() <= PHONE_GROUP_MAX && g.bytes().all(|b| b.is_ascii_digit())
            })
    };
    let mut j = i;
    let mut marked = false;
    let (mut groups, mut digits) = (0, 0);
    if t.text(j) == "+" && t.glued(j + 1) && digit_group(j + 1) {
        j += 1;
        marked = true;
    } else if t.text(j) == "(" && digit_group(j + 1) && t.text(j + 2) == ")" {
        groups += 1;
        digits += t.text(j + 1).len();
        j += 3;
        marked = true;
    }
    if !digit_group(j) {
        return None;
    }
    marked |= t.text(j).starts_with('0');
    while digit_group(j) && (groups == 0 || !t.glued(j)) {
        let s = t.text(j);
        // "123-4567", not a score "4-1": a hyphenated number ends in four digits or more.
        marked |= s.contains('-') && s.rsplit('-').next().is_some_and(|g| g.len() >= 4);
        groups += s.split('-').count();
        digits += s.bytes().filter(u8::is_ascii_digit).count();
        j += 1;
    }
    (digits >= PHONE_DIGITS_MIN && groups >= 2 && (marked || groups >= 3)).then_some(j)
}

/// Currency prefixes glued before "$", as the tokenizer splits "A$5": "A", "$".
static DOLLAR_PREFIXES: List = List::new(&["US", "A", "AU", "C", "CA", "NZ", "HK", "S", "NT", "R"]);

/// Where an amount whose currency symbol is at `i` starts: at the symbol, or at a prefix glued
/// before it ("US$", "A$", "HK$").
fn currency_start(t: &Toks, i: usize) -> usize {
    if t.text(i) == "$" && t.glued(i) && DOLLAR_PREFIXES.contains(&t.text(i.wrapping_sub(1))) {
        i - 1
    } else {
        i
    }
}

/// Extends the span left over modifiers ("about", "more than") ending right before `i`.
fn with_modifier(t: &Toks, i: usize) -> usize {
    for m in MODIFIERS {
        if i >= t.range.start + m.len() {
            let s = i - m.len();
            if m.iter().enumerate().all(|(k, w)| t.low(s + k) == *w) {
                return s;
            }
        }
    }
    i
}

fn is_month(w: &str) -> bool {
    MONTHS.contains(&w)
}

/// Scans one sentence; `taken[i]` marks tokens already claimed by names.
pub fn scan(doc: &Document, sentence: usize, taken: &[bool]) -> Vec<Found> {
    let range = doc.sentences[sentence].tokens.clone();
    let t = Toks::new(doc, range.clone());
    let free = |i: usize| !taken.get(i).copied().unwrap_or(true);
    let mut out: Vec<(usize, usize, EntityType)> = Vec::new();
    let mut i = range.start;
    while i < range.end {
        if !free(i) {
            i += 1;
            continue;
        }
        if let Some(end) = phone_end(&t, i) {
            i = end;
            continue;
        }
        match match_at(&t, i) {
            Some((start, end, label)) if (start..end).all(free) => {
                out.push((start, end, label));
                i = end;
            }
            // A modifier or currency prefix before `i` that a name took: the rest stands.
            Some((start, end, label)) if start < i && (i..end).all(free) => {
                out.push((i, end, label));
                i = end;
            }
            _ => i += 1,
        }
    }
    // A weekday next to a date is one DATE: "Thursday, March 31, 2011"; a weight or length in
    // two units one QUANTITY: "6lb 2oz".
    let mut merged: Vec<(usize, usize, EntityType)> = Vec::new();
    for c in out {
        if let Some(last) = merged.last_mut() {
            if last.2 == EntityType::Quantity && c.2 == EntityType::Quantity && last.1 == c.0 {
                last.1 = c.1;
                continue;
            }
            // "11.45pm last night", "8am this morning": a clock time and its day are one.
            if last.2 == EntityType::Time && c.2 == EntityType::Time && last.1 == c.0 {
                last.1 = c.1;
                continue;
            }
            let gap: Vec<&str> = (last.1..c.0).map(|k| t.text(k)).collect();
            // Not two days of a listing: "Sat, Mon, Tue" are three dates.
            let day = |k: usize| WEEKDAYS.contains(&t.low(k)) || is_day_abbreviation(doc, k);
            if last.2 == EntityType::Date
                && c.2 == EntityType::Date
                && (gap.is_empty() || gap == [","])
                && !(day(last.0) && day(c.0))
            {
                last.1 = c.1;
                continue;
            }
        }
        merged.push(c);
    }
    for (s, e, label) in &mut merged {
        if *label == EntityType::Time {
            // "later tonight", "early this morning".
            if *s > range.start
                && matches!(t.low(*s - 1), "later" | "late" | "early")
                && free(*s - 1)
            {
                *s -= 1;
            }
            // "8 PM ET", "8 PM ET/PT".
            if ZONES.contains(&t.text(*e)) && free(*e) {
                *e += 1;
                if t.text(*e) == "/" && t.glued(*e) && ZONES.contains(&t.text(*e + 1)) {
                    *e += 2;
                }
            }
        }
        // "a 1 min. clip": the abbreviation's full stop, when the sentence goes on in lower
        // case after it.
        if matches!(label, EntityType::Time | EntityType::Quantity)
            && t.text(*e) == "."
            && t.glued(*e)
            && DOTTED_UNITS.contains(&t.low(*e - 1))
            && doc.tokens.get(*e + 1).is_some_and(|n| {
                doc.slice(n.span)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
            })
        {
            *e += 1;
        }
    }
    merged
        .into_iter()
        .map(|(s, e, label)| Found {
            span: Span::new(doc.tokens[s].span.start, doc.tokens[e - 1].span.end),
            label,
        })
        .collect()
}

/// The amount, date or number starting at token `i`, as (first token, end token, label).
fn match_at(t: &Toks, i: usize) -> Option<(usize, usize, EntityType)> {
    let w = t.low(i);
    let raw = t.text(i);
    // Dates written with months and weekdays.
    if is_day_abbreviation(t.doc, i) {
        let mut end = i + 1;
        if let Some((_, e, EntityType::Date)) = month_date(t, end) {
            end = e;
        }
        return Some((i, end, EntityType::Date));
    }
    if WEEKDAYS.contains(&w) {
        let mut end = i + 1;
        if TIME_UNITS.contains(&t.low(end)) && t.low(end) != "second" {
            return Some((i, end + 1, EntityType::Time));
        }
        if let Some((_, e, EntityType::Date)) = month_date(t, end) {
            end = e;
        }
        return Some((with_relative(t, i), end, EntityType::Date));
    }
    if is_month(w)
        && raw.chars().next().is_some_and(char::is_uppercase)
        && let Some(found) = month_date(t, i)
    {
        return Some(found);
    }
    if is_number_token(t, i) && is_month(t.low(i + 1)) {
        // "30 August 1996"
        if t.text(i).len() <= 2 && t.text(i + 1).chars().next().is_some_and(char::is_uppercase) {
            let mut end = i + 2;
            if YEAR.is_match(t.text(end)) {
                end += 1;
            }
            return Some((i, end, EntityType::Date));
        }
    }
    if DATE_WORDS.contains(&w) && w != "overnight" {
        return Some((i, i + 1, EntityType::Date));
    }
    if TIME_WORDS.contains(&w) && w != "overnight" {
        return Some((i, i + 1, EntityType::Time));
    }
    if RELATIVE.contains(&w) && !matches!(w, "early" | "late" | "mid" | "recent" | "same") {
        // "the next day", "this past week"
        let start = if t.low(i.wrapping_sub(1)) == "the" {
            i - 1
        } else {
            i
        };
        let mut u_at = i + 1;
        if matches!(t.low(u_at), "past" | "last" | "coming") {
            u_at += 1;
        }
        let u = t.low(u_at);
        if DATE_UNITS.contains(&u) && !u.ends_with('s') || WEEKDAYS.contains(&u) {
            return Some((start, u_at + 1, EntityType::Date));
        }
        if matches!(u, "night" | "morning" | "evening" | "afternoon") {
            return Some((i, i + 2, EntityType::Time));
        }
    }
    // Seasons: "summer", "the autumn", "spring 2012"; "fall" only after an article.
    let season = |k: usize| matches!(t.low(k), "summer" | "winter" | "spring" | "autumn");
    if season(i) || (w == "the" && (season(i + 1) || t.low(i + 1) == "fall")) {
        let mut end = if w == "the" { i + 2 } else { i + 1 };
        if YEAR.is_match(t.text(end)) {
            end += 1;
        }
        return Some((i, end, EntityType::Date));
    }
    // Vague durations: "a week ago", "several years", "a couple of weeks", "these days".
    if matches!(
        w,
        "a" | "an" | "several" | "few" | "many" | "these" | "recent"
    ) {
        let mut u = i + 1;
        if matches!(t.low(u), "few" | "couple") {
            u += 1;
            if t.low(u) == "of" {
                u += 1;
            }
        }
        let unit = t.low(u);
        let plural = unit.ends_with('s');
        let fits = if matches!(w, "a" | "an") {
            !plural || u > i + 1
        } else {
            plural
        };
        if DATE_UNITS.contains(&unit) && fits && !(w == "these" && unit != "days") {
            let mut end = u + 1;
            if matches!(t.low(end), "ago" | "earlier" | "later" | "old" | "long") {
                end += 1;
            }
            let start = with_modifier(t, i);
            return Some((start, end, EntityType::Date));
        }
    }
    // "for years", "spent months", "for hours", "spend hours": a plural unit alone after
    // "for" or a verb of spending time is a duration.
    if w == "for" || SPEND.contains(&w) {
        if matches!(t.low(i + 1), "years" | "decades" | "months" | "centuries") {
            return Some((i + 1, i + 2, EntityType::Date));
        }
        if matches!(t.low(i + 1), "hours" | "minutes") {
            return Some((i + 1, i + 2, EntityType::Time));
        }
    }
    if w == "the" {
        // "the 1990s", "the past five years"
        if DECADE.is_match(t.text(i + 1)) {
            return Some((i, i + 2, EntityType::Date));
        }
        if matches!(t.low(i + 1), "past" | "last" | "next" | "coming")
            && let Some(e) = number_end(t, i + 2)
            && DATE_UNITS.contains(&t.low(e))
        {
            return Some((i, e + 1, EntityType::Date));
        }
        return None;
    }
    if t.kind(i) == Some(TokenKind::Number) {
        // "007", "0800": a leading zero makes a code or a name, not a count.
        if inside_name(t, i)
            || (raw.len() > 1 && raw.starts_with('0') && raw.as_bytes()[1].is_ascii_digit())
        {
            return None;
        }
        // "&#039;": a character reference in HTML-escaped text, not a number; "PG-13",
        // "Super-8": part of a name.
        if (t.text(i.wrapping_sub(1)) == "#" || t.text(i.wrapping_sub(1)) == "-") && t.glued(i) {
            return None;
        }
        if matches!(t.low(i + 1), "pm" | "am" | "p.m." | "a.m.")
            && raw.parse::<u32>().is_ok_and(|h| (1..=12).contains(&h))
        {
            return Some((i, i + 2, EntityType::Time));
        }
        if ISO_DATE.is_match(raw) || DECADE.is_match(raw) {
            return Some((i, i + 1, EntityType::Date));
        }
        if (CLOCK.is_match(raw) && is_clock(t, i)) || HOUR_SUFFIX.is_match(raw) {
            let mut end = i + 1;
            if matches!(
                t.low(end),
                "a.m." | "p.m." | "am" | "pm" | "gmt" | "et" | "bst"
            ) {
                end += 1;
            }
            return Some((i, end, EntityType::Time));
        }
        if ORDINAL_NUM.is_match(raw) {
            return Some((i, i + 1, EntityType::Ordinal));
        }
        if SCORE.is_match(raw) {
            return Some((i, i + 1, EntityType::Cardinal));
        }
        if let Some(c) = NUM_SUFFIX.captures(raw) {
            let suffix = lower(&c[2]);
            let start = with_modifier(t, i);
            let money_before = is_currency_symbol(t.text(i.wrapping_sub(1))) && t.glued(i);
            if money_before {
                return Some((
                    start.min(currency_start(t, i - 1)),
                    i + 1,
                    EntityType::Money,
                ));
            }
            if suffix == "p" {
                return Some((start, i + 1, EntityType::Money));
            }
            if UNITS.contains(&suffix.as_str()) {
                return Some((start, i + 1, EntityType::Quantity));
            }
            if SCALES.contains(&suffix.as_str()) {
                return amount_after(t, start, i + 1);
            }
            return None;
        }
    }
    if matches!(raw, "No." | "no." | "No")
        && t.kind(i + 1) == Some(TokenKind::Number)
        && t.text(i + 1).len() <= 3
    {
        return Some((i, i + 2, EntityType::Ordinal));
    }
    if is_currency_symbol(raw) {
        // "$5", "US$ 5", "£1,400", "$1.13bn"
        let n = i + 1;
        if t.kind(n) == Some(TokenKind::Number) {
            let end = number_end(t, n).unwrap_or(n + 1);
            let start = with_modifier(t, currency_start(t, i));
            return Some((start, end, EntityType::Money));
        }
        return None;
    }
    if ORDINAL_WORDS.contains(&w) {
        // Not an ordinal: "at first", "for a second", "per second", "first-person".
        let prev = t.low(i.wrapping_sub(1));
        if matches!(prev, "at" | "a" | "per") || (t.text(i + 1) == "-" && t.glued(i + 1)) {
            return None;
        }
        return Some((i, i + 1, EntityType::Ordinal));
    }
    // Plain numbers and number words, and what they count.
    if w == "one" && !counts_something(t, i) {
        return None;
    }
    let end = number_end(t, i)?;
    // An age is a DATE in OntoNotes: "Smith, 45, said", "aged 45".
    if end == i + 1 && raw.len() <= 3 && raw.parse::<u32>().is_ok_and(|n| n < 120) {
        // "Smith, 45, said", "The presenter, 32, who": after a word, not in a list of
        // numbers ("1, 2, 3").
        let after_name = t.text(i.wrapping_sub(1)) == ","
            && t.text(i + 1) == ","
            && t.kind(i.wrapping_sub(2)) == Some(TokenKind::Word)
            && t.kind(i + 2) == Some(TokenKind::Word);
        if after_name || t.low(i.wrapping_sub(1)) == "aged" {
            return Some((i, i + 1, EntityType::Date));
        }
    }
    // "until 12", "till 9": an hour of the clock.
    if end == i + 1
        && matches!(t.low(i.wrapping_sub(1)), "until" | "till")
        && raw.parse::<u32>().is_ok_and(|h| (1..=24).contains(&h))
        && !amount_follows(t.low(end))
    {
        return Some((i, end, EntityType::Time));
    }
    // A bare year: a DATE when it stands like one.
    if end == i + 1 && YEAR.is_match(raw) {
        let next = t.low(end);
        if !UNITS.contains(&next) && next != "%" && !CURRENCY_WORDS.contains(&next) {
            return Some((i, end, EntityType::Date));
        }
    }
    let start = with_modifier(t, i);
    amount_after(t, start, end)
}

/// A number between two capitalised words inside a sentence is part of a name: "the 100 Club",
/// "The 51st State", "Route 66 Diner"; not after a month or weekday ("May 4 Smith").
fn inside_name(t: &Toks, i: usize) -> bool {
    let capital = |k: usize| {
        t.kind(k) == Some(TokenKind::Word)
            && t.text(k).chars().next().is_some_and(char::is_uppercase)
    };
    let prev = i.wrapping_sub(1);
    let calendar = |k: usize| is_month(t.low(k)) || WEEKDAYS.contains(&t.low(k));
    prev > t.range.start
        && capital(prev)
        && capital(i + 1)
        && !calendar(prev)
        && !calendar(i + 1)
        && !is_currency_symbol(t.text(prev))
        && !title_case(t)
}

/// A headline or a line in title case or capitals, where a capital says nothing: at least half
/// of its words are capitalised. (Counted only when asked, which is rare.)
fn title_case(t: &Toks) -> bool {
    let words = t
        .range
        .clone()
        .filter(|k| t.kind(*k) == Some(TokenKind::Word));
    let (mut all, mut capital) = (0, 0);
    for k in words {
        all += 1;
        if t.text(k).chars().next().is_some_and(char::is_uppercase) {
            capital += 1;
        }
    }
    capital * 2 >= all
}

/// "one" is a number when it counts something ("one of them", "one man"), not when it is a
/// pronoun ("one cannot", "an interesting one", "no one").
fn counts_something(t: &Toks, i: usize) -> bool {
    let prev = t.low(i.wrapping_sub(1));
    let next = t.low(i + 1);
    if matches!(
        prev,
        "no" | "the"
            | "at"
            | "every"
            | "any"
            | "each"
            | "this"
            | "that"
            | "a"
            | "an"
            | "which"
            | "someone"
    ) || next == "another"
    {
        return false;
    }
    if next == "of" {
        return true;
    }
    let word = t.kind(i + 1) == Some(TokenKind::Word) && next.chars().all(char::is_lowercase);
    const NOT_NOUNS: &[&str] = &[
        "can", "cannot", "could", "would", "should", "must", "might", "will", "may", "shall",
        "does", "doesn't", "did", "has", "had", "is", "was", "gets", "wants", "needs", "and", "or",
        "but", "that", "who", "which", "to", "in", "on", "at", "by", "for", "with", "is", "the",
        "a", "an", "his", "her", "its", "their", "our", "my", "your",
    ];
    word && !NOT_NOUNS.contains(&next)
}

fn is_currency_symbol(s: &str) -> bool {
    matches!(
        s,
        "$" | "£" | "€" | "¥" | "₹" | "₽" | "US$" | "C$" | "A$" | "HK$"
    )
}

/// Classifies a number spanning `start..end` by what follows it.
fn amount_after(t: &Toks, start: usize, end: usize) -> Option<(usize, usize, EntityType)> {
    let next = t.low(end);
    if next == "%" || next == "percent" || next == "pct" {
        return Some((start, end + 1, EntityType::Percent));
    }
    if next == "per" && t.low(end + 1) == "cent" {
        return Some((start, end + 2, EntityType::Percent));
    }
    if next == "percentage" && t.low(end + 1) == "points" {
        return Some((start, end + 2, EntityType::Percent));
    }
    if CURRENCY_WORDS.contains(&next) && !(next == "won" || next == "mark" || next == "real") {
        return Some((start, end + 1, EntityType::Money));
    }
    // "5-year-old", "10-day" (joined with hyphens) and "three months"
    let (unit_at, hyphen) = if next == "-" && t.glued(end) {
        (end + 1, true)
    } else {
        (end, false)
    };
    let unit = t.low(unit_at);
    if DATE_UNITS.contains(&unit) {
        let mut e = unit_at + 1;
        if matches!(t.low(e), "ago" | "back" | "ahead" | "earlier" | "later")
            || (t.low(e) == "old" && !hyphen)
        {
            e += 1;
        } else if hyphen && t.text(e) == "-" && t.low(e + 1) == "old" {
            e += 2;
        }
        return Some((start, e, EntityType::Date));
    }
    if TIME_UNITS.contains(&unit) && unit != "second" {
        return Some((start, unit_at + 1, EntityType::Time));
    }
    if UNITS.contains(&unit) && unit != "m" && unit != "in." {
        let e = if matches!(unit, "square" | "sq" | "cubic") {
            unit_at + 2
        } else if matches!(unit, "degrees" | "degree")
            && matches!(
                t.text(unit_at + 1),
                "Celsius" | "Fahrenheit" | "Kelvin" | "centigrade" | "C" | "F"
            )
        {
            // "30 degrees Celsius": the scale is part of the unit.
            unit_at + 2
        } else {
            unit_at + 1
        };
        return Some((start, e, EntityType::Quantity));
    }
    // Number words alone are CARDINAL only when they count something ("two of", "three
    // countries"); "a" and "half" never stand alone.
    let first = t.low(start);
    if (first == "a" || first == "half") && end <= start + 1 {
        return None;
    }
    Some((start, end, EntityType::Cardinal))
}

/// "last Friday", "this Monday": a relative word before a weekday belongs to the DATE.
fn with_relative(t: &Toks, i: usize) -> usize {
    if i > t.range.start && matches!(t.low(i - 1), "last" | "next" | "this" | "on") {
        if t.low(i - 1) == "on" {
            return i;
        }
        return i - 1;
    }
    i
}

/// A date starting with a month name at `i`: "Aug. 30", "March 31, 2011", "January 1996",
/// "May 4". A month alone is a DATE unless it is also an ordinary word ("may", "march").
fn month_date(t: &Toks, i: usize) -> Option<(usize, usize, EntityType)> {
    let w = t.low(i);
    if !is_month(w) || !t.text(i).chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let mut end = i + 1;
    let day = t.text(end);
    let day_like = t.kind(end) == Some(TokenKind::Number)
        && (day.len() <= 2 || ORDINAL_NUM.is_match(day) || DAY_RANGE.is_match(day))
        && !YEAR.is_match(day);
    if day_like {
        end += 1;
        if t.text(end) == "," && YEAR.is_match(t.text(end + 1)) {
            end += 2;
        } else if YEAR.is_match(t.text(end)) {
            end += 1;
        }
    } else if YEAR.is_match(day) {
        end += 1;
    } else if AMBIGUOUS_MONTHS.contains(&w) || w.ends_with('.') {
        return None;
    }
    let start = if i > t.range.start
        && matches!(
            t.low(i - 1),
            "early" | "late" | "mid" | "last" | "next" | "this"
        ) {
        i - 1
    } else {
        i
    };
    Some((start, end, EntityType::Date))
}

static DAY_ABBREVIATIONS: List = List::new(&[
    "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Mon.", "Tue.",
    "Tues.", "Wed.", "Thu.", "Thur.", "Thurs.", "Fri.", "Sat.", "Sun.",
]);

/// A capitalised day abbreviation used as one, as in listings ("Komedia, Bath, Sun;", "Mon
/// 4"): before a comma, semicolon, full stop, number or the end, or after a comma or semicolon.
pub fn is_day_abbreviation(doc: &Document, i: usize) -> bool {
    let Some(t) = doc.tokens.get(i) else {
        return false;
    };
    if !DAY_ABBREVIATIONS.contains(&doc.slice(t.span)) {
        return false;
    }
    let next = doc.tokens.get(i + 1);
    let next_ok = next.is_none_or(|n| {
        n.line_start
            || n.kind == TokenKind::Number
            || matches!(doc.slice(n.span), "," | ";" | "." | ")")
    });
    let prev_ok = i > 0 && matches!(doc.token_text(i - 1), "," | ";" | "(");
    next_ok || prev_ok
}

/// Words the name finder must not treat as names: months and weekdays.
pub fn is_calendar_word(w: &str) -> bool {
    // The names are ASCII: compare without building a lower-case copy (this runs for every
    // capitalised word).
    if w.len() < 3 || w.len() > 9 {
        return false;
    }
    let mut buf = [0u8; 9];
    let lower = &mut buf[..w.len()];
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    // MONTHS but "may", "march" and "jan" (also a given name: "Jan Ullrich"), and WEEKDAYS (a
    // test holds this to those lists).
    matches!(
        &*lower,
        b"january"
            | b"february"
            | b"april"
            | b"june"
            | b"july"
            | b"august"
            | b"september"
            | b"october"
            | b"november"
            | b"december"
            | b"jan."
            | b"feb."
            | b"mar."
            | b"apr."
            | b"jun."
            | b"jul."
            | b"aug."
            | b"sep."
            | b"sept."
            | b"oct."
            | b"nov."
            | b"dec."
            | b"feb"
            | b"aug"
            | b"sep"
            | b"sept"
            | b"oct"
            | b"nov"
            | b"dec"
            | b"monday"
            | b"tuesday"
            | b"wednesday"
            | b"thursday"
            | b"friday"
            | b"saturday"
            | b"sunday"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `is_calendar_word` spells out the lists it stands for.
    #[test]
    fn calendar_words_are_the_months_and_weekdays() {
        let listed = |w: &str| {
            (MONTHS.contains_ignoring_ascii_case(w)
                && !w.eq_ignore_ascii_case("may")
                && !w.eq_ignore_ascii_case("march")
                && !w.eq_ignore_ascii_case("jan"))
                || WEEKDAYS.contains_ignoring_ascii_case(w)
        };
        let mut words: Vec<String> = Vec::new();
        for w in MONTHS.words.iter().chain(WEEKDAYS.words) {
            words.push(w.to_string());
            words.push(w.to_ascii_uppercase());
            words.push(title(w));
            words.push(format!("{w}s"));
            words.push(w[1..].to_string());
        }
        words.extend(
            ["May", "MARCH", "Mayday", "Monday’s", "Sé", "", "Übermonday"].map(String::from),
        );
        for w in &words {
            assert_eq!(is_calendar_word(w), listed(w), "{w}");
        }
    }

    fn title(w: &str) -> String {
        w[..1].to_ascii_uppercase() + &w[1..]
    }
}
