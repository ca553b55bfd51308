//! The `newslens` command: flags → [`cli::Config`] → run → exit code.

mod cli;
mod pipeline;
mod signals;
mod sink;
mod term;
mod tools;

use std::cell::{Cell, RefCell};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Result;
use clap::Parser;

use cli::{Args, Config};
use newslens::output::{self, DocumentOut, ErrorOut, ErrorRecord};
use newslens::reader::{self, Decoded, Format, ReadError};
use newslens::view::text::TextOptions;
use newslens::view::{html, text};
use pipeline::{Done, Frame, Pipeline};
use sink::{FileId, Output};

/// The documented exit statuses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    /// Every document was analysed.
    Ok = 0,
    /// At least one document failed; the others were analysed.
    SomeFailed = 1,
    /// Bad flags, or the output could not be written.
    Usage = 2,
    /// Stopped by SIGINT or SIGTERM after the record in progress.
    Interrupted = signals::INTERRUPTED as isize,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if let Some(tool) = &args.command {
        return run_tool(tool);
    }
    if let Err(err) = args.check() {
        err.exit();
    }
    let config = match args.into_config() {
        Ok(config) => config,
        Err(err) => {
            eprintln!("newslens: {err}");
            return ExitCode::from(Status::Usage as u8);
        }
    };
    install_panic_hook();
    signals::install();
    let outcome = run(&config);
    match outcome {
        Ok(status) => ExitCode::from(status as u8),
        Err(err) if sink::is_broken_pipe(&err) => ExitCode::from(Status::Ok as u8),
        Err(err) => {
            eprintln!("newslens: {err:#}");
            ExitCode::from(Status::Usage as u8)
        }
    }
}

/// Prints what a command such as `newslens man` prints; a closed pipe is not an error.
fn run_tool(tool: &cli::Tool) -> ExitCode {
    let mut out = io::BufWriter::new(io::stdout().lock());
    match tools::run(tool, &mut out).and_then(|()| io::Write::flush(&mut out)) {
        Ok(()) => ExitCode::from(Status::Ok as u8),
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(Status::Ok as u8),
        Err(err) => {
            eprintln!("newslens: {err}");
            ExitCode::from(Status::Usage as u8)
        }
    }
}

thread_local! {
    /// Set while a document is analysed under `catch_unwind`: a panic there becomes that
    /// document's error record, and its message is kept here instead of printed.
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// A panic prints one line (no backtrace), or, inside a document's analysis, is kept for the
/// document's error record.
fn install_panic_hook() {
    panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let what = format!("panic{place}: {message}");
        if CATCHING.get() {
            LAST_PANIC.set(Some(what));
        } else {
            eprintln!("newslens: internal error: {what}");
        }
    }));
}

/// Runs `f`, turning a panic into an error naming it.
fn catching<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    CATCHING.set(true);
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CATCHING.set(false);
    result.map_err(|_| {
        LAST_PANIC
            .take()
            .unwrap_or_else(|| "panic: unknown".to_string())
    })
}

/// Where one document came from, for error messages and ids.
struct Origin<'a> {
    /// The id printed in the output.
    id: Option<&'a str>,
    /// How error messages name the input: a path, "stdin", "stdin:3".
    name: String,
    line: Option<u64>,
}

impl Origin<'_> {
    fn path(name: &str) -> Origin<'_> {
        Origin {
            id: Some(name),
            name: name.to_string(),
            line: None,
        }
    }
}

/// How each document is printed (`--format`), decided once at start.
#[derive(Clone, Copy, Debug)]
enum View {
    Json,
    Text(TextOptions),
    Html,
}

/// The shape of the output, the same for every document of a run.
#[derive(Clone, Copy, Debug)]
struct Form {
    view: View,
    /// JSON: one pretty-printed object rather than JSON Lines.
    pretty: bool,
    /// More than one document may come (several paths, a directory, JSON Lines): the text
    /// and HTML views head each document with its id and report failed ones in its place.
    batch: bool,
}

