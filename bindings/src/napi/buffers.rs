//! Node-API binary data: ArrayBuffers (owned and external), typed arrays, DataViews and
//! Buffers (real `Buffer` instances: a Uint8Array with `Buffer.prototype`, as Node's are).

use std::ffi::{c_int, c_void};
use std::sync::Arc;

use eddy_runtime::v8;

use super::lifecycle::{Notifier, Task};
use super::*;

fn array_buffer(value: napi_value) -> Result<v8::Local<'static, v8::ArrayBuffer>, napi_status> {
    v8::Local::<v8::ArrayBuffer>::try_from(val(value)?).map_err(|_| ARRAYBUFFER_EXPECTED)
}

fn data_ptr(ab: v8::Local<v8::ArrayBuffer>) -> *mut c_void {
    ab.data().map_or(std::ptr::null_mut(), |p| p.as_ptr())
}

/// A new zero-filled ArrayBuffer of `length` bytes, or a pending RangeError when V8 cannot
/// allocate it.
fn new_array_buffer(
    scope: &mut Scope,
    length: usize,
) -> Result<v8::Local<'static, v8::ArrayBuffer>, napi_status> {
    let store = v8::ArrayBuffer::new_backing_store(scope, length);
    if length > 0 && store.data().is_none() {
        let msg = eddy_runtime::js_string(scope, "Array buffer allocation failed");
        let err = v8::Exception::range_error(scope, msg);
        scope.throw_exception(err);
        return Err(PENDING_EXCEPTION);
    }
    Ok(v8::ArrayBuffer::with_backing_store(
        scope,
        &store.make_shared(),
    ))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_create_arraybuffer(
    env: napi_env,
    byte_length: usize,
    data: *mut *mut c_void,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            arg!(result);
            let ab = new_array_buffer(scope, byte_length)?;
            if !data.is_null() {
                put(data, data_ptr(ab));
            }
            put(result, to_napi(ab.into()));
            Ok(())
        })
    }
}

/// The finalizer of external memory, carried to V8's deleter (which may run on any thread).
struct ExternalFinalizer {
    notifier: Arc<Notifier>,
    cb: napi_finalize,
    hint: *mut c_void,
}

unsafe extern "C" fn external_deleter(data: *mut c_void, _len: usize, deleter_data: *mut c_void) {
    let fin = unsafe { Box::from_raw(deleter_data as *mut ExternalFinalizer) };
    if fin.cb.is_some() {
        fin.notifier.post(Task::Finalize {
            cb: fin.cb,
            data,
            hint: fin.hint,
            weak: None,
        });
    }
}

unsafe fn external_array_buffer(
    env: napi_env,
    scope: &mut Scope,
    data: *mut c_void,
    length: usize,
    finalize_cb: napi_finalize,
    hint: *mut c_void,
) -> v8::Local<'static, v8::ArrayBuffer> {
    let fin = Box::into_raw(Box::new(ExternalFinalizer {
        notifier: lifecycle::notifier(env),
        cb: finalize_cb,
        hint,
    }));
    // SAFETY: the addon promises `data` stays valid until its finalizer runs.
    let store = unsafe {
        v8::ArrayBuffer::new_backing_store_from_ptr(
            data,
            length,
            external_deleter,
            fin as *mut c_void,
        )
    };
    v8::ArrayBuffer::with_backing_store(scope, &store.make_shared())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_create_external_arraybuffer(
    env: napi_env,
    external_data: *mut c_void,
    byte_length: usize,
    finalize_cb: napi_finalize,
    finalize_hint: *mut c_void,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            arg!(result);
            let ab = external_array_buffer(
                env,
                scope,
                external_data,
                byte_length,
                finalize_cb,
                finalize_hint,
            );
            put(result, to_napi(ab.into()));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_arraybuffer_info(
    env: napi_env,
    arraybuffer: napi_value,
    data: *mut *mut c_void,
    byte_length: *mut usize,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            let ab = v8::Local::<v8::ArrayBuffer>::try_from(val(arraybuffer)?)
                .map_err(|_| INVALID_ARG)?;
            if !data.is_null() {
                put(data, data_ptr(ab));
            }
            if !byte_length.is_null() {
                put(byte_length, ab.byte_length());
            }
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_is_arraybuffer(
    env: napi_env,
    value: napi_value,
    result: *mut bool,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(result);
            put(result, val(value)?.is_array_buffer());
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_detach_arraybuffer(
    env: napi_env,
    arraybuffer: napi_value,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            let ab = array_buffer(arraybuffer)?;
            if !ab.is_detachable() {
                return Err(DETACHABLE_ARRAYBUFFER_EXPECTED);
            }
            ab.detach(None).ok_or(GENERIC_FAILURE)?;
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_is_detached_arraybuffer(
    env: napi_env,
    value: napi_value,
    result: *mut bool,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(result);
            let v = val(value)?;
            let detached =
                v8::Local::<v8::ArrayBuffer>::try_from(v).is_ok_and(|ab| ab.was_detached());
            put(result, detached);
            Ok(())
        })
    }
}

// ===== typed arrays =====

/// Element size and name of each `napi_typedarray_type`.
fn element(kind: c_int) -> Option<(usize, &'static str)> {
    Some(match kind {
        0 => (1, "Int8Array"),
        1 => (1, "Uint8Array"),
        2 => (1, "Uint8ClampedArray"),
        3 => (2, "Int16Array"),
        4 => (2, "Uint16Array"),
        5 => (4, "Int32Array"),
        6 => (4, "Uint32Array"),
        7 => (4, "Float32Array"),
        8 => (8, "Float64Array"),
        9 => (8, "BigInt64Array"),
        10 => (8, "BigUint64Array"),
        _ => return None,
    })
}

fn make_typed_array(
    scope: &mut Scope,
    kind: c_int,
    ab: v8::Local<'static, v8::ArrayBuffer>,
    offset: usize,
    length: usize,
) -> Option<v8::Local<'static, v8::Value>> {
    Some(match kind {
        0 => v8::Int8Array::new(scope, ab, offset, length)?.into(),
        1 => v8::Uint8Array::new(scope, ab, offset, length)?.into(),
        2 => v8::Uint8ClampedArray::new(scope, ab, offset, length)?.into(),
        3 => v8::Int16Array::new(scope, ab, offset, length)?.into(),
        4 => v8::Uint16Array::new(scope, ab, offset, length)?.into(),
        5 => v8::Int32Array::new(scope, ab, offset, length)?.into(),
        6 => v8::Uint32Array::new(scope, ab, offset, length)?.into(),
        7 => v8::Float32Array::new(scope, ab, offset, length)?.into(),
        8 => v8::Float64Array::new(scope, ab, offset, length)?.into(),
        9 => v8::BigInt64Array::new(scope, ab, offset, length)?.into(),
        10 => v8::BigUint64Array::new(scope, ab, offset, length)?.into(),
        _ => return None,
    })
}

