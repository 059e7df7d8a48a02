//! Worker threads: each `new Worker()` is an OS thread running a runtime of its own (its own
//! isolate, event loop and standard library), built from the same [`RuntimeOptions`] as the
//! runtime that started it (`binding.worker`).
//!
//! - The parent keeps the worker as a handle in its poll phase: ref'd and active while the
//!   thread runs (so a running worker keeps the parent alive unless `unref()`'d). When the thread
//!   ends it reports the handle's token through the parent loop's [`Remote`]; the parent joins
//!   the thread there and calls the JS `onExit` hook.
//! - Messages travel over two port pairs made by JS and handed over at spawn: the public one
//!   (`worker.postMessage` ↔ `parentPort`) and an internal one (start-up data, stdio, errors).
//! - `terminate()` sets the worker's stop flag, interrupts its JS through V8's
//!   `TerminateExecution` and wakes its loop; every place that checks for a requested exit
//!   (`state::exit_requested`) sees the flag. A worker past its heap limit is stopped the same
//!   way from V8's near-heap-limit callback, and reported as out of memory.
//! - A runtime that finishes terminates and joins the workers it started: no worker thread
//!   outlives the runtime (or `main`) that owns it.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::io::{self, Handle, Ready, Remote};
use crate::messaging::{self, PortCore};
use crate::native::{js_string, set_fn, set_value};
use crate::state::state;
use crate::{Runtime, RuntimeOptions};

/// Thread ids as `worker.threadId` shows them: 0 is the main thread.
static NEXT_THREAD_ID: AtomicU64 = AtomicU64::new(1);

/// How long a finishing runtime waits for each terminated worker before leaving it behind (a
/// worker blocked in a system call cannot be interrupted).
const JOIN_WAIT: Duration = Duration::from_secs(2);

/// `resourceLimits`, in MiB; 0 leaves V8's default.
#[derive(Clone, Copy, Default)]
pub(crate) struct Limits {
    pub max_old_mb: f64,
    pub max_young_mb: f64,
    pub code_range_mb: f64,
    pub stack_mb: f64,
}

impl Limits {
    /// The stack V8 may use, in MiB: `stackSizeMb`, or Node's default.
    fn stack_mb(&self) -> f64 {
        if self.stack_mb > 0.0 {
            self.stack_mb
        } else {
            DEFAULT_STACK_MB
        }
    }
}

/// What the parent and the worker thread share.
pub(crate) struct WorkerShared {
    pub thread_id: u64,
    /// The thread that started it (0: the main thread), for the inspector's list of workers.
    pub parent_id: u64,
    /// Set by `terminate()` (or the heap-limit callback): the worker's runtime stops.
    pub stop: Arc<AtomicBool>,
    /// The worker was stopped for reaching its heap limit.
    oom: AtomicBool,
    /// Why the worker's runtime could not be built (reported as ERR_WORKER_INIT_FAILED).
    init_error: Mutex<Option<String>>,
    /// The worker's isolate and loop, once they exist (to interrupt and wake it).
    running: Mutex<Option<(v8::IsolateHandle, Arc<Remote>)>>,
    /// The exit code, once the thread is done with its runtime.
    done: Mutex<Option<i32>>,
    done_signal: Condvar,
    join: Mutex<Option<JoinHandle<()>>>,
    /// Where to report the end: the parent loop and the worker's handle token there.
    parent: Mutex<Option<(Arc<Remote>, usize)>>,
    /// The worker loop's idle time (its poll phase adds to it) and when the loop started, for
    /// the parent's `worker.performance.eventLoopUtilization()`.
    pub idle_ns: Arc<AtomicU64>,
    loop_start: Mutex<Option<Instant>>,
}

impl WorkerShared {
    /// Ask the worker to stop: interrupt running JS and wake a waiting loop.
    pub fn terminate(&self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some((isolate, remote)) = lock(&self.running).as_ref() {
            isolate.terminate_execution();
            remote.wake();
        }
    }

