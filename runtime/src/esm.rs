//! ES module records. The JS loader (`internal/modules/esm/loader`) resolves and reads files;
//! this file turns sources into V8 modules, remembers them by a small integer id, records the
//! links the loader resolved (`linkModule(referrer, specifier, target)`), answers V8's resolve
//! callback from those links, builds synthetic modules (builtins, CommonJS, JSON) whose exports
//! come from a JS thunk, and forwards `import()` and `import.meta` to JS hooks.

use std::collections::HashMap;

use crate::native::{arg_string, js_string, set_fn, throw_type_error};
use crate::state::{hook, state};

/// Module records of one isolate.
#[derive(Default)]
pub(crate) struct Modules {
    /// Every module compiled so far; the index is the id JS knows it by.
    records: Vec<v8::Global<v8::Module>>,
    /// Ids by V8 identity hash (hashes can collide, hence a list).
    by_hash: HashMap<i32, Vec<u32>>,
    /// (referrer id, specifier) → target id, as resolved by the JS loader.
    links: HashMap<(u32, String), u32>,
    /// Synthetic modules: the JS function returning `{ exportName: value }` at evaluation.
    synthetic: HashMap<u32, v8::Global<v8::Function>>,
}

impl Modules {
    fn add(&mut self, scope: &mut v8::PinScope, module: v8::Local<v8::Module>) -> u32 {
        let id = self.records.len() as u32;
        self.records.push(v8::Global::new(scope, module));
        self.by_hash
            .entry(module.get_identity_hash().get())
            .or_default()
            .push(id);
        id
    }
}

/// The id of `module`, if it was made here.
fn id_of(scope: &mut v8::PinScope, module: v8::Local<v8::Module>) -> Option<u32> {
    let st = state(scope);
    let candidates = st
        .borrow()
        .modules
        .by_hash
        .get(&module.get_identity_hash().get())
        .cloned()?;
    candidates.into_iter().find(|id| {
        let global = st.borrow().modules.records[*id as usize].clone();
        v8::Local::new(scope, global) == module
    })
}

fn module_arg<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: &v8::FunctionCallbackArguments,
    index: i32,
) -> Option<v8::Local<'s, v8::Module>> {
    let id = args.get(index).uint32_value(scope).unwrap_or(u32::MAX);
    let global = state(scope)
        .borrow()
        .modules
        .records
        .get(id as usize)
        .cloned();
    match global {
        Some(g) => Some(v8::Local::new(scope, g)),
        None => {
            throw_type_error(scope, "ERR_INVALID_ARG_VALUE", "unknown module id");
            None
        }
    }
}

// ===== natives for stdlib-js (binding.runtime.*) =====

pub(crate) fn install<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "compileModule", js_compile_module);
    set_fn(
        scope,
        target,
        "createSyntheticModule",
        js_create_synthetic_module,
    );
    set_fn(scope, target, "linkModule", js_link_module);
    set_fn(scope, target, "instantiateModule", js_instantiate_module);
    set_fn(scope, target, "evaluateModule", js_evaluate_module);
    set_fn(scope, target, "getModuleNamespace", js_get_module_namespace);
    set_fn(scope, target, "moduleInfo", js_module_info);
    set_fn(scope, target, "moduleCodeCache", js_module_code_cache);
}

