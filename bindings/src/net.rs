//! `binding.net`: TCP and Unix-domain stream sockets and servers as handles of the poll phase
//! (see `eddy_runtime::io` for the table and the dispatch). stdlib-js `net.js` builds
//! `net.Socket` (a Duplex) and `net.Server` on top.
//!
//! The JS side names a handle by its token (a number). Each handle has one JS callback,
//! `onevent(kind, value)`, with `kind` one of the `EV_*` numbers below (exported to JS as
//! `binding.net.events`). Failures are negative errno numbers, turned into Node's errors in JS.
//!
//! Sockets are edge-triggered: a readable event reads until `WouldBlock` (in slices, so one
//! busy peer cannot starve the rest); while JS has stopped reading, the event is remembered and
//! the read happens when reading restarts. Writes go straight to the socket when it takes them;
//! what it doesn't take is queued here and flushed on writability, then `EV_WRITTEN` tells JS
//! that everything queued so far has reached the kernel.

use std::cell::RefCell;
use std::net::{IpAddr, SocketAddr};
use std::rc::Rc;

use eddy_runtime::{
    NativeModule, Ready, call_function, close_handle, feed, handle, handle_has_ref, registry,
    set_fn, set_handle_ref, set_value, v8,
};

#[path = "net_http_fast.rs"]
mod http_fast;
#[path = "net_listen.rs"]
mod listen;
#[path = "net_read_slab.rs"]
mod read_slab;
#[path = "net_stream.rs"]
mod stream;

pub(crate) use listen::{Listener, Server, adopt_listener};
pub(crate) use stream::{Socket, Stream, adopt_stream};

pub const MODULE: NativeModule = NativeModule { name: "net", init };

/// Chunk of bytes arrived: value is a Uint8Array (a range of the read slab, see
/// `net_read_slab`; TLS plaintext comes as an ArrayBuffer).
pub(crate) const EV_DATA: i32 = 1;
/// The peer ended its side (read returned 0).
pub(crate) const EV_EOF: i32 = 2;
/// A read or write failed: value is the negative errno; `syscall` says which.
pub(super) const EV_ERROR: i32 = 3;
/// A connect finished: value is 0 or the negative errno.
pub(super) const EV_CONNECT: i32 = 4;
/// Every queued write reached the kernel.
pub(super) const EV_WRITTEN: i32 = 5;
/// A server accepted a connection: value is the new socket's token.
pub(super) const EV_CONNECTION: i32 = 6;
/// The handle was closed (close phase).
pub(super) const EV_CLOSE: i32 = 7;
/// A shutdown (end of our write side) finished: value is 0 or the negative errno.
pub(super) const EV_SHUTDOWN: i32 = 8;
/// An IPC channel's read carried descriptors (SCM_RIGHTS): value is an array of fds, delivered
/// before the `EV_DATA` of the same read. JS owns them from then on.
pub(crate) const EV_HANDLES: i32 = 9;

/// Reads per readiness event before yielding to other handles.
pub(super) const READS_PER_EVENT: usize = 16;

fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "listenTcp", listen::listen_tcp);
    set_fn(scope, target, "listenPipe", listen::listen_pipe);
    set_fn(scope, target, "connectTcp", listen::connect_tcp);
    set_fn(scope, target, "connectPipe", listen::connect_pipe);
    set_fn(scope, target, "setCallback", set_callback);
    set_fn(scope, target, "readStart", read_start);
    set_fn(scope, target, "readStop", read_stop);
    set_fn(scope, target, "write", write);
    set_fn(scope, target, "writev", writev);
    set_fn(scope, target, "shutdown", shutdown);
    set_fn(scope, target, "close", close);
    set_fn(scope, target, "reset", reset);
    set_fn(scope, target, "setRef", set_ref);
    set_fn(scope, target, "hasRef", has_ref);
    set_fn(scope, target, "setNoDelay", set_no_delay);
    set_fn(scope, target, "setKeepAlive", set_keep_alive);
    set_fn(scope, target, "localAddress", local_address);
    set_fn(scope, target, "remoteAddress", remote_address);
    set_fn(scope, target, "queuedBytes", queued_bytes);
    set_fn(scope, target, "httpFastStart", http_fast::http_fast_start);
    set_fn(scope, target, "httpFastResume", http_fast::http_fast_resume);
    set_fn(scope, target, "httpFastStop", http_fast::http_fast_stop);
    crate::net_fd::init(scope, target);
    crate::net_tls::init(scope, target);
    let events = v8::Object::new(scope);
    for (name, value) in [
        ("DATA", EV_DATA),
        ("EOF", EV_EOF),
        ("ERROR", EV_ERROR),
        ("CONNECT", EV_CONNECT),
        ("WRITTEN", EV_WRITTEN),
        ("CONNECTION", EV_CONNECTION),
        ("CLOSE", EV_CLOSE),
        ("SHUTDOWN", EV_SHUTDOWN),
        ("HANDLES", EV_HANDLES),
        ("SECURE", crate::net_tls::EV_SECURE),
        ("TLS_ERROR", crate::net_tls::EV_TLS_ERROR),
    ] {
        let v = v8::Integer::new(scope, value);
        set_value(scope, events, name, v.into());
    }
    set_value(scope, target, "events", events.into());
}

pub(crate) fn errno_of(e: &std::io::Error) -> i32 {
    e.raw_os_error().unwrap_or(libc::EIO)
}

// ===== natives =====

pub(crate) fn token_arg(
    scope: &mut v8::PinScope,
    args: &v8::FunctionCallbackArguments,
    i: i32,
) -> usize {
    let n = args.get(i).number_value(scope).unwrap_or(0.0);
    if n.is_finite() && n >= 0.0 {
        n as usize
    } else {
        0
    }
}

pub(crate) fn socket_arg(
    scope: &mut v8::PinScope,
    args: &v8::FunctionCallbackArguments,
) -> Option<Rc<Socket>> {
    let token = token_arg(scope, args, 0);
    handle::<Socket>(scope, token)
}

pub(super) fn function_arg(
    scope: &mut v8::PinScope,
    args: &v8::FunctionCallbackArguments,
    i: i32,
) -> Option<v8::Global<v8::Function>> {
    v8::Local::<v8::Function>::try_from(args.get(i))
        .ok()
        .map(|f| v8::Global::new(scope, f))
}

pub(super) fn ip_arg(
    scope: &mut v8::PinScope,
    args: &v8::FunctionCallbackArguments,
    i: i32,
) -> Option<IpAddr> {
    let text = args.get(i).to_rust_string_lossy(scope);
    text.parse().ok()
}

pub(super) fn port_arg(
    scope: &mut v8::PinScope,
    args: &v8::FunctionCallbackArguments,
    i: i32,
) -> u16 {
    let n = args.get(i).number_value(scope).unwrap_or(0.0);
    if (0.0..=65535.0).contains(&n) {
        n as u16
    } else {
        0
    }
}
/// `setCallback(token, onevent)`: for accepted sockets, whose JS object is made afterwards.
fn set_callback(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let cb = function_arg(scope, &args, 1);
    if let Some(socket) = socket_arg(scope, &args) {
        socket.state.borrow_mut().callback = cb;
    } else {
        let token = token_arg(scope, &args, 0);
        let Some(server) = handle::<Server>(scope, token) else {
            return;
        };
        *server.callback.borrow_mut() = cb;
    }
}

fn read_start(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(socket) = socket_arg(scope, &args) else {
        rv.set_int32(-libc::EBADF);
        return;
    };
    let waiting = {
        let mut s = socket.state.borrow_mut();
        s.reading = true;
        s.readable_waiting && !s.connecting
    };
    socket.update_active(scope);
    if waiting {
        socket.feed_read(scope);
    }
    rv.set_int32(0);
}

fn read_stop(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    if let Some(socket) = socket_arg(scope, &args) {
        socket.state.borrow_mut().reading = false;
        socket.update_active(scope);
    }
}

