//! `binding.fs`: file-system calls. Each operation's blocking body is a plain Rust function;
//! the `…Sync` binding calls it directly and the async one sends the same function to the
//! worker pool and calls the JS callback (`cb(err, value)`) from the loop when it finishes.

use std::io::Write;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use crate::fs_path::{display, name_to_js, path_arg};
use eddy_runtime::{
    JobPanic, NativeModule, arg_string, call_function, io_error, js_string, set_fn, submit,
    throw_io_error, throw_type_error, v8,
};

pub const MODULE: NativeModule = NativeModule { name: "fs", init };

fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "readFileUtf8", read_file_utf8);
    set_fn(scope, target, "internalModuleStat", internal_module_stat);
    set_fn(scope, target, "realpath", realpath);
    set_fn(scope, target, "readFile", read_file);
    set_fn(scope, target, "readFileSync", read_file_sync);
    set_fn(scope, target, "writeFile", write_file);
    set_fn(scope, target, "writeFileSync", write_file_sync);
    set_fn(scope, target, "stat", stat);
    set_fn(scope, target, "statSync", stat_sync);
    set_fn(scope, target, "op", crate::fs_ops::js_op);
    set_fn(scope, target, "opAsync", crate::fs_ops::js_op_async);
    crate::fs_watch::init(scope, target);
}

// ===== blocking bodies =====

/// A failed step of a whole-file read or write. Node names the step: opening reports `open`
/// and the path; a read or write on the open file reports `read` / `write` (or `fstat`)
/// without it (`EISDIR: illegal operation on a directory, read`).
struct StepError {
    err: std::io::Error,
    /// None: the operation's own syscall (the open), reported with the path.
    syscall: Option<&'static str>,
}

impl From<std::io::Error> for StepError {
    fn from(err: std::io::Error) -> Self {
        StepError { err, syscall: None }
    }
}

/// `result` as a failure of the step `syscall` on an open file.
fn step<T>(result: std::io::Result<T>, syscall: &'static str) -> Result<T, StepError> {
    result.map_err(|err| StepError {
        err,
        syscall: Some(syscall),
    })
}

fn throw_step_error(scope: &mut v8::PinScope, e: &StepError, syscall: &str, path: &Path) {
    match e.syscall {
        Some(step) => throw_io_error(scope, &e.err, step, None),
        None => throw_io_error(scope, &e.err, syscall, Some(&display(path))),
    }
}

/// The whole file as text; invalid UTF-8 becomes U+FFFD, as Node's `readFileSync(p, 'utf8')`.
fn read_text(path: &Path) -> Result<String, StepError> {
    let bytes = read_limited(path)?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

/// Node's largest readFile result (kIoMaxLength, 2 GiB - 1).
const IO_MAX_LENGTH: u64 = (1 << 31) - 1;

/// The whole file, refused with EFBIG past 2 GiB (fs.js reports that as Node's
/// ERR_FS_FILE_TOO_LARGE) rather than read into memory.
fn read_limited(path: &Path) -> Result<Vec<u8>, StepError> {
    let too_large = || Err(std::io::Error::from_raw_os_error(libc::EFBIG).into());
    let mut file = std::fs::File::open(path)?;
    let size = step(file.metadata(), "fstat")?.len();
    if size > IO_MAX_LENGTH {
        return too_large();
    }
    let mut out = Vec::with_capacity(size as usize);
    step(std::io::Read::read_to_end(&mut file, &mut out), "read")?;
    if out.len() as u64 > IO_MAX_LENGTH {
        return too_large();
    }
    Ok(out)
}

/// Write (or append, for an `a` flag) `data` to `path`, creating it with `mode`.
fn write_bytes(
    path: &Path,
    data: &[u8],
    append: bool,
    exclusive: bool,
    mode: u32,
) -> Result<(), StepError> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).mode(mode);
    if exclusive {
        opts.create_new(true);
    } else {
        opts.create(true);
    }
    if append {
        opts.append(true);
    } else {
        opts.truncate(true);
    }
    step(opts.open(path)?.write_all(data), "write")
}

/// Node's stat fields, in the order `internal/fs` reads them.
fn stat_fields(path: &Path) -> std::io::Result<[f64; 14]> {
    Ok(fields_of(&std::fs::metadata(path)?))
}

