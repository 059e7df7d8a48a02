//! The descriptor half of node:fs, and the path operations that go with it (chmod, chown,
//! utimes, truncate, links, statfs): more operations of `binding.fs.op` / `opAsync`, with one
//! blocking body each (`run`), so the sync, callback and promise forms share it.
//!
//! Reads and writes go straight to and from the caller's buffer memory, also on the worker
//! pool, as Node's do: the job holds a reference to the buffer's backing store, so the memory
//! outlives the job even if JS drops the buffer meanwhile.

use std::ffi::CString;
use std::path::{Path, PathBuf};

use eddy_runtime::v8;

use crate::fs_ops::{OpError, Out};

/// A region of a JS buffer's memory, shareable with a pool thread.
pub(crate) struct Region {
    store: v8::SharedRef<v8::BackingStore>,
    offset: usize,
    len: usize,
}

// SAFETY: the backing store is reference-counted with atomics (a std::shared_ptr) and its
// memory does not move; V8 lets embedders use it from other threads (Node's pool does). A
// concurrent JS write to the same bytes is a data race in the program, as it is in Node.
unsafe impl Send for Region {}

impl Region {
    /// `length` bytes at `offset` within `view`, clamped to the view.
    pub(crate) fn of_view(
        view: v8::Local<v8::ArrayBufferView>,
        offset: usize,
        length: usize,
    ) -> Option<Self> {
        let store = view.get_backing_store()?;
        let view_len = view.byte_length();
        let offset = offset.min(view_len);
        let len = length.min(view_len - offset);
        Some(Region {
            store,
            offset: view.byte_offset() + offset,
            len,
        })
    }

    /// The bytes (the caller keeps JS from resizing the buffer meanwhile, as Node does).
    pub(crate) fn as_slice(&self) -> &[u8] {
        // SAFETY: ptr..ptr+len lies within the live backing store.
        unsafe { std::slice::from_raw_parts(self.ptr(), self.len) }
    }

    /// The bytes, to write into.
    #[allow(clippy::mut_from_ref)]
    pub(crate) fn as_mut_slice(&self) -> &mut [u8] {
        // SAFETY: as as_slice; one writer at a time (the job that holds this region).
        unsafe { std::slice::from_raw_parts_mut(self.ptr(), self.len) }
    }

    fn ptr(&self) -> *mut u8 {
        match self.store.data() {
            // SAFETY: offset + len lies within the store (checked in of_view).
            Some(p) => unsafe { (p.as_ptr() as *mut u8).add(self.offset) },
            None => std::ptr::NonNull::dangling().as_ptr(),
        }
    }
}

/// One operation on a descriptor or a path, its arguments already read from JS.
pub(crate) enum FdOp {
    Open {
        path: PathBuf,
        flags: i32,
        mode: u32,
    },
    Close {
        fd: i32,
    },
    /// Exact stats (BigIntStats) of a path (following links or not) or a descriptor.
    StatExact {
        path: Option<PathBuf>,
        fd: i32,
        follow: bool,
    },
    Read {
        fd: i32,
        buf: Region,
        position: i64,
    },
    Write {
        fd: i32,
        buf: Region,
        position: i64,
    },
    WriteString {
        fd: i32,
        data: Vec<u8>,
        position: i64,
    },
    Readv {
        fd: i32,
        bufs: Vec<Region>,
        position: i64,
        /// Read only from a regular file; otherwise report -1 and read nothing. (A file
        /// stream's read-ahead: a read from a pipe or terminal may wait for ever, and must not
        /// be in flight when nothing asked for it.)
        regular_only: bool,
    },
    Writev {
        fd: i32,
        bufs: Vec<Region>,
        position: i64,
    },
    Fstat {
        fd: i32,
    },
    Ftruncate {
        fd: i32,
        len: i64,
    },
    Truncate {
        path: PathBuf,
        len: i64,
    },
    Fsync {
        fd: i32,
    },
    Fdatasync {
        fd: i32,
    },
    Fchmod {
        fd: i32,
        mode: u32,
    },
    Chmod {
        path: PathBuf,
        mode: u32,
    },
    Fchown {
        fd: i32,
        uid: u32,
        gid: u32,
    },
    Chown {
        path: PathBuf,
        uid: u32,
        gid: u32,
        nofollow: bool,
    },
    Futimes {
        fd: i32,
        atime: f64,
        mtime: f64,
    },
    Utimes {
        path: PathBuf,
        atime: f64,
        mtime: f64,
        nofollow: bool,
    },
    Symlink {
        target: PathBuf,
        path: PathBuf,
    },
    Readlink {
        path: PathBuf,
    },
    Link {
        from: PathBuf,
        to: PathBuf,
    },
    Statfs {
        path: PathBuf,
    },
}

