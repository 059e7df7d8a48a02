//! The interceptors on a vm context's global (vm.rs makes the contexts). Every access to a
//! property of the global, from inside the context or out, is first tried on the sandbox, so
//! the sandbox *is* the context's global as far as scripts can tell, as in Node:
//! - get: the sandbox's property (own or inherited) wins; else the global's own (builtins);
//! - set: goes to the sandbox, and to the global as well unless the sandbox's property is an
//!   accessor; read-only properties of either stay as they are;
//! - defineProperty: the descriptor is copied to the sandbox, then applied to the global;
//! - getOwnPropertyDescriptor, delete, and key listing answer from the sandbox.
//!
//! Indexed properties go the same way, through their names.

use crate::snapshot::noted;
use crate::vm::sandbox_of;

type Scope<'s, 'i> = v8::PinScope<'s, 'i>;

pub(crate) fn set_interceptors(template: &v8::ObjectTemplate) {
    // No side effects of their own: V8's side-effect-free evaluation (REPL previews) may
    // read a vm context's globals.
    let flags = || v8::PropertyHandlerFlags::HAS_NO_SIDE_EFFECT;
    template.set_named_property_handler(
        v8::NamedPropertyHandlerConfiguration::new()
            .getter_raw(noted(named_get))
            .setter_raw(noted(named_set))
            .descriptor_raw(noted(named_descriptor))
            .deleter_raw(noted(named_delete))
            .enumerator_raw(noted(named_keys))
            .definer_raw(noted(named_define))
            .flags(flags()),
    );
    template.set_indexed_property_handler(
        v8::IndexedPropertyHandlerConfiguration::new()
            .getter_raw(noted(indexed_get))
            .setter_raw(noted(indexed_set))
            .descriptor_raw(noted(indexed_descriptor))
            .deleter_raw(noted(indexed_delete))
            .enumerator_raw(noted(indexed_keys))
            .definer_raw(noted(indexed_define))
            .flags(flags()),
    );
}

/// What an intercepted access works on: the sandbox and the context's global proxy. None
/// while the context is still being made: V8 then handles the access on the global alone.
struct Target<'s> {
    sandbox: v8::Local<'s, v8::Object>,
    global: v8::Local<'s, v8::Object>,
}

fn target<'s>(
    scope: &mut Scope<'s, '_>,
    args: &v8::PropertyCallbackArguments<'s>,
) -> Option<Target<'s>> {
    let context = args.holder().get_creation_context(scope)?;
    let sandbox = sandbox_of(scope, context)?;
    let global = context.global(scope);
    Some(Target { sandbox, global })
}

/// Whether a sandbox operation threw: the exception is passed on and the access counts as
/// intercepted (V8 must not go on to the global with an exception pending).
macro_rules! threw {
    ($tc:expr) => {{
        if $tc.has_caught() {
            $tc.rethrow();
            true
        } else {
            false
        }
    }};
}

fn index_name<'s>(scope: &mut Scope<'s, '_>, index: u32) -> v8::Local<'s, v8::Name> {
    v8::Integer::new_from_unsigned(scope, index)
        .to_string(scope)
        .map(Into::into)
        .unwrap_or_else(|| v8::String::empty(scope).into())
}

fn is_read_only(attributes: &Option<v8::PropertyAttribute>) -> bool {
    attributes.as_ref().is_some_and(|a| a.is_read_only())
}

fn get<'s>(
    scope: &mut Scope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    args: &v8::PropertyCallbackArguments<'s>,
    rv: &mut v8::ReturnValue<v8::Value>,
) -> v8::Intercepted {
    let Some(t) = target(scope, args) else {
        return v8::Intercepted::kNo;
    };
    v8::tc_scope!(let tc, scope);
    let value = t.sandbox.get_real_named_property(tc, key);
    if threw!(tc) {
        return v8::Intercepted::kYes;
    }
    let Some(value) = value else {
        return v8::Intercepted::kNo;
    };
    // Inside the context, the sandbox reads as the context's own global.
    if value.strict_equals(t.sandbox.into()) {
        rv.set(t.global.into());
    } else {
        rv.set(value);
    }
    v8::Intercepted::kYes
}

