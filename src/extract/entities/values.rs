//! Normalised values of dates, times, amounts and numbers: "$4.5 billion" is 4500000000 USD,
//! "last Tuesday" is a calendar date once the article's date is known.
//!
//! A value is read from the tokens of one mention after the entity extractor's `numeric` step has found and
//! typed it; nothing here changes what is found. Where the text does not determine a value
//! ("several years", "thousands", "April 13-17", "francs" of an unknown country) the value, or
//! the part that is unknown, is left out rather than guessed. Arithmetic on numbers is exact
//! decimal arithmetic with checked overflow (a private `Dec` type), so "1.1 million" is 1100000, not
//! 1100000.0000000002, and a 40-digit number has no value instead of a wrong one. Calendar
//! arithmetic is jiff's.
//!
//! The reference date that relative dates ("yesterday", "next year", "three weeks ago") are
//! resolved against is `--date`, else the date of the document's dateline
//! ([`dateline_date`]); without one they are `relative` with what the text says.

use jiff::civil::{Date, Weekday};

use super::EntityType;
use crate::doc::{Document, Span, TokenKind};

/// The normalised value of a numeric entity, by entity type. `README.md` ("Values") documents
/// how each prints.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Date(DateValue),
    Time(TimeValue),
    /// `currency` is an ISO 4217 code, `None` where the currency word names several ("francs").
    Money {
        amount: f64,
        currency: Option<&'static str>,
    },
    Percent(f64),
    /// `unit` is a symbol from [`UNITS`].
    Quantity {
        amount: f64,
        unit: &'static str,
    },
    /// CARDINAL and ORDINAL.
    Number(f64),
}

/// What a DATE says. At least one field is set.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DateValue {
    /// ISO 8601, as precise as the text: "2021-03-03", "2021-03", "2021", an ISO week
    /// "2021-W09", a month and day without a year "--03-31", a decade "199X" (ISO 8601-2).
    pub date: Option<String>,
    /// An ISO 8601 duration: "P3M" for "three months", "P45Y" for an age of 45.
    pub duration: Option<String>,
    pub season: Option<&'static str>,
    /// The date depends on a reference date that was not given.
    pub relative: bool,
    /// Of an unresolved relative date: how many `period`s from the reference (-1 for "last").
    pub offset: Option<i64>,
    pub period: Option<&'static str>,
    /// Of an unresolved weekday: its name in lower case.
    pub weekday: Option<&'static str>,
}

/// What a TIME says: a clock time "14:30" or a duration "PT20M".
#[derive(Clone, Debug, PartialEq)]
pub enum TimeValue {
    Clock(String),
    Duration(String),
}

impl Value {
    /// A key that is equal for equal values, for grouping mentions: equal exactly when the
    /// values' `Debug` forms are (numbers by their bits, every NaN alike; strings with their
    /// length), without formatting floats, which was 2% of all the work.
    pub fn key(&self) -> String {
        let mut key = String::with_capacity(32);
        match self {
            Value::Date(d) => {
                key.push('D');
                key_str(&mut key, d.date.as_deref());
                key_str(&mut key, d.duration.as_deref());
                key_str(&mut key, d.season);
                key.push(if d.relative { 'r' } else { 'a' });
                match d.offset {
                    Some(n) => key_num(&mut key, n as u64),
                    None => key.push('-'),
                }
                key_str(&mut key, d.period);
                key_str(&mut key, d.weekday);
            }
            Value::Time(TimeValue::Clock(c)) => {
                key.push('C');
                key_str(&mut key, Some(c));
            }
            Value::Time(TimeValue::Duration(c)) => {
                key.push('T');
                key_str(&mut key, Some(c));
            }
            Value::Money { amount, currency } => {
                key.push('M');
                key_f64(&mut key, *amount);
                key_str(&mut key, *currency);
            }
            Value::Percent(x) => {
                key.push('P');
                key_f64(&mut key, *x);
            }
            Value::Quantity { amount, unit } => {
                key.push('Q');
                key_f64(&mut key, *amount);
                key_str(&mut key, Some(unit));
            }
            Value::Number(x) => {
                key.push('N');
                key_f64(&mut key, *x);
            }
        }
        key
    }
}

fn key_num(key: &mut String, n: u64) {
    use std::fmt::Write;
    let _ = write!(key, "{n:x};");
}

fn key_f64(key: &mut String, x: f64) {
    if x.is_nan() {
        key.push_str("nan;");
    } else {
        key_num(key, x.to_bits());
    }
}

fn key_str(key: &mut String, s: Option<&str>) {
    match s {
        None => key.push('-'),
        Some(s) => {
            key_num(key, s.len() as u64);
            key.push_str(s);
        }
    }
}

/// A decimal number `m × 10^e`, exact. Every operation is checked: `None` on overflow.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Dec {
    m: u128,
    e: i32,
}

/// Exponents beyond this have no place in news and would make `10^e` overflow.
const MAX_EXPONENT: i32 = 30;

impl Dec {
    const fn int(n: u128) -> Dec {
        Dec { m: n, e: 0 }
    }

    /// Digits with optional thousands commas and one decimal point: "1,250,000", "5.25".
    fn parse(s: &str) -> Option<Dec> {
        let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
        if whole.is_empty() && frac.is_empty() {
            return None;
        }
        let mut m: u128 = 0;
        let mut e: i32 = 0;
        for b in whole.bytes().filter(|b| *b != b',') {
            if !b.is_ascii_digit() {
                return None;
            }
            m = m.checked_mul(10)?.checked_add(u128::from(b - b'0'))?;
        }
        for b in frac.bytes() {
            if !b.is_ascii_digit() {
                return None;
            }
            m = m.checked_mul(10)?.checked_add(u128::from(b - b'0'))?;
            e = e.checked_sub(1)?;
        }
        Some(Dec { m, e }.trim())
    }

    /// Moves trailing zeros of the mantissa into the exponent, so values compare equal.
    fn trim(mut self) -> Dec {
        if self.m == 0 {
            return Dec::int(0);
        }
        while self.m.is_multiple_of(10) && self.e < MAX_EXPONENT {
            self.m /= 10;
            self.e += 1;
        }
        self
    }

    fn mul(self, o: Dec) -> Option<Dec> {
        let e = self.e.checked_add(o.e)?;
        (e.abs() <= MAX_EXPONENT).then_some(())?;
        Some(
            Dec {
                m: self.m.checked_mul(o.m)?,
                e,
            }
            .trim(),
        )
    }

    fn add(self, o: Dec) -> Option<Dec> {
        let (hi, lo) = if self.e >= o.e { (self, o) } else { (o, self) };
        let shift = u32::try_from(hi.e - lo.e).ok()?;
        let m = hi.m.checked_mul(10u128.checked_pow(shift)?)?;
        Some(
            Dec {
                m: m.checked_add(lo.m)?,
                e: lo.e,
            }
            .trim(),
        )
    }

    fn pow10(e: i32) -> Dec {
        Dec { m: 1, e }
    }

    /// The nearest `f64`; `None` when it is not finite.
    fn to_f64(self) -> Option<f64> {
        let x = if self.e >= 0 {
            match 10u128
                .checked_pow(self.e.unsigned_abs())
                .and_then(|p| self.m.checked_mul(p))
            {
                Some(n) => n as f64,
                None => self.m as f64 * 10f64.powi(self.e),
            }
        } else if self.m < 1 << 53 && self.e >= -22 {
            // Both operands are exact, so the quotient is correctly rounded: 525 / 100 = 5.25.
            self.m as f64 / 10f64.powi(-self.e)
        } else {
            self.m as f64 * 10f64.powi(self.e)
        };
        x.is_finite().then_some(x)
    }

