//! A second core for one import: a long-lived helper thread runs one part
//! of the work (the register of organisations) while the caller does the
//! rest, and the caller takes the part back when the helper is busy.
//!
//! Waking a sleeping thread takes 50–100 µs on these virtual machines, as
//! long as a sixth of an import, so neither side sleeps while the other is
//! about to need it:
//! - the helper is woken when an import starts ([`Helper::wake`]), before
//!   the document is decoded, and polls for its part for a short while
//!   ([`SPIN`]) before it sleeps; reading a plan of the reference plan's
//!   size takes less than that, so the part starts as soon as it is posted;
//! - the caller, done with its own share, polls for the helper's result
//!   for a while ([`SPIN_FOR_RESULT`]) before it sleeps.
//!
//! One helper serves the whole process, one import at a time, and only
//! while a core is spare: when every core is busy importing (a server's
//! workers), a helper would only take time from another import, so each
//! import runs its own part. The results never depend on which thread ran
//! the part; only the time does.

use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

/// How long the helper polls for the part before it sleeps: longer than
/// reading a plan of the reference plan's size takes, and short enough
/// that an import whose part never comes wastes little.
const SPIN: Duration = Duration::from_micros(250);

/// How long the caller polls for the helper's result before it sleeps:
/// about what the register of a plan of the reference plan's size takes.
const SPIN_FOR_RESULT: Duration = Duration::from_micros(500);

type Job<T> = Box<dyn FnOnce() -> T + Send>;

/// Where the part of one import stands.
enum State<T> {
    /// Not posted yet.
    Waiting,
    /// Posted; neither side has taken it.
    Posted(Job<T>),
    /// The helper is running it.
    Running,
    /// The helper ran it (or it panicked there).
    Done(thread::Result<T>),
    /// The caller took it back, or gave up: the helper has nothing to do.
    Closed,
}

impl<T> State<T> {
    /// The state's kind, as [`Shared::phase`] mirrors it.
    fn phase(&self) -> u8 {
        match self {
            State::Waiting => WAITING,
            State::Running => RUNNING,
            State::Posted(_) | State::Done(_) | State::Closed => SETTLED,
        }
    }
}

/// [`Shared::phase`] values: not posted yet; the helper running the part;
/// anything else.
const WAITING: u8 = 0;
const RUNNING: u8 = 1;
const SETTLED: u8 = 2;

/// What the caller and the helper share for one import.
struct Shared<T> {
    state: Mutex<State<T>>,
    changed: Condvar,
    /// The kind of `state`, set with it: each side polls this rather than
    /// the lock (the helper while it is `WAITING`, the caller while it is
    /// `RUNNING`).
    phase: AtomicU8,
}

impl<T> Shared<T> {
    fn lock(&self) -> MutexGuard<'_, State<T>> {
        // A panic while the lock is held leaves the state consistent (each
        // change is one assignment), so a poisoned lock is still usable.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Sleeps until the state changes.
    fn wait<'s>(&self, state: MutexGuard<'s, State<T>>) -> MutexGuard<'s, State<T>> {
        self.changed
            .wait(state)
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Moves the state on, and tells the other side.
    fn set(&self, state: &mut State<T>, to: State<T>) {
        self.phase.store(to.phase(), Ordering::Release);
        *state = to;
        self.changed.notify_all();
    }
}

/// Polls `phase` while it is `from`, for `limit` at most: cheaper than
/// sleeping when the other side is about to move on (see the module's note).
fn poll(phase: &AtomicU8, from: u8, limit: Duration) {
    let start = Instant::now();
    while phase.load(Ordering::Acquire) == from && start.elapsed() < limit {
        std::hint::spin_loop();
    }
}

/// What the helper thread serves: one import's part, of any result type.
trait Serve: Send + Sync {
    fn serve(&self);
}