fn err(syscall: &'static str, path: Option<&Path>, dest: Option<&Path>) -> OpError {
    OpError::new(std::io::Error::last_os_error(), syscall, path, dest)
}

fn cstr(path: &Path, syscall: &'static str) -> Result<CString, OpError> {
    crate::fs_path::c_path(path).ok_or_else(|| {
        OpError::new(
            std::io::Error::from_raw_os_error(libc::EINVAL),
            syscall,
            Some(path),
            None,
        )
    })
}

/// Retry a call that may be interrupted by a signal (EINTR), as libuv does.
fn retry(mut f: impl FnMut() -> isize) -> isize {
    loop {
        let r = f();
        if r >= 0 || std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
            return r;
        }
    }
}

/// seconds (with fraction) → timespec.
fn timespec(t: f64) -> libc::timespec {
    let secs = t.floor();
    libc::timespec {
        tv_sec: secs as libc::time_t,
        tv_nsec: ((t - secs) * 1e9) as libc::c_long,
    }
}

fn iovecs(bufs: &[Region]) -> Vec<libc::iovec> {
    bufs.iter()
        .map(|b| libc::iovec {
            iov_base: b.ptr() as *mut libc::c_void,
            iov_len: b.len,
        })
        .collect()
}

fn ok_or(r: isize, e: impl FnOnce() -> OpError) -> Result<Out, OpError> {
    if r < 0 {
        Err(e())
    } else {
        Ok(Out::Number(r as f64))
    }
}

