//! `binding`, the object every builtin gets: one object per native module, `binding.config`
//! (what the process was started with) and `binding.runtime` (the runtime's own natives); and
//! the bootstrap builtin's run, whose exports become the hooks the runtime calls.

use crate::native::{js_string, set_fn, set_value};
use crate::state::{exit_requested, hook, state};
use crate::{Error, RuntimeOptions, errors, esm, inspector, messaging, modules, promise_hooks};
use crate::{snapshot, tasks, timers, typescript, v8api, vm, vm_run, worker};

/// `binding`: one object per native module, plus `binding.runtime` and `binding.config`.
pub(crate) fn build_binding<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    options: &RuntimeOptions,
    thread_id: u64,
    building_snapshot: bool,
) -> v8::Local<'s, v8::Object> {
    let binding = v8::Object::new(scope);
    let runtime = v8::Object::new(scope);
    modules::install(scope, runtime);
    esm::install(scope, runtime);
    vm::install(scope, runtime);
    vm_run::install(scope, runtime);
    v8api::install(scope, runtime);
    set_fn(
        scope,
        runtime,
        "stripTypeScript",
        typescript::js_strip_typescript,
    );
    set_fn(scope, runtime, "runMicrotasks", js_run_microtasks);
    set_fn(scope, runtime, "getAsyncContext", js_get_async_context);
    set_fn(scope, runtime, "setAsyncContext", js_set_async_context);
    set_fn(
        scope,
        runtime,
        "setPromiseHooks",
        promise_hooks::js_set_promise_hooks,
    );
    set_fn(
        scope,
        runtime,
        "defineLazyDataProperty",
        js_define_lazy_data_property,
    );
    set_fn(scope, runtime, "exit", js_exit);
    set_fn(scope, runtime, "idleTime", js_idle_time);
    set_fn(
        scope,
        runtime,
        "setTraceUncaught",
        tasks::js_set_trace_uncaught,
    );
    set_fn(scope, runtime, "heapSnapshot", js_heap_snapshot);
    set_fn(scope, runtime, "heapSpaces", js_heap_spaces);
    set_fn(
        scope,
        runtime,
        "triggerUncaughtException",
        js_trigger_uncaught,
    );
    let store = v8::ArrayBuffer::new_backing_store(scope, 8).make_shared();
    let buffer = v8::ArrayBuffer::with_backing_store(scope, &store);
    if let Some(tick_info) = v8::Int32Array::new(scope, buffer, 0, 2) {
        set_value(scope, runtime, "tickInfo", tick_info.into());
        state(scope).borrow_mut().tick_info = Some(store);
    }
    set_value(scope, binding, "runtime", runtime.into());
    let timers = v8::Object::new(scope);
    timers::install(scope, timers);
    set_value(scope, binding, "timers", timers.into());
    let messaging = v8::Object::new(scope);
    messaging::install(scope, messaging);
    set_value(scope, binding, "messaging", messaging.into());
    let workers = v8::Object::new(scope);
    worker::install(scope, workers);
    set_value(scope, binding, "worker", workers.into());
    let inspector = v8::Object::new(scope);
    inspector::install(scope, inspector);
    set_value(scope, binding, "inspector", inspector.into());

    let config = build_config(scope, options, thread_id, building_snapshot);
    set_value(scope, binding, "config", config.into());

    for module in &options.natives {
        let target = v8::Object::new(scope);
        (module.init)(scope, target);
        set_value(scope, binding, module.name, target.into());
    }
    let global = scope.get_current_context().global(scope);
    for module in &options.globals {
        let target = v8::Object::new(scope);
        (module.init)(scope, target);
        set_value(scope, global, module.name, target.into());
    }
    binding
}

/// `binding.config`: what this process was started with.
pub(crate) fn build_config<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    options: &RuntimeOptions,
    thread_id: u64,
    building_snapshot: bool,
) -> v8::Local<'s, v8::Object> {
    let config = v8::Object::new(scope);
    let argv = string_array(scope, &options.argv);
    set_value(scope, config, "argv", argv.into());
    let exec_argv = string_array(scope, &options.exec_argv);
    set_value(scope, config, "execArgv", exec_argv.into());
    let exec_path = js_string(scope, &options.exec_path);
    set_value(scope, config, "execPath", exec_path.into());
    if !options.argv0.is_empty() {
        let argv0 = js_string(scope, &options.argv0);
        set_value(scope, config, "argv0", argv0.into());
    }
    let id = v8::Number::new(scope, thread_id as f64);
    set_value(scope, config, "threadId", id.into());
    if building_snapshot {
        let yes = v8::Boolean::new(scope, true);
        set_value(scope, config, "buildingSnapshot", yes.into());
    }
    config
}

