//! `--format html`: one self-contained HTML page (inline CSS, no script, nothing fetched).
//!
//! Each document is a `<section class="doc">`: the article's text as given (line breaks kept
//! with `white-space: pre-wrap`), and beside it a panel of the document's counts, warnings,
//! topics, key phrases, entities by type, a table of commitments and a list of quotes. In the
//! text:
//!
//! - every entity mention is a `<mark class="ent">` coloured by type (displaCy's colours),
//!   with the type as a small label (CSS `::after`, so the label is not part of the text a
//!   reader copies). Its first piece carries the mention's wire offsets, `data-start` and
//!   `data-end` (code points, as in the JSON), `data-entity` (the entity's id) and
//!   `data-type`;
//! - every quote is a `<span class="quote">`, its speaker shown before it (`data-speaker`);
//! - every commitment is an underlined `<span class="commit">` numbered `c1`, `c2`, … as in
//!   the table, whose fields show on hover (a `title` and a CSS tooltip);
//! - the headline is a `<span class="headline">`.
//!
//! Spans overlap: a mention inside a quote inside a commitment nests, but a quote may also
//! end inside a mention. [`laminate`] cuts the spans into pieces that nest, so the markup is
//! always well formed: spans are taken by priority (mentions, then quotes, then commitments,
//! then the headline), and a span that crosses one taken before it is cut at that span's
//! boundary. A mention is never cut by a quote or a commitment; only mentions crossing each
//! other (which the extractor does not give for one type) would be, and then only the first
//! piece has the offsets, and pieces after it the class `cont`.
//!
//! Everything taken from the input (text, names, ids, warnings) is escaped ([`escape`]).

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;

use super::{
    TOP_KEYPHRASES, TOP_TOPICS, byte_range, commitment_actor, commitment_kind, commitment_line,
    commitment_when, entity_groups, plural, stats_line, value_words,
};
use crate::extract::entities::EntityType;
use crate::output::{DocumentOut, OffsetMap, QuoteOut};

/// The end of a page opened by [`page_head`].
pub const PAGE_FOOT: &str = "</main>\n</body>\n</html>\n";

/// How many characters of a quote the panel's list shows.
const QUOTE_PREVIEW_CHARS: usize = 90;

/// The background of an entity type: the colours of spaCy's displaCy, so that a reader who
/// knows one knows the other.
fn type_color(label: &str) -> &'static str {
    match label {
        "PERSON" => "#aa9cfc",
        "NORP" => "#c887fb",
        "FAC" => "#9cc9cc",
        "ORG" => "#7aecec",
        "GPE" => "#feca74",
        "LOC" => "#ff9561",
        "PRODUCT" => "#bfeeb7",
        "EVENT" => "#ffeb80",
        "WORK_OF_ART" => "#f0d0ff",
        "LAW" => "#ff8197",
        "LANGUAGE" => "#ff8197",
        "DATE" | "TIME" => "#bfe1d9",
        _ => "#e4e7d2",
    }
}

