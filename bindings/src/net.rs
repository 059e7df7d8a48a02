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
use std::collections::VecDeque;
use std::io::{ErrorKind, Read, Write};
use std::net::{IpAddr, Shutdown, SocketAddr};
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::rc::Rc;

use eddy_runtime::mio::net::{TcpListener, TcpStream, UnixListener, UnixStream};
use eddy_runtime::mio::unix::pipe::{Receiver, Sender};
use eddy_runtime::mio::{Interest, Token};
use eddy_runtime::{
    Handle, NativeModule, Ready, call_function, close_handle, defer, feed, handle, handle_has_ref,
    mio, open_handle, registry, set_fn, set_handle_active, set_handle_ref, set_value, v8,
};

#[path = "net_read_slab.rs"]
mod read_slab;

pub const MODULE: NativeModule = NativeModule { name: "net", init };

/// Chunk of bytes arrived: value is a Uint8Array (a range of the read slab, see
/// `net_read_slab`; TLS plaintext comes as an ArrayBuffer).
pub(crate) const EV_DATA: i32 = 1;
/// The peer ended its side (read returned 0).
pub(crate) const EV_EOF: i32 = 2;
/// A read or write failed: value is the negative errno; `syscall` says which.
const EV_ERROR: i32 = 3;
/// A connect finished: value is 0 or the negative errno.
const EV_CONNECT: i32 = 4;
/// Every queued write reached the kernel.
const EV_WRITTEN: i32 = 5;
/// A server accepted a connection: value is the new socket's token.
const EV_CONNECTION: i32 = 6;
/// The handle was closed (close phase).
const EV_CLOSE: i32 = 7;
/// A shutdown (end of our write side) finished: value is 0 or the negative errno.
const EV_SHUTDOWN: i32 = 8;
/// An IPC channel's read carried descriptors (SCM_RIGHTS): value is an array of fds, delivered
/// before the `EV_DATA` of the same read. JS owns them from then on.
pub(crate) const EV_HANDLES: i32 = 9;

/// Reads per readiness event before yielding to other handles.
const READS_PER_EVENT: usize = 16;

fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "listenTcp", listen_tcp);
    set_fn(scope, target, "listenPipe", listen_pipe);
    set_fn(scope, target, "connectTcp", connect_tcp);
    set_fn(scope, target, "connectPipe", connect_pipe);
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

// ===== the OS objects =====

/// A connected stream socket.
pub(crate) enum Stream {
    Tcp(TcpStream),
    Unix(UnixStream),
    /// The read end of a pipe (a child process's stdout or stderr).
    PipeIn(Receiver),
    /// The write end of a pipe (a child process's stdin).
    PipeOut(Sender),
}

impl Stream {
    pub(crate) fn raw_fd(&self) -> RawFd {
        match self {
            Stream::Tcp(s) => s.as_raw_fd(),
            Stream::Unix(s) => s.as_raw_fd(),
            Stream::PipeIn(s) => s.as_raw_fd(),
            Stream::PipeOut(s) => s.as_raw_fd(),
        }
    }
    fn source(&mut self) -> &mut dyn mio::event::Source {
        match self {
            Stream::Tcp(s) => s,
            Stream::Unix(s) => s,
            Stream::PipeIn(s) => s,
            Stream::PipeOut(s) => s,
        }
    }
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Stream::Tcp(s) => s.read(buf),
            Stream::Unix(s) => s.read(buf),
            Stream::PipeIn(s) => s.read(buf),
            Stream::PipeOut(_) => Err(std::io::Error::from_raw_os_error(libc::EBADF)),
        }
    }
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Stream::Tcp(s) => s.write(buf),
            Stream::Unix(s) => s.write(buf),
            Stream::PipeOut(s) => s.write(buf),
            Stream::PipeIn(_) => Err(std::io::Error::from_raw_os_error(libc::EBADF)),
        }
    }
    fn write_vectored(&mut self, bufs: &[std::io::IoSlice]) -> std::io::Result<usize> {
        match self {
            Stream::Tcp(s) => s.write_vectored(bufs),
            Stream::Unix(s) => s.write_vectored(bufs),
            Stream::PipeOut(s) => s.write_vectored(bufs),
            Stream::PipeIn(_) => Err(std::io::Error::from_raw_os_error(libc::EBADF)),
        }
    }
    /// End our write side. A pipe has no half-close: its write end is closed instead (see
    /// `Socket::do_shutdown`), so the reader sees EOF.
    fn shutdown_write(&self) -> std::io::Result<()> {
        match self {
            Stream::Tcp(s) => s.shutdown(Shutdown::Write),
            Stream::Unix(s) => s.shutdown(Shutdown::Write),
            Stream::PipeIn(_) | Stream::PipeOut(_) => Ok(()),
        }
    }
    fn take_error(&self) -> std::io::Result<Option<std::io::Error>> {
        match self {
            Stream::Tcp(s) => s.take_error(),
            Stream::Unix(s) => s.take_error(),
            Stream::PipeIn(_) | Stream::PipeOut(_) => Ok(None),
        }
    }
    /// Whether a non-blocking connect has finished (getpeername succeeds).
    fn is_connected(&self) -> bool {
        match self {
            Stream::Tcp(s) => s.peer_addr().is_ok(),
            Stream::Unix(s) => s.peer_addr().is_ok(),
            Stream::PipeIn(_) | Stream::PipeOut(_) => true,
        }
    }
}

