//! Natives behind `node:v8`: heap statistics, V8 flags, the code-cache version tag, and the
//! garbage-collection records of `v8.GCProfiler`. While GC tracking is on, V8's GC prologue and
//! epilogue callbacks note each collection's type, its cost and the heap statistics before and
//! after it. Nothing may call into JS during a collection, so the records wait in an isolate
//! slot until JS takes them (`gcTake()`). The `v8` trace-event category records collections
//! the same way (`gcTrace`/`gcTraceTake`), with their start and end times.

use std::time::Instant;

use crate::native::{js_string, set_fn};

pub(crate) fn install<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "gcTrack", js_gc_track);
    set_fn(scope, target, "gcTake", js_gc_take);
    set_fn(scope, target, "gcTrace", js_gc_trace);
    set_fn(scope, target, "arrayBufferAddress", js_array_buffer_address);
    set_fn(scope, target, "poolTrace", js_pool_trace);
    set_fn(scope, target, "poolTraceTake", js_pool_trace_take);
    set_fn(scope, target, "gcTraceTake", js_gc_trace_take);
    set_fn(scope, target, "heapStatistics", js_heap_statistics);
    set_fn(scope, target, "heapCodeStatistics", js_heap_code_statistics);
    set_fn(
        scope,
        target,
        "setFlagsFromString",
        js_set_flags_from_string,
    );
    set_fn(
        scope,
        target,
        "cachedDataVersionTag",
        js_cached_data_version_tag,
    );
    set_fn(
        scope,
        target,
        "setAbortOnUncaught",
        js_set_abort_on_uncaught,
    );
    scope.set_slot(AbortOnUncaught::default());
    // SAFETY: a live isolate and a callback with the signature V8 expects.
    unsafe {
        let raw = scope.as_raw_isolate_ptr();
        v8_set_abort_on_uncaught_exception_callback(raw, should_abort_on_uncaught);
    }
}

unsafe extern "C" {
    // `void v8::Isolate::SetAbortOnUncaughtExceptionCallback(bool (*)(v8::Isolate*))`,
    // exported by V8 but not wrapped by the v8 crate (`this` comes first; the isolate
    // pointer types are one pointer each).
    #[link_name = "_ZN2v87Isolate35SetAbortOnUncaughtExceptionCallbackEPFbPS0_E"]
    fn v8_set_abort_on_uncaught_exception_callback(
        isolate: v8::UnsafeRawIsolatePtr,
        callback: unsafe extern "C" fn(v8::UnsafeRawIsolatePtr) -> bool,
    );
}

/// Whether an uncaught exception aborts under --abort-on-uncaught-exception (set on the
/// command line or later through v8.setFlagsFromString). Not while a
/// process.setUncaughtExceptionCaptureCallback() callback is set (`captured`): that callback
/// gets the exception instead; nor while a vm script compiles (`compiling`): its syntax
/// error goes to the caller, which may catch it. Both as in Node.
#[derive(Default)]
struct AbortOnUncaught {
    captured: bool,
    compiling: u32,
}

unsafe extern "C" fn should_abort_on_uncaught(isolate: v8::UnsafeRawIsolatePtr) -> bool {
    // SAFETY: V8 passes the isolate whose exception is uncaught, on its own thread.
    let isolate = unsafe { v8::Isolate::ref_from_raw_isolate_ptr(&isolate) };
    isolate
        .get_slot::<AbortOnUncaught>()
        .is_none_or(|t| !t.captured && t.compiling == 0)
}

/// Enter (`true`) or leave (`false`) a compilation whose exception must not abort the
/// process: see [`AbortOnUncaught`].
pub(crate) fn compiling(isolate: &mut v8::Isolate, on: bool) {
    if let Some(state) = isolate.get_slot_mut::<AbortOnUncaught>() {
        if on {
            state.compiling += 1;
        } else {
            state.compiling = state.compiling.saturating_sub(1);
        }
    }
}

/// `setAbortOnUncaught(on)`: see [`AbortOnUncaught`].
fn js_set_abort_on_uncaught(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let on = args.get(0).boolean_value(scope);
    if let Some(state) = scope.get_slot_mut::<AbortOnUncaught>() {
        state.captured = !on;
    }
}

