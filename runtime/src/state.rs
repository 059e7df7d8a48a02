//! Per-isolate runtime state, kept in an isolate slot so native callbacks can reach it.
//!
//! It sits behind `Rc<RefCell<…>>`: callers clone the `Rc`, copy out what they need and drop the
//! borrow *before* calling into JS, because JS may call back into natives that borrow again.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use crate::io::Io;
use crate::pool::Pool;
use crate::timers::{Immediates, Timers};

/// Counts of builtins compiled from the code cache, for [`crate::Runtime::code_cache_stats`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CodeCacheStats {
    /// Compiled from their cache entry.
    pub accepted: u32,
    /// Had an entry V8 rejected (other V8 flags, another V8): compiled from source.
    pub rejected: u32,
}

/// A builtin kept for `Runtime::builtin_code_caches`: `(id, shielded names, function)`.
pub(crate) type KeptBuiltin = (String, Vec<String>, v8::Global<v8::Function>);

/// What the runtime remembers about one isolate.
pub(crate) struct RuntimeState {
    /// Embedded JS sources by builtin id (`"events"`, `"internal/errors"`).
    pub builtins: HashMap<&'static str, &'static str>,
    /// V8 code cache of the embedded builtins, by id: `(shielded names, cache)` entries (see
    /// `RuntimeOptions::builtin_code_cache`).
    pub code_cache: crate::modules::CodeCacheIndex,
    /// Shielded names each builtin never mentions (`RuntimeOptions::builtin_unused_shields`).
    pub unused_shields: HashMap<&'static str, &'static [&'static str]>,
    /// Builtins compiled with a cache entry: how many V8 took, how many it rejected.
    pub code_cache_stats: CodeCacheStats,
    /// With `RuntimeOptions::keep_builtins`: every builtin compiled from its embedded source,
    /// as `(id, shielded names, function)`.
    pub kept_builtins: Option<Vec<KeptBuiltin>>,
    /// Development only: read builtins from this directory first (see `RuntimeOptions`).
    pub dev_stdlib_dir: Option<std::path::PathBuf>,
    /// The object the bootstrap builtin exported: the JS functions the runtime calls.
    pub hooks: Option<v8::Global<v8::Object>>,
    /// Hook functions already looked up, by name (the loop calls some per callback).
    pub hook_cache: HashMap<&'static str, v8::Global<v8::Function>>,
    /// Set once JS asked to exit (`process.exit`, a fatal exception): the code to exit with.
    pub exit_code: Option<i32>,
    /// Everything the event loop owns.
    pub event_loop: LoopState,
    /// ES module records.
    pub modules: crate::esm::Modules,
    /// TypeScript files already stripped, by file name.
    pub ts_cache: crate::typescript::Cache,
    /// Memory shared with JS as `binding.runtime.tickInfo` (an Int32Array):
    /// `[hasTickScheduled, hasRejectionToWarn]`. Lets the runtime skip calling the JS tick
    /// function after a callback when both are 0, as Node does.
    pub tick_info: Option<v8::SharedRef<v8::BackingStore>>,
    /// The global template of `node:vm` contexts (its interceptors forward to the sandbox).
    pub vm_global_template: Option<v8::Global<v8::ObjectTemplate>>,
    /// What this runtime was built from: a worker it starts is built from the same.
    pub options: Option<Arc<crate::RuntimeOptions>>,
    /// The JS side of message ports (`binding.messaging.setup`).
    pub messaging: crate::messaging::Hooks,
    /// The private keys of port objects and host objects, made once: the serializer asks
    /// about every object it meets, and a lookup by name is a string and a table probe.
    pub clone_keys: Option<[v8::Global<v8::Private>; 2]>,
    /// Set in a worker's runtime: what it shares with its parent.
    pub worker: Option<crate::worker::WorkerCtx>,
    /// `onExit(worker, code, outOfMemory)` for workers this runtime started.
    pub worker_on_exit: Option<v8::Global<v8::Function>>,
    /// Workers this runtime started that have not ended yet.
    pub children: Vec<Arc<crate::worker::WorkerShared>>,
    /// A worker's stop flag (`terminate()` from its parent): an exit request from another
    /// thread.
    pub stop: Option<Arc<AtomicBool>>,
}

impl RuntimeState {
    /// Whether JS asked to exit, or the runtime was told to stop from outside.
    pub fn exiting(&self) -> bool {
        self.exit_code.is_some()
            || self
                .stop
                .as_ref()
                .is_some_and(|s| s.load(Ordering::Relaxed))
    }
}

/// Index of "a nextTick callback is queued" in `tick_info`.
pub(crate) const HAS_TICK_SCHEDULED: usize = 0;
/// Index of "a promise rejection awaits processing" in `tick_info`.
pub(crate) const HAS_REJECTION_TO_WARN: usize = 1;

/// Whether JS has ticks or rejections queued (read from the shared `tickInfo` array).
pub(crate) fn tick_work_pending(isolate: &v8::Isolate) -> bool {
    let st = state(isolate);
    let st = st.borrow();
    let Some(store) = st.tick_info.as_ref() else {
        return false;
    };
    let Some(data) = store.data() else {
        return false;
    };
    let flags = data.as_ptr() as *const i32;
    // SAFETY: the store is 8 bytes (two i32s), owned by `st` for this read, and only this
    // thread (the isolate's) writes it.
    unsafe { *flags.add(HAS_TICK_SCHEDULED) != 0 || *flags.add(HAS_REJECTION_TO_WARN) != 0 }
}

/// The event loop's queues and clock.
pub(crate) struct LoopState {
    /// Loop time in milliseconds since `start`, updated once per iteration (libuv's `uv_now`).
    pub now: u64,
    /// When the loop's clock started.
    pub start: Instant,
    /// `setTimeout` / `setInterval`, each with its JS Timeout object.
    pub timers: Timers<v8::Global<v8::Value>>,
    /// `setImmediate`.
    pub immediates: Immediates,
    /// Blocking work in flight.
    pub pool: Pool,
    /// The poll phase.
    pub io: Io,
}

impl LoopState {
    pub fn new(idle_ns: Arc<std::sync::atomic::AtomicU64>) -> std::io::Result<Self> {
        let io = Io::new(idle_ns)?;
        let pool = Pool::new(io.waker());
        Ok(LoopState {
            now: 0,
            start: Instant::now(),
            timers: Timers::default(),
            immediates: Immediates::default(),
            pool,
            io,
        })
    }

