//! Compiling code: embedded builtins (`node:` modules) and user sources (CommonJS wrappers and
//! plain scripts), and evaluating it without side effects (the REPL's preview). Resolution and the CommonJS `Module` object live in stdlib-js
//! (`internal/modules/cjs/loader`); this file only turns source text into V8 functions.

use crate::native::{arg_string, js_string, set_fn, throw_type_error};
use crate::state::state;

/// Parameters of the wrapper every builtin is compiled in.
const BUILTIN_PARAMS: [&str; 4] = ["exports", "require", "module", "binding"];

/// Compile `source` as the body of `function (params…)`, named `resource` in stack traces.
pub(crate) fn compile_function<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    source: &str,
    resource: &str,
    params: &[&str],
) -> Option<v8::Local<'s, v8::Function>> {
    let code = v8::String::new(scope, source)?;
    let name = js_string(scope, resource);
    let origin = script_origin(scope, name.into(), false);
    let mut src = v8::script_compiler::Source::new(code, Some(&origin));
    let params: Vec<v8::Local<v8::String>> = params.iter().map(|p| js_string(scope, p)).collect();
    v8::script_compiler::compile_function(
        scope,
        &mut src,
        &params,
        &[],
        v8::script_compiler::CompileOptions::NoCompileOptions,
        v8::script_compiler::NoCacheReason::NoReason,
    )
}

/// Code cache entries by builtin id: `(shielded names, cache)`. V8 checks a cache's version,
/// flags and source length, not the parameters of the function it was made for, so an entry
/// is only ever used for the exact names it was made with.
pub(crate) type CodeCacheIndex =
    std::collections::HashMap<&'static str, Vec<(&'static [&'static str], &'static [u8])>>;

pub(crate) fn code_cache_index(
    table: &'static [(&'static str, &'static [&'static str], &'static [u8])],
) -> CodeCacheIndex {
    let mut index = CodeCacheIndex::new();
    for &(id, names, cache) in table {
        index.entry(id).or_default().push((names, cache));
    }
    index
}

/// Compile `source` as the body of `function (params…)` from its V8 code `cache`, which V8
/// checks first: when it does not fit (other flags), V8 compiles from source instead.
fn compile_cached<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    source: &str,
    resource: &str,
    params: &[&str],
    cache: &'static [u8],
) -> Option<v8::Local<'s, v8::Function>> {
    let code = v8::String::new(scope, source)?;
    let name = js_string(scope, resource);
    let origin = script_origin(scope, name.into(), false);
    let data = v8::script_compiler::CachedData::new(cache);
    let mut src = v8::script_compiler::Source::new_with_cached_data(code, Some(&origin), data);
    let params: Vec<v8::Local<v8::String>> = params.iter().map(|p| js_string(scope, p)).collect();
    let function = v8::script_compiler::compile_function(
        scope,
        &mut src,
        &params,
        &[],
        v8::script_compiler::CompileOptions::ConsumeCodeCache,
        v8::script_compiler::NoCacheReason::NoReason,
    );
    let rejected = src.get_cached_data().is_some_and(|d| d.rejected());
    let st = state(scope);
    let mut st = st.borrow_mut();
    if rejected {
        st.code_cache_stats.rejected += 1;
    } else {
        st.code_cache_stats.accepted += 1;
    }
    function
}

/// Compile and run `source` as a classic script in the global scope (for `-e`, `-p`, `eval`).
pub(crate) fn run_script<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    source: v8::Local<'s, v8::String>,
    resource: v8::Local<'s, v8::Value>,
) -> Option<v8::Local<'s, v8::Value>> {
    let origin = script_origin(scope, resource, false);
    let script = v8::Script::compile(scope, source, Some(&origin))?;
    script.run(scope)
}

fn script_origin<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    resource: v8::Local<'s, v8::Value>,
    is_module: bool,
) -> v8::ScriptOrigin<'s> {
    v8::ScriptOrigin::new(
        scope, resource, 0, 0, false, 0, None, false, false, is_module, None,
    )
}

/// Compile builtin `id` inside the builtin wrapper. Throws if it does not exist.
pub(crate) fn compile_builtin<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    id: &str,
) -> Option<v8::Local<'s, v8::Function>> {
    compile_builtin_with(scope, id, None)
}

