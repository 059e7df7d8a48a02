//! `binding.runtime.vmRun`: how `node:vm` runs a script, in this context or in one that
//! `createContext` made (see vm.rs): with the script's line and column offsets, and with
//! Node's `displayErrors` decoration, which puts the arrow (the file and line, the source line
//! and a caret under the throw) at the start of the error's `stack`.

use crate::errors::{arrow_message_shifted, decorate_arrow, decorated_arrow};
use crate::native::{js_string, set_fn, throw_type_error};

pub(crate) fn install<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "vmRun", js_vm_run);
    set_fn(scope, target, "vmCompileFunction", js_vm_compile_function);
    set_fn(scope, target, "vmCodeCache", js_vm_code_cache);
    set_fn(
        scope,
        target,
        "vmSetCodeGeneration",
        js_vm_set_code_generation,
    );
    scope.set_allow_wasm_code_generation_callback(allow_wasm_code_generation);
}

/// Marks a context made with `codeGeneration: { wasm: false }`.
struct NoWasmCodeGeneration;

unsafe extern "C" fn allow_wasm_code_generation(
    context: v8::Local<v8::Context>,
    _source: v8::Local<v8::String>,
) -> bool {
    context.get_slot::<NoWasmCodeGeneration>().is_none()
}

/// `vmSetCodeGeneration(global, strings, wasm)`: whether code in the context whose global is
/// `global` may compile strings (eval, new Function: an EvalError otherwise) and WebAssembly
/// (a WebAssembly.CompileError otherwise), as vm.createContext's `codeGeneration` says.
fn js_vm_set_code_generation<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: v8::FunctionCallbackArguments<'s>,
    _rv: v8::ReturnValue,
) {
    let Some(context) = vm_context(scope, args.get(0)) else {
        return;
    };
    let strings = args.get(1).boolean_value(scope);
    let wasm = args.get(2).boolean_value(scope);
    let context = v8::Local::new(scope, context);
    context.set_allow_generation_from_strings(strings);
    if !wasm {
        context.set_slot(std::rc::Rc::new(NoWasmCodeGeneration));
    }
}

/// The bytes of an ArrayBufferView argument (a code cache handed in), if it is one.
pub(crate) fn view_bytes(value: v8::Local<v8::Value>) -> Option<Vec<u8>> {
    let view = v8::Local::<v8::ArrayBufferView>::try_from(value).ok()?;
    let mut bytes = vec![0; view.byte_length()];
    view.copy_contents(&mut bytes);
    Some(bytes)
}

/// A Uint8Array over a copy of `bytes` (a code cache V8 produced).
pub(crate) fn bytes_value<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    bytes: &[u8],
) -> v8::Local<'s, v8::Value> {
    let store = v8::ArrayBuffer::new_backing_store_from_vec(bytes.to_vec()).make_shared();
    let buffer = v8::ArrayBuffer::with_backing_store(scope, &store);
    match v8::Uint8Array::new(scope, buffer, 0, bytes.len()) {
        Some(array) => array.into(),
        None => v8::undefined(scope).into(),
    }
}

/// A compile source for `code`, consuming `cache` when one is given.
pub(crate) fn source_with_cache(
    code: v8::Local<v8::String>,
    origin: &v8::ScriptOrigin,
    cache: Option<&[u8]>,
) -> (
    v8::script_compiler::Source,
    v8::script_compiler::CompileOptions,
) {
    match cache {
        Some(bytes) => (
            v8::script_compiler::Source::new_with_cached_data(
                code,
                Some(origin),
                v8::script_compiler::CachedData::new(bytes),
            ),
            v8::script_compiler::CompileOptions::ConsumeCodeCache,
        ),
        None => (
            v8::script_compiler::Source::new(code, Some(origin)),
            v8::script_compiler::CompileOptions::NoCompileOptions,
        ),
    }
}

