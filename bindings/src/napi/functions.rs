//! Node-API functions and classes: JS functions whose body is a C callback, the callback info,
//! calling JS from C, `napi_define_class`, and the async-context calls (`napi_make_callback`).

use std::ffi::{c_char, c_int, c_void};

use eddy_runtime::v8;

use super::objects::{STATIC, napi_property_descriptor};
use super::*;

/// What a JS function made by Node-API carries: its env, C callback and data. A plain
/// function's record is freed when the function is collected; a class's (held by its
/// templates) lives as long as the process.
struct FnData {
    env: napi_env,
    cb: unsafe extern "C" fn(napi_env, napi_callback_info) -> napi_value,
    data: *mut c_void,
}

/// The `napi_callback_info` of one call.
pub struct CbInfo {
    /// The `v8::FunctionCallbackArguments` of the running call.
    args: *const c_void,
    data: *mut c_void,
}

/// The V8 callback behind every Node-API function: enter the env, run the C callback, throw
/// its pending exception or return its value.
fn trampoline(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Ok(ext) = v8::Local::<v8::External>::try_from(args.data()) else {
        return;
    };
    // SAFETY: the External was made by make_function around a FnData that is never freed.
    let fd = unsafe { &*(ext.value() as *const FnData) };
    let env = fd.env;
    let mut info = CbInfo {
        args: &args as *const v8::FunctionCallbackArguments as *const c_void,
        data: fd.data,
    };
    let cb = fd.cb;
    let returned = enter(env, scope, || unsafe { cb(env, &mut info) });
    let e = unsafe { &mut *env };
    if let Some(exc) = e.pending_exception.take() {
        let exc = v8::Local::new(scope, exc);
        scope.throw_exception(exc);
        return;
    }
    if let Some(value) = from_napi(returned) {
        rv.set(value);
    }
}

