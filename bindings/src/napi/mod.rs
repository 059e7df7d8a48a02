//! Node-API: native addons (`.node` files) loaded with `process.dlopen`.
//!
//! The `napi_*` / `node_api_*` functions are exported from the `eddy` binary (cli/build.rs asks
//! the linker to put them in the dynamic symbol table), so a dlopen'd addon resolves them as it
//! would against `node`. Each load gets its own [`Env`] (a `napi_env`), as in Node.
//!
//! A `napi_value` is a V8 `Local` handle, so it lives in the V8 handle scope that is current
//! when it is made. The env keeps a pointer to the scope of the call into C that is running
//! (module registration, a function callback, an async completion, a finalizer); napi
//! functions make their values in it. `napi_open_handle_scope` does not make a nested V8 scope
//! (rusty_v8 scopes live on the Rust stack): values made inside it stay valid until the call
//! into C returns, which is longer than Node-API promises, never shorter.
//!
//! Exceptions follow Node's model: a JS exception raised under a napi call (or `napi_throw*`)
//! is caught and kept as the env's pending exception; napi calls that may run JS then fail
//! with `napi_pending_exception`, and the exception is thrown when the call into C returns to
//! JS (or reported as uncaught when C was called from the event loop).
//!
//! Nothing here may unwind into C: every exported function runs its body under
//! `catch_unwind` ([`run`]) and answers `napi_generic_failure` if it panicked.

#![allow(non_camel_case_types, clippy::missing_safety_doc)]

mod async_work;
mod buffers;
mod errors;
mod functions;
mod lifecycle;
mod objects;
mod tsfn;
mod values;

use std::cell::RefCell;
use std::ffi::{CStr, CString, c_char, c_int, c_void};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;

use eddy_runtime::{NativeModule, set_fn, v8};

pub use lifecycle::Notifier;

pub const MODULE: NativeModule = NativeModule { name: "napi", init };

fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "dlopen", dlopen);
    set_fn(scope, target, "setup", setup);
    set_fn(scope, target, "runCleanup", run_cleanup);
}

// ===== the C types =====

pub type napi_status = c_int;
pub type napi_env = *mut Env;
pub type napi_value = *mut c_void;
pub type napi_callback_info = *mut functions::CbInfo;
pub type napi_callback = Option<unsafe extern "C" fn(napi_env, napi_callback_info) -> napi_value>;
pub type napi_finalize = Option<unsafe extern "C" fn(napi_env, *mut c_void, *mut c_void)>;

pub const OK: napi_status = 0;
pub const INVALID_ARG: napi_status = 1;
pub const OBJECT_EXPECTED: napi_status = 2;
pub const STRING_EXPECTED: napi_status = 3;
pub const NAME_EXPECTED: napi_status = 4;
pub const FUNCTION_EXPECTED: napi_status = 5;
pub const NUMBER_EXPECTED: napi_status = 6;
pub const BOOLEAN_EXPECTED: napi_status = 7;
pub const ARRAY_EXPECTED: napi_status = 8;
pub const GENERIC_FAILURE: napi_status = 9;
pub const PENDING_EXCEPTION: napi_status = 10;
pub const CANCELLED: napi_status = 11;
pub const ESCAPE_CALLED_TWICE: napi_status = 12;
pub const HANDLE_SCOPE_MISMATCH: napi_status = 13;
pub const QUEUE_FULL: napi_status = 15;
pub const CLOSING: napi_status = 16;
pub const BIGINT_EXPECTED: napi_status = 17;
pub const DATE_EXPECTED: napi_status = 18;
pub const ARRAYBUFFER_EXPECTED: napi_status = 19;
pub const DETACHABLE_ARRAYBUFFER_EXPECTED: napi_status = 20;

