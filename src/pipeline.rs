//! Documents analysed on several threads, written in input order.
//!
//! The reader (the caller) numbers each document and hands it to a pool of workers through a
//! bounded queue; a writer thread puts the finished lines back in input order and writes each
//! with one call. At most `window` documents are in flight (read and not yet written), so
//! memory is bounded by the window times the largest document (`--max-bytes`), never by the
//! batch: a slow or huge document holds back the writing of later ones, not the memory.
//!
//! Plain std threads and channels do this: the work is a stream of independent documents
//! whose results must come out in order, which a pool with a reorder buffer fits exactly.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use crate::signals;
use crate::sink::Output;

/// What one document became: the bytes to write (a whole line or pretty object, or nothing),
/// whether it failed, and how many input bytes it was.
pub struct Done {
    pub line: Vec<u8>,
    pub failed: bool,
    pub bytes: u64,
}

/// What the writer puts before the first document and after the last (the opening and end of
/// the HTML page of a batch); empty for JSON and text.
#[derive(Default)]
pub struct Frame {
    pub head: Vec<u8>,
    pub foot: Vec<u8>,
}

/// Work for a worker thread.
pub type Task = Box<dyn FnOnce() -> Done + Send>;

/// The stack each worker gets: the analysis is iterative, so this is a margin, not a need.
const WORKER_STACK_BYTES: usize = 64 << 20;

/// What a finished run counted.
pub struct Totals {
    pub documents: u64,
    pub failed: u64,
    pub bytes: u64,
    pub elapsed: Duration,
}

pub struct Pipeline {
    jobs: Option<SyncSender<(u64, Task)>>,
    done: Option<Sender<(u64, Done)>>,
    workers: Vec<JoinHandle<()>>,
    writer: Option<JoinHandle<Result<Totals>>>,
    next: u64,
    window: usize,
    /// Set by the writer when the output cannot be written: reading should stop.
    broken: Arc<AtomicBool>,
}

impl Pipeline {
    /// Starts `threads` workers and the writer. `progress` shows a progress line on stderr;
    /// `frame` goes around the documents.
    pub fn start(out: Output, threads: usize, progress: bool, frame: Frame) -> Result<Pipeline> {
        let threads = threads.max(1);
        let window = threads * 4;
        let (jobs, queue) = mpsc::sync_channel::<(u64, Task)>(threads * 2);
        let queue = Arc::new(Mutex::new(queue));
        let (done, finished) = mpsc::channel::<(u64, Done)>();
        let mut workers = Vec::with_capacity(threads);
        for i in 0..threads {
            let queue = Arc::clone(&queue);
            let done = done.clone();
            let worker = thread::Builder::new()
                .name(format!("worker-{i}"))
                .stack_size(WORKER_STACK_BYTES)
                .spawn(move || work(&queue, &done))
                .context("cannot start a worker thread")?;
            workers.push(worker);
        }
        let broken = Arc::new(AtomicBool::new(false));
        let writer_broken = Arc::clone(&broken);
        let writer = thread::Builder::new()
            .name("writer".to_string())
            .spawn(move || write(out, &finished, &writer_broken, progress, frame))
            .context("cannot start the writer thread")?;
        Ok(Pipeline {
            jobs: Some(jobs),
            done: Some(done),
            workers,
            writer: Some(writer),
            next: 0,
            window,
            broken,
        })
    }

    /// Queues a document for analysis.
    pub fn analyse(&mut self, task: Task) {
        let seq = self.begin();
        if let Some(jobs) = &self.jobs
            && let Err(mpsc::SendError((seq, task))) = jobs.send((seq, task))
        {
            // No worker is left (they only stop when the queue closes): run it here.
            self.finished(seq, task());
        }
    }

    /// Queues a result that needs no analysis (an error record).
    pub fn ready(&mut self, done: Done) {
        let seq = self.begin();
        self.finished(seq, done);
    }

    fn begin(&mut self) -> u64 {
        signals::begin_document(self.window);
        self.next += 1;
        self.next - 1
    }

