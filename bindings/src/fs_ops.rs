//! `binding.fs.op(name, ...args)` / `opAsync(name, ...args, cb)`: the directory and link
//! operations of node:fs (mkdir, rm, rmdir, readdir, unlink, rename, lstat, access, copyFile,
//! mkdtemp, realpath). Each is one blocking Rust body; the sync form runs it on the caller's
//! thread and throws Node's error, the async form runs it on the worker pool.

use std::ffi::OsString;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

use eddy_runtime::{JobPanic, call_function, io_error, js_string, submit, v8};

use crate::fs::{fields_of, fields_to_js};
use crate::fs_path::{c_path, display, name_to_js, path_arg};

/// One operation, with its arguments already read from JS.
pub(crate) enum Op {
    Mkdir {
        path: PathBuf,
        recursive: bool,
        mode: u32,
    },
    Rm {
        path: PathBuf,
        recursive: bool,
        force: bool,
    },
    Rmdir {
        path: PathBuf,
        recursive: bool,
    },
    Readdir {
        path: PathBuf,
    },
    Unlink {
        path: PathBuf,
    },
    Rename {
        from: PathBuf,
        to: PathBuf,
    },
    Lstat {
        path: PathBuf,
    },
    Access {
        path: PathBuf,
        mode: i32,
    },
    CopyFile {
        src: PathBuf,
        dest: PathBuf,
        exclusive: bool,
    },
    Mkdtemp {
        prefix: PathBuf,
    },
    Realpath {
        path: PathBuf,
    },
    /// Up to `size` bytes from an open descriptor (stdin's stream reads through this).
    ReadChunk {
        fd: i32,
        size: usize,
    },
    /// Descriptors, permissions, times, links (fs_fd.rs).
    Fd(crate::fs_fd::FdOp),
}

/// What an operation gives back.
pub(crate) enum Out {
    Nothing,
    Path(PathBuf),
    MaybePath(Option<PathBuf>),
    Entries(Vec<(OsString, u8)>),
    Stat([f64; 14]),
    Bytes(Vec<u8>),
    Number(f64),
    Numbers(Vec<f64>),
    /// Exact stat fields (`fields_exact`), for BigIntStats.
    BigInts(Vec<i64>),
}

/// An error with the syscall and paths Node's message names.
pub(crate) struct OpError {
    err: std::io::Error,
    syscall: &'static str,
    path: Option<String>,
    dest: Option<String>,
}

impl OpError {
    pub(crate) fn new(
        err: std::io::Error,
        syscall: &'static str,
        path: Option<&Path>,
        dest: Option<&Path>,
    ) -> OpError {
        OpError {
            err,
            syscall,
            path: path.map(display),
            dest: dest.map(display),
        }
    }
}

fn fail<T>(
    err: std::io::Error,
    syscall: &'static str,
    path: &Path,
    dest: Option<&Path>,
) -> Result<T, OpError> {
    Err(OpError::new(err, syscall, Some(path), dest))
}

// Dirent types, as fs.js's Dirent reads them (libuv's UV_DIRENT_* values).
const DIRENT_UNKNOWN: u8 = 0;
const DIRENT_FILE: u8 = 1;
const DIRENT_DIR: u8 = 2;
const DIRENT_LINK: u8 = 3;
const DIRENT_FIFO: u8 = 4;
const DIRENT_SOCKET: u8 = 5;
const DIRENT_CHAR: u8 = 6;
const DIRENT_BLOCK: u8 = 7;

fn dirent_type(ft: std::fs::FileType) -> u8 {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_file() {
        DIRENT_FILE
    } else if ft.is_dir() {
        DIRENT_DIR
    } else if ft.is_symlink() {
        DIRENT_LINK
    } else if ft.is_fifo() {
        DIRENT_FIFO
    } else if ft.is_socket() {
        DIRENT_SOCKET
    } else if ft.is_char_device() {
        DIRENT_CHAR
    } else if ft.is_block_device() {
        DIRENT_BLOCK
    } else {
        DIRENT_UNKNOWN
    }
}