    /// Whole and below `u32::MAX`: a count of days, years...
    fn small_int(self) -> Option<i64> {
        if self.e < 0 {
            return None;
        }
        let n = self
            .m
            .checked_mul(10u128.checked_pow(self.e.unsigned_abs())?)?;
        i64::try_from(n).ok().filter(|n| *n <= i64::from(u32::MAX))
    }

    /// The digits as written in ISO 8601 durations: "3", "1.5".
    fn iso(self) -> String {
        if self.e >= 0 {
            return match self.small_int() {
                Some(n) => n.to_string(),
                None => format!("{}E{}", self.m, self.e),
            };
        }
        let digits = self.m.to_string();
        let point = digits.len() as i64 + i64::from(self.e);
        if point > 0 {
            let (a, b) = digits.split_at(point as usize);
            format!("{a}.{b}")
        } else {
            format!("0.{}{digits}", "0".repeat((-point) as usize))
        }
    }
}

/// One token of a mention: its lower-case text and whether the tokenizer calls it a number.
struct Word {
    low: String,
    number: bool,
}

/// The tokens of `span`, lower-cased; "A" glued to "$" becomes one word "a$".
fn words(doc: &Document, span: Span) -> Vec<Word> {
    let first = doc.token_at_or_after(span.start);
    let mut out: Vec<Word> = Vec::new();
    // A prefix outside the span ("HK" that the name finder took) still says which dollar.
    if let Some(t) = doc.tokens.get(first)
        && doc.slice(t.span) == "$"
        && !t.space_before
        && first > 0
    {
        let prev = doc.token_text(first - 1).to_lowercase();
        if DOLLAR_PREFIXES.iter().any(|(p, _)| prev == *p) {
            out.push(Word {
                low: prev,
                number: false,
            });
        }
    }
    for t in doc.tokens[first..]
        .iter()
        .take_while(|t| t.span.end <= span.end)
    {
        let text = doc.slice(t.span);
        let glued = !t.space_before && !out.is_empty();
        if text == "$"
            && glued
            && let Some(prev) = out.last_mut()
            && DOLLAR_PREFIXES.iter().any(|(p, _)| prev.low == *p)
        {
            prev.low.push('$');
            continue;
        }
        out.push(Word {
            low: if text.is_ascii() {
                text.to_ascii_lowercase()
            } else {
                text.to_lowercase()
            },
            number: t.kind == TokenKind::Number,
        });
    }
    out
}

/// The value of a mention of type `label` at `span` in sentence `sentence`, if the text
/// determines one. `reference` resolves relative dates.
pub fn normalise(
    doc: &Document,
    span: Span,
    sentence: usize,
    label: EntityType,
    reference: Option<Date>,
) -> Option<Value> {
    let w = words(doc, span);
    match label {
        EntityType::Cardinal => cardinal(&w).map(Value::Number),
        EntityType::Ordinal => ordinal(&w).map(Value::Number),
        EntityType::Percent => percent(&w).map(Value::Percent),
        EntityType::Money => money(&w),
        EntityType::Quantity => quantity(&w),
        EntityType::Time => time(&w).map(Value::Time),
        EntityType::Date => date(&w, reference, || future_sentence(doc, sentence)).map(Value::Date),
        _ => None,
    }
}

/// Digits followed by letters in one token ("3m", "1.2bn", "45p", "5km"): the two parts.
fn split_suffix(s: &str) -> (&str, &str) {
    let at = s.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(s.len());
    s.split_at(at)
}