/// The text `napi_get_last_error_info` gives for each status, indexed by status.
static MESSAGES: [&CStr; 24] = [
    c"",
    c"Invalid argument",
    c"An object was expected",
    c"A string was expected",
    c"A string or symbol was expected",
    c"A function was expected",
    c"A number was expected",
    c"A boolean was expected",
    c"An array was expected",
    c"Unknown failure",
    c"An exception is pending",
    c"The async work item was cancelled",
    c"napi_escape_handle already called on scope",
    c"Invalid handle scope usage",
    c"Invalid callback scope usage",
    c"Thread-safe function queue is full",
    c"Thread-safe function handle is closing",
    c"A bigint was expected",
    c"A date was expected",
    c"An arraybuffer was expected",
    c"A detachable arraybuffer was expected",
    c"Main thread would deadlock",
    c"External buffers are not allowed",
    c"Cannot run JavaScript",
];

#[repr(C)]
pub struct napi_extended_error_info {
    error_message: *const c_char,
    engine_reserved: *mut c_void,
    engine_error_code: u32,
    error_code: napi_status,
}

/// The per-addon environment behind a `napi_env`.
pub struct Env {
    /// The `&mut PinScope` of the call into C that is running (null between calls).
    scope: *mut c_void,
    /// How many calls into C are running (nested through JS).
    depth: u32,
    last_error: napi_extended_error_info,
    pending_exception: Option<v8::Global<v8::Value>>,
    /// `napi_set_instance_data`: (data, finalizer, hint).
    instance_data: Option<(*mut c_void, napi_finalize, *mut c_void)>,
    cleanup_hooks: Vec<(unsafe extern "C" fn(*mut c_void), *mut c_void)>,
    /// The module's declared Node-API version (8 unless it says otherwise).
    module_api_version: i32,
    /// `file://` URL of the addon, for `node_api_get_module_file_name`.
    filename: CString,
    /// Cross-thread queue into this env's loop (finalizers, thread-safe function calls).
    notifier: std::sync::Arc<Notifier>,
    /// The loop-side state: references, wrap finalizers, open handle scopes.
    pub(crate) life: lifecycle::Life,
}

/// Globals set once per isolate by `binding.napi.setup`.
pub(crate) struct Shared {
    /// `Buffer.prototype`, given to buffers napi makes.
    buffer_proto: v8::Global<v8::Object>,
    /// `(e) => { throw e }`: reports an exception as uncaught through the runtime's one path.
    rethrow: v8::Global<v8::Function>,
    /// `() => {}`: calling it through the runtime drains nextTick and microtasks.
    noop: v8::Global<v8::Function>,
    /// `(err) => ...`: Node's legacy policy for an exception left by a thread-safe function's
    /// call: a DEP0168 warning, or the uncaught path under
    /// --force-node-api-uncaught-exceptions-policy.
    legacy_uncaught: v8::Global<v8::Function>,
    /// `process.versions.node` as (major, minor, patch).
    node_version: (u32, u32, u32),
}

thread_local! {
    static SHARED: RefCell<Option<Rc<Shared>>> = const { RefCell::new(None) };
    /// A module that registered itself with `napi_module_register` during `dlopen`.
    static LEGACY_MODULE: RefCell<Option<usize>> = const { RefCell::new(None) };
}

pub(crate) fn shared() -> Option<Rc<Shared>> {
    SHARED.with(|s| s.borrow().clone())
}

pub type Scope = v8::PinScope<'static, 'static>;

impl Env {
    pub(crate) fn status(&mut self, status: napi_status) -> napi_status {
        self.last_error.error_code = status;
        self.last_error.error_message = std::ptr::null();
        status
    }

    /// The scope of the running call into C.
    ///
    /// # Safety
    /// Only while that call runs (the pointer is reset when it returns).
    pub(crate) unsafe fn scope<'a>(&self) -> Option<&'a mut Scope> {
        unsafe { (self.scope as *mut Scope).as_mut() }
    }
}

// ===== napi_value <-> Local =====

