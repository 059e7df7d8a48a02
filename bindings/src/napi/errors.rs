//! Node-API errors and exceptions: making Error objects (with an optional `code`), throwing
//! them into the env's pending exception, and inspecting or clearing that exception.

use std::ffi::c_char;

use eddy_runtime::v8;

use super::*;

#[derive(Clone, Copy)]
enum Kind {
    Error,
    TypeError,
    RangeError,
    SyntaxError,
}

fn make_error(
    scope: &mut Scope,
    kind: Kind,
    code: Option<v8::Local<'static, v8::Value>>,
    message: v8::Local<'static, v8::String>,
) -> Result<v8::Local<'static, v8::Value>, napi_status> {
    let err = match kind {
        Kind::Error => v8::Exception::error(scope, message),
        Kind::TypeError => v8::Exception::type_error(scope, message),
        Kind::RangeError => v8::Exception::range_error(scope, message),
        Kind::SyntaxError => v8::Exception::syntax_error(scope, message),
    };
    if let Some(code) = code {
        let obj = v8::Local::<v8::Object>::try_from(err).map_err(|_| GENERIC_FAILURE)?;
        let key = eddy_runtime::js_string(scope, "code");
        obj.set(scope, key.into(), code).ok_or(GENERIC_FAILURE)?;
    }
    Ok(err)
}

unsafe fn create(
    env: napi_env,
    kind: Kind,
    code: napi_value,
    msg: napi_value,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run(env, |_, scope| {
            arg!(result);
            let message =
                v8::Local::<v8::String>::try_from(val(msg)?).map_err(|_| STRING_EXPECTED)?;
            let code = match from_napi(code) {
                None => None,
                Some(c) if c.is_string() => Some(c),
                Some(_) => return Err(STRING_EXPECTED),
            };
            put(result, to_napi(make_error(scope, kind, code, message)?));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_create_error(
    env: napi_env,
    code: napi_value,
    msg: napi_value,
    result: *mut napi_value,
) -> napi_status {
    unsafe { create(env, Kind::Error, code, msg, result) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_create_type_error(
    env: napi_env,
    code: napi_value,
    msg: napi_value,
    result: *mut napi_value,
) -> napi_status {
    unsafe { create(env, Kind::TypeError, code, msg, result) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_create_range_error(
    env: napi_env,
    code: napi_value,
    msg: napi_value,
    result: *mut napi_value,
) -> napi_status {
    unsafe { create(env, Kind::RangeError, code, msg, result) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn node_api_create_syntax_error(
    env: napi_env,
    code: napi_value,
    msg: napi_value,
    result: *mut napi_value,
) -> napi_status {
    unsafe { create(env, Kind::SyntaxError, code, msg, result) }
}

/// Make the env's pending exception (refused when one is already pending, as in Node).
fn set_pending(
    e: &mut Env,
    scope: &mut Scope,
    value: v8::Local<'static, v8::Value>,
) -> Result<(), napi_status> {
    if e.pending_exception.is_some() {
        return Err(PENDING_EXCEPTION);
    }
    e.pending_exception = Some(v8::Global::new(scope, value));
    Ok(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_throw(env: napi_env, error: napi_value) -> napi_status {
    unsafe {
        run(env, |e, scope| {
            let value = val(error)?;
            set_pending(e, scope, value)
        })
    }
}

unsafe fn throw(env: napi_env, kind: Kind, code: *const c_char, msg: *const c_char) -> napi_status {
    unsafe {
        run(env, |e, scope| {
            let message = utf8_string(scope, c_str(msg, usize::MAX)?)?;
            let code = if code.is_null() {
                None
            } else {
                Some(utf8_string(scope, c_str(code, usize::MAX)?)?.into())
            };
            let err = make_error(scope, kind, code, message)?;
            set_pending(e, scope, err)
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_throw_error(
    env: napi_env,
    code: *const c_char,
    msg: *const c_char,
) -> napi_status {
    unsafe { throw(env, Kind::Error, code, msg) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_throw_type_error(
    env: napi_env,
    code: *const c_char,
    msg: *const c_char,
) -> napi_status {
    unsafe { throw(env, Kind::TypeError, code, msg) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_throw_range_error(
    env: napi_env,
    code: *const c_char,
    msg: *const c_char,
) -> napi_status {
    unsafe { throw(env, Kind::RangeError, code, msg) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn node_api_throw_syntax_error(
    env: napi_env,
    code: *const c_char,
    msg: *const c_char,
) -> napi_status {
    unsafe { throw(env, Kind::SyntaxError, code, msg) }
}

/// Throw a RangeError with a Node error code from inside a napi body (Node's own checks).
pub(crate) fn throw_range(
    e: &mut Env,
    scope: &mut Scope,
    code: &str,
    message: &str,
) -> napi_status {
    let message = eddy_runtime::js_string(scope, message);
    let code = eddy_runtime::js_string(scope, code);
    if let Ok(err) = make_error(scope, Kind::RangeError, Some(code.into()), message) {
        let _ = set_pending(e, scope, err);
    }
    PENDING_EXCEPTION
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_is_error(
    env: napi_env,
    value: napi_value,
    result: *mut bool,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(result);
            put(result, val(value)?.is_native_error());
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_is_exception_pending(
    env: napi_env,
    result: *mut bool,
) -> napi_status {
    unsafe {
        run(env, |e, _| {
            arg!(result);
            put(result, e.pending_exception.is_some());
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_and_clear_last_exception(
    env: napi_env,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run(env, |e, scope| {
            arg!(result);
            let value = match e.pending_exception.take() {
                Some(exc) => v8::Local::new(scope, exc),
                None => v8::undefined(scope).into(),
            };
            put(result, to_napi(value));
            Ok(())
        })
    }
}

/// Report `err` as an uncaught exception ('uncaughtException', or the process dies).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_fatal_exception(env: napi_env, err: napi_value) -> napi_status {
    unsafe {
        run(env, |_, scope| {
            let err = val(err)?;
            let shared = shared().ok_or(GENERIC_FAILURE)?;
            let rethrow = v8::Local::new(scope, &shared.rethrow);
            eddy_runtime::call_function(scope, rethrow, &[err]);
            Ok(())
        })
    }
}
