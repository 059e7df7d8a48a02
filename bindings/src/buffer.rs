//! `binding.buffer`: the byte work behind `Buffer` that is too slow as JS loops — hex and
//! base64 in both directions, UTF-8 written straight into a buffer, UTF-8 length, and byte
//! search. The JS side (internal/buffer/encodings.js, buffer.js) validates and clamps every
//! argument first; these functions still clamp again, so odd input can never reach memory
//! outside the view.

use eddy_runtime::{NativeModule, set_fn, v8};

pub const MODULE: NativeModule = NativeModule {
    name: "buffer",
    init,
};

fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "hexSlice", hex_slice);
    set_fn(scope, target, "base64Slice", base64_slice);
    set_fn(scope, target, "hexWrite", hex_write);
    set_fn(scope, target, "base64Write", base64_write);
    set_fn(scope, target, "utf8Write", utf8_write);
    set_fn(scope, target, "utf8ByteLength", utf8_byte_length);
    set_fn(scope, target, "indexOf", index_of);
    set_fn(scope, target, "allocUninit", alloc_uninit);
}

/// Blocks of allocUninit memory that V8 has let go of, by size, for the next allocation of the
/// same size. A read stream takes a fresh 64 KiB buffer per chunk and drops it soon after, and
/// malloc's upkeep of its bins for such blocks (sorting, unlinking, consolidating) was about a
/// tenth of the loop thread's time in a 512 MiB stream; popping a list is nearly free. Only
/// sizes up to [`CACHE_BLOCK_MAX`], and at most [`CACHE_BYTES`] in all; the rest goes back to
/// malloc.
struct BlockCache {
    /// (size, addresses) pairs; a stream uses one or two sizes, so a short list is enough.
    free: Vec<(usize, Vec<usize>)>,
    bytes: usize,
}

static BLOCKS: std::sync::Mutex<BlockCache> = std::sync::Mutex::new(BlockCache {
    free: Vec::new(),
    bytes: 0,
});
const CACHE_BLOCK_MAX: usize = 1 << 20;
const CACHE_BYTES: usize = 8 << 20;
/// Distinct sizes kept at once.
const CACHE_SIZES: usize = 8;

/// A block of `size` bytes: a cached one, else from malloc (null when memory is short).
fn take_block(size: usize) -> *mut std::ffi::c_void {
    if size <= CACHE_BLOCK_MAX {
        let mut cache = BLOCKS.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, list)) = cache.free.iter_mut().find(|(s, _)| *s == size)
            && let Some(addr) = list.pop()
        {
            cache.bytes -= size;
            return addr as *mut std::ffi::c_void;
        }
    }
    // SAFETY: a plain allocation; the caller checks for null.
    unsafe { libc::malloc(size) }
}

unsafe extern "C" fn free_memory(
    data: *mut std::ffi::c_void,
    len: usize,
    _info: *mut std::ffi::c_void,
) {
    // V8 calls this from whichever thread frees the buffer (often a background sweeper).
    if len <= CACHE_BLOCK_MAX && !data.is_null() {
        let mut cache = BLOCKS.lock().unwrap_or_else(|e| e.into_inner());
        if cache.bytes + len <= CACHE_BYTES {
            let at = match cache.free.iter().position(|(s, _)| *s == len) {
                Some(at) => Some(at),
                None if cache.free.len() < CACHE_SIZES => {
                    cache.free.push((len, Vec::new()));
                    Some(cache.free.len() - 1)
                }
                None => None,
            };
            if let Some(at) = at {
                cache.free[at].1.push(data as usize);
                cache.bytes += len;
                return;
            }
        }
    }
    // SAFETY: `data` came from libc::malloc (through take_block) and V8 frees it once.
    unsafe { libc::free(data) };
}