#[inline]
pub(crate) fn to_napi(local: v8::Local<'_, v8::Value>) -> napi_value {
    // SAFETY: a Local is one non-null pointer to its handle slot.
    unsafe { std::mem::transmute::<v8::Local<'_, v8::Value>, napi_value>(local) }
}

#[inline]
pub(crate) fn from_napi(value: napi_value) -> Option<v8::Local<'static, v8::Value>> {
    // SAFETY: as above; null is None. The handle is valid while its scope is (see module docs).
    unsafe { std::mem::transmute::<napi_value, Option<v8::Local<'static, v8::Value>>>(value) }
}

/// Store `value` through the out-pointer `out`.
#[inline]
pub(crate) unsafe fn put<T>(out: *mut T, value: T) {
    unsafe { out.write(value) }
}

/// Run a napi function body: checks the env, catches panics, records the status.
pub(crate) unsafe fn run(
    env: napi_env,
    body: impl FnOnce(&mut Env, &mut Scope) -> Result<(), napi_status>,
) -> napi_status {
    let Some(e) = (unsafe { env.as_mut() }) else {
        return INVALID_ARG;
    };
    let Some(scope) = (unsafe { e.scope() }) else {
        return e.status(GENERIC_FAILURE);
    };
    let env_ptr = env;
    match catch_unwind(AssertUnwindSafe(|| body(unsafe { &mut *env_ptr }, scope))) {
        Ok(Ok(())) => e.status(OK),
        Ok(Err(status)) => e.status(status),
        Err(_) => e.status(GENERIC_FAILURE),
    }
}

/// Like [`run`] for functions that may run JS (Node's NAPI_PREAMBLE): refused while an
/// exception is pending; a JS exception raised in `body` becomes the pending exception.
pub(crate) unsafe fn run_js(
    env: napi_env,
    body: impl FnOnce(&mut Env, &mut Scope) -> Result<(), napi_status>,
) -> napi_status {
    let Some(e) = (unsafe { env.as_mut() }) else {
        return INVALID_ARG;
    };
    if e.pending_exception.is_some() {
        return e.status(PENDING_EXCEPTION);
    }
    let Some(scope) = (unsafe { e.scope() }) else {
        return e.status(GENERIC_FAILURE);
    };
    let env_ptr = env;
    v8::tc_scope!(let tc, scope);
    let tc_scope: &mut v8::PinScope = tc;
    // SAFETY: the TryCatch lives until the end of this function, past every use of the scope.
    let inner: &mut Scope = unsafe { &mut *(tc_scope as *mut v8::PinScope as *mut Scope) };
    let outcome = catch_unwind(AssertUnwindSafe(|| body(unsafe { &mut *env_ptr }, inner)));
    let caught = if tc.has_caught() {
        tc.exception().map(|exc| v8::Global::new(tc, exc))
    } else {
        None
    };
    let e = unsafe { &mut *env_ptr };
    if let Some(exc) = caught {
        e.pending_exception = Some(exc);
        // The body's own status (say napi_object_expected) wins, as in Node.
        return match outcome {
            Ok(Err(status)) => e.status(status),
            _ => e.status(PENDING_EXCEPTION),
        };
    }
    match outcome {
        Ok(Ok(())) => e.status(OK),
        Ok(Err(status)) => e.status(status),
        Err(_) => e.status(GENERIC_FAILURE),
    }
}

/// `Some(non-null pointer)` or `Err(napi_invalid_arg)`.
macro_rules! arg {
    ($p:expr) => {
        if $p.is_null() {
            return Err($crate::napi::INVALID_ARG);
        }
    };
}
pub(crate) use arg;

/// The value behind a napi_value argument, or `napi_invalid_arg`.
pub(crate) fn val(value: napi_value) -> Result<v8::Local<'static, v8::Value>, napi_status> {
    from_napi(value).ok_or(INVALID_ARG)
}

/// A UTF-8 C string of `length` bytes (`NAPI_AUTO_LENGTH`: up to the NUL).
pub(crate) unsafe fn c_str<'a>(ptr: *const c_char, length: usize) -> Result<&'a [u8], napi_status> {
    if ptr.is_null() {
        return if length == 0 {
            Ok(&[])
        } else {
            Err(INVALID_ARG)
        };
    }
    if length == usize::MAX {
        return Ok(unsafe { CStr::from_ptr(ptr) }.to_bytes());
    }
    if length > i32::MAX as usize {
        return Err(INVALID_ARG);
    }
    Ok(unsafe { std::slice::from_raw_parts(ptr as *const u8, length) })
}

