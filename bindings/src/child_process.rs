//! `binding.child_process`: starting programs. `spawn` runs a child with its stdio as pipes
//! (registered as net socket handles, so node:child_process hands out `net.Socket`s as Node
//! does), inherited or ignored descriptors, and watches its exit through a pidfd in the poll
//! phase: one handle per child, no thread. `spawnSync` runs a child to completion on the
//! calling thread, feeding `input` and collecting its output with a timeout and a size limit.

use std::cell::RefCell;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Command, Stdio};
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use eddy_runtime::mio::unix::SourceFd;
use eddy_runtime::mio::{Interest, Token};
use eddy_runtime::{
    Handle, NativeModule, Ready, call_function, close_handle, handle, js_string, mio, open_handle,
    registry, set_fn, set_handle_active, set_handle_ref, set_value, submit, v8,
};

use crate::net::{Stream, adopt_stream};

pub const MODULE: NativeModule = NativeModule {
    name: "child_process",
    init,
};

fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "spawn", spawn);
    set_fn(scope, target, "spawnSync", spawn_sync);
    set_fn(scope, target, "setRef", set_ref);
}

// ===== options =====

/// What each stdio slot is, from JS: `'pipe'`, `'ignore'`, `'inherit'`, `'ipc'` or a
/// descriptor number.
enum Slot {
    Pipe,
    Ignore,
    Inherit,
    Fd(i32),
    /// The IPC channel: a Unix socket pair whose parent end reads passed descriptors.
    Ipc,
}

struct SpawnOptions {
    file: String,
    args: Vec<String>,
    env: Option<Vec<(String, String)>>,
    cwd: Option<String>,
    stdio: Vec<Slot>,
    detached: bool,
    uid: Option<u32>,
    gid: Option<u32>,
}

fn get<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    obj: v8::Local<'s, v8::Object>,
    key: &str,
) -> v8::Local<'s, v8::Value> {
    let k = js_string(scope, key);
    obj.get(scope, k.into())
        .unwrap_or_else(|| v8::undefined(scope).into())
}

fn strings(scope: &mut v8::PinScope, value: v8::Local<v8::Value>) -> Vec<String> {
    let Ok(arr) = v8::Local::<v8::Array>::try_from(value) else {
        return Vec::new();
    };
    (0..arr.length())
        .filter_map(|i| arr.get_index(scope, i))
        .map(|v| v.to_rust_string_lossy(scope))
        .collect()
}

/// `{ file, args, envPairs, cwd, stdio, detached, uid, gid }` as node:child_process passes it.
fn read_options<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    value: v8::Local<v8::Value>,
) -> Option<SpawnOptions> {
    let obj = v8::Local::<v8::Object>::try_from(value).ok()?;
    // Re-rooted in this scope, so its properties' handles live as long as `scope`.
    let obj = v8::Local::new(scope, obj);
    let file = get(scope, obj, "file").to_rust_string_lossy(scope);
    let args = {
        let v = get(scope, obj, "args");
        strings(scope, v)
    };
    let env_value = get(scope, obj, "envPairs");
    let env = if env_value.is_array() {
        Some(
            strings(scope, env_value)
                .into_iter()
                .filter_map(|pair| {
                    let (k, v) = pair.split_once('=')?;
                    Some((k.to_string(), v.to_string()))
                })
                .collect(),
        )
    } else {
        None
    };
    let cwd_value = get(scope, obj, "cwd");
    let cwd = cwd_value
        .is_string()
        .then(|| cwd_value.to_rust_string_lossy(scope));
    let mut stdio = Vec::new();
    if let Ok(arr) = v8::Local::<v8::Array>::try_from(get(scope, obj, "stdio")) {
        for i in 0..arr.length() {
            let Some(item) = arr.get_index(scope, i) else {
                continue;
            };
            let slot = if item.is_number() {
                Slot::Fd(item.int32_value(scope).unwrap_or(-1))
            } else {
                match item.to_rust_string_lossy(scope).as_str() {
                    "pipe" | "overlapped" => Slot::Pipe,
                    "inherit" => Slot::Inherit,
                    "ipc" => Slot::Ipc,
                    _ => Slot::Ignore,
                }
            };
            stdio.push(slot);
        }
    }
    while stdio.len() < 3 {
        stdio.push(Slot::Ignore);
    }
    let detached = get(scope, obj, "detached").is_true();
    let uid_value = get(scope, obj, "uid");
    let uid = uid_value
        .is_number()
        .then(|| uid_value.uint32_value(scope).unwrap_or(0));
    let gid_value = get(scope, obj, "gid");
    let gid = gid_value
        .is_number()
        .then(|| gid_value.uint32_value(scope).unwrap_or(0));
    Some(SpawnOptions {
        file,
        args,
        env,
        cwd,
        stdio,
        detached,
        uid,
        gid,
    })
}

