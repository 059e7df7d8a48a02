//! `binding.os`: facts about the machine (uname, host name, home directory).

use eddy_runtime::{NativeModule, js_string, set_fn, set_value, v8};

pub const MODULE: NativeModule = NativeModule { name: "os", init };

fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "uname", uname);
    set_fn(scope, target, "hostname", hostname);
    set_fn(scope, target, "homedir", homedir);
}

fn field(chars: &[libc::c_char]) -> String {
    let bytes: Vec<u8> = chars
        .iter()
        .take_while(|&&c| c != 0)
        .map(|&c| c as u8)
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// `{ sysname, release, version, machine }` from uname(2).
fn uname(scope: &mut v8::PinScope, _args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    // SAFETY: zeroed utsname is a valid out-buffer.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    unsafe { libc::uname(&mut u) };
    let obj = v8::Object::new(scope);
    for (name, value) in [
        ("sysname", field(&u.sysname)),
        ("release", field(&u.release)),
        ("version", field(&u.version)),
        ("machine", field(&u.machine)),
    ] {
        let v = js_string(scope, &value);
        set_value(scope, obj, name, v.into());
    }
    rv.set(obj.into());
}

fn hostname(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let mut buf = [0 as libc::c_char; 256];
    // SAFETY: buffer and its length.
    unsafe { libc::gethostname(buf.as_mut_ptr(), buf.len()) };
    rv.set(js_string(scope, &field(&buf)).into());
}

fn homedir(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let home = std::env::var("HOME").unwrap_or_else(|_| String::from("/"));
    rv.set(js_string(scope, &home).into());
}
