//! `binding.zlib`: the compression engines behind node:zlib, in the shape of Node's own zlib
//! binding so the JS side drives them the same way: an engine is created for a mode, `init`ed
//! with its options, then fed with `write(flush, input…, output…)`, which reports how much
//! output space and input are left; the JS loop calls again while output fills up.
//!
//! - zlib modes (deflate, inflate, gzip, gunzip, raw, unzip) run on zlib-rs through its
//!   zlib-compatible C API (`libz-rs-sys`), which gives every knob Node exposes: window bits,
//!   memory level, strategy, dictionaries, flush kinds, `params`, `reset`.
//! - brotli compression runs on Google's C brotli (zlib_brotli.rs), decompression on the
//!   pure-Rust `brotli-decompressor` state machine.
//!
//! `write` runs on the worker pool and reads and writes the JS buffers' memory directly (the
//! job holds their backing stores); `writeSync` runs on the caller's thread. An engine is used
//! by one write at a time (node:zlib never overlaps them; a mutex makes sure).

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use brotli_decompressor::{
    BrotliDecoderErrorCode, BrotliDecoderParameter, BrotliResult, BrotliState, StandardAlloc,
};
use eddy_runtime::{
    JobPanic, NativeModule, call_function, js_string, set_fn, set_value, submit_work, v8,
};
use libz_rs_sys as z;

use crate::zlib_brotli::Encoder;

pub const MODULE: NativeModule = NativeModule { name: "zlib", init };

fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "create", create);
    set_fn(scope, target, "init", init_engine);
    set_fn(scope, target, "params", params);
    set_fn(scope, target, "reset", reset);
    set_fn(scope, target, "close", close);
    set_fn(scope, target, "write", write);
    set_fn(scope, target, "writeSync", write_sync);
    set_fn(scope, target, "crc32", crc32);
}

// Node's modes.
const DEFLATE: i32 = 1;
const INFLATE: i32 = 2;
const GZIP: i32 = 3;
const GUNZIP: i32 = 4;
const DEFLATERAW: i32 = 5;
const INFLATERAW: i32 = 6;
const UNZIP: i32 = 7;
const BROTLI_DECODE: i32 = 8;
const BROTLI_ENCODE: i32 = 9;

type Decoder = BrotliState<StandardAlloc, StandardAlloc, StandardAlloc>;

enum State {
    /// Created, not yet `init`ed.
    Empty,
    Zlib {
        strm: Box<z::z_stream>,
        dictionary: Vec<u8>,
        /// Inflating that has seen the end of a gzip member (for concatenated members).
        deflating: bool,
    },
    BrotliEncode(Encoder),
    BrotliDecode(Box<Decoder>),
}

struct Engine {
    mode: i32,
    state: State,
    /// The last zlib/brotli return code (what errors are judged from).
    err: i32,
    /// Memory reported to V8 for this engine.
    reported: i64,
}

// SAFETY: the z_stream's pointers refer to its own heap state or to buffers set just for one
// call; the engine moves between the loop thread and one pool thread at a time (behind a
// Mutex), never used by two at once.
unsafe impl Send for Engine {}

/// What a failed write reports: `message`, `errno` and Node's `code`.
struct ZError {
    message: String,
    errno: i32,
    code: String,
}

fn zcode(err: i32) -> &'static str {
    match err {
        z::Z_OK => "Z_OK",
        z::Z_STREAM_END => "Z_STREAM_END",
        z::Z_NEED_DICT => "Z_NEED_DICT",
        z::Z_ERRNO => "Z_ERRNO",
        z::Z_STREAM_ERROR => "Z_STREAM_ERROR",
        z::Z_DATA_ERROR => "Z_DATA_ERROR",
        z::Z_MEM_ERROR => "Z_MEM_ERROR",
        z::Z_BUF_ERROR => "Z_BUF_ERROR",
        z::Z_VERSION_ERROR => "Z_VERSION_ERROR",
        _ => "Z_UNKNOWN",
    }
}

