//! `binding.signal`: `process.on('SIGINT')` and friends. A signal's handler only writes its
//! number to a self-pipe; the pipe's read end is a handle of the poll phase, which calls the JS
//! watchers of that signal on the loop. The pipe handle itself never keeps the loop alive, and
//! neither do watchers (Node's signal handles are unref'd: a listener alone does not keep a
//! process running).
//!
//! One process has one set of signal dispositions, so the pipe belongs to the first loop that
//! watches a signal (the main thread's, in practice); other threads' watches report ENOTSUP.
//!
//! `runBreakable(fn, thisArg, args, marker, timeoutMs, …)` is the other use of SIGINT: code
//! that must stop on Ctrl+C although it never returns to the loop (`while (true) {}` typed at the REPL, vm's
//! `breakOnSigint`). While it runs, SIGINT wakes a watchdog thread that terminates the
//! isolate's JS; back in the native frame the termination is cancelled and `marker` returned.
//! A timeout (vm's `timeout`) stops it the same way, from a timer thread of the call's own.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Read;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU8, AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

use eddy_runtime::mio::unix::SourceFd;
use eddy_runtime::mio::{Interest, Token};
use eddy_runtime::{
    Handle, NativeModule, Ready, call_function, close_handle, handle, open_handle, registry,
    set_fn, set_handle_ref, v8,
};

pub const MODULE: NativeModule = NativeModule {
    name: "signal",
    init,
};

fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "watch", watch);
    set_fn(scope, target, "unwatch", unwatch);
    set_fn(scope, target, "runBreakable", run_breakable);
}

/// The self-pipe's write end, for the handler (-1 until the first watch).
static PIPE_WRITE: AtomicI32 = AtomicI32::new(-1);
/// The thread whose loop owns the pipe (0: none yet).
static OWNER: AtomicU64 = AtomicU64::new(0);

extern "C" fn on_signal(signo: libc::c_int) {
    // Only async-signal-safe calls here: write(2), with errno saved around it.
    // SAFETY: __errno_location and write are async-signal-safe.
    unsafe {
        let errno = *libc::__errno_location();
        let fd = PIPE_WRITE.load(Ordering::Relaxed);
        if fd >= 0 {
            let byte = signo as u8;
            libc::write(fd, &byte as *const u8 as *const libc::c_void, 1);
        }
        *libc::__errno_location() = errno;
    }
}

fn thread_id() -> u64 {
    thread_local!(static ID: u64 = {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        NEXT.fetch_add(1, Ordering::Relaxed)
    });
    ID.with(|id| *id)
}

/// This loop's signal state: the pipe handle and each signal's watchers.
#[derive(Default)]
struct Signals {
    pipe_token: Option<usize>,
    /// signo → watcher tokens.
    watchers: HashMap<i32, Vec<usize>>,
    /// The disposition each watched signal had before, restored when its last watcher goes.
    previous: HashMap<i32, libc::sigaction>,
}

thread_local! {
    static SIGNALS: RefCell<Signals> = RefCell::new(Signals::default());
}

struct SignalPipe {
    token: usize,
    read: std::fs::File,
}

impl Handle for SignalPipe {
    fn ready(self: Rc<Self>, scope: &mut v8::PinScope, _ready: Ready) {
        let mut buf = [0u8; 64];
        loop {
            let n = match (&self.read).read(&mut buf) {
                Ok(0) | Err(_) => return,
                Ok(n) => n,
            };
            for &signo in &buf[..n] {
                let tokens = SIGNALS.with(|s| s.borrow().watchers.get(&(signo as i32)).cloned());
                for token in tokens.unwrap_or_default() {
                    let Some(w) = handle::<SignalWatch>(scope, token) else {
                        continue;
                    };
                    let cb = w.callback.borrow().clone();
                    if let Some(cb) = cb {
                        let cb = v8::Local::new(scope, cb);
                        let v = v8::Integer::new(scope, signo as i32).into();
                        call_function(scope, cb, &[v]);
                    }
                }
            }
        }
    }
}

struct SignalWatch {
    token: usize,
    signo: i32,
    callback: RefCell<Option<v8::Global<v8::Function>>>,
}

impl Handle for SignalWatch {
    fn ready(self: Rc<Self>, _scope: &mut v8::PinScope, _ready: Ready) {}
}