fn dup_cloexec(fd: i32, min: i32) -> std::io::Result<OwnedFd> {
    // SAFETY: F_DUPFD_CLOEXEC returns a new descriptor we own, or fails.
    let copy = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, min) };
    if copy < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(unsafe { OwnedFd::from_raw_fd(copy) })
}

/// A connected pair of Unix stream sockets (close-on-exec): (parent end, child end).
fn socket_pair() -> std::io::Result<(std::os::unix::net::UnixStream, OwnedFd)> {
    let (a, b) = std::os::unix::net::UnixStream::pair()?;
    Ok((a, OwnedFd::from(b)))
}

/// A spawn ready to go: the command, the parent's ends of the pipes made for slots that std's
/// stdin/stdout/stderr do not cover (IPC, and every slot past 2), and placeholders.
struct Plan {
    cmd: Command,
    /// (slot, parent end, is the IPC channel).
    extra: Vec<(usize, std::os::unix::net::UnixStream, bool)>,
    /// Child ends for slots past 2, kept open until the child has them.
    _child_ends: Vec<OwnedFd>,
    /// Descriptors held open so that std's own exec-error pipe cannot take a number a
    /// slot past 2 is dup2'd onto in the child.
    _placeholders: Vec<OwnedFd>,
}

/// `file` found on the child's PATH (execvp's search), when it names no directory. Handing std
/// an absolute path lets it use posix_spawn (a vfork) rather than fork, which costs a big
/// process like ours far more; a name not found is left for the spawn to report ENOENT.
fn resolve_program(file: &str, env: Option<&[(String, String)]>) -> std::path::PathBuf {
    if file.contains('/') || file.is_empty() {
        return file.into();
    }
    let path = match env {
        Some(env) => env
            .iter()
            .find(|(k, _)| k == "PATH")
            .map(|(_, v)| v.clone()),
        None => std::env::var("PATH").ok(),
    }
    .unwrap_or_else(|| "/usr/local/bin:/usr/bin:/bin".to_string());
    for dir in path.split(':') {
        let dir = if dir.is_empty() { "." } else { dir };
        let candidate = std::path::Path::new(dir).join(file);
        let Ok(c) = std::ffi::CString::new(candidate.as_os_str().as_encoded_bytes()) else {
            continue;
        };
        // SAFETY: access(2) with a NUL-terminated path.
        if candidate.is_file() && unsafe { libc::access(c.as_ptr(), libc::X_OK) } == 0 {
            return candidate;
        }
    }
    file.into()
}

