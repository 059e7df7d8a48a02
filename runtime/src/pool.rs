//! The worker pool: blocking jobs (file system, dns, crypto, zlib) run on tokio's blocking
//! threads, never on the loop thread. A finished job is queued with its result and the loop is
//! woken through the mio `Waker`; its completion — the part that touches JS — runs later on the
//! loop thread, in the poll phase, as libuv runs `uv__work_done`.
//!
//! Size: `UV_THREADPOOL_SIZE` (default 4, clamped to 1..=1024), read when the first job starts.

use std::any::Any;
use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::sync::{Arc, Mutex};

/// A job's result, type-erased for the trip back to the loop thread.
type Erased = Box<dyn Any + Send>;
/// Why a job produced no value: it panicked, with this message.
pub type JobPanic = String;
type Completion = Box<dyn for<'s, 'i> FnOnce(&mut v8::PinScope<'s, 'i>, Result<Erased, JobPanic>)>;
/// Jobs that finished on a worker, waiting for the loop: (request id, result).
type Finished = Arc<Mutex<Vec<(u64, Result<Erased, JobPanic>)>>>;

/// Jobs in flight and the finished ones waiting for the loop.
pub(crate) struct Pool {
    /// The blocking-thread pool, started on first use so scripts without I/O don't pay for it.
    threads: Option<tokio::runtime::Runtime>,
    /// Finished jobs: (request id, result). Filled by workers, drained by the loop.
    done: Finished,
    /// Completions of jobs still running or not yet delivered, by request id.
    completions: HashMap<u64, Completion>,
    next_id: u64,
    waker: Arc<mio::Waker>,
}

impl Pool {
    pub fn new(waker: Arc<mio::Waker>) -> Self {
        Pool {
            threads: None,
            done: Arc::new(Mutex::new(Vec::new())),
            completions: HashMap::new(),
            next_id: 0,
            waker,
        }
    }

    /// Jobs submitted whose completion has not run yet: each keeps the loop alive.
    pub fn pending(&self) -> usize {
        self.completions.len()
    }

    fn submit_erased(
        &mut self,
        job: Box<dyn FnOnce() -> Erased + Send>,
        completion: Completion,
    ) -> std::io::Result<()> {
        if self.threads.is_none() {
            self.threads = Some(
                tokio::runtime::Builder::new_current_thread()
                    .max_blocking_threads(pool_size())
                    .thread_name("eddy-pool")
                    .build()?,
            );
        }
        let id = self.next_id;
        self.next_id += 1;
        self.completions.insert(id, completion);
        let done = self.done.clone();
        let waker = self.waker.clone();
        let threads = self
            .threads
            .as_ref()
            .expect("pool threads were just started");
        threads.spawn_blocking(move || {
            // A panicking job becomes an error for its callback, not a crashed process.
            let result = std::panic::catch_unwind(AssertUnwindSafe(job)).map_err(panic_message);
            let first = {
                let mut done = done.lock().unwrap_or_else(|e| e.into_inner());
                done.push((id, result));
                done.len() == 1
            };
            // A job that finds others waiting was preceded by their wake, and the loop takes
            // them all at once: waking it again is a wasted syscall (and, when the loop
            // thread sleeps, a cross-CPU interrupt).
            if first {
                let _ = waker.wake();
            }
        });
        Ok(())
    }

    /// Move the finished jobs out from under the lock, paired with their completions.
    pub fn take_finished(&mut self) -> Vec<(Completion, Result<Erased, JobPanic>)> {
        let finished = std::mem::take(&mut *self.done.lock().unwrap_or_else(|e| e.into_inner()));
        finished
            .into_iter()
            .filter_map(|(id, result)| Some((self.completions.remove(&id)?, result)))
            .collect()
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        // Don't wait for jobs still running at exit (a read from a FIFO may never finish).
        if let Some(threads) = self.threads.take() {
            threads.shutdown_background();
        }
    }
}

fn pool_size() -> usize {
    std::env::var("UV_THREADPOOL_SIZE")
        .ok()
        .and_then(|s| s.trim().parse::<usize>().ok())
        .unwrap_or(4)
        .clamp(1, 1024)
}

fn panic_message(payload: Box<dyn Any + Send>) -> JobPanic {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "worker job panicked".to_string()
    }
}

/// Run `job` on the worker pool; when it finishes, `complete` runs on the loop thread with its
/// result (or the panic message). The pending job keeps the loop alive until then.
///
/// # Examples
///
/// ```no_run
/// # fn binding(scope: &mut v8::PinScope) {
/// eddy_runtime::submit(
///     scope,
///     || std::fs::read("/etc/hostname"),
///     |scope, result| {
///         // Back on the loop thread: build JS values and call the JS callback here, through
///         // eddy_runtime::call_function so nextTick and microtasks drain after it.
///         let _ = (scope, result);
///     },
/// );
/// # }
/// ```
pub fn submit<T, J, C>(scope: &mut v8::PinScope, job: J, complete: C)
where
    T: Send + 'static,
    J: FnOnce() -> T + Send + 'static,
    C: for<'s, 'i> FnOnce(&mut v8::PinScope<'s, 'i>, Result<T, JobPanic>) + 'static,
{
    let erased_job: Box<dyn FnOnce() -> Erased + Send> =
        Box::new(move || Box::new(job()) as Erased);
    let completion: Completion = Box::new(move |scope, result| {
        let typed = result.map(|b| {
            *b.downcast::<T>()
                .expect("job result has the submitted type")
        });
        complete(scope, typed);
    });
    let state = crate::state::state(scope);
    let started = state
        .borrow_mut()
        .event_loop
        .pool
        .submit_erased(erased_job, completion);
    if let Err(err) = started {
        crate::errors::throw_io_error(scope, &err, "uv_queue_work", None);
    }
}

