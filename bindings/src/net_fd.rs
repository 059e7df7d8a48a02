//! Descriptors as sockets: adopting an existing descriptor (`new net.Socket({ fd })`,
//! `server.listen({ fd })`, handles received over IPC) and passing descriptors over a Unix
//! socket with SCM_RIGHTS, which is how `subprocess.send(msg, handle)` moves a socket or a
//! server to another process.

use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};

use eddy_runtime::mio::net::{TcpListener, TcpStream, UnixListener, UnixStream};
use eddy_runtime::mio::unix::pipe::{Receiver, Sender};
use eddy_runtime::{handle, js_string, set_fn, set_value, v8};

use crate::net::{Listener, Server, Socket, Stream, adopt_listener, adopt_stream, errno_of};

/// Most descriptors one read takes in (Node passes one per message).
const MAX_FDS: usize = 8;

pub(crate) fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "adoptFd", adopt_fd);
    set_fn(scope, target, "fdType", fd_type);
    set_fn(scope, target, "fdOf", fd_of);
    set_fn(scope, target, "writeHandle", write_handle);
    set_fn(scope, target, "setIpc", set_ipc);
    set_fn(scope, target, "setBlocking", set_blocking);
    set_fn(scope, target, "flushSync", flush_sync);
    set_fn(scope, target, "reopenFd", reopen_fd);
    set_fn(scope, target, "closeFd", close_fd);
}

/// `sendmsg` of `data` with `fd` attached (none when `fd` is negative).
pub(crate) fn send_with_fd(sock: RawFd, data: &[u8], fd: RawFd) -> std::io::Result<usize> {
    let mut iov = libc::iovec {
        iov_base: data.as_ptr() as *mut libc::c_void,
        iov_len: data.len(),
    };
    // u64s keep the control buffer aligned for cmsghdr.
    let mut control = [0u64; 8];
    // SAFETY: msghdr is plain data; every pointer set below outlives the sendmsg call.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_iov = &mut iov;
    msg.msg_iovlen = 1;
    if fd >= 0 {
        let size = std::mem::size_of::<RawFd>() as u32;
        // SAFETY: the control buffer has room for one cmsg with one descriptor (CMSG_SPACE of
        // 4 bytes is 24 on Linux); CMSG_FIRSTHDR is non-null because controllen is set first.
        unsafe {
            msg.msg_control = control.as_mut_ptr() as *mut libc::c_void;
            msg.msg_controllen = libc::CMSG_SPACE(size) as usize;
            let cmsg = libc::CMSG_FIRSTHDR(&msg);
            (*cmsg).cmsg_level = libc::SOL_SOCKET;
            (*cmsg).cmsg_type = libc::SCM_RIGHTS;
            (*cmsg).cmsg_len = libc::CMSG_LEN(size) as usize;
            std::ptr::write_unaligned(libc::CMSG_DATA(cmsg) as *mut RawFd, fd);
        }
    }
    // SAFETY: msg is fully initialised above.
    let n = unsafe { libc::sendmsg(sock, &msg, libc::MSG_NOSIGNAL) };
    if n < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(n as usize)
}

/// `recvmsg` into `buf`, appending any descriptors that came along to `fds` (close-on-exec).
pub(crate) fn recv_with_fds(
    sock: RawFd,
    buf: &mut [u8],
    fds: &mut Vec<RawFd>,
) -> std::io::Result<usize> {
    let mut iov = libc::iovec {
        iov_base: buf.as_mut_ptr() as *mut libc::c_void,
        iov_len: buf.len(),
    };
    let mut control = [0u64; 16];
    // SAFETY: as in send_with_fd; the kernel writes at most msg_controllen bytes of control.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_iov = &mut iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control.as_mut_ptr() as *mut libc::c_void;
    msg.msg_controllen = std::mem::size_of_val(&control);
    // SAFETY: msg points at live buffers.
    let n = unsafe { libc::recvmsg(sock, &mut msg, libc::MSG_CMSG_CLOEXEC) };
    if n < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: walking the control messages the kernel wrote, with the CMSG macros.
    unsafe {
        let mut cmsg = libc::CMSG_FIRSTHDR(&msg);
        while !cmsg.is_null() {
            if (*cmsg).cmsg_level == libc::SOL_SOCKET && (*cmsg).cmsg_type == libc::SCM_RIGHTS {
                let data = libc::CMSG_DATA(cmsg) as *const RawFd;
                let bytes = (*cmsg).cmsg_len as usize - libc::CMSG_LEN(0) as usize;
                for i in 0..bytes / std::mem::size_of::<RawFd>() {
                    let fd = std::ptr::read_unaligned(data.add(i));
                    if fds.len() < MAX_FDS {
                        fds.push(fd);
                    } else {
                        libc::close(fd);
                    }
                }
            }
            cmsg = libc::CMSG_NXTHDR(&msg, cmsg);
        }
    }
    Ok(n as usize)
}

