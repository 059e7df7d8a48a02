//! `binding.dgram`: UDP sockets as handles of the poll phase (see `eddy_runtime::io` for the
//! table and the dispatch). stdlib-js `internal/dgram.js` wraps a token in Node's UDP handle
//! shape and `dgram.js` builds `dgram.Socket` on top.
//!
//! As libuv does, a handle exists before its OS socket: the socket is made by `bind` (or by the
//! first call that needs one bound: connect, recvStart, a send, a multicast membership), so an
//! option set before that fails with EBADF as in Node.
//!
//! Each handle has one JS callback, `onevent(kind, a, b)`: `EV_MESSAGE` with a Uint8Array and
//! `[address, port, family]` (or a negative errno as `a` when a receive failed), `EV_SENT`
//! with the request id and the status (bytes sent, or a negative errno).
//!
//! Receiving is edge-triggered: a readable event receives until `WouldBlock` (in slices, so one
//! busy peer cannot starve the rest). A send goes straight out when the socket takes it and is
//! complete at once; otherwise it is queued and flushed on writability, and its completion is
//! reported then. A send counts in `getSendQueueSize/Count` until JS has been told it completed,
//! as libuv counts its send requests.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{ErrorKind, IoSlice};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::os::fd::AsRawFd;
use std::rc::Rc;

use eddy_runtime::mio::net::UdpSocket;
use eddy_runtime::mio::{Interest, Token};
use eddy_runtime::{
    Handle, NativeModule, Ready, call_function, close_handle, defer, feed, handle, handle_has_ref,
    open_handle, registry, set_fn, set_handle_active, set_handle_ref, set_value, v8,
};

#[path = "dgram_addr.rs"]
mod addr;
#[path = "dgram_opts.rs"]
mod opts;

use addr::{address_to_js, sockaddr_for};

pub const MODULE: NativeModule = NativeModule {
    name: "dgram",
    init,
};

/// A datagram arrived (value: Uint8Array, then `[address, port, family]`), or a receive failed
/// (value: the negative errno).
const EV_MESSAGE: i32 = 1;
/// A queued send finished: the request id, then the bytes sent or a negative errno.
const EV_SENT: i32 = 2;

/// `bind` flags, as Node's `UV_UDP_*` constants.
const FLAG_IPV6ONLY: i32 = 1;
const FLAG_REUSEADDR: i32 = 4;

/// Datagrams received per readiness event before yielding to other handles (libuv's count).
const RECVS_PER_EVENT: usize = 32;
/// Room for the largest UDP payload there is (65,507 bytes over IPv4, 65,527 over IPv6).
const RECV_ROOM: usize = 64 * 1024;

fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "create", create);
    set_fn(scope, target, "bind", bind);
    set_fn(scope, target, "recvStart", recv_start);
    set_fn(scope, target, "recvStop", recv_stop);
    set_fn(scope, target, "send", send);
    set_fn(scope, target, "close", close);
    set_fn(scope, target, "setRef", set_ref);
    set_fn(scope, target, "hasRef", has_ref);
    set_fn(scope, target, "sendQueueSize", send_queue_size);
    set_fn(scope, target, "sendQueueCount", send_queue_count);
    set_fn(scope, target, "fd", fd);
    addr::init(scope, target);
    opts::init(scope, target);
    let events = v8::Object::new(scope);
    for (name, value) in [("MESSAGE", EV_MESSAGE), ("SENT", EV_SENT)] {
        let v = v8::Integer::new(scope, value);
        set_value(scope, events, name, v.into());
    }
    set_value(scope, target, "events", events.into());
    let flags = v8::Object::new(scope);
    for (name, value) in [
        ("UV_UDP_IPV6ONLY", FLAG_IPV6ONLY),
        ("UV_UDP_REUSEADDR", FLAG_REUSEADDR),
    ] {
        let v = v8::Integer::new(scope, value);
        set_value(scope, flags, name, v.into());
    }
    set_value(scope, target, "constants", flags.into());
}

// ===== the handle =====