/// Compile builtin `id`; with `shielded` names, as `function (...shielded) { return <the
/// builtin wrapper> }`, so that the builtin reads those names from the outer function's
/// parameters instead of the global scope, where a script's top-level `let process` (typed
/// at the REPL) would shadow them. The wrapper opens on the builtin's first line, so line
/// numbers stay true.
fn compile_builtin_with<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    id: &str,
    shielded: Option<&[&str]>,
) -> Option<v8::Local<'s, v8::Function>> {
    // The bootstrap's cache entry has no names; every shielded list has `process`.
    let names = shielded.unwrap_or(&[]);
    let (embedded, cached, dev_dir) = {
        let st = state(scope);
        let st = st.borrow();
        let cached = st
            .code_cache
            .get(id)
            .and_then(|entries| entries.iter().find(|(list, _)| *list == names))
            .map(|&(_, cache)| cache);
        (
            st.builtins.get(id).copied(),
            cached,
            st.dev_stdlib_dir.clone(),
        )
    };
    // Development: a builtin present under the stdlib directory on disk wins over the copy
    // embedded at build time, so the JS side can be edited without rebuilding.
    let from_disk =
        dev_dir.and_then(|dir| std::fs::read_to_string(dir.join(format!("{id}.js"))).ok());
    // The cache was made from the embedded source: never use it for another text (V8 only
    // compares the source's length).
    let cached = if from_disk.is_none() { cached } else { None };
    let embedded = if from_disk.is_none() { embedded } else { None };
    let source: Option<std::borrow::Cow<str>> = match from_disk {
        Some(text) => Some(text.into()),
        None => embedded.map(Into::into),
    };
    let resource = format!("node:{id}");
    let function = compile_builtin_source(scope, id, source, shielded, &resource, cached);
    if let (Some(function), Some(_)) = (function, embedded) {
        keep_builtin(scope, id, names, function);
    }
    // V8 copied the source into its heap and read the cache: the embedded bytes are not needed
    // again (a worker reads them anew), so the next trim hands their pages back.
    if let Some(text) = embedded {
        note_used_pages(text.as_bytes());
    }
    if let Some(cache) = cached {
        note_used_pages(cache);
    }
    function
}

/// Keeps `function`, builtin `id` compiled with `names`, when the runtime keeps builtins
/// (`RuntimeOptions::keep_builtins`), for `Runtime::builtin_code_caches`.
fn keep_builtin(
    scope: &mut v8::PinScope,
    id: &str,
    names: &[&str],
    function: v8::Local<v8::Function>,
) {
    let st = state(scope);
    let mut st = st.borrow_mut();
    if let Some(kept) = st.kept_builtins.as_mut() {
        let names = names.iter().map(|n| n.to_string()).collect();
        kept.push((id.to_string(), names, v8::Global::new(scope, function)));
    }
}

fn compile_builtin_source<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    id: &str,
    source: Option<std::borrow::Cow<str>>,
    shielded: Option<&[&str]>,
    resource: &str,
    cached: Option<&'static [u8]>,
) -> Option<v8::Local<'s, v8::Function>> {
    match (source, shielded) {
        (Some(source), None) => match cached {
            Some(cache) => compile_cached(scope, &source, resource, &BUILTIN_PARAMS, cache),
            None => compile_function(scope, &source, resource, &BUILTIN_PARAMS),
        },
        (Some(source), Some(names)) => {
            let body = format!(
                "return function ({}) {{{source}\n}};",
                BUILTIN_PARAMS.join(", ")
            );
            match cached {
                Some(cache) => compile_cached(scope, &body, resource, names, cache),
                None => compile_function(scope, &body, resource, names),
            }
        }
        (None, _) => {
            throw_type_error(
                scope,
                "ERR_UNKNOWN_BUILTIN_MODULE",
                &format!("No such built-in module: {id}"),
            );
            None
        }
    }
}

/// Pages of embedded builtin data (sources and code caches) that V8 has read and copied, to be
/// handed back with the next trim ([`release_used_pages`]): (start, end), page-aligned.
static USED_PAGES: std::sync::Mutex<Vec<(usize, usize)>> = std::sync::Mutex::new(Vec::new());