/// `allocUninit(size)` → an ArrayBuffer of `size` (> 0) bytes whose contents are whatever the
/// memory held: Buffer.allocUnsafe()'s promise, as in Node, which skips zeroing big buffers
/// (a read stream fills a fresh 64 KiB one per chunk). Null when the memory is not there.
fn alloc_uninit(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let size = args.get(0).number_value(scope).unwrap_or(0.0);
    if !(1.0..=(1u64 << 32) as f64).contains(&size) {
        rv.set_null();
        return;
    }
    let size = size as usize;
    // No Rust reference to the uninitialised bytes is ever made (JS reads them as Node's
    // allocUnsafe allows); a reused block holds a dead buffer's bytes, which is no different.
    let data = take_block(size);
    if data.is_null() {
        rv.set_null();
        return;
    }
    // SAFETY: `data` is `size` bytes from malloc; free_memory takes it back when V8 is done.
    let store = unsafe {
        v8::ArrayBuffer::new_backing_store_from_ptr(data, size, free_memory, std::ptr::null_mut())
    };
    crate::fs::pressure(scope, size);
    let buffer = v8::ArrayBuffer::with_backing_store(scope, &store.make_shared());
    rv.set(buffer.into());
}

/// The bytes of an ArrayBufferView argument, borrowed for the duration of one native call.
///
/// Returns an empty slice for anything that is not a view (or a detached one).
pub(crate) fn view_bytes<'a>(
    scope: &mut v8::PinScope,
    value: v8::Local<v8::Value>,
) -> &'a mut [u8] {
    let Ok(view) = v8::Local::<v8::ArrayBufferView>::try_from(value) else {
        return &mut [];
    };
    let len = view.byte_length();
    if len == 0 {
        return &mut [];
    }
    // buffer() moves a small on-heap array's bytes off the heap, so the pointer stays valid.
    let Some(buffer) = view.buffer(scope) else {
        return &mut [];
    };
    let Some(data) = buffer.data() else {
        return &mut [];
    };
    // SAFETY: [byte_offset, byte_offset + len) lies inside the live backing store, and no JS
    // runs (so nothing can detach or resize it) before the native call returns.
    unsafe {
        std::slice::from_raw_parts_mut((data.as_ptr() as *mut u8).add(view.byte_offset()), len)
    }
}

/// `args[i]` as an index clamped to `0..=max` (missing or NaN → `default`).
fn index_arg(
    scope: &mut v8::PinScope,
    args: &v8::FunctionCallbackArguments,
    i: i32,
    default: usize,
    max: usize,
) -> usize {
    let value = args.get(i);
    if value.is_undefined() {
        return default.min(max);
    }
    match value.number_value(scope) {
        Some(n) if n.is_nan() => default.min(max),
        Some(n) if n <= 0.0 => 0,
        Some(n) => (n as usize).min(max),
        None => default.min(max),
    }
}

/// The string argument as Latin-1 bytes: each UTF-16 code unit keeps its low byte, which is
/// how Node reads hex and base64 input.
fn low_bytes(scope: &mut v8::PinScope, value: v8::Local<v8::Value>) -> Vec<u8> {
    let Some(string) = value.to_string(scope) else {
        return Vec::new();
    };
    let mut out = vec![0u8; string.length()];
    string.write_one_byte_v2(scope, 0, &mut out, v8::WriteFlags::empty());
    out
}

fn one_byte_string<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    bytes: &[u8],
) -> Option<v8::Local<'s, v8::String>> {
    v8::String::new_from_one_byte(scope, bytes, v8::NewStringType::Normal)
}

const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