/// `compileModule(source, url, lineOffset, columnOffset, cachedData, importKey)` → `[id,
/// requests, rejected]`, each request `[specifier, attributes]` with attributes as a plain
/// object (`{ type: 'json' }`); `rejected` tells whether V8 refused `cachedData` (undefined
/// when none was given). `importKey` says how `import()` in the module is served (see
/// [`dynamic_import`]).
fn js_compile_module<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: v8::FunctionCallbackArguments<'s>,
    mut rv: v8::ReturnValue,
) {
    let Some(source) = arg_string(scope, &args, 0, "source") else {
        return;
    };
    let Some(url) = arg_string(scope, &args, 1, "url") else {
        return;
    };
    let Some(code) = v8::String::new(scope, &source) else {
        return;
    };
    let line_offset = args.get(2).int32_value(scope).unwrap_or(0);
    let column_offset = args.get(3).int32_value(scope).unwrap_or(0);
    let cache = crate::vm_run::view_bytes(args.get(4));
    let import_key = args.get(5);
    let origin = crate::vm_run::origin(scope, &url, line_offset, column_offset, import_key, true);
    let (mut src, compile_options) =
        crate::vm_run::source_with_cache(code, &origin, cache.as_deref());
    let Some(module) = v8::script_compiler::compile_module2(
        scope,
        &mut src,
        compile_options,
        v8::script_compiler::NoCacheReason::NoReason,
    ) else {
        return; // SyntaxError thrown
    };
    let rejected: v8::Local<v8::Value> = match (&cache, src.get_cached_data()) {
        (Some(_), Some(data)) => v8::Boolean::new(scope, data.rejected()).into(),
        _ => v8::undefined(scope).into(),
    };
    let id = state(scope).borrow_mut().modules.add(scope, module);
    let requests = module.get_module_requests();
    let mut items: Vec<v8::Local<v8::Value>> = Vec::new();
    for i in 0..requests.length() {
        let Some(data) = requests.get(scope, i) else {
            continue;
        };
        let Ok(request) = v8::Local::<v8::ModuleRequest>::try_from(data) else {
            continue;
        };
        let specifier: v8::Local<v8::Value> = request.get_specifier().into();
        let attributes = attributes_object(scope, request.get_import_attributes(), 3);
        items.push(v8::Array::new_with_elements(scope, &[specifier, attributes.into()]).into());
    }
    let id_value = v8::Integer::new_from_unsigned(scope, id).into();
    let requests = v8::Array::new_with_elements(scope, &items).into();
    rv.set(v8::Array::new_with_elements(scope, &[id_value, requests, rejected]).into());
}

/// `moduleCodeCache(id)` → V8's code cache for source text module `id` (a Uint8Array, empty
/// when V8 makes none).
fn js_module_code_cache(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(module) = module_arg(scope, &args, 0) else {
        return;
    };
    if !module.is_source_text_module() {
        return;
    }
    let unbound = module.get_unbound_module_script(scope);
    let bytes = unbound
        .create_code_cache()
        .map(|data| data.to_vec())
        .unwrap_or_default();
    rv.set(crate::vm_run::bytes_value(scope, &bytes));
}

/// Import attributes come as a flat FixedArray: `[key, value(, location)]…` — `stride` is 3
/// for static imports (with source locations) and 2 for `import()`.
fn attributes_object<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    attributes: v8::Local<v8::FixedArray>,
    stride: usize,
) -> v8::Local<'s, v8::Object> {
    let obj = v8::Object::new(scope);
    let mut i = 0;
    while i + 1 < attributes.length() {
        let key = attributes
            .get(scope, i)
            .and_then(|d| v8::Local::<v8::Value>::try_from(d).ok());
        let value = attributes
            .get(scope, i + 1)
            .and_then(|d| v8::Local::<v8::Value>::try_from(d).ok());
        if let (Some(k), Some(v)) = (key, value) {
            obj.set(scope, k, v);
        }
        i += stride;
    }
    obj
}

/// `createSyntheticModule(url, exportNames, evaluate)` → id. At evaluation `evaluate()` runs
/// and returns an object whose properties become the exports.
fn js_create_synthetic_module(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(url) = arg_string(scope, &args, 0, "url") else {
        return;
    };
    let Ok(names) = v8::Local::<v8::Array>::try_from(args.get(1)) else {
        throw_type_error(
            scope,
            "ERR_INVALID_ARG_TYPE",
            "exportNames must be an array",
        );
        return;
    };
    let Ok(evaluate) = v8::Local::<v8::Function>::try_from(args.get(2)) else {
        throw_type_error(scope, "ERR_INVALID_ARG_TYPE", "evaluate must be a function");
        return;
    };
    let mut export_names = Vec::new();
    for i in 0..names.length() {
        if let Some(n) = names.get_index(scope, i).and_then(|n| n.to_string(scope)) {
            export_names.push(n);
        }
    }
    let name = js_string(scope, &url);
    let module = v8::Module::create_synthetic_module(scope, name, &export_names, synthetic_steps);
    let st = state(scope);
    let id = st.borrow_mut().modules.add(scope, module);
    let evaluate = v8::Global::new(scope, evaluate);
    st.borrow_mut().modules.synthetic.insert(id, evaluate);
    rv.set(v8::Integer::new_from_unsigned(scope, id).into());
}

