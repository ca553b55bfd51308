//! HTML pages to article text: what `--input-format html` (and an HTML page found on stdin, in
//! a `.html`/`.htm` file or in a JSON Lines record) is analysed as.
//!
//! The page is read by the [html5gum](https://docs.rs/html5gum) tokenizer, which implements the
//! WHATWG tokenizer (character references, comments, `<script>` and `<style>` contents, broken
//! and truncated tags all as a browser reads them) but builds no tree. The extraction is one
//! pass over its tokens that keeps a handful of counters and no stack of elements, so it takes
//! time and memory linear in the page and a constant amount of stack, however deep the nesting
//! (100,000 nested `<div>`s are one more test case, not a crash).
//!
//! What [`to_text`] keeps:
//!
//! - **Blocks become paragraphs.** Every block element (`p`, `div`, `h1`–`h6`, `li`, `td`,
//!   `blockquote`, `section`, …) starts and ends a paragraph; paragraphs are separated by a
//!   blank line. Inside a paragraph runs of whitespace become one space and `<br>` a line
//!   break. Inline elements (`a`, `span`, `em`, …) are transparent, and `<q>` gets the
//!   quotation marks a browser shows (“…”), so the quote finder sees them.
//! - **Not the page's furniture.** The text inside `script`, `style`, `noscript`, `template`,
//!   `svg`, `math`, `nav`, `menu`, `aside`, `footer`, form controls (`label`, `button`,
//!   `select`, `textarea`; not `form` itself, which some sites wrap around the whole page), `iframe`,
//!   `object`, `canvas`, `video`, `audio`, `figure` (captions and photo credits are not the
//!   story) is dropped, and so is a `header` outside `<article>` and `<main>` (the site's
//!   banner); a `header` inside them holds the headline and byline, and is kept.
//! - **The main content.** When the page has an `<article>`, the one with the most text is
//!   kept and the rest of the page dropped (teasers of other stories are articles too), unless
//!   a `<main>` holds more than twice its text, in which case the `<main>` is kept; with a
//!   `<main>` and no `<article>`, the `<main>`; otherwise the whole `<body>`.
//! - **The headline first.** The first `<h1>` of the kept content opens the text, as its own
//!   first paragraph, so newslens' title detection sees it; without one, the first `<h1>` of
//!   the page outside the dropped parts (pages often put the headline above the `<article>`
//!   that holds the body); without any, the page's `<title>` (a `<title>` often carries the
//!   site's name, "Talks resume | The Daily", which is why an `<h1>` comes first).
//! - **Characters, not references.** `&amp;`, `&#233;`, `&#xE9;` and the other character
//!   references are decoded by the tokenizer; a no-break space (`&nbsp;`) is a space like any
//!   other whitespace.

use html5gum::{DefaultEmitter, Token, Tokenizer};

/// Elements whose text is not the article's, with their contents. A `header` is one too,
/// outside `<article>` and `<main>` (see [`Extractor::start_tag`]).
const DROPPED: &[&[u8]] = &[
    b"script",
    b"style",
    b"noscript",
    b"template",
    b"svg",
    b"math",
    b"nav",
    b"menu",
    b"aside",
    b"footer",
    b"label",
    b"button",
    b"select",
    b"textarea",
    b"iframe",
    b"object",
    b"canvas",
    b"video",
    b"audio",
    b"figure",
];

/// Elements that start and end a paragraph (HTML's block-level elements, table cells and list
/// items). Any other element is inline: its text runs on with its neighbours'.
const BLOCKS: &[&[u8]] = &[
    b"address",
    b"article",
    b"aside",
    b"blockquote",
    b"body",
    b"caption",
    b"center",
    b"dd",
    b"details",
    b"dialog",
    b"dir",
    b"div",
    b"dl",
    b"dt",
    b"fieldset",
    b"figcaption",
    b"figure",
    b"footer",
    b"form",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"head",
    b"header",
    b"hgroup",
    b"hr",
    b"html",
    b"legend",
    b"li",
    b"listing",
    b"main",
    b"nav",
    b"ol",
    b"p",
    b"plaintext",
    b"pre",
    b"section",
    b"summary",
    b"table",
    b"tbody",
    b"td",
    b"tfoot",
    b"th",
    b"thead",
    b"title",
    b"tr",
    b"ul",
    b"xmp",
];

