//! `binding.process`: the OS side of the `process` object — standard stream writes, the
//! environment, working directory, ids, clocks and resource usage.

use std::io::Write;
use std::sync::OnceLock;
use std::time::Instant;

use eddy_runtime::{NativeModule, arg_string, js_string, set_fn, throw_io_error, v8};

pub const MODULE: NativeModule = NativeModule {
    name: "process",
    init,
};

/// When the process (well, this module) started: `process.uptime()` counts from here.
static START: OnceLock<Instant> = OnceLock::new();
/// [`START`] on the wall clock, in ms since the epoch: `performance.timeOrigin`, the same in
/// every thread of the process, as in Node.
static START_WALL_MS: OnceLock<f64> = OnceLock::new();

fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    let start = START.get_or_init(Instant::now);
    START_WALL_MS.get_or_init(|| {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs_f64() * 1e3)
            .unwrap_or(0.0);
        now - start.elapsed().as_secs_f64() * 1e3
    });
    set_fn(scope, target, "writeSync", write_sync);
    set_fn(scope, target, "isatty", isatty);
    set_fn(scope, target, "cwd", cwd);
    set_fn(scope, target, "chdir", chdir);
    set_fn(scope, target, "pid", pid);
    set_fn(scope, target, "setTitle", set_title);
    set_fn(scope, target, "ppid", ppid);
    set_fn(scope, target, "hrtimeNs", hrtime_ns);
    set_fn(scope, target, "uptime", uptime);
    set_fn(scope, target, "timeOrigin", time_origin);
    set_fn(scope, target, "memoryUsage", memory_usage);
    set_fn(scope, target, "rss", rss);
    set_fn(scope, target, "cpuUsage", cpu_usage);
    set_fn(scope, target, "getEnv", get_env);
    set_fn(scope, target, "setEnv", set_env);
    set_fn(scope, target, "unsetEnv", unset_env);
    set_fn(scope, target, "envKeys", env_keys);
    set_fn(scope, target, "versions", versions);
    set_fn(scope, target, "readStdin", read_stdin);
    set_fn(scope, target, "ids", ids);
    set_fn(scope, target, "groups", groups);
    set_fn(scope, target, "kill", kill);
    set_fn(scope, target, "umask", umask);
    set_fn(scope, target, "setCredential", set_credential);
    set_fn(scope, target, "setGroups", set_groups);
    set_fn(scope, target, "initGroups", init_groups);
    set_fn(scope, target, "resourceUsage", resource_usage);
    set_fn(scope, target, "rlimits", rlimits);
    set_fn(scope, target, "nativeStack", native_stack);
}

/// `writeSync(fd, data)`: write a string (as UTF-8) or a Uint8Array completely. Standard
/// streams are written synchronously, as Node does for files and pipes, so nothing is lost at
/// exit. A non-blocking descriptor (set by someone else) is waited on instead of failing.
fn write_sync(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    // Held socket writes go out before this write (see io.rs).
    eddy_runtime::flush_held_writes(scope);
    let fd = args.get(0).int32_value(scope).unwrap_or(-1);
    let data = args.get(1);
    let bytes: Vec<u8> = if let Ok(view) = v8::Local::<v8::ArrayBufferView>::try_from(data) {
        let mut buf = vec![0u8; view.byte_length()];
        view.copy_contents(&mut buf);
        buf
    } else {
        data.to_rust_string_lossy(scope).into_bytes()
    };
    match write_all_fd(fd, &bytes) {
        Ok(()) => rv.set_int32(bytes.len() as i32),
        Err(err) => throw_io_error(scope, &err, "write", None),
    }
}

fn write_all_fd(fd: i32, mut bytes: &[u8]) -> std::io::Result<()> {
    while !bytes.is_empty() {
        // SAFETY: plain write(2) on a caller-supplied descriptor with a valid buffer.
        let n = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
        if n >= 0 {
            bytes = &bytes[n as usize..];
            continue;
        }
        let err = std::io::Error::last_os_error();
        match err.kind() {
            std::io::ErrorKind::Interrupted => {}
            std::io::ErrorKind::WouldBlock => {
                let mut pfd = libc::pollfd {
                    fd,
                    events: libc::POLLOUT,
                    revents: 0,
                };
                // SAFETY: one valid pollfd.
                unsafe { libc::poll(&mut pfd, 1, -1) };
            }
            _ => return Err(err),
        }
    }
    if fd == 1 {
        let _ = std::io::stdout().flush();
    }
    Ok(())
}