/// `mkdir -p`: returns the first directory it created (None when all existed).
fn mkdir_recursive(path: &Path, mode: u32) -> Result<Option<PathBuf>, OpError> {
    let target = path;
    match std::fs::metadata(target) {
        Ok(m) if m.is_dir() => return Ok(None),
        Ok(_) => {
            let err = std::io::Error::from_raw_os_error(libc::EEXIST);
            return fail(err, "mkdir", path, None);
        }
        Err(_) => {}
    }
    // The first missing ancestor is the one reported as created.
    let mut first = target;
    while let Some(parent) = first.parent() {
        if parent.as_os_str().is_empty() || parent.exists() {
            break;
        }
        first = parent;
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, mode);
    match builder.create(target) {
        Ok(()) => Ok(Some(first.to_path_buf())),
        Err(err) => fail(err, "mkdir", path, None),
    }
}

fn remove_tree(path: &Path) -> Result<(), OpError> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(err) => return fail(err, "lstat", path, None),
    };
    let result = if meta.is_dir() {
        std::fs::remove_dir_all(path)
    } else {
        std::fs::remove_file(path)
    };
    result.or_else(|err| fail(err, "rm", path, None))
}

pub(crate) fn run(op: &Op) -> Result<Out, OpError> {
    match op {
        Op::Mkdir {
            path,
            recursive,
            mode,
        } => {
            if *recursive {
                return mkdir_recursive(path, *mode).map(Out::MaybePath);
            }
            let mut builder = std::fs::DirBuilder::new();
            std::os::unix::fs::DirBuilderExt::mode(&mut builder, *mode);
            builder
                .create(path)
                .map(|()| Out::Nothing)
                .or_else(|err| fail(err, "mkdir", path, None))
        }
        Op::Rm {
            path,
            recursive,
            force,
        } => {
            let meta = match std::fs::symlink_metadata(path) {
                Ok(m) => m,
                Err(err) if *force && err.kind() == std::io::ErrorKind::NotFound => {
                    return Ok(Out::Nothing);
                }
                Err(err) => return fail(err, "lstat", path, None),
            };
            if meta.is_dir() && !*recursive {
                return fail(
                    std::io::Error::from_raw_os_error(libc::EISDIR),
                    "rm",
                    path,
                    None,
                );
            }
            remove_tree(path).map(|()| Out::Nothing)
        }
        Op::Rmdir { path, recursive } => {
            let result = if *recursive {
                std::fs::remove_dir_all(path)
            } else {
                std::fs::remove_dir(path)
            };
            result
                .map(|()| Out::Nothing)
                .or_else(|err| fail(err, "rmdir", path, None))
        }
        Op::Readdir { path } => {
            let read = match std::fs::read_dir(path) {
                Ok(r) => r,
                Err(err) => return fail(err, "scandir", path, None),
            };
            let mut entries = Vec::new();
            for entry in read {
                let entry = match entry {
                    Ok(e) => e,
                    Err(err) => return fail(err, "scandir", path, None),
                };
                let kind = entry.file_type().map(dirent_type).unwrap_or(DIRENT_UNKNOWN);
                entries.push((entry.file_name(), kind));
            }
            // libuv's scandir order: the names' bytes, compared as strcmp does.
            entries.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            Ok(Out::Entries(entries))
        }
        Op::Unlink { path } => std::fs::remove_file(path)
            .map(|()| Out::Nothing)
            .or_else(|err| fail(err, "unlink", path, None)),
        Op::Rename { from, to } => std::fs::rename(from, to)
            .map(|()| Out::Nothing)
            .or_else(|err| fail(err, "rename", from, Some(to.as_path()))),
        Op::Lstat { path } => match std::fs::symlink_metadata(path) {
            Ok(m) => Ok(Out::Stat(fields_of(&m))),
            Err(err) => fail(err, "lstat", path, None),
        },
        Op::Access { path, mode } => {
            let Some(c_path) = c_path(path) else {
                return fail(
                    std::io::Error::from_raw_os_error(libc::ENOENT),
                    "access",
                    path,
                    None,
                );
            };
            // SAFETY: c_path is a valid NUL-terminated string for the duration of the call.
            if unsafe { libc::access(c_path.as_ptr(), *mode) } == 0 {
                Ok(Out::Nothing)
            } else {
                fail(std::io::Error::last_os_error(), "access", path, None)
            }
        }
        Op::CopyFile {
            src,
            dest,
            exclusive,
        } => {
            if *exclusive && dest.exists() {
                return fail(
                    std::io::Error::from_raw_os_error(libc::EEXIST),
                    "copyfile",
                    src,
                    Some(dest.as_path()),
                );
            }
            std::fs::copy(src, dest)
                .map(|_| Out::Nothing)
                .or_else(|err| fail(err, "copyfile", src, Some(dest.as_path())))
        }
        Op::Mkdtemp { prefix } => {
            let mut template = prefix.as_os_str().to_os_string();
            template.push("XXXXXX");
            let template = PathBuf::from(template);
            let Some(c_template) = c_path(&template) else {
                return fail(
                    std::io::Error::from_raw_os_error(libc::EINVAL),
                    "mkdtemp",
                    &template,
                    None,
                );
            };
            let mut bytes = c_template.into_bytes_with_nul();
            // SAFETY: `bytes` is a writable NUL-terminated template, as mkdtemp(3) requires.
            let made = unsafe { libc::mkdtemp(bytes.as_mut_ptr().cast()) };
            if made.is_null() {
                return fail(std::io::Error::last_os_error(), "mkdtemp", &template, None);
            }
            bytes.pop();
            Ok(Out::Path(PathBuf::from(OsString::from_vec(bytes))))
        }
        Op::ReadChunk { fd, size } => {
            let mut buf = vec![0u8; (*size).clamp(1, 1 << 20)];
            loop {
                // SAFETY: `buf` is a writable buffer of `buf.len()` bytes.
                let n = unsafe { libc::read(*fd, buf.as_mut_ptr().cast(), buf.len()) };
                if n >= 0 {
                    buf.truncate(n as usize);
                    return Ok(Out::Bytes(buf));
                }
                let err = std::io::Error::last_os_error();
                if err.kind() != std::io::ErrorKind::Interrupted {
                    return Err(OpError {
                        err,
                        syscall: "read",
                        path: None,
                        dest: None,
                    });
                }
            }
        }
        Op::Fd(op) => crate::fs_fd::run(op),
        Op::Realpath { path } => match std::fs::canonicalize(path) {
            Ok(p) => Ok(Out::Path(p)),
            Err(err) => fail(err, "realpath", path, None),
        },
    }
}