/// `write(token, data, size?)`: data is a string (UTF-8) or an ArrayBufferView. Returns the
/// bytes still queued (0: all of it reached the kernel; `EV_WRITTEN` follows otherwise), or a
/// negative errno. A string's UTF-8 size goes into `size[0]` (a Float64Array) when given, so
/// the caller's byte count needs no second pass over the string.
fn write(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let Some(socket) = socket_arg(scope, &args) else {
        rv.set_double(-(libc::EBADF as f64));
        return;
    };
    socket.before_write(scope);
    let data = args.get(1);
    let result = if data.is_array_buffer_view() {
        // Written from the view's own memory: no JS runs before write_bytes returns, and what
        // the socket does not take is copied into the queue there.
        socket.write_bytes(crate::buffer::view_bytes(scope, data))
    } else if let Ok(text) = v8::Local::<v8::String>::try_from(data) {
        let mut buf = WriteScratch::take();
        let bytes = buf.utf8_of(scope, text);
        report_size(scope, args.get(2), bytes.len());
        let result = socket.write_bytes(bytes);
        buf.put_back();
        result
    } else {
        let text = data.to_rust_string_lossy(scope);
        socket.write_bytes(text.as_bytes())
    };
    socket.update_active(scope);
    rv.set_double(result as f64);
}

/// Buffers the write natives reuse, so a write of strings allocates nothing of its own (what
/// the socket does not take is copied into its queue).
#[derive(Default)]
struct WriteScratch {
    /// One string's UTF-8.
    text: String,
    /// A writev's chunks one after another.
    all: Vec<u8>,
}

impl WriteScratch {
    /// `text` as UTF-8, in one of the buffers. A Latin-1 string (every HTTP head, most bodies)
    /// is copied out of its parts as they are (a concatenation is not flattened into a new
    /// string first) and only converted when it holds a byte beyond ASCII.
    fn utf8_of(&mut self, scope: &mut v8::PinScope, text: v8::Local<v8::String>) -> &[u8] {
        if !text.is_onebyte() {
            text.write_utf8_into(scope, &mut self.text);
            return self.text.as_bytes();
        }
        let len = text.length();
        self.all.clear();
        self.all.reserve(len);
        text.write_one_byte_uninit_v2(
            scope,
            0,
            &mut self.all.spare_capacity_mut()[..len],
            v8::WriteFlags::empty(),
        );
        // SAFETY: write_one_byte_uninit_v2 wrote all `len` characters of the string.
        unsafe { self.all.set_len(len) };
        if self.all.is_ascii() {
            return &self.all;
        }
        self.text.clear();
        self.text.extend(self.all.iter().map(|&b| char::from(b)));
        self.text.as_bytes()
    }

    /// The thread's buffers, out of their cell while in use: a write made meanwhile (JS run by
    /// a chunk's toString) just starts with empty ones.
    fn take() -> WriteScratch {
        WRITE_SCRATCH.with(|cell| std::mem::take(&mut *cell.borrow_mut()))
    }

    /// Back into the cell, emptied; a buffer that grew for one big write is let go.
    fn put_back(mut self) {
        const KEEP: usize = 64 * 1024;
        self.text.clear();
        self.all.clear();
        if self.text.capacity() > KEEP {
            self.text = String::new();
        }
        if self.all.capacity() > KEEP {
            self.all = Vec::new();
        }
        WRITE_SCRATCH.with(|cell| *cell.borrow_mut() = self);
    }
}

/// Store `n` in `out[0]` when `out` is a Float64Array (write's optional size report).
fn report_size(scope: &mut v8::PinScope, out: v8::Local<v8::Value>, n: usize) {
    if out.is_float64_array() {
        let cell = crate::buffer::view_bytes(scope, out);
        if let Some(cell) = cell.get_mut(..8) {
            cell.copy_from_slice(&(n as f64).to_ne_bytes());
        }
    }
}

thread_local! {
    static WRITE_SCRATCH: RefCell<WriteScratch> = RefCell::new(WriteScratch::default());
}