/// `hexSlice(view, start, end)` → lowercase hex string.
fn hex_slice(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let bytes = view_bytes(scope, args.get(0));
    let end = index_arg(scope, &args, 2, bytes.len(), bytes.len());
    let start = index_arg(scope, &args, 1, 0, end);
    let mut out = Vec::with_capacity((end - start) * 2);
    for &b in &bytes[start..end] {
        out.push(HEX_DIGITS[(b >> 4) as usize]);
        out.push(HEX_DIGITS[(b & 15) as usize]);
    }
    match one_byte_string(scope, &out) {
        Some(s) => rv.set(s.into()),
        None => crate::encoding::throw_string_too_long(scope),
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64_encode(input: &[u8], url: bool) -> Vec<u8> {
    let table = if url { B64URL } else { B64 };
    let mut out = Vec::with_capacity(input.len().div_ceil(3) * 4);
    let mut chunks = input.chunks_exact(3);
    for c in &mut chunks {
        let v = (u32::from(c[0]) << 16) | (u32::from(c[1]) << 8) | u32::from(c[2]);
        out.extend_from_slice(&[
            table[(v >> 18) as usize],
            table[((v >> 12) & 63) as usize],
            table[((v >> 6) & 63) as usize],
            table[(v & 63) as usize],
        ]);
    }
    match *chunks.remainder() {
        [a] => {
            out.push(table[(a >> 2) as usize]);
            out.push(table[((a & 3) << 4) as usize]);
            if !url {
                out.extend_from_slice(b"==");
            }
        }
        [a, b] => {
            let v = (u16::from(a) << 8) | u16::from(b);
            out.push(table[(v >> 10) as usize]);
            out.push(table[((v >> 4) & 63) as usize]);
            out.push(table[((v & 15) << 2) as usize]);
            if !url {
                out.push(b'=');
            }
        }
        _ => {}
    }
    out
}

/// `base64Slice(view, start, end, url)` → base64 (padded) or base64url (unpadded) text.
fn base64_slice(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let bytes = view_bytes(scope, args.get(0));
    let end = index_arg(scope, &args, 2, bytes.len(), bytes.len());
    let start = index_arg(scope, &args, 1, 0, end);
    let url = args.get(3).is_true();
    let out = base64_encode(&bytes[start..end], url);
    match one_byte_string(scope, &out) {
        Some(s) => rv.set(s.into()),
        None => crate::encoding::throw_string_too_long(scope),
    }
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Decodes hex pairs into `out` until the first invalid pair; returns the bytes written.
fn hex_decode_into(text: &[u8], out: &mut [u8]) -> usize {
    let mut n = 0;
    for (pair, slot) in text.chunks_exact(2).zip(out.iter_mut()) {
        match (hex_value(pair[0]), hex_value(pair[1])) {
            (Some(hi), Some(lo)) => *slot = (hi << 4) | lo,
            _ => break,
        }
        n += 1;
    }
    n
}

/// Base64 and base64url characters (both alphabets decode in both encodings).
fn base64_value(c: u8) -> Option<u32> {
    match c {
        b'A'..=b'Z' => Some(u32::from(c - b'A')),
        b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
        b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
        b'+' | b'-' => Some(62),
        b'/' | b'_' => Some(63),
        _ => None,
    }
}

/// Node's lenient base64 decoding: characters outside the alphabet are skipped and `=` ends
/// the data. Returns the bytes written to `out`.
fn base64_decode_into(text: &[u8], out: &mut [u8]) -> usize {
    let mut n = 0;
    let mut acc: u32 = 0;
    let mut bits = 0;
    for &c in text {
        if n == out.len() || c == b'=' {
            break;
        }
        let Some(v) = base64_value(c) else {
            continue;
        };
        acc = ((acc << 6) | v) & 0x00ff_ffff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out[n] = (acc >> bits) as u8;
            n += 1;
        }
    }
    n
}

/// The `[offset, offset + length)` window of the target view named by args 2 and 3.
fn write_window<'a>(
    scope: &mut v8::PinScope,
    args: &v8::FunctionCallbackArguments,
) -> &'a mut [u8] {
    let bytes = view_bytes(scope, args.get(0));
    let offset = index_arg(scope, args, 2, 0, bytes.len());
    let length = index_arg(scope, args, 3, bytes.len() - offset, bytes.len() - offset);
    &mut bytes[offset..offset + length]
}

/// Decodes the string argument into the target window with `decode`; returns the count.
fn decode_write(
    scope: &mut v8::PinScope,
    args: &v8::FunctionCallbackArguments,
    rv: &mut v8::ReturnValue,
    decode: fn(&[u8], &mut [u8]) -> usize,
) {
    let text = low_bytes(scope, args.get(1));
    let window = write_window(scope, args);
    rv.set_uint32(decode(&text, window) as u32);
}

