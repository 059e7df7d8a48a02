//! `binding.encoding`: UTF-8 encode/decode for `TextEncoder`, `TextDecoder` and friends.

use eddy_runtime::{NativeModule, js_string, set_fn, throw_type_error, v8};

pub const MODULE: NativeModule = NativeModule {
    name: "encoding",
    init,
};

fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "encodeUtf8", encode_utf8);
    set_fn(scope, target, "decodeUtf8", decode_utf8);
}

/// `encodeUtf8(string)` → Uint8Array (lone surrogates become U+FFFD, as the spec says).
fn encode_utf8(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let text = args.get(0).to_rust_string_lossy(scope);
    let bytes = text.into_bytes();
    let len = bytes.len();
    let store = v8::ArrayBuffer::new_backing_store_from_vec(bytes).make_shared();
    let buffer = v8::ArrayBuffer::with_backing_store(scope, &store);
    if let Some(view) = v8::Uint8Array::new(scope, buffer, 0, len) {
        rv.set(view.into());
    }
}

/// `decodeUtf8(view, ignoreBOM, fatal)` → string. With `fatal`, invalid input throws
/// `ERR_ENCODING_INVALID_ENCODED_DATA`; otherwise each bad sequence becomes U+FFFD.
fn decode_utf8(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let input = args.get(0);
    let bytes: Vec<u8> = if let Ok(view) = v8::Local::<v8::ArrayBufferView>::try_from(input) {
        let mut buf = vec![0u8; view.byte_length()];
        view.copy_contents(&mut buf);
        buf
    } else if let Ok(ab) = v8::Local::<v8::ArrayBuffer>::try_from(input) {
        let len = ab.byte_length();
        match ab.data() {
            // SAFETY: the buffer is alive for this call and `len` bytes long.
            Some(ptr) => {
                unsafe { std::slice::from_raw_parts(ptr.as_ptr() as *const u8, len) }.to_vec()
            }
            None => Vec::new(),
        }
    } else {
        Vec::new()
    };
    let ignore_bom = args.get(1).is_true();
    let fatal = args.get(2).is_true();
    let mut slice = bytes.as_slice();
    if !ignore_bom && slice.starts_with(&[0xEF, 0xBB, 0xBF]) {
        slice = &slice[3..];
    }
    let text = if fatal {
        match std::str::from_utf8(slice) {
            Ok(s) => std::borrow::Cow::Borrowed(s),
            Err(_) => {
                throw_type_error(
                    scope,
                    "ERR_ENCODING_INVALID_ENCODED_DATA",
                    "The encoded data was not valid for encoding utf-8",
                );
                return;
            }
        }
    } else {
        String::from_utf8_lossy(slice)
    };
    match v8::String::new(scope, &text) {
        Some(string) => rv.set(string.into()),
        None => throw_string_too_long(scope),
    }
}

/// Node's error when a result would exceed V8's longest string (about 512 MiB).
pub(crate) fn throw_string_too_long(scope: &mut v8::PinScope) {
    let message = format!(
        "Cannot create a string longer than 0x{:x} characters",
        v8::String::MAX_LENGTH
    );
    let msg = js_string(scope, &message);
    let err = v8::Exception::error(scope, msg);
    if let Ok(obj) = v8::Local::<v8::Object>::try_from(err) {
        let key = js_string(scope, "code");
        let value = js_string(scope, "ERR_STRING_TOO_LONG");
        obj.set(scope, key.into(), value.into());
    }
    scope.throw_exception(err);
}
