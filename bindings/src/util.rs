//! `binding.util`: what `util.inspect` needs from V8 that JS cannot see (promise state, proxy
//! internals, collection previews, own non-index keys, constructor names) and the V8
//! serializer behind `structuredClone`.

use eddy_runtime::{NativeModule, js_string, set_fn, v8};

pub const MODULE: NativeModule = NativeModule { name: "util", init };

fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "getPromiseDetails", get_promise_details);
    set_fn(scope, target, "getProxyDetails", get_proxy_details);
    set_fn(scope, target, "previewEntries", preview_entries);
    set_fn(
        scope,
        target,
        "getOwnNonIndexProperties",
        get_own_non_index_properties,
    );
    set_fn(scope, target, "getConstructorName", get_constructor_name);
    set_fn(scope, target, "structuredClone", structured_clone);
}

/// `[state, result]`; state 0 pending (no result), 1 fulfilled, 2 rejected.
fn get_promise_details(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Ok(promise) = v8::Local::<v8::Promise>::try_from(args.get(0)) else {
        return;
    };
    let state = promise.state();
    let code = match state {
        v8::PromiseState::Pending => 0,
        v8::PromiseState::Fulfilled => 1,
        v8::PromiseState::Rejected => 2,
    };
    let mut items: Vec<v8::Local<v8::Value>> = vec![v8::Integer::new(scope, code).into()];
    if state != v8::PromiseState::Pending {
        items.push(promise.result(scope));
    }
    rv.set(v8::Array::new_with_elements(scope, &items).into());
}

/// `undefined` for a non-proxy, else `[target, handler]`.
fn get_proxy_details(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Ok(proxy) = v8::Local::<v8::Proxy>::try_from(args.get(0)) else {
        return;
    };
    let items = [proxy.get_target(scope), proxy.get_handler(scope)];
    rv.set(v8::Array::new_with_elements(scope, &items).into());
}

/// Entries of a Map/Set iterator or WeakMap/WeakSet: `[entries, isKeyValue]` when the second
/// argument is true, else just `entries` (flat `[k, v, k, v]` for maps).
fn preview_entries(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Ok(obj) = v8::Local::<v8::Object>::try_from(args.get(0)) else {
        return;
    };
    let (entries, is_key_value) = obj.preview_entries(scope);
    let Some(entries) = entries else {
        return;
    };
    if args.get(1).is_true() {
        let flag = v8::Boolean::new(scope, is_key_value).into();
        rv.set(v8::Array::new_with_elements(scope, &[entries.into(), flag]).into());
    } else {
        rv.set(entries.into());
    }
}

/// Own keys that are not array indices; filter 2 keeps only enumerable ones (V8's
/// PropertyFilter numbering, as Node's internal binding uses it).
fn get_own_non_index_properties(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Ok(obj) = v8::Local::<v8::Object>::try_from(args.get(0)) else {
        return;
    };
    let filter = args.get(1).int32_value(scope).unwrap_or(0);
    let property_filter = if filter & 2 != 0 {
        v8::PropertyFilter::ONLY_ENUMERABLE
    } else {
        v8::PropertyFilter::ALL_PROPERTIES
    };
    let names = obj.get_property_names(
        scope,
        v8::GetPropertyNamesArgs {
            mode: v8::KeyCollectionMode::OwnOnly,
            property_filter,
            index_filter: v8::IndexFilter::SkipIndices,
            key_conversion: v8::KeyConversionMode::KeepNumbers,
        },
    );
    if let Some(names) = names {
        rv.set(names.into());
    }
}

fn get_constructor_name(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    if let Ok(obj) = v8::Local::<v8::Object>::try_from(args.get(0)) {
        let name = obj.get_constructor_name();
        rv.set(name.into());
    } else {
        rv.set(js_string(scope, "").into());
    }
}

// ===== structuredClone =====

/// `structuredClone(value)`: V8's own wire format, through the runtime's message serializer
/// (SharedArrayBuffers keep their memory, WebAssembly modules their code, as in Node).
fn structured_clone<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    args: v8::FunctionCallbackArguments<'s>,
    mut rv: v8::ReturnValue,
) {
    if let Some(value) = eddy_runtime::structured_clone(scope, args.get(0)) {
        rv.set(value);
    }
}
