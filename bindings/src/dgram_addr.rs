//! `binding.dgram`'s addresses: parsing them as libuv does (an IPv6 address may carry a
//! `%zone`), reporting them as Node does (`[address, port, family]`, a link-local IPv6 address
//! with its interface name), and the natives about a socket's own and peer address: adopting
//! a descriptor, connect/disconnect, getsockname/getpeername.

use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};

use eddy_runtime::mio::net::UdpSocket;
use eddy_runtime::{js_string, set_fn, v8};

use std::os::fd::{AsRawFd, FromRawFd};

use super::{errno_of, port_arg, udp_arg};

pub(super) fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "isUdp", is_udp);
    set_fn(scope, target, "open", open);
    set_fn(scope, target, "connect", connect);
    set_fn(scope, target, "disconnect", disconnect);
    set_fn(scope, target, "getsockname", getsockname);
    set_fn(scope, target, "getpeername", getpeername);
}

/// An IPv6 address with an optional `%zone` (an interface name), as uv_ip6_addr
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

/// The index of the interface named `zone`; 0 (the default interface) when there is none, as
/// libuv ignores an unknown zone (a number is no name either, on Unix).
fn interface_index(zone: &str) -> u32 {
    std::ffi::CString::new(zone)
        .map(|name| unsafe {
            // SAFETY: a NUL-terminated name.
            libc::if_nametoindex(name.as_ptr())
        })
        .unwrap_or(0)
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
    let int_opt = |name| crate::net_fd::sockopt(fd, name).ok();
    let udp = fd >= 0
        && int_opt(libc::SO_TYPE) == Some(libc::SOCK_DGRAM)
        && matches!(
            int_opt(libc::SO_DOMAIN),
            Some(libc::AF_INET | libc::AF_INET6)
        );
    rv.set_bool(udp);
}

/// `getsockname(token)` → `[address, port, family]` or a negative errno.
fn getsockname(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, rv: v8::ReturnValue) {
    socket_address(scope, &args, rv, UdpSocket::local_addr);
}

/// `getpeername(token)` → `[address, port, family]` or a negative errno.
fn getpeername(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, rv: v8::ReturnValue) {
    socket_address(scope, &args, rv, UdpSocket::peer_addr);
}

/// One of the socket's addresses (`which`) as `[address, port, family]`, or a negative errno
/// (EBADF before the OS socket exists).
fn socket_address(
    scope: &mut v8::PinScope,
    args: &v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
    which: fn(&UdpSocket) -> std::io::Result<SocketAddr>,
) {
    let addr = udp_arg(scope, args).map(|udp| match udp.state.borrow().sock.as_ref() {
        Some(sock) => which(sock).map_err(|e| -errno_of(&e)),
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

/// `open(token, fd)`: adopt an existing UDP socket (`bind({ fd })`); 0 or a negative errno.
/// The handle owns the descriptor from then on.
fn open(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let Some(udp) = udp_arg(scope, &args) else {
        rv.set_int32(-libc::EBADF);
        return;
    };
    let fd = args.get(1).int32_value(scope).unwrap_or(-1);
    if udp.state.borrow().sock.is_some() {
        rv.set_int32(-libc::EBUSY);
        return;
    }
    // SAFETY: F_GETFD only looks at the descriptor.
    if fd < 0 || unsafe { libc::fcntl(fd, libc::F_GETFD) } < 0 {
        rv.set_int32(-libc::EBADF);
        return;
    }
    // SAFETY: JS hands the descriptor over to this handle (Node's uv_udp_open contract).
    let sock = unsafe { std::net::UdpSocket::from_raw_fd(fd) };
    if let Err(e) = sock.set_nonblocking(true) {
        std::mem::forget(sock);
        rv.set_int32(-errno_of(&e));
        return;
    }
    let result = udp.adopt(scope, sock);
    rv.set_int32(result);
}

/// `connect(token, ip, port)` → 0 or a negative errno.
fn connect(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let Some(udp) = udp_arg(scope, &args) else {
        rv.set_int32(-libc::EBADF);
        return;
    };
    let text = args.get(1).to_rust_string_lossy(scope);
    let port = port_arg(scope, &args, 2);
    let ipv6 = udp.state.borrow().ipv6;
    let addr = match sockaddr_for(ipv6, &text, port) {
        Ok(addr) => addr,
        Err(errno) => {
            rv.set_int32(errno);
            return;
        }
    };
    let bound = udp.ensure_bound(scope, addr.is_ipv6(), false);
    if bound != 0 {
        rv.set_int32(bound);
        return;
    }
    let result = {
        let s = udp.state.borrow();
        match s.sock.as_ref().map(|sock| sock.connect(addr)) {
            Some(Ok(())) => 0,
            Some(Err(e)) => -errno_of(&e),
            None => -libc::EBADF,
        }
    };
    if result == 0 {
        udp.state.borrow_mut().connected = true;
    }
    rv.set_int32(result);
}

/// `disconnect(token)` → 0 or a negative errno (ENOTCONN when not connected).
fn disconnect(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(udp) = udp_arg(scope, &args) else {
        rv.set_int32(-libc::EBADF);
        return;
    };
    let mut s = udp.state.borrow_mut();
    let fd = match s.sock.as_ref() {
        Some(sock) if s.connected => sock.as_raw_fd(),
        _ => {
            rv.set_int32(-libc::ENOTCONN);
            return;
        }
    };
    // Connecting to an AF_UNSPEC address dissolves the association (udp(7)).
    // SAFETY: a zeroed sockaddr with only its family set, and its true size.
    let r = unsafe {
        let mut addr: libc::sockaddr = std::mem::zeroed();
        addr.sa_family = libc::AF_UNSPEC as libc::sa_family_t;
        libc::connect(
            fd,
            &addr,
            std::mem::size_of::<libc::sockaddr>() as libc::socklen_t,
        )
    };
    let err = std::io::Error::last_os_error();
    if r != 0 && err.raw_os_error() != Some(libc::EAFNOSUPPORT) {
        rv.set_int32(-errno_of(&err));
        return;
    }
    s.connected = false;
    rv.set_int32(0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_parse_as_libuv_reads_them() {
        assert_eq!(
            sockaddr_for(false, "127.0.0.1", 53),
            Ok("127.0.0.1:53".parse().unwrap())
        );
        // A udp4 handle takes no IPv6 address and a udp6 one no IPv4 address.
        assert_eq!(sockaddr_for(false, "::1", 53), Err(-libc::EINVAL));
        assert_eq!(sockaddr_for(true, "127.0.0.1", 53), Err(-libc::EINVAL));
        assert_eq!(sockaddr_for(false, "localhost", 53), Err(-libc::EINVAL));
        assert_eq!(sockaddr_for(true, "::1", 7), Ok("[::1]:7".parse().unwrap()));
    }

    #[test]
    fn zones_name_interfaces() {
        assert_eq!(parse_ip6("fe80::1"), Some(("fe80::1".parse().unwrap(), 0)));
        // A name no interface has (a number included) is scope 0, libuv's "default".
        assert_eq!(parse_ip6("fe80::1%7").map(|(_, s)| s), Some(0));
        assert_eq!(parse_ip6("::%no-such-if0").map(|(_, s)| s), Some(0));
        let lo = parse_ip6("fe80::1%lo").map(|(_, s)| s);
        assert!(
            lo.is_some_and(|s| s > 0),
            "the loopback interface has an index"
        );
        assert_eq!(parse_ip6("1.2.3.4"), None);
        assert_eq!(parse_ip6(""), None);
    }
}