impl Engine {
    fn zlib_error(&self, fallback: &str) -> ZError {
        let message = match &self.state {
            State::Zlib { strm, .. } if !strm.msg.is_null() => {
                // SAFETY: zlib's msg is a NUL-terminated static string when set.
                unsafe { std::ffi::CStr::from_ptr(strm.msg) }
                    .to_string_lossy()
                    .into_owned()
            }
            _ => fallback.to_string(),
        };
        ZError {
            message,
            errno: self.err,
            code: zcode(self.err).to_string(),
        }
    }

    fn reset_stream(&mut self) -> i32 {
        match &mut self.state {
            State::Zlib {
                strm, deflating, ..
            } => {
                // SAFETY: an initialised stream.
                unsafe {
                    if *deflating {
                        z::deflateReset(&mut **strm)
                    } else {
                        z::inflateReset(&mut **strm)
                    }
                }
            }
            // Brotli engines go back to the factory defaults, dropping the `params` they were
            // made with: Node's reset does so (a decoder then refuses large-window data
            // again, an encoder compresses at quality 11).
            State::BrotliEncode(enc) => match Encoder::new() {
                Some(fresh) => {
                    *enc = fresh;
                    z::Z_OK
                }
                None => z::Z_MEM_ERROR,
            },
            State::BrotliDecode(dec) => {
                **dec = new_decoder(&[]);
                z::Z_OK
            }
            State::Empty => z::Z_OK,
        }
    }

    /// One write: returns (output space left, input left) or the error.
    fn work(&mut self, flush: i32, input: &[u8], output: &mut [u8]) -> Result<(u32, u32), ZError> {
        let mode = self.mode;
        match &mut self.state {
            State::Empty => Err(ZError {
                message: "zlib binding closed".into(),
                errno: z::Z_STREAM_ERROR,
                code: "Z_STREAM_ERROR".into(),
            }),
            State::Zlib {
                strm,
                dictionary,
                deflating,
            } => {
                let strm = &mut **strm;
                strm.next_in = input.as_ptr();
                strm.avail_in = input.len() as u32;
                strm.next_out = output.as_mut_ptr();
                strm.avail_out = output.len() as u32;
                // SAFETY: the stream is initialised and its buffers are set just above.
                let mut err = unsafe {
                    if *deflating {
                        z::deflate(strm, flush)
                    } else {
                        z::inflate(strm, flush)
                    }
                };
                if !*deflating {
                    if err == z::Z_NEED_DICT && !dictionary.is_empty() {
                        // SAFETY: as above; the dictionary outlives the call.
                        err = unsafe {
                            z::inflateSetDictionary(
                                strm,
                                dictionary.as_ptr(),
                                dictionary.len() as u32,
                            )
                        };
                        if err == z::Z_OK {
                            err = unsafe { z::inflate(strm, flush) };
                        } else if err == z::Z_DATA_ERROR {
                            // The dictionary given is not the one the data was made with.
                            err = z::Z_NEED_DICT;
                        }
                    }
                    // Another gzip member (or trailing garbage) after the end of one: start
                    // over on it, as Node does; zero bytes are padding and end the data.
                    while mode == GUNZIP
                        && err == z::Z_STREAM_END
                        && strm.avail_in > 0
                        && unsafe { *strm.next_in } != 0
                    {
                        // SAFETY: as above.
                        unsafe { z::inflateReset(strm) };
                        err = unsafe { z::inflate(strm, flush) };
                    }
                }
                self.err = err;
                let left = (strm.avail_out, strm.avail_in);
                strm.next_in = std::ptr::null();
                strm.next_out = std::ptr::null_mut();
                match err {
                    z::Z_OK | z::Z_BUF_ERROR => {
                        if left.0 != 0 && flush == z::Z_FINISH {
                            self.err = z::Z_BUF_ERROR;
                            return Err(ZError {
                                message: "unexpected end of file".into(),
                                errno: z::Z_BUF_ERROR,
                                code: "Z_BUF_ERROR".into(),
                            });
                        }
                        Ok(left)
                    }
                    z::Z_STREAM_END => Ok(left),
                    z::Z_NEED_DICT => {
                        let msg = if dictionary.is_empty() {
                            "Missing dictionary"
                        } else {
                            "Bad dictionary"
                        };
                        Err(ZError {
                            message: msg.into(),
                            errno: z::Z_NEED_DICT,
                            code: "Z_NEED_DICT".into(),
                        })
                    }
                    _ => Err(self.zlib_error("Zlib error")),
                }
            }
            State::BrotliEncode(enc) => {
                // Node's flush values are brotli's operations (process, flush, finish, metadata).
                let op = if (1..=3).contains(&flush) {
                    flush as u32
                } else {
                    0
                };
                match enc.compress(op, input, output) {
                    Some((avail_out, avail_in)) => Ok((avail_out as u32, avail_in as u32)),
                    None => Err(ZError {
                        message: "Compression failed".into(),
                        errno: -1,
                        code: "ERR_BROTLI_COMPRESSION_FAILED".into(),
                    }),
                }
            }
            State::BrotliDecode(dec) => {
                let mut avail_in = input.len();
                let mut in_off = 0;
                let mut avail_out = output.len();
                let mut out_off = 0;
                let mut total = 0;
                let result = brotli_decompressor::BrotliDecompressStream(
                    &mut avail_in,
                    &mut in_off,
                    input,
                    &mut avail_out,
                    &mut out_off,
                    output,
                    &mut total,
                    dec,
                );
                match result {
                    BrotliResult::ResultFailure => {
                        let code = dec.error_code;
                        Err(ZError {
                            message: "Decompression failed".into(),
                            errno: code as i32,
                            code: brotli_code(code),
                        })
                    }
                    BrotliResult::NeedsMoreInput if flush == 2 => Err(ZError {
                        message: "unexpected end of file".into(),
                        errno: z::Z_BUF_ERROR,
                        code: "Z_BUF_ERROR".into(),
                    }),
                    _ => Ok((avail_out as u32, avail_in as u32)),
                }
            }
        }
    }
}