/// An int-valued `SOL_SOCKET` option of `fd`.
pub(crate) fn sockopt(fd: RawFd, name: libc::c_int) -> std::io::Result<libc::c_int> {
    let mut value: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: getsockopt with an int-sized out value.
    let r = unsafe {
        libc::getsockopt(
            fd,
            libc::SOL_SOCKET,
            name,
            &mut value as *mut libc::c_int as *mut libc::c_void,
            &mut len,
        )
    };
    if r < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(value)
}

/// What a descriptor is, as far as the poll phase can own it.
#[derive(Clone, Copy)]
enum Kind {
    /// A pipe or terminal read end (or read-write terminal).
    ReadEnd,
    /// A pipe or terminal opened write-only.
    WriteEnd,
    Unix,
    Tcp,
    UnixListener,
    TcpListener,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::ReadEnd | Kind::WriteEnd => "pipe",
            Kind::Unix => "unix",
            Kind::Tcp => "tcp",
            Kind::UnixListener => "unix-server",
            Kind::TcpListener => "tcp-server",
        }
    }
}

/// Classify `raw` without taking it: a failed check leaves the descriptor alone (ENOTSOCK for
/// a regular file or a directory, ENOTSUP for datagram sockets).
fn kind_of(raw: RawFd) -> std::io::Result<Kind> {
    // SAFETY: fstat into a zeroed stat.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if raw < 0 || unsafe { libc::fstat(raw, &mut st) } < 0 {
        return Err(std::io::Error::from_raw_os_error(libc::EBADF));
    }
    let kind = st.st_mode & libc::S_IFMT;
    // Pipes, and terminals (read(2)/write(2) on any descriptor is all mio's pipe types do).
    if kind == libc::S_IFIFO || kind == libc::S_IFCHR {
        // SAFETY: F_GETFL on a valid descriptor.
        let flags = unsafe { libc::fcntl(raw, libc::F_GETFL) };
        return Ok(if flags & libc::O_ACCMODE == libc::O_WRONLY {
            Kind::WriteEnd
        } else {
            Kind::ReadEnd
        });
    }
    if kind != libc::S_IFSOCK {
        return Err(std::io::Error::from_raw_os_error(libc::ENOTSOCK));
    }
    if sockopt(raw, libc::SO_TYPE)? != libc::SOCK_STREAM {
        return Err(std::io::Error::from_raw_os_error(libc::ENOTSUP));
    }
    let listening = sockopt(raw, libc::SO_ACCEPTCONN)? != 0;
    Ok(match (sockopt(raw, libc::SO_DOMAIN)?, listening) {
        (libc::AF_UNIX, true) => Kind::UnixListener,
        (libc::AF_UNIX, false) => Kind::Unix,
        (libc::AF_INET | libc::AF_INET6, true) => Kind::TcpListener,
        (libc::AF_INET | libc::AF_INET6, false) => Kind::Tcp,
        _ => return Err(std::io::Error::from_raw_os_error(libc::ENOTSUP)),
    })
}

/// What a descriptor becomes once the poll phase owns it.
enum Adopted {
    Stream(Stream),
    Listener(Listener),
}

fn take(fd: OwnedFd, kind: Kind) -> std::io::Result<Adopted> {
    set_nonblocking(fd.as_raw_fd())?;
    let pipe = matches!(kind, Kind::ReadEnd | Kind::WriteEnd);
    if pipe {
        return Ok(Adopted::Stream(match kind {
            Kind::WriteEnd => Stream::PipeOut(Sender::from(fd)),
            _ => Stream::PipeIn(Receiver::from(fd)),
        }));
    }
    let sock = socket2::Socket::from(fd);
    sock.set_cloexec(true)?;
    Ok(match kind {
        Kind::Unix => Adopted::Stream(Stream::Unix(UnixStream::from_std(sock.into()))),
        Kind::UnixListener => {
            Adopted::Listener(Listener::Unix(UnixListener::from_std(sock.into())))
        }
        Kind::TcpListener => Adopted::Listener(Listener::Tcp(TcpListener::from_std(sock.into()))),
        _ => Adopted::Stream(Stream::Tcp(TcpStream::from_std(sock.into()))),
    })
}