fn isatty(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let fd = args.get(0).int32_value(scope).unwrap_or(-1);
    // SAFETY: isatty only inspects the descriptor.
    rv.set_bool(unsafe { libc::isatty(fd) } == 1);
}

fn cwd(scope: &mut v8::PinScope, _args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    match std::env::current_dir() {
        Ok(dir) => rv.set(js_string(scope, &dir.to_string_lossy()).into()),
        Err(err) => throw_io_error(scope, &err, "uv_cwd", None),
    }
}

fn chdir(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let Some(dir) = arg_string(scope, &args, 0, "directory") else {
        return;
    };
    if let Err(err) = std::env::set_current_dir(&dir) {
        // Node: "ENOENT: no such file or directory, chdir /cwd -> 'dir'"
        let from = std::env::current_dir()
            .map(|d| d.to_string_lossy().into_owned())
            .unwrap_or_default();
        let error = eddy_runtime::io_error(scope, &err, "chdir", Some(&from), Some(&dir));
        scope.throw_exception(error);
    }
}

fn pid(_scope: &mut v8::PinScope, _args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    rv.set_int32(std::process::id() as i32);
}

/// Where the kernel keeps the command line `ps` shows (/proc/PID/cmdline): the original argv
/// strings, `(address, length)` of their contiguous run. glibc calls `.init_array` functions
/// with (argc, argv, envp) before `main`; that is the only way to learn the address.
static ARGV_AREA: std::sync::Mutex<Option<(usize, usize)>> = std::sync::Mutex::new(None);

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[used]
#[unsafe(link_section = ".init_array")]
static CAPTURE_ARGV: extern "C" fn(
    libc::c_int,
    *const *const libc::c_char,
    *const *const libc::c_char,
) = capture_argv;

#[cfg(all(target_os = "linux", target_env = "gnu"))]
extern "C" fn capture_argv(
    argc: libc::c_int,
    argv: *const *const libc::c_char,
    _envp: *const *const libc::c_char,
) {
    if argc <= 0 || argv.is_null() {
        return;
    }
    // SAFETY: glibc passes the process's own argv: `argc` NUL-terminated strings that live as
    // long as the process.
    unsafe {
        let start = *argv;
        if start.is_null() {
            return;
        }
        let mut end = start.add(libc::strlen(start) + 1);
        for i in 1..argc as usize {
            let arg = *argv.add(i);
            if arg != end {
                break;
            }
            end = arg.add(libc::strlen(arg) + 1);
        }
        if let Ok(mut area) = ARGV_AREA.lock() {
            *area = Some((start as usize, end as usize - start as usize));
        }
    }
}

/// `setTitle(title)`: what `ps` shows for this process, as libuv sets it: the title over the
/// argv strings (cut to their length; Rust's std::env::args() reads them too, but only at
/// start-up here), and the thread name (`comm`, 15 bytes) through prctl.
fn set_title(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let Some(title) = arg_string(scope, &args, 0, "title") else {
        return;
    };
    let bytes = title.as_bytes();
    if let Ok(area) = ARGV_AREA.lock()
        && let Some((start, len)) = *area
        && len > 0
    {
        let n = bytes.len().min(len - 1);
        // SAFETY: [start, start + len) is the argv strings' memory (see capture_argv), which
        // the process owns and nothing else writes.
        unsafe {
            let dst = start as *mut u8;
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), dst, n);
            std::ptr::write_bytes(dst.add(n), 0, len - n);
        }
    }
    let mut name = [0u8; 16];
    let n = bytes.len().min(15);
    name[..n].copy_from_slice(&bytes[..n]);
    // SAFETY: PR_SET_NAME reads a NUL-terminated string of at most 16 bytes.
    unsafe {
        libc::prctl(libc::PR_SET_NAME, name.as_ptr());
    }
}