fn set<'s>(
    scope: &mut Scope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    value: v8::Local<'s, v8::Value>,
    args: &v8::PropertyCallbackArguments<'s>,
) -> v8::Intercepted {
    let Some(t) = target(scope, args) else {
        return v8::Intercepted::kNo;
    };
    let on_global = t.global.get_real_named_property_attributes(scope, key);
    let on_sandbox = t.sandbox.get_real_named_property_attributes(scope, key);
    if is_read_only(&on_global) || is_read_only(&on_sandbox) {
        // V8 goes on to the global, which refuses (throwing in strict code).
        return v8::Intercepted::kNo;
    }
    let declared = on_global.is_some() || on_sandbox.is_some();
    // A contextual store (`x = 1`) reaches the interceptor with the global object, not its
    // proxy, as holder. In strict code an undeclared name throws a ReferenceError there, and
    // the sandbox must not get it first; function declarations are not stores and go on.
    let contextual = args.holder() != t.global;
    if !declared && args.should_throw_on_error() && contextual && !value.is_function() {
        return v8::Intercepted::kNo;
    }
    if !declared && key.is_symbol() {
        return v8::Intercepted::kNo;
    }
    v8::tc_scope!(let tc, scope);
    let stored = t.sandbox.set(tc, key.into(), value);
    if threw!(tc) {
        return v8::Intercepted::kYes;
    }
    if stored.is_none() || on_sandbox.is_none() {
        return v8::Intercepted::kNo;
    }
    // The sandbox's accessor took the value: the global must not get a data property that
    // would hide it.
    let accessor = t
        .sandbox
        .get_own_property_descriptor(tc, key)
        .and_then(|d| v8::Local::<v8::Object>::try_from(d).ok())
        .is_some_and(|d| {
            ["get", "set"].iter().any(|name| {
                let name = v8::String::new(tc, name).expect("short string");
                d.has_own_property(tc, name.into()).unwrap_or(false)
            })
        });
    if threw!(tc) || accessor {
        v8::Intercepted::kYes
    } else {
        v8::Intercepted::kNo
    }
}

fn descriptor<'s>(
    scope: &mut Scope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    args: &v8::PropertyCallbackArguments<'s>,
    rv: &mut v8::ReturnValue<v8::Value>,
) -> v8::Intercepted {
    let Some(t) = target(scope, args) else {
        return v8::Intercepted::kNo;
    };
    v8::tc_scope!(let tc, scope);
    let own = t.sandbox.has_own_property(tc, key);
    if threw!(tc) {
        return v8::Intercepted::kYes;
    }
    if own != Some(true) {
        return v8::Intercepted::kNo;
    }
    let desc = t.sandbox.get_own_property_descriptor(tc, key);
    if threw!(tc) {
        return v8::Intercepted::kYes;
    }
    match desc {
        Some(desc) if !desc.is_undefined() => {
            rv.set(desc);
            v8::Intercepted::kYes
        }
        _ => v8::Intercepted::kNo,
    }
}

fn define<'s>(
    scope: &mut Scope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    desc: &v8::PropertyDescriptor,
    args: &v8::PropertyCallbackArguments<'s>,
) -> v8::Intercepted {
    let Some(t) = target(scope, args) else {
        return v8::Intercepted::kNo;
    };
    if is_read_only(&t.global.get_real_named_property_attributes(scope, key)) {
        // A read-only global stays as it is, here and in the sandbox.
        return v8::Intercepted::kNo;
    }
    let undefined: v8::Local<v8::Value> = v8::undefined(scope).into();
    let mut copy = if desc.has_get() || desc.has_set() {
        v8::PropertyDescriptor::new_from_get_set(
            if desc.has_get() {
                desc.get()
            } else {
                undefined
            },
            if desc.has_set() {
                desc.set()
            } else {
                undefined
            },
        )
    } else {
        let value = if desc.has_value() {
            desc.value()
        } else {
            undefined
        };
        if desc.has_writable() {
            v8::PropertyDescriptor::new_from_value_writable(value, desc.writable())
        } else {
            v8::PropertyDescriptor::new_from_value(value)
        }
    };
    if desc.has_enumerable() {
        copy.set_enumerable(desc.enumerable());
    }
    if desc.has_configurable() {
        copy.set_configurable(desc.configurable());
    }
    v8::tc_scope!(let tc, scope);
    // A sandbox that refuses keeps its property; V8 then checks the global's definition
    // against what the descriptor interceptor reports (and throws where it must).
    let _ = t.sandbox.define_property(tc, key, &copy);
    if threw!(tc) {
        return v8::Intercepted::kYes;
    }
    v8::Intercepted::kNo
}