/// Node's code for a brotli decoder error: "ERR_" and the C name past "BROTLI_DECODER".
fn brotli_code(code: BrotliDecoderErrorCode) -> String {
    let name = format!("{code:?}");
    format!(
        "ERR_{}",
        name.strip_prefix("BROTLI_DECODER").unwrap_or(&name)
    )
}

/// A decoder as brotli's C library makes one: large-window streams are refused unless
/// BROTLI_DECODER_PARAM_LARGE_WINDOW allows them (as in Node), then the `init` parameters.
fn new_decoder(params: &[(BrotliDecoderParameter, u32)]) -> Decoder {
    let mut dec = BrotliState::new_strict(
        StandardAlloc::default(),
        StandardAlloc::default(),
        StandardAlloc::default(),
    );
    for &(param, value) in params {
        // A fresh state takes every parameter.
        dec.set_parameter(param, value);
    }
    dec
}

impl Drop for Engine {
    fn drop(&mut self) {
        if let State::Zlib {
            strm, deflating, ..
        } = &mut self.state
        {
            // SAFETY: an initialised stream, ended once.
            unsafe {
                if *deflating {
                    z::deflateEnd(&mut **strm);
                } else {
                    z::inflateEnd(&mut **strm);
                }
            }
        }
    }
}

thread_local! {
    static ENGINES: RefCell<HashMap<u32, Arc<Mutex<Engine>>>> = RefCell::new(HashMap::new());
    static NEXT_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

fn engine(scope: &mut v8::PinScope, value: v8::Local<v8::Value>) -> Option<Arc<Mutex<Engine>>> {
    let id = value.uint32_value(scope)?;
    ENGINES.with(|e| e.borrow().get(&id).cloned())
}

fn lock(engine: &Mutex<Engine>) -> std::sync::MutexGuard<'_, Engine> {
    engine.lock().unwrap_or_else(|e| e.into_inner())
}

/// `create(mode)` → id.
fn create(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let mode = args.get(0).int32_value(scope).unwrap_or(0);
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1).max(1));
        id
    });
    let engine = Engine {
        mode,
        state: State::Empty,
        err: z::Z_OK,
        reported: 0,
    };
    ENGINES.with(|e| e.borrow_mut().insert(id, Arc::new(Mutex::new(engine))));
    rv.set_uint32(id);
}

