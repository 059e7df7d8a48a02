//! Node-API thread-safe functions: any thread queues a call; the env's loop thread runs it
//! (through the env's [`Notifier`](super::lifecycle::Notifier), which wakes the poll phase).
//! A thread-safe function keeps the loop alive while it is ref'd and not yet finalized.

use std::collections::VecDeque;
use std::ffi::c_void;
use std::sync::{Arc, Condvar, Mutex};

use eddy_runtime::v8;

use super::lifecycle::{Notifier, Task};
use super::*;

type CallJs = unsafe extern "C" fn(napi_env, napi_value, *mut c_void, *mut c_void);

struct State {
    queue: VecDeque<usize>,
    threads: usize,
    /// The last thread released it, or it was aborted: no more calls are taken.
    closing: bool,
    aborted: bool,
    finalized: bool,
    /// A Task::Tsfn is queued for the loop already.
    posted: bool,
    refed: bool,
}

pub struct Tsfn {
    /// The JS function, touched only on the loop thread (and dropped there, at finalize).
    func: Mutex<Option<v8::Global<v8::Function>>>,
    context: *mut c_void,
    call_js: Option<CallJs>,
    finalize: napi_finalize,
    finalize_data: *mut c_void,
    max_queue: usize,
    state: Mutex<State>,
    space: Condvar,
    notifier: Arc<Notifier>,
}

// SAFETY: other threads only touch `state`, `space` and `notifier`; the rest is read or
// dropped on the loop thread.
unsafe impl Send for Tsfn {}
unsafe impl Sync for Tsfn {}

/// The `napi_threadsafe_function` handle: one `Arc` strong count owned by the loop until the
/// function is finalized.
pub type napi_threadsafe_function = *const Tsfn;