fn command(opts: &SpawnOptions) -> std::io::Result<Plan> {
    let mut cmd = Command::new(resolve_program(&opts.file, opts.env.as_deref()));
    if let Some((first, rest)) = opts.args.split_first() {
        cmd.arg0(first);
        cmd.args(rest);
    }
    if let Some(env) = &opts.env {
        cmd.env_clear();
        cmd.envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    }
    if let Some(cwd) = &opts.cwd {
        cmd.current_dir(cwd);
    }
    let mut extra = Vec::new();
    // The child's side of each slot: Ok(None) leaves it closed in the child.
    let mut child_fd = |i: usize, slot: &Slot| -> std::io::Result<Option<OwnedFd>> {
        Ok(match slot {
            Slot::Ignore if i > 2 => None,
            Slot::Ignore => Some(OwnedFd::from(
                std::fs::File::options()
                    .read(i == 0)
                    .write(i != 0)
                    .open("/dev/null")?,
            )),
            Slot::Inherit if i > 2 => dup_cloexec(i as i32, 0).ok(),
            Slot::Inherit => Some(dup_cloexec(i as i32, 0)?),
            Slot::Fd(fd) => Some(dup_cloexec(*fd, 0)?),
            // (std makes the pipes of stdin/stdout/stderr; this is slots past 2, and IPC.)
            Slot::Pipe | Slot::Ipc => {
                let (parent, child) = socket_pair()?;
                extra.push((i, parent, matches!(slot, Slot::Ipc)));
                Some(child)
            }
        })
    };
    let mut stdio: Vec<Stdio> = Vec::new();
    for (i, slot) in opts.stdio.iter().take(3).enumerate() {
        stdio.push(match slot {
            Slot::Pipe => Stdio::piped(),
            Slot::Inherit => Stdio::inherit(),
            other => match child_fd(i, other)? {
                Some(fd) => Stdio::from(fd),
                None => Stdio::null(),
            },
        });
    }
    let mut stdio = stdio.into_iter();
    cmd.stdin(stdio.next().unwrap_or_else(Stdio::null));
    cmd.stdout(stdio.next().unwrap_or_else(Stdio::null));
    cmd.stderr(stdio.next().unwrap_or_else(Stdio::null));

    // Slots past 2: copies numbered above every target, so no dup2 below clobbers another.
    let top = opts.stdio.len() as i32;
    let mut child_ends = Vec::new();
    let mut moves: Vec<(i32, i32)> = Vec::new();
    for (i, slot) in opts.stdio.iter().enumerate().skip(3) {
        if let Some(fd) = child_fd(i, slot)? {
            let high = dup_cloexec(fd.as_raw_fd(), top)?;
            moves.push((high.as_raw_fd(), i as i32));
            child_ends.push(high);
        }
    }
    let mut placeholders = Vec::new();
    if !moves.is_empty() {
        for target in 3..top {
            // SAFETY: F_GETFD only asks whether the descriptor is open.
            if unsafe { libc::fcntl(target, libc::F_GETFD) } < 0 {
                let f = std::fs::File::open("/dev/null")?;
                placeholders.push(OwnedFd::from(f));
            }
        }
    }
    if let Some(uid) = opts.uid {
        cmd.uid(uid);
    }
    if let Some(gid) = opts.gid {
        cmd.gid(gid);
    }
    let detached = opts.detached;
    // A descriptor of ours given as stdin/stdout/stderr may be a non-blocking socket.
    let given_fd = opts.stdio.iter().take(3).any(|s| matches!(s, Slot::Fd(_)));
    // Without a hook std can use posix_spawn, which is much cheaper than fork for a big process.
    if !(detached || given_fd || !moves.is_empty()) {
        return Ok(Plan {
            cmd,
            extra,
            _child_ends: child_ends,
            _placeholders: placeholders,
        });
    }
    // SAFETY: setsid, dup2 and fcntl are async-signal-safe, as a pre_exec hook must be; dup2
    // clears close-on-exec on the target, so exactly the slots reach the program.
    unsafe {
        cmd.pre_exec(move || {
            if detached && libc::setsid() < 0 {
                return Err(std::io::Error::last_os_error());
            }
            for &(from, to) in &moves {
                if libc::dup2(from, to) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
            }
            // A stream of ours handed over as stdin/stdout/stderr is non-blocking; programs
            // expect blocking standard descriptors (libuv clears the flag the same way).
            for fd in 0..3 {
                let flags = libc::fcntl(fd, libc::F_GETFL);
                if flags >= 0 && flags & libc::O_NONBLOCK != 0 {
                    libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK);
                }
            }
            Ok(())
        });
    }
    Ok(Plan {
        cmd,
        extra,
        _child_ends: child_ends,
        _placeholders: placeholders,
    })
}