/// Memory an engine holds, as zlib documents it (deflate: window and hash tables; inflate:
/// the window), and brotli's rough working set, so V8's GC weighs engines left for it.
fn footprint(mode: i32, window_bits: i32, mem_level: i32) -> i64 {
    match mode {
        DEFLATE | GZIP | DEFLATERAW => (1i64 << (window_bits + 2)) + (1i64 << (mem_level + 9)),
        BROTLI_ENCODE => 4 << 20,
        BROTLI_DECODE => 256 << 10,
        INFLATE | GUNZIP | INFLATERAW | UNZIP => (1i64 << window_bits) + 7 * 1024,
        _ => 0,
    }
}

/// `init(id, windowBits, level, memLevel, strategy, dictionary | undefined)` for zlib modes, or
/// `init(id, params: Uint32Array of [key, value, ...])` for brotli → 0 or the error code
/// (negative for zlib, or -1 for a brotli parameter the encoder refused).
fn init_engine(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(engine) = engine(scope, args.get(0)) else {
        rv.set_int32(z::Z_STREAM_ERROR);
        return;
    };
    let mut e = lock(&engine);
    let mode = e.mode;
    let bytes = if mode == BROTLI_ENCODE || mode == BROTLI_DECODE {
        let mut pairs = Vec::new();
        if let Ok(arr) = v8::Local::<v8::Array>::try_from(args.get(1)) {
            for i in 0..arr.length() {
                let v = arr
                    .get_index(scope, i)
                    .and_then(|v| v.uint32_value(scope))
                    .unwrap_or(0);
                pairs.push(v);
            }
        }
        if mode == BROTLI_ENCODE {
            let Some(mut enc) = Encoder::new() else {
                rv.set_int32(-1);
                return;
            };
            for pair in pairs.chunks(2) {
                let [key, value] = pair else { continue };
                // Node's BROTLI_PARAM_* keys are brotli's own; it refuses unknown ones.
                if !enc.set_parameter(*key, *value) {
                    rv.set_int32(-1);
                    return;
                }
            }
            e.state = State::BrotliEncode(enc);
        } else {
            let mut params = Vec::new();
            for pair in pairs.chunks(2) {
                let [key, value] = pair else { continue };
                let param = match key {
                    0 => BrotliDecoderParameter::BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION,
                    1 => BrotliDecoderParameter::BROTLI_DECODER_PARAM_LARGE_WINDOW,
                    _ => {
                        rv.set_int32(-1);
                        return;
                    }
                };
                params.push((param, *value));
            }
            let dec = new_decoder(&params);
            e.state = State::BrotliDecode(Box::new(dec));
        }
        footprint(mode, 0, 0)
    } else {
        let window_bits = args.get(1).int32_value(scope).unwrap_or(15);
        let level = args.get(2).int32_value(scope).unwrap_or(-1);
        let mem_level = args.get(3).int32_value(scope).unwrap_or(8);
        let strategy = args.get(4).int32_value(scope).unwrap_or(0);
        let dictionary = v8::Local::<v8::ArrayBufferView>::try_from(args.get(5))
            .ok()
            .map(|view| {
                let mut buf = vec![0u8; view.byte_length()];
                view.copy_contents(&mut buf);
                buf
            })
            .unwrap_or_default();
        let deflating = matches!(mode, DEFLATE | GZIP | DEFLATERAW);
        let bits = match mode {
            GZIP | GUNZIP => window_bits + 16,
            UNZIP => window_bits + 32,
            DEFLATERAW | INFLATERAW => -window_bits,
            _ => window_bits,
        };
        let mut strm: Box<z::z_stream> = Box::default();
        let version = z::zlibVersion();
        let size = std::mem::size_of::<z::z_stream>() as i32;
        // SAFETY: a zeroed stream, initialised once with zlib's own version and size.
        let mut err = unsafe {
            if deflating {
                z::deflateInit2_(
                    &mut *strm,
                    level,
                    z::Z_DEFLATED,
                    bits,
                    mem_level,
                    strategy,
                    version,
                    size,
                )
            } else {
                z::inflateInit2_(&mut *strm, bits, version, size)
            }
        };
        if err != z::Z_OK {
            rv.set_int32(err);
            return;
        }
        if !dictionary.is_empty() {
            // Deflate takes its dictionary now; raw inflate too (zlib-wrapped inflate asks for
            // it with Z_NEED_DICT, see `work`).
            // SAFETY: an initialised stream and a live dictionary.
            err = unsafe {
                if deflating {
                    z::deflateSetDictionary(
                        &mut *strm,
                        dictionary.as_ptr(),
                        dictionary.len() as u32,
                    )
                } else if mode == INFLATERAW {
                    z::inflateSetDictionary(
                        &mut *strm,
                        dictionary.as_ptr(),
                        dictionary.len() as u32,
                    )
                } else {
                    z::Z_OK
                }
            };
        }
        e.state = State::Zlib {
            strm,
            dictionary,
            deflating,
        };
        if err != z::Z_OK {
            rv.set_int32(err);
            return;
        }
        footprint(mode, window_bits.clamp(8, 15), mem_level.clamp(1, 9))
    };
    let change = bytes - e.reported;
    e.reported = bytes;
    drop(e);
    scope.adjust_amount_of_external_allocated_memory(change);
    rv.set_int32(0);
}