/// The stat fields of `m` (shared with lstat in fs_ops).
pub(crate) fn fields_of(m: &std::fs::Metadata) -> [f64; 14] {
    let ms = |secs: i64, nsec: i64| secs as f64 * 1e3 + nsec as f64 / 1e6;
    [
        m.dev() as f64,
        m.mode() as f64,
        m.nlink() as f64,
        m.uid() as f64,
        m.gid() as f64,
        m.rdev() as f64,
        m.blksize() as f64,
        m.ino() as f64,
        m.size() as f64,
        m.blocks() as f64,
        ms(m.atime(), m.atime_nsec()),
        ms(m.mtime(), m.mtime_nsec()),
        ms(m.ctime(), m.ctime_nsec()),
        {
            let (secs, nsec) = birth(m);
            ms(secs, nsec)
        },
    ]
}

/// Birth time from statx where the file system records it; otherwise ctime, as Node reports.
pub(crate) fn birth(m: &std::fs::Metadata) -> (i64, i64) {
    match m
        .created()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
    {
        Some(d) => (d.as_secs() as i64, i64::from(d.subsec_nanos())),
        None => (m.ctime(), m.ctime_nsec()),
    }
}

/// The stat fields as exact integers for BigIntStats: the 10 counts, then seconds and
/// nanoseconds of atime, mtime, ctime and birthtime.
pub(crate) fn fields_exact(m: &std::fs::Metadata) -> Vec<i64> {
    let (bs, bn) = birth(m);
    vec![
        m.dev() as i64,
        i64::from(m.mode()),
        m.nlink() as i64,
        i64::from(m.uid()),
        i64::from(m.gid()),
        m.rdev() as i64,
        m.blksize() as i64,
        m.ino() as i64,
        m.size() as i64,
        m.blocks() as i64,
        m.atime(),
        m.atime_nsec(),
        m.mtime(),
        m.mtime_nsec(),
        m.ctime(),
        m.ctime_nsec(),
        bs,
        bn,
    ]
}

// ===== JS value helpers =====

thread_local! {
    /// Bytes this thread's isolate handed to JS as buffers since the last young collection we
    /// asked for.
    static HANDED_OUT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Buffer bytes between two young collections. Well below the malloc trim threshold (32 MiB,
/// set in the CLI), so freed buffers are reused in place rather than handed back to the kernel
/// and faulted in again, and often while still in the CPU's cache (a 512 MiB read stream spent
/// about a quarter less time in the kernel's copies with 4 MB than with 16 MB; 8 MB keeps most
/// of that with half the scavenges).
const YOUNG_GC_EVERY: usize = 8 << 20;

/// Short-lived buffers (a `readFileSync` result dropped at once) die young, but V8 collects its
/// young generation for their sake only once 64 MB of them wait
/// (Heap::AllocateExternalBackingStore), and never while a major marking runs; external memory
/// starts such a marking at 64 MB, so dead buffers piled up to ~400 MB before a full GC freed
/// them. When 8 MB were handed out with no collection in between, a scavenge frees the dead
/// ones at once (a few hundred microseconds on a small young generation, and the memory is
/// reused while still warm). Any collection V8 runs by itself restarts the count.
pub(crate) fn pressure(scope: &mut v8::PinScope, len: usize) {
    let total = HANDED_OUT.get() + len;
    if total < YOUNG_GC_EVERY {
        HANDED_OUT.set(total);
        return;
    }
    HANDED_OUT.set(0);
    collect_young(scope);
}

unsafe extern "C" fn after_gc(
    _isolate: v8::UnsafeRawIsolatePtr,
    _gc_type: v8::GCType,
    _flags: v8::GCCallbackFlags,
    _data: *mut std::ffi::c_void,
) {
    // V8 calls this on the collecting isolate's own thread, whose count this is.
    HANDED_OUT.set(0);
}

unsafe extern "C" {
    // `v8::internal::GCExtension::GC`: the native behind the `gc()` function --expose-gc
    // installs. V8's API runs a young-generation collection only behind that flag
    // (Isolate::RequestGarbageCollectionForTesting aborts without it); the native itself reads
    // no flag, so a function of our own (never shown to JS) calls it as `gc({ type: 'minor' })`.
    #[link_name = "_ZN2v88internal11GCExtension2GCERKNS_20FunctionCallbackInfoINS_5ValueEEE"]
    fn v8_gc_extension_gc(info: *const v8::FunctionCallbackInfo);
}

/// The isolate's `gc` function and its `{ type: 'minor' }` argument.
struct YoungGc {
    gc: v8::Global<v8::Function>,
    minor: v8::Global<v8::Object>,
}

/// Run a scavenge now.
fn collect_young(scope: &mut v8::PinScope) {
    if scope.get_slot::<YoungGc>().is_none() {
        let Some(gc) = v8::Function::new_raw(scope, v8_gc_extension_gc) else {
            return;
        };
        let minor = v8::Object::new(scope);
        let key = js_string(scope, "type");
        let value = js_string(scope, "minor");
        minor.set(scope, key.into(), value.into());
        let slot = YoungGc {
            gc: v8::Global::new(scope, gc),
            minor: v8::Global::new(scope, minor),
        };
        scope.set_slot(slot);
        eddy_runtime::release_slot_before_snapshot::<YoungGc>();
        scope.add_gc_epilogue_callback(after_gc, std::ptr::null_mut(), v8::GCType::kGCTypeAll);
    }
    let Some(slot) = scope.get_slot::<YoungGc>() else {
        return;
    };
    let (gc, minor) = (slot.gc.clone(), slot.minor.clone());
    let gc = v8::Local::new(scope, gc);
    let minor = v8::Local::new(scope, minor);
    let recv = v8::undefined(scope).into();
    gc.call(scope, recv, &[minor.into()]);
}

pub(crate) fn bytes_to_js<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    bytes: Vec<u8>,
) -> v8::Local<'s, v8::Value> {
    let len = bytes.len();
    pressure(scope, len);
    let store = v8::ArrayBuffer::new_backing_store_from_vec(bytes).make_shared();
    let buffer = v8::ArrayBuffer::with_backing_store(scope, &store);
    match v8::Uint8Array::new(scope, buffer, 0, len) {
        Some(view) => view.into(),
        None => v8::undefined(scope).into(),
    }
}