/// The host-defined options of vm code: its import key, which the import() callback (esm.rs)
/// hands to the JS loader: 'missing' when no importModuleDynamically was given, 'flag' when one
/// was given without --experimental-vm-modules (import() rejects as in Node), a symbol naming
/// the registered callback, or nothing (undefined, '') for the default loader.
pub(crate) fn host_options<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    import_key: v8::Local<'s, v8::Value>,
) -> Option<v8::Local<'s, v8::Data>> {
    let usable = import_key.is_symbol()
        || (import_key.is_string() && !import_key.to_rust_string_lossy(scope).is_empty());
    if !usable {
        return None;
    }
    let key = v8::Local::<v8::Primitive>::try_from(import_key).ok()?;
    let options = v8::PrimitiveArray::new(scope, 1);
    options.set(scope, 0, key);
    Some(options.into())
}

/// The origin of vm code (a script, or a module when `is_module`), with its import key (see
/// [`host_options`]).
pub(crate) fn origin<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    filename: &str,
    line_offset: i32,
    column_offset: i32,
    import_key: v8::Local<'s, v8::Value>,
    is_module: bool,
) -> v8::ScriptOrigin<'s> {
    let resource = js_string(scope, filename).into();
    let options = host_options(scope, import_key);
    v8::ScriptOrigin::new(
        scope,
        resource,
        line_offset,
        column_offset,
        false,
        0,
        None,
        false,
        false,
        is_module,
        options,
    )
}

/// `vmCodeCache(code, filename, lineOffset, columnOffset, cachedData, produce)` → `[rejected,
/// produced]` for a vm.Script: whether V8 rejected `cachedData` (undefined when none was
/// given) and, with `produce`, the code cache V8 makes for the script (undefined if it made
/// none). Throws the script's SyntaxError.
fn js_vm_code_cache<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: v8::FunctionCallbackArguments<'s>,
    mut rv: v8::ReturnValue,
) {
    let Ok(code) = v8::Local::<v8::String>::try_from(args.get(0)) else {
        return;
    };
    let filename = args.get(1).to_rust_string_lossy(scope);
    let line_offset = args.get(2).int32_value(scope).unwrap_or(0);
    let column_offset = args.get(3).int32_value(scope).unwrap_or(0);
    let cache = view_bytes(args.get(4));
    let produce = args.get(5).boolean_value(scope);
    let import_key = args.get(6);
    v8::tc_scope!(let tc, scope);
    let origin = origin(tc, &filename, line_offset, column_offset, import_key, false);
    let (mut source, options) = source_with_cache(code, &origin, cache.as_deref());
    crate::v8api::compiling(tc, true);
    let script = v8::script_compiler::compile_unbound_script(
        tc,
        &mut source,
        options,
        v8::script_compiler::NoCacheReason::NoReason,
    );
    crate::v8api::compiling(tc, false);
    let Some(script) = script else {
        // A syntax error is decorated as Node decorates it, whatever displayErrors says.
        if let (Some(exception), Some(message)) = (tc.exception(), tc.message()) {
            let shift = first_line_shift(tc, message, line_offset, column_offset);
            decorate(tc, exception, message, shift);
        }
        tc.rethrow();
        return;
    };
    let scope = tc;
    let rejected: v8::Local<v8::Value> = match (&cache, source.get_cached_data()) {
        (Some(_), Some(data)) => v8::Boolean::new(scope, data.rejected()).into(),
        _ => v8::undefined(scope).into(),
    };
    let produced = match produce.then(|| script.create_code_cache()).flatten() {
        Some(data) => bytes_value(scope, &data),
        None => v8::undefined(scope).into(),
    };
    rv.set(v8::Array::new_with_elements(scope, &[rejected, produced]).into());
}

/// The context whose global `value` is (one `createContext` made), if it is one.
fn vm_context<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    value: v8::Local<'s, v8::Value>,
) -> Option<v8::Global<v8::Context>> {
    let context = crate::vm::context_of(scope, value)?;
    Some(v8::Global::new(scope, context))
}