pub(crate) fn make_function(
    env: napi_env,
    scope: &mut Scope,
    name: Option<v8::Local<'static, v8::String>>,
    cb: napi_callback,
    data: *mut c_void,
) -> Result<v8::Local<'static, v8::Function>, napi_status> {
    let ext = fn_data(env, scope, cb, data)?;
    let f = v8::Function::builder(trampoline)
        .data(ext)
        .build(scope)
        .ok_or(GENERIC_FAILURE)?;
    // The callback record lives as long as the function (addons make one per promise
    // callback, so keeping them all would grow without bound).
    if let Ok(ext) = v8::Local::<v8::External>::try_from(ext) {
        // SAFETY: fn_data made this pointer with Box::into_raw; ownership moves to the env.
        let record = unsafe { Box::from_raw(ext.value() as *mut FnData) };
        lifecycle::own_until_collected(env, scope, f.into(), record);
    }
    if let Some(name) = name {
        f.set_name(name);
    }
    Ok(f)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_create_function(
    env: napi_env,
    utf8name: *const c_char,
    length: usize,
    cb: napi_callback,
    data: *mut c_void,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run(env, |_, scope| {
            arg!(result);
            if cb.is_none() {
                return Err(INVALID_ARG);
            }
            let name = if utf8name.is_null() {
                None
            } else {
                Some(utf8_string(scope, c_str(utf8name, length)?)?)
            };
            let f = make_function(env, scope, name, cb, data)?;
            put(result, to_napi(f.into()));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_cb_info(
    env: napi_env,
    cbinfo: napi_callback_info,
    argc: *mut usize,
    argv: *mut napi_value,
    this_arg: *mut napi_value,
    data: *mut *mut c_void,
) -> napi_status {
    unsafe {
        run(env, |_, scope| {
            arg!(cbinfo);
            let info = &*cbinfo;
            let args = &*(info.args as *const v8::FunctionCallbackArguments);
            if !argv.is_null() {
                arg!(argc);
                let capacity = *argc;
                let given = args.length().max(0) as usize;
                for i in 0..capacity {
                    let v = if i < given {
                        args.get(i as i32)
                    } else {
                        v8::undefined(scope).into()
                    };
                    put(argv.add(i), to_napi(v));
                }
            }
            if !argc.is_null() {
                put(argc, args.length().max(0) as usize);
            }
            if !this_arg.is_null() {
                put(this_arg, to_napi(args.this().into()));
            }
            if !data.is_null() {
                put(data, info.data);
            }
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_get_new_target(
    env: napi_env,
    cbinfo: napi_callback_info,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(cbinfo);
            arg!(result);
            let args = &*((*cbinfo).args as *const v8::FunctionCallbackArguments);
            let target = args.new_target();
            put(
                result,
                if target.is_undefined() {
                    std::ptr::null_mut()
                } else {
                    to_napi(target)
                },
            );
            Ok(())
        })
    }
}

unsafe fn arg_list(
    argc: usize,
    argv: *const napi_value,
) -> Result<Vec<v8::Local<'static, v8::Value>>, napi_status> {
    if argc > 0 && argv.is_null() {
        return Err(INVALID_ARG);
    }
    (0..argc).map(|i| val(unsafe { *argv.add(i) })).collect()
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_call_function(
    env: napi_env,
    recv: napi_value,
    func: napi_value,
    argc: usize,
    argv: *const napi_value,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            let recv = val(recv)?;
            let f = v8::Local::<v8::Function>::try_from(val(func)?).map_err(|_| INVALID_ARG)?;
            let args = arg_list(argc, argv)?;
            let value = f.call(scope, recv, &args).ok_or(PENDING_EXCEPTION)?;
            if !result.is_null() {
                put(result, to_napi(value));
            }
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_new_instance(
    env: napi_env,
    constructor: napi_value,
    argc: usize,
    argv: *const napi_value,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            arg!(result);
            let f =
                v8::Local::<v8::Function>::try_from(val(constructor)?).map_err(|_| INVALID_ARG)?;
            let args = arg_list(argc, argv)?;
            let obj = f.new_instance(scope, &args).ok_or(PENDING_EXCEPTION)?;
            put(result, to_napi(obj.into()));
            Ok(())
        })
    }
}

fn fn_data(
    env: napi_env,
    scope: &mut Scope,
    cb: napi_callback,
    data: *mut c_void,
) -> Result<v8::Local<'static, v8::Value>, napi_status> {
    let cb = cb.ok_or(INVALID_ARG)?;
    let fd = Box::into_raw(Box::new(FnData { env, cb, data }));
    Ok(v8::External::new(scope, fd as *mut c_void).into())
}

fn template(
    env: napi_env,
    scope: &mut Scope,
    cb: napi_callback,
    data: *mut c_void,
    signature: Option<v8::Local<'static, v8::Signature>>,
) -> Result<v8::Local<'static, v8::FunctionTemplate>, napi_status> {
    let ext = fn_data(env, scope, cb, data)?;
    let builder = v8::FunctionTemplate::builder(trampoline).data(ext);
    Ok(match signature {
        Some(sig) => builder.signature(sig).build(scope),
        None => builder.build(scope),
    })
}

fn template_attributes(attributes: c_int, accessor: bool) -> v8::PropertyAttribute {
    let mut attr = v8::PropertyAttribute::NONE;
    if !accessor && attributes & objects::WRITABLE == 0 {
        attr = attr | v8::PropertyAttribute::READ_ONLY;
    }
    if attributes & objects::ENUMERABLE == 0 {
        attr = attr | v8::PropertyAttribute::DONT_ENUM;
    }
    if attributes & objects::CONFIGURABLE == 0 {
        attr = attr | v8::PropertyAttribute::DONT_DELETE;
    }
    attr
}