impl<T: Send> Serve for Shared<T> {
    fn serve(&self) {
        poll(&self.phase, WAITING, SPIN);
        let mut state = self.lock();
        loop {
            match std::mem::replace(&mut *state, State::Closed) {
                State::Waiting => {
                    *state = State::Waiting;
                    state = self.wait(state);
                }
                State::Posted(job) => {
                    self.set(&mut state, State::Running);
                    drop(state);
                    let result = catch_unwind(AssertUnwindSafe(job));
                    let mut state = self.lock();
                    self.set(&mut state, State::Done(result));
                    return;
                }
                other => {
                    // Taken back, given up, or (never) already run.
                    *state = other;
                    return;
                }
            }
        }
    }
}

/// Imports under way: from [`Helper::wake`] until their helper is dropped.
static IMPORTING: AtomicUsize = AtomicUsize::new(0);

/// The cores this process may use.
fn cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| thread::available_parallelism().map_or(1, usize::from))
}

/// Where imports hand the helper thread their parts.
type Queue = Mutex<Sender<Arc<dyn Serve>>>;

/// The helper thread's queue, started on first use; `None` when the
/// thread could not be started (the caller then does all the work).
fn queue() -> Option<&'static Queue> {
    static QUEUE: OnceLock<Option<Queue>> = OnceLock::new();
    QUEUE
        .get_or_init(|| {
            let (tx, rx) = channel::<Arc<dyn Serve>>();
            thread::Builder::new()
                .name("jointplan-import-helper".into())
                .spawn(move || {
                    for part in rx {
                        part.serve();
                    }
                })
                .ok()
                .map(|_| Mutex::new(tx))
        })
        .as_ref()
}

/// The helper, woken for one import; [`Helper::post`] hands it its part.
pub struct Helper<T: Send + 'static> {
    shared: Arc<Shared<T>>,
}

impl<T: Send + 'static> Helper<T> {
    /// Wakes the helper for an import that will soon have a part for it.
    pub fn wake() -> Self {
        let shared = Arc::new(Shared {
            state: Mutex::new(State::Waiting),
            changed: Condvar::new(),
            phase: AtomicU8::new(WAITING),
        });
        // With every core busy importing, a helper would only take time
        // from another import: it is woken only when a core is spare.
        let importing = IMPORTING.fetch_add(1, Ordering::AcqRel) + 1;
        if importing < cores()
            && let Some(queue) = queue()
        {
            let sender = queue.lock().unwrap_or_else(PoisonError::into_inner);
            // A helper that is gone leaves the part posted: the caller
            // takes it back in `join`.
            let _ = sender.send(shared.clone() as Arc<dyn Serve>);
        }
        Helper { shared }
    }

    /// Hands `part` to the helper, which starts it at once if it is free;
    /// [`Posted::join`] gives its result. The helper serves one part of
    /// each wake: a second part is run by the caller, in `join`.
    pub fn post(&mut self, part: impl FnOnce() -> T + Send + 'static) -> Posted<'_, T> {
        let mut state = self.shared.lock();
        let own: Option<Job<T>> = if matches!(*state, State::Waiting) {
            self.shared.set(&mut state, State::Posted(Box::new(part)));
            None
        } else {
            Some(Box::new(part))
        };
        drop(state);
        Posted { helper: self, own }
    }
}

/// A part handed to the helper (or kept by the caller); dropping it
/// without [`Posted::join`] cancels the part if it has not started.
pub struct Posted<'h, T: Send + 'static> {
    helper: &'h mut Helper<T>,
    /// The part, when the caller runs it itself.
    own: Option<Job<T>>,
}

impl<T: Send + 'static> Posted<'_, T> {
    /// Runs `here` on this thread, then gives both results: the part's
    /// from the helper, or run here when the helper has not started it. A
    /// panic in the part resumes here.
    pub fn join<A>(self, here: impl FnOnce() -> A) -> (A, T) {
        let a = here();
        if let Some(job) = self.own {
            return (a, job());
        }
        let shared = &self.helper.shared;
        // Waiting for the helper to finish, poll before sleeping.
        poll(&shared.phase, RUNNING, SPIN_FOR_RESULT);
        let mut state = shared.lock();
        loop {
            match std::mem::replace(&mut *state, State::Closed) {
                State::Posted(job) => {
                    // The helper has not started it: run it here.
                    drop(state);
                    return (a, job());
                }
                State::Running => {
                    *state = State::Running;
                    state = shared.wait(state);
                }
                State::Done(Ok(t)) => return (a, t),
                State::Done(Err(panic)) => resume_unwind(panic),
                // `post` left the part posted, and only `join` and the
                // helper's drop (which `&mut` borrowing rules out here)
                // take it away.
                State::Waiting | State::Closed => unreachable!("the part was posted"),
            }
        }
    }
}

