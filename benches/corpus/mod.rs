//! Generated news-like text for the benchmark and the scale checks: articles recombined from
//! sentences written for newslens, with invented people, places, organisations and figures, so
//! that a corpus of any size can be made without shipping one. The same seed always gives the
//! same bytes.
//!
//! Each article has a headline, a lead naming its two people in full, seven to twenty paragraphs and a closing line, mixing reported speech,
//! direct quotes (straight and curly marks), pledges and agreements, dates, money, percentages
//! and a few names with accents, so every extractor has work, about as much per byte as in the
//! shipped seed article (3 KB). Used by `benches/throughput.rs` and by
//! `examples/news_corpus.rs`, which writes it to stdout.

use std::io::{self, Write};

/// A small deterministic generator (SplitMix64): the corpus must not depend on a crate's
/// random number algorithm, which may change between versions.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
}

const FIRST: &[&str] = &[
    "Maria", "James", "Amina", "Daniel", "Sofia", "Oliver", "Priya", "Thomas", "Grace", "Rafael",
    "Helen", "Kwame", "Ingrid", "Samuel", "Yuki", "Laura", "Ahmed", "Claire", "Mateo", "Nadia",
    "Peter", "Fatima", "Lucas", "Anna", "José", "Zoë", "Björn", "Chloé", "Ibrahim", "Eleanor",
];

const SURNAME: &[&str] = &[
    "Lopez",
    "Harrington",
    "Okafor",
    "Brennan",
    "Castellano",
    "Whitfield",
    "Raman",
    "Kowalski",
    "Ashdown",
    "Moreau",
    "Lindqvist",
    "Mensah",
    "Tanaka",
    "Fischer",
    "Delaney",
    "Haddad",
    "Marsh",
    "Petrov",
    "Álvarez",
    "Müller",
    "Osei",
    "Thornton",
    "Nakamura",
    "Quinn",
    "Sorensen",
    "Vasquez",
    "Kendall",
    "Abara",
    "Whitmore",
    "Fairley",
];

const TITLE: &[&str] = &[
    "Finance Minister",
    "Prime Minister",
    "Foreign Minister",
    "Health Secretary",
    "President",
    "Governor",
    "Mayor",
    "Senator",
    "chief executive",
    "union leader",
    "council leader",
    "Education Minister",
];

const COUNTRY: &[&str] = &[
    "France",
    "Germany",
    "Brazil",
    "India",
    "Japan",
    "Kenya",
    "Canada",
    "Mexico",
    "Norway",
    "Australia",
    "Nigeria",
    "Spain",
    "Poland",
    "Egypt",
    "Chile",
    "Vietnam",
    "Turkey",
    "Italy",
];

const CITY: &[&str] = &[
    "Lyon",
    "Hamburg",
    "Recife",
    "Pune",
    "Osaka",
    "Mombasa",
    "Calgary",
    "Monterrey",
    "Bergen",
    "Perth",
    "Kano",
    "Valencia",
    "Gdansk",
    "Alexandria",
    "Valparaíso",
    "Da Nang",
    "Izmir",
    "Turin",
    "Leeds",
    "Denver",
];

const ORG: &[&str] = &[
    "Northwind Energy",
    "the Harbour Development Agency",
    "Meridian Bank",
    "the National Rail Union",
    "Calder Pharmaceuticals",
    "the Coastal Water Authority",
    "Brightline Telecom",
    "the Federation of Small Farmers",
    "Orion Motors",
    "the Institute for Fiscal Research",
    "Greenfield Airways",
    "the Regional Health Board",
];

const WEEKDAY: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const MONTH: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const THING: &[&str] = &[
    "the new rail line",
    "the water treatment plant",
    "the hospital extension",
    "the wind farm",
    "the bridge repairs",
    "the housing scheme",
    "the school building programme",
    "the port expansion",
    "the broadband roll-out",
    "the flood defences",
];

const HEADLINE: &[&str] = &[
    "{P1S} Pledges to Cut Fuel Duty as Prices Rise in {COUNTRY}",
    "{ORGC} to Build {N} Homes in {CITY}",
    "{COUNTRY} and {COUNTRY2} Sign Trade Pact After Talks in {CITY}",
    "Strike Called Off as {ORGC} Agrees Pay Deal",
    "{CITY} Council Approves {MONEY} Budget for {THINGH}",
    "{P1S}: We Will Not Raise Taxes",
    "Floods Hit {CITY} as Rivers Burst Their Banks",
    "{ORGC} Profits Fall {PCT} on Weak Demand",
];

