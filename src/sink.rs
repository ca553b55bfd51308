//! Where results go: stdout or the `-o` file, one `write` call per record.
//!
//! Each record is serialised into one buffer, newline included, and written with a single
//! `write_all` on an unbuffered file handle. Lines from several processes writing to one file
//! (`xargs -P`, GNU parallel without `-k`) therefore never interleave inside a line, a reader
//! at the other end of a pipe gets each result as soon as it is ready, and a run stopped
//! between records leaves only whole lines.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// A file's identity (device and inode), to tell when an input is the output file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileId {
    dev: u64,
    ino: u64,
}

impl FileId {
    #[cfg(unix)]
    pub fn of(meta: &fs::Metadata) -> Option<FileId> {
        use std::os::unix::fs::MetadataExt;
        // Terminals and pipes are not files anything could be lost from.
        meta.is_file().then(|| FileId {
            dev: meta.dev(),
            ino: meta.ino(),
        })
    }

    #[cfg(not(unix))]
    pub fn of(_meta: &fs::Metadata) -> Option<FileId> {
        None
    }

    pub fn of_path(path: &Path) -> Option<FileId> {
        fs::metadata(path).ok().as_ref().and_then(FileId::of)
    }
}

pub struct Output {
    out: Box<dyn Write + Send>,
    /// The output file's identity, when it is a regular file.
    pub id: Option<FileId>,
    /// How error messages name the output.
    pub name: String,
}

impl Output {
    /// Standard output, as an unbuffered handle. A closed stdout (`newslens a.txt >&-`) is an
    /// error: the results would be lost.
    pub fn stdout() -> Result<Output> {
        #[cfg(unix)]
        {
            use std::os::fd::AsFd;
            let closed = || anyhow::anyhow!("cannot write to stdout: it is closed");
            let fd = io::stdout()
                .as_fd()
                .try_clone_to_owned()
                .map_err(|_| closed())?;
            let file = File::from(fd);
            if was_closed(&file) {
                return Err(closed());
            }
            let id = file.metadata().ok().as_ref().and_then(FileId::of);
            Ok(Output {
                out: Box::new(file),
                id,
                name: "stdout".to_string(),
            })
        }
        #[cfg(not(unix))]
        Ok(Output {
            out: Box::new(io::stdout()),
            id: None,
            name: "stdout".to_string(),
        })
    }

    /// Creates (or truncates) the `-o` file.
    pub fn create(path: &Path) -> Result<Output> {
        let file = File::create(path)
            .with_context(|| format!("cannot create output file {}", path.display()))?;
        let id = file.metadata().ok().as_ref().and_then(FileId::of);
        Ok(Output {
            out: Box::new(file),
            id,
            name: path.display().to_string(),
        })
    }

    /// Writes one whole record (it must end in a newline) with one call.
    pub fn record(&mut self, line: &[u8]) -> io::Result<()> {
        debug_assert!(line.ends_with(b"\n"));
        self.out.write_all(line)
    }
}

/// Whether file descriptor 1 was open when the process started, read before Rust's runtime
/// replaces a closed one by /dev/null: 0 not known, 1 open, 2 closed.
#[cfg(target_os = "linux")]
static STDOUT_AT_START: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// Run by the C runtime before `main` (and so before Rust's runtime opens /dev/null in place
/// of a closed stdout), from the `.init_array` section.
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static NOTE_STDOUT_AT_START: extern "C" fn() = note_stdout_at_start;

#[cfg(target_os = "linux")]
extern "C" fn note_stdout_at_start() {
    // SAFETY: F_GETFD only reads the flags of descriptor 1, which may or may not be open.
    let open = unsafe { libc::fcntl(1, libc::F_GETFD) } >= 0;
    STDOUT_AT_START.store(
        if open { 1 } else { 2 },
        std::sync::atomic::Ordering::Relaxed,
    );
}

/// Whether stdout was closed when the process started. On Linux that was read before `main`.
/// Elsewhere (or if it was not), the access mode tells: Rust's runtime opens /dev/null
/// read-write in place of a closed stdout, a shell's `> /dev/null` opens it write-only
/// (Python's `subprocess.DEVNULL` opens it read-write, so only Linux tells that one apart).
#[cfg(unix)]
fn was_closed(stdout: &File) -> bool {
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::MetadataExt;
    #[cfg(target_os = "linux")]
    match STDOUT_AT_START.load(std::sync::atomic::Ordering::Relaxed) {
        1 => return false,
        2 => return true,
        _ => {}
    }
    let (Ok(meta), Ok(null)) = (stdout.metadata(), fs::metadata("/dev/null")) else {
        return false;
    };
    if meta.rdev() != null.rdev() || meta.ino() != null.ino() {
        return false;
    }
    // SAFETY: F_GETFL only reads the flags of a descriptor this File owns.
    let flags = unsafe { libc::fcntl(stdout.as_raw_fd(), libc::F_GETFL) };
    flags >= 0 && flags & libc::O_ACCMODE == libc::O_RDWR
}

/// Refuses an `-o` file that is also an input, before it is created (creating it would empty
/// the input): the same file as an input file or stdin, or a file inside an input directory
/// that the walk would read.
pub fn check_output_is_not_input(
    output: &Path,
    inputs: &[Option<PathBuf>],
    stdin: Option<FileId>,
    wanted: impl Fn(&Path) -> bool,
) -> Result<()> {
    let out_id = FileId::of_path(output);
    let out_full = absolute(output);
    for input in inputs {
        match input {
            None => {
                if out_id.is_some() && out_id == stdin {
                    bail!(
                        "the output file {} is also the standard input; write the output elsewhere",
                        output.display()
                    );
                }
            }
            Some(path) if path.is_dir() => {
                if let (Some(full), Some(dir)) = (&out_full, absolute(path))
                    && full.starts_with(&dir)
                    && wanted(output)
                {
                    bail!(
                        "the output file {} lies inside the input directory {} and would be read as input; write the output elsewhere",
                        output.display(),
                        path.display()
                    );
                }
            }
            Some(path) => {
                if out_id.is_some() && out_id == FileId::of_path(path) {
                    bail!(
                        "the output file {} is also an input; writing it would destroy the input",
                        path.display()
                    );
                }
            }
        }
    }
    Ok(())
}

/// `path` made absolute with symbolic links resolved; for a file that does not exist yet, its
/// folder resolved and its name appended.
fn absolute(path: &Path) -> Option<PathBuf> {
    if let Ok(full) = fs::canonicalize(path) {
        return Some(full);
    }
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(fs::canonicalize(parent).ok()?.join(name))
}

/// Whether an I/O error is a closed pipe (`newslens … | head -1`), which ends a run quietly.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
