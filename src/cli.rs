//! Command-line flags. clap stays here: [`Args::into_config`] turns them into the plain
//! [`Config`] the rest of the program reads.

use std::path::PathBuf;
use std::sync::Arc;

use clap::{Parser, Subcommand, ValueEnum};

use newslens::reader::{Format, RecordFields};
use newslens::{EntityOptions, LexiconError, Sections, UserLexicon};

const EXAMPLES: &str = "\
Examples:
  newslens article.txt                       one article, pretty-printed JSON
  curl -s https://example.com/a.txt | newslens   read the article from stdin
  newslens --compact a.txt b.txt             JSON Lines, one object per article
  newslens corpus/                           every .txt/.text file below corpus/, as JSON Lines
  curl -s https://example.com/story | newslens   an HTML page: its article text is analysed
  newslens --input-format html pages/        every .html/.htm file below pages/, as HTML
  newslens --input-format jsonl < docs.jsonl records {\"id\": ..., \"text\": ...} in, one line out each
  newslens --only entities,quotes a.txt      only those sections
  newslens --format text a.txt               a report to read in the terminal
  newslens --format html -o a.html a.txt     a page with the entities highlighted in the text
  newslens --tokens a.txt                    each sentence's tokens, lemmas and tags, one line each
  newslens --lexicon firms.tsv a.txt         also find the names listed in firms.tsv (name<TAB>TYPE)
  newslens --date 2021-03-03 a.txt           \"yesterday\" in a.txt is 2021-03-02 in entities[].value
  newslens -j 4 --stats --input-format jsonl big.jsonl > out.jsonl   four threads, a summary at the end
  find news -name '*.txt' -print0 | xargs -0 newslens --compact > out.jsonl
  newslens completions bash > ~/.local/share/bash-completion/completions/newslens
  newslens man > newslens.1                  the manual page (roff)
  newslens schema > newslens.schema.json     the JSON Schema of the output (--tokens: of that view)

A first PATH named like a command (completions, man, schema) is read as the command: write
./completions to analyse a file of that name.

Exit status: 0 every document analysed; 1 at least one document failed (an error record took
its place in JSON Lines output); 2 usage error or the output could not be written; 130 stopped
by SIGINT or SIGTERM (after the record in progress).";

/// Reads English news articles and prints what is in them as JSON: entities, topics, key
/// phrases, stated commitments and quotes.
#[derive(Parser, Debug)]
#[command(
    name = "newslens",
    version,
    about,
    after_help = EXAMPLES,
    args_conflicts_with_subcommands = true,
    disable_help_subcommand = true,
    subcommand_value_name = "COMMAND",
    subcommand_help_heading = "Commands (instead of analysing)"
)]
pub struct Args {
    /// A command that prints something about newslens itself instead of analysing articles.
    #[command(subcommand)]
    pub command: Option<Tool>,

    /// Articles to read: files, directories (walked for .txt/.text files, .jsonl/.ndjson with
    /// --input-format jsonl, .html/.htm with --input-format html), or "-" for stdin. No path
    /// reads stdin.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// How input is framed: "text" (each file or stdin is one article; an HTML page, a .html or
    /// .htm file or a text opening with <!DOCTYPE html> or <html>, is converted to text),
    /// "jsonl" (each line is a record such as {"id": "a1", "text": "..."}; output is one line
    /// per record, streamed) or "html" (each file or stdin is an HTML page: the text of its
    /// article is analysed and printed as the output's "text" field).
    #[arg(long, value_enum, default_value_t = InputFormat::Text, value_name = "FORMAT")]
    pub input_format: InputFormat,

    /// With --input-format jsonl: the record field holding the document id.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,

    /// With --input-format jsonl: the record field holding the article text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,

    /// Only compute and print these sections (comma-separated): entities, topics, keyphrases,
    /// commitments, quotes. Example: --only entities,topics
    #[arg(long, value_delimiter = ',', value_parser = parse_section, value_name = "SECTIONS")]
    pub only: Vec<String>,

    /// How to print the results: "json" (JSON, or JSON Lines for a batch; the default),
    /// "text" (a report for people, wrapped to the terminal and coloured on one) or "html"
    /// (one self-contained HTML page; a batch is one page with a section per document).
    /// Example: --format html -o report.html
    #[arg(long, value_enum, default_value_t = OutputFormat::Json, value_name = "FORMAT")]
    pub format: OutputFormat,