pub(crate) fn fields_to_js<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    fields: [f64; 14],
) -> v8::Local<'s, v8::Value> {
    let items: Vec<v8::Local<v8::Value>> = fields
        .iter()
        .map(|f| v8::Number::new(scope, *f).into())
        .collect();
    v8::Array::new_with_elements(scope, &items).into()
}

/// Bytes of a string (UTF-8) or an ArrayBufferView argument.
fn data_arg(scope: &mut v8::PinScope, value: v8::Local<v8::Value>) -> Vec<u8> {
    if let Ok(view) = v8::Local::<v8::ArrayBufferView>::try_from(value) {
        let mut buf = vec![0u8; view.byte_length()];
        view.copy_contents(&mut buf);
        buf
    } else {
        value.to_rust_string_lossy(scope).into_bytes()
    }
}

fn callback_arg(
    scope: &mut v8::PinScope,
    args: &v8::FunctionCallbackArguments,
    index: i32,
) -> Option<v8::Global<v8::Function>> {
    match v8::Local::<v8::Function>::try_from(args.get(index)) {
        Ok(f) => Some(v8::Global::new(scope, f)),
        Err(_) => {
            throw_type_error(
                scope,
                "ERR_INVALID_ARG_TYPE",
                "The \"cb\" argument must be of type function",
            );
            None
        }
    }
}

/// Run `job` on the worker pool, then call the JS callback in argument `cb_index` on the loop
/// thread as `cb(err)` or `cb(null, to_js(value))`; errors name `syscall` and `path` as Node's
/// do. Every async fs native is this plus its own arguments.
fn submit_fs<T: Send + 'static, E>(
    scope: &mut v8::PinScope,
    args: &v8::FunctionCallbackArguments,
    cb_index: i32,
    syscall: &'static str,
    path: PathBuf,
    job: impl FnOnce() -> Result<T, E> + Send + 'static,
    to_js: for<'s> fn(&mut v8::PinScope<'s, '_>, T) -> v8::Local<'s, v8::Value>,
) where
    E: Into<StepError> + Send + 'static,
{
    let Some(cb) = callback_arg(scope, args, cb_index) else {
        return;
    };
    submit(scope, job, move |scope, result| {
        complete(scope, cb, result, syscall, &display(&path), to_js);
    });
}

/// Deliver a pool result to `cb` as `cb(err)` or `cb(null, value)`.
fn complete<T, E: Into<StepError>>(
    scope: &mut v8::PinScope,
    cb: v8::Global<v8::Function>,
    result: Result<Result<T, E>, JobPanic>,
    syscall: &str,
    path: &str,
    to_js: impl for<'s> FnOnce(&mut v8::PinScope<'s, '_>, T) -> v8::Local<'s, v8::Value>,
) {
    let cb = v8::Local::new(scope, cb);
    let args: Vec<v8::Local<v8::Value>> = match result {
        Ok(Ok(value)) => vec![v8::null(scope).into(), to_js(scope, value)],
        Ok(Err(err)) => {
            let e: StepError = err.into();
            vec![match e.syscall {
                Some(step) => io_error(scope, &e.err, step, None, None),
                None => io_error(scope, &e.err, syscall, Some(path), None),
            }]
        }
        Err(panic) => {
            let msg = js_string(scope, &format!("internal error in {syscall}: {panic}"));
            vec![v8::Exception::error(scope, msg)]
        }
    };
    call_function(scope, cb, &args);
}