/// The reader's side of the run: hands each document to the [`Pipeline`].
struct Printer {
    pipeline: Pipeline,
    /// The output's identity and name, so that an input that is the output is not read.
    output_id: Option<FileId>,
    output_name: String,
    form: Form,
    /// Documents handed on so far, failed ones included: the next one's number (from 1), for
    /// the anchors of the HTML page.
    documents: u64,
}

impl Printer {
    /// Hands one document to the pipeline; `html`: the text is an HTML page, to be converted.
    fn document(
        &mut self,
        config: &Config,
        origin: &Origin,
        decoded: Decoded,
        html: bool,
    ) -> Result<()> {
        let id = origin.id.map(str::to_string);
        let name = origin.name.clone();
        let line = origin.line;
        let sections = config.sections;
        let (form, quiet) = (self.form, config.quiet);
        let number = self.number();
        let text_mode = config.format != Format::Jsonl;
        let token_view = config.tokens;
        let entity_options = Arc::clone(&config.entities);
        let explain = config.explain;
        self.pipeline.analyse(Box::new(move || {
            let bytes = decoded.text.len() as u64;
            // Everything that reads the text runs under `catching`: a fault becomes this
            // document's error record, and the worker goes on with the next one.
            let analysed = catching(|| {
                let Decoded { text, mut warnings } = decoded;
                let (text, found) = if html {
                    let text = newslens::html::to_text(&text);
                    if text.is_empty() {
                        return Err(ReadError::Empty);
                    }
                    // The page's byte-order mark is not in the extracted text.
                    warnings.retain(|w| w != reader::BOM_WARNING);
                    let mut found = vec![html_warning(&text)];
                    found.extend(newslens::sniff::language_warning(&text));
                    (text, found)
                } else {
                    let found = newslens::sniff::warnings(&text, text_mode);
                    (text, found)
                };
                if !quiet {
                    for warning in &found {
                        eprintln!("newslens: {name}: warning: {warning}");
                    }
                }
                warnings.extend(found);
                if token_view {
                    let doc = newslens::doc::Document::new(text);
                    return newslens::output::token_lines(id.as_deref(), &doc, &entity_options)
                        .map_err(ReadError::Internal);
                }
                let analysis = newslens::analyze_with(text, &sections, &entity_options);
                output::check_spans(&analysis).map_err(ReadError::Internal)?;
                let mut wire =
                    output::document(id.as_deref(), &analysis, &sections, &warnings, explain);
                // Offsets point into the extracted text, so the output carries it.
                wire.text = html.then_some(analysis.doc.text.as_str());
                let heading = form.batch.then(|| id.as_deref().unwrap_or(&name));
                render(form, &wire, &analysis.doc.text, number, heading)
            });
            match analysed
                .map_err(ReadError::Internal)
                .and_then(|inner| inner)
            {
                Ok(line) => Done {
                    line,
                    failed: false,
                    bytes,
                },
                Err(err) => {
                    let origin = Origin {
                        id: id.as_deref(),
                        name,
                        line,
                    };
                    let mut done = error_done(&origin, &err, form, number);
                    done.bytes = bytes;
                    done
                }
            }
        }));
        Ok(())
    }

    fn error(&mut self, origin: &Origin, err: &ReadError) -> Result<()> {
        let number = self.number();
        self.pipeline
            .ready(error_done(origin, err, self.form, number));
        Ok(())
    }

    /// The number of the document being handed on.
    fn number(&mut self) -> u64 {
        self.documents += 1;
        self.documents
    }

    /// Whether to go on after a document: a signal, or an output that cannot be written any
    /// more, stops the run after the documents in progress.
    fn flow(&self) -> Flow {
        if signals::stop_requested() || self.pipeline.broken() {
            Flow::Stop
        } else {
            Flow::Go
        }
    }
}

/// The warning that a document was an HTML page, analysed as the text extracted from it.
fn html_warning(text: &str) -> String {
    format!(
        "HTML converted to text: analysed the {} characters extracted from the page (its headline, then its main content); offsets point into the output's `text` field",
        text.chars().count()
    )
}