/// The pipe and its handle, made on the first watch. Err(errno).
fn ensure_pipe(scope: &mut v8::PinScope) -> Result<(), i32> {
    let me = thread_id();
    match OWNER.compare_exchange(0, me, Ordering::SeqCst, Ordering::SeqCst) {
        Ok(_) => {}
        Err(owner) if owner == me => {
            if SIGNALS.with(|s| s.borrow().pipe_token.is_some()) {
                return Ok(());
            }
        }
        Err(_) => return Err(libc::ENOTSUP),
    }
    let mut fds = [0; 2];
    // SAFETY: pipe2 fills two descriptors.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC | libc::O_NONBLOCK) } < 0 {
        OWNER.store(0, Ordering::SeqCst);
        return Err(std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EIO));
    }
    // SAFETY: both are fresh descriptors; the write end lives for the rest of the process
    // (the handler may run at any moment), so it is never closed.
    let read = unsafe { std::fs::File::from(OwnedFd::from_raw_fd(fds[0])) };
    PIPE_WRITE.store(fds[1], Ordering::SeqCst);
    let pipe = open_handle(scope, |t| SignalPipe { token: t.0, read });
    let token = pipe.token;
    let fd = pipe.read.as_raw_fd();
    if let Err(e) = registry(scope).register(&mut SourceFd(&fd), Token(token), Interest::READABLE) {
        return Err(e.raw_os_error().unwrap_or(libc::EIO));
    }
    // Never keeps the loop alive by itself.
    set_handle_ref(scope, token, false);
    SIGNALS.with(|s| s.borrow_mut().pipe_token = Some(token));
    Ok(())
}

fn install(signo: i32) -> Result<libc::sigaction, i32> {
    // SAFETY: sigaction with a handler that only writes to a pipe; all signals blocked while it
    // runs so it cannot nest.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_signal as *const () as usize;
        action.sa_flags = libc::SA_RESTART;
        libc::sigfillset(&mut action.sa_mask);
        set_disposition(signo, &action)
    }
}

/// Make `action` the disposition of `signo`, returning the one it replaces. While a
/// runBreakable call holds SIGINT, a SIGINT change is what comes back when the call ends (the
/// watchdog's handler stays until then), and the one replaced is what was there before it.
fn set_disposition(signo: i32, action: &libc::sigaction) -> Result<libc::sigaction, i32> {
    if signo == libc::SIGINT
        && let Some(old) = WATCHDOG.with(|w| {
            let mut w = w.borrow_mut();
            (w.depth > 0).then(|| w.saved.replace(*action)).flatten()
        })
    {
        return Ok(old);
    }
    // SAFETY: sigaction with valid pointers; the handlers installed are async-signal-safe.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(signo, action, &mut old) < 0 {
            return Err(std::io::Error::last_os_error()
                .raw_os_error()
                .unwrap_or(libc::EINVAL));
        }
        Ok(old)
    }
}

/// `watch(signo, callback)` → token, or a negative errno (EINVAL for SIGKILL/SIGSTOP).
fn watch(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let signo = args.get(0).int32_value(scope).unwrap_or(0);
    let Ok(cb) = v8::Local::<v8::Function>::try_from(args.get(1)) else {
        rv.set_int32(-libc::EINVAL);
        return;
    };
    if !(1..65).contains(&signo) || signo == libc::SIGKILL || signo == libc::SIGSTOP {
        rv.set_int32(-libc::EINVAL);
        return;
    }
    if let Err(errno) = ensure_pipe(scope) {
        rv.set_int32(-errno);
        return;
    }
    let first = SIGNALS.with(|s| !s.borrow().watchers.contains_key(&signo));
    if first {
        match install(signo) {
            Ok(old) => SIGNALS.with(|s| {
                s.borrow_mut().previous.insert(signo, old);
            }),
            Err(errno) => {
                rv.set_int32(-errno);
                return;
            }
        }
    }
    let cb = v8::Global::new(scope, cb);
    let w = open_handle(scope, |t| SignalWatch {
        token: t.0,
        signo,
        callback: RefCell::new(Some(cb)),
    });
    let token = w.token;
    SIGNALS.with(|s| {
        s.borrow_mut()
            .watchers
            .entry(signo)
            .or_default()
            .push(token)
    });
    // Node's signal handles are unref'd: listening alone does not keep the process running.
    set_handle_ref(scope, token, false);
    rv.set_double(token as f64);
}

/// `unwatch(token)`: stop one watcher; the signal's old disposition returns with its last one.
fn unwatch(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let token = args.get(0).number_value(scope).unwrap_or(0.0) as usize;
    let Some(w) = handle::<SignalWatch>(scope, token) else {
        return;
    };
    w.callback.borrow_mut().take();
    let signo = w.signo;
    close_handle(scope, token, |_| {});
    SIGNALS.with(|s| {
        let mut s = s.borrow_mut();
        let empty = s.watchers.get_mut(&signo).is_none_or(|list| {
            list.retain(|&t| t != token);
            list.is_empty()
        });
        if empty {
            s.watchers.remove(&signo);
            if let Some(old) = s.previous.remove(&signo) {
                let _ = set_disposition(signo, &old);
            }
        }
    });
}