/// `heapStatistics()` → `v8.getHeapStatistics()`'s numbers in its order: total_heap_size,
/// total_heap_size_executable, total_physical_size, total_available_size, used_heap_size,
/// heap_size_limit, malloced_memory, peak_malloced_memory, does_zap_garbage,
/// number_of_native_contexts, number_of_detached_contexts, total_global_handles_size,
/// used_global_handles_size, external_memory.
fn js_heap_statistics(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let s = scope.get_heap_statistics();
    let numbers = [
        s.total_heap_size(),
        s.total_heap_size_executable(),
        s.total_physical_size(),
        s.total_available_size(),
        s.used_heap_size(),
        s.heap_size_limit(),
        s.malloced_memory(),
        s.peak_malloced_memory(),
        usize::from(s.does_zap_garbage()),
        s.number_of_native_contexts(),
        s.number_of_detached_contexts(),
        s.total_global_handles_size(),
        s.used_global_handles_size(),
        s.external_memory(),
    ];
    let values: Vec<v8::Local<v8::Value>> = numbers
        .iter()
        .map(|n| v8::Number::new(scope, *n as f64).into())
        .collect();
    rv.set(v8::Array::new_with_elements(scope, &values).into());
}

/// `heapCodeStatistics()` → `[code_and_metadata_size, bytecode_and_metadata_size,
/// external_script_source_size, cpu_profiler_metadata_size]`.
fn js_heap_code_statistics(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let numbers = match scope.get_heap_code_and_metadata_statistics() {
        Some(s) => [
            s.code_and_metadata_size(),
            s.bytecode_and_metadata_size(),
            s.external_script_source_size(),
            s.cpu_profiler_metadata_size(),
        ],
        None => [0; 4],
    };
    let values: Vec<v8::Local<v8::Value>> = numbers
        .iter()
        .map(|n| v8::Number::new(scope, *n as f64).into())
        .collect();
    rv.set(v8::Array::new_with_elements(scope, &values).into());
}

/// `setFlagsFromString(flags)`: V8 reads the flags now (the platform is started with
/// `--no-freeze-flags-after-init`, as Node's is, so that they can still change).
fn js_set_flags_from_string(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let flags = args.get(0).to_rust_string_lossy(scope);
    v8::V8::set_flags_from_string(&flags);
}

/// `cachedDataVersionTag()`: V8's tag for code caches, which depends on its version and flags.
fn js_cached_data_version_tag(
    _scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    rv.set_uint32(v8::script_compiler::cached_data_version_tag());
}

/// The heap at one moment: `v8.getHeapStatistics()`'s numbers (in GCProfiler's order) and
/// each space's name, size, used, available and physical size.
struct HeapAt {
    heap: [f64; 11],
    spaces: Vec<(String, [f64; 4])>,
}

struct Record {
    gc_type: u32,
    /// Microseconds, as Node's GCProfiler reports `cost`.
    cost_us: f64,
    before: HeapAt,
    after: HeapAt,
}

#[derive(Default)]
struct GcLog {
    on: bool,
    /// The collection in progress: when it started and the heap before it.
    pending: Option<(Instant, HeapAt)>,
    records: Vec<Record>,
}

fn heap_at(isolate: &mut v8::Isolate) -> HeapAt {
    let s = isolate.get_heap_statistics();
    let heap = [
        s.total_heap_size(),
        s.total_heap_size_executable(),
        s.total_physical_size(),
        s.total_available_size(),
        s.total_global_handles_size(),
        s.used_global_handles_size(),
        s.used_heap_size(),
        s.heap_size_limit(),
        s.malloced_memory(),
        s.external_memory(),
        s.peak_malloced_memory(),
    ]
    .map(|n| n as f64);
    let mut spaces = Vec::new();
    for i in 0..isolate.number_of_heap_spaces() {
        if let Some(space) = isolate.get_heap_space_statistics(i) {
            let name = space.space_name().to_string_lossy().into_owned();
            let numbers = [
                space.space_size(),
                space.space_used_size(),
                space.space_available_size(),
                space.physical_space_size(),
            ]
            .map(|n| n as f64);
            spaces.push((name, numbers));
        }
    }
    HeapAt { heap, spaces }
}

unsafe extern "C" fn prologue(
    mut isolate: v8::UnsafeRawIsolatePtr,
    _gc_type: v8::GCType,
    _flags: v8::GCCallbackFlags,
    _data: *mut std::ffi::c_void,
) {
    // SAFETY: V8 passes the isolate that is collecting, on its own thread.
    let isolate = unsafe { v8::Isolate::ref_from_raw_isolate_ptr_mut(&mut isolate) };
    let before = heap_at(isolate);
    if let Some(log) = isolate.get_slot_mut::<GcLog>() {
        log.pending = Some((Instant::now(), before));
    }
}

