//! SIGINT and SIGTERM stop a run cleanly: the record in progress is finished and written, then
//! the run ends with status 130. A run waiting for input (a terminal, a pipe) has nothing in
//! progress and every finished record already written, so it ends at once; a second signal
//! always ends it at once.
//!
//! A watcher thread receives the signals (through signal-hook's self-pipe, so nothing runs in
//! signal context). The main thread marks the stretches where it waits for input with
//! [`waiting`]; the mark is a mutex, so the watcher never ends the process while the main
//! thread is between reading and writing a record.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

/// The exit status of a run stopped by a signal.
pub const INTERRUPTED: u8 = 130;

static STOP: AtomicBool = AtomicBool::new(false);
/// True while the main thread is blocked reading input, with all output written.
static WAITING: Mutex<bool> = Mutex::new(false);

/// Starts the watcher thread. Without it (or where signals cannot be watched) a signal ends
/// the process as the system's default says.
pub fn install() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
            return;
        };
        let spawned = std::thread::Builder::new()
            .name("signals".to_string())
            .spawn(move || {
                for _ in signals.forever() {
                    let second = STOP.swap(true, Ordering::SeqCst);
                    let waiting = WAITING.lock().unwrap_or_else(|e| e.into_inner());
                    if second || *waiting {
                        // Output is written record by record, so nothing is half-written.
                        std::process::exit(i32::from(INTERRUPTED));
                    }
                }
            });
        drop(spawned);
    }
}

/// Whether a signal asked the run to stop.
pub fn stop_requested() -> bool {
    STOP.load(Ordering::SeqCst)
}

/// Runs `read` (a blocking read of input) marked as waiting, so that a signal during it ends
/// the process at once. The caller must have written every finished record before.
pub fn waiting<T>(read: impl FnOnce() -> T) -> T {
    set_waiting(true);
    let result = read();
    set_waiting(false);
    result
}

fn set_waiting(value: bool) {
    let mut waiting = WAITING.lock().unwrap_or_else(|e| e.into_inner());
    *waiting = value;
    // A signal that came while the last record was being finished: nothing is in progress now.
    if value && stop_requested() {
        std::process::exit(i32::from(INTERRUPTED));
    }
}