const CSS: &str = r#"
body { margin: 0; background: #f1f3f5; color: #212529; font: 17px/1.6 Georgia, "DejaVu Serif", serif; }
main { max-width: 1360px; margin: 0 auto; padding: 1rem 1.5rem; }
header.page { font: 14px/1.4 system-ui, "DejaVu Sans", sans-serif; color: #495057; margin: .2rem 0 1rem; }
header.page b { color: #212529; font-size: 16px; }
section.doc { background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.12); padding: 1.2rem 1.6rem; margin-bottom: 2rem; }
section.doc.failed { border-left: 5px solid #e03131; }
h2.doc-id { font: bold 14px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; color: #495057; margin: 0 0 .8rem; word-break: break-all; }
.layout { display: grid; grid-template-columns: minmax(0, 5fr) minmax(20rem, 3fr); gap: 2rem; }
@media (max-width: 900px) { .layout { grid-template-columns: minmax(0, 1fr); } }
article.text { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 2.1; }
.headline { font-size: 1.3em; font-weight: bold; line-height: 1.5; }
mark.ent { color: inherit; padding: .12em .3em; border-radius: .35em; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
mark.ent[data-label]::after { content: attr(data-label); font: bold .56em/1 system-ui, "DejaVu Sans", sans-serif; text-transform: uppercase; vertical-align: middle; margin-left: .45em; opacity: .85; }
.quote { background: #e7f5ff; border-radius: 3px; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.quote[data-speaker]::before { content: attr(data-speaker); font: bold .62em/1 system-ui, "DejaVu Sans", sans-serif; background: #1c7ed6; color: #fff; border-radius: .3em; padding: .15em .4em; margin-right: .35em; vertical-align: middle; }
.commit { text-decoration: underline 2px #e8590c; text-underline-offset: .3em; position: relative; }
.commit:hover { background: #fff4e6; }
.commit[data-n]::before { content: attr(data-n); font: bold .6em/1 system-ui, "DejaVu Sans", sans-serif; color: #e8590c; vertical-align: super; margin-right: .15em; }
.commit[data-tip]:hover::after { content: attr(data-tip); position: absolute; left: 0; top: 100%; z-index: 10; width: max-content; max-width: 26rem; white-space: normal; background: #212529; color: #fff; padding: .35em .6em; border-radius: 4px; font: 13px/1.4 system-ui, "DejaVu Sans", sans-serif; }
aside.panel { font: 14px/1.45 system-ui, "DejaVu Sans", sans-serif; }
aside.panel h3 { font-size: 13px; text-transform: uppercase; letter-spacing: .06em; color: #868e96; margin: 1.1rem 0 .4rem; }
aside.panel h3:first-child { margin-top: 0; }
aside.panel ol, aside.panel ul { margin: 0; padding-left: 1.4em; }
aside.panel ul.plain { list-style: none; padding-left: 0; }
aside.panel h4 { font-size: 13px; margin: .5rem 0 .2rem; font-weight: normal; color: #495057; }
.badge { font-size: 11px; font-weight: bold; padding: .1em .4em; border-radius: .3em; }
.count, .score, .evidence, .note { color: #868e96; }
.evidence { font-size: 12px; }
.bar { display: inline-block; height: .55em; border-radius: .2em; background: #74c0fc; width: calc(var(--w) * 4em); margin-right: .4em; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; vertical-align: top; padding: .25em .35em; border-bottom: 1px solid #dee2e6; }
th { color: #868e96; font-weight: normal; }
ul.warnings li { color: #e8590c; }
p.error { color: #c92a2a; font: 15px/1.5 system-ui, "DejaVu Sans", sans-serif; }
details summary { cursor: pointer; color: #1c7ed6; }
"#;

/// Writes `s` escaped for HTML text and attribute values alike.
pub fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `s` escaped.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape(&mut out, s);
    out
}

/// The opening of a page, up to where the documents' sections go; `title` is the page's.
pub fn page_head(title: &str) -> String {
    let mut css = String::from(CSS);
    for label in EntityType::ALL.map(EntityType::as_str) {
        let _ = writeln!(
            css,
            ".ent[data-type=\"{label}\"], .badge[data-type=\"{label}\"] {{ background: {}; }}",
            type_color(label)
        );
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"newslens {}\">\n<title>{}</title>\n<style>{css}</style>\n</head>\n<body>\n<main>\n\
         <header class=\"page\"><b>newslens</b> · entities, topics, key phrases, commitments and quotes. \
         Hover an underlined commitment for its fields.</header>\n",
        env!("CARGO_PKG_VERSION"),
        esc(title)
    )
}

/// A whole page for one document; `text` is the text `doc` was made from.
pub fn page(doc: &DocumentOut, text: &str) -> String {
    let title = doc.title.or(doc.id).unwrap_or("newslens");
    let mut page = page_head(&format!("{title} — newslens"));
    page.push_str(&section(doc, text, 1, doc.id));
    page.push_str(PAGE_FOOT);
    page
}

/// What marks a span of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Headline,
    /// The commitment at this index of the commitments section.
    Commitment(usize),
    /// The quote at this index of the quotes section.
    Quote(usize),
    /// A mention: the indices of its entity and of the mention in the entity's mentions.
    Mention(usize, usize),
}

impl Mark {
    /// Who wins where spans cross (the higher), and who is inside where they coincide.
    fn rank(self) -> u8 {
        match self {
            Mark::Headline => 0,
            Mark::Commitment(_) => 1,
            Mark::Quote(_) => 2,
            Mark::Mention(..) => 3,
        }
    }
}

/// A piece of a marked span; pieces nest or are apart, never cross.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub range: Range<usize>,
    pub mark: Mark,
    /// The span's first piece, and its last (both, for a span that was not cut).
    pub first: bool,
    pub last: bool,
}

/// Cuts spans into pieces that nest. Spans are taken by rank (mentions first), then by start,
/// longer first; each is cut at the boundaries of the pieces taken before it that it crosses,
/// so every piece of it lies inside or outside each of them. Empty spans are dropped. Time:
/// a span costs the pieces with a boundary inside it (a set of boundaries, searched by range).
pub fn laminate(mut spans: Vec<(Range<usize>, Mark)>) -> Vec<Piece> {
    spans.retain(|(r, _)| r.start < r.end);
    spans.sort_by_key(|(r, m)| (Reverse(m.rank()), r.start, Reverse(r.end)));
    let mut pieces = Vec::with_capacity(spans.len());
    // The ends of the pieces starting at each offset, and the starts of those ending there.
    let mut starts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut ends: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (range, mark) in spans {
        let inside = range.start + 1..range.end;
        let mut cuts: Vec<usize> = starts
            .range(inside.clone())
            .filter(|(_, e)| e.iter().any(|&e| e > range.end))
            .map(|(&p, _)| p)
            .chain(
                ends.range(inside)
                    .filter(|(_, s)| s.iter().any(|&s| s < range.start))
                    .map(|(&p, _)| p),
            )
            .collect();
        cuts.sort_unstable();
        cuts.dedup();
        let bounds: Vec<usize> = std::iter::once(range.start)
            .chain(cuts)
            .chain(std::iter::once(range.end))
            .collect();
        let last = bounds.len() - 2;
        for (i, w) in bounds.windows(2).enumerate() {
            starts.entry(w[0]).or_default().push(w[1]);
            ends.entry(w[1]).or_default().push(w[0]);
            pieces.push(Piece {
                range: w[0]..w[1],
                mark,
                first: i == 0,
                last: i == last,
            });
        }
    }
    pieces
}

/// The byte range of the headline in `text`: the title is the first line, after any
/// whitespace or byte-order mark.
fn headline(text: &str, title: &str) -> Option<Range<usize>> {
    let at = text.find(title)?;
    text[..at]
        .chars()
        .all(|c| c.is_whitespace() || c == '\u{FEFF}')
        .then(|| at..at + title.len())
}

/// The marked spans of a document, as byte ranges of `text`.
fn spans(doc: &DocumentOut, text: &str) -> Vec<(Range<usize>, Mark)> {
    let map = OffsetMap::new(text);
    let mut spans = Vec::new();
    let mut add = |start, end, mark| {
        if let Some(range) = byte_range(&map, text, start, end) {
            spans.push((range, mark));
        }
    };
    for (e, entity) in doc.entities.iter().flatten().enumerate() {
        for (m, mention) in entity.mentions.iter().enumerate() {
            add(mention.start, mention.end, Mark::Mention(e, m));
        }
    }
    for (i, quote) in doc.quotes.iter().flatten().enumerate() {
        add(quote.start, quote.end, Mark::Quote(i));
    }
    for (i, c) in doc.commitments.iter().flatten().enumerate() {
        add(c.start, c.end, Mark::Commitment(i));
    }
    if let Some(range) = doc.title.and_then(|t| headline(text, t)) {
        spans.push((range, Mark::Headline));
    }
    spans
}

/// The opening tag of a piece; `n` is the document's number on the page (for anchors).
fn open_tag(out: &mut String, doc: &DocumentOut, piece: &Piece, n: u64) -> &'static str {
    match piece.mark {
        Mark::Headline => {
            out.push_str("<span class=\"headline\">");
            "</span>"
        }
        Mark::Commitment(i) => {
            let c = &doc.commitments.as_ref().expect("a commitment mark")[i];
            let tip = format!("c{}: {}", i + 1, commitment_line(c));
            let _ = write!(
                out,
                "<span class=\"commit\" title=\"{0}\" data-tip=\"{0}\"",
                esc(&tip)
            );
            if piece.first {
                let _ = write!(out, " id=\"d{n}-c{0}\" data-n=\"c{0}\"", i + 1);
            }
            out.push('>');
            "</span>"
        }
        Mark::Quote(i) => {
            let q = &doc.quotes.as_ref().expect("a quote mark")[i];
            let speaker = q.speaker.unwrap_or("(unattributed)");
            let _ = write!(
                out,
                "<span class=\"quote quote-{}\" data-quote=\"q{}\" title=\"{}\"",
                q.kind,
                i + 1,
                esc(&format!("q{}: {}", i + 1, quote_how(q)))
            );
            if piece.first {
                let _ = write!(
                    out,
                    " id=\"d{n}-q{}\" data-speaker=\"{}\"",
                    i + 1,
                    esc(speaker)
                );
            }
            out.push('>');
            "</span>"
        }
        Mark::Mention(e, m) => {
            let entity = &doc.entities.as_ref().expect("a mention mark")[e];
            let mention = &entity.mentions[m];
            let class = if piece.first { "ent" } else { "ent cont" };
            let _ = write!(
                out,
                "<mark class=\"{class}\" data-type=\"{}\" data-entity=\"{}\" title=\"{}\"",
                entity.label,
                esc(&entity.id),
                esc(&format!(
                    "{} · {} ({})",
                    entity.label, entity.name, entity.id
                ))
            );
            if piece.first {
                let _ = write!(
                    out,
                    " data-start=\"{}\" data-end=\"{}\"",
                    mention.start, mention.end
                );
            }
            if piece.last {
                let _ = write!(out, " data-label=\"{}\"", entity.label);
            }
            out.push('>');
            "</mark>"
        }
    }
}

/// "Xi Jinping (stated, reported)".
fn quote_how(q: &QuoteOut) -> String {
    let how: Vec<&str> = q.verb.into_iter().chain([q.kind]).collect();
    format!(
        "{} ({})",
        q.speaker.unwrap_or("(unattributed)"),
        how.join(", ")
    )
}

/// The article's text with its spans marked.
fn marked_text(out: &mut String, doc: &DocumentOut, text: &str, n: u64) {
    let mut pieces = laminate(spans(doc, text));
    pieces.sort_by_key(|p| (p.range.start, Reverse(p.range.end), p.mark.rank()));
    let mut pos = 0;
    let mut open: Vec<(usize, &'static str)> = Vec::new();
    let close_until = |out: &mut String, open: &mut Vec<(usize, &str)>, pos: &mut usize, at| {
        while let Some(&(end, tag)) = open.last()
            && end <= at
        {
            escape(out, &text[*pos..end]);
            *pos = end;
            out.push_str(tag);
            open.pop();
        }
    };
    for piece in &pieces {
        close_until(out, &mut open, &mut pos, piece.range.start);
        escape(out, &text[pos..piece.range.start]);
        pos = piece.range.start;
        let close = open_tag(out, doc, piece, n);
        open.push((piece.range.end, close));
    }
    close_until(out, &mut open, &mut pos, text.len());
    escape(out, &text[pos..]);
}

/// One document's section: `n` is its number on the page, `heading` its id or path.
pub fn section(doc: &DocumentOut, text: &str, n: u64, heading: Option<&str>) -> String {
    let mut out = format!("<section class=\"doc\" id=\"d{n}\">\n");
    if let Some(heading) = heading {
        let _ = writeln!(out, "<h2 class=\"doc-id\">{}</h2>", esc(heading));
    }
    out.push_str("<div class=\"layout\">\n<article class=\"text\" lang=\"en\">");
    marked_text(&mut out, doc, text, n);
    out.push_str("</article>\n<aside class=\"panel\">\n");
    panel(&mut out, doc, n);
    out.push_str("</aside>\n</div>\n</section>\n");
    out
}

/// The side panel: counts, warnings, topics, commitments, quotes, key phrases, entities.
fn panel(out: &mut String, doc: &DocumentOut, n: u64) {
    let _ = writeln!(
        out,
        "<h3>Document</h3>\n<p>{} · {} characters</p>",
        esc(&stats_line(doc)),
        doc.stats.chars
    );
    if !doc.warnings.is_empty() {
        out.push_str("<h3>Warnings</h3>\n<ul class=\"warnings\">\n");
        for warning in doc.warnings {
            let _ = writeln!(out, "<li>{}</li>", esc(warning));
        }
        out.push_str("</ul>\n");
    }
    if let Some(topics) = &doc.topics {
        let items: Vec<String> = topics
            .iter()
            .map(|t| {
                format!(
                    "<li><span class=\"bar\" style=\"--w: {}\"></span><b>{}</b> <span class=\"score\">{:.2}</span><br><span class=\"evidence\">{}</span></li>",
                    t.score,
                    esc(t.label),
                    t.score,
                    esc(&t.evidence.iter().take(3).cloned().collect::<Vec<_>>().join(", "))
                )
            })
            .collect();
        list(out, "Topics", "ol", &items, TOP_TOPICS);
    }
    if let Some(commitments) = &doc.commitments
        && panel_heading(out, "Commitments", commitments.is_empty())
    {
        out.push_str("<table class=\"commitments\">\n<tr><th>#</th><th>actor</th><th>kind</th><th>action</th><th>when</th><th>speaker</th></tr>\n");
        for (i, c) in commitments.iter().enumerate() {
            let _ = writeln!(
                out,
                "<tr><td><a href=\"#d{n}-c{0}\">c{0}</a></td><td>{1}</td><td>{2}</td><td>{3}</td><td>{4}</td><td>{5}</td></tr>",
                i + 1,
                esc(commitment_actor(c)),
                esc(&commitment_kind(c)),
                esc(c.action),
                esc(&commitment_when(c).unwrap_or_default()),
                esc(c.speaker.unwrap_or(""))
            );
        }
        out.push_str("</table>\n");
    }
    if let Some(quotes) = &doc.quotes {
        let items: Vec<String> = quotes
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let preview: String = q.text.chars().take(QUOTE_PREVIEW_CHARS).collect();
                let cut = if preview.len() < q.text.len() {
                    "…"
                } else {
                    ""
                };
                format!(
                    "<li><a href=\"#d{n}-q{0}\">q{0}</a> <b>{1}</b>: {2}{cut}</li>",
                    i + 1,
                    esc(&quote_how(q)),
                    esc(&preview)
                )
            })
            .collect();
        list(out, "Quotes", "ul class=\"plain\"", &items, usize::MAX);
    }
    if let Some(phrases) = &doc.keyphrases {
        let items: Vec<String> = phrases
            .iter()
            .map(|p| {
                format!(
                    "<li>{} <span class=\"count\">×{}</span></li>",
                    esc(p.text),
                    p.count
                )
            })
            .collect();
        list(out, "Key phrases", "ol", &items, TOP_KEYPHRASES);
    }
    if let Some(entities) = &doc.entities {
        panel_heading(out, "Entities", entities.is_empty());
        for (label, members) in entity_groups(entities) {
            let mentions: usize = members.iter().map(|e| e.count).sum();
            let _ = writeln!(
                out,
                "<h4><span class=\"badge\" data-type=\"{label}\">{label}</span> {}, {}</h4>\n<ul class=\"plain\">",
                plural(members.len(), "entity", "entities"),
                plural(mentions, "mention", "mentions")
            );
            for e in members {
                let mut extra = Vec::new();
                if !e.roles.is_empty() {
                    extra.push(format!("roles: {}", e.roles.join(", ")));
                }
                if !e.aliases.is_empty() {
                    extra.push(format!("aliases: {}", e.aliases.join(", ")));
                }
                if let Some(value) = &e.value {
                    extra.push(value_words(value));
                }
                let _ = write!(
                    out,
                    "<li>{} <span class=\"count\">×{}</span>",
                    esc(e.name),
                    e.count
                );
                if !extra.is_empty() {
                    let _ = write!(
                        out,
                        " <span class=\"note\">{}</span>",
                        esc(&extra.join("; "))
                    );
                }
                out.push_str("</li>\n");
            }
            out.push_str("</ul>\n");
        }
    }
}

/// A panel section's heading, and "none found" under it when it is `empty`; whether there is
/// something to show.
fn panel_heading(out: &mut String, heading: &str, empty: bool) -> bool {
    let _ = writeln!(out, "<h3>{heading}</h3>");
    if empty {
        out.push_str("<p class=\"note\">none found</p>\n");
    }
    !empty
}

/// A panel list: the first `shown` items, the rest folded in a `<details>`.
fn list(out: &mut String, heading: &str, tag: &str, items: &[String], shown: usize) {
    if !panel_heading(out, heading, items.is_empty()) {
        return;
    }
    let end = tag.split(' ').next().unwrap_or(tag);
    let _ = writeln!(out, "<{tag}>");
    for item in items.iter().take(shown) {
        out.push_str(item);
        out.push('\n');
    }
    let _ = writeln!(out, "</{end}>");
    if items.len() > shown {
        let _ = writeln!(
            out,
            "<details><summary>{} more</summary>\n<{tag} start=\"{}\">",
            items.len() - shown,
            shown + 1
        );
        for item in &items[shown..] {
            out.push_str(item);
            out.push('\n');
        }
        let _ = writeln!(out, "</{end}>\n</details>");
    }
}

/// What stands in a batch's page for a document that failed: its heading and the error (the
/// same message as on stderr).
pub fn error_section(heading: &str, kind: &str, message: &str, n: u64) -> String {
    format!(
        "<section class=\"doc failed\" id=\"d{n}\">\n<h2 class=\"doc-id\">{}</h2>\n<p class=\"error\">error ({}): {}</p>\n</section>\n",
        esc(heading),
        esc(kind),
        esc(message)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A span as a test writes it: start, end, mark.
    type Span = (usize, usize, Mark);
    /// A piece as a test writes it: start, end, mark, first, last.
    type Cut = (usize, usize, Mark, bool, bool);

    fn pieces(spans: &[Span]) -> Vec<Cut> {
        let spans = spans.iter().map(|&(s, e, m)| (s..e, m)).collect();
        let mut got: Vec<_> = laminate(spans)
            .into_iter()
            .map(|p| (p.range.start, p.range.end, p.mark, p.first, p.last))
            .collect();
        got.sort_by_key(|&(s, e, m, ..)| (s, Reverse(e), m.rank()));
        got
    }

    const E: Mark = Mark::Mention(0, 0);
    const F: Mark = Mark::Mention(1, 0);
    const Q: Mark = Mark::Quote(0);
    const C: Mark = Mark::Commitment(0);

    #[test]
    fn nested_spans_stay_whole() {
        assert_eq!(
            pieces(&[(0, 20, C), (2, 15, Q), (4, 8, E)]),
            [
                (0, 20, C, true, true),
                (2, 15, Q, true, true),
                (4, 8, E, true, true)
            ]
        );
        // Equal spans nest by rank: the mention innermost.
        assert_eq!(
            pieces(&[(3, 9, E), (3, 9, Q)]),
            [(3, 9, Q, true, true), (3, 9, E, true, true)]
        );
    }

    #[test]
    fn crossing_spans_are_cut_but_never_a_mention_by_a_quote() {
        #[rustfmt::skip]
        let cases: [(&[Span], &[Cut]); 4] = [
            // A quote ending inside a mention is cut at the mention's start.
            (&[(0, 6, Q), (4, 9, E)],
             &[(0, 4, Q, true, false), (4, 9, E, true, true), (4, 6, Q, false, true)]),
            // A commitment starting inside a mention and ending after it.
            (&[(5, 30, C), (2, 8, E)],
             &[(2, 8, E, true, true), (5, 8, C, true, false), (8, 30, C, false, true)]),
            // Two mentions crossing: the later one is cut.
            (&[(0, 6, E), (4, 9, F)],
             &[(0, 6, E, true, true), (4, 6, F, true, false), (6, 9, F, false, true)]),
            // Empty spans are dropped.
            (&[(3, 3, E), (0, 5, Q)], &[(0, 5, Q, true, true)]),
        ];
        for (spans, want) in cases {
            assert_eq!(pieces(spans), want, "{spans:?}");
        }
    }

    #[test]
    fn pieces_never_cross() {
        // Every pair of pieces of a tangle of spans nests or is apart.
        let mut spans = Vec::new();
        for i in 0..40usize {
            let start = (i * 7) % 50;
            let end = start + 1 + (i * 13) % 20;
            let mark = match i % 3 {
                0 => Mark::Mention(i, 0),
                1 => Mark::Quote(i),
                _ => Mark::Commitment(i),
            };
            spans.push((start..end, mark));
        }
        let got = laminate(spans);
        for a in &got {
            for b in &got {
                let (a, b) = (&a.range, &b.range);
                let apart = a.end <= b.start || b.end <= a.start;
                let nested = (a.start <= b.start && b.end <= a.end)
                    || (b.start <= a.start && a.end <= b.end);
                assert!(apart || nested, "{a:?} crosses {b:?}");
            }
        }
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc(r#"<script>alert("x") & 'y'</script>"#),
            "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn the_headline_is_the_first_line() {
        assert_eq!(headline("\u{FEFF}\nTitle\nBody", "Title"), Some(4..9));
        assert_eq!(headline("Body Title", "Title"), None);
    }
}