/// One analysed document as the output shows it (`--format`): `number` is its place in the
/// run, `heading` its id or name in a batch.
fn render(
    form: Form,
    wire: &DocumentOut,
    text: &str,
    number: u64,
    heading: Option<&str>,
) -> Result<Vec<u8>, ReadError> {
    let rendered = match form.view {
        View::Json => {
            let mut line = if form.pretty {
                serde_json::to_vec_pretty(wire)
            } else {
                serde_json::to_vec(wire)
            }
            .map_err(|e| ReadError::Internal(format!("cannot serialise the result: {e}")))?;
            line.push(b'\n');
            return Ok(line);
        }
        View::Text(options) => text::document(wire, heading, &options),
        View::Html if form.batch => html::section(wire, text, number, heading),
        View::Html => html::page(wire, text),
    };
    Ok(rendered.into_bytes())
}

/// The message on stderr and the error record for a document that failed. With a single
/// pretty-printed document, stdout gets nothing, and neither does it from the text and HTML
/// views of a single document; in their batches the error takes the document's place.
fn error_done(origin: &Origin, err: &ReadError, form: Form, number: u64) -> Done {
    eprintln!("newslens: {}: {err}", origin.name);
    let mut line = Vec::new();
    let heading = origin.id.unwrap_or(&origin.name);
    match form.view {
        View::Text(options) if form.batch => {
            line = text::error(heading, err.kind(), &err.to_string(), &options).into_bytes();
        }
        View::Html if form.batch => {
            line = html::error_section(heading, err.kind(), &err.to_string(), number).into_bytes();
        }
        View::Text(_) | View::Html => {}
        View::Json if form.pretty => {}
        View::Json => {
            let message = err.to_string();
            let record = ErrorRecord {
                id: origin.id,
                error: ErrorOut {
                    kind: err.kind(),
                    message: &message,
                    line: origin.line,
                },
            };
            // Serialising plain strings and numbers cannot fail.
            if serde_json::to_writer(&mut line, &record).is_ok() {
                line.push(b'\n');
            }
        }
    }
    Done {
        line,
        failed: true,
        bytes: 0,
    }
}

fn run(config: &Config) -> Result<Status> {
    let stdin_id = config
        .inputs
        .iter()
        .any(Option::is_none)
        .then(stdin_file_id)
        .flatten();
    let out = match &config.output {
        Some(path) => {
            sink::check_output_is_not_input(path, &config.inputs, stdin_id, |p| {
                reader::is_wanted_file(p, config.format)
            })?;
            Output::create(path)?
        }
        None => Output::stdout()?,
    };
    let single_text = config.format != Format::Jsonl
        && config.inputs.len() == 1
        && config.inputs[0].as_deref().is_none_or(|p| !p.is_dir());
    let progress = !single_text && !config.quiet;
    let view = match config.output_format {
        cli::OutputFormat::Json => View::Json,
        cli::OutputFormat::Text => View::Text(term::text_options(
            config.color,
            config.width,
            config.output.is_none(),
        )),
        cli::OutputFormat::Html => View::Html,
    };
    let form = Form {
        view,
        pretty: single_text && !config.compact && !config.tokens,
        batch: !single_text,
    };
    // A batch's HTML is one page around the documents' sections.
    let frame = match view {
        View::Html if form.batch => Frame {
            head: html::page_head("newslens report").into_bytes(),
            foot: html::PAGE_FOOT.as_bytes().to_vec(),
        },
        _ => Frame::default(),
    };
    let mut printer = Printer {
        output_id: out.id,
        output_name: out.name.clone(),
        pipeline: Pipeline::start(out, config.threads, progress, frame)?,
        form,
        documents: 0,
    };
    let mut stopped = false;
    for input in &config.inputs {
        let finished = match input {
            None => read_stdin(config, &mut printer)?,
            Some(path) if path.is_dir() => read_dir(config, path, &mut printer)?,
            Some(path) => read_path(config, path, &mut printer)?,
        };
        if finished == Flow::Stop {
            stopped = true;
            break;
        }
    }
    let totals = printer.pipeline.finish()?;
    if config.stats {
        eprintln!("{}", pipeline::progress_line(&totals, totals.elapsed));
    }
    Ok(if stopped && signals::stop_requested() {
        Status::Interrupted
    } else if totals.failed > 0 {
        Status::SomeFailed
    } else {
        Status::Ok
    })
}