/// A JS string from UTF-8 bytes.
pub(crate) fn utf8_string<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    bytes: &[u8],
) -> Result<v8::Local<'s, v8::String>, napi_status> {
    v8::String::new_from_utf8(scope, bytes, v8::NewStringType::Normal).ok_or(GENERIC_FAILURE)
}

// ===== entering C =====

/// Make `scope` the env's current scope while `f` runs (a call into the addon).
pub(crate) fn enter<R>(env: napi_env, scope: &mut v8::PinScope, f: impl FnOnce() -> R) -> R {
    // SAFETY: envs are never freed; the scope outlives `f`.
    let e = unsafe { &mut *env };
    let prev = e.scope;
    e.scope = scope as *mut v8::PinScope as *mut c_void;
    e.depth += 1;
    let result = catch_unwind(AssertUnwindSafe(f));
    let e = unsafe { &mut *env };
    e.depth -= 1;
    e.scope = prev;
    match result {
        Ok(r) => r,
        // A Rust panic cannot come from C; one of ours was already caught in `run`.
        Err(_) => std::process::abort(),
    }
}

/// The API version Node calls experimental: such modules get the strict exception policy.
const EXPERIMENTAL_API_VERSION: i32 = i32::MAX;

/// After a call into C made by the loop (not by JS): report a pending exception as uncaught
/// and drain nextTick and microtasks, as Node does when such a callback returns. `legacy`:
/// the call was a thread-safe function's, where Node (for modules below the experimental API
/// version) only warns about the exception unless told to enforce the policy.
pub(crate) fn after_loop_call(env: napi_env, scope: &mut v8::PinScope, legacy: bool) {
    let e = unsafe { &mut *env };
    let Some(shared) = shared() else { return };
    if let Some(exc) = e.pending_exception.take() {
        let exc = v8::Local::new(scope, exc);
        let handler = if legacy && e.module_api_version < EXPERIMENTAL_API_VERSION {
            &shared.legacy_uncaught
        } else {
            &shared.rethrow
        };
        let handler = v8::Local::new(scope, handler);
        eddy_runtime::call_function(scope, handler, &[exc]);
    } else if e.depth == 0 {
        let noop = v8::Local::new(scope, &shared.noop);
        eddy_runtime::call_function(scope, noop, &[]);
    }
}

// ===== binding.napi =====

/// `setup(bufferPrototype, rethrow, noop, nodeVersion, legacyUncaught)`, once per isolate
/// before any dlopen.
fn setup(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let (Ok(proto), Ok(rethrow), Ok(noop), Ok(legacy_uncaught)) = (
        v8::Local::<v8::Object>::try_from(args.get(0)),
        v8::Local::<v8::Function>::try_from(args.get(1)),
        v8::Local::<v8::Function>::try_from(args.get(2)),
        v8::Local::<v8::Function>::try_from(args.get(4)),
    ) else {
        return;
    };
    let version = args.get(3).to_rust_string_lossy(scope);
    let mut parts = version
        .trim_start_matches('v')
        .split('.')
        .map(|p| p.parse::<u32>().unwrap_or(0));
    let node_version = (
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
    );
    let shared = Shared {
        buffer_proto: v8::Global::new(scope, proto),
        rethrow: v8::Global::new(scope, rethrow),
        noop: v8::Global::new(scope, noop),
        legacy_uncaught: v8::Global::new(scope, legacy_uncaught),
        node_version,
    };
    SHARED.with(|s| *s.borrow_mut() = Some(Rc::new(shared)));
}

type RegisterFn = unsafe extern "C" fn(napi_env, napi_value) -> napi_value;

/// Node's `napi_module` struct, for addons that register from a static constructor.
#[repr(C)]
pub struct napi_module {
    nm_version: c_int,
    nm_flags: u32,
    nm_filename: *const c_char,
    nm_register_func: Option<RegisterFn>,
    nm_modname: *const c_char,
    nm_priv: *mut c_void,
    reserved: [*mut c_void; 4],
}

/// The old registration path: a static constructor calls this while `dlopen` runs.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_module_register(module: *mut napi_module) {
    LEGACY_MODULE.with(|m| *m.borrow_mut() = Some(module as usize));
}