pub(crate) fn string_array<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    items: &[String],
) -> v8::Local<'s, v8::Array> {
    let values: Vec<v8::Local<v8::Value>> =
        items.iter().map(|s| js_string(scope, s).into()).collect();
    v8::Array::new_with_elements(scope, &values)
}

/// Run the bootstrap builtin and keep its exports as the hooks object.
pub(crate) fn bootstrap<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    id: &str,
    binding: v8::Local<'s, v8::Object>,
) -> Result<(), Error> {
    v8::tc_scope!(let tc, scope);
    let exports = v8::Object::new(tc);
    let module = v8::Object::new(tc);
    set_value(tc, module, "exports", exports.into());
    let ok = match modules::compile_builtin(tc, id) {
        Some(f) => {
            let undefined = v8::undefined(tc).into();
            f.call(
                tc,
                undefined,
                &[exports.into(), undefined, module.into(), binding.into()],
            )
            .is_some()
        }
        None => false,
    };
    if !ok {
        let report = match tc.exception() {
            Some(e) => {
                let err = Error::from_exception(tc, e);
                err.to_string()
            }
            None => "terminated".to_string(),
        };
        return Err(Error::Bootstrap(report));
    }
    let key = js_string(tc, "exports");
    let hooks = module
        .get(tc, key.into())
        .and_then(|v| v8::Local::<v8::Object>::try_from(v).ok())
        .ok_or_else(|| Error::Bootstrap(format!("builtin `{id}` exported no hooks object")))?;
    state(tc).borrow_mut().hooks = Some(v8::Global::new(tc, hooks));
    Ok(())
}

// ===== natives: binding.runtime =====

fn js_run_microtasks(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    scope.perform_microtask_checkpoint();
}

/// `getAsyncContext()`: the value V8 carries along promise reactions (the "continuation
/// preserved embedder data"); AsyncLocalStorage keeps its frame there, and the timer, tick and
/// pool queues capture it when work is scheduled and restore it when the work runs.
fn js_get_async_context(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    rv.set(scope.get_continuation_preserved_embedder_data());
}

/// `setAsyncContext(frame)`: see [`js_get_async_context`].
fn js_set_async_context(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    scope.set_continuation_preserved_embedder_data(args.get(0));
}

/// `defineLazyDataProperty(object, name, load, enumerable)`: a writable, configurable data
/// property whose value `load()` computes on first access (V8's lazy data property): it reads
/// as a data property, as Node's URL and URLSearchParams globals do, yet costs nothing until
/// used.
fn js_define_lazy_data_property(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let (Ok(object), Ok(name), Ok(load)) = (
        v8::Local::<v8::Object>::try_from(args.get(0)),
        v8::Local::<v8::Name>::try_from(args.get(1)),
        v8::Local::<v8::Function>::try_from(args.get(2)),
    ) else {
        return;
    };
    let attr = if args.get(3).boolean_value(scope) {
        v8::PropertyAttribute::NONE
    } else {
        v8::PropertyAttribute::DONT_ENUM
    };
    // The same trampoline V8 gets below, noted for snapshots.
    let _: v8::AccessorNameGetterCallback = snapshot::noted(lazy_data_getter);
    object.set_lazy_data_property_with_data(
        scope,
        name,
        lazy_data_getter,
        load.into(),
        attr,
        v8::SideEffectType::HasSideEffect,
        v8::SideEffectType::HasSideEffect,
    );
}

fn lazy_data_getter<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    _key: v8::Local<'s, v8::Name>,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Value>,
) {
    let Ok(load) = v8::Local::<v8::Function>::try_from(args.data()) else {
        return;
    };
    let undefined = v8::undefined(scope).into();
    if let Some(value) = load.call(scope, undefined, &[]) {
        rv.set(value);
    }
}