/// Note the pages lying wholly inside `bytes`, read-only data embedded in the binary that V8
/// has compiled from and will not read again (a worker reads them anew from the page cache).
fn note_used_pages(bytes: &'static [u8]) {
    const PAGE: usize = 4096;
    let start = (bytes.as_ptr() as usize).next_multiple_of(PAGE);
    let end = (bytes.as_ptr() as usize + bytes.len()) & !(PAGE - 1);
    if end > start
        && let Ok(mut pages) = USED_PAGES.lock()
    {
        pages.push((start, end));
    }
}

/// Hand back the builtin pages noted since the last call: they leave the process's RSS (about
/// 3 MB for a plain script, 5 MB in an HTTP server under load) and come back from the page
/// cache if ever read again. Called with the loop's occasional heap trims, not at each
/// compile: every madvise makes the kernel flush the TLBs of the other threads' CPUs, which
/// costs a short script more than it saves. Neighbouring ranges are merged (the gaps between
/// them hold other builtins' data, as read-only and as harmless to drop).
pub(crate) fn release_used_pages() {
    let mut ranges = match USED_PAGES.lock() {
        Ok(mut pages) => std::mem::take(&mut *pages),
        Err(_) => return,
    };
    if ranges.is_empty() {
        return;
    }
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start <= last.1 + MERGE_GAP => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    #[cfg(target_os = "linux")]
    {
        let read_only = read_only_file_mappings();
        for (start, end) in merged {
            // Only within one file-backed mapping that cannot be written (the binary's
            // read-only data): anything else is left alone.
            if !read_only.iter().any(|&(a, b)| a <= start && end <= b) {
                continue;
            }
            // SAFETY: the range lies in a private, read-only, file-backed mapping, whose pages
            // are never written: MADV_DONTNEED only drops them, and the kernel refills them
            // from the file on the next read.
            unsafe {
                libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_DONTNEED);
            }
        }
    }
}

/// The process's file-backed mappings that are readable but neither writable nor executable:
/// (start, end) from /proc/self/maps.
#[cfg(target_os = "linux")]
fn read_only_file_mappings() -> Vec<(usize, usize)> {
    let maps = std::fs::read_to_string("/proc/self/maps").unwrap_or_default();
    maps.lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let range = fields.next()?;
            let perms = fields.next()?;
            let inode = fields.nth(2)?;
            if perms != "r--p" || inode == "0" {
                return None;
            }
            let (a, b) = range.split_once('-')?;
            Some((
                usize::from_str_radix(a, 16).ok()?,
                usize::from_str_radix(b, 16).ok()?,
            ))
        })
        .collect()
}

/// Ranges of builtin data closer than this are released as one.
const MERGE_GAP: usize = 64 * 1024;

/// Builtin ids under `dir` (development mode): every `.js` file, path without the extension.
fn ids_on_disk(dir: &std::path::Path, base: &std::path::Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            ids_on_disk(&path, base, out);
        } else if path.extension().is_some_and(|e| e == "js")
            && let Ok(rel) = path.with_extension("").strip_prefix(base)
        {
            out.push(rel.to_string_lossy().into_owned());
        }
    }
}

// ===== natives for stdlib-js (binding.runtime.*) =====

pub(crate) fn install<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "compileBuiltin", js_compile_builtin);
    set_fn(scope, target, "builtinIds", js_builtin_ids);
    set_fn(scope, target, "compileFunction", js_compile_function);
    set_fn(scope, target, "arrowMessage", js_arrow_message);
    set_fn(scope, target, "runScript", js_run_script);
    set_fn(
        scope,
        target,
        "evaluateNoSideEffects",
        js_evaluate_no_side_effects,
    );
}