fn errno_of(e: &std::io::Error) -> i32 {
    e.raw_os_error().unwrap_or(libc::EIO)
}

// ===== impl ChildWatch =====

/// Watches one child's exit through its pidfd; calls `onexit(status, signal)` once, then
/// `onclose()` in the close phase, when the handle is gone (Node lists the ChildProcess in
/// process._getActiveHandles() until then).
struct ChildWatch {
    token: usize,
    pid: i32,
    pidfd: RefCell<Option<OwnedFd>>,
    onexit: RefCell<Option<v8::Global<v8::Function>>>,
    onclose: RefCell<Option<v8::Global<v8::Function>>>,
}

/// Calls `cb()` if there is one.
fn call_optional(scope: &mut v8::PinScope, cb: Option<v8::Global<v8::Function>>) {
    if let Some(cb) = cb {
        let cb = v8::Local::new(scope, cb);
        call_function(scope, cb, &[]);
    }
}

impl ChildWatch {
    /// Reap the child if it has exited: (exit code, signal number).
    fn reap(&self) -> Option<(i32, i32)> {
        let mut status = 0;
        // SAFETY: waitpid on our own child with a valid out-pointer.
        let r = unsafe { libc::waitpid(self.pid, &mut status, libc::WNOHANG) };
        if r != self.pid {
            return None;
        }
        let st = std::process::ExitStatus::from_raw(status);
        Some((st.code().unwrap_or(0), st.signal().unwrap_or(0)))
    }
}

impl Handle for ChildWatch {
    fn ready(self: Rc<Self>, scope: &mut v8::PinScope, _ready: Ready) {
        let Some((code, signal)) = self.reap() else {
            return;
        };
        if let Some(fd) = self.pidfd.borrow_mut().take() {
            let _ = registry(scope).deregister(&mut SourceFd(&fd.as_raw_fd()));
        }
        let cb = self.onexit.borrow_mut().take();
        let onclose = self.onclose.borrow_mut().take();
        close_handle(scope, self.token, move |scope| {
            call_optional(scope, onclose)
        });
        if let Some(cb) = cb {
            let cb = v8::Local::new(scope, cb);
            let code = v8::Integer::new(scope, code).into();
            let signal = v8::Integer::new(scope, signal).into();
            call_function(scope, cb, &[code, signal]);
        }
    }
}

fn pidfd_open(pid: i32) -> std::io::Result<OwnedFd> {
    // SAFETY: pidfd_open(2) takes a pid and flags; a non-negative result is a new descriptor.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) };
    if fd < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(unsafe { OwnedFd::from_raw_fd(fd as i32) })
}

fn set_errno<'s>(scope: &mut v8::PinScope<'s, '_>, obj: v8::Local<'s, v8::Object>, errno: i32) {
    let v = v8::Integer::new(scope, -errno);
    set_value(scope, obj, "errno", v.into());
}