/// `params(id, level, strategy)` → zlib's return code, or `{ message, errno, code }` when it
/// is neither Z_OK nor Z_BUF_ERROR (Node's "Failed to set parameters").
fn params(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let Some(engine) = engine(scope, args.get(0)) else {
        rv.set_int32(z::Z_STREAM_ERROR);
        return;
    };
    let level = args.get(1).int32_value(scope).unwrap_or(-1);
    let strategy = args.get(2).int32_value(scope).unwrap_or(0);
    let mut e = lock(&engine);
    let r = match &mut e.state {
        State::Zlib {
            strm,
            deflating: true,
            ..
        } => {
            // deflateParams runs deflate(Z_BLOCK) to close the block made with the old
            // settings, and deflate refuses a null output; the JS side flushed just before, so
            // there is nothing left to write: an empty output space is enough.
            let mut spare = 0u8;
            strm.next_out = &mut spare;
            strm.avail_out = 0;
            strm.avail_in = 0;
            // SAFETY: an initialised deflate stream whose output points at a live byte.
            let r = unsafe { z::deflateParams(&mut **strm, level, strategy) };
            strm.next_out = std::ptr::null_mut();
            r
        }
        _ => z::Z_OK,
    };
    e.err = r;
    if r == z::Z_OK || r == z::Z_BUF_ERROR {
        rv.set_int32(r);
    } else {
        let err = e.zlib_error("Failed to set parameters");
        drop(e);
        rv.set(error_to_js(scope, &err));
    }
}

/// `reset(id)` → 0 or zlib's error code.
fn reset(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let Some(engine) = engine(scope, args.get(0)) else {
        rv.set_int32(z::Z_STREAM_ERROR);
        return;
    };
    let mut e = lock(&engine);
    e.err = z::Z_OK;
    rv.set_int32(e.reset_stream());
}

/// `close(id)`: the engine goes (after a write in flight finishes with it).
fn close(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let Some(id) = args.get(0).uint32_value(scope) else {
        return;
    };
    if let Some(engine) = ENGINES.with(|e| e.borrow_mut().remove(&id)) {
        let reported = lock(&engine).reported;
        scope.adjust_amount_of_external_allocated_memory(-reported);
    }
}

/// Input and output regions of one write, from JS views.
struct Io {
    input: Option<crate::fs_fd::Region>,
    output: crate::fs_fd::Region,
}

fn io_args(scope: &mut v8::PinScope, args: &v8::FunctionCallbackArguments) -> Option<Io> {
    let num = |scope: &mut v8::PinScope, i: i32| {
        args.get(i).number_value(scope).unwrap_or(0.0).max(0.0) as usize
    };
    let input = match v8::Local::<v8::ArrayBufferView>::try_from(args.get(2)) {
        Ok(view) => {
            let (off, len) = (num(scope, 3), num(scope, 4));
            crate::fs_fd::Region::of_view(view, off, len)
        }
        Err(_) => None,
    };
    let out_view = v8::Local::<v8::ArrayBufferView>::try_from(args.get(5)).ok()?;
    let (off, len) = (num(scope, 6), num(scope, 7));
    let output = crate::fs_fd::Region::of_view(out_view, off, len)?;
    Some(Io { input, output })
}