/// `compileBuiltin(id)` → the wrapper function of builtin `id`, compiled as the bootstrap is;
/// `compileBuiltin(id, names, values)` → the same wrapper, reading each of the shielded `names`
/// from the matching entry of `values` (see `compile_builtin_with`), less the names the build
/// found it never mentions (`RuntimeOptions::builtin_unused_shields`).
fn js_compile_builtin(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(id) = arg_string(scope, &args, 0, "id") else {
        return;
    };
    let (Ok(names), Ok(values)) = (
        v8::Local::<v8::Array>::try_from(args.get(1)),
        v8::Local::<v8::Array>::try_from(args.get(2)),
    ) else {
        if let Some(f) = compile_builtin_with(scope, &id, None) {
            rv.set(f.into());
        }
        return;
    };
    let unused = {
        let st = state(scope);
        let st = st.borrow();
        // A builtin read from disk (development) may mention anything: it gets every name.
        match st.dev_stdlib_dir {
            Some(_) => None,
            None => st.unused_shields.get(id.as_str()).copied(),
        }
    };
    let mut used = Vec::new();
    let mut used_values = Vec::new();
    for i in 0..names.length() {
        let (Some(name), Some(value)) = (names.get_index(scope, i), values.get_index(scope, i))
        else {
            continue;
        };
        let name = name.to_rust_string_lossy(scope);
        if !unused.is_some_and(|unused| unused.contains(&name.as_str())) {
            used.push(name);
            used_values.push(value);
        }
    }
    let used: Vec<&str> = used.iter().map(String::as_str).collect();
    let Some(outer) = compile_builtin_with(scope, &id, Some(&used)) else {
        return;
    };
    let undefined = v8::undefined(scope).into();
    if let Some(wrapper) = outer.call(scope, undefined, &used_values) {
        rv.set(wrapper);
    }
}

/// `builtinIds()` → every embedded builtin id, sorted.
fn js_builtin_ids(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let (mut ids, dev_dir) = {
        let st = state(scope);
        let st = st.borrow();
        let ids: Vec<String> = st.builtins.keys().map(|id| id.to_string()).collect();
        (ids, st.dev_stdlib_dir.clone())
    };
    if let Some(dir) = dev_dir {
        ids_on_disk(&dir, &dir, &mut ids);
    }
    ids.sort_unstable();
    ids.dedup();
    let items: Vec<v8::Local<v8::Value>> =
        ids.iter().map(|id| js_string(scope, id).into()).collect();
    rv.set(v8::Array::new_with_elements(scope, &items).into());
}

/// `compileFunction(source, filename, params)` → a function whose body is `source`; a syntax
/// error is thrown with its position in `filename`.
fn js_compile_function(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(source) = arg_string(scope, &args, 0, "source") else {
        return;
    };
    let Some(filename) = arg_string(scope, &args, 1, "filename") else {
        return;
    };
    let mut params = Vec::new();
    if let Ok(list) = v8::Local::<v8::Array>::try_from(args.get(2)) {
        for i in 0..list.length() {
            if let Some(p) = list.get_index(scope, i) {
                params.push(p.to_rust_string_lossy(scope));
            }
        }
    }
    let params: Vec<&str> = params.iter().map(String::as_str).collect();
    v8::tc_scope!(let tc, scope);
    if let Some(f) = compile_function(tc, &source, &filename, &params) {
        rv.set(f.into());
        return;
    }
    // A syntax error keeps the arrow to its source line, as Node's compile does: whoever shows
    // the error later (the uncaught report, the REPL) prints it above the stack.
    if let (Some(exception), Some(message)) = (tc.exception(), tc.message())
        && crate::errors::decorated_arrow(tc, exception).is_none()
    {
        let arrow = crate::errors::arrow_message(tc, message, true);
        crate::errors::decorate_arrow(tc, exception, &arrow);
    }
    tc.rethrow();
}

/// `arrowMessage(error)` → the source line and carets attached to `error` where it was
/// compiled (see js_compile_function), or undefined.
fn js_arrow_message(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    if let Some(arrow) = crate::errors::decorated_arrow(scope, args.get(0))
        && !arrow.is_empty()
    {
        rv.set(js_string(scope, &arrow).into());
    }
}

/// `runScript(source, filename)` → the completion value of a classic script.
fn js_run_script<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: v8::FunctionCallbackArguments<'s>,
    mut rv: v8::ReturnValue,
) {
    let Ok(source) = v8::Local::<v8::String>::try_from(args.get(0)) else {
        throw_type_error(
            scope,
            "ERR_INVALID_ARG_TYPE",
            "The \"source\" argument must be of type string",
        );
        return;
    };
    if let Some(value) = run_script(scope, source, args.get(1)) {
        rv.set(value);
    }
}

