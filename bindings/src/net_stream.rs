//! The socket handle of `binding.net` (see net.rs): the OS stream under it, its write queue,
//! and what a readiness event does to it (read until `WouldBlock`, flush the queue, finish a
//! connect or a shutdown).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{ErrorKind, Read, Write};
use std::net::Shutdown;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::rc::Rc;

use eddy_runtime::mio::net::{TcpStream, UnixStream};
use eddy_runtime::mio::unix::pipe::{Receiver, Sender};
use eddy_runtime::mio::{Interest, Token};
use eddy_runtime::{
    Handle, Ready, call_function, close_handle, feed, mio, open_handle, registry,
    set_handle_active, v8,
};

use super::read_slab;
use super::{
    EV_CONNECT, EV_DATA, EV_EOF, EV_ERROR, EV_HANDLES, EV_SHUTDOWN, EV_WRITTEN, READS_PER_EVENT,
    errno_of,
};

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
    pub(super) fn source(&mut self) -> &mut dyn mio::event::Source {
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

/// The most a socket holds back in one dispatch: bigger writes go out at once (the copy
/// would cost more than the wake-up saved).
const HOLD_MAX: usize = 16 * 1024;

thread_local! {
    /// Tokens of the sockets holding writes in this dispatch, in the order of their first.
    static HELD: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// At the end of the poll phase's dispatch: send every socket's held bytes. Nothing here
/// calls JS (it also runs inside natives, see `flush_held_writes`): a failed send is
/// reported by the writable event fed for it.
fn flush_held(scope: &mut v8::PinScope) {
    let tokens = HELD.with_borrow_mut(std::mem::take);
    for token in tokens {
        let Some(socket) = eddy_runtime::handle::<Socket>(scope, token) else {
            continue;
        };
        if !socket.send_held() {
            let ready = Ready {
                writable: true,
                ..Ready::default()
            };
            feed(scope, token, ready);
        }
        socket.update_active(scope);
    }
}

// ===== impl Socket =====

pub(crate) struct SocketState {
    /// `None` once closed.
    pub(crate) stream: Option<Stream>,
    /// The JS `onevent(kind, value)`.
    pub(super) callback: Option<v8::Global<v8::Function>>,
    pub(super) connecting: bool,
    pub(super) reading: bool,
    /// A readable edge arrived while not reading: data (or EOF) may be waiting.
    pub(super) readable_waiting: bool,
    /// A readable event is fed for the next poll phase.
    pub(super) read_fed: bool,
    /// The poll reported the peer's end (or an error) and no read has seen it yet: reads go on
    /// until EOF or `WouldBlock` (no new edge would announce what is already there).
    pub(super) peer_closed: bool,
    /// Small writes made while the poll phase dispatches, sent together when it ends (see
    /// `Socket::write_raw`); they count as written. Only while `queue` is empty.
    pub(super) held: Vec<u8>,
    /// A send of held bytes failed after their write had succeeded: reported as `EV_ERROR`
    /// from the next writable event (fed at once).
    pub(super) held_error: Option<i32>,
    /// Bytes the socket has not taken yet, oldest first; `sent` counts what went of the first.
    pub(super) queue: VecDeque<Piece>,
    pub(super) sent: usize,
    pub(super) queued: usize,
    /// `shutdown()` was asked for while writes were queued.
    pub(super) shutdown_pending: bool,
    /// The write side was already shut when `shutdown()` was asked for with nothing queued
    /// (the peer gets our FIN at once, as from Node); the result waits for `EV_SHUTDOWN`.
    pub(super) shutdown_result: Option<i32>,
    /// An IPC channel: reads collect passed descriptors (`EV_HANDLES`).
    pub(crate) ipc: bool,
    /// TLS over this socket (net_tls.rs): reads are decrypted, writes encrypted.
    pub(crate) tls: Option<Box<crate::net_tls::Tls>>,
    /// An HTTP server connection's read fast path (net_http_fast.rs).
    pub(super) http: Option<Box<super::http_fast::HttpFast>>,
}

impl SocketState {
    pub(crate) fn queued_bytes(&self) -> usize {
        self.queued
    }

    /// Whether a write now may be held to the end of the dispatch (size aside): a connected
    /// TCP or Unix socket (no IPC channel, no pipe) with nothing queued.
    fn may_hold(&self) -> bool {
        eddy_runtime::holding_writes()
            && self.queue.is_empty()
            && !self.connecting
            && !self.ipc
            && matches!(self.stream, Some(Stream::Tcp(_) | Stream::Unix(_)))
    }
}

/// Queued bytes, and the descriptor that travels with their first byte (IPC handle passing).
pub(crate) struct Piece {
    pub(super) data: Vec<u8>,
    pub(super) fd: Option<OwnedFd>,
}

pub(crate) struct Socket {
    pub(crate) token: usize,
    pub(crate) state: RefCell<SocketState>,
}

impl SocketState {
    pub(super) fn new(stream: Stream, connecting: bool) -> SocketState {
        SocketState {
            stream: Some(stream),
            callback: None,
            connecting,
            reading: false,
            readable_waiting: false,
            read_fed: false,
            peer_closed: false,
            held: Vec::new(),
            held_error: None,
            queue: VecDeque::new(),
            sent: 0,
            queued: 0,
            shutdown_pending: false,
            shutdown_result: None,
            ipc: false,
            tls: None,
            http: None,
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
        // A Local made under the borrow (cloning the Global would make a global handle).
        let cb = self
            .state
            .borrow()
            .callback
            .as_ref()
            .map(|g| v8::Local::new(scope, g));
        if let Some(cb) = cb {
            let kind = v8::Integer::new(scope, kind).into();
            call_function(scope, cb, &[kind, value]);
        }
    }

    pub(super) fn emit_int(&self, scope: &mut v8::PinScope, kind: i32, value: i32) {
        let v = v8::Integer::new(scope, value).into();
        self.emit(scope, kind, v);
    }

    /// Read until `WouldBlock` (or a read that leaves the socket empty), EOF, an error, JS
    /// stopping the reads, or the per-event budget (then the rest is read in the next pending
    /// phase).
    pub(super) fn read_some(self: &Rc<Self>, scope: &mut v8::PinScope) {
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
            let room_len = room.len();
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
            // A read that did not fill the room emptied the socket's buffer: anything arriving
            // later makes a new edge, so no read is spent on `WouldBlock` (libuv stops there
            // too). Sockets only: a terminal (adopted as a pipe) hands out one line per read
            // and keeps the rest. Not while the peer's end is known to wait (it brings no new
            // edge), nor for IPC channels, whose descriptors arrive beside the bytes.
            let drained = matches!(result, Ok(n) if n > 0 && n < room_len) && {
                let s = self.state.borrow();
                !s.peer_closed
                    && !s.ipc
                    && matches!(s.stream, Some(Stream::Tcp(_) | Stream::Unix(_)))
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
                        s.peer_closed = false;
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
                Ok(n)
                    if super::http_fast::armed(self)
                        && super::http_fast::deliver(self, scope, &room[..n]) => {}
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
            if drained {
                self.state.borrow_mut().readable_waiting = false;
                return;
            }
        }
        // Budget spent with data possibly left: continue next iteration, after other handles.
        self.state.borrow_mut().readable_waiting = true;
        self.feed_read(scope);
    }

    /// Read again in the next poll phase (data may be waiting with no new edge to announce it).
    pub(super) fn feed_read(&self, scope: &mut v8::PinScope) {
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
    pub(super) fn write_bytes(self: &Rc<Self>, data: &[u8]) -> i64 {
        if self.state.borrow().tls.is_some() {
            return crate::net_tls::write(self, data);
        }
        self.write_raw(data)
    }

    /// `write_bytes` below any TLS layer: these bytes go to the socket as they are. While the
    /// poll phase dispatches, small writes to a connected TCP or Unix socket with nothing
    /// queued are held and sent when it ends (`flush_held`, see io.rs): they are written as far
    /// as JS can tell, as they would be once in the kernel's buffer.
    pub(crate) fn write_raw(&self, data: &[u8]) -> i64 {
        {
            let mut s = self.state.borrow_mut();
            if s.may_hold() && s.held.len() + data.len() <= HOLD_MAX {
                if s.held.is_empty() {
                    HELD.with_borrow_mut(|h| h.push(self.token));
                    eddy_runtime::flush_after_dispatch(flush_held);
                }
                s.held.extend_from_slice(data);
                return 0;
            }
        }
        // Held bytes go first.
        if let Err(errno) = self.release_held() {
            return errno;
        }
        self.write_now(data)
    }

    /// Before a write from JS: one this socket will not hold (a pipe, an IPC channel, a queue
    /// waiting) sends every socket's held bytes first, so that what was written before it
    /// reaches the kernel before it does. (A write too big to hold sends only this socket's.)
    pub(super) fn before_write(&self, scope: &mut v8::PinScope) {
        if !self.state.borrow().may_hold() {
            eddy_runtime::flush_held_writes(scope);
        }
    }

    /// `release_held` where no one is there to return its failure to: false when the send
    /// failed, whose error then waits in `held_error` for the next writable event.
    pub(crate) fn send_held(&self) -> bool {
        match self.release_held() {
            Ok(()) => true,
            Err(errno) => {
                self.state.borrow_mut().held_error = Some(errno as i32);
                false
            }
        }
    }

    /// Send the held bytes now (what the socket does not take is queued): Err(-errno) when the
    /// send failed.
    pub(crate) fn release_held(&self) -> Result<(), i64> {
        let held = std::mem::take(&mut self.state.borrow_mut().held);
        if held.is_empty() {
            return Ok(());
        }
        let result = self.write_now(&held);
        if result < 0 { Err(result) } else { Ok(()) }
    }

    /// Write `data` now as far as the socket takes it and queue the rest.
    fn write_now(&self, data: &[u8]) -> i64 {
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
        if let Err(errno) = self.release_held() {
            return errno;
        }
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
    pub(super) fn do_shutdown(self: &Rc<Self>, scope: &mut v8::PinScope) {
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
        let done = self.state.borrow_mut().shutdown_result.take();
        let result = done.unwrap_or_else(|| self.shutdown_now());
        self.emit_int(scope, EV_SHUTDOWN, result);
    }

    /// Shut the write side now: 0 or a negative errno.
    pub(super) fn shutdown_now(&self) -> i32 {
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
    }

    pub(super) fn on_writable(self: &Rc<Self>, scope: &mut v8::PinScope) {
        let held_error = self.state.borrow_mut().held_error.take();
        if let Some(errno) = held_error {
            self.emit_int(scope, EV_ERROR, errno);
            return;
        }
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
            let reading = {
                let mut s = self.state.borrow_mut();
                s.peer_closed |= ready.read_closed || ready.error;
                s.reading
            };
            if reading {
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
                s.peer_closed |= ready.read_closed || ready.error;
                s.reading
            };
            if reading {
                self.read_some(scope);
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