fn kind_of(v: v8::Local<v8::Value>) -> c_int {
    if v.is_int8_array() {
        0
    } else if v.is_uint8_array() {
        1
    } else if v.is_uint8_clamped_array() {
        2
    } else if v.is_int16_array() {
        3
    } else if v.is_uint16_array() {
        4
    } else if v.is_int32_array() {
        5
    } else if v.is_uint32_array() {
        6
    } else if v.is_float32_array() {
        7
    } else if v.is_float64_array() {
        8
    } else if v.is_big_int64_array() {
        9
    } else {
        10
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_create_typedarray(
    env: napi_env,
    kind: c_int,
    length: usize,
    arraybuffer: napi_value,
    byte_offset: usize,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run_js(env, |e, scope| {
            arg!(result);
            let ab = v8::Local::<v8::ArrayBuffer>::try_from(val(arraybuffer)?)
                .map_err(|_| INVALID_ARG)?;
            let (size, name) = element(kind).ok_or(INVALID_ARG)?;
            if size > 1 && !byte_offset.is_multiple_of(size) {
                let message = format!("start offset of {name} should be a multiple of {size}");
                errors::throw_range(e, scope, "ERR_NAPI_INVALID_TYPEDARRAY_ALIGNMENT", &message);
                return Err(GENERIC_FAILURE);
            }
            let end = length
                .checked_mul(size)
                .and_then(|n| n.checked_add(byte_offset));
            if end.is_none_or(|end| end > ab.byte_length()) {
                errors::throw_range(
                    e,
                    scope,
                    "ERR_NAPI_INVALID_TYPEDARRAY_LENGTH",
                    "Invalid typed array length",
                );
                return Err(GENERIC_FAILURE);
            }
            let ta =
                make_typed_array(scope, kind, ab, byte_offset, length).ok_or(GENERIC_FAILURE)?;
            put(result, to_napi(ta));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_is_typedarray(
    env: napi_env,
    value: napi_value,
    result: *mut bool,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(result);
            put(result, val(value)?.is_typed_array());
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_typedarray_info(
    env: napi_env,
    typedarray: napi_value,
    kind: *mut c_int,
    length: *mut usize,
    data: *mut *mut c_void,
    arraybuffer: *mut napi_value,
    byte_offset: *mut usize,
) -> napi_status {
    unsafe {
        run(env, |_, scope| {
            let v = val(typedarray)?;
            let ta = v8::Local::<v8::TypedArray>::try_from(v).map_err(|_| INVALID_ARG)?;
            if !kind.is_null() {
                put(kind, kind_of(v));
            }
            if !length.is_null() {
                put(length, ta.length());
            }
            let view: v8::Local<v8::ArrayBufferView> = ta.into();
            if !data.is_null() {
                // Node gives the buffer's data plus the offset (null for a detached buffer).
                let base = view.buffer(scope).map_or(std::ptr::null_mut(), data_ptr);
                put(
                    data,
                    if base.is_null() {
                        base
                    } else {
                        (base as *mut u8).add(view.byte_offset()) as *mut c_void
                    },
                );
            }
            if !arraybuffer.is_null() {
                let ab = view.buffer(scope).ok_or(GENERIC_FAILURE)?;
                put(arraybuffer, to_napi(ab.into()));
            }
            if !byte_offset.is_null() {
                put(byte_offset, view.byte_offset());
            }
            Ok(())
        })
    }
}

// ===== DataView =====

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_create_dataview(
    env: napi_env,
    byte_length: usize,
    arraybuffer: napi_value,
    byte_offset: usize,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run_js(env, |e, scope| {
            arg!(result);
            let ab = v8::Local::<v8::ArrayBuffer>::try_from(val(arraybuffer)?)
                .map_err(|_| INVALID_ARG)?;
            if byte_length
                .checked_add(byte_offset)
                .is_none_or(|end| end > ab.byte_length())
            {
                return Err(errors::throw_range(
                    e,
                    scope,
                    "ERR_NAPI_INVALID_DATAVIEW_ARGS",
                    "byte_offset + byte_length should be less than or equal to the size in bytes of the array passed in",
                ));
            }
            let dv = v8::DataView::new(scope, ab, byte_offset, byte_length);
            put(result, to_napi(dv.into()));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_is_dataview(
    env: napi_env,
    value: napi_value,
    result: *mut bool,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(result);
            put(result, val(value)?.is_data_view());
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_dataview_info(
    env: napi_env,
    dataview: napi_value,
    byte_length: *mut usize,
    data: *mut *mut c_void,
    arraybuffer: *mut napi_value,
    byte_offset: *mut usize,
) -> napi_status {
    unsafe {
        run(env, |_, scope| {
            let v = val(dataview)?;
            if !v.is_data_view() {
                return Err(INVALID_ARG);
            }
            let view = v8::Local::<v8::ArrayBufferView>::try_from(v).map_err(|_| INVALID_ARG)?;
            if !byte_length.is_null() {
                put(byte_length, view.byte_length());
            }
            if !data.is_null() {
                put(data, view.data());
            }
            if !arraybuffer.is_null() {
                let ab = view.buffer(scope).ok_or(GENERIC_FAILURE)?;
                put(arraybuffer, to_napi(ab.into()));
            }
            if !byte_offset.is_null() {
                put(byte_offset, view.byte_offset());
            }
            Ok(())
        })
    }
}

// ===== Buffer =====

fn as_buffer(
    scope: &mut Scope,
    ab: v8::Local<'static, v8::ArrayBuffer>,
    length: usize,
) -> Result<v8::Local<'static, v8::Value>, napi_status> {
    let array = v8::Uint8Array::new(scope, ab, 0, length).ok_or(GENERIC_FAILURE)?;
    let shared = shared().ok_or(GENERIC_FAILURE)?;
    let proto = v8::Local::new(scope, &shared.buffer_proto);
    array
        .set_prototype(scope, proto.into())
        .ok_or(GENERIC_FAILURE)?;
    Ok(array.into())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_create_buffer(
    env: napi_env,
    size: usize,
    data: *mut *mut c_void,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            arg!(result);
            let ab = new_array_buffer(scope, size)?;
            if !data.is_null() {
                put(data, data_ptr(ab));
            }
            put(result, to_napi(as_buffer(scope, ab, size)?));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_create_buffer_copy(
    env: napi_env,
    length: usize,
    data: *const c_void,
    result_data: *mut *mut c_void,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            arg!(result);
            if length > 0 {
                arg!(data);
            }
            let ab = new_array_buffer(scope, length)?;
            let dest = data_ptr(ab);
            if length > 0 {
                std::ptr::copy_nonoverlapping(data as *const u8, dest as *mut u8, length);
            }
            if !result_data.is_null() {
                put(result_data, dest);
            }
            put(result, to_napi(as_buffer(scope, ab, length)?));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_create_external_buffer(
    env: napi_env,
    length: usize,
    data: *mut c_void,
    finalize_cb: napi_finalize,
    finalize_hint: *mut c_void,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            arg!(result);
            let ab = external_array_buffer(env, scope, data, length, finalize_cb, finalize_hint);
            put(result, to_napi(as_buffer(scope, ab, length)?));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_is_buffer(
    env: napi_env,
    value: napi_value,
    result: *mut bool,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(result);
            // Node's Buffer::HasInstance: any ArrayBufferView.
            put(result, val(value)?.is_array_buffer_view());
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_buffer_info(
    env: napi_env,
    value: napi_value,
    data: *mut *mut c_void,
    length: *mut usize,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            let view =
                v8::Local::<v8::ArrayBufferView>::try_from(val(value)?).map_err(|_| INVALID_ARG)?;
            if !data.is_null() {
                put(data, view.data());
            }
            if !length.is_null() {
                put(length, view.byte_length());
            }
            Ok(())
        })
    }
}