fn arg_str(scope: &mut v8::PinScope, args: &v8::FunctionCallbackArguments, i: i32) -> String {
    args.get(i).to_rust_string_lossy(scope)
}

/// Reads `name`'s arguments (already validated by fs.js) starting at index 1. A name ending in
/// `Buffer` (`readdirBuffer`) is the same operation giving back names as raw bytes: the flag.
pub(crate) fn parse(
    scope: &mut v8::PinScope,
    args: &v8::FunctionCallbackArguments,
) -> Option<(Op, bool)> {
    let full_name = arg_str(scope, args, 0);
    let (name, as_bytes) = match full_name.strip_suffix("Buffer") {
        Some(base) => (base, true),
        None => (full_name.as_str(), false),
    };
    let p = |scope: &mut v8::PinScope, i| path_arg(scope, args.get(i));
    let flag = |scope: &mut v8::PinScope, i| args.get(i).boolean_value(scope);
    let num = |scope: &mut v8::PinScope, i, default| {
        args.get(i)
            .uint32_value(scope)
            .filter(|_| !args.get(i).is_undefined())
            .unwrap_or(default)
    };
    let op = match name {
        "mkdir" => Op::Mkdir {
            path: p(scope, 1),
            recursive: flag(scope, 2),
            mode: num(scope, 3, 0o777),
        },
        "rm" => Op::Rm {
            path: p(scope, 1),
            recursive: flag(scope, 2),
            force: flag(scope, 3),
        },
        "rmdir" => Op::Rmdir {
            path: p(scope, 1),
            recursive: flag(scope, 2),
        },
        "readdir" => Op::Readdir { path: p(scope, 1) },
        "unlink" => Op::Unlink { path: p(scope, 1) },
        "rename" => Op::Rename {
            from: p(scope, 1),
            to: p(scope, 2),
        },
        "lstat" => Op::Lstat { path: p(scope, 1) },
        "access" => Op::Access {
            path: p(scope, 1),
            mode: num(scope, 2, 0) as i32,
        },
        "copyFile" => Op::CopyFile {
            src: p(scope, 1),
            dest: p(scope, 2),
            exclusive: num(scope, 3, 0) & 1 != 0,
        },
        "mkdtemp" => Op::Mkdtemp {
            prefix: p(scope, 1),
        },
        "readChunk" => Op::ReadChunk {
            fd: num(scope, 1, 0) as i32,
            size: num(scope, 2, 65536) as usize,
        },
        "realpath" => Op::Realpath { path: p(scope, 1) },
        other => Op::Fd(crate::fs_fd::parse(scope, other, args)?),
    };
    Some((op, as_bytes))
}