/// Whether to go on after a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Flow {
    Go,
    Stop,
}

#[cfg(unix)]
fn stdin_file_id() -> Option<FileId> {
    use std::os::fd::AsFd;
    let fd = io::stdin().as_fd().try_clone_to_owned().ok()?;
    File::from(fd).metadata().ok().as_ref().and_then(FileId::of)
}

#[cfg(not(unix))]
fn stdin_file_id() -> Option<FileId> {
    None
}

fn read_dir(config: &Config, dir: &Path, printer: &mut Printer) -> Result<Flow> {
    let entries = reader::walk_dir(dir, config.format);
    if entries.is_empty() {
        let name = dir.display().to_string();
        printer.error(&Origin::path(&name), &reader::no_documents(config.format))?;
    }
    for entry in entries {
        let flow = match entry {
            Ok(file) => read_path(config, &file, printer)?,
            Err((dir, err)) => {
                printer.error(&Origin::path(&dir.display().to_string()), &err)?;
                printer.flow()
            }
        };
        if flow == Flow::Stop {
            return Ok(Flow::Stop);
        }
    }
    Ok(Flow::Go)
}

fn read_stdin(config: &Config, printer: &mut Printer) -> Result<Flow> {
    let stdin = io::stdin().lock();
    if config.format == Format::Jsonl {
        return read_records(config, "stdin", stdin, printer);
    }
    let origin = Origin {
        id: Some("-"),
        name: "stdin".to_string(),
        line: None,
    };
    match read_limited(stdin, config.max_bytes, None) {
        Ok(bytes) => match reader::decode(bytes, config.lossy) {
            Ok(decoded) => {
                let html = is_html(config, None, &decoded.text);
                printer.document(config, &origin, decoded, html)?
            }
            Err(err) => printer.error(&origin, &err)?,
        },
        Err(err) => printer.error(&origin, &err)?,
    }
    Ok(printer.flow())
}

/// Reads all of `input`, or fails with `TooLarge` past `max` bytes without reading further.
/// The read is marked as waiting for input (see [`signals::waiting`]).
fn read_limited(
    input: impl Read,
    max: Option<u64>,
    size: Option<u64>,
) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    // One byte past the limit is enough to tell that the input is over it.
    let cap = max.map_or(u64::MAX, |m| m.saturating_add(1));
    let read = signals::waiting(|| input.take(cap).read_to_end(&mut bytes));
    read.map_err(|e| ReadError::Unreadable(reader::io_reason(&e)))?;
    match max {
        Some(limit) if bytes.len() as u64 > limit => Err(ReadError::TooLarge { size, limit }),
        _ => Ok(bytes),
    }
}

