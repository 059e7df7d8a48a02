//! The inspector's socket server (`--inspect`, `inspector.open()`): Node's HTTP endpoints
//! (`/json`, `/json/list`, `/json/version`) and the WebSocket a debugger (Chrome DevTools,
//! VS Code, `node inspect`) speaks the protocol over.
//!
//! It runs on its own threads (one accepting per address, one reading and one writing per
//! connection), not in the isolate's loop: a paused isolate (a breakpoint, `--inspect-brk`'s
//! wait) is blocked inside V8 and polls nothing, yet must go on hearing the debugger. A
//! socket's messages reach the isolate through the inbox worker sessions already use
//! (remote.rs), which the isolate's thread serves from an interrupt while JS runs, from its
//! loop while it waits, and from the inbox's condition variable while it is paused. The
//! answers go straight from V8's channel to the connection's writer thread.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::os::fd::AsRawFd;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};

use super::remote::{Command, Endpoint, NEXT_ID, Outbox, lock};
use super::ws;

/// What a connection's writer thread sends.
pub(super) enum Out {
    Text(String),
    Pong(Vec<u8>),
    Close,
}

/// What the HTTP endpoints describe.
pub(super) struct Target {
    pub title: String,
    pub url: String,
    /// `process.version`, for `/json/version`.
    pub version: String,
    /// `--inspect-publish-uid` includes `http`: `/json/list` answers.
    pub publish_http: bool,
}

/// What the server's threads share.
struct Shared {
    id: String,
    target: Target,
    endpoint: Arc<Endpoint>,
    /// Open WebSocket connections (by session id) and their writers, closed by close().
    sockets: Mutex<HashMap<u64, mpsc::Sender<Out>>>,
    stopped: AtomicBool,
}

/// A listening server.
pub(super) struct Server {
    shared: Arc<Shared>,
    listeners: Vec<TcpListener>,
    /// The host as given (`ws://<host>:<port>/<id>`), and the port bound.
    pub host: String,
    pub port: u16,
}

impl Server {
    /// Listen on every address `host` names (the first one picks the port when it is 0).
    pub(super) fn start(
        host: &str,
        port: u16,
        target: Target,
        endpoint: Arc<Endpoint>,
    ) -> Result<Server, String> {
        let failed = |e: std::io::Error| {
            format!(
                "Starting inspector on {host}:{port} failed: {}",
                uv_message(&e)
            )
        };
        let bare = host.trim_start_matches('[').trim_end_matches(']');
        let addrs: Vec<SocketAddr> = (bare, port).to_socket_addrs().map_err(failed)?.collect();
        let mut listeners = Vec::new();
        let mut bound = port;
        let mut last_error = None;
        for mut addr in addrs {
            if bound != 0 {
                addr.set_port(bound);
            }
            match TcpListener::bind(addr) {
                Ok(listener) => {
                    bound = listener.local_addr().map(|a| a.port()).unwrap_or(bound);
                    listeners.push(listener);
                }
                Err(e) => last_error = Some(e),
            }
        }
        if listeners.is_empty() {
            let e = last_error.unwrap_or_else(|| std::io::ErrorKind::AddrNotAvailable.into());
            return Err(failed(e));
        }
        let shared = Arc::new(Shared {
            id: uuid(),
            target,
            endpoint,
            sockets: Default::default(),
            stopped: AtomicBool::new(false),
        });
        for listener in &listeners {
            let Ok(listener) = listener.try_clone() else {
                continue;
            };
            let shared = shared.clone();
            let _ = std::thread::Builder::new()
                .name("inspector-accept".into())
                .spawn(move || accept_loop(listener, shared));
        }
        Ok(Server {
            shared,
            listeners,
            host: host.to_string(),
            port: bound,
        })
    }

    pub(super) fn url(&self) -> String {
        let host = if self.host.contains(':') && !self.host.starts_with('[') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        format!("ws://{host}:{}/{}", self.port, self.shared.id)
    }

