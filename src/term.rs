//! What the terminal decides for `--format text`: whether to colour and where to wrap. Asked
//! once at start; the report itself ([`newslens::view::text`]) only reads the answer.

use std::ffi::OsStr;
use std::io::{self, IsTerminal};

use newslens::view::text::TextOptions;

use crate::cli::ColorChoice;

/// The width wrapped to when neither the terminal nor `COLUMNS` gives one.
const DEFAULT_WIDTH: usize = 80;

/// The options of the text report: `to_stdout` is false with `-o FILE`, which is never a
/// terminal.
pub fn text_options(color: ColorChoice, width: Option<usize>, to_stdout: bool) -> TextOptions {
    let terminal = to_stdout && io::stdout().is_terminal();
    let no_color = std::env::var_os("NO_COLOR");
    let term = std::env::var_os("TERM");
    let columns = std::env::var("COLUMNS").ok();
    TextOptions {
        color: use_color(color, terminal, no_color.as_deref(), term.as_deref()),
        width: match width {
            Some(0) => None,
            Some(n) => Some(n),
            None => Some(pick_width(
                terminal.then(terminal_columns).flatten(),
                columns.as_deref(),
            )),
        },
    }
}

/// `auto` colours a terminal only, unless `NO_COLOR` is set to anything but "" (no-color.org)
/// or `TERM` is "dumb".
fn use_color(
    choice: ColorChoice,
    terminal: bool,
    no_color: Option<&OsStr>,
    term: Option<&OsStr>,
) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            terminal && no_color.is_none_or(OsStr::is_empty) && term != Some(OsStr::new("dumb"))
        }
    }
}

/// The terminal's columns when it gives them, else `COLUMNS` when it is a positive number,
/// else [`DEFAULT_WIDTH`].
fn pick_width(terminal: Option<u16>, columns: Option<&str>) -> usize {
    terminal
        .filter(|&c| c > 0)
        .map(usize::from)
        .or_else(|| {
            columns
                .and_then(|c| c.trim().parse::<usize>().ok())
                .filter(|&c| c > 0)
        })
        .unwrap_or(DEFAULT_WIDTH)
}

/// The width of the terminal on stdout.
#[cfg(unix)]
fn terminal_columns() -> Option<u16> {
    // SAFETY: TIOCGWINSZ writes one `winsize` into the struct it is given, which lives here.
    let mut size: libc::winsize = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) } == 0;
    ok.then_some(size.ws_col)
}

#[cfg(not(unix))]
fn terminal_columns() -> Option<u16> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour() {
        use ColorChoice::*;
        let s = |v: &'static str| Some(OsStr::new(v));
        #[rustfmt::skip]
        let cases = [
            // (choice, terminal, NO_COLOR, TERM, colour)
            (Auto, true, None, s("xterm"), true),
            (Auto, false, None, s("xterm"), false),
            (Auto, true, s("1"), s("xterm"), false),
            (Auto, true, s(""), s("xterm"), true),
            (Auto, true, None, s("dumb"), false),
            (Auto, true, None, None, true),
            (Always, false, s("1"), s("dumb"), true),
            (Never, true, None, s("xterm"), false),
        ];
        for (choice, terminal, no_color, term, want) in cases {
            assert_eq!(
                use_color(choice, terminal, no_color, term),
                want,
                "{choice:?} {terminal} {no_color:?} {term:?}"
            );
        }
    }

    #[test]
    fn width() {
        #[rustfmt::skip]
        let cases = [
            // (terminal columns, COLUMNS, width)
            (Some(120), Some("60"), 120),
            (Some(0), Some("60"), 60),
            (None, Some(" 100 "), 100),
            (None, Some("0"), 80),
            (None, Some("wide"), 80),
            (None, None, 80),
        ];
        for (terminal, columns, want) in cases {
            assert_eq!(
                pick_width(terminal, columns),
                want,
                "{terminal:?} {columns:?}"
            );
        }
    }
}