unsafe extern "C" fn epilogue(
    mut isolate: v8::UnsafeRawIsolatePtr,
    gc_type: v8::GCType,
    _flags: v8::GCCallbackFlags,
    _data: *mut std::ffi::c_void,
) {
    // SAFETY: as in `prologue`.
    let isolate = unsafe { v8::Isolate::ref_from_raw_isolate_ptr_mut(&mut isolate) };
    let after = heap_at(isolate);
    if let Some(log) = isolate.get_slot_mut::<GcLog>()
        && let Some((start, before)) = log.pending.take()
    {
        log.records.push(Record {
            gc_type: gc_type.0,
            cost_us: start.elapsed().as_secs_f64() * 1e6,
            before,
            after,
        });
    }
}

/// `gcTrack(on)`: start or stop recording collections. Records not yet taken are dropped when
/// tracking stops.
fn js_gc_track(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let on = args.get(0).boolean_value(scope);
    if scope.get_slot::<GcLog>().is_none() {
        scope.set_slot(GcLog::default());
    }
    let was = scope.get_slot::<GcLog>().is_some_and(|log| log.on);
    if on == was {
        return;
    }
    if on {
        scope.add_gc_prologue_callback(prologue, std::ptr::null_mut(), v8::GCType::kGCTypeAll);
        scope.add_gc_epilogue_callback(epilogue, std::ptr::null_mut(), v8::GCType::kGCTypeAll);
    } else {
        scope.remove_gc_prologue_callback(prologue, std::ptr::null_mut());
        scope.remove_gc_epilogue_callback(epilogue, std::ptr::null_mut());
    }
    if let Some(log) = scope.get_slot_mut::<GcLog>() {
        *log = GcLog {
            on,
            ..Default::default()
        };
    }
}

/// `gcTake()` → the records since the last call: `[gcType, costMicros, before, after]`, where
/// before/after are `[heapNumbers, [[spaceName, size, used, available, physical], ...]]`.
fn js_gc_take(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let records = match scope.get_slot_mut::<GcLog>() {
        Some(log) => std::mem::take(&mut log.records),
        None => Vec::new(),
    };
    let mut rows = Vec::with_capacity(records.len());
    for record in records {
        let gc_type = v8::Integer::new_from_unsigned(scope, record.gc_type).into();
        let cost = v8::Number::new(scope, record.cost_us).into();
        let before = heap_value(scope, &record.before);
        let after = heap_value(scope, &record.after);
        rows.push(v8::Array::new_with_elements(scope, &[gc_type, cost, before, after]).into());
    }
    rv.set(v8::Array::new_with_elements(scope, &rows).into());
}

fn heap_value<'s>(scope: &mut v8::PinScope<'s, '_>, at: &HeapAt) -> v8::Local<'s, v8::Value> {
    let numbers: Vec<v8::Local<v8::Value>> = at
        .heap
        .iter()
        .map(|n| v8::Number::new(scope, *n).into())
        .collect();
    let numbers = v8::Array::new_with_elements(scope, &numbers).into();
    let mut spaces = Vec::with_capacity(at.spaces.len());
    for (name, values) in &at.spaces {
        let mut row: Vec<v8::Local<v8::Value>> = vec![js_string(scope, name).into()];
        row.extend(
            values
                .iter()
                .map(|n| -> v8::Local<v8::Value> { v8::Number::new(scope, *n).into() }),
        );
        spaces.push(v8::Array::new_with_elements(scope, &row).into());
    }
    let spaces = v8::Array::new_with_elements(scope, &spaces).into();
    v8::Array::new_with_elements(scope, &[numbers, spaces]).into()
}

/// The collections V8 makes while the `v8` trace-event category is on: each one's GC type and
/// its start and end on CLOCK_MONOTONIC (the clock of process.hrtime and of the trace file).
/// As with `GcLog`, nothing may call into JS during a collection: the records wait in an
/// isolate slot until the trace file is written (`gcTraceTake()`).
#[derive(Default)]
struct GcTrace {
    on: bool,
    start: Option<u64>,
    records: Vec<(u32, u64, u64)>,
}

pub(crate) fn monotonic_ns() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime only writes the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

unsafe extern "C" fn trace_prologue(
    mut isolate: v8::UnsafeRawIsolatePtr,
    _gc_type: v8::GCType,
    _flags: v8::GCCallbackFlags,
    _data: *mut std::ffi::c_void,
) {
    // SAFETY: V8 passes the isolate that is collecting, on its own thread.
    let isolate = unsafe { v8::Isolate::ref_from_raw_isolate_ptr_mut(&mut isolate) };
    if let Some(trace) = isolate.get_slot_mut::<GcTrace>() {
        trace.start = Some(monotonic_ns());
    }
}