/// The node.threadpoolwork trace events: Node records each ThreadPoolWork as an async pair
/// (b/e) on the loop thread, from its submission to its completion, and a B/E pair on the pool
/// thread around the work itself. While JS has those categories on (`poolTrace(true)`),
/// `submit_work` notes the instants here (CLOCK_MONOTONIC) until the trace file is written.
#[derive(Default)]
pub(crate) struct PoolTrace {
    pub(crate) on: bool,
    next_id: u64,
    pub(crate) events: Vec<PoolTraceEvent>,
}

pub(crate) struct PoolTraceEvent {
    /// Node's name for the work: "zlib", "crypto", ...
    pub kind: &'static str,
    /// 'b'/'e' (the async pair, loop thread) or 'B'/'E' (the work, pool thread).
    pub phase: char,
    pub ns: u64,
    /// The OS thread of a B/E pair (0 for the loop thread).
    pub tid: i64,
    pub id: u64,
}

fn note(scope: &mut v8::PinScope, kind: &'static str, phase: char, ns: u64, tid: i64, id: u64) {
    if let Some(trace) = scope.get_slot_mut::<PoolTrace>() {
        trace.events.push(PoolTraceEvent {
            kind,
            phase,
            ns,
            tid,
            id,
        });
    }
}

/// [`submit`] for work Node traces as a thread-pool job of `kind` ("zlib", "crypto").
pub fn submit_work<T, J, C>(scope: &mut v8::PinScope, kind: &'static str, job: J, complete: C)
where
    T: Send + 'static,
    J: FnOnce() -> T + Send + 'static,
    C: for<'s, 'i> FnOnce(&mut v8::PinScope<'s, 'i>, Result<T, JobPanic>) + 'static,
{
    let id = match scope.get_slot_mut::<PoolTrace>() {
        Some(trace) if trace.on => {
            trace.next_id += 1;
            trace.next_id
        }
        _ => return submit(scope, job, complete),
    };
    note(scope, kind, 'b', crate::v8api::monotonic_ns(), 0, id);
    submit(
        scope,
        move || {
            // SAFETY: gettid has no preconditions.
            let tid = unsafe { libc::syscall(libc::SYS_gettid) } as i64;
            let start = crate::v8api::monotonic_ns();
            let value = job();
            (value, start, crate::v8api::monotonic_ns(), tid)
        },
        move |scope, result| {
            let result = result.map(|(value, start, end, tid)| {
                note(scope, kind, 'B', start, tid, id);
                note(scope, kind, 'E', end, tid, id);
                value
            });
            note(scope, kind, 'e', crate::v8api::monotonic_ns(), 0, id);
            complete(scope, result);
        },
    );
}

#[cfg(test)]
mod tests {
    use crate::{Runtime, RuntimeOptions, set_fn};

    /// `work(shouldPanic, cb)`: a pool job that panics or returns 7; cb gets (error, value).
    fn work(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
        let should_panic = args.get(0).is_true();
        let Ok(cb) = v8::Local::<v8::Function>::try_from(args.get(1)) else {
            return;
        };
        let cb = v8::Global::new(scope, cb);
        super::submit(
            scope,
            move || {
                if should_panic {
                    panic!("job exploded");
                }
                7
            },
            move |scope, result| {
                let cb = v8::Local::new(scope, cb);
                let args: Vec<v8::Local<v8::Value>> = match result {
                    Ok(n) => vec![v8::null(scope).into(), v8::Integer::new(scope, n).into()],
                    Err(message) => vec![crate::js_string(scope, &message).into()],
                };
                crate::call_function(scope, cb, &args);
            },
        );
    }

    static BOOT: &[(&str, &str)] = &[(
        "boot",
        "module.exports = { evaluate: (src) => binding.runtime.runScript(src, 'test') };",
    )];

    #[test]
    fn threadpool_job_panic_becomes_callback_error() {
        let mut rt = Runtime::new(RuntimeOptions {
            builtins: BOOT,
            bootstrap: "boot",
            globals: vec![crate::NativeModule {
                name: "pool",
                init: |scope, target| set_fn(scope, target, "work", work),
            }],
            ..Default::default()
        })
        .unwrap();
        rt.eval::<()>(
            "globalThis.log = []; \
             pool.work(true, (err) => log.push('panicked: ' + err)); \
             pool.work(false, (err, v) => log.push('ok: ' + v));",
        )
        .unwrap();
        assert_eq!(rt.run_to_completion(), 0);
        let mut log: String = rt.eval("log.sort().join('|')").unwrap();
        log = log.replace('\n', " ");
        assert_eq!(log, "ok: 7|panicked: job exploded");
    }
}