/// `writev(token, chunks)`: the chunks (strings or views) written as one.
fn writev(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let Some(socket) = socket_arg(scope, &args) else {
        rv.set_double(-(libc::EBADF as f64));
        return;
    };
    let Ok(chunks) = v8::Local::<v8::Array>::try_from(args.get(1)) else {
        rv.set_double(-(libc::EINVAL as f64));
        return;
    };
    socket.before_write(scope);
    let mut buf = WriteScratch::take();
    let WriteScratch { text, all } = &mut buf;
    for i in 0..chunks.length() {
        let Some(item) = chunks.get_index(scope, i) else {
            continue;
        };
        if let Ok(view) = v8::Local::<v8::ArrayBufferView>::try_from(item) {
            let start = all.len();
            all.resize(start + view.byte_length(), 0);
            let n = view.copy_contents(&mut all[start..]);
            all.truncate(start + n);
        } else if let Ok(s) = v8::Local::<v8::String>::try_from(item) {
            s.write_utf8_into(scope, text);
            all.extend_from_slice(text.as_bytes());
        } else {
            all.extend_from_slice(item.to_rust_string_lossy(scope).as_bytes());
        }
    }
    let result = socket.write_bytes(all);
    buf.put_back();
    socket.update_active(scope);
    rv.set_double(result as f64);
}

/// `shutdown(token)`: end our write side once the queued writes are out; `EV_SHUTDOWN` follows
/// in a later poll phase.
fn shutdown(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(socket) = socket_arg(scope, &args) else {
        rv.set_int32(-libc::EBADF);
        return;
    };
    // TLS says goodbye (close_notify) before the socket's own end.
    crate::net_tls::close_notify(&socket);
    // Writes held for the end of the poll phase go before the FIN.
    socket.send_held();
    let feed_now = {
        let mut s = socket.state.borrow_mut();
        s.shutdown_pending = true;
        s.queued == 0 && !s.connecting
    };
    // Nothing left to write: the FIN goes out now (a peer in this same process sees the end
    // as soon as it would from Node); `EV_SHUTDOWN` reports it once the poll phase's events
    // are dispatched (io::dispatch_fed).
    let shut_now = feed_now
        && matches!(
            socket.state.borrow().stream,
            Some(Stream::Tcp(_) | Stream::Unix(_))
        );
    if shut_now {
        let result = socket.shutdown_now();
        socket.state.borrow_mut().shutdown_result = Some(result);
    }
    if feed_now {
        let ready = Ready {
            writable: true,
            ..Ready::default()
        };
        feed(scope, socket.token, ready);
    }
    rv.set_int32(0);
}

/// `close(token)`: close the socket or server now; `EV_CLOSE` comes in the close phase.
fn close(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let token = token_arg(scope, &args, 0);
    close_token(scope, token);
}

/// `reset(token)`: close a TCP socket with RST instead of FIN (SO_LINGER 0), so the peer reads
/// ECONNRESET (`socket.resetAndDestroy()`); `EV_CLOSE` follows as for `close`.
fn reset(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let token = token_arg(scope, &args, 0);
    if let Some(socket) = handle::<Socket>(scope, token)
        && let Some(Stream::Tcp(s)) = socket.state.borrow().stream.as_ref()
    {
        let _ = socket2::SockRef::from(s).set_linger(Some(std::time::Duration::ZERO));
    }
    close_token(scope, token);
}