const UNIT_WORDS: &[(&str, u128)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Scale words and their powers of ten; "m" and "k" only glued to digits or in amounts of
/// money, where "5 m" is not five metres.
const SCALE_WORDS: &[(&str, i32)] = &[
    ("thousand", 3),
    ("k", 3),
    ("million", 6),
    ("mln", 6),
    ("mn", 6),
    ("m", 6),
    ("billion", 9),
    ("bln", 9),
    ("bn", 9),
    ("b", 9),
    ("trillion", 12),
    ("tn", 12),
    ("trn", 12),
];

/// Plural scales say "many", not how many: "thousands of people" has no value.
const VAGUE: &[&str] = &[
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "trillions",
    "tens",
    "scores",
];

fn scale(w: &str, money: bool) -> Option<i32> {
    SCALE_WORDS
        .iter()
        .find(|(s, _)| *s == w)
        .filter(|(s, _)| money || !matches!(*s, "m" | "k" | "b"))
        .map(|(_, p)| *p)
}

fn unit_word(w: &str) -> Option<u128> {
    UNIT_WORDS.iter().find(|(s, _)| *s == w).map(|(_, n)| *n)
}

/// Could a number start at word `i`? Digits, a number word, or "a"/"half" before one
/// ("a dozen", "half a million").
fn starts_number(w: &[Word], i: usize) -> bool {
    let Some(x) = w.get(i) else { return false };
    let next = w.get(i + 1).map_or("", |n| n.low.as_str());
    (x.number && x.low.starts_with(|c: char| c.is_ascii_digit() || c == '.'))
        || unit_word(&x.low).is_some()
        || (matches!(x.low.as_str(), "a" | "an" | "half")
            && (matches!(next, "dozen" | "hundred" | "half" | "a" | "an")
                || scale(next, false).is_some()))
}

/// The number starting at word `i`: its value, the index after it, and a glued suffix that
/// is not a scale ("p" of "45p", "km" of "5km"). `money`: "m" and "k" are scales.
fn number_at(w: &[Word], i: usize, money: bool) -> Option<(Dec, usize, &str)> {
    let mut total = Dec::int(0);
    let mut current: Option<Dec> = None;
    let mut j = i;
    let mut suffix = "";
    while let Some(x) = w.get(j) {
        let s = x.low.as_str();
        if x.number {
            if (current.is_some() && fraction(s).is_none()) || j > i && total != Dec::int(0) {
                break;
            }
            if let Some(f) = current.and_then(|_| fraction(s)) {
                // "2 1/2"
                current = Some(current?.add(f)?);
                j += 1;
                continue;
            }
            let (digits, rest) = split_suffix(s);
            current = Some(Dec::parse(digits)?);
            j += 1;
            if !rest.is_empty() {
                match scale(rest, true) {
                    Some(p) => {
                        total = total.add(current.take()?.mul(Dec::pow10(p))?)?;
                    }
                    None => {
                        suffix = rest;
                        break;
                    }
                }
            }
            continue;
        }
        if VAGUE.contains(&s) {
            return None;
        }
        if let Some(n) = unit_word(s) {
            // "twenty five", "hundred and five"; not "two eight" (two numbers).
            let fits = match current.map(Dec::small_int) {
                None => true,
                Some(Some(c)) => c % 100 == 0 || (c % 10 == 0 && n < 10),
                Some(None) => false,
            };
            if !fits {
                break;
            }
            current = Some(current.unwrap_or(Dec::int(0)).add(Dec::int(n))?);
        } else if s == "dozen" {
            current = Some(current.unwrap_or(Dec::int(1)).mul(Dec::int(12))?);
        } else if s == "hundred" {
            current = Some(current.unwrap_or(Dec::int(1)).mul(Dec::int(100))?);
        } else if matches!(s, "a" | "an") && starts_number(w, j) {
            // "a million": the scale that follows multiplies one.
            if w.get(j + 1).is_some_and(|n| n.low == "half") {
                // "two and a half": handled at "half".
            } else if current.is_none() {
                current = Some(Dec::int(1));
            }
        } else if s == "half" {
            let half = Dec { m: 5, e: -1 };
            current = Some(match current {
                // "two and a half"
                Some(c) => c.add(half)?,
                None => half,
            });
            // "half a million": the "a" multiplies nothing.
            if w.get(j + 1)
                .is_some_and(|n| matches!(n.low.as_str(), "a" | "an"))
            {
                j += 1;
            }
        } else if s == "-" && j > i && w.get(j + 1).is_some_and(|n| unit_word(&n.low).is_some()) {
            // "twenty-five"
        } else if s == "and" && j > i && starts_number(w, j + 1) {
            // "one hundred and twenty", "two and a half"
        } else if let Some(p) = scale(s, money || (j > i && w[j - 1].number)).filter(|_| j > i) {
            total = total.add(current.take().unwrap_or(Dec::int(1)).mul(Dec::pow10(p))?)?;
        } else {
            break;
        }
        j += 1;
    }
    if j == i {
        return None;
    }
    let value = match current {
        Some(c) => total.add(c)?,
        None => total,
    };
    Some((value, j, suffix))
}

/// "1/2", "3/4": a fraction with a decimal expansion of at most three digits, exactly.
fn fraction(s: &str) -> Option<Dec> {
    let (a, b) = s.split_once('/')?;
    let (a, b): (u128, u128) = (a.parse().ok()?, b.parse().ok()?);
    if b == 0 || a >= b {
        return None;
    }
    (1..=3).find_map(|k| {
        let p = 10u128.pow(k);
        (p % b == 0).then(|| {
            Dec {
                m: a * (p / b),
                e: -(k as i32),
            }
            .trim()
        })
    })
}

/// The first number in `w` (after modifiers such as "more than" and "about").
fn first_number(w: &[Word], money: bool) -> Option<(Dec, usize, &str)> {
    let i = (0..w.len()).find(|i| starts_number(w, *i))?;
    number_at(w, i, money)
}

fn cardinal(w: &[Word]) -> Option<f64> {
    // A score or a range ("4-1", "10-12") is two numbers.
    if w.iter().any(|x| x.number && x.low.contains('-')) {
        return None;
    }
    let (n, end, suffix) = first_number(w, false)?;
    // Anything numeric after the number ("5 to 10") makes it a range.
    if !suffix.is_empty() || w[end..].iter().any(|x| x.number) {
        return None;
    }
    n.to_f64()
}

const ORDINAL_WORDS: &[(&str, u128)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
    ("hundredth", 100),
    ("thousandth", 1000),
    ("millionth", 1_000_000),
];

/// "first", "21st", "twenty-first", "No. 5".
fn ordinal(w: &[Word]) -> Option<f64> {
    let mut tens = Dec::int(0);
    for (k, x) in w.iter().enumerate() {
        let s = x.low.as_str();
        if let Some((_, n)) = ORDINAL_WORDS.iter().find(|(o, _)| *o == s) {
            return tens.add(Dec::int(*n))?.to_f64();
        }
        if x.number {
            let (digits, suffix) = split_suffix(s);
            let after_no = k > 0 && matches!(w[k - 1].low.as_str(), "no." | "no");
            if matches!(suffix, "st" | "nd" | "rd" | "th") || (suffix.is_empty() && after_no) {
                return Dec::parse(digits)?.to_f64();
            }
            return None;
        }
        match unit_word(s) {
            Some(n) if n >= 20 => tens = Dec::int(n),
            _ if s == "-" || s == "no." || s == "no" => {}
            _ => return None,
        }
    }
    None
}

fn percent(w: &[Word]) -> Option<f64> {
    let (n, end, suffix) = first_number(w, false)?;
    let next = w.get(end).map_or("", |x| x.low.as_str());
    let marked = suffix == "pct"
        || matches!(next, "%" | "percent" | "pct" | "per" | "percentage")
        || suffix.is_empty() && next == "%";
    marked.then(|| n.to_f64()).flatten()
}

/// Currency prefixes of "$", as the tokenizer splits them ("A", "$").
const DOLLAR_PREFIXES: &[(&str, &str)] = &[
    ("us", "USD"),
    ("a", "AUD"),
    ("au", "AUD"),
    ("c", "CAD"),
    ("ca", "CAD"),
    ("nz", "NZD"),
    ("hk", "HKD"),
    ("s", "SGD"),
    ("nt", "TWD"),
    ("r", "BRL"),
];

/// Currency symbols; "$" alone is the US dollar, "¥" the yen.
const SYMBOLS: &[(&str, &str)] = &[
    ("$", "USD"),
    ("us$", "USD"),
    ("a$", "AUD"),
    ("au$", "AUD"),
    ("c$", "CAD"),
    ("ca$", "CAD"),
    ("nz$", "NZD"),
    ("hk$", "HKD"),
    ("s$", "SGD"),
    ("nt$", "TWD"),
    ("r$", "BRL"),
    ("£", "GBP"),
    ("€", "EUR"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₽", "RUB"),
];

/// Currency words; `None` where the word names the money of several countries.
const CURRENCY_WORDS: &[(&str, Option<&str>)] = &[
    ("dollar", Some("USD")),
    ("dollars", Some("USD")),
    ("euro", Some("EUR")),
    ("euros", Some("EUR")),
    ("pound", Some("GBP")),
    ("pounds", Some("GBP")),
    ("sterling", Some("GBP")),
    ("yen", Some("JPY")),
    ("yuan", Some("CNY")),
    ("renminbi", Some("CNY")),
    ("rupee", Some("INR")),
    ("rupees", Some("INR")),
    ("rouble", Some("RUB")),
    ("roubles", Some("RUB")),
    ("ruble", Some("RUB")),
    ("rubles", Some("RUB")),
    ("won", Some("KRW")),
    ("lira", Some("TRY")),
    ("lire", Some("ITL")),
    ("krona", Some("SEK")),
    ("kronor", Some("SEK")),
    ("shekel", Some("ILS")),
    ("shekels", Some("ILS")),
    ("rand", Some("ZAR")),
    ("real", Some("BRL")),
    ("reais", Some("BRL")),
    ("guilders", Some("NLG")),
    ("mark", Some("DEM")),
    ("marks", Some("DEM")),
    ("baht", Some("THB")),
    ("ringgit", Some("MYR")),
    ("riyals", Some("SAR")),
    ("dirhams", Some("AED")),
    ("franc", None),
    ("francs", None),
    ("peso", None),
    ("pesos", None),
    ("krone", None),
    ("kroner", None),
    ("dinar", None),
    ("dinars", None),
];

fn money(w: &[Word]) -> Option<Value> {
    let symbol = w
        .iter()
        .find_map(|x| SYMBOLS.iter().find(|(s, _)| x.low == *s).map(|(_, c)| *c));
    let (n, end, suffix) = first_number(w, true)?;
    let next = w.get(end).map_or("", |x| x.low.as_str());
    let hundredth = Dec { m: 1, e: -2 };
    let (amount, currency) = if suffix == "p" || next == "pence" || next == "p" {
        (n.mul(hundredth)?, Some("GBP"))
    } else if matches!(next, "cents" | "cent") {
        (n.mul(hundredth)?, symbol.or(Some("USD")))
    } else if !suffix.is_empty() {
        return None;
    } else if let Some(c) = symbol {
        (n, Some(c))
    } else {
        let (_, c) = CURRENCY_WORDS.iter().find(|(s, _)| *s == next)?;
        (n, *c)
    };
    Some(Value::Money {
        amount: amount.to_f64()?,
        currency,
    })
}

/// Units of QUANTITY: the words the finder knows and the symbol printed for each (SI symbols
/// where there is one, else a common abbreviation). "square" and "cubic" before a length
/// append "2" and "3" ("km2", "m3").
pub const UNITS: &[(&str, &str)] = &[
    ("km", "km"),
    ("kilometres", "km"),
    ("kilometers", "km"),
    ("kilometre", "km"),
    ("kilometer", "km"),
    ("miles", "mi"),
    ("mile", "mi"),
    ("metres", "m"),
    ("meters", "m"),
    ("metre", "m"),
    ("meter", "m"),
    ("m", "m"),
    ("cm", "cm"),
    ("mm", "mm"),
    ("feet", "ft"),
    ("foot", "ft"),
    ("ft", "ft"),
    ("ft.", "ft"),
    ("inches", "in"),
    ("inch", "in"),
    ("in.", "in"),
    ("yards", "yd"),
    ("yard", "yd"),
    ("kg", "kg"),
    ("kilograms", "kg"),
    ("kilogram", "kg"),
    ("kilos", "kg"),
    ("grams", "g"),
    ("gram", "g"),
    ("g", "g"),
    ("lb", "lb"),
    ("lbs", "lb"),
    ("oz", "oz"),
    ("ounces", "oz"),
    ("tonnes", "t"),
    ("tonne", "t"),
    ("tons", "ton"),
    ("ton", "ton"),
    ("acres", "acre"),
    ("acre", "acre"),
    ("hectares", "ha"),
    ("hectare", "ha"),
    ("barrels", "bbl"),
    ("barrel", "bbl"),
    ("bpd", "bbl/d"),
    ("litres", "L"),
    ("liters", "L"),
    ("litre", "L"),
    ("liter", "L"),
    ("gallons", "gal"),
    ("gallon", "gal"),
    ("degrees", "deg"),
    ("mph", "mph"),
    ("kph", "km/h"),
    ("km/h", "km/h"),
    ("megawatts", "MW"),
    ("mw", "MW"),
    ("gigawatts", "GW"),
    ("gw", "GW"),
    ("kw", "kW"),
    ("kilowatts", "kW"),
    ("bushels", "bu"),
    ("calories", "kcal"),
    ("storeys", "storey"),
    ("stories", "storey"),
    ("mb", "MB"),
    ("gb", "GB"),
    ("tb", "TB"),
    ("pixels", "px"),
    ("knots", "kn"),
];

fn unit_symbol(w: &str) -> Option<&'static str> {
    UNITS.iter().find(|(u, _)| *u == w).map(|(_, s)| *s)
}

fn quantity(w: &[Word]) -> Option<Value> {
    let (n, end, suffix) = first_number(w, false)?;
    // "a 359-yard drive"
    let end = if w.get(end).is_some_and(|x| x.low == "-") {
        end + 1
    } else {
        end
    };
    let (power, unit_at) = match w.get(end).map(|x| x.low.as_str()) {
        _ if !suffix.is_empty() => ("", None),
        Some("square" | "sq" | "sq.") => ("2", Some(end + 1)),
        Some("cubic") => ("3", Some(end + 1)),
        _ => ("", Some(end)),
    };
    let word = match unit_at {
        Some(k) => w.get(k)?.low.as_str(),
        None => suffix,
    };
    let symbol = unit_symbol(word)?;
    // "6lb 2oz" is one weight in two units: no one amount.
    if w[end..].iter().any(|x| x.number) {
        return None;
    }
    let unit = match (power, symbol) {
        ("", s) => s,
        ("2", "km") => "km2",
        ("2", "m") => "m2",
        ("2", "mi") => "mi2",
        ("2", "ft") => "ft2",
        ("3", "m") => "m3",
        ("3", "ft") => "ft3",
        _ => return None,
    };
    Some(Value::Quantity {
        amount: n.to_f64()?,
        unit,
    })
}

/// "14:30", "10.30am", "5pm", "3:30 p.m.", "noon"; "20 minutes" is a duration.
fn time(w: &[Word]) -> Option<TimeValue> {
    for (k, x) in w.iter().enumerate() {
        // "34.3 hours" is a duration, not a clock time.
        if starts_number(w, k)
            && let Some(d) = duration(w, k, TIME_PERIODS)
        {
            return Some(TimeValue::Duration(d));
        }
        match x.low.as_str() {
            "noon" | "midday" => return Some(TimeValue::Clock("12:00".into())),
            "midnight" => return Some(TimeValue::Clock("00:00".into())),
            _ => {}
        }
        if !x.number {
            continue;
        }
        let (clock, suffix) = split_suffix(&x.low);
        let next = w.get(k + 1).map_or("", |n| n.low.as_str());
        let meridiem = match (suffix, next) {
            ("am", _) | ("", "am" | "a.m.") => Some(false),
            ("pm", _) | ("", "pm" | "p.m.") => Some(true),
            _ => None,
        };
        let (h, m) = match clock.split_once([':', '.']) {
            Some((h, m)) if m.len() == 2 => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
            None if meridiem.is_some() => (clock.parse::<u32>().ok()?, 0),
            None => {
                // A duration: "20 minutes", "two hours".
                return duration(w, k, TIME_PERIODS).map(TimeValue::Duration);
            }
            _ => return None,
        };
        let h = match meridiem {
            Some(_) if !(1..=12).contains(&h) => return None,
            Some(pm) => h % 12 + if pm { 12 } else { 0 },
            None => h,
        };
        if h > 23 || m > 59 {
            return None;
        }
        return Some(TimeValue::Clock(format!("{h:02}:{m:02}")));
    }
    let k = (0..w.len()).find(|k| starts_number(w, *k))?;
    duration(w, k, TIME_PERIODS).map(TimeValue::Duration)
}

/// Duration units of TIME: the word and its ISO 8601 designator (after "T").
const TIME_PERIODS: &[(&str, &str)] = &[
    ("hour", "H"),
    ("hours", "H"),
    ("hr", "H"),
    ("hrs", "H"),
    ("minute", "M"),
    ("minutes", "M"),
    ("min", "M"),
    ("mins", "M"),
    ("second", "S"),
    ("seconds", "S"),
    ("secs", "S"),
];

/// Duration units of DATE: the word, its ISO 8601 designator and how many of it one is.
const DATE_PERIODS: &[(&str, &str, u128)] = &[
    ("day", "D", 1),
    ("days", "D", 1),
    ("week", "W", 1),
    ("weeks", "W", 1),
    ("fortnight", "W", 2),
    ("month", "M", 1),
    ("months", "M", 1),
    ("year", "Y", 1),
    ("years", "Y", 1),
    ("decade", "Y", 10),
    ("decades", "Y", 10),
    ("century", "Y", 100),
    ("centuries", "Y", 100),
];

/// "20 minutes" -> "PT20M" from the number at word `k` and the unit after it.
fn duration(w: &[Word], k: usize, periods: &[(&str, &str)]) -> Option<String> {
    let (n, end, suffix) = number_at(w, k, false)?;
    if !suffix.is_empty() {
        return None;
    }
    // "a two-minute walk"
    let end = if w.get(end).is_some_and(|x| x.low == "-") {
        end + 1
    } else {
        end
    };
    let unit = w.get(end)?.low.as_str();
    let (_, d) = periods.iter().find(|(p, _)| *p == unit)?;
    Some(format!("PT{}{d}", n.iso()))
}

const MONTHS: &[(&str, i8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

const WEEKDAYS: &[(&str, Weekday, &str)] = &[
    ("monday", Weekday::Monday, "monday"),
    ("tuesday", Weekday::Tuesday, "tuesday"),
    ("wednesday", Weekday::Wednesday, "wednesday"),
    ("thursday", Weekday::Thursday, "thursday"),
    ("friday", Weekday::Friday, "friday"),
    ("saturday", Weekday::Saturday, "saturday"),
    ("sunday", Weekday::Sunday, "sunday"),
    ("mon", Weekday::Monday, "monday"),
    ("tue", Weekday::Tuesday, "tuesday"),
    ("tues", Weekday::Tuesday, "tuesday"),
    ("wed", Weekday::Wednesday, "wednesday"),
    ("thu", Weekday::Thursday, "thursday"),
    ("thur", Weekday::Thursday, "thursday"),
    ("thurs", Weekday::Thursday, "thursday"),
    ("fri", Weekday::Friday, "friday"),
    ("sat", Weekday::Saturday, "saturday"),
    ("sun", Weekday::Sunday, "sunday"),
];

const SEASONS: &[&str] = &["spring", "summer", "autumn", "fall", "winter"];

fn month_of(w: &str) -> Option<i8> {
    let w = w.strip_suffix('.').unwrap_or(w);
    MONTHS.iter().find(|(m, _)| *m == w).map(|(_, n)| *n)
}

fn year_of(s: &str) -> Option<i16> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse::<i16>().ok())
        .flatten()
        .filter(|y| (1000..=2999).contains(y))
}

/// Everything a DATE mention says, read in one pass.
#[derive(Default)]
struct DateParts {
    year: Option<i16>,
    month: Option<i8>,
    day: Option<i8>,
    weekday: Option<(Weekday, &'static str)>,
    /// -1 "last", 0 "this", +1 "next".
    direction: Option<i64>,
    /// "past": a span of time back from now, not the previous calendar period.
    past: bool,
    /// "yesterday" -1, "today" 0, "tomorrow" +1.
    day_offset: Option<i64>,
    count: Option<Dec>,
    /// A number was read (a second one makes the date unreadable).
    counted: bool,
    period: Option<(&'static str, u128)>,
    ago: bool,
    /// "five months ahead".
    ahead: bool,
    old: bool,
    decade: Option<String>,
    season: Option<&'static str>,
}

fn date_parts(w: &[Word]) -> Option<DateParts> {
    let mut p = DateParts::default();
    let mut k = 0;
    while k < w.len() {
        let x = &w[k];
        let s = x.low.as_str();
        k += 1;
        if x.number {
            let (digits, suffix) = split_suffix(s);
            if let Some(d) = iso_date(s) {
                (p.year, p.month, p.day) = (Some(d.year()), Some(d.month()), Some(d.day()));
            } else if let Some(dec) = decade(s) {
                p.decade = Some(dec);
            } else if let Some(y) = year_of(s) {
                // Two years ("1996 2000", "2010, 2011") are two dates, not one.
                if p.year.replace(y).is_some() {
                    return None;
                }
            } else if let Some(day) = digits
                .parse::<i8>()
                .ok()
                .filter(|d| (1..=31).contains(d))
                .filter(|_| {
                    matches!(suffix, "st" | "nd" | "rd" | "th")
                        || p.month.is_some()
                        || w.get(k).is_some_and(|n| month_of(&n.low).is_some())
                })
            {
                p.day = Some(day);
            } else if suffix.is_empty() && p.count.is_none() && !p.counted {
                let (n, end, _) = number_at(w, k - 1, false)?;
                p.count = Some(n);
                p.counted = true;
                k = end;
            } else {
                return None;
            }
            continue;
        }
        if let Some(m) = month_of(s) {
            if p.month.replace(m).is_some() {
                return None;
            }
        } else if let Some((_, wd, name)) = WEEKDAYS
            .iter()
            .find(|(d, _, _)| *d == s.strip_suffix('.').unwrap_or(s))
        {
            p.weekday = Some((*wd, name));
        } else if let Some(season) = SEASONS.iter().find(|x| **x == s) {
            p.season = Some(if *season == "fall" { "autumn" } else { season });
        } else if let Some((_, d, n)) = DATE_PERIODS.iter().find(|(u, _, _)| *u == s) {
            p.period = Some((d, *n));
        } else if p.count.is_none()
            && matches!(s, "a" | "an")
            && w.get(k)
                .is_some_and(|n| DATE_PERIODS.iter().any(|(u, _, _)| *u == n.low))
        {
            // "a century", "a year ago"
            p.count = Some(Dec::int(1));
        } else if starts_number(w, k - 1) {
            // Two numbers ("two eight-year-old") are not one duration.
            if p.counted {
                return None;
            }
            let (n, end, _) = number_at(w, k - 1, false)?;
            p.count = Some(n);
            p.counted = true;
            k = end;
        } else {
            match s {
                "yesterday" => p.day_offset = Some(-1),
                "today" => p.day_offset = Some(0),
                "tomorrow" => p.day_offset = Some(1),
                "last" | "previous" => p.direction = Some(-1),
                "past" => p.past = true,
                "next" | "coming" => p.direction = Some(1),
                "this" => p.direction = Some(0),
                "ago" | "back" => p.ago = true,
                "ahead" => p.ahead = true,
                "old" => p.old = true,
                // Relative to the story, not to the reference date: "two days later", "the
                // following week"; and words that make the amount vague.
                "later" | "earlier" | "following" | "same" | "several" | "few" | "couple"
                | "many" | "recent" | "these" | "annually" | "overnight" | "weekend"
                | "weekends" | "quarter" | "quarters" | "season" | "seasons" | "semester"
                | "millennium" | "summers" | "winters" => return None,
                _ => {}
            }
        }
    }
    Some(p)
}

/// "2021-03-03", and "3/4/2021" where the order of day and month is certain (a part above 12
/// is the day; two equal parts are the same either way).
fn iso_date(s: &str) -> Option<Date> {
    let parts: Vec<&str> = s.split(['-', '/']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let (a, b, c): (i16, i8, i16) = (a.parse().ok()?, b.parse().ok()?, c.parse().ok()?);
    if s.contains('-') && a >= 1000 {
        return Date::new(a, b, i8::try_from(c).ok()?).ok();
    }
    let year = match c {
        0..=49 => c + 2000,
        50..=99 => c + 1900,
        1000..=2999 => c,
        _ => return None,
    };
    let a = i8::try_from(a).ok()?;
    let (month, day) = match (a > 12, b > 12) {
        (true, false) => (b, a),
        (false, true) => (a, b),
        (false, false) if a == b => (a, b),
        _ => return None,
    };
    Date::new(year, month, day).ok()
}

/// "1990s" -> "199X"; "90s" -> "199X".
fn decade(s: &str) -> Option<String> {
    let d = s.strip_suffix('s')?;
    if !d.bytes().all(|b| b.is_ascii_digit()) || !d.ends_with('0') {
        return None;
    }
    match d.len() {
        4 => Some(format!("{}X", &d[..3])),
        2 => Some(format!("19{}X", &d[..1])),
        _ => None,
    }
}

fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// A date `n` periods from `r`, at the precision of the period: days and weeks give a full
/// date, months a month, years a year.
fn shift(r: Date, n: i64, period: &str, times: u128) -> Option<String> {
    let n = n.checked_mul(i64::try_from(times).ok()?)?;
    let span = match period {
        "D" => jiff::Span::new().try_days(n).ok()?,
        "W" => jiff::Span::new().try_weeks(n).ok()?,
        "M" => jiff::Span::new().try_months(n).ok()?,
        "Y" => jiff::Span::new().try_years(n).ok()?,
        _ => return None,
    };
    let d = r.checked_add(span).ok()?;
    Some(match period {
        "D" | "W" => iso(d),
        "M" => format!("{:04}-{:02}", d.year(), d.month()),
        _ => format!("{:04}", d.year()),
    })
}

fn period_name(designator: &str) -> &'static str {
    match designator {
        "D" => "day",
        "W" => "week",
        "M" => "month",
        _ => "year",
    }
}

/// `future` says whether the sentence speaks of what will happen (a bare weekday is then the
/// next one, not the last); asked only of weekdays.
fn date(w: &[Word], reference: Option<Date>, future: impl FnOnce() -> bool) -> Option<DateValue> {
    let p = date_parts(w)?;
    let mut v = DateValue {
        season: p.season,
        ..DateValue::default()
    };
    // A calendar date, as precise as written.
    if p.year.is_some() || p.month.is_some() {
        v.date = Some(match (p.year, p.month, p.day) {
            (Some(y), Some(m), Some(d)) => iso(Date::new(y, m, d).ok()?),
            (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
            (Some(y), None, None) => format!("{y:04}"),
            (None, Some(m), day) => match reference {
                Some(r) => nearest_year(r, m, day)?,
                None => {
                    v.relative = true;
                    match day {
                        Some(d) => format!("--{m:02}-{d:02}"),
                        None => format!("--{m:02}"),
                    }
                }
            },
            _ => return None,
        });
        return Some(v);
    }
    if let Some(d) = p.decade {
        v.date = Some(d);
        return Some(v);
    }
    if p.season.is_some() {
        v.relative = true;
        return Some(v);
    }
    if let Some(offset) = p.day_offset {
        return Some(relative(v, reference, offset, "D", 1));
    }
    if let Some((wd, name)) = p.weekday {
        return Some(match reference {
            Some(r) => {
                v.date = Some(iso(weekday_date(r, wd, p.direction, future())?));
                v
            }
            None => DateValue {
                relative: true,
                weekday: Some(name),
                offset: p.direction.filter(|d| *d != 0),
                ..v
            },
        });
    }
    /// Oldest age read from a bare number.
    const OLDEST: i64 = 150;
    if p.period.is_none() {
        // A bare number typed DATE is an age: "Smith, 45, said".
        let age = p.count?.small_int().filter(|n| *n <= OLDEST)?;
        if p.direction.is_some() || p.past || p.ago {
            return None;
        }
        v.duration = Some(format!("P{age}Y"));
        return Some(v);
    }
    let (designator, times) = p.period?;
    if let Some(n) = p.count.or((p.ago || p.old).then_some(Dec::int(1))) {
        if p.ago || p.ahead {
            // "three weeks ago", "five months ahead"
            let n = n.small_int()?;
            let n = if p.ago { -n } else { n };
            return Some(relative(v, reference, n, designator, times));
        }
        // "three months", "a 5-year-old", "the past five years"
        v.duration = Some(format!("P{}{designator}", n.mul(Dec::int(times))?.iso()));
        return Some(v);
    }
    if p.past {
        // "the past year": the year up to now.
        v.duration = Some(format!("P{times}{designator}"));
        return Some(v);
    }
    let direction = p.direction?;
    // "next day" follows the story, not the reference date; decades and centuries are not
    // calendar units here.
    if designator == "D" || times != 1 {
        return None;
    }
    if designator == "W" {
        // "last week": the ISO week.
        return Some(match reference {
            Some(r) => {
                let d = r
                    .checked_add(jiff::Span::new().try_weeks(direction).ok()?)
                    .ok()?;
                let week = d.iso_week_date();
                v.date = Some(format!("{:04}-W{:02}", week.year(), week.week()));
                v
            }
            None => relative(v, None, direction, designator, 1),
        });
    }
    Some(relative(v, reference, direction, designator, times))
}

/// `offset` periods from the reference date, or that much said of an unresolved one.
fn relative(
    mut v: DateValue,
    reference: Option<Date>,
    offset: i64,
    designator: &str,
    times: u128,
) -> DateValue {
    match reference.and_then(|r| shift(r, offset, designator, times)) {
        Some(d) => v.date = Some(d),
        None => {
            v.relative = true;
            v.offset = Some(offset);
            v.period = Some(period_name(designator));
        }
    }
    v
}

/// The year that puts month `m` (day `day`) nearest the reference date: "December 20" in a
/// story of 5 January 2023 is 2022-12-20.
fn nearest_year(r: Date, m: i8, day: Option<i8>) -> Option<String> {
    let months = |y: i16, m: i8| i32::from(y) * 12 + i32::from(m);
    let here = months(r.year(), r.month());
    let y = [r.year() - 1, r.year(), r.year() + 1]
        .into_iter()
        .min_by_key(|y| (months(*y, m) - here).abs())?;
    Some(match day {
        Some(d) => iso(Date::new(y, m, d).ok()?),
        None => format!("{y:04}-{m:02}"),
    })
}

/// The date of a weekday relative to `r`: "last Tuesday" the one before, "next Tuesday" the
/// one after, "this Tuesday" the one of `r`'s week (Monday to Sunday); a bare weekday the
/// nearest one on or before `r`, or on or after it in a sentence about the future.
fn weekday_date(r: Date, wd: Weekday, direction: Option<i64>, future: bool) -> Option<Date> {
    let from = r.weekday().to_monday_zero_offset();
    let to = wd.to_monday_zero_offset();
    let back = i64::from((from - to).rem_euclid(7));
    let ahead = i64::from((to - from).rem_euclid(7));
    let days = match direction {
        Some(-1) => -(if back == 0 { 7 } else { back }),
        Some(1) => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        Some(_) => i64::from(to - from),
        None if future => ahead,
        None => -back,
    };
    r.checked_add(jiff::Span::new().try_days(days).ok()?).ok()
}

/// The date of the document's dateline, if it has one: a full date near the top on a line
/// that opens with a word in capitals, at most a place and its state or country before the date
/// ("LONDON 1996-08-30", "KHASAVYURT , Russia 1996-08-30", "WASHINGTON, March 3, 2021").
/// `dates` are the spans of DATE mentions in text order.
pub fn dateline_date(doc: &Document, dates: impl IntoIterator<Item = Span>) -> Option<Date> {
    /// A dateline stands in the first lines of an article.
    const DATELINE_WITHIN: usize = 1000;
    /// The place (and state or country) before a dateline's date, in bytes.
    const DATELINE_PLACE_MAX: usize = 60;
    for span in dates {
        if span.start > DATELINE_WITHIN {
            return None;
        }
        let line_start = doc.text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let before = &doc.text[line_start..span.start];
        // The line opens with a place in capitals ("LONDON", "KHASAVYURT , Russia").
        let first_word = before
            .split(|c: char| c.is_whitespace() || c == ',')
            .next()
            .unwrap_or("");
        let capitals = first_word.chars().filter(|c| c.is_uppercase()).count() >= 2
            && !first_word.chars().any(char::is_lowercase);
        if !capitals || before.len() > DATELINE_PLACE_MAX {
            continue;
        }
        if let Some(Value::Date(DateValue {
            date: Some(d),
            relative: false,
            ..
        })) = normalise(doc, span, 0, EntityType::Date, None)
            && let Ok(date) = d.parse::<Date>()
        {
            return Some(date);
        }
    }
    None
}

/// Does the sentence speak of the future ("will", "'ll", "shall")? For bare weekdays.
fn future_sentence(doc: &Document, sentence: usize) -> bool {
    doc.sentences.get(sentence).is_some_and(|s| {
        s.tokens.clone().any(|i| {
            let t = doc.token_text(i);
            t.eq_ignore_ascii_case("will") || t == "'ll" || t == "’ll" || t == "shall"
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::doc::Document;
    use crate::extract::entities::{Options, extract_with};
    use crate::output::ValueOut;

    /// The value printed for the entity mentioned as `mention` in `text`, as compact JSON;
    /// "-" when it has none.
    fn value_of(text: &str, mention: &str, date: Option<&str>) -> String {
        let options = Options {
            date: date.map(|d| d.parse().unwrap()),
            ..Default::default()
        };
        let doc = Document::new(text);
        let entities = extract_with(&doc, &options);
        let e = entities
            .iter()
            .find(|e| e.mentions.iter().any(|m| doc.slice(m.span) == mention))
            .unwrap_or_else(|| panic!("{text:?}: no mention {mention:?} in {entities:#?}"));
        match &e.value {
            Some(v) => serde_json::to_string(&ValueOut::from(v)).unwrap(),
            None => "-".to_string(),
        }
    }

    fn check(cases: &[(&str, &str, &str)], date: Option<&str>) {
        for (text, mention, want) in cases {
            assert_eq!(
                value_of(text, mention, date),
                *want,
                "{text:?} / {mention:?}"
            );
        }
    }

    #[test]
    fn numbers() {
        check(
            &[
                (
                    "The club has 1,250,000 members.",
                    "1,250,000",
                    r#"{"number":1250000}"#,
                ),
                (
                    "The club has 1.25 million members.",
                    "1.25 million",
                    r#"{"number":1250000}"#,
                ),
                (
                    "Twenty-five people came.",
                    "Twenty-five",
                    r#"{"number":25}"#,
                ),
                (
                    "We saw two hundred and forty birds.",
                    "two hundred and forty",
                    r#"{"number":240}"#,
                ),
                ("They hired a dozen workers.", "a dozen", r#"{"number":12}"#),
                (
                    "Half a million people marched.",
                    "Half a million",
                    r#"{"number":500000}"#,
                ),
                ("About 40 boats sank.", "About 40", r#"{"number":40}"#),
                ("Three of the boats sank.", "Three", r#"{"number":3}"#),
                ("The two eight-year-old boys ran.", "two", r#"{"number":2}"#),
                ("Thousands of people marched.", "Thousands", "-"),
                ("The score was 4-1 at the end.", "4-1", "-"),
                ("She came first in the race.", "first", r#"{"number":1}"#),
                ("It was his 21st win.", "21st", r#"{"number":21}"#),
                ("He finished No. 5 in the list.", "No. 5", r#"{"number":5}"#),
            ],
            None,
        );
    }

    #[test]
    fn amounts() {
        check(
            &[
                (
                    "The deal is worth $4.5 billion.",
                    "$4.5 billion",
                    r#"{"amount":4500000000,"currency":"USD"}"#,
                ),
                (
                    "They paid $1.13bn for it.",
                    "$1.13bn",
                    r#"{"amount":1130000000,"currency":"USD"}"#,
                ),
                (
                    "The mine cost A$3m to build.",
                    "A$3m",
                    r#"{"amount":3000000,"currency":"AUD"}"#,
                ),
                (
                    "Tickets cost C$200 each.",
                    "C$200",
                    r#"{"amount":200,"currency":"CAD"}"#,
                ),
                // The name finder takes "HK" as an organisation; the prefix still names the
                // currency of the "$200" left.
                (
                    "Tickets cost HK$200 each.",
                    "$200",
                    r#"{"amount":200,"currency":"HKD"}"#,
                ),
                (
                    "The bill came to £1,400 in all.",
                    "£1,400",
                    r#"{"amount":1400,"currency":"GBP"}"#,
                ),
                (
                    "The fine was €20 for each day.",
                    "€20",
                    r#"{"amount":20,"currency":"EUR"}"#,
                ),
                (
                    "A stamp costs 45p now.",
                    "45p",
                    r#"{"amount":0.45,"currency":"GBP"}"#,
                ),
                (
                    "A cup costs 99 cents there.",
                    "99 cents",
                    r#"{"amount":0.99,"currency":"USD"}"#,
                ),
                (
                    "They raised 10 million euros for it.",
                    "10 million euros",
                    r#"{"amount":10000000,"currency":"EUR"}"#,
                ),
                (
                    "The loan is 500 billion yen over ten years.",
                    "500 billion yen",
                    r#"{"amount":500000000000,"currency":"JPY"}"#,
                ),
                (
                    "He sent 2,000 rupees home.",
                    "2,000 rupees",
                    r#"{"amount":2000,"currency":"INR"}"#,
                ),
                (
                    "It sold for 300 francs then.",
                    "300 francs",
                    r#"{"amount":300}"#,
                ),
                (
                    "Shares rose 5.25% on the news.",
                    "5.25%",
                    r#"{"percent":5.25}"#,
                ),
                (
                    "Prices rose 3 per cent last month.",
                    "3 per cent",
                    r#"{"percent":3}"#,
                ),
                (
                    "The tower is 300 metres tall.",
                    "300 metres",
                    r#"{"amount":300,"unit":"m"}"#,
                ),
                (
                    "The farm covers 40 square miles of land.",
                    "40 square miles",
                    r#"{"amount":40,"unit":"mi2"}"#,
                ),
                (
                    "They pump 2.5 million barrels a day.",
                    "2.5 million barrels",
                    r#"{"amount":2500000,"unit":"bbl"}"#,
                ),
                (
                    "She ran 5km before work.",
                    "5km",
                    r#"{"amount":5,"unit":"km"}"#,
                ),
                (
                    "He hit a 359-yard drive.",
                    "359-yard",
                    r#"{"amount":359,"unit":"yd"}"#,
                ),
            ],
            None,
        );
    }

    #[test]
    fn times() {
        check(
            &[
                (
                    "The train left at 14:30 sharp.",
                    "14:30",
                    r#"{"time":"14:30"}"#,
                ),
                (
                    "The shop shut at 5.25pm sharp.",
                    "5.25pm",
                    r#"{"time":"17:25"}"#,
                ),
                (
                    "We met at 10.30 in the hall.",
                    "10.30",
                    r#"{"time":"10:30"}"#,
                ),
                (
                    "The call came at 8 pm local time.",
                    "8 pm",
                    r#"{"time":"20:00"}"#,
                ),
                ("It ended at 12am sharp.", "12am", r#"{"time":"00:00"}"#),
                (
                    "They met at noon in the hall.",
                    "noon",
                    r#"{"time":"12:00"}"#,
                ),
                (
                    "The talk lasted about 20 minutes.",
                    "about 20 minutes",
                    r#"{"duration":"PT20M"}"#,
                ),
                (
                    "The flight took 34.3 hours in all.",
                    "34.3 hours",
                    r#"{"duration":"PT34.3H"}"#,
                ),
                (
                    "They took a two-minute break.",
                    "two-minute",
                    r#"{"duration":"PT2M"}"#,
                ),
            ],
            None,
        );
    }

    #[test]
    fn dates_as_written() {
        check(
            &[
                (
                    "The law passed on March 3, 2021, in the end.",
                    "March 3, 2021",
                    r#"{"date":"2021-03-03"}"#,
                ),
                (
                    "The file is dated 2021-03-03 in the archive.",
                    "2021-03-03",
                    r#"{"date":"2021-03-03"}"#,
                ),
                (
                    "She moved there on 30 August 1996 with him.",
                    "30 August 1996",
                    r#"{"date":"1996-08-30"}"#,
                ),
                (
                    "The plant opened in March 2023 after delays.",
                    "March 2023",
                    r#"{"date":"2023-03"}"#,
                ),
                (
                    "The plant opened in 2023 after delays.",
                    "2023",
                    r#"{"date":"2023"}"#,
                ),
                (
                    "Prices were low in the 1990s for most.",
                    "the 1990s",
                    r#"{"date":"199X"}"#,
                ),
                (
                    "The rally was held in summer 2012 in town.",
                    "summer 2012",
                    r#"{"date":"2012","season":"summer"}"#,
                ),
                (
                    "The strike lasted three months in all.",
                    "three months",
                    r#"{"duration":"P3M"}"#,
                ),
                (
                    "The church stood for a century before the fire.",
                    "a century",
                    r#"{"duration":"P100Y"}"#,
                ),
                (
                    "Smith, 45, said he was tired.",
                    "45",
                    r#"{"duration":"P45Y"}"#,
                ),
                ("The fair runs April 13-17 in the park.", "April 13-17", "-"),
                (
                    "They argued for several years over it.",
                    "several years",
                    "-",
                ),
            ],
            None,
        );
    }

    #[test]
    fn relative_dates_without_a_reference() {
        check(
            &[
                (
                    "The mayor resigned yesterday after the vote.",
                    "yesterday",
                    r#"{"relative":true,"offset":-1,"period":"day"}"#,
                ),
                (
                    "The mayor resigned last Tuesday after the vote.",
                    "last Tuesday",
                    r#"{"relative":true,"weekday":"tuesday","offset":-1}"#,
                ),
                (
                    "The mayor resigned on Tuesday after the vote.",
                    "Tuesday",
                    r#"{"relative":true,"weekday":"tuesday"}"#,
                ),
                (
                    "The mayor will resign next year after the vote.",
                    "next year",
                    r#"{"relative":true,"offset":1,"period":"year"}"#,
                ),
                (
                    "The mayor resigned three weeks ago after the vote.",
                    "three weeks ago",
                    r#"{"relative":true,"offset":-3,"period":"week"}"#,
                ),
                (
                    "The mayor resigned on March 31 after the vote.",
                    "March 31",
                    r#"{"date":"--03-31","relative":true}"#,
                ),
            ],
            None,
        );
    }

    #[test]
    fn relative_dates_resolved_against_the_date() {
        // 2023-03-08 is a Wednesday.
        check(
            &[
                (
                    "The mayor resigned yesterday after the vote.",
                    "yesterday",
                    r#"{"date":"2023-03-07"}"#,
                ),
                (
                    "The mayor resigned last Tuesday after the vote.",
                    "last Tuesday",
                    r#"{"date":"2023-03-07"}"#,
                ),
                (
                    "The mayor resigned on Friday after the vote.",
                    "Friday",
                    r#"{"date":"2023-03-03"}"#,
                ),
                (
                    "The mayor will resign on Friday after the vote.",
                    "Friday",
                    r#"{"date":"2023-03-10"}"#,
                ),
                (
                    "The mayor will resign next year after the vote.",
                    "next year",
                    r#"{"date":"2024"}"#,
                ),
                (
                    "The mayor resigned last month after the vote.",
                    "last month",
                    r#"{"date":"2023-02"}"#,
                ),
                (
                    "The mayor resigned last week after the vote.",
                    "last week",
                    r#"{"date":"2023-W09"}"#,
                ),
                (
                    "The mayor resigned three weeks ago after the vote.",
                    "three weeks ago",
                    r#"{"date":"2023-02-15"}"#,
                ),
                (
                    "The mayor resigned on March 31 after the vote.",
                    "March 31",
                    r#"{"date":"2023-03-31"}"#,
                ),
                (
                    "The mayor resigned on December 20 after the vote.",
                    "December 20",
                    r#"{"date":"2022-12-20"}"#,
                ),
                (
                    "The mayor resigned the next day after the vote.",
                    "the next day",
                    "-",
                ),
            ],
            Some("2023-03-08"),
        );
    }

    #[test]
    fn a_dateline_is_the_reference() {
        let text =
            "Mayor quits\n\nLONDON, March 8, 2023 - The mayor resigned yesterday after the vote.";
        assert_eq!(
            value_of(text, "yesterday", None),
            r#"{"date":"2023-03-07"}"#
        );
        // --date wins over the dateline.
        assert_eq!(
            value_of(text, "yesterday", Some("2020-01-01")),
            r#"{"date":"2019-12-31"}"#
        );
        let text =
            "Rebels agree truce\n\nKHASAVYURT , Russia 1996-08-30 \nThe rebels met on Thursday.";
        assert_eq!(value_of(text, "Thursday", None), r#"{"date":"1996-08-29"}"#);
        // A date in the body is not a dateline.
        let text = "The mayor said on March 8, 2023 that he resigned yesterday.";
        assert_eq!(
            value_of(text, "yesterday", None),
            r#"{"relative":true,"offset":-1,"period":"day"}"#
        );
    }

    #[test]
    fn huge_and_odd_numbers_have_no_value_and_no_panic() {
        let long = "9".repeat(60);
        for text in [
            format!("They counted {long} grains."),
            format!("It cost ${long} billion in all."),
            format!("Prices rose {long}% in a day."),
            format!("He left {long} years ago."),
            "It cost $99999999999999999999999999999 trillion trillion.".to_string(),
            "The event is on February 30, 2023 in town.".to_string(),
            "It happened 4000000000 days ago in the story.".to_string(),
        ] {
            let doc = Document::new(text.as_str());
            for e in extract_with(&doc, &Options::default()) {
                if let Some(Value::Number(n) | Value::Percent(n)) = e.value {
                    assert!(n.is_finite(), "{text}");
                }
            }
        }
        let doc = Document::new(format!("They counted {long} grains."));
        let e = extract_with(&doc, &Options::default());
        assert!(e.iter().all(|e| e.value.is_none()), "{e:#?}");
    }

    #[test]
    fn decimals_are_exact() {
        let cases: &[(&str, Option<f64>)] = &[
            ("1,250,000", Some(1_250_000.0)),
            ("5.25", Some(5.25)),
            ("0.1", Some(0.1)),
            ("007", Some(7.0)),
            ("1.2.3", None),
            ("", None),
            ("12a", None),
            ("999999999999999999999999999999999999999999", None),
        ];
        for (text, want) in cases {
            assert_eq!(Dec::parse(text).and_then(Dec::to_f64), *want, "{text:?}");
        }
        let scaled = Dec::parse("1.1")
            .and_then(|d| d.mul(Dec::pow10(6)))
            .and_then(Dec::to_f64);
        assert_eq!(scaled, Some(1_100_000.0));
        assert_eq!(Dec::parse("1.50").map(Dec::iso).as_deref(), Some("1.5"));
        assert_eq!(Dec::parse("0.05").map(Dec::iso).as_deref(), Some("0.05"));
    }

    #[test]
    fn slash_dates_only_when_the_order_is_certain() {
        let cases: &[(&str, Option<&str>)] = &[
            ("2021-03-03", Some("2021-03-03")),
            ("25/12/2020", Some("2020-12-25")),
            ("12/25/2020", Some("2020-12-25")),
            ("5/5/21", Some("2021-05-05")),
            ("3/4/2021", None),
            ("2021-02-30", None),
            ("99/99/9999", None),
        ];
        for (text, want) in cases {
            assert_eq!(iso_date(text).map(iso).as_deref(), *want, "{text}");
        }
    }

    #[test]
    fn weekdays_relative_to_a_wednesday() {
        // 2023-03-08 is a Wednesday.
        let r = Date::new(2023, 3, 8).unwrap();
        let cases: &[(Weekday, Option<i64>, bool, &str)] = &[
            (Weekday::Tuesday, None, false, "2023-03-07"),
            (Weekday::Wednesday, None, false, "2023-03-08"),
            (Weekday::Thursday, None, false, "2023-03-02"),
            (Weekday::Thursday, None, true, "2023-03-09"),
            (Weekday::Tuesday, Some(-1), false, "2023-03-07"),
            (Weekday::Wednesday, Some(-1), false, "2023-03-01"),
            (Weekday::Tuesday, Some(1), false, "2023-03-14"),
            (Weekday::Friday, Some(1), false, "2023-03-10"),
            (Weekday::Monday, Some(0), false, "2023-03-06"),
            (Weekday::Sunday, Some(0), false, "2023-03-12"),
        ];
        for (wd, direction, future, want) in cases {
            let got = weekday_date(r, *wd, *direction, *future).map(iso);
            assert_eq!(got.as_deref(), Some(*want), "{wd:?} {direction:?} {future}");
        }
    }

    #[test]
    fn nearest_year_crosses_new_year() {
        let r = Date::new(2023, 1, 5).unwrap();
        assert_eq!(nearest_year(r, 12, Some(20)).as_deref(), Some("2022-12-20"));
        assert_eq!(nearest_year(r, 2, None).as_deref(), Some("2023-02"));
        assert_eq!(nearest_year(r, 2, Some(30)), None);
    }
}