    fn finish(&self, code: i32) {
        *lock(&self.done) = Some(code);
        self.done_signal.notify_all();
        if let Some((remote, token)) = lock(&self.parent).as_ref() {
            remote.notify(*token);
        }
    }

    /// Wait (up to `limit`) for the thread to finish, then join it.
    fn join(&self, limit: Duration) {
        let deadline = Instant::now() + limit;
        let mut done = lock(&self.done);
        while done.is_none() {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return;
            }
            done = self
                .done_signal
                .wait_timeout(done, left)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        drop(done);
        if let Some(handle) = lock(&self.join).take() {
            let _ = handle.join();
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// A worker's side: what its runtime gets at start-up.
pub(crate) struct WorkerCtx {
    pub shared: Arc<WorkerShared>,
    /// The worker's ends of the public and internal port pairs, until JS takes them.
    ports: Option<(Arc<PortCore>, Arc<PortCore>)>,
    pub name: String,
    pub limits: Limits,
    /// `trackUnmanagedFds`: descriptors the worker opened with fs.open/openSync and has not
    /// closed, closed when the worker ends.
    track_fds: bool,
    pub fds: std::collections::HashSet<i32>,
}

/// Terminate and join every worker `children` holds (a runtime is finishing).
pub(crate) fn stop_children(children: Vec<Arc<WorkerShared>>) {
    for child in &children {
        child.terminate();
    }
    for child in &children {
        child.join(JOIN_WAIT);
    }
}

// ===== the worker thread =====

fn spawn_thread(options: RuntimeOptions, ctx: WorkerCtx) -> std::io::Result<JoinHandle<()>> {
    let stack_mb = ctx.limits.stack_mb();
    // V8 gets `stack_mb` of this thread; the thread has room for our own frames on top.
    let stack = (stack_mb * 1024.0 * 1024.0) as usize + THREAD_SLACK;
    std::thread::Builder::new()
        .name(format!("eddy-worker-{}", ctx.shared.thread_id))
        .stack_size(stack)
        .spawn(move || {
            let shared = ctx.shared.clone();
            let code = run_worker(options, ctx);
            shared.finish(code);
        })
}

/// Stack beyond what V8 may use: the Rust frames around it, and natives called from JS that is
/// already near V8's limit.
const THREAD_SLACK: usize = 1024 * 1024;

fn run_worker(options: RuntimeOptions, ctx: WorkerCtx) -> i32 {
    let shared = ctx.shared.clone();
    let mut rt = match Runtime::build(options, Some(ctx)) {
        Ok(rt) => rt,
        Err(err) => {
            *lock(&shared.init_error) = Some(err.to_string());
            return 1;
        }
    };
    let remote = rt.loop_remote();
    *lock(&shared.running) = Some((rt.isolate_handle(), remote));
    if shared.stop.load(Ordering::SeqCst) {
        return 1;
    }
    *lock(&shared.loop_start) = Some(Instant::now());
    let _ = rt.call_hook("runWorker", &[]);
    let code = rt.run_to_completion();
    let fds = rt.take_worker_fds();
    drop(rt);
    for fd in fds {
        // SAFETY: a descriptor this worker opened and never closed; nothing uses it any more.
        unsafe {
            libc::close(fd);
        }
    }
    code
}

/// The stack limit V8 should use on this thread: `stack_mb` below the current frame.
/// The lowest stack address JS may use on this (a worker's) thread: `stackSizeMb` below the
/// current frame. Always set, as in Node: a worker's depth follows its own `stackSizeMb`, not
/// the process's `--stack-size`.
pub(crate) fn stack_limit(limits: &Limits) -> usize {
    let mb = limits.stack_mb();
    let marker = 0u8;
    let here = std::ptr::addr_of!(marker) as usize;
    let bytes = (mb * 1024.0 * 1024.0) as usize;
    here.saturating_sub(bytes.saturating_sub(64 * 1024))
}

/// Node's default `stackSizeMb` for a worker.
const DEFAULT_STACK_MB: f64 = 4.0;

/// V8's isolate parameters for a worker's `resourceLimits`.
pub(crate) fn create_params(ctx: &WorkerCtx) -> v8::CreateParams {
    let mb = |v: f64| (v * 1024.0 * 1024.0) as usize;
    let mut params = v8::CreateParams::default();
    let l = &ctx.limits;
    if l.max_old_mb > 0.0 {
        params = params.set_max_old_generation_size_in_bytes(mb(l.max_old_mb));
    }
    if l.max_young_mb > 0.0 {
        params = params.set_max_young_generation_size_in_bytes(mb(l.max_young_mb));
    }
    if l.code_range_mb > 0.0 {
        params = params.set_code_range_size_in_bytes(mb(l.code_range_mb));
    }
    params
}

/// Near the heap limit: stop the worker (reported as out of memory) and give V8 room to unwind
/// instead of letting it abort the whole process.
unsafe extern "C" fn near_heap_limit(
    data: *mut std::ffi::c_void,
    current: usize,
    _initial: usize,
) -> usize {
    // SAFETY: `data` is the worker's `WorkerShared`, kept alive by its thread until after the
    // isolate is gone.
    let shared = unsafe { &*(data as *const WorkerShared) };
    shared.oom.store(true, Ordering::SeqCst);
    shared.terminate();
    current.saturating_mul(2)
}

/// Set up a new worker runtime's isolate and state (called by `Runtime::build`).
pub(crate) fn prepare(isolate: &mut v8::OwnedIsolate, ctx: &WorkerCtx) {
    let data = Arc::as_ptr(&ctx.shared) as *mut std::ffi::c_void;
    isolate.add_near_heap_limit_callback(near_heap_limit, data);
}

// ===== the parent's handle =====

struct WorkerHandle {
    token: usize,
    shared: Arc<WorkerShared>,
    object: v8::Global<v8::Object>,
    closed: Cell<bool>,
}

impl Handle for WorkerHandle {
    fn ready(self: Rc<Self>, scope: &mut v8::PinScope, _ready: Ready) {
        let Some(code) = *lock(&self.shared.done) else {
            return;
        };
        if self.closed.replace(true) {
            return;
        }
        if let Some(handle) = lock(&self.shared.join).take() {
            let _ = handle.join();
        }
        {
            let st = state(scope);
            st.borrow_mut()
                .children
                .retain(|c| !Arc::ptr_eq(c, &self.shared));
        }
        let oom = self.shared.oom.load(Ordering::SeqCst);
        let init_error = lock(&self.shared.init_error).take();
        let object = self.object.clone();
        io::close_handle(scope, self.token, |_| {});
        let on_exit = state(scope).borrow().worker_on_exit.clone();
        if let Some(f) = on_exit {
            let f = v8::Local::new(scope, f);
            let object = v8::Local::new(scope, object);
            let code = v8::Integer::new(scope, code).into();
            let oom = v8::Boolean::new(scope, oom).into();
            let init_error = match init_error {
                Some(text) => js_string(scope, &text).into(),
                None => v8::undefined(scope).into(),
            };
            crate::call_function(scope, f, &[object.into(), code, oom, init_error]);
        }
    }
}

// ===== binding.worker =====

pub(crate) fn install<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "setup", js_setup);
    set_fn(scope, target, "spawn", js_spawn);
    set_fn(scope, target, "terminate", js_terminate);
    set_fn(scope, target, "setRef", js_set_ref);
    set_fn(scope, target, "hasRef", js_has_ref);
    set_fn(scope, target, "init", js_init);
    set_fn(scope, target, "loopTimes", js_loop_times);
    set_fn(scope, target, "trackFd", js_track_fd);
}

/// `trackFd(fd, open)` in a worker: fs.open/openSync opened `fd` (or fs.close closed it); with
/// `trackUnmanagedFds` the ones still open are closed when the worker ends.
fn js_track_fd(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(fd) = args.get(0).int32_value(scope) else {
        return;
    };
    let open = args.get(1).is_true();
    let st = state(scope);
    let mut st = st.borrow_mut();
    if let Some(ctx) = st.worker.as_mut().filter(|c| c.track_fds) {
        // False when the bookkeeping was off (opened twice, or closed but never opened): the
        // caller warns, as Node does.
        let consistent = if open {
            ctx.fds.insert(fd)
        } else {
            ctx.fds.remove(&fd)
        };
        rv.set_bool(consistent);
    }
}

/// `loopTimes(token)`: `[idle, total]` milliseconds of the worker's loop so far (undefined
/// before it started or after it ended).
fn js_loop_times(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(worker) = worker_of(scope, args.get(0)) else {
        return;
    };
    let Some(start) = *lock(&worker.shared.loop_start) else {
        return;
    };
    let idle = worker.shared.idle_ns.load(Ordering::Relaxed) as f64 / 1e6;
    let total = start.elapsed().as_secs_f64() * 1e3;
    let idle = v8::Number::new(scope, idle).into();
    let total = v8::Number::new(scope, total).into();
    let pair = v8::Array::new_with_elements(scope, &[idle, total]);
    rv.set(pair.into());
}

/// `setup(onExit)`: `onExit(worker, code, outOfMemory, initError)` runs when a worker's thread
/// ended (`initError`: why its runtime could not start).
fn js_setup(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    if let Ok(f) = v8::Local::<v8::Function>::try_from(args.get(0)) {
        state(scope).borrow_mut().worker_on_exit = Some(v8::Global::new(scope, f));
    }
}

fn number(scope: &mut v8::PinScope, object: v8::Local<v8::Object>, name: &str) -> f64 {
    let key = js_string(scope, name);
    object
        .get(scope, key.into())
        .filter(|v| v.is_number())
        .and_then(|v| v.number_value(scope))
        .filter(|n| n.is_finite() && *n > 0.0)
        .unwrap_or(0.0)
}

/// `spawn(worker, publicPort, internalPort, limits, name, trackUnmanagedFds)` →
/// `[threadId, token]`: start the thread with the two ports' other ends (the given port objects
/// move to the worker).
fn js_spawn(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Ok(object) = v8::Local::<v8::Object>::try_from(args.get(0)) else {
        return;
    };
    let options = state(scope).borrow().options.clone();
    let Some(options) = options else {
        return;
    };
    let (Some(public), Some(internal)) = (
        messaging::take_port(scope, args.get(1)),
        messaging::take_port(scope, args.get(2)),
    ) else {
        crate::native::throw_type_error(scope, "ERR_INVALID_ARG_TYPE", "worker ports are closed");
        return;
    };
    let limits = match v8::Local::<v8::Object>::try_from(args.get(3)) {
        Ok(l) => Limits {
            max_old_mb: number(scope, l, "maxOldGenerationSizeMb"),
            max_young_mb: number(scope, l, "maxYoungGenerationSizeMb"),
            code_range_mb: number(scope, l, "codeRangeSizeMb"),
            stack_mb: number(scope, l, "stackSizeMb"),
        },
        Err(_) => Limits::default(),
    };
    let name = if args.get(4).is_string() {
        args.get(4).to_rust_string_lossy(scope)
    } else {
        String::new()
    };
    let thread_id = NEXT_THREAD_ID.fetch_add(1, Ordering::Relaxed);
    let parent_id = state(scope)
        .borrow()
        .worker
        .as_ref()
        .map_or(0, |w| w.shared.thread_id);
    let shared = Arc::new(WorkerShared {
        thread_id,
        parent_id,
        stop: Arc::new(AtomicBool::new(false)),
        oom: AtomicBool::new(false),
        init_error: Mutex::new(None),
        running: Mutex::new(None),
        done: Mutex::new(None),
        done_signal: Condvar::new(),
        join: Mutex::new(None),
        parent: Mutex::new(None),
        idle_ns: Arc::new(AtomicU64::new(0)),
        loop_start: Mutex::new(None),
    });
    let global = v8::Global::new(scope, object);
    let handle = io::open_handle(scope, |token| WorkerHandle {
        token: token.0,
        shared: shared.clone(),
        object: global,
        closed: Cell::new(false),
    });
    let token = handle.token;
    io::set_handle_active(scope, token, true);
    let remote = state(scope).borrow().event_loop.io.remote();
    *lock(&shared.parent) = Some((remote, token));
    let ctx = WorkerCtx {
        shared: shared.clone(),
        ports: Some((public, internal)),
        name,
        limits,
        track_fds: !args.get(5).is_false(),
        fds: Default::default(),
    };
    let options = RuntimeOptions {
        v8_flags: Vec::new(),
        keep_builtins: false,
        ..(*options).clone()
    };
    match spawn_thread(options, ctx) {
        Ok(join) => *lock(&shared.join) = Some(join),
        Err(err) => {
            // The thread never ran: report it as an exit straight away.
            *lock(&shared.init_error) = Some(err.to_string());
            shared.finish(1);
        }
    }
    state(scope).borrow_mut().children.push(shared);
    let id = v8::Number::new(scope, thread_id as f64).into();
    let tok = v8::Number::new(scope, token as f64).into();
    let pair = v8::Array::new_with_elements(scope, &[id, tok]);
    rv.set(pair.into());
}

fn worker_of(scope: &mut v8::PinScope, value: v8::Local<v8::Value>) -> Option<Rc<WorkerHandle>> {
    let token = value.number_value(scope)?;
    io::handle::<WorkerHandle>(scope, token as usize)
}

/// `terminate(token)`: stop the worker; its 'exit' follows when the thread has ended.
fn js_terminate(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    if let Some(worker) = worker_of(scope, args.get(0)) {
        worker.shared.terminate();
    }
}

fn js_set_ref(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let refed = args.get(1).is_true();
    if let Some(worker) = worker_of(scope, args.get(0)) {
        io::set_handle_ref(scope, worker.token, refed);
    }
}

fn js_has_ref(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let refed = worker_of(scope, args.get(0)).is_some_and(|w| io::handle_has_ref(scope, w.token));
    rv.set_bool(refed);
}

/// `init()` in a worker: `{ threadId, name, ports: [parentPort, internalPort], resourceLimits }`
/// (once); undefined on the main thread.
fn js_init(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let taken = {
        let st = state(scope);
        let mut st = st.borrow_mut();
        st.worker.as_mut().and_then(|w| {
            let ports = w.ports.take()?;
            Some((w.shared.thread_id, w.name.clone(), w.limits, ports))
        })
    };
    let Some((thread_id, name, limits, (public, internal))) = taken else {
        return;
    };
    let (Some(public), Some(internal)) = (
        messaging::adopt_port(scope, public),
        messaging::adopt_port(scope, internal),
    ) else {
        return;
    };
    let out = v8::Object::new(scope);
    let id = v8::Number::new(scope, thread_id as f64).into();
    set_value(scope, out, "threadId", id);
    let name = js_string(scope, &name).into();
    set_value(scope, out, "name", name);
    let ports = v8::Array::new_with_elements(scope, &[public.into(), internal.into()]);
    set_value(scope, out, "ports", ports.into());
    let lim = v8::Object::new(scope);
    for (key, value) in [
        ("maxYoungGenerationSizeMb", limits.max_young_mb),
        ("maxOldGenerationSizeMb", limits.max_old_mb),
        ("codeRangeSizeMb", limits.code_range_mb),
        ("stackSizeMb", limits.stack_mb),
    ] {
        let v = v8::Number::new(scope, value).into();
        set_value(scope, lim, key, v);
    }
    set_value(scope, out, "resourceLimits", lim.into());
    rv.set(out.into());
}