/// `hexWrite(view, string, offset, length)` → bytes written.
fn hex_write(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    decode_write(scope, &args, &mut rv, hex_decode_into);
}

/// `base64Write(view, string, offset, length)` → bytes written (base64 or base64url input).
fn base64_write(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    decode_write(scope, &args, &mut rv, base64_decode_into);
}

/// `utf8Write(view, string, offset, length)` → bytes written. Only whole characters are
/// written; lone surrogates become U+FFFD, as in Node.
fn utf8_write(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(string) = args.get(1).to_string(scope) else {
        return;
    };
    let window = write_window(scope, &args);
    let written = string.write_utf8_v2(scope, window, v8::WriteFlags::kReplaceInvalidUtf8, None);
    rv.set_uint32(written as u32);
}

/// `utf8ByteLength(string)` → its UTF-8 length (a lone surrogate counts 3, for U+FFFD).
fn utf8_byte_length(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(string) = args.get(0).to_string(scope) else {
        return;
    };
    rv.set_double(string.utf8_length(scope) as f64);
}

/// Where `needle` occurs in `hay` at or after (`forward`) / at or before `from`, looking only
/// at positions that are multiples of `step` (2 for UTF-16 searches).
fn find(hay: &[u8], needle: &[u8], from: usize, forward: bool, step: usize) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    let last = hay.len() - needle.len();
    if forward {
        let mut start = from;
        while start <= last {
            let found = start + memchr::memmem::find(&hay[start..], needle)?;
            if found.is_multiple_of(step) {
                return Some(found);
            }
            start = found + 1;
        }
        None
    } else {
        let mut end = from.min(last) + needle.len();
        loop {
            let found = memchr::memmem::rfind(&hay[..end], needle)?;
            if found.is_multiple_of(step) {
                return Some(found);
            }
            if found == 0 {
                return None;
            }
            end = found + needle.len() - 1;
        }
    }
}

/// `indexOf(haystack, needle, from, forward, step)` → index or -1. `from` is already
/// normalised by the caller; the needle is not empty.
fn index_of(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let hay: &[u8] = view_bytes(scope, args.get(0));
    let needle: &[u8] = view_bytes(scope, args.get(1));
    let from = index_arg(scope, &args, 2, 0, hay.len());
    let forward = args.get(3).is_true();
    let step = if args.get(4).int32_value(scope) == Some(2) {
        2
    } else {
        1
    };
    let found = if needle.is_empty() {
        None
    } else {
        find(hay, needle, from, forward, step)
    };
    rv.set_int32(found.map_or(-1, |i| i as i32));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_and_pads_like_node() {
        assert_eq!(base64_encode(b"", false), b"");
        assert_eq!(base64_encode(b"f", false), b"Zg==");
        assert_eq!(base64_encode(b"fo", false), b"Zm8=");
        assert_eq!(base64_encode(b"foo", false), b"Zm9v");
        assert_eq!(base64_encode(&[0xfb, 0xff], true), b"-_8");
        let mut out = [0u8; 8];
        let n = base64_decode_into(b"Zm9v\nYm-_!==junk", &mut out);
        assert_eq!(&out[..n], &[102, 111, 111, 98, 111, 191]);
    }

    #[test]
    fn hex_stops_at_the_first_bad_pair() {
        let mut out = [0u8; 4];
        assert_eq!(hex_decode_into(b"0aFFzz11", &mut out), 2);
        assert_eq!(&out[..2], &[0x0a, 0xff]);
        assert_eq!(hex_decode_into(b"abc", &mut out), 1);
    }

    #[test]
    fn find_respects_direction_and_step() {
        let hay = b"abcabcab";
        assert_eq!(find(hay, b"ab", 0, true, 1), Some(0));
        assert_eq!(find(hay, b"ab", 1, true, 1), Some(3));
        assert_eq!(find(hay, b"ab", 7, false, 1), Some(6));
        assert_eq!(find(hay, b"ab", 5, false, 1), Some(3));
        assert_eq!(find(hay, b"bc", 0, true, 2), Some(4));
        assert_eq!(find(hay, b"zz", 0, true, 1), None);
    }
}
