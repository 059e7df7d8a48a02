//! Eddy's engine room: a V8 isolate with Node's execution model around it.
//!
//! This crate knows nothing of `fs` or `http`. It owns the isolate, the event loop, the one
//! function that calls into JS (and drains `process.nextTick` + microtasks after it), the
//! compilation of embedded builtins and user code, and the uncaught-exception path. Native
//! modules ([`NativeModule`]) and the JS standard library (builtin sources) are handed in through
//! [`RuntimeOptions`]; the `eddy` crate assembles the full runtime from them.
//!
//! # The contract with the JS side
//!
//! Every builtin is compiled as `function (exports, require, module, binding)`. The builtin
//! named by [`RuntimeOptions::bootstrap`] runs first, with `require` undefined; its
//! `module.exports` must be the *hooks* object the runtime calls:
//! `runMain(path)`, `evalMain(source, print)`, `evaluate(source, name)`,
//! `processTicksAndRejections()`, `handleUncaught(error, origin, arrow)`,
//! `promiseRejectHandler(type, promise, reason)`, `emitBeforeExit()`, `emitExit()` → code.
//! `binding.runtime` holds the runtime's own natives (compile, exit, microtasks, …) and
//! `binding.config` the process-level options (argv, execArgv, execPath).
//!
//! # Examples
//!
//! A runtime with no standard library beyond a tiny bootstrap:
//!
//! ```
//! use eddy_runtime::{Runtime, RuntimeOptions};
//!
//! static SOURCES: &[(&str, &str)] = &[(
//!     "boot",
//!     "module.exports = { evaluate: (src) => binding.runtime.runScript(src, 'x') };",
//! )];
//! let mut rt = Runtime::new(RuntimeOptions {
//!     builtins: SOURCES,
//!     bootstrap: "boot",
//!     ..Default::default()
//! })
//! .unwrap();
//! assert_eq!(rt.eval::<f64>("6 * 7").unwrap(), 42.0);
//! ```

mod binding;
mod clone;
mod errors;
mod esm;
mod event_loop;
mod inspector;
mod io;
mod isolate;
mod messaging;
mod modules;
mod native;
mod pool;
mod promise_hooks;
mod shadow_realm;
mod snapshot;
mod state;
mod tasks;
mod timers;
mod typescript;
mod v8api;
mod value;
mod vm;
mod vm_global;
mod vm_run;
mod worker;

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

pub use clone::structured_clone;
pub use errors::{Error, errno_info, io_error, throw_io_error};
pub use io::{
    Handle, Ready, close_handle, defer, feed, flush_after_dispatch, flush_held_writes, handle,
    handle_has_ref, holding_writes, open_handle, registry, set_handle_active, set_handle_ref,
};
pub use mio;
pub use native::{
    NativeInit, NativeModule, arg_string, js_string, set_fn, set_value, throw_type_error,
};
pub use pool::{JobPanic, submit, submit_work};
pub use snapshot::{SnapshotMode, release_slot_before_snapshot};
pub use state::CodeCacheStats;
pub use v8;
pub use value::{FromJs, Json};

use binding::{bootstrap, build_binding, build_config, promise_reject_callback, string_array};
use state::{LoopState, RuntimeState, hook, state};
use tasks::Outcome;