/// `idleTime()`: milliseconds the loop has spent waiting for I/O (`nodeTiming.idleTime`).
fn js_idle_time(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let ms = state(scope).borrow().event_loop.io.idle_ms();
    rv.set_double(ms);
}

/// `heapSnapshot()`: a heap snapshot of this isolate, as the JSON text V8 writes.
fn js_heap_snapshot(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let mut bytes = Vec::new();
    scope.take_heap_snapshot(|chunk| {
        bytes.extend_from_slice(chunk);
        true
    });
    let text = String::from_utf8_lossy(&bytes);
    if let Some(s) = v8::String::new(scope, &text) {
        rv.set(s.into());
    }
}

/// `heapSpaces()`: `[name, size, used, available, physical]` for each space of V8's heap
/// (`v8.getHeapSpaceStatistics()`).
fn js_heap_spaces(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let mut rows = Vec::new();
    for i in 0..scope.number_of_heap_spaces() {
        let Some(stats) = scope.get_heap_space_statistics(i) else {
            continue;
        };
        let name = stats.space_name().to_string_lossy().into_owned();
        let numbers = [
            stats.space_size(),
            stats.space_used_size(),
            stats.space_available_size(),
            stats.physical_space_size(),
        ];
        let mut row: Vec<v8::Local<v8::Value>> = vec![js_string(scope, &name).into()];
        for n in numbers {
            row.push(v8::Number::new(scope, n as f64).into());
        }
        rows.push(v8::Array::new_with_elements(scope, &row).into());
    }
    let list = v8::Array::new_with_elements(scope, &rows);
    rv.set(list.into());
}

/// `exit(code)`: remember the code and unwind all JS; the embedder decides what exiting means.
fn js_exit(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let code = args.get(0).int32_value(scope).unwrap_or(0);
    state(scope).borrow_mut().exit_code.get_or_insert(code);
    scope.terminate_execution();
}

/// `triggerUncaughtException(error, fromPromise)`: the uncaught path for errors JS caught on
/// the user's behalf (queueMicrotask callbacks, unhandled rejections). The arrow points where
/// the error was created, as in Node.
fn js_trigger_uncaught(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let error = args.get(0);
    let from_promise = args.get(1).is_true();
    let message = v8::Exception::create_message(scope, error);
    let origin = if from_promise {
        "unhandledRejection"
    } else {
        "uncaughtException"
    };
    tasks::report_uncaught(scope, error, Some(message), origin);
}

/// V8 tells us when a promise is rejected with no handler (and when one is added later); the JS
/// side keeps the bookkeeping and decides after the microtask queue drains, as Node does.
pub(crate) extern "C" fn promise_reject_callback(message: v8::PromiseRejectMessage) {
    let promise = message.get_promise();
    v8::callback_scope!(unsafe scope, promise);
    let Some(context) = promise.get_creation_context(scope) else {
        return;
    };
    let scope = &mut v8::ContextScope::new(scope, context);
    if exit_requested(scope) {
        return;
    }
    let Some(handler) = hook(scope, "promiseRejectHandler") else {
        return;
    };
    let kind = v8::Integer::new(scope, message.get_event() as i32).into();
    let reason = message
        .get_value()
        .unwrap_or_else(|| v8::undefined(scope).into());
    let recv = v8::undefined(scope).into();
    v8::tc_scope!(let tc, scope);
    handler.call(tc, recv, &[kind, promise.into(), reason]);
    // The handler can fail where the rejection happened (a stack overflow deep in a
    // recursion): Node reports that and carries on.
    if tc.has_caught()
        && !tc.has_terminated()
        && let Some(exception) = tc.exception()
    {
        let arrow = tc
            .message()
            .map(|m| errors::arrow_message(tc, m, false))
            .unwrap_or_default();
        let text = match errors::Error::from_exception(tc, exception) {
            errors::Error::Js {
                stack: Some(stack), ..
            } => stack,
            errors::Error::Js { message, .. } => message,
            other => other.to_string(),
        };
        // Not eprint!: a closed stderr must not panic.
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            format!("Exception in PromiseRejectCallback:\n{arrow}\n{text}\n\n").as_bytes(),
        );
    }
}