/// A datagram waiting for the socket to take it.
struct Datagram {
    data: Vec<u8>,
    to: Option<SocketAddr>,
    /// The JS request id (0: no callback wants to hear about it).
    req: u32,
}

/// A send that finished (or failed) and that JS has not been told about yet.
struct Completion {
    req: u32,
    status: i32,
    len: usize,
}

struct UdpState {
    /// `None` until bound, and once closed.
    sock: Option<UdpSocket>,
    /// The socket's address family is IPv6 (known once it exists).
    bound_v6: bool,
    /// `udp6`: addresses given to bind/connect/send are parsed as IPv6.
    ipv6: bool,
    /// The JS `onevent(kind, a, b)`.
    callback: Option<v8::Global<v8::Function>>,
    receiving: bool,
    /// A readable edge arrived while not receiving: datagrams may be waiting.
    readable_waiting: bool,
    /// A readable event is fed for the next poll phase.
    read_fed: bool,
    connected: bool,
    queue: VecDeque<Datagram>,
    done: VecDeque<Completion>,
    /// A pending-phase report of `done` is queued.
    report_deferred: bool,
    /// Sends not yet reported complete: bytes and count.
    queued_bytes: usize,
    queued_count: usize,
}

struct Udp {
    token: usize,
    state: RefCell<UdpState>,
}