pub(crate) fn run(op: &FdOp) -> Result<Out, OpError> {
    // SAFETY (every libc call below): descriptors and lengths come from JS and the kernel
    // checks them; pointers are NUL-terminated CStrings or buffer regions that stay alive (and
    // within bounds) for the call.
    unsafe {
        match op {
            FdOp::Open { path, flags, mode } => {
                let c = cstr(path, "open")?;
                let fd = retry(|| libc::open(c.as_ptr(), flags | libc::O_CLOEXEC, *mode) as isize);
                ok_or(fd, || err("open", Some(path.as_path()), None))
            }
            FdOp::Close { fd } => {
                // close(2) is not retried: the descriptor is gone even when it reports EINTR.
                if libc::close(*fd) < 0
                    && std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted
                {
                    return Err(err("close", None, None));
                }
                Ok(Out::Nothing)
            }
            FdOp::Read { fd, buf, position } => {
                let p = buf.ptr() as *mut libc::c_void;
                let n = retry(|| {
                    if *position >= 0 {
                        libc::pread(*fd, p, buf.len, *position)
                    } else {
                        libc::read(*fd, p, buf.len)
                    }
                });
                ok_or(n, || err("read", None, None))
            }
            FdOp::Write { fd, buf, position } => write_all(*fd, buf.ptr(), buf.len, *position),
            FdOp::WriteString { fd, data, position } => {
                write_all(*fd, data.as_ptr() as *mut u8, data.len(), *position)
            }
            FdOp::Readv {
                fd,
                bufs,
                position,
                regular_only,
            } => {
                if *regular_only {
                    let mut st: libc::stat = std::mem::zeroed();
                    if libc::fstat(*fd, &mut st) < 0 {
                        return Err(err("fstat", None, None));
                    }
                    if st.st_mode & libc::S_IFMT != libc::S_IFREG {
                        return Ok(Out::Number(-1.0));
                    }
                }
                let iov = iovecs(bufs);
                let n = retry(|| {
                    if *position >= 0 {
                        libc::preadv(*fd, iov.as_ptr(), iov.len() as i32, *position)
                    } else {
                        libc::readv(*fd, iov.as_ptr(), iov.len() as i32)
                    }
                });
                ok_or(n, || err("read", None, None))
            }
            FdOp::Writev { fd, bufs, position } => {
                let iov = iovecs(bufs);
                let n = retry(|| {
                    if *position >= 0 {
                        libc::pwritev(*fd, iov.as_ptr(), iov.len() as i32, *position)
                    } else {
                        libc::writev(*fd, iov.as_ptr(), iov.len() as i32)
                    }
                });
                ok_or(n, || err("write", None, None))
            }
            FdOp::Fstat { fd } => {
                // ManuallyDrop: the File must not close a descriptor it does not own.
                let file = std::mem::ManuallyDrop::new(
                    <std::fs::File as std::os::fd::FromRawFd>::from_raw_fd(*fd),
                );
                match file.metadata() {
                    Ok(m) => Ok(Out::Stat(crate::fs::fields_of(&m))),
                    Err(e) => Err(OpError::new(e, "fstat", None, None)),
                }
            }
            FdOp::StatExact { path, fd, follow } => {
                let meta = match path {
                    Some(p) if *follow => std::fs::metadata(p),
                    Some(p) => std::fs::symlink_metadata(p),
                    None => std::mem::ManuallyDrop::new(
                        <std::fs::File as std::os::fd::FromRawFd>::from_raw_fd(*fd),
                    )
                    .metadata(),
                };
                let syscall = match (path, follow) {
                    (None, _) => "fstat",
                    (Some(_), true) => "stat",
                    (Some(_), false) => "lstat",
                };
                match meta {
                    Ok(m) => Ok(Out::BigInts(crate::fs::fields_exact(&m))),
                    Err(e) => Err(OpError::new(e, syscall, path.as_deref(), None)),
                }
            }
            FdOp::Ftruncate { fd, len } => {
                let r = retry(|| libc::ftruncate(*fd, *len) as isize);
                ok_or(r, || err("ftruncate", None, None)).map(|_| Out::Nothing)
            }
            FdOp::Truncate { path, len } => {
                let c = cstr(path, "open")?;
                let r = retry(|| libc::truncate(c.as_ptr(), *len) as isize);
                ok_or(r, || err("open", Some(path.as_path()), None)).map(|_| Out::Nothing)
            }
            FdOp::Fsync { fd } => {
                ok_or(libc::fsync(*fd) as isize, || err("fsync", None, None)).map(|_| Out::Nothing)
            }
            FdOp::Fdatasync { fd } => ok_or(libc::fdatasync(*fd) as isize, || {
                err("fdatasync", None, None)
            })
            .map(|_| Out::Nothing),
            FdOp::Fchmod { fd, mode } => ok_or(libc::fchmod(*fd, *mode) as isize, || {
                err("fchmod", None, None)
            })
            .map(|_| Out::Nothing),
            FdOp::Chmod { path, mode } => {
                let c = cstr(path, "chmod")?;
                ok_or(libc::chmod(c.as_ptr(), *mode) as isize, || {
                    err("chmod", Some(path.as_path()), None)
                })
                .map(|_| Out::Nothing)
            }
            FdOp::Fchown { fd, uid, gid } => ok_or(libc::fchown(*fd, *uid, *gid) as isize, || {
                err("fchown", None, None)
            })
            .map(|_| Out::Nothing),
            FdOp::Chown {
                path,
                uid,
                gid,
                nofollow,
            } => {
                let syscall = if *nofollow { "lchown" } else { "chown" };
                let c = cstr(path, syscall)?;
                let r = if *nofollow {
                    libc::lchown(c.as_ptr(), *uid, *gid)
                } else {
                    libc::chown(c.as_ptr(), *uid, *gid)
                };
                ok_or(r as isize, || err(syscall, Some(path.as_path()), None)).map(|_| Out::Nothing)
            }
            FdOp::Futimes { fd, atime, mtime } => {
                let times = [timespec(*atime), timespec(*mtime)];
                ok_or(libc::futimens(*fd, times.as_ptr()) as isize, || {
                    err("futime", None, None)
                })
                .map(|_| Out::Nothing)
            }
            FdOp::Utimes {
                path,
                atime,
                mtime,
                nofollow,
            } => {
                let syscall = if *nofollow { "lutime" } else { "utime" };
                let c = cstr(path, syscall)?;
                let times = [timespec(*atime), timespec(*mtime)];
                let flags = if *nofollow {
                    libc::AT_SYMLINK_NOFOLLOW
                } else {
                    0
                };
                let r = libc::utimensat(libc::AT_FDCWD, c.as_ptr(), times.as_ptr(), flags);
                ok_or(r as isize, || err(syscall, Some(path.as_path()), None)).map(|_| Out::Nothing)
            }
            FdOp::Symlink { target, path } => {
                let t = cstr(target, "symlink")?;
                let p = cstr(path, "symlink")?;
                ok_or(libc::symlink(t.as_ptr(), p.as_ptr()) as isize, || {
                    err("symlink", Some(target.as_path()), Some(path.as_path()))
                })
                .map(|_| Out::Nothing)
            }
            FdOp::Readlink { path } => match std::fs::read_link(path) {
                Ok(p) => Ok(Out::Path(p)),
                Err(e) => Err(OpError::new(e, "readlink", Some(path.as_path()), None)),
            },
            FdOp::Link { from, to } => {
                let f = cstr(from, "link")?;
                let t = cstr(to, "link")?;
                ok_or(libc::link(f.as_ptr(), t.as_ptr()) as isize, || {
                    err("link", Some(from.as_path()), Some(to.as_path()))
                })
                .map(|_| Out::Nothing)
            }
            FdOp::Statfs { path } => {
                let c = cstr(path, "statfs")?;
                let mut st: libc::statfs = std::mem::zeroed();
                if libc::statfs(c.as_ptr(), &mut st) < 0 {
                    return Err(err("statfs", Some(path.as_path()), None));
                }
                // Node's StatFs fields: type, bsize, blocks, bfree, bavail, files, ffree.
                Ok(Out::Numbers(vec![
                    st.f_type as f64,
                    st.f_bsize as f64,
                    st.f_blocks as f64,
                    st.f_bfree as f64,
                    st.f_bavail as f64,
                    st.f_files as f64,
                    st.f_ffree as f64,
                ]))
            }
        }
    }
}