/// A listening socket.
pub(crate) enum Listener {
    Tcp(TcpListener),
    Unix(UnixListener),
}

// ===== impl Socket =====

pub(crate) struct SocketState {
    /// `None` once closed.
    pub(crate) stream: Option<Stream>,
    /// The JS `onevent(kind, value)`.
    callback: Option<v8::Global<v8::Function>>,
    connecting: bool,
    reading: bool,
    /// A readable edge arrived while not reading: data (or EOF) may be waiting.
    readable_waiting: bool,
    /// A readable event is fed for the next poll phase.
    read_fed: bool,
    /// Bytes the socket has not taken yet, oldest first; `sent` counts what went of the first.
    queue: VecDeque<Piece>,
    sent: usize,
    queued: usize,
    /// `shutdown()` was asked for while writes were queued.
    shutdown_pending: bool,
    /// An IPC channel: reads collect passed descriptors (`EV_HANDLES`).
    pub(crate) ipc: bool,
    /// TLS over this socket (net_tls.rs): reads are decrypted, writes encrypted.
    pub(crate) tls: Option<Box<crate::net_tls::Tls>>,
}

impl SocketState {
    pub(crate) fn queued_bytes(&self) -> usize {
        self.queued
    }
}

/// Queued bytes, and the descriptor that travels with their first byte (IPC handle passing).
pub(crate) struct Piece {
    data: Vec<u8>,
    fd: Option<OwnedFd>,
}

pub(crate) struct Socket {
    pub(crate) token: usize,
    pub(crate) state: RefCell<SocketState>,
}

impl SocketState {
    fn new(stream: Stream, connecting: bool) -> SocketState {
        SocketState {
            stream: Some(stream),
            callback: None,
            connecting,
            reading: false,
            readable_waiting: false,
            read_fed: false,
            queue: VecDeque::new(),
            sent: 0,
            queued: 0,
            shutdown_pending: false,
            ipc: false,
            tls: None,
        }
    }
}

impl Socket {
    /// Whether the handle keeps the loop alive: reading, connecting or writes queued.
    pub(crate) fn update_active(&self, scope: &mut v8::PinScope) {
        let active = {
            let s = self.state.borrow();
            s.stream.is_some() && (s.reading || s.connecting || s.queued > 0)
        };
        set_handle_active(scope, self.token, active);
    }