fn throw_dlopen_error(scope: &mut v8::PinScope, message: &str) {
    let text = eddy_runtime::js_string(scope, message);
    let err = v8::Exception::error(scope, text);
    if let Ok(obj) = v8::Local::<v8::Object>::try_from(err) {
        let key = eddy_runtime::js_string(scope, "code");
        let code = eddy_runtime::js_string(scope, "ERR_DLOPEN_FAILED");
        obj.set(scope, key.into(), code.into());
    }
    scope.throw_exception(err);
}

/// `dlopen(module, filename, flags)`: load the addon and run its registration with
/// `module.exports`; a non-null value it returns replaces `module.exports`.
fn dlopen(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let Ok(module) = v8::Local::<v8::Object>::try_from(args.get(0)) else {
        return eddy_runtime::throw_type_error(
            scope,
            "ERR_INVALID_ARG_TYPE",
            "module must be an object",
        );
    };
    let filename = args.get(1).to_rust_string_lossy(scope);
    let flags = args.get(2).int32_value(scope).unwrap_or(libc::RTLD_LAZY);
    let Ok(path) = CString::new(filename.clone()) else {
        return throw_dlopen_error(scope, &format!("{filename}: invalid file name"));
    };
    LEGACY_MODULE.with(|m| *m.borrow_mut() = None);
    // SAFETY: dlopen runs the library's constructors; that is what loading an addon means.
    let handle = unsafe { libc::dlopen(path.as_ptr(), flags) };
    if handle.is_null() {
        let message = unsafe { libc::dlerror() };
        let text = if message.is_null() {
            format!("{filename}: cannot open shared object file")
        } else {
            unsafe { CStr::from_ptr(message) }
                .to_string_lossy()
                .into_owned()
        };
        return throw_dlopen_error(scope, &text);
    }
    let symbol = unsafe { libc::dlsym(handle, c"napi_register_module_v1".as_ptr()) };
    let register: Option<RegisterFn> = if symbol.is_null() {
        LEGACY_MODULE
            .with(|m| m.borrow_mut().take())
            .and_then(|module| unsafe { (*(module as *mut napi_module)).nm_register_func })
    } else {
        Some(unsafe { std::mem::transmute::<*mut c_void, RegisterFn>(symbol) })
    };
    let Some(register) = register else {
        unsafe { libc::dlclose(handle) };
        return throw_dlopen_error(
            scope,
            &format!("Module did not self-register: '{filename}'."),
        );
    };
    let version_fn = unsafe { libc::dlsym(handle, c"node_api_module_get_api_version_v1".as_ptr()) };
    let module_api_version = if version_fn.is_null() {
        8
    } else {
        let f = unsafe {
            std::mem::transmute::<*mut c_void, unsafe extern "C" fn() -> i32>(version_fn)
        };
        unsafe { f() }
    };
    let env = new_env(scope, &filename, module_api_version);
    let exports_key = eddy_runtime::js_string(scope, "exports");
    let Some(exports) = module.get(scope, exports_key.into()) else {
        return;
    };
    let returned = enter(env, scope, || unsafe { register(env, to_napi(exports)) });
    let e = unsafe { &mut *env };
    if let Some(exc) = e.pending_exception.take() {
        let exc = v8::Local::new(scope, exc);
        scope.throw_exception(exc);
        return;
    }
    if let Some(value) = from_napi(returned)
        && !value.strict_equals(exports)
    {
        module.set(scope, exports_key.into(), value);
    }
}

fn new_env(scope: &mut v8::PinScope, filename: &str, module_api_version: i32) -> napi_env {
    let url = format!("file://{filename}");
    let env = Box::into_raw(Box::new(Env {
        scope: std::ptr::null_mut(),
        depth: 0,
        last_error: napi_extended_error_info {
            error_message: std::ptr::null(),
            engine_reserved: std::ptr::null_mut(),
            engine_error_code: 0,
            error_code: OK,
        },
        pending_exception: None,
        instance_data: None,
        cleanup_hooks: Vec::new(),
        module_api_version,
        filename: CString::new(url).unwrap_or_default(),
        notifier: std::sync::Arc::new(Notifier::default()),
        life: lifecycle::Life::default(),
    }));
    lifecycle::open_notifier(scope, env);
    ENVS.with(|envs| envs.borrow_mut().push(env as usize));
    env
}