/// `fdType(fd)` → `'pipe' | 'unix' | 'tcp' | 'unix-server' | 'tcp-server'`, or a negative
/// errno; the descriptor is only looked at.
fn fd_type(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let raw = args.get(0).int32_value(scope).unwrap_or(-1);
    match kind_of(raw) {
        Ok(kind) => {
            let v = js_string(scope, kind.name());
            rv.set(v.into());
        }
        Err(e) => rv.set_int32(-errno_of(&e)),
    }
}

fn set_nonblocking(fd: RawFd) -> std::io::Result<()> {
    set_flag_nonblocking(fd, true)
}

fn set_flag_nonblocking(fd: RawFd, on: bool) -> std::io::Result<()> {
    // SAFETY: F_GETFL/F_SETFL on a valid descriptor.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        let wanted = if on {
            flags | libc::O_NONBLOCK
        } else {
            flags & !libc::O_NONBLOCK
        };
        if flags < 0 || libc::fcntl(fd, libc::F_SETFL, wanted) < 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

/// `adoptFd(fd)` → `{ token, type: 'tcp' | 'pipe', server: bool }`, or a negative errno. The
/// handle owns the descriptor from then on (closing the socket closes it).
fn adopt_fd(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let raw = args.get(0).int32_value(scope).unwrap_or(-1);
    let kind = match kind_of(raw) {
        Ok(kind) => kind,
        Err(e) => {
            rv.set_int32(-errno_of(&e));
            return;
        }
    };
    // SAFETY: JS hands the descriptor over; nothing else closes it from now on.
    let fd = unsafe { OwnedFd::from_raw_fd(raw) };
    let (token, server) = match take(fd, kind) {
        Err(e) => (-(errno_of(&e) as i64), false),
        Ok(Adopted::Stream(stream)) => match adopt_stream(scope, stream, false) {
            Ok(token) => (token as i64, false),
            Err(errno) => (errno as i64, false),
        },
        Ok(Adopted::Listener(listener)) => (adopt_listener(scope, listener, None), true),
    };
    let kind = match kind {
        Kind::Tcp | Kind::TcpListener => "tcp",
        _ => "pipe",
    };
    if token < 0 {
        rv.set_int32(token as i32);
        return;
    }
    let result = v8::Object::new(scope);
    let t = v8::Number::new(scope, token as f64);
    set_value(scope, result, "token", t.into());
    let k = js_string(scope, kind);
    set_value(scope, result, "type", k.into());
    let s = v8::Boolean::new(scope, server);
    set_value(scope, result, "server", s.into());
    rv.set(result.into());
}

/// `fdOf(token)`: the descriptor behind a socket or server handle, or -1.
fn fd_of(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let token = crate::net::token_arg(scope, &args, 0);
    let fd = if let Some(socket) = handle::<Socket>(scope, token) {
        socket
            .state
            .borrow()
            .stream
            .as_ref()
            .map_or(-1, |s| s.raw_fd())
    } else if let Some(server) = handle::<Server>(scope, token) {
        match server.listener.borrow().as_ref() {
            Some(Listener::Tcp(l)) => l.as_raw_fd(),
            Some(Listener::Unix(l)) => l.as_raw_fd(),
            None => -1,
        }
    } else {
        -1
    };
    rv.set_int32(fd);
}

/// `writeHandle(token, data, fd)`: write `data` with a copy of descriptor `fd` attached; returns
/// as `write` does (bytes still queued, or a negative errno).
fn write_handle(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(socket) = crate::net::socket_arg(scope, &args) else {
        rv.set_double(-(libc::EBADF as f64));
        return;
    };
    let fd = args.get(2).int32_value(scope).unwrap_or(-1);
    // Held socket writes go out before this write (see io.rs).
    eddy_runtime::flush_held_writes(scope);
    // SAFETY: F_DUPFD_CLOEXEC makes our own copy (or fails on a bad descriptor).
    let copy = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 3) };
    if copy < 0 {
        rv.set_double(-(errno_of(&std::io::Error::last_os_error()) as f64));
        return;
    }
    // SAFETY: `copy` is a fresh descriptor nobody else owns.
    let copy = unsafe { OwnedFd::from_raw_fd(copy) };
    let data = args.get(1);
    let result = if data.is_array_buffer_view() {
        socket.write_with_fd(crate::buffer::view_bytes(scope, data), copy)
    } else {
        let text = data.to_rust_string_lossy(scope);
        socket.write_with_fd(text.as_bytes(), copy)
    };
    socket.update_active(scope);
    rv.set_double(result as f64);
}