    /// Stop listening and close every connection (their sessions end as their readers see
    /// the end of the stream).
    pub(super) fn stop(&self) {
        self.stop_accepting();
        // Each writer sends what is queued (answers to the last commands) before the close
        // frame, then shuts the connection down.
        for tx in lock(&self.shared.sockets).values() {
            let _ = tx.send(Out::Close);
        }
    }
}

impl Server {
    /// Stop listening; the debuggers attached stay.
    pub(super) fn stop_accepting(&self) {
        self.shared.stopped.store(true, Ordering::SeqCst);
        for listener in &self.listeners {
            // SAFETY: shutting down our own open descriptor; a blocked accept() returns.
            unsafe { libc::shutdown(listener.as_raw_fd(), libc::SHUT_RDWR) };
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// libuv's wording for the errors a listen may fail with, as Node prints them.
fn uv_message(e: &std::io::Error) -> String {
    match e.raw_os_error() {
        Some(libc::EADDRINUSE) => "address already in use".into(),
        Some(libc::EACCES) => "permission denied".into(),
        Some(libc::EADDRNOTAVAIL) => "address not available".into(),
        _ => match e.kind() {
            std::io::ErrorKind::NotFound => "name or service not known".into(),
            _ => {
                let text = e.to_string();
                let text = text.split(" (os error").next().unwrap_or(&text);
                text.to_lowercase()
            }
        },
    }
}

/// A random (version 4) UUID, the target's id.
fn uuid() -> String {
    let mut b = [0u8; 16];
    let read = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut b));
    if read.is_err() {
        // No /dev/urandom: the clock and the process id still make it unguessable enough
        // for a local id.
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let mixed = now ^ ((std::process::id() as u128) << 64);
        b = mixed.to_le_bytes();
    }
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    for stream in listener.incoming() {
        if shared.stopped.load(Ordering::SeqCst) {
            return;
        }
        let Ok(stream) = stream else {
            continue;
        };
        let shared = shared.clone();
        let _ = std::thread::Builder::new()
            .name("inspector-conn".into())
            .spawn(move || serve_connection(stream, shared));
    }
}

/// One request's head.
struct Request {
    path: String,
    headers: HashMap<String, String>,
}

fn read_request(stream: &mut TcpStream) -> Option<Request> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if head.len() > 64 * 1024 || stream.read(&mut byte).ok()? == 0 {
            return None;
        }
        head.push(byte[0]);
    }
    let text = String::from_utf8_lossy(&head);
    let mut lines = text.split("\r\n");
    let mut first = lines.next()?.split(' ');
    let _method = first.next()?;
    let path = first.next()?.to_string();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Some(Request { path, headers })
}

