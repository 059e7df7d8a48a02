//! Node-API async work (an `execute` callback on Eddy's worker pool, `complete` on the loop
//! thread), promises, and `napi_run_script`.

use std::ffi::c_void;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};

use eddy_runtime::v8;

use super::*;

type Execute = unsafe extern "C" fn(napi_env, *mut c_void);
type Complete = Option<unsafe extern "C" fn(napi_env, napi_status, *mut c_void)>;

const IDLE: u8 = 0;
const QUEUED: u8 = 1;
const STARTED: u8 = 2;
const CANCELLED: u8 = 3;
/// `complete` is running (it may delete or re-queue the work).
const COMPLETING: u8 = 4;

pub struct AsyncWork {
    env: napi_env,
    execute: Execute,
    complete: Complete,
    data: *mut c_void,
    /// IDLE → QUEUED → STARTED (a worker took it) or CANCELLED (napi_cancel_async_work).
    state: Arc<AtomicU8>,
    /// napi_delete_async_work came while the work was in flight: free it after `complete`.
    deleted: bool,
}

/// Raw pointers moved to a pool thread. The addon's `execute` owns what they point at while it
/// runs; Node-API forbids it to touch JS.
struct SendPtr(napi_env, *mut c_void);
unsafe impl Send for SendPtr {}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_create_async_work(
    env: napi_env,
    _async_resource: napi_value,
    _async_resource_name: napi_value,
    execute: Option<Execute>,
    complete: Complete,
    data: *mut c_void,
    result: *mut *mut AsyncWork,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(result);
            let execute = execute.ok_or(INVALID_ARG)?;
            let work = AsyncWork {
                env,
                execute,
                complete,
                data,
                state: Arc::new(AtomicU8::new(IDLE)),
                deleted: false,
            };
            put(result, Box::into_raw(Box::new(work)));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_delete_async_work(
    env: napi_env,
    work: *mut AsyncWork,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(work);
            let state = (*work).state.load(Ordering::SeqCst);
            if state != IDLE {
                (*work).deleted = true;
            } else {
                drop(Box::from_raw(work));
            }
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_queue_async_work(env: napi_env, work: *mut AsyncWork) -> napi_status {
    unsafe {
        run(env, |_, scope| {
            arg!(work);
            let w = &mut *work;
            let now = w.state.load(Ordering::SeqCst);
            if now != IDLE && now != COMPLETING {
                return Err(GENERIC_FAILURE);
            }
            w.state.store(QUEUED, Ordering::SeqCst);
            let state = w.state.clone();
            let job_state = w.state.clone();
            let ptrs = SendPtr(w.env, w.data);
            let execute = w.execute;
            let work_addr = work as usize;
            eddy_runtime::submit(
                scope,
                move || {
                    let ptrs = ptrs;
                    if job_state
                        .compare_exchange(QUEUED, STARTED, Ordering::SeqCst, Ordering::SeqCst)
                        .is_ok()
                    {
                        execute(ptrs.0, ptrs.1);
                    }
                },
                move |scope, _result| {
                    let work = work_addr as *mut AsyncWork;
                    let status = if state.load(Ordering::SeqCst) == CANCELLED {
                        super::CANCELLED
                    } else {
                        OK
                    };
                    state.store(COMPLETING, Ordering::SeqCst);
                    let (env, complete, data) = ((*work).env, (*work).complete, (*work).data);
                    if let Some(complete) = complete {
                        v8::scope!(let scope, scope);
                        enter(env, scope, || complete(env, status, data));
                        after_loop_call(env, scope, false);
                    }
                    if (*work).deleted {
                        drop(Box::from_raw(work));
                    } else {
                        let _ = state.compare_exchange(
                            COMPLETING,
                            IDLE,
                            Ordering::SeqCst,
                            Ordering::SeqCst,
                        );
                    }
                },
            );
            Ok(())
        })
    }
}

/// Cancel work a worker has not started yet: `complete` then gets `napi_cancelled`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_cancel_async_work(
    env: napi_env,
    work: *mut AsyncWork,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(work);
            (*work)
                .state
                .compare_exchange(QUEUED, CANCELLED, Ordering::SeqCst, Ordering::SeqCst)
                .map_err(|_| GENERIC_FAILURE)?;
            Ok(())
        })
    }
}

// ===== promises =====

pub struct Deferred(v8::Global<v8::PromiseResolver>);

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_create_promise(
    env: napi_env,
    deferred: *mut *mut Deferred,
    promise: *mut napi_value,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            arg!(deferred);
            arg!(promise);
            let resolver = v8::PromiseResolver::new(scope).ok_or(GENERIC_FAILURE)?;
            let p = resolver.get_promise(scope);
            put(
                deferred,
                Box::into_raw(Box::new(Deferred(v8::Global::new(scope, resolver)))),
            );
            put(promise, to_napi(p.into()));
            Ok(())
        })
    }
}

unsafe fn conclude(
    env: napi_env,
    deferred: *mut Deferred,
    value: napi_value,
    resolve: bool,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            arg!(deferred);
            let v = val(value)?;
            let d = Box::from_raw(deferred);
            let resolver = v8::Local::new(scope, &d.0);
            let done = if resolve {
                resolver.resolve(scope, v)
            } else {
                resolver.reject(scope, v)
            };
            done.ok_or(GENERIC_FAILURE)?;
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_resolve_deferred(
    env: napi_env,
    deferred: *mut Deferred,
    resolution: napi_value,
) -> napi_status {
    unsafe { conclude(env, deferred, resolution, true) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_reject_deferred(
    env: napi_env,
    deferred: *mut Deferred,
    rejection: napi_value,
) -> napi_status {
    unsafe { conclude(env, deferred, rejection, false) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_is_promise(
    env: napi_env,
    value: napi_value,
    is_promise: *mut bool,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(is_promise);
            put(is_promise, val(value)?.is_promise());
            Ok(())
        })
    }
}

// ===== scripts =====

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_run_script(
    env: napi_env,
    script: napi_value,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            arg!(result);
            let source =
                v8::Local::<v8::String>::try_from(val(script)?).map_err(|_| STRING_EXPECTED)?;
            // A script that fails to compile or throws gives napi_generic_failure, as in Node.
            let compiled = v8::Script::compile(scope, source, None).ok_or(GENERIC_FAILURE)?;
            let value = compiled.run(scope).ok_or(GENERIC_FAILURE)?;
            put(result, to_napi(value));
            Ok(())
        })
    }
}