fn ppid(_scope: &mut v8::PinScope, _args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    // SAFETY: getppid cannot fail.
    rv.set_int32(unsafe { libc::getppid() });
}

/// Monotonic nanoseconds (CLOCK_MONOTONIC, like libuv's uv_hrtime) as a BigInt.
fn hrtime_ns(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: valid out-pointer.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    let ns = (ts.tv_sec as u64) * 1_000_000_000 + ts.tv_nsec as u64;
    rv.set(v8::BigInt::new_from_u64(scope, ns).into());
}

fn uptime(scope: &mut v8::PinScope, _args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let secs = START.get_or_init(Instant::now).elapsed().as_secs_f64();
    rv.set(v8::Number::new(scope, secs).into());
}

/// `timeOrigin()` → the wall-clock ms at which the process started.
fn time_origin(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let ms = START_WALL_MS.get().copied().unwrap_or(0.0);
    rv.set(v8::Number::new(scope, ms).into());
}

fn rss_bytes() -> f64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: f64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0.0);
    // SAFETY: sysconf has no preconditions.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as f64;
    pages * page
}

fn rss(scope: &mut v8::PinScope, _args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    rv.set(v8::Number::new(scope, rss_bytes()).into());
}

/// `[rss, heapTotal, heapUsed, external, arrayBuffers]`.
fn memory_usage(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let stats = scope.get_heap_statistics();
    let values = [
        rss_bytes(),
        stats.total_heap_size() as f64,
        stats.used_heap_size() as f64,
        stats.external_memory() as f64,
        0.0,
    ];
    let items: Vec<v8::Local<v8::Value>> = values
        .iter()
        .map(|v| v8::Number::new(scope, *v).into())
        .collect();
    rv.set(v8::Array::new_with_elements(scope, &items).into());
}

/// `[userMicros, systemMicros]` from getrusage(RUSAGE_SELF).
fn cpu_usage(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    // SAFETY: zeroed rusage is a valid out-buffer.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    let micros = |t: libc::timeval| t.tv_sec as f64 * 1e6 + t.tv_usec as f64;
    let items: Vec<v8::Local<v8::Value>> = [micros(usage.ru_utime), micros(usage.ru_stime)]
        .iter()
        .map(|v| v8::Number::new(scope, *v).into())
        .collect();
    rv.set(v8::Array::new_with_elements(scope, &items).into());
}

fn numbers<'s>(scope: &mut v8::PinScope<'s, '_>, values: &[f64]) -> v8::Local<'s, v8::Value> {
    let items: Vec<v8::Local<v8::Value>> = values
        .iter()
        .map(|v| v8::Number::new(scope, *v).into())
        .collect();
    v8::Array::new_with_elements(scope, &items).into()
}

/// `ids()` → `[uid, euid, gid, egid]`.
fn ids(scope: &mut v8::PinScope, _args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    // SAFETY: these getters cannot fail.
    let values = unsafe {
        [
            libc::getuid() as f64,
            libc::geteuid() as f64,
            libc::getgid() as f64,
            libc::getegid() as f64,
        ]
    };
    rv.set(numbers(scope, &values));
}

/// `groups()` → the supplementary group ids.
fn groups(scope: &mut v8::PinScope, _args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    // SAFETY: a zero-length call only returns the count; the second fills `list`.
    let count = unsafe { libc::getgroups(0, std::ptr::null_mut()) }.max(0) as usize;
    let mut list = vec![0 as libc::gid_t; count];
    let n = unsafe { libc::getgroups(count as i32, list.as_mut_ptr()) }.max(0) as usize;
    let values: Vec<f64> = list[..n].iter().map(|g| *g as f64).collect();
    rv.set(numbers(scope, &values));
}