/// Write every byte (retrying partial writes, as Node's writeFile and streams need); the count.
unsafe fn write_all(fd: i32, ptr: *mut u8, len: usize, position: i64) -> Result<Out, OpError> {
    let mut done = 0usize;
    while done < len {
        // SAFETY: ptr..ptr+len is a live region (the caller's).
        let p = unsafe { ptr.add(done) } as *const libc::c_void;
        let n = retry(|| unsafe {
            if position >= 0 {
                libc::pwrite(fd, p, len - done, position + done as i64)
            } else {
                libc::write(fd, p, len - done)
            }
        });
        if n < 0 {
            return Err(err("write", None, None));
        }
        if n == 0 {
            break;
        }
        done += n as usize;
    }
    Ok(Out::Number(done as f64))
}

fn regions(scope: &mut v8::PinScope, value: v8::Local<v8::Value>) -> Vec<Region> {
    let Ok(arr) = v8::Local::<v8::Array>::try_from(value) else {
        return Vec::new();
    };
    (0..arr.length())
        .filter_map(|i| arr.get_index(scope, i))
        .filter_map(|v| v8::Local::<v8::ArrayBufferView>::try_from(v).ok())
        .filter_map(|view| Region::of_view(view, 0, usize::MAX))
        .collect()
}

/// Reads the arguments of the descriptor operation `name` (validated by fs.js), from index 1.
pub(crate) fn parse(
    scope: &mut v8::PinScope,
    name: &str,
    args: &v8::FunctionCallbackArguments,
) -> Option<FdOp> {
    let s = |scope: &mut v8::PinScope, i: i32| args.get(i).to_rust_string_lossy(scope);
    let p = |scope: &mut v8::PinScope, i: i32| crate::fs_path::path_arg(scope, args.get(i));
    let int = |scope: &mut v8::PinScope, i: i32| args.get(i).int32_value(scope).unwrap_or(-1);
    let u32_ = |scope: &mut v8::PinScope, i: i32| args.get(i).uint32_value(scope).unwrap_or(0);
    let num = |scope: &mut v8::PinScope, i: i32| args.get(i).number_value(scope).unwrap_or(0.0);
    // A position: a number ≥ 0, or -1 (null/undefined in JS) for "the current offset".
    let pos = |scope: &mut v8::PinScope, i: i32| {
        let v = args.get(i);
        if v.is_null_or_undefined() {
            return -1;
        }
        if let Ok(big) = v8::Local::<v8::BigInt>::try_from(v) {
            let (n, lossless) = big.i64_value();
            return if lossless && n >= 0 { n } else { -1 };
        }
        let n = v.number_value(scope).unwrap_or(-1.0);
        if n.is_finite() && n >= 0.0 {
            n as i64
        } else {
            -1
        }
    };
    let view = |i: i32| v8::Local::<v8::ArrayBufferView>::try_from(args.get(i)).ok();
    Some(match name {
        "open" => FdOp::Open {
            path: p(scope, 1),
            flags: int(scope, 2),
            mode: u32_(scope, 3),
        },
        "close" => FdOp::Close { fd: int(scope, 1) },
        "read" | "write" => {
            let fd = int(scope, 1);
            let offset = num(scope, 3).max(0.0) as usize;
            let length = num(scope, 4).max(0.0) as usize;
            let buf = Region::of_view(view(2)?, offset, length)?;
            let position = pos(scope, 5);
            if name == "read" {
                FdOp::Read { fd, buf, position }
            } else {
                FdOp::Write { fd, buf, position }
            }
        }
        "writeString" => FdOp::WriteString {
            fd: int(scope, 1),
            data: s(scope, 2).into_bytes(),
            position: pos(scope, 3),
        },
        "readv" | "readvRegular" | "writev" => {
            let fd = int(scope, 1);
            let bufs = regions(scope, args.get(2));
            let position = pos(scope, 3);
            if name == "writev" {
                FdOp::Writev { fd, bufs, position }
            } else {
                FdOp::Readv {
                    fd,
                    bufs,
                    position,
                    regular_only: name == "readvRegular",
                }
            }
        }
        "fstat" => FdOp::Fstat { fd: int(scope, 1) },
        "statBigInt" | "lstatBigInt" => FdOp::StatExact {
            path: Some(p(scope, 1)),
            fd: -1,
            follow: name == "statBigInt",
        },
        "fstatBigInt" => FdOp::StatExact {
            path: None,
            fd: int(scope, 1),
            follow: true,
        },
        "ftruncate" => FdOp::Ftruncate {
            fd: int(scope, 1),
            len: num(scope, 2).max(0.0) as i64,
        },
        "truncate" => FdOp::Truncate {
            path: p(scope, 1),
            len: num(scope, 2).max(0.0) as i64,
        },
        "fsync" => FdOp::Fsync { fd: int(scope, 1) },
        "fdatasync" => FdOp::Fdatasync { fd: int(scope, 1) },
        "fchmod" => FdOp::Fchmod {
            fd: int(scope, 1),
            mode: u32_(scope, 2),
        },
        "chmod" => FdOp::Chmod {
            path: p(scope, 1),
            mode: u32_(scope, 2),
        },
        "fchown" => FdOp::Fchown {
            fd: int(scope, 1),
            uid: u32_(scope, 2),
            gid: u32_(scope, 3),
        },
        "chown" | "lchown" => FdOp::Chown {
            path: p(scope, 1),
            uid: u32_(scope, 2),
            gid: u32_(scope, 3),
            nofollow: name == "lchown",
        },
        "futimes" => FdOp::Futimes {
            fd: int(scope, 1),
            atime: num(scope, 2),
            mtime: num(scope, 3),
        },
        "utimes" | "lutimes" => FdOp::Utimes {
            path: p(scope, 1),
            atime: num(scope, 2),
            mtime: num(scope, 3),
            nofollow: name == "lutimes",
        },
        "symlink" => FdOp::Symlink {
            target: p(scope, 1),
            path: p(scope, 2),
        },
        "readlink" => FdOp::Readlink { path: p(scope, 1) },
        "link" => FdOp::Link {
            from: p(scope, 1),
            to: p(scope, 2),
        },
        "statfs" => FdOp::Statfs { path: p(scope, 1) },
        _ => return None,
    })
}