/// `vmCompileFunction(code, filename, lineOffset, columnOffset, params, contextExtensions,
/// parsingGlobal, cachedData, produce)` → `[fn, rejected, produced]`: `vm.compileFunction`'s
/// function (`code` as the body of a function of `params`, whose free names are looked up in
/// the extension objects first, compiled in the context whose global is `parsingGlobal`, or
/// the current one), and the code cache results as for [`js_vm_code_cache`].
fn js_vm_compile_function<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: v8::FunctionCallbackArguments<'s>,
    mut rv: v8::ReturnValue,
) {
    let Ok(code) = v8::Local::<v8::String>::try_from(args.get(0)) else {
        throw_type_error(
            scope,
            "ERR_INVALID_ARG_TYPE",
            "The \"code\" argument must be of type string",
        );
        return;
    };
    let filename = args.get(1).to_rust_string_lossy(scope);
    let line_offset = args.get(2).int32_value(scope).unwrap_or(0);
    let column_offset = args.get(3).int32_value(scope).unwrap_or(0);
    let list = |scope: &mut v8::PinScope<'s, '_>, value: v8::Local<'s, v8::Value>| {
        let mut items = Vec::new();
        if let Ok(array) = v8::Local::<v8::Array>::try_from(value) {
            for i in 0..array.length() {
                if let Some(item) = array.get_index(scope, i) {
                    items.push(v8::Global::new(scope, item));
                }
            }
        }
        items
    };
    let params = list(scope, args.get(4));
    let extensions = list(scope, args.get(5));
    let code = v8::Global::new(scope, code);
    let cache = view_bytes(args.get(7));
    let produce = args.get(8).boolean_value(scope);
    let import_key = v8::Global::new(scope, args.get(9));
    type Compiled = (v8::Global<v8::Function>, Option<bool>, Option<Vec<u8>>);
    let compile = |scope: &mut v8::PinScope| -> Option<Compiled> {
        let code = v8::Local::new(scope, &code);
        let import_key = v8::Local::new(scope, &import_key);
        let origin = origin(
            scope,
            &filename,
            line_offset,
            column_offset,
            import_key,
            false,
        );
        let (mut source, options) = source_with_cache(code, &origin, cache.as_deref());
        let mut names = Vec::with_capacity(params.len());
        for p in &params {
            let p = v8::Local::new(scope, p);
            names.push(p.to_string(scope)?);
        }
        let objects: Vec<v8::Local<v8::Object>> = extensions
            .iter()
            .filter_map(|e| v8::Local::<v8::Object>::try_from(v8::Local::new(scope, e)).ok())
            .collect();
        crate::v8api::compiling(scope, true);
        let f = v8::script_compiler::compile_function(
            scope,
            &mut source,
            &names,
            &objects,
            options,
            v8::script_compiler::NoCacheReason::NoReason,
        );
        crate::v8api::compiling(scope, false);
        let f = f?;
        let rejected = match (&cache, source.get_cached_data()) {
            (Some(_), Some(data)) => Some(data.rejected()),
            _ => None,
        };
        let produced = produce
            .then(|| f.create_code_cache())
            .flatten()
            .map(|data| data.to_vec());
        Some((v8::Global::new(scope, f), rejected, produced))
    };
    let compiled = match vm_context(scope, args.get(6)) {
        None => compile(scope),
        Some(context) => {
            let context = v8::Local::new(scope, context);
            let scope = &mut v8::ContextScope::new(scope, context);
            compile(scope)
        }
    };
    let Some((f, rejected, produced)) = compiled else {
        return;
    };
    let f = v8::Local::new(scope, f).into();
    let rejected = match rejected {
        Some(r) => v8::Boolean::new(scope, r).into(),
        None => v8::undefined(scope).into(),
    };
    let produced = match produced {
        Some(bytes) => bytes_value(scope, &bytes),
        None => v8::undefined(scope).into(),
    };
    rv.set(v8::Array::new_with_elements(scope, &[f, rejected, produced]).into());
}

