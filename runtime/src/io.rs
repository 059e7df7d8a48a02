//! The poll phase's machinery and **the handle table**: where every socket, server, pipe, signal
//! watcher and child process lives while it is open, and how readiness reaches it.
//!
//! - One `mio::Poll` (edge-triggered) and the `Waker` other threads (the worker pool) use to end a
//!   blocking wait early.
//! - A table `Token → Entry`. A binding opens a handle with [`open_handle`], registers its own mio
//!   source under the returned token through [`registry`], and gets [`Handle::ready`] calls from
//!   the poll phase ([`dispatch`]). Tokens are never reused, so a late event for a closed handle
//!   finds nothing and is dropped.
//! - A handle keeps the loop alive while it is *ref'd and active* (libuv's rule: a server that
//!   listens, a socket that reads, connects or has writes queued). Bindings say which with
//!   [`set_handle_ref`] and [`set_handle_active`].
//! - While [`dispatch`] runs, bindings may hold small writes back and send them all when it ends
//!   ([`holding_writes`], [`flush_after_dispatch`]; see "writes held to the end of a dispatch").
//! - [`close_handle`] takes a handle out of the table at once and queues its close callback for
//!   the close phase, where libuv runs it; [`defer`] queues a callback for the next pending phase
//!   (I/O callbacks libuv defers, such as a read restarted on data already waiting).
//!
//! The binding owns its OS resource (inside its `Handle` value); this module only knows tokens.

use std::any::Any;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::state::{exit_requested, state};
use crate::timers::IdHasher;

/// Token reserved for the waker; I/O handles get tokens from 1 up.
pub(crate) const WAKER: mio::Token = mio::Token(0);

/// What became ready for a handle, from one poll event.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ready {
    /// Data (or a connection, or EOF) can be read.
    pub readable: bool,
    /// The source can take writes (a connect finished, or buffer space freed up).
    pub writable: bool,
    /// The source reported an error (read it with `take_error`).
    pub error: bool,
    /// The peer closed its write side (EOF follows once the buffered data is read).
    pub read_closed: bool,
    /// Writes can no longer be sent (the peer is gone).
    pub write_closed: bool,
}

/// An open handle: what the poll phase calls when its source is ready.
///
/// Implementations keep their mutable state behind a `RefCell` and release every borrow before
/// calling into JS, which may call back into the same handle.
///
/// # Examples
///
/// ```
/// use std::rc::Rc;
/// use eddy_runtime::{Handle, Ready, v8};
///
/// struct Ticker;
/// impl Handle for Ticker {
///     fn ready(self: Rc<Self>, _scope: &mut v8::PinScope, ready: Ready) {
///         assert!(ready.readable || ready.writable || ready.error);
///     }
/// }
/// let _handle: Rc<dyn Handle> = Rc::new(Ticker);
/// ```
pub trait Handle: Any {
    /// Called in the poll phase with no runtime borrow held.
    fn ready(self: Rc<Self>, scope: &mut v8::PinScope, ready: Ready);
}

/// One row of the handle table.
struct Entry {
    /// The binding's handle object.
    handle: Rc<dyn Handle>,
    /// `ref()`/`unref()`: whether this handle may keep the loop alive.
    refed: bool,
    /// Whether it has work in progress (listening, reading, connecting, writes queued).
    active: bool,
}

/// Readiness that other threads report for handles of this loop (a message posted to a port
/// this loop owns, a worker thread that ended): their tokens and the loop's waker, so the post
/// wakes this loop's poll phase at once. No polling: the loop only looks when woken.
///
/// The waker (an eventfd write, then the sleeper's return from `epoll_wait`) is only needed while
/// the loop sleeps. A loop that is running or spinning looks at `pending` before it sleeps, so a
/// post then costs no system call on either side. `sleeping` and `pending` are a Dekker pair:
/// the loop stores `sleeping` then loads `pending`, a poster stores `pending` then loads
/// `sleeping` (both sequentially consistent), so at least one of them sees the other.
pub(crate) struct Remote {
    tokens: Mutex<Vec<usize>>,
    /// Tokens wait in `tokens` (read without the lock before every wait).
    pending: AtomicBool,
    /// The loop is in (or about to enter) a blocking `epoll_wait`.
    sleeping: AtomicBool,
    waker: Arc<mio::Waker>,
}

