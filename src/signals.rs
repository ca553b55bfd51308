//! The run's shared state: how many documents are in flight (read but not yet written), whether
//! the reader is waiting for input, and whether a signal asked the run to stop.
//!
//! SIGINT and SIGTERM stop a run cleanly: the documents in progress are finished and written,
//! then the run ends with status 130. A run waiting for input (a terminal, a pipe) with every
//! document written has nothing in progress, so it ends at once; a second signal always ends it
//! at once.
//!
//! A watcher thread receives the signals (through signal-hook's self-pipe, so nothing runs in
//! signal context). All state sits behind one mutex, so the watcher never ends the process
//! while a document is between being read and being written.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

/// The exit status of a run stopped by a signal.
pub const INTERRUPTED: u8 = 130;

static STOP: AtomicBool = AtomicBool::new(false);

struct State {
    /// The reader is blocked reading input.
    waiting: bool,
    /// Documents read and not yet written.
    in_flight: usize,
}

static STATE: Mutex<State> = Mutex::new(State {
    waiting: false,
    in_flight: 0,
});
/// Signalled when a document is written, for a reader waiting for room in the window.
static ROOM: Condvar = Condvar::new();

fn state() -> MutexGuard<'static, State> {
    STATE.lock().unwrap_or_else(|e| e.into_inner())
}

/// Ends the process now: called only with nothing in flight, so every line is whole.
fn exit_interrupted() -> ! {
    std::process::exit(i32::from(INTERRUPTED))
}

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
                    let state = state();
                    if second || (state.waiting && state.in_flight == 0) {
                        exit_interrupted();
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
/// the process as soon as nothing is in flight.
pub fn waiting<T>(read: impl FnOnce() -> T) -> T {
    {
        let mut state = state();
        state.waiting = true;
        // A signal that came while the last document was being finished.
        if stop_requested() && state.in_flight == 0 {
            exit_interrupted();
        }
    }
    let result = read();
    state().waiting = false;
    result
}

/// Counts a document as in flight, first waiting while `window` documents already are: this
/// bounds the memory a batch holds, whatever the order in which documents finish.
pub fn begin_document(window: usize) {
    let mut state = state();
    while state.in_flight >= window.max(1) {
        state = ROOM.wait(state).unwrap_or_else(|e| e.into_inner());
    }
    state.in_flight += 1;
}

/// A document has been written (or dropped after a write error).
pub fn end_document() {
    let mut state = state();
    state.in_flight = state.in_flight.saturating_sub(1);
    ROOM.notify_all();
    if stop_requested() && state.waiting && state.in_flight == 0 {
        exit_interrupted();
    }
}
