//! `binding.signal`: `process.on('SIGINT')` and friends. A signal's handler only writes its
//! number to a self-pipe; the pipe's read end is a handle of the poll phase, which calls the JS
//! watchers of that signal on the loop. The pipe handle itself never keeps the loop alive, and
//! neither do watchers (Node's signal handles are unref'd: a listener alone does not keep a
//! process running).
//!
//! One process has one set of signal dispositions, so the pipe belongs to the first loop that
//! watches a signal (the main thread's, in practice); other threads' watches report ENOTSUP.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Read;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::rc::Rc;
use std::sync::atomic::{AtomicI32, AtomicU64, Ordering};

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
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(signo, &action, &mut old) < 0 {
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
                // SAFETY: restoring the disposition sigaction gave us.
                unsafe { libc::sigaction(signo, &old, std::ptr::null_mut()) };
            }
        }
    });
}