/// The result for JS; names and paths as raw bytes (Uint8Arrays) when `as_bytes`.
pub(crate) fn out_to_js<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    out: Out,
    as_bytes: bool,
) -> v8::Local<'s, v8::Value> {
    match out {
        Out::Nothing | Out::MaybePath(None) => v8::undefined(scope).into(),
        Out::Path(p) | Out::MaybePath(Some(p)) => name_to_js(scope, p.as_os_str(), as_bytes),
        Out::Stat(fields) => fields_to_js(scope, fields),
        Out::Bytes(bytes) => crate::fs::bytes_to_js(scope, bytes),
        Out::Number(n) => v8::Number::new(scope, n).into(),
        Out::BigInts(list) => {
            let items: Vec<v8::Local<v8::Value>> = list
                .into_iter()
                .map(|n| v8::BigInt::new_from_i64(scope, n).into())
                .collect();
            v8::Array::new_with_elements(scope, &items).into()
        }
        Out::Numbers(list) => {
            let items: Vec<v8::Local<v8::Value>> = list
                .into_iter()
                .map(|n| v8::Number::new(scope, n).into())
                .collect();
            v8::Array::new_with_elements(scope, &items).into()
        }
        Out::Entries(entries) => {
            let mut items: Vec<v8::Local<v8::Value>> = Vec::with_capacity(entries.len() * 2);
            for (name, kind) in entries {
                items.push(name_to_js(scope, &name, as_bytes));
                items.push(v8::Integer::new(scope, i32::from(kind)).into());
            }
            v8::Array::new_with_elements(scope, &items).into()
        }
    }
}

pub(crate) fn error_to_js<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    e: &OpError,
) -> v8::Local<'s, v8::Value> {
    io_error(
        scope,
        &e.err,
        e.syscall,
        e.path.as_deref(),
        e.dest.as_deref(),
    )
}

/// `op(name, ...args)`: runs the operation now; returns its result or throws Node's error.
pub(crate) fn js_op(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    // Held socket writes go out before any file operation (see io.rs).
    eddy_runtime::flush_held_writes(scope);
    let Some((op, as_bytes)) = parse(scope, &args) else {
        return;
    };
    match run(&op) {
        Ok(out) => rv.set(out_to_js(scope, out, as_bytes)),
        Err(e) => {
            let error = error_to_js(scope, &e);
            scope.throw_exception(error);
        }
    }
}

/// `opAsync(name, ...args, cb)`: runs the operation on the worker pool, then `cb(err, value)`.
pub(crate) fn js_op_async(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    // Held socket writes go out before any file operation (see io.rs).
    eddy_runtime::flush_held_writes(scope);
    let Some((op, as_bytes)) = parse(scope, &args) else {
        return;
    };
    let Ok(cb) = v8::Local::<v8::Function>::try_from(args.get(args.length() - 1)) else {
        return;
    };
    let cb = v8::Global::new(scope, cb);
    submit(
        scope,
        move || run(&op),
        move |scope, result: Result<Result<Out, OpError>, JobPanic>| {
            let cb = v8::Local::new(scope, cb);
            let argv: Vec<v8::Local<v8::Value>> = match result {
                Ok(Ok(out)) => vec![v8::null(scope).into(), out_to_js(scope, out, as_bytes)],
                Ok(Err(e)) => vec![error_to_js(scope, &e)],
                Err(panic) => {
                    let msg = js_string(scope, &format!("internal error in fs: {panic}"));
                    vec![v8::Exception::error(scope, msg)]
                }
            };
            call_function(scope, cb, &argv);
        },
    );
}