/// `vmRun(global, source, filename, lineOffset, columnOffset, displayErrors)` → the completion
/// value of `source` run as a classic script in the context whose global is `global` (or in
/// the current context when `global` is not one of those).
fn js_vm_run<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: v8::FunctionCallbackArguments<'s>,
    mut rv: v8::ReturnValue,
) {
    let Ok(source) = v8::Local::<v8::String>::try_from(args.get(1)) else {
        throw_type_error(
            scope,
            "ERR_INVALID_ARG_TYPE",
            "The \"code\" argument must be of type string",
        );
        return;
    };
    let filename = args.get(2).to_rust_string_lossy(scope);
    let line_offset = args.get(3).int32_value(scope).unwrap_or(0);
    let column_offset = args.get(4).int32_value(scope).unwrap_or(0);
    let display_errors = args.get(5).boolean_value(scope);
    let import_key = v8::Global::new(scope, args.get(6));
    let target = vm_context(scope, args.get(0));
    let run = Run {
        filename: &filename,
        line_offset,
        column_offset,
        display_errors,
        import_key: &import_key,
    };
    let value = match target {
        None => run.run(scope, source),
        Some(context) => {
            // Handles made in the outer scope are re-made inside the context's scope; what
            // comes back is made again in the caller's.
            let source = v8::Global::new(scope, source);
            let context = v8::Local::new(scope, context);
            let result = {
                let scope = &mut v8::ContextScope::new(scope, context);
                let source = v8::Local::new(scope, source);
                let value = run.run(scope, source).map(|v| v8::Global::new(scope, v));
                // microtaskMode 'afterEvaluate': the context's own queue runs now, inside
                // the run (and so inside its timeout), as in Node.
                if value.is_some() {
                    crate::vm::run_own_microtasks(scope, context);
                }
                value
            };
            result.map(|v| v8::Local::new(scope, v))
        }
    };
    if let Some(value) = value {
        rv.set(value);
    }
}

struct Run<'a> {
    filename: &'a str,
    line_offset: i32,
    column_offset: i32,
    display_errors: bool,
    import_key: &'a v8::Global<v8::Value>,
}

impl Run<'_> {
    fn run<'s>(
        &self,
        scope: &mut v8::PinScope<'s, '_>,
        source: v8::Local<'s, v8::String>,
    ) -> Option<v8::Local<'s, v8::Value>> {
        v8::tc_scope!(let tc, scope);
        let import_key = v8::Local::new(tc, self.import_key);
        let origin = origin(
            tc,
            self.filename,
            self.line_offset,
            self.column_offset,
            import_key,
            false,
        );
        crate::v8api::compiling(tc, true);
        let script = v8::Script::compile(tc, source, Some(&origin));
        crate::v8api::compiling(tc, false);
        let result = script.and_then(|s| s.run(tc));
        if result.is_some() {
            return result;
        }
        if self.display_errors
            && let (Some(exception), Some(message)) = (tc.exception(), tc.message())
        {
            let shift = first_line_shift(tc, message, self.line_offset, self.column_offset);
            decorate(tc, exception, message, shift);
        }
        tc.rethrow();
        None
    }
}

/// On the script's first line, the caret is placed as if the script had no column offset.
fn first_line_shift(
    scope: &mut v8::PinScope,
    message: v8::Local<v8::Message>,
    line_offset: i32,
    column_offset: i32,
) -> usize {
    let line = message.get_line_number(scope).map(|l| l as i64);
    if line == Some(i64::from(line_offset) + 1) {
        column_offset.max(0) as usize
    } else {
        0
    }
}

/// Node's decoration of an error thrown out of a vm script: `stack` starts with the arrow and
/// a blank line; the error is marked so that neither this nor the uncaught-exception report
/// adds the arrow again.
fn decorate(
    scope: &mut v8::PinScope,
    exception: v8::Local<v8::Value>,
    message: v8::Local<v8::Message>,
    shift: usize,
) {
    let Ok(obj) = v8::Local::<v8::Object>::try_from(exception) else {
        return;
    };
    if decorated_arrow(scope, exception).is_some() {
        return;
    }
    let key = js_string(scope, "stack");
    let Some(stack) = obj.get(scope, key.into()).filter(|s| s.is_string()) else {
        return;
    };
    let name_key = js_string(scope, "name");
    let is_syntax_error = exception.is_native_error()
        && obj
            .get(scope, name_key.into())
            .is_some_and(|n| n.to_rust_string_lossy(scope) == "SyntaxError");
    let arrow = arrow_message_shifted(scope, message, is_syntax_error, shift);
    let stack = stack.to_rust_string_lossy(scope);
    let decorated = js_string(scope, &format!("{arrow}\n{stack}"));
    obj.set(scope, key.into(), decorated.into());
    decorate_arrow(scope, exception, "");
}
