//! The natives behind `node:vm` contexts (`binding.runtime.createContext`): a V8 context made
//! for a sandbox object, whose global forwards to that sandbox through interceptors
//! (vm_global.rs), as Node's contextified globals do. The context is found again from its
//! global proxy (the object `createContext` returns) by the global's creation context.

use std::rc::Rc;

use crate::native::{js_string, set_fn, throw_type_error};
use crate::state::state;

/// The context embedder-data slot that holds a vm context's sandbox. Kept in V8's heap (not a
/// Rust handle) so that the sandbox, its context and the context's global die together.
const SANDBOX_SLOT: i32 = 1;

/// Marks a context `createContext` finished making: until it is set, the global's
/// interceptors stand aside (V8 is still setting the global up).
pub(crate) struct Contextified {
    /// Made with `microtaskMode: 'afterEvaluate'`: the context has a microtask queue of its
    /// own, run after each evaluation in it instead of by the event loop.
    pub own_microtask_queue: bool,
}

pub(crate) fn install<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "createContext", js_create_context);
}

/// The private key that marks the global of a context `createContext` made. (Private names
/// never reach the global's interceptors.)
fn context_key<'s>(scope: &mut v8::PinScope<'s, '_>) -> v8::Local<'s, v8::Private> {
    let name = js_string(scope, "eddy::vmContext");
    v8::Private::for_api(scope, Some(name))
}

/// The private key of a vm context's import key (see vm_run.rs `host_options`): what serves
/// `import()` from code in the context that carries no key of its own (eval'd code).
fn import_key_key<'s>(scope: &mut v8::PinScope<'s, '_>) -> v8::Local<'s, v8::Private> {
    let name = js_string(scope, "eddy::vmImportKey");
    v8::Private::for_api(scope, Some(name))
}

/// The import key of `context`, when it is a vm context that has one.
pub(crate) fn import_key_of<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    context: v8::Local<'s, v8::Context>,
) -> Option<v8::Local<'s, v8::Value>> {
    context.get_slot::<Contextified>()?;
    let global = context.global(scope);
    let key = import_key_key(scope);
    global.get_private(scope, key).filter(|k| !k.is_undefined())
}

/// The context whose global `value` is, when `createContext` made it.
pub(crate) fn context_of<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    value: v8::Local<'s, v8::Value>,
) -> Option<v8::Local<'s, v8::Context>> {
    let global = v8::Local::<v8::Object>::try_from(value).ok()?;
    let key = context_key(scope);
    if !global.has_private(scope, key)? {
        return None;
    }
    global.get_creation_context(scope)
}

/// The sandbox of a finished vm context.
pub(crate) fn sandbox_of<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    context: v8::Local<'s, v8::Context>,
) -> Option<v8::Local<'s, v8::Object>> {
    context.get_slot::<Contextified>()?;
    let sandbox = context.get_embedder_data(scope, SANDBOX_SLOT)?;
    v8::Local::<v8::Object>::try_from(sandbox).ok()
}

/// Runs the microtasks queued in `context`'s own queue (a context made with
/// `microtaskMode: 'afterEvaluate'`); other contexts share the loop's queue.
pub(crate) fn run_own_microtasks(scope: &mut v8::PinScope, context: v8::Local<v8::Context>) {
    if !context
        .get_slot::<Contextified>()
        .is_some_and(|c| c.own_microtask_queue)
    {
        return;
    }
    if let Some(queue) = context.get_microtask_queue() {
        queue.perform_checkpoint(scope);
    }
}

/// The global template every vm context is made from, made once per isolate.
fn global_template<'s>(scope: &mut v8::PinScope<'s, '_>) -> v8::Local<'s, v8::ObjectTemplate> {
    let cached = state(scope).borrow().vm_global_template.clone();
    if let Some(template) = cached {
        return v8::Local::new(scope, template);
    }
    let template = v8::ObjectTemplate::new(scope);
    crate::vm_global::set_interceptors(&template);
    let global = v8::Global::new(scope, template);
    state(scope).borrow_mut().vm_global_template = Some(global);
    template
}

