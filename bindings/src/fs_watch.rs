//! `fs.watch` on inotify: one inotify descriptor per watcher, registered with the poll phase,
//! so events arrive as I/O callbacks of the loop (no thread per watcher). A recursive watcher
//! adds a watch for every directory below the root, and for directories created later.
//!
//! Events map to Node's two kinds as libuv maps them: attribute or content changes are
//! `'change'`; creation, deletion and moves are `'rename'`. The filename is the entry's path
//! relative to the watched directory (the watched file's own name when a file is watched).

use std::cell::RefCell;
use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use eddy_runtime::mio::unix::SourceFd;
use eddy_runtime::mio::{Interest, Token};
use eddy_runtime::{
    Handle, Ready, call_function, close_handle, handle, js_string, open_handle, registry, set_fn,
    set_handle_active, set_handle_ref, v8,
};

pub(crate) fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "watch", watch);
    set_fn(scope, target, "watchClose", watch_close);
    set_fn(scope, target, "watchRef", watch_ref);
}

const MASK: u32 = libc::IN_ATTRIB
    | libc::IN_CREATE
    | libc::IN_MODIFY
    | libc::IN_DELETE
    | libc::IN_DELETE_SELF
    | libc::IN_MOVE_SELF
    | libc::IN_MOVED_FROM
    | libc::IN_MOVED_TO;

struct Watcher {
    token: usize,
    fd: RefCell<Option<OwnedFd>>,
    callback: RefCell<Option<v8::Global<v8::Function>>>,
    /// watch descriptor → its directory relative to the root ("" for the root itself).
    dirs: RefCell<HashMap<i32, PathBuf>>,
    root: PathBuf,
    recursive: bool,
    /// Filenames go to JS as raw bytes (`encoding: 'buffer'`), else as strings.
    as_bytes: bool,
}

fn add_watch(fd: i32, path: &Path) -> std::io::Result<i32> {
    let c = crate::fs_path::c_path(path)
        .ok_or_else(|| std::io::Error::from_raw_os_error(libc::EINVAL))?;
    // SAFETY: a valid inotify descriptor and a NUL-terminated path.
    let wd = unsafe { libc::inotify_add_watch(fd, c.as_ptr(), MASK) };
    if wd < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(wd)
}

impl Watcher {
    /// Watch every directory under `dir` (relative name `rel`), for a recursive watcher.
    fn add_tree(&self, fd: i32, dir: &Path, rel: &Path) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            if !entry.file_type().is_ok_and(|t| t.is_dir()) {
                continue;
            }
            let name = entry.file_name();
            let child_rel = rel.join(&name);
            let child = dir.join(&name);
            if let Ok(wd) = add_watch(fd, &child) {
                self.dirs.borrow_mut().insert(wd, child_rel.clone());
            }
            self.add_tree(fd, &child, &child_rel);
        }
    }

    fn emit(&self, scope: &mut v8::PinScope, kind: &str, filename: &OsStr) {
        let cb = self.callback.borrow().clone();
        if let Some(cb) = cb {
            let cb = v8::Local::new(scope, cb);
            let k = js_string(scope, kind).into();
            let f = crate::fs_path::name_to_js(scope, filename, self.as_bytes);
            call_function(scope, cb, &[k, f]);
        }
    }
}

impl Handle for Watcher {
    fn ready(self: Rc<Self>, scope: &mut v8::PinScope, _ready: Ready) {
        let mut buf = [0u64; 1024];
        loop {
            let Some(fd) = self.fd.borrow().as_ref().map(|f| f.as_raw_fd()) else {
                return;
            };
            // SAFETY: reading into a buffer of its own size; u64s keep inotify_event aligned.
            let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), std::mem::size_of_val(&buf)) };
            if n <= 0 {
                return;
            }
            let bytes =
                unsafe { std::slice::from_raw_parts(buf.as_ptr() as *const u8, n as usize) };
            let mut events = Vec::new();
            let mut at = 0;
            let header = std::mem::size_of::<libc::inotify_event>();
            while at + header <= bytes.len() {
                // SAFETY: the kernel wrote whole events; read_unaligned copes with any offset.
                let ev: libc::inotify_event =
                    unsafe { std::ptr::read_unaligned(bytes[at..].as_ptr().cast()) };
                let name_bytes =
                    &bytes[at + header..(at + header + ev.len as usize).min(bytes.len())];
                // The kernel pads the name with NULs.
                let end = name_bytes
                    .iter()
                    .position(|&b| b == 0)
                    .unwrap_or(name_bytes.len());
                let name = OsString::from_vec(name_bytes[..end].to_vec());
                at += header + ev.len as usize;
                events.push((ev.wd, ev.mask, name));
            }
            for (wd, mask, name) in events {
                if mask & libc::IN_IGNORED != 0 {
                    self.dirs.borrow_mut().remove(&wd);
                    continue;
                }
                let Some(dir) = self.dirs.borrow().get(&wd).cloned() else {
                    continue;
                };
                let kind = if mask & (libc::IN_ATTRIB | libc::IN_MODIFY) != 0 {
                    "change"
                } else {
                    "rename"
                };
                let filename = if name.is_empty() {
                    // An event on the watched thing itself: Node names it by its basename.
                    self.root.file_name().map(PathBuf::from).unwrap_or_default()
                } else {
                    dir.join(&name)
                };
                if self.recursive && mask & libc::IN_CREATE != 0 && mask & libc::IN_ISDIR != 0 {
                    let full = self.root.join(&filename);
                    if let Ok(wd) = add_watch(fd, &full) {
                        self.dirs.borrow_mut().insert(wd, filename.clone());
                    }
                    self.add_tree(fd, &full, &filename);
                }
                self.emit(scope, kind, filename.as_os_str());
            }
        }
    }
}