    /// With --format text: colour and bold "auto" (only when stdout is a terminal, NO_COLOR is
    /// unset or empty and TERM is not "dumb"), "always" or "never". Example: --color never
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// With --format text: wrap lines to N characters (at least 20) instead of the terminal's
    /// width (on a terminal its width, else $COLUMNS, else 80); 0 does not wrap.
    /// Example: --width 100
    #[arg(long, value_name = "N")]
    pub width: Option<usize>,

    /// Print every document as one line of JSON, even when there is only one (JSON Lines).
    #[arg(long)]
    pub compact: bool,

    /// Write the output to FILE instead of stdout. Example: -o out.jsonl
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Replace invalid UTF-8 with U+FFFD (and say so in `warnings`) instead of failing.
    #[arg(long)]
    pub lossy: bool,

    /// Largest document to analyse, in bytes (suffixes K, M, G: powers of 1024); a longer one
    /// gets an error record `too_large` and the batch goes on. For JSON Lines it is the length
    /// of the record's line. 0 means no limit. Example: --max-bytes 50M
    #[arg(long, default_value = "10M", value_parser = parse_size, value_name = "N")]
    pub max_bytes: u64,

    /// Analyse documents on N threads (default: one per core). Output is the same bytes, in
    /// input order, whatever N.
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,

    /// Print the analysis layer instead of the findings: one JSON line per sentence with its
    /// tokens (offsets, lower case, lemma, Penn tag, Universal POS, word classes).
    #[arg(long)]
    pub tokens: bool,

    /// Give every entity mention the id of the rule or list that found it (`rule`) and, where
    /// another mention decided its type, the rule that did (`decided_by`). See the README's
    /// list of rule ids.
    #[arg(long)]
    pub explain: bool,

    /// A user lexicon: a UTF-8 file of lines "name<TAB>TYPE[<TAB>canonical name]" (TYPE an
    /// OntoNotes label such as PERSON, ORG, GPE; "#" starts a comment line). Its names are
    /// matched case-sensitively on word boundaries and take priority over the built-in finds.
    /// Repeatable; for a name listed twice, the later file wins. Example: --lexicon firms.tsv
    #[arg(long = "lexicon", value_name = "FILE")]
    pub lexicons: Vec<PathBuf>,
    /// Resolve relative dates ("yesterday", "last Tuesday", "next year") against this date,
    /// YYYY-MM-DD, instead of the article's dateline. Example: --date 2021-03-03
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub date: Option<jiff::civil::Date>,

    /// At the end, print a summary on stderr: documents, MB, MB/s, failures, seconds.
    #[arg(long)]
    pub stats: bool,

    /// Do not print warnings (HTML converted or markup found, not English, JSON Lines read as
    /// text) on stderr; they stay in each document's `warnings`. Errors are still printed.
    #[arg(short, long)]
    pub quiet: bool,
}

/// The commands that print something about newslens instead of analysing articles. Each
/// is one variant; `main` runs it (see `tools.rs`) before any input is read.
#[derive(Subcommand, Debug, Clone, PartialEq, Eq)]
pub enum Tool {
    /// Print a shell completion script. Example: newslens completions bash >
    /// ~/.local/share/bash-completion/completions/newslens
    Completions {
        /// The shell: bash, zsh or fish (also elvish, powershell).
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff). Example: newslens man > newslens.1 && man ./newslens.1
    Man,
    /// Print the JSON Schema (draft 2020-12) of the output, schema version 1: one document or
    /// error record. Example: newslens schema > newslens.schema.json
    Schema {
        /// The schema of a line of the --tokens view instead.
        #[arg(long)]
        tokens: bool,
    },
}

/// Parses a byte count such as "10485760", "512K", "10M" or "1G" (powers of 1024).
fn parse_size(value: &str) -> Result<u64, String> {
    let (digits, unit) = match value.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => value.split_at(i),
        None => (value, ""),
    };
    let shift = match unit.to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        _ => return Err(format!("unknown size unit '{unit}' (use K, M or G)")),
    };
    let number: u64 = digits
        .parse()
        .map_err(|_| format!("'{value}' is not a size such as 10M or 1048576"))?;
    number
        .checked_mul(1 << shift)
        .ok_or_else(|| format!("'{value}' is too large"))
}