/// `kill(pid, signal)` → 0, or the errno (the JS side builds Node's error).
fn kill(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let pid = args.get(0).int32_value(scope).unwrap_or(0);
    let signal = args.get(1).int32_value(scope).unwrap_or(libc::SIGTERM);
    // Writes held for the end of this poll phase go first: the signal may end this process.
    eddy_runtime::flush_held_writes(scope);
    // SAFETY: kill(2) takes plain integers.
    let result = unsafe { libc::kill(pid, signal) };
    let code = if result == 0 {
        0
    } else {
        std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
    };
    rv.set_int32(code);
}

/// `umask(mask)` sets the file mode creation mask and returns the old one; `umask(-1)` only
/// reads it (set and restored at once: umask(2) has no read-only form).
fn umask(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let mask = args.get(0).int32_value(scope).unwrap_or(-1);
    // SAFETY: umask(2) takes and returns a plain mode value.
    let old = unsafe {
        if mask < 0 {
            let old = libc::umask(0);
            libc::umask(old);
            old
        } else {
            libc::umask((mask & 0o777) as libc::mode_t)
        }
    };
    rv.set_int32(old as i32);
}

/// `resourceUsage(thread)` → getrusage(2) fields in the order process.resourceUsage() names
/// them: the process's, or with `thread` true the calling thread's (the diagnostic report's
/// uvthreadResourceUsage).
fn resource_usage(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let who = if args.get(0).is_true() {
        libc::RUSAGE_THREAD
    } else {
        libc::RUSAGE_SELF
    };
    // SAFETY: zeroed rusage is a valid out-buffer.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(who, &mut u) };
    let micros = |t: libc::timeval| t.tv_sec as f64 * 1e6 + t.tv_usec as f64;
    let values = [
        micros(u.ru_utime),
        micros(u.ru_stime),
        u.ru_maxrss as f64,
        u.ru_ixrss as f64,
        u.ru_idrss as f64,
        u.ru_isrss as f64,
        u.ru_minflt as f64,
        u.ru_majflt as f64,
        u.ru_nswap as f64,
        u.ru_inblock as f64,
        u.ru_oublock as f64,
        u.ru_msgsnd as f64,
        u.ru_msgrcv as f64,
        u.ru_nsignals as f64,
        u.ru_nvcsw as f64,
        u.ru_nivcsw as f64,
    ];
    rv.set(numbers(scope, &values));
}

fn get_env(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let key = args.get(0).to_rust_string_lossy(scope);
    if key.is_empty() || key.contains(['=', '\0']) {
        return;
    }
    if let Some(value) = std::env::var_os(&key) {
        rv.set(js_string(scope, &value.to_string_lossy()).into());
    }
}

fn set_env(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let key = args.get(0).to_rust_string_lossy(scope);
    let value = args.get(1).to_rust_string_lossy(scope);
    if key.is_empty() || key.contains(['=', '\0']) || value.contains('\0') {
        return;
    }
    let tz = key == "TZ";
    // SAFETY: JS runs on one thread; V8's helper threads do not read the environment.
    unsafe { std::env::set_var(key, value) };
    if tz {
        time_zone_changed(scope);
    }
}

/// `process.env.TZ` changed: libc and V8 (which caches the zone) pick the new one up, so
/// `new Date().toString()` follows at once, as in Node.
fn time_zone_changed(scope: &mut v8::PinScope) {
    unsafe extern "C" {
        fn tzset();
    }
    // SAFETY: tzset reads TZ, which only this thread writes.
    unsafe { tzset() };
    scope.date_time_configuration_change_notification(v8::TimeZoneDetection::Redetect);
}

fn unset_env(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let key = args.get(0).to_rust_string_lossy(scope);
    if key.is_empty() || key.contains(['=', '\0']) {
        return;
    }
    let tz = key == "TZ";
    // SAFETY: as in set_env.
    unsafe { std::env::remove_var(&key) };
    if tz {
        time_zone_changed(scope);
    }
}

