//! The `newslens` command: flags → [`cli::Config`] → run → exit code.

mod cli;

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;

use cli::{Args, Config};
use newslens::output::{self, ErrorOut, ErrorRecord};
use newslens::reader::{self, Decoded, ReadError};

/// The documented exit statuses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    /// Every document was analysed.
    Ok = 0,
    /// At least one document failed; the others were analysed.
    SomeFailed = 1,
    /// Bad flags, or the output could not be written.
    Usage = 2,
}

fn main() -> ExitCode {
    let config = Args::parse().into_config();
    match run(&config) {
        Ok(status) => ExitCode::from(status as u8),
        Err(err) if is_broken_pipe(&err) => ExitCode::from(Status::Ok as u8),
        Err(err) => {
            eprintln!("newslens: {err:#}");
            ExitCode::from(Status::Usage as u8)
        }
    }
}

/// A closed stdout (`newslens big.jsonl | head -1`) ends the run quietly.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
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

struct Printer<W: Write> {
    out: W,
    /// One pretty-printed object rather than JSON Lines.
    pretty: bool,
    /// Flush after each document, so a reader at the other end of a pipe gets each result as
    /// soon as it is ready (streaming JSON Lines).
    flush_each: bool,
    failed: bool,
}

impl<W: Write> Printer<W> {
    fn document(&mut self, config: &Config, origin: &Origin, decoded: Decoded) -> Result<()> {
        let analysis = newslens::analyze(decoded.text, &config.sections);
        let wire = output::document(origin.id, &analysis, &config.sections, &decoded.warnings);
        if self.pretty {
            serde_json::to_writer_pretty(&mut self.out, &wire)?;
        } else {
            serde_json::to_writer(&mut self.out, &wire)?;
        }
        self.end_record()
    }

    fn error(&mut self, origin: &Origin, err: &ReadError) -> Result<()> {
        self.failed = true;
        eprintln!("newslens: {}: {err}", origin.name);
        if self.pretty {
            return Ok(());
        }
        let message = err.to_string();
        let record = ErrorRecord {
            id: origin.id,
            error: ErrorOut {
                kind: err.kind(),
                message: &message,
                line: origin.line,
            },
        };
        serde_json::to_writer(&mut self.out, &record)?;
        self.end_record()
    }

    fn end_record(&mut self) -> Result<()> {
        self.out.write_all(b"\n")?;
        if self.flush_each {
            self.out.flush()?;
        }
        Ok(())
    }
}

fn run(config: &Config) -> Result<Status> {
    let sink: Box<dyn Write> = match &config.output {
        Some(path) => Box::new(
            File::create(path)
                .with_context(|| format!("cannot create output file {}", path.display()))?,
        ),
        None => Box::new(io::stdout().lock()),
    };
    let single_text = !config.jsonl_input
        && config.inputs.len() == 1
        && config.inputs[0].as_deref().is_none_or(|p| !p.is_dir());
    let mut printer = Printer {
        out: BufWriter::new(sink),
        pretty: single_text && !config.compact,
        flush_each: config.jsonl_input || config.output.is_none(),
        failed: false,
    };
    for input in &config.inputs {
        match input {
            None => read_stdin(config, &mut printer)?,
            Some(path) if path.is_dir() => {
                let entries = reader::walk_dir(path, config.jsonl_input);
                if entries.is_empty() {
                    let name = path.display().to_string();
                    let origin = Origin {
                        id: Some(&name),
                        name: name.clone(),
                        line: None,
                    };
                    printer.error(&origin, &reader::no_documents(config.jsonl_input))?;
                }
                for entry in entries {
                    match entry {
                        Ok(file) => read_path(config, &file, &mut printer)?,
                        Err((dir, err)) => {
                            let name = dir.display().to_string();
                            printer.error(
                                &Origin {
                                    id: Some(&name),
                                    name: name.clone(),
                                    line: None,
                                },
                                &err,
                            )?
                        }
                    }
                }
            }
            Some(path) => read_path(config, path, &mut printer)?,
        }
    }
    printer.out.flush().context("cannot write the output")?;
    Ok(if printer.failed {
        Status::SomeFailed
    } else {
        Status::Ok
    })
}

fn read_stdin<W: Write>(config: &Config, printer: &mut Printer<W>) -> Result<()> {
    let stdin = io::stdin().lock();
    if config.jsonl_input {
        return read_records(config, "stdin", stdin, printer);
    }
    let origin = Origin {
        id: Some("-"),
        name: "stdin".to_string(),
        line: None,
    };
    let mut bytes = Vec::new();
    match BufReader::new(stdin).read_to_end(&mut bytes) {
        Ok(_) => match reader::decode(bytes, config.lossy) {
            Ok(decoded) => printer.document(config, &origin, decoded),
            Err(err) => printer.error(&origin, &err),
        },
        Err(e) => printer.error(&origin, &ReadError::Unreadable(reader::io_reason(&e))),
    }
}

fn read_path<W: Write>(config: &Config, path: &Path, printer: &mut Printer<W>) -> Result<()> {
    let name = path.display().to_string();
    if config.jsonl_input {
        return match File::open(path) {
            Ok(file) => read_records(config, &name, file, printer),
            Err(e) => {
                let origin = Origin {
                    id: None,
                    name,
                    line: None,
                };
                printer.error(&origin, &ReadError::Unreadable(reader::io_reason(&e)))
            }
        };
    }
    let origin = Origin {
        id: Some(&name),
        name: name.clone(),
        line: None,
    };
    match reader::read_file(path, config.lossy) {
        Ok(decoded) => printer.document(config, &origin, decoded),
        Err(err) => printer.error(&origin, &err),
    }
}

fn record_origin<'a>(id: Option<&'a str>, name: &str, number: u64) -> Origin<'a> {
    Origin {
        id,
        name: format!("{name}:{number}"),
        line: Some(number),
    }
}

/// Streams JSON Lines records: one line in, one line out, in order, in constant memory.
fn read_records<W: Write>(
    config: &Config,
    name: &str,
    input: impl Read,
    printer: &mut Printer<W>,
) -> Result<()> {
    let mut input = BufReader::new(input);
    let mut line = Vec::new();
    let mut number = 0u64;
    loop {
        line.clear();
        number += 1;
        match input.read_until(b'\n', &mut line) {
            Ok(0) => return Ok(()),
            Ok(_) => {}
            Err(e) => {
                return printer.error(
                    &record_origin(None, name, number),
                    &ReadError::Unreadable(reader::io_reason(&e)),
                );
            }
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let text = match reader::decode_utf8(std::mem::take(&mut line), config.lossy) {
            Ok(decoded) => decoded,
            Err(err) => {
                printer.error(&record_origin(None, name, number), &err)?;
                continue;
            }
        };
        // A byte-order mark may open the first line of a file; it is framing, not record text.
        let json = text
            .text
            .trim_start_matches('\u{FEFF}')
            .trim_end_matches(['\n', '\r']);
        match reader::parse_record(json, &config.fields) {
            Ok(record) => {
                let decoded = Decoded {
                    text: record.text,
                    warnings: text.warnings,
                };
                printer.document(
                    config,
                    &record_origin(record.id.as_deref(), name, number),
                    decoded,
                )?;
            }
            Err((id, err)) => printer.error(&record_origin(id.as_deref(), name, number), &err)?,
        }
    }
}