unsafe extern "C" {
    // `v8::MaybeLocal<v8::Value> v8::debug::EvaluateGlobal(v8::Isolate*, v8::Local<v8::String>,
    // v8::debug::EvaluateGlobalMode, bool repl_mode)`, exported by V8 (its inspector evaluates
    // with it) but not wrapped by the v8 crate. Local and MaybeLocal are one pointer each
    // (the handle's slot; null for an empty MaybeLocal), passed and returned in registers; the
    // mode is an `enum class` of type int.
    #[link_name = "_ZN2v85debug14EvaluateGlobalEPNS_7IsolateENS_5LocalINS_6StringEEENS0_18EvaluateGlobalModeEb"]
    fn v8_debug_evaluate_global(
        isolate: *mut std::ffi::c_void,
        source: *const v8::String,
        mode: i32,
        repl_mode: bool,
    ) -> *const v8::Value;
}

/// `v8::debug::EvaluateGlobalMode::kDisableBreaksAndThrowOnSideEffect`.
const THROW_ON_SIDE_EFFECT: i32 = 2;

/// `evaluateNoSideEffects(source[, global])` → the completion value of `source` run as a
/// script in the current context (or in the context whose global object is given: a vm
/// context), or throws: its own exception, or an EvalError at the first side effect (a write
/// to anything that existed before it started, a call V8 does not know to be pure). No time
/// limit here: callers bound it (the REPL runs it under `runBreakable`'s timeout).
fn js_evaluate_no_side_effects<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: v8::FunctionCallbackArguments<'s>,
    mut rv: v8::ReturnValue,
) {
    let Ok(source) = v8::Local::<v8::String>::try_from(args.get(0)) else {
        throw_type_error(
            scope,
            "ERR_INVALID_ARG_TYPE",
            "The \"source\" argument must be of type string",
        );
        return;
    };
    let context = v8::Local::<v8::Object>::try_from(args.get(1))
        .ok()
        .and_then(|global| global.get_creation_context(scope));
    let Some(context) = context else {
        if let Some(value) = evaluate_global(scope, source) {
            rv.set(value);
        }
        return;
    };
    let scope = &mut v8::ContextScope::new(scope, context);
    if let Some(value) = evaluate_global(scope, source) {
        rv.set(value);
    }
}

/// V8's debug-evaluate of `source` in the scope's context, throwing on side effects.
fn evaluate_global<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    source: v8::Local<'s, v8::String>,
) -> Option<v8::Local<'s, v8::Value>> {
    // SAFETY: the isolate pointer is the live `v8::Isolate*` this callback runs on; `source`
    // is a handle in the callback's scope, whose slot address is what a `v8::Local` holds. The
    // result, when not empty, is a handle V8 made in the same (current) handle scope.
    // Empty: the exception is pending and reaches the caller when the callback returns.
    unsafe {
        let raw = scope.as_raw_isolate_ptr();
        let isolate: *mut std::ffi::c_void = std::mem::transmute(raw);
        let slot = v8_debug_evaluate_global(isolate, &*source, THROW_ON_SIDE_EFFECT, false);
        std::ptr::NonNull::new(slot as *mut v8::Value).map(|nn| {
            std::mem::transmute::<std::ptr::NonNull<v8::Value>, v8::Local<'s, v8::Value>>(nn)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{note_used_pages, release_used_pages};

    const LEN: usize = 5 * 4096 + 123;

    /// Read-only data in the binary, as the embedded builtins are.
    static DATA: [u8; LEN] = {
        let mut data = [0u8; LEN];
        let mut i = 0;
        while i < LEN {
            data[i] = (i % 251) as u8;
            i += 1;
        }
        data
    };

    #[test]
    fn released_pages_read_back_the_same() {
        let before: u64 = DATA.iter().map(|&b| u64::from(b)).sum();
        note_used_pages(&DATA);
        release_used_pages();
        assert!(DATA.iter().enumerate().all(|(i, &b)| b == (i % 251) as u8));
        assert_eq!(DATA.iter().map(|&b| u64::from(b)).sum::<u64>(), before);
    }
}