unsafe extern "C" fn trace_epilogue(
    mut isolate: v8::UnsafeRawIsolatePtr,
    gc_type: v8::GCType,
    _flags: v8::GCCallbackFlags,
    _data: *mut std::ffi::c_void,
) {
    // SAFETY: as in `trace_prologue`.
    let isolate = unsafe { v8::Isolate::ref_from_raw_isolate_ptr_mut(&mut isolate) };
    if let Some(trace) = isolate.get_slot_mut::<GcTrace>()
        && let Some(start) = trace.start.take()
    {
        trace.records.push((gc_type.0, start, monotonic_ns()));
    }
}

/// `gcTrace(on)`: start or stop recording collections for the trace file.
fn js_gc_trace(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let on = args.get(0).boolean_value(scope);
    if scope.get_slot::<GcTrace>().is_none() {
        scope.set_slot(GcTrace::default());
    }
    let was = scope.get_slot::<GcTrace>().is_some_and(|t| t.on);
    if on == was {
        return;
    }
    if on {
        scope.add_gc_prologue_callback(
            trace_prologue,
            std::ptr::null_mut(),
            v8::GCType::kGCTypeAll,
        );
        scope.add_gc_epilogue_callback(
            trace_epilogue,
            std::ptr::null_mut(),
            v8::GCType::kGCTypeAll,
        );
    } else {
        scope.remove_gc_prologue_callback(trace_prologue, std::ptr::null_mut());
        scope.remove_gc_epilogue_callback(trace_epilogue, std::ptr::null_mut());
    }
    if let Some(trace) = scope.get_slot_mut::<GcTrace>() {
        trace.on = on;
        trace.start = None;
    }
}

/// `gcTraceTake()` → the collections since the last call, flat: `[gcType, startUs, endUs, ...]`.
fn js_gc_trace_take(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let records = match scope.get_slot_mut::<GcTrace>() {
        Some(trace) => std::mem::take(&mut trace.records),
        None => Vec::new(),
    };
    let mut flat = Vec::with_capacity(records.len() * 3);
    for (gc_type, start, end) in records {
        for n in [gc_type as f64, (start / 1000) as f64, (end / 1000) as f64] {
            flat.push(v8::Number::new(scope, n).into());
        }
    }
    rv.set(v8::Array::new_with_elements(scope, &flat).into());
}

/// `arrayBufferAddress(buffer)`: where a (Shared)ArrayBuffer's bytes are, as C's `%p` prints
/// it (--trace-atomics-wait names the memory a wait is on, the same from every thread).
fn js_array_buffer_address(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let value = args.get(0);
    let data = if let Ok(sab) = v8::Local::<v8::SharedArrayBuffer>::try_from(value) {
        sab.get_backing_store().data()
    } else if let Ok(ab) = v8::Local::<v8::ArrayBuffer>::try_from(value) {
        ab.get_backing_store().data()
    } else {
        return;
    };
    let text = match data {
        Some(ptr) => format!("{:p}", ptr.as_ptr()),
        None => "(nil)".to_string(),
    };
    rv.set(js_string(scope, &text).into());
}

/// `poolTrace(on)`: note thread-pool jobs for the node.threadpoolwork trace events.
fn js_pool_trace(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let on = args.get(0).boolean_value(scope);
    if scope.get_slot::<crate::pool::PoolTrace>().is_none() {
        scope.set_slot(crate::pool::PoolTrace::default());
    }
    if let Some(trace) = scope.get_slot_mut::<crate::pool::PoolTrace>() {
        trace.on = on;
    }
}

/// `poolTraceTake()` → the noted instants since the last call, flat:
/// `[kind, phase, us, osThreadId, id, ...]`.
fn js_pool_trace_take(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let events = match scope.get_slot_mut::<crate::pool::PoolTrace>() {
        Some(trace) => std::mem::take(&mut trace.events),
        None => Vec::new(),
    };
    let mut flat: Vec<v8::Local<v8::Value>> = Vec::with_capacity(events.len() * 5);
    for e in events {
        flat.push(js_string(scope, e.kind).into());
        flat.push(js_string(scope, &e.phase.to_string()).into());
        flat.push(v8::Number::new(scope, (e.ns / 1000) as f64).into());
        flat.push(v8::Number::new(scope, e.tid as f64).into());
        flat.push(v8::Number::new(scope, e.id as f64).into());
    }
    rv.set(v8::Array::new_with_elements(scope, &flat).into());
}
