//! Node-API objects: properties (by key, by name, by index), property descriptors, key lists,
//! arrays, freeze/seal, type tags, `instanceof`.

use std::ffi::{c_char, c_int, c_void};

use eddy_runtime::v8;

use super::*;

/// `napi_property_descriptor`.
#[repr(C)]
pub struct napi_property_descriptor {
    pub utf8name: *const c_char,
    pub name: napi_value,
    pub method: napi_callback,
    pub getter: napi_callback,
    pub setter: napi_callback,
    pub value: napi_value,
    pub attributes: c_int,
    pub data: *mut c_void,
}

pub const WRITABLE: c_int = 1;
pub const ENUMERABLE: c_int = 1 << 1;
pub const CONFIGURABLE: c_int = 1 << 2;
pub const STATIC: c_int = 1 << 10;

/// ToObject of an argument (Node's CHECK_TO_OBJECT): a primitive is boxed, undefined/null
/// throw and give `napi_object_expected`.
pub(crate) fn to_object(
    scope: &mut Scope,
    value: napi_value,
) -> Result<v8::Local<'static, v8::Object>, napi_status> {
    let v = val(value)?;
    v.to_object(scope).ok_or(OBJECT_EXPECTED)
}

pub(crate) fn object(value: napi_value) -> Result<v8::Local<'static, v8::Object>, napi_status> {
    v8::Local::<v8::Object>::try_from(val(value)?).map_err(|_| OBJECT_EXPECTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_create_object(env: napi_env, result: *mut napi_value) -> napi_status {
    unsafe {
        run(env, |_, scope| {
            arg!(result);
            put(result, to_napi(v8::Object::new(scope).into()));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_set_property(
    env: napi_env,
    object: napi_value,
    key: napi_value,
    value: napi_value,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            let (k, v) = (val(key)?, val(value)?);
            let obj = to_object(scope, object)?;
            obj.set(scope, k, v).ok_or(GENERIC_FAILURE)?;
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_property(
    env: napi_env,
    object: napi_value,
    key: napi_value,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            arg!(result);
            let k = val(key)?;
            let obj = to_object(scope, object)?;
            put(result, to_napi(obj.get(scope, k).ok_or(GENERIC_FAILURE)?));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_has_property(
    env: napi_env,
    object: napi_value,
    key: napi_value,
    result: *mut bool,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            arg!(result);
            let k = val(key)?;
            let obj = to_object(scope, object)?;
            put(result, obj.has(scope, k).ok_or(GENERIC_FAILURE)?);
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_has_own_property(
    env: napi_env,
    object: napi_value,
    key: napi_value,
    result: *mut bool,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            arg!(result);
            let k = val(key)?;
            let obj = to_object(scope, object)?;
            let name = v8::Local::<v8::Name>::try_from(k).map_err(|_| NAME_EXPECTED)?;
            put(
                result,
                obj.has_own_property(scope, name).ok_or(GENERIC_FAILURE)?,
            );
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_delete_property(
    env: napi_env,
    object: napi_value,
    key: napi_value,
    result: *mut bool,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            let k = val(key)?;
            let obj = to_object(scope, object)?;
            let deleted = obj.delete(scope, k).ok_or(GENERIC_FAILURE)?;
            if !result.is_null() {
                put(result, deleted);
            }
            Ok(())
        })
    }
}

fn name_key(
    scope: &mut Scope,
    name: *const c_char,
) -> Result<v8::Local<'static, v8::Value>, napi_status> {
    arg!(name);
    let bytes = unsafe { c_str(name, usize::MAX) }?;
    Ok(utf8_string(scope, bytes)?.into())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_set_named_property(
    env: napi_env,
    object: napi_value,
    name: *const c_char,
    value: napi_value,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            let v = val(value)?;
            let obj = to_object(scope, object)?;
            let k = name_key(scope, name)?;
            obj.set(scope, k, v).ok_or(GENERIC_FAILURE)?;
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_named_property(
    env: napi_env,
    object: napi_value,
    name: *const c_char,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            arg!(result);
            let obj = to_object(scope, object)?;
            let k = name_key(scope, name)?;
            put(result, to_napi(obj.get(scope, k).ok_or(GENERIC_FAILURE)?));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_has_named_property(
    env: napi_env,
    object: napi_value,
    name: *const c_char,
    result: *mut bool,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            arg!(result);
            let obj = to_object(scope, object)?;
            let k = name_key(scope, name)?;
            put(result, obj.has(scope, k).ok_or(GENERIC_FAILURE)?);
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_set_element(
    env: napi_env,
    object: napi_value,
    index: u32,
    value: napi_value,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            let v = val(value)?;
            let obj = to_object(scope, object)?;
            obj.set_index(scope, index, v).ok_or(GENERIC_FAILURE)?;
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_element(
    env: napi_env,
    object: napi_value,
    index: u32,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            arg!(result);
            let obj = to_object(scope, object)?;
            put(
                result,
                to_napi(obj.get_index(scope, index).ok_or(GENERIC_FAILURE)?),
            );
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_has_element(
    env: napi_env,
    object: napi_value,
    index: u32,
    result: *mut bool,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            arg!(result);
            let obj = to_object(scope, object)?;
            put(result, obj.has_index(scope, index).ok_or(GENERIC_FAILURE)?);
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_delete_element(
    env: napi_env,
    object: napi_value,
    index: u32,
    result: *mut bool,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            let obj = to_object(scope, object)?;
            let deleted = obj.delete_index(scope, index).ok_or(GENERIC_FAILURE)?;
            if !result.is_null() {
                put(result, deleted);
            }
            Ok(())
        })
    }
}

/// Define one descriptor on `target` (shared by define_properties and define_class).
pub(crate) unsafe fn define_one(
    env: napi_env,
    scope: &mut Scope,
    target: v8::Local<'static, v8::Object>,
    p: &napi_property_descriptor,
) -> Result<(), napi_status> {
    let key: v8::Local<v8::Value> = if !p.utf8name.is_null() {
        name_key(scope, p.utf8name)?
    } else {
        let k = val(p.name)?;
        if !k.is_name() {
            return Err(NAME_EXPECTED);
        }
        k
    };
    let enumerable = p.attributes & ENUMERABLE != 0;
    let configurable = p.attributes & CONFIGURABLE != 0;
    let mut desc = if p.getter.is_some() || p.setter.is_some() {
        let getter: v8::Local<v8::Value> = match p.getter {
            Some(_) => functions::make_function(env, scope, None, p.getter, p.data)?.into(),
            None => v8::undefined(scope).into(),
        };
        let setter: v8::Local<v8::Value> = match p.setter {
            Some(_) => functions::make_function(env, scope, None, p.setter, p.data)?.into(),
            None => v8::undefined(scope).into(),
        };
        v8::PropertyDescriptor::new_from_get_set(getter, setter)
    } else if p.method.is_some() {
        let name = v8::Local::<v8::String>::try_from(key).ok();
        let f = functions::make_function(env, scope, name, p.method, p.data)?;
        v8::PropertyDescriptor::new_from_value_writable(f.into(), p.attributes & WRITABLE != 0)
    } else {
        let value = val(p.value)?;
        v8::PropertyDescriptor::new_from_value_writable(value, p.attributes & WRITABLE != 0)
    };
    desc.set_enumerable(enumerable);
    desc.set_configurable(configurable);
    let key = v8::Local::<v8::Name>::try_from(key).map_err(|_| NAME_EXPECTED)?;
    match target.define_property(scope, key, &desc) {
        Some(true) => Ok(()),
        Some(false) => Err(GENERIC_FAILURE),
        None => Err(PENDING_EXCEPTION),
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_define_properties(
    env: napi_env,
    object: napi_value,
    count: usize,
    properties: *const napi_property_descriptor,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            if count > 0 {
                arg!(properties);
            }
            let obj = to_object(scope, object)?;
            for i in 0..count {
                define_one(env, scope, obj, &*properties.add(i))?;
            }
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_property_names(
    env: napi_env,
    object: napi_value,
    result: *mut napi_value,
) -> napi_status {
    // Node's definition: for-in keys (prototypes included), enumerable, no symbols, as strings.
    unsafe { napi_get_all_property_names(env, object, 0, ENUMERABLE | (1 << 4), 1, result) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_all_property_names(
    env: napi_env,
    object: napi_value,
    key_mode: c_int,
    key_filter: c_int,
    key_conversion: c_int,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            arg!(result);
            let obj = to_object(scope, object)?;
            let mode = match key_mode {
                0 => v8::KeyCollectionMode::IncludePrototypes,
                1 => v8::KeyCollectionMode::OwnOnly,
                _ => return Err(INVALID_ARG),
            };
            let mut filter = v8::PropertyFilter::ALL_PROPERTIES;
            for (bit, f) in [
                (1, v8::PropertyFilter::ONLY_WRITABLE),
                (2, v8::PropertyFilter::ONLY_ENUMERABLE),
                (4, v8::PropertyFilter::ONLY_CONFIGURABLE),
                (8, v8::PropertyFilter::SKIP_STRINGS),
                (16, v8::PropertyFilter::SKIP_SYMBOLS),
            ] {
                if key_filter & bit != 0 {
                    filter = filter | f;
                }
            }
            let conversion = match key_conversion {
                0 => v8::KeyConversionMode::KeepNumbers,
                1 => v8::KeyConversionMode::ConvertToString,
                _ => return Err(INVALID_ARG),
            };
            let args = v8::GetPropertyNamesArgsBuilder::new()
                .mode(mode)
                .property_filter(filter)
                .index_filter(v8::IndexFilter::IncludeIndices)
                .key_conversion(conversion)
                .build();
            let names = obj.get_property_names(scope, args).ok_or(GENERIC_FAILURE)?;
            put(result, to_napi(names.into()));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_object_freeze(env: napi_env, object: napi_value) -> napi_status {
    unsafe { integrity(env, object, v8::IntegrityLevel::Frozen) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_object_seal(env: napi_env, object: napi_value) -> napi_status {
    unsafe { integrity(env, object, v8::IntegrityLevel::Sealed) }
}

unsafe fn integrity(env: napi_env, object: napi_value, level: v8::IntegrityLevel) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            let obj = to_object(scope, object)?;
            obj.set_integrity_level(scope, level)
                .ok_or(PENDING_EXCEPTION)?;
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_instanceof(
    env: napi_env,
    object: napi_value,
    constructor: napi_value,
    result: *mut bool,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            arg!(result);
            let value = val(object)?;
            let ctor = val(constructor)?;
            let Ok(ctor) = v8::Local::<v8::Function>::try_from(ctor) else {
                let msg = eddy_runtime::js_string(scope, "Constructor must be a function");
                let err = v8::Exception::type_error(scope, msg);
                scope.throw_exception(err);
                return Err(FUNCTION_EXPECTED);
            };
            put(
                result,
                value
                    .instance_of(scope, ctor.into())
                    .ok_or(PENDING_EXCEPTION)?,
            );
            Ok(())
        })
    }
}

// ===== arrays =====

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_create_array(env: napi_env, result: *mut napi_value) -> napi_status {
    unsafe {
        run(env, |_, scope| {
            arg!(result);
            put(result, to_napi(v8::Array::new(scope, 0).into()));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_create_array_with_length(
    env: napi_env,
    length: usize,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run(env, |_, scope| {
            arg!(result);
            // V8 takes an int; Node passes the length through the same narrowing.
            let n = i32::try_from(length).unwrap_or(0).max(0);
            put(result, to_napi(v8::Array::new(scope, n).into()));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_array_length(
    env: napi_env,
    value: napi_value,
    result: *mut u32,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(result);
            let array =
                v8::Local::<v8::Array>::try_from(val(value)?).map_err(|_| ARRAY_EXPECTED)?;
            put(result, array.length());
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_is_array(
    env: napi_env,
    value: napi_value,
    result: *mut bool,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(result);
            put(result, val(value)?.is_array());
            Ok(())
        })
    }
}

// ===== type tags =====

#[repr(C)]
pub struct napi_type_tag {
    lower: u64,
    upper: u64,
}

fn tag_key(scope: &mut Scope) -> v8::Local<'static, v8::Private> {
    let name = eddy_runtime::js_string(scope, "eddy.napi.typeTag");
    v8::Private::for_api(scope, Some(name))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_type_tag_object(
    env: napi_env,
    value: napi_value,
    tag: *const napi_type_tag,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            arg!(tag);
            let obj = to_object(scope, value)?;
            let key = tag_key(scope);
            if obj.has_private(scope, key).unwrap_or(false) {
                return Err(INVALID_ARG);
            }
            let words = [(*tag).lower, (*tag).upper];
            let big = v8::BigInt::new_from_words(scope, false, &words).ok_or(GENERIC_FAILURE)?;
            obj.set_private(scope, key, big.into())
                .ok_or(GENERIC_FAILURE)?;
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_check_object_type_tag(
    env: napi_env,
    value: napi_value,
    tag: *const napi_type_tag,
    result: *mut bool,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            arg!(tag);
            arg!(result);
            let obj = to_object(scope, value)?;
            let key = tag_key(scope);
            let stored = obj.get_private(scope, key).ok_or(GENERIC_FAILURE)?;
            let matches = match v8::Local::<v8::BigInt>::try_from(stored) {
                Ok(big) => {
                    let mut words = [0u64; 2];
                    let (negative, _) = big.to_words_array(&mut words);
                    !negative && words == [(*tag).lower, (*tag).upper]
                }
                Err(_) => false,
            };
            put(result, matches);
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_prototype(
    env: napi_env,
    object: napi_value,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            arg!(result);
            let obj = to_object(scope, object)?;
            let proto = obj.get_prototype(scope).ok_or(GENERIC_FAILURE)?;
            put(result, to_napi(proto));
            Ok(())
        })
    }
}