/// `spawn(options, onexit, onclose)` → `{ pid, watch, stdio: [token | null, …] }` or
/// `{ errno }`.
fn spawn(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let result = v8::Object::new(scope);
    let Some(opts) = read_options(scope, args.get(0)) else {
        set_errno(scope, result, libc::EINVAL);
        rv.set(result.into());
        return;
    };
    let onexit = v8::Local::<v8::Function>::try_from(args.get(1))
        .ok()
        .map(|f| v8::Global::new(scope, f));
    let onclose = v8::Local::<v8::Function>::try_from(args.get(2))
        .ok()
        .map(|f| v8::Global::new(scope, f));
    let mut plan = match command(&opts) {
        Ok(plan) => plan,
        Err(e) => {
            set_errno(scope, result, errno_of(&e));
            rv.set(result.into());
            return;
        }
    };
    let spawned = plan.cmd.spawn();
    // The child has its ends now (or never will): ours close here.
    let extra = std::mem::take(&mut plan.extra);
    drop(plan);
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) => {
            set_errno(scope, result, errno_of(&e));
            rv.set(result.into());
            return;
        }
    };
    let pid = child.id() as i32;
    let pid_value = v8::Integer::new(scope, pid);
    set_value(scope, result, "pid", pid_value.into());

    // The pipes become socket handles of the poll phase.
    let mut tokens: Vec<v8::Local<v8::Value>> = Vec::new();
    let stdin = child
        .stdin
        .take()
        .map(|s| Stream::PipeOut(mio::unix::pipe::Sender::from(s)));
    let stdout = child
        .stdout
        .take()
        .map(|s| Stream::PipeIn(mio::unix::pipe::Receiver::from(s)));
    let stderr = child
        .stderr
        .take()
        .map(|s| Stream::PipeIn(mio::unix::pipe::Receiver::from(s)));
    for stream in [stdin, stdout, stderr] {
        let value: v8::Local<v8::Value> = match stream {
            Some(stream) => {
                let nonblocking = match &stream {
                    Stream::PipeIn(r) => r.set_nonblocking(true),
                    Stream::PipeOut(w) => w.set_nonblocking(true),
                    _ => Ok(()),
                };
                match nonblocking
                    .map_err(|e| -errno_of(&e))
                    .and_then(|_| adopt_stream(scope, stream, false))
                {
                    Ok(token) => v8::Number::new(scope, token as f64).into(),
                    Err(_) => v8::null(scope).into(),
                }
            }
            None => v8::null(scope).into(),
        };
        tokens.push(value);
    }
    for (i, parent, ipc) in extra {
        while tokens.len() <= i {
            tokens.push(v8::null(scope).into());
        }
        let stream = parent
            .set_nonblocking(true)
            .map(|_| Stream::Unix(mio::net::UnixStream::from_std(parent)));
        let token = stream
            .map_err(|e| -errno_of(&e))
            .and_then(|stream| adopt_stream(scope, stream, false));
        tokens[i] = match token {
            Ok(token) => {
                if ipc && let Some(socket) = handle::<crate::net::Socket>(scope, token) {
                    socket.state.borrow_mut().ipc = true;
                }
                v8::Number::new(scope, token as f64).into()
            }
            Err(_) => v8::null(scope).into(),
        };
    }
    let stdio = v8::Array::new_with_elements(scope, &tokens);
    set_value(scope, result, "stdio", stdio.into());

    // The exit, through a pidfd in the poll phase.
    let watch = open_handle(scope, |token| ChildWatch {
        token: token.0,
        pid,
        pidfd: RefCell::new(None),
        onexit: RefCell::new(onexit),
        onclose: RefCell::new(onclose),
    });
    let registered = pidfd_open(pid).and_then(|fd| {
        registry(scope).register(
            &mut SourceFd(&fd.as_raw_fd()),
            Token(watch.token),
            Interest::READABLE,
        )?;
        *watch.pidfd.borrow_mut() = Some(fd);
        Ok(())
    });
    match registered {
        Ok(()) => {
            set_handle_active(scope, watch.token, true);
            let t = v8::Number::new(scope, watch.token as f64);
            set_value(scope, result, "watch", t.into());
        }
        Err(_) => {
            // No pidfd (a kernel before 5.3): a pool job waits for the exit instead. It keeps
            // the loop alive like a ref'd child (unref() cannot release it).
            close_handle(scope, watch.token, |_| {});
            let onexit = watch.onexit.borrow_mut().take();
            let onclose = watch.onclose.borrow_mut().take();
            submit(
                scope,
                move || {
                    let mut status = 0;
                    // SAFETY: a blocking waitpid on our own child, on a pool thread.
                    unsafe { libc::waitpid(pid, &mut status, 0) };
                    status
                },
                move |scope, status| {
                    let st = std::process::ExitStatus::from_raw(status.unwrap_or(0));
                    if let Some(cb) = onexit {
                        let cb = v8::Local::new(scope, cb);
                        let code = v8::Integer::new(scope, st.code().unwrap_or(0)).into();
                        let signal = v8::Integer::new(scope, st.signal().unwrap_or(0)).into();
                        call_function(scope, cb, &[code, signal]);
                    }
                    call_optional(scope, onclose);
                },
            );
        }
    }
    // Dropping std's Child neither waits nor kills; the exit is reaped by the watcher above.
    drop(child);
    rv.set(result.into());
}

