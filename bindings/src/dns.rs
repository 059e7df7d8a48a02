//! `binding.dns`: the system resolver (`getaddrinfo`/`getnameinfo`) on the worker pool, as Node
//! runs `dns.lookup` and `dns.lookupService` through libuv's thread pool. The callback gets
//! `(null, [address, family, address, family, …])` or `(code)`, where `code` is Node's name for
//! the failure (`ENOTFOUND`, `EAI_AGAIN`, …); stdlib-js `dns.js` builds the error.

use std::ffi::{CStr, CString};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use eddy_runtime::{NativeModule, call_function, js_string, set_fn, submit, v8};

pub const MODULE: NativeModule = NativeModule { name: "dns", init };

fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "lookup", lookup);
    set_fn(scope, target, "lookupService", lookup_service);
    set_fn(scope, target, "query", crate::dns_query::query);
    set_fn(
        scope,
        target,
        "systemServers",
        crate::dns_query::system_servers,
    );
}

/// Node's code for a `getaddrinfo` failure.
fn eai_code(code: i32) -> &'static str {
    match code {
        libc::EAI_NONAME | libc::EAI_NODATA => "ENOTFOUND",
        libc::EAI_AGAIN => "EAI_AGAIN",
        libc::EAI_FAIL => "EAI_FAIL",
        libc::EAI_FAMILY => "EAI_FAMILY",
        libc::EAI_MEMORY => "EAI_MEMORY",
        libc::EAI_SERVICE => "EAI_SERVICE",
        libc::EAI_SOCKTYPE => "EAI_SOCKTYPE",
        libc::EAI_BADFLAGS => "EAI_BADFLAGS",
        libc::EAI_OVERFLOW => "EAI_OVERFLOW",
        libc::EAI_SYSTEM => "EAI_SYSTEM",
        _ => "EAI_FAIL",
    }
}

/// The blocking part of `dns.lookup`: addresses in the resolver's order, deduplicated.
fn resolve(host: &str, family: i32, hints: i32) -> Result<Vec<(IpAddr, u8)>, &'static str> {
    let c_host = CString::new(host).map_err(|_| "ENOTFOUND")?;
    // SAFETY: a zeroed addrinfo is a valid "no hints" value; we then set the plain fields.
    let mut req: libc::addrinfo = unsafe { std::mem::zeroed() };
    req.ai_family = match family {
        4 => libc::AF_INET,
        6 => libc::AF_INET6,
        _ => libc::AF_UNSPEC,
    };
    req.ai_socktype = libc::SOCK_STREAM;
    req.ai_flags = hints;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: the pointers are valid for the call; `res` is freed below.
    let rc = unsafe { libc::getaddrinfo(c_host.as_ptr(), std::ptr::null(), &req, &mut res) };
    if rc != 0 {
        return Err(eai_code(rc));
    }
    let mut out: Vec<(IpAddr, u8)> = Vec::new();
    let mut cur = res;
    while !cur.is_null() {
        // SAFETY: `cur` walks the list getaddrinfo returned; each ai_addr matches ai_family.
        let ai = unsafe { &*cur };
        let addr = unsafe {
            match ai.ai_family {
                libc::AF_INET if !ai.ai_addr.is_null() => {
                    let sin = &*(ai.ai_addr as *const libc::sockaddr_in);
                    Some((
                        IpAddr::V4(Ipv4Addr::from(u32::from_be(sin.sin_addr.s_addr))),
                        4,
                    ))
                }
                libc::AF_INET6 if !ai.ai_addr.is_null() => {
                    let sin6 = &*(ai.ai_addr as *const libc::sockaddr_in6);
                    Some((IpAddr::V6(Ipv6Addr::from(sin6.sin6_addr.s6_addr)), 6))
                }
                _ => None,
            }
        };
        if let Some(a) = addr
            && !out.contains(&a)
        {
            out.push(a);
        }
        cur = ai.ai_next;
    }
    // SAFETY: `res` came from a successful getaddrinfo and is freed once.
    unsafe { libc::freeaddrinfo(res) };
    if out.is_empty() {
        return Err("ENOTFOUND");
    }
    Ok(out)
}