fn synthetic_steps<'s>(
    context: v8::Local<'s, v8::Context>,
    module: v8::Local<'s, v8::Module>,
) -> Option<v8::Local<'s, v8::Value>> {
    v8::callback_scope!(unsafe scope, context);
    let id = id_of(scope, module)?;
    let evaluate = state(scope).borrow().modules.synthetic.get(&id).cloned()?;
    let evaluate = v8::Local::new(scope, evaluate);
    let recv = v8::undefined(scope).into();
    // An exception here propagates to whoever evaluates the graph.
    let exports = evaluate.call(scope, recv, &[])?;
    let exports = v8::Local::<v8::Object>::try_from(exports).ok()?;
    let names = exports.get_own_property_names(scope, Default::default())?;
    for i in 0..names.length() {
        let Some(key) = names.get_index(scope, i) else {
            continue;
        };
        let Some(value) = exports.get(scope, key) else {
            continue;
        };
        let Some(key) = key.to_string(scope) else {
            continue;
        };
        module.set_synthetic_module_export(scope, key, value)?;
    }
    Some(v8::undefined(scope).into())
}

/// `linkModule(referrerId, specifier, targetId)`: what `specifier` means inside the referrer.
fn js_link_module(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let referrer = args.get(0).uint32_value(scope).unwrap_or(u32::MAX);
    let specifier = args.get(1).to_rust_string_lossy(scope);
    let target = args.get(2).uint32_value(scope).unwrap_or(u32::MAX);
    state(scope)
        .borrow_mut()
        .modules
        .links
        .insert((referrer, specifier), target);
}

fn resolve_callback<'s>(
    context: v8::Local<'s, v8::Context>,
    specifier: v8::Local<'s, v8::String>,
    _attributes: v8::Local<'s, v8::FixedArray>,
    referrer: v8::Local<'s, v8::Module>,
) -> Option<v8::Local<'s, v8::Module>> {
    v8::callback_scope!(unsafe scope, context);
    let specifier = specifier.to_rust_string_lossy(scope);
    let target = id_of(scope, referrer).and_then(|r| {
        let st = state(scope);
        let target = st
            .borrow()
            .modules
            .links
            .get(&(r, specifier.clone()))
            .copied()?;
        st.borrow().modules.records.get(target as usize).cloned()
    });
    match target {
        Some(g) => Some(v8::Local::new(scope, g)),
        None => {
            let msg = js_string(
                scope,
                &format!("Cannot resolve module '{specifier}': it was not loaded"),
            );
            let err = v8::Exception::error(scope, msg);
            scope.throw_exception(err);
            None
        }
    }
}

/// `instantiateModule(id, global)`: link the graph (every import must have been linked), in
/// the vm context whose global is `global` (else in the current one).
fn js_instantiate_module<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: v8::FunctionCallbackArguments<'s>,
    _rv: v8::ReturnValue,
) {
    let Some(module) = module_arg(scope, &args, 0) else {
        return;
    };
    match crate::vm::context_of(scope, args.get(1)) {
        Some(context) => {
            let scope = &mut v8::ContextScope::new(scope, context);
            instantiate(scope, module);
        }
        None => instantiate(scope, module),
    }
}

fn instantiate(scope: &mut v8::PinScope, module: v8::Local<v8::Module>) {
    v8::tc_scope!(let tc, scope);
    if module.instantiate_module(tc, resolve_callback).is_some() {
        return;
    }
    // A link error (a missing export) is shown the way Node shows it: the arrow under the
    // import becomes the start of `error.stack`, with no blank line before the error.
    if let (Some(exception), Some(message)) = (tc.exception(), tc.message()) {
        let arrow = crate::errors::arrow_message(tc, message, true);
        if let Ok(obj) = v8::Local::<v8::Object>::try_from(exception) {
            let key = js_string(tc, "stack");
            if let Some(stack) = obj.get(tc, key.into()).filter(|s| s.is_string()) {
                let stack = stack.to_rust_string_lossy(tc);
                let decorated = js_string(tc, &format!("{arrow}{stack}"));
                obj.set(tc, key.into(), decorated.into());
                crate::errors::decorate_arrow(tc, exception, "");
            }
        }
    }
    tc.rethrow();
}

