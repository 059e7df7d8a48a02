//! `binding.os`: facts about the machine for `node:os` — uname, host name, home directory,
//! memory, CPUs, load, uptime, network interfaces, the current user, process priority.

use eddy_runtime::{NativeModule, js_string, set_fn, set_value, throw_io_error, v8};

pub const MODULE: NativeModule = NativeModule { name: "os", init };

fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "uname", uname);
    set_fn(scope, target, "hostname", hostname);
    set_fn(scope, target, "homedir", homedir);
    set_fn(scope, target, "memory", memory);
    set_fn(scope, target, "cpus", cpus);
    set_fn(scope, target, "loadavg", loadavg);
    set_fn(scope, target, "uptime", uptime);
    set_fn(scope, target, "networkInterfaces", network_interfaces);
    set_fn(scope, target, "userInfo", user_info);
    set_fn(scope, target, "getPriority", get_priority);
    set_fn(scope, target, "setPriority", set_priority);
}

fn field(chars: &[libc::c_char]) -> String {
    let bytes: Vec<u8> = chars
        .iter()
        .take_while(|&&c| c != 0)
        .map(|&c| c as u8)
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn numbers<'s>(scope: &mut v8::PinScope<'s, '_>, values: &[f64]) -> v8::Local<'s, v8::Value> {
    let items: Vec<v8::Local<v8::Value>> = values
        .iter()
        .map(|v| v8::Number::new(scope, *v).into())
        .collect();
    v8::Array::new_with_elements(scope, &items).into()
}

fn strings<'s>(scope: &mut v8::PinScope<'s, '_>, values: &[String]) -> v8::Local<'s, v8::Value> {
    let items: Vec<v8::Local<v8::Value>> =
        values.iter().map(|v| js_string(scope, v).into()).collect();
    v8::Array::new_with_elements(scope, &items).into()
}

/// `{ sysname, release, version, machine }` from uname(2).
fn uname(scope: &mut v8::PinScope, _args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    // SAFETY: zeroed utsname is a valid out-buffer.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    unsafe { libc::uname(&mut u) };
    let obj = v8::Object::new(scope);
    for (name, value) in [
        ("sysname", field(&u.sysname)),
        ("release", field(&u.release)),
        ("version", field(&u.version)),
        ("machine", field(&u.machine)),
    ] {
        let v = js_string(scope, &value);
        set_value(scope, obj, name, v.into());
    }
    rv.set(obj.into());
}

fn hostname(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let mut buf = [0 as libc::c_char; 256];
    // SAFETY: buffer and its length.
    unsafe { libc::gethostname(buf.as_mut_ptr(), buf.len()) };
    rv.set(js_string(scope, &field(&buf)).into());
}

fn homedir(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let home = std::env::var("HOME")
        .ok()
        .filter(|h| !h.is_empty())
        .or_else(|| passwd().map(|p| p.3));
    rv.set(js_string(scope, &home.unwrap_or_else(|| "/".into())).into());
}

/// `[total, free]` bytes: total from sysinfo(2), free as MemAvailable like libuv.
fn memory(scope: &mut v8::PinScope, _args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    // SAFETY: zeroed sysinfo is a valid out-buffer.
    let mut info: libc::sysinfo = unsafe { std::mem::zeroed() };
    unsafe { libc::sysinfo(&mut info) };
    let unit = info.mem_unit.max(1) as f64;
    let total = info.totalram as f64 * unit;
    let available = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find(|l| l.starts_with("MemAvailable:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map(|kb| kb * 1024.0)
        .unwrap_or(info.freeram as f64 * unit);
    rv.set(numbers(scope, &[total, available]));
}

/// `[[model, speedMHz, user, nice, sys, idle, irq], …]`; times in milliseconds.
fn cpus(scope: &mut v8::PinScope, _args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let info = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let mut models = Vec::new();
    let mut speeds = Vec::new();
    for line in info.lines() {
        if let Some((k, v)) = line.split_once(':') {
            match k.trim() {
                "model name" => models.push(v.trim().to_string()),
                "cpu MHz" => speeds.push(v.trim().parse::<f64>().unwrap_or(0.0).floor()),
                _ => {}
            }
        }
    }
    let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    // SAFETY: sysconf has no preconditions.
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    let mut rows = Vec::new();
    for (i, line) in stat
        .lines()
        .filter(|l| l.starts_with("cpu") && !l.starts_with("cpu "))
        .enumerate()
    {
        let t: Vec<f64> = line
            .split_whitespace()
            .skip(1)
            .map(|x| x.parse().unwrap_or(0.0))
            .collect();
        let ms = |j: usize| t.get(j).copied().unwrap_or(0.0) * 1000.0 / ticks;
        let model = models.get(i).cloned().unwrap_or_else(|| "unknown".into());
        let speed = speeds.get(i).copied().unwrap_or(0.0);
        let nums = numbers(scope, &[speed, ms(0), ms(1), ms(2), ms(3), ms(5)]);
        let model = js_string(scope, &model).into();
        rows.push(v8::Array::new_with_elements(scope, &[model, nums]).into());
    }
    rv.set(v8::Array::new_with_elements(scope, &rows).into());
}

fn loadavg(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let mut avg = [0f64; 3];
    // SAFETY: three doubles.
    unsafe { libc::getloadavg(avg.as_mut_ptr(), 3) };
    rv.set(numbers(scope, &avg));
}

fn uptime(scope: &mut v8::PinScope, _args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let up = std::fs::read_to_string("/proc/uptime")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .unwrap_or(0.0);
    rv.set(v8::Number::new(scope, up.floor()).into());
}

/// `[[name, address, netmask, family, mac, internal, scopeid], …]` from getifaddrs(3).
fn network_interfaces(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let mut rows = Vec::new();
    let mut macs = std::collections::HashMap::new();
    let mut addrs: *mut libc::ifaddrs = std::ptr::null_mut();
    // SAFETY: getifaddrs allocates a list we free below.
    if unsafe { libc::getifaddrs(&mut addrs) } != 0 {
        throw_io_error(
            scope,
            &std::io::Error::last_os_error(),
            "uv_interface_addresses",
            None,
        );
        return;
    }
    let mut entries = Vec::new();
    let mut cur = addrs;
    while !cur.is_null() {
        // SAFETY: `cur` walks the list getifaddrs returned.
        let ifa = unsafe { &*cur };
        cur = ifa.ifa_next;
        if ifa.ifa_addr.is_null() {
            continue;
        }
        // SAFETY: ifa_name is a NUL-terminated C string.
        let name = unsafe { std::ffi::CStr::from_ptr(ifa.ifa_name) }
            .to_string_lossy()
            .into_owned();
        let family = unsafe { (*ifa.ifa_addr).sa_family } as i32;
        let internal = ifa.ifa_flags & (libc::IFF_LOOPBACK as u32) != 0;
        if family == libc::AF_PACKET {
            // SAFETY: AF_PACKET addresses are sockaddr_ll.
            let ll = unsafe { &*(ifa.ifa_addr as *const libc::sockaddr_ll) };
            let mac: Vec<String> = ll.sll_addr[..6]
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            macs.insert(name, mac.join(":"));
            continue;
        }
        let (addr, mask, fam, scope_id) = match family {
            libc::AF_INET => {
                // SAFETY: AF_INET addresses are sockaddr_in.
                let a = unsafe { &*(ifa.ifa_addr as *const libc::sockaddr_in) };
                let m = unsafe {
                    ifa.ifa_netmask
                        .as_ref()
                        .map(|m| &*(m as *const libc::sockaddr as *const libc::sockaddr_in))
                };
                let ip = std::net::Ipv4Addr::from(u32::from_be(a.sin_addr.s_addr));
                let mask = m
                    .map(|m| std::net::Ipv4Addr::from(u32::from_be(m.sin_addr.s_addr)).to_string())
                    .unwrap_or_default();
                (ip.to_string(), mask, "IPv4", None)
            }
            libc::AF_INET6 => {
                // SAFETY: AF_INET6 addresses are sockaddr_in6.
                let a = unsafe { &*(ifa.ifa_addr as *const libc::sockaddr_in6) };
                let m = unsafe {
                    ifa.ifa_netmask
                        .as_ref()
                        .map(|m| &*(m as *const libc::sockaddr as *const libc::sockaddr_in6))
                };
                let ip = std::net::Ipv6Addr::from(a.sin6_addr.s6_addr);
                let mask = m
                    .map(|m| std::net::Ipv6Addr::from(m.sin6_addr.s6_addr).to_string())
                    .unwrap_or_default();
                (ip.to_string(), mask, "IPv6", Some(a.sin6_scope_id))
            }
            _ => continue,
        };
        entries.push((name, addr, mask, fam, internal, scope_id));
    }
    // SAFETY: the list came from getifaddrs.
    unsafe { libc::freeifaddrs(addrs) };
    for (name, addr, mask, fam, internal, scope_id) in entries {
        let mac = macs
            .get(&name)
            .cloned()
            .unwrap_or_else(|| "00:00:00:00:00:00".into());
        let text = strings(scope, &[name, addr, mask, fam.to_string(), mac]);
        let internal = v8::Boolean::new(scope, internal).into();
        let scope_id: v8::Local<v8::Value> = match scope_id {
            Some(s) => v8::Number::new(scope, s as f64).into(),
            None => v8::undefined(scope).into(),
        };
        rows.push(v8::Array::new_with_elements(scope, &[text, internal, scope_id]).into());
    }
    rv.set(v8::Array::new_with_elements(scope, &rows).into());
}

/// (uid, gid, username, homedir, shell) of the current user, from getpwuid_r(3).
fn passwd() -> Option<(u32, u32, String, String, String)> {
    // SAFETY: getuid cannot fail; getpwuid_r writes into our buffers.
    let uid = unsafe { libc::getuid() };
    let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
    let mut buf = vec![0 as libc::c_char; 16384];
    let mut result: *mut libc::passwd = std::ptr::null_mut();
    let rc = unsafe { libc::getpwuid_r(uid, &mut pwd, buf.as_mut_ptr(), buf.len(), &mut result) };
    if rc != 0 || result.is_null() {
        return None;
    }
    let s = |p: *const libc::c_char| {
        if p.is_null() {
            String::new()
        } else {
            // SAFETY: NUL-terminated strings inside `buf`.
            unsafe { std::ffi::CStr::from_ptr(p) }
                .to_string_lossy()
                .into_owned()
        }
    };
    Some((
        pwd.pw_uid,
        pwd.pw_gid,
        s(pwd.pw_name),
        s(pwd.pw_dir),
        s(pwd.pw_shell),
    ))
}

/// `[uid, gid, username, homedir, shell]`.
fn user_info(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    match passwd() {
        Some((uid, gid, name, home, shell)) => {
            let ids = numbers(scope, &[uid as f64, gid as f64]);
            let text = strings(scope, &[name, home, shell]);
            rv.set(v8::Array::new_with_elements(scope, &[ids, text]).into());
        }
        None => throw_io_error(
            scope,
            &std::io::Error::from_raw_os_error(libc::ENOENT),
            "uv_os_get_passwd",
            None,
        ),
    }
}

fn get_priority(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let pid = args.get(0).int32_value(scope).unwrap_or(0);
    // SAFETY: errno is reset first so a legitimate -1 priority is told apart from failure.
    unsafe { *libc::__errno_location() = 0 };
    let prio = unsafe { libc::getpriority(libc::PRIO_PROCESS, pid as libc::id_t) };
    let err = std::io::Error::last_os_error();
    if prio == -1 && err.raw_os_error() != Some(0) {
        throw_io_error(scope, &err, "uv_os_getpriority", None);
        return;
    }
    rv.set_int32(prio);
}

fn set_priority(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let pid = args.get(0).int32_value(scope).unwrap_or(0);
    let prio = args.get(1).int32_value(scope).unwrap_or(0);
    // SAFETY: plain syscall.
    if unsafe { libc::setpriority(libc::PRIO_PROCESS, pid as libc::id_t, prio) } != 0 {
        throw_io_error(
            scope,
            &std::io::Error::last_os_error(),
            "uv_os_setpriority",
            None,
        );
    }
}
