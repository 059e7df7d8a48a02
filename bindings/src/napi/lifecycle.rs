//! Node-API object lifetimes: references, wraps, finalizers, externals, handle scopes,
//! instance data and cleanup hooks, plus each env's [`Notifier`]: the queue through which GC
//! finalizers and other threads (thread-safe functions) reach the env's loop thread.
//!
//! Finalizers never run inside V8's GC: the weak callback only queues them, and they run on
//! the loop thread in the poll phase with a handle scope, so they may call any napi function,
//! as Node 20 allows.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ffi::c_void;
use std::io::{Read, Write};
use std::rc::Rc;
use std::sync::{Arc, Mutex, OnceLock};

use eddy_runtime::{Handle, Ready, v8};

use super::*;

/// Work for the loop thread, queued from GC callbacks or other threads.
pub(crate) enum Task {
    /// Call `cb(env, data, hint)`; `weak` names the weak entry it came from (dropped first).
    Finalize {
        cb: napi_finalize,
        data: *mut c_void,
        hint: *mut c_void,
        weak: Option<u64>,
    },
    /// A thread-safe function has calls queued or is closing.
    Tsfn(Arc<tsfn::Tsfn>),
}

// SAFETY: the pointers are only dereferenced by the addon's callbacks on the loop thread.
unsafe impl Send for Task {}

/// The cross-thread queue into one env's loop: tasks plus a pipe that wakes the poll phase.
#[derive(Default)]
pub struct Notifier {
    tasks: Mutex<Vec<Task>>,
    pipe: OnceLock<eddy_runtime::mio::unix::pipe::Sender>,
}

impl Notifier {
    /// Queue `task`; the first task of a batch writes one byte to wake the loop (the loop
    /// reads the pipe empty before it takes the batch, so no wake-up is lost).
    pub(crate) fn post(&self, task: Task) {
        let first = {
            let mut tasks = self.tasks.lock().unwrap_or_else(|e| e.into_inner());
            tasks.push(task);
            tasks.len() == 1
        };
        if first && let Some(mut tx) = self.pipe.get() {
            let _ = tx.write(&[1]);
        }
    }