fn delete<'s>(
    scope: &mut Scope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    args: &v8::PropertyCallbackArguments<'s>,
    rv: &mut v8::ReturnValue<v8::Boolean>,
) -> v8::Intercepted {
    let Some(t) = target(scope, args) else {
        return v8::Intercepted::kNo;
    };
    v8::tc_scope!(let tc, scope);
    let deleted = t.sandbox.delete(tc, key.into());
    if threw!(tc) {
        return v8::Intercepted::kYes;
    }
    if deleted == Some(true) {
        // Gone from the sandbox: V8 deletes the global's own copy too.
        return v8::Intercepted::kNo;
    }
    rv.set_bool(false);
    v8::Intercepted::kYes
}

/// The sandbox's enumerable string keys, inherited ones included. Both enumerators give the
/// whole list (V8 drops the repeats): V8 asks the indexed one first, so the global lists the
/// sandbox's keys first, in the sandbox's order, then its own others, as in Node.
fn keys<'s>(
    scope: &mut Scope<'s, '_>,
    args: &v8::PropertyCallbackArguments<'s>,
    rv: &mut v8::ReturnValue<v8::Array>,
) {
    let Some(t) = target(scope, args) else {
        return;
    };
    v8::tc_scope!(let tc, scope);
    let names = t.sandbox.get_property_names(tc, Default::default());
    if threw!(tc) {
        return;
    }
    if let Some(names) = names {
        rv.set(names);
    }
}

fn named_get<'s>(
    scope: &mut Scope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Value>,
) -> v8::Intercepted {
    get(scope, key, &args, &mut rv)
}

fn named_set<'s>(
    scope: &mut Scope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    value: v8::Local<'s, v8::Value>,
    args: v8::PropertyCallbackArguments<'s>,
    _rv: v8::ReturnValue<v8::Boolean>,
) -> v8::Intercepted {
    set(scope, key, value, &args)
}

fn named_descriptor<'s>(
    scope: &mut Scope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Value>,
) -> v8::Intercepted {
    descriptor(scope, key, &args, &mut rv)
}

fn named_define<'s>(
    scope: &mut Scope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    desc: &v8::PropertyDescriptor,
    args: v8::PropertyCallbackArguments<'s>,
    _rv: v8::ReturnValue<v8::Boolean>,
) -> v8::Intercepted {
    define(scope, key, desc, &args)
}

fn named_delete<'s>(
    scope: &mut Scope<'s, '_>,
    key: v8::Local<'s, v8::Name>,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Boolean>,
) -> v8::Intercepted {
    delete(scope, key, &args, &mut rv)
}

fn named_keys<'s>(
    scope: &mut Scope<'s, '_>,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Array>,
) {
    keys(scope, &args, &mut rv);
}

fn indexed_get<'s>(
    scope: &mut Scope<'s, '_>,
    index: u32,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Value>,
) -> v8::Intercepted {
    let key = index_name(scope, index);
    get(scope, key, &args, &mut rv)
}

fn indexed_set<'s>(
    scope: &mut Scope<'s, '_>,
    index: u32,
    value: v8::Local<'s, v8::Value>,
    args: v8::PropertyCallbackArguments<'s>,
    _rv: v8::ReturnValue<v8::Boolean>,
) -> v8::Intercepted {
    let key = index_name(scope, index);
    set(scope, key, value, &args)
}

fn indexed_descriptor<'s>(
    scope: &mut Scope<'s, '_>,
    index: u32,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Value>,
) -> v8::Intercepted {
    let key = index_name(scope, index);
    descriptor(scope, key, &args, &mut rv)
}

fn indexed_define<'s>(
    scope: &mut Scope<'s, '_>,
    index: u32,
    desc: &v8::PropertyDescriptor,
    args: v8::PropertyCallbackArguments<'s>,
    _rv: v8::ReturnValue<v8::Boolean>,
) -> v8::Intercepted {
    let key = index_name(scope, index);
    define(scope, key, desc, &args)
}

fn indexed_delete<'s>(
    scope: &mut Scope<'s, '_>,
    index: u32,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Boolean>,
) -> v8::Intercepted {
    let key = index_name(scope, index);
    delete(scope, key, &args, &mut rv)
}

fn indexed_keys<'s>(
    scope: &mut Scope<'s, '_>,
    args: v8::PropertyCallbackArguments<'s>,
    mut rv: v8::ReturnValue<v8::Array>,
) {
    keys(scope, &args, &mut rv);
}