/// `setIpc(token)`: reads on this Unix socket collect passed descriptors from now on.
fn set_ipc(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    if let Some(socket) = crate::net::socket_arg(scope, &args) {
        socket.state.borrow_mut().ipc = true;
    }
}

/// `setBlocking(token, on)` → 0 or a negative errno: `handle.setBlocking()`, so writes wait for
/// the descriptor instead of queueing (what CLI tools ask of stdout pipes).
fn set_blocking(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(socket) = crate::net::socket_arg(scope, &args) else {
        rv.set_int32(-libc::EBADF);
        return;
    };
    let on = args.get(1).is_true();
    let fd = socket
        .state
        .borrow()
        .stream
        .as_ref()
        .map_or(-1, |s| s.raw_fd());
    rv.set_int32(match set_flag_nonblocking(fd, !on) {
        Ok(()) => 0,
        Err(e) => -errno_of(&e),
    });
}

/// `flushSync(token)`: write out everything queued, waiting for the descriptor (at exit, so
/// nothing written to a stdout pipe is lost). Returns the bytes left (0) or a negative errno.
fn flush_sync(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let Some(socket) = crate::net::socket_arg(scope, &args) else {
        rv.set_int32(0);
        return;
    };
    let fd = socket
        .state
        .borrow()
        .stream
        .as_ref()
        .map_or(-1, |s| s.raw_fd());
    if fd < 0 {
        rv.set_int32(0);
        return;
    }
    let _ = set_flag_nonblocking(fd, false);
    let result = socket.flush();
    let _ = set_flag_nonblocking(fd, true);
    socket.update_active(scope);
    rv.set_int32(match result {
        Ok(_) => 0,
        Err(e) => -errno_of(&e),
    });
}

/// `reopenFd(fd, forWriting)` → a new descriptor for the same pipe or terminal with its own
/// file status flags (through /proc/self/fd), so making it non-blocking does not change the
/// descriptor the parent shell shares; for anything else, a plain copy. Negative errno on
/// failure.
fn reopen_fd(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let fd = args.get(0).int32_value(scope).unwrap_or(-1);
    let write = args.get(1).is_true();
    // SAFETY: fstat into a zeroed stat.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if fd < 0 || unsafe { libc::fstat(fd, &mut st) } < 0 {
        rv.set_int32(-libc::EBADF);
        return;
    }
    let kind = st.st_mode & libc::S_IFMT;
    let reopened = if kind == libc::S_IFIFO || kind == libc::S_IFCHR {
        let path = std::ffi::CString::new(format!("/proc/self/fd/{fd}")).unwrap_or_default();
        let mode = if write {
            libc::O_WRONLY
        } else {
            libc::O_RDONLY
        };
        // SAFETY: open with a NUL-terminated path.
        unsafe {
            libc::open(
                path.as_ptr(),
                mode | libc::O_CLOEXEC | libc::O_NOCTTY | libc::O_NONBLOCK,
            )
        }
    } else {
        -1
    };
    let result = if reopened >= 0 {
        reopened
    } else {
        // SAFETY: F_DUPFD_CLOEXEC returns a new descriptor or fails.
        unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 3) }
    };
    rv.set_int32(if result < 0 {
        -errno_of(&std::io::Error::last_os_error())
    } else {
        result
    });
}

/// `closeFd(fd)`: close a descriptor JS was handed (one received over IPC and not adopted).
fn close_fd(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, _rv: v8::ReturnValue) {
    let fd = args.get(0).int32_value(scope).unwrap_or(-1);
    // Never the standard descriptors: they are not JS's to close this way.
    if fd > 2 {
        // SAFETY: JS owns this received descriptor and gives it up here.
        unsafe { libc::close(fd) };
    }
}