impl Tsfn {
    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Post the function to the loop unless it already is (called with the state locked).
fn post(tsfn: &Arc<Tsfn>, state: &mut State) {
    if !state.posted {
        state.posted = true;
        tsfn.notifier.post(Task::Tsfn(tsfn.clone()));
    }
}

/// A borrowed `Arc` from the raw handle (the loop's count keeps it alive).
unsafe fn borrow(handle: napi_threadsafe_function) -> Arc<Tsfn> {
    unsafe {
        Arc::increment_strong_count(handle);
        Arc::from_raw(handle)
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_create_threadsafe_function(
    env: napi_env,
    func: napi_value,
    _async_resource: napi_value,
    _async_resource_name: napi_value,
    max_queue_size: usize,
    initial_thread_count: usize,
    thread_finalize_data: *mut c_void,
    thread_finalize_cb: napi_finalize,
    context: *mut c_void,
    call_js_cb: Option<CallJs>,
    result: *mut napi_threadsafe_function,
) -> napi_status {
    unsafe {
        run(env, |e, scope| {
            arg!(result);
            if initial_thread_count == 0 {
                return Err(INVALID_ARG);
            }
            let func = match from_napi(func) {
                None if call_js_cb.is_none() => return Err(INVALID_ARG),
                None => None,
                Some(f) => {
                    let f =
                        v8::Local::<v8::Function>::try_from(f).map_err(|_| FUNCTION_EXPECTED)?;
                    Some(v8::Global::new(scope, f))
                }
            };
            let tsfn = Arc::new(Tsfn {
                func: Mutex::new(func),
                context,
                call_js: call_js_cb,
                finalize: thread_finalize_cb,
                finalize_data: thread_finalize_data,
                max_queue: max_queue_size,
                state: Mutex::new(State {
                    queue: VecDeque::new(),
                    threads: initial_thread_count,
                    closing: false,
                    aborted: false,
                    finalized: false,
                    posted: false,
                    refed: true,
                }),
                space: Condvar::new(),
                notifier: e.notifier.clone(),
            });
            e.life.tsfn_refs += 1;
            lifecycle::update_ref(env, scope);
            put(result, Arc::into_raw(tsfn));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_threadsafe_function_context(
    func: napi_threadsafe_function,
    result: *mut *mut c_void,
) -> napi_status {
    if func.is_null() || result.is_null() {
        return INVALID_ARG;
    }
    unsafe { put(result, (*func).context) };
    OK
}

/// Queue a call from any thread. Blocking mode waits for room in a bounded queue.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_call_threadsafe_function(
    func: napi_threadsafe_function,
    data: *mut c_void,
    is_blocking: c_int,
) -> napi_status {
    if func.is_null() {
        return INVALID_ARG;
    }
    let tsfn = unsafe { borrow(func) };
    let mut state = tsfn.lock();
    loop {
        if state.aborted || state.closing {
            return if state.threads == 0 {
                INVALID_ARG
            } else {
                CLOSING
            };
        }
        if tsfn.max_queue == 0 || state.queue.len() < tsfn.max_queue {
            break;
        }
        if is_blocking == 0 {
            return QUEUE_FULL;
        }
        state = tsfn.space.wait(state).unwrap_or_else(|e| e.into_inner());
    }
    state.queue.push_back(data as usize);
    post(&tsfn, &mut state);
    OK
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_acquire_threadsafe_function(
    func: napi_threadsafe_function,
) -> napi_status {
    if func.is_null() {
        return INVALID_ARG;
    }
    let tsfn = unsafe { borrow(func) };
    let mut state = tsfn.lock();
    if state.closing || state.aborted {
        return CLOSING;
    }
    state.threads += 1;
    OK
}

/// `mode` 0 = release, 1 = abort. The last release (or an abort) closes the function; it is
/// finalized on the loop once its queue is empty (an abort drops the queued calls).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_release_threadsafe_function(
    func: napi_threadsafe_function,
    mode: c_int,
) -> napi_status {
    if func.is_null() {
        return INVALID_ARG;
    }
    let tsfn = unsafe { borrow(func) };
    let mut state = tsfn.lock();
    if state.threads == 0 {
        return INVALID_ARG;
    }
    state.threads -= 1;
    if state.threads == 0 || mode == 1 {
        if !state.closing {
            state.closing = true;
            state.aborted = mode == 1;
        }
        tsfn.space.notify_all();
        post(&tsfn, &mut state);
    }
    OK
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_ref_threadsafe_function(
    env: napi_env,
    func: napi_threadsafe_function,
) -> napi_status {
    unsafe { set_ref(env, func, true) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_unref_threadsafe_function(
    env: napi_env,
    func: napi_threadsafe_function,
) -> napi_status {
    unsafe { set_ref(env, func, false) }
}

unsafe fn set_ref(env: napi_env, func: napi_threadsafe_function, refed: bool) -> napi_status {
    unsafe {
        run(env, |e, scope| {
            arg!(func);
            let tsfn = borrow(func);
            let mut state = tsfn.lock();
            if state.finalized || state.refed == refed {
                return Ok(());
            }
            state.refed = refed;
            drop(state);
            if refed {
                e.life.tsfn_refs += 1;
            } else {
                e.life.tsfn_refs -= 1;
            }
            lifecycle::update_ref(env, scope);
            Ok(())
        })
    }
}

/// How many queued calls one dispatch runs before yielding to the rest of the loop.
const BATCH: usize = 1000;

/// On the loop thread: run the queued calls, then finalize the function if it is closing.
pub(crate) fn dispatch(env: napi_env, scope: &mut v8::PinScope, tsfn: &Arc<Tsfn>) {
    for _ in 0..BATCH {
        let item = {
            let mut state = tsfn.lock();
            if state.finalized {
                return;
            }
            if state.aborted {
                None
            } else {
                let item = state.queue.pop_front();
                if item.is_some() {
                    tsfn.space.notify_one();
                }
                item
            }
        };
        let Some(data) = item else {
            let mut state = tsfn.lock();
            state.posted = false;
            if state.closing {
                drop(state);
                finalize(env, scope, tsfn);
            }
            return;
        };
        v8::scope!(let scope, scope);
        call_one(env, scope, tsfn, data as *mut c_void);
    }
    // More calls are waiting: come back in the next poll phase rather than starve the loop.
    let mut state = tsfn.lock();
    state.posted = false;
    post(tsfn, &mut state);
}

fn call_one(env: napi_env, scope: &mut v8::PinScope, tsfn: &Tsfn, data: *mut c_void) {
    let func = {
        let func = tsfn.func.lock().unwrap_or_else(|e| e.into_inner());
        func.as_ref().map(|f| v8::Local::new(scope, f))
    };
    enter(env, scope, || {
        let scope = unsafe { (*env).scope() };
        match (tsfn.call_js, func) {
            (Some(call_js), f) => {
                let js = f.map_or(std::ptr::null_mut(), |f| to_napi(f.into()));
                unsafe { call_js(env, js, tsfn.context, data) };
            }
            (None, Some(f)) => {
                // No call_js_cb: call the function with no arguments, as Node does.
                if let Some(scope) = scope {
                    let recv = v8::undefined(scope).into();
                    unsafe { napi_call_function_raw(env, recv, f) };
                }
            }
            (None, None) => {}
        }
    });
    after_loop_call(env, scope, true);
}

unsafe fn napi_call_function_raw(
    env: napi_env,
    recv: v8::Local<v8::Value>,
    f: v8::Local<v8::Function>,
) {
    let mut result = std::ptr::null_mut();
    unsafe {
        functions::napi_call_function(
            env,
            to_napi(recv),
            to_napi(f.into()),
            0,
            std::ptr::null(),
            &mut result,
        )
    };
}

fn finalize(env: napi_env, scope: &mut v8::PinScope, tsfn: &Arc<Tsfn>) {
    let (leftover, refed) = {
        let mut state = tsfn.lock();
        if state.finalized {
            return;
        }
        state.finalized = true;
        (std::mem::take(&mut state.queue), state.refed)
    };
    v8::scope!(let scope, scope);
    enter(env, scope, || {
        // Calls dropped by an abort still reach call_js_cb, with no env, so it can free them.
        if let Some(call_js) = tsfn.call_js {
            for data in leftover {
                unsafe {
                    call_js(
                        std::ptr::null_mut(),
                        std::ptr::null_mut(),
                        tsfn.context,
                        data as *mut c_void,
                    )
                };
            }
        }
        if let Some(cb) = tsfn.finalize {
            unsafe { cb(env, tsfn.finalize_data, tsfn.context) };
        }
    });
    after_loop_call(env, scope, false);
    drop(tsfn.func.lock().unwrap_or_else(|e| e.into_inner()).take());
    if refed {
        unsafe { (*env).life.tsfn_refs -= 1 };
        lifecycle::update_ref(env, scope);
    }
    // Drop the loop's count: the handle is dead now, as in Node.
    unsafe { Arc::decrement_strong_count(Arc::as_ptr(tsfn)) };
}