impl Remote {
    /// Report `token` readable in this loop's next poll phase, waking it if it waits.
    pub fn notify(&self, token: usize) {
        self.tokens
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(token);
        let first = !self.pending.swap(true, Ordering::SeqCst);
        if first && self.sleeping.load(Ordering::SeqCst) {
            let _ = self.waker.wake();
        }
    }

    /// Wake the loop without readiness (it re-checks whether it should stop).
    pub fn wake(&self) {
        let _ = self.waker.wake();
    }

    fn take(&self) -> Vec<usize> {
        if !self.pending.load(Ordering::Acquire) {
            return Vec::new();
        }
        let mut tokens = self.tokens.lock().unwrap_or_else(|e| e.into_inner());
        self.pending.store(false, Ordering::Release);
        std::mem::take(&mut *tokens)
    }

    fn has_pending(&self) -> bool {
        self.pending.load(Ordering::Acquire)
    }

    /// Busy-wait up to `budget` for a post; whether one came. (No `sched_yield` between
    /// rounds: on a loaded machine it gives the core away for a whole time slice.)
    fn spin(&self, budget: Duration) -> bool {
        let started = Instant::now();
        loop {
            for _ in 0..64 {
                if self.pending.load(Ordering::Acquire) {
                    return true;
                }
                std::hint::spin_loop();
            }
            if started.elapsed() >= budget {
                return self.pending.load(Ordering::Acquire);
            }
        }
    }
}

/// How long a loop with hot cross-thread traffic busy-waits for the next post before it sleeps.
/// A message ping-pong between two threads (a worker answering its parent) is otherwise paced by
/// the kernel's wake-up latency, twice per round trip; the other side's reply usually comes
/// within a few dozen microseconds. Only a loop whose last wait ended with a post that quickly
/// spins, and only this long, so an idle loop never burns CPU.
const SPIN: Duration = Duration::from_micros(50);
/// A wait that a post ended within this long makes the traffic hot (see [`SPIN`]).
const HOT: Duration = Duration::from_micros(100);
/// After a spin in vain the loop sleeps on its next waits, twice as many after each further
/// miss, up to this many: on a loaded machine the poster is often waiting for a core, and a
/// spinner would only keep it from one.
const MAX_SPIN_BACKOFF: u32 = 256;

/// A callback queued for the pending or the close phase.
pub(crate) type Deferred = Box<dyn for<'s, 'i> FnOnce(&mut v8::PinScope<'s, 'i>)>;

pub(crate) struct Io {
    poll: mio::Poll,
    events: mio::Events,
    waker: Arc<mio::Waker>,
    /// Readiness posted by other threads.
    remote: Arc<Remote>,
    /// A clone of the poll's registry that bindings use to (re)register their sources.
    registry: Rc<mio::Registry>,
    /// The handle table (looked up by every native call on a handle: no SipHash).
    handles: HashMap<usize, Entry, BuildHasherDefault<IdHasher>>,
    /// Next token to hand out (never reused).
    next_token: usize,
    /// Ref'd and active handles: the loop stays alive while this is above 0.
    refed_active: usize,
    /// Readiness from the last wait, waiting for [`dispatch`].
    ready: Vec<(mio::Token, Ready)>,
    /// Readiness fed by bindings for the next poll phase ([`feed`]).
    fed: Vec<(mio::Token, Ready)>,
    /// Callbacks for the next pending phase.
    pub pending: Vec<Deferred>,
    /// Callbacks for the next close phase.
    pub closing: Vec<Deferred>,
    /// Handles closed since memory was last handed back (see `event_loop::wait_for_io`).
    pub closed_since_trim: usize,
    /// Nanoseconds spent waiting in the poll phase (the loop's idle time, for
    /// `performance.eventLoopUtilization`); shared with a worker's parent.
    idle_ns: Arc<std::sync::atomic::AtomicU64>,
    /// The last wait was ended by a post from another thread soon after it began ([`SPIN`]).
    hot: bool,
    /// Hot waits left to sleep through before spinning again, and the back-off after the
    /// last spin in vain ([`MAX_SPIN_BACKOFF`]).
    spin_skip: u32,
    spin_backoff: u32,
}

