//! Converting JS values into Rust values for embedders ([`crate::Runtime::eval`]).

use crate::Error;

/// A Rust type a JS value can be read into.
///
/// # Examples
///
/// ```no_run
/// # fn demo(rt: &mut eddy_runtime::Runtime) -> Result<(), eddy_runtime::Error> {
/// let s: String = rt.eval("'a' + 'b'")?;
/// let n: f64 = rt.eval("1 + 2")?;
/// let b: bool = rt.eval("[].length === 0")?;
/// # Ok(()) }
/// ```
pub trait FromJs: Sized {
    /// Convert `value`, or explain why it can't be.
    fn from_js(scope: &mut v8::PinScope, value: v8::Local<v8::Value>) -> Result<Self, Error>;
}

fn mismatch(scope: &mut v8::PinScope, value: v8::Local<v8::Value>, want: &str) -> Error {
    let got = value.type_of(scope).to_rust_string_lossy(scope);
    Error::Js {
        message: format!("expected a {want}, got a value of type {got}"),
        stack: None,
    }
}

impl FromJs for String {
    fn from_js(scope: &mut v8::PinScope, value: v8::Local<v8::Value>) -> Result<Self, Error> {
        if value.is_string() {
            Ok(value.to_rust_string_lossy(scope))
        } else {
            Err(mismatch(scope, value, "string"))
        }
    }
}

impl FromJs for f64 {
    fn from_js(scope: &mut v8::PinScope, value: v8::Local<v8::Value>) -> Result<Self, Error> {
        match value.number_value(scope) {
            Some(n) if value.is_number() => Ok(n),
            _ => Err(mismatch(scope, value, "number")),
        }
    }
}

impl FromJs for bool {
    fn from_js(scope: &mut v8::PinScope, value: v8::Local<v8::Value>) -> Result<Self, Error> {
        if value.is_boolean() {
            Ok(value.is_true())
        } else {
            Err(mismatch(scope, value, "boolean"))
        }
    }
}

impl FromJs for () {
    fn from_js(_scope: &mut v8::PinScope, _value: v8::Local<v8::Value>) -> Result<Self, Error> {
        Ok(())
    }
}

/// Any value as the JSON text `JSON.stringify` makes of it (`undefined` → `"undefined"`).
#[derive(Debug, Clone, PartialEq)]
pub struct Json(pub String);

impl FromJs for Json {
    fn from_js(scope: &mut v8::PinScope, value: v8::Local<v8::Value>) -> Result<Self, Error> {
        match v8::json::stringify(scope, value) {
            Some(s) => Ok(Json(s.to_rust_string_lossy(scope))),
            None => Ok(Json("undefined".into())),
        }
    }
}
