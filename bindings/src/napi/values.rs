//! Node-API primitives: undefined/null/booleans, numbers, BigInts, strings, symbols, dates,
//! `napi_typeof`, equality and coercion.

use std::ffi::{c_char, c_void};

use eddy_runtime::v8;

use super::*;

macro_rules! getter {
    ($name:ident, |$scope:ident| $make:expr) => {
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name(env: napi_env, result: *mut napi_value) -> napi_status {
            unsafe {
                run(env, |_, $scope| {
                    arg!(result);
                    put(result, to_napi($make));
                    Ok(())
                })
            }
        }
    };
}

getter!(napi_get_undefined, |scope| v8::undefined(scope).into());
getter!(napi_get_null, |scope| v8::null(scope).into());
getter!(napi_get_global, |scope| scope
    .get_current_context()
    .global(scope)
    .into());

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_boolean(
    env: napi_env,
    value: bool,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run(env, |_, scope| {
            arg!(result);
            put(result, to_napi(v8::Boolean::new(scope, value).into()));
            Ok(())
        })
    }
}

macro_rules! create_number {
    ($name:ident, $ty:ty, |$scope:ident, $v:ident| $make:expr) => {
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name(
            env: napi_env,
            $v: $ty,
            result: *mut napi_value,
        ) -> napi_status {
            unsafe {
                run(env, |_, $scope| {
                    arg!(result);
                    put(result, to_napi($make));
                    Ok(())
                })
            }
        }
    };
}

create_number!(napi_create_int32, i32, |scope, v| v8::Integer::new(
    scope, v
)
.into());
create_number!(napi_create_uint32, u32, |scope, v| {
    v8::Integer::new_from_unsigned(scope, v).into()
});
create_number!(napi_create_int64, i64, |scope, v| v8::Number::new(
    scope, v as f64
)
.into());
create_number!(napi_create_double, f64, |scope, v| v8::Number::new(
    scope, v
)
.into());
create_number!(napi_create_bigint_int64, i64, |scope, v| {
    v8::BigInt::new_from_i64(scope, v).into()
});
create_number!(napi_create_bigint_uint64, u64, |scope, v| {
    v8::BigInt::new_from_u64(scope, v).into()
});

fn number(value: napi_value) -> Result<f64, napi_status> {
    let v = val(value)?;
    if !v.is_number() {
        return Err(NUMBER_EXPECTED);
    }
    Ok(v.number_value_fast())
}

trait NumberFast {
    fn number_value_fast(&self) -> f64;
}
impl NumberFast for v8::Local<'_, v8::Value> {
    fn number_value_fast(&self) -> f64 {
        // SAFETY: callers checked is_number().
        unsafe { v8::Local::<v8::Number>::cast_unchecked(*self) }.value()
    }
}