impl Io {
    pub fn new(idle_ns: Arc<std::sync::atomic::AtomicU64>) -> std::io::Result<Self> {
        let poll = mio::Poll::new()?;
        let waker = Arc::new(mio::Waker::new(poll.registry(), WAKER)?);
        let registry = Rc::new(poll.registry().try_clone()?);
        let remote = Arc::new(Remote {
            tokens: Mutex::new(Vec::new()),
            pending: AtomicBool::new(false),
            sleeping: AtomicBool::new(false),
            waker: waker.clone(),
        });
        Ok(Io {
            poll,
            events: mio::Events::with_capacity(1024),
            waker,
            remote,
            registry,
            handles: HashMap::default(),
            next_token: 1,
            refed_active: 0,
            ready: Vec::new(),
            fed: Vec::new(),
            pending: Vec::new(),
            closing: Vec::new(),
            closed_since_trim: 0,
            idle_ns,
            hot: false,
            spin_skip: 0,
            spin_backoff: 0,
        })
    }

    /// A handle other threads can use to end a blocking [`Io::poll`] early.
    pub fn waker(&self) -> Arc<mio::Waker> {
        self.waker.clone()
    }

    /// Milliseconds this loop has waited in the poll phase.
    pub fn idle_ms(&self) -> f64 {
        self.idle_ns.load(Ordering::Relaxed) as f64 / 1e6
    }

    /// Where other threads report readiness for this loop's handles.
    pub fn remote(&self) -> Arc<Remote> {
        self.remote.clone()
    }

    /// Whether handles or queued callbacks keep the loop alive.
    pub fn alive(&self) -> bool {
        self.refed_active > 0 || self.has_queued()
    }

    /// Whether callbacks or fed readiness wait for a phase of the next iteration (so the poll
    /// must not block).
    pub fn has_queued(&self) -> bool {
        !self.pending.is_empty()
            || !self.closing.is_empty()
            || !self.fed.is_empty()
            || self.remote.has_pending()
    }

    /// Give back the capacity a burst of handles left in the table and the queues.
    pub fn shrink(&mut self) {
        self.handles.shrink_to_fit();
        self.ready.shrink_to_fit();
        self.fed.shrink_to_fit();
        self.pending.shrink_to_fit();
        self.closing.shrink_to_fit();
    }

    /// Handles open, ref'd or not (a startup snapshot can be made only with none).
    pub fn handle_count(&self) -> usize {
        self.handles.len()
    }

    /// Whether ref'd handles are waiting for events (so the poll may block for them).
    pub fn has_refed_active(&self) -> bool {
        self.refed_active > 0
    }