/// Parses a calendar date written YYYY-MM-DD ("2021-03-03"); a date that does not exist
/// ("2021-02-30") is refused.
fn parse_date(value: &str) -> Result<jiff::civil::Date, String> {
    let shape = value.len() == 10
        && value.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shape {
        return Err(format!(
            "'{value}' is not a date written YYYY-MM-DD, such as 2021-03-03"
        ));
    }
    value
        .parse()
        .map_err(|_| format!("'{value}' is not a calendar date (no such day)"))
}

/// What `--format` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Json,
    Text,
    Html,
}

/// When `--format text` uses colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    Text,
    Jsonl,
    Html,
}

impl From<InputFormat> for Format {
    fn from(format: InputFormat) -> Format {
        match format {
            InputFormat::Text => Format::Text,
            InputFormat::Jsonl => Format::Jsonl,
            InputFormat::Html => Format::Html,
        }
    }
}

fn parse_section(name: &str) -> Result<String, String> {
    if Sections::NAMES.contains(&name) {
        Ok(name.to_string())
    } else {
        Err(format!(
            "unknown section '{name}' (expected one of: {})",
            Sections::NAMES.join(", ")
        ))
    }
}

/// Everything the run needs to know, free of clap.
#[derive(Debug)]
pub struct Config {
    /// Inputs in the order given; `None` is stdin.
    pub inputs: Vec<Option<PathBuf>>,
    pub format: Format,
    pub fields: RecordFields,
    pub sections: Sections,
    pub compact: bool,
    /// `--format`, and for `text` the `--color` and `--width` asked for.
    pub output_format: OutputFormat,
    pub color: ColorChoice,
    /// `--width`: `Some(0)` for no wrapping, `None` for the terminal's width.
    pub width: Option<usize>,
    pub output: Option<PathBuf>,
    pub lossy: bool,
    /// Longest document in bytes; `None` for no limit.
    pub max_bytes: Option<u64>,
    pub quiet: bool,
    /// Worker threads (at least 1).
    pub threads: usize,
    pub stats: bool,
    pub tokens: bool,
    /// Entity mentions carry the rule that found them.
    pub explain: bool,
    /// What the entity extractor is told; shared by the worker threads.
    pub entities: Arc<EntityOptions>,
}

impl Args {
    /// Flags that cannot go together, as a usage error: `--tokens` prints its own JSON Lines,
    /// which no `--format` view renders.
    pub fn check(&self) -> Result<(), clap::Error> {
        if self.tokens && self.format != OutputFormat::Json {
            return Err(<Args as clap::CommandFactory>::command().error(
                clap::error::ErrorKind::ArgumentConflict,
                "--tokens prints JSON Lines; it cannot be used with --format text or html",
            ));
        }
        Ok(())
    }