    /// Refresh the cached loop time.
    pub fn update_time(&mut self) {
        self.now = self.start.elapsed().as_millis() as u64;
    }
}

pub(crate) type SharedState = Rc<RefCell<RuntimeState>>;

/// The isolate data slot holding a raw pointer to the state (see [`publish`]).
const STATE_DATA_SLOT: u32 = 0;

/// Make `state` reachable through [`state`]: kept in an isolate slot (which owns a clone for
/// the isolate's lifetime), with its address also in an isolate data slot. Natives ask for the
/// state many times per request; a data slot read skips the slot table's hash probe.
pub(crate) fn publish(isolate: &mut v8::Isolate, st: &SharedState) {
    isolate.set_slot(st.clone());
    isolate.set_data(STATE_DATA_SLOT, Rc::as_ptr(st) as *mut std::ffi::c_void);
}

/// Forget the data slot's pointer (the runtime is going away; [`state`] falls back to the
/// isolate slot while the isolate is torn down).
pub(crate) fn unpublish(isolate: &mut v8::Isolate) {
    isolate.set_data(STATE_DATA_SLOT, std::ptr::null_mut());
}

/// The state of the isolate behind `scope`. Every isolate made by `Runtime::new` has one.
pub(crate) fn state(isolate: &v8::Isolate) -> SharedState {
    let ptr = isolate.get_data(STATE_DATA_SLOT) as *const RefCell<RuntimeState>;
    if !ptr.is_null() {
        // SAFETY: `publish` stored the address of the Rc the isolate slot keeps alive for the
        // isolate's lifetime, and `unpublish` clears it before that slot can go; a new strong
        // reference is taken for the caller.
        unsafe {
            Rc::increment_strong_count(ptr);
            return Rc::from_raw(ptr);
        }
    }
    isolate
        .get_slot::<SharedState>()
        .expect("isolate was created by Runtime::new")
        .clone()
}

/// Whether JS has asked the process to exit; the loop and all callers stop calling JS then.
pub(crate) fn exit_requested(isolate: &v8::Isolate) -> bool {
    state(isolate).borrow().exiting()
}

/// A hook function exported by the bootstrap (`hooks[name]`), if the bootstrap has run.
pub(crate) fn hook<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    name: &'static str,
) -> Option<v8::Local<'s, v8::Function>> {
    let st = state(scope);
    if let Some(f) = st.borrow().hook_cache.get(name) {
        return Some(v8::Local::new(scope, f));
    }
    let hooks = st.borrow().hooks.clone()?;
    let hooks = v8::Local::new(scope, hooks);
    let key = v8::String::new(scope, name)?;
    let value = hooks.get(scope, key.into())?;
    let f = v8::Local::<v8::Function>::try_from(value).ok()?;
    st.borrow_mut()
        .hook_cache
        .insert(name, v8::Global::new(scope, f));
    Some(f)
}