fn read_path(config: &Config, path: &Path, printer: &mut Printer) -> Result<Flow> {
    let name = path.display().to_string();
    let opened = File::open(path).and_then(|file| {
        let meta = file.metadata()?;
        if meta.is_dir() {
            return Err(io::Error::from(io::ErrorKind::IsADirectory));
        }
        Ok((file, meta))
    });
    let (file, meta) = match opened {
        Ok(opened) => opened,
        Err(e) => {
            let origin = Origin {
                id: (config.format != Format::Jsonl).then_some(name.as_str()),
                name: name.clone(),
                line: None,
            };
            printer.error(&origin, &ReadError::Unreadable(reader::io_reason(&e)))?;
            return Ok(printer.flow());
        }
    };
    if FileId::of(&meta).is_some_and(|id| Some(id) == printer.output_id) {
        let origin = Origin::path(&name);
        let why = format!("is the output file ({}); not read", printer.output_name);
        printer.error(&origin, &ReadError::Unreadable(why))?;
        return Ok(printer.flow());
    }
    if config.format == Format::Jsonl {
        return read_records(config, &name, file, printer);
    }
    let origin = Origin::path(&name);
    let size = meta.is_file().then_some(meta.len());
    let too_large = config.max_bytes.zip(size).filter(|&(max, size)| size > max);
    let read = match too_large {
        Some((limit, size)) => Err(ReadError::TooLarge {
            size: Some(size),
            limit,
        }),
        None => read_limited(file, config.max_bytes, size),
    };
    match read.and_then(|bytes| reader::decode(bytes, config.lossy)) {
        Ok(decoded) => {
            let html = is_html(config, Some(path), &decoded.text);
            printer.document(config, &origin, decoded, html)?
        }
        Err(err) => printer.error(&origin, &err)?,
    }
    Ok(printer.flow())
}

/// Whether a document is an HTML page to convert: every one under `--input-format html`;
/// otherwise a `.html`/`.htm` file, or a text (on stdin, in another file, in a JSON Lines
/// record) that opens as a page does.
fn is_html(config: &Config, path: Option<&Path>, text: &str) -> bool {
    config.format == Format::Html
        || path.is_some_and(reader::is_html_path)
        || newslens::sniff::is_html_page(text)
}

fn record_origin<'a>(id: Option<&'a str>, name: &str, number: u64) -> Origin<'a> {
    Origin {
        id,
        name: format!("{name}:{number}"),
        line: Some(number),
    }
}

/// What [`next_line`] read.
enum Line {
    /// The end of the input.
    End,
    /// A whole line is in the buffer (its newline included, when it had one).
    Whole,
    /// A line longer than the limit: the buffer holds its first `limit + 1` bytes.
    TooLong { size: u64 },
}

/// Reads one line into `line`, keeping at most `max + 1` bytes of it (the rest is read and
/// dropped), so memory stays bounded by the limit whatever the input. Waits for input only
/// with nothing buffered, marked as waiting (see [`signals::waiting`]).
fn next_line(input: &mut impl BufRead, line: &mut Vec<u8>, max: Option<u64>) -> io::Result<Line> {
    line.clear();
    let keep = max.map_or(usize::MAX, |m| {
        usize::try_from(m.saturating_add(1)).unwrap_or(usize::MAX)
    });
    let mut size = 0u64;
    let mut newline = false;
    loop {
        let available = match signals::waiting(|| input.fill_buf().map(|b| b.len())) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available == 0 {
            break;
        }
        // Already buffered: this call does not read.
        let buffer = input.fill_buf()?;
        let (chunk, done) = match buffer.iter().position(|&b| b == b'\n') {
            Some(i) => (&buffer[..=i], true),
            None => (buffer, false),
        };
        let room = keep.saturating_sub(line.len()).min(chunk.len());
        line.extend_from_slice(&chunk[..room]);
        size += chunk.len() as u64;
        let used = chunk.len();
        input.consume(used);
        if done {
            newline = true;
            break;
        }
    }
    if size == 0 {
        return Ok(Line::End);
    }
    let content = size - u64::from(newline);
    Ok(match max {
        Some(limit) if content > limit => Line::TooLong { size: content },
        _ => Line::Whole,
    })
}