    /// Wait for I/O readiness or a wake-up, at most `timeout` (`None`: no limit), and keep what
    /// became ready for [`dispatch`]; whether anything woke the wait (the pool's waker included)
    /// or a binding had fed readiness. An interrupted wait (EINTR) is just an early return.
    pub fn poll(&mut self, timeout: Option<Duration>) -> bool {
        let started = (timeout != Some(Duration::ZERO)).then(Instant::now);
        let result = match started {
            None => self.poll.poll(&mut self.events, timeout),
            Some(_) => {
                let budget = timeout.map_or(SPIN, |t| t.min(SPIN));
                let spin = self.hot && self.spin_skip == 0;
                if self.hot && self.spin_skip > 0 {
                    self.spin_skip -= 1;
                }
                if spin && self.remote.spin(budget) {
                    self.spin_backoff = 0;
                    self.poll.poll(&mut self.events, Some(Duration::ZERO))
                } else {
                    let timeout = if spin {
                        self.spin_backoff = (self.spin_backoff * 2).clamp(1, MAX_SPIN_BACKOFF);
                        self.spin_skip = self.spin_backoff;
                        timeout.map(|t| t.saturating_sub(budget))
                    } else {
                        timeout
                    };
                    self.remote.sleeping.store(true, Ordering::SeqCst);
                    let timeout = if self.remote.pending.load(Ordering::SeqCst) {
                        Some(Duration::ZERO)
                    } else {
                        timeout
                    };
                    let result = self.poll.poll(&mut self.events, timeout);
                    self.remote.sleeping.store(false, Ordering::SeqCst);
                    result
                }
            }
        };
        let waited = started.map(|s| s.elapsed());
        if let Some(waited) = waited {
            self.idle_ns
                .fetch_add(waited.as_nanos() as u64, Ordering::Relaxed);
        }
        if let Err(e) = result
            && e.kind() != std::io::ErrorKind::Interrupted
        {
            return true;
        }
        let woke = !self.events.is_empty() || !self.fed.is_empty();
        for event in self.events.iter() {
            if event.token() == WAKER {
                continue;
            }
            let ready = Ready {
                readable: event.is_readable(),
                writable: event.is_writable(),
                error: event.is_error(),
                read_closed: event.is_read_closed(),
                write_closed: event.is_write_closed(),
            };
            self.ready.push((event.token(), ready));
        }
        self.ready.append(&mut self.fed);
        // In the order the handles were opened (tokens only grow), as libuv walks its async
        // handles: ports that got messages in one wait deliver oldest port first.
        let mut posted = self.remote.take();
        if let Some(waited) = waited {
            self.hot = !posted.is_empty() && waited <= HOT;
        }
        posted.sort_unstable();
        posted.dedup();
        let woke = woke || !posted.is_empty();
        for token in posted {
            let ready = Ready {
                readable: true,
                ..Ready::default()
            };
            self.ready.push((mio::Token(token), ready));
        }
        woke
    }

    fn set_flags(&mut self, token: usize, refed: Option<bool>, active: Option<bool>) {
        let Some(entry) = self.handles.get_mut(&token) else {
            return;
        };
        let before = entry.refed && entry.active;
        if let Some(r) = refed {
            entry.refed = r;
        }
        if let Some(a) = active {
            entry.active = a;
        }
        let after = entry.refed && entry.active;
        match (before, after) {
            (false, true) => self.refed_active += 1,
            (true, false) => self.refed_active -= 1,
            _ => {}
        }
    }
}

// ===== the binding-facing API =====

/// Make a handle with the token it gets (`make` receives it) and put it in the table, ref'd and
/// not yet active. Register the binding's mio source under that token with [`registry`].
pub fn open_handle<T: Handle>(
    scope: &mut v8::PinScope,
    make: impl FnOnce(mio::Token) -> T,
) -> Rc<T> {
    let st = state(scope);
    let mut st = st.borrow_mut();
    let io = &mut st.event_loop.io;
    let token = io.next_token;
    io.next_token += 1;
    let handle = Rc::new(make(mio::Token(token)));
    io.handles.insert(
        token,
        Entry {
            handle: handle.clone(),
            refed: true,
            active: false,
        },
    );
    handle
}

/// The poll's registry, for registering a handle's source (edge-triggered, as mio is).
pub fn registry(scope: &mut v8::PinScope) -> Rc<mio::Registry> {
    state(scope).borrow().event_loop.io.registry.clone()
}

/// The open handle behind `token`, if it is still open and of type `T`.
pub fn handle<T: Handle>(scope: &mut v8::PinScope, token: usize) -> Option<Rc<T>> {
    let st = state(scope);
    let st = st.borrow();
    let entry = st.event_loop.io.handles.get(&token)?;
    let any: Rc<dyn Any> = entry.handle.clone();
    any.downcast::<T>().ok()
}