// ===== natives =====

fn read_file_utf8(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(path) = arg_string(scope, &args, 0, "path") else {
        return;
    };
    match read_text(Path::new(&path)) {
        Ok(text) => rv.set(js_string(scope, &text).into()),
        Err(err) => throw_step_error(scope, &err, "open", Path::new(&path)),
    }
}

/// 0 = file, 1 = directory, negative = missing (Node's loader uses the same convention).
fn internal_module_stat(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let path = path_arg(scope, args.get(0));
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
    let path = path_arg(scope, args.get(0));
    match std::fs::canonicalize(&path) {
        Ok(p) => rv.set(name_to_js(scope, p.as_os_str(), false)),
        Err(err) => throw_io_error(scope, &err, "realpath", Some(&display(&path))),
    }
}

/// `readFile(path, cb)` → `cb(err, Uint8Array)`.
fn read_file(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let path = path_arg(scope, args.get(0));
    let job_path = path.clone();
    submit_fs(
        scope,
        &args,
        1,
        "open",
        path,
        move || read_limited(&job_path),
        bytes_to_js,
    );
}

fn read_file_sync(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let path = path_arg(scope, args.get(0));
    match read_limited(&path) {
        Ok(bytes) => rv.set(bytes_to_js(scope, bytes)),
        Err(err) => throw_step_error(scope, &err, "open", &path),
    }
}

struct WriteArgs {
    path: PathBuf,
    data: Vec<u8>,
    append: bool,
    exclusive: bool,
    mode: u32,
}

/// `(path, data, flag, mode, …)` as passed by `fs.js`, which has validated them.
fn write_args(scope: &mut v8::PinScope, args: &v8::FunctionCallbackArguments) -> Option<WriteArgs> {
    let path = path_arg(scope, args.get(0));
    let data = data_arg(scope, args.get(1));
    let flag = args.get(2).to_rust_string_lossy(scope);
    let mode = args.get(3).uint32_value(scope).unwrap_or(0o666);
    Some(WriteArgs {
        path,
        data,
        append: flag.contains('a'),
        exclusive: flag.contains('x'),
        mode,
    })
}

/// `writeFile(path, data, flag, mode, cb)` → `cb(err)`.
fn write_file(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    // Held socket writes go out before this write (see io.rs).
    eddy_runtime::flush_held_writes(scope);
    let Some(w) = write_args(scope, &args) else {
        return;
    };
    let path = w.path.clone();
    let job = move || write_bytes(&w.path, &w.data, w.append, w.exclusive, w.mode);
    submit_fs(scope, &args, 4, "open", path, job, |scope, ()| {
        v8::undefined(scope).into()
    });
}

fn write_file_sync(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    // Held socket writes go out before this write (see io.rs).
    eddy_runtime::flush_held_writes(scope);
    let Some(w) = write_args(scope, &args) else {
        return;
    };
    if let Err(err) = write_bytes(&w.path, &w.data, w.append, w.exclusive, w.mode) {
        throw_step_error(scope, &err, "open", &w.path);
    }
}

/// `stat(path, cb)` → `cb(err, fields)`; `fs.js` builds the `Stats` object.
fn stat(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let path = path_arg(scope, args.get(0));
    let job_path = path.clone();
    submit_fs(
        scope,
        &args,
        1,
        "stat",
        path,
        move || stat_fields(&job_path),
        fields_to_js,
    );
}

/// `statSync(path[, out])`: the fields as a new array, or written into the Float64Array `out`
/// (fs.js's, read back at once: no array and no fourteen numbers to allocate per call).
fn stat_sync(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let path = path_arg(scope, args.get(0));
    match stat_fields(&path) {
        Ok(fields) => match v8::Local::<v8::Float64Array>::try_from(args.get(1)) {
            Ok(out) if out.length() >= fields.len() => {
                // SAFETY: the view holds at least 14 doubles at `data()`, and nothing runs
                // between taking the pointer and the writes.
                unsafe {
                    let at = out.data().cast::<f64>();
                    for (i, v) in fields.iter().enumerate() {
                        at.add(i).write_unaligned(*v);
                    }
                }
            }
            _ => rv.set(fields_to_js(scope, fields)),
        },
        Err(err) => throw_io_error(scope, &err, "stat", Some(&display(&path))),
    }
}