/// How to build a [`Runtime`].
#[derive(Clone, Default)]
pub struct RuntimeOptions {
    /// Native modules, installed as `binding[name]` (visible to the standard library only).
    pub natives: Vec<NativeModule>,
    /// Native modules for user code, installed as `globalThis[name]`: how an embedder exposes
    /// its own Rust functions to the scripts it runs.
    pub globals: Vec<NativeModule>,
    /// Embedded JS sources: `(builtin id, source)`.
    pub builtins: &'static [(&'static str, &'static str)],
    /// V8 code cache for embedded builtins: `(builtin id, shielded names, cache)`, each made
    /// from the source `builtins` embeds for that id, compiled with the runtime's default V8
    /// flags as `compileBuiltin(id, names, values)` compiles it (no names: as the bootstrap).
    /// eddy-stdlib's build script makes them. An entry is used only for its exact names, and V8
    /// checks its version and flags first, compiling from source when they differ, so an
    /// empty or stale table only costs start-up time.
    pub builtin_code_cache: &'static [(&'static str, &'static [&'static str], &'static [u8])],
    /// Names the bootstrap shields (passes to builtins as parameters) that a builtin's source
    /// never mentions, by builtin id: `compileBuiltin(id, names, values)` leaves them out, so
    /// that a builtin's parameter list, and so the code cache entry it can use, does not depend
    /// on which unrelated globals exist yet. eddy-stdlib's build script makes it. A builtin
    /// not listed gets every name.
    pub builtin_unused_shields: &'static [(&'static str, &'static [&'static str])],
    /// Id of the builtin that bootstraps the JS side and exports the hooks.
    pub bootstrap: &'static str,
    /// Keep every builtin this runtime compiles from its embedded source, so that
    /// [`Runtime::builtin_code_caches`] can serialize them with the functions that ran. Off
    /// normally: a kept builtin holds its compiled code alive (and no snapshot can be built).
    pub keep_builtins: bool,
    /// `process.argv` as the JS side should see it (`[execPath, script, ...args]`).
    pub argv: Vec<String>,
    /// `process.execArgv`: runtime options that came before the script.
    pub exec_argv: Vec<String>,
    /// `process.execPath`.
    pub exec_path: String,
    /// `process.argv0`: the program name exactly as it was invoked (`eddy`, `./eddy`).
    pub argv0: String,
    /// V8 flags; only the first runtime of a process applies them.
    pub v8_flags: Vec<String>,
    /// Development only: load builtin sources from this directory (as `<id>.js`) when present
    /// there, instead of the copies embedded at build time.
    pub dev_stdlib_dir: Option<std::path::PathBuf>,
    /// Build a startup snapshot, start from one, or neither (see [`SnapshotMode`]).
    pub snapshot: SnapshotMode,
    /// Natives whose Rust side must find its JS objects again after a start from a snapshot:
    /// `init(scope, binding[name])` runs on the deserialized object.
    pub rebind: Vec<NativeModule>,
}

/// A JS runtime: one isolate, one context, one event loop.
///
/// Lifecycle: [`Runtime::new`] bootstraps the JS side; run code with [`Runtime::run_main`] /
/// [`Runtime::eval_main`] (Node's uncaught-exception semantics) or [`Runtime::eval`] (errors
/// come back to Rust); then [`Runtime::run_to_completion`] runs the loop, emits 'beforeExit' and
/// 'exit', and returns the exit code.
pub struct Runtime {
    /// The main context. Declared before `isolate` so it is dropped first.
    context: v8::Global<v8::Context>,
    /// Shared with native callbacks through the isolate slot.
    state: Rc<RefCell<RuntimeState>>,
    /// The code 'exit' was emitted with, once it has been (it is emitted once). Unlike a
    /// JS-requested exit this does not stop the runtime: an embedder may still `eval` after it.
    exited: Option<i32>,
    /// Building a snapshot: the `binding` object, serialized beside the hooks.
    binding: Option<v8::Global<v8::Object>>,
    /// Building a snapshot: the runtime's own handles (the inspector's), open before any user
    /// code ran; any beyond them would be serialized as dead.
    baseline_handles: usize,
    /// Started from a snapshot that set a main function (`setDeserializeMainFunction`).
    snapshot_main: bool,
    isolate: isolate::RuntimeIsolate,
}

// ===== impl Runtime =====

impl Runtime {
    /// Create the isolate, install the natives and run the bootstrap builtin.
    pub fn new(options: RuntimeOptions) -> Result<Self, Error> {
        Self::build(options, None)
    }

