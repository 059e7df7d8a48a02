//! How a native module is declared and installed, plus the small helpers every binding uses
//! to read arguments and throw Node-style errors without panicking on bad JS input.
//!
//! A native module is a name and an `init` function that fills a plain JS object with
//! functions (see [`set_fn`]). The runtime puts each module's object on the private `binding`
//! object that only stdlib-js code receives; user code never sees it.

/// The init function of a native module: fill `target` with functions and constants.
pub type NativeInit = for<'s, 'i> fn(&mut v8::PinScope<'s, 'i>, v8::Local<'s, v8::Object>);

/// A native module: installed as `binding[name]` for the JS standard library.
///
/// # Examples
///
/// ```
/// use eddy_runtime::{set_fn, NativeModule};
///
/// fn answer(
///     _scope: &mut v8::PinScope,
///     _args: v8::FunctionCallbackArguments,
///     mut rv: v8::ReturnValue,
/// ) {
///     rv.set_int32(42);
/// }
///
/// let module = NativeModule {
///     name: "demo",
///     init: |scope, target| set_fn(scope, target, "answer", answer),
/// };
/// assert_eq!(module.name, "demo");
/// ```
#[derive(Clone, Copy)]
pub struct NativeModule {
    /// Property name on the `binding` object (`binding.fs`, `binding.os`, ...).
    pub name: &'static str,
    /// Fills the module's object.
    pub init: NativeInit,
}

impl std::fmt::Debug for NativeModule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NativeModule")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// Put a native function on `target` under `name`.
pub fn set_fn<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    target: v8::Local<'s, v8::Object>,
    name: &str,
    callback: impl v8::MapFnTo<v8::FunctionCallback>,
) {
    let key = v8::String::new(scope, name).expect("native function name fits in a V8 string");
    let callback = callback.map_fn_to();
    crate::snapshot::note(callback as usize);
    let tmpl = v8::FunctionTemplate::new_raw(scope, callback);
    let func = tmpl
        .get_function(scope)
        .expect("function template instantiates");
    func.set_name(key);
    target.set(scope, key.into(), func.into());
}

/// Put any value on `target` under `name`.
pub fn set_value<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    target: v8::Local<'s, v8::Object>,
    name: &str,
    value: v8::Local<'s, v8::Value>,
) {
    let key = v8::String::new(scope, name).expect("property name fits in a V8 string");
    target.set(scope, key.into(), value);
}

/// A JS string from Rust text (V8 strings cap at ~512 MiB; beyond that we hand back "").
pub fn js_string<'s>(scope: &mut v8::PinScope<'s, '_>, text: &str) -> v8::Local<'s, v8::String> {
    v8::String::new(scope, text).unwrap_or_else(|| v8::String::empty(scope))
}

/// Throw `new TypeError(message)` with `code` set, as Node's validators do.
pub fn throw_type_error(scope: &mut v8::PinScope, code: &str, message: &str) {
    let msg = js_string(scope, message);
    let err = v8::Exception::type_error(scope, msg);
    if let Ok(obj) = v8::Local::<v8::Object>::try_from(err) {
        let code_value = js_string(scope, code);
        set_value(scope, obj, "code", code_value.into());
    }
    scope.throw_exception(err);
}

/// Argument `index` as a Rust string, or a thrown `ERR_INVALID_ARG_TYPE` and `None`.
pub fn arg_string(
    scope: &mut v8::PinScope,
    args: &v8::FunctionCallbackArguments,
    index: i32,
    name: &str,
) -> Option<String> {
    let value = args.get(index);
    if value.is_string() {
        Some(value.to_rust_string_lossy(scope))
    } else {
        throw_type_error(
            scope,
            "ERR_INVALID_ARG_TYPE",
            &format!("The \"{name}\" argument must be of type string"),
        );
        None
    }
}