fn close_token(scope: &mut v8::PinScope, token: usize) {
    let reg = registry(scope);
    if let Some(socket) = handle::<Socket>(scope, token) {
        // What was written counts as sent: held bytes go out before the close, as far as the
        // socket takes them.
        let _ = socket.release_held();
        let stream = {
            let mut s = socket.state.borrow_mut();
            s.queue.clear();
            s.queued = 0;
            s.reading = false;
            // Its callback holds the connection's JS objects.
            s.http = None;
            s.stream.take()
        };
        if let Some(mut stream) = stream {
            let _ = reg.deregister(stream.source());
        }
        let me = socket.clone();
        close_handle(scope, token, move |scope| {
            me.emit(scope, EV_CLOSE, v8::undefined(scope).into());
            me.state.borrow_mut().callback = None;
        });
    } else if let Some(server) = handle::<Server>(scope, token) {
        if let Some(mut listener) = server.listener.borrow_mut().take() {
            let _ = match &mut listener {
                Listener::Tcp(l) => reg.deregister(l),
                Listener::Unix(l) => reg.deregister(l),
            };
        }
        let me = server.clone();
        close_handle(scope, token, move |scope| {
            let cb = me.callback.borrow_mut().take();
            if let Some(cb) = cb {
                let cb = v8::Local::new(scope, cb);
                let kind = v8::Integer::new(scope, EV_CLOSE).into();
                let undefined = v8::undefined(scope).into();
                call_function(scope, cb, &[kind, undefined]);
            }
        });
    }
}

fn set_ref(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let token = token_arg(scope, &args, 0);
    let refed = args.get(1).is_true();
    set_handle_ref(scope, token, refed);
}

fn has_ref(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let token = token_arg(scope, &args, 0);
    rv.set_bool(handle_has_ref(scope, token));
}

fn set_no_delay(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let on = args.get(1).is_true();
    if let Some(socket) = socket_arg(scope, &args)
        && let Some(Stream::Tcp(s)) = socket.state.borrow().stream.as_ref()
    {
        let _ = s.set_nodelay(on);
    }
}

/// `setKeepAlive(token, enable, initialDelaySeconds)`.
fn set_keep_alive(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let on = args.get(1).is_true();
    let delay = args.get(2).number_value(scope).unwrap_or(0.0);
    if let Some(socket) = socket_arg(scope, &args)
        && let Some(Stream::Tcp(s)) = socket.state.borrow().stream.as_ref()
    {
        let sock = socket2::SockRef::from(s);
        let _ = sock.set_keepalive(on);
        if on && delay >= 1.0 {
            let ka = socket2::TcpKeepalive::new()
                .with_time(std::time::Duration::from_secs(delay as u64));
            let _ = sock.set_tcp_keepalive(&ka);
        }
    }
}

/// `[address, port, family]` of a socket address, as Node reports it.
fn address_to_js<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    addr: SocketAddr,
) -> v8::Local<'s, v8::Value> {
    let ip = match addr.ip() {
        IpAddr::V6(v6) if addr.is_ipv6() => v6.to_string(),
        ip => ip.to_string(),
    };
    let family = if addr.is_ipv4() { "IPv4" } else { "IPv6" };
    let items = [
        eddy_runtime::js_string(scope, &ip).into(),
        v8::Integer::new(scope, addr.port() as i32).into(),
        eddy_runtime::js_string(scope, family).into(),
    ];
    v8::Array::new_with_elements(scope, &items).into()
}

fn local_address(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let token = token_arg(scope, &args, 0);
    let addr = if let Some(socket) = handle::<Socket>(scope, token) {
        match socket.state.borrow().stream.as_ref() {
            Some(Stream::Tcp(s)) => s.local_addr().ok(),
            _ => None,
        }
    } else if let Some(server) = handle::<Server>(scope, token) {
        match server.listener.borrow().as_ref() {
            Some(Listener::Tcp(l)) => l.local_addr().ok(),
            _ => None,
        }
    } else {
        None
    };
    if let Some(addr) = addr {
        let v = address_to_js(scope, addr);
        rv.set(v);
    }
}

fn remote_address(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let addr =
        socket_arg(scope, &args).and_then(|socket| match socket.state.borrow().stream.as_ref() {
            Some(Stream::Tcp(s)) => s.peer_addr().ok(),
            _ => None,
        });
    if let Some(addr) = addr {
        let v = address_to_js(scope, addr);
        rv.set(v);
    }
}

fn queued_bytes(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let n = socket_arg(scope, &args).map_or(0, |s| s.state.borrow().queued);
    rv.set_double(n as f64);
}