    /// A runtime; `worker` is set for a worker thread's (see `worker.rs`).
    fn build(options: RuntimeOptions, worker: Option<worker::WorkerCtx>) -> Result<Self, Error> {
        isolate::init_platform(&options.v8_flags);
        let params = match &worker {
            Some(ctx) => worker::create_params(ctx),
            None => v8::CreateParams::default(),
        };
        // A worker starts from the ordinary bootstrap, whatever its parent started from.
        let mode = match &worker {
            Some(_) => SnapshotMode::None,
            None => options.snapshot.clone(),
        };
        let building = matches!(mode, SnapshotMode::Build);
        let blob = match &mode {
            SnapshotMode::Load(bytes) => Some(snapshot::Blob::parse(bytes)?),
            _ => None,
        };
        let isolate = match blob {
            Some(blob) => {
                isolate::configure(snapshot::load_isolate(isolate::with_defaults(params), blob))
            }
            None if building => {
                isolate::configure(snapshot::creator_isolate(isolate::with_defaults(params)))
            }
            None => isolate::new_isolate(params),
        };
        let mut isolate = isolate::RuntimeIsolate::new(isolate, building);
        if let Some(ctx) = &worker {
            worker::prepare(&mut isolate, ctx);
            isolate::set_stack_limit(&mut isolate, worker::stack_limit(&ctx.limits));
        }
        let stop = worker.as_ref().map(|ctx| ctx.shared.stop.clone());
        let thread_id = worker.as_ref().map_or(0, |ctx| ctx.shared.thread_id);
        let idle_ns = worker
            .as_ref()
            .map_or_else(Default::default, |ctx| ctx.shared.idle_ns.clone());
        let event_loop =
            LoopState::new(idle_ns).map_err(|e| Error::Bootstrap(format!("event loop: {e}")))?;
        let state = Rc::new(RefCell::new(RuntimeState {
            builtins: options.builtins.iter().copied().collect(),
            code_cache: modules::code_cache_index(options.builtin_code_cache),
            unused_shields: options.builtin_unused_shields.iter().copied().collect(),
            code_cache_stats: Default::default(),
            kept_builtins: options.keep_builtins.then(Vec::new),
            dev_stdlib_dir: options.dev_stdlib_dir.clone(),
            hooks: None,
            hook_cache: Default::default(),
            exit_code: None,
            event_loop,
            modules: Default::default(),
            ts_cache: Default::default(),
            tick_info: None,
            vm_global_template: None,
            options: Some(Arc::new(options.clone())),
            messaging: Default::default(),
            clone_keys: None,
            worker,
            worker_on_exit: None,
            children: Vec::new(),
            stop,
        }));
        state::publish(&mut isolate, &state);
        // V8 serializes message listeners into a snapshot: its address must be in the table.
        snapshot::note(tasks::ignore_message as v8::MessageCallback as usize);
        isolate.add_message_listener(tasks::ignore_message);
        isolate.set_promise_reject_callback(promise_reject_callback);
        isolate.set_prepare_stack_trace_callback(prepare_stack_trace);
        isolate.set_host_import_module_dynamically_callback(esm::dynamic_import);
        isolate.set_host_initialize_import_meta_object_callback(esm::import_meta);
        isolate.set_host_create_shadow_realm_context_callback(shadow_realm::create_context);

        let mut kept_binding = None;
        let mut snapshot_main = false;
        let context = {
            v8::scope!(let scope, &mut *isolate);
            let context = v8::Context::new(scope, Default::default());
            let scope = &mut v8::ContextScope::new(scope, context);
            // No inspector while a snapshot is built (as in Node): V8's would add natives of
            // its own, bound to itself, to the context that is about to be serialized.
            if !building {
                inspector::attach(scope);
            }
            if matches!(mode, SnapshotMode::Load(_)) {
                let config = build_config(scope, &options, thread_id, false);
                snapshot::restore(scope, config, &options.rebind)?;
                snapshot_main = snapshot::deserialize(scope);
            } else {
                let binding = build_binding(scope, &options, thread_id, building);
                bootstrap(scope, options.bootstrap, binding)?;
                if building {
                    kept_binding = Some(v8::Global::new(scope, binding));
                }
            }
            v8::Global::new(scope, context)
        };
        let baseline_handles = state.borrow().event_loop.io.handle_count();
        Ok(Runtime {
            context,
            state,
            exited: None,
            binding: kept_binding,
            baseline_handles,
            snapshot_main,
            isolate,
        })
    }

    /// Run the file at `path` as the main module (`hooks.runMain`). An exception goes through
    /// Node's uncaught-exception path (report on stderr, exit code 1) rather than to Rust.
    pub fn run_main(&mut self, path: &str) -> Result<(), Error> {
        self.call_hook("runMain", &[HookArg::Str(path)])
    }

    /// Run `source` like `node -e` (or `-p` when `print` is set) with Node's uncaught-exception
    /// semantics. `name` is the script name used in stack traces (`[eval]`, `[stdin]`).
    pub fn eval_main(&mut self, source: &str, print: bool, name: &str) -> Result<(), Error> {
        self.call_hook(
            "evalMain",
            &[
                HookArg::Str(source),
                HookArg::Bool(print),
                HookArg::Str(name),
            ],
        )
    }

    /// Evaluate `source` as a script (with `require` available) and convert its completion
    /// value. A thrown exception comes back as [`Error::Js`]; queued ticks and microtasks run
    /// before this returns.
    pub fn eval<T: FromJs>(&mut self, source: &str) -> Result<T, Error> {
        if let Some(code) = self.state.borrow().exit_code {
            return Err(Error::Exited(code));
        }
        v8::scope_with_context!(let scope, &mut *self.isolate, &self.context);
        let Some(f) = hook(scope, "evaluate") else {
            return Err(Error::Bootstrap(
                "the bootstrap exports no `evaluate` hook".into(),
            ));
        };
        let src = js_string(scope, source).into();
        let name = js_string(scope, "[eval]").into();
        let recv = v8::undefined(scope).into();
        let mut caught = None;
        match tasks::call_catching(scope, f, recv, &[src, name], &mut caught) {
            Outcome::Returned(value) => T::from_js(scope, value),
            Outcome::Exited => Err(Error::Exited(exit_code_of(scope))),
            Outcome::Threw => {
                let exception = match caught {
                    Some(e) => v8::Local::new(scope, e),
                    None => v8::undefined(scope).into(),
                };
                Err(Error::from_exception(scope, exception))
            }
        }
    }