/// A user or group named by number or name: the id, or None when no such name exists.
fn credential_id(
    scope: &mut v8::PinScope,
    value: v8::Local<v8::Value>,
    group: bool,
) -> Option<u32> {
    if value.is_number() {
        return value.uint32_value(scope);
    }
    let name = std::ffi::CString::new(value.to_rust_string_lossy(scope)).ok()?;
    let mut buf = vec![0u8; 16384];
    // SAFETY: the reentrant lookups write into our zeroed structs and `buf`; `result` is only
    // read when they succeed.
    unsafe {
        if group {
            let mut grp: libc::group = std::mem::zeroed();
            let mut result: *mut libc::group = std::ptr::null_mut();
            libc::getgrnam_r(
                name.as_ptr(),
                &mut grp,
                buf.as_mut_ptr().cast(),
                buf.len(),
                &mut result,
            );
            (!result.is_null()).then_some(grp.gr_gid)
        } else {
            let mut pwd: libc::passwd = std::mem::zeroed();
            let mut result: *mut libc::passwd = std::ptr::null_mut();
            libc::getpwnam_r(
                name.as_ptr(),
                &mut pwd,
                buf.as_mut_ptr().cast(),
                buf.len(),
                &mut result,
            );
            (!result.is_null()).then_some(pwd.pw_uid)
        }
    }
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(libc::EPERM)
}

/// `setCredential(kind, id)`, kind one of 'uid' | 'gid' | 'euid' | 'egid' and id a number or a
/// name → 0, a negative errno, or 1 when the name does not exist (ERR_UNKNOWN_CREDENTIAL).
fn set_credential(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let kind = args.get(0).to_rust_string_lossy(scope);
    let group = kind.ends_with("gid");
    let Some(id) = credential_id(scope, args.get(1), group) else {
        rv.set_int32(1);
        return;
    };
    // SAFETY: plain credential syscalls.
    let r = unsafe {
        match kind.as_str() {
            "uid" => libc::setuid(id),
            "gid" => libc::setgid(id),
            "euid" => libc::seteuid(id),
            _ => libc::setegid(id),
        }
    };
    rv.set_int32(if r < 0 { -last_errno() } else { 0 });
}

/// `setGroups([id | name, ...])` → 0, a negative errno, or `index + 1` of an unknown name.
fn set_groups(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Ok(list) = v8::Local::<v8::Array>::try_from(args.get(0)) else {
        rv.set_int32(-libc::EINVAL);
        return;
    };
    let mut ids = Vec::with_capacity(list.length() as usize);
    for i in 0..list.length() {
        let item = list
            .get_index(scope, i)
            .unwrap_or_else(|| v8::undefined(scope).into());
        match credential_id(scope, item, true) {
            Some(id) => ids.push(id),
            None => {
                rv.set_int32(i as i32 + 1);
                return;
            }
        }
    }
    // SAFETY: setgroups with a list of `ids.len()` group ids.
    let r = unsafe { libc::setgroups(ids.len(), ids.as_ptr()) };
    rv.set_int32(if r < 0 { -last_errno() } else { 0 });
}

/// `initGroups(user, extraGroup)` → 0, a negative errno, 1 for an unknown user, 2 for an
/// unknown group.
fn init_groups(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let user = args.get(0);
    let name = if user.is_number() {
        let uid = user.uint32_value(scope).unwrap_or(0);
        let mut buf = vec![0u8; 16384];
        // SAFETY: as in credential_id.
        unsafe {
            let mut pwd: libc::passwd = std::mem::zeroed();
            let mut result: *mut libc::passwd = std::ptr::null_mut();
            libc::getpwuid_r(
                uid,
                &mut pwd,
                buf.as_mut_ptr().cast(),
                buf.len(),
                &mut result,
            );
            if result.is_null() {
                rv.set_int32(1);
                return;
            }
            std::ffi::CStr::from_ptr(pwd.pw_name).to_owned()
        }
    } else {
        // A name goes to initgroups(3) as it is (Node does no lookup for names).
        match std::ffi::CString::new(user.to_rust_string_lossy(scope)) {
            Ok(n) => n,
            Err(_) => {
                rv.set_int32(1);
                return;
            }
        }
    };
    let Some(gid) = credential_id(scope, args.get(1), true) else {
        rv.set_int32(2);
        return;
    };
    // SAFETY: a NUL-terminated user name and a group id.
    let r = unsafe { libc::initgroups(name.as_ptr(), gid) };
    rv.set_int32(if r < 0 { -last_errno() } else { 0 });
}

