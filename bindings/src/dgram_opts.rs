//! `binding.dgram`'s socket options: broadcast, TTLs, multicast (interface, loopback,
//! memberships, source-specific memberships) and buffer sizes. Each answers 0 (or the value
//! asked for) or a negative errno, checking its arguments in the order libuv does, so that
//! an out-of-range TTL is EINVAL even on a socket that is not bound yet.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::os::fd::AsRawFd;

use eddy_runtime::mio::net::UdpSocket;
use eddy_runtime::{set_fn, v8};

use super::addr::parse_ip6;
use super::{errno_of, with_bound_socket, with_socket};

pub(super) fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "setBroadcast", set_broadcast);
    set_fn(scope, target, "setTTL", set_ttl);
    set_fn(scope, target, "setMulticastTTL", set_multicast_ttl);
    set_fn(
        scope,
        target,
        "setMulticastLoopback",
        set_multicast_loopback,
    );
    set_fn(
        scope,
        target,
        "setMulticastInterface",
        set_multicast_interface,
    );
    set_fn(scope, target, "membership", membership);
    set_fn(scope, target, "sourceMembership", source_membership);
    set_fn(scope, target, "bufferSize", buffer_size);
}

fn io(r: std::io::Result<()>) -> Result<(), i32> {
    r.map_err(|e| -errno_of(&e))
}

fn set_result(rv: &mut v8::ReturnValue, r: Result<(), i32>) {
    rv.set_int32(r.err().unwrap_or(0));
}

fn int_arg(scope: &mut v8::PinScope, args: &v8::FunctionCallbackArguments, i: i32) -> i32 {
    args.get(i).int32_value(scope).unwrap_or(0)
}

/// An optional string argument (`undefined` and `null` are none).
fn opt_string(
    scope: &mut v8::PinScope,
    args: &v8::FunctionCallbackArguments,
    i: i32,
) -> Option<String> {
    let v = args.get(i);
    (!v.is_null_or_undefined()).then(|| v.to_rust_string_lossy(scope))
}

/// `setBroadcast(token, on)`.
fn set_broadcast(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let on = int_arg(scope, &args, 1) != 0;
    let r = with_socket(scope, &args, |sock, _| io(sock.set_broadcast(on)));
    set_result(&mut rv, r);
}

/// `setTTL(token, ttl)`: 1..=255, as libuv allows.
fn set_ttl(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let ttl = int_arg(scope, &args, 1);
    let r = if !(1..=255).contains(&ttl) {
        Err(-libc::EINVAL)
    } else {
        with_socket(scope, &args, |sock, v6| {
            let s = socket2::SockRef::from(sock);
            io(if v6 {
                s.set_unicast_hops_v6(ttl as u32)
            } else {
                s.set_ttl_v4(ttl as u32)
            })
        })
    };
    set_result(&mut rv, r);
}

/// `setMulticastTTL(token, ttl)`: 0..=255.
fn set_multicast_ttl(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let ttl = int_arg(scope, &args, 1);
    let r = if !(0..=255).contains(&ttl) {
        Err(-libc::EINVAL)
    } else {
        with_socket(scope, &args, |sock, v6| {
            let s = socket2::SockRef::from(sock);
            io(if v6 {
                s.set_multicast_hops_v6(ttl as u32)
            } else {
                s.set_multicast_ttl_v4(ttl as u32)
            })
        })
    };
    set_result(&mut rv, r);
}

/// `setMulticastLoopback(token, on)`.
fn set_multicast_loopback(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let on = int_arg(scope, &args, 1) != 0;
    let r = with_socket(scope, &args, |sock, v6| {
        let s = socket2::SockRef::from(sock);
        io(if v6 {
            s.set_multicast_loop_v6(on)
        } else {
            s.set_multicast_loop_v4(on)
        })
    });
    set_result(&mut rv, r);
}

/// `setMulticastInterface(token, address)`: an IPv4 address names the interface by its
/// address, an IPv6 one by its `%zone`. The option set is the one of the address's family, so
/// an IPv6 address on an IPv4 socket fails as the kernel says (as in libuv).
fn set_multicast_interface(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let text = args.get(1).to_rust_string_lossy(scope);
    let r = if let Ok(ip) = text.parse::<Ipv4Addr>() {
        with_socket(scope, &args, |sock, _| {
            io(socket2::SockRef::from(sock).set_multicast_if_v4(&ip))
        })
    } else if let Some((_, scope_id)) = parse_ip6(&text) {
        with_socket(scope, &args, |sock, _| {
            io(socket2::SockRef::from(sock).set_multicast_if_v6(scope_id))
        })
    } else {
        Err(-libc::EINVAL)
    };
    set_result(&mut rv, r);
}