/// A `<main>` replaces the largest `<article>` when it holds more than this many times the
/// article's text: then the article is a teaser beside the story, not the story.
const MAIN_OVER_ARTICLE: usize = 2;

/// The text of an HTML page, extracted as the module doc describes. Never panics; a page with
/// no text gives an empty string.
///
/// ```
/// let page = "<!DOCTYPE html><title>Talks | The Daily</title><nav><a href=/>Home</a></nav>\
///     <article><h1>Talks Resume</h1><p>Ministers met in Geneva.<p>Caf&eacute; owners &amp; \
///     staff watched.</article>";
/// assert_eq!(
///     newslens::html::to_text(page),
///     "Talks Resume\n\nMinisters met in Geneva.\n\nCafé owners & staff watched."
/// );
/// ```
pub fn to_text(html: &str) -> String {
    let html = html.strip_prefix('\u{FEFF}').unwrap_or(html);
    let mut emitter = DefaultEmitter::default();
    // Without a tree builder the tokenizer must be told that `<script>`, `<style>`, `<title>`
    // and the like hold raw text, not tags; html5gum's naive switch does it by tag name.
    emitter.naively_switch_states(true);
    let mut extractor = Extractor::default();
    for token in Tokenizer::new_with_emitter(html, emitter) {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => extractor.start_tag(&tag.name, tag.self_closing),
            Token::EndTag(tag) => extractor.end_tag(&tag.name),
            Token::String(text) => extractor.text(&String::from_utf8_lossy(&text.value)),
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    extractor.finish()
}

/// One paragraph of the page, with where it was.
#[derive(Debug)]
struct Block {
    text: String,
    /// The outermost `<article>` it is in, numbered from 1 in page order.
    article: Option<usize>,
    in_main: bool,
    heading: bool,
}

/// The state of the one pass: counters of the open elements that matter, never a stack of
/// elements (a stack of `header` flags is the one list, one entry per open `header`).
#[derive(Default)]
struct Extractor {
    blocks: Vec<Block>,
    /// The paragraph being read.
    current: Collapsed,
    title: Option<String>,
    /// Reading the first `<title>`.
    in_title: Option<Collapsed>,
    /// Open elements of each [`DROPPED`] name.
    dropped: [usize; DROPPED.len()],
    /// For each open `header`: whether it is dropped.
    headers: Vec<bool>,
    /// Open dropped elements and dropped headers: text is kept only at 0.
    dropping: usize,
    articles: usize,
    article_depth: usize,
    main_depth: usize,
    /// Inside an `<h1>`. A flag, not a depth: as in a browser, any heading's start or end tag
    /// ends an open heading, so an unclosed `<h1>` does not run on over the page.
    in_h1: bool,
}

impl Extractor {
    fn start_tag(&mut self, name: &[u8], self_closing: bool) {
        // Inside dropped text blocks do not matter (an `<svg>`'s `<title>` ends no paragraph).
        if self.dropping == 0 && BLOCKS.contains(&name) {
            self.flush();
        }
        match name {
            b"br" if self.dropping == 0 => self.current.line_break(),
            b"q" if self.dropping == 0 => self.current.push_str("“"),
            b"article" => {
                if self.article_depth == 0 {
                    self.articles += 1;
                }
                self.article_depth += 1;
            }
            b"main" => self.main_depth += 1,
            b"h1" => self.in_h1 = true,
            b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => self.in_h1 = false,
            b"header" => {
                let dropped = self.article_depth == 0 && self.main_depth == 0;
                self.headers.push(dropped);
                self.dropping += usize::from(dropped);
            }
            b"title" if self.title.is_none() && self.in_title.is_none() && !self.in_foreign() => {
                self.in_title = Some(Collapsed::default());
            }
            _ => {
                // `<svg/>` and `<math/>` are closed at once; a self-closing `<nav/>` is an
                // open nav, as browsers read it.
                let closed = self_closing && matches!(name, b"svg" | b"math");
                if let Some(i) = DROPPED.iter().position(|&d| d == name)
                    && !closed
                {
                    self.dropped[i] += 1;
                    self.dropping += 1;
                }
            }
        }
    }

    fn end_tag(&mut self, name: &[u8]) {
        if self.dropping == 0 && BLOCKS.contains(&name) {
            self.flush();
        }
        match name {
            // `</br>` is read as `<br>` by browsers.
            b"br" if self.dropping == 0 => self.current.line_break(),
            b"q" if self.dropping == 0 => self.current.push_str("”"),
            b"article" => self.article_depth = self.article_depth.saturating_sub(1),
            b"main" => self.main_depth = self.main_depth.saturating_sub(1),
            b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => self.in_h1 = false,
            b"header" => {
                if self.headers.pop() == Some(true) {
                    self.dropping -= 1;
                }
            }
            b"title" => {
                if let Some(title) = self.in_title.take() {
                    self.title = Some(title.text);
                }
            }
            _ => {
                // An end tag with nothing open of its name is ignored, as browsers do.
                if let Some(i) = DROPPED.iter().position(|&d| d == name)
                    && self.dropped[i] > 0
                {
                    self.dropped[i] -= 1;
                    self.dropping -= 1;
                }
            }
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(title) = &mut self.in_title {
            title.push_str(text);
        } else if self.dropping == 0 {
            self.current.push_str(text);
        }
    }

    /// Inside `<svg>` or `<math>`, whose `<title>` is a tooltip, not the page's.
    fn in_foreign(&self) -> bool {
        DROPPED
            .iter()
            .zip(self.dropped)
            .any(|(&name, open)| open > 0 && matches!(name, b"svg" | b"math"))
    }

    /// Ends the paragraph being read.
    fn flush(&mut self) {
        let block = std::mem::take(&mut self.current).finish();
        if !block.is_empty() {
            self.blocks.push(Block {
                text: block,
                article: (self.article_depth > 0).then_some(self.articles),
                in_main: self.main_depth > 0,
                heading: self.in_h1,
            });
        }
    }

    fn finish(mut self) -> String {
        self.flush();
        let title = self
            .title
            .take()
            .or_else(|| self.in_title.take().map(|t| t.text))
            .filter(|t| !t.is_empty());
        let kept = self.main_content();
        let mut blocks: Vec<&str> = kept.iter().map(|b| b.text.as_str()).collect();
        // The content's own `<h1>`; else one above it (pages often put the headline over the
        // `<article>` that holds the body); else the `<title>`.
        let headline = match kept.iter().position(|b| b.heading) {
            Some(i) => Some(blocks.remove(i).to_string()),
            None => self
                .blocks
                .iter()
                .find(|b| b.heading)
                .map(|b| b.text.clone())
                .or(title),
        };
        let mut paragraphs: Vec<String> = Vec::with_capacity(blocks.len() + 1);
        if let Some(headline) = headline {
            // A headline is one line; the title detection reads the first line only.
            let headline = headline.replace('\n', " ");
            if blocks
                .first()
                .is_some_and(|b| b.replace('\n', " ") == headline)
            {
                blocks.remove(0);
            }
            paragraphs.push(headline);
        }
        paragraphs.extend(blocks.into_iter().map(str::to_string));
        paragraphs.join("\n\n")
    }

    /// The blocks of the largest `<article>`, of the `<main>`, or of the whole page.
    fn main_content(&self) -> Vec<&Block> {
        let length = |keep: &dyn Fn(&Block) -> bool| -> usize {
            self.blocks
                .iter()
                .filter(|b| keep(b))
                .map(|b| b.text.len())
                .sum()
        };
        let mut sizes = vec![0usize; self.articles + 1];
        for block in &self.blocks {
            if let Some(a) = block.article {
                sizes[a] += block.text.len();
            }
        }
        // The first of the largest, in page order.
        let best =
            (1..sizes.len())
                .filter(|&a| sizes[a] > 0)
                .fold(None, |best: Option<usize>, a| match best {
                    Some(b) if sizes[b] >= sizes[a] => Some(b),
                    _ => Some(a),
                });
        let main = length(&|b| b.in_main);
        let keep: Box<dyn Fn(&Block) -> bool> = match best {
            Some(a) if main <= MAIN_OVER_ARTICLE * sizes[a] => {
                Box::new(move |b: &Block| b.article == Some(a))
            }
            _ if main > 0 => Box::new(|b: &Block| b.in_main),
            _ => Box::new(|_: &Block| true),
        };
        self.blocks.iter().filter(|b| keep(b)).collect()
    }
}

/// Text with its whitespace collapsed as a browser shows it: a run of whitespace is one space,
/// none at the start or end of a line; line breaks (from `<br>`) are kept, at most two in a row.
#[derive(Default)]
struct Collapsed {
    text: String,
    /// Whitespace was seen since the last character: a space goes in before the next one.
    space: bool,
}

impl Collapsed {
    fn push_str(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.space = true;
            } else {
                if self.space && !self.text.is_empty() && !self.text.ends_with('\n') {
                    self.text.push(' ');
                }
                self.space = false;
                self.text.push(c);
            }
        }
    }

    fn line_break(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
        self.space = false;
    }

    fn finish(self) -> String {
        let mut text = self.text;
        text.truncate(text.trim_end().len());
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (what, page, extracted text)
    const CASES: &[(&str, &str, &str)] = &[
        (
            "paragraphs and headings are paragraphs",
            "<body><h2>Markets</h2><p>Shares rose.</p><p>Bonds fell.</p></body>",
            "Markets\n\nShares rose.\n\nBonds fell.",
        ),
        (
            "whitespace collapses inside a block",
            "<p>  Shares\n\n   rose\tsharply .  </p>",
            "Shares rose sharply .",
        ),
        (
            "inline elements run on",
            "<p><b>Angela</b> <i>Merkel</i> met Ma<span>cron</span>.</p>",
            "Angela Merkel met Macron.",
        ),
        (
            "br is a line break",
            "<p>First line<br>second line<br/>third</p>",
            "First line\nsecond line\nthird",
        ),
        (
            "character references are decoded",
            "<p>Caf&eacute; &amp; bar &#233; &#xE9; &lt;b&gt; &quot;x&quot; a&nbsp;b</p>",
            "Café & bar é é <b> \"x\" a b",
        ),
        (
            "script, style and noscript are dropped",
            "<p>Before.</p><script>var x = '<p>no</p>';</script><style>p{}</style>\
             <noscript><p>Enable JS</p></noscript><p>After.</p>",
            "Before.\n\nAfter.",
        ),
        (
            "navigation, banner, aside, footer and forms are dropped",
            "<header><a>Logo</a></header><nav><ul><li>Home</li><li>World</li></ul></nav>\
             <p>The story.</p><aside>Most read</aside><form><label>Email</label>\
             <button>Go</button></form><footer>Copyright</footer>",
            "The story.",
        ),
        (
            "the title opens the text",
            "<html><head><title>Talks Resume in Geneva</title></head>\
             <body><p>Ministers met.</p></body></html>",
            "Talks Resume in Geneva\n\nMinisters met.",
        ),
        (
            "an h1 of the content is the headline, before the title",
            "<title>Talks Resume | The Daily</title><p>Politics</p><h1>Talks Resume</h1>\
             <p>Ministers met.</p>",
            "Talks Resume\n\nPolitics\n\nMinisters met.",
        ),
        (
            "a title repeated as the first block is not repeated",
            "<title>Talks Resume</title><h2>Talks Resume</h2><p>Ministers met.</p>",
            "Talks Resume\n\nMinisters met.",
        ),
        (
            "the largest article is the content",
            "<body><p>Site intro.</p><article><h1>Big Story</h1><p>A long paragraph of \
             the big story.</p></article><article><p>Teaser.</p></article></body>",
            "Big Story\n\nA long paragraph of the big story.",
        ),
        (
            "an article's header is kept",
            "<header>Site</header><article><header><h1>Headline</h1><p>By Ann Lee</p>\
             </header><p>Body text.</p><footer>Share this</footer></article>",
            "Headline\n\nBy Ann Lee\n\nBody text.",
        ),
        (
            "main without article",
            "<div>Sidebar links</div><main><p>The story itself.</p></main><div>More</div>",
            "The story itself.",
        ),
        (
            "main much larger than a teaser article",
            "<main><p>The story itself, told at some length here.</p>\
             <article><p>Teaser.</p></article></main>",
            "The story itself, told at some length here.\n\nTeaser.",
        ),
        (
            "q gets quotation marks",
            "<p>She said <q>we will act</q> on Monday.</p>",
            "She said “we will act” on Monday.",
        ),
        (
            "svg and its title are dropped, self-closing svg closes",
            "<title>Page</title><p>One<svg><title>icon</title><text>x</text></svg> two</p>\
             <svg/><p>Three</p>",
            "Page\n\nOne two\n\nThree",
        ),
        ("comments are not text", "<p>A<!-- hidden -->B</p>", "AB"),
        (
            "a form around the whole page keeps its text, not its controls",
            "<form action=/x><p>The story.</p><label>Search</label><input name=q>\
         <select><option>One</option></select><textarea>Type</textarea></form>",
            "The story.",
        ),
        (
            "nothing but markup",
            "<html><body><div></div></body></html>",
            "",
        ),
        (
            "a leading byte-order mark goes",
            "\u{FEFF}<p>Text.</p>",
            "Text.",
        ),
        (
            "plain text is its own paragraph",
            "Just text.",
            "Just text.",
        ),
    ];

    #[test]
    fn extraction_cases() {
        for &(what, page, want) in CASES {
            assert_eq!(to_text(page), want, "{what}");
        }
    }

    /// (what, page, text the result must contain)
    const MALFORMED: &[(&str, &str, &str)] = &[
        (
            "truncated tag",
            "<p>Shares rose.</p><p class=\"x",
            "Shares rose.",
        ),
        (
            "unclosed comment",
            "<p>Shares rose.</p><!-- never closed <p>x</p>",
            "Shares rose.",
        ),
        (
            "unclosed script",
            "<p>Shares rose.</p><script>alert(1)",
            "Shares rose.",
        ),
        (
            "stray end tags",
            "</nav></article></main><p>Shares rose.</p></div>",
            "Shares rose.",
        ),
        (
            "lone angle brackets",
            "<p>a < b and c > d</p>",
            "a < b and c > d",
        ),
        (
            "bad references",
            "<p>&#0; &#xFFFFFFFF; &bogus; &amp</p>",
            "&bogus; &",
        ),
        ("unclosed title", "<title>Only a title", "Only a title"),
        (
            "unclosed h1",
            "<p>Lead.</p><h1>Headline<h2>Section</h2><p>Body.</p>",
            "Headline\n\nLead.\n\nSection\n\nBody.",
        ),
    ];

    #[test]
    fn malformed_pages_still_give_their_text() {
        for &(what, page, want) in MALFORMED {
            let text = to_text(page);
            assert!(text.contains(want), "{what}: {text:?}");
        }
    }

    #[test]
    fn deep_nesting_costs_no_stack() {
        let depth = 100_000;
        let all = "Before.\n\nInside.\n\nAfter.";
        for (tag, want) in [
            ("div", all),
            ("b", all),
            ("section", all),
            ("article", "Inside."),
            ("main", "Inside."),
            ("nav", "Before.\n\nAfter."),
            ("header", "Before.\n\nAfter."),
        ] {
            let page = format!(
                "<p>Before.</p>{}<p>Inside.</p>{}<p>After.</p>",
                format!("<{tag}>").repeat(depth),
                format!("</{tag}>").repeat(depth)
            );
            assert_eq!(to_text(&page), want, "{tag}");
        }
        // Never closed.
        assert_eq!(to_text(&"<div>".repeat(depth)), "");
        assert_eq!(to_text(&format!("{}x", "<span>".repeat(depth))), "x");
    }

    #[test]
    fn any_prefix_of_a_page_is_read_without_panicking() {
        let page = "<!DOCTYPE html><html><head><title>T &amp; U</title><script>if (a<b) {}\
            </script></head><body><nav>N</nav><article><h1>H&eacute;</h1><p>P <q>q</q><br>\
            </p><!-- c --></article><svg><title>s</title></svg></body></html>";
        for (end, _) in page.char_indices() {
            let _ = to_text(&page[..end]);
        }
    }
}