/// `evaluateModule(id, global)` → the evaluation promise (top-level await settles it), run in
/// the vm context whose global is `global` (else in the current one). A context with its own
/// microtask queue runs it before this returns, as Node does.
fn js_evaluate_module<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: v8::FunctionCallbackArguments<'s>,
    mut rv: v8::ReturnValue,
) {
    let Some(module) = module_arg(scope, &args, 0) else {
        return;
    };
    let Some(context) = crate::vm::context_of(scope, args.get(1)) else {
        if let Some(result) = module.evaluate(scope) {
            rv.set(result);
        }
        return;
    };
    let result = {
        let scope = &mut v8::ContextScope::new(scope, context);
        let result = module.evaluate(scope).map(|r| v8::Global::new(scope, r));
        if result.is_some() {
            crate::vm::run_own_microtasks(scope, context);
        }
        result
    };
    if let Some(result) = result {
        rv.set(v8::Local::new(scope, result));
    }
}

fn js_get_module_namespace(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    if let Some(module) = module_arg(scope, &args, 0) {
        rv.set(module.get_module_namespace());
    }
}

/// `moduleInfo(id)` → `[status, isGraphAsync, hasTopLevelAwait]`; status as V8's ModuleStatus
/// (0 uninstantiated … 4 evaluated, 5 errored).
fn js_module_info(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(module) = module_arg(scope, &args, 0) else {
        return;
    };
    let status = v8::Integer::new(scope, module.get_status() as i32).into();
    let is_async = module.get_status() as i32 >= 2 && module.is_graph_async();
    let graph_async = v8::Boolean::new(scope, is_async).into();
    let tla = v8::Boolean::new(
        scope,
        module.is_source_text_module() && module.has_top_level_await(),
    )
    .into();
    rv.set(v8::Array::new_with_elements(scope, &[status, graph_async, tla]).into());
}

// ===== host callbacks: import() and import.meta =====

/// `import(specifier)` from a script or module named `resource`: the JS loader does the work
/// (`hooks.importModuleDynamically(specifier, referrer, attributes, importKey)` returns the
/// promise). vm code carries an import key in its host-defined options (vm_run.rs) saying how
/// its `import()` is served; code with none (eval'd code) takes the key of the vm context it
/// runs in, if any.
pub(crate) fn dynamic_import<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    host_defined_options: v8::Local<'s, v8::Data>,
    resource: v8::Local<'s, v8::Value>,
    specifier: v8::Local<'s, v8::String>,
    attributes: v8::Local<'s, v8::FixedArray>,
) -> Option<v8::Local<'s, v8::Promise>> {
    let attributes = attributes_object(scope, attributes, 2);
    let options = v8::Local::<v8::FixedArray>::try_from(host_defined_options)
        .ok()
        .filter(|options| options.length() > 0);
    let import_key = match options {
        Some(options) => options
            .get(scope, 0)
            .and_then(|key| v8::Local::<v8::Value>::try_from(key).ok()),
        None => {
            let context = scope.get_current_context();
            crate::vm::import_key_of(scope, context)
        }
    }
    .unwrap_or_else(|| v8::undefined(scope).into());
    let Some(f) = hook(scope, "importModuleDynamically") else {
        let resolver = v8::PromiseResolver::new(scope)?;
        let msg = js_string(scope, "import() is not available");
        let err = v8::Exception::error(scope, msg);
        resolver.reject(scope, err);
        return Some(resolver.get_promise(scope));
    };
    let recv = v8::undefined(scope).into();
    let result = f.call(
        scope,
        recv,
        &[specifier.into(), resource, attributes.into(), import_key],
    )?;
    v8::Local::<v8::Promise>::try_from(result).ok()
}

/// Fill `import.meta` through `hooks.initializeImportMeta(meta, moduleId)`.
pub(crate) extern "C" fn import_meta(
    context: v8::Local<v8::Context>,
    module: v8::Local<v8::Module>,
    meta: v8::Local<v8::Object>,
) {
    v8::callback_scope!(unsafe scope, context);
    v8::scope!(let scope, scope);
    let Some(id) = id_of(scope, module) else {
        return;
    };
    if let Some(f) = hook(scope, "initializeImportMeta") {
        let recv = v8::undefined(scope).into();
        let id = v8::Integer::new_from_unsigned(scope, id).into();
        f.call(scope, recv, &[meta.into(), id]);
    }
}