thread_local! {
    /// Where datagrams are received before they are copied into a buffer of their own size.
    static RECV_BUF: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

impl Udp {
    /// Whether the handle keeps the loop alive: receiving, or sends not yet complete.
    fn update_active(&self, scope: &mut v8::PinScope) {
        let active = {
            let s = self.state.borrow();
            s.sock.is_some() && (s.receiving || s.queued_count > 0)
        };
        set_handle_active(scope, self.token, active);
    }

    fn emit<'s>(
        &self,
        scope: &mut v8::PinScope<'s, '_>,
        kind: i32,
        a: v8::Local<'s, v8::Value>,
        b: v8::Local<'s, v8::Value>,
    ) {
        let cb = self.state.borrow().callback.clone();
        if let Some(cb) = cb {
            let cb = v8::Local::new(scope, cb);
            let kind = v8::Integer::new(scope, kind).into();
            call_function(scope, cb, &[kind, a, b]);
        }
    }

    /// Receive until `WouldBlock`, JS stopping, or the per-event budget (then the rest is
    /// received in the next poll phase).
    fn recv_some(self: &Rc<Self>, scope: &mut v8::PinScope) {
        for _ in 0..RECVS_PER_EVENT {
            if !self.state.borrow().receiving {
                return;
            }
            let got = RECV_BUF.with(|cell| {
                let mut buf = cell.borrow_mut();
                if buf.len() < RECV_ROOM {
                    buf.resize(RECV_ROOM, 0);
                }
                let s = self.state.borrow();
                let sock = s.sock.as_ref()?;
                Some(
                    sock.recv_from(&mut buf)
                        .map(|(n, from)| (buf[..n].to_vec(), from)),
                )
            });
            let Some(got) = got else { return };
            match got {
                Ok((bytes, from)) => {
                    let data = crate::fs::bytes_to_js(scope, bytes);
                    let rinfo = address_to_js(scope, from);
                    self.emit(scope, EV_MESSAGE, data, rinfo);
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => {
                    self.state.borrow_mut().readable_waiting = false;
                    return;
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                // A pending socket error (an ICMP port unreachable after a connected send):
                // reported, and consumed by the kernel, so datagrams behind it still come.
                Err(e) => {
                    let errno = v8::Integer::new(scope, -errno_of(&e)).into();
                    let undefined = v8::undefined(scope).into();
                    self.emit(scope, EV_MESSAGE, errno, undefined);
                }
            }
        }
        self.state.borrow_mut().readable_waiting = true;
        self.feed_read(scope);
    }

    /// Receive again in the next poll phase (data may wait with no new edge to announce it).
    fn feed_read(&self, scope: &mut v8::PinScope) {
        {
            let mut s = self.state.borrow_mut();
            if s.read_fed {
                return;
            }
            s.read_fed = true;
        }
        let ready = Ready {
            readable: true,
            ..Ready::default()
        };
        feed(scope, self.token, ready);
    }

    /// Send queued datagrams until the socket stops taking them; each one sent or failed
    /// becomes a completion.
    fn flush(&self) {
        let mut s = self.state.borrow_mut();
        let s = &mut *s;
        let Some(sock) = s.sock.as_ref() else { return };
        while let Some(d) = s.queue.front() {
            let result = send_one(sock, &[IoSlice::new(&d.data)], d.to);
            let status = match result {
                Ok(n) => n as i32,
                Err(e) if would_block(&e) => return,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => -errno_of(&e),
            };
            let d = s.queue.pop_front().expect("front exists");
            s.done.push_back(Completion {
                req: d.req,
                status,
                len: d.data.len(),
            });
        }
    }

    /// Tell JS about the finished sends (those with a callback).
    fn report(&self, scope: &mut v8::PinScope) {
        self.state.borrow_mut().report_deferred = false;
        // One at a time, each leaving the send queue counts before its callback (as libuv's),
        // including sends that complete while the callbacks run.
        loop {
            let c = {
                let mut s = self.state.borrow_mut();
                let Some(c) = s.done.pop_front() else { break };
                s.queued_bytes -= c.len;
                s.queued_count -= 1;
                c
            };
            if c.req == 0 {
                continue;
            }
            let req = v8::Number::new(scope, c.req as f64).into();
            let status = v8::Integer::new(scope, c.status).into();
            self.emit(scope, EV_SENT, req, status);
        }
        self.update_active(scope);
    }

    /// Report finished sends in the next pending phase, where libuv runs the callbacks of
    /// sends completed outside the poll phase.
    fn report_later(self: &Rc<Self>, scope: &mut v8::PinScope) {
        {
            let mut s = self.state.borrow_mut();
            if s.report_deferred || s.done.is_empty() {
                return;
            }
            s.report_deferred = true;
        }
        let me = self.clone();
        defer(scope, move |scope| me.report(scope));
    }

    /// Make the OS socket if there is none yet, bound to the wildcard address of `v6`'s family
    /// (libuv's deferred bind); 0 or a negative errno.
    fn ensure_bound(&self, scope: &mut v8::PinScope, v6: bool, reuse: bool) -> i32 {
        if self.state.borrow().sock.is_some() {
            return 0;
        }
        let addr = if v6 {
            SocketAddr::new(IpAddr::V6(Ipv6Addr::UNSPECIFIED), 0)
        } else {
            SocketAddr::new(IpAddr::V4(Ipv4Addr::UNSPECIFIED), 0)
        };
        let flags = if reuse { FLAG_REUSEADDR } else { 0 };
        match bound_socket(addr, flags) {
            Ok(sock) => self.adopt(scope, sock),
            Err(e) => -errno_of(&e),
        }
    }

    /// Register `sock` with the poll and keep it; 0 or a negative errno.
    fn adopt(&self, scope: &mut v8::PinScope, sock: std::net::UdpSocket) -> i32 {
        let v6 = sock.local_addr().is_ok_and(|a| a.is_ipv6());
        let connected = sock.peer_addr().is_ok();
        let mut sock = UdpSocket::from_std(sock);
        let reg = registry(scope);
        if let Err(e) = reg.register(
            &mut sock,
            Token(self.token),
            Interest::READABLE | Interest::WRITABLE,
        ) {
            return -errno_of(&e);
        }
        let mut s = self.state.borrow_mut();
        s.sock = Some(sock);
        s.bound_v6 = v6;
        s.connected = connected;
        0
    }
}

impl Handle for Udp {
    fn ready(self: Rc<Self>, scope: &mut v8::PinScope, ready: Ready) {
        if (ready.writable || ready.error) && !self.state.borrow().queue.is_empty() {
            self.flush();
            self.report(scope);
        }
        if ready.readable || ready.error {
            let receiving = {
                let mut s = self.state.borrow_mut();
                s.readable_waiting = true;
                s.read_fed = false;
                s.receiving
            };
            if receiving {
                self.recv_some(scope);
            }
        }
    }
}

fn would_block(e: &std::io::Error) -> bool {
    e.kind() == ErrorKind::WouldBlock || e.raw_os_error() == Some(libc::ENOBUFS)
}

fn send_one(sock: &UdpSocket, bufs: &[IoSlice], to: Option<SocketAddr>) -> std::io::Result<usize> {
    let s = socket2::SockRef::from(sock);
    match to {
        Some(addr) => s.send_to_vectored(bufs, &addr.into()),
        None => s.send_vectored(bufs),
    }
}

/// A non-blocking UDP socket bound to `addr` with `bind`'s flags.
fn bound_socket(addr: SocketAddr, flags: i32) -> std::io::Result<std::net::UdpSocket> {
    let sock = socket2::Socket::new(
        socket2::Domain::for_address(addr),
        socket2::Type::DGRAM.nonblocking().cloexec(),
        Some(socket2::Protocol::UDP),
    )?;
    if flags & FLAG_REUSEADDR != 0 {
        sock.set_reuse_address(true)?;
    }
    if flags & FLAG_IPV6ONLY != 0 {
        sock.set_only_v6(true)?;
    }
    sock.bind(&addr.into())?;
    Ok(sock.into())
}

fn errno_of(e: &std::io::Error) -> i32 {
    e.raw_os_error().unwrap_or(libc::EIO)
}

// ===== natives =====

fn udp_arg(scope: &mut v8::PinScope, args: &v8::FunctionCallbackArguments) -> Option<Rc<Udp>> {
    let n = args.get(0).number_value(scope).unwrap_or(0.0);
    let token = if n.is_finite() && n >= 0.0 {
        n as usize
    } else {
        0
    };
    handle::<Udp>(scope, token)
}

fn port_arg(scope: &mut v8::PinScope, args: &v8::FunctionCallbackArguments, i: i32) -> u16 {
    // Node passes the port as a uint32 and libuv keeps its low 16 bits.
    args.get(i).uint32_value(scope).unwrap_or(0) as u16
}

/// `create(ipv6, onevent)` → token. No OS socket yet (see the module docs).
fn create(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let ipv6 = args.get(0).is_true();
    let callback = v8::Local::<v8::Function>::try_from(args.get(1))
        .ok()
        .map(|f| v8::Global::new(scope, f));
    let udp = open_handle(scope, |token| Udp {
        token: token.0,
        state: RefCell::new(UdpState {
            sock: None,
            bound_v6: ipv6,
            ipv6,
            callback,
            receiving: false,
            readable_waiting: false,
            read_fed: false,
            connected: false,
            queue: VecDeque::new(),
            done: VecDeque::new(),
            report_deferred: false,
            queued_bytes: 0,
            queued_count: 0,
        }),
    });
    rv.set_double(udp.token as f64);
}

/// `bind(token, ip, port, flags)` → 0 or a negative errno.
fn bind(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let Some(udp) = udp_arg(scope, &args) else {
        rv.set_int32(-libc::EBADF);
        return;
    };
    let text = args.get(1).to_rust_string_lossy(scope);
    let port = port_arg(scope, &args, 2);
    let flags = args.get(3).int32_value(scope).unwrap_or(0);
    let (has_sock, ipv6) = {
        let s = udp.state.borrow();
        (s.sock.is_some(), s.ipv6)
    };
    let result = if has_sock {
        // Binding a bound socket again, as bind(2) answers.
        -libc::EINVAL
    } else {
        match sockaddr_for(ipv6, &text, port) {
            Err(errno) => errno,
            Ok(addr) if flags & FLAG_IPV6ONLY != 0 && !addr.is_ipv6() => -libc::EINVAL,
            Ok(addr) => match bound_socket(addr, flags) {
                Ok(sock) => udp.adopt(scope, sock),
                Err(e) => -errno_of(&e),
            },
        }
    };
    rv.set_int32(result);
}

/// `recvStart(token)` → 0 or a negative errno; binds first when unbound, as libuv does.
fn recv_start(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(udp) = udp_arg(scope, &args) else {
        rv.set_int32(-libc::EBADF);
        return;
    };
    let bound = udp.ensure_bound(scope, false, false);
    if bound != 0 {
        rv.set_int32(bound);
        return;
    }
    let waiting = {
        let mut s = udp.state.borrow_mut();
        if s.receiving {
            rv.set_int32(-libc::EALREADY);
            return;
        }
        s.receiving = true;
        s.readable_waiting
    };
    udp.update_active(scope);
    if waiting {
        udp.feed_read(scope);
    }
    rv.set_int32(0);
}

fn recv_stop(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    if let Some(udp) = udp_arg(scope, &args) {
        udp.state.borrow_mut().receiving = false;
        udp.update_active(scope);
    }
}

/// The bytes of a view, borrowed for the duration of one native call (no JS runs meanwhile,
/// so nothing can detach or resize the buffer); empty for anything else.
fn view_slice<'a>(scope: &mut v8::PinScope, value: v8::Local<v8::Value>) -> &'a [u8] {
    let Ok(view) = v8::Local::<v8::ArrayBufferView>::try_from(value) else {
        return &[];
    };
    let len = view.byte_length();
    if len == 0 {
        return &[];
    }
    let Some(data) = view.buffer(scope).and_then(|b| b.data()) else {
        return &[];
    };
    // SAFETY: [byte_offset, byte_offset + len) lies inside the live backing store.
    unsafe { std::slice::from_raw_parts((data.as_ptr() as *const u8).add(view.byte_offset()), len) }
}

/// `send(token, views, ip | undefined, port, req, tryNow)`: one datagram of the views' bytes,
/// to `ip:port` or (no ip) to the connected peer. Returns the bytes sent + 1 when it went out
/// at once, 0 when it was queued (`EV_SENT` with `req` follows unless req is 0), or a negative
/// errno. `tryNow` false queues even a datagram the socket would take (Node's
/// `--test-udp-no-try-send`).
fn send(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    // Held socket writes go out before this write (see io.rs).
    eddy_runtime::flush_held_writes(scope);
    let Some(udp) = udp_arg(scope, &args) else {
        rv.set_double(-(libc::EBADF as f64));
        return;
    };
    let (ipv6, connected) = {
        let s = udp.state.borrow();
        (s.ipv6, s.connected)
    };
    let to = if args.get(2).is_string() {
        let text = args.get(2).to_rust_string_lossy(scope);
        match sockaddr_for(ipv6, &text, port_arg(scope, &args, 3)) {
            Ok(addr) => Some(addr),
            Err(errno) => {
                rv.set_double(errno as f64);
                return;
            }
        }
    } else {
        None
    };
    let req = args.get(4).uint32_value(scope).unwrap_or(0);
    let try_now = args.get(5).is_true();
    // libuv's checks: an address for a connected socket, none for an unconnected one.
    match (to, connected) {
        (Some(_), true) => {
            rv.set_double(-(libc::EISCONN as f64));
            return;
        }
        (None, false) => {
            rv.set_double(-(libc::EDESTADDRREQ as f64));
            return;
        }
        _ => {}
    }
    let bound = udp.ensure_bound(scope, to.is_some_and(|a| a.is_ipv6()), false);
    if bound != 0 {
        rv.set_double(bound as f64);
        return;
    }
    let Ok(list) = v8::Local::<v8::Array>::try_from(args.get(1)) else {
        rv.set_double(-(libc::EINVAL as f64));
        return;
    };
    let mut parts: Vec<&[u8]> = Vec::with_capacity(list.length() as usize);
    for i in 0..list.length() {
        if let Some(item) = list.get_index(scope, i) {
            parts.push(view_slice(scope, item));
        }
    }
    let len: usize = parts.iter().map(|p| p.len()).sum();
    {
        let s = udp.state.borrow();
        if try_now
            && s.queue.is_empty()
            && let Some(sock) = s.sock.as_ref()
        {
            let slices: Vec<IoSlice> = parts.iter().map(|p| IoSlice::new(p)).collect();
            loop {
                match send_one(sock, &slices, to) {
                    Ok(n) => {
                        rv.set_double(n as f64 + 1.0);
                        return;
                    }
                    Err(e) if e.kind() == ErrorKind::Interrupted => {}
                    Err(e) if would_block(&e) => break,
                    Err(e) => {
                        rv.set_double(-errno_of(&e) as f64);
                        return;
                    }
                }
            }
        }
    }
    let flush_now = {
        let mut s = udp.state.borrow_mut();
        let was_empty = s.queue.is_empty();
        s.queue.push_back(Datagram {
            data: parts.concat(),
            to,
            req,
        });
        s.queued_bytes += len;
        s.queued_count += 1;
        was_empty
    };
    udp.update_active(scope);
    // As libuv: a send into an empty queue is attempted at once; its completion (and any
    // failure) is reported in the pending phase.
    if flush_now {
        udp.flush();
        udp.report_later(scope);
    }
    rv.set_double(0.0);
}

/// `close(token)`: the socket is closed now; sends still queued complete with ECANCELED in
/// the close phase.
fn close(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let Some(udp) = udp_arg(scope, &args) else {
        return;
    };
    let sock = {
        let mut s = udp.state.borrow_mut();
        s.receiving = false;
        let s = &mut *s;
        for d in s.queue.drain(..) {
            s.done.push_back(Completion {
                req: d.req,
                status: -libc::ECANCELED,
                len: d.data.len(),
            });
        }
        s.sock.take()
    };
    if let Some(mut sock) = sock {
        let _ = registry(scope).deregister(&mut sock);
    }
    let me = udp.clone();
    close_handle(scope, udp.token, move |scope| {
        me.report(scope);
        me.state.borrow_mut().callback = None;
    });
}

fn set_ref(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    if let Some(udp) = udp_arg(scope, &args) {
        set_handle_ref(scope, udp.token, args.get(1).is_true());
    }
}

fn has_ref(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let refed = udp_arg(scope, &args).is_some_and(|udp| handle_has_ref(scope, udp.token));
    rv.set_bool(refed);
}

fn send_queue_size(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let n = udp_arg(scope, &args).map_or(0, |u| u.state.borrow().queued_bytes);
    rv.set_double(n as f64);
}

fn send_queue_count(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let n = udp_arg(scope, &args).map_or(0, |u| u.state.borrow().queued_count);
    rv.set_double(n as f64);
}

/// `fd(token)` → the descriptor, or -1 before the socket exists and once closed.
fn fd(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let fd = udp_arg(scope, &args)
        .and_then(|u| u.state.borrow().sock.as_ref().map(|s| s.as_raw_fd()))
        .unwrap_or(-1);
    rv.set_int32(fd);
}

/// The socket of `args[0]`'s handle and whether it is IPv6, for the option natives; EBADF when
/// there is no socket yet (or any more).
fn with_socket<T>(
    scope: &mut v8::PinScope,
    args: &v8::FunctionCallbackArguments,
    f: impl FnOnce(&UdpSocket, bool) -> Result<T, i32>,
) -> Result<T, i32> {
    let udp = udp_arg(scope, args).ok_or(-libc::EBADF)?;
    let s = udp.state.borrow();
    let sock = s.sock.as_ref().ok_or(-libc::EBADF)?;
    f(sock, s.bound_v6)
}

/// As `with_socket`, binding the handle first when it has no socket (libuv binds before a
/// multicast membership change), to the wildcard address of `v6`'s family with SO_REUSEADDR.
fn with_bound_socket<T>(
    scope: &mut v8::PinScope,
    args: &v8::FunctionCallbackArguments,
    v6: bool,
    f: impl FnOnce(&UdpSocket, bool) -> Result<T, i32>,
) -> Result<T, i32> {
    let udp = udp_arg(scope, args).ok_or(-libc::EBADF)?;
    let bound = udp.ensure_bound(scope, v6, true);
    if bound != 0 {
        return Err(bound);
    }
    with_socket(scope, args, f)
}