/// ECMAScript ToInt32 / ToUint32 of a finite double (non-finite gives 0, as in Node).
fn to_uint32_bits(d: f64) -> u32 {
    if !d.is_finite() {
        return 0;
    }
    let t = d.trunc() % 4294967296.0;
    let t = if t < 0.0 { t + 4294967296.0 } else { t };
    t as u32
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_value_double(
    env: napi_env,
    value: napi_value,
    result: *mut f64,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(result);
            put(result, number(value)?);
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_value_int32(
    env: napi_env,
    value: napi_value,
    result: *mut i32,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(result);
            put(result, to_uint32_bits(number(value)?) as i32);
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_value_uint32(
    env: napi_env,
    value: napi_value,
    result: *mut u32,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(result);
            put(result, to_uint32_bits(number(value)?));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_value_int64(
    env: napi_env,
    value: napi_value,
    result: *mut i64,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(result);
            let d = number(value)?;
            // Non-finite numbers give 0; out-of-range ones saturate, as V8's IntegerValue does.
            put(result, if d.is_finite() { d as i64 } else { 0 });
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_value_bool(
    env: napi_env,
    value: napi_value,
    result: *mut bool,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(result);
            let v = val(value)?;
            if !v.is_boolean() {
                return Err(BOOLEAN_EXPECTED);
            }
            put(result, v.is_true());
            Ok(())
        })
    }
}

fn bigint(value: napi_value) -> Result<v8::Local<'static, v8::BigInt>, napi_status> {
    v8::Local::<v8::BigInt>::try_from(val(value)?).map_err(|_| BIGINT_EXPECTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_value_bigint_int64(
    env: napi_env,
    value: napi_value,
    result: *mut i64,
    lossless: *mut bool,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(result);
            arg!(lossless);
            let (v, exact) = bigint(value)?.i64_value();
            put(result, v);
            put(lossless, exact);
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_value_bigint_uint64(
    env: napi_env,
    value: napi_value,
    result: *mut u64,
    lossless: *mut bool,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(result);
            arg!(lossless);
            let (v, exact) = bigint(value)?.u64_value();
            put(result, v);
            put(lossless, exact);
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_create_bigint_words(
    env: napi_env,
    sign_bit: i32,
    word_count: usize,
    words: *const u64,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            arg!(words);
            arg!(result);
            if word_count > i32::MAX as usize {
                return Err(INVALID_ARG);
            }
            let words = std::slice::from_raw_parts(words, word_count);
            // V8 throws a RangeError for a BigInt that is too large; run_js keeps it pending.
            let big =
                v8::BigInt::new_from_words(scope, sign_bit != 0, words).ok_or(PENDING_EXCEPTION)?;
            put(result, to_napi(big.into()));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_value_bigint_words(
    env: napi_env,
    value: napi_value,
    sign_bit: *mut i32,
    word_count: *mut usize,
    words: *mut u64,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(word_count);
            let big = bigint(value)?;
            let needed = big.word_count();
            if words.is_null() {
                put(word_count, needed);
                return Ok(());
            }
            arg!(sign_bit);
            let buf = std::slice::from_raw_parts_mut(words, *word_count);
            let (negative, _) = big.to_words_array(buf);
            put(sign_bit, negative as i32);
            put(word_count, needed.min(*word_count));
            Ok(())
        })
    }
}

// ===== strings =====

unsafe fn make_string(
    env: napi_env,
    result: *mut napi_value,
    make: impl FnOnce(&mut Scope) -> Result<Option<v8::Local<'static, v8::String>>, napi_status>,
) -> napi_status {
    unsafe {
        run(env, |_, scope| {
            arg!(result);
            let s = make(scope)?.ok_or(GENERIC_FAILURE)?;
            put(result, to_napi(s.into()));
            Ok(())
        })
    }
}

fn string_type(internalize: bool) -> v8::NewStringType {
    if internalize {
        v8::NewStringType::Internalized
    } else {
        v8::NewStringType::Normal
    }
}

unsafe fn utf8(
    env: napi_env,
    s: *const c_char,
    length: usize,
    result: *mut napi_value,
    intern: bool,
) -> napi_status {
    unsafe {
        make_string(env, result, |scope| {
            let bytes = c_str(s, length)?;
            Ok(v8::String::new_from_utf8(scope, bytes, string_type(intern)))
        })
    }
}

unsafe fn latin1(
    env: napi_env,
    s: *const c_char,
    length: usize,
    result: *mut napi_value,
    intern: bool,
) -> napi_status {
    unsafe {
        make_string(env, result, |scope| {
            let bytes = c_str(s, length)?;
            Ok(v8::String::new_from_one_byte(
                scope,
                bytes,
                string_type(intern),
            ))
        })
    }
}

unsafe fn utf16(
    env: napi_env,
    s: *const u16,
    length: usize,
    result: *mut napi_value,
    intern: bool,
) -> napi_status {
    unsafe {
        make_string(env, result, |scope| {
            let units: &[u16] = if s.is_null() {
                if length != 0 {
                    return Err(INVALID_ARG);
                }
                &[]
            } else if length == usize::MAX {
                let mut n = 0;
                while *s.add(n) != 0 {
                    n += 1;
                }
                std::slice::from_raw_parts(s, n)
            } else if length > i32::MAX as usize {
                return Err(INVALID_ARG);
            } else {
                std::slice::from_raw_parts(s, length)
            };
            Ok(v8::String::new_from_two_byte(
                scope,
                units,
                string_type(intern),
            ))
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_create_string_utf8(
    env: napi_env,
    s: *const c_char,
    length: usize,
    result: *mut napi_value,
) -> napi_status {
    unsafe { utf8(env, s, length, result, false) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_create_string_latin1(
    env: napi_env,
    s: *const c_char,
    length: usize,
    result: *mut napi_value,
) -> napi_status {
    unsafe { latin1(env, s, length, result, false) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_create_string_utf16(
    env: napi_env,
    s: *const u16,
    length: usize,
    result: *mut napi_value,
) -> napi_status {
    unsafe { utf16(env, s, length, result, false) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn node_api_create_property_key_utf8(
    env: napi_env,
    s: *const c_char,
    length: usize,
    result: *mut napi_value,
) -> napi_status {
    unsafe { utf8(env, s, length, result, true) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn node_api_create_property_key_latin1(
    env: napi_env,
    s: *const c_char,
    length: usize,
    result: *mut napi_value,
) -> napi_status {
    unsafe { latin1(env, s, length, result, true) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn node_api_create_property_key_utf16(
    env: napi_env,
    s: *const u16,
    length: usize,
    result: *mut napi_value,
) -> napi_status {
    unsafe { utf16(env, s, length, result, true) }
}

/// External strings are copied (`*copied = true`), which Node-API allows; the finalizer is not
/// called, as the documentation says for a copy.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn node_api_create_external_string_latin1(
    env: napi_env,
    s: *mut c_char,
    length: usize,
    _finalize: napi_finalize,
    _hint: *mut c_void,
    result: *mut napi_value,
    copied: *mut bool,
) -> napi_status {
    let status = unsafe { latin1(env, s, length, result, false) };
    if status == OK && !copied.is_null() {
        unsafe { put(copied, true) };
    }
    status
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn node_api_create_external_string_utf16(
    env: napi_env,
    s: *mut u16,
    length: usize,
    _finalize: napi_finalize,
    _hint: *mut c_void,
    result: *mut napi_value,
    copied: *mut bool,
) -> napi_status {
    let status = unsafe { utf16(env, s, length, result, false) };
    if status == OK && !copied.is_null() {
        unsafe { put(copied, true) };
    }
    status
}

fn string(value: napi_value) -> Result<v8::Local<'static, v8::String>, napi_status> {
    v8::Local::<v8::String>::try_from(val(value)?).map_err(|_| STRING_EXPECTED)
}

/// Node's contract: no buffer → the length (in bytes/units, no terminator); else copy at most
/// `bufsize - 1` units, NUL-terminate, and report how many were copied.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_value_string_utf8(
    env: napi_env,
    value: napi_value,
    buf: *mut c_char,
    bufsize: usize,
    result: *mut usize,
) -> napi_status {
    unsafe {
        run(env, |_, scope| {
            let s = string(value)?;
            if buf.is_null() {
                arg!(result);
                put(result, s.utf8_length(scope));
                return Ok(());
            }
            let mut copied = 0;
            if bufsize > 0 {
                let out = std::slice::from_raw_parts_mut(buf as *mut u8, bufsize - 1);
                copied = s.write_utf8_v2(scope, out, v8::WriteFlags::kReplaceInvalidUtf8, None);
                *buf.add(copied) = 0;
            }
            if !result.is_null() {
                put(result, copied);
            }
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_value_string_latin1(
    env: napi_env,
    value: napi_value,
    buf: *mut c_char,
    bufsize: usize,
    result: *mut usize,
) -> napi_status {
    unsafe {
        run(env, |_, scope| {
            let s = string(value)?;
            if buf.is_null() {
                arg!(result);
                put(result, s.length());
                return Ok(());
            }
            let mut copied = 0;
            if bufsize > 0 {
                copied = s.length().min(bufsize - 1);
                let out = std::slice::from_raw_parts_mut(buf as *mut u8, copied);
                s.write_one_byte_v2(scope, 0, out, v8::WriteFlags::empty());
                *buf.add(copied) = 0;
            }
            if !result.is_null() {
                put(result, copied);
            }
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_value_string_utf16(
    env: napi_env,
    value: napi_value,
    buf: *mut u16,
    bufsize: usize,
    result: *mut usize,
) -> napi_status {
    unsafe {
        run(env, |_, scope| {
            let s = string(value)?;
            if buf.is_null() {
                arg!(result);
                put(result, s.length());
                return Ok(());
            }
            let mut copied = 0;
            if bufsize > 0 {
                copied = s.length().min(bufsize - 1);
                let out = std::slice::from_raw_parts_mut(buf, copied);
                s.write_v2(scope, 0, out, v8::WriteFlags::empty());
                *buf.add(copied) = 0;
            }
            if !result.is_null() {
                put(result, copied);
            }
            Ok(())
        })
    }
}

// ===== symbols =====

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_create_symbol(
    env: napi_env,
    description: napi_value,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run(env, |_, scope| {
            arg!(result);
            let desc = match from_napi(description) {
                None => None,
                Some(d) => Some(v8::Local::<v8::String>::try_from(d).map_err(|_| STRING_EXPECTED)?),
            };
            put(result, to_napi(v8::Symbol::new(scope, desc).into()));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn node_api_symbol_for(
    env: napi_env,
    s: *const c_char,
    length: usize,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run(env, |_, scope| {
            arg!(result);
            let name = utf8_string(scope, c_str(s, length)?)?;
            put(result, to_napi(v8::Symbol::for_key(scope, name).into()));
            Ok(())
        })
    }
}

// ===== dates =====

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_create_date(
    env: napi_env,
    time: f64,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            arg!(result);
            let date = v8::Date::new(scope, time).ok_or(GENERIC_FAILURE)?;
            put(result, to_napi(date.into()));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_is_date(
    env: napi_env,
    value: napi_value,
    result: *mut bool,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(result);
            put(result, val(value)?.is_date());
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_date_value(
    env: napi_env,
    value: napi_value,
    result: *mut f64,
) -> napi_status {
    unsafe {
        run_js(env, |_, _| {
            arg!(result);
            let date = v8::Local::<v8::Date>::try_from(val(value)?).map_err(|_| DATE_EXPECTED)?;
            put(result, date.value_of());
            Ok(())
        })
    }
}

// ===== typeof, equality, coercion =====

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_typeof(
    env: napi_env,
    value: napi_value,
    result: *mut c_int,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(result);
            let v = val(value)?;
            let t = if v.is_number() {
                3
            } else if v.is_big_int() {
                9
            } else if v.is_string() {
                4
            } else if v.is_function() {
                7
            } else if v.is_external() {
                8
            } else if v.is_object() {
                6
            } else if v.is_boolean() {
                2
            } else if v.is_undefined() {
                0
            } else if v.is_symbol() {
                5
            } else if v.is_null() {
                1
            } else {
                return Err(INVALID_ARG);
            };
            put(result, t);
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_strict_equals(
    env: napi_env,
    lhs: napi_value,
    rhs: napi_value,
    result: *mut bool,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(result);
            put(result, val(lhs)?.strict_equals(val(rhs)?));
            Ok(())
        })
    }
}

macro_rules! coerce {
    ($name:ident, $fail:expr, |$scope:ident, $v:ident| $conv:expr) => {
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name(
            env: napi_env,
            value: napi_value,
            result: *mut napi_value,
        ) -> napi_status {
            unsafe {
                run_js(env, |_, $scope| {
                    arg!(result);
                    let $v = val(value)?;
                    let converted: Option<v8::Local<v8::Value>> = $conv;
                    put(result, to_napi(converted.ok_or($fail)?));
                    Ok(())
                })
            }
        }
    };
}

coerce!(napi_coerce_to_bool, GENERIC_FAILURE, |scope, v| Some(
    v.to_boolean(scope).into()
));
coerce!(napi_coerce_to_number, NUMBER_EXPECTED, |scope, v| v
    .to_number(scope)
    .map(Into::into));
coerce!(napi_coerce_to_object, OBJECT_EXPECTED, |scope, v| v
    .to_object(scope)
    .map(Into::into));
coerce!(napi_coerce_to_string, STRING_EXPECTED, |scope, v| v
    .to_string(scope)
    .map(Into::into));

use std::ffi::c_int;