thread_local! {
    /// Every env of this isolate, for the cleanup at exit.
    static ENVS: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// `runCleanup()`: at exit, run each env's cleanup hooks (last added first) and its instance
/// data finalizer, as Node does when the environment is torn down.
fn run_cleanup(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let envs = ENVS.with(|envs| std::mem::take(&mut *envs.borrow_mut()));
    for env in envs.into_iter().rev() {
        let env = env as napi_env;
        v8::scope!(let scope, scope);
        enter(env, scope, || {
            loop {
                let hook = unsafe { (*env).cleanup_hooks.pop() };
                let Some((hook, arg)) = hook else { break };
                unsafe { hook(arg) };
            }
            lifecycle::run_async_cleanup_hooks(env);
            lifecycle::finalize_all(env);
            if let Some((data, Some(finalize), hint)) = unsafe { (*env).instance_data.take() } {
                unsafe { finalize(env, data, hint) };
            }
        });
        unsafe { (*env).pending_exception = None };
    }
}

// ===== version and error info =====

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_last_error_info(
    env: napi_env,
    result: *mut *const napi_extended_error_info,
) -> napi_status {
    let Some(e) = (unsafe { env.as_mut() }) else {
        return INVALID_ARG;
    };
    if result.is_null() {
        return e.status(INVALID_ARG);
    }
    let code = e.last_error.error_code;
    e.last_error.error_message = MESSAGES
        .get(code as usize)
        .filter(|_| code != OK)
        .map_or(std::ptr::null(), |m| m.as_ptr());
    unsafe { put(result, &e.last_error as *const _) };
    // Reading the info does not change it (Node returns napi_ok without resetting it).
    OK
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_version(env: napi_env, result: *mut u32) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(result);
            put(result, 9);
            Ok(())
        })
    }
}

#[repr(C)]
pub struct napi_node_version {
    major: u32,
    minor: u32,
    patch: u32,
    release: *const c_char,
}

struct SyncVersion(napi_node_version);
// SAFETY: written once, read-only after; `release` points at a static string.
unsafe impl Sync for SyncVersion {}
unsafe impl Send for SyncVersion {}
static NODE_VERSION: std::sync::OnceLock<SyncVersion> = std::sync::OnceLock::new();

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_node_version(
    env: napi_env,
    result: *mut *const napi_node_version,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(result);
            let (major, minor, patch) = shared().map_or((0, 0, 0), |s| s.node_version);
            let version = NODE_VERSION.get_or_init(|| {
                SyncVersion(napi_node_version {
                    major,
                    minor,
                    patch,
                    release: c"node".as_ptr(),
                })
            });
            put(result, &version.0 as *const _);
            Ok(())
        })
    }
}

/// Eddy has no libuv loop: this pointer is opaque and non-null so addons that only pass it
/// along work; calling libuv functions on it is not supported.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_uv_event_loop(
    env: napi_env,
    result: *mut *mut c_void,
) -> napi_status {
    static LOOP_TOKEN: [u64; 16] = [0; 16];
    unsafe {
        run(env, |_, _| {
            arg!(result);
            put(result, LOOP_TOKEN.as_ptr() as *mut c_void);
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn node_api_get_module_file_name(
    env: napi_env,
    result: *mut *const c_char,
) -> napi_status {
    unsafe {
        run(env, |e, _| {
            arg!(result);
            put(result, e.filename.as_ptr());
            Ok(())
        })
    }
}

/// Print Node's fatal-error report and abort the process.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_fatal_error(
    location: *const c_char,
    location_len: usize,
    message: *const c_char,
    message_len: usize,
) -> ! {
    let location = unsafe { c_str(location, location_len) }.unwrap_or(&[]);
    let message = unsafe { c_str(message, message_len) }.unwrap_or(&[]);
    eprintln!(
        "FATAL ERROR: {} {}",
        String::from_utf8_lossy(location),
        String::from_utf8_lossy(message)
    );
    std::process::abort();
}
