//! The natives behind `node:vm` (`binding.runtime.createContext` / `runInContext`): extra V8
//! contexts with their own globals, and running scripts in them. The JS side
//! (stdlib-js/lib/vm.js) keeps the sandbox objects in step with the context's global.

use crate::modules::run_script;
use crate::native::{js_string, set_fn};
use crate::state::state;

pub(crate) fn install<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "createContext", js_create_context);
    set_fn(scope, target, "runInContext", js_run_in_context);
}

/// The private key on a context's global that holds its index in `RuntimeState::vm_contexts`.
pub(crate) fn context_key<'s>(scope: &mut v8::PinScope<'s, '_>) -> v8::Local<'s, v8::Private> {
    let name = js_string(scope, "eddy::vmContext");
    v8::Private::for_api(scope, Some(name))
}

/// `createContext()` → the global object of a new context.
fn js_create_context(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let current = scope.get_current_context();
    let token = current.get_security_token(scope);
    let context = v8::Context::new(scope, Default::default());
    // One security token for all contexts: objects pass between them freely, as in Node.
    context.set_security_token(token);
    let global = context.global(scope);
    let id = {
        let st = state(scope);
        let mut st = st.borrow_mut();
        st.vm_contexts.push(v8::Global::new(scope, context));
        st.vm_contexts.len() - 1
    };
    let key = context_key(scope);
    let index = v8::Integer::new_from_unsigned(scope, id as u32);
    global.set_private(scope, key, index.into());
    rv.set(global.into());
}

/// `runInContext(global, source, filename)` → the completion value of `source` run as a
/// script in the context whose global `createContext` returned.
fn js_run_in_context(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Ok(global) = v8::Local::<v8::Object>::try_from(args.get(0)) else {
        return;
    };
    let key = context_key(scope);
    let Some(id) = global
        .get_private(scope, key)
        .and_then(|v| v.uint32_value(scope))
    else {
        return;
    };
    let Some(context) = state(scope).borrow().vm_contexts.get(id as usize).cloned() else {
        return;
    };
    let Some(source) = args.get(1).to_string(scope) else {
        return;
    };
    // Handles made in the outer scope are re-made inside the context's scope.
    let source = v8::Global::new(scope, source);
    let resource = args.get(2).to_rust_string_lossy(scope);
    let context = v8::Local::new(scope, context);
    let scope = &mut v8::ContextScope::new(scope, context);
    let source = v8::Local::new(scope, source);
    let resource = js_string(scope, &resource).into();
    if let Some(value) = run_script(scope, source, resource) {
        rv.set(value);
    }
}