/// A class, built as Node builds it: a function template whose prototype template holds the
/// instance methods (with a signature, so calling one on a foreign receiver is V8's "Illegal
/// invocation") and accessors; static descriptors are defined on the constructor.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_define_class(
    env: napi_env,
    utf8name: *const c_char,
    length: usize,
    constructor: napi_callback,
    data: *mut c_void,
    property_count: usize,
    properties: *const napi_property_descriptor,
    result: *mut napi_value,
) -> napi_status {
    unsafe {
        run_js(env, |_, scope| {
            arg!(result);
            arg!(utf8name);
            if constructor.is_none() {
                return Err(INVALID_ARG);
            }
            if property_count > 0 {
                arg!(properties);
            }
            let name = utf8_string(scope, c_str(utf8name, length)?)?;
            let tpl = template(env, scope, constructor, data, None)?;
            tpl.set_class_name(name);
            let signature = v8::Signature::new(scope, tpl);
            let proto = tpl.prototype_template(scope);
            // Data properties holding objects cannot live in a template: set after creation.
            let mut later = Vec::new();
            for i in 0..property_count {
                let p = &*properties.add(i);
                if p.attributes & STATIC != 0 {
                    continue;
                }
                let key: v8::Local<v8::Value> = if p.utf8name.is_null() {
                    val(p.name)?
                } else {
                    utf8_string(scope, c_str(p.utf8name, usize::MAX)?)?.into()
                };
                let key = v8::Local::<v8::Name>::try_from(key).map_err(|_| NAME_EXPECTED)?;
                if p.getter.is_some() || p.setter.is_some() {
                    let getter = match p.getter {
                        Some(_) => Some(template(env, scope, p.getter, p.data, None)?),
                        None => None,
                    };
                    let setter = match p.setter {
                        Some(_) => Some(template(env, scope, p.setter, p.data, None)?),
                        None => None,
                    };
                    proto.set_accessor_property(
                        key,
                        getter,
                        setter,
                        template_attributes(p.attributes, true),
                    );
                } else if p.method.is_some() {
                    let method = template(env, scope, p.method, p.data, Some(signature))?;
                    proto.set_with_attr(
                        key,
                        method.into(),
                        template_attributes(p.attributes, false),
                    );
                } else {
                    let value = val(p.value)?;
                    if value.is_object() {
                        later.push(p);
                    } else {
                        let data = v8::Local::<v8::Data>::from(value);
                        proto.set_with_attr(key, data, template_attributes(p.attributes, false));
                    }
                }
            }
            let f = tpl.get_function(scope).ok_or(PENDING_EXCEPTION)?;
            if !later.is_empty() {
                let proto_key = eddy_runtime::js_string(scope, "prototype");
                let proto = f.get(scope, proto_key.into()).ok_or(GENERIC_FAILURE)?;
                let proto =
                    v8::Local::<v8::Object>::try_from(proto).map_err(|_| GENERIC_FAILURE)?;
                for p in later {
                    objects::define_one(env, scope, proto, p)?;
                }
            }
            for i in 0..property_count {
                let p = &*properties.add(i);
                if p.attributes & STATIC != 0 {
                    objects::define_one(env, scope, f.into(), p)?;
                }
            }
            put(result, to_napi(f.into()));
            Ok(())
        })
    }
}

// ===== async context =====

/// An async context is only a token here: Eddy has no async_hooks resource tracking for
/// addons, so `napi_make_callback` is a call followed by the tick/microtask drain.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_async_init(
    env: napi_env,
    _async_resource: napi_value,
    _async_resource_name: napi_value,
    result: *mut *mut c_void,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(result);
            put(result, Box::into_raw(Box::new(0u64)) as *mut c_void);
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_async_destroy(env: napi_env, context: *mut c_void) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(context);
            drop(Box::from_raw(context as *mut u64));
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_make_callback(
    env: napi_env,
    _context: *mut c_void,
    recv: napi_value,
    func: napi_value,
    argc: usize,
    argv: *const napi_value,
    result: *mut napi_value,
) -> napi_status {
    let status = unsafe { napi_call_function(env, recv, func, argc, argv, result) };
    if status == OK {
        unsafe { drain_if_outermost(env) };
    }
    status
}

/// At the outermost call into C from the loop, drain nextTick and microtasks (what Node's
/// InternalCallbackScope does when it closes). Nested in JS, the JS caller drains later.
unsafe fn drain_if_outermost(env: napi_env) {
    let e = unsafe { &mut *env };
    if e.depth > 1 {
        return;
    }
    let (Some(scope), Some(shared)) = (unsafe { e.scope() }, shared()) else {
        return;
    };
    let noop = v8::Local::new(scope, &shared.noop);
    eddy_runtime::call_function(scope, noop, &[]);
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_open_callback_scope(
    env: napi_env,
    _resource: napi_value,
    _context: *mut c_void,
    result: *mut *mut c_void,
) -> napi_status {
    unsafe {
        run(env, |_, _| {
            arg!(result);
            put(result, Box::into_raw(Box::new(0u64)) as *mut c_void);
            Ok(())
        })
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn napi_close_callback_scope(
    env: napi_env,
    scope: *mut c_void,
) -> napi_status {
    let status = unsafe {
        run(env, |_, _| {
            arg!(scope);
            drop(Box::from_raw(scope as *mut u64));
            Ok(())
        })
    };
    if status == OK {
        unsafe { drain_if_outermost(env) };
    }
    status
}
