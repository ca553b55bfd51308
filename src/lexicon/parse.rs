// Reading the embedded lists: one entry per line, `#` starts a comment line, blank lines are
// skipped, tab-separated fields after the entry. This file is also compiled into `build.rs`
// (with `#[path]`), so the tables the build writes read a list exactly as the binary would.

/// The fields of every non-blank, non-comment line, each trimmed.
pub fn entry_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

/// The first field of every entry: for plain word lists.
pub fn first_fields(data: &str) -> impl Iterator<Item = &str> {
    entry_lines(data).map(|l| l.split('\t').next().unwrap_or(l).trim())
}