// ===== runBreakable: the SIGINT watchdog =====

/// This thread's runBreakable calls: how deep they nest, and the SIGINT disposition the
/// outermost one replaced (put back when it ends).
#[derive(Default)]
struct Watchdog {
    depth: usize,
    saved: Option<libc::sigaction>,
}

thread_local! {
    static WATCHDOG: RefCell<Watchdog> = RefCell::new(Watchdog::default());
}

/// The isolate of the armed `runBreakable` call (None while none runs).
static ARMED: Mutex<Option<v8::IsolateHandle>> = Mutex::new(None);
/// Bumped at every arming; the handler sends it, so a SIGINT of an earlier call that the
/// thread reads late cannot stop a later one.
static GENERATION: AtomicU8 = AtomicU8::new(0);
/// Set by the watchdog when it terminated the armed call.
static FIRED: AtomicBool = AtomicBool::new(false);
/// The watchdog pipe's write end, for the handler (-1 until the thread runs).
static WATCHDOG_WRITE: AtomicI32 = AtomicI32::new(-1);

extern "C" fn on_sigint_watchdog(_signo: libc::c_int) {
    // SAFETY: only atomics, __errno_location and write(2): all async-signal-safe.
    unsafe {
        let errno = *libc::__errno_location();
        let fd = WATCHDOG_WRITE.load(Ordering::Relaxed);
        if fd >= 0 {
            let byte = GENERATION.load(Ordering::Relaxed);
            libc::write(fd, &byte as *const u8 as *const libc::c_void, 1);
        }
        *libc::__errno_location() = errno;
    }
}

/// The watchdog thread and its pipe, started once. Terminating JS is not async-signal-safe, so
/// the handler only writes to the pipe and this thread does it.
fn ensure_watchdog() -> bool {
    static STARTED: OnceLock<bool> = OnceLock::new();
    *STARTED.get_or_init(|| {
        let mut fds = [0; 2];
        // SAFETY: pipe2 fills two descriptors.
        if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } < 0 {
            return false;
        }
        // SAFETY: a fresh descriptor, owned by the thread from here on; the write end lives
        // for the rest of the process, as the handler may use it at any moment.
        let mut read = unsafe { std::fs::File::from(OwnedFd::from_raw_fd(fds[0])) };
        WATCHDOG_WRITE.store(fds[1], Ordering::SeqCst);
        std::thread::Builder::new()
            .name("eddy-sigint".into())
            .spawn(move || {
                let mut byte = [0u8; 1];
                while let Ok(1) = read.read(&mut byte) {
                    let armed = ARMED.lock().unwrap_or_else(|e| e.into_inner());
                    if let Some(isolate) = armed.as_ref()
                        && byte[0] == GENERATION.load(Ordering::SeqCst)
                    {
                        FIRED.store(true, Ordering::SeqCst);
                        isolate.terminate_execution();
                    }
                }
            })
            .is_ok()
    })
}