fn serve_connection(mut stream: TcpStream, shared: Arc<Shared>) {
    let Some(request) = read_request(&mut stream) else {
        return;
    };
    let upgrade = request
        .headers
        .get("upgrade")
        .is_some_and(|u| u.eq_ignore_ascii_case("websocket"));
    let key = request.headers.get("sec-websocket-key");
    if let (true, Some(key)) = (upgrade, key) {
        if request.path == format!("/{}", shared.id) {
            let key = key.clone();
            websocket(stream, &key, shared);
            return;
        }
        bad_request(&mut stream);
        return;
    }
    // The host the debugger reached us by names the target in the answers (Node echoes it).
    let host = request.headers.get("host").cloned().unwrap_or_else(|| {
        stream
            .local_addr()
            .map(|a| a.to_string())
            .unwrap_or_default()
    });
    let path = request.path.split('?').next().unwrap_or("");
    let body = match path {
        "/json" | "/json/list" if shared.target.publish_http => Some(list(&shared, &host)),
        "/json" | "/json/list" => {
            let _ = stream.write_all(b"HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n");
            return;
        }
        "/json/version" => Some(format!(
            "{{\n  \"Browser\": \"node.js/{}\",\n  \"Protocol-Version\": \"1.1\"\n}} ",
            shared.target.version
        )),
        _ => None,
    };
    match body {
        Some(body) => {
            let response = format!(
                "HTTP/1.0 200 OK\r\nContent-Type: application/json; charset=UTF-8\r\n\
                 Cache-Control: no-cache\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(response.as_bytes());
        }
        None => bad_request(&mut stream),
    }
}

/// Node's answer to anything but its endpoints and a WebSocket upgrade to the target.
fn bad_request(stream: &mut TcpStream) {
    let _ = stream.write_all(
        b"HTTP/1.0 400 Bad Request\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n\
          WebSockets request was expected\r\n",
    );
}

fn list(shared: &Shared, host: &str) -> String {
    let id = &shared.id;
    format!(
        "[ {{\n  \"description\": \"node.js instance\",\n  \
         \"devtoolsFrontendUrl\": \"devtools://devtools/bundled/js_app.html?experiments=true&v8only=true&ws={host}/{id}\",\n  \
         \"devtoolsFrontendUrlCompat\": \"devtools://devtools/bundled/inspector.html?experiments=true&v8only=true&ws={host}/{id}\",\n  \
         \"faviconUrl\": \"https://nodejs.org/static/images/favicons/favicon.ico\",\n  \
         \"id\": \"{id}\",\n  \"title\": {},\n  \"type\": \"node\",\n  \"url\": {},\n  \
         \"webSocketDebuggerUrl\": \"ws://{host}/{id}\"\n}} ]\n\n",
        json_string(&shared.target.title),
        json_string(&shared.target.url),
    )
}

pub(super) fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Complete the handshake and run the session until either side ends it.
fn websocket(mut stream: TcpStream, key: &str, shared: Arc<Shared>) {
    let response = format!(
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
         Sec-WebSocket-Accept: {}\r\n\r\n",
        ws::accept_key(key)
    );
    if stream.write_all(response.as_bytes()).is_err() {
        return;
    }
    let Ok(writer) = stream.try_clone() else {
        return;
    };
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    if shared.stopped.load(Ordering::SeqCst) {
        let _ = stream.shutdown(Shutdown::Both);
        return;
    }
    eprintln!("Debugger attached.");
    let (tx, rx) = mpsc::channel();
    lock(&shared.sockets).insert(id, tx.clone());
    let writing = std::thread::Builder::new()
        .name("inspector-write".into())
        .spawn(move || write_loop(writer, rx));
    shared.endpoint.send(Command::Connect {
        id,
        outbox: Arc::new(Outbox::socket(tx.clone())),
    });
    loop {
        match ws::read_message(&mut stream) {
            Ok(ws::Incoming::Text(message)) => {
                shared.endpoint.send(Command::Dispatch { id, message })
            }
            Ok(ws::Incoming::Ping(payload)) => {
                let _ = tx.send(Out::Pong(payload));
            }
            Ok(ws::Incoming::Close) | Err(_) => break,
        }
    }
    shared.endpoint.send(Command::Disconnect { id });
    lock(&shared.sockets).remove(&id);
    let _ = tx.send(Out::Close);
    drop(tx);
    if let Ok(writing) = writing {
        let _ = writing.join();
    }
    let _ = stream.shutdown(Shutdown::Both);
}

fn write_loop(mut stream: TcpStream, rx: mpsc::Receiver<Out>) {
    for out in rx {
        let done = match out {
            Out::Text(text) => ws::write_frame(&mut stream, ws::OP_TEXT, text.as_bytes()).is_err(),
            Out::Pong(payload) => ws::write_frame(&mut stream, ws::OP_PONG, &payload).is_err(),
            Out::Close => {
                let _ = ws::write_frame(&mut stream, ws::OP_CLOSE, &[]);
                let _ = stream.shutdown(Shutdown::Both);
                true
            }
        };
        if done {
            return;
        }
    }
}