/// `ref()` / `unref()`.
pub fn set_handle_ref(scope: &mut v8::PinScope, token: usize, refed: bool) {
    let st = state(scope);
    st.borrow_mut()
        .event_loop
        .io
        .set_flags(token, Some(refed), None);
}

/// Whether the handle has work in progress (only active handles keep the loop alive).
pub fn set_handle_active(scope: &mut v8::PinScope, token: usize, active: bool) {
    let st = state(scope);
    st.borrow_mut()
        .event_loop
        .io
        .set_flags(token, None, Some(active));
}

/// Whether the handle is ref'd (`hasRef()`).
pub fn handle_has_ref(scope: &mut v8::PinScope, token: usize) -> bool {
    let st = state(scope);
    let st = st.borrow();
    st.event_loop
        .io
        .handles
        .get(&token)
        .is_some_and(|e| e.refed)
}

/// Take the handle out of the table now (late events for it are dropped) and run `on_close` in
/// the next close phase, as libuv runs close callbacks. The binding drops or deregisters its
/// source itself. Returns false when the handle was not open.
pub fn close_handle<F>(scope: &mut v8::PinScope, token: usize, on_close: F) -> bool
where
    F: for<'s, 'i> FnOnce(&mut v8::PinScope<'s, 'i>) + 'static,
{
    let st = state(scope);
    let mut st = st.borrow_mut();
    let io = &mut st.event_loop.io;
    io.set_flags(token, None, Some(false));
    if io.handles.remove(&token).is_none() {
        return false;
    }
    io.closing.push(Box::new(on_close));
    io.closed_since_trim += 1;
    true
}

/// Report `ready` for `token` in the next poll phase, after the OS's events. Edge-triggered
/// polling gives no new event for a state that has not changed, so a binding feeds one where
/// libuv's level-triggered poll would see it again: a read restarted on data already waiting,
/// a shutdown once the write queue is empty.
pub fn feed(scope: &mut v8::PinScope, token: usize, ready: Ready) {
    state(scope)
        .borrow_mut()
        .event_loop
        .io
        .fed
        .push((mio::Token(token), ready));
}

/// Run `f` in the next pending phase (I/O callbacks that libuv defers by one iteration).
pub fn defer<F>(scope: &mut v8::PinScope, f: F)
where
    F: for<'s, 'i> FnOnce(&mut v8::PinScope<'s, 'i>) + 'static,
{
    state(scope)
        .borrow_mut()
        .event_loop
        .io
        .pending
        .push(Box::new(f));
}

// ===== the loop's side =====

// ===== writes held to the end of a dispatch =====
//
// A server answering over loopback spends much of each `send` waking the peer's thread (on a
// VM, an interrupt to another CPU each time). Written one by one while the poll phase works
// through its events, every response wakes the client again; sent together at the end of the
// dispatch, one wake-up serves many (hello world: +20% requests/s at 50 and at 1000
// connections). So while `dispatch` runs, a binding may hold small writes back (they count as
// written: the kernel would have taken them as well) and asks with [`flush_after_dispatch`] to
// send them when the dispatch ends, which is before the loop can wait again.

