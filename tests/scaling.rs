//! Work must grow linearly with the input, whatever the input repeats: the tool runs unattended
//! over web archives, where one document that makes a pass quadratic stalls a whole batch.
//!
//! Each shape is analysed at a small size and at [`GROWTH`] times that size; the test asserts
//! the ratio of the times, never an absolute time. Linear work gives a ratio near 8, quadratic
//! near 64; the bound [`MAX_RATIO`] leaves room for noise on a loaded machine. To keep noise
//! out: the small input is made large enough to take at least [`MIN_SMALL`], the two sizes are
//! timed alternately (so a burst of load hits both), the best of [`RUNS`] runs of each counts,
//! and a shape that fails is measured once more before the test fails.

use std::time::{Duration, Instant};

use newslens::{Sections, analyze};

const GROWTH: usize = 8;
const MAX_RATIO: f64 = 24.0;
/// An optimised build (`cargo test --release scaling`) is about 20 times faster, so it
/// measures inputs that much larger, where a mildly quadratic pass shows too.
const MIN_SMALL: Duration = Duration::from_millis(if cfg!(debug_assertions) { 20 } else { 100 });
const RUNS: usize = 3;
/// How much larger than its table size a shape's small input may be made.
const MAX_SCALE_UP: f64 = 100.0;

/// (shape, text before the repeated part, repeated part, text after it, repetitions at the
/// small size). Sizes are chosen so that the small input takes about 20-40 ms in a debug build.
#[rustfmt::skip]
const SHAPES: &[(&str, &str, &str, &str, usize)] = &[
    ("straight quotes, paired", "", "\"We act,\" she said. \"Now\" ", "", 100),
    ("straight quotes, opening only", "", " \"a", "", 720),
    ("curly quotes, paired", "", "\u{201C}We act,\u{201D} she said. ", "", 220),
    ("curly quotes, opening only", "", "\u{201C}a ", "", 470),
    ("single quotes", "", "'a' b \u{2018}c ", "", 310),
    ("brackets and parentheses", "", "(a [b] c) (d ", "", 250),
    ("capitalised words", "", "Anna Berg Carl Lund ", "", 160),
    ("capitalised sentences", "", "Anna Berg met Carl Lund. ", "", 110),
    ("commitment triggers", "", "will pledge to said ", "", 100),
    ("speech verbs", "", "Xi said that ", "", 260),
    ("run-on sentence", "", "the minister said that the plan will work and ", "", 100),
    ("long single line", "", "China will act. ", "", 260),
    ("repeated names", "Xi Jinping met Vladimir Putin. ", "Xi said Putin will act. ", "", 120),
    ("repeated pronouns", "Anna Lund spoke. ", "She said she would act and ", "", 350),
    ("definite descriptions", "Trade Minister Anna Lund spoke. ", "The Trade Minister said that ", "", 120),
    ("first-person commitments", "", "Acme Foods rose. Tom Reed said we will act. ", "", 60),
    ("coordinated cues", "Anna Berg said", " and said", " \"We will win.\"", 550),
    ("according to", "", "According to officials, : the plan failed. ", "", 110),
    ("according to, trailing", "", "Prices rose, according to the bank. ", "", 110),
];

/// HTML pages that repeat one shape, for the extractor of `--input-format html`: the
/// tokenizer's states (tags, attributes, comments, references, raw text) and the counters of
/// open elements. Same columns as [`SHAPES`].
#[rustfmt::skip]
const HTML_SHAPES: &[(&str, &str, &str, &str, usize)] = &[
    ("nested divs", "", "<div>", "<p>x</p>", 2_000),
    ("nested articles", "", "<article><p>a</p>", "", 1_000),
    ("nested dropped elements", "", "<nav><aside>", "<p>x</p>", 1_000),
    ("paragraphs", "<html><body>", "<p>Shares rose <b>3%</b> on Monday.</p>\n", "", 500),
    ("character references", "<p>", "&amp;&eacute;&#233;&#xE9;&nbsp;&bogus; ", "", 500),
    ("attributes", "<p ", "a=\"1\" b='2' c=3 ", ">x", 500),
    ("unclosed comment", "<!--", "- -> --!> <p> ", "", 1_000),
    ("unclosed script", "<script>", "if (a < b) { '</scr' } <!-- ", "", 1_000),
    ("titles", "", "<title>T</title><svg><title>s</title></svg>", "", 500),
    ("line breaks", "<p>", "a<br><br><br>", "", 1_000),
];

/// What a shape's text is timed on.
type Work = fn(&str);

fn analyse(text: &str) {
    drop(analyze(text, &Sections::all()));
}

fn extract_html(text: &str) {
    drop(newslens::html::to_text(text));
}

fn time_once(work: Work, text: &str) -> Duration {
    let start = Instant::now();
    work(text);
    start.elapsed()
}

/// Best times of the small and the large text, timed alternately.
fn best_times(work: Work, small: &str, large: &str) -> (Duration, Duration) {
    let (mut s, mut l) = (Duration::MAX, Duration::MAX);
    for _ in 0..RUNS {
        s = s.min(time_once(work, small));
        l = l.min(time_once(work, large));
    }
    (s, l)
}

fn build(before: &str, unit: &str, after: &str, reps: usize) -> String {
    format!("{before}{}{after}", unit.repeat(reps))
}

/// The time ratio for one shape, after sizing the small input to take at least `MIN_SMALL`.
fn ratio(work: Work, before: &str, unit: &str, after: &str, reps: usize) -> (f64, usize, Duration) {
    let mut reps = reps;
    let probe = time_once(work, &build(before, unit, after, reps));
    if probe < MIN_SMALL {
        let scale = MIN_SMALL.as_secs_f64() / probe.as_secs_f64().max(1e-6);
        reps = (reps as f64 * scale.min(MAX_SCALE_UP)).ceil() as usize;
    }
    let small = build(before, unit, after, reps);
    let large = build(before, unit, after, reps * GROWTH);
    let (s, l) = best_times(work, &small, &large);
    (l.as_secs_f64() / s.as_secs_f64().max(1e-9), small.len(), s)
}

/// Runs every shape through `work`, failing on the ones whose time grows much faster than
/// their input.
fn check_shapes(work: Work, shapes: &[(&str, &str, &str, &str, usize)]) {
    let mut failures = Vec::new();
    for &(shape, before, unit, after, reps) in shapes {
        let (mut r, mut bytes, mut small) = ratio(work, before, unit, after, reps);
        if r > MAX_RATIO {
            // Once more before failing: a burst of load on a shared machine is not a bug.
            (r, bytes, small) = ratio(work, before, unit, after, reps);
        }
        eprintln!("{shape}: {bytes} B in {small:?}, {GROWTH}x: ratio {r:.1}");
        if r > MAX_RATIO {
            failures.push(format!(
                "{shape}: {GROWTH}x the input ({bytes} B) took {r:.1}x the time"
            ));
        }
    }
    assert!(failures.is_empty(), "super-linear: {failures:#?}");
}

#[test]
fn work_grows_linearly_for_repetitive_input() {
    let _ = analyze("Warm up: the lexicons load on first use.", &Sections::all());
    check_shapes(analyse, SHAPES);
}

#[test]
fn html_extraction_grows_linearly_for_repetitive_pages() {
    check_shapes(extract_html, HTML_SHAPES);
}