/// `createContext(sandbox, ownMicrotaskQueue, importKey)` → the global proxy of a new context
/// whose global forwards to `sandbox`; with `sandbox` null (`vm.constants.DONT_CONTEXTIFY`), an
/// ordinary global of the new context's own, as in Node.
fn js_create_context<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: v8::FunctionCallbackArguments<'s>,
    mut rv: v8::ReturnValue,
) {
    if args.get(0).is_null() {
        let token = scope.get_current_context().get_security_token(scope);
        let own_microtask_queue = args.get(1).is_true();
        let queue = own_microtask_queue
            .then(|| v8::MicrotaskQueue::new(scope, v8::MicrotasksPolicy::Explicit));
        let context = v8::Context::new(
            scope,
            v8::ContextOptions {
                microtask_queue: queue
                    .as_ref()
                    .map(|q| &**q as *const v8::MicrotaskQueue as *mut v8::MicrotaskQueue),
                ..Default::default()
            },
        );
        drop(queue);
        context.set_security_token(token);
        mark(scope, context, own_microtask_queue, args.get(2));
        rv.set(context.global(scope).into());
        return;
    }
    let Ok(sandbox) = v8::Local::<v8::Object>::try_from(args.get(0)) else {
        throw_type_error(
            scope,
            "ERR_INVALID_ARG_TYPE",
            "The \"contextObject\" argument must be of type object",
        );
        return;
    };
    let own_microtask_queue = args.get(1).is_true();
    let import_key = args.get(2);
    let current = scope.get_current_context();
    let token = current.get_security_token(scope);
    let template = global_template(scope);
    let queue =
        own_microtask_queue.then(|| v8::MicrotaskQueue::new(scope, v8::MicrotasksPolicy::Explicit));
    let context = v8::Context::new(
        scope,
        v8::ContextOptions {
            global_template: Some(template),
            global_object: None,
            microtask_queue: queue
                .as_ref()
                .map(|q| &**q as *const v8::MicrotaskQueue as *mut v8::MicrotaskQueue),
        },
    );
    // The context keeps its queue alive (V8 traces it); the handle is not needed after this.
    drop(queue);
    // One security token for all contexts: objects pass between them freely, as in Node.
    context.set_security_token(token);
    let global = context.global(scope);
    {
        // A sandbox made by a class shows through the global's tag ([object Foo]), as in
        // Node. Defined before the sandbox is attached, so it stays on the global only.
        let scope = &mut v8::ContextScope::new(scope, context);
        // V8's non-standard Intl.v8BreakIterator is not offered, as in Node (which removes
        // it from every context).
        if let Some(intl_key) = v8::String::new(scope, "Intl")
            && let Some(intl) = global.get(scope, intl_key.into())
            && let Ok(intl) = v8::Local::<v8::Object>::try_from(intl)
            && let Some(key) = v8::String::new(scope, "v8BreakIterator")
        {
            intl.delete(scope, key.into());
        }
        let name = sandbox.get_constructor_name();
        if name.to_rust_string_lossy(scope) != "Object" {
            let tag = v8::Symbol::get_to_string_tag(scope);
            global.define_own_property(
                scope,
                tag.into(),
                name.into(),
                v8::PropertyAttribute::DONT_ENUM,
            );
        }
    }
    context.set_embedder_data(SANDBOX_SLOT, sandbox.into());
    mark(scope, context, own_microtask_queue, import_key);
    rv.set(global.into());
}

/// Marks `context` as one of ours (a vm context, or a ShadowRealm's): its global is found by
/// `context_of`, so modules can be instantiated and evaluated in it, and `import()` from code
/// in it without a key of its own is served by `import_key`.
pub(crate) fn mark<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    context: v8::Local<'s, v8::Context>,
    own_microtask_queue: bool,
    import_key: v8::Local<'s, v8::Value>,
) {
    context.set_slot(Rc::new(Contextified {
        own_microtask_queue,
    }));
    crate::promise_hooks::install(scope, context);
    let global = context.global(scope);
    let key = context_key(scope);
    let marker = v8::Boolean::new(scope, true);
    global.set_private(scope, key, marker.into());
    let key = import_key_key(scope);
    global.set_private(scope, key, import_key);
}