    /// Fails when a `--lexicon` file cannot be read or has a malformed line: a usage error,
    /// reported before any document is read.
    pub fn into_config(self) -> Result<Config, LexiconError> {
        let lexicon = if self.lexicons.is_empty() {
            None
        } else {
            Some(Arc::new(UserLexicon::load(&self.lexicons)?))
        };
        let sections = if self.only.is_empty() {
            Sections::all()
        } else {
            let mut s = Sections::none();
            for name in &self.only {
                s.enable(name);
            }
            s
        };
        let inputs = if self.paths.is_empty() {
            vec![None]
        } else {
            self.paths
                .into_iter()
                .map(|p| (p.as_os_str() != "-").then_some(p))
                .collect()
        };
        Ok(Config {
            inputs,
            format: self.input_format.into(),
            fields: RecordFields {
                id: self.id_field,
                text: self.text_field,
            },
            sections,
            compact: self.compact,
            output_format: self.format,
            color: self.color,
            width: self.width,
            output: self.output,
            lossy: self.lossy,
            max_bytes: (self.max_bytes > 0).then_some(self.max_bytes),
            quiet: self.quiet,
            threads: self.threads.map_or_else(
                || std::thread::available_parallelism().map_or(1, |n| n.get()),
                usize::from,
            ),
            stats: self.stats,
            tokens: self.tokens,
            explain: self.explain,
            entities: Arc::new(EntityOptions {
                lexicon,
                date: self.date,
            }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(args: &[&str]) -> Config {
        Args::try_parse_from(std::iter::once("newslens").chain(args.iter().copied()))
            .unwrap()
            .into_config()
            .unwrap()
    }

    #[test]
    fn no_path_and_dash_mean_stdin() {
        assert_eq!(config(&[]).inputs, vec![None]);
        assert_eq!(
            config(&["-", "a.txt"]).inputs,
            vec![None, Some(PathBuf::from("a.txt"))]
        );
    }

    #[test]
    fn only_selects_sections() {
        let s = config(&["--only", "entities,quotes"]).sections;
        assert!(s.entities && s.quotes && !s.topics && !s.keyphrases && !s.commitments);
        assert_eq!(config(&[]).sections, Sections::all());
        assert!(Args::try_parse_from(["newslens", "--only", "entity"]).is_err());
    }

    #[test]
    fn sizes_take_binary_suffixes() {
        assert_eq!(config(&[]).max_bytes, Some(10 << 20));
        assert_eq!(config(&["--max-bytes", "512K"]).max_bytes, Some(512 << 10));
        assert_eq!(config(&["--max-bytes", "2g"]).max_bytes, Some(2 << 30));
        assert_eq!(config(&["--max-bytes", "1000"]).max_bytes, Some(1000));
        assert_eq!(config(&["--max-bytes", "0"]).max_bytes, None);
        for bad in ["ten", "10X", "", "-1", "99999999999999999999G"] {
            assert!(
                Args::try_parse_from(["newslens", "--max-bytes", bad]).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn lexicons_load_in_order_and_a_bad_one_is_an_error() {
        assert!(config(&[]).entities.lexicon.is_none());
        let dir = tempfile::TempDir::new().unwrap();
        let first = dir.path().join("first.tsv");
        let second = dir.path().join("second.tsv");
        std::fs::write(&first, "Marrow Point\tLOC\nOrrin Vale\tPERSON\n").unwrap();
        std::fs::write(&second, "Marrow Point\tFAC\n").unwrap();
        let (first, second) = (first.to_str().unwrap(), second.to_str().unwrap());
        let c = config(&["--lexicon", first, "--lexicon", second]);
        let entries = c.entities.lexicon.as_ref().unwrap().entries();
        let got: Vec<(&str, &str)> = entries
            .iter()
            .map(|e| (e.name.as_str(), e.label.as_str()))
            .collect();
        assert_eq!(got, [("Marrow Point", "FAC"), ("Orrin Vale", "PERSON")]);
        let missing = dir.path().join("missing.tsv");
        let args = ["newslens", "--lexicon", missing.to_str().unwrap()];
        let err = Args::try_parse_from(args)
            .unwrap()
            .into_config()
            .unwrap_err();
        assert!(
            err.to_string().contains("missing.tsv: cannot read"),
            "{err}"
        );
    }

    #[test]
    fn dates_are_yyyy_mm_dd_and_exist() {
        let date = |s: &str| config(&["--date", s]).entities.date.map(|d| d.to_string());
        assert_eq!(date("2021-03-03").as_deref(), Some("2021-03-03"));
        assert_eq!(date("2024-02-29").as_deref(), Some("2024-02-29"));
        assert_eq!(config(&[]).entities.date, None);
        for bad in [
            "2021-02-30",
            "2023-02-29",
            "03/03/2021",
            "2021-3-3",
            "",
            "yesterday",
            "2021-03-03T00:00",
        ] {
            assert!(
                Args::try_parse_from(["newslens", "--date", bad]).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn formats_and_colour() {
        let c = config(&[]);
        assert_eq!(
            (c.output_format, c.color, c.width),
            (OutputFormat::Json, ColorChoice::Auto, None)
        );
        let c = config(&["--format", "text", "--color", "never", "--width", "0"]);
        assert_eq!(
            (c.output_format, c.color, c.width),
            (OutputFormat::Text, ColorChoice::Never, Some(0))
        );
        assert_eq!(
            config(&["--format", "html"]).output_format,
            OutputFormat::Html
        );
        assert!(Args::try_parse_from(["newslens", "--format", "yaml"]).is_err());
        let parse = |args: &[&str]| Args::try_parse_from(args).unwrap().check();
        assert!(parse(&["newslens", "--tokens", "--format", "text"]).is_err());
        assert!(parse(&["newslens", "--tokens", "--format", "json"]).is_ok());
    }

    #[test]
    fn jsonl_fields() {
        let c = config(&[
            "--input-format",
            "jsonl",
            "--id-field",
            "doc",
            "--text-field",
            "body",
        ]);
        assert_eq!(c.format, Format::Jsonl);
        assert_eq!(config(&[]).format, Format::Text);
        assert_eq!(config(&["--input-format", "html"]).format, Format::Html);
        assert_eq!(
            (c.fields.id.as_str(), c.fields.text.as_str()),
            ("doc", "body")
        );
    }
}