/// `lookup(hostname, family, hints, cb)`.
fn lookup(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let host = args.get(0).to_rust_string_lossy(scope);
    let family = args.get(1).int32_value(scope).unwrap_or(0);
    let hints = args.get(2).int32_value(scope).unwrap_or(0);
    let Ok(cb) = v8::Local::<v8::Function>::try_from(args.get(3)) else {
        return;
    };
    let cb = v8::Global::new(scope, cb);
    submit(
        scope,
        move || resolve(&host, family, hints),
        move |scope, result| {
            let cb = v8::Local::new(scope, cb);
            let args: Vec<v8::Local<v8::Value>> = match result {
                Ok(Ok(addrs)) => {
                    let mut items: Vec<v8::Local<v8::Value>> = Vec::new();
                    for (ip, fam) in addrs {
                        items.push(js_string(scope, &ip.to_string()).into());
                        items.push(v8::Integer::new(scope, fam as i32).into());
                    }
                    let list = v8::Array::new_with_elements(scope, &items);
                    vec![v8::null(scope).into(), list.into()]
                }
                Ok(Err(code)) => vec![js_string(scope, code).into()],
                Err(_) => vec![js_string(scope, "EAI_FAIL").into()],
            };
            call_function(scope, cb, &args);
        },
    );
}

/// The blocking part of `dns.lookupService`: (hostname, service).
fn name_info(ip: IpAddr, port: u16) -> Result<(String, String), &'static str> {
    let addr: socket2::SockAddr = std::net::SocketAddr::new(ip, port).into();
    let mut host = [0 as libc::c_char; 1025];
    let mut serv = [0 as libc::c_char; 32];
    // SAFETY: the address and both output buffers are valid for their stated lengths.
    let rc = unsafe {
        libc::getnameinfo(
            addr.as_ptr() as *const libc::sockaddr,
            addr.len(),
            host.as_mut_ptr(),
            host.len() as libc::socklen_t,
            serv.as_mut_ptr(),
            serv.len() as libc::socklen_t,
            libc::NI_NAMEREQD,
        )
    };
    if rc != 0 {
        return Err(eai_code(rc));
    }
    // SAFETY: getnameinfo wrote NUL-terminated strings into both buffers.
    let (h, s) = unsafe { (CStr::from_ptr(host.as_ptr()), CStr::from_ptr(serv.as_ptr())) };
    Ok((
        h.to_string_lossy().into_owned(),
        s.to_string_lossy().into_owned(),
    ))
}

/// `lookupService(address, port, cb)`: cb(null, hostname, service) or cb(code).
fn lookup_service(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let ip: Option<IpAddr> = args.get(0).to_rust_string_lossy(scope).parse().ok();
    let port = args.get(1).uint32_value(scope).unwrap_or(0).min(65535) as u16;
    let Ok(cb) = v8::Local::<v8::Function>::try_from(args.get(2)) else {
        return;
    };
    let cb = v8::Global::new(scope, cb);
    submit(
        scope,
        move || match ip {
            Some(ip) => name_info(ip, port),
            None => Err("EINVAL"),
        },
        move |scope, result| {
            let cb = v8::Local::new(scope, cb);
            let args: Vec<v8::Local<v8::Value>> = match result {
                Ok(Ok((h, s))) => vec![
                    v8::null(scope).into(),
                    js_string(scope, &h).into(),
                    js_string(scope, &s).into(),
                ],
                Ok(Err(code)) => vec![js_string(scope, code).into()],
                Err(_) => vec![js_string(scope, "EAI_FAIL").into()],
            };
            call_function(scope, cb, &args);
        },
    );
}
