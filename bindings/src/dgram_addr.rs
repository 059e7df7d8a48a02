//! `binding.dgram`'s addresses: parsing them as libuv does (an IPv6 address may carry a
//! `%zone`), reporting them as Node does (`[address, port, family]`, a link-local IPv6 address
//! with its interface name), and the natives that read a socket's own and peer address.

use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};

use eddy_runtime::{js_string, set_fn, v8};

use super::{errno_of, udp_arg};

pub(super) fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "isUdp", is_udp);
    set_fn(scope, target, "getsockname", getsockname);
    set_fn(scope, target, "getpeername", getpeername);
}

/// An IPv6 address with an optional `%zone` (an interface name or index), as uv_ip6_addr
/// reads it: the address and the scope id.
pub(super) fn parse_ip6(text: &str) -> Option<(Ipv6Addr, u32)> {
    let (ip, zone) = match text.split_once('%') {
        Some((ip, zone)) => (ip, Some(zone)),
        None => (text, None),
    };
    let ip: Ipv6Addr = ip.parse().ok()?;
    let scope = match zone {
        None => 0,
        Some(zone) => interface_index(zone),
    };
    Some((ip, scope))
}

/// The index of the interface named `zone` (0 when there is none); a number is taken as is.
fn interface_index(zone: &str) -> u32 {
    let index = std::ffi::CString::new(zone)
        .map(|name| unsafe {
            // SAFETY: a NUL-terminated name.
            libc::if_nametoindex(name.as_ptr())
        })
        .unwrap_or(0);
    if index == 0 {
        zone.parse().unwrap_or(0)
    } else {
        index
    }
}

/// `text:port` as a socket address of the handle's family, as Node's sockaddr_for_family.
pub(super) fn sockaddr_for(ipv6: bool, text: &str, port: u16) -> Result<SocketAddr, i32> {
    if ipv6 {
        let (ip, scope) = parse_ip6(text).ok_or(-libc::EINVAL)?;
        Ok(SocketAddr::V6(SocketAddrV6::new(ip, port, 0, scope)))
    } else {
        let ip: Ipv4Addr = text.parse().map_err(|_| -libc::EINVAL)?;
        Ok(SocketAddr::V4(SocketAddrV4::new(ip, port)))
    }
}

/// `[address, port, family]` as Node reports it; a link-local IPv6 address carries
/// `%interface`.
pub(super) fn address_to_js<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    addr: SocketAddr,
) -> v8::Local<'s, v8::Value> {
    let (ip, family) = match addr {
        SocketAddr::V4(a) => (a.ip().to_string(), "IPv4"),
        SocketAddr::V6(a) => {
            let mut ip = a.ip().to_string();
            if a.ip().is_unicast_link_local()
                && a.scope_id() > 0
                && let Some(name) = interface_name(a.scope_id())
            {
                ip.push('%');
                ip.push_str(&name);
            }
            (ip, "IPv6")
        }
    };
    let items = [
        js_string(scope, &ip).into(),
        v8::Integer::new(scope, addr.port() as i32).into(),
        js_string(scope, family).into(),
    ];
    v8::Array::new_with_elements(scope, &items).into()
}

fn interface_name(index: u32) -> Option<String> {
    let mut buf = [0 as libc::c_char; libc::IF_NAMESIZE];
    // SAFETY: the buffer holds IF_NAMESIZE bytes, as if_indextoname requires.
    let p = unsafe { libc::if_indextoname(index, buf.as_mut_ptr()) };
    if p.is_null() {
        return None;
    }
    // SAFETY: on success the buffer holds a NUL-terminated name.
    let name = unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) };
    Some(name.to_string_lossy().into_owned())
}

/// `isUdp(fd)`: whether the descriptor is an IPv4 or IPv6 datagram socket.
fn is_udp(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let fd = args.get(0).int32_value(scope).unwrap_or(-1);
    let int_opt = |name| -> Option<libc::c_int> {
        let mut value: libc::c_int = 0;
        let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
        // SAFETY: an int-sized option into an int.
        let r = unsafe {
            libc::getsockopt(
                fd,
                libc::SOL_SOCKET,
                name,
                (&mut value as *mut libc::c_int).cast(),
                &mut len,
            )
        };
        (r == 0).then_some(value)
    };
    let udp = fd >= 0
        && int_opt(libc::SO_TYPE) == Some(libc::SOCK_DGRAM)
        && matches!(
            int_opt(libc::SO_DOMAIN),
            Some(libc::AF_INET | libc::AF_INET6)
        );
    rv.set_bool(udp);
}

/// `getsockname(token)` → `[address, port, family]` or a negative errno.
fn getsockname(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let addr = udp_arg(scope, &args).map(|udp| match udp.state.borrow().sock.as_ref() {
        Some(sock) => sock.local_addr().map_err(|e| -errno_of(&e)),
        None => Err(-libc::EBADF),
    });
    match addr.unwrap_or(Err(-libc::EBADF)) {
        Ok(addr) => {
            let v = address_to_js(scope, addr);
            rv.set(v);
        }
        Err(errno) => rv.set_int32(errno),
    }
}

/// `getpeername(token)` → `[address, port, family]` or a negative errno.
fn getpeername(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let addr = udp_arg(scope, &args).map(|udp| match udp.state.borrow().sock.as_ref() {
        Some(sock) => sock.peer_addr().map_err(|e| -errno_of(&e)),
        None => Err(-libc::EBADF),
    });
    match addr.unwrap_or(Err(-libc::EBADF)) {
        Ok(addr) => {
            let v = address_to_js(scope, addr);
            rv.set(v);
        }
        Err(errno) => rv.set_int32(errno),
    }
}
