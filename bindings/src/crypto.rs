//! `binding.crypto`: the operating system's random numbers (getrandom(2)) for `crypto`'s
//! random functions; hashes, HMACs and key derivation are in crypto_hash.rs.

use eddy_runtime::{NativeModule, set_fn, throw_io_error, throw_type_error, v8};

pub const MODULE: NativeModule = NativeModule {
    name: "crypto",
    init,
};

fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "randomFill", random_fill);
    crate::crypto_hash::init(scope, target);
    crate::crypto_cipher::init(scope, target);
    crate::crypto_keyobj::init(scope, target);
    crate::crypto_sign::init(scope, target);
    crate::crypto_pkcs12::init(scope, target);
}

/// Fill `buf` with random bytes from the kernel, retrying short and interrupted reads.
pub fn fill_random(buf: &mut [u8]) -> std::io::Result<()> {
    let mut filled = 0;
    while filled < buf.len() {
        let rest = &mut buf[filled..];
        // SAFETY: `rest` is a valid writable buffer of `rest.len()` bytes.
        let n = unsafe { libc::getrandom(rest.as_mut_ptr().cast(), rest.len(), 0) };
        if n < 0 {
            let err = std::io::Error::last_os_error();
            if err.kind() != std::io::ErrorKind::Interrupted {
                return Err(err);
            }
        } else {
            filled += n as usize;
        }
    }
    Ok(())
}

/// `randomFill(view, offset, size)`: overwrite `size` bytes of the ArrayBufferView at `offset`.
fn random_fill(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let Ok(view) = v8::Local::<v8::ArrayBufferView>::try_from(args.get(0)) else {
        throw_type_error(
            scope,
            "ERR_INVALID_ARG_TYPE",
            "The \"buf\" argument must be an ArrayBufferView",
        );
        return;
    };
    let len = view.byte_length();
    let offset = (args.get(1).uint32_value(scope).unwrap_or(0) as usize).min(len);
    let size = (args.get(2).uint32_value(scope).unwrap_or(len as u32) as usize).min(len - offset);
    let mut bytes = vec![0u8; size];
    if let Err(err) = fill_random(&mut bytes) {
        throw_io_error(scope, &err, "getrandom", None);
        return;
    }
    let Some(buffer) = view.buffer(scope) else {
        return;
    };
    let Some(data) = buffer.data() else {
        return;
    };
    let start = view.byte_offset() + offset;
    // SAFETY: [start, start + size) lies inside the view's live backing store.
    unsafe {
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), (data.as_ptr() as *mut u8).add(start), size);
    }
}