    fn take(&self) -> Vec<Task> {
        std::mem::take(&mut *self.tasks.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// The loop-side state of an env.
#[derive(Default)]
pub(crate) struct Life {
    /// The notifier's handle in the loop's table (its ref keeps the loop alive for ref'd
    /// thread-safe functions).
    token: usize,
    /// Ref'd thread-safe functions still open.
    pub tsfn_refs: usize,
    /// Weak handles with a finalizer (wraps, `napi_add_finalizer`, externals), by id, with the
    /// wrap record they own, if any, and the finalizer to run at teardown if still alive.
    weak: HashMap<u64, WeakEntry>,
    next_id: u64,
    /// `napi_open_handle_scope` nesting.
    scopes: usize,
    async_cleanup: Vec<*mut AsyncCleanup>,
}

struct WeakEntry {
    _weak: v8::Weak<v8::Value>,
    /// Native data that lives as long as the value (a function's callback record).
    _owned: Option<Box<dyn std::any::Any>>,
    /// Owned here; the object's private slot points at it.
    _wrap: Option<Box<WrapInfo>>,
    finalize: (napi_finalize, *mut c_void, *mut c_void),
}

/// What a wrapped object's private slot points at.
struct WrapInfo {
    native: *mut c_void,
    id: u64,
}

struct NotifierHandle {
    env: napi_env,
    rx: RefCell<eddy_runtime::mio::unix::pipe::Receiver>,
}

impl Handle for NotifierHandle {
    fn ready(self: Rc<Self>, scope: &mut v8::PinScope, _ready: Ready) {
        let mut buf = [0u8; 64];
        while matches!(self.rx.borrow_mut().read(&mut buf), Ok(n) if n > 0) {}
        let notifier = unsafe { (*self.env).notifier.clone() };
        for task in notifier.take() {
            v8::scope!(let scope, scope);
            run_task(self.env, scope, task);
        }
    }
}

fn run_task(env: napi_env, scope: &mut v8::PinScope, task: Task) {
    match task {
        Task::Finalize {
            cb,
            data,
            hint,
            weak,
        } => {
            if let Some(id) = weak {
                unsafe { (*env).life.weak.remove(&id) };
            }
            if let Some(cb) = cb {
                enter(env, scope, || unsafe { cb(env, data, hint) });
                after_loop_call(env, scope, false);
            }
        }
        Task::Tsfn(t) => tsfn::dispatch(env, scope, &t),
    }
}

/// Open the env's notifier: a pipe whose read end sits in the loop's handle table, unref'd.
pub(crate) fn open_notifier(scope: &mut v8::PinScope, env: napi_env) {
    let Ok((tx, mut rx)) = eddy_runtime::mio::unix::pipe::new() else {
        return;
    };
    let mut token = 0;
    let registry = eddy_runtime::registry(scope);
    let handle = eddy_runtime::open_handle(scope, |t| {
        token = t.0;
        let _ = registry.register(&mut rx, t, eddy_runtime::mio::Interest::READABLE);
        NotifierHandle {
            env,
            rx: RefCell::new(rx),
        }
    });
    drop(handle);
    eddy_runtime::set_handle_active(scope, token, true);
    eddy_runtime::set_handle_ref(scope, token, false);
    let e = unsafe { &mut *env };
    e.life.token = token;
    let _ = e.notifier.pipe.set(tx);
}

/// The loop stays alive while the env has ref'd thread-safe functions.
pub(crate) fn update_ref(env: napi_env, scope: &mut v8::PinScope) {
    let e = unsafe { &mut *env };
    eddy_runtime::set_handle_ref(scope, e.life.token, e.life.tsfn_refs > 0);
}

pub(crate) fn notifier(env: napi_env) -> Arc<Notifier> {
    unsafe { (*env).notifier.clone() }
}

/// Watch `value` weakly; when it is collected `finalize` runs on the loop. Returns the id.
fn watch(
    e: &mut Env,
    scope: &mut Scope,
    env: napi_env,
    value: v8::Local<'static, v8::Value>,
    finalize: (napi_finalize, *mut c_void, *mut c_void),
    wrap_native: Option<*mut c_void>,
    owned: Option<Box<dyn std::any::Any>>,
) -> (u64, Option<*mut WrapInfo>) {
    let id = e.life.next_id;
    e.life.next_id += 1;
    let notifier = e.notifier.clone();
    let (cb, data, hint) = finalize;
    let (data, hint) = (data as usize, hint as usize);
    let weak = v8::Weak::with_finalizer(
        scope,
        value,
        Box::new(move |_| {
            notifier.post(Task::Finalize {
                cb,
                data: data as *mut c_void,
                hint: hint as *mut c_void,
                weak: Some(id),
            })
        }),
    );
    let mut wrap = wrap_native.map(|native| Box::new(WrapInfo { native, id }));
    let wrap_ptr = wrap.as_deref_mut().map(|w| w as *mut WrapInfo);
    let _ = env;
    e.life.weak.insert(
        id,
        WeakEntry {
            _weak: weak,
            _owned: owned,
            _wrap: wrap,
            finalize,
        },
    );
    (id, wrap_ptr)
}

/// Keep `owned` until `value` is collected (then it is dropped on the loop thread).
pub(crate) fn own_until_collected(
    env: napi_env,
    scope: &mut Scope,
    value: v8::Local<'static, v8::Value>,
    owned: Box<dyn std::any::Any>,
) {
    let e = unsafe { &mut *env };
    let none = std::ptr::null_mut();
    watch(e, scope, env, value, (None, none, none), None, Some(owned));
}

/// At teardown: run the finalizers of everything still alive (Node's FinalizeAll).
pub(crate) fn finalize_all(env: napi_env) {
    let entries: Vec<WeakEntry> = unsafe { (*env).life.weak.drain().map(|(_, v)| v).collect() };
    for entry in entries {
        let (cb, data, hint) = entry.finalize;
        if let Some(cb) = cb {
            unsafe { cb(env, data, hint) };
        }
    }
}

// ===== references =====

pub struct Reference {
    count: u32,
    strong: Option<v8::Global<v8::Value>>,
    weak: Option<v8::Weak<v8::Value>>,
}

pub type napi_ref = *mut Reference;

fn can_be_weak(v: v8::Local<v8::Value>) -> bool {
    v.is_object() || v.is_symbol()
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_create_reference(
    env: napi_env,
    value: napi_value,
    initial_refcount: u32,
    result: *mut napi_ref,
) -> napi_status {
    unsafe {
        run(env, |e, scope| {
            arg!(result);
            let v = val(value)?;
            if e.module_api_version <= 8 && !(v.is_object() || v.is_symbol()) {
                return Err(INVALID_ARG);
            }
            let reference = if initial_refcount > 0 || !can_be_weak(v) {
                Reference {
                    count: initial_refcount,
                    strong: Some(v8::Global::new(scope, v)),
                    weak: None,
                }
            } else {
                Reference {
                    count: 0,
                    strong: None,
                    weak: Some(v8::Weak::new(scope, v)),
                }
            };
            put(result, Box::into_raw(Box::new(reference)));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_delete_reference(env: napi_env, reference: napi_ref) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(reference);
            drop(Box::from_raw(reference));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_reference_ref(
    env: napi_env,
    reference: napi_ref,
    result: *mut u32,
) -> napi_status {
    unsafe {
        run(env, |_, scope| {
            arg!(reference);
            let r = &mut *reference;
            if r.count == 0
                && let Some(weak) = r.weak.take()
            {
                r.strong = weak.to_global(scope).map(|g| {
                    let local = v8::Local::new(scope, g);
                    v8::Global::new(scope, local)
                });
            }
            r.count += 1;
            if !result.is_null() {
                put(result, r.count);
            }
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_reference_unref(
    env: napi_env,
    reference: napi_ref,
    result: *mut u32,
) -> napi_status {
    unsafe {
        run(env, |_, scope| {
            arg!(reference);
            let r = &mut *reference;
            if r.count == 0 {
                return Err(GENERIC_FAILURE);
            }
            r.count -= 1;
            if r.count == 0
                && let Some(strong) = r.strong.take()
            {
                let local = v8::Local::new(scope, &strong);
                if can_be_weak(local) {
                    r.weak = Some(v8::Weak::new(scope, local));
                } else {
                    r.strong = Some(strong);
                }
            }
            if !result.is_null() {
                put(result, r.count);
            }
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_reference_value(
    env: napi_env,
    reference: napi_ref,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run(env, |_, scope| {
            arg!(reference);
            arg!(result);
            let r = &*reference;
            let value = if let Some(strong) = &r.strong {
                Some(v8::Local::new(scope, strong))
            } else {
                r.weak.as_ref().and_then(|w| w.to_local(scope))
            };
            put(result, value.map_or(std::ptr::null_mut(), to_napi));
            Ok(())
        })
    }
}

// ===== wraps, finalizers, externals =====

fn wrap_key(scope: &mut Scope) -> v8::Local<'static, v8::Private> {
    let name = eddy_runtime::js_string(scope, "eddy.napi.wrap");
    v8::Private::for_api(scope, Some(name))
}

fn wrap_info(scope: &mut Scope, obj: v8::Local<'static, v8::Object>) -> Option<*mut WrapInfo> {
    let key = wrap_key(scope);
    let stored = obj.get_private(scope, key)?;
    let ext = v8::Local::<v8::External>::try_from(stored).ok()?;
    Some(ext.value() as *mut WrapInfo)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_wrap(
    env: napi_env,
    js_object: napi_value,
    native_object: *mut c_void,
    finalize_cb: napi_finalize,
    finalize_hint: *mut c_void,
    result: *mut napi_ref,
) -> napi_status {
    unsafe {
        run_js(env, |e, scope| {
            let obj = objects::object(js_object).map_err(|_| INVALID_ARG)?;
            if wrap_info(scope, obj).is_some() {
                return Err(INVALID_ARG);
            }
            let finalize = (finalize_cb, native_object, finalize_hint);
            let (_, info) = watch(
                e,
                scope,
                env,
                obj.into(),
                finalize,
                Some(native_object),
                None,
            );
            let info = info.ok_or(GENERIC_FAILURE)?;
            let key = wrap_key(scope);
            let ext = v8::External::new(scope, info as *mut c_void);
            obj.set_private(scope, key, ext.into())
                .ok_or(GENERIC_FAILURE)?;
            if !result.is_null() {
                let reference = Reference {
                    count: 0,
                    strong: None,
                    weak: Some(v8::Weak::new(scope, v8::Local::<v8::Value>::from(obj))),
                };
                put(result, Box::into_raw(Box::new(reference)));
            }
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_unwrap(
    env: napi_env,
    js_object: napi_value,
    result: *mut *mut c_void,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            arg!(result);
            let obj = objects::object(js_object)?;
            let info = wrap_info(scope, obj).ok_or(INVALID_ARG)?;
            put(result, (*info).native);
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_remove_wrap(
    env: napi_env,
    js_object: napi_value,
    result: *mut *mut c_void,
) -> napi_status {
    unsafe {
        run_js(env, |e, scope| {
            let obj = objects::object(js_object)?;
            let info = wrap_info(scope, obj).ok_or(INVALID_ARG)?;
            let (native, id) = ((*info).native, (*info).id);
            let key = wrap_key(scope);
            obj.delete_private(scope, key);
            // Dropping the weak handle cancels the finalizer: Node does not call it here.
            e.life.weak.remove(&id);
            if !result.is_null() {
                put(result, native);
            }
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_add_finalizer(
    env: napi_env,
    js_object: napi_value,
    finalize_data: *mut c_void,
    finalize_cb: napi_finalize,
    finalize_hint: *mut c_void,
    result: *mut napi_ref,
) -> napi_status {
    unsafe {
        run(env, |e, scope| {
            if finalize_cb.is_none() {
                return Err(INVALID_ARG);
            }
            let obj = objects::object(js_object).map_err(|_| INVALID_ARG)?;
            watch(
                e,
                scope,
                env,
                obj.into(),
                (finalize_cb, finalize_data, finalize_hint),
                None,
                None,
            );
            if !result.is_null() {
                let reference = Reference {
                    count: 0,
                    strong: None,
                    weak: Some(v8::Weak::new(scope, v8::Local::<v8::Value>::from(obj))),
                };
                put(result, Box::into_raw(Box::new(reference)));
            }
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn node_api_post_finalizer(
    env: napi_env,
    finalize_cb: napi_finalize,
    finalize_data: *mut c_void,
    finalize_hint: *mut c_void,
) -> napi_status {
    unsafe {
        run(env, |e, _| {
            if finalize_cb.is_none() {
                return Err(INVALID_ARG);
            }
            e.notifier.post(Task::Finalize {
                cb: finalize_cb,
                data: finalize_data,
                hint: finalize_hint,
                weak: None,
            });
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_create_external(
    env: napi_env,
    data: *mut c_void,
    finalize_cb: napi_finalize,
    finalize_hint: *mut c_void,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run(env, |e, scope| {
            arg!(result);
            let ext = v8::External::new(scope, data);
            if finalize_cb.is_some() {
                watch(
                    e,
                    scope,
                    env,
                    ext.into(),
                    (finalize_cb, data, finalize_hint),
                    None,
                    None,
                );
            }
            put(result, to_napi(ext.into()));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_value_external(
    env: napi_env,
    value: napi_value,
    result: *mut *mut c_void,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(result);
            let ext = v8::Local::<v8::External>::try_from(val(value)?).map_err(|_| INVALID_ARG)?;
            put(result, ext.value());
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_adjust_external_memory(
    env: napi_env,
    change: i64,
    adjusted: *mut i64,
) -> napi_status {
    unsafe {
        run(env, |_, scope| {
            arg!(adjusted);
            put(
                adjusted,
                scope.adjust_amount_of_external_allocated_memory(change),
            );
            Ok(())
        })
    }
}

// ===== handle scopes =====

/// See the module docs: values stay in the scope of the call into C, so a napi handle scope
/// only has to be balanced; an escapable one remembers whether it escaped.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_open_handle_scope(
    env: napi_env,
    result: *mut *mut c_void,
) -> napi_status {
    unsafe {
        run(env, |e, _| {
            arg!(result);
            e.life.scopes += 1;
            put(result, e.life.scopes as *mut c_void);
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_close_handle_scope(env: napi_env, scope: *mut c_void) -> napi_status {
    unsafe {
        run(env, |e, _| {
            arg!(scope);
            if e.life.scopes == 0 {
                return Err(HANDLE_SCOPE_MISMATCH);
            }
            e.life.scopes -= 1;
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_open_escapable_handle_scope(
    env: napi_env,
    result: *mut *mut c_void,
) -> napi_status {
    unsafe {
        run(env, |e, _| {
            arg!(result);
            e.life.scopes += 1;
            put(result, Box::into_raw(Box::new(false)) as *mut c_void);
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_close_escapable_handle_scope(
    env: napi_env,
    scope: *mut c_void,
) -> napi_status {
    unsafe {
        run(env, |e, _| {
            arg!(scope);
            if e.life.scopes == 0 {
                return Err(HANDLE_SCOPE_MISMATCH);
            }
            e.life.scopes -= 1;
            drop(Box::from_raw(scope as *mut bool));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_escape_handle(
    env: napi_env,
    scope: *mut c_void,
    escapee: napi_value,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(scope);
            arg!(result);
            let escaped = &mut *(scope as *mut bool);
            if *escaped {
                return Err(ESCAPE_CALLED_TWICE);
            }
            *escaped = true;
            put(result, to_napi(val(escapee)?));
            Ok(())
        })
    }
}

// ===== instance data and cleanup hooks =====

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_set_instance_data(
    env: napi_env,
    data: *mut c_void,
    finalize_cb: napi_finalize,
    finalize_hint: *mut c_void,
) -> napi_status {
    unsafe {
        run(env, |e, _| {
            e.instance_data = Some((data, finalize_cb, finalize_hint));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_instance_data(
    env: napi_env,
    data: *mut *mut c_void,
) -> napi_status {
    unsafe {
        run(env, |e, _| {
            arg!(data);
            put(data, e.instance_data.map_or(std::ptr::null_mut(), |d| d.0));
            Ok(())
        })
    }
}

type CleanupHook = Option<unsafe extern "C" fn(*mut c_void)>;

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_add_env_cleanup_hook(
    env: napi_env,
    fun: CleanupHook,
    arg: *mut c_void,
) -> napi_status {
    unsafe {
        run(env, |e, _| {
            let fun = fun.ok_or(INVALID_ARG)?;
            e.cleanup_hooks.push((fun, arg));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_remove_env_cleanup_hook(
    env: napi_env,
    fun: CleanupHook,
    arg: *mut c_void,
) -> napi_status {
    unsafe {
        run(env, |e, _| {
            let fun = fun.ok_or(INVALID_ARG)?;
            if let Some(i) = e
                .cleanup_hooks
                .iter()
                .position(|&(f, a)| f as usize == fun as usize && a == arg)
            {
                e.cleanup_hooks.remove(i);
            }
            Ok(())
        })
    }
}

pub struct AsyncCleanup {
    env: napi_env,
    hook: unsafe extern "C" fn(*mut AsyncCleanup, *mut c_void),
    arg: *mut c_void,
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_add_async_cleanup_hook(
    env: napi_env,
    hook: Option<unsafe extern "C" fn(*mut AsyncCleanup, *mut c_void)>,
    arg: *mut c_void,
    remove_handle: *mut *mut AsyncCleanup,
) -> napi_status {
    unsafe {
        run(env, |e, _| {
            let hook = hook.ok_or(INVALID_ARG)?;
            let handle = Box::into_raw(Box::new(AsyncCleanup { env, hook, arg }));
            e.life.async_cleanup.push(handle);
            if !remove_handle.is_null() {
                put(remove_handle, handle);
            }
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_remove_async_cleanup_hook(
    remove_handle: *mut AsyncCleanup,
) -> napi_status {
    if remove_handle.is_null() {
        return INVALID_ARG;
    }
    let env = unsafe { (*remove_handle).env };
    let list = unsafe { &mut (*env).life.async_cleanup };
    if let Some(i) = list.iter().position(|&h| h == remove_handle) {
        list.remove(i);
    }
    drop(unsafe { Box::from_raw(remove_handle) });
    OK
}

/// At exit: each async cleanup hook still registered is called once (last added first).
pub(crate) fn run_async_cleanup_hooks(env: napi_env) {
    let hooks: Vec<*mut AsyncCleanup> = unsafe { (*env).life.async_cleanup.clone() };
    for handle in hooks.into_iter().rev() {
        let (hook, arg) = unsafe { ((*handle).hook, (*handle).arg) };
        unsafe { hook(handle, arg) };
    }
}