/// Paragraph sentences. `{P1}` is the article's first person in full, `{P1S}` their surname,
/// `{T1}` their title (`{T1C}` capitalised); `{P2}`, `{P2S}`, `{T2}` the second person's.
const SENTENCES: &[&str] = &[
    "{T1C} {P1} said on {DAY} that the government would spend {MONEY} on {THING} over the next {N2} years.",
    "“We will finish {THING} by {YEAR},” {P1S} told reporters in {CITY}.",
    "\"This is a good day for {CITY},\" said {P2}, the {T2}, adding that {N} jobs would be created.",
    "{P2S} warned that costs had risen by {PCT} since {MONTH} and said the budget was under strain.",
    "{ORGC} pledged to invest {MONEY} in {COUNTRY} and to open an office in {CITY} next year.",
    "The two sides agreed to hold further talks in {MONTH}, according to a statement from {ORG}.",
    "{P1S} has ruled out a referendum on the plan before the election.",
    "Officials in {CITY} said about {N} people had been moved from their homes after heavy rain on {DAY}.",
    "Unemployment in {COUNTRY} fell to {PCT} in {MONTH}, the lowest level since {YEAR}.",
    "Critics say {THING} has already cost {MONEY} more than planned.",
    "“I am prepared to work with anyone who wants to fix this,” {P2S} said.",
    "{P1}, who became {T1} in {YEAR}, is expected to announce the decision on {DAY}.",
    "{ORGC} said it would not cut jobs at its plant in {CITY}, where it employs {N} people.",
    "Shares in {ORG} rose {PCT} on {DAY} after the company reported sales of {MONEY}.",
    "The agreement, signed by {P1S} and {P2S} in {CITY}, commits both countries to lower tariffs on steel.",
    "{P2} said the union would not accept a pay offer below {PCT}.",
    "A spokesperson for {ORG} declined to comment.",
    "Residents have complained for years about delays to {THING}, which was first proposed in {YEAR}.",
    "{P1S} promised to publish the full report by the end of {MONTH}.",
    "In a speech to supporters in {CITY}, {P1S} vowed to reduce waiting times at hospitals.",
    "The minister told parliament that {COUNTRY} had no intention of leaving the agreement.",
    "Analysts expect growth of {PCT} this year, down from {PCT2} in {YEAR}.",
    "“Nobody wants a strike, but our members have been patient for too long,” said {P2}.",
    "{ORGC} and {ORG2} have agreed to merge their operations in {COUNTRY}, creating a company worth {MONEY}.",
    "Police said {N2} people were arrested after protests outside the offices of {ORG} on {DAY}.",
    "The {T2} said she was confident that {THING} would be ready before the winter.",
    "According to figures published on {DAY}, {N} homes were built in {CITY} last year.",
    "{P1S} reaffirmed the government's commitment to the climate targets agreed in {YEAR}.",
    "Visitors from {COUNTRY2} made up {PCT} of tourists in {CITY} in {MONTH}, the tourism board said.",
    "Asked whether taxes would rise, {P1S} said: “Not while I am in this job.”",
    "The plan still needs the approval of {ORG}, which meets again on {MONTH} {D}.",
    "Dr {P2S} said the findings, based on {N} patients, were encouraging but needed more study.",
];

/// The first paragraph introduces both people in full.
const LEAD: &[&str] = &[
    "{T1C} {P1} met {P2}, the {T2}, in {CITY} on {DAY} to discuss {THING}.",
    "{P1}, the {T1}, and {P2} clashed on {DAY} over the cost of {THING} in {CITY}.",
    "{T1C} {P1} has promised to speed up {THING}, a project {P2}, the {T2}, called “long overdue”.",
    "{ORGC} said on {DAY} that {THING} in {CITY} would cost {MONEY}, a figure {T1} {P1} and {P2} disputed.",
];

const CLOSING: &[&str] = &[
    "The vote is due on {DAY} {MONTH} {D}.",
    "{ORGC} will publish its annual results in {MONTH}.",
    "Talks are expected to resume after the summer.",
    "{P1S} is due to visit {COUNTRY2} later this month.",
];

/// One article's cast and figures.
struct Cast<'a> {
    p1: (&'a str, &'a str),
    p2: (&'a str, &'a str),
    t1: &'a str,
    t2: &'a str,
    country: &'a str,
    country2: &'a str,
    city: &'a str,
    org: &'a str,
    org2: &'a str,
    thing: &'a str,
}

/// Generates articles; [`Corpus::article`] gives the next one.
pub struct Corpus {
    rng: Rng,
}

impl Corpus {
    pub fn new(seed: u64) -> Corpus {
        Corpus { rng: Rng(seed) }
    }