fn env_keys(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let keys: Vec<v8::Local<v8::Value>> = std::env::vars_os()
        .map(|(k, _)| js_string(scope, &k.to_string_lossy()).into())
        .collect();
    rv.set(v8::Array::new_with_elements(scope, &keys).into());
}

/// `{ v8 }`: versions only Rust knows.
fn versions(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let obj = v8::Object::new(scope);
    let v8_version = js_string(scope, v8::V8::get_version());
    eddy_runtime::set_value(scope, obj, "v8", v8_version.into());
    rv.set(obj.into());
}

/// `readStdin()`: all of standard input as text (for a script piped to `eddy` or `eddy -`).
fn read_stdin(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    use std::io::Read;
    let mut buf = Vec::new();
    match std::io::stdin().read_to_end(&mut buf) {
        Ok(_) => rv.set(js_string(scope, &String::from_utf8_lossy(&buf)).into()),
        Err(err) => throw_io_error(scope, &err, "read", None),
    }
}

/// `rlimits()` → `[soft, hard, ...]` for the limits a diagnostic report lists, in its order
/// (core, data, fsize, memlock, rss, nofile, stack, cpu, nproc, as); -1 is unlimited.
fn rlimits(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let resources = [
        libc::RLIMIT_CORE,
        libc::RLIMIT_DATA,
        libc::RLIMIT_FSIZE,
        libc::RLIMIT_MEMLOCK,
        libc::RLIMIT_RSS,
        libc::RLIMIT_NOFILE,
        libc::RLIMIT_STACK,
        libc::RLIMIT_CPU,
        libc::RLIMIT_NPROC,
        libc::RLIMIT_AS,
    ];
    let mut values = Vec::with_capacity(resources.len() * 2);
    for resource in resources {
        // SAFETY: getrlimit writes the struct it is given.
        let mut limit: libc::rlimit = unsafe { std::mem::zeroed() };
        let ok = unsafe { libc::getrlimit(resource, &mut limit) } == 0;
        for value in [limit.rlim_cur, limit.rlim_max] {
            values.push(if !ok || value == libc::RLIM_INFINITY {
                -1.0
            } else {
                value as f64
            });
        }
    }
    rv.set(numbers(scope, &values));
}

/// `nativeStack()` → `[pc, symbol, ...]`: this thread's native frames, each as its address in
/// hex and "<symbol> [<object file>]" as the diagnostic report writes them (the symbol is left
/// out when the dynamic symbol table has none for it).
fn native_stack(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let mut frames = [std::ptr::null_mut::<libc::c_void>(); 64];
    // SAFETY: backtrace fills at most `frames.len()` entries of the buffer.
    let count = unsafe { libc::backtrace(frames.as_mut_ptr(), frames.len() as libc::c_int) };
    let mut items: Vec<v8::Local<v8::Value>> = Vec::new();
    for &pc in &frames[..count.max(0) as usize] {
        // SAFETY: dladdr only reads the loader's tables; the strings it returns live as long
        // as the object is loaded, and are copied here at once.
        let mut info: libc::Dl_info = unsafe { std::mem::zeroed() };
        let found = unsafe { libc::dladdr(pc, &mut info) } != 0;
        let text = |p: *const libc::c_char| {
            if p.is_null() {
                String::new()
            } else {
                unsafe { std::ffi::CStr::from_ptr(p) }
                    .to_string_lossy()
                    .into_owned()
            }
        };
        let (symbol, object) = if found {
            (text(info.dli_sname), text(info.dli_fname))
        } else {
            (String::new(), String::new())
        };
        let object = object.rsplit('/').next().unwrap_or_default().to_string();
        items.push(js_string(scope, &format!("0x{:016x}", pc as usize)).into());
        items.push(js_string(scope, &format!("{symbol} [{object}]")).into());
    }
    rv.set(v8::Array::new_with_elements(scope, &items).into());
}