impl<T: Send + 'static> Drop for Helper<T> {
    fn drop(&mut self) {
        IMPORTING.fetch_sub(1, Ordering::AcqRel);
        // An import that stops before it posts (a document without
        // structure), or before it joins, releases the helper at once
        // instead of leaving it spinning, and cancels a part not started.
        let mut state = self.shared.lock();
        if matches!(*state, State::Waiting | State::Posted(_)) {
            self.shared.set(&mut state, State::Closed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_gives_both_results() {
        for i in 0..200u64 {
            let mut helper = Helper::wake();
            let (a, b) = helper.post(move || i * 3).join(|| i * 2);
            assert_eq!((a, b), (i * 2, i * 3));
        }
    }

    #[test]
    fn parts_run_on_the_helper_or_here_and_never_twice() {
        static RUNS: AtomicUsize = AtomicUsize::new(0);
        // Several imports at once: the helper serves one at a time, the
        // others take their part back.
        let threads: Vec<_> = (0..4)
            .map(|t| {
                thread::spawn(move || {
                    for i in 0..100usize {
                        let mut helper = Helper::wake();
                        let posted = helper.post(move || {
                            RUNS.fetch_add(1, Ordering::Relaxed);
                            t * 1000 + i
                        });
                        let (_, b) = posted.join(|| ());
                        assert_eq!(b, t * 1000 + i);
                    }
                })
            })
            .collect();
        for t in threads {
            assert!(t.join().is_ok());
        }
        assert_eq!(RUNS.load(Ordering::Relaxed), 400);
    }

    #[test]
    fn a_second_part_of_one_wake_runs_here() {
        let mut helper = Helper::wake();
        let (_, first) = helper.post(|| thread::current().id()).join(|| ());
        let (_, second) = helper.post(|| thread::current().id()).join(|| ());
        assert_eq!(second, thread::current().id());
        // The first ran on the helper or here; either way it ran once.
        let _ = first;
    }

    #[test]
    fn a_part_dropped_before_join_is_cancelled() {
        static RUNS: AtomicUsize = AtomicUsize::new(0);
        for _ in 0..50 {
            let mut helper = Helper::wake();
            // Posted and dropped at once, as an import without structure
            // does: the part runs at most once, and the next import is
            // served as usual.
            drop(helper.post(|| RUNS.fetch_add(1, Ordering::Relaxed)));
        }
        assert!(RUNS.load(Ordering::Relaxed) <= 50);
        let (_, b) = Helper::wake().post(|| "served").join(|| ());
        assert_eq!(b, "served");
    }

    #[test]
    fn a_panic_in_the_part_reaches_the_caller() {
        let outcome = catch_unwind(|| {
            let mut helper = Helper::<u8>::wake();
            // Keep the caller busy, so that the helper, not the caller, is
            // likely to run the part; either way the panic arrives here.
            helper
                .post(|| panic!("part failed"))
                .join(|| thread::sleep(Duration::from_millis(5)))
        });
        assert!(outcome.is_err());
        // The helper survives and serves the next import.
        let (_, b) = Helper::wake().post(|| 7u8).join(|| ());
        assert_eq!(b, 7);
    }

    #[test]
    fn a_helper_woken_for_nothing_is_released() {
        for _ in 0..50 {
            drop(Helper::<u8>::wake());
        }
        let (_, b) = Helper::wake().post(|| "served").join(|| ());
        assert_eq!(b, "served");
    }
}
