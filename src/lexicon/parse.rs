// Reading the embedded lists: one entry per line, `#` starts a comment line, blank lines are
// skipped, tab-separated fields after the entry. This file is also compiled into `build.rs`
// (with `#[path]`), so the tables the build writes read a list exactly as the binary would.

/// The fields of every non-blank, non-comment line, each trimmed.
pub fn entry_lines(data: &str) -> impl Iterator<Item = &str> {
    split_lines(data).map(str::trim_end).filter(|l| {
        // `l` ends in no whitespace: trimmed at the start it is trimmed at both ends.
        let t = l.trim_start();
        !t.is_empty() && !t.starts_with('#')
    })
}

/// The first field of every entry: for plain word lists.
pub fn first_fields(data: &str) -> impl Iterator<Item = &str> {
    entry_lines(data).map(|l| {
        let end = l.bytes().position(|b| b == b'\t').unwrap_or(l.len());
        l[..end].trim()
    })
}

/// The lines of `data` as `str::lines` gives them but for a `\r` before the `\n`, which
/// [`entry_lines`] trims anyway: a plain byte loop, cheaper than `lines` on lists of short
/// lines (start-up work).
fn split_lines(data: &str) -> impl Iterator<Item = &str> {
    let mut rest = data;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest.bytes().position(|b| b == b'\n').unwrap_or(rest.len());
        let line = &rest[..end];
        rest = rest.get(end + 1..).unwrap_or("");
        Some(line)
    })
}
