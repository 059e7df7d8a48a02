//! V8's promise hooks belong to a context. async_hooks sets them through `setPromiseHooks`;
//! as in Node, every vm context gets the same ones (those set so far when it is made, and any
//! set later), so promises made by code in a vm context are seen too (a domain reaches their
//! callbacks).

/// The hooks last set, and the vm contexts that follow them (weakly: a context still goes
/// away with its last reference).
#[derive(Default)]
struct PromiseHooks {
    hooks: [Option<v8::Global<v8::Function>>; 4],
    contexts: Vec<v8::Weak<v8::Context>>,
}

type Hooks<'s> = [Option<v8::Local<'s, v8::Function>>; 4];

fn apply<'s>(scope: &mut v8::PinScope<'s, '_>, context: v8::Local<'s, v8::Context>, h: Hooks<'s>) {
    let scope = &mut v8::ContextScope::new(scope, context);
    scope.set_promise_hooks(h[0], h[1], h[2], h[3]);
}

/// `setPromiseHooks(init, before, after, resolve)`: a non-function argument clears that hook.
pub(crate) fn js_set_promise_hooks<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: v8::FunctionCallbackArguments<'s>,
    _rv: v8::ReturnValue,
) {
    let hook = |i: i32| v8::Local::<v8::Function>::try_from(args.get(i)).ok();
    let hooks: Hooks<'s> = [hook(0), hook(1), hook(2), hook(3)];
    scope.set_promise_hooks(hooks[0], hooks[1], hooks[2], hooks[3]);
    let globals = hooks.map(|h| h.map(|f| v8::Global::new(scope, f)));
    if scope.get_slot::<PromiseHooks>().is_none() {
        scope.set_slot(PromiseHooks::default());
        crate::snapshot::release_slot_before_snapshot::<PromiseHooks>();
    }
    let weak = {
        let slot = scope.get_slot_mut::<PromiseHooks>().expect("set above");
        slot.hooks = globals;
        slot.contexts.retain(|c| !c.is_empty());
        slot.contexts.clone()
    };
    for context in &weak {
        if let Some(context) = context.to_local(scope) {
            apply(scope, context, hooks);
        }
    }
}

/// A new vm context: it gets the current hooks, and any set later.
pub(crate) fn install<'s>(scope: &mut v8::PinScope<'s, '_>, context: v8::Local<'s, v8::Context>) {
    let Some(slot) = scope.get_slot::<PromiseHooks>() else {
        // No hooks set yet: the context is remembered for when they are.
        let weak = v8::Weak::new(scope, context);
        scope.set_slot(PromiseHooks {
            contexts: vec![weak],
            ..Default::default()
        });
        crate::snapshot::release_slot_before_snapshot::<PromiseHooks>();
        return;
    };
    let globals = slot.hooks.clone();
    let hooks: Hooks<'s> = globals.map(|h| h.map(|g| v8::Local::new(scope, g)));
    if hooks.iter().any(Option::is_some) {
        apply(scope, context, hooks);
    }
    let weak = v8::Weak::new(scope, context);
    let slot = scope.get_slot_mut::<PromiseHooks>().expect("checked above");
    slot.contexts.retain(|c| !c.is_empty());
    slot.contexts.push(weak);
}