/// `watch(path, recursive, persistent, onchange(eventType, filename), asBytes)` → token, or a
/// negative errno. The path is a string or a Buffer; filenames are Uint8Arrays when `asBytes`.
fn watch(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let path = crate::fs_path::path_arg(scope, args.get(0));
    let as_bytes = args.get(4).is_true();
    let recursive = args.get(1).is_true();
    let persistent = args.get(2).is_true();
    let Ok(cb) = v8::Local::<v8::Function>::try_from(args.get(3)) else {
        rv.set_int32(-libc::EINVAL);
        return;
    };
    // SAFETY: inotify_init1 returns a new descriptor or fails.
    let raw = unsafe { libc::inotify_init1(libc::IN_NONBLOCK | libc::IN_CLOEXEC) };
    if raw < 0 {
        rv.set_int32(
            -std::io::Error::last_os_error()
                .raw_os_error()
                .unwrap_or(libc::EIO),
        );
        return;
    }
    // SAFETY: a fresh descriptor we own.
    let fd = unsafe { OwnedFd::from_raw_fd(raw) };
    let root_wd = match add_watch(raw, &path) {
        Ok(wd) => wd,
        Err(e) => {
            rv.set_int32(-e.raw_os_error().unwrap_or(libc::EIO));
            return;
        }
    };
    let root_is_file = std::fs::metadata(&path).is_ok_and(|m| !m.is_dir());
    let cb = v8::Global::new(scope, cb);
    // Trailing slashes dropped ("/" stays), so the root's basename is its last component.
    let trimmed = path.as_os_str().as_bytes();
    let end = trimmed
        .iter()
        .rposition(|&b| b != b'/')
        .map_or(1.min(trimmed.len()), |i| i + 1);
    let root = PathBuf::from(OsStr::from_bytes(&trimmed[..end]));
    let watcher = open_handle(scope, |t| Watcher {
        token: t.0,
        fd: RefCell::new(None),
        callback: RefCell::new(Some(cb)),
        dirs: RefCell::new(HashMap::from([(root_wd, PathBuf::new())])),
        root: root.clone(),
        recursive: recursive && !root_is_file,
        as_bytes,
    });
    if watcher.recursive {
        watcher.add_tree(raw, &root, Path::new(""));
    }
    if let Err(e) = registry(scope).register(
        &mut SourceFd(&raw),
        Token(watcher.token),
        Interest::READABLE,
    ) {
        close_handle(scope, watcher.token, |_| {});
        rv.set_int32(-e.raw_os_error().unwrap_or(libc::EIO));
        return;
    }
    *watcher.fd.borrow_mut() = Some(fd);
    set_handle_active(scope, watcher.token, true);
    if !persistent {
        set_handle_ref(scope, watcher.token, false);
    }
    rv.set_double(watcher.token as f64);
}

/// `watchClose(token)`: stop watching (no callback follows).
fn watch_close(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let token = args.get(0).number_value(scope).unwrap_or(0.0) as usize;
    let Some(w) = handle::<Watcher>(scope, token) else {
        return;
    };
    if let Some(fd) = w.fd.borrow_mut().take() {
        let _ = registry(scope).deregister(&mut SourceFd(&fd.as_raw_fd()));
    }
    w.callback.borrow_mut().take();
    close_handle(scope, token, |_| {});
}

/// `watchRef(token, on)`: `watcher.ref()` / `unref()`.
fn watch_ref(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let token = args.get(0).number_value(scope).unwrap_or(0.0) as usize;
    let on = args.get(1).is_true();
    if handle::<Watcher>(scope, token).is_some() {
        set_handle_ref(scope, token, on);
    }
}