/// `runBreakable(fn, thisArg, args, marker, timeoutMs, timeoutMarker)`: `fn.apply(thisArg,
/// args)`, or `marker` when SIGINT interrupted it (no SIGINT watch when `marker` is undefined),
/// or `timeoutMarker` when it ran past `timeoutMs` (0: no limit). Its exceptions pass through; so does a termination that is not ours
/// (process.exit() inside `fn`).
fn run_breakable(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Ok(f) = v8::Local::<v8::Function>::try_from(args.get(0)) else {
        let msg = eddy_runtime::js_string(scope, "runBreakable: fn must be a function");
        let err = v8::Exception::type_error(scope, msg);
        scope.throw_exception(err);
        return;
    };
    let recv = args.get(1);
    let call_args: Vec<v8::Local<v8::Value>> = match v8::Local::<v8::Array>::try_from(args.get(2)) {
        Ok(list) => (0..list.length())
            .map(|i| {
                list.get_index(scope, i)
                    .unwrap_or_else(|| v8::undefined(scope).into())
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    let marker = args.get(3);
    let timeout_ms = args.get(4).number_value(scope).unwrap_or(0.0);
    let timeout_marker = args.get(5);
    // vm's `timeout`: a timer thread of this call's own terminates it when the time is up.
    let timer = (timeout_ms.is_finite() && timeout_ms > 0.0)
        .then(|| Timer::start(scope.thread_safe_handle(), timeout_ms));
    // No SIGINT watch when no marker is given (only a timeout), nor on a thread other than the
    // one whose loop has the signals (a worker's).
    let me = thread_id();
    let signal_thread = match OWNER.compare_exchange(0, me, Ordering::SeqCst, Ordering::SeqCst) {
        Ok(_) => true,
        Err(owner) => owner == me,
    };
    let watchdog = !marker.is_undefined() && signal_thread && ensure_watchdog();
    // An outer runBreakable (vm called from a REPL entry) is armed again when this one ends.
    let mut outer: Option<v8::IsolateHandle> = None;
    if watchdog {
        {
            let mut armed = ARMED.lock().unwrap_or_else(|e| e.into_inner());
            GENERATION.fetch_add(1, Ordering::SeqCst);
            FIRED.store(false, Ordering::SeqCst);
            outer = armed.replace(scope.thread_safe_handle());
        }
        let outermost = WATCHDOG.with(|w| {
            let mut w = w.borrow_mut();
            w.depth += 1;
            w.depth == 1
        });
        if outermost {
            // SAFETY: a handler that only writes to a pipe; the old disposition (a watcher's
            // handler, or the default) comes back when the call is over.
            let saved = unsafe {
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = on_sigint_watchdog as *const () as usize;
                action.sa_flags = libc::SA_RESTART;
                libc::sigfillset(&mut action.sa_mask);
                let mut old: libc::sigaction = std::mem::zeroed();
                (libc::sigaction(libc::SIGINT, &action, &mut old) == 0).then_some(old)
            };
            WATCHDOG.with(|w| w.borrow_mut().saved = saved);
        }
    }
    v8::tc_scope!(let tc, scope);
    let result = f.call(tc, recv, &call_args);
    let fired = if watchdog {
        // Disarmed under the lock: once it is taken, the thread cannot terminate us any more.
        *ARMED.lock().unwrap_or_else(|e| e.into_inner()) = outer;
        let restore = WATCHDOG.with(|w| {
            let mut w = w.borrow_mut();
            w.depth -= 1;
            if w.depth == 0 { w.saved.take() } else { None }
        });
        if let Some(old) = restore {
            // SAFETY: putting back the disposition SIGINT had (or was given) meanwhile.
            unsafe { libc::sigaction(libc::SIGINT, &old, std::ptr::null_mut()) };
        }
        FIRED.swap(false, Ordering::SeqCst)
    } else {
        false
    };
    let timed_out = timer.is_some_and(Timer::stop);
    // Which of ours stopped it, if one did: the timeout, or SIGINT.
    let (ours, marker) = if timed_out {
        (true, timeout_marker)
    } else {
        (fired, marker)
    };
    if ours {
        // Also clears a termination requested after `fn` had already returned.
        tc.cancel_terminate_execution();
        if result.is_none() {
            tc.reset();
            rv.set(marker);
            return;
        }
    }
    // Its value, its exception, or a termination that is not ours (an outer call's, an exit).
    match result {
        Some(value) => rv.set(value),
        None => {
            if tc.has_caught() && !tc.has_terminated() {
                tc.rethrow();
            }
        }
    }
}

/// A deadline for one call, on a thread that terminates the isolate's JS when it passes first.
struct Timer {
    state: std::sync::Arc<(Mutex<bool>, std::sync::Condvar)>,
    fired: std::sync::Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Timer {
    fn start(isolate: v8::IsolateHandle, ms: f64) -> Timer {
        let state = std::sync::Arc::new((Mutex::new(false), std::sync::Condvar::new()));
        let fired = std::sync::Arc::new(AtomicBool::new(false));
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs_f64(ms / 1000.0);
        let thread = {
            let state = state.clone();
            let fired = fired.clone();
            std::thread::Builder::new()
                .name("eddy-vm-timeout".into())
                .spawn(move || {
                    let (done, wake) = &*state;
                    let mut done = done.lock().unwrap_or_else(|e| e.into_inner());
                    while !*done {
                        let now = std::time::Instant::now();
                        if now >= deadline {
                            fired.store(true, Ordering::SeqCst);
                            isolate.terminate_execution();
                            return;
                        }
                        done = wake
                            .wait_timeout(done, deadline - now)
                            .unwrap_or_else(|e| e.into_inner())
                            .0;
                    }
                })
                .ok()
        };
        Timer {
            state,
            fired,
            thread,
        }
    }

    /// Ends the timer (the thread is gone when this returns): whether it fired.
    fn stop(self) -> bool {
        {
            let (done, wake) = &*self.state;
            *done.lock().unwrap_or_else(|e| e.into_inner()) = true;
            wake.notify_one();
        }
        if let Some(thread) = self.thread {
            let _ = thread.join();
        }
        self.fired.load(Ordering::SeqCst)
    }
}