    /// The next article: headline, blank line, paragraphs separated by blank lines.
    pub fn article(&mut self) -> String {
        let r = &mut self.rng;
        let person = |r: &mut Rng| (r.pick(FIRST), r.pick(SURNAME));
        let cast = Cast {
            p1: person(r),
            p2: person(r),
            t1: r.pick(TITLE),
            t2: r.pick(TITLE),
            country: r.pick(COUNTRY),
            country2: r.pick(COUNTRY),
            city: r.pick(CITY),
            org: r.pick(ORG),
            org2: r.pick(ORG),
            thing: r.pick(THING),
        };
        let mut text = String::with_capacity(4096);
        let headline = r.pick(HEADLINE);
        fill(&mut text, headline, &cast, r, true);
        text.push_str("\n\n");
        let lead = r.pick(LEAD);
        fill(&mut text, lead, &cast, r, false);
        text.push_str("\n\n");
        let paragraphs = 7 + r.below(14);
        for _ in 0..paragraphs {
            let sentences = 1 + r.below(3);
            for s in 0..sentences {
                if s > 0 {
                    text.push(' ');
                }
                let template = r.pick(SENTENCES);
                fill(&mut text, template, &cast, r, false);
            }
            text.push_str("\n\n");
        }
        let closing = r.pick(CLOSING);
        fill(&mut text, closing, &cast, r, false);
        text.push('\n');
        text
    }

    /// Writes JSON Lines records `{"id": "gen-000001", "text": …}` until at least `bytes`
    /// bytes are written. Returns the number of records and of bytes.
    pub fn write_jsonl(&mut self, out: &mut impl Write, bytes: u64) -> io::Result<(u64, u64)> {
        let (mut records, mut written) = (0u64, 0u64);
        let mut line = Vec::with_capacity(8192);
        while written < bytes {
            records += 1;
            line.clear();
            let record = serde_json::json!({
                "id": format!("gen-{records:06}"),
                "text": self.article(),
            });
            serde_json::to_writer(&mut line, &record).map_err(io::Error::other)?;
            line.push(b'\n');
            out.write_all(&line)?;
            written += line.len() as u64;
        }
        Ok((records, written))
    }

    /// One long document of at least `bytes` bytes: articles one after another, as a scraped
    /// archive page or a concatenated feed would give them.
    pub fn document(&mut self, bytes: usize) -> String {
        let mut text = String::with_capacity(bytes + 8192);
        while text.len() < bytes {
            text.push_str(&self.article());
            text.push('\n');
        }
        text
    }
}

/// Appends `template` with its slots filled; `title_case` capitalises a lower-case
/// organisation for a headline.
fn fill(out: &mut String, template: &str, cast: &Cast, r: &mut Rng, title_case: bool) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').expect("slots are closed");
        let slot = &rest[open + 1..close];
        rest = &rest[close + 1..];
        match slot {
            "P1" => push_name(out, cast.p1),
            "P2" => push_name(out, cast.p2),
            "P1S" => out.push_str(cast.p1.1),
            "P2S" => out.push_str(cast.p2.1),
            "T1" => out.push_str(cast.t1),
            "T1C" => push_capitalised(out, cast.t1, false),
            "T2" => out.push_str(cast.t2),
            "COUNTRY" => out.push_str(cast.country),
            "COUNTRY2" => out.push_str(cast.country2),
            "CITY" => out.push_str(cast.city),
            "ORG" => out.push_str(cast.org),
            "ORG2" => out.push_str(cast.org2),
            "ORGC" => push_capitalised(out, cast.org, title_case),
            "THING" => out.push_str(cast.thing),
            "THINGH" => push_capitalised(out, cast.thing.trim_start_matches("the "), true),
            "DAY" => out.push_str(r.pick(WEEKDAY)),
            "MONTH" => out.push_str(r.pick(MONTH)),
            "YEAR" => out.push_str(&(1995 + r.below(31)).to_string()),
            "D" => out.push_str(&(1 + r.below(28)).to_string()),
            "N" => out.push_str(&thousands(50 + r.below(40_000))),
            "N2" => out.push_str(&(2 + r.below(18)).to_string()),
            "PCT" | "PCT2" => {
                let tenths = 1 + r.below(250);
                out.push_str(&format!("{}.{}%", tenths / 10, tenths % 10));
            }
            "MONEY" => {
                let currency = r.pick(&["$", "£", "€"]);
                let amount = 1 + r.below(900);
                let unit = r.pick(&["million", "billion", "m", "bn"]);
                let sep = if unit.len() > 2 { " " } else { "" };
                out.push_str(&format!("{currency}{amount}{sep}{unit}"));
            }
            other => unreachable!("unknown slot {{{other}}}"),
        }
    }
    out.push_str(rest);
}

fn push_name(out: &mut String, (first, last): (&str, &str)) {
    out.push_str(first);
    out.push(' ');
    out.push_str(last);
}

/// "the Harbour Development Agency" → "The Harbour Development Agency" at the start of a
/// sentence, and every word capitalised in a headline.
fn push_capitalised(out: &mut String, s: &str, every_word: bool) {
    for (i, word) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if i == 0 || every_word {
            let mut chars = word.chars();
            if let Some(c) = chars.next() {
                out.extend(c.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(word);
        }
    }
}

/// 12345 → "12,345".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