/// `setRef(watchToken, ref)`: `child.ref()` / `child.unref()`.
fn set_ref(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let token = args.get(0).number_value(scope).unwrap_or(0.0) as usize;
    let on = args.get(1).is_true();
    if handle::<ChildWatch>(scope, token).is_some() {
        set_handle_ref(scope, token, on);
    }
}

// ===== spawnSync =====

/// `spawnSync(options, input | null, timeoutMs, maxBuffer, killSignal)` →
/// `{ pid, status, signal, output: [Uint8Array | undefined, …], errno?, timedOut?, overflow? }`,
/// with one `output` entry per stdio slot (what the child wrote to each pipe it was given).
fn spawn_sync(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    // Held socket writes go out first: the loop waits on the child, and so might a peer.
    eddy_runtime::flush_held_writes(scope);
    let result = v8::Object::new(scope);
    let Some(opts) = read_options(scope, args.get(0)) else {
        let v = v8::Integer::new(scope, -libc::EINVAL);
        set_value(scope, result, "errno", v.into());
        rv.set(result.into());
        return;
    };
    let input = v8::Local::<v8::ArrayBufferView>::try_from(args.get(1))
        .ok()
        .map(|view| {
            let mut buf = vec![0u8; view.byte_length()];
            let n = view.copy_contents(&mut buf);
            buf.truncate(n);
            buf
        });
    let timeout = args.get(2).number_value(scope).unwrap_or(0.0);
    let max_buffer = args.get(3).number_value(scope).unwrap_or(f64::INFINITY);
    let kill_signal = args.get(4).int32_value(scope).unwrap_or(libc::SIGTERM);
    let outcome = run_sync(&opts, input, timeout, max_buffer, kill_signal);
    match outcome {
        Err(e) => {
            let v = v8::Integer::new(scope, -errno_of(&e));
            set_value(scope, result, "errno", v.into());
        }
        Ok(done) => {
            let fields: [(&str, v8::Local<v8::Value>); 3] = [
                ("pid", v8::Integer::new(scope, done.pid).into()),
                ("status", v8::Integer::new(scope, done.status).into()),
                ("signal", v8::Integer::new(scope, done.signal).into()),
            ];
            for (k, v) in fields {
                set_value(scope, result, k, v);
            }
            let outputs: Vec<v8::Local<v8::Value>> = done
                .outputs
                .into_iter()
                .map(|bytes| match bytes {
                    Some(bytes) => crate::fs::bytes_to_js(scope, bytes),
                    None => v8::undefined(scope).into(),
                })
                .collect();
            let output = v8::Array::new_with_elements(scope, &outputs);
            set_value(scope, result, "output", output.into());
            if done.timed_out {
                let v = v8::Boolean::new(scope, true);
                set_value(scope, result, "timedOut", v.into());
            }
            if done.overflow {
                let v = v8::Boolean::new(scope, true);
                set_value(scope, result, "overflow", v.into());
            }
        }
    }
    rv.set(result.into());
}

struct SyncDone {
    pid: i32,
    status: i32,
    signal: i32,
    /// Per stdio slot: what the child wrote, for the slots that were pipes out of it.
    outputs: Vec<Option<Vec<u8>>>,
    timed_out: bool,
    overflow: bool,
}

/// What the drain threads of one spawnSync share: the bytes read from all pipes together
/// (Node's `maxBuffer` bounds their sum) and whether that passed the limit.
struct Budget {
    limit: usize,
    total: AtomicUsize,
    overflow: AtomicBool,
    pid: i32,
    kill_signal: i32,
}

