//! ShadowRealm (`--experimental-shadow-realm`, which turns on V8's `--harmony-shadow-realm`):
//! V8 asks the embedder for each new realm's context. A realm is a fresh context holding the
//! language's intrinsics only; Node's principal-realm globals, preloads and module loaders stay
//! outside it. Its `import()` and `importValue()` are served by a module map of its own, which
//! the JS loader keeps under the realm's import key (`hooks.shadowRealmImportKey`); modules are
//! instantiated and evaluated in the realm (the vm natives find it through `vm::mark`).

use std::rc::Rc;

use crate::state::hook;

/// Marks a ShadowRealm's context, whose `Error.prepareStackTrace` is its own (see
/// [`prepare_stack_trace`]).
struct Realm;

/// Installed on every isolate; V8 calls it only when ShadowRealm is enabled.
pub(crate) fn create_context<'s>(
    scope: &mut v8::PinScope<'s, '_>,
) -> Option<v8::Local<'s, v8::Context>> {
    let initiator = scope.get_current_context();
    let token = initiator.get_security_token(scope);
    let context = v8::Context::new(scope, Default::default());
    context.set_security_token(token);
    context.set_slot(Rc::new(Realm));
    let global = context.global(scope);
    let import_key = match hook(scope, "shadowRealmImportKey") {
        Some(f) => {
            let recv = v8::undefined(scope).into();
            f.call(scope, recv, &[global.into()])?
        }
        None => v8::undefined(scope).into(),
    };
    crate::vm::mark(scope, context, false, import_key);
    Some(context)
}

/// The stack of an error made in a ShadowRealm: formatted by the realm's own
/// `Error.prepareStackTrace` when it set one (the default format if that throws, as in the
/// principal realm), else in V8's default format; the principal realm's hook never sees it, as
/// in Node. `None` for errors of any other context.
pub(crate) fn prepare_stack_trace<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    error: v8::Local<'s, v8::Value>,
    sites: v8::Local<'s, v8::Array>,
) -> Option<v8::Local<'s, v8::Value>> {
    let context = scope.get_current_context();
    context.get_slot::<Realm>()?;
    Some(
        realm_stack(scope, context, error, sites)
            .unwrap_or_else(|| crate::default_stack(scope, error, sites)),
    )
}

fn realm_stack<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    context: v8::Local<'s, v8::Context>,
    error: v8::Local<'s, v8::Value>,
    sites: v8::Local<'s, v8::Array>,
) -> Option<v8::Local<'s, v8::Value>> {
    v8::tc_scope!(let scope, scope);
    let global = context.global(scope);
    let name = v8::String::new(scope, "Error")?;
    let error_ctor = global
        .get(scope, name.into())
        .and_then(|v| v8::Local::<v8::Object>::try_from(v).ok());
    let user_hook = error_ctor.and_then(|ctor| {
        let name = v8::String::new(scope, "prepareStackTrace")?;
        let value = ctor.get(scope, name.into())?;
        v8::Local::<v8::Function>::try_from(value).ok()
    });
    let (ctor, user_hook) = (error_ctor?, user_hook?);
    user_hook.call(scope, ctor.into(), &[error, sites.into()])
}
