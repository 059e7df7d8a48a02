//! Paths between JS and the file-system calls. A Unix path is bytes, not text: JS may give one
//! as a string (sent as its UTF-8) or as a Buffer/Uint8Array, whose bytes reach the syscall
//! unchanged even when they are not UTF-8. Names coming back (readdir, readlink, realpath,
//! mkdtemp, watch events) are strings, or the raw bytes as a Uint8Array when JS asked for
//! `encoding: 'buffer'`, so a name that is not UTF-8 survives the round trip.

use std::ffi::{CString, OsStr, OsString};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

use eddy_runtime::{js_string, v8};

/// A path argument: the bytes of an ArrayBufferView, or a string's UTF-8.
pub(crate) fn path_arg(scope: &mut v8::PinScope, value: v8::Local<v8::Value>) -> PathBuf {
    if let Ok(view) = v8::Local::<v8::ArrayBufferView>::try_from(value) {
        let mut bytes = vec![0u8; view.byte_length()];
        view.copy_contents(&mut bytes);
        PathBuf::from(OsString::from_vec(bytes))
    } else {
        PathBuf::from(value.to_rust_string_lossy(scope))
    }
}

/// The path as errors name it: bytes that are not UTF-8 become U+FFFD, as in Node's messages.
pub(crate) fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// The path for a libc call; None when it holds a NUL byte (fs.js refuses those beforehand).
pub(crate) fn c_path(path: &Path) -> Option<CString> {
    CString::new(path.as_os_str().as_bytes()).ok()
}

/// A name or path for JS: its raw bytes as a Uint8Array when `as_bytes`, else a string.
pub(crate) fn name_to_js<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    name: &OsStr,
    as_bytes: bool,
) -> v8::Local<'s, v8::Value> {
    if as_bytes {
        crate::fs::bytes_to_js(scope, name.as_bytes().to_vec())
    } else {
        match name.to_str() {
            Some(s) => js_string(scope, s).into(),
            None => js_string(scope, &name.to_string_lossy()).into(),
        }
    }
}