    pub(crate) fn emit<'s>(
        &self,
        scope: &mut v8::PinScope<'s, '_>,
        kind: i32,
        value: v8::Local<'s, v8::Value>,
    ) {
        let cb = self.state.borrow().callback.clone();
        if let Some(cb) = cb {
            let cb = v8::Local::new(scope, cb);
            let kind = v8::Integer::new(scope, kind).into();
            call_function(scope, cb, &[kind, value]);
        }
    }

    fn emit_int(&self, scope: &mut v8::PinScope, kind: i32, value: i32) {
        let v = v8::Integer::new(scope, value).into();
        self.emit(scope, kind, v);
    }

    /// Read until `WouldBlock`, EOF, an error, JS stopping the reads, or the per-event budget
    /// (then the rest is read in the next pending phase).
    fn read_some(self: &Rc<Self>, scope: &mut v8::PinScope) {
        let mut fds: Vec<RawFd> = Vec::new();
        for _ in 0..READS_PER_EVENT {
            if !self.state.borrow().reading {
                return;
            }
            // Read straight into the isolate's read slab (see net_read_slab).
            let Some(room) = read_slab::room(scope) else {
                self.emit_int(scope, EV_ERROR, -libc::ENOMEM);
                return;
            };
            let result = {
                let mut s = self.state.borrow_mut();
                let ipc = s.ipc;
                let Some(stream) = s.stream.as_mut() else {
                    return;
                };
                if ipc {
                    crate::net_fd::recv_with_fds(stream.raw_fd(), room, &mut fds)
                } else {
                    stream.read(room)
                }
            };
            if !fds.is_empty() {
                let items: Vec<v8::Local<v8::Value>> = fds
                    .drain(..)
                    .map(|fd| v8::Integer::new(scope, fd).into())
                    .collect();
                let arr = v8::Array::new_with_elements(scope, &items);
                self.emit(scope, EV_HANDLES, arr.into());
            }
            match result {
                Ok(0) => {
                    {
                        let mut s = self.state.borrow_mut();
                        s.reading = false;
                        s.readable_waiting = false;
                    }
                    self.update_active(scope);
                    self.emit(scope, EV_EOF, v8::undefined(scope).into());
                    return;
                }
                Ok(n) if self.state.borrow().tls.is_some() => {
                    // rustls takes its own copy of the ciphertext.
                    let bytes = room[..n].to_vec();
                    crate::net_tls::on_input(self, scope, &bytes);
                }
                Ok(n) => {
                    // The range is JS's from here on; a read made from inside the callback
                    // gets the room after it.
                    let Some(view) = read_slab::take(scope, n) else {
                        self.emit_int(scope, EV_ERROR, -libc::ENOMEM);
                        return;
                    };
                    self.emit(scope, EV_DATA, view.into());
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => {
                    self.state.borrow_mut().readable_waiting = false;
                    return;
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => {
                    {
                        let mut s = self.state.borrow_mut();
                        s.reading = false;
                        s.readable_waiting = false;
                    }
                    self.update_active(scope);
                    self.emit_int(scope, EV_ERROR, -errno_of(&e));
                    return;
                }
            }
        }
        // Budget spent with data possibly left: continue next iteration, after other handles.
        self.state.borrow_mut().readable_waiting = true;
        self.feed_read(scope);
    }

    /// Read again in the next poll phase (data may be waiting with no new edge to announce it).
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

    /// Push queued bytes into the socket. Ok(true) when the queue is empty afterwards.
    pub(crate) fn flush(&self) -> std::io::Result<bool> {
        let mut s = self.state.borrow_mut();
        let s = &mut *s;
        let Some(stream) = s.stream.as_mut() else {
            return Ok(true);
        };
        // The queue goes out with writev, up to 64 pieces per call. A piece carrying a
        // descriptor goes alone, by sendmsg, so the descriptor rides on its first byte.
        while !s.queue.is_empty() {
            let written = if s.sent == 0
                && let Some(fd) = s.queue[0].fd.as_ref()
            {
                crate::net_fd::send_with_fd(stream.raw_fd(), &s.queue[0].data, fd.as_raw_fd())
            } else {
                let mut slices = Vec::with_capacity(s.queue.len().min(64));
                for (i, piece) in s.queue.iter().take(64).enumerate() {
                    if i > 0 && piece.fd.is_some() {
                        break;
                    }
                    let from = if i == 0 { s.sent } else { 0 };
                    slices.push(std::io::IoSlice::new(&piece.data[from..]));
                }
                stream.write_vectored(&slices)
            };
            match written {
                Ok(mut n) => {
                    // Sent (even partly): the descriptor went with the first byte.
                    s.queue[0].fd = None;
                    s.queued -= n;
                    while n > 0 {
                        let left = s.queue[0].data.len() - s.sent;
                        if n >= left {
                            n -= left;
                            s.queue.pop_front();
                            s.sent = 0;
                        } else {
                            s.sent += n;
                            n = 0;
                        }
                    }
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => return Ok(false),
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(true)
    }

    /// Write `data` (encrypted first on a TLS socket) now as far as the socket takes it and
    /// queue the rest. Returns the bytes queued in all (0: everything reached the kernel) or
    /// the negative errno.
    fn write_bytes(self: &Rc<Self>, data: &[u8]) -> i64 {
        if self.state.borrow().tls.is_some() {
            return crate::net_tls::write(self, data);
        }
        self.write_raw(data)
    }

    /// `write_bytes` below any TLS layer: these bytes go to the socket as they are.
    pub(crate) fn write_raw(&self, data: &[u8]) -> i64 {
        let mut s = self.state.borrow_mut();
        let s = &mut *s;
        let Some(stream) = s.stream.as_mut() else {
            return -(libc::EBADF as i64);
        };
        let mut written = 0;
        if s.queue.is_empty() && !s.connecting {
            while written < data.len() {
                match stream.write(&data[written..]) {
                    Ok(n) => written += n,
                    Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                    Err(e) if e.kind() == ErrorKind::Interrupted => {}
                    Err(e) => return -(errno_of(&e) as i64),
                }
            }
        }
        if written < data.len() {
            s.queue.push_back(Piece {
                data: data[written..].to_vec(),
                fd: None,
            });
            s.queued += data.len() - written;
        }
        s.queued as i64
    }

    /// As `write_bytes`, with `fd` passed along (SCM_RIGHTS) on the first byte; `fd` is a copy
    /// the queue owns until it is sent.
    pub(crate) fn write_with_fd(&self, data: &[u8], fd: OwnedFd) -> i64 {
        let mut s = self.state.borrow_mut();
        let s = &mut *s;
        let Some(stream) = s.stream.as_ref() else {
            return -(libc::EBADF as i64);
        };
        let mut written = 0;
        let mut fd = Some(fd);
        if s.queue.is_empty() && !s.connecting && !data.is_empty() {
            loop {
                match crate::net_fd::send_with_fd(
                    stream.raw_fd(),
                    data,
                    fd.as_ref().map_or(-1, |f| f.as_raw_fd()),
                ) {
                    Ok(n) => {
                        written = n;
                        fd = None;
                        break;
                    }
                    Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                    Err(e) if e.kind() == ErrorKind::Interrupted => {}
                    Err(e) => return -(errno_of(&e) as i64),
                }
            }
        }
        if written < data.len() {
            s.queue.push_back(Piece {
                data: data[written..].to_vec(),
                fd,
            });
            s.queued += data.len() - written;
        }
        s.queued as i64
    }

    /// Shut our write side down and tell JS (in the poll phase, once the write queue is empty,
    /// where libuv completes a shutdown request).
    fn do_shutdown(self: &Rc<Self>, scope: &mut v8::PinScope) {
        if matches!(self.state.borrow().stream, Some(Stream::PipeOut(_))) {
            // A pipe's write end is closed, not half-closed: deregister and drop it.
            let stream = self.state.borrow_mut().stream.take();
            if let Some(mut stream) = stream {
                let _ = registry(scope).deregister(stream.source());
            }
            self.update_active(scope);
            self.emit_int(scope, EV_SHUTDOWN, 0);
            return;
        }
        let result = {
            let s = self.state.borrow();
            match s.stream.as_ref() {
                Some(stream) => match stream.shutdown_write() {
                    Ok(()) => 0,
                    // Already disconnected: the write side is shut either way.
                    Err(e) if e.raw_os_error() == Some(libc::ENOTCONN) => 0,
                    Err(e) => -errno_of(&e),
                },
                None => -libc::EBADF,
            }
        };
        self.emit_int(scope, EV_SHUTDOWN, result);
    }

    fn on_writable(self: &Rc<Self>, scope: &mut v8::PinScope) {
        let had_queue = self.state.borrow().queued > 0;
        if !had_queue {
            // A shutdown with nothing (left) to write first.
            let shut = std::mem::take(&mut self.state.borrow_mut().shutdown_pending);
            if shut {
                self.do_shutdown(scope);
            }
            return;
        }
        match self.flush() {
            Ok(true) => {
                let shut = std::mem::take(&mut self.state.borrow_mut().shutdown_pending);
                self.update_active(scope);
                self.emit_int(scope, EV_WRITTEN, 0);
                if shut {
                    self.do_shutdown(scope);
                }
            }
            Ok(false) => {}
            Err(e) => {
                {
                    let mut s = self.state.borrow_mut();
                    s.queue.clear();
                    s.queued = 0;
                    s.sent = 0;
                }
                self.update_active(scope);
                self.emit_int(scope, EV_ERROR, -errno_of(&e));
            }
        }
    }
}

impl Handle for Socket {
    fn ready(self: Rc<Self>, scope: &mut v8::PinScope, ready: Ready) {
        let connecting = self.state.borrow().connecting;
        if connecting {
            if !(ready.writable || ready.error || ready.write_closed) {
                return;
            }
            let outcome = {
                let s = self.state.borrow();
                match s.stream.as_ref() {
                    None => return,
                    Some(stream) => match stream.take_error() {
                        Ok(Some(e)) | Err(e) => Some(-errno_of(&e)),
                        Ok(None) if stream.is_connected() => Some(0),
                        Ok(None) if ready.error || ready.write_closed => Some(-libc::ECONNREFUSED),
                        Ok(None) => None,
                    },
                }
            };
            let Some(status) = outcome else { return };
            self.state.borrow_mut().connecting = false;
            self.update_active(scope);
            self.emit_int(scope, EV_CONNECT, status);
            if status != 0 {
                return;
            }
            // Writes made while connecting go out now.
            self.on_writable(scope);
            if self.state.borrow().reading {
                self.read_some(scope);
            }
            return;
        }
        if ready.writable || ready.write_closed || ready.error {
            self.on_writable(scope);
        }
        if ready.readable || ready.read_closed || ready.error {
            let reading = {
                let mut s = self.state.borrow_mut();
                s.readable_waiting = true;
                s.read_fed = false;
                s.reading
            };
            if reading {
                self.read_some(scope);
            }
        }
    }
}

// ===== impl Server =====

pub(crate) struct Server {
    token: usize,
    pub(crate) listener: RefCell<Option<Listener>>,
    callback: RefCell<Option<v8::Global<v8::Function>>>,
}

impl Handle for Server {
    fn ready(self: Rc<Self>, scope: &mut v8::PinScope, _ready: Ready) {
        loop {
            let accepted = {
                let l = self.listener.borrow();
                match l.as_ref() {
                    None => return,
                    Some(Listener::Tcp(l)) => l.accept().map(|(s, _)| Stream::Tcp(s)),
                    Some(Listener::Unix(l)) => l.accept().map(|(s, _)| Stream::Unix(s)),
                }
            };
            let stream = match accepted {
                Ok(s) => s,
                Err(e) if e.kind() == ErrorKind::WouldBlock => return,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                // ECONNABORTED and friends concern one connection; EMFILE leaves it queued in
                // the kernel (it is retried on the next edge). Neither stops the server.
                Err(_) => return,
            };
            let Ok(token) = adopt_stream(scope, stream, false) else {
                continue;
            };
            let cb = self.callback.borrow().clone();
            if let Some(cb) = cb {
                let cb = v8::Local::new(scope, cb);
                let kind = v8::Integer::new(scope, EV_CONNECTION).into();
                let value = v8::Number::new(scope, token as f64).into();
                call_function(scope, cb, &[kind, value]);
            }
        }
    }
}

/// Register a connected (or connecting) stream as a socket handle; its token, or the negative
/// errno when the poll refused it (the stream is closed then).
pub(crate) fn adopt_stream(
    scope: &mut v8::PinScope,
    stream: Stream,
    connecting: bool,
) -> Result<usize, i32> {
    let socket = open_handle(scope, |token| Socket {
        token: token.0,
        state: RefCell::new(SocketState::new(stream, connecting)),
    });
    let token = socket.token;
    let reg = registry(scope);
    let registered = {
        let mut s = socket.state.borrow_mut();
        let stream = s.stream.as_mut().expect("just opened");
        let interest = match stream {
            Stream::PipeIn(_) => Interest::READABLE,
            Stream::PipeOut(_) => Interest::WRITABLE,
            _ => Interest::READABLE | Interest::WRITABLE,
        };
        reg.register(stream.source(), Token(token), interest)
    };
    if let Err(e) = registered {
        socket.state.borrow_mut().stream = None;
        close_handle(scope, token, |_| {});
        return Err(-errno_of(&e));
    }
    socket.update_active(scope);
    Ok(token)
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

fn function_arg(
    scope: &mut v8::PinScope,
    args: &v8::FunctionCallbackArguments,
    i: i32,
) -> Option<v8::Global<v8::Function>> {
    v8::Local::<v8::Function>::try_from(args.get(i))
        .ok()
        .map(|f| v8::Global::new(scope, f))
}

fn ip_arg(
    scope: &mut v8::PinScope,
    args: &v8::FunctionCallbackArguments,
    i: i32,
) -> Option<IpAddr> {
    let text = args.get(i).to_rust_string_lossy(scope);
    text.parse().ok()
}

fn port_arg(scope: &mut v8::PinScope, args: &v8::FunctionCallbackArguments, i: i32) -> u16 {
    let n = args.get(i).number_value(scope).unwrap_or(0.0);
    if (0.0..=65535.0).contains(&n) {
        n as u16
    } else {
        0
    }
}

/// Register a listening socket as a server handle: its token, or the negative errno.
pub(crate) fn adopt_listener(
    scope: &mut v8::PinScope,
    listener: Listener,
    callback: Option<v8::Global<v8::Function>>,
) -> i64 {
    let server = open_handle(scope, |token| Server {
        token: token.0,
        listener: RefCell::new(Some(listener)),
        callback: RefCell::new(callback),
    });
    let token = server.token;
    let reg = registry(scope);
    let registered = {
        let mut l = server.listener.borrow_mut();
        match l.as_mut().expect("just opened") {
            Listener::Tcp(l) => reg.register(l, Token(token), Interest::READABLE),
            Listener::Unix(l) => reg.register(l, Token(token), Interest::READABLE),
        }
    };
    if let Err(e) = registered {
        server.listener.borrow_mut().take();
        close_handle(scope, token, |_| {});
        return -(errno_of(&e) as i64);
    }
    set_handle_active(scope, token, true);
    token as i64
}

/// `listenTcp(ip, port, backlog, ipv6Only, onevent)` → token, or a negative errno.
fn listen_tcp(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(ip) = ip_arg(scope, &args, 0) else {
        rv.set_double(-(libc::EINVAL as f64));
        return;
    };
    let addr = SocketAddr::new(ip, port_arg(scope, &args, 1));
    let backlog = args.get(2).int32_value(scope).unwrap_or(511);
    let ipv6_only = args.get(3).is_true();
    let cb = function_arg(scope, &args, 4);
    let bound = listening_socket(
        socket2::Domain::for_address(addr),
        Some(socket2::Protocol::TCP),
        &addr.into(),
        backlog,
        |sock| {
            // As libuv: a restarted server may bind while old connections sit in TIME_WAIT.
            sock.set_reuse_address(true)?;
            if addr.is_ipv6() {
                sock.set_only_v6(ipv6_only)?;
            }
            Ok(())
        },
    )
    .map(std::net::TcpListener::from);
    let result = match bound {
        Ok(l) => adopt_listener(scope, Listener::Tcp(TcpListener::from_std(l)), cb),
        Err(e) => -(errno_of(&e) as i64),
    };
    rv.set_double(result as f64);
}

/// A non-blocking listening socket: `prepare` sets options before the bind.
fn listening_socket(
    domain: socket2::Domain,
    protocol: Option<socket2::Protocol>,
    addr: &socket2::SockAddr,
    backlog: i32,
    prepare: impl FnOnce(&socket2::Socket) -> std::io::Result<()>,
) -> std::io::Result<socket2::Socket> {
    let sock = socket2::Socket::new(
        domain,
        socket2::Type::STREAM.nonblocking().cloexec(),
        protocol,
    )?;
    prepare(&sock)?;
    sock.bind(addr)?;
    sock.listen(backlog)?;
    Ok(sock)
}

/// `listenPipe(path, backlog, onevent)` → token, or a negative errno.
fn listen_pipe(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let path = args.get(0).to_rust_string_lossy(scope);
    let backlog = args.get(1).int32_value(scope).unwrap_or(511);
    let cb = function_arg(scope, &args, 2);
    let bound = socket2::SockAddr::unix(&path)
        .and_then(|addr| listening_socket(socket2::Domain::UNIX, None, &addr, backlog, |_| Ok(())))
        .map(std::os::unix::net::UnixListener::from);
    let result = match bound {
        Ok(l) => adopt_listener(scope, Listener::Unix(UnixListener::from_std(l)), cb),
        Err(e) => -(errno_of(&e) as i64),
    };
    rv.set_double(result as f64);
}

/// Start a non-blocking connect. A TCP failure the connect call reports at once is delivered
/// as `EV_CONNECT` in the next pending phase, as libuv delays it; a pipe's is returned now.
fn start_connect(
    scope: &mut v8::PinScope,
    sock: socket2::Socket,
    target: &socket2::SockAddr,
    cb: Option<v8::Global<v8::Function>>,
    unix: bool,
) -> i64 {
    let immediate = match sock.connect(target) {
        Ok(()) => 0,
        Err(e) if e.raw_os_error() == Some(libc::EINPROGRESS) => 0,
        Err(e) => -errno_of(&e),
    };
    let stream = if unix {
        Stream::Unix(UnixStream::from_std(sock.into()))
    } else {
        Stream::Tcp(TcpStream::from_std(sock.into()))
    };
    if immediate != 0 && unix {
        // libuv reports a failed pipe connect at once (uv_pipe_connect2), not a loop later.
        return immediate as i64;
    }
    if immediate != 0 {
        // Not registered with the poll: nothing but the delayed error can happen to it.
        let socket = open_handle(scope, |token| Socket {
            token: token.0,
            state: RefCell::new(SocketState::new(stream, true)),
        });
        socket.state.borrow_mut().callback = cb;
        socket.update_active(scope);
        let me = socket.clone();
        defer(scope, move |scope| {
            me.state.borrow_mut().connecting = false;
            me.update_active(scope);
            me.emit_int(scope, EV_CONNECT, immediate);
        });
        return socket.token as i64;
    }
    match adopt_stream(scope, stream, true) {
        Ok(token) => {
            if let Some(socket) = handle::<Socket>(scope, token) {
                socket.state.borrow_mut().callback = cb;
            }
            token as i64
        }
        Err(errno) => errno as i64,
    }
}

/// `connectTcp(ip, port, localIp | undefined, localPort, onevent)` → token, or a negative errno
/// when no socket could be made.
fn connect_tcp(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(ip) = ip_arg(scope, &args, 0) else {
        rv.set_double(-(libc::EINVAL as f64));
        return;
    };
    let addr = SocketAddr::new(ip, port_arg(scope, &args, 1));
    let local = if args.get(2).is_string() {
        ip_arg(scope, &args, 2).map(|ip| SocketAddr::new(ip, port_arg(scope, &args, 3)))
    } else {
        None
    };
    let cb = function_arg(scope, &args, 4);
    let made = (|| -> std::io::Result<socket2::Socket> {
        let sock = socket2::Socket::new(
            socket2::Domain::for_address(addr),
            socket2::Type::STREAM.nonblocking().cloexec(),
            Some(socket2::Protocol::TCP),
        )?;
        if let Some(local) = local {
            sock.bind(&local.into())?;
        }
        Ok(sock)
    })();
    let result = match made {
        Ok(sock) => start_connect(scope, sock, &addr.into(), cb, false),
        Err(e) => -(errno_of(&e) as i64),
    };
    rv.set_double(result as f64);
}

/// `connectPipe(path, onevent)` → token, or a negative errno when no socket could be made.
fn connect_pipe(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let path = args.get(0).to_rust_string_lossy(scope);
    let cb = function_arg(scope, &args, 1);
    let made = (|| -> std::io::Result<(socket2::Socket, socket2::SockAddr)> {
        let sock = socket2::Socket::new(
            socket2::Domain::UNIX,
            socket2::Type::STREAM.nonblocking().cloexec(),
            None,
        )?;
        Ok((sock, socket2::SockAddr::unix(&path)?))
    })();
    let result = match made {
        Ok((sock, addr)) => start_connect(scope, sock, &addr, cb, true),
        Err(e) => -(errno_of(&e) as i64),
    };
    rv.set_double(result as f64);
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

/// `write(token, data)`: data is a string (UTF-8) or an ArrayBufferView. Returns the bytes still
/// queued (0: all of it reached the kernel; `EV_WRITTEN` follows otherwise), or a negative errno.
fn write(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let Some(socket) = socket_arg(scope, &args) else {
        rv.set_double(-(libc::EBADF as f64));
        return;
    };
    let data = args.get(1);
    let result = if data.is_array_buffer_view() {
        // Written from the view's own memory: no JS runs before write_bytes returns, and what
        // the socket does not take is copied into the queue there.
        socket.write_bytes(crate::buffer::view_bytes(scope, data))
    } else if let Ok(text) = v8::Local::<v8::String>::try_from(data) {
        let mut buf = WriteScratch::take();
        text.write_utf8_into(scope, &mut buf.text);
        let result = socket.write_bytes(buf.text.as_bytes());
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
    let feed_now = {
        let mut s = socket.state.borrow_mut();
        s.shutdown_pending = true;
        s.queued == 0 && !s.connecting
    };
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
        let stream = {
            let mut s = socket.state.borrow_mut();
            s.queue.clear();
            s.queued = 0;
            s.reading = false;
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