/// `membership(token, group, interface | undefined, join)`: add or drop a multicast group
/// membership, binding an unbound socket first (as libuv does).
fn membership(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let group = args.get(1).to_rust_string_lossy(scope);
    let iface = opt_string(scope, &args, 2);
    let join = args.get(3).is_true();
    let r = if let Ok(group) = group.parse::<Ipv4Addr>() {
        with_bound_socket(scope, &args, false, |sock, _| {
            let iface = match iface.as_deref() {
                None => Ipv4Addr::UNSPECIFIED,
                Some(text) => text.parse().map_err(|_| -libc::EINVAL)?,
            };
            let s = socket2::SockRef::from(sock);
            io(if join {
                s.join_multicast_v4(&group, &iface)
            } else {
                s.leave_multicast_v4(&group, &iface)
            })
        })
    } else if let Some((group, _)) = parse_ip6(&group) {
        with_bound_socket(scope, &args, true, |sock, _| {
            let index = match iface.as_deref() {
                None => 0,
                Some(text) => parse_ip6(text).ok_or(-libc::EINVAL)?.1,
            };
            let s = socket2::SockRef::from(sock);
            io(if join {
                s.join_multicast_v6(&group, index)
            } else {
                s.leave_multicast_v6(&group, index)
            })
        })
    } else {
        Err(-libc::EINVAL)
    };
    set_result(&mut rv, r);
}

/// `sourceMembership(token, source, group, interface | undefined, join)`: a source-specific
/// multicast membership; the group's family decides which.
fn source_membership(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let source = args.get(1).to_rust_string_lossy(scope);
    let group = args.get(2).to_rust_string_lossy(scope);
    let iface = opt_string(scope, &args, 3);
    let join = args.get(4).is_true();
    let r = if let Ok(group) = group.parse::<Ipv4Addr>() {
        match source.parse::<Ipv4Addr>() {
            Err(_) => Err(-libc::EINVAL),
            Ok(source) => with_bound_socket(scope, &args, false, |sock, _| {
                let iface = match iface.as_deref() {
                    None => Ipv4Addr::UNSPECIFIED,
                    Some(text) => text.parse().map_err(|_| -libc::EINVAL)?,
                };
                let s = socket2::SockRef::from(sock);
                io(if join {
                    s.join_ssm_v4(&source, &group, &iface)
                } else {
                    s.leave_ssm_v4(&source, &group, &iface)
                })
            }),
        }
    } else if let Some((group, _)) = parse_ip6(&group) {
        match parse_ip6(&source) {
            None => Err(-libc::EINVAL),
            Some((source, _)) => with_bound_socket(scope, &args, true, |sock, _| {
                let index = match iface.as_deref() {
                    None => 0,
                    Some(text) => parse_ip6(text).ok_or(-libc::EINVAL)?.1,
                };
                source_group_v6(sock, source, group, index, join)
            }),
        }
    } else {
        Err(-libc::EINVAL)
    };
    set_result(&mut rv, r);
}

/// MCAST_JOIN_SOURCE_GROUP / MCAST_LEAVE_SOURCE_GROUP (RFC 3678), which socket2 lacks.
fn source_group_v6(
    sock: &UdpSocket,
    source: Ipv6Addr,
    group: Ipv6Addr,
    index: u32,
    join: bool,
) -> Result<(), i32> {
    fn storage(ip: Ipv6Addr) -> libc::sockaddr_storage {
        let addr: socket2::SockAddr = SocketAddr::new(IpAddr::V6(ip), 0).into();
        // SAFETY: a SockAddr holds a sockaddr_storage; only its first `len` bytes are copied.
        unsafe {
            let mut out: libc::sockaddr_storage = std::mem::zeroed();
            std::ptr::copy_nonoverlapping(
                addr.as_ptr().cast::<u8>(),
                (&mut out as *mut libc::sockaddr_storage).cast::<u8>(),
                addr.len() as usize,
            );
            out
        }
    }
    let req = libc::group_source_req {
        gsr_interface: index,
        gsr_group: storage(group),
        gsr_source: storage(source),
    };
    let option = if join {
        libc::MCAST_JOIN_SOURCE_GROUP
    } else {
        libc::MCAST_LEAVE_SOURCE_GROUP
    };
    // SAFETY: a group_source_req and its size.
    let r = unsafe {
        libc::setsockopt(
            sock.as_raw_fd(),
            libc::IPPROTO_IPV6,
            option,
            (&req as *const libc::group_source_req).cast(),
            std::mem::size_of::<libc::group_source_req>() as libc::socklen_t,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(-errno_of(&std::io::Error::last_os_error()))
    }
}

/// `bufferSize(token, size, recv)`: size 0 reads SO_RCVBUF / SO_SNDBUF (Linux reports twice
/// what was set, for its bookkeeping), anything else sets it and answers it. A negative errno
/// on failure.
fn buffer_size(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let size = args.get(1).uint32_value(scope).unwrap_or(0) as usize;
    let recv = args.get(2).is_true();
    let r = with_socket(scope, &args, |sock, _| {
        let s = socket2::SockRef::from(sock);
        let r = match (size, recv) {
            (0, true) => s.recv_buffer_size(),
            (0, false) => s.send_buffer_size(),
            (n, true) => s.set_recv_buffer_size(n).map(|()| n),
            (n, false) => s.set_send_buffer_size(n).map(|()| n),
        };
        r.map_err(|e| -errno_of(&e))
    });
    match r {
        Ok(n) => rv.set_double(n as f64),
        Err(errno) => rv.set_int32(errno),
    }
}