    fn finished(&self, seq: u64, done: Done) {
        if let Some(sender) = &self.done {
            let _ = sender.send((seq, done));
        }
    }

    /// Whether the output has failed (a closed pipe, a full disk): nothing more will be written.
    pub fn broken(&self) -> bool {
        self.broken.load(Ordering::SeqCst)
    }

    /// Waits for every queued document to be written.
    pub fn finish(mut self) -> Result<Totals> {
        self.jobs = None;
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
        self.done = None;
        match self.writer.take().map(JoinHandle::join) {
            Some(Ok(totals)) => totals,
            _ => anyhow::bail!("the writer thread failed"),
        }
    }
}

fn work(queue: &Mutex<Receiver<(u64, Task)>>, done: &Sender<(u64, Done)>) {
    loop {
        let next = queue.lock().unwrap_or_else(|e| e.into_inner()).recv();
        let Ok((seq, task)) = next else {
            return;
        };
        if done.send((seq, task())).is_err() {
            return;
        }
    }
}

/// Writes results in input order as they finish.
fn write(
    mut out: Output,
    finished: &Receiver<(u64, Done)>,
    broken: &AtomicBool,
    progress: bool,
    frame: Frame,
) -> Result<Totals> {
    let started = Instant::now();
    let mut waiting: BTreeMap<u64, Done> = BTreeMap::new();
    let mut next = 0u64;
    let mut totals = Totals {
        documents: 0,
        failed: 0,
        bytes: 0,
        elapsed: Duration::ZERO,
    };
    let mut error: Option<anyhow::Error> = None;
    if !frame.head.is_empty()
        && let Err(e) = out.record(&frame.head)
    {
        broken.store(true, Ordering::SeqCst);
        error = Some(anyhow::Error::new(e).context(format!("cannot write to {}", out.name)));
    }
    let mut shown = Instant::now();
    let progress = progress && io::stderr().is_terminal();
    for (seq, done) in finished {
        waiting.insert(seq, done);
        while let Some(done) = waiting.remove(&next) {
            next += 1;
            totals.documents += 1;
            totals.failed += u64::from(done.failed);
            totals.bytes += done.bytes;
            if error.is_none()
                && !done.line.is_empty()
                && let Err(e) = out.record(&done.line)
            {
                broken.store(true, Ordering::SeqCst);
                error =
                    Some(anyhow::Error::new(e).context(format!("cannot write to {}", out.name)));
            }
            signals::end_document();
        }
        if progress && shown.elapsed() >= Duration::from_millis(250) {
            shown = Instant::now();
            eprint!("\r\x1b[K{}", progress_line(&totals, started.elapsed()));
        }
    }
    // Every document reaches the writer (tasks catch their own faults), so nothing is left
    // here; were one lost, the later ones are still written, in order, rather than dropped.
    for (_, done) in std::mem::take(&mut waiting) {
        totals.documents += 1;
        totals.failed += 1;
        if error.is_none()
            && !done.line.is_empty()
            && let Err(e) = out.record(&done.line)
        {
            error = Some(anyhow::Error::new(e).context(format!("cannot write to {}", out.name)));
        }
        signals::end_document();
    }
    if error.is_none()
        && !frame.foot.is_empty()
        && let Err(e) = out.record(&frame.foot)
    {
        error = Some(anyhow::Error::new(e).context(format!("cannot write to {}", out.name)));
    }
    if progress {
        eprint!("\r\x1b[K");
    }
    totals.elapsed = started.elapsed();
    match error {
        Some(e) => Err(e),
        None => Ok(totals),
    }
}

/// "1,204 documents, 8.3 MB, 2.41 MB/s, 3 failed".
pub fn progress_line(totals: &Totals, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64().max(1e-9);
    let mb = totals.bytes as f64 / 1e6;
    format!(
        "newslens: {} documents, {mb:.1} MB, {:.2} MB/s, {} failed, {:.1} s",
        totals.documents,
        mb / secs,
        totals.failed,
        secs
    )
}