    /// Run the event loop until nothing is left, then emit 'exit' once; returns the process
    /// exit code (`process.exitCode`, or the code JS exited with).
    pub fn run_to_completion(&mut self) -> i32 {
        {
            v8::scope_with_context!(let scope, &mut *self.isolate, &self.context);
            event_loop::run(scope);
        }
        let code = self.emit_exit();
        self.stop_workers();
        code
    }

    /// V8's code cache of every builtin this runtime compiled from its embedded source, made
    /// now, so that it holds the bytecode of each function that has run so far and not only
    /// the top level: `(id, shielded names, cache)`, in the form of
    /// [`RuntimeOptions::builtin_code_cache`]. Empty unless the runtime was made with
    /// [`RuntimeOptions::keep_builtins`]. A process started from such a cache skips parsing and
    /// compiling those functions the first time they run.
    ///
    /// # Examples
    ///
    /// ```no_run
    /// # fn options() -> eddy_runtime::RuntimeOptions { unimplemented!() }
    /// let mut rt = eddy_runtime::Runtime::new(eddy_runtime::RuntimeOptions {
    ///     keep_builtins: true,
    ///     ..options()
    /// })?;
    /// rt.run_main("train.js")?;
    /// rt.run_to_completion();
    /// for (id, names, cache) in rt.builtin_code_caches() {
    ///     println!("{id} ({} names): {} bytes", names.len(), cache.len());
    /// }
    /// # Ok::<(), eddy_runtime::Error>(())
    /// ```
    pub fn builtin_code_caches(&mut self) -> Vec<(String, Vec<String>, Vec<u8>)> {
        let kept = self
            .state
            .borrow()
            .kept_builtins
            .clone()
            .unwrap_or_default();
        v8::scope_with_context!(let scope, &mut *self.isolate, &self.context);
        kept.into_iter()
            .filter_map(|(id, names, function)| {
                let function = v8::Local::new(scope, function);
                let cache = function.create_code_cache()?;
                Some((id, names, cache.to_vec()))
            })
            .collect()
    }

    /// The exit code JS asked for, if it asked (`process.exit`, a fatal exception); a worker
    /// stopped by its parent exits with 1.
    pub fn exit_code(&self) -> Option<i32> {
        let st = self.state.borrow();
        st.exit_code.or_else(|| st.exiting().then_some(1))
    }

    /// How many builtins this runtime compiled from the code cache, and how many cache entries
    /// V8 rejected (see [`RuntimeOptions::builtin_code_cache`]).
    ///
    /// ```no_run
    /// # fn check(rt: &eddy_runtime::Runtime) {
    /// let stats = rt.code_cache_stats();
    /// assert_eq!(stats.rejected, 0, "the cache was made for another V8 or other flags");
    /// # }
    /// ```
    pub fn code_cache_stats(&self) -> CodeCacheStats {
        self.state.borrow().code_cache_stats
    }

    /// Terminate and join the worker threads this runtime started.
    fn stop_workers(&mut self) {
        let children = std::mem::take(&mut self.state.borrow_mut().children);
        if !children.is_empty() {
            worker::stop_children(children);
        }
    }

    /// The loop's cross-thread wake-up (for a worker's parent to reach this runtime).
    fn loop_remote(&self) -> Arc<io::Remote> {
        self.state.borrow().event_loop.io.remote()
    }

    /// A worker's descriptors still tracked at its end (`trackUnmanagedFds`).
    fn take_worker_fds(&self) -> Vec<i32> {
        let mut st = self.state.borrow_mut();
        st.worker
            .as_mut()
            .map(|w| w.fds.drain().collect())
            .unwrap_or_default()
    }

    /// A handle other threads may use to interrupt this isolate's JS.
    fn isolate_handle(&self) -> v8::IsolateHandle {
        self.isolate.thread_safe_handle()
    }