/// Read `pipe` to its end on a thread of its own, so no pipe of the child can fill up while
/// we wait on another.
fn drain(mut pipe: Box<dyn Read + Send>, budget: Arc<Budget>) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut out = Vec::new();
        let mut buf = [0u8; 65536];
        loop {
            match pipe.read(&mut buf) {
                Ok(0) => break,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break,
                Ok(n) => {
                    out.extend_from_slice(&buf[..n]);
                    let total = budget.total.fetch_add(n, Ordering::SeqCst) + n;
                    // Past the limit: keep what was read (Node keeps the whole chunk too)
                    // and stop the child with its kill signal.
                    if total > budget.limit {
                        if !budget.overflow.swap(true, Ordering::SeqCst) {
                            // SAFETY: signalling our own child.
                            unsafe { libc::kill(budget.pid, budget.kill_signal) };
                        }
                        break;
                    }
                }
            }
        }
        out
    })
}

fn run_sync(
    opts: &SpawnOptions,
    input: Option<Vec<u8>>,
    timeout_ms: f64,
    max_buffer: f64,
    kill_signal: i32,
) -> std::io::Result<SyncDone> {
    let mut plan = command(opts)?;
    let mut child = plan.cmd.spawn()?;
    // The child has its ends; ours of the slots past 2 are read below.
    let extra = std::mem::take(&mut plan.extra);
    drop(plan);
    let pid = child.id() as i32;
    // Feed and drain on helper threads, so a child that writes a lot while we write its input
    // cannot deadlock us; they end when the pipes close.
    let writer = child.stdin.take().map(|mut stdin| {
        std::thread::spawn(move || {
            if let Some(input) = input {
                let _ = stdin.write_all(&input);
            }
        })
    });
    let limit = if max_buffer.is_finite() && max_buffer >= 0.0 {
        max_buffer as usize
    } else {
        usize::MAX
    };
    let budget = Arc::new(Budget {
        limit,
        total: AtomicUsize::new(0),
        overflow: AtomicBool::new(false),
        pid,
        kill_signal,
    });
    let mut readers: Vec<(usize, std::thread::JoinHandle<Vec<u8>>)> = Vec::new();
    if let Some(s) = child.stdout.take() {
        readers.push((1, drain(Box::new(s), budget.clone())));
    }
    if let Some(s) = child.stderr.take() {
        readers.push((2, drain(Box::new(s), budget.clone())));
    }
    for (i, parent, _ipc) in extra {
        // Our end of a socket pair: the child may write it, and never gets our input.
        let _ = parent.shutdown(std::net::Shutdown::Write);
        readers.push((i, drain(Box::new(parent), budget.clone())));
    }
    let deadline =
        (timeout_ms > 0.0).then(|| Instant::now() + Duration::from_millis(timeout_ms as u64));
    let mut timed_out = false;
    // The exit wakes a poll on the child's pidfd; without one (old kernels), a short sleep.
    let pidfd = pidfd_open(pid).ok();
    let status = loop {
        if let Some(st) = child.try_wait()? {
            break st;
        }
        let now = Instant::now();
        if let Some(d) = deadline
            && now >= d
            && !timed_out
        {
            timed_out = true;
            // SAFETY: signalling our own child.
            unsafe { libc::kill(pid, kill_signal) };
        }
        let wait_ms = match deadline {
            Some(d) if !timed_out => (d - now).as_millis().min(1000) as i32 + 1,
            _ => 1000,
        };
        match &pidfd {
            Some(fd) => {
                let mut pfd = libc::pollfd {
                    fd: fd.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one pollfd, valid for the call.
                unsafe { libc::poll(&mut pfd, 1, wait_ms) };
            }
            None => std::thread::sleep(Duration::from_millis(2)),
        }
    };
    if let Some(w) = writer {
        let _ = w.join();
    }
    let mut outputs: Vec<Option<Vec<u8>>> = vec![None; opts.stdio.len()];
    for (i, reader) in readers {
        if i < outputs.len() {
            outputs[i] = Some(reader.join().unwrap_or_default());
        }
    }
    Ok(SyncDone {
        pid,
        status: status.code().unwrap_or(0),
        signal: status.signal().unwrap_or(0),
        outputs,
        timed_out,
        overflow: budget.overflow.load(Ordering::SeqCst),
    })
}
