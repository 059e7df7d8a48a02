//! `binding.fs`: the synchronous file-system calls the module loader needs today. The full
//! `node:fs` builds on these (the blocking bodies stay plain Rust so async versions can send
//! the same functions to the worker pool).

use eddy_runtime::{NativeModule, arg_string, js_string, set_fn, throw_io_error, v8};

pub const MODULE: NativeModule = NativeModule { name: "fs", init };

fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "readFileUtf8", read_file_utf8);
    set_fn(scope, target, "internalModuleStat", internal_module_stat);
    set_fn(scope, target, "realpath", realpath);
}

/// The whole file as text; invalid UTF-8 becomes U+FFFD, as Node's `readFileSync(p, 'utf8')`.
pub fn read_text(path: &str) -> std::io::Result<String> {
    let bytes = std::fs::read(path)?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

fn read_file_utf8(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(path) = arg_string(scope, &args, 0, "path") else {
        return;
    };
    match read_text(&path) {
        Ok(text) => rv.set(js_string(scope, &text).into()),
        Err(err) => throw_io_error(scope, &err, "open", Some(&path)),
    }
}

/// 0 = file, 1 = directory, negative = missing (Node's loader uses the same convention).
fn internal_module_stat(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let path = args.get(0).to_rust_string_lossy(scope);
    let code = match std::fs::metadata(&path) {
        Ok(m) if m.is_dir() => 1,
        Ok(_) => 0,
        Err(_) => -2,
    };
    rv.set_int32(code);
}

fn realpath(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(path) = arg_string(scope, &args, 0, "path") else {
        return;
    };
    match std::fs::canonicalize(&path) {
        Ok(p) => rv.set(js_string(scope, &p.to_string_lossy()).into()),
        Err(err) => throw_io_error(scope, &err, "realpath", Some(&path)),
    }
}
