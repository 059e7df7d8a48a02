//! Listening and connecting for `binding.net` (see net.rs): the server handle that accepts
//! connections, and the natives that bind, listen and start non-blocking connects.

use std::cell::RefCell;
use std::io::ErrorKind;
use std::net::SocketAddr;
use std::rc::Rc;

use eddy_runtime::mio::net::{TcpListener, TcpStream, UnixListener, UnixStream};
use eddy_runtime::mio::{Interest, Token};
use eddy_runtime::{
    Handle, Ready, call_function, close_handle, defer, handle, open_handle, registry,
    set_handle_active, v8,
};

use super::stream::{Socket, SocketState, Stream, adopt_stream};
use super::{EV_CONNECT, EV_CONNECTION, errno_of, function_arg, ip_arg, port_arg};

/// A listening socket.
pub(crate) enum Listener {
    Tcp(TcpListener),
    Unix(UnixListener),
}

// ===== impl Server =====

pub(crate) struct Server {
    pub(super) token: usize,
    pub(crate) listener: RefCell<Option<Listener>>,
    pub(super) callback: RefCell<Option<v8::Global<v8::Function>>>,
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
pub(super) fn listen_tcp(
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
pub(super) fn listen_pipe(
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
pub(super) fn connect_tcp(
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
pub(super) fn connect_pipe(
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