    /// Emit 'exit' (once) unless JS already exited, and return the final exit code.
    fn emit_exit(&mut self) -> i32 {
        if let Some(code) = self.exit_code() {
            return code;
        }
        if self.exited.is_none() {
            // Mark first: an 'exit' listener that schedules work must not emit it again.
            self.exited = Some(0);
            v8::scope_with_context!(let scope, &mut *self.isolate, &self.context);
            if let Some(f) = hook(scope, "emitExit") {
                let recv = v8::undefined(scope).into();
                if let Outcome::Returned(v) = tasks::call(scope, f, recv, &[]) {
                    self.exited = Some(v.int32_value(scope).unwrap_or(0));
                }
            }
        }
        // process.exit() inside an 'exit' listener wins over the natural code.
        self.exit_code().or(self.exited).unwrap_or(0)
    }

    pub(crate) fn call_hook(&mut self, name: &'static str, args: &[HookArg]) -> Result<(), Error> {
        if self.exit_code().is_some() {
            return Ok(());
        }
        v8::scope_with_context!(let scope, &mut *self.isolate, &self.context);
        let Some(f) = hook(scope, name) else {
            return Err(Error::Bootstrap(format!(
                "the bootstrap exports no `{name}` hook"
            )));
        };
        let values: Vec<v8::Local<v8::Value>> = args
            .iter()
            .map(|a| match a {
                HookArg::Str(s) => js_string(scope, s).into(),
                HookArg::Bool(b) => v8::Boolean::new(scope, *b).into(),
                HookArg::Strs(items) => string_array(scope, items).into(),
            })
            .collect();
        let recv = v8::undefined(scope).into();
        tasks::call(scope, f, recv, &values);
        Ok(())
    }
}

impl Drop for Runtime {
    fn drop(&mut self) {
        self.stop_workers();
        // Release our handle on the state before the isolate (which owns the other clone) goes.
        inspector::shutdown(&mut self.isolate);
        let mut st = self.state.borrow_mut();
        st.hooks = None;
        st.hook_cache.clear();
        drop(st);
        state::unpublish(&mut self.isolate);
    }
}

pub(crate) enum HookArg<'a> {
    Str(&'a str),
    Bool(bool),
    Strs(&'a [String]),
}

fn exit_code_of(isolate: &v8::Isolate) -> i32 {
    state(isolate).borrow().exit_code.unwrap_or(0)
}

/// Call a JS function from a binding's completion (a worker-pool job finishing, I/O becoming
/// ready): the same path the loop uses, so an exception becomes an uncaught exception and
/// `process.nextTick` + microtasks drain afterwards. Returns the value, or `None` when it threw
/// or JS asked to exit.
pub fn call_function<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    f: v8::Local<'s, v8::Function>,
    args: &[v8::Local<'s, v8::Value>],
) -> Option<v8::Local<'s, v8::Value>> {
    let recv = v8::undefined(scope).into();
    match tasks::call(scope, f, recv, args) {
        Outcome::Returned(value) => Some(value),
        Outcome::Threw | Outcome::Exited => None,
    }
}

// ===== error.stack =====

/// V8 asks this for `error.stack` the first time it is read. The JS hook `prepareStackTrace`
/// formats it (Node's `Name [CODE]: message` header for Node errors, and a user's
/// `Error.prepareStackTrace`); before the bootstrap installed it, V8's own format is rebuilt
/// here. Formatting on first read, rather than when the error is made, keeps the error's
/// call sites, so an uncaught error's arrow can point where it was created, as in Node.
fn prepare_stack_trace<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    error: v8::Local<'s, v8::Value>,
    sites: v8::Local<'s, v8::Array>,
) -> v8::Local<'s, v8::Value> {
    if let Some(stack) = shadow_realm::prepare_stack_trace(scope, error, sites) {
        return stack;
    }
    if let Some(hook) = state::hook(scope, "prepareStackTrace") {
        let recv = v8::undefined(scope).into();
        if let Some(stack) = hook.call(scope, recv, &[error, sites.into()]) {
            return stack;
        }
    }
    default_stack(scope, error, sites)
}

/// V8's default format: `String(error)`, then one `\n    at <site>` line per call site.
pub(crate) fn default_stack<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    error: v8::Local<'s, v8::Value>,
    sites: v8::Local<'s, v8::Array>,
) -> v8::Local<'s, v8::Value> {
    let mut text = error
        .to_string(scope)
        .map(|s| s.to_rust_string_lossy(scope))
        .unwrap_or_else(|| "Error".to_string());
    for i in 0..sites.length() {
        if let Some(site) = sites.get_index(scope, i)
            && let Some(line) = site.to_string(scope)
        {
            text.push_str("\n    at ");
            text.push_str(&line.to_rust_string_lossy(scope));
        }
    }
    native::js_string(scope, &text).into()
}