thread_local! {
    /// Set while `dispatch` calls ready handles.
    static HOLDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// What to call when the dispatch ends (each function once).
    static FLUSHES: std::cell::RefCell<Vec<fn(&mut v8::PinScope)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Whether writes may be held back now: the poll phase is dispatching ready handles on this
/// thread (see [`flush_after_dispatch`]).
///
/// # Examples
///
/// ```
/// // Outside the poll phase every write goes out at once.
/// assert!(!eddy_runtime::holding_writes());
/// ```
pub fn holding_writes() -> bool {
    HOLDING.get()
}

/// Call `flush` when the current dispatch ends, to send what a binding held back while
/// [`holding_writes`]. Asking twice for the same function calls it once.
///
/// # Examples
///
/// ```
/// use eddy_runtime::{flush_after_dispatch, holding_writes, v8};
///
/// /// Sends what this binding held back (a real one walks its own list).
/// fn send_held(_scope: &mut v8::PinScope) {}
///
/// fn write(data: &[u8]) {
///     if holding_writes() {
///         // ...keep `data` with the handle...
///         flush_after_dispatch(send_held);
///     } else {
///         // ...write `data` now...
///     }
///     let _ = data;
/// }
/// write(b"hello");
/// ```
pub fn flush_after_dispatch(flush: fn(&mut v8::PinScope)) {
    FLUSHES.with_borrow_mut(|f| {
        if !f.iter().any(|g| std::ptr::fn_addr_eq(*g, flush)) {
            f.push(flush);
        }
    });
}

/// Send everything held back now, from a native that is about to make something else visible
/// outside the process (another write, a signal, a child run to completion), so what was
/// written first arrives first. Cheap when nothing is held.
///
/// # Examples
///
/// ```
/// use eddy_runtime::{flush_held_writes, v8};
///
/// fn before_my_syscall(scope: &mut v8::PinScope) {
///     flush_held_writes(scope);
///     // ...the write or signal of this native...
/// }
/// # let _ = before_my_syscall;
/// ```
pub fn flush_held_writes(scope: &mut v8::PinScope) {
    let flushes = FLUSHES.with_borrow_mut(std::mem::take);
    for flush in flushes {
        flush(scope);
    }
}

/// The poll phase's I/O half: call each ready handle that is still open, then send the writes
/// held back meanwhile (also when JS asked to exit: what was written must still go out).
pub(crate) fn dispatch(scope: &mut v8::PinScope) {
    let outer = HOLDING.replace(true);
    dispatch_ready(scope);
    HOLDING.set(outer);
    if !outer {
        flush_held_writes(scope);
    }
}

fn dispatch_ready(scope: &mut v8::PinScope) {
    let st = state(scope);
    let ready = std::mem::take(&mut st.borrow_mut().event_loop.io.ready);
    for (token, r) in ready {
        if exit_requested(scope) {
            return;
        }
        let handle = {
            let s = st.borrow();
            match s.event_loop.io.handles.get(&token.0) {
                Some(entry) => entry.handle.clone(),
                None => continue,
            }
        };
        v8::scope!(let scope, scope);
        handle.ready(scope, r);
    }
}

/// Completions fed during the poll phase (a shutdown with nothing left to write) run right
/// after it, before the check phase, as libuv (1.45+) runs its pending queue up to 8 times
/// after polling: a socket ended in a 'connection' or 'data' handler reports 'finish' (and
/// can close) before the next poll, as in Node. Fed reads (a read budget spent) wait for the
/// next poll phase, after the other handles' events.
pub(crate) fn dispatch_fed(scope: &mut v8::PinScope) {
    let st = state(scope);
    for _ in 0..8 {
        {
            let mut s = st.borrow_mut();
            let io = &mut s.event_loop.io;
            let fed = std::mem::take(&mut io.fed);
            let (reads, done): (Vec<_>, Vec<_>) = fed.into_iter().partition(|(_, r)| r.readable);
            io.fed = reads;
            if done.is_empty() {
                return;
            }
            io.ready = done;
        }
        dispatch(scope);
        if exit_requested(scope) {
            return;
        }
    }
}

/// Run a queue of deferred callbacks (taken out first: they may queue more for next time).
pub(crate) fn run_queue(scope: &mut v8::PinScope, closing: bool) {
    let st = state(scope);
    let queue = {
        let mut s = st.borrow_mut();
        let io = &mut s.event_loop.io;
        std::mem::take(if closing {
            &mut io.closing
        } else {
            &mut io.pending
        })
    };
    for f in queue {
        if exit_requested(scope) {
            return;
        }
        v8::scope!(let scope, scope);
        f(scope);
    }
}