fn run(engine: &Mutex<Engine>, flush: i32, io: &Io) -> Result<(u32, u32), ZError> {
    let input = io.input.as_ref().map_or(&[][..], |r| r.as_slice());
    let output = io.output.as_mut_slice();
    lock(engine).work(flush, input, output)
}

fn error_to_js<'s>(scope: &mut v8::PinScope<'s, '_>, e: &ZError) -> v8::Local<'s, v8::Value> {
    let obj = v8::Object::new(scope);
    let m = js_string(scope, &e.message);
    set_value(scope, obj, "message", m.into());
    let n = v8::Integer::new(scope, e.errno);
    set_value(scope, obj, "errno", n.into());
    let c = js_string(scope, &e.code);
    set_value(scope, obj, "code", c.into());
    obj.into()
}

/// `writeSync(id, flush, in, inOff, inLen, out, outOff, outLen)` → `[availOutAfter,
/// availInAfter]`, or `{ message, errno, code }` on failure.
fn write_sync(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(engine) = engine(scope, args.get(0)) else {
        return;
    };
    let flush = args.get(1).int32_value(scope).unwrap_or(0);
    let Some(io) = io_args(scope, &args) else {
        return;
    };
    match run(&engine, flush, &io) {
        Ok((out, inp)) => {
            let items = [
                v8::Integer::new_from_unsigned(scope, out).into(),
                v8::Integer::new_from_unsigned(scope, inp).into(),
            ];
            let arr = v8::Array::new_with_elements(scope, &items);
            rv.set(arr.into());
        }
        Err(e) => rv.set(error_to_js(scope, &e)),
    }
}

/// `write(id, flush, in, inOff, inLen, out, outOff, outLen, cb)`: the same on the worker pool,
/// then `cb(error | null, availOutAfter, availInAfter)`.
fn write(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let Some(engine) = engine(scope, args.get(0)) else {
        return;
    };
    let flush = args.get(1).int32_value(scope).unwrap_or(0);
    let Some(io) = io_args(scope, &args) else {
        return;
    };
    let Ok(cb) = v8::Local::<v8::Function>::try_from(args.get(8)) else {
        return;
    };
    let cb = v8::Global::new(scope, cb);
    submit_work(
        scope,
        "zlib",
        move || {
            let r = run(&engine, flush, &io);
            drop(io);
            r
        },
        move |scope, result: Result<Result<(u32, u32), ZError>, JobPanic>| {
            let cb = v8::Local::new(scope, cb);
            let argv: Vec<v8::Local<v8::Value>> = match result {
                Ok(Ok((out, inp))) => vec![
                    v8::null(scope).into(),
                    v8::Integer::new_from_unsigned(scope, out).into(),
                    v8::Integer::new_from_unsigned(scope, inp).into(),
                ],
                Ok(Err(e)) => vec![error_to_js(scope, &e)],
                Err(panic) => {
                    let e = ZError {
                        message: format!("internal error in zlib: {panic}"),
                        errno: z::Z_STREAM_ERROR,
                        code: "Z_STREAM_ERROR".into(),
                    };
                    vec![error_to_js(scope, &e)]
                }
            };
            call_function(scope, cb, &argv);
        },
    );
}

/// `crc32(data, value)` → the CRC-32 of data continuing from value.
fn crc32(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let start = args.get(1).uint32_value(scope).unwrap_or(0);
    let data = args.get(0);
    let update = |crc: u32, bytes: &[u8]| {
        bytes.chunks(1 << 30).fold(crc, |crc, chunk| {
            // SAFETY: a pointer and length of live bytes.
            unsafe { z::crc32(crc.into(), chunk.as_ptr(), chunk.len() as u32) as u32 }
        })
    };
    let crc = if data.is_array_buffer_view() {
        update(start, crate::buffer::view_bytes(scope, data))
    } else {
        let text = data.to_rust_string_lossy(scope);
        update(start, text.as_bytes())
    };
    rv.set_uint32(crc);
}