/// Streams JSON Lines records: one line in, one line out, in order, in memory bounded by the
/// longest line (at most `--max-bytes`).
fn read_records(
    config: &Config,
    name: &str,
    input: impl Read,
    printer: &mut Printer,
) -> Result<Flow> {
    let mut input = BufReader::with_capacity(64 << 10, input);
    if let Ok(head) = signals::waiting(|| input.fill_buf().map(<[u8]>::to_vec))
        && let Some(format) = newslens::sniff::compression(&head)
    {
        let origin = Origin {
            id: None,
            name: name.to_string(),
            line: None,
        };
        printer.error(&origin, &ReadError::Compressed(format))?;
        return Ok(printer.flow());
    }
    let mut line = Vec::new();
    let mut number = 0u64;
    loop {
        number += 1;
        let read = match next_line(&mut input, &mut line, config.max_bytes) {
            Ok(read) => read,
            Err(e) => {
                printer.error(
                    &record_origin(None, name, number),
                    &ReadError::Unreadable(reader::io_reason(&e)),
                )?;
                return Ok(printer.flow());
            }
        };
        match read {
            Line::End => return Ok(Flow::Go),
            Line::Whole => record(config, name, number, &mut line, printer)?,
            Line::TooLong { size } => {
                // The id, when the record gives it before its text, is in the kept prefix.
                let prefix = String::from_utf8_lossy(&line);
                let id = reader::parse_record(&prefix, &config.fields)
                    .err()
                    .and_then(|(id, _)| id);
                let limit = config.max_bytes.unwrap_or(u64::MAX);
                let err = ReadError::TooLarge {
                    size: Some(size),
                    limit,
                };
                printer.error(&record_origin(id.as_deref(), name, number), &err)?;
            }
        }
        if printer.flow() == Flow::Stop {
            return Ok(Flow::Stop);
        }
    }
}

/// Analyses one whole JSON Lines record line.
fn record(
    config: &Config,
    name: &str,
    number: u64,
    line: &mut Vec<u8>,
    printer: &mut Printer,
) -> Result<()> {
    if line.iter().all(u8::is_ascii_whitespace) {
        return Ok(());
    }
    let text = match reader::decode_utf8(std::mem::take(line), config.lossy) {
        Ok(decoded) => decoded,
        Err(err) => return printer.error(&record_origin(None, name, number), &err),
    };
    // A byte-order mark may open the first line of a file; it is framing, not record text.
    let json = text
        .text
        .trim_start_matches('\u{FEFF}')
        .trim_end_matches(['\n', '\r']);
    match reader::parse_record(json, &config.fields) {
        Ok(record) => {
            let html = newslens::sniff::is_html_page(&record.text);
            let decoded = Decoded {
                text: record.text,
                warnings: text.warnings,
            };
            printer.document(
                config,
                &record_origin(record.id.as_deref(), name, number),
                decoded,
                html,
            )
        }
        Err((id, err)) => printer.error(&record_origin(id.as_deref(), name, number), &err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_an_analysis_becomes_an_error_message() {
        install_panic_hook();
        let caught = catching(|| -> u8 { panic!("a test fault") });
        let why = caught.unwrap_err();
        assert!(
            why.contains("a test fault") && why.contains("main.rs"),
            "{why}"
        );
        assert_eq!(catching(|| 7), Ok(7));
    }

    fn lines(input: &[u8], max: Option<u64>) -> Vec<(String, Option<u64>)> {
        let mut reader = BufReader::with_capacity(4, input);
        let mut line = Vec::new();
        let mut out = Vec::new();
        loop {
            match next_line(&mut reader, &mut line, max).unwrap() {
                Line::End => return out,
                Line::Whole => out.push((String::from_utf8_lossy(&line).to_string(), None)),
                Line::TooLong { size } => {
                    out.push((String::from_utf8_lossy(&line).to_string(), Some(size)))
                }
            }
        }
    }

    #[test]
    fn lines_longer_than_the_limit_keep_only_a_prefix() {
        let input = b"short\nabcdefghijklmnop\nlast";
        assert_eq!(
            lines(input, Some(6)),
            [
                ("short\n".to_string(), None),
                ("abcdefg".to_string(), Some(16)),
                ("last".to_string(), None),
            ]
        );
        // The newline does not count: a line of exactly the limit is whole.
        assert_eq!(
            lines(b"abcdef\n", Some(6)),
            [("abcdef\n".to_string(), None)]
        );
        assert_eq!(lines(b"a\r\n\nb", None).len(), 3);
        assert!(lines(b"", Some(6)).is_empty());
    }
}
